//! Long calls that Ctrl-C interrupts and that report progress: the core's
//! [`reseau::control::Control`], driven from the calling thread.
//!
//! The core runs as a job of rayon's pool with the GIL released; the calling thread waits for it,
//! and every 100 ms takes the GIL briefly to run Python's signal handlers
//! (`py.check_signals()`, which only does anything on the main thread, where Python delivers
//! signals: hence the wait there rather than in the core's callback, which runs on worker
//! threads) and to hand the latest `(done, total)` to the `progress` callback. A
//! `KeyboardInterrupt`, an exception from the callback or a callback that returns `False`
//! cancels the core's work, which stops at its next block; the exception is then raised (a
//! `False` gives `reseau.CancelledError`).

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::mpsc;
use std::time::Duration;

use pyo3::prelude::*;
use pyo3::types::PyBool;
use reseau::control::Control;

use crate::errors::err;

/// How often the waiting thread looks at signals and reports progress.
const TICK: Duration = Duration::from_millis(100);

/// The `progress` argument as a callable (or `None`): `True` is a tqdm bar, a callable is
/// itself (see `reseau._progress.hook`).
fn hook(
    py: Python<'_>,
    progress: Option<&Bound<'_, PyAny>>,
    what: &str,
) -> PyResult<Option<Py<PyAny>>> {
    let Some(progress) = progress.filter(|p| !p.is_none()) else { return Ok(None) };
    if progress.is_instance_of::<PyBool>() && !progress.is_truthy()? {
        return Ok(None);
    }
    let made = py.import("reseau._progress")?.call_method1("hook", (progress, what))?;
    Ok((!made.is_none()).then(|| made.unbind()))
}

/// Calls `progress(done, total)`; `Ok(false)` when it returned `False`.
fn call(py: Python<'_>, progress: &Py<PyAny>, done: u64, total: u64) -> PyResult<bool> {
    let answer = progress.call1(py, (done, total))?;
    Ok(!answer.bind(py).is(PyBool::new(py, false)))
}

/// Runs `work` with the GIL released, interruptible by Ctrl-C and reporting to `progress`
/// (`None`, a bool, or a callable `(done, total) -> False to stop`); `what` names the call
/// on a progress bar.
pub(crate) fn watched<T: Send>(
    py: Python<'_>,
    progress: Option<&Bound<'_, PyAny>>,
    what: &str,
    work: impl FnOnce(&Control<'_>) -> reseau::Result<T> + Send,
) -> PyResult<T> {
    let callback = hook(py, progress, what)?;
    let (done, total) = (AtomicU64::new(0), AtomicU64::new(0));
    // The latest report; `done` only grows while `total` stays (reports from parallel blocks
    // arrive out of order), and starts again with a new stage (a new total).
    let note = |d: u64, t: u64| {
        if total.swap(t, Relaxed) == t {
            done.fetch_max(d, Relaxed);
        } else {
            done.store(d, Relaxed);
        }
        true
    };
    let control = Control::new(&note);
    let (result, stopped) = py.detach(|| {
        // The core runs as a job of rayon's pool, whose threads live as long as the process:
        // their memory (glibc's per-thread arenas) stays warm from one call to the next,
        // where a fresh thread per call would fault in every page it allocates again.
        rayon::in_place_scope(|s| {
            let (tx, rx) = mpsc::channel::<reseau::Result<T>>();
            let control = &control;
            s.spawn(move |_| {
                let _ = tx.send(work(control));
            });
            let mut stopped: Option<PyErr> = None;
            let result = loop {
                match rx.recv_timeout(TICK) {
                    Ok(result) => break Some(result),
                    // The job panicked: the scope raises its panic on the way out.
                    Err(mpsc::RecvTimeoutError::Disconnected) => break None,
                    Err(mpsc::RecvTimeoutError::Timeout) => {}
                }
                if stopped.is_some() {
                    continue;
                }
                stopped = Python::attach(|py| {
                    py.check_signals().err().or_else(|| match &callback {
                        Some(cb) => match call(py, cb, done.load(Relaxed), total.load(Relaxed)) {
                            Ok(true) => None,
                            Ok(false) => Some(err(reseau::Error::Cancelled)),
                            Err(e) => Some(e),
                        },
                        None => None,
                    })
                });
                if stopped.is_some() {
                    control.cancel();
                }
            };
            (result, stopped)
        })
    });
    let Some(result) = result else {
        unreachable!("a job that panicked makes its scope panic before this point")
    };
    if let Some(e) = stopped {
        close(py, callback.as_ref());
        return Err(e);
    }
    // The last report, so that a bar ends full; then the bar is closed.
    if let (Some(cb), Ok(_)) = (&callback, &result) {
        let (d, t) = (done.load(Relaxed), total.load(Relaxed));
        if t > 0 {
            if let Err(e) = call(py, cb, d, t) {
                close(py, callback.as_ref());
                return Err(e);
            }
        }
    }
    close(py, callback.as_ref());
    result.map_err(err)
}

/// Closes a progress bar (a callable with a `close` method); errors are not worth raising.
fn close(py: Python<'_>, callback: Option<&Py<PyAny>>) {
    if let Some(cb) = callback.filter(|cb| cb.bind(py).hasattr("close").unwrap_or(false)) {
        let _ = cb.call_method0(py, "close");
    }
}
