//! The parameters of a fit and where each observation's covariates go.
//!
//! Both exposure models are one discrete-time hazard with a complementary log-log link: a
//! person at risk at step s adopts with probability 1 − exp(−x·θ), where θ ≥ 0 holds one
//! hazard per layer (or layer × group), q = −ln(1 − p), then one per external class
//! (η = −ln(1 − h)), and x counts the exposures of each layer at that step (times the
//! willingness under fatigue) and is 1 in the person's external class. This module lays the
//! parameters out: layer parameters first, in the network's layer order (groups within a
//! layer), then the external classes (groups, then steps within a group).

use super::request::{Exposure, Spec, StepZero};
use crate::compiled::{CompiledNetwork, NO_GROUP};
use crate::error::{Error, Result};

/// The most parameters one fit takes (the Hessian is dense).
pub(crate) const MAX_PARAMETERS: usize = 500;

/// Whether the external hazard varies by step and by group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ExternalClasses {
    pub(crate) by_step: bool,
    pub(crate) by_group: bool,
}

/// The parameter layout of a fit on one network.
#[derive(Debug, Clone)]
pub(crate) struct Design {
    pub(crate) exposure: Exposure,
    /// The first step at which people are at risk: 0, or 1 when step-0 adopters are seeds.
    pub(crate) start: u32,
    pub(crate) horizon: u32,
    /// Each compiled layer's latency when it is fitted.
    pub(crate) latency: Vec<Option<u32>>,
    /// Each fitted layer's first parameter.
    base: Vec<u32>,
    pub(crate) by_group: bool,
    /// Each person's group index (people without a group share the last one, when any).
    pub(crate) group_of: Vec<u32>,
    /// Each group's name (`None`: people without a group).
    pub(crate) group_names: Vec<Option<String>>,
    /// Each group's number of people.
    pub(crate) group_sizes: Vec<u64>,
    /// The number of layer parameters.
    pub(crate) num_layer_params: usize,
    /// Each layer parameter's (compiled layer, group when by group).
    pub(crate) layer_params: Vec<(usize, Option<usize>)>,
    /// How the external hazard varies, when there is one.
    pub(crate) external: Option<ExternalClasses>,
    /// The number of external classes (0 without an external hazard).
    pub(crate) num_external: usize,
}

impl Design {
    /// The layout for `spec` on `net` with the observation window ending at `horizon`.
    pub(crate) fn new(net: &CompiledNetwork, spec: &Spec<'_>, horizon: u32) -> Result<Self> {
        let names: Vec<&str> = net.layers().iter().map(|l| l.name.as_str()).collect();
        for name in spec.latency.keys().chain(spec.layers.into_iter().flatten()) {
            if !names.contains(&name.as_str()) {
                return Err(Error::UnknownLayer { name: name.clone() });
            }
        }
        let latency: Vec<Option<u32>> = net
            .layers()
            .iter()
            .map(|l| {
                let fitted = spec.layers.is_none_or(|ls| ls.contains(&l.name));
                fitted.then(|| spec.latency.get(&l.name).copied().unwrap_or(l.latency))
            })
            .collect();
        let (group_of, group_names, group_sizes) = groups(net);
        let per_layer = if spec.by_group { group_names.len() } else { 1 };
        let mut base = vec![u32::MAX; latency.len()];
        let mut layer_params = Vec::new();
        for (l, lat) in latency.iter().enumerate() {
            if lat.is_some() {
                base[l] = layer_params.len() as u32;
                for g in 0..per_layer {
                    layer_params.push((l, spec.by_group.then_some(g)));
                }
            }
        }
        let groups_ext = if spec.external_by_group { group_names.len() } else { 1 };
        let steps_ext = if spec.external_by_step { horizon as usize + 1 } else { 1 };
        let num_external = if spec.external { groups_ext * steps_ext } else { 0 };
        let dim = layer_params.len() + num_external;
        if dim > MAX_PARAMETERS {
            return Err(Error::invalid(
                "model",
                format!("{dim} parameters"),
                format!(
                    "at most {MAX_PARAMETERS}: fewer groups or steps (external_by_step makes one per step)"
                ),
            ));
        }
        Ok(Design {
            exposure: spec.exposure,
            start: u32::from(spec.step_zero == StepZero::Seeds),
            horizon,
            latency,
            base,
            by_group: spec.by_group,
            group_of,
            group_names,
            group_sizes,
            num_layer_params: layer_params.len(),
            layer_params,
            external: spec.external.then_some(ExternalClasses {
                by_step: spec.external_by_step,
                by_group: spec.external_by_group,
            }),
            num_external,
        })
    }

    /// The number of parameters.
    pub(crate) fn dim(&self) -> usize {
        self.num_layer_params + self.num_external
    }

    /// The parameter of a tie of layer `l` reaching person `v`.
    #[inline]
    pub(crate) fn param(&self, l: usize, v: u32) -> u32 {
        self.base[l] + if self.by_group { self.group_of[v as usize] } else { 0 }
    }

    /// Whether the external hazard varies by step.
    pub(crate) fn external_by_step(&self) -> bool {
        self.external.is_some_and(|e| e.by_step)
    }

    /// Whether the external hazard varies by group.
    pub(crate) fn external_by_group(&self) -> bool {
        self.external.is_some_and(|e| e.by_group)
    }

    /// The number of steps per external group class.
    fn external_steps(&self) -> usize {
        if self.external_by_step() { self.horizon as usize + 1 } else { 1 }
    }

    /// The parameter of the external class of group `g` at step `s`.
    #[inline]
    pub(crate) fn external_of_group(&self, g: u32, s: u32) -> u32 {
        let g = if self.external_by_group() { g as usize } else { 0 };
        let s = if self.external_by_step() { s as usize } else { 0 };
        (self.num_layer_params + g * self.external_steps() + s) as u32
    }

    /// The parameter of person `v`'s external class at step `s`.
    #[inline]
    pub(crate) fn external_param(&self, v: u32, s: u32) -> u32 {
        self.external_of_group(self.group_of[v as usize], s)
    }

    /// The external classes as (group, step) for reporting: `None` where the class does not
    /// vary with it.
    pub(crate) fn external_classes(&self) -> Vec<(Option<usize>, Option<u32>)> {
        let groups = if self.external_by_group() { self.group_names.len() } else { 1 };
        let mut out = Vec::with_capacity(self.num_external);
        if self.external.is_none() {
            return out;
        }
        for g in 0..groups {
            for s in 0..self.external_steps() {
                out.push((
                    self.external_by_group().then_some(g),
                    self.external_by_step().then_some(s as u32),
                ));
            }
        }
        out
    }

    /// The number of groups.
    pub(crate) fn num_groups(&self) -> usize {
        self.group_names.len()
    }
}

/// Each person's group index, the groups' names (people without a group last, as `None`, when
/// there are any) and sizes.
fn groups(net: &CompiledNetwork) -> (Vec<u32>, Vec<Option<String>>, Vec<u64>) {
    let named = net.group_names().len() as u32;
    let has_none = net.groups().contains(&NO_GROUP);
    let group_of: Vec<u32> =
        net.groups().iter().map(|&g| if g == NO_GROUP { named } else { g }).collect();
    let mut names: Vec<Option<String>> = net.group_names().iter().cloned().map(Some).collect();
    if has_none || names.is_empty() {
        names.push(None);
    }
    let mut sizes = vec![0u64; names.len()];
    for &g in &group_of {
        sizes[g as usize] += 1;
    }
    (group_of, names, sizes)
}
