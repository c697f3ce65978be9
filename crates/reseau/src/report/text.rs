//! The report as text and as charts.

use std::fmt::Write as _;

use super::Report;
use super::svg::{Chart, Mark, Series};
use crate::balance::{BalanceRow, Measure};
use crate::relays::RelaySelection;

fn pct(x: f64) -> String {
    format!("{:.0}%", 100.0 * x)
}

impl Report {
    /// The report as text: a page a person reads in a minute.
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs();
    /// let report = reseau::report::report(&net, &reseau::report::ReportRequest::quick().seed(1))?;
    /// let text = report.text();
    /// assert!(text.contains("61 people, 620 ties in 5 layers"));
    /// assert!(text.contains("collapses at"));
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn text(&self) -> String {
        let mut out = String::new();
        let w = &mut out;
        let _ = writeln!(w, "{}", self.title);
        let _ = writeln!(w, "{}", "=".repeat(self.title.chars().count().max(40)));
        self.network_text(w);
        self.relays_text(w);
        self.campaign_text(w);
        self.load_curve_text(w);
        self.balance_text(w);
        let _ = writeln!(w, "\nEvery figure above comes from seed {}.", self.seed);
        out
    }

    fn network_text(&self, w: &mut String) {
        let n = &self.network;
        let _ = writeln!(
            w,
            "{} people, {} ties in {} layers ({:.1} bytes per directed tie in the compiled view)\n",
            n.people,
            n.ties,
            n.layers.len(),
            n.bytes_per_tie
        );
        let _ = writeln!(
            w,
            "  {:<12} {:<9} {:>6} {:>7} {:>10} {:>9}",
            "layer", "kind", "ties", "active", "mean deg.", "max deg."
        );
        for l in &n.layers {
            let _ = writeln!(
                w,
                "  {:<12} {:<9} {:>6} {:>7} {:>10.2} {:>9}",
                l.name, l.kind, l.ties, l.active, l.mean_degree, l.max_degree
            );
        }
        let union = n.pairs_offline + n.pairs_online - n.pairs_both;
        let _ = writeln!(
            w,
            "  pairs tied offline {}, online {}, both {} (Jaccard {:.2})",
            n.pairs_offline,
            n.pairs_online,
            n.pairs_both,
            n.pairs_both as f64 / union.max(1) as f64
        );
    }

    fn names(&self, s: &RelaySelection) -> String {
        s.relays.iter().map(|&r| self.names[r as usize].clone()).collect::<Vec<_>>().join(", ")
    }

    fn relays_text(&self, w: &mut String) {
        let _ = writeln!(w, "\nWhom to enlist (IMM, ε = 0.1; {})", self.model_name());
        let mut show = |title: String, s: &RelaySelection| {
            let _ = writeln!(w, "  {title}: {}", self.names(s));
            if let Some(spread) = &s.spread {
                let _ = writeln!(
                    w,
                    "    reach {:.1} people (95% CI {:.1} to {:.1}), total cost {}",
                    spread.mean, spread.ci95[0], spread.ci95[1], s.cost
                );
            }
        };
        show(format!("best {} relays", self.relays.relays.len()), &self.relays);
        if let (Some(b), Some(budget)) = (&self.budgeted, self.options.budget) {
            show(format!("within a budget of {budget} (people's costs)"), b);
        }
    }

    fn model_name(&self) -> String {
        let m = &self.options.model;
        match m.kind {
            crate::cascade::ModelKind::IndependentCascade => {
                format!("Independent Cascade p = {}", m.probability)
            }
            kind => kind.as_str().replace('_', " "),
        }
    }

    fn campaign_text(&self, w: &mut String) {
        let c = &self.campaign;
        let _ = writeln!(
            w,
            "\nA message from {} ({}; {} runs)",
            c.seed_person,
            self.model_name(),
            self.options.runs
        );
        let _ = writeln!(
            w,
            "  reaches {:.1} people on average (95% CI {:.1} to {:.1})",
            c.reach, c.reach_ci[0], c.reach_ci[1]
        );
        let steps: Vec<String> = c.by_step.iter().take(6).map(|x| format!("{x:.1}")).collect();
        let _ = writeln!(w, "  reached by step 0, 1, 2, …: {}", steps.join(", "));
        let parts: Vec<String> = self
            .network
            .layers
            .iter()
            .zip(&c.layer_shares)
            .map(|(l, s)| format!("{} {}", l.name, pct(*s)))
            .collect();
        let _ = writeln!(w, "  carried by: {}", parts.join(", "));
        let _ = writeln!(
            w,
            "  offline layers carry {} of the spread, online {}",
            pct(c.offline_share),
            pct(1.0 - c.offline_share)
        );
        if let Some(off) = c.reach_offline_only {
            let _ = writeln!(
                w,
                "  with every online layer gone: {off:.1} people ({:+.0}%)",
                100.0 * (off / c.reach - 1.0)
            );
        }
    }

    fn load_curve_text(&self, w: &mut String) {
        let c = &self.load_curve;
        let _ = writeln!(
            w,
            "\nReferrals under fatigue (greedy routing; {} steps per rate)",
            self.options.steps
        );
        let _ = writeln!(w, "  {:>8} {:>12} {:>9}", "rate", "throughput", "success");
        for (i, &rate) in c.rates.iter().enumerate() {
            let bar = "#".repeat((20.0 * c.throughput[i] / c.peak_throughput.max(1e-9)) as usize);
            let mark = if i == c.peak_index {
                " <- peak"
            } else if c.collapse_rate == Some(rate) {
                " <- collapse"
            } else {
                ""
            };
            let _ = writeln!(
                w,
                "  {rate:>8} {:>12.3} {:>8.1}% {bar}{mark}",
                c.throughput[i],
                100.0 * c.success_rate[i]
            );
        }
        let collapse = c.collapse_rate.map_or("no rate tried".to_owned(), |r| r.to_string());
        let _ = writeln!(
            w,
            "  throughput peaks at {} requests per step ({:.2} referrals per step) and collapses at {collapse}",
            c.peak_rate, c.peak_throughput
        );
    }

    fn balance_text(&self, w: &mut String) {
        let b = &self.balance;
        let _ = writeln!(
            w,
            "\nBalance: the share of effort on physical ties (mix), {} requests per step (the peak), \
             campaign of 3 seeds",
            self.load_curve.peak_rate
        );
        let _ = writeln!(
            w,
            "  {:>4} {:>9} {:>11} {:>6} {:>8} {:>10}",
            "mix", "success", "throughput", "time", "reach", "offline"
        );
        for (i, _) in b.mixes.iter().enumerate() {
            let r = b.row(i, 0);
            let _ = writeln!(
                w,
                "  {:>4.2} {:>8.1}% {:>11.3} {:>6} {:>8.1} {:>10}",
                r.mix,
                100.0 * r.success_rate,
                r.throughput,
                r.time_to_target.map_or("-".to_owned(), |t| format!("{t:.2}")),
                r.reach,
                pct(r.cascade_offline_share)
            );
        }
        for best in &b.best {
            let verdict = if best.flat {
                "flat: no mix makes a clear difference".to_owned()
            } else if best.beats_ends {
                "interior, and clearly better than both ends".to_owned()
            } else if best.interior {
                "interior, but within the noise of an end".to_owned()
            } else {
                "at an end of the sweep".to_owned()
            };
            let _ = writeln!(
                w,
                "  best for {:<15} mix {:.2} ({:.3}; {verdict})",
                best.measure.as_str(),
                best.mix,
                best.value
            );
        }
        if let Some(layer) = &b.declining_layer {
            let last = b.periods;
            let _ = writeln!(
                w,
                "\nLosing {layer}: {} of its ties each period, gone at period {last}",
                pct(self.options.decline_rate)
            );
            let _ = writeln!(
                w,
                "  {:>6} {:>6} {:>22} {:>22}",
                "period", "ties", "reach (mix 0 / 0.5 / 1)", "success (0 / 0.5 / 1)"
            );
            let pick = |t: u32, f: &dyn Fn(&BalanceRow) -> f64| {
                let at = |m: f64| {
                    b.mixes
                        .iter()
                        .position(|&x| (x - m).abs() < 1e-9)
                        .map_or("-".to_owned(), |i| format!("{:.2}", f(b.row(i, t))))
                };
                format!("{} / {} / {}", at(0.0), at(0.5), at(1.0))
            };
            for t in 0..=last {
                let ties = b.row(0, t).declining_ties.unwrap_or(0);
                let _ = writeln!(
                    w,
                    "  {t:>6} {ties:>6} {:>22} {:>22}",
                    pick(t, &|r| r.reach),
                    pick(t, &|r| r.success_rate)
                );
            }
            for r in &b.robust {
                let _ = writeln!(
                    w,
                    "  most robust for {:<15} mix {:.2} (mean {:.3} over the periods; worst {:.3} at period {})",
                    r.measure.as_str(),
                    r.mix,
                    r.mean,
                    r.worst,
                    r.worst_period
                );
            }
        }
    }

    /// The report's figures as SVG documents, by file name: the campaign's spread by step
    /// (`cascade.svg`), the load curve with its peak and collapse (`load_curve.svg`), the
    /// balance sweep's referral and campaign measures by mix (`balance_referrals.svg`,
    /// `balance_reach.svg`), and each mix's reach as the declining layer empties
    /// (`decline.svg`, with a decline only).
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs();
    /// let report = reseau::report::report(&net, &reseau::report::ReportRequest::quick().seed(1))?;
    /// let names: Vec<String> = report.charts().into_iter().map(|(name, _)| name).collect();
    /// assert_eq!(names, ["cascade.svg", "load_curve.svg", "balance_referrals.svg", "balance_reach.svg", "decline.svg"]);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn charts(&self) -> Vec<(String, String)> {
        let mut charts = Vec::new();
        let c = &self.campaign;
        charts.push((
            "cascade.svg",
            Chart {
                title: format!("A message from {}: people reached by step", c.seed_person),
                x_label: "step".into(),
                y_label: "people reached (mean)".into(),
                log_x: false,
                series: vec![Series {
                    name: "reached".into(),
                    points: c.by_step.iter().enumerate().map(|(i, &y)| (i as f64, y)).collect(),
                }],
                marks: Vec::new(),
            },
        ));
        let l = &self.load_curve;
        let mut marks = vec![Mark {
            x: l.peak_rate,
            y: l.peak_throughput,
            label: format!("peak {}", l.peak_rate),
        }];
        if let Some(rate) = l.collapse_rate {
            let i = l.rates.iter().position(|&r| r.to_bits() == rate.to_bits()).unwrap_or(0);
            marks.push(Mark { x: rate, y: l.throughput[i], label: format!("collapse {rate}") });
        }
        charts.push((
            "load_curve.svg",
            Chart {
                title: "Referral load curve under fatigue".into(),
                x_label: "requests per step (log scale)".into(),
                y_label: "referrals delivered per step".into(),
                log_x: true,
                series: vec![Series {
                    name: "throughput".into(),
                    points: l.rates.iter().copied().zip(l.throughput.iter().copied()).collect(),
                }],
                marks,
            },
        ));
        let b = &self.balance;
        let by_mix = |measure: Measure, t: u32| -> Vec<(f64, f64)> {
            let mut v: Vec<(f64, f64)> = (0..b.mixes.len())
                .filter_map(|i| measure.of(b.row(i, t)).map(|(x, _)| (b.mixes[i], x)))
                .collect();
            v.sort_by(|a, b| a.0.total_cmp(&b.0));
            v
        };
        let best_mark = |measure: Measure| {
            b.best(measure).map(|m| Mark {
                x: m.mix,
                y: m.value,
                label: format!("best {:.2}", m.mix),
            })
        };
        charts.push((
            "balance_referrals.svg",
            Chart {
                title: "Balance: referrals by share of physical effort".into(),
                x_label: "mix (share of effort on physical ties)".into(),
                y_label: "per step / share".into(),
                log_x: false,
                series: vec![
                    Series { name: "throughput".into(), points: by_mix(Measure::Throughput, 0) },
                    Series { name: "success rate".into(), points: by_mix(Measure::SuccessRate, 0) },
                ],
                marks: best_mark(Measure::Throughput).into_iter().collect(),
            },
        ));
        charts.push((
            "balance_reach.svg",
            Chart {
                title: "Balance: a campaign's reach by share of physical effort".into(),
                x_label: "mix (share of effort on physical ties)".into(),
                y_label: "people reached (mean)".into(),
                log_x: false,
                series: vec![Series { name: "reach".into(), points: by_mix(Measure::Reach, 0) }],
                marks: best_mark(Measure::Reach).into_iter().collect(),
            },
        ));
        if let Some(layer) = &b.declining_layer {
            let series = (0..=b.periods)
                .map(|t| Series { name: format!("period {t}"), points: by_mix(Measure::Reach, t) })
                .collect();
            charts.push((
                "decline.svg",
                Chart {
                    title: format!("Reach as {layer} declines, by mix"),
                    x_label: "mix (share of effort on physical ties)".into(),
                    y_label: "people reached (mean)".into(),
                    log_x: false,
                    series,
                    marks: Vec::new(),
                },
            ));
        }
        charts.into_iter().map(|(name, chart)| (name.to_owned(), chart.to_svg())).collect()
    }

    /// The report's numbers as pretty-printed JSON.
    ///
    /// # Panics
    /// Never: every field serialises (no map has non-string keys).
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs();
    /// let report = reseau::report::report(&net, &reseau::report::ReportRequest::quick().seed(1))?;
    /// let back: reseau::report::Report = serde_json::from_str(&report.to_json())?;
    /// assert_eq!(back, report);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report serialises")
    }

    /// Writes the report into the folder `dir` (created if missing): `report.txt`,
    /// `report.json` and the [charts](Report::charts); returns the files written.
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs();
    /// let report = reseau::report::report(&net, &reseau::report::ReportRequest::quick().seed(1))?;
    /// let dir = std::env::temp_dir().join(format!("reseau-doc-{}", std::process::id()));
    /// let files = report.write(&dir)?;
    /// assert_eq!(files.len(), 7);
    /// assert!(std::fs::read_to_string(dir.join("report.txt"))?.contains("Balance"));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Io`](crate::Error::Io) naming the file that could not be written.
    pub fn write(
        &self,
        dir: impl AsRef<std::path::Path>,
    ) -> crate::Result<Vec<std::path::PathBuf>> {
        let dir = dir.as_ref();
        let io = |path: &std::path::Path, e: std::io::Error| crate::Error::Io {
            file: path.display().to_string(),
            message: e.to_string(),
        };
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        let mut files = vec![
            ("report.txt".to_owned(), self.text()),
            ("report.json".to_owned(), self.to_json()),
        ];
        files.extend(self.charts());
        let mut written = Vec::new();
        for (name, content) in files {
            let path = dir.join(name);
            std::fs::write(&path, content).map_err(|e| io(&path, e))?;
            written.push(path);
        }
        Ok(written)
    }
}
