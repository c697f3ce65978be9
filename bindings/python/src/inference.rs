//! `reseau.fit_cascade`, `reseau.shuffle_test` and `reseau.infer_shadow`: the core's
//! `inference` entry points, their keyword arguments read into the core's requests. They run
//! on a snapshot of the network (the core reads the editable network, not its compiled view).

use pyo3::prelude::*;
use pyo3::types::PyDict;
use reseau::inference::{self, FitRequest, ShadowRequest, ShuffleRequest};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::args::Args;
use crate::control::watched;
use crate::network::PyNetwork;
use crate::objects::{python_side, result};

/// Runs `work` on a copy of `net` with the request read from `adoptions` and `kwargs`; the
/// result as an object of `reseau._results.<class>`.
fn run<'py, R, T>(
    py: Python<'py>,
    net: PyRef<'py, PyNetwork>,
    function: &'static str,
    adoptions: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyDict>>,
    class: &str,
    work: impl FnOnce(&reseau::Network, &R, &reseau::control::Control<'_>) -> reseau::Result<T> + Send,
) -> PyResult<Bound<'py, PyAny>>
where
    R: DeserializeOwned + Sync,
    T: Serialize + Send,
{
    // A copy taken first, with the GIL held, and the borrow ended: the Python code below
    // (and the call) may let another thread run, which may change the network.
    let copy = net.inner.clone();
    drop(net);
    // The shapes Python holds adoptions in (a dict by id, a DataFrame) as the core's.
    let adoptions = python_side(py, "reseau._adoptions", "as_core", (adoptions,))?;
    let args = Args::new(py, function, kwargs)?.with("adoptions", Some(&adoptions))?;
    let progress = args.take("progress")?;
    let request: R = args.request()?;
    let out = watched(py, progress.as_ref(), function, |c| work(&copy, &request, c))?;
    result(py, class, &out, None)
}

/// Defines `reseau.<name>(net, <data>, **kwargs)` with its docstring: [`run`] with the
/// core's request and call.
macro_rules! entry_point {
    ($(#[$doc:meta])* $name:ident($data:ident): $request:ty => $call:path, $class:literal) => {
        $(#[$doc])*
        #[pyfunction]
        #[pyo3(signature = (net, $data, **kwargs))]
        pub(crate) fn $name<'py>(
            py: Python<'py>,
            net: PyRef<'py, PyNetwork>,
            $data: &Bound<'py, PyAny>,
            kwargs: Option<&Bound<'py, PyDict>>,
        ) -> PyResult<Bound<'py, PyAny>> {
            let name = stringify!($name);
            run(py, net, name, $data, kwargs, $class, |net, r: &$request, c| $call(net, r, c))
        }
    };
}

entry_point! {
/// Fits, by maximum likelihood, the probability that an exposure through each layer
/// convinces, and an external hazard per step (adoption explained by no visible tie: media,
/// marketing, the shadow), to observed adoptions. See ``docs/inference.md``.
///
/// ``adoptions`` is a dict person → step (ids or labels; ``None``: status unknown) for one
/// cascade, a list of such dicts (one per cascade), a list of rows ``{"person", "time",
/// "cascade"}`` (as :func:`read_adoptions` gives), or a pandas ``DataFrame`` with columns
/// ``person``, ``time`` and optionally ``cascade``. Everyone absent from a cascade did not
/// adopt through ``horizon``. The keyword arguments are the core's ``FitRequest``
/// (``exposure="cascade"`` or ``"persistent"``, ``external``, ``horizon``, ``bootstrap``,
/// ``seed``, ...; their defaults are in the type stubs) and the binding's ``progress`` (see
/// :func:`simulate`).
///
/// Returns a :class:`CascadeFit`: ``probabilities``, ``ci95`` and ``layer_tests`` by layer,
/// ``external``, ``shadow_share``, ``log_likelihood``, ``aic`` and ``model``, an
/// :class:`IndependentCascade` with the fitted probabilities, ready for :func:`simulate`.
///
/// >>> import reseau
/// >>> net = reseau.Network()
/// >>> _ = net.add_layer("lunch")
/// >>> ana, bo, cy = (net.add_person(label=name) for name in ["ana", "bo", "cy"])
/// >>> _ = net.add_tie(ana, bo, "lunch")
/// >>> fit = reseau.fit_cascade(net, {"ana": 0, "bo": 1, "cy": 2}, horizon=3)
/// >>> fit.probabilities["lunch"] > 0.9, fit.external > 0, fit.ci95["lunch"][0] < fit.probabilities["lunch"]
/// (True, True, True)
/// >>> reseau.fit_cascade(net, {"nobody": 0})
/// Traceback (most recent call last):
///     ...
/// reseau.UnknownPersonError: unknown person "nobody"
fit_cascade(adoptions): FitRequest => inference::fit_with, "CascadeFit"
}

entry_point! {
/// The shuffle test (Anagnostopoulos, Kumar & Mahdian, KDD 2008): influence or homophily?
/// Refits with adoption times permuted among each cascade's adopters ``permutations`` times
/// and gives per layer the p-value that its estimated influence is no larger than under
/// shuffled times. ``adoptions`` as for :func:`fit_cascade`; the keyword arguments are the
/// core's ``ShuffleRequest`` (``permutations=200``, ``seed``, and the fit's) and
/// ``progress``. Permutation ``i`` draws from the stream ``(seed, i)``: the same result for
/// any number of threads.
///
/// >>> import reseau
/// >>> net = reseau.datasets.aarhus_cs()
/// >>> test = reseau.shuffle_test(net, {"U4": 0, "U1": 1, "U79": 2}, permutations=20)
/// >>> test.permutations, all(0 < p <= 1 for p in test.p_values.values() if p is not None)
/// (20, True)
shuffle_test(adoptions): ShuffleRequest => inference::shuffle_test_with, "ShuffleTest"
}

entry_point! {
/// Hidden-tie inference: fits the visible layers, scores every pair tied in no visible
/// layer by how much a tie between them would raise the likelihood, and returns the network
/// with the best ``candidates`` as a new directed layer (``layer="shadow"``, digital), each
/// with its score. ``cascades`` as ``adoptions`` for :func:`fit_cascade`; the keyword
/// arguments are the core's ``ShadowRequest`` and ``progress``. Deterministic.
///
/// >>> import reseau
/// >>> net = reseau.Network()
/// >>> _ = net.add_layer("lunch")
/// >>> _ = net.add_people(4)
/// >>> cascades = [{0: 0, 1: 1} for _ in range(6)] + [{2: 1}]
/// >>> found = reseau.infer_shadow(net, cascades, candidates=1)
/// >>> (found.ties[0]["source"], found.ties[0]["target"]), found.network.num_ties_in("shadow")
/// ((0, 1), 1)
infer_shadow(cascades): ShadowRequest => inference::infer_shadow_with, "ShadowInference"
}
