//! Learning from what really happened: which layer carries influence, and what acts in the
//! shadow, estimated from observed adoptions.
//!
//! The cascade model run backwards. Given a multiplex network and the steps at which people
//! adopted something (a product, an opinion, a job move, a retweet) in one or many
//! cascades, [`fit`] estimates by maximum likelihood the probability that an exposure
//! through each layer convinces, and an **external hazard** per step: adoption explained by
//! no visible tie (media, marketing, the shadow). Two exposure models
//! ([`Exposure`]): the independent cascade that [`simulate`](crate::cascade::simulate) runs
//! (an adopter has one chance per tie, one latency after adopting) and persistent exposure
//! (every adopted contact keeps pressing each step). The result ([`CascadeFit`]) carries
//! 95% profile-likelihood intervals, a likelihood-ratio test per layer, the **shadow
//! share** (the part of the adoptions the external hazard explains), AIC, identifiability
//! flags, and a ready [`Model`](crate::cascade::Model) for `simulate`, `select_relays` and
//! `balance`.
//!
//! [`shuffle_test`] asks whether a layer's estimate reflects influence or homophily
//! (adoption times permuted among adopters); [`infer_shadow`] ranks the pairs tied in no
//! visible layer by how much a tie between them would raise the likelihood and returns the
//! best as a new `shadow` layer.
//!
//! Observations ([`Adoptions`]): people by id or label ([`PersonRef`]), whole steps ≥ 0,
//! `None` for an unknown status (left out, never counted as a non-adopter); everyone absent
//! from a cascade is a non-adopter through the horizon. [`read_adoptions`] reads them from
//! CSV. The maths, the choices made and the validation are in `docs/inference.md`.
//!
//! ```
//! use reseau::inference::{Adoption, FitRequest, fit};
//! use reseau::{Layer, Network};
//!
//! // Ana tells Bo over lunch; Cy, tied to nobody, adopts on her own.
//! let mut net = Network::new();
//! net.add_layer(Layer::physical("lunch"))?;
//! let ana = net.add_person(reseau::Person::new().label("ana"))?;
//! let bo = net.add_person(reseau::Person::new().label("bo"))?;
//! net.add_person(reseau::Person::new().label("cy"))?;
//! net.add_tie(ana, bo, "lunch", 1.0)?;
//! let seen = vec![Adoption::new("ana", 0), Adoption::new("bo", 1), Adoption::new("cy", 2)];
//! let fitted = fit(&net, &FitRequest { horizon: Some(3), ..FitRequest::new(seen) })?;
//! let lunch = fitted.probabilities["lunch"].unwrap();
//! assert!(lunch > 0.9); // the one exposure worked
//! assert!(fitted.external.unwrap() > 0.0 && fitted.shadow_share > 0.0);
//! assert!(fitted.ci95["lunch"].unwrap()[0] < lunch);
//! # Ok::<(), reseau::Error>(())
//! ```

// The documentation writes maths (θ_i, k_l q_l, η) in its own notation, not code.
#![allow(clippy::doc_markdown)]

mod csv;
mod design;
mod estimate;
mod fatigue_fit;
mod newton;
mod observations;
mod prepare;
mod request;
mod result;
mod shadow;
mod shuffle;
mod tally;

pub use self::csv::{AdoptionsCsv, parse_adoptions, read_adoptions};
pub use observations::{Adoption, Adoptions, CascadeRef, MAX_STEP, PersonRef};
pub use request::{Exposure, FitRequest, ShadowRequest, ShuffleRequest, StepZero};
pub use result::{
    CascadeFit, DataSummary, ExternalEstimate, FittedFatigue, LayerEstimate, ShadowInference,
    ShadowTie, ShuffleLayer, ShuffleTest,
};
pub use shadow::with_shadow_layer;

/// The Rust code of `docs/inference.md`, run as doctests so that it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../../../docs/inference.md")]
struct InferenceDocDoctests;

use crate::control::Control;
use crate::error::Result;
use crate::model::Network;

/// Fits per-layer probabilities and an external hazard to observed adoptions by maximum
/// likelihood (see the [module](self) documentation and [`FitRequest`]).
///
/// Errors: [`UnknownPerson`](crate::Error::UnknownPerson) for an adoption by someone the
/// network lacks, [`UnknownLayer`](crate::Error::UnknownLayer) for a layer named in the
/// request that it lacks, and [`InvalidParameter`](crate::Error::InvalidParameter) for a
/// time that is negative, NaN or not whole, a horizon before an observed time, no adoption
/// at all, an empty network, a person listed twice in a cascade, adoptions that only an
/// external hazard could explain when it is switched off, or a bootstrap with one cascade.
///
/// ```
/// use reseau::inference::{Adoption, FitRequest, fit};
/// let net = reseau::datasets::aarhus_cs();
/// let seen = vec![Adoption::new("U4", 0), Adoption::new("U1", 1)];
/// let fitted = fit(&net, &FitRequest::new(seen))?;
/// assert_eq!(fitted.layers.len(), 5);
/// // A layer through which nobody at risk was ever exposed cannot be estimated: None, not NaN.
/// assert!(fitted.layers.iter().any(|l| !l.identifiable && l.probability.is_none()));
/// let err = fit(&net, &FitRequest::new(vec![Adoption::new("nobody", 0)])).unwrap_err();
/// assert_eq!(err.kind(), "UnknownPersonError");
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn fit(net: &Network, request: &FitRequest) -> Result<CascadeFit> {
    fit_with(net, request, &Control::none())
}

/// [`fit`], watched and stoppable through `control` (progress counts the profile intervals
/// and bootstrap replicates done). When not stopped the result is exactly [`fit`]'s.
///
/// ```
/// use reseau::control::Control;
/// use reseau::inference::{Adoption, FitRequest, fit, fit_with};
/// let net = reseau::datasets::aarhus_cs();
/// let request = FitRequest::new(vec![Adoption::new("U4", 0), Adoption::new("U1", 1)]);
/// let stop = |_done: u64, _total: u64| false;
/// assert_eq!(fit_with(&net, &request, &Control::new(&stop)).unwrap_err().kind(), "CancelledError");
/// assert_eq!(fit_with(&net, &request, &Control::none())?, fit(&net, &request)?);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn fit_with(net: &Network, request: &FitRequest, control: &Control<'_>) -> Result<CascadeFit> {
    request.validate()?;
    let prep = estimate::Prepared::new(net, &request.spec())?;
    Ok(estimate::fit_prepared(&prep, request, control)?.0)
}

/// The shuffle test: refits with adoption times permuted among each cascade's adopters,
/// `permutations` times, and reports per layer the p-value that its estimated influence is
/// no larger than under shuffled times (Anagnostopoulos, Kumar & Mahdian, KDD 2008).
/// Permutation `i` draws from the stream `(seed, i)` and permutations run in parallel, so
/// the result is the same for any number of threads.
///
/// ```
/// use reseau::inference::{Adoption, ShuffleRequest, shuffle_test};
/// let net = reseau::datasets::aarhus_cs();
/// let seen = vec![Adoption::new("U4", 0), Adoption::new("U1", 1), Adoption::new("U79", 2)];
/// let test = shuffle_test(&net, &ShuffleRequest { permutations: 20, ..ShuffleRequest::new(seen) })?;
/// assert_eq!(test.permutations, 20);
/// assert!(test.layers.iter().filter_map(|l| l.p_value).all(|p| p > 0.0 && p <= 1.0));
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn shuffle_test(net: &Network, request: &ShuffleRequest) -> Result<ShuffleTest> {
    shuffle_test_with(net, request, &Control::none())
}

/// [`shuffle_test`], watched and stoppable through `control` (progress counts the
/// permutations). When not stopped the result is exactly [`shuffle_test`]'s.
///
/// ```
/// use reseau::control::Control;
/// use reseau::inference::{Adoption, ShuffleRequest, shuffle_test_with};
/// let net = reseau::datasets::aarhus_cs();
/// let request = ShuffleRequest { permutations: 50, ..ShuffleRequest::new(vec![Adoption::new("U4", 0)]) };
/// let stop = |done: u64, _total: u64| done < 10;
/// assert!(shuffle_test_with(&net, &request, &Control::new(&stop)).is_err());
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn shuffle_test_with(
    net: &Network,
    request: &ShuffleRequest,
    control: &Control<'_>,
) -> Result<ShuffleTest> {
    shuffle::run(net, request, control)
}

/// Hidden-tie inference: fits the visible layers, scores every pair tied in no visible
/// layer (in the direction of influence) where the target adopted right after the source,
/// by the gain in log-likelihood a tie between them would bring, and returns the network
/// with the best `candidates` as a new directed layer (default `shadow`, digital), each with
/// its score and its own probability. Deterministic: no randomness is involved.
///
/// ```
/// use reseau::inference::{Adoption, ShadowRequest, infer_shadow};
/// use reseau::{Layer, Network};
/// let mut net = Network::new();
/// net.add_layer(Layer::physical("lunch"))?;
/// net.add_people(4)?;
/// // 1 follows 0 one step later, again and again, with no visible tie between them.
/// let mut seen = Vec::new();
/// for c in 0..6 {
///     seen.push(Adoption::new(0, 0).in_cascade(c));
///     seen.push(Adoption::new(1, 1).in_cascade(c));
/// }
/// seen.push(Adoption::new(2, 1).in_cascade(0));
/// let found = infer_shadow(&net, &ShadowRequest { candidates: 1, ..ShadowRequest::new(seen) })?;
/// assert_eq!((found.ties[0].source, found.ties[0].target), (0, 1));
/// assert_eq!(found.network.num_ties_in("shadow")?, 1);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn infer_shadow(net: &Network, request: &ShadowRequest) -> Result<ShadowInference> {
    infer_shadow_with(net, request, &Control::none())
}

/// [`infer_shadow`], watched and stoppable through `control` (progress counts the cascades
/// read, by blocks of 1,024). When not stopped the result is exactly [`infer_shadow`]'s.
///
/// ```
/// use reseau::control::Control;
/// use reseau::inference::{Adoption, ShadowRequest, infer_shadow, infer_shadow_with};
/// let net = reseau::datasets::aarhus_cs();
/// let request = ShadowRequest::new(vec![Adoption::new("U4", 0), Adoption::new("U1", 1)]);
/// assert_eq!(infer_shadow_with(&net, &request, &Control::none())?, infer_shadow(&net, &request)?);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn infer_shadow_with(
    net: &Network,
    request: &ShadowRequest,
    control: &Control<'_>,
) -> Result<ShadowInference> {
    shadow::run(net, request, control)
}
