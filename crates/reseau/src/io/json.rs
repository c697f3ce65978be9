//! Lossless JSON. TODO(io helper)
/// The newest format version this library writes and reads.
pub const FORMAT_VERSION: u64 = 1;
impl crate::Network {
    /// TODO(io helper)
    pub fn to_json(&self) -> String {
        todo!()
    }
    /// TODO(io helper)
    pub fn from_json(text: &str) -> crate::Result<crate::Network> {
        let _ = text;
        todo!()
    }
}
