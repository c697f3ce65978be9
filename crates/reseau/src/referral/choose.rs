//! Choosing the next holder of a request.

use super::knowledge::{FAR, Graph, GroupTies, LANDMARKS, Landmarks, Oracle, degrees};
use super::options::{RouteOptions, Strategy};
use crate::compiled::{CompiledNetwork, NO_GROUP};
use crate::model::LayerKind;
use crate::rng::Stream;

/// What the strategy knows, worked out once per call and shared (read-only) by every run.
#[derive(Debug, Clone)]
pub(crate) enum Knowledge<'a> {
    /// Greedy on a network where everyone has a position.
    Lattice(&'a [[f64; 2]]),
    /// Greedy by group, then by landmark estimate.
    Groups { ties: GroupTies, landmarks: Landmarks },
    /// Shortest paths.
    Oracle(Graph),
    /// Out-degrees.
    Hub(Vec<u32>),
    /// Nothing beyond the ties themselves.
    Plain,
}

impl<'a> Knowledge<'a> {
    pub(crate) fn new(net: &'a CompiledNetwork, strategy: Strategy) -> Self {
        match strategy {
            Strategy::Greedy => {
                if let Some(positions) = net.positions() {
                    Knowledge::Lattice(positions)
                } else {
                    let graph = Graph::new(net);
                    Knowledge::Groups {
                        ties: GroupTies::new(net),
                        landmarks: Landmarks::new(net, &graph),
                    }
                }
            }
            Strategy::Oracle => Knowledge::Oracle(Graph::new(net)),
            Strategy::Hub => Knowledge::Hub(degrees(net)),
            Strategy::StrongestTie | Strategy::Random | Strategy::Cold => Knowledge::Plain,
        }
    }
}

/// The layer of a cold contact's hop: none of the network's ([`Strategy::Cold`]).
pub(crate) const COLD: u32 = u32::MAX - 1;

/// The outcome of a choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Choice {
    /// Pass to this contact through this layer.
    Forward { to: u32, layer: u32 },
    /// No contact who has not held the request.
    DeadEnd,
}

/// The mutable side of choosing: marks of who held the current request, the oracle's cache.
#[derive(Debug, Clone)]
pub(crate) struct Chooser<'a> {
    net: &'a CompiledNetwork,
    know: &'a Knowledge<'a>,
    strategy: Strategy,
    physical_share: Option<f64>,
    /// Per layer: 0 physical, 1 digital.
    kind: Vec<usize>,
    marks: Vec<u32>,
    epoch: u32,
    oracle: Oracle,
}

/// A candidate's score: higher is better; ties go to the lowest id, then the lowest layer.
#[derive(Debug, Clone, Copy)]
struct Best {
    key: f64,
    to: u32,
    layer: u32,
}

impl Best {
    const NONE: Best = Best { key: f64::NEG_INFINITY, to: u32::MAX, layer: u32::MAX };

    #[inline]
    fn offer(&mut self, key: f64, to: u32, layer: u32) {
        // Keys are whole numbers or exact sums of coordinates: ties are exact.
        #[allow(clippy::float_cmp)]
        if key > self.key || (key == self.key && to < self.to) {
            *self = Best { key, to, layer };
        }
    }
}

impl<'a> Chooser<'a> {
    pub(crate) fn new(
        net: &'a CompiledNetwork,
        know: &'a Knowledge<'a>,
        options: &RouteOptions,
    ) -> Self {
        Chooser {
            net,
            know,
            strategy: options.strategy,
            physical_share: options.physical_share,
            kind: net.layers().iter().map(|l| usize::from(l.kind == LayerKind::Digital)).collect(),
            marks: vec![0; net.num_people()],
            epoch: 0,
            oracle: Oracle::default(),
        }
    }

    /// Chooses whom `chain`'s last holder passes the request for `target` to; `chain` is
    /// everyone who has held it, in order.
    pub(crate) fn choose(&mut self, chain: &[u32], target: u32, rng: &mut Stream) -> Choice {
        if self.strategy == Strategy::Cold {
            return Choice::Forward { to: target, layer: COLD };
        }
        let holder = *chain.last().expect("a request always has a holder");
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.marks.fill(0);
            self.epoch = 1;
        }
        for &p in chain {
            self.marks[p as usize] = self.epoch;
        }
        let layers = self.net.layers();

        // The kind of tie, when there is a preference and both kinds are available.
        let mut allowed = [true, true];
        let mut counted = None;
        if let Some(share) = self.physical_share {
            let mut count = [0u32; 2];
            let mut target_layer = [u32::MAX; 2];
            for (l, layer) in layers.iter().enumerate() {
                let k = self.kind[l];
                for &c in layer.successors(holder) {
                    if self.marks[c as usize] != self.epoch {
                        count[k] += 1;
                        if c == target && target_layer[k] == u32::MAX {
                            target_layer[k] = l as u32;
                        }
                    }
                }
            }
            let k = match (count[0] > 0, count[1] > 0) {
                (false, false) => return Choice::DeadEnd,
                (true, false) => 0,
                (false, true) => 1,
                (true, true) => usize::from(!rng.bernoulli(share)),
            };
            for layer in [target_layer[k], target_layer[1 - k]] {
                if layer != u32::MAX {
                    return Choice::Forward { to: target, layer };
                }
            }
            allowed = [k == 0, k == 1];
            counted = Some(count[k]);
        }

        let best = match (self.strategy, self.know) {
            (Strategy::Random, _) => return self.random(holder, target, allowed, counted, rng),
            (Strategy::Greedy, Knowledge::Lattice(pos)) => {
                let [tx, ty] = pos[target as usize];
                self.scan(holder, target, allowed, |c, _| {
                    let [x, y] = pos[c as usize];
                    -((x - tx).abs() + (y - ty).abs())
                })
            }
            (Strategy::Greedy, Knowledge::Groups { ties, landmarks }) => {
                self.greedy_groups(holder, target, allowed, ties, landmarks)
            }
            (Strategy::Oracle, Knowledge::Oracle(graph)) => {
                let mut oracle = std::mem::take(&mut self.oracle);
                let dist = oracle.distances(graph, target);
                let best = self.scan(holder, target, allowed, |c, _| -f64::from(dist[c as usize]));
                self.oracle = oracle;
                best
            }
            (Strategy::Hub, Knowledge::Hub(deg)) => {
                self.scan(holder, target, allowed, |c, _| f64::from(deg[c as usize]))
            }
            (Strategy::StrongestTie, _) => self.scan(holder, target, allowed, |_, w| f64::from(w)),
            _ => unreachable!("knowledge is built for the strategy"),
        };
        if best.to == u32::MAX {
            Choice::DeadEnd
        } else {
            Choice::Forward { to: best.to, layer: best.layer }
        }
    }

    /// The best eligible contact by `key(contact, tie weight)`; the target at once if eligible.
    #[inline]
    fn scan(
        &self,
        holder: u32,
        target: u32,
        allowed: [bool; 2],
        key: impl Fn(u32, f32) -> f64,
    ) -> Best {
        let mut best = Best::NONE;
        for (l, layer) in self.net.layers().iter().enumerate() {
            if !allowed[self.kind[l]] {
                continue;
            }
            let range = layer.range(holder);
            let (targets, weights) = (&layer.targets()[range.clone()], &layer.weights()[range]);
            for (&c, &w) in targets.iter().zip(weights) {
                if self.marks[c as usize] == self.epoch {
                    continue;
                }
                if c == target {
                    return Best { key: f64::INFINITY, to: c, layer: l as u32 };
                }
                best.offer(key(c, w), c, l as u32);
            }
        }
        best
    }

    /// Greedy by group: in the target's group first, then most ties into it, then the
    /// smallest landmark estimate (worked out only for candidates that could win).
    fn greedy_groups(
        &self,
        holder: u32,
        target: u32,
        allowed: [bool; 2],
        ties: &GroupTies,
        landmarks: &Landmarks,
    ) -> Best {
        let groups = self.net.groups();
        let g = groups[target as usize];
        let mut from_target = [FAR; LANDMARKS];
        landmarks.to_target(target, &mut from_target);
        // Primary key: (in the group, ties into it); secondary: −estimate.
        let mut best = (0u64, 0u32, u32::MAX, u32::MAX); // (primary, −estimate as FAR − e, to, layer)
        let mut any = false;
        for (l, layer) in self.net.layers().iter().enumerate() {
            if !allowed[self.kind[l]] {
                continue;
            }
            for &c in layer.successors(holder) {
                if self.marks[c as usize] == self.epoch {
                    continue;
                }
                if c == target {
                    return Best { key: f64::INFINITY, to: c, layer: l as u32 };
                }
                let primary = if g == NO_GROUP {
                    0
                } else {
                    (u64::from(groups[c as usize] == g) << 32) | u64::from(ties.ties_into(c, g))
                };
                if any && primary < best.0 {
                    continue;
                }
                let closeness = FAR - landmarks.estimate_from(c, &from_target);
                let better = !any
                    || primary > best.0
                    || closeness > best.1
                    || (closeness == best.1 && c < best.2);
                if better {
                    best = (primary, closeness, c, l as u32);
                    any = true;
                }
            }
        }
        if any { Best { key: 0.0, to: best.2, layer: best.3 } } else { Best::NONE }
    }

    /// A uniformly random eligible tie (the target at once if eligible).
    fn random(
        &self,
        holder: u32,
        target: u32,
        allowed: [bool; 2],
        counted: Option<u32>,
        rng: &mut Stream,
    ) -> Choice {
        let layers = self.net.layers();
        let eligible = |l: usize| allowed[self.kind[l]];
        let count = if let Some(count) = counted {
            count
        } else {
            let mut count = 0u32;
            for (l, layer) in layers.iter().enumerate().filter(|(l, _)| eligible(*l)) {
                for &c in layer.successors(holder) {
                    if self.marks[c as usize] != self.epoch {
                        if c == target {
                            return Choice::Forward { to: c, layer: l as u32 };
                        }
                        count += 1;
                    }
                }
            }
            count
        };
        if count == 0 {
            return Choice::DeadEnd;
        }
        let mut k = rng.below(u64::from(count)) as u32;
        for (l, layer) in layers.iter().enumerate().filter(|(l, _)| eligible(*l)) {
            for &c in layer.successors(holder) {
                if self.marks[c as usize] != self.epoch {
                    if k == 0 {
                        return Choice::Forward { to: c, layer: l as u32 };
                    }
                    k -= 1;
                }
            }
        }
        unreachable!("k < the number of eligible ties")
    }
}
