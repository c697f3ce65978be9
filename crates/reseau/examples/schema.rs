//! Prints the JSON Schema of every request, option and result the bindings expose, as one
//! JSON object by type name: what the Python stubs and the TypeScript declarations are
//! generated from and checked against.
//!
//! ```sh
//! cargo run -p reseau --example schema --features schema > schema.json
//! ```

fn main() {
    let schemas = reseau::schema::schemas();
    let text = serde_json::to_string_pretty(&schemas).expect("schemas are JSON");
    println!("{text}");
}
