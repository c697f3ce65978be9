//! Options given on the command line laid over a core struct's serialised defaults, then read
//! back into the struct: the defaults and the domains live only in the core, and `--help`
//! shows them by serialising the core's `Default`.

use clap::parser::ValueSource;
use clap::{ArgAction, ArgMatches, Command};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A path into a JSON value, dotted (`model.probability`).
fn lookup<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(value, |v, key| v.as_object()?.get(key))
}

/// A command-line value as JSON: text where the default is text; else JSON when it parses
/// (`3`, `null`, `[1, 2]`, `{"hill": [2, 2]}`); else a list when it has commas and the
/// default is a list or unset (`0,0.5,1`); else a string.
pub(crate) fn parse_value(raw: &str, like: Option<&Value>) -> Value {
    if like.is_some_and(Value::is_string) {
        return Value::String(raw.to_owned());
    }
    if let Ok(value) = serde_json::from_str(raw) {
        return value;
    }
    if raw.contains(',') && like.is_none_or(|l| l.is_array() || l.is_null()) {
        return Value::Array(
            raw.split(',')
                .filter(|s| !s.trim().is_empty())
                .map(|s| parse_value(s.trim(), None))
                .collect(),
        );
    }
    Value::String(raw.to_owned())
}

/// `KEY=VALUE` of `--set`, the value read by [`parse_value`] against the default at KEY.
pub(crate) fn parse_set(pair: &str, defaults: &Value) -> Result<(String, Value), reseau::Error> {
    let Some((key, raw)) = pair.split_once('=') else {
        return Err(reseau::Error::InvalidParameter {
            name: "--set".into(),
            value: pair.into(),
            expected: "KEY=VALUE (VALUE in JSON, or a bare word)".into(),
        });
    };
    let key = key.trim().replace('-', "_");
    let value = parse_value(raw, lookup(defaults, &key));
    Ok((key, value))
}

/// Sets `path` (dotted) in `value` to `new`, making objects on the way.
fn set_path(value: &mut Value, path: &str, new: Value) {
    let mut at = value;
    let keys: Vec<&str> = path.split('.').collect();
    for key in &keys[..keys.len() - 1] {
        if !at.is_object() {
            *at = Value::Object(serde_json::Map::new());
        }
        at = at
            .as_object_mut()
            .expect("made an object above")
            .entry((*key).to_owned())
            .or_insert(Value::Null);
    }
    if !at.is_object() {
        *at = Value::Object(serde_json::Map::new());
    }
    at.as_object_mut().expect("made an object above").insert(keys[keys.len() - 1].to_owned(), new);
}

/// The values given on the command line for the arguments that stand for a field of the
/// request: every argument but those of `skip` (the input and output options), each under its
/// id, a (dotted) path of the request. The default at that path, when `defaults` has one (an
/// unset option may have none), tells how to read the value.
pub(crate) fn from_matches(
    matches: &ArgMatches,
    command: &Command,
    defaults: &Value,
    skip: &[String],
) -> Vec<(String, Value)> {
    let mut entries = Vec::new();
    for arg in command.get_arguments() {
        let id = arg.get_id().as_str();
        if skip.iter().any(|s| s == id)
            || matches.value_source(id) != Some(ValueSource::CommandLine)
        {
            continue;
        }
        let default = lookup(defaults, id);
        let value = match arg.get_action() {
            ArgAction::SetTrue => Value::Bool(true),
            ArgAction::SetFalse => Value::Bool(false),
            ArgAction::Set => match matches.get_raw(id).and_then(|mut raw| raw.next()) {
                Some(raw) => parse_value(&raw.to_string_lossy(), default),
                None => continue,
            },
            _ => continue,
        };
        entries.push((id.to_owned(), value));
    }
    entries
}

/// `base` with `entries` laid over it, read back into `T` (whose serde checks, such as
/// `deny_unknown_fields`, reject a key it does not have).
pub(crate) fn apply<T: Serialize + DeserializeOwned>(
    base: &T,
    entries: &[(String, Value)],
    what: &str,
) -> Result<T, reseau::Error> {
    let mut value = serde_json::to_value(base).map_err(|e| invalid(what, &e))?;
    for (key, new) in entries {
        set_path(&mut value, key, new.clone());
    }
    serde_json::from_value(value).map_err(|e| invalid(what, &e))
}

fn invalid(what: &str, e: &serde_json::Error) -> reseau::Error {
    reseau::Error::InvalidParameter {
        name: what.to_owned(),
        value: e.to_string(),
        expected: format!("{what} as the library reads them (see --help)"),
    }
}

/// A default as `--help` shows it: compact JSON, strings bare.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "none".to_owned(),
        other => other.to_string(),
    }
}

/// `command` with each argument that maps onto a path of `defaults` showing its default, and
/// the whole of `defaults` after the help (every key can be set with `--set KEY=VALUE`).
pub(crate) fn annotate(command: Command, defaults: &Value, what: &str) -> Command {
    let ids: Vec<(String, String)> = command
        .get_arguments()
        .filter_map(|a| {
            let id = a.get_id().as_str().to_owned();
            lookup(defaults, &id).map(|v| (id, shown(v)))
        })
        .collect();
    let mut command = command;
    for (id, default) in ids {
        command = command.mut_arg(id, |arg| {
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            arg.help(format!("{help} [library default: {default}]"))
        });
    }
    let pretty = serde_json::to_string_pretty(defaults).unwrap_or_default();
    command.after_long_help(format!(
        "The {what} and their defaults, as the library has them (any of them can be set with \
         --set KEY=VALUE; VALUE is JSON or a bare word, KEY may be dotted):\n{pretty}\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_read_as_json_lists_or_words() {
        assert_eq!(parse_value("3", None), json!(3));
        assert_eq!(parse_value("null", None), Value::Null);
        assert_eq!(parse_value("0,0.5,1", Some(&json!([]))), json!([0, 0.5, 1]));
        assert_eq!(parse_value("[1, 2]", Some(&json!([]))), json!([1, 2]));
        assert_eq!(parse_value("facebook", None), json!("facebook"));
        assert_eq!(parse_value("1,2,4", Some(&Value::Null)), json!([1, 2, 4]));
        assert_eq!(parse_value("A report, 2026", Some(&json!("title"))), json!("A report, 2026"));
        assert_eq!(parse_value("null", Some(&json!(4.0))), Value::Null);
        assert_eq!(parse_value(r#"{"hill": [2, 2]}"#, None), json!({"hill": [2, 2]}));
    }

    #[test]
    fn dotted_keys_reach_into_objects() {
        let mut v = json!({"model": {"probability": 0.1}, "decline": null});
        set_path(&mut v, "model.probability", json!(0.2));
        set_path(&mut v, "decline.layer", json!("facebook"));
        assert_eq!(v, json!({"model": {"probability": 0.2}, "decline": {"layer": "facebook"}}));
        let (key, value) = parse_set("decline-layer=facebook", &json!({})).unwrap();
        assert_eq!((key.as_str(), value), ("decline_layer", json!("facebook")));
        assert!(parse_set("runs", &json!({})).is_err());
    }

    #[test]
    fn unknown_keys_and_bad_values_are_the_core_structs_errors() {
        let base = reseau::report::ReportOptions::default();
        let runs = apply(&base, &[("runs".into(), json!(5))], "report options").unwrap();
        assert_eq!(runs.runs, 5);
        let err = apply(&base, &[("runz".into(), json!(5))], "report options").unwrap_err();
        assert_eq!(err.kind(), "InvalidParameterError");
        assert!(err.to_string().contains("runz"), "{err}");
        let err = apply(&base, &[("runs".into(), json!("many"))], "report options").unwrap_err();
        assert!(err.to_string().contains("invalid type"), "{err}");
    }
}
