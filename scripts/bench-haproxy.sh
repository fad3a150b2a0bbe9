#!/usr/bin/env bash
# Throughput through HAProxy (deploy/haproxy.cfg) in front of several precisd, beside one
# precisd alone, on loopback.
#
#   scripts/bench-haproxy.sh [--servers 3] [--connections 32] [--depth 8] [--duration 10s]
#                            [--op ping] [--input FILE] [--base-port 7451] [--client bench|ping] [--repeat 3]
#
# --input is passed to precis-bench for document operations (a text file, JSONL or directory).
# Builds precisd (and precis-bench) in release, installs haproxy with apt when missing, starts
# N precisd on BASE_PORT+1..BASE_PORT+N and HAProxy on BASE_PORT, runs
#   precis-bench --address H:P --op OP --connections C --depth D --duration T --json
# through HAProxy and against the first precisd alone, alternating, --repeat times each, and
# prints every throughput and the medians. With --client ping it also measures the client
# spreading its own connections over every precisd (`precis ping --address a,b,c`).
# Everything it starts is stopped by PID on exit. PRECIS_BIN_DIR=DIR uses the binaries there
# instead of building. `--client ping` uses `precis ping --json`
# instead of precis-bench (a quick check of the plumbing, pings only).
# Every process shares this machine's cores: on a small machine the figure shows HAProxy's
# cost more than the scale-out, which needs precisd on separate machines.
set -euo pipefail
cd "$(dirname "$0")/.."

servers=3 connections=32 depth=8 duration=10s op=ping base_port=7451 client=bench repeat=3 input=""
while [ $# -gt 0 ]; do
    case $1 in
        --servers) servers=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --depth) depth=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --op) op=$2; shift 2 ;;
        --input) input=$2; shift 2 ;;
        --base-port) base_port=$2; shift 2 ;;
        --client) client=$2; shift 2 ;;
        --repeat) repeat=$2; shift 2 ;;
        -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
case $servers in 1|2|3) ;; *) echo "--servers must be 1, 2 or 3 (deploy/haproxy.cfg lists three)" >&2; exit 2 ;; esac
[ "$client" = ping ] && [ "$op" != ping ] && { echo "--client ping measures pings only" >&2; exit 2; }
[ "$op" = ping ] || [ -n "$input" ] || { echo "--op $op needs --input FILE (documents to send)" >&2; exit 2; }

sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
if ! command -v haproxy >/dev/null; then
    echo "installing haproxy (apt)"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq haproxy >/dev/null
fi
haproxy_bin=$(command -v haproxy)

bin=${PRECIS_BIN_DIR:-}
if [ -z "$bin" ]; then
    bin=.build/release
    swift build -c release --product precisd
    if [ "$client" = bench ]; then
        swift build -c release --product precis-bench
    else
        swift build -c release --product precis
    fi
fi

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

wait_for_line() {  # FILE PATTERN PID
    for _ in $(seq 1 200); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        kill -0 "$3" 2>/dev/null || { echo "process $3 exited:" >&2; cat "$1" >&2; return 1; }
        sleep 0.05
    done
    echo "timed out waiting for '$2' in $1" >&2; return 1
}

export PRECIS_LISTEN="127.0.0.1:$base_port"
for i in $(seq 1 3); do
    export "PRECIS_BACKEND_$i=127.0.0.1:$((base_port + i))"
done
for i in $(seq 1 "$servers"); do
    "$bin/precisd" --host 127.0.0.1 --port $((base_port + i)) --log-level warning \
        >"$work/precisd$i.out" 2>"$work/precisd$i.err" &
    pids+=($!)
    wait_for_line "$work/precisd$i.out" "listening on" "$!"
done
# Only the servers started: drop the others' lines from a copy of the committed config.
awk -v n="$servers" '/^    server precisd[0-9]/ { k = substr($2, 8) + 0; if (k > n) next } { print }' \
    deploy/haproxy.cfg >"$work/haproxy.cfg"
"$haproxy_bin" -c -q -f "$work/haproxy.cfg"
"$haproxy_bin" -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
pids+=($!)
haproxy_pid=$!
for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$base_port") 2>/dev/null && break
    kill -0 "$haproxy_pid" 2>/dev/null || { cat "$work/haproxy.log" >&2; exit 1; }
    sleep 0.05
done
sleep 2.5  # one round of health checks (inter 2s)

measure() {  # ADDRESS → throughput (requests/s)
    local out
    if [ "$client" = bench ]; then
        out=$("$bin/precis-bench" --address "$1" --op "$op" --connections "$connections" \
            --depth "$depth" --duration "$duration" ${input:+--input "$input"} --json)
    else
        local seconds=${duration%s}
        out=$("$bin/precis" ping --address "$1" --connections "$connections" \
            --concurrency $((connections * depth)) --count $((seconds * 20000)) --json)
    fi
    echo "$out" >"$work/last.json"
    /usr/bin/python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))["throughput"]))' "$work/last.json"
}

echo "op=$op connections=$connections depth=$depth duration=$duration client=$client cores=$(nproc) repeat=$repeat"
all_servers=$(for i in $(seq 1 "$servers"); do printf '127.0.0.1:%d,' $((base_port + i)); done)
all_servers=${all_servers%,}
throughs=() alones=() spreads=()
for r in $(seq 1 "$repeat"); do
    throughs+=("$(measure "127.0.0.1:$base_port")")
    alones+=("$(measure "127.0.0.1:$((base_port + 1))")")
    line="run $r: through HAProxy ($servers precisd) ${throughs[-1]} req/s, one precisd alone ${alones[-1]} req/s"
    if [ "$client" = ping ]; then
        # The client spreading its own connections over every precisd, no HAProxy.
        spreads+=("$(measure "$all_servers")")
        line="$line, client spreading over $servers precisd ${spreads[-1]} req/s"
    fi
    echo "$line"
done
/usr/bin/python3 - "$servers" "${#throughs[@]}" "${throughs[@]}" "${alones[@]}" <<'PY'
import statistics, sys
servers, n = sys.argv[1], int(sys.argv[2])
through = [float(x) for x in sys.argv[3:3 + n]]
alone = [float(x) for x in sys.argv[3 + n:]]
t, a = statistics.median(through), statistics.median(alone)
print("median through HAProxy, %s precisd: %d req/s" % (servers, t))
print("median one precisd alone:          %d req/s" % a)
print("ratio HAProxy/alone: %.2f" % (t / a if a else 0))
PY
if [ "${#spreads[@]}" -gt 0 ]; then
    /usr/bin/python3 -c 'import statistics, sys; print("median client spreading over %s precisd: %d req/s" % (sys.argv[1], statistics.median(map(float, sys.argv[2:]))))' "$servers" "${spreads[@]}"
fi
if grep -q "is DOWN" "$work/haproxy.log"; then
    echo "HAProxy marked a server down during the run:" >&2
    grep "is DOWN" "$work/haproxy.log" >&2
fi
