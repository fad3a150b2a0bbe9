#!/usr/bin/env bash
# HTML article extraction: Precis's engine (from each page's bytes: decoding, then parse with format html:
# libxml2 + article finding + the text pipeline) beside trafilatura on the same pages in one run, in pages per
# CPU second (each on one core), then the article F1 of both with the benchmark's own scorer, then a 10 MB page
# and a 100,000-deep page.
#
#   scripts/bench-html.sh [PAGES_DIR]
#
# PAGES_DIR defaults to ../shared/eval/data/html (article-extraction-benchmark pages, *.html.gz, with
# ground-truth.json beside them). trafilatura comes from $PRECIS_ANCHORS_VENV when set (a venv that has it),
# else it is installed into .build-venv on first use (PyPI, trafilatura 2.3.1). Nothing is copied into the project.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pages=${1:-$root/../shared/eval/data/html}
venv=${PRECIS_ANCHORS_VENV:-$root/.build-venv}
if ! "$venv/bin/python" -c "import trafilatura" 2>/dev/null; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install -q trafilatura==2.3.1
fi
swift build -c release --package-path "$root/Benchmarks" >/dev/null
tool=$root/Benchmarks/.build/release/engine-tool
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

count=$(ls "$pages" | grep -c '\.html')
echo "== article extraction speed: $pages ($count pages)"
precis=$("$tool" time-articles "$pages" --repeat 10)
trafilatura=$("$venv/bin/python" "$root/scripts/bench/trafilatura_time.py" "$pages" --repeat 2 --out "$out/trafilatura.jsonl")
python3 - "$precis" "$trafilatura" <<'PY'
import json, sys
rows = [json.loads(a) for a in sys.argv[1:]]
base = rows[-1]["pages_per_cpu_second"]
for r in rows:
    print(f"{r['system']:12s} {r['pages_per_cpu_second']:8,.0f} pages/CPU-s  {r['pages_per_cpu_second'] / base:6.1f}x trafilatura")
PY

if [ -f "$pages/ground-truth.json" ]; then
    echo "== article F1 (score_ner.py articles)"
    "$tool" articles "$pages" > "$out/precis.jsonl"
    scorer=$root/../shared/eval/score_ner.py
    for system in precis trafilatura; do
        echo "-- $system"
        python3 "$scorer" articles --gold "$pages/ground-truth.json" --pred "$out/$system.jsonl" | sed -n '2,4p'
    done
fi

echo "== hostile pages"
for case in html-10mb html-deep; do
    "$tool" hostile "$case" 10000000
done
