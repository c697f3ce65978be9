//! graphology's serialisation shape, so that a web page can hand a network to
//! [graphology](https://graphology.github.io/) and draw it with sigma.js.
//!
//! The shape is graphology's own `graph.export()` / `Graph.from(data)` format:
//!
//! ```json
//! { "attributes": {}, "options": { "type": "mixed", "multi": true, "allowSelfLoops": true },
//!   "nodes": [ { "key": "ana", "attributes": { "label": "ana", "group": "G1" } } ],
//!   "edges": [ { "key": "0", "source": "ana", "target": "bo", "undirected": true,
//!                "attributes": { "layer": "lunch", "layerKind": "physical", "weight": 1 } } ] }
//! ```
//!
//! **Out** ([`Network::to_graphology`]): a multi graph (two people tied in two layers are two
//! parallel edges); `type` is `"undirected"` when every layer is, `"directed"` when every layer
//! is, `"mixed"` otherwise (undirected ties carry `"undirected": true`). A node's key is the
//! person's label (an unlabelled person's id number, or `#id` should that be someone's label);
//! its attributes are `label`, `kind`, `cost`, `group` and `x`/`y` (the position) when set, and
//! every attribute of the person (one named like those is shadowed by them, except `label`,
//! which is kept as the display label). An edge's attributes are `layer`, `layerKind`,
//! `weight`, `sign` (`1` or `-1`), and `probability` and `multiplicity` when set. The graph's
//! attribute `layers` lists the layer definitions, so that layers without ties, their order,
//! default probabilities and latencies survive a round trip.
//!
//! **In** ([`Network::from_graphology`]): every node becomes a person labelled by its key;
//! `group`, `kind`, `cost`, `x`/`y` are read as above and any other attribute is kept as text
//! (a `label` attribute only when it differs from the key). Layers come from the graph
//! attribute `layers` when present, then from the edges' `layer` attribute (default `"ties"`)
//! in order of first appearance, of the kind given by the edges' `layerKind` or else guessed
//! from the name ([`guess_layer_kind`](super::guess_layer_kind)); such a layer is directed when
//! any of its edges is. An undirected edge in a directed layer becomes one tie each way. Edge
//! attributes other than those above are ignored (ties have no free attributes). Repeated ties
//! and self-loops follow a [`TiePolicy`] (by default merged and dropped, and counted, as for
//! files).

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::{TiePolicy, guess_layer_kind};
use crate::error::check_probability;
use crate::{
    Error, Layer, LayerId, LayerKind, Network, Person, PersonId, PersonKind, Result, Sign, Tie,
    TieSpec,
};

/// A graph in graphology's serialisation format (what `graph.export()` returns and
/// `Graph.from(data)` / `graph.import(data)` take).
///
/// ```
/// use reseau::io::Graphology;
/// let text = r#"{"options": {"type": "undirected"},
///                "nodes": [{"key": "ana"}, {"key": 7}],
///                "edges": [{"source": "ana", "target": 7, "attributes": {"layer": "lunch"}}]}"#;
/// let graph: Graphology = serde_json::from_str(text)?;
/// assert_eq!(graph.nodes[1].key, "7"); // numeric keys become text, as in graphology
/// let net = reseau::Network::from_graphology(&graph)?;
/// assert_eq!((net.num_people(), net.num_ties()), (2, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Graphology {
    /// The graph's own attributes (this library writes `layers` there).
    pub attributes: Map<String, Value>,
    /// The graph's type and flags.
    pub options: GraphologyOptions,
    /// The nodes.
    pub nodes: Vec<GraphologyNode>,
    /// The edges.
    pub edges: Vec<GraphologyEdge>,
}

/// The `options` of a [`Graphology`] graph. Defaults are graphology's: mixed, not multi,
/// self-loops allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct GraphologyOptions {
    /// Directed, undirected or mixed.
    #[serde(rename = "type")]
    pub graph_type: GraphologyType,
    /// Whether two nodes may be joined by several edges.
    pub multi: bool,
    /// Whether an edge may join a node to itself.
    pub allow_self_loops: bool,
}

impl Default for GraphologyOptions {
    fn default() -> Self {
        GraphologyOptions {
            graph_type: GraphologyType::Mixed,
            multi: false,
            allow_self_loops: true,
        }
    }
}

/// A graphology graph's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GraphologyType {
    /// Directed and undirected edges (each edge says which with `undirected`).
    #[default]
    Mixed,
    /// Directed edges only.
    Directed,
    /// Undirected edges only.
    Undirected,
}

/// A node of a [`Graphology`] graph.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GraphologyNode {
    /// The node's unique key (graphology turns numbers into text; so does this).
    #[serde(deserialize_with = "key")]
    pub key: String,
    /// The node's attributes.
    #[serde(default)]
    pub attributes: Map<String, Value>,
}

/// An edge of a [`Graphology`] graph.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GraphologyEdge {
    /// The edge's key, if it has one.
    #[serde(default, deserialize_with = "optional_key", skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The key of one end (the sender when directed).
    #[serde(deserialize_with = "key")]
    pub source: String,
    /// The key of the other end.
    #[serde(deserialize_with = "key")]
    pub target: String,
    /// Whether the edge is undirected (in a mixed graph).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub undirected: bool,
    /// The edge's attributes.
    #[serde(default)]
    pub attributes: Map<String, Value>,
}

/// A graphology key: a string, or a number written as text.
#[derive(Deserialize)]
#[serde(untagged)]
enum Key {
    Text(String),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

impl From<Key> for String {
    fn from(key: Key) -> String {
        match key {
            Key::Text(s) => s,
            Key::Unsigned(n) => n.to_string(),
            Key::Signed(n) => n.to_string(),
            Key::Float(x) => x.to_string(),
        }
    }
}

fn key<'de, D: Deserializer<'de>>(de: D) -> std::result::Result<String, D::Error> {
    Key::deserialize(de).map(String::from)
}

fn optional_key<'de, D: Deserializer<'de>>(de: D) -> std::result::Result<Option<String>, D::Error> {
    Ok(Option::<Key>::deserialize(de)?.map(String::from))
}

/// Node attributes that this module writes itself.
const NODE_RESERVED: &[&str] = &["label", "group", "kind", "cost", "x", "y"];

impl Network {
    /// This network in graphology's serialisation shape (see the module docs), ready
    /// for `Graph.from(data)` in a web page, or for JSON with `serde_json`.
    ///
    /// ```
    /// use reseau::{Layer, Network, Person};
    /// use reseau::io::GraphologyType;
    /// let mut net = Network::new();
    /// net.add_layer(Layer::physical("lunch"))?;
    /// net.add_layer(Layer::digital("twitter").directed(true))?;
    /// let ana = net.add_person(Person::new().label("ana").group("G1"))?;
    /// let bo = net.add_person(Person::new().label("bo"))?;
    /// net.add_tie(ana, bo, "lunch", 2.0)?;
    /// net.add_tie(bo, ana, "twitter", 1.0)?;
    ///
    /// let graph = net.to_graphology();
    /// assert_eq!(graph.options.graph_type, GraphologyType::Mixed);
    /// assert_eq!(graph.nodes[0].key, "ana");
    /// assert_eq!(graph.nodes[0].attributes["group"], "G1");
    /// assert!(graph.edges[0].undirected && !graph.edges[1].undirected);
    /// assert_eq!(graph.edges[1].attributes["layerKind"], "digital");
    /// let json = serde_json::to_string(&graph)?; // what a page passes to graphology
    /// assert!(json.contains(r#""allowSelfLoops":true"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_graphology(&self) -> Graphology {
        let keys = self.graphology_keys();
        let nodes = self
            .people()
            .zip(&keys)
            .map(|((_, person), key)| GraphologyNode {
                key: key.clone(),
                attributes: node_attributes(person, key),
            })
            .collect();
        let edges = self
            .ties()
            .enumerate()
            .map(|(i, tie)| {
                let layer = self.layer(tie.layer);
                GraphologyEdge {
                    key: Some(i.to_string()),
                    source: keys[tie.source.index()].clone(),
                    target: keys[tie.target.index()].clone(),
                    undirected: !layer.directed,
                    attributes: edge_attributes(tie, layer),
                }
            })
            .collect();
        let directed = self.layers().iter().filter(|l| l.directed).count();
        let graph_type = match directed {
            _ if self.num_layers() == 0 => GraphologyType::Mixed,
            0 => GraphologyType::Undirected,
            d if d == self.num_layers() => GraphologyType::Directed,
            _ => GraphologyType::Mixed,
        };
        let layers = self.layers().iter().map(|l| serde_json::to_value(l).unwrap_or(Value::Null));
        let mut attributes = Map::new();
        attributes.insert("layers".into(), Value::Array(layers.collect()));
        Graphology {
            attributes,
            options: GraphologyOptions { graph_type, multi: true, allow_self_loops: true },
            nodes,
            edges,
        }
    }

    /// Unique node keys: labels, then id numbers, then `#id` (and more `#`) on collision.
    fn graphology_keys(&self) -> Vec<String> {
        let labels: HashSet<&str> = self.people().filter_map(|(_, p)| p.label.as_deref()).collect();
        self.people()
            .map(|(id, p)| {
                if let Some(label) = &p.label {
                    return label.clone();
                }
                let mut key = id.0.to_string();
                while labels.contains(key.as_str()) {
                    key.insert(0, '#');
                }
                key
            })
            .collect()
    }

    /// A network from graphology's serialisation shape (see the module docs), with
    /// repeated ties merged and self-loops dropped, both counted
    /// ([`Network::duplicates_merged`], [`Network::self_loops_dropped`]).
    ///
    /// ```
    /// use reseau::{LayerKind, Network};
    /// use reseau::io::Graphology;
    /// let graph: Graphology = serde_json::from_value(serde_json::json!({
    ///     "nodes": [{"key": "ana", "attributes": {"group": "G1", "age": 31}}, {"key": "bo"}],
    ///     "edges": [
    ///         {"source": "ana", "target": "bo", "undirected": true,
    ///          "attributes": {"layer": "facebook", "weight": 2}},
    ///         {"source": "bo", "target": "ana", "attributes": {"layer": "advice"}}
    ///     ]
    /// }))?;
    /// let net = Network::from_graphology(&graph)?;
    /// let ana = net.index_of("ana").unwrap();
    /// assert_eq!(net.person(ana)?.attributes["age"], "31");
    /// let facebook = net.layer(net.layer_id("facebook")?);
    /// assert_eq!((facebook.kind, facebook.directed), (LayerKind::Digital, false));
    /// assert!(net.layer(net.layer_id("advice")?).directed);
    ///
    /// let back = Network::from_graphology(&net.to_graphology())?; // a lossless round trip
    /// assert_eq!(back.to_graphology(), net.to_graphology());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_graphology(graph: &Graphology) -> Result<Network> {
        Self::from_graphology_policy(graph, TiePolicy::default())
    }

    /// The old name of [`Network::from_graphology_policy`] (`_with` now means "with a
    /// [`Control`](crate::control::Control)").
    ///
    /// # Errors
    /// As [`Network::from_graphology_policy`].
    #[deprecated(since = "0.2.0", note = "renamed from_graphology_policy")]
    pub fn from_graphology_with(graph: &Graphology, policy: TiePolicy) -> Result<Network> {
        Network::from_graphology_policy(graph, policy)
    }

    /// [`Network::from_graphology`] with a chosen policy for repeated ties and self-loops.
    ///
    /// ```
    /// use reseau::{Duplicates, Error, Network};
    /// use reseau::io::{Graphology, TiePolicy};
    /// let graph: Graphology = serde_json::from_value(serde_json::json!({
    ///     "nodes": [{"key": "a"}, {"key": "b"}],
    ///     "edges": [{"source": "a", "target": "b"}, {"source": "a", "target": "b"}]
    /// }))?;
    /// assert_eq!(Network::from_graphology(&graph)?.duplicates_merged(), 1);
    /// let strict = TiePolicy { duplicates: Duplicates::Reject, ..TiePolicy::default() };
    /// let err = Network::from_graphology_policy(&graph, strict).unwrap_err();
    /// assert!(matches!(err, Error::DuplicateTie { ref location, .. } if location == "edges[1]: "));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_graphology_policy(graph: &Graphology, policy: TiePolicy) -> Result<Network> {
        let mut net = Network::new();
        net.set_duplicates(policy.duplicates);
        net.set_self_loops(policy.self_loops.0);

        if let Some(layers) = graph.attributes.get("layers") {
            let layers: Vec<Layer> =
                serde_json::from_value(layers.clone()).map_err(|e| Error::InvalidParameter {
                    name: "graph attribute \"layers\"".into(),
                    value: e.to_string(),
                    expected: "a list of layers {name, kind, directed, probability, latency}"
                        .into(),
                })?;
            for layer in layers {
                net.add_layer(layer)?;
            }
        }

        for (i, node) in graph.nodes.iter().enumerate() {
            net.add_person(person_from_node(i, node)?)?;
        }

        let directed_edge = |e: &GraphologyEdge| {
            !e.undirected && graph.options.graph_type != GraphologyType::Undirected
        };

        // Layers named by the edges, in order of first appearance: (name, kind, directed).
        let mut new_layers: Vec<(String, Option<LayerKind>, bool)> = Vec::new();
        for (i, edge) in graph.edges.iter().enumerate() {
            let name = edge_layer_name(edge);
            if net.layer_id(&name).is_ok() {
                continue;
            }
            let kind = match edge.attributes.get("layerKind") {
                None | Some(Value::Null) => None,
                Some(v) => Some(parse_layer_kind(i, v)?),
            };
            match new_layers.iter_mut().find(|(n, ..)| *n == name) {
                Some(entry) => {
                    entry.1 = entry.1.or(kind);
                    entry.2 |= directed_edge(edge);
                }
                None => new_layers.push((name, kind, directed_edge(edge))),
            }
        }
        for (name, kind, directed) in new_layers {
            let kind = kind.unwrap_or_else(|| guess_layer_kind(&name));
            net.add_layer(Layer::new(name, kind).directed(directed))?;
        }

        for (i, edge) in graph.edges.iter().enumerate() {
            let end = |key: &String| {
                net.index_of(key).ok_or_else(|| Error::UnknownPerson { person: format!("{key:?}") })
            };
            let (a, b) = (end(&edge.source)?, end(&edge.target)?);
            let layer = net.layer_id(&edge_layer_name(edge))?;
            let (spec, multiplicity) = tie_from_edge(i, edge)?;
            let location = format!("edges[{i}]: ");
            add_tie(&mut net, a, b, layer, spec, multiplicity, &location)?;
            if net.layer(layer).directed && !directed_edge(edge) && a != b {
                add_tie(&mut net, b, a, layer, spec, multiplicity, &location)?;
            }
        }
        Ok(net)
    }
}

/// Adds a tie, keeping a multiplicity above 1 (from a network whose repeats were summed).
fn add_tie(
    net: &mut Network,
    a: PersonId,
    b: PersonId,
    layer: LayerId,
    spec: TieSpec,
    multiplicity: u32,
    location: &str,
) -> Result<()> {
    if multiplicity > 1 && a != b && net.tie(a, b, layer)?.is_none() {
        crate::model::check_weight(|| format!("{location}weight"), spec.weight)?;
        if let Some(p) = spec.probability {
            check_probability(|| format!("{location}tie probability"), p)?;
        }
        net.insert_tie_unchecked(Tie {
            source: a,
            target: b,
            layer,
            weight: spec.weight,
            sign: spec.sign,
            probability: spec.probability,
            multiplicity,
        });
    } else {
        net.add_tie_at(a, b, layer, spec, location)?;
    }
    Ok(())
}

fn node_attributes(person: &Person, key: &str) -> Map<String, Value> {
    let mut attributes: Map<String, Value> = person
        .attributes
        .iter()
        .filter(|(k, _)| !NODE_RESERVED.contains(&k.as_str()) || k.as_str() == "label")
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    attributes.entry("label").or_insert_with(|| Value::String(key.to_owned()));
    if let Some(group) = &person.group {
        attributes.insert("group".into(), Value::String(group.clone()));
    }
    attributes.insert("kind".into(), person.kind.as_str().into());
    attributes.insert("cost".into(), number(person.cost));
    if let Some([x, y]) = person.position {
        attributes.insert("x".into(), number(x));
        attributes.insert("y".into(), number(y));
    }
    attributes
}

fn edge_attributes(tie: &Tie, layer: &Layer) -> Map<String, Value> {
    let mut attributes = Map::new();
    attributes.insert("layer".into(), Value::String(layer.name.clone()));
    attributes.insert("layerKind".into(), layer.kind.as_str().into());
    attributes.insert("weight".into(), number(tie.weight));
    attributes.insert("sign".into(), i64::from(tie.sign.as_i8()).into());
    if let Some(p) = tie.probability {
        attributes.insert("probability".into(), number(p));
    }
    if tie.multiplicity != 1 {
        attributes.insert("multiplicity".into(), tie.multiplicity.into());
    }
    attributes
}

/// A JSON number (finite by the network's own checks; `null` otherwise).
fn number(x: f64) -> Value {
    serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
}

/// A scalar attribute as text (`None` for null); arrays and objects as JSON text.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn expect_number(name: impl FnOnce() -> String, value: &Value, expected: &str) -> Result<f64> {
    value.as_f64().ok_or_else(|| Error::InvalidParameter {
        name: name(),
        value: value.to_string(),
        expected: expected.into(),
    })
}

fn person_from_node(i: usize, node: &GraphologyNode) -> Result<Person> {
    let mut person = Person::new().label(node.key.clone());
    let mut attributes: BTreeMap<String, String> = BTreeMap::new();
    let attr = |name: &str| node.attributes.get(name).filter(|v| !v.is_null());
    if let Some(group) = attr("group") {
        person.group = text(group);
    }
    if let Some(kind) = attr("kind") {
        person.kind =
            kind.as_str().and_then(|k| k.parse::<PersonKind>().ok()).ok_or_else(|| {
                Error::InvalidParameter {
                    name: format!("nodes[{i}].attributes.kind"),
                    value: kind.to_string(),
                    expected: "one of person, influencer, media, organization".into(),
                }
            })?;
    }
    if let Some(cost) = attr("cost") {
        person.cost =
            expect_number(|| format!("nodes[{i}].attributes.cost"), cost, "a finite number >= 0")?;
    }
    match (attr("x").and_then(Value::as_f64), attr("y").and_then(Value::as_f64)) {
        (Some(x), Some(y)) => person.position = Some([x, y]),
        _ => {
            for name in ["x", "y"] {
                if let Some(v) = attr(name).and_then(text) {
                    attributes.insert(name.into(), v);
                }
            }
        }
    }
    if let Some(label) = attr("label").and_then(text).filter(|l| *l != node.key) {
        attributes.insert("label".into(), label);
    }
    for (name, value) in &node.attributes {
        if !NODE_RESERVED.contains(&name.as_str()) {
            if let Some(v) = text(value) {
                attributes.insert(name.clone(), v);
            }
        }
    }
    person.attributes = attributes;
    Ok(person)
}

fn edge_layer_name(edge: &GraphologyEdge) -> String {
    edge.attributes.get("layer").and_then(text).unwrap_or_else(|| "ties".to_owned())
}

fn parse_layer_kind(i: usize, value: &Value) -> Result<LayerKind> {
    value.as_str().and_then(|k| k.parse::<LayerKind>().ok()).ok_or_else(|| {
        Error::InvalidParameter {
            name: format!("edges[{i}].attributes.layerKind"),
            value: value.to_string(),
            expected: "physical or digital".into(),
        }
    })
}

/// The tie's attributes and multiplicity (validated later by the network).
fn tie_from_edge(i: usize, edge: &GraphologyEdge) -> Result<(TieSpec, u32)> {
    let attr = |name: &str| edge.attributes.get(name).filter(|v| !v.is_null());
    let name = |field: &'static str| move || format!("edges[{i}].attributes.{field}");
    let mut spec = TieSpec::default();
    if let Some(w) = attr("weight") {
        spec.weight = expect_number(name("weight"), w, "a finite number >= 0")?;
    }
    if let Some(s) = attr("sign") {
        spec.sign = match s {
            Value::Number(n) if n.as_f64().is_some_and(|x| x < 0.0) => Sign::Negative,
            Value::Number(_) => Sign::Positive,
            Value::String(t) if matches!(t.as_str(), "negative" | "-" | "-1") => Sign::Negative,
            Value::String(t) if matches!(t.as_str(), "positive" | "+" | "+1" | "1") => {
                Sign::Positive
            }
            other => {
                return Err(Error::InvalidParameter {
                    name: name("sign")(),
                    value: other.to_string(),
                    expected: "1, -1, \"positive\" or \"negative\"".into(),
                });
            }
        };
    }
    if let Some(p) = attr("probability") {
        spec.probability = Some(expect_number(name("probability"), p, "a probability in [0, 1]")?);
    }
    let multiplicity = match attr("multiplicity") {
        None => 1,
        Some(m) => {
            m.as_u64().and_then(|m| u32::try_from(m).ok()).filter(|&m| m >= 1).ok_or_else(|| {
                Error::InvalidParameter {
                    name: name("multiplicity")(),
                    value: m.to_string(),
                    expected: "an integer >= 1".into(),
                }
            })?
        }
    };
    Ok((spec, multiplicity))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Duplicates, SelfLoops};

    fn sample() -> Network {
        let mut net = Network::new();
        net.set_duplicates(Duplicates::Sum);
        net.add_layer(Layer::physical("lunch").probability(0.3).latency(2)).unwrap();
        net.add_layer(Layer::digital("twitter").directed(true)).unwrap();
        net.add_layer(Layer::digital("empty")).unwrap();
        let ana = net
            .add_person(
                Person::new()
                    .label("ana")
                    .group("G1")
                    .kind(PersonKind::Influencer)
                    .cost(2.5)
                    .position(1.0, -2.0)
                    .attribute("role", "Professor")
                    .attribute("label", "Ana P."),
            )
            .unwrap();
        let bo = net.add_person(Person::new().label("bo")).unwrap();
        let unlabelled = net.add_person(Person::new().group("G2")).unwrap();
        let tricky = net.add_person(Person::new().label("2")).unwrap(); // the id of `unlabelled`
        net.add_tie(ana, bo, "lunch", 1.5).unwrap();
        net.add_tie(bo, ana, "lunch", 0.5).unwrap(); // summed: multiplicity 2
        net.add_tie_spec(bo, unlabelled, "twitter", TieSpec::weight(1.0).sign(Sign::Negative))
            .unwrap();
        net.add_tie_spec(unlabelled, bo, "twitter", TieSpec::default().probability(0.25)).unwrap();
        net.add_tie(tricky, ana, "lunch", 1.0).unwrap();
        net
    }

    fn people(net: &Network) -> Vec<Person> {
        net.people().map(|(_, p)| p.clone()).collect()
    }

    fn ties(net: &Network) -> Vec<Tie> {
        net.ties().cloned().collect()
    }

    #[test]
    fn round_trip_keeps_layers_people_and_ties() {
        let net = sample();
        let graph = net.to_graphology();
        assert_eq!(graph.options.graph_type, GraphologyType::Mixed);
        assert!(graph.options.multi);
        let keys: Vec<&str> = graph.nodes.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys, ["ana", "bo", "#2", "2"]);
        assert_eq!(graph.nodes[0].attributes["label"], "Ana P.");
        assert_eq!(graph.nodes[0].attributes["x"], 1.0);
        assert_eq!(graph.edges[0].attributes["multiplicity"], 2);
        assert_eq!(graph.edges[1].attributes["sign"], -1);

        // Through JSON text, as a page would.
        let text = serde_json::to_string(&graph).unwrap();
        let back = Network::from_graphology(&serde_json::from_str(&text).unwrap()).unwrap();
        assert_eq!(back.layers(), net.layers());
        assert_eq!(ties(&back), ties(&net));
        let mut expected = people(&net);
        expected[2].label = Some("#2".into()); // the unlabelled person now has their key
        assert_eq!(people(&back), expected);
        assert_eq!(back.to_graphology(), graph);
    }

    #[test]
    fn aarhus_round_trip() {
        let net = crate::datasets::aarhus_cs();
        let graph = net.to_graphology();
        assert_eq!(graph.options.graph_type, GraphologyType::Undirected);
        assert_eq!((graph.nodes.len(), graph.edges.len()), (61, 620));
        assert!(graph.nodes.iter().all(|n| n.attributes.contains_key("role")));
        let text = serde_json::to_string(&graph).unwrap();
        let back = Network::from_graphology(&serde_json::from_str(&text).unwrap()).unwrap();
        assert_eq!(back.layers(), net.layers());
        assert_eq!(people(&back), people(&net));
        assert_eq!(ties(&back), ties(&net));
    }

    #[test]
    fn graph_type_follows_the_layers() {
        let mut net = Network::new();
        assert_eq!(net.to_graphology().options.graph_type, GraphologyType::Mixed);
        net.add_layer(Layer::physical("a")).unwrap();
        assert_eq!(net.to_graphology().options.graph_type, GraphologyType::Undirected);
        let mut directed = Network::new();
        directed.add_layer(Layer::physical("a").directed(true)).unwrap();
        assert_eq!(directed.to_graphology().options.graph_type, GraphologyType::Directed);
    }

    fn graph(value: serde_json::Value) -> Graphology {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn foreign_graphs_get_layers_kinds_and_directions() {
        let g = graph(serde_json::json!({
            "options": {"type": "directed", "multi": false, "allowSelfLoops": true},
            "nodes": [{"key": 1, "attributes": {"label": "one", "size": 3, "color": "#f00"}},
                      {"key": "2", "attributes": {"x": 0.5}}, {"key": "3"}],
            "edges": [
                {"key": "e", "source": "1", "target": 2, "attributes": {"weight": 2}},
                {"source": "2", "target": "3", "attributes": {"layer": "web", "sign": "negative"}},
                {"source": "3", "target": "1", "attributes": {"layer": "advice", "layerKind": "online"}},
                {"source": "3", "target": "3"}
            ]
        }));
        let net = Network::from_graphology(&g).unwrap();
        assert_eq!(net.labels(), ["1", "2", "3"]);
        let one = net.person(PersonId(0)).unwrap();
        assert_eq!(one.attributes["label"], "one");
        assert_eq!(one.attributes["size"], "3");
        assert_eq!(net.person(PersonId(1)).unwrap().attributes["x"], "0.5");
        let names: Vec<&str> = net.layers().iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["ties", "web", "advice"]);
        assert!(net.layers().iter().all(|l| l.directed));
        let kinds: Vec<LayerKind> = net.layers().iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [LayerKind::Physical, LayerKind::Digital, LayerKind::Digital]);
        assert_eq!(net.self_loops_dropped(), 1);
        assert_eq!(net.num_ties(), 3);
        assert_eq!(ties(&net)[1].sign, Sign::Negative);
    }

    #[test]
    fn undirected_edge_in_a_directed_layer_goes_both_ways() {
        let g = graph(serde_json::json!({
            "nodes": [{"key": "a"}, {"key": "b"}, {"key": "c"}],
            "edges": [{"source": "a", "target": "b"},
                      {"source": "b", "target": "c", "undirected": true}]
        }));
        let net = Network::from_graphology(&g).unwrap();
        assert!(net.layer(LayerId(0)).directed);
        assert_eq!(net.num_ties(), 3);
    }

    #[test]
    fn bad_input_gives_errors_that_say_where() {
        let base = |edges: serde_json::Value| {
            graph(serde_json::json!({"nodes": [{"key": "a"}, {"key": "b"}], "edges": edges}))
        };
        let err = |g: &Graphology| Network::from_graphology(g).unwrap_err();

        let e = err(&base(serde_json::json!([{"source": "a", "target": "zed"}])));
        assert_eq!(e, Error::UnknownPerson { person: "\"zed\"".into() });
        let e = err(&base(serde_json::json!([{"source": "a", "target": "b",
            "attributes": {"weight": -1}}])));
        assert!(
            matches!(e, Error::InvalidParameter { ref name, .. } if name == "edges[0]: weight")
        );
        let e = err(&base(serde_json::json!([{"source": "a", "target": "b",
            "attributes": {"weight": "heavy"}}])));
        assert!(
            matches!(e, Error::InvalidParameter { ref name, .. } if name == "edges[0].attributes.weight")
        );
        let e = err(&base(serde_json::json!([{"source": "a", "target": "b",
            "attributes": {"probability": 1.5}}])));
        assert!(matches!(e, Error::InvalidParameter { .. }), "{e}");
        let e = err(&base(serde_json::json!([{"source": "a", "target": "b",
            "attributes": {"layerKind": "telepathic"}}])));
        assert!(matches!(e, Error::InvalidParameter { .. }), "{e}");

        let dup = graph(serde_json::json!({"nodes": [{"key": "a"}, {"key": "a"}]}));
        assert!(matches!(err(&dup), Error::DuplicateLabel { .. }));
        let bad_kind =
            graph(serde_json::json!({"nodes": [{"key": "a", "attributes": {"kind": "alien"}}]}));
        assert!(matches!(err(&bad_kind), Error::InvalidParameter { .. }));
        let bad_layers = graph(serde_json::json!({"attributes": {"layers": [{"nom": "x"}]}}));
        assert!(matches!(err(&bad_layers), Error::InvalidParameter { .. }));

        let self_loop = base(serde_json::json!([{"source": "a", "target": "a"}]));
        let strict = TiePolicy {
            self_loops: super::super::SelfLoopsInFiles(SelfLoops::Reject),
            ..TiePolicy::default()
        };
        let e = Network::from_graphology_policy(&self_loop, strict).unwrap_err();
        assert!(matches!(e, Error::SelfLoop { ref location, .. } if location == "edges[0]: "));
    }

    #[test]
    fn empty_graph_is_an_empty_network() {
        let net = Network::from_graphology(&Graphology::default()).unwrap();
        assert_eq!((net.num_people(), net.num_layers(), net.num_ties()), (0, 0, 0));
        let parsed: Graphology = serde_json::from_str("{}").unwrap();
        assert_eq!(parsed, Graphology::default());
    }
}
