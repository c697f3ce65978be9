//! Distributed relay selection (`relays::distributed`): shards driven in-process give exactly
//! `select_relays`'s selection, whatever the shard plan; bad requests and bad answers are
//! typed errors.

use reseau::CompiledNetwork;
use reseau::cascade::{Model, SimulateRequest, simulate};
use reseau::generators::{barabasi_albert_compiled, erdos_renyi};
use reseau::relays::distributed::{Need, RelayDriver, RelayShard, ShardPlan, ShardSizes};
use reseau::relays::{Method, RelaySelection, SelectRelaysRequest, evaluation_seed, select_relays};

/// Runs the driver over shards of `plan` in-process; answers are gathered in reverse shard
/// order, to show that the order does not matter either.
fn drive(
    net: &CompiledNetwork,
    request: &SelectRelaysRequest,
    plan: &ShardPlan,
) -> reseau::Result<RelaySelection> {
    drive_counting(net, request, plan).map(|(selection, _)| selection)
}

/// [`drive`], with the number of OPIM-C rounds it took.
fn drive_counting(
    net: &CompiledNetwork,
    request: &SelectRelaysRequest,
    plan: &ShardPlan,
) -> reseau::Result<(RelaySelection, usize)> {
    let mut rounds = 0;
    let mut shards: Vec<RelayShard> = (0..plan.len())
        .map(|i| RelayShard::new(net, request, plan, i))
        .collect::<Result<_, _>>()?;
    shards.reverse();
    let mut driver = RelayDriver::new(net, request, plan)?;
    loop {
        match driver.need() {
            Need::Sample { theta } => {
                rounds += 1;
                let sizes: Vec<ShardSizes> =
                    shards.iter_mut().map(|s| s.sample(net, theta)).collect::<Result<_, _>>()?;
                driver.sampled(&sizes)?;
            }
            Need::Counts => {
                let counts: Vec<Vec<u32>> = shards.iter_mut().map(RelayShard::counts).collect();
                driver.counted(&counts)?;
            }
            Need::Add { person } => {
                let drops =
                    shards.iter_mut().map(|s| s.add(person)).collect::<Result<Vec<_>, _>>()?;
                for d in &drops {
                    assert!(d.people.windows(2).all(|w| w[0] < w[1]), "people in increasing order");
                    assert!(d.drops.iter().all(|&by| by > 0));
                }
                driver.added(&drops)?;
            }
            Need::Covered { relays } => {
                let covered =
                    shards.iter().map(|s| s.covered(&relays)).collect::<Result<Vec<_>, _>>()?;
                driver.covered(&covered)?;
            }
            Need::Done => break,
        }
    }
    let spread = driver.evaluation().map(|e| simulate(net, &e).map(|s| s.total)).transpose()?;
    assert_eq!(spread.is_some(), request.evaluation_runs > 0);
    Ok((driver.selection(net, spread)?, rounds))
}

fn plans() -> Vec<ShardPlan> {
    let mut plans: Vec<ShardPlan> =
        [1, 2, 3, 7].iter().map(|&s| ShardPlan::even(s).unwrap()).collect();
    plans.push(ShardPlan::weighted(vec![3, 1, 2]).unwrap());
    plans
}

#[test]
fn shards_give_exactly_the_single_machine_selection() {
    let networks: Vec<(&str, CompiledNetwork)> = vec![
        ("aarhus", reseau::datasets::aarhus_cs().compile()),
        ("er", erdos_renyi(400, 4.0, 5).unwrap().compile()),
        ("ba", barabasi_albert_compiled(600, 3, 8).unwrap()),
    ];
    let models = [
        Model::independent_cascade(0.05),
        Model::independent_cascade(0.2),
        Model::weighted_cascade(),
        Model::linear_threshold(),
    ];
    let (mut checked, mut most_rounds) = (0, 0);
    for (name, net) in &networks {
        for (m, model) in models.iter().enumerate() {
            for seed in [1u64, 17] {
                let k = 1 + (seed as usize + m) % 6;
                let request = SelectRelaysRequest::k(k)
                    .model(model.clone())
                    .method(Method::OpimC)
                    .evaluation_runs(0)
                    .seed(seed);
                let request = SelectRelaysRequest { epsilon: 0.3, ..request };
                let one = select_relays(net, &request).unwrap();
                assert_eq!(one.method, Method::OpimC);
                for plan in plans() {
                    let (many, rounds) = drive_counting(net, &request, &plan).unwrap();
                    most_rounds = most_rounds.max(rounds);
                    assert_eq!(many, one, "{name}, model {m}, seed {seed}, plan {plan:?}");
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 3 * 4 * 2 * 5);
    assert!(most_rounds >= 2, "some selections take several rounds ({most_rounds})");
}

#[test]
fn with_the_evaluation_costs_and_k_equal_to_n() {
    let net = reseau::datasets::aarhus_cs().compile();
    let n = net.num_people();
    let costs: Vec<f64> = (0..n).map(|i| 1.0 + (i % 3) as f64).collect();
    let request = SelectRelaysRequest {
        costs: Some(costs),
        evaluation_runs: 500,
        evaluation_model: Some(Model::independent_cascade(0.02)),
        ..SelectRelaysRequest::k(4).method(Method::OpimC).seed(3)
    };
    let one = select_relays(&net, &request).unwrap();
    assert!(one.spread.is_some());
    for plan in plans() {
        assert_eq!(drive(&net, &request, &plan).unwrap(), one);
    }
    // Everyone chosen: the greedy runs out of people.
    let everyone = SelectRelaysRequest { epsilon: 0.5, ..SelectRelaysRequest::k(n) }
        .method(Method::OpimC)
        .evaluation_runs(0)
        .seed(2);
    let one = select_relays(&net, &everyone).unwrap();
    assert_eq!(drive(&net, &everyone, &ShardPlan::even(2).unwrap()).unwrap(), one);
}

#[test]
fn the_driver_says_which_evaluation_one_machine_runs() {
    let net = barabasi_albert_compiled(300, 2, 6).unwrap();
    let base = SelectRelaysRequest::k(3)
        .model(Model::independent_cascade(0.1))
        .method(Method::OpimC)
        .evaluation_runs(400)
        .seed(21);
    for evaluation_model in [None, Some(Model::weighted_cascade())] {
        let request =
            SelectRelaysRequest { evaluation_model: evaluation_model.clone(), ..base.clone() };
        let plan = ShardPlan::even(2).unwrap();
        let (selection, _) = drive_counting(&net, &request, &plan).unwrap();
        assert_eq!(selection, select_relays(&net, &request).unwrap());
        // The same request built by hand from select_relays' documented rule.
        let expected = SimulateRequest::new(selection.relays.clone())
            .model(evaluation_model.unwrap_or_else(|| request.model.clone()))
            .runs(400)
            .seed(evaluation_seed(21));
        let spread = simulate(&net, &expected).unwrap().total;
        assert_eq!(selection.spread, Some(spread));
    }
    // Nothing to evaluate: no runs asked for, or nothing chosen yet.
    let plan = ShardPlan::even(1).unwrap();
    let none = RelayDriver::new(&net, &base.clone().evaluation_runs(0), &plan).unwrap();
    assert!(none.evaluation().is_none());
    assert!(RelayDriver::new(&net, &base, &plan).unwrap().evaluation().is_none());
}

#[test]
fn unsupported_requests_are_typed_errors_naming_what_is_supported() {
    let net = reseau::datasets::aarhus_cs().compile();
    let plan = ShardPlan::even(2).unwrap();
    for method in [Method::Imm, Method::Hist, Method::Celf, Method::Degree] {
        let request = SelectRelaysRequest::k(2).method(method);
        let err = RelayDriver::new(&net, &request, &plan).unwrap_err();
        assert_eq!(err.kind(), "InvalidParameterError");
        assert!(err.to_string().contains("opim_c"), "{err}");
        assert!(RelayShard::new(&net, &request, &plan, 0).is_err());
    }
    let budget = SelectRelaysRequest::budget(3.0).method(Method::OpimC);
    let err = RelayDriver::new(&net, &budget, &plan).unwrap_err();
    assert!(err.to_string().contains("k relays"), "{err}");
    let memory = SelectRelaysRequest { max_memory: Some(1 << 30), ..SelectRelaysRequest::k(2) }
        .method(Method::OpimC);
    assert!(RelayDriver::new(&net, &memory, &plan).is_err());
    // The request's own checks come first, as in select_relays.
    let too_many = SelectRelaysRequest::k(10_000).method(Method::OpimC);
    assert_eq!(
        RelayDriver::new(&net, &too_many, &plan).unwrap_err().to_string(),
        select_relays(&net, &too_many).unwrap_err().to_string()
    );
    assert!(ShardPlan::weighted(vec![]).is_err());
}

#[test]
fn answers_out_of_turn_or_from_too_few_shards_are_refused() {
    let net = reseau::datasets::aarhus_cs().compile();
    let request = SelectRelaysRequest::k(2).method(Method::OpimC).seed(1);
    let plan = ShardPlan::even(2).unwrap();
    let mut driver = RelayDriver::new(&net, &request, &plan).unwrap();
    let Need::Sample { theta } = driver.need() else { panic!("a sample first") };
    assert_eq!(
        driver.counted(&vec![vec![0; net.num_people()]; 2]).unwrap_err().kind(),
        "InvalidParameterError"
    );
    let mut shard = RelayShard::new(&net, &request, &plan, 0).unwrap();
    let sizes = shard.sample(&net, theta).unwrap();
    // One shard's sizes are not the whole collection, nor are they twice over.
    assert!(driver.sampled(&[sizes]).is_err());
    assert!(driver.sampled(&[sizes, sizes]).is_err());
    assert_eq!(driver.need(), Need::Sample { theta });
    assert!(driver.selection(&net, None).is_err());
    // A shard refuses a person out of range and an add before its counts.
    assert!(shard.add(0).is_err());
    shard.counts();
    assert!(shard.add(u32::MAX).is_err());
    assert!(shard.covered(&[u32::MAX]).is_err());
}
