//! The balance sweep on the Aarhus CS network: physical against digital effort, with fatigue
//! on both channels (the online inbox floods first) and facebook in decline.
//!
//! Run with `cargo run --release --example balance`.

use reseau::balance::{BalanceOptions, Decline, Measure, balance};
use reseau::fatigue::Fatigue;
use reseau::referral::RouteOptions;

fn main() -> Result<(), reseau::Error> {
    let net = reseau::datasets::aarhus_cs();
    let args: Vec<f64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let rate = args.first().copied().unwrap_or(4.0);
    let phys_half = args.get(1).copied().unwrap_or(3.0);
    let dig_half = args.get(2).copied().unwrap_or(1.0);
    let options = BalanceOptions {
        rate,
        routing: RouteOptions::default()
            .fatigue(Fatigue::hill(phys_half, 2.0).half_life(10.0))
            .digital_fatigue(Fatigue::hill(dig_half, 2.0).half_life(10.0)),
        decline: Some(Decline::new("facebook", 0.3, 4).vanish_at(4)),
        ..BalanceOptions::default()
    };
    let report = balance(&net, &options, 7)?;
    println!("period  mix  success  time  throughput  ref.offline  reach  casc.offline");
    for row in &report.rows {
        println!(
            "{:>6} {:>4.1} {:>8.3} {:>5.2} {:>11.3} {:>12.2} {:>6.1} {:>13.2}",
            row.period,
            row.mix,
            row.success_rate,
            row.time_to_target.unwrap_or(f64::NAN),
            row.throughput,
            row.referral_offline_share,
            row.reach,
            row.cascade_offline_share
        );
    }
    for m in Measure::ALL {
        if let Some(b) = report.best(m) {
            println!(
                "best {:<15} mix {:.1} value {:.3} interior {} beats ends {} flat {}",
                m.as_str(),
                b.mix,
                b.value,
                b.interior,
                b.beats_ends,
                b.flat
            );
        }
        if let Some(r) = report.robust(m) {
            println!(
                "  robust mix {:.1}: mean {:.3} worst {:.3} at period {} (from {:.3})",
                r.mix, r.mean, r.worst, r.worst_period, r.initial
            );
        }
    }
    Ok(())
}
