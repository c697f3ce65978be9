//! Fuzzing every reader with proptest (cargo-fuzz needs a nightly toolchain; see
//! `docs/errors.md`): arbitrary bytes, text made of the tokens the formats use, and valid
//! documents with random edits. Whatever the input, a reader returns an error or a network,
//! never panics, and a network it returns is valid: it compiles, and its JSON reads back to
//! the same JSON.
//!
//! The long calls are fuzzed the same way through their parameters: `simulate`,
//! `route_referrals`, `select_relays`, `reputation` and every generator with NaN,
//! infinities, 1e300, 0, `u32::MAX`, sizes beyond the limits and every fatigue curve, which
//! must give a result or a typed error, never a panic (debug builds also catch overflow).
//!
//! A short run is part of `cargo test` (100 to 300 cases per property); a long run:
//! `PROPTEST_CASES=100000 cargo test --release -p reseau --test fuzz`.

use std::fmt::Write as _;

use proptest::prelude::*;
use proptest::test_runner::Config;

use reseau::io::{
    CsvOptions, EdgeListOptions, Graphology, MpxOptions, MultiplexOptions, SignedOptions,
    parse_csv, parse_edgelist, parse_mpx, parse_multiplex, parse_signed,
};
use reseau::{Network, datasets};

/// `cases` per property, or `PROPTEST_CASES` when it is set (the long run).
fn config(cases: u32) -> Config {
    let mut config = Config { failure_persistence: None, ..Config::default() };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    config
}

/// Checks what a reader returned: an error that names its kind, or a valid network.
fn check(result: reseau::Result<Network>) {
    match result {
        Err(err) => {
            assert!(reseau::Error::KINDS.contains(&err.kind()));
            assert!(!err.to_string().is_empty());
        }
        Ok(net) => {
            let view = net.compile();
            assert_eq!(view.num_people(), net.num_people());
            let json = net.to_json();
            let back = Network::from_json(&json)
                .unwrap_or_else(|e| panic!("a network read back fails: {e}\n{json}"));
            assert_eq!(back.to_json(), json);
        }
    }
}

/// Text made of what the line formats are made of: ids, numbers, separators, line ends,
/// comments, headers and the odd non-ASCII or invalid byte.
fn tokens() -> impl Strategy<Value = Vec<u8>> {
    let token = prop_oneof![
        4 => (0u64..6).prop_map(|n| n.to_string().into_bytes()),
        1 => any::<i64>().prop_map(|n| n.to_string().into_bytes()),
        1 => any::<f64>().prop_map(|x| x.to_string().into_bytes()),
        3 => Just(b" ".to_vec()),
        3 => Just(b",".to_vec()),
        3 => Just(b"\n".to_vec()),
        1 => Just(b"\r\n".to_vec()),
        1 => Just(b"\t".to_vec()),
        1 => prop::sample::select(vec!["\x0c", "\x0b", "\u{a0}", "\u{2003}", "\0"])
            .prop_map(|s| s.as_bytes().to_vec()),
        1 => Just(b"#".to_vec()),
        1 => Just(b"\"".to_vec()),
        1 => prop::sample::select(vec![
            "nan", "inf", "-inf", "-0", "1e309", "1e308", "0.5", "-1", "1", "+1", "-", "e",
            "#LAYERS\n", "#ACTORS\n", "#EDGES\n", "#TYPE\nmultiplex\n", "#ACTOR ATTRIBUTES\n",
            "#EDGE ATTRIBUTES\n", "--", "NA", "STRING", "NUMERIC", "#VERSION 2.0\n",
            "UNDIRECTED", "DIRECTED", "source,target,weight\n", "source,target\n",
            "nodeID nodeLabel\n", "layerID layerLabel\n", "facebook", "lunch", "é", "\u{FEFF}",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        1 => any::<u8>().prop_map(|b| vec![b]),
    ];
    prop::collection::vec(token, 0..60).prop_map(|parts| parts.concat())
}

/// Any policy for repeated ties and self-loops.
fn policy() -> impl Strategy<Value = reseau::io::TiePolicy> {
    use reseau::io::{SelfLoopsInFiles, TiePolicy};
    use reseau::{Duplicates, SelfLoops};
    (0u8..3, any::<bool>()).prop_map(|(d, reject_loops)| TiePolicy {
        duplicates: [Duplicates::Merge, Duplicates::Sum, Duplicates::Reject][d as usize],
        self_loops: SelfLoopsInFiles(if reject_loops {
            SelfLoops::Reject
        } else {
            SelfLoops::Drop
        }),
    })
}

/// Either arbitrary bytes or token soup.
fn input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![1 => prop::collection::vec(any::<u8>(), 0..120), 3 => tokens()]
}

/// A valid document with a few random edits: bytes replaced, removed or inserted.
fn edited(valid: String) -> impl Strategy<Value = String> {
    let len = valid.len();
    let edit = (
        0..=len,
        0usize..8,
        prop::sample::select(vec![
            "",
            "0",
            "1",
            "-1",
            "2",
            "1e400",
            "null",
            "true",
            "\"x\"",
            "[]",
            "{}",
            ",",
            ":",
            "\"",
            "}",
            "]",
            "NaN",
            "\"probability\":2,",
            "\"extra\":1,",
            "4294967295",
            "1e308",
            "-0.0",
            "1.5",
        ]),
    );
    prop::collection::vec(edit, 1..4).prop_map(move |edits| {
        let mut text = valid.clone().into_bytes();
        for (at, cut, insert) in edits {
            let at = at.min(text.len());
            let end = (at + cut).min(text.len());
            text.splice(at..end, insert.bytes());
        }
        String::from_utf8_lossy(&text).into_owned()
    })
}

/// A small network with every feature the JSON holds: labels, groups, kinds, costs,
/// positions, attributes, directed and probabilistic layers, signs and tie probabilities.
fn rich() -> String {
    use reseau::{Layer, Person, PersonKind, Sign, TieSpec};
    let mut net = Network::new();
    net.add_layer(Layer::physical("lunch")).unwrap();
    net.add_layer(Layer::digital("mail").directed(true).probability(0.25).latency(2)).unwrap();
    let a = net
        .add_person(Person::new().label("a").group("g").attribute("role", "PhD").cost(2.0))
        .unwrap();
    let b = net.add_person(Person::new().kind(PersonKind::Media).position(0.5, -1.0)).unwrap();
    let c = net.add_person(Person::new().label("c")).unwrap();
    net.add_tie(a, b, "lunch", 1.0).unwrap();
    net.add_tie_spec(b, c, "mail", TieSpec::weight(0.5).sign(Sign::Negative).probability(0.3))
        .unwrap();
    net.to_json()
}

/// A valid JSON document with one to three values replaced, removed or added at random
/// places: still JSON, so the checks after parsing (ids, probabilities, policies) are reached.
fn mutated(valid: &str) -> impl Strategy<Value = String> {
    let doc: serde_json::Value = serde_json::from_str(valid).unwrap();
    let mut paths = Vec::new();
    collect_paths(&doc, String::new(), &mut paths);
    let replacement = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        prop::sample::select(vec![-1.0, 0.0, 0.5, 1.0, 1.5, 2.0, 1e300, -0.0, 4_294_967_295.0])
            .prop_map(serde_json::Value::from),
        prop::sample::select(vec![
            "",
            "x",
            "lunch",
            "mail",
            "a",
            "merge",
            "sum",
            "reject",
            "drop",
            "physical",
            "digital",
            "positive",
            "negative",
            "media",
            "reseau.network"
        ])
        .prop_map(serde_json::Value::from),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!([0.5, 0.5])),
    ];
    let edit = (prop::sample::select(paths), 0u8..3, replacement);
    prop::collection::vec(edit, 1..4).prop_map(move |edits| {
        let mut doc = doc.clone();
        for (path, action, value) in edits {
            let (parent, key) = path.rsplit_once('/').unwrap();
            match (action, doc.pointer_mut(parent)) {
                (0, Some(serde_json::Value::Object(map))) => {
                    map.remove(key);
                }
                (0, Some(serde_json::Value::Array(list))) => {
                    if let Ok(i) = key.parse::<usize>() {
                        if i < list.len() {
                            list.remove(i);
                        }
                    }
                }
                (1, Some(serde_json::Value::Object(map))) => {
                    map.insert(format!("{key}_"), value);
                }
                (1, Some(serde_json::Value::Array(list))) => list.push(value),
                _ => {
                    if let Some(slot) = doc.pointer_mut(&path) {
                        *slot = value;
                    }
                }
            }
        }
        doc.to_string()
    })
}

/// Every JSON pointer of `value` below the root.
fn collect_paths(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                let path = format!("{at}/{key}");
                out.push(path.clone());
                collect_paths(child, path, out);
            }
        }
        serde_json::Value::Array(list) => {
            for (i, child) in list.iter().enumerate() {
                let path = format!("{at}/{i}");
                out.push(path.clone());
                collect_paths(child, path, out);
            }
        }
        _ => {}
    }
}

/// Aarhus without its three largest layers, as graphology: a real document, small enough.
fn small_graphology() -> String {
    let net = datasets::aarhus_cs().without_layers(&["facebook", "leisure", "work"]).unwrap();
    serde_json::to_string(&net.to_graphology()).unwrap()
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn edge_lists(bytes in input(), directed in any::<bool>(), policy in policy()) {
        check(parse_edgelist(&bytes, "f", &EdgeListOptions { directed, policy, ..Default::default() }));
    }

    #[test]
    fn csv_files(bytes in input(), weighted in any::<bool>(), signed in any::<bool>(), layered in any::<bool>(), policy in policy()) {
        let weight = weighted.then(|| "weight".to_string());
        let sign = signed.then(|| "1".to_string());
        let layer_column = layered.then(|| "0".to_string());
        check(parse_csv(&bytes, "f", &CsvOptions { weight, sign, layer_column, policy, ..Default::default() }));
    }

    #[test]
    fn multiplex_files(edges in input(), layers in input(), nodes in input(), tables in 0u8..4, directed: bool, policy in policy()) {
        let layers = (tables & 1 == 1).then_some(&layers[..]);
        let nodes = (tables & 2 == 2).then_some(&nodes[..]);
        check(parse_multiplex(&edges, layers, nodes, &MultiplexOptions { directed, policy, ..Default::default() }));
    }

    #[test]
    fn mpx_files(bytes in input(), policy in policy()) {
        check(parse_mpx(&bytes, "f", &MpxOptions { policy, ..Default::default() }));
    }

    #[test]
    fn signed_files(bytes in input(), directed: bool, header: bool, policy in policy()) {
        check(parse_signed(&bytes, "f", &SignedOptions { directed, header, policy, ..Default::default() }));
    }

    #[test]
    fn json_from_bytes(bytes in input()) {
        check(Network::from_json(&String::from_utf8_lossy(&bytes)));
    }

    #[test]
    fn json_edited(text in edited(rich())) {
        check(Network::from_json(&text));
    }

    #[test]
    fn json_mutated(text in mutated(&rich())) {
        check(Network::from_json(&text));
    }
}

/// Well-formed lines `layer source target weight` over a handful of people, so that ties
/// repeat (in either order) and their weights add up: extreme weights (1e308, subnormals,
/// 0) reach the duplicate policies.
fn repeated_ties() -> impl Strategy<Value = Vec<(u8, u8, u8, &'static str)>> {
    let weight = prop::sample::select(vec![
        "0",
        "1",
        "0.5",
        "1e308",
        "1.7976931348623157e308",
        "5e-324",
        "2",
        "1e-300",
    ]);
    prop::collection::vec((1u8..3, 0u8..4, 0u8..4, weight), 0..12)
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn repeated_ties_under_every_policy(lines in repeated_ties(), policy in policy(), directed: bool) {
        let mut plain = String::new();
        let mut csv = String::from("source,target,weight\n");
        let mut multiplex = String::new();
        for (layer, a, b, w) in &lines {
            writeln!(plain, "{a} {b} {w}").unwrap();
            writeln!(csv, "{a},{b},{w}").unwrap();
            writeln!(multiplex, "{layer} {a} {b} {w}").unwrap();
        }
        let options = EdgeListOptions { directed, policy, ..Default::default() };
        check(parse_edgelist(plain.as_bytes(), "f", &options));
        let options = CsvOptions { weight: Some("weight".into()), directed, policy, ..Default::default() };
        check(parse_csv(csv.as_bytes(), "f", &options));
        let options = MultiplexOptions { directed, policy, ..Default::default() };
        check(parse_multiplex(multiplex.as_bytes(), None, None, &options));
    }
}

proptest! {
    #![proptest_config(config(100))]

    #[test]
    fn graphology_mutated(text in mutated(&small_graphology())) {
        if let Ok(graph) = serde_json::from_str::<Graphology>(&text) {
            check(Network::from_graphology(&graph));
        }
    }

    #[test]
    fn graphology_edited(text in edited(small_graphology())) {
        if let Ok(graph) = serde_json::from_str::<Graphology>(&text) {
            check(Network::from_graphology(&graph));
        }
    }

    /// Valid line-format text with edits: reaches deeper than random text.
    #[test]
    fn edge_lists_edited(text in edited("1 2 0.5\n2 3\n# note\n3 1 2\n".repeat(3)), policy in policy()) {
        check(parse_edgelist(text.as_bytes(), "f", &EdgeListOptions { policy, ..Default::default() }));
    }

    #[test]
    fn mpx_edited(text in edited(
        "#TYPE\nmultiplex\n#LAYERS\nlunch,UNDIRECTED\nmail,DIRECTED\n#ACTOR ATTRIBUTES\ngroup,STRING\n\
         role,STRING\n#ACTORS\na,g1,PhD\nb,NA,x\n#EDGE ATTRIBUTES\nweight,NUMERIC\n#EDGES\n\
         a,b,lunch,2\nb,c,mail,0.5\n".to_string()
    )) {
        check(parse_mpx(text.as_bytes(), "f", &MpxOptions::default()));
    }

    #[test]
    fn multiplex_edited(text in edited("1 1 2 1\n2 2 3 0.5\n1 3 1 2\n".to_string())) {
        let layers = b"layerID layerLabel\n1 lunch\n2 facebook\n";
        let nodes = b"nodeID nodeLabel\n1 a\n2 b\n3 c\n";
        check(parse_multiplex(text.as_bytes(), Some(layers), Some(nodes), &MultiplexOptions::default()));
    }

    #[test]
    fn signed_edited(text in edited("1,2,4,1289241912\n2,3,-10,1289241941\n".to_string())) {
        check(parse_signed(text.as_bytes(), "f", &SignedOptions::default()));
    }
}

/// Floats a user might pass, well or badly: the edges of every domain and beyond.
fn any_float() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => prop::sample::select(vec![
            0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-300, 1e300, 4_294_967_296.0, f64::NAN,
            f64::INFINITY, f64::NEG_INFINITY, f64::MIN_POSITIVE, f64::EPSILON,
        ]),
        1 => any::<f64>(),
        2 => 0.0..=1.0f64,
    ]
}

fn any_fatigue() -> impl Strategy<Value = Option<reseau::fatigue::Fatigue>> {
    use reseau::fatigue::Fatigue;
    let curve = prop_oneof![
        Just(Fatigue::none()),
        any_float().prop_map(Fatigue::exponential),
        (any_float(), any_float()).prop_map(|(h, e)| Fatigue::hill(h, e)),
        any_float().prop_map(Fatigue::capacity),
        (0u32..4).prop_map(Fatigue::queue),
        Just(Fatigue::decreasing()),
    ];
    prop::option::of((curve, prop::option::of(any_float())).prop_map(|(f, h)| match h {
        Some(h) => f.half_life(h),
        None => f,
    }))
}

/// Aarhus with a medium, an influencer and distrust: every branch of the engine.
fn aarhus_with_roles() -> std::sync::Arc<reseau::CompiledNetwork> {
    use reseau::{PersonId, PersonKind, Sign, TieSpec};
    let mut net = datasets::aarhus_cs();
    net.set_kind(PersonId(3), PersonKind::Media).unwrap();
    net.set_kind(PersonId(4), PersonKind::Influencer).unwrap();
    net.add_tie_spec(
        PersonId(5),
        PersonId(6),
        "facebook",
        TieSpec::weight(1.0).sign(Sign::Negative),
    )
    .ok();
    net.compiled()
}

proptest! {
    #![proptest_config(config(100))]

    /// Any model parameters, good or bad: `simulate` returns a summary or a typed error.
    #[test]
    fn simulate_with_any_parameters(
        kind in 0u8..3,
        p in any_float(),
        layer in prop::sample::select(vec!["lunch", "facebook", "work", "nope"]),
        multiplier in any_float(),
        attempts in any_float(),
        layer_p in prop::option::of(any_float()),
        latency in prop::option::of(prop_oneof![Just(0u32), Just(u32::MAX), 1u32..5]),
        enabled: bool,
        good in any_float(),
        bad in any_float(),
        invert: bool,
        media_threshold in 0u32..3,
        fatigue in any_fatigue(),
        seeds in prop::collection::vec(0u32..70, 0..3),
        bad_seeds in prop::collection::vec(0u32..70, 0..2),
    ) {
        use reseau::cascade::{Distrust, LayerSettings, Model, Seeds, SimulateRequest, TraceRequest, simulate, trace};
        let mut model = match kind {
            0 => Model::independent_cascade(p),
            1 => Model::weighted_cascade(),
            _ => Model::linear_threshold(),
        };
        model = model.layer(layer, LayerSettings { multiplier, probability: layer_p, latency, enabled, attempts });
        model.good_multiplier = good;
        model.bad_multiplier = bad;
        model.amplifiers.media_threshold = media_threshold;
        if invert {
            model.distrust = Distrust::Invert;
        }
        model.fatigue = fatigue;
        let view = aarhus_with_roles();
        let seeds = Seeds::new(seeds, bad_seeds);
        match simulate(&view, &SimulateRequest::campaigns(&seeds).model(model.clone()).runs(8).seed(1)) {
            Ok(s) => prop_assert!(s.total.mean >= 1.0 && s.total.mean <= 61.0),
            Err(e) => prop_assert!(reseau::Error::KINDS.contains(&e.kind())),
        }
        let _ = trace(&view, &TraceRequest::campaigns(&seeds).model(model.clone()).seed(1));
    }

    /// Any routing options and workload: `route_referrals` returns a summary or a typed error.
    #[test]
    fn route_referrals_with_any_parameters(
        strategy in 0u8..6,
        forward in any_float(),
        share in prop::option::of(any_float()),
        layer_forward in prop::option::of((prop::sample::select(vec!["lunch", "nope"]), any_float())),
        max_hops in prop_oneof![Just(0u32), Just(u32::MAX), 1u32..10],
        fatigue in any_fatigue(),
        rate in any_float(),
        steps in prop_oneof![Just(0u32), 1u32..20],
        pairs in prop::option::of(prop::collection::vec((0u32..70, 0u32..70), 0..4)),
    ) {
        use reseau::referral::{ReferralRequest, RouteOptions, Strategy, Workload, route_referrals};
        let strategies = [Strategy::Greedy, Strategy::Oracle, Strategy::StrongestTie, Strategy::Hub, Strategy::Random, Strategy::Greedy];
        let mut options = RouteOptions::new(strategies[strategy as usize]).forward(forward).max_hops(max_hops);
        options.physical_share = share;
        if let Some((layer, p)) = layer_forward {
            options = options.layer_forward(layer, p);
        }
        options.fatigue = fatigue;
        let work = match pairs {
            Some(pairs) => Workload::pairs(pairs.into_iter().map(|(s, t)| [s, t]).collect()),
            None => Workload::random(rate.min(50.0), steps),
        };
        let view = aarhus_with_roles();
        match route_referrals(&view, &ReferralRequest::new(work.clone()).options(options.clone()).seed(1)) {
            Ok(s) => prop_assert!(s.succeeded <= s.requests),
            Err(e) => prop_assert!(reseau::Error::KINDS.contains(&e.kind())),
        }
    }

    /// Any relay-selection options: a selection or a typed error.
    #[test]
    fn select_relays_with_any_parameters(
        method in 0u8..7,
        k in prop::option::of(0usize..70),
        budget in prop::option::of(any_float()),
        cost in any_float(),
        epsilon in any_float(),
        ell in any_float(),
        p in any_float(),
    ) {
        use reseau::cascade::Model;
        use reseau::relays::{Method, SelectRelaysRequest, select_relays};
        let methods = [Method::Imm, Method::OpimC, Method::Celf, Method::Degree, Method::DegreeDiscount, Method::Pagerank, Method::Random];
        let mut costs = vec![1.0; 61];
        costs[7] = cost;
        // Keep the valid runs short: ε below 0.3 would make IMM sample for a while.
        let epsilon = if epsilon > 0.0 && epsilon < 0.3 { 0.3 } else { epsilon };
        let options = SelectRelaysRequest {
            k,
            budget,
            costs: budget.map(|_| costs),
            model: Model::independent_cascade(p),
            method: methods[method as usize],
            epsilon,
            ell,
            evaluation_runs: 16,
            celf_runs: 4,
            ..SelectRelaysRequest::default()
        };
        match select_relays(&aarhus_with_roles(), &SelectRelaysRequest { seed: 1, ..options.clone() }) {
            Ok(s) => prop_assert!(s.relays.len() <= 61),
            Err(e) => prop_assert!(reseau::Error::KINDS.contains(&e.kind())),
        }
    }
}

/// People counts a user might ask a generator for: small ones that run in milliseconds, and
/// ones beyond the limits that must be refused at once (none in between, which would be
/// valid and take minutes).
fn any_people() -> impl Strategy<Value = usize> {
    prop_oneof![
        4 => 0usize..120,
        1 => prop::sample::select(vec![
            reseau::generators::MAX_PEOPLE + 1,
            u32::MAX as usize,
            1 << 40,
            usize::MAX,
        ]),
    ]
}

proptest! {
    #![proptest_config(config(100))]

    /// Any generator parameters: a simple network or a typed error, at once.
    #[test]
    fn generators_with_any_parameters(
        n in any_people(),
        k in prop_oneof![0usize..12, Just(usize::MAX)],
        x in any_float(),
        y in any_float(),
        sizes in prop::collection::vec(any_people(), 0..3),
        probabilities in prop::collection::vec(prop::collection::vec(any_float(), 0..3), 0..3),
        seed: u64,
    ) {
        use reseau::generators::{self, ProfessionalOptions};
        let side = if n > 200 { n } else { n % 12 };
        let options = ProfessionalOptions {
            people: n,
            group_size: k,
            physical_mean_degree: x.abs().min(1e3),
            within_group: y,
            digital_mean_degree: x,
            overlap: y,
            exponent: 2.0 + y.abs(),
            ..ProfessionalOptions::default()
        };
        for result in [
            generators::erdos_renyi(n, x.abs().min(1e3), seed),
            generators::erdos_renyi(n, x, seed),
            generators::barabasi_albert(n, k, seed),
            generators::watts_strogatz(n, k, y, seed),
            generators::kleinberg(side, x, k, seed),
            generators::stochastic_block(&sizes, &probabilities, seed),
            generators::professional(&options, seed),
        ] {
            match result {
                Ok(net) => {
                    prop_assert!(net.num_people() <= 400);
                    prop_assert_eq!(net.compile().num_people(), net.num_people());
                }
                Err(e) => prop_assert_eq!(e.kind(), "InvalidParameterError"),
            }
        }
    }

    /// Any reputation options: scores or a typed error.
    #[test]
    fn reputation_with_any_parameters(
        damping in any_float(),
        tolerance in any_float(),
        max_iterations in prop_oneof![Just(0u32), 1u32..50],
        weighted: bool,
        multiplex in 0u8..4,
        p in any_float(),
        samples in prop_oneof![Just(0u64), 1u64..64, Just(u64::MAX)],
    ) {
        use reseau::cascade::Model;
        use reseau::reputation::{MultiplexPageRank, ReputationRequest, reputation};
        let modes = [MultiplexPageRank::Multiplicative, MultiplexPageRank::Additive, MultiplexPageRank::Combined, MultiplexPageRank::Neutral];
        let options = ReputationRequest {
            damping,
            tolerance,
            max_iterations,
            weighted,
            multiplex: modes[multiplex as usize],
            model: Model::independent_cascade(p),
            samples,
            seed: 1,
            ..ReputationRequest::default()
        };
        match reputation(&aarhus_with_roles(), &options) {
            Ok(r) => prop_assert!(r.pagerank.iter().all(|x| x.is_finite())),
            Err(e) => prop_assert!(reseau::Error::KINDS.contains(&e.kind())),
        }
    }
}
