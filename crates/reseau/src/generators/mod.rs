//! Seeded random network generators. TODO(generators helper)
use crate::{Network, Result};
use serde::{Deserialize, Serialize};
/// TODO(generators helper)
pub fn erdos_renyi(n: usize, mean_degree: f64, seed: u64) -> Result<Network> {
    let _ = (n, mean_degree, seed);
    todo!()
}
/// TODO(generators helper)
pub fn barabasi_albert(n: usize, m: usize, seed: u64) -> Result<Network> {
    let _ = (n, m, seed);
    todo!()
}
/// TODO(generators helper)
pub fn watts_strogatz(n: usize, k: usize, beta: f64, seed: u64) -> Result<Network> {
    let _ = (n, k, beta, seed);
    todo!()
}
/// TODO(generators helper)
pub fn kleinberg(side: usize, r: f64, long_range: usize, seed: u64) -> Result<Network> {
    let _ = (side, r, long_range, seed);
    todo!()
}
/// TODO(generators helper)
pub fn stochastic_block(sizes: &[usize], probabilities: &[Vec<f64>], seed: u64) -> Result<Network> {
    let _ = (sizes, probabilities, seed);
    todo!()
}
/// TODO(generators helper)
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProfessionalOptions {}
/// TODO(generators helper)
pub fn professional(options: &ProfessionalOptions, seed: u64) -> Result<Network> {
    let _ = (options, seed);
    todo!()
}
