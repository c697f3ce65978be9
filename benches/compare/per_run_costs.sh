#!/bin/sh
# Instructions per Monte Carlo run of `mc-native` (callgrind), for docs/performance/per_run_costs.md:
# the count of a call with RUNS runs minus that of a call with 64, over RUNS - 64 runs, so that
# reading the graph and the per-call setup cancel out; then the instructions a call of `simulate`
# pays besides its runs (preparing the model, the scratch and tally arrays, the summary): a
# process making three calls of 64 runs minus one making one, over two calls, less their runs.
# Usage: per_run_costs.sh BINARY [GRAPH] [MODEL] [SEEDS] [RUNS]
set -e
bin=$1
graph=${2:-../shared/data/snap/ca-HepTh/CA-HepTh.txt}
model=${3:-ic:0.01}
seeds=${4:-random:10}
runs=${5:-200000}
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$graph" "$model" "$1" "$seeds" "${2:-1}" 2>&1 \
        | sed -n 's/.*Collected : *//p'
}
big=$(count "$runs")
small=$(count 64)
thrice=$(count 64 3)
run=$(( (big - small) / (runs - 64) ))
echo "$model $seeds: $run instructions a run ($big - $small over $runs - 64 runs)"
echo "$model $seeds: $(( (thrice - small) / 2 - 64 * run )) instructions a call besides its runs (($thrice - $small) / 2 - 64 runs)"
