//! The subcommands: one analysis each, and the report that runs them all.

mod analyses;
mod analysis;
mod report;

use std::io::Write;

use clap::{ArgMatches, Args, Subcommand};

use crate::input::{Input, Loaded};

/// How a command ended, when it did not succeed.
#[derive(Debug)]
pub enum Outcome {
    /// Stopped by Ctrl-C.
    Stopped,
    /// The library's typed error: bad input or options.
    Failed(reseau::Error),
    /// The output could not be written.
    Output(std::io::Error),
}

impl From<reseau::Error> for Outcome {
    fn from(e: reseau::Error) -> Self {
        if e == reseau::Error::Cancelled { Outcome::Stopped } else { Outcome::Failed(e) }
    }
}

impl From<std::io::Error> for Outcome {
    fn from(e: std::io::Error) -> Self {
        Outcome::Output(e)
    }
}

/// What every subcommand takes besides its own options.
#[derive(Debug, Clone, Args)]
pub(crate) struct Common {
    #[command(flatten)]
    pub(crate) input: Input,
    /// Print the result as JSON on stdout (the library's serde form), for other programs.
    #[arg(long)]
    pub(crate) json: bool,
    /// No notes and no progress bar on stderr (errors still go there).
    #[arg(long, short)]
    pub(crate) quiet: bool,
    /// Any option of the library's request, KEY=VALUE (repeatable; VALUE is JSON or a bare
    /// word; KEY may be dotted, as model.probability): see the list below.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub(crate) set: Vec<String>,
}

/// `--seed`, which every analysis takes (the request's `seed`).
#[derive(Debug, Clone, Args)]
pub(crate) struct Seed {
    /// The seed of the random streams: the same seed gives the same numbers in Rust, Python
    /// and JavaScript.
    #[arg(long)]
    pub(crate) seed: Option<u64>,
}

/// `--runs` (the request's `runs`).
#[derive(Debug, Clone, Args)]
pub(crate) struct Runs {
    /// The number of cascades (Monte Carlo runs) of the campaign: in `balance` per mix and
    /// period, in `report` also of the relays' evaluation.
    #[arg(long)]
    pub(crate) runs: Option<u64>,
}

impl Common {
    /// The ids of the arguments that are not fields of a request: these, the input's, the
    /// output folder and clap's own.
    pub(crate) fn ids() -> Vec<String> {
        let command = <Common as Args>::augment_args(clap::Command::new("common"));
        command
            .get_arguments()
            .map(|a| a.get_id().as_str().to_owned())
            .chain(["out", "help", "version"].map(String::from))
            .collect()
    }

    /// The network, its notes written to `err` (unless quiet).
    pub(crate) fn load(&self, err: &mut dyn Write) -> Result<Loaded, Outcome> {
        let mut notes = Vec::new();
        let loaded = crate::input::load(&self.input, &mut notes);
        if !self.quiet {
            for note in notes {
                writeln!(err, "{note}")?;
            }
        }
        Ok(loaded?)
    }
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// The headline report: the network offline and online, whom to enlist, a campaign, the
    /// referral load curve under fatigue and the physical/digital balance, each part run only
    /// when the network supports it (the report says why it leaves one out).
    Report(report::ReportArgs),
    /// A message spread by cascade from some people: its reach, step by step and layer by
    /// layer (Monte Carlo).
    Simulate(analyses::SimulateArgs),
    /// Whom to enlist: the relays that spread a message furthest (IMM, OPIM-C, CELF or a
    /// heuristic), k of them or within a budget.
    Relays(analyses::RelaysArgs),
    /// Referral requests passed hop by hop towards their targets under fatigue: one rate, or
    /// the load curve over several.
    Referrals(analyses::ReferralsArgs),
    /// The physical/digital balance: a sweep of the share of effort on physical ties, for
    /// referrals and a campaign, as a digital layer declines.
    Balance(analyses::BalanceArgs),
}

impl Command {
    pub(crate) fn run(
        &self,
        matches: &ArgMatches,
        command: &clap::Command,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<(), Outcome> {
        match self {
            Command::Report(args) => args.run(matches, command, out, err),
            Command::Simulate(args) => args.run(matches, command, out, err),
            Command::Relays(args) => args.run(matches, command, out, err),
            Command::Referrals(args) => args.run(matches, command, out, err),
            Command::Balance(args) => args.run(matches, command, out, err),
        }
    }
}

/// The command line with every subcommand's defaults shown, from the core's `Default`s.
pub(crate) fn annotated(command: clap::Command) -> clap::Command {
    analyses::annotate(command.mut_subcommand("report", report::annotate))
}
