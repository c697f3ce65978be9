//! OPIM-C over shards: relay selection driven step by step by an outside orchestrator (a Dask
//! cluster, MPI, threads), with exactly the result of [`select_relays`] for the same request.
//!
//! The RR sets are drawn in blocks of 256, block `b` of a collection from its own random
//! stream `(seed, b)`, so any dealing of blocks to shards draws, all shards together, the
//! collection one machine draws. A [`ShardPlan`] deals them; each [`RelayShard`] draws its
//! blocks of both collections (R1, which chooses, and R2, which certifies) and answers in
//! integers: each person's count of uncovered R1 sets, the counts that fall when a person is
//! added, the R2 sets a choice covers. Greedy maximum coverage and coverage counts are sums
//! over sets, so the shards' answers add up to one machine's exactly. The [`RelayDriver`]
//! says what it needs next ([`Need`]), takes the shards' answers, chooses by the same lazy
//! greedy as one machine (the most uncovered sets, the smallest id on ties, the same upper
//! bound from the k largest counts) and runs OPIM-C's rounds, bounds and certificate with
//! the very code [`select_relays`] runs (the scheme Ripples runs over MPI; Minutoli et al.
//! 2019).
//!
//! Per greedy step the orchestrator sends one person's id and gets back, from each shard,
//! only the counts that fell: a few per newly covered set, far less than a count per person.
//!
//! ```
//! use reseau::cascade::Model;
//! use reseau::relays::distributed::{Need, RelayDriver, RelayShard, ShardPlan};
//! use reseau::relays::{Method, SelectRelaysRequest, select_relays};
//! let net = reseau::datasets::aarhus_cs().compile();
//! let request = SelectRelaysRequest::k(3)
//!     .model(Model::independent_cascade(0.05))
//!     .method(Method::OpimC)
//!     .evaluation_runs(0)
//!     .seed(4);
//! let plan = ShardPlan::even(3)?;
//! let mut shards: Vec<RelayShard> =
//!     (0..3).map(|i| RelayShard::new(&net, &request, &plan, i)).collect::<Result<_, _>>()?;
//! let mut driver = RelayDriver::new(&net, &request, &plan)?;
//! loop {
//!     match driver.need() {
//!         Need::Sample { theta } => {
//!             let sizes = shards.iter_mut().map(|s| s.sample(&net, theta)).collect::<Result<Vec<_>, _>>()?;
//!             driver.sampled(&sizes)?;
//!         }
//!         Need::Counts => {
//!             let counts: Vec<Vec<u32>> = shards.iter_mut().map(RelayShard::counts).collect();
//!             driver.counted(&counts)?;
//!         }
//!         Need::Add { person } => {
//!             let drops = shards.iter_mut().map(|s| s.add(person)).collect::<Result<Vec<_>, _>>()?;
//!             driver.added(&drops)?;
//!         }
//!         Need::Covered { relays } => {
//!             let covered = shards.iter().map(|s| s.covered(&relays)).collect::<Result<Vec<_>, _>>()?;
//!             driver.covered(&covered)?;
//!         }
//!         Need::Done => break,
//!     }
//! }
//! let chosen = driver.selection(&net, None)?;
//! assert_eq!(chosen, select_relays(&net, &request)?);
//! # Ok::<(), reseau::Error>(())
//! ```
//!
//! [`select_relays`]: super::select_relays

use serde::{Deserialize, Serialize};

use super::budget::Limit;
use super::coverage::{Bound, Chooser, Coverage};
use super::opim::{RoundChoice, Rounds};
use super::select::{PHASE_A, PHASE_B, assemble, checked_limit, sub_seed};
use super::{Method, Outcome, RelaySelection, SelectRelaysRequest};
use crate::cascade::{SimulateRequest, SpreadStats};
use crate::compiled::CompiledNetwork;
use crate::error::{Error, Result};
use crate::rng::Stream;
use crate::rrsets::{BLOCK, Index, LiveGraph, RrSets, Scratch};

/// The most shards a plan deals to.
pub const MAX_SHARDS: usize = 1 << 16;

/// How the blocks of RR sets are dealt to shards: in turn, shard `i` taking `weights[i]`
/// blocks of every `Σ weights` (one each for [`ShardPlan::even`]). The selection does not
/// depend on the plan.
///
/// ```
/// use reseau::relays::distributed::ShardPlan;
/// let plan = ShardPlan::weighted(vec![2, 1])?;
/// assert_eq!((0..6).map(|b| plan.owner(b)).collect::<Vec<_>>(), [0, 0, 1, 0, 0, 1]);
/// assert_eq!(ShardPlan::even(3)?.len(), 3);
/// assert_eq!(ShardPlan::even(0).unwrap_err().kind(), "InvalidParameterError");
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardPlan {
    /// Each shard's share of the blocks (each ≥ 1).
    pub weights: Vec<u32>,
}

impl ShardPlan {
    /// `shards` shards taking blocks in turn.
    ///
    /// ```
    /// assert_eq!(reseau::relays::distributed::ShardPlan::even(2)?.weights, vec![1, 1]);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn even(shards: usize) -> Result<Self> {
        Self::weighted(vec![1; shards])
    }

    /// Shards taking `weights[i]` blocks of every `Σ weights` in turn (a larger weight for a
    /// faster machine).
    ///
    /// ```
    /// use reseau::relays::distributed::ShardPlan;
    /// assert!(ShardPlan::weighted(vec![3, 1]).is_ok());
    /// assert!(ShardPlan::weighted(vec![1, 0]).is_err());
    /// ```
    pub fn weighted(weights: Vec<u32>) -> Result<Self> {
        let plan = ShardPlan { weights };
        plan.validate()?;
        Ok(plan)
    }

    /// Checks the plan: 1 to [`MAX_SHARDS`] shards, each weight ≥ 1.
    ///
    /// ```
    /// use reseau::relays::distributed::ShardPlan;
    /// assert!(ShardPlan { weights: vec![] }.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<()> {
        let shards = self.weights.len();
        if shards == 0 || shards > MAX_SHARDS {
            return Err(Error::invalid("shards", shards, format!("1 to {MAX_SHARDS} shards")));
        }
        if let Some(i) = self.weights.iter().position(|&w| w == 0) {
            return Err(Error::invalid(format!("weight of shard {i}"), 0, "an integer >= 1"));
        }
        Ok(())
    }

    /// The number of shards.
    ///
    /// ```
    /// assert_eq!(reseau::relays::distributed::ShardPlan::even(4)?.len(), 4);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    #[allow(clippy::len_without_is_empty)] // a valid plan is never empty
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// The shard that draws block `block`.
    ///
    /// ```
    /// assert_eq!(reseau::relays::distributed::ShardPlan::even(3)?.owner(7), 1);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn owner(&self, block: u64) -> usize {
        let period: u64 = self.weights.iter().map(|&w| u64::from(w)).sum();
        let mut at = block % period.max(1);
        for (i, &w) in self.weights.iter().enumerate() {
            if at < u64::from(w) {
                return i;
            }
            at -= u64::from(w);
        }
        0
    }
}

/// What the [`RelayDriver`] needs next from every shard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "need", rename_all = "snake_case")]
pub enum Need {
    /// Each shard draws its blocks of both collections up to `theta` sets each
    /// ([`RelayShard::sample`]); answer with [`RelayDriver::sampled`].
    Sample {
        /// The sets each collection holds, all shards together (a multiple of 256).
        theta: u64,
    },
    /// Each shard's counts of R1 sets per person ([`RelayShard::counts`]), the greedy's
    /// start; answer with [`RelayDriver::counted`].
    Counts,
    /// Each shard adds `person` to its choice ([`RelayShard::add`]); answer with
    /// [`RelayDriver::added`].
    Add {
        /// The person the greedy chose.
        person: u32,
    },
    /// Each shard's R2 sets that `relays` cover ([`RelayShard::covered`]); answer with
    /// [`RelayDriver::covered`].
    Covered {
        /// The round's choice.
        relays: Vec<u32>,
    },
    /// The selection is made: [`RelayDriver::selection`].
    Done,
}

/// What one shard's counts did when a person was added ([`RelayShard::add`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CountDrops {
    /// The shard's R1 sets the person newly covers.
    pub gained: u64,
    /// The people whose count of uncovered sets fell, each once, in increasing order.
    pub people: Vec<u32>,
    /// By how much each fell (beside `people`).
    pub drops: Vec<u32>,
}

/// One shard's collections' sizes ([`RelayShard::sample`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ShardSizes {
    /// Sets in its part of R1 (the collection that chooses).
    pub r1: u64,
    /// Sets in its part of R2 (the collection that certifies).
    pub r2: u64,
}

/// The requests distributed selection runs: OPIM-C, `k` relays, no memory budget.
fn supported(request: &SelectRelaysRequest) -> Result<()> {
    if request.method != Method::OpimC {
        let name = serde_json::to_value(request.method)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        return Err(Error::invalid(
            "method",
            name,
            "opim_c (the one method distributed selection runs)",
        ));
    }
    if request.budget.is_some() {
        return Err(Error::invalid(
            "budget",
            request.budget.unwrap_or_default(),
            "none: distributed selection chooses k relays, not within a budget",
        ));
    }
    if let Some(bytes) = request.max_memory {
        return Err(Error::invalid(
            "max_memory",
            bytes,
            "none: each shard holds only its own RR sets, and distributed selection does not \
             hand over to HIST",
        ));
    }
    Ok(())
}

/// One shard of a distributed selection: its blocks of R1 and R2, and the greedy's state on
/// its part of R1. Rebuilt anywhere from the network, the request, the plan and its number;
/// the network it is given at each [`RelayShard::sample`] must be the one it was built for.
///
/// The model's live-edge view of the network is prepared once, when the shard is made, and
/// kept across rounds: it holds its own copy of the ties it reads (for an undirected layer
/// under a uniform or weighted cascade, a copy of that layer's adjacency).
///
/// A shard draws on one thread: run one shard per core (see the module's example).
#[derive(Debug, Clone)]
pub struct RelayShard {
    plan: ShardPlan,
    index: usize,
    n: usize,
    /// The model's live-edge graph, prepared once.
    graph: LiveGraph<'static>,
    scratch: Scratch,
    seeds: [u64; 2],
    /// Blocks looked at so far (this shard's and the others').
    blocks: u64,
    r1: RrSets,
    r2: RrSets,
    greedy: Option<ShardGreedy>,
}

/// The greedy's state on a shard's R1.
#[derive(Debug, Clone)]
struct ShardGreedy {
    sets: Index,
    coverage: Coverage,
    chosen: Vec<bool>,
    /// How much each person's count fell in the step being answered.
    fell: Vec<u32>,
}

impl RelayShard {
    /// Shard `index` of `plan` for `request` on `net`; errors as [`RelayDriver::new`].
    ///
    /// ```
    /// use reseau::relays::SelectRelaysRequest;
    /// use reseau::relays::distributed::{RelayShard, ShardPlan};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let request = SelectRelaysRequest::k(2).method(reseau::relays::Method::OpimC);
    /// let plan = ShardPlan::even(2)?;
    /// assert!(RelayShard::new(&net, &request, &plan, 1).is_ok());
    /// assert!(RelayShard::new(&net, &request, &plan, 2).is_err());
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn new(
        net: &CompiledNetwork,
        request: &SelectRelaysRequest,
        plan: &ShardPlan,
        index: usize,
    ) -> Result<Self> {
        checked_limit(net, request)?;
        supported(request)?;
        plan.validate()?;
        if index >= plan.len() {
            return Err(Error::invalid(
                "shard",
                index,
                format!("a shard of the plan, 0..{}", plan.len()),
            ));
        }
        let graph = LiveGraph::new(net, &request.model)?.into_owned();
        let n = net.num_people();
        Ok(RelayShard {
            plan: plan.clone(),
            index,
            n,
            graph,
            scratch: Scratch::new(n),
            seeds: [sub_seed(request.seed, PHASE_A), sub_seed(request.seed, PHASE_B)],
            blocks: 0,
            r1: RrSets::new(n),
            r2: RrSets::new(n),
            greedy: None,
        })
    }

    /// Draws this shard's blocks of R1 and R2 among the first `theta` sets of each
    /// (`theta` a multiple of 256, as [`Need::Sample`] gives); returns the sizes of its
    /// parts. Ends the greedy in progress.
    ///
    /// ```
    /// use reseau::relays::{Method, SelectRelaysRequest};
    /// use reseau::relays::distributed::{RelayShard, ShardPlan};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let request = SelectRelaysRequest::k(2).method(Method::OpimC);
    /// let mut shard = RelayShard::new(&net, &request, &ShardPlan::even(2)?, 0)?;
    /// assert_eq!(shard.sample(&net, 1024)?.r1, 512); // blocks 0 and 2 of 4
    /// assert!(shard.sample(&net, 100).is_err()); // not a multiple of 256
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn sample(&mut self, net: &CompiledNetwork, theta: u64) -> Result<ShardSizes> {
        if net.num_people() != self.n {
            return Err(Error::invalid(
                "network",
                format!("{} people", net.num_people()),
                format!("the shard's network ({} people)", self.n),
            ));
        }
        if theta % BLOCK != 0 || theta > u64::from(u32::MAX) {
            return Err(Error::invalid(
                "theta",
                theta,
                format!("a multiple of {BLOCK} up to {}", u32::MAX),
            ));
        }
        self.greedy = None;
        let (graph, scratch) = (&self.graph, &mut self.scratch);
        let mut members = Vec::new();
        for b in self.blocks..theta / BLOCK {
            if self.plan.owner(b) != self.index {
                continue;
            }
            for (rr, seed) in [(&mut self.r1, self.seeds[0]), (&mut self.r2, self.seeds[1])] {
                // Block b of a collection: its sets one after another from the stream
                // (seed, b), as `RrSets::extend_to` draws it.
                let mut rng = Stream::new(seed, b);
                for _ in 0..BLOCK {
                    members.clear();
                    graph.sample_until(&mut rng, scratch, &mut members, |_| false);
                    rr.push_set(&members);
                }
            }
        }
        self.blocks = self.blocks.max(theta / BLOCK);
        Ok(self.sizes())
    }

    /// The sizes of the shard's parts of R1 and R2.
    ///
    /// ```
    /// use reseau::relays::{Method, SelectRelaysRequest};
    /// use reseau::relays::distributed::{RelayShard, ShardPlan};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let request = SelectRelaysRequest::k(2).method(Method::OpimC);
    /// let shard = RelayShard::new(&net, &request, &ShardPlan::even(1)?, 0)?;
    /// assert_eq!(shard.sizes().r2, 0);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn sizes(&self) -> ShardSizes {
        ShardSizes { r1: self.r1.len(), r2: self.r2.len() }
    }

    /// Starts a greedy pass: nobody chosen, each person's count of the shard's R1 sets that
    /// hold them (one count per person, by id).
    ///
    /// ```
    /// use reseau::relays::{Method, SelectRelaysRequest};
    /// use reseau::relays::distributed::{RelayShard, ShardPlan};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let request = SelectRelaysRequest::k(2).method(Method::OpimC);
    /// let mut shard = RelayShard::new(&net, &request, &ShardPlan::even(1)?, 0)?;
    /// shard.sample(&net, 256)?;
    /// let counts = shard.counts();
    /// assert_eq!(counts.len(), net.num_people());
    /// assert!(counts.iter().map(|&c| u64::from(c)).sum::<u64>() >= 256); // every set holds someone
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn counts(&mut self) -> Vec<u32> {
        let sets = Index::new(&self.r1, self.n);
        let coverage = Coverage::new(&self.r1, &sets, self.n);
        let counts = coverage.count.clone();
        self.greedy = Some(ShardGreedy {
            sets,
            coverage,
            chosen: vec![false; self.n],
            fell: vec![0; self.n],
        });
        counts
    }

    /// Adds `person` to the choice of the greedy pass [`RelayShard::counts`] started; returns
    /// the sets they newly cover and the counts that fell.
    ///
    /// ```
    /// use reseau::relays::{Method, SelectRelaysRequest};
    /// use reseau::relays::distributed::{RelayShard, ShardPlan};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let request = SelectRelaysRequest::k(2).method(Method::OpimC);
    /// let mut shard = RelayShard::new(&net, &request, &ShardPlan::even(1)?, 0)?;
    /// shard.sample(&net, 256)?;
    /// let counts = shard.counts();
    /// let drops = shard.add(4)?;
    /// assert_eq!(drops.gained, u64::from(counts[4])); // all of person 4's sets were uncovered
    /// assert!(shard.add(4).is_err()); // already chosen
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn add(&mut self, person: u32) -> Result<CountDrops> {
        let Some(greedy) = self.greedy.as_mut() else {
            return Err(Error::invalid(
                "add",
                person,
                "a greedy pass started by counts() after the last sample()",
            ));
        };
        if person as usize >= self.n || greedy.chosen[person as usize] {
            return Err(Error::invalid(
                "person",
                person,
                format!("a person in 0..{} not yet chosen", self.n),
            ));
        }
        greedy.chosen[person as usize] = true;
        let mut people = Vec::new();
        let fell = &mut greedy.fell;
        let gained = greedy.coverage.add_noting(&self.r1, &greedy.sets, person, |w, by| {
            if fell[w as usize] == 0 {
                people.push(w);
            }
            fell[w as usize] += by;
        });
        // In increasing id order, so that the driver applies them in one forward sweep over
        // its counts rather than at random (docs/performance/dask.md): a pass over everyone
        // when many fell, else a sort of the few.
        if people.len() > self.n / 32 {
            people.clear();
            people.extend((0..self.n as u32).filter(|&w| fell[w as usize] > 0));
        } else {
            people.sort_unstable();
        }
        let drops = people.iter().map(|&w| std::mem::take(&mut fell[w as usize])).collect();
        Ok(CountDrops { gained, people, drops })
    }

    /// The shard's R2 sets that `relays` cover.
    ///
    /// ```
    /// use reseau::relays::{Method, SelectRelaysRequest};
    /// use reseau::relays::distributed::{RelayShard, ShardPlan};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let request = SelectRelaysRequest::k(2).method(Method::OpimC);
    /// let mut shard = RelayShard::new(&net, &request, &ShardPlan::even(1)?, 0)?;
    /// shard.sample(&net, 256)?;
    /// let everyone: Vec<u32> = (0..net.num_people() as u32).collect();
    /// assert_eq!(shard.covered(&everyone)?, 256);
    /// assert_eq!(shard.covered(&[])?, 0);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn covered(&self, relays: &[u32]) -> Result<u64> {
        let mut chosen = vec![false; self.n];
        for &v in relays {
            if v as usize >= self.n {
                return Err(Error::invalid("person", v, format!("a person in 0..{}", self.n)));
            }
            chosen[v as usize] = true;
        }
        Ok(self.r2.count_covered(&chosen))
    }
}

/// Where the driver is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Sample,
    Counts,
    Add(u32),
    Covered,
    Done,
}

/// The orchestrator's side of a distributed selection: OPIM-C's rounds and the greedy over
/// the shards' summed counts, as a state machine ([`RelayDriver::need`] says what it needs
/// next; each answer method takes every shard's answer). See the module's example.
#[derive(Debug, Clone)]
pub struct RelayDriver {
    request: SelectRelaysRequest,
    shards: usize,
    n: usize,
    k: usize,
    exact: bool,
    rounds: Rounds,
    theta: u64,
    step: Step,
    /// Each person's uncovered R1 sets, all shards together.
    counts: Vec<u32>,
    chooser: Option<Chooser>,
    relays: Vec<u32>,
    gains: Vec<u64>,
    total: u64,
    upper: f64,
    outcome: Option<Outcome>,
}

impl RelayDriver {
    /// The driver of `request` on `net` over the shards of `plan`: the request's checks as
    /// [`select_relays`](super::select_relays) makes them, then OPIM-C (`method`
    /// `"opim_c"`) choosing `k` relays without `max_memory`, or
    /// [`Error::InvalidParameter`] naming what is supported.
    ///
    /// ```
    /// use reseau::relays::{Method, SelectRelaysRequest};
    /// use reseau::relays::distributed::{Need, RelayDriver, ShardPlan};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let plan = ShardPlan::even(2)?;
    /// let driver = RelayDriver::new(&net, &SelectRelaysRequest::k(2).method(Method::OpimC), &plan)?;
    /// assert!(matches!(driver.need(), Need::Sample { .. }));
    /// let imm = RelayDriver::new(&net, &SelectRelaysRequest::k(2).method(Method::Imm), &plan);
    /// assert!(imm.unwrap_err().to_string().contains("opim_c"));
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn new(
        net: &CompiledNetwork,
        request: &SelectRelaysRequest,
        plan: &ShardPlan,
    ) -> Result<Self> {
        let (limit, _) = checked_limit(net, request)?;
        supported(request)?;
        plan.validate()?;
        let exact = LiveGraph::new(net, &request.model)?.exact;
        let n = net.num_people();
        let k = match limit {
            Limit::Count(k) => k,
            Limit::Budget { .. } => unreachable!("supported() refuses budgets"),
        };
        let rounds = Rounds::new(n, &limit, request.epsilon, request.ell);
        let mut driver = RelayDriver {
            request: request.clone(),
            shards: plan.len(),
            n,
            k,
            exact,
            rounds,
            theta: 0,
            step: Step::Sample,
            counts: Vec::new(),
            chooser: None,
            relays: Vec::new(),
            gains: Vec::new(),
            total: 0,
            upper: f64::INFINITY,
            outcome: None,
        };
        driver.next_round()?;
        Ok(driver)
    }

    /// What the driver needs next.
    pub fn need(&self) -> Need {
        match &self.step {
            Step::Sample => Need::Sample { theta: self.theta },
            Step::Counts => Need::Counts,
            Step::Add(person) => Need::Add { person: *person },
            Step::Covered => Need::Covered { relays: self.relays.clone() },
            Step::Done => Need::Done,
        }
    }

    /// Every shard's sizes after [`Need::Sample`].
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when the driver needs something else, when there is not
    /// one answer per shard, or when the sizes do not add up to θ (a shard missing or twice).
    pub fn sampled(&mut self, sizes: &[ShardSizes]) -> Result<()> {
        self.expect(&Step::Sample, "sizes", sizes.len())?;
        for (what, total) in [
            ("R1", sizes.iter().map(|s| s.r1).sum::<u64>()),
            ("R2", sizes.iter().map(|s| s.r2).sum::<u64>()),
        ] {
            if total != self.theta {
                return Err(Error::invalid(
                    format!("{what} sets of the shards"),
                    total,
                    format!("{} (theta: each shard of the plan once)", self.theta),
                ));
            }
        }
        self.step = Step::Counts;
        Ok(())
    }

    /// Every shard's counts after [`Need::Counts`].
    ///
    /// # Errors
    /// As [`RelayDriver::sampled`], and when a shard's counts are not one per person.
    pub fn counted(&mut self, counts: &[Vec<u32>]) -> Result<()> {
        self.expect(&Step::Counts, "counts", counts.len())?;
        let mut sum = vec![0u64; self.n];
        for shard in counts {
            if shard.len() != self.n {
                return Err(Error::invalid(
                    "counts",
                    format!("{} values", shard.len()),
                    format!("one per person ({})", self.n),
                ));
            }
            for (s, &c) in sum.iter_mut().zip(shard) {
                *s += u64::from(c);
            }
        }
        self.counts = Vec::with_capacity(self.n);
        for s in sum {
            self.counts.push(u32::try_from(s).map_err(|_| {
                Error::invalid("counts", s, format!("at most theta ({})", self.theta))
            })?);
        }
        self.chooser = Some(Chooser::new(&self.counts, self.k, Bound::Compute, &[]));
        self.relays.clear();
        self.gains.clear();
        self.total = 0;
        self.upper = f64::INFINITY;
        self.choose();
        Ok(())
    }

    /// Every shard's drops after [`Need::Add`].
    ///
    /// # Errors
    /// As [`RelayDriver::sampled`], and when a drop names no person or exceeds a count.
    pub fn added(&mut self, drops: &[CountDrops]) -> Result<()> {
        let Step::Add(person) = self.step else {
            return self.expect(&Step::Add(0), "drops", drops.len());
        };
        self.expect(&Step::Add(person), "drops", drops.len())?;
        let mut gained = 0u64;
        for shard in drops {
            if shard.people.len() != shard.drops.len() {
                return Err(Error::invalid(
                    "drops",
                    format!("{} people and {} drops", shard.people.len(), shard.drops.len()),
                    "one drop per person",
                ));
            }
            for (&w, &by) in shard.people.iter().zip(&shard.drops) {
                let count = self.counts.get_mut(w as usize).filter(|c| **c >= by);
                let Some(count) = count else {
                    return Err(Error::invalid(
                        "drops",
                        format!("person {w} by {by}"),
                        "a fall within the person's count",
                    ));
                };
                *count -= by;
            }
            gained += shard.gained;
        }
        self.relays.push(person);
        self.gains.push(gained);
        self.total += gained;
        self.choose();
        Ok(())
    }

    /// Every shard's covered R2 sets after [`Need::Covered`].
    ///
    /// # Errors
    /// As [`RelayDriver::sampled`].
    pub fn covered(&mut self, covered: &[u64]) -> Result<()> {
        self.expect(&Step::Covered, "covered", covered.len())?;
        let choice = RoundChoice {
            relays: std::mem::take(&mut self.relays),
            gains: std::mem::take(&mut self.gains),
            upper: Some(self.upper),
            covered2: covered.iter().sum(),
        };
        self.chooser = None;
        if let Some(outcome) = self.rounds.settle(self.theta, choice, self.exact) {
            self.outcome = Some(outcome);
            self.step = Step::Done;
            return Ok(());
        }
        self.next_round()
    }

    /// The selection once [`Need::Done`], as [`select_relays`](super::select_relays) returns
    /// it, with `spread` the evaluation made elsewhere (the `total` of
    /// [`simulate`](crate::cascade::simulate) of [`RelayDriver::evaluation`]'s request;
    /// `None`: none).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] before [`Need::Done`], or for another network than the
    /// driver's.
    pub fn selection(
        &self,
        net: &CompiledNetwork,
        spread: Option<SpreadStats>,
    ) -> Result<RelaySelection> {
        let Some(outcome) = self.outcome.clone() else {
            return Err(Error::invalid("selection", "not made yet", "Need::Done first"));
        };
        if net.num_people() != self.n {
            return Err(Error::invalid(
                "network",
                format!("{} people", net.num_people()),
                format!("the driver's network ({} people)", self.n),
            ));
        }
        let (_, costs) = checked_limit(net, &self.request)?;
        Ok(assemble(net, outcome, (Method::OpimC, None), costs, spread))
    }

    /// The relays chosen, once [`Need::Done`] (empty before).
    pub fn relays(&self) -> &[u32] {
        self.outcome.as_ref().map_or(&[], |o| &o.relays)
    }

    /// The Monte Carlo evaluation [`select_relays`](super::select_relays) makes of the relays,
    /// as a request to run wherever the runs go (in shards with
    /// [`simulate_runs`](crate::cascade::simulate_runs), on a cluster): the relays chosen
    /// under `evaluation_model` (else `model`), `evaluation_runs` runs, the seed
    /// [`evaluation_seed`](super::evaluation_seed)`(seed)`. Its summary's `total` is the
    /// `spread` to give [`RelayDriver::selection`]. `None` before [`Need::Done`] or when
    /// `evaluation_runs` is 0.
    ///
    /// ```
    /// use reseau::cascade::{Model, simulate};
    /// use reseau::relays::distributed::{Need, RelayDriver, RelayShard, ShardPlan};
    /// use reseau::relays::{Method, SelectRelaysRequest, select_relays};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let request = SelectRelaysRequest {
    ///     evaluation_model: Some(Model::independent_cascade(0.02)),
    ///     ..SelectRelaysRequest::k(2).method(Method::OpimC).evaluation_runs(300).seed(5)
    /// };
    /// let plan = ShardPlan::even(1)?;
    /// let mut shard = RelayShard::new(&net, &request, &plan, 0)?;
    /// let mut driver = RelayDriver::new(&net, &request, &plan)?;
    /// assert!(driver.evaluation().is_none()); // nothing chosen yet
    /// loop {
    ///     match driver.need() {
    ///         Need::Sample { theta } => driver.sampled(&[shard.sample(&net, theta)?])?,
    ///         Need::Counts => driver.counted(&[shard.counts()])?,
    ///         Need::Add { person } => driver.added(&[shard.add(person)?])?,
    ///         Need::Covered { relays } => driver.covered(&[shard.covered(&relays)?])?,
    ///         Need::Done => break,
    ///     }
    /// }
    /// let evaluation = driver.evaluation().expect("300 runs asked for");
    /// assert_eq!(evaluation.model, Model::independent_cascade(0.02));
    /// let spread = simulate(&net, &evaluation)?.total;
    /// assert_eq!(driver.selection(&net, Some(spread))?, select_relays(&net, &request)?);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn evaluation(&self) -> Option<SimulateRequest> {
        let outcome = self.outcome.as_ref()?;
        let request = &self.request;
        (request.evaluation_runs > 0).then(|| {
            let model = request.evaluation_model.as_ref().unwrap_or(&request.model);
            SimulateRequest::new(outcome.relays.iter().copied())
                .model(model.clone())
                .runs(request.evaluation_runs)
                .seed(super::evaluation_seed(request.seed))
        })
    }

    /// The next round's sample, refused as one machine refuses it when too large.
    fn next_round(&mut self) -> Result<()> {
        let want = self.rounds.want();
        let theta = want.div_ceil(BLOCK).saturating_mul(BLOCK);
        if theta > u64::from(u32::MAX) {
            return Err(Error::invalid(
                "number of RR sets",
                theta,
                format!("at most {} (raise epsilon or lower ell)", u32::MAX),
            ));
        }
        self.theta = theta;
        self.step = Step::Sample;
        Ok(())
    }

    /// The greedy's next step on the summed counts: the next person, or the round's check.
    fn choose(&mut self) {
        let Some(chooser) = self.chooser.as_mut() else { return };
        let best = chooser.refresh(&self.counts);
        self.upper = self.upper.min((self.total + best) as f64);
        if self.relays.len() < self.k {
            if let Some(v) = chooser.take_best() {
                self.step = Step::Add(v);
                return;
            }
        }
        self.step = Step::Covered;
    }

    /// Checks that `answer` (with `got` parts) is what the driver needs.
    fn expect(&self, step: &Step, answer: &str, got: usize) -> Result<()> {
        if &self.step != step {
            return Err(Error::invalid(
                "answer",
                answer,
                format!("the answer to {:?}", self.need()),
            ));
        }
        if got != self.shards {
            return Err(Error::invalid(
                answer,
                format!("{got} answers"),
                format!("one per shard ({})", self.shards),
            ));
        }
        Ok(())
    }
}
