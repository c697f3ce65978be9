//! `reseau.Network`: the core's editable model. People are named by id or label (the core's
//! `PersonRef`), layers by name or index; the network's layers are `reseau.Layer` values.

use std::collections::BTreeMap;
use std::sync::Arc;

use numpy::IntoPyArray;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use reseau::{
    CompiledNetwork, Error, Layer, LayerId, LayerKey, LayerKind, Network, Person, PersonId,
    PersonKind, PersonRef, Tie, TieSpec,
};
use serde::de::{Deserialize, IntoDeserializer, value};

use crate::args::{is_person, type_name};
use crate::de::from_py;
use crate::errors::{err, invalid};
use crate::objects::{self, Labels, python_side};
use crate::ser::{to_plain, to_python};

/// A layer, by name or by index in the order layers were added.
#[derive(Debug, Clone, FromPyObject)]
pub(crate) enum LayerArg {
    Name(String),
    Index(i64),
}

impl LayerArg {
    /// The layer's id in `net`, or `UnknownLayerError`.
    fn resolve(&self, net: &Network) -> PyResult<LayerId> {
        match self {
            LayerArg::Name(name) => net.layer_id(name).map_err(err),
            LayerArg::Index(i) => match u32::try_from(*i) {
                Ok(i) => LayerId(i).resolve(net).map_err(err),
                Err(_) => Err(err(Error::UnknownLayer { name: format!("#{i}") })),
            },
        }
    }
}

/// A policy given by name (`"merge"`, `"drop"`, ...), read by the core's serde.
fn policy<'de, T: Deserialize<'de>>(name: &str, given: &'de str) -> PyResult<T> {
    T::deserialize(IntoDeserializer::<value::Error>::into_deserializer(given))
        .map_err(|e| invalid(name, e, "a policy as help(reseau.Network) lists"))
}

/// A layer's latency, read by serde so that one out of range (`-1`, `2**40`) is an error
/// naming it, not an `OverflowError`.
fn latency(value: &Bound<'_, PyAny>) -> PyResult<u32> {
    from_py(value, "latency", "Network")
}

/// A multiplex network: people, named layers (``physical`` or ``digital``), and ties between
/// two people in one layer, with a weight (tie strength) and a sign (trust or distrust). Two
/// people may be tied in several layers.
///
/// People are numbered densely from 0 in the order they are added (or met in a file);
/// ``labels`` maps the ids back to the identifiers of the data. ``duplicates`` says what a
/// repeated tie does (``"merge"``: keep the first and count the repeat, ``"sum"``: add the
/// weights, ``"reject"``: raise), ``self_loops`` what a tie from a person to themself does
/// (``"reject"``: raise, ``"drop"``: skip and count).
///
/// >>> import reseau
/// >>> net = reseau.Network()
/// >>> net.add_layer("lunch", kind="physical")
/// 0
/// >>> net.add_layer("linkedin", kind="digital")
/// 1
/// >>> ana = net.add_person(label="ana", group="G1"); bo = net.add_person(label="bo")
/// >>> net.add_tie(ana, bo, "lunch", weight=1.0)
/// 0
/// >>> net.add_tie(ana, bo, "linkedin")
/// 1
/// >>> net
/// <reseau.Network: 2 people, 2 ties, 2 layers (1 physical, 1 digital)>
/// >>> net.degree(ana), net.overlap("lunch", "linkedin"), net.labels
/// (2, 1, ['ana', 'bo'])
#[pyclass(module = "reseau", name = "Network")]
#[derive(Debug, Clone)]
pub(crate) struct PyNetwork {
    pub(crate) inner: Network,
}

impl From<Network> for PyNetwork {
    fn from(inner: Network) -> Self {
        PyNetwork { inner }
    }
}

impl PyNetwork {
    /// The person `person` names: an id or a label (not a float or a bool: a `TypeError`).
    fn who(&self, person: &Bound<'_, PyAny>) -> PyResult<PersonId> {
        if !is_person(person) {
            let message =
                format!("a person is an id (int) or a label (str), not {}", type_name(person));
            return Err(pyo3::exceptions::PyTypeError::new_err(message));
        }
        let person: PersonRef = from_py(person, "person", "Network")?;
        self.inner.resolve(&person).map_err(err)
    }

    /// The compiled view (compiled with the GIL released, once: the network caches it).
    pub(crate) fn compiled(&self, py: Python<'_>) -> Arc<CompiledNetwork> {
        let net = &self.inner;
        py.detach(|| net.compiled())
    }

    /// What a long call runs on, taken with the GIL released: the compiled view (compiled
    /// once and cached by the network, so the network may change while the call runs) and
    /// the people's labels for the result.
    pub(crate) fn view(&self, py: Python<'_>) -> (Arc<CompiledNetwork>, Labels) {
        let net = &self.inner;
        py.detach(|| {
            let view = net.compiled();
            let labels = Labels(view.display_names());
            (view, labels)
        })
    }
}

#[pymethods]
impl PyNetwork {
    #[new]
    #[pyo3(signature = (*, duplicates = "merge", self_loops = "reject"))]
    fn new(duplicates: &str, self_loops: &str) -> PyResult<Self> {
        let mut inner = Network::new();
        inner.set_duplicates(policy("duplicates", duplicates)?);
        inner.set_self_loops(policy("self_loops", self_loops)?);
        Ok(PyNetwork { inner })
    }

    // ----- policies -----

    /// Sets what a repeated tie does: ``"merge"``, ``"sum"`` or ``"reject"``.
    ///
    /// >>> import reseau
    /// >>> net = reseau.Network(); net.add_layer("work"); net.add_people(2)
    /// 0
    /// 0
    /// >>> net.set_duplicates("sum")
    /// >>> _ = net.add_tie(0, 1, "work", weight=2.0); _ = net.add_tie(1, 0, "work", weight=3.0)
    /// >>> net.ties()["weight"].tolist(), net.duplicates_merged
    /// ([5.0], 1)
    fn set_duplicates(&mut self, policy: &str) -> PyResult<()> {
        self.inner.set_duplicates(self::policy("duplicates", policy)?);
        Ok(())
    }

    /// Sets what a self-loop does: ``"reject"`` or ``"drop"``.
    ///
    /// >>> import reseau
    /// >>> net = reseau.Network(); net.add_layer("work"); net.add_people(1)
    /// 0
    /// 0
    /// >>> net.set_self_loops("drop")
    /// >>> net.add_tie(0, 0, "work") is None, net.self_loops_dropped
    /// (True, 1)
    fn set_self_loops(&mut self, policy: &str) -> PyResult<()> {
        self.inner.set_self_loops(self::policy("self_loops", policy)?);
        Ok(())
    }

    /// How many repeated ties were merged into an existing one (read from files or added).
    #[getter]
    fn duplicates_merged(&self) -> u64 {
        self.inner.duplicates_merged()
    }

    /// How many self-loops were skipped (under the ``"drop"`` policy).
    #[getter]
    fn self_loops_dropped(&self) -> u64 {
        self.inner.self_loops_dropped()
    }

    // ----- layers -----

    /// Adds a layer and returns its index.
    ///
    /// ``kind`` is ``"physical"`` (offline) or ``"digital"`` (online); ``probability`` is the
    /// default transmission probability of its ties (``None``: the model's) and ``latency``
    /// the time steps a message takes to cross one. ``shadow=True`` makes it a shadow layer:
    /// part of every simulation, absent from :meth:`observed`.
    ///
    /// >>> import reseau
    /// >>> net = reseau.Network()
    /// >>> net.add_layer("twitter", kind="digital", directed=True, probability=0.05)
    /// 0
    /// >>> net.add_layer("twitter")
    /// Traceback (most recent call last):
    ///     ...
    /// reseau.DuplicateLayerError: a layer named "twitter" exists already
    /// >>> net.add_layer("lobbying", shadow=True), net.layer("lobbying").shadow
    /// (1, True)
    #[pyo3(signature = (name, kind = "physical", directed = false, probability = None, latency = 1, shadow = false))]
    fn add_layer(
        &mut self,
        name: String,
        kind: &str,
        directed: bool,
        probability: Option<f64>,
        #[pyo3(from_py_with = latency)] latency: u32,
        shadow: bool,
    ) -> PyResult<u32> {
        let mut layer = Layer::new(name, kind.parse().map_err(err)?)
            .directed(directed)
            .latency(latency)
            .shadow(shadow);
        layer.probability = probability;
        Ok(self.inner.add_layer(layer).map_err(err)?.0)
    }

    /// Marks a layer as a shadow (hidden) layer, or as visible again with ``shadow=False``:
    /// its ties stay in every simulation, and :meth:`observed` leaves them out.
    ///
    /// >>> import reseau
    /// >>> net = reseau.datasets.aarhus_cs()
    /// >>> net.set_layer_shadow("leisure")
    /// >>> net.shadow_layers, net.num_shadow_ties
    /// (['leisure'], 88)
    #[pyo3(signature = (layer, shadow = true))]
    fn set_layer_shadow(&mut self, layer: LayerArg, shadow: bool) -> PyResult<()> {
        let id = layer.resolve(&self.inner)?;
        self.inner.set_layer_shadow(id, shadow).map_err(err)
    }

    /// The names of the shadow layers, in layer order.
    #[getter]
    fn shadow_layers(&self) -> Vec<String> {
        self.inner.shadow_layers().into_iter().map(|l| self.inner.layer(l).name.clone()).collect()
    }

    /// The ties of the shadow layers.
    #[getter]
    fn num_shadow_ties(&self) -> usize {
        self.inner.num_shadow_ties()
    }

    /// The analyst's view: a copy without the shadow layers. People and their ids are kept,
    /// and every tie of a visible layer; with no shadow layer it is a copy of the network.
    ///
    /// >>> import reseau
    /// >>> net = reseau.generators.professional(people=100, lobbies=1, seed=2)
    /// >>> net.num_layers, net.observed().num_layers, net.observed().num_people
    /// (3, 2, 101)
    fn observed(&self, py: Python<'_>) -> PyNetwork {
        let net = &self.inner;
        py.detach(|| net.observed()).into()
    }

    /// A copy whose shadow layers keep a uniform ``share`` of their ties (a seeded sample of
    /// each); visible layers are untouched.
    ///
    /// >>> import reseau
    /// >>> net = reseau.datasets.aarhus_cs()
    /// >>> net.set_layer_shadow("facebook")
    /// >>> net.with_shadow_share(0.5, seed=7).num_ties_in("facebook")
    /// 62
    #[pyo3(signature = (share, seed = 0))]
    fn with_shadow_share(&self, py: Python<'_>, share: f64, seed: u64) -> PyResult<PyNetwork> {
        let net = &self.inner;
        Ok(py.detach(|| net.with_shadow_share(share, seed)).map_err(err)?.into())
    }

    /// Changes a layer's default transmission probability and latency.
    ///
    /// >>> import reseau
    /// >>> net = reseau.datasets.aarhus_cs()
    /// >>> net.configure_layer("facebook", probability=0.1, latency=1)
    /// >>> net.layer("facebook").probability
    /// 0.1
    #[pyo3(signature = (layer, probability = None, latency = 1))]
    fn configure_layer(
        &mut self,
        layer: LayerArg,
        probability: Option<f64>,
        #[pyo3(from_py_with = latency)] latency: u32,
    ) -> PyResult<()> {
        let id = layer.resolve(&self.inner)?;
        self.inner.configure_layer(id, probability, latency).map_err(err)
    }

    /// The layer with this name (or index).
    ///
    /// >>> import reseau
    /// >>> reseau.datasets.aarhus_cs().layer("lunch").kind
    /// 'physical'
    fn layer<'py>(&self, py: Python<'py>, layer: LayerArg) -> PyResult<Bound<'py, PyAny>> {
        let id = layer.resolve(&self.inner)?;
        objects::value(py, "Layer", self.inner.layer(id))
    }

    /// The layers, in the order they were added.
    ///
    /// >>> import reseau
    /// >>> [l.name for l in reseau.datasets.aarhus_cs().layers]
    /// ['lunch', 'facebook', 'coauthor', 'leisure', 'work']
    #[getter]
    fn layers<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.inner.layers().iter().map(|l| objects::value(py, "Layer", l)).collect()
    }

    /// The number of layers.
    #[getter]
    fn num_layers(&self) -> usize {
        self.inner.num_layers()
    }

    /// The number of ties in one layer.
    ///
    /// >>> import reseau
    /// >>> reseau.datasets.aarhus_cs().num_ties_in("facebook")
    /// 124
    fn num_ties_in(&self, layer: LayerArg) -> PyResult<usize> {
        let id = layer.resolve(&self.inner)?;
        self.inner.num_ties_in(id).map_err(err)
    }

    // ----- people -----

    /// Adds a person and returns their id (ids are dense, from 0).
    ///
    /// ``label`` is the identifier in your data (unique when given), ``group`` a team,
    /// company or community, ``kind`` one of ``"person"``, ``"influencer"``, ``"media"``,
    /// ``"organization"``, ``cost`` what it costs to enlist them as a relay, ``attributes`` any
    /// other text attributes and ``position`` an ``(x, y)`` pair.
    ///
    /// >>> import reseau
    /// >>> net = reseau.Network()
    /// >>> net.add_person(label="ana", group="G1", attributes={"role": "PhD"})
    /// 0
    /// >>> net.add_person(kind="media", cost=10.0)
    /// 1
    /// >>> net.add_person(label="ana")
    /// Traceback (most recent call last):
    ///     ...
    /// reseau.DuplicateLabelError: a person labelled "ana" exists already
    #[pyo3(signature = (label = None, group = None, kind = "person", cost = 1.0, attributes = None, position = None))]
    fn add_person(
        &mut self,
        label: Option<String>,
        group: Option<String>,
        kind: &str,
        cost: f64,
        attributes: Option<BTreeMap<String, String>>,
        position: Option<(f64, f64)>,
    ) -> PyResult<u32> {
        let person = Person {
            label,
            group,
            kind: kind.parse::<PersonKind>().map_err(err)?,
            cost,
            position: position.map(|(x, y)| [x, y]),
            attributes: attributes.unwrap_or_default(),
        };
        Ok(self.inner.add_person(person).map_err(err)?.0)
    }

    /// Adds ``n`` unlabelled ordinary people and returns the id of the first.
    ///
    /// >>> import reseau
    /// >>> net = reseau.Network()
    /// >>> net.add_people(3), net.num_people, net.labels
    /// (0, 3, ['#0', '#1', '#2'])
    fn add_people(&mut self, n: &Bound<'_, PyAny>) -> PyResult<u32> {
        let n = from_py(n, "n", "Network.add_people")?;
        Ok(self.inner.add_people(n).map_err(err)?.0)
    }

    /// The number of people.
    #[getter]
    fn num_people(&self) -> usize {
        self.inner.num_people()
    }

    /// Whether the network still holds only its compiled view (after ``reseau.load``,
    /// ``Network.from_bytes`` or ``generators.barabasi_albert_compiled``): its people and ties
    /// are made the first time it is edited or asked about them; counts, labels and every
    /// analysis need no more. Users see no difference but speed and memory.
    ///
    /// >>> import reseau
    /// >>> net = reseau.generators.barabasi_albert_compiled(n=100, m=2, seed=1)
    /// >>> net.is_frozen, net.num_people, net.is_frozen
    /// (True, 100, True)
    /// >>> _ = net.degrees(); net.is_frozen
    /// False
    #[getter]
    fn is_frozen(&self) -> bool {
        self.inner.is_frozen()
    }

    /// Each person's label, indexed by person id, so that results map back to the identifiers
    /// in your data; an unlabelled person shows as ``#id`` (``#3``), which no label can be
    /// for anyone else and which names them back wherever a person is asked for.
    ///
    /// >>> import reseau
    /// >>> reseau.datasets.aarhus_cs().labels[:3]
    /// ['U102', 'U139', 'U33']
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.inner.display_names()
    }

    /// The id of the person with this label; ``UnknownPersonError`` if there is none.
    ///
    /// >>> import reseau
    /// >>> net = reseau.datasets.aarhus_cs()
    /// >>> net.labels[net.index_of("U4")]
    /// 'U4'
    /// >>> net.index_of("nobody")
    /// Traceback (most recent call last):
    ///     ...
    /// reseau.UnknownPersonError: unknown person "nobody"
    fn index_of(&self, label: &str) -> PyResult<u32> {
        self.inner
            .index_of(label)
            .map(|p| p.0)
            .ok_or_else(|| err(Error::UnknownPerson { person: format!("{label:?}") }))
    }

    /// What is known of a person: ``id``, ``label``, ``group``, ``kind``, ``cost``,
    /// ``position`` and ``attributes``.
    ///
    /// >>> import reseau
    /// >>> net = reseau.datasets.aarhus_cs()
    /// >>> p = net.person(net.index_of("U4"))
    /// >>> p["label"], p["group"], p["kind"], p["cost"], p["attributes"]["role"]
    /// ('U4', 'G2/G3', 'person', 1.0, 'Admin')
    fn person<'py>(&self, py: Python<'py>, id: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let id = self.who(id)?;
        to_python(py, &self.inner.person_info(id).map_err(err)?)
    }

    /// Everyone, as a list of the dicts :meth:`person` gives, in id order.
    ///
    /// >>> import reseau
    /// >>> len(reseau.datasets.aarhus_cs().people())
    /// 61
    fn people<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let people = self.inner.people().map(|(id, _)| self.inner.person_info(id));
        to_python(py, &people.collect::<reseau::Result<Vec<_>>>().map_err(err)?)
    }

    /// Sets (or with ``None`` clears) a person's group.
    ///
    /// >>> import reseau
    /// >>> net = reseau.Network(); ana = net.add_person(label="ana")
    /// >>> net.set_group(ana, "sales"); net.groups()
    /// {'sales': [0]}
    fn set_group(&mut self, person: &Bound<'_, PyAny>, group: Option<String>) -> PyResult<()> {
        let id = self.who(person)?;
        self.inner.set_group(id, group).map_err(err)
    }

    /// Sets a person's kind: ``"person"``, ``"influencer"``, ``"media"`` or
    /// ``"organization"``.
    ///
    /// >>> import reseau
    /// >>> net = reseau.Network(); blog = net.add_person()
    /// >>> net.set_kind(blog, "influencer"); net.person(blog)["kind"]
    /// 'influencer'
    fn set_kind(&mut self, person: &Bound<'_, PyAny>, kind: &str) -> PyResult<()> {
        let id = self.who(person)?;
        self.inner.set_kind(id, kind.parse::<PersonKind>().map_err(err)?).map_err(err)
    }

    /// Sets what it costs to enlist a person as a relay (finite, >= 0).
    ///
    /// >>> import reseau
    /// >>> net = reseau.Network(); p = net.add_person()
    /// >>> net.set_cost(p, 4.5); net.person(p)["cost"]
    /// 4.5
    fn set_cost(&mut self, person: &Bound<'_, PyAny>, cost: f64) -> PyResult<()> {
        let id = self.who(person)?;
        self.inner.set_cost(id, cost).map_err(err)
    }

    /// The groups and their members' ids, by group name.
    ///
    /// >>> import reseau
    /// >>> groups = reseau.datasets.aarhus_cs().groups()
    /// >>> sorted(groups)[:3], len(groups["G1"]) > 0
    /// (['G1', 'G2', 'G2/G3'], True)
    fn groups<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_plain(py, &self.inner.groups())
    }

    // ----- ties -----

    /// Adds a tie between persons ``a`` and ``b`` in ``layer`` (a name or index) and returns
    /// the tie's index, or ``None`` when a self-loop was dropped.
    ///
    /// The keyword arguments are the tie's (the core's ``TieSpec``): ``weight``, the tie
    /// strength (finite, >= 0, default 1), ``sign``, ``1`` or ``"positive"`` (trust, the
    /// default) or ``-1`` or ``"negative"`` (distrust), and ``probability``, the tie's own
    /// transmission probability. A repeated tie follows the network's ``duplicates`` policy,
    /// a self-loop its ``self_loops`` policy. People are ids or labels.
    ///
    /// >>> import reseau
    /// >>> net = reseau.Network(); net.add_layer("lunch"); net.add_people(2)
    /// 0
    /// 0
    /// >>> net.add_tie(0, 1, "lunch", weight=2.0)
    /// 0
    /// >>> net.add_tie(0, 1, "dinner")
    /// Traceback (most recent call last):
    ///     ...
    /// reseau.UnknownLayerError: unknown layer "dinner"
    /// >>> net.add_tie(0, 1, "lunch", weight=-1.0)
    /// Traceback (most recent call last):
    ///     ...
    /// reseau.InvalidParameterError: invalid weight: -1 (expected a finite number >= 0)
    #[pyo3(signature = (a, b, layer, **tie))]
    fn add_tie(
        &mut self,
        a: &Bound<'_, PyAny>,
        b: &Bound<'_, PyAny>,
        layer: LayerArg,
        tie: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Option<u32>> {
        let id = layer.resolve(&self.inner)?;
        let (a, b) = (self.who(a)?, self.who(b)?);
        let spec = tie.map(|t| from_py(t.as_any(), "tie", "Network.add_tie")).transpose()?;
        let spec: TieSpec = spec.unwrap_or_default();
        Ok(self.inner.add_tie_spec(a, b, id, spec).map_err(err)?.map(|t| t.0))
    }

    /// Removes the tie between ``a`` and ``b`` in ``layer``; returns whether there was one.
    ///
    /// >>> import reseau
    /// >>> net = reseau.datasets.aarhus_cs()
    /// >>> a, b = net.neighbors(0, "lunch")[0], 0
    /// >>> net.remove_tie(a, b, "lunch"), net.remove_tie(a, b, "lunch")
    /// (True, False)
    fn remove_tie(
        &mut self,
        a: &Bound<'_, PyAny>,
        b: &Bound<'_, PyAny>,
        layer: LayerArg,
    ) -> PyResult<bool> {
        let id = layer.resolve(&self.inner)?;
        let (a, b) = (self.who(a)?, self.who(b)?);
        self.inner.remove_tie(a, b, id).map_err(err)
    }

    /// The tie between ``a`` and ``b`` in ``layer`` (either direction in an undirected layer)
    /// as a dict, or ``None``.
    ///
    /// >>> import reseau
    /// >>> net = reseau.Network(); net.add_layer("work"); net.add_people(2)
    /// 0
    /// 0
    /// >>> _ = net.add_tie(0, 1, "work", weight=2.0, sign=-1)
    /// >>> net.tie(1, 0, "work")
    /// {'source': 0, 'target': 1, 'layer': 'work', 'weight': 2.0, 'sign': -1, 'probability': None, 'multiplicity': 1}
    fn tie<'py>(
        &self,
        py: Python<'py>,
        a: &Bound<'py, PyAny>,
        b: &Bound<'py, PyAny>,
        layer: LayerArg,
    ) -> PyResult<Bound<'py, PyAny>> {
        let id = layer.resolve(&self.inner)?;
        let (a, b) = (self.who(a)?, self.who(b)?);
        let tie = self.inner.tie(a, b, id).map_err(err)?;
        to_python(py, &tie.map(|t| self.inner.tie_info(t)))
    }

    /// The number of ties in all layers (a pair tied in two layers counts twice, an undirected
    /// tie once).
    #[getter]
    fn num_ties(&self) -> usize {
        self.inner.num_ties()
    }

    /// The number of directed ties: an undirected tie counts once each way.
    #[getter]
    fn num_directed_ties(&self) -> usize {
        self.inner.num_directed_ties()
    }

    /// Every tie, in the order added (an undirected tie once), as a dict of numpy arrays:
    /// ``source`` and ``target`` (uint32 person ids), ``layer`` (uint32 layer index),
    /// ``weight`` (float64), ``sign`` (int8, +1 or -1), ``probability`` (float64, NaN where the
    /// tie has none of its own) and ``multiplicity`` (uint32, parallel ties merged into it).
    ///
    /// >>> import reseau
    /// >>> t = reseau.datasets.aarhus_cs().ties()
    /// >>> len(t["source"]), t["source"].dtype.name, t["weight"].dtype.name
    /// (620, 'uint32', 'float64')
    fn ties<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let net = &self.inner;
        let ties: Vec<&Tie> = py.detach(|| net.ties().collect());
        let dict = PyDict::new(py);
        dict.set_item("source", column(py, &ties, |t| t.source.0))?;
        dict.set_item("target", column(py, &ties, |t| t.target.0))?;
        dict.set_item("layer", column(py, &ties, |t| t.layer.0))?;
        dict.set_item("weight", column(py, &ties, |t| t.weight))?;
        dict.set_item("sign", column(py, &ties, |t| t.sign.as_i8()))?;
        dict.set_item("probability", column(py, &ties, |t| t.probability.unwrap_or(f64::NAN)))?;
        dict.set_item("multiplicity", column(py, &ties, |t| t.multiplicity))?;
        Ok(dict)
    }

    // ----- queries -----

    /// How many ties a person has, in one layer or (``None``) in all; in a directed layer both
    /// the ties sent and received count.
    ///
    /// >>> import reseau
    /// >>> net = reseau.datasets.aarhus_cs()
    /// >>> net.degree(0) == sum(net.degree(0, l.name) for l in net.layers)
    /// True
    #[pyo3(signature = (person, layer = None))]
    fn degree(&self, person: &Bound<'_, PyAny>, layer: Option<LayerArg>) -> PyResult<usize> {
        let id = self.who(person)?;
        let layer = layer.map(|l| l.resolve(&self.inner)).transpose()?;
        Ok(self.inner.degree(id, layer))
    }

    /// Every person's degree (see :meth:`degree`) as a numpy ``uint32`` array indexed by id.
    ///
    /// >>> import reseau
    /// >>> net = reseau.datasets.aarhus_cs()
    /// >>> d = net.degrees("lunch")
    /// >>> d.dtype.name, len(d), int(d.sum()) == 2 * net.num_ties_in("lunch")
    /// ('uint32', 61, True)
    #[pyo3(signature = (layer = None))]
    fn degrees<'py>(
        &self,
        py: Python<'py>,
        layer: Option<LayerArg>,
    ) -> PyResult<Bound<'py, numpy::PyArray1<u32>>> {
        let layer = layer.map(|l| l.resolve(&self.inner)).transpose()?;
        let net = &self.inner;
        Ok(py.detach(|| net.degrees(layer)).into_pyarray(py))
    }

    /// The people tied to ``person``, in one layer or in all, sorted, each once; in a directed
    /// layer both directions count.
    ///
    /// >>> import reseau
    /// >>> net = reseau.Network(); net.add_layer("work"); net.add_people(3)
    /// 0
    /// 0
    /// >>> _ = net.add_tie(2, 0, "work"); _ = net.add_tie(0, 1, "work")
    /// >>> net.neighbors(0)
    /// [1, 2]
    #[pyo3(signature = (person, layer = None))]
    fn neighbors(&self, person: &Bound<'_, PyAny>, layer: Option<LayerArg>) -> PyResult<Vec<u32>> {
        let id = self.who(person)?;
        let layer = layer.map(|l| l.resolve(&self.inner)).transpose()?;
        Ok(self.inner.neighbors(id, layer).into_iter().map(|p| p.0).collect())
    }

    /// The number of pairs of people tied in both layers (direction ignored).
    ///
    /// >>> import reseau
    /// >>> net = reseau.datasets.aarhus_cs()
    /// >>> 0 < net.overlap("work", "lunch") <= net.num_ties_in("work")
    /// True
    fn overlap(&self, py: Python<'_>, first: LayerArg, second: LayerArg) -> PyResult<usize> {
        let (a, b) = (first.resolve(&self.inner)?, second.resolve(&self.inner)?);
        let net = &self.inner;
        py.detach(|| net.overlap(a, b)).map_err(err)
    }

    /// A copy without the named layers (a platform disappears). Layers are renumbered; person
    /// ids stay the same.
    ///
    /// >>> import reseau
    /// >>> reseau.datasets.aarhus_cs().without_layers(["facebook"]).num_ties
    /// 496
    fn without_layers(&self, py: Python<'_>, layers: Vec<LayerArg>) -> PyResult<PyNetwork> {
        let ids = layers.iter().map(|l| l.resolve(&self.inner)).collect::<PyResult<Vec<_>>>()?;
        let net = &self.inner;
        Ok(py.detach(|| net.without_layers(&ids)).map_err(err)?.into())
    }

    /// A single-layer copy: every pair tied in any layer is tied once in a new layer ``name``
    /// of kind ``kind``, with the weights added.
    ///
    /// >>> import reseau
    /// >>> flat = reseau.datasets.aarhus_cs().flatten("any")
    /// >>> flat.num_layers, flat.num_ties < 620
    /// (1, True)
    #[pyo3(signature = (name = "all", kind = "physical"))]
    fn flatten(&self, py: Python<'_>, name: &str, kind: &str) -> PyResult<PyNetwork> {
        let kind: LayerKind = kind.parse().map_err(err)?;
        let net = &self.inner;
        Ok(py.detach(|| net.flatten(name, kind)).map_err(err)?.into())
    }

    /// The size of the compact view that simulations run on (compiled once and kept until
    /// the network changes; a loaded network's is the view it was loaded from): ``people``, ``directed_ties``, ``adjacency_bytes`` and
    /// ``bytes_per_directed_tie``.
    ///
    /// >>> import reseau
    /// >>> m = reseau.datasets.aarhus_cs().memory()
    /// >>> m["directed_ties"], m["bytes_per_directed_tie"] < 20
    /// (1240, True)
    fn memory<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let net = &self.inner;
        to_python(py, &py.detach(|| net.compiled().size()))
    }

    // ----- saving, copying, pickling -----

    /// The network as JSON, lossless, with a format version.
    ///
    /// >>> import reseau
    /// >>> net = reseau.datasets.aarhus_cs()
    /// >>> reseau.Network.from_json(net.to_json()).num_ties
    /// 620
    fn to_json(&self, py: Python<'_>) -> String {
        let net = &self.inner;
        py.detach(|| net.to_json())
    }

    /// A network from the JSON that :meth:`to_json` writes; ``UnsupportedVersionError`` for
    /// data from a newer version of reseau, ``JsonError`` for anything else that is not a saved
    /// network.
    ///
    /// >>> import reseau
    /// >>> reseau.Network.from_json("{")
    /// Traceback (most recent call last):
    ///     ...
    /// reseau.JsonError: invalid JSON at line 1, column 1: EOF while parsing an object
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<PyNetwork> {
        Ok(py.detach(|| Network::from_json(text)).map_err(err)?.into())
    }

    /// Saves the network's compiled view to ``path`` in reseau's binary format: what big
    /// networks are kept as, loaded again at the speed of the disk by :func:`reseau.load`
    /// (the same file in Rust, Python and JavaScript). People's free-form attributes and the
    /// duplicate and self-loop policies are not saved. ``FileError`` if it cannot be written.
    ///
    /// >>> import reseau, tempfile, os
    /// >>> path = os.path.join(tempfile.mkdtemp(), "aarhus.rsn")
    /// >>> reseau.datasets.aarhus_cs().save(path)
    /// >>> reseau.load(path).num_ties
    /// 620
    fn save(slf: PyRef<'_, Self>, py: Python<'_>, path: std::path::PathBuf) -> PyResult<()> {
        let view = slf.compiled(py);
        drop(slf); // the network may change while the file is written
        py.detach(|| view.save(&path)).map_err(err)
    }

    /// A network saved by :meth:`save`, checked as it is read: ``FormatError`` (with the
    /// ``file``, byte ``offset`` and ``field``) for a file that is not one, or is cut or
    /// damaged, ``UnsupportedVersionError`` for one from a newer reseau.
    ///
    /// >>> import reseau
    /// >>> reseau.Network.load("no/such/file.rsn")
    /// Traceback (most recent call last):
    ///     ...
    /// reseau.FileError: no/such/file.rsn: No such file or directory (os error 2)
    #[staticmethod]
    fn load(py: Python<'_>, path: std::path::PathBuf) -> PyResult<PyNetwork> {
        let net = py.detach(|| reseau::io::load(&path).and_then(Network::from_compiled));
        Ok(net.map_err(err)?.into())
    }

    /// The bytes :meth:`save` writes.
    ///
    /// >>> import reseau
    /// >>> reseau.datasets.aarhus_cs().to_bytes()[:8]
    /// b'\x89RESEAU\n'
    fn to_bytes<'py>(slf: PyRef<'py, Self>, py: Python<'py>) -> Bound<'py, pyo3::types::PyBytes> {
        let view = slf.compiled(py);
        drop(slf);
        pyo3::types::PyBytes::new(py, &py.detach(|| view.to_bytes()))
    }

    /// A network from the bytes :meth:`to_bytes` gives (errors as :meth:`load`'s, named
    /// ``<bytes>``).
    ///
    /// >>> import reseau
    /// >>> reseau.Network.from_bytes(reseau.datasets.aarhus_cs().to_bytes()).num_people
    /// 61
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<PyNetwork> {
        let net = py.detach(|| reseau::io::from_bytes(data).and_then(Network::from_compiled));
        Ok(net.map_err(err)?.into())
    }

    /// A copy of the network.
    ///
    /// >>> import reseau
    /// >>> net = reseau.datasets.aarhus_cs(); other = net.copy()
    /// >>> t = other.ties(); other.remove_tie(t["source"][0], t["target"][0], t["layer"][0])
    /// True
    /// >>> net.num_ties, other.num_ties
    /// (620, 619)
    fn copy(&self) -> PyNetwork {
        self.clone()
    }

    fn __copy__(&self) -> PyNetwork {
        self.clone()
    }

    fn __deepcopy__(&self, _memo: &Bound<'_, PyAny>) -> PyNetwork {
        self.clone()
    }

    fn __getstate__(&self, py: Python<'_>) -> String {
        self.to_json(py)
    }

    fn __setstate__(&mut self, py: Python<'_>, state: &str) -> PyResult<()> {
        self.inner = py.detach(|| Network::from_json(state)).map_err(err)?;
        Ok(())
    }

    fn __repr__(&self) -> String {
        format!("<reseau.Network: {}>", self.inner)
    }

    /// The notebook view: the counts and a table of the layers (HTML).
    ///
    /// >>> import reseau
    /// >>> "<table>" in reseau.datasets.aarhus_cs()._repr_html_()
    /// True
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        python_side(slf.py(), "reseau._display", "network_html", (slf,))
    }

    /// The network as a networkx ``MultiGraph`` (``MultiDiGraph`` if a layer is directed):
    /// nodes are person ids with attributes ``label``, ``group``, ``kind``, ``cost`` (and
    /// ``position`` and the person's other attributes when set); each tie is an edge whose key
    /// is its layer's name, with attributes ``layer``, ``weight``, ``sign``, ``multiplicity``
    /// and ``probability`` when set. ``G.graph["reseau_layers"]`` keeps the layers' definitions,
    /// so that :func:`reseau.from_networkx` gives the same network back. Needs networkx.
    ///
    /// >>> import reseau
    /// >>> G = reseau.datasets.aarhus_cs().to_networkx()
    /// >>> G.number_of_nodes(), G.number_of_edges(), G.nodes[0]["label"]
    /// (61, 620, 'U102')
    fn to_networkx<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        python_side(slf.py(), "reseau._networkx", "to_networkx", (slf,))
    }

    /// A pandas ``DataFrame`` of the ``"ties"`` (source, target, layer name, weight, sign,
    /// probability, multiplicity), the ``"people"`` or the ``"layers"``. Needs pandas.
    ///
    /// >>> import reseau
    /// >>> df = reseau.datasets.aarhus_cs().to_pandas()
    /// >>> int((df["layer"] == "facebook").sum())
    /// 124
    #[pyo3(signature = (table = "ties"))]
    fn to_pandas<'py>(slf: &Bound<'py, Self>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        python_side(slf.py(), "reseau._pandas", "to_pandas", (slf, table))
    }
}

/// One column of [`PyNetwork::ties`]: `field` of every tie, as a numpy array made with the GIL
/// released.
fn column<'py, T: numpy::Element + Send>(
    py: Python<'py>,
    ties: &[&Tie],
    field: impl Fn(&Tie) -> T + Sync,
) -> Bound<'py, numpy::PyArray1<T>> {
    py.detach(|| ties.iter().map(|&t| field(t)).collect::<Vec<T>>()).into_pyarray(py)
}
