//! A model resolved against one compiled network: every tie's probability (or LT weight)
//! worked out once, so that each run only draws and compares.

use crate::cascade::model::{Distrust, LayerSettings, Model, ModelKind};
use crate::compiled::CompiledNetwork;
use crate::error::{Error, Result};
use crate::model::{LayerKind, PersonKind};

/// One layer, ready to run.
#[derive(Debug, Clone)]
pub(crate) struct PreparedLayer {
    pub(crate) enabled: bool,
    pub(crate) latency: u32,
    /// IC/WC: the one probability of every tie when they all share it, have multiplicity 1 and
    /// are trusted, and nobody is media: the engine can then skip over neighbours
    /// geometrically instead of drawing once per tie.
    pub(crate) uniform: Option<f64>,
    /// IC/WC: each slot's single-tie probability before the valence multiplier; LT: each
    /// slot's normalised weight. Empty when `uniform` is set.
    pub(crate) values: Vec<f32>,
}

/// A model prepared for one network.
#[derive(Debug, Clone)]
pub(crate) struct Prepared<'a> {
    pub(crate) net: &'a CompiledNetwork,
    pub(crate) kind: ModelKind,
    pub(crate) layers: Vec<PreparedLayer>,
    /// Whether anyone is `media` (then pickup counting applies).
    pub(crate) has_media: bool,
    pub(crate) media_threshold: u32,
    pub(crate) valence_multiplier: [f64; 2],
    pub(crate) distrust: Distrust,
    pub(crate) thresholds: Option<&'a [f64]>,
    /// Steps in the longest latency: the ring of time buckets has this many + 1.
    pub(crate) max_latency: u32,
}

impl<'a> Prepared<'a> {
    /// Resolves `model` on `net`: checks it, its layer names and threshold count, then computes
    /// every tie's probability or weight.
    pub(crate) fn new(net: &'a CompiledNetwork, model: &'a Model) -> Result<Self> {
        check(net, model)?;
        let defaults = LayerSettings::default();
        let settings: Vec<&LayerSettings> =
            net.layers().iter().map(|l| model.layers.get(&l.name).unwrap_or(&defaults)).collect();
        let incoming = Incoming::new(net, model, &settings);
        let has_media = net.kinds().contains(&PersonKind::Media);
        let mut layers = Vec::with_capacity(net.layers().len());
        let mut max_latency = 1;
        for (l, layer) in net.layers().iter().enumerate() {
            let s = settings[l];
            let latency = s.latency.unwrap_or(layer.latency);
            if s.enabled {
                max_latency = max_latency.max(latency);
            }
            let mut values = Vec::with_capacity(layer.num_slots());
            for u in 0..net.num_people() as u32 {
                for slot in layer.range(u) {
                    values.push(slot_value(net, model, s, &incoming, l, u, slot) as f32);
                }
            }
            let uniform = if model.kind != ModelKind::LinearThreshold
                && !has_media
                && layer.multiplicity().iter().all(|&m| m == 1)
                && layer.signs().iter().all(|&s| s > 0)
                && values.windows(2).all(|w| w[0].to_bits() == w[1].to_bits())
            {
                Some(values.first().map_or(0.0, |&p| f64::from(p)))
            } else {
                None
            };
            if uniform.is_some() {
                values = Vec::new();
            }
            layers.push(PreparedLayer { enabled: s.enabled, latency, uniform, values });
        }
        Ok(Prepared {
            net,
            kind: model.kind,
            layers,
            has_media,
            media_threshold: model.relays.media_threshold,
            valence_multiplier: [model.good_multiplier, model.bad_multiplier],
            distrust: model.distrust,
            thresholds: model.thresholds.as_deref(),
            max_latency,
        })
    }
}

/// Checks the model, its layer names and its thresholds against the network.
fn check(net: &CompiledNetwork, model: &Model) -> Result<()> {
    model.validate()?;
    for name in model.layers.keys() {
        if !net.layers().iter().any(|l| &l.name == name) {
            return Err(Error::UnknownLayer { name: name.clone() });
        }
    }
    if let Some(t) = &model.thresholds {
        if t.len() != net.num_people() {
            return Err(Error::invalid(
                "thresholds",
                format!("{} values", t.len()),
                format!("one per person ({})", net.num_people()),
            ));
        }
    }
    Ok(())
}

/// What normalises a tie: the weighted cascade's in-degree per layer (parallel ties count),
/// Linear Threshold's total incoming weight over every enabled layer.
struct Incoming {
    degree: Vec<Vec<u32>>,
    weight: Vec<f64>,
}

impl Incoming {
    fn new(net: &CompiledNetwork, model: &Model, settings: &[&LayerSettings]) -> Self {
        let n = net.num_people();
        let mut degree = Vec::new();
        let mut weight = Vec::new();
        match model.kind {
            ModelKind::WeightedCascade => {
                for layer in net.layers() {
                    let mut deg = vec![0u32; n];
                    for (slot, &v) in layer.targets().iter().enumerate() {
                        deg[v as usize] += u32::from(layer.multiplicity()[slot]);
                    }
                    degree.push(deg);
                }
            }
            ModelKind::LinearThreshold => {
                weight = vec![0f64; n];
                for (l, layer) in net.layers().iter().enumerate() {
                    if !settings[l].enabled {
                        continue;
                    }
                    for u in 0..n as u32 {
                        for slot in layer.range(u) {
                            weight[layer.targets()[slot] as usize] +=
                                lt_weight(net, model, settings[l], l, u, slot);
                        }
                    }
                }
            }
            ModelKind::IndependentCascade => {}
        }
        Incoming { degree, weight }
    }
}

/// One slot's value: IC and weighted cascade, the single-tie probability before the valence
/// multiplier (0 for a blocked distrust tie); LT, the normalised weight.
fn slot_value(
    net: &CompiledNetwork,
    model: &Model,
    s: &LayerSettings,
    incoming: &Incoming,
    l: usize,
    u: u32,
    slot: usize,
) -> f64 {
    let layer = &net.layers()[l];
    let v = layer.targets()[slot] as usize;
    if model.kind == ModelKind::LinearThreshold {
        let total = incoming.weight[v];
        return if total > 0.0 { lt_weight(net, model, s, l, u, slot) / total } else { 0.0 };
    }
    if layer.signs()[slot] < 0 && model.distrust == Distrust::Block {
        return 0.0;
    }
    let source = net.kinds()[u as usize];
    if source == PersonKind::Media {
        if let Some(p) = model.relays.media_probability {
            return p;
        }
    }
    let own = f64::from(layer.probabilities()[slot]);
    let base = if model.kind == ModelKind::WeightedCascade {
        1.0 / f64::from(incoming.degree[l][v].max(1))
    } else if !own.is_nan() {
        own
    } else {
        s.probability.or(layer.probability).unwrap_or(model.probability)
    };
    let mut p = base * s.multiplier;
    if source == PersonKind::Influencer && layer.kind == LayerKind::Digital {
        p *= model.relays.influencer_multiplier;
    }
    p.min(1.0)
}

/// A tie's LT weight before normalisation: its weight times the layer multiplier and, for an
/// influencer on a digital layer, the influencer multiplier; 0 for a blocked distrust tie.
fn lt_weight(
    net: &CompiledNetwork,
    model: &Model,
    s: &LayerSettings,
    l: usize,
    u: u32,
    slot: usize,
) -> f64 {
    let layer = &net.layers()[l];
    if layer.signs()[slot] < 0 && model.distrust == Distrust::Block {
        return 0.0;
    }
    let mut w = f64::from(layer.weights()[slot]) * s.multiplier;
    if net.kinds()[u as usize] == PersonKind::Influencer && layer.kind == LayerKind::Digital {
        w *= model.relays.influencer_multiplier;
    }
    w
}
