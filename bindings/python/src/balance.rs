//! `reseau.balance` and `reseau.report`: the core's `balance` and `report` modules, converted.
//!
//! Keyword arguments go through JSON into the core's option structs (a refusal names its
//! keyword); the core runs with the GIL released, interruptible and with progress; results
//! come back as numpy columns, plain dicts and strings.

use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};
use reseau::balance::{BalanceReport, BalanceRequest, BalanceRow, Measure, balance_with};
use reseau::report::{Report, ReportOptions, ReportRequest, report_with};
use serde_json::Value;

use crate::cascade::{Reduced, core_value, float_array, model_arg, present, to_python};
use crate::control::watched;
use crate::convert::{from_json, to_json};
use crate::errors::{err, invalid};
use crate::network::PyNetwork;
use crate::referral::RouteArgs;
use crate::results::python_side;

/// How a table column is read off a row.
type Column = dyn Fn(&BalanceRow) -> f64;

/// The balance sweep: for each **mix** (the share of networking effort spent on physical
/// ties, in [0, 1]), random referral requests between strangers under fatigue and a campaign
/// from a few seeds, on the network as given and, with ``decline``, as a digital layer loses
/// its ties period after period. See ``docs/balance.md`` for the model.
///
/// A mix m acts twice: a holder with contacts on both kinds of layer forwards over a
/// physical tie with probability m; a campaign's ties are scaled by ``effort`` × m ÷
/// ``physical_cost`` (physical) and ``effort`` × (1 - m) ÷ ``digital_cost`` (digital), and its
/// ``seeds`` are split round(m·k) by physical ties, the rest by digital ties.
/// ``digital_fatigue`` gives people a separate digital inbox with its own fatigue (else one
/// load is shared by every layer). ``decline`` is a dict ``{"layer": name, "rate": share lost
/// per period, "periods": n, "vanish_at": period or None}``.
///
/// Returns a :class:`BalanceReport`: one row per mix and period, the best mix per measure
/// (and whether it is interior) and the most robust mix under decline.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> tired = reseau.Fatigue.hill(half=2, exponent=2, half_life=10)
/// >>> sweep = reseau.balance(net, mixes=[0.0, 0.5, 1.0], fatigue=tired, digital_fatigue=tired,
/// ...                        steps=100, runs=200, decline={"layer": "facebook", "rate": 0.5, "periods": 2}, seed=7)
/// >>> sweep
/// <reseau.BalanceReport: 3 mixes × 3 periods; best mix for reach 1, for throughput ...>
/// >>> len(sweep.rows), sorted(sweep.best)
/// (9, ['reach', 'success_rate', 'throughput', 'time_to_target'])
/// >>> sweep.table["declining_ties"][[0, 3, 6]].tolist()
/// [124, 65, 39]
/// >>> reseau.balance(net, mixes=[1.5])
/// Traceback (most recent call last):
///     ...
/// reseau.InvalidParameterError: invalid mix: 1.5 (expected a share in [0, 1])
#[pyfunction]
#[pyo3(signature = (
    net, mixes = None, *, rate = None, steps = None, runs = None, seeds = None, model = None,
    strategy = None, forward = None, layer_forward = None, max_hops = None, fatigue = None,
    digital_fatigue = None, effort = None, physical_cost = None, digital_cost = None,
    decline = None, seed = 0, progress = None
))]
#[pyo3(
    text_signature = "(net, mixes=None, *, rate=4.0, steps=300, runs=1000, seeds=3, model=None, strategy='greedy', forward=1.0, layer_forward=None, max_hops=50, fatigue=None, digital_fatigue=None, effort=2.0, physical_cost=1.0, digital_cost=1.0, decline=None, seed=0, progress=None)"
)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn balance(
    py: Python<'_>,
    net: PyRef<'_, PyNetwork>,
    mixes: Option<&Bound<'_, PyAny>>,
    rate: Option<&Bound<'_, PyAny>>,
    steps: Option<&Bound<'_, PyAny>>,
    runs: Option<&Bound<'_, PyAny>>,
    seeds: Option<&Bound<'_, PyAny>>,
    model: Option<&Bound<'_, PyAny>>,
    strategy: Option<&Bound<'_, PyAny>>,
    forward: Option<&Bound<'_, PyAny>>,
    layer_forward: Option<&Bound<'_, PyAny>>,
    max_hops: Option<&Bound<'_, PyAny>>,
    fatigue: Option<&Bound<'_, PyAny>>,
    digital_fatigue: Option<&Bound<'_, PyAny>>,
    effort: Option<&Bound<'_, PyAny>>,
    physical_cost: Option<&Bound<'_, PyAny>>,
    digital_cost: Option<&Bound<'_, PyAny>>,
    decline: Option<&Bound<'_, PyAny>>,
    seed: u64,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyBalanceReport> {
    let mut options = BalanceRequest::default();
    if let Some(m) = present(mixes) {
        options.mixes = match m.extract::<numpy::PyReadonlyArray1<'_, f64>>() {
            Ok(array) => array.as_array().to_vec(),
            Err(_) => core_value(m, "mixes", "a sequence of shares in [0, 1]")?,
        };
    }
    if let Some(v) = present(rate) {
        options.rate = core_value(v, "rate", "a number > 0 (requests per step)")?;
    }
    if let Some(v) = present(steps) {
        options.steps = core_value(v, "steps", "an integer >= 2")?;
    }
    if let Some(v) = present(runs) {
        options.runs = core_value(v, "runs", "an integer >= 1")?;
    }
    if let Some(v) = present(seeds) {
        options.num_seeds = core_value(v, "seeds", "an integer >= 1")?;
    }
    if let Some(m) = model_arg(model)? {
        options.model = m.get().inner.clone();
    }
    if let Some(v) = present(effort) {
        options.effort = core_value(v, "effort", "a number >= 0")?;
    }
    if let Some(v) = present(physical_cost) {
        options.physical_cost = core_value(v, "physical_cost", "a number > 0")?;
    }
    if let Some(v) = present(digital_cost) {
        options.digital_cost = core_value(v, "digital_cost", "a number > 0")?;
    }
    if let Some(v) = present(decline) {
        options.decline = Some(core_value(
            v,
            "decline",
            "a dict {\"layer\": name, \"rate\": share, \"periods\": n, \"vanish_at\": period}",
        )?);
    }
    let routing = RouteArgs {
        strategy,
        physical_share: None, // each mix sets it
        forward,
        layer_forward,
        max_hops,
        fatigue,
        digital_fatigue,
    }
    .options()?;
    let options = options.with_routing(routing).seed(seed);
    let inner = &net.inner;
    let report =
        watched(py, progress, "balance", |control| balance_with(inner, &options, control))?;
    Ok(PyBalanceReport { inner: report })
}

/// The result of :func:`balance`.
///
/// ``rows`` has one dict per period and mix (period 0's mixes first); ``table`` the same as
/// numpy columns (``time_to_target`` is NaN where no referral arrived; the intervals are the
/// ``*_low`` and ``*_high`` columns); ``best`` maps each measure (``"success_rate"``,
/// ``"time_to_target"``, ``"throughput"``, ``"reach"``) to its best mix on the network as
/// given, with ``interior``, ``beats_ends`` and ``flat``; ``robust`` maps each measure to the
/// mix with the best mean over the periods of decline.
///
/// >>> import reseau
/// >>> sweep = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=40, runs=50)
/// >>> sweep.best["reach"]["mix"], sweep.best["reach"]["interior"]
/// (1.0, False)
/// >>> sweep.to_pandas().shape if __import__("importlib").util.find_spec("pandas") else (2, 17)
/// (2, 17)
#[pyclass(module = "reseau", name = "BalanceReport", frozen)]
pub(crate) struct PyBalanceReport {
    inner: BalanceReport,
}

#[pymethods]
impl PyBalanceReport {
    /// The mixes, in the order given (float64).
    ///
    /// >>> import reseau
    /// >>> s = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=20, runs=20, decline={"layer": "facebook", "rate": 0.5, "periods": 1})
    /// >>> s.mixes.tolist()
    /// [0.0, 1.0]
    #[getter]
    fn mixes<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        float_array(py, &self.inner.mixes)
    }

    /// The last period (0 without decline).
    ///
    /// >>> import reseau
    /// >>> s = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=20, runs=20, decline={"layer": "facebook", "rate": 0.5, "periods": 1})
    /// >>> s.periods
    /// 1
    #[getter]
    fn periods(&self) -> u32 {
        self.inner.periods
    }

    /// The declining layer, or None.
    ///
    /// >>> import reseau
    /// >>> s = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=20, runs=20, decline={"layer": "facebook", "rate": 0.5, "periods": 1})
    /// >>> s.declining_layer
    /// 'facebook'
    #[getter]
    fn declining_layer(&self) -> Option<String> {
        self.inner.declining_layer.clone()
    }

    /// One dict per period and mix.
    ///
    /// >>> import reseau
    /// >>> s = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=20, runs=20, decline={"layer": "facebook", "rate": 0.5, "periods": 1})
    /// >>> len(s.rows), s.rows[2]["period"], s.rows[2]["declining_ties"] < 124
    /// (4, 1, True)
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner.rows, "balance rows")
    }

    /// The rows as numpy columns, by name.
    ///
    /// >>> import reseau
    /// >>> s = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=20, runs=20, decline={"layer": "facebook", "rate": 0.5, "periods": 1})
    /// >>> s.table["mix"].tolist(), s.table["period"].tolist()
    /// ([0.0, 1.0, 0.0, 1.0], [0, 0, 1, 1])
    #[getter]
    fn table<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rows = &self.inner.rows;
        let t = PyDict::new(py);
        let col = |f: &dyn Fn(&BalanceRow) -> f64| -> Vec<f64> { rows.iter().map(f).collect() };
        t.set_item("mix", float_array(py, &col(&|r| r.mix)))?;
        t.set_item("period", PyArray1::from_vec(py, rows.iter().map(|r| r.period).collect()))?;
        t.set_item(
            "declining_ties",
            PyArray1::from_vec(
                py,
                rows.iter()
                    .map(|r| r.declining_ties.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX)))
                    .collect(),
            ),
        )?;
        let columns: [(&str, &Column); 14] = [
            ("success_rate", &|r| r.success_rate),
            ("success_low", &|r| r.success_ci[0]),
            ("success_high", &|r| r.success_ci[1]),
            ("time_to_target", &|r| r.time_to_target.unwrap_or(f64::NAN)),
            ("time_low", &|r| r.time_ci.map_or(f64::NAN, |c| c[0])),
            ("time_high", &|r| r.time_ci.map_or(f64::NAN, |c| c[1])),
            ("throughput", &|r| r.throughput),
            ("throughput_low", &|r| r.throughput_ci[0]),
            ("throughput_high", &|r| r.throughput_ci[1]),
            ("referral_offline_share", &|r| r.referral_offline_share),
            ("reach", &|r| r.reach),
            ("reach_low", &|r| r.reach_ci[0]),
            ("reach_high", &|r| r.reach_ci[1]),
            ("cascade_offline_share", &|r| r.cascade_offline_share),
        ];
        for (name, f) in columns {
            t.set_item(name, float_array(py, &col(f)))?;
        }
        Ok(t)
    }

    /// The best mix per measure: ``{measure: {"mix", "value", "ci", "interior", "beats_ends",
    /// "flat"}}``.
    ///
    /// >>> import reseau
    /// >>> s = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=20, runs=20, decline={"layer": "facebook", "rate": 0.5, "periods": 1})
    /// >>> s.best["reach"]["mix"], s.best["reach"]["interior"]
    /// (1.0, False)
    #[getter]
    fn best<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        by_measure(py, self.inner.best.iter().map(|b| (b.measure, b)))
    }

    /// The most robust mix per measure under decline: ``{measure: {"mix", "mean", "worst",
    /// "worst_period", "initial"}}`` (empty without decline).
    ///
    /// >>> import reseau
    /// >>> s = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=20, runs=20, decline={"layer": "facebook", "rate": 0.5, "periods": 1})
    /// >>> s.robust["reach"]["mix"]
    /// 1.0
    #[getter]
    fn robust<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        by_measure(py, self.inner.robust.iter().map(|b| (b.measure, b)))
    }

    /// The table as a ``pandas.DataFrame`` (needs pandas).
    ///
    /// >>> import reseau
    /// >>> s = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=20, runs=20, decline={"layer": "facebook", "rate": 0.5, "periods": 1})
    /// >>> s.to_pandas()[["mix", "period"]].values.tolist()
    /// [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let table = slf.get().table(slf.py())?;
        slf.py().import("pandas")?.call_method1("DataFrame", (table,))
    }

    /// The sweep as charts (matplotlib): each measure against the mix with its confidence
    /// band, one line per period of decline, the best mix marked. With ``measure``
    /// (``"success_rate"``, ``"time_to_target"``, ``"throughput"``, ``"reach"``) one chart,
    /// drawn on ``ax`` and returned; without, a figure of all four (its axes are returned).
    ///
    /// >>> import reseau
    /// >>> sweep = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=20, runs=20)
    /// >>> sweep.plot("reach").get_ylabel(), sweep.plot().shape
    /// ('people reached', (2, 2))
    #[pyo3(signature = (measure = None, ax = None))]
    fn plot<'py>(
        slf: &Bound<'py, Self>,
        measure: Option<&str>,
        ax: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        python_side(slf.py(), "reseau._plot", "plot_balance", (slf, measure, ax))
    }

    /// The whole result as JSON (the core's serde form).
    ///
    /// >>> import reseau
    /// >>> s = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=20, runs=20, decline={"layer": "facebook", "rate": 0.5, "periods": 1})
    /// >>> import json; sorted(json.loads(s.to_json()))
    /// ['best', 'declining_layer', 'mixes', 'periods', 'robust', 'rows']
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.inner).map_err(|e| invalid("balance report", e, "serialisable"))
    }

    fn __repr__(&self) -> String {
        let r = &self.inner;
        let best = |m: Measure| r.best(m).map_or("-".to_owned(), |b| crate::cascade::short(b.mix));
        format!(
            "<reseau.BalanceReport: {} mixes × {} period{}; best mix for reach {}, for throughput {}, for success {}>",
            r.mixes.len(),
            r.periods + 1,
            if r.periods == 0 { "" } else { "s" },
            best(Measure::Reach),
            best(Measure::Throughput),
            best(Measure::SuccessRate),
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (String,)> {
        let rebuild = slf.get_type().getattr("_from_json")?;
        Ok((rebuild, (slf.get().to_json()?,)))
    }

    /// The notebook view: the best mix per measure and a table of the mixes (HTML).
    ///
    /// >>> import reseau
    /// >>> s = reseau.balance(reseau.datasets.aarhus_cs(), mixes=[0, 1], steps=20, runs=20)
    /// >>> "<table>" in s._repr_html_()
    /// True
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("reseau._display")?.call_method1("balance_html", (slf,))
    }

    #[classmethod]
    #[pyo3(name = "_from_json")]
    fn from_json_text(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        let value: Value = serde_json::from_str(json).map_err(|e| {
            invalid("balance report", e, "JSON as BalanceReport.to_json() writes it")
        })?;
        Ok(PyBalanceReport { inner: from_json("balance report", value, "a BalanceReport")? })
    }
}

fn by_measure<T: serde::Serialize>(
    py: Python<'_>,
    items: impl Iterator<Item = (Measure, T)>,
) -> PyResult<Bound<'_, PyDict>> {
    let dict = PyDict::new(py);
    for (measure, item) in items {
        let value = to_python(py, &item, "balance")?;
        let value = value.cast_into::<PyDict>()?;
        value.del_item("measure")?;
        dict.set_item(measure.as_str(), value)?;
    }
    Ok(dict)
}

/// The headline report on a network: the layers offline and online, whom to enlist (the
/// relays and their cost), a campaign from the most connected person with the share carried
/// offline and online, the referral load curve with its collapse point, the balance sweep
/// with its best mix, and the largest digital layer's decline. The same seed gives the same
/// numbers as the ``reseau report`` command and the JavaScript ``report``.
///
/// ``quick=True`` runs fewer cascades and steps (a preview); ``options`` is a dict of the
/// core's report options (``runs``, ``relays``, ``budget``, ``mixes``, ``decline_layer``, …).
///
/// >>> import reseau
/// >>> r = reseau.report(reseau.datasets.aarhus_cs(), quick=True, seed=1)
/// >>> r.numbers["network"]["people"], "collapses at" in r.text
/// (61, True)
/// >>> sorted(r.charts)[:2]
/// ['balance_reach.svg', 'balance_referrals.svg']
#[pyfunction]
#[pyo3(signature = (net, *, quick = false, options = None, seed = 7, progress = None))]
pub(crate) fn report(
    py: Python<'_>,
    net: PyRef<'_, PyNetwork>,
    quick: bool,
    options: Option<&Bound<'_, PyAny>>,
    seed: u64,
    progress: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReport> {
    let base = if quick { ReportOptions::quick() } else { ReportOptions::default() };
    let options: ReportOptions = match present(options) {
        None => base,
        Some(given) => {
            // The given keys over the base options, then the core's checks.
            let Value::Object(mut merged) =
                serde_json::to_value(&base).map_err(|e| invalid("options", e, "serialisable"))?
            else {
                unreachable!("options serialise to an object")
            };
            let Value::Object(given) = to_json(given, "options")? else {
                return Err(invalid("options", "not a dict", "a dict of report options"));
            };
            merged.extend(given);
            from_json("options", Value::Object(merged), "a dict of report options")?
        }
    };
    let inner = &net.inner;
    let request = ReportRequest::from_options(&options).seed(seed);
    let report = watched(py, progress, "report", |control| report_with(inner, &request, control))?;
    Ok(PyReport { inner: report })
}

/// The result of :func:`report`: ``text`` (the page), ``charts`` (SVG documents by file
/// name), ``numbers`` (every figure as plain dicts), ``write(folder)``.
///
/// >>> import reseau
/// >>> reseau.report(reseau.datasets.aarhus_cs(), quick=True, seed=1)
/// <reseau.Report: 61 people, 620 ties; seed 1>
#[pyclass(module = "reseau", name = "Report", frozen)]
pub(crate) struct PyReport {
    inner: Report,
}

#[pymethods]
impl PyReport {
    /// The report as text.
    ///
    /// >>> import reseau
    /// >>> r = reseau.report(reseau.datasets.aarhus_cs(), quick=True, seed=1)
    /// >>> r.text.splitlines()[2]
    /// '61 people, 620 ties in 5 layers (16.0 bytes per directed tie in the compiled view)'
    #[getter]
    fn text(&self) -> String {
        self.inner.text()
    }

    /// The figures as SVG documents, by file name.
    ///
    /// >>> import reseau
    /// >>> r = reseau.report(reseau.datasets.aarhus_cs(), quick=True, seed=1)
    /// >>> r.charts["load_curve.svg"][:4]
    /// '<svg'
    #[getter]
    fn charts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (name, svg) in self.inner.charts() {
            dict.set_item(name, svg)?;
        }
        Ok(dict)
    }

    /// Every figure as plain dicts and lists.
    ///
    /// >>> import reseau
    /// >>> r = reseau.report(reseau.datasets.aarhus_cs(), quick=True, seed=1)
    /// >>> r.numbers["campaign"]["seed_person"], r.numbers["load_curve"]["collapse_rate"] is not None
    /// ('U4', True)
    #[getter]
    fn numbers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner, "report")
    }

    /// The numbers as JSON.
    ///
    /// >>> import reseau
    /// >>> r = reseau.report(reseau.datasets.aarhus_cs(), quick=True, seed=1)
    /// >>> import json; json.loads(r.to_json()) == r.numbers
    /// True
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// Writes ``report.txt``, ``report.json`` and the charts into ``folder`` (created if
    /// missing); returns the paths written.
    ///
    /// >>> import reseau
    /// >>> r = reseau.report(reseau.datasets.aarhus_cs(), quick=True, seed=1)
    /// >>> import tempfile, pathlib
    /// >>> with tempfile.TemporaryDirectory() as d:
    /// ...     sorted(p.name for p in r.write(pathlib.Path(d) / "out"))[-2:]
    /// ['report.json', 'report.txt']
    fn write(
        &self,
        py: Python<'_>,
        folder: std::path::PathBuf,
    ) -> PyResult<Vec<std::path::PathBuf>> {
        let inner = &self.inner;
        py.detach(|| inner.write(&folder)).map_err(err)
    }

    fn __repr__(&self) -> String {
        format!(
            "<reseau.Report: {} people, {} ties; seed {}>",
            self.inner.network.people, self.inner.network.ties, self.inner.seed
        )
    }

    /// The notebook view: the text, then the charts (HTML).
    ///
    /// >>> import reseau
    /// >>> r = reseau.report(reseau.datasets.aarhus_cs(), quick=True)
    /// >>> r._repr_html_().count("<svg")
    /// 5
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("reseau._display")?.call_method1("report_html", (slf,))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> Reduced<'py, (String,)> {
        let rebuild = slf.get_type().getattr("_from_json")?;
        Ok((rebuild, (slf.get().inner.to_json(),)))
    }

    #[classmethod]
    #[pyo3(name = "_from_json")]
    fn from_json_text(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
        let value: Value = serde_json::from_str(json)
            .map_err(|e| invalid("report", e, "JSON as Report.to_json() writes it"))?;
        Ok(PyReport { inner: from_json("report", value, "a Report")? })
    }
}
