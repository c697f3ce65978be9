//! Compressed RR storage against flat storage: the same sets give the same choice, bit for
//! bit, through every RR-set method; and the measurement of what compression saves.

// Test code may use any module (generators, data sets, readers): inside a test module, as
// tests/architecture.rs expects, so that the module graph shows what the library uses.
#[cfg(test)]
mod cases {
    use proptest::prelude::*;

    use crate::cascade::{LayerSettings, Model};
    use crate::compiled::CompiledNetwork;
    use crate::control::Control;
    use crate::memory::Budget;
    use crate::relays::budget::Limit;
    use crate::relays::coverage::{Bound, greedy};
    use crate::relays::select::rr_method;
    use crate::relays::{Method, Outcome, SelectRelaysRequest};
    use crate::rrsets::{Index, LiveGraph, RrSets, Storage};

    /// Every field of `a` and `b` equal, floats to the bit.
    fn assert_same(a: &Outcome, b: &Outcome, what: &str) {
        assert_eq!(a.relays, b.relays, "{what}");
        let bits = |x: &[f64]| x.iter().map(|g| g.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&a.gains), bits(&b.gains), "{what}");
        assert_eq!(a.estimate.to_bits(), b.estimate.to_bits(), "{what}");
        assert_eq!(a.samples, b.samples, "{what}");
        assert_eq!(a.approximation.map(f64::to_bits), b.approximation.map(f64::to_bits), "{what}");
    }

    fn run(
        net: &CompiledNetwork,
        model: &Model,
        method: Method,
        limit: &Limit<'_>,
        seed: u64,
    ) -> [Outcome; 2] {
        let graph = LiveGraph::new(net, model).unwrap();
        let options = SelectRelaysRequest {
            epsilon: 0.3,
            model: model.clone(),
            ..SelectRelaysRequest::default()
        };
        let seeds = [seed, seed ^ 0x9e37_79b9];
        [Storage::Flat, Storage::Compressed].map(|storage| {
            let memory = (Budget::unlimited(), storage);
            rr_method(method, &graph, limit, &options, seeds, &Control::none(), memory).unwrap()
        })
    }

    #[test]
    fn compressed_storage_chooses_exactly_as_flat_storage() {
        let aarhus = crate::datasets::aarhus_cs().compile();
        let ba = crate::generators::barabasi_albert_compiled(3_000, 3, 5).unwrap();
        let er = crate::generators::erdos_renyi(2_000, 5.0, 2).unwrap().compile();
        let multiplied = Model::weighted_cascade()
            .layer("lunch", LayerSettings { multiplier: 2.0, ..LayerSettings::default() });
        let cases: [(&str, &CompiledNetwork, Model); 7] = [
            ("aarhus IC 0.1", &aarhus, Model::independent_cascade(0.1)),
            ("aarhus WC x2 lunch", &aarhus, multiplied),
            ("aarhus LT", &aarhus, Model::linear_threshold()),
            ("BA IC 0.05", &ba, Model::independent_cascade(0.05)),
            ("BA WC", &ba, Model::weighted_cascade()),
            ("ER IC 0.2", &er, Model::independent_cascade(0.2)),
            ("ER LT", &er, Model::linear_threshold()),
        ];
        for (name, net, model) in &cases {
            let n = net.num_people();
            let costs: Vec<f64> = (0..n).map(|i| 1.0 + (i % 3) as f64).collect();
            for seed in [1, 2] {
                for method in [Method::Imm, Method::OpimC, Method::Hist] {
                    let [flat, packed] = run(net, model, method, &Limit::Count(5), seed);
                    assert!(flat.samples > 0);
                    assert_same(&flat, &packed, &format!("{name} {method:?} seed {seed}"));
                }
                let budget = Limit::Budget { budget: 6.0, costs: &costs };
                for method in [Method::Imm, Method::OpimC] {
                    let [flat, packed] = run(net, model, method, &budget, seed);
                    assert_same(&flat, &packed, &format!("{name} {method:?} budget seed {seed}"));
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any sets (members distinct, in any order, some people in many sets, up to ids that need
        /// several varint bytes): the same sets, index, coverage counts and greedy choice.
        #[test]
        fn compressed_sets_and_index_match_flat(
            sets in prop::collection::vec(prop::collection::btree_set(0u32..400, 1..40), 0..300),
            spread in 1u32..=300,
            k in 1usize..8,
            shuffle in any::<u64>(),
        ) {
            let n = 400 * spread as usize;
            let (mut flat, mut packed) = (RrSets::new(n), RrSets::new(n).compressed());
            let mut rng = crate::rng::Stream::new(shuffle, 0);
            for set in &sets {
                // Spread the ids out (gaps of several bytes) and draw them in a random order.
                let mut members: Vec<u32> = set.iter().map(|&v| v * spread).collect();
                for i in (1..members.len()).rev() {
                    members.swap(i, rng.below(i as u64 + 1) as usize);
                }
                flat.push_set(&members);
                packed.push_set(&members);
            }
            prop_assert!(packed.is_compressed() && !flat.is_compressed());
            prop_assert_eq!((flat.len(), flat.multi_len(), flat.members()), (packed.len(), packed.multi_len(), packed.members()));
            let mut a = Vec::new();
            flat.for_each_set(|i, s| { let mut s = s.to_vec(); s.sort_unstable(); a.push((i, s)); });
            let mut b = Vec::new();
            packed.for_each_set(|i, s| b.push((i, s.to_vec())));
            prop_assert_eq!(&a, &b);
            for (i, set) in &a {
                let mut one = Vec::new();
                packed.for_each_member(*i, |v| one.push(v));
                prop_assert_eq!(&one, set);
            }
            prop_assert_eq!(flat.occurrences(), packed.occurrences());
            let (fi, pi) = (Index::new(&flat, n), Index::new(&packed, n));
            for v in 0..n as u32 {
                prop_assert_eq!(fi.degree(v), pi.degree(v));
                let mut sets = Vec::new();
                pi.for_each_set_of(v, |s| sets.push(s));
                prop_assert_eq!(fi.sets_of(v), sets);
            }
            let chosen: Vec<bool> = (0..n).map(|v| v % 7 == 3).collect();
            prop_assert_eq!(flat.count_covered(&chosen), packed.count_covered(&chosen));
            let (x, y) = (greedy(&flat, &fi, n, k, Bound::Compute), greedy(&packed, &pi, n, k, Bound::Compute));
            prop_assert_eq!((x.relays, x.gains, x.covered), (y.relays, y.gains, y.covered));
            prop_assert_eq!(x.upper.map(f64::to_bits), y.upper.map(f64::to_bits));
            if sets.iter().any(|s| s.len() > 1) {
                prop_assert!(packed.stored_bytes() < flat.stored_bytes() || spread > 100);
            }
        }
    }

    /// The memory budget's cascade for OPIM-C (k = 10, IC p = 0.1 on a BA graph of 8,000 people,
    /// where RR sets hold much of the network): its final collections, drawn again, give the
    /// bytes each storage needs (as `extend_within` projects them: flat, twice the sets plus 12
    /// bytes a person; compressed, the sets, their index and 8 bytes a person); budgets with room
    /// to spare on either side of those thresholds then run flat, compressed (the very same
    /// choice, saying why), HIST (saying why, with both needs), or are refused.
    #[test]
    fn the_memory_budget_goes_flat_then_compressed_then_hist_then_refuses() {
        let net = crate::generators::barabasi_albert(8_000, 6, 3).unwrap().compile();
        let n = net.num_people();
        let request = |max_memory| SelectRelaysRequest {
            k: Some(10),
            method: Method::OpimC,
            model: Model::independent_cascade(0.1),
            evaluation_runs: 0,
            seed: 5,
            max_memory,
            ..SelectRelaysRequest::default()
        };
        let free = crate::relays::select_relays(&net, &request(Some(1 << 40))).unwrap();
        assert_eq!((free.method, free.switch_reason.as_deref()), (Method::OpimC, None));
        // OPIM-C's final collections hold samples / 2 sets each.
        let graph = LiveGraph::new(&net, &Model::independent_cascade(0.1)).unwrap();
        let theta = free.samples / 2;
        let (mut flat, mut packed) = (RrSets::new(n), RrSets::new(n).compressed());
        flat.extend_to(&graph, 99, theta, &Control::none()).unwrap();
        packed.extend_to(&graph, 99, theta, &Control::none()).unwrap();
        let n = n as u64;
        // Two collections at once (R1 and R2), each within half the budget.
        let flat_needs = 2 * (2 * flat.stored_bytes() + 12 * n);
        let packed_needs =
            2 * (packed.stored_bytes() + Index::new(&packed, n as usize).bytes() + 8 * n);
        assert!(flat_needs > 3 * packed_needs, "{flat_needs} flat, {packed_needs} compressed");
        println!("needs: {flat_needs} flat, {packed_needs} compressed");
        let at = |budget: f64| crate::relays::select_relays(&net, &request(Some(budget as u64)));
        let roomy = at(flat_needs as f64 * 1.3).unwrap();
        assert_eq!(roomy, free);
        let middle = at((flat_needs as f64 * packed_needs as f64).sqrt()).unwrap();
        assert_eq!(middle.method, Method::OpimC);
        assert_eq!(
            (&middle.relays, &middle.gains, middle.estimated_spread, middle.approximation),
            (&free.relays, &free.gains, free.estimated_spread, free.approximation)
        );
        let reason = middle.switch_reason.expect("a reason");
        println!("{reason}");
        assert!(reason.contains("compressed") && reason.contains("max_memory"), "{reason}");
        let hist = at(packed_needs as f64 / 1.5).unwrap();
        assert_eq!(hist.method, Method::Hist);
        let reason = hist.switch_reason.expect("a reason");
        assert!(reason.contains("HIST ran instead") && reason.contains("compressed"), "{reason}");
        println!("{reason}");
        let text = at(64.0 * 1024.0).unwrap_err().to_string();
        println!("{text}");
        assert!(
            text.contains("opim_c") && text.contains("compressed") && text.contains("HIST"),
            "{text}"
        );
    }

    /// Processor time of the calling thread, in seconds (Linux; 0 elsewhere).
    fn thread_seconds() -> f64 {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next().and_then(|ns| ns.parse::<u64>().ok()))
            .map_or(0.0, |ns| ns as f64 * 1e-9)
    }

    /// The measurement in `docs/performance/rr_storage.md`: per network and model, IMM (k = 50,
    /// ε = 0.1) on flat and on compressed RR sets (the same choice, checked), processor time of
    /// each (the better of two runs each, interleaved), then its final number of RR sets drawn
    /// again into each storage: bytes per member of the sets (members and ends) and of the index.
    /// Run on one thread, with the shared data:
    /// `RAYON_NUM_THREADS=1 RESEAU_DATA=/work/shared/data cargo test -p reseau --release --lib
    /// rr_storage_measurement -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement of minutes: run by hand (see docs/performance/rr_storage.md)"]
    fn rr_storage_measurement() {
        let data = std::env::var("RESEAU_DATA").unwrap_or_else(|_| "../shared/data".to_owned());
        let snap = |file: &str| {
            let path = std::path::Path::new(&data).join("snap").join(file);
            match crate::io::read_edgelist(&path, &crate::io::EdgeListOptions::default()) {
                Ok(net) => Some(net.compile()),
                Err(e) => {
                    println!("SKIPPED: {file}: {e}");
                    None
                }
            }
        };
        let ba = crate::generators::barabasi_albert_compiled(100_000, 5, 1).unwrap();
        let hep = snap("ca-HepTh/CA-HepTh.txt");
        let enron = snap("email-Enron/Email-Enron.txt");
        let mut cases: Vec<(&str, &CompiledNetwork, Model)> = vec![
            ("BA 10^5, m = 5", &ba, Model::independent_cascade(0.01)),
            ("BA 10^5, m = 5", &ba, Model::weighted_cascade()),
        ];
        for (name, net) in [("ca-HepTh", hep.as_ref()), ("email-Enron", enron.as_ref())] {
            if let Some(net) = net {
                cases.push((name, net, Model::independent_cascade(0.01)));
                if name == "ca-HepTh" {
                    // Larger sets.
                    cases.push((name, net, Model::independent_cascade(0.05)));
                }
                cases.push((name, net, Model::weighted_cascade()));
            }
        }
        println!(
            "| network | model | RR sets | members | flat B/member (sets + index) | compressed B/member (sets + index) | memory ratio | IMM time ratio (compressed / flat) |"
        );
        println!("|---|---|---:|---:|---:|---:|---:|---:|");
        for (name, net, model) in cases {
            let graph = LiveGraph::new(net, &model).unwrap();
            let options = SelectRelaysRequest {
                epsilon: 0.1,
                model: model.clone(),
                ..SelectRelaysRequest::default()
            };
            let limit = Limit::Count(50);
            let mut best = [f64::INFINITY; 2];
            let mut outcomes = Vec::new();
            for _ in 0..2 {
                for (i, storage) in [Storage::Flat, Storage::Compressed].into_iter().enumerate() {
                    let started = thread_seconds();
                    let memory = (Budget::unlimited(), storage);
                    let outcome = rr_method(
                        Method::Imm,
                        &graph,
                        &limit,
                        &options,
                        [1, 2],
                        &Control::none(),
                        memory,
                    )
                    .unwrap();
                    best[i] = best[i].min(thread_seconds() - started);
                    outcomes.push(outcome);
                }
            }
            assert_same(&outcomes[0], &outcomes[1], name);
            let theta = outcomes[0].samples;
            let n = net.num_people();
            let mut sizes = Vec::new();
            for storage in [Storage::Flat, Storage::Compressed] {
                let mut rr = RrSets::new(n).stored(storage);
                rr.extend_to(&graph, 3, theta, &Control::none()).unwrap();
                let index = Index::new(&rr, n);
                let members = rr.members().max(1) as f64;
                sizes.push((
                    rr.len(),
                    rr.members(),
                    rr.stored_bytes() as f64 / members,
                    index.bytes() as f64 / members,
                ));
            }
            let (flat, packed) = (sizes[0], sizes[1]);
            let model_name = match model.kind {
                crate::cascade::ModelKind::WeightedCascade => "WC".to_owned(),
                _ => format!("IC p = {}", model.probability),
            };
            println!(
                "| {name} | {model_name} | {} | {} | {:.2} + {:.2} | {:.2} + {:.2} | {:.2} | {:.2} |",
                flat.0,
                flat.1,
                flat.2,
                flat.3,
                packed.2,
                packed.3,
                (packed.2 + packed.3) / (flat.2 + flat.3),
                best[1] / best[0],
            );
        }
    }
}
