#!/usr/bin/env bash
# OPIM-C's instructions and RR sets, before against after a change (docs/performance/opim_wc.md):
# callgrind counts of the selection alone (`select_relays_with`, repeatable whatever the load)
# and the RR sets drawn, for each GRAPH MODEL and seed, one thread, k = 50, ε = 0.1, δ = 1/n.
#
# Usage: benches/compare/opim_wc.sh BEFORE AFTER SEEDS [GRAPH MODEL]...
#   BEFORE, AFTER: two subsim-side binaries (build "before" from main with
#   CARGO_TARGET_DIR=/tmp/x cargo build --release -p reseau-benches --bin subsim-side);
#   SEEDS: comma-separated; GRAPH MODEL as for benches/compare/where16.sh. The data: ../shared
#   beside the repository, or the folder holding $RESEAU_SNAP_DATA's data/snap.
set -euo pipefail
before="$1" after="$2" seeds="$3"
shift 3
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="$repo/../shared"
if [[ -n "${RESEAU_SNAP_DATA:-}" ]]; then shared="$(dirname "$(dirname "$RESEAU_SNAP_DATA")")"; fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# "instructions sets" of one selection.
count() {
    RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" \
        --toggle-collect='reseau::relays::select::select_relays_with*' \
        "$1" --child "$2" "$3" "$shared" "$4" opim_c > "$tmp/out" 2> /dev/null
    local ir
    ir=$(callgrind_annotate "$tmp/cg" 2> /dev/null |
        awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1; exit}')
    echo "$ir $(sed -n 's/^rrsets=//p' "$tmp/out")"
}
echo "| graph | model | seed | instructions before | after | after / before | RR sets before | after |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
while [[ $# -ge 2 ]]; do
    graph="$1" model="$2"
    shift 2
    for seed in ${seeds//,/ }; do
        read -r ib sb <<< "$(count "$before" "$graph" "$model" "$seed")"
        read -r ia sa <<< "$(count "$after" "$graph" "$model" "$seed")"
        python3 -c "import sys
g, m, s, ib, ia, sb, sa = sys.argv[1:]
print(f'| {g} | {m} | {s} | {int(ib):,} | {int(ia):,} | {int(ia) / int(ib):.2f}× | {int(sb):,} | {int(sa):,} |')" \
            "$graph" "$model" "$seed" "$ib" "$ia" "$sb" "$sa"
    done
done
