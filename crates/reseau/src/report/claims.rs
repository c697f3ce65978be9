//! The article's claims (`docs/claims.md`), one line each, decided on the network the report
//! runs on from numbers the report already has: a claim holds or fails only when the 95%
//! intervals that decide it are disjoint, and "cannot tell" otherwise. Claims that need an
//! experiment the report does not run are listed as not decided here, with the reason.

use serde::{Deserialize, Serialize};

use super::ColdContact;
use super::load::{CurveShape, LoadScan};
use crate::balance::{BalanceReport, KindComparison, KindOutcome, Measure};
use crate::shadow::ShadowGap;

/// A claim's verdict on one network.
///
/// ```
/// use reseau::report::Verdict;
/// assert_eq!(serde_json::to_string(&Verdict::CannotTell)?, "\"cannot_tell\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The numbers support the claim beyond their 95% intervals.
    Holds,
    /// The numbers contradict the claim beyond their 95% intervals.
    DoesNotHold,
    /// The intervals that decide it overlap: the noise cannot tell.
    CannotTell,
    /// The report runs no experiment that decides it on this network (see the reason).
    NotDecidedHere,
}

impl Verdict {
    /// The verdict in words.
    ///
    /// ```
    /// assert_eq!(reseau::report::Verdict::DoesNotHold.as_str(), "does not hold");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Holds => "holds",
            Verdict::DoesNotHold => "does not hold",
            Verdict::CannotTell => "cannot tell here",
            Verdict::NotDecidedHere => "not decided here",
        }
    }
}

/// A number that decides a claim: what it is, its value and where it is in the report's
/// JSON (with its 95% interval, when it has one).
///
/// ```
/// use reseau::report::{ReportRequest, report};
/// let mut report = report(&reseau::datasets::aarhus_cs(), &ReportRequest::quick())?;
/// report.validate()?;
/// let json = serde_json::to_value(&report).unwrap();
/// for line in &report.claims {
///     for e in &line.evidence {
///         let at = json.pointer(&format!("/{}", e.path.replace('.', "/"))).unwrap();
///         assert_eq!(at.as_f64(), Some(e.value));
///     }
/// }
/// report.claims[0].evidence[0].value = f64::NAN;
/// assert_eq!(report.validate().unwrap_err().kind(), "InvalidParameterError");
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evidence {
    /// What the number is, in a few words.
    pub what: String,
    /// The number.
    pub value: f64,
    /// Its path in the report's JSON (dots between keys and indices).
    pub path: String,
    /// Its 95% interval (`None`: it has none, or none is needed).
    pub ci95: Option<[f64; 2]>,
    /// The interval's path in the report's JSON (`None` with no interval).
    pub ci95_path: Option<String>,
}

/// One claim of the article and its verdict on the network.
///
/// ```
/// use reseau::report::{ReportRequest, Verdict, report};
/// let report = report(&reseau::datasets::aarhus_cs(), &ReportRequest::quick())?;
/// let fatigue = report.claims.iter().find(|c| c.claim == 6).unwrap();
/// assert_eq!(fatigue.verdict, Verdict::Holds); // a collapse beyond the noise
/// let buzz = report.claims.iter().find(|c| c.claim == 4).unwrap();
/// assert_eq!(buzz.verdict, Verdict::NotDecidedHere);
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClaimLine {
    /// The claim's number in `docs/claims.md` (1 to 7).
    pub claim: u32,
    /// The claim, in a few words.
    pub about: String,
    /// The verdict on this network.
    pub verdict: Verdict,
    /// What decides it, or why it is not decided here.
    pub reason: String,
    /// The numbers that decide it (empty when not decided here).
    pub evidence: Vec<Evidence>,
}

/// How two intervals compare: `Some(true)` when `a` lies wholly above `b`, `Some(false)`
/// when wholly below, `None` when they overlap.
pub(super) fn above(a: [f64; 2], b: [f64; 2]) -> Option<bool> {
    if a[0] > b[1] {
        Some(true)
    } else if a[1] < b[0] {
        Some(false)
    } else {
        None
    }
}

const STUDY: &str = "run `cargo run --release --example claims` for the study across networks";

fn not_here(claim: u32, about: &str, reason: String) -> ClaimLine {
    ClaimLine {
        claim,
        about: about.into(),
        verdict: Verdict::NotDecidedHere,
        reason,
        evidence: Vec::new(),
    }
}

/// The claims' lines: `balance` is `None` without an offline/online split (`no_split` says
/// why). Claim 5 is not decided here; [`in_the_shadow`] decides it when the network has a
/// shadow layer.
pub(super) fn claims(
    load: &LoadScan,
    cold: &ColdContact,
    kinds: Option<&KindComparison>,
    balance: Option<&BalanceReport>,
    no_split: Option<&str>,
) -> Vec<ClaimLine> {
    let mut lines = vec![recommendation(cold)];
    let without = |what: &str| match no_split {
        Some(reason) => format!("no offline/online split ({reason})"),
        None => format!("the balance sweep has no {what}"),
    };
    lines.extend(match kinds {
        Some(k) => tie_for_tie(k),
        None => vec![not_here(
            2,
            "physical ties carry more than digital ones, tie for tie",
            match no_split {
                Some(reason) => format!("no offline/online split ({reason})"),
                None => "the report ran no tie-for-tie comparison".into(),
            },
        )],
    });
    lines.extend(match balance {
        Some(b) => physical_vs_digital(b),
        None => vec![not_here(2, EFFORT, without("sweep"))],
    });
    lines.push(not_here(
        3,
        "influencers are an inexpensive relay",
        format!("the report compares no influencers' costs; {STUDY}"),
    ));
    lines.push(not_here(
        4,
        "bad buzz spreads faster, media pick it up",
        format!("the report runs no buzz campaign; {STUDY}"),
    ));
    lines.push(not_here(
        5,
        "lobbies act in the shadow",
        format!("a shadow layer is by its nature absent from the network given; {STUDY}"),
    ));
    lines.push(fatigue(load));
    lines.extend(match balance {
        Some(b) => balanced(b).into_iter().chain(robust_under_decline(b)).collect(),
        None => vec![not_here(7, "a balanced mix beats both ends", without("sweep"))],
    });
    lines
}

/// `lines` with claim 5 decided from `gap`, when the network has a shadow layer.
pub(super) fn in_the_shadow(mut lines: Vec<ClaimLine>, gap: Option<&ShadowGap>) -> Vec<ClaimLine> {
    if let Some(gap) = gap {
        for line in lines.iter_mut().filter(|c| c.claim == 5) {
            *line = lobbies(gap);
        }
    }
    lines
}

/// Claim 5: the spread on the full network (shadow layers included) against on the
/// analyst's view, from the same sources.
fn lobbies(g: &ShadowGap) -> ClaimLine {
    let side = |what: &str, value: f64, ci: [f64; 2], field: &str| Evidence {
        what: what.into(),
        value,
        path: format!("shadow.{field}"),
        ci95: Some(ci),
        ci95_path: Some(format!("shadow.{field}_ci95")),
    };
    let (verdict, reason) = match above(g.full_spread_ci95, g.observed_spread_ci95) {
        Some(true) => (
            Verdict::Holds,
            format!(
                "the true spread lies clearly above what the analyst's view predicts: the \
                 shadow layers carry {:.0}% of it",
                100.0 * g.missed_share
            ),
        ),
        Some(false) => (
            Verdict::DoesNotHold,
            "the analyst's view predicts clearly more than the true spread".to_owned(),
        ),
        None => (
            Verdict::CannotTell,
            "the true and the observed spreads' 95% intervals overlap".to_owned(),
        ),
    };
    ClaimLine {
        claim: 5,
        about: "lobbies act in the shadow".into(),
        verdict,
        reason,
        evidence: vec![
            side("true spread", g.full_spread, g.full_spread_ci95, "full_spread"),
            side("observed spread", g.observed_spread, g.observed_spread_ci95, "observed_spread"),
        ],
    }
}

/// Claim 1, more surely: the chains' success against the cold contacts' on the same requests.
fn recommendation(c: &ColdContact) -> ClaimLine {
    let side = |what: &str, value: f64, ci: [f64; 2], field: &str| Evidence {
        what: what.into(),
        value,
        path: format!("cold_contact.{field}"),
        ci95: Some(ci),
        ci95_path: Some(format!("cold_contact.{field}_ci95")),
    };
    let (verdict, reason) = match above(c.chain_success_ci95, c.cold_success_ci95) {
        Some(true) => (Verdict::Holds, "the chains' success lies clearly above the cold contacts'"),
        Some(false) => {
            (Verdict::DoesNotHold, "the cold contacts' success lies clearly above the chains'")
        }
        None => (Verdict::CannotTell, "the two successes' 95% intervals overlap"),
    };
    ClaimLine {
        claim: 1,
        about: "a recommendation reaches the target more surely than a cold contact".into(),
        verdict,
        reason: reason.into(),
        evidence: vec![
            side("chain success", c.chain_success, c.chain_success_ci95, "chain_success"),
            side("cold success", c.cold_success, c.cold_success_ci95, "cold_success"),
        ],
    }
}

/// Claim 2 as the issue asks it, tie for tie: physical against digital ties cut to the same
/// number, for the campaign's spread and the referrals' success.
fn tie_for_tie(k: &KindComparison) -> Vec<ClaimLine> {
    type Of = fn(&KindOutcome) -> (f64, [f64; 2]);
    let measures: [(&str, &str, Of); 2] = [
        ("campaign spread", "spread", |o| (o.spread, o.spread_ci)),
        ("referral success", "success", |o| (o.success, o.success_ci)),
    ];
    measures
        .into_iter()
        .map(|(name, field, of)| {
            let side = |what: &str, o: &KindOutcome, key: &str| {
                let (value, ci) = of(o);
                Evidence {
                    what: what.into(),
                    value,
                    path: format!("tie_for_tie.{key}.{field}"),
                    ci95: Some(ci),
                    ci95_path: Some(format!("tie_for_tie.{key}.{field}_ci")),
                }
            };
            let p = side(&format!("physical ties' {name}"), &k.physical_equal, "physical_equal");
            let d = side(&format!("digital ties' {name}"), &k.digital_equal, "digital_equal");
            let (verdict, reason) = match above(of(&k.physical_equal).1, of(&k.digital_equal).1) {
                Some(true) => (
                    Verdict::Holds,
                    "with both kinds cut to the same number of ties, physical ties clearly carry more",
                ),
                Some(false) => (
                    Verdict::DoesNotHold,
                    "with both kinds cut to the same number of ties, digital ties clearly carry more",
                ),
                None => (
                    Verdict::CannotTell,
                    "with both kinds cut to the same number of ties, their 95% intervals overlap",
                ),
            };
            #[allow(clippy::cast_precision_loss)]
            let ties = Evidence {
                what: "ties of each kind".into(),
                value: k.equal_ties as f64,
                path: "tie_for_tie.equal_ties".into(),
                ci95: None,
                ci95_path: None,
            };
            ClaimLine {
                claim: 2,
                about: format!(
                    "physical ties carry more than digital ones, tie for tie ({name})"
                ),
                verdict,
                reason: reason.into(),
                evidence: vec![p, d, ties],
            }
        })
        .collect()
}

/// Claim 2's effort-for-effort lines, in words.
const EFFORT: &str = "physical effort does more than digital, effort for effort";

/// Claim 2, effort for effort: the sweep's all-physical end (mix 1) against its all-digital
/// end (mix 0), for the campaign's reach and the referrals' success. Evidence beside the
/// tie-for-tie lines: all effort on one kind counts its ties as they are, so the kind with
/// more ties (or stronger ones) wins it.
fn physical_vs_digital(b: &BalanceReport) -> Vec<ClaimLine> {
    let at = |m: f64| b.mixes.iter().position(|&x| (x - m).abs() < 1e-9);
    let (Some(digital), Some(physical)) = (at(0.0), at(1.0)) else {
        return vec![not_here(2, EFFORT, "the balance sweep lacks mix 0 or mix 1".into())];
    };
    [(Measure::Reach, "campaign reach"), (Measure::SuccessRate, "referral success")]
        .into_iter()
        .map(|(measure, name)| {
            let about = format!("{EFFORT} ({name})");
            let side = |i: usize, what: &str| {
                let (value, ci) = measure.of(b.row(i, 0))?;
                let field = measure.as_str();
                let ci_field = if measure == Measure::Reach { "reach_ci" } else { "success_ci" };
                Some(Evidence {
                    what: what.into(),
                    value,
                    path: format!("balance.rows.{i}.{field}"),
                    ci95: Some(ci),
                    ci95_path: Some(format!("balance.rows.{i}.{ci_field}")),
                })
            };
            let (Some(p), Some(d)) = (side(physical, "all physical"), side(digital, "all digital"))
            else {
                return not_here(2, &about, format!("the sweep has no {name}"));
            };
            let (verdict, reason) =
                match above(p.ci95.unwrap_or_default(), d.ci95.unwrap_or_default()) {
                    Some(true) => (
                        Verdict::Holds,
                        "all effort on physical ties clearly beats all on digital ones",
                    ),
                    Some(false) => (
                        Verdict::DoesNotHold,
                        "all effort on digital ties clearly beats all on physical ones",
                    ),
                    None => (Verdict::CannotTell, "the two ends' 95% intervals overlap"),
                };
            ClaimLine { claim: 2, about, verdict, reason: reason.into(), evidence: vec![p, d] }
        })
        .collect()
}

/// Claim 6: fatigue makes referrals collapse under load, read off the load curve's shape.
fn fatigue(c: &LoadScan) -> ClaimLine {
    let about = "fatigue makes referrals collapse under load".to_owned();
    let figure = |what: &str, value: f64, path: &str| Evidence {
        what: what.into(),
        value,
        path: path.into(),
        ci95: None,
        ci95_path: None,
    };
    let (verdict, reason, evidence) = match (c.shape, c.collapse_rate) {
        (_, Some(collapse)) => (
            Verdict::Holds,
            "past the throughput's peak it falls below half the peak's lower bound, beyond the noise",
            c.peak_rate
                .map(|peak| figure("peak", peak, "load_curve.peak_rate"))
                .into_iter()
                .chain([figure("collapse", collapse, "load_curve.collapse_rate")])
                .collect(),
        ),
        (CurveShape::Rising, None) => (
            Verdict::DoesNotHold,
            "throughput still clearly rises at the highest rate tried",
            vec![figure("highest rate", c.end_rate, "load_curve.end_rate")],
        ),
        (CurveShape::Peak | CurveShape::Falling | CurveShape::Flat, None) => (
            Verdict::CannotTell,
            "no rate's throughput falls below half the best one's beyond the noise",
            vec![figure("best rate", c.best_rate, "load_curve.best_rate")],
        ),
    };
    ClaimLine { claim: 6, about, verdict, reason: reason.into(), evidence }
}

/// Claim 7: a balanced mix beats both ends, per measure of the sweep (referrals' throughput
/// and the campaign's reach). It fails only when the best mix is an end whose interval lies
/// above every interior mix's.
fn balanced(b: &BalanceReport) -> Vec<ClaimLine> {
    [Measure::Throughput, Measure::Reach]
        .into_iter()
        .filter_map(|measure| {
            let k = b.best.iter().position(|x| x.measure == measure)?;
            let best = &b.best[k];
            let about = format!("a balanced mix beats both ends ({})", measure.as_str());
            let evidence = vec![
                Evidence {
                    what: "best mix".into(),
                    value: best.mix,
                    path: format!("balance.best.{k}.mix"),
                    ci95: None,
                    ci95_path: None,
                },
                Evidence {
                    what: format!("its {}", measure.as_str().replace('_', " ")),
                    value: best.value,
                    path: format!("balance.best.{k}.value"),
                    ci95: Some(best.ci),
                    ci95_path: Some(format!("balance.best.{k}.ci")),
                },
            ];
            let last = b.mixes.len().saturating_sub(1);
            let interior_below = (1..last).all(|i| {
                measure.of(b.row(i, 0)).is_some_and(|(_, ci)| {
                    let clearly = above(best.ci, ci);
                    if measure.higher_is_better() {
                        clearly == Some(true)
                    } else {
                        clearly == Some(false)
                    }
                })
            });
            let (verdict, reason) = if best.beats_ends {
                (Verdict::Holds, "an interior mix's interval lies beyond both ends'")
            } else if !best.interior && last >= 2 && interior_below {
                (
                    Verdict::DoesNotHold,
                    "an end of the sweep is clearly better than every balanced mix",
                )
            } else {
                (
                    Verdict::CannotTell,
                    "the best mix's interval overlaps an end's or a balanced mix's",
                )
            };
            Some(ClaimLine { claim: 7, about, verdict, reason: reason.into(), evidence })
        })
        .collect()
}

/// Claim 7, as a platform declines: the most robust mix (the best mean over the periods of
/// decline, as `docs/claims.md` defines it) per measure, interior or not, against the ends,
/// by the intervals of the means; the safest mix (the best worst period) is given beside it.
fn robust_under_decline(b: &BalanceReport) -> Vec<ClaimLine> {
    [Measure::Throughput, Measure::Reach]
        .into_iter()
        .map(|measure| {
            let about = format!(
                "a balanced mix is the most robust as a platform declines ({})",
                measure.as_str()
            );
            let Some(k) = b.robust.iter().position(|x| x.measure == measure) else {
                return not_here(7, &about, "the balance sweep ran no decline".into());
            };
            let r = &b.robust[k];
            let figure = |what: &str, value: f64, path: String, ci: Option<([f64; 2], String)>| {
                let (ci95, ci95_path) = ci.unzip();
                Evidence { what: what.into(), value, path, ci95, ci95_path }
            };
            let mut evidence = vec![
                figure("most robust mix", r.mix, format!("balance.robust.{k}.mix"), None),
                figure(
                    &format!("its mean {} over the periods", measure.as_str().replace('_', " ")),
                    r.mean,
                    format!("balance.robust.{k}.mean"),
                    Some((r.mean_ci, format!("balance.robust.{k}.mean_ci"))),
                ),
            ];
            let safest = b.maximin.iter().position(|x| x.measure == measure);
            if let Some(j) = safest {
                let path = format!("balance.maximin.{j}.mix");
                evidence.push(figure("safest mix (best worst period)", b.maximin[j].mix, path, None));
            }
            let last = b.mixes.len().saturating_sub(1);
            // An end does clearly better than every balanced mix over the periods.
            let interior_below = (1..last).all(|i| {
                b.over_periods(measure, i).is_some_and(|o| {
                    above(r.mean_ci, o.mean_ci) == Some(measure.higher_is_better())
                })
            });
            let (verdict, reason) = if r.beats_ends {
                (
                    Verdict::Holds,
                    "the most robust mix (best mean over the periods of decline) is balanced and its interval lies beyond both ends'",
                )
            } else if !r.interior && last >= 2 && interior_below {
                (
                    Verdict::DoesNotHold,
                    "the most robust mix (best mean over the periods of decline) is an end, clearly better than every balanced mix",
                )
            } else {
                (
                    Verdict::CannotTell,
                    "the most robust mix's interval (best mean over the periods of decline) overlaps an end's or a balanced mix's",
                )
            };
            ClaimLine { claim: 7, about, verdict, reason: reason.into(), evidence }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::balance::{BalanceRow, BestMix};
    use crate::report::{ColdContact, ScanEnd};

    /// A sweep over mixes 0, 0.5, 1 whose reach and success at each mix are given as
    /// (mean, half-width); throughput is the reach's tenth.
    fn sweep(reach: [(f64, f64); 3], success: [(f64, f64); 3]) -> BalanceReport {
        let mixes = vec![0.0, 0.5, 1.0];
        let ci = |(m, h): (f64, f64)| [m - h, m + h];
        let rows: Vec<BalanceRow> = (0..3)
            .map(|i| BalanceRow {
                mix: mixes[i],
                period: 0,
                declining_ties: None,
                migrated_ties: None,
                success_rate: success[i].0,
                success_ci: ci(success[i]),
                time_to_target: None,
                time_ci: None,
                throughput: reach[i].0 / 10.0,
                throughput_ci: ci((reach[i].0 / 10.0, reach[i].1 / 10.0)),
                referral_offline_share: mixes[i],
                reach: reach[i].0,
                reach_ci: ci(reach[i]),
                cascade_offline_share: mixes[i],
            })
            .collect();
        // The best mix as the balance module states it, from the rows above.
        let best = |measure: Measure| {
            let of = |i: usize| measure.of(&rows[i]).unwrap();
            let b = (0..3).max_by(|&a, &b| of(a).0.total_cmp(&of(b).0)).unwrap();
            let (value, c) = of(b);
            let clear = |i: usize| above(c, of(i).1) == Some(true);
            BestMix {
                measure,
                mix: mixes[b],
                value,
                ci: c,
                interior: b == 1,
                beats_ends: b == 1 && clear(0) && clear(2),
                flat: (0..3).all(|i| i == b || !clear(i)),
            }
        };
        BalanceReport {
            best: vec![best(Measure::Throughput), best(Measure::Reach)],
            mixes,
            periods: 0,
            declining_layer: None,
            rows,
            robust: Vec::new(),
            maximin: Vec::new(),
        }
    }

    fn curve(shape: CurveShape, peak: Option<f64>, collapse: Option<f64>) -> LoadScan {
        LoadScan {
            rates: vec![1.0, 2.0, 4.0],
            start_rate: 1.0,
            end: ScanEnd::LowSuccess,
            end_rate: 4.0,
            min_success: 0.01,
            steps: 10,
            replicates: 2,
            requests: vec![10; 3],
            succeeded: vec![5; 3],
            throughput: vec![1.0; 3],
            throughput_ci: vec![[0.5, 1.5]; 3],
            success_rate: vec![0.5; 3],
            success_ci: vec![[0.4, 0.6]; 3],
            mean_chain_length: vec![None; 3],
            best_index: 1,
            best_rate: 2.0,
            best_throughput: 1.0,
            shape,
            peak_rate: peak,
            collapse_rate: collapse,
        }
    }

    /// Chains and cold contacts with success intervals `chain` and `cold`.
    fn cold(chain: [f64; 2], cold: [f64; 2]) -> ColdContact {
        ColdContact {
            rate: 1.0,
            requests: 100,
            cold_response: 0.05,
            chain_success: f64::midpoint(chain[0], chain[1]),
            chain_success_ci95: chain,
            cold_success: f64::midpoint(cold[0], cold[1]),
            cold_success_ci95: cold,
        }
    }

    fn verdicts(lines: &[ClaimLine], claim: u32) -> Vec<Verdict> {
        lines.iter().filter(|l| l.claim == claim).map(|l| l.verdict).collect()
    }

    #[test]
    fn disjoint_intervals_decide_and_overlapping_ones_cannot_tell() {
        assert_eq!(above([2.0, 3.0], [0.0, 1.0]), Some(true));
        assert_eq!(above([0.0, 1.0], [2.0, 3.0]), Some(false));
        assert_eq!(above([0.0, 2.0], [1.0, 3.0]), None);
        assert_eq!(above([0.0, 1.0], [1.0, 2.0]), None); // touching is overlapping
    }

    #[test]
    fn recommendation_against_cold_contact() {
        let flat = curve(CurveShape::Flat, None, None);
        let one = |chain, c| verdicts(&claims(&flat, &cold(chain, c), None, None, Some("x")), 1);
        assert_eq!(one([0.5, 0.7], [0.01, 0.1]), [Verdict::Holds]);
        assert_eq!(one([0.01, 0.1], [0.5, 0.7]), [Verdict::DoesNotHold]);
        assert_eq!(one([0.05, 0.3], [0.01, 0.1]), [Verdict::CannotTell]);
        let line = &claims(&flat, &cold([0.5, 0.7], [0.0, 0.1]), None, None, None)[0];
        assert_eq!(line.evidence[0].path, "cold_contact.chain_success");
        assert_eq!(line.evidence[1].ci95_path.as_deref(), Some("cold_contact.cold_success_ci95"));
    }

    #[test]
    fn physical_against_digital_effort() {
        let flat = curve(CurveShape::Flat, None, None);
        // Reach: physical (mix 1) 30 ± 1 against digital 10 ± 1, clearly more; success: 0.2
        // ± 0.05 against 0.4 ± 0.05, clearly less.
        let b =
            sweep([(10.0, 1.0), (20.0, 1.0), (30.0, 1.0)], [(0.4, 0.05), (0.3, 0.05), (0.2, 0.05)]);
        let lines = claims(&flat, &cold([0.0, 1.0], [0.0, 1.0]), None, Some(&b), None);
        // The first claim-2 line is the tie-for-tie one, not run here.
        assert_eq!(
            verdicts(&lines, 2),
            [Verdict::NotDecidedHere, Verdict::Holds, Verdict::DoesNotHold]
        );
        let reach = lines.iter().filter(|l| l.claim == 2).nth(1).unwrap();
        assert!(reach.about.contains("effort for effort"));
        assert_eq!(reach.evidence[0].path, "balance.rows.2.reach");
        assert_eq!(reach.evidence[0].ci95, Some([29.0, 31.0]));
        assert_eq!(reach.evidence[1].ci95_path.as_deref(), Some("balance.rows.0.reach_ci"));
        // Intervals that overlap: cannot tell, either way.
        let b =
            sweep([(10.0, 6.0), (20.0, 1.0), (20.0, 6.0)], [(0.3, 0.1), (0.3, 0.1), (0.35, 0.1)]);
        let lines = claims(&flat, &cold([0.0, 1.0], [0.0, 1.0]), None, Some(&b), None);
        assert_eq!(verdicts(&lines, 2)[1..], [Verdict::CannotTell, Verdict::CannotTell]);
    }

    /// Both kinds at equal tie counts, spread and success given as (mean, half-width).
    fn kinds(physical: [(f64, f64); 2], digital: [(f64, f64); 2]) -> KindComparison {
        let ci = |(m, h): (f64, f64)| [m - h, m + h];
        let outcome = |[spread, success]: [(f64, f64); 2], ties: usize| KindOutcome {
            ties,
            spread: spread.0,
            spread_ci: ci(spread),
            success: success.0,
            success_ci: ci(success),
        };
        KindComparison {
            sources: vec![0],
            // As given, physical ties are four times as many: they win on totals.
            physical: outcome([(40.0, 1.0), (0.9, 0.01)], 400),
            digital: outcome(digital, 100),
            equal_ties: 100,
            physical_equal: outcome(physical, 100),
            digital_equal: outcome(digital, 100),
        }
    }

    #[test]
    fn physical_against_digital_ties_tie_for_tie() {
        let flat = curve(CurveShape::Flat, None, None);
        let two = |k: &KindComparison| {
            let lines = claims(&flat, &cold([0.0, 1.0], [0.0, 1.0]), Some(k), None, None);
            let v = verdicts(&lines, 2);
            (v[0], v[1], lines.into_iter().find(|l| l.claim == 2).unwrap())
        };
        // Spread: 10 ± 1 against 5 ± 1, clearly more; success: 0.2 ± 0.05 against 0.4 ±
        // 0.05, clearly less: read at equal tie counts, not from the totals.
        let (spread, success, line) =
            two(&kinds([(10.0, 1.0), (0.2, 0.05)], [(5.0, 1.0), (0.4, 0.05)]));
        assert_eq!((spread, success), (Verdict::Holds, Verdict::DoesNotHold));
        assert_eq!(line.evidence[0].path, "tie_for_tie.physical_equal.spread");
        assert_eq!(line.evidence[0].ci95, Some([9.0, 11.0]));
        assert_eq!(
            line.evidence[1].ci95_path.as_deref(),
            Some("tie_for_tie.digital_equal.spread_ci")
        );
        assert_eq!(
            (line.evidence[2].path.as_str(), line.evidence[2].value),
            ("tie_for_tie.equal_ties", 100.0)
        );
        assert!(line.about.contains("tie for tie"));
        // Overlapping intervals: cannot tell, though the physical totals are far larger.
        let (spread, success, _) =
            two(&kinds([(5.5, 1.0), (0.38, 0.05)], [(5.0, 1.0), (0.4, 0.05)]));
        assert_eq!((spread, success), (Verdict::CannotTell, Verdict::CannotTell));
        // Digital ties clearly ahead on spread.
        let (spread, _, _) = two(&kinds([(2.0, 1.0), (0.4, 0.05)], [(5.0, 1.0), (0.4, 0.05)]));
        assert_eq!(spread, Verdict::DoesNotHold);
    }

    #[test]
    fn a_balanced_mix_against_the_ends() {
        let flat = curve(CurveShape::Flat, None, None);
        let s = [(0.3, 0.1); 3];
        // Without decline the robust-mix lines say so; the first two judge the sweep.
        let b = sweep([(10.0, 1.0), (20.0, 1.0), (12.0, 1.0)], s);
        let lines = claims(&flat, &cold([0.0, 1.0], [0.0, 1.0]), None, Some(&b), None);
        assert_eq!(verdicts(&lines, 7)[2..], [Verdict::NotDecidedHere; 2]);
        // An interior best clearly above both ends: holds (throughput and reach alike).
        let b = sweep([(10.0, 1.0), (20.0, 1.0), (12.0, 1.0)], s);
        assert_eq!(
            verdicts(&claims(&flat, &cold([0.0, 1.0], [0.0, 1.0]), None, Some(&b), None), 7)[..2],
            [Verdict::Holds; 2]
        );
        // An end clearly above every interior mix: does not hold.
        let b = sweep([(10.0, 1.0), (20.0, 1.0), (30.0, 1.0)], s);
        assert_eq!(
            verdicts(&claims(&flat, &cold([0.0, 1.0], [0.0, 1.0]), None, Some(&b), None), 7)[..2],
            [Verdict::DoesNotHold; 2]
        );
        // An end best, within the noise of the balanced mix; an interior best within the
        // noise of an end: cannot tell.
        let b = sweep([(10.0, 1.0), (29.0, 2.0), (30.0, 2.0)], s);
        assert_eq!(
            verdicts(&claims(&flat, &cold([0.0, 1.0], [0.0, 1.0]), None, Some(&b), None), 7)[..2],
            [Verdict::CannotTell; 2]
        );
        let b = sweep([(10.0, 1.0), (30.0, 2.0), (29.0, 2.0)], s);
        assert_eq!(
            verdicts(&claims(&flat, &cold([0.0, 1.0], [0.0, 1.0]), None, Some(&b), None), 7)[..2],
            [Verdict::CannotTell; 2]
        );
    }

    /// A sweep over mixes 0, 0.5, 1 and periods 0 and 1 of decline, with each mix's reach at
    /// each period given as (mean, half-width); throughput is the reach's tenth.
    fn declining(reach: [[(f64, f64); 2]; 3]) -> BalanceReport {
        use crate::balance::{BalanceRequest, Decline};
        let mixes = vec![0.0, 0.5, 1.0];
        let ci = |(m, h): (f64, f64)| [m - h, m + h];
        let rows: Vec<BalanceRow> = (0..2u32)
            .flat_map(|t| (0..3).map(move |i| (t, i)))
            .map(|(t, i)| {
                let r = reach[i][t as usize];
                BalanceRow {
                    mix: mixes[i],
                    period: t,
                    declining_ties: Some(1 - t as usize),
                    migrated_ties: None,
                    success_rate: 0.5,
                    success_ci: [0.4, 0.6],
                    time_to_target: None,
                    time_ci: None,
                    throughput: r.0 / 10.0,
                    throughput_ci: ci((r.0 / 10.0, r.1 / 10.0)),
                    referral_offline_share: mixes[i],
                    reach: r.0,
                    reach_ci: ci(r),
                    cascade_offline_share: mixes[i],
                }
            })
            .collect();
        let request = BalanceRequest {
            mixes,
            decline: Some(Decline::new("d", 0.5, 1)),
            ..BalanceRequest::default()
        };
        BalanceReport::new(&request, 1, rows)
    }

    #[test]
    #[allow(clippy::float_cmp)] // values copied, not computed
    fn the_most_robust_mix_as_a_platform_declines() {
        let flat = curve(CurveShape::Flat, None, None);
        let robust = |reach| {
            let b = declining(reach);
            let lines = claims(&flat, &cold([0.0, 1.0], [0.0, 1.0]), None, Some(&b), None);
            let v = verdicts(&lines, 7);
            assert_eq!(v.len(), 4);
            // Throughput and reach alike (throughput is the reach's tenth).
            assert_eq!(v[2], v[3]);
            let line = lines.iter().filter(|l| l.claim == 7).nth(3).unwrap().clone();
            (v[3], line)
        };
        // All-digital collapses as the platform goes; the even mix keeps the best mean,
        // clearly above both ends' means: holds.
        let (v, line) = robust([
            [(10.0, 1.0), (2.0, 1.0)],
            [(20.0, 1.0), (15.0, 1.0)],
            [(12.0, 1.0), (12.0, 1.0)],
        ]);
        assert_eq!(v, Verdict::Holds);
        assert_eq!(line.evidence[0].value, 0.5);
        assert_eq!(line.evidence[1].value, 17.5);
        assert_eq!(line.evidence[1].ci95, Some([16.5, 18.5]));
        assert_eq!(line.evidence[1].ci95_path.as_deref(), Some("balance.robust.2.mean_ci"));
        // The safest mix, beside it: the even mix's worst period (15) is the best worst.
        assert_eq!(line.evidence[2].path, "balance.maximin.2.mix");
        assert_eq!(line.evidence[2].value, 0.5);
        // All-physical best on average and clearly above the even mix: does not hold.
        let (v, _) = robust([
            [(10.0, 1.0), (2.0, 1.0)],
            [(20.0, 1.0), (15.0, 1.0)],
            [(30.0, 1.0), (30.0, 1.0)],
        ]);
        assert_eq!(v, Verdict::DoesNotHold);
        // The even mix best on average, within the noise of all-physical: cannot tell.
        let (v, line) = robust([
            [(10.0, 1.0), (2.0, 1.0)],
            [(20.0, 3.0), (15.0, 3.0)],
            [(17.0, 1.0), (17.0, 1.0)],
        ]);
        assert_eq!((v, line.evidence[0].value), (Verdict::CannotTell, 0.5));
    }

    #[test]
    fn fatigue_holds_only_with_a_collapse_beyond_the_noise() {
        let c = |shape, peak, collapse| {
            verdicts(
                &claims(
                    &curve(shape, peak, collapse),
                    &cold([0.0, 1.0], [0.0, 1.0]),
                    None,
                    None,
                    None,
                ),
                6,
            )
        };
        assert_eq!(c(CurveShape::Peak, Some(2.0), Some(4.0)), [Verdict::Holds]);
        assert_eq!(c(CurveShape::Rising, None, None), [Verdict::DoesNotHold]);
        assert_eq!(c(CurveShape::Peak, Some(2.0), None), [Verdict::CannotTell]);
        assert_eq!(c(CurveShape::Flat, None, None), [Verdict::CannotTell]);
        assert_eq!(c(CurveShape::Falling, None, None), [Verdict::CannotTell]);
    }

    #[test]
    fn claims_the_report_cannot_decide_say_why() {
        let flat = curve(CurveShape::Flat, None, None);
        let lines = claims(
            &flat,
            &cold([0.0, 1.0], [0.0, 1.0]),
            None,
            None,
            Some("the network has one layer, x"),
        );
        assert_eq!(lines.iter().map(|l| l.claim).collect::<Vec<_>>(), [1, 2, 2, 3, 4, 5, 6, 7]);
        for l in lines.iter().filter(|l| l.claim != 1 && l.claim != 6) {
            assert_eq!(l.verdict, Verdict::NotDecidedHere, "claim {}", l.claim);
            assert!(l.evidence.is_empty());
        }
        for l in &lines[1..3] {
            assert!(l.reason.contains("no offline/online split (the network has one layer, x)"));
        }
        assert!(lines[3].reason.contains("cargo run --release --example claims"));
    }
}
