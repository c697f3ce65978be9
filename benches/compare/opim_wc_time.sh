#!/usr/bin/env bash
# OPIM-C's processor time, before against after (docs/performance/opim_wc.md): RUNS paired,
# alternating runs of each subsim-side binary's child (its own `cpu=` measure of the selection,
# graph loaded), one thread; prints the medians and their ratio per graph and seed, WC model.
#
# Usage: benches/compare/opim_wc_time.sh BEFORE AFTER SEEDS RUNS GRAPH...
#   The data: ../shared beside the repository, or the folder holding $RESEAU_SNAP_DATA's data/snap.
set -euo pipefail
before="$1" after="$2" seeds="$3" runs="$4"
shift 4
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="$repo/../shared"
if [[ -n "${RESEAU_SNAP_DATA:-}" ]]; then shared="$(dirname "$(dirname "$RESEAU_SNAP_DATA")")"; fi
echo "load average at the start: $(cut -d' ' -f1 /proc/loadavg)"
echo "| graph | seed | before ms (median) | after ms | after / before |"
echo "|---|---:|---:|---:|---:|"
for graph in "$@"; do
    for seed in ${seeds//,/ }; do
        b=() a=()
        for _ in $(seq "$runs"); do
            b+=("$(RAYON_NUM_THREADS=1 "$before" --child "$graph" wc "$shared" "$seed" opim_c | sed -n 's/^cpu=//p')")
            a+=("$(RAYON_NUM_THREADS=1 "$after" --child "$graph" wc "$shared" "$seed" opim_c | sed -n 's/^cpu=//p')")
        done
        python3 -c "import statistics, sys
g, s = sys.argv[1:3]; n = (len(sys.argv) - 3) // 2
b = statistics.median(map(float, sys.argv[3:3 + n])); a = statistics.median(map(float, sys.argv[3 + n:]))
print(f'| {g} | {s} | {b * 1000:.2f} | {a * 1000:.2f} | {a / b:.2f}× |')" "$graph" "$seed" "${b[@]}" "${a[@]}"
    done
done
echo "load average at the end: $(cut -d' ' -f1 /proc/loadavg)"
