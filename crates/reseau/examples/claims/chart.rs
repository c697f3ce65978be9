//! A plain SVG dot plot with intervals: one row per network, one colour per series.

use std::fmt::Write as _;

/// A value and its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Dot {
    /// The value.
    pub(crate) value: f64,
    /// The interval's low end.
    pub(crate) low: f64,
    /// The interval's high end.
    pub(crate) high: f64,
}

const COLOURS: [&str; 6] = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

/// Escapes text for SVG.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A dot plot: `rows` of (label, one optional dot per series), x from `x_min` to `x_max`.
pub(crate) fn dot_plot(
    title: &str,
    x_label: &str,
    series: &[&str],
    rows: &[(String, Vec<Option<Dot>>)],
    [x_min, x_max]: [f64; 2],
) -> String {
    let (left, width, row_h, top) = (190.0, 460.0, 22.0, 50.0);
    #[allow(clippy::cast_precision_loss)]
    let height = top + row_h * rows.len() as f64 + 60.0;
    let x = |v: f64| left + width * ((v.clamp(x_min, x_max) - x_min) / (x_max - x_min));
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{height}" font-family="sans-serif" font-size="11">"#,
        w = left + width + 30.0
    );
    let _ = writeln!(s, r#"<text x="10" y="18" font-size="13">{}</text>"#, esc(title));
    for (i, name) in series.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let lx = 10.0 + 170.0 * i as f64;
        let _ = writeln!(
            s,
            r#"<circle cx="{lx}" cy="34" r="4" fill="{c}"/><text x="{tx}" y="38">{n}</text>"#,
            c = COLOURS[i % COLOURS.len()],
            tx = lx + 8.0,
            n = esc(name)
        );
    }
    for (r, (label, dots)) in rows.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = top + row_h * (r as f64 + 0.5);
        let _ = writeln!(
            s,
            r##"<text x="{}" y="{}" text-anchor="end">{}</text><line x1="{left}" x2="{}" y1="{y}" y2="{y}" stroke="#eee"/>"##,
            left - 8.0,
            y + 4.0,
            esc(label),
            left + width
        );
        #[allow(clippy::cast_precision_loss)]
        let n = dots.len().max(1) as f64;
        for (i, dot) in dots.iter().enumerate() {
            let Some(d) = dot else { continue };
            #[allow(clippy::cast_precision_loss)]
            let dy = y + (i as f64 - (n - 1.0) / 2.0) * 5.0;
            let c = COLOURS[i % COLOURS.len()];
            let _ = writeln!(
                s,
                r#"<line x1="{:.1}" x2="{:.1}" y1="{dy:.1}" y2="{dy:.1}" stroke="{c}"/><circle cx="{:.1}" cy="{dy:.1}" r="3" fill="{c}"/>"#,
                x(d.low),
                x(d.high),
                x(d.value)
            );
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let bottom = top + row_h * rows.len() as f64;
    let _ = writeln!(
        s,
        r##"<line x1="{left}" x2="{}" y1="{bottom}" y2="{bottom}" stroke="#333"/>"##,
        left + width
    );
    for k in 0..=4 {
        let v = x_min + (x_max - x_min) * f64::from(k) / 4.0;
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{}" text-anchor="middle">{}</text>"#,
            x(v),
            bottom + 15.0,
            format_tick(v)
        );
    }
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" text-anchor="middle">{}</text></svg>"#,
        left + width / 2.0,
        bottom + 35.0,
        esc(x_label)
    );
    s
}

fn format_tick(v: f64) -> String {
    if v.abs() >= 10.0 { format!("{v:.0}") } else { format!("{v:.2}") }
}
