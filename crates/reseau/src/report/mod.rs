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
//! It ends with the article's claims (`docs/claims.md`), one line each ([`Report::claims`]):
//! a verdict on this network decided from the numbers above (a recommendation against a cold
//! contact on the same requests, [`Report::cold_contact`]; physical against digital ties, tie
//! for tie at equal tie counts, [`Report::tie_for_tie`], with physical against digital effort
//! from the sweep beside it; the balanced mix from the sweep, and the most robust mix as the
//! platform declines; the collapse from the load curve), "cannot tell" when the
//! intervals that decide it overlap, and "not decided here", with the reason, for the claims
//! only the study across networks tests.
//!
//! Given observed adoptions ([`ReportRequest::fit`]), the report first learns the model from
//! them ([`crate::inference::fit`]): it shows each layer's fitted probability with its interval
//! and test, the external hazard and the shadow share, and runs every section with the fitted
//! model unless a `model` is given.
//!
//! ```
//! use reseau::report::{ReportRequest, report};
//! let net = reseau::datasets::aarhus_cs();
//! let report = report(&net, &ReportRequest::quick())?; // seed 7
//! assert_eq!(report.seed, 7);
//! assert_eq!(report.network.people, 61);
//! assert!(report.text().contains("Balance"));
//! let charts = report.charts();
//! assert!(charts.iter().any(|(name, svg)| name == "load_curve.svg" && svg.starts_with("<svg")));
//! assert!(report.html().starts_with("<!doctype html>"));
//! # Ok::<(), reseau::Error>(())
//! ```

mod charts;
mod claims;
mod doc;
mod html;
mod load;
mod scope;
mod svg;
mod text;

pub use claims::{ClaimLine, Evidence, Verdict};
pub use load::{CurveShape, LoadScan, ScanEnd};
pub use scope::{Omission, RoutingChoice};

use serde::{Deserialize, Serialize};

use crate::balance::{
    BalanceReport, BalanceRequest, CompareKindsRequest, Decline, KindComparison, balance_with,
    compare_kinds_with,
};
use crate::cascade::{LayerSettings, Model, Seeds, simulate_seeds};
use crate::control::Control;
use crate::error::Result;
use crate::fatigue::Fatigue;
use crate::inference::{CascadeFit, FitRequest};
use crate::model::{LayerId, LayerKind, Network, PersonId};
use crate::referral::{RouteOptions, Strategy};
use crate::relays::{RelaySelection, SelectRelaysRequest, select_relays_with};
use crate::shadow::{ShadowGap, ShadowGapRequest, shadow_gap_with};

/// What the report runs, every value given (see [`ReportRequest`] for what a call asks); the
/// defaults are the README's main command.
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

    /// The load scan's options, referrals routed by `strategy`.
    fn scan(&self, strategy: Strategy) -> load::ScanOptions<'_> {
        load::ScanOptions {
            rates: self.rates.as_deref(),
            steps: self.steps,
            replicates: self.replicates,
            min_success: self.min_success,
            max_rate_per_person: self.max_rate_per_person,
            refine: self.refine,
            routing: self.routing(strategy),
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

/// What [`report`] is asked: `quick` for a preview, the seed (default 7), and any of the
/// [`ReportOptions`] to change. The options not given are [`ReportOptions::default`]'s, or
/// [`ReportOptions::quick`]'s with `quick`.
///
/// ```
/// use reseau::report::{ReportOptions, ReportRequest};
/// let request: ReportRequest = serde_json::from_str(r#"{"quick": true, "runs": 800, "budget": null}"#)?;
/// let options = request.options();
/// assert_eq!((options.runs, options.steps, options.budget), (800, 100, None)); // steps: quick's
/// assert_eq!(request.seed, 7);
/// assert_eq!(ReportRequest::default().options(), ReportOptions::default());
/// assert_eq!(ReportRequest::quick().options(), ReportOptions::quick());
/// assert!(serde_json::from_str::<ReportRequest>(r#"{"run": 5}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ReportRequest {
    /// Fewer runs and steps, a preview: the options not given are [`ReportOptions::quick`]'s
    /// (default `false`).
    pub quick: bool,
    /// The seed every part uses (default 7).
    pub seed: u64,
    /// The report's title (default "reseau report").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The campaign model (default Independent Cascade p = 0.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<Model>,
    /// Monte Carlo runs for the cascade and the relays' evaluation (default 10,000; quick
    /// 500).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runs: Option<u64>,
    /// How many relays to choose (default 3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relays: Option<usize>,
    /// The budget of the budgeted choice, in people's costs (default 4; `null` skips it).
    #[serde(default = "default_budget")]
    pub budget: Option<f64>,
    /// Fatigue of the physical channel (and of everything, with `digital_fatigue` `null`);
    /// default Hill, half 2, exponent 2, half-life 10 steps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fatigue: Option<Fatigue>,
    /// Fatigue of the digital channel (default the same curve as the default `fatigue`, in a
    /// channel of its own; `null`: one channel for every layer).
    #[serde(default = "default_digital_fatigue")]
    pub digital_fatigue: Option<Fatigue>,
    /// The referral routing strategy (default: greedy, going by what the network tells
    /// people; see [`Report::routing`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strategy: Option<Strategy>,
    /// The load curve's request rates, increasing (default: chosen from the network, see
    /// [`LoadScan`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rates: Option<Vec<f64>>,
    /// Runs of the load curve per rate, each with its own seed, for the intervals (default
    /// 10; quick 4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replicates: Option<u32>,
    /// The scan of rates stops once the mean success rate falls below this share (default
    /// 0.01).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_success: Option<f64>,
    /// The scan of rates stops at this many requests per person per step (default 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_rate_per_person: Option<f64>,
    /// Times the scan adds rates halfway (on a log scale) around the best one (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refine: Option<u32>,
    /// Steps of each run of the load curve (default 300; quick 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub steps: Option<u32>,
    /// The balance sweep's mixes (default 0, 0.1, …, 1; quick 0, 0.25, …, 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mixes: Option<Vec<f64>>,
    /// Steps of referrals per mix (default 1,000; quick 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance_steps: Option<u32>,
    /// Cascades per mix and period (default 1,000; quick 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub balance_runs: Option<u64>,
    /// The declining layer (default, or `null`: the digital layer with the most ties, if any).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decline_layer: Option<String>,
    /// The share of its ties it loses per period (default 0.3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decline_rate: Option<f64>,
    /// Periods of decline; the layer is gone at the last one (default 4; quick 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decline_periods: Option<u32>,
    /// Observed adoptions to learn the model from (default `null`: none). The report fits
    /// them first ([`crate::inference::fit`]), shows the fitted layers and the shadow share,
    /// and runs every section with the fitted model unless `model` is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fit: Option<FitRequest>,
}

fn default_budget() -> Option<f64> {
    ReportOptions::default().budget
}

fn default_digital_fatigue() -> Option<Fatigue> {
    ReportOptions::default().digital_fatigue
}

impl Default for ReportRequest {
    fn default() -> Self {
        ReportRequest {
            quick: false,
            seed: 7,
            title: None,
            model: None,
            runs: None,
            relays: None,
            budget: default_budget(),
            fatigue: None,
            digital_fatigue: default_digital_fatigue(),
            strategy: None,
            rates: None,
            replicates: None,
            min_success: None,
            max_rate_per_person: None,
            refine: None,
            steps: None,
            mixes: None,
            balance_steps: None,
            balance_runs: None,
            decline_layer: None,
            decline_rate: None,
            decline_periods: None,
            fit: None,
        }
    }
}

impl ReportRequest {
    /// A quick report (see [`ReportOptions::quick`]), seed 7.
    ///
    /// ```
    /// assert!(reseau::report::ReportRequest::quick().quick);
    /// ```
    pub fn quick() -> Self {
        ReportRequest { quick: true, ..ReportRequest::default() }
    }

    /// A report with every option as `options` gives it.
    ///
    /// ```
    /// use reseau::report::{ReportOptions, ReportRequest};
    /// let options = ReportOptions { runs: 1234, ..ReportOptions::quick() };
    /// assert_eq!(ReportRequest::from_options(&options).options(), options);
    /// ```
    pub fn from_options(options: &ReportOptions) -> Self {
        let o = options.clone();
        ReportRequest {
            quick: false,
            seed: 7,
            title: Some(o.title),
            model: Some(o.model),
            runs: Some(o.runs),
            relays: Some(o.relays),
            budget: o.budget,
            fatigue: Some(o.fatigue),
            digital_fatigue: o.digital_fatigue,
            strategy: o.strategy,
            rates: o.rates,
            replicates: Some(o.replicates),
            min_success: Some(o.min_success),
            max_rate_per_person: Some(o.max_rate_per_person),
            refine: Some(o.refine),
            steps: Some(o.steps),
            mixes: Some(o.mixes),
            balance_steps: Some(o.balance_steps),
            balance_runs: Some(o.balance_runs),
            decline_layer: o.decline_layer,
            decline_rate: Some(o.decline_rate),
            decline_periods: Some(o.decline_periods),
            fit: None,
        }
    }

    /// Sets the seed.
    ///
    /// ```
    /// assert_eq!(reseau::report::ReportRequest::quick().seed(1).seed, 1);
    /// ```
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Every option: the ones given over [`ReportOptions::default`]'s, or
    /// [`ReportOptions::quick`]'s with `quick`.
    ///
    /// ```
    /// let options = reseau::report::ReportRequest::quick().options();
    /// assert_eq!(options, reseau::report::ReportOptions::quick());
    /// ```
    pub fn options(&self) -> ReportOptions {
        let base = if self.quick { ReportOptions::quick() } else { ReportOptions::default() };
        let r = self.clone();
        ReportOptions {
            title: r.title.unwrap_or(base.title),
            model: r.model.unwrap_or(base.model),
            runs: r.runs.unwrap_or(base.runs),
            relays: r.relays.unwrap_or(base.relays),
            budget: r.budget,
            fatigue: r.fatigue.unwrap_or(base.fatigue),
            digital_fatigue: r.digital_fatigue,
            strategy: r.strategy.or(base.strategy),
            rates: r.rates.or(base.rates),
            replicates: r.replicates.unwrap_or(base.replicates),
            min_success: r.min_success.unwrap_or(base.min_success),
            max_rate_per_person: r.max_rate_per_person.unwrap_or(base.max_rate_per_person),
            refine: r.refine.unwrap_or(base.refine),
            steps: r.steps.unwrap_or(base.steps),
            mixes: r.mixes.unwrap_or(base.mixes),
            balance_steps: r.balance_steps.unwrap_or(base.balance_steps),
            balance_runs: r.balance_runs.unwrap_or(base.balance_runs),
            decline_layer: r.decline_layer.or(base.decline_layer),
            decline_rate: r.decline_rate.unwrap_or(base.decline_rate),
            decline_periods: r.decline_periods.unwrap_or(base.decline_periods),
        }
    }

    /// Checks what does not depend on a network: the parts' own checks run when the report
    /// does, so this checks the shares and counts the report itself uses.
    ///
    /// ```
    /// use reseau::report::ReportRequest;
    /// assert!(ReportRequest::quick().validate().is_ok());
    /// assert!(ReportRequest { replicates: Some(1), ..ReportRequest::quick() }.validate().is_err());
    /// assert!(ReportRequest { decline_rate: Some(2.0), ..ReportRequest::quick() }.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<()> {
        let o = self.options();
        check_budget(o.budget)?;
        crate::error::check_probability(|| "decline_rate".into(), o.decline_rate)?;
        if o.decline_periods == 0 {
            return Err(crate::Error::invalid("decline_periods", 0, "an integer >= 1"));
        }
        load::validate(&o.scan(Strategy::Greedy))?;
        o.model.validate()?;
        o.fatigue.validate()?;
        if let Some(f) = &o.digital_fatigue {
            f.validate()?;
        }
        Ok(())
    }
}

/// One layer in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// Whether it is a shadow layer: simulated here, absent from what an analyst observes.
    #[serde(default)]
    pub shadow: bool,
}

/// The network in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// Shadow layers: every section runs on the full network, them included, but an analyst
    /// would observe the network without them ([`Network::observed`]).
    #[serde(default)]
    pub shadow_layers: usize,
    /// Their ties.
    #[serde(default)]
    pub shadow_ties: usize,
}

/// The campaign in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// Recommendation chains against cold contacts on the same random requests (claim 1 of
/// `docs/claims.md`): the report's routing and fatigue, at the load curve's best rate, for
/// `options.steps` steps, the same seed for both.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ColdContact {
    /// Requests started per step (the load curve's best rate).
    pub rate: f64,
    /// Requests routed each way.
    pub requests: u64,
    /// The probability that a target not tired at all answers a stranger.
    pub cold_response: f64,
    /// The chains' success rate.
    pub chain_success: f64,
    /// Its 95% interval.
    pub chain_success_ci95: [f64; 2],
    /// The cold contacts' success rate.
    pub cold_success: f64,
    /// Its 95% interval.
    pub cold_success_ci95: [f64; 2],
}

/// The report's numbers; [`Report::text`], [`Report::charts`] and [`Report::html`] present
/// them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    pub relays: RelaySelection,
    /// The best relays within `options.budget` (`None`: no budget, or everyone costs the
    /// same).
    pub budgeted: Option<RelaySelection>,
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
    /// Recommendation chains against cold contacts, for claim 1 (zeros when read from a
    /// report written before it).
    #[serde(default)]
    pub cold_contact: ColdContact,
    /// Physical against digital ties, tie for tie, for claim 2: each kind alone carries
    /// campaigns from [`TIE_SOURCES`] single sources (`options.balance_runs` runs each) and
    /// the referral requests of the load curve's best rate (`options.steps` steps), as given
    /// and with the larger kind cut to the smaller one's tie count
    /// ([`compare_kinds`](crate::balance::compare_kinds)). `None`: no offline/online split
    /// (or a report written before it).
    #[serde(default)]
    pub tie_for_tie: Option<KindComparison>,
    /// The article's claims (`docs/claims.md`), one line each, with their verdicts on this
    /// network decided from the numbers above (intervals that overlap: "cannot tell"), or why
    /// the report does not decide them (empty when read from a report written before them).
    #[serde(default)]
    pub claims: Vec<ClaimLine>,
    /// What an analyst who sees only the visible layers misses, for claim 5: the spread
    /// of the lobbies (the organisations, or else the campaign's seed person) on the full
    /// network against on [`Network::observed`] (`None`: no shadow layer).
    #[serde(default)]
    pub shadow: Option<ShadowGap>,
    /// The model learnt from the request's adoptions ([`ReportRequest::fit`]; absent without).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fit: Option<CascadeFit>,
    /// Whether the sections ran with the fitted model (`fit` given and no `model`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fitted_model: bool,
}

/// The single sources of the report's tie-for-tie campaigns ([`Report::tie_for_tie`]).
pub const TIE_SOURCES: u32 = 10;

/// Runs the headline report on `net`; see the [module](self) documentation.
///
/// ```
/// use reseau::report::{ReportRequest, report};
/// let net = reseau::datasets::aarhus_cs();
/// let report = report(&net, &ReportRequest::quick())?;
/// let balance = report.balance.as_ref().unwrap();
/// assert_eq!(balance.declining_layer.as_deref(), Some("facebook"));
/// assert!(report.load_curve.peak_rate.is_some() && report.load_curve.collapse_rate.is_some());
/// # Ok::<(), reseau::Error>(())
/// ```
///
/// # Errors
/// Any error of the analyses it runs: an option outside its domain, an unknown declining
/// layer, an empty network.
pub fn report(net: &Network, request: &ReportRequest) -> Result<Report> {
    report_with(net, request, &Control::none())
}

/// [`report`], watched and stoppable through `control` (progress in hundredths of the
/// whole report).
///
/// ```
/// use reseau::control::Control;
/// use reseau::report::{ReportRequest, report_with};
/// let net = reseau::datasets::aarhus_cs();
/// let stop = |done: u64, _total: u64| done < 20;
/// let err = report_with(&net, &ReportRequest::quick(), &Control::new(&stop)).unwrap_err();
/// assert_eq!(err.kind(), "CancelledError");
/// ```
///
/// # Errors
/// As [`report`], and [`Error::Cancelled`](crate::Error::Cancelled).
pub fn report_with(
    net: &Network,
    request: &ReportRequest,
    control: &Control<'_>,
) -> Result<Report> {
    let Some(fit_request) = &request.fit else {
        return run(net, &request.options(), request.seed, control);
    };
    // The fit takes a tenth of the progress; the report the rest.
    let fit = crate::inference::fit_with(net, fit_request, &control.part(0, 10, 100))?;
    let mut options = request.options();
    let fitted_model = request.model.is_none();
    if fitted_model {
        options.model = fit.model.clone();
    }
    let mut report = run(net, &options, request.seed, &control.part(10, 100, 100))?;
    report.fit = Some(fit);
    report.fitted_model = fitted_model;
    Ok(report)
}

/// The old name of [`report`], with the options and the seed apart.
///
/// ```
/// #![allow(deprecated)]
/// use reseau::report::{ReportOptions, ReportRequest, headline, report};
/// let net = reseau::datasets::aarhus_cs();
/// let old = headline(&net, &ReportOptions::quick(), 7)?;
/// assert_eq!(old, report(&net, &ReportRequest::quick())?);
/// # Ok::<(), reseau::Error>(())
/// ```
///
/// # Errors
/// As [`report`].
#[deprecated(since = "0.2.0", note = "use report::report with a ReportRequest")]
pub fn headline(net: &Network, options: &ReportOptions, seed: u64) -> Result<Report> {
    run(net, options, seed, &Control::none())
}

/// The old name of [`report_with`], with the options and the seed apart.
///
/// # Errors
/// As [`report_with`].
#[deprecated(since = "0.2.0", note = "use report::report_with with a ReportRequest")]
pub fn headline_with(
    net: &Network,
    options: &ReportOptions,
    seed: u64,
    control: &Control<'_>,
) -> Result<Report> {
    run(net, options, seed, control)
}

/// The report with every option given.
/// A budget as [`select_relays`](crate::relays::select_relays) checks it, even when everyone costs the same and the
/// budgeted choice is left out (a NaN budget would otherwise pass unnoticed).
fn check_budget(budget: Option<f64>) -> Result<()> {
    match budget {
        Some(b) if !(b.is_finite() && b > 0.0) => {
            Err(crate::Error::invalid("budget", b, "a finite number > 0"))
        }
        _ => Ok(()),
    }
}

fn run(net: &Network, options: &ReportOptions, seed: u64, control: &Control<'_>) -> Result<Report> {
    const WHOLE: u64 = 100;
    if net.num_people() == 0 {
        return Err(crate::Error::invalid(
            "network",
            "no people",
            "a network with people to report on",
        ));
    }
    let view = net.compiled();
    let routing = scope::routing(&view, options.strategy);
    let scan_options = options.scan(routing.strategy);
    load::validate(&scan_options)?;
    check_budget(options.budget)?;
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

    let select = SelectRelaysRequest {
        k: Some(options.relays.min(net.num_people())),
        model: options.model.clone(),
        evaluation_runs: options.runs,
        seed,
        ..SelectRelaysRequest::default()
    };
    let relays = select_relays_with(&view, &select, &control.part(2, 20, WHOLE))?;
    let budgeted = match options.budget {
        Some(budget) => match scope::no_budget(&view, budget) {
            Some(line) => {
                omitted.push(Omission { sections: vec!["budgeted".into()], line: line + "." });
                None
            }
            None => Some(select_relays_with(
                &view,
                &SelectRelaysRequest { k: None, budget: Some(budget), ..select.clone() },
                &control.part(20, 30, WHOLE),
            )?),
        },
        None => None,
    };

    let campaign =
        campaign(net, &view, options, split.is_none(), seed, &control.part(30, 40, WHOLE))?;
    let load_curve = load::scan(&view, &scan_options, seed, &control.part(40, 70, WHOLE))?;

    let cold_contact = cold_contact(&view, options, routing.strategy, load_curve.best_rate, seed)?;
    control.report(72, WHOLE)?;

    let tie_for_tie = match split {
        None => Some(tie_for_tie(
            net,
            options,
            routing.strategy,
            load_curve.best_rate,
            seed,
            &control.part(72, 80, WHOLE),
        )?),
        Some(_) => None,
    };

    let balance = match split {
        None => Some(sweep(net, options, routing.strategy, load_curve.best_rate, seed, control)?),
        Some(_) => None,
    };
    let shadow = shadow(net, options, campaign.seed_id, seed, control)?;
    control.report(WHOLE, WHOLE)?;
    let claims = claims::claims(
        &load_curve,
        &cold_contact,
        tie_for_tie.as_ref(),
        balance.as_ref(),
        split.as_deref(),
    );
    let claims = claims::in_the_shadow(claims, shadow.as_ref());

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
        cold_contact,
        tie_for_tie,
        claims,
        shadow,
        fit: None,
        fitted_model: false,
    })
}

/// The balance sweep at `rate`, with the decline of `options.decline_layer` (or the digital
/// layer with the most ties).
fn sweep(
    net: &Network,
    options: &ReportOptions,
    strategy: Strategy,
    rate: f64,
    seed: u64,
    control: &Control<'_>,
) -> Result<BalanceReport> {
    let decline_layer = options.decline_layer.clone().or_else(|| {
        net.layers_of_kind(LayerKind::Digital)
            .into_iter()
            .max_by_key(|&l| (net.num_ties_in(l).unwrap_or(0), std::cmp::Reverse(l.0)))
            .map(|l| net.layer(l).name.clone())
    });
    let sweep = BalanceRequest {
        mixes: options.mixes.clone(),
        rate,
        steps: options.balance_steps,
        model: options.model.clone(),
        runs: options.balance_runs,
        decline: decline_layer.map(|layer| {
            Decline::new(layer, options.decline_rate, options.decline_periods)
                .vanish_at(options.decline_periods)
        }),
        seed,
        ..BalanceRequest::default()
    }
    .with_routing(options.routing(strategy));
    balance_with(net, &sweep, &control.part(80, 100, 100))
}

/// Physical against digital ties, tie for tie ([`Report::tie_for_tie`]): the report's model,
/// routing and referral requests at `rate`.
fn tie_for_tie(
    net: &Network,
    options: &ReportOptions,
    strategy: Strategy,
    rate: f64,
    seed: u64,
    control: &Control<'_>,
) -> Result<KindComparison> {
    let request = CompareKindsRequest {
        sources: TIE_SOURCES,
        runs: options.balance_runs,
        model: options.model.clone(),
        rate,
        steps: options.steps,
        seed,
        ..CompareKindsRequest::default()
    }
    .with_routing(options.routing(strategy));
    compare_kinds_with(net, &request, control)
}

/// What the analyst misses (`None` without a shadow layer): the lobbies' spread (the
/// organisations', or else `first`'s, the campaign's seed) with and without the shadow.
fn shadow(
    net: &Network,
    options: &ReportOptions,
    first: u32,
    seed: u64,
    control: &Control<'_>,
) -> Result<Option<ShadowGap>> {
    if net.shadow_layers().is_empty() {
        return Ok(None);
    }
    let lobbies = net.people().any(|(_, p)| p.kind == crate::PersonKind::Organization);
    let request = ShadowGapRequest {
        sources: if lobbies { Vec::new() } else { vec![first.into()] },
        model: options.model.clone(),
        runs: options.runs,
        seed,
        ..ShadowGapRequest::default()
    };
    Ok(Some(shadow_gap_with(net, &request, control)?))
}

/// Chains and cold contacts on the same random requests at `rate` (the pairs come from the
/// seed's stream, the same for both).
fn cold_contact(
    view: &crate::CompiledNetwork,
    options: &ReportOptions,
    strategy: Strategy,
    rate: f64,
    seed: u64,
) -> Result<ColdContact> {
    let routing = options.routing(strategy);
    let request = |routing: RouteOptions| {
        crate::referral::ReferralRequest::new(crate::referral::Workload::random(
            rate,
            options.steps,
        ))
        .with_routing(routing)
        .seed(seed)
    };
    let chain = crate::referral::route_referrals(view, &request(routing.clone()))?;
    let cold_routing = RouteOptions { strategy: Strategy::Cold, ..routing };
    let cold_response = cold_routing.cold_response;
    let cold = crate::referral::route_referrals(view, &request(cold_routing))?;
    Ok(ColdContact {
        rate,
        requests: chain.requests,
        cold_response,
        chain_success: chain.success_rate,
        chain_success_ci95: chain.success_ci95,
        cold_success: cold.success_rate,
        cold_success_ci95: cold.success_ci95,
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
                shadow: layer.shadow,
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
        shadow_layers: net.shadow_layers().len(),
        shadow_ties: net.num_shadow_ties(),
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
    let s = simulate_seeds(view, &seeds, &options.model, options.runs, seed, control)?;
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
        Some(simulate_seeds(view, &seeds, &off, options.runs, seed, control)?.total.mean)
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
