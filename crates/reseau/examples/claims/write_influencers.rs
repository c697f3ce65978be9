//! `docs/claims.md`'s claim 3 section: influencers' reach per unit of cost, its table, chart
//! and verdict.

use std::fmt::Write as _;

use crate::chart::{Dot, dot_plot};
use crate::influencers::{CheapRow, CheapVerdict, Side, compared, verdict};
use crate::spread::spread;
use crate::{Plan, Studied};

fn highest_win(row: &CheapRow, m: usize, costs: &[f64], physical: bool) -> Option<f64> {
    (0..costs.len())
        .filter(|&c| compared(&row.points[m], c, physical) == Side::Influencers)
        .map(|c| costs[c])
        .max_by(f64::total_cmp)
}

fn cost_text(x: Option<f64>) -> String {
    x.map_or_else(|| "none".to_owned(), |c| format!("{c}"))
}

/// The section.
pub(crate) fn claim3(
    w: &mut String,
    charts: &mut Vec<(String, String)>,
    plan: &Plan,
    real: &[Studied],
    drawn: &[Studied],
) {
    let s = plan.cheap();
    let costs = &s.costs;
    let join = |v: &[f64]| v.iter().map(|c| format!("{c}")).collect::<Vec<_>>().join(" / ");
    let _ =
        writeln!(w, "## Claim 3: influencers are a precious and relatively inexpensive relay\n");
    let _ = writeln!(
        w,
        "**Who is an influencer (an assumption).** On every network, the {:.0}% of people (at \
         least one) with the most ties on digital layers, both directions counted (the \
         generator's own rule, at this share for all networks alike); everyone else is an \
         ordinary person costing 1.\n",
        100.0 * s.share
    );
    let _ = writeln!(
        w,
        "**The experiment.** One budget of {} (an ordinary person costs 1) buys the best relays \
         (IMM within the budget; independent cascade, p = 0.1) of one kind: influencers only, \
         costing {} each; ordinary people only, on the whole network; or *physical relays*: \
         ordinary people chosen on the physical layers alone, whose message travels by word of \
         mouth only (their reach is counted on the physical layers). Each choice's reach is the \
         people it reaches beyond the relays ({} evaluation runs, 95% Monte Carlo interval), per \
         unit of the budget: every choice gets the same money, so this ranks what the money buys \
         (a choice that stops early, its next relay adding nothing, is not rewarded for the \
         money it leaves). IMM runs with ε = {} (a looser guarantee than the default 0.1, for \
         speed: the choices are compared by their own evaluation). Influencers pass messages on their digital layers with the \
         cascade's influencer multiplier ({}: 1 is no amplification). Finally, a free budgeted \
         choice among everyone says what share of the budget the best mix spends on \
         influencers.\n",
        s.budget,
        join(costs),
        s.runs,
        crate::influencers::EPSILON,
        join(&s.multipliers)
    );
    let m_last = s.multipliers.len().saturating_sub(1);
    let _ = writeln!(
        w,
        "| network | influencers | reach per unit of budget: ordinary | physical relays | influencers at cost {c} | influencers ×{m} at cost {c} | highest cost at which influencers clearly beat ordinary: ×1 / ×{m} | beat physical relays: ×1 / ×{m} | share of the budget a free choice spends on influencers, cost {c} |",
        c = join(costs),
        m = s.multipliers[m_last]
    );
    let _ = writeln!(w, "|---|---:|---|---|---|---|---|---|---|");
    let iv = |x: f64, ci: [f64; 2]| format!("{x:.2} ({:.2}–{:.2})", ci[0], ci[1]);
    let per = |row: &CheapRow, m: usize| {
        row.points[m]
            .influencers
            .iter()
            .map(|r| format!("{:.2}", r.per_cost))
            .collect::<Vec<_>>()
            .join(" / ")
    };
    let spent = |row: &CheapRow| {
        row.points[0]
            .influencer_spend
            .iter()
            .map(|x| format!("{:.0}%", 100.0 * x))
            .collect::<Vec<_>>()
            .join(" / ")
    };
    for r in real {
        let Some(row) = &r.cheap else { continue };
        let p = &row.points[0];
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} | {} / {} | {} / {} | {} |",
            r.name,
            row.influencers,
            iv(p.ordinary.per_cost, p.ordinary.ci),
            iv(p.physical.per_cost, p.physical.ci),
            per(row, 0),
            per(row, m_last),
            cost_text(highest_win(row, 0, costs, false)),
            cost_text(highest_win(row, m_last, costs, false)),
            cost_text(highest_win(row, 0, costs, true)),
            cost_text(highest_win(row, m_last, costs, true)),
            spent(row)
        );
    }
    let rows: Vec<&CheapRow> = drawn.iter().filter_map(|d| d.cheap.as_ref()).collect();
    drawn_row(w, &rows, costs, m_last);
    charts.push(chart(real, &rows, costs));
    let _ = writeln!(w, "\n![Claim 3](claims/influencers.svg)\n");
    let all: Vec<&CheapRow> = real.iter().chain(drawn).filter_map(|s| s.cheap.as_ref()).collect();
    let _ = writeln!(w, "**Verdict.** {}\n", words(&all, costs));
}

/// The generated draws' row of the table: medians (10–90%) over draws.
fn drawn_row(w: &mut String, rows: &[&CheapRow], costs: &[f64], m_last: usize) {
    if !rows.is_empty() {
        let med = |f: &dyn Fn(&CheapRow) -> f64| {
            let sp = spread(&rows.iter().map(|r| f(r)).collect::<Vec<_>>());
            format!("{:.2} ({:.2}–{:.2})", sp.median, sp.low, sp.high)
        };
        let medians = |m: usize| {
            (0..costs.len())
                .map(|c| {
                    format!(
                        "{:.2}",
                        spread(
                            &rows
                                .iter()
                                .map(|r| r.points[m].influencers[c].per_cost)
                                .collect::<Vec<_>>()
                        )
                        .median
                    )
                })
                .collect::<Vec<_>>()
                .join(" / ")
        };
        let wins = |m: usize, physical: bool| {
            let hi = spread(
                &rows
                    .iter()
                    .map(|r| highest_win(r, m, costs, physical).unwrap_or(0.0))
                    .collect::<Vec<_>>(),
            );
            format!("{}", hi.median)
        };
        let spends = (0..costs.len())
            .map(|c| {
                format!(
                    "{:.0}%",
                    100.0
                        * spread(
                            &rows
                                .iter()
                                .map(|r| r.points[0].influencer_spend[c])
                                .collect::<Vec<_>>()
                        )
                        .median
                )
            })
            .collect::<Vec<_>>()
            .join(" / ");
        let _ = writeln!(
            w,
            "| generated, {} draws: median (10–90%) | {} | {} | {} | {} | {} | {} / {} | {} / {} | {} |",
            rows.len(),
            med(&|r| {
                #[allow(clippy::cast_precision_loss)]
                let k = r.influencers as f64;
                k
            }),
            med(&|r| r.points[0].ordinary.per_cost),
            med(&|r| r.points[0].physical.per_cost),
            medians(0),
            medians(m_last),
            wins(0, false),
            wins(m_last, false),
            wins(0, true),
            wins(m_last, true),
            spends
        );
        let _ = writeln!(
            w,
            "\n(Generated row: medians over draws; the highest winning cost's median counts a draw \
             where influencers never win clearly as 0.)"
        );
    }
}

/// The verdict in words, from the numbers.
fn words(rows: &[&CheapRow], costs: &[f64]) -> String {
    let n = rows.len();
    let mut v = String::new();
    for (physical, against) in [(false, "the best ordinary people"), (true, "physical relays")] {
        let count = |m: usize, c: usize, who: Side| {
            rows.iter().filter(|r| compared(&r.points[m], c, physical) == who).count()
        };
        let (first, last) = (0, costs.len() - 1);
        let word = match verdict(rows, costs, physical) {
            CheapVerdict::Holds => format!("holds, even at a cost of {}", costs[last]),
            CheapVerdict::HoldsUnder { cost, multiplier }
                if multiplier.to_bits() == 1f64.to_bits() =>
            {
                format!("holds if an influencer costs at most {cost} times an ordinary person")
            }
            CheapVerdict::HoldsUnder { cost, multiplier } => format!(
                "holds only if influencers amplify what they pass on (×{multiplier}) and cost at most {cost}"
            ),
            CheapVerdict::DoesNotHold => "does not hold".to_owned(),
            CheapVerdict::CannotTell => "the data cannot tell".to_owned(),
        };
        let _ = write!(
            v,
            "**Against {against}: {word}.** Without amplification, influencers reach clearly \
             more with the same budget on {} of {n} networks at cost {} and on {} at cost {}; clearly \
             less on {} and {}. ",
            count(0, first, Side::Influencers),
            costs[first],
            count(0, last, Side::Influencers),
            costs[last],
            count(0, first, Side::Other),
            count(0, last, Side::Other),
        );
    }
    v
}

/// The chart: reach per unit cost without amplification.
fn chart(real: &[Studied], rows: &[&CheapRow], costs: &[f64]) -> (String, String) {
    let last = costs.len() - 1;
    let dots = |row: &CheapRow| {
        let p = &row.points[0];
        let d = |r: crate::influencers::Reach| {
            Some(Dot { value: r.per_cost, low: r.ci[0], high: r.ci[1] })
        };
        vec![d(p.ordinary), d(p.physical), d(p.influencers[0]), d(p.influencers[last])]
    };
    let mut chart_rows: Vec<(String, Vec<Option<Dot>>)> =
        real.iter().filter_map(|r| r.cheap.as_ref().map(|c| (r.name.clone(), dots(c)))).collect();
    if !rows.is_empty() {
        let sd = |f: &dyn Fn(&CheapRow) -> f64| {
            let s = spread(&rows.iter().map(|r| f(r)).collect::<Vec<_>>());
            Some(Dot { value: s.median, low: s.low, high: s.high })
        };
        chart_rows.push((
            format!("generated ({} draws)", rows.len()),
            vec![
                sd(&|r| r.points[0].ordinary.per_cost),
                sd(&|r| r.points[0].physical.per_cost),
                sd(&|r| r.points[0].influencers[0].per_cost),
                sd(&|r| r.points[0].influencers[last].per_cost),
            ],
        ));
    }
    let top = chart_rows
        .iter()
        .flat_map(|(_, d)| d.iter().flatten().map(|d| d.high))
        .fold(1.0_f64, f64::max);
    let cheap = format!("influencers, cost {}", costs[0]);
    let dear = format!("influencers, cost {}", costs[last]);
    (
        "influencers.svg".to_owned(),
        dot_plot(
            "Claim 3: people reached per unit of budget",
            "people reached beyond the relays per unit of budget (95% interval; generated: median and 10–90% of draws)",
            &["ordinary people", "physical relays", &cheap, &dear],
            &chart_rows,
            [0.0, top.ceil()],
        ),
    )
}
