//! Issue 15: floats at their extremes. Every float parameter of every request (and of the
//! network's own floats: weights, probabilities, costs, positions) is fed subnormals, 1 ± ε,
//! the largest finite values, ±0, NaN, ±∞, 1e-10 and 1e300 on a small network, and each call
//! must return a result or a typed error within a time bound: never panic, never hang. Every
//! result returned passes its own `validate()` (what a result read back in must pass).
//!
//! `every_float_parameter_at_every_extreme` runs each case at each extreme value; the
//! proptest then draws cases with arbitrary floats (random bit patterns included).

// Tables of (name, setter) pairs read best spelt out.
#![allow(clippy::type_complexity)]

use std::collections::BTreeMap;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use proptest::prelude::*;
use reseau::balance::{BalanceRequest, Decline, balance};
use reseau::cascade::{
    ExactSpreadRequest, LayerSettings, Model, ModelKind, SimulateRequest, TraceRequest,
    exact_spread, simulate, trace,
};
use reseau::fatigue::Fatigue;
use reseau::generators::{
    ErdosRenyiRequest, KleinbergRequest, ProfessionalOptions, StochasticBlockRequest,
    WattsStrogatzRequest, professional,
};
use reseau::inference::{
    Adoption, FitRequest, ShadowRequest, ShuffleRequest, fit, infer_shadow, shuffle_test,
};
use reseau::referral::{
    LoadCurveRequest, ReferralRequest, Strategy as Routing, referral_load_curve, route_referrals,
    trace_referrals,
};
use reseau::relays::{Method, SelectRelaysRequest, select_relays};
use reseau::report::{ReportRequest, report};
use reseau::reputation::{ReputationRequest, Score, score};
use reseau::{CompiledNetwork, Layer, Network, Person, PersonId, PersonKind, Result, TieSpec};

/// The values every float parameter is tried with.
const EXTREMES: [f64; 22] = [
    0.0,
    -0.0,
    5e-324,            // the smallest subnormal
    1e-310,            // a subnormal
    f64::MIN_POSITIVE, // the smallest normal
    1e-300,
    1e-17, // below 2^-53: 1 - p rounds to 1
    1e-10,
    0.5,
    1.0 - f64::EPSILON / 2.0, // the largest float below 1
    1.0,
    1.0 + f64::EPSILON, // the smallest float above 1
    3.5e38,             // above f32::MAX: infinite as a 32-bit float
    1e300,
    f64::MAX,
    -1.0,
    -f64::MAX,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::from_bits(0x7FF8_0000_0000_0001), // another NaN
    -5e-324,
];

/// How long one call may take (an unoptimised build, on a shared machine).
const LIMIT: Duration = Duration::from_secs(20);

/// One float parameter: its name, an ordinary value at which the call succeeds, and the call
/// with the parameter set to a value.
type Case = (&'static str, f64, Arc<dyn Fn(f64) -> Result<()> + Send + Sync>);

/// 12 people on two layers, `lunch` (physical, undirected) and `mail` (digital, directed),
/// an influencer and a media person among them, labels `p0`…`p11`.
fn network() -> &'static (Network, Arc<CompiledNetwork>) {
    static NET: OnceLock<(Network, Arc<CompiledNetwork>)> = OnceLock::new();
    NET.get_or_init(|| {
        let mut net = Network::new();
        net.add_layer(Layer::physical("lunch")).unwrap();
        net.add_layer(Layer::digital("mail").directed(true)).unwrap();
        for i in 0..12 {
            let kind = match i {
                0 => PersonKind::Influencer,
                1 => PersonKind::Media,
                _ => PersonKind::Person,
            };
            net.add_person(Person::new().label(format!("p{i}")).kind(kind)).unwrap();
        }
        for i in 0..12u32 {
            let spec = if i % 3 == 0 {
                TieSpec::weight(2.0).probability(0.3)
            } else {
                TieSpec::weight(1.0)
            };
            net.add_tie_spec(PersonId(i), PersonId((i + 1) % 12), "lunch", spec).unwrap();
            net.add_tie(PersonId(i), PersonId((i + 5) % 12), "mail", 1.0).unwrap();
            net.add_tie(PersonId((i + 7) % 12), PersonId(i), "mail", 0.5).unwrap();
        }
        let compiled = net.compiled();
        (net, compiled)
    })
}

fn compiled() -> &'static CompiledNetwork {
    &network().1
}

fn plain() -> &'static Network {
    &network().0
}

/// Every float of a model, as a setter.
fn model_fields() -> Vec<(&'static str, fn(&mut Model, f64))> {
    fn settings(m: &mut Model) -> &mut LayerSettings {
        m.layers.entry("mail".to_owned()).or_default()
    }
    vec![
        ("probability", |m, x| m.probability = x),
        ("layer multiplier", |m, x| settings(m).multiplier = x),
        ("layer probability", |m, x| settings(m).probability = Some(x)),
        ("layer attempts", |m, x| settings(m).attempts = x),
        ("influencer multiplier", |m, x| m.amplifiers.influencer_multiplier = x),
        ("media probability", |m, x| m.amplifiers.media_probability = Some(x)),
        ("good multiplier", |m, x| m.good_multiplier = x),
        ("bad multiplier", |m, x| m.bad_multiplier = x),
        ("threshold", |m, x| {
            m.kind = ModelKind::LinearThreshold;
            m.thresholds = Some(vec![x; 12]);
        }),
        ("lt multiplier", |m, x| {
            m.kind = ModelKind::LinearThreshold;
            settings(m).multiplier = x;
        }),
        ("fatigue", |m, x| m.fatigue = Some(fatigue_fields()[0].1(x))),
        ("fatigue hill half", |m, x| m.fatigue = Some(fatigue_fields()[1].1(x))),
        ("fatigue hill exponent", |m, x| m.fatigue = Some(fatigue_fields()[2].1(x))),
        ("fatigue capacity", |m, x| m.fatigue = Some(fatigue_fields()[3].1(x))),
        ("fatigue half-life", |m, x| m.fatigue = Some(fatigue_fields()[4].1(x))),
    ]
}

/// Every float of a fatigue, as a constructor.
fn fatigue_fields() -> Vec<(&'static str, fn(f64) -> Fatigue)> {
    vec![
        ("exponential rate", Fatigue::exponential),
        ("hill half", |x| Fatigue::hill(x, 2.0)),
        ("hill exponent", |x| Fatigue::hill(2.0, x)),
        ("capacity", Fatigue::capacity),
        ("half-life", |x| Fatigue::hill(2.0, 2.0).half_life(x)),
    ]
}

fn case(name: &'static str, call: impl Fn(f64) -> Result<()> + Send + Sync + 'static) -> Case {
    // 0.5 suits every parameter but these.
    let ordinary = match name {
        "load curve second rate" | "budget" | "budget celf" | "report budget" | "kleinberg r" => {
            2.0
        }
        "adoption time" | "report fit" => 1.0,
        "erdos renyi mean degree"
        | "professional physical degree"
        | "professional digital degree" => 3.0,
        "professional exponent" => 2.5,
        _ => 0.5,
    };
    (name, ordinary, Arc::new(call))
}

fn simulate_with(model: Model) -> Result<()> {
    let request = SimulateRequest::new([0u32, 2]).bad_seeds([5u32]).model(model.clone()).runs(30);
    simulate(compiled(), &request)?.validate()?;
    // The exact spread on the first four people's ties (few enough to enumerate).
    let mut small = Network::new();
    small.add_layer(Layer::physical("lunch")).unwrap();
    small.add_layer(Layer::digital("mail").directed(true)).unwrap();
    for i in 0..4 {
        let kind = if i == 0 { PersonKind::Influencer } else { PersonKind::Person };
        small.add_person(Person::new().kind(kind)).unwrap();
    }
    for (a, b, layer) in [(0, 1, "lunch"), (1, 2, "mail"), (2, 3, "lunch"), (0, 3, "mail")] {
        small.add_tie(PersonId(a), PersonId(b), layer, 1.0).unwrap();
    }
    let mut model = model;
    model.thresholds = model.thresholds.map(|t| t[..4].to_vec()); // one per person
    let request = ExactSpreadRequest { model, ..ExactSpreadRequest::new([0u32]) };
    let spread = exact_spread(&small.compiled(), &request)?;
    // A spread out of range panics: reported as a failure of the case.
    assert!((0.0..=4.0).contains(&spread), "exact spread {spread}");
    Ok(())
}

fn referral_request() -> ReferralRequest {
    ReferralRequest { n_requests: Some(40), ..ReferralRequest::default() }
}

fn referrals(request: &ReferralRequest) -> Result<()> {
    route_referrals(compiled(), request)?.validate_people(12)?;
    trace_referrals(compiled(), request)?.iter().try_for_each(|t| t.validate_people(12))
}

fn relays(request: SelectRelaysRequest) -> Result<()> {
    let request = SelectRelaysRequest { evaluation_runs: 20, celf_runs: 20, ..request };
    select_relays(compiled(), &request)?.validate_people(12)
}

fn balance_request() -> BalanceRequest {
    BalanceRequest { mixes: vec![0.0, 0.5, 1.0], runs: 10, steps: 10, ..BalanceRequest::default() }
}

fn report_request() -> ReportRequest {
    ReportRequest {
        quick: true,
        runs: Some(20),
        replicates: Some(2),
        steps: Some(10),
        mixes: Some(vec![0.0, 1.0]),
        balance_steps: Some(10),
        balance_runs: Some(10),
        refine: Some(0),
        ..ReportRequest::default()
    }
}

fn adoptions(x: f64) -> FitRequest {
    let rows = vec![
        Adoption::new("p0", 0),
        Adoption::new("p1", 1),
        Adoption { time: Some(x), ..Adoption::new("p2", 0) },
    ];
    FitRequest { intervals: false, ..FitRequest::new(rows) }
}

/// Every float parameter of every request, and the network's own.
#[allow(clippy::too_many_lines)]
fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for (name, set) in model_fields() {
        cases.push(case(name, move |x| {
            let mut model = Model::independent_cascade(0.3);
            set(&mut model, x);
            simulate_with(model.clone())?;
            let request = TraceRequest::new([0u32]).model(model.clone());
            trace(compiled(), &request)?.validate()?;
            relays(SelectRelaysRequest::k(2).model(model.clone()))?;
            let request = ReputationRequest {
                method: Some(Score::Influence),
                samples: 200,
                model,
                ..Default::default()
            };
            score(compiled(), &request).map(drop)
        }));
        cases.push(case(name, move |x| {
            let mut model = Model::independent_cascade(0.3);
            set(&mut model, x);
            balance(plain(), &BalanceRequest { model: model.clone(), ..balance_request() })?
                .validate()?;
            report(plain(), &ReportRequest { model: Some(model), ..report_request() })?.validate()
        }));
    }
    // Routing: the referral requests, the load curve and the balance sweep share these.
    let routing: Vec<(&'static str, fn(f64) -> ReferralRequest)> = vec![
        ("referral rate", |x| ReferralRequest {
            rate: Some(x),
            steps: Some(5),
            ..ReferralRequest::default()
        }),
        ("physical share", |x| ReferralRequest { physical_share: Some(x), ..referral_request() }),
        ("forward", |x| ReferralRequest { forward: x, ..referral_request() }),
        ("layer forward", |x| ReferralRequest {
            layer_forward: BTreeMap::from([("mail".to_owned(), x)]),
            ..referral_request()
        }),
    ];
    for (name, make) in routing {
        cases.push(case(name, move |x| referrals(&make(x))));
    }
    for (name, make) in fatigue_fields() {
        cases.push(case(name, move |x| {
            referrals(&ReferralRequest { fatigue: Some(make(x)), ..referral_request() })?;
            referrals(&ReferralRequest { digital_fatigue: Some(make(x)), ..referral_request() })?;
            let curve = LoadCurveRequest {
                fatigue: Some(make(x)),
                ..LoadCurveRequest::new(vec![1.0]).steps(10)
            };
            referral_load_curve(compiled(), &curve)?.validate()?;
            fit(plain(), &FitRequest { fatigue: Some(make(x)), ..adoptions(1.0) })?.validate()?;
            let request = ReportRequest { fatigue: Some(make(x)), ..report_request() };
            report(plain(), &request)?.validate()?;
            let request = ReportRequest { digital_fatigue: Some(make(x)), ..report_request() };
            report(plain(), &request)?.validate()
        }));
    }
    let curves: Vec<(&'static str, fn(f64) -> LoadCurveRequest)> = vec![
        ("load curve rate", |x| LoadCurveRequest::new(vec![x])),
        ("load curve second rate", |x| LoadCurveRequest::new(vec![1.0, x])),
        ("load curve physical share", |x| LoadCurveRequest {
            physical_share: Some(x),
            ..LoadCurveRequest::new(vec![1.0])
        }),
        ("load curve forward", |x| LoadCurveRequest {
            forward: x,
            ..LoadCurveRequest::new(vec![1.0])
        }),
    ];
    for (name, make) in curves {
        cases.push(case(name, move |x| {
            referral_load_curve(compiled(), &make(x).steps(10))?.validate()
        }));
    }
    let selections: Vec<(&'static str, fn(f64) -> SelectRelaysRequest)> = vec![
        ("epsilon", |x| SelectRelaysRequest { epsilon: x, ..SelectRelaysRequest::k(2) }),
        ("epsilon opim", |x| SelectRelaysRequest {
            epsilon: x,
            method: Method::OpimC,
            ..SelectRelaysRequest::k(2)
        }),
        ("ell", |x| SelectRelaysRequest { ell: x, ..SelectRelaysRequest::k(2) }),
        ("ell opim", |x| SelectRelaysRequest {
            ell: x,
            method: Method::OpimC,
            ..SelectRelaysRequest::k(2)
        }),
        ("budget", |x| SelectRelaysRequest { budget: Some(x), ..SelectRelaysRequest::default() }),
        ("budget celf", |x| SelectRelaysRequest {
            budget: Some(x),
            method: Method::Celf,
            ..SelectRelaysRequest::default()
        }),
        ("cost", |x| SelectRelaysRequest {
            budget: Some(2.0),
            costs: Some((0..12).map(|i| if i == 3 { x } else { 1.0 }).collect()),
            ..SelectRelaysRequest::default()
        }),
        ("every cost", |x| SelectRelaysRequest {
            budget: Some(2.0),
            costs: Some(vec![x; 12]),
            ..SelectRelaysRequest::default()
        }),
    ];
    for (name, make) in selections {
        cases.push(case(name, move |x| relays(make(x))));
    }
    for method in [Score::Pagerank, Score::MultiplexPagerank] {
        cases.push(case("damping", move |x| {
            let request =
                ReputationRequest { method: Some(method), damping: x, ..Default::default() };
            score(compiled(), &request).map(drop)
        }));
        cases.push(case("tolerance", move |x| {
            let request =
                ReputationRequest { method: Some(method), tolerance: x, ..Default::default() };
            score(compiled(), &request).map(drop)
        }));
    }
    let balances: Vec<(&'static str, fn(f64) -> BalanceRequest)> = vec![
        ("mix", |x| BalanceRequest { mixes: vec![x], ..balance_request() }),
        ("balance rate", |x| BalanceRequest { rate: x, ..balance_request() }),
        ("effort", |x| BalanceRequest { effort: x, ..balance_request() }),
        ("physical cost", |x| BalanceRequest { physical_cost: x, ..balance_request() }),
        ("digital cost", |x| BalanceRequest { digital_cost: x, ..balance_request() }),
        ("decline rate", |x| BalanceRequest {
            decline: Some(Decline::new("mail", x, 2)),
            ..balance_request()
        }),
        ("balance forward", |x| BalanceRequest { forward: x, ..balance_request() }),
    ];
    for (name, make) in balances {
        cases.push(case(name, move |x| balance(plain(), &make(x))?.validate()));
    }
    let reports: Vec<(&'static str, fn(f64) -> ReportRequest)> = vec![
        ("report budget", |x| ReportRequest { budget: Some(x), ..report_request() }),
        ("min success", |x| ReportRequest { min_success: Some(x), ..report_request() }),
        ("max rate per person", |x| ReportRequest {
            max_rate_per_person: Some(x),
            ..report_request()
        }),
        ("report rate", |x| ReportRequest { rates: Some(vec![x]), ..report_request() }),
        ("report mix", |x| ReportRequest { mixes: Some(vec![x]), ..report_request() }),
        ("report decline rate", |x| ReportRequest {
            decline_layer: Some("mail".to_owned()),
            decline_rate: Some(x),
            decline_periods: Some(1),
            ..report_request()
        }),
        ("report fit", |x| ReportRequest { fit: Some(adoptions(x)), ..report_request() }),
    ];
    for (name, make) in reports {
        cases.push(case(name, move |x| report(plain(), &make(x))?.validate()));
    }
    let generators: Vec<(&'static str, fn(f64) -> Result<Network>)> = vec![
        ("erdos renyi mean degree", |x| {
            ErdosRenyiRequest { n: 50, mean_degree: x, seed: 1 }.generate()
        }),
        ("watts strogatz beta", |x| {
            WattsStrogatzRequest { n: 50, k: 4, beta: x, seed: 1 }.generate()
        }),
        ("kleinberg r", |x| KleinbergRequest { r: x, ..KleinbergRequest::new(6) }.generate()),
        ("block probability", |x| {
            let probabilities = vec![vec![x, 0.1], vec![0.1, 0.5]];
            StochasticBlockRequest { sizes: vec![20, 20], probabilities, seed: 1 }.generate()
        }),
        ("professional physical degree", |x| {
            professional(
                &ProfessionalOptions { people: 60, physical_mean_degree: x, ..Default::default() },
                1,
            )
        }),
        ("professional within group", |x| {
            professional(
                &ProfessionalOptions { people: 60, within_group: x, ..Default::default() },
                1,
            )
        }),
        ("professional digital degree", |x| {
            professional(
                &ProfessionalOptions { people: 60, digital_mean_degree: x, ..Default::default() },
                1,
            )
        }),
        ("professional exponent", |x| {
            professional(&ProfessionalOptions { people: 60, exponent: x, ..Default::default() }, 1)
        }),
        ("professional overlap", |x| {
            professional(&ProfessionalOptions { people: 60, overlap: x, ..Default::default() }, 1)
        }),
        ("professional influencers", |x| {
            professional(
                &ProfessionalOptions { people: 60, influencers: x, ..Default::default() },
                1,
            )
        }),
        ("professional influencer cost", |x| {
            professional(
                &ProfessionalOptions { people: 60, influencer_cost: x, ..Default::default() },
                1,
            )
        }),
    ];
    for (name, make) in generators {
        cases.push(case(name, move |x| make(x).map(drop)));
    }
    cases.push(case("adoption time", |x| {
        fit(plain(), &adoptions(x))?.validate()?;
        let spec = adoptions(x);
        let shuffle = ShuffleRequest {
            adoptions: spec.adoptions.clone(),
            permutations: 3,
            ..ShuffleRequest::default()
        };
        shuffle_test(plain(), &shuffle)?;
        let shadow =
            ShadowRequest { adoptions: spec.adoptions, candidates: 3, ..ShadowRequest::default() };
        infer_shadow(plain(), &shadow).map(drop)
    }));
    // The network's own floats, then a cascade on it.
    let networks: Vec<(&'static str, fn(&mut Network, f64) -> Result<()>)> = vec![
        ("tie weight", |net, x| net.add_tie(PersonId(2), PersonId(9), "lunch", x).map(drop)),
        ("tie probability", |net, x| {
            net.add_tie_spec(PersonId(2), PersonId(9), "lunch", TieSpec::weight(1.0).probability(x))
                .map(drop)
        }),
        ("person cost", |net, x| net.set_cost(PersonId(4), x)),
        ("position", |net, x| {
            for i in 0..12 {
                net.set_position(PersonId(i), Some([f64::from(i), 1.0]))?;
            }
            net.set_position(PersonId(4), Some([x, 1.0]))
        }),
        ("layer probability", |net, x| {
            net.add_layer(Layer::digital("extra").probability(x)).map(drop)?;
            net.add_tie(PersonId(0), PersonId(3), "extra", 1.0).map(drop)
        }),
    ];
    for (name, edit) in networks {
        cases.push(case(name, move |x| {
            let mut net = plain().clone();
            edit(&mut net, x)?;
            Network::from_json(&net.to_json())?;
            let view = net.compiled();
            simulate(&view, &SimulateRequest::new([0u32]).runs(20))?.validate()?;
            for method in [Score::Pagerank, Score::Degree] {
                score(&view, &ReputationRequest { method: Some(method), ..Default::default() })?;
            }
            for strategy in [
                Routing::Greedy,
                Routing::Oracle,
                Routing::StrongestTie,
                Routing::Hub,
                Routing::Random,
            ] {
                let request = ReferralRequest { strategy, ..referral_request() };
                route_referrals(&view, &request)?.validate_people(12)?;
            }
            let lt = SimulateRequest::new([0u32]).model(Model::linear_threshold()).runs(20);
            simulate(&view, &lt)?.validate()?;
            let request = SelectRelaysRequest {
                budget: Some(2.0),
                evaluation_runs: 20,
                ..SelectRelaysRequest::default()
            };
            select_relays(&view, &request)?.validate_people(12)
        }));
    }
    cases
}

/// Runs case `i` at `x` on its own thread: `Ok(kind)` with the error kind or "ok", `Err` with
/// what went wrong (a panic, or still running after [`LIMIT`]).
fn run(cases: &[Case], i: usize, x: f64) -> std::result::Result<&'static str, String> {
    let (name, call) = (cases[i].0, Arc::clone(&cases[i].2));
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let _ = tx.send(match call(x) {
            Ok(()) => Ok("ok"),
            Err(e) => {
                let message = e.to_string();
                if std::env::var_os("SHOW_ERRORS").is_some() {
                    println!("{name} = {x:e}: {message}");
                }
                // Floats in messages are short (`1e-308`, not 300 digits).
                let longest = message.split(|c: char| !c.is_ascii_digit()).map(str::len).max();
                if longest.unwrap_or(0) > 24 {
                    Err(format!("{name} = {x:e}: a long number in {message:?}"))
                } else {
                    Ok(e.kind())
                }
            }
        });
    });
    match rx.recv_timeout(LIMIT) {
        Ok(outcome) => outcome,
        Err(RecvTimeoutError::Timeout) => {
            Err(format!("{name} = {x:e}: still running after {LIMIT:?}"))
        }
        Err(RecvTimeoutError::Disconnected) => Err(format!("{name} = {x:e}: panicked")),
    }
}

#[test]
fn every_float_parameter_at_every_extreme() {
    let cases = cases();
    let mut failures = Vec::new();
    for i in 0..cases.len() {
        // The case is sound: at an ordinary value, the call succeeds.
        let ordinary = cases[i].1;
        if let Ok(kind) = run(&cases, i, ordinary) {
            assert_eq!(kind, "ok", "{} = {ordinary}", cases[i].0);
        }
        for x in EXTREMES {
            match run(&cases, i, x) {
                Ok(kind) => println!("{} = {x:e}: {kind}", cases[i].0),
                Err(failure) => {
                    println!("{failure}");
                    failures.push(failure);
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_float_anywhere_returns_or_refuses(
        i in 0usize..1000,
        x in prop_oneof![
            prop::sample::select(EXTREMES.to_vec()),
            any::<f64>(),
            any::<u64>().prop_map(f64::from_bits),
        ],
    ) {
        let cases = cases();
        let outcome = run(&cases, i % cases.len(), x);
        prop_assert!(outcome.is_ok(), "{}", outcome.unwrap_err());
    }
}
