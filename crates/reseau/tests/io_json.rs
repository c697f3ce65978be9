//! Lossless JSON: round trips, versions, and documents that are not valid saved networks.

use proptest::prelude::*;
use reseau::io::{EdgeListOptions, FORMAT_VERSION, parse_edgelist};
use reseau::{
    Duplicates, Error, Layer, LayerKind, Network, Person, PersonId, PersonKind, SelfLoops, Sign,
    TieSpec,
};

#[test]
fn aarhus_round_trip_is_byte_identical() {
    let net = reseau::datasets::aarhus_cs();
    let json = net.to_json();
    let back = Network::from_json(&json).unwrap();
    assert_eq!(back.to_json(), json);
    assert_eq!((back.num_people(), back.num_ties()), (61, 620));
    assert_eq!(back.labels(), net.labels());
    assert_eq!(back.groups(), net.groups());
    assert!(back.ties().eq(net.ties()));
}

#[test]
fn policies_and_counters_survive() {
    let options = EdgeListOptions {
        policy: reseau::io::TiePolicy {
            duplicates: Duplicates::Sum,
            self_loops: reseau::io::SelfLoopsInFiles(SelfLoops::Drop),
        },
        ..Default::default()
    };
    let net = parse_edgelist(b"a b 1\nb a 2\nc c\n", "t", &options).unwrap();
    let back = Network::from_json(&net.to_json()).unwrap();
    assert_eq!((back.duplicates_merged(), back.self_loops_dropped()), (1, 1));
    assert_eq!(back.ties().next().unwrap().multiplicity, 2);
    let mut back = back;
    // The policy came back too: another self-loop is dropped, not refused.
    let c = back.index_of("c").unwrap();
    assert_eq!(back.add_tie(c, c, "ties", 1.0).unwrap(), None);
}

#[test]
fn newer_version_is_refused_before_anything_else() {
    let json = Network::new().to_json().replace(
        &format!("\"version\":{FORMAT_VERSION}"),
        &format!("\"version\":{}", FORMAT_VERSION + 1),
    );
    let err = Network::from_json(&json).unwrap_err();
    assert_eq!(
        err,
        Error::UnsupportedVersion { found: FORMAT_VERSION + 1, supported: FORMAT_VERSION }
    );
    assert_eq!(err.kind(), "UnsupportedVersionError");
    // Even when the rest is in a shape this version does not know.
    let future = r#"{"format": "reseau.network", "version": 7, "hypergraph": {"edges": []}}"#;
    assert!(matches!(Network::from_json(future), Err(Error::UnsupportedVersion { found: 7, .. })));
}

#[test]
fn missing_field_is_a_json_error_with_its_position() {
    let json = Network::new().to_json().replace(",\"ties\":[]", "");
    let err = Network::from_json(&json).unwrap_err();
    let Error::Json { line, column, message } = &err else { panic!("{err:?}") };
    assert_eq!(*line, 1);
    assert!(*column > 1);
    assert_eq!(message, "missing field `ties`");
    assert_eq!(err.kind(), "JsonError");
}

#[test]
fn extra_field_is_a_json_error() {
    let json = Network::new().to_json().replace("\"ties\":[]", "\"ties\":[],\n\"colour\":\"red\"");
    let err = Network::from_json(&json).unwrap_err();
    let Error::Json { line, message, .. } = &err else { panic!("{err:?}") };
    assert_eq!(*line, 2);
    assert!(message.starts_with("unknown field `colour`"), "{message}");
    // Inside a person too.
    let mut net = Network::new();
    net.add_person(Person::new().label("a")).unwrap();
    let json = net.to_json().replace("\"label\":\"a\"", "\"label\":\"a\",\"age\":3");
    assert!(matches!(Network::from_json(&json), Err(Error::Json { .. })));
}

#[test]
fn invalid_ties_are_refused_on_load() {
    let mut net = Network::new();
    net.add_layer(Layer::physical("work")).unwrap();
    net.add_people(2).unwrap();
    net.add_tie_spec(PersonId(0), PersonId(1), "work", TieSpec::weight(1.0).probability(0.5))
        .unwrap();
    let json = net.to_json();
    let unknown = json.replace("\"target\":1", "\"target\":2");
    assert_eq!(
        Network::from_json(&unknown).unwrap_err(),
        Error::UnknownPerson { person: "#2".into() }
    );
    let bad_probability = json.replace("\"probability\":0.5", "\"probability\":2.0");
    let err = Network::from_json(&bad_probability).unwrap_err();
    assert!(
        matches!(err, Error::InvalidParameter { ref name, .. } if name == "ties[0]: probability")
    );
    let bad_layer = json.replace("\"layer\":0", "\"layer\":3");
    assert!(matches!(Network::from_json(&bad_layer), Err(Error::UnknownLayer { .. })));
    let negative = json.replace("\"weight\":1.0", "\"weight\":-1.0");
    assert!(matches!(Network::from_json(&negative), Err(Error::InvalidParameter { .. })));
    let twice = json.replace("}]}", "},{\"source\":1,\"target\":0,\"layer\":0}]}");
    assert!(matches!(Network::from_json(&twice), Err(Error::DuplicateTie { .. })), "{twice}");
}

/// A network built from arbitrary pieces: layers of both kinds and directions, people with
/// and without labels, groups, attributes and positions, ties with signs and probabilities.
fn arbitrary_network() -> impl Strategy<Value = Network> {
    let layer = (any::<bool>(), any::<bool>(), proptest::option::of(0.0..=1.0f64), 1u32..5);
    let person = (
        proptest::option::of("[a-z]{1,6}"),
        proptest::option::of("G[0-9]"),
        0usize..4,
        0.0..1e6f64,
        proptest::option::of((-1e3..1e3f64, -1e3..1e3f64)),
        proptest::collection::btree_map("[a-z]{1,4}", ".{0,8}", 0..3),
    );
    let tie = (
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        0.0..1e9f64,
        any::<bool>(),
        proptest::option::of(0.0..=1.0f64),
    );
    (
        proptest::collection::vec(layer, 1..4),
        proptest::collection::vec(person, 1..12),
        proptest::collection::vec(tie, 0..40),
        any::<bool>(),
    )
        .prop_map(|(layers, people, ties, sum)| {
            let mut net = Network::new();
            net.set_duplicates(if sum { Duplicates::Sum } else { Duplicates::Merge });
            net.set_self_loops(SelfLoops::Drop);
            for (i, (digital, directed, p, latency)) in layers.into_iter().enumerate() {
                let kind = if digital { LayerKind::Digital } else { LayerKind::Physical };
                let mut layer =
                    Layer::new(format!("layer{i}"), kind).directed(directed).latency(latency);
                layer.probability = p;
                net.add_layer(layer).unwrap();
            }
            let kinds = [
                PersonKind::Person,
                PersonKind::Influencer,
                PersonKind::Media,
                PersonKind::Organization,
            ];
            for (label, group, kind, cost, position, attributes) in people {
                let mut person = Person::new().kind(kinds[kind]).cost(cost);
                person.group = group;
                person.position = position.map(|(x, y)| [x, y]);
                person.attributes = attributes;
                if let Some(label) = label.filter(|l| net.index_of(l).is_none()) {
                    person = person.label(label);
                }
                net.add_person(person).unwrap();
            }
            let (n, m) = (net.num_people() as u32, net.num_layers() as u32);
            for (a, b, l, weight, negative, p) in ties {
                let mut spec = TieSpec::weight(weight);
                if negative {
                    spec = spec.sign(Sign::Negative);
                }
                spec.probability = p;
                let layer = reseau::LayerId(l % m);
                net.add_tie_spec(PersonId(a % n), PersonId(b % n), layer, spec).unwrap();
            }
            net
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn json_round_trip_gives_the_same_json(net in arbitrary_network()) {
        let json = net.to_json();
        let back = Network::from_json(&json).unwrap();
        prop_assert_eq!(back.to_json(), json);
        prop_assert!(back.ties().eq(net.ties()));
        prop_assert!(back.people().eq(net.people()));
    }
}
