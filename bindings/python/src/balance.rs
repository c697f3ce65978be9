//! `reseau.balance` and `reseau.report`: the core's `balance` and `report` entry points, their
//! keyword arguments read into the core's requests. Both run on a snapshot of the network (a
//! copy taken with the GIL held), so that the network may change while they run, from another
//! thread or their own progress callback.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use reseau::Network;
use reseau::balance::{BalanceRequest, balance_with};
use reseau::report::{Report, ReportRequest, report_with};

use crate::args::{Args, deprecated};
use crate::control::watched;
use crate::de::from_py;
use crate::errors::err;
use crate::network::PyNetwork;
use crate::objects::{python_side, result};

/// A copy of the network for a call that runs on it: taken with the GIL held, so that no
/// Python thread changes the network meanwhile; the borrow ends here, so that the network may
/// change while the call runs (from another thread, or from the call's progress callback).
fn snapshot(net: PyRef<'_, PyNetwork>) -> Network {
    net.inner.clone()
}

/// The balance sweep: for each **mix** (the share of networking effort spent on physical
/// ties, in [0, 1]), random referral requests between strangers under fatigue and a campaign
/// from a few seeds, on the network as given and, with ``decline``, as a digital layer loses
/// its ties period after period. See ``docs/balance.md`` for the model.
///
/// A mix m acts twice: a holder with contacts on both kinds of layer forwards over a
/// physical tie with probability m; a campaign's ties are scaled by ``effort`` × m ÷
/// ``physical_cost`` (physical) and ``effort`` × (1 - m) ÷ ``digital_cost`` (digital), and its
/// ``num_seeds`` seeds are split round(m·k) by physical ties, the rest by digital ties.
/// ``digital_fatigue`` gives people a separate digital inbox with its own fatigue (else one
/// load is shared by every layer). ``decline`` is a dict ``{"layer": name, "rate": share lost
/// per period, "periods": n, "vanish_at": period or None}``.
///
/// The keyword arguments are the core's ``BalanceRequest`` (their defaults are in the type
/// stubs; ``seeds``, the old name of ``num_seeds``, still works for one release, with a
/// ``DeprecationWarning``) and the binding's ``progress`` (see :func:`simulate`). The sweep
/// runs on a copy of the network, which may change meanwhile.
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
#[pyo3(signature = (net, mixes = None, **kwargs))]
pub(crate) fn balance<'py>(
    py: Python<'py>,
    net: PyRef<'py, PyNetwork>,
    mixes: Option<&Bound<'py, PyAny>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    // A copy taken first: reading the arguments may run Python code that edits the network.
    let net = snapshot(net);
    let args = Args::new(py, "balance", kwargs)?.with("mixes", mixes)?.models()?;
    if let Some(seeds) = args.take("seeds")? {
        deprecated(py, "balance(seeds=...)", "num_seeds=...")?;
        args.set("num_seeds", &seeds)?;
    }
    let progress = args.take("progress")?;
    let request: BalanceRequest = args.request()?;
    let report = watched(py, progress.as_ref(), "balance", |c| balance_with(&net, &request, c))?;
    result(py, "BalanceReport", &report, None)
}

/// The headline report on a network: the layers offline and online, whom to enlist (the
/// relays and their cost), a campaign from the most connected person with the share carried
/// offline and online, the referral load curve with its collapse point, the balance sweep
/// with its best mix, and the largest digital layer's decline. The same seed gives the same
/// numbers as the ``reseau report`` command and the JavaScript ``report``.
///
/// The keyword arguments are the core's ``ReportRequest``: ``quick=True`` runs fewer
/// cascades and steps (a preview), ``seed``, and any report option (``runs``, ``relays``,
/// ``budget``, ``mixes``, ``decline_layer``, …; ``None`` is the core's ``null``, so
/// ``budget=None`` skips the budgeted choice), and the binding's ``progress``. ``options``,
/// a dict of the same, still works for one release, with a ``DeprecationWarning``. The report
/// runs on a copy of the network, which may change meanwhile. ``fit``, a dict of the core's
/// ``FitRequest`` (``{"adoptions": ..., "exposure": "persistent", ...}``, the adoptions in any
/// shape :func:`fit_cascade` takes), fits observed adoptions first: the report then shows the
/// fitted layers and the shadow share, and runs every section with the fitted model unless
/// ``model`` is given. ``report.html()`` is the page as one self-contained HTML file.
///
/// >>> import reseau
/// >>> r = reseau.report(reseau.datasets.aarhus_cs(), quick=True, seed=1)
/// >>> r.numbers["network"]["people"], "collapses at" in r.text
/// (61, True)
/// >>> r = reseau.report(reseau.datasets.aarhus_cs(), quick=True, relays=2, budget=None)
/// >>> len(r.numbers["relays"]["relays"]), r.numbers["budgeted"]
/// (2, None)
/// >>> sorted(r.charts)[:2]
/// ['balance_reach.svg', 'balance_referrals.svg']
#[pyfunction]
#[pyo3(signature = (net, **kwargs))]
pub(crate) fn report<'py>(
    py: Python<'py>,
    net: PyRef<'py, PyNetwork>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let net = snapshot(net);
    // `None` is the core's `null` here: `budget=None` skips the budget.
    let args = Args::keeping_none(py, "report", kwargs)?;
    if let Some(options) = args.take("options")? {
        deprecated(py, "report(options={...})", "the options as keyword arguments")?;
        args.spread(&options)?;
    }
    let args = args.models()?;
    // Observed adoptions in the shapes Python holds them (a dict by id, a DataFrame).
    if let Some(fit) = args.take("fit")? {
        let fit = match fit.cast::<PyDict>() {
            Ok(given) => {
                let fit = given.copy()?;
                if let Some(adoptions) = fit.get_item("adoptions")? {
                    let core = python_side(py, "reseau._adoptions", "as_core", (adoptions,))?;
                    fit.set_item("adoptions", core)?;
                }
                fit.into_any()
            }
            Err(_) => fit,
        };
        args.set("fit", &fit)?;
    }
    let progress = args.take("progress")?;
    let request: ReportRequest = args.request()?;
    let report = watched(py, progress.as_ref(), "report", |c| report_with(&net, &request, c))?;
    result(py, "Report", &report, None)
}

/// A report's text and charts (`Report.text`, `Report.charts`), made by the core from its
/// numbers.
#[pyfunction]
pub(crate) fn _report_views(
    report: &Bound<'_, PyAny>,
) -> PyResult<(String, Vec<(String, String)>)> {
    let report: Report = from_py(report, "report", "Report")?;
    Ok((report.text(), report.charts()))
}

/// A report's HTML page (`Report.html`), made by the core from its numbers.
#[pyfunction]
pub(crate) fn _report_html(report: &Bound<'_, PyAny>) -> PyResult<String> {
    let report: Report = from_py(report, "report", "Report")?;
    Ok(report.html())
}

/// Writes a report's files into `folder` (`Report.write`).
#[pyfunction]
pub(crate) fn _report_write(
    py: Python<'_>,
    report: &Bound<'_, PyAny>,
    folder: std::path::PathBuf,
) -> PyResult<Vec<std::path::PathBuf>> {
    let report: Report = from_py(report, "report", "Report")?;
    py.detach(|| report.write(&folder)).map_err(err)
}
