#!/bin/sh
# Instructions per Monte Carlo run of `mc-native` (callgrind), for docs/performance/per_run_costs.md:
# the count of a call with RUNS runs minus that of a call with 64, over RUNS - 64 runs, so that
# reading the graph and the per-call setup cancel out.
# Usage: per_run_costs.sh BINARY [GRAPH] [MODEL] [SEEDS] [RUNS]
set -e
bin=$1
graph=${2:-../shared/data/snap/ca-HepTh/CA-HepTh.txt}
model=${3:-ic:0.01}
seeds=${4:-random:10}
runs=${5:-200000}
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$graph" "$model" "$1" "$seeds" 1 2>&1 \
        | sed -n 's/.*Collected : *//p'
}
big=$(count "$runs")
small=$(count 64)
echo "$model $seeds: $(( (big - small) / (runs - 64) )) instructions a run ($big - $small over $runs - 64 runs)"
