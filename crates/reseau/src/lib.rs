//! # reseau
//!
//! Professional and social networks as they really are: several networks at once, offline
//! and online; influence that travels through relays; recommendations that reach a target
//! through chains of people; and the fatigue that sets in when everyone is flooded with
//! requests.
//!
//! This crate is the core: the multiplex [`Network`] model, real-data readers ([`io`]),
//! seeded [`generators`], the embedded Aarhus CS network ([`datasets::aarhus_cs`]) and the
//! compact [`CompiledNetwork`] that simulations run on. The Python and JavaScript packages
//! wrap it without adding logic, so the same seed gives the same numbers in all three.
//!
//! ```
//! use reseau::{Layer, LayerKind, Network, Person};
//!
//! let mut net = Network::new();
//! net.add_layer(Layer::physical("lunch"))?;
//! net.add_layer(Layer::digital("linkedin"))?;
//! let ana = net.add_person(Person::new().label("ana").group("sales"))?;
//! let bo = net.add_person(Person::new().label("bo").group("sales"))?;
//! net.add_tie(ana, bo, "lunch", 1.0)?;
//!
//! let aarhus = reseau::datasets::aarhus_cs();
//! assert_eq!((aarhus.num_people(), aarhus.num_ties(), aarhus.num_layers()), (61, 620, 5));
//! assert_eq!(aarhus.layers_of_kind(LayerKind::Digital).len(), 1);
//! # Ok::<(), reseau::Error>(())
//! ```

pub mod balance;
pub mod cascade;
mod centrality;
mod compiled;
pub mod control;
pub mod datasets;
mod error;
pub mod fatigue;
pub mod generators;
pub mod inference;
pub mod io;
#[doc(hidden)]
pub mod locality;
mod math;
pub mod memory;
mod model;
pub mod referral;
pub mod relays;
pub mod report;
pub mod reputation;
pub mod rng;
mod rrsets;
#[cfg(feature = "schema")]
pub mod schema;
pub mod shadow;
pub mod stats;
mod subset;
mod validate;
mod varint;

pub use compiled::{CompiledLayer, CompiledNetwork, NO_GROUP, ViewSize};
pub use error::{Error, FieldValue, Result};
pub use io::{read_csv, read_edgelist, read_mpx, read_multiplex, read_signed};
pub use model::{
    Duplicates, FLAT_LAYER, Layer, LayerId, LayerKey, LayerKind, MAX_LATENCY, MAX_WEIGHT, Network,
    Person, PersonId, PersonInfo, PersonKind, PersonRef, SelfLoops, Sign, Tie, TieId, TieInfo,
    TieSpec, display_id,
};

/// The README's Rust quick start, run as a doctest so that it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
