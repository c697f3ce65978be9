//! The binary format of the compiled network (`reseau::io::{load, from_bytes}`,
//! `CompiledNetwork::{save, to_bytes}`): a round trip gives the very same view and the very
//! same analyses, the network rebuilt from it compiles to the same arrays, and every damaged,
//! cut, foreign or future file is a typed error, never a panic.

use proptest::prelude::*;
use reseau::cascade::{SimulateRequest, simulate};
use reseau::io::{from_bytes, load};
use reseau::referral::{ReferralRequest, Workload, route_referrals};
use reseau::relays::{SelectRelaysRequest, select_relays};
use reseau::{
    CompiledNetwork, Error, Layer, LayerKind, Network, Person, PersonId, PersonKind, Sign, TieSpec,
    datasets, generators,
};

/// The three analyses the format must not change, as JSON (exact, NaN-safe).
fn analyses(view: &CompiledNetwork) -> String {
    let seeds: Vec<u32> = (0..3.min(view.num_people() as u32)).collect();
    let cascade = simulate(view, &SimulateRequest::new(seeds).runs(200).seed(11)).unwrap();
    let k = 3.min(view.num_people());
    let relays = select_relays(view, &SelectRelaysRequest::k(k).seed(5)).unwrap();
    let n = view.num_people() as u32;
    let pairs: Vec<[u32; 2]> = (0..20).map(|i| [i % n, (i * 7 + 3) % n]).collect();
    let referrals = route_referrals(view, &ReferralRequest::new(Workload::pairs(pairs)).seed(9));
    format!(
        "{}\n{}\n{}",
        serde_json::to_string(&cascade).unwrap(),
        serde_json::to_string(&relays).unwrap(),
        referrals.map_or_else(|e| e.to_string(), |r| serde_json::to_string(&r).unwrap())
    )
}

fn round_trip_checks(net: &Network) {
    let view = net.compile();
    let bytes = view.to_bytes();
    let back = from_bytes(&bytes).unwrap();
    assert_eq!(back, view);
    assert_eq!(back.labels(), view.labels());
    assert_eq!(back.to_bytes(), bytes, "writing is deterministic");
    let rebuilt = Network::from_compiled(back.clone()).unwrap();
    assert_eq!(rebuilt.compile(), view, "the rebuilt network compiles to the same arrays");
    assert_eq!(rebuilt.num_ties(), net.num_ties());
    assert_eq!(analyses(&back), analyses(&view));
    assert_eq!(analyses(&rebuilt.compiled()), analyses(&view));
}

#[test]
fn aarhus_and_a_generated_network_round_trip_with_identical_analyses() {
    round_trip_checks(&datasets::aarhus_cs());
    round_trip_checks(&generators::barabasi_albert(2_000, 3, 4).unwrap());
    let path = std::env::temp_dir().join(format!("reseau-binary-{}.rsn", std::process::id()));
    let view = datasets::aarhus_cs().compile();
    view.save(&path).unwrap();
    let loaded = load(&path).unwrap();
    std::fs::remove_file(&path).ok();
    assert_eq!(loaded, view);
    assert_eq!(analyses(&loaded), analyses(&view));
}

/// The committed fixture the Python and JS tests load too: Aarhus as this library writes it.
#[test]
fn the_committed_fixture_is_what_this_library_writes() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/aarhus_cs.rsn");
    let view = datasets::aarhus_cs().compile();
    if std::env::var_os("RESEAU_BLESS").is_some() {
        view.save(path).unwrap();
    }
    let fixture = std::fs::read(path).expect("tests/data/aarhus_cs.rsn (RESEAU_BLESS=1 writes it)");
    assert_eq!(fixture, view.to_bytes(), "the format changed: bump its version");
    let loaded = load(path).unwrap();
    let s = simulate(&loaded, &SimulateRequest::new(["U4"]).runs(1000).seed(42)).unwrap();
    let t = simulate(&view, &SimulateRequest::new(["U4"]).runs(1000).seed(42)).unwrap();
    assert_eq!(serde_json::to_string(&s).unwrap(), serde_json::to_string(&t).unwrap());
}

/// A small network with every attribute the compiled view holds, from proptest's choices.
fn arbitrary_network() -> impl Strategy<Value = Network> {
    let person =
        (proptest::option::of("[a-z]{1,4}"), proptest::option::of("[AB]"), 0u8..4, 0.0f64..10.0);
    let tie = (
        0u32..12,
        0u32..12,
        0usize..3,
        0.0f64..5.0,
        any::<bool>(),
        proptest::option::of(0.0f64..=1.0),
        1u32..4,
    );
    (
        proptest::collection::vec(person, 0..12),
        any::<bool>(),
        proptest::collection::vec(tie, 0..60),
        any::<[bool; 3]>(),
    )
        .prop_map(|(people, positions, ties, directed)| {
            let mut net = Network::new();
            net.set_duplicates(reseau::Duplicates::Sum);
            for (l, name) in ["lunch", "mail", "work"].iter().enumerate() {
                let kind = if l == 1 { LayerKind::Digital } else { LayerKind::Physical };
                let mut layer = Layer::new(*name, kind).directed(directed[l]).latency(l as u32 + 1);
                if l == 2 {
                    layer = layer.probability(0.25);
                }
                net.add_layer(layer).unwrap();
            }
            for (i, (label, group, kind, cost)) in people.iter().enumerate() {
                let mut p = Person::new().cost(*cost);
                p.kind = [
                    PersonKind::Person,
                    PersonKind::Influencer,
                    PersonKind::Media,
                    PersonKind::Organization,
                ][*kind as usize];
                if let Some(g) = group {
                    p = p.group(g.clone());
                }
                if positions {
                    p = p.position(i as f64, -(i as f64) / 3.0);
                }
                if let Some(l) = label.clone().filter(|l| net.index_of(l).is_none()) {
                    p = p.label(l);
                }
                net.add_person(p).unwrap();
            }
            let n = net.num_people() as u32;
            for (a, b, l, w, negative, p, times) in ties {
                if n < 2 || a % n == b % n {
                    continue;
                }
                let mut spec =
                    TieSpec::weight(w).sign(if negative { Sign::Negative } else { Sign::Positive });
                spec.probability = p;
                for _ in 0..times {
                    net.add_tie_spec(
                        PersonId(a % n),
                        PersonId(b % n),
                        ["lunch", "mail", "work"][l],
                        spec,
                    )
                    .unwrap();
                }
            }
            net
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every field comes back, and the analyses with it.
    #[test]
    fn any_small_network_round_trips(net in arbitrary_network()) {
        let view = net.compile();
        let back = from_bytes(&view.to_bytes()).unwrap();
        prop_assert_eq!(&back, &view);
        for p in 0..view.num_people() as u32 {
            prop_assert_eq!(back.label(p), view.label(p));
            prop_assert_eq!(back.display_name(p), view.display_name(p));
            if let Some(label) = view.label(p) {
                prop_assert_eq!(back.index_of(label), Some(p));
            }
        }
        let rebuilt = Network::from_compiled(back.clone()).unwrap();
        prop_assert_eq!(rebuilt.compile(), view.clone());
        if view.num_people() > 0 {
            prop_assert_eq!(analyses(&back), analyses(&view));
        }
    }
}

fn bytes() -> Vec<u8> {
    let mut net = datasets::aarhus_cs();
    net.add_layer(Layer::digital("follows").directed(true)).unwrap();
    net.add_tie_spec(PersonId(0), PersonId(1), "follows", TieSpec::weight(2.0).probability(0.5))
        .unwrap();
    net.compile().to_bytes()
}

#[track_caller]
fn format_error(bytes: &[u8]) -> (u64, String, String) {
    match from_bytes(bytes) {
        Err(Error::Format { file, offset, field, reason }) => {
            assert_eq!(file, "<bytes>");
            (offset, field, reason)
        }
        other => panic!("expected a FormatError, got {other:?}"),
    }
}

#[test]
fn foreign_future_and_other_endian_files_are_refused_by_name() {
    let good = bytes();
    let (offset, field, _) = format_error(b"1 2\n2 3\n4 5\n5 6\n6 7\n7 8\n8 9\n9 10\n");
    assert_eq!((offset, field.as_str()), (0, "magic"));
    let mut big = good.clone();
    big[8..12].reverse();
    let (offset, field, reason) = format_error(&big);
    assert_eq!((offset, field.as_str()), (8, "byte order"));
    assert!(reason.contains("big-endian"), "{reason}");
    let mut future = good.clone();
    future[12] = 7;
    let err = from_bytes(&future).unwrap_err();
    assert_eq!(err, Error::UnsupportedVersion { found: 7, supported: 1 });
}

#[test]
fn cut_files_name_the_length() {
    let good = bytes();
    for cut in [0, 5, 31, 32, 33, good.len() / 2, good.len() - 1] {
        let err = from_bytes(&good[..cut]).unwrap_err();
        assert_eq!(err.kind(), "FormatError", "{cut}: {err}");
    }
    let (offset, field, _) = format_error(&good[..good.len() - 8]);
    assert_eq!((offset, field.as_str()), (16, "payload length"));
}

#[test]
fn a_changed_byte_is_caught_by_the_checksum_or_by_name() {
    let good = bytes();
    // The last byte of the payload: a sign's padding or a sign.
    let mut changed = good.clone();
    let at = good.len() - 1;
    changed[at] ^= 0x40;
    assert_eq!(from_bytes(&changed).unwrap_err().kind(), "FormatError");
    // A target beyond the people, with the checksum made right: caught by name and offset.
    let view = from_bytes(&good).unwrap();
    let m: usize = view.layers().iter().map(reseau::CompiledLayer::num_slots).sum();
    assert!(m > 0);
    let mut edited = view.to_bytes();
    // Find the first layer's first target: after its offsets array (people + 1 items).
    let n = view.num_people();
    let needle: Vec<u8> =
        view.layers()[0].targets()[..4].iter().flat_map(|t| t.to_le_bytes()).collect();
    let start = edited.windows(needle.len()).position(|w| w == needle).unwrap();
    assert!(start > 32 + 4 * n);
    edited[start..start + 4].copy_from_slice(&9_999u32.to_le_bytes());
    let crc = crc32(&edited[32..]);
    edited[24..28].copy_from_slice(&crc.to_le_bytes());
    let (offset, field, reason) = format_error(&edited);
    assert_eq!((offset, field.as_str()), (start as u64, "layers[0].targets[0]"));
    assert_eq!(reason, "9999 is not one of the 61 people");
    // The same byte with the checksum left as it was: the checksum says so.
    edited[24..28].copy_from_slice(&good[24..28]);
    let (_, field, _) = format_error(&edited);
    assert_eq!(field, "layers[0].targets[0]", "values are checked as they are read");
}

/// CRC-32 (IEEE), bit by bit: the test's own oracle of the checksum.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[test]
fn the_checksum_is_crc32_of_the_payload() {
    let good = bytes();
    assert_eq!(u32::from_le_bytes(good[24..28].try_into().unwrap()), crc32(&good[32..]));
    let mut changed = good.clone();
    let weights_one = 1.0f32.to_le_bytes();
    let at = good.windows(4).rposition(|w| w == weights_one).unwrap();
    changed[at..at + 4].copy_from_slice(&1.5f32.to_le_bytes()); // still a valid weight
    let (offset, field, _) = format_error(&changed);
    assert_eq!((offset, field.as_str()), (24, "checksum"));
}

#[test]
fn a_huge_length_is_refused_before_allocating() {
    let good = bytes();
    let mut huge = good.clone();
    // The kinds array's count, the first array of the payload (after three u64).
    let at = 32 + 24;
    huge[at..at + 8].copy_from_slice(&(u64::MAX / 2).to_le_bytes());
    let (offset, field, reason) = format_error(&huge);
    assert_eq!((offset, field.as_str()), (at as u64, "kinds"));
    assert!(reason.contains("expected 61"), "{reason}");
    let mut people = good;
    people[32..40].copy_from_slice(&(1u64 << 40).to_le_bytes());
    let (_, field, _) = format_error(&people);
    assert_eq!(field, "people");
}

#[test]
fn a_layer_the_network_would_refuse_is_refused_with_its_offset() {
    let mut net = Network::new();
    net.add_layer(Layer::physical("work").latency(3)).unwrap();
    let mut bytes = net.compile().to_bytes();
    // The latency is the layer's fifth u64 after its name (count 2 + ends 0, 4; count 4 + "work"
    // padded): set it to 0, which Layer::validate refuses.
    let three = 3u64.to_le_bytes();
    let at = bytes.windows(8).rposition(|w| w == three).unwrap();
    bytes[at..at + 8].copy_from_slice(&0u64.to_le_bytes());
    let crc = crc32(&bytes[32..]);
    bytes[24..28].copy_from_slice(&crc.to_le_bytes());
    let (offset, field, reason) = format_error(&bytes);
    assert_eq!(field, "layers[0].definition");
    assert!(reason.contains("latency of layer \"work\": 0"), "{reason}");
    assert!(offset > 32 && (offset as usize) < at);
}

/// A view no network compiles to (a file built by hand whose checksum was fixed) still loads
/// and runs its analyses on its arrays; made editable, it keeps each tie once.
#[test]
fn a_repeated_tie_is_kept_once_when_the_network_is_made() {
    let mut net = Network::new();
    net.add_layer(Layer::digital("follows").directed(true)).unwrap();
    net.add_people(3).unwrap();
    net.add_tie(PersonId(0), PersonId(1), "follows", 1.0).unwrap();
    net.add_tie(PersonId(0), PersonId(2), "follows", 1.0).unwrap();
    let mut bytes = net.compile().to_bytes();
    let mut targets = 2u64.to_le_bytes().to_vec();
    targets.extend([1u32, 2].iter().flat_map(|t| t.to_le_bytes()));
    let at = bytes.windows(16).position(|w| w == targets).unwrap() + 8;
    bytes[at + 4..at + 8].copy_from_slice(&1u32.to_le_bytes());
    let crc = crc32(&bytes[32..]);
    bytes[24..28].copy_from_slice(&crc.to_le_bytes());
    let loaded = Network::from_compiled(from_bytes(&bytes).unwrap()).unwrap();
    assert_eq!(loaded.num_ties(), 2, "the view's count while frozen");
    let ties: Vec<_> = loaded.ties().map(|t| (t.source.0, t.target.0)).collect();
    assert_eq!(ties, [(0, 1)]);
    assert_eq!(loaded.num_ties(), 1);
}

#[test]
fn unmirrored_undirected_layers_give_each_pair_one_tie_when_the_network_is_made() {
    let mut net = Network::new();
    net.add_layer(Layer::physical("work")).unwrap();
    net.add_people(3).unwrap();
    net.add_tie(PersonId(0), PersonId(1), "work", 1.0).unwrap();
    let view = net.compile();
    let mut bytes = view.to_bytes();
    // Turn the tie 1 → 0 into 1 → 2: valid ids, but no longer mirrored.
    // The targets array: its count (2) and its items.
    let mut targets = 2u64.to_le_bytes().to_vec();
    targets.extend([1u32, 0].iter().flat_map(|t| t.to_le_bytes()));
    let at = bytes.windows(16).position(|w| w == targets).unwrap() + 8;
    bytes[at + 4..at + 8].copy_from_slice(&2u32.to_le_bytes());
    let crc = crc32(&bytes[32..]);
    bytes[24..28].copy_from_slice(&crc.to_le_bytes());
    let view = from_bytes(&bytes).unwrap();
    let loaded = Network::from_compiled(view.clone()).unwrap();
    assert_eq!(analyses(&loaded.compiled()), analyses(&view), "analyses run on the arrays");
    let mut pairs: Vec<_> = loaded.ties().map(|t| (t.source.0, t.target.0)).collect();
    pairs.sort_unstable();
    assert_eq!(pairs, [(0, 1), (1, 2)]);
}

#[test]
fn a_self_loop_is_refused_when_loading_as_a_network() {
    let mut net = Network::new();
    net.add_layer(Layer::digital("follows").directed(true)).unwrap();
    net.add_people(5).unwrap();
    net.add_tie(PersonId(3), PersonId(4), "follows", 1.0).unwrap();
    let mut bytes = net.compile().to_bytes();
    let mut targets = 1u64.to_le_bytes().to_vec();
    targets.extend(4u32.to_le_bytes());
    let at = bytes.windows(12).position(|w| w == targets).unwrap() + 8;
    bytes[at..at + 4].copy_from_slice(&3u32.to_le_bytes());
    let crc = crc32(&bytes[32..]);
    bytes[24..28].copy_from_slice(&crc.to_le_bytes());
    let err = Network::from_compiled(from_bytes(&bytes).unwrap()).unwrap_err();
    assert_eq!(err.to_string(), "self-loop on #3 in layer \"follows\"");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Random byte changes and cuts: a typed error or the same network, never a panic, and
    /// each within a time bound.
    #[test]
    fn damaged_files_never_panic(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4),
        cut in proptest::option::of(any::<prop::sample::Index>()),
        fix_checksum in any::<bool>(),
    ) {
        let good = bytes();
        let mut damaged = good.clone();
        for (at, x) in flips {
            let i = at.index(damaged.len());
            damaged[i] ^= x.max(1);
        }
        if let Some(cut) = cut {
            damaged.truncate(cut.index(damaged.len()));
        }
        if fix_checksum && damaged.len() >= 32 {
            let crc = crc32(&damaged[32..]);
            damaged[24..28].copy_from_slice(&crc.to_le_bytes());
        }
        let started = std::time::Instant::now();
        match from_bytes(&damaged) {
            Ok(view) => {
                // Accepted: making its people and ties later cannot fail (checked here).
                if let Ok(net) = Network::from_compiled(view) {
                    let _ = net.ties().count();
                }
            }
            Err(err) => prop_assert!(Error::KINDS.contains(&err.kind()), "{err}"),
        }
        prop_assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}

/// Every question a network answers, as text: what a loaded (frozen) network must answer as
/// the network made in full does. Counts, labels and names first (asked of a frozen network
/// without making its body); then people, ties and the derived networks.
fn cheap_answers(net: &Network) -> String {
    let n = net.num_people() as u32;
    let names: Vec<String> = (0..=n).map(|p| net.display_name(PersonId(p))).collect();
    let found: Vec<Option<PersonId>> =
        net.labels().iter().chain([&"nobody".to_string()]).map(|l| net.index_of(l)).collect();
    let resolved = [reseau::PersonRef::Id(u64::from(n)), reseau::PersonRef::from("#0")]
        .map(|r| net.resolve(&r).map_err(|e| e.to_string()));
    let per_layer: Vec<usize> =
        net.layers().iter().map(|l| net.num_ties_in(&l.name).unwrap()).collect();
    format!(
        "{net} {} {} {per_layer:?} {} {:?} {:?} {names:?} {found:?} {resolved:?} {:?} {:?} {} {}",
        net.num_people(),
        net.num_ties(),
        net.num_directed_ties(),
        net.labels(),
        net.display_names(),
        net.layers(),
        net.layers_of_kind(LayerKind::Digital),
        net.duplicates_merged(),
        net.self_loops_dropped(),
    )
}

fn full_answers(net: &Network) -> String {
    let n = net.num_people() as u32;
    let people: Vec<String> = (0..=n)
        .map(|p| format!("{:?}", net.person(PersonId(p)).map_err(|e| e.to_string())))
        .collect();
    let mut ties: Vec<String> = net.ties().map(|t| format!("{:?}", net.tie_info(t))).collect();
    ties.sort(); // the order ties were added is not kept; what each person's list holds is
    let layers: Vec<_> = net.layers().iter().map(|l| net.layer_id(&l.name).unwrap()).collect();
    let mut per_person = Vec::new();
    for p in 0..n {
        let p = PersonId(p);
        per_person.push(format!(
            "{} {:?} {:?}",
            net.degree(p, None),
            net.neighbors(p, None),
            layers
                .iter()
                .map(|&l| (net.degree(p, Some(l)), net.neighbors(p, Some(l))))
                .collect::<Vec<_>>()
        ));
        for q in 0..n {
            for l in &layers {
                per_person.push(format!(
                    "{:?}",
                    net.tie(p, PersonId(q), *l).unwrap().map(|t| net.tie_info(t))
                ));
            }
        }
    }
    let overlaps: Vec<_> = layers
        .iter()
        .flat_map(|&a| layers.iter().map(move |&b| (a, b)))
        .map(|(a, b)| net.overlap(a, b).unwrap())
        .collect();
    let ties_in: Vec<usize> = layers.iter().map(|&l| net.ties_in(l).unwrap().count()).collect();
    format!(
        "{} {people:?} {ties:?} {per_person:?} {overlaps:?} {ties_in:?} {:?} {:?} {:?} {:?}",
        cheap_answers(net),
        net.degrees(None),
        net.groups(),
        net.without_layers(&["mail"]).unwrap().compile(),
        net.flatten("all", LayerKind::Physical).map(|f| f.compile()).map_err(|e| e.to_string()),
    )
}

/// One edit, applied to a network (the same on each of the networks compared).
#[derive(Debug, Clone)]
enum Edit {
    AddTie(u32, u32, usize, f64),
    RemoveFirstTie,
    AddPerson(String),
    SetCost(u32, f64),
    SetGroup(u32),
    AddLayer,
    Merge,
}

fn apply(net: &mut Network, edit: &Edit) -> String {
    let n = net.num_people().max(1) as u32;
    let layer = |l: usize| ["lunch", "mail", "work"][l];
    let out = match edit {
        Edit::AddTie(a, b, l, w) => {
            format!(
                "{:?}",
                net.add_tie(PersonId(a % n), PersonId(b % n), layer(*l), *w).map(|_| ())
            )
        }
        Edit::RemoveFirstTie => {
            // The first by layer and pair: an undirected tie may be stored either way round.
            let key = |t: &reseau::Tie| {
                (t.layer, t.source.min(t.target), t.source.max(t.target), t.source)
            };
            let first = net.ties().map(|t| (key(t), t.target)).min();
            format!("{:?}", first.map(|((l, _, _, a), b)| net.remove_tie(a, b, l).unwrap()))
        }
        Edit::AddPerson(label) => {
            format!("{:?}", net.add_person(Person::new().label(label.clone())))
        }
        Edit::SetCost(p, c) => format!("{:?}", net.set_cost(PersonId(p % n), *c)),
        Edit::SetGroup(p) => format!("{:?}", net.set_group(PersonId(p % n), Some("C".into()))),
        Edit::AddLayer => format!("{:?}", net.add_layer(Layer::digital("chat").directed(true))),
        Edit::Merge => {
            let other = reseau::io::parse_edgelist(
                b"x y\ny z\n",
                "t",
                &reseau::io::EdgeListOptions::default(),
            )
            .unwrap();
            format!("{:?}", net.merge(&other))
        }
    };
    out.replace("Ok(())", "ok")
}

fn an_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0u32..12, 0u32..12, 0usize..3, 0.0f64..5.0)
            .prop_map(|(a, b, l, w)| Edit::AddTie(a, b, l, w)),
        Just(Edit::RemoveFirstTie),
        "[a-z]{1,2}".prop_map(Edit::AddPerson),
        (0u32..12, -1.0f64..5.0).prop_map(|(p, c)| Edit::SetCost(p, c)),
        (0u32..12).prop_map(Edit::SetGroup),
        Just(Edit::AddLayer),
        Just(Edit::Merge),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// A loaded network stays frozen while asked only counts and names, answers every
    /// question as the network made in full from the same view does, and after an edit is
    /// the original network with the same edit (the same compiled arrays and answers).
    #[test]
    fn a_loaded_network_answers_as_the_rebuilt_one_and_edits_alike(
        net in arbitrary_network(),
        edit in an_edit(),
    ) {
        let bytes = net.compile().to_bytes();
        let frozen = Network::from_compiled(from_bytes(&bytes).unwrap()).unwrap();
        let rebuilt = Network::from_compiled(from_bytes(&bytes).unwrap()).unwrap();
        let _ = rebuilt.people().count(); // made in full
        prop_assert!(frozen.is_frozen() && !rebuilt.is_frozen());
        prop_assert_eq!(cheap_answers(&frozen), cheap_answers(&rebuilt));
        prop_assert!(frozen.is_frozen(), "counts and names leave the network frozen");
        prop_assert!(std::sync::Arc::ptr_eq(&frozen.compiled(), &frozen.compiled()));
        prop_assert_eq!(&*frozen.compiled(), &net.compile());
        prop_assert!(frozen.is_frozen(), "its compiled view is the loaded one");
        prop_assert_eq!(full_answers(&frozen.clone()), full_answers(&rebuilt));
        prop_assert_eq!(full_answers(&frozen), full_answers(&rebuilt));
        prop_assert_eq!(frozen.to_json(), rebuilt.to_json());

        // The same edit on a loaded network (frozen until now), on one made in full and on
        // the original: the same outcome, the same compiled arrays, the same answers.
        let mut loaded = Network::from_compiled(from_bytes(&bytes).unwrap()).unwrap();
        let (mut rebuilt, mut original) = (rebuilt, net.clone());
        original.set_duplicates(reseau::Duplicates::default()); // policies are not saved
        let outcome = apply(&mut loaded, &edit);
        prop_assert_eq!(&outcome, &apply(&mut rebuilt, &edit));
        prop_assert_eq!(&outcome, &apply(&mut original, &edit));
        prop_assert!(!loaded.is_frozen() || outcome.starts_with("Err"), "{}", outcome);
        prop_assert_eq!(&*loaded.compiled(), &original.compile());
        prop_assert_eq!(full_answers(&loaded), full_answers(&rebuilt));
    }
}
