//! The editable network back from a compiled view, so that a loaded file serves every
//! analysis: those that run on the compiled view, and those that read the network.

use std::sync::Arc;

use crate::compiled::{CompiledLayer, CompiledNetwork, NO_GROUP};
use crate::error::{Error, Result};
use crate::model::{Frozen, Layer, LayerId, Network, Person, PersonId, Sign, Tie};

impl Network {
    /// The network `view` was compiled from, as far as the view holds it: people (labels,
    /// groups, kinds, costs, positions), layers and ties with their weights, signs, own
    /// probabilities and multiplicities as compiled (32-bit weights). Not held, so not
    /// restored: people's free-form attributes, the duplicate and self-loop policies (the
    /// defaults) and their counters. Ties come back in an order that compiles to the very
    /// same arrays, and `view` itself becomes the network's compiled view, so every analysis
    /// of the result gives the numbers it gave on `view`.
    ///
    /// The network stays frozen ([`Network::is_frozen`]) until first edited or asked about
    /// its people or ties: only then are they made (about 0.4 µs per directed tie, fifteen
    /// times a load); counts, labels and every analysis on the compiled view need no more.
    /// What `view` holds per person is checked here (as [`Network::add_person`] would), and
    /// self-loops (an [`Error::SelfLoop`] naming the layer): passes over the arrays in order.
    /// What would need a look-up per tie is left to the making, which is lenient with it:
    /// a repeated tie is kept once, and an undirected layer whose ties are not mirrored with
    /// equal attributes gives each pair tied either way one tie (no network compiles to these
    /// views: only a file built by hand holds them; it still loads, and its analyses run on its
    /// arrays as they are). The first edit of a network whose editable form would not fit in
    /// memory is an [`Error::OutOfMemory`] (reading its people or ties makes them all the
    /// same).
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs();
    /// let view = reseau::io::from_bytes(&net.compile().to_bytes())?;
    /// let back = reseau::Network::from_compiled(view)?;
    /// assert_eq!((back.num_people(), back.num_ties()), (net.num_people(), net.num_ties()));
    /// assert_eq!(back.compile(), net.compile());
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn from_compiled(view: CompiledNetwork) -> Result<Network> {
        let mut net = Network::new();
        for layer in &view.layers {
            net.add_layer(layer_of(layer))?;
        }
        for p in 0..view.num_people() {
            let position = view.positions.as_ref().map(|all| all[p]);
            let label = view.labels[p].as_deref();
            Network::check_person(PersonId(p as u32), label, view.costs[p], position)?;
        }
        for layer in &view.layers {
            for u in 0..view.num_people() as u32 {
                if layer.successors(u).contains(&u) {
                    return Err(Error::SelfLoop {
                        location: String::new(),
                        person: view.display_name(u),
                        layer: layer.name.clone(),
                    });
                }
            }
        }
        let view = Arc::new(view);
        net.compiled_cache().get_or_init(|| Arc::clone(&view) as _);
        net.freeze(view);
        Ok(net)
    }
}

/// The definition of a compiled layer.
fn layer_of(layer: &CompiledLayer) -> Layer {
    let mut def = Layer::new(layer.name.clone(), layer.kind)
        .directed(layer.directed)
        .latency(layer.latency)
        .shadow(layer.shadow);
    def.probability = layer.probability;
    def
}

impl Frozen for CompiledNetwork {
    fn num_people(&self) -> usize {
        CompiledNetwork::num_people(self)
    }

    fn label(&self, person: u32) -> Option<&str> {
        CompiledNetwork::label(self, person)
    }

    fn index_of(&self, label: &str) -> Option<u32> {
        CompiledNetwork::index_of(self, label)
    }

    fn num_ties_in(&self, layer: usize) -> usize {
        let layer = &self.layers[layer];
        layer.num_slots() / if layer.directed { 1 } else { 2 }
    }

    fn thaw(&self, layers: &[Layer]) -> Network {
        let checked = "checked by Network::from_compiled";
        let mut net = Network::new();
        for layer in layers {
            net.add_layer(layer.clone()).expect(checked);
        }
        for p in 0..self.num_people() {
            let g = self.groups[p];
            net.add_person(Person {
                label: self.labels[p].clone(),
                group: (g != NO_GROUP).then(|| self.group_names[g as usize].clone()),
                kind: self.kinds[p],
                cost: self.costs[p],
                position: self.positions.as_ref().map(|all| all[p]),
                attributes: std::collections::BTreeMap::new(),
            })
            .expect(checked);
        }
        for (l, layer) in self.layers.iter().enumerate() {
            let id = LayerId(l as u32);
            let mut left: Vec<u32> = layer.offsets()[..self.num_people()].to_vec();
            if !layer.directed {
                // Ties in an order that compiles to the same slots, as far as there is one.
                undirected(layer, &mut left, |u, slot| add(&mut net, layer, id, u, slot));
            }
            // The rest (every slot of a directed layer): each tie once.
            for u in 0..self.num_people() as u32 {
                for slot in left[u as usize] as usize..layer.range(u).end {
                    let target = PersonId(layer.targets()[slot]);
                    if net.tie(PersonId(u), target, id).ok().flatten().is_none() {
                        add(&mut net, layer, id, u, slot);
                    }
                }
            }
        }
        net
    }
}

/// Adds the tie of `layer`'s `slot`, from `u` (checked by [`Network::from_compiled`]).
fn add(net: &mut Network, layer: &CompiledLayer, id: LayerId, u: u32, slot: usize) {
    let probability = layer.probabilities()[slot];
    net.insert_tie_unchecked(Tie {
        source: PersonId(u),
        target: PersonId(layer.targets()[slot]),
        layer: id,
        weight: f64::from(layer.weights()[slot]),
        sign: if layer.signs()[slot] < 0 { Sign::Negative } else { Sign::Positive },
        probability: (!probability.is_nan()).then_some(f64::from(probability)),
        multiplicity: u32::from(layer.multiplicity()[slot]),
    });
}

/// The ties of an undirected layer, each once, in an order that compiles to the same slots:
/// compiling lists each person's ties in the order they were added, so a tie can be added
/// once it is first in what is left of both its ends' lists (a topological order of the
/// lists, which the order the network was built in proves to exist). `head[u]` is the first
/// of `u`'s slots left, from the start of `u`'s list; for a view no network compiles to,
/// the walk stops where no tie can come next, and leaves the rest in `head`.
fn undirected(layer: &CompiledLayer, head: &mut [u32], mut add: impl FnMut(u32, usize)) {
    let offsets = layer.offsets();
    let n = head.len();
    let mut stack: Vec<u32> = (0..n as u32).rev().collect();
    let weights = layer.weights();
    // Ties all alike (the generators' and most files'): no attributes to compare.
    let alike = layer.is_plain() && weights.iter().all(|w| w.to_bits() == weights[0].to_bits());
    let same = |s: usize, t: usize| {
        alike
            || weights[s].to_bits() == weights[t].to_bits()
                && layer.probabilities()[s].to_bits() == layer.probabilities()[t].to_bits()
                && layer.multiplicity()[s] == layer.multiplicity()[t]
                && layer.signs()[s] == layer.signs()[t]
    };
    while let Some(u) = stack.pop() {
        while head[u as usize] < offsets[u as usize + 1] {
            let s = head[u as usize] as usize;
            let v = layer.targets()[s];
            let t = head[v as usize] as usize;
            if v == u || t >= offsets[v as usize + 1] as usize || layer.targets()[t] != u {
                break; // v has other ties to give first (or the view is not mirrored)
            }
            if !same(s, t) {
                break;
            }
            add(u, s);
            head[u as usize] += 1;
            head[v as usize] += 1;
            stack.push(v);
        }
    }
}
