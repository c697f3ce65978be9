//! The report as a document: sections of lines, tables and charts, built once from the
//! numbers and rendered as text ([`Report::text`]) and as HTML ([`Report::html`]), so that
//! both say the same thing. Every number that comes straight from the report's JSON keeps
//! its path there, so that the HTML can carry it (and a test can check it).

use super::Report;
use super::claims::Evidence;
use super::load::{CurveShape, ScanEnd};
use crate::balance::{BalanceReport, BalanceRequest, BalanceRow};
use crate::relays::RelaySelection;

/// A piece of a line: text, or a number of the report with its JSON path.
#[derive(Debug, Clone)]
pub(super) enum Span {
    Text(String),
    Num { shown: String, value: f64, path: String },
}

/// A table cell: spans, or a bar of a share of the cell's width.
#[derive(Debug, Clone)]
pub(super) enum Cell {
    Spans(Vec<Span>),
    Bar(f64),
}

/// A table: headings, which columns align right, rows.
#[derive(Debug, Clone)]
pub(super) struct Table {
    pub(super) head: Vec<String>,
    pub(super) right: Vec<bool>,
    pub(super) rows: Vec<Vec<Cell>>,
}

/// What a section holds, in order.
#[derive(Debug, Clone)]
pub(super) enum Block {
    /// The section's opening line, set apart (no indent in the text).
    Lead(Vec<Span>),
    /// A line; `indent` levels of nesting below the section's lines.
    Line {
        indent: usize,
        spans: Vec<Span>,
    },
    /// A part left out, and why.
    Omitted(String),
    Table(Table),
    /// A chart, by its file name in [`Report::charts`].
    Chart(&'static str),
}

/// A section: an id (its anchor in HTML), a heading, blocks.
#[derive(Debug, Clone)]
pub(super) struct Section {
    pub(super) id: &'static str,
    pub(super) heading: Option<Vec<Span>>,
    pub(super) blocks: Vec<Block>,
}

/// The whole document.
#[derive(Debug, Clone)]
pub(super) struct Doc {
    pub(super) title: String,
    pub(super) sections: Vec<Section>,
    pub(super) footer: String,
}

impl Span {
    /// The text as shown.
    pub(super) fn shown(&self) -> &str {
        match self {
            Span::Text(t) => t,
            Span::Num { shown, .. } => shown,
        }
    }
}

fn t(s: impl Into<String>) -> Span {
    Span::Text(s.into())
}

fn num(value: f64, shown: String, path: impl Into<String>) -> Span {
    Span::Num { shown, value, path: path.into() }
}

/// The evidence's value as a count, when it is one (a number of ties reads "124", not
/// "124.000"; a mix of 1 stays "1.000").
fn whole(e: &Evidence) -> Option<u64> {
    let v = e.value;
    let counted = e.path.ends_with("ties") && e.ci95.is_none();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    (counted && (0.0..1e15).contains(&v) && v.fract() == 0.0).then_some(v as u64)
}

/// A count, with thousands separators.
pub(super) fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn int(n: usize, path: impl Into<String>) -> Span {
    num(n as f64, count(n as u64), path)
}

fn fixed(x: f64, digits: usize, path: impl Into<String>) -> Span {
    num(x, format!("{x:.digits$}"), path)
}

/// A share as a percentage with `digits` decimals.
fn share(x: f64, digits: usize, path: impl Into<String>) -> Span {
    num(x, format!("{:.digits$}%", 100.0 * x), path)
}

/// A request rate with three significant digits (and no trailing zeros).
pub(super) fn rate_text(r: f64) -> String {
    if r >= 1000.0 {
        return count(r.round() as u64);
    }
    let decimals = if r >= 100.0 {
        0
    } else if r >= 10.0 {
        1
    } else if r >= 1.0 {
        2
    } else {
        (2 - r.log10().floor() as i32).max(0) as usize
    };
    let s = format!("{r:.decimals$}");
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_owned() } else { s }
}

fn rate(r: f64, path: impl Into<String>) -> Span {
    num(r, rate_text(r), path)
}

/// The JSON path of a field of the balance row of mix `i` at period `t`.
fn row_path(b: &BalanceReport, i: usize, t: u32, field: &str) -> String {
    format!("balance.rows.{}.{field}", t as usize * b.mixes.len() + i)
}

fn line(spans: Vec<Span>) -> Block {
    Block::Line { indent: 0, spans }
}

fn nested(spans: Vec<Span>) -> Block {
    Block::Line { indent: 1, spans }
}

impl Report {
    /// The document the text and the HTML render.
    pub(super) fn doc(&self) -> Doc {
        let mut sections = vec![self.network_section()];
        sections.extend(self.fit_section());
        sections.push(self.relays_section());
        sections.push(self.campaign_section());
        sections.push(self.referrals_section());
        sections.extend(self.balance_sections());
        sections.push(self.claims_section());
        Doc {
            title: self.title.clone(),
            sections,
            footer: format!("Every figure above comes from seed {}.", self.seed),
        }
    }

    fn omitted_line(&self, section: &str) -> Option<Block> {
        self.omitted
            .iter()
            .find(|o| o.sections.first().is_some_and(|s| s == section))
            .map(|o| Block::Omitted(o.line.clone()))
    }

    fn network_section(&self) -> Section {
        let n = &self.network;
        let plural =
            |k: usize, word: &str| if k == 1 { word.to_owned() } else { format!("{word}s") };
        let mut blocks = vec![Block::Lead(vec![
            int(n.people, "network.people"),
            t(" people, "),
            int(n.ties, "network.ties"),
            t(format!(
                " ties in {} {} (",
                count(n.layers.len() as u64),
                plural(n.layers.len(), "layer")
            )),
            fixed(n.bytes_per_tie, 1, "network.bytes_per_tie"),
            t(" bytes per directed tie in the compiled view)"),
        ])];
        let directed = n.layers.iter().any(|l| l.directed);
        let mut head: Vec<String> =
            ["layer", "kind", "ties", "active", "mean deg.", "max deg."].map(String::from).to_vec();
        if directed {
            head.push("both ways".into());
        }
        let rows = n
            .layers
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let p = |f: &str| format!("network.layers.{i}.{f}");
                let mut kind = if l.directed { format!("{} →", l.kind) } else { l.kind.clone() };
                if l.shadow {
                    kind.push_str(" (shadow)");
                }
                let mut row = vec![
                    Cell::Spans(vec![t(l.name.clone())]),
                    Cell::Spans(vec![t(kind)]),
                    Cell::Spans(vec![int(l.ties, p("ties"))]),
                    Cell::Spans(vec![int(l.active, p("active"))]),
                    Cell::Spans(vec![fixed(l.mean_degree, 2, p("mean_degree"))]),
                    Cell::Spans(vec![int(l.max_degree as usize, p("max_degree"))]),
                ];
                if directed {
                    row.push(Cell::Spans(vec![match l.reciprocated {
                        Some(r) => int(r, p("reciprocated")),
                        None => t("-"),
                    }]));
                }
                row
            })
            .collect();
        let right = (0..head.len()).map(|c| c >= 2).collect();
        blocks.push(Block::Table(Table { head, right, rows }));
        if directed {
            blocks.push(line(vec![t(
                "→ a directed layer: each tie points from one person to another, and campaigns and referrals follow ties as they point; \"both ways\" counts the pairs tied in both directions",
            )]));
        }
        if let Some(omitted) = self.omitted_line("offline_online") {
            blocks.push(omitted);
        } else {
            let union = n.pairs_offline + n.pairs_online - n.pairs_both;
            blocks.push(line(vec![
                t("pairs tied offline "),
                int(n.pairs_offline, "network.pairs_offline"),
                t(", online "),
                int(n.pairs_online, "network.pairs_online"),
                t(", both "),
                int(n.pairs_both, "network.pairs_both"),
                t(format!(" (Jaccard {:.2})", n.pairs_both as f64 / union.max(1) as f64)),
            ]));
        }
        blocks.push(line(if n.groups == 0 {
            vec![t("nobody belongs to a group")]
        } else {
            vec![
                int(n.people_in_groups, "network.people_in_groups"),
                t(format!(" of {} people belong to ", count(n.people as u64))),
                int(n.groups, "network.groups"),
                t(format!(" {}", plural(n.groups, "group"))),
            ]
        }));
        if n.shadow_layers > 0 {
            blocks.push(line(vec![
                int(n.shadow_layers, "network.shadow_layers"),
                t(format!(" shadow {} with ", plural(n.shadow_layers, "layer"))),
                int(n.shadow_ties, "network.shadow_ties"),
                t(" ties: every section runs with them (the truth), but an analyst would observe the network without them"),
            ]));
        }
        Section { id: "network", heading: None, blocks }
    }

    fn names(&self, s: &RelaySelection) -> String {
        s.relays.iter().map(|&r| self.names[r as usize].clone()).collect::<Vec<_>>().join(", ")
    }

    pub(super) fn model_name(&self) -> String {
        if self.fitted_model {
            return "the model fitted to the adoptions".into();
        }
        let m = &self.options.model;
        match m.kind {
            crate::cascade::ModelKind::IndependentCascade => {
                format!("Independent Cascade p = {}", m.probability)
            }
            kind => kind.as_str().replace('_', " "),
        }
    }

    fn selection(&self, blocks: &mut Vec<Block>, title: String, s: &RelaySelection, path: &str) {
        blocks.push(line(vec![t(format!("{title}: {}", self.names(s)))]));
        if let Some(spread) = &s.spread {
            blocks.push(nested(vec![
                t("reach "),
                fixed(spread.mean, 1, format!("{path}.spread.mean")),
                t(" people (95% CI "),
                fixed(spread.ci95[0], 1, format!("{path}.spread.ci95.0")),
                t(" to "),
                fixed(spread.ci95[1], 1, format!("{path}.spread.ci95.1")),
                t("), total cost "),
                num(s.cost, s.cost.to_string(), format!("{path}.cost")),
            ]));
        }
    }

    /// What the observed adoptions say: each layer's fitted probability with its interval
    /// and test, the external hazard and the shadow share.
    fn fit_section(&self) -> Option<Section> {
        let f = self.fit.as_ref()?;
        let d = &f.data;
        let interval = |ci: Option<[f64; 2]>, path: String| match ci {
            Some([lo, hi]) => vec![
                fixed(lo, 4, format!("{path}.0")),
                t(" to "),
                fixed(hi, 4, format!("{path}.1")),
            ],
            None => vec![t("not identifiable")],
        };
        let mut blocks = vec![Block::Lead(vec![
            num(d.adoptions as f64, count(d.adoptions), "fit.data.adoptions"),
            t(if d.adoptions == 1 { " adoption in " } else { " adoptions in " }),
            num(d.cascades as f64, count(d.cascades), "fit.data.cascades"),
            t(format!(
                " {} up to step {}, {} exposure; log-likelihood ",
                if d.cascades == 1 { "cascade" } else { "cascades" },
                d.horizon,
                f.exposure.as_str()
            )),
            fixed(f.log_likelihood, 2, "fit.log_likelihood"),
            t(", AIC "),
            fixed(f.aic, 2, "fit.aic"),
            t(if f.converged { "" } else { " (the fit did not converge)" }),
        ])];
        let rows = f
            .layers
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let path = format!("fit.layers.{i}");
                let estimate = match l.probability {
                    Some(p) => vec![fixed(p, 4, format!("{path}.probability"))],
                    None => vec![t("not identifiable")],
                };
                let test = match l.p_value {
                    Some(p) => vec![fixed(p, 3, format!("{path}.p_value"))],
                    None => vec![t("-")],
                };
                vec![
                    Cell::Spans(vec![t(l.key.clone())]),
                    Cell::Spans(estimate),
                    Cell::Spans(interval(l.ci95, format!("{path}.ci95"))),
                    Cell::Spans(test),
                    Cell::Spans(vec![share(l.share, 1, format!("{path}.share"))]),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            head: ["layer", "probability", "95% CI", "p (no influence)", "adoptions explained"]
                .map(String::from)
                .to_vec(),
            right: vec![false, true, true, true, true],
            rows,
        }));
        if let Some(e) = f.external {
            let mut spans = vec![t("external hazard per step "), fixed(e, 4, "fit.external")];
            if let Some(ci) = f.external_ci95 {
                spans.push(t(" (95% CI "));
                spans.extend(interval(Some(ci), "fit.external_ci95".into()));
                spans.push(t(")"));
            }
            blocks.push(line(spans));
        }
        let [lo, hi] = f.shadow_share_ci95;
        blocks.push(line(vec![
            t("in the shadow (explained by no visible layer): "),
            share(f.shadow_share, 1, "fit.shadow_share"),
            t(" of the adoptions (95% CI "),
            share(lo, 1, "fit.shadow_share_ci95.0"),
            t(" to "),
            share(hi, 1, "fit.shadow_share_ci95.1"),
            t(")"),
        ]));
        blocks.push(line(vec![t(if self.fitted_model {
            "every section below runs with the fitted probabilities (the external hazard has no \
             counterpart in a campaign and is left out)"
        } else {
            "the sections below run with the model given, not the fitted one"
        })]));
        Some(Section {
            id: "fit",
            heading: Some(vec![t("What the adoptions say (fitted by maximum likelihood)")]),
            blocks,
        })
    }

    fn relays_section(&self) -> Section {
        let mut blocks = Vec::new();
        self.selection(
            &mut blocks,
            format!("best {} relays", self.relays.relays.len()),
            &self.relays,
            "relays",
        );
        if let (Some(b), Some(budget)) = (&self.budgeted, self.options.budget) {
            self.selection(
                &mut blocks,
                format!("within a budget of {budget} (people's costs)"),
                b,
                "budgeted",
            );
        }
        blocks.extend(self.omitted_line("budgeted"));
        Section {
            id: "relays",
            heading: Some(vec![t(format!("Whom to enlist (IMM, ε = 0.1; {})", self.model_name()))]),
            blocks,
        }
    }

    fn campaign_section(&self) -> Section {
        let c = &self.campaign;
        let mut blocks = vec![line(vec![
            t("reaches "),
            fixed(c.reach, 1, "campaign.reach"),
            t(" people on average (95% CI "),
            fixed(c.reach_ci[0], 1, "campaign.reach_ci.0"),
            t(" to "),
            fixed(c.reach_ci[1], 1, "campaign.reach_ci.1"),
            t(")"),
        ])];
        let mut steps = vec![t("reached by step 0, 1, 2, …: ")];
        for (i, &x) in c.by_step.iter().take(6).enumerate() {
            if i > 0 {
                steps.push(t(", "));
            }
            steps.push(fixed(x, 1, format!("campaign.by_step.{i}")));
        }
        blocks.push(line(steps));
        let mut carried = vec![t("carried by: ")];
        for (i, (l, &s)) in self.network.layers.iter().zip(&c.layer_shares).enumerate() {
            if i > 0 {
                carried.push(t(", "));
            }
            carried.push(t(format!("{} ", l.name)));
            carried.push(share(s, 0, format!("campaign.layer_shares.{i}")));
        }
        blocks.push(line(carried));
        if let Some(offline) = c.offline_share {
            blocks.push(line(vec![
                t("offline layers carry "),
                share(offline, 0, "campaign.offline_share"),
                t(format!(" of the spread, online {:.0}%", 100.0 * (1.0 - offline))),
            ]));
        }
        if let Some(off) = c.reach_offline_only {
            blocks.push(line(vec![
                t("with every online layer gone: "),
                fixed(off, 1, "campaign.reach_offline_only"),
                t(format!(" people ({:+.0}%)", 100.0 * (off / c.reach - 1.0))),
            ]));
        }
        blocks.push(Block::Chart("cascade.svg"));
        Section {
            id: "campaign",
            heading: Some(vec![
                t(format!("A message from {} ({}; ", c.seed_person, self.model_name())),
                int(self.options.runs as usize, "options.runs"),
                t(" runs)"),
            ]),
            blocks,
        }
    }

    fn referrals_section(&self) -> Section {
        let c = &self.load_curve;
        let r = &self.routing;
        let mut blocks = vec![line(vec![t(format!(
            "routing: {}; {}",
            serde_json::to_value(r.strategy)
                .ok()
                .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
                .unwrap_or_default(),
            r.reason
        ))])];
        let last = c.rates.len() - 1;
        let mut how = match c.end {
            ScanEnd::Given => vec![t("the rates given")],
            end => {
                let mut v = vec![
                    t("rates from "),
                    rate(c.start_rate, "load_curve.start_rate"),
                    t(" requests per step (one per hundred people), doubled "),
                ];
                v.push(t(if end == ScanEnd::LowSuccess {
                    format!(
                        "until the mean success fell below {}% (at {})",
                        100.0 * c.min_success,
                        rate_text(c.end_rate)
                    )
                } else {
                    format!(
                        "up to {} requests per person per step ({}, success still above {}%)",
                        self.options.max_rate_per_person,
                        rate_text(c.end_rate),
                        100.0 * c.min_success
                    )
                }));
                if c.rates[last] > c.end_rate {
                    v.push(t(format!(
                        ", and on to {} to find the collapse",
                        rate_text(c.rates[last])
                    )));
                }
                if c.rates[0] < c.start_rate {
                    v.push(t(format!(
                        ", halved down to {} (for the lighter loads)",
                        rate_text(c.rates[0])
                    )));
                }
                if self.options.refine > 0 {
                    v.push(t(", refined around the best rate on a log scale"));
                }
                v
            }
        };
        how.push(t("; "));
        how.push(int(c.replicates as usize, "load_curve.replicates"));
        how.push(t(" runs of "));
        how.push(int(c.steps as usize, "load_curve.steps"));
        how.push(t(" steps per rate (the first half warms up), means with 95% intervals"));
        blocks.push(line(how));

        let rows = c
            .rates
            .iter()
            .enumerate()
            .map(|(i, &x)| {
                let p = |f: &str| format!("load_curve.{f}.{i}");
                let note = if c.peak_rate == Some(x) {
                    "<- peak"
                } else if c.collapse_rate == Some(x) {
                    "<- collapse"
                } else if i == c.best_index {
                    "<- best (within the noise)"
                } else {
                    ""
                };
                vec![
                    Cell::Spans(vec![rate(x, p("rates"))]),
                    Cell::Spans(vec![fixed(c.throughput[i], 3, p("throughput"))]),
                    Cell::Spans(vec![
                        fixed(c.throughput_ci[i][0], 3, format!("load_curve.throughput_ci.{i}.0")),
                        t(" to "),
                        fixed(c.throughput_ci[i][1], 3, format!("load_curve.throughput_ci.{i}.1")),
                    ]),
                    Cell::Spans(vec![share(c.success_rate[i], 1, p("success_rate"))]),
                    Cell::Bar(c.throughput[i] / c.best_throughput.max(1e-12)),
                    Cell::Spans(vec![t(note)]),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            head: ["rate", "throughput", "95% CI", "success", "", ""].map(String::from).to_vec(),
            right: vec![true, true, true, true, false, false],
            rows,
        }));
        blocks.push(line(self.verdict()));
        blocks.push(Block::Chart("load_curve.svg"));
        Section {
            id: "referrals",
            heading: Some(vec![t(
                "Referrals under fatigue (requests per step against referrals delivered per step)",
            )]),
            blocks,
        }
    }

    fn verdict(&self) -> Vec<Span> {
        let c = &self.load_curve;
        let best = |v: &mut Vec<Span>| {
            v.push(rate(c.best_rate, "load_curve.best_rate"));
            v.push(t(" requests per step ("));
            v.push(fixed(c.best_throughput, 2, "load_curve.best_throughput"));
            v.push(t(" referrals per step)"));
        };
        let mut v = Vec::new();
        match c.shape {
            CurveShape::Peak => {
                v.push(t("throughput peaks at "));
                best(&mut v);
                match c.collapse_rate {
                    Some(x) => {
                        v.push(t(" and collapses at "));
                        v.push(rate(x, "load_curve.collapse_rate"));
                        v.push(t(" (the first rate whose interval lies below half the peak's)"));
                    }
                    None => v.push(t(
                        "; no rate tried falls clearly below half the peak, so no collapse is named",
                    )),
                }
            }
            CurveShape::Rising => {
                v.push(t(format!(
                    "throughput rises with the rate and does not clearly fall by the highest rate tried ({}): the best mean is at ",
                    rate_text(c.rates[c.rates.len() - 1])
                )));
                best(&mut v);
                v.push(t(", but the intervals name no peak and no collapse"));
            }
            CurveShape::Falling => {
                v.push(t("throughput is highest at the lightest load tried, "));
                best(&mut v);
                v.push(t(", and falls from there: no peak and no collapse beyond the noise"));
            }
            CurveShape::Flat => {
                v.push(t("no rate's throughput stands out of the noise of the ends: no peak and no collapse named (best mean "));
                best(&mut v);
                v.push(t(")"));
            }
        }
        v
    }

    fn balance_sections(&self) -> Vec<Section> {
        let Some(b) = &self.balance else {
            return Vec::new();
        };
        let row_path = |i: usize, t: u32, f: &str| row_path(b, i, t, f);
        let rows = (0..b.mixes.len())
            .map(|i| {
                let r = b.row(i, 0);
                let p = |f: &str| row_path(i, 0, f);
                vec![
                    Cell::Spans(vec![fixed(r.mix, 2, p("mix"))]),
                    Cell::Spans(vec![share(r.success_rate, 1, p("success_rate"))]),
                    Cell::Spans(vec![fixed(r.throughput, 3, p("throughput"))]),
                    Cell::Spans(vec![
                        r.time_to_target.map_or(t("-"), |x| fixed(x, 2, p("time_to_target"))),
                    ]),
                    Cell::Spans(vec![fixed(r.reach, 1, p("reach"))]),
                    Cell::Spans(vec![share(
                        r.cascade_offline_share,
                        0,
                        p("cascade_offline_share"),
                    )]),
                ]
            })
            .collect();
        let mut blocks = vec![Block::Table(Table {
            head: ["mix", "success", "throughput", "time", "reach", "offline"]
                .map(String::from)
                .to_vec(),
            right: vec![true; 6],
            rows,
        })];
        for (k, best) in b.best.iter().enumerate() {
            let verdict = if best.flat {
                "flat: no mix makes a clear difference"
            } else if best.beats_ends {
                "interior, and clearly better than both ends"
            } else if best.interior {
                "interior, but within the noise of an end"
            } else {
                "at an end of the sweep"
            };
            blocks.push(line(vec![
                t(format!("best for {}: mix ", best.measure.as_str())),
                fixed(best.mix, 2, format!("balance.best.{k}.mix")),
                t(" ("),
                fixed(best.value, 3, format!("balance.best.{k}.value")),
                t(format!("; {verdict})")),
            ]));
        }
        blocks.push(Block::Chart("balance_referrals.svg"));
        blocks.push(Block::Chart("balance_reach.svg"));
        let mut sections = vec![Section {
            id: "balance",
            heading: Some(vec![
                t("Balance: the share of effort on physical ties (mix), "),
                rate(self.load_curve.best_rate, "load_curve.best_rate"),
                t(format!(
                    " requests per step (the best rate), campaign of {} seeds",
                    BalanceRequest::default().num_seeds
                )),
            ]),
            blocks,
        }];

        if let Some(layer) = &b.declining_layer {
            sections.push(self.decline_section(b, layer));
        }
        sections
    }

    /// The article's claims, one line each: the verdict, then the numbers that decide it.
    fn claims_section(&self) -> Section {
        let blocks = self
            .claims
            .iter()
            .map(|c| {
                let mut spans =
                    vec![t(format!("{}. {}: {}", c.claim, c.about, c.verdict.as_str()))];
                for (k, e) in c.evidence.iter().enumerate() {
                    spans.push(t(if k == 0 { " (" } else { "; " }));
                    spans.push(t(format!("{} ", e.what)));
                    spans.push(if e.path.starts_with("load_curve.") {
                        rate(e.value, e.path.clone())
                    } else if let Some(n) = whole(e) {
                        num(e.value, count(n), e.path.clone())
                    } else {
                        fixed(e.value, 3, e.path.clone())
                    });
                    if let (Some([lo, hi]), Some(path)) = (e.ci95, &e.ci95_path) {
                        spans.push(t(", 95% CI "));
                        spans.push(fixed(lo, 3, format!("{path}.0")));
                        spans.push(t(" to "));
                        spans.push(fixed(hi, 3, format!("{path}.1")));
                    }
                }
                spans.push(t(if c.evidence.is_empty() {
                    format!(" ({})", c.reason)
                } else {
                    format!("): {}", c.reason)
                }));
                line(spans)
            })
            .collect();
        Section {
            id: "claims",
            heading: Some(vec![t(
                "The article's claims on this network (docs/claims.md; intervals that overlap cannot tell)",
            )]),
            blocks,
        }
    }

    fn decline_section(&self, b: &BalanceReport, layer: &str) -> Section {
        let row_path = |i: usize, t: u32, f: &str| row_path(b, i, t, f);
        let ends: Vec<Option<usize>> = [0.0, 0.5, 1.0]
            .iter()
            .map(|m| b.mixes.iter().position(|&x| (x - m).abs() < 1e-9))
            .collect();
        let pick = |period: u32, field: &str, f: &dyn Fn(&BalanceRow) -> f64| {
            let mut spans = Vec::new();
            for (k, at) in ends.iter().enumerate() {
                if k > 0 {
                    spans.push(t(" / "));
                }
                spans.push(match at {
                    Some(i) => fixed(f(b.row(*i, period)), 2, row_path(*i, period, field)),
                    None => t("-"),
                });
            }
            Cell::Spans(spans)
        };
        let rows = (0..=b.periods)
            .map(|period| {
                let ties = b.row(0, period).declining_ties.unwrap_or(0);
                vec![
                    Cell::Spans(vec![t(period.to_string())]),
                    Cell::Spans(vec![int(ties, row_path(0, period, "declining_ties"))]),
                    pick(period, "reach", &|r| r.reach),
                    pick(period, "success_rate", &|r| r.success_rate),
                ]
            })
            .collect();
        let mut blocks = vec![Block::Table(Table {
            head: ["period", "ties", "reach (mix 0 / 0.5 / 1)", "success (0 / 0.5 / 1)"]
                .map(String::from)
                .to_vec(),
            right: vec![true; 4],
            rows,
        })];
        for (k, r) in b.robust.iter().enumerate() {
            let p = |f: &str| format!("balance.robust.{k}.{f}");
            blocks.push(line(vec![
                t(format!("most robust for {}: mix ", r.measure.as_str())),
                fixed(r.mix, 2, p("mix")),
                t(" (mean "),
                fixed(r.mean, 3, p("mean")),
                t(" over the periods; worst "),
                fixed(r.worst, 3, p("worst")),
                t(format!(" at period {})", r.worst_period)),
            ]));
        }
        for (k, r) in b.maximin.iter().enumerate() {
            let p = |f: &str| format!("balance.maximin.{k}.{f}");
            blocks.push(line(vec![
                t(format!("safest for {}: mix ", r.measure.as_str())),
                fixed(r.mix, 2, p("mix")),
                t(" (best worst period: "),
                fixed(r.worst, 3, p("worst")),
                t(format!(" at period {})", r.worst_period)),
            ]));
        }
        blocks.push(Block::Chart("decline.svg"));
        Section {
            id: "decline",
            heading: Some(vec![
                t(format!("Losing {layer}: ")),
                share(self.options.decline_rate, 0, "options.decline_rate"),
                t(format!(" of its ties each period, gone at period {}", b.periods)),
            ]),
            blocks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_rates_read_well() {
        assert_eq!(count(7115), "7,115");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(count(61), "61");
        assert_eq!(rate_text(0.61), "0.61");
        assert_eq!(rate_text(0.305), "0.305");
        assert_eq!(rate_text(2.44), "2.44");
        assert_eq!(rate_text(19.52), "19.5");
        assert_eq!(rate_text(156.16), "156");
        assert_eq!(rate_text(1249.9), "1,250");
        assert_eq!(rate_text(4.0), "4");
    }
}
