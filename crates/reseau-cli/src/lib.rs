//! The `reseau` command: the headline report and the library's analyses on a network file,
//! from the shell.
//!
//! ```sh
//! reseau report                                  # the embedded Aarhus CS network
//! reseau report Wiki-Vote.txt --directed --quick --out wiki
//! reseau report email-Eu-core.txt --directed --groups email-Eu-core-department-labels.txt
//! reseau report football-twitter-*.edgelist     # three files, one multiplex network
//! reseau simulate --seeds U4 --runs 1000 --json
//! reseau report --help                          # every option, with the library's defaults
//! ```
//!
//! Everything is in this library part so that the Python package installs the same command
//! (its console entry point calls [`run`]). Options map onto the core's serde structs: a
//! flag sets a field of the core's options, `--set KEY=VALUE` sets any field, and the
//! defaults are the core's `Default`, which `--help` prints; nothing is restated here.
//!
//! Exit status: 0 on success, 2 for bad input (a file that cannot be read or understood, an
//! option outside its domain: the library's typed error, with its message), 130 when stopped
//! by Ctrl-C, 1 when the output cannot be written.

mod commands;
mod input;
mod overlay;
mod progress;

use std::ffi::OsString;
use std::io::Write;

use clap::{CommandFactory, FromArgMatches, Parser};

pub use commands::Outcome;
pub use input::aarhus;

/// The command line.
#[derive(Debug, Parser)]
#[command(
    name = "reseau",
    version,
    about = "Multiplex professional and social networks: the headline report, campaigns, relays, referrals and the physical/digital balance, on your network or the embedded Aarhus CS network.",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: commands::Command,
}

/// Runs the command line `args` (the program's name first, as `std::env::args_os` gives it)
/// and returns the exit status; see the [crate](self) documentation.
///
/// ```
/// let status = reseau_cli::run(["reseau", "report", "--quick", "--json", "--quiet", "--seed", "1"]);
/// assert_eq!(status, 0);
/// assert_eq!(reseau_cli::run(["reseau", "report", "no/such/file.txt", "--quiet"]), 2);
/// ```
pub fn run<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr();
    run_with(args, &mut stdout, &mut stderr)
}

/// [`run`], writing to `out` and `err` instead of stdout and stderr (the progress bar still
/// goes to the terminal's stderr, and only when it is one).
///
/// # Panics
/// Never: the parser guarantees a subcommand, which the command line defines.
pub fn run_with<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let command = commands::annotated(Cli::command());
    let matches = match command.clone().try_get_matches_from(args) {
        Ok(m) => m,
        Err(e) => {
            // --help and --version are "errors" that succeed.
            let _ = write!(
                err,
                "{}",
                if e.use_stderr() { e.render().to_string() } else { String::new() }
            );
            if !e.use_stderr() {
                let _ = write!(out, "{}", e.render());
            }
            return u8::try_from(e.exit_code()).unwrap_or(2);
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = write!(err, "{}", e.render());
            return 2;
        }
    };
    progress::install();
    let (name, sub) = matches.subcommand().expect("a subcommand is required");
    let sub_command = command.find_subcommand(name).expect("the parsed subcommand exists").clone();
    match cli.command.run(sub, &sub_command, out, err) {
        Ok(()) => 0,
        Err(Outcome::Stopped) => {
            let _ = writeln!(err, "reseau {name}: interrupted");
            progress::INTERRUPTED
        }
        Err(Outcome::Failed(e)) => {
            let _ = writeln!(err, "reseau {name}: error [{}]: {e}", e.kind());
            2
        }
        Err(Outcome::Output(e)) => {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return 0; // `reseau report | head`: the reader has what it wanted
            }
            let _ = writeln!(err, "reseau {name}: cannot write the output: {e}");
            1
        }
    }
}
