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
//!   and no conversion to floating point;
//! - Linear Threshold: every tie sends its weight; a person's threshold is drawn from the
//!   same key, by person, when a weight first reaches them (or given by the model).

use crate::cascade::engine::{NONE, NOT_ACTIVE, Scratch, attempt_probability};
use crate::cascade::model::{Distrust, ModelKind, Seeds, Valence};
use crate::cascade::plan::{How, Plan, PlanLayer};
use crate::cascade::prepared::Prepared;
use crate::rng::{Stream, keyed, threshold_53};

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
                    let thresholds = match &pl.by_target {
                        // Every tie's threshold is its target's (one attempt each): worked out
                        // per target, then looked up, rather than hashed per tie.
                        Some(by_target)
                            if layer.is_plain() || layer.multiplicity().iter().all(|&m| m == 1) =>
                        {
                            let ones = vec![1; by_target.len()];
                            let per_target = thresholds(by_target, &ones, multiplier);
                            layer.targets().iter().map(|&v| per_target[v as usize]).collect()
                        }
                        _ => thresholds(prep.values(l), layer.multiplicity(), multiplier),
                    };
                    How::Coins { thresholds, base }
                };
                layers.push(PlanLayer { index: l as u32, how });
            }
            base += slots;
        }
        Some(Plan { valence, latency, layers, keyed, people_base: base })
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

    /// Bytes a plan may hold for `prep`'s network: a threshold per directed tie.
    pub(crate) const BYTES_PER_TIE: u64 = 8;
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
            self.run_plain(prep, plan, list, rng);
            return;
        }
        self.run_general(prep, seeds, rng);
    }

    /// One plain cascade from `seeds` (all of the plan's valence) with the random stream
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

    /// A coin per tie, the tie numbered from `first`.
    #[allow(clippy::too_many_arguments)] // the loop's state, passed rather than looked up
    #[inline]
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
        let values = prep.values(l);
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

    /// A plan's thresholds looked up by target (the weighted cascade on plain ties) are those
    /// worked out tie by tie from the values and multiplicities, for both valences, with a
    /// layer multiplier and with the bad-buzz multiplier.
    #[test]
    fn thresholds_by_target_are_per_tie_ones() {
        use crate::cascade::model::Valence;
        use crate::cascade::plan::How;
        let net = crate::datasets::aarhus_cs().compile();
        let model = Model { bad_multiplier: 1.5, ..Model::weighted_cascade() }
            .layer("facebook", LayerSettings { multiplier: 0.7, ..Default::default() });
        let prep = Prepared::new(&net, &model).unwrap();
        for valence in [Valence::Good, Valence::Bad] {
            let plan = Plan::new(&prep, valence).unwrap();
            assert_eq!(plan.layers.len(), net.layers().len());
            for pl in &plan.layers {
                let l = pl.index as usize;
                assert!(prep.layers[l].by_target.is_some());
                let How::Coins { thresholds, .. } = &pl.how else { panic!("coins") };
                let multiplier = prep.valence_multiplier[valence.index()];
                let layer = &net.layers()[l];
                let want = super::thresholds(prep.values(l), layer.multiplicity(), multiplier);
                assert_eq!(thresholds, &want, "{valence:?}, layer {l}");
            }
        }
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
