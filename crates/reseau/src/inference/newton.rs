//! Maximising the log-likelihood: projected Newton on a concave function over θ ≥ 0.
//!
//! ℓ(θ) = −fail·θ + Σ_patterns n · ln(1 − e^(−x·θ)) is concave in θ (a linear part plus
//! concave functions of linear forms), so its maximum over the non-negative orthant is
//! global, and Newton's method with a backtracking line search and an active set for the
//! bounds (Bertsekas 1982) finds it in a few iterations. The gradient and Hessian are exact:
//! with r = 1 / (e^z − 1) at z = x·θ, ∂ℓ/∂θ = −fail + Σ n·r·x and
//! ∂²ℓ/∂θ∂θᵀ = −Σ n·r(1 + r)·x xᵀ.

use super::tally::Tally;
use crate::math::{expm1, ln_one_minus_exp_neg};

/// A maximum found.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Solution {
    pub(crate) theta: Vec<f64>,
    pub(crate) loglik: f64,
    pub(crate) iterations: u32,
    pub(crate) converged: bool,
}

/// The log-likelihood at `theta` (−∞ where an observed adoption has probability 0).
pub(crate) fn loglik(t: &Tally, theta: &[f64]) -> f64 {
    let mut l: f64 = -t.fail.iter().zip(theta).map(|(f, x)| f * x).sum::<f64>();
    for p in &t.patterns {
        l += p.count * ln_one_minus_exp_neg(p.dot(theta));
    }
    l
}

/// The gradient and the negated Hessian (positive semi-definite) over the parameters `free`.
pub(crate) fn derivatives(t: &Tally, theta: &[f64], free: &[usize]) -> (Vec<f64>, Vec<f64>) {
    let k = free.len();
    let mut pos = vec![usize::MAX; theta.len()];
    for (j, &i) in free.iter().enumerate() {
        pos[i] = j;
    }
    let mut g: Vec<f64> = free.iter().map(|&i| -t.fail[i]).collect();
    let mut h = vec![0.0; k * k];
    let mut local: Vec<(usize, f64)> = Vec::new();
    for p in &t.patterns {
        let z = p.dot(theta);
        let r = 1.0 / expm1(z);
        let w = p.count * r * (1.0 + r);
        local.clear();
        local.extend(
            p.x.iter()
                .filter(|&&(i, _)| pos[i as usize] != usize::MAX)
                .map(|&(i, v)| (pos[i as usize], v)),
        );
        for &(a, va) in &local {
            g[a] += p.count * r * va;
            for &(b, vb) in &local {
                h[a * k + b] += w * va * vb;
            }
        }
    }
    (g, h)
}

/// Solves `m` y = `b` for a symmetric positive semi-definite `m` (k × k, row-major) by
/// Cholesky, adding a ridge when `m` is singular (a direction the data cannot tell apart).
pub(crate) fn solve_psd(m: &[f64], b: &[f64]) -> Vec<f64> {
    let k = b.len();
    let scale = (0..k).map(|i| m[i * k + i]).fold(0.0, f64::max).max(1e-300);
    let mut ridge = 0.0;
    loop {
        if let Some(l) = cholesky(m, k, ridge) {
            // Forward then back substitution.
            let mut y = b.to_vec();
            for i in 0..k {
                for j in 0..i {
                    y[i] -= l[i * k + j] * y[j];
                }
                y[i] /= l[i * k + i];
            }
            for i in (0..k).rev() {
                for j in i + 1..k {
                    y[i] -= l[j * k + i] * y[j];
                }
                y[i] /= l[i * k + i];
            }
            return y;
        }
        ridge = if ridge == 0.0 { scale * 1e-12 } else { ridge * 100.0 };
    }
}

/// The lower Cholesky factor of `m` + ridge·I, or `None` when it is not positive definite.
fn cholesky(m: &[f64], k: usize, ridge: f64) -> Option<Vec<f64>> {
    let mut l = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..=i {
            let mut s = m[i * k + j];
            if i == j {
                s += ridge;
            }
            for p in 0..j {
                s -= l[i * k + p] * l[j * k + p];
            }
            if i == j {
                // Relative to the diagonal: a pivot lost to rounding is a singular direction.
                if s <= m[i * k + i] * 1e-13 || s <= 0.0 {
                    return None;
                }
                l[i * k + i] = s.sqrt();
            } else {
                l[i * k + j] = s / l[j * k + j];
            }
        }
    }
    Some(l)
}

/// The inverse of the negated Hessian over `free` (the observed information's inverse: the
/// covariance of the estimates), by solving for each unit vector.
pub(crate) fn covariance(t: &Tally, theta: &[f64], free: &[usize]) -> Vec<f64> {
    let (_, h) = derivatives(t, theta, free);
    let k = free.len();
    let mut cov = vec![0.0; k * k];
    for j in 0..k {
        let mut e = vec![0.0; k];
        e[j] = 1.0;
        let col = solve_psd(&h, &e);
        for i in 0..k {
            cov[i * k + j] = col[i];
        }
    }
    cov
}

/// Maximises the log-likelihood of `t` over θ ≥ 0 from `start`, with the parameters whose
/// `fixed` entry is `Some(v)` held at v. Returns ℓ = −∞ (not converged) when the fixed
/// values leave an observed adoption impossible.
pub(crate) fn maximize(t: &Tally, start: &[f64], fixed: &[Option<f64>], max_iter: u32) -> Solution {
    let dim = start.len();
    let mut theta: Vec<f64> = (0..dim).map(|i| fixed[i].unwrap_or(start[i].max(0.0))).collect();
    let free: Vec<usize> = (0..dim).filter(|&i| fixed[i].is_none()).collect();
    // Every adoption needs a positive hazard: lift the free parameters of any pattern at 0.
    for p in &t.patterns {
        if p.dot(&theta) <= 0.0 {
            let lift: Vec<usize> =
                p.x.iter().map(|&(i, _)| i as usize).filter(|&i| fixed[i].is_none()).collect();
            if lift.is_empty() {
                return Solution {
                    theta,
                    loglik: f64::NEG_INFINITY,
                    iterations: 0,
                    converged: false,
                };
            }
            for i in lift {
                theta[i] = theta[i].max(0.01);
            }
        }
    }
    let mut l = loglik(t, &theta);
    let mut iterations = 0;
    let mut converged = free.is_empty();
    let mut last_close = f64::INFINITY;
    while !converged && iterations < max_iter {
        iterations += 1;
        let (g_all, h_all) = derivatives(t, &theta, &free);
        // Parameters at their bound that the gradient pushes further out stay there.
        let keep: Vec<usize> =
            (0..free.len()).filter(|&j| !(theta[free[j]] <= 0.0 && g_all[j] <= 0.0)).collect();
        if keep.is_empty() {
            converged = true;
            break;
        }
        let active: Vec<usize> = keep.iter().map(|&j| free[j]).collect();
        let g: Vec<f64> = keep.iter().map(|&j| g_all[j]).collect();
        let k = free.len();
        let h_all = &h_all;
        let h: Vec<f64> =
            keep.iter().flat_map(|&a| keep.iter().map(move |&b| h_all[a * k + b])).collect();
        let d = solve_psd(&h, &g);
        let decrement: f64 = g.iter().zip(&d).map(|(a, b)| a * b).sum();
        let scale = l.abs().max(1.0);
        if decrement <= 1e-20 * scale {
            converged = true;
            break;
        }
        if decrement <= 1e-10 * scale {
            // The gain left is below what ℓ itself can resolve, so a line search cannot judge
            // the step; this close to the maximum of a concave function the full Newton step
            // is safe and squares the error. Stop once the steps no longer shrink (the
            // gradient's own rounding).
            if decrement >= 0.5 * last_close {
                converged = true;
                break;
            }
            last_close = decrement;
            let mut next = theta.clone();
            for (j, &i) in active.iter().enumerate() {
                next[i] = (theta[i] + d[j]).max(0.0);
            }
            let ln = loglik(t, &next);
            if !ln.is_finite() {
                converged = true;
                break;
            }
            theta = next;
            l = ln;
            continue;
        }
        // Backtracking along the projected path, with Armijo's sufficient increase.
        let mut alpha = 1.0;
        let mut accepted = false;
        while alpha > 1e-20 {
            let mut next = theta.clone();
            let mut gain = 0.0;
            for (j, &i) in active.iter().enumerate() {
                next[i] = (theta[i] + alpha * d[j]).max(0.0);
                gain += g[j] * (next[i] - theta[i]);
            }
            let ln = loglik(t, &next);
            if ln.is_finite() && ln >= l + 1e-4 * gain {
                theta = next;
                l = ln;
                accepted = true;
                break;
            }
            alpha *= 0.5;
        }
        if !accepted {
            // No increase is possible at this precision: the maximum up to rounding.
            converged = true;
        }
    }
    Solution { theta, loglik: l, iterations, converged }
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact values are the point
mod tests {
    use super::*;
    use crate::inference::tally::Pattern;

    /// One covariate, an adoption rate r per person-step: the maximum is −ln(1 − r).
    #[test]
    fn one_hazard_has_its_closed_form() {
        let t = Tally {
            fail: vec![30.0],
            patterns: vec![Pattern { x: vec![(0, 1.0)], count: 10.0 }],
            unexplained: 0,
            person_steps: 40.0,
        };
        let s = maximize(&t, &[1.0], &[None], 100);
        assert!(s.converged);
        assert!((s.theta[0] - (-(1.0f64 - 0.25).ln())).abs() < 1e-10, "{:?}", s.theta);
    }

    #[test]
    fn a_parameter_with_only_failures_goes_to_zero() {
        let t = Tally {
            fail: vec![50.0, 20.0],
            patterns: vec![Pattern { x: vec![(1, 1.0)], count: 5.0 }],
            unexplained: 0,
            person_steps: 75.0,
        };
        let s = maximize(&t, &[0.3, 0.3], &[None, None], 100);
        assert!(s.converged);
        assert_eq!(s.theta[0], 0.0);
        assert!((s.theta[1] - (-(1.0f64 - 0.2).ln())).abs() < 1e-10);
        let stuck = maximize(&t, &[0.3, 0.0], &[None, Some(0.0)], 100);
        assert_eq!(stuck.loglik, f64::NEG_INFINITY);
    }

    #[test]
    fn the_ridge_solves_a_singular_system() {
        let y = solve_psd(&[1.0, 1.0, 1.0, 1.0], &[2.0, 2.0]);
        assert!((y[0] + y[1] - 2.0).abs() < 1e-6, "{y:?}");
    }
}
