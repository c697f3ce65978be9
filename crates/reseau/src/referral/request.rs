//! What the referral entry points are asked: the requests (given pairs of people by id or
//! label, or random pairs by any two of their number, rate and steps), the routing options
//! and the seed, flat as the Python keywords and JS options give them.

use serde::{Deserialize, Serialize};

use super::options::{RouteOptions, Workload};
use crate::compiled::CompiledNetwork;
use crate::error::{Error, Result};
use crate::fatigue::Fatigue;
use crate::model::PersonRef;

/// A request struct (in the module at the path given first, for the doctests) with the routing options of [`RouteOptions`] (but `physical_share`, which
/// each request that takes it declares itself) as flat fields, after its own fields: the
/// struct, its `Default` (the given defaults, then [`RouteOptions::default`]'s) and the
/// accessors `routing()` and `with_routing()`. One place for the routing fields' docs and
/// defaults, shared by the referral requests and the balance sweep.
macro_rules! routing_request {
    (
        $module:literal
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* pub $field:ident : $ty:ty = $default:expr, )*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $( $(#[$field_meta])* pub $field: $ty, )*
            /// How the next holder is chosen (default greedy); see
            /// [`RouteOptions::strategy`](crate::referral::RouteOptions::strategy).
            pub strategy: $crate::referral::Strategy,
            /// The base probability that a holder forwards a request, in [0, 1] (default 1).
            pub forward: f64,
            /// The base probability of forwarding by the layer a request arrived on (layer
            /// name to probability in [0, 1]).
            pub layer_forward: std::collections::BTreeMap<String, f64>,
            /// The most ties a request may cross, at least 1 (default 50).
            pub max_hops: u32,
            /// Fatigue shared by every request (default: none).
            #[serde(skip_serializing_if = "Option::is_none")]
            pub fatigue: Option<$crate::fatigue::Fatigue>,
            /// A separate digital channel with this fatigue (default: one load for every
            /// layer); see
            /// [`RouteOptions::digital_fatigue`](crate::referral::RouteOptions::digital_fatigue).
            #[serde(skip_serializing_if = "Option::is_none")]
            pub digital_fatigue: Option<$crate::fatigue::Fatigue>,
            /// With the cold strategy, the probability that a target answers a stranger's
            /// message, in [0, 1] (default 0.05); see
            /// [`RouteOptions::cold_response`](crate::referral::RouteOptions::cold_response).
            pub cold_response: f64,
            /// The memory the call may use, in bytes (default: what the machine has
            /// available, see [`memory`](crate::memory)); a call that would need more is
            /// refused before it starts.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub max_memory: Option<u64>,
        }

        impl Default for $name {
            fn default() -> Self {
                let routing = $crate::referral::RouteOptions::default();
                $name {
                    $( $field: $default, )*
                    strategy: routing.strategy,
                    forward: routing.forward,
                    layer_forward: routing.layer_forward,
                    max_hops: routing.max_hops,
                    fatigue: routing.fatigue,
                    digital_fatigue: routing.digital_fatigue,
                    cold_response: routing.cold_response,
                    max_memory: None,
                }
            }
        }

        impl $name {
            /// The routing options of this request (`physical_share` unset).
            ///
            /// ```
            #[doc = concat!("let request = ", $module, "::", stringify!($name), "::default();")]
            /// assert_eq!(request.routing(), reseau::referral::RouteOptions::default());
            /// ```
            pub fn routing(&self) -> $crate::referral::RouteOptions {
                $crate::referral::RouteOptions {
                    strategy: self.strategy,
                    physical_share: None,
                    forward: self.forward,
                    layer_forward: self.layer_forward.clone(),
                    max_hops: self.max_hops,
                    fatigue: self.fatigue,
                    digital_fatigue: self.digital_fatigue,
                    cold_response: self.cold_response,
                }
            }

            /// Sets every routing option from `routing` (but `physical_share`).
            ///
            /// ```
            /// use reseau::referral::RouteOptions;
            #[doc = concat!("let request = ", $module, "::", stringify!($name), "::default().with_routing(RouteOptions::default().forward(0.5));")]
            /// assert_eq!(request.forward, 0.5);
            /// ```
            #[must_use]
            pub fn with_routing(mut self, routing: $crate::referral::RouteOptions) -> Self {
                self.strategy = routing.strategy;
                self.forward = routing.forward;
                self.layer_forward = routing.layer_forward;
                self.max_hops = routing.max_hops;
                self.fatigue = routing.fatigue;
                self.digital_fatigue = routing.digital_fatigue;
                self.cold_response = routing.cold_response;
                self
            }
        }
    };
}
pub(crate) use routing_request;

routing_request! {
    "reseau::referral"
    /// What [`route_referrals`](super::route_referrals) and
    /// [`trace_referrals`](super::trace_referrals) are asked: the requests, how they are
    /// routed, and the seed.
    ///
    /// The requests are either `requests`, given `[source, target]` pairs of person ids or
    /// labels (all at step 0, or at `rate` per step), or random pairs of people who are not
    /// tied, described by any two of `n_requests`, `rate` and `steps` (see
    /// [`Workload::random_requests`]; nothing at all is 1,000 requests at step 0).
    ///
    /// ```
    /// use reseau::referral::{ReferralRequest, RouteOptions, Strategy, Workload};
    /// let request: ReferralRequest = serde_json::from_str(
    ///     r#"{"requests": [["U102", 40], [3, 9]], "strategy": "hub", "forward": 0.9, "seed": 5}"#,
    /// )?;
    /// assert_eq!(request.strategy, Strategy::Hub);
    /// let built = ReferralRequest::pairs([["U102".into(), 40.into()], [3.into(), 9.into()]])
    ///     .with_routing(RouteOptions::new(Strategy::Hub).forward(0.9))
    ///     .seed(5);
    /// assert_eq!(built, request);
    /// let random = ReferralRequest::new(Workload::random(2.0, 100));
    /// assert_eq!((random.rate, random.steps), (Some(2.0), Some(100)));
    /// assert!(serde_json::from_str::<ReferralRequest>(r#"{"max_hop": 3}"#).is_err());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(default, deny_unknown_fields)]
    pub struct ReferralRequest {
        /// Given `[source, target]` pairs (ids or labels), routed in this order; `None`:
        /// random pairs.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub requests: Option<Vec<[PersonRef; 2]>> = None,
        /// Random requests in all (default 1,000); not with `requests`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub n_requests: Option<u64> = None,
        /// Requests started per step, > 0 (default: all at step 0).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub rate: Option<f64> = None,
        /// Steps during which random requests start; not with `requests`.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub steps: Option<u32> = None,
        /// The probability of choosing among physical ties when a holder has eligible
        /// contacts of both kinds, in [0, 1] (default: no preference).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub physical_share: Option<f64> = None,
        /// The seed: random pairs come from the stream `(seed, 0)`, routing from `(seed, 1)`
        /// (default 0).
        pub seed: u64 = 0,
    }
}

impl ReferralRequest {
    /// A request for `workload`, with the default routing and seed 0.
    ///
    /// ```
    /// use reseau::referral::{ReferralRequest, Workload};
    /// let request = ReferralRequest::new(Workload::pairs(vec![[0, 3]]));
    /// assert_eq!(request.requests.unwrap().len(), 1);
    /// ```
    pub fn new(workload: Workload) -> Self {
        match workload {
            Workload::Pairs { pairs, rate } => ReferralRequest {
                requests: Some(pairs.iter().map(|&[s, t]| [s.into(), t.into()]).collect()),
                rate,
                ..ReferralRequest::default()
            },
            Workload::Random { rate, steps } => ReferralRequest {
                rate: Some(rate),
                steps: Some(steps),
                ..ReferralRequest::default()
            },
        }
    }

    /// A request for given `[source, target]` pairs (ids or labels).
    ///
    /// ```
    /// let request = reseau::referral::ReferralRequest::pairs([["U102".into(), "U139".into()]]);
    /// assert_eq!(request.requests.unwrap()[0][1], "U139".into());
    /// ```
    pub fn pairs(pairs: impl IntoIterator<Item = [PersonRef; 2]>) -> Self {
        ReferralRequest {
            requests: Some(pairs.into_iter().collect()),
            ..ReferralRequest::default()
        }
    }

    /// Sets every routing option from `routing`, `physical_share` included.
    ///
    /// ```
    /// use reseau::referral::{ReferralRequest, RouteOptions};
    /// let request = ReferralRequest::default().options(RouteOptions::default().physical_share(0.7));
    /// assert_eq!(request.physical_share, Some(0.7));
    /// ```
    #[must_use]
    pub fn options(mut self, routing: RouteOptions) -> Self {
        self.physical_share = routing.physical_share;
        self.with_routing(routing)
    }

    /// Sets the seed.
    ///
    /// ```
    /// assert_eq!(reseau::referral::ReferralRequest::default().seed(3).seed, 3);
    /// ```
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// The routing options, `physical_share` included.
    ///
    /// ```
    /// use reseau::referral::ReferralRequest;
    /// let request = ReferralRequest { physical_share: Some(0.2), ..Default::default() };
    /// assert_eq!(request.route_options().physical_share, Some(0.2));
    /// ```
    pub fn route_options(&self) -> RouteOptions {
        RouteOptions { physical_share: self.physical_share, ..self.routing() }
    }

    /// Checks what does not depend on a network: the routing options' domains, and that
    /// given pairs come without `n_requests` or `steps`.
    ///
    /// ```
    /// use reseau::referral::ReferralRequest;
    /// assert!(ReferralRequest::default().validate().is_ok());
    /// let both = ReferralRequest { n_requests: Some(5), ..ReferralRequest::pairs([[0.into(), 1.into()]]) };
    /// assert_eq!(both.validate().unwrap_err().kind(), "InvalidParameterError");
    /// ```
    pub fn validate(&self) -> Result<()> {
        if self.requests.is_some() {
            check_no_count(self.n_requests, self.steps)?;
        }
        self.route_options().check()
    }

    /// The workload, resolved against `net`: given pairs by id, or the random workload that
    /// `n_requests`, `rate` and `steps` describe ([`Workload::random_requests`]).
    ///
    /// ```
    /// use reseau::referral::{ReferralRequest, Workload};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let given = ReferralRequest::pairs([["U139".into(), 5.into()]]);
    /// assert_eq!(given.workload(&net)?, Workload::pairs(vec![[1, 5]]));
    /// let random = ReferralRequest { n_requests: Some(100), rate: Some(5.0), ..Default::default() };
    /// assert_eq!(random.workload(&net)?, Workload::random(5.0, 20));
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn workload(&self, net: &CompiledNetwork) -> Result<Workload> {
        match &self.requests {
            Some(requests) => {
                check_no_count(self.n_requests, self.steps)?;
                let pairs = requests
                    .iter()
                    .map(|[s, t]| Ok([net.resolve(s)?, net.resolve(t)?]))
                    .collect::<Result<_>>()?;
                Ok(Workload::Pairs { pairs, rate: self.rate })
            }
            None => Workload::random_requests(self.n_requests, self.rate, self.steps),
        }
    }
}

/// Given pairs set the count: no `n_requests` nor `steps` beside them.
fn check_no_count(n_requests: Option<u64>, steps: Option<u32>) -> Result<()> {
    let expected = "none when requests are given (they set the count; rate spreads them out)";
    if let Some(n) = n_requests {
        return Err(Error::invalid("n_requests", n, expected));
    }
    if let Some(steps) = steps {
        return Err(Error::invalid("steps", steps, expected));
    }
    Ok(())
}

/// The steps of a load curve when the request does not say.
pub const DEFAULT_CURVE_STEPS: u32 = 200;

routing_request! {
    "reseau::referral"
    /// What [`referral_load_curve`](super::referral_load_curve) is asked: the request rates
    /// (increasing), the steps during which requests start at each rate (the first half a
    /// warm-up), how requests are routed, and the seed.
    ///
    /// ```
    /// use reseau::fatigue::Fatigue;
    /// use reseau::referral::LoadCurveRequest;
    /// let request: LoadCurveRequest = serde_json::from_str(
    ///     r#"{"rates": [1, 2, 4], "fatigue": {"curve": {"kind": "hill", "half": 2, "exponent": 2}}}"#,
    /// )?;
    /// assert_eq!((request.steps, request.seed), (200, 0));
    /// let built = LoadCurveRequest::new(vec![1.0, 2.0, 4.0]).fatigue(Fatigue::hill(2.0, 2.0));
    /// assert_eq!(built, request);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(default, deny_unknown_fields)]
    pub struct LoadCurveRequest {
        /// The request rates to try (requests started per step), increasing, each > 0.
        pub rates: Vec<f64> = Vec::new(),
        /// Steps during which requests start at each rate, at least 1 (default 200); the
        /// first half is a warm-up.
        pub steps: u32 = DEFAULT_CURVE_STEPS,
        /// The probability of choosing among physical ties when a holder has eligible
        /// contacts of both kinds, in [0, 1] (default: no preference).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub physical_share: Option<f64> = None,
        /// The seed: every rate sees the same random pairs (default 0).
        pub seed: u64 = 0,
    }
}

impl LoadCurveRequest {
    /// The defaults with these rates.
    ///
    /// ```
    /// let request = reseau::referral::LoadCurveRequest::new([0.5, 1.0]);
    /// assert_eq!((request.rates.len(), request.steps), (2, 200));
    /// ```
    pub fn new(rates: impl Into<Vec<f64>>) -> Self {
        LoadCurveRequest { rates: rates.into(), ..LoadCurveRequest::default() }
    }

    /// Sets the steps.
    ///
    /// ```
    /// assert_eq!(reseau::referral::LoadCurveRequest::new(vec![1.0]).steps(300).steps, 300);
    /// ```
    #[must_use]
    pub fn steps(mut self, steps: u32) -> Self {
        self.steps = steps;
        self
    }

    /// Sets fatigue.
    ///
    /// ```
    /// use reseau::fatigue::Fatigue;
    /// let request = reseau::referral::LoadCurveRequest::new(vec![1.0]).fatigue(Fatigue::hill(2.0, 2.0));
    /// assert!(request.fatigue.is_some());
    /// ```
    #[must_use]
    pub fn fatigue(mut self, fatigue: Fatigue) -> Self {
        self.fatigue = Some(fatigue);
        self
    }

    /// Sets every routing option from `routing`, `physical_share` included.
    ///
    /// ```
    /// use reseau::referral::{LoadCurveRequest, RouteOptions, Strategy};
    /// let request = LoadCurveRequest::new(vec![1.0]).options(RouteOptions::new(Strategy::Hub));
    /// assert_eq!(request.strategy, Strategy::Hub);
    /// ```
    #[must_use]
    pub fn options(mut self, routing: RouteOptions) -> Self {
        self.physical_share = routing.physical_share;
        self.with_routing(routing)
    }

    /// Sets the seed.
    ///
    /// ```
    /// assert_eq!(reseau::referral::LoadCurveRequest::new(vec![1.0]).seed(7).seed, 7);
    /// ```
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// The routing options, `physical_share` included.
    ///
    /// ```
    /// let request = reseau::referral::LoadCurveRequest::new(vec![1.0]);
    /// assert_eq!(request.route_options(), reseau::referral::RouteOptions::default());
    /// ```
    pub fn route_options(&self) -> RouteOptions {
        RouteOptions { physical_share: self.physical_share, ..self.routing() }
    }

    /// Checks what does not depend on a network: at least one rate, each finite and > 0, in
    /// increasing order, and the routing options' domains.
    ///
    /// ```
    /// use reseau::referral::LoadCurveRequest;
    /// assert!(LoadCurveRequest::new(vec![1.0, 2.0]).validate().is_ok());
    /// let err = LoadCurveRequest::new(vec![2.0, 1.0]).validate().unwrap_err();
    /// assert_eq!(err.to_string(), "invalid rates: 2 then 1 (expected increasing rates)");
    /// ```
    pub fn validate(&self) -> Result<()> {
        if self.rates.is_empty() {
            return Err(Error::invalid("rates", "[]", "at least one rate"));
        }
        for &r in &self.rates {
            super::options::check_rate(r)?;
        }
        if let Some(&[a, b]) = self.rates.windows(2).find(|w| w[1] <= w[0]) {
            return Err(Error::invalid(
                "rates",
                format!("{} then {}", crate::error::float(a), crate::error::float(b)),
                "increasing rates",
            ));
        }
        self.route_options().check()
    }
}
