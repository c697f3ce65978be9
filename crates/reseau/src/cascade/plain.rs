//! The engine for plain cascades: one campaign (every seed good, or every seed bad), one
//! latency on every enabled layer, no media, no fatigue and no tie that inverts what it
//! carries. Then an arrival convinces at once or adds its weight, nothing is ever overturned,
//! and a run is a breadth-first sweep over ties with no buckets, arrivals or per-tie lookups
//! of layer settings.
//!
//! How each enabled layer is sampled:
//! - one probability on every tie (Independent Cascade on a plain layer): geometric skips
//!   over a person's ties, drawn from the run's stream, as the general engine does (the same
//!   draws in the same order, so the same cascades);
//! - a probability per tie (the weighted cascade, per-tie probabilities, influencers, parallel
//!   ties, blocked distrust ties): each tie's coin is the counter-based draw
//!   [`keyed`]`(key, tie)` against the tie's integer threshold ([`threshold_53`]), `key`
//!   being one draw off the run's stream. A tie is examined at most once a run, so the coins
//!   are independent; they cost a multiply-and-shift each, with no chain from one to the next
//!   and no conversion to floating point. A person with many outgoing ties of small
//!   probability (a hub under the weighted cascade: p = 1/in-degree of each target) has them
//!   grouped at plan time by bucket j, threshold in (2^(52−j), 2^(53−j)] ([`Forward`]): a run
//!   crosses each such bucket by geometric gaps of 2^−j drawn from the run's stream and keeps
//!   a candidate when its coin is below threshold·2^j (chance p·2^j), so each tie is still
//!   live with its own p, independently, for work in proportion to the buckets and the
//!   successes rather than to the ties;
//! - Linear Threshold: every tie sends its weight; a person's threshold is drawn from the
//!   same key, by person, when a weight first reaches them (or given by the model).

use crate::cascade::engine::{NONE, NOT_ACTIVE, Scratch, attempt_probability};
use crate::cascade::model::{Distrust, ModelKind, Seeds, Valence};
use crate::cascade::plan::{Forward, How, Plan, PlanLayer, SparseRun};
use crate::cascade::prepared::Prepared;
use crate::rng::{Stream, keyed, threshold_53};
use crate::subset::{LAST, bucket_53, gap_table};

impl Plan {
    /// The plan for cascades of `valence` on `prep`, or `None` when they are not plain.
    fn new(prep: &Prepared<'_>, valence: Valence) -> Option<Plan> {
        if prep.fatigue.is_some() || prep.has_media {
            return None;
        }
        let latency = prep.single_latency?;
        let multiplier = prep.valence_multiplier[valence.index()];
        let mut layers = Vec::new();
        let mut base = 0u64;
        let mut keyed = prep.kind == ModelKind::LinearThreshold;
        let mut forwards = Vec::new();
        for (l, pl) in prep.layers.iter().enumerate() {
            let layer = &prep.net.layers()[l];
            let slots = layer.num_slots() as u64;
            if pl.enabled {
                if prep.distrust == Distrust::Invert && layer.signs().iter().any(|&s| s < 0) {
                    return None;
                }
                let how = if prep.kind == ModelKind::LinearThreshold {
                    How::Weights
                } else if pl.gaps.is_some() {
                    How::Skips
                } else {
                    keyed = true;
                    let (offsets, targets) = (layer.offsets(), layer.targets());
                    let ties =
                        coin_ties(&pl.values, layer.multiplicity(), multiplier, offsets, targets);
                    let thresholds = match ties {
                        Ok(forward) => {
                            forwards.resize(layers.len(), None);
                            forwards.push(Some(forward));
                            Vec::new()
                        }
                        Err(thresholds) => thresholds,
                    };
                    How::Coins { thresholds, base }
                };
                layers.push(PlanLayer { index: l as u32, how });
            }
            base += slots;
        }
        // Bucketed layers' coins are in `buckets` (their `How::Coins` holds no thresholds).
        let buckets = (!forwards.is_empty()).then(|| {
            forwards.resize(layers.len(), None);
            forwards.into_boxed_slice()
        });
        Some(Plan { valence, latency, layers, keyed, buckets, people_base: base })
    }

    /// The plan for `seeds` on `prep`: a single campaign, started at step 0, whose cascades
    /// are plain.
    pub(crate) fn of<'p>(prep: &'p Prepared<'_>, seeds: &Seeds) -> Option<&'p Plan> {
        if seeds.delayed() {
            return None;
        }
        let valence = match (seeds.good.is_empty(), seeds.bad.is_empty()) {
            (false, true) => Valence::Good,
            (true, false) => Valence::Bad,
            _ => return None,
        };
        prep.plans[valence.index()].get_or_init(|| Plan::new(prep, valence)).as_ref()
    }

    /// Bytes a plan may hold for `prep`'s network, per directed tie: a threshold (8), a
    /// target in the plan's order (4) and the sparse runs (12 bytes each, at most one per
    /// [`MIN_SPARSE`] ties); the runs' index per person (4 bytes) is below the engine's 80 a
    /// person counted beside it.
    pub(crate) const BYTES_PER_TIE: u64 = 12 + 12u64.div_ceil(MIN_SPARSE as u64);
}

/// Each tie's integer threshold from its value and multiplicity. A pure function of the two,
/// kept in a small direct-mapped table: the weighted cascade repeats few values (one per
/// in-degree), and the arithmetic (a power, a rounding up) costs more than a look-up.
fn thresholds(values: &[f32], multiplicity: &[u16], multiplier: f64) -> Vec<u64> {
    const BITS: u32 = 12;
    // A key holds 48 bits, so the empty mark is never one.
    let mut memo = vec![(u64::MAX, 0u64); 1 << BITS];
    values
        .iter()
        .zip(multiplicity)
        .map(|(&value, &m)| {
            let key = u64::from(value.to_bits()) << 16 | u64::from(m);
            let entry =
                &mut memo[(key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS)) as usize];
            if entry.0 != key {
                let value = f64::from(value);
                let threshold = if value <= 0.0 {
                    0
                } else {
                    threshold_53(attempt_probability(value, multiplier, m))
                };
                *entry = (key, threshold);
            }
            entry.1
        })
        .collect()
}

/// The fewest outgoing ties for which a person's ties may be bucketed (chosen by
/// measurement: `docs/performance/forward_buckets.md`).
/// `RESEAU_FORWARD_MIN_TIES` at build time tries others.
/// The unit tests bucket smaller people (16 ties, and [`SHARE`] 0), so that exact oracles
/// reach bucketed ties.
const MIN_OUT_TIES: usize = match option_env!("RESEAU_FORWARD_MIN_TIES") {
    Some(digits) => crate::subset::decimal(digits),
    None if cfg!(test) => 16,
    None => 64,
};

/// The fewest ties a sparse run holds (the cost model below never asks for fewer).
const MIN_SPARSE: usize = 6;

/// A coin costs about `COIN` instructions (64 at a time, without a branch), a gap draw about
/// `GAP`.
const COIN: f64 = 4.0;
const GAP: f64 = match option_env!("RESEAU_FORWARD_GAP") {
    Some(digits) => crate::subset::decimal(digits) as f64,
    None => 24.0,
};

/// The share of a person's coins that buckets must save for the person to be reordered, in
/// 1/16: below it the gain per run does not pay for the reordering and the bucketed loop
/// (`RESEAU_FORWARD_SHARE` at build time tries others).
const SHARE: usize = match option_env!("RESEAU_FORWARD_SHARE") {
    Some(digits) => crate::subset::decimal(digits),
    None if cfg!(test) => 0,
    None => 8,
};

/// Per bucket j, the fewest ties that cost less crossed by gaps than by one coin each: the
/// gaps draw once per candidate (count·2^−j of them) plus once to end: count·COIN >
/// GAP·(1 + count·2^−j). `u32::MAX` where gaps never pay (bucket 0, p above ½, and the
/// buckets where a candidate costs more than the coins it saves).
fn sparse_from() -> [u32; 32] {
    let mut least = [u32::MAX; 32];
    for (j, least) in least.iter_mut().enumerate().skip(1) {
        let q = f64::from_bits((1023 - j as u64) << 52); // 2^−j
        if COIN > GAP * q {
            *least = ((GAP / (COIN - GAP * q)).floor() as u32 + 1).max(MIN_SPARSE as u32);
        }
    }
    least
}

/// Which of a person's buckets (by their `counts` of ties) are crossed by gaps, as a mask:
/// none unless they save at least [`SHARE`]/16 of the person's `ties` coins.
fn sparse_mask(counts: &[u32; 32], least: &[u32; 32], ties: usize) -> u32 {
    let (mut mask, mut saved) = (0u32, 0.0);
    for j in 1..32 {
        if counts[j] >= least[j] {
            mask |= 1 << j;
            let (c, q) = (f64::from(counts[j]), f64::from_bits((1023 - j as u64) << 52));
            saved += c * COIN - GAP * (1.0 + c * q);
        }
    }
    if mask != 0 && saved * 16.0 >= (SHARE * ties) as f64 * COIN { mask } else { 0 }
}

/// A layer's ties for coins: their thresholds in slot order ([`thresholds`]) as `Err` when
/// nobody gains from buckets (the plain loop then runs on them), else the plan with people
/// reordered ([`forward`]). Only people with [`MIN_OUT_TIES`] ties or more are looked at, and
/// only those with enough ties of probability 1/8 or less (one compare a tie, without a
/// branch) have their ties counted by bucket.
#[inline(never)]
fn coin_ties(
    values: &[f32],
    multiplicity: &[u16],
    multiplier: f64,
    offsets: &[u32],
    targets: &[u32],
) -> Result<Forward, Vec<u64>> {
    const EIGHTH: u64 = 1 << 50; // threshold_53(1/8)
    let thresholds = thresholds(values, multiplicity, multiplier);
    let least = sparse_from();
    let mut chosen = Vec::new(); // (person, which buckets are sparse)
    for (u, ends) in offsets.windows(2).enumerate() {
        let range = ends[0] as usize..ends[1] as usize;
        if range.len() < MIN_OUT_TIES {
            continue;
        }
        let ties = &thresholds[range.clone()];
        // A bound first: buckets save at most COIN − GAP/8 a tie of bucket 3 and COIN a tie
        // of buckets 4 on (p ≤ 1/16), and they must save SHARE/16 of the person's coins.
        let eighth = f64::from(ties.iter().map(|&t| u32::from(t <= EIGHTH)).sum::<u32>());
        let sixteenth = f64::from(ties.iter().map(|&t| u32::from(t <= EIGHTH / 2)).sum::<u32>());
        let bound = (eighth - sixteenth) * (COIN - GAP / 8.0) + sixteenth * COIN;
        if bound * 16.0 < (SHARE * ties.len()) as f64 * COIN {
            continue;
        }
        let mut counts = [0u32; 32];
        for &t in ties {
            counts[bucket_53(t) as usize] += 1;
        }
        counts[LAST as usize] -= ties.iter().map(|&t| u32::from(t == 0)).sum::<u32>();
        let mask = sparse_mask(&counts, &least, range.len());
        if mask != 0 {
            chosen.push((u, mask));
        }
    }
    if chosen.is_empty() {
        return Err(thresholds);
    }
    Ok(forward(offsets, targets, thresholds, &chosen))
}

/// The layer's ties for coins, with `thresholds` in slot order: the `chosen` people (with
/// the mask of their sparse buckets) get their ties reordered, dense ones first (in slot
/// order), then bucket by bucket.
#[inline(never)]
fn forward(
    offsets: &[u32],
    targets: &[u32],
    thresholds: Vec<u64>,
    chosen: &[(usize, u32)],
) -> Forward {
    let n = offsets.len().saturating_sub(1);
    let mut counts = [0u32; 32];
    let mut plan = Forward { thresholds, ..Forward::default() };
    plan.targets = targets.to_vec();
    plan.first = vec![0; n + 1];
    let (mut ts, mut vs, mut class) = (Vec::new(), Vec::new(), Vec::new());
    let mut next = 0;
    for u in 0..n {
        plan.first[u] = plan.runs.len() as u32;
        let Some(&(_, mask)) = chosen.get(next).filter(|&&(c, _)| c == u) else { continue };
        next += 1;
        let range = offsets[u] as usize..offsets[u + 1] as usize;
        // Each tie's class: its bucket when sparse, 0 (dense) otherwise; zero thresholds
        // (never live) stay dense. Then a stable counting sort by class.
        class.clear();
        class.extend(plan.thresholds[range.clone()].iter().map(|&t| {
            let j = if t == 0 { 0 } else { bucket_53(t) };
            if mask & (1 << j) == 0 { 0 } else { j as u8 }
        }));
        counts.fill(0);
        for &c in &class {
            counts[c as usize] += 1;
        }
        let mut at = [0usize; 32];
        let mut end = 0;
        for (j, &c) in counts.iter().enumerate() {
            at[j] = end;
            end += c as usize;
            if j > 0 && c > 0 {
                let start = (range.start + at[j]) as u32;
                plan.runs.push(SparseRun { start, end: start + c, bucket: j as u32 });
            }
        }
        ts.clear();
        ts.resize(range.len(), 0);
        vs.clear();
        vs.resize(range.len(), 0);
        for (i, &c) in class.iter().enumerate() {
            let k = &mut at[c as usize];
            ts[*k] = plan.thresholds[range.start + i];
            vs[*k] = targets[range.start + i];
            *k += 1;
        }
        plan.thresholds[range.clone()].copy_from_slice(&ts);
        plan.targets[range].copy_from_slice(&vs);
    }
    plan.first[n] = plan.runs.len() as u32;
    plan
}

/// Where a person's ties lead in one run: the step they arrive at and who sends.
#[derive(Clone, Copy)]
struct From {
    u: u32,
    at: u32,
    valence: Valence,
    layer: u32,
}

impl Scratch {
    /// Runs one cascade from `seeds` with the random stream `rng`; the outcome is left in the
    /// per-person state (valid for the people in `activated`).
    ///
    /// A plain cascade (one campaign started at step 0, one latency, no media, fatigue or
    /// inverting tie) runs
    /// on the plain engine below (the choice is made here, so that the general engine does
    /// not import this file). Otherwise, when every enabled layer has the same latency, what
    /// a step sends all arrives in the next one, in the order sent: arrivals are then handled
    /// as they are sent, with no buckets, which gives the same cascades for less work.
    pub(crate) fn run(&mut self, prep: &Prepared<'_>, seeds: &Seeds, rng: &mut Stream) {
        if let Some(plan) = Plan::of(prep, seeds) {
            let list = if seeds.bad.is_empty() { &seeds.good } else { &seeds.bad };
            match &plan.buckets {
                Some(buckets) => self.run_bucketed(prep, plan, buckets, list, rng),
                None => self.run_plain(prep, plan, list, rng),
            }
            return;
        }
        self.run_general(prep, seeds, rng);
    }

    /// One plain cascade from `seeds` (all of the plan's valence; a plan without buckets, see
    /// [`Scratch::run_bucketed`]) with the random stream
    /// `rng`; the outcome is left as [`Scratch::run`] leaves it.
    pub(crate) fn run_plain(
        &mut self,
        prep: &Prepared<'_>,
        plan: &Plan,
        seeds: &[u32],
        rng: &mut Stream,
    ) {
        self.begin();
        let valence = plan.valence;
        // One layer by skips draws no key: its own sweep, from the seeds on.
        if let [PlanLayer { index, how: How::Skips }] = plan.layers[..]
            && !plan.keyed
        {
            self.run_skips(prep, index, plan.latency, seeds, valence, rng);
            return;
        }
        for &s in seeds {
            if !self.seen(s) {
                self.convince(s, 0, valence, NONE, NONE);
            }
        }
        let key = if plan.keyed { rng.next_u64() } else { 0 };
        let mut t = 0u32;
        loop {
            std::mem::swap(&mut self.frontier, &mut self.next);
            self.next.clear();
            if self.frontier.is_empty() {
                break;
            }
            let at = t + plan.latency;
            for k in 0..self.frontier.len() {
                let u = self.frontier[k];
                for pl in &plan.layers {
                    let l = pl.index as usize;
                    let from = From { u, at, valence, layer: pl.index };
                    let range = prep.net.layers()[l].range(u);
                    match &pl.how {
                        How::Skips => self.skips(prep, l, range, from, rng),
                        How::Coins { thresholds, base } => {
                            let first = base + range.start as u64;
                            self.coins(prep, l, range, thresholds, first, key, from);
                        }
                        How::Weights => self.weights(prep, plan, l, range, key, from),
                    }
                }
            }
            t = at;
        }
    }

    /// [`Scratch::run_plain`] when someone's ties are bucketed (`buckets`, by plan layer): the
    /// same sweep, apart, so that the loop for every other plan keeps its shape and cost.
    #[cold]
    #[inline(never)]
    fn run_bucketed(
        &mut self,
        prep: &Prepared<'_>,
        plan: &Plan,
        buckets: &[Option<Forward>],
        seeds: &[u32],
        rng: &mut Stream,
    ) {
        self.begin();
        let valence = plan.valence;
        for &s in seeds {
            if !self.seen(s) {
                self.convince(s, 0, valence, NONE, NONE);
            }
        }
        let key = if plan.keyed { rng.next_u64() } else { 0 };
        let mut t = 0u32;
        loop {
            std::mem::swap(&mut self.frontier, &mut self.next);
            self.next.clear();
            if self.frontier.is_empty() {
                break;
            }
            let at = t + plan.latency;
            for k in 0..self.frontier.len() {
                let u = self.frontier[k];
                for (i, pl) in plan.layers.iter().enumerate() {
                    let l = pl.index as usize;
                    let from = From { u, at, valence, layer: pl.index };
                    let range = prep.net.layers()[l].range(u);
                    if let Some(forward) = &buckets[i] {
                        if let How::Coins { base, .. } = pl.how {
                            self.ties(range, forward, base, key, from, rng);
                        }
                        continue;
                    }
                    match &pl.how {
                        How::Skips => self.skips(prep, l, range, from, rng),
                        How::Coins { thresholds, base } => {
                            let first = base + range.start as u64;
                            self.coins(prep, l, range, thresholds, first, key, from);
                        }
                        How::Weights => self.weights(prep, plan, l, range, key, from),
                    }
                }
            }
            t = at;
        }
    }

    /// The sweep of [`Scratch::run_plain`] from `seeds` when a single layer is enabled,
    /// sampled by skips (Independent Cascade on one layer): the same draws in the same order,
    /// with the layer's ties and gap table looked up once a run rather than once a person,
    /// which is most of the work of a run that convinces few beyond its seeds.
    fn run_skips(
        &mut self,
        prep: &Prepared<'_>,
        index: u32,
        latency: u32,
        seeds: &[u32],
        valence: Valence,
        rng: &mut Stream,
    ) {
        for &s in seeds {
            if !self.seen(s) {
                self.convince_swept(s, 0, valence, NONE, NONE);
            }
        }
        let l = index as usize;
        let Some(gaps) = &prep.layers[l].gaps else { return };
        let gap = &gaps[valence.index()];
        let layer = &prep.net.layers()[l];
        let (offsets, targets) = (layer.offsets(), layer.targets());
        // Each step's frontier is the stretch of `activated` the step before added (the seeds
        // first), in the order convinced: no second list to fill and swap.
        let (mut at, mut first) = (0u32, 0usize);
        loop {
            let end = self.activated.len();
            if first == end {
                break;
            }
            at += latency;
            for k in first..end {
                let u = self.activated[k];
                let (mut slot, stop) =
                    (offsets[u as usize] as usize, offsets[u as usize + 1] as usize);
                loop {
                    let skip = gap.sample(rng);
                    if skip >= (stop - slot) as u64 {
                        break;
                    }
                    slot += skip as usize;
                    let v = targets[slot];
                    if !self.seen(v) {
                        self.convince_swept(v, at, valence, u, index);
                    }
                    slot += 1;
                }
            }
            first = end;
        }
    }

    /// One probability on every tie: geometric skips to the successful ones.
    #[inline]
    fn skips(
        &mut self,
        prep: &Prepared<'_>,
        l: usize,
        range: std::ops::Range<usize>,
        from: From,
        rng: &mut Stream,
    ) {
        let Some(gaps) = &prep.layers[l].gaps else { return };
        let gap = &gaps[from.valence.index()];
        let targets = prep.net.layers()[l].targets();
        let mut slot = range.start;
        loop {
            let skip = gap.sample(rng);
            if skip >= (range.end - slot) as u64 {
                break;
            }
            slot += skip as usize;
            let v = targets[slot];
            if !self.seen(v) {
                self.convince(v, from.at, from.valence, from.u, from.layer);
            }
            slot += 1;
        }
    }

    /// A person's ties with a probability each: coins for the dense ones, gaps within each
    /// sparse bucket; ties numbered from `base` by their position in the plan's order.
    #[allow(clippy::too_many_arguments)] // the loop's state, passed rather than looked up
    #[inline]
    fn ties(
        &mut self,
        range: std::ops::Range<usize>,
        forward: &Forward,
        base: u64,
        key: u64,
        from: From,
        rng: &mut Stream,
    ) {
        let targets = &forward.targets;
        let runs = forward.runs_of(from.u);
        let Some(run) = runs.first() else {
            // Not reordered (most people): the plain loop's coins on the person's ties.
            let first = base + range.start as u64;
            self.coin_chunks(&targets[range.clone()], &forward.thresholds[range], first, key, from);
            return;
        };
        let dense = range.start..run.start as usize;
        let first = base + dense.start as u64;
        self.coin_chunks(&targets[dense.clone()], &forward.thresholds[dense], first, key, from);
        for run in runs {
            self.gaps(targets, &forward.thresholds, run, base, key, from, rng);
        }
    }

    /// One sparse bucket j: geometric gaps of 2^−j to the candidates, each kept when its coin
    /// is below its threshold·2^j (at most 2^53), so live with its own probability. A
    /// candidate whose target is already reached is passed over without its coin: its
    /// outcome changes nothing, and no other tie uses that coin.
    #[allow(clippy::too_many_arguments)] // the loop's state, passed rather than looked up
    #[inline]
    fn gaps(
        &mut self,
        targets: &[u32],
        thresholds: &[u64],
        run: &SparseRun,
        base: u64,
        key: u64,
        from: From,
        rng: &mut Stream,
    ) {
        let (gaps, j) = (gap_table(run.bucket), run.bucket);
        let (mut at, end) = (run.start as usize, run.end as usize);
        loop {
            let gap = gaps.sample(rng);
            if gap >= (end - at) as u64 {
                break;
            }
            at += gap as usize;
            let v = targets[at];
            if !self.seen(v) && keyed(key, base + at as u64) >> 11 < thresholds[at] << j {
                self.convince(v, from.at, from.valence, from.u, from.layer);
            }
            at += 1;
        }
    }

    /// A coin per tie, the tie numbered from `first`.
    /// Always inlined: with the bucketed loop in this file the compiler stopped inlining it
    /// into `run_plain` (measured: `docs/performance/forward_buckets.md`).
    #[allow(clippy::too_many_arguments)] // the loop's state, passed rather than looked up
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn coins(
        &mut self,
        prep: &Prepared<'_>,
        l: usize,
        range: std::ops::Range<usize>,
        thresholds: &[u64],
        first: u64,
        key: u64,
        from: From,
    ) {
        let targets = &prep.net.layers()[l].targets()[range.clone()];
        let thresholds = &thresholds[range];
        // The coins of 64 ties at a time first, as bits, without a branch on each (a success
        // is rare and unpredictable), then the successes in tie order.
        for (c, chunk) in thresholds.chunks(64).enumerate() {
            let at = first + (c * 64) as u64;
            let mut bits = 0u64;
            for (j, &threshold) in chunk.iter().enumerate() {
                bits |= u64::from(keyed(key, at + j as u64) >> 11 < threshold) << j;
            }
            while bits != 0 {
                let v = targets[c * 64 + bits.trailing_zeros() as usize];
                bits &= bits - 1;
                if !self.seen(v) {
                    self.convince(v, from.at, from.valence, from.u, from.layer);
                }
            }
        }
    }

    /// [`Scratch::coins`] on slices of a bucketed layer's plan: a coin per tie of `targets`
    /// (with their `thresholds`), the ties numbered from `first`.
    #[inline]
    fn coin_chunks(
        &mut self,
        targets: &[u32],
        thresholds: &[u64],
        first: u64,
        key: u64,
        from: From,
    ) {
        // The coins of 64 ties at a time first, as bits, without a branch on each (a success
        // is rare and unpredictable), then the successes in tie order.
        for (c, chunk) in thresholds.chunks(64).enumerate() {
            let at = first + (c * 64) as u64;
            let mut bits = 0u64;
            for (j, &threshold) in chunk.iter().enumerate() {
                bits |= u64::from(keyed(key, at + j as u64) >> 11 < threshold) << j;
            }
            while bits != 0 {
                let v = targets[c * 64 + bits.trailing_zeros() as usize];
                bits &= bits - 1;
                if !self.seen(v) {
                    self.convince(v, from.at, from.valence, from.u, from.layer);
                }
            }
        }
    }

    /// Linear Threshold: every tie sends its weight.
    #[inline]
    fn weights(
        &mut self,
        prep: &Prepared<'_>,
        plan: &Plan,
        l: usize,
        range: std::ops::Range<usize>,
        key: u64,
        from: From,
    ) {
        let values = &prep.layers[l].values;
        let targets = prep.net.layers()[l].targets();
        let multiplier = prep.valence_multiplier[from.valence.index()];
        for slot in range {
            let value = f64::from(values[slot]);
            if value <= 0.0 {
                continue;
            }
            let v = targets[slot];
            let i = v as usize;
            if !self.seen(v) {
                self.touch_plain(v);
                self.acc[i] = 0.0;
                self.theta[i] = if let Some(given) = prep.thresholds {
                    given[i]
                } else {
                    let x = keyed(key, plan.people_base + u64::from(v));
                    (x >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
                };
            } else if self.time(v) != NOT_ACTIVE {
                continue;
            }
            self.acc[i] += f64::from((value * multiplier) as f32);
            // The general engine's tolerance (weights are stored as f32).
            if self.acc[i] >= self.theta[i] - 1e-6 {
                self.activate(v, from.at, from.valence, from.u, from.layer);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Plan;
    use crate::cascade::engine::Scratch;
    use crate::cascade::model::{Distrust, LayerSettings, Model, Seeds};
    use crate::cascade::prepared::Prepared;
    use crate::rng::Stream;

    /// Each person's activation count over `runs` runs of one engine.
    fn counts(prep: &Prepared<'_>, seeds: &Seeds, runs: u64, plain: bool) -> Vec<u64> {
        let mut scratch = Scratch::new(prep);
        let mut out = vec![0u64; prep.net.num_people()];
        for r in 0..runs {
            let mut rng = Stream::new(11, r);
            if plain {
                scratch.run(prep, seeds, &mut rng);
            } else {
                scratch.run_general(prep, seeds, &mut rng);
            }
            for &v in &scratch.activated {
                out[v as usize] += 1;
            }
        }
        out
    }

    /// The plain engine draws differently but samples the same cascades: every person's
    /// activation frequency agrees with the general engine's within 4.5 standard errors, for
    /// the weighted cascade (good buzz, and bad buzz with its multiplier), Linear Threshold
    /// and Independent Cascade with a layer multiplier, on a real multiplex.
    #[test]
    fn plain_and_general_engines_agree() {
        let net = crate::datasets::aarhus_cs().compile();
        let runs = 3000;
        let ic = Model {
            distrust: Distrust::Block,
            bad_multiplier: 1.5,
            ..Model::independent_cascade(0.15)
        }
        .layer("facebook", LayerSettings { multiplier: 0.5, ..Default::default() });
        let cases = [
            (Model::weighted_cascade(), Seeds::from(vec![0, 1])),
            (
                Model { bad_multiplier: 1.5, ..Model::weighted_cascade() },
                Seeds::new(vec![], vec![4, 20]),
            ),
            (Model::linear_threshold(), Seeds::from(vec![0, 1])),
            (ic, Seeds::new(vec![], vec![3, 9])),
        ];
        for (model, seeds) in cases {
            let prep = Prepared::new(&net, &model).unwrap();
            assert!(Plan::of(&prep, &seeds).is_some(), "{:?} runs on the plain engine", model.kind);
            let (a, b) = (counts(&prep, &seeds, runs, true), counts(&prep, &seeds, runs, false));
            for (v, (&x, &y)) in a.iter().zip(&b).enumerate() {
                let (p, q) = (x as f64 / runs as f64, y as f64 / runs as f64);
                let se = ((p * (1.0 - p) + q * (1.0 - q)) / runs as f64).sqrt().max(1e-3);
                assert!((p - q).abs() <= 4.5 * se, "{:?}: person {v}: {p} against {q}", model.kind);
            }
        }
    }

    /// A hub whose out-ties go to people of in-degree 1, 2, 3, 6, 12, 25, 60 and 100 (the
    /// others from people never reached), 25 each: under the weighted cascade each of its
    /// ties succeeds with 1/in-degree, and its ties of small probability are bucketed.
    fn hub_network() -> (crate::CompiledNetwork, Vec<u32>) {
        use crate::{Layer, Network, PersonId};
        let degrees = [1u32, 2, 3, 6, 12, 25, 60, 100];
        let (k, feeders) = (200u32, 99u32);
        let mut net = Network::new();
        net.add_layer(Layer::digital("t").directed(true)).unwrap();
        net.add_people((1 + k + feeders) as usize).unwrap();
        let mut indegree = Vec::new();
        for i in 0..k {
            let (v, d) = (1 + i, degrees[i as usize % degrees.len()]);
            net.add_tie(PersonId(0), PersonId(v), "t", 1.0).unwrap();
            for f in 0..d - 1 {
                net.add_tie(PersonId(1 + k + f), PersonId(v), "t", 1.0).unwrap();
            }
            indegree.push(d);
        }
        (net.compile(), indegree)
    }

    /// Each of a bucketed hub's ties succeeds with its own probability 1/in-degree: each
    /// target's frequency within 5 standard errors, and each in-degree's 25 targets pooled
    /// within 5 (pooled, a 10% error in the acceptance is 10 standard errors or more at every
    /// in-degree of 6 and above).
    #[test]
    fn bucketed_ties_succeed_with_their_own_probability() {
        let (net, indegree) = hub_network();
        let model = Model::weighted_cascade();
        let prep = Prepared::new(&net, &model).unwrap();
        let seeds = Seeds::from(vec![0]);
        let plan = Plan::of(&prep, &seeds).unwrap();
        let Some(forward) = &plan.buckets.as_ref().expect("buckets")[0] else { panic!("layer 0") };
        let buckets: Vec<u32> = forward.runs_of(0).iter().map(|r| r.bucket).collect();
        assert_eq!(buckets, [3, 4, 5, 6], "the hub's sparse buckets");
        let runs = 100_000u64;
        let got = counts(&prep, &seeds, runs, true);
        let mut pooled = std::collections::BTreeMap::<u32, (f64, f64)>::new();
        for (i, &d) in indegree.iter().enumerate() {
            let (x, p) = (got[1 + i] as f64, 1.0 / f64::from(d));
            let (mean, var) = (runs as f64 * p, runs as f64 * p * (1.0 - p));
            assert!((x - mean).abs() <= 5.0 * var.sqrt() + 1e-9, "in-degree {d}: {x} vs {mean}");
            let e = pooled.entry(d).or_default();
            *e = (e.0 + x - mean, e.1 + var);
        }
        for (d, (error, var)) in pooled {
            assert!(error.abs() <= 5.0 * var.sqrt() + 1e-9, "in-degree {d}: off by {error}");
        }
    }

    /// Per-tie Independent Cascade through a bucketed hub: the mean spread over runs is the
    /// exact expected spread (every live-edge world enumerated), within 5 standard errors (a
    /// 10% error in the acceptance moves it by about 40).
    #[test]
    fn bucketed_cascades_have_the_exact_spread() {
        use crate::cascade::{ExactSpreadRequest, exact_spread};
        use crate::{Layer, Network, PersonId, TieSpec};
        let mut net = Network::new();
        net.add_layer(Layer::digital("t").directed(true)).unwrap();
        net.add_people(20).unwrap();
        let tie = |net: &mut Network, a: u32, b: u32, p: f64| {
            net.add_tie_spec(PersonId(a), PersonId(b), "t", TieSpec::weight(1.0).probability(p))
                .unwrap();
        };
        // Person 1's 16 ties of p = 0.06 make a sparse bucket; it is reached with 0.8.
        tie(&mut net, 0, 1, 0.8);
        for v in 2..18 {
            tie(&mut net, 1, v, 0.06);
        }
        tie(&mut net, 2, 18, 0.5);
        tie(&mut net, 0, 19, 0.3);
        let net = net.compile();
        let model = Model::independent_cascade(0.5);
        let prep = Prepared::new(&net, &model).unwrap();
        let seeds = Seeds::from(vec![0]);
        let plan = Plan::of(&prep, &seeds).unwrap();
        let Some(forward) = &plan.buckets.as_ref().expect("buckets")[0] else { panic!("layer 0") };
        assert!(!forward.runs_of(1).is_empty(), "person 1 is bucketed");
        let exact =
            exact_spread(&net, &ExactSpreadRequest::new(vec![0]).model(model.clone())).unwrap();
        let runs = 400_000u64;
        let got = counts(&prep, &seeds, runs, true);
        let total: u64 = got.iter().sum();
        let mean = total as f64 / runs as f64;
        // The spread is at most 20: its variance is at most 100; measured from the shares.
        let var: f64 = got.iter().map(|&c| c as f64 / runs as f64).map(|p| p * (1.0 - p)).sum();
        let se = (20.0 * var / runs as f64).sqrt();
        assert!((mean - exact).abs() <= 5.0 * se, "mean {mean} vs exact {exact} (se {se})");
        // Person 18 is reached through a bucketed tie: 0.8 · 0.06 · 0.5.
        let p18 = got[18] as f64 / runs as f64;
        let want = 0.8 * 0.06 * 0.5;
        assert!((p18 - want).abs() <= 5.0 * (want / runs as f64).sqrt(), "{p18} vs {want}");
    }

    /// The same seed gives the same weighted cascades on one thread and on four, through
    /// bucketed hubs.
    #[test]
    fn bucketed_runs_are_the_same_for_any_thread_count() {
        use crate::cascade::{SimulateRequest, simulate};
        let (net, _) = hub_network();
        let request = SimulateRequest::campaigns(&Seeds::from(vec![0]))
            .model(Model::weighted_cascade())
            .runs(3000)
            .seed(7);
        let on = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            pool.install(|| format!("{:?}", simulate(&net, &request).unwrap()))
        };
        assert_eq!(on(1), on(4));
    }

    /// The memoised thresholds are the arithmetic's, whatever the values repeat or collide in
    /// the table: few repeated values (the weighted cascade's), all distinct, multiplicities.
    #[test]
    fn memoised_thresholds_are_computed_ones() {
        use crate::cascade::engine::attempt_probability;
        use crate::rng::threshold_53;
        let mut rng = Stream::new(5, 5);
        for case in 0..3 {
            let n = 20_000;
            let values: Vec<f32> = (0..n)
                .map(|i| match case {
                    0 => 1.0 / (1 + rng.below(40)) as f32,
                    1 => rng.uniform() as f32,
                    _ => {
                        if i % 5 == 0 {
                            0.0
                        } else {
                            rng.uniform() as f32 * 0.3
                        }
                    }
                })
                .collect();
            let multiplicity: Vec<u16> = (0..n).map(|_| 1 + rng.below(3) as u16).collect();
            for multiplier in [1.0, 1.5, 0.25] {
                let got = super::thresholds(&values, &multiplicity, multiplier);
                for ((&v, &m), &t) in values.iter().zip(&multiplicity).zip(&got) {
                    let v = f64::from(v);
                    let want = if v <= 0.0 {
                        0
                    } else {
                        threshold_53(attempt_probability(v, multiplier, m))
                    };
                    assert_eq!(t, want, "value {v}, multiplicity {m}");
                }
            }
        }
    }

    /// With one probability on every tie the plain engine makes the general engine's draws in
    /// the same order: the very same cascades, person by person.
    #[test]
    fn uniform_independent_cascade_is_unchanged() {
        let net = crate::datasets::aarhus_cs().compile();
        let model = Model::independent_cascade(0.2);
        let prep = Prepared::new(&net, &model).unwrap();
        let seeds = Seeds::from(vec![0, 5]);
        assert!(Plan::of(&prep, &seeds).is_some());
        let (mut a, mut b) = (Scratch::new(&prep), Scratch::new(&prep));
        for r in 0..200 {
            a.run(&prep, &seeds, &mut Stream::new(3, r));
            b.run_general(&prep, &seeds, &mut Stream::new(3, r));
            assert_eq!(a.activated, b.activated);
            for &v in &a.activated {
                assert_eq!((a.time(v), a.parent(v), a.via(v)), (b.time(v), b.parent(v), b.via(v)));
            }
        }
    }

    /// The one-layer sweep (`run_skips`) gives the general engine's very cascades, person by
    /// person: on a one-layer network, and on a multiplex with one layer enabled (not the
    /// first, with a latency of 2), for good buzz and for bad buzz with its multiplier, at
    /// probabilities from sparse to dense, over many seeds of the stream.
    #[test]
    fn one_layer_sweep_is_the_general_engine() {
        let ba = crate::generators::barabasi_albert(300, 3, 4).unwrap().compile();
        let aarhus = crate::datasets::aarhus_cs().compile();
        let names: Vec<String> = aarhus.layers().iter().map(|l| l.name.clone()).collect();
        let mut one = Model { bad_multiplier: 1.7, ..Model::independent_cascade(0.3) };
        for (l, name) in names.iter().enumerate() {
            let settings = if l == 2 {
                LayerSettings { latency: Some(2), ..Default::default() }
            } else {
                LayerSettings { enabled: false, ..Default::default() }
            };
            one = one.layer(name, settings);
        }
        let cases = [
            (&ba, Model::independent_cascade(0.01), Seeds::from(vec![0, 7, 7, 150, 299])),
            (&ba, Model::independent_cascade(0.2), Seeds::from(vec![3, 40])),
            (&ba, Model::independent_cascade(0.2), Seeds::new(vec![], vec![5])),
            (&aarhus, one.clone(), Seeds::from(vec![0, 1, 2])),
            (&aarhus, one, Seeds::new(vec![], vec![4, 9])),
        ];
        let mut reached = 0;
        for (net, model, seeds) in cases {
            let prep = Prepared::new(net, &model).unwrap();
            let plan = Plan::of(&prep, &seeds).expect("a plain cascade");
            assert!(matches!(plan.layers[..], [super::PlanLayer { how: super::How::Skips, .. }]));
            let (mut a, mut b) = (Scratch::new(&prep), Scratch::new(&prep));
            for r in 0..500 {
                a.run(&prep, &seeds, &mut Stream::new(9, r));
                b.run_general(&prep, &seeds, &mut Stream::new(9, r));
                assert_eq!(a.activated, b.activated, "run {r}");
                for &v in &a.activated {
                    assert_eq!(a.outcome(v), b.outcome(v), "run {r}, person {v}");
                    assert_eq!(a.parent(v), b.parent(v), "run {r}, person {v}");
                }
                reached += a.activated.len();
            }
        }
        assert!(reached > 20_000, "the cascades go beyond their seeds: {reached}");
    }

    /// What the plain engine leaves to the general one: two campaigns at once, media,
    /// fatigue, differing latencies, inverting ties.
    #[test]
    fn only_plain_cascades_take_the_plain_engine() {
        let net = crate::datasets::aarhus_cs().compile();
        let ic = Model::independent_cascade(0.1);
        let prep = Prepared::new(&net, &ic).unwrap();
        assert!(Plan::of(&prep, &Seeds::new(vec![0], vec![1])).is_none());
        let slow =
            ic.clone().layer("lunch", LayerSettings { latency: Some(3), ..Default::default() });
        let prep = Prepared::new(&net, &slow).unwrap();
        assert!(Plan::of(&prep, &Seeds::from(vec![0])).is_none());
        let tired = ic.fatigue(crate::fatigue::Fatigue::exponential(0.5));
        let prep = Prepared::new(&net, &tired).unwrap();
        assert!(Plan::of(&prep, &Seeds::from(vec![0])).is_none());
    }
}
