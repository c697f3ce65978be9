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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// A person as the bindings show one (Python's `Network.person`, JavaScript's
/// `network.person`): every field of the [`Person`], `None` where unset, then the id. From
/// [`Network::person_info`](crate::Network::person_info).
///
/// ```
/// use reseau::{Network, Person};
/// let mut net = Network::new();
/// let ana = net.add_person(Person::new().label("ana")).unwrap();
/// let info = net.person_info(ana).unwrap();
/// assert_eq!(
///     serde_json::to_string(&info).unwrap(),
///     r#"{"label":"ana","group":null,"kind":"person","cost":1.0,"position":null,"attributes":{},"id":0}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonInfo<'a> {
    /// [`Person::label`].
    pub label: Option<&'a str>,
    /// [`Person::group`].
    pub group: Option<&'a str>,
    /// [`Person::kind`].
    pub kind: PersonKind,
    /// [`Person::cost`].
    pub cost: f64,
    /// [`Person::position`].
    pub position: Option<[f64; 2]>,
    /// [`Person::attributes`].
    pub attributes: &'a BTreeMap<String, String>,
    /// The person's id.
    pub id: u32,
}

impl<'a> PersonInfo<'a> {
    /// The record of `person`, whose id is `id`.
    pub(crate) fn new(id: PersonId, person: &'a Person) -> Self {
        PersonInfo {
            label: person.label.as_deref(),
            group: person.group.as_deref(),
            kind: person.kind,
            cost: person.cost,
            position: person.position,
            attributes: &person.attributes,
            id: id.0,
        }
    }
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

/// A person named by id or by label, as requests take them: a number is an id, text is a
/// label. Resolved against a network by [`CompiledNetwork::resolve`](crate::CompiledNetwork::resolve)
/// or [`Network::resolve`](crate::Network::resolve); a person the network does not have is an
/// [`Error::UnknownPerson`](crate::Error::UnknownPerson) (`#7` for an id, `"ana"` for a label).
///
/// ```
/// use reseau::PersonRef;
/// let people: Vec<PersonRef> = serde_json::from_str(r#"[3, "ana"]"#)?;
/// assert_eq!(people, vec![PersonRef::Id(3), PersonRef::from("ana")]);
/// assert_eq!(serde_json::to_string(&people)?, r#"[3,"ana"]"#);
/// // A number that cannot be an id is kept, to be reported as an unknown person.
/// let odd: PersonRef = serde_json::from_str("-1")?;
/// assert_eq!(odd.to_string(), "#-1");
/// // So is an integer too large for 64 bits (as Python's integers may be).
/// use serde::de::{Deserialize, IntoDeserializer, value::Error};
/// let huge = PersonRef::deserialize(IntoDeserializer::<Error>::into_deserializer(10u128.pow(30)))?;
/// assert_eq!(huge.to_string(), "#1000000000000000000000000000000");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum PersonRef {
    /// A person's id (their index in the network).
    Id(u64),
    /// A person's label.
    Label(String),
    /// A number that is no id (negative or fractional): it names nobody.
    NotAnId(f64),
}

/// The id `k` of a display name `#k` (how an unlabelled person is shown), if `text` is one.
///
/// ```
/// use reseau::display_id;
/// assert_eq!((display_id("#3"), display_id("#03"), display_id("3"), display_id("#-1")), (Some(3), Some(3), None, None));
/// ```
pub fn display_id(text: &str) -> Option<u32> {
    let digits = text.strip_prefix('#')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

impl PersonRef {
    /// The id this names in a network of `num_people` people, with `index_of` finding labels;
    /// a label nobody has that reads `#k` names person `k` (what users are shown for an
    /// unlabelled person names them back).
    pub(crate) fn resolve_with(
        &self,
        num_people: usize,
        index_of: impl FnOnce(&str) -> Option<u32>,
    ) -> crate::Result<u32> {
        let unknown = || crate::Error::UnknownPerson { person: self.to_string() };
        match self {
            PersonRef::Id(id) => {
                u32::try_from(*id).ok().filter(|&p| (p as usize) < num_people).ok_or_else(unknown)
            }
            PersonRef::Label(label) => index_of(label)
                .or_else(|| display_id(label).filter(|&p| (p as usize) < num_people))
                .ok_or_else(unknown),
            PersonRef::NotAnId(_) => Err(unknown()),
        }
    }
}

impl std::fmt::Display for PersonRef {
    /// As errors name people: `#7` for an id, `"ana"` (quoted) for a label.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PersonRef::Id(id) => write!(f, "#{id}"),
            PersonRef::Label(label) => write!(f, "{label:?}"),
            PersonRef::NotAnId(x) => write!(f, "#{x}"),
        }
    }
}

impl From<u32> for PersonRef {
    fn from(id: u32) -> Self {
        PersonRef::Id(u64::from(id))
    }
}

/// Integer literals are `i32` unless told otherwise: `SimulateRequest::new([0, 5])` reads.
impl From<i32> for PersonRef {
    fn from(id: i32) -> Self {
        u64::try_from(id).map_or(PersonRef::NotAnId(f64::from(id)), PersonRef::Id)
    }
}

impl From<u64> for PersonRef {
    fn from(id: u64) -> Self {
        PersonRef::Id(id)
    }
}

impl From<usize> for PersonRef {
    fn from(id: usize) -> Self {
        PersonRef::Id(id as u64)
    }
}

impl From<PersonId> for PersonRef {
    fn from(id: PersonId) -> Self {
        PersonRef::from(id.0)
    }
}

impl From<&str> for PersonRef {
    fn from(label: &str) -> Self {
        PersonRef::Label(label.to_owned())
    }
}

impl From<String> for PersonRef {
    fn from(label: String) -> Self {
        PersonRef::Label(label)
    }
}

impl Serialize for PersonRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PersonRef::Id(id) => s.serialize_u64(*id),
            PersonRef::Label(label) => s.serialize_str(label),
            PersonRef::NotAnId(x) => s.serialize_f64(*x),
        }
    }
}

impl<'de> Deserialize<'de> for PersonRef {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        de.deserialize_any(PersonVisitor)
    }
}

struct PersonVisitor;

impl serde::de::Visitor<'_> for PersonVisitor {
    type Value = PersonRef;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a person id (a whole number) or label (text)")
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PersonRef, E> {
        Ok(PersonRef::Id(v))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PersonRef, E> {
        Ok(u64::try_from(v).map_or(PersonRef::NotAnId(v as f64), PersonRef::Id))
    }
    // Integers beyond 64 bits (Python's, for one) name nobody either.
    fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<PersonRef, E> {
        Ok(u64::try_from(v).map_or(PersonRef::NotAnId(v as f64), PersonRef::Id))
    }
    fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<PersonRef, E> {
        Ok(u64::try_from(v).map_or(PersonRef::NotAnId(v as f64), PersonRef::Id))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<PersonRef, E> {
        // JavaScript numbers: a whole one is an id.
        if v.fract() == 0.0 && (0.0..9_007_199_254_740_992.0).contains(&v) {
            Ok(PersonRef::Id(v as u64))
        } else {
            Ok(PersonRef::NotAnId(v))
        }
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PersonRef, E> {
        Ok(PersonRef::Label(v.to_owned()))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<PersonRef, E> {
        Ok(PersonRef::Label(v))
    }
}

/// A list of people in a request: a sequence of [`PersonRef`]s, or a single one (`"ana"` for
/// `["ana"]`), as the Python and JavaScript calls accept them.
pub(crate) mod people {
    use serde::de::{Deserializer, SeqAccess, Visitor};

    use super::{PersonRef, PersonVisitor};

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        de: D,
    ) -> Result<Vec<PersonRef>, D::Error> {
        struct People;
        impl<'de> Visitor<'de> for People {
            type Value = Vec<PersonRef>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("people (ids or labels), or one person")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
                while let Some(p) = seq.next_element::<PersonRef>()? {
                    out.push(p);
                }
                Ok(out)
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
                PersonVisitor.visit_u64(v).map(|p| vec![p])
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
                PersonVisitor.visit_i64(v).map(|p| vec![p])
            }
            fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Self::Value, E> {
                PersonVisitor.visit_u128(v).map(|p| vec![p])
            }
            fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<Self::Value, E> {
                PersonVisitor.visit_i128(v).map(|p| vec![p])
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
                PersonVisitor.visit_f64(v).map(|p| vec![p])
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                PersonVisitor.visit_str(v).map(|p| vec![p])
            }
        }
        de.deserialize_any(People)
    }
}
