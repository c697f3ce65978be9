//! `reseau.route_referrals`, `reseau.trace_referrals` and `reseau.referral_load_curve`: the
//! core's `referral` entry points, their keyword arguments read into the core's requests.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use reseau::referral::{self, LoadCurveRequest, ReferralRequest};

use crate::args::{Args, run, take};
use crate::errors::err;
use crate::network::PyNetwork;
use crate::ser::to_plain;

/// The arguments of `route_referrals` and `trace_referrals`: the requests named and checked.
fn args<'py>(
    py: Python<'py>,
    function: &'static str,
    requests: Option<&Bound<'py, PyAny>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Args<'py>> {
    Args::new(py, function, kwargs)?.with("requests", requests)?.people(&[], &["requests"])
}

/// Routes referral requests through ``net`` and summarises what happened: the success rate
/// with its 95% confidence interval, chain lengths and times, attrition at each hop, the
/// hops carried by each layer and the most solicited people.
///
/// A request travels hop by hop from its source towards its target. Each holder who is not
/// the target takes it in (their load grows by 1) and then drops it, with probability
/// 1 - base × willingness (base: ``forward``, or the ``layer_forward`` entry of the layer it
/// arrived on; willingness: ``fatigue`` at their load before it), or passes it to one
/// contact chosen by ``strategy`` among those who have not held it:
///
/// * ``"greedy"``: towards the target by what a person can plausibly know (lattice distance
///   when everyone has a position, else the target's group, else a landmark estimate);
/// * ``"oracle"``: the true shortest-path distance (an upper bound);
/// * ``"strongest_tie"``, ``"hub"`` (most ties) or ``"random"``.
///
/// ``physical_share`` is the probability of choosing among physical rather than digital ties
/// when both are available (``None``: no preference); ``max_hops`` drops a request after that
/// many ties. Every request shares the same fatigue state, so heavy traffic tires everyone.
///
/// The requests are, either:
///
/// * ``requests``: explicit ``[(source, target), ...]`` pairs (ids or labels, or an integer
///   numpy array of shape (k, 2)), all starting at step 0, or at ``rate`` per step; or
/// * random pairs of distinct people (the core's random workload: ``rate`` requests start
///   per step during ``steps`` steps, ⌊rate·steps⌋ in all). Any two of ``n_requests``,
///   ``rate`` and ``steps`` set the third: ``n_requests`` alone (default 1000) starts them
///   all at step 0 (``rate=n_requests, steps=1``); with ``rate``, the fewest steps that start
///   ``n_requests`` (⌈``n_requests`` / ``rate``⌉; when ``rate`` does not divide ``n_requests`` the
///   last step brings the count up to fewer than ``rate`` more); with ``steps``,
///   ``rate = n_requests / steps`` (exactly ``n_requests``); ``rate`` and ``steps`` together
///   give ⌊rate·steps⌋ (``n_requests``, if given too, must agree).
///
/// The keyword arguments are the core's ``ReferralRequest`` (their defaults are in the type
/// stubs) and the binding's ``progress`` (see :func:`simulate`). The result is deterministic
/// for a ``seed``, the same in Rust, Python and JavaScript. The routing runs with the GIL
/// released.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> s = reseau.route_referrals(net, n_requests=500, rate=5, forward=0.8,
/// ...                            fatigue=reseau.Fatigue.hill(half=3, exponent=2, half_life=10), seed=1)
/// >>> s.requests, bool(s.succeeded == s.chain_lengths.sum()), s.success_ci95[0] <= s.success_rate
/// (500, True, True)
/// >>> one = reseau.route_referrals(net, [("U4", "U102")], strategy="oracle")
/// >>> one.succeeded, one.chain_lengths.tolist()
/// (1, [0, 0, 1])
/// >>> reseau.route_referrals(net, [("U4", "nobody")])
/// Traceback (most recent call last):
///     ...
/// reseau.UnknownPersonError: unknown person "nobody"
#[pyfunction]
#[pyo3(signature = (net, requests = None, **kwargs))]
pub(crate) fn route_referrals<'py>(
    py: Python<'py>,
    net: PyRef<'py, PyNetwork>,
    requests: Option<&Bound<'py, PyAny>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let taken = take(py, net, true);
    let args = args(py, "route_referrals", requests, kwargs)?;
    run(py, taken, &args, "ReferralSummary", |view, request: &ReferralRequest, control| {
        referral::route_referrals_with(view, request, control)
    })
}

/// Routes requests exactly as :func:`route_referrals` does with the same arguments and
/// returns every request's journey, in request order (the order of ``requests``, or of
/// arrival): a list of dicts, the core's one shape of a trace in every language:
/// ``source`` and ``target`` (ids), ``start`` and ``end`` (steps), ``path`` (the ids of
/// everyone who held it, the source first) and ``labels`` (theirs), ``layers`` (the name of
/// the layer of each hop: ``layers[i]`` joins ``path[i]`` to ``path[i + 1]``), ``hops`` and
/// ``outcome``: ``"delivered"``, ``"unwilling"`` (a holder dropped it), ``"dead_end"``
/// (no contact left who had not held it), ``"truncated"`` (``max_hops`` reached) or
/// ``"ignored"`` (the target was too tired to take it in). ``pandas.DataFrame(records)``
/// makes a table of them.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> (t,) = reseau.trace_referrals(net, [("U4", "U102")], strategy="oracle")
/// >>> t["labels"], t["layers"], t["outcome"]
/// (['U4', 'U33', 'U102'], ['lunch', 'lunch'], 'delivered')
/// >>> t["path"] == [net.index_of(label) for label in t["labels"]]
/// True
/// >>> records = reseau.trace_referrals(net, n_requests=200, forward=0.7, seed=9)
/// >>> delivered = sum(r["outcome"] == "delivered" for r in records)
/// >>> delivered == reseau.route_referrals(net, n_requests=200, forward=0.7, seed=9).succeeded
/// True
#[pyfunction]
#[pyo3(signature = (net, requests = None, **kwargs))]
pub(crate) fn trace_referrals<'py>(
    py: Python<'py>,
    net: PyRef<'py, PyNetwork>,
    requests: Option<&Bound<'py, PyAny>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let view = net.compiled(py);
    drop(net);
    let request: ReferralRequest = args(py, "trace_referrals", requests, kwargs)?.request()?;
    let traces = py.detach(|| referral::trace_referrals(&view, &request)).map_err(err)?;
    to_plain(py, &traces)
}

/// The referral load curve: for each request ``rate`` (increasing), random requests start
/// at that rate during ``steps`` steps, and the requests started after a warm-up (the first
/// half of the steps, while loads build up) are followed to their end; the **throughput** is
/// how many of them reach their target per step. With fatigue that decays (a finite
/// ``half_life``) throughput rises with the rate while people have attention to spare,
/// peaks, then collapses as everyone is flooded with requests and stops forwarding them.
///
/// Each rate sees the same sequence of random pairs (from ``seed``); the rates run in
/// parallel with the GIL released, and the result does not depend on the number of threads.
/// The routing keywords are those of :func:`route_referrals`.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> tired = reseau.Fatigue.hill(half=2, exponent=2, half_life=10)
/// >>> curve = reseau.referral_load_curve(net, [0.5 * 2**i for i in range(11)], steps=300, fatigue=tired, seed=7)
/// >>> bool(curve.throughput[1] > curve.throughput[0]), 1 < curve.peak_rate < 512, curve.collapse_rate is not None
/// (True, True, True)
/// >>> reseau.referral_load_curve(net, [2.0, 1.0])
/// Traceback (most recent call last):
///     ...
/// reseau.InvalidParameterError: invalid rates: 2 then 1 (expected increasing rates)
#[pyfunction]
#[pyo3(signature = (net, rates, **kwargs))]
pub(crate) fn referral_load_curve<'py>(
    py: Python<'py>,
    net: PyRef<'py, PyNetwork>,
    rates: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let taken = take(py, net, false);
    let args = Args::new(py, "referral_load_curve", kwargs)?.with("rates", Some(rates))?;
    run(py, taken, &args, "LoadCurve", |view, request: &LoadCurveRequest, control| {
        referral::referral_load_curve_with(view, request, control)
    })
}
