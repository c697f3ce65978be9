//! Claim 5, the balance verdict: the balance sweep (claim 7's, under one assumption) on the
//! visible network against the truth with a shadow layer of each size. Does ignoring the
//! shadow change the best mix, or whether a balanced mix beats both ends?

use reseau::balance::balance;
use reseau::{LayerKind, Network, Result};

use crate::mix::{Assumption, Best, MixSettings, best, request};
use crate::shadow::{marked, with_shadow};

/// The sweep's answers on the visible network and on the truth at each shadow size.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ShadowBalance {
    /// On the visible network, per measure (in `mix::MEASURES` order).
    pub(crate) visible: Vec<Option<Best>>,
    /// The share of the shadow layer's ties in the truth, and the answers there.
    pub(crate) truth: Vec<(f64, Vec<Option<Best>>)>,
}

/// Whether the verdict differs: a best mix on one side only, or a balanced mix that beats
/// both ends on one side only.
pub(crate) fn verdict_changed(visible: Option<Best>, truth: Option<Best>) -> bool {
    match (visible, truth) {
        (Some(v), Some(t)) => v.beats_ends != t.beats_ends,
        (None, None) => false,
        _ => true,
    }
}

/// How far the best mix moves (`None` when either side has none).
pub(crate) fn mix_shift(visible: Option<Best>, truth: Option<Best>) -> Option<f64> {
    Some((visible?.mix - truth?.mix).abs())
}

/// Whether the sweep can run on both sides: the visible network keeps ties of both kinds.
pub(crate) fn applies(net: &Network, shadow: &str) -> bool {
    let Ok(visible) = marked(net, shadow).map(|m| m.observed()) else { return false };
    [LayerKind::Physical, LayerKind::Digital]
        .iter()
        .all(|&k| visible.ties().any(|t| visible.layer(t.layer).kind == k))
}

/// The sweep under `a` on the visible network and on the truth with `shadow` cut to each of
/// `shares` (the same seed everywhere: a share of 0 is the visible network itself).
pub(crate) fn compare(
    net: &Network,
    shadow: &str,
    shares: &[f64],
    a: Assumption,
    s: &MixSettings,
) -> Result<ShadowBalance> {
    let visible = marked(net, shadow)?.observed();
    let seen = best(&balance(&visible, &request(&visible, s, a))?);
    let mut truth = Vec::new();
    for &share in shares {
        let t = with_shadow(net, shadow, share, s.seed)?;
        truth.push((share, best(&balance(&t, &request(&t, s, a))?)));
    }
    Ok(ShadowBalance { visible: seen, truth })
}
