//! Bad input gets a clear error (file, line, content, reason) and loses nothing: one test per
//! case.

use reseau::io::{
    CsvOptions, EdgeListOptions, MpxOptions, MultiplexOptions, SelfLoopsInFiles, SignedOptions,
    TiePolicy, parse_csv, parse_edgelist, parse_mpx, parse_multiplex, parse_signed, read_edgelist,
    read_multiplex,
};
use reseau::{Duplicates, Error, SelfLoops};

fn edgelist(text: &[u8]) -> reseau::Result<reseau::Network> {
    parse_edgelist(text, "net.txt", &EdgeListOptions::default())
}

/// The parts of a parse error, or a panic saying what came instead.
fn parse_error(result: reseau::Result<reseau::Network>) -> (String, u64, String, String) {
    match result {
        Err(Error::Parse { file, line, content, reason }) => (file, line, content, reason),
        Err(other) => panic!("expected a parse error, got {other:?}"),
        Ok(_) => panic!("expected a parse error, got a network"),
    }
}

#[test]
fn malformed_line_names_file_line_and_content() {
    let err = edgelist(b"# header\n1 2\n1 2 3 4 5\n").unwrap_err();
    assert_eq!(err.kind(), "ParseError");
    assert_eq!(
        err.to_string(),
        "net.txt:3: expected 2 or 3 columns (source target [weight]), found 5: \"1 2 3 4 5\""
    );
    let (file, line, content, _) = parse_error(Err(err));
    assert_eq!((file.as_str(), line, content.as_str()), ("net.txt", 3, "1 2 3 4 5"));
}

#[test]
fn wrong_column_count_in_every_format() {
    let (_, line, _, reason) = parse_error(edgelist(b"1 2\n7\n"));
    assert_eq!(line, 2);
    assert!(reason.contains("found 1"), "{reason}");
    let (file, line, _, _) =
        parse_error(parse_multiplex(b"1 1 2\n1 1\n", None, None, &MultiplexOptions::default()));
    assert_eq!((file.as_str(), line), ("edges", 2));
    let (_, line, _, _) =
        parse_error(parse_csv(b"source,target\na\n", "c.csv", &CsvOptions::default()));
    assert_eq!(line, 2);
    let (_, line, _, _) = parse_error(parse_signed(b"1,2\n", "s.csv", &SignedOptions::default()));
    assert_eq!(line, 1);
    let (_, line, _, _) = parse_error(parse_mpx(b"#EDGES\na,b\n", "m.mpx", &MpxOptions::default()));
    assert_eq!(line, 2);
}

#[test]
fn non_numeric_weight() {
    let (_, line, content, reason) = parse_error(edgelist(b"1 2 1.5\n2 3 heavy\n"));
    assert_eq!((line, content.as_str()), (2, "2 3 heavy"));
    assert_eq!(reason, "weight \"heavy\" is not a number");
}

#[test]
fn nan_weight() {
    let (_, line, _, reason) = parse_error(edgelist(b"1 2 NaN\n"));
    assert_eq!(line, 1);
    assert_eq!(reason, "weight NaN is not a finite number >= 0");
    let (_, line, _, _) =
        parse_error(parse_multiplex(b"1 1 2 nan\n", None, None, &MultiplexOptions::default()));
    assert_eq!(line, 1);
    let (_, line, _, _) = parse_error(edgelist(b"1 2 inf\n"));
    assert_eq!(line, 1);
}

#[test]
fn negative_weight() {
    let (_, line, _, reason) = parse_error(edgelist(b"1 2 1\n2 3 -0.5\n"));
    assert_eq!((line, reason.as_str()), (2, "weight -0.5 is not a finite number >= 0"));
    let options = CsvOptions { weight: Some("w".into()), ..Default::default() };
    let (_, line, _, _) = parse_error(parse_csv(b"source,target,w\na,b,-2\n", "c", &options));
    assert_eq!(line, 2);
}

#[test]
fn unknown_layer_in_a_layers_table_reference() {
    let layers = b"layerID layerLabel\n1 lunch\n2 facebook\n";
    let edges = b"1 1 2 1\n3 1 2 1\n";
    let (file, line, content, reason) =
        parse_error(parse_multiplex(edges, Some(layers), None, &MultiplexOptions::default()));
    assert_eq!((file.as_str(), line, content.as_str()), ("edges", 2, "3 1 2 1"));
    assert_eq!(reason, "layer \"3\" is not in the layers table");
}

#[test]
fn unknown_node_in_a_nodes_table_reference() {
    let nodes = b"nodeID nodeLabel\n1 ana\n2 bo\n";
    let (_, line, _, reason) = parse_error(parse_multiplex(
        b"1 1 2\n1 2 3\n",
        None,
        Some(nodes),
        &MultiplexOptions::default(),
    ));
    assert_eq!((line, reason.as_str()), (2, "node \"3\" is not in the nodes table"));
}

#[test]
fn errors_of_read_functions_name_the_path() {
    let dir = std::env::temp_dir().join(format!("reseau-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (edges, layers) = (dir.join("x.edges"), dir.join("x_layers.txt"));
    std::fs::write(&edges, "1 1 2\n").unwrap();
    std::fs::write(&layers, "layerID layerLabel\n1\n").unwrap();
    let err =
        read_multiplex(&edges, Some(&layers), None, &MultiplexOptions::default()).unwrap_err();
    let missing = read_edgelist(dir.join("missing.txt"), &EdgeListOptions::default()).unwrap_err();
    std::fs::remove_dir_all(&dir).ok();
    let (file, line, _, _) = parse_error(Err(err));
    assert_eq!((file.as_str(), line), (layers.display().to_string().as_str(), 2));
    assert!(matches!(missing, Error::Io { ref file, .. } if file.ends_with("missing.txt")));
    assert_eq!(missing.kind(), "FileError");
}

#[test]
fn not_utf8_gives_line_and_offset() {
    let err = edgelist(b"1 2\n2 3\n3 \xC3\x28\n").unwrap_err();
    assert_eq!(err, Error::NotUtf8 { file: "net.txt".into(), line: 3, offset: 10 });
    assert_eq!(err.kind(), "EncodingError");
    assert_eq!(err.to_string(), "net.txt:3: not valid UTF-8 (byte 10 of the file)");
    let err = parse_mpx(b"a,b,w\n\xFF", "m.mpx", &MpxOptions::default()).unwrap_err();
    assert!(matches!(err, Error::NotUtf8 { line: 2, offset: 6, .. }), "{err}");
    let err = parse_csv(b"source,target\n\xFE,b\n", "c", &CsvOptions::default()).unwrap_err();
    assert!(matches!(err, Error::NotUtf8 { line: 2, offset: 14, .. }), "{err}");
    let err = parse_multiplex(
        b"",
        None,
        Some(b"nodeID nodeLabel\n1 \xFF\n"),
        &MultiplexOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::NotUtf8 { ref file, line: 2, .. } if file == "nodes"), "{err}");
}

#[test]
fn empty_file_gives_an_empty_network() {
    for text in [&b""[..], b"\n", b"# only a comment\r\n", b"  \n\t\n"] {
        let net = edgelist(text).unwrap();
        assert_eq!((net.num_layers(), net.num_people(), net.num_ties()), (1, 0, 0));
        assert_eq!(net.layers()[0].name, "ties");
    }
    let net = parse_signed(b"", "s", &SignedOptions::default()).unwrap();
    assert_eq!((net.num_layers(), net.num_people()), (1, 0));
    let net = parse_csv(b"", "c", &CsvOptions::default()).unwrap();
    assert_eq!((net.num_layers(), net.num_people()), (1, 0));
    let net = parse_mpx(b"", "m", &MpxOptions::default()).unwrap();
    assert_eq!((net.num_layers(), net.num_people()), (0, 0));
    let net = parse_multiplex(b"", None, None, &MultiplexOptions::default()).unwrap();
    assert_eq!((net.num_layers(), net.num_people()), (0, 0));
}

#[test]
fn truncated_file() {
    // A last line without a line end is a whole line.
    let net = edgelist(b"1 2\n2 3").unwrap();
    assert_eq!(net.num_ties(), 2);
    let net = edgelist(b"1 2\r\n2 3\r").unwrap();
    assert_eq!((net.num_ties(), net.labels()[2].as_str()), (2, "3"));
    // Half a line is an error.
    let (_, line, content, _) = parse_error(edgelist(b"1 2\n2 3\n4"));
    assert_eq!((line, content.as_str()), (3, "4"));
    let (_, line, _, _) =
        parse_error(parse_signed(b"1,2,3,0\n4,5", "s", &SignedOptions::default()));
    assert_eq!(line, 2);
}

#[test]
fn huge_id_is_one_person() {
    let net = edgelist(b"1000000000000 1000000000000\n1000000000000 7\n").unwrap();
    assert_eq!(net.num_people(), 2);
    assert_eq!(net.labels(), ["1000000000000", "7"]);
    assert_eq!((net.num_ties(), net.self_loops_dropped()), (1, 1));
    assert!(net.compile().layers()[0].offsets().len() <= 3);
}

fn policy(duplicates: Duplicates, self_loops: SelfLoops) -> TiePolicy {
    TiePolicy { duplicates, self_loops: SelfLoopsInFiles(self_loops) }
}

#[test]
fn duplicates_merged_summed_or_rejected_and_counted() {
    let text = b"a b 1\nb a 2\na b 4\n";
    let options = |duplicates| EdgeListOptions {
        policy: policy(duplicates, SelfLoops::Drop),
        ..Default::default()
    };
    let merged = parse_edgelist(text, "d", &options(Duplicates::Merge)).unwrap();
    let tie = merged.ties().next().unwrap();
    assert_eq!((merged.num_ties(), merged.duplicates_merged(), tie.weight), (1, 2, 1.0));

    let summed = parse_edgelist(text, "d", &options(Duplicates::Sum)).unwrap();
    let tie = summed.ties().next().unwrap();
    assert_eq!((summed.duplicates_merged(), tie.weight, tie.multiplicity), (2, 7.0, 3));

    let err = parse_edgelist(text, "d", &options(Duplicates::Reject)).unwrap_err();
    assert_eq!(err.kind(), "DuplicateTieError");
    assert_eq!(err.to_string(), "d:2: duplicate tie b - a in layer \"ties\"");

    // In a directed layer the reverse is another tie.
    let directed = EdgeListOptions { directed: true, ..options(Duplicates::Reject) };
    let err = parse_edgelist(text, "d", &directed).unwrap_err();
    assert!(matches!(err, Error::DuplicateTie { ref location, .. } if location == "d:3: "));
}

#[test]
fn self_loops_dropped_or_rejected_and_counted() {
    let text = b"a a\na b\nb b\n";
    let net = edgelist(text).unwrap();
    assert_eq!((net.num_people(), net.num_ties(), net.self_loops_dropped()), (2, 1, 2));
    let options = EdgeListOptions {
        policy: policy(Duplicates::Merge, SelfLoops::Reject),
        ..Default::default()
    };
    let err = parse_edgelist(text, "loops.txt", &options).unwrap_err();
    assert_eq!(err.kind(), "SelfLoopError");
    assert_eq!(err.to_string(), "loops.txt:1: self-loop on a in layer \"ties\"");
    let mpx =
        MpxOptions { policy: policy(Duplicates::Merge, SelfLoops::Reject), ..Default::default() };
    let err = parse_mpx(b"x,y,w\nx,x,w\n", "m", &mpx).unwrap_err();
    assert!(matches!(err, Error::SelfLoop { ref location, .. } if location == "m:2: "));
}

#[test]
fn options_from_json_refuse_unknown_fields() {
    for json in [r#"{"direction": true}"#, r#"{"policy": {"duplicate": "sum"}}"#] {
        assert!(serde_json::from_str::<EdgeListOptions>(json).is_err(), "{json}");
    }
    let options: EdgeListOptions =
        serde_json::from_str(r#"{"policy": {"duplicates": "sum", "self_loops": "reject"}}"#)
            .unwrap();
    assert_eq!(options.policy, policy(Duplicates::Sum, SelfLoops::Reject));
}
