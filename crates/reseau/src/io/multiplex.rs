//! The multiplex format of `muxViz` and De Domenico's data releases (as in the Aarhus CS and Krackhardt
//! data): an edges file `layerID nodeID nodeID [weight]`, an optional layers table
//! `layerID layerLabel` and an optional nodes table `nodeID nodeLabel` or
//! `nodeID column column …`.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::lines::{self, Line};
use super::{TiePolicy, layer_kind};
use crate::{Layer, LayerId, Network, Person, PersonId, Result, TieSpec};

/// Options for [`read_multiplex`] and [`parse_multiplex`].
///
/// ```
/// use reseau::io::MultiplexOptions;
/// let options = MultiplexOptions { directed: true, ..Default::default() };
/// assert_eq!(options.digital, None); // layer kinds guessed from their names
/// let from_json: MultiplexOptions = serde_json::from_str(r#"{"digital": ["advice"]}"#).unwrap();
/// assert!(!from_json.directed);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct MultiplexOptions {
    /// Whether every layer's ties are directed (default `false`).
    pub directed: bool,
    /// The names of the digital layers, the others being physical (case-insensitive). `None`
    /// (the default): each layer's kind is guessed from its name by
    /// [`guess_layer_kind`](super::guess_layer_kind).
    pub digital: Option<Vec<String>>,
    /// Repeated ties and self-loops.
    pub policy: TiePolicy,
}

/// Reads the multiplex format from files (see [`parse_multiplex`]); errors name the path of
/// the file at fault.
///
/// ```
/// use reseau::io::{MultiplexOptions, read_multiplex};
/// let dir = std::env::temp_dir().join("reseau-doctest-multiplex");
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("net.edges"), "1 1 2 1\n2 2 3 1\n")?;
/// std::fs::write(dir.join("layers.txt"), "layerID layerLabel\n1 lunch\n2 facebook\n")?;
/// let layers = dir.join("layers.txt");
/// let net = read_multiplex(dir.join("net.edges"), Some(&layers), None, &MultiplexOptions::default())?;
/// assert_eq!(net.layers()[1].name, "facebook");
/// assert_eq!(net.num_ties(), 2);
/// # std::fs::remove_dir_all(&dir).ok();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_multiplex(
    edges: impl AsRef<Path>,
    layers: Option<&Path>,
    nodes: Option<&Path>,
    options: &MultiplexOptions,
) -> Result<Network> {
    fn borrow((bytes, name): &(Vec<u8>, String)) -> Input<'_> {
        Input { bytes, name }
    }
    let load = |p: &Path| lines::read_file(p).map(|bytes| (bytes, lines::display(p)));
    let edges = load(edges.as_ref())?;
    let layers = layers.map(load).transpose()?;
    let nodes = nodes.map(load).transpose()?;
    parse(borrow(&edges), layers.as_ref().map(borrow), nodes.as_ref().map(borrow), options)
}

/// Parses the multiplex format from bytes; errors name the file at fault as `edges`,
/// `layers` or `nodes`.
///
/// - **Edges**: one tie per line, `layerID nodeID nodeID` or `layerID nodeID nodeID weight`,
///   separated by spaces or tabs. The first line is a header, and skipped, when none of its
///   fields is a number (as Krackhardt's `layerID nodeID1 nodeID2 weight`). Lines starting
///   with `#` or `%` and blank lines are skipped. A weight is a finite number >= 0.
/// - **Layers table** (optional): a header line, then `layerID layerLabel` (the label may hold
///   spaces). Layers are created in table order, named by their label, and every layerID in
///   the edges must be in the table. Without a table, each layerID names a layer, created
///   in order of first appearance.
/// - **Nodes table** (optional): a header line naming the columns, then one line per node.
///   The first column is the nodeID. A column named `nodeLabel` (or `label`) gives the
///   person's label; without one the nodeID is the label. Every other column becomes a
///   [`Person::attributes`] entry under its header name. People are created in table order,
///   and every nodeID in the edges must be in the table. Without a table, each nodeID is a
///   label, and people are created in order of first appearance.
///
/// Every layer is directed or not as `options.directed` says, and digital or physical as
/// `options.digital` says (guessed from the name when `None`). Repeated ties and self-loops
/// follow `options.policy`.
///
/// ```
/// use reseau::{LayerKind, io::{MultiplexOptions, parse_multiplex}};
/// let edges = b"1 1 2 1\n1 2 3 1\n2 1 3 1\n";
/// let layers = b"layerID layerLabel\n1 lunch\n2 facebook\n";
/// let nodes = b"nodeID nodeLabel\n1 ana\n2 bo\n3 cy\n";
/// let net = parse_multiplex(edges, Some(layers), Some(nodes), &MultiplexOptions::default())?;
/// assert_eq!(net.labels(), ["ana", "bo", "cy"]);
/// assert_eq!(net.layer(net.layer_id("facebook")?).kind, LayerKind::Digital);
/// assert_eq!(net.num_ties_in("lunch")?, 2);
///
/// let err = parse_multiplex(b"3 1 2\n", Some(layers), None, &MultiplexOptions::default())
///     .unwrap_err();
/// assert_eq!(err.to_string(), "edges:1: layer \"3\" is not in the layers table: \"3 1 2\"");
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn parse_multiplex(
    edges: &[u8],
    layers: Option<&[u8]>,
    nodes: Option<&[u8]>,
    options: &MultiplexOptions,
) -> Result<Network> {
    let input = |bytes, name| Input { bytes, name };
    let net = parse(
        input(edges, "edges"),
        layers.map(|b| input(b, "layers")),
        nodes.map(|b| input(b, "nodes")),
        options,
    )?;
    super::check_digital(&net, options.digital.as_deref())?;
    Ok(net)
}

/// One input file: its bytes and the name errors give it.
#[derive(Clone, Copy)]
struct Input<'a> {
    bytes: &'a [u8],
    name: &'a str,
}

/// The data lines of a file (no blank or comment lines).
fn data_lines(input: Input<'_>) -> Result<impl Iterator<Item = Line<'_>>> {
    let text = lines::text(input.bytes, input.name)?;
    Ok(lines::lines(text).filter(|l| !l.is_blank() && !l.is_comment()))
}

/// The first field of a line and the rest, trimmed.
fn split_first(text: &str) -> (&str, &str) {
    let text = text.trim_matches([' ', '\t']);
    match text.find([' ', '\t']) {
        Some(i) => (&text[..i], text[i..].trim_matches([' ', '\t'])),
        None => (text, ""),
    }
}

fn parse(
    edges: Input<'_>,
    layers: Option<Input<'_>>,
    nodes: Option<Input<'_>>,
    options: &MultiplexOptions,
) -> Result<Network> {
    let mut net = Network::new();
    options.policy.apply(&mut net);
    let digital = options.digital.as_deref();
    let new_layer =
        |name: &str| Layer::new(name, layer_kind(name, digital)).directed(options.directed);

    // layerID -> layer, from the table if there is one.
    let layer_table = match layers {
        Some(input) => Some(read_layers(&mut net, input, &new_layer)?),
        None => None,
    };
    // nodeID -> person, from the table if there is one.
    let node_table = match nodes {
        Some(input) => Some(read_nodes(&mut net, input)?),
        None => None,
    };

    let mut seen_layers: HashMap<String, LayerId> = HashMap::new();
    let file = edges.name;
    let mut growth = lines::Growth::new(lines::text(edges.bytes, file)?, file)?;
    for (i, line) in data_lines(edges)?.enumerate() {
        growth.check(&net, line.text)?;
        let fields: Vec<&str> = line.text.split_ascii_whitespace().collect();
        let is_header = i == 0
            && !fields.iter().any(|f| lines::is_number(f))
            && !layer_table.as_ref().is_some_and(|t| t.contains_key(fields[0]));
        if is_header {
            continue;
        }
        let spec = match fields.len() {
            3 => TieSpec::default(),
            4 => TieSpec::weight(lines::weight(fields[3], &line, file)?),
            n => {
                return Err(line.error(
                    file,
                    format!("expected 3 or 4 columns (layerID nodeID nodeID [weight]), found {n}"),
                ));
            }
        };
        let layer = match &layer_table {
            Some(table) => *table.get(fields[0]).ok_or_else(|| {
                line.error(file, format!("layer {:?} is not in the layers table", fields[0]))
            })?,
            None => {
                if let Some(&id) = seen_layers.get(fields[0]) {
                    id
                } else {
                    let id = net.add_layer(new_layer(fields[0]))?;
                    seen_layers.insert(fields[0].to_owned(), id);
                    id
                }
            }
        };
        let mut end = |id: &str| match &node_table {
            Some(table) => table
                .get(id)
                .copied()
                .ok_or_else(|| line.error(file, format!("node {id:?} is not in the nodes table"))),
            None => lines::person(&mut net, id),
        };
        let ends = (end(fields[1])?, end(fields[2])?);
        lines::add_tie(&mut net, ends, layer, spec, file, line.number)?;
    }
    Ok(net)
}

/// Checks that a table's first line is a header (its first field is not a number).
fn expect_header(line: &Line<'_>, file: &str, example: &str) -> Result<()> {
    if lines::is_number(split_first(line.text).0) {
        Err(line.error(file, format!("expected a header line first, such as {example:?}")))
    } else {
        Ok(())
    }
}

/// Reads the layers table into the network; returns layerID -> layer.
fn read_layers(
    net: &mut Network,
    input: Input<'_>,
    new_layer: &dyn Fn(&str) -> Layer,
) -> Result<HashMap<String, LayerId>> {
    let file = input.name;
    let mut table = HashMap::new();
    for (i, line) in data_lines(input)?.enumerate() {
        if i == 0 {
            expect_header(&line, file, "layerID layerLabel")?;
            continue;
        }
        let (id, label) = split_first(line.text);
        if label.is_empty() {
            return Err(line.error(file, "expected 2 columns (layerID layerLabel), found 1"));
        }
        if table.contains_key(id) {
            return Err(line.error(file, format!("layerID {id:?} is listed twice")));
        }
        let layer = net.add_layer(new_layer(label)).map_err(|e| line.error(file, e.to_string()))?;
        table.insert(id.to_owned(), layer);
    }
    Ok(table)
}

/// Reads the nodes table into the network; returns nodeID -> person.
fn read_nodes(net: &mut Network, input: Input<'_>) -> Result<HashMap<String, PersonId>> {
    let file = input.name;
    let mut table = HashMap::new();
    let mut columns: Vec<&str> = Vec::new();
    let mut label_column = None;
    for (i, line) in data_lines(input)?.enumerate() {
        if i == 0 {
            expect_header(&line, file, "nodeID nodeLabel")?;
            columns = line.text.split_ascii_whitespace().collect();
            label_column = columns.iter().position(|c| {
                c.eq_ignore_ascii_case("nodeLabel") || c.eq_ignore_ascii_case("label")
            });
            continue;
        }
        // With only `nodeID nodeLabel`, the label is the rest of the line and may hold spaces.
        let fields: Vec<&str> = if columns.len() == 2 && label_column == Some(1) {
            let (id, label) = split_first(line.text);
            if label.is_empty() { vec![id] } else { vec![id, label] }
        } else {
            line.text.split_ascii_whitespace().collect()
        };
        if fields.len() != columns.len() {
            return Err(line.error(
                file,
                format!(
                    "expected {} columns ({}), found {}",
                    columns.len(),
                    columns.join(" "),
                    fields.len()
                ),
            ));
        }
        let id = fields[0];
        if table.contains_key(id) {
            return Err(line.error(file, format!("nodeID {id:?} is listed twice")));
        }
        let mut person = Person::new().label(label_column.map_or(id, |c| fields[c]));
        for (c, (name, value)) in columns.iter().zip(&fields).enumerate().skip(1) {
            if Some(c) != label_column {
                person = person.attribute(*name, *value);
            }
        }
        let person = net.add_person(person).map_err(|e| line.error(file, e.to_string()))?;
        table.insert(id.to_owned(), person);
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Error, LayerKind};

    #[test]
    fn lines_of_form_feeds_are_blank() {
        // Found by tests/fuzz.rs: a line of only a form feed (whitespace to
        // `split_ascii_whitespace`, not to the blank-line test then) had no field at all.
        let options = MultiplexOptions::default();
        let net = parse_multiplex(b"\x0c\n", Some(b" "), None, &options).unwrap();
        assert_eq!(net.num_ties(), 0);
        let nodes = b"\x0c\nnodeID nodeLabel\n1 ana\n\x0c\x0c\n";
        let net = parse_multiplex(b"1 1 1\n", None, Some(nodes), &options).unwrap();
        assert_eq!(net.labels(), ["ana"]);
    }

    #[test]
    fn without_tables_layers_and_people_come_from_the_edges() {
        let net =
            parse_multiplex(b"2 a b\n1 b c 2\n", None, None, &MultiplexOptions::default()).unwrap();
        let names: Vec<&str> = net.layers().iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["2", "1"]);
        assert_eq!(net.labels(), ["a", "b", "c"]);
    }

    #[test]
    fn header_line_is_skipped_and_attributes_kept() {
        let edges = b"layerID nodeID1 nodeID2 weight\n1 1 2 1\n";
        let nodes = b"nodeID nodeAge nodeLevel\n1 33 3\n2 42 2\n";
        let options = MultiplexOptions { directed: true, ..Default::default() };
        let net = parse_multiplex(edges, None, Some(nodes), &options).unwrap();
        assert_eq!(net.num_ties(), 1);
        let p = net.person(crate::PersonId(1)).unwrap();
        assert_eq!(p.label.as_deref(), Some("2"));
        assert_eq!(p.attributes["nodeAge"], "42");
        assert!(net.layers()[0].directed);
    }

    #[test]
    fn digital_list_overrides_the_guess() {
        let layers = b"layerID layerLabel\n1 facebook\n2 lunch\n";
        let options =
            MultiplexOptions { digital: Some(vec!["Lunch".into()]), ..Default::default() };
        let net = parse_multiplex(b"", Some(layers), None, &options).unwrap();
        let kinds: Vec<LayerKind> = net.layers().iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [LayerKind::Physical, LayerKind::Digital]);
        assert_eq!(net.num_people(), 0);
    }

    #[test]
    fn table_errors_name_their_file() {
        let err = parse_multiplex(
            b"1 1 9\n",
            None,
            Some(b"nodeID nodeLabel\n1 a\n"),
            &MultiplexOptions::default(),
        )
        .unwrap_err();
        assert!(matches!(err, Error::Parse { ref file, line: 1, .. } if file == "edges"), "{err}");
        let err = parse_multiplex(b"", Some(b"1 lunch\n"), None, &MultiplexOptions::default())
            .unwrap_err();
        assert!(matches!(err, Error::Parse { ref file, line: 1, .. } if file == "layers"), "{err}");
        let err =
            parse_multiplex(b"", None, Some(b"nodeID a b\n1 x\n"), &MultiplexOptions::default())
                .unwrap_err();
        assert!(matches!(err, Error::Parse { ref file, line: 2, .. } if file == "nodes"), "{err}");
        let err =
            parse_multiplex(b"", None, Some(b"id label\n1 x\n2 x\n"), &MultiplexOptions::default())
                .unwrap_err();
        assert!(matches!(err, Error::Parse { line: 3, .. }), "{err}");
    }
}
