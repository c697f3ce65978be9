//! The shuffle test of Anagnostopoulos, Kumar & Mahdian (KDD 2008): influence or homophily?
//!
//! If adoptions cluster on the network because similar people adopt alike (homophily) or
//! because of shared circumstances, what matters is who adopted, not in which order; if
//! they spread by influence, the order matters: a contact's adoption precedes one's own.
//! Permuting the adoption times among each cascade's adopters keeps who adopted and breaks
//! the order. A layer whose estimate is no larger with the real times than with shuffled
//! ones shows no evidence of influence.

use super::estimate::{Prepared, layer_keys, point};
use super::observations::Observed;
use super::request::ShuffleRequest;
use super::result::{ShuffleLayer, ShuffleTest};
use crate::control::Control;
use crate::error::Result;
use crate::model::Network;
use crate::rng::Stream;
use crate::stats::quantile;

/// `observed` with each cascade's adoption times permuted among its adopters, drawn from
/// the stream `(seed, permutation)`.
pub(crate) fn permuted(observed: &Observed, seed: u64, permutation: u64) -> Observed {
    let mut rng = Stream::new(seed, permutation);
    let mut out = observed.clone();
    for c in &mut out.cascades {
        let n = c.adopted.len();
        // Fisher–Yates on the times, the adopters staying in place.
        for i in (1..n).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            let (a, b) = (c.adopted[i].1, c.adopted[j].1);
            c.adopted[i].1 = b;
            c.adopted[j].1 = a;
        }
        c.adopted.sort_unstable_by_key(|&(p, s)| (s, p));
    }
    out
}

/// See [`shuffle_test`](super::shuffle_test).
pub(crate) fn run(
    net: &Network,
    request: &ShuffleRequest,
    control: &Control<'_>,
) -> Result<ShuffleTest> {
    request.validate()?;
    let prep = Prepared::new(net, &request.spec())?;
    let (observed, shadow) = point(&prep, &prep.observed, control)?;
    let total = u64::from(request.permutations);
    let done = std::sync::atomic::AtomicU64::new(0);
    let one = |i: u64| {
        control.check()?;
        let r = point(&prep, &permuted(&prep.observed, request.seed, i), control)?;
        let d = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        let _ = control.report(d, total);
        Ok(r)
    };
    // Results are kept in permutation order: the same for any number of threads.
    #[cfg(feature = "parallel")]
    let runs = {
        use rayon::prelude::*;
        (0..total).into_par_iter().map(one).collect::<Result<Vec<_>>>()?
    };
    #[cfg(not(feature = "parallel"))]
    let runs = (0..total).map(one).collect::<Result<Vec<_>>>()?;
    control.check()?;
    let keys = layer_keys(&prep);
    let mut layers = Vec::with_capacity(keys.len());
    for (i, key) in keys.into_iter().enumerate() {
        let mut values: Vec<f64> = runs.iter().filter_map(|r| r.0[i]).collect();
        values.sort_by(f64::total_cmp);
        let mean = (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64);
        let ci = quantile(&values, 0.025).zip(quantile(&values, 0.975)).map(|(a, b)| [a, b]);
        let p_value = observed[i].map(|obs| {
            // A permutation without data on the layer estimates nothing: it counts as no
            // larger than the real times.
            let at_least = values.iter().filter(|&&v| v >= obs).count();
            (1 + at_least) as f64 / (1 + runs.len()) as f64
        });
        layers.push(ShuffleLayer {
            key,
            observed: observed[i],
            shuffled_mean: mean,
            shuffled_ci95: ci,
            p_value,
        });
    }
    let shuffled_shadow_share = runs.iter().map(|r| r.1).sum::<f64>() / runs.len() as f64;
    Ok(ShuffleTest {
        permutations: request.permutations,
        p_values: layers.iter().map(|l| (l.key.clone(), l.p_value)).collect(),
        layers,
        shadow_share: shadow,
        shuffled_shadow_share,
    })
}
