#!/usr/bin/env bash
# ROUGE of each summarizer algorithm on the BBC 300 (3 sentences), beside the lead-3 and sumy TextRank
# anchors, scored by ../shared/eval/score_text.py (rouge-score from .build-venv; see bench-summarize.sh).
#
#   scripts/eval/summaries.sh [GOLD.jsonl] [--title]
#
# --title puts each record's title above its text, as on a news page (the parser may then take the first
# paragraph for a dek and leave it out of the body). Outputs go to a temporary directory.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=$root/../shared/eval
gold=${1:-$shared/data/summaries_bbc_300.jsonl}
extra=("${@:2}")
python=${PRECIS_EVAL_PYTHON:-$root/.build-venv/bin/python}
[ -x "$python" ] || python=python3
swift build -c release --package-path "$root/Benchmarks" >/dev/null
tool=$root/Benchmarks/.build/release/engine-tool
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
score() {
    "$python" "$shared/score_text.py" summaries "$gold" "$2" 2>/dev/null |
        awk -v name="$1" '/^rouge1_f1 /{r1=$2} /^rouge2_f1 /{r2=$2} /^rougeLsum_f1 /{rl=$2} /^rougeL_f1 /{l=$2}
            END {printf "%-22s R-1 %5.1f  R-2 %5.1f  R-L %5.1f  R-Lsum %5.1f\n", name, r1, r2, l, rl}'
}
for algorithm in default textrank lexrank lead; do
    "$tool" summaries "$gold" --sentences 3 --algorithm "$algorithm" ${extra[@]+"${extra[@]}"} >"$out/$algorithm.jsonl"
    score "precis $algorithm" "$out/$algorithm.jsonl"
done
for anchor in lead sumy_textrank; do
    file=$shared/anchors/summaries_bbc.$anchor.3.jsonl
    [ -f "$file" ] && [ "$(basename "$gold")" = summaries_bbc_300.jsonl ] && score "anchor $anchor" "$file"
done
exit 0
