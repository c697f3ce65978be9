//! The study of `examples/claims.rs` on tiny constructed networks whose answers are known,
//! so that the example cannot rot: its modules are compiled here as they are there.

#![allow(clippy::float_cmp)] // exact by construction

// Each test uses part of each module; the example uses the rest.
#[allow(dead_code)]
#[path = "../examples/claims/cold.rs"]
mod cold;
#[allow(dead_code)]
#[path = "../examples/claims/kinds.rs"]
mod kinds;
#[allow(dead_code)]
#[path = "../examples/claims/mix.rs"]
mod mix;
#[allow(dead_code)]
#[path = "../examples/claims/shadow.rs"]
mod shadow;
#[allow(dead_code)]
#[path = "../examples/claims/spread.rs"]
mod spread;
#[allow(dead_code)]
#[path = "../examples/claims/tired.rs"]
mod tired;

use reseau::balance::EffortResponse;
use reseau::fatigue::Fatigue;
use reseau::referral::Workload;
use reseau::{Layer, LayerKind, Network, PersonId};

/// Two people tied in person.
fn pair() -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::physical("office")).unwrap();
    net.add_people(2).unwrap();
    net.add_tie(PersonId(0), PersonId(1), "office", 1.0).unwrap();
    net
}

#[test]
fn a_cold_contact_never_beats_a_one_hop_chain() {
    let rates = vec![0.05, 0.5, 1.0];
    let settings = cold::ColdSettings {
        workload: Workload::pairs(vec![[0, 1]; 400]),
        forward: 0.3, // no intermediary: the base probability plays no part
        cold_rates: rates.clone(),
        fatigue: Fatigue::hill(2.0, 2.0).half_life(10.0),
        seed: 3,
    };
    let row = cold::compare(&pair().compile(), &settings).unwrap();
    assert_eq!(row.chain.success, 1.0, "the target is the source's contact");
    assert_eq!(row.chain.time, Some(1.0));
    for (cold, tired) in row.cold.iter().zip(&row.cold_tired) {
        assert_ne!(cold::verdict(&row.chain, cold), cold::Verdict::DoesNotHold);
        assert_ne!(cold::verdict(&row.chain_tired, tired), cold::Verdict::DoesNotHold);
    }
    assert_eq!(cold::verdict(&row.chain, &row.cold[0]), cold::Verdict::Holds);
    // A cold message answered every time ties with the chain: the chain stops winning there.
    assert_eq!(row.cold[2].success, 1.0);
    assert_eq!(cold::verdict(&row.chain, &row.cold[2]), cold::Verdict::CannotTell);
    assert_eq!(cold::break_even(&row.chain, &row.cold, &rates), Some(1.0));
    // Both load only the target: 100 requests per 100.
    assert_eq!((row.chain.top_load, row.cold[2].top_load), (100.0, 100.0));
    assert_eq!(row.cold[0].steps_per_success().map(|s| s > 10.0), Some(true));
}

/// 12 people: a physical ring of 12 ties and a digital star of 4.
fn two_kinds() -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::physical("office")).unwrap();
    net.add_layer(Layer::digital("mail")).unwrap();
    net.add_people(12).unwrap();
    for i in 0..12 {
        net.add_tie(PersonId(i), PersonId((i + 1) % 12), "office", 1.0).unwrap();
    }
    for i in 1..5 {
        net.add_tie(PersonId(0), PersonId(i * 2), "mail", 1.0).unwrap();
    }
    net
}

#[test]
fn subsampling_gives_equal_tie_counts_of_one_kind_from_a_seed() {
    let net = two_kinds();
    let cut = kinds::only_kind(&net, LayerKind::Physical, Some(4), 7).unwrap();
    assert_eq!((cut.num_people(), cut.num_ties(), cut.num_layers()), (12, 4, 1));
    assert!(cut.ties().all(|t| cut.layer(t.layer).name == "office"));
    let ties = |n: &Network| n.ties().map(|t| (t.source, t.target)).collect::<Vec<_>>();
    assert_eq!(ties(&cut), ties(&kinds::only_kind(&net, LayerKind::Physical, Some(4), 7).unwrap()));
    let all = kinds::only_kind(&net, LayerKind::Digital, None, 7).unwrap();
    assert_eq!(all.num_ties(), 4);
    let settings = kinds::KindSettings {
        workload: Workload::random(2.0, 50),
        forward: 1.0,
        sources: 3,
        runs: 50,
        seed: 1,
    };
    let row = kinds::compare(&net, &settings).unwrap();
    assert_eq!([row.all[0].ties, row.all[1].ties], [12, 4]);
    assert_eq!([row.equal[0].ties, row.equal[1].ties], [4, 4]);
    assert_eq!(kinds::winner([0.5, 0.6], [0.1, 0.2]), kinds::Winner::Physical);
    assert_eq!(kinds::winner([0.1, 0.3], [0.2, 0.4]), kinds::Winner::Neither);
}

fn row(best: [Option<mix::Best>; 4]) -> mix::MixRow {
    mix::MixRow {
        declining: "mail".into(),
        successor: mix::SUCCESSOR.into(),
        best: best.iter().map(|b| vec![*b, None]).collect(),
        decline: [vec![None, None], vec![None, None]],
    }
}

#[test]
fn the_assumption_that_decides_is_the_one_that_moves_the_count() {
    let end = Some(mix::Best { mix: 1.0, interior: false, beats_ends: false, flat: false });
    let inside = Some(mix::Best { mix: 0.4, interior: true, beats_ends: true, flat: false });
    assert_eq!(mix::ASSUMPTIONS[1].effort, EffortResponse::Diminishing);
    assert!(!mix::ASSUMPTIONS[1].two_inboxes && mix::ASSUMPTIONS[2].two_inboxes);
    // Balanced only with diminishing returns: the effort response decides.
    let rows = vec![row([end, inside, end, inside]), row([end, inside, end, inside])];
    assert_eq!(mix::balanced(&rows, 1, 0), 2);
    assert_eq!(mix::effects(&rows, 0), (4, 0));
    // Balanced only with two inboxes: the inboxes decide.
    let rows = vec![row([end, end, inside, inside])];
    assert_eq!(mix::effects(&rows, 0), (0, 2));
    assert_eq!(mix::effects(&[row([end; 4])], 0), (0, 0));
}

#[test]
fn the_balance_study_adds_a_successor_platform_when_there_is_none() {
    let net = reseau::datasets::aarhus_cs();
    assert_eq!(mix::declining_layer(&net).as_deref(), Some("facebook"));
    let settings = mix::MixSettings {
        mixes: vec![0.0, 0.5, 1.0],
        rate_per_person: 0.05,
        steps: 10,
        runs: 10,
        forward: 0.8,
        fatigue: Fatigue::hill(2.0, 2.0).half_life(10.0),
        decline_rate: 0.5,
        periods: 2,
        migration: 0.5,
        seed: 1,
    };
    let row = mix::study(&net, "facebook", &settings).unwrap();
    assert_eq!(row.successor, mix::SUCCESSOR);
    assert_eq!(row.best.len(), mix::ASSUMPTIONS.len());
    for decline in &row.decline {
        let reach = decline[0].unwrap();
        assert!(settings.mixes.contains(&reach.robust) && settings.mixes.contains(&reach.safest));
    }
    assert_eq!(mix::declining_layer(&pair()), None);
}

#[test]
fn spread_is_the_median_and_the_10_to_90_range() {
    let values: Vec<f64> = (1..=11).map(f64::from).collect();
    let s = spread::spread(&values);
    assert_eq!((s.median, s.low, s.high), (6.0, 2.0, 10.0));
    assert!(spread::spread(&[]).median.is_nan());
    assert_eq!(spread::share([true, false, true, true]), 0.75);
}

#[test]
fn a_shadow_layer_of_size_0_changes_nothing_and_a_whole_one_does() {
    let net = two_kinds();
    assert_eq!(shadow::shadow_layer(&net).as_deref(), Some("office"));
    assert_eq!(shadow::shadow_layer(&pair()), None, "nothing else to see");
    let half = shadow::with_shadow(&net, "office", 0.5, 2).unwrap();
    assert_eq!(half.num_ties_in("office").unwrap(), 6);
    let settings =
        shadow::ShadowSettings { shares: vec![0.0, 1.0], sources: 4, runs: 200, k: 2, seed: 5 };
    let points = shadow::compare(&net, "office", &settings).unwrap();
    let none = points[0];
    assert_eq!(
        (none.ties, none.spread_error, none.overlap, none.relay_efficiency),
        (0, 0.0, 1.0, 1.0)
    );
    // The whole ring: sources off the star reach nobody in the visible network, several
    // people in the truth.
    let all = points[1];
    assert_eq!(all.ties, 12);
    assert!(all.spread_error > 0.1, "{all:?}");
}

#[test]
fn a_feature_is_robust_only_when_every_curve_gives_it() {
    use tired::Robustness::{Absent, FollowsFromTheCurve, Robust};
    assert_eq!(tired::robustness(&[0.95, 1.0, 0.9]), Robust);
    assert_eq!(tired::robustness(&[0.0, 0.1]), Absent);
    assert_eq!(tired::robustness(&[0.0, 1.0]), FollowsFromTheCurve);
    let curves = tired::grid(10.0);
    assert!(curves.len() >= 4 && curves.iter().any(|c| c.name.starts_with("capacity")));
    let settings = tired::CurveSettings {
        rates_per_person: vec![0.05, 0.5, 5.0],
        steps: 40,
        forward: 1.0,
        seed: 1,
    };
    let shapes = tired::shapes(&two_kinds().compile(), &curves[..2], &settings).unwrap();
    assert_eq!(shapes.len(), 2);
    for s in shapes {
        // The peak is one of the rates asked for, per person (not per network).
        assert!(
            settings.rates_per_person.iter().any(|&r| (r - s.peak_per_person).abs() < 1e-12),
            "{s:?}"
        );
        assert_eq!(s.interior_peak, (s.peak_per_person - 0.5).abs() < 1e-12);
        assert!((0.0..=1.0).contains(&s.light_success));
    }
}
