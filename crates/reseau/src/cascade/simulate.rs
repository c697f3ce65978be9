//! Monte Carlo summaries and single-run traces.

use serde::{Deserialize, Serialize};

use crate::cascade::engine::{NONE, Scratch};
use crate::cascade::fingerprint::fingerprint;
use crate::cascade::model::{Model, Seeds, Valence};
use crate::cascade::opinion::{OpinionByStep, OpinionTally};
use crate::cascade::plan::Plan;
use crate::cascade::prepared::Prepared;
use crate::cascade::request::{MAX_RUNS, SimulateRequest, TraceRequest, check_runs};
use crate::compiled::CompiledNetwork;
use crate::control::Control;
use crate::error::{Error, Result};
use crate::rng::Stream;

/// Runs are grouped in blocks of this many; each block is one unit of parallel work. The
/// block size, not the thread count, fixes which runs share a scratch space, and every sum is
/// over integers, so the result is the same for any number of threads.
const BLOCK: u64 = 64;

/// Spread statistics of one valence (good or bad buzz) over the runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SpreadStats {
    /// Mean number of people convinced, seeds included.
    pub mean: f64,
    /// Sample standard deviation of that number over the runs.
    pub std: f64,
    /// 95% confidence interval of the mean (normal approximation: mean ± 1.96 std / √runs).
    pub ci95: [f64; 2],
    /// Each person's probability of being convinced, indexed by id.
    pub activation: Vec<f64>,
    /// Mean number convinced through each layer (by the tie that convinced them), in the
    /// network's layer order; seeds are not counted here.
    pub by_layer: Vec<f64>,
    /// Mean number of seeds (seeds of this valence that were not convinced otherwise).
    pub seeds: f64,
}

/// The result of [`simulate`]: the spread of the message over many runs.
///
/// ```
/// use reseau::cascade::{SimulateRequest, simulate};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let summary = simulate(&net, &SimulateRequest::new([0]).runs(200))?;
/// assert_eq!((summary.runs, summary.layer_names.len()), (200, 5));
/// assert_eq!(summary.mean(), summary.total.mean);
/// assert_eq!(summary.layer_shares, summary.layer_shares());
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CascadeSummary {
    /// The number of runs.
    pub runs: u64,
    /// Both valences together.
    pub total: SpreadStats,
    /// Good buzz only (everything when there is one campaign and no distrust inversion).
    pub good: SpreadStats,
    /// Bad buzz only.
    pub bad: SpreadStats,
    /// Mean number convinced by the end of each step (cumulative, both valences), from step 0
    /// (the seeds) to the last step any run reached.
    pub by_step: Vec<f64>,
    /// The layer names, in the order of `by_layer`.
    pub layer_names: Vec<String>,
    /// The share of the convinced (seeds excluded) carried by each layer, in the order of
    /// `layer_names`, summing to 1 when anyone beyond the seeds was convinced
    /// ([`CascadeSummary::layer_shares`]).
    #[serde(default)]
    pub layer_shares: Vec<f64>,
    /// E-reputation over time: the shares of people holding the good and the bad view at the
    /// end of each step, over the steps of `by_step` (empty in a summary saved by an older
    /// version).
    #[serde(default)]
    pub opinion: OpinionByStep,
}

/// The old name of [`CascadeSummary`].
#[deprecated(since = "0.2.0", note = "renamed CascadeSummary")]
pub type Summary = CascadeSummary;

impl CascadeSummary {
    /// The mean spread, both valences together.
    pub fn mean(&self) -> f64 {
        self.total.mean
    }

    /// The share of the convinced (seeds excluded) carried by each layer, summing to 1 when
    /// anyone beyond the seeds was convinced (what the field `layer_shares` holds).
    pub fn layer_shares(&self) -> Vec<f64> {
        shares(&self.total.by_layer)
    }
}

/// Each layer's share of what all layers carried (zeros when they carried nothing).
fn shares(by_layer: &[f64]) -> Vec<f64> {
    let carried: f64 = by_layer.iter().sum();
    by_layer.iter().map(|&x| if carried > 0.0 { x / carried } else { 0.0 }).collect()
}

/// Integer sums over runs (associative, so thread-count independent). Sums of squares are
/// `u128`, written as decimal text in the serde form (JSON numbers, and the Python and
/// JavaScript values made from them, stop at 2^64 or 2^53).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Tally {
    runs: u64,
    sum: [u64; 2],
    #[serde(with = "super::text::u128_pair")]
    sum_sq: [u128; 2],
    #[serde(with = "super::text::u128")]
    total_sum_sq: u128,
    activation: [Vec<u64>; 2],
    by_layer: [Vec<u64>; 2],
    seeds: [u64; 2],
    by_step: Vec<u64>,
    opinion: OpinionTally,
}

impl Tally {
    fn new(n: usize, layers: usize) -> Self {
        Tally {
            runs: 0,
            sum: [0; 2],
            sum_sq: [0; 2],
            total_sum_sq: 0,
            activation: [vec![0; n], vec![0; n]],
            by_layer: [vec![0; layers], vec![0; layers]],
            seeds: [0; 2],
            by_step: Vec::new(),
            opinion: OpinionTally::default(),
        }
    }

    fn record(&mut self, s: &Scratch) {
        self.runs += 1;
        let mut count = [0u64; 2];
        for &v in &s.activated {
            let (t, via, valence) = s.outcome(v);
            let k = valence.index();
            count[k] += 1;
            self.activation[k][v as usize] += 1;
            if via == NONE {
                self.seeds[k] += 1;
            } else {
                self.by_layer[k][via as usize] += 1;
            }
            self.opinion.convinced(t as usize, k);
        }
        // The people convinced at each step go to `by_step` from the opinion's counts.
        self.opinion.end_run(&mut self.by_step);
        for (k, &c) in count.iter().enumerate() {
            self.sum[k] += c;
            self.sum_sq[k] += u128::from(c) * u128::from(c);
        }
        let total = u128::from(count[0] + count[1]);
        self.total_sum_sq += total * total;
    }

    fn merge(mut self, other: &Tally) -> Tally {
        self.runs += other.runs;
        self.total_sum_sq += other.total_sum_sq;
        for k in 0..2 {
            self.sum[k] += other.sum[k];
            self.sum_sq[k] += other.sum_sq[k];
            self.seeds[k] += other.seeds[k];
            for (a, b) in self.activation[k].iter_mut().zip(&other.activation[k]) {
                *a += b;
            }
            for (a, b) in self.by_layer[k].iter_mut().zip(&other.by_layer[k]) {
                *a += b;
            }
        }
        if self.by_step.len() < other.by_step.len() {
            self.by_step.resize(other.by_step.len(), 0);
        }
        for (a, b) in self.by_step.iter_mut().zip(&other.by_step) {
            *a += b;
        }
        self.opinion.merge(&other.opinion);
        self
    }

    fn stats(
        &self,
        sum: u64,
        sum_sq: u128,
        activation: &[u64],
        by_layer: &[u64],
        seeds: u64,
    ) -> SpreadStats {
        let r = self.runs as f64;
        let mean = sum as f64 / r;
        let var = if self.runs > 1 {
            ((sum_sq as f64) - r * mean * mean).max(0.0) / (r - 1.0)
        } else {
            0.0
        };
        let std = var.sqrt();
        SpreadStats {
            mean,
            std,
            ci95: crate::stats::normal_interval(mean, std, self.runs),
            activation: activation.iter().map(|&c| c as f64 / r).collect(),
            by_layer: by_layer.iter().map(|&c| c as f64 / r).collect(),
            seeds: seeds as f64 / r,
        }
    }

    fn summary(&self, layer_names: Vec<String>) -> CascadeSummary {
        let per = |k: usize| {
            self.stats(
                self.sum[k],
                self.sum_sq[k],
                &self.activation[k],
                &self.by_layer[k],
                self.seeds[k],
            )
        };
        let add = |a: &[u64], b: &[u64]| a.iter().zip(b).map(|(x, y)| x + y).collect::<Vec<u64>>();
        let total = self.stats(
            self.sum[0] + self.sum[1],
            self.total_sum_sq,
            &add(&self.activation[0], &self.activation[1]),
            &add(&self.by_layer[0], &self.by_layer[1]),
            self.seeds[0] + self.seeds[1],
        );
        let mut cumulative = 0u64;
        let by_step = self
            .by_step
            .iter()
            .map(|&c| {
                cumulative += c;
                cumulative as f64 / self.runs as f64
            })
            .collect();
        CascadeSummary {
            runs: self.runs,
            layer_shares: shares(&total.by_layer),
            total,
            good: per(Valence::Good.index()),
            bad: per(Valence::Bad.index()),
            by_step,
            layer_names,
            opinion: self.opinion.summary(self.runs, self.activation[0].len()),
        }
    }
}

fn run_block(
    prep: &Prepared<'_>,
    seeds: &Seeds,
    seed: u64,
    runs: &std::ops::Range<u64>,
    block: u64,
    scratch: &mut Scratch,
    tally: &mut Tally,
) {
    let first = runs.start + block * BLOCK;
    for run in first..(first + BLOCK).min(runs.end) {
        let mut rng = Stream::new(seed, run);
        scratch.run(prep, seeds, &mut rng);
        tally.record(scratch);
    }
}

/// Simulates `request.runs` independent cascades from the request's seeds under its model and
/// summarises them.
///
/// Run `i` draws from the stream `(request.seed, i)`, and the runs are tallied with integer
/// sums, so the summary is identical for any number of threads and on every platform.
///
/// ```
/// use reseau::cascade::{Model, SimulateRequest, simulate};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let request = SimulateRequest::new([0, 1]).model(Model::independent_cascade(0.1)).runs(500).seed(7);
/// let summary = simulate(&net, &request)?;
/// assert!(summary.total.mean >= 2.0);
/// assert_eq!(summary.total.activation[0], 1.0); // a seed is always convinced
/// assert_eq!(summary.by_step[0], 2.0);
/// let shares: f64 = summary.layer_shares().iter().sum();
/// assert!((shares - 1.0).abs() < 1e-9);
/// // People by label: U102 is person 0.
/// assert_eq!(simulate(&net, &SimulateRequest { seeds: vec!["U102".into(), 1.into()], ..request })?, summary);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn simulate(net: &CompiledNetwork, request: &SimulateRequest) -> Result<CascadeSummary> {
    simulate_with(net, request, &Control::none())
}

/// [`simulate`], watched and stoppable through `control`: it reports the runs done out of
/// `runs` after each block of 64 runs, and returns [`Error::Cancelled`] when stopped. When it
/// is not stopped the summary is exactly [`simulate`]'s.
///
/// ```
/// use reseau::cascade::{SimulateRequest, simulate, simulate_with};
/// use reseau::control::Control;
/// let net = reseau::datasets::aarhus_cs().compile();
/// let request = SimulateRequest::new([0]).runs(300).seed(1);
/// let quiet = |_done: u64, _total: u64| true;
/// let watched = simulate_with(&net, &request, &Control::new(&quiet))?;
/// assert_eq!(watched, simulate(&net, &request)?);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn simulate_with(
    net: &CompiledNetwork,
    request: &SimulateRequest,
    control: &Control<'_>,
) -> Result<CascadeSummary> {
    check_runs(request.runs)?;
    let seeds = request.resolve_seeds(net)?;
    check_memory(net, request.runs, request.max_memory)?;
    simulate_seeds(net, &seeds, &request.model, request.runs, request.seed, control)
}

/// Refuses runs whose per-person arrays would not fit in memory: per thread running a block,
/// the engine's scratch (at most 64 bytes a person) and the tally (16), and the summary's
/// three activation arrays (24); the prepared model's value per directed tie (4) and the plain
/// engine's threshold per directed tie ([`Plan::BYTES_PER_TIE`]).
pub(crate) fn check_memory(
    net: &CompiledNetwork,
    runs: u64,
    max_memory: Option<u64>,
) -> Result<()> {
    let threads = crate::memory::threads().min(runs.div_ceil(BLOCK));
    let n = net.num_people() as u64;
    let needed = (threads.saturating_mul(80).saturating_add(24))
        .saturating_mul(n)
        .saturating_add((4 + Plan::BYTES_PER_TIE) * net.num_directed_ties() as u64);
    crate::memory::check(max_memory, needed, || {
        format!("{runs} cascades on {n} people, on {threads} threads")
    })
}

/// [`simulate_with`] from seeds already resolved, for the modules that simulate their own
/// choices (relay evaluation, the balance sweep, the report).
pub(crate) fn simulate_seeds(
    net: &CompiledNetwork,
    seeds: &Seeds,
    model: &Model,
    runs: u64,
    seed: u64,
    control: &Control<'_>,
) -> Result<CascadeSummary> {
    check_runs(runs)?;
    check_memory(net, runs, None)?;
    Ok(tally_runs(net, seeds, model, 0..runs, seed, control)?.summary())
}

/// The runs `runs` (a range of run numbers) of [`simulate`] with this request (whose own
/// `runs` is not used), tallied but not summarised: a shard of a simulation split across
/// processes or machines. Shards of the same simulation (same network, seeds, model and
/// `seed`) whose ranges cover `0..n` merge ([`PartialSummary::merge`]) into exactly the
/// summary of `simulate` with `runs = n`, to the last bit: run `i` draws from the stream
/// `(seed, i)` wherever it runs, and the tallies are integer sums. Ranges aligned to multiples
/// of 64 keep the core's blocks of work whole.
///
/// `control` works as in [`simulate_with`], over the runs of the range.
///
/// ```
/// use reseau::cascade::{SimulateRequest, simulate, simulate_runs};
/// use reseau::control::Control;
/// let net = reseau::datasets::aarhus_cs().compile();
/// let request = SimulateRequest::new([0]).runs(1000).seed(7);
/// let none = Control::none();
/// let a = simulate_runs(&net, &request, 0..640, &none)?;
/// let b = simulate_runs(&net, &request, 640..1000, &none)?;
/// let whole = b.merge(&a)?; // in any order
/// assert_eq!(whole.ranges, vec![[0, 1000]]);
/// assert_eq!(whole.summary(), simulate(&net, &request)?);
/// assert!(a.merge(&a).is_err()); // a run counted twice
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn simulate_runs(
    net: &CompiledNetwork,
    request: &SimulateRequest,
    runs: std::ops::Range<u64>,
    control: &Control<'_>,
) -> Result<PartialSummary> {
    check_range(&runs)?;
    let seeds = request.resolve_seeds(net)?;
    check_memory(net, runs.end - runs.start, request.max_memory)?;
    let mut part = tally_runs(net, &seeds, &request.model, runs, request.seed, control)?;
    part.fingerprint = Some(fingerprint(net, &request.model, &seeds, request.seed));
    Ok(part)
}

/// The most shards [`shard_ranges`] makes (each shard a range of at least 64 runs, a
/// million of them covers 2^26 runs and more).
pub const MAX_SHARDS: u64 = 1 << 20;

/// `runs` run numbers split into at most `shards` consecutive `[start, stop)` ranges of
/// nearly equal size, aligned to the core's blocks of 64 runs (fewer shards when there are
/// fewer blocks): the ranges to give [`simulate_runs`] on as many machines.
///
/// ```
/// use reseau::cascade::shard_ranges;
/// assert_eq!(shard_ranges(200, 2)?, vec![[0, 128], [128, 200]]);
/// assert_eq!(shard_ranges(10, 4)?, vec![[0, 10]]);
/// assert_eq!(shard_ranges(1000, 3)?, vec![[0, 384], [384, 704], [704, 1000]]);
/// // A billion shards would be a list of a billion ranges: refused.
/// assert_eq!(shard_ranges(1_000_000_000_000_000_000, 1_000_000_000).unwrap_err().kind(), "InvalidParameterError");
/// # Ok::<(), reseau::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] when `runs` is 0, or `shards` is 0 or above [`MAX_SHARDS`].
pub fn shard_ranges(runs: u64, shards: u64) -> Result<Vec<[u64; 2]>> {
    if runs == 0 {
        return Err(Error::invalid("runs", 0, "at least 1"));
    }
    if shards == 0 || shards > MAX_SHARDS {
        return Err(Error::invalid("shards", shards, format!("1 to {MAX_SHARDS} shards")));
    }
    let blocks = runs.div_ceil(BLOCK);
    let shards = shards.min(blocks);
    let mut ranges = Vec::with_capacity(shards as usize);
    let mut start_block = 0;
    for i in 0..shards {
        let size = blocks / shards + u64::from(i < blocks % shards);
        let start = start_block * BLOCK;
        let stop = (start_block + size).saturating_mul(BLOCK).min(runs);
        ranges.push([start, stop]);
        start_block += size;
    }
    Ok(ranges)
}

fn check_range(runs: &std::ops::Range<u64>) -> Result<()> {
    let count = runs.end.saturating_sub(runs.start);
    if count == 0 || count > MAX_RUNS {
        return Err(Error::invalid(
            "runs",
            format!("{}..{}", runs.start, runs.end),
            format!("a range of 1 to {MAX_RUNS} run numbers"),
        ));
    }
    Ok(())
}

/// The runs `runs` from resolved seeds, tallied.
fn tally_runs(
    net: &CompiledNetwork,
    seeds: &Seeds,
    model: &Model,
    runs: std::ops::Range<u64>,
    seed: u64,
    control: &Control<'_>,
) -> Result<PartialSummary> {
    check_range(&runs)?;
    let count = runs.end - runs.start;
    seeds.validate(net.num_people())?;
    let prep = Prepared::new(net, model)?;
    let (n, layers) = (net.num_people(), net.layers().len());
    let blocks = count.div_ceil(BLOCK);
    let done = std::sync::atomic::AtomicU64::new(0);
    // After each block: add its runs to the count done and report.
    let block_done = |b: u64| {
        let size = BLOCK.min(count - b * BLOCK);
        let total = done.fetch_add(size, std::sync::atomic::Ordering::Relaxed) + size;
        let _ = control.report(total, count);
    };
    control.check()?;

    // A stopped call fails its next block, and rayon's `try_` adaptors then skip the rest.
    #[cfg(feature = "parallel")]
    let tally = {
        use rayon::prelude::*;
        (0..blocks)
            .into_par_iter()
            .try_fold(
                || (Scratch::new(&prep), Tally::new(n, layers)),
                |(mut scratch, mut tally), b| {
                    control.check()?;
                    run_block(&prep, seeds, seed, &runs, b, &mut scratch, &mut tally);
                    block_done(b);
                    Ok::<_, Error>((scratch, tally))
                },
            )
            .map(|r| r.map(|(_, tally)| tally))
            .try_reduce_with(|a, b| Ok(a.merge(&b)))
            .unwrap_or_else(|| Ok(Tally::new(n, layers)))?
    };
    #[cfg(not(feature = "parallel"))]
    let tally = {
        let (mut scratch, mut tally) = (Scratch::new(&prep), Tally::new(n, layers));
        for b in 0..blocks {
            control.check()?;
            run_block(&prep, seeds, seed, &runs, b, &mut scratch, &mut tally);
            block_done(b);
        }
        tally
    };
    control.check()?;
    Ok(PartialSummary {
        seed,
        fingerprint: None,
        ranges: vec![[runs.start, runs.end]],
        layer_names: net.layers().iter().map(|l| l.name.clone()).collect(),
        tally,
    })
}

/// Some runs of a simulation, tallied: what [`simulate_runs`] returns, to be merged with the
/// other shards of the same simulation and summarised. Its serde form carries the integer
/// tallies (sums of squares as decimal text), so a shard crosses processes and machines
/// without losing a bit.
///
/// ```
/// use reseau::cascade::{PartialSummary, SimulateRequest, simulate_runs};
/// use reseau::control::Control;
/// let net = reseau::datasets::aarhus_cs().compile();
/// let part = simulate_runs(&net, &SimulateRequest::new([3]).seed(1), 64..128, &Control::none())?;
/// let text = serde_json::to_string(&part).unwrap();
/// let back: PartialSummary = serde_json::from_str(&text).unwrap();
/// assert_eq!((back.runs(), back.summary()), (64, part.summary()));
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartialSummary {
    /// The `seed` of the simulation.
    pub seed: u64,
    /// A stable 64-bit hash of the simulation (the network as a cascade reads it, the model,
    /// the seed people and the seed), written as 16 hexadecimal digits: shards with different
    /// fingerprints do not merge. `None` in a shard saved by a version before fingerprints,
    /// which [`PartialSummary::merge`] refuses (it cannot tell what simulation it is from).
    #[serde(default, with = "super::fingerprint::hex")]
    pub fingerprint: Option<u64>,
    /// The run numbers tallied, as sorted, disjoint half-open ranges `[start, stop)`
    /// (adjacent ranges joined).
    pub ranges: Vec<[u64; 2]>,
    /// The network's layer names, in its order.
    pub layer_names: Vec<String>,
    tally: Tally,
}

impl PartialSummary {
    /// The number of runs tallied.
    ///
    /// ```
    /// use reseau::cascade::{SimulateRequest, simulate_runs};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let none = reseau::control::Control::none();
    /// assert_eq!(simulate_runs(&net, &SimulateRequest::new([0]), 10..30, &none)?.runs(), 20);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn runs(&self) -> u64 {
        self.tally.runs
    }

    /// Both shards' runs together. Refuses shards of different simulations (different seeds,
    /// networks, models or seed people: their [fingerprints](PartialSummary::fingerprint)
    /// differ), a shard without a fingerprint (saved by an older version), shards whose runs
    /// overlap, and tallies that do not hold together (data altered on the way).
    ///
    /// ```
    /// use reseau::cascade::{Model, SimulateRequest, simulate_runs};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let (request, none) = (SimulateRequest::new([0]).seed(1), reseau::control::Control::none());
    /// let a = simulate_runs(&net, &request, 0..64, &none)?;
    /// let c = simulate_runs(&net, &request, 128..192, &none)?;
    /// assert_eq!(a.merge(&c)?.ranges, vec![[0, 64], [128, 192]]);
    /// let other_seed = simulate_runs(&net, &request.clone().seed(2), 64..128, &none)?;
    /// assert_eq!(a.merge(&other_seed).unwrap_err().kind(), "InvalidParameterError");
    /// let other_model = simulate_runs(&net, &request.clone().model(Model::independent_cascade(0.3)), 64..128, &none)?;
    /// assert_eq!(a.merge(&other_model).unwrap_err().to_string(), "invalid shards: shards of different simulations \
    ///     (expected shards of one simulation: the same network, model, seed people and seed)");
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn merge(&self, other: &PartialSummary) -> Result<PartialSummary> {
        self.validate()?;
        other.validate()?;
        if self.seed != other.seed {
            return Err(Error::invalid(
                "shards",
                format!("seeds {} and {}", self.seed, other.seed),
                "shards of one simulation (the same seed)",
            ));
        }
        if self.layer_names != other.layer_names
            || self.tally.activation[0].len() != other.tally.activation[0].len()
        {
            return Err(Error::invalid(
                "shards",
                "shards of different networks",
                "shards of one simulation (the same network)",
            ));
        }
        match (self.fingerprint, other.fingerprint) {
            (Some(a), Some(b)) if a == b => {}
            (Some(_), Some(_)) => {
                return Err(Error::invalid(
                    "shards",
                    "shards of different simulations",
                    "shards of one simulation: the same network, model, seed people and seed",
                ));
            }
            _ => {
                return Err(Error::invalid(
                    "shards",
                    "a shard without a fingerprint (saved by an older version)",
                    "shards that say what simulation they are from: run that shard again",
                ));
            }
        }
        if !self.tally.can_merge(&other.tally) {
            return Err(Error::invalid(
                "shards",
                "tallies too large to add up",
                "shards of one simulation of at most 2^64 runs",
            ));
        }
        let mut ranges: Vec<[u64; 2]> = self.ranges.iter().chain(&other.ranges).copied().collect();
        ranges.sort_unstable();
        let mut joined: Vec<[u64; 2]> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match joined.last_mut() {
                Some(last) if r[0] < last[1] => {
                    return Err(Error::invalid(
                        "shards",
                        format!("runs {}..{} counted twice", r[0], last[1].min(r[1])),
                        "shards whose runs do not overlap",
                    ));
                }
                Some(last) if r[0] == last[1] => last[1] = r[1],
                _ => joined.push(r),
            }
        }
        Ok(PartialSummary {
            seed: self.seed,
            fingerprint: self.fingerprint,
            ranges: joined,
            layer_names: self.layer_names.clone(),
            tally: self.tally.clone().merge(&other.tally),
        })
    }

    /// The summary of the runs tallied: [`simulate`]'s summary when the ranges are `0..n`.
    ///
    /// ```
    /// use reseau::cascade::{SimulateRequest, simulate, simulate_runs};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let (request, none) = (SimulateRequest::new([0]).runs(100).seed(1), reseau::control::Control::none());
    /// let all = simulate_runs(&net, &request, 0..100, &none)?;
    /// assert_eq!(all.summary(), simulate(&net, &request)?);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn summary(&self) -> CascadeSummary {
        self.tally.summary(self.layer_names.clone())
    }

    /// Checks that the tallies hold together (what a deserialised shard needs before
    /// [`PartialSummary::summary`] makes sense of it).
    ///
    /// ```
    /// use reseau::cascade::{SimulateRequest, simulate_runs};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let none = reseau::control::Control::none();
    /// assert!(simulate_runs(&net, &SimulateRequest::new([0]), 0..10, &none)?.validate().is_ok());
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn validate(&self) -> Result<()> {
        let t = &self.tally;
        let counted =
            self.ranges.iter().try_fold(0u64, |a, r| a.checked_add(r[1].saturating_sub(r[0])));
        let sorted = self.ranges.iter().all(|r| r[0] < r[1])
            && self.ranges.windows(2).all(|w| w[0][1] < w[1][0]);
        let n = t.activation[0].len();
        let layers = self.layer_names.len();
        let shapes = t.activation[1].len() == n
            && t.by_layer.iter().all(|v| v.len() == layers)
            && !self.ranges.is_empty();
        if !(sorted && shapes && counted == Some(t.runs) && t.counts_add_up()) {
            return Err(Error::invalid(
                "shard",
                "inconsistent tallies",
                "a shard as simulate_runs returns it",
            ));
        }
        Ok(())
    }
}

/// Sums of `u64`s, `None` on overflow.
fn total<'a>(xs: impl IntoIterator<Item = &'a u64>) -> Option<u64> {
    xs.into_iter().try_fold(0u64, |a, &b| a.checked_add(b))
}

impl Tally {
    /// Whether the counts are those of real runs: nobody convinced in more runs than there
    /// were, each valence's convinced people adding up to its sum, seeds plus convinced
    /// through each layer, and by step, too; squares at least their numbers. Then no sum
    /// of the summary overflows.
    fn counts_add_up(&self) -> bool {
        let per_person = (0..self.activation[0].len()).all(|i| {
            self.activation[0][i].checked_add(self.activation[1][i]).is_some_and(|c| c <= self.runs)
        });
        let valences = (0..2).all(|k| {
            let convinced = total(&self.activation[k]);
            let parts = total(&self.by_layer[k]).and_then(|c| c.checked_add(self.seeds[k]));
            convinced == Some(self.sum[k])
                && parts == Some(self.sum[k])
                && self.sum_sq[k] >= u128::from(self.sum[k])
        });
        let both = self.sum[0].checked_add(self.sum[1]);
        let squares = self.sum_sq[0].checked_add(self.sum_sq[1]);
        per_person
            && valences
            && both.is_some()
            && total(&self.by_step) == both
            && squares.is_some_and(|s| self.total_sum_sq >= s)
            && self.opinion.adds_up(&self.by_step, self.runs)
    }

    /// Whether two tallies that add up can be merged without overflow.
    fn can_merge(&self, other: &Tally) -> bool {
        let fits = |a: &[u64], b: &[u64]| a.iter().zip(b).all(|(x, y)| x.checked_add(*y).is_some());
        self.runs.checked_add(other.runs).is_some()
            && self.total_sum_sq.checked_add(other.total_sum_sq).is_some()
            && (0..2).all(|k| {
                self.sum_sq[k].checked_add(other.sum_sq[k]).is_some()
                    && fits(&self.sum, &other.sum)
                    && fits(&self.seeds, &other.seeds)
                    && fits(&self.activation[k], &other.activation[k])
                    && fits(&self.by_layer[k], &other.by_layer[k])
            })
            && fits(&self.by_step, &other.by_step)
            && self.opinion.can_merge(&other.opinion)
            && self.sum[0]
                .checked_add(other.sum[0])
                .zip(self.sum[1].checked_add(other.sum[1]))
                .is_some_and(|(a, b)| a.checked_add(b).is_some())
    }
}

/// One run, traced: for each person, when they were convinced, by whom, through which layer
/// and with which valence; −1 where they were not reached (and for a seed's `parent` and
/// `layer`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CascadeTrace {
    /// The step each person was convinced (seeds: 0).
    pub step: Vec<i64>,
    /// Who convinced them.
    pub parent: Vec<i64>,
    /// Through which layer (index in the network's layer order).
    pub layer: Vec<i64>,
    /// 0 for good buzz, 1 for bad.
    pub valence: Vec<i64>,
    /// Everyone convinced, in the order they were.
    pub order: Vec<u32>,
    /// The layer names, in the network's order (what `layer` indexes).
    #[serde(default)]
    pub layer_names: Vec<String>,
}

/// The old name of [`CascadeTrace`].
#[deprecated(since = "0.2.0", note = "renamed CascadeTrace")]
pub type Trace = CascadeTrace;

impl CascadeTrace {
    /// The number of people convinced.
    ///
    /// ```
    /// use reseau::cascade::{TraceRequest, trace};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// assert!(trace(&net, &TraceRequest::new([0]))?.spread() >= 1);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn spread(&self) -> usize {
        self.order.len()
    }
}

/// Runs one cascade and records who convinced whom, when and through which layer. It is run
/// 0 of [`simulate`] with the same seeds, model and `seed`.
///
/// ```
/// use reseau::cascade::{Model, TraceRequest, trace};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let t = trace(&net, &TraceRequest::new([0]).model(Model::independent_cascade(0.3)).seed(1))?;
/// assert_eq!((t.step[0], t.parent[0], t.layer[0]), (0, -1, -1));
/// assert_eq!(t.layer_names[0], "lunch"); // what `layer` indexes
/// for &v in &t.order[1..] {
///     let parent = t.parent[v as usize] as usize;
///     assert!(t.step[parent] < t.step[v as usize]); // convinced by someone convinced earlier
/// }
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn trace(net: &CompiledNetwork, request: &TraceRequest) -> Result<CascadeTrace> {
    let seeds = request.resolve_seeds(net)?;
    let prep = Prepared::new(net, &request.model)?;
    let n = net.num_people();
    let mut scratch = Scratch::new(&prep);
    scratch.run(&prep, &seeds, &mut Stream::new(request.seed, 0));
    let mut out = CascadeTrace {
        step: vec![-1; n],
        parent: vec![-1; n],
        layer: vec![-1; n],
        valence: vec![-1; n],
        order: scratch.activated.clone(),
        layer_names: net.layers().iter().map(|l| l.name.clone()).collect(),
    };
    let id = |x: u32| if x == NONE { -1 } else { i64::from(x) };
    for &v in &scratch.activated {
        let i = v as usize;
        out.step[i] = i64::from(scratch.time(v));
        out.parent[i] = id(scratch.parent(v));
        out.layer[i] = id(scratch.via(v));
        out.valence[i] = i64::from(scratch.valence(v) == Valence::Bad);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::control::Control;
    use crate::error::Error;

    #[test]
    fn watched_and_sharded_simulations_equal_the_plain_one() {
        use crate::cascade::{Model, SimulateRequest, simulate, simulate_runs, simulate_with};
        let net = crate::datasets::aarhus_cs().compile();
        let request = SimulateRequest::new([0])
            .bad_seeds([5])
            .model(Model::independent_cascade(0.15))
            .runs(1_000)
            .seed(3);
        let plain = simulate(&net, &request).unwrap();
        let watch = |done: u64, total: u64| done <= total;
        let watched = simulate_with(&net, &request, &Control::new(&watch));
        assert_eq!(watched.unwrap(), plain);
        // Shards need not be aligned to blocks, and merge in any order.
        let none = Control::none();
        let cuts = [0, 1, 100, 129, 640, 999, 1_000];
        let mut shards: Vec<_> = cuts
            .windows(2)
            .map(|w| simulate_runs(&net, &request, w[0]..w[1], &none).unwrap())
            .collect();
        shards.reverse();
        let merged = shards.iter().skip(1).fold(shards[0].clone(), |a, b| a.merge(b).unwrap());
        assert_eq!(merged.ranges, vec![[0, 1_000]]);
        assert_eq!(merged.summary(), plain);
        #[cfg(feature = "parallel")]
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let again =
                pool.install(|| simulate_with(&net, &request, &Control::new(&watch)).unwrap());
            assert_eq!(again, plain);
        }
    }

    #[test]
    fn another_thread_stops_a_long_call_quickly() {
        use crate::cascade::{Model, SimulateRequest, simulate_with};
        let net = crate::datasets::aarhus_cs().compile();
        let control = Control::none();
        let started = std::time::Instant::now();
        let result = std::thread::scope(|s| {
            s.spawn(|| {
                std::thread::sleep(std::time::Duration::from_millis(50));
                control.cancel();
            });
            let request =
                SimulateRequest::new([0]).model(Model::independent_cascade(0.1)).runs(1 << 30);
            simulate_with(&net, &request.seed(1), &control)
        });
        assert_eq!(result.unwrap_err(), Error::Cancelled);
        assert!(started.elapsed().as_secs() < 5);
    }
}
