//! Barabási–Albert preferential attachment.

use super::{LAYER, check_memory, check_people, check_ties, single_layer, tie};
use crate::compiled::CompiledNetwork;
use crate::rng::Stream;
use crate::{Error, Layer, Network, Result};

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
    let (n32, m32) = check(n, m)?;
    check_memory(n, m as f64 * n as f64)?;
    let (mut net, layer) = single_layer(n)?;
    for pair in ends(n32, m32, seed).chunks_exact(2) {
        tie(&mut net, pair[0], pair[1], layer)?;
    }
    Ok(net)
}

/// [`barabasi_albert`]'s network straight as its compiled view, never holding the editable
/// network: for graphs of 10^8 directed ties, where the editable one would take about 16 GB
/// and this one about 23 bytes per directed tie at its peak (the list of tie ends, 4 bytes,
/// beside the view's 15 and its offsets; plus 37 bytes a person). The same seed gives the
/// very view `barabasi_albert(n, m, seed)?.compile()` gives, slot for slot.
///
/// ```
/// use reseau::generators::{barabasi_albert, barabasi_albert_compiled};
/// let view = barabasi_albert_compiled(1_000, 3, 7)?;
/// assert_eq!(view, barabasi_albert(1_000, 3, 7)?.compile());
/// assert_eq!(view.num_directed_ties(), 2 * (3 * 4 / 2 + 3 * (1_000 - 4)));
/// assert!(view.bytes_per_directed_tie() < 16.0);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn barabasi_albert_compiled(n: usize, m: usize, seed: u64) -> Result<CompiledNetwork> {
    let (n32, m32) = check(n, m)?;
    let directed_ties = 2 * num_ties(n32, m32);
    // The ends' list (4 bytes a directed tie) beside the view (15 and the offsets) and the
    // per-person arrays (kind, cost, group, label: 37 bytes).
    let bytes = directed_ties * (4 + 15) + n as u64 * (4 + 37);
    crate::memory::check(None, bytes, || {
        format!(
            "a compiled Barabási–Albert network of {n} people and {directed_ties} directed ties"
        )
    })?;
    let ends = ends(n32, m32, seed);
    Ok(CompiledNetwork::single_layer(n32, &Layer::physical(LAYER), &ends))
}

/// Checks `n` and `m`, and returns them as 32-bit numbers.
fn check(n: usize, m: usize) -> Result<(u32, u32)> {
    check_people("n", n)?;
    if m == 0 || m >= n {
        return Err(Error::invalid("m", m, format!("an integer with 1 <= m < n = {n}")));
    }
    check_ties("m", m, m as f64 * n as f64)?;
    Ok((n as u32, m as u32))
}

/// The number of ties: m·(m + 1)/2 in the seed graph, `m` for each later newcomer.
fn num_ties(n: u32, m: u32) -> u64 {
    u64::from(m) * u64::from(m + 1) / 2 + u64::from(m) * u64::from(n - m - 1)
}

/// The ties in the order they are made, each as its two ends (`a` then `b`, a tie `a - b`):
/// also the list a pick ∝ degree draws from, each person once per tie end.
fn ends(n: u32, m: u32, seed: u64) -> Vec<u32> {
    let seed_people = m + 1;
    let mut ends: Vec<u32> = Vec::with_capacity(2 * num_ties(n, m) as usize);
    for b in 0..seed_people {
        for a in 0..b {
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
            ends.extend([t, v]);
        }
    }
    ends
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
            let compiled = barabasi_albert_compiled(n, m, 1).unwrap_err();
            assert_eq!(compiled.kind(), "InvalidParameterError");
        }
    }

    #[test]
    fn the_compiled_generator_gives_the_editable_ones_view() {
        for (n, m, seed) in [(2, 1, 1), (6, 5, 2), (50, 1, 3), (300, 4, 4), (3_000, 7, 5)] {
            let view = barabasi_albert_compiled(n, m, seed).unwrap();
            assert_eq!(view, barabasi_albert(n, m, seed).unwrap().compile(), "n = {n}, m = {m}");
            assert_eq!(view.layers()[0].clone().transpose(), view.layers()[0]);
        }
        assert_ne!(
            barabasi_albert_compiled(300, 4, 1).unwrap(),
            barabasi_albert_compiled(300, 4, 2).unwrap()
        );
    }
}
