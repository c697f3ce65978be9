//! Seeded, portable randomness.
//!
//! Every random routine takes a `seed: u64`; the library never asks the operating system for
//! entropy. Streams come from PCG-64 (`rand_pcg::Pcg64`), whose output is fixed by its
//! specification on every platform, and each independent run `r` of a Monte Carlo gets its own
//! stream derived from `(seed, r)`, so results do not depend on the number of threads. The
//! conversions below use only 64-bit integer arithmetic, so native and WebAssembly builds draw
//! the same numbers.

use rand_core::Rng as _;
use rand_pcg::Pcg64;

/// The smallest probability the samplers resolve: 2^−53, the step of [`Stream::uniform`]'s
/// draws. A probability below it is treated as zero, everywhere: a uniform draw of 53 bits
/// cannot tell it from zero, `1 − p` rounds to 1 (so a geometric skip over failures would
/// never end), and an event that rare does not happen in any run a computer can make (2^53
/// draws take years).
///
/// ```
/// use reseau::rng::{MIN_PROBABILITY, resolved};
/// assert_eq!(MIN_PROBABILITY, 2f64.powi(-53));
/// assert_eq!(1.0 - MIN_PROBABILITY / 2.0, 1.0); // what makes smaller ones unusable
/// assert_eq!((resolved(1e-300), resolved(MIN_PROBABILITY), resolved(0.25)), (0.0, MIN_PROBABILITY, 0.25));
/// ```
pub const MIN_PROBABILITY: f64 = 1.0 / (1u64 << 53) as f64;

/// `p`, or 0 when it is below [`MIN_PROBABILITY`] (NaN included).
#[inline]
pub fn resolved(p: f64) -> f64 {
    if p >= MIN_PROBABILITY { p } else { 0.0 }
}

/// A seeded random stream.
///
/// ```
/// use reseau::rng::Stream;
/// let mut a = Stream::new(7, 0);
/// let mut b = Stream::new(7, 0);
/// assert_eq!(a.next_u64(), b.next_u64());
/// let x = a.uniform();
/// assert!((0.0..1.0).contains(&x));
/// assert!(a.below(10) < 10);
/// ```
#[derive(Debug, Clone)]
pub struct Stream(Pcg64);

/// Mixes a seed and a stream number into a PCG state (the `SplitMix64` finaliser), so that nearby
/// seeds give unrelated streams.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Output number `index` (from 0) of the wyrand generator started at `key`: a counter-based
/// draw, so that a run gives every tie (or person) its own coin from one key drawn off its
/// stream, in any order, with no state carried from draw to draw. wyrand (Wang Yi's, the
/// generator of wyhash) adds a constant to its state and folds the 128-bit product of the state
/// with a masked copy of itself: one multiplication a draw, and it passes `BigCrush` and
/// `PractRand`; being integer arithmetic only, it draws the same native and in WebAssembly.
///
/// ```
/// use reseau::rng::keyed;
/// assert_eq!(keyed(7, 3), keyed(7, 3));
/// assert_ne!(keyed(7, 3), keyed(7, 4));
/// ```
#[inline]
pub fn keyed(key: u64, index: u64) -> u64 {
    const STEP: u64 = 0xA076_1D64_78BD_642F;
    let s = key.wrapping_add(index.wrapping_add(1).wrapping_mul(STEP));
    let t = u128::from(s) * u128::from(s ^ 0xE703_7ED1_A0B4_28DB);
    (t >> 64) as u64 ^ t as u64
}

/// The integer threshold of a probability `p` for 53-bit draws: a 64-bit draw `x` succeeds
/// when `x >> 11` is below it, which has probability `p` exactly as [`Stream::bernoulli`]
/// (whose uniform has 53 bits) and needs no conversion to floating point. `p` below
/// [`MIN_PROBABILITY`] (NaN included) gives 0, never; 1 and above give 2^53, always.
///
/// ```
/// use reseau::rng::threshold_53;
/// assert_eq!((threshold_53(0.0), threshold_53(0.5), threshold_53(1.0)), (0, 1 << 52, 1 << 53));
/// assert_eq!(threshold_53(1e-300), 0);
/// ```
#[inline]
pub fn threshold_53(p: f64) -> u64 {
    let p = resolved(p).min(1.0);
    // p·2^53 is exact (a power-of-two scaling); k·2^−53 < p ⟺ k < ⌈p·2^53⌉ for integers k.
    // Rounded up in integers: `f64::ceil` is a library call on baseline x86-64.
    let x = p * (1u64 << 53) as f64;
    let t = x as u64; // x is in [0, 2^53]: truncation is exact, and so is t as f64
    t + u64::from((t as f64) < x)
}

impl Stream {
    /// The stream number `stream` of the seed `seed`.
    pub fn new(seed: u64, stream: u64) -> Self {
        // Both the state and the increment depend on (seed, stream): PCG generators that share
        // a state and differ only in their increment give correlated sequences, which would
        // make Monte Carlo runs dependent.
        let key = mix(seed ^ mix(stream ^ 0x5851_F42D_4C95_7F2D));
        let state = (u128::from(mix(key ^ 0xA5A5_A5A5_A5A5_A5A5)) << 64) | u128::from(mix(key));
        let increment =
            (u128::from(mix(stream ^ 0x1405_7B7E_F767_814F)) << 64) | u128::from(mix(seed));
        Stream(Pcg64::new(state, increment))
    }

    /// A uniformly random `u64`.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A uniform float in [0, 1), with 53 random bits.
    #[inline]
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// `true` with probability `p`.
    #[inline]
    pub fn bernoulli(&mut self, p: f64) -> bool {
        self.uniform() < p
    }

    /// A uniform integer in `0..n` (Lemire's multiply-and-reject, unbiased). `n` must be > 0.
    #[inline]
    pub fn below(&mut self, n: u64) -> u64 {
        debug_assert!(n > 0);
        let threshold = n.wrapping_neg() % n;
        loop {
            let m = u128::from(self.next_u64()) * u128::from(n);
            if (m as u64) >= threshold {
                return (m >> 64) as u64;
            }
        }
    }

    /// The number of failures before the first success of a Bernoulli(`p`) sequence
    /// (geometric skip), for sampling sparse random graphs in time linear in the ties.
    /// Returns `u64::MAX` when `p` is 0.
    #[inline]
    pub fn geometric(&mut self, p: f64) -> u64 {
        Geometric::new(p).sample(self)
    }
}

/// The geometric distribution of [`Stream::geometric`] with its logarithm worked out once,
/// for drawing many gaps with the same `p` (a cascade skipping over neighbours).
///
/// ```
/// use reseau::rng::{Geometric, Stream};
/// let g = Geometric::new(0.25);
/// let (mut a, mut b) = (Stream::new(1, 0), Stream::new(1, 0));
/// assert_eq!(g.sample(&mut a), b.geometric(0.25));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometric {
    p: f64,
    /// ln(1 − p), by `ln_1p`: for a tiny p, 1 − p rounds to 1 and its logarithm to 0.
    log_q: f64,
}

impl Geometric {
    /// The number of failures before the first success of Bernoulli(`p`) trials.
    /// A `p` below [`MIN_PROBABILITY`] is zero: no success ever.
    pub fn new(p: f64) -> Self {
        let p = resolved(p);
        Geometric { p, log_q: (-p).ln_1p() }
    }

    /// One draw; `u64::MAX` when `p` is 0.
    #[inline]
    pub fn sample(self, rng: &mut Stream) -> u64 {
        if self.p >= 1.0 {
            return 0;
        }
        if self.p <= 0.0 || self.p.is_nan() {
            return u64::MAX;
        }
        let u = 1.0 - rng.uniform(); // in (0, 1]
        let k = (u.ln() / self.log_q).floor();
        if k >= u64::MAX as f64 { u64::MAX } else { k as u64 }
    }
}

/// Geometric gaps drawn from a table instead of a logarithm: faster, and made of exact IEEE
/// multiplications and comparisons only, so native and WebAssembly builds (whose `ln` come
/// from different maths libraries) draw the very same gaps.
///
/// The table holds q^(k+1) for k < K, q = 1 − p; a uniform u gives the gap k when
/// q^(k+1) ≤ u < q^k, which has probability q^k·p. When u < q^K the gap is at least K and,
/// the geometric law being memoryless, K plus a fresh draw. K is chosen so that q^K < 10^−3,
/// up to 4,096 entries. A second table, indexed by the top 12 bits of the draw, gives the gap
/// at once wherever no threshold falls inside that 1/4096 of [0, 1); only the few slices
/// that hold a threshold need the search.
///
/// A probability below [`MIN_PROBABILITY`] is zero (no success ever). A small one, for which
/// even q^4096 is above ½, would need many draws per gap that way (about 1/(4096·p)): its
/// gaps are drawn by inversion instead, ⌊ln u / ln(1 − p)⌋, with the portable logarithms of
/// `math` (the same bits on every platform), in one draw.
///
/// ```
/// use reseau::rng::{GapTable, Stream};
/// let gaps = GapTable::new(0.2);
/// let mut rng = Stream::new(5, 0);
/// let mean = (0..20_000).map(|_| gaps.sample(&mut rng) as f64).sum::<f64>() / 20_000.0;
/// assert!((mean - 4.0).abs() < 0.2); // (1 − p) / p
/// assert_eq!(GapTable::new(1.0).sample(&mut rng), 0);
/// assert_eq!(GapTable::new(0.0).sample(&mut rng), u64::MAX);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct GapTable {
    /// q^(k+1), decreasing; empty when p is 0 (no success ever).
    thresholds: Vec<f64>,
    /// For each slice of [0, 1) by the draw's top 12 bits, its gap when the whole slice has
    /// one, else [`AMBIGUOUS`] (all of them when the table is empty). A fixed-size array, so
    /// that the look-up by 12 bits needs no bounds check.
    slices: Box<[u16; 1 << SLICE_BITS]>,
    /// For each slice, the gaps at its top and bottom ends: an ambiguous slice's gap is
    /// searched between them only (a few thresholds, rather than the whole table).
    spans: Box<[[u16; 2]; 1 << SLICE_BITS]>,
    /// ln(1 − p) when p is so small that the gaps are drawn by inversion (the tables empty).
    log_q: Option<f64>,
}

const SLICE_BITS: u32 = 12;
const AMBIGUOUS: u16 = u16::MAX;

impl GapTable {
    /// The table for success probability `p` (clamped to [0, 1]; zero below
    /// [`MIN_PROBABILITY`]).
    pub fn new(p: f64) -> Self {
        let p = resolved(p);
        if p <= 0.0 {
            return GapTable {
                thresholds: Vec::new(),
                slices: no_slices(),
                spans: Box::new([[0; 2]; 1 << SLICE_BITS]),
                log_q: None,
            };
        }
        let q = 1.0 - p.min(1.0);
        let mut thresholds = Vec::new();
        let mut t = q;
        loop {
            thresholds.push(t);
            if t < 1e-3 || thresholds.len() == 4096 {
                break;
            }
            t *= q;
        }
        if t >= 0.5 {
            // More than two rounds of the table per gap on average: invert instead.
            let log_q = crate::math::ln1p(-p);
            return GapTable {
                thresholds: Vec::new(),
                slices: no_slices(),
                spans: Box::new([[0; 2]; 1 << SLICE_BITS]),
                log_q: Some(log_q),
            };
        }
        let ulp = 1.0 / (1u64 << 53) as f64;
        let mut slices = no_slices();
        let mut spans = Box::new([[0u16; 2]; 1 << SLICE_BITS]);
        // The gap of u, the number of thresholds above it, falls as u grows: one sweep up the
        // slices, a pointer for their bottom ends and one for their top ends, finds every
        // slice's gaps in time K + 4,096 (a search per slice end cost more than the runs of a
        // small simulation).
        let fall = |mut g: usize, u: f64| {
            while g > 0 && u >= thresholds[g - 1] {
                g -= 1;
            }
            g
        };
        let (mut bottom, mut top) = (thresholds.len(), thresholds.len());
        // Signed integers below 2^53: converted to floats exactly, in one instruction.
        for b in 0..1i64 << SLICE_BITS {
            let lo = (b << (53 - SLICE_BITS)) as f64 * ulp;
            let hi = (((b + 1) << (53 - SLICE_BITS)) - 1) as f64 * ulp;
            // A higher u has a smaller gap: the slice's gaps run from gap(hi) to gap(lo).
            (bottom, top) = (fall(bottom, lo), fall(top, hi));
            spans[b as usize] = [top as u16, bottom as u16];
            if top == bottom {
                slices[b as usize] = top as u16;
            }
        }
        GapTable { thresholds, slices, spans, log_q: None }
    }

    /// The number of failures before the next success; `u64::MAX` when `p` is 0.
    #[inline]
    pub fn sample(&self, rng: &mut Stream) -> u64 {
        let k = self.thresholds.len();
        if k == 0 {
            return self.sample_untabled(rng);
        }
        // Most draws fall in a slice with one gap, inside the table: one look-up, inlined.
        let x = rng.next_u64();
        let g = self.slices[(x >> (64 - SLICE_BITS)) as usize];
        if usize::from(g) < k {
            return u64::from(g);
        }
        self.sample_beyond(x, rng)
    }

    /// [`GapTable::sample`] for a draw `x` whose slice holds a threshold, or whose gap is at
    /// least the table's length (then K plus a fresh draw, the law being memoryless).
    #[inline(never)]
    fn sample_beyond(&self, mut x: u64, rng: &mut Stream) -> u64 {
        let k = self.thresholds.len();
        let mut base = 0u64;
        loop {
            let b = (x >> (64 - SLICE_BITS)) as usize;
            let g = self.slices[b];
            let gap = if g == AMBIGUOUS {
                let u = (x >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
                // Every threshold before `top` is above u, and none from `bottom` on.
                let [top, bottom] = self.spans[b].map(usize::from);
                top + self.thresholds[top..bottom].partition_point(|&t| u < t)
            } else {
                usize::from(g)
            };
            if gap < k {
                return base + gap as u64;
            }
            base += k as u64;
            x = rng.next_u64();
        }
    }

    /// [`GapTable::sample`] with no table: by inversion (a tiny p), or never (p is 0, and
    /// nothing is drawn).
    #[inline(never)]
    fn sample_untabled(&self, rng: &mut Stream) -> u64 {
        match self.log_q {
            Some(log_q) => {
                let u = 1.0 - rng.uniform(); // in (0, 1]
                let gap = (crate::math::ln(u) / log_q).floor();
                if gap >= u64::MAX as f64 { u64::MAX } else { gap as u64 }
            }
            None => u64::MAX,
        }
    }
}

/// The slices of an empty table: every one ambiguous.
fn no_slices() -> Box<[u16; 1 << SLICE_BITS]> {
    Box::new([AMBIGUOUS; 1 << SLICE_BITS])
}

#[cfg(test)]
mod tests {
    use super::Stream;

    /// An integer threshold decides exactly as `bernoulli` does on the same draw.
    #[test]
    fn threshold_53_matches_bernoulli() {
        let mut rng = Stream::new(9, 9);
        for i in 0..20_000u64 {
            let p = match i % 4 {
                0 => rng.uniform(),
                1 => rng.uniform() * 1e-12,
                2 => f64::from((i % 7) as u32) / 6.0,
                _ => super::MIN_PROBABILITY * f64::from((i % 3) as u32) * 0.75,
            };
            let x = rng.next_u64();
            let by_float = ((x >> 11) as f64 * (1.0 / (1u64 << 53) as f64)) < super::resolved(p);
            assert_eq!((x >> 11) < super::threshold_53(p), by_float, "p = {p}, x = {x}");
        }
    }

    /// The integer rounding up gives what `f64::ceil` gives, at the edges (0, tiny, just
    /// below and at 1, exact multiples of 2^-53) and on random probabilities.
    #[test]
    fn threshold_53_rounds_up_as_ceil_does() {
        let by_ceil = |p: f64| (super::resolved(p).min(1.0) * (1u64 << 53) as f64).ceil() as u64;
        let m = super::MIN_PROBABILITY;
        let edges = [0.0, m, 1.5 * m, 3.0 * m, 0.5, 1.0 - m, 1.0 - m / 2.0, 1.0, 2.0, f64::NAN];
        let mut rng = Stream::new(4, 4);
        let random = (0..100_000).map(|i| match i % 3 {
            0 => rng.uniform(),
            1 => rng.uniform() * 1e-9,
            _ => 1.0 / f64::from(1 + (rng.next_u64() % 5000) as u32),
        });
        for p in edges.into_iter().chain(random) {
            assert_eq!(super::threshold_53(p), by_ceil(p), "p = {p}");
        }
    }

    /// Keyed draws are uniform: their bits are set half the time, per position.
    #[test]
    fn keyed_draws_are_balanced() {
        let mut ones = [0u32; 64];
        for i in 0..50_000u64 {
            let x = super::keyed(0x1234_5678, i);
            for (b, one) in ones.iter_mut().enumerate() {
                *one += u32::from((x >> b) & 1 == 1);
            }
        }
        // 50,000 fair bits: standard deviation about 112.
        assert!(ones.iter().all(|&c| c.abs_diff(25_000) < 700), "{ones:?}");
    }

    #[test]
    fn value_stability() {
        // Pins the exact output of a seed: a change here breaks reproducibility of every
        // published number, in all three languages.
        let mut s = Stream::new(42, 0);
        let first: Vec<u64> = (0..3).map(|_| s.next_u64()).collect();
        let mut again = Stream::new(42, 0);
        assert_eq!(first, (0..3).map(|_| again.next_u64()).collect::<Vec<_>>());
        assert_ne!(Stream::new(42, 1).next_u64(), first[0]);
        assert_ne!(Stream::new(43, 0).next_u64(), first[0]);
        assert_eq!(first, GOLDEN.to_vec(), "PCG stream changed");
    }

    const GOLDEN: [u64; 3] =
        [84_088_866_291_413_365, 217_223_928_508_755_415, 11_749_282_573_624_214_213];

    /// The sweep that fills the slices finds, at both ends of every slice, the gap a search
    /// of the thresholds finds.
    #[test]
    fn gap_slices_are_the_searched_gaps() {
        let ulp = 1.0 / (1u64 << 53) as f64;
        for p in [1.0, 0.9, 0.5, 0.3, 0.1, 0.01, 0.003, 0.001, 3e-4] {
            let table = super::GapTable::new(p);
            let gap = |u: f64| table.thresholds.partition_point(|&t| u < t) as u16;
            for b in 0..1u64 << super::SLICE_BITS {
                let lo = (b << (53 - super::SLICE_BITS)) as f64 * ulp;
                let hi = (((b + 1) << (53 - super::SLICE_BITS)) - 1) as f64 * ulp;
                let want = [gap(hi), gap(lo)];
                assert_eq!(table.spans[b as usize], want, "p = {p}, slice {b}");
                let one = if want[0] == want[1] { want[0] } else { super::AMBIGUOUS };
                assert_eq!(table.slices[b as usize], one, "p = {p}, slice {b}");
            }
        }
    }

    #[test]
    fn gap_slices_agree_with_the_threshold_search() {
        for p in [0.9, 0.3, 0.1, 0.01, 0.001] {
            let table = super::GapTable::new(p);
            let (mut a, mut b) = (Stream::new(8, 1), Stream::new(8, 1));
            for _ in 0..20_000 {
                let fast = table.sample(&mut a);
                // the definition: the number of thresholds above u, plus K per full table
                let mut base = 0;
                let slow = loop {
                    let u = b.uniform();
                    let g = table.thresholds.iter().filter(|&&t| u < t).count() as u64;
                    if g < table.thresholds.len() as u64 {
                        break base + g;
                    }
                    base += table.thresholds.len() as u64;
                };
                assert_eq!(fast, slow, "p = {p}");
            }
        }
    }

    #[test]
    fn below_is_uniform_enough() {
        let mut s = Stream::new(1, 2);
        let mut counts = [0u32; 6];
        for _ in 0..60_000 {
            counts[s.below(6) as usize] += 1;
        }
        for c in counts {
            assert!((9_400..10_600).contains(&c), "{counts:?}");
        }
    }

    #[test]
    fn geometric_has_the_right_mean() {
        let mut s = Stream::new(3, 0);
        let p = 0.2;
        let n = 50_000;
        let mean = (0..n).map(|_| s.geometric(p) as f64).sum::<f64>() / f64::from(n);
        assert!((mean - (1.0 - p) / p).abs() < 0.1, "{mean}");
    }
}
