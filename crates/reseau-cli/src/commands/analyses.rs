//! `reseau simulate`, `relays`, `referrals` and `balance`: one analysis of the library each,
//! with its options (the library's request struct, flags for the common fields and `--set`
//! for any other).

// The doc comments of the arguments are their `--help`: values as a person types them.
#![allow(clippy::doc_markdown)]

use std::fmt::Write as _;
use std::io::Write;

use clap::{ArgMatches, Args};
use reseau::Network;
use reseau::balance::{BalanceOptions, BalanceReport, balance_with};
use reseau::cascade::{Model, Seeds, Summary, simulate_with};
use reseau::control::Control;
use reseau::referral::{
    LoadCurve, RouteOptions, RouteSummary, Workload, referral_load_curve_with, route_referrals_with,
};
use reseau::relays::{SelectOptions, Selection, select_relays_with};

use super::analysis::{self, Analysis, names, people};
use super::{Common, Outcome};

/// `reseau simulate`: a message spread by cascade from some people.
#[derive(Debug, Clone, Args)]
pub(crate) struct SimulateArgs {
    #[command(flatten)]
    pub(crate) common: Common,
    /// Who starts the message: labels (as in the files) or ids, comma-separated.
    #[arg(long, value_delimiter = ',', required = true, value_name = "PEOPLE")]
    pub(crate) seeds: Vec<String>,
    /// Who starts a second campaign, of bad buzz, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "PEOPLE")]
    pub(crate) bad_seeds: Vec<String>,
    /// The number of cascades.
    #[arg(long, required = true)]
    pub(crate) runs: u64,
    /// The seed of the random streams: the same seed gives the same numbers in Rust, Python
    /// and JavaScript (default 0).
    #[arg(long)]
    pub(crate) seed: Option<u64>,
    /// The model: independent_cascade, weighted_cascade or linear_threshold.
    #[arg(long = "model", id = "kind", value_name = "KIND")]
    pub(crate) kind: Option<String>,
    /// The probability that a tie passes the message on (Independent Cascade).
    #[arg(long)]
    pub(crate) probability: Option<f64>,
}

struct Simulate {
    seeds: Seeds,
    runs: u64,
    seed: u64,
}

impl Analysis for Simulate {
    type Request = Model;
    type Output = Summary;
    const NAME: &'static str = "simulate";
    const WHAT: &'static str = "model's options";

    fn run(&self, net: &Network, model: &Model, control: &Control<'_>) -> reseau::Result<Summary> {
        simulate_with(&net.compiled(), &self.seeds, model, self.runs, self.seed, control)
    }

    fn text(&self, net: &Network, s: &Summary) -> String {
        let mut w = String::new();
        let _ = writeln!(
            w,
            "A message from {} ({} runs, seed {})",
            names(net, &self.seeds.good),
            s.runs,
            self.seed
        );
        let t = &s.total;
        let _ = writeln!(
            w,
            "  reaches {:.2} people on average (95% CI {:.2} to {:.2}; std {:.2})",
            t.mean, t.ci95[0], t.ci95[1], t.std
        );
        if !self.seeds.bad.is_empty() {
            let _ = writeln!(
                w,
                "  good buzz {:.2}, bad buzz {:.2} (from {})",
                s.good.mean,
                s.bad.mean,
                names(net, &self.seeds.bad)
            );
        }
        let steps: Vec<String> = s.by_step.iter().take(8).map(|x| format!("{x:.1}")).collect();
        let _ = writeln!(w, "  reached by step 0, 1, 2, …: {}", steps.join(", "));
        let shares: Vec<String> = s
            .layer_names
            .iter()
            .zip(s.layer_shares())
            .map(|(l, x)| format!("{l} {:.0}%", 100.0 * x))
            .collect();
        let _ = writeln!(w, "  carried by: {}", shares.join(", "));
        w
    }
}

impl SimulateArgs {
    pub(crate) fn run(
        &self,
        matches: &ArgMatches,
        command: &clap::Command,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<(), Outcome> {
        let make = |net: &Network| {
            let seeds = Seeds::new(people(net, &self.seeds)?, people(net, &self.bad_seeds)?);
            Ok(Simulate { seeds, runs: self.runs, seed: self.seed.unwrap_or_default() })
        };
        analysis::run(make, &self.common, matches, command, Vec::new(), out, err)
    }
}

/// `reseau relays`: whom to enlist.
#[derive(Debug, Clone, Args)]
pub(crate) struct RelaysArgs {
    #[command(flatten)]
    pub(crate) common: Common,
    /// Choose this many relays.
    #[arg(long)]
    pub(crate) k: Option<usize>,
    /// Or choose relays whose costs add up to at most this.
    #[arg(long)]
    pub(crate) budget: Option<f64>,
    /// The method: imm, opim_c, celf, degree, degree_discount, pagerank or random.
    #[arg(long)]
    pub(crate) method: Option<String>,
    /// Monte Carlo runs of the independent evaluation of the choice.
    #[arg(long)]
    pub(crate) evaluation_runs: Option<u64>,
    /// The probability that a tie passes the message on (the model's).
    #[arg(long, id = "model.probability", value_name = "P")]
    pub(crate) probability: Option<f64>,
    /// The seed (default 0).
    #[arg(long)]
    pub(crate) seed: Option<u64>,
}

struct Relays {
    seed: u64,
}

impl Analysis for Relays {
    type Request = SelectOptions;
    type Output = Selection;
    const NAME: &'static str = "relays";
    const WHAT: &'static str = "relay selection options";

    fn run(
        &self,
        net: &Network,
        options: &SelectOptions,
        control: &Control<'_>,
    ) -> reseau::Result<Selection> {
        select_relays_with(&net.compiled(), options, self.seed, control)
    }

    fn text(&self, net: &Network, s: &Selection) -> String {
        let mut w = String::new();
        let method = serde_json::to_value(s.method)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let _ = writeln!(w, "Relays ({method}, seed {}): {}", self.seed, names(net, &s.relays));
        let _ = writeln!(w, "  total cost {}", s.cost);
        if let Some(e) = s.estimated_spread {
            let _ = writeln!(w, "  spread as the method estimated it: {e:.2} people");
        }
        if let Some(spread) = &s.spread {
            let _ = writeln!(
                w,
                "  spread evaluated apart: {:.2} people (95% CI {:.2} to {:.2})",
                spread.mean, spread.ci95[0], spread.ci95[1]
            );
        }
        if let Some(a) = s.approximation {
            let _ = writeln!(
                w,
                "  guaranteed at least {a:.3} of the best possible spread (with high probability)"
            );
        }
        w
    }
}

impl RelaysArgs {
    pub(crate) fn run(
        &self,
        matches: &ArgMatches,
        command: &clap::Command,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<(), Outcome> {
        analysis::run(
            |_| Ok(Relays { seed: self.seed.unwrap_or_default() }),
            &self.common,
            matches,
            command,
            Vec::new(),
            out,
            err,
        )
    }
}

/// `reseau referrals`: requests passed from person to person towards a target.
#[derive(Debug, Clone, Args)]
pub(crate) struct ReferralsArgs {
    #[command(flatten)]
    pub(crate) common: Common,
    /// Random requests started per step (one run), or…
    #[arg(long, conflicts_with = "rates")]
    pub(crate) rate: Option<f64>,
    /// …several rates, comma-separated and increasing: the load curve.
    #[arg(long, value_delimiter = ',', value_name = "R1,R2,…")]
    pub(crate) rates: Vec<f64>,
    /// Steps during which requests start.
    #[arg(long, required = true)]
    pub(crate) steps: u32,
    /// How a holder chooses whom to pass the request to: greedy, oracle, strongest_tie, hub or
    /// random.
    #[arg(long)]
    pub(crate) strategy: Option<String>,
    /// The probability that a holder forwards a request.
    #[arg(long)]
    pub(crate) forward: Option<f64>,
    /// The most ties a request may cross.
    #[arg(long)]
    pub(crate) max_hops: Option<u32>,
    /// The seed (default 0).
    #[arg(long)]
    pub(crate) seed: Option<u64>,
}

/// One run or a load curve.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum ReferralOutput {
    Run(RouteSummary),
    Curve(LoadCurve),
}

struct Referrals {
    rates: Vec<f64>,
    steps: u32,
    seed: u64,
}

impl Analysis for Referrals {
    type Request = RouteOptions;
    type Output = ReferralOutput;
    const NAME: &'static str = "referrals";
    const WHAT: &'static str = "routing options";

    fn run(
        &self,
        net: &Network,
        routing: &RouteOptions,
        control: &Control<'_>,
    ) -> reseau::Result<ReferralOutput> {
        let view = net.compiled();
        if let [rate] = self.rates[..] {
            route_referrals_with(
                &view,
                &Workload::random(rate, self.steps),
                routing,
                self.seed,
                control,
            )
            .map(ReferralOutput::Run)
        } else {
            referral_load_curve_with(&view, &self.rates, self.steps, routing, self.seed, control)
                .map(ReferralOutput::Curve)
        }
    }

    fn text(&self, _net: &Network, output: &ReferralOutput) -> String {
        let mut w = String::new();
        match output {
            ReferralOutput::Run(s) => {
                let _ = writeln!(
                    w,
                    "Referrals: {} requests, {} per step for {} steps (seed {})",
                    s.requests, self.rates[0], self.steps, self.seed
                );
                let _ = writeln!(
                    w,
                    "  reached their target: {} ({:.1}%, 95% CI {:.1}% to {:.1}%)",
                    s.succeeded,
                    100.0 * s.success_rate,
                    100.0 * s.success_ci95[0],
                    100.0 * s.success_ci95[1]
                );
                let _ = writeln!(
                    w,
                    "  lost: {} unwilling holders, {} dead ends, {} too long, {} ignored by the target",
                    s.unwilling, s.dead_ends, s.truncated, s.ignored
                );
                if let (Some(l), Some(t)) = (s.mean_chain_length, s.mean_time) {
                    let _ = writeln!(w, "  completed chains: {l:.2} hops, {t:.2} steps on average");
                }
            }
            ReferralOutput::Curve(c) => {
                let _ = writeln!(
                    w,
                    "Referral load curve ({} steps per rate, seed {})",
                    c.steps, self.seed
                );
                let _ = writeln!(w, "  {:>10} {:>11} {:>8}", "rate", "throughput", "success");
                for (i, r) in c.rates.iter().enumerate() {
                    let _ = writeln!(
                        w,
                        "  {r:>10} {:>11.3} {:>7.1}%",
                        c.throughput[i],
                        100.0 * c.success_rate[i]
                    );
                }
                let collapse =
                    c.collapse_rate.map_or_else(|| "no rate tried".to_owned(), |r| r.to_string());
                let _ = writeln!(
                    w,
                    "  peaks at {} ({:.3} per step), collapses at {collapse}",
                    c.peak_rate, c.peak_throughput
                );
            }
        }
        w
    }
}

impl ReferralsArgs {
    pub(crate) fn run(
        &self,
        matches: &ArgMatches,
        command: &clap::Command,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<(), Outcome> {
        let rates = match (self.rate, self.rates.is_empty()) {
            (Some(r), _) => vec![r],
            (None, false) => self.rates.clone(),
            (None, true) => {
                return Err(Outcome::Failed(reseau::Error::InvalidParameter {
                    name: "rate".into(),
                    value: "none".into(),
                    expected: "--rate R (one run) or --rates R1,R2,… (the load curve)".into(),
                }));
            }
        };
        let referrals = Referrals { rates, steps: self.steps, seed: self.seed.unwrap_or_default() };
        analysis::run(|_| Ok(referrals), &self.common, matches, command, Vec::new(), out, err)
    }
}

/// `reseau balance`: physical against digital effort.
#[derive(Debug, Clone, Args)]
pub(crate) struct BalanceArgs {
    #[command(flatten)]
    pub(crate) common: Common,
    /// The mixes (shares of effort on physical ties), comma-separated.
    #[arg(long, value_name = "M1,M2,…")]
    pub(crate) mixes: Option<String>,
    /// Referral requests started per step.
    #[arg(long)]
    pub(crate) rate: Option<f64>,
    /// Steps of referrals per mix.
    #[arg(long)]
    pub(crate) steps: Option<u32>,
    /// Cascades of the campaign per mix and period.
    #[arg(long)]
    pub(crate) runs: Option<u64>,
    /// A declining layer, as the library's `Decline` in JSON: `{"layer": "facebook",
    /// "rate": 0.3, "periods": 4}` (each period it keeps each tie with probability 1 − rate).
    #[arg(long, value_name = "JSON")]
    pub(crate) decline: Option<String>,
    /// The seed (default 0).
    #[arg(long)]
    pub(crate) seed: Option<u64>,
}

struct Balance {
    seed: u64,
}

impl Analysis for Balance {
    type Request = BalanceOptions;
    type Output = BalanceReport;
    const NAME: &'static str = "balance";
    const WHAT: &'static str = "balance options";

    fn run(
        &self,
        net: &Network,
        options: &BalanceOptions,
        control: &Control<'_>,
    ) -> reseau::Result<BalanceReport> {
        balance_with(net, options, self.seed, control)
    }

    fn text(&self, _net: &Network, b: &BalanceReport) -> String {
        let mut w = String::new();
        let _ =
            writeln!(w, "Balance: the share of effort on physical ties (mix), seed {}", self.seed);
        let _ = writeln!(
            w,
            "  {:>4} {:>6} {:>8} {:>11} {:>8} {:>8}",
            "mix", "period", "success", "throughput", "reach", "offline"
        );
        for r in &b.rows {
            let _ = writeln!(
                w,
                "  {:>4.2} {:>6} {:>7.1}% {:>11.3} {:>8.2} {:>7.0}%",
                r.mix,
                r.period,
                100.0 * r.success_rate,
                r.throughput,
                r.reach,
                100.0 * r.cascade_offline_share
            );
        }
        for best in &b.best {
            let how = if best.flat {
                "flat"
            } else if best.beats_ends {
                "interior, clearly"
            } else if best.interior {
                "interior"
            } else {
                "at an end"
            };
            let _ = writeln!(
                w,
                "  best for {}: mix {:.2} ({:.3}; {how})",
                best.measure.as_str(),
                best.mix,
                best.value
            );
        }
        for r in &b.robust {
            let _ = writeln!(
                w,
                "  most robust for {}: mix {:.2} (worst {:.3} at period {})",
                r.measure.as_str(),
                r.mix,
                r.worst,
                r.worst_period
            );
        }
        w
    }
}

impl BalanceArgs {
    pub(crate) fn run(
        &self,
        matches: &ArgMatches,
        command: &clap::Command,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<(), Outcome> {
        let mut extra = Vec::new();
        if let Some(decline) = &self.decline {
            extra.push(("decline".to_owned(), crate::overlay::parse_value(decline, None)));
        }
        analysis::run(
            |_| Ok(Balance { seed: self.seed.unwrap_or_default() }),
            &self.common,
            matches,
            command,
            extra,
            out,
            err,
        )
    }
}

/// `--help` of each, with the library's defaults.
pub(crate) fn annotate(command: clap::Command) -> clap::Command {
    command
        .mut_subcommand("simulate", analysis::annotate::<Simulate>)
        .mut_subcommand("relays", analysis::annotate::<Relays>)
        .mut_subcommand("referrals", analysis::annotate::<Referrals>)
        .mut_subcommand("balance", analysis::annotate::<Balance>)
}
