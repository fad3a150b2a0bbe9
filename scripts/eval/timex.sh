#!/usr/bin/env bash
# Temporal expressions (TimeML TIMEX3) scored as TempEval-3 Task A: `precis extract --kinds dates --jsonl`
# over TBAQ (TimeBank + AQUAINT), WikiWars and a sample of the TempEval-3 silver set, each document resolved
# against its own creation date (`reference_date` on its JSONL line), scored by ../shared/eval/score_timex.py.
#
#   scripts/eval/timex.sh [--no-build] [--bin DIR] [--port N] [--silver N] [--grouped] [--errors DIR]
#
# --no-build    use the release binaries already in .build/release (or --bin DIR)
# --port N      the port of the precisd this script starts on 127.0.0.1 (default 7701; stopped at the end)
# --silver N    how many silver documents (default 300: every k-th of the 2,452, always the same ones)
# --grouped     one `precis --reference-date D` call per creation date instead of `reference_date` per line
#               (for binaries older than the per-line reference date)
# --errors DIR  also write each set's misses, wrong values and spurious timexes to DIR/SET.errors.tsv
# Nothing from ../shared is copied into the project: inputs and outputs go to a temporary directory.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=$root/../shared/eval
bin=$root/.build/release
build=1
port=7701
silver=300
grouped=0
errors=""
while [ $# -gt 0 ]; do
    case $1 in
        --no-build) build=0; shift ;;
        --bin) bin=$2; build=0; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --silver) silver=$2; shift 2 ;;
        --grouped) grouped=1; shift ;;
        --errors) errors=$2; mkdir -p "$errors"; shift 2 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done
if [ "$build" = 1 ]; then
    (cd "$root" && swift build -c release --product precisd >/dev/null && swift build -c release --product precis >/dev/null)
fi
work=$(mktemp -d)
pid=""
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

"$bin/precisd" --host 127.0.0.1 --port "$port" --workers 2 >"$work/precisd.out" 2>"$work/precisd.err" &
pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/precisd.out" 2>/dev/null && break; sleep 0.1; done
grep -q "listening on" "$work/precisd.out" || { echo "precisd did not start" >&2; cat "$work/precisd.err" >&2; exit 1; }
export PRECIS_ADDRESS=127.0.0.1:$port

# GOLD → the CLI's JSONL ({id, text, format, reference_date}); the silver sample also gets its own gold file.
python3 - "$shared/data/dates" "$work" "$silver" <<'PY'
import gzip, json, sys
src, work, silver = sys.argv[1], sys.argv[2], int(sys.argv[3])
sets = {"tbaq": open(f"{src}/tbaq_cleaned.jsonl", encoding="utf-8").read().splitlines(),
        "wikiwars": open(f"{src}/wikiwars.jsonl", encoding="utf-8").read().splitlines()}
lines = [l for l in gzip.open(f"{src}/te3_silver.jsonl.gz", "rt", encoding="utf-8").read().splitlines() if l.strip()]
step = max(1, len(lines) // silver)
sets["silver"] = lines[::step][:silver]
for name, rows in sets.items():
    rows = [json.loads(l) for l in rows if l.strip()]
    with open(f"{work}/{name}.gold.jsonl", "w", encoding="utf-8") as gold, \
         open(f"{work}/{name}.in.jsonl", "w", encoding="utf-8") as out:
        for r in rows:
            gold.write(json.dumps(r, ensure_ascii=False) + "\n")
            out.write(json.dumps({"id": r["id"], "text": r["text"], "format": "text",
                                  "reference_date": r["dct"][:10]}, ensure_ascii=False) + "\n")
PY

run_set() {  # run_set NAME: the system's JSONL for the set
    local name=$1
    if [ "$grouped" = 0 ]; then
        "$bin/precis" extract --kinds dates --jsonl "$work/$name.in.jsonl"
        return
    fi
    python3 - "$work/$name.in.jsonl" "$work/$name.groups" <<'PY'
import json, os, sys
os.makedirs(sys.argv[2], exist_ok=True)
groups = {}
for line in open(sys.argv[1], encoding="utf-8"):
    groups.setdefault(json.loads(line)["reference_date"], []).append(line)
for date, rows in groups.items():
    open(f"{sys.argv[2]}/{date}.jsonl", "w", encoding="utf-8").writelines(rows)
PY
    for file in "$work/$name.groups"/*.jsonl; do
        "$bin/precis" extract --kinds dates --reference-date "$(basename "$file" .jsonl)" --jsonl "$file"
    done
}

printf "%-9s %6s %6s %8s %8s %8s %8s\n" set docs gold relaxed strict value type
for name in tbaq wikiwars silver; do
    run_set "$name" >"$work/$name.system.jsonl"
    python3 "$shared/score_timex.py" "$work/$name.gold.jsonl" "$work/$name.system.jsonl" --offsets utf8 --json \
        ${errors:+--errors} 2>"$work/$name.errors.tsv" >"$work/$name.score.json"
    [ -n "$errors" ] && cp "$work/$name.errors.tsv" "$errors/$name.errors.tsv"
    python3 - "$name" "$work/$name.score.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[2]))
t = "-" if r["type_f1"] is None else f"{r['type_f1']:.2f}"
print(f"{sys.argv[1]:<9} {r['documents']:>6} {r['gold']:>6} {r['relaxed_f1']:>8.2f} {r['strict_f1']:>8.2f} "
      f"{r['value_f1']:>8.2f} {t:>8}   (P {r['relaxed_precision']:.1f} R {r['relaxed_recall']:.1f}, missing docs {r['missing']})")
PY
done
