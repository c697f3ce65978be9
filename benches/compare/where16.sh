#!/usr/bin/env bash
# Where the time goes in relay selection, reseau against SUBSIM (issue 16's missed targets):
# instruction counts of the selection alone under callgrind (repeatable whatever the machine's
# load, unlike seconds), beside each side's count of RR sets, so that the cost splits into
# "how many RR sets" and "instructions per RR set".
#
# Usage: benches/compare/where16.sh [GRAPH MODEL]...   (default: BA-1e6 wc, email-Enron wc)
#        benches/compare/where16.sh --hist GRAPH        (default BA-1e6: HIST, IC p = 0.1)
#   GRAPH one of subsim-side's (ego-Facebook, ca-HepTh, email-Enron, BA-1e6); MODEL wc or ic:P.
# --hist profiles both HISTs instead (far too long for callgrind): `perf record -e cpu-clock`
# (a software clock, so it works where hardware counters do not), the share of samples in
# each function of the selection, reseau's and SUBSIM's; writes results/where16-hist.md.
# Needs valgrind, SUBSIM built at target/subsim with the graph formatted there (a run of the
# subsim section, `python3 benches/compare/targets16.py --sections subsim`, leaves it). Writes
# benches/compare/results/where16.md. Minutes: callgrind runs each program 20-50× slower.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
target="${CARGO_TARGET_DIR:-$repo/target}"
subsim="$target/subsim"
# ../shared beside the repository, or the folder holding $RESEAU_SNAP_DATA's data/snap.
shared="$repo/../shared"
if [[ -n "${RESEAU_SNAP_DATA:-}" ]]; then shared="$(dirname "$(dirname "$RESEAU_SNAP_DATA")")"; fi
out="$here/results/where16.md"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$repo" && cargo build --release -q -p reseau-benches --bin subsim-side)
side="$target/release/subsim-side"

# The instructions counted under the toggled function(s), from callgrind's summary line.
count() {
    callgrind_annotate "$1" > "$1.txt" 2> /dev/null || true
    awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1; exit}' "$1.txt"
}

if [[ "${1:-}" == --hist ]]; then
    graph="${2:-BA-1e6}"
    name="${graph}_ic0.1"
    out="$here/results/where16-hist.md"
    top() { # the 12 functions with the most samples (self), as markdown rows
        perf report -i "$1" --no-children --sort symbol --stdio 2>/dev/null |
            awk '/^ +[0-9.]+%/ {pct=$1; $1=""; $2=""; sub(/^ +/, ""); sub(/ +- +- *$/, ""); print "| " pct " | `" substr($0, 1, 90) "` |"}' |
            head -12
    }
    # Processor seconds of a whole recorded process: its samples at 499 a second.
    cpu() { perf script -i "$1" 2> /dev/null | wc -l | awk '{printf "%.1f", $1 / 499}'; }
    echo "perf: reseau HIST, $graph IC p = 0.1" >&2
    RAYON_NUM_THREADS=1 perf record -q -e cpu-clock -F 499 -o "$tmp/ours.data" \
        "$side" --child "$graph" ic:0.1 "$shared" 1 hist > "$tmp/ours.txt" 2> /dev/null
    echo "perf: SUBSIM HIST, $graph IC p = 0.1" >&2
    (cd "$subsim" && perf record -q -e cpu-clock -F 499 -o "$tmp/theirs.data" ./subsim -func=im \
        -gname="$name" -seedsize=50 -eps=0.1 -hist=1 > "$tmp/theirs.txt" 2> /dev/null)
    {
        echo "\`benches/compare/where16.sh --hist $graph\` ($(date -u '+%Y-%m-%d %H:%M UTC'), load average"
        echo "$(cut -d' ' -f1 /proc/loadavg)): HIST, IC p = 0.1, k = 50, ε = 0.1, one thread each; share of"
        echo "\`perf record -e cpu-clock\` samples by function (self), the whole process (reseau's includes"
        echo "generating the graph; SUBSIM's reading it). reseau: selection $(sed -n 's/^time=//p' "$tmp/ours.txt") s"
        echo "wall, $(sed -n 's/^cpu=//p' "$tmp/ours.txt") s processor time, $(sed -n 's/^rrsets=//p' "$tmp/ours.txt") RR sets; whole process"
        echo "$(cpu "$tmp/ours.data") s processor time (samples / 499). SUBSIM: selection $(sed -n 's/.*Time (sec): *//p' "$tmp/theirs.txt" | tail -1) s"
        echo "wall (its own measure), $(sed -n 's/.*#RR sets: *\([0-9]*\).*/\1/p' "$tmp/theirs.txt" | tail -1) RR sets; whole process $(cpu "$tmp/theirs.data") s processor time."
        echo
        echo "| reseau: share | function |"
        echo "|---:|---|"
        top "$tmp/ours.data"
        echo
        echo "| SUBSIM: share | function |"
        echo "|---:|---|"
        top "$tmp/theirs.data"
    } > "$out"
    cat "$out"
    exit 0
fi
if [[ $# -eq 0 ]]; then set -- BA-1e6 wc email-Enron wc; fi
{
    echo "\`benches/compare/where16.sh $*\` ($(date -u '+%Y-%m-%d %H:%M UTC')): instructions of the"
    echo "selection alone (valgrind --tool=callgrind, --toggle-collect on reseau's"
    echo "\`select_relays_with\` and on SUBSIM's \`Alg::subsimOnly\`), k = 50, ε = 0.1, δ = 1/n, one thread."
    echo
    echo "| graph | model | reseau instructions | SUBSIM instructions | reseau / SUBSIM | reseau RR sets | SUBSIM RR sets | reseau instructions per RR set | SUBSIM instructions per RR set |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
} > "$tmp/table"
while [[ $# -ge 2 ]]; do
    graph="$1" model="$2"
    shift 2
    name="${graph}_${model/:/}"
    if [[ ! -f "$subsim/graphInfo/$name.vec.rvs.graph" && ! -f "$subsim/graphInfo/$name" ]]; then
        echo "skipping $graph $model: not formatted under $subsim/graphInfo (run the subsim section first)" >&2
        continue
    fi
    echo "callgrind: reseau, $graph $model" >&2
    RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$tmp/ours.cg" \
        --toggle-collect='reseau::relays::select::select_relays_with*' \
        "$side" --child "$graph" "$model" "$shared" 1 opim_c > "$tmp/ours.txt" 2> "$tmp/ours.err" ||
        { tail -3 "$tmp/ours.err" >&2; exit 1; }
    echo "callgrind: SUBSIM, $graph $model" >&2
    (cd "$subsim" && valgrind --tool=callgrind --callgrind-out-file="$tmp/theirs.cg" \
        --toggle-collect='Alg::subsimOnly*' ./subsim -func=im -gname="$name" -seedsize=50 \
        -eps=0.1 > "$tmp/theirs.txt" 2> "$tmp/theirs.err") || { tail -3 "$tmp/theirs.err" >&2; exit 1; }
    ours=$(count "$tmp/ours.cg")
    theirs=$(count "$tmp/theirs.cg")
    ours_sets=$(sed -n 's/^rrsets=//p' "$tmp/ours.txt")
    theirs_sets=$(sed -n 's/.*#RR sets: *\([0-9]*\).*/\1/p' "$tmp/theirs.txt" | tail -1)
    # The functions with the most instructions (self), each side, for the notes under the table.
    for side_name in ours theirs; do
        awk -v who="$side_name" -v g="$graph" -v m="$model" '
            /^-+$/ {dash++; next}
            dash >= 6 && n < 5 && match($0, /^ *[0-9,]+ +\( *[0-9.]+%\) +/) {
                ir = $1; f = substr($0, RLENGTH + 1); sub(/^[^:]*:/, "", f); sub(/ \[.*$/, "", f)
                printf "- %s, %s %s: %s instructions in `%s`\n", g, m, (who == "ours" ? "reseau" : "SUBSIM"), ir, substr(f, 1, 100); n++
            }' "$tmp/$side_name.cg.txt" >> "$tmp/notes"
    done
    python3 - "$graph" "$model" "$ours" "$theirs" "$ours_sets" "$theirs_sets" >> "$tmp/table" <<'EOF'
import sys
g, m, a, b, ra, rb = sys.argv[1:]
a, b, ra, rb = int(a), int(b), int(ra), int(rb)
print(f"| {g} | {m} | {a:,} | {b:,} | {a / b:.2f}× | {ra:,} | {rb:,} | {a / ra:,.0f} | {b / rb:,.0f} |")
EOF
done
mkdir -p "$(dirname "$out")"
{
    cat "$tmp/table"
    echo
    echo "The five functions with the most instructions of each selection (self, callgrind_annotate):"
    echo
    cat "$tmp/notes" 2> /dev/null || true
} > "$out"
cat "$out"
