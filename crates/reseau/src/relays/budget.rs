//! Choosing within a budget: the cost-effective greedy and the best single affordable person.
//!
//! The cost-effective greedy adds, while money remains, the affordable person with the largest
//! marginal gain per unit of cost. On its own it can be arbitrarily bad (one cheap person of
//! small reach crowds out an expensive one of great reach), but the better of its choice and
//! of the single best affordable person is within ½(1 − 1/e) ≈ 0.316 of the optimum for any
//! monotone submodular objective (Khuller, Moss & Naor 1999, for budgeted maximum coverage;
//! Leskovec et al. 2007, the CELF paper, for influence). With RR sets the objective is their
//! coverage, and the guarantee carries over to the spread up to the sampling error ε.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use super::coverage::{Bound, Coverage, Picked, bound_due, greedy, greedy_on};
use crate::rrsets::{Index, RrSets};

/// How many people to choose: a number, or as many as a budget buys.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Limit<'a> {
    /// Exactly this many.
    Count(usize),
    /// People whose costs add up to at most `budget`.
    Budget {
        /// The money available.
        budget: f64,
        /// Each person's cost.
        costs: &'a [f64],
    },
}

/// 1 − 1/e, the greedy's guarantee for k people.
pub(crate) const GREEDY_RATIO: f64 = 1.0 - 0.367_879_441_171_442_33;

impl Limit<'_> {
    /// The most people a choice can hold: k, or how many of the cheapest people the budget
    /// buys.
    pub(crate) fn max_count(&self, n: usize) -> usize {
        match *self {
            Limit::Count(k) => k,
            Limit::Budget { budget, costs } => {
                let mut sorted = costs.to_vec();
                sorted.sort_by(f64::total_cmp);
                let mut spent = 0.0;
                sorted
                    .iter()
                    .take_while(|&&c| {
                        spent += c;
                        spent <= budget
                    })
                    .count()
                    .clamp(1, n.max(1))
            }
        }
    }

    /// The greedy's approximation ratio: 1 − 1/e for k people, ½(1 − 1/e) within a budget.
    pub(crate) fn ratio(&self) -> f64 {
        match self {
            Limit::Count(_) => GREEDY_RATIO,
            Limit::Budget { .. } => GREEDY_RATIO / 2.0,
        }
    }

    /// The greedy choice on `rr` (with an upper bound on the best feasible coverage when
    /// `bound` says so).
    pub(crate) fn pick(&self, rr: &RrSets, index: &Index, n: usize, bound: Bound) -> Picked {
        match *self {
            Limit::Count(k) => greedy(rr, index, n, k, bound),
            Limit::Budget { budget, costs } => greedy_budget(rr, index, costs, budget, bound),
        }
    }

    /// [`Limit::pick`] with `cov`, the state of the last pass on `rr`'s collection (reset
    /// here): for k people, a pass costs what the sets hold rather than everyone.
    pub(crate) fn pick_on(
        &self,
        cov: &mut Coverage,
        rr: &RrSets,
        index: &Index,
        bound: Bound,
    ) -> Picked {
        match *self {
            Limit::Count(k) => {
                cov.reset(rr, index);
                greedy_on(cov, rr, index, k, k, bound, &[])
            }
            Limit::Budget { budget, costs } => greedy_budget(rr, index, costs, budget, bound),
        }
    }

    /// Whether a person of cost `cost` still fits after `spent`.
    pub(crate) fn fits(&self, spent: f64, cost: f64) -> bool {
        match *self {
            Limit::Count(_) => true,
            Limit::Budget { budget, .. } => spent + cost <= budget,
        }
    }
}

/// Gain per unit of cost; a free person with any gain comes first.
pub(crate) fn ratio(gain: f64, cost: f64) -> f64 {
    if gain <= 0.0 {
        0.0
    } else if cost <= 0.0 {
        f64::INFINITY
    } else {
        gain / cost
    }
}

/// An `f64` ordered by `total_cmp`, for heaps of ratios.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Key(pub(crate) f64);

impl Eq for Key {}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// The cost-effective greedy on RR-set coverage, then the best single affordable person if
/// that covers more. It stops when the budget is spent or no affordable person meets an
/// uncovered set.
///
/// With [`Bound::Compute`], an upper bound on the best affordable choice's coverage: the least, over
/// prefixes S_j, of Λ(S_j) plus the fractional knapsack of the marginal counts given S_j
/// (valid by submodularity, and because the fractional knapsack bounds the integral one).
pub(crate) fn greedy_budget(
    rr: &RrSets,
    index: &Index,
    costs: &[f64],
    budget: f64,
    bound: Bound,
) -> Picked {
    let n = costs.len();
    let mut cov = Coverage::new(rr, index, n);
    let initial = cov.count.clone();
    let key = |count: u32, v: u32| Key(ratio(f64::from(count), costs[v as usize]));
    let mut heap: BinaryHeap<(Key, Reverse<u32>)> = (0..n as u32)
        .filter(|&v| costs[v as usize] <= budget)
        .map(|v| (key(cov.count[v as usize], v), Reverse(v)))
        .collect();
    let mut picked = Picked::default();
    let mut spent = 0.0;
    let mut upper = f64::INFINITY;
    let mut bounded = usize::MAX;
    loop {
        let j = picked.relays.len();
        if bound == Bound::Compute && bounded != j && bound_due(j) {
            bounded = j;
            upper = upper.min(cov.total as f64 + knapsack(&cov.count, costs, budget));
        }
        let Some((stored, Reverse(v))) = heap.pop() else { break };
        let cost = costs[v as usize];
        if spent + cost > budget {
            continue; // the money left only shrinks: never affordable again
        }
        let current = key(cov.count[v as usize], v);
        if stored != current {
            heap.push((current, Reverse(v)));
            continue;
        }
        if cov.count[v as usize] == 0 {
            break; // nobody affordable adds anything
        }
        picked.gains.push(cov.add(rr, index, v));
        picked.relays.push(v);
        spent += cost;
    }
    if bound == Bound::Compute {
        upper = upper.min(cov.total as f64 + knapsack(&cov.count, costs, budget));
        picked.upper = Some(upper);
    }
    picked.covered = cov.total;
    // The best single affordable person (most sets; the smallest id on ties).
    let single = (0..n as u32)
        .filter(|&v| costs[v as usize] <= budget)
        .max_by_key(|&v| (initial[v as usize], Reverse(v)));
    if let Some(v) = single {
        let sets = u64::from(initial[v as usize]);
        if sets > picked.covered || picked.relays.is_empty() {
            picked.relays = vec![v];
            picked.gains = vec![sets];
            picked.covered = sets;
        }
    }
    picked
}

/// The fractional knapsack of `gains` with `costs` and capacity `budget`: the most gain any
/// affordable choice could add if people could be taken in part.
pub(crate) fn knapsack_f64(gains: impl Iterator<Item = (f64, f64)>, budget: f64) -> f64 {
    let mut items: Vec<(f64, f64)> = gains.filter(|&(g, c)| g > 0.0 && c <= budget).collect();
    items.sort_by(|a, b| ratio(b.0, b.1).total_cmp(&ratio(a.0, a.1)));
    let mut left = budget;
    let mut total = 0.0;
    for (g, c) in items {
        if c <= left {
            total += g;
            left -= c;
        } else {
            total += g * left / c;
            break;
        }
    }
    total
}

fn knapsack(count: &[u32], costs: &[f64], budget: f64) -> f64 {
    knapsack_f64(count.iter().zip(costs).map(|(&g, &c)| (f64::from(g), c)), budget)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_single_person_wins_over_many_cheap_ones() {
        // Person 0 (cost 10) is in 6 sets; persons 1..=3 (cost 1 each) in 1 set each.
        let mut rr = RrSets::new(4);
        for set in [&[0u32, 1][..], &[0], &[0], &[0], &[0], &[0], &[1, 2], &[2], &[3]] {
            rr.push_set(set);
        }
        let index = Index::new(&rr, 4);
        let costs = [10.0, 1.0, 1.0, 1.0];
        let p = greedy_budget(&rr, &index, &costs, 10.0, Bound::Compute);
        assert_eq!(p.relays, vec![0]);
        assert_eq!(p.covered, 6);
        assert!(p.upper.unwrap() >= 6.0);
        // With 12 to spend the cost-effective greedy takes the cheap ones first, then cannot
        // afford person 0: the single person is still better.
        let p = greedy_budget(&rr, &index, &costs, 12.0, Bound::Skip);
        assert_eq!(p.relays, vec![0]);
        // With 13, everyone fits.
        let p = greedy_budget(&rr, &index, &costs, 13.0, Bound::Skip);
        assert_eq!(p.covered, 9);
    }

    #[test]
    fn fractional_knapsack() {
        let v = knapsack_f64([(6.0, 3.0), (4.0, 4.0), (1.0, 0.0)].into_iter(), 5.0);
        assert!((v - (1.0 + 6.0 + 2.0)).abs() < 1e-12);
    }

    #[test]
    fn max_count_counts_the_cheapest() {
        let costs = [3.0, 1.0, 2.0, 5.0];
        assert_eq!(Limit::Budget { budget: 6.0, costs: &costs }.max_count(4), 3);
        assert_eq!(Limit::Budget { budget: 1.0, costs: &costs }.max_count(4), 1);
        assert_eq!(Limit::Count(2).max_count(4), 2);
    }
}
