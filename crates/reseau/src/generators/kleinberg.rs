//! Kleinberg's navigable small world.

use super::{MAX_PEOPLE, check_memory, check_people, check_ties, tie};
use crate::rng::Stream;
use crate::{Error, Layer, Network, Person, Result};

/// Consecutive rejected proposals after which one draw falls back to exact enumeration.
/// Reached only when the few nearby free places are taken and r is large; at the worst
/// ordinary acceptance rate (about 1/8, r = 0 from a corner) the chance is below 10^-57.
const MAX_REJECTIONS: u32 = 1_000;

/// Kleinberg's lattice (Nature 406:845, 2000): `side` × `side` people on a grid (no
/// wrap-around), each with directed ties to its lattice neighbours at distance 1 and
/// `long_range` directed long-range ties to people chosen with probability ∝ d^(−`r`), d the
/// Manhattan distance.
///
/// - **People:** person `y·side + x` sits at `(x, y)`: [`Person::position`] is `[x, y]` (so
///   that greedy routing can use lattice distance) and the label is `"x,y"`
///   (`net.index_of("3,4")`).
/// - **Ties:** one *directed* physical layer [`LAYER`](super::LAYER), weight 1. For each
///   person in id order: the lattice ties to (x + 1, y), (x − 1, y), (x, y + 1), (x, y − 1)
///   when on the grid, then the long-range ties in the order drawn. The opposite lattice tie
///   comes from the neighbour, so the lattice is tied both ways.
/// - **Long-range contacts** are distinct and never a lattice neighbour: each is drawn with
///   probability ∝ d^(−r) among the people not yet tied from this person. Out-degree is
///   therefore exactly (2, 3 or 4 lattice neighbours) + `long_range`.
///
/// Requires `r` finite and ≥ 0 and `long_range` ≤ side² − 1 − 4 (the people a central person
/// is not yet tied to; − 2 for a 2 × 2 grid, − 0 for 1 × 1). `side` = 0 gives an empty network.
///
/// Sampling is exact and costs O(log side) per long-range tie; see the comment in the source.
///
/// ```
/// use reseau::generators::kleinberg;
/// let net = kleinberg(10, 2.0, 1, 1)?;
/// assert_eq!(net.num_people(), 100);
/// assert!(net.layers()[0].directed);
/// // 4·10·9 lattice ties (both ways) and one long-range tie each.
/// assert_eq!(net.num_ties(), 360 + 100);
/// let corner = net.index_of("9,9").unwrap();
/// assert_eq!(net.person(corner)?.position, Some([9.0, 9.0]));
/// assert!(kleinberg(10, -1.0, 1, 1).is_err());
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn kleinberg(side: usize, r: f64, long_range: usize, seed: u64) -> Result<Network> {
    let people = side.checked_mul(side).ok_or_else(|| {
        Error::invalid("side", side, format!("side² at most {MAX_PEOPLE} people"))
    })?;
    check_people("side²", people)?;
    if !(r.is_finite() && r >= 0.0) {
        return Err(Error::invalid("r", r, "a finite number >= 0"));
    }
    let lattice_degree = match side {
        0 | 1 => 0,
        2 => 2,
        _ => 4,
    };
    let room = people.saturating_sub(1 + lattice_degree);
    if people > 0 && long_range > room {
        return Err(Error::invalid(
            "long_range",
            long_range,
            format!("at most {room} on a {side}×{side} grid (people not already neighbours)"),
        ));
    }
    check_ties("long_range", long_range, people as f64 * (lattice_degree + long_range) as f64)?;
    check_memory(people, people as f64 * (lattice_degree + long_range) as f64)?;

    let mut net = Network::new();
    let layer = net.add_layer(Layer::physical(super::LAYER).directed(true))?;
    let side = side as u32;
    for y in 0..side {
        for x in 0..side {
            net.add_person(
                Person::new().label(format!("{x},{y}")).position(f64::from(x), f64::from(y)),
            )?;
        }
    }
    if side == 0 {
        return Ok(net);
    }

    // Exactness. The proposal picks a shell d ∈ 1..=D with weight (4d)·d^(−r), 4d being the
    // number of points at distance d on the infinite lattice, then one of those 4d points
    // uniformly. Each point v of the infinite lattice within distance D is thus proposed with
    // probability d(u, v)^(−r) / Σ, the same constant Σ for all. Rejecting the points off the
    // grid, and those u is already tied to, leaves each remaining grid point with probability
    // ∝ d(u, v)^(−r): exactly the target. D = the distance from u to the farthest corner, so
    // that no grid point is left out; the shell weights are one prefix-sum table for all u.
    let max_distance = 2 * (side - 1) as usize;
    let mut prefix = Vec::with_capacity(max_distance + 1);
    prefix.push(0.0f64);
    for d in 1..=max_distance {
        let shell = 4.0 * (d as f64).powf(1.0 - r);
        prefix.push(prefix[d - 1] + shell);
    }

    let mut rng = Stream::new(seed, 0);
    // tied_from[v] == u + 1: u already has a tie to v.
    let mut tied_from = vec![0u32; people];
    let id = |x: u32, y: u32| y * side + x;
    for y in 0..side {
        for x in 0..side {
            let u = id(x, y);
            let mark = u + 1;
            let steps = [(1i64, 0i64), (-1, 0), (0, 1), (0, -1)];
            for (dx, dy) in steps {
                if let Some(v) = on_grid(side, x, y, dx, dy) {
                    tied_from[v as usize] = mark;
                    tie(&mut net, u, v, layer)?;
                }
            }
            let reach = x.max(side - 1 - x) + y.max(side - 1 - y);
            let table = &prefix[..=reach as usize];
            for _ in 0..long_range {
                let v = draw_contact(&mut rng, table, side, x, y, r, |v| {
                    tied_from[v as usize] != mark && v != u
                });
                tied_from[v as usize] = mark;
                tie(&mut net, u, v, layer)?;
            }
        }
    }
    Ok(net)
}

/// The id of (x + dx, y + dy) if it is on the grid.
#[inline]
fn on_grid(side: u32, x: u32, y: u32, dx: i64, dy: i64) -> Option<u32> {
    let (vx, vy) = (i64::from(x) + dx, i64::from(y) + dy);
    let s = i64::from(side);
    ((0..s).contains(&vx) && (0..s).contains(&vy)).then(|| (vy * s + vx) as u32)
}

/// One long-range contact of (x, y), ∝ d^(−r) among the people `free` accepts.
fn draw_contact(
    rng: &mut Stream,
    table: &[f64],
    side: u32,
    x: u32,
    y: u32,
    r: f64,
    free: impl Fn(u32) -> bool,
) -> u32 {
    let reach = table.len() - 1;
    let total = table[reach];
    for _ in 0..MAX_REJECTIONS {
        let target = rng.uniform() * total;
        // The first shell whose cumulative weight exceeds the target (zero-weight shells,
        // underflowed for a huge r, are never chosen); clamp() guards the rounding of u·total.
        let d = table.partition_point(|&c| c <= target).clamp(1, reach) as u64;
        let t = rng.below(4 * d);
        // d <= 2·(2^16 − 1): the u32 casts are exact.
        let (side_of_diamond, i) = (t / d, i64::from((t % d) as u32));
        let d = i64::from(d as u32);
        let (dx, dy) = match side_of_diamond {
            0 => (d - i, i),
            1 => (-i, d - i),
            2 => (i - d, -i),
            _ => (i, i - d),
        };
        if let Some(v) = on_grid(side, x, y, dx, dy) {
            if free(v) {
                return v;
            }
        }
    }
    exact_contact(rng, side, x, y, r, free)
}

/// The same draw by enumerating the grid: O(side²), for the rare case where rejection stalls.
/// Still exact: a rejected proposal says nothing about the value an accepted one would have had.
fn exact_contact(
    rng: &mut Stream,
    side: u32,
    x: u32,
    y: u32,
    r: f64,
    free: impl Fn(u32) -> bool,
) -> u32 {
    let distance = |v: u32| (v % side).abs_diff(x) + (v / side).abs_diff(y);
    let candidates: Vec<u32> = (0..side * side).filter(|&v| free(v)).collect();
    // Weights relative to the nearest candidate, so that a large r cannot underflow them all.
    let nearest = candidates.iter().map(|&v| distance(v)).min().expect("validated: room left");
    let mut cumulative = Vec::with_capacity(candidates.len());
    let mut total = 0.0;
    for &v in &candidates {
        total += (f64::from(nearest) / f64::from(distance(v))).powf(r);
        cumulative.push(total);
    }
    let target = rng.uniform() * total;
    let k = cumulative.partition_point(|&c| c <= target).min(candidates.len() - 1);
    candidates[k]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PersonId;

    #[test]
    fn out_degree_is_exact_even_when_nearly_full() {
        // 3×3 grid: the centre has 4 neighbours and 4 other people; long_range = 4 takes all.
        let net = kleinberg(3, 2.0, 4, 2).unwrap();
        assert_eq!(net.duplicates_merged(), 0);
        let layer = net.layer_id(crate::generators::LAYER).unwrap();
        let mut out = [0; 9];
        for t in net.ties_in(layer).unwrap() {
            out[t.source.index()] += 1;
        }
        assert_eq!(out[4], 8);
        assert!(kleinberg(3, 2.0, 5, 2).is_err());
    }

    #[test]
    fn huge_exponent_falls_back_to_exact_enumeration() {
        // r = 1000: every proposal lands at distance 1 (taken), so the fallback must run; it
        // then picks among the distance-2 people only.
        let net = kleinberg(5, 1_000.0, 2, 3).unwrap();
        for t in net.ties() {
            let (a, b) = (net.person(t.source).unwrap(), net.person(t.target).unwrap());
            let (pa, pb) = (a.position.unwrap(), b.position.unwrap());
            let d = (pa[0] - pb[0]).abs() + (pa[1] - pb[1]).abs();
            assert!(d <= 2.0, "{d}");
        }
        assert_eq!(net.num_ties(), 4 * 5 * 4 + 25 * 2);
    }

    #[test]
    fn labels_and_positions() {
        let net = kleinberg(4, 0.0, 0, 1).unwrap();
        let p = net.index_of("1,2").unwrap();
        assert_eq!(p, PersonId(2 * 4 + 1));
        assert_eq!(net.person(p).unwrap().position, Some([1.0, 2.0]));
        assert_eq!(kleinberg(0, 2.0, 7, 1).unwrap().num_people(), 0);
        assert_eq!(kleinberg(1, 2.0, 0, 1).unwrap().num_ties(), 0);
        assert!(kleinberg(1, 2.0, 1, 1).is_err());
        assert!(kleinberg(2, f64::NAN, 0, 1).is_err());
    }
}
