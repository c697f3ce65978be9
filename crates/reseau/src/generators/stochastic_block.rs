//! The stochastic block model.

use super::{bernoulli_grid, bernoulli_pairs, check_memory, check_people, check_ties, tie};
use crate::rng::Stream;
use crate::{Error, Layer, Network, Person, Result};

/// The stochastic block model: groups ("blocks") of `sizes[b]` people, each pair of people in
/// blocks `a` and `b` tied independently with probability `probabilities[a][b]`.
///
/// - **People:** the blocks take consecutive ids (block 0 first) and each person's
///   [`Person::group`] is `"B0"`, `"B1"`, … after their block's index. No labels.
/// - **Ties:** one undirected physical layer [`LAYER`](super::LAYER), weight 1, sampled by
///   geometric skipping for each block pair in the order (0, 0), (0, 1), …, (0, B − 1),
///   (1, 1), …: O(people + ties + B²).
///
/// `probabilities` must be a symmetric B × B matrix (B = `sizes.len()`) of probabilities in
/// [0, 1]; a mismatched shape, an asymmetric entry, a NaN or a value outside [0, 1] is an
/// [`Error::InvalidParameter`]. No blocks, or empty blocks, are fine.
///
/// ```
/// use reseau::generators::stochastic_block;
/// let p = vec![vec![0.5, 0.01], vec![0.01, 0.5]];
/// let net = stochastic_block(&[50, 30], &p, 1)?;
/// assert_eq!(net.num_people(), 80);
/// assert_eq!(net.groups()["B1"].len(), 30);
/// let asymmetric = vec![vec![0.5, 0.01], vec![0.02, 0.5]];
/// assert!(stochastic_block(&[50, 30], &asymmetric, 1).is_err());
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn stochastic_block(sizes: &[usize], probabilities: &[Vec<f64>], seed: u64) -> Result<Network> {
    let blocks = sizes.len();
    if probabilities.len() != blocks {
        return Err(Error::invalid(
            "probabilities",
            format!("{} rows", probabilities.len()),
            format!("{blocks} rows, one per block"),
        ));
    }
    for (a, row) in probabilities.iter().enumerate() {
        if row.len() != blocks {
            return Err(Error::invalid(
                format!("probabilities[{a}]"),
                format!("{} entries", row.len()),
                format!("{blocks} entries, one per block"),
            ));
        }
        for (b, &p) in row.iter().enumerate() {
            crate::error::check_probability(|| format!("probabilities[{a}][{b}]"), p)?;
            // Exact comparison on purpose: p(a, b) and p(b, a) are one probability.
            #[allow(clippy::float_cmp)]
            let asymmetric = b < a && p != probabilities[b][a];
            if asymmetric {
                return Err(Error::invalid(
                    format!("probabilities[{a}][{b}]"),
                    p,
                    format!(
                        "probabilities[{b}][{a}] = {} (a symmetric matrix)",
                        probabilities[b][a]
                    ),
                ));
            }
        }
    }
    let people = sizes.iter().try_fold(0usize, |sum, &s| sum.checked_add(s)).ok_or_else(|| {
        Error::invalid(
            "sizes",
            "a sum beyond usize",
            format!("at most {} people", super::MAX_PEOPLE),
        )
    })?;
    check_people("sum of sizes", people)?;
    let mut expected = 0.0;
    for (a, &size_a) in sizes.iter().enumerate() {
        let size_a = size_a as f64;
        expected += probabilities[a][a] * size_a * (size_a - 1.0).max(0.0) / 2.0;
        for (b, &size_b) in sizes.iter().enumerate().skip(a + 1) {
            expected += probabilities[a][b] * size_a * size_b as f64;
        }
    }
    check_ties("sizes and probabilities", format!("{people} people"), expected)?;
    check_memory(people, expected)?;

    let mut net = Network::new();
    let layer = net.add_layer(Layer::physical(super::LAYER))?;
    let mut offsets = Vec::with_capacity(blocks);
    for (b, &size) in sizes.iter().enumerate() {
        offsets.push(net.num_people() as u32);
        let group = format!("B{b}");
        for _ in 0..size {
            net.add_person(Person::new().group(group.clone()))?;
        }
    }
    let mut rng = Stream::new(seed, 0);
    for a in 0..blocks {
        let (first_a, size_a) = (offsets[a], sizes[a] as u64);
        let p = probabilities[a][a];
        bernoulli_pairs(&mut rng, size_a, p, |i, j| {
            tie(&mut net, first_a + i as u32, first_a + j as u32, layer)
        })?;
        for b in a + 1..blocks {
            let (first_b, size_b) = (offsets[b], sizes[b] as u64);
            bernoulli_grid(&mut rng, size_a, size_b, probabilities[a][b], |i, j| {
                tie(&mut net, first_a + i as u32, first_b + j as u32, layer)
            })?;
        }
    }
    Ok(net)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_matrices() {
        let ok = vec![vec![0.1, 0.2], vec![0.2, 0.3]];
        assert!(stochastic_block(&[3, 4], &ok, 1).is_ok());
        let cases: Vec<Vec<Vec<f64>>> = vec![
            vec![vec![0.1, 0.2]],
            vec![vec![0.1, 0.2], vec![0.2]],
            vec![vec![0.1, 0.2], vec![0.3, 0.3]],
            vec![vec![0.1, 1.2], vec![1.2, 0.3]],
            vec![vec![f64::NAN, 0.2], vec![0.2, 0.3]],
            vec![vec![0.1, -0.2], vec![-0.2, 0.3]],
        ];
        for bad in cases {
            let err = stochastic_block(&[3, 4], &bad, 1).unwrap_err();
            assert_eq!(err.kind(), "InvalidParameterError", "{bad:?}");
        }
    }

    #[test]
    fn empty_inputs() {
        assert_eq!(stochastic_block(&[], &[], 1).unwrap().num_people(), 0);
        let net = stochastic_block(&[0, 2], &[vec![1.0, 1.0], vec![1.0, 1.0]], 1).unwrap();
        assert_eq!((net.num_people(), net.num_ties()), (2, 1));
    }
}
