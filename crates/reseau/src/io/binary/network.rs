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
    /// its people or ties: only then are they made (about 0.5 µs per directed tie, twenty
    /// times a load); counts, labels and every analysis on the compiled view need no more.
    /// The view is checked here, so that making them later cannot fail: an undirected layer
    /// whose ties do not come in mirrored pairs with equal attributes, a self-loop or a
    /// repeated tie (which no network compiles to) is an [`Error::InvalidParameter`] (or
    /// [`Error::SelfLoop`], [`Error::DuplicateTie`]) naming the layer. The first edit of a
    /// network whose editable form would not fit in memory is an [`Error::OutOfMemory`]
    /// (reading its people or ties then makes them all the same).
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
        let mut seen = vec![u32::MAX; view.num_people()];
        for layer in &view.layers {
            distinct(&view, layer, &mut seen)?;
            let self_loop = |u: u32, slot: usize| {
                if layer.targets()[slot] == u {
                    return Err(Error::SelfLoop {
                        location: String::new(),
                        person: view.display_name(u),
                        layer: layer.name.clone(),
                    });
                }
                Ok(())
            };
            if layer.directed {
                for u in 0..view.num_people() as u32 {
                    layer.range(u).try_for_each(|slot| self_loop(u, slot))?;
                }
            } else {
                undirected(layer, self_loop)?;
            }
        }
        let ties_per_layer = view
            .layers
            .iter()
            .map(|l| if l.directed { l.num_slots() } else { l.num_slots() / 2 })
            .collect();
        let view = Arc::new(view);
        net.compiled_cache().get_or_init(|| Arc::clone(&view) as _);
        net.freeze(view, ties_per_layer);
        Ok(net)
    }
}

/// The definition of a compiled layer.
fn layer_of(layer: &CompiledLayer) -> Layer {
    let mut def =
        Layer::new(layer.name.clone(), layer.kind).directed(layer.directed).latency(layer.latency);
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
            if layer.directed {
                for u in 0..self.num_people() as u32 {
                    layer.range(u).for_each(|slot| add(&mut net, layer, id, u, slot));
                }
            } else {
                let insert = |u: u32, slot: usize| {
                    add(&mut net, layer, id, u, slot);
                    Ok(())
                };
                undirected(layer, insert).expect(checked);
            }
        }
        net
    }
}

/// Refuses a layer where someone has two slots to the same person (a repeated tie, which
/// no network compiles to), by stamping each person's targets: an array lookup per slot, not
/// the network's hash index (which would double the cost of rebuilding).
fn distinct(view: &CompiledNetwork, layer: &CompiledLayer, seen: &mut [u32]) -> Result<()> {
    seen.fill(u32::MAX);
    for u in 0..seen.len() as u32 {
        for &v in layer.successors(u) {
            if seen[v as usize] == u {
                return Err(Error::DuplicateTie {
                    location: String::new(),
                    a: view.display_name(u),
                    b: view.display_name(v),
                    layer: layer.name.clone(),
                });
            }
            seen[v as usize] = u;
        }
    }
    Ok(())
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
/// lists, which the order the network was built in proves to exist).
/// `add` is called with each tie's first end and slot.
fn undirected(layer: &CompiledLayer, mut add: impl FnMut(u32, usize) -> Result<()>) -> Result<()> {
    let offsets = layer.offsets();
    let n = offsets.len() - 1;
    let mut head: Vec<u32> = offsets[..n].to_vec();
    let mut stack: Vec<u32> = (0..n as u32).rev().collect();
    // Ties all alike (the generators' and most files'): no attributes to compare, which saves
    // four cache misses a tie on large layers.
    let weights = layer.weights();
    let alike = layer.is_plain() && weights.iter().all(|w| w.to_bits() == weights[0].to_bits());
    let same = |s: usize, t: usize| {
        alike
            || layer.weights()[s].to_bits() == layer.weights()[t].to_bits()
            && layer.probabilities()[s].to_bits() == layer.probabilities()[t].to_bits()
            && layer.multiplicity()[s] == layer.multiplicity()[t]
            && layer.signs()[s] == layer.signs()[t]
    };
    while let Some(u) = stack.pop() {
        while head[u as usize] < offsets[u as usize + 1] {
            let s = head[u as usize] as usize;
            let v = layer.targets()[s];
            let t = head[v as usize] as usize;
            if v == u {
                add(u, s)?; // a self-loop: refused when checking
            }
            if t >= offsets[v as usize + 1] as usize || layer.targets()[t] != u {
                break; // v has other ties to give first
            }
            if !same(s, t) {
                return Err(asymmetric(layer));
            }
            add(u, s)?;
            head[u as usize] += 1;
            head[v as usize] += 1;
            stack.push(v);
        }
    }
    if (0..n).any(|u| head[u] < offsets[u + 1]) {
        return Err(asymmetric(layer));
    }
    Ok(())
}

fn asymmetric(layer: &CompiledLayer) -> Error {
    Error::invalid(
        format!("ties of undirected layer {:?}", layer.name),
        "one-way slots",
        "each tie stored in both directions with the same attributes",
    )
}
