//! OPIM-C (Tang, Tang, Xiao & Yuan, "Online processing algorithms for influence
//! maximization", SIGMOD 2018), with the bounds as tight as the analysis allows (the point
//! Guo, Wang, Wei & Chen make in SUBSIM, SIGMOD 2020).
//!
//! Two independent collections of RR sets: R1 chooses the relays (greedy maximum coverage)
//! and bounds the optimum from above; R2, which played no part in the choice, bounds the
//! chosen relays' spread from below. Both bounds are Chernoff–Hoeffding bounds on a binomial
//! count ([`chernoff_lower`], [`chernoff_upper`]; tighter than the martingale bounds of Tang
//! et al., which the HIST driver still uses), each holding with probability 1 − δ/(3·i_max).
//! A round's size θ is fixed before its sets are drawn (by the schedule below, never by what
//! the sets hold), so a fixed set's count among them is exactly Binomial(θ, σ/n). Their ratio is a certified lower bound α on the
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

/// Bernoulli(`q`)'s Kullback–Leibler divergence from Bernoulli(`p`), in nats (0 ln 0 = 0;
/// +∞ where `p` is 0 or 1 and `q` is not).
fn bernoulli_kl(q: f64, p: f64) -> f64 {
    let term = |x: f64, y: f64| if x <= 0.0 { 0.0 } else { x * ln(x / y) };
    term(q, p) + term(1.0 - q, 1.0 - p)
}

/// Bisection steps for the Chernoff bounds: each halves an interval within [0, 1]; the loop
/// stops sooner once the interval is within 10^-12 of its ends (the point kept is the
/// outer end, so stopping early only loosens the bound).
const BISECTIONS: usize = 80;

/// A lower bound on the spread of a set fixed before `theta` RR sets were drawn, which meet
/// `covered` of them; it holds with probability 1 − e^−`a`. Tighter than [`lower_bound`]:
/// the Chernoff–Hoeffding bound, exact for the binomial count it is about.
///
/// Why it holds: the set is fixed before the sets are drawn, and the sets are independent, so
/// the count X of sets it meets is Binomial(θ, p) with p = σ/n. Chernoff–Hoeffding (Hoeffding
/// 1963, Theorem 1): P(X ≥ θq) ≤ e^(−θ·KL(q‖p)) for every q ≥ p. The bound returned is
/// L(X) = n · inf{p′ ≤ X/θ : θ·KL(X/θ‖p′) ≤ a}. If p < L(X), then X/θ > p and
/// θ·KL(X/θ‖p) > a; KL(·‖p) increases above p, so X ≥ θq* where q* > p solves
/// θ·KL(q*‖p) = a, an event of probability at most e^(−a). The bisection keeps the point
/// outside {p′ : θ·KL ≤ a}, below the infimum: rounding only loosens the bound.
///
/// Why tighter: KL(q‖p) ≥ (p − q)²/(2p) for q ≤ p, the quadratic that Tang et al.'s
/// martingale bound rests on; the binomial's variance p(1 − p) is below p, by much when the
/// set reaches a large share of the network (ego-Facebook, email-Enron under WC).
pub(crate) fn chernoff_lower(covered: f64, a: f64, n: f64, theta: f64) -> f64 {
    let q = (covered / theta).min(1.0);
    if q.is_nan() || q <= 0.0 {
        return 0.0;
    }
    let limit = a / theta;
    // KL(q‖lo) > limit (outside), KL(q‖hi) ≤ limit (inside: hi = q gives 0).
    let (mut lo, mut hi) = (0.0_f64, q);
    for _ in 0..BISECTIONS {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi || hi - lo <= 1e-12 * hi {
            break;
        }
        if bernoulli_kl(q, mid) > limit { lo = mid } else { hi = mid }
    }
    lo * n
}

/// An upper bound on the spread of a set fixed before `theta` RR sets were drawn, which meet
/// at most `covered` of them; it holds with probability 1 − e^−`a`. Tighter than
/// [`upper_bound`]; the Chernoff–Hoeffding bound of [`chernoff_lower`], the other tail.
///
/// Why it holds: X ~ Binomial(θ, p) as there, and P(X ≤ θq) ≤ e^(−θ·KL(q‖p)) for q ≤ p. The
/// bound is U(c) = n · sup{p′ ≥ c/θ : θ·KL(c/θ‖p′) ≤ a}, which grows with c; so with X ≤ c,
/// U(c) ≥ U(X), and p > U(X) needs X/θ < p with θ·KL(X/θ‖p) > a, that is X ≤ θq* for the
/// q* < p solving θ·KL(q*‖p) = a: probability at most e^(−a). For OPIM-C's optimum S°,
/// fixed by the network, c is the greedy's upper bound on the best coverage of R1, which S°'s
/// coverage cannot exceed whatever R1 holds. The bisection keeps the point outside, above the
/// supremum.
pub(crate) fn chernoff_upper(covered: f64, a: f64, n: f64, theta: f64) -> f64 {
    let q = (covered / theta).max(0.0);
    if q.is_nan() || q >= 1.0 {
        return if covered.is_nan() { f64::NAN } else { n.max(covered * n / theta) };
    }
    let limit = a / theta;
    // KL(q‖lo) ≤ limit (inside: lo = q gives 0), KL(q‖hi) > limit (outside: +∞ at 1).
    let (mut lo, mut hi) = (q, 1.0_f64);
    for _ in 0..BISECTIONS {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi || hi - lo <= 1e-12 * hi {
            break;
        }
        if bernoulli_kl(q, mid) > limit { hi = mid } else { lo = mid }
    }
    hi * n
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
        let lower = chernoff_lower(covered2, a, nf, theta_f);
        let upper = chernoff_upper(choice.upper.unwrap_or(f64::INFINITY), a, nf, theta_f);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// P(X = x) for X ~ Binomial(θ, p), x = 0..=θ, by the ratio of successive terms.
    fn binomial_pmf(theta: usize, p: f64) -> Vec<f64> {
        let mut pmf = vec![0.0; theta + 1];
        if p <= 0.0 {
            pmf[0] = 1.0;
            return pmf;
        }
        if p >= 1.0 {
            pmf[theta] = 1.0;
            return pmf;
        }
        // Start from the mode, where the terms cannot underflow, and walk both ways.
        let mode = ((theta as f64 + 1.0) * p).floor().min(theta as f64) as usize;
        pmf[mode] = 1.0;
        for x in mode + 1..=theta {
            pmf[x] = pmf[x - 1] * (theta - x + 1) as f64 / x as f64 * p / (1.0 - p);
        }
        for x in (0..mode).rev() {
            pmf[x] = pmf[x + 1] * (x + 1) as f64 / (theta - x) as f64 * (1.0 - p) / p;
        }
        let total: f64 = pmf.iter().sum();
        pmf.iter().map(|v| v / total).collect()
    }

    /// The exact chance, over X ~ Binomial(θ, p), that each bound misses the true spread pn
    /// stays within e^−a, for every p on a fine grid (including the worst p, just past a jump
    /// of the bound, which the grid approaches from both sides).
    #[test]
    fn the_chernoff_bounds_miss_with_probability_at_most_e_to_the_minus_a() {
        let n = 1000.0;
        for &theta in &[1usize, 3, 10, 40, 150] {
            for &a in &[0.5, 2.0, 6.0] {
                let lows: Vec<f64> =
                    (0..=theta).map(|x| chernoff_lower(x as f64, a, n, theta as f64)).collect();
                let highs: Vec<f64> =
                    (0..=theta).map(|x| chernoff_upper(x as f64, a, n, theta as f64)).collect();
                // The jumps of the bounds as functions of p, and a grid between them.
                let mut ps: Vec<f64> = (1..2000).map(|i| f64::from(i) / 2000.0).collect();
                for &b in lows.iter().chain(&highs) {
                    let p = b / n;
                    ps.extend(
                        [p * (1.0 - 1e-9), p * (1.0 + 1e-9)]
                            .into_iter()
                            .filter(|&v| v > 0.0 && v < 1.0),
                    );
                }
                let allowed = crate::math::exp(-a) * (1.0 + 1e-9);
                for &p in &ps {
                    let pmf = binomial_pmf(theta, p);
                    let miss_low: f64 =
                        (0..=theta).filter(|&x| lows[x] > p * n).map(|x| pmf[x]).sum();
                    let miss_high: f64 =
                        (0..=theta).filter(|&x| highs[x] < p * n).map(|x| pmf[x]).sum();
                    assert!(miss_low <= allowed, "lower: θ {theta}, a {a}, p {p}: {miss_low}");
                    assert!(miss_high <= allowed, "upper: θ {theta}, a {a}, p {p}: {miss_high}");
                }
            }
        }
    }

    /// Never looser than the martingale bounds they replace, and strictly tighter where the
    /// set meets a large share of the sets.
    #[test]
    fn the_chernoff_bounds_are_at_least_as_tight_as_the_martingale_ones() {
        let n = 5000.0;
        for &theta in &[50.0, 1000.0, 20_000.0, 1e6] {
            for &a in &[1.0, 13.0, 30.0] {
                for i in 0..=100 {
                    let covered = theta * f64::from(i) / 100.0;
                    let (lo, old_lo) =
                        (chernoff_lower(covered, a, n, theta), lower_bound(covered, a, n, theta));
                    let (hi, old_hi) =
                        (chernoff_upper(covered, a, n, theta), upper_bound(covered, a, n, theta));
                    assert!(
                        lo >= old_lo * (1.0 - 1e-12),
                        "θ {theta} a {a} c {covered}: {lo} < {old_lo}"
                    );
                    assert!(
                        hi <= old_hi * (1.0 + 1e-12),
                        "θ {theta} a {a} c {covered}: {hi} > {old_hi}"
                    );
                    assert!(lo <= covered / theta * n && hi >= covered / theta * n);
                }
            }
        }
        // A third of the sets met, 20,000 sets: the tighter bounds give a larger ratio.
        let (c, a, t) = (6666.0, 13.0, 20_000.0);
        let ratio = chernoff_lower(c, a, n, t) / chernoff_upper(c, a, n, t);
        let old_ratio = lower_bound(c, a, n, t) / upper_bound(c, a, n, t);
        assert!(ratio > old_ratio + 0.005, "{ratio} against {old_ratio}");
    }
}
