//! Reading and writing networks: SNAP edge lists, CSV, the multiplex `layer node node weight`
//! format, multinet `.mpx`, signed rating CSV, and lossless JSON.
//!
//! Every reader comes in two forms: `read_*` takes a path, `parse_*` takes the bytes (for
//! pages and notebooks without files). Node identifiers in files are labels, remapped densely
//! in order of first appearance, so an id of 10^12 costs one person, not 10^12.
//!
//! Policies, documented once here: a repeated tie (the same pair in the same layer; either
//! order in an undirected layer) is merged under [`Duplicates::Merge`](crate::Duplicates::Merge)
//! by default and counted in [`Network::duplicates_merged`](crate::Network::duplicates_merged);
//! a self-loop is dropped by default and counted in
//! [`Network::self_loops_dropped`](crate::Network::self_loops_dropped). Both can be made errors.
//! An empty file gives an empty network.

use serde::{Deserialize, Serialize};

use crate::model::{Duplicates, LayerKind, SelfLoops};

mod csv;
mod edgelist;
mod graphology;
mod json;
mod lines;
mod mpx;
mod multiplex;
mod signed;

pub use self::csv::{CsvOptions, parse_csv, read_csv};
pub use edgelist::{EdgeListOptions, parse_edgelist, read_edgelist};
pub use json::FORMAT_VERSION;
pub use mpx::{MpxOptions, parse_mpx, read_mpx};
pub use multiplex::{MultiplexOptions, parse_multiplex, read_multiplex};
pub use signed::{SignedOptions, parse_signed, read_signed};

/// How a reader treats repeated ties and self-loops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TiePolicy {
    /// Repeated ties: merged (default), summed, or rejected.
    pub duplicates: Duplicates,
    /// Self-loops: dropped (default for files) or rejected.
    pub self_loops: SelfLoopsInFiles,
}

/// [`SelfLoops`] with the default that suits files: drop and count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SelfLoopsInFiles(pub SelfLoops);

impl Default for SelfLoopsInFiles {
    fn default() -> Self {
        SelfLoopsInFiles(SelfLoops::Drop)
    }
}

/// Names of layers that are online by default when a file does not say: platforms and
/// e-mail. Any other layer is physical unless the reader's options say otherwise.
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
