//! The shared real data sets, and a visible skip when they are absent.
//!
//! The files live in `../shared/data` beside the repository (`RESEAU_DATA` overrides it, as in
//! the Python and Node tests). Rust's test harness has no "skipped" outcome, so a test whose
//! file is missing passes after writing `SKIPPED: <test>: <reason>` to standard error with a
//! direct write: the harness captures what `eprintln!` prints from a passing test, but not
//! writes to the stream itself, so the line shows in every `cargo test` run (a `#[ignore]`
//! decided by a build script would need a rebuild whenever the folder appears, and would
//! probe the file system from the published crate's build). `RESEAU_REQUIRE_DATA=1` turns a
//! missing file into a failure, for a machine where the data must be there.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder of the shared data sets.
pub(crate) fn dir() -> PathBuf {
    std::env::var_os("RESEAU_DATA").map_or_else(
        || {
            // crates/reseau → the repository → the folder beside it.
            let repository = Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().nth(2);
            repository.and_then(Path::parent).unwrap_or(Path::new("..")).join("shared/data")
        },
        PathBuf::from,
    )
}

/// The path of a shared data file or folder, or `None` after reporting the skip when it is
/// absent.
pub(crate) fn path(relative: &str) -> Option<PathBuf> {
    let path = dir().join(relative);
    if path.exists() {
        return Some(path);
    }
    let reason = format!("{} not found (the shared data folder is absent)", path.display());
    assert!(
        std::env::var_os("RESEAU_REQUIRE_DATA").is_none(),
        "RESEAU_REQUIRE_DATA is set: {reason}"
    );
    skip(&reason);
    None
}

/// Writes `SKIPPED: <test>: <reason>` past the harness's output capture.
pub(crate) fn skip(reason: &str) {
    let thread = std::thread::current();
    let test = thread.name().filter(|name| *name != "main").unwrap_or("a test");
    // Ignoring a failed write: the skip must not fail the test.
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED: {test}: {reason}");
}
