//! The entry point: options, checks, dispatch to a method, and the independent evaluation.

use serde::{Deserialize, Serialize};

use super::budget::Limit;
use super::{Outcome, celf, heuristics, hist, imm, opim};
use crate::cascade::{MAX_RUNS, Model, Seeds, SpreadStats, simulate_seeds};
use crate::compiled::CompiledNetwork;
use crate::control::Control;
use crate::error::bytes;
use crate::error::{Error, Result, check_non_negative};
use crate::memory::Budget;
use crate::rng::Stream;
use crate::rrsets::{LiveGraph, Storage};

/// How [`select_relays`] chooses.
///
/// ```
/// use reseau::relays::Method;
/// let m: Method = serde_json::from_str("\"opim_c\"").unwrap();
/// assert_eq!(m, Method::OpimC);
/// assert_eq!(serde_json::to_string(&Method::DegreeDiscount).unwrap(), "\"degree_discount\"");
/// assert_eq!(Method::default(), Method::Imm);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// IMM (Tang, Shi & Xiao 2015): RR sets, (1 − 1/e − ε)-approximate with probability
    /// 1 − 1/n^ℓ (the default).
    #[default]
    Imm,
    /// OPIM-C (Tang et al. 2018): RR sets, with a certified lower bound on its own ratio.
    OpimC,
    /// HIST (Guo, Wang, Wei & Chen 2020): OPIM-C's certificate on RR sets cut short at a
    /// small sentinel set chosen first; far less memory and time where the model reaches
    /// much of the network (IC p = 0.1 on large graphs). `k` relays only, not a budget.
    Hist,
    /// CELF (Leskovec et al. 2007): lazy greedy on Monte Carlo estimates; small networks.
    Celf,
    /// The most ties that can carry the message.
    Degree,
    /// Degree discount (Chen, Wang & Yang 2009).
    DegreeDiscount,
    /// PageRank of the network seen backwards, ties weighted by their probability.
    Pagerank,
    /// A uniformly random choice.
    Random,
}

/// What [`select_relays`] is asked: how many relays (`k`) or what they may cost
/// (`budget`, exactly one of the two), the model, the method and its parameters, the
/// independent evaluation, and the seed.
///
/// ```
/// use reseau::relays::{Method, SelectRelaysRequest};
/// let request: SelectRelaysRequest =
///     serde_json::from_str(r#"{"k": 10, "method": "opim_c", "epsilon": 0.2, "seed": 3}"#).unwrap();
/// assert_eq!((request.k, request.method, request.ell, request.seed), (Some(10), Method::OpimC, 1.0, 3));
/// assert!(request.validate().is_ok());
/// assert_eq!(SelectRelaysRequest::k(10).method(Method::OpimC).seed(3).epsilon, 0.1);
/// assert!(SelectRelaysRequest { k: Some(3), epsilon: 1.0, ..Default::default() }.validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct SelectRelaysRequest {
    /// Choose this many relays (1 ≤ k ≤ n).
    pub k: Option<usize>,
    /// Or choose relays whose costs add up to at most this.
    pub budget: Option<f64>,
    /// Each person's cost, overriding the network's [`Person::cost`](crate::Person::cost)
    /// (finite, ≥ 0, one per person).
    pub costs: Option<Vec<f64>>,
    /// The diffusion model (default: Independent Cascade, p = 0.1). RR-set methods and the
    /// heuristics use it without its fatigue, which is not a live-edge model; CELF and the
    /// evaluation run it as given.
    pub model: Model,
    /// The method (default IMM).
    pub method: Method,
    /// IMM, OPIM-C and HIST's ε in (0, 1): the guarantee is 1 − 1/e − ε (default 0.1).
    pub epsilon: f64,
    /// IMM, OPIM-C and HIST's ℓ > 0: the guarantee holds with probability 1 − 1/n^ℓ
    /// (default 1).
    pub ell: f64,
    /// Monte Carlo runs of the independent evaluation of the choice (default 10,000; 0 skips
    /// it).
    pub evaluation_runs: u64,
    /// Monte Carlo runs per CELF estimate (default 1,000).
    pub celf_runs: u64,
    /// The model the choice is evaluated under, when not `model`: for instance the same model
    /// with recommendation fatigue, to see how much of the promised spread survives crowded
    /// channels.
    pub evaluation_model: Option<Model>,
    /// The seed: the same seed gives the same selection on every platform and for any
    /// number of threads (default 0).
    pub seed: u64,
    /// The memory the RR sets of IMM, OPIM-C and HIST may use, in bytes (default: what the
    /// machine has available, see [`memory`](crate::memory)): the sampling stops as soon as
    /// the sets drawn so far show that all of them would not fit. The method then runs again
    /// on the same sets stored compressed (the very same choice, in a quarter to two thirds
    /// of the memory); when those do not fit either, IMM or OPIM-C choosing `k` relays hands over to
    /// HIST, whose sets are cut short at its sentinel set (the result's `method` and
    /// `switch_reason` say which and why); when HIST's do not fit either, or within a budget,
    /// the call fails with [`Error::OutOfMemory`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_memory: Option<u64>,
}

/// The old name of [`SelectRelaysRequest`] (which now carries the seed).
#[deprecated(since = "0.2.0", note = "renamed SelectRelaysRequest")]
pub type SelectOptions = SelectRelaysRequest;

impl Default for SelectRelaysRequest {
    fn default() -> Self {
        SelectRelaysRequest {
            k: None,
            budget: None,
            costs: None,
            model: Model::default(),
            method: Method::default(),
            epsilon: 0.1,
            ell: 1.0,
            evaluation_runs: 10_000,
            celf_runs: 1_000,
            evaluation_model: None,
            seed: 0,
            max_memory: None,
        }
    }
}

impl SelectRelaysRequest {
    /// The defaults, choosing `k` relays.
    ///
    /// ```
    /// assert_eq!(reseau::relays::SelectRelaysRequest::k(3).k, Some(3));
    /// ```
    pub fn k(k: usize) -> Self {
        SelectRelaysRequest { k: Some(k), ..SelectRelaysRequest::default() }
    }

    /// The defaults, choosing relays within `budget`.
    ///
    /// ```
    /// assert_eq!(reseau::relays::SelectRelaysRequest::budget(4.0).budget, Some(4.0));
    /// ```
    pub fn budget(budget: f64) -> Self {
        SelectRelaysRequest { budget: Some(budget), ..SelectRelaysRequest::default() }
    }

    /// Sets the model.
    ///
    /// ```
    /// use reseau::cascade::Model;
    /// let request = reseau::relays::SelectRelaysRequest::k(3).model(Model::weighted_cascade());
    /// assert_eq!(request.model, Model::weighted_cascade());
    /// ```
    #[must_use]
    pub fn model(mut self, model: Model) -> Self {
        self.model = model;
        self
    }

    /// Sets the method.
    ///
    /// ```
    /// use reseau::relays::{Method, SelectRelaysRequest};
    /// assert_eq!(SelectRelaysRequest::k(3).method(Method::Celf).method, Method::Celf);
    /// ```
    #[must_use]
    pub fn method(mut self, method: Method) -> Self {
        self.method = method;
        self
    }

    /// Sets the runs of the independent evaluation (0 skips it).
    ///
    /// ```
    /// assert_eq!(reseau::relays::SelectRelaysRequest::k(3).evaluation_runs(0).evaluation_runs, 0);
    /// ```
    #[must_use]
    pub fn evaluation_runs(mut self, runs: u64) -> Self {
        self.evaluation_runs = runs;
        self
    }

    /// Sets the seed.
    ///
    /// ```
    /// assert_eq!(reseau::relays::SelectRelaysRequest::k(3).seed(9).seed, 9);
    /// ```
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Checks every parameter that does not depend on the network (the number of people, the
    /// costs' count and the layer names are checked by [`select_relays`]).
    ///
    /// ```
    /// use reseau::relays::SelectRelaysRequest;
    /// let both = SelectRelaysRequest { k: Some(2), budget: Some(5.0), ..Default::default() };
    /// assert_eq!(both.validate().unwrap_err().kind(), "InvalidParameterError");
    /// assert!(SelectRelaysRequest::default().validate().is_err()); // neither k nor budget
    /// ```
    pub fn validate(&self) -> Result<()> {
        match (self.k, self.budget) {
            (Some(_), Some(_)) => {
                return Err(Error::invalid("k and budget", "both", "exactly one of k and budget"));
            }
            (None, None) => {
                return Err(Error::invalid(
                    "k and budget",
                    "neither",
                    "exactly one of k and budget",
                ));
            }
            (Some(0), None) => return Err(Error::invalid("k", 0, "an integer >= 1")),
            (None, Some(b)) if !(b.is_finite() && b > 0.0) => {
                return Err(Error::invalid("budget", b, "a finite number > 0"));
            }
            _ => {}
        }
        if let Some(costs) = &self.costs {
            for (i, &c) in costs.iter().enumerate() {
                check_non_negative(|| format!("cost of person {i}"), c)?;
            }
        }
        if !(self.epsilon > 0.0 && self.epsilon < 1.0) {
            return Err(Error::invalid("epsilon", self.epsilon, "a number in (0, 1)"));
        }
        if !(self.ell.is_finite() && self.ell > 0.0) {
            return Err(Error::invalid("ell", self.ell, "a finite number > 0"));
        }
        if self.evaluation_runs > MAX_RUNS {
            return Err(Error::invalid(
                "evaluation_runs",
                self.evaluation_runs,
                format!("an integer in 0..={MAX_RUNS}"),
            ));
        }
        if self.celf_runs == 0 || self.celf_runs > MAX_RUNS {
            return Err(Error::invalid(
                "celf_runs",
                self.celf_runs,
                format!("an integer in 1..={MAX_RUNS}"),
            ));
        }
        self.model.validate()?;
        if let Some(model) = &self.evaluation_model {
            model.validate()?;
        }
        Ok(())
    }
}

/// The relays chosen by [`select_relays`], with what the method promised and what an
/// independent Monte Carlo evaluation found.
///
/// ```
/// use reseau::relays::{SelectRelaysRequest, select_relays};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let chosen = select_relays(&net, &SelectRelaysRequest::k(3).evaluation_runs(2_000).seed(1))?;
/// assert_eq!((chosen.relays.len(), chosen.gains.len()), (3, 3));
/// // Each relay's label and cost, in the order chosen.
/// assert_eq!(chosen.labels[0], net.display_name(chosen.relays[0]));
/// assert_eq!(chosen.costs, vec![1.0; 3]);
/// let spread = chosen.spread.as_ref().unwrap();
/// assert_eq!(chosen.layer_names.len(), spread.by_layer.len());
/// // The method's own estimate and the independent evaluation agree roughly.
/// assert!((chosen.estimated_spread.unwrap() - spread.mean).abs() < 0.15 * spread.mean);
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RelaySelection {
    /// The method that chose: the one asked for, or HIST when the RR sets of the one asked
    /// for would not fit `max_memory`, even compressed (see `switch_reason`).
    pub method: Method,
    /// Why the method did not run as asked (`None` when it did): its RR sets stored flat
    /// would have needed more memory than `max_memory` allows, and either the same sets
    /// stored compressed fit (`method` is the one asked for, the choice the same) or HIST's
    /// fit (`method` is HIST); the bytes needed and allowed.
    #[serde(default)]
    pub switch_reason: Option<String>,
    /// The relays, in the order chosen.
    pub relays: Vec<u32>,
    /// Each relay's marginal gain in expected spread as the method estimated it (IMM, OPIM-C,
    /// HIST: from RR-set coverage; CELF: from Monte Carlo); for the heuristics, the score it was
    /// ranked by (degree, discounted degree, PageRank; 0 for random).
    pub gains: Vec<f64>,
    /// The expected spread as the method estimated it (IMM: on its final RR sets; OPIM-C and
    /// HIST: on their second collection, which played no part in the choice; CELF: Monte
    /// Carlo); `None` for the heuristics.
    pub estimated_spread: Option<f64>,
    /// The independent evaluation: [`simulate`](crate::cascade::simulate) of the relays under the evaluation model,
    /// on streams the selection did not use (`None` when `evaluation_runs` is 0). Its `mean`
    /// and `ci95` are the spread to quote.
    pub spread: Option<SpreadStats>,
    /// A lower bound on the choice's approximation ratio, holding with probability
    /// 1 − 1/n^ℓ: IMM's 1 − 1/e − ε (within a budget ½(1 − 1/e) − ε); OPIM-C's and HIST's
    /// certified α (computed from the samples). `None` for the other methods and when the model is not a
    /// live-edge model (see [`SelectRelaysRequest::model`] and `docs/relays.md`).
    pub approximation: Option<f64>,
    /// The relays' total cost.
    pub cost: f64,
    /// RR sets drawn (IMM, OPIM-C, HIST: whole and truncated) or cascades run (CELF); 0 for the
    /// heuristics.
    pub samples: u64,
    /// The relays' labels, in the order chosen (an unlabelled person's `#id`).
    #[serde(default)]
    pub labels: Vec<String>,
    /// Each relay's cost, in the order chosen (the costs the selection used: the request's
    /// `costs`, else the people's own).
    #[serde(default)]
    pub costs: Vec<f64>,
    /// The layer names, in the network's order (what `spread.by_layer` follows).
    #[serde(default)]
    pub layer_names: Vec<String>,
}

/// The old name of [`RelaySelection`].
#[deprecated(since = "0.2.0", note = "renamed RelaySelection")]
pub type Selection = RelaySelection;

/// Stream tags deriving the independent sub-seeds of one call.
pub(super) const PHASE_A: u64 = 0x5245_4c41_5953_0001; // "RELAYS" 1
pub(super) const PHASE_B: u64 = 0x5245_4c41_5953_0002;
const CELF: u64 = 0x5245_4c41_5953_0003;
const RANDOM: u64 = 0x5245_4c41_5953_0004;
const EVALUATION: u64 = 0x5245_4c41_5953_0005;

pub(super) fn sub_seed(seed: u64, tag: u64) -> u64 {
    Stream::new(seed, tag).next_u64()
}

/// The `seed` of the [`simulate`](crate::cascade::simulate) call that evaluates the relays
/// chosen by [`select_relays`] with `seed`: to run that evaluation elsewhere, for instance in
/// shards ([`simulate_runs`](crate::cascade::simulate_runs)) on several machines.
///
/// ```
/// use reseau::cascade::{SimulateRequest, simulate};
/// use reseau::relays::{SelectRelaysRequest, evaluation_seed, select_relays};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let request = SelectRelaysRequest::k(2).evaluation_runs(500).seed(9);
/// let chosen = select_relays(&net, &request)?;
/// let evaluation = SimulateRequest::new(chosen.relays.clone()).model(request.model).runs(500);
/// let again = simulate(&net, &evaluation.seed(evaluation_seed(9)))?;
/// assert_eq!(Some(again.total), chosen.spread);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn evaluation_seed(seed: u64) -> u64 {
    sub_seed(seed, EVALUATION)
}

/// Chooses relays: `k` people, or people within a budget, who maximise the expected spread of
/// a message under `request.model`, by `request.method`; then evaluates the choice by an
/// independent Monte Carlo simulation.
///
/// The same `seed` gives the same selection on every platform and for any number of threads.
///
/// ```
/// use reseau::cascade::Model;
/// use reseau::relays::{Method, SelectRelaysRequest, select_relays};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let request = SelectRelaysRequest {
///     k: Some(5),
///     model: Model::independent_cascade(0.05),
///     method: Method::OpimC,
///     evaluation_runs: 1_000,
///     seed: 7,
///     ..Default::default()
/// };
/// let chosen = select_relays(&net, &request)?;
/// assert_eq!(chosen.relays.len(), 5);
/// assert!(chosen.approximation.unwrap() > 0.0);
/// assert_eq!(chosen, select_relays(&net, &request)?); // reproducible
///
/// // Within a budget, with costs of our own: person 0 costs 10, everyone else 1.
/// let mut costs = vec![1.0; net.num_people()];
/// costs[0] = 10.0;
/// let budgeted = SelectRelaysRequest { k: None, budget: Some(4.0), costs: Some(costs), ..request };
/// let chosen = select_relays(&net, &budgeted)?;
/// assert!(chosen.cost <= 4.0 && !chosen.relays.contains(&0));
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn select_relays(
    net: &CompiledNetwork,
    request: &SelectRelaysRequest,
) -> Result<RelaySelection> {
    select_relays_with(net, request, &Control::none())
}

/// [`select_relays`], watched and stoppable through `control`: it reports the RR sets drawn
/// (IMM, OPIM-C: out of the number the current round needs, which grows from round to round)
/// or the Monte Carlo estimates made (CELF), then the evaluation's runs done out of
/// `evaluation_runs`; it returns [`Error::Cancelled`] when stopped. When it is not stopped the
/// selection is exactly [`select_relays`]'s.
///
/// ```
/// use reseau::control::Control;
/// use reseau::relays::{SelectRelaysRequest, select_relays, select_relays_with};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let request = SelectRelaysRequest::k(3).evaluation_runs(1_000).seed(1);
/// let watch = |done: u64, total: u64| done <= total;
/// assert_eq!(select_relays_with(&net, &request, &Control::new(&watch))?, select_relays(&net, &request)?);
/// let stop = |_: u64, _: u64| false;
/// let err = select_relays_with(&net, &request, &Control::new(&stop)).unwrap_err();
/// assert_eq!(err.kind(), "CancelledError");
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn select_relays_with(
    net: &CompiledNetwork,
    request: &SelectRelaysRequest,
    control: &Control<'_>,
) -> Result<RelaySelection> {
    let (options, seed) = (request, request.seed);
    let (limit, costs) = checked_limit(net, options)?;
    let n = net.num_people();
    let seeds = [sub_seed(seed, PHASE_A), sub_seed(seed, PHASE_B)];
    let (mut ran, mut switch_reason) = (options.method, None);
    let outcome = match options.method {
        Method::Celf => celf::celf(
            net,
            &options.model,
            &limit,
            options.celf_runs,
            sub_seed(seed, CELF),
            control,
        )?,
        Method::Imm | Method::OpimC | Method::Hist => {
            let (outcome, method, reason) = rr_switching(net, &limit, options, seeds, control)?;
            (ran, switch_reason) = (method, reason);
            outcome
        }
        Method::Degree | Method::DegreeDiscount | Method::Pagerank | Method::Random => {
            let graph = LiveGraph::new(net, &options.model)?;
            let (relays, gains) = match options.method {
                Method::Degree => heuristics::degree(&graph, &limit),
                Method::DegreeDiscount => heuristics::degree_discount(&graph, &limit),
                Method::Pagerank => heuristics::pagerank_ranking(&graph, &limit, control)?,
                _ => heuristics::random(n, &limit, sub_seed(seed, RANDOM)),
            };
            Outcome { relays, gains, estimate: f64::NAN, samples: 0, approximation: None }
        }
    };
    let evaluation_model = options.evaluation_model.as_ref().unwrap_or(&options.model);
    let spread = if options.evaluation_runs > 0 {
        let seeds = Seeds::from(outcome.relays.clone());
        let summary = simulate_seeds(
            net,
            &seeds,
            evaluation_model,
            options.evaluation_runs,
            evaluation_seed(seed),
            control,
        )?;
        Some(summary.total)
    } else {
        None
    };
    Ok(assemble(net, outcome, (ran, switch_reason), costs, spread))
}

/// Checks `options` against the network: the request itself, a network with people, k at
/// most n, the costs (one per person, ≥ 0), a budget that buys someone. Returns the limit
/// and the costs the selection uses.
pub(super) fn checked_limit<'a>(
    net: &'a CompiledNetwork,
    options: &'a SelectRelaysRequest,
) -> Result<(Limit<'a>, &'a [f64])> {
    options.validate()?;
    let n = net.num_people();
    if n == 0 {
        return Err(Error::invalid("network", "no people", "a network with people to choose from"));
    }
    if let Some(k) = options.k {
        if k > n {
            return Err(Error::invalid("k", k, format!("an integer in 1..={n} (the people)")));
        }
    }
    let costs: &[f64] = options.costs.as_deref().unwrap_or(net.costs());
    if costs.len() != n {
        return Err(Error::invalid(
            "costs",
            format!("{} values", costs.len()),
            format!("one per person ({n})"),
        ));
    }
    for (i, &c) in costs.iter().enumerate() {
        check_non_negative(|| format!("cost of person {i}"), c)?;
    }
    let limit = match (options.k, options.budget) {
        (Some(k), _) => Limit::Count(k),
        (None, Some(budget)) => {
            let cheapest = costs.iter().copied().fold(f64::INFINITY, f64::min);
            if cheapest > budget {
                return Err(Error::invalid(
                    "budget",
                    budget,
                    format!(
                        "at least the cheapest person's cost ({})",
                        crate::error::float(cheapest)
                    ),
                ));
            }
            Limit::Budget { budget, costs }
        }
        (None, None) => unreachable!("validate() requires k or budget"),
    };
    Ok((limit, costs))
}

/// The selection from a method's outcome: the relays' labels and costs, the evaluation's
/// spread; `ran` is the method that ran and why it is not the one asked for.
pub(super) fn assemble(
    net: &CompiledNetwork,
    outcome: Outcome,
    ran: (Method, Option<String>),
    costs: &[f64],
    spread: Option<SpreadStats>,
) -> RelaySelection {
    let relay_costs: Vec<f64> = outcome.relays.iter().map(|&v| costs[v as usize]).collect();
    RelaySelection {
        method: ran.0,
        switch_reason: ran.1,
        cost: relay_costs.iter().sum(),
        labels: outcome.relays.iter().map(|&v| net.display_name(v)).collect(),
        costs: relay_costs,
        layer_names: net.layers().iter().map(|l| l.name.clone()).collect(),
        estimated_spread: (!outcome.estimate.is_nan()).then_some(outcome.estimate),
        relays: outcome.relays,
        gains: outcome.gains,
        spread,
        approximation: outcome.approximation,
        samples: outcome.samples,
    }
}

/// Runs one of the RR-set methods.
pub(super) fn rr_method(
    method: Method,
    graph: &LiveGraph<'_>,
    limit: &Limit<'_>,
    options: &SelectRelaysRequest,
    seeds: [u64; 2],
    control: &Control<'_>,
    (memory, storage): (Budget, Storage),
) -> Result<Outcome> {
    let (epsilon, ell) = (options.epsilon, options.ell);
    match (method, *limit) {
        (Method::Imm, _) => imm::imm(graph, limit, epsilon, ell, seeds, control, (memory, storage)),
        (Method::Hist, Limit::Count(k)) => {
            hist::hist(graph, k, epsilon, ell, seeds, control, (memory, storage))
        }
        (Method::Hist, Limit::Budget { .. }) => Err(Error::invalid(
            "method",
            "hist",
            "k relays (HIST does not choose within a budget: use imm or opim_c)",
        )),
        _ => opim::opim_c(graph, limit, epsilon, ell, seeds, control, (memory, storage)),
    }
}

/// A method's name as requests spell it.
fn method_name(method: Method) -> String {
    serde_json::to_value(method)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| format!("{method:?}"))
}

/// IMM, OPIM-C or HIST as asked, on flat RR sets; when they would not fit the memory
/// budget, the same method on the same sets stored compressed (the very same choice); when
/// those would not fit either, IMM or OPIM-C choosing k people hands over to HIST. The
/// outcome, the method that ran, and why it did not run as asked.
fn rr_switching(
    net: &CompiledNetwork,
    limit: &Limit<'_>,
    options: &SelectRelaysRequest,
    seeds: [u64; 2],
    control: &Control<'_>,
) -> Result<(Outcome, Method, Option<String>)> {
    let graph = LiveGraph::new(net, &options.model)?;
    let memory = Budget::new(options.max_memory)?;
    let run = |method, storage| {
        rr_method(method, &graph, limit, options, seeds, control, (memory, storage))
    };
    let asked = method_name(options.method);
    let out_of_memory = |result: Result<Outcome>| match result {
        Err(Error::OutOfMemory { what, needed, available }) => Err((what, needed, available)),
        other => Ok(other),
    };
    let (flat, flat_needed, available) = match out_of_memory(run(options.method, Storage::Flat)) {
        Ok(outcome) => return Ok((outcome?, options.method, None)),
        Err(e) => e,
    };
    let allowed = |available: u64| {
        format!("{} {} allowed", bytes(available), if available == 1 { "is" } else { "are" })
    };
    let (packed, packed_needed, _) = match out_of_memory(run(options.method, Storage::Compressed)) {
        Ok(outcome) => {
            let reason = format!(
                "{asked}'s {flat} would need about {} stored flat and {} (max_memory): \
                     {asked} ran on the same RR sets stored compressed (members sorted and \
                     delta-coded as varints), the same choice in less memory",
                bytes(flat_needed),
                allowed(available),
            );
            return Ok((outcome?, options.method, Some(reason)));
        }
        Err(e) => e,
    };
    if options.method == Method::Hist || !matches!(limit, Limit::Count(_)) {
        return Err(Error::OutOfMemory {
            what: format!("{asked}'s {flat}, and its {packed} instead,"),
            needed: packed_needed,
            available,
        });
    }
    match run(Method::Hist, Storage::Flat) {
        Ok(outcome) => {
            let reason = format!(
                "{asked}'s {flat} would need about {} stored flat and {} compressed, and {} \
                 (max_memory): HIST ran instead, on RR sets cut short at its sentinel set",
                bytes(flat_needed),
                bytes(packed_needed),
                allowed(available),
            );
            Ok((outcome, Method::Hist, Some(reason)))
        }
        Err(Error::OutOfMemory { what: hist_what, needed, available }) => Err(Error::OutOfMemory {
            what: format!(
                "{asked}'s {flat}, its {packed}, and HIST's truncated {hist_what} instead,"
            ),
            needed,
            available,
        }),
        Err(e) => Err(e),
    }
}
