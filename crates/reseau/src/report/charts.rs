//! The report's figures as SVG charts.

use super::Report;
use super::doc::Block;
use super::svg::{Chart, Mark, Series};
use crate::balance::Measure;

fn line(name: &str, points: Vec<(f64, f64)>) -> Series {
    Series { name: name.into(), points, intervals: Vec::new() }
}

impl Report {
    /// The report's figures as SVG documents, by file name, those of the sections present
    /// in the report: the campaign's spread by step (`cascade.svg`), the load curve with its
    /// intervals, peak and collapse (`load_curve.svg`), the balance sweep's referral and
    /// campaign measures by mix (`balance_referrals.svg`, `balance_reach.svg`), and each
    /// mix's reach as the declining layer empties (`decline.svg`).
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs();
    /// let report = reseau::report::report(&net, &reseau::report::ReportRequest::quick().seed(1))?;
    /// let names: Vec<String> = report.charts().into_iter().map(|(name, _)| name).collect();
    /// assert_eq!(names, ["cascade.svg", "load_curve.svg", "balance_referrals.svg", "balance_reach.svg", "decline.svg"]);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn charts(&self) -> Vec<(String, String)> {
        self.doc()
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Chart(name) => self.chart(name).map(|c| ((*name).to_owned(), c.to_svg())),
                _ => None,
            })
            .collect()
    }

    /// The chart of this file name (`None`: not a chart of this report).
    fn chart(&self, name: &str) -> Option<Chart> {
        match name {
            "cascade.svg" => {
                let c = &self.campaign;
                Some(Chart {
                    title: format!("A message from {}: people reached by step", c.seed_person),
                    x_label: "step".into(),
                    y_label: "people reached (mean)".into(),
                    log_x: false,
                    series: vec![line(
                        "reached",
                        c.by_step.iter().enumerate().map(|(i, &y)| (i as f64, y)).collect(),
                    )],
                    marks: Vec::new(),
                })
            }
            "load_curve.svg" => Some(self.load_chart()),
            "balance_referrals.svg" | "balance_reach.svg" | "decline.svg" => {
                self.balance_chart(name)
            }
            _ => None,
        }
    }

    fn load_chart(&self) -> Chart {
        let l = &self.load_curve;
        let at =
            |rate: f64| l.rates.iter().position(|&r| r.to_bits() == rate.to_bits()).unwrap_or(0);
        let mut marks = Vec::new();
        if let Some(rate) = l.peak_rate {
            marks.push(Mark {
                x: rate,
                y: l.throughput[at(rate)],
                label: format!("peak {}", super::doc::rate_text(rate)),
            });
        }
        if let Some(rate) = l.collapse_rate {
            marks.push(Mark {
                x: rate,
                y: l.throughput[at(rate)],
                label: format!("collapse {}", super::doc::rate_text(rate)),
            });
        }
        Chart {
            title: "Referral load curve under fatigue".into(),
            x_label: "requests per step (log scale)".into(),
            y_label: "referrals delivered per step".into(),
            log_x: true,
            series: vec![Series {
                name: "throughput".into(),
                points: l.rates.iter().copied().zip(l.throughput.iter().copied()).collect(),
                intervals: l.throughput_ci.iter().map(|&[lo, hi]| (lo, hi)).collect(),
            }],
            marks,
        }
    }

    fn balance_chart(&self, name: &str) -> Option<Chart> {
        let b = self.balance.as_ref()?;
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
        let mix_label = "mix (share of effort on physical ties)";
        Some(match name {
            "balance_referrals.svg" => Chart {
                title: "Balance: referrals by share of physical effort".into(),
                x_label: mix_label.into(),
                y_label: "per step / share".into(),
                log_x: false,
                series: vec![
                    line("throughput", by_mix(Measure::Throughput, 0)),
                    line("success rate", by_mix(Measure::SuccessRate, 0)),
                ],
                marks: best_mark(Measure::Throughput).into_iter().collect(),
            },
            "balance_reach.svg" => Chart {
                title: "Balance: a campaign's reach by share of physical effort".into(),
                x_label: mix_label.into(),
                y_label: "people reached (mean)".into(),
                log_x: false,
                series: vec![line("reach", by_mix(Measure::Reach, 0))],
                marks: best_mark(Measure::Reach).into_iter().collect(),
            },
            _ => Chart {
                title: format!("Reach as {} declines, by mix", b.declining_layer.as_deref()?),
                x_label: mix_label.into(),
                y_label: "people reached (mean)".into(),
                log_x: false,
                series: (0..=b.periods)
                    .map(|t| line(&format!("period {t}"), by_mix(Measure::Reach, t)))
                    .collect(),
                marks: Vec::new(),
            },
        })
    }
}
