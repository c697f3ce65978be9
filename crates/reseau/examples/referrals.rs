//! Prints the calibration tables of `docs/referrals.md`: referral chains against Dodds,
//! Muhamad & Watts (2003) and Travers & Milgram (1969), the routing strategies, Kleinberg's
//! lattice, the saturation of recommendations under fatigue (Leskovec, Adamic & Huberman
//! 2007), and the load curves of the Aarhus network and email-Eu-core.
//!
//! Run with `cargo run --release --example referrals` (about a minute). The email-Eu-core
//! table is skipped, saying so, when `../shared/data` is absent.

use std::fmt::Write as _;
use std::path::Path;

use reseau::cascade::{Model, Seeds, SimulateRequest, simulate};
use reseau::fatigue::Fatigue;
use reseau::generators::{ProfessionalOptions, kleinberg, professional};
use reseau::io::{EdgeListOptions, read_edgelist};
use reseau::referral::{
    LoadCurve, LoadCurveRequest, ReferralRequest, ReferralSummary, RouteOptions, Strategy,
    Workload, referral_load_curve, route_referrals,
};
use reseau::{CompiledNetwork, Layer, LayerKind, Network, Person, PersonId, TieSpec};

/// The professional network of the calibration: 100,000 people in teams of 20, an office
/// layer of mean degree 6 (90% within the team) and one digital layer of the given mean
/// degree.
fn calibration_network(digital_mean_degree: f64) -> CompiledNetwork {
    let options = ProfessionalOptions {
        people: 100_000,
        digital_mean_degree,
        ..ProfessionalOptions::default()
    };
    professional(&options, 1).expect("valid options").compile()
}

fn main() {
    let mut out = String::new();
    small_world(&mut out);
    strategies(&mut out);
    kleinberg_table(&mut out);
    saturation(&mut out);
    load_curves(&mut out);
    print!("{out}");
}

fn pct(x: f64) -> String {
    format!("{:.2}%", 100.0 * x)
}

fn mean(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |m| format!("{m:.2}"))
}

fn attrition(s: &ReferralSummary, hops: usize) -> String {
    (1..=hops)
        .map(|k| {
            s.attrition.get(k).map_or_else(|| "–".to_owned(), |a| format!("{:.0}%", 100.0 * a))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The median of the completed chains' lengths.
fn median(s: &ReferralSummary) -> usize {
    let mut seen = 0;
    for (l, &c) in s.chain_lengths.iter().enumerate() {
        seen += c;
        if 2 * seen >= s.succeeded {
            return l;
        }
    }
    0
}

fn small_world(w: &mut String) {
    let _ = writeln!(w, "## Small-world experiments\n");
    let _ = writeln!(
        w,
        "Greedy routing on a generated professional network of 100,000 people (teams of 20, \
         office ties of mean degree 6, 90% within the team, one digital layer), random pairs of \
         strangers, every intermediary forwarding with the same probability (no fatigue).\n"
    );
    let _ = writeln!(
        w,
        "| experiment | digital mean degree | forward | chains | completed (95% CI) | published | \
         mean hops of completed chains | published | attrition at hops 1–5 | lossless median |"
    );
    let _ = writeln!(w, "|---|---:|---:|---:|---|---:|---:|---:|---|---:|");
    let rows = [
        ("Dodds, Muhamad & Watts 2003", 2.5, 0.35, 24_163u32, "1.6%", "4.05 steps"),
        ("Travers & Milgram 1969", 1.0, 0.78, 20_000, "22%", "5.2 intermediaries (6.2 hops)"),
    ];
    for (name, digital, q, chains, published_rate, published_length) in rows {
        let view = calibration_network(digital);
        let options = RouteOptions::new(Strategy::Greedy).forward(q);
        let s = route_referrals(
            &view,
            &ReferralRequest::new(Workload::random(f64::from(chains), 1))
                .options(options.clone())
                .seed(1),
        )
        .expect("valid options");
        let lossless =
            route_referrals(&view, &ReferralRequest::new(Workload::random(100.0, 30)).seed(1))
                .expect("valid options");
        let _ = writeln!(
            w,
            "| {name} | {digital} | {q} | {} | {} ({} – {}) | {published_rate} | {} ({} intermediaries) | \
             {published_length} | {} | {} |",
            s.requests,
            pct(s.success_rate),
            pct(s.success_ci95[0]),
            pct(s.success_ci95[1]),
            mean(s.mean_chain_length),
            mean(s.mean_intermediaries()),
            attrition(&s, 5),
            median(&lossless),
        );
    }
    let _ = writeln!(
        w,
        "\n\"Lossless median\": the median hops of the same routing with no attrition (forward = \
         1), which Dodds et al. estimated at 5 to 7 by correcting for attrition.\n"
    );
}

fn strategies(w: &mut String) {
    let view = calibration_network(2.5);
    let _ = writeln!(w, "## Strategies on the same network\n");
    let _ = writeln!(
        w,
        "2,000 random pairs of strangers on the Dodds–Muhamad–Watts network above; lossless \
         (forward = 1) and with DMW's attrition (forward = 0.35); hop limit 50.\n"
    );
    let _ = writeln!(
        w,
        "| strategy | lossless: completed | mean hops | dead ends | hop limit | forward 0.35: completed | mean hops |"
    );
    let _ = writeln!(w, "|---|---:|---:|---:|---:|---:|---:|");
    for strategy in [
        Strategy::Oracle,
        Strategy::Greedy,
        Strategy::Hub,
        Strategy::StrongestTie,
        Strategy::Random,
    ] {
        let work = Workload::random(20.0, 100);
        let lossless = route_referrals(
            &view,
            &ReferralRequest::new(work.clone()).options(RouteOptions::new(strategy)).seed(2),
        )
        .expect("ok");
        let lossy = route_referrals(
            &view,
            &ReferralRequest::new(work.clone())
                .options(RouteOptions::new(strategy).forward(0.35))
                .seed(2),
        )
        .expect("ok");
        let _ = writeln!(
            w,
            "| {strategy:?} | {} | {} | {} | {} | {} | {} |",
            pct(lossless.success_rate),
            mean(lossless.mean_chain_length),
            lossless.dead_ends,
            lossless.truncated,
            pct(lossy.success_rate),
            mean(lossy.mean_chain_length),
        );
    }
    let _ = writeln!(w);
}

fn kleinberg_table(w: &mut String) {
    let _ = writeln!(w, "## Kleinberg's lattice\n");
    let _ = writeln!(
        w,
        "Greedy routing by lattice distance on `kleinberg(side, r, 1, 1)`, 500 random pairs, no \
         attrition, no hop limit: mean hops of the (always completed) chains.\n"
    );
    let rs = [0.0, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0];
    let header: Vec<String> = rs.iter().map(|r| format!("r = {r}")).collect();
    let _ = writeln!(w, "| side | {} |", header.join(" | "));
    let _ = writeln!(w, "|---:|{}", "---:|".repeat(rs.len()));
    for side in [100usize, 300, 1000] {
        let mut row = format!("| {side} |");
        for &r in &rs {
            let view = kleinberg(side, r, 1, 1).expect("valid").compile();
            let options = RouteOptions::default().max_hops(u32::MAX);
            let s = route_referrals(
                &view,
                &ReferralRequest::new(Workload::random(10.0, 50)).options(options.clone()).seed(1),
            )
            .expect("ok");
            assert_eq!(s.succeeded, s.requests);
            let _ = write!(row, " {} |", mean(s.mean_chain_length));
        }
        let _ = writeln!(w, "{row}");
    }
    let _ = writeln!(w);
}

fn saturation(w: &mut String) {
    let _ = writeln!(w, "## Recommendations saturate under fatigue\n");
    let _ = writeln!(
        w,
        "A person receives k recommendations at once, each convincing with p = 0.1 (Independent \
         Cascade, `k` seeds tied to one person); under `Fatigue::hill(2, 2)` each is weighed by \
         the willingness at the load the earlier ones left. Exact: 1 − Π_(j<k) (1 − p·w(j)); \
         Monte Carlo: 20,000 runs (seed k).\n"
    );
    let _ = writeln!(w, "| k | no fatigue | Hill(2, 2): exact | Monte Carlo |");
    let _ = writeln!(w, "|---:|---:|---:|---:|");
    let (p, hill) = (0.1, Fatigue::hill(2.0, 2.0));
    for k in [1u32, 2, 3, 5, 10, 20, 40] {
        let mut net = Network::new();
        net.add_layer(Layer::digital("recommends").directed(true)).expect("a layer");
        net.add_people(k as usize + 1).expect("people");
        for s in 1..=k {
            let spec = TieSpec::weight(1.0).probability(p);
            net.add_tie_spec(PersonId(s), PersonId(0), "recommends", spec).expect("a tie");
        }
        let model = Model::independent_cascade(p).fatigue(hill);
        let seeds = Seeds::from((1..=k).collect::<Vec<u32>>());
        let mc = simulate(
            &net.compile(),
            &SimulateRequest::campaigns(&seeds)
                .model(model.clone())
                .runs(20_000)
                .seed(u64::from(k)),
        )
        .expect("runs");
        let exact = 1.0 - (0..k).map(|j| 1.0 - p * hill.willingness(f64::from(j))).product::<f64>();
        let fresh = 1.0 - (1.0 - p).powf(f64::from(k));
        let _ = writeln!(
            w,
            "| {k} | {} | {} | {} |",
            pct(fresh),
            pct(exact),
            pct(mc.total.activation[0])
        );
    }
    let _ = writeln!(w);
}

fn curve_table(w: &mut String, name: &str, c: &LoadCurve) {
    let _ = writeln!(
        w,
        "{name}: peak at {} requests per step ({:.2} referrals per step), collapse at {}.\n",
        c.peak_rate,
        c.peak_throughput,
        c.collapse_rate
            .map_or_else(|| "none in this range".to_owned(), |r| format!("{r} requests per step"))
    );
    let _ = writeln!(
        w,
        "| requests per step | measured requests | delivered | throughput (per step) | success rate | mean hops | |"
    );
    let _ = writeln!(w, "|---:|---:|---:|---:|---:|---:|---|");
    for i in 0..c.rates.len() {
        let mark = if i == c.peak_index {
            "peak"
        } else if Some(c.rates[i]) == c.collapse_rate {
            "collapse"
        } else {
            ""
        };
        let _ = writeln!(
            w,
            "| {} | {} | {} | {:.3} | {} | {} | {mark} |",
            c.rates[i],
            c.requests[i],
            c.succeeded[i],
            c.throughput[i],
            pct(c.success_rate[i]),
            mean(c.mean_chain_length[i]),
        );
    }
    let _ = writeln!(w);
}

/// email-Eu-core with its departments as groups, if the data is there.
fn email_eu_core() -> Option<Network> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/snap/email-Eu-core");
    let (edges, labels) =
        (dir.join("email-Eu-core.txt"), dir.join("email-Eu-core-department-labels.txt"));
    if !edges.exists() || !labels.exists() {
        eprintln!("skipping email-Eu-core: {} not found", dir.display());
        return None;
    }
    let options = EdgeListOptions {
        directed: true,
        layer: "email".into(),
        kind: LayerKind::Digital,
        ..EdgeListOptions::default()
    };
    let mut net = read_edgelist(&edges, &options).expect("email-Eu-core parses");
    let text = std::fs::read_to_string(&labels).expect("the department labels read");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut parts = line.split_whitespace();
        let (node, dept) = (parts.next().expect("a node"), parts.next().expect("a department"));
        let id = match net.index_of(node) {
            Some(id) => id,
            None => net.add_person(Person::new().label(node)).expect("a new person"),
        };
        net.set_group(id, Some(format!("dept-{dept}"))).expect("a known person");
    }
    Some(net)
}

fn load_curves(w: &mut String) {
    let _ = writeln!(w, "## Load curves: where the wave breaks\n");
    let _ = writeln!(
        w,
        "Random pairs of strangers at a given rate during 1,000 steps, greedy routing, \
         everyone forwarding (base 1) but tired by the shared load; measured after a warm-up of \
         500 steps.\n"
    );
    let aarhus = reseau::datasets::aarhus_cs().compile();
    let rates: Vec<f64> = (0..11).map(|i| 0.25 * 2f64.powi(i)).collect();
    let options = RouteOptions::default().fatigue(Fatigue::hill(2.0, 2.0).half_life(10.0));
    let c = referral_load_curve(
        &aarhus,
        &LoadCurveRequest::new(rates.clone()).steps(1000).options(options.clone()).seed(1),
    )
    .expect("valid");
    curve_table(w, "Aarhus CS (61 people, 5 layers), `Fatigue::hill(2, 2).half_life(10)`", &c);

    if let Some(net) = email_eu_core() {
        let view = net.compile();
        let rates: Vec<f64> = (0..14).map(|i| 2f64.powi(i)).collect();
        let options = RouteOptions::default().fatigue(Fatigue::hill(5.0, 2.0).half_life(20.0));
        let c = referral_load_curve(
            &view,
            &LoadCurveRequest::new(rates.clone()).steps(1000).options(options.clone()).seed(1),
        )
        .expect("valid");
        curve_table(
            w,
            "email-Eu-core (1,005 people, 42 departments as groups), \
             `Fatigue::hill(5, 2).half_life(20)`",
            &c,
        );
    }
}
