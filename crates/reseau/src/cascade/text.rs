//! Integer tallies wider than JSON numbers (2^64, and 2^53 in JavaScript), written as decimal
//! text in serde forms so that a shard crosses processes without losing a bit.

/// `u128` as decimal text in serde forms.
pub(super) mod u128 {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub(crate) fn serialize<S: Serializer>(value: &u128, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(value)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u128, D::Error> {
        String::deserialize(d)?.parse().map_err(D::Error::custom)
    }
}

/// `[u128; 2]` as two decimal texts.
pub(super) mod u128_pair {
    use serde::{Deserialize, Deserializer, Serializer, de::Error, ser::SerializeTuple};

    pub(crate) fn serialize<S: Serializer>(value: &[u128; 2], s: S) -> Result<S::Ok, S::Error> {
        let mut t = s.serialize_tuple(2)?;
        t.serialize_element(&value[0].to_string())?;
        t.serialize_element(&value[1].to_string())?;
        t.end()
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u128; 2], D::Error> {
        let [a, b] = <[String; 2]>::deserialize(d)?;
        Ok([a.parse().map_err(D::Error::custom)?, b.parse().map_err(D::Error::custom)?])
    }
}

/// Per-step `[u128; 3]` as decimal texts in serde forms (JSON numbers stop at 2^64, and at
/// 2^53 in JavaScript).
pub(super) mod u128_triples {
    use serde::{Deserialize, Deserializer, Serializer, de::Error, ser::SerializeSeq};

    pub(crate) fn serialize<S: Serializer>(value: &[[u128; 3]], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(value.len()))?;
        for x in value {
            seq.serialize_element(&x.map(|v| v.to_string()))?;
        }
        seq.end()
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<[u128; 3]>, D::Error> {
        let texts = Vec::<[String; 3]>::deserialize(d)?;
        texts
            .iter()
            .map(|[a, b, c]| {
                Ok([
                    a.parse().map_err(D::Error::custom)?,
                    b.parse().map_err(D::Error::custom)?,
                    c.parse().map_err(D::Error::custom)?,
                ])
            })
            .collect()
    }
}
