//! WebAssembly bindings (TODO wasm helper).
