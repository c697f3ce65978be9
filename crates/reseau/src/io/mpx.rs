//! multinet's `.mpx` format (Magnani et al., J. Stat. Softw. 98(8), 2021).

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::lines::{self, Line};
use super::{TiePolicy, layer_kind};
use crate::{Layer, LayerId, Network, Result, TieSpec};

/// Options for [`read_mpx`] and [`parse_mpx`].
///
/// ```
/// use reseau::io::MpxOptions;
/// let options = MpxOptions { digital: Some(vec!["Facebook".into()]), ..Default::default() };
/// assert_eq!(options.policy, Default::default());
/// let from_json: MpxOptions = serde_json::from_str("{}").unwrap();
/// assert_eq!(from_json, MpxOptions::default());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct MpxOptions {
    /// The names of the digital layers, the others being physical (case-insensitive). `None`
    /// (the default): each layer's kind is guessed from its name by
    /// [`guess_layer_kind`](super::guess_layer_kind).
    pub digital: Option<Vec<String>>,
    /// Repeated ties and self-loops. multinet files often list an undirected tie in both
    /// directions; the default policy merges the repeats (and counts them).
    pub policy: TiePolicy,
}

/// Reads a multinet `.mpx` file (see [`parse_mpx`]); errors name the path.
///
/// ```
/// use reseau::io::{MpxOptions, read_mpx};
/// let path = std::env::temp_dir().join("reseau-doctest.mpx");
/// std::fs::write(&path, "#LAYERS\nwork,UNDIRECTED\n#EDGES\nana,bo,work\n")?;
/// let net = read_mpx(&path, &MpxOptions::default())?;
/// assert_eq!((net.num_people(), net.num_ties()), (2, 1));
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_mpx(path: impl AsRef<Path>, options: &MpxOptions) -> Result<Network> {
    let path = path.as_ref();
    parse_mpx(&lines::read_file(path)?, &lines::display(path), options)
}

/// Parses multinet's `.mpx` format from bytes; `source` names it in errors.
///
/// The file is made of sections, each opened by a line such as `#LAYERS`; fields are
/// separated by commas and trimmed; lines starting with `--` are comments. Any section may
/// be missing, and lines before the first section are edges.
///
/// - `#TYPE`: `multiplex` (multilayer networks, with ties between layers, are refused).
/// - `#LAYERS`: `name,UNDIRECTED` or `name,DIRECTED`. A layer met only in `#EDGES` is
///   created undirected. Lines declaring the direction of inter-layer ties are ignored.
/// - `#ACTOR ATTRIBUTES`: `name,TYPE`, the columns of `#ACTORS` after the name.
/// - `#ACTORS`: `name,value,…`. The attribute `group` becomes [`Person::group`](crate::Person)
///   (`NA` or empty: none); every other one is kept as text in
///   [`Person::attributes`](crate::Person). Actors are labelled by their name.
/// - `#EDGE ATTRIBUTES`: `layer,name,TYPE` (or `name,TYPE` for every layer), the columns of
///   `#EDGES` after the layer. An attribute named `weight` gives the tie's weight; the others
///   are not kept (a tie has no free attributes).
/// - `#EDGES`: `actor,actor,layer,value,…`.
/// - `#VERTICES` / `#NODES` (`actor,layer,…`) add the actor if new; `#LAYER ATTRIBUTES`,
///   `#NODE ATTRIBUTES` and `#VERTEX ATTRIBUTES` are skipped.
///
/// People are created in order of first appearance (`#ACTORS` first when it comes first).
/// Layer kinds follow `options.digital`, or are guessed from the names. Repeated ties and
/// self-loops follow `options.policy`.
///
/// ```
/// use reseau::{LayerKind, io::{MpxOptions, parse_mpx}};
/// let mpx = b"#TYPE\nmultiplex\n\n#LAYERS\nfacebook,UNDIRECTED\nadvice,DIRECTED\n\n\
///             #ACTOR ATTRIBUTES\ngroup,STRING\nrole,STRING\n\n\
///             #ACTORS\nana,G1,PhD\nbo,NA,Admin\n\n\
///             #EDGES\nana,bo,facebook\nbo,ana,facebook\nbo,ana,advice\n";
/// let net = parse_mpx(mpx, "example.mpx", &MpxOptions::default())?;
/// assert_eq!((net.num_people(), net.num_ties(), net.duplicates_merged()), (2, 2, 1));
/// let ana = net.person(net.index_of("ana").unwrap())?;
/// assert_eq!((ana.group.as_deref(), ana.attributes["role"].as_str()), (Some("G1"), "PhD"));
/// assert_eq!(net.person(net.index_of("bo").unwrap())?.group, None);
/// assert_eq!(net.layer(net.layer_id("facebook")?).kind, LayerKind::Digital);
/// assert!(net.layer(net.layer_id("advice")?).directed);
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn parse_mpx(bytes: &[u8], source: &str, options: &MpxOptions) -> Result<Network> {
    let net = read(bytes, source, options)?;
    super::check_digital(&net, options.digital.as_deref())?;
    Ok(net)
}

/// [`parse_mpx`] without the check of its `digital` list.
fn read(bytes: &[u8], source: &str, options: &MpxOptions) -> Result<Network> {
    let text = lines::text(bytes, source)?;
    let mut reader = Reader {
        file: source,
        digital: options.digital.as_deref(),
        net: Network::new(),
        actor_attributes: Vec::new(),
        edge_attributes: HashMap::new(),
        all_layer_edge_attributes: Vec::new(),
        layers: HashMap::new(),
    };
    options.policy.apply(&mut reader.net);
    let mut section = Section::Edges;
    let mut growth = lines::Growth::new(text, source)?;
    for line in lines::lines(text) {
        growth.check(&reader.net, line.text)?;
        let trimmed = line.text.trim();
        if trimmed.is_empty() || trimmed.starts_with("--") {
            continue;
        }
        if let Some(name) = trimmed.strip_prefix('#') {
            section = Section::named(name)
                .ok_or_else(|| line.error(source, format!("unknown section #{}", name.trim())))?;
            continue;
        }
        let fields: Vec<&str> = trimmed.split(',').map(str::trim).collect();
        match section {
            Section::Type => reader.network_type(&line, trimmed)?,
            Section::Layers => reader.layer(&line, &fields)?,
            Section::ActorAttributes => reader.actor_attributes.push(fields[0].to_owned()),
            Section::Actors => reader.actor(&line, &fields)?,
            Section::EdgeAttributes => reader.edge_attribute(&line, &fields)?,
            Section::Edges => reader.edge(&line, &fields)?,
            Section::Vertices => {
                reader.actor_id(&line, fields[0])?;
            }
            Section::Skipped => {}
        }
    }
    Ok(reader.net)
}

/// The sections of an `.mpx` file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Type,
    Layers,
    ActorAttributes,
    Actors,
    EdgeAttributes,
    Edges,
    Vertices,
    Skipped,
}

impl Section {
    fn named(name: &str) -> Option<Section> {
        let name = name.trim().to_ascii_uppercase();
        Some(match name.as_str() {
            "TYPE" => Section::Type,
            "LAYERS" => Section::Layers,
            "ACTOR ATTRIBUTES" => Section::ActorAttributes,
            "ACTORS" => Section::Actors,
            "EDGE ATTRIBUTES" => Section::EdgeAttributes,
            "EDGES" => Section::Edges,
            "VERTICES" | "NODES" => Section::Vertices,
            "LAYER ATTRIBUTES" | "NODE ATTRIBUTES" | "VERTEX ATTRIBUTES" | "VERSION" => {
                Section::Skipped
            }
            _ => return None,
        })
    }
}

struct Reader<'a> {
    file: &'a str,
    digital: Option<&'a [String]>,
    net: Network,
    /// The columns of `#ACTORS` after the name.
    actor_attributes: Vec<String>,
    /// Per layer name, the columns of `#EDGES` after the layer.
    edge_attributes: HashMap<String, Vec<String>>,
    /// Edge attributes declared for every layer.
    all_layer_edge_attributes: Vec<String>,
    layers: HashMap<String, LayerId>,
}

fn is_direction(field: &str) -> bool {
    field.eq_ignore_ascii_case("DIRECTED") || field.eq_ignore_ascii_case("UNDIRECTED")
}

impl Reader<'_> {
    fn network_type(&self, line: &Line<'_>, value: &str) -> Result<()> {
        if value.eq_ignore_ascii_case("multiplex") {
            Ok(())
        } else {
            Err(line.error(
                self.file,
                "only multiplex networks are read (no ties between layers): expected `multiplex`",
            ))
        }
    }

    fn layer(&mut self, line: &Line<'_>, fields: &[&str]) -> Result<()> {
        match fields {
            [name, direction, ..] if is_direction(direction) && !name.is_empty() => {
                let directed = direction.eq_ignore_ascii_case("DIRECTED");
                if self.layers.contains_key(*name) {
                    return Err(line.error(self.file, format!("layer {name:?} is listed twice")));
                }
                let layer = Layer::new(*name, layer_kind(name, self.digital)).directed(directed);
                let id =
                    self.net.add_layer(layer).map_err(|e| line.error(self.file, e.to_string()))?;
                self.layers.insert((*name).to_owned(), id);
                Ok(())
            }
            // `layer1,layer2,DIRECTED`: the default direction of inter-layer ties, which a
            // multiplex network does not have.
            [_, _, direction, ..] if is_direction(direction) => Ok(()),
            _ => Err(line.error(self.file, "expected `name,UNDIRECTED` or `name,DIRECTED`")),
        }
    }

    fn layer_id(&mut self, line: &Line<'_>, name: &str) -> Result<LayerId> {
        if let Some(&id) = self.layers.get(name) {
            return Ok(id);
        }
        if name.is_empty() {
            return Err(line.error(self.file, "empty layer name"));
        }
        let id = self.net.add_layer(Layer::new(name, layer_kind(name, self.digital)))?;
        self.layers.insert(name.to_owned(), id);
        Ok(id)
    }

    fn actor_id(&mut self, line: &Line<'_>, name: &str) -> Result<crate::PersonId> {
        if name.is_empty() {
            return Err(line.error(self.file, "empty actor name"));
        }
        lines::person(&mut self.net, name)
    }

    fn actor(&mut self, line: &Line<'_>, fields: &[&str]) -> Result<()> {
        if fields.len() != 1 + self.actor_attributes.len() {
            return Err(line.error(
                self.file,
                format!(
                    "expected {} fields (name,{}), found {}",
                    1 + self.actor_attributes.len(),
                    self.actor_attributes.join(","),
                    fields.len()
                ),
            ));
        }
        let id = self.actor_id(line, fields[0])?;
        for (name, value) in self.actor_attributes.iter().zip(&fields[1..]) {
            if name.eq_ignore_ascii_case("group") {
                let group = (!value.is_empty() && *value != "NA").then(|| (*value).to_owned());
                self.net.set_group(id, group)?;
            } else {
                self.net.set_attribute(id, name, value)?;
            }
        }
        Ok(())
    }

    fn edge_attribute(&mut self, line: &Line<'_>, fields: &[&str]) -> Result<()> {
        match fields {
            [layer, name, _] => {
                self.edge_attributes
                    .entry((*layer).to_owned())
                    .or_default()
                    .push((*name).to_owned());
            }
            [name, _] => self.all_layer_edge_attributes.push((*name).to_owned()),
            _ => {
                return Err(line.error(self.file, "expected `layer,name,TYPE` or `name,TYPE`"));
            }
        }
        Ok(())
    }

    fn edge(&mut self, line: &Line<'_>, fields: &[&str]) -> Result<()> {
        let [a, b, layer_name, values @ ..] = fields else {
            return Err(line.error(
                self.file,
                format!("expected `actor,actor,layer[,attributes]`, found {} fields", fields.len()),
            ));
        };
        let attributes = self
            .all_layer_edge_attributes
            .iter()
            .chain(self.edge_attributes.get(*layer_name).into_iter().flatten());
        let mut spec = TieSpec::default();
        let mut declared = 0;
        for (name, value) in attributes.zip(values.iter().chain(std::iter::repeat(&""))) {
            declared += 1;
            if name.eq_ignore_ascii_case("weight") && !value.is_empty() {
                spec.weight = lines::weight(value, line, self.file)?;
            }
        }
        if values.len() > declared {
            return Err(line.error(
                self.file,
                format!(
                    "layer {layer_name:?} has {declared} edge attributes, found {} values",
                    values.len()
                ),
            ));
        }
        let layer = self.layer_id(line, layer_name)?;
        let ends = (self.actor_id(line, a)?, self.actor_id(line, b)?);
        lines::add_tie(&mut self.net, ends, layer, spec, self.file, line.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    fn parse(text: &str) -> Result<Network> {
        parse_mpx(text.as_bytes(), "t.mpx", &MpxOptions::default())
    }

    #[test]
    fn edges_without_sections() {
        let net = parse("a,b,LinkedIn\nb,c,Work\n").unwrap();
        assert_eq!((net.num_people(), net.num_layers(), net.num_ties()), (3, 2, 2));
        assert_eq!(net.layer(net.layer_id("LinkedIn").unwrap()).kind, crate::LayerKind::Digital);
    }

    #[test]
    fn weight_attribute_and_ignored_attributes() {
        let net = parse(
            "#EDGE ATTRIBUTES\nw,weight,NUMERIC\nr,rank,NUMERIC\n#EDGES\na,b,w,2.5\na,b,r,3\n",
        )
        .unwrap();
        let weights: Vec<f64> = net.ties().map(|t| t.weight).collect();
        assert_eq!(weights, [2.5, 1.0]);
        let err = parse("a,b,w,1\n").unwrap_err();
        assert!(matches!(err, Error::Parse { line: 1, .. }), "{err}");
    }

    #[test]
    fn bad_lines_are_named() {
        let err = parse("#LAYERS\nwork,SIDEWAYS\n").unwrap_err();
        assert!(matches!(err, Error::Parse { line: 2, .. }), "{err}");
        let err = parse("#ACTOR ATTRIBUTES\ngroup,STRING\n#ACTORS\nana\n").unwrap_err();
        assert!(matches!(err, Error::Parse { line: 4, .. }), "{err}");
        let err = parse("#TYPE\nmultilayer\n").unwrap_err();
        assert!(matches!(err, Error::Parse { line: 2, .. }), "{err}");
        let err = parse("#WHATEVER\n").unwrap_err();
        assert!(matches!(err, Error::Parse { line: 1, .. }), "{err}");
        let err = parse("a,b\n").unwrap_err();
        assert!(matches!(err, Error::Parse { line: 1, .. }), "{err}");
    }
}
