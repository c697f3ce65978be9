//! `reseau report`: the headline report.

use std::io::Write;
use std::path::PathBuf;

use clap::{ArgMatches, Args};
use reseau::inference::{AdoptionsCsv, Exposure, FitRequest, read_adoptions};
use reseau::report::{ReportOptions, ReportRequest, report_with};
use serde_json::Value;

use super::{Common, Outcome, Runs, Seed};
use crate::{overlay, progress};

/// `reseau report`.
#[derive(Debug, Clone, Args)]
pub(crate) struct ReportArgs {
    #[command(flatten)]
    pub(crate) common: Common,
    #[command(flatten)]
    pub(crate) seed: Seed,
    /// A preview: fewer runs, steps and replicates (the options not given are the library's
    /// quick ones).
    #[arg(long)]
    pub(crate) quick: bool,
    /// Also write report.txt, report.json, report.html (one self-contained page) and the
    /// charts as SVG into this folder.
    #[arg(long, value_name = "DIR")]
    pub(crate) out: Option<PathBuf>,
    /// The report's title.
    #[arg(long)]
    pub(crate) title: Option<String>,
    #[command(flatten)]
    pub(crate) runs: Runs,
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
    /// Observed adoptions, a CSV with the columns person (a label or #id), time (whole steps;
    /// empty or NA: unknown) and optionally cascade: the report learns each layer's
    /// probability from them, shows the shadow share, and runs with the fitted model (fit
    /// options: --set fit.horizon=20, fit.bootstrap=200, …).
    #[arg(long, value_name = "FILE")]
    pub(crate) adoptions: Option<PathBuf>,
    /// The exposure model of the fit: one chance per tie (cascade) or pressure at every step
    /// (persistent). Default: cascade.
    #[arg(long, value_name = "MODEL", value_parser = ["cascade", "persistent"], requires = "adoptions")]
    pub(crate) exposure: Option<String>,
}

/// The flags that are not fields of the report request.
const NOT_FIELDS: [&str; 2] = ["adoptions", "exposure"];

/// The report request's fields with their defaults: the request's own (`quick`, `seed`, …)
/// over every option's value when not given ([`ReportOptions::default`]).
fn defaults() -> Value {
    let mut all = serde_json::to_value(ReportOptions::default()).unwrap_or(Value::Null);
    if let (Some(all), Value::Object(request)) =
        (all.as_object_mut(), serde_json::to_value(ReportRequest::default()).unwrap_or(Value::Null))
    {
        all.extend(request);
    }
    all
}

/// `reseau report --help` with the library's defaults.
pub(crate) fn annotate(command: clap::Command) -> clap::Command {
    overlay::annotate(command, &defaults(), "report request's fields")
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
        let defaults = defaults();
        let title = format!("reseau report: {}", loaded.name);
        let mut entries = vec![("title".to_owned(), Value::String(title))];
        let mut skip = Common::ids();
        skip.extend(NOT_FIELDS.map(String::from));
        entries.extend(overlay::from_matches(matches, command, &defaults, &skip));
        for pair in &self.common.set {
            entries.push(overlay::parse_set(pair, &defaults)?);
        }
        let mut base = ReportRequest::default();
        if let Some(path) = &self.adoptions {
            let rows = read_adoptions(path, &AdoptionsCsv::default())?;
            let mut fit = FitRequest::new(rows);
            if self.exposure.as_deref() == Some("persistent") {
                fit.exposure = Exposure::Persistent;
            }
            base.fit = Some(fit);
        }
        let request: ReportRequest = overlay::apply(&base, &entries, "report request")?;
        request.validate()?;
        let net = &loaded.net;
        let report = progress::watched("report", self.common.quiet, |control| {
            report_with(net, &request, control)
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
