//! `reseau report`: the headline report.

use std::io::Write;
use std::path::PathBuf;

use clap::{ArgMatches, Args};
use reseau::report::{ReportOptions, headline_with};
use serde_json::Value;

use super::{Common, Outcome};
use crate::{overlay, progress};

/// `reseau report`.
#[derive(Debug, Clone, Args)]
pub(crate) struct ReportArgs {
    #[command(flatten)]
    pub(crate) common: Common,
    /// The seed every part uses: the same seed gives the same report in Rust, Python and
    /// JavaScript.
    #[arg(long)]
    pub(crate) seed: Option<u64>,
    /// A preview: fewer runs, steps and replicates (the library's quick options).
    #[arg(long)]
    pub(crate) quick: bool,
    /// Also write report.txt, report.json, report.html (one self-contained page) and the
    /// charts as SVG into this folder.
    #[arg(long, value_name = "DIR")]
    pub(crate) out: Option<PathBuf>,
    /// The report's title.
    #[arg(long)]
    pub(crate) title: Option<String>,
    /// Monte Carlo runs of the campaign and of the relays' evaluation.
    #[arg(long)]
    pub(crate) runs: Option<u64>,
    /// How many relays to choose.
    #[arg(long)]
    pub(crate) relays: Option<usize>,
    /// The budget of the budgeted choice, in people's costs.
    #[arg(long)]
    pub(crate) budget: Option<f64>,
    /// Runs of the load curve per rate (each with its own seed), for the intervals.
    #[arg(long)]
    pub(crate) replicates: Option<u32>,
    /// Steps of each run of the load curve.
    #[arg(long)]
    pub(crate) steps: Option<u32>,
    /// The load curve's request rates, comma-separated (none: chosen from the network).
    #[arg(long, value_name = "R1,R2,…")]
    pub(crate) rates: Option<String>,
    /// The balance sweep's mixes (shares of effort on physical ties), comma-separated.
    #[arg(long, value_name = "M1,M2,…")]
    pub(crate) mixes: Option<String>,
    /// The declining layer of the balance sweep (none: the digital layer with the most ties).
    #[arg(long, value_name = "LAYER")]
    pub(crate) decline_layer: Option<String>,
}

/// The seed when none is given: the one of the README's report and of the bindings' `report`.
const SEED: u64 = 7;

/// The options the flags override: the library's quick or full defaults.
fn base(quick: bool) -> ReportOptions {
    if quick { ReportOptions::quick() } else { ReportOptions::default() }
}

/// `reseau report --help` with the library's defaults.
pub(crate) fn annotate(command: clap::Command) -> clap::Command {
    let defaults = serde_json::to_value(ReportOptions::default()).unwrap_or(Value::Null);
    overlay::annotate(command, &defaults, "report options")
}

impl ReportArgs {
    pub(crate) fn run(
        &self,
        matches: &ArgMatches,
        command: &clap::Command,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<(), Outcome> {
        let loaded = self.common.load(err)?;
        let base = base(self.quick);
        let defaults = serde_json::to_value(&base).unwrap_or(Value::Null);
        let mut entries =
            vec![("title".to_owned(), Value::String(format!("reseau report: {}", loaded.name)))];
        entries.extend(overlay::from_matches(matches, command, &defaults));
        for pair in &self.common.set {
            entries.push(overlay::parse_set(pair, &defaults)?);
        }
        let options: ReportOptions = overlay::apply(&base, &entries, "report options")?;
        let seed = self.seed.unwrap_or(SEED);
        let net = &loaded.net;
        let report = progress::watched("report", self.common.quiet, |control| {
            headline_with(net, &options, seed, control)
        })?;
        if self.common.json {
            writeln!(out, "{}", report.to_json())?;
        } else {
            write!(out, "{}", report.text())?;
        }
        if let Some(dir) = &self.out {
            let written = report.write(dir)?;
            if !self.common.quiet {
                let names: Vec<String> = written
                    .iter()
                    .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .collect();
                writeln!(err, "written to {}: {}", dir.display(), names.join(", "))?;
            }
        }
        Ok(())
    }
}
