//! The multiplex model: exact answers on small networks, invariants on random ones.

// Exact float comparisons are intended: these values are exact by construction.
#![allow(clippy::float_cmp)]

use proptest::prelude::*;
use reseau::{
    Duplicates, Error, Layer, LayerId, LayerKind, Network, Person, PersonId, PersonKind, SelfLoops,
    Sign, TieSpec,
};

fn triangle_with_two_layers() -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::physical("lunch")).unwrap();
    net.add_layer(Layer::digital("mail").directed(true).probability(0.3).latency(2)).unwrap();
    for label in ["a", "b", "c"] {
        net.add_person(Person::new().label(label).group(if label == "c" { "G2" } else { "G1" }))
            .unwrap();
    }
    let (a, b, c) = (PersonId(0), PersonId(1), PersonId(2));
    net.add_tie(a, b, "lunch", 1.0).unwrap();
    net.add_tie(b, c, "lunch", 2.0).unwrap();
    net.add_tie(a, b, "mail", 1.0).unwrap();
    net.add_tie(c, a, "mail", 1.0).unwrap();
    net
}

#[test]
fn counts_degrees_and_neighbours() {
    let net = triangle_with_two_layers();
    let (a, b, c) = (PersonId(0), PersonId(1), PersonId(2));
    let (lunch, mail) = (LayerId(0), LayerId(1));
    assert_eq!((net.num_people(), net.num_ties(), net.num_layers()), (3, 4, 2));
    assert_eq!(net.num_ties_in("lunch").unwrap(), 2);
    assert_eq!(net.num_directed_ties(), 2 * 2 + 2);
    assert_eq!(net.degree(b, Some(lunch)), 2);
    assert_eq!(net.degree(a, None), 3);
    assert_eq!(net.degrees(Some(mail)), vec![2, 1, 1]);
    assert_eq!(net.neighbors(a, None), vec![b, c]);
    assert_eq!(net.neighbors(a, Some(lunch)), vec![b]);
    assert_eq!(net.overlap("lunch", "mail").unwrap(), 1);
    assert_eq!(net.overlapping_pairs(&[lunch], &[mail]), vec![(a, b)]);
    assert_eq!(net.groups()["G1"], vec![a, b]);
    assert_eq!(net.labels(), ["a", "b", "c"]);
    assert_eq!(net.index_of("c"), Some(c));
    assert_eq!(net.index_of("zed"), None);
}

#[test]
fn directed_ties_are_not_merged_with_their_reverse() {
    let mut net = triangle_with_two_layers();
    let (a, b) = (PersonId(0), PersonId(1));
    net.add_tie(b, a, "mail", 1.0).unwrap();
    assert_eq!(net.num_ties_in("mail").unwrap(), 3);
    assert_eq!(net.duplicates_merged(), 0);
    net.add_tie(b, a, "lunch", 5.0).unwrap();
    assert_eq!(net.num_ties_in("lunch").unwrap(), 2);
    assert_eq!(net.duplicates_merged(), 1);
    assert_eq!(net.tie(a, b, "lunch").unwrap().unwrap().weight, 1.0, "merge keeps the first");
}

#[test]
fn duplicate_and_self_loop_policies_are_counted_or_rejected() {
    let mut net = triangle_with_two_layers();
    let (a, b) = (PersonId(0), PersonId(1));
    net.set_duplicates(Duplicates::Sum);
    net.add_tie(b, a, "lunch", 0.5).unwrap();
    let tie = net.tie(a, b, "lunch").unwrap().unwrap();
    assert_eq!((tie.weight, tie.multiplicity), (1.5, 2));
    net.set_duplicates(Duplicates::Reject);
    let err = net.add_tie(a, b, "lunch", 1.0).unwrap_err();
    assert_eq!(err.kind(), "DuplicateTieError");
    assert_eq!(err.to_string(), "duplicate tie a - b in layer \"lunch\"");

    assert!(matches!(net.add_tie(a, a, "lunch", 1.0), Err(Error::SelfLoop { .. })));
    net.set_self_loops(SelfLoops::Drop);
    assert_eq!(net.add_tie(a, a, "lunch", 1.0).unwrap(), None);
    assert_eq!(net.self_loops_dropped(), 1);
    assert_eq!(net.num_ties(), 4);
}

#[test]
fn bad_input_gets_a_typed_error_and_changes_nothing() {
    let mut net = triangle_with_two_layers();
    let (a, b) = (PersonId(0), PersonId(1));
    let before = net.num_ties();
    let cases: Vec<(Error, &str)> = vec![
        (net.add_tie(a, b, "dinner", 1.0).unwrap_err(), "UnknownLayerError"),
        (net.add_tie(a, PersonId(99), "lunch", 1.0).unwrap_err(), "UnknownPersonError"),
        (net.add_tie(a, b, "lunch", -1.0).unwrap_err(), "InvalidParameterError"),
        (net.add_tie(a, b, "lunch", f64::NAN).unwrap_err(), "InvalidParameterError"),
        (net.add_tie(a, b, "lunch", f64::INFINITY).unwrap_err(), "InvalidParameterError"),
        (
            net.add_tie_spec(a, b, "lunch", TieSpec::weight(1.0).probability(1.2)).unwrap_err(),
            "InvalidParameterError",
        ),
        (
            net.add_tie_spec(a, b, "lunch", TieSpec::weight(1.0).probability(f64::NAN))
                .unwrap_err(),
            "InvalidParameterError",
        ),
        (
            net.add_layer(Layer::physical("w").probability(-0.1)).unwrap_err(),
            "InvalidParameterError",
        ),
        (net.add_layer(Layer::physical("w").latency(0)).unwrap_err(), "InvalidParameterError"),
        (
            net.add_layer(Layer::physical("w").latency(reseau::MAX_LATENCY + 1)).unwrap_err(),
            "InvalidParameterError",
        ),
        (net.add_layer(Layer::physical("")).unwrap_err(), "InvalidParameterError"),
        (net.add_layer(Layer::physical("lunch")).unwrap_err(), "DuplicateLayerError"),
        (net.add_person(Person::new().label("a")).unwrap_err(), "DuplicateLabelError"),
        (net.add_person(Person::new().cost(f64::NAN)).unwrap_err(), "InvalidParameterError"),
        ("banana".parse::<LayerKind>().unwrap_err(), "InvalidParameterError"),
        ("banana".parse::<PersonKind>().unwrap_err(), "InvalidParameterError"),
    ];
    for (err, kind) in cases {
        assert_eq!(err.kind(), kind, "{err}");
        assert!(Error::KINDS.contains(&err.kind()));
    }
    assert_eq!((net.num_ties(), net.num_layers(), net.num_people()), (before, 2, 3));
    let msg = net.add_tie(a, b, "lunch", -2.0).unwrap_err().to_string();
    assert_eq!(msg, "invalid weight: -2 (expected a finite number >= 0)");
}

#[test]
fn without_layers_and_flatten() {
    let net = triangle_with_two_layers();
    let offline = net.without_layers(&["mail"]).unwrap();
    assert_eq!((offline.num_layers(), offline.num_ties(), offline.num_people()), (1, 2, 3));
    assert_eq!(offline.labels(), net.labels());
    assert!(matches!(net.without_layers(&["nope"]), Err(Error::UnknownLayer { .. })));

    let flat = net.flatten("all", LayerKind::Physical).unwrap();
    let layer = &flat.layers()[0];
    assert!(layer.directed, "one directed layer makes the flat view directed");
    // lunch a-b, b-c both ways (4) + mail a->b, c->a; a->b merges with lunch's a->b.
    assert_eq!(flat.num_ties(), 5);
    let ab = flat.tie(PersonId(0), PersonId(1), "all").unwrap().unwrap();
    assert_eq!((ab.weight, ab.multiplicity), (2.0, 2));
}

#[test]
fn signs_kinds_and_costs_reach_the_compiled_view() {
    let mut net = Network::new();
    net.add_layer(Layer::digital("trust").directed(true)).unwrap();
    let a = net.add_person(Person::new().kind(PersonKind::Media).cost(10.0)).unwrap();
    let b = net.add_person(Person::new().group("x")).unwrap();
    net.add_tie_spec(a, b, "trust", TieSpec::weight(3.0).sign(Sign::Negative)).unwrap();
    let view = net.compile();
    assert_eq!(view.kinds(), &[PersonKind::Media, PersonKind::Person]);
    assert_eq!(view.costs(), &[10.0, 1.0]);
    assert_eq!(view.layers()[0].signs(), &[-1]);
    assert_eq!(view.layers()[0].weights(), &[3.0]);
    assert!(view.bytes_per_directed_tie() <= 16.0 + 3.0 * 4.0);
}

/// A random multiplex: `n` people, two layers (one directed), ties from `pairs`.
fn random_network(n: u32, pairs: &[(u32, u32, bool)]) -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::physical("p")).unwrap();
    net.add_layer(Layer::digital("d").directed(true)).unwrap();
    net.add_people(n as usize).unwrap();
    net.set_self_loops(SelfLoops::Drop);
    for &(a, b, digital) in pairs {
        let layer = if digital { "d" } else { "p" };
        net.add_tie(PersonId(a % n), PersonId(b % n), layer, 1.0).unwrap();
    }
    net
}

proptest! {
    #[test]
    fn degrees_sum_to_twice_the_ties(n in 1u32..30, pairs in prop::collection::vec((0u32..30, 0u32..30, any::<bool>()), 0..120)) {
        let net = random_network(n, &pairs);
        prop_assert_eq!(net.degrees(None).iter().map(|&d| d as usize).sum::<usize>(), 2 * net.num_ties());
        let merged = net.duplicates_merged() + net.self_loops_dropped();
        prop_assert_eq!(net.num_ties() as u64 + merged, pairs.len() as u64);
    }

    #[test]
    fn the_compiled_view_holds_exactly_the_ties(n in 1u32..30, pairs in prop::collection::vec((0u32..30, 0u32..30, any::<bool>()), 0..120)) {
        let net = random_network(n, &pairs);
        let view = net.compile();
        prop_assert_eq!(view.num_directed_ties(), net.num_directed_ties());
        for (l, layer) in view.layers().iter().enumerate() {
            let mut from_view: Vec<(u32, u32)> = (0..n)
                .flat_map(|u| layer.successors(u).iter().map(move |&v| (u, v)))
                .collect();
            let mut from_net: Vec<(u32, u32)> = Vec::new();
            for t in net.ties_in(LayerId(l as u32)).unwrap() {
                from_net.push((t.source.0, t.target.0));
                if !layer.directed {
                    from_net.push((t.target.0, t.source.0));
                }
            }
            from_view.sort_unstable();
            from_net.sort_unstable();
            prop_assert_eq!(&from_view, &from_net);
            let mut reversed: Vec<(u32, u32)> = (0..n)
                .flat_map(|v| layer.transpose().successors(v).iter().map(move |&u| (u, v)).collect::<Vec<_>>())
                .collect();
            reversed.sort_unstable();
            prop_assert_eq!(reversed, from_view);
        }
        prop_assert!(view.bytes_per_directed_tie() <= 15.0 + 1e-9 + 8.0 * f64::from(n + 1) / view.num_directed_ties().max(1) as f64);
    }

    #[test]
    fn removing_a_layer_removes_exactly_its_ties(n in 1u32..30, pairs in prop::collection::vec((0u32..30, 0u32..30, any::<bool>()), 0..120)) {
        let net = random_network(n, &pairs);
        let without = net.without_layers(&["d"]).unwrap();
        prop_assert_eq!(without.num_ties(), net.num_ties_in("p").unwrap());
        prop_assert!(net.overlap("p", "d").unwrap() <= net.num_ties_in("p").unwrap());
        prop_assert_eq!(net.overlap("p", "d").unwrap(), net.overlap("d", "p").unwrap());
    }
}
