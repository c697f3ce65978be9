//! The spread of a measure over generator draws: median and 10–90% range.

/// Median and 10–90% range of values (linear interpolation between order statistics).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Spread {
    /// The median.
    pub(crate) median: f64,
    /// The 10% quantile.
    pub(crate) low: f64,
    /// The 90% quantile.
    pub(crate) high: f64,
}

/// The quantile `q` of sorted values (NaN for none).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        1 => sorted[0],
        n => {
            #[allow(clippy::cast_precision_loss)]
            let at = q * (n - 1) as f64;
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let i = at.floor() as usize;
            let next = sorted[(i + 1).min(n - 1)];
            sorted[i] + (at - at.floor()) * (next - sorted[i])
        }
    }
}

/// The spread of `values` (NaNs left out).
pub(crate) fn spread(values: &[f64]) -> Spread {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    v.sort_by(f64::total_cmp);
    Spread { median: quantile(&v, 0.5), low: quantile(&v, 0.1), high: quantile(&v, 0.9) }
}

/// The share of `flags` that are true (0 for none).
pub(crate) fn share(flags: impl IntoIterator<Item = bool>) -> f64 {
    let (mut yes, mut all) = (0u32, 0u32);
    for f in flags {
        yes += u32::from(f);
        all += 1;
    }
    if all == 0 { 0.0 } else { f64::from(yes) / f64::from(all) }
}
