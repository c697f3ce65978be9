//! `docs/claims.md`: the networks, the assumptions, and one section per claim whose verdict
//! is decided here from the numbers.

use std::fmt::Write as _;

use crate::chart::{Dot, dot_plot};
use crate::cold::{ColdRow, Outcome, Verdict, break_even, verdict};
use crate::kinds::{KindOutcome, KindRow, Winner, winner};
use crate::mix::{self, ASSUMPTIONS, MEASURES, MixRow};
use crate::networks::Case;
use crate::spread::{Spread, share, spread};
use crate::tired::{Robustness, grid, robustness};
use crate::{Plan, Studied};

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"))
}

fn spread_pct(s: Spread) -> String {
    format!("{} ({}–{})", pct(s.median), pct(s.low), pct(s.high))
}

fn spread_num(s: Spread) -> String {
    if s.median.is_nan() {
        "–".to_owned()
    } else {
        format!("{:.1} ({:.1}–{:.1})", s.median, s.low, s.high)
    }
}

fn of<T>(rows: &[Studied], f: impl Fn(&Studied) -> T) -> Vec<T> {
    rows.iter().map(f).collect()
}

/// The document and its charts (file name, SVG).
pub(crate) fn document(
    plan: &Plan,
    cases: &[Case],
    has_data: bool,
    real: &[Studied],
    drawn: &[Studied],
) -> (String, Vec<(String, String)>) {
    let mut w = String::new();
    let mut charts = Vec::new();
    let _ = writeln!(w, "# The article's claims, put to the test\n");
    let how = if plan.quick {
        "`cargo run --release --example claims -- --quick` (a preview with fewer draws, runs and \
         mixes: rerun without `--quick` for the full study)"
    } else {
        "`cargo run --release --example claims`"
    };
    let _ = writeln!(
        w,
        "Written by {how}. Do not edit by hand: every number and every verdict below comes from \
         that run, the verdicts decided from the numbers in `crates/reseau/examples/claims/write.rs`.\n"
    );
    let _ = writeln!(
        w,
        "Intervals: for each real network, the Monte Carlo 95% interval (Wilson for rates; the \
         balance sweep's intervals for the best mix); for the {} draws of the professional-network \
         generator, the median and the 10–90% range of the draws' values, which holds both the \
         Monte Carlo noise and the variation between draws.\n",
        plan.draws
    );
    networks_section(&mut w, plan, cases, has_data);
    assumptions_section(&mut w, plan);
    claim1(&mut w, &mut charts, plan, real, drawn);
    claim2(&mut w, &mut charts, plan, real, drawn);
    crate::write_influencers::claim3(&mut w, &mut charts, plan, real, drawn);
    // Claim 4 (good and bad buzz): `buzz::insert` puts its section before claim 5's.
    claim5(&mut w, &mut charts, plan, real, drawn);
    crate::write_shadow::balance_part(&mut w, plan, real, drawn);
    crate::write_shadow::recovery_part(&mut w, plan, real, drawn);
    claim6(&mut w, &mut charts, plan, real, drawn);
    claim7(&mut w, &mut charts, plan, real, drawn);
    (w, charts)
}

fn networks_section(w: &mut String, plan: &Plan, cases: &[Case], has_data: bool) {
    let _ = writeln!(w, "## Networks\n");
    if has_data {
        let _ = writeln!(
            w,
            "Each real network's layers are given a kind: physical (people meet) or digital \
             (messages, platforms). Where no layer is digital, the layer that best plays the part \
             is named, and the choice is an assumption.\n"
        );
        let _ = writeln!(w, "| network | people | ties | physical | digital | why |");
        let _ = writeln!(w, "|---|---:|---:|---|---|---|");
        for c in cases {
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} | {} | {} |",
                c.name,
                c.net.num_people(),
                c.net.num_ties(),
                c.physical.join(", "),
                c.digital.join(", "),
                c.reason
            );
        }
        let _ = writeln!(
            w,
            "\nLeft out: the multinet `.mpx` files (aucs is Aarhus CS again; Bank wiring, \
             Florentine families, monastery and tailor shop have no layer with a professional \
             digital reading), the single-layer SNAP and classic networks (one kind only){}.\n",
            if plan.quick {
                ", and in this preview the politicsuk and rugby Twitter communities"
            } else {
                ""
            }
        );
    } else {
        let _ = writeln!(
            w,
            "**No shared data folder was found** (`shared/data` beside the repository or a parent, \
             or `RESEAU_DATA`): this run covers the generated networks only.\n"
        );
    }
    let o = crate::networks::generator_options(plan.people);
    let _ = writeln!(
        w,
        "Generated: {} draws (seeds 1 to {}) of `generators::professional` with {} people in \
         teams of {}, an office layer of mean degree {} ({}% of its ties within the team) and two \
         digital platforms ({}) of mean degree {} each, {}% of whose ties copy an office tie; the \
         generator's other settings at their defaults.\n",
        plan.draws,
        plan.draws,
        o.people,
        o.group_size,
        o.physical_mean_degree,
        100.0 * o.within_group,
        o.digital_layers.join(", "),
        o.digital_mean_degree,
        100.0 * o.overlap
    );
}

fn assumptions_section(w: &mut String, plan: &Plan) {
    let _ = writeln!(w, "## Assumptions (chosen by hand, none fitted)\n");
    let [half, exponent, life] = plan.hill;
    let (loss, periods, migration) = plan.decline;
    let items = [
        format!(
            "Load: each person starts {} referral requests per step on average (random pairs), \
             so the load per person is the same on every network.",
            plan.rate_per_person
        ),
        format!(
            "An intermediary passes a request on with base probability {} (times their \
             willingness under fatigue).",
            plan.forward
        ),
        format!(
            "Fatigue: Hill curve, willingness 1/(1 + (load/{half})^{exponent}), load decaying \
             with a half-life of {life} steps; the same curve for every inbox."
        ),
        format!(
            "Cold contact: a stranger's message is answered with probability {} (the core's \
             default) and, as a range, {}.",
            plan.cold_rates[0],
            plan.cold_rates[1..].iter().map(|r| format!("{r}")).collect::<Vec<_>>().join(", ")
        ),
        format!(
            "Claim 1 routes {} requests per network with the greedy strategy (what people can \
             plausibly know).",
            plan.requests
        ),
        format!(
            "Balance sweep: mixes {}; {} steps of requests (the first half warms the loads up); \
             {} campaign runs (independent cascade, p = 0.1, 3 seeds: the core's defaults) per \
             mix and period; effort 2 and unit costs (the core's defaults).",
            plan.mixes.iter().map(|m| format!("{m}")).collect::<Vec<_>>().join(", "),
            plan.balance_steps,
            plan.runs
        ),
        format!(
            "Decline: the digital layer with the most ties loses {}% of its ties per period and \
             is gone at period {periods}; the successor (another digital layer, or a new empty \
             one named `{}`) receives {}% of the lost ties; the decline runs under the \
             \"{}\" assumption.",
            100.0 * loss,
            mix::SUCCESSOR,
            100.0 * migration,
            mix::DECLINE_UNDER.name
        ),
        format!(
            "Claim 2: campaigns from {} single sources, {} runs each; claim 5: the shadow is the \
             largest physical layer, kept at shares {} of its ties, {} sources, {} runs, {} relays \
             by IMM (ε = 0.1), and a prediction off by more than {}% counts as wrong; claim 6: \
             the fatigue curves of its table, rates {} per person per step, {} steps per rate.",
            plan.sources.0,
            plan.sources.1,
            plan.shadow.0.iter().map(|x| format!("{x}")).collect::<Vec<_>>().join(", "),
            plan.shadow.1,
            plan.shadow.2,
            plan.shadow.3,
            100.0 * plan.shadow.4,
            plan.curve_rates.0.iter().map(|x| format!("{x}")).collect::<Vec<_>>().join(", "),
            plan.curve_rates.1
        ),
        format!("Seed {} for every stream (common random numbers across settings).", plan.seed),
    ];
    for item in items {
        let _ = writeln!(w, "- {item}");
    }
    let _ = writeln!(w);
}

/// The default cold rate's outcome and the chain's verdict against it.
fn default_verdict(row: &ColdRow, tired: bool) -> Verdict {
    if tired {
        verdict(&row.chain_tired, &row.cold_tired[0])
    } else {
        verdict(&row.chain, &row.cold[0])
    }
}

fn claim1(
    w: &mut String,
    charts: &mut Vec<(String, String)>,
    plan: &Plan,
    real: &[Studied],
    drawn: &[Studied],
) {
    let _ = writeln!(
        w,
        "## Claim 1: a recommendation reaches a target more surely and faster than a cold contact\n"
    );
    let _ = writeln!(
        w,
        "The same random requests are routed twice: along greedy recommendation chains, and as a \
         cold message from the source straight to the target, answered with the cold answer rate \
         times the target's willingness. We compare success, time (steps of a completed request, \
         and steps per success when a failed attempt is retried) and load (requests received by \
         the most loaded person per 100 routed), without fatigue and with one shared inbox.\n"
    );
    let _ = writeln!(
        w,
        "| network | chain success | cold success ({}) | chain steps | cold steps | steps per success: chain / cold | top load: chain / cold | tired: chain / cold | cold rate where the chain stops winning | verdict (no fatigue / fatigue) |",
        plan.cold_rates[0]
    );
    let _ = writeln!(w, "|---|---|---|---:|---:|---|---|---|---:|---|");
    let ci = |o: &Outcome| format!("{} ({}–{})", pct(o.success), pct(o.ci[0]), pct(o.ci[1]));
    for r in real {
        let c = &r.cold;
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} / {} | {:.1} / {:.1} | {} / {} | {} | {} / {} |",
            r.name,
            ci(&c.chain),
            ci(&c.cold[0]),
            num(c.chain.time),
            num(c.cold[0].time),
            num(c.chain.steps_per_success()),
            num(c.cold[0].steps_per_success()),
            c.chain.top_load,
            c.cold[0].top_load,
            pct(c.chain_tired.success),
            pct(c.cold_tired[0].success),
            break_even(&c.chain, &c.cold, &plan.cold_rates)
                .map_or("none".to_owned(), |x| format!("{x}")),
            default_verdict(c, false).words(),
            default_verdict(c, true).words()
        );
    }
    if !drawn.is_empty() {
        let s = |f: &dyn Fn(&ColdRow) -> f64| spread(&of(drawn, |d| f(&d.cold)));
        let holds = |tired: bool| {
            share(drawn.iter().map(|d| default_verdict(&d.cold, tired) == Verdict::Holds))
        };
        let _ = writeln!(
            w,
            "| generated, {} draws: median (10–90%) | {} | {} | {} | {} | {} / {} | {} / {} | {} / {} | – | holds in {} / {} of draws |",
            drawn.len(),
            spread_pct(s(&|c| c.chain.success)),
            spread_pct(s(&|c| c.cold[0].success)),
            spread_num(s(&|c| c.chain.time.unwrap_or(f64::NAN))),
            spread_num(s(&|c| c.cold[0].time.unwrap_or(f64::NAN))),
            spread_num(s(&|c| c.chain.steps_per_success().unwrap_or(f64::NAN))),
            spread_num(s(&|c| c.cold[0].steps_per_success().unwrap_or(f64::NAN))),
            spread_num(s(&|c| c.chain.top_load)),
            spread_num(s(&|c| c.cold[0].top_load)),
            spread_pct(s(&|c| c.chain_tired.success)),
            spread_pct(s(&|c| c.cold_tired[0].success)),
            pct(holds(false)),
            pct(holds(true))
        );
    }
    charts.push(cold_chart(real, drawn));
    let _ = writeln!(w, "\n![Claim 1](claims/cold.svg)\n");
    let _ = writeln!(w, "**Verdict.** {}\n", claim1_verdict(plan, real, drawn));
}

/// Claim 1's verdict in words, from the numbers.
fn claim1_verdict(plan: &Plan, real: &[Studied], drawn: &[Studied]) -> String {
    let all: Vec<&Studied> = real.iter().chain(drawn).collect();
    let n = all.len();
    let count = |f: &dyn Fn(&ColdRow) -> bool| all.iter().filter(|s| f(&s.cold)).count();
    let sure = count(&|c| default_verdict(c, false) == Verdict::Holds);
    let sure_tired = count(&|c| default_verdict(c, true) == Verdict::Holds);
    let against = count(&|c| {
        default_verdict(c, false) == Verdict::DoesNotHold
            || default_verdict(c, true) == Verdict::DoesNotHold
    });
    // Where the chain wins at the default rate, the rate at which it stops winning.
    let breaks: Vec<f64> = all
        .iter()
        .filter(|s| default_verdict(&s.cold, false) == Verdict::Holds)
        .filter_map(|s| break_even(&s.cold.chain, &s.cold.cold, &plan.cold_rates))
        .collect();
    let lowest_break = breaks.iter().copied().min_by(f64::total_cmp);
    let faster_single = count(&|c| match (c.chain.time, c.cold[0].time) {
        (Some(a), Some(b)) => a < b,
        _ => false,
    });
    let faster_retry =
        count(&|c| match (c.chain.steps_per_success(), c.cold[0].steps_per_success()) {
            (Some(a), Some(b)) => a < b,
            (Some(_), None) => true,
            _ => false,
        });
    let lighter = count(&|c| c.chain.top_load < c.cold[0].top_load);
    let mut v = String::new();
    let max_rate = plan.cold_rates.iter().copied().fold(0.0, f64::max);
    let caveat = match lowest_break {
        None => format!("at every cold answer rate tried (up to {max_rate})"),
        Some(b) => format!(
            "while a stranger's message is answered less often than {b} (at {b} the chain stops clearly winning on {} of the networks where it won)",
            breaks.iter().filter(|&&x| x <= b).count()
        ),
    };
    let load = format!(
        "{} requests per person per step, Hill half {} exponent {}",
        plan.rate_per_person, plan.hill[0], plan.hill[1]
    );
    let surely = if n > 0 && sure == n && sure_tired == n {
        format!("**More surely: holds** on all {n} networks with and without fatigue, {caveat}")
    } else if 10 * sure >= 9 * n && 2 * sure_tired <= n {
        format!(
            "**More surely: holds without fatigue, not under it.** At the default cold answer rate ({}) the chain is clearly surer on {sure} of {n} networks without fatigue, {caveat}; under fatigue ({load}) on only {sure_tired} of {n}, and the cold contact is clearly surer on {against}: chains tire the brokers they all pass through",
            plan.cold_rates[0]
        )
    } else if 10 * sure >= 9 * n {
        format!(
            "**More surely: holds on most networks.** At the default cold answer rate ({}) the chain is clearly surer on {sure} of {n} networks without fatigue and {sure_tired} under fatigue ({load}); the cold contact is clearly surer on {against}",
            plan.cold_rates[0]
        )
    } else if against > sure {
        format!(
            "**More surely: does not hold**: the chain is clearly surer on {sure} of {n} networks without fatigue and {sure_tired} with it, and clearly less sure on {against}"
        )
    } else {
        format!(
            "**More surely: the data cannot tell**: the chain is clearly surer on {sure} of {n} networks without fatigue and {sure_tired} with it, clearly less sure on {against}; elsewhere the intervals overlap"
        )
    };
    let _ = write!(v, "{surely}. ");
    let _ = write!(
        v,
        "**Faster: {}**: a completed chain beats the cold message's one step on {faster_single} of {n} networks; counting the attempts a sender needs (steps per success), the chain is faster on {faster_retry} of {n}. ",
        if faster_single == n {
            "holds"
        } else if 2 * faster_retry > n {
            "holds only when the cold contact's retries are counted"
        } else {
            "does not hold"
        }
    );
    let _ = write!(
        v,
        "**Load: recommendation costs the busiest people more** on {} of {n} networks: the most loaded person receives more requests per 100 routed under chains than under cold contacts (chains pass through brokers; a cold message loads only its target).",
        n - lighter
    );
    v
}

fn best_cell(b: Option<mix::Best>) -> String {
    match b {
        None => "–".to_owned(),
        Some(b) if b.beats_ends => format!("**{}** (interior, beats both ends)", b.mix),
        Some(b) if b.flat => format!("{} (flat)", b.mix),
        Some(b) if b.interior => format!("{} (interior)", b.mix),
        Some(b) => format!("{}", b.mix),
    }
}

fn claim7(
    w: &mut String,
    charts: &mut Vec<(String, String)>,
    plan: &Plan,
    real: &[Studied],
    drawn: &[Studied],
) {
    let _ = writeln!(w, "## Claim 7: keep a balanced model; platforms decline and vanish\n");
    let _ = writeln!(
        w,
        "The balance sweep moves each person's effort from all-digital (mix 0) to all-physical (mix \
         1) and measures a campaign's reach and the referrals delivered per step, under four \
         assumptions: effort acting linearly or with diminishing returns, and one inbox or two \
         (physical and digital requests tiring people apart). Then the largest digital platform \
         declines and vanishes, with and without a successor that takes a share of its ties, and \
         we ask which mix is best on average over the periods (robust) and in the worst period \
         (safest, maximin). *Most robust* always means the best mean over the periods, each \
         counting once (`BalanceReport::robust`, what the report's claim-7 line reads); the \
         safest is the best worst period (`BalanceReport::maximin`).\n"
    );
    let real_rows: Vec<(&str, &MixRow)> =
        real.iter().filter_map(|s| s.mix.as_ref().map(|m| (s.name.as_str(), m))).collect();
    let drawn_rows: Vec<&MixRow> = drawn.iter().filter_map(|s| s.mix.as_ref()).collect();
    for (k, measure) in MEASURES.iter().enumerate() {
        let _ = writeln!(
            w,
            "Best mix for {} (network as given):\n",
            measure.as_str().replace('_', " ")
        );
        let _ = writeln!(
            w,
            "| network | {} |",
            ASSUMPTIONS.iter().map(|a| a.name).collect::<Vec<_>>().join(" | ")
        );
        let _ = writeln!(w, "|---|{}", "---|".repeat(ASSUMPTIONS.len()));
        for (name, row) in &real_rows {
            let cells: Vec<String> =
                (0..ASSUMPTIONS.len()).map(|a| best_cell(row.best[a][k])).collect();
            let _ = writeln!(w, "| {name} | {} |", cells.join(" | "));
        }
        if !drawn_rows.is_empty() {
            let cells: Vec<String> = (0..ASSUMPTIONS.len())
                .map(|a| {
                    let mixes: Vec<f64> =
                        drawn_rows.iter().filter_map(|r| r.best[a][k].map(|b| b.mix)).collect();
                    format!(
                        "{}; balanced in {}",
                        spread_num(spread(&mixes)),
                        pct(share(
                            drawn_rows.iter().map(|r| r.best[a][k].is_some_and(|b| b.beats_ends))
                        ))
                    )
                })
                .collect();
            let _ = writeln!(
                w,
                "| generated, {} draws: median (10–90%) | {} |",
                drawn_rows.len(),
                cells.join(" | ")
            );
        }
        let _ = writeln!(w);
    }
    decline_table(w, &real_rows, &drawn_rows);
    charts.push(balance_chart(&real_rows, &drawn_rows));
    let _ = writeln!(w, "\n![Claim 7](claims/balance.svg)\n");
    let all: Vec<MixRow> = real_rows
        .iter()
        .map(|(_, r)| (*r).clone())
        .chain(drawn_rows.iter().map(|r| (*r).clone()))
        .collect();
    let _ = writeln!(w, "**Verdict.** {}\n", claim7_verdict(plan, &all));
}

/// Claim 7's verdict in words, from the numbers.
fn claim7_verdict(plan: &Plan, rows: &[MixRow]) -> String {
    let n = rows.len();
    let mut v = String::new();
    if plan.mixes.len() < 3 {
        return "The sweep has no interior mix: the data cannot tell.".to_owned();
    }
    for (k, measure) in MEASURES.iter().enumerate() {
        let counts: Vec<usize> =
            (0..ASSUMPTIONS.len()).map(|a| mix::balanced(rows, a, k)).collect();
        let listed = ASSUMPTIONS
            .iter()
            .zip(&counts)
            .map(|(a, c)| format!("{c} of {n} under {}", a.name))
            .collect::<Vec<_>>()
            .join(", ");
        let (effort, inboxes) = mix::effects(rows, k);
        let ([e1, e2], [i1, i2]) = mix::effect_parts(rows, k);
        // Each effect is counted once per value of the other assumption, then summed.
        let effort_moves = format!(
            "switching the effort response moves the count by {e1} with one inbox and {e2} with two ({effort} summed)"
        );
        let inbox_moves = format!(
            "splitting the inboxes moves it by {i1} under linear and {i2} under diminishing effort ({inboxes} summed)"
        );
        let decides = if effort == 0 && inboxes == 0 {
            "neither assumption changes the count".to_owned()
        } else if effort >= inboxes {
            format!("the effort response decides it ({effort_moves}; {inbox_moves})")
        } else {
            format!("the number of inboxes decides it ({inbox_moves}; {effort_moves})")
        };
        let holding: Vec<&str> = ASSUMPTIONS
            .iter()
            .zip(&counts)
            .filter(|(_, c)| 2 * **c > n)
            .map(|(a, _)| a.name)
            .collect();
        let some: Vec<&str> =
            ASSUMPTIONS.iter().zip(&counts).filter(|(_, c)| **c > 0).map(|(a, _)| a.name).collect();
        let word = if holding.len() == ASSUMPTIONS.len() {
            "holds".to_owned()
        } else if !holding.is_empty() {
            format!("holds on most networks under {} only", holding.join(" and "))
        } else if some.len() == ASSUMPTIONS.len() {
            "does not hold on most networks (a few under every assumption)".to_owned()
        } else if !some.is_empty() {
            format!("does not hold on most networks (a few under {})", some.join(" and "))
        } else {
            "does not hold (an end of the sweep, or no clear difference, on every network)"
                .to_owned()
        };
        let _ = write!(
            v,
            "**A balanced mix for {}: {word}.** An interior mix beats both ends on {listed}; {decides}. ",
            measure.as_str().replace('_', " ")
        );
    }
    let (p, e) = (0.1_f64, 2.0_f64);
    let reach_effect = mix::effects(rows, 0).0;
    let _ = write!(
        v,
        "{}: with the campaign's p = {p} and effort {e}, an all-physical tie's chance is {:.3} under linear effort and {:.3} under diminishing returns, nearly the same curve. ",
        if reach_effect == 0 {
            "Why the effort response changes nothing here"
        } else {
            "How far apart the two effort responses are"
        },
        (p * e).min(1.0),
        1.0 - (1.0 - p).powf(e)
    );
    for (k, measure) in MEASURES.iter().enumerate() {
        let with: Vec<_> =
            rows.iter().filter_map(|r| r.decline[0][k].zip(r.decline[1][k])).collect();
        let m = with.len();
        let more_physical = with.iter().filter(|(a, _)| a.robust > a.initial).count();
        let safer_physical = with.iter().filter(|(a, _)| a.safest > a.initial).count();
        let successor_back = with.iter().filter(|(a, b)| b.robust < a.robust).count();
        let _ = write!(
            v,
            "Decline, {}: the robust mix is more physical than the best at period 0 on {more_physical} of {m} networks, the safest on {safer_physical}; a successor that takes {}% of the lost ties moves the robust mix back toward digital on {successor_back} of {m}. ",
            measure.as_str().replace('_', " "),
            100.0 * plan.decline.2
        );
    }
    v
}

fn claim2(
    w: &mut String,
    charts: &mut Vec<(String, String)>,
    plan: &Plan,
    real: &[Studied],
    drawn: &[Studied],
) {
    let _ = writeln!(w, "## Claim 2: physical acquaintance networks stay the most effective\n");
    let _ = writeln!(
        w,
        "Each kind of layer is kept alone (same people) and carries campaigns (independent \
         cascade, p = 0.1, from {} sources drawn once, one at a time, {} runs each) and the same \
         greedy referral requests; the answer is read per 100 ties of the kind, and again with the \
         larger kind cut to the smaller one's tie count by a seeded uniform subsample, so that the \
         answer is not the tie count (`balance::compare_kinds`; the report's claim-2 line runs \
         the same comparison on the network it is given).\n",
        plan.sources.0, plan.sources.1
    );
    let _ = writeln!(
        w,
        "| network | ties: physical / digital | spread per 100 ties: physical / digital | referral success per 100 ties (points): physical / digital | equal ties | spread at equal ties: physical / digital | success at equal ties: physical / digital | winner at equal ties: spread / referrals |"
    );
    let _ = writeln!(w, "|---|---|---|---|---:|---|---|---|");
    let iv = |x: f64, ci: [f64; 2], percent: bool| {
        if percent {
            format!("{} ({}–{})", pct(x), pct(ci[0]), pct(ci[1]))
        } else {
            format!("{x:.2} ({:.2}–{:.2})", ci[0], ci[1])
        }
    };
    let name = |x: Winner| match x {
        Winner::Physical => "physical",
        Winner::Digital => "digital",
        Winner::Neither => "neither",
    };
    for r in real {
        let Some(k) = &r.kinds else { continue };
        let [p, d] = k.all;
        let [pe, de] = k.equal;
        let _ = writeln!(
            w,
            "| {} | {} / {} | {:.2} / {:.2} | {:.2} / {:.2} | {} | {} / {} | {} / {} | {} / {} |",
            r.name,
            p.ties,
            d.ties,
            p.spread_per_100_ties(),
            d.spread_per_100_ties(),
            p.success_per_100_ties(),
            d.success_per_100_ties(),
            pe.ties,
            iv(pe.spread, pe.spread_ci, false),
            iv(de.spread, de.spread_ci, false),
            iv(pe.success, pe.success_ci, true),
            iv(de.success, de.success_ci, true),
            name(winner(pe.spread_ci, de.spread_ci)),
            name(winner(pe.success_ci, de.success_ci))
        );
    }
    let rows: Vec<&KindRow> = drawn.iter().filter_map(|d| d.kinds.as_ref()).collect();
    if !rows.is_empty() {
        let s = |f: &dyn Fn(&KindRow) -> f64| {
            spread_num(spread(&rows.iter().map(|r| f(r)).collect::<Vec<_>>()))
        };
        let sp = |f: &dyn Fn(&KindRow) -> f64| {
            spread_pct(spread(&rows.iter().map(|r| f(r)).collect::<Vec<_>>()))
        };
        let physical_wins = |f: &dyn Fn(&KindOutcome) -> [f64; 2]| {
            pct(share(
                rows.iter().map(|r| winner(f(&r.equal[0]), f(&r.equal[1])) == Winner::Physical),
            ))
        };
        let _ = writeln!(
            w,
            "| generated, {} draws: median (10–90%) | {} / {} | {} / {} | {} / {} | {} | {} / {} | {} / {} | physical in {} / {} of draws |",
            rows.len(),
            s(&|r| r.all[0].ties as f64),
            s(&|r| r.all[1].ties as f64),
            s(&|r| r.all[0].spread_per_100_ties()),
            s(&|r| r.all[1].spread_per_100_ties()),
            s(&|r| r.all[0].success_per_100_ties()),
            s(&|r| r.all[1].success_per_100_ties()),
            s(&|r| r.equal[0].ties as f64),
            s(&|r| r.equal[0].spread),
            s(&|r| r.equal[1].spread),
            sp(&|r| r.equal[0].success),
            sp(&|r| r.equal[1].success),
            physical_wins(&|o| o.spread_ci),
            physical_wins(&|o| o.success_ci)
        );
    }
    charts.push(kinds_chart(real, &rows));
    let _ = writeln!(w, "\n![Claim 2](claims/kinds.svg)\n");
    let all: Vec<&KindRow> = real.iter().chain(drawn).filter_map(|s| s.kinds.as_ref()).collect();
    let _ = writeln!(w, "**Verdict.** {}\n", claim2_verdict(&all));
}

/// Claim 2's verdict in words, from the numbers.
fn claim2_verdict(rows: &[&KindRow]) -> String {
    type Pick = fn(&KindOutcome) -> [f64; 2];
    type PerTie = fn(&KindOutcome) -> f64;
    let n = rows.len();
    let mut v = String::new();
    let what: [(&str, Pick, PerTie); 2] = [
        ("Campaign spread", |o| o.spread_ci, KindOutcome::spread_per_100_ties),
        ("Referral success", |o| o.success_ci, KindOutcome::success_per_100_ties),
    ];
    for (label, ci, per_tie) in what {
        let count = |x: Winner| {
            rows.iter().filter(|r| winner(ci(&r.equal[0]), ci(&r.equal[1])) == x).count()
        };
        let (p, d) = (count(Winner::Physical), count(Winner::Digital));
        let per = rows.iter().filter(|r| per_tie(&r.all[0]) > per_tie(&r.all[1])).count();
        let word = if 2 * p > n && d == 0 {
            "holds"
        } else if 2 * p > n {
            "holds on most networks"
        } else if 2 * d > n {
            "does not hold (digital ties do better)"
        } else if p > d {
            "the data cannot tell on most networks; where it can, physical ties win"
        } else if d > p {
            "the data cannot tell on most networks; where it can, digital ties win"
        } else {
            "the data cannot tell"
        };
        let _ = write!(
            v,
            "**{label}, tie for tie: {word}.** At equal tie counts physical ties carry clearly more on {p} of {n} networks and digital ties on {d}; per 100 ties as given, physical ties carry more on {per} of {n}. "
        );
    }
    v
}

/// Claim 1's chart: success with intervals.
fn cold_chart(real: &[Studied], drawn: &[Studied]) -> (String, String) {
    // The chart: success with intervals.
    let dot = |o: &Outcome| Some(Dot { value: o.success, low: o.ci[0], high: o.ci[1] });
    let mut rows: Vec<(String, Vec<Option<Dot>>)> = real
        .iter()
        .map(|r| {
            let c = &r.cold;
            (
                r.name.clone(),
                vec![dot(&c.chain), dot(&c.cold[0]), dot(&c.chain_tired), dot(&c.cold_tired[0])],
            )
        })
        .collect();
    if !drawn.is_empty() {
        let sd = |f: &dyn Fn(&ColdRow) -> f64| {
            let s = spread(&of(drawn, |d| f(&d.cold)));
            Some(Dot { value: s.median, low: s.low, high: s.high })
        };
        rows.push((
            format!("generated ({} draws)", drawn.len()),
            vec![
                sd(&|c| c.chain.success),
                sd(&|c| c.cold[0].success),
                sd(&|c| c.chain_tired.success),
                sd(&|c| c.cold_tired[0].success),
            ],
        ));
    }
    (
        "cold.svg".to_owned(),
        dot_plot(
            "Claim 1: success of recommendation chains and cold contacts",
            "success rate (95% interval; generated: median and 10–90% of draws)",
            &["chain", "cold", "chain, fatigue", "cold, fatigue"],
            &rows,
            [0.0, 1.0],
        ),
    )
}

/// Claim 7's chart: the best reach mix per assumption.
fn balance_chart(real_rows: &[(&str, &MixRow)], drawn_rows: &[&MixRow]) -> (String, String) {
    // The chart: best reach mix per assumption.
    let mut rows: Vec<(String, Vec<Option<Dot>>)> = real_rows
        .iter()
        .map(|(name, row)| {
            (
                (*name).to_owned(),
                (0..ASSUMPTIONS.len())
                    .map(|a| row.best[a][0].map(|b| Dot { value: b.mix, low: b.mix, high: b.mix }))
                    .collect(),
            )
        })
        .collect();
    if !drawn_rows.is_empty() {
        rows.push((
            format!("generated ({} draws)", drawn_rows.len()),
            (0..ASSUMPTIONS.len())
                .map(|a| {
                    let s = spread(
                        &drawn_rows
                            .iter()
                            .filter_map(|r| r.best[a][0].map(|b| b.mix))
                            .collect::<Vec<_>>(),
                    );
                    (!s.median.is_nan()).then_some(Dot {
                        value: s.median,
                        low: s.low,
                        high: s.high,
                    })
                })
                .collect(),
        ));
    }
    let names: Vec<&str> = ASSUMPTIONS.iter().map(|a| a.name).collect();
    (
        "balance.svg".to_owned(),
        dot_plot(
            "Claim 7: the best mix for reach under each assumption",
            "share of effort on physical ties (generated: median and 10–90% of draws)",
            &names,
            &rows,
            [0.0, 1.0],
        ),
    )
}

/// Claim 2's chart: referral success at equal tie counts.
fn kinds_chart(real: &[Studied], rows: &[&KindRow]) -> (String, String) {
    let dot = |o: &KindOutcome| {
        Some(Dot { value: o.success, low: o.success_ci[0], high: o.success_ci[1] })
    };
    let mut chart_rows: Vec<(String, Vec<Option<Dot>>)> = real
        .iter()
        .filter_map(|r| {
            r.kinds.as_ref().map(|k| (r.name.clone(), vec![dot(&k.equal[0]), dot(&k.equal[1])]))
        })
        .collect();
    if !rows.is_empty() {
        let sd = |i: usize| {
            let s = spread(&rows.iter().map(|r| r.equal[i].success).collect::<Vec<_>>());
            Some(Dot { value: s.median, low: s.low, high: s.high })
        };
        chart_rows.push((format!("generated ({} draws)", rows.len()), vec![sd(0), sd(1)]));
    }
    (
        "kinds.svg".to_owned(),
        dot_plot(
            "Claim 2: referral success on one kind of tie, equal tie counts",
            "success rate (95% interval; generated: median and 10–90% of draws)",
            &["physical ties only", "digital ties only"],
            &chart_rows,
            [0.0, 1.0],
        ),
    )
}

/// Claim 7's table under decline.
fn decline_table(w: &mut String, real_rows: &[(&str, &MixRow)], drawn_rows: &[&MixRow]) {
    let _ = writeln!(
        w,
        "Under decline (\"{}\"): best mix at period 0 → robust (best mean) / safest (best worst period):\n",
        mix::DECLINE_UNDER.name
    );
    let _ = writeln!(
        w,
        "| network | declining → successor | reach, no successor | reach, successor | throughput, no successor | throughput, successor |"
    );
    let _ = writeln!(w, "|---|---|---|---|---|---|");
    let cell = |d: Option<mix::UnderDecline>| {
        d.map_or("–".to_owned(), |d| format!("{} → {} / {}", d.initial, d.robust, d.safest))
    };
    for (name, row) in real_rows {
        let _ = writeln!(
            w,
            "| {name} | {} → {} | {} | {} | {} | {} |",
            row.declining,
            row.successor,
            cell(row.decline[0][0]),
            cell(row.decline[1][0]),
            cell(row.decline[0][1]),
            cell(row.decline[1][1])
        );
    }
    if !drawn_rows.is_empty() {
        let robust = |with: usize, k: usize| {
            spread_num(spread(
                &drawn_rows
                    .iter()
                    .filter_map(|r| r.decline[with][k].map(|d| d.robust))
                    .collect::<Vec<_>>(),
            ))
        };
        let _ = writeln!(
            w,
            "| generated, {} draws: robust mix, median (10–90%) | linkedin → twitter | {} | {} | {} | {} |",
            drawn_rows.len(),
            robust(0, 0),
            robust(1, 0),
            robust(0, 1),
            robust(1, 1)
        );
    }
}

fn claim6(
    w: &mut String,
    charts: &mut Vec<(String, String)>,
    plan: &Plan,
    real: &[Studied],
    drawn: &[Studied],
) {
    let curves = grid(plan.hill[2]);
    let _ = writeln!(w, "## Claim 6: recommendation fatigue makes referrals collapse under load\n");
    let _ = writeln!(
        w,
        "On every network, random greedy requests arrive at {} requests per person per step ({} \
         steps each, the first half warming the loads up), under each fatigue curve of a grid (Hill \
         curves by half-willingness load and exponent, and hard capacities, every load decaying \
         with a half-life of {} steps). We read the load curve's features: an interior throughput \
         peak, a collapse (throughput below half the peak at a higher rate), the peak's rate, and \
         the *halving rate*: the request rate at which the success rate falls to half its value \
         at the lightest load (interpolated in log rate between the two rates around it).\n",
        plan.curve_rates.0.iter().map(|r| format!("{r}")).collect::<Vec<_>>().join(", "),
        plan.curve_rates.1,
        plan.hill[2]
    );
    let _ = writeln!(
        w,
        "| fatigue curve | interior peak: real / draws | collapse: real / draws | peak rate per person: real, median (10–90%) | draws, median (10–90%) | halving rate per person: real, median (10–90%) | draws, median (10–90%) | success never halves: real / draws |"
    );
    let _ = writeln!(w, "|---|---|---|---|---|---|---|---|");
    let count = |rows: &[Studied], c: usize, f: &dyn Fn(&crate::tired::Shape) -> bool| {
        rows.iter().filter(|r| f(&r.tired[c])).count()
    };
    let mut chart_rows = Vec::new();
    for (c, curve) in curves.iter().enumerate() {
        let peaks = |rows: &[Studied]| spread(&of(rows, |r| r.tired[c].peak_per_person));
        let halves = |rows: &[Studied]| {
            spread(&of(rows, |r| r.tired[c].halving_per_person.unwrap_or(f64::NAN)))
        };
        let _ = writeln!(
            w,
            "| {} | {} of {} / {} | {} of {} / {} | {} | {} | {} | {} | {} of {} / {} |",
            curve.name,
            count(real, c, &|s| s.interior_peak),
            real.len(),
            pct(share(drawn.iter().map(|r| r.tired[c].interior_peak))),
            count(real, c, &|s| s.collapse),
            real.len(),
            pct(share(drawn.iter().map(|r| r.tired[c].collapse))),
            spread_rate(peaks(real)),
            spread_rate(peaks(drawn)),
            spread_rate(halves(real)),
            spread_rate(halves(drawn)),
            count(real, c, &|s| s.halving_per_person.is_none()),
            real.len(),
            pct(share(drawn.iter().map(|r| r.tired[c].halving_per_person.is_none())))
        );
        let dot = |s: Spread| {
            (!s.median.is_nan()).then(|| Dot {
                value: s.median.log10(),
                low: s.low.log10(),
                high: s.high.log10(),
            })
        };
        chart_rows.push((curve.name.to_owned(), vec![dot(peaks(real)), dot(peaks(drawn))]));
    }
    let lo = plan.curve_rates.0.first().copied().unwrap_or(0.01).log10();
    let hi = plan.curve_rates.0.last().copied().unwrap_or(1.0).log10();
    charts.push((
        "fatigue.svg".to_owned(),
        dot_plot(
            "Claim 6: where throughput peaks, under each fatigue curve",
            "log10 of the peak's requests per person per step (median and 10–90% of networks)",
            &["real networks", "generated draws"],
            &chart_rows,
            [lo, hi],
        ),
    ));
    let _ = writeln!(w, "\n![Claim 6](claims/fatigue.svg)\n");
    let _ = writeln!(w, "**Verdict.** {}\n", claim6_verdict(plan, real, drawn));
}

fn spread_rate(s: Spread) -> String {
    if s.median.is_nan() {
        "–".to_owned()
    } else {
        format!("{:.3} ({:.3}–{:.3})", s.median, s.low, s.high)
    }
}

/// Claim 6's verdict in words, from the numbers.
fn claim6_verdict(plan: &Plan, real: &[Studied], drawn: &[Studied]) -> String {
    let all: Vec<&Studied> = real.iter().chain(drawn).collect();
    let curves = grid(plan.hill[2]);
    let shares = |f: &dyn Fn(&crate::tired::Shape) -> bool| -> Vec<f64> {
        (0..curves.len()).map(|c| share(all.iter().map(|r| f(&r.tired[c])))).collect()
    };
    let describe = |label: &str, s: &[f64]| {
        let range = format!(
            "{} to {} of the {} networks depending on the curve",
            pct(s.iter().copied().fold(1.0, f64::min)),
            pct(s.iter().copied().fold(0.0, f64::max)),
            all.len()
        );
        match robustness(s) {
            Robustness::Robust => format!("**{label}: robust** (under every curve; {range})"),
            Robustness::Absent => format!("**{label}: absent** under every curve ({range})"),
            Robustness::FollowsFromTheCurve => {
                format!("**{label}: follows from the curve chosen** ({range})")
            }
        }
    };
    let medians: Vec<f64> = (0..curves.len())
        .map(|c| spread(&all.iter().map(|r| r.tired[c].peak_per_person).collect::<Vec<_>>()).median)
        .collect();
    let (lo, hi) = (
        medians.iter().copied().fold(f64::INFINITY, f64::min),
        medians.iter().copied().fold(0.0, f64::max),
    );
    let fold = if lo > 0.0 { hi / lo } else { f64::INFINITY };
    // The halving rate's median per curve (over the networks where success halves).
    let halving: Vec<f64> = (0..curves.len())
        .map(|c| {
            spread(
                &all.iter()
                    .map(|r| r.tired[c].halving_per_person.unwrap_or(f64::NAN))
                    .collect::<Vec<_>>(),
            )
            .median
        })
        .filter(|m| !m.is_nan())
        .collect();
    let (h_lo, h_hi) = (
        halving.iter().copied().fold(f64::INFINITY, f64::min),
        halving.iter().copied().fold(0.0, f64::max),
    );
    let h_fold = if h_lo > 0.0 { h_hi / h_lo } else { f64::INFINITY };
    let halves =
        describe("Success halving within the range", &shares(&|s| s.halving_per_person.is_some()));
    let where_halves = if halving.is_empty() {
        "success never halves within the range".to_owned()
    } else {
        format!(
            "**where success halves: {}**: its median rate ranges from {h_lo:.3} to {h_hi:.3} requests per person per step across the grid ({h_fold:.1}-fold)",
            if h_fold >= 2.0 {
                "follows from the curve chosen"
            } else {
                "robust (within a factor of 2)"
            }
        )
    };
    format!(
        "{}. {}. **Where the peak lies: {}**: its median rate ranges from {lo:.3} to {hi:.3} requests per person per step across the grid ({fold:.1}-fold). {halves}; {where_halves}.",
        describe("An interior throughput peak", &shares(&|s| s.interior_peak)),
        describe("A collapse past the peak", &shares(&|s| s.collapse)),
        if fold >= 2.0 { "follows from the curve chosen" } else { "robust (within a factor of 2)" }
    )
}

fn claim5(
    w: &mut String,
    charts: &mut Vec<(String, String)>,
    plan: &Plan,
    real: &[Studied],
    drawn: &[Studied],
) {
    claim5_intro(w, plan);
    let (shares, _, _, _, wrong) = &plan.shadow;
    let header: Vec<String> =
        shares.iter().map(|x| format!("share {x}: error / overlap / efficiency")).collect();
    let _ = writeln!(w, "| network | shadow layer (ties) | {} |", header.join(" | "));
    let _ = writeln!(w, "|---|---|{}", "---|".repeat(shares.len()));
    let cell = |p: &crate::shadow::ShadowPoint| {
        format!("{} / {} / {}", pct(p.spread_error), pct(p.overlap), pct(p.relay_efficiency))
    };
    for r in real {
        let Some((layer, points)) = &r.shadow else { continue };
        let ties = points.last().map_or(0, |p| p.ties);
        let cells: Vec<String> = points.iter().map(cell).collect();
        let _ = writeln!(w, "| {} | {layer} ({ties}) | {} |", r.name, cells.join(" | "));
    }
    let rows: Vec<&Vec<crate::shadow::ShadowPoint>> =
        drawn.iter().filter_map(|d| d.shadow.as_ref().map(|s| &s.1)).collect();
    if !rows.is_empty() {
        let cells: Vec<String> = (0..shares.len())
            .map(|i| {
                let m = |f: &dyn Fn(&crate::shadow::ShadowPoint) -> f64| {
                    spread_pct(spread(&rows.iter().map(|r| f(&r[i])).collect::<Vec<_>>()))
                };
                format!(
                    "{} / {} / {}",
                    m(&|p| p.spread_error),
                    m(&|p| p.overlap),
                    m(&|p| p.relay_efficiency)
                )
            })
            .collect();
        let layer = drawn.iter().find_map(|d| d.shadow.as_ref().map(|s| s.0.as_str()));
        let _ = writeln!(
            w,
            "| generated, {} draws: median (10–90%) | {} | {} |",
            rows.len(),
            layer.unwrap_or("-"),
            cells.join(" | ")
        );
    }
    let mut chart_rows: Vec<(String, Vec<Option<Dot>>)> = real
        .iter()
        .filter_map(|r| {
            r.shadow.as_ref().map(|(_, pts)| {
                (
                    r.name.clone(),
                    pts.iter()
                        .map(|p| {
                            Some(Dot {
                                value: p.spread_error,
                                low: p.spread_error,
                                high: p.spread_error,
                            })
                        })
                        .collect(),
                )
            })
        })
        .collect();
    if !rows.is_empty() {
        chart_rows.push((
            format!("generated ({} draws)", rows.len()),
            (0..shares.len())
                .map(|i| {
                    let s = spread(&rows.iter().map(|r| r[i].spread_error).collect::<Vec<_>>());
                    Some(Dot { value: s.median, low: s.low, high: s.high })
                })
                .collect(),
        ));
    }
    let top =
        chart_rows.iter().flat_map(|(_, d)| d.iter().flatten().map(|d| d.high)).fold(0.1, f64::max);
    let names: Vec<String> = shares.iter().map(|x| format!("shadow share {x}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    charts.push((
        "shadow.svg".to_owned(),
        dot_plot(
            "Claim 5: error of spread predictions that ignore the shadow layer",
            "mean relative error of the predicted spread (generated: median and 10–90% of draws)",
            &names,
            &chart_rows,
            [0.0, top.ceil().max(1.0)],
        ),
    ));
    let _ = writeln!(w, "\n![Claim 5](claims/shadow.svg)\n");
    let all: Vec<&Vec<crate::shadow::ShadowPoint>> =
        real.iter().chain(drawn).filter_map(|d| d.shadow.as_ref().map(|s| &s.1)).collect();
    let _ = writeln!(w, "**Verdict.** {}\n", claim5_verdict(*wrong, &all));
}

/// Claim 5's verdict in words, from the numbers.
fn claim5_verdict(wrong: f64, rows: &[&Vec<crate::shadow::ShadowPoint>]) -> String {
    let n = rows.len();
    let Some(last) = rows.first().map(|r| r.len() - 1) else {
        return "No network has a shadow layer: the data cannot tell.".to_owned();
    };
    let full = |f: &dyn Fn(&crate::shadow::ShadowPoint) -> f64| {
        spread(&rows.iter().map(|r| f(&r[last])).collect::<Vec<_>>())
    };
    let error = full(&|p| p.spread_error);
    let overlap = full(&|p| p.overlap);
    let efficiency = full(&|p| p.relay_efficiency);
    let off = rows.iter().filter(|r| r[last].spread_error > wrong).count();
    let growing = rows
        .iter()
        .filter(|r| r.windows(2).all(|w| w[1].spread_error >= w[0].spread_error))
        .count();
    let zero = rows.iter().all(|r| r[0].ties > 0 || r[0].spread_error == 0.0);
    let word = if 2 * off > n {
        "holds"
    } else if off > 0 {
        "holds on some networks only"
    } else {
        "does not hold"
    };
    format!(
        "**Spread predictions: {word}.** Ignoring the whole shadow layer, the predicted spread is off by more than {} on {off} of {n} networks (median error {}, 10–90% {}–{}); the error grows with the shadow's size on {growing} of {n}{}. **Relay choices:** the relays chosen on the visible network share a median {} with those chosen on the truth and reach a median {} of the best relays' true spread.",
        pct(wrong),
        pct(error.median),
        pct(error.low),
        pct(error.high),
        if zero { ", and a shadow of size 0 changes nothing" } else { "" },
        pct(overlap.median),
        pct(efficiency.median)
    )
}

/// Claim 5's title and the experiment in words.
fn claim5_intro(w: &mut String, plan: &Plan) {
    let (shares, sources, runs, k, _) = &plan.shadow;
    let _ = writeln!(
        w,
        "## Claim 5: lobbies act in the shadow; the visible network is the tip of the iceberg\n"
    );
    let _ = writeln!(
        w,
        "On the real networks the largest physical layer is the shadow; on the generated draws \
         it is a lobbying layer: {} lobbies (people of kind organisation, {} per person, chosen \
         by hand) each tied to {} people drawn in proportion to their ties, on a shadow layer of \
         their own beside the draw's layers (the generator's `lobbies`). The shadow takes part \
         in the cascades (the truth, with a uniform share {} of its ties) but the analyst sees \
         only the other layers and predicts there. We measure the error of the predicted spread from {sources} single sources \
         ({runs} runs each), how many of the {k} relays chosen by IMM on the visible network are \
         those chosen on the truth, and how much of the best relays' true spread the visible \
         choice reaches.\n",
        crate::networks::lobbies(plan.people),
        crate::networks::LOBBIES_PER_PERSON,
        reseau::generators::ProfessionalOptions::default().lobby_ties,
        shares.iter().map(|x| format!("{x}")).collect::<Vec<_>>().join(", ")
    );
}
