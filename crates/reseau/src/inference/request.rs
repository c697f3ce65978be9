//! The requests of the three entry points: plain serde structs shared by Rust callers, Python
//! keyword arguments and JS option objects. They share the description of the data and of
//! the exposure model (written once, by the macro below) and add what their call needs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::observations::Adoptions;
use crate::error::{Error, Result};
use crate::fatigue::Fatigue;
use crate::model::LayerKind;

/// How adopted contacts expose the people they are tied to.
///
/// ```
/// use reseau::inference::Exposure;
/// assert_eq!(serde_json::from_str::<Exposure>(r#""persistent""#).unwrap(), Exposure::Persistent);
/// assert_eq!(Exposure::default().as_str(), "cascade");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exposure {
    /// Independent cascade: a contact who adopted at step t has one chance per tie, at step
    /// t + the layer's latency, as [`simulate`](crate::cascade::simulate) runs it.
    #[default]
    Cascade,
    /// Persistent exposure: from step t + latency on, every adopted contact exerts pressure
    /// at every step (the discrete-time susceptible–infected hazard of the diffusion of
    /// innovations literature).
    Persistent,
}

impl Exposure {
    /// `"cascade"` or `"persistent"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Exposure::Cascade => "cascade",
            Exposure::Persistent => "persistent",
        }
    }
}

/// What adoptions at step 0 are.
///
/// ```
/// use reseau::inference::StepZero;
/// assert_eq!(serde_json::from_str::<StepZero>(r#""seeds""#).unwrap(), StepZero::Seeds);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepZero {
    /// Step 0 is like any other: only the external hazard can explain an adoption there.
    #[default]
    External,
    /// The step-0 adopters are seeds chosen from outside the model (as `simulate`'s seeds):
    /// they act on their contacts but the likelihood starts at step 1.
    Seeds,
}

/// The data and the exposure model, borrowed from any request.
// One bool per option of the requests' serde form, which the bindings mirror.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spec<'a> {
    pub(crate) adoptions: &'a Adoptions,
    pub(crate) exposure: Exposure,
    pub(crate) external: bool,
    pub(crate) external_by_step: bool,
    pub(crate) external_by_group: bool,
    pub(crate) by_group: bool,
    pub(crate) layers: Option<&'a [String]>,
    pub(crate) latency: &'a BTreeMap<String, u32>,
    pub(crate) horizon: Option<u32>,
    pub(crate) step_zero: StepZero,
    pub(crate) fatigue: Option<Fatigue>,
    pub(crate) max_iterations: u32,
}

impl Spec<'_> {
    /// Checks the domains that do not need the network.
    pub(crate) fn validate(&self) -> Result<()> {
        if !self.external && (self.external_by_step || self.external_by_group) {
            return Err(Error::invalid(
                "external",
                false,
                "true when external_by_step or external_by_group is set",
            ));
        }
        for (layer, &latency) in self.latency {
            crate::model::check_latency(|| format!("latency of layer {layer:?}"), latency)?;
        }
        if let Some(f) = &self.fatigue {
            f.validate()?;
        }
        if self.max_iterations == 0 {
            return Err(Error::invalid("max_iterations", 0, "an integer >= 1"));
        }
        Ok(())
    }
}

/// Defines a request: the shared fields (data and exposure model), then the request's own.
macro_rules! request {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty = $default:expr, )*
        }
    ) => {
        $(#[$meta])*
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct $name {
            /// The observed adoptions (see [`Adoptions`]).
            pub adoptions: Adoptions,
            /// How adopted contacts expose others (default [`Exposure::Cascade`]).
            pub exposure: Exposure,
            /// Whether adoptions may come from outside every visible layer: an external
            /// hazard per step (media, marketing, the shadow). Default `true`.
            pub external: bool,
            /// One external hazard per step instead of one for all steps: a baseline that
            /// follows the calendar, such as a marketing push (default `false`).
            pub external_by_step: bool,
            /// One external hazard per group of the person at risk (default `false`).
            pub external_by_group: bool,
            /// One probability per layer and group of the person at risk, instead of per
            /// layer (default `false`).
            pub by_group: bool,
            /// The layers to fit, by name (`None`, the default: every layer). The others are
            /// taken to carry nothing.
            pub layers: Option<Vec<String>>,
            /// Latencies in steps that replace the layers' own, by layer name.
            pub latency: BTreeMap<String, u32>,
            /// The last step of the observation window: everyone absent from a cascade is a
            /// non-adopter through it. `None` (the default): the latest adoption time.
            pub horizon: Option<u32>,
            /// What step-0 adoptions are (default [`StepZero::External`]).
            pub step_zero: StepZero,
            /// A fatigue curve whose parameters are fitted too, starting from those given
            /// (its half-life is kept). `None` (the default): no fatigue.
            pub fatigue: Option<Fatigue>,
            /// The most Newton iterations of one fit (default 200).
            pub max_iterations: u32,
            $( $(#[$fmeta])* pub $field: $ty, )*
        }

        impl Default for $name {
            fn default() -> Self {
                $name {
                    adoptions: Adoptions::default(),
                    exposure: Exposure::Cascade,
                    external: true,
                    external_by_step: false,
                    external_by_group: false,
                    by_group: false,
                    layers: None,
                    latency: BTreeMap::new(),
                    horizon: None,
                    step_zero: StepZero::External,
                    fatigue: None,
                    max_iterations: 200,
                    $( $field: $default, )*
                }
            }
        }

        impl $name {
            /// A request on these adoptions, every setting at its default.
            pub fn new(adoptions: impl Into<Adoptions>) -> Self {
                $name { adoptions: adoptions.into(), ..Self::default() }
            }

            /// The shared fields.
            pub(crate) fn spec(&self) -> Spec<'_> {
                Spec {
                    adoptions: &self.adoptions,
                    exposure: self.exposure,
                    external: self.external,
                    external_by_step: self.external_by_step,
                    external_by_group: self.external_by_group,
                    by_group: self.by_group,
                    layers: self.layers.as_deref(),
                    latency: &self.latency,
                    horizon: self.horizon,
                    step_zero: self.step_zero,
                    fatigue: self.fatigue,
                    max_iterations: self.max_iterations,
                }
            }
        }
    };
}

request! {
    /// What [`fit`](super::fit) estimates, and from what.
    ///
    /// ```
    /// use reseau::inference::{Adoption, Exposure, FitRequest};
    /// let request: FitRequest = serde_json::from_str(
    ///     r#"{"adoptions": {"U4": 0, "U1": 2}, "exposure": "persistent", "horizon": 10, "bootstrap": 50}"#,
    /// ).unwrap();
    /// assert_eq!((request.exposure, request.horizon, request.seed), (Exposure::Persistent, Some(10), 0));
    /// assert!(request.validate().is_ok());
    /// assert!(serde_json::from_str::<FitRequest>(r#"{"horizn": 3}"#).is_err());
    /// let built = FitRequest { bootstrap: 100, ..FitRequest::new(vec![Adoption::new("U4", 0)]) };
    /// assert!(built.external);
    /// ```
    pub struct FitRequest {
        /// Bootstrap replicates over cascades, for percentile intervals beside the profile
        /// ones (default 0: none; needs two cascades or more).
        pub bootstrap: u32 = 0,
        /// Profile-likelihood intervals and likelihood-ratio tests (default `true`; `false`
        /// gives the estimates alone, faster).
        pub intervals: bool = true,
        /// The seed of the bootstrap's resampling.
        pub seed: u64 = 0,
    }
}

request! {
    /// What [`shuffle_test`](super::shuffle_test) permutes and refits.
    ///
    /// ```
    /// use reseau::inference::ShuffleRequest;
    /// let request: ShuffleRequest = serde_json::from_str(r#"{"permutations": 500, "seed": 3}"#).unwrap();
    /// assert_eq!((request.permutations, request.seed), (500, 3));
    /// assert_eq!(ShuffleRequest::default().permutations, 200);
    /// assert!(ShuffleRequest { permutations: 0, ..Default::default() }.validate().is_err());
    /// ```
    pub struct ShuffleRequest {
        /// How many times adoption times are permuted among adopters and the model refitted
        /// (default 200).
        pub permutations: u32 = 200,
        /// The seed of the permutations: permutation `i` draws from the stream `(seed, i)`.
        pub seed: u64 = 0,
    }
}

request! {
    /// What [`infer_shadow`](super::infer_shadow) scores and adds.
    ///
    /// ```
    /// use reseau::inference::ShadowRequest;
    /// use reseau::LayerKind;
    /// let request: ShadowRequest = serde_json::from_str(r#"{"candidates": 20, "kind": "physical"}"#).unwrap();
    /// assert_eq!((request.candidates, request.kind), (20, LayerKind::Physical));
    /// assert_eq!(ShadowRequest::default().layer, "shadow");
    /// ```
    pub struct ShadowRequest {
        /// How many hidden ties to add, best first (default 100).
        pub candidates: u32 = 100,
        /// The name of the added layer (default `"shadow"`).
        pub layer: String = "shadow".to_owned(),
        /// Its kind (default digital: influence no visible network shows, as the article's
        /// lobbies "in the shadow" of social networks).
        pub kind: LayerKind = LayerKind::Digital,
        /// Its latency in steps (default 1).
        pub shadow_latency: u32 = 1,
        /// Persistent exposure only: a pair (u, v) is a candidate when v adopted fewer than
        /// this many steps after u's pressure began (default 1: the very next step). Under
        /// the cascade model a hidden tie can only explain an adoption exactly one latency
        /// after its source's, so this is not used.
        pub max_lag: u32 = 1,
    }
}

impl FitRequest {
    /// Checks every domain (people and layers are checked against the network by the call).
    pub fn validate(&self) -> Result<()> {
        self.spec().validate()?;
        if self.bootstrap > 100_000 {
            return Err(Error::invalid("bootstrap", self.bootstrap, "at most 100000 replicates"));
        }
        Ok(())
    }
}

impl ShuffleRequest {
    /// Checks every domain (people and layers are checked against the network by the call).
    pub fn validate(&self) -> Result<()> {
        self.spec().validate()?;
        if !(1..=100_000).contains(&self.permutations) {
            return Err(Error::invalid("permutations", self.permutations, "from 1 to 100000"));
        }
        Ok(())
    }
}

impl ShadowRequest {
    /// Checks every domain (people and layers are checked against the network by the call).
    ///
    /// ```
    /// use reseau::inference::ShadowRequest;
    /// use reseau::fatigue::Fatigue;
    /// let tired = ShadowRequest { fatigue: Some(Fatigue::hill(2.0, 2.0)), ..Default::default() };
    /// assert_eq!(tired.validate().unwrap_err().kind(), "InvalidParameterError");
    /// ```
    pub fn validate(&self) -> Result<()> {
        self.spec().validate()?;
        if self.candidates == 0 {
            return Err(Error::invalid("candidates", 0, "an integer >= 1"));
        }
        if self.layer.is_empty() {
            return Err(Error::invalid("layer", "\"\"", "a layer name"));
        }
        crate::model::check_latency(|| "shadow_latency".into(), self.shadow_latency)?;
        if self.max_lag == 0 {
            return Err(Error::invalid("max_lag", 0, "an integer >= 1"));
        }
        if self.fatigue.is_some() {
            return Err(Error::invalid(
                "fatigue",
                "a fatigue curve",
                "none: hidden ties are scored without fatigue",
            ));
        }
        Ok(())
    }
}
