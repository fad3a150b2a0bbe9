#!/usr/bin/python3
"""Soak: precisd at 70% of its measured capacity for a long while; is its memory flat?

    scripts/bench-soak.py [--minutes 10] [--fraction 0.7] [--port 7510] [--docs FILE.jsonl]
                          [--op ping|summarize|mix=...] [--skip-build]

Builds precisd and precis-bench (release), starts precisd on 127.0.0.1:PORT, measures its
closed-loop maximum for the operation (5 s, 4 connections x 12 in flight), then runs
precis-bench open loop at FRACTION of it for MINUTES while reading precisd's resident memory
every 10 s. Prints one JSON object: the rate, the bench report (throughput, errors, latency
percentiles), RSS at the start of the load, after the first minute, at the end and at the
peak, and `flat`: the last RSS is within 10% (and 8 MiB) of the RSS after the first minute.
Writes the RSS samples next to the report (--csv) and the bench's HTML page (--html).
Not part of CI; the server is stopped by its PID.
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench"))
from procstat import rss_kib  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))




def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--fraction", type=float, default=0.7)
    ap.add_argument("--port", type=int, default=7510)
    ap.add_argument("--op", default="ping")
    ap.add_argument("--payload-bytes", type=int, default=3072)
    ap.add_argument("--docs", help="JSONL/text/dir input for document operations")
    ap.add_argument("--csv", default="/tmp/precis-soak-rss.csv")
    ap.add_argument("--html", default="/tmp/precis-soak.html")
    ap.add_argument("--skip-build", action="store_true")
    args = ap.parse_args()

    if not args.skip_build:
        for product in ("precisd", "precis-bench"):
            subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True)
    precisd = os.path.join(ROOT, ".build", "release", "precisd")
    bench = os.path.join(ROOT, ".build", "release", "precis-bench")
    work = ["--op", args.op, "--payload-bytes", str(args.payload_bytes)]
    if args.docs:
        work += ["--input", args.docs]
    address = ["--address", f"127.0.0.1:{args.port}"]

    server = subprocess.Popen([precisd, "--port", str(args.port), "--log-level", "warning"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        if "listening on" not in line:
            raise SystemExit(f"precisd did not start: {line!r}")
        rss_idle = rss_kib(server.pid)
        top = json.loads(subprocess.run([bench] + address + work + ["--connections", "4", "--depth", "12",
                                                                    "--duration", "5s", "--json", "--quiet"],
                                        check=True, capture_output=True, text=True).stdout)
        rate = int(top["throughput"] * args.fraction)
        print(f"capacity {top['throughput']:.0f} req/s; soaking at {rate} req/s for {args.minutes} min",
              file=sys.stderr, flush=True)
        soak = subprocess.Popen([bench] + address + work + ["--connections", "4", "--depth", "50", "--rate", str(rate),
                                                            "--duration", f"{int(args.minutes * 60)}s", "--warmup", "0",
                                                            "--json", "--quiet", "--html", args.html,
                                                            "--server-pid", str(server.pid)],
                                stdout=subprocess.PIPE, text=True)
        started = time.time()
        samples = []
        while soak.poll() is None:
            samples.append((round(time.time() - started, 1), rss_kib(server.pid)))
            time.sleep(10)
        report = json.loads(soak.stdout.read())
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)

    with open(args.csv, "w") as f:
        f.write("seconds,rss_kib\n")
        for t, rss in samples:
            f.write(f"{t},{rss}\n")
    after_minute = next((rss for t, rss in samples if t >= 60), samples[-1][1] if samples else 0)
    last = samples[-1][1] if samples else 0
    peak = max((rss for _, rss in samples), default=0)
    flat = last <= max(after_minute * 1.10, after_minute + 8192)
    print(json.dumps({
        "minutes": args.minutes, "capacity": round(top["throughput"]), "rate": rate,
        "throughput": report["throughput"], "requests": report["requests"], "errors": report["errors"],
        "latencyMicros": report["latencyMicros"], "serverCpuMicrosPerRequest": report["serverCpuMicrosPerRequest"],
        "rss_idle_kib": rss_idle, "rss_first_kib": samples[0][1] if samples else 0,
        "rss_after_1min_kib": after_minute, "rss_last_kib": last, "rss_peak_kib": peak, "flat": flat,
        "csv": args.csv, "html": args.html,
    }))
    sys.exit(0 if flat and report["errors"] == 0 else 1)


if __name__ == "__main__":
    main()
