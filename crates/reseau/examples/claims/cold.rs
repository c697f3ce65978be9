//! Claim 1: a personal recommendation reaches a target more surely (and faster) than a cold
//! contact. Greedy recommendation chains against `Strategy::Cold` on the same requests.

use reseau::fatigue::Fatigue;
use reseau::referral::{
    ReferralRequest, ReferralSummary, RouteOptions, Strategy, Workload, route_referrals,
};
use reseau::{CompiledNetwork, Result};

/// What the comparison runs.
#[derive(Debug, Clone)]
pub(crate) struct ColdSettings {
    /// The requests (the same for chains and cold contacts: common random numbers).
    pub(crate) workload: Workload,
    /// The base probability that an intermediary forwards a chain.
    pub(crate) forward: f64,
    /// The cold answer rates tried; the first is the default.
    pub(crate) cold_rates: Vec<f64>,
    /// The fatigue curve of the "with fatigue" runs (one inbox).
    pub(crate) fatigue: Fatigue,
    /// The seed.
    pub(crate) seed: u64,
}

/// One routing's outcome.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Outcome {
    /// Success rate.
    pub(crate) success: f64,
    /// Its Wilson 95% interval.
    pub(crate) ci: [f64; 2],
    /// Mean steps of the completed requests.
    pub(crate) time: Option<f64>,
    /// Requests received by the most loaded person, per 100 requests routed.
    pub(crate) top_load: f64,
}

impl Outcome {
    fn of(s: &ReferralSummary) -> Outcome {
        #[allow(clippy::cast_precision_loss)]
        let top_load = s
            .overloaded
            .first()
            .map_or(0.0, |o| 100.0 * o.requests as f64 / s.requests.max(1) as f64);
        Outcome { success: s.success_rate, ci: s.success_ci95, time: s.mean_time, top_load }
    }

    /// Expected steps to a first success when a failed attempt costs as long as a successful
    /// one and the sender retries until one succeeds (`None` without any success).
    pub(crate) fn steps_per_success(&self) -> Option<f64> {
        self.time.filter(|_| self.success > 0.0).map(|t| t / self.success)
    }
}

/// Chains and cold contacts without and with fatigue.
#[derive(Debug, Clone)]
pub(crate) struct ColdRow {
    /// Greedy chains, no fatigue.
    pub(crate) chain: Outcome,
    /// Cold contacts at each cold rate, no fatigue.
    pub(crate) cold: Vec<Outcome>,
    /// Greedy chains under fatigue.
    pub(crate) chain_tired: Outcome,
    /// Cold contacts at each cold rate under fatigue.
    pub(crate) cold_tired: Vec<Outcome>,
}

/// How a comparison of success rates comes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The chain's interval lies above the cold contact's.
    Holds,
    /// The chain's interval lies below.
    DoesNotHold,
    /// The intervals overlap.
    CannotTell,
}

impl Verdict {
    /// The verdict in words.
    pub(crate) fn words(self) -> &'static str {
        match self {
            Verdict::Holds => "holds",
            Verdict::DoesNotHold => "does not hold",
            Verdict::CannotTell => "cannot tell",
        }
    }
}

/// Whether the chain succeeds more surely than the cold contact, by disjoint 95% intervals.
pub(crate) fn verdict(chain: &Outcome, cold: &Outcome) -> Verdict {
    if chain.ci[0] > cold.ci[1] {
        Verdict::Holds
    } else if chain.ci[1] < cold.ci[0] {
        Verdict::DoesNotHold
    } else {
        Verdict::CannotTell
    }
}

fn run(net: &CompiledNetwork, s: &ColdSettings, options: RouteOptions) -> Result<Outcome> {
    let request = ReferralRequest::new(s.workload.clone()).options(options).seed(s.seed);
    Ok(Outcome::of(&route_referrals(net, &request)?))
}

/// Runs the comparison on `net`.
pub(crate) fn compare(net: &CompiledNetwork, s: &ColdSettings) -> Result<ColdRow> {
    let chain_options = RouteOptions::new(Strategy::Greedy).forward(s.forward);
    let cold_options = |rate: f64| RouteOptions::new(Strategy::Cold).cold_response(rate);
    let chain = run(net, s, chain_options.clone())?;
    let chain_tired = run(net, s, chain_options.fatigue(s.fatigue))?;
    let mut cold = Vec::new();
    let mut cold_tired = Vec::new();
    for &rate in &s.cold_rates {
        cold.push(run(net, s, cold_options(rate))?);
        cold_tired.push(run(net, s, cold_options(rate).fatigue(s.fatigue))?);
    }
    Ok(ColdRow { chain, cold, chain_tired, cold_tired })
}

/// The lowest cold answer rate of the grid at which the chain no longer clearly wins
/// (`None`: it wins at every rate tried).
pub(crate) fn break_even(chain: &Outcome, cold: &[Outcome], rates: &[f64]) -> Option<f64> {
    let mut order: Vec<usize> = (0..rates.len()).collect();
    order.sort_by(|&a, &b| rates[a].total_cmp(&rates[b]));
    order.into_iter().find(|&i| verdict(chain, &cold[i]) != Verdict::Holds).map(|i| rates[i])
}
