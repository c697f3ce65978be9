//! Referral chains: reaching a target through personal recommendations, until people are so
//! flooded with requests that they stop forwarding them.
//!
//! A request from a source to a target travels hop by hop. Each holder either drops it, with
//! probability 1 − base × willingness, or passes it to one contact chosen by a routing
//! [`Strategy`] among the contacts who have not held it (a contact who is the target is always
//! chosen; no contact left is a dead end). The base is the forwarding probability of the layer
//! the request arrived on (1 at the source); the willingness is the holder's fatigue curve at
//! their load before the request, and every request that reaches a person (the target
//! included, who takes it in with that willingness) adds 1 to their load, see
//! [`crate::fatigue`]. Each hop takes its
//! layer's latency in steps, so time to target differs from hop count. Many requests flow at
//! once ([`Workload`]): they are handled in a time-ordered queue, by step and then by request
//! id, and they all share one load per person, so heavy traffic tires everyone.
//!
//! Each entry point takes one request ([`ReferralRequest`], [`LoadCurveRequest`]): the
//! requests (people by id or label), the routing options and the seed.
//!
//! [`route_referrals`] routes a workload and reports the success rate with its confidence
//! interval, chain lengths and times, attrition at each hop, the hops carried by each layer
//! and the most solicited people ([`ReferralSummary`]). [`referral_load_curve`] sweeps the request
//! rate and finds where throughput peaks and where it collapses ([`LoadCurve`]).
//!
//! Results are deterministic for a seed on every platform: random pairs come from the stream
//! `(seed, 0)` and routing decisions from `(seed, 1)`, drawn in a fixed order.
//!
//! ```
//! use reseau::fatigue::Fatigue;
//! use reseau::referral::{ReferralRequest, RouteOptions, Strategy, Workload, route_referrals};
//! let net = reseau::datasets::aarhus_cs().compile();
//! let options = RouteOptions::new(Strategy::Greedy)
//!     .forward(0.8)
//!     .layer_forward("facebook", 0.4)
//!     .fatigue(Fatigue::hill(3.0, 2.0).half_life(10.0));
//! let request = ReferralRequest::new(Workload::random(1.0, 200)).options(options).seed(42);
//! let summary = route_referrals(&net, &request)?;
//! assert_eq!(summary.requests, 200);
//! assert!(summary.success_rate > 0.0);
//! assert_eq!(route_referrals(&net, &request)?, summary);
//! # Ok::<(), reseau::Error>(())
//! ```

mod choose;
mod curve;
mod journey;
mod knowledge;
mod options;
mod request;
pub(crate) mod route;
mod summary;
mod trace;

pub use curve::{LoadCurve, referral_load_curve, referral_load_curve_with};
pub use journey::{Outcome, ReferralTrace};
pub use options::{
    COLD_CONTACT, DEFAULT_COLD_RESPONSE, DEFAULT_REQUESTS, RouteOptions, Strategy, Workload,
};
pub(crate) use request::routing_request;
pub use request::{DEFAULT_CURVE_STEPS, LoadCurveRequest, ReferralRequest};
#[allow(deprecated)]
pub use summary::{OVERLOADED, Overloaded, ReferralSummary, RouteSummary, wilson_interval};
pub use trace::trace_referrals;

use crate::compiled::CompiledNetwork;
use crate::control::Control;
use crate::error::Result;

/// Routes every request of the request's workload through `net` and summarises what
/// happened.
///
/// Checks the request first: typed errors for a probability outside [0, 1], an unknown
/// layer, a hop limit of 0, a bad fatigue curve, a rate that is not a finite positive number,
/// no steps, an unknown person ([`Error::UnknownPerson`](crate::Error::UnknownPerson)) or a
/// request to oneself.
///
/// ```
/// use reseau::referral::{ReferralRequest, RouteOptions, Strategy, Workload, route_referrals};
/// use reseau::{Layer, Network};
/// // A path 0 - 1 - 2 - 3: each intermediary forwards with probability 0.5.
/// let mut net = Network::new();
/// net.add_layer(Layer::physical("work"))?;
/// net.add_people(4)?;
/// for i in 0..3 {
///     net.add_tie(reseau::PersonId(i), reseau::PersonId(i + 1), "work", 1.0)?;
/// }
/// let options = RouteOptions::new(Strategy::Oracle).forward(0.5);
/// let request = ReferralRequest::new(Workload::pairs(vec![[0, 3]; 4000])).options(options).seed(1);
/// let s = route_referrals(&net.compile(), &request)?;
/// assert!((s.success_rate - 0.25).abs() < 0.03); // two intermediaries: 0.5²
/// assert_eq!(s.chain_lengths, vec![0, 0, 0, s.succeeded]);
/// let bad = route_referrals(&net.compile(), &ReferralRequest::pairs([[0.into(), 9.into()]]));
/// assert_eq!(bad.unwrap_err().kind(), "UnknownPersonError");
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn route_referrals(
    net: &CompiledNetwork,
    request: &ReferralRequest,
) -> Result<ReferralSummary> {
    route_referrals_with(net, request, &Control::none())
}

/// [`route_referrals`], watched and stoppable through `control`: it reports the requests
/// ended out of the workload's every 1,024 events, and returns
/// [`Error::Cancelled`](crate::Error::Cancelled) when stopped. When it is not stopped the
/// summary is exactly [`route_referrals`]'s.
///
/// ```
/// use reseau::control::Control;
/// use reseau::referral::{ReferralRequest, Workload, route_referrals, route_referrals_with};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let request = ReferralRequest::new(Workload::random(50.0, 200)).seed(1);
/// let watch = |done: u64, total: u64| done <= total;
/// let watched = route_referrals_with(&net, &request, &Control::new(&watch))?;
/// assert_eq!(watched, route_referrals(&net, &request)?);
/// let stop = |_: u64, _: u64| false;
/// assert!(route_referrals_with(&net, &request, &Control::new(&stop)).is_err());
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn route_referrals_with(
    net: &CompiledNetwork,
    request: &ReferralRequest,
    control: &Control<'_>,
) -> Result<ReferralSummary> {
    let (workload, options) = prepare(net, request)?;
    control.check()?;
    let engine = route::Engine::new(net, &options);
    let memory = crate::memory::Budget::new(request.max_memory)?;
    let run = route::RunOptions { journeys: false, measure_from: 0, control, report: true, memory };
    let tally = engine.run(&workload, request.seed, &run)?.0;
    control.report(tally.requests, tally.requests)?;
    Ok(ReferralSummary::new(net, tally))
}

/// The routing options and workload of `request`, checked against `net`.
fn prepare(net: &CompiledNetwork, request: &ReferralRequest) -> Result<(Workload, RouteOptions)> {
    let workload = request.workload(net)?;
    let options = request.route_options();
    options.validate(net)?;
    workload.validate(net)?;
    Ok((workload, options))
}
