//! The multiplex professional-network generator.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::{bernoulli_pairs, check_mean_degree, check_memory, check_people, check_ties};
use crate::error::{check_non_negative, check_probability};
use crate::rng::Stream;
use crate::{Error, Layer, LayerId, Network, Person, PersonId, PersonKind, Result};

/// The settings of [`professional`]: serde-ready (the Python keyword arguments and the JS
/// options object are this struct), every field optional with the default shown.
///
/// ```
/// use reseau::generators::ProfessionalOptions;
/// let options: ProfessionalOptions =
///     serde_json::from_str(r#"{"people": 500, "digital_layers": ["linkedin", "twitter"]}"#)?;
/// assert_eq!(options.people, 500);
/// assert_eq!(options.group_size, ProfessionalOptions::default().group_size);
/// assert!(serde_json::from_str::<ProfessionalOptions>(r#"{"peeple": 5}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ProfessionalOptions {
    /// How many people. Default 1000.
    pub people: usize,
    /// People per group: person i belongs to group i / `group_size`, so groups are full except
    /// perhaps the last. At least 1. Default 20.
    pub group_size: usize,
    /// Group names are `"{group_prefix}-{index}"`: `"team-0"`, `"team-1"`, … Default `"team"`.
    pub group_prefix: String,
    /// The physical layer's name. Default `"office"`.
    pub physical_layer: String,
    /// Expected mean degree of the physical layer, in [0, people − 1] and within what the
    /// groups allow (see [`validate`](Self::validate)). Default 6.
    pub physical_mean_degree: f64,
    /// Expected share of the physical ties that join two people of the same group, in [0, 1].
    /// Default 0.9.
    pub within_group: f64,
    /// The digital layers' names, possibly none. Default `["linkedin"]`.
    pub digital_layers: Vec<String>,
    /// Target mean degree of each digital layer, in [0, people − 1] (reached approximately:
    /// the Chung–Lu part loses a few ties to probabilities capped at 1, more in small
    /// networks). Default 10.
    pub digital_mean_degree: f64,
    /// Exponent γ of the power law P(w) ∝ w^(−γ) of people's digital activity, which is
    /// their expected digital degree; > 2 so that the mean exists. Default 2.5.
    pub exponent: f64,
    /// The fraction of each digital layer's ties that copy a physical tie, in [0, 1]; at most
    /// `physical_mean_degree / digital_mean_degree`, as there are only so many physical ties to
    /// copy. Default 0.3.
    pub overlap: f64,
    /// The share of people, in [0, 1], marked [`PersonKind::Influencer`]: those with the most
    /// digital ties. Default 0.01.
    pub influencers: f64,
    /// The cost of enlisting an influencer; everyone else costs 1. Default 10.
    pub influencer_cost: f64,
    /// How many lobbies to add: people of kind [`PersonKind::Organization`], after everyone
    /// else, whose ties sit on a shadow layer (`lobby_layer`). Default 0: no lobby and no
    /// shadow layer.
    pub lobbies: usize,
    /// The people each lobby is tied to, from 1 to `people`, drawn without replacement with
    /// chances in proportion to their ties plus one (lobbies court the well connected).
    /// Default 10.
    pub lobby_ties: usize,
    /// The lobbies' layer: physical, undirected and a shadow layer, present only when there
    /// are lobbies. Default `"lobbying"`.
    pub lobby_layer: String,
}

impl Default for ProfessionalOptions {
    fn default() -> Self {
        ProfessionalOptions {
            people: 1_000,
            group_size: 20,
            group_prefix: "team".to_owned(),
            physical_layer: "office".to_owned(),
            physical_mean_degree: 6.0,
            within_group: 0.9,
            digital_layers: vec!["linkedin".to_owned()],
            digital_mean_degree: 10.0,
            exponent: 2.5,
            overlap: 0.3,
            influencers: 0.01,
            influencer_cost: 10.0,
            lobbies: 0,
            lobby_ties: 10,
            lobby_layer: "lobbying".to_owned(),
        }
    }
}

impl ProfessionalOptions {
    /// Checks every field, and that they fit together: the within-group and across-group
    /// tie probabilities they imply are at most 1, and the layer names are distinct.
    ///
    /// ```
    /// use reseau::generators::ProfessionalOptions;
    /// assert!(ProfessionalOptions::default().validate().is_ok());
    /// let bad = ProfessionalOptions { overlap: 1.5, ..Default::default() };
    /// assert_eq!(bad.validate().unwrap_err().kind(), "InvalidParameterError");
    /// // 18 within-group ties each in groups of 5 is impossible.
    /// let dense = ProfessionalOptions { group_size: 5, physical_mean_degree: 20.0, ..Default::default() };
    /// assert!(dense.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<()> {
        check_people("people", self.people)?;
        if self.group_size == 0 {
            return Err(Error::invalid("group_size", 0, "an integer >= 1"));
        }
        let n = self.people;
        check_mean_degree("physical_mean_degree", self.physical_mean_degree, n)?;
        check_probability(|| "within_group".to_owned(), self.within_group)?;
        check_mean_degree("digital_mean_degree", self.digital_mean_degree, n)?;
        let layers = self.digital_layers.len() as f64;
        let ties = n as f64 * (self.physical_mean_degree + layers * self.digital_mean_degree) / 2.0;
        check_ties("people", n, ties)?;
        if !(self.exponent.is_finite() && self.exponent > 2.0) {
            return Err(Error::invalid("exponent", self.exponent, "a finite number > 2"));
        }
        check_probability(|| "overlap".to_owned(), self.overlap)?;
        if self.overlap * self.digital_mean_degree > self.physical_mean_degree {
            return Err(Error::invalid(
                "overlap",
                self.overlap,
                format!(
                    "at most physical_mean_degree / digital_mean_degree = {} (too few physical \
                     ties to copy)",
                    crate::error::float(self.physical_mean_degree / self.digital_mean_degree)
                ),
            ));
        }
        check_probability(|| "influencers".to_owned(), self.influencers)?;
        check_non_negative(|| "influencer_cost".to_owned(), self.influencer_cost)?;
        let mut names: Vec<&str> = vec![&self.physical_layer];
        for name in std::iter::once(&self.physical_layer).chain(&self.digital_layers) {
            if name.is_empty() {
                return Err(Error::invalid("layer name", "\"\"", "a non-empty name"));
            }
        }
        for name in &self.digital_layers {
            if names.contains(&name.as_str()) {
                return Err(Error::DuplicateLayer { name: name.clone() });
            }
            names.push(name);
        }
        if self.lobbies > 0 {
            check_people("people and lobbies", n.saturating_add(self.lobbies))?;
            if self.lobby_ties == 0 || self.lobby_ties > n {
                return Err(Error::invalid(
                    "lobby_ties",
                    self.lobby_ties,
                    format!("an integer from 1 to people ({n})"),
                ));
            }
            if self.lobby_layer.is_empty() {
                return Err(Error::invalid("layer name", "\"\"", "a non-empty name"));
            }
            if names.contains(&self.lobby_layer.as_str()) {
                return Err(Error::DuplicateLayer { name: self.lobby_layer.clone() });
            }
        }
        let (p_in, p_out) = self.physical_probabilities();
        // A hair of tolerance: an exactly feasible request (a complete layer) may round above 1.
        if p_in > 1.0 + 1e-9 || p_out > 1.0 + 1e-9 {
            let max = self.max_physical_mean_degree();
            return Err(Error::invalid(
                "physical_mean_degree",
                self.physical_mean_degree,
                format!(
                    "at most {max:.3} with group_size {} and within_group {}",
                    self.group_size, self.within_group
                ),
            ));
        }
        Ok(())
    }

    /// The number of pairs of people in the same group and in different groups.
    fn pairs(&self) -> (f64, f64) {
        let (n, g) = (self.people as f64, self.group_size as f64);
        let full = (self.people / self.group_size) as f64;
        let rest = (self.people % self.group_size) as f64;
        let within = full * g * (g - 1.0) / 2.0 + rest * (rest - 1.0) / 2.0;
        (within, n * (n - 1.0) / 2.0 - within)
    }

    /// The within-group and across-group tie probabilities giving the expected mean degree and
    /// within-group share asked for.
    fn physical_probabilities(&self) -> (f64, f64) {
        let ties = self.people as f64 * self.physical_mean_degree / 2.0;
        let (within, across) = self.pairs();
        let p = |share: f64, pairs: f64| {
            let expected = share * ties;
            if expected <= 0.0 {
                0.0
            } else if pairs > 0.0 {
                expected / pairs
            } else {
                f64::INFINITY
            }
        };
        (p(self.within_group, within), p(1.0 - self.within_group, across))
    }

    /// [`ProfessionalOptions::physical_probabilities`] for sampling, once validated.
    fn sampling_probabilities(&self) -> (f64, f64) {
        let (p_in, p_out) = self.physical_probabilities();
        (p_in.min(1.0), p_out.min(1.0))
    }

    /// The largest physical mean degree the groups allow, for error messages.
    fn max_physical_mean_degree(&self) -> f64 {
        let (within, across) = self.pairs();
        let n = self.people as f64;
        let bound = |share: f64, pairs: f64| {
            if share > 0.0 { 2.0 * pairs / (n * share) } else { f64::INFINITY }
        };
        bound(self.within_group, within).min(bound(1.0 - self.within_group, across))
    }
}

/// A multiplex professional network: teams met in person, platforms online.
///
/// - **People** are split into groups of [`group_size`](ProfessionalOptions::group_size) by
///   id (person i is in group i / `group_size`), named `"team-0"`, `"team-1"`, … in
///   [`Person::group`]. No labels.
/// - **The physical layer** ([`physical_layer`](ProfessionalOptions::physical_layer),
///   `"office"`, undirected) is a planted partition: two people of the same group are tied
///   with probability `p_in`, of different groups with `p_out`, chosen so that the expected mean
///   degree is `physical_mean_degree` and the expected share of within-group ties is
///   `within_group`. Teams are dense (`p_in` ≈ 0.28 with the defaults), so the layer is
///   clustered.
/// - **Each digital layer** (undirected, kind digital) mixes two kinds of tie. *Fresh* ties
///   come from a Chung–Lu graph (pair (i, j) tied with probability min(1, wᵢwⱼ/Σw)) on the
///   people's digital *activity* w, drawn once from a power law of exponent `exponent`
///   (P(w) ∝ w^(−γ)) and shared by all digital layers, so the same people are hubs on every
///   platform; pairs already tied physically are skipped. *Copies* then reproduce physical ties
///   drawn uniformly, as many as make the fraction of the layer's ties that copy a physical
///   tie `overlap` (up to rounding). Expected mean degree: about `digital_mean_degree`.
/// - **Influencers:** the round(`influencers` × people) people with the most digital ties (all
///   layers together; ties broken by activity, then id) get [`PersonKind::Influencer`] and cost
///   `influencer_cost`; everyone else is a [`PersonKind::Person`] costing 1.
/// - **Lobbies** (`lobbies`, default none): people of kind [`PersonKind::Organization`] added
///   after everyone else (ids `people`, `people` + 1, …), each tied to `lobby_ties` people
///   drawn with chances in proportion to their ties plus one, on a physical **shadow** layer
///   (`lobby_layer`): part of every simulation, absent from
///   [`Network::observed`](crate::Network::observed). Each lobby draws from its own stream,
///   so the rest of the network is the same with or without them.
///
/// Each part draws from its own stream of the seed (physical layer, activity, each digital
/// layer), so adding a digital layer leaves the physical layer and the earlier digital layers
/// as they were. Time O(people + ties) (Chung–Lu by Miller & Hagberg 2011).
///
/// ```
/// use reseau::generators::{ProfessionalOptions, professional};
/// use reseau::{LayerKind, PersonKind};
/// let options = ProfessionalOptions { people: 400, ..Default::default() };
/// let net = professional(&options, 1)?;
/// assert_eq!(net.num_people(), 400);
/// assert_eq!(net.groups().len(), 20); // team-0 … team-19
/// assert_eq!(net.layers_of_kind(LayerKind::Digital).len(), 1);
/// let copied = net.overlap("office", "linkedin")? as f64 / net.num_ties_in("linkedin")? as f64;
/// assert!((copied - 0.3).abs() < 0.02);
/// let influencers = net.people().filter(|(_, p)| p.kind == PersonKind::Influencer).count();
/// assert_eq!(influencers, 4);
///
/// let lobbied = professional(&ProfessionalOptions { lobbies: 3, ..options }, 1)?;
/// assert_eq!((lobbied.num_people(), lobbied.num_ties_in("lobbying")?), (403, 30));
/// assert_eq!(lobbied.observed().num_ties(), net.num_ties());
/// assert_eq!(lobbied.person(reseau::PersonId(400))?.kind, PersonKind::Organization);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn professional(options: &ProfessionalOptions, seed: u64) -> Result<Network> {
    options.validate()?;
    let n = options.people;
    let layers = options.digital_layers.len() as f64;
    let mean_degree = options.physical_mean_degree + layers * options.digital_mean_degree;
    // Every person has a group (about 30 bytes more each than an unlabelled person).
    check_memory(n, n as f64 * mean_degree / 2.0 + n as f64 / 4.0)?;
    let size = options.group_size;
    let mut net = Network::new();
    let physical = net.add_layer(Layer::physical(&options.physical_layer))?;
    let digital: Vec<LayerId> = options
        .digital_layers
        .iter()
        .map(|name| net.add_layer(Layer::digital(name)))
        .collect::<Result<_>>()?;
    for group in 0..n.div_ceil(size) {
        let name = format!("{}-{group}", options.group_prefix);
        for _ in group * size..n.min((group + 1) * size) {
            net.add_person(Person::new().group(name.clone()))?;
        }
    }

    // Physical layer: within groups, then across (skipping same-group pairs, which the
    // first pass drew with p_in).
    let (p_in, p_out) = options.sampling_probabilities();
    let mut rng = Stream::new(seed, 0);
    let mut office: Vec<(u32, u32)> = Vec::new();
    for first in (0..n).step_by(size) {
        let members = size.min(n - first) as u64;
        bernoulli_pairs(&mut rng, members, p_in, |a, b| {
            office.push(((first as u64 + a) as u32, (first as u64 + b) as u32));
            Ok(())
        })?;
    }
    let group_of = |i: u64| i / size as u64;
    bernoulli_pairs(&mut rng, n as u64, p_out, |a, b| {
        if group_of(a) != group_of(b) {
            office.push((a as u32, b as u32));
        }
        Ok(())
    })?;
    for &(a, b) in &office {
        net.add_tie(PersonId(a), PersonId(b), physical, 1.0)?;
    }

    // Digital activity: Pareto with P(w > x) = x^(1 − γ) for x >= 1 (density ∝ w^(−γ)).
    let mut rng = Stream::new(seed, 1);
    let activity: Vec<f64> =
        (0..n).map(|_| (1.0 - rng.uniform()).powf(-1.0 / (options.exponent - 1.0))).collect();
    // Most active first, as Chung–Lu by geometric skipping requires.
    let mut by_activity: Vec<u32> = (0..n as u32).collect();
    by_activity
        .sort_by(|&a, &b| activity[b as usize].total_cmp(&activity[a as usize]).then(a.cmp(&b)));

    // Membership tests only: the set's iteration order never reaches the output.
    let key = |a: u32, b: u32| (u64::from(a.min(b)) << 32) | u64::from(a.max(b));
    let office_pairs: HashSet<u64> = office.iter().map(|&(a, b)| key(a, b)).collect();
    let mut digital_degree = vec![0u32; n];
    for (l, &layer) in digital.iter().enumerate() {
        let mut rng = Stream::new(seed, 2 + l as u64);
        let fresh = fresh_ties(&mut rng, options, &activity, &by_activity, |a, b| {
            !office_pairs.contains(&key(a, b))
        });
        let copies = if options.overlap < 1.0 {
            (fresh.len() as f64 * options.overlap / (1.0 - options.overlap)).round()
        } else {
            (n as f64 * options.digital_mean_degree / 2.0).round()
        };
        let copies = (copies as usize).min(office.len());
        // A uniform sample of the physical ties (partial Fisher–Yates), kept in their order.
        let mut pick: Vec<u32> = (0..office.len() as u32).collect();
        for i in 0..copies {
            let j = i + rng.below((office.len() - i) as u64) as usize;
            pick.swap(i, j);
        }
        let mut chosen = pick[..copies].to_vec();
        chosen.sort_unstable();
        let copied = chosen.iter().map(|&i| office[i as usize]);
        for (a, b) in copied.chain(fresh) {
            net.add_tie(PersonId(a), PersonId(b), layer, 1.0)?;
            digital_degree[a as usize] += 1;
            digital_degree[b as usize] += 1;
        }
    }

    let count = (options.influencers * n as f64).round() as usize;
    let mut ranking: Vec<u32> = (0..n as u32).collect();
    ranking.sort_by(|&a, &b| {
        let (a, b) = (a as usize, b as usize);
        digital_degree[b]
            .cmp(&digital_degree[a])
            .then(activity[b].total_cmp(&activity[a]))
            .then(a.cmp(&b))
    });
    for &p in &ranking[..count.min(n)] {
        net.set_kind(PersonId(p), PersonKind::Influencer)?;
        net.set_cost(PersonId(p), options.influencer_cost)?;
    }
    if options.lobbies > 0 {
        add_lobbies(&mut net, options, seed)?;
    }
    Ok(net)
}

/// The random stream of lobby `i`'s ties: this plus `i`, far from the layers' streams.
const LOBBY_STREAM: u64 = 0x6c6f_6262_7900_0000;

/// Adds the lobbies and their shadow layer: each lobby draws `lobby_ties` distinct people
/// with chances in proportion to their ties plus one (weighted sampling without replacement
/// by exponential keys, Efraimidis & Spirakis 2006: the largest ln(u) / w).
fn add_lobbies(net: &mut Network, options: &ProfessionalOptions, seed: u64) -> Result<()> {
    let n = options.people;
    let weights: Vec<f64> = net.degrees(None).iter().map(|&d| f64::from(d) + 1.0).collect();
    let layer = net.add_layer(Layer::physical(&options.lobby_layer).shadow(true))?;
    for i in 0..options.lobbies {
        let lobby = net.add_person(Person::new().kind(PersonKind::Organization))?;
        let mut rng = Stream::new(seed, LOBBY_STREAM + i as u64);
        let mut keys: Vec<(f64, u32)> =
            (0..n).map(|p| ((1.0 - rng.uniform()).ln() / weights[p], p as u32)).collect();
        keys.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut chosen: Vec<u32> = keys[..options.lobby_ties].iter().map(|k| k.1).collect();
        chosen.sort_unstable();
        for p in chosen {
            net.add_tie(lobby, PersonId(p), layer, 1.0)?;
        }
    }
    Ok(())
}

/// The Chung–Lu ties of one digital layer, with mean degree (1 − overlap) × the target, by the
/// algorithm of Miller & Hagberg (2011): for each person i in decreasing activity, skip
/// geometrically along the later people j with the current upper bound p of the probability,
/// then accept with q/p, q = the true probability; exact, O(n + ties).
fn fresh_ties(
    rng: &mut Stream,
    options: &ProfessionalOptions,
    activity: &[f64],
    by_activity: &[u32],
    allowed: impl Fn(u32, u32) -> bool,
) -> Vec<(u32, u32)> {
    let n = by_activity.len();
    let mean = (1.0 - options.overlap) * options.digital_mean_degree;
    let mut ties = Vec::new();
    if n < 2 || mean <= 0.0 {
        return ties;
    }
    let scale = mean * n as f64 / activity.iter().sum::<f64>();
    let w: Vec<f64> = by_activity.iter().map(|&i| activity[i as usize] * scale).collect();
    let total = mean * n as f64;
    let n = n as u64;
    for i in 0..n - 1 {
        let wi = w[i as usize];
        let mut j = i + 1;
        let mut p = (wi * w[j as usize] / total).min(1.0);
        while j < n && p > 0.0 {
            j = j.saturating_add(rng.geometric(p));
            if j >= n {
                break;
            }
            let q = (wi * w[j as usize] / total).min(1.0);
            if rng.uniform() < q / p {
                let (a, b) = (by_activity[i as usize], by_activity[j as usize]);
                if allowed(a, b) {
                    ties.push((a, b));
                }
            }
            p = q;
            j += 1;
        }
    }
    ties
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probabilities_match_the_targets() {
        let o = ProfessionalOptions::default();
        let (p_in, p_out) = o.physical_probabilities();
        // 50 groups of 20: 9500 within pairs, 490 000 across; 3000 ties, 90% within.
        assert!((p_in - 2700.0 / 9500.0).abs() < 1e-12);
        assert!((p_out - 300.0 / 490_000.0).abs() < 1e-12);
    }

    #[test]
    fn rejects_inconsistent_options() {
        let base = ProfessionalOptions::default;
        let bad = [
            ProfessionalOptions { group_size: 0, ..base() },
            ProfessionalOptions { within_group: f64::NAN, ..base() },
            ProfessionalOptions { exponent: 2.0, ..base() },
            ProfessionalOptions { overlap: 0.9, ..base() },
            ProfessionalOptions { influencers: -0.1, ..base() },
            ProfessionalOptions { influencer_cost: f64::INFINITY, ..base() },
            ProfessionalOptions { digital_mean_degree: -1.0, ..base() },
            ProfessionalOptions { physical_layer: String::new(), ..base() },
            ProfessionalOptions { digital_layers: vec!["office".into()], ..base() },
            ProfessionalOptions { digital_layers: vec!["a".into(), "a".into()], ..base() },
            ProfessionalOptions { group_size: 1, ..base() }, // nobody to tie within a group
            ProfessionalOptions { people: 10, ..base() },    // mean degree 10 > 9
        ];
        for options in bad {
            assert!(professional(&options, 1).is_err(), "{options:?}");
        }
        let alone = ProfessionalOptions { group_size: 1, within_group: 0.0, ..base() };
        assert!(alone.validate().is_ok());
    }

    #[test]
    fn empty_and_layerless() {
        let none = ProfessionalOptions {
            people: 0,
            physical_mean_degree: 0.0,
            digital_mean_degree: 0.0,
            ..Default::default()
        };
        let net = professional(&none, 1).unwrap();
        assert_eq!((net.num_people(), net.num_layers()), (0, 2));
        let offline = ProfessionalOptions { digital_layers: vec![], ..Default::default() };
        let net = professional(&offline, 1).unwrap();
        assert_eq!(net.num_layers(), 1);
        assert_eq!(net.people().filter(|(_, p)| p.kind == PersonKind::Influencer).count(), 10);
    }

    #[test]
    fn a_complete_physical_layer_is_feasible() {
        let o = ProfessionalOptions {
            people: 30,
            group_size: 30,
            physical_mean_degree: 29.0,
            within_group: 1.0,
            ..Default::default()
        };
        let net = professional(&o, 2).unwrap();
        assert_eq!(net.num_ties_in("office").unwrap(), 30 * 29 / 2);
    }

    #[test]
    fn full_overlap_copies_only() {
        let o =
            ProfessionalOptions { overlap: 1.0, digital_mean_degree: 4.0, ..Default::default() };
        let net = professional(&o, 3).unwrap();
        let digital = net.num_ties_in("linkedin").unwrap();
        assert_eq!(net.overlap("office", "linkedin").unwrap(), digital);
        assert_eq!(digital, 2_000);
    }
}
