//! A platform in decline: the network at each period.

use super::Decline;
use crate::error::Result;
use crate::model::{Network, TieSpec};
use crate::rng::Stream;

/// The stream of the ties' survival draws (apart from every engine's streams).
const STREAM: u64 = 0x0064_6563_6c69_6e65;
/// The stream of the ties' migration draws (apart from the survival draws, so that adding a
/// successor changes no loss).
const MIGRATION: u64 = 0x006d_6967_7261_7465;

/// One period's network under decline.
pub(super) struct Period {
    pub(super) network: Network,
    /// Ties the declining layer keeps.
    pub(super) left: usize,
    /// Lost ties that moved to the successor (`None` without one).
    pub(super) migrated: Option<usize>,
}

/// The network at `period` of `decline`: tie i of the declining layer (in tie order) survives
/// while its uniform draw is below the survival probability, so that losses are nested across
/// periods; a lost tie moves to the successor when its own migration draw is below the
/// migration share (nested too), keeping its weight, sign and probability.
pub(super) fn at(net: &Network, decline: &Decline, period: u32, seed: u64) -> Result<Period> {
    let layer = net.layer_id(&decline.layer)?;
    let successor = decline.successor.as_deref().map(|s| net.layer_id(s)).transpose()?;
    let survival = decline.survival(period);
    let (mut rng, mut moves) = (Stream::new(seed, STREAM), Stream::new(seed, MIGRATION));
    let mut left = 0;
    let mut moving = Vec::new();
    let mut network = net.retain_ties(|tie| {
        if tie.layer != layer {
            return true;
        }
        let keep = rng.uniform() < survival;
        let migrates = successor.is_some() && moves.uniform() < decline.migration;
        left += usize::from(keep);
        if !keep && migrates {
            let spec = TieSpec { weight: tie.weight, sign: tie.sign, probability: tie.probability };
            moving.push((tie.source, tie.target, spec));
        }
        keep
    });
    let migrated = successor.map(|_| moving.len());
    if let Some(to) = successor {
        for (a, b, spec) in moving {
            // A pair already tied on the successor keeps its tie there (merged under the
            // network's duplicate policy; one that refuses duplicates just keeps the first).
            match network.add_tie_spec(a, b, to, spec) {
                Ok(_) | Err(crate::Error::DuplicateTie { .. }) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(Period { network, left, migrated })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn losses_are_nested_and_follow_the_rate() {
        let net = crate::datasets::aarhus_cs();
        let d = Decline::new("facebook", 0.3, 4).vanish_at(4);
        let sets: Vec<Vec<(u32, u32)>> = (0..=4)
            .map(|t| {
                let Period { network: n, left, migrated } = at(&net, &d, t, 9).unwrap();
                assert_eq!(migrated, None);
                let ties: Vec<(u32, u32)> =
                    n.ties_in("facebook").unwrap().map(|t| (t.source.0, t.target.0)).collect();
                assert_eq!(ties.len(), left);
                assert_eq!(n.num_ties() - left, 620 - 124);
                ties
            })
            .collect();
        assert_eq!(sets[0].len(), 124);
        assert!(sets[4].is_empty());
        for w in sets.windows(2) {
            assert!(w[1].iter().all(|t| w[0].contains(t)), "nested");
        }
        // Expected 124 × 0.7³ ≈ 42.5 left at period 3; binomial sd ≈ 5.3.
        assert!((sets[3].len() as f64 - 42.5).abs() < 20.0, "{}", sets[3].len());
    }

    #[test]
    fn lost_ties_migrate_to_the_successor_nested_and_the_losses_unchanged() {
        let net = crate::datasets::aarhus_cs();
        let alone = Decline::new("facebook", 0.3, 4);
        let moving = alone.clone().successor("coauthor", 0.5);
        let coauthor = net.num_ties_in("coauthor").unwrap();
        let mut before: Vec<(u32, u32)> = Vec::new();
        for t in 0..=4 {
            let plain = at(&net, &alone, t, 9).unwrap();
            let p = at(&net, &moving, t, 9).unwrap();
            assert_eq!(p.left, plain.left, "a successor changes no loss");
            let moved = p.migrated.unwrap();
            // Half the lost ties move (binomial, sd ≤ 5.6 of at most 124 lost).
            let lost = 124 - p.left;
            assert!((moved as f64 - lost as f64 / 2.0).abs() <= 4.0 * 5.6, "{moved} of {lost}");
            // Moved ties join coauthor (a pair already tied there merges into one tie).
            let now = p.network.num_ties_in("coauthor").unwrap();
            assert!(now >= coauthor && now <= coauthor + moved);
            let ties: Vec<(u32, u32)> =
                p.network.ties_in("coauthor").unwrap().map(|t| (t.source.0, t.target.0)).collect();
            assert!(before.iter().all(|t| ties.contains(t)), "nested migrations");
            before = ties;
        }
        let all = at(&net, &Decline::new("facebook", 1.0, 1).successor("coauthor", 1.0), 1, 9);
        assert_eq!(all.unwrap().migrated, Some(124));
        let bad = Decline::new("facebook", 0.3, 2).successor("facebook", 0.5);
        assert_eq!(bad.validate().unwrap_err().kind(), "InvalidParameterError");
        let unknown = Decline::new("facebook", 0.3, 2).successor("myspace", 0.5);
        assert_eq!(at(&net, &unknown, 1, 9).err().unwrap().kind(), "UnknownLayerError");
    }
}
