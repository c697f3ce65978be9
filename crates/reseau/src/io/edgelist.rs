//! SNAP-style edge lists.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::TiePolicy;
use crate::{LayerKind, Network, Result};

/// Options for [`read_edgelist`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EdgeListOptions {
    /// Whether ties are directed (default `false`).
    pub directed: bool,
    /// The name of the one layer (default `"ties"`).
    pub layer: String,
    /// The layer's kind (default physical).
    pub kind: LayerKind,
    /// Repeated ties and self-loops.
    pub policy: TiePolicy,
}

impl Default for EdgeListOptions {
    fn default() -> Self {
        EdgeListOptions {
            directed: false,
            layer: "ties".into(),
            kind: LayerKind::Physical,
            policy: TiePolicy::default(),
        }
    }
}

/// Reads a SNAP edge list file. TODO(io helper).
pub fn read_edgelist(path: impl AsRef<Path>, options: &EdgeListOptions) -> Result<Network> {
    let _ = (path.as_ref(), options);
    todo!()
}

/// Parses a SNAP edge list from bytes; `source` names it in errors. TODO(io helper).
pub fn parse_edgelist(bytes: &[u8], source: &str, options: &EdgeListOptions) -> Result<Network> {
    let _ = (bytes, source, options);
    todo!()
}
