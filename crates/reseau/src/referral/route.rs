//! The referral engine: requests move hop by hop through a time-ordered queue, all sharing one
//! fatigue state.

use std::collections::BTreeMap;

use super::choose::{COLD, Choice, Chooser, Knowledge};
use super::journey::{Journey, Outcome};
use super::options::{RouteOptions, Workload, arrivals_until};
use crate::compiled::CompiledNetwork;
use crate::control::Control;
use crate::error::Result;
use crate::fatigue::{Fatigue, Load};
use crate::memory::Budget;
use crate::rng::Stream;

/// Events handled between two looks at the [`Control`].
const CHECK_EVERY: u64 = 1024;

/// Random pairs drawn for one request, at most, before a tied pair is accepted.
const MAX_REDRAWS: u32 = 1000;

/// `via` of an event at the source (the request has crossed no tie yet).
const AT_SOURCE: u32 = u32::MAX;

/// A request held by someone at some step.
#[derive(Debug, Clone, Copy)]
struct Event {
    /// The request's id: events of a step are handled in this order.
    id: u32,
    /// Its slot in the in-flight table.
    flight: u32,
    holder: u32,
    hops: u32,
    /// The layer it arrived on ([`AT_SOURCE`] at the source).
    via: u32,
}

/// Bytes one request in flight holds: its event in the queue and its slot in the in-flight
/// table (half as much again for the table's growth), and the first allocation of its chain
/// (four ids and the allocator's header).
pub(crate) const BYTES_PER_REQUEST: u64 =
    (std::mem::size_of::<Event>() + std::mem::size_of::<Flight>()) as u64 * 3 / 2 + 32;

/// Bytes one traced request adds: its journey while the run lasts and its trace after, with
/// their paths (about ten ids each).
pub(crate) const BYTES_PER_TRACE: u64 = std::mem::size_of::<Journey>() as u64 * 2 + 160;

/// A request on its way.
#[derive(Debug, Clone, Default)]
struct Flight {
    target: u32,
    start: u64,
    /// Everyone who has held it, the source first.
    chain: Vec<u32>,
    /// The layer of each hop (kept when tracing only).
    layers: Vec<u32>,
}

/// Counts over every request of a run.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tally {
    pub(crate) requests: u64,
    pub(crate) succeeded: u64,
    pub(crate) unwilling: u64,
    pub(crate) dead_ends: u64,
    pub(crate) truncated: u64,
    pub(crate) ignored: u64,
    pub(crate) hops: u64,
    /// The step at which the last request ended.
    pub(crate) last_step: u64,
    /// Requests started at or after the step `measured_from`, and those of them that
    /// succeeded (the load curve's steady-state window).
    pub(crate) measured_from: u64,
    pub(crate) measured_requests: u64,
    pub(crate) measured_succeeded: u64,
    /// Completed chains by hop count, and by time to target (sparse: latencies may be long).
    pub(crate) lengths: Vec<u64>,
    pub(crate) times: BTreeMap<u64, u64>,
    /// Per hop k: requests held there by someone other than the target, and those that
    /// ended there.
    pub(crate) alive: Vec<u64>,
    pub(crate) ended: Vec<u64>,
    pub(crate) layer_hops: Vec<u64>,
    /// Per person: requests received, and the highest load reached.
    pub(crate) received: Vec<u64>,
    pub(crate) peak: Vec<f64>,
}

fn bump(v: &mut Vec<u64>, i: usize) {
    if v.len() <= i {
        v.resize(i + 1, 0);
    }
    v[i] += 1;
}

/// One call's routing set-up, shared by its runs (the load curve runs one per rate).
#[derive(Debug)]
pub(crate) struct Engine<'a> {
    net: &'a CompiledNetwork,
    know: Knowledge<'a>,
    options: &'a RouteOptions,
    /// Per layer: the base probability of forwarding what arrived on it, and its latency.
    base: Vec<f64>,
    latency: Vec<u64>,
    /// The fatigue of each channel: one shared channel, or physical then digital.
    fatigue: Vec<Option<Fatigue>>,
    /// Per layer: its channel (always 0 with one shared channel).
    channel: Vec<usize>,
}

impl<'a> Engine<'a> {
    /// Prepares routing on `net` (options validated by the caller).
    pub(crate) fn new(net: &'a CompiledNetwork, options: &'a RouteOptions) -> Self {
        let base = net
            .layers()
            .iter()
            .map(|l| options.layer_forward.get(&l.name).copied().unwrap_or(options.forward))
            .collect();
        Engine {
            net,
            know: Knowledge::new(net, options.strategy),
            options,
            base,
            latency: net.layers().iter().map(|l| u64::from(l.latency)).collect(),
            fatigue: match options.digital_fatigue {
                None => vec![options.fatigue.filter(|f| !f.is_none())],
                Some(digital) => vec![
                    options.fatigue.filter(|f| !f.is_none()),
                    Some(digital).filter(|f| !f.is_none()),
                ],
            },
            channel: net
                .layers()
                .iter()
                .map(|l| {
                    usize::from(
                        options.digital_fatigue.is_some()
                            && l.kind == crate::model::LayerKind::Digital,
                    )
                })
                .collect(),
        }
    }

    /// The steps a hop on `layer` takes (a cold contact's message, one).
    fn latency_of(&self, layer: u32) -> u64 {
        if layer == COLD { 1 } else { self.latency[layer as usize] }
    }

    /// The fatigue channel a hop on `layer` reaches (a cold contact's message is digital).
    fn channel_of(&self, layer: u32) -> usize {
        if layer == COLD { self.fatigue.len() - 1 } else { self.channel[layer as usize] }
    }

    /// Routes every request of `workload` (validated by the caller) as `run` says: the pairs
    /// are drawn from the stream `(seed, 0)`, the routing from `(seed, 1)`. With
    /// [`Run::journeys`], also returns each request's journey, in id order. Every
    /// [`CHECK_EVERY`] events it looks whether the control was stopped (and then gives up:
    /// the caller returns [`Error::Cancelled`](crate::Error::Cancelled)). The requests in
    /// flight must fit in `run.memory` ([`BYTES_PER_REQUEST`] each): the busiest step's
    /// arrivals are checked before anything is routed, and the in-flight table as it grows
    /// ([`Error::OutOfMemory`](crate::Error::OutOfMemory)).
    pub(crate) fn run(
        &self,
        workload: &Workload,
        seed: u64,
        run: &RunOptions<'_, '_>,
    ) -> Result<(Tally, Vec<Journey>)> {
        let RunOptions { journeys: trace, measure_from, control, report, memory } = *run;
        check_memory(workload, trace, memory)?;
        let mut events = 0u64;
        let mut ended = 0u64;
        let mut run = Run::new(self, workload, seed);
        run.trace = trace;
        run.memory = memory;
        run.tally.measured_from = measure_from;
        let mut traces: Vec<Option<Journey>> = Vec::new();
        if trace {
            memory.reserve(&mut traces, run.total as usize, || {
                format!("tracing {} referral requests", run.total)
            })?;
            traces.resize(run.total as usize, None);
        }
        while let Some(now) = run.next_step() {
            let mut bucket =
                run.queue.remove(&now).unwrap_or_else(|| run.spare.pop().unwrap_or_default());
            run.issue(now, &mut bucket)?;
            if !bucket.is_sorted_by_key(|e| e.id) {
                bucket.sort_unstable_by_key(|e| e.id);
            }
            events += bucket.len() as u64;
            if events >= CHECK_EVERY {
                events = 0;
                if control.is_cancelled() || (report && control.report(ended, run.total).is_err()) {
                    return Ok((run.tally, Vec::new()));
                }
            }
            for &ev in &bucket {
                match run.step(ev, now) {
                    Next::End(outcome) => {
                        ended += 1;
                        run.tally.last_step = now;
                        run.free.push(ev.flight);
                        if trace {
                            let f = &run.flights[ev.flight as usize];
                            traces[ev.id as usize] = Some(Journey {
                                target: f.target,
                                start: f.start,
                                end: now,
                                path: f.chain.clone(),
                                layers: f.layers.clone(),
                                outcome,
                            });
                        }
                    }
                    Next::Forward(to, layer) => {
                        let at = now + self.latency_of(layer);
                        let next = Event { holder: to, hops: ev.hops + 1, via: layer, ..ev };
                        let spare = &mut run.spare;
                        run.queue
                            .entry(at)
                            .or_insert_with(|| spare.pop().unwrap_or_default())
                            .push(next);
                    }
                }
            }
            bucket.clear();
            run.spare.push(bucket);
        }
        let traces = traces.into_iter().map(|t| t.expect("every request ends")).collect();
        Ok((run.tally, traces))
    }
}

/// The requests of `workload` that start at its busiest step (all of them without a rate):
/// all in flight at once, whatever happens to them next.
fn busiest_step(workload: &Workload) -> u64 {
    let (total, rate) = match workload {
        Workload::Pairs { pairs, rate } => (pairs.len() as u64, *rate),
        Workload::Random { rate, .. } => (workload.len(), Some(*rate)),
    };
    rate.map_or(total, |r| {
        let per_step = r.ceil();
        if per_step >= total as f64 { total } else { per_step as u64 }
    })
}

/// Refuses, before routing anything, a workload whose busiest step alone (or, traced, whose
/// journeys) would not fit in `memory`.
fn check_memory(workload: &Workload, trace: bool, memory: Budget) -> Result<()> {
    let at_once = busiest_step(workload);
    let mut needed = at_once.saturating_mul(BYTES_PER_REQUEST);
    if trace {
        needed = needed.saturating_add(workload.len().saturating_mul(BYTES_PER_TRACE));
    }
    memory.check(needed, || {
        if trace {
            format!("tracing {} referral requests", workload.len())
        } else {
            format!("{at_once} referral requests in flight at once")
        }
    })
}

/// How [`Engine::run`] runs: named, so that no call passes bare booleans.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RunOptions<'c, 'p> {
    /// Whether to record each request's journey.
    pub(crate) journeys: bool,
    /// Requests started from this step on are counted apart (the load curve's and the
    /// balance sweep's measured window; 0: all of them).
    pub(crate) measure_from: u64,
    /// Watched for a stop every [`CHECK_EVERY`] events.
    pub(crate) control: &'c Control<'p>,
    /// Whether to also report the requests ended out of the workload's to `control`.
    pub(crate) report: bool,
    /// The memory the requests in flight may hold (this run's share of the call's budget).
    pub(crate) memory: Budget,
}

/// What happens to a request after a step.
enum Next {
    Forward(u32, u32),
    End(Outcome),
}

/// The state of one run.
struct Run<'e, 'a> {
    engine: &'e Engine<'a>,
    workload: &'e Workload,
    pairs_rng: Stream,
    rng: Stream,
    chooser: Chooser<'e>,
    /// One load per channel.
    loads: Vec<Load>,
    tally: Tally,
    /// The arrival schedule: `total` requests, ⌊rate·(t + 1)⌋ of them by the end of step t
    /// (all at step 0 without a rate); `issued` so far, the next at `arrival_step` or later.
    total: u64,
    rate: Option<f64>,
    issued: u64,
    arrival_step: u64,
    /// Requests in flight, by the step they are next handled.
    queue: BTreeMap<u64, Vec<Event>>,
    flights: Vec<Flight>,
    free: Vec<u32>,
    spare: Vec<Vec<Event>>,
    /// Whether to keep each hop's layer.
    trace: bool,
    /// What the in-flight table may grow to.
    memory: Budget,
}

impl<'e, 'a: 'e> Run<'e, 'a> {
    fn new(engine: &'e Engine<'a>, workload: &'e Workload, seed: u64) -> Self {
        let net = engine.net;
        let n = net.num_people();
        let (total, rate) = match workload {
            Workload::Pairs { pairs, rate } => (pairs.len() as u64, *rate),
            Workload::Random { rate, .. } => (workload.len(), Some(*rate)),
        };
        Run {
            engine,
            workload,
            pairs_rng: Stream::new(seed, 0),
            rng: Stream::new(seed, 1),
            chooser: Chooser::new(net, &engine.know, engine.options),
            loads: engine
                .fatigue
                .iter()
                .map(|f| Load::new(n, f.and_then(|f| f.half_life)))
                .collect(),
            tally: Tally {
                requests: total,
                measured_from: 0,
                measured_requests: 0,
                measured_succeeded: 0,
                succeeded: 0,
                unwilling: 0,
                dead_ends: 0,
                truncated: 0,
                ignored: 0,
                hops: 0,
                last_step: 0,
                lengths: Vec::new(),
                times: BTreeMap::new(),
                alive: Vec::new(),
                ended: Vec::new(),
                layer_hops: vec![0; net.layers().len()],
                received: vec![0; n],
                peak: vec![0.0; n],
            },
            total,
            rate,
            issued: 0,
            arrival_step: 0,
            queue: BTreeMap::new(),
            flights: Vec::new(),
            free: Vec::new(),
            spare: Vec::new(),
            trace: false,
            memory: Budget::unlimited(),
        }
    }

    /// The step of the next arrival, if any request is still to start.
    fn next_arrival(&mut self) -> Option<u64> {
        if self.issued >= self.total {
            return None;
        }
        Some(match self.rate {
            None => 0,
            Some(r) => {
                while arrivals_until(r, self.arrival_step + 1) <= self.issued {
                    self.arrival_step += 1;
                }
                self.arrival_step
            }
        })
    }

    /// The next step with something to do: an arrival or a request in flight.
    fn next_step(&mut self) -> Option<u64> {
        let event = self.queue.first_key_value().map(|(&t, _)| t);
        match (self.next_arrival(), event) {
            (Some(a), Some(e)) => Some(a.min(e)),
            (a, e) => a.or(e),
        }
    }

    /// Starts the requests that arrive at step `now`, adding them to `bucket` (after the
    /// requests already there, whose ids are smaller); [`Error::OutOfMemory`] when the
    /// requests in flight would outgrow the run's memory.
    ///
    /// [`Error::OutOfMemory`]: crate::Error::OutOfMemory
    fn issue(&mut self, now: u64, bucket: &mut Vec<Event>) -> Result<()> {
        if self.next_arrival() != Some(now) {
            return Ok(());
        }
        let n = self.engine.net.num_people() as u64;
        let until = self.rate.map_or(self.total, |r| arrivals_until(r, now + 1).min(self.total));
        while self.issued < until {
            let [source, target] = match self.workload {
                Workload::Pairs { pairs, .. } => pairs[self.issued as usize],
                Workload::Random { .. } => self.random_pair(n),
            };
            let slot = if let Some(slot) = self.free.pop() {
                slot
            } else {
                if self.flights.len() == self.flights.capacity() {
                    self.grow_flights(bucket)?;
                }
                self.flights.push(Flight::default());
                (self.flights.len() - 1) as u32
            };
            let f = &mut self.flights[slot as usize];
            f.target = target;
            f.start = now;
            f.chain.clear();
            f.chain.push(source);
            f.layers.clear();
            let id = self.issued as u32;
            bucket.push(Event { id, flight: slot, holder: source, hops: 0, via: AT_SOURCE });
            self.issued += 1;
            if now >= self.tally.measured_from {
                self.tally.measured_requests += 1;
            }
        }
        Ok(())
    }

    /// Doubles the in-flight table (and makes room for as many events in `bucket`), if the
    /// requests in flight then still fit in the run's memory.
    fn grow_flights(&mut self, bucket: &mut Vec<Event>) -> Result<()> {
        let len = self.flights.len();
        let more = len.max(64);
        let what = || format!("{} referral requests in flight at once", len + more);
        let needed = ((len + more) as u64).saturating_mul(BYTES_PER_REQUEST);
        self.memory.check(needed, what)?;
        crate::memory::reserve(&mut self.flights, more, what)?;
        crate::memory::reserve(bucket, more, what)
    }

    /// A random pair of distinct people who are not tied (a referral is for reaching someone
    /// one does not know): redrawn until the source has no tie to the target, up to
    /// [`MAX_REDRAWS`] times (then the last pair is kept, as on a complete network).
    fn random_pair(&mut self, n: u64) -> [u32; 2] {
        let mut pair = [0, 0];
        for _ in 0..MAX_REDRAWS {
            let s = self.pairs_rng.below(n) as u32;
            let t = self.pairs_rng.below(n - 1) as u32;
            pair = [s, if t >= s { t + 1 } else { t }];
            let tied =
                self.engine.net.layers().iter().any(|l| l.successors(pair[0]).contains(&pair[1]));
            if !tied {
                break;
            }
        }
        pair
    }

    /// Handles request `ev` at step `now`: where it goes next, or how it ended.
    #[inline]
    fn step(&mut self, ev: Event, now: u64) -> Next {
        let engine = self.engine;
        let tally = &mut self.tally;
        let flight = &mut self.flights[ev.flight as usize];
        let hops = ev.hops as usize;
        if ev.via == AT_SOURCE {
            // The source sends its own request unless too tired (base 1, no load of its own);
            // with separate channels, once it knows which channel it sends on (below).
            bump(&mut tally.alive, 0);
            if let (Some(f), [_]) = (&engine.fatigue[0], engine.fatigue.as_slice()) {
                let willing = f.willingness(self.loads[0].load(ev.holder, now));
                if willing < 1.0 && !self.rng.bernoulli(willing) {
                    tally.unwilling += 1;
                    bump(&mut tally.ended, 0);
                    return Next::End(Outcome::Unwilling);
                }
            }
        } else {
            let holder = ev.holder;
            let h = holder as usize;
            tally.received[h] += 1;
            let channel = engine.channel_of(ev.via);
            let load = &mut self.loads[channel];
            let willing = match &engine.fatigue[channel] {
                Some(f) => f.willingness(load.load(holder, now)),
                None => 1.0,
            };
            let after = load.add(holder, now, 1.0);
            if after > tally.peak[h] {
                tally.peak[h] = after;
            }
            if holder == flight.target {
                // A tired target may not take the request in either; a stranger's message
                // is answered at the cold response rate besides.
                let answer =
                    if ev.via == COLD { engine.options.cold_response * willing } else { willing };
                if answer < 1.0 && !self.rng.bernoulli(answer) {
                    tally.ignored += 1;
                    return Next::End(Outcome::Ignored);
                }
                tally.succeeded += 1;
                if flight.start >= tally.measured_from {
                    tally.measured_succeeded += 1;
                }
                bump(&mut tally.lengths, hops);
                *tally.times.entry(now - flight.start).or_insert(0) += 1;
                return Next::End(Outcome::Delivered);
            }
            bump(&mut tally.alive, hops);
            if ev.hops >= engine.options.max_hops {
                tally.truncated += 1;
                bump(&mut tally.ended, hops);
                return Next::End(Outcome::Truncated);
            }
            let p = engine.base[ev.via as usize] * willing;
            if p < 1.0 && !self.rng.bernoulli(p) {
                tally.unwilling += 1;
                bump(&mut tally.ended, hops);
                return Next::End(Outcome::Unwilling);
            }
        }
        match self.chooser.choose(&flight.chain, flight.target, &mut self.rng) {
            Choice::DeadEnd => {
                tally.dead_ends += 1;
                bump(&mut tally.ended, hops);
                Next::End(Outcome::DeadEnd)
            }
            Choice::Forward { to, layer } => {
                if ev.via == AT_SOURCE && engine.fatigue.len() == 2 {
                    let channel = engine.channel_of(layer);
                    if let Some(f) = &engine.fatigue[channel] {
                        let willing = f.willingness(self.loads[channel].load(ev.holder, now));
                        if willing < 1.0 && !self.rng.bernoulli(willing) {
                            tally.unwilling += 1;
                            bump(&mut tally.ended, 0);
                            return Next::End(Outcome::Unwilling);
                        }
                    }
                }
                flight.chain.push(to);
                if self.trace {
                    flight.layers.push(layer);
                }
                tally.hops += 1;
                if layer != COLD {
                    tally.layer_hops[layer as usize] += 1;
                }
                Next::Forward(to, layer)
            }
        }
    }
}
