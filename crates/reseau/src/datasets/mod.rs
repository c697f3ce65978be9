//! Networks shipped inside the crate, so that examples, tests and notebooks run with no
//! download.
//!
//! | function | what | size |
//! |---|---|---|
//! | [`aarhus_cs`] | the Aarhus CS department multiplex: lunch, facebook, coauthor, leisure, work, with each person's research group and role | 61 people, 620 ties, 5 layers |
//!
//! Each dataset is third-party data, copied unchanged into the crate's `data/` folder with a
//! README giving its provenance, licence and citation. Cite the source when you use one.
//!
//! ```
//! let net = reseau::datasets::aarhus_cs();
//! assert_eq!(net.num_people(), 61);
//! ```

use crate::io::{MpxOptions, MultiplexOptions, parse_mpx, parse_multiplex};
use crate::model::{Network, PersonId};

const AARHUS_EDGES: &[u8] = include_bytes!("../../data/aarhus-cs/CS-Aarhus_multiplex.edges");
const AARHUS_LAYERS: &[u8] = include_bytes!("../../data/aarhus-cs/CS-Aarhus_layers.txt");
const AARHUS_NODES: &[u8] = include_bytes!("../../data/aarhus-cs/CS-Aarhus_nodes.txt");
const AUCS_MPX: &[u8] = include_bytes!("../../data/aarhus-cs/aucs.mpx");

/// The multiplex social network of the Computer Science department at Aarhus University
/// (AUCS): 61 employees and 620 undirected ties in five layers, four met in person and one
/// online.
///
/// | layer | kind | ties |
/// |---|---|---|
/// | `lunch` | physical | 193 |
/// | `facebook` | digital | 124 |
/// | `coauthor` | physical | 21 |
/// | `leisure` | physical | 88 |
/// | `work` | physical | 194 |
///
/// Person ids follow the nodes table of the original release (nodeID 1 is person 0) and each
/// person is labelled as there (`U102`, `U139`, …). Each person's research group (`G1`…`G8`,
/// or `G2/G3` for a member of two; none for the administrative staff marked `NA`) is set as
/// [`Person::group`](crate::Person) and their `role` (`PhD`, `Postdoc`, `Associate`,
/// `Professor`, `Admin`, …) as an attribute, both taken from multinet's `aucs.mpx`. All
/// weights are 1.
///
/// **Cite** when you use it: Matteo Magnani, Barbora Micenková and Luca Rossi, "Combinatorial
/// Analysis of Multiple Networks", arXiv:1303.4986 (2013); and for the group and role
/// attributes, the multinet library: Matteo Magnani, Luca Rossi and Davide Vega, "Analysis of
/// Multiplex Social Networks with R", Journal of Statistical Software 98(8) (2021),
/// distributed under the Apache License 2.0. Provenance: `data/aarhus-cs/README.md` in the
/// crate.
///
/// # Panics
///
/// Never in practice: the embedded files are fixed, and the crate's tests read them.
///
/// ```
/// use reseau::LayerKind;
/// let net = reseau::datasets::aarhus_cs();
/// assert_eq!((net.num_people(), net.num_ties(), net.num_layers()), (61, 620, 5));
/// assert_eq!(net.num_ties_in("facebook")?, 124);
/// assert_eq!(net.layer(net.layer_id("facebook")?).kind, LayerKind::Digital);
/// let first = net.person(reseau::PersonId(0))?;
/// assert_eq!(first.label.as_deref(), Some("U102"));
/// assert!(first.attributes.contains_key("role"));
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn aarhus_cs() -> Network {
    let mut net =
        // Undirected, kinds guessed from the names: `facebook` is the one digital layer.
        parse_multiplex(AARHUS_EDGES, Some(AARHUS_LAYERS), Some(AARHUS_NODES), &MultiplexOptions::default())
            .expect("the embedded Aarhus files parse");
    let attributes = parse_mpx(AUCS_MPX, "aucs.mpx", &MpxOptions::default())
        .expect("the embedded aucs.mpx parses");
    let ids: Vec<PersonId> = net.people().map(|(id, _)| id).collect();
    for id in ids {
        let label = net.display_name(id);
        let source = attributes
            .index_of(&label)
            .and_then(|i| attributes.person(i).ok())
            .expect("every Aarhus person is in aucs.mpx")
            .clone();
        net.set_group(id, source.group).expect("the person exists");
        for (key, value) in &source.attributes {
            net.set_attribute(id, key, value).expect("the person exists");
        }
    }
    net
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LayerKind;

    #[test]
    fn counts_layers_and_kinds() {
        let net = aarhus_cs();
        assert_eq!((net.num_people(), net.num_ties()), (61, 620));
        let layers: Vec<(&str, LayerKind, usize)> = net
            .layers()
            .iter()
            .map(|l| (l.name.as_str(), l.kind, net.num_ties_in(l.name.as_str()).unwrap()))
            .collect();
        assert_eq!(
            layers,
            [
                ("lunch", LayerKind::Physical, 193),
                ("facebook", LayerKind::Digital, 124),
                ("coauthor", LayerKind::Physical, 21),
                ("leisure", LayerKind::Physical, 88),
                ("work", LayerKind::Physical, 194),
            ]
        );
        assert!(net.layers().iter().all(|l| !l.directed));
        assert_eq!((net.duplicates_merged(), net.self_loops_dropped()), (0, 0));
    }
}
