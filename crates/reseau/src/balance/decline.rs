//! A platform in decline: the network at each period.

use super::Decline;
use crate::error::Result;
use crate::model::Network;
use crate::rng::Stream;

/// The stream of the ties' survival draws (apart from every engine's streams).
const STREAM: u64 = 0x0064_6563_6c69_6e65;

/// The network at `period` of `decline`, and how many ties its declining layer keeps: tie i
/// of the layer (in tie order) survives while its uniform draw is below the survival
/// probability, so that losses are nested across periods.
pub(super) fn at(
    net: &Network,
    decline: &Decline,
    period: u32,
    seed: u64,
) -> Result<(Network, usize)> {
    let layer = net.layer_id(&decline.layer)?;
    let survival = decline.survival(period);
    let mut rng = Stream::new(seed, STREAM);
    let mut left = 0;
    let out = net.retain_ties(|tie| {
        if tie.layer != layer {
            return true;
        }
        let keep = rng.uniform() < survival;
        left += usize::from(keep);
        keep
    });
    Ok((out, left))
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
                let (n, left) = at(&net, &d, t, 9).unwrap();
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
}
