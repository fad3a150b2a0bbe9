#!/usr/bin/env bash
# `precis --jsonl` throughput beside precis-bench's on the same documents and operation, in one
# run against one release precisd: the batch CLI should run at server speed, not add its own.
#
#   scripts/bench-cli.sh [--repeat N]        (needs `make release`; data from ../shared/eval)
#
# Documents: the 300 BBC texts ten times over (3,000 lines) and the 90 HTML dev pages five times
# over (450 JSONL lines with "format": "html"), so that each CLI run lasts seconds and its start
# (process, connections) does not dominate. Both tools keep 32 requests in flight (precis: --concurrency 32
# over its connections; precis-bench: 2 connections x depth 16). Prints lines/s for each, the
# ratio, and the CLI's own CPU per line (user+sys of the precis process).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
repeat=3
[ "${1:-}" = "--repeat" ] && repeat=$2
bin=$root/.build/release
data=$root/../shared/eval/data
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

python3 - "$data" "$work" <<'PY'
import glob, gzip, json, os, sys
data, work = sys.argv[1:]
lines = [json.loads(l) for l in open(os.path.join(data, "summaries_bbc_300.jsonl"), encoding="utf-8")]
with open(os.path.join(work, "bbc.jsonl"), "w", encoding="utf-8") as out:
    for round in range(10):
        for doc in lines:
            out.write(json.dumps({"id": f"{doc['id']}#{round}", "text": doc["text"]}) + "\n")
pages = [(os.path.basename(p)[:12], gzip.open(p).read().decode("utf-8", "replace"))
         for p in sorted(glob.glob(os.path.join(data, "html", "*.html.gz")))]
with open(os.path.join(work, "html.jsonl"), "w", encoding="utf-8") as out:
    for round in range(5):
        for name, text in pages:
            out.write(json.dumps({"id": f"{name}#{round}", "text": text, "format": "html"}) + "\n")
PY

"$bin/precisd" --port 0 >"$work/precisd.out" 2>"$work/precisd.err" &
pids+=($!)
for _ in $(seq 100); do grep -q "listening on" "$work/precisd.out" 2>/dev/null && break; sleep 0.1; done
address=$(sed -n 's/.*listening on \(.*\)$/\1/p' "$work/precisd.out")
echo "precisd on $address; median of $repeat runs each"

median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }
printf '%-10s %-6s %12s %14s %7s %16s\n' op input "precis l/s" "bench req/s" ratio "CLI CPU µs/line"
for input in bbc html; do
    lines=$(wc -l <"$work/$input.jsonl")
    for op in parse summarize extract; do
        cli=() bench=() cpu=()
        for _ in $(seq "$repeat"); do
            start=$(date +%s.%N)
            /usr/bin/time -f "%U %S" -o "$work/time" "$bin/precis" "$op" --address "$address" --jsonl "$work/$input.jsonl" >/dev/null
            end=$(date +%s.%N)
            cli+=("$(python3 -c "print($lines / ($end - $start))")")
            cpu+=("$(python3 -c "u, s = open('$work/time').read().split()[-2:]; print((float(u) + float(s)) * 1e6 / $lines)")")
            bench+=("$("$bin/precis-bench" --address "$address" --op "$op" --input "$work/$input.jsonl" \
                --connections 2 --depth 16 --duration 5s --warmup 1s --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["throughput"])')")
        done
        c=$(median "${cli[@]}"); b=$(median "${bench[@]}"); u=$(median "${cpu[@]}")
        printf '%-10s %-6s %12.0f %14.0f %7.2f %16.0f\n' "$op" "$input" "$c" "$b" "$(python3 -c "print($c / $b)")" "$u"
    done
done
