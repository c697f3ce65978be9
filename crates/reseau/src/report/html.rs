//! The report as one self-contained HTML page: the same sections, tables and charts as the
//! text, the charts inline as SVG, no script, no font or file from elsewhere, readable on a
//! phone (the tables scroll sideways, the charts shrink to the screen).

use std::fmt::Write as _;

use super::Report;
use super::doc::{Block, Cell, Span, Table};

/// The page's style: system fonts, a readable column, tables that scroll on a narrow screen.
const STYLE: &str = "\
:root{color-scheme:light;--ink:#1d1d1f;--muted:#5f6368;--rule:#e3e3e3;--accent:#1f77b4}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:var(--ink);background:#fff;overflow-wrap:anywhere}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.15rem;margin:2rem 0 .5rem;padding-top:.5rem;border-top:1px solid var(--rule)}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:0 0 1rem;list-style:none;font-size:.9rem}
nav a{color:var(--accent)}
p{margin:.35rem 0}
p.lead{font-size:1.05rem}
p.nested{margin-left:1.5rem;color:var(--muted)}
p.omitted{padding:.5rem .75rem;border-left:4px solid #f0b429;background:#fff8e6}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.5rem 0}
table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:.92rem}
th,td{padding:.25rem .6rem;border-bottom:1px solid var(--rule);white-space:nowrap;text-align:left}
th{font-weight:600;border-bottom:2px solid var(--ink)}
td.r,th.r{text-align:right}
.bar{display:inline-block;width:8rem;height:.7rem;background:#eef3f8}
.bar span{display:block;height:100%;background:var(--accent)}
figure{margin:1rem 0}
figure svg{display:block;width:100%;max-width:640px;height:auto}
footer{margin:2rem 0 1rem;color:var(--muted);font-size:.9rem}
@media (max-width:40rem){main{padding:.6rem}body{font-size:15px}th,td{padding:.2rem .4rem}}
";

/// `s` with the characters that HTML gives a meaning escaped (text and attribute values).
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Spans as HTML: a number of the report as `<data>` with its exact value and JSON path.
fn spans(s: &[Span]) -> String {
    let mut out = String::new();
    for span in s {
        match span {
            Span::Text(text) => out.push_str(&escape(text)),
            Span::Num { shown, value, path } => {
                let _ = write!(
                    out,
                    r#"<data value="{value}" data-path="{}">{}</data>"#,
                    escape(path),
                    escape(shown)
                );
            }
        }
    }
    out
}

fn table(w: &mut String, t: &Table) {
    let class = |c: usize| if t.right[c] { r#" class="r""# } else { "" };
    w.push_str("<div class=\"scroll\"><table>\n<thead><tr>");
    for (c, h) in t.head.iter().enumerate() {
        let _ = write!(w, "<th{}>{}</th>", class(c), escape(h));
    }
    w.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        w.push_str("<tr>");
        for (c, cell) in row.iter().enumerate() {
            let inner = match cell {
                Cell::Spans(s) => spans(s),
                Cell::Bar(share) => format!(
                    r#"<span class="bar" role="img" aria-label="{0:.0}%"><span style="width:{0:.1}%"></span></span>"#,
                    100.0 * share.clamp(0.0, 1.0)
                ),
            };
            let _ = write!(w, "<td{}>{inner}</td>", class(c));
        }
        w.push_str("</tr>\n");
    }
    w.push_str("</tbody></table></div>\n");
}

impl Report {
    /// The report as one self-contained HTML page (what [`Report::write`] saves as
    /// `report.html`): the sections, tables and charts of the [text](Report::text), with the
    /// charts inline as SVG, no script and nothing fetched from elsewhere, laid out for a
    /// phone as well as a desktop. Every number taken from the report's JSON is a
    /// `<data value="…" data-path="…">` element holding its exact value and its path in
    /// [`Report::to_json`].
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs();
    /// let report = reseau::report::report(&net, &reseau::report::ReportRequest::quick().seed(1))?;
    /// let page = report.html();
    /// assert!(page.contains(r#"<meta name="viewport""#));
    /// assert_eq!(page.matches("<svg").count(), report.charts().len());
    /// assert!(page.contains(r#"<data value="61" data-path="network.people">61</data>"#));
    /// // Nothing to fetch: no script, no link, no source, no URL but the SVG namespace.
    /// let fetches = ["<script", "<link", "src=", "url(", "@import"];
    /// assert!(fetches.iter().all(|f| !page.contains(f)));
    /// assert_eq!(page.matches("http").count(), page.matches("http://www.w3.org/2000/svg").count());
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn html(&self) -> String {
        let doc = self.doc();
        let charts: std::collections::BTreeMap<String, String> =
            self.charts().into_iter().collect();
        let mut w = String::new();
        let _ = write!(
            w,
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"reseau {}\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
            env!("CARGO_PKG_VERSION"),
            escape(&doc.title),
            escape(&doc.title)
        );
        w.push_str("<nav><ul>");
        for section in &doc.sections {
            let _ =
                write!(w, "<li><a href=\"#{}\">{}</a></li>", section.id, escape(short(section.id)));
        }
        w.push_str("</ul></nav>\n");
        for section in &doc.sections {
            let _ = writeln!(w, "<section id=\"{}\">", section.id);
            let heading =
                section.heading.as_deref().map_or_else(|| escape(short(section.id)), spans);
            let _ = writeln!(w, "<h2>{heading}</h2>");
            for block in &section.blocks {
                match block {
                    Block::Lead(s) => {
                        let _ = writeln!(w, "<p class=\"lead\">{}</p>", spans(s));
                    }
                    Block::Line { indent, spans: s } => {
                        let class = if *indent > 0 { " class=\"nested\"" } else { "" };
                        let _ = writeln!(w, "<p{class}>{}</p>", spans(s));
                    }
                    Block::Omitted(line) => {
                        let _ = writeln!(w, "<p class=\"omitted\">{}</p>", escape(line));
                    }
                    Block::Table(t) => table(&mut w, t),
                    Block::Chart(name) => {
                        if let Some(svg) = charts.get(*name) {
                            let _ = write!(
                                w,
                                "<figure data-chart=\"{}\">\n{}</figure>\n",
                                escape(name),
                                svg
                            );
                        }
                    }
                }
            }
            w.push_str("</section>\n");
        }
        let _ = write!(w, "<footer>{}</footer>\n</main>\n</body>\n</html>\n", escape(&doc.footer));
        w
    }
}

/// A section's name in the contents.
fn short(id: &str) -> &'static str {
    match id {
        "network" => "The network",
        "relays" => "Whom to enlist",
        "campaign" => "A campaign",
        "referrals" => "Referrals",
        "balance" => "Balance",
        "decline" => "Decline",
        "claims" => "The claims",
        _ => "Section",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
        let s = spans(&[
            Span::Text("a < b".into()),
            Span::Num { shown: "1.5%".into(), value: 0.015, path: "x.y".into() },
        ]);
        assert_eq!(s, r#"a &lt; b<data value="0.015" data-path="x.y">1.5%</data>"#);
    }
}
