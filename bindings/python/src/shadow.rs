//! `reseau.shadow_gap`: the core's `shadow::shadow_gap`, its keyword arguments read into the
//! core's `ShadowGapRequest`. It runs on a snapshot of the network.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use reseau::shadow::{ShadowGapRequest, shadow_gap_with};

use crate::args::Args;
use crate::control::watched;
use crate::network::PyNetwork;
use crate::objects::result;

/// What the analyst misses: the spread of ``sources`` (ids or labels; default the network's
/// organisations, its lobbies) on the full network, shadow layers included, against on the
/// analyst's view (:meth:`Network.observed`), each with its 95% interval.
///
/// The keyword arguments are the core's ``ShadowGapRequest`` (``shadow_layers``: layers to
/// hide besides those marked; ``share``: the share of each shadow layer's ties kept in the
/// truth, in [0, 1]; ``model``, ``runs``, ``seed``) and the binding's ``progress`` (see
/// :func:`simulate`). It runs on a copy of the network, which may change meanwhile.
///
/// >>> import reseau
/// >>> net = reseau.generators.professional(people=200, lobbies=2, seed=1)
/// >>> gap = reseau.shadow_gap(net, runs=200)
/// >>> gap.sources.tolist(), gap.observed_spread, gap.full_spread > 2
/// ([200, 201], 2.0, True)
/// >>> reseau.shadow_gap(net, share=1.5)
/// Traceback (most recent call last):
///     ...
/// reseau.InvalidParameterError: invalid share: 1.5 (expected a probability in [0, 1])
#[pyfunction]
#[pyo3(signature = (net, sources = None, **kwargs))]
pub(crate) fn shadow_gap<'py>(
    py: Python<'py>,
    net: PyRef<'py, PyNetwork>,
    sources: Option<&Bound<'py, PyAny>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    // A copy taken with the GIL held, and the borrow ended (see `inference::run`).
    let copy = net.inner.clone();
    drop(net);
    let args = Args::new(py, "shadow_gap", kwargs)?.with("sources", sources)?.models()?;
    let progress = args.take("progress")?;
    let request: ShadowGapRequest = args.request()?;
    let gap =
        watched(py, progress.as_ref(), "shadow_gap", |c| shadow_gap_with(&copy, &request, c))?;
    result(py, "ShadowGap", &gap, None)
}
