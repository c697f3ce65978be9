//! The referral load curve as the report measures it: request rates chosen from the network,
//! replicates that give every point an interval, and a peak and a collapse stated only when
//! they stand out of the noise (the rules are [`LoadScan`]'s documentation).

use serde::{Deserialize, Serialize};

use crate::compiled::CompiledNetwork;
use crate::control::Control;
use crate::error::{Error, Result};
use crate::referral::{LoadCurve, LoadCurveRequest, RouteOptions, referral_load_curve_with};
use crate::rng::Stream;
use crate::stats::t_interval;

/// The stream tag of the replicates' seeds.
const REPLICATE_STREAM: u64 = 0x4c4f_4144_0000_0000; // "LOAD"

/// The least requests a replicate measures at the lowest rate of a downward extension.
const MIN_MEASURED: f64 = 10.0;

/// At most this many halvings below the first rate.
const MAX_HALVINGS: u32 = 12;

/// At most this many doublings past the threshold of success, looking for the collapse.
const MAX_BEYOND: u32 = 3;

/// What the curve does, once the noise is taken into account (see [`LoadScan`]).
///
/// ```
/// use reseau::report::CurveShape;
/// assert_eq!(serde_json::to_string(&CurveShape::Peak)?, "\"peak\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CurveShape {
    /// Throughput clearly rises, then clearly falls: the best rate is a peak.
    Peak,
    /// Throughput clearly rises and does not clearly fall by the highest rate tried.
    Rising,
    /// Throughput is highest at the lightest load and clearly falls from there.
    Falling,
    /// No rate's throughput stands out of the noise of the ends.
    Flat,
}

/// Why the scan stopped raising the rate (see [`LoadScan`]).
///
/// ```
/// use reseau::report::ScanEnd;
/// assert_eq!(serde_json::to_string(&ScanEnd::LowSuccess)?, "\"low_success\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ScanEnd {
    /// The mean success rate fell below the threshold at the highest rate.
    LowSuccess,
    /// The highest rate reached the cap of requests per person per step.
    RateCap,
    /// The rates were given.
    Given,
}

/// The referral load curve of the report: request rates chosen from the network, replicates
/// that give every point an interval, and a peak and a collapse stated only when they stand
/// out of the noise.
///
/// **Rates.** Unless the options list them, the scan starts at one request per hundred people
/// per step and doubles the rate until the mean success rate falls below
/// [`min_success`](super::ReportOptions::min_success) (or the rate reaches
/// [`max_rate_per_person`](super::ReportOptions::max_rate_per_person) requests per person per
/// step). While the throughput does not clearly rise from the lowest rate (see the noise rule
/// below), or when even that rate fails (success under the threshold), it halves the rate
/// downwards (while a replicate still measures at least ten requests), so that the rise is
/// seen too.
/// While the curve still clearly rises, or has a clear peak but no clear collapse yet, it
/// doubles the rate up to three more times (a success rate under the threshold can still
/// carry half the peak's throughput).
/// It then adds the geometric midpoints on both sides of the best rate,
/// [`refine`](super::ReportOptions::refine) times: a log scale, finer around the peak.
///
/// **Replicates.** Every rate runs [`replicates`](super::ReportOptions::replicates) times,
/// replicate k with its own seed (derived from the report's seed and k) at every rate, so
/// that the rates of one replicate share their random pairs (common random numbers) and the
/// replicates are independent. Each point is the mean over the replicates with its Student t
/// 95% interval.
///
/// **Noise rule.** The best rate is the one with the highest mean throughput (it is where the
/// balance sweep runs). It is reported as a *peak* only when its interval lies wholly above
/// the intervals of both the lowest and the highest rate tried: throughput clearly rises, then
/// clearly falls. The *collapse* is then the first rate past the peak whose whole interval
/// lies below half of the peak's lower bound. Otherwise the report says what the curve does
/// (still rising, highest at the lightest load, or flat within the noise) and names no peak.
///
/// ```
/// use reseau::report::{CurveShape, ReportRequest, report};
/// let report = report(&reseau::datasets::aarhus_cs(), &ReportRequest::quick().seed(1))?;
/// let curve = &report.load_curve;
/// assert_eq!(curve.start_rate, 0.61); // one request per hundred people per step
/// assert!(curve.rates.windows(2).all(|w| w[0] < w[1]));
/// assert_eq!(curve.shape, CurveShape::Peak);
/// let peak = curve.peak_rate.unwrap();
/// let collapse = curve.collapse_rate.unwrap();
/// let at = |r: f64| curve.rates.iter().position(|&x| x == r).unwrap();
/// // The collapse's whole interval lies below half the peak's lower bound.
/// assert!(curve.throughput_ci[at(collapse)][1] < 0.5 * curve.throughput_ci[at(peak)][0]);
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LoadScan {
    /// The request rates tried (requests started per step), increasing.
    pub rates: Vec<f64>,
    /// The first rate of the scan: one request per hundred people per step (or the first
    /// given rate).
    pub start_rate: f64,
    /// Why the scan stopped raising the rate.
    pub end: ScanEnd,
    /// The rate at which it stopped: where the mean success fell below the threshold, or the
    /// cap (rates past it were tried only to find the collapse).
    pub end_rate: f64,
    /// The success threshold that ends the scan.
    pub min_success: f64,
    /// Steps during which requests start, per run; the first half warms the loads up.
    pub steps: u32,
    /// Runs per rate, each with its own seed.
    pub replicates: u32,
    /// Requests measured (after the warm-up) per rate, over all replicates.
    pub requests: Vec<u64>,
    /// Of those, the requests that reached their target.
    pub succeeded: Vec<u64>,
    /// Mean referrals delivered per step, over the replicates.
    pub throughput: Vec<f64>,
    /// Its Student t 95% interval (from 0 at least).
    pub throughput_ci: Vec<[f64; 2]>,
    /// Mean share of requests that reached their target.
    pub success_rate: Vec<f64>,
    /// Its Student t 95% interval, within [0, 1].
    pub success_ci: Vec<[f64; 2]>,
    /// Mean hops of the completed chains (`None`: none completed).
    pub mean_chain_length: Vec<Option<f64>>,
    /// The index of the highest mean throughput (the first among equals).
    pub best_index: usize,
    /// The rate with the highest mean throughput (where the balance sweep runs).
    pub best_rate: f64,
    /// The highest mean throughput.
    pub best_throughput: f64,
    /// What the curve does beyond the noise.
    pub shape: CurveShape,
    /// The best rate when it is a peak beyond the noise (`None` otherwise).
    pub peak_rate: Option<f64>,
    /// The first rate past the peak whose interval lies below half the peak's lower bound
    /// (`None`: no peak, or no such rate).
    pub collapse_rate: Option<f64>,
}

/// How the scan runs (the report's options that concern it).
#[derive(Debug, Clone)]
pub(super) struct ScanOptions<'a> {
    pub(super) rates: Option<&'a [f64]>,
    pub(super) steps: u32,
    pub(super) replicates: u32,
    pub(super) min_success: f64,
    pub(super) max_rate_per_person: f64,
    pub(super) refine: u32,
    pub(super) routing: RouteOptions,
}

/// What one replicate measured at one rate.
#[derive(Debug, Clone, Copy)]
struct Run {
    requests: u64,
    succeeded: u64,
    throughput: f64,
    success: f64,
    chain: Option<f64>,
}

/// One rate's runs, one per replicate.
#[derive(Debug, Clone)]
struct Point {
    rate: f64,
    runs: Vec<Run>,
}

impl Point {
    fn throughputs(&self) -> Vec<f64> {
        self.runs.iter().map(|r| r.throughput).collect()
    }
    fn successes(&self) -> Vec<f64> {
        self.runs.iter().map(|r| r.success).collect()
    }
    fn mean_success(&self) -> f64 {
        mean(&self.successes())
    }
    fn mean_throughput(&self) -> f64 {
        mean(&self.throughputs())
    }
}

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len().max(1) as f64
}

/// Runs `rates` once per replicate seed, the replicates in parallel.
fn run_round(
    view: &CompiledNetwork,
    rates: &[f64],
    options: &ScanOptions<'_>,
    seeds: &[u64],
    control: &Control<'_>,
) -> Result<Vec<Point>> {
    let run = |&seed: &u64| {
        let request = LoadCurveRequest {
            rates: rates.to_vec(),
            steps: options.steps,
            seed,
            ..LoadCurveRequest::default()
        }
        .with_routing(options.routing.clone());
        referral_load_curve_with(view, &request, control)
    };
    #[cfg(feature = "parallel")]
    let curves: Vec<LoadCurve> = {
        use rayon::prelude::*;
        seeds.par_iter().map(run).collect::<Result<_>>()?
    };
    #[cfg(not(feature = "parallel"))]
    let curves: Vec<LoadCurve> = seeds.iter().map(run).collect::<Result<_>>()?;
    Ok(rates
        .iter()
        .enumerate()
        .map(|(i, &rate)| Point {
            rate,
            runs: curves
                .iter()
                .map(|c| Run {
                    requests: c.requests[i],
                    succeeded: c.succeeded[i],
                    throughput: c.throughput[i],
                    success: c.success_rate[i],
                    chain: c.mean_chain_length[i],
                })
                .collect(),
        })
        .collect())
}

/// The index of the highest mean throughput (the first among equals).
fn best(points: &[Point]) -> usize {
    let mut b = 0;
    for (i, p) in points.iter().enumerate() {
        if p.mean_throughput() > points[b].mean_throughput() {
            b = i;
        }
    }
    b
}

/// Checks the scan's options.
pub(super) fn validate(options: &ScanOptions<'_>) -> Result<()> {
    if options.replicates < 2 {
        return Err(Error::invalid(
            "replicates",
            options.replicates,
            "at least 2 (the intervals need them)",
        ));
    }
    if !(options.min_success > 0.0 && options.min_success < 1.0) {
        return Err(Error::invalid("min_success", options.min_success, "a share in (0, 1)"));
    }
    if !(options.max_rate_per_person.is_finite() && options.max_rate_per_person > 0.0) {
        return Err(Error::invalid(
            "max_rate_per_person",
            options.max_rate_per_person,
            "a finite number > 0",
        ));
    }
    if options.refine > 4 {
        return Err(Error::invalid("refine", options.refine, "at most 4 levels"));
    }
    if options.steps < 2 {
        return Err(Error::invalid("steps", options.steps, "at least 2"));
    }
    Ok(())
}

/// Scans the request rates on `view`; see the [module](self) documentation.
pub(super) fn scan(
    view: &CompiledNetwork,
    options: &ScanOptions<'_>,
    seed: u64,
    control: &Control<'_>,
) -> Result<LoadScan> {
    validate(options)?;
    let seeds: Vec<u64> = (0..u64::from(options.replicates))
        .map(|k| Stream::new(seed, REPLICATE_STREAM + k).next_u64())
        .collect();
    let n = view.num_people().max(1) as f64;
    let window = f64::from(options.steps - options.steps / 2);
    // Finite even for the largest max_rate_per_person, so that the doublings end.
    let cap = (options.max_rate_per_person * n).min(f64::MAX);
    // Rounds of work, for progress: the doublings to the cap, the refinements, one more.
    let doublings = (cap / (n / 100.0)).log2().ceil().clamp(0.0, 2048.0) as u64;
    let expected = u64::from(options.refine) + 2 + doublings;
    let mut round = 0u64;
    let mut tick = |control: &Control<'_>| {
        round += 1;
        control.report(round.min(expected - 1), expected)
    };

    let mut points: Vec<Point>;
    let end;
    let start_rate;
    let end_rate;
    if let Some(rates) = options.rates {
        points = run_round(view, rates, options, &seeds, control)?;
        start_rate = rates.first().copied().unwrap_or(0.0);
        end = ScanEnd::Given;
        end_rate = rates.last().copied().unwrap_or(0.0);
    } else {
        start_rate = n / 100.0;
        points = run_round(view, &[start_rate], options, &seeds, control)?;
        tick(control)?;
        let mut rate = start_rate;
        loop {
            if points.last().is_some_and(|p| p.mean_success() < options.min_success) {
                end = ScanEnd::LowSuccess;
                break;
            }
            if 2.0 * rate > cap {
                end = ScanEnd::RateCap;
                break;
            }
            rate *= 2.0;
            points.extend(run_round(view, &[rate], options, &seeds, control)?);
            tick(control)?;
        }
        end_rate = rate;
        // Downwards while the curve does not clearly rise from its lightest load (or that load
        // already fails: most requests lost even there), and a replicate still measures
        // enough requests.
        let mut halvings = 0;
        while halvings < MAX_HALVINGS {
            let shape = summarise(points.clone(), start_rate, (end, end_rate), options).shape;
            let rises = matches!(shape, CurveShape::Peak | CurveShape::Rising);
            if rises && points[0].mean_success() >= options.min_success {
                break;
            }
            let lower = points[0].rate / 2.0;
            if lower * window < MIN_MEASURED {
                break;
            }
            let mut more = run_round(view, &[lower], options, &seeds, control)?;
            more.append(&mut points);
            points = more;
            halvings += 1;
            tick(control)?;
        }
        // On while the curve clearly rises, or past a clear peak until a rate clearly
        // collapses (a few doublings at most): a success rate under the threshold can still
        // carry half the peak's throughput.
        let mut beyond = 0;
        while beyond < MAX_BEYOND && end == ScanEnd::LowSuccess {
            let summary = summarise(points.clone(), start_rate, (end, end_rate), options);
            let top = points[points.len() - 1].rate;
            let open = match summary.shape {
                CurveShape::Peak => summary.collapse_rate.is_none(),
                CurveShape::Rising => true,
                CurveShape::Falling | CurveShape::Flat => false,
            };
            if !open || 2.0 * top > cap {
                break;
            }
            points.extend(run_round(view, &[2.0 * top], options, &seeds, control)?);
            beyond += 1;
            tick(control)?;
        }
        // Finer around the best rate: the geometric midpoints with its neighbours.
        for _ in 0..options.refine {
            let b = best(&points);
            let mut fresh = Vec::new();
            if b > 0 {
                fresh.push((points[b - 1].rate * points[b].rate).sqrt());
            }
            if b + 1 < points.len() {
                fresh.push((points[b].rate * points[b + 1].rate).sqrt());
            }
            if fresh.is_empty() {
                break;
            }
            points.extend(run_round(view, &fresh, options, &seeds, control)?);
            points.sort_by(|a, b| a.rate.total_cmp(&b.rate));
            tick(control)?;
        }
    }
    control.report(expected, expected)?;
    Ok(summarise(points, start_rate, (end, end_rate), options))
}

fn summarise(
    points: Vec<Point>,
    start_rate: f64,
    (end, end_rate): (ScanEnd, f64),
    options: &ScanOptions<'_>,
) -> LoadScan {
    let throughput_ci: Vec<[f64; 2]> = points
        .iter()
        .map(|p| {
            let [lo, hi] = t_interval(&p.throughputs());
            [lo.max(0.0), hi]
        })
        .collect();
    let success_ci = points
        .iter()
        .map(|p| {
            let [lo, hi] = t_interval(&p.successes());
            [lo.max(0.0), hi.min(1.0)]
        })
        .collect();
    let b = best(&points);
    let last = points.len() - 1;
    let [peak_lo, _] = throughput_ci[b];
    let rises = b > 0 && peak_lo > throughput_ci[0][1];
    let falls = b < last && peak_lo > throughput_ci[last][1];
    let shape = match (rises, falls) {
        (true, true) => CurveShape::Peak,
        (true, false) => CurveShape::Rising,
        (false, true) if b == 0 => CurveShape::Falling,
        _ => CurveShape::Flat,
    };
    let peak_rate = (shape == CurveShape::Peak).then_some(points[b].rate);
    let collapse_rate = peak_rate.and_then(|_| {
        (b + 1..points.len()).find(|&i| throughput_ci[i][1] < 0.5 * peak_lo).map(|i| points[i].rate)
    });
    let chain = |p: &Point| {
        let lengths: Vec<f64> = p.runs.iter().filter_map(|r| r.chain).collect();
        (!lengths.is_empty()).then(|| mean(&lengths))
    };
    LoadScan {
        rates: points.iter().map(|p| p.rate).collect(),
        start_rate,
        end,
        end_rate,
        min_success: options.min_success,
        steps: options.steps,
        replicates: options.replicates,
        requests: points.iter().map(|p| p.runs.iter().map(|r| r.requests).sum()).collect(),
        succeeded: points.iter().map(|p| p.runs.iter().map(|r| r.succeeded).sum()).collect(),
        throughput: points.iter().map(Point::mean_throughput).collect(),
        throughput_ci,
        success_rate: points.iter().map(Point::mean_success).collect(),
        success_ci,
        mean_chain_length: points.iter().map(chain).collect(),
        best_index: b,
        best_rate: points[b].rate,
        best_throughput: points[b].mean_throughput(),
        shape,
        peak_rate,
        collapse_rate,
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact values are intended
mod tests {
    use super::*;

    fn point(rate: f64, throughputs: &[f64]) -> Point {
        let runs = throughputs
            .iter()
            .map(|&t| Run {
                requests: 10,
                succeeded: (t * 5.0) as u64,
                throughput: t,
                success: t / 2.0,
                chain: Some(2.0),
            })
            .collect();
        Point { rate, runs }
    }

    fn shape_of(points: Vec<Point>) -> LoadScan {
        let options = ScanOptions {
            rates: None,
            steps: 10,
            replicates: 3,
            min_success: 0.01,
            max_rate_per_person: 10.0,
            refine: 1,
            routing: RouteOptions::default(),
        };
        summarise(points, 1.0, (ScanEnd::LowSuccess, 16.0), &options)
    }

    #[test]
    fn a_peak_and_a_collapse_are_named_only_beyond_the_noise() {
        // Clear rise, clear fall: a peak at 4, a collapse at 16 (below half the peak's
        // lower bound), not at 8 (whose interval reaches above it).
        let clear = shape_of(vec![
            point(1.0, &[1.0, 1.1, 0.9]),
            point(4.0, &[3.0, 3.1, 2.9]),
            point(8.0, &[1.0, 2.0, 1.5]),
            point(16.0, &[0.5, 0.6, 0.4]),
        ]);
        assert_eq!(
            (clear.shape, clear.peak_rate, clear.collapse_rate),
            (CurveShape::Peak, Some(4.0), Some(16.0))
        );
        // The same means with wide replicates: no peak, no collapse, but the same best rate.
        let noisy = shape_of(vec![
            point(1.0, &[0.0, 2.0, 1.0]),
            point(4.0, &[0.0, 6.0, 3.0]),
            point(16.0, &[0.0, 1.0, 0.5]),
        ]);
        assert_eq!(
            (noisy.shape, noisy.peak_rate, noisy.collapse_rate),
            (CurveShape::Flat, None, None)
        );
        assert_eq!(noisy.best_rate, 4.0);
        // Still rising at the highest rate; highest at the lightest load.
        let rising = shape_of(vec![point(1.0, &[1.0, 1.1, 0.9]), point(2.0, &[2.0, 2.1, 1.9])]);
        assert_eq!(rising.shape, CurveShape::Rising);
        let falling = shape_of(vec![point(1.0, &[2.0, 2.1, 1.9]), point(2.0, &[1.0, 1.1, 0.9])]);
        assert_eq!((falling.shape, falling.peak_rate), (CurveShape::Falling, None));
    }
}
