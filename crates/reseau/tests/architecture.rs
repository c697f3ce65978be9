//! The core's module graph, read from its `use crate::…` and `super::…` paths: no module
//! imports another in a circle, neither between the top-level modules nor between the files
//! of one module, and `docs/architecture.md` draws the graph as it is.
//!
//! Rewrite the drawing after a deliberate change with
//! `RESEAU_BLESS=1 cargo test -p reseau --test architecture`. `RESEAU_ARCH_SRC=<dir>` reads
//! another source tree instead (how the "before" drawing was made) and prints its graph.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, as (module path, text) with the module path relative to the
/// crate root (`cascade::engine`, `cascade` for `cascade/mod.rs`).
fn files(root: &Path, dir: &Path, out: &mut Vec<(Vec<String>, String)>) {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap().with_extension("");
            let mut module: Vec<String> =
                rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if module.last().is_some_and(|m| m == "mod" || m == "lib") {
                module.pop();
            }
            out.push((module, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The code of a file without comments, string literals and its `#[cfg(test)]` module (test
/// code may use what it tests from anywhere).
fn code(text: &str) -> String {
    // The test module: `#[cfg(test)]`, maybe more attributes, then `mod`.
    let test_module = text.match_indices("#[cfg(test)]").find(|(i, _)| {
        let after = &text[i + "#[cfg(test)]".len()..];
        after
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with("#["))
            .is_some_and(|l| l.starts_with("mod "))
    });
    let text = match test_module {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let mut out = String::new();
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("");
        // Drop string literals: paths in messages are not imports.
        let mut in_string = false;
        for c in line.chars() {
            if c == '"' {
                in_string = !in_string;
            } else if !in_string {
                out.push(c);
            }
        }
        out.push('\n');
    }
    out
}

/// Every path a file names: its `use` trees expanded (`use a::{b, c::d}` gives `a::b` and
/// `a::c::d`) and the `crate::…`/`super::…` paths in its code.
fn paths(code: &str) -> Vec<Vec<String>> {
    fn expand(prefix: &[String], tree: &str, out: &mut Vec<Vec<String>>) {
        let tree = tree.trim();
        if let Some(open) = tree.find('{') {
            let mut base = prefix.to_vec();
            base.extend(segments(&tree[..open]));
            let inner = &tree[open + 1..tree.rfind('}').unwrap()];
            let (mut depth, mut start) = (0, 0);
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&base, &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            expand(&base, &inner[start..], out);
        } else {
            let mut path = prefix.to_vec();
            path.extend(segments(tree.split(" as ").next().unwrap()));
            if !path.is_empty() {
                out.push(path);
            }
        }
    }
    fn segments(s: &str) -> Vec<String> {
        s.split("::").map(str::trim).filter(|x| !x.is_empty()).map(str::to_owned).collect()
    }
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before = rest[..i].chars().last();
        let after = &rest[i + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            rest = after;
            continue;
        }
        let end = after.find(';').unwrap_or(after.len());
        expand(&[], &after[..end], &mut out);
        rest = &after[end..];
    }
    for start in ["crate::", "super::"] {
        for (i, _) in code.match_indices(start) {
            if code[..i].chars().last().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let tail: String = code[i..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(tail.split("::").filter(|s| !s.is_empty()).map(str::to_owned).collect());
        }
    }
    out
}

/// The module graph: top-level edges, and per directory the edges between its files.
struct Graph {
    top: BTreeMap<String, BTreeSet<String>>,
    within: BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
}

fn graph(src: &Path) -> Graph {
    let mut all = Vec::new();
    files(src, src, &mut all);
    let modules: BTreeSet<Vec<String>> = all.iter().map(|(m, _)| m.clone()).collect();
    // Names each `mod.rs` re-exports from its children (`pub use child::{A, B}`).
    let mut reexports: BTreeMap<(Vec<String>, String), String> = BTreeMap::new();
    for (module, text) in &all {
        for path in paths(&code(text)) {
            let is_child = path.len() >= 2
                && modules.contains(&[module.clone(), vec![path[0].clone()]].concat());
            if is_child {
                reexports.insert((module.clone(), path.last().unwrap().clone()), path[0].clone());
            }
        }
    }
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut within: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for (module, text) in &all {
        let Some(first) = module.first() else { continue };
        top.entry(first.clone()).or_default();
        for path in paths(&code(text)) {
            // The path from the crate root.
            let absolute: Vec<String> = match path.first().map(String::as_str) {
                Some("crate") => path[1..].to_vec(),
                Some("super") => {
                    let parent = &module[..module.len() - 1];
                    [parent.to_vec(), path[1..].to_vec()].concat()
                }
                _ => continue,
            };
            let Some(name) = absolute.first() else { continue };
            // A module, or a name the crate root re-exports from one (`crate::Network`).
            let target = if modules.contains(&vec![name.clone()]) {
                Some(name.clone())
            } else {
                reexports.get(&(Vec::new(), name.clone())).cloned()
            };
            if let Some(target) = target.filter(|t| t != first) {
                top.get_mut(first).unwrap().insert(target);
            }
            // Between two files of the same directory (not its mod.rs).
            if module.len() >= 2
                && absolute.len() >= 2
                && absolute[..module.len() - 1] == module[..module.len() - 1]
            {
                let dir = module[..module.len() - 1].to_vec();
                let next = &absolute[module.len() - 1];
                let sibling = if modules.contains(&[dir.clone(), vec![next.clone()]].concat()) {
                    Some(next.clone())
                } else {
                    reexports.get(&(dir.clone(), next.clone())).cloned()
                };
                let me = module.last().unwrap();
                if let Some(sibling) = sibling.filter(|s| s != me) {
                    within
                        .entry(dir.join("::"))
                        .or_default()
                        .entry(me.clone())
                        .or_default()
                        .insert(sibling);
                }
            }
        }
    }
    Graph { top, within }
}

/// A cycle of `edges`, if there is one.
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_owned(), 1);
        stack.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            match state.get(next.as_str()) {
                Some(1) => {
                    let from = stack.iter().position(|n| n == next).unwrap();
                    let mut found = stack[from..].to_vec();
                    found.push(next.clone());
                    return Some(found);
                }
                Some(_) => {}
                None => {
                    if let Some(found) = visit(next, edges, state, stack) {
                        return Some(found);
                    }
                }
            }
        }
        stack.pop();
        state.insert(node.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in edges.keys() {
        if !state.contains_key(node) {
            if let Some(found) = visit(node, edges, &mut state, &mut Vec::new()) {
                return Some(found);
            }
        }
    }
    None
}

/// Every cycle's edges: the pairs (a, b) with b reaching back to a.
fn cyclic_edges(edges: &BTreeMap<String, BTreeSet<String>>) -> BTreeSet<(String, String)> {
    let reaches = |from: &str, to: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_owned()];
        while let Some(n) = stack.pop() {
            if n == to {
                return true;
            }
            if seen.insert(n.clone()) {
                stack.extend(edges.get(&n).into_iter().flatten().cloned());
            }
        }
        false
    };
    let mut out = BTreeSet::new();
    for (a, targets) in edges {
        for b in targets {
            if reaches(b, a) {
                out.insert((a.clone(), b.clone()));
            }
        }
    }
    out
}

/// The top-level graph as a mermaid diagram, edges in a cycle drawn thick.
fn mermaid(edges: &BTreeMap<String, BTreeSet<String>>) -> String {
    let cyclic = cyclic_edges(edges);
    let mut out = String::from("```mermaid\nflowchart TD\n");
    let mut thick = Vec::new();
    let mut index = 0;
    for (a, targets) in edges {
        if targets.is_empty() {
            let _ = writeln!(out, "    {a}");
        }
        for b in targets {
            if cyclic.contains(&(a.clone(), b.clone())) {
                let _ = writeln!(out, "    {a} ==> {b}");
                thick.push(index);
            } else {
                let _ = writeln!(out, "    {a} --> {b}");
            }
            index += 1;
        }
    }
    if !thick.is_empty() {
        let list: Vec<String> = thick.iter().map(ToString::to_string).collect();
        let _ = writeln!(out, "    linkStyle {} stroke:#c00,stroke-width:3px", list.join(","));
    }
    out.push_str("```\n");
    out
}

const BEGIN: &str = "<!-- module graph: begin (tests/architecture.rs) -->\n";
const END: &str = "<!-- module graph: end -->\n";

/// The bottom layer of the module graph.
const BOTTOM: [&str; 5] = ["error", "rng", "math", "stats", "memory"];

#[test]
fn no_module_imports_another_in_a_circle() {
    let src = std::env::var_os("RESEAU_ARCH_SRC")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), PathBuf::from);
    let g = graph(&src);
    if std::env::var_os("RESEAU_ARCH_SRC").is_some() {
        println!("{}", mermaid(&g.top));
        for (dir, edges) in &g.within {
            println!("{dir}: {edges:?}; cycle: {:?}", cycle(edges));
        }
        return;
    }
    assert!(g.top.len() > 10, "the modules were read: {:?}", g.top.keys());
    assert!(g.top["report"].contains("balance"), "the edges were read: {:?}", g.top["report"]);
    assert_eq!(cycle(&g.top), None, "a cycle between top-level modules");
    for (dir, edges) in &g.within {
        assert_eq!(cycle(edges), None, "a cycle between the files of {dir}");
    }
    // The bottom of the graph imports nothing above it (only other bottom modules).
    for bottom in BOTTOM {
        let above: Vec<&String> =
            g.top[bottom].iter().filter(|m| !BOTTOM.contains(&m.as_str())).collect();
        assert!(above.is_empty(), "{bottom} imports {above:?}");
    }
    assert_eq!(g.top["control"], BTreeSet::from(["error".to_owned()]));

    let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/architecture.md");
    let text = std::fs::read_to_string(&doc).unwrap();
    let (Some(b), Some(e)) = (text.find(BEGIN), text.find(END)) else {
        panic!("{}: no module graph markers", doc.display())
    };
    let drawn = &text[b + BEGIN.len()..e];
    let now = mermaid(&g.top);
    if std::env::var_os("RESEAU_BLESS").is_some() {
        let updated = format!("{}{now}{}", &text[..b + BEGIN.len()], &text[e..]);
        std::fs::write(&doc, updated).unwrap();
        return;
    }
    assert_eq!(drawn, now, "docs/architecture.md draws another graph (bless with RESEAU_BLESS=1)");
}

#[test]
fn a_cycle_is_found() {
    let edges: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_owned(), BTreeSet::from(["b".to_owned()])),
        ("b".to_owned(), BTreeSet::from(["c".to_owned()])),
        ("c".to_owned(), BTreeSet::from(["a".to_owned()])),
        ("d".to_owned(), BTreeSet::from(["a".to_owned()])),
    ]
    .into();
    assert_eq!(cycle(&edges).map(|c| c.len()), Some(4));
    assert_eq!(cyclic_edges(&edges).len(), 3);
    let mut acyclic = edges;
    acyclic.get_mut("c").unwrap().clear();
    assert_eq!(cycle(&acyclic), None);
    assert!(mermaid(&acyclic).contains("d --> a"));
}

#[test]
fn paths_are_read_from_use_trees_and_code() {
    let found = paths("use crate::a::{b, c::{d, e as f}};\nfn g() { super::h::i(); }\n");
    assert!(found.contains(&vec!["crate".into(), "a".into(), "c".into(), "e".into()]));
    assert!(found.contains(&vec!["super".into(), "h".into(), "i".into()]));
    assert!(code("let x = \"crate::no\"; // crate::nor\n").find("crate").is_none());
}
