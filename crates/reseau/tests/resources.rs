//! Issue 15: never abort, never hang. Calls that would need more memory than their budget are
//! refused before they allocate ([`reseau::memory`]), floats at their extremes are refused at
//! the boundary or handled, and results that come back in (pickles, dicts, shards) are
//! checked as live ones.

// Spreads of seeds that convince nobody are exact.
#![allow(clippy::float_cmp)]

use std::time::{Duration, Instant};

use reseau::referral::{LoadCurveRequest, ReferralRequest, referral_load_curve, route_referrals};
use reseau::{Error, datasets};

/// Runs `call` on its own thread and returns what it returns, or fails the test when it takes
/// longer than `limit` (the thread is then left behind: a test must never hang).
#[track_caller]
fn within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    call: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // A panic drops the sender: recv_timeout below then reports it.
        let _ = tx.send(call());
    });
    match rx.recv_timeout(limit) {
        Ok(out) => out,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: still running after {limit:?}")
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: panicked"),
    }
}

/// Asserts that `call` is refused with an `OutOfMemoryError` within a second (long before it
/// could allocate what it asks), and returns the error.
#[track_caller]
fn refused<T: std::fmt::Debug>(call: impl FnOnce() -> reseau::Result<T>) -> Error {
    let started = Instant::now();
    let err = call().expect_err("expected an OutOfMemoryError");
    assert_eq!(err.kind(), "OutOfMemoryError", "{err}");
    assert!(started.elapsed() < Duration::from_secs(1), "refused after {:?}", started.elapsed());
    err
}

#[test]
fn referrals_beyond_memory_are_refused_before_routing() {
    let net = datasets::aarhus_cs().compiled();
    let request = ReferralRequest { n_requests: Some(4_000_000_000), ..Default::default() };
    let err = refused(|| route_referrals(&net, &request));
    println!("{err}");
    let curve = LoadCurveRequest::new(vec![1e9]).steps(4);
    let err = refused(|| referral_load_curve(&net, &curve));
    println!("{err}");
}

#[test]
fn imm_hands_over_to_hist_or_stops_as_soon_as_its_rr_sets_would_not_fit() {
    use reseau::cascade::Model;
    use reseau::relays::{Method, SelectRelaysRequest, select_relays};
    // p = 0.5 on a connected network: every RR set holds nearly everyone.
    let net = reseau::generators::erdos_renyi(20_000, 6.0, 1).unwrap().compiled();
    let request = SelectRelaysRequest {
        epsilon: 0.02,
        evaluation_runs: 0,
        max_memory: Some(64 << 20),
        ..SelectRelaysRequest::k(5).model(Model::independent_cascade(0.5))
    };
    // IMM's sets would need tens of GB: HIST, whose sets stop at its sentinel set, fits.
    let started = Instant::now();
    let chosen = select_relays(&net, &request).unwrap();
    println!("{:?} after {:?}", chosen.switch_reason, started.elapsed());
    assert_eq!(chosen.method, Method::Hist);
    assert!(chosen.switch_reason.as_deref().is_some_and(|r| r.contains("HIST ran instead")));
    // Too little memory for HIST as well: refused, before the sets pass the budget.
    let tiny = SelectRelaysRequest { max_memory: Some(64 << 10), ..request };
    let started = Instant::now();
    let err = select_relays(&net, &tiny).unwrap_err();
    println!("{err} after {:?}", started.elapsed());
    assert_eq!(err.kind(), "OutOfMemoryError");
}

/// Issue 15, item 2: probabilities so small that 1 − p rounds to 1.
mod tiny_probabilities {
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use reseau::cascade::{CascadeSummary, LayerSettings, Model, SimulateRequest, simulate};
    use reseau::fatigue::Fatigue;
    use reseau::relays::{Method, SelectRelaysRequest, select_relays};
    use reseau::{CompiledNetwork, Layer, Network, Person, TieSpec};

    /// Below 2^−53 (treated as zero), the smallest normal f32, and above 2^−53 (resolved).
    const TINY: [f64; 3] = [1e-300, 1e-17, 1e-10];

    /// 60 people, everyone tied to everyone on one physical layer, each tie carrying `own` as
    /// its own probability when given (the per-tie path) and the layer's default otherwise.
    fn complete(own: Option<f64>, layer_p: Option<f64>) -> Arc<CompiledNetwork> {
        let mut net = Network::new();
        let mut layer = Layer::physical("lunch");
        if let Some(p) = layer_p {
            layer = layer.probability(p);
        }
        net.add_layer(layer).unwrap();
        let people: Vec<_> = (0..60).map(|_| net.add_person(Person::new()).unwrap()).collect();
        for (i, &a) in people.iter().enumerate() {
            for &b in &people[i + 1..] {
                let spec = match own {
                    Some(p) => TieSpec::weight(1.0).probability(p),
                    None => TieSpec::weight(1.0),
                };
                net.add_tie_spec(a, b, "lunch", spec).unwrap();
            }
        }
        net.compiled()
    }

    /// Runs `call`, asserting that it took at most two seconds (each takes a few milliseconds;
    /// the bound leaves room for a loaded machine and an unoptimised build).
    #[track_caller]
    fn fast<T: Send + 'static>(what: &str, call: impl FnOnce() -> T + Send + 'static) -> T {
        let started = Instant::now();
        let out = super::within(Duration::from_secs(5), what, call);
        let took = started.elapsed();
        assert!(took < Duration::from_secs(2), "{what}: {took:?}");
        out
    }

    fn spread(net: &CompiledNetwork, model: Model) -> CascadeSummary {
        let request = SimulateRequest::new([0u32, 1]).model(model).runs(300).seed(4);
        simulate(net, &request).unwrap()
    }

    /// Every route by which a tiny probability reaches a tie, for `p`: the network and model.
    fn routes(p: f64) -> Vec<(&'static str, Arc<CompiledNetwork>, Model)> {
        let plain = complete(None, None);
        let half = Model::independent_cascade(0.5);
        let multiplied = LayerSettings { multiplier: 2.0 * p, ..LayerSettings::default() };
        let set = LayerSettings { probability: Some(p), ..LayerSettings::default() };
        vec![
            ("model probability", plain.clone(), Model::independent_cascade(p)),
            ("layer probability", complete(None, Some(p)), Model::independent_cascade(0.5)),
            ("settings probability", plain.clone(), half.clone().layer("lunch", set)),
            ("tie probability", complete(Some(p), None), half.clone()),
            ("layer multiplier", plain.clone(), half.clone().layer("lunch", multiplied)),
            ("good multiplier", plain.clone(), Model { good_multiplier: 2.0 * p, ..half.clone() }),
            // Fatigue forces a draw per tie rather than geometric skipping.
            (
                "with fatigue",
                plain.clone(),
                Model::independent_cascade(p).fatigue(Fatigue::hill(100.0, 2.0)),
            ),
        ]
    }

    #[test]
    fn cascades_with_tiny_probabilities_end_at_once_as_with_zero() {
        let zero = spread(&complete(None, None), Model::independent_cascade(0.0));
        assert_eq!(zero.mean(), 2.0);
        for p in TINY {
            for (route, net, model) in routes(p) {
                let got = fast(&format!("{route} {p:e}"), move || spread(&net, model));
                assert_eq!(got.total, zero.total, "{route} {p:e}");
                assert_eq!(got.by_step, zero.by_step, "{route} {p:e}");
            }
        }
    }

    #[test]
    fn rr_sets_with_tiny_probabilities_end_at_once_as_with_zero() {
        let request = |model: Model, method| SelectRelaysRequest {
            method,
            evaluation_runs: 50,
            ..SelectRelaysRequest::k(2).model(model)
        };
        for method in [Method::Imm, Method::OpimC] {
            let net = complete(None, None);
            let zero = select_relays(&net, &request(Model::independent_cascade(0.0), method));
            let zero = zero.unwrap();
            for p in TINY {
                for (route, net, model) in routes(p) {
                    let what = format!("{route} {p:e} {method:?}");
                    let request = request(model, method);
                    let got = fast(&what, move || select_relays(&net, &request).unwrap());
                    // Nobody convinces anyone: any two relays reach exactly two people.
                    assert_eq!(got.spread.unwrap().mean, 2.0, "{what}");
                    let estimate = got.estimated_spread.unwrap();
                    if p < reseau::rng::MIN_PROBABILITY {
                        // The very same RR sets as at p = 0: each its root alone.
                        assert_eq!(got.estimated_spread, zero.estimated_spread, "{what}");
                        assert_eq!(got.samples, zero.samples, "{what}");
                    } else {
                        assert!((estimate - 2.0).abs() < 0.5, "{what}: {estimate}");
                    }
                }
            }
        }
    }

    #[test]
    fn gap_tables_of_tiny_probabilities_draw_at_once() {
        use reseau::rng::{GapTable, Stream};
        let mut rng = Stream::new(3, 0);
        for p in [1e-300, 1e-17, 2f64.powi(-54)] {
            assert_eq!(GapTable::new(p).sample(&mut rng), u64::MAX, "{p:e}");
        }
        // Just above the resolution: huge gaps, drawn in one step each, with mean (1 − p)/p.
        for p in [1e-10, 1e-6, 1e-4] {
            let gaps = GapTable::new(p);
            let n = 20_000;
            let mut rng = rng.clone();
            let mean = fast(&format!("{p:e}"), move || {
                (0..n).map(|_| gaps.sample(&mut rng) as f64).sum::<f64>() / f64::from(n)
            });
            let want = (1.0 - p) / p;
            // The standard deviation of a geometric mean is about its mean / √n.
            assert!((mean - want).abs() < 4.0 * want / f64::from(n).sqrt(), "{p:e}: {mean}");
        }
    }
}

/// Issue 15, item 3: shards say what simulation they are from.
mod shards {
    use reseau::cascade::{
        MAX_SHARDS, Model, PartialSummary, SimulateRequest, shard_ranges, simulate, simulate_runs,
    };
    use reseau::control::Control;

    fn shard(request: &SimulateRequest, runs: std::ops::Range<u64>) -> PartialSummary {
        let net = reseau::datasets::aarhus_cs().compiled();
        simulate_runs(&net, request, runs, &Control::none()).unwrap()
    }

    #[test]
    fn shards_of_different_simulations_do_not_merge() {
        let request = SimulateRequest::new([0u32, 5]).runs(128).seed(3);
        let a = shard(&request, 0..64);
        let b = shard(&request, 64..128);
        let net = reseau::datasets::aarhus_cs().compiled();
        assert_eq!(a.merge(&b).unwrap().summary(), simulate(&net, &request).unwrap());
        let others = [
            ("model", request.clone().model(Model::independent_cascade(0.3))),
            ("seed people", SimulateRequest::new([0u32, 6]).seed(3)),
            ("bad seeds", request.clone().bad_seeds([9u32])),
            (
                "fatigue",
                request
                    .clone()
                    .model(Model::default().fatigue(reseau::fatigue::Fatigue::capacity(2.0))),
            ),
        ];
        for (what, other) in others {
            let err = a.merge(&shard(&other, 64..128)).unwrap_err();
            assert_eq!(err.kind(), "InvalidParameterError", "{what}");
            assert!(err.to_string().contains("different simulations"), "{what}: {err}");
        }
        // Another network with the same people and layers: one tie more.
        let mut bigger = reseau::datasets::aarhus_cs();
        let (p, q) = (reseau::PersonId(0), reseau::PersonId(60));
        if bigger.tie(p, q, "lunch").unwrap().is_none() {
            bigger.add_tie(p, q, "lunch", 1.0).unwrap();
        } else {
            bigger.remove_tie(p, q, "lunch").unwrap();
        }
        let c = simulate_runs(&bigger.compiled(), &request, 64..128, &Control::none()).unwrap();
        assert!(a.merge(&c).unwrap_err().to_string().contains("different simulations"));
    }

    #[test]
    fn fingerprints_survive_json_and_old_shards_are_refused() {
        let request = SimulateRequest::new([0u32]).seed(1);
        let (a, b) = (shard(&request, 0..64), shard(&request, 64..100));
        let text = serde_json::to_string(&a).unwrap();
        let hex = format!("\"fingerprint\":\"{:016x}\"", a.fingerprint.unwrap());
        assert!(text.contains(&hex), "{text}");
        let back: PartialSummary = serde_json::from_str(&text).unwrap();
        assert_eq!(back, a);
        assert_eq!(back.merge(&b).unwrap().runs(), 100);
        // A shard saved before fingerprints: read, summarised, but not merged.
        let old: PartialSummary =
            serde_json::from_str(&text.replace(&hex, "\"fingerprint\":null")).unwrap();
        assert_eq!(old.fingerprint, None);
        assert_eq!(old.summary(), a.summary());
        let without = text.replace(&format!("{hex},"), "").replace(&hex, "");
        let old2: PartialSummary = serde_json::from_str(&without).unwrap();
        assert_eq!(old2.fingerprint, None);
        for shard in [old, old2] {
            let err = shard.merge(&b).unwrap_err();
            assert!(err.to_string().contains("without a fingerprint"), "{err}");
            assert!(b.merge(&shard).is_err());
        }
        // An edited fingerprint: refused as another simulation; a malformed one: not read.
        let edited = text.replace(&hex, "\"fingerprint\":\"0000000000000001\"");
        let edited: PartialSummary = serde_json::from_str(&edited).unwrap();
        assert!(edited.merge(&b).unwrap_err().to_string().contains("different simulations"));
        assert!(
            serde_json::from_str::<PartialSummary>(&text.replace(&hex, "\"fingerprint\":\"xyz\""))
                .is_err()
        );
    }

    #[test]
    fn edited_tallies_are_refused_before_they_are_added_up() {
        let request = SimulateRequest::new([0u32]).model(Model::independent_cascade(0.3)).seed(1);
        let (a, b) = (shard(&request, 0..64), shard(&request, 64..128));
        let json = serde_json::to_value(&a).unwrap();
        let edits: [(&str, serde_json::Value); 5] = [
            ("/tally/sum/0", serde_json::json!(1_000_000)),
            ("/tally/activation/0/3", serde_json::json!(65)),
            ("/tally/seeds/0", serde_json::json!(0)),
            ("/tally/by_step/0", serde_json::json!(u64::MAX)),
            ("/tally/runs", serde_json::json!(10)),
        ];
        for (pointer, value) in edits {
            let mut edited = json.clone();
            *edited.pointer_mut(pointer).unwrap() = value;
            let edited: PartialSummary = serde_json::from_value(edited).unwrap();
            let err = edited.validate().unwrap_err();
            assert!(err.to_string().contains("inconsistent tallies"), "{pointer}: {err}");
            assert!(edited.merge(&b).is_err() && b.merge(&edited).is_err(), "{pointer}");
        }
    }

    #[test]
    fn shard_ranges_cover_the_runs_in_aligned_blocks_and_refuse_a_billion_shards() {
        for (runs, shards) in
            [(1, 1), (10, 4), (200, 2), (1000, 3), (64 * 7 + 5, 3), (1 << 40, 1000)]
        {
            let ranges = shard_ranges(runs, shards).unwrap();
            assert!(ranges.len() as u64 <= shards);
            assert_eq!(ranges[0][0], 0);
            assert_eq!(ranges.last().unwrap()[1], runs);
            for w in ranges.windows(2) {
                assert_eq!(w[0][1], w[1][0]);
                assert_eq!(w[0][1] % 64, 0, "aligned to blocks");
            }
            assert!(ranges.iter().all(|r| r[0] < r[1]));
        }
        let started = std::time::Instant::now();
        let err = shard_ranges(10u64.pow(18), 10u64.pow(9)).unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(
            err.to_string(),
            format!("invalid shards: 1000000000 (expected 1 to {MAX_SHARDS} shards)")
        );
        assert_eq!(shard_ranges(10u64.pow(18), MAX_SHARDS).unwrap().len() as u64, MAX_SHARDS);
        assert!(shard_ranges(0, 1).is_err() && shard_ranges(1, 0).is_err());
    }
}

/// Issue 15, item 3: results that come back in are checked.
mod results {
    use reseau::balance::{BalanceRequest, balance};
    use reseau::cascade::{Model, SimulateRequest, TraceRequest, simulate, trace};
    use reseau::fatigue::Fatigue;
    use reseau::inference::{Adoption, FitRequest, fit};
    use reseau::referral::{
        LoadCurveRequest, ReferralRequest, referral_load_curve, route_referrals, trace_referrals,
    };
    use reseau::relays::{Method, SelectRelaysRequest, select_relays};
    use reseau::report::{ReportRequest, report};
    use reseau::reputation::{ReputationRequest, reputation};
    use reseau::{Error, datasets};

    /// Asserts that `result` is an `InvalidParameterError` naming `field`.
    #[track_caller]
    fn names(result: reseau::Result<()>, field: &str) {
        let err: Error = result.expect_err(field);
        assert_eq!(err.kind(), "InvalidParameterError", "{err}");
        assert!(err.to_string().contains(field), "{field}: {err}");
    }

    /// The data set, its compiled view and its number of people.
    fn aarhus() -> (reseau::Network, std::sync::Arc<reseau::CompiledNetwork>, usize) {
        let plain = datasets::aarhus_cs();
        let net = plain.compiled();
        let n = net.num_people();
        (plain, net, n)
    }

    #[test]
    fn cascade_results_validate_and_edited_ones_name_the_field() {
        let (_, net, n) = aarhus();
        let models = [
            Model::independent_cascade(0.3),
            Model::weighted_cascade(),
            Model::linear_threshold(),
            Model::independent_cascade(0.2).fatigue(Fatigue::hill(2.0, 2.0)),
        ];
        for model in &models {
            let request = SimulateRequest::new([0u32, 7]).bad_seeds([9u32]).model(model.clone());
            let summary = simulate(&net, &request.runs(200)).unwrap();
            summary.validate().unwrap();
            let t =
                trace(&net, &TraceRequest::new([0u32, 7]).model(model.clone()).seed(3)).unwrap();
            t.validate().unwrap();
        }
        let summary = simulate(&net, &SimulateRequest::new([0u32]).runs(100)).unwrap();
        let mut edited = summary.clone();
        edited.total.mean = 1e6;
        names(edited.validate(), "CascadeSummary.total.mean");
        let mut edited = summary.clone();
        edited.good.by_layer.pop();
        names(edited.validate(), "CascadeSummary.good.by_layer");
        let mut edited = summary.clone();
        edited.total.activation[3] = 2.0;
        names(edited.validate(), "CascadeSummary.total.activation");
        let mut edited = summary;
        edited.runs = 0;
        names(edited.validate(), "CascadeSummary.runs");
        let t =
            trace(&net, &TraceRequest::new([0u32]).model(Model::independent_cascade(0.5))).unwrap();
        let mut edited = t.clone();
        edited.order.push(n as u32 + 5);
        names(edited.validate(), "CascadeTrace.order");
        let mut edited = t.clone();
        let child = *edited.order.last().unwrap() as usize;
        edited.parent[child] = i64::try_from(child).unwrap();
        names(edited.validate(), "CascadeTrace.parent");
        let mut edited = t;
        edited.valence.pop();
        names(edited.validate(), "CascadeTrace.valence");
    }

    #[test]
    fn referral_results_validate_and_edited_ones_name_the_field() {
        let (_, net, n) = aarhus();
        for fatigue in [None, Some(Fatigue::capacity(3.0))] {
            let request = ReferralRequest { n_requests: Some(300), fatigue, ..Default::default() };
            route_referrals(&net, &request).unwrap().validate_people(n).unwrap();
            for t in trace_referrals(&net, &request).unwrap() {
                t.validate_people(n).unwrap();
            }
        }
        let request = ReferralRequest { n_requests: Some(50), ..Default::default() };
        let summary = route_referrals(&net, &request).unwrap();
        let mut edited = summary.clone();
        edited.succeeded = 1_000_000;
        names(edited.validate(), "ReferralSummary.succeeded");
        let mut edited = summary.clone();
        edited.chain_lengths.push(3);
        names(edited.validate(), "ReferralSummary.chain_lengths");
        let mut edited = summary.clone();
        edited.layer_hops.pop();
        names(edited.validate(), "ReferralSummary.layer_hops");
        if let Some(first) = summary.overloaded.first() {
            let mut edited = summary.clone();
            edited.overloaded[0].person = first.person + n as u32;
            names(edited.validate_people(n), "ReferralSummary.overloaded.person");
        }
        let t = trace_referrals(&net, &request).unwrap().remove(0);
        let mut edited = t.clone();
        edited.labels.pop();
        names(edited.validate(), "ReferralTrace.labels");
        let mut edited = t;
        edited.path.push(10_000);
        names(edited.validate_people(n), "ReferralTrace");

        let curve =
            referral_load_curve(&net, &LoadCurveRequest::new(vec![1.0, 4.0, 16.0]).steps(20))
                .unwrap();
        curve.validate().unwrap();
        let mut edited = curve.clone();
        edited.peak_index = 7;
        names(edited.validate(), "LoadCurve.peak_index");
        let mut edited = curve;
        edited.succeeded[0] = edited.requests[0] + 1;
        names(edited.validate(), "LoadCurve.succeeded");
    }

    #[test]
    fn selections_and_scores_validate_and_edited_ones_name_the_field() {
        let (_, net, n) = aarhus();
        for method in [Method::Imm, Method::OpimC, Method::Degree, Method::Pagerank] {
            let request =
                SelectRelaysRequest { method, evaluation_runs: 50, ..SelectRelaysRequest::k(3) };
            select_relays(&net, &request).unwrap().validate_people(n).unwrap();
        }
        let budgeted =
            SelectRelaysRequest { budget: Some(3.0), evaluation_runs: 0, ..Default::default() };
        select_relays(&net, &budgeted).unwrap().validate_people(n).unwrap();
        let chosen = select_relays(
            &net,
            &SelectRelaysRequest { evaluation_runs: 50, ..SelectRelaysRequest::k(3) },
        )
        .unwrap();
        let mut edited = chosen.clone();
        edited.relays[1] = edited.relays[0];
        names(edited.validate(), "RelaySelection.relays");
        let mut edited = chosen.clone();
        edited.relays[1] = n as u32; // what made relay_labels panic
        names(edited.validate(), "RelaySelection.relays");
        let mut edited = chosen;
        edited.gains.push(1.0);
        names(edited.validate(), "RelaySelection.gains");

        let scores =
            reputation(&net, &ReputationRequest { samples: 500, ..Default::default() }).unwrap();
        scores.validate().unwrap();
        let mut edited = scores.clone();
        edited.pagerank.pop();
        names(edited.validate(), "Reputation.pagerank");
        let mut edited = scores;
        edited.core[0] = f64::NAN;
        names(edited.validate(), "Reputation.core");
    }

    #[test]
    fn tables_fits_and_reports_validate_and_edited_ones_name_the_field() {
        let (plain, _, _) = aarhus();
        let sweep = BalanceRequest {
            mixes: vec![0.0, 0.5, 1.0],
            runs: 20,
            steps: 20,
            ..Default::default()
        };
        let table = balance(&plain, &sweep).unwrap();
        table.validate().unwrap();
        let mut edited = table.clone();
        edited.rows.pop();
        names(edited.validate(), "BalanceReport.rows");
        let mut edited = table;
        edited.rows[0].success_rate = 1.5;
        names(edited.validate(), "BalanceReport.rows.success_rate");

        let seen = vec![Adoption::new("U4", 0), Adoption::new("U1", 1), Adoption::new("U102", 2)];
        let fitted = fit(&plain, &FitRequest::new(seen)).unwrap();
        fitted.validate().unwrap();
        let mut edited = fitted;
        edited.shadow_share = -0.5;
        names(edited.validate(), "CascadeFit.shadow_share");

        let whole = report(&plain, &ReportRequest::quick()).unwrap();
        whole.validate().unwrap();
        let mut edited = whole;
        edited.relays.relays[0] = 10_000;
        names(edited.validate(), "RelaySelection.relays");
    }
}

/// Issue 15, item 4: names users see, readers' layer lists, messages that mislead.
mod small_things {
    use reseau::io::{
        CsvOptions, MpxOptions, MultiplexOptions, parse_csv, parse_mpx, parse_multiplex,
    };
    use reseau::relays::{SelectRelaysRequest, select_relays};
    use reseau::report::{ReportRequest, report};
    use reseau::reputation::{ReputationRequest, Score, score};
    use reseau::{LayerKind, Network, Person, PersonId, PersonRef};

    #[test]
    fn unlabelled_people_show_as_hash_id_which_no_other_label_can_be() {
        let mut net = Network::new();
        net.add_layer(reseau::Layer::physical("lunch")).unwrap();
        net.add_person(Person::new().label("3")).unwrap();
        net.add_people(3).unwrap();
        let shown = ["3", "#1", "#2", "#3"];
        assert_eq!(net.display_names(), shown);
        assert_eq!(net.compiled().display_names(), shown);
        assert_eq!(net.display_name(PersonId(3)), "#3");
        // What users see names the person back.
        assert_eq!(net.resolve(&PersonRef::from("#3")).unwrap(), PersonId(3));
        assert_eq!(net.resolve(&PersonRef::from("3")).unwrap(), PersonId(0));
        assert_eq!(net.compiled().resolve(&PersonRef::from("#2")).unwrap(), 2);
        assert_eq!(net.resolve(&PersonRef::from("#9")).unwrap_err().kind(), "UnknownPersonError");
        // A label that reads as another person's display name is refused; one's own is fine.
        let err = net.add_person(Person::new().label("#2")).unwrap_err();
        assert_eq!(err.kind(), "InvalidParameterError");
        assert!(err.to_string().contains("#2") && err.to_string().contains("person #4"), "{err}");
        assert_eq!(net.add_person(Person::new().label("#4")).unwrap(), PersonId(4));
        assert_eq!(net.num_people(), 5);
        // Messages name unlabelled people as they are shown.
        net.add_tie(PersonId(1), PersonId(2), "lunch", 1.0).unwrap();
        let err = net.add_tie(PersonId(1), PersonId(1), "lunch", 1.0).unwrap_err();
        assert!(err.to_string().contains("#1"), "{err}");
        // So do results: a referral trace's labels, a relay selection's, the busiest people.
        net.add_tie(PersonId(0), PersonId(1), "lunch", 1.0).unwrap();
        let view = net.compiled();
        let request = reseau::referral::ReferralRequest {
            requests: Some(vec![[PersonRef::from(2u32), PersonRef::from("3")]; 20]),
            ..Default::default()
        };
        for trace in reseau::referral::trace_referrals(&view, &request).unwrap() {
            assert_eq!(trace.labels[0], "#2", "{trace:?}");
            for (&p, label) in trace.path.iter().zip(&trace.labels) {
                assert_eq!(*label, net.display_name(PersonId(p)));
            }
        }
        let summary = reseau::referral::route_referrals(&view, &request).unwrap();
        for o in &summary.overloaded {
            assert_eq!(o.label, net.display_name(PersonId(o.person)));
        }
        let relays = reseau::relays::SelectRelaysRequest { k: Some(2), ..Default::default() };
        let chosen = reseau::relays::select_relays(&view, &relays).unwrap();
        for (id, label) in chosen.relays.iter().zip(&chosen.labels) {
            assert_eq!(*label, net.display_name(PersonId(*id)));
        }
    }

    #[test]
    fn a_misspelt_digital_layer_is_an_unknown_layer() {
        let mpx = b"#LAYERS\nfacebook,UNDIRECTED\nlunch,UNDIRECTED\n#EDGES\nana,bo,lunch\nana,bo,facebook\n";
        for (list, ok) in [(vec!["Lunch"], true), (vec!["lunch", "facebok"], false)] {
            let digital = Some(list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
            let got = parse_mpx(
                mpx,
                "x.mpx",
                &MpxOptions { digital: digital.clone(), ..Default::default() },
            );
            let layers = b"layerID layerLabel\n1 facebook\n2 lunch\n";
            let multiplex = parse_multiplex(
                b"1 1 2 1\n",
                Some(layers),
                None,
                &MultiplexOptions { digital: digital.clone(), ..Default::default() },
            );
            let csv = b"source,target,layer\na,b,lunch\nb,c,facebook\n";
            let options =
                CsvOptions { layer_column: Some("layer".into()), digital, ..Default::default() };
            let csv = parse_csv(csv, "x.csv", &options);
            for result in [got, multiplex, csv] {
                if ok {
                    let net = result.unwrap();
                    let lunch = net.layer(net.layer_id("lunch").unwrap());
                    assert_eq!(lunch.kind, LayerKind::Digital);
                } else {
                    let err = result.unwrap_err();
                    assert_eq!(err.kind(), "UnknownLayerError");
                    assert!(err.to_string().contains("facebok"), "{err}");
                }
            }
        }
    }

    #[test]
    fn messages_say_what_is_wrong() {
        // An empty network: no cheapest cost of inf, no "invalid k: 0".
        let empty = Network::new();
        let budget = SelectRelaysRequest { budget: Some(1.0), ..Default::default() };
        let err = select_relays(&empty.compiled(), &budget).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid network: no people (expected a network with people to choose from)"
        );
        let err = select_relays(&empty.compiled(), &SelectRelaysRequest::k(1)).unwrap_err();
        assert!(err.to_string().contains("no people"), "{err}");
        let err = report(&empty, &ReportRequest::quick()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid network: no people (expected a network with people to report on)"
        );
        // Samples beyond the limit talk of samples, not of IMM's epsilon and ell.
        let view = reseau::datasets::aarhus_cs().compiled();
        let request = ReputationRequest { samples: u64::from(u32::MAX), ..Default::default() };
        let err = score(&view, &ReputationRequest { method: Some(Score::Influence), ..request })
            .unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("samples") && !text.contains("epsilon") && !text.contains("ell"),
            "{text}"
        );
        // The multiplex PageRank of a network without layers: everyone alike (no ties).
        let mut bare = Network::new();
        bare.add_people(4).unwrap();
        let alike =
            score(&bare.compiled(), &ReputationRequest::score(Score::MultiplexPagerank)).unwrap();
        assert_eq!(alike, vec![0.25; 4]);
    }
}
