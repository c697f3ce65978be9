//! E-reputation over time: how many people hold the good view and the bad view at the end of
//! each step, tallied over runs with integer sums (so the result is the same for any number of
//! threads), and summarised as mean shares with their 95% intervals.
//!
//! A view, once the step that gave it is over, is final: the engine lets bad buzz overturn good
//! buzz only within the step that brought the good buzz. A person convinced at step t with
//! the valence they end the run with therefore holds that view from the end of step t on.

use serde::{Deserialize, Serialize};

/// Opinion step by step: the mean share of the network holding the good view and the bad
/// view at the end of each step (from step 0 to the last step any run reached; a run that
/// ended earlier keeps its final shares), their difference, and 95% intervals over the runs
/// (normal approximation: mean ± 1.96 std / √runs). `good[t] + bad[t] ≤ 1`.
///
/// ```
/// use reseau::cascade::{Model, SimulateRequest, simulate};
/// let net = reseau::datasets::aarhus_cs().compile();
/// // A crisis: bad buzz from person 5 at once, the response from person 0 two steps later.
/// let request = SimulateRequest::new([0]).bad_seeds([5]).starts(2, 0)
///     .model(Model::independent_cascade(0.2)).runs(500).seed(1);
/// let opinion = simulate(&net, &request)?.opinion;
/// assert_eq!((opinion.good[0], opinion.bad[0]), (0.0, 1.0 / 61.0)); // only the bad seed
/// assert_eq!(opinion.good[1], 0.0);
/// assert!(opinion.good[2] > 0.0); // the response has started (where bad buzz has not come first)
/// let t = opinion.good.len() - 1;
/// assert!(opinion.good[t] + opinion.bad[t] <= 1.0);
/// assert!((opinion.net[t] - (opinion.good[t] - opinion.bad[t])).abs() < 1e-12);
/// assert!(opinion.bad_ahead_steps >= 2.0); // bad buzz alone for the first two steps
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OpinionByStep {
    /// The mean share of people holding the good view at the end of each step.
    pub good: Vec<f64>,
    /// Its 95% interval, step by step.
    pub good_ci95: Vec<[f64; 2]>,
    /// The mean share of people holding the bad view at the end of each step.
    pub bad: Vec<f64>,
    /// Its 95% interval, step by step.
    pub bad_ci95: Vec<[f64; 2]>,
    /// Good minus bad, the net e-reputation of the campaigns' subject, step by step.
    pub net: Vec<f64>,
    /// Its 95% interval, step by step.
    pub net_ci95: Vec<[f64; 2]>,
    /// The mean number of steps, from step 0 to the run's last, at the end of which more
    /// people hold the bad view than the good one.
    pub bad_ahead_steps: f64,
    /// Its 95% interval.
    pub bad_ahead_ci95: [f64; 2],
}

/// The integer sums behind [`OpinionByStep`]. Per step t, each run's counts of people holding
/// the good view (g) and the bad view (b) are cumulative, so a run that has ended keeps adding its final counts to later
/// steps; the sums are stored as increments from one step to the next (of g, b, g², b² and
/// g·b, all non-decreasing along a run), which extend to any later step by adding nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct OpinionTally {
    /// People convinced at each step, by their final valence.
    held: [Vec<u64>; 2],
    /// Increments of the sums of g², b² and g·b, step by step.
    #[serde(with = "super::text::u128_triples")]
    squares: Vec<[u128; 3]>,
    /// Steps at which bad led, summed over the runs, and the sum of their squares.
    ahead: u64,
    #[serde(with = "super::text::u128")]
    ahead_sq: u128,
    /// This run's people convinced at each step, by valence (empty between runs).
    #[serde(skip)]
    run: Vec<[u64; 2]>,
}

impl OpinionTally {
    /// Counts one person convinced at step `t` with valence index `k` in the current run.
    pub(crate) fn convinced(&mut self, t: usize, k: usize) {
        if self.run.len() <= t {
            self.run.resize(t + 1, [0, 0]);
        }
        self.run[t][k] += 1;
    }

    /// Closes the current run, whose people were counted with [`OpinionTally::convinced`], and
    /// adds its people convinced at each step to `by_step` (counted here once a step rather
    /// than by the caller once a person).
    #[inline] // run_block's, once a run: inlined whatever the codegen units
    pub(crate) fn end_run(&mut self, by_step: &mut Vec<u64>) {
        let steps = self.run.len();
        if self.held[0].len() < steps {
            for h in &mut self.held {
                h.resize(steps, 0);
            }
            self.squares.resize(steps, [0; 3]);
        }
        if by_step.len() < steps {
            by_step.resize(steps, 0);
        }
        // Counts of people are u64 and their products u128: one widening multiplication each.
        let wide = |x: u64, y: u64| u128::from(x) * u128::from(y);
        let (mut g, mut b) = (0u64, 0u64);
        let mut ahead = 0u64;
        for (t, counts) in self.run.iter().enumerate() {
            let (pg, pb) = (g, b);
            g += counts[0];
            b += counts[1];
            self.held[0][t] += counts[0];
            self.held[1][t] += counts[1];
            by_step[t] += counts[0] + counts[1];
            let sq = &mut self.squares[t];
            sq[0] += wide(g, g) - wide(pg, pg);
            sq[1] += wide(b, b) - wide(pb, pb);
            sq[2] += wide(g, b) - wide(pg, pb);
            ahead += u64::from(b > g);
        }
        self.ahead += ahead;
        self.ahead_sq += u128::from(ahead) * u128::from(ahead);
        self.run.clear();
    }

    /// Both tallies' runs together.
    pub(crate) fn merge(&mut self, other: &OpinionTally) {
        let steps = other.squares.len();
        if self.squares.len() < steps {
            for h in &mut self.held {
                h.resize(steps, 0);
            }
            self.squares.resize(steps, [0; 3]);
        }
        for k in 0..2 {
            for (a, b) in self.held[k].iter_mut().zip(&other.held[k]) {
                *a += b;
            }
        }
        for (a, b) in self.squares.iter_mut().zip(&other.squares) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        self.ahead += other.ahead;
        self.ahead_sq += other.ahead_sq;
    }

    /// Whether two tallies can be merged without overflow.
    pub(crate) fn can_merge(&self, other: &OpinionTally) -> bool {
        let fits = |a: &[u64], b: &[u64]| a.iter().zip(b).all(|(x, y)| x.checked_add(*y).is_some());
        (0..2).all(|k| fits(&self.held[k], &other.held[k]))
            && self
                .squares
                .iter()
                .zip(&other.squares)
                .all(|(a, b)| (0..3).all(|j| a[j].checked_add(b[j]).is_some()))
            && self.ahead.checked_add(other.ahead).is_some()
            && self.ahead_sq.checked_add(other.ahead_sq).is_some()
    }

    /// Whether the sums are those of real runs whose steps `by_step` counts: one length for
    /// every per-step list, the valences adding up to `by_step` step by step, at most `runs`
    /// steps ahead per step, squares at least their numbers.
    pub(crate) fn adds_up(&self, by_step: &[u64], runs: u64) -> bool {
        let steps = by_step.len();
        self.held.iter().all(|h| h.len() == steps)
            && self.squares.len() == steps
            && (0..steps).all(|t| self.held[0][t].checked_add(self.held[1][t]) == Some(by_step[t]))
            && self.ahead <= runs.saturating_mul(steps as u64)
            && self.ahead_sq >= u128::from(self.ahead)
    }

    /// The summary of `runs` runs on a network of `n` people.
    pub(crate) fn summary(&self, runs: u64, n: usize) -> OpinionByStep {
        let r = runs as f64;
        let people = n.max(1) as f64;
        let interval = |sum: f64, sum_sq: f64| {
            let mean = sum / r;
            let var = if runs > 1 { (sum_sq - r * mean * mean).max(0.0) / (r - 1.0) } else { 0.0 };
            (mean, crate::stats::normal_interval(mean, var.sqrt(), runs))
        };
        let share = |(mean, [lo, hi]): (f64, [f64; 2])| (mean / people, [lo / people, hi / people]);
        let mut out = OpinionByStep::default();
        let (mut g, mut b) = (0u64, 0u64);
        let mut sq = [0u128; 3];
        for t in 0..self.squares.len() {
            g += self.held[0][t];
            b += self.held[1][t];
            for (total, step) in sq.iter_mut().zip(self.squares[t]) {
                *total += step;
            }
            let [gg, bb, gb] = sq.map(|x| x as f64);
            let (mean, ci) = share(interval(g as f64, gg));
            out.good.push(mean);
            out.good_ci95.push(ci);
            let (mean, ci) = share(interval(b as f64, bb));
            out.bad.push(mean);
            out.bad_ci95.push(ci);
            // Σ(g − b)² = Σg² + Σb² − 2Σgb.
            let (mean, ci) = share(interval(g as f64 - b as f64, gg + bb - 2.0 * gb));
            out.net.push(mean);
            out.net_ci95.push(ci);
        }
        let (mean, ci) = interval(self.ahead as f64, self.ahead_sq as f64);
        (out.bad_ahead_steps, out.bad_ahead_ci95) = (mean, ci);
        out
    }
}
