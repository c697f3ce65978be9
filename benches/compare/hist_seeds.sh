#!/usr/bin/env bash
# HIST's cost seed by seed (issue 16): one child run of `subsim-side` per seed and program,
# HIST under IC p = 0.1, k = 50, epsilon = 0.1, one thread, with RESEAU_HIST_TRACE=1 so that
# hist.rs reports each round. Prints a markdown table: the selection's processor time (the
# child's own measure, the graph excluded), phase 2's share of it (thread time from the
# trace, 10 ms ticks), phase 1's rounds and sentinel count b, phase 2's rounds and RR sets per
# collection, the share of phase 2's R1' sets cut short at the sentinels and the mean size of
# the sets kept whole. Programs alternate within each seed, so the load falls on both alike.
#
# Usage: benches/compare/hist_seeds.sh [--graph G] [--seeds "1 2 3"] NAME=PROGRAM...
#   PROGRAM a subsim-side binary (build one per commit: cargo build --release -p
#   reseau-benches --bin subsim-side, then copy target/release/subsim-side aside).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# ../shared beside the repository (or beside the folder of worktrees holding it).
shared="$repo_root/../shared"
[[ -d "$shared" ]] || shared="$repo_root/../../shared"
graph=BA-1e6
seeds="1 2 3 4 5 6"
programs=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --graph) graph="$2"; shift 2 ;;
        --seeds) seeds="$2"; shift 2 ;;
        --shared) shared="$2"; shift 2 ;;
        *=*) programs+=("$1"); shift ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done
[[ ${#programs[@]} -gt 0 ]] || { echo "usage: $0 NAME=PROGRAM..." >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "\`benches/compare/hist_seeds.sh --graph $graph --seeds \"$seeds\"\`, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1 /proc/loadavg) at the start"
echo
echo "| program | seed | processor s | phase 2 s | phase 1 rounds | b | phase 2 rounds | R1' sets | cut short | mean kept set | RR sets |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for seed in $seeds; do
    for entry in "${programs[@]}"; do
        name="${entry%%=*}"
        program="${entry#*=}"
        RESEAU_HIST_TRACE=1 RAYON_NUM_THREADS=1 nice -n 10 "$program" --child "$graph" ic:0.1 \
            "$shared" "$seed" hist > "$tmp/out" 2> "$tmp/err"
        awk -v name="$name" -v seed="$seed" '
            FNR == NR && /^cpu=/ { split($0, a, "="); cpu = a[2]; next }
            FNR == NR && /^rrsets=/ { split($0, a, "="); rr = a[2]; next }
            FNR == NR { next }
            /^hist:/ {
                for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
                if (f["phase"] == 1) { r1++; b = f["b"]; t1 = f["cpu"] }
                else { r2++; t2 = f["cpu"]; th = f["theta"]; hits = f["hits1"];
                       multi = f["multi"]; members = f["members"]; bb = f["b"] }
            }
            END {
                kept = th - hits
                printf "| %s | %s | %.2f | %.2f | %d | %s | %d | %s | %.1f%% | %.1f | %s |\n",
                    name, seed, cpu, t2 - t1, r1, bb, r2, th, 100 * hits / th,
                    (kept > 0 ? (members + kept - multi) / kept : 0), rr
            }' "$tmp/out" "$tmp/err"
    done
done
