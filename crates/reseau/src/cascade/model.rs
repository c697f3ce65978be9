//! Diffusion models and their settings, as plain serde structs shared by Rust callers, Python
//! keyword arguments and JS option objects.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, check_probability};
use crate::fatigue::Fatigue;

/// Which diffusion rule a [`Model`] follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ModelKind {
    /// Independent Cascade: each newly convinced person gets one chance per tie to convince
    /// the other end, with the tie's probability.
    #[default]
    IndependentCascade,
    /// Weighted cascade: Independent Cascade with p(u, v) = 1 / in-degree of v in the tie's
    /// layer (parallel ties count in the degree).
    WeightedCascade,
    /// Linear Threshold: a person is convinced once the normalised weight of their convinced
    /// contacts reaches their threshold.
    LinearThreshold,
}

impl ModelKind {
    /// The `snake_case` name used in option objects: `independent_cascade`,
    /// `weighted_cascade`, `linear_threshold`.
    ///
    /// ```
    /// assert_eq!(reseau::cascade::ModelKind::LinearThreshold.as_str(), "linear_threshold");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ModelKind::IndependentCascade => "independent_cascade",
            ModelKind::WeightedCascade => "weighted_cascade",
            ModelKind::LinearThreshold => "linear_threshold",
        }
    }
}

/// The largest multiplier a model takes (a layer's, the influencers', a valence's): 10^12,
/// far beyond any effect worth modelling (a probability is capped at 1 anyway), and small
/// enough that a 32-bit weight times three multipliers, summed over every tie into a person,
/// stays finite (Linear Threshold normalises such sums).
///
/// ```
/// use reseau::cascade::{LayerSettings, MAX_MULTIPLIER};
/// let loud = LayerSettings { multiplier: 1e13, ..LayerSettings::default() };
/// assert_eq!(loud.validate().unwrap_err().to_string(), "invalid multiplier: 10000000000000 (expected a finite number in [0, 1e12])");
/// assert!(LayerSettings { multiplier: MAX_MULTIPLIER, ..LayerSettings::default() }.validate().is_ok());
/// ```
pub const MAX_MULTIPLIER: f64 = 1e12;

/// Checks a multiplier: finite, in [0, [`MAX_MULTIPLIER`]].
pub(crate) fn check_multiplier(name: impl FnOnce() -> String, value: f64) -> Result<f64> {
    if (0.0..=MAX_MULTIPLIER).contains(&value) {
        Ok(value)
    } else {
        Err(Error::invalid(name(), value, "a finite number in [0, 1e12]"))
    }
}

/// Per-layer settings of a model, keyed by layer name in [`Model::layers`].
///
/// ```
/// use reseau::cascade::LayerSettings;
/// let offline = LayerSettings { multiplier: 2.0, ..LayerSettings::default() };
/// assert_eq!(offline.latency, None);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct LayerSettings {
    /// Multiplies the probability (IC, weighted cascade) or the weight (LT) of the layer's
    /// ties: "offline ties convince more" is a multiplier above 1 on physical layers. The
    /// product is capped at 1.
    pub multiplier: f64,
    /// Replaces the layer's default probability (ties with their own keep it).
    pub probability: Option<f64>,
    /// Replaces the layer's latency in steps.
    pub latency: Option<u32>,
    /// `false` switches the layer off for this simulation (a platform that is down).
    pub enabled: bool,
    /// How many independent tries each tie of the layer gets, a whole or fractional number
    /// ≥ 0 (default 1): a tie's chance q (IC and weighted cascade: its probability after the
    /// multipliers, capped at 1; LT: its normalised weight) becomes 1 − (1 − q)^attempts. Effort
    /// spent as attempts has diminishing returns (twice the attempts less than doubles the
    /// chance), where a [`multiplier`](Self::multiplier) scales the chance linearly; 0 silences
    /// the layer.
    pub attempts: f64,
}

/// A chance `q` tried `attempts` times: 1 − (1 − q)^attempts, with the crate's portable
/// logarithm (the same bits native and in WebAssembly); `q` itself for one attempt, and zero
/// below [`crate::rng::MIN_PROBABILITY`].
pub(crate) fn with_attempts(q: f64, attempts: f64) -> f64 {
    if attempts.to_bits() == 1f64.to_bits() {
        q
    } else if attempts == 0.0 || q <= 0.0 {
        0.0
    } else if q >= 1.0 {
        1.0
    } else {
        crate::rng::resolved(-crate::math::expm1(attempts * crate::math::ln1p(-q)))
    }
}

impl LayerSettings {
    /// Checks the settings on their own: a finite multiplier >= 0, a probability in [0, 1], a
    /// latency from 1 to [`MAX_LATENCY`](crate::MAX_LATENCY).
    ///
    /// ```
    /// use reseau::cascade::LayerSettings;
    /// let bad = LayerSettings { latency: Some(0), ..Default::default() };
    /// assert_eq!(bad.validate().unwrap_err().to_string(),
    ///            "invalid latency: 0 (expected an integer from 1 to 10000)");
    /// assert!(LayerSettings::default().validate().is_ok());
    /// ```
    pub fn validate(&self) -> Result<()> {
        self.check(str::to_owned)
    }

    /// Checks the settings of the layer named `layer`, as [`Model::validate`] does (the name
    /// only labels the errors).
    ///
    /// ```
    /// use reseau::cascade::LayerSettings;
    /// let bad = LayerSettings { latency: Some(0), ..Default::default() };
    /// assert_eq!(bad.validate_layer("lunch").unwrap_err().to_string(),
    ///            "invalid latency of layer \"lunch\": 0 (expected an integer from 1 to 10000)");
    /// ```
    pub fn validate_layer(&self, layer: &str) -> Result<()> {
        self.check(|what| format!("{what} of layer {layer:?}"))
    }

    fn check(&self, name: impl Fn(&str) -> String) -> Result<()> {
        check_multiplier(|| name("multiplier"), self.multiplier)?;
        check_multiplier(|| name("attempts"), self.attempts)?;
        if let Some(p) = self.probability {
            check_probability(|| name("probability"), p)?;
        }
        if let Some(latency) = self.latency {
            crate::model::check_latency(|| name("latency"), latency)?;
        }
        Ok(())
    }
}

impl Default for LayerSettings {
    fn default() -> Self {
        LayerSettings {
            multiplier: 1.0,
            probability: None,
            latency: None,
            enabled: true,
            attempts: 1.0,
        }
    }
}

/// How influencers and media amplify a message: the cascade model's
/// [`amplifiers`](Model::amplifiers). (Relay *selection*, whom to enlist, is
/// [`crate::relays`].)
///
/// ```
/// use reseau::cascade::{Amplifiers, Model};
/// let loud = Model { amplifiers: Amplifiers { influencer_multiplier: 3.0, ..Default::default() }, ..Model::default() };
/// assert!(loud.validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Amplifiers {
    /// An `influencer` multiplies the probability (or LT weight) of what it passes on its
    /// digital layers by this (capped at 1). Default 1: no amplification.
    pub influencer_multiplier: f64,
    /// A `media` person picks a story up once at least this many of the people it follows
    /// (its in-neighbours, any layer) carry it, whatever the ties' probabilities. Default 2.
    pub media_threshold: u32,
    /// The probability with which a `media` person's ties pass the story to its audience;
    /// `None`: the ties' own probabilities.
    pub media_probability: Option<f64>,
}

/// The old name of [`Amplifiers`].
#[deprecated(since = "0.2.0", note = "renamed Amplifiers: \"relays\" means relay selection")]
pub type Relays = Amplifiers;

impl Amplifiers {
    /// Checks the settings: a finite influencer multiplier >= 0, a media threshold >= 1, a
    /// media probability in [0, 1].
    ///
    /// ```
    /// use reseau::cascade::Amplifiers;
    /// assert!(Amplifiers::default().validate().is_ok());
    /// assert!(Amplifiers { media_threshold: 0, ..Amplifiers::default() }.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<()> {
        check_multiplier(|| "influencer multiplier".into(), self.influencer_multiplier)?;
        if self.media_threshold == 0 {
            return Err(Error::invalid("media threshold", 0, "an integer >= 1"));
        }
        if let Some(p) = self.media_probability {
            check_probability(|| "media probability".into(), p)?;
        }
        Ok(())
    }
}

impl Default for Amplifiers {
    fn default() -> Self {
        Amplifiers { influencer_multiplier: 1.0, media_threshold: 2, media_probability: None }
    }
}

/// What a distrust tie (negative [`Sign`](crate::Sign)) does to a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Distrust {
    /// A distrust tie does not pass the message on (the default).
    #[default]
    Block,
    /// A distrust tie passes the opposite valence: good buzz from a distrusted source is
    /// taken as bad, and bad as good.
    Invert,
}

/// The two valences of buzz.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Valence {
    /// Good buzz.
    Good,
    /// Bad buzz.
    Bad,
}

impl Valence {
    /// 0 for good, 1 for bad.
    pub fn index(self) -> usize {
        match self {
            Valence::Good => 0,
            Valence::Bad => 1,
        }
    }
    /// The other valence.
    #[must_use]
    pub fn opposite(self) -> Valence {
        match self {
            Valence::Good => Valence::Bad,
            Valence::Bad => Valence::Good,
        }
    }
}

/// A diffusion model: the rule, its default probability, per-layer settings, amplifiers, valence
/// multipliers and what distrust does.
///
/// The probability a tie uses is, in order: the tie's own, the layer setting's
/// [`LayerSettings::probability`], the layer's default, the model's [`Model::probability`];
/// then times the layer's multiplier, the influencer multiplier where it applies and the
/// valence multiplier, capped at 1; parallel ties merged into one with multiplicity m count
/// as 1 − (1 − p)^m.
///
/// ```
/// use reseau::cascade::{LayerSettings, Model};
/// let ic = Model::independent_cascade(0.1).layer("lunch", LayerSettings { multiplier: 2.0, ..Default::default() });
/// assert_eq!(ic.probability, 0.1);
/// assert!(Model::linear_threshold().validate().is_ok());
/// assert!(Model::independent_cascade(1.5).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Model {
    /// The rule.
    pub kind: ModelKind,
    /// The model's default probability (IC only), used by ties whose layer has none.
    pub probability: f64,
    /// Settings per layer name; layers not listed use the defaults.
    pub layers: BTreeMap<String, LayerSettings>,
    /// LT only: each person's threshold, indexed by id; `None` draws them uniformly in
    /// [0, 1) for each run.
    pub thresholds: Option<Vec<f64>>,
    /// Influencers and media (serde also reads the old key `relays`).
    #[serde(alias = "relays")]
    pub amplifiers: Amplifiers,
    /// Multiplier of good buzz's probabilities (or LT weights).
    pub good_multiplier: f64,
    /// Multiplier of bad buzz's probabilities (or LT weights): a negativity bias above 1.
    pub bad_multiplier: f64,
    /// What a distrust tie does.
    pub distrust: Distrust,
    /// Recommendation fatigue (`None`, the default: none). Every attempt on a person not yet
    /// convinced is an exposure that adds 1 to their load, whichever campaign made it; the
    /// attempt succeeds with its probability times the person's willingness at their load
    /// before this exposure (LT: the weight it brings is multiplied by that willingness), and
    /// a person so convinced passes the message on at all with that same willingness (one
    /// draw for all their ties). Seeds and media are not subject to fatigue. See
    /// [`crate::fatigue`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fatigue: Option<Fatigue>,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            kind: ModelKind::IndependentCascade,
            probability: 0.1,
            layers: BTreeMap::new(),
            thresholds: None,
            amplifiers: Amplifiers::default(),
            good_multiplier: 1.0,
            bad_multiplier: 1.0,
            distrust: Distrust::Block,
            fatigue: None,
        }
    }
}

impl Model {
    /// Independent Cascade with default probability `p`.
    pub fn independent_cascade(p: f64) -> Self {
        Model { kind: ModelKind::IndependentCascade, probability: p, ..Model::default() }
    }
    /// The weighted cascade, p(u, v) = 1 / in-degree(v).
    pub fn weighted_cascade() -> Self {
        Model { kind: ModelKind::WeightedCascade, ..Model::default() }
    }
    /// Linear Threshold with uniform random thresholds.
    pub fn linear_threshold() -> Self {
        Model { kind: ModelKind::LinearThreshold, ..Model::default() }
    }
    /// Adds or replaces one layer's settings.
    #[must_use]
    pub fn layer(mut self, name: impl Into<String>, settings: LayerSettings) -> Self {
        self.layers.insert(name.into(), settings);
        self
    }
    /// Sets recommendation fatigue (see [`Model::fatigue`]).
    ///
    /// ```
    /// use reseau::cascade::Model;
    /// use reseau::fatigue::Fatigue;
    /// let tired = Model::independent_cascade(0.2).fatigue(Fatigue::hill(2.0, 2.0));
    /// assert!(tired.validate().is_ok());
    /// assert!(Model::default().fatigue(Fatigue::exponential(f64::NAN)).validate().is_err());
    /// ```
    #[must_use]
    pub fn fatigue(mut self, fatigue: Fatigue) -> Self {
        self.fatigue = Some(fatigue);
        self
    }

    /// Checks every parameter's domain (layer names are checked against a network when the
    /// model is prepared).
    pub fn validate(&self) -> Result<()> {
        check_probability(|| "model probability".into(), self.probability)?;
        for (name, s) in &self.layers {
            s.validate_layer(name)?;
        }
        self.amplifiers.validate()?;
        check_multiplier(|| "good multiplier".into(), self.good_multiplier)?;
        check_multiplier(|| "bad multiplier".into(), self.bad_multiplier)?;
        if let Some(fatigue) = &self.fatigue {
            fatigue.validate()?;
        }
        if let Some(thresholds) = &self.thresholds {
            if self.kind != ModelKind::LinearThreshold {
                return Err(Error::invalid(
                    "thresholds",
                    "a list",
                    "no thresholds: they apply to linear_threshold only",
                ));
            }
            for (i, &t) in thresholds.iter().enumerate() {
                check_probability(|| format!("threshold of person {i}"), t)?;
            }
        }
        Ok(())
    }
}

/// The seeds of one or two campaigns: good buzz and bad buzz.
///
/// ```
/// use reseau::cascade::Seeds;
/// let seeds = Seeds::from(vec![0, 3]);
/// assert_eq!(seeds.good, vec![0, 3]);
/// let both = Seeds::new(vec![0], vec![5]);
/// assert_eq!(both.bad, vec![5]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Seeds {
    /// Who starts the good buzz (person ids).
    pub good: Vec<u32>,
    /// Who starts the bad buzz.
    pub bad: Vec<u32>,
    /// The step at which the good campaign starts (default 0; see [`Seeds::starting`]).
    pub good_start: u32,
    /// The step at which the bad campaign starts (default 0).
    pub bad_start: u32,
}

/// The latest step a campaign may start at.
///
/// ```
/// assert_eq!(reseau::cascade::MAX_START, 10_000);
/// ```
pub const MAX_START: u32 = 10_000;

impl Seeds {
    /// Two campaigns.
    pub fn new(good: Vec<u32>, bad: Vec<u32>) -> Self {
        Seeds { good, bad, good_start: 0, bad_start: 0 }
    }

    /// Sets the steps at which the good and the bad campaigns start: a campaign that starts
    /// at step d convinces its seeds at step d, after what arrives at step d has been
    /// delivered. A seed who already holds a view by then keeps it, with one exception, the
    /// rule that settles every conflict: when good and bad buzz reach a person in the same
    /// step, bad buzz wins, so a bad seed convinced of good buzz at step d itself turns bad
    /// (and a good seed reached by bad buzz at step d stays bad).
    ///
    /// ```
    /// use reseau::cascade::Seeds;
    /// let crisis = Seeds::new(vec![0], vec![5]).starting(3, 0); // the response comes 3 steps late
    /// assert_eq!((crisis.good_start, crisis.bad_start), (3, 0));
    /// ```
    #[must_use]
    pub fn starting(mut self, good_start: u32, bad_start: u32) -> Self {
        self.good_start = good_start;
        self.bad_start = bad_start;
        self
    }

    /// Whether a campaign starts after step 0.
    pub(crate) fn delayed(&self) -> bool {
        self.good_start > 0 || self.bad_start > 0
    }

    /// The start of `valence`'s campaign.
    pub(crate) fn start(&self, valence: Valence) -> u32 {
        match valence {
            Valence::Good => self.good_start,
            Valence::Bad => self.bad_start,
        }
    }

    /// Checks that there is at least one seed, that every seed is a person of a network of
    /// `n` people, that both starts are at most [`MAX_START`], and that nobody seeds both
    /// campaigns. Repeated seeds count once.
    pub fn validate(&self, n: usize) -> Result<()> {
        if self.good.is_empty() && self.bad.is_empty() {
            return Err(Error::invalid("seeds", "[]", "at least one seed"));
        }
        for &s in self.good.iter().chain(&self.bad) {
            if s as usize >= n {
                return Err(Error::UnknownPerson { person: format!("#{s}") });
            }
        }
        check_start("good_start", self.good_start)?;
        check_start("bad_start", self.bad_start)?;
        if let Some(&s) = self.good.iter().find(|s| self.bad.contains(s)) {
            return Err(Error::invalid(
                "seeds",
                format!("#{s} in both campaigns"),
                "each person seeding one campaign at most",
            ));
        }
        Ok(())
    }
}

/// Checks a campaign's start: from 0 to [`MAX_START`].
pub(crate) fn check_start(name: &str, start: u32) -> Result<()> {
    if start > MAX_START {
        return Err(Error::invalid(name, start, format!("an integer from 0 to {MAX_START}")));
    }
    Ok(())
}

impl From<Vec<u32>> for Seeds {
    fn from(good: Vec<u32>) -> Self {
        Seeds::new(good, Vec::new())
    }
}

impl From<&[u32]> for Seeds {
    fn from(good: &[u32]) -> Self {
        Seeds::new(good.to_vec(), Vec::new())
    }
}

impl From<Vec<crate::PersonId>> for Seeds {
    fn from(good: Vec<crate::PersonId>) -> Self {
        Seeds::new(good.into_iter().map(|p| p.0).collect(), Vec::new())
    }
}
