//! Claim 7: keep a balanced model. The balance sweep under each assumption about effort and
//! attention, and under the decline of a digital platform with and without a successor.

use reseau::balance::{BalanceReport, BalanceRequest, Decline, EffortResponse, Measure, balance};
use reseau::fatigue::Fatigue;
use reseau::referral::RouteOptions;
use reseau::{Layer, LayerKind, Network, Result};

/// One assumption about effort and attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Assumption {
    /// Its name in the tables.
    pub(crate) name: &'static str,
    /// How effort acts on a tie's chance.
    pub(crate) effort: EffortResponse,
    /// Whether physical and digital requests fill separate inboxes.
    pub(crate) two_inboxes: bool,
}

/// The four sweeps: linear or diminishing effort, one or two inboxes.
pub(crate) const ASSUMPTIONS: [Assumption; 4] = [
    Assumption { name: "linear, one inbox", effort: EffortResponse::Linear, two_inboxes: false },
    Assumption {
        name: "diminishing, one inbox",
        effort: EffortResponse::Diminishing,
        two_inboxes: false,
    },
    Assumption { name: "linear, two inboxes", effort: EffortResponse::Linear, two_inboxes: true },
    Assumption {
        name: "diminishing, two inboxes",
        effort: EffortResponse::Diminishing,
        two_inboxes: true,
    },
];

/// The assumption the decline runs under.
pub(crate) const DECLINE_UNDER: Assumption = ASSUMPTIONS[3];

/// The measures compared: the campaign's reach and referral throughput.
pub(crate) const MEASURES: [Measure; 2] = [Measure::Reach, Measure::Throughput];

/// The name of the successor platform added to a network that has no other digital layer.
pub(crate) const SUCCESSOR: &str = "successor";

/// What the sweeps run.
#[derive(Debug, Clone)]
pub(crate) struct MixSettings {
    /// The mixes (share of effort on physical ties).
    pub(crate) mixes: Vec<f64>,
    /// Referral requests per step per person.
    pub(crate) rate_per_person: f64,
    /// Steps of requests.
    pub(crate) steps: u32,
    /// Campaign runs per mix and period.
    pub(crate) runs: u64,
    /// An intermediary's base probability of forwarding.
    pub(crate) forward: f64,
    /// The fatigue curve of every inbox.
    pub(crate) fatigue: Fatigue,
    /// The declining platform's loss per period.
    pub(crate) decline_rate: f64,
    /// Periods of decline (the platform vanishes at the last one).
    pub(crate) periods: u32,
    /// The share of lost ties that move to the successor.
    pub(crate) migration: f64,
    /// The seed.
    pub(crate) seed: u64,
}

/// The best mix of one measure on the network as given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Best {
    /// The mix.
    pub(crate) mix: f64,
    /// Neither end.
    pub(crate) interior: bool,
    /// Interior and its interval clear of both ends'.
    pub(crate) beats_ends: bool,
    /// No mix clearly differs from the best.
    pub(crate) flat: bool,
}

/// Under decline: the best mix at period 0, the most robust (best mean over periods) and the
/// safest (best worst period).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct UnderDecline {
    /// Best at period 0.
    pub(crate) initial: f64,
    /// Best mean over the periods.
    pub(crate) robust: f64,
    /// Best worst period (maximin).
    pub(crate) safest: f64,
}

/// One network's answers.
#[derive(Debug, Clone)]
pub(crate) struct MixRow {
    /// The declining layer.
    pub(crate) declining: String,
    /// Its successor.
    pub(crate) successor: String,
    /// Per assumption (in [`ASSUMPTIONS`] order), per measure (in [`MEASURES`] order).
    pub(crate) best: Vec<Vec<Option<Best>>>,
    /// Without, then with a successor; per measure.
    pub(crate) decline: [Vec<Option<UnderDecline>>; 2],
}

/// The digital layer with the most ties (the first among equals), if any.
pub(crate) fn declining_layer(net: &Network) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for layer in net.layers().iter().filter(|l| l.kind == LayerKind::Digital) {
        let ties = net.num_ties_in(layer.name.as_str()).unwrap_or(0);
        if best.as_ref().is_none_or(|(t, _)| ties > *t) {
            best = Some((ties, layer.name.clone()));
        }
    }
    best.map(|(_, name)| name)
}

pub(crate) fn request(net: &Network, s: &MixSettings, a: Assumption) -> BalanceRequest {
    #[allow(clippy::cast_precision_loss)]
    let rate = (s.rate_per_person * net.num_people() as f64).max(0.5);
    let mut routing = RouteOptions::default().forward(s.forward).fatigue(s.fatigue);
    if a.two_inboxes {
        routing = routing.digital_fatigue(s.fatigue);
    }
    BalanceRequest {
        mixes: s.mixes.clone(),
        rate,
        steps: s.steps,
        runs: s.runs,
        effort_response: a.effort,
        seed: s.seed,
        ..BalanceRequest::default()
    }
    .with_routing(routing)
}

pub(crate) fn best(report: &BalanceReport) -> Vec<Option<Best>> {
    MEASURES
        .iter()
        .map(|&m| {
            report.best(m).map(|b| Best {
                mix: b.mix,
                interior: b.interior,
                beats_ends: b.beats_ends,
                flat: b.flat,
            })
        })
        .collect()
}

fn under_decline(report: &BalanceReport) -> Vec<Option<UnderDecline>> {
    MEASURES
        .iter()
        .map(|&m| {
            Some(UnderDecline {
                initial: report.best(m)?.mix,
                robust: report.robust(m)?.mix,
                safest: report.safest(m)?.mix,
            })
        })
        .collect()
}

/// Runs the four sweeps and the two declines of the digital layer `declining` on `net`.
pub(crate) fn study(net: &Network, declining: &str, s: &MixSettings) -> Result<MixRow> {
    let declining = declining.to_owned();
    let mut best_rows = Vec::new();
    for a in ASSUMPTIONS {
        best_rows.push(best(&balance(net, &request(net, s, a))?));
    }
    let other = net
        .layers()
        .iter()
        .find(|l| l.kind == LayerKind::Digital && l.name != declining)
        .map(|l| l.name.clone());
    let mut with_successor = net.clone();
    let successor = if let Some(name) = other {
        name
    } else {
        with_successor.add_layer(Layer::digital(SUCCESSOR))?;
        SUCCESSOR.to_owned()
    };
    let decline = Decline::new(declining.clone(), s.decline_rate, s.periods).vanish_at(s.periods);
    let without =
        BalanceRequest { decline: Some(decline.clone()), ..request(net, s, DECLINE_UNDER) };
    let with = BalanceRequest {
        decline: Some(decline.successor(successor.clone(), s.migration)),
        ..request(net, s, DECLINE_UNDER)
    };
    Ok(MixRow {
        declining,
        successor,
        best: best_rows,
        decline: [
            under_decline(&balance(net, &without)?),
            under_decline(&balance(&with_successor, &with)?),
        ],
    })
}

/// How many of `rows` have, for `measure` (index in [`MEASURES`]) under assumption `a`
/// (index in [`ASSUMPTIONS`]), an interior best mix that beats both ends.
pub(crate) fn balanced(rows: &[MixRow], a: usize, measure: usize) -> usize {
    rows.iter().filter(|r| r.best[a][measure].is_some_and(|b| b.beats_ends)).count()
}

/// Which assumption decides the answer for `measure`: the change in the number of balanced
/// networks when the effort response changes (inboxes held fixed) and when the inboxes
/// change (effort held fixed), summed over the other assumption's two values.
pub(crate) fn effects(rows: &[MixRow], measure: usize) -> (usize, usize) {
    let b = |a: usize| balanced(rows, a, measure);
    let effort = b(0).abs_diff(b(1)) + b(2).abs_diff(b(3));
    let inboxes = b(0).abs_diff(b(2)) + b(1).abs_diff(b(3));
    (effort, inboxes)
}

/// The parts of [`effects`]: the effort response's change with one inbox and with two, and
/// the inboxes' change under linear and under diminishing effort.
pub(crate) fn effect_parts(rows: &[MixRow], measure: usize) -> ([usize; 2], [usize; 2]) {
    let b = |a: usize| balanced(rows, a, measure);
    ([b(0).abs_diff(b(1)), b(2).abs_diff(b(3))], [b(0).abs_diff(b(2)), b(1).abs_diff(b(3))])
}
