//! Centralities shared by reputation and relay selection: PageRank as networkx computes it,
//! Halu et al.'s multiplex PageRank, and k-core numbers.

// The docs write maths as the papers do and name PageRank in prose.
#![allow(clippy::doc_markdown)]

mod cores;
mod pagerank;

pub(crate) use cores::core_numbers;
pub use pagerank::MultiplexPageRank;
pub(crate) use pagerank::{Csr, Power, multiplex, pagerank};
