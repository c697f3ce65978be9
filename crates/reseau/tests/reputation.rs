//! Reputation scores against independent references: PageRank against networkx's values and
//! against a direct linear solve, k-core numbers on a hand-made graph, degrees by counting,
//! and the RR-set influence score against exact single-seed spreads.

// Exact float comparisons are intended (counts); the docs name PageRank in prose.
#![allow(clippy::float_cmp, clippy::doc_markdown)]

use reseau::cascade::{ExactSpreadRequest, LayerSettings, Model, exact_spread};
use reseau::reputation::{MultiplexPageRank, ReputationRequest, Score, reputation, score};
use reseau::{CompiledNetwork, Layer, LayerKind, Network, PersonId, TieSpec};

mod shared_data;

fn close(a: &[f64], b: &[f64], tol: f64) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() <= tol)
}

fn no_influence() -> ReputationRequest {
    ReputationRequest { samples: 0, ..ReputationRequest::default() }
}

/// 7 people, weighted directed ties; 5 and 6 have no out-ties (dangling).
fn weighted_directed() -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::digital("mail").directed(true)).unwrap();
    net.add_people(7).unwrap();
    for (a, b, w) in [
        (0, 1, 1.0),
        (0, 2, 2.0),
        (1, 2, 1.0),
        (2, 0, 1.0),
        (3, 2, 0.5),
        (3, 4, 1.5),
        (4, 3, 1.0),
        (2, 6, 1.0),
    ] {
        net.add_tie(PersonId(a), PersonId(b), "mail", w).unwrap();
    }
    net
}

#[test]
fn pagerank_agrees_with_networkx() {
    // networkx 3.6.1: nx.pagerank(G, alpha=0.85, tol=1e-15), G the DiGraph above, with and
    // without weight="weight".
    let weighted = [
        0.145_920_136_138_771_58,
        0.085_902_106_169_067_36,
        0.238_498_984_805_542_85,
        0.179_934_352_094_666_9,
        0.159_266_217_056_764_1,
        0.044_558_067_596_415_535,
        0.145_920_136_138_771_58,
    ];
    let unweighted = [
        0.162_483_890_603_501_44,
        0.115_903_020_500_468_34,
        0.272_085_937_904_757_5,
        0.135_683_176_420_919_57,
        0.104_512_716_972_871_55,
        0.046_847_366_993_979_955,
        0.162_483_890_603_501_44,
    ];
    let view = weighted_directed().compile();
    let rep = reputation(&view, &no_influence()).unwrap();
    assert!(close(&rep.pagerank, &weighted, 1e-9), "{:?}", rep.pagerank);
    assert!(close(&rep.layer_pagerank[0], &weighted, 1e-9));
    let plain = ReputationRequest { weighted: false, ..no_influence() };
    let p = score(
        &view,
        &ReputationRequest { method: Some(Score::Pagerank), layer: None, ..plain.clone() },
    )
    .unwrap();
    assert!(close(&p, &unweighted, 1e-9), "{p:?}");
}

/// PageRank by solving (I − d·Mᵀ) x = (1 − d)/n · 1 directly, M the row-stochastic matrix
/// with dangling rows replaced by the uniform distribution: no iteration at all.
fn pagerank_by_solving(n: usize, ties: &[(usize, usize, f64)], d: f64) -> Vec<f64> {
    let mut out = vec![0.0; n];
    for &(a, _, w) in ties {
        out[a] += w;
    }
    // a[i][j]: row i of (I − d·Mᵀ), with the right-hand side in column n.
    let mut a = vec![vec![0.0; n + 1]; n];
    for (i, row) in a.iter_mut().enumerate() {
        row[i] = 1.0;
        row[n] = (1.0 - d) / n as f64;
    }
    for &(u, v, w) in ties {
        a[v][u] -= d * w / out[u];
    }
    for (u, &o) in out.iter().enumerate() {
        if o == 0.0 {
            for row in &mut a {
                row[u] -= d / n as f64;
            }
        }
    }
    // Gaussian elimination with partial pivoting.
    for c in 0..n {
        let p = (c..n).max_by(|&x, &y| a[x][c].abs().total_cmp(&a[y][c].abs())).unwrap();
        a.swap(c, p);
        for r in 0..n {
            if r != c {
                let f = a[r][c] / a[c][c];
                let pivot = a[c].clone();
                for (x, p) in a[r][c..].iter_mut().zip(&pivot[c..]) {
                    *x -= f * p;
                }
            }
        }
    }
    (0..n).map(|i| a[i][n] / a[i][i]).collect()
}

#[test]
fn pagerank_agrees_with_a_direct_solve_on_a_multiplex_aggregate() {
    // Two layers, one undirected: the aggregate adds a pair's weights over layers.
    let mut net = Network::new();
    net.add_layer(Layer::physical("lunch")).unwrap();
    net.add_layer(Layer::digital("follows").directed(true)).unwrap();
    net.add_people(9).unwrap();
    let lunch = [(0, 1, 2.0), (1, 2, 1.0), (2, 3, 1.0), (4, 5, 3.0)];
    let follows = [(0, 1, 1.0), (3, 0, 1.0), (5, 6, 1.0), (6, 7, 0.5), (7, 5, 2.0), (2, 4, 1.0)];
    let mut ties = Vec::new();
    for (a, b, w) in lunch {
        net.add_tie(PersonId(a), PersonId(b), "lunch", w).unwrap();
        ties.extend([(a as usize, b as usize, w), (b as usize, a as usize, w)]);
    }
    for (a, b, w) in follows {
        net.add_tie(PersonId(a), PersonId(b), "follows", w).unwrap();
        ties.push((a as usize, b as usize, w));
    }
    let view = net.compile();
    for damping in [0.85, 0.5, 0.99] {
        let options = ReputationRequest { damping, ..no_influence() };
        let rep = reputation(&view, &options).unwrap();
        let reference = pagerank_by_solving(9, &ties, damping);
        assert!(close(&rep.pagerank, &reference, 1e-9), "{damping}: {:?}", rep.pagerank);
        assert!((rep.pagerank.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        // The flattened network (one layer, weights added) gives the same aggregate.
        let flat = net.flatten("all", LayerKind::Physical).unwrap().compile();
        let p = score(
            &flat,
            &ReputationRequest { method: Some(Score::Pagerank), layer: None, ..options.clone() },
        )
        .unwrap();
        assert!(close(&p, &rep.pagerank, 1e-10));
        // Each layer alone.
        let lunch_only: Vec<_> = ties[..8].to_vec();
        assert!(close(&rep.layer_pagerank[0], &pagerank_by_solving(9, &lunch_only, damping), 1e-9));
        let follows_only: Vec<_> = ties[8..].to_vec();
        let p = score(
            &view,
            &ReputationRequest {
                method: Some(Score::Pagerank),
                layer: Some("follows".into()),
                ..options.clone()
            },
        )
        .unwrap();
        assert!(close(&p, &pagerank_by_solving(9, &follows_only, damping), 1e-9));
    }
}

#[test]
fn pagerank_agrees_with_networkx_on_les_miserables_if_present() {
    // networkx 3.6.1: nx.pagerank(G, tol=1e-15) on the weighted co-appearance graph read
    // from the same file; the five highest.
    let top = [
        ("Valjean", 0.099_558_108_254_065_84),
        ("Marius", 0.051_668_108_048_329_116),
        ("Myriel", 0.039_231_579_306_206_55),
        ("Cosette", 0.036_909_573_983_003_03),
        ("Enjolras", 0.036_616_798_825_288_566),
    ];
    let Some(path) = shared_data::path("networkx-builtin/les_miserables.edges") else { return };
    let net = reseau::read_edgelist(&path, &reseau::io::EdgeListOptions::default()).unwrap();
    let view = net.compile();
    assert_eq!((view.num_people(), net.num_ties()), (77, 254));
    let p = score(
        &view,
        &ReputationRequest { method: Some(Score::Pagerank), layer: None, ..no_influence().clone() },
    )
    .unwrap();
    for (label, value) in top {
        let id = net.labels().iter().position(|l| l == label).unwrap();
        assert!((p[id] - value).abs() < 1e-9, "{label}: {} vs {value}", p[id]);
    }
    let mut ties = Vec::new();
    for tie in net.ties() {
        ties.push((tie.source.index(), tie.target.index(), tie.weight));
        ties.push((tie.target.index(), tie.source.index(), tie.weight));
    }
    assert!(close(&p, &pagerank_by_solving(view.num_people(), &ties, 0.85), 1e-9));
}

#[test]
fn core_numbers_on_a_hand_made_graph() {
    // A 4-clique {0,1,2,3} (core 3), a triangle {4,5,6} hanging from 3 (core 2), a path 6-7-8
    // (core 1), 9 alone (core 0). The clique's last tie is in a second layer, and repeated
    // there the other way: the aggregate counts it once.
    let mut net = Network::new();
    net.add_layer(Layer::physical("a")).unwrap();
    net.add_layer(Layer::digital("b").directed(true)).unwrap();
    net.add_people(10).unwrap();
    for (x, y) in
        [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (3, 4), (4, 5), (5, 6), (6, 4), (6, 7), (7, 8)]
    {
        net.add_tie(PersonId(x), PersonId(y), "a", 1.0).unwrap();
    }
    net.add_tie(PersonId(2), PersonId(3), "b", 1.0).unwrap();
    net.add_tie(PersonId(3), PersonId(2), "b", 1.0).unwrap();
    let view = net.compile();
    let rep = reputation(&view, &no_influence()).unwrap();
    // networkx.core_number on the same undirected graph.
    assert_eq!(rep.core, vec![3.0, 3.0, 3.0, 3.0, 2.0, 2.0, 2.0, 1.0, 1.0, 0.0]);
    // Layer "a" alone loses the clique's last tie: {0,1,2,3} is no longer a 3-core.
    let a = score(
        &view,
        &ReputationRequest {
            method: Some(Score::Core),
            layer: Some("a".into()),
            ..no_influence().clone()
        },
    )
    .unwrap();
    assert_eq!(a, vec![2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 1.0, 1.0, 0.0]);
    // Degrees: undirected ties once at each end; directed ties at both ends.
    assert_eq!(rep.layer_degree[1], vec![0.0, 0.0, 2.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
    assert_eq!(rep.layer_degree[0][3], 3.0);
    assert_eq!(rep.degree[3], 5.0);
    assert_eq!(
        score(
            &view,
            &ReputationRequest {
                method: Some(Score::Degree),
                layer: None,
                ..no_influence().clone()
            }
        )
        .unwrap(),
        rep.degree
    );
}

#[test]
fn multiplex_pagerank_rewards_people_central_in_several_layers() {
    // Layer 1: stars around 0 and 1 alike. Layer 2: a star around 0 only, and 1 a leaf.
    let mut net = Network::new();
    net.add_layer(Layer::physical("work")).unwrap();
    net.add_layer(Layer::digital("online")).unwrap();
    net.add_people(12).unwrap();
    for leaf in 2..7 {
        net.add_tie(PersonId(0), PersonId(leaf), "work", 1.0).unwrap();
    }
    for leaf in 7..12 {
        net.add_tie(PersonId(1), PersonId(leaf), "work", 1.0).unwrap();
    }
    for leaf in [2, 3, 4, 7, 8, 9] {
        net.add_tie(PersonId(0), PersonId(leaf), "online", 1.0).unwrap();
    }
    net.add_tie(PersonId(1), PersonId(10), "online", 1.0).unwrap();
    let view = net.compile();
    let rep = reputation(&view, &no_influence()).unwrap();
    assert!((rep.layer_pagerank[0][0] - rep.layer_pagerank[0][1]).abs() < 1e-12);
    let m = &rep.multiplex_pagerank;
    assert!(m[0] > 2.0 * m[1], "{m:?}");
    assert!((m.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    // The neutral variant is the last layer's own PageRank; one layer is its own multiplex.
    for variant in
        [MultiplexPageRank::Neutral, MultiplexPageRank::Additive, MultiplexPageRank::Combined]
    {
        let options = ReputationRequest { multiplex: variant, ..no_influence() };
        let s = score(
            &view,
            &ReputationRequest {
                method: Some(Score::MultiplexPagerank),
                layer: None,
                ..options.clone()
            },
        )
        .unwrap();
        assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        if variant == MultiplexPageRank::Neutral {
            assert!(close(&s, &rep.layer_pagerank[1], 1e-12));
        } else {
            assert!(s[0] > s[1]);
        }
    }
    let single = reputation(&weighted_directed().compile(), &no_influence()).unwrap();
    assert!(close(&single.multiplex_pagerank, &single.pagerank, 1e-12));
}

fn small_multiplex() -> (CompiledNetwork, Model) {
    let mut net = Network::new();
    net.add_layer(Layer::physical("lunch")).unwrap();
    net.add_layer(Layer::digital("linkedin").directed(true)).unwrap();
    net.add_people(8).unwrap();
    for (a, b) in [(0, 1), (1, 2), (2, 0), (3, 4), (5, 6)] {
        net.add_tie(PersonId(a), PersonId(b), "lunch", 1.0).unwrap();
    }
    for (a, b) in [(2, 3), (4, 5), (6, 7), (7, 0), (1, 5)] {
        net.add_tie(PersonId(a), PersonId(b), "linkedin", 1.0).unwrap();
    }
    net.add_tie_spec(PersonId(3), PersonId(6), "linkedin", TieSpec::weight(2.0).probability(0.7))
        .unwrap();
    let model = Model::independent_cascade(0.2)
        .layer("lunch", LayerSettings { multiplier: 2.0, ..Default::default() })
        .layer("linkedin", LayerSettings { probability: Some(0.3), ..Default::default() });
    (net.compile(), model)
}

#[test]
fn influence_estimates_the_exact_single_seed_spreads() {
    let (multiplex, ic) = small_multiplex();
    let cases = [
        ("multiplex IC", multiplex.clone(), ic),
        ("weighted cascade", multiplex.clone(), Model::weighted_cascade()),
        ("linear threshold", multiplex, Model::linear_threshold()),
        ("weighted LT", weighted_directed().compile(), Model::linear_threshold()),
    ];
    let samples = 200_000;
    for (name, view, model) in cases {
        let options = ReputationRequest {
            model: model.clone(),
            samples,
            seed: 3,
            ..ReputationRequest::default()
        };
        let rep = reputation(&view, &options).unwrap();
        let n = view.num_people() as f64;
        for v in 0..view.num_people() {
            let truth =
                exact_spread(&view, &ExactSpreadRequest::new(vec![v as u32]).model(model.clone()))
                    .unwrap();
            let q = truth / n;
            let se = n * (q * (1.0 - q) / samples as f64).sqrt();
            let got = rep.influence[v];
            assert!((got - truth).abs() <= 4.5 * se + 1e-9, "{name}, person {v}: {got} vs {truth}");
        }
    }
}

#[test]
fn influence_on_one_layer_switches_the_others_off() {
    let (view, model) = small_multiplex();
    let options = ReputationRequest {
        model: model.clone(),
        samples: 100_000,
        ..ReputationRequest::default()
    };
    let lunch = score(
        &view,
        &ReputationRequest {
            method: Some(Score::Influence),
            layer: Some("lunch".into()),
            ..options.clone()
        },
    )
    .unwrap();
    let only_lunch =
        model.layer("linkedin", LayerSettings { enabled: false, ..Default::default() });
    for v in 0..8u32 {
        let truth =
            exact_spread(&view, &ExactSpreadRequest::new(vec![v]).model(only_lunch.clone()))
                .unwrap();
        assert!((lunch[v as usize] - truth).abs() < 0.1, "{v}: {} vs {truth}", lunch[v as usize]);
    }
}

#[test]
fn the_same_seed_gives_the_same_scores_for_any_thread_count() {
    let view = reseau::generators::barabasi_albert(300, 2, 1).unwrap().compile();
    let options = ReputationRequest { samples: 5_000, seed: 8, ..ReputationRequest::default() };
    let reference = reputation(&view, &options).unwrap();
    #[cfg(feature = "parallel")]
    for threads in [1, 2, 4] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        assert_eq!(pool.install(|| reputation(&view, &options).unwrap()), reference);
    }
    let other = reputation(&view, &ReputationRequest { seed: 9, ..options }).unwrap();
    assert_ne!(other.influence, reference.influence);
    assert_eq!(other.pagerank, reference.pagerank);
}

#[test]
fn bad_options_have_their_errors() {
    let view = weighted_directed().compile();
    let kind = |o: ReputationRequest| reputation(&view, &o).unwrap_err().kind();
    for damping in [1.0, -0.1, f64::NAN] {
        assert_eq!(kind(ReputationRequest { damping, ..no_influence() }), "InvalidParameterError");
    }
    for tolerance in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert_eq!(
            kind(ReputationRequest { tolerance, ..no_influence() }),
            "InvalidParameterError"
        );
    }
    assert_eq!(
        kind(ReputationRequest { max_iterations: 0, ..no_influence() }),
        "InvalidParameterError"
    );
    assert_eq!(
        kind(ReputationRequest { samples: u64::MAX, ..no_influence() }),
        "InvalidParameterError"
    );
    let bad_model = ReputationRequest { model: Model::independent_cascade(-0.5), ..no_influence() };
    assert_eq!(kind(bad_model), "InvalidParameterError");
    let err = score(
        &view,
        &ReputationRequest {
            method: Some(Score::Degree),
            layer: Some("golf".into()),
            ..no_influence().clone()
        },
    )
    .unwrap_err();
    assert_eq!(err.kind(), "UnknownLayerError");
    let err = score(
        &view,
        &ReputationRequest {
            method: Some(Score::MultiplexPagerank),
            layer: Some("mail".into()),
            ..no_influence().clone()
        },
    )
    .unwrap_err();
    assert_eq!(err.kind(), "InvalidParameterError");
    assert!(serde_json::from_str::<ReputationRequest>(r#"{"dampng": 0.9}"#).is_err());
}

#[test]
fn an_empty_network_has_empty_scores() {
    let view = Network::new().compile();
    let rep = reputation(&view, &ReputationRequest::default()).unwrap();
    assert!(rep.pagerank.is_empty() && rep.core.is_empty() && rep.influence.is_empty());
}

#[test]
fn influence_is_exact_on_people_with_many_incoming_ties() {
    // Person 0 hears from 1..=8 and person 9 from 0 and 1..=4 (weighted cascade: 1/8 and 1/5
    // per tie, drawn as one binomial count per person); one tie has its own probability so
    // that IC takes the per-tie path, with person 0's ties all at the model's 0.3.
    let mut net = Network::new();
    net.add_layer(Layer::digital("follows").directed(true)).unwrap();
    net.add_people(10).unwrap();
    for a in 1..=8 {
        net.add_tie(PersonId(a), PersonId(0), "follows", 1.0).unwrap();
    }
    for a in 0..=4 {
        net.add_tie(PersonId(a), PersonId(9), "follows", 1.0).unwrap();
    }
    net.add_tie_spec(PersonId(9), PersonId(5), "follows", TieSpec::weight(1.0).probability(0.6))
        .unwrap();
    let view = net.compile();
    let samples = 400_000;
    for model in [Model::weighted_cascade(), Model::independent_cascade(0.3)] {
        let options =
            ReputationRequest { model: model.clone(), samples, ..ReputationRequest::default() };
        let rep = reputation(&view, &options).unwrap();
        let n = 10.0;
        for v in 0..10u32 {
            let truth = exact_spread(&view, &ExactSpreadRequest::new(vec![v]).model(model.clone()))
                .unwrap();
            let q = truth / n;
            let se = n * (q * (1.0 - q) / samples as f64).sqrt();
            let got = rep.influence[v as usize];
            assert!((got - truth).abs() <= 4.5 * se + 1e-9, "{model:?}, {v}: {got} vs {truth}");
        }
    }
}
