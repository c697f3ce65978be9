//! What a referral run reports.

use serde::{Deserialize, Serialize};

use super::route::Tally;
use crate::compiled::CompiledNetwork;

/// How many of the most solicited people a summary lists.
///
/// ```
/// use reseau::referral::{OVERLOADED, ReferralRequest, Workload, route_referrals};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let s = route_referrals(&net, &ReferralRequest::new(Workload::random(10.0, 20)).seed(1))?;
/// assert_eq!(s.overloaded.len(), OVERLOADED);
/// # Ok::<(), reseau::Error>(())
/// ```
pub const OVERLOADED: usize = 10;

/// One of the people who received the most requests.
///
/// ```
/// use reseau::referral::{ReferralRequest, Workload, route_referrals};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let s = route_referrals(&net, &ReferralRequest::new(Workload::random(5.0, 20)).seed(1))?;
/// let busiest = &s.overloaded[0];
/// assert!(busiest.requests >= s.overloaded[1].requests);
/// assert!(busiest.peak_load >= 1.0);
/// assert_eq!(busiest.label, net.display_name(busiest.person));
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Overloaded {
    /// The person's id.
    pub person: u32,
    /// Their label (an unlabelled person's `#id`).
    #[serde(default)]
    pub label: String,
    /// How many requests reached them (as an intermediary or as the target).
    pub requests: u64,
    /// The highest load they carried (equal to `requests` without decay).
    pub peak_load: f64,
}

/// The result of [`route_referrals`](super::route_referrals).
///
/// Hop k of a request is the person holding it after k ties: the source at hop 0. Chain
/// length is counted in hops (ties crossed), so a completed chain of length L has L − 1
/// intermediaries; time is counted in steps, each hop taking its layer's latency.
///
/// ```
/// use reseau::referral::{ReferralRequest, RouteOptions, Workload, route_referrals};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let s = route_referrals(&net, &ReferralRequest::new(Workload::random(2.0, 50)).options(RouteOptions::default().forward(0.8)).seed(3))?;
/// assert_eq!(s.requests, 100);
/// assert_eq!(s.succeeded + s.unwilling + s.dead_ends + s.truncated + s.ignored, s.requests);
/// assert!(s.success_ci95[0] <= s.success_rate && s.success_rate <= s.success_ci95[1]);
/// assert_eq!(s.chain_lengths.iter().sum::<u64>(), s.succeeded);
/// assert_eq!(s.layer_hops.iter().sum::<u64>(), s.hops);
/// assert_eq!(s.mean_intermediaries, s.mean_chain_length.map(|l| l - 1.0));
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReferralSummary {
    /// Requests routed.
    pub requests: u64,
    /// Requests that reached their target.
    pub succeeded: u64,
    /// `succeeded / requests` (0 when there were none).
    pub success_rate: f64,
    /// The Wilson score 95% interval of the success rate ([0, 1] when there were no
    /// requests).
    pub success_ci95: [f64; 2],
    /// Requests dropped by a holder unwilling to forward (the base probability times fatigue).
    pub unwilling: u64,
    /// Requests dropped because the holder had no contact who had not held them already.
    pub dead_ends: u64,
    /// Requests dropped at [`RouteOptions::max_hops`](super::RouteOptions::max_hops).
    pub truncated: u64,
    /// Requests that reached a target too tired to take them in (under fatigue only).
    pub ignored: u64,
    /// Ties crossed by all requests together.
    pub hops: u64,
    /// The step at which the last request ended.
    pub last_step: u64,
    /// `chain_lengths[L]`: completed chains of L hops.
    pub chain_lengths: Vec<u64>,
    /// Mean hops of the completed chains (`None` when none completed).
    pub mean_chain_length: Option<f64>,
    /// Mean intermediaries of the completed chains, `mean_chain_length − 1`, as Travers and
    /// Milgram report it (`None` when none completed).
    #[serde(default)]
    pub mean_intermediaries: Option<f64>,
    /// `(steps, chains)`: completed chains by the steps they took from source to target,
    /// sorted by steps.
    pub times: Vec<[u64; 2]>,
    /// Mean steps of the completed chains (`None` when none completed).
    pub mean_time: Option<f64>,
    /// `alive[k]`: requests held at hop k by someone other than their target.
    pub alive: Vec<u64>,
    /// `dropped[k]`: of those, the requests that ended there (unwilling, dead end or hop limit).
    pub dropped: Vec<u64>,
    /// `attrition[k] = dropped[k] / alive[k]`: the share of the requests alive at hop k that
    /// were dropped there (Dodds, Muhamad & Watts's per-step attrition).
    pub attrition: Vec<f64>,
    /// The layer names, in the order of `layer_hops`.
    pub layer_names: Vec<String>,
    /// Ties crossed on each layer.
    pub layer_hops: Vec<u64>,
    /// `layer_hops` as shares of all hops (zeros when there were none).
    pub layer_shares: Vec<f64>,
    /// The people who received the most requests, most first (the lowest id first among
    /// equals), at most ten, only people who received any.
    pub overloaded: Vec<Overloaded>,
}

/// The Wilson score interval for `k` successes in `n` trials, at z = 1.96: moved to
/// [`crate::stats::wilson_interval`].
///
/// ```
/// #[allow(deprecated)]
/// let old = reseau::referral::wilson_interval(3, 10);
/// assert_eq!(old, reseau::stats::wilson_interval(3, 10));
/// ```
#[deprecated(since = "0.2.0", note = "moved to reseau::stats::wilson_interval")]
pub fn wilson_interval(k: u64, n: u64) -> [f64; 2] {
    crate::stats::wilson_interval(k, n)
}

/// The old name of [`ReferralSummary`].
#[deprecated(since = "0.2.0", note = "renamed ReferralSummary")]
pub type RouteSummary = ReferralSummary;

impl ReferralSummary {
    pub(crate) fn new(net: &CompiledNetwork, tally: Tally) -> Self {
        let share = |a: u64, b: u64| if b > 0 { a as f64 / b as f64 } else { 0.0 };
        let mean = |pairs: &mut dyn Iterator<Item = (u64, u64)>| {
            let (mut sum, mut count) = (0u128, 0u64);
            for (value, times) in pairs {
                sum += u128::from(value) * u128::from(times);
                count += times;
            }
            (count > 0).then(|| sum as f64 / count as f64)
        };
        let mut order: Vec<u32> =
            (0..net.num_people() as u32).filter(|&p| tally.received[p as usize] > 0).collect();
        order.sort_unstable_by_key(|&p| (std::cmp::Reverse(tally.received[p as usize]), p));
        order.truncate(OVERLOADED);
        let mut dropped = tally.ended;
        dropped.resize(tally.alive.len(), 0);
        let mean_chain_length =
            mean(&mut tally.lengths.iter().enumerate().map(|(l, &c)| (l as u64, c)));
        ReferralSummary {
            requests: tally.requests,
            succeeded: tally.succeeded,
            success_rate: share(tally.succeeded, tally.requests),
            success_ci95: crate::stats::wilson_interval(tally.succeeded, tally.requests),
            unwilling: tally.unwilling,
            dead_ends: tally.dead_ends,
            truncated: tally.truncated,
            ignored: tally.ignored,
            hops: tally.hops,
            last_step: tally.last_step,
            mean_chain_length,
            mean_intermediaries: mean_chain_length.map(|l| l - 1.0),
            chain_lengths: tally.lengths,
            mean_time: mean(&mut tally.times.iter().map(|(&t, &c)| (t, c))),
            times: tally.times.into_iter().map(|(t, c)| [t, c]).collect(),
            attrition: tally.alive.iter().zip(&dropped).map(|(&a, &d)| share(d, a)).collect(),
            alive: tally.alive,
            dropped,
            layer_names: net.layers().iter().map(|l| l.name.clone()).collect(),
            layer_shares: tally.layer_hops.iter().map(|&h| share(h, tally.hops)).collect(),
            layer_hops: tally.layer_hops,
            overloaded: order
                .into_iter()
                .map(|p| Overloaded {
                    person: p,
                    label: net.display_name(p),
                    requests: tally.received[p as usize],
                    peak_load: tally.peak[p as usize],
                })
                .collect(),
        }
    }

    /// The mean number of intermediaries in completed chains (chain length − 1), as Travers
    /// and Milgram report it: the field [`ReferralSummary::mean_intermediaries`], as a method.
    ///
    /// ```
    /// use reseau::referral::{ReferralRequest, Workload, route_referrals};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let s = route_referrals(&net, &ReferralRequest::new(Workload::pairs(vec![[0, 1]])).seed(1))?;
    /// assert_eq!(s.mean_intermediaries(), s.mean_chain_length.map(|l| l - 1.0));
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn mean_intermediaries(&self) -> Option<f64> {
        self.mean_intermediaries
    }
}
