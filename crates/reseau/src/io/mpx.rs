//! multinet .mpx. TODO(io helper)
use crate::{Network, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;
/// Options for [`read_mpx`]. TODO(io helper)
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MpxOptions {}
/// TODO(io helper)
pub fn read_mpx(path: impl AsRef<Path>, options: &MpxOptions) -> Result<Network> {
    let _ = (path.as_ref(), options);
    todo!()
}
/// TODO(io helper)
pub fn parse_mpx(bytes: &[u8], source: &str, options: &MpxOptions) -> Result<Network> {
    let _ = (bytes, source, options);
    todo!()
}
