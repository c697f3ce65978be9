//! The table of `docs/errors.md`: one test per row, each asserting the error's kind and that
//! its message names what a person needs to fix the input (file, line, value, name).
//!
//! The Python and JS twins are `bindings/python/tests/test_errors_table.py` and
//! `bindings/wasm/tests/errors-table.test.mjs`; the row names match.

use reseau::cascade::{
    ExactSpreadRequest, Model, Seeds, SimulateRequest, TraceRequest, exact_spread, simulate, trace,
};
use reseau::fatigue::Fatigue;
use reseau::io::{
    CsvOptions, EdgeListOptions, MpxOptions, MultiplexOptions, SignedOptions, parse_csv,
    parse_edgelist, parse_mpx, parse_multiplex, parse_signed,
};
use reseau::referral::{
    LoadCurveRequest, ReferralRequest, RouteOptions, Strategy, Workload, referral_load_curve,
    route_referrals,
};
use reseau::relays::{SelectRelaysRequest, select_relays};
use reseau::reputation::{ReputationRequest, reputation};
use reseau::{CompiledNetwork, Error, Layer, Network, Person, PersonId, TieSpec, datasets};

/// Asserts that `result` failed with an error of `kind` whose message contains every one of
/// `parts`; returns the error for further checks.
#[track_caller]
fn fails<T: std::fmt::Debug>(result: reseau::Result<T>, kind: &str, parts: &[&str]) -> Error {
    let err = result.expect_err("expected an error");
    assert_eq!(err.kind(), kind, "{err}");
    let message = err.to_string();
    for part in parts {
        assert!(message.contains(part), "{part:?} not in {message:?}");
    }
    err
}

fn edgelist(text: &[u8]) -> reseau::Result<Network> {
    parse_edgelist(text, "net.txt", &EdgeListOptions::default())
}

fn aarhus() -> std::sync::Arc<CompiledNetwork> {
    datasets::aarhus_cs().compiled()
}

/// A network of two people and one layer, `lunch`.
fn pair() -> (Network, PersonId, PersonId) {
    let mut net = Network::new();
    net.add_layer(Layer::physical("lunch")).unwrap();
    let a = net.add_person(Person::new().label("ana")).unwrap();
    let b = net.add_person(Person::new().label("bo")).unwrap();
    (net, a, b)
}

#[test]
fn malformed_line() {
    fails(edgelist(b"1 2\n2 3 heavy\n"), "ParseError", &["net.txt:2:", "\"heavy\"", "2 3 heavy"]);
    fails(
        parse_mpx(b"#LAYERS\nlunch,SIDEWAYS\n", "m.mpx", &MpxOptions::default()),
        "ParseError",
        &["m.mpx:2:"],
    );
    fails(
        parse_signed(b"1,2,x,0\n", "s.csv", &SignedOptions::default()),
        "ParseError",
        &["s.csv:1:", "1,2,x,0"],
    );
}

#[test]
fn truncated_file() {
    let err = fails(edgelist(b"1 2\n2 3\n4"), "ParseError", &["net.txt:3:", "\"4\""]);
    assert!(matches!(err, Error::Parse { line: 3, .. }));
    let json = datasets::aarhus_cs().to_json();
    let cut = &json[..json.len() / 2];
    let err = fails(Network::from_json(cut), "JsonError", &["line 1", "EOF"]);
    assert!(matches!(err, Error::Json { line: 1, .. }));
}

#[test]
fn wrong_column_count() {
    fails(edgelist(b"1 2\n7\n"), "ParseError", &["net.txt:2:", "found 1", "\"7\""]);
    fails(
        parse_multiplex(b"1 1 2\n1 1\n", None, None, &MultiplexOptions::default()),
        "ParseError",
        &["edges:2:", "found 2"],
    );
    fails(
        parse_csv(b"source,target\na\n", "c.csv", &CsvOptions::default()),
        "ParseError",
        &["c.csv:2:"],
    );
    fails(parse_signed(b"1,2\n", "s.csv", &SignedOptions::default()), "ParseError", &["s.csv:1:"]);
}

#[test]
fn non_utf8_bytes() {
    let err =
        fails(edgelist(b"1 2\n2 3\n3 \xC3\x28\n"), "EncodingError", &["net.txt:3:", "byte 10"]);
    assert_eq!(err, Error::NotUtf8 { file: "net.txt".into(), line: 3, offset: 10 });
    fails(Network::from_json("{\"format\": \"\u{FFFD}\"}"), "JsonError", &["format"]);
}

#[test]
fn huge_ids() {
    // In a file an id is a label: 10^12 costs one person, not 10^12.
    let net = edgelist(b"1000000000000 7\n").unwrap();
    assert_eq!((net.num_people(), net.labels()[0].as_str()), (2, "1000000000000"));
    // As a person id, beyond the network it is an unknown person.
    let view = aarhus();
    fails(
        simulate(
            &view,
            &SimulateRequest::new(vec![u32::MAX])
                .model(Model::independent_cascade(0.1))
                .runs(10)
                .seed(1),
        ),
        "UnknownPersonError",
        &["#4294967295"],
    );
    let mut net = Network::new();
    fails(net.add_people(usize::MAX), "InvalidParameterError", &["people", "2^32"]);
}

#[test]
fn negative_ids() {
    // In a file a negative id is a label like any other text.
    let net = edgelist(b"-1 2\n").unwrap();
    assert_eq!(net.labels(), ["-1", "2"]);
    // In the multiplex format ids index a nodes table: "-1" is not in it.
    fails(
        parse_multiplex(
            b"1 1 -1\n",
            None,
            Some(b"nodeID nodeLabel\n1 ana\n"),
            &MultiplexOptions::default(),
        ),
        "ParseError",
        &["edges:1:", "node \"-1\" is not in the nodes table"],
    );
}

#[test]
fn bad_probabilities() {
    for p in [f64::NAN, f64::INFINITY, -0.1, 1.5] {
        let (mut net, a, b) = pair();
        let shown = p.to_string();
        fails(
            net.add_layer(Layer::digital("mail").probability(p)),
            "InvalidParameterError",
            &["probability of layer \"mail\"", &shown, "[0, 1]"],
        );
        fails(
            net.add_tie_spec(a, b, "lunch", TieSpec::weight(1.0).probability(p)),
            "InvalidParameterError",
            &["probability", &shown],
        );
        fails(
            simulate(
                &aarhus(),
                &SimulateRequest::new(vec![0])
                    .model(Model::independent_cascade(p))
                    .runs(10)
                    .seed(1),
            ),
            "InvalidParameterError",
            &["probability", &shown],
        );
    }
    fails(
        edgelist(b"1 2 NaN\n"),
        "ParseError",
        &["net.txt:1:", "weight NaN is not a finite number >= 0"],
    );
}

#[test]
fn bad_weights() {
    for w in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.5] {
        let (mut net, a, b) = pair();
        fails(net.add_tie(a, b, "lunch", w), "InvalidParameterError", &["weight", &w.to_string()]);
    }
    fails(edgelist(b"1 2 1\n2 3 -0.5\n"), "ParseError", &["net.txt:2:", "-0.5"]);
    // Repeated ties summed: two weights a tie may hold whose sum it may not.
    let sum = EdgeListOptions {
        policy: reseau::io::TiePolicy { duplicates: reseau::Duplicates::Sum, ..Default::default() },
        ..Default::default()
    };
    fails(
        parse_edgelist(b"a b 3e38\nb a 3e38\n", "net.txt", &sum),
        "InvalidParameterError",
        &["net.txt:2: summed weight", "6e38", "at most"],
    );
    fails(edgelist(b"1 2 inf\n"), "ParseError", &["net.txt:1:", "inf"]);
}

#[test]
fn bad_costs() {
    for c in [f64::NAN, f64::INFINITY, -1.0] {
        let mut net = Network::new();
        fails(
            net.add_person(Person::new().cost(c)),
            "InvalidParameterError",
            &["cost", &c.to_string()],
        );
        let options = SelectRelaysRequest {
            budget: Some(2.0),
            costs: Some(vec![1.0, c]),
            evaluation_runs: 0,
            ..SelectRelaysRequest::default()
        };
        fails(
            select_relays(&aarhus(), &SelectRelaysRequest { seed: 1, ..options.clone() }),
            "InvalidParameterError",
            &["cost of person 1", &c.to_string()],
        );
    }
}

#[test]
fn unknown_people() {
    let (mut net, a, _) = pair();
    fails(net.add_tie(a, PersonId(7), "lunch", 1.0), "UnknownPersonError", &["7"]);
    let view = aarhus();
    fails(
        simulate(
            &view,
            &SimulateRequest::new(vec![0, 61])
                .model(Model::independent_cascade(0.1))
                .runs(10)
                .seed(1),
        ),
        "UnknownPersonError",
        &["#61"],
    );
    fails(
        route_referrals(&view, &ReferralRequest::new(Workload::pairs(vec![[0, 99]])).seed(1)),
        "UnknownPersonError",
        &["#99"],
    );
}

#[test]
fn unknown_layers() {
    let (mut net, a, b) = pair();
    fails(net.add_tie(a, b, "dinner", 1.0), "UnknownLayerError", &["\"dinner\""]);
    fails(net.without_layers(&["lunch", "myspace"]), "UnknownLayerError", &["\"myspace\""]);
    let model =
        Model::independent_cascade(0.1).layer("golf", reseau::cascade::LayerSettings::default());
    fails(
        simulate(&aarhus(), &SimulateRequest::new(vec![0]).model(model.clone()).runs(10).seed(1)),
        "UnknownLayerError",
        &["\"golf\""],
    );
    fails(
        route_referrals(
            &aarhus(),
            &ReferralRequest::new(Workload::pairs(vec![[0, 1]]))
                .options(RouteOptions::default().layer_forward("dinner", 0.5))
                .seed(1),
        ),
        "UnknownLayerError",
        &["\"dinner\""],
    );
}

#[test]
fn empty_seed_sets() {
    let view = aarhus();
    let ic = Model::independent_cascade(0.1);
    for err in [
        simulate(
            &view,
            &SimulateRequest::campaigns(&Seeds::default()).model(ic.clone()).runs(10).seed(1),
        )
        .map(|_| ()),
        trace(&view, &TraceRequest::campaigns(&Seeds::default()).model(ic.clone()).seed(1))
            .map(|_| ()),
        exact_spread(&view, &ExactSpreadRequest::campaigns(&Seeds::default()).model(ic.clone()))
            .map(|_| ()),
    ] {
        fails(err, "InvalidParameterError", &["seeds", "[]", "at least one seed"]);
    }
}

#[test]
fn k_larger_than_the_network() {
    let options =
        SelectRelaysRequest { k: Some(62), evaluation_runs: 0, ..SelectRelaysRequest::default() };
    fails(
        select_relays(&aarhus(), &SelectRelaysRequest { seed: 1, ..options.clone() }),
        "InvalidParameterError",
        &["k", "62", "61"],
    );
    let zero = SelectRelaysRequest { k: Some(0), ..options };
    fails(
        select_relays(&aarhus(), &SelectRelaysRequest { seed: 1, ..zero.clone() }),
        "InvalidParameterError",
        &["k", "0"],
    );
}

#[test]
fn epsilon_outside_0_1() {
    for eps in [0.0, 1.0, -0.5, 2.0, f64::NAN] {
        let options = SelectRelaysRequest {
            k: Some(2),
            epsilon: eps,
            evaluation_runs: 0,
            ..SelectRelaysRequest::default()
        };
        fails(
            select_relays(&aarhus(), &SelectRelaysRequest { seed: 1, ..options.clone() }),
            "InvalidParameterError",
            &["epsilon", &eps.to_string(), "(0, 1)"],
        );
    }
}

#[test]
fn zero_or_negative_rates() {
    let view = aarhus();
    for rate in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        fails(
            route_referrals(&view, &ReferralRequest::new(Workload::random(rate, 10)).seed(1)),
            "InvalidParameterError",
            &["rate", &rate.to_string()],
        );
        fails(
            referral_load_curve(&view, &LoadCurveRequest::new(vec![rate]).steps(10).seed(1)),
            "InvalidParameterError",
            &["rate", &rate.to_string()],
        );
    }
    // A fatigue curve's rate may be 0 (no fatigue), not negative.
    fails(Fatigue::exponential(-1.0).validate(), "InvalidParameterError", &["fatigue rate", "-1"]);
    assert!(Fatigue::exponential(0.0).validate().is_ok());
}

#[test]
fn zero_or_negative_half_lives() {
    for h in [0.0, -2.0, f64::NAN] {
        let fatigue = Fatigue::hill(3.0, 2.0).half_life(h);
        fails(fatigue.validate(), "InvalidParameterError", &["half_life", &h.to_string()]);
        let model = Model::independent_cascade(0.1).fatigue(fatigue);
        fails(
            simulate(
                &aarhus(),
                &SimulateRequest::new(vec![0]).model(model.clone()).runs(10).seed(1),
            ),
            "InvalidParameterError",
            &["half_life"],
        );
        let options = RouteOptions::new(Strategy::Random).fatigue(fatigue);
        fails(
            route_referrals(
                &aarhus(),
                &ReferralRequest::new(Workload::pairs(vec![[0, 1]]))
                    .options(options.clone())
                    .seed(1),
            ),
            "InvalidParameterError",
            &["half_life"],
        );
    }
}

#[test]
fn mixes_outside_0_1() {
    // The share of physical channels a holder uses to forward: a mix of physical and digital.
    for share in [-0.1, 1.5, f64::NAN] {
        let options = RouteOptions::default().physical_share(share);
        fails(
            route_referrals(
                &aarhus(),
                &ReferralRequest::new(Workload::pairs(vec![[0, 1]]))
                    .options(options.clone())
                    .seed(1),
            ),
            "InvalidParameterError",
            &["physical_share", &share.to_string(), "[0, 1]"],
        );
    }
}

#[test]
fn json_from_a_newer_format_version() {
    let json = datasets::aarhus_cs().to_json().replacen("\"version\":1", "\"version\":2", 1);
    let err = fails(Network::from_json(&json), "UnsupportedVersionError", &["2", "up to 1"]);
    assert_eq!(err, Error::UnsupportedVersion { found: 2, supported: 1 });
    // Even when the rest is something this version cannot read.
    fails(
        Network::from_json(r#"{"version": 7, "people": "many", "hologram": true}"#),
        "UnsupportedVersionError",
        &["7"],
    );
}

#[test]
fn damaged_binary_files() {
    let bytes = datasets::aarhus_cs().compile().to_bytes();
    let err = fails(
        reseau::io::from_bytes(&bytes[..100]),
        "FormatError",
        &["<bytes>", "byte 16", "payload length", "22528", "68"],
    );
    assert!(
        matches!(err, Error::Format { offset: 16, ref field, .. } if field == "payload length")
    );
    let mut changed = bytes.clone();
    let last = changed.len() - 1;
    changed[last] ^= 1;
    fails(reseau::io::from_bytes(&changed), "FormatError", &["byte"]);
    fails(reseau::io::from_bytes(b"1 2\n2 3\n"), "FormatError", &["header"]);
    let path = std::env::temp_dir().join(format!("reseau-errors-{}.rsn", std::process::id()));
    std::fs::write(&path, b"1 2\n2 3\n3 4\n4 5\n5 6\n6 7\n7 8\n8 9\n").unwrap();
    let err = fails(
        reseau::io::load(&path),
        "FormatError",
        &["byte 0: magic", "not a reseau network file"],
    );
    std::fs::remove_file(&path).ok();
    assert!(matches!(err, Error::Format { ref file, .. } if *file == path.display().to_string()));
}

#[test]
fn binary_files_from_a_newer_version_or_byte_order() {
    let bytes = datasets::aarhus_cs().compile().to_bytes();
    let mut future = bytes.clone();
    future[12] = 2;
    let err = fails(reseau::io::from_bytes(&future), "UnsupportedVersionError", &["2", "up to 1"]);
    assert_eq!(err, Error::UnsupportedVersion { found: 2, supported: 1 });
    let mut big = bytes;
    big[8..12].reverse();
    fails(reseau::io::from_bytes(&big), "FormatError", &["byte 8", "byte order", "big-endian"]);
}

#[test]
fn json_with_missing_fields() {
    let json = datasets::aarhus_cs().to_json();
    let missing = json.replacen("\"self_loops_dropped\":0,", "", 1);
    assert_ne!(missing, json);
    fails(Network::from_json(&missing), "JsonError", &["missing field `self_loops_dropped`"]);
    // Inside a tie, `source`, `target` and `layer` are required; `weight` (1), `sign`
    // (positive) and `multiplicity` (1) have defaults.
    let no_source = Network::from_json(
        r#"{"format":"reseau.network","version":1,"duplicates":"merge","self_loops":"drop",
            "duplicates_merged":0,"self_loops_dropped":0,
            "layers":[{"name":"lunch","kind":"physical","directed":false,"latency":1}],
            "people":[{"kind":"person","cost":1},{"kind":"person","cost":1}],
            "ties":[{"target":1,"layer":0}]}"#,
    );
    fails(no_source, "JsonError", &["line 5", "missing field `source`"]);
}

#[test]
fn json_with_extra_fields() {
    let json = datasets::aarhus_cs().to_json();
    let extra = json.replacen("\"version\":1,", "\"version\":1,\"colour\":\"red\",", 1);
    fails(Network::from_json(&extra), "JsonError", &["unknown field `colour`"]);
    let extra_in_tie = json.replacen("\"sign\":", "\"strength\":2,\"sign\":", 1);
    fails(Network::from_json(&extra_in_tie), "JsonError", &["unknown field `strength`"]);
}

#[test]
fn options_with_unknown_fields() {
    // Options read from JSON (the bindings' route) refuse a misspelt field rather than
    // ignore it.
    assert!(serde_json::from_str::<SelectRelaysRequest>(r#"{"k": 3, "epsilom": 0.1}"#).is_err());
    assert!(serde_json::from_str::<ReputationRequest>(r#"{"samples": 10, "sead": 3}"#).is_err());
    let bad_samples = ReputationRequest { samples: u64::MAX, ..ReputationRequest::default() };
    fails(reputation(&aarhus(), &bad_samples), "InvalidParameterError", &["samples"]);
}

#[test]
fn balance_mixes_outside_0_1() {
    use reseau::balance::{BalanceRequest, Decline, balance};
    let net = datasets::aarhus_cs();
    for mix in [-0.1, 1.2, f64::NAN] {
        let options = BalanceRequest::default().mixes(vec![0.5, mix]);
        fails(
            balance(&net, &BalanceRequest { seed: 1, ..options.clone() }),
            "InvalidParameterError",
            &["invalid mix", &mix.to_string(), "[0, 1]"],
        );
    }
    fails(
        balance(&net, &BalanceRequest { seed: 1, ..BalanceRequest::default().mixes(vec![]) }),
        "InvalidParameterError",
        &["mixes", "0 mixes"],
    );
    // A platform's decline rate is a share too, and its layer must exist.
    let decline = BalanceRequest::default().decline(Decline::new("facebook", 1.5, 5));
    fails(
        balance(&net, &BalanceRequest { seed: 1, ..decline.clone() }),
        "InvalidParameterError",
        &["decline rate", "1.5"],
    );
    let unknown = BalanceRequest::default().decline(Decline::new("myspace", 0.2, 5));
    fails(
        balance(&net, &BalanceRequest { seed: 1, ..unknown.clone() }),
        "UnknownLayerError",
        &["\"myspace\""],
    );
}

#[test]
fn requests_beyond_memory() {
    let view = aarhus();
    let request = ReferralRequest { n_requests: Some(4_000_000_000), ..Default::default() };
    fails(
        route_referrals(&view, &request),
        "OutOfMemoryError",
        &["not enough memory", "would need"],
    );
    let budget =
        ReferralRequest { n_requests: Some(1000), max_memory: Some(1000), ..Default::default() };
    fails(route_referrals(&view, &budget), "OutOfMemoryError", &["max_memory"]);
}

#[test]
fn tiny_probabilities() {
    // Below 2^-53 a probability is zero: the cascade ends at once, as at p = 0, with no error.
    let view = aarhus();
    for p in [1e-300, 1e-17, 5e-324] {
        let request = SimulateRequest::new([0u32]).model(Model::independent_cascade(p)).runs(50);
        assert!((simulate(&view, &request).unwrap().mean() - 1.0).abs() < 1e-12, "{p}");
    }
    assert!(reseau::rng::resolved(1e-17) == 0.0);
    assert_eq!(reseau::rng::resolved(1e-10).to_bits(), 1e-10f64.to_bits());
}

#[test]
fn shards_of_different_simulations() {
    use reseau::cascade::{PartialSummary, shard_ranges, simulate_runs};
    let view = aarhus();
    let none = reseau::control::Control::none();
    let request = SimulateRequest::new([0u32]).seed(1);
    let a = simulate_runs(&view, &request, 0..64, &none).unwrap();
    let other = request.clone().model(Model::independent_cascade(0.3));
    let b = simulate_runs(&view, &other, 64..128, &none).unwrap();
    fails(a.merge(&b), "InvalidParameterError", &["invalid shards", "different simulations"]);
    let mut old: PartialSummary = a.clone();
    old.fingerprint = None;
    fails(old.merge(&a), "InvalidParameterError", &["without a fingerprint"]);
    fails(
        shard_ranges(10u64.pow(18), 10u64.pow(9)),
        "InvalidParameterError",
        &["invalid shards: 1000000000", "1048576"],
    );
}

#[test]
fn edited_results() {
    use reseau::relays::SelectRelaysRequest;
    let view = aarhus();
    let mut summary =
        route_referrals(&view, &ReferralRequest { n_requests: Some(50), ..Default::default() })
            .unwrap();
    summary.succeeded = 1_000_000;
    fails(summary.validate(), "InvalidParameterError", &["ReferralSummary.succeeded", "1000000"]);
    let mut chosen = select_relays(
        &view,
        &SelectRelaysRequest { evaluation_runs: 0, ..SelectRelaysRequest::k(2) },
    )
    .unwrap();
    chosen.relays[0] = 99;
    fails(
        chosen.validate_people(view.num_people()),
        "InvalidParameterError",
        &["RelaySelection.relays", "99"],
    );
}

#[test]
fn labels_that_read_as_another_person() {
    let mut net = Network::new();
    net.add_people(3).unwrap();
    fails(
        net.add_person(Person::new().label("#1")),
        "InvalidParameterError",
        &["invalid label", "#1", "person #3"],
    );
    assert_eq!(net.display_name(PersonId(1)), "#1");
}

#[test]
fn unknown_digital_layers() {
    let mpx = b"#LAYERS\nfacebook,UNDIRECTED\n#EDGES\nana,bo,facebook\n";
    let options = MpxOptions { digital: Some(vec!["facebok".into()]), ..Default::default() };
    fails(parse_mpx(mpx, "x.mpx", &options), "UnknownLayerError", &["unknown layer \"facebok\""]);
    let options = MultiplexOptions { digital: Some(vec!["facebok".into()]), ..Default::default() };
    let layers = b"layerID layerLabel\n1 facebook\n";
    fails(
        parse_multiplex(b"1 1 2 1\n", Some(layers), None, &options),
        "UnknownLayerError",
        &["facebok"],
    );
    let options = CsvOptions {
        layer_column: Some("layer".into()),
        digital: Some(vec!["x".into()]),
        ..Default::default()
    };
    fails(
        parse_csv(b"source,target,layer\na,b,lunch\n", "x.csv", &options),
        "UnknownLayerError",
        &["\"x\""],
    );
}

#[test]
fn empty_networks() {
    use reseau::relays::SelectRelaysRequest;
    let empty = Network::new();
    let budget = SelectRelaysRequest { budget: Some(1.0), ..Default::default() };
    let err =
        fails(select_relays(&empty.compiled(), &budget), "InvalidParameterError", &["no people"]);
    assert!(!err.to_string().contains("inf"), "{err}");
    let err = fails(
        reseau::report::report(&empty, &reseau::report::ReportRequest::quick()),
        "InvalidParameterError",
        &["invalid network: no people"],
    );
    assert!(!err.to_string().contains("invalid k"), "{err}");
}

#[test]
fn integers_out_of_range() {
    // Rust's types rule them out; where integers arrive as data (a request in JSON, as the
    // command line's --set and the bindings give it) serde refuses one beyond its field's type
    // and says which type. The bindings name the parameter (Python: `seed=2**70`,
    // `add_people(-1)`; JS: `seed: 2n ** 64n`).
    for json in [
        r#"{"runs": -1}"#,
        r#"{"runs": 18446744073709551616}"#,
        r#"{"seed": 1180591620717411303424}"#,
    ] {
        let err = serde_json::from_str::<SimulateRequest>(json).unwrap_err();
        assert!(err.to_string().contains("u64"), "{json}: {err}");
    }
    let err = serde_json::from_str::<reseau::generators::ErdosRenyiRequest>(
        r#"{"n": -1, "mean_degree": 1}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("usize"), "{err}");
}

#[test]
fn bytes_as_people() {
    // A person is an id or a label (`PersonRef`); Rust has no bytes that could pass for a
    // list of ids. Text with control characters is one label, never ids.
    let one: reseau::PersonRef = serde_json::from_str(r#""\u0000\u0001""#).unwrap();
    assert_eq!(one, reseau::PersonRef::from("\u{0}\u{1}"));
    let net = datasets::aarhus_cs();
    fails(net.resolve(&one), "UnknownPersonError", &["unknown person"]);
}

#[test]
fn shadow_layers_and_lobbies() {
    use reseau::generators::{ProfessionalOptions, professional};
    use reseau::shadow::{ShadowGapRequest, shadow_gap};
    let mut net = datasets::aarhus_cs();
    let source = || ShadowGapRequest { sources: vec!["U4".into()], ..ShadowGapRequest::default() };
    fails(
        shadow_gap(&net, &source()),
        "InvalidParameterError",
        &["shadow layers", "a network with a shadow layer"],
    );
    fails(
        shadow_gap(
            &net,
            &ShadowGapRequest {
                shadow_layers: vec!["leisure".into()],
                ..ShadowGapRequest::default()
            },
        ),
        "InvalidParameterError",
        &["sources", "organisations"],
    );
    net.set_layer_shadow("leisure", true).unwrap();
    for share in [1.5, f64::NAN, -0.1] {
        fails(
            shadow_gap(&net, &ShadowGapRequest { share, ..source() }),
            "InvalidParameterError",
            &["share", "[0, 1]"],
        );
    }
    fails(
        shadow_gap(&net, &ShadowGapRequest { shadow_layers: vec!["dinner".into()], ..source() }),
        "UnknownLayerError",
        &["dinner"],
    );
    fails(
        shadow_gap(&net, &ShadowGapRequest { sources: vec!["nobody".into()], ..source() }),
        "UnknownPersonError",
        &["nobody"],
    );
    fails(net.with_shadow_share(-0.1, 0), "InvalidParameterError", &["share"]);
    fails(net.set_layer_shadow("dinner", true), "UnknownLayerError", &["dinner"]);
    let lobbies = ProfessionalOptions { people: 50, lobbies: 1, ..ProfessionalOptions::default() };
    for ties in [0, 51] {
        fails(
            professional(&ProfessionalOptions { lobby_ties: ties, ..lobbies.clone() }, 1),
            "InvalidParameterError",
            &["lobby_ties", "from 1 to people (50)"],
        );
    }
    fails(
        professional(&ProfessionalOptions { lobby_layer: "linkedin".into(), ..lobbies }, 1),
        "DuplicateLayerError",
        &["linkedin"],
    );
}
