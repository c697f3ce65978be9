//! What the cascade entry points are asked: the seeds (by id or label), the model, the runs
//! and the seed, as plain serde structs shared by Rust callers, Python keyword arguments and JS
//! option objects.

use serde::{Deserialize, Serialize};

use crate::cascade::model::{Model, Seeds, check_start};
use crate::compiled::CompiledNetwork;
use crate::error::{Error, Result};
use crate::model::PersonRef;

/// The most runs one call accepts (about a day of work on a small network).
pub const MAX_RUNS: u64 = 1 << 32;

/// People as a request lists them.
fn people<P: Into<PersonRef>>(people: impl IntoIterator<Item = P>) -> Vec<PersonRef> {
    people.into_iter().map(Into::into).collect()
}

/// At least one seed in either campaign.
fn check_seeds(good: &[PersonRef], bad: &[PersonRef]) -> Result<()> {
    if good.is_empty() && bad.is_empty() {
        return Err(Error::invalid("seeds", "[]", "at least one seed"));
    }
    Ok(())
}

/// The seeds of both campaigns, resolved against `net` and checked.
fn resolve(
    net: &CompiledNetwork,
    good: &[PersonRef],
    bad: &[PersonRef],
    starts: [u32; 2],
) -> Result<Seeds> {
    check_seeds(good, bad)?;
    let seeds =
        Seeds::new(net.resolve_all(good)?, net.resolve_all(bad)?).starting(starts[0], starts[1]);
    seeds.validate(net.num_people())?;
    Ok(seeds)
}

/// What [`simulate`](super::simulate) runs: `runs` cascades from `seeds` (and `bad_seeds`, a
/// second campaign of bad buzz) under `model`, run `i` drawing from the stream `(seed, i)`.
///
/// ```
/// use reseau::cascade::{Model, SimulateRequest};
/// let request = SimulateRequest::new(["U102", "U139"]).model(Model::independent_cascade(0.2)).runs(500).seed(7);
/// assert_eq!(request.runs, 500);
/// // The serde form, as Python keywords and JS options give it; one person needs no list.
/// let same: SimulateRequest = serde_json::from_str(
///     r#"{"seeds": ["U102", "U139"], "model": {"probability": 0.2}, "runs": 500, "seed": 7}"#,
/// )?;
/// assert_eq!(same, request);
/// let one: SimulateRequest = serde_json::from_str(r#"{"seeds": 3}"#)?;
/// assert_eq!((one.seeds.len(), one.runs, one.seed), (1, 1000, 0));
/// assert!(serde_json::from_str::<SimulateRequest>(r#"{"seeds": [0], "run": 5}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct SimulateRequest {
    /// Who starts the (good) buzz: person ids or labels, or one of them.
    #[serde(deserialize_with = "crate::model::people::deserialize")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::people"))]
    pub seeds: Vec<PersonRef>,
    /// Who starts a second campaign, of bad buzz (default: none).
    #[serde(deserialize_with = "crate::model::people::deserialize")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::people"))]
    pub bad_seeds: Vec<PersonRef>,
    /// The step at which the good campaign (`seeds`) starts, from 0 (the default) to
    /// [`MAX_START`](super::MAX_START): its seeds are convinced at that step unless they
    /// already hold a view (see [`Seeds::starting`]).
    pub good_start: u32,
    /// The step at which the bad campaign (`bad_seeds`) starts (default 0).
    pub bad_start: u32,
    /// The diffusion model (default: Independent Cascade, p = 0.1).
    pub model: Model,
    /// The number of cascades, from 1 to [`MAX_RUNS`] (default 1,000).
    pub runs: u64,
    /// The seed of the random streams (default 0).
    pub seed: u64,
    /// The memory the call may use, in bytes (default: what the machine has available, see
    /// [`memory`](crate::memory)): each thread's per-person arrays and the summary's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_memory: Option<u64>,
}

impl Default for SimulateRequest {
    fn default() -> Self {
        SimulateRequest {
            seeds: Vec::new(),
            bad_seeds: Vec::new(),
            good_start: 0,
            bad_start: 0,
            model: Model::default(),
            runs: 1000,
            seed: 0,
            max_memory: None,
        }
    }
}

impl SimulateRequest {
    /// The defaults with these seeds (ids or labels).
    ///
    /// ```
    /// let request = reseau::cascade::SimulateRequest::new([0, 5]);
    /// assert_eq!((request.seeds.len(), request.runs), (2, 1000));
    /// ```
    pub fn new<P: Into<PersonRef>>(seeds: impl IntoIterator<Item = P>) -> Self {
        SimulateRequest { seeds: people(seeds), ..SimulateRequest::default() }
    }

    /// The defaults with the seeds of one or two campaigns, by id.
    ///
    /// ```
    /// use reseau::cascade::{Seeds, SimulateRequest};
    /// let request = SimulateRequest::campaigns(&Seeds::new(vec![0], vec![5]));
    /// assert_eq!((request.seeds.len(), request.bad_seeds.len()), (1, 1));
    /// ```
    pub fn campaigns(seeds: &Seeds) -> Self {
        SimulateRequest {
            good_start: seeds.good_start,
            bad_start: seeds.bad_start,
            ..SimulateRequest::new(seeds.good.iter().copied()).bad_seeds(seeds.bad.iter().copied())
        }
    }

    /// Sets the steps at which the good and the bad campaigns start.
    ///
    /// ```
    /// use reseau::cascade::SimulateRequest;
    /// // Bad buzz from person 5 at once, the good response from person 0 two steps later.
    /// let crisis = SimulateRequest::new([0]).bad_seeds([5]).starts(2, 0);
    /// assert_eq!((crisis.good_start, crisis.bad_start), (2, 0));
    /// assert!(SimulateRequest::new([0]).starts(20_000, 0).validate().is_err());
    /// ```
    #[must_use]
    pub fn starts(mut self, good_start: u32, bad_start: u32) -> Self {
        self.good_start = good_start;
        self.bad_start = bad_start;
        self
    }

    /// Sets the second campaign's seeds.
    ///
    /// ```
    /// let request = reseau::cascade::SimulateRequest::new([0]).bad_seeds(["U139"]);
    /// assert_eq!(request.bad_seeds.len(), 1);
    /// ```
    #[must_use]
    pub fn bad_seeds<P: Into<PersonRef>>(mut self, seeds: impl IntoIterator<Item = P>) -> Self {
        self.bad_seeds = people(seeds);
        self
    }

    /// Sets the model.
    ///
    /// ```
    /// use reseau::cascade::{Model, SimulateRequest};
    /// let request = SimulateRequest::new([0]).model(Model::weighted_cascade());
    /// assert_eq!(request.model, Model::weighted_cascade());
    /// ```
    #[must_use]
    pub fn model(mut self, model: Model) -> Self {
        self.model = model;
        self
    }

    /// Sets the number of runs.
    ///
    /// ```
    /// assert_eq!(reseau::cascade::SimulateRequest::new([0]).runs(10).runs, 10);
    /// ```
    #[must_use]
    pub fn runs(mut self, runs: u64) -> Self {
        self.runs = runs;
        self
    }

    /// Sets the seed.
    ///
    /// ```
    /// assert_eq!(reseau::cascade::SimulateRequest::new([0]).seed(7).seed, 7);
    /// ```
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Checks what does not depend on a network: the number of runs, at least one seed, the
    /// campaigns' starts, the model's parameters.
    ///
    /// ```
    /// use reseau::cascade::SimulateRequest;
    /// assert!(SimulateRequest::new([0]).validate().is_ok());
    /// assert!(SimulateRequest::new([0]).runs(0).validate().is_err());
    /// assert!(SimulateRequest::default().validate().is_err()); // no seed
    /// ```
    pub fn validate(&self) -> Result<()> {
        check_runs(self.runs)?;
        check_seeds(&self.seeds, &self.bad_seeds)?;
        check_start("good_start", self.good_start)?;
        check_start("bad_start", self.bad_start)?;
        self.model.validate()
    }

    /// The seeds resolved against `net`: unknown people and a person in both campaigns are
    /// errors.
    ///
    /// ```
    /// use reseau::cascade::SimulateRequest;
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// assert_eq!(SimulateRequest::new(["U139"]).resolve_seeds(&net)?.good, vec![1]);
    /// let err = SimulateRequest::new(["nobody"]).resolve_seeds(&net).unwrap_err();
    /// assert_eq!(err.to_string(), "unknown person \"nobody\"");
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn resolve_seeds(&self, net: &CompiledNetwork) -> Result<Seeds> {
        resolve(net, &self.seeds, &self.bad_seeds, [self.good_start, self.bad_start])
    }
}

/// Checks a number of runs: from 1 to [`MAX_RUNS`].
pub(crate) fn check_runs(runs: u64) -> Result<()> {
    if runs == 0 || runs > MAX_RUNS {
        return Err(Error::invalid("runs", runs, format!("an integer in 1..={MAX_RUNS}")));
    }
    Ok(())
}

/// What [`trace`](super::trace) records: one cascade (run 0 of [`SimulateRequest`] with the
/// same seed) from `seeds` and `bad_seeds` under `model`.
///
/// ```
/// use reseau::cascade::{Model, TraceRequest};
/// let request = TraceRequest::new([3]).model(Model::independent_cascade(0.3)).seed(11);
/// let same: TraceRequest = serde_json::from_str(r#"{"seeds": 3, "model": {"probability": 0.3}, "seed": 11}"#)?;
/// assert_eq!(same, request);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct TraceRequest {
    /// Who starts the (good) buzz: person ids or labels, or one of them.
    #[serde(deserialize_with = "crate::model::people::deserialize")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::people"))]
    pub seeds: Vec<PersonRef>,
    /// Who starts a second campaign, of bad buzz (default: none).
    #[serde(deserialize_with = "crate::model::people::deserialize")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::people"))]
    pub bad_seeds: Vec<PersonRef>,
    /// The step at which the good campaign starts (default 0; see
    /// [`SimulateRequest::good_start`]).
    pub good_start: u32,
    /// The step at which the bad campaign starts (default 0).
    pub bad_start: u32,
    /// The diffusion model (default: Independent Cascade, p = 0.1).
    pub model: Model,
    /// The seed of the run's random stream (default 0).
    pub seed: u64,
}

impl TraceRequest {
    /// The defaults with these seeds (ids or labels).
    ///
    /// ```
    /// assert_eq!(reseau::cascade::TraceRequest::new(["U102"]).seeds.len(), 1);
    /// ```
    pub fn new<P: Into<PersonRef>>(seeds: impl IntoIterator<Item = P>) -> Self {
        TraceRequest { seeds: people(seeds), ..TraceRequest::default() }
    }

    /// The defaults with the seeds of one or two campaigns, by id.
    ///
    /// ```
    /// use reseau::cascade::{Seeds, TraceRequest};
    /// assert_eq!(TraceRequest::campaigns(&Seeds::new(vec![0], vec![5])).bad_seeds.len(), 1);
    /// ```
    pub fn campaigns(seeds: &Seeds) -> Self {
        TraceRequest {
            good_start: seeds.good_start,
            bad_start: seeds.bad_start,
            ..TraceRequest::new(seeds.good.iter().copied()).bad_seeds(seeds.bad.iter().copied())
        }
    }

    /// Sets the second campaign's seeds.
    ///
    /// ```
    /// assert_eq!(reseau::cascade::TraceRequest::new([0]).bad_seeds([5]).bad_seeds.len(), 1);
    /// ```
    #[must_use]
    pub fn bad_seeds<P: Into<PersonRef>>(mut self, seeds: impl IntoIterator<Item = P>) -> Self {
        self.bad_seeds = people(seeds);
        self
    }

    /// Sets the steps at which the good and the bad campaigns start.
    ///
    /// ```
    /// let late = reseau::cascade::TraceRequest::new([0]).bad_seeds([5]).starts(3, 0);
    /// assert_eq!((late.good_start, late.bad_start), (3, 0));
    /// ```
    #[must_use]
    pub fn starts(mut self, good_start: u32, bad_start: u32) -> Self {
        self.good_start = good_start;
        self.bad_start = bad_start;
        self
    }

    /// Sets the model.
    ///
    /// ```
    /// use reseau::cascade::{Model, TraceRequest};
    /// assert_eq!(TraceRequest::new([0]).model(Model::weighted_cascade()).model, Model::weighted_cascade());
    /// ```
    #[must_use]
    pub fn model(mut self, model: Model) -> Self {
        self.model = model;
        self
    }

    /// Sets the seed.
    ///
    /// ```
    /// assert_eq!(reseau::cascade::TraceRequest::new([0]).seed(3).seed, 3);
    /// ```
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Checks what does not depend on a network: at least one seed, the campaigns' starts,
    /// the model's parameters.
    ///
    /// ```
    /// assert!(reseau::cascade::TraceRequest::default().validate().is_err()); // no seed
    /// ```
    pub fn validate(&self) -> Result<()> {
        check_seeds(&self.seeds, &self.bad_seeds)?;
        check_start("good_start", self.good_start)?;
        check_start("bad_start", self.bad_start)?;
        self.model.validate()
    }

    /// The seeds resolved against `net` (see [`SimulateRequest::resolve_seeds`]).
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// assert_eq!(reseau::cascade::TraceRequest::new([3]).resolve_seeds(&net)?.good, vec![3]);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn resolve_seeds(&self, net: &CompiledNetwork) -> Result<Seeds> {
        resolve(net, &self.seeds, &self.bad_seeds, [self.good_start, self.bad_start])
    }
}

/// What [`exact_spread`](super::exact_spread) computes: the exact expected spread from
/// `seeds` under `model` (one campaign: `bad_seeds` must stay empty).
///
/// ```
/// use reseau::cascade::{ExactSpreadRequest, Model};
/// let request = ExactSpreadRequest::new([0]).model(Model::independent_cascade(0.5));
/// assert_eq!(request.model.probability, 0.5);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ExactSpreadRequest {
    /// Who starts the buzz: person ids or labels, or one of them.
    #[serde(deserialize_with = "crate::model::people::deserialize")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::people"))]
    pub seeds: Vec<PersonRef>,
    /// A second campaign is refused (exact enumeration is for one campaign); kept so that the
    /// refusal says so.
    #[serde(deserialize_with = "crate::model::people::deserialize")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::people"))]
    pub bad_seeds: Vec<PersonRef>,
    /// The diffusion model (default: Independent Cascade, p = 0.1).
    pub model: Model,
}

impl ExactSpreadRequest {
    /// The defaults with these seeds (ids or labels).
    ///
    /// ```
    /// assert_eq!(reseau::cascade::ExactSpreadRequest::new([0, 1]).seeds.len(), 2);
    /// ```
    pub fn new<P: Into<PersonRef>>(seeds: impl IntoIterator<Item = P>) -> Self {
        ExactSpreadRequest { seeds: people(seeds), ..ExactSpreadRequest::default() }
    }

    /// The defaults with the seeds of one or two campaigns, by id.
    ///
    /// ```
    /// use reseau::cascade::{ExactSpreadRequest, Seeds};
    /// assert_eq!(ExactSpreadRequest::campaigns(&Seeds::from(vec![2])).seeds.len(), 1);
    /// ```
    pub fn campaigns(seeds: &Seeds) -> Self {
        let mut request = ExactSpreadRequest::new(seeds.good.iter().copied());
        request.bad_seeds = people(seeds.bad.iter().copied());
        request
    }

    /// Sets the model.
    ///
    /// ```
    /// use reseau::cascade::{ExactSpreadRequest, Model};
    /// assert_eq!(ExactSpreadRequest::new([0]).model(Model::linear_threshold()).model, Model::linear_threshold());
    /// ```
    #[must_use]
    pub fn model(mut self, model: Model) -> Self {
        self.model = model;
        self
    }

    /// Checks what does not depend on a network: at least one seed, the model's parameters.
    ///
    /// ```
    /// assert!(reseau::cascade::ExactSpreadRequest::new([0]).validate().is_ok());
    /// ```
    pub fn validate(&self) -> Result<()> {
        check_seeds(&self.seeds, &self.bad_seeds)?;
        self.model.validate()
    }

    /// The seeds resolved against `net` (see [`SimulateRequest::resolve_seeds`]).
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// assert!(reseau::cascade::ExactSpreadRequest::new([99]).resolve_seeds(&net).is_err());
    /// ```
    pub fn resolve_seeds(&self, net: &CompiledNetwork) -> Result<Seeds> {
        resolve(net, &self.seeds, &self.bad_seeds, [0, 0])
    }
}
