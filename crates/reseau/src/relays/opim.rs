//! OPIM-C (Tang, Tang, Xiao & Yuan, "Online processing algorithms for influence
//! maximization", SIGMOD 2018), with the bounds as tight as the analysis allows (the point
//! Guo, Wang, Wei & Chen make in SUBSIM, SIGMOD 2020).
//!
//! Two independent collections of RR sets: R1 chooses the relays (greedy maximum coverage)
//! and bounds the optimum from above; R2, which played no part in the choice, bounds the
//! chosen relays' spread from below. Both bounds are martingale concentration bounds, each
//! holding with probability 1 − δ/(3·i_max). Their ratio is a certified lower bound α on the
//! choice's approximation ratio; the collections grow until α reaches (1 − 1/e − ε) or the
//! size θ_max at which that ratio holds anyway. Here δ = 1/n^ℓ, as for IMM.
//!
//! Both concentration bounds are about one fixed set each: the optimum S° (fixed by the
//! network, whichever RR sets are drawn) and the chosen S_k (fixed once R1 is, and R2 is
//! independent of R1). Neither needs a union bound over the C(n, k) sets of k people, so
//! both use a = ln(3·i_max/δ); only θ_max, where the choice itself must be good on R1,
//! pays ln C(n, k).
//!
//! The upper bound on the optimum uses the greedy prefixes: for every prefix S_j, the optimum
//! covers at most Λ(S_j) plus the k largest marginal coverages given S_j (OPIM-C's tighter
//! bound; within a budget, plus the fractional knapsack of the marginal coverages).
//!
//! The collections grow by √2 rather than 2 at each round: the certificate passes at some
//! size, and the last round overshoots it by the growth factor at most. A round's extra cost
//! is one greedy pass, small against the sets it saves drawing; the extra rounds only enter
//! the bounds through ln(i_max).

use std::f64::consts::{LN_2, SQRT_2};

use super::Outcome;
use super::budget::Limit;
use super::coverage::{Bound, Coverage};
use super::imm::ln_binomial;
use crate::control::Control;
use crate::error::Result;
use crate::math::ln;
use crate::memory::Budget;
use crate::rrsets::{Index, LiveGraph, RrSets, Storage};

/// A lower bound on the spread of a set fixed before `theta` RR sets were drawn, which meet
/// `covered` of them; it holds with probability 1 − e^−`a` (the martingale bound of Tang et
/// al. 2018).
pub(crate) fn lower_bound(covered: f64, a: f64, n: f64, theta: f64) -> f64 {
    let d = ((covered + 2.0 * a / 9.0).sqrt() - (a / 2.0).sqrt()).max(0.0);
    (d * d - a / 18.0).max(0.0) * n / theta
}

/// An upper bound on the spread of a set fixed before `theta` RR sets were drawn, which meet
/// at most `covered` of them; it holds with probability 1 − e^−`a`.
pub(crate) fn upper_bound(covered: f64, a: f64, n: f64, theta: f64) -> f64 {
    ((covered + a / 2.0).sqrt() + (a / 2.0).sqrt()).powi(2) * n / theta
}

/// OPIM-C's largest collection: θ_max sets make the greedy choice within (`rho` − `epsilon`)
/// of the optimum with probability 1 − δ/3 (`ln_c` = ln C(n, k), `ln_inv_delta` = ln 1/δ).
pub(crate) fn theta_max(
    n: f64,
    k: f64,
    rho: f64,
    epsilon: f64,
    ln_c: f64,
    ln_inv_delta: f64,
) -> f64 {
    let ln6 = ln(6.0) + ln_inv_delta;
    2.0 * n * (rho * ln6.sqrt() + (rho * (ln_c + ln6)).sqrt()).powi(2) / (epsilon * epsilon * k)
}

/// OPIM-C's rounds: how many sets each round wants, and whether a round's choice is
/// certified. Shared by [`opim_c`] and the distributed driver ([`super::distributed`]), so
/// that both take the same rounds and stop at the same one.
#[derive(Debug, Clone)]
pub(crate) struct Rounds {
    nf: f64,
    rho: f64,
    epsilon: f64,
    i_max: f64,
    a: f64,
    cap: u64,
    /// The current round (from 1) and the sets it aims at.
    i: f64,
    goal: f64,
}

/// A round's choice as the driver of the rounds sees it.
#[derive(Debug, Clone)]
pub(crate) struct RoundChoice {
    /// The people chosen on R1, in order, and the R1 sets each newly covered.
    pub(crate) relays: Vec<u32>,
    pub(crate) gains: Vec<u64>,
    /// The upper bound on the best feasible coverage of R1 (`None`: none known).
    pub(crate) upper: Option<f64>,
    /// The R2 sets the choice covers.
    pub(crate) covered2: u64,
}

impl Rounds {
    /// The rounds for choosing among `n` people within `limit`.
    pub(crate) fn new(n: usize, limit: &Limit<'_>, epsilon: f64, ell: f64) -> Self {
        let nf = n as f64;
        let k = limit.max_count(n);
        let kf = k as f64;
        let rho = limit.ratio();
        let lnc = ln_binomial(n, k);
        let ln_inv_delta = ell * ln(nf);
        let theta_max = theta_max(nf, kf, rho, epsilon, lnc, ln_inv_delta);
        let theta0 = theta_max * epsilon * epsilon * kf / nf;
        // Rounds 1..i_max grow θ0 by √2 each; the last is θ_max itself.
        let i_max = (2.0 * ln(theta_max / theta0) / LN_2).ceil().max(0.0) + 1.0;
        let a = ln(3.0 * i_max) + ln_inv_delta;
        let cap = if theta_max >= u64::MAX as f64 { u64::MAX } else { theta_max.ceil() as u64 };
        Rounds { nf, rho, epsilon, i_max, a, cap, i: 1.0, goal: theta0 }
    }

    /// The sets each collection should hold this round (drawn in whole blocks, so perhaps a
    /// few more).
    pub(crate) fn want(&self) -> u64 {
        if self.i >= self.i_max { self.cap } else { (self.goal.ceil() as u64).clamp(1, self.cap) }
    }

    /// The outcome when `choice`, made on collections of `theta` sets each, is certified
    /// (or the rounds are over); otherwise `None`, and the next round begins. `exact`: the
    /// model is a live-edge model, so that α is a bound on the spread's ratio.
    pub(crate) fn settle(
        &mut self,
        theta: u64,
        choice: RoundChoice,
        exact: bool,
    ) -> Option<Outcome> {
        let (nf, a) = (self.nf, self.a);
        let covered2 = choice.covered2 as f64;
        let theta_f = theta as f64;
        let lower = lower_bound(covered2, a, nf, theta_f);
        let upper = upper_bound(choice.upper.unwrap_or(f64::INFINITY), a, nf, theta_f);
        let alpha = if upper > 0.0 { (lower / upper).min(1.0) } else { 0.0 };
        if alpha >= self.rho - self.epsilon || self.i >= self.i_max || theta >= self.cap {
            let scale = nf / theta_f;
            return Some(Outcome {
                gains: choice.gains.iter().map(|&g| g as f64 * scale).collect(),
                relays: choice.relays,
                estimate: covered2 * scale,
                samples: 2 * theta,
                approximation: exact.then_some(alpha),
            });
        }
        self.goal *= SQRT_2;
        self.i += 1.0;
        // A round whose goal the sets drawn already meet (they come in whole blocks) would
        // repeat this choice and its α exactly: skip it. Fewer bounds are then checked than
        // i_max allows for, so the union bound over the rounds still holds.
        while self.i < self.i_max && self.want() <= theta {
            self.goal *= SQRT_2;
            self.i += 1.0;
        }
        None
    }
}

/// Runs OPIM-C; `seeds` are the streams of R1 and R2; its RR sets within `memory`, kept as
/// `storage` says.
pub(crate) fn opim_c(
    graph: &LiveGraph<'_>,
    limit: &Limit<'_>,
    epsilon: f64,
    ell: f64,
    seeds: [u64; 2],
    control: &Control<'_>,
    (memory, storage): (Budget, Storage),
) -> Result<Outcome> {
    let n = graph.num_people();
    let mut rounds = Rounds::new(n, limit, epsilon, ell);
    let (mut r1, mut r2) = (RrSets::new(n).stored(storage), RrSets::new(n).stored(storage));
    // Kept from round to round, so that a round costs what its sets hold: R1's index only
    // takes in the new sets, and the counts and marks over everyone are reused.
    let mut index = Index::growing(n);
    let mut cov = Coverage::new(&r1, &index, n);
    let mut mask = vec![false; n];
    loop {
        let want = rounds.want();
        // Two collections at once, each with half the memory.
        let theta = r1.extend_within(graph, seeds[0], want, control, memory.share(2))?;
        r2.extend_within(graph, seeds[1], theta, control, memory.share(2))?;
        index.extend(&r1);
        let picked = limit.pick_on(&mut cov, &r1, &index, Bound::Compute);
        let covered2 = r2.count_covered_by(&picked.relays, &mut mask);
        let choice = RoundChoice {
            relays: picked.relays,
            gains: picked.gains,
            upper: picked.upper,
            covered2,
        };
        if let Some(outcome) = rounds.settle(theta, choice, graph.exact) {
            return Ok(outcome);
        }
    }
}
