//! Networks shipped inside the crate. TODO(io helper)
/// The Aarhus CS multiplex. TODO(io helper)
pub fn aarhus_cs() -> crate::Network {
    todo!()
}
