//! The `reseau` binary's contract: `--help` everywhere with the library's defaults, bad input
//! as the library's typed error with exit status 2, machine-readable `--json`, and Ctrl-C
//! that stops a long run cleanly. No shared data needed: the files are written here.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn reseau(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reseau")).args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh folder for this test's files.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reseau-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_subcommand_has_help_with_the_library_defaults() {
    let top = reseau(&["--help"]);
    assert!(top.status.success());
    assert!(text(&top.stdout).contains("report"));
    let help = reseau(&["report", "--help"]);
    assert!(help.status.success());
    let out = text(&help.stdout);
    let defaults = reseau::report::ReportOptions::default();
    assert!(out.contains(&format!("[library default: {}]", defaults.runs)), "{out}");
    assert!(
        out.contains(&format!(
            "[library default: {}]",
            reseau::report::ReportRequest::default().seed
        )),
        "{out}"
    );
    assert!(out.contains(&format!("[library default: {}]", defaults.replicates)), "{out}");
    assert!(
        out.contains("\"max_rate_per_person\""),
        "the whole of the defaults after the help: {out}"
    );
    assert_eq!(reseau(&["--version"]).status.code(), Some(0));
    assert_eq!(reseau(&["report", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(reseau(&[]).status.code(), Some(2), "a subcommand is needed");
}

/// Runs `args`, expects exit status 2 and an error of `kind` whose message holds `needle`.
fn fails(args: &[&str], kind: &str, needle: &str) {
    let out = reseau(args);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(&format!("error [{kind}]")) && err.contains(needle), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}: nothing on stdout");
}

#[test]
fn bad_input_is_the_typed_error_with_status_2() {
    let dir = folder("bad");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    std::fs::write(dir.join("broken.txt"), "1 2\n3\n").unwrap();
    std::fs::write(dir.join("ok.txt"), "1 2\n2 3\n3 1\n").unwrap();
    std::fs::write(dir.join("bad.mpx"), "#LAYERS\nwork,SIDEWAYS\n").unwrap();
    std::fs::write(dir.join("net.json"), "{\"format\": 1").unwrap();
    std::fs::write(dir.join("groups.txt"), "1 a\n9 b\n").unwrap();
    fails(&["report", &path("missing.txt")], "FileError", "missing.txt");
    fails(&["report", &path("broken.txt")], "ParseError", "broken.txt:2: expected 2 or 3 columns");
    fails(&["report", &path("bad.mpx")], "ParseError", "bad.mpx");
    fails(&["report", &path("net.json")], "JsonError", "line 1");
    fails(
        &["report", &path("ok.txt"), "--groups", &path("groups.txt")],
        "ParseError",
        "node \"9\" is not in the network",
    );
    fails(&["report", &path("ok.txt"), "--layer", "lunch=digital"], "UnknownLayerError", "lunch");
    fails(
        &["report", &path("ok.txt"), "--layer", "ok=sideways"],
        "InvalidParameterError",
        "physical or digital",
    );
    fails(&["report", &path("ok.txt"), "--set", "runz=5"], "InvalidParameterError", "runz");
    fails(
        &["report", &path("ok.txt"), "--read", "delimiter=;"],
        "InvalidParameterError",
        "delimiter",
    );
    fails(&["report", &path("ok.txt"), "--replicates", "1"], "InvalidParameterError", "replicates");
    fails(
        &["report", &path("bad.mpx"), "--directed"],
        "InvalidParameterError",
        "--directed does not apply",
    );
    fails(&["report", "--directed"], "InvalidParameterError", "--directed needs a FILE");
    fails(&["report", &path("ok.txt"), &path("ok.txt")], "DuplicateLayerError", "ok");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn json_on_stdout_and_files_in_the_folder() {
    let dir = folder("json");
    std::fs::write(
        dir.join("ring.txt"),
        (0..30).fold(String::new(), |mut s, i| {
            let _ = writeln!(s, "{i} {}\n{i} {}", (i + 1) % 30, (i + 7) % 30);
            s
        }),
    )
    .unwrap();
    let out_dir = dir.join("out");
    let out = Command::new(env!("CARGO_BIN_EXE_reseau"))
        .args([
            "report", "--quick", "--json", "--seed", "3", "--runs", "200", "--relays", "2", "--out",
        ])
        .arg(&out_dir)
        .arg(dir.join("ring.txt"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((json["seed"].as_u64(), json["options"]["runs"].as_u64()), (Some(3), Some(200)));
    assert_eq!(json["relays"]["relays"].as_array().unwrap().len(), 2);
    assert_eq!(json["options"]["replicates"], reseau::report::ReportOptions::quick().replicates);
    assert_eq!(json["options"]["steps"], reseau::report::ReportOptions::quick().steps, "--quick");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out_dir.join("report.json")).unwrap())
            .unwrap();
    assert_eq!(written, json, "the file and stdout hold the same report");
    let err = text(&out.stderr);
    assert!(err.contains("ring.txt (edge list): 30 people, 60 ties in 1 layer"), "{err}");
    assert!(err.contains("report.html"), "{err}");
    // The library's report on the same network, request and seed: the same numbers.
    let net = reseau::read_edgelist(
        dir.join("ring.txt"),
        &reseau::io::EdgeListOptions { layer: "ring".into(), ..Default::default() },
    )
    .unwrap();
    let request = reseau::report::ReportRequest {
        title: Some(json["title"].as_str().unwrap().to_owned()),
        runs: Some(200),
        relays: Some(2),
        ..reseau::report::ReportRequest::quick().seed(3)
    };
    let direct = reseau::report::report(&net, &request).unwrap();
    assert_eq!(serde_json::to_value(&direct).unwrap(), json);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn ctrl_c_stops_a_long_report_cleanly() {
    let dir = folder("interrupt");
    // A network large enough for the full report to take many seconds.
    let mut ties = String::new();
    for i in 0..20_000u32 {
        for k in [1, 7, 131] {
            let _ = writeln!(ties, "{i} {}", (i * 13 + k) % 20_000);
        }
    }
    std::fs::write(dir.join("big.txt"), ties).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_reseau"))
        .args(["report", "--quiet"])
        .arg(dir.join("big.txt"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    let sent = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(sent.success());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("still running 60 s after Ctrl-C");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(130), "{err}");
    assert!(err.contains("reseau report: interrupted"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Runs `reseau ARGS --json --quiet` on the embedded network and parses its stdout.
fn json(args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_reseau"))
        .args(args)
        .args(["--json", "--quiet"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn value<T: serde::Serialize>(x: &T) -> serde_json::Value {
    serde_json::to_value(x).unwrap()
}

#[test]
fn each_analysis_is_the_library_call_with_the_same_request() {
    use reseau::cascade::{Model, SimulateRequest};
    let net = reseau_cli::aarhus();
    let view = net.compiled();

    let simulate = json(&[
        "simulate",
        "--seeds",
        "U4,3",
        "--runs",
        "300",
        "--seed",
        "5",
        "--probability",
        "0.2",
    ]);
    let request = SimulateRequest::new([reseau::PersonRef::from("U4"), reseau::PersonRef::Id(3)])
        .model(Model::independent_cascade(0.2))
        .runs(300)
        .seed(5);
    assert_eq!(simulate, value(&reseau::cascade::simulate(&view, &request).unwrap()));
    let defaults = json(&["simulate", "--seeds", "U4"]);
    let request = SimulateRequest::new(["U4"]);
    assert_eq!(
        defaults,
        value(&reseau::cascade::simulate(&view, &request).unwrap()),
        "the library's defaults"
    );

    let relays = json(&[
        "relays",
        "--k",
        "2",
        "--evaluation-runs",
        "200",
        "--probability",
        "0.05",
        "--seed",
        "4",
    ]);
    let request = reseau::relays::SelectRelaysRequest {
        k: Some(2),
        evaluation_runs: 200,
        model: Model::independent_cascade(0.05),
        seed: 4,
        ..Default::default()
    };
    assert_eq!(relays, value(&reseau::relays::select_relays(&view, &request).unwrap()));

    let referrals =
        json(&["referrals", "--rate", "2", "--steps", "50", "--strategy", "hub", "--seed", "9"]);
    let request: reseau::referral::ReferralRequest = serde_json::from_value(
        serde_json::json!({"rate": 2.0, "steps": 50, "strategy": "hub", "seed": 9}),
    )
    .unwrap();
    assert_eq!(referrals, value(&reseau::referral::route_referrals(&view, &request).unwrap()));

    let curve = json(&["referrals", "--rates", "1,4", "--steps", "40"]);
    let request = reseau::referral::LoadCurveRequest {
        steps: 40,
        ..reseau::referral::LoadCurveRequest::new([1.0, 4.0])
    };
    assert_eq!(curve, value(&reseau::referral::referral_load_curve(&view, &request).unwrap()));

    let balance = json(&[
        "balance",
        "--mixes",
        "0,1",
        "--steps",
        "20",
        "--runs",
        "20",
        "--decline",
        r#"{"layer": "facebook", "rate": 0.5, "periods": 1}"#,
    ]);
    let request = reseau::balance::BalanceRequest {
        mixes: vec![0.0, 1.0],
        steps: 20,
        runs: 20,
        decline: Some(reseau::balance::Decline::new("facebook", 0.5, 1)),
        ..Default::default()
    };
    assert_eq!(balance, value(&reseau::balance::balance(&net, &request).unwrap()));

    for sub in ["simulate", "relays", "referrals", "balance"] {
        let help = reseau(&[sub, "--help"]);
        assert!(
            help.status.success() && text(&help.stdout).contains("[library default: "),
            "{sub}"
        );
    }
    fails(&["simulate", "--seeds", "nobody", "--runs", "5"], "UnknownPersonError", "nobody");
    fails(&["balance", "--mixes", "0,2"], "InvalidParameterError", "2");
}

/// Adoptions of 60 cascades simulated on the Aarhus network (work and lunch carry influence,
/// the other layers none), written as the CSV that `--adoptions` reads.
fn aarhus_adoptions(dir: &std::path::Path) -> PathBuf {
    use reseau::cascade::{LayerSettings, Model, TraceRequest, trace};
    let net = reseau::datasets::aarhus_cs();
    let view = net.compile();
    let settings = |p: f64| LayerSettings { probability: Some(p), ..LayerSettings::default() };
    let model =
        Model::independent_cascade(0.0).layer("work", settings(0.3)).layer("lunch", settings(0.2));
    let mut csv = String::from("cascade,person,time\n");
    for c in 0..60u32 {
        let request = TraceRequest {
            model: model.clone(),
            seed: u64::from(c),
            ..TraceRequest::new([c % 61])
        };
        let t = trace(&view, &request).unwrap();
        for &p in &t.order {
            let name = net.display_name(reseau::PersonId(p));
            writeln!(csv, "{c},{name},{}", t.step[p as usize]).unwrap();
        }
    }
    let path = dir.join("adoptions.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

#[test]
fn report_learns_the_model_from_adoptions() {
    use reseau::inference::{AdoptionsCsv, FitRequest, fit, read_adoptions};
    let dir = folder("adoptions");
    let path = aarhus_adoptions(&dir);
    let file = path.to_str().unwrap();
    let report = json(&["report", "--quick", "--adoptions", file, "--seed", "3"]);
    // The fit is the library's on the same file, and every section ran with its model.
    let net = reseau::datasets::aarhus_cs();
    let expected =
        fit(&net, &FitRequest::new(read_adoptions(&path, &AdoptionsCsv::default()).unwrap()))
            .unwrap();
    assert_eq!(report["fit"], value(&expected));
    assert_eq!(report["fitted_model"], true);
    assert_eq!(report["options"]["model"], value(&expected.model));
    assert!(report["balance"].is_object());
    // Work carries influence, coauthor none: the data says so.
    let work = expected.probabilities["work"].unwrap();
    assert!((0.15..0.45).contains(&work), "work {work}");
    assert!(expected.layer_tests["work"].unwrap() < 0.01);
    let out =
        reseau(&["report", "--quick", "--quiet", "--adoptions", file, "--exposure", "persistent"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(shown.contains("What the adoptions say"), "{shown}");
    assert!(shown.contains("persistent exposure") && shown.contains("in the shadow"), "{shown}");
    assert!(shown.contains("the model fitted to the adoptions"), "{shown}");
    // A time that is no whole number is the reader's typed error, naming the line.
    std::fs::write(&path, "person,time\nU4,0\nU1,1.5\n").unwrap();
    fails(&["report", "--quick", "--adoptions", file], "ParseError", "adoptions.csv:3");
}
