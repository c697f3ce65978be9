//! `docs/claims.md`'s claim 5, continued: the balance verdict with and without the shadow.

use std::fmt::Write as _;

use crate::mix::{Best, DECLINE_UNDER, MEASURES};
use crate::recover::Recovery;
use crate::shadow_balance::{ShadowBalance, mix_shift, verdict_changed};
use crate::spread::spread;
use crate::{Plan, Studied};

fn cell(b: Option<Best>) -> String {
    b.map_or_else(
        || "–".to_owned(),
        |b| format!("{:.2}{}", b.mix, if b.beats_ends { " (beats the ends)" } else { "" }),
    )
}

/// The part of the section on the balance verdict.
pub(crate) fn balance_part(w: &mut String, plan: &Plan, real: &[Studied], drawn: &[Studied]) {
    let shares: Vec<f64> = plan.shadow.0.iter().copied().filter(|&s| s > 0.0).collect();
    let _ = writeln!(
        w,
        "### The balance verdict without the shadow\n\nClaim 7's balance sweep (assumption \
         \"{}\", the one under which a balanced mix can win; mixes {}, {} campaign runs per mix) on the visible network and on the \
         truth with the shadow layer at each size: the best mix for reach (share of effort on \
         physical ties) and whether it is interior and beats both ends. A shadow of size 0 is \
         the visible network itself (same network, same seed), so it is not rerun. Networks \
         whose visible part has no tie of one kind left are left out (a real network whose one \
         physical layer is the shadow).\n",
        DECLINE_UNDER.name,
        plan.shadow_mix().mixes.iter().map(|m| format!("{m}")).collect::<Vec<_>>().join(", "),
        plan.shadow_mix().runs
    );
    let head: Vec<String> = shares.iter().map(|s| format!("truth, share {s}")).collect();
    let _ = writeln!(
        w,
        "| network | visible | {} | verdict changed: reach / throughput |",
        head.join(" | ")
    );
    let _ = writeln!(w, "|---|---|{}---|", "---|".repeat(shares.len()));
    let changed = |b: &ShadowBalance, m: usize| {
        b.truth.last().is_some_and(|(_, t)| verdict_changed(b.visible[m], t[m]))
    };
    let yes = |x: bool| if x { "yes" } else { "no" };
    for r in real {
        let Some(b) = &r.shadow_balance else { continue };
        let truth: Vec<String> = b.truth.iter().map(|(_, t)| cell(t[0])).collect();
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} / {} |",
            r.name,
            cell(b.visible[0]),
            truth.join(" | "),
            yes(changed(b, 0)),
            yes(changed(b, 1))
        );
    }
    let all: Vec<&ShadowBalance> =
        real.iter().chain(drawn).filter_map(|s| s.shadow_balance.as_ref()).collect();
    let rows: Vec<&ShadowBalance> =
        drawn.iter().filter_map(|s| s.shadow_balance.as_ref()).collect();
    if !rows.is_empty() {
        let med = |f: &dyn Fn(&ShadowBalance) -> Option<f64>| {
            let s = spread(&rows.iter().map(|r| f(r).unwrap_or(f64::NAN)).collect::<Vec<_>>());
            if s.median.is_nan() {
                "–".to_owned()
            } else {
                format!("{:.2} ({:.2}–{:.2})", s.median, s.low, s.high)
            }
        };
        let truth: Vec<String> =
            (0..shares.len()).map(|i| med(&|r| r.truth[i].1[0].map(|b| b.mix))).collect();
        let count = |m: usize| rows.iter().filter(|r| changed(r, m)).count();
        let _ = writeln!(
            w,
            "| generated, {} draws: best mix, median (10–90%) | {} | {} | {} / {} of draws |",
            rows.len(),
            med(&|r| r.visible[0].map(|b| b.mix)),
            truth.join(" | "),
            count(0),
            count(1)
        );
    }
    let _ = writeln!(w, "\n**The balance verdict.** {}\n", words(&all, shares.len()));
}

/// The verdict in words, from the numbers.
fn words(rows: &[&ShadowBalance], shares: usize) -> String {
    let n = rows.len();
    if n == 0 || shares == 0 {
        return "no network keeps ties of both kinds without its shadow: the data cannot tell."
            .to_owned();
    }
    let mut v = String::new();
    for (m, measure) in MEASURES.iter().enumerate() {
        let changed: Vec<usize> = (0..shares)
            .map(|i| rows.iter().filter(|r| verdict_changed(r.visible[m], r.truth[i].1[m])).count())
            .collect();
        let shifts = spread(
            &rows
                .iter()
                .map(|r| mix_shift(r.visible[m], r.truth[shares - 1].1[m]).unwrap_or(f64::NAN))
                .collect::<Vec<_>>(),
        );
        let grows = changed.windows(2).all(|p| p[0] <= p[1]);
        // A move of more than half the finest grid step is a different mix.
        let moved = rows
            .iter()
            .filter(|r| mix_shift(r.visible[m], r.truth[shares - 1].1[m]).is_some_and(|d| d > 1e-9))
            .count();
        let word = if 2 * moved > n {
            "ignoring the shadow picks another best mix on most networks"
        } else if moved > 0 {
            "ignoring the shadow picks another best mix on some networks"
        } else {
            "ignoring the shadow changes nothing"
        };
        let _ = write!(
            v,
            "**{measure:?}: {word}** ({moved} of {n} with the whole shadow; the best mix moves by a median {:.2}, 10–90% {:.2}–{:.2}); whether a balanced mix beats both ends changes on {} of {n} networks as the shadow grows{}. ",
            shifts.median,
            shifts.low,
            shifts.high,
            changed.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
            if grows { " (never fewer at a larger shadow)" } else { "" }
        );
    }
    v
}

/// The part of the section on what the fitted shadow share recovers.
pub(crate) fn recovery_part(w: &mut String, plan: &Plan, real: &[Studied], drawn: &[Studied]) {
    let _ = writeln!(
        w,
        "### What the fitted shadow share recovers\n\n{} single-source cascades (independent \
         cascade, p = 0.1, sources drawn once) run on the truth; the analyst sees who adopted \
         when (the sources as seeds), fits the visible network with `inference::fit` (an \
         external hazard beside the visible layers) and reads its shadow share: the part of the \
         adoptions the hazard explains. Beside it, two truths: the share of the adoptions the \
         shadow layer carried, and the share *no visible tie explains* (the adopter had no \
         visible exposure at their step). The fit sees only the second: an adoption over a \
         shadow tie when a visible tie exposed the same person at the same step (often the \
         same pair, tied on both layers) is, in the analyst's data, the visible tie's work, and \
         raises that layer's fitted probability instead. The fitted share is the unexplained \
         adoptions plus the external hazard's part (in proportion to its hazard) of those a \
         visible tie explains, a part that grows when the visible layers' fitted probabilities \
         are small.\n",
        plan.recover_cascades
    );
    let shares = &plan.shadow.0;
    let head: Vec<String> =
        shares.iter().map(|s| format!("share {s}: carried / unexplained / fitted (95%)")).collect();
    let _ = writeln!(w, "| network | adoptions at share 1 | {} |", head.join(" | "));
    let _ = writeln!(w, "|---|---:|{}", "---|".repeat(shares.len()));
    let pct = |x: f64| format!("{:.1}%", 100.0 * x);
    for r in real {
        let Some(points) = &r.recovery else { continue };
        let cells: Vec<String> = points
            .iter()
            .map(|p| {
                format!(
                    "{} / {} / {} ({}–{})",
                    pct(p.true_share),
                    pct(p.unexplained_share),
                    pct(p.estimated),
                    pct(p.ci[0]),
                    pct(p.ci[1])
                )
            })
            .collect();
        let last = points.last().map_or(0, |p| p.adoptions);
        let _ = writeln!(w, "| {} | {last} | {} |", r.name, cells.join(" | "));
    }
    let rows: Vec<&Vec<Recovery>> = drawn.iter().filter_map(|d| d.recovery.as_ref()).collect();
    if !rows.is_empty() {
        let cells: Vec<String> = (0..shares.len())
            .map(|i| {
                let t = spread(&rows.iter().map(|r| r[i].true_share).collect::<Vec<_>>());
                let u = spread(&rows.iter().map(|r| r[i].unexplained_share).collect::<Vec<_>>());
                let e = spread(&rows.iter().map(|r| r[i].estimated).collect::<Vec<_>>());
                format!(
                    "{} / {} / {} ({}–{})",
                    pct(t.median),
                    pct(u.median),
                    pct(e.median),
                    pct(e.low),
                    pct(e.high)
                )
            })
            .collect();
        let a = spread(
            &rows.iter().map(|r| r.last().map_or(0.0, |p| p.adoptions as f64)).collect::<Vec<_>>(),
        );
        let _ = writeln!(
            w,
            "| generated, {} draws: median (fitted: 10–90%) | {:.0} | {} |",
            rows.len(),
            a.median,
            cells.join(" | ")
        );
    }
    let all: Vec<&Vec<Recovery>> =
        real.iter().chain(drawn).filter_map(|d| d.recovery.as_ref()).collect();
    let _ = writeln!(w, "\n**Recovery.** {}\n", recovery_words(&all));
}

/// What the fitted share recovers, in words, from the numbers.
fn recovery_words(rows: &[&Vec<Recovery>]) -> String {
    let n = rows.len();
    let Some(points) = rows.first().map(|r| r.len()) else {
        return "No network has a shadow layer: the data cannot tell.".to_owned();
    };
    if points == 0 {
        return "No shadow size was tried.".to_owned();
    }
    let last = points - 1;
    let ratio = spread(
        &rows
            .iter()
            .filter(|r| r[last].true_share > 0.0)
            .map(|r| r[last].estimated / r[last].true_share)
            .collect::<Vec<_>>(),
    );
    let covered = rows
        .iter()
        .filter(|r| r[last].ci[0] <= r[last].true_share && r[last].true_share <= r[last].ci[1])
        .count();
    // Every size of the shadow, for the truth the fit estimates.
    let covered_unexplained = rows
        .iter()
        .flat_map(|r| r.iter())
        .filter(|p| p.ci[0] <= p.unexplained_share && p.unexplained_share <= p.ci[1])
        .count();
    let cells = rows.iter().map(|r| r.len()).sum::<usize>();
    let unexplained = spread(
        &rows
            .iter()
            .filter(|r| r[last].true_share > 0.0)
            .map(|r| r[last].unexplained_share / r[last].true_share)
            .collect::<Vec<_>>(),
    );
    let zero = rows.iter().filter(|r| r[0].share == 0.0).collect::<Vec<_>>();
    let at_zero = spread(&zero.iter().map(|r| r[0].estimated).collect::<Vec<_>>());
    let mut v = format!(
        "With the whole shadow, the fitted share is a median {:.0}% of the true one (10–90% \
         {:.0}%–{:.0}%), and its 95% interval holds the carried share on {covered} of {n} \
         networks: the fit does not estimate it. What it sees, the share no visible tie \
         explains, is a median {:.0}% of the carried share (10–90% {:.0}%–{:.0}%: the rest went \
         over shadow ties that a visible tie doubled), and the fitted share's 95% interval holds \
         it in {covered_unexplained} of {cells} (network, size) cases.",
        100.0 * ratio.median,
        100.0 * ratio.low,
        100.0 * ratio.high,
        100.0 * unexplained.median,
        100.0 * unexplained.low,
        100.0 * unexplained.high
    );
    if !zero.is_empty() {
        let _ = write!(
            v,
            " With no shadow at all, the fitted share is a median {:.1}% (10–90% {:.1}%–{:.1}%): \
             what the external hazard absorbs when nothing is hidden.",
            100.0 * at_zero.median,
            100.0 * at_zero.low,
            100.0 * at_zero.high
        );
    }
    v
}
