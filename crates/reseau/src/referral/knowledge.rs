//! What the routing strategies know, worked out once per call: the union of the layers,
//! breadth-first distances, landmarks, ties into each group and degrees.

use std::collections::HashMap;

use crate::compiled::{CompiledNetwork, NO_GROUP};

/// Distance of a person a search did not reach.
pub(crate) const FAR: u32 = u32::MAX;

/// How many landmarks the greedy estimate uses (fewer on a smaller network).
pub(crate) const LANDMARKS: usize = 8;

/// Target distances the oracle keeps before it starts again (about 256 MB).
const ORACLE_CACHE_ENTRIES: usize = 1 << 26;

/// Every layer's ties in one compressed adjacency.
#[derive(Debug, Clone)]
pub(crate) struct Union {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

/// Which way a [`Union`] follows the ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// As they point.
    Forward,
    /// Turned round: who reaches whom.
    Reverse,
}

impl Union {
    /// The union of `net`'s layers, each tie as it points or turned round.
    pub(crate) fn new(net: &CompiledNetwork, direction: Direction) -> Self {
        let reverse = direction == Direction::Reverse;
        let n = net.num_people();
        let mut offsets = vec![0u32; n + 1];
        for layer in net.layers() {
            if reverse {
                for &v in layer.targets() {
                    offsets[v as usize + 1] += 1;
                }
            } else {
                for u in 0..n {
                    offsets[u + 1] += layer.out_degree(u as u32) as u32;
                }
            }
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; offsets[n] as usize];
        for layer in net.layers() {
            for u in 0..n as u32 {
                for &v in layer.successors(u) {
                    let (from, to) = if reverse { (v, u) } else { (u, v) };
                    targets[fill[from as usize] as usize] = to;
                    fill[from as usize] += 1;
                }
            }
        }
        Union { offsets, targets }
    }

    #[inline]
    fn neighbours(&self, u: u32) -> &[u32] {
        &self.targets[self.offsets[u as usize] as usize..self.offsets[u as usize + 1] as usize]
    }

    /// Hop distances from `source` into `dist` ([`FAR`] where unreachable).
    pub(crate) fn bfs(&self, source: u32, dist: &mut Vec<u32>, queue: &mut Vec<u32>) {
        let n = self.offsets.len() - 1;
        dist.clear();
        dist.resize(n, FAR);
        queue.clear();
        dist[source as usize] = 0;
        queue.push(source);
        let mut head = 0;
        while head < queue.len() {
            let u = queue[head];
            head += 1;
            let d = dist[u as usize] + 1;
            for &v in self.neighbours(u) {
                if dist[v as usize] == FAR {
                    dist[v as usize] = d;
                    queue.push(v);
                }
            }
        }
    }
}

/// Both directions of the union: `reverse` shares `forward` when no layer is directed.
#[derive(Debug, Clone)]
pub(crate) struct Graph {
    forward: Union,
    reverse: Option<Union>,
}

impl Graph {
    pub(crate) fn new(net: &CompiledNetwork) -> Self {
        let directed = net.layers().iter().any(|l| l.directed);
        Graph {
            forward: Union::new(net, Direction::Forward),
            reverse: directed.then(|| Union::new(net, Direction::Reverse)),
        }
    }
    /// Distances *from* `source`.
    pub(crate) fn distances_from(&self, source: u32, dist: &mut Vec<u32>, queue: &mut Vec<u32>) {
        self.forward.bfs(source, dist, queue);
    }
    /// Distances *to* `target`.
    pub(crate) fn distances_to(&self, target: u32, dist: &mut Vec<u32>, queue: &mut Vec<u32>) {
        self.reverse.as_ref().unwrap_or(&self.forward).bfs(target, dist, queue);
    }
}

/// Each person's number of out-ties over every layer.
pub(crate) fn degrees(net: &CompiledNetwork) -> Vec<u32> {
    let mut deg = vec![0u32; net.num_people()];
    for layer in net.layers() {
        for (u, d) in deg.iter_mut().enumerate() {
            *d += layer.out_degree(u as u32) as u32;
        }
    }
    deg
}

/// Distances from and to a few landmarks, for the estimate of d(c, t) as the least
/// d(c, l) + d(l, t) over the landmarks l.
#[derive(Debug, Clone)]
pub(crate) struct Landmarks {
    count: usize,
    /// `to[c·count + i]`: from person c to landmark i, as 16 bits ([`UNREACHED`] when
    /// unreachable, longer distances clamped); `from[t·count + i]`: from landmark i to person t.
    /// Interleaved, so that one person's distances share a cache line.
    to: Vec<u16>,
    from: Vec<u32>,
}

/// A 16-bit landmark distance that was not reached.
const UNREACHED: u16 = u16::MAX;
/// Stands for "unreached" in the estimate's sums: larger than any two real distances.
const BIG: u32 = 1 << 20;

impl Landmarks {
    /// The [`LANDMARKS`] people with the most ties (in and out, over every layer; the lowest
    /// id first among equals).
    pub(crate) fn new(net: &CompiledNetwork, graph: &Graph) -> Self {
        let n = net.num_people();
        let mut total = degrees(net);
        for layer in net.layers() {
            for &v in layer.targets() {
                total[v as usize] += 1;
            }
        }
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_by_key(|&u| (std::cmp::Reverse(total[u as usize]), u));
        order.truncate(LANDMARKS.min(n));
        let count = order.len();
        let (mut to, mut from) = (vec![UNREACHED; n * count], vec![FAR; n * count]);
        let (mut dist, mut queue) = (Vec::new(), Vec::new());
        for (i, &l) in order.iter().enumerate() {
            graph.distances_to(l, &mut dist, &mut queue);
            for (c, &d) in dist.iter().enumerate() {
                to[c * count + i] =
                    if d == FAR { UNREACHED } else { d.min(u32::from(UNREACHED) - 1) as u16 };
            }
            graph.distances_from(l, &mut dist, &mut queue);
            for (t, &d) in dist.iter().enumerate() {
                from[t * count + i] = d;
            }
        }
        Landmarks { count, to, from }
    }

    /// The distances from each landmark to `t`, ready for [`Landmarks::estimate_from`].
    #[inline]
    pub(crate) fn to_target(&self, t: u32, out: &mut [u32; LANDMARKS]) {
        let start = t as usize * self.count;
        out.fill(BIG);
        for (o, &d) in out.iter_mut().zip(&self.from[start..start + self.count]) {
            *o = if d == FAR { BIG } else { d.min(BIG - 1) };
        }
    }

    /// The estimate of the distance from `c` to the target whose [`Landmarks::to_target`] is
    /// `from_target` ([`FAR`] when no landmark joins them).
    #[inline]
    pub(crate) fn estimate_from(&self, c: u32, from_target: &[u32; LANDMARKS]) -> u32 {
        let start = c as usize * self.count;
        let mut best = 2 * BIG;
        for (&a, &b) in self.to[start..start + self.count].iter().zip(from_target) {
            let a = if a == UNREACHED { BIG } else { u32::from(a) };
            best = best.min(a + b);
        }
        if best >= BIG { FAR } else { best }
    }
}

/// Each person's number of out-ties into each group: a dense table (group-major, saturating
/// at 65,535) when it is small, else sparse lists of (group, count) sorted by group.
#[derive(Debug, Clone)]
pub(crate) enum GroupTies {
    Dense { people: usize, counts: Vec<u16> },
    Sparse { offsets: Vec<u32>, groups: Vec<u32>, counts: Vec<u32> },
}

/// The largest dense table, in entries (16 MB).
const DENSE_ENTRIES: usize = 1 << 23;

impl GroupTies {
    pub(crate) fn new(net: &CompiledNetwork) -> Self {
        Self::with_limit(net, DENSE_ENTRIES)
    }

    /// Dense when people × groups ≤ `dense_entries`.
    fn with_limit(net: &CompiledNetwork, dense_entries: usize) -> Self {
        let n = net.num_people();
        let (mut offsets, mut groups, mut counts) = (vec![0u32], Vec::new(), Vec::new());
        let mut scratch: Vec<u32> = Vec::new();
        for u in 0..n as u32 {
            scratch.clear();
            for layer in net.layers() {
                for &v in layer.successors(u) {
                    let g = net.groups()[v as usize];
                    if g != NO_GROUP {
                        scratch.push(g);
                    }
                }
            }
            scratch.sort_unstable();
            for chunk in scratch.chunk_by(|a, b| a == b) {
                groups.push(chunk[0]);
                counts.push(chunk.len() as u32);
            }
            offsets.push(groups.len() as u32);
        }
        let g = net.group_names().len();
        if n.saturating_mul(g) <= dense_entries {
            let mut dense = vec![0u16; n * g];
            for u in 0..n {
                for i in offsets[u] as usize..offsets[u + 1] as usize {
                    dense[groups[i] as usize * n + u] = counts[i].min(u32::from(u16::MAX)) as u16;
                }
            }
            return GroupTies::Dense { people: n, counts: dense };
        }
        GroupTies::Sparse { offsets, groups, counts }
    }

    /// How many of `person`'s out-ties lead into group `g`.
    #[inline]
    pub(crate) fn ties_into(&self, person: u32, g: u32) -> u32 {
        match self {
            GroupTies::Dense { people, counts } => {
                u32::from(counts[g as usize * people + person as usize])
            }
            GroupTies::Sparse { offsets, groups, counts } => {
                let r = offsets[person as usize] as usize..offsets[person as usize + 1] as usize;
                match groups[r.clone()].binary_search(&g) {
                    Ok(i) => counts[r.start + i],
                    Err(_) => 0,
                }
            }
        }
    }
}

/// Shortest-path distances to each target met so far (the oracle's knowledge).
#[derive(Debug, Clone, Default)]
pub(crate) struct Oracle {
    // Looked up by key only: the map's order never reaches a result.
    cache: HashMap<u32, Vec<u32>>,
    queue: Vec<u32>,
}

impl Oracle {
    /// Distances from everyone to `target`.
    pub(crate) fn distances(&mut self, graph: &Graph, target: u32) -> &[u32] {
        if !self.cache.contains_key(&target) {
            let n = graph.forward.offsets.len() - 1;
            if (self.cache.len() + 1) * n > ORACLE_CACHE_ENTRIES {
                self.cache.clear();
            }
            let mut dist = Vec::new();
            graph.distances_to(target, &mut dist, &mut self.queue);
            self.cache.insert(target, dist);
        }
        &self.cache[&target]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_and_sparse_group_ties_agree() {
        let options = crate::generators::ProfessionalOptions { people: 300, ..Default::default() };
        let view = crate::generators::professional(&options, 4).unwrap().compile();
        let (dense, sparse) = (GroupTies::new(&view), GroupTies::with_limit(&view, 0));
        assert!(matches!(dense, GroupTies::Dense { .. }));
        assert!(matches!(sparse, GroupTies::Sparse { .. }));
        let mut total = 0;
        for u in 0..300 {
            for g in 0..view.group_names().len() as u32 {
                assert_eq!(dense.ties_into(u, g), sparse.ties_into(u, g));
                total += dense.ties_into(u, g);
            }
        }
        assert_eq!(total as usize, view.num_directed_ties());
    }

    #[test]
    fn landmark_estimates_bound_true_distances_from_above() {
        let view = crate::generators::erdos_renyi(200, 3.0, 2).unwrap().compile();
        let graph = Graph::new(&view);
        let landmarks = Landmarks::new(&view, &graph);
        let (mut dist, mut queue) = (Vec::new(), Vec::new());
        for t in [0u32, 17, 123] {
            graph.distances_to(t, &mut dist, &mut queue);
            let mut from_target = [0; LANDMARKS];
            landmarks.to_target(t, &mut from_target);
            for c in 0..200u32 {
                let estimate = landmarks.estimate_from(c, &from_target);
                if estimate != FAR {
                    assert!(estimate >= dist[c as usize], "{c} -> {t}");
                }
            }
        }
    }
}
