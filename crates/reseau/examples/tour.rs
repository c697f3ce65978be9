//! The headline report (the README's main command): on the embedded Aarhus CS network, or on
//! your own network, print a one-page report and write its figures as SVG charts and its
//! numbers as JSON.
//!
//! ```sh
//! cargo run --release --example tour                           # Aarhus, into ./report
//! cargo run --release --example tour -- --out /tmp/aarhus      # another output folder
//! cargo run --release --example tour -- --edges my.txt         # a SNAP edge list of yours
//! cargo run --release --example tour -- --multiplex my.edges   # `layer node node weight` lines
//! cargo run --release --example tour -- --mpx my.mpx --seed 3 --quick
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use reseau::io::{EdgeListOptions, MpxOptions, MultiplexOptions};
use reseau::report::{ReportRequest, report};
use reseau::{Network, PersonId, datasets};

const USAGE: &str =
    "usage: tour [--out DIR] [--edges FILE | --multiplex FILE | --mpx FILE] [--seed N] [--quick]";

struct Args {
    out: PathBuf,
    input: Option<(String, PathBuf)>,
    seed: u64,
    quick: bool,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args { out: PathBuf::from("report"), input: None, seed: 7, quick: false };
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--out" => parsed.out = PathBuf::from(value()?),
            "--edges" | "--multiplex" | "--mpx" => {
                parsed.input = Some((arg.clone(), PathBuf::from(value()?)));
            }
            "--seed" => {
                let v = value()?;
                parsed.seed = v.parse().map_err(|_| format!("--seed: not a number: {v:?}"))?;
            }
            "--quick" => parsed.quick = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    Ok(parsed)
}

/// The Aarhus network with a cost per person that follows their role (an illustration: a
/// professor's time is dearer than a doctoral student's).
fn aarhus() -> Network {
    let mut net = datasets::aarhus_cs();
    let roles: Vec<Option<String>> =
        net.people().map(|(_, p)| p.attributes.get("role").cloned()).collect();
    for (i, role) in roles.iter().enumerate() {
        let cost = match role.as_deref() {
            Some("Professor" | "Emeritus") => 5.0,
            Some("Associate") => 3.0,
            Some("Postdoc" | "Assistant") => 2.0,
            _ => 1.0,
        };
        net.set_cost(PersonId(i as u32), cost).expect("every id exists");
    }
    net
}

fn run(args: &Args) -> Result<(), String> {
    let (net, title) = match &args.input {
        None => (
            aarhus(),
            "reseau report: the Aarhus CS multiplex (Magnani, Micenková & Rossi 2013)".to_owned(),
        ),
        Some((kind, path)) => {
            let net = match kind.as_str() {
                "--edges" => reseau::read_edgelist(path, &EdgeListOptions::default()),
                "--multiplex" => {
                    reseau::read_multiplex(path, None, None, &MultiplexOptions::default())
                }
                _ => reseau::read_mpx(path, &MpxOptions::default()),
            }
            .map_err(|e| e.to_string())?;
            (net, format!("reseau report: {}", path.display()))
        }
    };
    let request = ReportRequest {
        quick: args.quick,
        seed: args.seed,
        title: Some(title),
        ..ReportRequest::default()
    };
    let report = report(&net, &request).map_err(|e| e.to_string())?;
    let text = report.text();
    print!("{text}");
    let written = report.write(&args.out).map_err(|e| e.to_string())?;
    let names: Vec<String> = written
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    println!("\nWritten to {}: {}", args.out.display(), names.join(", "));
    Ok(())
}

fn main() -> ExitCode {
    match parse(std::env::args().skip(1)).and_then(|args| run(&args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("tour: {message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_report_states_the_aarhus_counts_and_writes_its_files() {
        let dir = std::env::temp_dir().join(format!("reseau-tour-{}", std::process::id()));
        let args = parse(
            ["--out", dir.to_str().unwrap(), "--quick", "--seed", "3"]
                .map(String::from)
                .into_iter(),
        )
        .unwrap();
        run(&args).unwrap();
        let text = std::fs::read_to_string(dir.join("report.txt")).unwrap();
        assert!(text.contains("61 people, 620 ties in 5 layers"), "{text}");
        assert!(text.contains("facebook     digital      124"), "{text}");
        assert!(text.contains("<- peak") && text.contains("Losing facebook"), "{text}");
        for chart in ["cascade.svg", "load_curve.svg", "balance_reach.svg", "decline.svg"] {
            assert!(std::fs::read_to_string(dir.join(chart)).unwrap().starts_with("<svg"));
        }
        let _ = std::fs::remove_dir_all(&dir);
        assert!(parse(["--seed", "x"].map(String::from).into_iter()).is_err());
        assert!(parse(["--bogus"].map(String::from).into_iter()).is_err());
    }

    #[test]
    fn a_missing_edge_list_is_a_clear_error() {
        let args =
            parse(["--edges", "/nonexistent/edges.txt"].map(String::from).into_iter()).unwrap();
        let err = run(&args).unwrap_err();
        assert!(err.contains("/nonexistent/edges.txt"), "{err}");
    }
}
