//! Erdős–Rényi G(n, p).

use super::{
    bernoulli_pairs, check_mean_degree, check_memory, check_people, check_ties, single_layer, tie,
};
use crate::rng::Stream;
use crate::{Network, Result};

/// The Erdős–Rényi random graph G(n, p): `n` people, each pair tied independently with
/// probability p = `mean_degree` / (n − 1).
///
/// One undirected physical layer [`LAYER`](super::LAYER), unlabelled people, ties listed as
/// `(a, b)` with `a < b` in the order of `b`, then `a`. Sampled by geometric skipping
/// (Batagelj & Brandes 2005) in O(n + ties).
///
/// `mean_degree` must be finite and in [0, n − 1]; `n` = 0 or 1 with `mean_degree` = 0 gives
/// a network without ties.
///
/// ```
/// use reseau::generators::erdos_renyi;
/// let net = erdos_renyi(2_000, 6.0, 7)?;
/// let mean = 2.0 * net.num_ties() as f64 / net.num_people() as f64;
/// assert!((mean - 6.0).abs() < 0.5);
/// assert!(erdos_renyi(10, 12.0, 7).is_err()); // more than n - 1
/// assert!(erdos_renyi(10, f64::NAN, 7).is_err());
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn erdos_renyi(n: usize, mean_degree: f64, seed: u64) -> Result<Network> {
    check_people("n", n)?;
    check_mean_degree("mean_degree", mean_degree, n)?;
    check_ties("mean_degree", mean_degree, mean_degree * n as f64 / 2.0)?;
    check_memory(n, mean_degree * n as f64 / 2.0)?;
    let (mut net, layer) = single_layer(n)?;
    if n < 2 {
        return Ok(net);
    }
    let p = (mean_degree / (n - 1) as f64).min(1.0);
    let mut rng = Stream::new(seed, 0);
    bernoulli_pairs(&mut rng, n as u64, p, |a, b| tie(&mut net, a as u32, b as u32, layer))?;
    Ok(net)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_and_empty_extremes() {
        let full = erdos_renyi(8, 7.0, 1).unwrap();
        assert_eq!(full.num_ties(), 28);
        let none = erdos_renyi(8, 0.0, 1).unwrap();
        assert_eq!(none.num_ties(), 0);
        assert_eq!(erdos_renyi(0, 0.0, 1).unwrap().num_people(), 0);
        assert_eq!(erdos_renyi(1, 0.0, 1).unwrap().num_people(), 1);
    }

    #[test]
    fn rejects_bad_mean_degree() {
        for bad in [-1.0, f64::NAN, f64::INFINITY, 9.5] {
            let err = erdos_renyi(10, bad, 1).unwrap_err();
            assert_eq!(err.kind(), "InvalidParameterError", "{bad}");
        }
        assert!(erdos_renyi(1, 0.5, 1).is_err());
    }
}
