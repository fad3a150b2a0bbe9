#!/usr/bin/env bash
# Human-judgement proxies for each summarizer algorithm at the same word budget (default 60 words): coverage of
# the BBC texts' human-written headlines and of KPCrowd's crowd-marked keyphrases (scripts/eval/summary_proxies.py).
#
#   scripts/eval/summary-proxies.sh [WORDS]
#
# Needs NLTK in PRECIS_EVAL_PYTHON (default .build-venv/bin/python, which scripts/bench-summarize.sh sets up).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=$root/../shared/eval/data
words=${1:-60}
python=${PRECIS_EVAL_PYTHON:-$root/.build-venv/bin/python}
swift build -c release --package-path "$root/Benchmarks" >/dev/null
tool=$root/Benchmarks/.build/release/engine-tool
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf "%-10s %18s %22s\n" algorithm "BBC headline words" "KPCrowd keyphrases"
for algorithm in default textrank lexrank lead; do
    row=()
    for set in summaries_bbc_300 keyphrases_500n_kpcrowd_300; do
        "$tool" summaries "$data/$set.jsonl" --words "$words" --algorithm "$algorithm" >"$out/$set.jsonl"
        row+=("$("$python" "$root/scripts/eval/summary_proxies.py" "$data/$set.jsonl" "$out/$set.jsonl")")
    done
    printf "%-10s %17s%% %21s%%\n" "$algorithm" "${row[0]}" "${row[1]}"
done
