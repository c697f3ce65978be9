//! The study of `examples/claims.rs` on tiny constructed networks whose answers are known,
//! so that the example cannot rot: its modules are compiled here as they are there.

#![allow(clippy::float_cmp)] // exact by construction

// Each test uses part of each module; the example uses the rest.
#[allow(dead_code)]
#[path = "../examples/claims/cold.rs"]
mod cold;
#[allow(dead_code)]
#[path = "../examples/claims/influencers.rs"]
mod influencers;
#[allow(dead_code)]
#[path = "../examples/claims/kinds.rs"]
mod kinds;
#[allow(dead_code)]
#[path = "../examples/claims/mix.rs"]
mod mix;
#[allow(dead_code)]
#[path = "../examples/claims/recover.rs"]
mod recover;
#[allow(dead_code)]
#[path = "../examples/claims/shadow.rs"]
mod shadow;
#[allow(dead_code)]
#[path = "../examples/claims/shadow_balance.rs"]
mod shadow_balance;
#[allow(dead_code)]
#[path = "../examples/claims/spread.rs"]
mod spread;
#[allow(dead_code)]
#[path = "../examples/claims/tired.rs"]
mod tired;

use reseau::balance::EffortResponse;
use reseau::fatigue::Fatigue;
use reseau::referral::Workload;
use reseau::{Layer, LayerKind, Network, PersonId, TieSpec};

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
    let settings =
        kinds::KindSettings { workload: (2.0, 50), forward: 1.0, sources: 3, runs: 50, seed: 1 };
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
    // 4 is 2 networks moved with one inbox plus the same 2 with two: the parts say so.
    assert_eq!(mix::effect_parts(&rows, 0), ([2, 2], [0, 0]));
    // Balanced only with two inboxes: the inboxes decide.
    let rows = vec![row([end, end, inside, inside])];
    assert_eq!(mix::effects(&rows, 0), (0, 2));
    assert_eq!(mix::effect_parts(&rows, 0), ([0, 0], [1, 1]));
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

/// 21 people: person 0 broadcasts to the 20 others on a digital layer with probability
/// `digital`; on the physical layer 1 → 2 and 3 → 4 pass for sure.
fn broadcaster(digital: f64) -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::physical("office").directed(true)).unwrap();
    net.add_layer(Layer::digital("feed").directed(true)).unwrap();
    net.add_people(21).unwrap();
    let sure = TieSpec::weight(1.0).probability(1.0);
    for (a, b) in [(1, 2), (3, 4)] {
        net.add_tie_spec(PersonId(a), PersonId(b), "office", sure).unwrap();
    }
    for i in 1..21 {
        let spec = TieSpec::weight(1.0).probability(digital);
        net.add_tie_spec(PersonId(0), PersonId(i), "feed", spec).unwrap();
    }
    net
}

fn cheap_settings() -> influencers::CheapSettings {
    influencers::CheapSettings {
        share: 0.05,
        budget: 10.0,
        costs: vec![1.0, 2.0, 5.0, 10.0],
        multipliers: vec![1.0, 3.0],
        runs: 20,
        seed: 5,
    }
}

#[test]
fn an_influencer_who_reaches_everyone_beats_any_budget_of_ordinary_people() {
    let net = broadcaster(1.0);
    // 5% of 21 rounds to 1: the broadcaster, the only one with digital ties.
    assert_eq!(influencers::influencers(&net, 0.05), vec![PersonId(0)]);
    let s = cheap_settings();
    let row = influencers::compare(&net, &s).unwrap();
    assert_eq!(row.influencers, 1);
    for point in &row.points {
        // Ten ordinary people reach at most the two people the office ties lead to.
        assert!(point.ordinary.per_cost <= 0.2 && point.physical.per_cost <= 0.2, "{point:?}");
        for (reach, cost) in point.influencers.iter().zip(&s.costs) {
            // The broadcaster alone, at any affordable cost, reaches all 20: 2 per unit of budget.
            assert_eq!((reach.relays, reach.cost, reach.per_cost), (1, *cost, 2.0));
            assert_eq!(reach.ci, [2.0, 2.0]);
        }
        // A free choice buys the broadcaster whatever it costs.
        assert!(point.influencer_spend.iter().zip(&s.costs).all(|(x, c)| *x >= c / 10.0));
    }
    let rows = [&row];
    assert_eq!(influencers::verdict(&rows, &s.costs, false), influencers::CheapVerdict::Holds);
    assert_eq!(influencers::verdict(&rows, &s.costs, true), influencers::CheapVerdict::Holds);
}

#[test]
fn an_influencer_whose_audience_never_listens_is_worth_nothing() {
    let net = broadcaster(0.0);
    let s = cheap_settings();
    let row = influencers::compare(&net, &s).unwrap();
    for point in &row.points {
        // Amplifying a probability of 0 leaves it 0.
        assert!(point.influencers.iter().all(|r| r.per_cost == 0.0), "{point:?}");
        // Two ordinary people at the start of the office ties reach two more: 0.2 per unit.
        assert_eq!(point.ordinary.per_cost, 0.2);
        assert_eq!(point.physical.per_cost, 0.2);
    }
    let rows = [&row];
    assert_eq!(
        influencers::verdict(&rows, &s.costs, false),
        influencers::CheapVerdict::DoesNotHold
    );
}

/// A comparison whose influencers reach `per_cost[m][c]` under multiplier m at cost c, against
/// ordinary people and physical relays at 1 (intervals ± 0.1).
fn synthetic(per_cost: [[f64; 4]; 2]) -> influencers::CheapRow {
    let reach =
        |x: f64| influencers::Reach { relays: 1, cost: 1.0, per_cost: x, ci: [x - 0.1, x + 0.1] };
    influencers::CheapRow {
        influencers: 1,
        points: [1.0, 3.0]
            .iter()
            .zip(per_cost)
            .map(|(&multiplier, row)| influencers::CheapPoint {
                multiplier,
                ordinary: reach(1.0),
                physical: reach(1.0),
                influencers: row.iter().map(|&x| reach(x)).collect(),
                influencer_spend: vec![0.0; 4],
            })
            .collect(),
    }
}

#[test]
fn the_claim_holds_up_to_the_highest_cost_at_which_influencers_win_on_most_networks() {
    use influencers::CheapVerdict::{CannotTell, DoesNotHold, HoldsUnder};
    let costs = [1.0, 2.0, 5.0, 10.0];
    // Influencers' reach per unit falls as they cost more: they win up to cost 2 (1.5 > 1.1).
    let cheap = synthetic([[3.0, 1.5, 0.6, 0.3], [6.0, 3.0, 1.2, 0.6]]);
    let tie = synthetic([[1.0; 4], [1.0; 4]]);
    assert_eq!(
        influencers::verdict(&[&cheap, &cheap, &tie], &costs, false),
        HoldsUnder { cost: 2.0, multiplier: 1.0 }
    );
    // Only amplified influencers win (on 2 of 3 networks): the multiplier is the assumption.
    let loud = synthetic([[1.0; 4], [3.0, 1.5, 0.6, 0.3]]);
    assert_eq!(
        influencers::verdict(&[&loud, &loud, &tie], &costs, false),
        HoldsUnder { cost: 2.0, multiplier: 3.0 }
    );
    // One network of three is not most networks.
    assert_eq!(influencers::verdict(&[&cheap, &tie, &tie], &costs, false), CannotTell);
    let weak = synthetic([[0.5; 4], [0.5; 4]]);
    assert_eq!(influencers::verdict(&[&weak, &weak], &costs, true), DoesNotHold);
    assert_eq!(influencers::verdict(&[], &costs, true), CannotTell);
}

#[test]
fn success_halves_where_the_interpolation_in_log_rate_says() {
    // From 0.8 to 0.2 between rates 1 and 100: half (0.4) is two thirds of the way in log rate.
    let at = tired::halving(&[0.1, 1.0, 100.0], &[0.8, 0.8, 0.2]).unwrap();
    assert!((at - 100f64.powf(2.0 / 3.0)).abs() < 1e-9, "{at}");
    assert_eq!(tired::halving(&[1.0, 2.0], &[0.8, 0.4]), Some(2.0));
    assert_eq!(tired::halving(&[1.0, 2.0], &[0.8, 0.5]), None);
    assert_eq!(tired::halving(&[1.0, 2.0], &[0.0, 0.0]), None);
    assert_eq!(tired::halving(&[], &[]), None);
}

#[test]
fn a_shadow_of_size_0_leaves_the_balance_verdict_as_the_visible_network_gives_it() {
    let net = reseau::datasets::aarhus_cs();
    let shadow = shadow::shadow_layer(&net).unwrap();
    assert!(shadow_balance::applies(&net, &shadow));
    assert!(!shadow_balance::applies(&two_kinds(), "office"), "no physical tie would be left");
    let settings = mix::MixSettings {
        mixes: vec![0.0, 0.5, 1.0],
        rate_per_person: 0.05,
        steps: 10,
        runs: 20,
        forward: 0.8,
        fatigue: Fatigue::hill(2.0, 2.0).half_life(10.0),
        decline_rate: 0.5,
        periods: 2,
        migration: 0.5,
        seed: 1,
    };
    let b =
        shadow_balance::compare(&net, &shadow, &[0.0, 1.0], mix::DECLINE_UNDER, &settings).unwrap();
    assert_eq!(b.truth[0].1, b.visible, "size 0 is the visible network");
    assert_eq!(b.truth.len(), 2);
    for m in 0..mix::MEASURES.len() {
        assert!(!shadow_balance::verdict_changed(b.visible[m], b.truth[0].1[m]));
        assert_eq!(shadow_balance::mix_shift(b.visible[m], b.truth[0].1[m]), Some(0.0));
    }
    let best = |mix: f64, beats_ends: bool| mix::Best {
        mix,
        interior: beats_ends,
        beats_ends,
        flat: false,
    };
    assert!(shadow_balance::verdict_changed(Some(best(0.5, true)), Some(best(0.5, false))));
    assert!(!shadow_balance::verdict_changed(Some(best(0.0, false)), Some(best(1.0, false))));
    assert!(shadow_balance::verdict_changed(None, Some(best(1.0, false))));
    assert_eq!(
        shadow_balance::mix_shift(Some(best(0.25, false)), Some(best(0.75, true))),
        Some(0.5)
    );
    assert_eq!(shadow_balance::mix_shift(None, Some(best(0.7, true))), None);
}

#[test]
fn the_fitted_shadow_share_finds_a_hidden_layer_that_carries_everything() {
    // A hidden star through person 0 passes for sure; the one visible tie never does.
    let mut net = Network::new();
    net.add_layer(Layer::digital("seen")).unwrap();
    net.add_layer(Layer::physical("hidden")).unwrap();
    net.add_people(10).unwrap();
    let never = TieSpec::weight(1.0).probability(0.0);
    net.add_tie_spec(PersonId(1), PersonId(2), "seen", never).unwrap();
    let sure = TieSpec::weight(1.0).probability(1.0);
    for i in 1..10 {
        net.add_tie_spec(PersonId(0), PersonId(i), "hidden", sure).unwrap();
    }
    let points = recover::recover(&net, "hidden", &[0.0, 1.0], 10, 3).unwrap();
    let (none, all) = (points[0], points[1]);
    // No shadow: the sources stay alone, nothing to explain.
    assert_eq!((none.adoptions, none.true_share), (0, 0.0));
    // The whole shadow: everyone adopts in every cascade, all of them through it.
    assert_eq!((all.adoptions, all.true_share), (90, 1.0));
    assert!(all.estimated > 0.9, "{all:?}");
}

#[test]
fn the_fitted_shadow_share_estimates_what_no_visible_tie_explains() {
    // 300 people; a visible layer and a hidden one of the same size, half of whose ties double
    // a visible tie (the same pair on both layers, as mentions double follows on Twitter).
    // An adoption over a doubled hidden tie looks like the visible tie's work, so the fit can
    // only see the adoptions no visible tie exposed: its interval must hold that share, and
    // it misses the share the hidden layer carried (the study's old truth: 0 of 32).
    let started = std::time::Instant::now();
    let (mut unexplained, mut carried) = (0, 0);
    let draws = 8;
    for seed in 0..draws {
        let mut net = Network::new();
        net.add_layer(Layer::physical("seen")).unwrap();
        net.add_layer(Layer::physical("hidden")).unwrap();
        net.add_people(300).unwrap();
        let seen = reseau::generators::erdos_renyi(300, 3.0, 2 * seed).unwrap();
        let own = reseau::generators::erdos_renyi(300, 3.0, 2 * seed + 1).unwrap();
        // Every tie passes with probability 0.25 (the study's cascades run the default model).
        let spec = TieSpec::weight(1.0).probability(0.25);
        let pairs: Vec<_> = seen.ties().map(|t| (t.source, t.target)).collect();
        for (k, &(a, b)) in pairs.iter().enumerate() {
            net.add_tie_spec(a, b, "seen", spec).unwrap();
            if k % 2 == 0 {
                net.add_tie_spec(a, b, "hidden", spec).unwrap();
            }
        }
        for t in own.ties().step_by(2) {
            // A pair already hidden keeps its one tie.
            let _ = net.add_tie_spec(t.source, t.target, "hidden", spec);
        }
        let p = recover::recover(&net, "hidden", &[1.0], 200, seed + 1).unwrap()[0];
        assert!(p.adoptions > 300, "{p:?}");
        // Nothing but the hidden layer explains an adoption no visible tie exposed.
        assert!(p.unexplained_share > 0.05 && p.unexplained_share < p.true_share, "{p:?}");
        let inside = |x: f64| p.ci[0] <= x && x <= p.ci[1];
        unexplained += usize::from(inside(p.unexplained_share));
        carried += usize::from(inside(p.true_share));
    }
    assert!(unexplained >= draws as usize - 1, "covered {unexplained} of {draws}");
    assert!(carried <= 1, "the carried share is not what the fit estimates: {carried}");
    assert!(started.elapsed().as_secs() < 120, "{:?}", started.elapsed());
}
