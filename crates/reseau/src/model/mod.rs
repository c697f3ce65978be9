//! The multiplex model: people, layers, ties, and the network that holds them.

mod layer;
mod network;
mod person;
mod tie;

pub(crate) use layer::check_latency;
pub use layer::{Layer, LayerId, LayerKind, MAX_LATENCY};
pub(crate) use network::FastHash;
pub(crate) use network::Frozen;
pub use network::{FLAT_LAYER, LayerKey, Network, TieId};
pub(crate) use person::people;
pub use person::{Person, PersonId, PersonInfo, PersonKind, PersonRef, display_id};
pub use tie::{Duplicates, MAX_WEIGHT, SelfLoops, Sign, Tie, TieInfo, TieSpec};
pub(crate) use tie::{check_weight, too_heavy};
