//! The few special functions inference needs, made of IEEE basic operations and the
//! platform-independent `exp`/`ln` of [`crate::fatigue::math`], so that native and WebAssembly
//! builds fit the very same numbers: `expm1`, ln(1 − e^(−z)), `erfc` and the tail of the
//! χ² law with one degree of freedom (plain and as the 50:50 χ̄² mixture of a test at the
//! boundary). To move into the shared `stats` module once it exists.

use crate::fatigue::math::{exp, ln};

/// The 97.5% quantile of the standard normal law.
pub(crate) const Z975: f64 = 1.959_963_984_540_054;

/// The 95% quantile of χ² with one degree of freedom (= `Z975`²): the drop in
/// 2 × log-likelihood that bounds a 95% profile-likelihood interval.
pub(crate) const CHI2_95: f64 = 3.841_458_820_694_124;

/// e^x − 1, accurate for small |x| too.
pub(crate) fn expm1(x: f64) -> f64 {
    if x.abs() < 0.35 {
        // e^x − 1 = x · Σ_{j=0..16} x^j/(j+1)!, by Horner's rule: the remainder is below
        // 10^-17 · |x| for |x| < 0.35.
        let mut p = 0.0;
        let mut j = 17;
        while j > 0 {
            p = p * x + 1.0 / factorial(j);
            j -= 1;
        }
        x * p
    } else {
        exp(x) - 1.0
    }
}

/// k! for k ≤ 20, exactly (every partial product is an integer below 2^53 up to 18!, and the
/// last two steps round once each, far below what the series needs).
fn factorial(k: u32) -> f64 {
    (2..=k).fold(1.0, |f, i| f * f64::from(i))
}

/// ln(1 + y) for y > −1, accurate for small |y|.
pub(crate) fn ln1p(y: f64) -> f64 {
    let u = 1.0 + y;
    if u - 1.0 == 0.0 {
        y
    } else {
        // The classic correction: ln(u) · y / (u − 1) cancels the rounding of 1 + y.
        ln(u) * y / (u - 1.0)
    }
}

/// ln(1 − e^(−z)) for z > 0 (−∞ at z = 0): the log-probability that a hazard z fires.
pub(crate) fn ln_one_minus_exp_neg(z: f64) -> f64 {
    if z <= 0.0 {
        f64::NEG_INFINITY
    } else if z < std::f64::consts::LN_2 {
        ln(-expm1(-z))
    } else {
        ln1p(-exp(-z))
    }
}

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
    fn expm1_and_logs_match_the_platform_closely() {
        for x in [-0.34f64, -1e-9, 1e-12, 0.1, 0.3, 0.5, 2.0, -5.0] {
            let (a, b) = (expm1(x), x.exp_m1());
            assert!((a - b).abs() <= 4.0 * f64::EPSILON * b.abs(), "{x}: {a} {b}");
        }
        for z in [1e-12f64, 1e-6, 0.01, 0.5, 0.7, 1.0, 5.0, 40.0] {
            let want = if z < 0.69 { (-(-z).exp_m1()).ln() } else { (-(-z).exp()).ln_1p() };
            let got = ln_one_minus_exp_neg(z);
            assert!((got - want).abs() <= 1e-14 * want.abs().max(1e-300), "{z}: {got} {want}");
        }
        assert_eq!(ln_one_minus_exp_neg(0.0), f64::NEG_INFINITY);
        for y in [-0.5f64, -1e-10, 1e-15, 0.25] {
            assert!((ln1p(y) - y.ln_1p()).abs() <= 2e-16 * y.abs());
        }
    }

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
