//! The balance sweep on the Aarhus CS network under three assumptions about attention: no
//! fatigue, one inbox shared by every layer, and a digital inbox apart from meeting time;
//! then facebook in decline. The figures of `docs/balance.md`.
//!
//! Run with `cargo run --release --example balance`.

use reseau::balance::{BalanceReport, BalanceRequest, Decline, Measure, balance};
use reseau::fatigue::Fatigue;
use reseau::referral::RouteOptions;

fn show(title: &str, report: &BalanceReport) {
    println!("\n{title}");
    println!(
        "  {:>4} {:>8} {:>11} {:>6} {:>7} {:>16}",
        "mix", "success", "throughput", "time", "reach", "referral offline"
    );
    for (i, _) in report.mixes.iter().enumerate() {
        let r = report.row(i, 0);
        println!(
            "  {:>4.1} {:>7.1}% {:>11.3} {:>6.2} {:>7.1} {:>15.0}%",
            r.mix,
            100.0 * r.success_rate,
            r.throughput,
            r.time_to_target.unwrap_or(f64::NAN),
            r.reach,
            100.0 * r.referral_offline_share
        );
    }
    for m in Measure::ALL {
        if let Some(b) = report.best(m) {
            println!(
                "  best for {:<15} mix {:.1} ({:.3}, 95% CI {:.3} to {:.3}){}{}{}",
                m.as_str(),
                b.mix,
                b.value,
                b.ci[0],
                b.ci[1],
                if b.interior { ", interior" } else { ", at an end" },
                if b.beats_ends { ", clearly better than both ends" } else { "" },
                if b.flat { ", flat" } else { "" }
            );
        }
    }
}

fn main() -> Result<(), reseau::Error> {
    let net = reseau::datasets::aarhus_cs();
    let tired = Fatigue::hill(2.0, 2.0).half_life(10.0);
    let base = BalanceRequest { rate: 8.0, steps: 1000, seed: 7, ..BalanceRequest::default() };
    show(
        "No fatigue (8 requests per step, 1,000 steps; campaign IC p = 0.1, 3 seeds)",
        &balance(&net, &base)?,
    );
    let shared = base.clone().with_routing(RouteOptions::default().fatigue(tired));
    show(
        "One inbox: Hill fatigue (half 2, exponent 2, half-life 10) on a load shared by every layer",
        &balance(&net, &shared)?,
    );
    let apart =
        base.clone().with_routing(RouteOptions::default().fatigue(tired).digital_fatigue(tired));
    show(
        "Two inboxes: the same curve on a physical and a digital load apart",
        &balance(&net, &apart)?,
    );
    let declining =
        BalanceRequest { decline: Some(Decline::new("facebook", 0.3, 4).vanish_at(4)), ..apart };
    let report = balance(&net, &declining)?;
    println!("\nFacebook losing 30% of its ties per period, gone at period 4 (two inboxes)");
    println!(
        "  {:>6} {:>6}  reach at mix 0 / 0.5 / 1     throughput at mix 0 / 0.5 / 1",
        "period", "ties"
    );
    for t in 0..=report.periods {
        let (a, b, c) = (report.row(0, t), report.row(5, t), report.row(10, t));
        println!(
            "  {t:>6} {:>6}  {:>6.1} / {:>5.1} / {:>5.1}        {:>5.3} / {:>5.3} / {:>5.3}",
            a.declining_ties.unwrap_or(0),
            a.reach,
            b.reach,
            c.reach,
            a.throughput,
            b.throughput,
            c.throughput
        );
    }
    for r in &report.robust {
        println!(
            "  most robust for {:<15} mix {:.1} (mean {:.3}; worst {:.3} at period {})",
            r.measure.as_str(),
            r.mix,
            r.mean,
            r.worst,
            r.worst_period
        );
    }
    Ok(())
}
