//! What the one-analysis subcommands share: the library's request for the call, filled from
//! the flags and `--set` over the core's `Default`, run under the progress bar, printed as
//! text or as the core's JSON.

use std::io::Write;

use clap::ArgMatches;
use reseau::Network;
use reseau::control::Control;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{Common, Outcome};
use crate::{overlay, progress};

/// One analysis of the library, as a subcommand.
pub(crate) trait Analysis {
    /// The serde struct of the call's options, whose `Default` is the library's.
    type Request: Serialize + DeserializeOwned + Default;
    /// The result, printed by [`Analysis::text`] or as its JSON (the core's serde form).
    type Output: Serialize;
    /// The subcommand.
    const NAME: &'static str;
    /// What `--help` calls the request's fields.
    const WHAT: &'static str;
    /// Runs the call.
    fn run(
        &self,
        net: &Network,
        request: &Self::Request,
        control: &Control<'_>,
    ) -> reseau::Result<Self::Output>;
    /// The result for a person to read.
    fn text(&self, net: &Network, output: &Self::Output) -> String;
}

/// A core result with what its text needs beside it (the request, the seed); its JSON is the
/// result's alone.
pub(crate) struct With<C, T>(pub(crate) C, pub(crate) T);

impl<C, T: Serialize> Serialize for With<C, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.1.serialize(serializer)
    }
}

/// `--help` of the subcommand, with the request's defaults.
pub(crate) fn annotate<A: Analysis>(command: clap::Command) -> clap::Command {
    let defaults = serde_json::to_value(A::Request::default()).unwrap_or(Value::Null);
    overlay::annotate(command, &defaults, A::WHAT)
}

/// Loads the network, makes the analysis for it, builds the request, runs the analysis and
/// prints its result.
pub(crate) fn run<A: Analysis>(
    make: impl FnOnce(&Network) -> reseau::Result<A>,
    common: &Common,
    matches: &ArgMatches,
    command: &clap::Command,
    extra: Vec<(String, Value)>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Outcome> {
    let loaded = common.load(err)?;
    let analysis = make(&loaded.net)?;
    let defaults = serde_json::to_value(A::Request::default()).unwrap_or(Value::Null);
    let mut entries = extra;
    entries.extend(overlay::from_matches(matches, command, &defaults, &Common::ids()));
    for pair in &common.set {
        entries.push(overlay::parse_set(pair, &defaults)?);
    }
    let request: A::Request = overlay::apply(&A::Request::default(), &entries, A::WHAT)?;
    let net = &loaded.net;
    let output =
        progress::watched(A::NAME, common.quiet, |control| analysis.run(net, &request, control))?;
    if common.json {
        let json = serde_json::to_string_pretty(&output).unwrap_or_default();
        writeln!(out, "{json}")?;
    } else {
        write!(out, "{}", analysis.text(net, &output))?;
    }
    Ok(())
}

/// People's names, comma-separated.
pub(crate) fn names(net: &Network, ids: &[u32]) -> String {
    ids.iter().map(|&p| net.display_name(reseau::PersonId(p))).collect::<Vec<_>>().join(", ")
}
