"""Issue 16's sections of the harness: relay selection against SUBSIM (the `subsim-side`
program), the growth series to 10^8 ties (the `growth-ties` program), the memory budget (its
tests, run), and the issue-16 targets table, each target met or missed, decided here.

Every section keeps its measures in results/*.json, so that sections run at different times
(the Barabási–Albert rows alone, say) still make one table; each row names the command and
date that measured it. `harness.py` calls these (sections subsim, growth16, budget); alone,
`python3 benches/compare/targets16.py [--sections …] [options]` runs the sections asked for
(none by default) and rewrites results/targets16.md from the saved measures. It needs no
virtual environment: the programs are Rust (built here with cargo); SUBSIM must have been
built by `benches/compare/run` (or `make` in a copy at target/subsim).
"""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import subprocess
import sys
from typing import Any, Dict, List, Optional

import common

RESULTS = common.HERE / "results"
SUBSIM_GRAPHS = ["ego-Facebook", "ca-HepTh", "email-Enron", "BA-1e6"]
# The growth series' default sizes (directed ties); 10^8 only when asked (minutes, ~3 GB).
GROWTH_TIES = [10_000, 100_000, 1_000_000, 10_000_000]
# Issue 16's bounds.
CYNETDIFF_GOAL = 3.0
GROWTH_BOUND = 1.5
SUBSIM_GOAL = 2.0
SPREAD_SLACK = -1.0  # percent
BYTES_PER_TIE = 16.0
# The memory budget's tests (crates/reseau/tests): refused up front, or switched, never killed.
BUDGET_TESTS = [
    ("hist", "a_small_memory_budget_switches_to_hist_else_refuses"),
    ("resources", "imm_hands_over_to_hist_or_stops_as_soon_as_its_rr_sets_would_not_fit"),
    ("memory_budget", "the_environment_sets_the_budget_of_calls_without_max_memory"),
]


def now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def load(name: str) -> Optional[Any]:
    path = RESULTS / name
    return json.loads(path.read_text()) if path.exists() else None


def save(name: str, value: Any) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / name).write_text(json.dumps(value, indent=1) + "\n")


def cargo_binary(name: str) -> pathlib.Path:
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", common.ROOT / "target"))
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "reseau-benches", "--bin", name],
                   cwd=common.ROOT, check=True)
    return target / "release" / name


# --- relay selection against SUBSIM -----------------------------------------------------------

def run_subsim(graphs: List[str], hist: bool, repeat: int, eval_runs: int) -> List[Dict[str, Any]]:
    """Runs `subsim-side` on `graphs` (OPIM-C under WC and IC p = 0.01; HIST under IC p = 0.1
    when `hist`), merges its rows into results/subsim.json (a row replaces the saved row of the
    same graph, model and contest) and returns them all."""
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", common.ROOT / "target"))
    subsim = target / "subsim"
    if not (subsim / "subsim").exists():
        print(f"skipping SUBSIM: no build at {subsim} (benches/compare/run builds it)",
              file=sys.stderr)
        return (load("subsim.json") or {}).get("rows", [])
    binary = cargo_binary("subsim-side")
    tmp = RESULTS / "subsim-last.md"
    argv = ["--repeat", str(repeat), "--eval-runs", str(eval_runs), "--graphs", ",".join(graphs)]
    if hist:
        argv.append("--hist")
    subprocess.run([str(binary), "--subsim", str(subsim), "--shared", str(common.DATA.parent.parent),
                    "--out", str(tmp)] + argv, check=True)
    return merge_subsim(tmp.with_suffix(".json"))


def merge_subsim(path: pathlib.Path, date: Optional[str] = None) -> List[Dict[str, Any]]:
    """Merges the rows of one `subsim-side` run (its FILE.json) into results/subsim.json,
    stamped with `date` (when the run was made, for an import; now otherwise)."""
    fresh = json.loads(path.read_text())
    stamp = {"command": fresh["command"], "date": date or now(), "load_start": fresh["load_start"],
             "load_end": fresh["load_end"], "repeat": fresh["repeat"],
             "eval_runs": fresh["eval_runs"]}
    saved = (load("subsim.json") or {}).get("rows", [])
    key = lambda r: (r["graph"], r["model"], r["contest"])  # noqa: E731
    new = {key(r): dict(r, **stamp) for r in fresh["rows"]}
    rows = [new.pop(key(r), r) for r in saved] + list(new.values())
    order = {g: i for i, g in enumerate(SUBSIM_GRAPHS)}
    models = {"wc": 0, "ic:0.01": 1, "ic:0.1": 2}
    rows.sort(key=lambda r: (order.get(r["graph"], 99), r["contest"] == "hist",
                             models.get(r["model"], 9)))
    save("subsim.json", {"rows": rows})
    return rows


def mb(b: Optional[float]) -> str:
    return f"{b / 1e6:,.0f} MB" if b else "—"


def subsim_markdown(rows: List[Dict[str, Any]]) -> str:
    def num(x: Optional[float], fmt: str) -> str:
        return "—" if x is None else format(x, fmt)

    def spread(m: Optional[float], se: Optional[float]) -> str:
        return "—" if m is None else f"{m:,.1f} ± {se:.1f}"

    body = []
    for r in rows:
        ours = (f"refused: {r['reseau_error']}" if r["reseau_error"] else
                f"{r['reseau_wall']:.4f} ({r['reseau_cpu']:.4f} CPU)")
        theirs = r["subsim_error"] or num(r["subsim_wall"], ".4f")
        body.append([r["graph"], "WC" if r["model"] == "wc" else r["model"].replace("ic:", "IC p = "),
                     "HIST vs HIST" if r["contest"] == "hist" else "OPIM-C vs SUBSIM",
                     ours, theirs, num(r["ratio"], ".2f") + ("×" if r["ratio"] else ""),
                     f"{r['reseau_rrsets']:,}" if r["reseau_rrsets"] else "—",
                     f"{r['subsim_rrsets']:,}" if r["subsim_rrsets"] else "—",
                     spread(r["reseau_spread"], r["reseau_se"]),
                     spread(r["subsim_spread"], r["subsim_se"]),
                     num(r["delta_percent"], "+.2f") + ("%" if r["delta_percent"] is not None else ""),
                     mb(r["reseau_peak_bytes"]), mb(r["subsim_peak_bytes"]),
                     "met" if r["met"] else "**missed**",
                     f"{r['date']}, load {r['load_start']:.1f}→{r['load_end']:.1f}"])
    commands = sorted({r["command"] for r in rows})
    head = ("k = 50, ε = 0.1, δ = 1/n, one thread each, alternating. Times are each program's own "
            "wall-clock measure of its selection with the graph loaded (SUBSIM reports only that; "
            "reseau's processor time in parentheses); the ratio is SUBSIM's wall time over "
            "reseau's. RR sets: both collections (R1 and R2, as SUBSIM counts them). Spread: "
            "reseau's Monte Carlo of each side's choices (seed 2), mean ± standard error. Peak: "
            "each process's maximum resident set, graph included. Target: ratio ≥ 2× and spread ≥ "
            "theirs − 1%. Measured by " + "; ".join(f"`{c}`" for c in commands) + ".\n\n")
    return head + common.table(
        ["graph", "model", "contest", "reseau s", "SUBSIM s", "SUBSIM / reseau", "reseau RR sets",
         "SUBSIM RR sets", "reseau spread", "SUBSIM spread", "Δ spread", "reseau peak",
         "SUBSIM peak", "target", "measured"], body, right=[3, 4, 5, 6, 7, 8, 9, 10, 11, 12])


# --- the growth series to 10^8 ties -----------------------------------------------------------

def run_growth(sizes: List[int], repeat: int) -> Dict[str, Any]:
    binary = cargo_binary("growth-ties")
    load_start = os.getloadavg()[0]
    out = subprocess.run([str(binary), "--ties", ",".join(map(str, sizes)), "--repeat", str(repeat)],
                         check=True, capture_output=True, text=True)
    points = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    record = {"command": "growth-ties --ties " + ",".join(map(str, sizes)) + f" --repeat {repeat}",
              "date": now(), "load_start": load_start, "load_end": os.getloadavg()[0],
              "points": points}
    save("growth16.json", record)
    return record


def caches() -> str:
    """This machine's data caches (Linux sysfs), e.g. "L1d 48K, L2 1024K, L3 32768K"."""
    out = []
    for index in sorted(pathlib.Path("/sys/devices/system/cpu/cpu0/cache").glob("index*")):
        try:
            kind = (index / "type").read_text().strip()
            if kind == "Instruction":
                continue
            level = (index / "level").read_text().strip()
            size = (index / "size").read_text().strip()
            out.append(f"L{level}{'d' if kind == 'Data' else ''} {size}")
        except OSError:
            continue
    return ", ".join(out) or "unknown"


def growth_markdown(g: Dict[str, Any]) -> str:
    rows = [[f"{p['directed_ties']:,}", f"{p['people']:,}", f"{p['bytes_per_tie']:.2f}",
             f"{p['bytes_per_tie'] * p['directed_ties'] / 1e6:,.{1 if p['directed_ties'] < 10 ** 6 else 0}f}",
             f"{p['runs']:,}", f"{p['mean_spread']:,.0f}", f"{p['ties_examined_per_run']:,.0f}",
             f"{p['cpu'] / p['runs'] * 1e3:,.2f}", f"{p['ns_per_tie']:.2f}",
             f"{p['ns_per_tie'] / g['points'][0]['ns_per_tie']:.2f}×",
             f"{p['cpu'] / p['runs'] * 1e9 / p['mean_spread']:,.0f}", mb(p["peak_bytes"])]
            for p in g["points"]]
    return (f"`{g['command']}` ({g['date']}, load average {g['load_start']:.1f} at the start, "
            f"{g['load_end']:.1f} at the end): Independent Cascade p = 0.1, ten seeds, one thread, "
            "processor time; Barabási–Albert networks (m = 5, seed 1) generated straight as compiled "
            "views. Ties examined per run = Σ P(convinced) × out-degree. This machine's data "
            f"caches: {caches()} (per core; the last level shared).\n\n"
            + common.table(["directed ties", "people", "bytes / directed tie", "view (MB)",
                            "runs a batch", "mean spread", "ties examined per run",
                            "ms per run (CPU)", "ns per tie examined", "against the smallest",
                            "ns per person reached", "peak RSS"],
                           rows, right=list(range(12))))


# --- the memory budget ------------------------------------------------------------------------

def run_budget() -> Dict[str, Any]:
    """Runs the memory budget's tests by name; each passes or fails."""
    results = []
    for test, name in BUDGET_TESTS:
        p = subprocess.run(["cargo", "test", "-q", "--release", "-p", "reseau", "--test", test,
                            "--", "--exact", name], cwd=common.ROOT, capture_output=True, text=True)
        ran = "1 passed" in p.stdout
        results.append({"test": f"{test}::{name}", "passed": p.returncode == 0 and ran})
    record = {"date": now(), "tests": results}
    save("budget16.json", record)
    return record


# --- the targets table ------------------------------------------------------------------------

def verdict(ok: Optional[bool]) -> str:
    return "not measured" if ok is None else "met" if ok else "**missed**"


def targets(mc: Optional[List[Dict[str, Any]]] = None) -> str:
    """Every target of issue 16 with its measure and verdict, from the saved results."""
    rows: List[List[str]] = []
    mc = mc if mc is not None else load("mc_check.json")
    if mc:
        for models, label in ((("wc",), "weighted cascade"), (("lt",), "Linear Threshold"),
                              (("ic:0.01",), "small cascades (IC p = 0.01)")):
            rs = [r for r in mc["rows"] if r["model"] in models and r["agree"]]
            if not rs:
                continue
            worst = min(rs, key=lambda r: r["ratio"])
            below = [r for r in rs if r["ratio"] < CYNETDIFF_GOAL]
            rows.append([f"Monte Carlo {label} ≥ {CYNETDIFF_GOAL:g}× cynetdiff, one thread, every "
                         "graph and seed set",
                         f"{len(rs) - len(below)} of {len(rs)} workloads ≥ {CYNETDIFF_GOAL:g}×; lowest "
                         f"{common.ratio(worst['ratio'])} ({worst['graph']}, {worst['seeds']}: "
                         f"{worst['reseau_ms'] * 1e6 / worst['mean']:,.0f} ns per person reached, "
                         f"cynetdiff {worst['cynetdiff_ms'] * 1e6 / worst['mean']:,.0f})",
                         verdict(not below), f"`{mc['command']}`, {mc['date']}"])
    else:
        rows.append(["Monte Carlo WC / LT / small cascades ≥ 3× cynetdiff", "—",
                     verdict(None), "no results/mc_check.json (benches/compare/mc_check.py --json)"])
    g = load("growth16.json")
    if g and len(g["points"]) >= 2:
        a, b = g["points"][0], g["points"][-1]
        r = b["ns_per_tie"] / a["ns_per_tie"]
        rows.append([f"ns per tie examined within {GROWTH_BOUND:g}× from 10^4 to 10^8 ties",
                     f"{a['ns_per_tie']:.2f} ns at {a['directed_ties']:,} → {b['ns_per_tie']:.2f} ns "
                     f"at {b['directed_ties']:,}: {r:.2f}×",
                     verdict(r <= GROWTH_BOUND and b["directed_ties"] >= 10 ** 8 * 0.99),
                     f"`{g['command']}`, {g['date']}"])
        big = max(g["points"], key=lambda p: p["directed_ties"])
        rows.append([f"compiled network ≤ {BYTES_PER_TIE:g} B per directed tie at 10^8",
                     f"{big['bytes_per_tie']:.2f} B at {big['directed_ties']:,} directed ties "
                     f"(peak RSS {mb(big['peak_bytes'])})",
                     verdict(big["bytes_per_tie"] <= BYTES_PER_TIE
                             if big["directed_ties"] >= 10 ** 8 * 0.99 else None),
                     f"`{g['command']}`, {g['date']}"])
    else:
        rows.append(["ns per tie examined within 1.5× from 10^4 to 10^8 ties", "—", verdict(None),
                     "no results/growth16.json"])
    sub = (load("subsim.json") or {}).get("rows", [])
    for contest, models, label in (("opim_c", ("wc", "ic:0.01"), "OPIM-C ≤ ½ SUBSIM's time (WC, IC p = 0.01)"),
                                   ("hist", ("ic:0.1",), "HIST ≤ ½ SUBSIM's HIST (IC p = 0.1)")):
        rs = [r for r in sub if r["contest"] == contest and r["model"] in models]
        if contest == "hist":
            # The HIST target is on the Barabási–Albert graph; the others are shown.
            target_rows = [r for r in rs if r["graph"] == "BA-1e6"]
        else:
            target_rows = rs
        if not rs:
            rows.append([label, "—", verdict(None), "no results/subsim.json"])
            continue
        parts = []
        for r in rs:
            m = "WC" if r["model"] == "wc" else r["model"].replace("ic:", "p=")
            x = (f"{r['ratio']:.2f}×" if r["ratio"] else
                 (f"reseau refused" if r["reseau_error"] else f"SUBSIM {r['subsim_error']}"))
            parts.append(f"{r['graph']} {m} {x}")
        missing = [g for g in (SUBSIM_GRAPHS if contest == "opim_c" else ["BA-1e6"])
                   if not any(r["graph"] == g for r in target_rows)]
        ok = all(r["ratio"] is not None and r["ratio"] >= SUBSIM_GOAL for r in target_rows)
        rows.append([label + ("" if contest == "opim_c" else ", on BA 10^6"),
                     "SUBSIM / reseau: " + ", ".join(parts)
                     + (f"; not run: {', '.join(missing)}" if missing else ""),
                     verdict(None if missing and not target_rows else ok and not missing),
                     "; ".join(sorted({f"`{r['command']}`, {r['date']}" for r in rs}))])
    scored = [r for r in sub if r["delta_percent"] is not None]
    if scored:
        worst = min(scored, key=lambda r: r["delta_percent"])
        low = [r for r in scored if r["delta_percent"] < SPREAD_SLACK]
        rows.append(["spread ≥ theirs − 1% (Monte Carlo of both choices)",
                     f"{len(scored) - len(low)} of {len(scored)} rows; lowest "
                     f"{worst['delta_percent']:+.2f}% ({worst['graph']} {worst['model']} {worst['contest']})",
                     verdict(not low), "results/subsim.json"])
        peaks = [f"{r['graph']} {r['model']}: {mb(r['reseau_peak_bytes'])} vs {mb(r['subsim_peak_bytes'])}"
                 for r in sub if r["graph"] == "BA-1e6"]
        rows.append(["peak memory reported beside SUBSIM's", "; ".join(peaks) or "see the SUBSIM table",
                     "met", "results/subsim.json"])
    b = load("budget16.json")
    if b:
        ok = all(t["passed"] for t in b["tests"])
        rows.append(["memory budget: refused up front or switched to HIST, never killed",
                     "tested by " + ", ".join(f"`{t['test']}` ({'passed' if t['passed'] else 'FAILED'})"
                                              for t in b["tests"]),
                     verdict(ok), f"cargo test (run by the harness), {b['date']}"])
    else:
        rows.append(["memory budget: refused up front or switched", "—", verdict(None),
                     "no results/budget16.json"])
    d = load("dask_relays.json")
    if d:
        s = d.get("speedup") or d.get("ratio")
        rows.append(["Dask relay selection: speed-up on 2 workers reported",
                     f"{s:.2f}× ({d.get('note', '')})".strip() if s else json.dumps(d),
                     "met" if s else verdict(None), f"`{d.get('command', 'dask_relays.py')}`"])
    else:
        rows.append(["Dask relay selection: speed-up on 2 workers reported",
                     "not measured here (benches/compare/dask_relays.py reports its own; see "
                     "docs/performance/dask.md when present)", verdict(None), "—"])
    return common.table(["target (issue 16)", "measured", "verdict", "measured by"], rows)


def write_targets(mc: Optional[List[Dict[str, Any]]] = None) -> str:
    text = ("# Issue 16: every target, met or missed\n\n"
            f"Generated by `python3 benches/compare/targets16.py` from results/*.json ({now()}). "
            "Verdicts are decided in code from the measures; ratios are within one run.\n\n"
            + targets(mc) + "\n")
    sub = (load("subsim.json") or {}).get("rows", [])
    if sub:
        text += "\n## Relay selection against SUBSIM\n\n" + subsim_markdown(sub) + "\n"
    g = load("growth16.json")
    if g:
        text += "\n## Growth to 10^8 ties (Barabási–Albert)\n\n" + growth_markdown(g) + "\n"
    for name, title in (("where16.md", "Where the time goes: instructions of relay selection"),
                        ("where16-hist.md", "Where the time goes: HIST's profile")):
        if (RESULTS / name).exists():
            text += f"\n## {title}\n\n" + (RESULTS / name).read_text().strip() + "\n"
    (RESULTS / "targets16.md").write_text(text)
    return text


DOCS = common.ROOT / "docs" / "performance.md"
BEGIN16, END16 = "<!-- targets16: begin -->", "<!-- targets16: end -->"


def fill_docs(begin: str, end: str, body: str) -> None:
    """Replaces what lies between the markers `begin` and `end` of docs/performance.md."""
    page = DOCS.read_text()
    if begin not in page or end not in page:
        print(f"{DOCS} has no {begin} … {end} markers: not updated", file=sys.stderr)
        return
    head, rest = page.split(begin, 1)
    DOCS.write_text(head + begin + "\n" + body.strip() + "\n" + end + rest.split(end, 1)[1])
    print(f"updated {DOCS} ({begin})", file=sys.stderr)


def update_docs() -> None:
    """Puts results/targets16.md, its title a level down, between the targets16 markers."""
    text = (RESULTS / "targets16.md").read_text()
    body = text.split("\n", 1)[1].replace("\n## ", "\n### ")
    fill_docs(BEGIN16, END16, body)


def add_arguments(parser) -> None:
    parser.add_argument("--subsim-graphs", nargs="*", default=SUBSIM_GRAPHS,
                        help="graphs of the SUBSIM section (default all four; BA-1e6 is the "
                             "generated Barabási–Albert network of 10^6 people)")
    parser.add_argument("--subsim-no-hist", action="store_true",
                        help="leave out the HIST rows (IC p = 0.1)")
    parser.add_argument("--subsim-repeat", type=int, default=3,
                        help="alternating runs of each contender (default 3)")
    parser.add_argument("--subsim-eval-runs", type=int, default=10_000,
                        help="Monte Carlo runs scoring each side's choices (default 10,000)")
    parser.add_argument("--growth16", nargs="*", type=int, default=GROWTH_TIES,
                        help="directed ties of the growth series to 10^8 (default 10^4 to 10^7; "
                             "add 100000000 for 10^8: minutes, about 3 GB)")
    parser.add_argument("--subsim-import", default=None, metavar="FILE.json",
                        help="merge the rows of a `subsim-side --out FILE.md` run made by hand "
                             "into results/subsim.json (its command is kept with each row)")
    parser.add_argument("--subsim-import-date", default=None, metavar="WHEN",
                        help="when (and on what) the imported run was made, kept as its rows' "
                             "date (default: now)")
    parser.add_argument("--growth16-repeat", type=int, default=3,
                        help="timed batches per size (default 3)")


def run_sections(sections: List[str], args) -> None:
    if args.subsim_import:
        merge_subsim(pathlib.Path(args.subsim_import), args.subsim_import_date)
    if "subsim" in sections:
        run_subsim(args.subsim_graphs, not args.subsim_no_hist, args.subsim_repeat,
                   args.subsim_eval_runs)
    if "growth16" in sections:
        run_growth(args.growth16, args.growth16_repeat)
    if "budget" in sections:
        run_budget()


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", nargs="*", default=[],
                        choices=["subsim", "growth16", "budget"],
                        help="what to measure before writing the table (default nothing)")
    parser.add_argument("--update-docs", action="store_true",
                        help="also put the table between the targets16 markers of "
                             "docs/performance.md")
    add_arguments(parser)
    args = parser.parse_args()
    run_sections(args.sections, args)
    print(write_targets())
    if args.update_docs:
        update_docs()
    return 0


if __name__ == "__main__":
    sys.exit(main())
