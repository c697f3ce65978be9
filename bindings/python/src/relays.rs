//! `reseau.select_relays`: the core's relay selection, its keyword arguments read into the
//! core's `SelectRelaysRequest`.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use reseau::relays::{self, SelectRelaysRequest};

use crate::args::{Args, run, take};
use crate::network::PyNetwork;

/// Chooses whom to enlist so that a message reaches the most people: ``k`` relays, or as
/// many as ``budget`` pays for at their ``costs`` (one per person, by id; default: each
/// person's ``cost``), under ``model`` (default: ``IndependentCascade(0.1)``).
///
/// ``method`` is ``"imm"`` (Tang, Shi & Xiao 2015) or ``"opim_c"`` (Tang et al. 2018), within
/// (1 - 1/e - ``epsilon``) of the optimum with probability 1 - 1/n**``ell``, OPIM-C also
/// certifying a bound on its own ratio; ``"hist"`` (Guo et al. 2020), OPIM-C's certificate on
/// RR sets cut short at a small sentinel set, for ``k`` relays where the model reaches much of
/// the network; ``"celf"``, the lazy greedy on ``celf_runs`` Monte
/// Carlo runs per estimate (small networks); or the baselines ``"degree"``,
/// ``"degree_discount"``, ``"pagerank"`` and ``"random"``. Within a budget, IMM, OPIM-C and
/// CELF compare the cost-effective greedy with the best single affordable person, which keeps
/// a ½(1 - 1/e) guarantee. When IMM's or OPIM-C's RR sets would not fit ``max_memory``
/// (bytes; default ``RESEAU_MAX_MEMORY`` or what the machine has), a choice of ``k`` relays
/// is handed to HIST (``method`` and ``switch_reason`` of the result say so); otherwise the call
/// raises ``OutOfMemoryError`` before it allocates.
///
/// The relays are then evaluated by ``evaluation_runs`` cascades (0: none) under
/// ``evaluation_model`` (default: ``model``; for instance the same model with fatigue), on
/// streams the selection did not use. The keyword arguments are the core's
/// ``SelectRelaysRequest`` (their defaults are in the type stubs) and the binding's
/// ``progress`` (see :func:`simulate`). The same ``seed`` gives the same relays and numbers in
/// Rust, Python and JavaScript, for any number of threads; the work runs with the GIL
/// released.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> chosen = reseau.select_relays(net, k=3, model=reseau.IndependentCascade(probability=0.1), method="imm", seed=0)
/// >>> len(chosen.relays), chosen.relays.dtype.name, chosen.approximation >= 1 - 1 / 2.718281828 - 0.1
/// (3, 'uint32', True)
/// >>> low, high = chosen.spread.ci95
/// >>> bool(low <= chosen.spread.mean <= high), chosen.cost
/// (True, 3.0)
/// >>> reseau.select_relays(net, k=3, budget=2.0)
/// Traceback (most recent call last):
///     ...
/// reseau.InvalidParameterError: invalid k and budget: both (expected exactly one of k and budget)
#[pyfunction]
#[pyo3(signature = (net, k = None, **kwargs))]
pub(crate) fn select_relays<'py>(
    py: Python<'py>,
    net: PyRef<'py, PyNetwork>,
    k: Option<&Bound<'py, PyAny>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let taken = take(py, net, true);
    let args = Args::new(py, "select_relays", kwargs)?.with("k", k)?.models()?.numbers("costs")?;
    run(py, taken, &args, "RelaySelection", |view, request: &SelectRelaysRequest, control| {
        relays::select_relays_with(view, request, control)
    })
}

/// The ``seed`` of the :func:`simulate` call with which :func:`select_relays` evaluates its
/// choice when given ``seed``: to run that evaluation elsewhere, for instance in shards on a
/// cluster (see ``reseau.dask.evaluate_relays``).
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> chosen = reseau.select_relays(net, k=2, evaluation_runs=500, seed=9)
/// >>> again = reseau.simulate(net, chosen.relays, runs=500, seed=reseau.relay_evaluation_seed(9))
/// >>> again.total.to_dict() == chosen.spread.to_dict()
/// True
#[pyfunction]
pub(crate) fn relay_evaluation_seed(seed: u64) -> u64 {
    relays::evaluation_seed(seed)
}
