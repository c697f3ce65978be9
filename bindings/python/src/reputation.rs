//! `reseau.reputation` and its result: the core's `reputation` module, converted.
//!
//! The keywords become the core's `ReputationRequest` (each value through its serde type, so
//! a refusal names its keyword); the core checks them and runs with the GIL released; every
//! score comes back as a float64 array indexed by person.

// The docs name PageRank in prose, as the core's do.
#![allow(clippy::doc_markdown)]

use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};
use reseau::reputation::{MultiplexPageRank, Reputation, ReputationRequest, Score};

use crate::cascade::{Reduced, core_value, float_array, model_arg, present, short, to_python};
use crate::control::watched;
use crate::errors::invalid;
use crate::network::PyNetwork;
use crate::results::{html, python_side, reduce};

const SCORES: &str =
    "one of \"degree\", \"pagerank\", \"multiplex_pagerank\", \"core\", \"influence\", or None";

/// Scores by layer name, each a float64 array.
fn by_layer<'py>(
    py: Python<'py>,
    names: &[String],
    values: &[Vec<f64>],
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (name, v) in names.iter().zip(values) {
        dict.set_item(name, float_array(py, v))?;
    }
    Ok(dict)
}

/// Klout-like reputation scores computed from the network, each a float64 array indexed by
/// person id: ``"degree"`` (ties, over all layers or in ``layer``), ``"pagerank"`` (as
/// networkx's ``pagerank`` computes it, on the aggregate of all layers or on ``layer``),
/// ``"multiplex_pagerank"`` (Halu et al. 2013: each layer's walk biased by the centrality in
/// the layers before, which rewards people central in several layers), ``"core"`` (k-core
/// number) and ``"influence"`` (each person's expected spread as a single seed under
/// ``model``, estimated from ``samples`` reverse-reachable sets drawn from ``seed``).
///
/// Without ``method``, every score at once as a :class:`Reputation`; with one, that score
/// as an array. ``damping``, ``tolerance`` and ``max_iterations`` are PageRank's,
/// ``weighted`` uses tie weights, ``multiplex`` is the multiplex PageRank's variant
/// (``"multiplicative"``, ``"additive"``, ``"combined"`` or ``"neutral"``). The GIL is
/// released while the core computes.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> pr = reseau.reputation(net, "pagerank")
/// >>> pr.dtype.name, len(pr), round(float(pr.sum()), 9)
/// ('float64', 61, 1.0)
/// >>> rep = reseau.reputation(net, samples=10_000)
/// >>> sorted(rep.layer_pagerank) == sorted(l.name for l in net.layers), float(rep.degree.max()) > 0
/// (True, True)
/// >>> reseau.reputation(net, "degree", layer="golf")
/// Traceback (most recent call last):
///     ...
/// reseau.UnknownLayerError: unknown layer "golf"
#[pyfunction]
#[pyo3(signature = (
    net, method = None, layer = None, *, damping = 0.85, tolerance = 1e-15,
    max_iterations = 1000, weighted = true, multiplex = None, model = None, samples = 100_000,
    seed = 0, progress = None
))]
#[pyo3(
    text_signature = "(net, method=None, layer=None, *, damping=0.85, tolerance=1e-15, max_iterations=1000, weighted=True, multiplex='multiplicative', model=None, samples=100000, seed=0, progress=None)"
)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn reputation<'py>(
    py: Python<'py>,
    net: PyRef<'py, PyNetwork>,
    method: Option<&Bound<'py, PyAny>>,
    layer: Option<String>,
    damping: f64,
    tolerance: f64,
    max_iterations: i64,
    weighted: bool,
    multiplex: Option<&Bound<'py, PyAny>>,
    model: Option<&Bound<'py, PyAny>>,
    samples: i64,
    seed: u64,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut options = ReputationRequest {
        damping,
        tolerance,
        max_iterations: u32::try_from(max_iterations)
            .map_err(|_| invalid("max_iterations", max_iterations, "an integer >= 1"))?,
        weighted,
        seed,
        samples: u64::try_from(samples)
            .map_err(|_| invalid("samples", samples, "an integer >= 0"))?,
        ..ReputationRequest::default()
    };
    if let Some(m) = present(multiplex) {
        options.multiplex = core_value::<MultiplexPageRank>(
            m,
            "multiplex",
            "one of \"multiplicative\", \"additive\", \"combined\", \"neutral\"",
        )?;
    }
    if let Some(m) = model_arg(model)? {
        options.model = m.get().inner.clone();
    }
    let score = present(method).map(|m| core_value::<Score>(m, "method", SCORES)).transpose()?;
    if score.is_none() {
        if let Some(layer) = &layer {
            return Err(invalid(
                "layer",
                layer,
                "a method with it (without one, every layer's scores come back)",
            ));
        }
    }
    let inner = &net.inner;
    let (view, labels) = py.detach(|| (inner.compiled(), inner.labels()));
    drop(net);
    if let Some(score) = score {
        let values = watched(py, progress, "reputation", |control| {
            let request =
                ReputationRequest { method: Some(score), layer: layer.clone(), ..options.clone() };
            reseau::reputation::score_with(&view, &request, control)
        })?;
        return Ok(float_array(py, &values).into_any());
    }
    let rep = watched(py, progress, "reputation", |control| {
        reseau::reputation::reputation_with(&view, &options, control)
    })?;
    Ok(Bound::new(py, PyReputation { inner: rep, labels })?.into_any())
}

/// The result of :func:`reputation` without a method: every score, each a float64 array
/// indexed by person id: ``degree``, ``pagerank`` (on the aggregate of all layers),
/// ``multiplex_pagerank``, ``core`` (k-core number) and ``influence`` (expected spread as a
/// single seed); per layer, ``layer_degree`` and ``layer_pagerank`` (dicts of layer name to
/// array, in the network's layer order). ``to_pandas()`` gives one row per person.
///
/// >>> import reseau
/// >>> rep = reseau.reputation(reseau.datasets.aarhus_cs(), samples=5000)
/// >>> round(float(rep.pagerank.sum()), 9), rep.core.dtype.name, len(rep.influence)
/// (1.0, 'float64', 61)
#[pyclass(module = "reseau", name = "Reputation", frozen)]
pub(crate) struct PyReputation {
    inner: Reputation,
    labels: Vec<String>,
}

#[pymethods]
impl PyReputation {
    /// The layer names, in the network's order (that of ``layer_degree`` and
    /// ``layer_pagerank``).
    #[getter]
    fn layer_names(&self) -> Vec<String> {
        self.inner.layer_names.clone()
    }

    /// Each person's ties over all layers.
    #[getter]
    fn degree<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        float_array(py, &self.inner.degree)
    }

    /// Each person's ties in each layer, by layer name.
    #[getter]
    fn layer_degree<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        by_layer(py, &self.inner.layer_names, &self.inner.layer_degree)
    }

    /// PageRank on the aggregate of all layers (sums to 1).
    #[getter]
    fn pagerank<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        float_array(py, &self.inner.pagerank)
    }

    /// PageRank of each layer alone, by layer name.
    #[getter]
    fn layer_pagerank<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        by_layer(py, &self.inner.layer_names, &self.inner.layer_pagerank)
    }

    /// The multiplex PageRank (Halu et al. 2013), which rewards people central in several
    /// layers.
    #[getter]
    fn multiplex_pagerank<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        float_array(py, &self.inner.multiplex_pagerank)
    }

    /// The k-core number on the aggregate undirected graph.
    #[getter]
    fn core<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        float_array(py, &self.inner.core)
    }

    /// Each person's expected spread as a single seed (empty with ``samples=0``).
    #[getter]
    fn influence<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        float_array(py, &self.inner.influence)
    }

    /// The power iterations of the aggregate PageRank.
    #[getter]
    fn iterations(&self) -> u32 {
        self.inner.iterations
    }

    /// The people's labels, indexed by id.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.labels.clone()
    }

    /// The scores as a dict (the core's serde form: per-layer scores as lists in the order
    /// of ``layer_names``).
    ///
    /// >>> import reseau
    /// >>> d = reseau.reputation(reseau.datasets.aarhus_cs(), samples=100).to_dict()
    /// >>> d["layer_names"][0], len(d["layer_pagerank"]), len(d["core"])
    /// ('lunch', 5, 61)
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner, "reputation")
    }

    /// One row per person, indexed by id: ``label``, ``degree``, ``pagerank``,
    /// ``multiplex_pagerank``, ``core``, ``influence``, then ``degree[layer]`` and
    /// ``pagerank[layer]`` for each layer. Needs pandas.
    ///
    /// >>> import reseau
    /// >>> df = reseau.reputation(reseau.datasets.aarhus_cs(), samples=1000).to_pandas()
    /// >>> list(df.columns[:6]), len(df), "pagerank[lunch]" in df
    /// (['label', 'degree', 'pagerank', 'multiplex_pagerank', 'core', 'influence'], 61, True)
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        python_side(slf.py(), "reseau._pandas", "reputation_frame", (slf,))
    }

    /// The notebook view: the most influential people by each score (HTML).
    ///
    /// >>> import reseau
    /// >>> "<table>" in reseau.reputation(reseau.datasets.aarhus_cs(), samples=200)._repr_html_()
    /// True
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        html(slf, "reputation_html")
    }

    fn __repr__(&self) -> String {
        let r = &self.inner;
        let top = r
            .pagerank
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map_or_else(String::new, |(i, p)| {
                format!("; top PageRank {} ({})", self.labels[i], short(*p))
            });
        format!(
            "<reseau.Reputation: {} people, {} layers{top}>",
            r.degree.len(),
            r.layer_names.len()
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (Bound<'py, PyAny>, Vec<String>)> {
        let this = slf.get();
        reduce(slf, (this.to_dict(slf.py())?, this.labels.clone()))
    }

    #[classmethod]
    #[pyo3(name = "_from_state")]
    fn from_state(
        _cls: &Bound<'_, PyType>,
        reputation: &Bound<'_, PyAny>,
        labels: Vec<String>,
    ) -> PyResult<Self> {
        let inner =
            core_value(reputation, "reputation", "a dict as Reputation.to_dict() writes it")?;
        Ok(PyReputation { inner, labels })
    }
}
