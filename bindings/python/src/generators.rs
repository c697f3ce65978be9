//! Seeded generators and the embedded datasets. Every generator takes a keyword-only `seed`
//! (default 0): the same arguments and seed give the same network, in Python, Rust and
//! JavaScript alike. The GIL is released while a network is generated.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use reseau::generators::{
    self, BarabasiAlbertRequest, ErdosRenyiRequest, KleinbergRequest, ProfessionalOptions,
    StochasticBlockRequest, WattsStrogatzRequest,
};

use crate::args::Args;
use crate::de::from_py;
use crate::errors::err;
use crate::network::PyNetwork;

/// A generator of `reseau.generators`: its keyword arguments read into the core's request
/// (named errors for every value, an integer out of range included), the network generated
/// with the GIL released.
macro_rules! generator {
    ($(#[$doc:meta])* $name:ident($request:ty)) => {
        generator! { $(#[$doc])* $name($request).generate }
    };
    ($(#[$doc:meta])* $name:ident($request:ty).$method:ident) => {
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = (**kwargs))]
        pub(crate) fn $name(
            py: Python<'_>,
            kwargs: Option<&Bound<'_, PyDict>>,
        ) -> PyResult<PyNetwork> {
            let function = concat!("generators.", stringify!($name));
            let request: $request = Args::new(py, function, kwargs)?.request()?;
            Ok(py.detach(|| request.$method()).map_err(err)?.into())
        }
    };
}

generator! {
    /// An Erdős–Rényi random network G(n, p): ``n`` unlabelled people, each pair tied with
    /// probability p = ``mean_degree`` / (n - 1), in one undirected physical layer ``"ties"``.
    ///
    /// >>> import reseau
    /// >>> er = reseau.generators.erdos_renyi(n=1000, mean_degree=4.0, seed=1)
    /// >>> er.num_people, 1500 < er.num_ties < 2500
    /// (1000, True)
    /// >>> er.to_json() == reseau.generators.erdos_renyi(n=1000, mean_degree=4.0, seed=1).to_json()
    /// True
    erdos_renyi(ErdosRenyiRequest)
}

generator! {
    /// A Barabási–Albert preferential-attachment network: ``n`` people, each newcomer tied to
    /// ``m`` existing people (heavy-tailed degrees).
    ///
    /// >>> import reseau
    /// >>> ba = reseau.generators.barabasi_albert(n=500, m=2, seed=1)
    /// >>> ba.num_people, int(ba.degrees().max()) > 10
    /// (500, True)
    barabasi_albert(BarabasiAlbertRequest)
}

generator! {
    /// The same network as ``barabasi_albert`` (same arguments, same seed), built straight as
    /// its compiled view and never as the editable network: for graphs of 10^8 directed ties
    /// (about 3 GB instead of about 16). The network stays frozen (``is_frozen``) until edited
    /// or asked about its people or ties; counts and every analysis need no more.
    ///
    /// >>> import reseau
    /// >>> big = reseau.generators.barabasi_albert_compiled(n=500, m=2, seed=1)
    /// >>> big.is_frozen, big.num_ties == reseau.generators.barabasi_albert(n=500, m=2, seed=1).num_ties
    /// (True, True)
    barabasi_albert_compiled(BarabasiAlbertRequest).generate_compiled
}

generator! {
    /// A Watts–Strogatz small world: a ring of ``n`` people each tied to its ``k`` nearest
    /// neighbours, each tie rewired with probability ``beta``.
    ///
    /// >>> import reseau
    /// >>> ws = reseau.generators.watts_strogatz(n=100, k=4, beta=0.1, seed=1)
    /// >>> ws.num_people, ws.num_ties
    /// (100, 200)
    watts_strogatz(WattsStrogatzRequest)
}

generator! {
    /// Kleinberg's small world: a ``side`` × ``side`` lattice where each person is tied to their
    /// lattice neighbours and to ``long_range`` distant people chosen with probability
    /// proportional to distance**-``r``, in one directed physical layer ``"ties"``. Each person
    /// is labelled ``"x,y"`` and their ``position`` holds their coordinates, for routing that
    /// knows geography.
    ///
    /// >>> import reseau
    /// >>> lattice = reseau.generators.kleinberg(side=10, r=2.0, seed=1)
    /// >>> lattice.num_people, lattice.person(11)["position"]
    /// (100, [1.0, 1.0])
    kleinberg(KleinbergRequest)
}

generator! {
    /// A stochastic block model: groups of the given ``sizes``, and a tie between a person of
    /// group i and one of group j with probability ``probabilities[i][j]`` (a symmetric matrix).
    /// Each person's group is ``"B0"``, ``"B1"``... after their block.
    ///
    /// >>> import reseau
    /// >>> sbm = reseau.generators.stochastic_block(sizes=[20, 30], probabilities=[[0.5, 0.01], [0.01, 0.4]], seed=1)
    /// >>> sbm.num_people, sorted(len(m) for m in sbm.groups().values())
    /// (50, [20, 30])
    stochastic_block(StochasticBlockRequest)
}

/// A multiplex professional network: a clustered physical layer inside groups (teams,
/// companies) plus digital layers with heavy-tailed degrees and a tunable overlap with the
/// physical layer.
///
/// Keyword arguments (all optional): ``people`` (1000), ``group_size`` (20 people per group),
/// ``group_prefix`` (``"team"``: groups ``team-0``, ``team-1``...), ``physical_layer``
/// (``"office"``), ``physical_mean_degree`` (6), ``within_group`` (0.9, the share of physical
/// ties inside a group), ``digital_layers`` (``["linkedin"]``), ``digital_mean_degree`` (10),
/// ``exponent`` (2.5, of the power law of digital activity), ``overlap`` (0.3, the share of
/// digital ties that copy a physical tie), ``influencers`` (0.01, the share of people marked
/// ``"influencer"``: the most connected online), ``influencer_cost`` (10), and ``lobbies``
/// (0: organisations added after everyone, each tied to ``lobby_ties`` (10) well-connected
/// people on the shadow layer ``lobby_layer``, ``"lobbying"``).
///
/// >>> import reseau
/// >>> pro = reseau.generators.professional(seed=1)
/// >>> pro.num_layers >= 2, {l.kind for l in pro.layers} == {"physical", "digital"}
/// (True, True)
/// >>> lobbied = reseau.generators.professional(people=200, lobbies=2, seed=1)
/// >>> lobbied.num_people, lobbied.layer("lobbying").shadow, lobbied.num_shadow_ties
/// (202, True, 20)
#[pyfunction]
#[pyo3(signature = (**options))]
pub(crate) fn professional(
    py: Python<'_>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyNetwork> {
    let args = Args::new(py, "generators.professional", options)?;
    let seed = match args.take("seed")? {
        Some(seed) => from_py(&seed, "seed", "generators.professional")?,
        None => 0,
    };
    let options: ProfessionalOptions = args.request()?;
    Ok(py.detach(|| generators::professional(&options, seed)).map_err(err)?.into())
}

/// The Aarhus CS multiplex shipped inside the library: 61 employees of the Department of
/// Computer Science at Aarhus University, 620 ties in 5 layers (lunch, facebook, coauthor,
/// leisure, work; facebook is ``digital``), each person's research ``group`` and their
/// ``role`` attribute. Magnani, Micenková and Rossi, "Combinatorial analysis of multiple
/// networks", arXiv:1303.4986 (2013).
///
/// >>> import reseau
/// >>> aucs = reseau.datasets.aarhus_cs()
/// >>> aucs
/// <reseau.Network: 61 people, 620 ties, 5 layers (4 physical, 1 digital)>
/// >>> aucs.num_ties_in("lunch"), aucs.layer("facebook").kind
/// (193, 'digital')
#[pyfunction]
pub(crate) fn aarhus_cs(py: Python<'_>) -> PyNetwork {
    py.detach(reseau::datasets::aarhus_cs).into()
}
