//! Observed adoptions: who adopted when, in which cascade, and whose status is unknown; their
//! serde forms and their resolution against a network.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
pub use crate::model::PersonRef;
use crate::model::{Network, PersonId};

/// The largest adoption time (in steps) accepted: per-step arrays stay small.
pub const MAX_STEP: u32 = 1_000_000;

/// Which cascade an adoption belongs to: a number or a name.
///
/// ```
/// use reseau::inference::CascadeRef;
/// let c: Vec<CascadeRef> = serde_json::from_str(r#"[3, "tweet-17"]"#).unwrap();
/// assert_eq!(c, vec![CascadeRef::Number(3), CascadeRef::Name("tweet-17".into())]);
/// assert_eq!(c[1].to_string(), "tweet-17");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CascadeRef {
    /// A cascade number.
    Number(i64),
    /// A cascade name.
    Name(String),
}

impl From<i64> for CascadeRef {
    fn from(n: i64) -> Self {
        CascadeRef::Number(n)
    }
}

impl From<i32> for CascadeRef {
    fn from(n: i32) -> Self {
        CascadeRef::Number(i64::from(n))
    }
}

impl From<u32> for CascadeRef {
    fn from(n: u32) -> Self {
        CascadeRef::Number(i64::from(n))
    }
}

impl From<&str> for CascadeRef {
    fn from(name: &str) -> Self {
        CascadeRef::Name(name.to_owned())
    }
}

impl std::fmt::Display for CascadeRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CascadeRef::Number(n) => write!(f, "{n}"),
            CascadeRef::Name(s) => f.write_str(s),
        }
    }
}

/// One observation: a person adopted at step `time` (an integer ≥ 0), or has an unknown
/// status (`time` `None`: left out of the likelihood, neither adopter nor non-adopter), in
/// the cascade `cascade` (`None`: the one cascade of data without cascade ids).
///
/// ```
/// use reseau::inference::{Adoption, PersonRef};
/// let a: Adoption = serde_json::from_str(r#"{"person": "ana", "time": 3, "cascade": 1}"#).unwrap();
/// assert_eq!((a.person, a.time), (PersonRef::Label("ana".into()), Some(3.0)));
/// let unknown: Adoption = serde_json::from_str(r#"{"person": 4, "time": null}"#).unwrap();
/// assert_eq!((unknown.time, unknown.cascade), (None, None));
/// assert!(serde_json::from_str::<Adoption>(r#"{"person": 4, "tme": 1}"#).is_err());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adoption {
    /// Who.
    pub person: PersonRef,
    /// When, in steps from the start of the cascade; `None`: status unknown.
    #[serde(default)]
    pub time: Option<f64>,
    /// Which cascade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cascade: Option<CascadeRef>,
}

impl Adoption {
    /// `person` adopted at step `time`.
    ///
    /// ```
    /// let a = reseau::inference::Adoption::new("ana", 2);
    /// assert_eq!(a.time, Some(2.0));
    /// ```
    pub fn new(person: impl Into<PersonRef>, time: u32) -> Self {
        Adoption { person: person.into(), time: Some(f64::from(time)), cascade: None }
    }

    /// `person`'s status is unknown.
    ///
    /// ```
    /// assert_eq!(reseau::inference::Adoption::unknown(4).time, None);
    /// ```
    pub fn unknown(person: impl Into<PersonRef>) -> Self {
        Adoption { person: person.into(), time: None, cascade: None }
    }

    /// The same observation in cascade `cascade` (a number or a name).
    ///
    /// ```
    /// use reseau::inference::{Adoption, CascadeRef};
    /// assert_eq!(Adoption::new(0, 1).in_cascade(5u32).cascade, Some(CascadeRef::Number(5)));
    /// assert_eq!(Adoption::new(0, 1).in_cascade("t1").cascade, Some(CascadeRef::Name("t1".into())));
    /// ```
    #[must_use]
    pub fn in_cascade(mut self, cascade: impl Into<CascadeRef>) -> Self {
        self.cascade = Some(cascade.into());
        self
    }
}

/// Observed adoptions in any of the three shapes people hold them in: rows (as a table or a
/// CSV gives them), one mapping person → time for a single cascade, or a list of such
/// mappings, one per cascade. Mapping keys are labels (or `#id`); a time of `null` is an
/// unknown status.
///
/// ```
/// use reseau::inference::Adoptions;
/// let rows: Adoptions = serde_json::from_str(r#"[{"person": "ana", "time": 0}]"#).unwrap();
/// let one: Adoptions = serde_json::from_str(r#"{"ana": 0, "bo": 1, "cy": null}"#).unwrap();
/// let many: Adoptions = serde_json::from_str(r#"[{"ana": 0}, {"bo": 0, "ana": 2}]"#).unwrap();
/// assert_eq!(rows.rows().len(), 1);
/// assert_eq!(one.rows().len(), 3);
/// assert_eq!(many.rows().len(), 3);
/// assert!(many.rows().iter().all(|r| r.cascade.is_some()));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Adoptions {
    /// One row per observation.
    Rows(Vec<Adoption>),
    /// One mapping person → time per cascade.
    Cascades(Vec<BTreeMap<String, Option<f64>>>),
    /// One mapping person → time: a single cascade.
    Cascade(BTreeMap<String, Option<f64>>),
}

impl Default for Adoptions {
    fn default() -> Self {
        Adoptions::Rows(Vec::new())
    }
}

impl From<Vec<Adoption>> for Adoptions {
    fn from(rows: Vec<Adoption>) -> Self {
        Adoptions::Rows(rows)
    }
}

impl Adoptions {
    /// The observations as rows (mappings become rows; a list of mappings numbers its
    /// cascades 0, 1, …).
    pub fn rows(&self) -> Vec<Adoption> {
        let row = |person: &String, time: &Option<f64>, cascade: Option<CascadeRef>| Adoption {
            person: PersonRef::Label(person.clone()),
            time: *time,
            cascade,
        };
        match self {
            Adoptions::Rows(rows) => rows.clone(),
            Adoptions::Cascade(map) => map.iter().map(|(p, t)| row(p, t, None)).collect(),
            Adoptions::Cascades(maps) => maps
                .iter()
                .enumerate()
                .flat_map(|(c, map)| {
                    let c = i64::try_from(c).unwrap_or(i64::MAX);
                    map.iter().map(move |(p, t)| row(p, t, Some(CascadeRef::Number(c))))
                })
                .collect(),
        }
    }
}

/// One cascade resolved: adopters with their steps, sorted by step then person, and the
/// people whose status is unknown, sorted.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Cascade {
    pub(crate) adopted: Vec<(u32, u32)>,
    pub(crate) unknown: Vec<u32>,
}

/// Observations resolved against a network.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Observed {
    pub(crate) cascades: Vec<Cascade>,
    /// Each cascade's name, in the order of first appearance.
    pub(crate) names: Vec<Option<CascadeRef>>,
    /// The last step observed.
    pub(crate) horizon: u32,
}

impl Observed {
    /// The number of adoptions with a known time.
    pub(crate) fn num_adoptions(&self) -> usize {
        self.cascades.iter().map(|c| c.adopted.len()).sum()
    }
}

/// Checks a time and makes it a step: finite, whole, from 0 to [`MAX_STEP`].
fn step(person: &PersonRef, time: f64) -> Result<u32> {
    if time.is_finite() && time >= 0.0 && time.fract() == 0.0 && time <= f64::from(MAX_STEP) {
        Ok(time as u32)
    } else {
        Err(Error::invalid(
            format!("time of person {person}"),
            time,
            format!("a whole number of steps from 0 to {MAX_STEP}, or null for an unknown status"),
        ))
    }
}

/// Resolves `adoptions` against `net`: people by id or label, times checked, rows grouped
/// into cascades (in order of first appearance), the horizon checked or taken as the last
/// adoption time.
pub(crate) fn resolve(
    net: &Network,
    adoptions: &Adoptions,
    horizon: Option<u32>,
) -> Result<Observed> {
    if net.num_people() == 0 {
        return Err(Error::invalid("network", "0 people", "a network with people in it"));
    }
    let rows = adoptions.rows();
    let mut index: BTreeMap<Option<CascadeRef>, usize> = BTreeMap::new();
    let mut names = Vec::new();
    let mut cascades: Vec<Cascade> = Vec::new();
    let mut latest = 0u32;
    for row in &rows {
        let p = net.resolve(&row.person)?.0;
        let c = *index.entry(row.cascade.clone()).or_insert_with(|| {
            names.push(row.cascade.clone());
            cascades.push(Cascade::default());
            cascades.len() - 1
        });
        match row.time {
            Some(t) => {
                let s = step(&row.person, t)?;
                latest = latest.max(s);
                cascades[c].adopted.push((p, s));
            }
            None => cascades[c].unknown.push(p),
        }
    }
    let mut seen = vec![u32::MAX; net.num_people()];
    for (c, cascade) in cascades.iter_mut().enumerate() {
        cascade.adopted.sort_unstable_by_key(|&(p, s)| (s, p));
        cascade.unknown.sort_unstable();
        let people = cascade.adopted.iter().map(|a| a.0).chain(cascade.unknown.iter().copied());
        for p in people {
            if seen[p as usize] == c as u32 {
                let name =
                    names[c].as_ref().map_or_else(String::new, |n| format!(" of cascade {n}"));
                return Err(Error::invalid(
                    "adoptions",
                    format!("{} listed twice{name}", net.display_name(PersonId(p))),
                    "each person once per cascade",
                ));
            }
            seen[p as usize] = c as u32;
        }
    }
    if cascades.iter().all(|c| c.adopted.is_empty()) {
        return Err(Error::invalid(
            "adoptions",
            "no adoption with a known time",
            "at least one adoption",
        ));
    }
    let horizon = match horizon {
        Some(h) if h < latest => {
            return Err(Error::invalid(
                "horizon",
                h,
                format!("at least the latest adoption time observed, {latest}"),
            ));
        }
        Some(h) if h > MAX_STEP => {
            return Err(Error::invalid("horizon", h, format!("at most {MAX_STEP} steps")));
        }
        Some(h) => h,
        None => latest,
    };
    Ok(Observed { cascades, names, horizon })
}
