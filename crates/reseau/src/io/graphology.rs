//! graphology's serialisation shape. TODO(wasm helper)
