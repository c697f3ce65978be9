//! The frozen, cache-friendly view that simulations run on.
//!
//! One compressed-sparse-row adjacency per layer, with 32-bit indices and the tie attributes in
//! parallel arrays (structure of arrays), so a cascade reads only what it needs. An undirected
//! tie is stored once in each direction.
//!
//! Per directed tie: target `u32` (4 bytes) + weight `f32` (4) + own probability `f32` (4,
//! NaN when unset) + multiplicity `u16` (2) + sign `i8` (1) = 15 bytes; plus one `u32` offset
//! per person per layer.

use std::sync::Arc;

use serde::Serialize;

use crate::error::Result;
use crate::model::{LayerKind, Network, PersonKind, PersonRef};

/// One layer of a [`CompiledNetwork`].
///
/// Two layers are equal when every field is, own probabilities compared bit for bit (NaN
/// means "none" there, and equals NaN).
#[derive(Debug, Clone)]
pub struct CompiledLayer {
    /// The layer's name.
    pub name: String,
    /// Physical or digital.
    pub kind: LayerKind,
    /// Whether ties point one way.
    pub directed: bool,
    /// The layer's default probability, if set.
    pub probability: Option<f64>,
    /// Steps to cross a tie.
    pub latency: u32,
    /// Whether the layer is a shadow layer (hidden from the analyst; simulated like any other).
    pub shadow: bool,
    // Crate-visible for the binary format (`io::binary`), which writes and reads them as is.
    pub(crate) offsets: Vec<u32>,
    pub(crate) targets: Vec<u32>,
    pub(crate) weights: Vec<f32>,
    pub(crate) probabilities: Vec<f32>,
    pub(crate) multiplicity: Vec<u16>,
    pub(crate) signs: Vec<i8>,
    pub(crate) plain: bool,
}

impl PartialEq for CompiledLayer {
    fn eq(&self, other: &Self) -> bool {
        let bits = |p: &[f32]| p.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        self.name == other.name
            && self.kind == other.kind
            && self.directed == other.directed
            && self.probability.map(f64::to_bits) == other.probability.map(f64::to_bits)
            && self.latency == other.latency
            && self.shadow == other.shadow
            && self.offsets == other.offsets
            && self.targets == other.targets
            && self.weights == other.weights
            && bits(&self.probabilities) == bits(&other.probabilities)
            && self.multiplicity == other.multiplicity
            && self.signs == other.signs
            && self.plain == other.plain
    }
}

impl CompiledLayer {
    /// Whether every tie is plain: no probability of its own, no parallel ties merged into
    /// it, trusted. Simulations can then treat the layer's ties as interchangeable.
    pub fn is_plain(&self) -> bool {
        self.plain
    }

    /// The range of slots holding `person`'s outgoing ties, for indexing the per-tie arrays.
    #[inline]
    pub fn range(&self, person: u32) -> std::ops::Range<usize> {
        let p = person as usize;
        self.offsets[p] as usize..self.offsets[p + 1] as usize
    }

    /// Whom `person` can pass a message to in this layer (both ends of undirected ties).
    #[inline]
    pub fn successors(&self, person: u32) -> &[u32] {
        &self.targets[self.range(person)]
    }

    /// The out-degree of `person` in this layer.
    #[inline]
    pub fn out_degree(&self, person: u32) -> usize {
        let r = self.range(person);
        r.end - r.start
    }

    /// The CSR offsets (length: people + 1).
    pub fn offsets(&self) -> &[u32] {
        &self.offsets
    }
    /// Every slot's target.
    pub fn targets(&self) -> &[u32] {
        &self.targets
    }
    /// Every slot's weight.
    pub fn weights(&self) -> &[f32] {
        &self.weights
    }
    /// Every slot's own probability, NaN where the tie has none.
    pub fn probabilities(&self) -> &[f32] {
        &self.probabilities
    }
    /// Every slot's multiplicity (parallel ties merged into it), saturating at 65,535.
    pub fn multiplicity(&self) -> &[u16] {
        &self.multiplicity
    }
    /// Every slot's sign, `+1` or `-1`.
    pub fn signs(&self) -> &[i8] {
        &self.signs
    }
    /// The number of directed ties (slots).
    pub fn num_slots(&self) -> usize {
        self.targets.len()
    }

    /// The same layer with every tie reversed (who can reach `v`), as reverse-reachable
    /// sampling and Linear Threshold need. An undirected layer is its own transpose.
    #[must_use]
    pub fn transpose(&self) -> CompiledLayer {
        if !self.directed {
            return self.clone();
        }
        let n = self.offsets.len() - 1;
        let mut edges = Vec::with_capacity(self.targets.len());
        for u in 0..n {
            for slot in self.range(u as u32) {
                edges.push((self.targets[slot], u as u32, slot));
            }
        }
        build(self, n, &edges)
    }

    fn bytes(&self) -> usize {
        self.offsets.len() * 4
            + self.targets.len() * 4
            + self.weights.len() * 4
            + self.probabilities.len() * 4
            + self.multiplicity.len() * 2
            + self.signs.len()
    }
}

/// Whether ties with these attributes are all plain (see [`CompiledLayer::is_plain`]).
pub(crate) fn all_plain(probabilities: &[f32], multiplicity: &[u16], signs: &[i8]) -> bool {
    probabilities.iter().all(|p| p.is_nan())
        && multiplicity.iter().all(|&m| m == 1)
        && signs.iter().all(|&s| s > 0)
}

/// Builds a layer's CSR from `(source, target, slot in a template)` triples by counting sort,
/// which keeps the input order within each source: deterministic for a given network.
fn build(template: &CompiledLayer, n: usize, edges: &[(u32, u32, usize)]) -> CompiledLayer {
    let mut offsets = vec![0u32; n + 1];
    for &(s, _, _) in edges {
        offsets[s as usize + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let m = edges.len();
    let mut fill = offsets.clone();
    let (mut targets, mut weights, mut probs, mut mult, mut signs) =
        (vec![0u32; m], vec![0f32; m], vec![0f32; m], vec![0u16; m], vec![0i8; m]);
    for &(s, t, slot) in edges {
        let at = fill[s as usize] as usize;
        fill[s as usize] += 1;
        targets[at] = t;
        weights[at] = template.weights[slot];
        probs[at] = template.probabilities[slot];
        mult[at] = template.multiplicity[slot];
        signs[at] = template.signs[slot];
    }
    let plain = all_plain(&probs, &mult, &signs);
    CompiledLayer {
        name: template.name.clone(),
        kind: template.kind,
        directed: template.directed,
        probability: template.probability,
        latency: template.latency,
        shadow: template.shadow,
        offsets,
        targets,
        weights,
        probabilities: probs,
        multiplicity: mult,
        signs,
        plain,
    }
}

/// The size of a [`CompiledNetwork`], from [`CompiledNetwork::size`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ViewSize {
    /// [`CompiledNetwork::num_people`].
    pub people: usize,
    /// [`CompiledNetwork::num_directed_ties`].
    pub directed_ties: usize,
    /// [`CompiledNetwork::adjacency_bytes`].
    pub adjacency_bytes: usize,
    /// [`CompiledNetwork::bytes_per_directed_tie`].
    pub bytes_per_directed_tie: f64,
}

/// A frozen multiplex network: per-layer CSR adjacency and per-person arrays.
///
/// ```
/// let net = reseau::datasets::aarhus_cs();
/// let view = net.compile();
/// assert_eq!(view.num_people(), 61);
/// assert_eq!(view.num_directed_ties(), 2 * 620);
/// let lunch = &view.layers()[0];
/// assert_eq!(lunch.name, "lunch");
/// assert!(view.bytes_per_directed_tie() <= 16.0 + 4.0 * 61.0 * 5.0 / 1240.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledNetwork {
    // Crate-visible for the binary format (`io::binary`), which writes and reads them as is.
    pub(crate) num_people: u32,
    pub(crate) layers: Vec<CompiledLayer>,
    pub(crate) kinds: Vec<PersonKind>,
    pub(crate) costs: Vec<f64>,
    pub(crate) groups: Vec<u32>,
    pub(crate) group_names: Vec<String>,
    /// Each person's position, when everyone has one (per person: no cost per tie).
    pub(crate) positions: Option<Vec<[f64; 2]>>,
    /// Each person's label, if any (requests name people by label, and results show them),
    /// and the labelled people's ids sorted by label, made on the first look-up: sorting a
    /// million labels costs a third of a compilation that may never need it.
    pub(crate) labels: Vec<Option<String>>,
    pub(crate) by_label: LabelIndex,
}

/// The ids of the labelled people sorted by label, made when first needed. It is derived
/// from the labels, so it takes no part in comparisons.
#[derive(Debug, Clone, Default)]
pub(crate) struct LabelIndex(std::sync::OnceLock<Vec<u32>>);

impl LabelIndex {
    /// An index made already (the binary format stores it, checked when read).
    pub(crate) fn made(ids: Vec<u32>) -> Self {
        LabelIndex(std::sync::OnceLock::from(ids))
    }
}

impl PartialEq for LabelIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The group index of a person without a group in [`CompiledNetwork::groups`].
pub const NO_GROUP: u32 = u32::MAX;

impl CompiledNetwork {
    /// Compiles `net` (see [`Network::compile`]).
    pub fn new(net: &Network) -> Self {
        let n = net.num_people();
        let mut per_layer: Vec<Vec<(u32, u32, usize)>> = vec![Vec::new(); net.num_layers()];
        let mut templates: Vec<CompiledLayer> = net
            .layers()
            .iter()
            .map(|l| CompiledLayer {
                name: l.name.clone(),
                kind: l.kind,
                directed: l.directed,
                probability: l.probability,
                latency: l.latency,
                shadow: l.shadow,
                offsets: Vec::new(),
                targets: Vec::new(),
                weights: Vec::new(),
                probabilities: Vec::new(),
                multiplicity: Vec::new(),
                signs: Vec::new(),
                plain: true,
            })
            .collect();
        for tie in net.ties() {
            let l = tie.layer.index();
            let t = &mut templates[l];
            let slot = t.weights.len();
            t.weights.push(tie.weight as f32);
            t.probabilities.push(tie.probability.map_or(f32::NAN, |p| p as f32));
            t.multiplicity.push(u16::try_from(tie.multiplicity).unwrap_or(u16::MAX));
            t.signs.push(Network::sign_of(tie));
            per_layer[l].push((tie.source.0, tie.target.0, slot));
            if !t.directed {
                per_layer[l].push((tie.target.0, tie.source.0, slot));
            }
        }
        let layers =
            templates.iter().zip(&per_layer).map(|(t, edges)| build(t, n, edges)).collect();

        let mut group_names: Vec<String> = net.groups().into_keys().collect();
        group_names.sort();
        let groups = net
            .people()
            .map(|(_, p)| {
                p.group
                    .as_ref()
                    .and_then(|g| group_names.binary_search(g).ok())
                    .map_or(NO_GROUP, |i| i as u32)
            })
            .collect();
        let positions = net.people().map(|(_, p)| p.position).collect::<Option<Vec<_>>>();
        let labels: Vec<Option<String>> = net.people().map(|(_, p)| p.label.clone()).collect();
        CompiledNetwork {
            labels,
            by_label: LabelIndex::default(),
            positions: positions.filter(|p| !p.is_empty()),
            num_people: n as u32,
            layers,
            kinds: net.people().map(|(_, p)| p.kind).collect(),
            costs: net.people().map(|(_, p)| p.cost).collect(),
            groups,
            group_names,
        }
    }

    /// A view of `n` unlabelled ordinary people (as `Person::new()` makes them) and one
    /// layer `def` of weight-1 ties, `pairs` holding each tie's two ends in turn (`a` then
    /// `b`; valid, distinct, no self-loops: what the generators make): the view of the network
    /// those ties were added to in that order, slot for slot, without that network.
    pub(crate) fn single_layer(n: u32, def: &crate::Layer, pairs: &[u32]) -> CompiledNetwork {
        let people = n as usize;
        let mut offsets = vec![0u32; people + 1];
        let count = |offsets: &mut [u32], p: u32| offsets[p as usize + 1] += 1;
        for pair in pairs.chunks_exact(2) {
            count(&mut offsets, pair[0]);
            if !def.directed {
                count(&mut offsets, pair[1]);
            }
        }
        for i in 0..people {
            offsets[i + 1] += offsets[i];
        }
        let slots = offsets[people] as usize;
        // Filled in tie order within each person, as `compile` does (a stable counting sort).
        let mut fill = offsets[..people].to_vec();
        let mut targets = vec![0u32; slots];
        let mut put = |from: u32, to: u32| {
            targets[fill[from as usize] as usize] = to;
            fill[from as usize] += 1;
        };
        for pair in pairs.chunks_exact(2) {
            put(pair[0], pair[1]);
            if !def.directed {
                put(pair[1], pair[0]);
            }
        }
        drop(fill);
        let person = crate::Person::new();
        CompiledNetwork {
            num_people: n,
            layers: vec![CompiledLayer {
                name: def.name.clone(),
                kind: def.kind,
                directed: def.directed,
                probability: def.probability,
                latency: def.latency,
                shadow: def.shadow,
                offsets,
                targets,
                weights: vec![1.0; slots],
                probabilities: vec![f32::NAN; slots],
                multiplicity: vec![1; slots],
                signs: vec![1; slots],
                plain: true,
            }],
            kinds: vec![person.kind; people],
            costs: vec![person.cost; people],
            groups: vec![NO_GROUP; people],
            group_names: Vec::new(),
            positions: None,
            labels: vec![None; people],
            by_label: LabelIndex::default(),
        }
    }

    /// The number of people.
    pub fn num_people(&self) -> usize {
        self.num_people as usize
    }
    /// The layers, in the network's order.
    pub fn layers(&self) -> &[CompiledLayer] {
        &self.layers
    }
    /// Each person's kind.
    pub fn kinds(&self) -> &[PersonKind] {
        &self.kinds
    }
    /// Each person's cost to enlist.
    pub fn costs(&self) -> &[f64] {
        &self.costs
    }
    /// Each person's group index into [`CompiledNetwork::group_names`], or [`NO_GROUP`].
    pub fn groups(&self) -> &[u32] {
        &self.groups
    }
    /// The group names, sorted.
    pub fn group_names(&self) -> &[String] {
        &self.group_names
    }
    /// Each person's [`Person::position`](crate::Person::position), indexed by id, when every
    /// person has one (`None` otherwise, and for an empty network).
    ///
    /// ```
    /// let view = reseau::generators::kleinberg(3, 2.0, 1, 1)?.compile();
    /// assert_eq!(view.positions().unwrap()[5], [2.0, 1.0]);
    /// assert!(reseau::datasets::aarhus_cs().compile().positions().is_none());
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn positions(&self) -> Option<&[[f64; 2]]> {
        self.positions.as_deref()
    }
    /// A person's label, if they have one.
    ///
    /// ```
    /// let view = reseau::datasets::aarhus_cs().compile();
    /// assert_eq!(view.label(0), Some("U102"));
    /// ```
    pub fn label(&self, person: u32) -> Option<&str> {
        self.labels.get(person as usize).and_then(Option::as_deref)
    }

    /// Each person's label, indexed by id; an unlabelled person shows as their id number (as
    /// [`Network::labels`]).
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs();
    /// assert_eq!(net.compile().labels(), net.labels());
    /// ```
    pub fn labels(&self) -> Vec<String> {
        self.labels
            .iter()
            .enumerate()
            .map(|(id, l)| l.clone().unwrap_or_else(|| id.to_string()))
            .collect()
    }

    /// Every person's display name, indexed by id: their label, or `#id` (see
    /// [`Network::display_name`](crate::Network::display_name)).
    ///
    /// ```
    /// let net = reseau::generators::erdos_renyi(3, 1.0, 1)?;
    /// assert_eq!(net.compile().display_names(), ["#0", "#1", "#2"]);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn display_names(&self) -> Vec<String> {
        (0..self.labels.len()).map(|p| self.display_name(p as u32)).collect()
    }

    /// One person's display name: their label, or `#id`.
    ///
    /// ```
    /// assert_eq!(reseau::datasets::aarhus_cs().compile().display_name(0), "U102");
    /// ```
    pub fn display_name(&self, id: u32) -> String {
        match self.labels.get(id as usize) {
            Some(Some(label)) => label.clone(),
            _ => format!("#{id}"),
        }
    }

    /// The person with this label, if any.
    ///
    /// ```
    /// let view = reseau::datasets::aarhus_cs().compile();
    /// assert_eq!(view.index_of("U139"), Some(1));
    /// assert_eq!(view.index_of("nobody"), None);
    /// ```
    pub fn index_of(&self, label: &str) -> Option<u32> {
        let by_label = self.label_order();
        by_label
            .binary_search_by(|&p| self.labels[p as usize].as_deref().unwrap_or("").cmp(label))
            .ok()
            .map(|i| by_label[i])
    }

    /// The ids of the labelled people sorted by label (made on the first call).
    pub(crate) fn label_order(&self) -> &[u32] {
        self.by_label.0.get_or_init(|| {
            let labelled =
                (0..self.labels.len() as u32).filter(|&p| self.labels[p as usize].is_some());
            let mut ids: Vec<u32> = labelled.collect();
            ids.sort_unstable_by(|&a, &b| self.labels[a as usize].cmp(&self.labels[b as usize]));
            ids
        })
    }

    /// The id of the person `person` names (by id or label), or
    /// [`Error::UnknownPerson`](crate::Error::UnknownPerson).
    ///
    /// ```
    /// use reseau::PersonRef;
    /// let view = reseau::datasets::aarhus_cs().compile();
    /// assert_eq!(view.resolve(&PersonRef::from("U102"))?, 0);
    /// assert_eq!(view.resolve(&PersonRef::Id(60))?, 60);
    /// assert_eq!(view.resolve(&PersonRef::from("nobody")).unwrap_err().to_string(), "unknown person \"nobody\"");
    /// assert_eq!(view.resolve(&PersonRef::Id(61)).unwrap_err().kind(), "UnknownPersonError");
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn resolve(&self, person: &PersonRef) -> Result<u32> {
        person.resolve_with(self.num_people(), |label| self.index_of(label))
    }

    /// The ids of `people`, in their order (see [`CompiledNetwork::resolve`]).
    pub(crate) fn resolve_all(&self, people: &[PersonRef]) -> Result<Vec<u32>> {
        people.iter().map(|p| self.resolve(p)).collect()
    }

    /// The number of directed ties over all layers.
    pub fn num_directed_ties(&self) -> usize {
        self.layers.iter().map(CompiledLayer::num_slots).sum()
    }
    /// Bytes held by the adjacency arrays (offsets and per-tie arrays of every layer).
    pub fn adjacency_bytes(&self) -> usize {
        self.layers.iter().map(CompiledLayer::bytes).sum()
    }
    /// The bytes this view holds, about: its adjacency and its per-person arrays (kinds,
    /// costs, groups, positions, labels with their text).
    pub(crate) fn estimated_bytes(&self) -> u64 {
        let per_person = std::mem::size_of::<PersonKind>()
            + std::mem::size_of::<f64>()
            + std::mem::size_of::<u32>()
            + std::mem::size_of::<Option<String>>()
            + if self.positions.is_some() { 16 } else { 0 };
        let label_text: usize = self.labels.iter().flatten().map(|l| l.len() + 16).sum();
        (self.adjacency_bytes() + self.num_people() * per_person + label_text) as u64
    }

    /// Adjacency bytes divided by directed ties (offsets included).
    pub fn bytes_per_directed_tie(&self) -> f64 {
        self.adjacency_bytes() as f64 / self.num_directed_ties().max(1) as f64
    }

    /// The size of this view at once (what Python's `Network.memory()` shows).
    ///
    /// ```
    /// let view = reseau::datasets::aarhus_cs().compile();
    /// let size = view.size();
    /// assert_eq!((size.people, size.directed_ties), (61, 1240));
    /// assert_eq!(size.bytes_per_directed_tie, view.bytes_per_directed_tie());
    /// ```
    pub fn size(&self) -> ViewSize {
        ViewSize {
            people: self.num_people(),
            directed_ties: self.num_directed_ties(),
            adjacency_bytes: self.adjacency_bytes(),
            bytes_per_directed_tie: self.bytes_per_directed_tie(),
        }
    }
}

impl Network {
    /// Freezes the network into the compact view that simulations run on.
    ///
    /// ```
    /// use reseau::{Layer, Network, Person};
    /// let mut net = Network::new();
    /// net.add_layer(Layer::digital("follows").directed(true)).unwrap();
    /// let a = net.add_person(Person::new()).unwrap();
    /// let b = net.add_person(Person::new()).unwrap();
    /// net.add_tie(a, b, "follows", 1.0).unwrap();
    /// let view = net.compile();
    /// assert_eq!(view.layers()[0].successors(0), &[1]);
    /// assert!(view.layers()[0].successors(1).is_empty());
    /// assert_eq!(view.layers()[0].transpose().successors(1), &[0]);
    /// ```
    pub fn compile(&self) -> CompiledNetwork {
        if self.is_frozen() {
            // A loaded network's view is what compiling it gives, without making its ties.
            return CompiledNetwork::clone(&self.compiled());
        }
        CompiledNetwork::new(self)
    }

    /// The compiled view that simulations run on, compiled on first use and kept until the
    /// network changes, so repeated simulations on an unchanged network compile it once.
    ///
    /// ```
    /// let mut net = reseau::datasets::aarhus_cs();
    /// let view = net.compiled();
    /// assert!(std::sync::Arc::ptr_eq(&view, &net.compiled()));
    /// net.add_people(1).unwrap();
    /// assert_eq!(net.compiled().num_people(), 62);
    /// ```
    ///
    /// # Panics
    /// Never: the cache holds nothing but a compiled view.
    pub fn compiled(&self) -> Arc<CompiledNetwork> {
        let cached = self.compiled_cache().get_or_init(|| Arc::new(self.compile()));
        Arc::clone(cached).downcast().expect("the cache holds a CompiledNetwork")
    }
}

#[cfg(test)]
mod tests {
    use crate::{Layer, Network, Person, TieSpec};

    #[test]
    fn undirected_ties_appear_both_ways_with_their_attributes() {
        let mut net = Network::new();
        net.add_layer(Layer::physical("work")).unwrap();
        net.add_layer(Layer::digital("mail").directed(true)).unwrap();
        net.add_people(3).unwrap();
        let (a, b, c) = (crate::PersonId(0), crate::PersonId(1), crate::PersonId(2));
        net.add_tie_spec(a, b, "work", TieSpec::weight(2.0).probability(0.5)).unwrap();
        net.add_tie(c, a, "mail", 1.0).unwrap();
        let view = net.compile();
        let work = &view.layers()[0];
        assert_eq!(work.successors(0), &[1]);
        assert_eq!(work.successors(1), &[0]);
        assert_eq!(work.weights(), &[2.0, 2.0]);
        assert_eq!(work.probabilities(), &[0.5, 0.5]);
        let mail = &view.layers()[1];
        assert_eq!(mail.successors(2), &[0]);
        assert!(mail.successors(0).is_empty());
        assert!(mail.probabilities()[0].is_nan());
        assert_eq!(view.num_directed_ties(), 3);
    }

    #[test]
    fn groups_are_interned_in_sorted_order() {
        let mut net = Network::new();
        net.add_person(Person::new().group("b")).unwrap();
        net.add_person(Person::new()).unwrap();
        net.add_person(Person::new().group("a")).unwrap();
        let view = net.compile();
        assert_eq!(view.group_names(), &["a".to_string(), "b".to_string()]);
        assert_eq!(view.groups(), &[1, super::NO_GROUP, 0]);
    }
}
