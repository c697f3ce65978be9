"""Bucketed subset sampling against one draw per tie, in processor time, one thread each.

Usage (from the repository):
    python3 benches/compare/subset_sampling.py [--before REF] [--repeat R] [--out FILE.md]
        [--graphs G ...] [--works W ...] [--probabilities P ...] [--sweep D ...]

Builds the `subset-sampling` program (benches/compare/subset_sampling.rs) three times:
`before` from REF (default: the merge base of HEAD and main, whose sampler draws once per
tie; the program's source is laid over it), `after` from the working tree, and `every` from
the working tree built with RESEAU_SUBSET_MIN_TIES=1 (with `--every`) (every person with an incoming tie
bucketed, to find where bucketing starts to pay). Each repetition runs the variants once
each, the order rotating; the table gives median processor seconds and their ratio.
`--sweep` adds rows on the graphs `in-D` (every person with D incoming ties, `scaled`
probabilities: trivalency times 8/D), RR sampling alone, `before` against `after` (or, with
`--every`, against `every`).

Writes FILE.md (the table) and FILE.json (every measure).
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tarfile
import io

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = "subset-sampling"
SHARED = ROOT.parent / "shared"


def build(name: str, source: pathlib.Path, env: dict[str, str]) -> pathlib.Path:
    """Builds the program in `source` (a workspace) and keeps a copy under target/subset.

    Both sources build into one target folder, where cargo takes their units for one another
    (the same names and hashes) and may call the other's build fresh: the sources are
    touched first, so that every build compiles the core and the program from its own."""
    target = ROOT / "target"
    for path in [*(source / "crates/reseau/src").rglob("*.rs"),
                 source / "benches/compare/subset_sampling.rs"]:
        path.touch()
    cmd = ["nice", "-n", "10", "cargo", "build", "--release", "-q", "-p", "reseau-benches",
           "--bin", BIN]
    subprocess.run(cmd, cwd=source, check=True,
                   env={**os.environ, "CARGO_TARGET_DIR": str(target), **env})
    out = target / "subset" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    shutil.copyfile(target / "release" / BIN, out)
    out.chmod(0o755)
    return out


def before_source(ref: str) -> pathlib.Path:
    """REF's tree with this program laid over it."""
    rev = subprocess.run(["git", "rev-parse", "--short", ref], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    where = ROOT / "target" / "subset" / f"src-{rev}"
    if not where.exists():
        data = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True,
                              capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(where, filter="data")
    for f in ["benches/compare/subset_sampling.rs", "benches/Cargo.toml"]:
        shutil.copy2(ROOT / f, where / f)
    return where


def samples(graph: str, kind: str) -> int:
    """RR sets for the sampling alone: about a second of work each."""
    if graph.startswith("in-"):
        return 3_000_000
    if kind == "exponential":
        return 200_000
    return 50_000 if graph.startswith("BA") else 10_000


def run(binary: pathlib.Path, graph: str, work: str, kind: str) -> dict[str, str]:
    cmd = [str(binary), "--graph", graph, "--work", work, "--probabilities", kind,
           "--samples", str(samples(graph, kind)), "--shared", str(SHARED)]
    text = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=1800).stdout
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "benches/compare/results/subset_sampling.md"))
    ap.add_argument("--graphs", nargs="*", default=["ego-Facebook", "email-Enron", "BA-2e5"])
    ap.add_argument("--works", nargs="*", default=["rr", "opim", "imm"])
    ap.add_argument("--probabilities", nargs="*", default=["trivalency", "exponential"])
    ap.add_argument("--sweep", nargs="*", type=int, default=[])
    ap.add_argument("--every", action="store_true",
                    help="sweep against a build bucketing every person (MIN_TIES = 1)")
    ap.add_argument("--shared", default=None, help="the folder holding data/snap")
    args = ap.parse_args()
    global SHARED
    SHARED = pathlib.Path(args.shared) if args.shared else SHARED
    ref = args.before or subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=ROOT,
                                        check=True, capture_output=True,
                                        text=True).stdout.strip()
    binaries = {"before": build("before", before_source(ref), {})}
    binaries["after"] = build("after", ROOT, {})
    if binaries["before"].read_bytes() == binaries["after"].read_bytes():
        sys.exit("the two builds gave the same program: nothing to compare")
    if args.every:
        binaries["every"] = build("every", ROOT, {"RESEAU_SUBSET_MIN_TIES": "1"})
    cases = [(g, w, p, ["before", "after"]) for g in args.graphs for p in args.probabilities
             for w in args.works]
    sweep_variant = "every" if args.every else "after"
    cases += [(f"in-{d}", "rr", "scaled", ["before", sweep_variant]) for d in args.sweep]
    rows = []
    for graph, work, kind, variants in cases:
        measures: dict[str, list[dict[str, str]]] = {v: [] for v in variants}
        for r in range(args.repeat):
            order = variants[r % len(variants):] + variants[:r % len(variants)]
            for v in order:
                measures[v].append(run(binaries[v], graph, work, kind))
        row = {"graph": graph, "work": work, "probabilities": kind, "ref": ref}
        for v in variants:
            row[v] = {
                "cpu": [float(m["cpu"]) for m in measures[v]],
                "cpu_fixed": [float(m.get("cpu_fixed", "nan")) for m in measures[v]],
                "samples": int(measures[v][0]["samples"]),
                "ties": int(measures[v][0]["ties"]),
            }
        a, b = variants
        row["ratio"] = statistics.median(row[a]["cpu"]) / statistics.median(row[b]["cpu"])
        if work == "rr":
            draw = {v: statistics.median(c - f for c, f in zip(row[v]["cpu"], row[v]["cpu_fixed"]))
                    for v in variants}
            row["sampling"] = draw
            row["sampling_ratio"] = draw[a] / draw[b]
        row["variants"] = variants
        rows.append(row)
        print(f"{graph} {kind} {work}: {a} {statistics.median(row[a]['cpu']):.3f} s, "
              f"{b} {statistics.median(row[b]['cpu']):.3f} s, ratio {row['ratio']:.2f}"
              + (f"; sampling alone {row['sampling'][a]:.3f} / {row['sampling'][b]:.3f} s, "
                 f"ratio {row['sampling_ratio']:.2f}" if work == "rr" else ""),
              file=sys.stderr, flush=True)
    out = pathlib.Path(args.out)
    lines = [
        f"Processor seconds, median of {args.repeat}, one thread; `before` = {ref[:10]} (one "
        "draw per tie), `after` = bucketed from 16 incoming ties, `every` = bucketed from 1.",
        "",
        "| graph | directed ties | probabilities | work | variants | RR sets | seconds | ratio "
        "| sampling alone¹ | ratio |",
        "|---|---:|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        a, b = row["variants"]
        lines.append(
            f"| {row['graph']} | {row[a]['ties']:,} | {row['probabilities']} | {row['work']} | "
            f"{a} / {b} | {row[a]['samples']:,} / {row[b]['samples']:,} | "
            f"{statistics.median(row[a]['cpu']):.3f} / {statistics.median(row[b]['cpu']):.3f} | "
            f"{row['ratio']:.2f}× | "
            + (f"{row['sampling'][a]:.3f} / {row['sampling'][b]:.3f} | {row['sampling_ratio']:.2f}× |"
               if "sampling" in row else "– | – |"))
    lines += ["", "¹ RR sampling alone: the run's seconds minus those of the same work for 256 sets "
              "(the live graph's construction, the counting), median over repetitions."]
    out.write_text("\n".join(lines) + "\n")
    out.with_suffix(".json").write_text(json.dumps(rows, indent=1) + "\n")
    print(out.read_text())


if __name__ == "__main__":
    main()
