//! Exponentials and logarithms made of IEEE additions, multiplications and divisions only.
//!
//! `f64::exp`, `ln` and `powf` come from the platform's maths library, and native and
//! WebAssembly builds may disagree in the last bit. A willingness compared with a uniform draw
//! would then, very rarely, decide differently. These versions use only correctly rounded
//! basic operations in a fixed order, so every platform computes the very same bits. They are
//! accurate to a few units in the last place, which is all a fatigue curve needs.

/// ln 2's high part: 32 trailing zero bits, so that k times it is exact for |k| < 2^20.
const LN2_HI: f64 = f64::from_bits(0x3FE6_2E42_FEE0_0000);
/// ln 2 − `LN2_HI`.
const LN2_LO: f64 = f64::from_bits(0x3DEA_39EF_3579_3C76);
const LN2: f64 = std::f64::consts::LN_2;
const LOG2_E: f64 = std::f64::consts::LOG2_E;

/// e^r for |r| ≤ 0.35 by its Taylor series to degree 14 (the remainder is below 10^-18).
#[inline]
fn exp_small(r: f64) -> f64 {
    // 1/k! for k = 14 down to 1, evaluated by Horner's rule.
    const INV_FACT: [f64; 14] = [
        1.0 / 87_178_291_200.0,
        1.0 / 6_227_020_800.0,
        1.0 / 479_001_600.0,
        1.0 / 39_916_800.0,
        1.0 / 3_628_800.0,
        1.0 / 362_880.0,
        1.0 / 40_320.0,
        1.0 / 5_040.0,
        1.0 / 720.0,
        1.0 / 120.0,
        1.0 / 24.0,
        1.0 / 6.0,
        1.0 / 2.0,
        1.0,
    ];
    let mut p = INV_FACT[0];
    for &c in &INV_FACT[1..] {
        p = p * r + c;
    }
    p * r + 1.0
}

/// `x` × 2^k, k any integer in range, by exact powers of two (two steps for subnormals).
#[inline]
fn scale(x: f64, k: i64) -> f64 {
    let pow2 = |e: i64| f64::from_bits(((e + 1023) as u64) << 52);
    if k > 1023 {
        if k > 2046 { f64::INFINITY } else { x * pow2(1023) * pow2(k - 1023) }
    } else if k < -1022 {
        if k < -2100 { 0.0 } else { x * pow2(-1022) * pow2((k + 1022).max(-1022)) }
    } else {
        x * pow2(k)
    }
}

/// e^x.
pub(crate) fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 710.0 {
        return f64::INFINITY;
    }
    if x < -746.0 {
        return 0.0;
    }
    // x = k·ln 2 + r, |r| ≤ ln2/2; k·LN2_HI is exact (LN2_HI has 32 trailing zero bits).
    let k = (x * LOG2_E).round();
    let r = (x - k * LN2_HI) - k * LN2_LO;
    scale(exp_small(r), k as i64)
}

/// 2^x.
pub(crate) fn exp2(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 1025.0 {
        return f64::INFINITY;
    }
    if x < -1100.0 {
        return 0.0;
    }
    let k = x.round();
    // r is exact: x and k are within 1/2 of each other.
    let r = x - k;
    scale(exp_small(r * LN2), k as i64)
}

/// The natural logarithm of `x`.
pub(crate) fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    let (mut x, mut e) = (x, 0i64);
    if x < f64::MIN_POSITIVE {
        x *= f64::from_bits((54 + 1023) << 52); // 2^54: a subnormal becomes normal, exactly
        e -= 54;
    }
    let bits = x.to_bits();
    e += i64::from(((bits >> 52) & 0x7ff) as u32) - 1023;
    // m in [1, 2), then in [√2/2, √2) so that s below is small.
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | (1023 << 52));
    if m > std::f64::consts::SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    // ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172: 2s·Σ s^(2j)/(2j + 1), j ≤ 11.
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut sum = 1.0 / 23.0;
    for j in (0..11).rev() {
        sum = sum * s2 + 1.0 / f64::from(2 * j + 1);
    }
    let ln_m = 2.0 * s * sum;
    let e = e as f64;
    e * LN2_HI + (e * LN2_LO + ln_m)
}

/// `x`^`y` for `x` ≥ 0 (exact repeated multiplication for small whole exponents).
pub(crate) fn pow(x: f64, y: f64) -> f64 {
    if let Some(n) = small_whole(y) {
        return powi(x, n);
    }
    if x == 0.0 {
        return if y > 0.0 { 0.0 } else { f64::INFINITY };
    }
    if x.is_infinite() {
        return if y > 0.0 { f64::INFINITY } else { 0.0 };
    }
    exp(y * ln(x))
}

/// `y` as a whole number in 1..=64, if it is one.
#[inline]
fn small_whole(y: f64) -> Option<u32> {
    ((1.0..=64.0).contains(&y) && y.fract() == 0.0).then_some(y as u32)
}

/// `x`^`n` by squaring, in a fixed order.
#[inline]
fn powi(x: f64, mut n: u32) -> f64 {
    let (mut base, mut acc) = (x, 1.0);
    while n > 0 {
        if n & 1 == 1 {
            acc *= base;
        }
        n >>= 1;
        if n > 0 {
            base *= base;
        }
    }
    acc
}

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

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact values are the point
mod tests {
    use super::*;
    use crate::rng::Stream;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        if a == b {
            return true;
        }
        ((a - b) / b).abs() <= tol
    }

    #[test]
    fn agree_with_the_platform_to_a_few_ulps() {
        let mut rng = Stream::new(1, 0);
        for _ in 0..100_000 {
            let x = (rng.uniform() - 0.5) * 1400.0;
            assert!(close(exp(x), x.exp(), 1e-14), "exp({x}) = {} vs {}", exp(x), x.exp());
            let y = (rng.uniform() - 0.5) * 2000.0;
            assert!(close(exp2(y), y.exp2(), 1e-14), "exp2({y})");
            let z = f64::from_bits(rng.next_u64() >> 2); // positive, any exponent
            assert!(close(ln(z), z.ln(), 1e-14) || (ln(z) - z.ln()).abs() < 1e-15, "ln({z})");
            let (b, e) = (rng.uniform() * 50.0, rng.uniform() * 6.0);
            assert!(close(pow(b, e), b.powf(e), 1e-13), "pow({b}, {e})");
        }
    }

    #[test]
    fn special_values() {
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(exp2(0.0), 1.0);
        assert_eq!(exp2(-1.0), 0.5);
        assert_eq!(exp2(10.0), 1024.0);
        assert_eq!(exp2(-1074.0), f64::from_bits(1));
        assert_eq!(exp2(-2000.0), 0.0);
        assert_eq!(exp(-1000.0), 0.0);
        assert_eq!(exp(1000.0), f64::INFINITY);
        assert_eq!(ln(1.0), 0.0);
        assert!(close(ln(f64::from_bits(1)), -744.440_071_921_381_3, 1e-15));
        assert!(ln(-1.0).is_nan());
        assert_eq!(ln(0.0), f64::NEG_INFINITY);
        assert_eq!(pow(3.0, 2.0), 9.0);
        assert_eq!(pow(0.0, 2.5), 0.0);
        assert!(close(pow(2.0, 0.5), std::f64::consts::SQRT_2, 1e-15));
        assert!(exp(f64::NAN).is_nan());
    }

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
}
