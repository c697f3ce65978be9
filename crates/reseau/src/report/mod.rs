//! The headline report: one call that runs the library's main analyses on a network and
//! returns their numbers, a text a person reads in a minute, SVG charts and a self-contained
//! HTML page.
//!
//! The report covers the network (offline against online layers and their overlap), whom to
//! enlist (IMM's best relays, and the best within a budget of people's costs), a campaign
//! from the most connected person with the share carried offline and online, the referral
//! load curve under fatigue with its peak and collapse, the balance sweep of physical against
//! digital effort ([`crate::balance`]) and what happens as the largest digital layer
//! declines and vanishes. Every number comes from the `seed`; the same seed gives the same
//! report in Rust, Python and JavaScript.
//!
//! The report adapts to the network it is given, and says so ([`Report::omitted`],
//! [`Report::routing`]): without both a physical and a digital layer there is no
//! offline/online split, no balance sweep and no decline; when everyone costs the same the
//! budgeted choice is left out; referral routing goes by positions, groups or landmark
//! estimates, whichever the network has; a directed network is read as it points (a
//! campaign starts from the person with the most ties out, and each directed layer counts
//! its reciprocated pairs). The referral rates are chosen from the network, with replicates
//! and intervals, and the peak and collapse named only beyond the noise: see [`LoadScan`].
//!
//! ```
//! use reseau::report::{ReportOptions, headline};
//! let net = reseau::datasets::aarhus_cs();
//! let report = headline(&net, &ReportOptions::quick(), 7)?;
//! assert_eq!(report.network.people, 61);
//! assert!(report.text().contains("Balance"));
//! let charts = report.charts();
//! assert!(charts.iter().any(|(name, svg)| name == "load_curve.svg" && svg.starts_with("<svg")));
//! assert!(report.html().starts_with("<!doctype html>"));
//! # Ok::<(), reseau::Error>(())
//! ```

mod charts;
mod doc;
mod html;
mod load;
mod scope;
mod svg;
mod text;

pub use load::{CurveShape, LoadScan, ScanEnd};
pub use scope::{Omission, RoutingChoice};

use serde::{Deserialize, Serialize};

use crate::balance::{BalanceOptions, BalanceReport, Decline, balance_with};
use crate::cascade::{LayerSettings, Model, Seeds, simulate_with};
use crate::control::Control;
use crate::error::Result;
use crate::fatigue::Fatigue;
use crate::model::{LayerId, LayerKind, Network, PersonId};
use crate::referral::{RouteOptions, Strategy};
use crate::relays::{SelectOptions, Selection, select_relays_with};

/// What the report runs; the defaults are the README's main command.
///
/// ```
/// use reseau::report::ReportOptions;
/// let o: ReportOptions = serde_json::from_str(r#"{"runs": 500, "mixes": [0, 0.5, 1]}"#)?;
/// assert_eq!(o.relays, 3);
/// assert_eq!(o.rates, None); // chosen from the network
/// assert!(serde_json::from_str::<ReportOptions>(r#"{"run": 5}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportOptions {
    /// The report's title.
    pub title: String,
    /// The campaign model (relays, cascade, balance). Default Independent Cascade p = 0.1.
    pub model: Model,
    /// Monte Carlo runs for the cascade and the relays' evaluation. Default 10,000.
    pub runs: u64,
    /// How many relays to choose. Default 3.
    pub relays: usize,
    /// The budget of the budgeted choice, in people's costs (`None`: skipped; also skipped,
    /// with a reason, when everyone costs the same). Default 4.
    pub budget: Option<f64>,
    /// Fatigue of the physical channel (and of everything, when `digital_fatigue` is `None`).
    /// Default Hill, half 2, exponent 2, half-life 10 steps.
    pub fatigue: Fatigue,
    /// Fatigue of the digital channel. Default the same curve as `fatigue`, in a channel of
    /// its own (an inbox apart from meeting time).
    pub digital_fatigue: Option<Fatigue>,
    /// The referral routing strategy (`None`, the default: greedy, going by what the network
    /// tells people: positions, groups or landmarks; see [`Report::routing`]).
    pub strategy: Option<Strategy>,
    /// The load curve's request rates, increasing (`None`, the default: chosen from the
    /// network, see [`LoadScan`]).
    pub rates: Option<Vec<f64>>,
    /// Runs of the load curve per rate, each with its own seed, for the intervals. Default 10.
    pub replicates: u32,
    /// The scan of rates stops once the mean success rate falls below this share. Default
    /// 0.01.
    pub min_success: f64,
    /// The scan of rates stops at this many requests per person per step. Default 10.
    pub max_rate_per_person: f64,
    /// Times the scan adds rates halfway (on a log scale) around the best one. Default 1.
    pub refine: u32,
    /// Steps of each run of the load curve (the first half warms the loads up). Default 300.
    pub steps: u32,
    /// The balance sweep's mixes. Default 0, 0.1, …, 1.
    pub mixes: Vec<f64>,
    /// Steps of referrals per mix (at the load curve's best rate). Default 1,000.
    pub balance_steps: u32,
    /// Cascades per mix and period. Default 1,000.
    pub balance_runs: u64,
    /// The declining layer (`None`: the digital layer with the most ties, if any).
    pub decline_layer: Option<String>,
    /// The share of its ties it loses per period. Default 0.3.
    pub decline_rate: f64,
    /// Periods of decline; the layer is gone at the last one. Default 4.
    pub decline_periods: u32,
}

impl Default for ReportOptions {
    fn default() -> Self {
        let fatigue = Fatigue::hill(2.0, 2.0).half_life(10.0);
        ReportOptions {
            title: "reseau report".to_owned(),
            model: Model::independent_cascade(0.1),
            runs: 10_000,
            relays: 3,
            budget: Some(4.0),
            fatigue,
            digital_fatigue: Some(fatigue),
            strategy: None,
            rates: None,
            replicates: 10,
            min_success: 0.01,
            max_rate_per_person: 10.0,
            refine: 1,
            steps: 300,
            mixes: (0..=10).map(|i| f64::from(i) / 10.0).collect(),
            balance_steps: 1000,
            balance_runs: 1000,
            decline_layer: None,
            decline_rate: 0.3,
            decline_periods: 4,
        }
    }
}

impl ReportOptions {
    /// Fewer runs, steps and replicates: a report in a fraction of a second on a small
    /// network (tests, previews).
    ///
    /// ```
    /// assert_eq!(reseau::report::ReportOptions::quick().runs, 500);
    /// ```
    pub fn quick() -> Self {
        ReportOptions {
            runs: 500,
            steps: 100,
            replicates: 4,
            mixes: vec![0.0, 0.25, 0.5, 0.75, 1.0],
            balance_steps: 100,
            balance_runs: 100,
            decline_periods: 2,
            ..ReportOptions::default()
        }
    }

    fn routing(&self, strategy: Strategy) -> RouteOptions {
        RouteOptions {
            strategy,
            fatigue: Some(self.fatigue),
            digital_fatigue: self.digital_fatigue,
            ..RouteOptions::default()
        }
    }
}

/// One layer in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LayerSummary {
    /// Its name.
    pub name: String,
    /// `physical` or `digital`.
    pub kind: String,
    /// Whether its ties point one way.
    pub directed: bool,
    /// Its ties.
    pub ties: usize,
    /// People with at least one tie in it.
    pub active: usize,
    /// Mean ties of its active people (sent and received, in a directed layer).
    pub mean_degree: f64,
    /// The most ties anyone has in it.
    pub max_degree: u32,
    /// In a directed layer, the pairs tied both ways (`None` in an undirected layer).
    pub reciprocated: Option<usize>,
}

/// The network in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NetworkSummary {
    /// People.
    pub people: usize,
    /// Ties (an undirected tie once).
    pub ties: usize,
    /// Each layer.
    pub layers: Vec<LayerSummary>,
    /// Pairs tied in a physical layer.
    pub pairs_offline: usize,
    /// Pairs tied in a digital layer.
    pub pairs_online: usize,
    /// Pairs tied both ways.
    pub pairs_both: usize,
    /// Groups (teams, departments, communities) people belong to.
    pub groups: usize,
    /// People who belong to a group.
    pub people_in_groups: usize,
    /// Bytes per directed tie of the compiled view.
    pub bytes_per_tie: f64,
}

/// The campaign in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignSummary {
    /// Who starts it (the person with the most ties out), by name.
    pub seed_person: String,
    /// Their id.
    pub seed_id: u32,
    /// Mean reach, seeds included.
    pub reach: f64,
    /// Its 95% interval.
    pub reach_ci: [f64; 2],
    /// Mean reached by the end of each step.
    pub by_step: Vec<f64>,
    /// The share of activations each layer carries, in layer order.
    pub layer_shares: Vec<f64>,
    /// The share carried by physical layers (`None`: no offline/online split).
    pub offline_share: Option<f64>,
    /// Mean reach with every digital layer switched off (`None`: no offline/online split).
    pub reach_offline_only: Option<f64>,
}

/// The report's numbers; [`Report::text`], [`Report::charts`] and [`Report::html`] present
/// them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The title.
    pub title: String,
    /// The seed every part used.
    pub seed: u64,
    /// The options.
    pub options: ReportOptions,
    /// The network.
    pub network: NetworkSummary,
    /// The people's names, by id (for the relays and the campaign).
    pub names: Vec<String>,
    /// The best `options.relays` relays (IMM, ε = 0.1).
    pub relays: Selection,
    /// The best relays within `options.budget` (`None`: no budget, or everyone costs the
    /// same).
    pub budgeted: Option<Selection>,
    /// The campaign from the person with the most ties out.
    pub campaign: CampaignSummary,
    /// How referrals are routed, and why.
    pub routing: RoutingChoice,
    /// The referral load curve under fatigue.
    pub load_curve: LoadScan,
    /// The balance sweep at the load curve's best rate, with the decline (`None`: no
    /// offline/online split).
    pub balance: Option<BalanceReport>,
    /// The parts left out, each with its reason.
    pub omitted: Vec<Omission>,
}

/// Runs the headline report on `net`; see the [module](self) documentation.
///
/// ```
/// use reseau::report::{ReportOptions, headline};
/// let net = reseau::datasets::aarhus_cs();
/// let report = headline(&net, &ReportOptions::quick(), 7)?;
/// let balance = report.balance.as_ref().unwrap();
/// assert_eq!(balance.declining_layer.as_deref(), Some("facebook"));
/// assert!(report.load_curve.peak_rate.is_some() && report.load_curve.collapse_rate.is_some());
/// # Ok::<(), reseau::Error>(())
/// ```
///
/// # Errors
/// Any error of the analyses it runs: an option outside its domain, an unknown declining
/// layer, an empty network.
pub fn headline(net: &Network, options: &ReportOptions, seed: u64) -> Result<Report> {
    headline_with(net, options, seed, &Control::none())
}

/// [`headline`], watched and stoppable through `control` (progress in hundredths of the
/// whole report).
///
/// ```
/// use reseau::control::Control;
/// use reseau::report::{ReportOptions, headline_with};
/// let net = reseau::datasets::aarhus_cs();
/// let stop = |done: u64, _total: u64| done < 20;
/// let err = headline_with(&net, &ReportOptions::quick(), 7, &Control::new(&stop)).unwrap_err();
/// assert_eq!(err.kind(), "CancelledError");
/// ```
///
/// # Errors
/// As [`headline`], and [`Error::Cancelled`](crate::Error::Cancelled).
pub fn headline_with(
    net: &Network,
    options: &ReportOptions,
    seed: u64,
    control: &Control<'_>,
) -> Result<Report> {
    const WHOLE: u64 = 100;
    let view = net.compiled();
    let routing = scope::routing(&view, options.strategy);
    let scan_options = load::ScanOptions {
        rates: options.rates.as_deref(),
        steps: options.steps,
        replicates: options.replicates,
        min_success: options.min_success,
        max_rate_per_person: options.max_rate_per_person,
        refine: options.refine,
        routing: options.routing(routing.strategy),
    };
    load::validate(&scan_options)?;
    let network = summarise(net, &view);
    let mut omitted = Vec::new();
    let split = scope::no_split(net);
    if let Some(reason) = &split {
        omitted.push(Omission {
            sections: ["offline_online", "balance", "decline"].map(String::from).to_vec(),
            line: format!("No offline/online split and no balance sweep: {reason}."),
        });
    }
    control.report(2, WHOLE)?;

    let select = SelectOptions {
        k: Some(options.relays.min(net.num_people())),
        model: options.model.clone(),
        evaluation_runs: options.runs,
        ..SelectOptions::default()
    };
    let relays = select_relays_with(&view, &select, seed, &control.part(2, 20, WHOLE))?;
    let budgeted = match options.budget {
        Some(budget) => match scope::no_budget(&view, budget) {
            Some(line) => {
                omitted.push(Omission { sections: vec!["budgeted".into()], line: line + "." });
                None
            }
            None => Some(select_relays_with(
                &view,
                &SelectOptions { k: None, budget: Some(budget), ..select.clone() },
                seed,
                &control.part(20, 30, WHOLE),
            )?),
        },
        None => None,
    };

    let campaign =
        campaign(net, &view, options, split.is_none(), seed, &control.part(30, 40, WHOLE))?;
    let load_curve = load::scan(&view, &scan_options, seed, &control.part(40, 70, WHOLE))?;

    let balance = if split.is_none() {
        let decline_layer = options.decline_layer.clone().or_else(|| {
            net.layers_of_kind(LayerKind::Digital)
                .into_iter()
                .max_by_key(|&l| (net.num_ties_in(l).unwrap_or(0), std::cmp::Reverse(l.0)))
                .map(|l| net.layer(l).name.clone())
        });
        let sweep = BalanceOptions {
            mixes: options.mixes.clone(),
            routing: options.routing(routing.strategy),
            rate: load_curve.best_rate,
            steps: options.balance_steps,
            model: options.model.clone(),
            runs: options.balance_runs,
            decline: decline_layer.map(|layer| {
                Decline::new(layer, options.decline_rate, options.decline_periods)
                    .vanish_at(options.decline_periods)
            }),
            ..BalanceOptions::default()
        };
        Some(balance_with(net, &sweep, seed, &control.part(70, WHOLE, WHOLE))?)
    } else {
        None
    };
    control.report(WHOLE, WHOLE)?;

    Ok(Report {
        title: options.title.clone(),
        seed,
        options: options.clone(),
        network,
        names: (0..net.num_people()).map(|p| net.display_name(PersonId(p as u32))).collect(),
        relays,
        budgeted,
        campaign,
        routing,
        load_curve,
        balance,
        omitted,
    })
}

/// In a directed layer, the pairs tied both ways.
fn reciprocated(view: &crate::CompiledNetwork, layer: usize) -> usize {
    let l = &view.layers()[layer];
    let mut ties: Vec<(u32, u32)> = (0..view.num_people() as u32)
        .flat_map(|u| l.successors(u).iter().map(move |&v| (u, v)))
        .collect();
    ties.sort_unstable();
    ties.dedup();
    ties.iter().filter(|&&(u, v)| u < v && ties.binary_search(&(v, u)).is_ok()).count()
}

fn summarise(net: &Network, view: &crate::CompiledNetwork) -> NetworkSummary {
    let layers = net
        .layers()
        .iter()
        .enumerate()
        .map(|(i, layer)| {
            let degrees = net.degrees(Some(LayerId(i as u32)));
            let active = degrees.iter().filter(|&&d| d > 0).count();
            LayerSummary {
                name: layer.name.clone(),
                kind: layer.kind.as_str().to_owned(),
                directed: layer.directed,
                ties: net.num_ties_in(LayerId(i as u32)).unwrap_or(0),
                active,
                mean_degree: f64::from(degrees.iter().sum::<u32>()) / active.max(1) as f64,
                max_degree: degrees.iter().copied().max().unwrap_or(0),
                reciprocated: layer.directed.then(|| reciprocated(view, i)),
            }
        })
        .collect();
    let physical = net.layers_of_kind(LayerKind::Physical);
    let digital = net.layers_of_kind(LayerKind::Digital);
    NetworkSummary {
        people: net.num_people(),
        ties: net.num_ties(),
        layers,
        pairs_offline: net.overlapping_pairs(&physical, &physical).len(),
        pairs_online: net.overlapping_pairs(&digital, &digital).len(),
        pairs_both: net.overlapping_pairs(&physical, &digital).len(),
        groups: view.group_names().len(),
        people_in_groups: view.groups().iter().filter(|&&g| g != crate::NO_GROUP).count(),
        bytes_per_tie: view.bytes_per_directed_tie(),
    }
}

fn campaign(
    net: &Network,
    view: &crate::CompiledNetwork,
    options: &ReportOptions,
    split: bool,
    seed: u64,
    control: &Control<'_>,
) -> Result<CampaignSummary> {
    // The person with the most ties out (all ties, in undirected layers), the lowest id
    // among equals.
    let out: Vec<usize> = (0..view.num_people() as u32)
        .map(|p| view.layers().iter().map(|l| l.out_degree(p)).sum())
        .collect();
    let first = (0..out.len()).max_by_key(|&p| (out[p], std::cmp::Reverse(p))).unwrap_or(0) as u32;
    let seeds = Seeds::from(vec![first]);
    let s = simulate_with(view, &seeds, &options.model, options.runs, seed, control)?;
    let layer_shares = s.layer_shares();
    let offline_share = split.then(|| {
        net.layers()
            .iter()
            .zip(&layer_shares)
            .filter(|(l, _)| l.kind == LayerKind::Physical)
            .map(|(_, x)| x)
            .sum()
    });
    let reach_offline_only = if split {
        let mut off = options.model.clone();
        for l in net.layers_of_kind(LayerKind::Digital) {
            let settings = off.layers.entry(net.layer(l).name.clone()).or_default();
            *settings = LayerSettings { enabled: false, ..settings.clone() };
        }
        Some(simulate_with(view, &seeds, &off, options.runs, seed, control)?.total.mean)
    } else {
        None
    };
    Ok(CampaignSummary {
        seed_person: net.display_name(PersonId(first)),
        seed_id: first,
        reach: s.total.mean,
        reach_ci: s.total.ci95,
        by_step: s.by_step,
        layer_shares,
        offline_share,
        reach_offline_only,
    })
}
