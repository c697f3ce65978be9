//! CSV with a header. TODO(io helper)
use crate::{Network, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;
/// Options for [`read_csv`]. TODO(io helper)
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CsvOptions {}
/// TODO(io helper)
pub fn read_csv(path: impl AsRef<Path>, options: &CsvOptions) -> Result<Network> {
    let _ = (path.as_ref(), options);
    todo!()
}
/// TODO(io helper)
pub fn parse_csv(bytes: &[u8], source: &str, options: &CsvOptions) -> Result<Network> {
    let _ = (bytes, source, options);
    todo!()
}
