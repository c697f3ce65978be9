//! The network the command works on: files in any of the library's formats (the format given
//! or guessed from the name), several files made into one multiplex network, layer kinds and
//! groups set from the command line; or, with no file, the embedded Aarhus CS network.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use reseau::io::{
    CsvOptions, EdgeListOptions, MpxOptions, MultiplexOptions, SignedOptions, read_groups,
};
use reseau::{Error, LayerKind, Network, PersonId};
use serde_json::{Value, json};

use crate::overlay;

/// The formats the library reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// SNAP edge list: `source target [weight]` lines (`#` comments).
    Edgelist,
    /// CSV with a header (columns `source`, `target` unless `--read source=…`).
    Csv,
    /// Signed ratings `source,target,rating[,time]`, as SNAP's Bitcoin files.
    Signed,
    /// The multiplex format `layerID nodeID nodeID [weight]`, with its layers and nodes tables.
    Multiplex,
    /// multinet's `.mpx`.
    Mpx,
    /// The library's lossless JSON.
    Json,
}

impl Format {
    /// The format a file's name (and, for CSV, its first line) suggests: `.mpx`, `.json`,
    /// `.csv` (signed when the first line is all numbers), a name with `multiplex` in it (as
    /// `X_multiplex.edges`), anything else an edge list.
    pub(crate) fn guess(path: &Path) -> Format {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        match ext.as_str() {
            "mpx" => Format::Mpx,
            "json" => Format::Json,
            "csv" => {
                let first = std::fs::read(path).ok().and_then(|bytes| {
                    let text =
                        String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).into_owned();
                    text.lines().find(|l| !l.trim().is_empty()).map(str::to_owned)
                });
                let numeric = first.is_some_and(|l| {
                    l.split(',').all(|f| f.trim().parse::<f64>().is_ok()) && l.contains(',')
                });
                if numeric { Format::Signed } else { Format::Csv }
            }
            _ => {
                let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase());
                if name.is_some_and(|n| n.contains("multiplex")) {
                    Format::Multiplex
                } else {
                    Format::Edgelist
                }
            }
        }
    }

    fn name(self) -> &'static str {
        match self {
            Format::Edgelist => "edge list",
            Format::Csv => "CSV",
            Format::Signed => "signed ratings",
            Format::Multiplex => "multiplex",
            Format::Mpx => "mpx",
            Format::Json => "JSON",
        }
    }
}

/// Where the network comes from, shared by every subcommand.
#[derive(Debug, Clone, Args)]
pub(crate) struct Input {
    /// Network files; several files (one layer each, or multiplex) make one network, people
    /// matched by label. None: the embedded Aarhus CS network (5 layers, 61 people, with a
    /// cost per person that follows their role).
    #[arg(value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,
    /// The files' format (default: guessed from the name: .mpx, .json, .csv = CSV or signed
    /// ratings when its first line is all numbers, `multiplex` in the name = multiplex,
    /// anything else an edge list).
    #[arg(long, value_enum)]
    pub(crate) format: Option<Format>,
    /// The ties point one way (who voted for whom, who e-mailed whom).
    #[arg(long)]
    pub(crate) directed: bool,
    /// A layer's kind, NAME=physical or NAME=digital (repeatable). A single-layer file's layer
    /// is named after the file (the part of the name that differs between the files given),
    /// and its kind guessed from that name (digital for facebook, mentions, email, …).
    #[arg(long = "layer", value_name = "NAME=KIND")]
    pub(crate) layers: Vec<String>,
    /// A table of layer kinds: `NAME KIND` lines (`#` comments).
    #[arg(long, value_name = "FILE")]
    pub(crate) layer_kinds: Option<PathBuf>,
    /// The multiplex format's layers table (`layerID layerLabel`; default: `X_layers.txt`
    /// beside `X_multiplex.edges`).
    #[arg(long, value_name = "FILE")]
    pub(crate) layers_table: Option<PathBuf>,
    /// The multiplex format's nodes table (`nodeID nodeLabel …`; default: `X_nodes.txt`
    /// beside `X_multiplex.edges`).
    #[arg(long, value_name = "FILE")]
    pub(crate) nodes_table: Option<PathBuf>,
    /// People's groups (teams, departments): `node group` lines.
    #[arg(long, value_name = "FILE")]
    pub(crate) groups: Option<PathBuf>,
    /// An option of the format's reader, as KEY=VALUE (repeatable): `source=from`,
    /// `delimiter=;`, `policy.duplicates=sum`, … (the reader's options struct, see the
    /// library's docs).
    #[arg(long = "read", value_name = "KEY=VALUE")]
    pub(crate) read: Vec<String>,
}

/// A network and how to call it.
#[derive(Debug)]
pub(crate) struct Loaded {
    pub(crate) net: Network,
    pub(crate) name: String,
}

/// The network `reseau` runs on when given no file: the embedded Aarhus CS network with a
/// cost per person that follows their role (an illustration: a professor's time is dearer
/// than a doctoral student's).
///
/// # Panics
/// Never: every person of the embedded network exists.
///
/// ```
/// let net = reseau_cli::aarhus();
/// assert_eq!(net.num_people(), 61);
/// assert!(net.people().any(|(_, p)| p.cost == 5.0));
/// ```
pub fn aarhus() -> Network {
    let mut net = reseau::datasets::aarhus_cs();
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

fn usage(message: impl Into<String>) -> Error {
    Error::InvalidParameter {
        name: "arguments".into(),
        value: message.into(),
        expected: "see --help".into(),
    }
}

/// Each file's layer name: its stem, less the words (split at `-`, `_`, `.`, spaces) that
/// every stem starts or ends with, when there are several files.
pub(crate) fn layer_names(paths: &[PathBuf]) -> Vec<String> {
    let stems: Vec<String> = paths
        .iter()
        .map(|p| {
            p.file_stem().map_or_else(|| "ties".to_owned(), |s| s.to_string_lossy().into_owned())
        })
        .collect();
    if stems.len() < 2 {
        return stems;
    }
    let words: Vec<Vec<&str>> =
        stems.iter().map(|s| s.split(['-', '_', '.', ' ']).collect()).collect();
    let shortest = words.iter().map(Vec::len).min().unwrap_or(0);
    let same = |at: &dyn Fn(&Vec<&str>) -> Option<String>| {
        let first = at(&words[0]);
        first.is_some() && words.iter().all(|w| at(w) == first)
    };
    let mut front = 0;
    while front < shortest && same(&|w| w.get(front).map(|s| (*s).to_owned())) {
        front += 1;
    }
    let mut back = 0;
    while front + back < shortest && same(&|w| w.get(w.len() - 1 - back).map(|s| (*s).to_owned())) {
        back += 1;
    }
    let names: Vec<String> = words.iter().map(|w| w[front..w.len() - back].join("-")).collect();
    let distinct = names.iter().collect::<std::collections::BTreeSet<_>>().len() == names.len();
    if distinct && names.iter().all(|n| !n.is_empty()) { names } else { stems }
}

/// The `X_layers.txt` or `X_nodes.txt` beside `X_multiplex.edges`, if there is one.
fn beside(edges: &Path, table: &str) -> Option<PathBuf> {
    let name = edges.file_name()?.to_str()?;
    let prefix = name.strip_suffix("_multiplex.edges")?;
    let path = edges.with_file_name(format!("{prefix}_{table}.txt"));
    path.exists().then_some(path)
}

/// A reader's options with their defaults, as JSON.
fn defaults<T: serde::Serialize + Default>() -> Value {
    serde_json::to_value(T::default()).unwrap_or(Value::Null)
}

/// Reads one file.
fn read(
    path: &Path,
    format: Format,
    layer: &str,
    input: &Input,
    notes: &mut Vec<String>,
) -> Result<Network, Error> {
    // The reader's options: the core's defaults, then what the command line says.
    let mut entries: Vec<(String, Value)> = Vec::new();
    let has_directed =
        matches!(format, Format::Edgelist | Format::Csv | Format::Multiplex | Format::Signed);
    if input.directed {
        if !has_directed {
            return Err(usage(format!(
                "--directed does not apply to a {} file ({}): its layers say whether they are directed",
                format.name(),
                path.display()
            )));
        }
        entries.push(("directed".into(), json!(true)));
    }
    if matches!(format, Format::Edgelist | Format::Csv | Format::Signed) {
        entries.push(("layer".into(), json!(layer)));
    }
    if matches!(format, Format::Edgelist | Format::Csv) {
        // Named after the file, the layer's kind is guessed from its name, as the multiplex
        // readers guess theirs (a signed ratings file keeps the reader's own kind).
        entries.push(("kind".into(), json!(reseau::io::guess_layer_kind(layer).as_str())));
    }
    let like = match format {
        Format::Edgelist => defaults::<EdgeListOptions>(),
        Format::Csv => defaults::<CsvOptions>(),
        Format::Signed => defaults::<SignedOptions>(),
        Format::Multiplex => defaults::<MultiplexOptions>(),
        Format::Mpx => defaults::<MpxOptions>(),
        Format::Json => Value::Null,
    };
    for pair in &input.read {
        if format == Format::Json {
            return Err(usage(format!(
                "--read does not apply to a JSON file ({})",
                path.display()
            )));
        }
        entries.push(overlay::parse_set(pair, &like)?);
    }
    let what = format!("options of the {} reader", format.name());
    match format {
        Format::Edgelist => reseau::read_edgelist(
            path,
            &overlay::apply(&EdgeListOptions::default(), &entries, &what)?,
        ),
        Format::Csv => {
            reseau::read_csv(path, &overlay::apply(&CsvOptions::default(), &entries, &what)?)
        }
        Format::Signed => {
            reseau::read_signed(path, &overlay::apply(&SignedOptions::default(), &entries, &what)?)
        }
        Format::Mpx => {
            reseau::read_mpx(path, &overlay::apply(&MpxOptions::default(), &entries, &what)?)
        }
        Format::Multiplex => {
            let options = overlay::apply(&MultiplexOptions::default(), &entries, &what)?;
            let layers = input.layers_table.clone().or_else(|| beside(path, "layers"));
            let nodes = input.nodes_table.clone().or_else(|| beside(path, "nodes"));
            for (table, given, found) in
                [("layers", &input.layers_table, &layers), ("nodes", &input.nodes_table, &nodes)]
            {
                if given.is_none() {
                    if let Some(found) = found {
                        notes.push(format!(
                            "{}: its {table} table is {}",
                            path.display(),
                            found.display()
                        ));
                    }
                }
            }
            reseau::read_multiplex(path, layers.as_deref(), nodes.as_deref(), &options)
        }
        Format::Json => {
            let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
                file: path.display().to_string(),
                message: e.to_string(),
            })?;
            Network::from_json(&text)
        }
    }
}

/// A layer's kind from its name on the command line.
fn kind(name: &str, text: &str) -> Result<LayerKind, Error> {
    match text.trim().to_ascii_lowercase().as_str() {
        "physical" | "offline" => Ok(LayerKind::Physical),
        "digital" | "online" => Ok(LayerKind::Digital),
        other => Err(Error::InvalidParameter {
            name: format!("kind of layer {name}"),
            value: other.into(),
            expected: "physical or digital".into(),
        }),
    }
}

/// The network of `input`; `notes` gets what a person should know about how it was read.
pub(crate) fn load(input: &Input, notes: &mut Vec<String>) -> Result<Loaded, Error> {
    let (mut net, name) = if input.files.is_empty() {
        let needs_file = [
            (input.format.is_some(), "--format"),
            (input.directed, "--directed"),
            (input.layers_table.is_some(), "--layers-table"),
            (input.nodes_table.is_some(), "--nodes-table"),
            (!input.read.is_empty(), "--read"),
        ];
        if let Some((_, flag)) = needs_file.iter().find(|(given, _)| *given) {
            return Err(usage(format!(
                "{flag} needs a FILE (without one, the command runs on the embedded Aarhus network)"
            )));
        }
        (aarhus(), "the Aarhus CS multiplex (Magnani, Micenková & Rossi 2013)".to_owned())
    } else {
        let names = layer_names(&input.files);
        let mut whole: Option<Network> = None;
        for (path, layer) in input.files.iter().zip(&names) {
            let format = input.format.unwrap_or_else(|| Format::guess(path));
            let net = read(path, format, layer, input, notes)?;
            let mut note = format!(
                "{} ({}): {} people, {} ties in {} layer{}",
                path.display(),
                format.name(),
                net.num_people(),
                net.num_ties(),
                net.num_layers(),
                if net.num_layers() == 1 { "" } else { "s" }
            );
            if net.duplicates_merged() > 0 {
                let _ = std::fmt::Write::write_fmt(
                    &mut note,
                    format_args!("; {} repeated ties merged", net.duplicates_merged()),
                );
            }
            if net.self_loops_dropped() > 0 {
                let _ = std::fmt::Write::write_fmt(
                    &mut note,
                    format_args!("; {} self-loops dropped", net.self_loops_dropped()),
                );
            }
            notes.push(note);
            match &mut whole {
                None => whole = Some(net),
                Some(w) => w.merge(&net)?,
            }
        }
        let name =
            input.files.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
        (whole.expect("at least one file"), name)
    };
    let mut kinds: Vec<(String, String)> = Vec::new();
    if let Some(path) = &input.layer_kinds {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::Io { file: path.display().to_string(), message: e.to_string() })?;
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((name, k)) = line.rsplit_once(|c: char| c.is_ascii_whitespace()) else {
                return Err(Error::Parse {
                    file: path.display().to_string(),
                    line: i as u64 + 1,
                    content: line.into(),
                    reason: "expected 2 columns (layer kind)".into(),
                });
            };
            kinds.push((name.trim().to_owned(), k.to_owned()));
        }
    }
    for pair in &input.layers {
        let Some((name, k)) = pair.rsplit_once('=') else {
            return Err(Error::InvalidParameter {
                name: "--layer".into(),
                value: pair.clone(),
                expected: "NAME=physical or NAME=digital".into(),
            });
        };
        kinds.push((name.to_owned(), k.to_owned()));
    }
    for (name, k) in kinds {
        net.set_layer_kind(name.as_str(), kind(&name, &k)?)?;
    }
    if let Some(path) = &input.groups {
        let set = read_groups(&mut net, path)?;
        notes.push(format!("{}: groups for {set} people", path.display()));
    }
    Ok(Loaded { net, name })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_are_named_by_what_differs_between_the_files() {
        let paths = |names: &[&str]| names.iter().map(PathBuf::from).collect::<Vec<_>>();
        assert_eq!(
            layer_names(&paths(&[
                "d/football-twitter-follows.edgelist",
                "d/football-twitter-mentions.edgelist",
                "d/football-twitter-retweets.edgelist"
            ])),
            ["follows", "mentions", "retweets"]
        );
        assert_eq!(layer_names(&paths(&["Wiki-Vote.txt"])), ["Wiki-Vote"]);
        assert_eq!(
            layer_names(&paths(&["EIES-1.edgelist", "EIES-messages.edgelist"])),
            ["1", "messages"]
        );
        assert_eq!(layer_names(&paths(&["a/x.txt", "b/x.txt"])), ["x", "x"]);
    }

    #[test]
    fn formats_are_guessed_from_the_name() {
        assert_eq!(Format::guess(Path::new("a.mpx")), Format::Mpx);
        assert_eq!(Format::guess(Path::new("a_multiplex.edges")), Format::Multiplex);
        assert_eq!(Format::guess(Path::new("Wiki-Vote.txt")), Format::Edgelist);
        assert_eq!(Format::guess(Path::new("net.JSON")), Format::Json);
        assert_eq!(Format::guess(Path::new("les_miserables.edges")), Format::Edgelist);
        assert_eq!(Format::guess(Path::new("x_multiplex_from_paj.edges")), Format::Multiplex);
        let dir = std::env::temp_dir().join(format!("reseau-cli-guess-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("signed.csv"), "6,2,4,1289241911.72836\n").unwrap();
        std::fs::write(dir.join("table.csv"), "source,target\na,b\n").unwrap();
        assert_eq!(Format::guess(&dir.join("signed.csv")), Format::Signed);
        assert_eq!(Format::guess(&dir.join("table.csv")), Format::Csv);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
