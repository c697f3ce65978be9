//! The baselines: high degree, degree discount, PageRank and random choice.
//!
//! All of them look at the ties that can carry the message under the model (enabled layers,
//! positive probability), as the RR sets do. Degree and PageRank rank everyone once and take
//! people in rank order (within a budget, skipping whoever no longer fits); degree discount
//! re-ranks after each choice. Ties go to the smallest id.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::budget::{Key, Limit};
use crate::centrality::{Csr, Power, pagerank};
use crate::control::Control;
use crate::error::Result;
use crate::rng::Stream;
use crate::rrsets::LiveGraph;

/// The chosen people and the score each was chosen by.
pub(crate) type Ranked = (Vec<u32>, Vec<f64>);

/// Each person's out-ties that can carry the message: who they can convince, with what
/// probability (a forward view built from the live graph).
fn forward(graph: &LiveGraph<'_>) -> Csr {
    let n = graph.num_people();
    let mut offsets = vec![0usize; n + 1];
    for v in 0..n as u32 {
        graph.for_each_incoming(v, |u, _| offsets[u as usize + 1] += 1);
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let mut fill = offsets.clone();
    let mut targets = vec![0u32; offsets[n]];
    let mut weights = vec![0.0; offsets[n]];
    for v in 0..n as u32 {
        graph.for_each_incoming(v, |u, p| {
            let at = fill[u as usize];
            fill[u as usize] += 1;
            targets[at] = v;
            weights[at] = p;
        });
    }
    Csr { offsets, targets, weights }
}

/// Takes people in the order of `scores` (highest first, the smallest id on ties) while the
/// limit allows.
fn take_ranked(scores: &[f64], limit: &Limit<'_>) -> Ranked {
    let mut order: Vec<u32> = (0..scores.len() as u32).collect();
    order.sort_by(|&a, &b| scores[b as usize].total_cmp(&scores[a as usize]).then(a.cmp(&b)));
    take_in_order(&order, scores, limit)
}

fn take_in_order(order: &[u32], scores: &[f64], limit: &Limit<'_>) -> Ranked {
    let (mut relays, mut chosen_scores) = (Vec::new(), Vec::new());
    let mut spent = 0.0;
    for &v in order {
        match *limit {
            Limit::Count(k) => {
                if relays.len() == k {
                    break;
                }
            }
            Limit::Budget { costs, .. } => {
                let cost = costs[v as usize];
                if !limit.fits(spent, cost) {
                    continue;
                }
                spent += cost;
            }
        }
        relays.push(v);
        chosen_scores.push(scores[v as usize]);
    }
    (relays, chosen_scores)
}

/// The most out-ties that can carry the message.
pub(crate) fn degree(graph: &LiveGraph<'_>, limit: &Limit<'_>) -> Ranked {
    let g = forward(graph);
    let scores: Vec<f64> =
        (0..graph.num_people()).map(|u| (g.offsets[u + 1] - g.offsets[u]) as f64).collect();
    take_ranked(&scores, limit)
}

/// Degree discount (Chen, Wang & Yang, "Efficient influence maximization in social networks",
/// KDD 2009), made for Independent Cascade with one probability p: once t of v's in-neighbours
/// are chosen, v's degree d_v is discounted to d_v − 2t − (d_v − t)·t·p. Here d_v counts v's
/// out-ties that can carry the message, t the chosen people with a tie to v, and p is the mean
/// probability of those ties (the model's p for uniform Independent Cascade).
pub(crate) fn degree_discount(graph: &LiveGraph<'_>, limit: &Limit<'_>) -> Ranked {
    let g = forward(graph);
    let n = graph.num_people();
    let p = if g.weights.is_empty() {
        0.0
    } else {
        g.weights.iter().sum::<f64>() / g.weights.len() as f64
    };
    let d: Vec<f64> = (0..n).map(|u| (g.offsets[u + 1] - g.offsets[u]) as f64).collect();
    let mut t = vec![0.0f64; n];
    let mut score = d.clone();
    let mut taken = vec![false; n];
    let mut heap: BinaryHeap<(Key, Reverse<u32>)> =
        (0..n as u32).map(|v| (Key(score[v as usize]), Reverse(v))).collect();
    let (mut relays, mut scores) = (Vec::new(), Vec::new());
    let mut spent = 0.0;
    while let Some((stored, Reverse(u))) = heap.pop() {
        let i = u as usize;
        if taken[i] {
            continue;
        }
        if stored != Key(score[i]) {
            heap.push((Key(score[i]), Reverse(u)));
            continue;
        }
        match *limit {
            Limit::Count(k) => {
                if relays.len() == k {
                    break;
                }
            }
            Limit::Budget { costs, .. } => {
                if !limit.fits(spent, costs[i]) {
                    continue;
                }
                spent += costs[i];
            }
        }
        taken[i] = true;
        relays.push(u);
        scores.push(score[i]);
        for slot in g.offsets[i]..g.offsets[i + 1] {
            let v = g.targets[slot] as usize;
            if !taken[v] {
                t[v] += 1.0;
                score[v] = d[v] - 2.0 * t[v] - (d[v] - t[v]) * t[v] * p;
            }
        }
    }
    (relays, scores)
}

/// PageRank of the network seen backwards, each tie weighted by its probability: a person
/// ranks high when many can hear them, and hear them well.
pub(crate) fn pagerank_ranking(
    graph: &LiveGraph<'_>,
    limit: &Limit<'_>,
    control: &Control<'_>,
) -> Result<Ranked> {
    let n = graph.num_people();
    let mut g = Csr { offsets: Vec::with_capacity(n + 1), ..Csr::default() };
    g.offsets.push(0);
    for v in 0..n as u32 {
        graph.for_each_incoming(v, |u, p| {
            g.targets.push(u);
            g.weights.push(p);
        });
        g.offsets.push(g.targets.len());
    }
    let power = Power { damping: 0.85, tolerance: 1e-10, max_iterations: 1000 };
    let (scores, _) = pagerank(&g, power, None, None, control)?;
    Ok(take_ranked(&scores, limit))
}

/// People in a random order drawn from `seed` (a partial Fisher–Yates shuffle).
pub(crate) fn random(n: usize, limit: &Limit<'_>, seed: u64) -> Ranked {
    let mut rng = Stream::new(seed, 0);
    let mut order: Vec<u32> = (0..n as u32).collect();
    let needed = match limit {
        Limit::Count(k) => (*k).min(n),
        Limit::Budget { .. } => n,
    };
    for i in 0..needed {
        let j = i + rng.below((n - i) as u64) as usize;
        order.swap(i, j);
    }
    order.truncate(needed);
    take_in_order(&order, &vec![0.0; n], limit)
}
