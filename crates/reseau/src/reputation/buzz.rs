//! E-reputation under buzz: how a person or an organisation is seen once good and bad buzz
//! have spread, beside the centrality scores that say how visible they are.
//!
//! The score of a subject (one person, or the members of an organisation) is the net view of
//! its audience, each member of the audience weighted by their own centrality:
//!
//! score = Σ_v w_v (P_good(v) − P_bad(v)) / Σ_v w_v,
//!
//! over the audience v (by default the people with a tie to or from the subject, in any
//! layer, the subject's own members left out), where P_good(v) and P_bad(v) are the
//! probabilities that v ends up holding the good or the bad view (the buzz's
//! [`CascadeSummary`]), and w_v a centrality score of v ([`Score`], PageRank by default). Why
//! weighted: a view held by a central person is heard by more people and carries further, the
//! very reason the centrality scores measure reputation; why the audience: what the subject's
//! own contacts came to think is what reaches them, not a view across the whole network (which
//! `audience: everyone` gives all the same). The score lies in [−1, 1]: 1 when the whole
//! audience holds the good view, −1 when it all holds the bad view, 0 with no audience.

use serde::{Deserialize, Serialize};

use crate::cascade::{CascadeSummary, SimulateRequest, simulate_with};
use crate::compiled::CompiledNetwork;
use crate::control::Control;
use crate::error::{Error, Result};
use crate::model::PersonRef;
use crate::reputation::{ReputationRequest, Score, score_with};

/// Whose views make a subject's e-reputation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// The people with a tie to or from the subject, in any layer (the default).
    #[default]
    Ties,
    /// Everyone outside the subject.
    Everyone,
}

/// What [`e_reputation`] is asked: whose e-reputation, under what buzz, weighted how.
///
/// ```
/// use reseau::reputation::EReputationRequest;
/// let request: EReputationRequest = serde_json::from_str(
///     r#"{"people": ["U102", "U139"], "buzz": {"seeds": "U4", "bad_seeds": "U1", "good_start": 2, "runs": 200}}"#,
/// )?;
/// assert_eq!((request.people.len(), request.buzz.good_start), (2, 2));
/// assert!(request.validate().is_ok());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct EReputationRequest {
    /// The subject: one person, or an organisation's members (ids or labels).
    #[serde(deserialize_with = "crate::model::people::deserialize")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::people"))]
    pub people: Vec<PersonRef>,
    /// The good and bad buzz: their seeds, starts, model, runs and seed.
    pub buzz: SimulateRequest,
    /// The centrality that weighs each view (default PageRank, with
    /// [`ReputationRequest`]'s defaults); `None`: every view weighs the same.
    pub weight: Option<Score>,
    /// Whose views count (default: the subject's ties).
    pub audience: Audience,
}

impl Default for EReputationRequest {
    fn default() -> Self {
        EReputationRequest {
            people: Vec::new(),
            buzz: SimulateRequest::default(),
            weight: Some(Score::Pagerank),
            audience: Audience::Ties,
        }
    }
}

impl EReputationRequest {
    /// The defaults for this subject under this buzz.
    ///
    /// ```
    /// use reseau::cascade::SimulateRequest;
    /// use reseau::reputation::EReputationRequest;
    /// let request = EReputationRequest::new(["U102"], SimulateRequest::new(["U4"]).bad_seeds(["U1"]));
    /// assert_eq!(request.people.len(), 1);
    /// ```
    pub fn new<P: Into<PersonRef>>(
        people: impl IntoIterator<Item = P>,
        buzz: SimulateRequest,
    ) -> Self {
        EReputationRequest {
            people: people.into_iter().map(Into::into).collect(),
            buzz,
            ..EReputationRequest::default()
        }
    }

    /// Checks what does not depend on a network: a subject, and the buzz's request.
    ///
    /// ```
    /// use reseau::cascade::SimulateRequest;
    /// use reseau::reputation::EReputationRequest;
    /// let none = EReputationRequest::new(Vec::<u32>::new(), SimulateRequest::new([0]));
    /// assert_eq!(none.validate().unwrap_err().to_string(),
    ///            "invalid people: [] (expected at least one person: the subject)");
    /// ```
    pub fn validate(&self) -> Result<()> {
        if self.people.is_empty() {
            return Err(Error::invalid("people", "[]", "at least one person: the subject"));
        }
        self.buzz.validate()
    }
}

/// A subject's e-reputation under buzz (see [`e_reputation`] for the definition).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EReputation {
    /// Σ w (P_good − P_bad) / Σ w over the audience, in [−1, 1] (0 with no audience or no
    /// weight): `good − bad`.
    pub score: f64,
    /// The weighted share of the audience that ends up holding the good view.
    pub good: f64,
    /// The weighted share of the audience that ends up holding the bad view.
    pub bad: f64,
    /// The number of people in the audience.
    pub audience: u64,
    /// The subject's own centrality, the sum of its members' weights (their number when
    /// `weight` is `None`): how visible it is, beside how it is seen.
    pub centrality: f64,
    /// The buzz's summary (e-reputation over time in its `opinion`).
    pub buzz: CascadeSummary,
}

/// The e-reputation of `request.people` under the buzz `request.buzz`: the net view of the
/// subject's audience, each view weighted by the centrality of whoever holds it,
///
/// score = Σ_v w_v (P_good(v) − P_bad(v)) / Σ_v w_v,
///
/// over the audience v (`request.audience`: the people with a tie to or from the subject in
/// any layer, its members left out; or everyone outside it), P_good(v) and P_bad(v) the
/// probabilities that v ends up holding each view ([`CascadeSummary`]'s per-valence
/// activation), w_v the centrality `request.weight` ([`Score`], PageRank by default; `None`:
/// 1 each). A view held by a central person is heard by more people and carries further, the
/// reason centrality measures reputation; the audience is whose view reaches the subject. The
/// score lies in [−1, 1], 0 with no audience.
///
/// ```
/// use reseau::{Layer, Network, PersonId};
/// use reseau::cascade::{Model, SimulateRequest};
/// use reseau::reputation::{EReputationRequest, Score, e_reputation};
/// // Person 0 is tied to 1 and 2; 2 is tied to 3 as well. Nothing spreads (p = 0): 1 holds
/// // the good view, 2 and 3 the bad one.
/// let mut net = Network::new();
/// net.add_layer(Layer::digital("chat"))?;
/// net.add_people(4)?;
/// for (a, b) in [(0, 1), (0, 2), (2, 3)] {
///     net.add_tie(PersonId(a), PersonId(b), "chat", 1.0)?;
/// }
/// let buzz = SimulateRequest::new([1]).bad_seeds([2, 3]).model(Model::independent_cascade(0.0)).runs(10);
/// let request = EReputationRequest { weight: Some(Score::Degree), ..EReputationRequest::new([0], buzz) };
/// let rep = e_reputation(&net.compile(), &request)?;
/// // The audience is 1 (degree 1, good) and 2 (degree 2, bad): (1 − 2) / 3.
/// assert_eq!((rep.audience, rep.good, rep.bad), (2, 1.0 / 3.0, 2.0 / 3.0));
/// assert!((rep.score + 1.0 / 3.0).abs() < 1e-15);
/// assert_eq!(rep.centrality, 2.0); // person 0's degree
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn e_reputation(net: &CompiledNetwork, request: &EReputationRequest) -> Result<EReputation> {
    e_reputation_with(net, request, &Control::none())
}

/// [`e_reputation`], watched and stoppable through `control` (the buzz's simulation reports
/// its runs, then the weight its samples, as [`simulate_with`] and
/// [`score_with`](super::score_with) do).
///
/// ```
/// use reseau::cascade::SimulateRequest;
/// use reseau::control::Control;
/// use reseau::reputation::{EReputationRequest, e_reputation, e_reputation_with};
/// let net = reseau::datasets::aarhus_cs().compile();
/// let request = EReputationRequest::new(["U102"], SimulateRequest::new(["U4"]).bad_seeds(["U1"]).runs(100));
/// let quiet = |_: u64, _: u64| true;
/// assert_eq!(e_reputation_with(&net, &request, &Control::new(&quiet))?, e_reputation(&net, &request)?);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn e_reputation_with(
    net: &CompiledNetwork,
    request: &EReputationRequest,
    control: &Control<'_>,
) -> Result<EReputation> {
    request.validate()?;
    let members = net.resolve_all(&request.people)?;
    let n = net.num_people();
    let mut member = vec![false; n];
    for &m in &members {
        member[m as usize] = true;
    }
    let buzz = simulate_with(net, &request.buzz, control)?;
    let weights = match request.weight {
        Some(method) => score_with(net, &ReputationRequest::score(method), control)?,
        None => vec![1.0; n],
    };
    let heard = audience(net, &member, request.audience);
    let (mut total, mut good, mut bad, mut count) = (0.0, 0.0, 0.0, 0u64);
    for v in (0..n).filter(|&v| heard[v]) {
        let w = weights[v];
        total += w;
        good += w * buzz.good.activation[v];
        bad += w * buzz.bad.activation[v];
        count += 1;
    }
    let (good, bad) = if total > 0.0 { (good / total, bad / total) } else { (0.0, 0.0) };
    let centrality = members.iter().map(|&m| weights[m as usize]).sum();
    Ok(EReputation { score: good - bad, good, bad, audience: count, centrality, buzz })
}

/// Who is in the audience of the subject `member` marks.
fn audience(net: &CompiledNetwork, member: &[bool], who: Audience) -> Vec<bool> {
    if who == Audience::Everyone {
        return member.iter().map(|&m| !m).collect();
    }
    let mut heard = vec![false; member.len()];
    for layer in net.layers() {
        for u in 0..member.len() {
            for &v in &layer.targets()[layer.range(u as u32)] {
                if member[u] && !member[v as usize] {
                    heard[v as usize] = true;
                } else if member[v as usize] && !member[u] {
                    heard[u] = true;
                }
            }
        }
    }
    heard
}
