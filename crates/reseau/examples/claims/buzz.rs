//! Claim 4: good and bad buzz spread fast, bad buzz faster, and media pick them up. A crisis
//! on each network: bad buzz from a blogger (the person with the most digital ties) at step
//! 0, media that pick a story up once `m` of the people they follow carry it, and the
//! organisation's good response from its relays, started `d` steps later; the relays chosen
//! as the most connected people or by `select_relays`. E-reputation over time is the share
//! of people holding each view step by step ([`reseau::cascade::OpinionByStep`]); the
//! organisation's e-reputation score is [`reseau::reputation::e_reputation`]'s, with the
//! relays as the organisation.

use std::fmt::Write as _;

use reseau::cascade::{Amplifiers, CascadeSummary, Model, SimulateRequest, simulate};
use reseau::relays::{Method, SelectRelaysRequest, select_relays};
use reseau::reputation::{EReputationRequest, e_reputation};
use reseau::{LayerKind, Network, PersonId, PersonKind, Result};

use crate::spread::{Spread, share, spread};

/// Every parameter of the crisis, chosen by hand (each is named in the document).
#[derive(Debug, Clone)]
pub(crate) struct CrisisSettings {
    /// Steps by which the response starts late.
    pub(crate) delays: Vec<u32>,
    /// The delay of the comparisons (media, relays, negativity bias).
    pub(crate) compared_at: u32,
    /// The negativity bias assumed: bad buzz's multiplier (good buzz's is 1).
    pub(crate) bias: f64,
    /// The organisation's relays.
    pub(crate) relays: usize,
    /// Media people: the most connected on digital layers after the blogger.
    pub(crate) media: usize,
    /// Media pick a story up once this many of the people they follow carry it.
    pub(crate) media_threshold: u32,
    /// The probability with which a media person's ties pass a story on.
    pub(crate) media_probability: f64,
    /// The step at which "who is reached first" is compared.
    pub(crate) early_step: usize,
    /// Monte Carlo runs per simulation.
    pub(crate) runs: u64,
    /// The seed of every stream.
    pub(crate) seed: u64,
}

impl CrisisSettings {
    /// The study's settings (fewer runs for a preview).
    pub(crate) fn new(quick: bool, seed: u64) -> CrisisSettings {
        CrisisSettings {
            delays: vec![0, 1, 2, 4, 8],
            compared_at: 2,
            bias: 1.5,
            relays: 3,
            media: 3,
            media_threshold: 2,
            media_probability: 0.3,
            early_step: 2,
            runs: if quick { 200 } else { 1000 },
            seed,
        }
    }

    /// The weighted cascade (p = 1 / in-degree, no probability to choose per network), bad
    /// buzz's multiplier `bias`, and the media's settings.
    fn model(&self, bias: f64) -> Model {
        Model {
            bad_multiplier: bias,
            amplifiers: Amplifiers {
                media_threshold: self.media_threshold,
                media_probability: Some(self.media_probability),
                ..Amplifiers::default()
            },
            ..Model::weighted_cascade()
        }
    }
}

/// A share and its 95% interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Share {
    /// The mean.
    pub(crate) mean: f64,
    /// The interval.
    pub(crate) ci: [f64; 2],
}

/// What one crisis ends with.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outcome {
    /// The final share holding the good view.
    pub(crate) good: Share,
    /// The final share holding the bad view.
    pub(crate) bad: Share,
    /// Steps at the end of which bad buzz led.
    pub(crate) ahead: Share,
    /// Net e-reputation (good − bad share) step by step.
    pub(crate) net: Vec<f64>,
}

impl Outcome {
    fn of(s: &CascadeSummary) -> Outcome {
        let o = &s.opinion;
        let last = |v: &[f64], ci: &[[f64; 2]]| Share {
            mean: v.last().copied().unwrap_or(0.0),
            ci: ci.last().copied().unwrap_or([0.0, 0.0]),
        };
        Outcome {
            good: last(&o.good, &o.good_ci95),
            bad: last(&o.bad, &o.bad_ci95),
            ahead: Share { mean: o.bad_ahead_steps, ci: o.bad_ahead_ci95 },
            net: o.net.clone(),
        }
    }
}

/// One network's crisis.
#[derive(Debug, Clone)]
pub(crate) struct CrisisRow {
    /// The network's name.
    pub(crate) name: String,
    /// Its people.
    pub(crate) people: usize,
    /// Mean reach by the early step of bad buzz alone and of good buzz alone from the
    /// blogger, with equal multipliers and with the bias.
    pub(crate) early: [[f64; 2]; 2],
    /// With `select_relays`' relays, at each delay.
    pub(crate) selected: Vec<Outcome>,
    /// With the most connected people as relays, at each delay.
    pub(crate) top: Vec<Outcome>,
    /// At the compared delay, `select_relays`' relays, without media.
    pub(crate) no_media: Outcome,
    /// At the compared delay, `select_relays`' relays, without the negativity bias.
    pub(crate) no_bias: Outcome,
    /// The organisation's e-reputation score at the first and the last delay.
    pub(crate) score: [f64; 2],
}

/// Each person's ties on digital layers (all ties when there is no digital layer).
fn digital_degree(net: &Network) -> Vec<usize> {
    let any_digital = net.layers().iter().any(|l| l.kind == LayerKind::Digital);
    let mut degree = vec![0; net.num_people()];
    for t in net.ties() {
        if !any_digital || net.layer(t.layer).kind == LayerKind::Digital {
            degree[t.source.0 as usize] += 1;
            degree[t.target.0 as usize] += 1;
        }
    }
    degree
}

/// People by decreasing `degree` (ties broken by id), leaving out `skip`.
fn most(degree: &[usize], k: usize, skip: &[u32]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..degree.len() as u32).filter(|p| !skip.contains(p)).collect();
    order.sort_by_key(|&p| (std::cmp::Reverse(degree[p as usize]), p));
    order.truncate(k);
    order
}

/// The crisis on `net`.
pub(crate) fn crisis(name: &str, net: &Network, s: &CrisisSettings) -> Result<CrisisRow> {
    let digital = digital_degree(net);
    let blogger = most(&digital, 1, &[])[0];
    let media = most(&digital, s.media, &[blogger]);
    let mut overall = vec![0usize; net.num_people()];
    for t in net.ties() {
        overall[t.source.0 as usize] += 1;
        overall[t.target.0 as usize] += 1;
    }
    let mut skip = media.clone();
    skip.push(blogger);
    let top = most(&overall, s.relays, &skip);
    let plain = net.compiled();
    // select_relays on the network without media (a pick-up is no live-edge rule), the
    // blogger and the media left out of its greedy order.
    let request = SelectRelaysRequest {
        k: Some((s.relays + skip.len()).min(net.num_people())),
        model: Model::weighted_cascade(),
        method: Method::Imm,
        evaluation_runs: 0,
        seed: s.seed,
        ..SelectRelaysRequest::default()
    };
    let mut selected: Vec<u32> = select_relays(&plain, &request)?.relays;
    selected.retain(|p| !skip.contains(p));
    selected.truncate(s.relays);
    let mut with_media = net.clone();
    for &m in &media {
        with_media.set_kind(PersonId(m), PersonKind::Media)?;
    }
    let view = with_media.compiled();
    let run = |net: &reseau::CompiledNetwork, good: &[u32], bad: &[u32], d: u32, bias: f64| {
        let request = SimulateRequest::new(good.iter().copied())
            .bad_seeds(bad.iter().copied())
            .starts(d, 0)
            .model(s.model(bias))
            .runs(s.runs)
            .seed(s.seed);
        simulate(net, &request)
    };
    let reach = |sum: &CascadeSummary| {
        let last = sum.by_step.len().saturating_sub(1);
        sum.by_step.get(s.early_step.min(last)).copied().unwrap_or(0.0)
    };
    let mut early = [[0.0; 2]; 2];
    for (i, bias) in [1.0, s.bias].into_iter().enumerate() {
        early[i] = [
            reach(&run(&view, &[], &[blogger], 0, bias)?),
            reach(&run(&view, &[blogger], &[], 0, bias)?),
        ];
    }
    let outcomes = |relays: &[u32]| -> Result<Vec<Outcome>> {
        s.delays
            .iter()
            .map(|&d| Ok(Outcome::of(&run(&view, relays, &[blogger], d, s.bias)?)))
            .collect()
    };
    let (chosen, most_connected) = (outcomes(&selected)?, outcomes(&top)?);
    let no_media = Outcome::of(&run(&plain, &selected, &[blogger], s.compared_at, s.bias)?);
    let no_bias = Outcome::of(&run(&view, &selected, &[blogger], s.compared_at, 1.0)?);
    let mut score = [0.0; 2];
    let ends = [s.delays[0], *s.delays.last().unwrap_or(&0)];
    for (i, d) in ends.into_iter().enumerate() {
        let buzz = SimulateRequest::new(selected.iter().copied())
            .bad_seeds([blogger])
            .starts(d, 0)
            .model(s.model(s.bias))
            .runs(s.runs)
            .seed(s.seed);
        score[i] =
            e_reputation(&view, &EReputationRequest::new(selected.iter().copied(), buzz))?.score;
    }
    Ok(CrisisRow {
        name: name.to_owned(),
        people: net.num_people(),
        early,
        selected: chosen,
        top: most_connected,
        no_media,
        no_bias,
        score,
    })
}

/// Whether two shares differ beyond their intervals (the intervals do not overlap).
pub(crate) fn differ(a: Share, b: Share) -> bool {
    a.ci[1] < b.ci[0] || b.ci[1] < a.ci[0]
}

/// The verdicts, decided from the rows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Verdicts {
    /// With equal multipliers, bad and good buzz alone reach the same by the early step on
    /// every network (the model's valences are symmetric).
    pub(crate) symmetric: bool,
    /// With the bias, the share of networks where bad buzz alone reaches more by then.
    pub(crate) bad_faster: f64,
    /// The share of networks where media change the final bad share beyond the intervals,
    /// and of those where they raise it.
    pub(crate) media_matter: (f64, f64),
    /// The share of networks where the final good share falls with the delay from the first
    /// to the last delay beyond the intervals.
    pub(crate) delay_hurts: f64,
    /// The share of networks where `select_relays`' relays end with a higher good share than
    /// the most connected people at the compared delay, and where lower beyond the intervals.
    pub(crate) selection_better: (f64, f64),
    /// The share of networks where bad buzz ends ahead at the compared delay.
    pub(crate) bad_wins: f64,
    /// The share of networks where the bias raises the final bad share beyond the intervals.
    pub(crate) bias_raises: f64,
}

/// The verdicts on `rows`; `at` is the index of the compared delay.
pub(crate) fn verdicts(rows: &[CrisisRow], at: usize) -> Verdicts {
    let last = |r: &CrisisRow| r.selected.len() - 1;
    Verdicts {
        symmetric: rows.iter().all(|r| r.early[0][0].to_bits() == r.early[0][1].to_bits()),
        bad_faster: share(rows.iter().map(|r| r.early[1][0] > r.early[1][1])),
        media_matter: (
            share(rows.iter().map(|r| differ(r.selected[at].bad, r.no_media.bad))),
            share(rows.iter().map(|r| r.selected[at].bad.ci[0] > r.no_media.bad.ci[1])),
        ),
        delay_hurts: share(
            rows.iter().map(|r| r.selected[0].good.ci[0] > r.selected[last(r)].good.ci[1]),
        ),
        selection_better: (
            share(rows.iter().map(|r| r.selected[at].good.mean > r.top[at].good.mean)),
            share(rows.iter().map(|r| r.selected[at].good.ci[1] < r.top[at].good.ci[0])),
        ),
        bad_wins: share(rows.iter().map(|r| r.selected[at].bad.mean > r.selected[at].good.mean)),
        bias_raises: share(rows.iter().map(|r| r.selected[at].bad.ci[0] > r.no_bias.bad.ci[1])),
    }
}

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

/// A share with its interval, the interval's normal approximation kept within [0, 1].
fn with_ci(s: Share) -> String {
    let [low, high] = s.ci.map(|x| x.clamp(0.0, 1.0));
    format!("{} ({}–{})", pct(s.mean), pct(low), pct(high))
}

fn over_draws(s: Spread, as_pct: bool) -> String {
    if as_pct {
        format!("{} ({}–{})", pct(s.median), pct(s.low), pct(s.high))
    } else {
        format!("{:.2} ({:.2}–{:.2})", s.median, s.low, s.high)
    }
}

/// The claim's section of `docs/claims.md` and its chart (file name, SVG), from the crises on
/// the real networks and on the generator's draws.
pub(crate) fn section(
    s: &CrisisSettings,
    real: &[CrisisRow],
    drawn: &[CrisisRow],
) -> (String, (String, String)) {
    let at = s.delays.iter().position(|&d| d == s.compared_at).unwrap_or(0);
    let dmax = *s.delays.last().unwrap_or(&0);
    let mut w = String::new();
    let _ = writeln!(
        w,
        "## Claim 4: good and bad buzz spread fast, bad buzz faster, and media pick them up\n"
    );
    let _ = writeln!(
        w,
        "A crisis on every network: bad buzz from a blogger (the person with the most digital \
         ties) at step 0; the {} next most digitally connected people are media, who pick a \
         story up once {} of the people they follow carry it and pass it on with probability {}; \
         the organisation answers with good buzz from {} relays, started d steps later \
         (d = {}), the relays being either `select_relays`' choice (IMM, the blogger and the media \
         left out) or the {} most connected people. Weighted cascade (p = 1 / in-degree, nothing \
         to tune per network); bad buzz's multiplier {} (a negativity bias: an assumption); {} \
         runs per simulation, seed {}. A person keeps the first view that reaches them; when both \
         reach them in the same step, bad buzz wins (the engine's rule). E-reputation over time \
         is the share of people holding each view at the end of each step; the organisation's \
         e-reputation score is `e_reputation`'s (its ties' net view, weighted by PageRank) with \
         the relays as the organisation.\n",
        s.media,
        s.media_threshold,
        s.media_probability,
        s.relays,
        s.delays.iter().map(u32::to_string).collect::<Vec<_>>().join(", "),
        s.relays,
        s.bias,
        s.runs,
        s.seed
    );
    let d = s.compared_at;
    let _ = writeln!(
        w,
        "| network | people | bad/good reach by step {e} (bias {b}) | good share, d = 0 | good share, d = {d} | good share, d = {dmax} | bad share, d = {d} | steps bad ahead, d = {d} | bad share without media, d = {d} | bad share without the bias, d = {d} | good share, top-degree relays, d = {d} | e-reputation score, d = 0 → {dmax} |",
        e = s.early_step,
        b = s.bias
    );
    let _ = writeln!(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in real {
        let o = &r.selected;
        let _ = writeln!(
            w,
            "| {} | {} | {:.2} | {} | {} | {} | {} | {:.1} ({:.1}–{:.1}) | {} | {} | {} | {:+.2} → {:+.2} |",
            r.name,
            r.people,
            r.early[1][0] / r.early[1][1].max(f64::MIN_POSITIVE),
            with_ci(o[0].good),
            with_ci(o[at].good),
            with_ci(o[o.len() - 1].good),
            with_ci(o[at].bad),
            o[at].ahead.mean,
            o[at].ahead.ci[0],
            o[at].ahead.ci[1],
            with_ci(r.no_media.bad),
            with_ci(r.no_bias.bad),
            with_ci(r.top[at].good),
            r.score[0],
            r.score[1]
        );
    }
    if !drawn.is_empty() {
        let sp = |f: &dyn Fn(&CrisisRow) -> f64| spread(&drawn.iter().map(f).collect::<Vec<_>>());
        let last = drawn[0].selected.len() - 1;
        let _ = writeln!(
            w,
            "| generated ({} draws, median and 10–90%) | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} → {} |",
            drawn.len(),
            drawn[0].people,
            over_draws(sp(&|r| r.early[1][0] / r.early[1][1].max(f64::MIN_POSITIVE)), false),
            over_draws(sp(&|r| r.selected[0].good.mean), true),
            over_draws(sp(&|r| r.selected[at].good.mean), true),
            over_draws(sp(&|r| r.selected[last].good.mean), true),
            over_draws(sp(&|r| r.selected[at].bad.mean), true),
            over_draws(sp(&|r| r.selected[at].ahead.mean), false),
            over_draws(sp(&|r| r.no_media.bad.mean), true),
            over_draws(sp(&|r| r.no_bias.bad.mean), true),
            over_draws(sp(&|r| r.top[at].good.mean), true),
            over_draws(sp(&|r| r.score[0]), false),
            over_draws(sp(&|r| r.score[1]), false),
        );
    }
    let shown = real.first().or(drawn.first());
    let chart = shown.map_or_else(String::new, |r| opinion_chart(r, &s.delays));
    let _ = writeln!(w, "\n![Claim 4](claims/buzz.svg)\n");
    let all: Vec<CrisisRow> = real.iter().chain(drawn).cloned().collect();
    let _ = writeln!(w, "**Verdict.** {}\n", verdict_text(s, &verdicts(&all, at), all.len()));
    (w, ("buzz.svg".to_owned(), chart))
}

/// The verdict in words.
fn verdict_text(s: &CrisisSettings, v: &Verdicts, n: usize) -> String {
    let mut out = String::new();
    let symmetric = if v.symmetric {
        "With equal multipliers, good and bad buzz from the same person reach exactly as many \
         people on every network (the model treats the valences alike), so the networks cannot \
         show it"
    } else {
        "Even with equal multipliers the valences differ on some network, which the model's \
         symmetry rules out (a bug to look at)"
    };
    let _ = write!(
        out,
        "Bad buzz faster: holds only under the assumption of a negativity bias. {symmetric}; \
         once bad buzz's multiplier is {}, bad buzz reaches more people by step {} on {} of the \
         {n} networks, and the bias raises its final share in the crisis beyond the intervals on \
         {} of them. ",
        s.bias,
        s.early_step,
        pct(v.bad_faster),
        pct(v.bias_raises)
    );
    let (matter, raise) = v.media_matter;
    let _ = write!(
        out,
        "Media pick-up {} at d = {}: it changes the final bad share beyond the intervals on {} of \
         the networks (raising it on {}). ",
        if matter >= 0.5 {
            "matters"
        } else if matter > 0.0 {
            "matters on some networks"
        } else {
            "does not matter here"
        },
        s.compared_at,
        pct(matter),
        pct(raise)
    );
    let _ = write!(
        out,
        "The response's delay: a response {} steps late ends with a lower good share than one at \
         once on {} of the networks (beyond the intervals); with the bias, bad buzz ends ahead \
         at d = {} on {} of them. ",
        s.delays.last().unwrap_or(&0),
        pct(v.delay_hurts),
        s.compared_at,
        pct(v.bad_wins)
    );
    let (better, worse) = v.selection_better;
    let _ = write!(
        out,
        "Relays: `select_relays`' choice ends with more good views than the most connected \
         people on {} of the networks (fewer beyond the intervals on {}).",
        pct(better),
        pct(worse)
    );
    out
}

/// E-reputation over time on one network: the net share (good − bad) step by step, one line
/// per delay.
fn opinion_chart(r: &CrisisRow, delays: &[u32]) -> String {
    const COLOURS: [&str; 6] = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];
    let (left, top, width, height) = (60.0, 40.0, 520.0, 260.0);
    let steps = r.selected.iter().map(|o| o.net.len()).max().unwrap_or(1).max(2);
    let x = |t: usize| left + width * t as f64 / (steps - 1) as f64;
    let y = |v: f64| top + height * (1.0 - f64::midpoint(v.clamp(-1.0, 1.0), 1.0));
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" font-family="sans-serif" font-size="11">"#,
        left + width + 120.0,
        top + height + 50.0
    );
    let _ = writeln!(
        s,
        r#"<text x="10" y="18" font-size="13">Claim 4: e-reputation over time on {}, share good − share bad</text>"#,
        r.name.replace('&', "&amp;").replace('<', "&lt;")
    );
    for v in [-1.0, -0.5, 0.0, 0.5, 1.0] {
        let _ = writeln!(
            s,
            r#"<line x1="{left}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="{}"/><text x="{}" y="{:.1}" text-anchor="end">{v:+.1}</text>"#,
            left + width,
            if v == 0.0 { "#999" } else { "#eee" },
            left - 6.0,
            y(v) + 4.0,
            y = y(v)
        );
    }
    for (i, (o, d)) in r.selected.iter().zip(delays).enumerate() {
        let c = COLOURS[i % COLOURS.len()];
        // A run that has ended keeps its last share: the line is carried to the end.
        let points: Vec<String> = (0..steps)
            .map(|t| {
                let v = o.net.get(t).or(o.net.last()).copied().unwrap_or(0.0);
                format!("{:.1},{:.1}", x(t), y(v))
            })
            .collect();
        let _ = writeln!(
            s,
            r#"<polyline fill="none" stroke="{c}" stroke-width="1.5" points="{}"/><text x="{}" y="{}" fill="{c}">d = {d}</text>"#,
            points.join(" "),
            left + width + 10.0,
            top + 14.0 * (i as f64 + 1.0)
        );
    }
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" text-anchor="middle">step (0 to {})</text></svg>"#,
        left + width / 2.0,
        top + height + 30.0,
        steps - 1
    );
    s
}

/// Puts the section into `doc` where claim 4 belongs: before claim 5's section, else before
/// the list of claims not yet tested, else at the end.
pub(crate) fn insert(doc: &mut String, section: &str) {
    let at = ["## Claim 5", "## Not yet tested"].iter().find_map(|h| doc.find(h));
    match at {
        Some(i) => doc.insert_str(i, section),
        None => doc.push_str(section),
    }
}

/// The crisis on every real network of `cases` and on `draws` generated networks of
/// `people`.
pub(crate) fn study(
    cases: &[crate::networks::Case],
    draws: u64,
    people: usize,
    s: &CrisisSettings,
) -> Result<(Vec<CrisisRow>, Vec<CrisisRow>)> {
    let started = std::time::Instant::now();
    let real = cases.iter().map(|c| crisis(&c.name, &c.net, s)).collect::<Result<Vec<_>>>()?;
    let drawn = (1..=draws)
        .map(|seed| crisis(&format!("draw {seed}"), &crate::networks::draw(people, seed)?, s))
        .collect::<Result<Vec<_>>>()?;
    eprintln!("  claim 4 (crises): {:.1} s", started.elapsed().as_secs_f64());
    Ok((real, drawn))
}
