//! A progress bar on stderr for long calls, and Ctrl-C.
//!
//! The bar is a dozen lines rather than a crate: it redraws one line, at most ten times a
//! second, from a watcher thread, once the call has run for a second, and only when stderr is
//! a terminal (a pipe or a file gets nothing). The same thread turns Ctrl-C into the core's
//! cancellation ([`Control::cancel`]), which stops the call at its next block of work; a
//! second Ctrl-C ends the process at once.

use std::io::{IsTerminal, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering::Relaxed};
use std::time::{Duration, Instant};

use reseau::control::Control;

/// Ctrl-C presses seen since the process started.
static INTERRUPTS: AtomicU32 = AtomicU32::new(0);

/// The exit status of a run stopped by Ctrl-C (128 + SIGINT).
pub(crate) const INTERRUPTED: u8 = 130;

/// Installs the Ctrl-C handler (once per process).
pub(crate) fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Refused when the host process has a handler already (as a Python program that set
        // one through this library): then Ctrl-C is the host's.
        let _ = ctrlc::set_handler(|| {
            if INTERRUPTS.fetch_add(1, Relaxed) >= 1 {
                std::process::exit(i32::from(INTERRUPTED));
            }
        });
    });
}

/// How far the call is, as the core reports it (the largest share seen: blocks report out
/// of order).
#[derive(Default)]
struct State {
    done: AtomicU64,
    total: AtomicU64,
}

impl State {
    fn share(&self) -> f64 {
        let total = self.total.load(Relaxed);
        if total == 0 { 0.0 } else { (self.done.load(Relaxed) as f64 / total as f64).min(1.0) }
    }
    fn update(&self, done: u64, total: u64) {
        // Keep the largest fraction: parts of a call may report different totals.
        if total > 0 && (self.total.load(Relaxed) == 0 || done as f64 / total as f64 > self.share())
        {
            self.total.store(total, Relaxed);
            self.done.store(done, Relaxed);
        }
    }
}

const WIDTH: usize = 30;

fn draw(label: &str, share: f64, elapsed: Duration) {
    let filled = (share * WIDTH as f64).round() as usize;
    let mut err = std::io::stderr().lock();
    let _ = write!(
        err,
        "\r{label} [{}{}] {:>3.0}%  {:.0} s ",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        100.0 * share,
        elapsed.as_secs_f64()
    );
    let _ = err.flush();
}

fn clear() {
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "\r\x1b[2K");
    let _ = err.flush();
}

/// Runs `work` with a control that draws a bar labelled `label` (unless `quiet`) and stops
/// on Ctrl-C.
pub(crate) fn watched<T>(
    label: &str,
    quiet: bool,
    work: impl FnOnce(&Control<'_>) -> reseau::Result<T>,
) -> reseau::Result<T> {
    let state = State::default();
    let report = |done: u64, total: u64| {
        state.update(done, total);
        true
    };
    let control = Control::new(&report);
    let finished = AtomicBool::new(false);
    let show = !quiet && std::io::stderr().is_terminal();
    let seen = INTERRUPTS.load(Relaxed);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let start = Instant::now();
            let mut drawn = false;
            while !finished.load(Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                if INTERRUPTS.load(Relaxed) > seen {
                    control.cancel();
                }
                if show && start.elapsed() >= Duration::from_secs(1) && !finished.load(Relaxed) {
                    draw(label, state.share(), start.elapsed());
                    drawn = true;
                }
            }
            if drawn {
                clear();
            }
        });
        let out = work(&control);
        finished.store(true, Relaxed);
        out
    })
}
