//! Greedy maximum coverage of RR sets: the selection step of IMM and OPIM-C.
//!
//! Coverage is monotone and submodular, so choosing, k times, the person who meets the most
//! RR sets not yet met covers at least (1 − 1/e) of the best k people's coverage (Nemhauser,
//! Wolsey & Fisher 1978). Each person's count of uncovered sets is kept exact (when a set
//! becomes covered, each of its members loses one), and a lazy max-heap finds the best: an
//! entry whose stored count is stale is pushed back with the current one. Ties go to the
//! smallest id, so the choice is deterministic.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::rrsets::{Index, RrSets};

/// What a greedy pass chose.
#[derive(Debug, Clone, Default)]
pub(crate) struct Picked {
    /// The people chosen, in order.
    pub(crate) relays: Vec<u32>,
    /// The sets each newly covered.
    pub(crate) gains: Vec<u64>,
    /// The sets covered in all.
    pub(crate) covered: u64,
    /// When asked for: an upper bound on the sets that any feasible choice covers.
    pub(crate) upper: Option<f64>,
}

/// The running state of a greedy pass: each person's uncovered sets and which sets are covered.
/// It owns no sets: each call is given the collection and index it was built on, so that a
/// shard of a distributed selection can keep it beside its own sets. [`Coverage::reset`]
/// starts a new pass on a grown collection in time proportional to the people its sets hold.
#[derive(Debug, Clone)]
pub(crate) struct Coverage {
    /// Uncovered sets holding each person.
    pub(crate) count: Vec<u32>,
    covered: Vec<u64>,
    /// Sets covered so far.
    pub(crate) total: u64,
}

impl Coverage {
    pub(crate) fn new(rr: &RrSets, index: &Index, n: usize) -> Self {
        let mut coverage = Coverage { count: vec![0; n], covered: Vec::new(), total: 0 };
        coverage.reset(rr, index);
        coverage
    }

    /// Starts a new pass on `rr` (with its `index`): nobody chosen. Only the people the index
    /// met are counted again: everyone else's count is, and stays, 0 (a pass only lowers the
    /// counts of people in covered sets).
    pub(crate) fn reset(&mut self, rr: &RrSets, index: &Index) {
        for &v in index.people() {
            self.count[v as usize] = index.degree(v) as u32 + rr.singles(v);
        }
        self.covered.clear();
        self.covered.resize(rr.multi_len().div_ceil(64), 0);
        self.total = 0;
    }

    /// Adds `v` to the choice; returns the sets it newly covers.
    pub(crate) fn add(&mut self, rr: &RrSets, index: &Index, v: u32) -> u64 {
        self.add_noting(rr, index, v, |_, _| {})
    }

    /// [`Coverage::add`], telling `fell` each person whose count falls and by how much (a
    /// person may be told several times).
    pub(crate) fn add_noting(
        &mut self,
        rr: &RrSets,
        index: &Index,
        v: u32,
        mut fell: impl FnMut(u32, u32),
    ) -> u64 {
        let singles = rr.singles(v);
        self.count[v as usize] -= singles;
        if singles > 0 {
            fell(v, singles);
        }
        let mut gained = u64::from(singles);
        let Coverage { count, covered, .. } = self;
        index.for_each_set_of(v, |s| {
            let (word, bit) = (s as usize / 64, 1u64 << (s % 64));
            if covered[word] & bit != 0 {
                return;
            }
            covered[word] |= bit;
            gained += 1;
            rr.for_each_member(s as usize, |w| {
                count[w as usize] -= 1;
                fell(w, 1);
            });
        });
        self.total += gained;
        gained
    }
}

/// The greedy's choice among counts that only fall: the best person not yet chosen (the most
/// uncovered sets, the smallest id on ties) and, for the upper bound, the sum of the `width`
/// largest counts. A lazy max-heap holds the people whose count is not 0; beside it, a short
/// sorted list of the best with their current counts, refreshed at each step and topped up
/// from the heap only while the heap's best stored count (never below its current one) could
/// beat the list's last. A step costs O(width log width) plus the few heap entries that move,
/// rather than a pass over everyone. A person whose count reaches 0 leaves both (adding
/// nothing to the sums); once nobody's count is above 0, the choice goes by increasing id
/// among those not chosen, as the order (count, then smallest id) says. Shared by the
/// single-machine greedy and the distributed driver, which holds the counts summed over its
/// shards: both choose alike.
#[derive(Debug, Clone)]
pub(crate) struct Chooser {
    heap: BinaryHeap<(u32, Reverse<u32>)>,
    /// The best people not yet chosen with a count above 0, best first, with their counts.
    top: Vec<(u32, Reverse<u32>)>,
    wanted: usize,
    width: usize,
    /// The people `count` covers (its length).
    n: u32,
    /// Never to be chosen, increasing.
    excluded: Vec<u32>,
    /// Taken from `top` so far (increasing once `zeros` is set).
    taken: Vec<u32>,
    /// Once every count left is 0: the smallest id that may still be chosen.
    zeros: Option<u32>,
}

impl Chooser {
    /// Everyone not marked in `exclude` (an empty mask excludes nobody), with `count`; the
    /// sums cover the `width` best when `bound` is [`Bound::Compute`], else only the best.
    pub(crate) fn new(count: &[u32], width: usize, bound: Bound, exclude: &[bool]) -> Self {
        Self::among(0..count.len() as u32, count, width, bound, exclude)
    }

    /// [`Chooser::new`] when only `people` (distinct) may have a count above 0: the work is
    /// theirs, not everyone's.
    pub(crate) fn among(
        people: impl IntoIterator<Item = u32>,
        count: &[u32],
        width: usize,
        bound: Bound,
        exclude: &[bool],
    ) -> Self {
        let excluded: Vec<u32> =
            (0..exclude.len() as u32).filter(|&v| exclude[v as usize]).collect();
        let heap = people
            .into_iter()
            .filter(|&v| {
                count[v as usize] > 0 && !exclude.get(v as usize).copied().unwrap_or(false)
            })
            .map(|v| (count[v as usize], Reverse(v)))
            .collect();
        let wanted = if bound == Bound::Compute { width.max(1) } else { 1 };
        Chooser {
            heap,
            top: Vec::with_capacity(wanted + 1),
            wanted,
            width,
            n: count.len() as u32,
            excluded,
            taken: Vec::new(),
            zeros: None,
        }
    }

    /// Brings the list up to date with `count`; returns the sum of the `width` largest
    /// current counts of the people not yet chosen.
    pub(crate) fn refresh(&mut self, count: &[u32]) -> u64 {
        let wanted = self.wanted;
        for entry in &mut self.top {
            entry.0 = count[entry.1.0 as usize];
        }
        self.top.retain(|e| e.0 > 0);
        // Best first. Counts only fall, so the list is nearly in order already: an insertion
        // sort moves the few that fell (the entries are distinct, so any sort gives this order).
        for i in 1..self.top.len() {
            let e = self.top[i];
            let mut j = i;
            while j > 0 && self.top[j - 1] < e {
                self.top[j] = self.top[j - 1];
                j -= 1;
            }
            self.top[j] = e;
        }
        while let Some(&(stored, Reverse(v))) = self.heap.peek() {
            if self.top.len() >= wanted && (stored, Reverse(v)) <= self.top[wanted - 1] {
                break;
            }
            self.heap.pop();
            let entry = (count[v as usize], Reverse(v));
            if entry.0 == 0 {
                continue;
            }
            if entry.0 != stored {
                self.heap.push(entry);
                continue;
            }
            let at = self.top.partition_point(|e| *e > entry);
            self.top.insert(at, entry);
            if self.top.len() > wanted {
                self.heap.extend(self.top.pop());
            }
        }
        self.top.iter().take(self.width).map(|&(c, _)| u64::from(c)).sum()
    }

    /// Takes the best person after a [`Chooser::refresh`] (`None`: everyone is chosen).
    pub(crate) fn take_best(&mut self) -> Option<u32> {
        if !self.top.is_empty() {
            let v = self.top.remove(0).1.0;
            self.taken.push(v);
            return Some(v);
        }
        // Every count left is 0 (and stays so): the smallest id neither taken nor excluded.
        let mut v = *self.zeros.get_or_insert_with(|| {
            self.taken.sort_unstable();
            0
        });
        while v < self.n
            && (self.taken.binary_search(&v).is_ok() || self.excluded.binary_search(&v).is_ok())
        {
            v += 1;
        }
        self.zeros = Some((v + 1).min(self.n));
        (v < self.n).then_some(v)
    }
}

/// Whether the upper bound is worked out before choosing the `j`-th person: at 0 and powers
/// of two (each costs a pass over all people), and always after the last.
pub(crate) fn bound_due(j: usize) -> bool {
    j == 0 || j.is_power_of_two()
}

/// Whether a greedy choice also works out an upper bound on the best feasible coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bound {
    /// The upper bound too (OPIM-C).
    Compute,
    /// The choice only (IMM).
    Skip,
}

/// Chooses `k` people greedily. With [`Bound::Compute`], also an upper bound on the best `k` people's
/// coverage: the least, over every prefix S_j (j = 0, …, k), of Λ(S_j) plus the `k` largest
/// marginal counts given S_j (valid by submodularity; Tang et al. 2018). It is at least as
/// tight as Λ(S_k)/(1 − (1 − 1/k)^k), the greedy's own guarantee, which follows from these
/// same k + 1 inequalities.
///
/// The `k` largest counts and the choice come from a [`Chooser`].
pub(crate) fn greedy(rr: &RrSets, index: &Index, n: usize, k: usize, bound: Bound) -> Picked {
    greedy_beside(rr, index, n, k, k, bound, &[])
}

/// [`greedy`] choosing `picks` people, none of those marked in `exclude` (HIST's sentinels,
/// already chosen; an empty mask excludes nobody), with the upper bound on the best `width`
/// people's coverage (`width` ≥ `picks`).
pub(crate) fn greedy_beside(
    rr: &RrSets,
    index: &Index,
    n: usize,
    picks: usize,
    width: usize,
    bound: Bound,
    exclude: &[bool],
) -> Picked {
    let mut cov = Coverage::new(rr, index, n);
    greedy_on(&mut cov, rr, index, picks, width, bound, exclude)
}

/// [`greedy_beside`] with `cov`, [reset](Coverage::reset) on `rr` and `index`: a pass that
/// costs what the sets hold, not a pass over everyone (OPIM-C's rounds keep one).
pub(crate) fn greedy_on(
    cov: &mut Coverage,
    rr: &RrSets,
    index: &Index,
    picks: usize,
    width: usize,
    bound: Bound,
    exclude: &[bool],
) -> Picked {
    let people = index.people().iter().copied();
    let mut chooser = Chooser::among(people, &cov.count, width, bound, exclude);
    let mut picked = Picked::default();
    let mut upper = f64::INFINITY;
    loop {
        let best = chooser.refresh(&cov.count);
        if bound == Bound::Compute {
            upper = upper.min((cov.total + best) as f64);
        }
        if picked.relays.len() >= picks {
            break;
        }
        let Some(v) = chooser.take_best() else { break };
        picked.gains.push(cov.add(rr, index, v));
        picked.relays.push(v);
    }
    if bound == Bound::Compute {
        picked.upper = Some(upper);
    }
    picked.covered = cov.total;
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greedy_prefers_the_person_in_most_sets_then_the_smallest_id() {
        // Sets: {0,1} {1,2} {1} {3} {3}: person 1 first (3 sets), then 3 (2 sets), then 0
        // (nothing left: the smallest id).
        let n = 4;
        let mut rr = RrSets::new(n);
        for set in [&[0u32, 1][..], &[1, 2], &[1], &[3], &[3]] {
            rr.push_set(set);
        }
        let index = Index::new(&rr, n);
        let p = greedy(&rr, &index, n, 3, Bound::Compute);
        assert_eq!(p.relays, vec![1, 3, 0]);
        assert_eq!(p.gains, vec![3, 2, 0]);
        assert_eq!(p.covered, 5);
        assert!(p.upper.unwrap() >= 5.0);
    }

    #[test]
    fn greedy_matches_a_plain_greedy_and_bounds_the_brute_force_optimum() {
        let mut rng = crate::rng::Stream::new(11, 0);
        for round in 0..300 {
            let n = 2 + rng.below(7) as usize;
            let k = 1 + rng.below(n as u64) as usize;
            let mut rr = RrSets::new(n);
            let mut sets = Vec::new();
            for _ in 0..rng.below(25) {
                let mut set: Vec<u32> = (0..n as u32).filter(|_| rng.below(3) == 0).collect();
                if set.is_empty() {
                    set.push(rng.below(n as u64) as u32);
                }
                rr.push_set(&set);
                sets.push(set);
            }
            let index = Index::new(&rr, n);
            let with = greedy(&rr, &index, n, k, Bound::Compute);
            let without = greedy(&rr, &index, n, k, Bound::Skip);
            assert_eq!(with.relays, without.relays, "round {round}");
            // A plain greedy: the most newly covered sets, ties to the smallest id.
            let mut covered = vec![false; sets.len()];
            let mut chosen = Vec::new();
            for _ in 0..k {
                let gain = |v: u32| {
                    sets.iter().zip(&covered).filter(|(s, c)| !**c && s.contains(&v)).count()
                };
                let v = (0..n as u32)
                    .filter(|v| !chosen.contains(v))
                    .max_by_key(|&v| (gain(v), Reverse(v)))
                    .unwrap();
                for (s, c) in sets.iter().zip(&mut covered) {
                    *c |= s.contains(&v);
                }
                chosen.push(v);
            }
            assert_eq!(with.relays, chosen, "round {round}");
            // The best k people by brute force never beat the bound.
            let best = (0u32..1 << n)
                .filter(|m| m.count_ones() as usize == k)
                .map(|m| sets.iter().filter(|s| s.iter().any(|&v| m >> v & 1 == 1)).count())
                .max()
                .unwrap();
            assert!(with.upper.unwrap() >= best as f64, "round {round}");
            assert!(with.covered as usize <= best);
        }
    }

    /// A random collection over `n` people: sets of one person, of several, some people in none.
    fn random_sets(rng: &mut crate::rng::Stream, n: usize, count: u64) -> Vec<Vec<u32>> {
        (0..count)
            .map(|_| {
                let mut set: Vec<u32> = (0..n as u32 / 2).filter(|_| rng.below(4) == 0).collect();
                if set.is_empty() {
                    set.push(rng.below(n as u64) as u32);
                }
                set
            })
            .collect()
    }

    #[test]
    fn a_greedy_on_a_grown_index_and_reused_counts_equals_a_fresh_one() {
        // OPIM-C's rounds: the collection grows, the index takes in only the new sets, and one
        // Coverage serves every pass; each pass must be the one a fresh index and counts give.
        let mut rng = crate::rng::Stream::new(12, 0);
        for round in 0..100 {
            let n = 2 + rng.below(12) as usize;
            let k = 1 + rng.below(n as u64) as usize;
            for storage in [crate::rrsets::Storage::Flat, crate::rrsets::Storage::Compressed] {
                let mut rr = RrSets::new(n).stored(storage);
                let mut index = Index::growing(n);
                let mut cov = Coverage::new(&rr, &index, n);
                for step in 0..4 {
                    let count = rng.below(12);
                    for set in random_sets(&mut rng, n, count) {
                        rr.push_set(&set);
                    }
                    index.extend(&rr);
                    cov.reset(&rr, &index);
                    let grown = greedy_on(&mut cov, &rr, &index, k, k, Bound::Compute, &[]);
                    let fresh_index = Index::new(&rr, n);
                    let fresh = greedy(&rr, &fresh_index, n, k, Bound::Compute);
                    let at = format!("round {round}, {storage:?}, step {step}");
                    assert_eq!(grown.relays, fresh.relays, "{at}");
                    assert_eq!(grown.gains, fresh.gains, "{at}");
                    assert_eq!(grown.covered, fresh.covered, "{at}");
                    assert_eq!(
                        grown.upper.map(f64::to_bits),
                        fresh.upper.map(f64::to_bits),
                        "{at}"
                    );
                    let occurrences = rr.occurrences();
                    let mut people = index.people().to_vec();
                    people.sort_unstable();
                    let met: Vec<u32> =
                        (0..n as u32).filter(|&v| occurrences[v as usize] > 0).collect();
                    assert_eq!(people, met, "{at}");
                    for v in 0..n as u32 {
                        assert_eq!(index.sets_of(v), fresh_index.sets_of(v), "{at}, person {v}");
                        assert_eq!(index.degree(v), fresh_index.degree(v), "{at}, person {v}");
                    }
                    // R2's check: the chosen people's sets, counted without a pass over everyone.
                    let mut mask = vec![false; n];
                    let chosen: Vec<bool> =
                        (0..n as u32).map(|v| grown.relays.contains(&v)).collect();
                    assert_eq!(
                        rr.count_covered_by(&grown.relays, &mut mask),
                        rr.count_covered(&chosen)
                    );
                    assert!(mask.iter().all(|&m| !m));
                }
            }
        }
    }

    #[test]
    fn people_left_out_go_by_increasing_id_once_no_count_is_above_zero() {
        // Sets {4,5} {4} {5}: 4 covers two, then 5 the last; then, every count 0, the others
        // by increasing id, skipping the excluded 1.
        let n = 6;
        let mut rr = RrSets::new(n);
        for set in [&[4u32, 5][..], &[4], &[5]] {
            rr.push_set(set);
        }
        let index = Index::new(&rr, n);
        let exclude = [false, true, false, false, false, false];
        let p = greedy_beside(&rr, &index, n, 5, 5, Bound::Compute, &exclude);
        assert_eq!(p.relays, vec![4, 5, 0, 2, 3]);
        assert_eq!(p.gains, vec![2, 1, 0, 0, 0]);
        // Asking for more than there are: everyone allowed, then the pass stops.
        let p = greedy_beside(&rr, &index, n, 9, 9, Bound::Skip, &exclude);
        assert_eq!(p.relays, vec![4, 5, 0, 2, 3]);
    }
}
