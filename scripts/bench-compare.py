#!/usr/bin/python3
"""Precis side by side with grpc-swift-2 and Redis, on this machine, in one go.

    scripts/bench-compare.py [--runs 3] [--seconds 5] [--grpc-anchor ../shared/anchors/grpc-echo]
                             [--docs FILE.jsonl] [--out results.json]

Builds precisd and precis-bench (release), the grpc-swift-2 echo peer from its own directory
(never copied here; its build products go to .build-anchors/grpc-echo, as ../shared may be
read-only) and installs redis-server/redis-tools from apt when missing. Then, RUNS
times over, and interleaved so that every tool sees the same machine:

  precisd       ping 16 B and 3 KB at 1 in flight, 50 in flight on 1 connection, 48 on 4
                (4 x 12), 50 on 1 connection in batches of 10 (PrecisClient.callBatch, the
                counterpart of redis-benchmark -P); summarize and extract of the --docs texts at 1 and 16 in flight;
                server CPU per request from /proc/PID/stat
  grpc-echo     unary echo of the same payloads at the same concurrency (50 over 4 connections)
  redis         redis-benchmark PING, SET and GET of 3 KB at -c 50 -P 1 and -c 50 -P 16
  open loop     precis-bench --rate at half of the open-loop maximum (ping 3 KB, summarize): the highest
                rate, searched in 15% steps from 60% of the closed-loop maximum, that the open loop
                keeps up with (achieved within 2%, p99 under 50 ms)

and prints a Markdown table of medians, with each peer as a ratio of Precis in the same run.
Servers listen on 127.0.0.1 ports PORT..PORT+2 (default 7500) and are stopped by their PID.
Not part of CI.
"""
import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench"))
from procstat import rss_kib  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def run(cmd, cwd=None, check=True, timeout=None):
    log("$", " ".join(cmd))
    return subprocess.run(cmd, cwd=cwd, check=check, timeout=timeout, capture_output=True, text=True)


def ensure_apt(packages):
    missing = [p for p in packages if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0]
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    log("installing", " ".join(missing))
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq"] + missing, check=True,
                   env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))




class Server:
    """A server process we started; stopped by its PID only."""

    def __init__(self, cmd, ready=None):
        log("starting", " ".join(cmd))
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        if ready:
            line = self.proc.stdout.readline()
            if ready not in line:
                self.stop()
                raise RuntimeError(f"{cmd[0]} did not start: {line!r}")
        time.sleep(0.5)
        if self.proc.poll() is not None:
            raise RuntimeError(f"{cmd[0]} exited at once")

    @property
    def pid(self):
        return self.proc.pid

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def precis_bench(bench, port, args, seconds, pid=None):
    cmd = [bench, "--address", f"127.0.0.1:{port}", "--duration", f"{seconds}s", "--warmup", "1s",
           "--json", "--quiet"] + args
    if pid:
        cmd += ["--server-pid", str(pid)]
    # Exit 1 is a run that failed its thresholds (any error, by default): the report is still
    # printed; keep it, and say so. Anything else (2: usage or setup) is fatal.
    done = run(cmd, check=False, timeout=seconds * 4 + 60)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"precis-bench exited {done.returncode}: {done.stderr.strip()}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if report.get("schemaVersion", 1) < 2:
        raise RuntimeError("precis-bench printed a schema 1 report; rebuild it (docs/BENCH.md)")
    if report["errors"]:
        log(f"warning: {report['errors']} of {report['requests']} requests failed "
            f"({100 * report['errorRate']:.2f}%): {report['statusCounts']}; throughput counts OK answers only")
    return report


def open_loop_max(bench, port, args, start_rate, seconds=3):
    """The highest rate the open loop keeps up with: from start_rate up in steps of 15% while the
    achieved rate stays within 2% of the schedule and p99 under 50 ms (past the maximum the backlog,
    and with it the latency from the due time, grows for as long as the run lasts)."""
    best, rate = None, start_rate
    for _ in range(10):
        out = precis_bench(bench, port, args + ["--rate", str(int(rate))], seconds)
        if out["throughput"] < 0.98 * rate or out["latencyMicros"]["p99"] > 50_000:
            break
        best, rate = rate, rate * 1.15
    return int(best or start_rate)


def grpc_bench(binary, port, conns, concurrency, payload, seconds):
    out = run([binary, "--port", str(port), "--conns", str(conns), "--concurrency", str(concurrency),
               "--payload", str(payload), "--duration", str(seconds), "--warmup", "1", "--mode", "pb"],
              timeout=seconds * 4 + 60).stdout
    for line in reversed(out.strip().splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(f"no JSON from grpc-echo-bench: {out!r}")


def redis_bench(port, test, pipeline, requests):
    out = run(["redis-benchmark", "-h", "127.0.0.1", "-p", str(port), "-c", "50", "-P", str(pipeline),
               "-n", str(requests), "-d", "3072", "-t", test, "--csv"], timeout=300).stdout
    rates = {}
    for line in out.strip().splitlines()[1:]:
        cells = [c.strip('"') for c in line.split(",")]
        rates[cells[0]] = float(cells[1])
    return rates


PING_CASES = [
    # name, payload, connections, depth, batch (precis), grpc conns, grpc concurrency
    ("ping 16 B, 1 in flight", 16, 1, 1, 1, 1, 1),
    ("ping 3 KB, 1 in flight", 3072, 1, 1, 1, 1, 1),
    ("ping 16 B, 50 in flight, 1 conn", 16, 1, 50, 1, 1, 50),
    ("ping 3 KB, 50 in flight, 1 conn", 3072, 1, 50, 1, 1, 50),
    ("ping 16 B, 48-50 in flight, 4 conns", 16, 4, 12, 1, 4, 50),
    ("ping 3 KB, 48-50 in flight, 4 conns", 3072, 4, 12, 1, 4, 50),
    # PrecisClient.callBatch, five batches of 10 in flight: the counterpart of redis-benchmark -P
    # (more, smaller batches keep both sides busy: 10 did better than 25 on two cores).
    ("ping 16 B, 50 in flight, 1 conn, batches of 10", 16, 1, 50, 10, 1, 50),
    ("ping 3 KB, 50 in flight, 1 conn, batches of 10", 3072, 1, 50, 10, 1, 50),
]
BATCHED_3KB = "ping 3 KB, 50 in flight, 1 conn, batches of 10"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--port", type=int, default=7500)
    ap.add_argument("--grpc-anchor", default=os.path.join(ROOT, "..", "shared", "anchors", "grpc-echo"))
    ap.add_argument("--docs", default=os.path.join(ROOT, "..", "shared", "eval", "data", "summaries_bbc_300.jsonl"),
                    help="JSONL of {id, text} documents for summarize and extract")
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--out", help="write every run's raw figures here as JSON")
    args = ap.parse_args()

    ensure_apt(["redis-server", "redis-tools"])
    if not args.skip_build:
        run(["swift", "build", "-c", "release", "--product", "precisd"], cwd=ROOT)
        run(["swift", "build", "-c", "release", "--product", "precis-bench"], cwd=ROOT)
    precisd = os.path.join(ROOT, ".build", "release", "precisd")
    bench = os.path.join(ROOT, ".build", "release", "precis-bench")
    grpc_dir = os.path.abspath(args.grpc_anchor)
    grpc_build = os.path.join(ROOT, ".build-anchors", "grpc-echo")
    have_grpc = os.path.isdir(grpc_dir)
    if have_grpc and not args.skip_build:
        run(["swift", "build", "-c", "release", "--package-path", grpc_dir, "--scratch-path", grpc_build], timeout=3600)
    grpc_server = os.path.join(grpc_build, "release", "grpc-echo-server")
    grpc_client = os.path.join(grpc_build, "release", "grpc-echo-bench")
    have_grpc = have_grpc and os.path.exists(grpc_server)
    have_docs = os.path.exists(args.docs)
    if not have_grpc:
        log("no grpc-echo peer built from", grpc_dir, "- skipping gRPC")
    if not have_docs:
        log("no documents at", args.docs, "- skipping summarize/extract")

    p_port, g_port, r_port = args.port, args.port + 1, args.port + 2
    secs = args.seconds
    runs = []
    servers = []
    try:
        precis = Server([precisd, "--port", str(p_port), "--log-level", "warning"], ready="listening on")
        servers.append(precis)
        rss_idle = rss_kib(precis.pid)
        if have_grpc:
            servers.append(Server([grpc_server, str(g_port), "3600"]))
        redis_dir = "/tmp/precis-bench-redis"
        os.makedirs(redis_dir, exist_ok=True)
        servers.append(Server(["redis-server", "--port", str(r_port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no", "--dir", redis_dir]))
        for number in range(1, args.runs + 1):
            log(f"--- run {number} of {args.runs}")
            r = {"precis": {}, "grpc": {}, "redis": {}, "open": {}}
            for name, payload, conns, depth, batch, gconns, gconc in PING_CASES:
                r["precis"][name] = precis_bench(bench, p_port, ["--op", "ping", "--payload-bytes", str(payload),
                                                                 "--connections", str(conns), "--depth", str(depth),
                                                                 "--batch", str(batch)],
                                                 secs, precis.pid)
                if have_grpc and batch == 1:
                    # gRPC has no batch call: the batched rows compare with its 50 concurrent calls.
                    r["grpc"][name] = grpc_bench(grpc_client, g_port, gconns, gconc, payload, secs)
            if have_grpc:
                for name, payload, conns, depth, batch, gconns, gconc in PING_CASES:
                    if batch > 1:
                        twin = next(n for n, p, c, d, b, gc, gq in PING_CASES if b == 1 and p == payload and gc == gconns and gq == gconc)
                        r["grpc"][name] = r["grpc"][twin]
            if have_docs:
                for op in ("summarize", "extract"):
                    for depth in (1, 16):
                        r["precis"][f"{op} BBC, {depth} in flight"] = precis_bench(
                            bench, p_port, ["--op", op, "--input", args.docs, "--connections", "1", "--depth", str(depth)],
                            secs, precis.pid)
            r["rss_under_load_kib"] = rss_kib(precis.pid)
            for pipeline, requests in ((1, 200_000), (16, 2_000_000)):
                for test in ("ping", "set", "get"):
                    rates = redis_bench(r_port, test, pipeline, requests)
                    for key, value in rates.items():
                        r["redis"][f"{key} -P {pipeline}"] = value
            # Open loop at half of this run's open-loop maximum, searched from 60% of the
            # closed-loop maximum up.
            ping_args = ["--op", "ping", "--payload-bytes", "3072", "--connections", "4", "--depth", "50"]
            top = open_loop_max(bench, p_port, ping_args, 0.6 * r["precis"]["ping 3 KB, 48-50 in flight, 4 conns"]["throughput"])
            r["open"]["ping 3 KB"] = precis_bench(bench, p_port, ping_args + ["--rate", str(top // 2)], secs)
            r["open"]["ping 3 KB"]["openLoopMax"] = top
            if have_docs:
                summarize_args = ["--op", "summarize", "--input", args.docs, "--connections", "1", "--depth", "64"]
                top = open_loop_max(bench, p_port, summarize_args, 0.6 * r["precis"]["summarize BBC, 16 in flight"]["throughput"])
                r["open"]["summarize BBC"] = precis_bench(bench, p_port, summarize_args + ["--rate", str(top // 2)], secs)
                r["open"]["summarize BBC"]["openLoopMax"] = top
            runs.append(r)
        rss_end = rss_kib(precis.pid)
    finally:
        for server in reversed(servers):
            server.stop()

    report = {"runs": runs, "rss_idle_kib": rss_idle, "rss_end_kib": rss_end}
    if args.out:
        with open(args.out, "w") as f:
            json.dump(report, f, indent=1)
    print(markdown(runs, rss_idle, rss_end))


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=0):
    if value is None:
        return "-"
    return f"{value:,.{digits}f}"


def markdown(runs, rss_idle, rss_end):
    n = len(runs)
    lines = [f"Medians of {n} runs; a ratio is Precis ÷ the peer, from the same run (median of the per-run ratios).", ""]
    lines.append("| work | Precis req/s | p50 / p99 (µs) | server CPU µs/req | client CPU µs/req | grpc-swift-2 req/s | Precis ÷ gRPC |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|")
    names = list(runs[0]["precis"].keys())
    for name in names:
        p = [r["precis"][name] for r in runs]
        g = [r["grpc"].get(name) for r in runs]
        grpc_rps = med([x["rps"] for x in g if x])
        ratio = med([pp["throughput"] / gg["rps"] for pp, gg in zip(p, g) if gg])
        lines.append(f"| {name} | {fmt(med([x['throughput'] for x in p]))} | "
                     f"{fmt(med([x['latencyMicros']['p50'] for x in p]))} / {fmt(med([x['latencyMicros']['p99'] for x in p]))} | "
                     f"{fmt(med([x['serverCpuMicrosPerRequest'] for x in p]), 2)} | {fmt(med([x['clientCpuMicrosPerRequest'] for x in p]), 2)} | "
                     f"{fmt(grpc_rps)} | {fmt(ratio, 1) + '×' if ratio else '-'} |")
    failed = sorted({name for r in runs for name, x in list(r["precis"].items()) + list(r["open"].items()) if x.get("errors")})
    if failed:
        lines += ["", "**Requests failed** in: " + "; ".join(
            f"{name} ({max(x['errors'] for r in runs for x in [r['precis'].get(name) or r['open'].get(name)] if x)} at most in a run)"
            for name in failed) + ". Their req/s count OK answers only."]
    lines += ["", "| redis-benchmark (-c 50, 3 KB values) | req/s | Precis ping 3 KB (4 conns) ÷ Redis | Precis ping 3 KB (batches of 10) ÷ Redis |",
              "|---|---:|---:|---:|"]
    for key in runs[0]["redis"].keys():
        rates = [r["redis"][key] for r in runs]
        ratio = med([r["precis"]["ping 3 KB, 48-50 in flight, 4 conns"]["throughput"] / r["redis"][key] for r in runs])
        batched = med([r["precis"][BATCHED_3KB]["throughput"] / r["redis"][key] for r in runs])
        lines.append(f"| {key} | {fmt(med(rates))} | {fmt(ratio, 2)} | {fmt(batched, 2)} |")
    lines += ["", "| open loop at half its maximum | open-loop maximum | rate sent | achieved req/s | p50 µs | p99 µs | p99.9 µs | max µs |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for key in runs[0]["open"].keys():
        o = [r["open"][key] for r in runs]
        lines.append(f"| {key} | {fmt(med([x['openLoopMax'] for x in o]))} | {fmt(med([x['setup']['rate'] for x in o]))} | {fmt(med([x['throughput'] for x in o]))} | "
                     f"{fmt(med([x['latencyMicros']['p50'] for x in o]))} | {fmt(med([x['latencyMicros']['p99'] for x in o]))} | "
                     f"{fmt(med([x['latencyMicros']['p999'] for x in o]))} | {fmt(med([x['latencyMicros']['max'] for x in o]))} |")
    lines += ["", f"precisd RSS: {rss_idle:,} KiB idle after start, "
              f"{fmt(med([r['rss_under_load_kib'] for r in runs]))} KiB after each run's load, {rss_end:,} KiB at the end."]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
