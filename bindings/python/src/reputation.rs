//! `reseau.reputation`: the core's reputation scores, the keyword arguments read into the
//! core's `ReputationRequest`: every score (`reputation`), or the one `method` names
//! (`score`, a float64 array indexed by person).

// The docs name PageRank in prose, as the core's do.
#![allow(clippy::doc_markdown)]

use numpy::IntoPyArray;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use reseau::reputation::{self as scores, ReputationRequest};

use crate::args::Args;
use crate::control::watched;
use crate::network::PyNetwork;
use crate::objects::result;

/// Klout-like reputation scores computed from the network, each a float64 array indexed by
/// person id: ``"degree"`` (ties, over all layers or in ``layer``), ``"pagerank"`` (as
/// networkx's ``pagerank`` computes it, on the aggregate of all layers or on ``layer``),
/// ``"multiplex_pagerank"`` (Halu et al. 2013: each layer's walk biased by the centrality in
/// the layers before, which rewards people central in several layers), ``"core"`` (k-core
/// number) and ``"influence"`` (each person's expected spread as a single seed under
/// ``model``, estimated from ``samples`` reverse-reachable sets drawn from ``seed``).
///
/// Without ``method``, every score at once as a :class:`Reputation`; with one, that score
/// as an array. The keyword arguments are the core's ``ReputationRequest`` (their defaults
/// are in the type stubs) and the binding's ``progress`` (see :func:`simulate`): ``damping``,
/// ``tolerance`` and ``max_iterations`` are PageRank's, ``weighted`` uses tie weights,
/// ``multiplex`` is the multiplex PageRank's variant (``"multiplicative"``, ``"additive"``,
/// ``"combined"`` or ``"neutral"``). The GIL is released while the core computes.
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
#[pyo3(signature = (net, method = None, layer = None, **kwargs))]
pub(crate) fn reputation<'py>(
    py: Python<'py>,
    net: PyRef<'py, PyNetwork>,
    method: Option<&Bound<'py, PyAny>>,
    layer: Option<&Bound<'py, PyAny>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let args = Args::new(py, "reputation", kwargs)?.with("method", method)?.with("layer", layer)?;
    let args = args.models()?;
    let progress = args.take("progress")?;
    let request: ReputationRequest = args.request()?;
    let (view, labels) = net.view(py);
    drop(net);
    if request.method.is_some() {
        let values = watched(py, progress.as_ref(), "reputation", |control| {
            scores::score_with(&view, &request, control)
        })?;
        return Ok(values.into_pyarray(py).into_any());
    }
    let scores = watched(py, progress.as_ref(), "reputation", |control| {
        scores::reputation_with(&view, &request, control)
    })?;
    result(py, "Reputation", &scores, Some(labels))
}
