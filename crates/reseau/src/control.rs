//! Progress reports and cancellation for long calls.
//!
//! The long calls ([`simulate_with`](crate::cascade::simulate_with),
//! [`select_relays_with`](crate::relays::select_relays_with),
//! [`route_referrals_with`](crate::referral::route_referrals_with),
//! [`referral_load_curve_with`](crate::referral::referral_load_curve_with),
//! [`reputation_with`](crate::reputation::reputation_with),
//! [`balance_with`](crate::balance::balance_with),
//! [`report_with`](crate::report::report_with)) take a
//! [`Control`]: a callback they call between blocks of work with how much is done and how
//! much there is, and that returns `false` to stop the call. A stopped call returns
//! [`Error::Cancelled`]; a call that is not stopped returns exactly what it returns without
//! a `Control` (the callback only watches). The plain functions (`simulate`, …) run with
//! [`Control::none`]. A function's name ends in `_with` when, and only when, it is such a
//! variant: the same request, and a `Control`.
//!
//! The callback may be called from several threads at once (the blocks run in parallel), so
//! it is `Sync`, and `done` may reach it out of order; it is called at most once per block of
//! work (64 cascades, 256 RR sets, one CELF estimate, one request rate, 1,024 request
//! events), so a cheap callback costs nothing measurable. Stopping takes effect at the next
//! block. Another thread holding the same `&Control` can also stop the call with
//! [`Control::cancel`] (the Python binding does so on Ctrl-C).
//!
//! ```
//! use std::sync::atomic::{AtomicU64, Ordering};
//! use reseau::cascade::{Model, SimulateRequest, simulate_with};
//! use reseau::control::Control;
//!
//! let net = reseau::datasets::aarhus_cs().compile();
//! let request = SimulateRequest::new([0]).model(Model::independent_cascade(0.1)).runs(1_000).seed(7);
//!
//! // Watch: the callback sees the runs done out of the runs asked for.
//! let seen = AtomicU64::new(0);
//! let watch = |done: u64, total: u64| {
//!     assert!(done <= total);
//!     seen.fetch_max(done, Ordering::Relaxed);
//!     true // go on
//! };
//! let watched = simulate_with(&net, &request, &Control::new(&watch))?;
//! assert_eq!(seen.load(Ordering::Relaxed), 1_000);
//! assert_eq!(watched, reseau::cascade::simulate(&net, &request)?);
//!
//! // Stop: returning false cancels the call.
//! let stop = |done: u64, _total: u64| done < 200;
//! let err = simulate_with(&net, &request.runs(100_000), &Control::new(&stop)).unwrap_err();
//! assert_eq!(err.kind(), "CancelledError");
//! # Ok::<(), reseau::Error>(())
//! ```

use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{Error, Result};

/// The callback of a [`Control`]: `(done, total) -> go on?`.
pub type Progress<'a> = &'a (dyn Fn(u64, u64) -> bool + Sync);

/// Watches a long call and can stop it; see the [module](self) documentation.
///
/// ```
/// use reseau::control::Control;
/// let quiet = Control::none();
/// assert!(quiet.report(1, 2).is_ok());
///
/// let stop_half_way = |done: u64, total: u64| 2 * done < total;
/// let control = Control::new(&stop_half_way);
/// assert!(control.report(1, 4).is_ok());
/// assert_eq!(control.report(2, 4).unwrap_err(), reseau::Error::Cancelled);
/// assert!(control.is_cancelled()); // and it stays so
/// assert!(control.check().is_err());
/// ```
pub struct Control<'a> {
    progress: Option<Progress<'a>>,
    cancelled: AtomicBool,
    /// For a [part](Control::part) of a longer call: the whole call's control and where this
    /// part's progress goes in it (`from`, `to` of `total`).
    parent: Option<(&'a Control<'a>, [u64; 3])>,
}

impl std::fmt::Debug for Control<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Control")
            .field("progress", &self.progress.map(|_| "callback"))
            .field("cancelled", &self.is_cancelled())
            .field("part", &self.parent.map(|(_, range)| range))
            .finish()
    }
}

impl Default for Control<'_> {
    fn default() -> Self {
        Control::none()
    }
}

impl<'a> Control<'a> {
    /// A control that calls `progress(done, total)` between blocks of work and stops the call
    /// when it returns `false`.
    ///
    /// ```
    /// use reseau::control::Control;
    /// let control = Control::new(&|done, total| done < total);
    /// assert!(control.report(3, 10).is_ok());
    /// ```
    pub fn new(progress: Progress<'a>) -> Self {
        Control { progress: Some(progress), cancelled: AtomicBool::new(false), parent: None }
    }

    /// A control that neither reports nor stops (what the plain functions use).
    ///
    /// ```
    /// let control = reseau::control::Control::none();
    /// assert!(!control.is_cancelled());
    /// ```
    pub const fn none() -> Self {
        Control { progress: None, cancelled: AtomicBool::new(false), parent: None }
    }

    /// A control for one part of a longer call that runs several long calls in turn (as the
    /// report does): the part's progress, `done` of its own `total`, is reported to `self` as
    /// `from + (to − from) · done / total` of `whole`; the part is stopped whenever `self` is
    /// (checked at each of the part's blocks, not only when it reports), and stopping the
    /// part stops `self`.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicU64, Ordering};
    /// use reseau::control::Control;
    /// let last = AtomicU64::new(0);
    /// let watch = |done: u64, _total: u64| { last.store(done, Ordering::Relaxed); true };
    /// let whole = Control::new(&watch);
    /// let second = whole.part(50, 100, 100);
    /// second.report(1, 4)?;
    /// assert_eq!(last.load(Ordering::Relaxed), 62);
    /// whole.cancel();
    /// assert!(second.is_cancelled() && second.check().is_err());
    /// # Ok::<(), reseau::Error>(())
    /// ```
    #[must_use]
    pub fn part(&'a self, from: u64, to: u64, whole: u64) -> Control<'a> {
        Control {
            progress: None,
            cancelled: AtomicBool::new(false),
            parent: Some((self, [from, to, whole])),
        }
    }

    /// Reports that `done` units of `total` are done: calls the callback, and returns
    /// [`Error::Cancelled`] if it asks to stop or if the call was stopped before.
    ///
    /// ```
    /// use reseau::control::Control;
    /// let control = Control::new(&|done, _| done == 0);
    /// assert!(control.report(0, 5).is_ok());
    /// assert!(control.report(1, 5).is_err());
    /// ```
    pub fn report(&self, done: u64, total: u64) -> Result<()> {
        if self.is_cancelled() {
            return Err(Error::Cancelled);
        }
        if let Some(progress) = self.progress {
            if !progress(done, total) {
                self.cancel();
                return Err(Error::Cancelled);
            }
        }
        if let Some((parent, [from, to, whole])) = self.parent {
            let share = u128::from(to.saturating_sub(from)) * u128::from(done.min(total))
                / u128::from(total.max(1));
            parent.report(from + share as u64, whole).inspect_err(|_| self.cancel())?;
        }
        Ok(())
    }

    /// Stops the call at its next block of work.
    ///
    /// ```
    /// let control = reseau::control::Control::none();
    /// control.cancel();
    /// assert!(control.is_cancelled());
    /// ```
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
        if let Some((parent, _)) = self.parent {
            parent.cancel();
        }
    }

    /// Whether the call was stopped.
    ///
    /// ```
    /// assert!(!reseau::control::Control::none().is_cancelled());
    /// ```
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed) || self.parent.is_some_and(|(p, _)| p.is_cancelled())
    }

    /// [`Error::Cancelled`] if the call was stopped, without calling the callback.
    ///
    /// ```
    /// assert!(reseau::control::Control::none().check().is_ok());
    /// ```
    pub fn check(&self) -> Result<()> {
        if self.is_cancelled() { Err(Error::Cancelled) } else { Ok(()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_control_is_shared_between_threads() {
        let calls = std::sync::atomic::AtomicU64::new(0);
        let count = |_, _| {
            calls.fetch_add(1, Ordering::Relaxed);
            true
        };
        let control = Control::new(&count);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for i in 0..100 {
                        control.report(i, 100).unwrap();
                    }
                });
            }
        });
        assert_eq!(calls.load(Ordering::Relaxed), 400);
    }

    #[test]
    fn once_stopped_the_callback_is_not_called_again() {
        let calls = std::sync::atomic::AtomicU64::new(0);
        let stop = |_, _| {
            calls.fetch_add(1, Ordering::Relaxed);
            false
        };
        let control = Control::new(&stop);
        assert!(control.report(0, 1).is_err());
        assert!(control.report(0, 1).is_err());
        assert_eq!(calls.load(Ordering::Relaxed), 1);
        assert_eq!(Error::Cancelled.kind(), "CancelledError");
    }
}
