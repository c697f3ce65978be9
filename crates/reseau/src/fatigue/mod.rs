//! Recommendation fatigue: the more requests reach a person, the less willing they are to act
//! on the next one.
//!
//! Each person carries a **load**: the requests and exposures they have received, decaying
//! with a half-life in steps ([`Load`]). A fatigue **curve** ([`Curve`]) maps the load to a
//! **willingness** in [0, 1], which multiplies the chance that the person acts: accepts a
//! recommendation (the cascade engine, [`cascade::Model::fatigue`](crate::cascade::Model)) or
//! forwards a request ([`referral`](crate::referral)). The load is shared by everything that
//! reaches a person, whichever request or campaign sent it, so heavy traffic tires everyone,
//! as happened to e-mail.
//!
//! | curve | willingness at load L | after |
//! |---|---|---|
//! | [`none`](Fatigue::none) | 1 | |
//! | [`exponential(rate)`](Fatigue::exponential) | e^(−rate·L) | |
//! | [`hill(half, exponent)`](Fatigue::hill) | 1 / (1 + (L/half)^exponent): ½ at L = half, saturating | Hill's equation |
//! | [`capacity(c)`](Fatigue::capacity) | 1 while L < c, then 0: stops after c | |
//! | [`queue(size)`](Fatigue::queue) | min(1, size / (L + 1)): the share of attention a new item gets among the L + 1 competing for `size` slots | Gomez-Rodriguez, Gummadi & Schölkopf, ICWSM 2014 |
//! | [`decreasing`](Fatigue::decreasing) | 1 / (0.1·L² + 1) | Kempe, Kleinberg & Tardos, ICALP 2005, as netmax implements it |
//!
//! Every curve is 1 at L = 0 (except `capacity(0)`, a person who accepts nothing) and never
//! increases with L.
//!
//! ```
//! use reseau::fatigue::Fatigue;
//! let tired = Fatigue::hill(3.0, 2.0).half_life(10.0);
//! assert_eq!(tired.willingness(0.0), 1.0);
//! assert_eq!(tired.willingness(3.0), 0.5);
//! assert!(tired.willingness(30.0) < 0.01);
//! assert!(tired.validate().is_ok());
//! assert!(Fatigue::hill(0.0, 2.0).validate().is_err());
//! ```

mod load;

pub use load::Load;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::math;

/// A fatigue curve: how willingness falls with load. Serialised with a `kind` tag:
/// `{"kind": "hill", "half": 3, "exponent": 2}`, `{"kind": "none"}`.
///
/// ```
/// use reseau::fatigue::Curve;
/// let c: Curve = serde_json::from_str(r#"{"kind": "capacity", "capacity": 5}"#)?;
/// assert_eq!(c, Curve::Capacity { capacity: 5.0 });
/// assert_eq!(c.willingness(4.0), 1.0);
/// assert_eq!(c.willingness(5.0), 0.0);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Curve {
    /// No fatigue: willingness 1 whatever the load.
    // Variants without parameters are written `{}` so that serde rejects unknown keys on
    // them too (serde-rs/serde#2123: an internally tagged unit variant ignores them).
    None {},
    /// e^(−`rate`·L); `rate` finite and ≥ 0.
    Exponential {
        /// How fast willingness falls per unit of load.
        rate: f64,
    },
    /// 1 / (1 + (L/`half`)^`exponent`): 1 at no load, ½ at L = `half`, then saturating towards
    /// 0; `half` > 0, `exponent` > 0 (finite). An exponent above 1 makes the total attention a
    /// person ever gives, the sum of willingness(L) over L = 0, 1, 2, …, finite.
    Hill {
        /// The load at which willingness is ½.
        half: f64,
        /// The steepness.
        exponent: f64,
    },
    /// 1 while L < `capacity`, then 0: the person handles `capacity` items and stops;
    /// `capacity` ≥ 0 (not NaN; infinity is no fatigue, written `null` in JSON, which has no
    /// infinity, and read back as infinity).
    Capacity {
        /// How many items the person handles.
        #[serde(with = "infinite_as_null")]
        #[cfg_attr(feature = "schema", schemars(with = "Option<f64>"))]
        capacity: f64,
    },
    /// min(1, `size` / (L + 1)): a new item competes with the L already in the person's queue
    /// for `size` slots of attention and gets its share (after Gomez-Rodriguez et al., 2014,
    /// who model users as queues of limited attention); `size` ≥ 1.
    Queue {
        /// How many items get attention.
        size: u32,
    },
    /// 1 / (0.1·L² + 1): the decreasing cascade of Kempe, Kleinberg & Tardos (2005) as netmax
    /// implements it, p / (0.1·trials² + 1).
    Decreasing {},
}

impl Default for Curve {
    fn default() -> Self {
        Curve::None {}
    }
}

impl Curve {
    /// The willingness at load `load`, in [0, 1]; a load ≤ 0 (or NaN) counts as 0.
    ///
    /// Computed with IEEE basic operations only (no platform maths library), so native and
    /// WebAssembly builds give the very same bits.
    ///
    /// ```
    /// use reseau::fatigue::Curve;
    /// assert_eq!(Curve::Queue { size: 2 }.willingness(3.0), 0.5);
    /// assert_eq!(Curve::Decreasing {}.willingness(10.0), 1.0 / 11.0);
    /// assert_eq!(Curve::None {}.willingness(1e9), 1.0);
    /// ```
    #[inline]
    pub fn willingness(&self, load: f64) -> f64 {
        let load = if load > 0.0 { load } else { 0.0 };
        let w = match *self {
            Curve::None {} => 1.0,
            Curve::Exponential { rate } => math::exp(-rate * load),
            Curve::Hill { half, exponent } => {
                if load == 0.0 {
                    1.0
                } else {
                    1.0 / (1.0 + math::pow(load / half, exponent))
                }
            }
            Curve::Capacity { capacity } => {
                if load < capacity {
                    1.0
                } else {
                    0.0
                }
            }
            Curve::Queue { size } => (f64::from(size) / (load + 1.0)).min(1.0),
            Curve::Decreasing {} => 1.0 / (0.1 * load * load + 1.0),
        };
        // Guards the [0, 1] promise against a NaN from an unvalidated curve.
        if w >= 0.0 { w.min(1.0) } else { 0.0 }
    }

    /// Checks the curve's parameters.
    ///
    /// ```
    /// use reseau::fatigue::Curve;
    /// assert!(Curve::Exponential { rate: -1.0 }.validate().is_err());
    /// assert!(Curve::Queue { size: 0 }.validate().is_err());
    /// assert!(Curve::Decreasing {}.validate().is_ok());
    /// ```
    pub fn validate(&self) -> Result<()> {
        match *self {
            Curve::None {} | Curve::Decreasing {} => Ok(()),
            Curve::Exponential { rate } => {
                if rate.is_finite() && rate >= 0.0 {
                    Ok(())
                } else {
                    Err(Error::invalid("fatigue rate", rate, "a finite number >= 0"))
                }
            }
            Curve::Hill { half, exponent } => {
                if !(half.is_finite() && half > 0.0) {
                    return Err(Error::invalid("fatigue half", half, "a finite number > 0"));
                }
                if !(exponent.is_finite() && exponent > 0.0) {
                    return Err(Error::invalid(
                        "fatigue exponent",
                        exponent,
                        "a finite number > 0",
                    ));
                }
                Ok(())
            }
            Curve::Capacity { capacity } => {
                if capacity >= 0.0 {
                    Ok(())
                } else {
                    Err(Error::invalid("fatigue capacity", capacity, "a number >= 0"))
                }
            }
            Curve::Queue { size } => {
                if size >= 1 {
                    Ok(())
                } else {
                    Err(Error::invalid("fatigue queue size", size, "an integer >= 1"))
                }
            }
        }
    }
}

/// Fatigue: a curve and the half-life, in steps, of the load it reads.
///
/// A plain serde struct, as the Python keyword arguments and JS option objects give it:
/// `{"curve": {"kind": "hill", "half": 3, "exponent": 2}, "half_life": 10}`. Both fields are
/// optional; the default is no fatigue.
///
/// ```
/// use reseau::fatigue::{Curve, Fatigue};
/// let f: Fatigue = serde_json::from_str(r#"{"curve": {"kind": "hill", "half": 3, "exponent": 2}}"#)?;
/// assert_eq!(f, Fatigue::hill(3.0, 2.0));
/// assert_eq!(f.half_life, None); // a plain count that never decays
/// assert_eq!(Fatigue::default().curve, Curve::None {});
/// assert!(serde_json::from_str::<Fatigue>(r#"{"curve": {"kind": "hill", "halv": 3}}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Fatigue {
    /// How willingness falls with load.
    pub curve: Curve,
    /// Steps for the load to halve; `None`: an infinite half-life, the load is a plain count
    /// (an infinite half-life is read, and written, as `None`).
    #[serde(skip_serializing_if = "no_decay", deserialize_with = "half_life_or_none")]
    pub half_life: Option<f64>,
}

impl Fatigue {
    /// No fatigue.
    ///
    /// ```
    /// assert_eq!(reseau::fatigue::Fatigue::none().willingness(100.0), 1.0);
    /// ```
    pub fn none() -> Self {
        Fatigue::default()
    }
    /// e^(−`rate`·L).
    ///
    /// ```
    /// let f = reseau::fatigue::Fatigue::exponential(0.5);
    /// assert!((f.willingness(2.0) - (-1.0f64).exp()).abs() < 1e-15);
    /// ```
    pub fn exponential(rate: f64) -> Self {
        Fatigue::of(Curve::Exponential { rate })
    }
    /// 1 / (1 + (L/`half`)^`exponent`).
    ///
    /// ```
    /// assert_eq!(reseau::fatigue::Fatigue::hill(2.0, 1.0).willingness(6.0), 0.25);
    /// ```
    pub fn hill(half: f64, exponent: f64) -> Self {
        Fatigue::of(Curve::Hill { half, exponent })
    }
    /// 1 while L < `capacity`, then 0.
    ///
    /// ```
    /// let f = reseau::fatigue::Fatigue::capacity(2.0);
    /// assert_eq!((f.willingness(1.0), f.willingness(2.0)), (1.0, 0.0));
    /// ```
    pub fn capacity(capacity: f64) -> Self {
        Fatigue::of(Curve::Capacity { capacity })
    }
    /// min(1, `size` / (L + 1)).
    ///
    /// ```
    /// assert_eq!(reseau::fatigue::Fatigue::queue(1).willingness(1.0), 0.5);
    /// ```
    pub fn queue(size: u32) -> Self {
        Fatigue::of(Curve::Queue { size })
    }
    /// 1 / (0.1·L² + 1), Kempe et al.'s decreasing cascade.
    ///
    /// ```
    /// assert_eq!(reseau::fatigue::Fatigue::decreasing().willingness(0.0), 1.0);
    /// ```
    pub fn decreasing() -> Self {
        Fatigue::of(Curve::Decreasing {})
    }
    /// Sets the half-life of the load, in steps.
    ///
    /// ```
    /// let f = reseau::fatigue::Fatigue::capacity(3.0).half_life(5.0);
    /// assert_eq!(f.half_life, Some(5.0));
    /// ```
    /// An infinite half-life is no decay, `None`:
    ///
    /// ```
    /// use reseau::fatigue::Fatigue;
    /// assert_eq!(Fatigue::hill(3.0, 2.0).half_life(f64::INFINITY), Fatigue::hill(3.0, 2.0));
    /// ```
    #[must_use]
    pub fn half_life(mut self, steps: f64) -> Self {
        self.half_life = Some(steps).filter(|&h| h != f64::INFINITY);
        self
    }

    fn of(curve: Curve) -> Self {
        Fatigue { curve, half_life: None }
    }

    /// The willingness at load `load` (see [`Curve::willingness`]).
    ///
    /// ```
    /// assert_eq!(reseau::fatigue::Fatigue::hill(1.0, 2.0).willingness(1.0), 0.5);
    /// ```
    #[inline]
    pub fn willingness(&self, load: f64) -> f64 {
        self.curve.willingness(load)
    }

    /// [`Fatigue::willingness`] for a load given by a person rather than counted by an
    /// engine: a load that is NaN or below 0 is an [`Error::InvalidParameter`] (a load
    /// counts requests; +∞ is allowed, the limit of a load that grows without end).
    ///
    /// ```
    /// use reseau::fatigue::Fatigue;
    /// let f = Fatigue::hill(1.0, 2.0);
    /// assert_eq!(f.try_willingness(1.0)?, 0.5);
    /// assert_eq!(f.try_willingness(f64::INFINITY)?, 0.0);
    /// let err = f.try_willingness(f64::NAN).unwrap_err();
    /// assert_eq!(err.to_string(), "invalid load: NaN (expected a number >= 0)");
    /// assert_eq!(f.try_willingness(-1.0).unwrap_err().kind(), "InvalidParameterError");
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn try_willingness(&self, load: f64) -> Result<f64> {
        if load >= 0.0 {
            Ok(self.willingness(load))
        } else {
            Err(Error::invalid("load", load, "a number >= 0"))
        }
    }

    /// Whether this fatigue never changes anything (the `none` curve).
    ///
    /// ```
    /// use reseau::fatigue::Fatigue;
    /// assert!(Fatigue::none().half_life(3.0).is_none());
    /// assert!(!Fatigue::decreasing().is_none());
    /// ```
    pub fn is_none(&self) -> bool {
        self.curve == Curve::None {}
    }

    /// Checks the curve's parameters and the half-life (> 0, not NaN; infinity is no decay).
    ///
    /// ```
    /// use reseau::fatigue::Fatigue;
    /// let err = Fatigue::capacity(1.0).half_life(0.0).validate().unwrap_err();
    /// assert_eq!(err.kind(), "InvalidParameterError");
    /// assert!(Fatigue::capacity(-1.0).validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<()> {
        self.curve.validate()?;
        if let Some(h) = self.half_life {
            if h.is_nan() || h <= 0.0 {
                return Err(Error::invalid("fatigue half_life", h, "a number of steps > 0"));
            }
        }
        Ok(())
    }

    /// A fresh load state for `people` people, decaying with this fatigue's half-life.
    ///
    /// ```
    /// let f = reseau::fatigue::Fatigue::hill(3.0, 2.0).half_life(2.0);
    /// let mut load = f.new_load(10);
    /// load.add(4, 0, 3.0);
    /// assert_eq!(load.load(4, 2), 1.5);
    /// ```
    pub fn new_load(&self, people: usize) -> Load {
        Load::new(people, self.half_life)
    }
}

/// Whether a half-life means no decay (`None`, or infinite): then it is not written.
#[allow(clippy::ref_option)] // serde's skip_serializing_if passes a reference
fn no_decay(half_life: &Option<f64>) -> bool {
    half_life.is_none_or(|h| h == f64::INFINITY)
}

/// A half-life as read: an infinite one is `None`, no decay.
fn half_life_or_none<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Option<f64>, D::Error> {
    Ok(Option::<f64>::deserialize(de)?.filter(|&h| h != f64::INFINITY))
}

/// A count that may be infinite, written `null` when it is (JSON has no infinity), and read
/// back from `null` as +∞.
mod infinite_as_null {
    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's `with` passes a reference
    pub(super) fn serialize<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
        if *value == f64::INFINITY { s.serialize_none() } else { s.serialize_f64(*value) }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::INFINITY))
    }
}
