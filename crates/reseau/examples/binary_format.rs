//! The binary format against the disk and against text (the table of `docs/performance.md`,
//! "The binary format"): a Barabási–Albert network (power-law degrees) of `n` people and `m`
//! ties per newcomer (10^6 and 5 by default: 10^7 directed ties) is generated, compiled,
//! saved, loaded (checked, as always), read back as raw bytes (what the page cache gives, the
//! ceiling of any loader), loaded as a `Network` (what Python's `reseau.load` and JS's
//! `Network.fromBytes` give: frozen, the editable network made on the first edit; and that
//! first making, which `Network::from_compiled` did at once before), and written and read as
//! a text edge list (streamed).
//!
//! Run with `cargo run --release --example binary_format [n] [m]`; the files go to the system's
//! temporary directory and are removed. Times are the best of three, in one process.

use std::io::Write as _;
use std::time::{Duration, Instant};

use reseau::Network;
use reseau::io::{EdgeListOptions, load, read_edgelist};

/// The best of three timings of `f`, and its last result.
fn best_of_three<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..3 {
        let start = Instant::now();
        let value = f();
        best = best.min(start.elapsed());
        out = Some(value);
    }
    (best, out.expect("three runs"))
}

/// The process's peak resident memory so far (Linux), in MB.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1000.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let n = args.next().transpose()?.unwrap_or(1_000_000);
    let m = args.next().transpose()?.unwrap_or(5);
    let dir = std::env::temp_dir();
    let (bin, txt) = (
        dir.join(format!("reseau-bench-{}.rsn", std::process::id())),
        dir.join(format!("reseau-bench-{}.txt", std::process::id())),
    );

    let start = Instant::now();
    let net = reseau::generators::barabasi_albert(n, m, 1)?;
    let generated = start.elapsed();
    let start = Instant::now();
    let view = net.compile();
    let compiled = start.elapsed();
    let ties = view.num_directed_ties() as f64;
    println!(
        "Barabási–Albert n = {n}, m = {m}: {} directed ties; generate {:.2} s, compile {:.2} s",
        view.num_directed_ties(),
        generated.as_secs_f64(),
        compiled.as_secs_f64()
    );

    let (save, ()) = best_of_three(|| view.save(&bin).expect("saved"));
    let bytes = std::fs::metadata(&bin)?.len() as f64;
    let (raw, read) = best_of_three(|| std::fs::read(&bin).expect("read"));
    drop(read);
    let (loading, loaded) = best_of_three(|| load(&bin).expect("loaded"));
    assert!(loaded == view, "the loaded view is the saved one");
    drop(loaded);
    let (frozen, network) = best_of_three(|| {
        let net = Network::from_compiled(load(&bin).expect("loaded")).expect("checked");
        assert!(net.is_frozen());
        net
    });
    drop(network);
    // The first call that needs the editable network makes it: timed alone, on fresh loads.
    let mut thaw = Duration::MAX;
    for _ in 0..3 {
        let loaded = Network::from_compiled(load(&bin).expect("loaded")).expect("checked");
        let start = Instant::now();
        let degree = loaded.degree(reseau::PersonId(0), None);
        thaw = thaw.min(start.elapsed());
        assert!(!loaded.is_frozen() && degree > 0);
    }

    {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&txt)?);
        for tie in net.ties() {
            writeln!(out, "{} {}", tie.source.0, tie.target.0)?;
        }
        out.flush()?;
    }
    drop(net);
    let text_bytes = std::fs::metadata(&txt)?.len() as f64;
    let (text, from_text) =
        best_of_three(|| read_edgelist(&txt, &EdgeListOptions::default()).expect("read"));
    assert_eq!(from_text.num_directed_ties(), view.num_directed_ties());
    drop(from_text);
    std::fs::remove_file(&bin).ok();
    std::fs::remove_file(&txt).ok();

    let mb = |b: f64, d: Duration| b / 1e6 / d.as_secs_f64();
    println!();
    println!("| step | time (s) | MB/s | ns per directed tie |");
    println!("|---|---:|---:|---:|");
    let row = |name: &str, d: Duration, b: f64| {
        println!(
            "| {name} | {:.3} | {:.0} | {:.1} |",
            d.as_secs_f64(),
            mb(b, d),
            d.as_secs_f64() * 1e9 / ties
        );
    };
    row("save (binary)", save, bytes);
    row("load (binary, checked)", loading, bytes);
    row("read the file's bytes (`std::fs::read`)", raw, bytes);
    row("load as a `Network` (frozen: the view checked, kept)", frozen, bytes);
    row("its first edit or look at people and ties (makes them)", thaw, bytes);
    row("both: a `Network`'s load before it stayed frozen", frozen + thaw, bytes);
    row("read the text edge list (streamed)", text, text_bytes);
    println!();
    println!(
        "binary file: {:.1} MB, {:.2} bytes per directed tie; compiled view in memory: {:.2} bytes \
         per directed tie (adjacency); text edge list: {:.1} MB, {:.2} bytes per directed tie",
        bytes / 1e6,
        bytes / ties,
        view.bytes_per_directed_tie(),
        text_bytes / 1e6,
        text_bytes / ties
    );
    println!(
        "load / raw read: {:.2}; text read / load: {:.1}",
        loading.as_secs_f64() / raw.as_secs_f64(),
        text.as_secs_f64() / loading.as_secs_f64()
    );
    println!(
        "a `Network`'s load, before / now: {:.1}",
        (frozen + thaw).as_secs_f64() / frozen.as_secs_f64()
    );
    if let Some(peak) = peak_mb() {
        println!("peak resident memory of the process: {peak:.0} MB");
    }
    Ok(())
}
