//! `reseau.select_relays` and its result: the core's `relays` module, converted.
//!
//! The keywords become the core's `SelectRelaysRequest` (each value through its serde type, so a
//! refusal names its keyword; costs read from numpy without a Python float per person), the
//! core checks them and runs with the GIL released, and the result comes back as numpy arrays.

use numpy::{PyArray1, PyReadonlyArray1};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyType;
use reseau::cascade::MAX_RUNS;
use reseau::relays::{self, Method, RelaySelection, SelectRelaysRequest};

use crate::cascade::{
    PySpreadStats, Reduced, core_value, float_array, model_arg, present, short, to_python,
    type_name, variant_name,
};
use crate::control::watched;
use crate::errors::invalid;
use crate::network::PyNetwork;
use crate::results::{html, plot, python_side, reduce};

const METHODS: &str = "one of \"imm\", \"opim_c\", \"celf\", \"degree\", \"degree_discount\", \
                       \"pagerank\", \"random\"";

/// Costs: a float64 array read directly, any other array or sequence of numbers through numpy.
fn costs_arg(costs: &Bound<'_, PyAny>) -> PyResult<Vec<f64>> {
    if let Ok(array) = costs.extract::<PyReadonlyArray1<'_, f64>>() {
        return Ok(array.as_array().iter().copied().collect());
    }
    let not_costs = || {
        PyTypeError::new_err(format!(
            "costs: expected a sequence of numbers, one per person, not {}",
            type_name(costs)
        ))
    };
    if costs.is_instance_of::<pyo3::types::PyString>() {
        return Err(not_costs());
    }
    let numpy = costs.py().import("numpy")?;
    let array = numpy.call_method1("asarray", (costs, "float64")).map_err(|_| not_costs())?;
    array
        .extract::<PyReadonlyArray1<'_, f64>>()
        .map_or_else(|_| Err(not_costs()), |a| Ok(a.as_array().iter().copied().collect()))
}

fn runs_arg(runs: i64, name: &str, min: u64) -> PyResult<u64> {
    u64::try_from(runs)
        .map_err(|_| invalid(name, runs, &format!("an integer in {min}..={MAX_RUNS}")))
}

/// Chooses whom to enlist so that a message reaches the most people: ``k`` relays, or as
/// many as ``budget`` pays for at their ``costs`` (one per person, by id; default: each
/// person's ``cost``), under ``model`` (default: ``IndependentCascade(0.1)``).
///
/// ``method`` is ``"imm"`` (Tang, Shi & Xiao 2015) or ``"opim_c"`` (Tang et al. 2018), within
/// (1 - 1/e - ``epsilon``) of the optimum with probability 1 - 1/n**``ell``, OPIM-C also
/// certifying a bound on its own ratio; ``"celf"``, the lazy greedy on ``celf_runs`` Monte
/// Carlo runs per estimate (small networks); or the baselines ``"degree"``,
/// ``"degree_discount"``, ``"pagerank"`` and ``"random"``. Within a budget, IMM, OPIM-C and
/// CELF compare the cost-effective greedy with the best single affordable person, which keeps
/// a ½(1 - 1/e) guarantee.
///
/// The relays are then evaluated by ``evaluation_runs`` cascades (0: none) under
/// ``evaluation_model`` (default: ``model``; for instance the same model with fatigue), on
/// streams the selection did not use. The same ``seed`` gives the same relays and numbers in
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
#[pyo3(signature = (
    net, k = None, *, budget = None, costs = None, model = None, method = None, epsilon = 0.1,
    ell = 1.0, evaluation_runs = 10_000, celf_runs = 1000, evaluation_model = None, seed = 0,
    progress = None
))]
#[pyo3(
    text_signature = "(net, k=None, *, budget=None, costs=None, model=None, method='imm', epsilon=0.1, ell=1.0, evaluation_runs=10000, celf_runs=1000, evaluation_model=None, seed=0, progress=None)"
)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn select_relays(
    py: Python<'_>,
    net: PyRef<'_, PyNetwork>,
    k: Option<&Bound<'_, PyAny>>,
    budget: Option<&Bound<'_, PyAny>>,
    costs: Option<&Bound<'_, PyAny>>,
    model: Option<&Bound<'_, PyAny>>,
    method: Option<&Bound<'_, PyAny>>,
    epsilon: f64,
    ell: f64,
    evaluation_runs: i64,
    celf_runs: i64,
    evaluation_model: Option<&Bound<'_, PyAny>>,
    seed: u64,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyRelaySelection> {
    let mut options = SelectRelaysRequest {
        k: present(k).map(|k| core_value(k, "k", "an integer >= 1")).transpose()?,
        budget: present(budget).map(|b| core_value(b, "budget", "a number > 0")).transpose()?,
        costs: present(costs).map(costs_arg).transpose()?,
        epsilon,
        ell,
        evaluation_runs: runs_arg(evaluation_runs, "evaluation_runs", 0)?,
        celf_runs: runs_arg(celf_runs, "celf_runs", 1)?,
        ..SelectRelaysRequest::default()
    };
    if let Some(m) = present(method) {
        options.method = core_value::<Method>(m, "method", METHODS)?;
    }
    if let Some(m) = model_arg(model)? {
        options.model = m.get().inner.clone();
    }
    if let Some(m) = model_arg(evaluation_model)? {
        options.evaluation_model = Some(m.get().inner.clone());
    }
    let inner = &net.inner;
    let (view, labels) = py.detach(|| (inner.compiled(), inner.labels()));
    drop(net);
    let selection = watched(py, progress, "select_relays", |control| {
        relays::select_relays_with(&view, &SelectRelaysRequest { seed, ..options.clone() }, control)
    })?;
    // Each relay's cost, from the costs the selection used.
    let all = options.costs.as_deref().unwrap_or(view.costs());
    let costs = selection.relays.iter().map(|&v| all[v as usize]).collect();
    let layer_names = view.layers().iter().map(|l| l.name.clone()).collect();
    Ok(PyRelaySelection { inner: selection, labels, layer_names, costs })
}

/// The result of :func:`select_relays`: the ``relays`` in the order chosen (a uint32 array of
/// ids, and their ``relay_labels``), each one's marginal ``gains`` when chosen (expected
/// people reached, as the method estimates it; the baselines' own scores), the method's
/// ``estimated_spread`` (IMM, OPIM-C and CELF), the Monte Carlo ``spread`` of the relays as
/// :class:`SpreadStats` with its confidence interval (``None`` without evaluation runs), the
/// certified ``approximation`` ratio where the method gives one, the ``cost`` of the relays
/// (and each relay's, ``costs``) and the reverse-reachable sets sampled (``samples``).
/// ``to_pandas()`` gives one row per relay; in a notebook the selection shows as a table.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> s = reseau.select_relays(net, k=2, method="degree", evaluation_runs=200, seed=1)
/// >>> s.method, s.relay_labels == [net.labels[i] for i in s.relays], s.estimated_spread
/// ('degree', True, None)
#[pyclass(module = "reseau", name = "RelaySelection", frozen)]
pub(crate) struct PyRelaySelection {
    inner: RelaySelection,
    labels: Vec<String>,
    layer_names: Vec<String>,
    costs: Vec<f64>,
}

#[pymethods]
impl PyRelaySelection {
    /// The method that chose the relays (``"imm"``, ``"opim_c"``, ``"celf"``, ...).
    #[getter]
    fn method(&self) -> String {
        variant_name(&self.inner.method)
    }

    /// The relays' ids in the order chosen (uint32).
    #[getter]
    fn relays<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<u32>> {
        PyArray1::from_slice(py, &self.inner.relays)
    }

    /// The relays' labels, in the order chosen.
    #[getter]
    fn relay_labels(&self) -> Vec<String> {
        self.inner.relays.iter().map(|&v| self.labels[v as usize].clone()).collect()
    }

    /// Each relay's marginal gain when chosen (float64): expected people reached for IMM,
    /// OPIM-C and CELF; the ranking score for the baselines.
    #[getter]
    fn gains<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        float_array(py, &self.inner.gains)
    }

    /// The method's own estimate of the spread (IMM, OPIM-C, CELF; ``None`` for the
    /// baselines).
    #[getter]
    fn estimated_spread(&self) -> Option<f64> {
        self.inner.estimated_spread
    }

    /// The relays' spread by independent Monte Carlo runs, as :class:`SpreadStats` (``None``
    /// with ``evaluation_runs=0``).
    #[getter]
    fn spread(&self) -> Option<PySpreadStats> {
        self.inner
            .spread
            .as_ref()
            .map(|s| PySpreadStats { stats: s.clone(), layer_names: self.layer_names.clone() })
    }

    /// The certified lower bound on the approximation ratio (IMM, OPIM-C), else ``None``.
    #[getter]
    fn approximation(&self) -> Option<f64> {
        self.inner.approximation
    }

    /// The relays' total cost.
    #[getter]
    fn cost(&self) -> f64 {
        self.inner.cost
    }

    /// Each relay's cost, in the order chosen (float64).
    #[getter]
    fn costs<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        float_array(py, &self.costs)
    }

    /// The reverse-reachable sets sampled (0 for CELF and the baselines).
    #[getter]
    fn samples(&self) -> u64 {
        self.inner.samples
    }

    /// The people's labels when the relays were chosen, indexed by id.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.labels.clone()
    }

    /// The selection as a dict (the core's serde form, shared with Rust and JavaScript).
    ///
    /// >>> import reseau
    /// >>> d = reseau.select_relays(reseau.datasets.aarhus_cs(), k=2, method="degree", evaluation_runs=10).to_dict()
    /// >>> sorted(d)
    /// ['approximation', 'cost', 'estimated_spread', 'gains', 'method', 'relays', 'samples', 'spread']
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner, "relay selection")
    }

    /// One row per relay, in the order chosen: ``rank`` (from 1), ``person`` (id),
    /// ``label``, ``gain`` and ``cost``. Needs pandas.
    ///
    /// >>> import reseau
    /// >>> s = reseau.select_relays(reseau.datasets.aarhus_cs(), k=3, method="degree_discount", evaluation_runs=10)
    /// >>> df = s.to_pandas()
    /// >>> list(df.columns), df["rank"].tolist()
    /// (['rank', 'person', 'label', 'gain', 'cost'], [1, 2, 3])
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        python_side(slf.py(), "reseau._pandas", "relays_frame", (slf,))
    }

    /// The choice as a chart (matplotlib): the spread the method expected as relays are
    /// added (IMM, OPIM-C, CELF) and the evaluated spread with its confidence interval.
    /// Draws on ``ax`` (new axes when ``None``) and returns the axes.
    ///
    /// >>> import reseau
    /// >>> chosen = reseau.select_relays(reseau.datasets.aarhus_cs(), k=3, evaluation_runs=200, seed=1)
    /// >>> chosen.plot().get_xlabel()
    /// 'relays'
    #[pyo3(signature = (ax = None))]
    fn plot<'py>(
        slf: &Bound<'py, Self>,
        ax: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        plot(slf, "plot_relays", ax)
    }

    /// The notebook view: the spread with its interval, and a table of the relays (HTML).
    ///
    /// >>> import reseau
    /// >>> s = reseau.select_relays(reseau.datasets.aarhus_cs(), k=2, method="degree", evaluation_runs=10)
    /// >>> "<table>" in s._repr_html_()
    /// True
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        html(slf, "relays_html")
    }

    fn __repr__(&self) -> String {
        let s = &self.inner;
        let n = s.relays.len();
        let spread = s.spread.as_ref().map_or_else(String::new, |t| {
            format!(
                ", spread {} (95% CI {} to {})",
                short(t.mean),
                short(t.ci95[0]),
                short(t.ci95[1])
            )
        });
        let ratio =
            s.approximation.map_or_else(String::new, |a| format!(", approximation {}", short(a)));
        format!(
            "<reseau.RelaySelection: {n} relay{} by {}, cost {}{spread}{ratio}>",
            if n == 1 { "" } else { "s" },
            variant_name(&s.method),
            short(s.cost),
        )
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> Reduced<'py, (Bound<'py, PyAny>, Vec<String>, Vec<String>, Vec<f64>)> {
        let this = slf.get();
        let state = (
            this.to_dict(slf.py())?,
            this.labels.clone(),
            this.layer_names.clone(),
            this.costs.clone(),
        );
        reduce(slf, state)
    }

    #[classmethod]
    #[pyo3(name = "_from_state")]
    fn from_state(
        _cls: &Bound<'_, PyType>,
        selection: &Bound<'_, PyAny>,
        labels: Vec<String>,
        layer_names: Vec<String>,
        costs: Vec<f64>,
    ) -> PyResult<Self> {
        let inner = core_value(
            selection,
            "relay selection",
            "a dict as RelaySelection.to_dict() writes it",
        )?;
        Ok(PyRelaySelection { inner, labels, layer_names, costs })
    }
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
