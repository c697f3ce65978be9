//! k-core numbers (Batagelj & Zaversnik, "An O(m) algorithm for cores decomposition of
//! networks", 2003).

use crate::compiled::CompiledNetwork;

/// Each person's core number on the aggregate undirected simple graph of `layers`: two people
/// are neighbours when tied in any of them, either way; self-loops are ignored. The core number
/// of v is the largest k such that v belongs to a subgraph where everyone has degree ≥ k
/// (networkx's `core_number`).
pub(crate) fn core_numbers(net: &CompiledNetwork, layers: &[usize]) -> Vec<u32> {
    let n = net.num_people();
    // Neighbour lists, both directions, deduplicated.
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for &l in layers {
        let layer = &net.layers()[l];
        for u in 0..n as u32 {
            for &v in layer.successors(u) {
                if u != v {
                    pairs.push((u, v));
                    pairs.push((v, u));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut offsets = vec![0usize; n + 1];
    for &(u, _) in &pairs {
        offsets[u as usize + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let neighbours = |u: usize| pairs[offsets[u]..offsets[u + 1]].iter().map(|&(_, v)| v as usize);
    let mut degree: Vec<usize> = (0..n).map(|u| offsets[u + 1] - offsets[u]).collect();
    let max_degree = degree.iter().copied().max().unwrap_or(0);
    // Bucket sort by degree: `order` holds people by degree, `start[d]` where degree d begins.
    let mut start = vec![0usize; max_degree + 2];
    for &d in &degree {
        start[d + 1] += 1;
    }
    for d in 0..=max_degree {
        start[d + 1] += start[d];
    }
    let mut position = vec![0usize; n];
    let mut order = vec![0usize; n];
    let mut fill = start.clone();
    for v in 0..n {
        position[v] = fill[degree[v]];
        order[position[v]] = v;
        fill[degree[v]] += 1;
    }
    for i in 0..n {
        let v = order[i];
        for u in neighbours(v) {
            if degree[u] > degree[v] {
                // Move u to the front of its bucket, then shrink its degree by one.
                let du = degree[u];
                let first = start[du];
                let w = order[first];
                if u != w {
                    order.swap(position[u], first);
                    position[w] = position[u];
                    position[u] = first;
                }
                start[du] += 1;
                degree[u] -= 1;
            }
        }
    }
    degree.into_iter().map(|d| d as u32).collect()
}
