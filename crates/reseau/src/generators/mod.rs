//! Seeded random network generators.
//!
//! | generator | what it makes |
//! |---|---|
//! | [`erdos_renyi`] | G(n, p) with p = mean degree / (n − 1) |
//! | [`barabasi_albert`] | preferential attachment: heavy-tailed degrees ([`barabasi_albert_compiled`]: straight to the compiled view, for 10^8 ties) |
//! | [`watts_strogatz`] | a ring lattice with rewired ties: clustered and small-world |
//! | [`kleinberg`] | a grid with long-range links ∝ d^(−r), for decentralised search |
//! | [`stochastic_block`] | groups with a tie probability per pair of groups |
//! | [`professional`] | a multiplex professional network: teams met in person, platforms online |
//!
//! Conventions shared by every generator:
//!
//! - **Reproducible.** Each takes a `seed: u64` and draws from the crate's PCG-64
//!   [`Stream`], with 64-bit integer sampling only, so the same seed gives the same network
//!   on every platform (x86-64, wasm32) and in all three languages. The golden tests in
//!   `tests/generators.rs` pin the first ties of a few seeds. (The few transcendental
//!   functions used, `ln` and `powf`, may differ in their last bit between platforms' maths
//!   libraries; a draw changes only when a uniform number falls within that bit of a
//!   boundary, about once in 10^10 draws or fewer.)
//! - **One layer.** The single-layer generators make one undirected *physical* layer named
//!   [`LAYER`] (`"ties"`); Kleinberg's is directed. Every tie has weight 1. People are
//!   unlabelled (their label is their id) unless the function says otherwise.
//! - **Simple graphs.** No self-loops and no duplicate ties, by construction.
//! - **Validated.** A parameter outside its domain (a NaN, a probability outside [0, 1], too
//!   many ties for the people, …) gives [`Error::InvalidParameter`] naming the parameter, the
//!   value and what would be accepted. Zero people is not an error where the other parameters
//!   allow it: the result is an empty network that still has its layer(s).
//! - **Bounded.** A request beyond [`MAX_PEOPLE`] people or [`MAX_TIES`] expected ties (each
//!   about 32 GB of editable network) is refused before any work, with an error that says
//!   what was asked and the limit, rather than exhausting memory or running for hours.
//! - **Fast.** Sparse sampling by geometric skipping (Batagelj & Brandes 2005): time linear in
//!   people plus ties.
//!
//! ```
//! use reseau::generators;
//! let er = generators::erdos_renyi(1_000, 4.0, 1)?;
//! assert_eq!(er.num_people(), 1_000);
//! assert_eq!(er.layers()[0].name, generators::LAYER);
//! let again = generators::erdos_renyi(1_000, 4.0, 1)?;
//! assert!(er.ties().eq(again.ties()));
//! # Ok::<(), reseau::Error>(())
//! ```

mod barabasi_albert;
mod erdos_renyi;
mod kleinberg;
mod professional;
mod request;
mod stochastic_block;
mod watts_strogatz;

pub use barabasi_albert::{barabasi_albert, barabasi_albert_compiled};
pub use erdos_renyi::erdos_renyi;
pub use kleinberg::kleinberg;
pub use professional::{ProfessionalOptions, professional};
pub use request::{
    BarabasiAlbertRequest, ErdosRenyiRequest, KleinbergRequest, StochasticBlockRequest,
    WattsStrogatzRequest,
};
pub use stochastic_block::stochastic_block;
pub use watts_strogatz::watts_strogatz;

use crate::rng::Stream;
use crate::{Error, Layer, LayerId, Network, PersonId, Result};

/// The name of the one layer the single-layer generators make.
///
/// ```
/// let net = reseau::generators::watts_strogatz(10, 2, 0.0, 1)?;
/// assert_eq!(net.num_ties_in(reseau::generators::LAYER)?, 10);
/// # Ok::<(), reseau::Error>(())
/// ```
pub const LAYER: &str = "ties";

/// The most people a generator makes: 2^28 = 268,435,456. The editable network costs about
/// 120 bytes a person, so this is about 32 GB; a larger request is refused before any work.
///
/// ```
/// use reseau::generators::{MAX_PEOPLE, erdos_renyi};
/// let err = erdos_renyi(MAX_PEOPLE + 1, 0.0, 1).unwrap_err();
/// assert_eq!(err.kind(), "InvalidParameterError");
/// assert!(err.to_string().contains("268435457"));
/// ```
pub const MAX_PEOPLE: usize = 1 << 28;

/// The most ties a generator makes (the expected number, for the random ones): 2^28 =
/// 268,435,456. The editable network costs about 115 bytes a tie, so this is about 31 GB and
/// minutes of work; a larger request is refused before any work.
///
/// ```
/// use reseau::generators::{MAX_TIES, erdos_renyi};
/// // A million people with a mean degree of a million - 1: 5 × 10^11 ties.
/// let err = erdos_renyi(1_000_000, 999_999.0, 1).unwrap_err();
/// assert!(err.to_string().contains(&MAX_TIES.to_string()), "{err}");
/// ```
pub const MAX_TIES: u64 = 1 << 28;

/// Checks that `n` people are at most [`MAX_PEOPLE`] (which also fits 32-bit ids).
fn check_people(name: &str, n: usize) -> Result<u32> {
    if n > MAX_PEOPLE {
        return Err(Error::invalid(
            name,
            n,
            format!("at most {MAX_PEOPLE} people (generators::MAX_PEOPLE)"),
        ));
    }
    Ok(n as u32)
}

/// Checks that a request for about `ties` ties (expected) is within [`MAX_TIES`]; `name` and
/// `value` are the parameter that sets the number.
fn check_ties(name: &str, value: impl crate::error::Shown, ties: f64) -> Result<()> {
    if ties > MAX_TIES as f64 {
        return Err(Error::invalid(
            name,
            value,
            format!(
                "a value giving at most {MAX_TIES} ties (generators::MAX_TIES); this one gives \
                 about {ties:.3e}"
            ),
        ));
    }
    Ok(())
}

/// Refuses, before any work, a network of `people` people and about `ties` ties that would
/// not fit in memory ([`crate::memory`]; about 180 bytes a person and 150 a tie).
fn check_memory(people: usize, ties: f64) -> Result<()> {
    let needed = Network::estimated_bytes(people as u64, ties as u64);
    crate::memory::check(None, needed, || {
        format!("a network of {people} people and about {} ties", crate::error::float(ties.round()))
    })
}

/// A network of `n` unlabelled people and the undirected physical layer [`LAYER`].
fn single_layer(n: usize) -> Result<(Network, LayerId)> {
    let mut net = Network::new();
    let layer = net.add_layer(Layer::physical(LAYER))?;
    net.add_people(n)?;
    Ok((net, layer))
}

/// Adds the tie `a - b` of weight 1.
#[inline]
fn tie(net: &mut Network, a: u32, b: u32, layer: LayerId) -> Result<()> {
    debug_assert_ne!(a, b, "generators never make self-loops");
    net.add_tie(PersonId(a), PersonId(b), layer, 1.0)?;
    Ok(())
}

/// Visits every pair `(a, b)` with `a < b < n`, each kept independently with probability `p`, in
/// the order (0, 1), (0, 2), (1, 2), (0, 3), … (by `b`, then `a`).
///
/// Geometric skipping (Batagelj & Brandes 2005, algorithm 1): the gap to the next kept pair is
/// geometric, so the cost is O(n + ties), not O(n²).
fn bernoulli_pairs(
    rng: &mut Stream,
    n: u64,
    p: f64,
    mut visit: impl FnMut(u64, u64) -> Result<()>,
) -> Result<()> {
    if n < 2 || p <= 0.0 {
        return Ok(());
    }
    // The next candidate pair is (a, b), a < b.
    let (mut a, mut b) = (0u64, 1u64);
    loop {
        a = a.saturating_add(rng.geometric(p));
        // b grows at each step and the loop stops at n: O(n) steps in all.
        while a >= b {
            a -= b;
            b += 1;
            if b >= n {
                return Ok(());
            }
        }
        visit(a, b)?;
        a += 1;
    }
}

/// Visits every cell `(i, j)` of a `rows × cols` grid, each kept independently with probability
/// `p`, in row-major order, by geometric skipping: O(rows + ties).
fn bernoulli_grid(
    rng: &mut Stream,
    rows: u64,
    cols: u64,
    p: f64,
    mut visit: impl FnMut(u64, u64) -> Result<()>,
) -> Result<()> {
    if rows == 0 || cols == 0 || p <= 0.0 {
        return Ok(());
    }
    // Fewer than 2^32 people in all, so the product fits.
    let cells = rows * cols;
    let mut k = 0u64;
    loop {
        k = k.saturating_add(rng.geometric(p));
        if k >= cells {
            return Ok(());
        }
        visit(k / cols, k % cols)?;
        k += 1;
    }
}

/// Checks a mean degree: finite, >= 0 and at most `n - 1` (0 when `n <= 1`).
fn check_mean_degree(name: &str, value: f64, n: usize) -> Result<f64> {
    let max = n.saturating_sub(1) as f64;
    if value.is_finite() && (0.0..=max).contains(&value) {
        Ok(value)
    } else {
        Err(Error::invalid(name, value, format!("a number in [0, {max}] (0 to people - 1)")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_enumerates_all_at_p_one() {
        let mut rng = Stream::new(1, 0);
        let mut seen = Vec::new();
        bernoulli_pairs(&mut rng, 4, 1.0, |a, b| {
            seen.push((a, b));
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, vec![(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)]);
    }

    #[test]
    fn grid_enumerates_all_at_p_one() {
        let mut rng = Stream::new(1, 0);
        let mut seen = Vec::new();
        bernoulli_grid(&mut rng, 2, 3, 1.0, |i, j| {
            seen.push((i, j));
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, vec![(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)]);
    }

    #[test]
    fn pairs_each_kept_with_probability_p() {
        // Every pair of 30 people kept with p = 0.3, over 400 runs: each pair's frequency is
        // within 5 standard deviations of p.
        let (n, p, runs) = (30u64, 0.3, 400);
        let mut counts = vec![0u32; (n * n) as usize];
        let mut rng = Stream::new(9, 0);
        for _ in 0..runs {
            bernoulli_pairs(&mut rng, n, p, |a, b| {
                assert!(a < b && b < n);
                counts[(a * n + b) as usize] += 1;
                Ok(())
            })
            .unwrap();
        }
        let sd = (f64::from(runs) * p * (1.0 - p)).sqrt();
        for b in 0..n {
            for a in 0..b {
                let c = f64::from(counts[(a * n + b) as usize]);
                assert!((c - f64::from(runs) * p).abs() < 5.0 * sd, "pair ({a}, {b}): {c}");
            }
        }
    }

    #[test]
    fn tiny_probability_terminates() {
        let mut rng = Stream::new(1, 0);
        let mut count = 0;
        bernoulli_pairs(&mut rng, 1_000, 1e-300, |_, _| {
            count += 1;
            Ok(())
        })
        .unwrap();
        bernoulli_grid(&mut rng, 1, 1_000, 1e-300, |_, _| {
            count += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(count, 0);
    }

    #[test]
    fn too_many_people_is_an_error() {
        assert!(check_people("n", u32::MAX as usize).is_err());
        assert!(check_people("n", MAX_PEOPLE + 1).is_err());
        assert_eq!(check_people("n", MAX_PEOPLE).unwrap() as usize, MAX_PEOPLE);
        assert_eq!(check_people("n", 5).unwrap(), 5);
        assert!(check_ties("m", 3, MAX_TIES as f64).is_ok());
        assert!(check_ties("m", 3, MAX_TIES as f64 + 1e3).is_err());
    }
}
