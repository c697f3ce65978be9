//! The headline report on the embedded Aarhus CS network: who is there, which networks they
//! share, and how much the offline and online networks overlap.
//!
//! Run with `cargo run --release --example tour`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use reseau::cascade::{LayerSettings, Model, Seeds, simulate};
use reseau::fatigue::Fatigue;
use reseau::referral::{RouteOptions, referral_load_curve};
use reseau::relays::{SelectOptions, select_relays};
use reseau::{LayerId, LayerKind, Network, PersonId, datasets};

fn main() {
    let net = datasets::aarhus_cs();
    print!("{}", report(&net));
}

/// The whole report as text (kept in a function so that the test below can check it).
fn report(net: &Network) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "reseau tour: the Aarhus CS multiplex (Magnani, Micenková & Rossi 2013)");
    let _ = writeln!(w, "{}", "=".repeat(72));
    let _ = writeln!(
        w,
        "{} people, {} ties in {} layers ({} directed ties in the compiled view, {:.1} bytes each)\n",
        net.num_people(),
        net.num_ties(),
        net.num_layers(),
        net.compile().num_directed_ties(),
        net.compile().bytes_per_directed_tie(),
    );

    let _ = writeln!(w, "Layers");
    let _ = writeln!(
        w,
        "  {:<10} {:<9} {:>5} {:>8} {:>11} {:>10}",
        "layer", "kind", "ties", "active", "mean deg.", "max deg."
    );
    for (i, layer) in net.layers().iter().enumerate() {
        let id = LayerId(i as u32);
        let degrees = net.degrees(Some(id));
        let active = degrees.iter().filter(|&&d| d > 0).count();
        let max = degrees.iter().copied().max().unwrap_or(0);
        let mean = f64::from(degrees.iter().sum::<u32>()) / active.max(1) as f64;
        let _ = writeln!(
            w,
            "  {:<10} {:<9} {:>5} {:>8} {:>11.2} {:>10}",
            layer.name,
            layer.kind.as_str(),
            net.num_ties_in(id).unwrap_or(0),
            active,
            mean,
            max
        );
    }

    offline_online(w, net);
    overlap_matrix(w, net);
    people_and_groups(w, net);
    cascade(w, net);
    load_curve(w, net);
    relays(w, net);
    out
}

/// Whom to enlist: the best three relays by IMM, then the best within a budget when a
/// person's cost follows their role (an illustration: a professor's time is dearer).
fn relays(w: &mut String, net: &Network) {
    let view = net.compiled();
    let model = Model::independent_cascade(0.1);
    let costs: Vec<f64> = net
        .people()
        .map(|(_, p)| match p.attributes.get("role").map(String::as_str) {
            Some("Professor" | "Emeritus") => 5.0,
            Some("Associate") => 3.0,
            Some("Postdoc" | "Assistant") => 2.0,
            _ => 1.0,
        })
        .collect();
    let runs = 10_000;
    let k3 = SelectOptions {
        k: Some(3),
        model: model.clone(),
        evaluation_runs: runs,
        ..Default::default()
    };
    let budget = SelectOptions {
        k: None,
        budget: Some(4.0),
        costs: Some(costs.clone()),
        model,
        evaluation_runs: runs,
        ..Default::default()
    };
    let _ = writeln!(w, "\nWhom to enlist (IMM, ε = 0.1; Independent Cascade p = 0.1; seed 1)");
    for (title, options) in [
        ("best 3 relays", k3),
        ("within a budget of 4 (cost 5 professor … 1 PhD or admin)", budget),
    ] {
        let Ok(s) = select_relays(&view, &options, 1) else { continue };
        let names: Vec<String> = s
            .relays
            .iter()
            .map(|&r| format!("{} (cost {})", net.display_name(PersonId(r)), costs[r as usize]))
            .collect();
        let _ = writeln!(w, "  {title}: {}", names.join(", "));
        if let Some(spread) = &s.spread {
            let _ = writeln!(
                w,
                "    reach {:.1} people (95% CI {:.1} to {:.1}), total cost {}",
                spread.mean, spread.ci95[0], spread.ci95[1], s.cost
            );
        }
    }
}

/// Referral requests between strangers at a rising rate: throughput climbs, peaks, then
/// collapses as everyone is flooded with requests (the article's recommendation fatigue).
fn load_curve(w: &mut String, net: &Network) {
    let fatigue = Fatigue::hill(2.0, 2.0).half_life(10.0);
    let options = RouteOptions::default().fatigue(fatigue);
    let rates: Vec<f64> = (0..11).map(|i| 0.5 * f64::from(1u32 << i)).collect();
    let (steps, seed) = (300, 7);
    let Ok(curve) = referral_load_curve(&net.compiled(), &rates, steps, &options, seed) else {
        return;
    };
    let _ = writeln!(
        w,
        "\nReferrals under fatigue (greedy routing, Hill fatigue half 2, exponent 2, half-life 10 \
         steps; {steps} steps, seed {seed})"
    );
    let _ = writeln!(w, "  {:>8} {:>12} {:>10} {:>9}", "rate", "throughput", "success", "");
    for (i, &rate) in curve.rates.iter().enumerate() {
        let bar =
            "#".repeat((20.0 * curve.throughput[i] / curve.peak_throughput.max(1e-9)) as usize);
        let mark = if i == curve.peak_index {
            " <- peak"
        } else if curve.collapse_rate == Some(rate) {
            " <- collapse"
        } else {
            ""
        };
        let _ = writeln!(
            w,
            "  {rate:>8} {:>12.3} {:>9.1}% {bar}{mark}",
            curve.throughput[i],
            100.0 * curve.success_rate[i]
        );
    }
    let collapse =
        curve.collapse_rate.map_or("none within the rates tried".to_owned(), |r| r.to_string());
    let _ = writeln!(
        w,
        "  throughput peaks at {} requests per step ({:.2} referrals per step) and collapses at {collapse}",
        curve.peak_rate, curve.peak_throughput
    );
}

/// A message started by the most connected person: how far it goes, how fast, and which
/// layers carry it; then the same without the online platform.
fn cascade(w: &mut String, net: &Network) {
    let view = net.compile();
    let all = net.degrees(None);
    let seed = (0..all.len()).max_by_key(|&p| (all[p], std::cmp::Reverse(p))).unwrap_or(0) as u32;
    let seeds = Seeds::from(vec![seed]);
    let (runs, rng_seed, p) = (10_000, 42, 0.1);
    let model = Model::independent_cascade(p);
    let Ok(s) = simulate(&view, &seeds, &model, runs, rng_seed) else { return };
    let _ = writeln!(
        w,
        "\nA message from {} (Independent Cascade, p = {p} on every tie, {runs} runs, seed {rng_seed})",
        net.display_name(PersonId(seed))
    );
    let _ = writeln!(
        w,
        "  reaches {:.1} people on average (95% CI {:.1} to {:.1}; sd {:.1})",
        s.total.mean, s.total.ci95[0], s.total.ci95[1], s.total.std
    );
    let steps: Vec<String> = s.by_step.iter().take(6).map(|x| format!("{x:.1}")).collect();
    let _ = writeln!(w, "  reached by step 0, 1, 2, …: {}", steps.join(", "));
    let shares = s.layer_shares();
    let (mut offline, mut online) = (0.0, 0.0);
    let mut parts = Vec::new();
    for (i, layer) in net.layers().iter().enumerate() {
        parts.push(format!("{} {:.0}%", layer.name, 100.0 * shares[i]));
        match layer.kind {
            LayerKind::Physical => offline += shares[i],
            LayerKind::Digital => online += shares[i],
        }
    }
    let _ = writeln!(w, "  carried by: {}", parts.join(", "));
    let _ = writeln!(
        w,
        "  offline layers carry {:.0}% of the spread, online {:.0}%",
        100.0 * offline,
        100.0 * online
    );
    let mut without = model.clone();
    for layer in net.layers().iter().filter(|l| l.kind == LayerKind::Digital) {
        without =
            without.layer(&layer.name, LayerSettings { enabled: false, ..Default::default() });
    }
    if let Ok(off) = simulate(&view, &seeds, &without, runs, rng_seed) {
        let _ = writeln!(
            w,
            "  with the online platform gone: {:.1} people ({:+.0}%)",
            off.total.mean,
            100.0 * (off.total.mean / s.total.mean - 1.0)
        );
    }
}

/// Pairs tied offline, online, and both.
fn offline_online(w: &mut String, net: &Network) {
    let physical = net.layers_of_kind(LayerKind::Physical);
    let digital = net.layers_of_kind(LayerKind::Digital);
    let pairs = |layers: &[LayerId]| net.overlapping_pairs(layers, layers).len();
    let (offline, online) = (pairs(&physical), pairs(&digital));
    let both = net.overlapping_pairs(&physical, &digital).len();
    let union = offline + online - both;
    let _ = writeln!(w, "\nOffline and online");
    let _ = writeln!(w, "  pairs tied offline (any physical layer): {offline}");
    let _ = writeln!(w, "  pairs tied online (any digital layer):   {online}");
    let _ = writeln!(
        w,
        "  pairs tied both ways: {both} ({:.0}% of online pairs, {:.0}% of offline pairs, Jaccard {:.2})",
        100.0 * both as f64 / online.max(1) as f64,
        100.0 * both as f64 / offline.max(1) as f64,
        both as f64 / union.max(1) as f64
    );
    let _ = writeln!(
        w,
        "  online-only pairs: {}; offline-only pairs: {}",
        online - both,
        offline - both
    );
}

/// How many pairs each two layers share.
fn overlap_matrix(w: &mut String, net: &Network) {
    let _ = writeln!(w, "\nPairs tied in both layers (row, column)");
    let _ = write!(w, "  {:<10}", "");
    for layer in net.layers() {
        let _ = write!(w, "{:>10}", layer.name);
    }
    let _ = writeln!(w);
    for (i, a) in net.layers().iter().enumerate() {
        let _ = write!(w, "  {:<10}", a.name);
        for j in 0..net.num_layers() {
            let n = net.overlap(LayerId(i as u32), LayerId(j as u32)).unwrap_or(0);
            let _ = write!(w, "{n:>10}");
        }
        let _ = writeln!(w);
    }
}

/// The most connected people, research groups and roles.
fn people_and_groups(w: &mut String, net: &Network) {
    let all = net.degrees(None);
    let mut ranked: Vec<usize> = (0..net.num_people()).collect();
    ranked.sort_by_key(|&p| (std::cmp::Reverse(all[p]), p));
    let _ = writeln!(w, "\nMost connected people (ties over all layers)");
    for &p in ranked.iter().take(5) {
        let id = PersonId(p as u32);
        let person = net.person(id).expect("ranked ids exist");
        let role = person.attributes.get("role").map_or("?", String::as_str);
        let _ = writeln!(
            w,
            "  {:<6} {:>3} ties  group {:<6} role {:<10} layers: {}",
            net.display_name(id),
            all[p],
            person.group.as_deref().unwrap_or("-"),
            role,
            layers_of(net, id)
        );
    }

    let _ = writeln!(w, "\nResearch groups");
    let groups = net.groups();
    let mut sizes: Vec<(&String, usize)> = groups.iter().map(|(g, m)| (g, m.len())).collect();
    sizes.sort_by_key(|&(g, n)| (std::cmp::Reverse(n), g.clone()));
    let line: Vec<String> = sizes.iter().map(|(g, n)| format!("{g}: {n}")).collect();
    let _ = writeln!(w, "  {}", line.join(", "));
    let mut roles: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, p) in net.people() {
        *roles.entry(p.attributes.get("role").map_or("?", String::as_str)).or_default() += 1;
    }
    let line: Vec<String> = roles.iter().map(|(r, n)| format!("{r}: {n}")).collect();
    let _ = writeln!(w, "  roles: {}", line.join(", "));
}

fn layers_of(net: &Network, id: reseau::PersonId) -> String {
    net.layers()
        .iter()
        .enumerate()
        .filter(|&(i, _)| net.degree(id, Some(LayerId(i as u32))) > 0)
        .map(|(_, l)| l.name.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_report_states_the_aarhus_counts() {
        let text = super::report(&reseau::datasets::aarhus_cs());
        assert!(text.contains("61 people, 620 ties in 5 layers"), "{text}");
        assert!(text.contains("facebook   digital     124"), "{text}");
        assert!(text.contains("offline layers carry"), "{text}");
        assert!(text.contains("<- peak") && text.contains("<- collapse"), "{text}");
        assert!(text.contains("best 3 relays") && text.contains("total cost"), "{text}");
    }
}
