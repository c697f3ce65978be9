//! Watts–Strogatz small worlds.

use std::collections::HashSet;

use super::{check_memory, check_people, check_ties, single_layer, tie};
use crate::rng::Stream;
use crate::{Error, Network, Result};

/// The Watts–Strogatz model: a ring of `n` people, each tied to its `k` nearest neighbours
/// (`k`/2 on each side), then each tie rewired with probability `beta`.
///
/// Rewiring follows Watts & Strogatz (1998) lap by lap: first the ties to the nearest
/// clockwise neighbour (i, i + 1) for every i, then (i, i + 2), and so on. A rewired tie keeps
/// its first end i and moves its other end to a person drawn uniformly among those who are
/// neither i nor already tied to i; a person already tied to everyone keeps the tie. The number
/// of ties stays n·k/2.
///
/// One undirected physical layer [`LAYER`](super::LAYER), unlabelled people; the ties are
/// listed in lattice order, a rewired tie in the place of the one it replaced. Requires `k`
/// even and `k` < `n` (`k` = 0 gives no ties) and `beta` in [0, 1]. Cost O(n·k).
///
/// ```
/// use reseau::generators::watts_strogatz;
/// let ring = watts_strogatz(20, 4, 0.0, 1)?;
/// assert_eq!(ring.num_ties(), 40);
/// let a = reseau::PersonId(0);
/// assert_eq!(ring.neighbors(a, None), [1, 2, 18, 19].map(reseau::PersonId));
/// let rewired = watts_strogatz(20, 4, 0.5, 1)?;
/// assert_eq!(rewired.num_ties(), 40);
/// assert!(watts_strogatz(20, 3, 0.1, 1).is_err()); // k odd
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn watts_strogatz(n: usize, k: usize, beta: f64, seed: u64) -> Result<Network> {
    check_people("n", n)?;
    if k % 2 == 1 || k >= n {
        return Err(Error::invalid("k", k, format!("an even integer < n = {n}")));
    }
    crate::error::check_probability(|| "beta".to_owned(), beta)?;
    check_ties("k", k, n as f64 * k as f64 / 2.0)?;
    check_memory(n, n as f64 * k as f64 / 2.0)?;
    let (mut net, layer) = single_layer(n)?;
    let n = n as u32;
    let half = (k / 2) as u32;
    let key = |a: u32, b: u32| (u64::from(a.min(b)) << 32) | u64::from(a.max(b));

    // Lap j holds the ties (i, i + j): the order in which they are considered for rewiring.
    let mut ties: Vec<(u32, u32)> = Vec::with_capacity(n as usize * half as usize);
    for j in 1..=half {
        ties.extend((0..n).map(|i| (i, (i + j) % n)));
    }
    if beta > 0.0 {
        // Membership tests only: the set's iteration order never reaches the output.
        let mut present: HashSet<u64> = ties.iter().map(|&(a, b)| key(a, b)).collect();
        let mut degree = vec![2 * half; n as usize];
        let mut rng = Stream::new(seed, 0);
        for slot in &mut ties {
            if !rng.bernoulli(beta) {
                continue;
            }
            let (u, v) = *slot;
            if degree[u as usize] >= n - 1 {
                continue;
            }
            let w = loop {
                let w = rng.below(u64::from(n)) as u32;
                if w != u && !present.contains(&key(u, w)) {
                    break w;
                }
            };
            present.remove(&key(u, v));
            present.insert(key(u, w));
            degree[v as usize] -= 1;
            degree[w as usize] += 1;
            *slot = (u, w);
        }
    }
    for (a, b) in ties {
        tie(&mut net, a, b, layer)?;
    }
    Ok(net)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PersonId;

    #[test]
    fn beta_zero_is_the_ring() {
        let net = watts_strogatz(7, 2, 0.0, 3).unwrap();
        for i in 0..7 {
            let expected = [PersonId((i + 6) % 7), PersonId((i + 1) % 7)];
            let mut expected = expected.to_vec();
            expected.sort_unstable();
            assert_eq!(net.neighbors(PersonId(i), None), expected);
        }
    }

    #[test]
    fn dense_rewiring_keeps_a_simple_graph() {
        // k = n - 2: most people are nearly saturated; rewiring must not loop or duplicate.
        let net = watts_strogatz(12, 10, 1.0, 4).unwrap();
        assert_eq!(net.num_ties(), 60);
        assert_eq!(net.duplicates_merged(), 0);
    }

    #[test]
    fn rejects_bad_parameters() {
        for (n, k, beta) in [(10, 3, 0.1), (10, 10, 0.1), (0, 0, 0.1), (10, 2, -0.1), (10, 2, 1.5)]
        {
            assert!(watts_strogatz(n, k, beta, 1).is_err(), "{n} {k} {beta}");
        }
        assert!(watts_strogatz(10, 2, f64::NAN, 1).is_err());
        assert_eq!(watts_strogatz(3, 0, 0.5, 1).unwrap().num_ties(), 0);
    }
}
