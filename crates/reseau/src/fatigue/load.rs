//! Per-person load with lazy exponential decay.

use crate::math;

/// Decay factors 2^(−Δt/h) worked out once for Δt below this many steps.
const TABLE: u64 = 4096;

#[derive(Debug, Clone, Copy)]
struct Entry {
    load: f64,
    /// The step the load was last updated.
    at: u64,
    /// The generation this entry belongs to; older ones read as empty.
    stamp: u32,
}

/// Each person's load: the exposures received, decaying by half every `half_life` steps.
///
/// The decay is lazy: a person's load and the step it was last updated are stored, and a read
/// at step t multiplies by 2^(−(t − then)/h), from a table worked out once for gaps below
/// 4,096 steps. [`Load::clear`] empties everyone in O(1), for simulations that reuse the state
/// run after run. Steps must not go backwards for a person: a read or update before their last
/// update counts as a gap of 0.
///
/// ```
/// use reseau::fatigue::Load;
/// let mut load = Load::new(3, Some(2.0));
/// load.add(0, 0, 4.0);
/// assert_eq!(load.load(0, 2), 2.0); // one half-life later
/// assert_eq!(load.load(0, 4), 1.0);
/// assert_eq!(load.add(0, 4, 1.0), 2.0);
/// assert_eq!(load.load(1, 9), 0.0);
/// let mut count = Load::new(3, None); // an infinite half-life: a plain count
/// count.add(2, 0, 1.0);
/// assert_eq!(count.add(2, 1_000_000, 1.0), 2.0);
/// load.clear();
/// assert_eq!(load.load(0, 4), 0.0);
/// ```
#[derive(Debug, Clone)]
pub struct Load {
    half_life: Option<f64>,
    /// 2^(−Δt/h) for Δt below the table's length; empty without decay.
    factors: Vec<f64>,
    entries: Vec<Entry>,
    epoch: u32,
}

impl Load {
    /// No load on any of `people` people; `half_life` in steps (`None`, or infinity: no decay).
    ///
    /// # Panics
    /// If `half_life` is `Some` of a value that is not > 0 (see
    /// [`Fatigue::validate`](super::Fatigue::validate)).
    ///
    /// ```
    /// let load = reseau::fatigue::Load::new(100, Some(7.0));
    /// assert_eq!((load.people(), load.load(99, 3)), (100, 0.0));
    /// ```
    pub fn new(people: usize, half_life: Option<f64>) -> Self {
        let half_life = half_life.filter(|h| h.is_finite());
        if let Some(h) = half_life {
            assert!(h > 0.0, "a half-life must be > 0, not {h}");
        }
        let factors = half_life.map_or_else(Vec::new, |h| {
            // Past 1,100 half-lives every factor is 0.
            // Saturating: a huge half-life (1e300) casts to u64::MAX.
            let len = TABLE.min(((h * 1100.0).ceil() as u64).saturating_add(1));
            (0..len).map(|dt| math::exp2(-(dt as f64) / h)).collect()
        });
        Load {
            half_life,
            factors,
            entries: vec![Entry { load: 0.0, at: 0, stamp: 0 }; people],
            epoch: 0,
        }
    }

    /// The number of people.
    ///
    /// ```
    /// assert_eq!(reseau::fatigue::Load::new(5, None).people(), 5);
    /// ```
    pub fn people(&self) -> usize {
        self.entries.len()
    }

    /// The half-life in steps (`None`: no decay).
    ///
    /// ```
    /// assert_eq!(reseau::fatigue::Load::new(1, Some(3.0)).half_life(), Some(3.0));
    /// ```
    pub fn half_life(&self) -> Option<f64> {
        self.half_life
    }

    /// The factor by which a load decays over `dt` steps.
    #[inline]
    fn decay(&self, dt: u64) -> f64 {
        match self.half_life {
            None => 1.0,
            Some(h) => match self.factors.get(dt as usize) {
                Some(&f) => f,
                None if dt as f64 > 1100.0 * h => 0.0,
                None => math::exp2(-(dt as f64) / h),
            },
        }
    }

    /// `person`'s load at step `step`.
    ///
    /// # Panics
    /// If `person` is not below [`Load::people`].
    ///
    /// ```
    /// let mut load = reseau::fatigue::Load::new(1, Some(1.0));
    /// load.add(0, 10, 8.0);
    /// assert_eq!(load.load(0, 13), 1.0);
    /// ```
    #[inline]
    pub fn load(&self, person: u32, step: u64) -> f64 {
        let e = &self.entries[person as usize];
        if e.stamp != self.epoch || e.load == 0.0 {
            return 0.0;
        }
        e.load * self.decay(step.saturating_sub(e.at))
    }

    /// Adds `amount` to `person`'s load at step `step`; returns the new load.
    ///
    /// # Panics
    /// If `person` is not below [`Load::people`].
    ///
    /// ```
    /// let mut load = reseau::fatigue::Load::new(2, None);
    /// assert_eq!(load.add(1, 0, 1.0), 1.0);
    /// assert_eq!(load.add(1, 5, 1.0), 2.0);
    /// ```
    #[inline]
    pub fn add(&mut self, person: u32, step: u64, amount: f64) -> f64 {
        let now = self.load(person, step) + amount;
        let e = &mut self.entries[person as usize];
        *e = Entry {
            load: now,
            at: step.max(if e.stamp == self.epoch { e.at } else { 0 }),
            stamp: self.epoch,
        };
        now
    }

    /// Empties everyone's load, in O(1).
    ///
    /// ```
    /// let mut load = reseau::fatigue::Load::new(1, None);
    /// load.add(0, 0, 3.0);
    /// load.clear();
    /// assert_eq!(load.load(0, 0), 0.0);
    /// ```
    pub fn clear(&mut self) {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            // After 2^32 clears, stamps could be mistaken for current ones: reset them once.
            for e in &mut self.entries {
                e.stamp = u32::MAX;
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact values are the point
mod tests {
    use super::Load;

    #[test]
    fn table_and_direct_decay_agree() {
        let load = Load::new(1, Some(0.7));
        assert!(load.factors.len() < 1000);
        assert_eq!(load.decay(100_000), 0.0);
        let long = Load::new(1, Some(100_000.0));
        assert_eq!(long.factors.len(), 4096);
        let direct = crate::math::exp2(-5000.0 / 100_000.0);
        assert_eq!(long.decay(5000), direct);
        assert!((direct - 0.5f64.powf(0.05)).abs() < 1e-15);
        // A half-life too long to count in steps: a full table, and almost no decay.
        let endless = Load::new(1, Some(1e300));
        assert_eq!(endless.factors.len(), 4096);
        assert!(endless.decay(1_000_000) > 0.999_999);
    }

    #[test]
    fn clear_survives_epoch_wraparound() {
        let mut load = Load::new(2, None);
        load.epoch = u32::MAX;
        load.add(0, 0, 1.0);
        load.clear();
        assert_eq!(load.load(0, 0), 0.0);
        load.add(1, 0, 2.0);
        assert_eq!(load.load(1, 0), 2.0);
    }
}
