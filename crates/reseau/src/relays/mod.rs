//! Relay selection: whom to enlist, k of them or within a budget, so that a message reaches
//! the most people (influence maximisation).
//!
//! [`select_relays`] offers:
//!
//! - **IMM** (Tang, Shi & Xiao 2015) and **OPIM-C** (Tang et al. 2018), which sample
//!   reverse-reachable sets and choose by greedy maximum coverage, within (1 − 1/e − ε) of the
//!   optimum with probability 1 − 1/n^ℓ; OPIM-C also certifies a lower bound on its own ratio;
//! - **HIST** (Guo, Wang, Wei & Chen 2020): OPIM-C's certificate on RR sets cut short at a
//!   small sentinel set chosen first, for k relays where the model reaches much of the network
//!   (and what IMM and OPIM-C hand over to when their RR sets would not fit the memory budget);
//! - **CELF** (Leskovec et al. 2007), the lazy greedy on Monte Carlo estimates: the reference
//!   on small networks, and the one method that selects under fatigue itself;
//! - the baselines **degree**, **degree discount** (Chen, Wang & Yang 2009), **PageRank** and
//!   **random**.
//!
//! [`distributed`] runs OPIM-C step by step over shards of its RR sets, driven from outside
//! (a Dask cluster in Python), with exactly [`select_relays`]'s result.
//!
//! Within a budget every method keeps to it; IMM, OPIM-C and CELF use the cost-effective greedy
//! and compare it with the best single affordable person, which keeps a ½(1 − 1/e) guarantee
//! (Khuller, Moss & Naor 1999; Leskovec et al. 2007).
//!
//! RR sets are drawn from the very probabilities the cascade engine uses (per-layer settings,
//! switched-off layers, multipliers, influencers, media, distrust), so that selection and
//! simulation agree on the model; every choice is then evaluated by [`cascade::simulate`]
//! on streams the selection did not use, under the model or under
//! [`SelectRelaysRequest::evaluation_model`] (for instance with recommendation fatigue).
//!
//! ```
//! use reseau::cascade::Model;
//! use reseau::relays::{Method, SelectRelaysRequest, select_relays};
//! let net = reseau::datasets::aarhus_cs().compile();
//! let request = SelectRelaysRequest::k(3).model(Model::independent_cascade(0.1)).method(Method::Imm);
//! let chosen = select_relays(&net, &request)?;
//! let spread = chosen.spread.unwrap();
//! println!("enlist {:?}: {:.1} people reached ({:.1}–{:.1})", chosen.relays, spread.mean,
//!     spread.ci95[0], spread.ci95[1]);
//! assert!(chosen.approximation.unwrap() >= 1.0 - 1.0 / std::f64::consts::E - 0.1 - 1e-12);
//! # Ok::<(), reseau::Error>(())
//! ```
//!
//! [`cascade::simulate`]: crate::cascade::simulate

// The docs write maths as the papers do (S_j, d_v, θ_max) and name PageRank in prose.
#![allow(clippy::doc_markdown)]

mod budget;
mod celf;
mod coverage;
pub mod distributed;
mod heuristics;
mod hist;
mod imm;
mod opim;
mod select;
#[cfg(test)]
mod storage_tests;

pub use select::{
    Method, RelaySelection, SelectRelaysRequest, evaluation_seed, select_relays, select_relays_with,
};
#[allow(deprecated)]
pub use select::{SelectOptions, Selection};

/// What a method returns before the evaluation.
#[derive(Debug, Clone)]
struct Outcome {
    relays: Vec<u32>,
    gains: Vec<f64>,
    /// The method's own estimate of the spread (NaN: none).
    estimate: f64,
    samples: u64,
    approximation: Option<f64>,
}
