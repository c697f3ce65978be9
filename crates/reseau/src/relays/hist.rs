//! HIST (Guo, Wang, Wei & Chen, "Influence maximization revisited: efficient reverse
//! reachable set generation with bound tightened", SIGMOD 2020): relay selection where RR
//! sets are huge, because the model reaches much of the network (IC p = 0.1 on a large
//! graph), in two phases.
//!
//! **Phase 1** draws two small collections of whole RR sets, R1 and R2 (32 sets each to
//! begin with), and chooses k people greedily on R1. The first b of them are the sentinel set
//! S_b, b the largest for which R2's lower bound on σ(S_b) reaches (1 − (1 − 1/k)^b − ε/2)
//! of R1's upper bound on the optimum (the greedy's own b-step guarantee, less ε/2; the
//! collections double until some b ≥ 1 passes). This test only chooses b: the guarantee
//! rests on phase 2's bounds alone. Where one person reaches much of the network a few
//! hundred sets pick a handful of sentinels.
//!
//! **Phase 2** chooses the other k − b people, greedily, on RR sets that stop as soon as they
//! meet S_b: such a set is covered by S_b whatever else it holds, so it is only counted. The
//! coverage of S_b ∪ T is then exactly what whole sets would give, for a fraction of the
//! memory and the time (the sets that miss S_b, all that is kept, are the small ones).
//!
//! The certificate is OPIM-C's, on phase 2's two independent truncated collections R1′
//! (which chooses T) and R2′: R2′ bounds σ(S_b ∪ T) from below; R1′ bounds the optimum from
//! above, since for the best k people O, OPT_k ≤ σ(S_b ∪ O), a set fixed by S_b alone, whose
//! coverage of R1′ is at most the sets S_b meets plus the greedy prefix bound on the best k
//! people's coverage of the rest. Their ratio α is a lower bound on the choice's
//! approximation ratio; the collections grow by √2 until α ≥ 1 − 1/e − ε, or to OPIM-C's
//! θ_max for ε/2 (the paper's split of ε between the phases). Every bound of either phase
//! holds with probability 1 − δ/(3·i), i the most rounds both phases can make, δ = 1/n^ℓ.

// The docs write maths as the papers do (S_b, σ, θ_max).
#![allow(clippy::doc_markdown)]

use std::f64::consts::SQRT_2;

use super::Outcome;
use super::budget::GREEDY_RATIO;
use super::coverage::{Bound, greedy_beside};
use super::imm::ln_binomial;
use super::opim::{lower_bound, theta_max, upper_bound};
use crate::control::Control;
use crate::error::Result;
use crate::math::ln;
use crate::memory::Budget;
use crate::rng::Stream;
use crate::rrsets::{Index, LiveGraph, RrSets, Storage};

/// Sets per block in phase 1: its collections stay small (a few dozen sets may pick the
/// sentinels) while each of their sets may hold much of the network.
const SENTINEL_BLOCK: u64 = 32;

/// Stream tags of phase 2's collections, derived from phase 1's seeds.
const PHASE_2: u64 = 0x4849_5354_0000_0002; // "HIST" 2

/// Runs HIST for `k` people; `seeds` are the streams of R1 and R2 (R1′ and R2′ derive from
/// them); its RR sets within `memory`, kept as `storage` says.
pub(crate) fn hist(
    graph: &LiveGraph<'_>,
    k: usize,
    epsilon: f64,
    ell: f64,
    seeds: [u64; 2],
    control: &Control<'_>,
    (memory, storage): (Budget, Storage),
) -> Result<Outcome> {
    let n = graph.num_people();
    let (nf, kf) = (n as f64, k as f64);
    let ln_inv_delta = ell * ln(nf);
    let half = epsilon / 2.0;
    let block = SENTINEL_BLOCK as f64;
    // Phase 1 stops at OPIM-C's θ_max for ε/2 at the latest (all k people then pass).
    let cap1 = theta_max(nf, kf, GREEDY_RATIO, half, ln_binomial(n, k), ln_inv_delta).max(block);
    let rounds1 = (ln(cap1 / block) / ln(2.0)).ceil().max(0.0) + 1.0;

    // Phase 1: the sentinel set.
    let small = |n| RrSets::new(n).stored(storage).in_blocks_of(SENTINEL_BLOCK);
    let (mut r1, mut r2) = (small(n), small(n));
    let mut want = SENTINEL_BLOCK;
    let mut round = 1.0;
    let a1 = ln(3.0 * (rounds1 + rounds2_bound(nf, kf, half, ln_inv_delta))) + ln_inv_delta;
    let (sentinels, gains1, theta1) = loop {
        let cap = cap1.ceil() as u64;
        let theta = r1.extend_within(graph, seeds[0], want.min(cap), control, memory.share(2))?;
        r2.extend_within(graph, seeds[1], theta, control, memory.share(2))?;
        let index = Index::new(&r1, n);
        let picked = greedy_beside(&r1, &index, n, k, k, Bound::Compute, &[]);
        let theta_f = theta as f64;
        let upper = upper_bound(picked.upper.unwrap_or(f64::INFINITY), a1, nf, theta_f);
        let prefix = prefix_coverage(&r2, &picked.relays, n);
        // The largest b whose bounded share of the optimum reaches the greedy's, less ε/2
        // ((1 − 1/k)^b by repeated products: the same bits on every platform).
        let (keep, mut power, mut b) = (1.0 - 1.0 / kf, 1.0, 0);
        for (j, &covered) in prefix.iter().enumerate().skip(1) {
            power *= keep;
            let lower = lower_bound(covered as f64, a1, nf, theta_f);
            if upper > 0.0 && lower / upper >= 1.0 - power - half {
                b = j;
            }
        }
        trace(format_args!(
            "phase=1 round={round} theta={theta} b={b} multi={} members={} upper={upper:.1}",
            r1.multi_len(),
            r1.members()
        ));
        if b > 0 || theta >= cap || round >= rounds1 {
            let b = b.max(1).min(picked.relays.len());
            let scale = nf / theta_f;
            let gains = picked.gains[..b].iter().map(|&g| g as f64 * scale).collect::<Vec<_>>();
            break (picked.relays[..b].to_vec(), gains, theta);
        }
        want = theta.saturating_mul(2);
        round += 1.0;
    };
    drop((r1, r2));

    // Phase 2: the other k − b people on sets cut short at the sentinels.
    let b = sentinels.len();
    let mut stop = vec![false; n];
    for &v in &sentinels {
        stop[v as usize] = true;
    }
    let seeds2 =
        [Stream::new(seeds[0], PHASE_2).next_u64(), Stream::new(seeds[1], PHASE_2).next_u64()];
    let cap2 = theta_max(nf, kf, GREEDY_RATIO, half, ln_binomial(n, k - b), ln_inv_delta);
    let cap2 = cap2.max(theta1 as f64);
    let cap = cap2.ceil() as u64;
    let (mut q1, mut q2) = (
        RrSets::truncated(n, stop.clone()).stored(storage),
        RrSets::truncated(n, stop.clone()).stored(storage),
    );
    let mut goal = theta1 as f64;
    loop {
        let want = (goal.ceil() as u64).clamp(1, cap);
        let theta = q1.extend_within(graph, seeds2[0], want, control, memory.share(2))?;
        q2.extend_within(graph, seeds2[1], theta, control, memory.share(2))?;
        let index = Index::new(&q1, n);
        let picked = greedy_beside(&q1, &index, n, k - b, k, Bound::Compute, &stop);
        let mut chosen = stop.clone();
        for &v in &picked.relays {
            chosen[v as usize] = true;
        }
        let covered2 = q2.count_covered(&chosen) as f64;
        let theta_f = theta as f64;
        let lower = lower_bound(covered2, a1, nf, theta_f);
        let upper_cover = q1.hits() as f64 + picked.upper.unwrap_or(f64::INFINITY);
        let upper = upper_bound(upper_cover, a1, nf, theta_f);
        let alpha = if upper > 0.0 { (lower / upper).min(1.0) } else { 0.0 };
        trace(format_args!(
            "phase=2 b={b} theta={theta} hits1={} hits2={} multi={} members={} lower={lower:.1} upper={upper:.1} alpha={alpha:.4} cap={cap}",
            q1.hits(),
            q2.hits(),
            q1.multi_len(),
            q1.members()
        ));
        if alpha >= GREEDY_RATIO - epsilon || theta >= cap {
            let scale = nf / theta_f;
            let mut relays = sentinels;
            relays.extend(&picked.relays);
            let mut gains = gains1;
            gains.extend(picked.gains.iter().map(|&g| g as f64 * scale));
            return Ok(Outcome {
                relays,
                gains,
                estimate: covered2 * scale,
                samples: 2 * theta1 + 2 * theta,
                approximation: graph.exact.then_some(alpha),
            });
        }
        goal *= SQRT_2;
    }
}

/// Diagnostics on standard error when `RESEAU_HIST_TRACE` is set, with this thread's
/// processor time (Linux).
fn trace(what: std::fmt::Arguments<'_>) {
    if std::env::var_os("RESEAU_HIST_TRACE").is_none() {
        return;
    }
    let cpu = std::fs::read_to_string("/proc/thread-self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1.split_whitespace().collect::<Vec<_>>();
            let ticks = rest.get(11)?.parse::<u64>().ok()? + rest.get(12)?.parse::<u64>().ok()?;
            Some(ticks as f64 / 100.0)
        })
        .unwrap_or(f64::NAN);
    eprintln!("hist: cpu={cpu:.2} {what}");
}

/// The most rounds phase 2 can make: from phase 1's first size to θ_max for ε/2 with b = 0,
/// by √2.
fn rounds2_bound(n: f64, k: f64, half: f64, ln_inv_delta: f64) -> f64 {
    let lnc = ln_binomial(n as usize, k as usize);
    let first = SENTINEL_BLOCK as f64;
    let cap = theta_max(n, k, GREEDY_RATIO, half, lnc, ln_inv_delta).max(first);
    (2.0 * ln(cap / first) / ln(2.0)).ceil().max(0.0) + 1.0
}

/// `prefix[j]`: the sets of `rr` that the first j people of `order` meet (j = 0 ..= len).
fn prefix_coverage(rr: &RrSets, order: &[u32], n: usize) -> Vec<u64> {
    let mut position = vec![u32::MAX; n];
    for (i, &v) in order.iter().enumerate() {
        position[v as usize] = i as u32;
    }
    let mut first = vec![0u64; order.len() + 1];
    for (i, &v) in order.iter().enumerate() {
        first[i] += u64::from(rr.singles(v));
    }
    rr.for_each_set(|_, set| {
        let p = set.iter().map(|&v| position[v as usize]).min().unwrap_or(u32::MAX);
        if p != u32::MAX {
            first[p as usize] += 1;
        }
    });
    let mut prefix = vec![0u64; order.len() + 1];
    for j in 0..order.len() {
        prefix[j + 1] = prefix[j] + first[j];
    }
    prefix
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_coverage_counts_each_set_once_at_its_first_member() {
        let mut rr = RrSets::new(4);
        for set in [&[0u32, 1][..], &[1, 2], &[1], &[3], &[2, 3]] {
            rr.push_set(set);
        }
        // Order 1, 3, 0: {0,1}, {1,2}, {1} at 1; {3}, {2,3} at 3; nothing more at 0.
        assert_eq!(prefix_coverage(&rr, &[1, 3, 0], 4), vec![0, 3, 5, 5]);
        assert_eq!(prefix_coverage(&rr, &[], 4), vec![0]);
    }
}
