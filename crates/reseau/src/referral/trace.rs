//! Following requests one by one.

use serde::{Deserialize, Serialize};

use super::options::{RouteOptions, Workload};
use super::route::Engine;
use crate::compiled::CompiledNetwork;
use crate::error::Result;

/// How a request ended.
///
/// ```
/// use reseau::referral::Outcome;
/// assert_eq!(serde_json::to_string(&Outcome::DeadEnd)?, "\"dead_end\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// It reached its target.
    Delivered,
    /// A holder was not willing to forward it.
    Unwilling,
    /// Its holder had no contact who had not held it already.
    DeadEnd,
    /// It reached the hop limit short of the target.
    Truncated,
    /// It reached a target too tired to take it in.
    Ignored,
}

/// One request's journey.
///
/// ```
/// use reseau::referral::{Outcome, RouteOptions, Workload, trace_referrals};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let t = &trace_referrals(&net, &Workload::pairs(vec![[0, 40]]), &RouteOptions::default(), 1)?[0];
/// assert_eq!((t.path[0], t.outcome), (0, Outcome::Delivered));
/// assert_eq!(*t.path.last().unwrap(), 40);
/// assert_eq!(t.layers.len(), t.hops());
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralTrace {
    /// Who sent it.
    pub source: u32,
    /// Whom it was for.
    pub target: u32,
    /// The step it started.
    pub start: u64,
    /// The step it ended (reached the target, or was dropped).
    pub end: u64,
    /// Everyone who held it, in order: the source first, then each person it reached.
    pub path: Vec<u32>,
    /// The layer (index in the network's order) of each hop: `layers[i]` joins `path[i]` to
    /// `path[i + 1]`.
    pub layers: Vec<u32>,
    /// How it ended.
    pub outcome: Outcome,
}

impl ReferralTrace {
    /// The ties it crossed.
    ///
    /// ```
    /// use reseau::referral::{RouteOptions, Workload, trace_referrals};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let t = &trace_referrals(&net, &Workload::pairs(vec![[3, 9]]), &RouteOptions::default(), 1)?[0];
    /// assert_eq!(t.hops(), t.path.len() - 1);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn hops(&self) -> usize {
        self.layers.len()
    }
}

/// Routes `workload` exactly as [`route_referrals`](super::route_referrals) does with the same
/// seed, and returns every request's journey, in request id order (the order of the pairs, or
/// of arrival).
///
/// ```
/// use reseau::referral::{RouteOptions, Workload, route_referrals, trace_referrals};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let options = RouteOptions::default().forward(0.7);
/// let traces = trace_referrals(&net, &Workload::random(1.0, 50), &options, 9)?;
/// let summary = route_referrals(&net, &Workload::random(1.0, 50), &options, 9)?;
/// let delivered = traces.iter().filter(|t| t.outcome == reseau::referral::Outcome::Delivered);
/// assert_eq!(delivered.count() as u64, summary.succeeded);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn trace_referrals(
    net: &CompiledNetwork,
    workload: &Workload,
    options: &RouteOptions,
    seed: u64,
) -> Result<Vec<ReferralTrace>> {
    options.validate(net)?;
    workload.validate(net)?;
    Ok(Engine::new(net, options).run(workload, seed, true).1)
}
