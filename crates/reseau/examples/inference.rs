//! Learning from what really happened, on real data: the tables of `docs/inference.md`.
//!
//! ```sh
//! cargo run --release --example inference                 # both analyses
//! cargo run --release --example inference -- ckm          # the physicians only
//! cargo run --release --example inference -- twitter      # the retweets only
//! cargo run --release --example inference -- --data DIR   # the shared data elsewhere
//! ```
//!
//! **CKM physicians** (Coleman, Katz & Menzel): advice, discussion and friendship among
//! 246 physicians of four Illinois towns, and the month each first prescribed tetracycline.
//! A nomination "A turns to B" lets B influence A, so each tie is read from B to A. Codes:
//! months 1–17 are adoptions (step = month − 1); 18 is "no prescription found in the 17
//! months", a non-adopter through the window; 98 ("no prescription data") and 99 (not
//! interviewed) are unknown and left out. The brief's reading of 98 as "never adopted" is
//! run too, as a sensitivity check.
//!
//! **Twitter** (Greene & Cunningham): one layer's events as cascades over another. Each
//! account whose tweets were retweeted starts a cascade (step 0, a seed) and its
//! retweeters adopt at step 1; the visible layer is who follows whom ("A follows B": B
//! reaches A).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use reseau::inference::{
    Adoption, CascadeFit, Exposure, FitRequest, ShadowRequest, ShuffleRequest, StepZero, fit,
    infer_shadow, shuffle_test,
};
use reseau::{Layer, Network, Person, PersonId};

const CITIES: [&str; 4] = ["Peoria", "Bloomington", "Quincy", "Galesburg"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut data = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    let mut what = String::from("all");
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => data = PathBuf::from(args.next().ok_or("--data needs a folder")?),
            other => other.clone_into(&mut what),
        }
    }
    if !data.exists() {
        println!("skipping: {} not found (pass --data DIR)", data.display());
        return Ok(());
    }
    if what == "all" || what == "ckm" {
        ckm(&data.join("ckm-physicians"))?;
    }
    if what == "all" || what == "twitter" {
        twitter(&data.join("twitter-multiplex-greene"), "football")?;
    }
    Ok(())
}

// ----- CKM physicians -----

/// The network (ties from the nominated to the nominator) and the adoptions; `code98` says
/// what code 98 is read as.
fn ckm_data(
    dir: &Path,
    code98_never: bool,
) -> Result<(Network, Vec<Adoption>), Box<dyn std::error::Error>> {
    let nodes = std::fs::read_to_string(dir.join("CKM-Physicians-Innovation_nodes.txt"))?;
    let edges = std::fs::read_to_string(dir.join("CKM-Physicians-Innovation_multiplex.edges"))?;
    let mut net = Network::new();
    for name in ["advice", "discussion", "friendship"] {
        net.add_layer(Layer::physical(name).directed(true))?;
    }
    let mut seen = Vec::new();
    for line in nodes.lines().skip(1) {
        let f: Vec<&str> = line.split_whitespace().collect();
        let city = CITIES[f[1].parse::<usize>()? - 1];
        net.add_person(Person::new().label(f[0]).group(city))?;
        match f[2].parse::<u32>()? {
            month @ 1..=17 => seen.push(Adoption::new(f[0], month - 1)),
            18 => {} // absent: a non-adopter through the window
            98 if code98_never => {}
            _ => seen.push(Adoption::unknown(f[0])),
        }
    }
    for line in edges.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        let layer = ["advice", "discussion", "friendship"][f[0].parse::<usize>()? - 1];
        let (a, b) = (net.index_of(f[1]).ok_or("node")?, net.index_of(f[2]).ok_or("node")?);
        // "a turns to b": b can influence a.
        net.add_tie(b, a, layer, 1.0)?;
    }
    Ok((net, seen))
}

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

fn interval(ci: Option<[f64; 2]>) -> String {
    ci.map_or_else(|| "–".into(), |[a, b]| format!("[{a:.4}, {b:.4}]"))
}

fn p_value(p: Option<f64>) -> String {
    match p {
        None => "–".into(),
        Some(p) if p < 1e-16 => "< 1e-16".into(),
        Some(p) if p < 1e-4 => format!("{p:.1e}"),
        Some(p) => format!("{p:.3}"),
    }
}

/// One fit as a Markdown table.
fn table(title: &str, f: &CascadeFit) {
    println!("\n#### {title}\n");
    println!("| | probability | 95% interval | LR test p | share of adoptions |");
    println!("|---|---|---|---|---|");
    for l in &f.layers {
        println!(
            "| {} | {} | {} | {} | {} [{}, {}] |",
            l.key,
            l.probability.map_or("not identifiable".into(), |p| format!("{p:.4}")),
            interval(l.ci95),
            p_value(l.p_value),
            pct(l.share),
            pct(l.share_ci95[0]),
            pct(l.share_ci95[1])
        );
    }
    let shadow = format!(
        "{} [{}, {}]",
        pct(f.shadow_share),
        pct(f.shadow_share_ci95[0]),
        pct(f.shadow_share_ci95[1])
    );
    if let Some(h) = f.external {
        let test = p_value(f.external_hazards[0].p_value);
        println!(
            "| external (per step) | {h:.4} | {} | {test} | {shadow} |",
            interval(f.external_ci95)
        );
    } else {
        let known = f.external_hazards.iter().filter_map(|e| e.probability);
        let (lo, hi) = known.fold((1.0f64, 0.0f64), |(a, b), h| (a.min(h), b.max(h)));
        let n = f.external_hazards.len();
        println!("| external ({n} hazards) | {lo:.4} to {hi:.4} | | | {shadow} |");
    }
    println!(
        "\nlog-likelihood {:.3}, AIC {:.2} ({} parameters), {} Newton iterations, {} adoptions, {} person-steps at risk",
        f.log_likelihood,
        f.aic,
        f.num_parameters,
        f.iterations,
        f.data.adoptions - f.data.seeds,
        f.data.person_steps
    );
}

fn ckm(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let (net, seen) = ckm_data(dir, false)?;
    println!("## CKM physicians\n");
    let adopters = seen.iter().filter(|a| a.time.is_some()).count();
    let unknown = seen.iter().filter(|a| a.time.is_none()).count();
    println!(
        "{} physicians, {} ties (advice {}, discussion {}, friendship {}); {adopters} adoptions in months 1–17, {} non-adopters, {unknown} unknown (codes 98, 99)",
        net.num_people(),
        net.num_ties(),
        net.num_ties_in("advice")?,
        net.num_ties_in("discussion")?,
        net.num_ties_in("friendship")?,
        net.num_people() - adopters - unknown,
    );
    codes(dir)?;
    let base = FitRequest { horizon: Some(16), ..FitRequest::new(seen) };
    let persistent = FitRequest { exposure: Exposure::Persistent, ..base.clone() };
    let by_month = FitRequest { external_by_step: true, ..persistent.clone() };
    let by_city = FitRequest { external_by_group: true, ..by_month.clone() };
    let mut fits = Vec::new();
    for (name, title, request) in [
        (
            "cascade, constant external",
            "Independent cascade (one chance per tie, a month after adopting), constant external hazard",
            &base,
        ),
        (
            "persistent, constant external",
            "Persistent exposure (every adopted contact presses each month), constant external hazard",
            &persistent,
        ),
        (
            "persistent, external per month",
            "Persistent exposure, one external hazard per month (the calendar: marketing, journals, detail men)",
            &by_month,
        ),
        (
            "persistent, external per month and city",
            "Persistent exposure, one external hazard per month and city",
            &by_city,
        ),
    ] {
        let f = fit(&net, request)?;
        table(title, &f);
        fits.push((name, f));
    }
    months(&fits[2].1);
    ckm_shuffles(&net, &[(fits[0].0, &base), (fits[1].0, &persistent), (fits[2].0, &by_month)])?;

    println!("\n#### Model comparison (AIC, lower is better)\n");
    println!("| model | log-likelihood | parameters | AIC |");
    println!("|---|---|---|---|");
    let none = fit(&net, &FitRequest { layers: Some(Vec::new()), ..by_month.clone() })?;
    fits.push(("external per month, no layer at all", none));
    for (name, f) in &fits {
        println!("| {name} | {:.3} | {} | {:.2} |", f.log_likelihood, f.num_parameters, f.aic);
    }

    // Sensitivity: code 98 read as "never adopted" (the reading this project was given).
    let (net98, seen98) = ckm_data(dir, true)?;
    let f98 = fit(&net98, &FitRequest { adoptions: seen98.into(), ..persistent.clone() })?;
    table(
        "Sensitivity: code 98 read as a non-adopter (persistent exposure, constant external)",
        &f98,
    );

    // Hidden ties need pairs seen together in several cascades; here there is one.
    let shadow = ShadowRequest {
        adoptions: base.adoptions.clone(),
        horizon: Some(16),
        exposure: Exposure::Persistent,
        candidates: 10,
        ..ShadowRequest::default()
    };
    let found = infer_shadow(&net, &shadow)?;
    let best = found.ties.first().map_or(0.0, |t| t.score);
    let tied = found.ties.iter().filter(|t| (t.score - best).abs() < 1e-9).count();
    println!(
        "\nhidden ties: {} pairs scored; the best {tied} of the top 10 tie at a gain of {best:.3}, each supported by {} adoption: one cascade cannot tell a hidden tie from chance",
        found.candidates_scored,
        found.ties.first().map_or(0, |t| t.support)
    );
    Ok(())
}

/// What the adoption codes go with: specialty code 4 and answering the survey (naming
/// anyone), by code.
fn codes(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let nodes = std::fs::read_to_string(dir.join("CKM-Physicians-Innovation_nodes.txt"))?;
    let edges = std::fs::read_to_string(dir.join("CKM-Physicians-Innovation_multiplex.edges"))?;
    let named: std::collections::BTreeSet<&str> =
        edges.lines().filter_map(|l| l.split_whitespace().nth(1)).collect();
    let mut counts: BTreeMap<&str, [u32; 3]> = BTreeMap::new();
    for line in nodes.lines().skip(1) {
        let f: Vec<&str> = line.split_whitespace().collect();
        let code = match f[2].parse::<u32>()? {
            1..=18 => "1-18",
            98 => "98",
            _ => "99",
        };
        let c = counts.entry(code).or_default();
        c[0] += 1;
        c[1] += u32::from(f[13] == "4");
        c[2] += u32::from(named.contains(f[0]));
    }
    println!(
        "\n| adoption code | physicians | specialty code 4 | named someone (answered the survey) |"
    );
    println!("|---|---|---|---|");
    for (code, [n, specialty, answered]) in counts {
        println!("| {code} | {n} | {specialty} | {answered} |");
    }
    Ok(())
}

/// The month-by-month external hazard of a fit with one hazard per step.
fn months(f: &CascadeFit) {
    println!("\n#### Month-by-month external hazard (persistent exposure, one hazard per month)\n");
    println!("| month | external hazard | 95% interval |");
    println!("|---|---|---|");
    for e in &f.external_hazards {
        println!(
            "| {} | {} | {} |",
            e.step.map_or(0, |s| s + 1),
            e.probability.map_or("–".into(), |p| format!("{p:.4}")),
            interval(e.ci95)
        );
    }
}

/// The shuffle test of each model.
fn ckm_shuffles(
    net: &Network,
    models: &[(&str, &FitRequest)],
) -> Result<(), Box<dyn std::error::Error>> {
    println!("\n#### Shuffle test (adoption months permuted among adopters, 1,000 times)\n");
    println!("| model | layer | estimate | mean shuffled | 95% of shuffled | p-value |");
    println!("|---|---|---|---|---|---|");
    let value = |p: Option<f64>| p.map_or("–".into(), |p| format!("{p:.4}"));
    for &(name, request) in models {
        let shuffle = ShuffleRequest {
            adoptions: request.adoptions.clone(),
            exposure: request.exposure,
            external_by_step: request.external_by_step,
            horizon: request.horizon,
            permutations: 1000,
            seed: 1,
            ..ShuffleRequest::default()
        };
        let test = shuffle_test(net, &shuffle)?;
        for l in &test.layers {
            println!(
                "| {name} | {} | {} | {} | {} | {} |",
                l.key,
                value(l.observed),
                value(l.shuffled_mean),
                interval(l.shuffled_ci95),
                p_value(l.p_value)
            );
        }
        println!(
            "| {name} | shadow share | {} | {} | | |",
            pct(test.shadow_share),
            pct(test.shuffled_shadow_share)
        );
    }
    Ok(())
}

// ----- Twitter: retweets over follows -----

fn read_pairs(path: &Path) -> Result<Vec<(String, String)>, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            Some((f.next()?.to_owned(), f.next()?.to_owned()))
        })
        .collect())
}

fn twitter(dir: &Path, community: &str) -> Result<(), Box<dyn std::error::Error>> {
    let follows = read_pairs(&dir.join(format!("{community}-twitter-follows.edgelist")))?;
    let retweets = read_pairs(&dir.join(format!("{community}-twitter-retweets.edgelist")))?;
    let mentions = read_pairs(&dir.join(format!("{community}-twitter-mentions.edgelist")))?;
    let mut net = Network::new();
    net.add_layer(Layer::digital("follows").directed(true))?;
    let person = |net: &mut Network, label: &str| -> Result<PersonId, reseau::Error> {
        match net.index_of(label) {
            Some(p) => Ok(p),
            None => net.add_person(Person::new().label(label)),
        }
    };
    for (a, b) in &follows {
        let (pa, pb) = (person(&mut net, a)?, person(&mut net, b)?);
        // "a follows b": b's tweets reach a.
        net.add_tie(pb, pa, "follows", 1.0)?;
    }
    let mut cascades: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (a, b) in &retweets {
        person(&mut net, a)?;
        person(&mut net, b)?;
        // "a retweets b": b's cascade reaches a.
        cascades.entry(b.clone()).or_default().push(a.clone());
    }
    let mention_pairs: std::collections::BTreeSet<&(String, String)> = mentions.iter().collect();
    let also_mentions = retweets.iter().filter(|r| mention_pairs.contains(r)).count();
    let mut seen = Vec::new();
    for (source, retweeters) in &cascades {
        seen.push(Adoption::new(source.as_str(), 0).in_cascade(source.as_str()));
        for r in retweeters {
            seen.push(Adoption::new(r.as_str(), 1).in_cascade(source.as_str()));
        }
    }
    println!("\n## Twitter ({community}): retweets as cascades over the follow graph\n");
    println!(
        "{} accounts, {} follow ties; {} retweet pairs in {} cascades (one per retweeted account); {also_mentions} of the retweet pairs are also mention pairs (a retweet quotes its source), so the mention layer is left out",
        net.num_people(),
        net.num_ties(),
        retweets.len(),
        cascades.len()
    );
    let request = FitRequest {
        horizon: Some(1),
        step_zero: StepZero::Seeds,
        bootstrap: 1000,
        seed: 1,
        ..FitRequest::new(seen.clone())
    };
    let f = fit(&net, &request)?;
    table("Independent cascade: the source's tweet reaches its followers", &f);
    let follows = &f.layers[0];
    println!(
        "\nbootstrap over the {} cascades (1,000 replicates): follows {}, shadow share {}",
        f.data.cascades,
        interval(follows.bootstrap_ci95),
        interval(f.shadow_share_bootstrap_ci95)
    );
    let shuffle = ShuffleRequest {
        horizon: Some(1),
        step_zero: StepZero::Seeds,
        permutations: 1000,
        seed: 1,
        ..ShuffleRequest::new(seen)
    };
    let test = shuffle_test(&net, &shuffle)?;
    let l = &test.layers[0];
    println!(
        "\nshuffle test (who is the source permuted within each cascade, 1,000 times): follows {} with the real sources, {} shuffled (95%: {}), p = {}; shadow share {} against {}",
        l.observed.map_or("–".into(), |p| format!("{p:.4}")),
        l.shuffled_mean.map_or("–".into(), |p| format!("{p:.4}")),
        interval(l.shuffled_ci95),
        p_value(l.p_value),
        pct(test.shadow_share),
        pct(test.shuffled_shadow_share)
    );
    Ok(())
}
