//! Monte Carlo summaries and single-run traces.

use serde::{Deserialize, Serialize};

use crate::cascade::engine::{NONE, Scratch};
use crate::cascade::model::{Model, Seeds, Valence};
use crate::cascade::prepared::Prepared;
use crate::compiled::CompiledNetwork;
use crate::error::{Error, Result};
use crate::rng::Stream;

/// Runs are grouped in blocks of this many; each block is one unit of parallel work. The
/// block size, not the thread count, fixes which runs share a scratch space, and every sum is
/// over integers, so the result is the same for any number of threads.
const BLOCK: u64 = 64;

/// The most runs one call accepts (about a day of work on a small network).
pub const MAX_RUNS: u64 = 1 << 32;

/// Spread statistics of one valence (good or bad buzz) over the runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
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
}

impl Summary {
    /// The mean spread, both valences together.
    pub fn mean(&self) -> f64 {
        self.total.mean
    }

    /// The share of the convinced (seeds excluded) carried by each layer, summing to 1 when
    /// anyone beyond the seeds was convinced.
    pub fn layer_shares(&self) -> Vec<f64> {
        let carried: f64 = self.total.by_layer.iter().sum();
        self.total.by_layer.iter().map(|&x| if carried > 0.0 { x / carried } else { 0.0 }).collect()
    }
}

/// Integer sums over runs (associative, so thread-count independent).
#[derive(Debug, Clone)]
struct Tally {
    runs: u64,
    sum: [u64; 2],
    sum_sq: [u128; 2],
    total_sum_sq: u128,
    activation: [Vec<u64>; 2],
    by_layer: [Vec<u64>; 2],
    seeds: [u64; 2],
    by_step: Vec<u64>,
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
        }
    }

    fn record(&mut self, s: &Scratch) {
        self.runs += 1;
        let mut count = [0u64; 2];
        for &v in &s.activated {
            let i = v as usize;
            let k = s.valence(v).index();
            count[k] += 1;
            self.activation[k][i] += 1;
            if s.via(v) == NONE {
                self.seeds[k] += 1;
            } else {
                self.by_layer[k][s.via(v) as usize] += 1;
            }
            let t = s.time(v) as usize;
            if self.by_step.len() <= t {
                self.by_step.resize(t + 1, 0);
            }
            self.by_step[t] += 1;
        }
        for (k, &c) in count.iter().enumerate() {
            self.sum[k] += c;
            self.sum_sq[k] += u128::from(c) * u128::from(c);
        }
        let total = u128::from(count[0] + count[1]);
        self.total_sum_sq += total * total;
    }

    #[cfg_attr(not(feature = "parallel"), allow(dead_code))] // merges per-thread tallies
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
        let half = 1.96 * std / r.sqrt();
        SpreadStats {
            mean,
            std,
            ci95: [mean - half, mean + half],
            activation: activation.iter().map(|&c| c as f64 / r).collect(),
            by_layer: by_layer.iter().map(|&c| c as f64 / r).collect(),
            seeds: seeds as f64 / r,
        }
    }

    fn summary(&self, net: &CompiledNetwork) -> Summary {
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
        Summary {
            runs: self.runs,
            total,
            good: per(Valence::Good.index()),
            bad: per(Valence::Bad.index()),
            by_step,
            layer_names: net.layers().iter().map(|l| l.name.clone()).collect(),
        }
    }
}

fn run_block(
    prep: &Prepared<'_>,
    seeds: &Seeds,
    seed: u64,
    block: u64,
    runs: u64,
    scratch: &mut Scratch,
    tally: &mut Tally,
) {
    let first = block * BLOCK;
    for run in first..(first + BLOCK).min(runs) {
        let mut rng = Stream::new(seed, run);
        scratch.run(prep, seeds, &mut rng);
        tally.record(scratch);
    }
}

/// Simulates `runs` independent cascades from `seeds` under `model` and summarises them.
///
/// Run `i` draws from the stream `(seed, i)`, and the runs are tallied with integer sums, so
/// the summary is identical for any number of threads and on every platform.
///
/// ```
/// use reseau::cascade::{Model, Seeds, simulate};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let summary = simulate(&net, &Seeds::from(vec![0, 1]), &Model::independent_cascade(0.1), 500, 7).unwrap();
/// assert!(summary.total.mean >= 2.0);
/// assert_eq!(summary.total.activation[0], 1.0); // a seed is always convinced
/// assert_eq!(summary.by_step[0], 2.0);
/// let shares: f64 = summary.layer_shares().iter().sum();
/// assert!((shares - 1.0).abs() < 1e-9);
/// ```
pub fn simulate(
    net: &CompiledNetwork,
    seeds: &Seeds,
    model: &Model,
    runs: u64,
    seed: u64,
) -> Result<Summary> {
    if runs == 0 || runs > MAX_RUNS {
        return Err(Error::invalid("runs", runs, format!("an integer in 1..={MAX_RUNS}")));
    }
    seeds.validate(net.num_people())?;
    let prep = Prepared::new(net, model)?;
    let (n, layers) = (net.num_people(), net.layers().len());
    let blocks = runs.div_ceil(BLOCK);

    #[cfg(feature = "parallel")]
    let tally = {
        use rayon::prelude::*;
        (0..blocks)
            .into_par_iter()
            .fold(
                || (Scratch::new(&prep), Tally::new(n, layers)),
                |(mut scratch, mut tally), b| {
                    run_block(&prep, seeds, seed, b, runs, &mut scratch, &mut tally);
                    (scratch, tally)
                },
            )
            .map(|(_, tally)| tally)
            .reduce_with(|a, b| a.merge(&b))
            .unwrap_or_else(|| Tally::new(n, layers))
    };
    #[cfg(not(feature = "parallel"))]
    let tally = {
        let (mut scratch, mut tally) = (Scratch::new(&prep), Tally::new(n, layers));
        for b in 0..blocks {
            run_block(&prep, seeds, seed, b, runs, &mut scratch, &mut tally);
        }
        tally
    };
    Ok(tally.summary(net))
}

/// One run, traced: for each person, when they were convinced, by whom, through which layer
/// and with which valence; −1 where they were not reached (and for a seed's `parent` and
/// `layer`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trace {
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
}

impl Trace {
    /// The number of people convinced.
    pub fn spread(&self) -> usize {
        self.order.len()
    }
}

/// Runs one cascade and records who convinced whom, when and through which layer. It is run
/// 0 of [`simulate`] with the same `seed`.
///
/// ```
/// use reseau::cascade::{Model, Seeds, trace};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let t = trace(&net, &Seeds::from(vec![0]), &Model::independent_cascade(0.3), 1).unwrap();
/// assert_eq!((t.step[0], t.parent[0], t.layer[0]), (0, -1, -1));
/// for &v in &t.order[1..] {
///     let parent = t.parent[v as usize] as usize;
///     assert!(t.step[parent] < t.step[v as usize]); // convinced by someone convinced earlier
/// }
/// ```
pub fn trace(net: &CompiledNetwork, seeds: &Seeds, model: &Model, seed: u64) -> Result<Trace> {
    seeds.validate(net.num_people())?;
    let prep = Prepared::new(net, model)?;
    let n = net.num_people();
    let mut scratch = Scratch::new(&prep);
    scratch.run(&prep, seeds, &mut Stream::new(seed, 0));
    let mut out = Trace {
        step: vec![-1; n],
        parent: vec![-1; n],
        layer: vec![-1; n],
        valence: vec![-1; n],
        order: scratch.activated.clone(),
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
