//! A model resolved against one compiled network: every tie's probability (or LT weight)
//! worked out once, so that each run only draws and compares.

use std::sync::OnceLock;

use crate::cascade::model::{Distrust, LayerSettings, Model, ModelKind, with_attempts};
use crate::cascade::plan::Plans;
use crate::compiled::CompiledNetwork;
use crate::error::{Error, Result};
use crate::fatigue::Fatigue;
use crate::model::{LayerKind, PersonKind};
use crate::rng::{GapTable, resolved};

/// One layer, ready to run.
#[derive(Debug, Clone)]
pub(crate) struct PreparedLayer {
    pub(crate) enabled: bool,
    pub(crate) latency: u32,
    /// IC/WC: when every tie shares one probability, has multiplicity 1 and is trusted, and
    /// nobody is media, the gaps between successful ties for good and bad buzz: the engine
    /// then skips over neighbours geometrically instead of drawing once per tie.
    pub(crate) gaps: Option<Box<[GapTable; 2]>>,
    /// The shared probability behind `gaps`.
    pub(crate) uniform: Option<f64>,
    /// IC/WC: each slot's single-tie probability before the valence multiplier; LT: each
    /// slot's normalised weight ([`Prepared::values`]). Empty when `gaps` is set; made on
    /// first use when `by_target` is set (the plain engine needs only `by_target`).
    values: OnceLock<Vec<f32>>,
    /// The weighted cascade when every slot's value is its target's (every source an ordinary
    /// person, no blocked distrust tie): that value by target, so that what is worked out per
    /// tie (here and in the plain engine's thresholds) is a look-up by target.
    pub(crate) by_target: Option<Vec<f32>>,
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
    /// The latency of every enabled layer when they all agree.
    pub(crate) single_latency: Option<u32>,
    /// Fatigue, when it can change anything (not the `none` curve).
    pub(crate) fatigue: Option<Fatigue>,
    /// The plain engine's plans, for good and for bad buzz (`plain.rs`).
    pub(crate) plans: Plans,
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
        let fatigue = model.fatigue.filter(|f| !f.is_none());
        let mut layers = Vec::with_capacity(net.layers().len());
        let mut max_latency = 1;
        for (l, layer) in net.layers().iter().enumerate() {
            let s = settings[l];
            let latency = s.latency.unwrap_or(layer.latency);
            if s.enabled {
                max_latency = max_latency.max(latency);
            }
            // Fatigue sees every attempt: no skipping over neighbours.
            let uniform =
                uniform_probability(net, model, s, l, has_media).filter(|_| fatigue.is_none());
            let gaps = uniform.map(|p| {
                let [good, bad] = [model.good_multiplier, model.bad_multiplier];
                let (p_good, p_bad) = (p * good, p * bad);
                let table = GapTable::new(p_good);
                // Most models treat both valences alike: one table, copied (the same bits of
                // p, so the same table).
                let other = if p_bad.to_bits() == p_good.to_bits() {
                    table.clone()
                } else {
                    GapTable::new(p_bad)
                };
                Box::new([table, other])
            });
            let values = OnceLock::new();
            let mut by_target = None;
            if gaps.is_none() {
                // The weighted cascade's value of a trusted tie from a person (neither media nor
                // influencer) depends on its target alone: worked out once per target rather
                // than once per tie (the same arithmetic, so the same bits).
                let per_target = incoming.wc_by_target(l, s);
                let blocks = model.distrust == Distrust::Block;
                let every_slot = per_target.is_some()
                    && net.kinds().iter().all(|&k| k == PersonKind::Person)
                    && !(blocks && !layer.is_plain() && layer.signs().iter().any(|&sign| sign < 0));
                if every_slot {
                    by_target = per_target;
                } else {
                    let mut slots = Vec::with_capacity(layer.num_slots());
                    for u in 0..net.num_people() as u32 {
                        let ordinary = net.kinds()[u as usize] == PersonKind::Person;
                        for slot in layer.range(u) {
                            let value = match &per_target {
                                Some(per_target)
                                    if ordinary && !(blocks && layer.signs()[slot] < 0) =>
                                {
                                    per_target[layer.targets()[slot] as usize]
                                }
                                _ => {
                                    let q = slot_value(net, model, s, &incoming, l, u, slot);
                                    with_attempts(q, s.attempts) as f32
                                }
                            };
                            slots.push(value);
                        }
                    }
                    let _ = values.set(slots);
                }
            }
            layers.push(PreparedLayer {
                enabled: s.enabled,
                latency,
                gaps,
                uniform,
                values,
                by_target,
            });
        }
        let mut latencies = layers.iter().filter(|l| l.enabled).map(|l| l.latency);
        let first = latencies.next().unwrap_or(1);
        let single_latency = latencies.all(|l| l == first).then_some(first);
        Ok(Prepared {
            net,
            single_latency,
            kind: model.kind,
            layers,
            has_media,
            media_threshold: model.amplifiers.media_threshold,
            valence_multiplier: [model.good_multiplier, model.bad_multiplier],
            distrust: model.distrust,
            thresholds: model.thresholds.as_deref(),
            max_latency,
            fatigue,
            plans: Plans::default(),
        })
    }
}

impl Prepared<'_> {
    /// Layer `l`'s value per slot (see [`PreparedLayer`]): looked up by target the first time
    /// when the weighted cascade's values depend on the target alone.
    pub(crate) fn values(&self, l: usize) -> &[f32] {
        let pl = &self.layers[l];
        pl.values.get_or_init(|| match &pl.by_target {
            Some(by_target) => {
                self.net.layers()[l].targets().iter().map(|&v| by_target[v as usize]).collect()
            }
            None => Vec::new(),
        })
    }
}

/// The one probability every tie of layer `l` carries, when it is the same for all and the
/// engine may skip over neighbours: Independent Cascade, no tie with its own probability,
/// parallel ties or distrust, no media anywhere, and no influencer whose multiplier would
/// single out their ties. Below [`crate::rng::MIN_PROBABILITY`] it is zero.
fn uniform_probability(
    net: &CompiledNetwork,
    model: &Model,
    s: &LayerSettings,
    l: usize,
    has_media: bool,
) -> Option<f64> {
    let layer = &net.layers()[l];
    let amplified = layer.kind == LayerKind::Digital
        && model.amplifiers.influencer_multiplier.to_bits() != 1f64.to_bits()
        && net.kinds().contains(&PersonKind::Influencer);
    let same =
        model.kind == ModelKind::IndependentCascade && !has_media && !amplified && layer.is_plain();
    same.then(|| {
        let p = (s.probability.or(layer.probability).unwrap_or(model.probability) * s.multiplier)
            .min(1.0);
        with_attempts(resolved(p), s.attempts)
    })
}

/// Checks the model, its layer names and its thresholds against the network.
pub(crate) fn check(net: &CompiledNetwork, model: &Model) -> Result<()> {
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
                    for (&v, &m) in layer.targets().iter().zip(layer.multiplicity()) {
                        deg[v as usize] += u32::from(m);
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

impl Incoming {
    /// The weighted cascade: each person's value as the target of a trusted tie of layer `l`
    /// from a person (what [`slot_value`] and `with_attempts` give such a tie); `None` for
    /// other models.
    fn wc_by_target(&self, l: usize, s: &LayerSettings) -> Option<Vec<f32>> {
        let degree = self.degree.get(l)?;
        let value = |d: u32| {
            let p = 1.0 / f64::from(d.max(1)) * s.multiplier;
            with_attempts(resolved(p.min(1.0)), s.attempts) as f32
        };
        Some(degree.iter().map(|&d| value(d)).collect())
    }
}

/// One slot's value: IC and weighted cascade, the single-tie probability before the valence
/// multiplier (0 for a blocked distrust tie, and for one below [`crate::rng::MIN_PROBABILITY`],
/// which no draw resolves); LT, the normalised weight.
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
        if let Some(p) = model.amplifiers.media_probability {
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
        p *= model.amplifiers.influencer_multiplier;
    }
    resolved(p.min(1.0))
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
        w *= model.amplifiers.influencer_multiplier;
    }
    w
}

#[cfg(test)]
mod tests {
    use super::{Incoming, Prepared, slot_value};
    use crate::cascade::model::{Distrust, LayerSettings, Model, with_attempts};
    use crate::model::{Duplicates, Layer, PersonId, PersonKind, Sign, TieSpec};
    use crate::rng::Stream;

    /// Every slot's value, worked out slot by slot as the general path does.
    fn per_slot(prep: &Prepared<'_>, model: &Model) -> Vec<Vec<u32>> {
        let net = prep.net;
        let defaults = LayerSettings::default();
        let settings: Vec<&LayerSettings> =
            net.layers().iter().map(|l| model.layers.get(&l.name).unwrap_or(&defaults)).collect();
        let incoming = Incoming::new(net, model, &settings);
        (0..net.layers().len())
            .map(|l| {
                (0..net.num_people() as u32)
                    .flat_map(|u| net.layers()[l].range(u).map(move |slot| (u, slot)))
                    .map(|(u, slot)| {
                        let q = slot_value(net, model, settings[l], &incoming, l, u, slot);
                        (with_attempts(q, settings[l].attempts) as f32).to_bits()
                    })
                    .collect()
            })
            .collect()
    }

    /// The weighted cascade's values looked up by target are, bit for bit, those worked out
    /// slot by slot: with layer multipliers and attempts, parallel ties, distrust ties blocked,
    /// and with an influencer and a media outlet (then the values are worked out per slot).
    #[test]
    fn values_by_target_are_the_per_slot_values() {
        let mut network = crate::datasets::aarhus_cs();
        let plain = Model::weighted_cascade()
            .layer("facebook", LayerSettings { multiplier: 1.7, ..Default::default() })
            .layer("lunch", LayerSettings { attempts: 2.5, ..Default::default() });
        let blocked = Model { distrust: Distrust::Block, ..plain.clone() };
        for step in 0..3 {
            if step == 1 {
                network.set_kind(PersonId(3), PersonKind::Influencer).unwrap();
                network.set_kind(PersonId(7), PersonKind::Media).unwrap();
            }
            if step == 2 {
                // A directed signed layer with parallel ties (merged into multiplicities).
                network.set_kind(PersonId(3), PersonKind::Person).unwrap();
                network.set_kind(PersonId(7), PersonKind::Person).unwrap();
                network.add_layer(Layer::digital("ratings").directed(true)).unwrap();
                network.set_duplicates(Duplicates::Sum);
                let mut rng = Stream::new(3, 0);
                let n = network.num_people() as u64;
                for _ in 0..600 {
                    let (a, b) = (rng.below(n) as u32, rng.below(n) as u32);
                    let sign = if rng.below(4) == 0 { Sign::Negative } else { Sign::Positive };
                    if a != b {
                        let tie = TieSpec::weight(1.0).sign(sign);
                        network.add_tie_spec(PersonId(a), PersonId(b), "ratings", tie).unwrap();
                    }
                }
            }
            let net = network.compile();
            for model in [&plain, &blocked] {
                let prep = Prepared::new(&net, model).unwrap();
                let want = per_slot(&prep, model);
                for (l, pl) in prep.layers.iter().enumerate() {
                    let got: Vec<u32> = prep.values(l).iter().map(|v| v.to_bits()).collect();
                    assert_eq!(got, want[l], "step {step}, layer {l}");
                    let ordinary = net.kinds().iter().all(|&k| k == PersonKind::Person);
                    let negative = net.layers()[l].signs().iter().any(|&s| s < 0);
                    let looked_up = ordinary && !(negative && model.distrust == Distrust::Block);
                    assert_eq!(pl.by_target.is_some(), looked_up, "step {step}, layer {l}");
                }
                if step == 2 {
                    let ratings = net.layers().last().unwrap();
                    assert!(ratings.multiplicity().iter().any(|&m| m > 1));
                    assert!(ratings.signs().iter().any(|&s| s < 0));
                }
            }
        }
    }
}
