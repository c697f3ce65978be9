//! The balanced model: sweep the share of effort people put into physical against digital
//! ties, under fatigue and under platform decline, and find the mix that does best.
//!
//! A **mix** m ∈ [0, 1] is the share of networking effort spent on physical ties (1 − m on
//! digital ones). It acts in two places:
//!
//! - **Referrals** (who passes a request on, and over which tie): a holder who has contacts on
//!   both kinds of layer chooses among the physical ones with probability m, else among the
//!   digital ones ([`RouteOptions::physical_share`](crate::referral::RouteOptions) = m); a
//!   holder with contacts of one kind only uses them. Fatigue acts as in
//!   [`crate::referral`]; with [`RouteOptions::digital_fatigue`](crate::referral::RouteOptions)
//!   a person keeps one load per kind (meeting time and an inbox are different budgets of
//!   attention), so splitting requests over both channels spreads the load.
//! - **Campaigns** (a message spread by cascade from a few seeds): the probability (IC,
//!   weighted cascade) or weight (LT) of every tie of a physical layer is multiplied by
//!   `E·m/c_p` and of a digital layer by `E·(1 − m)/c_d` (capped at 1 as a probability), where E
//!   is the [effort](BalanceRequest::effort) per person (default 2) and `c_p`, `c_d` the
//!   [costs](BalanceRequest::physical_cost) of a tie of each kind (default 1): with the
//!   defaults the even mix is the model as given, m = 1 doubles the physical probabilities
//!   and silences the digital layers. The campaign's k seeds are split the same way:
//!   round(m·k) people with the most physical ties, then the rest with the most digital
//!   ties (ties broken by total ties, then the lowest id), chosen on the network as given.
//!   With [`EffortResponse::Diminishing`], effort buys attempts instead of scaling chances: a
//!   tie of a physical layer gets x = `E·m/c_p` tries ([`LayerSettings::attempts`]), so its
//!   probability p becomes 1 − (1 − p)^x, and the first unit of effort on a channel is worth
//!   more than the last; an interior best mix is then possible.
//!
//! [`LayerSettings::attempts`]: crate::cascade::LayerSettings::attempts
//!
//! For each mix, [`balance`] runs random referral requests between people who are not tied
//! ([`BalanceRequest::rate`] per step for [`BalanceRequest::steps`] steps; the first half
//! warms the loads up) and [`BalanceRequest::runs`] cascades of the campaign, and reports:
//! the referral success rate (Wilson 95% interval), the mean time to target in steps (normal
//! 95% interval), the throughput under that load (referrals delivered per step, with the
//! success rate's interval scaled), the campaign's reach (95% interval), and the share of
//! referral hops and of cascade activations carried by physical layers.
//!
//! With a [`Decline`], the same is measured at periods 0, 1, …, `periods`, the declining
//! layer keeping each tie with probability (1 − rate)^t (nested across periods) or none from
//! `vanish_at` on. Every mix and period uses the same seed (common random numbers), so that
//! differences between mixes are not noise between streams.
//!
//! The best mix per measure is the one with the highest mean (the lowest, for time to
//! target) on the network as given; the report says whether it is interior (neither end of
//! the sweep), whether its interval clears the intervals of both ends, and whether the
//! sweep is flat (every mix's interval overlaps the best one's). Under decline, two mixes per
//! measure: the most robust, with the best mean over the periods
//! ([`BalanceReport::robust`]), and the safest, whose worst period is best (maximin,
//! [`BalanceReport::maximin`]).
//!
//! Beside the sweep, [`compare_kinds`] asks the question tie for tie: each kind of layer
//! alone carries the same campaigns and referral requests, as given and with the larger kind
//! cut to the smaller one's tie count, so that the answer is not the tie count.
//!
//! ```
//! use reseau::balance::{BalanceRequest, Decline, Measure, balance};
//! let net = reseau::datasets::aarhus_cs();
//! let request = BalanceRequest {
//!     mixes: vec![0.0, 0.5, 1.0],
//!     runs: 200,
//!     steps: 100,
//!     decline: Some(Decline::new("facebook", 0.0, 1).vanish_at(1)),
//!     seed: 7,
//!     ..BalanceRequest::default()
//! };
//! let report = balance(&net, &request)?;
//! assert_eq!(report.rows.len(), 3 * 2); // 3 mixes × periods 0 and 1
//! let gone = report.row(0, 1); // all-digital effort, once facebook is gone
//! assert_eq!(gone.declining_ties, Some(0));
//! assert!(gone.reach < report.row(0, 0).reach);
//! let best = report.best(Measure::Reach).unwrap();
//! assert!(request.mixes.contains(&best.mix));
//! assert_eq!(balance(&net, &request.clone().mixes(vec![1.5])).unwrap_err().kind(), "InvalidParameterError");
//! # Ok::<(), reseau::Error>(())
//! ```

mod decline;
mod kinds;
mod options;
mod table;

pub use kinds::{
    CompareKindsRequest, KindComparison, KindOutcome, MAX_SOURCES, compare_kinds,
    compare_kinds_with, only_kind,
};
#[allow(deprecated)]
pub use options::BalanceOptions;
pub use options::{BalanceRequest, Decline, EffortResponse, MAX_MIXES, MAX_PERIODS};
pub use table::{BalanceReport, BalanceRow, BestMix, Measure, RobustMix};

use std::sync::atomic::{AtomicU64, Ordering};

use crate::cascade::{MAX_MULTIPLIER, Model, ModelKind, Seeds, simulate_seeds};
use crate::compiled::CompiledNetwork;
use crate::control::Control;
use crate::error::Result;
use crate::memory::Budget;
use crate::model::{LayerKind, Network};
use crate::referral::route::{Engine, RunOptions};
use crate::referral::{RouteOptions, Workload};
use crate::rng::MIN_PROBABILITY;
use crate::stats::{histogram_mean, wilson_interval};

/// Runs the balance sweep `request` on `net`; see the [module](self) documentation for the
/// model and the measures.
///
/// # Errors
/// A mix outside [0, 1] or no mix, an unknown layer (in the routing options, the model or the
/// decline), any other value outside its domain ([`BalanceRequest::validate`]).
pub fn balance(net: &Network, request: &BalanceRequest) -> Result<BalanceReport> {
    balance_with(net, request, &Control::none())
}

/// [`balance`], watched and stoppable through `control`: it reports the (mix, period) cells
/// done out of all of them, and returns [`Error::Cancelled`](crate::Error::Cancelled) when
/// stopped.
///
/// ```
/// use reseau::balance::{BalanceRequest, balance_with};
/// use reseau::control::Control;
/// let net = reseau::datasets::aarhus_cs();
/// let request = BalanceRequest { mixes: vec![0.0, 1.0], runs: 50, steps: 20, seed: 1, ..Default::default() };
/// let stop = |done: u64, _total: u64| done == 0;
/// assert_eq!(balance_with(&net, &request, &Control::new(&stop)).unwrap_err().kind(), "CancelledError");
/// ```
///
/// # Errors
/// As [`balance`], and [`Error::Cancelled`](crate::Error::Cancelled).
pub fn balance_with(
    net: &Network,
    request: &BalanceRequest,
    control: &Control<'_>,
) -> Result<BalanceReport> {
    let (options, seed) = (request, request.seed);
    options.validate()?;
    let view = net.compiled();
    let routing = options.routing();
    routing.validate(&view)?;
    let workload = Workload::random(options.rate, options.steps);
    workload.validate(&view)?;
    for name in options.model.layers.keys() {
        net.layer_id(name)?;
    }
    let periods = match &options.decline {
        Some(d) => {
            net.layer_id(&d.layer)?;
            d.periods
        }
        None => 0,
    };
    // Each period of decline keeps a compiled copy of the network (and makes it from an
    // editable copy); the cells then run at once, one per thread, with the rest.
    let budget = Budget::new(options.max_memory)?;
    let copies = if options.decline.is_some() { u64::from(periods) + 1 } else { 0 };
    let networks_bytes = copies.saturating_mul(view.estimated_bytes()).saturating_add(
        u64::from(copies > 0).saturating_mul(Network::estimated_bytes(
            net.num_people() as u64,
            net.num_ties() as u64,
        )),
    );
    budget.check(networks_bytes, || format!("{copies} periods of decline, one network each"))?;
    let networks: Vec<(DeclineTies, std::sync::Arc<CompiledNetwork>)> = (0..=periods)
        .map(|t| {
            control.check()?;
            match &options.decline {
                None => Ok((None, view.clone())),
                Some(d) => {
                    let period = decline::at(net, d, t, seed)?;
                    let ties = Some((period.left, period.migrated));
                    Ok((ties, std::sync::Arc::new(period.network.compile())))
                }
            }
        })
        .collect::<Result<_>>()?;
    let seeds = campaign_seeds(&view, options);

    let cells: Vec<(u32, usize)> =
        (0..=periods).flat_map(|t| (0..options.mixes.len()).map(move |i| (t, i))).collect();
    let total = cells.len() as u64;
    let memory = budget.less(networks_bytes).share(crate::memory::threads().min(total));
    let done = AtomicU64::new(0);
    control.report(0, total)?;
    let run = |&(t, i): &(u32, usize)| -> Result<BalanceRow> {
        control.check()?;
        let (left, view) = &networks[t as usize];
        let mix = options.mixes[i];
        let place = (mix, t, *left);
        let row =
            cell(view, options, &routing, &workload, &seeds[i], place, seed, control, memory)?;
        control.report(done.fetch_add(1, Ordering::Relaxed) + 1, total)?;
        Ok(row)
    };
    #[cfg(feature = "parallel")]
    let rows: Vec<BalanceRow> = {
        use rayon::prelude::*;
        cells.par_iter().map(run).collect::<Result<_>>()?
    };
    #[cfg(not(feature = "parallel"))]
    let rows: Vec<BalanceRow> = cells.iter().map(run).collect::<Result<_>>()?;
    Ok(BalanceReport::new(options, periods, rows))
}

/// Under decline, the ties the declining layer keeps and those that moved to its successor.
type DeclineTies = Option<(usize, Option<usize>)>;

/// One mix on one period's network.
#[allow(clippy::too_many_arguments)] // one cell of the sweep: its place and what it shares
fn cell(
    view: &CompiledNetwork,
    options: &BalanceRequest,
    routing: &RouteOptions,
    workload: &Workload,
    seeds: &Seeds,
    (mix, period, ties): (f64, u32, DeclineTies),
    seed: u64,
    control: &Control<'_>,
    memory: Budget,
) -> Result<BalanceRow> {
    let physical: Vec<bool> = view.layers().iter().map(|l| l.kind == LayerKind::Physical).collect();
    let share_physical = |per_layer: &[f64]| {
        let all: f64 = per_layer.iter().sum();
        let offline: f64 =
            per_layer.iter().zip(&physical).filter(|(_, p)| **p).map(|(x, _)| x).sum();
        if all > 0.0 { offline / all } else { 0.0 }
    };

    // Referrals.
    let routing = RouteOptions { physical_share: Some(mix), ..routing.clone() };
    let engine = Engine::new(view, &routing);
    let warmup = options.steps / 2;
    let measure_from = u64::from(warmup);
    let run = RunOptions { journeys: false, measure_from, control, report: false, memory };
    let (tally, _) = engine.run(workload, seed, &run)?;
    control.check()?;
    let (asked, got) = (tally.measured_requests, tally.measured_succeeded);
    let success_rate = if asked > 0 { got as f64 / asked as f64 } else { 0.0 };
    let success_ci = wilson_interval(got, asked);
    let window = f64::from(options.steps - warmup);
    let per_step = asked as f64 / window;
    let (time_to_target, time_ci) = histogram_mean(&tally.times).unzip();
    let hops: Vec<f64> = tally.layer_hops.iter().map(|&h| h as f64).collect();

    // The campaign.
    let [up, down] = options.multipliers(mix);
    let mut model: Model = options.model.clone();
    // Probabilities (not LT's weights, which are normalised) scaled below what the sampler
    // resolves are zero; a product of multipliers stays within a layer's largest.
    let probabilities = model.kind != ModelKind::LinearThreshold;
    for (layer, &is_physical) in view.layers().iter().zip(&physical) {
        let settings = model.layers.entry(layer.name.clone()).or_default();
        let effort = if is_physical { up } else { down };
        if options.effort_response == EffortResponse::Diminishing {
            settings.attempts = (settings.attempts * effort).min(MAX_MULTIPLIER);
            continue;
        }
        let scaled = settings.multiplier * effort;
        settings.multiplier = if probabilities && scaled < MIN_PROBABILITY {
            0.0
        } else {
            scaled.min(MAX_MULTIPLIER)
        };
    }
    let summary = simulate_seeds(view, seeds, &model, options.runs, seed, &Control::none())?;

    Ok(BalanceRow {
        mix,
        period,
        declining_ties: ties.map(|(left, _)| left),
        migrated_ties: ties.and_then(|(_, moved)| moved),
        success_rate,
        success_ci,
        time_to_target,
        time_ci,
        throughput: got as f64 / window,
        throughput_ci: [success_ci[0] * per_step, success_ci[1] * per_step],
        referral_offline_share: share_physical(&hops),
        reach: summary.total.mean,
        reach_ci: summary.total.ci95,
        cascade_offline_share: share_physical(&summary.total.by_layer),
    })
}

/// Each mix's campaign seeds: round(m·k) by physical ties, the rest by digital ties.
fn campaign_seeds(view: &CompiledNetwork, options: &BalanceRequest) -> Vec<Seeds> {
    let n = view.num_people();
    let mut degree = [vec![0u32; n], vec![0u32; n]];
    for layer in view.layers() {
        let k = usize::from(layer.kind == LayerKind::Digital);
        for (p, d) in degree[k].iter_mut().enumerate() {
            *d += layer.successors(p as u32).len() as u32;
        }
    }
    let rank = |k: usize| {
        let mut order: Vec<u32> = (0..n as u32).collect();
        let total = |p: u32| degree[0][p as usize] + degree[1][p as usize];
        order.sort_by_key(|&p| (std::cmp::Reverse((degree[k][p as usize], total(p))), p));
        order
    };
    let (by_physical, by_digital) = (rank(0), rank(1));
    let k = (options.num_seeds as usize).min(n);
    options
        .mixes
        .iter()
        .map(|&m| {
            let physical = ((m * k as f64).round() as usize).min(k);
            let mut chosen: Vec<u32> = by_physical[..physical].to_vec();
            chosen.extend(
                by_digital
                    .iter()
                    .filter(|p| !chosen.contains(p))
                    .take(k - physical)
                    .collect::<Vec<_>>(),
            );
            Seeds::from(chosen)
        })
        .collect()
}
