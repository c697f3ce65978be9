//! Reading and writing networks: SNAP edge lists, CSV, the multiplex `layer node node weight`
//! format, multinet `.mpx`, signed rating CSV, and lossless JSON.
//!
//! | format | from a file | from bytes | options |
//! |---|---|---|---|
//! | SNAP edge list `source target [weight]` | [`read_edgelist`] | [`parse_edgelist`] | [`EdgeListOptions`] |
//! | CSV with a header | [`read_csv`] | [`parse_csv`] | [`CsvOptions`] |
//! | multiplex `layerID nodeID nodeID [weight]` + layers and nodes tables | [`read_multiplex`] | [`parse_multiplex`] | [`MultiplexOptions`] |
//! | multinet `.mpx` | [`read_mpx`] | [`parse_mpx`] | [`MpxOptions`] |
//! | signed ratings `source,target,rating[,time]` | [`read_signed`] | [`parse_signed`] | [`SignedOptions`] |
//! | groups of people already read, `node group` | [`read_groups`] | [`parse_groups`] | |
//! | lossless JSON | [`Network::to_json`](crate::Network::to_json) | [`Network::from_json`](crate::Network::from_json) | |
//! | binary compiled network (big networks, at disk speed; see [`binary`]) | [`load`] ([`CompiledNetwork::save`](crate::CompiledNetwork::save)) | [`from_bytes`] ([`CompiledNetwork::to_bytes`](crate::CompiledNetwork::to_bytes)) | |
//!
//! Every reader comes in two forms: `read_*` takes a path, `parse_*` takes the bytes (for
//! pages and notebooks without files). Node identifiers in files are labels, remapped densely
//! in order of first appearance, so an id of 10^12 costs one person, not 10^12. Lines may end
//! in `\n` or `\r\n`; a last line without a line end is read like the others.
//!
//! Policies, documented once here: a repeated tie (the same pair in the same layer; either
//! order in an undirected layer) is merged under [`Duplicates::Merge`]
//! by default and counted in [`Network::duplicates_merged`](crate::Network::duplicates_merged);
//! a self-loop is dropped by default and counted in
//! [`Network::self_loops_dropped`](crate::Network::self_loops_dropped). Both can be made errors
//! (see [`TiePolicy`]); the network keeps the policy it was read with. An empty file gives an
//! empty network.
//!
//! Errors, the same in every reader: a line that cannot be understood (wrong number of
//! columns, a weight that is not a number, a NaN, infinite or negative weight, a reference
//! to a layer or node missing from its table) is an [`Error::Parse`](crate::Error::Parse)
//! naming the file, the 1-based line, the line's text (cut to 200 characters) and the reason;
//! a repeated tie or self-loop refused by the policy is an
//! [`Error::DuplicateTie`](crate::Error::DuplicateTie) or
//! [`Error::SelfLoop`](crate::Error::SelfLoop) whose `location` is `file:line: `; bytes that
//! are not UTF-8 give [`Error::NotUtf8`](crate::Error::NotUtf8) with the line and byte
//! offset; a file that cannot be read gives [`Error::Io`](crate::Error::Io). Errors from
//! `parse_*` name the input by the `source` argument (`edges`, `layers` or `nodes` for
//! [`parse_multiplex`]), errors from `read_*` by the path.
//!
//! ```
//! use reseau::io::{EdgeListOptions, parse_edgelist};
//! let err = parse_edgelist(b"1 2\n2 3 -1\n", "ties.txt", &EdgeListOptions::default()).unwrap_err();
//! assert_eq!(err.to_string(), "ties.txt:2: weight -1 is not a finite number >= 0: \"2 3 -1\"");
//! ```

use serde::{Deserialize, Serialize};

use crate::model::{Duplicates, LayerKind, Network, SelfLoops};

pub mod binary;
mod csv;
mod edgelist;
mod graphology;
mod groups;
mod json;
pub(crate) mod lines;
mod mpx;
mod multiplex;
mod signed;

pub use self::csv::{CsvOptions, parse_csv, read_csv};
pub use binary::{BINARY_VERSION, BYTES_SOURCE, from_bytes, load};

/// The name errors give a text read from memory (`parse_*`) when the caller names none: what
/// Python's and JavaScript's readers of strings pass as `file` by default.
///
/// ```
/// use reseau::io::{EdgeListOptions, STRING_SOURCE, parse_edgelist};
/// let err = parse_edgelist(b"1 2 heavy\n", STRING_SOURCE, &EdgeListOptions::default()).unwrap_err();
/// assert!(err.to_string().starts_with("<string>:1:"));
/// ```
pub const STRING_SOURCE: &str = "<string>";
pub use edgelist::{EdgeListOptions, parse_edgelist, read_edgelist};
pub use graphology::{
    Graphology, GraphologyEdge, GraphologyNode, GraphologyOptions, GraphologyType,
};
pub use groups::{parse_groups, read_groups};
pub use json::FORMAT_VERSION;
pub use mpx::{MpxOptions, parse_mpx, read_mpx};
pub use multiplex::{MultiplexOptions, parse_multiplex, read_multiplex};
pub use signed::{SignedOptions, parse_signed, read_signed};

/// How a reader treats repeated ties and self-loops.
///
/// ```
/// use reseau::io::{EdgeListOptions, SelfLoopsInFiles, TiePolicy, parse_edgelist};
/// use reseau::{Duplicates, SelfLoops};
/// let text = b"a b 1\nb a 2\nc c\n";
/// let net = parse_edgelist(text, "t", &EdgeListOptions::default())?;
/// assert_eq!((net.num_ties(), net.duplicates_merged(), net.self_loops_dropped()), (1, 1, 1));
///
/// let sum = TiePolicy { duplicates: Duplicates::Sum, ..TiePolicy::default() };
/// let net = parse_edgelist(text, "t", &EdgeListOptions { policy: sum, ..Default::default() })?;
/// assert_eq!(net.ties().next().unwrap().weight, 3.0);
///
/// let strict = TiePolicy {
///     duplicates: Duplicates::Reject,
///     self_loops: SelfLoopsInFiles(SelfLoops::Reject),
/// };
/// let err = parse_edgelist(text, "t", &EdgeListOptions { policy: strict, ..Default::default() });
/// assert_eq!(err.unwrap_err().kind(), "DuplicateTieError");
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct TiePolicy {
    /// Repeated ties: merged (default), summed, or rejected.
    pub duplicates: Duplicates,
    /// Self-loops: dropped (default for files) or rejected.
    pub self_loops: SelfLoopsInFiles,
}

impl TiePolicy {
    /// Sets the network's policies to these.
    pub(crate) fn apply(self, net: &mut Network) {
        net.set_duplicates(self.duplicates);
        net.set_self_loops(self.self_loops.0);
    }
}

/// [`SelfLoops`] with the default that suits files: drop and count.
///
/// ```
/// use reseau::{SelfLoops, io::SelfLoopsInFiles};
/// assert_eq!(SelfLoopsInFiles::default(), SelfLoopsInFiles(SelfLoops::Drop));
/// assert_eq!(serde_json::to_string(&SelfLoopsInFiles::default()).unwrap(), "\"drop\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct SelfLoopsInFiles(pub SelfLoops);

impl Default for SelfLoopsInFiles {
    fn default() -> Self {
        SelfLoopsInFiles(SelfLoops::Drop)
    }
}

/// Names of layers that are online by default when a file does not say: platforms and
/// e-mail. Any other layer is physical unless the reader's options say otherwise.
///
/// ```
/// assert!(reseau::io::DIGITAL_LAYER_NAMES.contains(&"linkedin"));
/// ```
pub const DIGITAL_LAYER_NAMES: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "viadeo",
    "instagram",
    "tiktok",
    "mastodon",
    "email",
    "e-mail",
    "mail",
    "online",
    "web",
    "internet",
    "messages",
    "message",
    "chat",
    "follows",
    "follow",
    "retweets",
    "retweet",
    "mentions",
    "mention",
    "replies",
    "forum",
    "skype",
    "whatsapp",
    "slack",
    "digital",
];

/// The kind a layer gets from its name when nothing else says: digital for the names in
/// [`DIGITAL_LAYER_NAMES`] (case-insensitive), physical otherwise.
///
/// ```
/// use reseau::{LayerKind, io::guess_layer_kind};
/// assert_eq!(guess_layer_kind("Facebook"), LayerKind::Digital);
/// assert_eq!(guess_layer_kind("lunch"), LayerKind::Physical);
/// ```
pub fn guess_layer_kind(name: &str) -> LayerKind {
    let lower = name.to_ascii_lowercase();
    if DIGITAL_LAYER_NAMES.contains(&lower.as_str()) {
        LayerKind::Digital
    } else {
        LayerKind::Physical
    }
}

/// Checks that every name in a reader's `digital` list is a layer of what it read
/// (case-insensitive, as [`layer_kind`] matches them): a misspelt name would otherwise leave
/// its layer physical without a word.
pub(crate) fn check_digital(net: &Network, digital: Option<&[String]>) -> crate::Result<()> {
    for name in digital.unwrap_or_default() {
        if !net.layers().iter().any(|l| l.name.eq_ignore_ascii_case(name)) {
            return Err(crate::Error::UnknownLayer { name: name.clone() });
        }
    }
    Ok(())
}

/// A layer's kind when the options may list the digital layers: listed (case-insensitive)
/// means digital, unlisted physical; no list means [`guess_layer_kind`].
pub(crate) fn layer_kind(name: &str, digital: Option<&[String]>) -> LayerKind {
    match digital {
        Some(list) if list.iter().any(|d| d.eq_ignore_ascii_case(name)) => LayerKind::Digital,
        Some(_) => LayerKind::Physical,
        None => guess_layer_kind(name),
    }
}
