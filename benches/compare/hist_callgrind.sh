#!/usr/bin/env bash
# HIST's work per RR set, reseau against SUBSIM (issue 16), in instructions rather than
# seconds (repeatable whatever the machine's load): callgrind on each side's selection alone
# (--toggle-collect on reseau's `select_relays_with` and SUBSIM's `Alg::subsimWithHIST`),
# IC p = 0.1, k = 50, epsilon = 0.1, one thread, seed 1 for reseau, beside each side's RR sets.
#
# Usage: benches/compare/hist_callgrind.sh GRAPH...   (default: ego-Facebook email-Enron)
# RESEAU_SIDE=PROGRAM runs that subsim-side build instead of target/release/subsim-side.
# Needs valgrind and SUBSIM built at target/subsim with each graph formatted there for IC
# p = 0.1 (a `subsim-side --hist-only --graphs GRAPH ...` run leaves it). Prints a markdown table.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"
subsim="$target/subsim"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# ../shared beside the repository (or beside the folder of worktrees holding it).
shared="$repo_root/../shared"
[[ -d "$shared" ]] || shared="$repo_root/../../shared"
side="${RESEAU_SIDE:-$target/release/subsim-side}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [[ $# -eq 0 ]]; then set -- ego-Facebook email-Enron; fi

# The instructions collected, from callgrind's summary (a file first: awk stops early).
total() {
    callgrind_annotate "$1" > "$1.txt" 2> /dev/null || true
    awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1; exit}' "$1.txt"
}

echo "\`benches/compare/hist_callgrind.sh $*\`, $(date -u '+%Y-%m-%d %H:%M UTC'), $(git -C "$repo" rev-parse --short HEAD)"
echo
echo "| graph | reseau instructions | SUBSIM instructions | reseau / SUBSIM | reseau RR sets | SUBSIM RR sets | reseau per RR set | SUBSIM per RR set |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for graph in "$@"; do
    name="${graph}_ic0.1"
    RAYON_NUM_THREADS=1 nice -n 10 valgrind --tool=callgrind --callgrind-out-file="$tmp/ours.cg" \
        --toggle-collect='reseau::relays::select::select_relays_with*' \
        "$side" --child "$graph" ic:0.1 "$shared" 1 hist > "$tmp/ours.txt" 2> "$tmp/ours.err"
    (cd "$subsim" && nice -n 10 valgrind --tool=callgrind --callgrind-out-file="$tmp/theirs.cg" \
        --toggle-collect='Alg::subsimWithHIST*' ./subsim -func=im -gname="$name" -seedsize=50 \
        -eps=0.1 -hist=1 > "$tmp/theirs.txt" 2> "$tmp/theirs.err")
    ours=$(total "$tmp/ours.cg")
    theirs=$(total "$tmp/theirs.cg")
    ours_sets=$(sed -n 's/^rrsets=//p' "$tmp/ours.txt")
    theirs_sets=$(sed -n 's/.*#RR sets: *\([0-9]*\).*/\1/p' "$tmp/theirs.txt" | tail -1)
    python3 - "$graph" "$ours" "$theirs" "$ours_sets" "$theirs_sets" <<'EOF'
import sys
g, a, b, ra, rb = sys.argv[1:]
a, b, ra, rb = int(a), int(b), int(ra), int(rb or 0)
per = f"{b / rb:,.0f}" if rb else "—"
print(f"| {g} | {a:,} | {b:,} | {a / b:.2f}× | {ra:,} | {rb:,} | {a / ra:,.0f} | {per} |")
EOF
done
