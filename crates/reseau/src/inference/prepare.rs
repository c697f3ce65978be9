//! What every fit starts from: the data resolved and laid out once, and the plain
//! maximum-likelihood solve that the fit, the fatigue search and the shuffle test share.

use std::sync::Arc;

use super::design::Design;
use super::newton::{self, Solution};
use super::observations::{self, Observed};
use super::request::Spec;
use super::tally::{Builder, Tally};
use crate::compiled::CompiledNetwork;
use crate::error::{Error, Result};
use crate::fatigue::Fatigue;
use crate::model::Network;

/// The data resolved and laid out once, for one or many fits.
#[derive(Debug)]
pub(crate) struct Prepared {
    pub(crate) compiled: Arc<CompiledNetwork>,
    pub(crate) observed: Observed,
    pub(crate) design: Design,
    pub(crate) max_iterations: u32,
    pub(crate) fatigue: Option<Fatigue>,
}

impl Prepared {
    /// Resolves the adoptions of `spec` against `net` and lays out the parameters.
    pub(crate) fn new(net: &Network, spec: &Spec<'_>) -> Result<Self> {
        spec.validate()?;
        let observed = observations::resolve(net, spec.adoptions, spec.horizon)?;
        let compiled = net.compiled();
        let design = Design::new(&compiled, spec, observed.horizon)?;
        Ok(Prepared {
            compiled,
            observed,
            design,
            max_iterations: spec.max_iterations,
            fatigue: spec.fatigue.filter(|f| !f.is_none()),
        })
    }

    /// The tally of each cascade of `observed` (the resolved data or a permutation of it).
    pub(crate) fn tallies(&self, observed: &Observed) -> Vec<Tally> {
        let mut builder = Builder::new(&self.compiled, &self.design);
        observed.cascades.iter().map(|c| builder.cascade(c, None)).collect()
    }
}

/// A maximum with the parameters the data says nothing about held at 0.
#[derive(Debug, Clone)]
pub(crate) struct Estimate {
    pub(crate) solution: Solution,
    /// `Some(0)` for a parameter without data.
    pub(crate) fixed: Vec<Option<f64>>,
}

/// Refuses data the model cannot explain at all.
pub(crate) fn check_explained(t: &Tally) -> Result<()> {
    if t.unexplained > 0 {
        return Err(Error::invalid(
            "external",
            false,
            format!(
                "true: {} adoptions have no exposed contact, which only an external hazard can explain",
                t.unexplained
            ),
        ));
    }
    Ok(())
}

/// The maximum-likelihood estimate from `t`, starting from `start` (or a guess).
pub(crate) fn solve(t: &Tally, max_iter: u32, start: Option<&[f64]>) -> Estimate {
    let exposure = t.exposure();
    let fixed: Vec<Option<f64>> =
        exposure.iter().map(|&e| if e > 0.0 { None } else { Some(0.0) }).collect();
    let guess;
    let start = if let Some(s) = start {
        s
    } else {
        let rate = (t.adoptions() / t.person_steps.max(1.0)).clamp(1e-6, 0.5);
        guess = vec![-crate::math::ln1p(-rate); t.fail.len()];
        &guess
    };
    let solution = newton::maximize(t, start, &fixed, max_iter);
    Estimate { solution, fixed }
}

/// p = 1 − e^(−q).
pub(crate) fn probability(q: f64) -> f64 {
    -crate::math::expm1(-q)
}
