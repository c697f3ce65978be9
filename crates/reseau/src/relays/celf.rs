//! CELF: the greedy on Monte Carlo estimates of the spread, made lazy (Leskovec, Krause,
//! Guestrin, Faloutsos, VanBriesen & Glance, "Cost-effective outbreak detection in networks",
//! KDD 2007).
//!
//! The plain greedy (Kempe, Kleinberg & Tardos 2003) re-estimates every person's marginal gain
//! at each step. By submodularity a gain can only shrink as the choice grows, so a gain
//! computed at an earlier step is an upper bound: CELF keeps the people in a max-heap by their
//! last computed gain and re-estimates only the top one, choosing it when its gain is fresh.
//! Every estimate runs the cascade engine on the model as given (fatigue included) with common
//! random numbers (run `r` of every estimate draws from the stream `(seed, r)`), so that
//! comparisons between candidates are not drowned in independent noise.
//!
//! It needs n + (a few per step) estimates of `runs` cascades each: the reference on small
//! networks, not a method for large ones.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::Outcome;
use super::budget::{Key, Limit, ratio};
use crate::cascade::Model;
use crate::cascade::Seeds;
use crate::cascade::engine::Scratch;
use crate::cascade::prepared::Prepared;
use crate::compiled::CompiledNetwork;
use crate::control::Control;
use crate::error::Result;
use crate::rng::Stream;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// Runs of one estimate handled together (one unit of parallel work).
const BLOCK: u64 = 64;

/// CELF with Monte Carlo estimates of `runs` cascades. `control` hears the estimates made
/// (out of the people, then of the estimates known to be needed so far) and stops the call
/// between two estimates.
pub(crate) fn celf(
    net: &CompiledNetwork,
    model: &Model,
    limit: &Limit<'_>,
    runs: u64,
    seed: u64,
    control: &Control<'_>,
) -> Result<Outcome> {
    let prep = Prepared::new(net, model)?;
    let n = net.num_people();
    let done = AtomicU64::new(0);
    let single = |scratch: &mut Scratch, v: u32| {
        if control.is_cancelled() {
            return 0;
        }
        let t = total(&prep, &[v], 0, runs, seed, scratch);
        let _ = control.report(done.fetch_add(1, Relaxed) + 1, n as u64);
        t
    };
    #[cfg(feature = "parallel")]
    let singles: Vec<f64> = {
        use rayon::prelude::*;
        (0..n as u32)
            .into_par_iter()
            .map_init(|| Scratch::new(&prep), single)
            .map(|t| t as f64 / runs as f64)
            .collect()
    };
    #[cfg(not(feature = "parallel"))]
    let singles: Vec<f64> = {
        let mut scratch = Scratch::new(&prep);
        (0..n as u32).map(|v| single(&mut scratch, v) as f64 / runs as f64).collect()
    };
    control.check()?;
    let mut evaluations = n as u64;
    let (relays, gains, estimate) = lazy_greedy(limit, &singles, |seeds| {
        evaluations += 1;
        if control.report(evaluations, evaluations).is_err() {
            return 0.0;
        }
        estimate(&prep, seeds, runs, seed)
    });
    control.check()?;
    Ok(Outcome { relays, gains, estimate, samples: evaluations * runs, approximation: None })
}

/// The number convinced over runs `first..last` from `seeds`, one run after another.
fn total(
    prep: &Prepared<'_>,
    seeds: &[u32],
    first: u64,
    last: u64,
    seed: u64,
    scratch: &mut Scratch,
) -> u64 {
    let seeds = Seeds::from(seeds);
    let mut sum = 0;
    for r in first..last {
        scratch.run(prep, &seeds, &mut Stream::new(seed, r));
        sum += scratch.activated.len() as u64;
    }
    sum
}

/// The mean spread of `seeds` over `runs` runs, blocks of runs in parallel (an integer sum:
/// the same for any number of threads).
fn estimate(prep: &Prepared<'_>, seeds: &[u32], runs: u64, seed: u64) -> f64 {
    let blocks = runs.div_ceil(BLOCK);
    let block = |scratch: &mut Scratch, b: u64| {
        total(prep, seeds, b * BLOCK, ((b + 1) * BLOCK).min(runs), seed, scratch)
    };
    #[cfg(feature = "parallel")]
    let sum: u64 = {
        use rayon::prelude::*;
        (0..blocks).into_par_iter().map_init(|| Scratch::new(prep), block).sum()
    };
    #[cfg(not(feature = "parallel"))]
    let sum: u64 = {
        let mut scratch = Scratch::new(prep);
        (0..blocks).map(|b| block(&mut scratch, b)).sum()
    };
    sum as f64 / runs as f64
}

/// The lazy greedy on any spread oracle: `singles[v]` is the spread of `v` alone, `spread(S)`
/// that of a set. For k people it adds the largest marginal gain k times; within a budget the
/// largest gain per unit of cost among the affordable, then compares with the best single
/// affordable person (see [`super::budget`]). Ties go to the smallest id.
///
/// Returns the people in the order chosen, each one's marginal gain, and the spread of the
/// choice.
pub(crate) fn lazy_greedy(
    limit: &Limit<'_>,
    singles: &[f64],
    mut spread: impl FnMut(&[u32]) -> f64,
) -> (Vec<u32>, Vec<f64>, f64) {
    let n = singles.len();
    let cost = |v: u32| match limit {
        Limit::Count(_) => 1.0,
        Limit::Budget { costs, .. } => costs[v as usize],
    };
    let key = |gain: f64, v: u32| match limit {
        Limit::Count(_) => Key(gain),
        Limit::Budget { .. } => Key(ratio(gain, cost(v))),
    };
    // The latest gain of each person and the size of the choice when it was computed.
    let mut gain = singles.to_vec();
    let mut fresh_at = vec![0usize; n];
    let mut heap: BinaryHeap<(Key, Reverse<u32>)> = (0..n as u32)
        .filter(|&v| limit.fits(0.0, cost(v)))
        .map(|v| (key(gain[v as usize], v), Reverse(v)))
        .collect();
    let (mut relays, mut gains) = (Vec::new(), Vec::new());
    let (mut current, mut spent) = (0.0, 0.0);
    while let Some((_, Reverse(v))) = heap.pop() {
        if let Limit::Count(k) = *limit {
            if relays.len() == k {
                break;
            }
        }
        let i = v as usize;
        if !limit.fits(spent, cost(v)) {
            continue;
        }
        if fresh_at[i] != relays.len() {
            relays.push(v);
            let with = spread(&relays);
            relays.pop();
            gain[i] = with - current;
            fresh_at[i] = relays.len();
            heap.push((key(gain[i], v), Reverse(v)));
            continue;
        }
        if matches!(limit, Limit::Budget { .. }) && gain[i] <= 0.0 {
            break;
        }
        relays.push(v);
        gains.push(gain[i]);
        current += gain[i];
        spent += cost(v);
    }
    if let Limit::Budget { budget, costs } = *limit {
        let best = (0..n)
            .filter(|&v| costs[v] <= budget)
            .max_by(|&a, &b| singles[a].total_cmp(&singles[b]).then(b.cmp(&a)));
        if let Some(v) = best {
            if singles[v] > current || relays.is_empty() {
                return (vec![v as u32], vec![singles[v]], singles[v]);
            }
        }
    }
    (relays, gains, current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cascade::{ExactSpreadRequest, exact_spread};
    use crate::{Layer, Network, PersonId};

    fn network() -> CompiledNetwork {
        let mut net = Network::new();
        net.add_layer(Layer::digital("t").directed(true)).unwrap();
        net.add_people(8).unwrap();
        for (a, b) in [(0, 1), (0, 2), (1, 2), (2, 3), (3, 0), (1, 4), (4, 5), (5, 6), (6, 4)] {
            net.add_tie(PersonId(a), PersonId(b), "t", 1.0).unwrap();
        }
        for (a, b) in [(6, 7), (7, 5), (3, 7), (2, 6)] {
            net.add_tie(PersonId(a), PersonId(b), "t", 1.0).unwrap();
        }
        net.compile()
    }

    /// The plain greedy: every candidate re-estimated at every step.
    fn plain(limit: &Limit<'_>, spread: &dyn Fn(&[u32]) -> f64, n: u32) -> f64 {
        let (mut chosen, mut current, mut spent) = (Vec::new(), 0.0, 0.0);
        loop {
            if let Limit::Count(k) = *limit {
                if chosen.len() == k {
                    break;
                }
            }
            let cost = |v: u32| match limit {
                Limit::Count(_) => 1.0,
                Limit::Budget { costs, .. } => costs[v as usize],
            };
            let best = (0..n)
                .filter(|v| !chosen.contains(v) && limit.fits(spent, cost(*v)))
                .map(|v| {
                    let mut with = chosen.clone();
                    with.push(v);
                    (ratio(spread(&with) - current, cost(v)), v)
                })
                .fold(None, |best: Option<(f64, u32)>, c| match best {
                    Some(b) if b.0 >= c.0 - 1e-12 => Some(b),
                    _ => Some(c),
                });
            let Some((_, v)) = best else { break };
            chosen.push(v);
            spent += cost(v);
            current = spread(&chosen);
        }
        current
    }

    #[test]
    fn the_lazy_greedy_on_exact_spreads_is_the_plain_greedy() {
        let view = network();
        let model = Model::independent_cascade(0.4);
        let spread = |s: &[u32]| {
            exact_spread(&view, &ExactSpreadRequest::new(s.iter().copied()).model(model.clone()))
                .unwrap()
        };
        let singles: Vec<f64> = (0..8).map(|v| spread(&[v])).collect();
        for k in 1..=4 {
            let limit = Limit::Count(k);
            let (relays, gains, total) = lazy_greedy(&limit, &singles, spread);
            assert_eq!(relays.len(), k);
            assert!((total - spread(&relays)).abs() < 1e-9);
            assert!((gains.iter().sum::<f64>() - total).abs() < 1e-9);
            assert!((total - plain(&limit, &spread, 8)).abs() < 1e-9, "k = {k}");
        }
        let costs = [1.0, 1.5, 4.0, 1.0, 2.0, 1.0, 2.5, 1.0];
        for budget in [1.0, 2.5, 4.0, 6.0] {
            let limit = Limit::Budget { budget, costs: &costs };
            let (relays, _, total) = lazy_greedy(&limit, &singles, spread);
            let cost: f64 = relays.iter().map(|&v| costs[v as usize]).sum();
            assert!(cost <= budget);
            let single =
                (0..8).filter(|&v| costs[v] <= budget).map(|v| singles[v]).fold(0.0, f64::max);
            assert!(total >= plain(&limit, &spread, 8) - 1e-9 && total >= single - 1e-9);
        }
    }
}
