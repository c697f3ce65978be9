//! The editable network back from a compiled view, so that a loaded file serves every
//! analysis: those that run on the compiled view, and those that read the network.

use std::sync::Arc;

use crate::compiled::{CompiledLayer, CompiledNetwork, NO_GROUP};
use crate::error::{Error, Result};
use crate::model::{Layer, LayerId, Network, Person, PersonId, Sign, Tie};

impl Network {
    /// The network `view` was compiled from, as far as the view holds it: people (labels,
    /// groups, kinds, costs, positions), layers and ties with their weights, signs, own
    /// probabilities and multiplicities as compiled (32-bit weights). Not held, so not
    /// restored: people's free-form attributes, the duplicate and self-loop policies (the
    /// defaults) and their counters. Ties come back in an order that compiles to the very
    /// same arrays, and `view` itself becomes the network's compiled view, so every analysis
    /// of the result gives the numbers it gave on `view`.
    ///
    /// An undirected layer whose ties do not come in mirrored pairs with equal attributes, a
    /// self-loop or a repeated tie (which no network compiles to) is an
    /// [`Error::InvalidParameter`] naming the layer.
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
            let mut def = Layer::new(layer.name.clone(), layer.kind)
                .directed(layer.directed)
                .latency(layer.latency)
                .shadow(layer.shadow);
            def.probability = layer.probability;
            net.add_layer(def)?;
        }
        crate::memory::check(
            None,
            Network::estimated_bytes(view.num_people() as u64, view.num_directed_ties() as u64),
            || {
                format!(
                    "a network of {} people and {} directed ties",
                    view.num_people(),
                    view.num_directed_ties()
                )
            },
        )?;
        for p in 0..view.num_people() {
            let g = view.groups[p];
            net.add_person(Person {
                label: view.labels[p].clone(),
                group: (g != NO_GROUP).then(|| view.group_names[g as usize].clone()),
                kind: view.kinds[p],
                cost: view.costs[p],
                position: view.positions.as_ref().map(|all| all[p]),
                attributes: std::collections::BTreeMap::new(),
            })?;
        }
        let mut seen = vec![u32::MAX; view.num_people()];
        for (l, layer) in view.layers.iter().enumerate() {
            let id = LayerId(l as u32);
            distinct(&net, layer, &mut seen)?;
            if layer.directed {
                for u in 0..view.num_people() as u32 {
                    for slot in layer.range(u) {
                        add(&mut net, layer, id, u, slot)?;
                    }
                }
            } else {
                undirected(&mut net, layer, id)?;
            }
        }
        net.compiled_cache().get_or_init(|| Arc::new(view));
        Ok(net)
    }
}

/// Refuses a layer where someone has two slots to the same person (a repeated tie, which
/// no network compiles to), by stamping each person's targets: an array lookup per slot, not
/// the network's hash index (which would double the cost of rebuilding).
fn distinct(net: &Network, layer: &CompiledLayer, seen: &mut [u32]) -> Result<()> {
    seen.fill(u32::MAX);
    for u in 0..seen.len() as u32 {
        for &v in layer.successors(u) {
            if seen[v as usize] == u {
                return Err(Error::DuplicateTie {
                    location: String::new(),
                    a: net.display_name(PersonId(u)),
                    b: net.display_name(PersonId(v)),
                    layer: layer.name.clone(),
                });
            }
            seen[v as usize] = u;
        }
    }
    Ok(())
}

/// Adds the tie of `layer`'s `slot`, from `u`, refusing self-loops (repeats were refused by
/// [`distinct`]).
fn add(net: &mut Network, layer: &CompiledLayer, id: LayerId, u: u32, slot: usize) -> Result<()> {
    let (a, b) = (PersonId(u), PersonId(layer.targets()[slot]));
    if a == b {
        return Err(Error::SelfLoop {
            location: String::new(),
            person: net.display_name(a),
            layer: layer.name.clone(),
        });
    }
    let probability = layer.probabilities()[slot];
    net.insert_tie_unchecked(Tie {
        source: a,
        target: b,
        layer: id,
        weight: f64::from(layer.weights()[slot]),
        sign: if layer.signs()[slot] < 0 { Sign::Negative } else { Sign::Positive },
        probability: (!probability.is_nan()).then_some(f64::from(probability)),
        multiplicity: u32::from(layer.multiplicity()[slot]),
    });
    Ok(())
}

/// The ties of an undirected layer, each once, in an order that compiles to the same slots:
/// compiling lists each person's ties in the order they were added, so a tie can be added
/// once it is first in what is left of both its ends' lists (a topological order of the
/// lists, which the order the network was built in proves to exist).
fn undirected(net: &mut Network, layer: &CompiledLayer, id: LayerId) -> Result<()> {
    let offsets = layer.offsets();
    let n = offsets.len() - 1;
    let mut head: Vec<u32> = offsets[..n].to_vec();
    let mut stack: Vec<u32> = (0..n as u32).rev().collect();
    let same = |s: usize, t: usize| {
        layer.weights()[s].to_bits() == layer.weights()[t].to_bits()
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
                add(net, layer, id, u, s)?; // refused: a self-loop
            }
            if t >= offsets[v as usize + 1] as usize || layer.targets()[t] != u {
                break; // v has other ties to give first
            }
            if !same(s, t) {
                return Err(asymmetric(layer));
            }
            add(net, layer, id, u, s)?;
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
