#!/usr/bin/python3
"""Holds many idle connections to a precisd it starts, and reports the server's memory.

    scripts/hold-connections.py [--precisd .build/release/precisd] [--connections 1000]
                                [--bench .build/release/precis-bench --load-seconds 10]

Raises this process's file-descriptor limit to the hard limit, starts precisd on a free port
(127.0.0.1), opens the connections (each sends the preface and one ping, and must get the answer),
then reads precisd's resident memory idle, with every connection open, and after one more ping on
every connection. With --bench, it then runs precis-bench (ping 3 KB, 4 connections x 50 in
flight) for --load-seconds while the idle connections stay open, and reads the memory again.
Prints one JSON line; exits non-zero if any connection failed.
"""
import argparse
import json
import os
import resource
import signal
import socket
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Clients", "python"))
from precis.v1 import precis_pb2 as pb  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench"))
from procstat import rss_kib  # noqa: E402

PREFACE = b"PRECIS\x01\x00"




def recv_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed by the server")
        data += chunk
    return data


def ping(sock, request_id):
    body = pb.Request(id=request_id, ping=pb.PingRequest(payload=b"x")).SerializeToString()
    sock.sendall(struct.pack(">I", len(body)) + body)
    length = struct.unpack(">I", recv_exact(sock, 4))[0]
    response = pb.Response.FromString(recv_exact(sock, length))
    if response.id != request_id or response.ping.payload != b"x":
        raise RuntimeError(f"wrong answer {response}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--precisd", default=".build/release/precisd")
    ap.add_argument("--connections", type=int, default=1000)
    ap.add_argument("--bench", help="precis-bench binary: also measure memory under load")
    ap.add_argument("--load-seconds", type=int, default=10)
    args = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    server = subprocess.Popen([args.precisd, "--port", "0", "--log-level", "warning",
                               "--max-connections", str(args.connections + 10)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                              preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard)))
    socks, failures = [], 0
    try:
        line = server.stdout.readline()
        port = int(line.rsplit(":", 1)[1])
        time.sleep(0.2)
        idle = rss_kib(server.pid)
        start = time.time()
        for i in range(args.connections):
            try:
                s = socket.create_connection(("127.0.0.1", port), timeout=10)
                s.sendall(PREFACE)
                if recv_exact(s, 8) != PREFACE:
                    raise RuntimeError("bad preface")
                ping(s, 1)
                socks.append(s)
            except Exception as e:  # noqa: BLE001
                failures += 1
                print(f"connection {i}: {e}", file=sys.stderr)
        opened = time.time() - start
        held = rss_kib(server.pid)
        for s in socks:
            try:
                ping(s, 2)
            except Exception as e:  # noqa: BLE001
                failures += 1
                print(f"second ping: {e}", file=sys.stderr)
        after = rss_kib(server.pid)
        result = {"connections": len(socks), "failures": failures, "open_seconds": round(opened, 2),
                  "rss_idle_kib": idle, "rss_held_kib": held, "rss_after_pings_kib": after,
                  "kib_per_connection": round((held - idle) / max(len(socks), 1), 1)}
        if args.bench:
            load = subprocess.Popen([args.bench, "--address", f"127.0.0.1:{port}", "--op", "ping",
                                     "--payload-bytes", "3072", "--connections", "4", "--depth", "50",
                                     "--duration", f"{args.load_seconds}s", "--json", "--quiet"],
                                    stdout=subprocess.PIPE, text=True)
            peak = 0
            while load.poll() is None:
                peak = max(peak, rss_kib(server.pid))
                time.sleep(0.5)
            report = json.loads(load.stdout.read())
            if load.returncode != 0 or report["errors"]:
                failures += 1
            result.update({"load_throughput": report["throughput"], "load_errors": report["errors"],
                           "rss_peak_under_load_kib": peak, "rss_after_load_kib": rss_kib(server.pid)})
        print(json.dumps(result))
    finally:
        for s in socks:
            s.close()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=15)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
