//! Following requests one by one.

use super::ReferralRequest;
use super::journey::ReferralTrace;
use super::route::{Engine, RunOptions};
use crate::compiled::CompiledNetwork;
use crate::control::Control;
use crate::error::Result;

/// Routes the request's workload exactly as [`route_referrals`](super::route_referrals) does,
/// and returns every request's journey, in request id order (the order of the pairs, or of
/// arrival).
///
/// ```
/// use reseau::referral::{Outcome, ReferralRequest, RouteOptions, Workload, route_referrals, trace_referrals};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let request = ReferralRequest::new(Workload::random(1.0, 50)).options(RouteOptions::default().forward(0.7)).seed(9);
/// let traces = trace_referrals(&net, &request)?;
/// let summary = route_referrals(&net, &request)?;
/// let delivered = traces.iter().filter(|t| t.outcome == Outcome::Delivered);
/// assert_eq!(delivered.count() as u64, summary.succeeded);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn trace_referrals(
    net: &CompiledNetwork,
    request: &ReferralRequest,
) -> Result<Vec<ReferralTrace>> {
    let (workload, options) = super::prepare(net, request)?;
    let memory = crate::memory::Budget::new(request.max_memory)?;
    let control = Control::none();
    let run =
        RunOptions { journeys: true, measure_from: 0, control: &control, report: false, memory };
    let journeys = Engine::new(net, &options).run(&workload, request.seed, &run)?.1;
    let labels = net.display_names();
    Ok(journeys.into_iter().map(|j| j.trace(net, &labels)).collect())
}
