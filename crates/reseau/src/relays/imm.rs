//! IMM: Influence Maximization via Martingales (Tang, Shi & Xiao, SIGMOD 2015).
//!
//! A first phase doubles a guess x of the optimal spread downwards (x = n/2, n/4, …), drawing
//! θ_i = λ′/x RR sets each time, until the greedy choice's estimated spread certifies a lower
//! bound LB on the optimum. The final phase draws θ = λ*/LB RR sets and returns the greedy
//! choice on them, which is within (1 − 1/e − ε) of the optimum with probability at least
//! 1 − 1/n^ℓ (ℓ is raised to ℓ·(1 + ln 2/ln n) so that both phases together keep that).
//!
//! The final RR sets are drawn afresh rather than extending the first phase's: reusing them
//! breaks the independence the martingale argument needs (Chen, "An issue in the martingale
//! analysis of the influence maximization algorithm IMM", 2018). Within a budget the greedy's
//! ratio ρ = ½(1 − 1/e) takes the place of 1 − 1/e in λ*, and k is the most people the budget
//! buys.
//!
//! The sample sizes use the crate's portable logarithm, so that native and WebAssembly builds
//! draw exactly as many sets.

use std::f64::consts::{LN_2, SQRT_2};

use super::Outcome;
use super::budget::Limit;
use super::coverage::Bound;
use crate::control::Control;
use crate::error::Result;
use crate::math::ln;
use crate::memory::Budget;
use crate::rrsets::{Index, LiveGraph, RrSets, Storage};

/// ln C(n, k), summed term by term with the portable logarithm.
pub(crate) fn ln_binomial(n: usize, k: usize) -> f64 {
    let k = k.min(n - k.min(n));
    (0..k).map(|i| ln((n - i) as f64) - ln((i + 1) as f64)).sum()
}

/// ⌈log2 n⌉ for n ≥ 1.
pub(crate) fn ceil_log2(n: usize) -> u32 {
    usize::BITS - n.saturating_sub(1).leading_zeros()
}

/// Runs IMM; `seeds` are the streams of its two phases; its RR sets within `memory`, kept as
/// `storage` says.
pub(crate) fn imm(
    graph: &LiveGraph<'_>,
    limit: &Limit<'_>,
    epsilon: f64,
    ell: f64,
    seeds: [u64; 2],
    control: &Control<'_>,
    (memory, storage): (Budget, Storage),
) -> Result<Outcome> {
    let n = graph.num_people();
    let nf = n as f64;
    let k = limit.max_count(n);
    let rho = limit.ratio();
    let ln_n = ln(nf);
    let ell = if n > 1 { ell * (1.0 + LN_2 / ln_n) } else { ell };
    let lnc = ln_binomial(n, k);

    // Phase 1: a lower bound on the optimum.
    let eps1 = SQRT_2 * epsilon;
    let ln_log2_n = ln((ln_n / LN_2).max(1.0));
    let lambda1 = (2.0 + 2.0 / 3.0 * eps1) * (lnc + ell * ln_n + ln_log2_n) * nf / (eps1 * eps1);
    let mut lower = 1.0;
    let mut first = RrSets::new(n).stored(storage);
    for i in 1..ceil_log2(n) {
        let x = nf / f64::from(1u32 << i.min(31));
        first.extend_within(graph, seeds[0], (lambda1 / x).ceil() as u64, control, memory)?;
        let index = Index::new(&first, n);
        let picked = limit.pick(&first, &index, n, Bound::Skip);
        let estimate = nf * picked.covered as f64 / first.len() as f64;
        if estimate >= (1.0 + eps1) * x {
            lower = estimate / (1.0 + eps1);
            break;
        }
    }
    let phase1 = first.len();
    drop(first);

    // Phase 2: enough fresh sets for the guarantee.
    let alpha = (ell * ln_n + LN_2).sqrt();
    let beta = (rho * (lnc + ell * ln_n + LN_2)).sqrt();
    let lambda = 2.0 * nf * (rho * alpha + beta).powi(2) / (epsilon * epsilon);
    let theta = (lambda / lower).ceil().max(1.0) as u64;
    let mut rr = RrSets::new(n).stored(storage);
    let theta = rr.extend_within(graph, seeds[1], theta, control, memory)?;
    let index = Index::new(&rr, n);
    let picked = limit.pick(&rr, &index, n, Bound::Skip);
    let scale = nf / theta as f64;
    Ok(Outcome {
        gains: picked.gains.iter().map(|&g| g as f64 * scale).collect(),
        relays: picked.relays,
        estimate: picked.covered as f64 * scale,
        samples: phase1 + theta,
        approximation: graph.exact.then_some(rho - epsilon),
    })
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact zeros
mod tests {
    use super::*;

    #[test]
    fn binomials_and_logs() {
        assert!((ln_binomial(10, 3) - 120f64.ln()).abs() < 1e-12);
        assert!((ln_binomial(10, 7) - 120f64.ln()).abs() < 1e-12);
        assert_eq!(ln_binomial(5, 5), 0.0);
        assert_eq!(ln_binomial(5, 0), 0.0);
        assert_eq!((ceil_log2(1), ceil_log2(2), ceil_log2(3), ceil_log2(1024)), (0, 1, 2, 10));
    }
}
