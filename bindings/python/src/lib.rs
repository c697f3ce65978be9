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
//!     let (view, labels) = net.view(py);                    // the view first: reading the
//!     drop(net);                                              // arguments may run Python code
//!     let args = Args::new(py, "thing", kwargs)?;           // .people(..), .models() if it takes them
//!     let progress = args.take("progress")?;
//!     let request: ThingRequest = args.request()?;
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

mod args;
mod balance;
mod cascade;
mod cli;
mod control;
mod de;
mod distributed;
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
mod shadow;

/// The compiled part of the `reseau` package. Import ``reseau`` instead.
#[pyo3::pymodule]
mod _core {
    use pyo3::prelude::*;

    #[pymodule_export]
    use crate::balance::{_report_html, _report_views, _report_write, balance, report};
    #[pymodule_export]
    use crate::cascade::{_merge, _shard_ranges, _summarise, exact_spread, simulate, trace};
    #[pymodule_export]
    use crate::cli::cli;
    #[pymodule_export]
    use crate::distributed::{PyRelayDriver, PyRelayShard};
    #[pymodule_export]
    use crate::fatigue::_willingness;
    #[pymodule_export]
    use crate::generators::{
        aarhus_cs, barabasi_albert, barabasi_albert_compiled, erdos_renyi, kleinberg, professional,
        stochastic_block, watts_strogatz,
    };
    #[pymodule_export]
    use crate::inference::{fit_cascade, infer_shadow, shuffle_test};
    #[pymodule_export]
    use crate::io::{
        parse_adoptions, parse_csv, parse_edgelist, parse_mpx, parse_multiplex, parse_signed,
        read_adoptions, read_csv, read_edgelist, read_mpx, read_multiplex, read_signed,
    };
    #[pymodule_export]
    use crate::network::PyNetwork;
    #[pymodule_export]
    use crate::objects::{_check, Labels};
    #[pymodule_export]
    use crate::referral::{referral_load_curve, route_referrals, trace_referrals};
    #[pymodule_export]
    use crate::relays::{relay_evaluation_seed, select_relays};
    #[pymodule_export]
    use crate::reputation::{e_reputation, reputation};
    #[pymodule_export]
    use crate::shadow::shadow_gap;

    /// The error classes and the version numbers.
    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        crate::errors::register(m)?;
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("FORMAT_VERSION", reseau::io::FORMAT_VERSION)
    }
}
