//! Benchmark support (shared paths to the data).
