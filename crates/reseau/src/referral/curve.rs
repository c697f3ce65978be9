//! Throughput against the request rate: where the wave breaks.

use serde::{Deserialize, Serialize};

use super::options::Workload;
use super::request::LoadCurveRequest;
use super::route::{Engine, RunOptions};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use crate::compiled::CompiledNetwork;
use crate::control::Control;
use crate::error::Result;

/// The result of [`referral_load_curve`]: for each request rate, how many referrals get
/// through per step once loads have built up.
///
/// Requests start during [`steps`](LoadCurve::steps) steps; the first
/// [`warmup`](LoadCurve::warmup) of them (half) let loads build up to their working level,
/// and the counts, throughput and success rate are measured on the requests that start after them (each followed
/// to its end), so that the few lucky requests of a still-rested network do not hide the
/// collapse.
///
/// The **peak** is the rate with the highest throughput (the first such rate among equals).
/// The **collapse** is the first rate past the peak whose throughput falls below half the
/// peak's: beyond it, sending more requests gets fewer referrals through than half of what
/// the network delivered at best. `None` when no rate tried is that bad.
///
/// ```
/// use reseau::fatigue::Fatigue;
/// use reseau::referral::{LoadCurveRequest, referral_load_curve};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let request = LoadCurveRequest::new(vec![0.5, 2.0, 8.0, 32.0])
///     .steps(100)
///     .fatigue(Fatigue::hill(2.0, 2.0).half_life(5.0))
///     .seed(1);
/// let curve = referral_load_curve(&net, &request)?;
/// assert_eq!(curve.throughput.len(), 4);
/// assert_eq!(curve.peak_throughput, curve.throughput[curve.peak_index]);
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LoadCurve {
    /// The request rates tried (requests started per step), increasing.
    pub rates: Vec<f64>,
    /// The steps during which requests started, at each rate.
    pub steps: u32,
    /// The first steps, not measured: `steps / 2`, rounded down.
    pub warmup: u32,
    /// Requests started after the warm-up, at each rate.
    pub requests: Vec<u64>,
    /// Of those, the requests that reached their target.
    pub succeeded: Vec<u64>,
    /// Successful referrals per step: `succeeded / (steps − warmup)`.
    pub throughput: Vec<f64>,
    /// `succeeded / requests` (0 when no request started).
    pub success_rate: Vec<f64>,
    /// Mean hops of the chains completed at each rate (all of them, warm-up included;
    /// `None` when none completed): under load, only short chains get through.
    pub mean_chain_length: Vec<Option<f64>>,
    /// The index of the peak in `rates`.
    pub peak_index: usize,
    /// The rate at which throughput peaks.
    pub peak_rate: f64,
    /// The highest throughput.
    pub peak_throughput: f64,
    /// The first rate past the peak whose throughput is below half the peak (`None`: none).
    pub collapse_rate: Option<f64>,
}

/// Routes random requests at each of the request's rates during its `steps` steps and
/// measures the throughput after a warm-up of `steps / 2` steps: the referral load curve.
///
/// Each rate is one run of [`route_referrals`](super::route_referrals) with
/// [`Workload::random`]`(rate, steps)` and the same `seed` (so every rate sees the same
/// sequence of random pairs, its first ⌊r·steps⌋), of which the requests started after the
/// warm-up are counted. Requests still travelling when the arrivals stop are followed to
/// their end. The rates run in parallel (feature `parallel`); the result does not depend on
/// the number of threads.
///
/// Fatigue with a finite half-life gives the article's wave: throughput rises with the rate
/// while people have attention to spare, peaks, then collapses as everyone's load grows and
/// nobody forwards any more.
///
/// ```
/// use reseau::fatigue::Fatigue;
/// use reseau::referral::{LoadCurveRequest, referral_load_curve};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let rates: Vec<f64> = (0..11).map(|i| 0.5 * 2f64.powi(i)).collect(); // 0.5 to 512
/// let request = LoadCurveRequest::new(rates)
///     .steps(300)
///     .fatigue(Fatigue::hill(2.0, 2.0).half_life(10.0))
///     .seed(7);
/// let curve = referral_load_curve(&net, &request)?;
/// assert!(curve.throughput[1] > curve.throughput[0]); // rises,
/// assert!(curve.peak_rate > 1.0 && curve.peak_rate < 512.0); // peaks,
/// assert!(curve.collapse_rate.is_some()); // and collapses
/// let not_increasing = LoadCurveRequest { rates: vec![2.0, 1.0], ..request };
/// assert!(referral_load_curve(&net, &not_increasing).is_err());
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn referral_load_curve(net: &CompiledNetwork, request: &LoadCurveRequest) -> Result<LoadCurve> {
    referral_load_curve_with(net, request, &Control::none())
}

/// [`referral_load_curve`], watched and stoppable through `control`: it reports the rates
/// done out of `rates.len()` (each rate is one unit of work), looks every 1,024 events of a
/// rate whether it was stopped, and returns [`Error::Cancelled`](crate::Error::Cancelled)
/// when it was. When it is not stopped the curve is exactly [`referral_load_curve`]'s.
///
/// ```
/// use reseau::control::Control;
/// use reseau::referral::{LoadCurveRequest, referral_load_curve, referral_load_curve_with};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let request = LoadCurveRequest::new(vec![1.0, 4.0]).steps(50).seed(3);
/// let watch = |done: u64, total: u64| done <= total;
/// let watched = referral_load_curve_with(&net, &request, &Control::new(&watch))?;
/// assert_eq!(watched, referral_load_curve(&net, &request)?);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn referral_load_curve_with(
    net: &CompiledNetwork,
    request: &LoadCurveRequest,
    control: &Control<'_>,
) -> Result<LoadCurve> {
    request.validate()?;
    let options = request.route_options();
    options.validate(net)?;
    let (rates, steps, seed) = (&request.rates[..], request.steps, request.seed);
    for &r in rates {
        Workload::random(r, steps).validate(net)?;
    }
    let engine = Engine::new(net, &options);
    let warmup = steps / 2;
    let done = AtomicU64::new(0);
    let total = rates.len() as u64;
    // The rates run at once, one per thread, each with its share of the memory.
    let at_once = crate::memory::threads().min(total);
    let memory = crate::memory::Budget::new(request.max_memory)?.share(at_once);
    let run = |&rate: &f64| -> Result<Option<_>> {
        if control.is_cancelled() {
            return Ok(None);
        }
        let workload = Workload::random(rate, steps);
        let measure_from = u64::from(warmup);
        let run = RunOptions { journeys: false, measure_from, control, report: false, memory };
        let (tally, _) = engine.run(&workload, seed, &run)?;
        let _ = control.report(done.fetch_add(1, Relaxed) + 1, total);
        Ok(Some(tally))
    };
    control.check()?;
    #[cfg(feature = "parallel")]
    let tallies: Vec<_> = {
        use rayon::prelude::*;
        rates.par_iter().map(run).collect::<Result<_>>()?
    };
    #[cfg(not(feature = "parallel"))]
    let tallies: Vec<_> = rates.iter().map(run).collect::<Result<_>>()?;
    control.check()?;
    let tallies: Vec<_> = tallies.into_iter().flatten().collect();

    let requests: Vec<u64> = tallies.iter().map(|t| t.measured_requests).collect();
    let succeeded: Vec<u64> = tallies.iter().map(|t| t.measured_succeeded).collect();
    let window = f64::from(steps - warmup);
    let throughput: Vec<f64> = succeeded.iter().map(|&s| s as f64 / window).collect();
    let success_rate = succeeded
        .iter()
        .zip(&requests)
        .map(|(&s, &r)| if r > 0 { s as f64 / r as f64 } else { 0.0 })
        .collect();
    let mean_chain_length = tallies
        .iter()
        .map(|t| {
            let total: u64 = t.lengths.iter().enumerate().map(|(l, &c)| l as u64 * c).sum();
            (t.succeeded > 0).then(|| total as f64 / t.succeeded as f64)
        })
        .collect();
    let mut peak_index = 0;
    for (i, &t) in throughput.iter().enumerate() {
        if t > throughput[peak_index] {
            peak_index = i;
        }
    }
    let peak_throughput = throughput[peak_index];
    let collapse_rate = (peak_index + 1..rates.len())
        .find(|&i| throughput[i] < 0.5 * peak_throughput)
        .map(|i| rates[i]);
    Ok(LoadCurve {
        rates: rates.to_vec(),
        steps,
        warmup,
        requests,
        succeeded,
        throughput,
        success_rate,
        mean_chain_length,
        peak_index,
        peak_rate: rates[peak_index],
        peak_throughput,
        collapse_rate,
    })
}
