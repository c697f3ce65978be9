//! `reseau.reputation`: the core's reputation scores, the keyword arguments read into the
//! core's `ReputationRequest`: every score (`reputation`), or the one `method` names
//! (`score`, a float64 array indexed by person).

// The docs name PageRank in prose, as the core's do.
#![allow(clippy::doc_markdown)]

use numpy::IntoPyArray;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use reseau::cascade::SimulateRequest;
use reseau::reputation::{self as scores, EReputationRequest, ReputationRequest};

use crate::args::Args;
use crate::control::watched;
use crate::de::from_py;
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
    let (view, labels) = net.view(py);
    drop(net);
    let args = Args::new(py, "reputation", kwargs)?.with("method", method)?.with("layer", layer)?;
    let args = args.models()?;
    let progress = args.take("progress")?;
    let request: ReputationRequest = args.request()?;
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

/// A person's or an organisation's e-reputation once good and bad buzz have spread: the net
/// view (good minus bad) of its audience, each view weighted by a centrality score, as an
/// :class:`EReputation` (``score`` in [-1, 1], ``good``, ``bad``, ``audience``, the subject's
/// own ``centrality`` and the buzz's :class:`CascadeSummary`, whose ``opinion`` follows the
/// views step by step).
///
/// ``people`` is the subject (a person, or an organisation's members); ``seeds`` and
/// ``model`` start the good buzz, and the other keyword arguments are the core's
/// ``SimulateRequest`` (``bad_seeds``, ``good_start``, ``bad_start``, ``runs``, ``seed``) with
/// the core's ``EReputationRequest``'s ``weight`` (a score name, default ``"pagerank"``;
/// ``None``: every view weighs the same) and ``audience`` (``"ties"``, the people tied to the
/// subject, or ``"everyone"``), and the binding's ``progress`` (see :func:`simulate`).
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> rep = reseau.e_reputation(net, "U102", ["U4"], bad_seeds=["U1"], good_start=2, runs=200, seed=1)
/// >>> -1 <= rep.score <= 1, rep.audience > 0, float(rep.buzz.opinion.good[0])
/// (True, True, 0.0)
#[pyfunction]
#[pyo3(signature = (net, people, seeds, model = None, **kwargs))]
pub(crate) fn e_reputation<'py>(
    py: Python<'py>,
    net: PyRef<'py, PyNetwork>,
    people: &Bound<'py, PyAny>,
    seeds: &Bound<'py, PyAny>,
    model: Option<&Bound<'py, PyAny>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (view, labels) = net.view(py);
    drop(net);
    // `weight=None` asks for equal weights, so it is read before `None`s are dropped.
    let own = PyDict::new(py);
    if let Some(kwargs) = kwargs {
        for key in ["weight", "audience"] {
            if let Some(value) = kwargs.get_item(key)? {
                own.set_item(key, value)?;
                kwargs.del_item(key)?;
            }
        }
    }
    let args = Args::new(py, "e_reputation", kwargs)?
        .with("people", Some(people))?
        .with("seeds", Some(seeds))?
        .with("model", model)?
        .people(&["people", "seeds", "bad_seeds"], &[])?
        .models()?;
    own.set_item("people", args.take("people")?)?;
    let progress = args.take("progress")?;
    let buzz: SimulateRequest = args.request()?;
    let request =
        EReputationRequest { buzz, ..from_py(own.as_any(), "e_reputation", "e_reputation")? };
    let out = watched(py, progress.as_ref(), "e_reputation", |control| {
        scores::e_reputation_with(&view, &request, control)
    })?;
    result(py, "EReputation", &out, Some(labels))
}
