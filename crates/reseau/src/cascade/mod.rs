//! Influence relays: cascades over multiplex layers.
//!
//! A message starts from seed people and spreads tie by tie under Independent Cascade, the
//! weighted cascade or Linear Threshold ([`Model`]), with per-layer probabilities, multipliers
//! and latencies, so that a fast digital layer races a slow physical one. Influencers amplify
//! what they pass on digital layers; media pick a story up once enough of their sources carry
//! it ([`Amplifiers`]). Two campaigns, good and bad buzz, can run at once ([`Seeds`]), and distrust
//! ties block or invert what they carry ([`Distrust`]). A campaign may start later than the
//! other (`good_start`, `bad_start`: a response that comes d steps after the crisis), and the
//! summary follows opinion step by step ([`OpinionByStep`]).
//!
//! [`simulate`] runs many cascades in parallel and summarises them (mean spread with its
//! confidence interval, each person's activation probability, reach by step, the spread
//! carried by each layer, per valence); [`trace`] records one run in full.
//!
//! Each entry point takes one request ([`SimulateRequest`], [`TraceRequest`],
//! [`ExactSpreadRequest`]): plain serde structs with defaults, people named by id or label.
//!
//! ```
//! use reseau::cascade::{LayerSettings, Model, SimulateRequest, simulate};
//! let net = reseau::datasets::aarhus_cs().compile();
//! // Offline ties convince twice as much; online ties are faster (latency 1 against 2).
//! let model = Model::independent_cascade(0.1)
//!     .layer("lunch", LayerSettings { multiplier: 2.0, latency: Some(2), ..Default::default() })
//!     .layer("work", LayerSettings { multiplier: 2.0, latency: Some(2), ..Default::default() });
//! let summary = simulate(&net, &SimulateRequest::new(["U102"]).model(model).runs(1000).seed(42))?;
//! assert!(summary.total.ci95[0] <= summary.total.mean && summary.total.mean <= summary.total.ci95[1]);
//! # Ok::<(), reseau::Error>(())
//! ```

pub(crate) mod engine;
mod exact;
mod fingerprint;
mod model;
mod opinion;
pub(crate) mod plain;
pub(crate) mod plan;
pub(crate) mod prepared;
mod request;
mod simulate;
mod text;

pub use exact::{MAX_OUTCOMES, exact_spread};
#[allow(deprecated)]
pub use model::Relays;
pub use model::{
    Amplifiers, Distrust, LayerSettings, MAX_MULTIPLIER, MAX_START, Model, ModelKind, Seeds,
    Valence,
};
pub use opinion::OpinionByStep;
pub(crate) use request::check_runs;
pub use request::{ExactSpreadRequest, MAX_RUNS, SimulateRequest, TraceRequest};
pub(crate) use simulate::simulate_seeds;
pub use simulate::{
    CascadeSummary, CascadeTrace, MAX_SHARDS, PartialSummary, SpreadStats, shard_ranges, simulate,
    simulate_runs, simulate_with, trace,
};
#[allow(deprecated)]
pub use simulate::{Summary, Trace};
