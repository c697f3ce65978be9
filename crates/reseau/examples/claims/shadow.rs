//! Claim 5: lobbies act in the shadow. A layer takes part in the cascades (the truth) but the
//! analyst does not see it and predicts on the other layers: how wrong are the spread
//! predictions and the relay choices, as a function of the shadow layer's size (a uniform
//! subsample of its ties)? The split is the core's: the layer marked as a shadow layer
//! ([`Network::set_layer_shadow`]), the truth at each size from
//! [`Network::with_shadow_share`], the analyst's view from [`Network::observed`].

use reseau::cascade::{SimulateRequest, simulate};
use reseau::relays::{Method, SelectRelaysRequest, select_relays};
use reseau::rng::Stream;
use reseau::{Network, PersonId, Result};

/// The stream of the sources' choice.
const SOURCES: u64 = 0x7368_6164;

/// What the comparison runs.
#[derive(Debug, Clone)]
pub(crate) struct ShadowSettings {
    /// The shares of the shadow layer's ties kept in the truth.
    pub(crate) shares: Vec<f64>,
    /// Single sources whose spread is predicted.
    pub(crate) sources: u32,
    /// Monte Carlo runs per spread.
    pub(crate) runs: u64,
    /// Relays chosen (IMM).
    pub(crate) k: usize,
    /// The seed.
    pub(crate) seed: u64,
}

/// At one size of the shadow layer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ShadowPoint {
    /// The share of the shadow layer's ties in the truth.
    pub(crate) share: f64,
    /// Its ties in the truth.
    pub(crate) ties: usize,
    /// Mean over sources of |predicted − true| / true spread (people reached, source included).
    pub(crate) spread_error: f64,
    /// Share of the relays chosen on the visible network that are also chosen on the truth.
    pub(crate) overlap: f64,
    /// The true spread of the relays chosen on the visible network over that of the relays
    /// chosen on the truth (1: nothing lost by not seeing the shadow).
    pub(crate) relay_efficiency: f64,
}

/// The shadow layer: the network's first shadow layer when it has one, else the physical
/// layer with the most ties (the first among equals), when the network has another layer to
/// see.
pub(crate) fn shadow_layer(net: &Network) -> Option<String> {
    if net.num_layers() < 2 {
        return None;
    }
    if let Some(&marked) = net.shadow_layers().first() {
        return Some(net.layer(marked).name.clone());
    }
    let mut best: Option<(usize, String)> = None;
    for layer in net.layers().iter().filter(|l| l.kind == reseau::LayerKind::Physical) {
        let ties = net.num_ties_in(layer.name.as_str()).unwrap_or(0);
        if best.as_ref().is_none_or(|(t, _)| ties > *t) {
            best = Some((ties, layer.name.clone()));
        }
    }
    best.map(|(_, name)| name)
}

/// The truth with `shadow` marked as a shadow layer and cut to a uniform `share` of its ties
/// (the core's [`Network::with_shadow_share`], seeded). A shadow of no tie is no layer at
/// all: the analyst's view itself.
pub(crate) fn with_shadow(net: &Network, shadow: &str, share: f64, seed: u64) -> Result<Network> {
    let truth = marked(net, shadow)?.with_shadow_share(share, seed)?;
    Ok(if truth.num_shadow_ties() == 0 { truth.observed() } else { truth })
}

/// `net` with `shadow` marked as its shadow layer.
pub(crate) fn marked(net: &Network, shadow: &str) -> Result<Network> {
    let mut out = net.clone();
    out.set_layer_shadow(shadow, true)?;
    Ok(out)
}

fn spread(net: &Network, seeds: &[u32], s: &ShadowSettings) -> Result<f64> {
    let request = SimulateRequest::new(seeds.iter().copied()).runs(s.runs).seed(s.seed);
    Ok(simulate(&net.compiled(), &request)?.total.mean)
}

fn relays(net: &Network, s: &ShadowSettings) -> Result<Vec<u32>> {
    let request = SelectRelaysRequest {
        k: Some(s.k.min(net.num_people())),
        method: Method::Imm,
        evaluation_runs: 0,
        seed: s.seed,
        ..SelectRelaysRequest::default()
    };
    Ok(select_relays(&net.compiled(), &request)?.relays)
}

/// The errors at each share of the shadow layer `shadow` of `net`.
pub(crate) fn compare(net: &Network, shadow: &str, s: &ShadowSettings) -> Result<Vec<ShadowPoint>> {
    let visible = marked(net, shadow)?.observed();
    let mut rng = Stream::new(s.seed, SOURCES);
    let people = net.num_people() as u64;
    #[allow(clippy::cast_possible_truncation)]
    let sources: Vec<PersonId> =
        (0..s.sources).map(|_| PersonId(rng.below(people) as u32)).collect();
    let mut predicted = Vec::new();
    for p in &sources {
        predicted.push(spread(&visible, &[p.0], s)?);
    }
    let seen = relays(&visible, s)?;
    let mut out = Vec::new();
    for &share in &s.shares {
        let truth = with_shadow(net, shadow, share, s.seed)?;
        let mut error = 0.0;
        for (p, guess) in sources.iter().zip(&predicted) {
            let real = spread(&truth, &[p.0], s)?;
            error += (guess - real).abs() / real;
        }
        let best = relays(&truth, s)?;
        let common = seen.iter().filter(|r| best.contains(r)).count();
        #[allow(clippy::cast_precision_loss)]
        let overlap = common as f64 / best.len().max(1) as f64;
        let relay_efficiency = spread(&truth, &seen, s)? / spread(&truth, &best, s)?;
        out.push(ShadowPoint {
            share,
            ties: truth.num_shadow_ties(),
            spread_error: error / f64::from(s.sources.max(1)),
            overlap,
            relay_efficiency,
        });
    }
    Ok(out)
}
