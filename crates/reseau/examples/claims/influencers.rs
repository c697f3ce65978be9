//! Claim 3: influencers are a precious and relatively inexpensive relay. With one budget
//! (an ordinary person costs 1), how many people does the best choice of influencers reach
//! per unit of cost, against the best choice of ordinary people and of physical relays
//! (ordinary people whose message travels by word of mouth only), as influencers' cost and
//! their amplification (the cascade's `Amplifiers::influencer_multiplier`) vary? And what
//! share of the budget does an unrestricted budgeted choice spend on influencers?

use reseau::cascade::{Amplifiers, Model};
use reseau::relays::{Method, SelectRelaysRequest, select_relays};
use reseau::{LayerKind, Network, PersonId, PersonKind, Result};

use crate::kinds::{Winner, only_kind, winner};

/// IMM's ε: the choices are compared by their own Monte Carlo evaluation, so a looser
/// guarantee (1 − 1/e − ε, within a budget ½(1 − 1/e) − ε) than the default 0.1 buys speed on
/// networks where the best reach is small and IMM would need millions of RR sets.
pub(crate) const EPSILON: f64 = 0.3;

/// What the comparison runs.
#[derive(Debug, Clone)]
pub(crate) struct CheapSettings {
    /// The share of people who are influencers: the most digital ties (at least one person).
    pub(crate) share: f64,
    /// The budget, in units of an ordinary person's cost.
    pub(crate) budget: f64,
    /// The costs of an influencer tried (each at most `budget`).
    pub(crate) costs: Vec<f64>,
    /// The influencer multipliers tried (the first is the assumption-free 1).
    pub(crate) multipliers: Vec<f64>,
    /// Monte Carlo runs of each choice's evaluation.
    pub(crate) runs: u64,
    /// The seed.
    pub(crate) seed: u64,
}

/// One choice's reach.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Reach {
    /// Relays chosen.
    pub(crate) relays: usize,
    /// What they cost.
    pub(crate) cost: f64,
    /// People reached beyond the relays, per unit of the budget (the same for every choice).
    pub(crate) per_cost: f64,
    /// Its 95% interval (the Monte Carlo interval of the spread, per unit of the budget).
    pub(crate) ci: [f64; 2],
}

/// Under one influencer multiplier.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CheapPoint {
    /// The influencer multiplier.
    pub(crate) multiplier: f64,
    /// The best ordinary people within the budget, on the whole network.
    pub(crate) ordinary: Reach,
    /// The best physical relays: ordinary people chosen, and their reach counted, on the
    /// physical layers alone.
    pub(crate) physical: Reach,
    /// The best influencers within the budget, at each cost of the settings.
    pub(crate) influencers: Vec<Reach>,
    /// The share of the budget an unrestricted choice spends on influencers, at each cost.
    pub(crate) influencer_spend: Vec<f64>,
}

/// One network's comparison.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CheapRow {
    /// The influencers.
    pub(crate) influencers: usize,
    /// At each multiplier of the settings.
    pub(crate) points: Vec<CheapPoint>,
}

/// The influencers of `net`: the `share` of people (rounded, at least one) with the most ties
/// on digital layers (both directions counted), ties broken by id.
pub(crate) fn influencers(net: &Network, share: f64) -> Vec<PersonId> {
    let n = net.num_people();
    let mut degree = vec![0usize; n];
    for t in net.ties().filter(|t| net.layer(t.layer).kind == LayerKind::Digital) {
        degree[t.source.0 as usize] += 1;
        degree[t.target.0 as usize] += 1;
    }
    #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let count = ((share * n as f64).round() as usize).clamp(1, n);
    let mut ranking: Vec<usize> = (0..n).collect();
    ranking.sort_by(|&a, &b| degree[b].cmp(&degree[a]).then(a.cmp(&b)));
    #[allow(clippy::cast_possible_truncation)]
    ranking[..count].iter().map(|&p| PersonId(p as u32)).collect()
}

/// `net` with exactly `chosen` marked as influencers (everyone else an ordinary person).
fn marked(net: &Network, chosen: &[PersonId]) -> Result<Network> {
    let mut out = net.clone();
    let ids: Vec<PersonId> = out.people().map(|(id, _)| id).collect();
    for id in ids {
        out.set_kind(id, PersonKind::Person)?;
    }
    for &id in chosen {
        out.set_kind(id, PersonKind::Influencer)?;
    }
    Ok(out)
}

/// The best choice within `budget` when `costs` are the people's costs, its reach evaluated
/// under `model` on `net`.
fn best(
    net: &Network,
    costs: Vec<f64>,
    budget: f64,
    model: &Model,
    s: &CheapSettings,
) -> Result<(Reach, Vec<u32>)> {
    let request = SelectRelaysRequest {
        budget: Some(budget),
        costs: Some(costs),
        model: model.clone(),
        method: Method::Imm,
        epsilon: EPSILON,
        evaluation_runs: s.runs,
        seed: s.seed,
        ..SelectRelaysRequest::default()
    };
    let chosen = select_relays(&net.compiled(), &request)?;
    #[allow(clippy::cast_precision_loss)]
    let relays = chosen.relays.len() as f64;
    let spread = chosen.spread.expect("evaluation runs > 0");
    // Per unit of the budget, not of what was spent: every choice gets the same money, and a
    // choice that stops early (its next relay would add nothing) is not rewarded for it.
    let reach = Reach {
        relays: chosen.relays.len(),
        cost: chosen.cost,
        per_cost: (spread.mean - relays) / budget,
        ci: [(spread.ci95[0] - relays) / budget, (spread.ci95[1] - relays) / budget],
    };
    Ok((reach, chosen.relays))
}

/// Runs the comparison on `net` (which has ties of both kinds).
pub(crate) fn compare(net: &Network, s: &CheapSettings) -> Result<CheapRow> {
    let chosen = influencers(net, s.share);
    let truth = marked(net, &chosen)?;
    let physical = only_kind(&truth, LayerKind::Physical, None, s.seed)?;
    let n = net.num_people();
    let mut is_influencer = vec![false; n];
    for p in &chosen {
        is_influencer[p.0 as usize] = true;
    }
    // Someone who costs more than the whole budget is never chosen.
    let out_of_reach = s.budget + 1.0;
    let costs = |influencer: f64, other: f64| -> Vec<f64> {
        is_influencer.iter().map(|&i| if i { influencer } else { other }).collect()
    };
    let mut points = Vec::new();
    for &multiplier in &s.multipliers {
        let model = Model {
            amplifiers: Amplifiers { influencer_multiplier: multiplier, ..Amplifiers::default() },
            ..Model::default()
        };
        let ordinary = best(&truth, costs(out_of_reach, 1.0), s.budget, &model, s)?.0;
        let physical = best(&physical, costs(out_of_reach, 1.0), s.budget, &model, s)?.0;
        let (mut influencers, mut influencer_spend) = (Vec::new(), Vec::new());
        for &cost in &s.costs {
            influencers.push(best(&truth, costs(cost, out_of_reach), s.budget, &model, s)?.0);
            let (_, free) = best(&truth, costs(cost, 1.0), s.budget, &model, s)?;
            #[allow(clippy::cast_precision_loss)]
            let bought = free.iter().filter(|&&p| is_influencer[p as usize]).count() as f64;
            influencer_spend.push(bought * cost / s.budget);
        }
        points.push(CheapPoint { multiplier, ordinary, physical, influencers, influencer_spend });
    }
    Ok(CheapRow { influencers: chosen.len(), points })
}

/// Who does better per unit of cost, by disjoint 95% intervals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// The influencers.
    Influencers,
    /// The other relay.
    Other,
    /// The intervals overlap.
    Neither,
}

/// Who does better per unit of cost: influencers at the cost of index `cost` under the point,
/// or the other relay (`physical` relays or ordinary people).
pub(crate) fn compared(point: &CheapPoint, cost: usize, physical: bool) -> Side {
    let other = if physical { point.physical } else { point.ordinary };
    // `winner` names its sides physical and digital: here, influencers and the other relay.
    match winner(point.influencers[cost].ci, other.ci) {
        Winner::Physical => Side::Influencers,
        Winner::Digital => Side::Other,
        Winner::Neither => Side::Neither,
    }
}

/// The verdict on many networks.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum CheapVerdict {
    /// Influencers beat the other relay per unit of cost on most networks even at the highest
    /// cost tried and without amplification.
    Holds,
    /// They do so on most networks only when they cost at most `cost` (under the multiplier).
    HoldsUnder {
        /// The highest cost of the settings at which they do.
        cost: f64,
        /// The multiplier needed (1: none).
        multiplier: f64,
    },
    /// The other relay beats them on most networks even at an ordinary person's cost with
    /// the largest multiplier.
    DoesNotHold,
    /// Neither.
    CannotTell,
}

/// The verdict against ordinary people (or `physical` relays): for the multipliers in order,
/// the highest cost at which influencers win clearly on more than half the networks.
pub(crate) fn verdict(rows: &[&CheapRow], costs: &[f64], physical: bool) -> CheapVerdict {
    let n = rows.len();
    if n == 0 || costs.is_empty() {
        return CheapVerdict::CannotTell;
    }
    let points = rows[0].points.len();
    let most = |m: usize, c: usize, who: Side| {
        2 * rows.iter().filter(|r| compared(&r.points[m], c, physical) == who).count() > n
    };
    let top = costs.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)).map_or(0, |(i, _)| i);
    if points > 0 && most(0, top, Side::Influencers) {
        return CheapVerdict::Holds;
    }
    for m in 0..points {
        let winning = (0..costs.len()).filter(|&c| most(m, c, Side::Influencers));
        if let Some(c) = winning.max_by(|&a, &b| costs[a].total_cmp(&costs[b])) {
            return CheapVerdict::HoldsUnder {
                cost: costs[c],
                multiplier: rows[0].points[m].multiplier,
            };
        }
    }
    let cheapest = costs.iter().enumerate().min_by(|a, b| a.1.total_cmp(b.1)).map_or(0, |(i, _)| i);
    if points > 0 && most(points - 1, cheapest, Side::Other) {
        CheapVerdict::DoesNotHold
    } else {
        CheapVerdict::CannotTell
    }
}
