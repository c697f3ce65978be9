//! Signed rating networks, as SNAP's Bitcoin OTC and Bitcoin Alpha trust networks:
//! `source,target,rating[,time]`.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::TiePolicy;
use super::lines;
use crate::{Layer, LayerKind, Network, Result, Sign, TieSpec};

/// Options for [`read_signed`] and [`parse_signed`].
///
/// ```
/// use reseau::{LayerKind, io::SignedOptions};
/// let options = SignedOptions::default();
/// assert!(options.directed);
/// assert_eq!((options.layer.as_str(), options.kind), ("trust", LayerKind::Digital));
/// let from_json: SignedOptions = serde_json::from_str(r#"{"header": true}"#).unwrap();
/// assert!(from_json.header && from_json.directed);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct SignedOptions {
    /// Whether ratings are directed, from rater to rated (default `true`).
    pub directed: bool,
    /// The name of the one layer (default `"trust"`).
    pub layer: String,
    /// The layer's kind (default digital: ratings on a trading platform).
    pub kind: LayerKind,
    /// Whether the first line is a header to skip (default `false`: SNAP's files have none).
    pub header: bool,
    /// Repeated ties and self-loops.
    pub policy: TiePolicy,
}

impl Default for SignedOptions {
    fn default() -> Self {
        SignedOptions {
            directed: true,
            layer: "trust".into(),
            kind: LayerKind::Digital,
            header: false,
            policy: TiePolicy::default(),
        }
    }
}

/// Reads a signed rating file (see [`parse_signed`]); errors name the path.
///
/// ```
/// use reseau::io::{SignedOptions, read_signed};
/// let path = std::env::temp_dir().join("reseau-doctest-signed.csv");
/// std::fs::write(&path, "6,2,4,1289241911.72836\n6,5,-2,1289241941.53378\n")?;
/// let net = read_signed(&path, &SignedOptions::default())?;
/// assert_eq!((net.num_people(), net.num_ties()), (3, 2));
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_signed(path: impl AsRef<Path>, options: &SignedOptions) -> Result<Network> {
    let path = path.as_ref();
    parse_signed(&lines::read_file(path)?, &lines::display(path), options)
}

/// Parses a signed rating file from bytes; `source` names it in errors.
///
/// Each line is `source,target,rating` or `source,target,rating,time` (commas, fields
/// trimmed; the time is not kept). The rule, as in
/// Kumar et al. (ICDM 2016), who rate trust from −10 to +10: the tie's **sign is the sign of
/// the rating** and its **weight is the rating's absolute value**, so `-10` is a strong
/// distrust tie of weight 10. A rating of 0 is an error: it is not a valid rating on these
/// platforms (they run from −10 to −1 and from 1 to 10) and would have no sign. Node
/// identifiers are labels, remapped densely in order of first appearance. Blank lines and
/// `#` or `%` comments are skipped; repeated ties and self-loops follow `options.policy`.
///
/// ```
/// use reseau::{Sign, io::{SignedOptions, parse_signed}};
/// let net = parse_signed(b"1,2,10,0\n2,3,-4,0\n", "ratings", &SignedOptions::default())?;
/// let ties: Vec<(Sign, f64)> = net.ties().map(|t| (t.sign, t.weight)).collect();
/// assert_eq!(ties, [(Sign::Positive, 10.0), (Sign::Negative, 4.0)]);
///
/// let err = parse_signed(b"1,2,0,0\n", "ratings", &SignedOptions::default()).unwrap_err();
/// assert_eq!(err.kind(), "ParseError");
/// # Ok::<(), reseau::Error>(())
/// ```
pub fn parse_signed(bytes: &[u8], source: &str, options: &SignedOptions) -> Result<Network> {
    let text = lines::text(bytes, source)?;
    let mut net = Network::new();
    options.policy.apply(&mut net);
    let layer =
        net.add_layer(Layer::new(options.layer.clone(), options.kind).directed(options.directed))?;
    let mut people = lines::Interner::new(bytes.len());
    let mut first = true;
    let mut growth = lines::Growth::new(text, source)?;
    for line in lines::lines(text) {
        growth.check(&net, line.text)?;
        if line.is_blank() || line.is_comment() {
            continue;
        }
        if std::mem::take(&mut first) && options.header {
            continue;
        }
        let mut fields = line.text.split(',').map(str::trim);
        let (Some(a), Some(b), Some(rating), None) =
            (fields.next(), fields.next(), fields.next(), fields.nth(1))
        else {
            let n = line.text.split(',').count();
            return Err(line.error(
                source,
                format!("expected 3 or 4 fields (source,target,rating[,time]), found {n}"),
            ));
        };
        if a.is_empty() || b.is_empty() {
            return Err(line.error(source, "empty source or target"));
        }
        let Some(rating) = rating.parse::<f64>().ok().filter(|r| r.is_finite()) else {
            return Err(line.error(source, format!("rating {rating:?} is not a finite number")));
        };
        if rating == 0.0 {
            return Err(line.error(source, "a rating of 0 has no sign (ratings are non-zero)"));
        }
        let sign = if rating > 0.0 { Sign::Positive } else { Sign::Negative };
        let spec = TieSpec::weight(rating.abs()).sign(sign);
        let ends = (people.person(&mut net, a)?, people.person(&mut net, b)?);
        lines::add_tie(&mut net, ends, layer, spec, source, line.number)?;
    }
    Ok(net)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn header_is_skipped_only_when_asked() {
        let text = b"source,target,rating,time\n1,2,3,0\n";
        let err = parse_signed(text, "s", &SignedOptions::default()).unwrap_err();
        assert!(matches!(err, Error::Parse { line: 1, .. }), "{err}");
        let options = SignedOptions { header: true, ..Default::default() };
        assert_eq!(parse_signed(text, "s", &options).unwrap().num_ties(), 1);
    }

    #[test]
    fn bad_lines() {
        for bad in ["1,2\n", "1,2,3,4,5\n", "1,2,x\n", "1,2,NaN\n", ",2,1\n", "1,2,0\n"] {
            let err = parse_signed(bad.as_bytes(), "s", &SignedOptions::default()).unwrap_err();
            assert!(matches!(err, Error::Parse { line: 1, .. }), "{bad}: {err}");
        }
    }
}
