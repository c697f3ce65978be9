#!/bin/sh
# Instructions of the weighted cascade's runs (the simulate blocks, `run_block`, plan building
# included) for mc-native binaries, by callgrind: for each graph and seed set, the count at 100
# runs (fixed costs + 100 runs) and the count per run from 100 to 600 runs.
# Usage: benches/compare/forward_buckets.sh BINARY... (e.g. main's and this branch's mc-native)
# Data: RESEAU_SNAP_DATA (default ../shared/data/snap beside the repository).
DATA=${RESEAU_SNAP_DATA:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/data/snap}
out=$(mktemp)
cg() { valgrind --tool=callgrind --toggle-collect='reseau::cascade::simulate::run_block*' \
    --callgrind-out-file="$out" "$@" 2>&1 | grep Collected | awk '{print $4}' | tr -d ,; }
for g in email-Enron/Email-Enron wiki-Vote/Wiki-Vote ca-HepTh/CA-HepTh ego-Facebook/facebook_combined; do
    for s in random:10 top:10; do
        for b in "$@"; do
            a=$(cg "$b" "$DATA/$g.txt" wc 100 "$s" 1)
            c=$(cg "$b" "$DATA/$g.txt" wc 600 "$s" 1)
            echo "$g $s $b fixed+100runs: $a per-run: $(( (c - a) / 500 ))"
        done
    done
done
rm -f "$out"
