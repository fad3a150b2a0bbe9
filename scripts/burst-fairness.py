#!/usr/bin/python3
"""Does a burst on one connection hold up the others? (not part of CI)

    scripts/burst-fairness.py [--precisd .build/release/precisd] [--bench .build/release/precis-bench]
                              [--burst 10000] [--rounds 5]

Starts precisd on a free port and, as the observer, precis-bench sending 200 pings/s (open loop)
over 3 connections (so that at least one shares an event loop with the burst). First 3 s
without bursts, then 3 s while this script writes BURST pings in one go on its own connection
ROUNDS times (reading the answers in another thread). Prints one JSON line with the observer's
p50/p99/max latency in both phases: the max under bursts is how long a burst holds up a
neighbour.
"""
import argparse
import json
import os
import signal
import socket
import statistics
import struct
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Clients", "python"))
from precis.v1 import precis_pb2 as pb  # noqa: E402

PREFACE = b"PRECIS\x01\x00"


def frame(request_id, payload=b"x"):
    body = pb.Request(id=request_id, ping=pb.PingRequest(payload=payload)).SerializeToString()
    return struct.pack(">I", len(body)) + body


def recv_exact(sock, n):
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed by the server")
        data += chunk
    return bytes(data)


def read_frames(sock, count):
    for _ in range(count):
        length = struct.unpack(">I", recv_exact(sock, 4))[0]
        recv_exact(sock, length)


def connect(port):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    s.sendall(PREFACE)
    if recv_exact(s, 8) != PREFACE:
        raise RuntimeError("bad preface")
    return s


def observe(bench, port, seconds):
    return subprocess.Popen([bench, "--address", f"127.0.0.1:{port}", "--op", "ping", "--rate", "200",
                             "--connections", "3", "--depth", "4", "--duration", f"{seconds}s", "--warmup", "0",
                             "--json", "--quiet"], stdout=subprocess.PIPE, text=True)


def summary(report):
    lat = report["latencyMicros"]
    return {"p50_us": lat["p50"], "p99_us": lat["p99"], "max_us": lat["max"], "errors": report["errors"]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--precisd", default=".build/release/precisd")
    ap.add_argument("--bench", default=".build/release/precis-bench")
    ap.add_argument("--burst", type=int, default=10000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    server = subprocess.Popen([args.precisd, "--port", "0", "--log-level", "warning",
                               "--max-in-flight", "100000", "--max-queue", "100000"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(server.stdout.readline().rsplit(":", 1)[1])
        quiet = observe(args.bench, port, 3)
        baseline = json.loads(quiet.communicate()[0])
        burst = connect(port)
        blob = b"".join(frame(i + 1) for i in range(args.burst))
        loaded = observe(args.bench, port, 3)
        time.sleep(0.3)
        for _ in range(args.rounds):
            reader = threading.Thread(target=read_frames, args=(burst, args.burst))
            reader.start()
            burst.sendall(blob)
            reader.join()
        report = json.loads(loaded.communicate()[0])
        print(json.dumps({"burst": args.burst, "rounds": args.rounds,
                          "observer_quiet": summary(baseline), "observer_under_bursts": summary(report)}))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=15)


if __name__ == "__main__":
    main()
