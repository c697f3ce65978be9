//! signed ratings. TODO(io helper)
use crate::{Network, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;
/// Options for [`read_signed`]. TODO(io helper)
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SignedOptions {}
/// TODO(io helper)
pub fn read_signed(path: impl AsRef<Path>, options: &SignedOptions) -> Result<Network> {
    let _ = (path.as_ref(), options);
    todo!()
}
/// TODO(io helper)
pub fn parse_signed(bytes: &[u8], source: &str, options: &SignedOptions) -> Result<Network> {
    let _ = (bytes, source, options);
    todo!()
}
