//! The sweep's results: one row per mix and period, the best mix per measure and the most
//! robust one under decline.

use serde::{Deserialize, Serialize};

use super::BalanceRequest;

/// One mix on one period's network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BalanceRow {
    /// The share of effort on physical ties.
    pub mix: f64,
    /// The period (0: the network as given).
    pub period: u32,
    /// Ties the declining layer still has (`None` without decline).
    pub declining_ties: Option<usize>,
    /// Ties that moved from the declining layer to its successor (`None` without one).
    #[serde(default)]
    pub migrated_ties: Option<usize>,
    /// Referrals delivered over referrals asked, in the measured half of the steps.
    pub success_rate: f64,
    /// Its Wilson 95% interval.
    pub success_ci: [f64; 2],
    /// Mean steps from request to target over every delivered referral (`None`: none).
    pub time_to_target: Option<f64>,
    /// Its normal 95% interval.
    pub time_ci: Option<[f64; 2]>,
    /// Referrals delivered per step under the sweep's load, in the measured half.
    pub throughput: f64,
    /// Its 95% interval (the success rate's, times requests per step).
    pub throughput_ci: [f64; 2],
    /// The share of referral hops over physical ties.
    pub referral_offline_share: f64,
    /// The campaign's mean reach, seeds included.
    pub reach: f64,
    /// Its 95% interval.
    pub reach_ci: [f64; 2],
    /// The share of the campaign's activations carried by physical ties.
    pub cascade_offline_share: f64,
}

/// What a sweep compares mixes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Referral success rate (higher is better).
    SuccessRate,
    /// Mean time to target (lower is better).
    TimeToTarget,
    /// Referrals delivered per step under load (higher is better).
    Throughput,
    /// The campaign's reach (higher is better).
    Reach,
}

impl Measure {
    /// Every measure, in report order.
    pub const ALL: [Measure; 4] =
        [Measure::SuccessRate, Measure::TimeToTarget, Measure::Throughput, Measure::Reach];

    /// The measure's name, as serialised.
    ///
    /// ```
    /// assert_eq!(reseau::balance::Measure::TimeToTarget.as_str(), "time_to_target");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::SuccessRate => "success_rate",
            Measure::TimeToTarget => "time_to_target",
            Measure::Throughput => "throughput",
            Measure::Reach => "reach",
        }
    }

    /// Whether more is better.
    ///
    /// ```
    /// use reseau::balance::Measure;
    /// assert!(Measure::Reach.higher_is_better() && !Measure::TimeToTarget.higher_is_better());
    /// ```
    pub fn higher_is_better(self) -> bool {
        self != Measure::TimeToTarget
    }

    /// The row's value of this measure and its interval (`None` when there is none).
    ///
    /// ```
    /// use reseau::balance::{BalanceRequest, Measure, balance};
    /// let net = reseau::datasets::aarhus_cs();
    /// let options = BalanceRequest { mixes: vec![0.0, 1.0], steps: 20, runs: 50, seed: 1, ..Default::default() };
    /// let report = balance(&net, &options)?;
    /// let (reach, [low, high]) = Measure::Reach.of(report.row(1, 0)).unwrap();
    /// assert!(low <= reach && reach <= high);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn of(self, row: &BalanceRow) -> Option<(f64, [f64; 2])> {
        match self {
            Measure::SuccessRate => Some((row.success_rate, row.success_ci)),
            Measure::TimeToTarget => row.time_to_target.zip(row.time_ci),
            Measure::Throughput => Some((row.throughput, row.throughput_ci)),
            Measure::Reach => Some((row.reach, row.reach_ci)),
        }
    }

    /// A "better than" on values of this measure.
    fn better(self, a: f64, b: f64) -> bool {
        if self.higher_is_better() { a > b } else { a < b }
    }
}

/// The best mix for one measure, on the network as given (period 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BestMix {
    /// The measure.
    pub measure: Measure,
    /// The best mix (the first in sweep order among equals).
    pub mix: f64,
    /// Its value and 95% interval.
    pub value: f64,
    /// Its 95% interval.
    pub ci: [f64; 2],
    /// Neither the lowest nor the highest mix of the sweep.
    pub interior: bool,
    /// Interior, and its interval is disjoint from the intervals of both ends of the sweep.
    pub beats_ends: bool,
    /// Every mix's interval overlaps the best one's: the mix makes no clear difference.
    pub flat: bool,
}

/// The mix that does best over the whole decline, for one measure: in
/// [`BalanceReport::robust`] the best mean over periods 0 to the last (each period counts
/// once), in [`BalanceReport::maximin`] the best worst period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RobustMix {
    /// The measure.
    pub measure: Measure,
    /// The most robust mix.
    pub mix: f64,
    /// Its mean over the periods.
    pub mean: f64,
    /// A 95% interval of the mean: the periods' intervals averaged, bound by bound. The
    /// periods share their random numbers, so their errors are correlated; this is the
    /// interval of perfectly correlated errors, the widest any correlation gives.
    #[serde(default)]
    pub mean_ci: [f64; 2],
    /// Its value at its worst period.
    pub worst: f64,
    /// That period's 95% interval.
    #[serde(default)]
    pub worst_ci: [f64; 2],
    /// That period.
    pub worst_period: u32,
    /// Its value at period 0 (so that the loss is worst − this).
    pub initial: f64,
    /// Neither the lowest nor the highest mix of the sweep.
    #[serde(default)]
    pub interior: bool,
    /// Interior, and the interval it is ranked by (`mean_ci` for the most robust, `worst_ci`
    /// for the safest) is disjoint from the same interval of both ends of the sweep.
    #[serde(default)]
    pub beats_ends: bool,
}

/// The result of [`balance`](super::balance).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BalanceReport {
    /// The mixes, in the order given.
    pub mixes: Vec<f64>,
    /// The last period (0 without decline).
    pub periods: u32,
    /// The declining layer, if any.
    pub declining_layer: Option<String>,
    /// One row per period and mix: period 0's mixes in order, then period 1's, and so on.
    pub rows: Vec<BalanceRow>,
    /// The best mix per measure (measures with no value at any mix are left out).
    pub best: Vec<BestMix>,
    /// The most robust mix per measure: the best mean over the periods (empty without
    /// decline).
    pub robust: Vec<RobustMix>,
    /// The safest mix per measure: the one whose worst period is best, maximin (empty without
    /// decline). It differs from [`robust`](Self::robust) when a mix does well on average but
    /// badly once the platform is gone.
    #[serde(default)]
    pub maximin: Vec<RobustMix>,
}

/// How [`BalanceReport`] ranks mixes over the periods of decline.
#[derive(Clone, Copy)]
enum Over {
    /// The best mean.
    Mean,
    /// The best worst period.
    Worst,
}

impl BalanceReport {
    pub(crate) fn new(options: &BalanceRequest, periods: u32, rows: Vec<BalanceRow>) -> Self {
        let mut report = BalanceReport {
            mixes: options.mixes.clone(),
            periods,
            declining_layer: options.decline.as_ref().map(|d| d.layer.clone()),
            rows,
            best: Vec::new(),
            robust: Vec::new(),
            maximin: Vec::new(),
        };
        report.best = Measure::ALL.iter().filter_map(|&m| report.best_of(m)).collect();
        if periods > 0 {
            let over = |by| Measure::ALL.iter().filter_map(|&m| report.robust_of(m, by)).collect();
            let (robust, maximin) = (over(Over::Mean), over(Over::Worst));
            (report.robust, report.maximin) = (robust, maximin);
        }
        report
    }

    /// The row of mix number `mix` (its index in [`BalanceReport::mixes`]) at `period`.
    ///
    /// ```
    /// use reseau::balance::{BalanceRequest, balance};
    /// let net = reseau::datasets::aarhus_cs();
    /// let options = BalanceRequest { mixes: vec![0.0, 1.0], steps: 20, runs: 50, seed: 1, ..Default::default() };
    /// let report = balance(&net, &options)?;
    /// assert_eq!((report.row(1, 0).mix, report.row(1, 0).period), (1.0, 0));
    /// # Ok::<(), reseau::Error>(())
    /// ```
    ///
    /// # Panics
    /// If either is out of range.
    pub fn row(&self, mix: usize, period: u32) -> &BalanceRow {
        assert!(mix < self.mixes.len() && period <= self.periods, "no row ({mix}, {period})");
        &self.rows[period as usize * self.mixes.len() + mix]
    }

    /// The best mix for `measure`, if any mix has a value of it.
    ///
    /// ```
    /// use reseau::balance::{BalanceRequest, Measure, balance};
    /// let net = reseau::datasets::aarhus_cs();
    /// let options = BalanceRequest { mixes: vec![0.0, 1.0], steps: 20, runs: 50, seed: 1, ..Default::default() };
    /// let report = balance(&net, &options)?;
    /// let best = report.best(Measure::Reach).unwrap();
    /// assert_eq!((best.mix, best.interior), (1.0, false)); // offline ties carry most of it
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn best(&self, measure: Measure) -> Option<&BestMix> {
        self.best.iter().find(|b| b.measure == measure)
    }

    /// The most robust mix for `measure` under decline (`None` without decline).
    ///
    /// ```
    /// use reseau::balance::{BalanceRequest, Decline, Measure, balance};
    /// let net = reseau::datasets::aarhus_cs();
    /// let options = BalanceRequest { mixes: vec![0.0, 1.0], steps: 20, runs: 50, seed: 1, ..Default::default() };
    /// assert!(balance(&net, &options)?.robust(Measure::Reach).is_none());
    /// let declining = options.decline(Decline::new("facebook", 0.0, 1).vanish_at(1));
    /// assert_eq!(balance(&net, &declining)?.robust(Measure::Reach).unwrap().mix, 1.0);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn robust(&self, measure: Measure) -> Option<&RobustMix> {
        self.robust.iter().find(|b| b.measure == measure)
    }

    fn best_of(&self, measure: Measure) -> Option<BestMix> {
        let values: Vec<Option<(f64, [f64; 2])>> =
            (0..self.mixes.len()).map(|i| measure.of(self.row(i, 0))).collect();
        let mut best: Option<usize> = None;
        for (i, v) in values.iter().enumerate() {
            if let Some((x, _)) = v {
                if best.is_none_or(|b| measure.better(*x, values[b].expect("has a value").0)) {
                    best = Some(i);
                }
            }
        }
        let b = best?;
        let (value, ci) = values[b].expect("has a value");
        let lowest = (0..self.mixes.len()).min_by(|&i, &j| self.mixes[i].total_cmp(&self.mixes[j]));
        let highest =
            (0..self.mixes.len()).max_by(|&i, &j| self.mixes[i].total_cmp(&self.mixes[j]));
        let ends = [lowest.expect("mixes"), highest.expect("mixes")];
        // Mixes are compared as given: a mix equal to an end is that end.
        #[allow(clippy::float_cmp)]
        let interior = !ends.iter().any(|&e| self.mixes[e] == self.mixes[b]);
        let overlaps = |other: [f64; 2]| other[0] <= ci[1] && ci[0] <= other[1];
        let beats_ends =
            interior && ends.iter().all(|&e| values[e].is_some_and(|(_, other)| !overlaps(other)));
        let flat = values.iter().flatten().all(|&(_, other)| overlaps(other));
        Some(BestMix { measure, mix: self.mixes[b], value, ci, interior, beats_ends, flat })
    }

    /// The safest mix for `measure` under decline, whose worst period is best (`None` without
    /// decline).
    ///
    /// ```
    /// use reseau::balance::{BalanceRequest, Decline, Measure, balance};
    /// let net = reseau::datasets::aarhus_cs();
    /// let options = BalanceRequest { mixes: vec![0.0, 1.0], steps: 20, runs: 50, seed: 1, ..Default::default() };
    /// let declining = options.decline(Decline::new("facebook", 0.0, 1).vanish_at(1));
    /// let safest = balance(&net, &declining)?.safest(Measure::Reach).unwrap().clone();
    /// assert_eq!(safest.mix, 1.0);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn safest(&self, measure: Measure) -> Option<&RobustMix> {
        self.maximin.iter().find(|b| b.measure == measure)
    }

    /// Mix number `i` over the periods of decline, for `measure` (`interior` and
    /// `beats_ends` left false): `None` when a period has no value (time to target may have
    /// none).
    pub(crate) fn over_periods(&self, measure: Measure, i: usize) -> Option<RobustMix> {
        let values: Vec<(f64, [f64; 2], u32)> = (0..=self.periods)
            .filter_map(|t| measure.of(self.row(i, t)).map(|(x, ci)| (x, ci, t)))
            .collect();
        if values.len() != self.periods as usize + 1 {
            return None;
        }
        let n = values.len() as f64;
        let mean = values.iter().map(|v| v.0).sum::<f64>() / n;
        let mean_ci = [0, 1].map(|k| values.iter().map(|v| v.1[k]).sum::<f64>() / n);
        let mut worst = values[0];
        for &v in &values {
            if measure.better(worst.0, v.0) {
                worst = v;
            }
        }
        Some(RobustMix {
            measure,
            mix: self.mixes[i],
            mean,
            mean_ci,
            worst: worst.0,
            worst_ci: worst.1,
            worst_period: worst.2,
            initial: values[0].0,
            interior: false,
            beats_ends: false,
        })
    }

    fn robust_of(&self, measure: Measure, by: Over) -> Option<RobustMix> {
        let over: Vec<Option<RobustMix>> =
            (0..self.mixes.len()).map(|i| self.over_periods(measure, i)).collect();
        let key = |r: &RobustMix| match by {
            Over::Mean => (r.mean, r.mean_ci),
            Over::Worst => (r.worst, r.worst_ci),
        };
        let mut best: Option<&RobustMix> = None;
        for r in over.iter().flatten() {
            if best.is_none_or(|b| measure.better(key(r).0, key(b).0)) {
                best = Some(r);
            }
        }
        let mut best = best?.clone();
        let order = |i: &usize, j: &usize| self.mixes[*i].total_cmp(&self.mixes[*j]);
        let ends = [
            (0..self.mixes.len()).min_by(order).expect("mixes"),
            (0..self.mixes.len()).max_by(order).expect("mixes"),
        ];
        // Mixes are compared as given: a mix equal to an end is that end.
        #[allow(clippy::float_cmp)]
        let interior = !ends.iter().any(|&e| self.mixes[e] == best.mix);
        let ci = key(&best).1;
        let clear = |e: usize| {
            over[e].as_ref().is_some_and(|r| {
                let other = key(r).1;
                other[1] < ci[0] || ci[1] < other[0]
            })
        };
        best.interior = interior;
        best.beats_ends = interior && ends.iter().all(|&e| clear(e));
        Some(best)
    }
}
