//! Claim 5, continued: how much of the hidden layer does `inference::fit`'s shadow share
//! recover? Cascades run on the truth (the shadow layer at a given size); the analyst sees
//! who adopted when, fits the visible network with an external hazard, and reads the share
//! of adoptions the hazard explains beside the true share carried by the shadow layer.

use reseau::cascade::{TraceRequest, trace};
use reseau::inference::{Adoption, FitRequest, StepZero, fit};
use reseau::rng::Stream;
use reseau::{Network, Result};

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
        let (mut seen, mut adopted, mut through) = (Vec::new(), 0usize, 0usize);
        for (c, &source) in (0u32..).zip(&sources) {
            let t = trace(&truth, &TraceRequest::new([source]).seed(seed + u64::from(c)))?;
            for &v in &t.order {
                let i = v as usize;
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                seen.push(Adoption::new(v, t.step[i] as u32).in_cascade(c));
                if t.step[i] > 0 {
                    adopted += 1;
                    #[allow(clippy::cast_possible_wrap)]
                    let via_shadow = hidden.is_some_and(|h| t.layer[i] == h as i64);
                    through += usize::from(via_shadow);
                }
            }
        }
        let request = FitRequest { step_zero: StepZero::Seeds, ..FitRequest::new(seen) };
        let fitted = fit(&visible, &request)?;
        #[allow(clippy::cast_precision_loss)]
        let true_share = if adopted == 0 { 0.0 } else { through as f64 / adopted as f64 };
        out.push(Recovery {
            share,
            adoptions: adopted,
            true_share,
            estimated: fitted.shadow_share,
            ci: fitted.shadow_share_ci95,
        });
    }
    Ok(out)
}
