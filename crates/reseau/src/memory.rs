//! Memory budgets: a call that allocates in proportion to what it is asked estimates the bytes
//! it needs and refuses with [`Error::OutOfMemory`] before it allocates, rather than letting
//! the allocator abort the process (a notebook's kernel, a web page's WebAssembly instance).
//!
//! The budget of a call is, in this order: its request's `max_memory` (bytes), when it has
//! one; else the environment variable [`ENV`] (`RESEAU_MAX_MEMORY`: bytes, or with a suffix
//! `K`, `M`, `G` or `T` for powers of 1024); else [`available`], what the machine can give
//! the process now. A budget larger than the machine's memory lets a call try, and its
//! allocations may then fail as they would without one.
//!
//! What the machine can give:
//!
//! - **Linux**: the least of `MemAvailable` (`/proc/meminfo`), the room left under the
//!   process's control groups' limits (`memory.max` − `memory.current` in cgroup v2,
//!   `memory.limit_in_bytes` − `memory.usage_in_bytes` in v1) and the room left in its
//!   address space (`ulimit -v`: the soft limit of `/proc/self/limits` less `VmSize`);
//! - **WebAssembly** (32 bits): the 4 GiB a memory can grow to, less what it already holds;
//! - **elsewhere**: [`DEFAULT_AVAILABLE`], a conservative guess.
//!
//! The estimates count the call's own working memory (the network is already there); they
//! are written next to each check, in bytes, from the sizes of the structures allocated.
//!
//! ```
//! use reseau::memory;
//! assert!(memory::available() > 0);
//! assert_eq!(memory::budget(Some(1 << 20))?, 1 << 20); // a request's max_memory wins
//! assert_eq!(memory::parse_bytes("4G"), Some(4 << 30));
//! # Ok::<(), reseau::Error>(())
//! ```

use crate::error::{Error, Result};

/// The environment variable that sets the budget of every call whose request does not set
/// its own `max_memory`: bytes, or with a suffix `K`, `M`, `G` or `T` (powers of 1024).
pub const ENV: &str = "RESEAU_MAX_MEMORY";

/// What [`available`] assumes where it cannot ask the machine (neither Linux nor
/// WebAssembly): 4 GiB.
pub const DEFAULT_AVAILABLE: u64 = 4 << 30;

/// The bytes the machine can give this process now (see the [module](self) documentation),
/// at least 1. On Linux the answer is at most [`FRESH_FOR`] old: reading `/proc` and the
/// control groups' files costs about 100 µs, more than a small call itself.
///
/// ```
/// assert!(reseau::memory::available() >= 1);
/// ```
pub fn available() -> u64 {
    machine::available().max(1)
}

/// How long [`available`] reuses what it read on Linux. A budget is a guard against asking
/// far more than the machine has (gigabytes), not an exact account: what the machine can
/// give moves by far less than that in 100 ms unless the process itself allocates, and an
/// allocation that still fails is refused by fallible reservation. Reading once per process
/// would be cheaper still but wrong for a long-lived process (a notebook) whose machine fills
/// up; 100 ms keeps the cost of the files below 0.1% of any process's time.
///
/// ```
/// assert_eq!(reseau::memory::FRESH_FOR.as_millis(), 100);
/// ```
pub const FRESH_FOR: std::time::Duration = std::time::Duration::from_millis(100);

/// The budget of a call: `max_memory` when given, else [`ENV`] when set, else
/// [`available`]. An [`ENV`] that is not a number of bytes is an
/// [`Error::InvalidParameter`].
///
/// ```
/// assert_eq!(reseau::memory::budget(Some(5_000))?, 5_000);
/// assert!(reseau::memory::budget(None)? >= 1);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn budget(max_memory: Option<u64>) -> Result<u64> {
    if let Some(bytes) = max_memory {
        return Ok(bytes);
    }
    match std::env::var(ENV) {
        Ok(text) => parse_bytes(&text).ok_or_else(|| {
            Error::invalid(
                ENV,
                format!("{text:?}"),
                "a number of bytes, such as 4000000000 or 4G (K, M, G, T: powers of 1024)",
            )
        }),
        Err(_) => Ok(available()),
    }
}

/// A number of bytes written as an integer with an optional suffix `K`, `M`, `G` or `T`
/// (powers of 1024, either case, optionally followed by `B` or `iB`); `None` if it is not one
/// or does not fit 64 bits.
///
/// ```
/// use reseau::memory::parse_bytes;
/// assert_eq!(parse_bytes("1500"), Some(1500));
/// assert_eq!(parse_bytes("2MiB"), Some(2 << 20));
/// assert_eq!(parse_bytes(" 3 g "), Some(3 << 30));
/// assert_eq!(parse_bytes("lots"), None);
/// assert_eq!(parse_bytes("99999999T"), None); // beyond 64 bits
/// ```
pub fn parse_bytes(text: &str) -> Option<u64> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let digits = lower.trim_end_matches("ib").trim_end_matches('b').trim_end();
    let (number, shift) = match digits.chars().last()? {
        'k' => (&digits[..digits.len() - 1], 10),
        'm' => (&digits[..digits.len() - 1], 20),
        'g' => (&digits[..digits.len() - 1], 30),
        't' => (&digits[..digits.len() - 1], 40),
        _ => (digits, 0),
    };
    let n: u64 = number.trim().parse().ok()?;
    n.checked_mul(1 << shift)
}

/// Below this many bytes a call does not look at its budget (unless its request sets
/// `max_memory`): nothing that small exhausts memory, and reading the machine's state costs
/// more than a small call itself.
pub(crate) const SMALL: u64 = 16 << 20;

/// [`Error::OutOfMemory`] when `needed` bytes exceed the budget of a call with this
/// `max_memory` (see [`budget`]); `what` says what was asked. Needs under [`SMALL`] pass
/// without a look unless `max_memory` is given.
pub(crate) fn check(
    max_memory: Option<u64>,
    needed: u64,
    what: impl FnOnce() -> String,
) -> Result<()> {
    if needed < SMALL && max_memory.is_none() {
        return Ok(());
    }
    Budget::new(max_memory)?.check(needed, what)
}

/// A call's budget, read once when it starts (the machine's free memory changes while it
/// runs, partly because of the call itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Budget(u64);

impl Budget {
    /// The budget of a call with this `max_memory` (see [`budget`]).
    pub(crate) fn new(max_memory: Option<u64>) -> Result<Budget> {
        budget(max_memory).map(Budget)
    }

    /// No limit (what a part of a call that is not checked yet holds).
    pub(crate) const fn unlimited() -> Budget {
        Budget(u64::MAX)
    }

    /// The bytes the call may use.
    pub(crate) fn bytes(self) -> u64 {
        self.0
    }

    /// What is left of this budget once `bytes` are taken.
    pub(crate) fn less(self, bytes: u64) -> Budget {
        Budget(self.0.saturating_sub(bytes))
    }

    /// This budget split between `parts` parts of a call that run at once (threads), each
    /// holding its own working memory.
    pub(crate) fn share(self, parts: u64) -> Budget {
        Budget(self.0 / parts.max(1))
    }

    /// [`Error::OutOfMemory`] when `needed` bytes exceed the budget; `what` says what was
    /// asked (made only then).
    pub(crate) fn check(self, needed: u64, what: impl FnOnce() -> String) -> Result<()> {
        if needed > self.0 {
            Err(Error::OutOfMemory { what: what(), needed, available: self.0 })
        } else {
            Ok(())
        }
    }

    /// Reserves room for `additional` more items in `v` without aborting: a failed
    /// reservation, or one beyond the budget, is an [`Error::OutOfMemory`].
    pub(crate) fn reserve<T>(
        self,
        v: &mut Vec<T>,
        additional: usize,
        what: impl FnOnce() -> String,
    ) -> Result<()> {
        let needed = bytes_of::<T>(v.len().saturating_add(additional));
        if needed > self.0 {
            return Err(Error::OutOfMemory { what: what(), needed, available: self.0 });
        }
        reserve(v, additional, what)
    }
}

/// `count` items of `T`, in bytes (saturating).
pub(crate) fn bytes_of<T>(count: usize) -> u64 {
    (count as u64).saturating_mul(std::mem::size_of::<T>() as u64)
}

/// Reserves room for `additional` more items in `v` (`Vec::try_reserve`): a reservation the
/// allocator refuses is an [`Error::OutOfMemory`] instead of an abort.
pub(crate) fn reserve<T>(
    v: &mut Vec<T>,
    additional: usize,
    what: impl FnOnce() -> String,
) -> Result<()> {
    v.try_reserve(additional).map_err(|_| Error::OutOfMemory {
        what: what(),
        needed: bytes_of::<T>(v.len().saturating_add(additional)),
        available: available(),
    })
}

/// The threads a parallel call runs on (each holds its own scratch space).
pub(crate) fn threads() -> u64 {
    #[cfg(feature = "parallel")]
    {
        rayon::current_num_threads().max(1) as u64
    }
    #[cfg(not(feature = "parallel"))]
    {
        1
    }
}

#[cfg(target_os = "linux")]
mod machine {
    //! Linux: `/proc` and the control groups' files.

    use std::fs::read_to_string;
    use std::sync::Mutex;
    use std::time::Instant;

    /// The last answer and when it was read.
    static LAST: Mutex<Option<(Instant, u64)>> = Mutex::new(None);

    /// What the files say, read again when the last reading is older than
    /// [`FRESH_FOR`](super::FRESH_FOR).
    pub(super) fn available() -> u64 {
        let mut last = LAST.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        cached(&mut last, Instant::now(), read)
    }

    /// The reading in `last` if it was made less than `FRESH_FOR` before `now`, else a new one
    /// (kept in `last`).
    fn cached(last: &mut Option<(Instant, u64)>, now: Instant, read: impl FnOnce() -> u64) -> u64 {
        match *last {
            Some((at, bytes)) if now.saturating_duration_since(at) < super::FRESH_FOR => bytes,
            _ => {
                let bytes = read();
                *last = Some((now, bytes));
                bytes
            }
        }
    }

    /// What the files say now.
    fn read() -> u64 {
        [meminfo(), cgroups(), address_space()]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(super::DEFAULT_AVAILABLE)
    }

    /// `MemAvailable` of `/proc/meminfo`, in bytes.
    fn meminfo() -> Option<u64> {
        let text = read_to_string("/proc/meminfo").ok()?;
        kib_field(&text, "MemAvailable:")
    }

    /// A `Name:   1234 kB` field of a `/proc` file, in bytes.
    fn kib_field(text: &str, name: &str) -> Option<u64> {
        let line = text.lines().find(|l| l.starts_with(name))?;
        let kib: u64 = line[name.len()..].split_whitespace().next()?.parse().ok()?;
        kib.checked_mul(1024)
    }

    /// The least room left under the limits of the process's control groups and their
    /// ancestors.
    fn cgroups() -> Option<u64> {
        let text = read_to_string("/proc/self/cgroup").ok()?;
        let mut least: Option<u64> = None;
        let mut keep = |room: Option<u64>| {
            if let Some(r) = room {
                least = Some(least.map_or(r, |l| l.min(r)));
            }
        };
        for line in text.lines() {
            let mut parts = line.splitn(3, ':');
            let (Some(_), Some(controllers), Some(path)) =
                (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            if controllers.is_empty() {
                // cgroup v2: memory.max and memory.current at each level.
                for dir in ancestors("/sys/fs/cgroup", path) {
                    keep(room(&dir, "memory.max", "memory.current"));
                }
            } else if controllers.split(',').any(|c| c == "memory") {
                for dir in ancestors("/sys/fs/cgroup/memory", path) {
                    keep(room(&dir, "memory.limit_in_bytes", "memory.usage_in_bytes"));
                }
            }
        }
        least
    }

    /// `root/path` and each of its parents up to `root`.
    fn ancestors(root: &str, path: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut path = path.trim_end_matches('/');
        loop {
            out.push(format!("{root}{path}"));
            match path.rfind('/') {
                Some(i) => path = &path[..i],
                None => break,
            }
            if path.is_empty() {
                out.push(root.to_owned());
                break;
            }
        }
        out
    }

    /// `limit − usage` from two files of a cgroup directory; `None` without a limit ("max",
    /// or v1's huge number) or without the files.
    fn room(dir: &str, limit: &str, usage: &str) -> Option<u64> {
        let limit: u64 = read_to_string(format!("{dir}/{limit}")).ok()?.trim().parse().ok()?;
        if limit >= 1 << 60 {
            return None;
        }
        let usage: u64 = read_to_string(format!("{dir}/{usage}")).ok()?.trim().parse().ok()?;
        Some(limit.saturating_sub(usage))
    }

    /// The soft address-space limit less the address space in use.
    fn address_space() -> Option<u64> {
        let limits = read_to_string("/proc/self/limits").ok()?;
        let line = limits.lines().find(|l| l.starts_with("Max address space"))?;
        let soft: u64 =
            line["Max address space".len()..].split_whitespace().next()?.parse().ok()?;
        let status = read_to_string("/proc/self/status").ok()?;
        let used = kib_field(&status, "VmSize:")?;
        Some(soft.saturating_sub(used))
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn fields_and_ancestors_are_read() {
            let text = "MemTotal:  100 kB\nMemAvailable:   2048 kB\n";
            assert_eq!(super::kib_field(text, "MemAvailable:"), Some(2 << 20));
            assert_eq!(super::kib_field(text, "Swap:"), None);
            assert_eq!(
                super::ancestors("/sys/fs/cgroup", "/a/b"),
                ["/sys/fs/cgroup/a/b", "/sys/fs/cgroup/a", "/sys/fs/cgroup"]
            );
            assert_eq!(super::ancestors("/sys/fs/cgroup", "/"), ["/sys/fs/cgroup"]);
            assert!(super::available() > 0);
        }

        #[test]
        fn a_reading_is_reused_for_a_while_then_made_again() {
            use std::time::{Duration, Instant};
            let t0 = Instant::now();
            let mut last = None;
            assert_eq!(super::cached(&mut last, t0, || 1), 1);
            let soon = t0 + Duration::from_millis(99);
            assert_eq!(super::cached(&mut last, soon, || unreachable!()), 1);
            let later = t0 + super::super::FRESH_FOR; // 100 ms
            assert_eq!(super::cached(&mut last, later, || 2), 2);
            assert_eq!(last, Some((later, 2)));
            assert!(super::available() > 0 && super::LAST.lock().unwrap().is_some());
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod machine {
    //! WebAssembly: a 32-bit memory grows to 4 GiB at most.

    pub(super) fn available() -> u64 {
        let held = core::arch::wasm32::memory_size::<0>() as u64 * 65_536;
        (4u64 << 30).saturating_sub(held)
    }
}

#[cfg(not(any(target_os = "linux", target_arch = "wasm32")))]
mod machine {
    pub(super) fn available() -> u64 {
        super::DEFAULT_AVAILABLE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_refuses_what_exceeds_it() {
        let budget = Budget::new(Some(1000)).unwrap();
        assert!(budget.check(1000, || unreachable!()).is_ok());
        let err = budget.check(1001, || "a test".into()).unwrap_err();
        assert_eq!(
            err,
            Error::OutOfMemory { what: "a test".into(), needed: 1001, available: 1000 }
        );
        let mut v: Vec<u64> = Vec::new();
        assert!(budget.reserve(&mut v, 100, || "small".into()).is_ok());
        assert!(v.capacity() >= 100);
        let err = budget.reserve(&mut v, 1000, || "big".into()).unwrap_err();
        assert_eq!(err.kind(), "OutOfMemoryError");
        let err = reserve(&mut v, usize::MAX / 2, || "huge".into()).unwrap_err();
        assert_eq!(err.kind(), "OutOfMemoryError");
    }

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_bytes("0"), Some(0));
        assert_eq!(parse_bytes("1k"), Some(1024));
        assert_eq!(parse_bytes("1KB"), Some(1024));
        assert_eq!(parse_bytes("7T"), Some(7 << 40));
        for bad in ["", "G", "-1", "1.5G", "1X"] {
            assert_eq!(parse_bytes(bad), None, "{bad}");
        }
    }
}
