//! The `Network` class.

use js_sys::{JsString, Number};
use reseau::io::{Graphology, TiePolicy};
use reseau::{Duplicates, Layer, LayerKind, Person, PersonKind, SelfLoops, TieSpec};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::args::{self, LayerArg, PersonArg, from_js, from_val, invalid};
use crate::errors::{JsResult, OrThrow, invalid_argument};
use crate::ser::{Arrays, to_js};
use crate::value::Val;

/// Records (people, ties, layers) are plain JSON.
fn record<T: Serialize + ?Sized>(value: &T) -> JsResult<JsValue> {
    to_js(value, Arrays::Plain)
}

/// A multiplex network: people, named layers (physical or digital), and ties between two
/// people in one layer.
#[wasm_bindgen]
pub struct Network {
    inner: reseau::Network,
}

impl From<reseau::Network> for Network {
    fn from(inner: reseau::Network) -> Self {
        Network { inner }
    }
}

impl Network {
    /// The core's network, for the functions that take one.
    pub(crate) fn core(&self) -> &reseau::Network {
        &self.inner
    }
}

/// The options of `configureLayer`.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct LayerBehaviour {
    probability: Option<f64>,
    latency: u32,
}

impl Default for LayerBehaviour {
    fn default() -> Self {
        LayerBehaviour { probability: None, latency: 1 }
    }
}

#[wasm_bindgen]
impl Network {
    /// An empty network.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)] // a JS constructor; `Default` means nothing to JS
    pub fn new() -> Network {
        reseau::Network::new().into()
    }

    // ----- building -----

    /// Adds a layer and returns its id.
    #[wasm_bindgen(js_name = addLayer)]
    pub fn add_layer(
        &mut self,
        name: &JsString,
        #[wasm_bindgen(unchecked_optional_param_type = "LayerOptions")] options: &JsValue,
    ) -> JsResult<u32> {
        let name: String = from_js(name, "layer name")?;
        let mut val = args::options(options, "options of addLayer")?;
        val.set("name", Val::Str(name));
        let layer: Layer = from_val(val, "options of addLayer")?;
        Ok(self.inner.add_layer(layer).or_throw()?.0)
    }

    /// Adds a person and returns their id (ids are dense, from 0).
    #[wasm_bindgen(js_name = addPerson)]
    pub fn add_person(
        &mut self,
        #[wasm_bindgen(unchecked_optional_param_type = "PersonOptions")] options: &JsValue,
    ) -> JsResult<u32> {
        let person: Person = from_val(args::options(options, "addPerson")?, "addPerson")?;
        Ok(self.inner.add_person(person).or_throw()?.0)
    }

    /// Adds `n` unlabelled people and returns the id of the first.
    #[wasm_bindgen(js_name = addPeople)]
    pub fn add_people(&mut self, n: &Number) -> JsResult<u32> {
        let n: u32 = from_js(n, "number of people")?;
        Ok(self.inner.add_people(n as usize).or_throw()?.0)
    }

    /// Adds a tie between `a` and `b` in `layer` (a name or id). Returns the tie's id, or
    /// `undefined` when a self-loop was dropped by the self-loop policy.
    #[wasm_bindgen(js_name = addTie)]
    pub fn add_tie(
        &mut self,
        a: &PersonArg,
        b: &PersonArg,
        layer: &LayerArg,
        #[wasm_bindgen(unchecked_optional_param_type = "TieOptions")] options: &JsValue,
    ) -> JsResult<Option<u32>> {
        let (a, b) = (args::person(&self.inner, a)?, args::person(&self.inner, b)?);
        let layer = args::layer(&self.inner, layer)?;
        let spec: TieSpec = from_val(args::options(options, "addTie")?, "options of addTie")?;
        Ok(self.inner.add_tie_spec(a, b, layer, spec).or_throw()?.map(|t| t.0))
    }

    /// What a repeated tie does from now on: `"merge"` (the default), `"sum"` or `"reject"`.
    #[wasm_bindgen(js_name = setDuplicates)]
    pub fn set_duplicates(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Duplicates")] policy: &JsValue,
    ) -> JsResult<()> {
        self.inner.set_duplicates(from_js::<Duplicates>(policy, "duplicates policy")?);
        Ok(())
    }

    /// What a self-loop does from now on: `"reject"` (the default) or `"drop"`.
    #[wasm_bindgen(js_name = setSelfLoops)]
    pub fn set_self_loops(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "SelfLoops")] policy: &JsValue,
    ) -> JsResult<()> {
        self.inner.set_self_loops(from_js::<SelfLoops>(policy, "self-loop policy")?);
        Ok(())
    }

    // ----- counts and lists -----

    /// The number of people.
    #[wasm_bindgen(getter = numPeople)]
    pub fn num_people(&self) -> usize {
        self.inner.num_people()
    }

    /// Whether the network still holds only its compiled view (after `Network.fromBytes` or
    /// `generators.barabasiAlbertCompiled`): its people and ties are made the first time it is
    /// edited or asked about them; counts, labels and every analysis need no more.
    #[wasm_bindgen(getter = isFrozen)]
    pub fn is_frozen(&self) -> bool {
        self.inner.is_frozen()
    }

    /// The number of ties in all layers (an undirected tie once).
    #[wasm_bindgen(getter = numTies)]
    pub fn num_ties(&self) -> usize {
        self.inner.num_ties()
    }

    /// The number of layers.
    #[wasm_bindgen(getter = numLayers)]
    pub fn num_layers(&self) -> usize {
        self.inner.num_layers()
    }

    /// The number of directed ties (an undirected tie counts once each way).
    #[wasm_bindgen(getter = numDirectedTies)]
    pub fn num_directed_ties(&self) -> usize {
        self.inner.num_directed_ties()
    }

    /// How many repeated ties were merged into an existing one.
    #[wasm_bindgen(getter = duplicatesMerged)]
    pub fn duplicates_merged(&self) -> f64 {
        self.inner.duplicates_merged() as f64
    }

    /// How many self-loops were dropped.
    #[wasm_bindgen(getter = selfLoopsDropped)]
    pub fn self_loops_dropped(&self) -> f64 {
        self.inner.self_loops_dropped() as f64
    }

    /// The layers, in order: `{ name, kind, directed, probability?, latency }`.
    #[wasm_bindgen(getter, unchecked_return_type = "LayerInfo[]")]
    pub fn layers(&self) -> JsResult<JsValue> {
        record(self.inner.layers())
    }

    /// Each person's label, indexed by id; an unlabelled person shows as `#id` (`#3`), which no
    /// label can be for anyone else and which names them back wherever a person is asked for.
    #[wasm_bindgen(getter)]
    pub fn labels(&self) -> Vec<String> {
        self.inner.display_names()
    }

    /// The id of the person with this label; throws `UnknownPersonError` if there is none.
    #[wasm_bindgen(js_name = indexOf)]
    pub fn index_of(&self, label: &JsString) -> JsResult<u32> {
        let label: String = from_js(label, "label")?;
        let id = self.inner.index_of(&label);
        let unknown = || reseau::Error::UnknownPerson { person: format!("{label:?}") };
        Ok(id.ok_or_else(unknown).or_throw()?.0)
    }

    /// A person: `{ id, label, group, kind, cost, position, attributes }` (`null` where unset),
    /// as Python's `Network.person`.
    #[wasm_bindgen(unchecked_return_type = "PersonInfo")]
    pub fn person(&self, id: &PersonArg) -> JsResult<JsValue> {
        let id = args::person(&self.inner, id)?;
        record(&self.inner.person_info(id).or_throw()?)
    }

    /// Everyone, in id order (see `person`).
    #[wasm_bindgen(unchecked_return_type = "PersonInfo[]")]
    pub fn people(&self) -> JsResult<JsValue> {
        let people = self.inner.people().map(|(id, _)| self.inner.person_info(id));
        record(&people.collect::<reseau::Result<Vec<_>>>().or_throw()?)
    }

    /// Every tie, or those of one layer, in the order added: `{ source, target, layer, weight,
    /// sign, probability, multiplicity }` with the layer's name and the sign as `1` or `-1`.
    #[wasm_bindgen(unchecked_return_type = "TieInfo[]")]
    pub fn ties(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string | number")] layer: &JsValue,
    ) -> JsResult<JsValue> {
        let layer = args::optional_layer(&self.inner, layer)?;
        let ties = self.inner.ties().filter(|t| layer.is_none_or(|l| t.layer == l));
        let ties: Vec<_> = ties.map(|t| self.inner.tie_info(t)).collect();
        record(&ties)
    }

    /// The tie between `a` and `b` in `layer` (either direction in an undirected layer), or
    /// `null`.
    #[wasm_bindgen(unchecked_return_type = "TieInfo | null")]
    pub fn tie(&self, a: &PersonArg, b: &PersonArg, layer: &LayerArg) -> JsResult<JsValue> {
        let (a, b) = (args::person(&self.inner, a)?, args::person(&self.inner, b)?);
        let layer = args::layer(&self.inner, layer)?;
        let tie = self.inner.tie(a, b, layer).or_throw()?;
        record(&tie.map(|t| self.inner.tie_info(t)))
    }

    /// Removes the tie between `a` and `b` in `layer`; returns whether there was one.
    #[wasm_bindgen(js_name = removeTie)]
    pub fn remove_tie(&mut self, a: &PersonArg, b: &PersonArg, layer: &LayerArg) -> JsResult<bool> {
        let (a, b) = (args::person(&self.inner, a)?, args::person(&self.inner, b)?);
        let layer = args::layer(&self.inner, layer)?;
        self.inner.remove_tie(a, b, layer).or_throw()
    }

    /// A layer, by name or id: `{ name, kind, directed, probability?, latency }`.
    #[wasm_bindgen(unchecked_return_type = "LayerInfo")]
    pub fn layer(&self, layer: &LayerArg) -> JsResult<JsValue> {
        let id = args::layer(&self.inner, layer)?;
        record(self.inner.layer(id))
    }

    /// Changes a layer's default transmission probability and latency (default: none, 1).
    #[wasm_bindgen(js_name = configureLayer)]
    pub fn configure_layer(
        &mut self,
        layer: &LayerArg,
        #[wasm_bindgen(
            unchecked_optional_param_type = "{ probability?: number; latency?: number }"
        )]
        options: &JsValue,
    ) -> JsResult<()> {
        let id = args::layer(&self.inner, layer)?;
        let what = "options of configureLayer";
        let o: LayerBehaviour = from_val(args::options(options, what)?, what)?;
        self.inner.configure_layer(id, o.probability, o.latency).or_throw()
    }

    /// Sets (or with `null` clears) a person's group.
    #[wasm_bindgen(js_name = setGroup)]
    pub fn set_group(
        &mut self,
        person: &PersonArg,
        #[wasm_bindgen(unchecked_param_type = "string | null")] group: &JsValue,
    ) -> JsResult<()> {
        let id = args::person(&self.inner, person)?;
        let group: Option<String> = from_js(group, "group")?;
        self.inner.set_group(id, group).or_throw()
    }

    /// Sets a person's kind: `"person"`, `"influencer"`, `"media"` or `"organization"`.
    #[wasm_bindgen(js_name = setKind)]
    pub fn set_kind(
        &mut self,
        person: &PersonArg,
        #[wasm_bindgen(unchecked_param_type = "PersonKind")] kind: &JsValue,
    ) -> JsResult<()> {
        let id = args::person(&self.inner, person)?;
        let kind: PersonKind = from_js(kind, "person kind")?;
        self.inner.set_kind(id, kind).or_throw()
    }

    /// Sets what it costs to enlist a person as a relay (finite, >= 0).
    #[wasm_bindgen(js_name = setCost)]
    pub fn set_cost(&mut self, person: &PersonArg, cost: &Number) -> JsResult<()> {
        let id = args::person(&self.inner, person)?;
        let cost: f64 = from_js(cost, "cost")?;
        self.inner.set_cost(id, cost).or_throw()
    }

    /// A copy of the network.
    #[must_use]
    pub fn copy(&self) -> Network {
        self.inner.clone().into()
    }

    /// The ids of the layers of one kind (`"physical"` or `"digital"`).
    #[wasm_bindgen(js_name = layersOfKind)]
    pub fn layers_of_kind(
        &self,
        #[wasm_bindgen(unchecked_param_type = "LayerKind")] kind: &JsValue,
    ) -> JsResult<Vec<u32>> {
        let kind: LayerKind = from_js(kind, "layer kind")?;
        Ok(self.inner.layers_of_kind(kind).into_iter().map(|l| l.0).collect())
    }

    /// The number of ties in one layer.
    #[wasm_bindgen(js_name = numTiesIn)]
    pub fn num_ties_in(&self, layer: &LayerArg) -> JsResult<usize> {
        let layer = args::layer(&self.inner, layer)?;
        self.inner.num_ties_in(layer).or_throw()
    }

    // ----- queries -----

    /// How many ties a person has, in one layer or in all.
    pub fn degree(
        &self,
        person: &PersonArg,
        #[wasm_bindgen(unchecked_optional_param_type = "string | number")] layer: &JsValue,
    ) -> JsResult<usize> {
        let person = args::person(&self.inner, person)?;
        Ok(self.inner.degree(person, args::optional_layer(&self.inner, layer)?))
    }

    /// Every person's degree, indexed by id.
    pub fn degrees(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string | number")] layer: &JsValue,
    ) -> JsResult<Vec<u32>> {
        Ok(self.inner.degrees(args::optional_layer(&self.inner, layer)?))
    }

    /// The people tied to `person`, in one layer or in all, sorted, each once.
    pub fn neighbors(
        &self,
        person: &PersonArg,
        #[wasm_bindgen(unchecked_optional_param_type = "string | number")] layer: &JsValue,
    ) -> JsResult<Vec<u32>> {
        let person = args::person(&self.inner, person)?;
        let layer = args::optional_layer(&self.inner, layer)?;
        Ok(self.inner.neighbors(person, layer).into_iter().map(|p| p.0).collect())
    }

    /// The number of pairs tied in both layers (direction ignored).
    pub fn overlap(&self, first: &LayerArg, second: &LayerArg) -> JsResult<usize> {
        let first = args::layer(&self.inner, first)?;
        let second = args::layer(&self.inner, second)?;
        self.inner.overlap(first, second).or_throw()
    }

    /// The groups and their members' ids, by group name.
    #[wasm_bindgen(unchecked_return_type = "Record<string, number[]>")]
    pub fn groups(&self) -> JsResult<JsValue> {
        record(&self.inner.groups())
    }

    /// A copy without the named layers (a platform disappears); person ids stay the same.
    #[wasm_bindgen(js_name = withoutLayers)]
    pub fn without_layers(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] layers: &JsValue,
    ) -> JsResult<Network> {
        let names: Vec<String> = from_js(layers, "layers of withoutLayers")?;
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        Ok(self.inner.without_layers(&names).or_throw()?.into())
    }

    /// Marks a layer (a name or id) as a shadow layer, or as visible again with
    /// `shadow = false`: its ties stay in every simulation, and `observed()` leaves them out.
    #[wasm_bindgen(js_name = setLayerShadow)]
    pub fn set_layer_shadow(&mut self, layer: &LayerArg, shadow: Option<bool>) -> JsResult<()> {
        let layer = args::layer(&self.inner, layer)?;
        self.inner.set_layer_shadow(layer, shadow.unwrap_or(true)).or_throw()
    }

    /// The names of the shadow layers, in layer order.
    #[wasm_bindgen(getter = shadowLayers)]
    pub fn shadow_layers(&self) -> Vec<String> {
        self.inner.shadow_layers().into_iter().map(|l| self.inner.layer(l).name.clone()).collect()
    }

    /// The ties of the shadow layers.
    #[wasm_bindgen(getter = numShadowTies)]
    pub fn num_shadow_ties(&self) -> usize {
        self.inner.num_shadow_ties()
    }

    /// The analyst's view: a copy without the shadow layers; people and their ids are kept,
    /// and every tie of a visible layer.
    #[must_use]
    pub fn observed(&self) -> Network {
        self.inner.observed().into()
    }

    /// A copy whose shadow layers keep a uniform `share` of their ties (a seeded sample of
    /// each, `seed` default 0); visible layers are untouched.
    #[wasm_bindgen(js_name = withShadowShare)]
    pub fn with_shadow_share(
        &self,
        share: f64,
        #[wasm_bindgen(unchecked_optional_param_type = "Seed")] seed: &JsValue,
    ) -> JsResult<Network> {
        let seed: u64 =
            if seed.is_undefined() { 0 } else { from_js(seed, "seed of withShadowShare")? };
        Ok(self.inner.with_shadow_share(share, seed).or_throw()?.into())
    }

    /// A single-layer copy named `name`, of kind `kind` (default `"physical"`): every pair tied
    /// in any layer is tied once, with the weights added.
    pub fn flatten(
        &self,
        name: &JsString,
        #[wasm_bindgen(unchecked_optional_param_type = "LayerKind")] kind: &JsValue,
    ) -> JsResult<Network> {
        let name: String = from_js(name, "name of the flat layer")?;
        let kind: Option<LayerKind> = from_js(kind, "layer kind")?;
        Ok(self.inner.flatten(&name, kind.unwrap_or_default()).or_throw()?.into())
    }

    // ----- formats -----

    /// The network's lossless JSON document (the same as Rust's and Python's) as an object:
    /// `JSON.stringify(network)` saves the network, `Network.fromJSON` reads it back.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "Record<string, unknown>")]
    pub fn to_json_value(&self) -> JsResult<JsValue> {
        js_sys::JSON::parse(&self.inner.to_json())
    }

    /// The JSON document as text: `JSON.stringify(network)` says the same.
    /// @deprecated use `JSON.stringify(network)`.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// A network from its JSON document (the object of `toJSON`, or its text), checked as
    /// the core checks a network being built.
    #[wasm_bindgen(js_name = fromJSON)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | object")] json: &JsValue,
    ) -> JsResult<Network> {
        let text = json.as_string().or_else(|| js_sys::JSON::stringify(json).ok()?.as_string());
        let Some(text) = text else {
            return invalid("JSON of fromJSON", &args::describe(json), "a JSON document");
        };
        Ok(reseau::Network::from_json(&text).or_throw()?.into())
    }

    /// The network's compiled view in reseau's binary format (a `Uint8Array`): what big
    /// networks are kept as, the same bytes Rust's `CompiledNetwork::save` and Python's
    /// `Network.save` write. People's free-form attributes and the duplicate and self-loop
    /// policies are not kept.
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.inner.compiled().to_bytes()
    }

    /// A network from the bytes of `toBytes` (or of a file saved by Rust or Python), checked
    /// as they are read: a `FormatError` (with `file`, byte `offset` and `field`) for bytes
    /// that are not such a network, or are cut or damaged; an `UnsupportedVersionError` for
    /// those of a newer reseau.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> JsResult<Network> {
        let net = reseau::io::from_bytes(bytes).and_then(reseau::Network::from_compiled);
        Ok(net.or_throw()?.into())
    }

    /// @deprecated the same as `fromJSON`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json_text(
        #[wasm_bindgen(unchecked_param_type = "string | object")] json: &JsValue,
    ) -> JsResult<Network> {
        Network::from_json(json)
    }

    /// The network in graphology's serialisation format, for `Graph.from(data)`.
    #[wasm_bindgen(js_name = toGraphology, unchecked_return_type = "SerializedGraph")]
    pub fn to_graphology(&self) -> JsResult<JsValue> {
        record(&self.inner.to_graphology())
    }

    /// A network from graphology's serialisation format, or from a graphology `Graph` (its
    /// `export()`). Repeated ties are merged and self-loops dropped, both counted, unless
    /// `policy` says otherwise.
    #[wasm_bindgen(js_name = fromGraphology)]
    pub fn from_graphology(
        #[wasm_bindgen(unchecked_param_type = "SerializedGraph | { export(): SerializedGraph }")]
        graph: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TiePolicy")] policy: &JsValue,
    ) -> JsResult<Network> {
        let export = args::property(graph, "export").filter(JsValue::is_function);
        let data = match export {
            Some(export) => export.unchecked_into::<js_sys::Function>().call0(graph)?,
            None => graph.clone(),
        };
        let what = "graphology data";
        let val = Val::from_js(&data).map_err(|e| invalid_argument(what, &e))?;
        let graph: Graphology = val.into_verbatim().map_err(|e| invalid_argument(what, &e))?;
        let policy: TiePolicy = from_val(args::options(policy, "tie policy")?, "tie policy")?;
        Ok(reseau::Network::from_graphology_policy(&graph, policy).or_throw()?.into())
    }
}
