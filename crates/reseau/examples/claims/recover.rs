//! Claim 5, continued: how much of the hidden layer does `inference::fit`'s shadow share
//! recover? Cascades run on the truth (the shadow layer at a given size); the analyst sees
//! who adopted when, fits the visible network with an external hazard, and reads the share
//! of adoptions the hazard explains beside two truths: the share the shadow layer carried,
//! and the share no visible tie explains (the adopter had no visible exposure at their step),
//! which is what the fit estimates: an adoption over a hidden tie when a visible tie exposed
//! the same person at the same step looks, to the analyst, like the visible tie's work.

use std::collections::BTreeSet;

use reseau::cascade::{CascadeTrace, TraceRequest, trace};
use reseau::inference::{Adoption, FitRequest, StepZero, fit};
use reseau::rng::Stream;
use reseau::{CompiledNetwork, Network, Result};

use crate::shadow::with_shadow;

/// The stream of the cascades' sources.
const SOURCES: u64 = 0x7265_636f;

/// At one size of the shadow layer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Recovery {
    /// The share of the shadow layer's ties in the truth.
    pub(crate) share: f64,
    /// Adoptions (sources left out) observed.
    pub(crate) adoptions: usize,
    /// The share of them the shadow layer carried.
    pub(crate) true_share: f64,
    /// The share of them that no visible tie exposed at their step: what the fitted share
    /// estimates (never more than `true_share` when the shadow is the only hidden cause).
    pub(crate) unexplained_share: f64,
    /// The fitted shadow share.
    pub(crate) estimated: f64,
    /// Its 95% interval.
    pub(crate) ci: [f64; 2],
}

/// Runs `cascades` single-source cascades (independent cascade, p = 0.1) on the truth at each
/// of `shares` and fits the visible network (`net` without `shadow`) to them.
pub(crate) fn recover(
    net: &Network,
    shadow: &str,
    shares: &[f64],
    cascades: u32,
    seed: u64,
) -> Result<Vec<Recovery>> {
    let visible = net.without_layers(&[shadow])?;
    let mut rng = Stream::new(seed, SOURCES);
    let people = net.num_people() as u64;
    #[allow(clippy::cast_possible_truncation)]
    let sources: Vec<u32> = (0..cascades).map(|_| rng.below(people) as u32).collect();
    let mut out = Vec::new();
    for &share in shares {
        let truth = with_shadow(net, shadow, share, seed)?.compile();
        let hidden = truth.layers().iter().position(|l| l.name == shadow);
        let (mut seen, mut adopted, mut through, mut unexplained) =
            (Vec::new(), 0usize, 0usize, 0usize);
        for (c, &source) in (0u32..).zip(&sources) {
            let t = trace(&truth, &TraceRequest::new([source]).seed(seed + u64::from(c)))?;
            let exposed = visible_exposures(&truth, hidden, &t);
            for &v in &t.order {
                let i = v as usize;
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                seen.push(Adoption::new(v, t.step[i] as u32).in_cascade(c));
                if t.step[i] > 0 {
                    adopted += 1;
                    #[allow(clippy::cast_possible_wrap)]
                    let via_shadow = hidden.is_some_and(|h| t.layer[i] == h as i64);
                    through += usize::from(via_shadow);
                    unexplained += usize::from(!exposed.contains(&(v, t.step[i])));
                }
            }
        }
        let request = FitRequest { step_zero: StepZero::Seeds, ..FitRequest::new(seen) };
        let fitted = fit(&visible, &request)?;
        #[allow(clippy::cast_precision_loss)]
        let of_adopted = |k: usize| if adopted == 0 { 0.0 } else { k as f64 / adopted as f64 };
        out.push(Recovery {
            share,
            adoptions: adopted,
            true_share: of_adopted(through),
            unexplained_share: of_adopted(unexplained),
            estimated: fitted.shadow_share,
            ci: fitted.shadow_share_ci95,
        });
    }
    Ok(out)
}

/// Who a visible tie exposed when, in the cascade `t` on `truth` (layer `hidden` left out):
/// each adopter u exposes its contacts on a visible layer once, that layer's latency after
/// adopting, as the independent cascade (and the fit's cascade exposure) has it.
fn visible_exposures(
    truth: &CompiledNetwork,
    hidden: Option<usize>,
    t: &CascadeTrace,
) -> BTreeSet<(u32, i64)> {
    let mut exposed = BTreeSet::new();
    for (l, layer) in truth.layers().iter().enumerate() {
        if Some(l) == hidden {
            continue;
        }
        for &u in &t.order {
            let at = t.step[u as usize] + i64::from(layer.latency);
            exposed.extend(layer.successors(u).iter().map(|&v| (v, at)));
        }
    }
    exposed
}
