//! `reseau.simulate`, `reseau.trace` and `reseau.exact_spread`: the core's `cascade` entry
//! points, their keyword arguments read into the core's requests.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use reseau::cascade::{self, ExactSpreadRequest, PartialSummary, SimulateRequest, TraceRequest};

use crate::args::{Args, run, take};
use crate::de::from_py;
use crate::errors::err;
use crate::network::PyNetwork;
use crate::objects::result;
use crate::ser::to_python;

/// The arguments of the three calls: the seeds and model named, the people checked.
fn args<'py>(
    function: &'static str,
    seeds: &Bound<'py, PyAny>,
    model: Option<&Bound<'py, PyAny>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Args<'py>> {
    Args::new(seeds.py(), function, kwargs)?
        .with("seeds", Some(seeds))?
        .with("model", model)?
        .people(&["seeds", "bad_seeds"], &[])?
        .models()
}

/// Simulates ``runs`` independent cascades from ``seeds`` under ``model`` and summarises them:
/// the mean spread (seeds included) with its standard deviation and 95% confidence interval,
/// each person's activation probability, the mean number reached by each step, and the
/// spread carried by each layer; the same per valence with two campaigns.
///
/// ``seeds`` (and ``bad_seeds``, the second campaign's) are person ids or labels, or one of
/// them; ``model`` is an :class:`IndependentCascade` (the default, with probability 0.1), a
/// :class:`WeightedCascade` or a :class:`LinearThreshold`. The keyword arguments are the
/// core's ``SimulateRequest`` (``runs``, ``seed``, ``bad_seeds``; their defaults are in the
/// type stubs) and the binding's ``run_range`` and ``progress``. Run ``i`` draws from a
/// stream derived from ``(seed, i)``, so the result is the same for any number of threads and
/// the same in Rust, Python and JavaScript. The runs use every core, with the GIL released.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> summary = reseau.simulate(net, [0, 1], model=reseau.IndependentCascade(probability=0.1), runs=1000, seed=7)
/// >>> summary
/// <reseau.CascadeSummary: 1000 runs, mean spread 28.915 of 61 people (95% CI 27.607 to 30.223)>
/// >>> summary.activation[:2].tolist(), float(summary.by_step[0])
/// ([1.0, 1.0], 2.0)
/// >>> reseau.simulate(net, ["U4", "nobody"])
/// Traceback (most recent call last):
///     ...
/// reseau.UnknownPersonError: unknown person "nobody"
///
/// ``run_range=(start, stop)`` does only the runs ``start`` to ``stop - 1`` (``runs`` is then
/// not used) and returns a :class:`CascadePartial`: a shard, to run in another process or on
/// another machine and merge. Shards whose ranges cover ``0..n`` merge into exactly the
/// summary of ``runs=n``, to the last bit:
///
/// >>> parts = [reseau.simulate(net, [0, 1], seed=7, run_range=r) for r in [(0, 640), (640, 1000)]]
/// >>> parts[0]
/// <reseau.CascadePartial: runs 0..640 of seed 7>
/// >>> reseau.merge(parts).to_dict() == summary.to_dict()
/// True
///
/// ``progress`` is a callable ``(done, total)`` told the runs done about ten times a second
/// (returning ``False`` stops the call with :class:`CancelledError`), or ``True`` for a tqdm
/// bar. Ctrl-C interrupts the call with ``KeyboardInterrupt`` within a fraction of a second.
#[pyfunction]
#[pyo3(signature = (net, seeds, model = None, **kwargs))]
pub(crate) fn simulate<'py>(
    py: Python<'py>,
    net: PyRef<'py, PyNetwork>,
    seeds: &Bound<'py, PyAny>,
    model: Option<&Bound<'py, PyAny>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let taken = take(py, net, true);
    let args = args("simulate", seeds, model, kwargs)?;
    if let Some(range) = args.take("run_range")? {
        let [start, stop] = from_py::<[u64; 2]>(&range, "run_range", "simulate")?;
        return run(py, taken, &args, "CascadePartial", |v, r: &SimulateRequest, c| {
            cascade::simulate_runs(v, r, start..stop, c)
        });
    }
    run(py, taken, &args, "CascadeSummary", |view, request: &SimulateRequest, control| {
        cascade::simulate_with(view, request, control)
    })
}

/// One cascade, traced: for each person, the step they were convinced, who convinced them,
/// through which layer and with which valence (numpy int64 arrays indexed by person id, -1
/// where they were not reached, and for a seed's parent and layer). It is run 0 of
/// :func:`simulate` with the same ``seed``.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> t = reseau.trace(net, [3], model=reseau.IndependentCascade(probability=0.3), seed=11)
/// >>> int(t.step[3]), int(t.parent[3]), int(t.layer[3])
/// (0, -1, -1)
/// >>> t.spread == reseau.simulate(net, [3], reseau.IndependentCascade(0.3), runs=1, seed=11).mean
/// True
#[pyfunction]
#[pyo3(signature = (net, seeds, model = None, **kwargs))]
pub(crate) fn trace<'py>(
    py: Python<'py>,
    net: PyRef<'py, PyNetwork>,
    seeds: &Bound<'py, PyAny>,
    model: Option<&Bound<'py, PyAny>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (view, labels) = net.view(py);
    drop(net);
    let request: TraceRequest = args("trace", seeds, model, kwargs)?.request()?;
    let trace = py.detach(|| cascade::trace(&view, &request)).map_err(err)?;
    result(py, "CascadeTrace", &trace, Some(labels))
}

/// The exact expected spread from ``seeds`` under ``model``, by enumerating every live-edge
/// graph (Kempe, Kleinberg & Tardos 2003): the oracle Monte Carlo estimates are checked
/// against. For small networks only (at most 2**20 outcomes), one campaign, no media people
/// and no inverted distrust.
///
/// >>> import reseau
/// >>> net = reseau.Network(); net.add_layer("t", directed=True); net.add_people(3)
/// 0
/// 0
/// >>> _ = net.add_tie(0, 1, "t"); _ = net.add_tie(0, 2, "t")
/// >>> reseau.exact_spread(net, [0], reseau.IndependentCascade(0.5))
/// 2.0
#[pyfunction]
#[pyo3(signature = (net, seeds, model = None, **kwargs))]
pub(crate) fn exact_spread(
    py: Python<'_>,
    net: PyRef<'_, PyNetwork>,
    seeds: &Bound<'_, PyAny>,
    model: Option<&Bound<'_, PyAny>>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<f64> {
    let view = net.compiled(py);
    drop(net);
    let request: ExactSpreadRequest = args("exact_spread", seeds, model, kwargs)?.request()?;
    py.detach(|| cascade::exact_spread(&view, &request)).map_err(err)
}

/// Two shards of one simulation merged (`CascadePartial.merge`), as the core's serde form.
#[pyfunction]
pub(crate) fn _merge<'py>(
    first: &Bound<'py, PyAny>,
    second: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let a: PartialSummary = from_py(first, "shard", "CascadePartial")?;
    let b: PartialSummary = from_py(second, "shard", "CascadePartial")?;
    to_python(first.py(), &a.merge(&b).map_err(err)?)
}

/// The summary of a shard's runs (`CascadePartial.summary`), as the core's serde form.
#[pyfunction]
pub(crate) fn _summarise<'py>(shard: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let partial: PartialSummary = from_py(shard, "shard", "CascadePartial")?;
    to_python(shard.py(), &partial.summary())
}

/// `runs` split into at most `shards` ranges aligned to the core's blocks (`shard_ranges`).
#[pyfunction]
pub(crate) fn _shard_ranges(runs: u64, shards: u64) -> PyResult<Vec<(u64, u64)>> {
    let ranges = cascade::shard_ranges(runs, shards).map_err(err)?;
    Ok(ranges.into_iter().map(|[start, stop]| (start, stop)).collect())
}
