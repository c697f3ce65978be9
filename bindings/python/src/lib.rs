//! Python bindings of `reseau`, imported as `reseau._core` and re-exported by the `reseau`
//! package (`python/reseau`).
//!
//! The binding converts types, maps errors and releases the GIL around the core's work,
//! nothing else: any logic belongs in the core, where Rust, Python and JavaScript share it.
//! Keyword arguments deserialise into the core's request structs (`de`, `args`); results and
//! values are pure-Python objects holding the core's serde form (`ser`, `objects`, and the
//! package's `_data`, `_values` and `_results`); tables, notebook views and charts are the
//! package's Python (`_pandas`, `_display`, `_plot`).
//!
//! # Adding an entry point
//!
//! A core function `run_with(&CompiledNetwork, &ThingRequest, &Control) -> Result<Thing>`
//! whose request and result derive serde (and `JsonSchema`, listed in `reseau::schema`):
//!
//! ```text
//! /// The docstring, with an example that runs.
//! #[pyfunction]
//! #[pyo3(signature = (net, **kwargs))]
//! pub(crate) fn thing<'py>(py: Python<'py>, net: PyRef<'py, PyNetwork>, kwargs: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, PyAny>> {
//!     let args = Args::new(py, "thing", kwargs)?;           // .people(..), .models() if it takes them
//!     let progress = args.take("progress")?;
//!     let request: ThingRequest = args.request()?;
//!     let (view, labels) = net.view(py);
//!     drop(net);
//!     let thing = watched(py, progress.as_ref(), "thing", |c| reseau::thing::run_with(&view, &request, c))?;
//!     result(py, "Thing", &thing, Some(labels))
//! }
//! ```
//!
//! then register it below, add `class Thing(Result, kind="Thing")` to `_results.py` (its
//! fields are generated: `python stubgen.py`), and a `def thing(...)` stub with a
//! `# stubgen: ThingRequest` block in `_core.pyi`; `scripts/test-python` checks both match
//! the core's schema.

// The doc comments here are Python docstrings: `['a', 'b']` in an example is a list, not a
// link.
#![allow(clippy::doc_link_with_quotes)]
// pyo3 hands arguments over by value (an extracted `PathBuf`, `Vec`, ...).
#![allow(clippy::needless_pass_by_value)]

use pyo3::prelude::*;

mod args;
mod balance;
mod cascade;
mod cli;
mod control;
mod de;
mod errors;
mod fatigue;
mod generators;
mod inference;
mod io;
mod network;
mod objects;
mod referral;
mod relays;
mod reputation;
mod ser;

/// The compiled part of the `reseau` package. Import ``reseau`` instead.
#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("FORMAT_VERSION", reseau::io::FORMAT_VERSION)?;
    m.add_class::<network::PyNetwork>()?;
    m.add_class::<objects::Labels>()?;
    for function in [
        wrap_pyfunction!(io::read_edgelist, m)?,
        wrap_pyfunction!(io::parse_edgelist, m)?,
        wrap_pyfunction!(io::read_csv, m)?,
        wrap_pyfunction!(io::parse_csv, m)?,
        wrap_pyfunction!(io::read_multiplex, m)?,
        wrap_pyfunction!(io::parse_multiplex, m)?,
        wrap_pyfunction!(io::read_mpx, m)?,
        wrap_pyfunction!(io::parse_mpx, m)?,
        wrap_pyfunction!(io::read_signed, m)?,
        wrap_pyfunction!(io::parse_signed, m)?,
        wrap_pyfunction!(generators::erdos_renyi, m)?,
        wrap_pyfunction!(generators::barabasi_albert, m)?,
        wrap_pyfunction!(generators::watts_strogatz, m)?,
        wrap_pyfunction!(generators::kleinberg, m)?,
        wrap_pyfunction!(generators::stochastic_block, m)?,
        wrap_pyfunction!(generators::professional, m)?,
        wrap_pyfunction!(generators::aarhus_cs, m)?,
        wrap_pyfunction!(cascade::simulate, m)?,
        wrap_pyfunction!(cascade::trace, m)?,
        wrap_pyfunction!(cascade::exact_spread, m)?,
        wrap_pyfunction!(referral::route_referrals, m)?,
        wrap_pyfunction!(referral::trace_referrals, m)?,
        wrap_pyfunction!(referral::referral_load_curve, m)?,
        wrap_pyfunction!(relays::select_relays, m)?,
        wrap_pyfunction!(relays::relay_evaluation_seed, m)?,
        wrap_pyfunction!(reputation::reputation, m)?,
        wrap_pyfunction!(reputation::e_reputation, m)?,
        wrap_pyfunction!(balance::balance, m)?,
        wrap_pyfunction!(balance::report, m)?,
        wrap_pyfunction!(cli::cli, m)?,
        wrap_pyfunction!(inference::fit_cascade, m)?,
        wrap_pyfunction!(inference::shuffle_test, m)?,
        wrap_pyfunction!(inference::infer_shadow, m)?,
        wrap_pyfunction!(io::read_adoptions, m)?,
        wrap_pyfunction!(io::parse_adoptions, m)?,
        // What the package's value and result classes ask of the core.
        wrap_pyfunction!(objects::_check, m)?,
        wrap_pyfunction!(cascade::_merge, m)?,
        wrap_pyfunction!(cascade::_summarise, m)?,
        wrap_pyfunction!(cascade::_shard_ranges, m)?,
        wrap_pyfunction!(fatigue::_willingness, m)?,
        wrap_pyfunction!(balance::_report_views, m)?,
        wrap_pyfunction!(balance::_report_html, m)?,
        wrap_pyfunction!(balance::_report_write, m)?,
    ] {
        m.add_function(function)?;
    }
    Ok(())
}
