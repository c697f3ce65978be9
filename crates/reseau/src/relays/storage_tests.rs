//! Compressed RR storage against flat storage: the same sets give the same choice, bit for
//! bit, through every RR-set method; and the measurement of what compression saves.

use proptest::prelude::*;

use super::budget::Limit;
use super::coverage::{Bound, greedy};
use super::select::rr_method;
use super::{Method, Outcome, SelectRelaysRequest};
use crate::cascade::{LayerSettings, Model};
use crate::compiled::CompiledNetwork;
use crate::control::Control;
use crate::memory::Budget;
use crate::rrsets::{Index, LiveGraph, RrSets, Storage};

/// Every field of `a` and `b` equal, floats to the bit.
fn assert_same(a: &Outcome, b: &Outcome, what: &str) {
    assert_eq!(a.relays, b.relays, "{what}");
    let bits = |x: &[f64]| x.iter().map(|g| g.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&a.gains), bits(&b.gains), "{what}");
    assert_eq!(a.estimate.to_bits(), b.estimate.to_bits(), "{what}");
    assert_eq!(a.samples, b.samples, "{what}");
    assert_eq!(a.approximation.map(f64::to_bits), b.approximation.map(f64::to_bits), "{what}");
}

fn run(
    net: &CompiledNetwork,
    model: &Model,
    method: Method,
    limit: &Limit<'_>,
    seed: u64,
) -> [Outcome; 2] {
    let graph = LiveGraph::new(net, model).unwrap();
    let options = SelectRelaysRequest {
        epsilon: 0.3,
        model: model.clone(),
        ..SelectRelaysRequest::default()
    };
    let seeds = [seed, seed ^ 0x9e37_79b9];
    [Storage::Flat, Storage::Compressed].map(|storage| {
        let memory = (Budget::unlimited(), storage);
        rr_method(method, &graph, limit, &options, seeds, &Control::none(), memory).unwrap()
    })
}

#[test]
fn compressed_storage_chooses_exactly_as_flat_storage() {
    let aarhus = crate::datasets::aarhus_cs().compile();
    let ba = crate::generators::barabasi_albert_compiled(3_000, 3, 5).unwrap();
    let er = crate::generators::erdos_renyi(2_000, 5.0, 2).unwrap().compile();
    let multiplied = Model::weighted_cascade()
        .layer("lunch", LayerSettings { multiplier: 2.0, ..LayerSettings::default() });
    let cases: [(&str, &CompiledNetwork, Model); 7] = [
        ("aarhus IC 0.1", &aarhus, Model::independent_cascade(0.1)),
        ("aarhus WC x2 lunch", &aarhus, multiplied),
        ("aarhus LT", &aarhus, Model::linear_threshold()),
        ("BA IC 0.05", &ba, Model::independent_cascade(0.05)),
        ("BA WC", &ba, Model::weighted_cascade()),
        ("ER IC 0.2", &er, Model::independent_cascade(0.2)),
        ("ER LT", &er, Model::linear_threshold()),
    ];
    for (name, net, model) in &cases {
        let n = net.num_people();
        let costs: Vec<f64> = (0..n).map(|i| 1.0 + (i % 3) as f64).collect();
        for seed in [1, 2] {
            for method in [Method::Imm, Method::OpimC, Method::Hist] {
                let [flat, packed] = run(net, model, method, &Limit::Count(5), seed);
                assert!(flat.samples > 0);
                assert_same(&flat, &packed, &format!("{name} {method:?} seed {seed}"));
            }
            let budget = Limit::Budget { budget: 6.0, costs: &costs };
            for method in [Method::Imm, Method::OpimC] {
                let [flat, packed] = run(net, model, method, &budget, seed);
                assert_same(&flat, &packed, &format!("{name} {method:?} budget seed {seed}"));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any sets (members distinct, in any order, some people in many sets, up to ids that need
    /// several varint bytes): the same sets, index, coverage counts and greedy choice.
    #[test]
    fn compressed_sets_and_index_match_flat(
        sets in prop::collection::vec(prop::collection::btree_set(0u32..400, 1..40), 0..300),
        spread in 1u32..=300,
        k in 1usize..8,
        shuffle in any::<u64>(),
    ) {
        let n = 400 * spread as usize;
        let (mut flat, mut packed) = (RrSets::new(n), RrSets::new(n).compressed());
        let mut rng = crate::rng::Stream::new(shuffle, 0);
        for set in &sets {
            // Spread the ids out (gaps of several bytes) and draw them in a random order.
            let mut members: Vec<u32> = set.iter().map(|&v| v * spread).collect();
            for i in (1..members.len()).rev() {
                members.swap(i, rng.below(i as u64 + 1) as usize);
            }
            flat.push_set(&members);
            packed.push_set(&members);
        }
        prop_assert!(packed.is_compressed() && !flat.is_compressed());
        prop_assert_eq!((flat.len(), flat.multi_len(), flat.members()), (packed.len(), packed.multi_len(), packed.members()));
        let mut a = Vec::new();
        flat.for_each_set(|i, s| { let mut s = s.to_vec(); s.sort_unstable(); a.push((i, s)); });
        let mut b = Vec::new();
        packed.for_each_set(|i, s| b.push((i, s.to_vec())));
        prop_assert_eq!(&a, &b);
        for (i, set) in &a {
            let mut one = Vec::new();
            packed.for_each_member(*i, |v| one.push(v));
            prop_assert_eq!(&one, set);
        }
        prop_assert_eq!(flat.occurrences(), packed.occurrences());
        let (fi, pi) = (Index::new(&flat, n), Index::new(&packed, n));
        for v in 0..n as u32 {
            prop_assert_eq!(fi.degree(v), pi.degree(v));
            let mut sets = Vec::new();
            pi.for_each_set_of(v, |s| sets.push(s));
            prop_assert_eq!(fi.sets_of(v), &sets[..]);
        }
        let chosen: Vec<bool> = (0..n).map(|v| v % 7 == 3).collect();
        prop_assert_eq!(flat.count_covered(&chosen), packed.count_covered(&chosen));
        let (x, y) = (greedy(&flat, &fi, n, k, Bound::Compute), greedy(&packed, &pi, n, k, Bound::Compute));
        prop_assert_eq!((x.relays, x.gains, x.covered), (y.relays, y.gains, y.covered));
        prop_assert_eq!(x.upper.map(f64::to_bits), y.upper.map(f64::to_bits));
        if sets.iter().any(|s| s.len() > 1) {
            prop_assert!(packed.stored_bytes() < flat.stored_bytes() || spread > 100);
        }
    }
}
