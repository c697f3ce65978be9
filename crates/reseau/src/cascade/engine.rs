//! One cascade run.
//!
//! Time advances in steps. A person convinced at step t acts on each of their ties at once
//! (IC: one draw per tie; LT: their weight is sent), and what they send arrives at step
//! t + latency of the tie's layer, held meanwhile in a ring of time buckets. Only people a
//! message reaches are ever touched: per-person state is stamped with the run's number, so
//! starting a run costs nothing however large the network.
//!
//! Rules, in the order the engine applies them:
//! - a person already convinced stays as they are, except that when good and bad buzz reach
//!   them in the same step, bad buzz wins (negativity bias), whichever arrived first;
//! - a campaign that starts at step d > 0 convinces its seeds at step d, after that step's
//!   arrivals, under the same rule: a seed already convinced keeps their view, unless it is
//!   good buzz of step d and the campaign is bad buzz;
//! - a `media` person counts the distinct people it follows who pass it the story, whatever
//!   the ties' probabilities, and picks it up at the arrival that reaches its threshold, with
//!   that arrival's valence;
//! - IC and weighted cascade: an arrival is a successful attempt and convinces;
//! - LT: an arrival adds its weight; the person is convinced once the total reaches their
//!   threshold, with the valence of the arrival that crossed it.
//!
//! With fatigue, IC and weighted-cascade attempts are drawn when they arrive rather than when
//! sent: an arrival at a person not yet convinced (or a bad-buzz arrival that could overturn
//! good buzz of the same step) is an exposure. Its success probability is multiplied by the
//! person's willingness at their load before it, then the load grows by 1; LT weights are
//! multiplied by the same willingness. A person so convinced relays at all with that
//! willingness (one draw), so that a tired person neither buys nor forwards. Media count
//! their sources as without fatigue.

use crate::cascade::model::{Distrust, ModelKind, Seeds, Valence};
use crate::cascade::prepared::Prepared;
use crate::fatigue::Load;
use crate::model::PersonKind;
use crate::rng::Stream;

/// `time` of a person not (yet) convinced.
pub(crate) const NOT_ACTIVE: u32 = u32::MAX;
/// `parent`/`via` of a seed.
pub(crate) const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Arrival {
    to: u32,
    from: u32,
    layer: u32,
    valence: Valence,
    /// LT: the weight sent; IC and weighted cascade with fatigue: the slot's value, drawn on
    /// arrival.
    weight: f32,
    /// IC and weighted cascade with fatigue: the slot's multiplicity.
    multiplicity: u16,
}

/// One person's state in the current run, kept together so that a touch is one cache line.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// The run that last touched this person; the other fields are stale otherwise.
    stamp: u32,
    time: u32,
    parent: u32,
    via: u32,
    valence: Valence,
    /// Whether this person passes the message on once convinced (false only under fatigue).
    relays: bool,
}

impl Node {
    /// Touched in run `stamp` and not convinced.
    const fn fresh(stamp: u32) -> Self {
        Node {
            stamp,
            time: NOT_ACTIVE,
            parent: NONE,
            via: NONE,
            valence: Valence::Good,
            relays: true,
        }
    }
}

/// Per-person state reused from run to run.
#[derive(Debug, Clone)]
pub(crate) struct Scratch {
    epoch: u32,
    nodes: Vec<Node>,
    /// LT: weight received and threshold (NaN until drawn); empty for other models.
    pub(super) acc: Vec<f64>,
    pub(super) theta: Vec<f64>,
    /// Media: distinct sources counted, and the last one (to count each once); empty when
    /// nobody is media.
    count: Vec<u32>,
    last_source: Vec<u32>,
    buckets: Vec<Vec<Arrival>>,
    spare: Vec<Arrival>,
    pub(super) frontier: Vec<u32>,
    pub(super) next: Vec<u32>,
    /// Everyone convinced in the last run, in the order convinced.
    pub(crate) activated: Vec<u32>,
    /// Each person's load, under fatigue.
    load: Option<Load>,
    /// Whether the current run delivers what is sent at once (one latency, every campaign
    /// started at step 0) rather than through the buckets.
    immediate: bool,
}

impl Scratch {
    /// Space for runs of `prep` (the LT and media arrays only when they are used, so that a
    /// single run on a large network allocates little).
    pub(crate) fn new(prep: &Prepared<'_>) -> Self {
        let n = prep.net.num_people();
        let node = Node::fresh(0);
        let lt = if prep.kind == ModelKind::LinearThreshold { n } else { 0 };
        let media = if prep.has_media { n } else { 0 };
        Scratch {
            epoch: 0,
            nodes: vec![node; n],
            acc: vec![0.0; lt],
            theta: vec![f64::NAN; lt],
            count: vec![0; media],
            last_source: vec![NONE; media],
            buckets: Vec::new(),
            spare: Vec::new(),
            frontier: Vec::new(),
            next: Vec::new(),
            activated: Vec::new(),
            load: prep.fatigue.map(|f| f.new_load(n)),
            immediate: false,
        }
    }

    /// When `v` was convinced in the last run (valid for the people in `activated`).
    #[inline]
    pub(crate) fn time(&self, v: u32) -> u32 {
        self.nodes[v as usize].time
    }
    /// Who convinced `v` ([`NONE`] for a seed).
    #[inline]
    pub(crate) fn parent(&self, v: u32) -> u32 {
        self.nodes[v as usize].parent
    }
    /// Through which layer ([`NONE`] for a seed).
    #[inline]
    pub(crate) fn via(&self, v: u32) -> u32 {
        self.nodes[v as usize].via
    }
    /// With which valence.
    #[inline]
    pub(crate) fn valence(&self, v: u32) -> Valence {
        self.nodes[v as usize].valence
    }

    /// When, through which layer and with which valence `v` was convinced in the last run
    /// (valid for the people in `activated`): [`Scratch::time`], [`Scratch::via`] and
    /// [`Scratch::valence`] in one look-up.
    #[inline]
    pub(crate) fn outcome(&self, v: u32) -> (u32, u32, Valence) {
        let n = &self.nodes[v as usize];
        (n.time, n.via, n.valence)
    }

    /// Whether `v` is convinced in the current run.
    #[inline]
    fn is_active(&self, v: u32) -> bool {
        let n = &self.nodes[v as usize];
        n.stamp == self.epoch && n.time != NOT_ACTIVE
    }

    /// Whether nothing sent to `v` with valence `sent`, arriving at step `at`, can change it:
    /// it is convinced, and not by good buzz in that very step when bad buzz is coming.
    #[inline]
    fn settled(&self, v: u32, at: u32, sent: Valence) -> bool {
        let n = &self.nodes[v as usize];
        n.stamp == self.epoch
            && n.time != NOT_ACTIVE
            && !(n.time == at && n.valence == Valence::Good && sent == Valence::Bad)
    }

    #[inline]
    fn touch(&mut self, v: u32) {
        let i = v as usize;
        if self.nodes[i].stamp != self.epoch {
            self.nodes[i] = Node::fresh(self.epoch);
            if !self.acc.is_empty() {
                self.acc[i] = 0.0;
                self.theta[i] = f64::NAN;
            }
            if !self.count.is_empty() {
                self.count[i] = 0;
                self.last_source[i] = NONE;
            }
        }
    }

    pub(super) fn activate(&mut self, v: u32, t: u32, valence: Valence, parent: u32, via: u32) {
        let n = &mut self.nodes[v as usize];
        n.time = t;
        n.valence = valence;
        n.parent = parent;
        n.via = via;
        self.activated.push(v);
        self.next.push(v);
    }

    /// Whether `v` has been touched in the current run (the plain engine touches only people
    /// it convinces, and under Linear Threshold those a weight reached).
    #[inline]
    pub(super) fn seen(&self, v: u32) -> bool {
        self.nodes[v as usize].stamp == self.epoch
    }

    /// Marks `v` touched in the current run and not convinced (the plain engine's `touch`,
    /// which leaves the Linear Threshold arrays to its caller).
    #[inline]
    pub(super) fn touch_plain(&mut self, v: u32) {
        self.nodes[v as usize] = Node::fresh(self.epoch);
    }

    /// Convinces `v`, untouched in the current run, at step `t`.
    #[inline]
    pub(super) fn convince(&mut self, v: u32, t: u32, valence: Valence, parent: u32, via: u32) {
        self.nodes[v as usize] =
            Node { stamp: self.epoch, time: t, parent, via, valence, relays: true };
        self.activated.push(v);
        self.next.push(v);
    }

    /// [`Scratch::convince`] for a sweep whose frontier is a stretch of `activated` (each
    /// step's people follow the step before's there): `activated` only.
    #[inline]
    pub(super) fn convince_swept(
        &mut self,
        v: u32,
        t: u32,
        valence: Valence,
        parent: u32,
        via: u32,
    ) {
        self.nodes[v as usize] =
            Node { stamp: self.epoch, time: t, parent, via, valence, relays: true };
        self.activated.push(v);
    }

    /// Starts a run: a new stamp (older ones are stale), no one convinced.
    pub(super) fn begin(&mut self) {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            // 2^32 runs on one scratch: clear the stamps once rather than misread old ones.
            for n in &mut self.nodes {
                n.stamp = 0;
            }
            self.epoch = 1;
        }
        self.activated.clear();
        self.next.clear();
    }

    /// [`Scratch::run`] on the general engine, whatever the cascade.
    pub(super) fn run_general(&mut self, prep: &Prepared<'_>, seeds: &Seeds, rng: &mut Stream) {
        self.begin();
        let ring = prep.max_latency as usize + 1;
        if self.buckets.len() != ring {
            self.buckets = vec![Vec::new(); ring];
        }
        for b in &mut self.buckets {
            b.clear();
        }
        if let Some(load) = &mut self.load {
            load.clear();
        }
        // A campaign that starts later joins at its step, between the arrivals and the
        // sending: the steps go one by one through the buckets then.
        self.immediate = prep.single_latency.is_some() && !seeds.delayed();
        self.start_campaigns(seeds, 0);
        let mut t: u32 = 0;
        let mut pending = 0usize;
        loop {
            std::mem::swap(&mut self.frontier, &mut self.next);
            self.next.clear();
            for k in 0..self.frontier.len() {
                let u = self.frontier[k];
                pending += self.propagate(prep, u, t, rng);
            }
            if self.immediate {
                let Some(latency) = prep.single_latency else { unreachable!() };
                if self.next.is_empty() {
                    break;
                }
                t += latency;
                continue;
            }
            let start = next_start(seeds, t);
            if pending == 0 {
                match start {
                    Some(s) => t = s,
                    None => break,
                }
            } else {
                loop {
                    t += 1;
                    if !self.buckets[t as usize % ring].is_empty() || start == Some(t) {
                        break;
                    }
                }
            }
            let mut arrivals = std::mem::take(&mut self.spare);
            std::mem::swap(&mut arrivals, &mut self.buckets[t as usize % ring]);
            pending -= arrivals.len();
            for a in &arrivals {
                self.arrive(prep, *a, t, rng);
            }
            arrivals.clear();
            self.spare = arrivals;
            if start == Some(t) {
                self.start_campaigns(seeds, t);
            }
        }
    }

    /// Convinces the seeds of the campaigns that start at step `t` (see [`Seeds::starting`]:
    /// a seed who holds a view keeps it, unless good buzz convinced them at `t` itself and
    /// their campaign is bad buzz).
    fn start_campaigns(&mut self, seeds: &Seeds, t: u32) {
        for (valence, list) in [(Valence::Good, &seeds.good), (Valence::Bad, &seeds.bad)] {
            if seeds.start(valence) != t {
                continue;
            }
            for &s in list {
                self.touch(s);
                let node = &mut self.nodes[s as usize];
                if node.time == NOT_ACTIVE {
                    self.activate(s, t, valence, NONE, NONE);
                } else if node.time == t && node.valence == Valence::Good && valence == Valence::Bad
                {
                    (node.valence, node.parent, node.via) = (Valence::Bad, NONE, NONE);
                }
            }
        }
    }

    /// Delivers `a` at step `at`: at once when all latencies agree, else through the buckets.
    /// Returns the number of arrivals left pending.
    #[inline]
    fn send(&mut self, prep: &Prepared<'_>, a: Arrival, at: u32, rng: &mut Stream) -> usize {
        if self.immediate {
            self.arrive(prep, a, at, rng);
            0
        } else {
            let ring = self.buckets.len();
            self.buckets[at as usize % ring].push(a);
            1
        }
    }

    /// `u`, convinced at step `t`, acts on each of their ties; returns the arrivals left
    /// pending.
    fn propagate(&mut self, prep: &Prepared<'_>, u: u32, t: u32, rng: &mut Stream) -> usize {
        let Node { valence, relays, .. } = self.nodes[u as usize];
        if !relays {
            return 0;
        }
        let mut pending = 0;
        for (l, pl) in prep.layers.iter().enumerate() {
            if !pl.enabled {
                continue;
            }
            let layer = &prep.net.layers()[l];
            let range = layer.range(u);
            let at = t + pl.latency;
            if let Some(gaps) = &pl.gaps {
                // Geometric skipping: the gap to the next successful tie is drawn directly.
                let gap = &gaps[valence.index()];
                let mut slot = range.start;
                loop {
                    let skip = gap.sample(rng);
                    if skip >= (range.end - slot) as u64 {
                        break;
                    }
                    slot += skip as usize;
                    let v = layer.targets()[slot];
                    if !self.settled(v, at, valence) {
                        let a = Arrival {
                            to: v,
                            from: u,
                            layer: l as u32,
                            valence,
                            weight: 0.0,
                            multiplicity: 1,
                        };
                        pending += self.send(prep, a, at, rng);
                    }
                    slot += 1;
                }
                continue;
            }
            let values = prep.values(l);
            for slot in range {
                let v = layer.targets()[slot];
                let negative = layer.signs()[slot] < 0;
                let sent = if negative && prep.distrust == Distrust::Invert {
                    valence.opposite()
                } else {
                    valence
                };
                if prep.has_media && prep.net.kinds()[v as usize] == PersonKind::Media {
                    self.touch(v);
                    let blocked = negative && prep.distrust == Distrust::Block;
                    if !blocked && self.last_source[v as usize] != u && !self.is_active(v) {
                        self.last_source[v as usize] = u;
                        let a = Arrival {
                            to: v,
                            from: u,
                            layer: l as u32,
                            valence: sent,
                            weight: 0.0,
                            multiplicity: 1,
                        };
                        pending += self.send(prep, a, at, rng);
                    }
                    continue;
                }
                let value = f64::from(values[slot]);
                if value <= 0.0 || self.settled(v, at, sent) {
                    continue;
                }
                let multiplier = prep.valence_multiplier[sent.index()];
                let m = layer.multiplicity()[slot];
                let weight = match prep.kind {
                    ModelKind::LinearThreshold => (value * multiplier) as f32,
                    // Under fatigue the attempt is drawn on arrival, against the load then.
                    ModelKind::IndependentCascade | ModelKind::WeightedCascade
                        if self.load.is_some() =>
                    {
                        values[slot]
                    }
                    ModelKind::IndependentCascade | ModelKind::WeightedCascade => {
                        if !rng.bernoulli(attempt_probability(value, multiplier, m)) {
                            continue;
                        }
                        0.0
                    }
                };
                let a = Arrival {
                    to: v,
                    from: u,
                    layer: l as u32,
                    valence: sent,
                    weight,
                    multiplicity: m,
                };
                pending += self.send(prep, a, at, rng);
            }
        }
        pending
    }

    fn arrive(&mut self, prep: &Prepared<'_>, a: Arrival, t: u32, rng: &mut Stream) {
        if self.load.is_some() {
            self.arrive_tired(prep, a, t, rng);
            return;
        }
        let v = a.to;
        self.touch(v);
        let i = v as usize;
        let node = &mut self.nodes[i];
        if node.time != NOT_ACTIVE {
            if node.time == t && node.valence == Valence::Good && a.valence == Valence::Bad {
                node.valence = Valence::Bad;
                node.parent = a.from;
                node.via = a.layer;
            }
            return;
        }
        if prep.has_media && prep.net.kinds()[i] == PersonKind::Media {
            self.count[i] += 1;
            if self.count[i] >= prep.media_threshold {
                self.activate(v, t, a.valence, a.from, a.layer);
            }
            return;
        }
        match prep.kind {
            ModelKind::IndependentCascade | ModelKind::WeightedCascade => {
                self.activate(v, t, a.valence, a.from, a.layer);
            }
            ModelKind::LinearThreshold => {
                if self.theta[i].is_nan() {
                    self.theta[i] = match prep.thresholds {
                        Some(given) => given[i],
                        None => rng.uniform(),
                    };
                }
                self.acc[i] += f64::from(a.weight);
                // A tolerance so that weights summing to exactly the threshold in real
                // arithmetic are not lost to rounding (weights are stored as f32).
                if self.acc[i] >= self.theta[i] - 1e-6 {
                    self.activate(v, t, a.valence, a.from, a.layer);
                }
            }
        }
    }

    /// [`Scratch::arrive`] under fatigue (see the module's documentation).
    fn arrive_tired(&mut self, prep: &Prepared<'_>, a: Arrival, t: u32, rng: &mut Stream) {
        let v = a.to;
        self.touch(v);
        let i = v as usize;
        let node = self.nodes[i];
        let overturn = node.time == t && node.valence == Valence::Good && a.valence == Valence::Bad;
        if node.time != NOT_ACTIVE && !overturn {
            return;
        }
        if prep.has_media && prep.net.kinds()[i] == PersonKind::Media {
            if overturn {
                let n = &mut self.nodes[i];
                (n.valence, n.parent, n.via) = (Valence::Bad, a.from, a.layer);
            } else {
                self.count[i] += 1;
                if self.count[i] >= prep.media_threshold {
                    self.activate(v, t, a.valence, a.from, a.layer);
                }
            }
            return;
        }
        let (Some(load), Some(fatigue)) = (&mut self.load, prep.fatigue) else {
            unreachable!("arrive_tired runs under fatigue only");
        };
        let willing = fatigue.willingness(load.load(v, u64::from(t)));
        load.add(v, u64::from(t), 1.0);
        let convinced = match prep.kind {
            ModelKind::IndependentCascade | ModelKind::WeightedCascade => {
                let multiplier = prep.valence_multiplier[a.valence.index()];
                let q = attempt_probability(f64::from(a.weight), multiplier, a.multiplicity);
                rng.bernoulli(q * willing)
            }
            ModelKind::LinearThreshold if overturn => true,
            ModelKind::LinearThreshold => {
                if self.theta[i].is_nan() {
                    self.theta[i] = match prep.thresholds {
                        Some(given) => given[i],
                        None => rng.uniform(),
                    };
                }
                self.acc[i] += f64::from(a.weight) * willing;
                self.acc[i] >= self.theta[i] - 1e-6
            }
        };
        if !convinced {
            return;
        }
        if overturn {
            let n = &mut self.nodes[i];
            (n.valence, n.parent, n.via) = (Valence::Bad, a.from, a.layer);
            return;
        }
        self.activate(v, t, a.valence, a.from, a.layer);
        self.nodes[i].relays = willing >= 1.0 || rng.bernoulli(willing);
    }
}

/// The first step after `t` at which a campaign with seeds starts.
fn next_start(seeds: &Seeds, t: u32) -> Option<u32> {
    [(seeds.good_start, &seeds.good), (seeds.bad_start, &seeds.bad)]
        .into_iter()
        .filter(|&(start, list)| start > t && !list.is_empty())
        .map(|(start, _)| start)
        .min()
}

/// The chance that one attempt along a slot succeeds: its value times the valence multiplier,
/// capped at 1, merged over `m` parallel ties as 1 − (1 − q)^m; zero below
/// [`crate::rng::MIN_PROBABILITY`] (a tiny valence multiplier), which no draw resolves.
#[inline]
pub(crate) fn attempt_probability(value: f64, multiplier: f64, m: u16) -> f64 {
    let mut q = (value * multiplier).min(1.0);
    if m > 1 {
        q = 1.0 - (1.0 - q).powi(i32::from(m));
    }
    crate::rng::resolved(q)
}
