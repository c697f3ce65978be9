//! Python bindings of `reseau`, imported as `reseau._core` and re-exported by the `reseau`
//! package (`python/reseau`).
//!
//! The binding converts types, maps errors and releases the GIL around the core's work,
//! nothing else: any logic belongs in the core, where Rust, Python and JavaScript share it.
//! Conveniences written in Python (networkx and pandas conversion, notebook display) live in
//! the package's Python source.

// The doc comments here are Python docstrings: `['a', 'b']` in an example is a list, not a
// link.
#![allow(clippy::doc_link_with_quotes)]
// pyo3 hands arguments over by value (an extracted `PathBuf`, `Vec`, ...).
#![allow(clippy::needless_pass_by_value)]

use pyo3::prelude::*;

mod balance;
mod cascade;
mod cli;
mod control;
mod convert;
mod errors;
mod fatigue;
mod generators;
mod io;
mod network;
mod referral;
mod relays;
mod reputation;
mod results;

/// The compiled part of the `reseau` package. Import ``reseau`` instead.
#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("FORMAT_VERSION", reseau::io::FORMAT_VERSION)?;
    m.add_class::<network::PyNetwork>()?;
    m.add_class::<network::PyLayer>()?;
    m.add_function(wrap_pyfunction!(io::read_edgelist, m)?)?;
    m.add_function(wrap_pyfunction!(io::parse_edgelist, m)?)?;
    m.add_function(wrap_pyfunction!(io::read_csv, m)?)?;
    m.add_function(wrap_pyfunction!(io::parse_csv, m)?)?;
    m.add_function(wrap_pyfunction!(io::read_multiplex, m)?)?;
    m.add_function(wrap_pyfunction!(io::parse_multiplex, m)?)?;
    m.add_function(wrap_pyfunction!(io::read_mpx, m)?)?;
    m.add_function(wrap_pyfunction!(io::parse_mpx, m)?)?;
    m.add_function(wrap_pyfunction!(io::read_signed, m)?)?;
    m.add_function(wrap_pyfunction!(io::parse_signed, m)?)?;
    m.add_function(wrap_pyfunction!(generators::erdos_renyi, m)?)?;
    m.add_function(wrap_pyfunction!(generators::barabasi_albert, m)?)?;
    m.add_function(wrap_pyfunction!(generators::watts_strogatz, m)?)?;
    m.add_function(wrap_pyfunction!(generators::kleinberg, m)?)?;
    m.add_function(wrap_pyfunction!(generators::stochastic_block, m)?)?;
    m.add_function(wrap_pyfunction!(generators::professional, m)?)?;
    m.add_function(wrap_pyfunction!(generators::aarhus_cs, m)?)?;
    m.add_class::<cascade::PyModel>()?;
    m.add_class::<cascade::PyIndependentCascade>()?;
    m.add_class::<cascade::PyWeightedCascade>()?;
    m.add_class::<cascade::PyLinearThreshold>()?;
    m.add_class::<cascade::PyLayerSettings>()?;
    m.add_class::<cascade::PyRelays>()?;
    m.add_class::<cascade::PySpreadStats>()?;
    m.add_class::<cascade::PyCascadeSummary>()?;
    m.add_class::<cascade::PyCascadeTrace>()?;
    m.add_class::<cascade::PyCascadePartial>()?;
    m.add_function(wrap_pyfunction!(cascade::simulate, m)?)?;
    m.add_function(wrap_pyfunction!(cascade::trace, m)?)?;
    m.add_function(wrap_pyfunction!(cascade::exact_spread, m)?)?;
    m.add_class::<fatigue::PyFatigue>()?;
    m.add_class::<referral::PyReferralSummary>()?;
    m.add_class::<referral::PyLoadCurve>()?;
    m.add_function(wrap_pyfunction!(referral::route_referrals, m)?)?;
    m.add_function(wrap_pyfunction!(referral::trace_referrals, m)?)?;
    m.add_function(wrap_pyfunction!(referral::referral_load_curve, m)?)?;
    m.add_class::<relays::PyRelaySelection>()?;
    m.add_function(wrap_pyfunction!(relays::select_relays, m)?)?;
    m.add_function(wrap_pyfunction!(relays::relay_evaluation_seed, m)?)?;
    m.add_class::<reputation::PyReputation>()?;
    m.add_class::<balance::PyBalanceReport>()?;
    m.add_class::<balance::PyReport>()?;
    m.add_function(wrap_pyfunction!(balance::balance, m)?)?;
    m.add_function(wrap_pyfunction!(balance::report, m)?)?;
    m.add_function(wrap_pyfunction!(reputation::reputation, m)?)?;
    m.add_function(wrap_pyfunction!(cli::cli, m)?)?;
    Ok(())
}
