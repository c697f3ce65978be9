//! Every reader on the real files of `../shared/data`, with exact counts. Each test skips,
//! printing `SKIPPED: <test>: <reason>`, when the data folder is absent (as on a machine with
//! the crate alone): see `shared_data`.

use std::collections::BTreeSet;

use reseau::io::{
    CsvOptions, EdgeListOptions, MpxOptions, MultiplexOptions, SignedOptions, parse_csv, read_csv,
    read_edgelist, read_mpx, read_multiplex, read_signed,
};
use reseau::{LayerKind, Network, PersonId, Sign};

mod shared_data;
use shared_data::path as data;

/// People, ties, duplicates merged, self-loops dropped.
type Counts = (usize, usize, u64, u64);

fn counts(net: &Network) -> Counts {
    (net.num_people(), net.num_ties(), net.duplicates_merged(), net.self_loops_dropped())
}

/// Every tie as (layer name, label, label), the two labels sorted in undirected layers.
fn tie_set(net: &Network) -> BTreeSet<(String, String, String)> {
    net.ties()
        .map(|t| {
            let layer = net.layer(t.layer);
            let (a, b) = (net.display_name(t.source), net.display_name(t.target));
            let (a, b) = if layer.directed || a <= b { (a, b) } else { (b, a) };
            (layer.name.clone(), a, b)
        })
        .collect()
}

#[test]
fn enron_merges_reverse_duplicates() {
    let Some(path) = data("snap/email-Enron/Email-Enron.txt") else { return };
    let net = read_edgelist(&path, &EdgeListOptions::default()).unwrap();
    // 367,662 lines, each undirected tie listed both ways.
    assert_eq!(counts(&net), (36_692, 183_831, 183_831, 0));
    assert_eq!(net.labels()[..3], ["0", "1", "2"]);
    assert_eq!(net.index_of("17"), Some(PersonId(17)));
    assert_eq!(net.compile().num_directed_ties(), 2 * 183_831);
}

#[test]
fn ca_grqc_with_crlf_and_self_loops() {
    let Some(path) = data("snap/ca-GrQc/CA-GrQc.txt") else { return };
    let net = read_edgelist(&path, &EdgeListOptions::default()).unwrap();
    // 28,980 lines: 14,484 pairs listed both ways and 12 self-loops, dropped and counted.
    assert_eq!(counts(&net), (5_242, 14_484, 14_484, 12));
    assert!(net.labels().iter().all(|l| !l.ends_with('\r')));
}

#[test]
fn wiki_vote_directed() {
    let Some(path) = data("snap/wiki-Vote/Wiki-Vote.txt") else { return };
    let options = EdgeListOptions { directed: true, layer: "votes".into(), ..Default::default() };
    let net = read_edgelist(&path, &options).unwrap();
    assert_eq!(counts(&net), (7_115, 103_689, 0, 0));
    assert!(net.layers()[0].directed);
}

#[test]
fn other_snap_edge_lists() {
    let cases: [(&str, bool, Counts); 4] = [
        ("snap/ca-HepTh/CA-HepTh.txt", false, (9_877, 25_973, 25_973, 25)),
        ("snap/ego-Facebook/facebook_combined.txt", false, (4_039, 88_234, 0, 0)),
        ("snap/email-Eu-core/email-Eu-core.txt", true, (1_005, 24_929, 0, 642)),
        ("snap/CollegeMsg/CollegeMsg.txt", true, (1_899, 20_296, 39_539, 0)),
    ];
    for (file, directed, expected) in cases {
        let Some(path) = data(file) else { continue };
        let net = read_edgelist(&path, &EdgeListOptions { directed, ..Default::default() })
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(counts(&net), expected, "{file}");
    }
}

#[test]
fn bitcoin_otc_signed() {
    let Some(path) = data("snap/bitcoin-otc/soc-sign-bitcoinotc.csv") else { return };
    let net = read_signed(&path, &SignedOptions::default()).unwrap();
    assert_eq!(counts(&net), (5_881, 35_592, 0, 0));
    let negative = net.ties().filter(|t| t.sign == Sign::Negative).count();
    assert_eq!(negative, 3_563);
    let layer = &net.layers()[0];
    assert_eq!(
        (layer.name.as_str(), layer.kind, layer.directed),
        ("trust", LayerKind::Digital, true)
    );
    assert!(net.ties().all(|t| (1.0..=10.0).contains(&t.weight)));
    // The first line, 6,2,4: trust of strength 4 from "6" to "2".
    let first = net.ties().next().unwrap();
    assert_eq!(
        (net.display_name(first.source), net.display_name(first.target)),
        ("6".into(), "2".into())
    );
    assert_eq!((first.sign, first.weight), (Sign::Positive, 4.0));
}

#[test]
fn bitcoin_alpha_signed() {
    let Some(path) = data("snap/bitcoin-alpha/soc-sign-bitcoinalpha.csv") else { return };
    let net = read_signed(&path, &SignedOptions::default()).unwrap();
    assert_eq!(counts(&net), (3_783, 24_186, 0, 0));
    assert_eq!(net.ties().filter(|t| t.sign == Sign::Negative).count(), 1_536);
}

#[test]
fn bitcoin_otc_as_csv_with_a_header() {
    let Some(path) = data("snap/bitcoin-otc/soc-sign-bitcoinotc.csv") else { return };
    let mut text = b"source,target,rating,time\n".to_vec();
    text.extend(std::fs::read(&path).unwrap());
    let options = CsvOptions {
        sign: Some("rating".into()),
        directed: true,
        layer: "trust".into(),
        kind: LayerKind::Digital,
        ..Default::default()
    };
    let net = parse_csv(&text, "otc.csv", &options).unwrap();
    assert_eq!(counts(&net), (5_881, 35_592, 0, 0));
    assert_eq!(net.ties().filter(|t| t.sign == Sign::Negative).count(), 3_563);
    let signed = read_signed(&path, &SignedOptions::default()).unwrap();
    assert_eq!(net.labels(), signed.labels());

    // The same file through read_csv from disk.
    let file = std::env::temp_dir().join(format!("reseau-otc-{}.csv", std::process::id()));
    std::fs::write(&file, &text).unwrap();
    let from_disk = read_csv(&file, &options);
    std::fs::remove_file(&file).ok();
    assert_eq!(from_disk.unwrap().to_json(), net.to_json());
}

#[test]
fn krackhardt_high_tech_with_header_and_attributes() {
    let dir = "krackhardt-high-tech/Krackhardt-High-Tech";
    let (Some(edges), Some(layers), Some(nodes)) = (
        data(&format!("{dir}_multiplex.edges")),
        data(&format!("{dir}_layers.txt")),
        data(&format!("{dir}_nodes.txt")),
    ) else {
        return;
    };
    let options = MultiplexOptions { directed: true, ..Default::default() };
    let net = read_multiplex(&edges, Some(&layers), Some(&nodes), &options).unwrap();
    assert_eq!(counts(&net), (21, 312, 0, 0));
    let per_layer: Vec<(&str, usize)> = net
        .layers()
        .iter()
        .map(|l| (l.name.as_str(), net.num_ties_in(l.name.as_str()).unwrap()))
        .collect();
    assert_eq!(per_layer, [("advice", 190), ("friendship", 102), ("Reports_to", 20)]);
    assert!(net.layers().iter().all(|l| l.directed && l.kind == LayerKind::Physical));
    // No label column: the nodeID is the label; the other columns are attributes.
    let first = net.person(PersonId(0)).unwrap();
    assert_eq!(first.label.as_deref(), Some("1"));
    assert_eq!(first.attributes["nodeAge"], "33");
    assert_eq!(first.attributes["nodeDepartment"], "4");
}

#[test]
fn aarhus_files_give_the_embedded_network() {
    let dir = "aarhus-cs/CS-Aarhus";
    let (Some(edges), Some(layers), Some(nodes)) = (
        data(&format!("{dir}_multiplex.edges")),
        data(&format!("{dir}_layers.txt")),
        data(&format!("{dir}_nodes.txt")),
    ) else {
        return;
    };
    let net =
        read_multiplex(&edges, Some(&layers), Some(&nodes), &MultiplexOptions::default()).unwrap();
    let embedded = reseau::datasets::aarhus_cs();
    assert_eq!(counts(&net), (61, 620, 0, 0));
    assert_eq!(net.labels(), embedded.labels());
    assert_eq!(tie_set(&net), tie_set(&embedded));
}

#[test]
fn every_multinet_file() {
    type Expected = (&'static str, usize, &'static [(&'static str, usize)]);
    let cases: [Expected; 6] = [
        (
            "aucs.mpx",
            61,
            &[("lunch", 193), ("facebook", 124), ("coauthor", 21), ("leisure", 88), ("work", 194)],
        ),
        (
            "bankwiring.mpx",
            14,
            &[
                ("horseplay", 28),
                ("arguments", 19),
                ("friendship", 13),
                ("antagonist", 19),
                ("help", 24),
                ("job_trading", 7),
            ],
        ),
        ("book.mpx", 8, &[("LinkedIn", 8), ("Work", 10), ("Facebook", 4), ("Friend", 8)]),
        ("florentine.mpx", 15, &[("marriage", 20), ("business", 15)]),
        (
            "monastery.mpx",
            18,
            &[
                ("like1", 55),
                ("like2", 57),
                ("like3", 56),
                ("dislike", 47),
                ("esteem", 54),
                ("desesteem", 58),
                ("positive_influence", 53),
                ("negative_influence", 50),
                ("praise", 39),
                ("blame", 41),
            ],
        ),
        (
            "tailorshop.mpx",
            39,
            &[("KAPFTS1", 158), ("KAPFTS2", 223), ("KAPFTI1", 76), ("KAPFTI2", 95)],
        ),
    ];
    for (file, people, layers) in cases {
        let Some(path) = data(&format!("multinet-mpx/{file}")) else { continue };
        let net = read_mpx(&path, &MpxOptions::default()).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(net.num_people(), people, "{file}");
        let found: Vec<(&str, usize)> = net
            .layers()
            .iter()
            .map(|l| (l.name.as_str(), net.num_ties_in(l.name.as_str()).unwrap()))
            .collect();
        assert_eq!(found, layers, "{file}");
    }
}

#[test]
fn multinet_details() {
    let Some(dir) = data("multinet-mpx") else { return };
    let bank = read_mpx(dir.join("bankwiring.mpx"), &MpxOptions::default()).unwrap();
    let help = bank.layer(bank.layer_id("help").unwrap());
    assert!(help.directed);
    assert!(!bank.layer(bank.layer_id("horseplay").unwrap()).directed);

    // CRLF, attribute names and values with spaces around them.
    let flo = read_mpx(dir.join("florentine.mpx"), &MpxOptions::default()).unwrap();
    let guadagni = flo.person(flo.index_of("Guadagni").unwrap()).unwrap();
    assert_eq!(guadagni.attributes["WEALTH"], "8");

    let aucs = read_mpx(dir.join("aucs.mpx"), &MpxOptions::default()).unwrap();
    assert_eq!((aucs.num_ties(), aucs.duplicates_merged()), (620, 620));
    let u4 = aucs.person(aucs.index_of("U4").unwrap()).unwrap();
    assert_eq!((u4.group.as_deref(), u4.attributes["role"].as_str()), (Some("G2/G3"), "Admin"));
    let u33 = aucs.person(aucs.index_of("U33").unwrap()).unwrap();
    assert_eq!((u33.group.as_deref(), u33.attributes["role"].as_str()), (None, "Admin"));
}

#[test]
fn aucs_mpx_has_the_same_ties_as_the_embedded_network() {
    // The copy shipped in the crate, always present.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/aarhus-cs/aucs.mpx");
    let mpx = read_mpx(path, &MpxOptions::default()).unwrap();
    let embedded = reseau::datasets::aarhus_cs();
    assert_eq!(tie_set(&mpx).len(), 620);
    assert_eq!(tie_set(&mpx), tie_set(&embedded));
    for (_, person) in embedded.people() {
        let label = person.label.as_deref().unwrap();
        let other = mpx.person(mpx.index_of(label).unwrap()).unwrap();
        assert_eq!((&person.group, &person.attributes), (&other.group, &other.attributes));
    }
}

#[test]
fn ckm_physicians_nodes_table_keeps_isolated_people() {
    let dir = "ckm-physicians/CKM-Physicians-Innovation";
    let (Some(edges), Some(layers), Some(nodes)) = (
        data(&format!("{dir}_multiplex.edges")),
        data(&format!("{dir}_layers.txt")),
        data(&format!("{dir}_nodes.txt")),
    ) else {
        return;
    };
    let options = MultiplexOptions { directed: true, ..Default::default() };
    let net = read_multiplex(&edges, Some(&layers), Some(&nodes), &options).unwrap();
    // 241 physicians appear in the ties; the nodes table lists 246.
    assert_eq!(counts(&net), (246, 1_551, 0, 0));
    let per_layer: Vec<usize> =
        net.layers().iter().map(|l| net.num_ties_in(l.name.as_str()).unwrap()).collect();
    assert_eq!(per_layer, [480, 565, 506]);
    let first = net.person(PersonId(0)).unwrap();
    assert_eq!(first.attributes.len(), 13);
    assert!(first.attributes.contains_key("nodeAdoptionDate"));
}

#[test]
fn pierre_auger_sixteen_weighted_layers() {
    let dir = "pierre-auger-coauthorship/pierreauger";
    let (Some(edges), Some(layers)) =
        (data(&format!("{dir}_multiplex.edges")), data(&format!("{dir}_layers.txt")))
    else {
        return;
    };
    let net = read_multiplex(&edges, Some(&layers), None, &MultiplexOptions::default()).unwrap();
    assert_eq!((net.num_people(), net.num_ties(), net.num_layers()), (514, 7_153, 16));
    assert_eq!(net.num_ties_in("Enhancements").unwrap(), 5_433);
    assert!(net.ties().any(|t| t.weight < 1.0));
}
