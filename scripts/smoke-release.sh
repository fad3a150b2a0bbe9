#!/usr/bin/env bash
# End-to-end smoke of the release binaries, as a user runs them: precisd on a free loopback port,
# every precis subcommand and output mode (text, --json, --jsonl from a file and from standard
# input, --kinds subsets, --format html, CRLF and blank lines, a bad line), each documented exit
# code against peers that fail in each way, and a few seconds of precis-bench. Bounded in time;
# stops what it started by PID. Usage: scripts/smoke-release.sh [BIN_DIR] (default .build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release}
PYTHON=${PYTHON:-python3}
WORK=$(mktemp -d)
export ERRFILE=$WORK/err
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
failures=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }

# Runs a command with a time limit; sets OUT, ERR and RC.
run() {
    set +e
    timeout 60 "$@" >"$WORK/out" 2>"$WORK/err"
    RC=$?
    set -e
    OUT=$(cat "$WORK/out")
    ERR=$(cat "$WORK/err")
}

# expect NAME RC [grep pattern on stdout]
expect() {
    local name=$1 want=$2 pattern=${3:-}
    if [ "$RC" != "$want" ]; then
        fail "$name: exit $RC, wanted $want; stderr: ${ERR:0:300}"
    elif [ -n "$pattern" ] && ! grep -qE -- "$pattern" <<<"$OUT"; then
        fail "$name: output lacks /$pattern/: ${OUT:0:300}"
    elif grep -q "Fatal error\|Program crashed\|Illegal instruction" <<<"$ERR"; then
        fail "$name: crashed: ${ERR:0:300}"
    else
        pass "$name"
    fi
}

# Checks that every stdout line is a JSON object whose ids are, in order, $1 (comma-separated).
expect_jsonl_ids() {
    local name=$1 ids=$2
    if "$PYTHON" - "$WORK/out" "$ids" <<'EOF'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
want = sys.argv[2].split(",") if sys.argv[2] else []
got = [json.dumps(json.loads(line)["id"]) for line in lines]
sys.exit(0 if got == want else f"ids {got}, wanted {want}")
EOF
    then pass "$name"; else fail "$name"; fi
}

"$BIN/precisd" --port 0 --workers 2 >"$WORK/precisd.out" 2>"$WORK/precisd.err" &
PIDS+=($!)
for _ in $(seq 100); do grep -q "listening on" "$WORK/precisd.out" 2>/dev/null && break; sleep 0.1; done
PORT=$(sed -n 's/.*listening on .*:\([0-9]*\)$/\1/p' "$WORK/precisd.out")
[ -n "$PORT" ] || { echo "precisd did not start"; cat "$WORK/precisd.err"; exit 1; }
export PRECIS_ADDRESS=127.0.0.1:$PORT
P="$BIN/precis"
echo "precisd on $PRECIS_ADDRESS"

# One document per operation, text and JSON.
run "$P" ping; expect "ping" 0 "pong from 127.0.0.1:$PORT"
run "$P" ping --json; expect "ping --json" 0 '"'
run "$P" info; expect "info" 0 "."
run "$P" info --json; expect "info --json" 0 '"serverVersion"'
for op in parse summarize extract analyze; do
    run "$P" "$op" examples/article.txt; expect "$op text" 0 "."
    run "$P" "$op" --json examples/article.txt; expect "$op --json" 0 '^\{'
    "$PYTHON" -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/out" && pass "$op --json parses" || fail "$op --json parses"
done
run "$P" summarize --sentences 2 --text "One sentence here. Another one there. A third to finish."; expect "summarize --text" 0 "."
for kinds in entities dates quantities quotes keyphrases links entities,dates quantities,quotes,keyphrases; do
    run "$P" extract --kinds "$kinds" --reference-date 2026-11-24 examples/article.txt; expect "extract --kinds $kinds" 0
done
{
    printf '<!doctype html><html><head><title>Ferries go electric | Harbour News</title><meta charset="utf-8"></head><body>'
    printf '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav><main><article><h1>Ferries go electric</h1>'
    printf '<p class="byline">By Marta Kowalczyk</p>'
    for i in 1 2 3 4 5 6; do
        printf '<p>The city ferry operator said on Monday that it would replace its diesel fleet with battery boats by 2030, after figures showed harbour emissions rose %s percent last year. The plan would cost about 180 million euros, officials said, and <a href="https://example.org/story-%s">the council</a> will vote on it in March.</p>' "$i" "$i"
    done
    printf '</article></main><footer>Cookie settings. Share this article. Copyright Harbour News.</footer></body></html>'
}>"$WORK/page.html"
run "$P" parse --format html "$WORK/page.html"; expect "parse --format html" 0 "Ferries go electric"
run "$P" extract --format html --kinds links --json "$WORK/page.html"; expect "extract links from html" 0 "example.org"

# --jsonl: a file and standard input, CRLF and LF, blank lines, a bad line, several ids.
TEXT="Officials said on Tuesday that the new bridge would open in March 2027. The project cost 40 million dollars, the mayor said. "
TEXT="$TEXT$TEXT$TEXT$TEXT$TEXT$TEXT$TEXT$TEXT$TEXT$TEXT"
{
    for i in 1 2 3 4 5; do printf '{"id": %s, "text": "%s"}\r\n' "$i" "$TEXT"; done
    printf '\r\n   \r\n'
    printf 'this is not json\r\n'
    printf '{"id": "six", "text": "%s"}\n' "$TEXT"
    printf '{"id": [7], "format": "markdown", "text": "# Title\\n\\nA line of text."}'
} >"$WORK/in.jsonl"
IDS='1,2,3,4,5,null,"six",[7]'
for op in parse summarize extract analyze; do
    run "$P" "$op" --jsonl "$WORK/in.jsonl"; expect "$op --jsonl file exits 1 for the bad line" 1
    expect_jsonl_ids "$op --jsonl file: one line each, in order" "$IDS"
    grep -q "1 of 8 lines failed" <<<"$ERR" && pass "$op --jsonl summary on stderr" || fail "$op --jsonl summary: $ERR"
    set +e; timeout 60 "$P" "$op" --jsonl <"$WORK/in.jsonl" >"$WORK/out" 2>"$WORK/err"; RC=$?; set -e
    OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
    expect "$op --jsonl stdin" 1
    expect_jsonl_ids "$op --jsonl stdin: one line each, in order" "$IDS"
done
for kinds in dates entities quotes,keyphrases; do
    run "$P" extract --kinds "$kinds" --jsonl "$WORK/in.jsonl"; expect "extract --kinds $kinds --jsonl" 1
    expect_jsonl_ids "extract --kinds $kinds --jsonl ids" "$IDS"
done
grep -v "not json" "$WORK/in.jsonl" >"$WORK/good.jsonl"
run "$P" summarize --jsonl --concurrency 1 "$WORK/good.jsonl"; expect "summarize --jsonl all good exits 0" 0
"$PYTHON" -c '
import json
for i in range(2000): print(json.dumps({"id": i, "text": "Line %d: the council met on Monday and spent $%d." % (i, i)}))' >"$WORK/many.jsonl"
run "$P" extract --jsonl "$WORK/many.jsonl"; expect "extract --jsonl 2,000 lines" 0
[ "$(wc -l <"$WORK/out")" = 2000 ] && pass "2,000 answers" || fail "2,000 answers: $(wc -l <"$WORK/out")"

# Usage errors and unreadable input exit 2.
run "$P" summarize --jsonl /nonexistent/file; expect "missing file exits 2" 2
run "$P" parse --format nonsense examples/article.txt; expect "bad --format exits 2" 2
run "$P" extract --kinds nonsense examples/article.txt; expect "bad --kinds exits 2" 2
run "$P" parse examples; expect "a directory exits 2" 2
# Standard input that cannot be read (a directory here; a terminal in a background job gives EIO):
# a sentence and exit 2, not a trap in Foundation's FileHandle.
set +e
"$PYTHON" -c 'import os, subprocess, sys; fd = os.open("/", os.O_RDONLY); sys.exit(subprocess.run(sys.argv[1:], stdin=fd, stderr=open(os.environ["ERRFILE"], "w"), timeout=60).returncode)' \
    "$P" summarize >"$WORK/out"
RC=$?
set -e
OUT=""; ERR=$(cat "$WORK/err")
expect "unreadable standard input exits 2" 2
grep -q "cannot read standard input" <<<"$ERR" && pass "unreadable standard input says so" || fail "stdin message: $ERR"

# Each way a call can fail has its own exit code.
FREE=$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
run "$P" ping --address "127.0.0.1:$FREE" --timeout 2s; expect "nothing listening exits 3" 3
grep -q "connection refused" <<<"$ERR" && pass "refused says so" || fail "refused message: $ERR"
grep -q "errno\|SingleConnectionFailure" <<<"$ERR" && fail "refused message shows NIO internals: $ERR" || pass "no NIO internals"
peer() {  # peer MODE: a fake server on a free port that misbehaves in one way; prints its port
    "$PYTHON" - "$1" >"$WORK/peer.port" <<'EOF' &
import socket, sys, time
mode = sys.argv[1]
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0)); s.listen(16)
print(s.getsockname()[1], flush=True)
s.settimeout(30)
end = time.time() + 30
while time.time() < end:
    try:
        c, _ = s.accept()
    except OSError:
        break
    if mode == "close":
        c.close()
    elif mode == "http":
        c.recv(100); c.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"); time.sleep(0.2); c.close()
    elif mode == "silent":
        c.recv(100); c.sendall(b"PRECIS\x01\x00"); time.sleep(5); c.close()
EOF
    PIDS+=($!)
    for _ in $(seq 50); do [ -s "$WORK/peer.port" ] && break; sleep 0.1; done
    cat "$WORK/peer.port"
}
run "$P" ping --address "127.0.0.1:$(peer close)" --timeout 2s; expect "closed before the preface exits 5" 5
run "$P" ping --address "127.0.0.1:$(peer http)" --timeout 2s; expect "not a Precis server exits 6" 6
run "$P" summarize --address "127.0.0.1:$(peer silent)" --timeout 300ms --text "No answer will come."; expect "no answer within --timeout exits 4" 4

# precis-bench: a few seconds of ping and of extract, honest figures.
run "$BIN/precis-bench" --address "$PRECIS_ADDRESS" --op ping --connections 2 --depth 8 --duration 2s --json
expect "precis-bench ping" 0 '"throughput"'
run "$BIN/precis-bench" --address "$PRECIS_ADDRESS" --op extract --input "$WORK/good.jsonl" --connections 2 --depth 2 --duration 2s
expect "precis-bench extract" 0 "."
run "$BIN/precis-bench" --address "127.0.0.1:$FREE" --op ping --duration 1s --warmup 0s; expect "precis-bench against nothing exits 2" 2
run "$BIN/precis-bench" --address "$PRECIS_ADDRESS" --op ping --duration 1s --warmup 0s --max-p99 1ns; expect "precis-bench over --max-p99 exits 1" 1

kill -TERM "${PIDS[0]}"
for _ in $(seq 100); do kill -0 "${PIDS[0]}" 2>/dev/null || break; sleep 0.1; done
kill -0 "${PIDS[0]}" 2>/dev/null && fail "precisd still running 10 s after SIGTERM" || pass "precisd exits on SIGTERM"

# Health and lame-duck drain: /healthz and /readyz on the metrics port; on SIGTERM readiness
# turns 503 at once while pings are still served for --drain-delay, then the process exits 0.
http_status() { # PORT PATH -> the HTTP status code, or 000
    "$PYTHON" -c '
import http.client, sys
try:
    c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=5)
    c.request("GET", sys.argv[2])
    print(c.getresponse().status)
except (OSError, ValueError):
    print("000")' "$1" "$2"
}
"$BIN/precisd" --port 0 --metrics-port 0 --drain-delay 2s >"$WORK/drain.out" 2>"$WORK/drain.err" &
DRAIN_PID=$!
PIDS+=($DRAIN_PID)
for _ in $(seq 100); do grep -q "metrics on" "$WORK/drain.out" 2>/dev/null && break; sleep 0.1; done
DPORT=$(sed -n 's/.*listening on .*:\([0-9]*\)$/\1/p' "$WORK/drain.out")
MPORT=$(sed -n 's|.*metrics on http://.*:\([0-9]*\)/metrics$|\1|p' "$WORK/drain.out")
[ "$(http_status "$MPORT" /healthz)" = 200 ] && pass "/healthz 200" || fail "/healthz not 200"
[ "$(http_status "$MPORT" /readyz)" = 200 ] && pass "/readyz 200 while serving" || fail "/readyz not 200 while serving"
run "$P" health --address "127.0.0.1:$DPORT"; expect "health SERVING exits 0" 0 "^SERVING"
kill -TERM "$DRAIN_PID"
sleep 0.3
run "$P" health --address "127.0.0.1:$DPORT"; expect "health DRAINING after SIGTERM exits 1" 1 "^DRAINING"
[ "$(http_status "$MPORT" /readyz)" = 503 ] && pass "/readyz 503 right after SIGTERM" || fail "/readyz not 503 after SIGTERM"
run "$P" ping --address "127.0.0.1:$DPORT"; expect "ping served during --drain-delay" 0 "pong"
for _ in $(seq 100); do kill -0 "$DRAIN_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$DRAIN_PID" 2>/dev/null; then
    fail "precisd still running 10 s after SIGTERM with --drain-delay 2s"
elif wait "$DRAIN_PID"; then
    pass "precisd exits 0 after its drain delay"
else
    fail "precisd exit status $? after its drain delay"
fi

echo "smoke: $failures failed"
[ "$failures" = 0 ]
