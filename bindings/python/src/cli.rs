//! The `reseau` command for `pip` users: the console entry point `reseau` (pyproject.toml's
//! `[project.scripts]`) calls [`cli`], which runs the command-line tool's own code
//! (`reseau_cli::run`) on `sys.argv`, so the command is the same as `cargo install`'s.

use pyo3::prelude::*;

/// Runs the ``reseau`` command on ``sys.argv`` and returns its exit status (what the
/// ``reseau`` console script calls; see ``reseau --help``).
#[pyfunction]
pub(crate) fn cli(py: Python<'_>) -> PyResult<u8> {
    let argv: Vec<String> = py.import("sys")?.getattr("argv")?.extract()?;
    Ok(py.detach(|| reseau_cli::run(argv)))
}
