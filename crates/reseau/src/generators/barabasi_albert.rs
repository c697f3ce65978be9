//! Barabási–Albert preferential attachment.

use super::{check_memory, check_people, check_ties, single_layer, tie};
use crate::rng::Stream;
use crate::{Error, Network, Result};

/// The Barabási–Albert model: people arrive one by one and each newcomer ties itself to `m`
/// distinct people already there, chosen with probability proportional to their degree.
///
/// **Seed graph:** the first m0 = `m` + 1 people form a complete graph (m·(m + 1)/2 ties), so
/// that every seed person starts with degree `m`, like each newcomer. The other n − m0 people
/// each bring `m` ties: m·(m + 1)/2 + m·(n − m − 1) ties in all.
///
/// The `m` targets of a newcomer are drawn from the degrees as they stood before its arrival,
/// rejecting repeats (as networkx does): probability ∝ degree, without replacement. A list
/// holding each person once per tie end makes each draw O(1), so the whole graph costs
/// O(n·m).
///
/// One undirected physical layer [`LAYER`](super::LAYER), unlabelled people. Requires
/// 1 ≤ `m` < `n` (so `n` ≥ 2).
///
/// ```
/// use reseau::generators::barabasi_albert;
/// let net = barabasi_albert(1_000, 3, 1)?;
/// assert_eq!(net.num_ties(), 3 * 4 / 2 + 3 * (1_000 - 4));
/// let degrees = net.degrees(None);
/// assert!(*degrees.iter().max().unwrap() > 30); // hubs, against a mean of about 6
/// assert!(barabasi_albert(3, 3, 1).is_err());
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn barabasi_albert(n: usize, m: usize, seed: u64) -> Result<Network> {
    check_people("n", n)?;
    if m == 0 || m >= n {
        return Err(Error::invalid("m", m, format!("an integer with 1 <= m < n = {n}")));
    }
    check_ties("m", m, m as f64 * n as f64)?;
    check_memory(n, m as f64 * n as f64)?;
    let (mut net, layer) = single_layer(n)?;
    let (n, m) = (n as u32, m as u32);
    let seed_people = m + 1;
    let total_ties = u64::from(m) * u64::from(m + 1) / 2 + u64::from(m) * u64::from(n - m - 1);
    // Each person once per tie end: a uniform pick from it is a pick ∝ degree.
    let mut ends: Vec<u32> = Vec::with_capacity(2 * total_ties as usize);
    for b in 0..seed_people {
        for a in 0..b {
            tie(&mut net, a, b, layer)?;
            ends.extend([a, b]);
        }
    }
    let mut rng = Stream::new(seed, 0);
    // chosen_by[v] == t: v is already a target of newcomer t (newcomers are >= 2, never 0).
    let mut chosen_by = vec![0u32; n as usize];
    let mut targets = Vec::with_capacity(m as usize);
    for t in seed_people..n {
        targets.clear();
        while targets.len() < m as usize {
            let v = ends[rng.below(ends.len() as u64) as usize];
            if chosen_by[v as usize] != t {
                chosen_by[v as usize] = t;
                targets.push(v);
            }
        }
        for &v in &targets {
            tie(&mut net, t, v, layer)?;
            ends.extend([t, v]);
        }
    }
    Ok(net)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_graph_is_complete() {
        let net = barabasi_albert(4, 3, 5).unwrap();
        assert_eq!(net.num_ties(), 6);
        let net = barabasi_albert(5, 3, 5).unwrap();
        assert_eq!(net.num_ties(), 9);
        assert_eq!(net.degree(crate::PersonId(4), None), 3);
    }

    #[test]
    fn rejects_bad_m() {
        for (n, m) in [(5, 0), (5, 5), (5, 9), (0, 1), (1, 1)] {
            assert_eq!(barabasi_albert(n, m, 1).unwrap_err().kind(), "InvalidParameterError");
        }
    }
}
