//! Statistics shared by the modules above: confidence intervals of proportions and means.
//!
//! One place for the intervals every result quotes, so that a referral's success rate, a
//! balance sweep's success rate and a cascade's mean spread are computed the same way.
//!
//! ```
//! use reseau::stats::{Z95, normal_interval, wilson_interval};
//! let [lo, hi] = wilson_interval(30, 100);
//! assert!(lo < 0.3 && 0.3 < hi);
//! assert_eq!(normal_interval(10.0, 2.0, 4), [10.0 - Z95, 10.0 + Z95]);
//! ```

/// The 97.5% quantile of the standard normal distribution, as every 95% interval here uses
/// it (rounded to 1.96, the usual convention).
pub const Z95: f64 = 1.96;

/// The Wilson score 95% interval for `k` successes in `n` trials ([0, 1] when `n` is 0).
///
/// ```
/// let [lo, hi] = reseau::stats::wilson_interval(384, 24_163);
/// assert!(lo < 384.0 / 24_163.0 && 384.0 / 24_163.0 < hi);
/// assert!((lo - 0.01440).abs() < 1e-4 && (hi - 0.01755).abs() < 1e-4);
/// assert_eq!(reseau::stats::wilson_interval(0, 0), [0.0, 1.0]);
/// ```
pub fn wilson_interval(k: u64, n: u64) -> [f64; 2] {
    if n == 0 {
        return [0.0, 1.0];
    }
    let z = Z95;
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = z * z;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    [(centre - half).max(0.0), (centre + half).min(1.0)]
}

/// The normal-approximation 95% interval of a mean over `n` samples of standard deviation
/// `std`: mean ± 1.96 std / √n.
///
/// ```
/// assert_eq!(reseau::stats::normal_interval(5.0, 0.0, 10), [5.0, 5.0]);
/// ```
pub fn normal_interval(mean: f64, std: f64, n: u64) -> [f64; 2] {
    let half = Z95 * std / (n as f64).sqrt();
    [mean - half, mean + half]
}

/// The mean of a histogram (`value → count`) of whole numbers and its normal 95% interval,
/// from exact integer sums; `None` for an empty histogram.
///
/// ```
/// use std::collections::BTreeMap;
/// let times = BTreeMap::from([(2, 3), (4, 1)]); // 2, 2, 2, 4
/// let (mean, [lo, hi]) = reseau::stats::histogram_mean(&times).unwrap();
/// assert_eq!(mean, 2.5);
/// assert!(lo < 2.5 && 2.5 < hi);
/// assert!(reseau::stats::histogram_mean(&BTreeMap::new()).is_none());
/// ```
pub fn histogram_mean(histogram: &std::collections::BTreeMap<u64, u64>) -> Option<(f64, [f64; 2])> {
    let n: u64 = histogram.values().sum();
    if n == 0 {
        return None;
    }
    let (mut sum, mut squares) = (0u128, 0u128);
    for (&t, &c) in histogram {
        sum += u128::from(t) * u128::from(c);
        squares += u128::from(t) * u128::from(t) * u128::from(c);
    }
    let nf = n as f64;
    let mean = sum as f64 / nf;
    let var =
        if n > 1 { ((squares as f64 - sum as f64 * mean) / (nf - 1.0)).max(0.0) } else { 0.0 };
    let half = Z95 * (var / nf).sqrt();
    Some((mean, [mean - half, mean + half]))
}

/// The 97.5% quantile of Student's t distribution with `df` degrees of freedom: tabulated to
/// 30, then 1.96 + 2.5/df (within 0.002 of the exact value); infinite for 0.
///
/// ```
/// use reseau::stats::student_t975;
/// assert_eq!(student_t975(1), 12.706);
/// assert!((student_t975(9) - 2.262).abs() < 1e-12);
/// assert!((student_t975(1000) - 1.962).abs() < 0.002);
/// assert!(student_t975(0).is_infinite());
/// ```
pub fn student_t975(df: usize) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    match df {
        0 => f64::INFINITY,
        1..=30 => TABLE[df - 1],
        _ => Z95 + 2.5 / df as f64,
    }
}

/// The Student t 95% interval of the mean of a few independent replicates (the mean alone
/// for fewer than two): for means of runs whose spread within a run does not measure the
/// spread between runs.
///
/// ```
/// let [lo, hi] = reseau::stats::t_interval(&[1.0, 2.0, 3.0]); // mean 2, sd 1
/// assert!((hi - 2.0 - 4.303 / 3f64.sqrt()).abs() < 1e-12 && (2.0 - lo - (hi - 2.0)).abs() < 1e-12);
/// assert_eq!(reseau::stats::t_interval(&[5.0]), [5.0, 5.0]);
/// ```
pub fn t_interval(xs: &[f64]) -> [f64; 2] {
    let n = xs.len();
    let mean = xs.iter().sum::<f64>() / n.max(1) as f64;
    if n < 2 {
        return [mean, mean];
    }
    let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1) as f64;
    let half = student_t975(n - 1) * (var / n as f64).sqrt();
    [mean - half, mean + half]
}
