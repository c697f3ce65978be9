//! Bucketed subset sampling: which of a person's incoming ties are live when each has its own
//! probability, in time proportional to the live ones rather than to all of them.
//!
//! A person's incoming slots are grouped by probability bucket, bucket j holding the ties with
//! p in (2^−(j+1), 2^−j]. Within a bucket, candidates are drawn by geometric skips with the
//! bucket's upper bound q = 2^−j, and each candidate is kept with probability p/q (above ½):
//! a tie is then a candidate with probability q and kept with p/q, live with probability p,
//! independently of every other tie, as the live-edge model asks (Bringmann & Panagiotou,
//! ICALP 2012; the subset sampling of SUBSIM, Guo et al., SIGMOD 2020). The expected number of
//! draws is about the number of non-empty buckets plus twice the expected number of live ties,
//! where one draw per tie was needed before.
//!
//! Ties of bucket 0 (p above ½, or at least 1: always live) gain nothing from skipping and get
//! one draw each (none when p ≥ 1). Probabilities at or below 2^−[`LAST`] share the last
//! bucket: still exact, only less tight.

// The docs write maths as the papers do (2^−j, p/q).
#![allow(clippy::doc_markdown)]

use std::sync::OnceLock;

use crate::rng::{GapTable, Stream};

/// The last bucket: everything at or below 2^−31 is drawn with q = 2^−31.
pub(crate) const LAST: u32 = 31;

/// The fewest incoming ties for which a person is bucketed (chosen by measurement; see
/// docs/performance/subset_sampling.md): below it one draw per tie costs less than a gap
/// draw per non-empty bucket plus the indirection through the permutation. The benchmark
/// that chose it builds with `RESEAU_SUBSET_MIN_TIES` set to try others.
pub(crate) const MIN_TIES: usize = match option_env!("RESEAU_SUBSET_MIN_TIES") {
    Some(digits) => decimal(digits),
    None => 16,
};

/// A decimal number, at compile time.
pub(crate) const fn decimal(digits: &str) -> usize {
    let (bytes, mut i, mut x) = (digits.as_bytes(), 0, 0);
    while i < bytes.len() {
        assert!(bytes[i].is_ascii_digit(), "RESEAU_SUBSET_MIN_TIES: digits only");
        x = x * 10 + (bytes[i] - b'0') as usize;
        i += 1;
    }
    x
}

/// The slots of the people whose incoming ties are bucketed, grouped by bucket.
///
/// Stored compactly: a permutation of those people's slots (4 bytes a slot), one run of 8
/// bytes per non-empty bucket, and 4 bytes per person to find their runs. People with short
/// incoming lists, and ties with other layouts, take nothing but their 4 bytes.
#[derive(Debug, Clone, Default)]
pub(crate) struct Buckets {
    /// Person `v`'s runs are `runs[first[v]..first[v + 1]]` (empty when `v` is not bucketed);
    /// empty when nobody is.
    first: Vec<u32>,
    /// Per non-empty bucket, in increasing j: where its slots end in `order`, and j. A run's
    /// slots start where the previous run (of the same or an earlier person) ends.
    runs: Vec<Run>,
    /// The bucketed people's slots, person by person, bucket by bucket, in slot order within
    /// a bucket.
    order: Vec<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    end: u32,
    bucket: u32,
}

/// The bucket of probability `p` > 0: j with p in (2^−(j+1), 2^−j], 0 for p ≥ ½ and above 1,
/// [`LAST`] below.
pub(crate) fn bucket(p: f32) -> u32 {
    if p > 0.5 || p.is_nan() {
        return 0;
    }
    // p = m·2^e with m in [1, 2): p is in (2^−(j+1), 2^−j] for j = −e − 1, or j = −e when p is
    // exactly 2^e (m = 1). Subnormals and anything smaller fall into the last bucket.
    let bits = p.to_bits();
    // The biased exponent 127 + e; p ≤ ½ makes e ≤ −1. Below 2^−LAST: the last bucket.
    let biased = (bits >> 23) & 0xff;
    if biased + LAST < 127 {
        return LAST;
    }
    let exact = bits.trailing_zeros() >= 23;
    (127 - biased - 1 + u32::from(exact)).min(LAST)
}

/// The gap tables of the buckets' upper bounds 2^−j (index j; bucket 0 draws per tie), built
/// once per process: exact multiplications only, or the portable logarithm for the smallest,
/// so every platform draws the same gaps.
fn gap_tables() -> &'static [GapTable] {
    static TABLES: OnceLock<Vec<GapTable>> = OnceLock::new();
    TABLES.get_or_init(|| (0..=LAST).map(|j| GapTable::new(scale(j).recip())).collect())
}

/// The gap table of bucket j's upper bound 2^−j (j from 1 to [`LAST`]), for other samplers
/// that bucket their ties the same way (the forward cascade engine).
pub(crate) fn gap_table(j: u32) -> &'static GapTable {
    &gap_tables()[j as usize]
}

/// The bucket of a tie whose coin is `x < threshold` for a uniform 53-bit `x` (see
/// [`crate::rng::threshold_53`]; `threshold` in 1..=2^53): j with threshold in
/// (2^(52−j), 2^(53−j)], 0 above 2^52, [`LAST`] below. A candidate of bucket j is then kept
/// when `x < threshold << j`, which never exceeds 2^53: one compare, and exact.
pub(crate) fn bucket_53(threshold: u64) -> u32 {
    // ⌈log2 threshold⌉: threshold is in (2^(b−1), 2^b].
    let b = 64 - (threshold.max(1) - 1).leading_zeros();
    53u32.saturating_sub(b).min(LAST)
}

/// 2^j, exactly.
fn scale(j: u32) -> f64 {
    f64::from_bits((1023 + u64::from(j)) << 52)
}

impl Buckets {
    /// The buckets of the people whose incoming lists `slots(v)` (from `offsets`) hold at
    /// least [`MIN_TIES`] ties and for whom `wanted(v)` holds, with each slot's probability in
    /// `probabilities` (all positive).
    pub(crate) fn new(
        offsets: &[u32],
        probabilities: &[f32],
        wanted: impl Fn(usize) -> bool,
    ) -> Buckets {
        let n = offsets.len().saturating_sub(1);
        let long = |v: usize| (offsets[v + 1] - offsets[v]) as usize >= MIN_TIES && wanted(v);
        if !(0..n).any(long) {
            return Buckets::default();
        }
        let mut first = Vec::with_capacity(n + 1);
        let (mut runs, mut order) = (Vec::new(), Vec::new());
        let mut counts = [0u32; LAST as usize + 1];
        for v in 0..n {
            first.push(runs.len() as u32);
            if !long(v) {
                continue;
            }
            let range = offsets[v] as usize..offsets[v + 1] as usize;
            counts.fill(0);
            for &p in &probabilities[range.clone()] {
                counts[bucket(p) as usize] += 1;
            }
            // A counting sort of the slots by bucket: stable, so slot order within a bucket.
            let mut at = [0u32; LAST as usize + 1];
            let mut end = order.len() as u32;
            for (j, &c) in counts.iter().enumerate() {
                at[j] = end;
                if c > 0 {
                    end += c;
                    runs.push(Run { end, bucket: j as u32 });
                }
            }
            order.resize(end as usize, 0);
            for slot in range {
                let j = bucket(probabilities[slot]) as usize;
                order[at[j] as usize] = slot as u32;
                at[j] += 1;
            }
        }
        first.push(runs.len() as u32);
        Buckets { first, runs, order }
    }

    /// Whether person `v`'s ties are bucketed.
    #[inline]
    pub(crate) fn has(&self, v: u32) -> bool {
        !self.first.is_empty() && self.first[v as usize] != self.first[v as usize + 1]
    }

    /// Person `v`'s runs: (bucket j, their slots).
    fn runs_of(&self, v: u32) -> impl Iterator<Item = (u32, &[u32])> {
        let (a, b) = (self.first[v as usize] as usize, self.first[v as usize + 1] as usize);
        let mut start = if a == 0 { 0 } else { self.runs[a - 1].end as usize };
        self.runs[a..b].iter().map(move |run| {
            let slots = &self.order[start..run.end as usize];
            start = run.end as usize;
            (run.bucket, slots)
        })
    }

    /// Draws which of bucketed person `v`'s ties are live, each with its probability
    /// `probabilities[slot]`: calls `candidate(slot, rng, accept)` for the candidates, and
    /// the tie is live when [`accepted`]`(rng, accept)`. The caller may leave that draw out
    /// when the tie's outcome changes nothing (its source already in the set): every other
    /// tie's law stays as it was.
    #[inline]
    pub(crate) fn sample(
        &self,
        v: u32,
        probabilities: &[f32],
        rng: &mut Stream,
        mut candidate: impl FnMut(usize, &mut Stream, f64),
    ) {
        let tables = gap_tables();
        for (j, slots) in self.runs_of(v) {
            if j == 0 {
                for &slot in slots {
                    candidate(slot as usize, rng, f64::from(probabilities[slot as usize]));
                }
                continue;
            }
            let (gaps, scale) = (&tables[j as usize], scale(j));
            let mut i = 0usize;
            loop {
                let gap = gaps.sample(rng);
                if gap >= (slots.len() - i) as u64 {
                    break;
                }
                i += gap as usize;
                let slot = slots[i] as usize;
                i += 1;
                // p·2^j is exact: a candidate (chance q = 2^−j) is kept with chance p / q.
                candidate(slot, rng, f64::from(probabilities[slot]) * scale);
            }
        }
    }
}

/// Whether a candidate kept with probability `accept` is kept: always at 1 or above (no draw).
#[inline]
pub(crate) fn accepted(rng: &mut Stream, accept: f64) -> bool {
    accept >= 1.0 || rng.uniform() < accept
}

#[cfg(test)]
mod tests {
    use super::{Buckets, LAST, MIN_TIES, accepted, bucket, scale};
    use crate::rng::Stream;
    use proptest::prelude::*;

    /// A 53-bit threshold's bucket is its probability's: t·2^−53 in (2^−(j+1), 2^−j], and
    /// t·2^j never passes 2^53.
    #[test]
    fn integer_thresholds_fall_in_their_probability_bucket() {
        use super::bucket_53;
        let top = 1u64 << 53;
        for (t, j) in [(top, 0), (top / 2 + 1, 0), (top / 2, 1), (top / 4 + 1, 1), (top / 4, 2)] {
            assert_eq!(bucket_53(t), j, "threshold {t}");
        }
        assert_eq!((bucket_53(1), bucket_53(1 << 22), bucket_53((1 << 22) + 1)), (LAST, LAST, 30));
        let mut rng = Stream::new(2, 2);
        for _ in 0..10_000 {
            let t = 1 + (rng.next_u64() >> (11 + rng.below(53)));
            let j = bucket_53(t);
            assert!(t << j <= top && (j == LAST || t << j > top / 2), "threshold {t}, bucket {j}");
        }
    }

    #[test]
    fn buckets_are_half_open_powers_of_two() {
        assert_eq!(scale(0).to_bits(), 1f64.to_bits());
        assert_eq!(scale(7).to_bits(), 128f64.to_bits());
        for (p, j) in [
            (1.5, 0),
            (1.0, 0),
            (0.75, 0),
            (0.5, 1),
            (0.3, 1),
            (0.25, 2),
            (0.1, 3),
            (0.01, 6),
            (0.001, 9),
            (1e-30, LAST),
            (f32::MIN_POSITIVE / 4.0, LAST),
        ] {
            assert_eq!(bucket(p), j, "p = {p}");
        }
    }

    /// Each tie of a long list is live with its own probability, and two ties independently:
    /// frequencies over many draws within binomial tolerance of p and of p·p'.
    #[test]
    fn every_tie_is_live_with_its_own_probability_independently() {
        let probabilities: Vec<f32> = (0..40)
            .map(|i| match i % 5 {
                0 => 0.9,
                1 => 0.3,
                2 => 0.05,
                3 => 0.007,
                _ => 1.0,
            })
            .collect();
        let offsets = [0u32, 40];
        let buckets = Buckets::new(&offsets, &probabilities, |_| true);
        assert!(buckets.has(0));
        let mut rng = Stream::new(11, 3);
        let draws = 200_000u32;
        let mut counts = [0u32; 40];
        let mut pairs = 0u32; // slots 2 and 7 (0.05 both) live together
        for _ in 0..draws {
            let mut live = [false; 40];
            buckets.sample(0, &probabilities, &mut rng, |s, rng, accept| {
                live[s] |= accepted(rng, accept);
            });
            for (c, &l) in counts.iter_mut().zip(&live) {
                *c += u32::from(l);
            }
            pairs += u32::from(live[2] && live[7]);
        }
        let within = |count: u32, p: f64| {
            let n = f64::from(draws);
            let sd = (n * p * (1.0 - p)).sqrt();
            (f64::from(count) - n * p).abs() <= 5.0 * sd + 1e-9
        };
        for (slot, (&c, &p)) in counts.iter().zip(&probabilities).enumerate() {
            assert!(within(c, f64::from(p)), "slot {slot}: {c} live of {draws}, p = {p}");
        }
        assert!(within(pairs, 0.05f64 * 0.05), "pairs {pairs}");
    }

    /// Short lists and unwanted people are not bucketed, and nothing at all is stored when
    /// nobody is.
    #[test]
    fn short_lists_stay_on_the_plain_path() {
        let d = MIN_TIES as u32;
        let offsets = [0, d - 1, 2 * d - 1, 3 * d - 1];
        let probabilities = vec![0.1f32; offsets[3] as usize];
        let buckets = Buckets::new(&offsets, &probabilities, |v| v != 2);
        assert_eq!((buckets.has(0), buckets.has(1), buckets.has(2)), (false, true, false));
        let none = Buckets::new(&offsets[..2], &probabilities, |_| true);
        assert!(!none.has(0) && none.first.is_empty() && none.order.is_empty());
    }

    /// A hub with 16 incoming ties of skewed probabilities (bucketed) passing the message on
    /// for sure: n times the share of RR sets that hold a person is their exact spread (the
    /// enumeration of every live-edge world), within binomial tolerance.
    #[test]
    fn rr_sets_estimate_the_exact_spread_with_skewed_tie_probabilities() {
        use crate::cascade::{ExactSpreadRequest, Model, exact_spread};
        use crate::rrsets::{LiveGraph, Scratch};
        use crate::{Layer, Network, PersonId, TieSpec};
        let chances = [0.9, 0.6, 0.3, 0.2, 0.1, 0.05, 0.02, 0.01, 0.001];
        let mut net = Network::new();
        net.add_layer(Layer::digital("t").directed(true)).unwrap();
        net.add_people(21).unwrap();
        for i in 1..=16u32 {
            let spec = TieSpec::weight(1.0).probability(chances[i as usize % chances.len()]);
            net.add_tie_spec(PersonId(i), PersonId(0), "t", spec).unwrap();
        }
        for (a, b, p) in [(0, 19, 1.0), (19, 20, 0.5)] {
            net.add_tie_spec(PersonId(a), PersonId(b), "t", TieSpec::weight(1.0).probability(p))
                .unwrap();
        }
        let net = net.compile();
        let model = Model::independent_cascade(0.5);
        let graph = LiveGraph::new(&net, &model).unwrap();
        assert!(graph.layers_bucketed() > 0, "the hub is bucketed");
        let draws = 400_000u32;
        let (mut rng, mut scratch, mut set) = (Stream::new(3, 0), Scratch::new(21), Vec::new());
        let mut holding = [0u32; 21];
        for _ in 0..draws {
            set.clear();
            graph.sample(&mut rng, &mut scratch, &mut set);
            for &u in &set {
                holding[u as usize] += 1;
            }
        }
        for u in 0..21u32 {
            let request = ExactSpreadRequest::new(vec![u]).model(model.clone());
            let exact = exact_spread(&net, &request).unwrap();
            // The share is Binomial(draws, exact / n).
            let share = exact / 21.0;
            let sd = (f64::from(draws) * share * (1.0 - share)).sqrt();
            let error = (f64::from(holding[u as usize]) - f64::from(draws) * share).abs();
            assert!(
                error <= 5.0 * sd + 1e-9,
                "person {u}: {} vs exact {exact}",
                holding[u as usize]
            );
        }
    }

    proptest! {
        /// The grouping is a permutation of each bucketed person's slots, every run holds only
        /// probabilities of its bucket, buckets increase, and slots increase within a run.
        #[test]
        fn grouping_is_a_permutation_by_bucket(
            degrees in proptest::collection::vec(0usize..60, 1..12),
            exponents in proptest::collection::vec((0.0f32..1.0, -40i32..2), 700),
        ) {
            let mut offsets = vec![0u32];
            for d in &degrees {
                offsets.push(offsets.last().unwrap() + *d as u32);
            }
            let m = *offsets.last().unwrap() as usize;
            let probabilities: Vec<f32> = exponents[..m]
                .iter()
                .map(|&(x, e)| (0.5 + x / 2.0) * 2f32.powi(e))
                .collect();
            let buckets = Buckets::new(&offsets, &probabilities, |_| true);
            for (v, &d) in degrees.iter().enumerate() {
                prop_assert_eq!(buckets.has(v as u32), d >= MIN_TIES);
                if d < MIN_TIES {
                    continue;
                }
                let mut seen = Vec::new();
                let mut last = None;
                for (j, slots) in buckets.runs_of(v as u32) {
                    prop_assert!(!slots.is_empty());
                    prop_assert!(last.is_none_or(|l| l < j));
                    last = Some(j);
                    prop_assert!(slots.windows(2).all(|w| w[0] < w[1]));
                    for &slot in slots {
                        let p = f64::from(probabilities[slot as usize]);
                        let q = scale(j).recip();
                        prop_assert!(p <= q || j == 0, "p {} above 2^-{}", p, j);
                        prop_assert!(p > q / 2.0 || j == LAST, "p {} below 2^-{}", p, j + 1);
                        seen.push(slot);
                    }
                }
                seen.sort_unstable();
                let all: Vec<u32> = (offsets[v]..offsets[v + 1]).collect();
                prop_assert_eq!(seen, all);
            }
        }
    }
}
