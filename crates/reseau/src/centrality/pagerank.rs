//! PageRank by power iteration, as networkx computes it, and Halu et al.'s multiplex PageRank.

use serde::{Deserialize, Serialize};

use crate::compiled::CompiledNetwork;
use crate::control::Control;
use crate::error::Result;

/// A weighted directed graph as compressed rows: `targets[offsets[u]..offsets[u + 1]]` are
/// `u`'s out-ties. Repeated targets are allowed (their weights add up).
#[derive(Debug, Clone, Default)]
pub(crate) struct Csr {
    pub(crate) offsets: Vec<usize>,
    pub(crate) targets: Vec<u32>,
    pub(crate) weights: Vec<f64>,
}

impl Csr {
    /// The union of `layers` of `net` (both directions of an undirected tie), weighted by the
    /// ties' weights or, when `weighted` is off, 1 per tie.
    pub(crate) fn from_layers(net: &CompiledNetwork, layers: &[usize], weighted: bool) -> Self {
        let n = net.num_people();
        let mut g = Csr { offsets: Vec::with_capacity(n + 1), ..Csr::default() };
        g.offsets.push(0);
        for u in 0..n as u32 {
            for &l in layers {
                let layer = &net.layers()[l];
                for slot in layer.range(u) {
                    g.targets.push(layer.targets()[slot]);
                    g.weights.push(if weighted { f64::from(layer.weights()[slot]) } else { 1.0 });
                }
            }
            g.offsets.push(g.targets.len());
        }
        g
    }

    pub(crate) fn num_nodes(&self) -> usize {
        self.offsets.len() - 1
    }
}

/// Power-iteration settings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Power {
    pub(crate) damping: f64,
    /// Stop when the L1 change of an iteration is below `n · tolerance` (networkx's rule).
    pub(crate) tolerance: f64,
    pub(crate) max_iterations: u32,
}

/// PageRank of `g`, with the walker's step from `u` to `v` weighted by `w(u, v) · bias[v]`
/// (`bias` all 1 for plain PageRank) and teleporting, with probability 1 − damping and from
/// dangling people (no out-weight) always, by the distribution `teleport` (uniform when
/// `None`).
///
/// This is networkx's `pagerank` iteration (x ← d·(x·P + Σ dangling x · t) + (1 − d)·t,
/// started from the uniform vector, stopped when ‖x − x_last‖₁ < n · tolerance), so that the
/// two agree to the tolerance. Returns the scores and the iterations run; `control` is
/// looked at before each iteration (a tolerance that is never met runs `max_iterations`,
/// up to 2^32, each as long as the ties).
pub(crate) fn pagerank(
    g: &Csr,
    power: Power,
    bias: Option<&[f64]>,
    teleport: Option<&[f64]>,
    control: &Control<'_>,
) -> Result<(Vec<f64>, u32)> {
    let n = g.num_nodes();
    if n == 0 {
        return Ok((Vec::new(), 0));
    }
    let nf = n as f64;
    let weight = |slot: usize| g.weights[slot] * bias.map_or(1.0, |b| b[g.targets[slot] as usize]);
    // Each person's out-weight; 0 marks a dangling person.
    let out: Vec<f64> =
        (0..n).map(|u| (g.offsets[u]..g.offsets[u + 1]).map(weight).sum()).collect();
    let uniform = vec![1.0 / nf; n];
    let t = teleport.unwrap_or(&uniform);
    let mut x = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    let d = power.damping;
    let mut iterations = 0;
    while iterations < power.max_iterations {
        control.check()?;
        iterations += 1;
        let dangling: f64 = (0..n).filter(|&u| out[u] <= 0.0).map(|u| x[u]).sum();
        next.fill(0.0);
        for u in 0..n {
            if out[u] <= 0.0 {
                continue;
            }
            let share = x[u] / out[u];
            for slot in g.offsets[u]..g.offsets[u + 1] {
                next[g.targets[slot] as usize] += share * weight(slot);
            }
        }
        for v in 0..n {
            next[v] = d * (next[v] + dangling * t[v]) + (1.0 - d) * t[v];
        }
        let change: f64 = x.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if change < nf * power.tolerance {
            break;
        }
    }
    Ok((x, iterations))
}

/// How the multiplex PageRank of Halu, Mondragón, Panzarasa & Bianconi ("Multiplex PageRank",
/// PLoS ONE 8(10): e78293, 2013) lets one layer's centrality shape the walk on the next.
///
/// With x the centrality from the layers before, the walk on a layer steps from u to v with
/// probability ∝ w(u, v) · x_v^β and teleports to v with probability ∝ x_v^γ.
///
/// ```
/// use reseau::reputation::MultiplexPageRank;
/// assert_eq!(MultiplexPageRank::default(), MultiplexPageRank::Multiplicative);
/// let parsed: MultiplexPageRank = serde_json::from_str("\"combined\"").unwrap();
/// assert_eq!(parsed.exponents(), (1.0, 1.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MultiplexPageRank {
    /// β = 1, γ = 0: a walker prefers contacts central in the other layers (the default).
    #[default]
    Multiplicative,
    /// β = 0, γ = 1: teleports land on people central in the other layers.
    Additive,
    /// β = γ = 1: both.
    Combined,
    /// β = γ = 0: the layers do not interact (the last layer's own PageRank).
    Neutral,
}

impl MultiplexPageRank {
    /// The exponents (β, γ).
    ///
    /// ```
    /// use reseau::reputation::MultiplexPageRank;
    /// assert_eq!(MultiplexPageRank::Multiplicative.exponents(), (1.0, 0.0));
    /// ```
    pub fn exponents(self) -> (f64, f64) {
        match self {
            MultiplexPageRank::Multiplicative => (1.0, 0.0),
            MultiplexPageRank::Additive => (0.0, 1.0),
            MultiplexPageRank::Combined => (1.0, 1.0),
            MultiplexPageRank::Neutral => (0.0, 0.0),
        }
    }
}

/// The multiplex PageRank over `layers` in order: the first layer's PageRank, then each next
/// layer's walk biased by the centrality so far (Halu et al. 2013, chained as they suggest for
/// more than two layers). Dangling people teleport like everyone else. `None` without
/// layers.
pub(crate) fn multiplex(
    layers: &[Csr],
    power: Power,
    variant: MultiplexPageRank,
    control: &Control<'_>,
) -> Result<Option<Vec<f64>>> {
    let (beta, gamma) = variant.exponents();
    let mut x: Option<Vec<f64>> = None;
    for g in layers {
        x = Some(match x {
            None => pagerank(g, power, None, None, control)?.0,
            Some(prev) => {
                let bias: Option<Vec<f64>> = (beta > 0.0).then(|| prev.clone());
                let teleport: Option<Vec<f64>> = (gamma > 0.0).then(|| {
                    let total: f64 = prev.iter().sum();
                    prev.iter().map(|p| p / total).collect()
                });
                pagerank(g, power, bias.as_deref(), teleport.as_deref(), control)?.0
            }
        });
    }
    Ok(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csr(n: usize, edges: &[(u32, u32, f64)]) -> Csr {
        let mut g = Csr { offsets: vec![0; n + 1], ..Csr::default() };
        let mut sorted = edges.to_vec();
        sorted.sort_by_key(|e| e.0);
        for &(u, v, w) in &sorted {
            g.offsets[u as usize + 1] += 1;
            g.targets.push(v);
            g.weights.push(w);
        }
        for i in 0..n {
            g.offsets[i + 1] += g.offsets[i];
        }
        g
    }

    #[test]
    fn a_two_cycle_splits_evenly_and_a_sink_gets_the_most() {
        let power = Power { damping: 0.85, tolerance: 1e-14, max_iterations: 1000 };
        let (x, _) =
            pagerank(&csr(2, &[(0, 1, 1.0), (1, 0, 1.0)]), power, None, None, &Control::none())
                .unwrap();
        assert!((x[0] - 0.5).abs() < 1e-12 && (x[1] - 0.5).abs() < 1e-12);
        // 0 -> 1, 1 dangling: x0 = 0.85·x1/2 + 0.15/2 with x0 + x1 = 1, so x0 = 0.5/1.425.
        let (x, _) =
            pagerank(&csr(2, &[(0, 1, 1.0)]), power, None, None, &Control::none()).unwrap();
        let x0 = 0.5 / 1.425;
        assert!((x[0] + x[1] - 1.0).abs() < 1e-12);
        assert!((x[0] - x0).abs() < 1e-9, "{x:?} vs {x0}");
    }
}
