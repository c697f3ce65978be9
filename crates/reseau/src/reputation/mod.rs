//! Reputation: Klout-like scores computed from the network.
//!
//! - **degree**: the ties a person has, per layer and over all layers;
//! - **PageRank**: per layer and on the aggregate of all layers, computed as networkx's
//!   `pagerank` does (same iteration, same treatment of dangling people, same stopping rule),
//!   so that the two agree to the tolerance;
//! - **multiplex PageRank** (Halu et al. 2013): each layer's walk biased by the centrality in
//!   the layers before, which rewards people central in several layers at once;
//! - **k-core number** on the aggregate undirected graph (networkx's `core_number`);
//! - **influence**: each person's expected spread as a single seed under a cascade model,
//!   estimated for everyone at once from reverse-reachable sets: n times the fraction of RR
//!   sets that hold the person (Borgs et al. 2014).
//!
//! Every score is a `Vec<f64>` indexed by person id. Beside them, [`e_reputation`] says how a
//! person or an organisation is seen once good and bad buzz have spread: its audience's net
//! view, each view weighted by a centrality score.
//!
//! ```
//! use reseau::reputation::{ReputationRequest, reputation};
//! let net = reseau::datasets::aarhus_cs().compile();
//! let rep = reputation(&net, &ReputationRequest::default())?;
//! assert_eq!(rep.pagerank.len(), 61);
//! assert!((rep.pagerank.iter().sum::<f64>() - 1.0).abs() < 1e-9);
//! assert_eq!(rep.layer_names.len(), rep.layer_pagerank.len());
//! // The most influential person under IC p = 0.1 reaches more than themself.
//! assert!(rep.influence.iter().cloned().fold(0.0, f64::max) > 1.0);
//! # Ok::<(), reseau::Error>(())
//! ```

// The docs write maths as the papers do (S_j, d_v, θ_max) and name PageRank in prose.
#![allow(clippy::doc_markdown)]

use serde::{Deserialize, Serialize};

pub use crate::centrality::MultiplexPageRank;

mod buzz;
pub use buzz::{Audience, EReputation, EReputationRequest, e_reputation, e_reputation_with};

use crate::cascade::{LayerSettings, Model};
use crate::centrality::{self, Csr, Power, core_numbers};
use crate::compiled::CompiledNetwork;
use crate::control::Control;
use crate::error::{Error, Result};
use crate::memory::Budget;
use crate::rng::Stream;
use crate::rrsets::{LiveGraph, RrSets};

/// What [`reputation`] (every score) and [`score`] (one, named by `method`) are asked.
///
/// ```
/// use reseau::reputation::{ReputationRequest, Score};
/// let request: ReputationRequest = serde_json::from_str(r#"{"damping": 0.9}"#).unwrap();
/// assert_eq!((request.damping, request.samples, request.method), (0.9, 100_000, None));
/// assert!(ReputationRequest { damping: 1.0, ..Default::default() }.validate().is_err());
/// let one = ReputationRequest::score(Score::Degree).layer("lunch");
/// assert_eq!(one.layer.as_deref(), Some("lunch"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ReputationRequest {
    /// The one score [`score`] computes (`None` for [`reputation`], which computes them
    /// all).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<Score>,
    /// [`score`] on this layer alone (`None`: every layer); [`reputation`] takes none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
    /// PageRank's damping factor, the probability of following a tie rather than teleporting
    /// (default 0.85), in [0, 1).
    pub damping: f64,
    /// PageRank stops when an iteration changes the scores by less than `n × tolerance` in
    /// total (networkx's `tol`; default 1e-15, far tighter than networkx's 1e-6, so that the
    /// scores are within about 1e-10 of the limit even for 10^5 people).
    pub tolerance: f64,
    /// PageRank stops after this many iterations at most (default 1,000).
    pub max_iterations: u32,
    /// PageRank follows ties in proportion to their weights (default `true`; networkx's
    /// `weight="weight"`); `false` gives every tie the weight 1.
    pub weighted: bool,
    /// How the multiplex PageRank couples the layers (default multiplicative).
    pub multiplex: MultiplexPageRank,
    /// The cascade model of the influence score (default: Independent Cascade, p = 0.1).
    pub model: Model,
    /// RR sets drawn for the influence score (default 100,000; 0 skips it).
    pub samples: u64,
    /// The seed of the influence score's RR sets (default 0).
    pub seed: u64,
    /// The memory the influence score's RR sets may use, in bytes (default: what the machine
    /// has available, see [`memory`](crate::memory)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_memory: Option<u64>,
}

/// The most RR sets the influence score draws: 2^32 − 256, the whole blocks of 256 below
/// 2^32.
///
/// ```
/// use reseau::reputation::{MAX_SAMPLES, ReputationRequest};
/// assert_eq!(MAX_SAMPLES, (1 << 32) - 256);
/// let err = ReputationRequest::default().samples(u64::from(u32::MAX)).validate().unwrap_err();
/// assert_eq!(err.to_string(), "invalid samples: 4294967295 (expected at most 4294967040 (RR sets are drawn in whole blocks of 256))");
/// ```
pub const MAX_SAMPLES: u64 = (1 << 32) - 256;

/// The old name of [`ReputationRequest`].
#[deprecated(since = "0.2.0", note = "renamed ReputationRequest")]
pub type ReputationOptions = ReputationRequest;

impl Default for ReputationRequest {
    fn default() -> Self {
        ReputationRequest {
            method: None,
            layer: None,
            damping: 0.85,
            tolerance: 1e-15,
            max_iterations: 1000,
            weighted: true,
            multiplex: MultiplexPageRank::default(),
            model: Model::default(),
            samples: 100_000,
            seed: 0,
            max_memory: None,
        }
    }
}

impl ReputationRequest {
    /// The defaults, asking for one score.
    ///
    /// ```
    /// use reseau::reputation::{ReputationRequest, Score};
    /// assert_eq!(ReputationRequest::score(Score::Core).method, Some(Score::Core));
    /// ```
    pub fn score(method: Score) -> Self {
        ReputationRequest { method: Some(method), ..ReputationRequest::default() }
    }

    /// Sets the layer of [`score`].
    ///
    /// ```
    /// use reseau::reputation::{ReputationRequest, Score};
    /// assert!(ReputationRequest::score(Score::Pagerank).layer("work").layer.is_some());
    /// ```
    #[must_use]
    pub fn layer(mut self, layer: impl Into<String>) -> Self {
        self.layer = Some(layer.into());
        self
    }

    /// Sets the RR sets of the influence score (0 skips it in [`reputation`]).
    ///
    /// ```
    /// assert_eq!(reseau::reputation::ReputationRequest::default().samples(10).samples, 10);
    /// ```
    #[must_use]
    pub fn samples(mut self, samples: u64) -> Self {
        self.samples = samples;
        self
    }

    /// Sets the seed.
    ///
    /// ```
    /// assert_eq!(reseau::reputation::ReputationRequest::default().seed(2).seed, 2);
    /// ```
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Checks every parameter's domain, and that a `layer` comes with a `method`.
    ///
    /// ```
    /// use reseau::reputation::ReputationRequest;
    /// assert!(ReputationRequest::default().validate().is_ok());
    /// let err = ReputationRequest { tolerance: 0.0, ..Default::default() }.validate().unwrap_err();
    /// assert_eq!(err.kind(), "InvalidParameterError");
    /// assert!(ReputationRequest::default().layer("lunch").validate().is_err()); // no method
    /// ```
    pub fn validate(&self) -> Result<()> {
        if self.method.is_none() {
            if let Some(layer) = &self.layer {
                return Err(Error::invalid(
                    "layer",
                    layer,
                    "a method with it (without one, every layer's scores come back)",
                ));
            }
        }
        if !(0.0..1.0).contains(&self.damping) {
            return Err(Error::invalid("damping", self.damping, "a number in [0, 1)"));
        }
        if !(self.tolerance.is_finite() && self.tolerance > 0.0) {
            return Err(Error::invalid("tolerance", self.tolerance, "a finite number > 0"));
        }
        if self.max_iterations == 0 {
            return Err(Error::invalid("max_iterations", 0, "an integer >= 1"));
        }
        if self.samples > MAX_SAMPLES {
            return Err(Error::invalid(
                "samples",
                self.samples,
                format!("at most {MAX_SAMPLES} (RR sets are drawn in whole blocks of 256)"),
            ));
        }
        self.model.validate()
    }

    fn power(&self) -> Power {
        Power {
            damping: self.damping,
            tolerance: self.tolerance,
            max_iterations: self.max_iterations,
        }
    }
}

/// Every reputation score, each indexed by person id.
///
/// ```
/// use reseau::reputation::{ReputationRequest, reputation};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let rep = reputation(&net, &ReputationRequest::default().samples(0))?;
/// assert_eq!(rep.layer_degree.len(), 5);
/// assert!(rep.influence.is_empty()); // skipped
/// let total: f64 = (0..5).map(|l| rep.layer_degree[l][0]).sum();
/// assert_eq!(rep.degree[0], total);
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reputation {
    /// The layer names, in the order of the per-layer scores.
    pub layer_names: Vec<String>,
    /// Ties per person over all layers (the sum of `layer_degree`).
    pub degree: Vec<f64>,
    /// Ties per person in each layer: an undirected tie counts once at each end, a directed
    /// tie once at its source and once at its target (in-degree + out-degree).
    pub layer_degree: Vec<Vec<f64>>,
    /// PageRank on the aggregate of all layers (a pair's weights add up over layers).
    pub pagerank: Vec<f64>,
    /// PageRank of each layer alone.
    pub layer_pagerank: Vec<Vec<f64>>,
    /// Multiplex PageRank over the layers in the network's order (see
    /// [`MultiplexPageRank`]).
    pub multiplex_pagerank: Vec<f64>,
    /// k-core number on the aggregate undirected graph.
    pub core: Vec<f64>,
    /// Expected spread as a single seed under [`ReputationRequest::model`], estimated from
    /// [`ReputationRequest::samples`] RR sets (empty when that is 0).
    pub influence: Vec<f64>,
    /// PageRank iterations run on the aggregate.
    pub iterations: u32,
}

/// Which score [`score`] computes.
///
/// ```
/// use reseau::reputation::Score;
/// let s: Score = serde_json::from_str("\"multiplex_pagerank\"").unwrap();
/// assert_eq!(s, Score::MultiplexPagerank);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Score {
    /// Ties per person.
    Degree,
    /// PageRank.
    Pagerank,
    /// Multiplex PageRank (over all layers).
    MultiplexPagerank,
    /// k-core number.
    Core,
    /// Expected spread as a single seed.
    Influence,
}

/// Computes every reputation score of `net` (the request names no `method` and no `layer`).
///
/// ```
/// use reseau::reputation::{ReputationRequest, reputation};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let rep = reputation(&net, &ReputationRequest::default().samples(20_000))?;
/// let best = (0..61).max_by(|&a, &b| rep.pagerank[a].total_cmp(&rep.pagerank[b])).unwrap();
/// assert!(rep.degree[best] >= 10.0);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn reputation(net: &CompiledNetwork, request: &ReputationRequest) -> Result<Reputation> {
    reputation_with(net, request, &Control::none())
}

/// [`reputation`], watched and stoppable through `control` while it samples the RR sets of
/// the influence score (it reports the sets drawn out of `samples`), the long part on a large
/// network; returns [`Error::Cancelled`] when stopped, and otherwise exactly [`reputation`]'s
/// scores.
///
/// ```
/// use reseau::control::Control;
/// use reseau::reputation::{ReputationRequest, reputation, reputation_with};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let request = ReputationRequest::default().samples(5_000);
/// let watch = |done: u64, total: u64| done <= total;
/// assert_eq!(reputation_with(&net, &request, &Control::new(&watch))?, reputation(&net, &request)?);
/// let stop = |_: u64, _: u64| false;
/// assert!(reputation_with(&net, &request, &Control::new(&stop)).is_err());
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn reputation_with(
    net: &CompiledNetwork,
    request: &ReputationRequest,
    control: &Control<'_>,
) -> Result<Reputation> {
    let options = request;
    options.validate()?;
    if let Some(method) = options.method {
        return Err(Error::invalid(
            "method",
            format!("{method:?}"),
            "no method: reputation computes every score (score computes one)",
        ));
    }
    let all: Vec<usize> = (0..net.layers().len()).collect();
    let layer_degree: Vec<Vec<f64>> = all.iter().map(|&l| degree(net, &[l])).collect();
    let degree = degree(net, &all);
    let power = options.power();
    let layers: Vec<Csr> =
        all.iter().map(|&l| Csr::from_layers(net, &[l], options.weighted)).collect();
    let layer_pagerank = layers
        .iter()
        .map(|g| Ok(centrality::pagerank(g, power, None, None, control)?.0))
        .collect::<Result<_>>()?;
    let (pagerank, iterations) = centrality::pagerank(
        &Csr::from_layers(net, &all, options.weighted),
        power,
        None,
        None,
        control,
    )?;
    // Without layers, the multiplex PageRank is the PageRank of no ties, as `pagerank` is.
    let multiplex_pagerank = centrality::multiplex(&layers, power, options.multiplex, control)?
        .unwrap_or_else(|| pagerank.clone());
    let core = core_numbers(net, &all).into_iter().map(f64::from).collect();
    let influence = influence(net, &options.model, options.samples, options, control)?;
    Ok(Reputation {
        layer_names: net.layers().iter().map(|l| l.name.clone()).collect(),
        degree,
        layer_degree,
        pagerank,
        layer_pagerank,
        multiplex_pagerank,
        core,
        influence,
        iterations,
    })
}

/// Computes the one score `request.method`, on `request.layer` or (`None`) over all layers:
/// what the Python and JavaScript `reputation(network, method, layer)` call.
///
/// On one layer, degree, PageRank and k-core use that layer's ties only, and influence the
/// model with every other layer switched off; the multiplex PageRank always spans all layers.
///
/// ```
/// use reseau::reputation::{ReputationRequest, Score, score};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let lunch = score(&net, &ReputationRequest::score(Score::Degree).layer("lunch"))?;
/// assert_eq!(lunch.len(), 61);
/// let err = score(&net, &ReputationRequest::score(Score::Pagerank).layer("golf")).unwrap_err();
/// assert_eq!(err.kind(), "UnknownLayerError");
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn score(net: &CompiledNetwork, request: &ReputationRequest) -> Result<Vec<f64>> {
    score_with(net, request, &Control::none())
}

/// [`score`], watched and stoppable through `control` (the influence score reports its RR
/// sets drawn out of `samples`; the other scores do not report); returns
/// [`Error::Cancelled`] when stopped, and otherwise exactly [`score`]'s values.
///
/// ```
/// use reseau::control::Control;
/// use reseau::reputation::{ReputationRequest, Score, score, score_with};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let request = ReputationRequest::score(Score::Influence).samples(5_000);
/// let watch = |done: u64, total: u64| done <= total;
/// let watched = score_with(&net, &request, &Control::new(&watch))?;
/// assert_eq!(watched, score(&net, &request)?);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn score_with(
    net: &CompiledNetwork,
    request: &ReputationRequest,
    control: &Control<'_>,
) -> Result<Vec<f64>> {
    let options = request;
    options.validate()?;
    let Some(score) = options.method else {
        return Err(Error::invalid(
            "method",
            "None",
            "a score: degree, pagerank, multiplex_pagerank, core or influence",
        ));
    };
    let layer = options.layer.as_deref();
    let layers: Vec<usize> = match layer {
        None => (0..net.layers().len()).collect(),
        Some(name) => vec![
            net.layers()
                .iter()
                .position(|l| l.name == name)
                .ok_or_else(|| Error::UnknownLayer { name: name.to_owned() })?,
        ],
    };
    let power = options.power();
    Ok(match score {
        Score::Degree => degree(net, &layers),
        Score::Pagerank => {
            let g = Csr::from_layers(net, &layers, options.weighted);
            centrality::pagerank(&g, power, None, None, control)?.0
        }
        Score::MultiplexPagerank => {
            if layer.is_some() {
                return Err(Error::invalid(
                    "layer",
                    layer.unwrap_or_default(),
                    "no layer: the multiplex PageRank spans every layer",
                ));
            }
            let graphs: Vec<Csr> =
                layers.iter().map(|&l| Csr::from_layers(net, &[l], options.weighted)).collect();
            match centrality::multiplex(&graphs, power, options.multiplex, control)? {
                Some(scores) => scores,
                // No layers: the PageRank of no ties, everyone alike.
                None => {
                    centrality::pagerank(
                        &Csr::from_layers(net, &[], false),
                        power,
                        None,
                        None,
                        control,
                    )?
                    .0
                }
            }
        }
        Score::Core => core_numbers(net, &layers).into_iter().map(f64::from).collect(),
        Score::Influence => {
            let mut model = options.model.clone();
            if let Some(name) = layer {
                for l in net.layers() {
                    if l.name != name {
                        let settings = model.layers.entry(l.name.clone()).or_default();
                        *settings = LayerSettings { enabled: false, ..settings.clone() };
                    }
                }
            }
            influence(net, &model, options.samples.max(1), options, control)?
        }
    })
}

/// Ties per person over `layers` (see [`Reputation::layer_degree`]).
fn degree(net: &CompiledNetwork, layers: &[usize]) -> Vec<f64> {
    let mut degree = vec![0.0; net.num_people()];
    for &l in layers {
        let layer = &net.layers()[l];
        for u in 0..net.num_people() as u32 {
            degree[u as usize] += layer.out_degree(u) as f64;
        }
        if layer.directed {
            for &v in layer.targets() {
                degree[v as usize] += 1.0;
            }
        }
    }
    degree
}

/// Stream of the influence score's RR sets.
const INFLUENCE_STREAM: u64 = 0x5245_5055_5441_5449; // "REPUTATI"

/// Each person's single-seed spread: n × (RR sets holding them) / `samples`.
fn influence(
    net: &CompiledNetwork,
    model: &Model,
    samples: u64,
    request: &ReputationRequest,
    control: &Control<'_>,
) -> Result<Vec<f64>> {
    let n = net.num_people();
    if samples == 0 || n == 0 {
        return Ok(Vec::new());
    }
    let graph = LiveGraph::new(net, model)?;
    let mut rr = RrSets::new(n);
    let seed = Stream::new(request.seed, INFLUENCE_STREAM).next_u64();
    let memory = Budget::new(request.max_memory)?;
    let drawn = rr.extend_within(&graph, seed, samples, control, memory)?;
    let scale = n as f64 / drawn as f64;
    Ok(rr.occurrences().into_iter().map(|c| c as f64 * scale).collect())
}
