//! The networks of the study: the multiplex networks of the shared data folder, each with a
//! stated choice of which layers play the physical and which the digital kind, and draws of
//! the professional-network generator.

use std::path::{Path, PathBuf};

use reseau::generators::{ProfessionalOptions, professional};
use reseau::io::{EdgeListOptions, MultiplexOptions, read_edgelist, read_multiplex};
use reseau::{LayerKind, Network, Result};

/// A real network and the roles given to its layers.
pub(crate) struct Case {
    /// Its short name.
    pub(crate) name: String,
    /// The network, layer kinds set.
    pub(crate) net: Network,
    /// Which layers play the physical kind.
    pub(crate) physical: Vec<String>,
    /// Which layers play the digital kind.
    pub(crate) digital: Vec<String>,
    /// Why.
    pub(crate) reason: &'static str,
}

/// The shared data folder: `RESEAU_DATA`, or `shared/data` beside the repository or one of
/// its parents.
pub(crate) fn data_dir() -> Option<PathBuf> {
    std::env::var_os("RESEAU_DATA").map(PathBuf::from).or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .map(|a| a.join("shared/data"))
            .find(|p| p.join("README.md").exists())
    })
}

/// A case from a network whose layers are named, the `digital` ones digital and every other
/// physical.
fn case(name: &str, mut net: Network, digital: &[&str], reason: &'static str) -> Result<Case> {
    let names: Vec<String> = net.layers().iter().map(|l| l.name.clone()).collect();
    let (mut physical, mut dig) = (Vec::new(), Vec::new());
    for layer in &names {
        let is_digital = digital.iter().any(|d| d.eq_ignore_ascii_case(layer));
        let kind = if is_digital { LayerKind::Digital } else { LayerKind::Physical };
        net.set_layer_kind(layer.as_str(), kind)?;
        if is_digital { dig.push(layer.clone()) } else { physical.push(layer.clone()) }
    }
    Ok(Case { name: name.to_owned(), net, physical, digital: dig, reason })
}

/// A multiplex network in the `_multiplex.edges` / `_layers.txt` format.
fn multiplex(dir: &Path, edges: &str, layers: Option<&str>, directed: bool) -> Result<Network> {
    let layers = layers.map(|l| dir.join(l));
    let options = MultiplexOptions { directed, ..MultiplexOptions::default() };
    read_multiplex(dir.join(edges), layers.as_deref(), None, &options)
}

/// One layer from an edge list.
fn edgelist(path: &Path, layer: &str, directed: bool) -> Result<Network> {
    read_edgelist(path, &EdgeListOptions { directed, layer: layer.into(), ..Default::default() })
}

/// Several edge lists (one layer each) merged by person label.
fn merged(files: &[(PathBuf, &str)], directed: bool) -> Result<Network> {
    let mut net = edgelist(&files[0].0, files[0].1, directed)?;
    for (path, layer) in &files[1..] {
        net.merge(&edgelist(path, layer, directed)?)?;
    }
    Ok(net)
}

/// Every real network of the study found in `dir`, in a fixed order. `quick` leaves out the
/// two largest Twitter communities.
#[allow(clippy::too_many_lines)] // one declaration per network, read top to bottom
pub(crate) fn real(dir: &Path, quick: bool) -> Result<Vec<Case>> {
    let mut out = Vec::new();
    let aarhus = multiplex(
        &dir.join("aarhus-cs"),
        "CS-Aarhus_multiplex.edges",
        Some("CS-Aarhus_layers.txt"),
        false,
    )?;
    out.push(case(
        "Aarhus CS",
        aarhus,
        &["facebook"],
        "facebook is an online platform; lunch, work, leisure and co-authorship need people to meet",
    )?);
    let lazega = multiplex(
        &dir.join("lazega-law-firm/bavla-2021-corrected"),
        "Lazega-Law-Firm_multiplex_from_paj.edges",
        Some("../Lazega-Law-Firm_layers.txt"),
        true,
    )?;
    out.push(case(
        "Lazega law firm",
        lazega,
        &["advice"],
        "all three are offline; advice is the asymmetric consultation tie that is most often carried \
         at a distance (memo, phone), so it plays the digital kind (an assumption)",
    )?);
    let ckm = multiplex(
        &dir.join("ckm-physicians"),
        "CKM-Physicians-Innovation_multiplex.edges",
        Some("CKM-Physicians-Innovation_layers.txt"),
        true,
    )?;
    out.push(case(
        "CKM physicians",
        ckm,
        &["advice", "discussion"],
        "friendship needs meeting; advice and case discussion are professional consultations that \
         travel by phone and letter, so they play the digital kind (an assumption)",
    )?);
    let krack = multiplex(
        &dir.join("krackhardt-high-tech"),
        "Krackhardt-High-Tech_multiplex.edges",
        Some("Krackhardt-High-Tech_layers.txt"),
        true,
    )?;
    out.push(case(
        "Krackhardt high-tech",
        krack,
        &["advice"],
        "reporting lines and friendship are office ties; advice plays the digital kind as in Lazega \
         (an assumption)",
    )?);
    let eies = dir.join("eies-freeman");
    out.push(case(
        "EIES",
        merged(
            &[
                (eies.join("EIES-1.edgelist"), "acquaintance"),
                (eies.join("EIES-messages.edgelist"), "messages"),
            ],
            true,
        )?,
        &["messages"],
        "acquaintance at the start of the study is the prior, offline tie; messages were sent on \
         the computer conferencing system: digital by construction",
    )?);
    let vickers = multiplex(
        &dir.join("vickers-chan-7thgraders"),
        "Vickers-Chan-7thGraders_multiplex.edges",
        None,
        true,
    )?;
    out.push(case(
        "Vickers 7th grade",
        vickers,
        &["1"],
        "no layer is digital (1981 classroom); layer 1 (get on with) is the broadest, weakest \
         acquaintance, like a contact list, and plays the digital kind; 2 (best friends) and 3 \
         (work with) stay physical (an assumption)",
    )?);
    let auger = multiplex(
        &dir.join("pierre-auger-coauthorship"),
        "pierreauger_multiplex.edges",
        Some("pierreauger_layers.txt"),
        false,
    )?;
    out.push(case(
        "Pierre Auger",
        auger,
        &[
            "Neutrinos",
            "Anisotropy",
            "Point-source",
            "Mass-composition",
            "Spectrum",
            "Photons",
            "Hadronic-interactions",
            "Exotics",
            "Magnetic",
            "Astrophysical-scenarios",
            "Horizontal",
        ],
        "co-authorship by topic: hardware and reconstruction work on the observatory (Detector, \
         Enhancements, SD- and hybrid reconstruction, Atmospheric) is done together on site and \
         plays physical; physics analyses done across institutes by mail play digital (an assumption)",
    )?);
    out.extend(twitter(dir, quick)?);
    Ok(out)
}

/// Greene's Twitter communities (three of them when `quick`).
fn twitter(dir: &Path, quick: bool) -> Result<Vec<Case>> {
    let mut out = Vec::new();
    let twitter = dir.join("twitter-multiplex-greene");
    let communities: &[&str] = if quick {
        &["football", "olympics", "politicsie"]
    } else {
        &["football", "olympics", "politicsie", "politicsuk", "rugby"]
    };
    for c in communities {
        let files: Vec<(PathBuf, &str)> = ["follows", "mentions", "retweets"]
            .iter()
            .map(|l| (twitter.join(format!("{c}-twitter-{l}.edgelist")), *l))
            .collect();
        out.push(case(
            &format!("Twitter {c}"),
            merged(&files, true)?,
            &["follows", "retweets"],
            "all online; a mention is a message addressed to one person, the closest to a \
             conversation, so it plays the physical kind; follows and retweets are broadcast (an assumption)",
        )?);
    }
    Ok(out)
}

/// The generator's settings of the study: `people` people, an office layer and two digital
/// platforms (so that one can succeed the other), the rest at the generator's defaults.
pub(crate) fn generator_options(people: usize) -> ProfessionalOptions {
    ProfessionalOptions {
        people,
        digital_layers: vec!["linkedin".into(), "twitter".into()],
        digital_mean_degree: 5.0,
        ..ProfessionalOptions::default()
    }
}

/// Draw `seed` of the generator.
pub(crate) fn draw(people: usize, seed: u64) -> Result<Network> {
    professional(&generator_options(people), seed)
}

/// Lobbies per person in claim 5's draws (chosen by hand: 10 lobbies among 500 people), each
/// with the generator's default ties on its shadow layer.
pub(crate) const LOBBIES_PER_PERSON: f64 = 0.02;

/// Draw `seed` of the generator with lobbies on a shadow layer (claim 5): the same people and
/// ties as [`draw`], plus the lobbies and their ties.
pub(crate) fn lobbied_draw(people: usize, seed: u64) -> Result<Network> {
    professional(
        &ProfessionalOptions { lobbies: lobbies(people), ..generator_options(people) },
        seed,
    )
}

/// The lobbies of a draw of `people` people: [`LOBBIES_PER_PERSON`] each, at least one.
pub(crate) fn lobbies(people: usize) -> usize {
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let lobbies = (people as f64 * LOBBIES_PER_PERSON).round() as usize;
    lobbies.max(1)
}
