"""The side-by-side performance harness of issue 9: every comparison in one run.

Run it through `benches/compare/run`, which builds its environment first. Sections, in order:
cascades on the SNAP graphs (reseau against cynetdiff, NDlib and EoN; reseau's thread
speed-up), the growth series (reseau and cynetdiff on Erdős–Rényi graphs of 10^4 to 10^7
ties), relay selection against pynetim, PageRank against networkx and rustworkx, reading an
edge list against networkx, WebAssembly against native, the overhead of Python
(python_overhead.py), and the engine's limit (the engine-limit program). Writes
results/latest.md, results/growth.svg and results/latest.json (every measure, raw).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
import re
import shlex
import statistics
import subprocess
import sys
import time
from typing import Any, Dict, List

import common
import cascade
import read_edgelist
import relays
import targets16

RESULTS = common.HERE / "results"
SECTIONS = ["cascades", "growth", "relays", "pagerank", "read", "wasm", "python", "limit",
            "subsim", "growth16", "budget"]
# The relay configurations timed by default: (graph, model, ε), each with IMM and OPIM-C;
# --all-relays times every combination of graph, model and ε = 0.1, 0.5 (pynetim alone then
# takes over half an hour: IMM, IC p = 0.1, ε = 0.1 on email-Enron).
RELAYS = [("ca-HepTh", "ic:0.01", 0.1), ("ca-HepTh", "ic:0.1", 0.5), ("ca-HepTh", "wc", 0.1),
          ("email-Enron", "ic:0.01", 0.5), ("email-Enron", "wc", 0.1)]

# Monte Carlo runs scoring each choice of relays (relays.py alone uses 10,000).
RELAY_EVALUATION_RUNS = 2000


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def cargo_binary(name: str) -> pathlib.Path:
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", common.ROOT / "target"))
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "reseau-benches", "--bin", name],
                   cwd=common.ROOT, check=True)
    return target / "release" / name


def wasm_row(repeat: int, one: common.Worker, runs: int) -> Dict[str, Any]:
    """IC p = 0.1 on ego-Facebook: the Node build (one thread) against native (one thread)."""
    pkg = common.ROOT / "bindings" / "wasm" / "pkg-node" / "index.mjs"
    if not pkg.exists():
        return {"skipped": f"{pkg} is absent (scripts/build-wasm builds it)"}
    path = common.GRAPHS["ego-Facebook"]
    script = common.HERE / "wasm_cascade.mjs"

    def node(r: int) -> Dict[str, Any]:
        out = subprocess.run(["node", str(script), str(path), "0.1", str(runs), "1"],
                             check=True, capture_output=True, text=True)
        answer = json.loads(out.stdout)
        return {"wall": answer["wall"][0], "cpu": answer["cpu"][0], "mean": answer["mean"]}

    res = common.alternate({
        "native": lambda r: one("simulate", graph="ego-Facebook", model="ic:0.1", runs=runs,
                                seed=0),
        "wasm": node,
    }, repeat)
    native, wasm = common.median(res["native"]), common.median(res["wasm"])
    return {"runs": runs, "native": native, "wasm": wasm, "ratio": wasm / native,
            "wall_ratio": common.median(res["wasm"], "wall") / common.median(res["native"], "wall"),
            "same": res["native"][0]["mean"] == res["wasm"][0]["mean"],
            "mean": res["native"][0]["mean"], "wasm_mean": res["wasm"][0]["mean"]}


def python_row() -> Dict[str, Any]:
    """benches/compare/python_overhead.py (the Python engineer's), run as it is; its lines
    parsed."""
    out = subprocess.run([sys.executable, str(common.HERE / "python_overhead.py")],
                         cwd=common.ROOT, check=True, capture_output=True, text=True)
    calls = []
    for line in out.stdout.splitlines():
        m = re.match(r"(\w+)\s+([\d.]+)\s+([\d.]+)\s+(-?[\d.]+)%", line)
        if m:
            calls.append({"call": m[1], "rust_ms": float(m[2]), "python_ms": float(m[3]),
                          "overhead": float(m[4])})
    worst = max((c["overhead"] for c in calls), default=float("nan"))
    return {"calls": calls, "worst": worst, "text": out.stdout}


def limit_row() -> Dict[str, Any]:
    binary = cargo_binary("engine-limit")
    out = subprocess.run([str(binary), str(common.GRAPHS["ego-Facebook"]), "2000", "100000"],
                         check=True, capture_output=True, text=True)
    return derive_limit(json.loads(out.stdout))


def derive_limit(r: Dict[str, Any]) -> Dict[str, Any]:
    """The bounds, from engine-limit's measures."""
    p = r["p"]
    bw = r["bandwidth_bytes_per_second"] / 1e9  # bytes per ns
    for g in ("snap", "erdos_renyi"):
        x = r[g]
        # With geometric skipping a tie examined costs its share of the gap draws (p per tie)
        # and the 4 bytes of its target, streamed. On a graph larger than the caches, reaching
        # a person's row of ties is also one random access, shared by the row's ties (mean
        # out-degree); on ego-Facebook everything is in cache.
        x["mean_degree"] = x["directed_ties"] / x["people"]
        x["row_ns"] = r["ns_per_random_access"] / x["mean_degree"] if g == "erdos_renyi" else 0.0
        x["bound_skip"] = p * r["ns_per_gap"] + 4 / bw + x["row_ns"]
        # Drawing once per tie, as cynetdiff, NDlib and EoN do, and reading all 15 bytes.
        x["bound_naive"] = r["ns_per_bernoulli"] + x["bytes_per_tie"] / bw + x["row_ns"]
        x["gap"] = x["ns_per_tie"] / x["bound_skip"]
        # What the time above the bound costs per person reached (their ties examined each).
        x["ties_per_person"] = x["ties_examined_per_run"] / x["mean_spread"]
        x["above_per_person"] = (x["ns_per_tie"] - x["bound_skip"]) * x["ties_per_person"]
    return r


def limit_markdown(r: Dict[str, Any]) -> str:
    bw = r["bandwidth_bytes_per_second"] / 1e9
    head = common.table(
        ["measure (one thread, processor time)", "value"],
        [["PCG-64 word (`Stream::next_u64`)", f"{r['ns_per_word']:.2f} ns"],
         ["Bernoulli(0.1) draw (`Stream::bernoulli`)", f"{r['ns_per_bernoulli']:.2f} ns"],
         ["geometric gap, p = 0.1 (`GapTable::sample`)", f"{r['ns_per_gap']:.2f} ns"],
         ["streaming read bandwidth (256 MB)", f"{bw:.1f} GB/s = {1 / bw:.3f} ns per byte"],
         ["random access (pointer chase, 64 MB)", f"{r['ns_per_random_access']:.0f} ns"]],
        right=[1])
    rows = []
    for name, g in (("ego-Facebook", "snap"), ("Erdős–Rényi, mean degree 20", "erdos_renyi")):
        x = r[g]
        rows.append([f"{name} ({x['people']:,} people, {x['directed_ties']:,} directed ties)",
                     f"{x['ties_examined_per_run']:,.0f}", f"{x['ties_per_second'] / 1e6:,.0f} M",
                     f"{x['ns_per_tie']:.2f}",
                     f"{r['p'] * r['ns_per_gap']:.2f} + {4 / bw:.2f} + {x['row_ns']:.2f} = "
                     f"{x['bound_skip']:.2f}", f"{x['gap']:.1f}×",
                     f"{x['ties_per_person']:.1f}", f"{x['above_per_person']:.0f}",
                     f"{x['bound_naive']:.2f}"])
    body = common.table(
        ["IC p = 0.1, 10 seeds, 1 thread", "ties examined per run", "ties examined per s",
         "ns per tie examined", "bound: p × gap + 4 B streamed + row access (ns/tie)",
         "measured / bound", "ties examined per person reached",
         "ns above the bound per person reached", "bound drawing once per tie (ns/tie)"], rows,
        right=[1, 2, 3, 4, 5, 6, 7, 8])
    return head + "\n\n" + body


def growth_chart(records: List[Dict[str, Any]], path: pathlib.Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ties = [r["ties"] for r in records]
    fig, ax = plt.subplots(figsize=(6.4, 4.4))
    ax.loglog(ties, [r["peer"] for r in records], "s-", label="cynetdiff (1 thread, CPU)")
    ax.loglog(ties, [r["one"] for r in records], "o-", label="reseau, 1 thread (CPU)")
    base = records[0]["one"]
    ax.loglog(ties, [base * t / ties[0] for t in ties], ":", color="grey",
              label="linear in ties (from the first point)")
    ax.set_xlabel("undirected ties (Erdős–Rényi, mean degree 20)")
    ax.set_ylabel("seconds per cascade (IC p = 0.1, 10 seeds)")
    ax.set_title("Cost of one cascade as the graph grows")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, metadata={"Date": None} if path.suffix == ".svg" else None)
    plt.close(fig)


def slope_of(xs: List[float], ys: List[float]) -> float:
    """The least-squares slope of log y against log x."""
    import math

    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = statistics.fmean(lx), statistics.fmean(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def targets(out: Dict[str, Any]) -> str:
    """The issue's targets, each met or missed, with the measured ratio."""
    rows = []

    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    casc = [r for r in out.get("cascades", []) if r["peer"] is not None]
    for peer, goal in (("cynetdiff", 3.0), ("ndlib", 100.0)):
        rs = [r for r in casc if r["peer"] == peer and r["agree"]]
        if rs:
            worst = min(rs, key=lambda r: r["ratio"])
            misses = [f"{r['graph']} {cascade.MODELS[r['model']]} {common.ratio(r['ratio'])}"
                      for r in rs if r["ratio"] < goal]
            rows.append([f"Monte Carlo IC/WC/LT ≥ {goal:g}× {cascade.NAMES[peer]}, one thread",
                         f"{len(rs) - len(misses)} of {len(rs)} workloads; lowest "
                         f"{common.ratio(worst['ratio'])}, median "
                         f"{common.ratio(statistics.median(r['ratio'] for r in rs))}"
                         + (f"; below: {', '.join(misses)}" if misses else ""),
                         verdict(not misses)])
    threads = [r for r in out.get("cascades", []) if r["peer"] is None]
    if threads:
        ups = [r["one_wall"] / r["all_wall"] for r in threads]
        rows.append([f"near-linear speed-up with threads ({common.cores()} cores, shared)",
                     f"median {common.ratio(statistics.median(ups))}, best {common.ratio(max(ups))} "
                     f"(wall, over {len(ups)} workloads)",
                     verdict(statistics.median(ups) >= 0.8 * common.cores())])
    rel = out.get("relays", [])
    if rel:
        ok = [r for r in rel if r["pynetim"] / r["reseau"] >= 2.0 and relays.equal_spread(r)]
        for method, name in (("imm", "IMM"), ("opim_c", "OPIM-C")):
            mine = [r for r in rel if r["method"] == method]
            good = [r for r in ok if r["method"] == method]
            ratios = [r["pynetim"] / r["reseau"] for r in mine]
            rows.append([f"{name} ≤ ½ pynetim's time at equal spread",
                         f"{len(good)} of {len(mine)} configurations; pynetim / reseau from "
                         f"{common.ratio(min(ratios))} to {common.ratio(max(ratios))}",
                         verdict(len(good) == len(mine))])
    growth = out.get("growth", [])
    if growth:
        per_tie = [r["one"] / (r["mean"] * common.GROWTH_DEGREE) * 1e9 for r in growth]
        slope = {k: slope_of([r["mean"] * common.GROWTH_DEGREE for r in growth],
                             [r[k] for r in growth]) for k in ("one", "peer")}
        rows.append(["time linear in the ties a cascade touches",
                     f"ns per tie examined {per_tie[0]:.1f} at {growth[0]['ties']:,} ties, "
                     f"{per_tie[-1]:.1f} at {growth[-1]['ties']:,}; time ∝ (ties examined)^"
                     f"{slope['one']:.2f} (cynetdiff ^{slope['peer']:.2f})",
                     verdict(slope["one"] <= 1.1)])
        worst = max(r["bytes_per_tie"] for r in growth)
        rows.append(["memory of the compiled view ≤ 16 B per directed tie",
                     f"{worst:.2f} B (offsets included)", verdict(worst <= 16.0)])
    py = out.get("python")
    if py and py.get("calls"):
        rows.append(["Python overhead < 5% on calls over 100 ms",
                     f"worst {py['worst']:.1f}% ({', '.join(c['call'] + ' ' + format(c['overhead'], '.1f') + '%' for c in py['calls'])})",
                     verdict(py["worst"] < 5.0)])
    wasm = out.get("wasm")
    if wasm and "ratio" in wasm:
        rows.append(["WebAssembly within 2.5× native, one thread",
                     f"{common.ratio(wasm['ratio'])} (CPU; wall {common.ratio(wasm['wall_ratio'])})",
                     verdict(wasm["ratio"] <= 2.5)])
    lim = out.get("limit")
    if lim:
        rows.append(["the gap to the limit stated",
                     f"{lim['snap']['gap']:.1f}× the bound on ego-Facebook, "
                     f"{lim['erdos_renyi']['gap']:.1f}× on 2·10^6 directed ties", "met"])
    return common.table(["target (issue 9)", "measured", "verdict"], rows)


def main() -> int:
    parser = argparse.ArgumentParser(prog="benches/compare/run",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3,
                        help="alternating repetitions (default 3)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiplies the cascade run counts (default runs: 10,000; 1,000 at "
                             "IC p = 0.1; NDlib and EoN a few)")
    parser.add_argument("--growth", nargs="*", type=int,
                        default=[10_000, 100_000, 1_000_000, 10_000_000],
                        help="ties of the growth series' graphs (default 10^4 to 10^7)")
    parser.add_argument("--graphs", nargs="*", default=list(common.GRAPHS),
                        help="SNAP graphs (default all three; absent files are skipped)")
    parser.add_argument("--sections", nargs="*", default=SECTIONS, choices=SECTIONS,
                        help="what to run (default everything)")
    parser.add_argument("--all-relays", action="store_true",
                        help="every relay configuration (pynetim alone takes over half an hour)")
    parser.add_argument("--out", default=str(RESULTS),
                        help="where to write latest.md, latest.json and growth.svg")
    parser.add_argument("--update-docs", action="store_true",
                        help="also replace the generated parts of docs/performance.md")
    targets16.add_arguments(parser)
    args = parser.parse_args()
    out_dir = pathlib.Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.time()
    command = "benches/compare/run " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    out: Dict[str, Any] = {"machine": common.machine(), "command": command.strip(),
                           "date": datetime.datetime.now(datetime.timezone.utc)
                           .strftime("%Y-%m-%d %H:%M UTC")}
    versions = {}
    for module in ("reseau", "cynetdiff", "ndlib", "EoN", "pynetim", "networkx", "rustworkx"):
        try:
            from importlib.metadata import version
            versions[module] = version(module)
        except Exception:
            versions[module] = "?"
    out["versions"] = versions
    say(out["machine"])
    one, full = common.Worker(1), common.Worker(common.cores())
    graphs = [g for g in args.graphs if common.GRAPHS[g].exists()]
    if "cascades" in args.sections:
        out["cascades"] = []
        for graph in graphs:
            for spec in cascade.MODELS:
                out["cascades"] += cascade.compare(
                    graph, spec, list(cascade.RUNNERS), cascade.default_runs(graph, spec, args.scale),
                    args.repeat, one, full)
                say(f"cascades: {graph} {spec}")
    if "growth" in args.sections:
        out["growth"] = cascade.growth(args.growth, args.repeat, one, full)
        growth_chart(out["growth"], out_dir / "growth.svg")
    if "relays" in args.sections:
        configs = ([(g, m, e) for g in ("ca-HepTh", "email-Enron") for m in relays.MODELS
                    for e in (0.1, 0.5)] if args.all_relays else RELAYS)
        out["relays"], cache = [], {}
        for graph, model, epsilon in configs:
            if graph not in graphs:
                continue
            for method in ("imm", "opim_c"):
                out["relays"].append(relays.compare(graph, model, method, epsilon, 50,
                                                    args.repeat, one, full, cache,
                                                    eval_runs=RELAY_EVALUATION_RUNS))
                say(f"relays: {graph} {model} ε={epsilon} {method}")
        del cache
    if "pagerank" in args.sections:
        out["pagerank"] = [relays.pagerank(g, args.repeat, one) for g in graphs]
        say("pagerank")
    if "read" in args.sections and "email-Enron" in graphs:
        out["read"] = read_edgelist.compare(common.GRAPHS["email-Enron"], args.repeat + 2, one)
        say("read")
    if "wasm" in args.sections and "ego-Facebook" in graphs:
        out["wasm"] = wasm_row(args.repeat, one, max(64, int(1000 * args.scale)))
        say("wasm")
    one.close()
    full.close()
    # Issue 16's sections (Rust programs; their measures saved in results/*.json).
    targets16.run_sections(args.sections, args)
    if "python" in args.sections:
        out["python"] = python_row()
        say("python overhead")
    if "limit" in args.sections and "ego-Facebook" in graphs:
        out["limit"] = limit_row()
        say("limit")
    out["minutes"] = (time.time() - started) / 60
    # A run of issue 16's sections alone leaves the last full report as it was.
    if LATEST_SECTIONS & set(args.sections):
        (out_dir / "latest.json").write_text(json.dumps(out, indent=1, default=str) + "\n")
        (out_dir / "latest.md").write_text(report(out))
        say(f"wrote {out_dir / 'latest.md'} ({out['minutes']:.1f} minutes)")
        print(report(out))
    print(targets16.write_targets())
    if args.update_docs:
        update_docs(report(out), out_dir, args.sections)
    return 0


BEGIN, END = "<!-- benches/compare/run: begin -->", "<!-- benches/compare/run: end -->"
LATEST_SECTIONS = set(SECTIONS) - {"subsim", "growth16", "budget"}


def update_docs(text: str, out_dir: pathlib.Path, sections: List[str]) -> None:
    """Puts the report (without its title, the chart's path from docs/) between the markers
    of docs/performance.md when this run measured any of its sections, and the issue-16
    targets file between its own markers (targets16.update_docs)."""
    if LATEST_SECTIONS & set(sections):
        chart = os.path.relpath(out_dir / "growth.svg", common.ROOT / "docs")
        body = text.split("\n", 1)[1].replace("](growth.svg)", f"]({chart})").replace("\n## ", "\n### ")
        targets16.fill_docs(BEGIN, END, body)
    targets16.update_docs()


def report(out: Dict[str, Any]) -> str:
    v = out["versions"]
    parts = [
        "# Side by side: the latest run\n",
        f"`{out['command']}`, {out['date']}, {out.get('minutes', 0):.1f} minutes.  ",
        f"Machine: {out['machine']}.  ",
        "Versions: " + ", ".join(f"{k} {v[k]}" for k in v) + ".\n",
        "Times are medians of alternating repetitions; single-threaded times are processor time "
        "(the machine is shared: processor time counts only the time the work ran), thread "
        "speed-ups are wall time. A ratio counts only when the spreads agree within 3.29 "
        "standard errors; a ratio in parentheses did not.\n",
        "## Targets\n", targets(out) + "\n",
    ]
    if out.get("cascades"):
        parts += ["## Monte Carlo cascades (ten seeds spread over the ids)\n",
                  cascade.markdown(out["cascades"]) + "\n",
                  "### reseau's thread speed-up\n", cascade.threads_markdown(out["cascades"]) + "\n"]
    if out.get("growth"):
        parts += ["## Growth: IC p = 0.1 on Erdős–Rényi graphs (mean degree 20)\n",
                  "Runs are split among threads in blocks of 64, so the points with fewer than "
                  "128 runs use one thread whatever the thread count.\n",
                  cascade.growth_markdown(out["growth"]) + "\n", "![growth](growth.svg)\n"]
    if out.get("relays"):
        parts += ["## Relay selection, k = 50, against pynetim (spreads: reseau's Monte Carlo, "
                  f"{RELAY_EVALUATION_RUNS:,} runs, mean ± se)\n", relays.markdown(out["relays"]) + "\n"]
    if out.get("pagerank"):
        parts += ["## PageRank (damping 0.85, tolerance 1e-14)\n",
                  relays.pagerank_markdown(out["pagerank"]) + "\n"]
    if out.get("read"):
        parts += ["## Reading an edge list\n", read_edgelist.markdown(out["read"]) + "\n"]
    w = out.get("wasm")
    if w:
        parts += ["## WebAssembly against native (IC p = 0.1, ego-Facebook, one thread)\n"]
        if "skipped" in w:
            parts += [f"skipped: {w['skipped']}\n"]
        else:
            parts += [common.table(
                ["runs", "native (s, CPU)", "Node, wasm (s, CPU)", "wasm / native (CPU)",
                 "(wall)", "same mean"],
                [[f"{w['runs']:,}", common.seconds(w["native"]), common.seconds(w["wasm"]),
                  common.ratio(w["ratio"]), common.ratio(w["wall_ratio"]),
                  "yes" if w["same"] else f"no ({w['mean']} / {w['wasm_mean']})"]],
                right=[0, 1, 2, 3, 4]) + "\n"]
    if out.get("python"):
        parts += ["## Python overhead (benches/compare/python_overhead.py)\n",
                  "```\n" + out["python"]["text"].strip() + "\n```\n"]
    if out.get("limit"):
        parts += ["## The engine against its limit\n", limit_markdown(out["limit"]) + "\n"]
    return "\n".join(parts)


if __name__ == "__main__":
    sys.exit(main())
