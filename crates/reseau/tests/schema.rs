//! The JSON Schemas the bindings generate their stubs from (feature `schema`): every request
//! refuses unknown keys, and every default a schema shows is the core's own `Default`, so a
//! stub made from the schema cannot show another default.
#![cfg(feature = "schema")]

use reseau::schema::schemas;
use serde::Serialize;
use serde_json::Value;

/// Each property's default in `schema` equals the property of `value` (the type's `Default`,
/// serialised); returns how many defaults were compared.
fn defaults_agree(name: &str, schema: &Value, value: &impl Serialize) -> usize {
    let value = serde_json::to_value(value).unwrap();
    let mut compared = 0;
    for (key, property) in schema["properties"].as_object().unwrap() {
        if let Some(default) = property.get("default") {
            let actual = value.get(key).unwrap_or(&Value::Null);
            assert_eq!(default, actual, "{name}.{key}: the schema's default is not the core's");
            compared += 1;
        }
    }
    compared
}

#[test]
fn every_request_refuses_unknown_keys_and_shows_the_core_defaults() {
    use reseau::{balance, cascade, inference, referral, relays, report, reputation};
    let all = schemas();
    let checks = [
        ("SimulateRequest", serde_json::to_value(cascade::SimulateRequest::default())),
        ("TraceRequest", serde_json::to_value(cascade::TraceRequest::default())),
        ("ExactSpreadRequest", serde_json::to_value(cascade::ExactSpreadRequest::default())),
        ("ReferralRequest", serde_json::to_value(referral::ReferralRequest::default())),
        ("LoadCurveRequest", serde_json::to_value(referral::LoadCurveRequest::default())),
        ("SelectRelaysRequest", serde_json::to_value(relays::SelectRelaysRequest::default())),
        ("ReputationRequest", serde_json::to_value(reputation::ReputationRequest::default())),
        ("BalanceRequest", serde_json::to_value(balance::BalanceRequest::default())),
        ("ReportRequest", serde_json::to_value(report::ReportRequest::default())),
        ("RouteOptions", serde_json::to_value(referral::RouteOptions::default())),
        ("Model", serde_json::to_value(cascade::Model::default())),
        ("ReportOptions", serde_json::to_value(report::ReportOptions::default())),
        ("FitRequest", serde_json::to_value(inference::FitRequest::default())),
        ("ShuffleRequest", serde_json::to_value(inference::ShuffleRequest::default())),
        ("ShadowRequest", serde_json::to_value(inference::ShadowRequest::default())),
    ];
    for (name, default) in checks {
        let schema = &all[name];
        assert_eq!(schema["additionalProperties"], false, "{name} accepts unknown keys");
        let compared = defaults_agree(name, schema, &default.unwrap());
        assert!(compared >= 2, "{name}: {compared} defaults shown");
    }
    // The defaults that once lived only in a binding.
    assert_eq!(all["LoadCurveRequest"]["properties"]["steps"]["default"], 200);
    assert_eq!(all["ReportRequest"]["properties"]["seed"]["default"], 7);
    assert_eq!(all["KleinbergRequest"]["properties"]["r"]["default"], 2.0);
    assert_eq!(all["KleinbergRequest"]["properties"]["long_range"]["default"], 1);
    assert_eq!(all["KleinbergRequest"]["required"], serde_json::json!(["side"]));
}

#[test]
fn people_are_ids_or_labels_one_or_many() {
    let all = schemas();
    let seeds = &all["SimulateRequest"]["properties"]["seeds"];
    assert_eq!(seeds["anyOf"].as_array().unwrap().len(), 2);
    let person = &all["SimulateRequest"]["$defs"]["PersonRef"]["anyOf"];
    assert_eq!(person[0]["type"], "integer");
    assert_eq!(person[1]["type"], "string");
}

#[test]
fn results_are_described_by_their_doc_comments() {
    let all = schemas();
    for name in ["CascadeSummary", "ReferralSummary", "ReferralTrace", "RelaySelection", "Report"] {
        let properties = all[name]["properties"].as_object().unwrap();
        assert!(!properties.is_empty(), "{name}");
        for (key, p) in properties {
            let described =
                p.get("description").and_then(Value::as_str).is_some_and(|d| !d.is_empty());
            assert!(described, "{name}.{key} has no description");
            assert!(!p["description"].as_str().unwrap().contains("```"), "{name}.{key}");
        }
    }
    let trace = &all["ReferralTrace"]["properties"];
    assert_eq!(trace["layers"]["items"]["type"], "string", "layers by name");
}
