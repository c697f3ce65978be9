//! `reseau.route_referrals`, `reseau.trace_referrals`, `reseau.referral_load_curve` and their
//! results: the core's `referral` module, converted.
//!
//! The routing options are read one keyword at a time into the core's `RouteOptions` (each
//! value through JSON into its serde type, so a refusal names its keyword) and checked by the
//! core; requests are resolved (ids or labels) with the GIL, the core runs with it released,
//! and the results come back as numpy arrays and plain Python objects.

use std::collections::BTreeMap;

use numpy::ndarray::Array2;
use numpy::{PyArray1, PyArray2, PyReadonlyArray1, PyReadonlyArray2};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyType};
use reseau::referral::{
    self, LoadCurve, LoadCurveRequest, Outcome, ReferralRequest, ReferralSummary, ReferralTrace,
    RouteOptions, Strategy, Workload,
};
use reseau::{CompiledNetwork, Error, Network};

use crate::cascade::{
    Reduced, by_name, core_value, float_array, person_arg, present, short, to_python, type_name,
    variant_name,
};
use crate::control::watched;
use crate::errors::{err, invalid};
use crate::fatigue::fatigue_arg;
use crate::network::PyNetwork;
use crate::results::{html, plot, python_side, reduce};

const STRATEGIES: &str = "one of \"greedy\", \"oracle\", \"strongest_tie\", \"hub\", \"random\"";

// ----- arguments -----

/// The routing keyword arguments every entry point takes.
pub(crate) struct RouteArgs<'a, 'py> {
    pub(crate) strategy: Option<&'a Bound<'py, PyAny>>,
    pub(crate) physical_share: Option<&'a Bound<'py, PyAny>>,
    pub(crate) forward: Option<&'a Bound<'py, PyAny>>,
    pub(crate) layer_forward: Option<&'a Bound<'py, PyAny>>,
    pub(crate) max_hops: Option<&'a Bound<'py, PyAny>>,
    pub(crate) fatigue: Option<&'a Bound<'py, PyAny>>,
    pub(crate) digital_fatigue: Option<&'a Bound<'py, PyAny>>,
}

impl RouteArgs<'_, '_> {
    /// The core's options; their domains are checked by the core when it runs.
    pub(crate) fn options(&self) -> PyResult<RouteOptions> {
        let mut options = RouteOptions::default();
        if let Some(s) = present(self.strategy) {
            options.strategy = core_value::<Strategy>(s, "strategy", STRATEGIES)?;
        }
        if let Some(p) = present(self.physical_share) {
            options.physical_share =
                Some(core_value(p, "physical_share", "a probability in [0, 1], or None")?);
        }
        if let Some(p) = present(self.forward) {
            options.forward = core_value(p, "forward", "a probability in [0, 1]")?;
        }
        if let Some(l) = present(self.layer_forward) {
            options.layer_forward = core_value::<BTreeMap<String, f64>>(
                l,
                "layer_forward",
                "a dict of layer name to probability in [0, 1]",
            )?;
        }
        if let Some(h) = present(self.max_hops) {
            options.max_hops = core_value(h, "max_hops", "an integer >= 1")?;
        }
        if let Some(f) = present(self.fatigue) {
            options.fatigue = Some(fatigue_arg(f)?);
        }
        if let Some(f) = present(self.digital_fatigue) {
            options.digital_fatigue = Some(fatigue_arg(f)?);
        }
        Ok(options)
    }
}

/// A person id of an integer array: anything not a person of `net` is `UnknownPersonError`.
fn array_person(net: &Network, id: impl Into<i128>) -> PyResult<u32> {
    let id: i128 = id.into();
    match u32::try_from(id) {
        Ok(p) if (p as usize) < net.num_people() => Ok(p),
        _ => Err(err(Error::UnknownPerson { person: format!("#{id}") })),
    }
}

/// Explicit requests: `[(source, target), ...]` by id or label, or an integer array of shape
/// (k, 2).
fn requests_arg(net: &Network, requests: &Bound<'_, PyAny>) -> PyResult<Vec<[u32; 2]>> {
    let py = requests.py();
    let not_pairs = || {
        PyTypeError::new_err(format!(
            "requests: expected (source, target) pairs (a list, or an integer array of shape \
             (k, 2)), not {}",
            type_name(requests)
        ))
    };
    if requests.is_instance_of::<PyString>() {
        return Err(not_pairs());
    }
    let numpy = py.import("numpy")?;
    if requests.is_instance(&numpy.getattr("ndarray")?)? {
        let shape: Vec<usize> = requests.getattr("shape")?.extract()?;
        let kind: String = requests.getattr("dtype")?.getattr("kind")?.extract()?;
        if kind == "i" || kind == "u" {
            if shape.len() != 2 || shape[1] != 2 {
                return Err(PyTypeError::new_err(format!(
                    "requests: an array of requests has shape (k, 2), not {shape:?}"
                )));
            }
            let pairs = if kind == "u" {
                let array = requests.call_method1("astype", ("uint64",))?;
                let array: PyReadonlyArray2<'_, u64> = array.extract()?;
                array
                    .as_array()
                    .rows()
                    .into_iter()
                    .map(|r| Ok([array_person(net, r[0])?, array_person(net, r[1])?]))
                    .collect::<PyResult<_>>()?
            } else {
                let array = requests.call_method1("astype", ("int64",))?;
                let array: PyReadonlyArray2<'_, i64> = array.extract()?;
                array
                    .as_array()
                    .rows()
                    .into_iter()
                    .map(|r| Ok([array_person(net, r[0])?, array_person(net, r[1])?]))
                    .collect::<PyResult<_>>()?
            };
            return Ok(pairs);
        }
        if kind != "U" && kind != "O" {
            return Err(not_pairs());
        }
        // An array of labels (or of objects): one request at a time, as a list would be.
    }
    let items = requests.try_iter().map_err(|_| not_pairs())?;
    let mut pairs = Vec::new();
    for (i, item) in items.enumerate() {
        let item = item?;
        let what = format!("requests[{i}]");
        let not_a_pair = || {
            PyTypeError::new_err(format!(
                "{what}: a request is a (source, target) pair, not {}",
                item.repr().map_or_else(|_| type_name(&item), |r| r.to_string())
            ))
        };
        if item.is_instance_of::<PyString>() {
            return Err(not_a_pair());
        }
        let ends: Vec<Bound<'_, PyAny>> =
            item.try_iter().map_err(|_| not_a_pair())?.collect::<PyResult<_>>()?;
        let [source, target] = ends.as_slice() else { return Err(not_a_pair()) };
        pairs.push([person_arg(net, source, &what)?, person_arg(net, target, &what)?]);
    }
    Ok(pairs)
}

/// Random requests: `n_requests` arriving at `rate` per step over `steps`, mapped onto a
/// workload by the core (any two of the three set the third).
fn random_workload(n: Option<u64>, rate: Option<f64>, steps: Option<u32>) -> PyResult<Workload> {
    Workload::random_requests(n, rate, steps).map_err(err)
}

/// What every referral call needs, taken with the GIL: the workload, the options, the
/// compiled view (compiled with the GIL released, and cached by the network) and the labels.
struct Call {
    workload: Workload,
    options: RouteOptions,
    view: std::sync::Arc<CompiledNetwork>,
    labels: Vec<String>,
}

/// The arguments of `route_referrals` and `trace_referrals`.
struct WorkloadArgs<'a, 'py> {
    requests: Option<&'a Bound<'py, PyAny>>,
    n_requests: Option<&'a Bound<'py, PyAny>>,
    rate: Option<&'a Bound<'py, PyAny>>,
    steps: Option<&'a Bound<'py, PyAny>>,
}

fn prepare(
    py: Python<'_>,
    net: &PyRef<'_, PyNetwork>,
    work: &WorkloadArgs<'_, '_>,
    route: &RouteArgs<'_, '_>,
) -> PyResult<Call> {
    let inner = &net.inner;
    let rate = present(work.rate)
        .map(|r| core_value::<f64>(r, "rate", "a finite number > 0 (requests per step)"))
        .transpose()?;
    let workload = if let Some(requests) = present(work.requests) {
        for (name, value) in [("n_requests", work.n_requests), ("steps", work.steps)] {
            if let Some(value) = present(value) {
                return Err(invalid(
                    name,
                    value.repr()?,
                    "None when requests are given (they set the count; rate spreads them out)",
                ));
            }
        }
        Workload::Pairs { pairs: requests_arg(inner, requests)?, rate }
    } else {
        let n = present(work.n_requests)
            .map(|n| core_value::<u64>(n, "n_requests", "an integer >= 1"))
            .transpose()?;
        let steps = present(work.steps)
            .map(|s| core_value::<u32>(s, "steps", "an integer >= 1"))
            .transpose()?;
        random_workload(n, rate, steps)?
    };
    let options = route.options()?;
    let (view, labels) = py.detach(|| (inner.compiled(), inner.labels()));
    Ok(Call { workload, options, view, labels })
}

fn layer_names(view: &CompiledNetwork) -> Vec<String> {
    view.layers().iter().map(|l| l.name.clone()).collect()
}

fn u64_array<'py>(py: Python<'py>, values: &[u64]) -> Bound<'py, PyArray1<u64>> {
    PyArray1::from_slice(py, values)
}

// ----- entry points -----

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
/// The result is deterministic for a ``seed``, the same in Rust, Python and JavaScript. The
/// routing runs with the GIL released.
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
#[pyo3(signature = (
    net, requests = None, *, n_requests = None, rate = None, steps = None, strategy = None,
    physical_share = None, forward = None, layer_forward = None, max_hops = None, fatigue = None, digital_fatigue = None,
    seed = 0, progress = None
))]
#[pyo3(
    text_signature = "(net, requests=None, *, n_requests=1000, rate=None, steps=None, strategy='greedy', physical_share=None, forward=1.0, layer_forward=None, max_hops=50, fatigue=None, digital_fatigue=None, seed=0, progress=None)"
)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn route_referrals(
    py: Python<'_>,
    net: PyRef<'_, PyNetwork>,
    requests: Option<&Bound<'_, PyAny>>,
    n_requests: Option<&Bound<'_, PyAny>>,
    rate: Option<&Bound<'_, PyAny>>,
    steps: Option<&Bound<'_, PyAny>>,
    strategy: Option<&Bound<'_, PyAny>>,
    physical_share: Option<&Bound<'_, PyAny>>,
    forward: Option<&Bound<'_, PyAny>>,
    layer_forward: Option<&Bound<'_, PyAny>>,
    max_hops: Option<&Bound<'_, PyAny>>,
    fatigue: Option<&Bound<'_, PyAny>>,
    digital_fatigue: Option<&Bound<'_, PyAny>>,
    seed: u64,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReferralSummary> {
    let work = WorkloadArgs { requests, n_requests, rate, steps };
    let route = RouteArgs {
        strategy,
        physical_share,
        forward,
        layer_forward,
        max_hops,
        fatigue,
        digital_fatigue,
    };
    let call = prepare(py, &net, &work, &route)?;
    // The network may change while the requests travel: they use the compiled view.
    drop(net);
    let view = &call.view;
    let request = ReferralRequest::new(call.workload).options(call.options).seed(seed);
    let summary = watched(py, progress, "route_referrals", |control| {
        referral::route_referrals_with(view, &request, control)
    })?;
    Ok(PyReferralSummary { inner: summary, labels: call.labels })
}

/// Routes requests exactly as :func:`route_referrals` does with the same arguments and
/// returns every request's journey, in request order (the order of ``requests``, or of
/// arrival): a list of dicts with ``source`` and ``target`` (labels), ``start`` and ``end``
/// (steps), ``path`` (the labels of everyone who held it, the source first), ``layers`` (the
/// name of the layer of each hop: ``layers[i]`` joins ``path[i]`` to ``path[i + 1]``), ``hops``
/// and ``outcome``: ``"delivered"``, ``"unwilling"`` (a holder dropped it), ``"dead_end"``
/// (no contact left who had not held it), ``"truncated"`` (``max_hops`` reached) or
/// ``"ignored"`` (the target was too tired to take it in). ``pandas.DataFrame(records)``
/// makes a table of them.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> (t,) = reseau.trace_referrals(net, [("U4", "U102")], strategy="oracle")
/// >>> t["path"], t["layers"], t["outcome"]
/// (['U4', 'U33', 'U102'], ['lunch', 'lunch'], 'delivered')
/// >>> records = reseau.trace_referrals(net, n_requests=200, forward=0.7, seed=9)
/// >>> delivered = sum(r["outcome"] == "delivered" for r in records)
/// >>> delivered == reseau.route_referrals(net, n_requests=200, forward=0.7, seed=9).succeeded
/// True
#[pyfunction]
#[pyo3(signature = (
    net, requests = None, *, n_requests = None, rate = None, steps = None, strategy = None,
    physical_share = None, forward = None, layer_forward = None, max_hops = None, fatigue = None, digital_fatigue = None,
    seed = 0
))]
#[pyo3(
    text_signature = "(net, requests=None, *, n_requests=1000, rate=None, steps=None, strategy='greedy', physical_share=None, forward=1.0, layer_forward=None, max_hops=50, fatigue=None, digital_fatigue=None, seed=0)"
)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn trace_referrals<'py>(
    py: Python<'py>,
    net: PyRef<'_, PyNetwork>,
    requests: Option<&Bound<'_, PyAny>>,
    n_requests: Option<&Bound<'_, PyAny>>,
    rate: Option<&Bound<'_, PyAny>>,
    steps: Option<&Bound<'_, PyAny>>,
    strategy: Option<&Bound<'_, PyAny>>,
    physical_share: Option<&Bound<'_, PyAny>>,
    forward: Option<&Bound<'_, PyAny>>,
    layer_forward: Option<&Bound<'_, PyAny>>,
    max_hops: Option<&Bound<'_, PyAny>>,
    fatigue: Option<&Bound<'_, PyAny>>,
    digital_fatigue: Option<&Bound<'_, PyAny>>,
    seed: u64,
) -> PyResult<Bound<'py, PyList>> {
    let work = WorkloadArgs { requests, n_requests, rate, steps };
    let route = RouteArgs {
        strategy,
        physical_share,
        forward,
        layer_forward,
        max_hops,
        fatigue,
        digital_fatigue,
    };
    let call = prepare(py, &net, &work, &route)?;
    drop(net);
    let view = &call.view;
    let request = ReferralRequest::new(call.workload).options(call.options).seed(seed);
    let traces = py.detach(|| referral::trace_referrals(view, &request)).map_err(err)?;
    trace_records(py, &traces, &call.labels, &layer_names(view))
}

fn trace_records<'py>(
    py: Python<'py>,
    traces: &[ReferralTrace],
    labels: &[String],
    layers: &[String],
) -> PyResult<Bound<'py, PyList>> {
    // One Python string per person and layer, shared by every record.
    let label_objects: Vec<Bound<'py, PyString>> =
        labels.iter().map(|l| PyString::new(py, l)).collect();
    let layer_objects: Vec<Bound<'py, PyString>> =
        layers.iter().map(|l| PyString::new(py, l)).collect();
    let outcomes: Vec<(Outcome, Bound<'py, PyString>)> = [
        Outcome::Delivered,
        Outcome::Unwilling,
        Outcome::DeadEnd,
        Outcome::Truncated,
        Outcome::Ignored,
    ]
    .into_iter()
    .map(|o| (o, PyString::new(py, &variant_name(&o))))
    .collect();
    let list = PyList::empty(py);
    for t in traces {
        let record = PyDict::new(py);
        record.set_item("source", &label_objects[t.source as usize])?;
        record.set_item("target", &label_objects[t.target as usize])?;
        record.set_item("start", t.start)?;
        record.set_item("end", t.end)?;
        let path = PyList::new(py, t.path.iter().map(|&p| &label_objects[p as usize]))?;
        record.set_item("path", path)?;
        let layer_of = |name: &String| layers.iter().position(|l| l == name).unwrap_or(0);
        let hops = PyList::new(py, t.layers.iter().map(|l| &layer_objects[layer_of(l)]))?;
        record.set_item("layers", hops)?;
        record.set_item("hops", t.hops)?;
        let outcome = outcomes.iter().find(|(o, _)| *o == t.outcome).map(|(_, name)| name);
        record.set_item("outcome", outcome)?;
        list.append(record)?;
    }
    Ok(list)
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
#[pyo3(signature = (
    net, rates, *, steps = None, strategy = None, physical_share = None, forward = None,
    layer_forward = None, max_hops = None, fatigue = None, digital_fatigue = None, seed = 0, progress = None
))]
#[pyo3(
    text_signature = "(net, rates, *, steps=200, strategy='greedy', physical_share=None, forward=1.0, layer_forward=None, max_hops=50, fatigue=None, digital_fatigue=None, seed=0, progress=None)"
)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn referral_load_curve(
    py: Python<'_>,
    net: PyRef<'_, PyNetwork>,
    rates: &Bound<'_, PyAny>,
    steps: Option<&Bound<'_, PyAny>>,
    strategy: Option<&Bound<'_, PyAny>>,
    physical_share: Option<&Bound<'_, PyAny>>,
    forward: Option<&Bound<'_, PyAny>>,
    layer_forward: Option<&Bound<'_, PyAny>>,
    max_hops: Option<&Bound<'_, PyAny>>,
    fatigue: Option<&Bound<'_, PyAny>>,
    digital_fatigue: Option<&Bound<'_, PyAny>>,
    seed: u64,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyLoadCurve> {
    let rates: Vec<f64> = if let Ok(array) = rates.extract::<PyReadonlyArray1<'_, f64>>() {
        array.as_array().iter().copied().collect()
    } else {
        core_value(rates, "rates", "an increasing sequence of rates > 0 (requests per step)")?
    };
    let steps = present(steps)
        .map(|s| core_value::<u32>(s, "steps", "an integer >= 1"))
        .transpose()?
        .unwrap_or(referral::DEFAULT_CURVE_STEPS);
    let route = RouteArgs {
        strategy,
        physical_share,
        forward,
        layer_forward,
        max_hops,
        fatigue,
        digital_fatigue,
    };
    let options = route.options()?;
    let inner = &net.inner;
    let view = py.detach(|| inner.compiled());
    drop(net);
    let curve = watched(py, progress, "referral_load_curve", |control| {
        let request = LoadCurveRequest { rates: rates.clone(), steps, seed, ..Default::default() }
            .options(options.clone());
        referral::referral_load_curve_with(&view, &request, control)
    })?;
    Ok(PyLoadCurve { inner: curve })
}

// ----- results -----

/// The result of :func:`route_referrals`.
///
/// Hop k of a request is the person holding it after k ties (the source at hop 0); a chain
/// of length L has L - 1 intermediaries. The counts: ``requests``, ``succeeded`` and the
/// ways the others ended, ``unwilling``, ``dead_ends``, ``truncated`` and ``ignored``;
/// ``success_rate`` and its Wilson 95% interval ``success_ci95``; ``chain_lengths[L]``, the
/// completed chains of L hops, and ``times``, completed chains by the steps they took (an
/// array of ``(steps, chains)`` rows); ``alive[k]`` (requests held at hop k by someone other
/// than their target), ``dropped[k]`` (of those, the ones that ended there) and
/// ``attrition[k] = dropped[k] / alive[k]``; ``layer_hops`` and ``layer_shares``, the ties
/// crossed on each layer; ``overloaded``, the people who received the most requests.
/// ``to_pandas()`` gives the attrition table; in a notebook the summary shows as a table.
///
/// >>> import reseau
/// >>> s = reseau.route_referrals(reseau.datasets.aarhus_cs(), n_requests=300, forward=0.7, seed=3)
/// >>> s.succeeded + s.unwilling + s.dead_ends + s.truncated + s.ignored == s.requests
/// True
/// >>> int(s.alive[0]) == s.requests, s.attrition.dtype.name, round(sum(s.layer_shares.values()), 9)
/// (True, 'float64', 1.0)
#[pyclass(module = "reseau", name = "ReferralSummary", frozen)]
pub(crate) struct PyReferralSummary {
    inner: ReferralSummary,
    labels: Vec<String>,
}

#[pymethods]
impl PyReferralSummary {
    /// The number of requests routed.
    #[getter]
    fn requests(&self) -> u64 {
        self.inner.requests
    }

    /// The number of requests that reached their target.
    #[getter]
    fn succeeded(&self) -> u64 {
        self.inner.succeeded
    }

    /// ``succeeded / requests`` (0 when there were no requests).
    #[getter]
    fn success_rate(&self) -> f64 {
        self.inner.success_rate
    }

    /// The Wilson score 95% interval of the success rate, ``(low, high)``.
    #[getter]
    fn success_ci95(&self) -> (f64, f64) {
        (self.inner.success_ci95[0], self.inner.success_ci95[1])
    }

    /// Requests dropped by a holder unwilling to forward them (base probability × fatigue).
    #[getter]
    fn unwilling(&self) -> u64 {
        self.inner.unwilling
    }

    /// Requests dropped because the holder had no contact who had not held them already.
    #[getter]
    fn dead_ends(&self) -> u64 {
        self.inner.dead_ends
    }

    /// Requests dropped at ``max_hops``.
    #[getter]
    fn truncated(&self) -> u64 {
        self.inner.truncated
    }

    /// Requests that reached a target too tired to take them in (under fatigue only).
    #[getter]
    fn ignored(&self) -> u64 {
        self.inner.ignored
    }

    /// The ties crossed by all requests together.
    #[getter]
    fn hops(&self) -> u64 {
        self.inner.hops
    }

    /// The step at which the last request ended.
    #[getter]
    fn last_step(&self) -> u64 {
        self.inner.last_step
    }

    /// ``chain_lengths[L]``: the completed chains of L hops (a uint64 array).
    #[getter]
    fn chain_lengths<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<u64>> {
        u64_array(py, &self.inner.chain_lengths)
    }

    /// The mean hops of the completed chains (``None`` when none completed).
    #[getter]
    fn mean_chain_length(&self) -> Option<f64> {
        self.inner.mean_chain_length
    }

    /// The mean number of intermediaries of the completed chains (chain length - 1), as
    /// Travers and Milgram report it (``None`` when none completed).
    #[getter]
    fn mean_intermediaries(&self) -> Option<f64> {
        self.inner.mean_intermediaries()
    }

    /// The completed chains by the steps they took from source to target: a uint64 array
    /// of ``(steps, chains)`` rows, sorted by steps (each hop takes its layer's latency).
    #[getter]
    fn times<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<u64>>> {
        let flat: Vec<u64> = self.inner.times.iter().flatten().copied().collect();
        let array = Array2::from_shape_vec((self.inner.times.len(), 2), flat)
            .map_err(|e| invalid("times", e, "(steps, chains) rows"))?;
        Ok(PyArray2::from_owned_array(py, array))
    }

    /// The mean steps of the completed chains (``None`` when none completed).
    #[getter]
    fn mean_time(&self) -> Option<f64> {
        self.inner.mean_time
    }

    /// ``alive[k]``: the requests held at hop k by someone other than their target (a uint64
    /// array; ``alive[0]`` is every request).
    #[getter]
    fn alive<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<u64>> {
        u64_array(py, &self.inner.alive)
    }

    /// ``dropped[k]``: of the requests alive at hop k, those that ended there (unwilling,
    /// dead end or hop limit; a uint64 array).
    #[getter]
    fn dropped<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<u64>> {
        u64_array(py, &self.inner.dropped)
    }

    /// ``attrition[k] = dropped[k] / alive[k]``: the share of the requests alive at hop k
    /// that were dropped there (Dodds, Muhamad & Watts's per-step attrition; float64).
    #[getter]
    fn attrition<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        float_array(py, &self.inner.attrition)
    }

    /// The layer names, in the network's order (the order of ``layer_hops``).
    #[getter]
    fn layer_names(&self) -> Vec<String> {
        self.inner.layer_names.clone()
    }

    /// The ties crossed on each layer, in the order of ``layer_names`` (a uint64 array).
    #[getter]
    fn layer_hops<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<u64>> {
        u64_array(py, &self.inner.layer_hops)
    }

    /// The share of all hops crossed on each layer, by layer name (zeros when there were no
    /// hops).
    #[getter]
    fn layer_shares<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        by_name(py, &self.inner.layer_names, &self.inner.layer_shares)
    }

    /// The people who received the most requests, most first (at most ten): dicts of
    /// ``person`` (id), ``label``, ``requests`` (how many reached them, as an intermediary or
    /// as the target) and ``peak_load`` (the highest load they carried).
    #[getter]
    fn overloaded<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for o in &self.inner.overloaded {
            let record = PyDict::new(py);
            record.set_item("person", o.person)?;
            record.set_item("label", self.labels.get(o.person as usize))?;
            record.set_item("requests", o.requests)?;
            record.set_item("peak_load", o.peak_load)?;
            list.append(record)?;
        }
        Ok(list)
    }

    /// The people's labels when the requests were routed, indexed by id.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.labels.clone()
    }

    /// The summary as a dict (the core's serde form, shared with Rust and JavaScript: arrays
    /// as lists, ``layer_hops`` and ``layer_shares`` in the order of ``layer_names``,
    /// ``overloaded`` by id).
    ///
    /// >>> import reseau
    /// >>> d = reseau.route_referrals(reseau.datasets.aarhus_cs(), n_requests=50, seed=1).to_dict()
    /// >>> d["requests"], d["layer_names"][0], sorted(d["overloaded"][0])
    /// (50, 'lunch', ['peak_load', 'person', 'requests'])
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner, "referral summary")
    }

    /// The attrition table, one row per hop k (the index, ``hop``): ``alive``, ``dropped``,
    /// ``attrition`` and ``delivered`` (the chains that reached their target at hop k). Needs
    /// pandas.
    ///
    /// >>> import reseau
    /// >>> s = reseau.route_referrals(reseau.datasets.aarhus_cs(), n_requests=200, forward=0.6, seed=2)
    /// >>> df = s.to_pandas()
    /// >>> list(df.columns), int(df["delivered"].sum()) == s.succeeded, int(df.loc[0, "alive"])
    /// (['alive', 'dropped', 'attrition', 'delivered'], True, 200)
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        python_side(slf.py(), "reseau._pandas", "referral_frame", (slf,))
    }

    /// The notebook view: the success rate, how requests ended, and tables of the layers and
    /// of the most solicited people (HTML).
    ///
    /// >>> import reseau
    /// >>> s = reseau.route_referrals(reseau.datasets.aarhus_cs(), n_requests=50, seed=1)
    /// >>> "<table>" in s._repr_html_()
    /// True
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        html(slf, "referral_html")
    }

    fn __repr__(&self) -> String {
        let s = &self.inner;
        let chains = s
            .mean_chain_length
            .map_or_else(String::new, |l| format!(", mean chain {} hops", short(l)));
        format!(
            "<reseau.ReferralSummary: {} request{}, {} delivered ({:.1}%, 95% CI {:.1}% to {:.1}%){chains}>",
            s.requests,
            if s.requests == 1 { "" } else { "s" },
            s.succeeded,
            100.0 * s.success_rate,
            100.0 * s.success_ci95[0],
            100.0 * s.success_ci95[1],
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
        summary: &Bound<'_, PyAny>,
        labels: Vec<String>,
    ) -> PyResult<Self> {
        let inner = core_value(
            summary,
            "referral summary",
            "a dict as ReferralSummary.to_dict() writes it",
        )?;
        Ok(PyReferralSummary { inner, labels })
    }
}

/// The result of :func:`referral_load_curve`: for each request rate (``rates``), the
/// requests started after the warm-up (``requests``), those that reached their target
/// (``succeeded``), the ``throughput`` (successful referrals per step) and the
/// ``success_rate``, and the mean length of the completed chains (``mean_chain_length``, NaN
/// where none completed): under load, only short chains get through. ``peak_rate`` is the
/// rate of the highest throughput, ``peak_throughput`` that throughput; ``collapse_rate`` the
/// first rate past the peak whose throughput falls below half the peak's (``None``: no rate
/// tried is that bad). ``to_pandas()`` gives one row per rate.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> curve = reseau.referral_load_curve(net, [1, 4, 16], steps=100, fatigue=reseau.Fatigue.hill(2, 2, half_life=5))
/// >>> curve.rates.tolist(), bool(curve.peak_throughput == curve.throughput.max())
/// ([1.0, 4.0, 16.0], True)
#[pyclass(module = "reseau", name = "LoadCurve", frozen)]
pub(crate) struct PyLoadCurve {
    inner: LoadCurve,
}

#[pymethods]
impl PyLoadCurve {
    /// The request rates tried (requests started per step), increasing (float64).
    #[getter]
    fn rates<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        float_array(py, &self.inner.rates)
    }

    /// The steps during which requests started, at each rate.
    #[getter]
    fn steps(&self) -> u32 {
        self.inner.steps
    }

    /// The first steps, not measured while loads build up: ``steps // 2``.
    #[getter]
    fn warmup(&self) -> u32 {
        self.inner.warmup
    }

    /// The requests started after the warm-up, at each rate (uint64).
    #[getter]
    fn requests<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<u64>> {
        u64_array(py, &self.inner.requests)
    }

    /// Of those, the requests that reached their target (uint64).
    #[getter]
    fn succeeded<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<u64>> {
        u64_array(py, &self.inner.succeeded)
    }

    /// Successful referrals per step after the warm-up, at each rate (float64).
    #[getter]
    fn throughput<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        float_array(py, &self.inner.throughput)
    }

    /// ``succeeded / requests`` at each rate (0 where no request started; float64).
    #[getter]
    fn success_rate<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        float_array(py, &self.inner.success_rate)
    }

    /// The mean hops of the chains completed at each rate (float64, NaN where none
    /// completed).
    #[getter]
    fn mean_chain_length<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        let values: Vec<f64> =
            self.inner.mean_chain_length.iter().map(|m| m.unwrap_or(f64::NAN)).collect();
        float_array(py, &values)
    }

    /// The index of the peak in ``rates``.
    #[getter]
    fn peak_index(&self) -> usize {
        self.inner.peak_index
    }

    /// The rate at which throughput peaks (the first such rate among equals).
    #[getter]
    fn peak_rate(&self) -> f64 {
        self.inner.peak_rate
    }

    /// The highest throughput, in successful referrals per step.
    #[getter]
    fn peak_throughput(&self) -> f64 {
        self.inner.peak_throughput
    }

    /// The first rate past the peak whose throughput is below half the peak's: where the wave
    /// breaks (``None``: no rate tried is that bad).
    #[getter]
    fn collapse_rate(&self) -> Option<f64> {
        self.inner.collapse_rate
    }

    /// The curve as a dict (the core's serde form, shared with Rust and JavaScript:
    /// ``mean_chain_length`` has ``None`` where no chain completed).
    ///
    /// >>> import reseau
    /// >>> d = reseau.referral_load_curve(reseau.datasets.aarhus_cs(), [1, 2], steps=20).to_dict()
    /// >>> d["rates"], d["steps"], len(d["throughput"])
    /// ([1.0, 2.0], 20, 2)
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner, "load curve")
    }

    /// One row per rate (the index, ``rate``): ``requests``, ``succeeded``, ``throughput``,
    /// ``success_rate`` and ``mean_chain_length``. Needs pandas.
    ///
    /// >>> import reseau
    /// >>> curve = reseau.referral_load_curve(reseau.datasets.aarhus_cs(), [1, 2, 4], steps=20)
    /// >>> df = curve.to_pandas()
    /// >>> df.index.name, list(df.columns)
    /// ('rate', ['requests', 'succeeded', 'throughput', 'success_rate', 'mean_chain_length'])
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        python_side(slf.py(), "reseau._pandas", "load_curve_frame", (slf,))
    }

    /// The load curve as a chart (matplotlib): throughput against the rate (log scale), the
    /// peak marked and the collapse as a dashed line. Draws on ``ax`` (new axes when
    /// ``None``) and returns the axes.
    ///
    /// >>> import reseau
    /// >>> curve = reseau.referral_load_curve(reseau.datasets.aarhus_cs(), [1, 4, 16], steps=50, seed=1)
    /// >>> curve.plot().get_xscale()
    /// 'log'
    #[pyo3(signature = (ax = None))]
    fn plot<'py>(
        slf: &Bound<'py, Self>,
        ax: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        plot(slf, "plot_load_curve", ax)
    }

    /// The notebook view: the peak, the collapse, and a table of the rates (HTML).
    ///
    /// >>> import reseau
    /// >>> curve = reseau.referral_load_curve(reseau.datasets.aarhus_cs(), [1, 2], steps=20)
    /// >>> "<table>" in curve._repr_html_()
    /// True
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        html(slf, "load_curve_html")
    }

    fn __repr__(&self) -> String {
        let c = &self.inner;
        let n = c.rates.len();
        let range = match (c.rates.first(), c.rates.last()) {
            (Some(a), Some(b)) if n > 1 => format!("{n} rates from {} to {}", short(*a), short(*b)),
            (Some(a), _) => format!("1 rate, {}", short(*a)),
            _ => "no rates".to_owned(),
        };
        let collapse = c
            .collapse_rate
            .map_or_else(|| "no collapse".to_owned(), |r| format!("collapse at rate {}", short(r)));
        format!(
            "<reseau.LoadCurve: {range}; peak {} referrals/step at rate {}, {collapse}>",
            short(c.peak_throughput),
            short(c.peak_rate),
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (Bound<'py, PyAny>,)> {
        reduce(slf, (slf.get().to_dict(slf.py())?,))
    }

    #[classmethod]
    #[pyo3(name = "_from_state")]
    fn from_state(_cls: &Bound<'_, PyType>, curve: &Bound<'_, PyAny>) -> PyResult<Self> {
        let inner = core_value(curve, "load curve", "a dict as LoadCurve.to_dict() writes it")?;
        Ok(PyLoadCurve { inner })
    }
}
