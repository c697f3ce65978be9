//! Renumbering people for locality (issue 16, measured by `examples/locality.rs`; see
//! `docs/performance/locality.md`).
//!
//! A cascade reads the rows of the people it convinces and stamps the people those rows point
//! to. When people who are close in the network are close in memory, those reads share cache
//! lines and pages. A renumbered copy of a compiled view keeps every row's ties in their
//! original order and relabels the targets, so a cascade run on it, started from the mapped
//! seeds, visits the same people in the same order: the geometric skips of Independent Cascade
//! draw the same numbers for the same ties. (Per-tie counter-based coins and Linear Threshold's
//! per-person thresholds are keyed by tie and person number, which a renumbering changes: an
//! engine running on the copy must key them by the original numbers to give the same
//! cascades.)
//!
//! Not wired into the engine: on this machine it did not pay on the growth graphs (the
//! measurement and why are in `docs/performance/locality.md`). Hidden from the documentation;
//! kept for the measurement.

use std::collections::VecDeque;

use crate::compiled::{CompiledLayer, CompiledNetwork, LabelIndex};
use crate::error::{Error, Result};

/// An order of the people, `order[k]` being the person placed at position `k`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// As they are.
    Identity,
    /// Breadth-first from person 0, each component in turn, neighbours in tie order.
    BreadthFirst,
    /// Reverse Cuthill–McKee: breadth-first from a person of least degree in each component,
    /// neighbours by increasing degree, the whole order reversed.
    ReverseCuthillMcKee,
    /// By decreasing degree (ties over every layer), ties broken by number: the hubs, which
    /// most cascades reach, share the first cache lines and pages.
    Degree,
}

/// Each person's out-degree over every layer.
fn degrees(net: &CompiledNetwork) -> Vec<u32> {
    let mut d = vec![0u32; net.num_people()];
    for layer in net.layers() {
        for (v, w) in layer.offsets().windows(2).enumerate() {
            d[v] += w[1] - w[0];
        }
    }
    d
}

/// A breadth-first order: components started from `starts` in turn (each person not yet
/// placed), each person's neighbours over every layer, sorted by degree when `by_degree`.
fn breadth_first(net: &CompiledNetwork, starts: &[u32], by_degree: Option<&[u32]>) -> Vec<u32> {
    let n = net.num_people();
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    let mut queue = VecDeque::new();
    let mut around = Vec::new();
    for &s in starts {
        if placed[s as usize] {
            continue;
        }
        placed[s as usize] = true;
        queue.push_back(s);
        while let Some(u) = queue.pop_front() {
            order.push(u);
            around.clear();
            for layer in net.layers() {
                around.extend(layer.successors(u).iter().filter(|&&v| !placed[v as usize]));
            }
            if let Some(d) = by_degree {
                around.sort_by_key(|&v| d[v as usize]);
            }
            for &v in &around {
                if !placed[v as usize] {
                    placed[v as usize] = true;
                    queue.push_back(v);
                }
            }
        }
    }
    order
}

/// The order `kind` of `net`'s people.
#[must_use]
pub fn order(net: &CompiledNetwork, kind: Order) -> Vec<u32> {
    let n = net.num_people() as u32;
    match kind {
        Order::Identity => (0..n).collect(),
        Order::BreadthFirst => breadth_first(net, &(0..n).collect::<Vec<_>>(), None),
        Order::ReverseCuthillMcKee => {
            let d = degrees(net);
            let mut starts: Vec<u32> = (0..n).collect();
            starts.sort_by_key(|&v| d[v as usize]);
            let mut order = breadth_first(net, &starts, Some(&d));
            order.reverse();
            order
        }
        Order::Degree => {
            let d = degrees(net);
            let mut order: Vec<u32> = (0..n).collect();
            order.sort_by_key(|&v| std::cmp::Reverse(d[v as usize]));
            order
        }
    }
}

/// The inverse of a permutation: `new_of[order[k]] = k`.
///
/// # Errors
/// [`Error::InvalidParameter`] when `order` is not a permutation of `0..n`.
pub fn positions(order: &[u32], n: usize) -> Result<Vec<u32>> {
    let bad = || Error::invalid("order", order.len(), format!("a permutation of the {n} people"));
    if order.len() != n {
        return Err(bad());
    }
    let mut new_of = vec![u32::MAX; n];
    for (k, &v) in order.iter().enumerate() {
        let slot = new_of.get_mut(v as usize).ok_or_else(bad)?;
        if *slot != u32::MAX {
            return Err(bad());
        }
        *slot = k as u32;
    }
    Ok(new_of)
}

/// A copy of `net` with person `order[k]` numbered `k`: rows moved, targets relabelled, each
/// row's ties (and their attributes) in their original order; per-person attributes moved
/// with their person.
///
/// # Errors
/// [`Error::InvalidParameter`] when `order` is not a permutation of the people.
pub fn renumber(net: &CompiledNetwork, order: &[u32]) -> Result<CompiledNetwork> {
    let new_of = positions(order, net.num_people())?;
    let layers = net.layers().iter().map(|l| renumber_layer(l, order, &new_of)).collect();
    let take = |k: usize| order[k] as usize;
    let n = order.len();
    Ok(CompiledNetwork {
        num_people: net.num_people,
        layers,
        kinds: (0..n).map(|k| net.kinds[take(k)]).collect(),
        costs: (0..n).map(|k| net.costs[take(k)]).collect(),
        groups: (0..n).map(|k| net.groups[take(k)]).collect(),
        group_names: net.group_names.clone(),
        positions: net.positions.as_ref().map(|p| (0..n).map(|k| p[take(k)]).collect()),
        labels: (0..n).map(|k| net.labels[take(k)].clone()).collect(),
        by_label: LabelIndex::default(),
    })
}

/// One layer of [`renumber`].
fn renumber_layer(l: &CompiledLayer, order: &[u32], new_of: &[u32]) -> CompiledLayer {
    let slots = l.num_slots();
    let mut offsets = Vec::with_capacity(order.len() + 1);
    let mut targets = Vec::with_capacity(slots);
    let mut weights = Vec::with_capacity(slots);
    let mut probabilities = Vec::with_capacity(slots);
    let mut multiplicity = Vec::with_capacity(slots);
    let mut signs = Vec::with_capacity(slots);
    offsets.push(0u32);
    for &v in order {
        let r = l.range(v);
        targets.extend(l.targets[r.clone()].iter().map(|&t| new_of[t as usize]));
        weights.extend_from_slice(&l.weights[r.clone()]);
        probabilities.extend_from_slice(&l.probabilities[r.clone()]);
        multiplicity.extend_from_slice(&l.multiplicity[r.clone()]);
        signs.extend_from_slice(&l.signs[r]);
        offsets.push(targets.len() as u32);
    }
    CompiledLayer {
        name: l.name.clone(),
        kind: l.kind,
        directed: l.directed,
        probability: l.probability,
        latency: l.latency,
        shadow: l.shadow,
        offsets,
        targets,
        weights,
        probabilities,
        multiplicity,
        signs,
        plain: l.plain,
    }
}

#[cfg(test)]
mod tests {
    use super::{Order, order, positions, renumber};
    use crate::cascade::{Model, SimulateRequest, simulate};

    /// Every order is a permutation, and a renumbered copy has the same ties, relabelled.
    #[test]
    fn renumbering_moves_rows_and_relabels_targets() {
        let net = crate::datasets::aarhus_cs().compile();
        for kind in
            [Order::Identity, Order::BreadthFirst, Order::ReverseCuthillMcKee, Order::Degree]
        {
            let o = order(&net, kind);
            let new_of = positions(&o, net.num_people()).unwrap();
            let copy = renumber(&net, &o).unwrap();
            assert_eq!(copy.num_directed_ties(), net.num_directed_ties());
            for (a, b) in net.layers().iter().zip(copy.layers()) {
                for v in 0..net.num_people() as u32 {
                    let mapped: Vec<u32> =
                        a.successors(v).iter().map(|&t| new_of[t as usize]).collect();
                    assert_eq!(b.successors(new_of[v as usize]), &mapped[..], "{kind:?}");
                    assert_eq!(b.weights()[b.range(new_of[v as usize])], a.weights()[a.range(v)]);
                }
            }
            assert_eq!(copy.label(new_of[3]), net.label(3));
        }
        assert!(positions(&[0, 0, 1], 3).is_err());
        assert!(positions(&[0, 1], 3).is_err());
        assert!(positions(&[0, 1, 5], 3).is_err());
    }

    /// Independent Cascade with one probability on every tie samples the same cascades on a
    /// renumbered copy from the mapped seeds: each person's count moves with them, bit for bit.
    #[test]
    fn uniform_independent_cascade_is_the_same_on_a_renumbered_copy() {
        let net = crate::datasets::aarhus_cs().compile();
        let model = Model::independent_cascade(0.15);
        let seeds = vec![0u32, 7, 30];
        let base =
            simulate(&net, &SimulateRequest::new(seeds.clone()).model(model.clone()).runs(300))
                .unwrap();
        for kind in [Order::BreadthFirst, Order::ReverseCuthillMcKee, Order::Degree] {
            let o = order(&net, kind);
            let new_of = positions(&o, net.num_people()).unwrap();
            let copy = renumber(&net, &o).unwrap();
            let mapped: Vec<u32> = seeds.iter().map(|&s| new_of[s as usize]).collect();
            let s = simulate(&copy, &SimulateRequest::new(mapped).model(model.clone()).runs(300))
                .unwrap();
            assert_eq!(s.total.mean.to_bits(), base.total.mean.to_bits(), "{kind:?}");
            for (v, &k) in new_of.iter().enumerate() {
                let a = base.total.activation[v].to_bits();
                assert_eq!(s.total.activation[k as usize].to_bits(), a, "{kind:?}");
            }
        }
    }
}
