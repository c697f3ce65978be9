//! The generators' arguments as serde structs, as the Python keywords and JS options give
//! them: the required ones without a default (a missing one is an error, not an empty
//! network), the others with the core's defaults. Each `generate()` checks and generates.

use serde::{Deserialize, Serialize};

use crate::{Network, Result};

fn two() -> f64 {
    2.0
}

fn one() -> usize {
    1
}

/// [`erdos_renyi`](super::erdos_renyi)'s arguments.
///
/// ```
/// use reseau::generators::ErdosRenyiRequest;
/// let request: ErdosRenyiRequest = serde_json::from_str(r#"{"n": 100, "mean_degree": 3}"#)?;
/// assert_eq!(request.seed, 0);
/// assert_eq!(request.generate()?.num_people(), 100);
/// assert!(serde_json::from_str::<ErdosRenyiRequest>(r#"{"n": 100}"#).is_err()); // mean_degree is required
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ErdosRenyiRequest {
    /// How many people.
    pub n: usize,
    /// The expected mean degree (p = mean degree / (n − 1)).
    pub mean_degree: f64,
    /// The seed (default 0).
    #[serde(default)]
    pub seed: u64,
}

impl ErdosRenyiRequest {
    /// The network.
    ///
    /// ```
    /// let r = reseau::generators::ErdosRenyiRequest { n: 10, mean_degree: 2.0, seed: 1 };
    /// assert!(r.generate()?.ties().eq(reseau::generators::erdos_renyi(10, 2.0, 1)?.ties()));
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn generate(&self) -> Result<Network> {
        super::erdos_renyi(self.n, self.mean_degree, self.seed)
    }
}

/// [`barabasi_albert`](super::barabasi_albert)'s arguments.
///
/// ```
/// let r: reseau::generators::BarabasiAlbertRequest = serde_json::from_str(r#"{"n": 50, "m": 2, "seed": 7}"#)?;
/// assert_eq!(r.generate()?.num_people(), 50);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BarabasiAlbertRequest {
    /// How many people.
    pub n: usize,
    /// Ties each newcomer makes.
    pub m: usize,
    /// The seed (default 0).
    #[serde(default)]
    pub seed: u64,
}

impl BarabasiAlbertRequest {
    /// The network.
    ///
    /// ```
    /// let r = reseau::generators::BarabasiAlbertRequest { n: 10, m: 2, seed: 1 };
    /// assert_eq!(r.generate()?.num_people(), 10);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn generate(&self) -> Result<Network> {
        super::barabasi_albert(self.n, self.m, self.seed)
    }

    /// The same network built straight from its compiled view
    /// ([`barabasi_albert_compiled`](super::barabasi_albert_compiled)), never holding the
    /// editable form: frozen ([`Network::is_frozen`]) until edited or asked about its people or
    /// ties, so that 10^8 directed ties fit in about 3 GB. Every analysis gives the numbers
    /// [`generate`](Self::generate)'s network gives.
    ///
    /// ```
    /// let r = reseau::generators::BarabasiAlbertRequest { n: 1_000, m: 3, seed: 1 };
    /// let net = r.generate_compiled()?;
    /// assert!(net.is_frozen());
    /// assert_eq!(*net.compiled(), r.generate()?.compile());
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn generate_compiled(&self) -> Result<Network> {
        Network::from_compiled(super::barabasi_albert_compiled(self.n, self.m, self.seed)?)
    }
}

/// [`watts_strogatz`](super::watts_strogatz)'s arguments.
///
/// ```
/// let r: reseau::generators::WattsStrogatzRequest = serde_json::from_str(r#"{"n": 50, "k": 4, "beta": 0.1}"#)?;
/// assert_eq!(r.generate()?.num_ties(), 100);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WattsStrogatzRequest {
    /// How many people.
    pub n: usize,
    /// Each person's neighbours on the ring (even).
    pub k: usize,
    /// The probability of rewiring each tie.
    pub beta: f64,
    /// The seed (default 0).
    #[serde(default)]
    pub seed: u64,
}

impl WattsStrogatzRequest {
    /// The network.
    ///
    /// ```
    /// let r = reseau::generators::WattsStrogatzRequest { n: 10, k: 2, beta: 0.0, seed: 1 };
    /// assert_eq!(r.generate()?.num_ties(), 10);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn generate(&self) -> Result<Network> {
        super::watts_strogatz(self.n, self.k, self.beta, self.seed)
    }
}

/// [`kleinberg`](super::kleinberg)'s arguments: the lattice's side, and by default Kleinberg's
/// navigable exponent r = 2 with one long-range link per person.
///
/// ```
/// use reseau::generators::KleinbergRequest;
/// let r: KleinbergRequest = serde_json::from_str(r#"{"side": 6, "seed": 7}"#)?;
/// assert_eq!((r.r, r.long_range), (2.0, 1));
/// assert_eq!(r, KleinbergRequest::new(6).seed(7));
/// assert_eq!(r.generate()?.num_people(), 36);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KleinbergRequest {
    /// The side of the square lattice (side² people).
    pub side: usize,
    /// The exponent of the long-range links' distance, P ∝ d^(−r) (default 2).
    #[serde(default = "two")]
    pub r: f64,
    /// Long-range links per person (default 1).
    #[serde(default = "one")]
    pub long_range: usize,
    /// The seed (default 0).
    #[serde(default)]
    pub seed: u64,
}

impl KleinbergRequest {
    /// A lattice of this side with the defaults.
    ///
    /// ```
    /// assert_eq!(reseau::generators::KleinbergRequest::new(5).r, 2.0);
    /// ```
    pub fn new(side: usize) -> Self {
        KleinbergRequest { side, r: two(), long_range: one(), seed: 0 }
    }

    /// Sets the seed.
    ///
    /// ```
    /// assert_eq!(reseau::generators::KleinbergRequest::new(5).seed(3).seed, 3);
    /// ```
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// The network.
    ///
    /// ```
    /// let net = reseau::generators::KleinbergRequest::new(4).generate()?;
    /// assert_eq!(net.num_people(), 16);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn generate(&self) -> Result<Network> {
        super::kleinberg(self.side, self.r, self.long_range, self.seed)
    }
}

/// [`stochastic_block`](super::stochastic_block)'s arguments.
///
/// ```
/// let r: reseau::generators::StochasticBlockRequest =
///     serde_json::from_str(r#"{"sizes": [5, 5], "probabilities": [[0.5, 0.1], [0.1, 0.5]]}"#)?;
/// assert_eq!(r.generate()?.num_people(), 10);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StochasticBlockRequest {
    /// Each group's size.
    pub sizes: Vec<usize>,
    /// The tie probability between each pair of groups (a symmetric matrix).
    pub probabilities: Vec<Vec<f64>>,
    /// The seed (default 0).
    #[serde(default)]
    pub seed: u64,
}

impl StochasticBlockRequest {
    /// The network.
    ///
    /// ```
    /// let r = reseau::generators::StochasticBlockRequest { sizes: vec![3], probabilities: vec![vec![1.0]], seed: 0 };
    /// assert_eq!(r.generate()?.num_ties(), 3);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn generate(&self) -> Result<Network> {
        super::stochastic_block(&self.sizes, &self.probabilities, self.seed)
    }
}
