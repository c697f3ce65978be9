//! The article's claims put to the test on many networks: writes `docs/claims.md` and its
//! charts (`docs/claims/*.svg`). Every real multiplex network of the shared data folder
//! with a physical and a digital-like layer (the roles stated per network), and draws of the
//! professional-network generator; intervals are the Monte Carlo 95% intervals per real
//! network and the median and 10–90% range over generator draws.
//!
//! Run with `cargo run --release --example claims` (about five minutes on 2 shared cores),
//! or `-- --quick` for a preview with fewer draws, runs and mixes in a couple of minutes.
//! Without the data folder (`shared/data` beside the repository or a parent, or
//! `RESEAU_DATA`) it says so and runs on the generated networks only.

#[path = "claims/buzz.rs"]
mod buzz;
#[path = "claims/chart.rs"]
mod chart;
#[path = "claims/cold.rs"]
mod cold;
#[path = "claims/influencers.rs"]
mod influencers;
#[path = "claims/kinds.rs"]
mod kinds;
#[path = "claims/mix.rs"]
mod mix;
#[path = "claims/networks.rs"]
mod networks;
#[path = "claims/recover.rs"]
mod recover;
#[path = "claims/shadow.rs"]
mod shadow;
#[path = "claims/shadow_balance.rs"]
mod shadow_balance;
#[path = "claims/spread.rs"]
mod spread;
#[path = "claims/tired.rs"]
mod tired;
#[path = "claims/write.rs"]
mod write;
#[path = "claims/write_influencers.rs"]
mod write_influencers;
#[path = "claims/write_shadow.rs"]
mod write_shadow;

use std::path::PathBuf;
use std::time::Instant;

use reseau::fatigue::Fatigue;

/// Every parameter chosen by hand, in one place (each is named in the document).
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    /// A preview run.
    pub(crate) quick: bool,
    /// Generator draws (seeds 1, 2, …).
    pub(crate) draws: u64,
    /// People per generated network.
    pub(crate) people: usize,
    /// Referral requests per person per step.
    pub(crate) rate_per_person: f64,
    /// Requests routed per network in claim 1.
    pub(crate) requests: f64,
    /// An intermediary's base probability of forwarding.
    pub(crate) forward: f64,
    /// Cold answer rates (the first is the core's default).
    pub(crate) cold_rates: Vec<f64>,
    /// Hill fatigue: half-willingness load, exponent, half-life in steps.
    pub(crate) hill: [f64; 3],
    /// Mixes of the balance sweep.
    pub(crate) mixes: Vec<f64>,
    /// Steps of the balance sweep's referral workload.
    pub(crate) balance_steps: u32,
    /// Campaign runs per mix and period.
    pub(crate) runs: u64,
    /// Claim 6: request rates per person per step, steps per rate.
    pub(crate) curve_rates: (Vec<f64>, u32),
    /// Claim 5: shares of the shadow layer kept, sources, runs, relays; the error above which
    /// a prediction counts as wrong.
    pub(crate) shadow: (Vec<f64>, u32, u64, usize, f64),
    /// Claim 5: single-source cascades observed for the shadow share's fit.
    pub(crate) recover_cascades: u32,
    /// Claim 2: campaign sources per network, runs per source.
    pub(crate) sources: (u32, u64),
    /// Claim 3: the share of people who are influencers, the budget, influencers' costs,
    /// influencer multipliers, evaluation runs.
    pub(crate) cheap: (f64, f64, Vec<f64>, Vec<f64>, u64),
    /// Decline: loss per period, periods (gone at the last), share migrating to a successor.
    pub(crate) decline: (f64, u32, f64),
    /// The seed of every stream.
    pub(crate) seed: u64,
}

impl Plan {
    fn new(quick: bool) -> Plan {
        Plan {
            quick,
            draws: if quick { 5 } else { 20 },
            people: if quick { 300 } else { 500 },
            rate_per_person: 0.1,
            requests: if quick { 800.0 } else { 5000.0 },
            forward: 0.8,
            cold_rates: vec![reseau::referral::DEFAULT_COLD_RESPONSE, 0.02, 0.1, 0.2, 0.4],
            hill: [2.0, 2.0, 10.0],
            mixes: if quick {
                vec![0.0, 0.25, 0.5, 0.75, 1.0]
            } else {
                (0..=10).map(|i| f64::from(i) / 10.0).collect()
            },
            balance_steps: if quick { 60 } else { 300 },
            runs: if quick { 100 } else { 1000 },
            curve_rates: (vec![0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0], if quick { 40 } else { 80 }),
            shadow: (
                vec![0.0, 0.25, 0.5, 1.0],
                if quick { 5 } else { 10 },
                if quick { 100 } else { 500 },
                5,
                0.2,
            ),
            recover_cascades: if quick { 20 } else { 50 },
            sources: if quick { (5, 50) } else { (20, 500) },
            cheap: (
                0.05,
                10.0,
                vec![1.0, 2.0, 5.0, 10.0],
                vec![1.0, 3.0],
                if quick { 300 } else { 2000 },
            ),
            decline: (0.4, 3, 0.5),
            seed: 17,
        }
    }

    /// The fatigue curve of every inbox.
    pub(crate) fn fatigue(&self) -> Fatigue {
        Fatigue::hill(self.hill[0], self.hill[1]).half_life(self.hill[2])
    }

    /// The random requests of claims 1 and 2 on a network of `people`: per step, and steps.
    fn requests(&self, people: usize) -> (f64, u32) {
        #[allow(clippy::cast_precision_loss)]
        let rate = (self.rate_per_person * people as f64).max(0.5);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let steps = (self.requests / rate).ceil() as u32;
        (rate, steps)
    }

    /// Claim 1's settings for a network of `people`.
    pub(crate) fn cold(&self, people: usize) -> cold::ColdSettings {
        let (rate, steps) = self.requests(people);
        cold::ColdSettings {
            workload: reseau::referral::Workload::random(rate, steps),
            forward: self.forward,
            cold_rates: self.cold_rates.clone(),
            fatigue: self.fatigue(),
            seed: self.seed,
        }
    }

    /// Claim 2's settings for a network of `people`.
    pub(crate) fn kinds(&self, people: usize) -> kinds::KindSettings {
        kinds::KindSettings {
            workload: self.requests(people),
            forward: self.forward,
            sources: self.sources.0,
            runs: self.sources.1,
            seed: self.seed,
        }
    }

    /// Claim 3's settings.
    pub(crate) fn cheap(&self) -> influencers::CheapSettings {
        influencers::CheapSettings {
            share: self.cheap.0,
            budget: self.cheap.1,
            costs: self.cheap.2.clone(),
            multipliers: self.cheap.3.clone(),
            runs: self.cheap.4,
            seed: self.seed,
        }
    }

    /// Claim 5's settings.
    pub(crate) fn shadow(&self) -> shadow::ShadowSettings {
        shadow::ShadowSettings {
            shares: self.shadow.0.clone(),
            sources: self.shadow.1,
            runs: self.shadow.2,
            k: self.shadow.3,
            seed: self.seed,
        }
    }

    /// Claim 6's settings.
    pub(crate) fn curves(&self) -> tired::CurveSettings {
        tired::CurveSettings {
            rates_per_person: self.curve_rates.0.clone(),
            steps: self.curve_rates.1,
            forward: self.forward,
            seed: self.seed,
        }
    }

    /// Claim 5's balance sweeps: claim 7's, on five mixes with a quarter of the runs (four
    /// sweeps per network: the visible network and three shadow sizes).
    pub(crate) fn shadow_mix(&self) -> mix::MixSettings {
        mix::MixSettings {
            mixes: vec![0.0, 0.25, 0.5, 0.75, 1.0],
            runs: (self.runs / 4).max(50),
            ..self.mix()
        }
    }

    /// Claim 7's settings.
    pub(crate) fn mix(&self) -> mix::MixSettings {
        mix::MixSettings {
            mixes: self.mixes.clone(),
            rate_per_person: self.rate_per_person,
            steps: self.balance_steps,
            runs: self.runs,
            forward: self.forward,
            fatigue: self.fatigue(),
            decline_rate: self.decline.0,
            periods: self.decline.1,
            migration: self.decline.2,
            seed: self.seed,
        }
    }
}

/// One network's results.
pub(crate) struct Studied {
    /// Its name.
    pub(crate) name: String,
    /// Claim 1.
    pub(crate) cold: cold::ColdRow,
    /// Claim 2 (`None` without ties of both kinds).
    pub(crate) kinds: Option<kinds::KindRow>,
    /// Claim 3 (`None` without ties of both kinds).
    pub(crate) cheap: Option<influencers::CheapRow>,
    /// Claim 5: the shadow layer and the errors at each of its sizes.
    pub(crate) shadow: Option<(String, Vec<shadow::ShadowPoint>)>,
    /// Claim 5: the balance verdict on the visible network and the truth (`None` without a
    /// shadow layer, or when the visible part lacks ties of one kind).
    pub(crate) shadow_balance: Option<shadow_balance::ShadowBalance>,
    /// Claim 5: what the fitted shadow share recovers (`None` without a shadow layer).
    pub(crate) recovery: Option<Vec<recover::Recovery>>,
    /// Claim 6: the load curve's features under each curve of the grid.
    pub(crate) tired: Vec<tired::Shape>,
    /// Claim 7 (`None` without a digital layer).
    pub(crate) mix: Option<mix::MixRow>,
}

/// Every claim's experiment on `net`; claim 5's on `lobbied` when given (the same network
/// with lobbies on a shadow layer).
fn study(
    name: &str,
    net: &reseau::Network,
    lobbied: Option<&reseau::Network>,
    plan: &Plan,
) -> reseau::Result<Studied> {
    let started = Instant::now();
    let view = net.compiled();
    let cold = cold::compare(&view, &plan.cold(net.num_people()))?;
    let both = [reseau::LayerKind::Physical, reseau::LayerKind::Digital]
        .iter()
        .all(|&k| net.ties().any(|t| net.layer(t.layer).kind == k));
    let kinds = if both { Some(kinds::compare(net, &plan.kinds(net.num_people()))?) } else { None };
    let cheap = if both { Some(influencers::compare(net, &plan.cheap())?) } else { None };
    let truth = lobbied.unwrap_or(net);
    let shadow = match shadow::shadow_layer(truth) {
        Some(layer) => Some((layer.clone(), shadow::compare(truth, &layer, &plan.shadow())?)),
        None => None,
    };
    let shadow_balance = match &shadow {
        Some((layer, _)) if shadow_balance::applies(truth, layer) => {
            let shares: Vec<f64> = plan.shadow.0.iter().copied().filter(|&s| s > 0.0).collect();
            Some(shadow_balance::compare(
                truth,
                layer,
                &shares,
                mix::DECLINE_UNDER,
                &plan.shadow_mix(),
            )?)
        }
        _ => None,
    };
    let recovery = match &shadow {
        Some((layer, _)) => {
            Some(recover::recover(truth, layer, &plan.shadow.0, plan.recover_cascades, plan.seed)?)
        }
        None => None,
    };
    let tired = tired::shapes(&view, &tired::grid(plan.hill[2]), &plan.curves())?;
    let mix = match mix::declining_layer(net) {
        Some(layer) => Some(mix::study(net, &layer, &plan.mix())?),
        None => None,
    };
    eprintln!("  {name}: {:.1} s", started.elapsed().as_secs_f64());
    Ok(Studied {
        name: name.to_owned(),
        cold,
        kinds,
        cheap,
        shadow,
        shadow_balance,
        recovery,
        tired,
        mix,
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let quick = std::env::args().any(|a| a == "--quick");
    let plan = Plan::new(quick);
    let crises = buzz::CrisisSettings::new(quick, plan.seed);
    let started = Instant::now();
    let data = networks::data_dir();
    let cases = if let Some(dir) = &data {
        networks::real(dir, quick)?
    } else {
        eprintln!(
            "no shared/data folder beside the repository or its parents (set RESEAU_DATA): \
             generated networks only"
        );
        Vec::new()
    };
    let mut real = Vec::new();
    for case in &cases {
        real.push(study(&case.name, &case.net, None, &plan)?);
    }
    let mut drawn = Vec::new();
    for seed in 1..=plan.draws {
        let net = networks::draw(plan.people, seed)?;
        let lobbied = networks::lobbied_draw(plan.people, seed)?;
        drawn.push(study(&format!("draw {seed}"), &net, Some(&lobbied), &plan)?);
    }
    let (crisis_real, crisis_drawn) = buzz::study(&cases, plan.draws, plan.people, &crises)?;
    let docs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs");
    let (mut doc, mut charts) = write::document(&plan, &cases, data.is_some(), &real, &drawn);
    let (section, chart) = buzz::section(&crises, &crisis_real, &crisis_drawn);
    buzz::insert(&mut doc, &section);
    charts.push(chart);
    std::fs::create_dir_all(docs.join("claims"))?;
    for (file, svg) in charts {
        std::fs::write(docs.join("claims").join(file), svg)?;
    }
    let out = docs.join("claims.md");
    std::fs::write(&out, doc)?;
    eprintln!("wrote {} in {:.0} s", out.display(), started.elapsed().as_secs_f64());
    Ok(())
}
