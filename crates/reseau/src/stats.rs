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

use crate::math::exp;

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

/// The 97.5% quantile of the standard normal law.
pub(crate) const Z975: f64 = 1.959_963_984_540_054;

/// The 95% quantile of χ² with one degree of freedom (= `Z975`²): the drop in
/// 2 × log-likelihood that bounds a 95% profile-likelihood interval.
pub(crate) const CHI2_95: f64 = 3.841_458_820_694_124;

/// The complementary error function for x ≥ 0 (1 for x ≤ 0 is not needed here; negative x
/// are reflected).
pub(crate) fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x < 0.0 {
        return 2.0 - erfc(-x);
    }
    if x > 27.0 {
        return 0.0;
    }
    let inv_sqrt_pi = 0.564_189_583_547_756_3;
    if x < 2.0 {
        // erf(x) = 2/√π · e^(−x²) · Σ 2^n x^(2n+1) / (2n+1)!!, every term positive.
        let x2 = x * x;
        let mut term = x;
        let mut sum = x;
        // Terms fall faster than 2x²/(2n+1) < 8/(2n+1): 80 of them reach 10^-17 of the sum.
        let mut n = 0.0;
        while n < 80.0 {
            n += 1.0;
            term *= 2.0 * x2 / (2.0 * n + 1.0);
            sum += term;
            if term <= sum * 1e-17 {
                break;
            }
        }
        1.0 - 2.0 * inv_sqrt_pi * exp(-x2) * sum
    } else {
        // The continued fraction e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))),
        // evaluated from a fixed depth backwards (enough for full precision from x = 2).
        let mut f = x;
        let mut k = 120.0;
        while k > 0.0 {
            f = x + (k / 2.0) / f;
            k -= 1.0;
        }
        inv_sqrt_pi * exp(-x * x) / f
    }
}

/// P(χ²₁ > d): the p-value of a likelihood-ratio statistic `d` with one degree of freedom.
pub(crate) fn chi2_1_tail(d: f64) -> f64 {
    if d.is_nan() {
        return f64::NAN;
    }
    if d <= 0.0 {
        return 1.0;
    }
    erfc((d / 2.0).sqrt())
}

/// The p-value of a likelihood-ratio statistic `d` for a parameter whose null value, 0, is
/// on the boundary of its range: the 50:50 mixture of χ²₀ and χ²₁ (Self & Liang 1987), so
/// 1 when `d` is 0 and half the χ²₁ tail otherwise.
pub(crate) fn chi_bar_tail(d: f64) -> f64 {
    if d <= 1e-12 { 1.0 } else { 0.5 * chi2_1_tail(d) }
}

/// The `p`-quantile of sorted `values` (linear interpolation between order statistics, the
/// usual "type 7"); `None` for no values.
pub(crate) fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact values are the point
mod tests {
    use super::*;

    #[test]
    fn erfc_matches_known_values() {
        // Abramowitz & Stegun, table 7.1, and the χ² quantiles.
        for (x, want) in [
            (0.0, 1.0),
            (0.5, 0.479_500_122_186_953_5),
            (1.0, 0.157_299_207_050_285_13),
            (2.0, 0.004_677_734_981_047_266),
            (3.0, 2.209_049_699_858_544e-5),
            (5.0, 1.537_459_794_428_035e-12),
        ] {
            let got = erfc(x);
            assert!((got - want).abs() <= 1e-14 * want, "erfc({x}) = {got}, want {want}");
        }
        assert!((chi2_1_tail(CHI2_95) - 0.05).abs() < 1e-14);
        assert!((chi_bar_tail(2.705_543_454_095_404) - 0.05).abs() < 1e-13);
        assert_eq!(chi_bar_tail(0.0), 1.0);
        assert!((Z975 * Z975 - CHI2_95).abs() < 1e-12);
    }

    #[test]
    fn quantiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(quantile(&v, 0.0), Some(1.0));
        assert_eq!(quantile(&v, 1.0), Some(4.0));
        assert_eq!(quantile(&v, 0.5), Some(2.5));
        assert_eq!(quantile(&[], 0.5), None);
    }
}
