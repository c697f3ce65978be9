//! Physical against digital ties, tie for tie: each kind of layer kept alone (same people)
//! carries the same campaigns and referral requests, read as they are and again with the
//! larger kind cut to the smaller one's tie count, so that the answer is not the tie count.

use serde::{Deserialize, Serialize};

use crate::cascade::{MAX_RUNS, Model, SimulateRequest, simulate_with};
use crate::control::Control;
use crate::error::{Error, Result};
use crate::model::{LayerKind, Network, TieSpec};
use crate::referral::{ReferralRequest, Workload, route_referrals_with};
use crate::rng::Stream;

/// The stream of the subsampling draws.
const SUBSAMPLE: u64 = 0x6b69_6e64;
/// The stream of the campaigns' sources.
const SOURCES: u64 = 0x7365_6564;
/// The most sources one comparison accepts.
pub const MAX_SOURCES: u32 = 100_000;

crate::referral::routing_request! {
    "reseau::balance"
    /// What [`compare_kinds`] runs on each kind of tie: campaigns from `sources` single
    /// people (drawn once, the same for both kinds), `runs` each, under `model`; random
    /// referral requests at `rate` per step for `steps` steps, routed by the routing options
    /// (flat, as [`RouteOptions`](crate::referral::RouteOptions)'s); and the seed.
    ///
    /// ```
    /// use reseau::balance::CompareKindsRequest;
    /// let r: CompareKindsRequest = serde_json::from_str(r#"{"sources": 5, "runs": 200, "forward": 0.8}"#)?;
    /// assert_eq!((r.sources, r.runs, r.steps, r.seed), (5, 200, 100, 0));
    /// assert_eq!(r.routing().forward, 0.8);
    /// assert!(serde_json::from_str::<CompareKindsRequest>(r#"{"source": 5}"#).is_err());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(default, deny_unknown_fields)]
    pub struct CompareKindsRequest {
        /// Single sources of the campaigns, drawn uniformly once (the same for every network
        /// compared), each seeding its own campaigns. Default 20.
        pub sources: u32 = 20,
        /// Monte Carlo runs of the campaign per source. Default 500.
        pub runs: u64 = 500,
        /// The campaign's model. Default Independent Cascade, p = 0.1.
        pub model: Model = Model::default(),
        /// Random referral requests (between people who are not tied) per step. Default 4.
        pub rate: f64 = 4.0,
        /// Steps of requests. Default 100.
        pub steps: u32 = 100,
        /// The seed of every random stream (default 0).
        pub seed: u64 = 0,
    }
}

impl CompareKindsRequest {
    /// Checks every value against its domain.
    ///
    /// ```
    /// use reseau::balance::CompareKindsRequest;
    /// assert!(CompareKindsRequest::default().validate().is_ok());
    /// let err = CompareKindsRequest { sources: 0, ..Default::default() }.validate().unwrap_err();
    /// assert_eq!(err.kind(), "InvalidParameterError");
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first value outside its domain.
    pub fn validate(&self) -> Result<()> {
        if self.sources == 0 || self.sources > MAX_SOURCES {
            return Err(Error::invalid(
                "sources",
                self.sources,
                format!("an integer in 1..={MAX_SOURCES}"),
            ));
        }
        if self.runs == 0 || self.runs > MAX_RUNS {
            return Err(Error::invalid("runs", self.runs, format!("an integer in 1..={MAX_RUNS}")));
        }
        if !(self.rate.is_finite() && self.rate > 0.0) {
            return Err(Error::invalid("rate", self.rate, "a finite number > 0"));
        }
        if self.steps == 0 {
            return Err(Error::invalid("steps", self.steps, "an integer >= 1"));
        }
        self.model.validate()?;
        self.routing().check()
    }
}

/// What one kind of tie carried.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KindOutcome {
    /// Ties of the kind (after subsampling).
    pub ties: usize,
    /// People a campaign reached beyond its source, the mean over the sources.
    pub spread: f64,
    /// Its 95% interval: the sources' intervals averaged bound by bound (the sources share
    /// their random numbers, so their errors are correlated; this is the widest interval any
    /// correlation gives).
    pub spread_ci: [f64; 2],
    /// The referral success rate.
    pub success: f64,
    /// Its Wilson 95% interval.
    pub success_ci: [f64; 2],
}

impl KindOutcome {
    /// The spread per 100 ties of the kind.
    ///
    /// ```
    /// use reseau::balance::KindOutcome;
    /// let o = KindOutcome { ties: 50, spread: 2.0, spread_ci: [1.0, 3.0], success: 0.5, success_ci: [0.4, 0.6] };
    /// assert_eq!(o.spread_per_100_ties(), 4.0);
    /// ```
    pub fn spread_per_100_ties(&self) -> f64 {
        100.0 * self.spread / self.ties.max(1) as f64
    }

    /// The referral success, in percentage points, per 100 ties of the kind.
    ///
    /// ```
    /// use reseau::balance::KindOutcome;
    /// let o = KindOutcome { ties: 50, spread: 2.0, spread_ci: [1.0, 3.0], success: 0.5, success_ci: [0.4, 0.6] };
    /// assert_eq!(o.success_per_100_ties(), 100.0);
    /// ```
    pub fn success_per_100_ties(&self) -> f64 {
        100.0 * 100.0 * self.success / self.ties.max(1) as f64
    }
}

/// The result of [`compare_kinds`]: each kind of tie alone, as given and with equal tie
/// counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KindComparison {
    /// The campaigns' sources (person ids, drawn with replacement).
    pub sources: Vec<u32>,
    /// Every physical tie.
    pub physical: KindOutcome,
    /// Every digital tie.
    pub digital: KindOutcome,
    /// The tie count both kinds are cut to: the smaller kind's.
    pub equal_ties: usize,
    /// Physical ties, a uniform subset of `equal_ties` of them when they are the larger kind.
    pub physical_equal: KindOutcome,
    /// Digital ties, a uniform subset of `equal_ties` of them when they are the larger kind.
    pub digital_equal: KindOutcome,
}

/// The network with the same people and layers and only the ties of `kind`, `keep` of them
/// at most (a uniform subset drawn from `seed`, in tie order; all with `None`); the layers of
/// the other kind are left out.
///
/// ```
/// use reseau::LayerKind;
/// use reseau::balance::only_kind;
/// let net = reseau::datasets::aarhus_cs();
/// let digital = only_kind(&net, LayerKind::Digital, None, 1)?;
/// assert_eq!((digital.num_people(), digital.num_ties(), digital.num_layers()), (61, 124, 1));
/// let cut = only_kind(&net, LayerKind::Physical, Some(124), 1)?;
/// assert_eq!(cut.num_ties(), 124);
/// let again = only_kind(&net, LayerKind::Physical, Some(124), 1)?; // seeded: the same ties
/// let pairs = |n: &reseau::Network| n.ties().map(|t| (t.source, t.target)).collect::<Vec<_>>();
/// assert_eq!(pairs(&cut), pairs(&again));
/// # Ok::<(), reseau::Error>(())
/// ```
///
/// # Errors
/// None in practice: the network's own layers and ties are copied.
pub fn only_kind(
    net: &Network,
    kind: LayerKind,
    keep: Option<usize>,
    seed: u64,
) -> Result<Network> {
    let names: Vec<&str> = net.layers().iter().map(|l| l.name.as_str()).collect();
    let mut out = net.without_layers(&names)?;
    for layer in net.layers().iter().filter(|l| l.kind == kind) {
        out.add_layer(layer.clone())?;
    }
    let ties: Vec<_> = net.ties().filter(|t| net.layer(t.layer).kind == kind).collect();
    for i in pick(ties.len(), keep, seed) {
        let t = ties[i];
        let spec = TieSpec { weight: t.weight, sign: t.sign, probability: t.probability };
        out.add_tie_spec(t.source, t.target, net.layer(t.layer).name.as_str(), spec)?;
    }
    Ok(out)
}

/// `keep` of the indices `0..n` (all when `None` or more than `n`), a uniform subset drawn
/// from `seed`, in increasing order.
fn pick(n: usize, keep: Option<usize>, seed: u64) -> Vec<usize> {
    let mut chosen: Vec<usize> = (0..n).collect();
    let keep = keep.unwrap_or(n).min(n);
    // A partial Fisher–Yates shuffle: the first `keep` places are a uniform subset.
    let mut rng = Stream::new(seed, SUBSAMPLE);
    for i in 0..keep {
        let j = i + rng.below((n - i) as u64) as usize;
        chosen.swap(i, j);
    }
    chosen.truncate(keep);
    chosen.sort_unstable();
    chosen
}

/// Compares what physical and digital ties carry, tie for tie: each kind kept alone (same
/// people) carries campaigns from the same single sources and the same referral workload;
/// then the larger kind is cut to the smaller one's tie count (a uniform subset, from the
/// seed) and both are measured again. Campaign spread is people reached beyond the source.
///
/// ```
/// use reseau::balance::{CompareKindsRequest, compare_kinds};
/// let net = reseau::datasets::aarhus_cs();
/// let request = CompareKindsRequest { sources: 5, runs: 100, steps: 20, seed: 1, ..Default::default() };
/// let c = compare_kinds(&net, &request)?;
/// assert_eq!((c.physical.ties, c.digital.ties, c.equal_ties), (496, 124, 124));
/// assert_eq!((c.physical_equal.ties, c.digital_equal.ties), (124, 124));
/// assert!(c.physical.spread > c.physical_equal.spread); // four times the ties reach further
/// assert_eq!(c.digital_equal, c.digital); // the smaller kind is kept whole
/// # Ok::<(), reseau::Error>(())
/// ```
///
/// # Errors
/// A value outside its domain ([`CompareKindsRequest::validate`]); a layer the network lacks
/// in the model or the routing; a network without people or without a tie of each kind.
pub fn compare_kinds(net: &Network, request: &CompareKindsRequest) -> Result<KindComparison> {
    compare_kinds_with(net, request, &Control::none())
}

/// [`compare_kinds`], watched and stoppable through `control` (progress counts the
/// campaigns and referral runs done on the four networks). When not stopped the result is
/// exactly [`compare_kinds`]'s.
///
/// ```
/// use reseau::balance::{CompareKindsRequest, compare_kinds_with};
/// use reseau::control::Control;
/// let net = reseau::datasets::aarhus_cs();
/// let stop = |done: u64, _total: u64| done < 2;
/// let err = compare_kinds_with(&net, &CompareKindsRequest::default(), &Control::new(&stop));
/// assert_eq!(err.unwrap_err().kind(), "CancelledError");
/// ```
///
/// # Errors
/// As [`compare_kinds`], and [`Error::Cancelled`].
pub fn compare_kinds_with(
    net: &Network,
    request: &CompareKindsRequest,
    control: &Control<'_>,
) -> Result<KindComparison> {
    request.validate()?;
    if net.num_people() == 0 {
        return Err(Error::invalid("network", "no people", "a network with people"));
    }
    let count = |kind: LayerKind| net.ties().filter(|t| net.layer(t.layer).kind == kind).count();
    let (physical, digital) = (count(LayerKind::Physical), count(LayerKind::Digital));
    if physical == 0 || digital == 0 {
        return Err(Error::invalid(
            "network",
            format!("{physical} physical and {digital} digital ties"),
            "ties of both kinds, physical and digital",
        ));
    }
    // Layers named in the model or the routing must be the network's; each kind's network
    // then keeps the settings of its own layers.
    for name in request.model.layers.keys().chain(request.layer_forward.keys()) {
        net.layer_id(name.as_str())?;
    }
    let mut rng = Stream::new(request.seed, SOURCES);
    let people = net.num_people() as u64;
    let sources: Vec<u32> = (0..request.sources).map(|_| rng.below(people) as u32).collect();
    let equal_ties = physical.min(digital);
    let seed = request.seed;
    // Each network: one step per source's campaigns, one for the referrals.
    let per = u64::from(request.sources) + 1;
    control.report(0, 4 * per)?;
    let mut done = 0u64;
    let mut one = |kind: LayerKind, keep: Option<usize>| -> Result<KindOutcome> {
        let alone = only_kind(net, kind, keep, seed)?;
        let outcome = measure(&alone, &sources, request, control, (done * per, 4 * per))?;
        done += 1;
        control.report(done * per, 4 * per)?;
        Ok(outcome)
    };
    let physical = one(LayerKind::Physical, None)?;
    let digital = one(LayerKind::Digital, None)?;
    let physical_equal = one(LayerKind::Physical, Some(equal_ties))?;
    let digital_equal = one(LayerKind::Digital, Some(equal_ties))?;
    Ok(KindComparison { sources, physical, digital, equal_ties, physical_equal, digital_equal })
}

/// The campaigns from each source and the referral workload on one kind's network.
fn measure(
    net: &Network,
    sources: &[u32],
    request: &CompareKindsRequest,
    control: &Control<'_>,
    (first, whole): (u64, u64),
) -> Result<KindOutcome> {
    let view = net.compiled();
    let own = |name: &String| net.layer_id(name.as_str()).is_ok();
    let mut model = request.model.clone();
    model.layers.retain(|name, _| own(name));
    let mut routing = request.routing();
    routing.layer_forward.retain(|name, _| own(name));
    let (mut spread, mut low, mut high) = (0.0, 0.0, 0.0);
    for (j, &p) in (0u64..).zip(sources) {
        let quiet = control.part(first + j, first + j + 1, whole);
        let campaign =
            SimulateRequest::new([p]).model(model.clone()).runs(request.runs).seed(request.seed);
        let c = simulate_with(
            &view,
            &SimulateRequest { max_memory: request.max_memory, ..campaign },
            &quiet,
        )?;
        spread += c.total.mean - 1.0;
        low += c.total.ci95[0] - 1.0;
        high += c.total.ci95[1] - 1.0;
    }
    let k = sources.len().max(1) as f64;
    let referrals = ReferralRequest::new(Workload::random(request.rate, request.steps))
        .with_routing(routing)
        .seed(request.seed);
    let referrals = ReferralRequest { max_memory: request.max_memory, ..referrals };
    let done = first + sources.len() as u64;
    let r = route_referrals_with(&view, &referrals, &control.part(done, done + 1, whole))?;
    Ok(KindOutcome {
        ties: net.num_ties(),
        spread: spread / k,
        spread_ci: [low / k, high / k],
        success: r.success_rate,
        success_ci: r.success_ci95,
    })
}
