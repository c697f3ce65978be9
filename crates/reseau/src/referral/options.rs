//! What a referral simulation is asked to do: the routing strategy, the forwarding options and
//! the workload, as plain serde structs shared by Rust callers, Python keyword arguments and
//! JS option objects.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::compiled::CompiledNetwork;
use crate::error::{Error, Result, check_probability};
use crate::fatigue::Fatigue;

/// How a holder chooses the contact to pass a request to.
///
/// Every strategy chooses among the holder's contacts (in any layer, or in the layers of the
/// kind drawn by [`RouteOptions::physical_share`]) who have not held this request; a contact
/// who is the target is always chosen. The deterministic strategies break ties by the lowest
/// person id, then the lowest layer index.
///
/// ```
/// use reseau::referral::Strategy;
/// assert_eq!(serde_json::to_string(&Strategy::StrongestTie)?, "\"strongest_tie\"");
/// assert_eq!(Strategy::default(), Strategy::Greedy);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// Towards the target by what a person can plausibly know. On a network where everyone
    /// has a [`position`](crate::Person::position) (Kleinberg's lattice): the contact nearest
    /// the target in Manhattan distance. Otherwise, in order: a contact in the target's group;
    /// else the contact with the most ties into the target's group; else (and to break ties
    /// among those) the contact with the smallest landmark estimate of the distance to the
    /// target, min over landmarks l of d(contact, l) + d(l, target), the landmarks being the
    /// 8 people with the most ties.
    #[default]
    Greedy,
    /// The contact with the shortest path to the target (breadth-first search over every
    /// layer): an upper bound that no real person could follow.
    Oracle,
    /// The contact joined by the tie of highest weight.
    StrongestTie,
    /// The contact with the most ties (out-ties, over every layer).
    Hub,
    /// A uniformly random eligible tie (a contact known in two layers is twice as likely).
    Random,
    /// No chain: the source writes to the target directly, as a stranger would (a cold
    /// e-mail, an unsolicited message on a platform), which needs no tie. The message arrives
    /// one step later on the digital channel and the target answers with probability
    /// [`RouteOptions::cold_response`] × their willingness at their load: the baseline that
    /// recommendation chains are compared with. It counts as one hop on no layer (named
    /// [`COLD_CONTACT`] in traces).
    Cold,
}

/// The name a cold contact's hop carries in a [`ReferralTrace`](super::ReferralTrace)'s
/// `layers` (it crosses no tie of the network).
pub const COLD_CONTACT: &str = "cold contact";

/// The default [`RouteOptions::cold_response`]: 5% of cold messages answered, the order of the
/// reply rates reported for unsolicited professional e-mail (an assumption to vary, not a
/// measurement of any network).
pub const DEFAULT_COLD_RESPONSE: f64 = 0.05;

/// How requests are forwarded: the routing strategy, the layer preference, the base
/// willingness to forward, the hop limit and fatigue.
///
/// A holder who is not the target first takes the request in: it adds 1 to their load. They
/// then drop it with probability 1 − base × willingness, where base is the forwarding
/// probability of the layer the request arrived on ([`RouteOptions::forward`], or its
/// [`RouteOptions::layer_forward`] entry) and willingness is the fatigue curve at their load
/// before this request; else they pass it to one contact chosen by the
/// [`strategy`](RouteOptions::strategy). The source sends its own request with probability
/// willingness(its load) (base 1; its own request adds nothing to its load). A target takes a
/// request in with probability willingness(its load before it): an exhausted target ignores
/// it. Without fatigue, then, the source and the target always act, and a chain of L hops
/// completes with probability base^(L − 1) when every tie has the same base.
///
/// ```
/// use reseau::referral::{RouteOptions, Strategy};
/// let options: RouteOptions = serde_json::from_str(
///     r#"{"strategy": "hub", "forward": 0.6, "layer_forward": {"facebook": 0.2}, "physical_share": 0.8}"#,
/// )?;
/// assert_eq!(options.strategy, Strategy::Hub);
/// assert_eq!(options.max_hops, 50);
/// assert!(serde_json::from_str::<RouteOptions>(r#"{"max_hop": 5}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct RouteOptions {
    /// How the next holder is chosen. Default [`Strategy::Greedy`].
    pub strategy: Strategy,
    /// When a holder has eligible contacts on both physical and digital layers, the
    /// probability of choosing among the physical ones (else among the digital ones); `None`
    /// (the default): no preference, every layer at once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub physical_share: Option<f64>,
    /// The base probability that a holder forwards a request that reached them on a layer not
    /// listed in `layer_forward`, in [0, 1]. Default 1.
    pub forward: f64,
    /// The base probability of forwarding per layer name (the layer the request arrived on),
    /// in [0, 1]: offline requests may be honoured more than online ones.
    pub layer_forward: BTreeMap<String, f64>,
    /// The most ties a request may cross; a holder at that many hops who is not the target
    /// drops it. At least 1. Default 50.
    pub max_hops: u32,
    /// Fatigue shared by every request (`None`: none). See [`crate::fatigue`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fatigue: Option<Fatigue>,
    /// Separate channels: when set, a person keeps two loads, one for what reaches them on
    /// physical layers (read by [`fatigue`](RouteOptions::fatigue)) and one for what reaches
    /// them on digital layers (read by this curve): meeting time and an inbox are different
    /// budgets of attention, and the inbox is the one that floods. A source's own request
    /// reads the channel it is sent on. `None` (the default): one load shared by every layer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digital_fatigue: Option<Fatigue>,
    /// With [`Strategy::Cold`]: the probability that a target not tired at all answers a
    /// message from a stranger, in [0, 1]. Default [`DEFAULT_COLD_RESPONSE`].
    pub cold_response: f64,
}

impl Default for RouteOptions {
    fn default() -> Self {
        RouteOptions {
            strategy: Strategy::Greedy,
            physical_share: None,
            forward: 1.0,
            layer_forward: BTreeMap::new(),
            max_hops: 50,
            fatigue: None,
            digital_fatigue: None,
            cold_response: DEFAULT_COLD_RESPONSE,
        }
    }
}

impl RouteOptions {
    /// The defaults with this strategy.
    ///
    /// ```
    /// use reseau::referral::{RouteOptions, Strategy};
    /// assert_eq!(RouteOptions::new(Strategy::Random).strategy, Strategy::Random);
    /// ```
    pub fn new(strategy: Strategy) -> Self {
        RouteOptions { strategy, ..RouteOptions::default() }
    }
    /// Sets the base forwarding probability.
    ///
    /// ```
    /// assert_eq!(reseau::referral::RouteOptions::default().forward(0.35).forward, 0.35);
    /// ```
    #[must_use]
    pub fn forward(mut self, p: f64) -> Self {
        self.forward = p;
        self
    }
    /// Sets one layer's base forwarding probability.
    ///
    /// ```
    /// let o = reseau::referral::RouteOptions::default().layer_forward("facebook", 0.1);
    /// assert_eq!(o.layer_forward["facebook"], 0.1);
    /// ```
    #[must_use]
    pub fn layer_forward(mut self, layer: impl Into<String>, p: f64) -> Self {
        self.layer_forward.insert(layer.into(), p);
        self
    }
    /// Sets the share of physical ties.
    ///
    /// ```
    /// let o = reseau::referral::RouteOptions::default().physical_share(0.7);
    /// assert_eq!(o.physical_share, Some(0.7));
    /// ```
    #[must_use]
    pub fn physical_share(mut self, share: f64) -> Self {
        self.physical_share = Some(share);
        self
    }
    /// Sets the hop limit.
    ///
    /// ```
    /// assert_eq!(reseau::referral::RouteOptions::default().max_hops(10).max_hops, 10);
    /// ```
    #[must_use]
    pub fn max_hops(mut self, hops: u32) -> Self {
        self.max_hops = hops;
        self
    }
    /// Sets fatigue.
    ///
    /// ```
    /// use reseau::fatigue::Fatigue;
    /// let o = reseau::referral::RouteOptions::default().fatigue(Fatigue::hill(5.0, 2.0));
    /// assert!(o.fatigue.is_some());
    /// ```
    #[must_use]
    pub fn fatigue(mut self, fatigue: Fatigue) -> Self {
        self.fatigue = Some(fatigue);
        self
    }
    /// Gives digital layers a channel of their own, with this fatigue.
    ///
    /// ```
    /// use reseau::fatigue::Fatigue;
    /// let o = reseau::referral::RouteOptions::default().digital_fatigue(Fatigue::hill(1.0, 2.0));
    /// assert!(o.digital_fatigue.is_some() && o.fatigue.is_none());
    /// ```
    #[must_use]
    pub fn digital_fatigue(mut self, fatigue: Fatigue) -> Self {
        self.digital_fatigue = Some(fatigue);
        self
    }

    /// Sets the probability that a target answers a cold contact ([`Strategy::Cold`]).
    ///
    /// ```
    /// assert_eq!(reseau::referral::RouteOptions::default().cold_response(0.2).cold_response, 0.2);
    /// ```
    #[must_use]
    pub fn cold_response(mut self, p: f64) -> Self {
        self.cold_response = p;
        self
    }

    /// Checks every value against its domain and the layer names against `net`.
    ///
    /// ```
    /// use reseau::referral::RouteOptions;
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// assert!(RouteOptions::default().layer_forward("lunch", 0.5).validate(&net).is_ok());
    /// let err = RouteOptions::default().layer_forward("dinner", 0.5).validate(&net).unwrap_err();
    /// assert_eq!(err.kind(), "UnknownLayerError");
    /// assert!(RouteOptions::default().max_hops(0).validate(&net).is_err());
    /// ```
    pub fn validate(&self, net: &CompiledNetwork) -> Result<()> {
        self.check_against(Some(net))
    }

    /// Checks every value against its domain, without a network to check the layer names
    /// against (the requests' `validate`).
    pub(crate) fn check(&self) -> Result<()> {
        self.check_against(None)
    }

    fn check_against(&self, net: Option<&CompiledNetwork>) -> Result<()> {
        if let Some(share) = self.physical_share {
            check_probability(|| "physical_share".into(), share)?;
        }
        check_probability(|| "forward".into(), self.forward)?;
        check_probability(|| "cold_response".into(), self.cold_response)?;
        for (name, &p) in &self.layer_forward {
            if net.is_some_and(|net| !net.layers().iter().any(|l| &l.name == name)) {
                return Err(Error::UnknownLayer { name: name.clone() });
            }
            check_probability(|| format!("forward probability of layer {name:?}"), p)?;
        }
        if self.max_hops == 0 {
            return Err(Error::invalid("max_hops", 0, "an integer >= 1"));
        }
        for fatigue in self.fatigue.iter().chain(&self.digital_fatigue) {
            fatigue.validate()?;
        }
        Ok(())
    }
}

/// How many random requests [`Workload::random_requests`] makes when not told.
pub const DEFAULT_REQUESTS: u64 = 1000;

/// The requests to route.
///
/// Serialised with a `kind` tag: `{"kind": "pairs", "pairs": [[0, 5], [3, 9]]}`,
/// `{"kind": "random", "rate": 20, "steps": 100}`.
///
/// Requests arrive on a fixed schedule: at `rate` per step, ⌊rate·(t + 1)⌋ − ⌊rate·t⌋ of them
/// start at step t, so a rate of 2.5 alternates 2 and 3. Request ids follow the order of
/// arrival.
///
/// ```
/// use reseau::referral::Workload;
/// let w: Workload = serde_json::from_str(r#"{"kind": "random", "rate": 2.5, "steps": 4}"#)?;
/// assert_eq!(w, Workload::random(2.5, 4));
/// assert_eq!(w.len(), 10);
/// assert_eq!(Workload::pairs(vec![[0, 1], [1, 2]]).len(), 2);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Workload {
    /// Given `[source, target]` pairs (person ids), in this order.
    Pairs {
        /// The requests.
        pairs: Vec<[u32; 2]>,
        /// Requests started per step (`None`, the default: all at step 0).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rate: Option<f64>,
    },
    /// Random pairs of people who are not tied (one needs a referral to reach a stranger,
    /// not a contact): source and target drawn uniformly among everyone, the pair drawn again
    /// while they are the same person or the source has a tie to the target (up to 1,000
    /// times, so that a complete network still gets its requests). They arrive at `rate` per
    /// step during `steps` steps: ⌊rate·steps⌋ requests in all.
    Random {
        /// Requests started per step, > 0.
        rate: f64,
        /// Steps during which requests start, ≥ 1.
        steps: u32,
    },
}

impl Workload {
    /// Given pairs, all starting at step 0.
    ///
    /// ```
    /// let w = reseau::referral::Workload::pairs(vec![[0, 3]]);
    /// assert_eq!(w.len(), 1);
    /// ```
    pub fn pairs(pairs: Vec<[u32; 2]>) -> Self {
        Workload::Pairs { pairs, rate: None }
    }

    /// Random requests described by any two of their number `n`, their `rate` per step and
    /// the `steps` they arrive over, as the Python and JS entry points take them:
    ///
    /// | given | workload |
    /// |---|---|
    /// | nothing, or `n` alone | all `n` at step 0 (`n` defaults to [`DEFAULT_REQUESTS`]) |
    /// | `n` and `rate` | the fewest steps that start at least `n` (⌈n / rate⌉; fewer than `rate` more when `rate` does not divide `n`) |
    /// | `n` and `steps` | the rate that starts exactly `n` over `steps` |
    /// | `rate` and `steps` | ⌊rate·steps⌋ requests (`n`, if given too, must agree) |
    ///
    /// A bad rate or zero steps are passed through for [`Workload::validate`] to report.
    ///
    /// ```
    /// use reseau::referral::Workload;
    /// assert_eq!(Workload::random_requests(None, None, None)?, Workload::random(1000.0, 1));
    /// assert_eq!(Workload::random_requests(Some(1000), Some(3.0), None)?, Workload::random(3.0, 334));
    /// assert_eq!(Workload::random_requests(Some(100), None, Some(10))?.len(), 100);
    /// assert!(Workload::random_requests(Some(11), Some(2.5), Some(4)).is_err()); // 10, not 11
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn random_requests(n: Option<u64>, rate: Option<f64>, steps: Option<u32>) -> Result<Self> {
        if n == Some(0) {
            return Err(Error::invalid("number of requests", 0, "an integer >= 1"));
        }
        let good_rate = |r: f64| r.is_finite() && r > 0.0;
        let n_or_default = n.unwrap_or(DEFAULT_REQUESTS);
        Ok(match (rate, steps) {
            (Some(rate), Some(steps)) => {
                let workload = Workload::random(rate, steps);
                if let Some(n) = n {
                    if good_rate(rate) && steps > 0 && workload.len() != n {
                        return Err(Error::invalid(
                            "number of requests",
                            n,
                            format!(
                                "{} (rate × steps, rounded down) when rate and steps are both \
                                 given; or no number of requests",
                                workload.len()
                            ),
                        ));
                    }
                }
                workload
            }
            (Some(rate), None) if !good_rate(rate) => Workload::random(rate, 1),
            (Some(rate), None) => {
                let steps = (n_or_default as f64 / rate).ceil().max(1.0);
                if steps >= f64::from(u32::MAX) {
                    return Err(Error::invalid(
                        "rate",
                        rate,
                        format!("at least the number of requests / {} per step", u32::MAX - 1),
                    ));
                }
                let mut steps = steps as u32;
                // The fewest steps that start at least n requests, whatever the rounding.
                while Workload::random(rate, steps).len() < n_or_default {
                    steps += 1;
                }
                while steps > 1 && Workload::random(rate, steps - 1).len() >= n_or_default {
                    steps -= 1;
                }
                Workload::random(rate, steps)
            }
            (None, Some(0)) => Workload::random(1.0, 0),
            (None, Some(steps)) => {
                let mut rate = n_or_default as f64 / f64::from(steps);
                // Exactly n requests, whatever the rounding of n / steps.
                while Workload::random(rate, steps).len() < n_or_default {
                    rate = f64::from_bits(rate.to_bits() + 1);
                }
                Workload::random(rate, steps)
            }
            (None, None) => Workload::random(n_or_default as f64, 1),
        })
    }

    /// Random pairs at `rate` per step during `steps` steps.
    ///
    /// ```
    /// assert_eq!(reseau::referral::Workload::random(0.5, 7).len(), 3);
    /// ```
    pub fn random(rate: f64, steps: u32) -> Self {
        Workload::Random { rate, steps }
    }

    /// The number of requests (for a random workload with a valid rate).
    ///
    /// ```
    /// assert!(reseau::referral::Workload::pairs(vec![]).is_empty());
    /// ```
    pub fn len(&self) -> u64 {
        match self {
            Workload::Pairs { pairs, .. } => pairs.len() as u64,
            Workload::Random { rate, steps } => arrivals_until(*rate, u64::from(*steps)),
        }
    }

    /// Whether there are no requests.
    ///
    /// ```
    /// assert!(!reseau::referral::Workload::random(1.0, 1).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Checks the workload against a network: ids in range (else
    /// [`Error::UnknownPerson`]), source ≠ target, a finite rate > 0, at least one step, fewer
    /// than 2^32 requests, and at least two people for random pairs.
    ///
    /// ```
    /// use reseau::referral::Workload;
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// assert_eq!(Workload::pairs(vec![[0, 99]]).validate(&net).unwrap_err().kind(), "UnknownPersonError");
    /// assert_eq!(Workload::pairs(vec![[3, 3]]).validate(&net).unwrap_err().kind(), "InvalidParameterError");
    /// assert!(Workload::random(-1.0, 10).validate(&net).is_err());
    /// assert!(Workload::random(1.0, 0).validate(&net).is_err());
    /// ```
    pub fn validate(&self, net: &CompiledNetwork) -> Result<()> {
        let n = net.num_people();
        match self {
            Workload::Pairs { pairs, rate } => {
                if let Some(rate) = rate {
                    check_rate(*rate)?;
                }
                for &[s, t] in pairs {
                    for p in [s, t] {
                        if p as usize >= n {
                            return Err(Error::UnknownPerson { person: format!("#{p}") });
                        }
                    }
                    if s == t {
                        return Err(Error::invalid(
                            "request",
                            format!("#{s} -> #{t}"),
                            "a target other than the source",
                        ));
                    }
                }
                if pairs.len() as u64 >= u64::from(u32::MAX) {
                    return Err(Error::invalid("pairs", pairs.len(), "fewer than 2^32 requests"));
                }
            }
            Workload::Random { rate, steps } => {
                check_rate(*rate)?;
                if *steps == 0 {
                    return Err(Error::invalid("steps", 0, "an integer >= 1"));
                }
                let count = arrivals_until(*rate, u64::from(*steps));
                if count >= u64::from(u32::MAX) {
                    return Err(Error::invalid(
                        "rate",
                        rate,
                        format!("at most {} requests in all (rate × steps)", u32::MAX - 1),
                    ));
                }
                if n < 2 {
                    return Err(Error::invalid(
                        "network",
                        format!("{n} people"),
                        "at least 2 people for random pairs",
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Checks a request rate: finite and > 0.
pub(crate) fn check_rate(rate: f64) -> Result<()> {
    if rate.is_finite() && rate > 0.0 {
        Ok(())
    } else {
        Err(Error::invalid("rate", rate, "a finite number > 0 (requests per step)"))
    }
}

/// The number of requests started before step `t` at `rate` per step: ⌊rate·t⌋ (saturating).
#[inline]
pub(crate) fn arrivals_until(rate: f64, t: u64) -> u64 {
    let x = (rate * t as f64).floor();
    if x >= u64::MAX as f64 { u64::MAX } else { x as u64 }
}
