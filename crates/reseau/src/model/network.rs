//! The editable multiplex network, built on petgraph.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};

use super::{
    Duplicates, Layer, LayerId, LayerKind, Person, PersonId, PersonInfo, SelfLoops, Sign, Tie,
    TieInfo, TieSpec,
};
use crate::error::{Error, Result, check_non_negative, check_probability};

/// Checks a position: both coordinates finite.
fn check_position(position: Option<[f64; 2]>) -> Result<()> {
    match position {
        Some([x, y]) if !(x.is_finite() && y.is_finite()) => Err(Error::invalid(
            "position",
            format!("[{}, {}]", crate::error::float(x), crate::error::float(y)),
            "two finite coordinates",
        )),
        _ => Ok(()),
    }
}

/// A fast hash for integer keys (the multiply-rotate scheme of rustc's `FxHasher`): the tie
/// index and the readers hash ids, not text an adversary could choose, and `SipHash` costs
/// more than the rest of reading a large edge list.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FastHasher(u64);

/// Builds [`FastHasher`]s, for `HashMap<_, _, FastHash>`.
pub(crate) type FastHash = BuildHasherDefault<FastHasher>;

impl Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        // The product's best-mixed bits are the high ones; bring them to where the table looks.
        self.0.rotate_left(26)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = self.0.wrapping_add(n).wrapping_mul(0xf135_7aea_2e62_a9c5);
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// The name of [`Network::flatten`]'s layer when the caller names none (the Python and
/// JavaScript default).
///
/// ```
/// let flat = reseau::datasets::aarhus_cs().flatten(reseau::FLAT_LAYER, reseau::LayerKind::Physical)?;
/// assert_eq!(flat.layers()[0].name, "all");
/// # Ok::<(), reseau::Error>(())
/// ```
pub const FLAT_LAYER: &str = "all";

/// A tie's index in a [`Network`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TieId(pub u32);

/// Anything that names a layer: its [`LayerId`] or its name.
///
/// ```
/// use reseau::{Layer, LayerKey, Network};
/// let mut net = Network::new();
/// let lunch = net.add_layer(Layer::physical("lunch")).unwrap();
/// assert_eq!("lunch".resolve(&net).unwrap(), lunch);
/// assert_eq!(lunch.resolve(&net).unwrap(), lunch);
/// ```
pub trait LayerKey {
    /// The layer's id in `net`, or [`Error::UnknownLayer`].
    fn resolve(&self, net: &Network) -> Result<LayerId>;
}

impl LayerKey for LayerId {
    fn resolve(&self, net: &Network) -> Result<LayerId> {
        if self.index() < net.layers.len() {
            Ok(*self)
        } else {
            Err(Error::UnknownLayer { name: format!("#{}", self.0) })
        }
    }
}

impl LayerKey for &str {
    fn resolve(&self, net: &Network) -> Result<LayerId> {
        net.layer_id(self)
    }
}

impl LayerKey for String {
    fn resolve(&self, net: &Network) -> Result<LayerId> {
        net.layer_id(self)
    }
}

impl LayerKey for &String {
    fn resolve(&self, net: &Network) -> Result<LayerId> {
        net.layer_id(self)
    }
}

/// A multiplex network: people, named layers, and ties between two people in one layer.
///
/// Two people may be tied in several layers. The network is for building and editing; the
/// simulations run on the frozen [`CompiledNetwork`](crate::CompiledNetwork) that
/// [`Network::compile`](crate::Network::compile) makes.
///
/// ```
/// use reseau::{Layer, Network, Person};
/// let mut net = Network::new();
/// net.add_layer(Layer::physical("lunch")).unwrap();
/// net.add_layer(Layer::digital("linkedin")).unwrap();
/// let ana = net.add_person(Person::new().label("ana").group("G1")).unwrap();
/// let bo = net.add_person(Person::new().label("bo")).unwrap();
/// net.add_tie(ana, bo, "lunch", 1.0).unwrap();
/// net.add_tie(ana, bo, "linkedin", 1.0).unwrap();
/// assert_eq!((net.num_people(), net.num_ties()), (2, 2));
/// assert_eq!(net.degree(ana, None), 2);
/// assert_eq!(net.overlap("lunch", "linkedin").unwrap(), 1);
/// assert_eq!(net.without_layers(&["linkedin"]).unwrap().num_ties(), 1);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Network {
    layers: Vec<Layer>,
    layer_index: HashMap<String, LayerId>,
    /// The people and ties, with their indexes: made on first use from `frozen` when the
    /// network was loaded, at once otherwise.
    body: OnceLock<Body>,
    /// The compiled view a loaded network was made from, until its body is made and changed:
    /// it answers the cheap questions (counts, labels) without making the body.
    frozen: Option<Arc<dyn Frozen>>,
    duplicates: Duplicates,
    self_loops: SelfLoops,
    duplicates_merged: u64,
    self_loops_dropped: u64,
    /// The compiled view, made on first use and dropped by every change. Its type is not
    /// named here: the compiled view is built from the network, not the other way round.
    compiled: OnceLock<Arc<dyn std::any::Any + Send + Sync>>,
}

/// The people and ties of a [`Network`], and their indexes: what a loaded network makes only
/// when first needed (about 0.5 µs per directed tie, twenty times the load itself).
#[derive(Debug, Clone, Default)]
pub(crate) struct Body {
    graph: StableDiGraph<Person, Tie, u32>,
    label_index: HashMap<String, PersonId>,
    /// (layer, a, b) with a <= b in undirected layers, to find duplicates in O(1).
    tie_index: HashMap<(u32, u32, u32), EdgeIndex, FastHash>,
    ties_per_layer: Vec<usize>,
}

/// What a network loaded from its compiled view keeps until its body is needed: the view
/// (`CompiledNetwork`, not named here: the compiled view is built from the network, not the
/// other way round), which answers counts and labels, and makes the body on demand.
pub(crate) trait Frozen: std::fmt::Debug + Send + Sync {
    /// The number of people.
    fn num_people(&self) -> usize;
    /// A person's label, if they have one.
    fn label(&self, person: u32) -> Option<&str>;
    /// The person with this label.
    fn index_of(&self, label: &str) -> Option<u32>;
    /// The number of ties in layer `layer` (an undirected tie once).
    fn num_ties_in(&self, layer: usize) -> usize;
    /// The network in full, with `layers` (the view was checked when frozen: this cannot
    /// fail).
    fn thaw(&self, layers: &[Layer]) -> Network;
}

/// The counts, as Python's `repr` of a network shows them:
/// `61 people, 620 ties, 5 layers (4 physical, 1 digital)`.
///
/// ```
/// assert_eq!(
///     reseau::datasets::aarhus_cs().to_string(),
///     "61 people, 620 ties, 5 layers (4 physical, 1 digital)"
/// );
/// let mut net = reseau::Network::new();
/// net.add_people(1).unwrap();
/// assert_eq!(net.to_string(), "1 person, 0 ties, 0 layers");
/// net.add_layer(reseau::Layer::physical("lobbying").shadow(true)).unwrap();
/// assert_eq!(net.to_string(), "1 person, 0 ties, 1 layer (1 physical, 0 digital; 1 shadow)");
/// ```
impl std::fmt::Display for Network {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = |n: usize, one, many| format!("{n} {}", if n == 1 { one } else { many });
        let (people, ties) = (self.num_people(), self.num_ties());
        let layers = self.num_layers();
        write!(f, "{}, {}", plural(people, "person", "people"), plural(ties, "tie", "ties"))?;
        write!(f, ", {}", plural(layers, "layer", "layers"))?;
        if layers > 0 {
            let physical = self.layers_of_kind(LayerKind::Physical).len();
            write!(f, " ({physical} physical, {} digital", layers - physical)?;
            match self.shadow_layers().len() {
                0 => write!(f, ")")?,
                shadow => write!(f, "; {shadow} shadow)")?,
            }
        }
        Ok(())
    }
}

impl Network {
    /// The cache of the compiled view (see `Network::compiled`).
    pub(crate) fn compiled_cache(&self) -> &OnceLock<Arc<dyn std::any::Any + Send + Sync>> {
        &self.compiled
    }

    /// Drops the cached compiled view: called by every method that changes the network
    /// (a loaded network makes its body first, from the view it drops).
    fn changed(&mut self) {
        if self.frozen.is_some() {
            self.body();
            self.frozen = None;
        }
        self.compiled.take();
    }

    /// What every edit does first: a frozen network makes its body, refused up front with
    /// [`Error::OutOfMemory`] when it would not fit (the view may fit where the editable
    /// network does not); then the cached compiled view is dropped.
    fn edit(&mut self) -> Result<()> {
        if let (None, Some(frozen)) = (self.body.get(), &self.frozen) {
            let (people, ties) = (frozen.num_people(), self.num_directed_ties());
            let bytes = Network::estimated_bytes(people as u64, ties as u64);
            crate::memory::check(None, bytes, || {
                format!("editing a loaded network of {people} people and {ties} directed ties")
            })?;
        }
        self.changed();
        Ok(())
    }

    /// The people and ties, made from the frozen view on first use.
    fn body(&self) -> &Body {
        self.body.get_or_init(|| match &self.frozen {
            Some(frozen) => frozen.thaw(&self.layers).body.into_inner().unwrap_or_default(),
            None => Body::default(),
        })
    }

    /// The people and ties, to change (made first if need be).
    fn body_mut(&mut self) -> &mut Body {
        self.body();
        self.body.get_mut().expect("made above")
    }

    /// Makes this network, which has its layers and no people, stand for `frozen` until its
    /// body is first needed.
    pub(crate) fn freeze(&mut self, frozen: Arc<dyn Frozen>) {
        self.body = OnceLock::new();
        self.frozen = Some(frozen);
    }

    /// The number of ties in the layer of index `layer`.
    fn layer_ties(&self, layer: usize) -> usize {
        match self.still_frozen() {
            Some(frozen) => frozen.num_ties_in(layer),
            None => self.body().ties_per_layer[layer],
        }
    }

    /// Whether this network still holds only the compiled view it was loaded from
    /// ([`Network::from_compiled`]): its people and ties are made on the first call that
    /// needs them (an edit, or a look at people or ties; counts and labels do not). Users see
    /// no difference but speed.
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs();
    /// assert!(!net.is_frozen());
    /// let loaded = reseau::Network::from_compiled(reseau::io::from_bytes(&net.compile().to_bytes())?)?;
    /// assert!(loaded.is_frozen());
    /// assert_eq!((loaded.num_people(), loaded.num_ties(), loaded.index_of("U102")), (61, 620, Some(reseau::PersonId(0))));
    /// assert!(loaded.is_frozen());
    /// assert_eq!(loaded.degrees(None), net.degrees(None)); // made here
    /// assert!(!loaded.is_frozen());
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn is_frozen(&self) -> bool {
        self.frozen.is_some() && self.body.get().is_none()
    }

    /// An empty network.
    pub fn new() -> Self {
        Self::default()
    }

    // ----- policies -----

    /// Sets what a repeated tie does (default [`Duplicates::Merge`]).
    pub fn set_duplicates(&mut self, policy: Duplicates) {
        self.duplicates = policy;
    }

    /// Sets what a self-loop does (default [`SelfLoops::Reject`]).
    pub fn set_self_loops(&mut self, policy: SelfLoops) {
        self.self_loops = policy;
    }

    /// How many repeated ties were merged into an existing one so far.
    ///
    /// ```
    /// use reseau::{Layer, Network, Person};
    /// let mut net = Network::new();
    /// net.add_layer(Layer::physical("work")).unwrap();
    /// let a = net.add_person(Person::new()).unwrap();
    /// let b = net.add_person(Person::new()).unwrap();
    /// net.add_tie(a, b, "work", 1.0).unwrap();
    /// net.add_tie(b, a, "work", 1.0).unwrap(); // the same undirected tie
    /// assert_eq!((net.num_ties(), net.duplicates_merged()), (1, 1));
    /// ```
    pub fn duplicates_merged(&self) -> u64 {
        self.duplicates_merged
    }

    /// How many self-loops were skipped under [`SelfLoops::Drop`].
    pub fn self_loops_dropped(&self) -> u64 {
        self.self_loops_dropped
    }

    // ----- layers -----

    /// Adds a layer and returns its id.
    ///
    /// ```
    /// use reseau::{Error, Layer, Network};
    /// let mut net = Network::new();
    /// let fb = net.add_layer(Layer::digital("facebook")).unwrap();
    /// assert_eq!(net.layer(fb).name, "facebook");
    /// assert!(matches!(net.add_layer(Layer::digital("facebook")), Err(Error::DuplicateLayer { .. })));
    /// assert!(net.add_layer(Layer::physical("x").probability(1.5)).is_err());
    /// ```
    pub fn add_layer(&mut self, layer: Layer) -> Result<LayerId> {
        self.edit()?;
        layer.validate()?;
        if self.layer_index.contains_key(&layer.name) {
            return Err(Error::DuplicateLayer { name: layer.name });
        }
        let id = LayerId(
            u32::try_from(self.layers.len())
                .map_err(|_| Error::invalid("number of layers", "2^32", "fewer than 2^32"))?,
        );
        self.layer_index.insert(layer.name.clone(), id);
        self.layers.push(layer);
        self.body_mut().ties_per_layer.push(0);
        Ok(id)
    }

    /// The layer with this id.
    ///
    /// # Panics
    /// If `id` is not a layer of this network.
    pub fn layer(&self, id: LayerId) -> &Layer {
        &self.layers[id.index()]
    }

    /// The id of the layer with this name.
    pub fn layer_id(&self, name: &str) -> Result<LayerId> {
        self.layer_index
            .get(name)
            .copied()
            .ok_or_else(|| Error::UnknownLayer { name: name.to_owned() })
    }

    /// All layers, in the order they were added.
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// The number of layers.
    pub fn num_layers(&self) -> usize {
        self.layers.len()
    }

    /// Changes a layer's default probability and latency (the other fields define the layer's
    /// ties and cannot change once it has some).
    pub fn configure_layer(
        &mut self,
        layer: impl LayerKey,
        probability: Option<f64>,
        latency: u32,
    ) -> Result<()> {
        self.edit()?;
        let id = layer.resolve(self)?;
        let mut updated = self.layers[id.index()].clone();
        updated.probability = probability;
        updated.latency = latency;
        updated.validate()?;
        self.layers[id.index()] = updated;
        Ok(())
    }

    /// Marks a layer as a shadow (hidden) layer, or as visible again: its ties stay in every
    /// simulation, and [`Network::observed`] leaves them out.
    ///
    /// ```
    /// let mut net = reseau::datasets::aarhus_cs();
    /// net.set_layer_shadow("leisure", true)?;
    /// assert_eq!(net.shadow_layers(), vec![net.layer_id("leisure")?]);
    /// assert_eq!(net.set_layer_shadow("dinner", true).unwrap_err().kind(), "UnknownLayerError");
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn set_layer_shadow(&mut self, layer: impl LayerKey, shadow: bool) -> Result<()> {
        let id = layer.resolve(self)?;
        self.edit()?;
        self.layers[id.index()].shadow = shadow;
        Ok(())
    }

    /// The ids of the shadow layers, in layer order.
    ///
    /// ```
    /// assert!(reseau::datasets::aarhus_cs().shadow_layers().is_empty());
    /// ```
    pub fn shadow_layers(&self) -> Vec<LayerId> {
        (0..self.layers.len())
            .filter(|&i| self.layers[i].shadow)
            .map(|i| LayerId(i as u32))
            .collect()
    }

    /// The ties of the shadow layers, which [`Network::observed`] leaves out.
    ///
    /// ```
    /// let mut net = reseau::datasets::aarhus_cs();
    /// assert_eq!(net.num_shadow_ties(), 0);
    /// net.set_layer_shadow("facebook", true)?;
    /// assert_eq!(net.num_shadow_ties(), 124);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn num_shadow_ties(&self) -> usize {
        self.shadow_layers().iter().map(|l| self.layer_ties(l.index())).sum()
    }

    /// The analyst's view: the network without its shadow layers, as someone who studies the
    /// visible data sees it. People and their ids are kept, and every tie of a visible layer;
    /// the visible layers keep their order (their ids shift down past a dropped shadow layer).
    /// With no shadow layer it is a copy of the network.
    ///
    /// ```
    /// use reseau::{Layer, Network, Person};
    /// let mut net = Network::new();
    /// net.add_layer(Layer::digital("linkedin"))?;
    /// net.add_layer(Layer::physical("lobbying").shadow(true))?;
    /// let (a, b, c) = (net.add_person(Person::new())?, net.add_person(Person::new())?, net.add_person(Person::new())?);
    /// net.add_tie(a, b, "linkedin", 1.0)?;
    /// net.add_tie(b, c, "lobbying", 1.0)?;
    /// let seen = net.observed();
    /// assert_eq!((seen.num_people(), seen.num_ties(), seen.num_layers()), (3, 1, 1));
    /// assert!(seen.shadow_layers().is_empty());
    /// assert_eq!(seen.neighbors(b, None), vec![a]);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    #[must_use]
    pub fn observed(&self) -> Network {
        self.drop_layers(&self.shadow_layers())
    }

    /// Changes a layer's kind, physical or digital: what the layer stands for, which its
    /// ties do not depend on (a file read with the wrong guess can be corrected).
    ///
    /// ```
    /// use reseau::{LayerKind, io::{EdgeListOptions, parse_edgelist}};
    /// let mut net = parse_edgelist(b"a b\nb c\n", "t", &EdgeListOptions::default())?;
    /// net.set_layer_kind("ties", LayerKind::Digital)?;
    /// assert_eq!(net.layers()[0].kind, LayerKind::Digital);
    /// assert_eq!(net.num_ties(), 2);
    /// assert_eq!(net.set_layer_kind("lunch", LayerKind::Digital).unwrap_err().kind(), "UnknownLayerError");
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn set_layer_kind(&mut self, layer: impl LayerKey, kind: LayerKind) -> Result<()> {
        let id = layer.resolve(self)?;
        self.edit()?;
        self.layers[id.index()].kind = kind;
        Ok(())
    }

    // ----- people -----

    /// Adds a person and returns their id (ids are dense, from 0).
    ///
    /// ```
    /// use reseau::{Error, Network, Person};
    /// let mut net = Network::new();
    /// let ana = net.add_person(Person::new().label("ana")).unwrap();
    /// assert_eq!(net.index_of("ana"), Some(ana));
    /// assert!(matches!(net.add_person(Person::new().label("ana")), Err(Error::DuplicateLabel { .. })));
    /// assert!(net.add_person(Person::new().cost(-1.0)).is_err());
    /// ```
    pub fn add_person(&mut self, person: Person) -> Result<PersonId> {
        self.edit()?;
        if let Some(label) = &person.label {
            if self.body().label_index.contains_key(label) {
                return Err(Error::DuplicateLabel { label: label.clone() });
            }
        }
        let id =
            PersonId(u32::try_from(self.num_people()).ok().filter(|&n| n < u32::MAX).ok_or_else(
                || Error::invalid("number of people", "2^32", "fewer than 2^32 - 1"),
            )?);
        Network::check_person(id, person.label.as_deref(), person.cost, person.position)?;
        let body = self.body_mut();
        if let Some(label) = &person.label {
            body.label_index.insert(label.clone(), id);
        }
        let node = body.graph.add_node(person);
        debug_assert_eq!(node.index(), id.index());
        Ok(id)
    }

    /// Checks what [`Network::add_person`] checks of one person, but for labels repeated:
    /// a cost >= 0, a finite position, and no label `#k` but person k's.
    pub(crate) fn check_person(
        id: PersonId,
        label: Option<&str>,
        cost: f64,
        position: Option<[f64; 2]>,
    ) -> Result<()> {
        check_non_negative(|| "cost".to_owned(), cost)?;
        check_position(position)?;
        // `#k` is how unlabelled person k is shown: only person k may carry it as a label.
        if let Some(k) = label.and_then(super::person::display_id) {
            if k != id.0 {
                return Err(Error::invalid(
                    "label",
                    format!("{:?} for person #{}", label.unwrap_or(""), id.0),
                    format!("a label other than #{k}, the name person {k} is shown by"),
                ));
            }
        }
        Ok(())
    }

    /// Adds `n` unlabelled ordinary people and returns the id of the first.
    ///
    /// Checked before anything is allocated: ids are 32-bit (fewer than 2^32 − 1 people in
    /// all), and the people must fit in memory ([`memory`](crate::memory): about
    /// 180 bytes a person in the editable network).
    ///
    /// ```
    /// let mut net = reseau::Network::new();
    /// assert_eq!(net.add_people(3)?, reseau::PersonId(0));
    /// assert_eq!(net.add_people(usize::MAX).unwrap_err().kind(), "InvalidParameterError");
    /// assert_eq!(net.add_people(4_000_000_000).unwrap_err().kind(), "OutOfMemoryError"); // 720 GB
    /// assert_eq!(net.num_people(), 3);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn add_people(&mut self, n: usize) -> Result<PersonId> {
        // Checked up front, without overflow: asking for 2^40 people fails at once.
        let before = self.num_people() as u64;
        if (n as u64).checked_add(before).is_none_or(|all| all >= u64::from(u32::MAX)) {
            return Err(Error::invalid("number of people", n, "fewer than 2^32 - 1 in all"));
        }
        crate::memory::check(None, Network::estimated_bytes(n as u64, 0), || {
            format!("add_people({n})")
        })?;
        self.edit()?;
        self.body_mut().graph.reserve_nodes(n);
        let first = PersonId(before as u32);
        for _ in 0..n {
            self.add_person(Person::new())?;
        }
        Ok(first)
    }

    /// The bytes an editable network of `people` unlabelled people and `ties` ties holds,
    /// about: per person its node ([`Person`] and two links, 120 bytes), per tie its edge
    /// ([`Tie`] and four links, 64 bytes) and its entry in the duplicate index (17 bytes, at
    /// most half full after it grows), and half as much again for the arrays' growth (a
    /// reallocation holds the old array and the new, larger one). What the memory checks of
    /// [`add_people`](Network::add_people), the generators and the readers count.
    pub(crate) fn estimated_bytes(people: u64, ties: u64) -> u64 {
        const PERSON: u64 = std::mem::size_of::<Person>() as u64 + 8;
        const TIE: u64 = std::mem::size_of::<Tie>() as u64 + 16 + 2 * 17;
        let exact = people.saturating_mul(PERSON).saturating_add(ties.saturating_mul(TIE));
        exact.saturating_add(exact / 2)
    }

    /// The person with this id, or [`Error::UnknownPerson`].
    pub fn person(&self, id: PersonId) -> Result<&Person> {
        self.body()
            .graph
            .node_weight(NodeIndex::new(id.index()))
            .ok_or_else(|| Error::UnknownPerson { person: id.to_string() })
    }

    /// The person with this id as the bindings show one (see [`PersonInfo`]), or
    /// [`Error::UnknownPerson`].
    pub fn person_info(&self, id: PersonId) -> Result<PersonInfo<'_>> {
        Ok(PersonInfo::new(id, self.person(id)?))
    }

    /// Everyone, in id order.
    pub fn people(&self) -> impl Iterator<Item = (PersonId, &Person)> {
        let graph = &self.body().graph;
        graph.node_indices().map(|n| (PersonId(n.index() as u32), &graph[n]))
    }

    /// The number of people.
    pub fn num_people(&self) -> usize {
        match self.still_frozen() {
            Some(frozen) => frozen.num_people(),
            None => self.body().graph.node_count(),
        }
    }

    /// The person with this label, if any.
    pub fn index_of(&self, label: &str) -> Option<PersonId> {
        match self.still_frozen() {
            Some(frozen) => frozen.index_of(label).map(PersonId),
            None => self.body().label_index.get(label).copied(),
        }
    }

    /// The view a frozen network stands for, while its body is not made: it answers counts
    /// and names without making it.
    fn still_frozen(&self) -> Option<&dyn Frozen> {
        match (self.body.get(), &self.frozen) {
            (None, Some(frozen)) => Some(frozen.as_ref()),
            _ => None,
        }
    }

    /// The person `person` names (by id or label), or [`Error::UnknownPerson`].
    ///
    /// ```
    /// use reseau::{Network, Person, PersonId, PersonRef};
    /// let mut net = Network::new();
    /// net.add_person(Person::new().label("ana"))?;
    /// net.add_person(Person::new())?;
    /// assert_eq!(net.resolve(&PersonRef::from("ana"))?, PersonId(0));
    /// assert_eq!(net.resolve(&PersonRef::Id(1))?, PersonId(1));
    /// assert_eq!(net.resolve(&PersonRef::Id(2)).unwrap_err().to_string(), "unknown person #2");
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn resolve(&self, person: &super::PersonRef) -> Result<PersonId> {
        person
            .resolve_with(self.num_people(), |label| self.index_of(label).map(|p| p.0))
            .map(PersonId)
    }

    /// Each person's label, indexed by id; an unlabelled person shows as their id number
    /// (which another person's label may be: [`Network::display_names`] are unique).
    ///
    /// ```
    /// use reseau::{Network, Person};
    /// let mut net = Network::new();
    /// net.add_person(Person::new().label("ana")).unwrap();
    /// net.add_person(Person::new()).unwrap();
    /// assert_eq!(net.labels(), vec!["ana".to_string(), "1".to_string()]);
    /// ```
    pub fn labels(&self) -> Vec<String> {
        if let Some(frozen) = self.still_frozen() {
            return (0..frozen.num_people() as u32)
                .map(|id| frozen.label(id).map_or_else(|| id.to_string(), str::to_owned))
                .collect();
        }
        self.people().map(|(id, p)| p.label.clone().unwrap_or_else(|| id.0.to_string())).collect()
    }

    /// A person's name as users see it: their label, or `#id` when they have none (`#3`),
    /// which no other person's label can be (see [`Network::add_person`]), and which names
    /// them back wherever a person is asked for.
    ///
    /// ```
    /// use reseau::{Network, Person, PersonId, PersonRef};
    /// let mut net = Network::new();
    /// net.add_person(Person::new().label("3"))?;
    /// net.add_person(Person::new())?;
    /// assert_eq!(net.display_names(), ["3", "#1"]);
    /// assert_eq!(net.resolve(&PersonRef::from("#1"))?, PersonId(1));
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn display_name(&self, id: PersonId) -> String {
        if let Some(frozen) = self.still_frozen() {
            return frozen.label(id.0).map_or_else(|| format!("#{}", id.0), str::to_owned);
        }
        match self.person(id) {
            Ok(Person { label: Some(l), .. }) => l.clone(),
            _ => format!("#{}", id.0),
        }
    }

    /// Every person's [display name](Network::display_name), indexed by id: unique.
    pub fn display_names(&self) -> Vec<String> {
        if self.still_frozen().is_some() {
            return (0..self.num_people() as u32)
                .map(|id| self.display_name(PersonId(id)))
                .collect();
        }
        self.people()
            .map(|(id, p)| p.label.clone().unwrap_or_else(|| format!("#{}", id.0)))
            .collect()
    }

    fn person_mut(&mut self, id: PersonId) -> Result<&mut Person> {
        self.edit()?;
        self.body_mut()
            .graph
            .node_weight_mut(NodeIndex::new(id.index()))
            .ok_or_else(|| Error::UnknownPerson { person: id.to_string() })
    }

    /// Sets (or clears) a person's group.
    pub fn set_group(&mut self, id: PersonId, group: Option<String>) -> Result<()> {
        self.person_mut(id)?.group = group;
        Ok(())
    }

    /// Sets a person's kind.
    pub fn set_kind(&mut self, id: PersonId, kind: super::PersonKind) -> Result<()> {
        self.person_mut(id)?.kind = kind;
        Ok(())
    }

    /// Sets a person's cost to enlist.
    pub fn set_cost(&mut self, id: PersonId, cost: f64) -> Result<()> {
        check_non_negative(|| "cost".to_owned(), cost)?;
        self.person_mut(id)?.cost = cost;
        Ok(())
    }

    /// Sets one of a person's attributes.
    pub fn set_attribute(&mut self, id: PersonId, key: &str, value: &str) -> Result<()> {
        self.person_mut(id)?.attributes.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    /// Sets a person's position: two finite coordinates (a NaN or infinite one is refused:
    /// it could not be saved as JSON, nor read back).
    ///
    /// ```
    /// let mut net = reseau::Network::new();
    /// let a = net.add_person(reseau::Person::new())?;
    /// net.set_position(a, Some([0.5, -2.0]))?;
    /// let err = net.set_position(a, Some([f64::NAN, 0.0])).unwrap_err();
    /// assert_eq!(err.to_string(), "invalid position: [NaN, 0] (expected two finite coordinates)");
    /// assert_eq!(net.person(a)?.position, Some([0.5, -2.0]));
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn set_position(&mut self, id: PersonId, position: Option<[f64; 2]>) -> Result<()> {
        check_position(position)?;
        self.person_mut(id)?.position = position;
        Ok(())
    }

    // ----- ties -----

    /// Adds a tie of weight `weight` between `a` and `b` in `layer` (by id or name).
    ///
    /// A repeat of an existing tie follows the network's [`Duplicates`] policy and returns the
    /// existing tie's id; a self-loop follows its [`SelfLoops`] policy (`Ok(None)` when dropped).
    ///
    /// ```
    /// use reseau::{Error, Layer, Network, Person};
    /// let mut net = Network::new();
    /// net.add_layer(Layer::physical("lunch")).unwrap();
    /// let a = net.add_person(Person::new()).unwrap();
    /// let b = net.add_person(Person::new()).unwrap();
    /// assert!(net.add_tie(a, b, "lunch", 1.0).unwrap().is_some());
    /// assert!(matches!(net.add_tie(a, b, "dinner", 1.0), Err(Error::UnknownLayer { .. })));
    /// assert!(matches!(net.add_tie(a, a, "lunch", 1.0), Err(Error::SelfLoop { .. })));
    /// assert!(matches!(net.add_tie(a, b, "lunch", f64::NAN), Err(Error::InvalidParameter { .. })));
    /// ```
    pub fn add_tie(
        &mut self,
        a: PersonId,
        b: PersonId,
        layer: impl LayerKey,
        weight: f64,
    ) -> Result<Option<TieId>> {
        self.add_tie_spec(a, b, layer, TieSpec::weight(weight))
    }

    /// Adds a tie with a sign and its own probability. See [`Network::add_tie`].
    ///
    /// ```
    /// use reseau::{Layer, Network, Person, Sign, TieSpec};
    /// let mut net = Network::new();
    /// net.add_layer(Layer::digital("ratings").directed(true)).unwrap();
    /// let a = net.add_person(Person::new()).unwrap();
    /// let b = net.add_person(Person::new()).unwrap();
    /// net.add_tie_spec(a, b, "ratings", TieSpec::weight(7.0).sign(Sign::Negative)).unwrap();
    /// assert_eq!(net.ties().next().unwrap().sign, Sign::Negative);
    /// ```
    pub fn add_tie_spec(
        &mut self,
        a: PersonId,
        b: PersonId,
        layer: impl LayerKey,
        spec: TieSpec,
    ) -> Result<Option<TieId>> {
        self.add_tie_at(a, b, layer.resolve(self)?, spec, "")
    }

    /// The old name of [`Network::add_tie_spec`] (`_with` now means "with a
    /// [`Control`](crate::control::Control)").
    #[deprecated(since = "0.2.0", note = "renamed add_tie_spec")]
    pub fn add_tie_with(
        &mut self,
        a: PersonId,
        b: PersonId,
        layer: impl LayerKey,
        spec: TieSpec,
    ) -> Result<Option<TieId>> {
        self.add_tie_spec(a, b, layer, spec)
    }

    /// [`Network::add_tie_spec`] for the readers: `location` (`file:line: `) prefixes errors.
    pub(crate) fn add_tie_at(
        &mut self,
        a: PersonId,
        b: PersonId,
        layer: LayerId,
        spec: TieSpec,
        location: &str,
    ) -> Result<Option<TieId>> {
        self.edit()?;
        let layer = layer.resolve(self)?;
        // People are never removed, so an id below the count exists; checked without
        // touching the person's data, which a reader adding 10^5 ties would pay in cache misses.
        for p in [a, b] {
            if p.index() >= self.num_people() {
                return Err(Error::UnknownPerson { person: p.to_string() });
            }
        }
        super::check_weight(|| format!("{location}weight"), spec.weight)?;
        if let Some(p) = spec.probability {
            check_probability(|| format!("{location}tie probability"), p)?;
        }
        if a == b {
            return match self.self_loops {
                SelfLoops::Drop => {
                    self.self_loops_dropped += 1;
                    Ok(None)
                }
                SelfLoops::Reject => Err(Error::SelfLoop {
                    location: location.to_owned(),
                    person: self.display_name(a),
                    layer: self.layers[layer.index()].name.clone(),
                }),
            };
        }
        let key = self.tie_key(a, b, layer);
        if let Some(&edge) = self.body().tie_index.get(&key) {
            return match self.duplicates {
                Duplicates::Merge => {
                    self.duplicates_merged += 1;
                    Ok(Some(TieId(edge.index() as u32)))
                }
                Duplicates::Sum => {
                    // Two finite weights may add up to infinity (1e308 + 1e308), which no
                    // tie may hold (nor JSON write).
                    let sum = self.body().graph[edge].weight + spec.weight;
                    super::check_weight(|| format!("{location}summed weight"), sum)?;
                    self.duplicates_merged += 1;
                    let tie = &mut self.body_mut().graph[edge];
                    tie.weight = sum;
                    tie.multiplicity = tie.multiplicity.saturating_add(1);
                    Ok(Some(TieId(edge.index() as u32)))
                }
                Duplicates::Reject => Err(Error::DuplicateTie {
                    location: location.to_owned(),
                    a: self.display_name(a),
                    b: self.display_name(b),
                    layer: self.layers[layer.index()].name.clone(),
                }),
            };
        }
        let tie = Tie {
            source: a,
            target: b,
            layer,
            weight: spec.weight,
            sign: spec.sign,
            probability: spec.probability,
            multiplicity: 1,
        };
        let body = self.body_mut();
        let edge = body.graph.add_edge(NodeIndex::new(a.index()), NodeIndex::new(b.index()), tie);
        body.tie_index.insert(key, edge);
        body.ties_per_layer[layer.index()] += 1;
        Ok(Some(TieId(edge.index() as u32)))
    }

    fn tie_key(&self, a: PersonId, b: PersonId, layer: LayerId) -> (u32, u32, u32) {
        if self.layers[layer.index()].directed || a <= b {
            (layer.0, a.0, b.0)
        } else {
            (layer.0, b.0, a.0)
        }
    }

    /// The tie between `a` and `b` in `layer`, if any (either direction in an undirected layer).
    pub fn tie(&self, a: PersonId, b: PersonId, layer: impl LayerKey) -> Result<Option<&Tie>> {
        let layer = layer.resolve(self)?;
        let body = self.body();
        Ok(body.tie_index.get(&self.tie_key(a, b, layer)).map(|&e| &body.graph[e]))
    }

    /// A tie of this network as the bindings show one (see [`TieInfo`]).
    pub fn tie_info<'a>(&'a self, tie: &Tie) -> TieInfo<'a> {
        TieInfo {
            source: tie.source.0,
            target: tie.target.0,
            layer: &self.layer(tie.layer).name,
            weight: tie.weight,
            sign: tie.sign.as_i8(),
            probability: tie.probability,
            multiplicity: tie.multiplicity,
        }
    }

    /// Removes the tie between `a` and `b` in `layer`; returns whether there was one.
    ///
    /// ```
    /// use reseau::{Layer, Network, Person};
    /// let mut net = Network::new();
    /// net.add_layer(Layer::digital("facebook")).unwrap();
    /// let a = net.add_person(Person::new()).unwrap();
    /// let b = net.add_person(Person::new()).unwrap();
    /// net.add_tie(a, b, "facebook", 1.0).unwrap();
    /// assert!(net.remove_tie(b, a, "facebook").unwrap());
    /// assert_eq!(net.num_ties(), 0);
    /// ```
    pub fn remove_tie(&mut self, a: PersonId, b: PersonId, layer: impl LayerKey) -> Result<bool> {
        self.edit()?;
        let layer = layer.resolve(self)?;
        let key = self.tie_key(a, b, layer);
        let body = self.body_mut();
        Ok(match body.tie_index.remove(&key) {
            Some(edge) => {
                body.graph.remove_edge(edge);
                body.ties_per_layer[layer.index()] -= 1;
                true
            }
            None => false,
        })
    }

    /// Every tie, in the order added (an undirected tie once).
    pub fn ties(&self) -> impl Iterator<Item = &Tie> {
        let graph = &self.body().graph;
        graph.edge_indices().map(|e| &graph[e])
    }

    /// The ties of one layer.
    pub fn ties_in(&self, layer: impl LayerKey) -> Result<impl Iterator<Item = &Tie>> {
        let layer = layer.resolve(self)?;
        Ok(self.ties().filter(move |t| t.layer == layer))
    }

    /// The number of ties in all layers (a pair tied in two layers counts twice; an undirected
    /// tie once).
    pub fn num_ties(&self) -> usize {
        (0..self.layers.len()).map(|l| self.layer_ties(l)).sum()
    }

    /// The number of ties in one layer.
    pub fn num_ties_in(&self, layer: impl LayerKey) -> Result<usize> {
        Ok(self.layer_ties(layer.resolve(self)?.index()))
    }

    /// The number of directed ties: an undirected tie counts once each way. This is the size
    /// the compiled view stores.
    pub fn num_directed_ties(&self) -> usize {
        let ties = |(i, l): (usize, &Layer)| self.layer_ties(i) * if l.directed { 1 } else { 2 };
        self.layers.iter().enumerate().map(ties).sum()
    }

    // ----- queries -----

    fn incident(&self, p: PersonId) -> impl Iterator<Item = &Tie> {
        let n = NodeIndex::new(p.index());
        let graph = &self.body().graph;
        graph
            .edges_directed(n, petgraph::Direction::Outgoing)
            .chain(graph.edges_directed(n, petgraph::Direction::Incoming))
            .map(|e| e.weight())
    }

    /// How many ties a person has, in one layer or (`None`) in all; in a directed layer both
    /// the ties sent and received count.
    ///
    /// # Panics
    /// If `layer` is `Some` id that is not a layer of this network.
    pub fn degree(&self, p: PersonId, layer: Option<LayerId>) -> usize {
        self.incident(p).filter(|t| layer.is_none_or(|l| t.layer == l)).count()
    }

    /// Every person's degree (see [`Network::degree`]), indexed by id.
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs();
    /// let lunch = net.layer_id("lunch").unwrap();
    /// assert_eq!(net.degrees(Some(lunch)).iter().sum::<u32>(), 2 * 193);
    /// ```
    pub fn degrees(&self, layer: Option<LayerId>) -> Vec<u32> {
        let mut deg = vec![0u32; self.num_people()];
        for t in self.ties().filter(|t| layer.is_none_or(|l| t.layer == l)) {
            deg[t.source.index()] += 1;
            deg[t.target.index()] += 1;
        }
        deg
    }

    /// The people tied to `p`, in one layer or in all, sorted, each once; in a directed layer
    /// both directions count.
    pub fn neighbors(&self, p: PersonId, layer: Option<LayerId>) -> Vec<PersonId> {
        let mut out: Vec<PersonId> = self
            .incident(p)
            .filter(|t| layer.is_none_or(|l| t.layer == l))
            .map(|t| if t.source == p { t.target } else { t.source })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The unordered pairs of people tied in at least one layer of `first` and at least one
    /// layer of `second` (direction ignored), sorted.
    pub fn overlapping_pairs(
        &self,
        first: &[LayerId],
        second: &[LayerId],
    ) -> Vec<(PersonId, PersonId)> {
        let pairs_of = |set: &[LayerId]| {
            let mut v: Vec<(PersonId, PersonId)> = self
                .ties()
                .filter(|t| set.contains(&t.layer))
                .map(|t| (t.source.min(t.target), t.source.max(t.target)))
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let (a, b) = (pairs_of(first), pairs_of(second));
        let (mut i, mut j, mut both) = (0, 0, Vec::new());
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    both.push(a[i]);
                    i += 1;
                    j += 1;
                }
            }
        }
        both
    }

    /// The number of pairs tied in both layers (direction ignored).
    pub fn overlap(&self, first: impl LayerKey, second: impl LayerKey) -> Result<usize> {
        Ok(self.overlapping_pairs(&[first.resolve(self)?], &[second.resolve(self)?]).len())
    }

    /// The ids of the layers of one kind.
    pub fn layers_of_kind(&self, kind: LayerKind) -> Vec<LayerId> {
        (0..self.layers.len())
            .filter(|&i| self.layers[i].kind == kind)
            .map(|i| LayerId(i as u32))
            .collect()
    }

    /// Adds `other`'s layers and ties to this network, people matched by label: a labelled
    /// person of `other` is the person of this network with the same label (who takes
    /// `other`'s group and attributes where they have none), anyone else is added. Layer
    /// names must differ: several files, one layer each, make one multiplex network.
    ///
    /// ```
    /// use reseau::io::{EdgeListOptions, parse_edgelist};
    /// let read = |text: &[u8], layer: &str| {
    ///     parse_edgelist(text, layer, &EdgeListOptions { layer: layer.into(), ..Default::default() })
    /// };
    /// let mut net = read(b"ana bo\nbo cy\n", "lunch")?;
    /// net.merge(&read(b"ana cy\ncy dee\n", "mail")?)?;
    /// assert_eq!((net.num_people(), net.num_layers(), net.num_ties()), (4, 2, 4));
    /// assert_eq!(net.overlap("lunch", "mail")?, 0);
    /// assert_eq!(net.merge(&read(b"x y\n", "mail")?).unwrap_err().kind(), "DuplicateLayerError");
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn merge(&mut self, other: &Network) -> Result<()> {
        if let Some(layer) = other.layers.iter().find(|l| self.layer_index.contains_key(&l.name)) {
            return Err(Error::DuplicateLayer { name: layer.name.clone() });
        }
        let mut people = Vec::with_capacity(other.num_people());
        for (_, person) in other.people() {
            let existing = person.label.as_deref().and_then(|l| self.index_of(l));
            let id = match existing {
                Some(id) => {
                    let mine = self.person_mut(id)?;
                    if mine.group.is_none() {
                        mine.group.clone_from(&person.group);
                    }
                    for (key, value) in &person.attributes {
                        mine.attributes.entry(key.clone()).or_insert_with(|| value.clone());
                    }
                    id
                }
                None => self.add_person(person.clone())?,
            };
            people.push(id);
        }
        let first = self.layers.len();
        for layer in &other.layers {
            self.add_layer(layer.clone())?;
        }
        for tie in other.ties() {
            self.insert_tie_unchecked(Tie {
                source: people[tie.source.index()],
                target: people[tie.target.index()],
                layer: LayerId((first + tie.layer.index()) as u32),
                ..tie.clone()
            });
        }
        Ok(())
    }

    /// A copy without the named layers (a platform disappears). Layer ids are renumbered;
    /// person ids stay the same.
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs();
    /// let offline = net.without_layers(&["facebook"]).unwrap();
    /// assert_eq!((offline.num_layers(), offline.num_ties()), (4, 620 - 124));
    /// ```
    pub fn without_layers<K: LayerKey + Copy>(&self, layers: &[K]) -> Result<Network> {
        let drop: Vec<LayerId> = layers.iter().map(|l| l.resolve(self)).collect::<Result<_>>()?;
        Ok(self.drop_layers(&drop))
    }

    /// A copy without the layers `drop` (layers of this network): the others keep their order.
    fn drop_layers(&self, drop: &[LayerId]) -> Network {
        let mut out = self.empty_copy();
        let mut remap = vec![None; self.layers.len()];
        for (i, layer) in self.layers.iter().enumerate() {
            if !drop.contains(&LayerId(i as u32)) {
                // Names are unique here already, and fewer layers than here fit in u32.
                let id = LayerId(out.layers.len() as u32);
                out.layer_index.insert(layer.name.clone(), id);
                out.layers.push(layer.clone());
                out.body_mut().ties_per_layer.push(0);
                remap[i] = Some(id);
            }
        }
        for tie in self.ties() {
            if let Some(layer) = remap[tie.layer.index()] {
                out.insert_tie_unchecked(Tie { layer, ..tie.clone() });
            }
        }
        out
    }

    /// A copy with only the ties `keep` accepts (called once per tie, in [`Network::ties`]
    /// order); people and layers are kept.
    pub(crate) fn retain_ties(&self, mut keep: impl FnMut(&Tie) -> bool) -> Network {
        let mut out = self.empty_copy();
        for layer in &self.layers {
            out.add_layer(layer.clone()).expect("the layers of a valid network");
        }
        for tie in self.ties() {
            if keep(tie) {
                out.insert_tie_unchecked(tie.clone());
            }
        }
        out
    }

    /// A single-layer copy: every pair tied in any layer is tied once in a new layer `name`
    /// ([`FLAT_LAYER`](crate::FLAT_LAYER) when a binding's caller names none),
    /// with the weights added and the multiplicity counting the merged ties. The flat layer is
    /// directed if any layer is (an undirected tie then becomes one tie each way), and of kind
    /// `kind`.
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs();
    /// let flat = net.flatten("any", reseau::LayerKind::Physical).unwrap();
    /// assert_eq!(flat.num_layers(), 1);
    /// assert!(flat.num_ties() < net.num_ties()); // pairs tied in several layers merge
    /// ```
    pub fn flatten(&self, name: &str, kind: LayerKind) -> Result<Network> {
        let directed = self.layers.iter().any(|l| l.directed);
        let mut out = self.empty_copy();
        let flat = out.add_layer(Layer::new(name, kind).directed(directed))?;
        // (a, b) -> (weight, multiplicity, sign of the first tie), in a fixed order.
        let mut merged: BTreeMap<(PersonId, PersonId), (f64, u32, Sign)> = BTreeMap::new();
        for tie in self.ties() {
            let (a, b) = (tie.source, tie.target);
            let mut ends = vec![if directed || a <= b { (a, b) } else { (b, a) }];
            if directed && !self.layers[tie.layer.index()].directed {
                ends.push((b, a));
            }
            for key in ends {
                let entry = merged.entry(key).or_insert((0.0, 0, tie.sign));
                entry.0 += tie.weight;
                entry.1 = entry.1.saturating_add(tie.multiplicity);
            }
        }
        for ((a, b), (weight, multiplicity, sign)) in merged {
            let pair =
                || format!("summed weight of {} - {}", self.display_name(a), self.display_name(b));
            super::check_weight(pair, weight)?;
            let tie = Tie {
                source: a,
                target: b,
                layer: flat,
                weight,
                sign,
                probability: None,
                multiplicity,
            };
            out.insert_tie_unchecked(tie);
        }
        Ok(out)
    }

    /// The groups and their members, by group name.
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs();
    /// let groups = net.groups();
    /// assert!(groups.contains_key("G1"));
    /// ```
    pub fn groups(&self) -> BTreeMap<String, Vec<PersonId>> {
        let mut groups: BTreeMap<String, Vec<PersonId>> = BTreeMap::new();
        for (id, p) in self.people() {
            if let Some(g) = &p.group {
                groups.entry(g.clone()).or_default().push(id);
            }
        }
        groups
    }

    /// The same people and policies, no layers or ties.
    fn empty_copy(&self) -> Network {
        let mut out = Network {
            duplicates: self.duplicates,
            self_loops: self.self_loops,
            ..Network::default()
        };
        let body = out.body_mut();
        body.label_index.clone_from(&self.body().label_index);
        for (_, p) in self.people() {
            body.graph.add_node(p.clone());
        }
        out
    }

    /// Inserts a tie known to be valid and new (copies, deserialisation after validation).
    pub(crate) fn insert_tie_unchecked(&mut self, tie: Tie) {
        self.changed();
        let key = self.tie_key(tie.source, tie.target, tie.layer);
        let body = self.body_mut();
        body.ties_per_layer[tie.layer.index()] += 1;
        let edge = body.graph.add_edge(
            NodeIndex::new(tie.source.index()),
            NodeIndex::new(tie.target.index()),
            tie,
        );
        body.tie_index.insert(key, edge);
    }

    /// Restores the counters of a saved network (deserialisation).
    pub(crate) fn set_counters(&mut self, duplicates_merged: u64, self_loops_dropped: u64) {
        self.duplicates_merged = duplicates_merged;
        self.self_loops_dropped = self_loops_dropped;
    }

    /// The policies in force, for serialisation.
    pub(crate) fn policies(&self) -> (Duplicates, SelfLoops) {
        (self.duplicates, self.self_loops)
    }

    /// A tie's sign as `+1`/`-1`, for the compiled view.
    pub(crate) fn sign_of(tie: &Tie) -> i8 {
        Sign::as_i8(tie.sign)
    }
}
