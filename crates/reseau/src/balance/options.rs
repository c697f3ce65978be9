//! What a balance sweep is asked to do: the mixes, the two workloads, effort, decline, the
//! routing options and the seed, as a plain serde struct shared by Rust callers, Python
//! keyword arguments and JS option objects.

use serde::{Deserialize, Serialize};

use crate::cascade::{MAX_MULTIPLIER, Model};
use crate::error::{Error, Result, check_non_negative, check_probability};

/// The most mixes one sweep accepts.
pub const MAX_MIXES: usize = 1001;
/// The most periods of decline one sweep accepts.
pub const MAX_PERIODS: u32 = 1000;

/// A digital platform in decline: each period, every remaining tie of `layer` is lost with
/// probability `rate`, and the whole layer is gone from period `vanish_at` on.
///
/// Losses are nested: a tie gone at period t is gone at every later period, because tie i
/// survives to period t exactly when its own uniform draw `u_i < (1 − rate)^t` (one draw per
/// tie, from the sweep's seed). Period 0 is the network as given.
///
/// ```
/// use reseau::balance::Decline;
/// let d: Decline = serde_json::from_str(r#"{"layer": "facebook", "rate": 0.3, "periods": 4}"#)?;
/// assert_eq!(d, Decline::new("facebook", 0.3, 4));
/// assert_eq!(d.vanish_at, None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Decline {
    /// The declining layer's name (usually a digital platform).
    pub layer: String,
    /// The share of its remaining ties lost each period, in [0, 1].
    #[serde(default)]
    pub rate: f64,
    /// How many periods after period 0 to report (at least 1).
    pub periods: u32,
    /// The period from which the layer has no ties at all (`None`: never).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vanish_at: Option<u32>,
    /// A successor platform (a layer's name) that people move to: a tie lost from the
    /// declining layer reappears there with probability [`migration`](Self::migration)
    /// (`None`: lost ties are gone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    /// The share of lost ties that reappear on the successor, in [0, 1]. Default 1. Each tie
    /// draws once whether it would move, so that migrations are nested across periods as
    /// losses are.
    #[serde(default = "all", skip_serializing_if = "is_all")]
    pub migration: f64,
}

/// Every lost tie migrates, by default.
fn all() -> f64 {
    1.0
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_all(share: &f64) -> bool {
    share.to_bits() == 1f64.to_bits()
}

impl Decline {
    /// A layer losing `rate` of its ties per period, over `periods` periods.
    ///
    /// ```
    /// let d = reseau::balance::Decline::new("facebook", 0.3, 4);
    /// assert_eq!((d.layer.as_str(), d.rate, d.periods), ("facebook", 0.3, 4));
    /// ```
    pub fn new(layer: impl Into<String>, rate: f64, periods: u32) -> Self {
        Decline {
            layer: layer.into(),
            rate,
            periods,
            vanish_at: None,
            successor: None,
            migration: all(),
        }
    }

    /// The same, with the layer gone from period `period` on.
    ///
    /// ```
    /// let d = reseau::balance::Decline::new("facebook", 0.0, 3).vanish_at(2);
    /// assert_eq!(d.vanish_at, Some(2));
    /// ```
    #[must_use]
    pub fn vanish_at(mut self, period: u32) -> Self {
        self.vanish_at = Some(period);
        self
    }

    /// The same, with a `share` of the lost ties moving to the layer `successor`.
    ///
    /// ```
    /// let d = reseau::balance::Decline::new("facebook", 0.3, 3).successor("linkedin", 0.5);
    /// assert_eq!((d.successor.as_deref(), d.migration), (Some("linkedin"), 0.5));
    /// ```
    #[must_use]
    pub fn successor(mut self, successor: impl Into<String>, share: f64) -> Self {
        self.successor = Some(successor.into());
        self.migration = share;
        self
    }

    /// The probability that a tie of the layer is still there at `period`: (1 − rate)^period,
    /// by repeated multiplication (the same bits on every platform), or 0 once vanished.
    ///
    /// ```
    /// let d = reseau::balance::Decline::new("facebook", 0.5, 3).vanish_at(3);
    /// assert_eq!((d.survival(0), d.survival(2), d.survival(3)), (1.0, 0.25, 0.0));
    /// ```
    pub fn survival(&self, period: u32) -> f64 {
        if self.vanish_at.is_some_and(|v| period >= v) {
            return 0.0;
        }
        (0..period).fold(1.0, |s, _| s * (1.0 - self.rate))
    }

    /// Checks the rate and the number of periods (the layer is checked against a network by
    /// [`balance`](super::balance)).
    ///
    /// ```
    /// assert!(reseau::balance::Decline::new("facebook", 1.5, 3).validate().is_err());
    /// assert!(reseau::balance::Decline::new("facebook", 0.5, 0).validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<()> {
        check_probability(|| "decline rate".into(), self.rate)?;
        check_probability(|| "decline migration".into(), self.migration)?;
        if self.successor.as_ref() == Some(&self.layer) {
            return Err(Error::invalid(
                "decline successor",
                format!("{:?}", self.layer),
                "a layer other than the declining one",
            ));
        }
        if self.periods == 0 || self.periods > MAX_PERIODS {
            return Err(Error::invalid(
                "decline periods",
                self.periods,
                format!("an integer in 1..={MAX_PERIODS}"),
            ));
        }
        Ok(())
    }
}

/// How a channel's effort acts on its ties' chances in a campaign.
///
/// ```
/// use reseau::balance::EffortResponse;
/// assert_eq!(serde_json::to_string(&EffortResponse::Diminishing)?, "\"diminishing\"");
/// assert_eq!(EffortResponse::default(), EffortResponse::Linear);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EffortResponse {
    /// Effort x = E·share ÷ cost multiplies a tie's probability (LT: weight), capped at 1:
    /// p becomes min(x·p, 1). Reach is then linear in the mix until the caps bind, so the best
    /// mix is an end of the sweep unless the caps decide it.
    #[default]
    Linear,
    /// Effort x buys attempts ([`LayerSettings::attempts`](crate::cascade::LayerSettings)):
    /// p becomes 1 − (1 − p)^x. The first unit of effort on a channel is worth more than the
    /// next, so an interior mix can be best: the data decides.
    Diminishing,
}

crate::referral::routing_request! {
    "reseau::balance"
    /// What [`balance`](super::balance) sweeps: for each mix, a referral workload and a
    /// campaign, on the network as given and, with a [`Decline`], period after period; how
    /// requests are routed (the routing options of
    /// [`RouteOptions`](crate::referral::RouteOptions), flat; `physical_share`
    /// is the mix); and the seed. See [`crate::balance`] for the model.
    ///
    /// ```
    /// use reseau::balance::BalanceRequest;
    /// let o: BalanceRequest = serde_json::from_str(
    ///     r#"{"mixes": [0, 0.5, 1], "rate": 2, "forward": 0.9, "decline": {"layer": "facebook", "rate": 0.5, "periods": 2}}"#,
    /// )?;
    /// assert_eq!(o.mixes, vec![0.0, 0.5, 1.0]);
    /// assert_eq!((o.steps, o.num_seeds, o.runs, o.seed), (300, 3, 1000, 0));
    /// assert_eq!(o.routing().forward, 0.9);
    /// // `seeds`, the old name of `num_seeds`, still reads.
    /// assert_eq!(serde_json::from_str::<BalanceRequest>(r#"{"seeds": 5}"#)?.num_seeds, 5);
    /// assert!(serde_json::from_str::<BalanceRequest>(r#"{"mix": [0.5]}"#).is_err());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(default, deny_unknown_fields)]
    pub struct BalanceRequest {
        /// The mixes to try: each the share of effort on physical ties, in [0, 1], in any
        /// order. Default 0, 0.1, …, 1.
        pub mixes: Vec<f64> = (0..=10).map(|i| f64::from(i) / 10.0).collect(),
        /// Random referral requests (between people not tied) per step. Default 4.
        pub rate: f64 = 4.0,
        /// Steps of requests; the first half warms the loads up and only requests started in
        /// the second half are measured. Default 300.
        pub steps: u32 = 300,
        /// The campaign's model ([`Model`]); each mix scales its layers' multipliers. Default
        /// Independent Cascade, p = 0.1.
        pub model: Model = Model::default(),
        /// The campaign's number of seeds, split between physical and digital reach by the
        /// mix. Default 3. (The old key `seeds` reads too.)
        #[serde(alias = "seeds")]
        pub num_seeds: u32 = 3,
        /// Monte Carlo runs of the campaign per mix and period. Default 1,000.
        pub runs: u64 = 1000,
        /// Each person's effort per message: a tie of a kind gets `effort` × its share ÷ its
        /// cost times its probability. Default 2, so that the even mix with unit costs is the
        /// model as given.
        pub effort: f64 = 2.0,
        /// The effort a physical tie costs (a meeting). Default 1.
        pub physical_cost: f64 = 1.0,
        /// The effort a digital tie costs (a message). Default 1.
        pub digital_cost: f64 = 1.0,
        /// How effort acts on a tie's chance: linearly (the default) or with diminishing
        /// returns ([`EffortResponse`]).
        #[serde(skip_serializing_if = "is_linear")]
        pub effort_response: EffortResponse = EffortResponse::Linear,
        /// A platform in decline (`None`: the network as given only).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub decline: Option<Decline> = None,
        /// The seed of every random stream of the sweep (default 0).
        pub seed: u64 = 0,
    }
}

/// Whether the effort response is the default one (left out of what is written).
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_linear(response: &EffortResponse) -> bool {
    *response == EffortResponse::Linear
}

/// The old name of [`BalanceRequest`] (whose routing options are now flat fields, and which
/// carries the seed).
#[deprecated(since = "0.2.0", note = "renamed BalanceRequest")]
pub type BalanceOptions = BalanceRequest;

impl BalanceRequest {
    /// Sets the mixes.
    ///
    /// ```
    /// let o = reseau::balance::BalanceRequest::default().mixes(vec![0.0, 1.0]);
    /// assert_eq!(o.mixes.len(), 2);
    /// ```
    #[must_use]
    pub fn mixes(mut self, mixes: Vec<f64>) -> Self {
        self.mixes = mixes;
        self
    }

    /// Sets the decline.
    ///
    /// ```
    /// use reseau::balance::{BalanceRequest, Decline};
    /// let o = BalanceRequest::default().decline(Decline::new("facebook", 0.2, 5));
    /// assert_eq!(o.decline.unwrap().periods, 5);
    /// ```
    #[must_use]
    pub fn decline(mut self, decline: Decline) -> Self {
        self.decline = Some(decline);
        self
    }

    /// Sets the seed.
    ///
    /// ```
    /// assert_eq!(reseau::balance::BalanceRequest::default().seed(7).seed, 7);
    /// ```
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// The multipliers a mix gives physical and digital ties: effort × share ÷ cost.
    ///
    /// ```
    /// let o = reseau::balance::BalanceRequest::default();
    /// assert_eq!(o.multipliers(0.5), [1.0, 1.0]);
    /// assert_eq!(o.multipliers(1.0), [2.0, 0.0]);
    /// ```
    pub fn multipliers(&self, mix: f64) -> [f64; 2] {
        [self.effort * mix / self.physical_cost, self.effort * (1.0 - mix) / self.digital_cost]
    }

    /// Checks every value against its domain (layer names are checked against a network by
    /// [`balance`](super::balance)).
    ///
    /// ```
    /// use reseau::balance::BalanceRequest;
    /// assert!(BalanceRequest::default().validate().is_ok());
    /// let err = BalanceRequest::default().mixes(vec![0.5, 1.2]).validate().unwrap_err();
    /// assert_eq!(err.to_string(), "invalid mix: 1.2 (expected a share in [0, 1])");
    /// assert!(BalanceRequest::default().mixes(vec![]).validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<()> {
        if self.mixes.is_empty() || self.mixes.len() > MAX_MIXES {
            return Err(Error::invalid(
                "mixes",
                format!("{} mixes", self.mixes.len()),
                format!("from 1 to {MAX_MIXES} mixes"),
            ));
        }
        for &m in &self.mixes {
            if !(0.0..=1.0).contains(&m) {
                return Err(Error::invalid("mix", m, "a share in [0, 1]"));
            }
        }
        if !(self.rate.is_finite() && self.rate > 0.0) {
            return Err(Error::invalid("rate", self.rate, "a finite number > 0"));
        }
        if self.steps < 2 {
            return Err(Error::invalid("steps", self.steps, "an integer >= 2"));
        }
        if self.runs == 0 || self.runs > crate::cascade::MAX_RUNS {
            return Err(Error::invalid(
                "runs",
                self.runs,
                format!("an integer in 1..={}", crate::cascade::MAX_RUNS),
            ));
        }
        if self.num_seeds == 0 {
            return Err(Error::invalid("num_seeds", 0, "an integer >= 1"));
        }
        check_non_negative(|| "effort".into(), self.effort)?;
        for (name, cost) in
            [("physical_cost", self.physical_cost), ("digital_cost", self.digital_cost)]
        {
            if !(cost.is_finite() && cost > 0.0) {
                return Err(Error::invalid(name, cost, "a finite number > 0"));
            }
            // The largest multiplier effort and cost make: a finite one, as a layer's.
            let largest = self.effort / cost;
            if largest > MAX_MULTIPLIER {
                return Err(Error::invalid(
                    format!("effort / {name}"),
                    largest,
                    "at most 1e12 (the multiplier of a layer's probabilities at the mix that \
                     puts all effort there)",
                ));
            }
        }
        self.model.validate()?;
        if let Some(decline) = &self.decline {
            decline.validate()?;
        }
        self.routing().check()
    }
}
