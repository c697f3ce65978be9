//! `reseau report` on real networks of `../shared/data`, in `--quick` mode, through the
//! binary: each report has each section, or says why it leaves it out. The data folder is
//! found as `shared/data` beside the repository or one of its parents (or `RESEAU_DATA`);
//! without it, each test prints why it skips. Debug builds are too slow for the larger
//! networks: these tests run in release (`scripts/test-report`) and are ignored otherwise.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The shared data folder, or `None` (saying so) when it is absent.
fn data() -> Option<PathBuf> {
    let found = std::env::var_os("RESEAU_DATA").map(PathBuf::from).or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .map(|a| a.join("shared/data"))
            .find(|p| p.join("README.md").exists())
    });
    if found.is_none() {
        eprintln!(
            "skipping: no shared/data folder beside the repository or its parents (set RESEAU_DATA)"
        );
    }
    found
}

/// Runs `reseau report ARGS --quick --quiet --out DIR` and returns the JSON and the text.
fn report(name: &str, args: &[&str]) -> (Value, String) {
    let out =
        std::env::temp_dir().join(format!("reseau-cli-datasets-{}-{name}", std::process::id()));
    let output = Command::new(env!("CARGO_BIN_EXE_reseau"))
        .arg("report")
        .args(args)
        .args(["--quick", "--quiet", "--json", "--seed", "1", "--out"])
        .arg(&out)
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{name}: {stderr}");
    assert!(
        !stderr.contains('\r'),
        "{name}: no progress bar when stderr is not a terminal: {stderr:?}"
    );
    let json: Value = serde_json::from_slice(&output.stdout).expect("--json prints the report");
    let text = std::fs::read_to_string(out.join("report.txt")).expect("report.txt written");
    let html = std::fs::read_to_string(out.join("report.html")).expect("report.html written");
    assert!(
        html.starts_with("<!doctype html>") && html.matches("<svg").count() >= 2,
        "{name}: the page and its charts"
    );
    let _ = std::fs::remove_dir_all(&out);
    (json, text)
}

/// The sentence of the omission whose first section is `section`.
fn omitted(json: &Value, section: &str) -> Option<String> {
    json["omitted"]
        .as_array()?
        .iter()
        .find(|o| o["sections"][0] == section)
        .and_then(|o| o["line"].as_str().map(str::to_owned))
}

/// What every report has: the network, the relays, a campaign, the load curve with intervals
/// and its verdict; the balance and the decline, or the line that says why not; the budget,
/// or why not. The text says the same as the JSON.
fn check_sections(name: &str, json: &Value, text: &str, layers: usize) {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(json["network"]["layers"].as_array().unwrap().len(), layers, "{name}: layers");
    assert!(
        flat.contains("Whom to enlist")
            && json["relays"]["relays"].as_array().is_some_and(|r| !r.is_empty()),
        "{name}"
    );
    assert!(
        flat.contains("A message from") && json["campaign"]["reach"].as_f64().unwrap() >= 1.0,
        "{name}"
    );
    let curve = &json["load_curve"];
    let rates = curve["rates"].as_array().unwrap();
    assert!(rates.len() >= 2, "{name}: a curve, not a point");
    for (i, ci) in curve["throughput_ci"].as_array().unwrap().iter().enumerate() {
        let (lo, hi, mean) = (
            ci[0].as_f64().unwrap(),
            ci[1].as_f64().unwrap(),
            curve["throughput"][i].as_f64().unwrap(),
        );
        assert!(lo <= mean && mean <= hi, "{name}: rate {i}'s interval holds its mean");
    }
    assert!(flat.contains("Referrals under fatigue") && flat.contains("routing: "), "{name}");
    match curve["shape"].as_str().unwrap() {
        "peak" => assert!(flat.contains("throughput peaks at"), "{name}"),
        "rising" => assert!(flat.contains("does not clearly fall"), "{name}"),
        "falling" => assert!(flat.contains("highest at the lightest load"), "{name}"),
        _ => assert!(flat.contains("stands out of the noise"), "{name}"),
    }
    assert_eq!(
        curve["peak_rate"].is_null(),
        curve["shape"] != "peak",
        "{name}: a peak only when the curve has one"
    );
    if let Some(line) = omitted(json, "offline_online") {
        assert!(json["balance"].is_null() && json["campaign"]["offline_share"].is_null(), "{name}");
        assert!(flat.contains(&line) && !flat.contains("Balance: the share"), "{name}: {line}");
    } else {
        assert!(json["balance"]["rows"].as_array().is_some_and(|r| !r.is_empty()), "{name}");
        assert!(
            flat.contains("Balance: the share") && flat.contains("offline layers carry"),
            "{name}"
        );
    }
    match omitted(json, "budgeted") {
        Some(line) => assert!(json["budgeted"].is_null() && flat.contains(&line), "{name}"),
        None => assert!(flat.contains("within a budget of"), "{name}"),
    }
}

#[cfg_attr(
    debug_assertions,
    ignore = "slow in a debug build: scripts/test-report runs it in release"
)]
#[test]
fn a_handful_of_real_networks_each_with_its_sections_or_the_reason_they_are_left_out() {
    let Some(d) = data() else { return };
    let p = |rel: &str| d.join(rel).to_string_lossy().into_owned();

    // Aarhus from its files: five layers, both kinds; the nodes table has no groups or costs.
    let (json, text) = report("aarhus", &[&p("aarhus-cs/CS-Aarhus_multiplex.edges")]);
    check_sections("aarhus", &json, &text, 5);
    assert!(
        omitted(&json, "offline_online").is_none()
            && json["balance"]["declining_layer"] == "facebook"
    );
    assert_eq!(json["routing"]["knowledge"], "landmarks");
    assert!(omitted(&json, "budgeted").unwrap().contains("everyone costs the same"));

    // Wikipedia votes, directed: one layer, its reciprocated pairs counted, no split.
    let (json, text) = report("wiki-vote", &[&p("snap/wiki-Vote/Wiki-Vote.txt"), "--directed"]);
    check_sections("wiki-vote", &json, &text, 1);
    let layer = &json["network"]["layers"][0];
    assert_eq!(
        (layer["name"].as_str(), layer["directed"].as_bool(), layer["ties"].as_u64()),
        (Some("Wiki-Vote"), Some(true), Some(103_689))
    );
    assert_eq!(layer["reciprocated"], 2_927);
    assert!(
        omitted(&json, "offline_online").unwrap().contains("the network has one layer, Wiki-Vote")
    );
    assert!(text.contains("both ways"));

    // E-mail with departments: greedy routing goes by the 42 groups.
    let (json, text) = report(
        "email-eu-core",
        &[
            &p("snap/email-Eu-core/email-Eu-core.txt"),
            "--directed",
            "--groups",
            &p("snap/email-Eu-core/email-Eu-core-department-labels.txt"),
        ],
    );
    check_sections("email-eu-core", &json, &text, 1);
    assert_eq!(
        (json["network"]["groups"].as_u64(), json["routing"]["knowledge"].as_str()),
        (Some(42), Some("groups"))
    );
    assert!(
        json["routing"]["reason"]
            .as_str()
            .unwrap()
            .contains("1,005 of 1,005 people belong to 42 groups")
    );

    // Lazega's law firm (the corrected release, with the tables of the 2014 one): three
    // directed layers, all offline.
    let lazega = "lazega-law-firm/bavla-2021-corrected/Lazega-Law-Firm_multiplex_from_paj.edges";
    let (json, text) = report(
        "lazega",
        &[
            &p(lazega),
            "--directed",
            "--layers-table",
            &p("lazega-law-firm/Lazega-Law-Firm_layers.txt"),
            "--nodes-table",
            &p("lazega-law-firm/Lazega-Law-Firm_nodes.txt"),
        ],
    );
    check_sections("lazega", &json, &text, 3);
    assert!(
        omitted(&json, "offline_online")
            .unwrap()
            .contains("all 3 layers (advice, friendship and co-work) are physical"),
        "{:?}",
        omitted(&json, "offline_online")
    );

    // A Twitter community from three files: follows, mentions and retweets, all online.
    let twitter: Vec<String> = ["follows", "mentions", "retweets"]
        .iter()
        .map(|l| p(&format!("twitter-multiplex-greene/football-twitter-{l}.edgelist")))
        .collect();
    let mut args: Vec<&str> = twitter.iter().map(String::as_str).collect();
    args.push("--directed");
    let (json, text) = report("twitter", &args);
    check_sections("twitter", &json, &text, 3);
    let names: Vec<&str> = json["network"]["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["follows", "mentions", "retweets"]);
    assert!(omitted(&json, "offline_online").unwrap().contains("are digital"));

    // Facebook friendships: one undirected layer; with --layer it is online, still alone.
    let (json, text) = report(
        "ego-facebook",
        &[&p("snap/ego-Facebook/facebook_combined.txt"), "--layer", "facebook_combined=digital"],
    );
    check_sections("ego-facebook", &json, &text, 1);
    assert_eq!(json["network"]["layers"][0]["kind"], "digital");
    assert!(json["network"]["layers"][0]["reciprocated"].is_null());
}
