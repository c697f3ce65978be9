//! A simulation's fingerprint: a stable 64-bit hash of what its runs depend on (the network as
//! a cascade reads it, the model, the seed people and the seed), carried by every shard so
//! that [`PartialSummary::merge`](super::PartialSummary::merge) can refuse to add up runs of
//! different simulations.
//!
//! The hash is 64-bit FNV-1a over a fixed byte layout (integers little-endian, floats by
//! their bits, texts and lists preceded by their length; the model by its JSON form), so the
//! same simulation has the same fingerprint on every platform, in every language and in every
//! later version that keeps this layout.

use crate::cascade::model::{Model, Seeds};
use crate::compiled::CompiledNetwork;

/// 64-bit FNV-1a.
struct Fnv(u64);

impl Fnv {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(Self::PRIME);
        }
    }

    fn u64(&mut self, x: u64) {
        self.bytes(&x.to_le_bytes());
    }

    fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }

    fn text(&mut self, s: &str) {
        self.len(s.len());
        self.bytes(s.as_bytes());
    }
}

/// The fingerprint of the simulation of `model` from `seeds` (and the campaigns' starts,
/// when one is later than step 0) on `net` with `seed`.
///
/// The network counts as a cascade reads it: its people's kinds, and each layer's name, kind,
/// direction, default probability, latency and ties (targets, weights, own probabilities,
/// multiplicities, signs). Labels, groups, costs and positions play no part in a cascade,
/// and none in the fingerprint.
pub(crate) fn fingerprint(net: &CompiledNetwork, model: &Model, seeds: &Seeds, seed: u64) -> u64 {
    let mut h = Fnv(Fnv::OFFSET);
    h.len(net.num_people());
    for kind in net.kinds() {
        h.text(kind.as_str());
    }
    h.len(net.layers().len());
    for layer in net.layers() {
        h.text(&layer.name);
        h.text(layer.kind.as_str());
        h.bytes(&[u8::from(layer.directed)]);
        h.u64(layer.probability.map_or(u64::MAX, f64::to_bits));
        h.u64(u64::from(layer.latency));
        for list in [layer.offsets(), layer.targets()] {
            h.len(list.len());
            for &x in list {
                h.u64(u64::from(x));
            }
        }
        for list in [layer.weights(), layer.probabilities()] {
            h.len(list.len());
            for &x in list {
                h.u64(u64::from(x.to_bits()));
            }
        }
        h.len(layer.multiplicity().len());
        for &m in layer.multiplicity() {
            h.u64(u64::from(m));
        }
        h.len(layer.signs().len());
        for &s in layer.signs() {
            h.bytes(&s.to_le_bytes());
        }
    }
    // The model's serde form is plain data (ordered maps): the same model, the same text.
    h.text(&serde_json::to_string(model).unwrap_or_default());
    for people in [&seeds.good, &seeds.bad] {
        h.len(people.len());
        for &p in people {
            h.u64(u64::from(p));
        }
    }
    // Later campaigns only: simulations that start both at step 0 keep their fingerprints.
    if seeds.delayed() {
        h.text("starts");
        h.u64(u64::from(seeds.good_start));
        h.u64(u64::from(seeds.bad_start));
    }
    h.u64(seed);
    h.0
}

/// A fingerprint in a serde form as 16 hexadecimal digits: JSON numbers stop at 2^53 in
/// JavaScript.
pub(crate) mod hex {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    #[allow(clippy::ref_option)] // serde's `with` passes a reference to the field
    pub(crate) fn serialize<S: Serializer>(value: &Option<u64>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(x) => s.collect_str(&format_args!("{x:016x}")),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(text) if text.len() == 16 => {
                u64::from_str_radix(&text, 16).map(Some).map_err(D::Error::custom)
            }
            Some(text) => Err(D::Error::custom(format!(
                "invalid fingerprint {text:?}: expected 16 hexadecimal digits"
            ))),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cascade::Model;

    #[test]
    fn fingerprints_tell_simulations_apart_and_are_stable() {
        let net = crate::datasets::aarhus_cs().compiled();
        let model = Model::independent_cascade(0.2);
        let seeds = Seeds::new(vec![0, 3], vec![]);
        let base = fingerprint(&net, &model, &seeds, 7);
        assert_eq!(base, fingerprint(&net, &model.clone(), &seeds.clone(), 7));
        assert_ne!(base, fingerprint(&net, &model, &seeds, 8));
        assert_ne!(base, fingerprint(&net, &Model::independent_cascade(0.3), &seeds, 7));
        assert_ne!(base, fingerprint(&net, &model, &Seeds::new(vec![0, 4], vec![]), 7));
        assert_ne!(base, fingerprint(&net, &model, &Seeds::new(vec![0], vec![3]), 7));
        let late = Seeds::new(vec![0], vec![3]).starting(2, 0);
        assert_ne!(
            fingerprint(&net, &model, &late, 7),
            fingerprint(&net, &model, &late.clone().starting(0, 2), 7)
        );
        assert_eq!(
            fingerprint(&net, &model, &Seeds::new(vec![0], vec![3]).starting(0, 0), 7),
            fingerprint(&net, &model, &Seeds::new(vec![0], vec![3]), 7)
        );
        let mut other = crate::datasets::aarhus_cs();
        other.add_person(crate::Person::new()).unwrap();
        assert_ne!(base, fingerprint(&other.compiled(), &model, &seeds, 7));
        // FNV-1a's published test value: the layout's building block is the standard one.
        let mut h = Fnv(Fnv::OFFSET);
        h.bytes(b"a");
        assert_eq!(h.0, 0xaf63_dc4c_8601_ec8c);
    }
}
