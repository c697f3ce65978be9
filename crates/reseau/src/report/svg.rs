//! Small, dependency-free SVG line charts for the report: one chart per figure, axes with
//! round ticks, a legend, optional marked points. Coordinates are written with one decimal,
//! so that the same numbers give the same file.

use std::fmt::Write as _;

/// One line of a chart.
#[derive(Debug, Clone)]
pub(crate) struct Series {
    pub(crate) name: String,
    pub(crate) points: Vec<(f64, f64)>,
    /// Each point's interval (low, high), drawn as a whisker; empty: none.
    pub(crate) intervals: Vec<(f64, f64)>,
}

/// A point to mark with a label (a peak, a collapse, a best mix).
#[derive(Debug, Clone)]
pub(crate) struct Mark {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) label: String,
}

/// A chart to draw.
#[derive(Debug, Clone)]
pub(crate) struct Chart {
    pub(crate) title: String,
    pub(crate) x_label: String,
    pub(crate) y_label: String,
    pub(crate) log_x: bool,
    pub(crate) series: Vec<Series>,
    pub(crate) marks: Vec<Mark>,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 400.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 150.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 52.0;
const COLOURS: [&str; 8] =
    ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];

/// About five round tick values covering [lo, hi].
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let span = (hi - lo).max(1e-12);
    let raw = span / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|&s| s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).ceil() * step;
    (0..=20).map(|i| first + f64::from(i) * step).take_while(|&v| v <= hi + 1e-9 * span).collect()
}

fn label(v: f64) -> String {
    if v != 0.0 && (v.abs() >= 1e5 || v.abs() < 1e-3) {
        format!("{v:.0e}")
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Each point's interval as a vertical whisker with short caps.
fn whiskers(
    s: &mut String,
    series: &Series,
    colour: &str,
    px: &dyn Fn(f64) -> f64,
    py: &dyn Fn(f64) -> f64,
) {
    for (&(lo, hi), &(x, _)) in series.intervals.iter().zip(&series.points) {
        if [x, lo, hi].iter().all(|v| v.is_finite()) {
            let (cx, top, bottom) = (px(x), py(hi), py(lo));
            let _ = writeln!(
                s,
                r#"<path class="interval" d="M{:.1} {top:.1} H{:.1} M{cx:.1} {top:.1} V{bottom:.1} M{:.1} {bottom:.1} H{:.1}" fill="none" stroke="{colour}" stroke-width="1"/>"#,
                cx - 3.0,
                cx + 3.0,
                cx - 3.0,
                cx + 3.0
            );
        }
    }
}

impl Chart {
    /// The chart as a standalone SVG document.
    pub(crate) fn to_svg(&self) -> String {
        let fx = |x: f64| if self.log_x { x.max(1e-300).log10() } else { x };
        let all: Vec<(f64, f64)> = self
            .series
            .iter()
            .flat_map(|s| {
                let whiskers = s
                    .intervals
                    .iter()
                    .zip(&s.points)
                    .flat_map(|(&(lo, hi), &(x, _))| [(x, lo), (x, hi)]);
                s.points.iter().copied().chain(whiskers)
            })
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .collect();
        let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, 0.0f64, f64::MIN);
        for &(x, y) in &all {
            x0 = x0.min(fx(x));
            x1 = x1.max(fx(x));
            y0 = y0.min(y);
            y1 = y1.max(y);
        }
        if all.is_empty() {
            (x0, x1, y1) = (0.0, 1.0, 1.0);
        }
        if x1 <= x0 {
            x1 = x0 + 1.0;
        }
        if y1 <= y0 {
            y1 = y0 + 1.0;
        }
        y1 += 0.05 * (y1 - y0);
        let (w, h) = (WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        let px = |x: f64| LEFT + (fx(x) - x0) / (x1 - x0) * w;
        let py = |y: f64| TOP + h - (y - y0) / (y1 - y0) * h;

        let mut s = String::new();
        let _ = writeln!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">"#
        );
        let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
        let _ = writeln!(
            s,
            r#"<text x="{}" y="22" font-size="15" font-weight="bold">{}</text>"#,
            LEFT,
            escape(&self.title)
        );
        self.axes(&mut s, [x0, x1, y0, y1], &px, &py);
        // Lines and legend.
        for (i, series) in self.series.iter().enumerate() {
            let colour = COLOURS[i % COLOURS.len()];
            let mut d = String::new();
            for &(x, y) in series.points.iter().filter(|(x, y)| x.is_finite() && y.is_finite()) {
                let _ =
                    write!(d, "{}{:.1} {:.1}", if d.is_empty() { "M" } else { " L" }, px(x), py(y));
            }
            let _ =
                writeln!(s, r#"<path d="{d}" fill="none" stroke="{colour}" stroke-width="2"/>"#);
            whiskers(&mut s, series, colour, &px, &py);
            for &(x, y) in series.points.iter().filter(|(x, y)| x.is_finite() && y.is_finite()) {
                let _ = writeln!(
                    s,
                    r#"<circle cx="{:.1}" cy="{:.1}" r="2.5" fill="{colour}"/>"#,
                    px(x),
                    py(y)
                );
            }
            let ly = TOP + 10.0 + 18.0 * i as f64;
            let _ = writeln!(
                s,
                r#"<line x1="{:.1}" x2="{:.1}" y1="{ly:.1}" y2="{ly:.1}" stroke="{colour}" stroke-width="2"/><text x="{:.1}" y="{:.1}">{}</text>"#,
                LEFT + w + 12.0,
                LEFT + w + 32.0,
                LEFT + w + 38.0,
                ly + 4.0,
                escape(&series.name)
            );
        }
        for mark in &self.marks {
            if !(mark.x.is_finite() && mark.y.is_finite()) {
                continue;
            }
            let (x, y) = (px(mark.x), py(mark.y));
            let _ = writeln!(
                s,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="6" fill="none" stroke="#000" stroke-width="1.5"/><text x="{:.1}" y="{:.1}" font-size="11">{}</text>"##,
                x + 8.0,
                y - 8.0,
                escape(&mark.label)
            );
        }
        s.push_str("</svg>\n");
        s
    }

    /// The frame: axes, ticks with their grid lines, and the axis labels.
    fn axes(
        &self,
        s: &mut String,
        [x0, x1, y0, y1]: [f64; 4],
        px: &dyn Fn(f64) -> f64,
        py: &dyn Fn(f64) -> f64,
    ) {
        let fx = |x: f64| if self.log_x { x.max(1e-300).log10() } else { x };
        let (w, h) = (WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        // Axes and ticks.
        let _ = writeln!(
            *s,
            r##"<path d="M{LEFT} {TOP} V{:.1} H{:.1}" fill="none" stroke="#333"/>"##,
            TOP + h,
            LEFT + w
        );
        for t in ticks(y0, y1) {
            let y = py(t);
            let _ = writeln!(
                *s,
                r##"<line x1="{LEFT}" x2="{:.1}" y1="{y:.1}" y2="{y:.1}" stroke="#e5e5e5"/><text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"##,
                LEFT + w,
                LEFT - 6.0,
                y + 4.0,
                label(t)
            );
        }
        let xticks: Vec<f64> = if self.log_x {
            let (a, b) = (x0.floor() as i32, x1.ceil() as i32);
            (a..=b)
                .map(|e| 10f64.powi(e))
                .filter(|&v| fx(v) >= x0 - 1e-9 && fx(v) <= x1 + 1e-9)
                .collect()
        } else {
            ticks(x0, x1)
        };
        for t in xticks {
            let x = px(t);
            let _ = writeln!(
                *s,
                r##"<line x1="{x:.1}" x2="{x:.1}" y1="{:.1}" y2="{:.1}" stroke="#333"/><text x="{x:.1}" y="{:.1}" text-anchor="middle">{}</text>"##,
                TOP + h,
                TOP + h + 5.0,
                TOP + h + 19.0,
                label(t)
            );
        }
        let _ = writeln!(
            *s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            LEFT + w / 2.0,
            HEIGHT - 10.0,
            escape(&self.x_label)
        );
        let _ = writeln!(
            *s,
            r#"<text transform="translate(16 {:.1}) rotate(-90)" text-anchor="middle">{}</text>"#,
            TOP + h / 2.0,
            escape(&self.y_label)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(ticks(0.0, 1.0).len(), 6);
        assert!((ticks(0.0, 1.0)[3] - 0.6).abs() < 1e-12);
        assert_eq!(ticks(0.0, 45.0), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        assert_eq!(label(0.25), "0.25");
        assert_eq!(label(40.0), "40");
    }

    #[test]
    fn a_chart_is_a_well_formed_svg_with_its_parts() {
        let chart = Chart {
            title: "Load <curve>".into(),
            x_label: "rate".into(),
            y_label: "throughput".into(),
            log_x: true,
            series: vec![Series {
                name: "all".into(),
                points: vec![(1.0, 0.5), (10.0, 0.8), (100.0, 0.1)],
                intervals: vec![(0.4, 0.6), (0.7, 0.9), (0.0, 1.2)],
            }],
            marks: vec![Mark { x: 10.0, y: 0.8, label: "peak".into() }],
        };
        let svg = chart.to_svg();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("Load &lt;curve&gt;") && svg.contains(">peak<"));
        assert_eq!(svg.matches("<circle").count(), 4);
        assert_eq!(svg.matches(r#"class="interval""#).count(), 3);
        assert!(svg.contains(">10<") && svg.contains(">100<"), "{svg}");
    }
}
