//! The report as text, as JSON, and as files.

use std::fmt::Write as _;

use super::Report;
use super::doc::{Block, Cell, Span, Table};

/// The widest bar of a table, in characters.
const BAR: usize = 20;

/// Lines longer than this wrap (tables excepted).
const WIDTH: usize = 100;

/// `text` after `indent` spaces, wrapped at [`WIDTH`] at spaces, the continuation lines two
/// spaces further in.
fn wrapped(w: &mut String, indent: usize, text: &str) {
    let mut line = " ".repeat(indent);
    let mut empty = true;
    for word in text.split(' ') {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            let _ = writeln!(w, "{line}");
            line = " ".repeat(indent + 2);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    let _ = writeln!(w, "{line}");
}

fn spans(s: &[Span]) -> String {
    s.iter().map(Span::shown).collect()
}

fn cell(c: &Cell) -> String {
    match c {
        Cell::Spans(s) => spans(s),
        Cell::Bar(share) => "#".repeat((BAR as f64 * share.clamp(0.0, 1.0)).round() as usize),
    }
}

/// A table with columns as wide as their widest cell, indented by two spaces.
fn table(w: &mut String, t: &Table) {
    let cells: Vec<Vec<String>> = t.rows.iter().map(|r| r.iter().map(cell).collect()).collect();
    let widths: Vec<usize> = (0..t.head.len())
        .map(|c| {
            cells
                .iter()
                .map(|r| r[c].chars().count())
                .chain([t.head[c].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut row = |items: &[String]| {
        let mut line = String::new();
        for (c, item) in items.iter().enumerate() {
            let pad = widths[c] - item.chars().count();
            line.push_str("  ");
            if t.right[c] {
                line.push_str(&" ".repeat(pad));
                line.push_str(item);
            } else {
                line.push_str(item);
                line.push_str(&" ".repeat(pad));
            }
        }
        let _ = writeln!(w, "{}", line.trim_end());
    };
    row(&t.head);
    for r in &cells {
        row(r);
    }
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
        let doc = self.doc();
        let mut out = String::new();
        let w = &mut out;
        let _ = writeln!(w, "{}", doc.title);
        let _ = writeln!(w, "{}", "=".repeat(doc.title.chars().count().max(40)));
        for (i, section) in doc.sections.iter().enumerate() {
            if let Some(heading) = &section.heading {
                let _ = writeln!(w);
                wrapped(w, 0, &spans(heading));
            } else if i > 0 {
                let _ = writeln!(w);
            }
            for block in &section.blocks {
                match block {
                    Block::Lead(s) => {
                        let _ = writeln!(w, "{}\n", spans(s));
                    }
                    Block::Line { indent, spans: s } => wrapped(w, 2 * (indent + 1), &spans(s)),
                    Block::Omitted(line) => wrapped(w, 2, line),
                    Block::Table(t) => table(w, t),
                    Block::Chart(_) => {}
                }
            }
        }
        let _ = writeln!(w, "\n{}", doc.footer);
        out
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
    /// `report.json`, `report.html` and the [charts](Report::charts); returns the files
    /// written.
    ///
    /// ```
    /// let net = reseau::datasets::aarhus_cs();
    /// let report = reseau::report::report(&net, &reseau::report::ReportRequest::quick().seed(1))?;
    /// let dir = std::env::temp_dir().join(format!("reseau-doc-{}", std::process::id()));
    /// let files = report.write(&dir)?;
    /// assert_eq!(files.len(), 8);
    /// assert!(std::fs::read_to_string(dir.join("report.txt"))?.contains("Balance"));
    /// assert!(std::fs::read_to_string(dir.join("report.html"))?.contains("<svg"));
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
            ("report.html".to_owned(), self.html()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_at_spaces() {
        let mut w = String::new();
        let words = vec!["word"; 40].join(" ");
        wrapped(&mut w, 2, &words);
        let lines: Vec<&str> = w.lines().collect();
        assert!(lines.len() > 1 && lines.iter().all(|l| l.chars().count() <= WIDTH));
        assert!(lines[0].starts_with("  word") && lines[1].starts_with("    word"));
        assert_eq!(w.split_whitespace().count(), 40);
    }
}
