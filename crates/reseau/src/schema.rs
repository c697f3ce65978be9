//! JSON Schemas of the requests, options and results (feature `schema`): what the Python and
//! JavaScript bindings generate their stubs and declarations from, so that a default or an
//! option cannot differ between the core, a `.pyi` stub and a `.d.ts` declaration.
//!
//! Every schema is draft 2020-12, made by [`schemars`] from the Rust types: the doc comments
//! are the descriptions, the `Default`s the defaults, the serde attributes the shape (the
//! keys are the core's `snake_case`; the JavaScript binding writes them in `camelCase`).
//! `cargo run -p reseau --example schema --features schema` prints them all as one JSON
//! object, by type name.
//!
//! ```
//! let schemas = reseau::schema::schemas();
//! let simulate = &schemas["SimulateRequest"];
//! assert_eq!(simulate["properties"]["runs"]["default"], 1000);
//! assert_eq!(simulate["additionalProperties"], false);
//! assert_eq!(schemas["LoadCurveRequest"]["properties"]["steps"]["default"], 200);
//! assert_eq!(schemas["ReportRequest"]["properties"]["seed"]["default"], 7);
//! // Descriptions are the doc comments' prose, without their examples.
//! let runs = simulate["properties"]["runs"]["description"].as_str().unwrap();
//! assert_eq!(runs, "The number of cascades, from 1 to `MAX_RUNS` (default 1,000).");
//! ```

use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, generate::SchemaSettings, json_schema};

use crate::{
    balance, cascade, fatigue, generators, inference, io, referral, relays, report, reputation,
    shadow,
};

/// The schema of a list of people in a request: a [`PersonRef`](crate::PersonRef), or an
/// array of them.
pub(crate) fn people(generator: &mut SchemaGenerator) -> Schema {
    let one = generator.subschema_for::<crate::PersonRef>();
    json_schema!({
        "anyOf": [
            { "type": "array", "items": one },
            one,
        ]
    })
}

impl JsonSchema for crate::PersonRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PersonRef".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A person: an id (a whole number) or a label (text).",
            "anyOf": [
                { "type": "integer", "minimum": 0 },
                { "type": "string" },
            ]
        })
    }
}

impl JsonSchema for crate::Sign {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Sign".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Trust or distrust: \"positive\" (or \"+\", 1) and \"negative\" (or \"-\", -1).",
            "anyOf": [
                { "enum": ["positive", "negative", "+", "-"] },
                { "enum": [1, -1] },
            ]
        })
    }
}

/// The schema of `T` under the settings every schema here uses.
fn schema_of<T: JsonSchema>() -> serde_json::Value {
    let schema = SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<T>();
    let mut value = schema.to_value();
    clean(&mut value);
    value
}

/// A doc comment as a schema description: its prose without the examples (code blocks), and
/// rustdoc's links as plain code (`` [`x`](path) `` and `` [`x`] `` become `` `x` ``).
fn describe(doc: &str) -> String {
    let mut prose = Vec::new();
    let mut in_code = false;
    for line in doc.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        } else if !in_code {
            prose.push(line);
        }
    }
    let mut text = prose.join("\n").trim().to_owned();
    // [`x`](path) and [text](path): the link's text only; [`x`]: `x`. Other brackets (an
    // interval [0, 1], a pair [source, target]) stay.
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|o| from + o) {
        let Some(close) = text[open..].find(']').map(|c| open + c) else { break };
        let label = text[open + 1..close].to_owned();
        let after = &text[close + 1..];
        let end = if after.starts_with('(') {
            after.find(')').map(|p| close + 1 + p + 1)
        } else if label.starts_with('`') && label.ends_with('`') {
            Some(close + 1)
        } else {
            None
        };
        match end {
            Some(end) => {
                text.replace_range(open..end, &label);
                from = open + label.len();
            }
            None => from = close + 1,
        }
    }
    text
}

/// Every `description` of `value`, described again by [`describe`].
fn clean(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(d)) = map.get_mut("description") {
                *d = describe(d);
            }
            map.values_mut().for_each(clean);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(clean),
        _ => {}
    }
}

/// Every request, option and result type the bindings expose, by type name, with its schema
/// (its own definitions under `$defs`; descriptions are the doc comments' prose, without their
/// examples).
pub fn schemas() -> BTreeMap<&'static str, serde_json::Value> {
    let mut out = BTreeMap::new();
    macro_rules! add {
        ($($path:path),* $(,)?) => {
            $( out.insert(stringify!($path).rsplit("::").next().unwrap().trim(), schema_of::<$path>()); )*
        };
    }
    add!(
        // Requests.
        cascade::SimulateRequest,
        cascade::TraceRequest,
        cascade::ExactSpreadRequest,
        referral::ReferralRequest,
        referral::LoadCurveRequest,
        relays::SelectRelaysRequest,
        reputation::ReputationRequest,
        reputation::EReputationRequest,
        balance::BalanceRequest,
        report::ReportRequest,
        generators::ErdosRenyiRequest,
        generators::BarabasiAlbertRequest,
        generators::WattsStrogatzRequest,
        generators::KleinbergRequest,
        generators::StochasticBlockRequest,
        generators::ProfessionalOptions,
        inference::FitRequest,
        inference::ShuffleRequest,
        inference::ShadowRequest,
        shadow::ShadowGapRequest,
        // Options and the values they hold.
        cascade::Model,
        cascade::LayerSettings,
        cascade::Amplifiers,
        fatigue::Fatigue,
        referral::RouteOptions,
        referral::Workload,
        balance::Decline,
        report::ReportOptions,
        crate::TieSpec,
        crate::Layer,
        crate::Person,
        crate::PersonRef,
        io::EdgeListOptions,
        io::CsvOptions,
        io::MultiplexOptions,
        io::MpxOptions,
        io::SignedOptions,
        inference::AdoptionsCsv,
        inference::Adoptions,
        inference::Exposure,
        inference::StepZero,
        // Results.
        cascade::CascadeSummary,
        cascade::SpreadStats,
        cascade::OpinionByStep,
        cascade::CascadeTrace,
        referral::ReferralSummary,
        referral::ReferralTrace,
        referral::LoadCurve,
        relays::RelaySelection,
        reputation::Reputation,
        reputation::EReputation,
        balance::BalanceReport,
        report::Report,
        inference::CascadeFit,
        inference::ShuffleTest,
        inference::ShadowInference,
        shadow::ShadowGap,
    );
    out
}
