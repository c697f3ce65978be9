//! The multiplex format. TODO(io helper)
use crate::{Network, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;
/// Options for [`read_multiplex`]. TODO(io helper)
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MultiplexOptions {}
/// TODO(io helper)
pub fn read_multiplex(
    edges: impl AsRef<Path>,
    layers: Option<&Path>,
    nodes: Option<&Path>,
    options: &MultiplexOptions,
) -> Result<Network> {
    let _ = (edges.as_ref(), layers, nodes, options);
    todo!()
}
/// TODO(io helper)
pub fn parse_multiplex(
    edges: &[u8],
    layers: Option<&[u8]>,
    nodes: Option<&[u8]>,
    options: &MultiplexOptions,
) -> Result<Network> {
    let _ = (edges, layers, nodes, options);
    todo!()
}
