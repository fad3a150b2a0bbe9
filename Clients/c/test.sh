#!/usr/bin/env bash
# Runs precis-c-example against a real precisd, under valgrind (no leaks, no invalid reads or
# writes: any error fails the test).
#   Clients/c/test.sh PRECISD EXAMPLE [LIMITS_TEST]
set -euo pipefail
precisd=${1:?usage: test.sh PRECISD EXAMPLE [LIMITS_TEST]}
example=${2:?usage: test.sh PRECISD EXAMPLE [LIMITS_TEST]}
limits_test=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

: >"$work/stdout"
"$precisd" --host 127.0.0.1 --port 0 >"$work/stdout" 2>"$work/stderr" &
server_pid=$!
port=""
for _ in $(seq 1 300); do
    port=$(sed -n 's/.*listening on .*:\([0-9][0-9]*\)[[:space:]]*$/\1/p' "$work/stdout" | head -1 || true)
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { echo "FAIL precisd exited"; cat "$work/stderr"; exit 1; }
    sleep 0.1
done
[ -n "$port" ] || { echo "FAIL precisd printed no 'listening on' line"; exit 1; }

valgrind=(valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect
          --errors-for-leak-kinds=definite,indirect)
failures=0
check() {  # check NAME CONDITION...
    local name=$1; shift
    if "$@"; then echo "ok   $name"; else echo "FAIL $name"; failures=$((failures + 1)); fi
}

# 1. info, ping and a two-sentence summary of a small article written for this test.
status=0
"${valgrind[@]}" "$example" "127.0.0.1:$port" 2 <"$here/testdata/article.txt" >"$work/out" 2>"$work/err" || status=$?
check "example exits 0 under valgrind (status $status)" [ "$status" -eq 0 ]
check "info names protocol 1" grep -q '^server .*, protocol 1\.' "$work/out"
check "ping echoed" grep -q '^ping ok (8 bytes echoed)' "$work/out"
check "summary has 2 sentences" grep -q '^summary: 2 of ' "$work/out"
check "each summary line carries a span" [ "$(grep -c '^\[[0-9]*,[0-9]*) ' "$work/out")" -eq 2 ]

# 2. Text that is not UTF-8: the server's INVALID_ARGUMENT comes back as an error, no leak.
status=0
printf 'caf\xe9 au lait.\n' | "${valgrind[@]}" "$example" "127.0.0.1:$port" 1 >"$work/out2" 2>"$work/err2" || status=$?
check "invalid UTF-8 exits 1 (status $status)" [ "$status" -eq 1 ]
check "invalid UTF-8 reports INVALID_ARGUMENT" grep -q '^error: summarize: INVALID_ARGUMENT: ' "$work/err2"

# 3. A document over the 4 MiB frame limit: refused before sending (the connection stays usable),
#    and with the client's check off the server's RESOURCE_EXHAUSTED, not the reset.
if [ -n "$limits_test" ]; then
    status=0
    "${valgrind[@]}" "$limits_test" "127.0.0.1:$port" >"$work/out4" 2>"$work/err4" || status=$?
    check "frame-limit checks pass under valgrind (status $status)" [ "$status" -eq 0 ]
    check "no frame-limit check failed" [ "$(grep -c '^FAIL' "$work/out4")" -eq 0 ]
fi

# 4. A port nobody listens on: UNAVAILABLE, no leak.
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
status=0
"${valgrind[@]}" "$example" "127.0.0.1:$port" </dev/null >"$work/out3" 2>"$work/err3" || status=$?
check "refused connection exits 1 (status $status)" [ "$status" -eq 1 ]
check "refused connection reports UNAVAILABLE" grep -q '^error: connect: UNAVAILABLE: cannot connect to 127.0.0.1:' "$work/err3"

if [ "$failures" -ne 0 ]; then
    for f in out err out2 err2 out3 err3 out4 err4; do [ -f "$work/$f" ] || continue; echo "--- $f"; cat "$work/$f"; done
    echo "$failures C client checks failed"; exit 1
fi
echo "C client: all checks passed"
