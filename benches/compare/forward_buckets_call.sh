#!/bin/sh
# Instructions of one simulate call of 2,000 runs (plus mc-native's warm-up call of 64 runs:
# plan building twice), by callgrind on the simulate blocks (`run_block*`), for each
# mc-native binary given: the workloads of the merge condition (weighted cascade, random:10
# and top:10, on the four graphs; ic:0.01 random:10 on ca-HepTh).
# Usage: benches/compare/forward_buckets_call.sh BINARY... (e.g. main's and this branch's)
# Data: RESEAU_SNAP_DATA (default ../shared/data/snap beside the repository).
DATA=${RESEAU_SNAP_DATA:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/data/snap}
RUNS=${RUNS:-2000}
out=$(mktemp)
cg() { valgrind --tool=callgrind --toggle-collect='reseau::cascade::simulate::run_block*' \
    --callgrind-out-file="$out" "$@" 2>&1 | grep Collected | awk '{print $4}' | tr -d ,; }
for w in "email-Enron/Email-Enron wc random:10" "email-Enron/Email-Enron wc top:10" \
    "wiki-Vote/Wiki-Vote wc random:10" "wiki-Vote/Wiki-Vote wc top:10" \
    "ca-HepTh/CA-HepTh wc random:10" "ca-HepTh/CA-HepTh wc top:10" \
    "ca-HepTh/CA-HepTh ic:0.01 random:10" \
    "ego-Facebook/facebook_combined wc random:10" "ego-Facebook/facebook_combined wc top:10"; do
    set -- $w "$@"
    g=$1 m=$2 s=$3
    shift 3
    line="$g $m $s"
    for b in "$@"; do
        line="$line $(cg "$b" "$DATA/$g.txt" "$m" "$RUNS" "$s" 1)"
    done
    echo "$line"
done
rm -f "$out"
