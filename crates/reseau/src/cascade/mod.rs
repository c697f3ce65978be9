//! Influence relays: cascades over multiplex layers.
//!
//! A message starts from seed people and spreads tie by tie under Independent Cascade, the
//! weighted cascade or Linear Threshold ([`Model`]), with per-layer probabilities, multipliers
//! and latencies, so that a fast digital layer races a slow physical one. Influencers amplify
//! what they pass on digital layers; media pick a story up once enough of their sources carry
//! it ([`Relays`]). Two campaigns, good and bad buzz, can run at once ([`Seeds`]), and distrust
//! ties block or invert what they carry ([`Distrust`]).
//!
//! [`simulate`] runs many cascades in parallel and summarises them (mean spread with its
//! confidence interval, each person's activation probability, reach by step, the spread
//! carried by each layer, per valence); [`trace`] records one run in full.
//!
//! ```
//! use reseau::cascade::{LayerSettings, Model, Seeds, simulate};
//! let net = reseau::datasets::aarhus_cs().compile();
//! // Offline ties convince twice as much; online ties are faster (latency 1 against 2).
//! let model = Model::independent_cascade(0.1)
//!     .layer("lunch", LayerSettings { multiplier: 2.0, latency: Some(2), ..Default::default() })
//!     .layer("work", LayerSettings { multiplier: 2.0, latency: Some(2), ..Default::default() });
//! let summary = simulate(&net, &Seeds::from(vec![0]), &model, 1000, 42).unwrap();
//! assert!(summary.total.ci95[0] <= summary.total.mean && summary.total.mean <= summary.total.ci95[1]);
//! ```

pub(crate) mod engine;
mod exact;
mod model;
pub(crate) mod prepared;
mod simulate;

pub use exact::{MAX_OUTCOMES, exact_spread};
pub use model::{Distrust, LayerSettings, Model, ModelKind, Relays, Seeds, Valence};
pub use simulate::{
    MAX_RUNS, PartialSummary, SpreadStats, Summary, Trace, simulate, simulate_runs, simulate_with,
    trace,
};
