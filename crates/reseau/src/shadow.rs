//! Shadow layers and what the analyst misses.
//!
//! A shadow layer ([`Layer::shadow`](crate::Layer::shadow)) takes part in every simulation
//! (it is part of the truth) but not in what an analyst observes
//! ([`Network::observed`](crate::Network::observed)). [`shadow_gap`] measures the
//! difference on one network: the spread of the same sources on the full network against on
//! the analyst's view, each with its 95% interval. Lobbies are its natural sources: people of
//! kind [`PersonKind::Organization`] whose ties sit on a shadow layer, as
//! [`professional`](crate::generators::professional) adds them with `lobbies`.
//!
//! ```
//! use reseau::shadow::{ShadowGapRequest, shadow_gap};
//! let mut net = reseau::datasets::aarhus_cs();
//! net.set_layer_shadow("leisure", true)?;
//! let request = ShadowGapRequest { sources: vec!["U139".into()], runs: 300, ..Default::default() };
//! let gap = shadow_gap(&net, &request)?;
//! assert_eq!(gap.shadow_layers, vec!["leisure".to_owned()]);
//! assert!(gap.full_spread >= gap.observed_spread);
//! # Ok::<(), reseau::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::cascade::{Model, SimulateRequest, SpreadStats, simulate_with};
use crate::control::Control;
use crate::error::{Error, Result, check_probability};
use crate::model::{LayerId, Network, PersonId, PersonKind, PersonRef};
use crate::rng::Stream;
use crate::stats::Z95;

/// The random streams of [`Network::with_shadow_share`]: this plus the layer's index.
const THINNING: u64 = 0x7368_6164_6f77_0000;

/// What [`shadow_gap`] measures: who starts the message, which layers are in the shadow and
/// how much of them, the model, the runs and the seed.
///
/// ```
/// use reseau::shadow::ShadowGapRequest;
/// let request: ShadowGapRequest =
///     serde_json::from_str(r#"{"sources": ["U139"], "shadow_layers": ["leisure"], "share": 0.5}"#)?;
/// assert_eq!((request.runs, request.share), (1000, 0.5));
/// assert!(serde_json::from_str::<ShadowGapRequest>(r#"{"sauces": []}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ShadowGapRequest {
    /// Who starts the message: person ids or labels (default: the network's organisations,
    /// [`PersonKind::Organization`], its lobbies).
    #[serde(deserialize_with = "crate::model::people::deserialize")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::people"))]
    pub sources: Vec<PersonRef>,
    /// Layers to hide besides those marked as shadow layers, by name (default: none).
    pub shadow_layers: Vec<String>,
    /// The share of each shadow layer's ties kept in the truth, in [0, 1] (a uniform sample,
    /// seeded): the shadow's size. Default 1, the network as given.
    pub share: f64,
    /// The diffusion model (default: Independent Cascade, p = 0.1). Its settings for a
    /// shadow layer apply to the truth only.
    pub model: Model,
    /// Cascades on each side, from 1 to [`MAX_RUNS`](crate::cascade::MAX_RUNS) (default
    /// 1,000).
    pub runs: u64,
    /// The seed (default 0): the same on both sides.
    pub seed: u64,
}

impl Default for ShadowGapRequest {
    fn default() -> Self {
        ShadowGapRequest {
            sources: Vec::new(),
            shadow_layers: Vec::new(),
            share: 1.0,
            model: Model::default(),
            runs: 1000,
            seed: 0,
        }
    }
}

impl ShadowGapRequest {
    /// Checks what does not depend on a network: the share, the runs, the model.
    ///
    /// ```
    /// use reseau::shadow::ShadowGapRequest;
    /// assert!(ShadowGapRequest::default().validate().is_ok());
    /// let err = ShadowGapRequest { share: 1.5, ..Default::default() }.validate().unwrap_err();
    /// assert_eq!(err.to_string(), "invalid share: 1.5 (expected a probability in [0, 1])");
    /// assert!(ShadowGapRequest { runs: 0, ..Default::default() }.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<()> {
        check_probability(|| "share".to_owned(), self.share)?;
        crate::cascade::check_runs(self.runs)?;
        self.model.validate()
    }
}

/// What the analyst misses: the spread of the same sources on the full network (the truth,
/// shadow layers included) and on the analyst's view (without them).
///
/// ```
/// use reseau::shadow::{ShadowGapRequest, shadow_gap};
/// let mut net = reseau::datasets::aarhus_cs();
/// net.set_layer_shadow("work", true)?;
/// let gap = shadow_gap(&net, &ShadowGapRequest { sources: vec![0.into()], runs: 200, ..Default::default() })?;
/// assert_eq!(gap.shadow_ties, net.num_ties_in("work")?);
/// assert!((gap.missed - (gap.full_spread - gap.observed_spread)).abs() < 1e-12);
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShadowGap {
    /// The sources, by id.
    pub sources: Vec<u32>,
    /// The layers hidden from the analyst, in layer order.
    pub shadow_layers: Vec<String>,
    /// Their ties in the truth (after `share`).
    pub shadow_ties: usize,
    /// Mean people reached on the full network, sources included.
    pub full_spread: f64,
    /// Its 95% interval.
    pub full_spread_ci95: [f64; 2],
    /// Mean people reached on the analyst's view, sources included.
    pub observed_spread: f64,
    /// Its 95% interval.
    pub observed_spread_ci95: [f64; 2],
    /// `full_spread − observed_spread`: the people the analyst does not see reached.
    pub missed: f64,
    /// Its 95% interval, as if the two sides' runs were independent: they share the seed,
    /// which only narrows the true interval, so this one errs wide.
    pub missed_ci95: [f64; 2],
    /// `missed / full_spread`: the share of the true spread the analyst does not see.
    pub missed_share: f64,
    /// Cascades on each side.
    pub runs: u64,
}

impl Network {
    /// A copy whose shadow layers keep a uniform `share` of their ties (each layer its own
    /// seeded sample, `round(share × ties)` of them, kept in their order); visible layers are
    /// untouched. A share of 0 leaves the shadow layers empty, 1 the network as it is.
    ///
    /// ```
    /// let mut net = reseau::datasets::aarhus_cs();
    /// net.set_layer_shadow("facebook", true)?;
    /// let half = net.with_shadow_share(0.5, 7)?;
    /// assert_eq!(half.num_ties_in("facebook")?, 62);
    /// assert_eq!(half.num_ties_in("lunch")?, net.num_ties_in("lunch")?);
    /// assert_eq!(net.with_shadow_share(1.5, 7).unwrap_err().kind(), "InvalidParameterError");
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn with_shadow_share(&self, share: f64, seed: u64) -> Result<Network> {
        check_probability(|| "share".to_owned(), share)?;
        let shadow = self.shadow_layers();
        let mut keep: Vec<bool> = self.ties().map(|t| !self.layer(t.layer).shadow).collect();
        for layer in shadow {
            let ties: Vec<usize> =
                self.ties().enumerate().filter(|(_, t)| t.layer == layer).map(|(i, _)| i).collect();
            #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
            #[allow(clippy::cast_sign_loss)]
            let wanted = ((share * ties.len() as f64).round() as usize).min(ties.len());
            // Partial Fisher–Yates: the first `wanted` of a seeded shuffle.
            let mut order: Vec<usize> = (0..ties.len()).collect();
            let mut rng = Stream::new(seed, THINNING + u64::from(layer.0));
            for i in 0..wanted {
                let j = i + rng.below((ties.len() - i) as u64) as usize;
                order.swap(i, j);
            }
            for &i in &order[..wanted] {
                keep[ties[i]] = true;
            }
        }
        let mut next = keep.into_iter();
        Ok(self.retain_ties(|_| next.next().unwrap_or(false)))
    }
}

/// The network's layers hidden for `request`: the marked ones and those it names.
fn hidden(net: &Network, request: &ShadowGapRequest) -> Result<Network> {
    let mut net = net.clone();
    for name in &request.shadow_layers {
        let id: LayerId = net.layer_id(name)?;
        net.set_layer_shadow(id, true)?;
    }
    Ok(net)
}

/// The sources resolved, in order, each once; the organisations when none is given.
fn sources(net: &Network, request: &ShadowGapRequest) -> Result<Vec<PersonId>> {
    let mut out: Vec<PersonId> = Vec::new();
    if request.sources.is_empty() {
        out = net
            .people()
            .filter(|(_, p)| p.kind == PersonKind::Organization)
            .map(|(id, _)| id)
            .collect();
        if out.is_empty() {
            return Err(Error::invalid(
                "sources",
                "[]",
                "people to start from, or a network with organisations (lobbies) to start from",
            ));
        }
    }
    for person in &request.sources {
        let id = net.resolve(person)?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Ok(out)
}

/// The spread of `sources` on `net` under `model`.
fn spread(
    net: &Network,
    sources: &[PersonId],
    model: &Model,
    request: &ShadowGapRequest,
    control: &Control<'_>,
) -> Result<SpreadStats> {
    let simulate = SimulateRequest::new(sources.iter().map(|p| p.0))
        .model(model.clone())
        .runs(request.runs)
        .seed(request.seed);
    Ok(simulate_with(&net.compile(), &simulate, control)?.total)
}

/// The spread of the sources on the full network (the truth: the shadow layers at `share`
/// of their ties) against on the analyst's view ([`Network::observed`]), the same model,
/// runs and seed on both sides. A shadow layer left with no tie is dropped from the truth,
/// so that a shadow of size 0 gives exactly the analyst's numbers (no gap at all).
///
/// ```
/// use reseau::generators::{ProfessionalOptions, professional};
/// use reseau::shadow::{ShadowGapRequest, shadow_gap};
/// let options = ProfessionalOptions { people: 200, lobbies: 2, ..Default::default() };
/// let net = professional(&options, 1)?;
/// let gap = shadow_gap(&net, &ShadowGapRequest { runs: 200, ..Default::default() })?;
/// assert_eq!(gap.sources, vec![200, 201]); // the lobbies
/// assert_eq!(gap.observed_spread, 2.0); // unseen, they reach no one
/// assert!(gap.full_spread_ci95[0] > 2.0);
/// # Ok::<(), reseau::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for a request out of its domain or a network with no shadow
/// layer (neither marked nor named), or no source and no organisation to start from;
/// [`Error::UnknownLayer`] for an unknown layer in `shadow_layers`; [`Error::UnknownPerson`]
/// for an unknown source; any error of [`simulate`](crate::cascade::simulate).
pub fn shadow_gap(net: &Network, request: &ShadowGapRequest) -> Result<ShadowGap> {
    shadow_gap_with(net, request, &Control::none())
}

/// [`shadow_gap`], watched and stoppable through `control` (progress: the truth's runs,
/// then the analyst's view's).
///
/// ```
/// use reseau::control::Control;
/// use reseau::shadow::{ShadowGapRequest, shadow_gap_with};
/// let mut net = reseau::datasets::aarhus_cs();
/// net.set_layer_shadow("lunch", true)?;
/// let stop = |_: u64, _: u64| false;
/// let request = ShadowGapRequest { sources: vec![0.into()], ..Default::default() };
/// assert_eq!(shadow_gap_with(&net, &request, &Control::new(&stop)).unwrap_err().kind(), "CancelledError");
/// # Ok::<(), reseau::Error>(())
/// ```
///
/// # Errors
/// As [`shadow_gap`], and [`Error::Cancelled`].
pub fn shadow_gap_with(
    net: &Network,
    request: &ShadowGapRequest,
    control: &Control<'_>,
) -> Result<ShadowGap> {
    request.validate()?;
    let marked = hidden(net, request)?;
    let shadow = marked.shadow_layers();
    if shadow.is_empty() {
        return Err(Error::invalid(
            "shadow layers",
            "none",
            "a network with a shadow layer, or shadow_layers naming one",
        ));
    }
    let sources = sources(&marked, request)?;
    let thinned = marked.with_shadow_share(request.share, request.seed)?;
    // A shadow layer with no tie is no layer at all: left in, it would still take its
    // share of the engine's random draws, and the two sides would differ by noise alone.
    let empty: Vec<LayerId> =
        shadow.iter().copied().filter(|&l| thinned.num_ties_in(l).unwrap_or(0) == 0).collect();
    let truth = thinned.without_layers(&empty)?;
    let seen = truth.observed();
    // The analyst's model knows nothing of the hidden layers.
    let mut blind = request.model.clone();
    blind.layers.retain(|name, _| seen.layer_id(name).is_ok());
    let full = spread(&truth, &sources, &request.model, request, &control.part(0, 1, 2))?;
    let observed = spread(&seen, &sources, &blind, request, &control.part(1, 2, 2))?;
    let missed = full.mean - observed.mean;
    #[allow(clippy::cast_precision_loss)]
    let runs = request.runs as f64;
    let half = Z95 * ((full.std * full.std + observed.std * observed.std) / runs).sqrt();
    Ok(ShadowGap {
        sources: sources.iter().map(|p| p.0).collect(),
        shadow_layers: shadow.iter().map(|&l| marked.layer(l).name.clone()).collect(),
        shadow_ties: truth.num_shadow_ties(),
        full_spread: full.mean,
        full_spread_ci95: full.ci95,
        observed_spread: observed.mean,
        observed_spread_ci95: observed.ci95,
        missed,
        missed_ci95: [missed - half, missed + half],
        missed_share: if full.mean > 0.0 { missed / full.mean } else { 0.0 },
        runs: request.runs,
    })
}
