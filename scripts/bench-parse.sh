#!/usr/bin/env bash
# parse speed, Precis's engine beside pySBD on the same texts in one run, in documents per CPU
# second (each runs on one core), and how parse scales on hostile inputs.
#
#   scripts/bench-parse.sh [TEXTS.jsonl]
#
# TEXTS defaults to ../shared/eval/data/summaries_bbc_300.jsonl (the 300 BBC texts). pySBD
# 0.3.4 is installed into .build-venv on first use (PyPI). Nothing is copied into the project.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
texts=${1:-$root/../shared/eval/data/summaries_bbc_300.jsonl}
venv=$root/.build-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pysbd" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q pysbd==0.3.4
fi
swift build -c release --package-path "$root/Benchmarks" >/dev/null
tool=$root/Benchmarks/.build/release/engine-tool

echo "== parse: $(basename "$texts") ($(grep -c . "$texts") documents)"
precis=$("$tool" time-parse "$texts" --repeat 20)
pysbd=$("$venv/bin/python" "$root/scripts/bench/pysbd_time.py" "$texts")
python3 - "$precis" "$pysbd" <<'PY'
import json, sys
p, s = json.loads(sys.argv[1]), json.loads(sys.argv[2])
for r in (p, s):
    print(f"{r['system']:8s} {r['docs_per_cpu_second']:12,.0f} docs/CPU-s   {r['sentences_per_pass']:6d} sentences")
print(f"precis / pysbd = {p['docs_per_cpu_second'] / s['docs_per_cpu_second']:,.0f}x per core")
PY

echo "== hostile inputs: CPU time and peak memory at 1 MB and 10 MB (linear means ~10x)"
printf '%-18s %10s %10s %8s %10s %10s\n' case "1MB s" "10MB s" ratio "1MB RSS" "10MB RSS"
for case in one-word no-spaces tiny-sentences nesting random-unicode many-lines long-line-of-dots; do
    small=$( { /usr/bin/time -f "rss=%M" "$tool" hostile "$case" 1000000; } 2>&1 )
    large=$( { /usr/bin/time -f "rss=%M" "$tool" hostile "$case" 10000000; } 2>&1 )
    python3 - "$case" "$small" "$large" <<'PY'
import json, re, sys
case, small, large = sys.argv[1:]
def parse(out):
    record = json.loads(next(l for l in out.splitlines() if l.startswith("{")))
    rss = int(re.search(r"rss=(\d+)", out).group(1))
    return record["cpu_seconds"], rss
(t1, m1), (t2, m2) = parse(small), parse(large)
print(f"{case:18s} {t1:10.3f} {t2:10.3f} {t2 / max(t1, 1e-6):8.1f} {m1 / 1024:8.0f}MB {m2 / 1024:8.0f}MB")
PY
done
