//! `reseau simulate`, `relays`, `referrals` and `balance`: one analysis of the library each,
//! with its request (the core's struct; flags for the common fields, `--set` for any other,
//! the defaults the core's).

// The doc comments of the arguments are their `--help`: values as a person types them.
#![allow(clippy::doc_markdown)]

use std::fmt::Write as _;
use std::io::Write;

use clap::{ArgMatches, Args};
use reseau::Network;
use reseau::balance::{BalanceReport, BalanceRequest, balance_with};
use reseau::cascade::{CascadeSummary, SimulateRequest, simulate_with};
use reseau::control::Control;
use reseau::referral::{
    LoadCurve, LoadCurveRequest, ReferralRequest, ReferralSummary, referral_load_curve_with,
    route_referrals_with,
};
use reseau::relays::{RelaySelection, SelectRelaysRequest, select_relays_with};

use super::analysis::{self, Analysis, With, names};
use super::{Common, Outcome, Runs, Seed};

/// `reseau simulate`: a message spread by cascade from some people.
#[derive(Debug, Clone, Args)]
pub(crate) struct SimulateArgs {
    #[command(flatten)]
    pub(crate) common: Common,
    /// Who starts the message: labels (as in the files) or ids, comma-separated.
    #[arg(long, value_name = "PEOPLE")]
    pub(crate) seeds: String,
    /// Who starts a second campaign, of bad buzz, comma-separated.
    #[arg(long, value_name = "PEOPLE")]
    pub(crate) bad_seeds: Option<String>,
    #[command(flatten)]
    pub(crate) runs: Runs,
    #[command(flatten)]
    pub(crate) seed: Seed,
    /// The model: independent_cascade, weighted_cascade or linear_threshold.
    #[arg(long = "model", id = "model.kind", value_name = "KIND")]
    pub(crate) kind: Option<String>,
    /// The probability that a tie passes the message on (Independent Cascade).
    #[arg(long, id = "model.probability", value_name = "P")]
    pub(crate) probability: Option<f64>,
}

struct Simulate;

impl Analysis for Simulate {
    type Request = SimulateRequest;
    type Output = With<SimulateRequest, CascadeSummary>;
    const NAME: &'static str = "simulate";
    const WHAT: &'static str = "simulation request's fields";

    fn run(
        &self,
        net: &Network,
        request: &SimulateRequest,
        control: &Control<'_>,
    ) -> reseau::Result<Self::Output> {
        Ok(With(request.clone(), simulate_with(&net.compiled(), request, control)?))
    }

    fn text(&self, net: &Network, With(request, s): &Self::Output) -> String {
        let who = |people: &[reseau::PersonRef]| {
            let ids: Vec<u32> =
                people.iter().filter_map(|p| net.resolve(p).ok()).map(|p| p.0).collect();
            names(net, &ids)
        };
        let mut w = String::new();
        let _ = writeln!(
            w,
            "A message from {} ({} runs, seed {})",
            who(&request.seeds),
            s.runs,
            request.seed
        );
        let t = &s.total;
        let _ = writeln!(
            w,
            "  reaches {:.2} people on average (95% CI {:.2} to {:.2}; std {:.2})",
            t.mean, t.ci95[0], t.ci95[1], t.std
        );
        if !request.bad_seeds.is_empty() {
            let _ = writeln!(
                w,
                "  good buzz {:.2}, bad buzz {:.2} (from {})",
                s.good.mean,
                s.bad.mean,
                who(&request.bad_seeds)
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
        analysis::run(|_| Ok(Simulate), &self.common, matches, command, Vec::new(), out, err)
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
    #[command(flatten)]
    pub(crate) seed: Seed,
}

struct Relays;

impl Analysis for Relays {
    type Request = SelectRelaysRequest;
    type Output = With<u64, RelaySelection>;
    const NAME: &'static str = "relays";
    const WHAT: &'static str = "relay selection request's fields";

    fn run(
        &self,
        net: &Network,
        request: &SelectRelaysRequest,
        control: &Control<'_>,
    ) -> reseau::Result<Self::Output> {
        Ok(With(request.seed, select_relays_with(&net.compiled(), request, control)?))
    }

    fn text(&self, net: &Network, With(seed, s): &Self::Output) -> String {
        let mut w = String::new();
        let method = serde_json::to_value(s.method)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let _ = writeln!(w, "Relays ({method}, seed {seed}): {}", names(net, &s.relays));
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
        analysis::run(|_| Ok(Relays), &self.common, matches, command, Vec::new(), out, err)
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
    /// …several rates, comma-separated and increasing: the load curve (its request's
    /// fields: rates, steps, seed and the routing).
    #[arg(long, value_name = "R1,R2,…")]
    pub(crate) rates: Option<String>,
    /// Random requests in all (one run).
    #[arg(long, conflicts_with = "rates")]
    pub(crate) n_requests: Option<u64>,
    /// Steps during which requests start.
    #[arg(long)]
    pub(crate) steps: Option<u32>,
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
    #[command(flatten)]
    pub(crate) seed: Seed,
}

/// One run of referrals.
struct Route;

impl Analysis for Route {
    type Request = ReferralRequest;
    type Output = ReferralSummary;
    const NAME: &'static str = "referrals";
    const WHAT: &'static str = "referral request's fields";

    fn run(
        &self,
        net: &Network,
        request: &ReferralRequest,
        control: &Control<'_>,
    ) -> reseau::Result<ReferralSummary> {
        route_referrals_with(&net.compiled(), request, control)
    }

    fn text(&self, _net: &Network, s: &ReferralSummary) -> String {
        let mut w = String::new();
        let _ = writeln!(w, "Referrals: {} requests", s.requests);
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
        w
    }
}

/// The load curve.
struct Curve;

impl Analysis for Curve {
    type Request = LoadCurveRequest;
    type Output = LoadCurve;
    const NAME: &'static str = "referrals";
    const WHAT: &'static str = "load curve request's fields";

    fn run(
        &self,
        net: &Network,
        request: &LoadCurveRequest,
        control: &Control<'_>,
    ) -> reseau::Result<LoadCurve> {
        referral_load_curve_with(&net.compiled(), request, control)
    }

    fn text(&self, _net: &Network, c: &LoadCurve) -> String {
        let mut w = String::new();
        let _ = writeln!(w, "Referral load curve ({} steps per rate)", c.steps);
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
        if self.rates.is_some() {
            analysis::run(|_| Ok(Curve), &self.common, matches, command, Vec::new(), out, err)
        } else {
            analysis::run(|_| Ok(Route), &self.common, matches, command, Vec::new(), out, err)
        }
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
    #[command(flatten)]
    pub(crate) runs: Runs,
    /// A declining layer, as the library's `Decline` in JSON: {"layer": "facebook", "rate":
    /// 0.3, "periods": 4} (each period it keeps each tie with probability 1 − rate).
    #[arg(long, value_name = "JSON")]
    pub(crate) decline: Option<String>,
    #[command(flatten)]
    pub(crate) seed: Seed,
}

struct Balance;

impl Analysis for Balance {
    type Request = BalanceRequest;
    type Output = With<u64, BalanceReport>;
    const NAME: &'static str = "balance";
    const WHAT: &'static str = "balance request's fields";

    fn run(
        &self,
        net: &Network,
        request: &BalanceRequest,
        control: &Control<'_>,
    ) -> reseau::Result<Self::Output> {
        Ok(With(request.seed, balance_with(net, request, control)?))
    }

    fn text(&self, _net: &Network, With(seed, b): &Self::Output) -> String {
        let mut w = String::new();
        let _ = writeln!(w, "Balance: the share of effort on physical ties (mix), seed {seed}");
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
        analysis::run(|_| Ok(Balance), &self.common, matches, command, extra, out, err)
    }
}

/// `--help` of each, with the library's defaults.
pub(crate) fn annotate(command: clap::Command) -> clap::Command {
    command
        .mut_subcommand("simulate", analysis::annotate::<Simulate>)
        .mut_subcommand("relays", analysis::annotate::<Relays>)
        .mut_subcommand("referrals", |c| {
            analysis::annotate::<Curve>(analysis::annotate::<Route>(c))
        })
        .mut_subcommand("balance", analysis::annotate::<Balance>)
}
