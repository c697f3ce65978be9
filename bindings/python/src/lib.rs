//! Python bindings (TODO python helper).
