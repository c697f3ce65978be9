//! A table of groups for the people of a network already read: `node group` lines, as SNAP's
//! department labels of email-Eu-core.

use std::path::Path;

use super::lines;
use crate::{Network, Result};

/// Reads a groups table from a file into `net` (see [`parse_groups`]); errors name the path.
///
/// ```
/// use reseau::io::{EdgeListOptions, parse_edgelist, read_groups};
/// let mut net = parse_edgelist(b"1 2\n2 3\n", "t", &EdgeListOptions::default())?;
/// let path = std::env::temp_dir().join("reseau-doctest-groups.txt");
/// std::fs::write(&path, "1 sales\n2 sales\n3 r&d\n")?;
/// assert_eq!(read_groups(&mut net, &path)?, 3);
/// assert_eq!(net.groups()["sales"].len(), 2);
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_groups(net: &mut Network, path: impl AsRef<Path>) -> Result<usize> {
    let path = path.as_ref();
    parse_groups(net, &lines::read_file(path)?, &lines::display(path))
}

/// Sets people's groups from `node group` lines (separated by spaces or tabs; the group is
/// the rest of the line, so it may hold spaces; `#` and `%` lines and blank lines skipped);
/// returns how many people got a group. A node is a person's label, as in the network's
/// files; a node the network does not have is an [`Error::Parse`](crate::Error::Parse)
/// naming the line, and so is a line with one field. A person listed twice keeps the last
/// group.
///
/// ```
/// use reseau::io::{EdgeListOptions, parse_edgelist, parse_groups};
/// let mut net = parse_edgelist(b"ana bo\n", "t", &EdgeListOptions::default())?;
/// assert_eq!(parse_groups(&mut net, b"ana team a\n", "groups")?, 1);
/// assert_eq!(net.person(net.index_of("ana").unwrap())?.group.as_deref(), Some("team a"));
/// let err = parse_groups(&mut net, b"# node group\ncy b\n", "groups").unwrap_err();
/// assert_eq!(err.to_string(), "groups:2: node \"cy\" is not in the network: \"cy b\"");
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn parse_groups(net: &mut Network, bytes: &[u8], source: &str) -> Result<usize> {
    let text = lines::text(bytes, source)?;
    let mut set = 0;
    for line in lines::lines(text) {
        if line.is_blank() || line.is_comment() {
            continue;
        }
        let trimmed = line.text.trim();
        let Some((node, group)) = trimmed.split_once(|c: char| c.is_ascii_whitespace()) else {
            return Err(line.error(source, "expected 2 columns (node group), found 1"));
        };
        let Some(person) = net.index_of(node) else {
            return Err(line.error(source, format!("node {node:?} is not in the network")));
        };
        net.set_group(person, Some(group.trim().to_owned()))?;
        set += 1;
    }
    Ok(set)
}
