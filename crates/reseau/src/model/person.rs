//! People: the nodes of a network.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A person's index in a [`Network`](crate::Network): dense, from 0, never reused.
///
/// ```
/// use reseau::{Network, Person};
/// let mut net = Network::new();
/// let ana = net.add_person(Person::new().label("ana")).unwrap();
/// assert_eq!(ana.index(), 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(pub u32);

impl PersonId {
    /// The index as a `usize`, for indexing per-person arrays.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl std::fmt::Display for PersonId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// What role a person plays when a message spreads.
///
/// ```
/// use reseau::PersonKind;
/// assert_eq!("media".parse::<PersonKind>().unwrap(), PersonKind::Media);
/// assert_eq!(PersonKind::Influencer.as_str(), "influencer");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PersonKind {
    /// An ordinary person (the default).
    #[default]
    Person,
    /// Amplifies what it passes on its digital layers.
    Influencer,
    /// Picks a story up once enough of its sources carry it, then broadcasts it.
    Media,
    /// A company, lobby or association.
    Organization,
}

impl PersonKind {
    /// The lowercase name used in files, Python and JS.
    pub fn as_str(self) -> &'static str {
        match self {
            PersonKind::Person => "person",
            PersonKind::Influencer => "influencer",
            PersonKind::Media => "media",
            PersonKind::Organization => "organization",
        }
    }
}

impl std::str::FromStr for PersonKind {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "person" => Ok(PersonKind::Person),
            "influencer" => Ok(PersonKind::Influencer),
            "media" => Ok(PersonKind::Media),
            "organization" | "organisation" => Ok(PersonKind::Organization),
            _ => Err(crate::Error::invalid(
                "person kind",
                format!("{s:?}"),
                "one of person, influencer, media, organization",
            )),
        }
    }
}

/// A person and what is known of them. Built with chained setters and added with
/// [`Network::add_person`](crate::Network::add_person).
///
/// ```
/// use reseau::{Person, PersonKind};
/// let p = Person::new().label("ana").group("G1").kind(PersonKind::Influencer).cost(5.0);
/// assert_eq!(p.label.as_deref(), Some("ana"));
/// assert_eq!(p.cost, 5.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The identifier in the user's data (unique within a network when set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Team, company, department or community.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Role when a message spreads.
    #[serde(default)]
    pub kind: PersonKind,
    /// What it costs to enlist this person as a relay (default 1).
    #[serde(default = "one")]
    pub cost: f64,
    /// A position (lattice coordinates, a layout), used by routing that knows geography.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<[f64; 2]>,
    /// Any other attribute from the data (`role`, `age`, …), as text.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
}

fn one() -> f64 {
    1.0
}

impl Default for Person {
    fn default() -> Self {
        Person {
            label: None,
            group: None,
            kind: PersonKind::Person,
            cost: 1.0,
            position: None,
            attributes: BTreeMap::new(),
        }
    }
}

impl Person {
    /// An unlabelled ordinary person with cost 1.
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets the label.
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }
    /// Sets the group.
    #[must_use]
    pub fn group(mut self, group: impl Into<String>) -> Self {
        self.group = Some(group.into());
        self
    }
    /// Sets the kind.
    #[must_use]
    pub fn kind(mut self, kind: PersonKind) -> Self {
        self.kind = kind;
        self
    }
    /// Sets the cost to enlist.
    #[must_use]
    pub fn cost(mut self, cost: f64) -> Self {
        self.cost = cost;
        self
    }
    /// Sets the position.
    #[must_use]
    pub fn position(mut self, x: f64, y: f64) -> Self {
        self.position = Some([x, y]);
        self
    }
    /// Adds an attribute.
    #[must_use]
    pub fn attribute(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.attributes.insert(key.into(), value.into());
        self
    }
}
