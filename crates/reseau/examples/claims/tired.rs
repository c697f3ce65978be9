//! Claim 6: recommendation fatigue. The referral load curve (throughput against the request
//! rate) under a grid of fatigue curves, to tell the features that every curve gives from
//! those that follow from the curve chosen.

use reseau::fatigue::Fatigue;
use reseau::referral::{LoadCurveRequest, RouteOptions, Strategy, referral_load_curve};
use reseau::{CompiledNetwork, Result};

/// One fatigue curve of the grid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Curve {
    /// Its name in the tables.
    pub(crate) name: &'static str,
    /// The curve.
    pub(crate) fatigue: Fatigue,
}

/// The grid: Hill curves (half-willingness load × exponent) and hard capacities, every load
/// decaying with a half-life of `half_life` steps.
pub(crate) fn grid(half_life: f64) -> Vec<Curve> {
    let hill = |name, half, exponent| Curve {
        name,
        fatigue: Fatigue::hill(half, exponent).half_life(half_life),
    };
    let capacity = |name, c| Curve { name, fatigue: Fatigue::capacity(c).half_life(half_life) };
    vec![
        hill("Hill half 1, exponent 1", 1.0, 1.0),
        hill("Hill half 1, exponent 4", 1.0, 4.0),
        hill("Hill half 2, exponent 2", 2.0, 2.0),
        hill("Hill half 4, exponent 1", 4.0, 1.0),
        hill("Hill half 4, exponent 4", 4.0, 4.0),
        capacity("capacity 2", 2.0),
        capacity("capacity 8", 8.0),
    ]
}

/// What the curves run.
#[derive(Debug, Clone)]
pub(crate) struct CurveSettings {
    /// Request rates per person per step, increasing.
    pub(crate) rates_per_person: Vec<f64>,
    /// Steps per rate (the first half warms the loads up).
    pub(crate) steps: u32,
    /// An intermediary's base probability of forwarding.
    pub(crate) forward: f64,
    /// The seed.
    pub(crate) seed: u64,
}

/// The features of one load curve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Shape {
    /// Throughput peaks strictly inside the range of rates.
    pub(crate) interior_peak: bool,
    /// Past the peak, throughput falls below half of it.
    pub(crate) collapse: bool,
    /// The peak's rate per person.
    pub(crate) peak_per_person: f64,
    /// Success rate at the lightest load.
    pub(crate) light_success: f64,
    /// The request rate per person at which success falls to half its lightest-load value
    /// (`None` when it never does in the range).
    pub(crate) halving_per_person: Option<f64>,
}

/// The rate at which `success` (one value per rate, rates increasing and positive) first
/// falls to half its first value: interpolated linearly in success against log rate between
/// the two rates around the crossing; `None` when it never does, or the first is 0.
pub(crate) fn halving(rates: &[f64], success: &[f64]) -> Option<f64> {
    let half = success.first()? / 2.0;
    if half <= 0.0 {
        return None;
    }
    let i = success.iter().position(|&x| x <= half)?;
    let (r0, r1, s0, s1) = (rates[i - 1], rates[i], success[i - 1], success[i]);
    let t = (s0 - half) / (s0 - s1);
    Some((r0.ln() + t * (r1.ln() - r0.ln())).exp())
}

/// The load curve's features under each curve of `curves` on `net`.
pub(crate) fn shapes(
    net: &CompiledNetwork,
    curves: &[Curve],
    s: &CurveSettings,
) -> Result<Vec<Shape>> {
    #[allow(clippy::cast_precision_loss)]
    let people = net.num_people() as f64;
    let rates: Vec<f64> = s.rates_per_person.iter().map(|r| r * people).collect();
    curves
        .iter()
        .map(|c| {
            let options = RouteOptions::new(Strategy::Greedy).forward(s.forward).fatigue(c.fatigue);
            let request =
                LoadCurveRequest::new(rates.clone()).steps(s.steps).options(options).seed(s.seed);
            let curve = referral_load_curve(net, &request)?;
            Ok(Shape {
                interior_peak: curve.peak_index > 0 && curve.peak_index + 1 < rates.len(),
                collapse: curve.collapse_rate.is_some(),
                peak_per_person: curve.peak_rate / people,
                light_success: curve.success_rate.first().copied().unwrap_or(0.0),
                halving_per_person: halving(&s.rates_per_person, &curve.success_rate),
            })
        })
        .collect()
}

/// How a feature behaves across the grid: robust when every curve gives it on at least 90%
/// of the networks, absent when none gives it on more than 10%, else it follows from the curve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Robustness {
    /// Present under every curve.
    Robust,
    /// Absent under every curve.
    Absent,
    /// Present under some curves, not others.
    FollowsFromTheCurve,
}

/// The robustness of a feature from its share of networks under each curve.
pub(crate) fn robustness(shares: &[f64]) -> Robustness {
    if shares.iter().all(|&s| s >= 0.9) {
        Robustness::Robust
    } else if shares.iter().all(|&s| s <= 0.1) {
        Robustness::Absent
    } else {
        Robustness::FollowsFromTheCurve
    }
}
