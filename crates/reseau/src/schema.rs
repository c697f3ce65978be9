//! JSON Schemas of the requests, options and results (feature `schema`).
