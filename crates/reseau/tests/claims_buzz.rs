//! Claim 4's study (`examples/claims/buzz.rs`) on constructed networks whose answers are
//! known, so that the example cannot rot: its module is compiled here as it is there.

#![allow(clippy::float_cmp)] // exact by construction

#[allow(dead_code)]
#[path = "../examples/claims/buzz.rs"]
mod buzz;
#[allow(dead_code)]
#[path = "../examples/claims/networks.rs"]
mod networks;
#[allow(dead_code)]
#[path = "../examples/claims/spread.rs"]
mod spread;

use buzz::{CrisisRow, CrisisSettings, Outcome, Share};
use reseau::{Layer, Network, PersonId};

/// A blogger (0) with six online followers (1–6) who are also tied in person in a ring, and
/// four colleagues (7–10) tied in person to 1 and to each other.
fn office() -> Network {
    let mut net = Network::new();
    net.add_layer(Layer::digital("chat")).unwrap();
    net.add_layer(Layer::physical("office")).unwrap();
    net.add_people(11).unwrap();
    for v in 1..=6 {
        net.add_tie(PersonId(0), PersonId(v), "chat", 1.0).unwrap();
        net.add_tie(PersonId(v), PersonId(v % 6 + 1), "office", 1.0).unwrap();
    }
    for v in 7..=10 {
        net.add_tie(PersonId(1), PersonId(v), "office", 1.0).unwrap();
        if v < 10 {
            net.add_tie(PersonId(v), PersonId(v + 1), "office", 1.0).unwrap();
        }
    }
    net
}

#[test]
fn the_crisis_starts_from_the_blogger_and_the_response_comes_late() {
    let settings = CrisisSettings { runs: 64, ..CrisisSettings::new(true, 5) };
    let row = buzz::crisis("office", &office(), &settings).unwrap();
    let n = 11.0;
    // Equal multipliers: bad and good buzz from the blogger reach exactly as many people.
    assert_eq!(row.early[0][0], row.early[0][1]);
    // With the bias bad buzz reaches at least as many.
    assert!(row.early[1][0] >= row.early[1][1]);
    for (o, &d) in row.selected.iter().zip(&settings.delays) {
        // Step 0: the blogger alone holds a view when the response is late; with it, the
        // three relays hold the good one.
        let expected = if d == 0 { 2.0 / n } else { -1.0 / n };
        assert!((o.net[0] - expected).abs() < 1e-12, "delay {d}: {}", o.net[0]);
        assert!(o.good.mean + o.bad.mean <= 1.0 + 1e-12);
        assert!(o.ahead.mean >= f64::from(d.min(1)), "bad leads while the response waits");
    }
    assert!((-1.0..=1.0).contains(&row.score[0]) && (-1.0..=1.0).contains(&row.score[1]));
}

fn share(mean: f64, half: f64) -> Share {
    Share { mean, ci: [mean - half, mean + half] }
}

fn outcome(good: f64, bad: f64) -> Outcome {
    Outcome { good: share(good, 0.01), bad: share(bad, 0.01), ahead: share(1.0, 0.1), net: vec![] }
}

fn row(early: [[f64; 2]; 2], goods: [f64; 5], no_media_bad: f64) -> CrisisRow {
    CrisisRow {
        name: "made up".into(),
        people: 10,
        early,
        selected: goods.iter().map(|&g| outcome(g, 0.5)).collect(),
        top: goods.iter().map(|&g| outcome(g - 0.05, 0.5)).collect(),
        no_media: outcome(0.3, no_media_bad),
        no_bias: outcome(0.3, 0.4),
        score: [0.0, 0.0],
    }
}

#[test]
fn verdicts_follow_the_numbers() {
    let rows = [
        row([[3.0, 3.0], [5.0, 3.0]], [0.4, 0.35, 0.3, 0.2, 0.1], 0.2),
        row([[2.0, 2.0], [2.0, 2.0]], [0.6, 0.6, 0.6, 0.6, 0.6], 0.5),
    ];
    let v = buzz::verdicts(&rows, 2);
    assert!(v.symmetric);
    assert_eq!(v.bad_faster, 0.5);
    assert_eq!(v.media_matter, (0.5, 0.5)); // 0.5 against 0.2 apart; 0.5 against 0.5 not
    assert_eq!(v.delay_hurts, 0.5);
    assert_eq!(v.selection_better, (1.0, 0.0));
    assert_eq!(v.bad_wins, 0.5); // 0.5 bad against 0.3 good, then 0.6 good
    assert_eq!(v.bias_raises, 1.0);
    let asymmetric = [row([[3.0, 2.0], [5.0, 3.0]], [0.4; 5], 0.2)];
    assert!(!buzz::verdicts(&asymmetric, 2).symmetric);
}

#[test]
fn the_section_goes_where_claim_4_belongs_with_its_chart() {
    let settings = CrisisSettings { runs: 32, ..CrisisSettings::new(true, 1) };
    let rows = vec![buzz::crisis("office", &office(), &settings).unwrap()];
    let (section, (file, svg)) = buzz::section(&settings, &rows, &rows);
    assert!(section.starts_with("## Claim 4"));
    assert!(section.contains("**Verdict.** Bad buzz faster: holds only under the assumption"));
    assert_eq!(file, "buzz.svg");
    assert!(svg.starts_with("<svg") && svg.contains("d = 8"));
    let mut doc = "# Claims\n## Claim 2\n## Claim 5\n".to_owned();
    buzz::insert(&mut doc, &section);
    assert!(doc.find("## Claim 2").unwrap() < doc.find("## Claim 4").unwrap());
    assert!(doc.find("## Claim 4").unwrap() < doc.find("## Claim 5").unwrap());
}
