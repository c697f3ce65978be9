//! Layers: the named relations or channels of a multiplex network.

use serde::{Deserialize, Serialize};

/// A layer's index in a [`Network`](crate::Network), in the order layers were added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LayerId(pub u32);

impl LayerId {
    /// The index as a `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Whether a layer is met in person or online.
///
/// ```
/// use reseau::LayerKind;
/// assert_eq!("digital".parse::<LayerKind>().unwrap(), LayerKind::Digital);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum LayerKind {
    /// Face to face: lunch, work, leisure.
    #[default]
    Physical,
    /// Online: a platform, e-mail, a forum.
    Digital,
}

impl LayerKind {
    /// `"physical"` or `"digital"`.
    pub fn as_str(self) -> &'static str {
        match self {
            LayerKind::Physical => "physical",
            LayerKind::Digital => "digital",
        }
    }
}

impl std::str::FromStr for LayerKind {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "physical" | "offline" => Ok(LayerKind::Physical),
            "digital" | "online" => Ok(LayerKind::Digital),
            _ => Err(crate::Error::invalid("layer kind", format!("{s:?}"), "physical or digital")),
        }
    }
}

/// A layer's definition: name, kind, direction, default behaviour of its ties, and whether
/// it is a shadow layer.
///
/// A **shadow** layer is part of the truth (cascades, referrals and relay selection use its
/// ties like any other) but not of what an analyst observes:
/// [`Network::observed`](crate::Network::observed) leaves it out. Lobbying, private dinners, back-channel calls:
/// the relations that carry influence without leaving a trace in the data an analyst has.
///
/// ```
/// use reseau::{Layer, LayerKind};
/// let twitter = Layer::digital("twitter").directed(true).probability(0.05).latency(1);
/// assert_eq!(twitter.kind, LayerKind::Digital);
/// assert!(twitter.directed && !twitter.shadow);
/// assert_eq!(Layer::physical("lunch").latency, 1);
/// assert!(Layer::physical("lobbying").shadow(true).shadow);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Layer {
    /// The layer's name, unique in its network.
    pub name: String,
    /// Physical or digital.
    #[serde(default)]
    pub kind: LayerKind,
    /// Whether ties point one way (follows, advice) or both (friendship, lunch).
    #[serde(default)]
    pub directed: bool,
    /// Default transmission probability of this layer's ties (`None`: the model's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
    /// Time steps a message takes to cross one tie of this layer (at least 1).
    #[serde(default = "one")]
    pub latency: u32,
    /// Whether the layer is hidden from the analyst: its ties take part in every simulation
    /// but [`Network::observed`](crate::Network::observed) leaves them out. Written only when
    /// true, so that the files of networks without shadow layers stay as they were (and
    /// readable by versions that know no shadow).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shadow: bool,
}

fn one() -> u32 {
    1
}

impl Layer {
    /// A layer of the given name and kind, undirected, latency 1, no default probability.
    pub fn new(name: impl Into<String>, kind: LayerKind) -> Self {
        Layer {
            name: name.into(),
            kind,
            directed: false,
            probability: None,
            latency: 1,
            shadow: false,
        }
    }
    /// A physical (offline) layer.
    pub fn physical(name: impl Into<String>) -> Self {
        Self::new(name, LayerKind::Physical)
    }
    /// A digital (online) layer.
    pub fn digital(name: impl Into<String>) -> Self {
        Self::new(name, LayerKind::Digital)
    }
    /// Sets whether ties are directed.
    #[must_use]
    pub fn directed(mut self, directed: bool) -> Self {
        self.directed = directed;
        self
    }
    /// Sets the default transmission probability.
    #[must_use]
    pub fn probability(mut self, p: f64) -> Self {
        self.probability = Some(p);
        self
    }
    /// Sets the latency in steps.
    #[must_use]
    pub fn latency(mut self, steps: u32) -> Self {
        self.latency = steps;
        self
    }
    /// Marks the layer as a shadow (hidden) layer, or not.
    ///
    /// ```
    /// let lobbying = reseau::Layer::physical("lobbying").shadow(true);
    /// assert_eq!(serde_json::to_string(&lobbying)?, r#"{"name":"lobbying","kind":"physical","directed":false,"latency":1,"shadow":true}"#);
    /// // Written only when true: a visible layer's JSON is as it always was.
    /// assert!(!serde_json::to_string(&lobbying.shadow(false))?.contains("shadow"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn shadow(mut self, shadow: bool) -> Self {
        self.shadow = shadow;
        self
    }

    /// Checks the definition: a non-empty name, a probability in [0, 1], a latency from 1 to
    /// [`MAX_LATENCY`].
    pub fn validate(&self) -> crate::Result<()> {
        if self.name.is_empty() {
            return Err(crate::Error::invalid("layer name", "\"\"", "a non-empty name"));
        }
        if let Some(p) = self.probability {
            crate::error::check_probability(|| format!("probability of layer {:?}", self.name), p)?;
        }
        check_latency(|| format!("latency of layer {:?}", self.name), self.latency)
    }
}

/// The longest latency a layer may have, in steps. Simulations keep one time bucket per step
/// of the longest latency and report reach step by step, so an unbounded latency would ask
/// for unbounded memory.
pub const MAX_LATENCY: u32 = 10_000;

/// Checks a latency: from 1 to [`MAX_LATENCY`] steps.
pub(crate) fn check_latency(name: impl FnOnce() -> String, latency: u32) -> crate::Result<()> {
    if (1..=MAX_LATENCY).contains(&latency) {
        Ok(())
    } else {
        Err(crate::Error::invalid(name(), latency, format!("an integer from 1 to {MAX_LATENCY}")))
    }
}
