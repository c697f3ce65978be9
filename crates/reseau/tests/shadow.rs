//! Shadow layers: hidden from the analyst (`Network::observed`), simulated like any other;
//! the gap between the two views (`shadow::shadow_gap`); lobbies from the professional
//! generator; the flag through the file formats; the report's claim 5.

// Exact answers (a certain cascade, the same draws on both sides) are compared exactly.
#![allow(clippy::float_cmp)]

use proptest::prelude::*;
use reseau::cascade::{Model, SimulateRequest, simulate};
use reseau::generators::{ProfessionalOptions, professional};
use reseau::report::{ReportRequest, Verdict, report};
use reseau::shadow::{ShadowGapRequest, shadow_gap};
use reseau::{Layer, LayerKind, Network, Person, PersonId, PersonKind, datasets};

fn aarhus_with_empty_shadow() -> Network {
    let mut net = datasets::aarhus_cs();
    net.add_layer(Layer::physical("lobbying").shadow(true)).unwrap();
    net
}

#[test]
fn a_shadow_layer_without_ties_changes_nothing() {
    let plain = datasets::aarhus_cs();
    let net = aarhus_with_empty_shadow();
    assert_eq!(net.observed().compile(), plain.compile());
    assert_eq!(net.num_shadow_ties(), 0);
    // The gap is exactly none, and both sides are the spread on the network without it.
    // (An empty layer of any kind, left in, takes random draws in the engine: the truth
    // drops it.)
    let request =
        ShadowGapRequest { sources: vec!["U4".into()], runs: 2000, seed: 9, ..Default::default() };
    let gap = shadow_gap(&net, &request).unwrap();
    let alone =
        simulate(&plain.compile(), &SimulateRequest::new(["U4"]).runs(2000).seed(9)).unwrap();
    assert_eq!((gap.shadow_ties, gap.missed, gap.missed_share), (0, 0.0, 0.0));
    assert_eq!(gap.missed_ci95[0], -gap.missed_ci95[1]);
    assert_eq!((gap.full_spread, gap.observed_spread), (alone.total.mean, alone.total.mean));
    assert_eq!(gap.full_spread_ci95, alone.total.ci95);
}

#[test]
fn a_network_without_shadow_layers_is_its_own_analysts_view() {
    let net = datasets::aarhus_cs();
    assert_eq!(net.observed().compile(), net.compile());
    assert_eq!(net.to_string(), net.observed().to_string());
}

#[test]
fn a_shadow_of_share_zero_leaves_no_gap() {
    let mut net = datasets::aarhus_cs();
    net.set_layer_shadow("leisure", true).unwrap();
    let request = ShadowGapRequest {
        sources: vec!["U4".into()],
        share: 0.0,
        runs: 2000,
        ..Default::default()
    };
    let gap = shadow_gap(&net, &request).unwrap();
    assert_eq!(gap.shadow_ties, 0);
    assert_eq!(gap.full_spread, gap.observed_spread);
    assert_eq!(gap.missed, 0.0);
    // And the observed side is the spread on the network without the layer.
    let visible = net.without_layers(&["leisure"]).unwrap();
    let alone = simulate(&visible.compile(), &SimulateRequest::new(["U4"]).runs(2000)).unwrap();
    assert_eq!(gap.observed_spread, alone.total.mean);
}

/// A lobby (0) tied in the shadow to 1 (p = 1) and 2 (p = `p`); 2 is tied in plain sight to
/// 3 (p = 1); 4 is tied to 3 only in plain sight and never reached from the lobby otherwise.
fn lobby_network(p: f64) -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::digital("linkedin").probability(1.0)).unwrap();
    net.add_layer(Layer::physical("lobbying").shadow(true).probability(1.0)).unwrap();
    let lobby =
        net.add_person(Person::new().label("lobby").kind(PersonKind::Organization)).unwrap();
    let people: Vec<PersonId> =
        (1..5).map(|i| net.add_person(Person::new().label(format!("p{i}"))).unwrap()).collect();
    net.add_tie(lobby, people[0], "lobbying", 1.0).unwrap();
    net.add_tie_spec(
        lobby,
        people[1],
        "lobbying",
        reseau::TieSpec { probability: Some(p), ..Default::default() },
    )
    .unwrap();
    net.add_tie(people[1], people[2], "linkedin", 1.0).unwrap();
    net.add_tie(people[2], people[3], "linkedin", 1.0).unwrap();
    net
}

#[test]
fn a_lobby_seen_only_in_the_shadow_reaches_no_one_in_the_analysts_view() {
    // Every tie certain: the lobby reaches 1, 2, 3 and 4, exactly 5 people with itself.
    let net = lobby_network(1.0);
    let gap = shadow_gap(&net, &ShadowGapRequest { runs: 500, ..Default::default() }).unwrap();
    assert_eq!(gap.sources, vec![0]);
    assert_eq!((gap.shadow_layers.clone(), gap.shadow_ties), (vec!["lobbying".to_owned()], 2));
    assert_eq!((gap.full_spread, gap.full_spread_ci95), (5.0, [5.0, 5.0]));
    assert_eq!((gap.observed_spread, gap.observed_spread_ci95), (1.0, [1.0, 1.0]));
    assert_eq!((gap.missed, gap.missed_share), (4.0, 0.8));

    // The tie to 2 passes half the time: 1 + 1 + 0.5 × 3 = 3.5 expected.
    let net = lobby_network(0.5);
    let gap = shadow_gap(&net, &ShadowGapRequest { runs: 20_000, seed: 3, ..Default::default() })
        .unwrap();
    assert_eq!(gap.observed_spread, 1.0);
    let [lo, hi] = gap.full_spread_ci95;
    let half = (hi - lo) / 2.0;
    assert!((gap.full_spread - 3.5).abs() < 2.5 * half, "{gap:?}");
    assert!(gap.missed_ci95[0] > 2.0 && gap.missed_ci95[1] < 3.0, "{gap:?}");
}

#[test]
fn the_model_may_set_the_shadow_layers_the_analyst_knows_nothing_of() {
    // A model that switches the shadow layer off makes the truth the analyst's view.
    let net = lobby_network(1.0);
    let off = Model::independent_cascade(1.0)
        .layer("lobbying", reseau::cascade::LayerSettings { enabled: false, ..Default::default() });
    let gap = shadow_gap(&net, &ShadowGapRequest { model: off, runs: 100, ..Default::default() })
        .unwrap();
    assert_eq!((gap.full_spread, gap.observed_spread), (1.0, 1.0));
}

#[test]
fn bad_requests_are_typed_errors() {
    let net = lobby_network(1.0);
    let kind = |r: ShadowGapRequest, on: &Network| shadow_gap(on, &r).unwrap_err().kind();
    assert_eq!(
        kind(ShadowGapRequest { share: 1.5, ..Default::default() }, &net),
        "InvalidParameterError"
    );
    assert_eq!(
        kind(ShadowGapRequest { share: f64::NAN, ..Default::default() }, &net),
        "InvalidParameterError"
    );
    assert_eq!(
        kind(ShadowGapRequest { runs: 0, ..Default::default() }, &net),
        "InvalidParameterError"
    );
    let unknown = ShadowGapRequest { shadow_layers: vec!["dinner".into()], ..Default::default() };
    assert_eq!(kind(unknown, &net), "UnknownLayerError");
    let nobody = ShadowGapRequest { sources: vec!["nobody".into()], ..Default::default() };
    assert_eq!(kind(nobody, &net), "UnknownPersonError");
    // No shadow layer at all; no source and no organisation.
    let plain = datasets::aarhus_cs();
    let err =
        shadow_gap(&plain, &ShadowGapRequest { sources: vec![0.into()], ..Default::default() })
            .unwrap_err();
    assert_eq!((err.kind(), err.to_string().contains("shadow")), ("InvalidParameterError", true));
    let hidden = ShadowGapRequest { shadow_layers: vec!["leisure".into()], ..Default::default() };
    let err = shadow_gap(&plain, &hidden).unwrap_err();
    assert!(err.to_string().contains("sources"), "{err}");
    // Naming a layer hides it without changing the network.
    let named = ShadowGapRequest { sources: vec![0.into()], runs: 50, ..hidden };
    assert_eq!(shadow_gap(&plain, &named).unwrap().shadow_layers, vec!["leisure".to_owned()]);
    assert!(plain.shadow_layers().is_empty());
}

#[test]
fn the_same_seed_gives_the_same_gap() {
    let mut net = datasets::aarhus_cs();
    net.set_layer_shadow("work", true).unwrap();
    let request = ShadowGapRequest {
        sources: vec!["U4".into()],
        share: 0.5,
        runs: 300,
        seed: 5,
        ..Default::default()
    };
    assert_eq!(shadow_gap(&net, &request).unwrap(), shadow_gap(&net, &request).unwrap());
    let half = net.with_shadow_share(0.5, 5).unwrap();
    assert_eq!(
        half.num_ties_in("work").unwrap(),
        (net.num_ties_in("work").unwrap() as f64 / 2.0).round() as usize
    );
    // Every kept tie is a tie of the network.
    for t in half.ties_in("work").unwrap() {
        assert!(net.tie(t.source, t.target, "work").unwrap().is_some());
    }
}

#[test]
fn lobbies_come_with_their_shadow_layer_and_leave_the_rest_as_it_was() {
    let options = ProfessionalOptions { people: 300, ..Default::default() };
    let plain = professional(&options, 4).unwrap();
    let lobbied =
        professional(&ProfessionalOptions { lobbies: 5, lobby_ties: 12, ..options.clone() }, 4)
            .unwrap();
    assert_eq!(lobbied.num_people(), 305);
    let layer = lobbied.layer(lobbied.layer_id("lobbying").unwrap());
    assert!(layer.shadow && layer.kind == LayerKind::Physical && !layer.directed);
    assert_eq!(lobbied.num_ties_in("lobbying").unwrap(), 60);
    assert_eq!(lobbied.num_shadow_ties(), 60);
    for l in 300..305 {
        let lobby = PersonId(l);
        assert_eq!(lobbied.person(lobby).unwrap().kind, PersonKind::Organization);
        assert_eq!(lobbied.degree(lobby, None), 12);
        assert!(lobbied.neighbors(lobby, None).iter().all(|p| p.0 < 300));
    }
    // The visible part is the network without lobbies, tie for tie.
    let seen = lobbied.observed();
    assert!(seen.ties().eq(plain.ties()));
    // Lobbies court the well connected: their contacts have more ties than the average.
    let degrees = plain.degrees(None);
    let mean = degrees.iter().map(|&d| f64::from(d)).sum::<f64>() / 300.0;
    let courted: Vec<f64> = (300..305)
        .flat_map(|l| lobbied.neighbors(PersonId(l), None))
        .map(|p| f64::from(degrees[p.index()]))
        .collect();
    assert!(courted.iter().sum::<f64>() / courted.len() as f64 > mean);
    // Deterministic, and lobbies = 0 is the generator as before.
    assert!(
        professional(&ProfessionalOptions { lobbies: 5, lobby_ties: 12, ..options.clone() }, 4)
            .unwrap()
            .ties()
            .eq(lobbied.ties())
    );
    assert!(
        professional(&ProfessionalOptions { lobby_ties: 3, ..options.clone() }, 4)
            .unwrap()
            .ties()
            .eq(plain.ties())
    );
}

#[test]
fn bad_lobby_settings_are_typed_errors() {
    let base = ProfessionalOptions { people: 50, lobbies: 1, ..Default::default() };
    let kind = |o: ProfessionalOptions| professional(&o, 1).unwrap_err().kind();
    assert_eq!(
        kind(ProfessionalOptions { lobby_ties: 0, ..base.clone() }),
        "InvalidParameterError"
    );
    assert_eq!(
        kind(ProfessionalOptions { lobby_ties: 51, ..base.clone() }),
        "InvalidParameterError"
    );
    assert_eq!(
        kind(ProfessionalOptions { lobby_layer: "office".into(), ..base.clone() }),
        "DuplicateLayerError"
    );
    assert_eq!(
        kind(ProfessionalOptions { lobby_layer: String::new(), ..base }),
        "InvalidParameterError"
    );
}

#[test]
fn the_shadow_flag_survives_every_format() {
    let mut net = datasets::aarhus_cs();
    net.set_layer_shadow("leisure", true).unwrap();
    let back = Network::from_json(&net.to_json()).unwrap();
    assert_eq!(back.shadow_layers(), net.shadow_layers());
    let back = Network::from_graphology(&net.to_graphology()).unwrap();
    assert_eq!(back.shadow_layers(), net.shadow_layers());
    let view = reseau::io::from_bytes(&net.compile().to_bytes()).unwrap();
    assert_eq!(view, net.compile());
    assert!(view.layers()[3].shadow && !view.layers()[0].shadow);
    assert_eq!(Network::from_compiled(view).unwrap().shadow_layers(), net.shadow_layers());
    // A file of before shadow layers (the committed version 1 fixture) reads as visible.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/aarhus_cs.rsn");
    let old = reseau::io::load(path).unwrap();
    assert!(old.layers().iter().all(|l| !l.shadow));
    assert_eq!(old, datasets::aarhus_cs().compile());
    // A JSON layer without the field is visible; the field is read when present.
    let layer: Layer = serde_json::from_str(r#"{"name": "x"}"#).unwrap();
    assert!(!layer.shadow);
    let layer: Layer = serde_json::from_str(r#"{"name": "x", "shadow": true}"#).unwrap();
    assert!(layer.shadow);
}

#[test]
fn a_damaged_layer_code_is_a_format_error() {
    let mut net = Network::new();
    net.add_layer(Layer::digital("only").shadow(true)).unwrap();
    net.add_people(2).unwrap();
    let mut bytes = net.compile().to_bytes();
    // The layer's code (3: digital, shadow) is the only u64 of value 3 after the header.
    let at = (32..bytes.len() - 7)
        .step_by(8)
        .find(|&i| bytes[i..i + 8] == 3u64.to_le_bytes())
        .expect("the layer code");
    bytes[at] = 7;
    let err = reseau::io::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind(), "FormatError");
}

#[test]
fn the_report_counts_the_shadow_and_decides_claim_5_on_it() {
    let plain = report(&datasets::aarhus_cs(), &ReportRequest::quick()).unwrap();
    assert_eq!((plain.network.shadow_layers, plain.network.shadow_ties), (0, 0));
    assert!(plain.shadow.is_none());
    let line = plain.claims.iter().find(|c| c.claim == 5).unwrap();
    assert_eq!(line.verdict, Verdict::NotDecidedHere);

    let options =
        ProfessionalOptions { people: 200, lobbies: 3, lobby_ties: 20, ..Default::default() };
    let net = professional(&options, 2).unwrap();
    let r = report(&net, &ReportRequest::quick()).unwrap();
    assert_eq!((r.network.shadow_layers, r.network.shadow_ties), (1, 60));
    assert!(r.network.layers.iter().any(|l| l.shadow && l.name == "lobbying"));
    let gap = r.shadow.as_ref().unwrap();
    assert_eq!(gap.sources, vec![200, 201, 202]);
    assert_eq!(gap.observed_spread, 3.0);
    let line = r.claims.iter().find(|c| c.claim == 5).unwrap();
    assert_eq!(line.verdict, Verdict::Holds, "{line:?}");
    assert!(r.text().contains("shadow layer with 60 ties"), "{}", r.text());
    // The evidence points at the report's numbers.
    let json = serde_json::to_value(&r).unwrap();
    for e in &line.evidence {
        assert_eq!(
            json.pointer(&format!("/{}", e.path.replace('.', "/"))).unwrap().as_f64(),
            Some(e.value)
        );
    }
}

/// A network of `n` people and three layers, the second a shadow layer, with the ties given.
fn random_network(n: u32, ties: &[(u32, u32, u8)]) -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::physical("lunch")).unwrap();
    net.add_layer(Layer::physical("lobbying").shadow(true)).unwrap();
    net.add_layer(Layer::digital("mail").directed(true)).unwrap();
    net.add_people(n as usize).unwrap();
    for &(a, b, l) in ties {
        let (a, b) = (a % n, b % n);
        if a != b {
            let layer = ["lunch", "lobbying", "mail"][usize::from(l % 3)];
            net.add_tie(PersonId(a), PersonId(b), layer, 1.0 + f64::from(l)).unwrap();
        }
    }
    net
}

proptest! {
    #[test]
    fn observed_keeps_people_and_visible_ties_and_drops_exactly_the_shadow_ones(
        n in 1u32..25,
        ties in prop::collection::vec((0u32..25, 0u32..25, 0u8..9), 0..80),
    ) {
        let net = random_network(n, &ties);
        let seen = net.observed();
        prop_assert_eq!(seen.num_people(), net.num_people());
        prop_assert!(seen.shadow_layers().is_empty());
        prop_assert_eq!(seen.num_ties(), net.num_ties() - net.num_shadow_ties());
        prop_assert_eq!(net.num_shadow_ties(), net.num_ties_in("lobbying").unwrap());
        for (id, person) in net.people() {
            prop_assert_eq!(seen.person(id).unwrap(), person);
        }
        for t in net.ties() {
            let layer = &net.layer(t.layer).name;
            let kept = seen.tie(t.source, t.target, layer.as_str());
            if net.layer(t.layer).shadow {
                prop_assert!(kept.is_err());
            } else {
                let kept = kept.unwrap().unwrap();
                prop_assert_eq!(kept.weight, t.weight);
            }
        }
        let names: Vec<&str> = seen.layers().iter().map(|l| l.name.as_str()).collect();
        prop_assert_eq!(names, vec!["lunch", "mail"]);
    }
}
