#!/usr/bin/python3
"""Load with faults against a precisd this script starts on 127.0.0.1, checking every answer.

    scripts/chaos.py cuts     [--requests 1000000] [--connections 16] [--depth 64]
    scripts/chaos.py shutdown [--connections 8] [--depth 64] [--seconds 2]

cuts:     pipelined requests over many connections while the client cuts connections at random
          (an abrupt close with requests in flight) and opens new ones. Every request carries its
          own payload (ping: 16 bytes naming the request; parse: a text whose sentence count is
          known); every answer must be OK, match its id and carry its own content. Requests in
          flight on a cut connection are lost by design and counted; nothing else may be.
shutdown: pipelined pings on every connection, then SIGTERM. Every connection must get a GoAway;
          every request sent must be answered, OK if the server read it before the GoAway and
          UNAVAILABLE after; a new connection must be refused; precisd must exit 0 within its
          grace period.

Standard library plus Google's protobuf runtime (Debian's python3-protobuf). Prints one JSON line;
exits non-zero when a check fails.
"""
import argparse
import json
import os
import random
import selectors
import signal
import socket
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Clients", "python"))
from precis.v1 import precis_pb2 as pb  # noqa: E402

PREFACE = b"PRECIS\x01\x00"
TEXTS = [("One sentence here.", 1), ("First one. Second one! Third?", 3),
         ("Dr. Lee arrived at 9 a.m. on Monday. She left at noon.", 2)]


class Conn:
    """One non-blocking connection with its own request bookkeeping."""

    def __init__(self, port, generation):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.sock.sendall(PREFACE)
        self.sock.setblocking(False)
        self.generation = generation
        self.inbox = b""
        self.outbox = b""
        self.pending = {}  # id -> expected check
        self.next_id = 1
        self.preface_seen = False
        self.go_away = False
        self.closed = False

    def send(self, request, expected):
        request.id = self.next_id
        self.next_id += 1
        body = request.SerializeToString()
        self.outbox += struct.pack(">I", len(body)) + body
        self.pending[request.id] = expected
        return request.id

    def flush(self):
        if self.outbox:
            try:
                sent = self.sock.send(self.outbox)
                self.outbox = self.outbox[sent:]
            except BlockingIOError:
                pass

    def read(self):
        """Responses now complete; None when the server closed the connection."""
        try:
            data = self.sock.recv(1 << 20)
        except BlockingIOError:
            return []
        if not data:
            return None
        self.inbox += data
        out = []
        if not self.preface_seen and len(self.inbox) >= 8:
            if self.inbox[:8] != PREFACE:
                raise RuntimeError("bad server preface")
            self.inbox = self.inbox[8:]
            self.preface_seen = True
        while self.preface_seen and len(self.inbox) >= 4:
            length = struct.unpack(">I", self.inbox[:4])[0]
            if len(self.inbox) < 4 + length:
                break
            out.append(pb.Response.FromString(self.inbox[4:4 + length]))
            self.inbox = self.inbox[4 + length:]
        return out

    def close(self):
        self.closed = True
        self.sock.close()


def start_server(precisd, extra=()):
    server = subprocess.Popen([precisd, "--port", "0", "--log-level", "error", *extra],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    port = int(server.stdout.readline().rsplit(":", 1)[1])
    return server, port


def make_request(rng, generation):
    if rng.random() < 0.1:
        text, sentences = rng.choice(TEXTS)
        return pb.Request(parse=pb.ParseRequest(document=pb.Document(text=text))), ("parse", sentences)
    payload = struct.pack(">QQ", generation, rng.getrandbits(63))
    return pb.Request(ping=pb.PingRequest(payload=payload)), ("ping", payload)


def check(response, expected):
    kind, value = expected
    if response.status.code != pb.OK:
        return f"status {pb.StatusCode.Name(response.status.code)}: {response.status.message}"
    if kind == "ping" and response.ping.payload != value:
        return "ping answered with another request's payload"
    if kind == "parse" and len(response.parse.sentences) != value:
        return f"parse answered with {len(response.parse.sentences)} sentences, expected {value}"
    return None


def cuts(args):
    rng = random.Random(args.seed)
    server, port = start_server(args.precisd)
    sel = selectors.DefaultSelector()
    generation = 0
    conns = []
    stats = {"sent": 0, "answered": 0, "lost_on_cut": 0, "cuts": 0, "wrong": 0}
    errors = []

    def open_conn():
        nonlocal generation
        generation += 1
        c = Conn(port, generation)
        sel.register(c.sock, selectors.EVENT_READ, c)
        conns.append(c)

    try:
        for _ in range(args.connections):
            open_conn()
        start = time.time()
        while stats["answered"] + stats["lost_on_cut"] < args.requests:
            for c in list(conns):
                while len(c.pending) < args.depth and stats["sent"] < args.requests:
                    request, expected = make_request(rng, c.generation)
                    c.send(request, expected)
                    stats["sent"] += 1
                c.flush()
                if c.pending and rng.random() < args.cut_rate:
                    stats["cuts"] += 1
                    stats["lost_on_cut"] += len(c.pending)
                    sel.unregister(c.sock)
                    c.close()
                    conns.remove(c)
                    open_conn()
            for key, _ in sel.select(timeout=1):
                c = key.data
                responses = c.read()
                if responses is None:
                    errors.append("server closed a connection")
                    sel.unregister(c.sock)
                    c.close()
                    conns.remove(c)
                    open_conn()
                    continue
                for r in responses:
                    expected = c.pending.pop(r.id, None)
                    if expected is None:
                        errors.append(f"answer for unknown id {r.id}")
                        continue
                    problem = check(r, expected)
                    if problem:
                        stats["wrong"] += 1
                        errors.append(problem)
                    stats["answered"] += 1
            if time.time() - start > args.timeout:
                errors.append("timed out")
                break
        stats["seconds"] = round(time.time() - start, 1)
        stats["requests_per_second"] = int(stats["answered"] / max(stats["seconds"], 0.001))
    finally:
        for c in conns:
            c.close()
        server.send_signal(signal.SIGTERM)
        stats["exit_status"] = server.wait(timeout=15)
    return stats, errors[:10]


def shutdown(args):
    rng = random.Random(args.seed)
    server, port = start_server(args.precisd, ["--shutdown-grace", "10s"])
    conns = [Conn(port, i + 1) for i in range(args.connections)]
    stats = {"sent": 0, "ok": 0, "unavailable": 0, "go_aways": 0}
    errors = []
    signalled_at = None
    start = time.time()
    try:
        while True:
            if signalled_at is None and time.time() - start > args.seconds:
                server.send_signal(signal.SIGTERM)
                signalled_at = time.time()
            active = [c for c in conns if not c.closed]
            if not active:
                break
            for c in active:
                while not c.go_away and len(c.pending) < args.depth:
                    request, expected = make_request(rng, c.generation)
                    c.send(request, expected)
                    stats["sent"] += 1
                c.flush()
                responses = c.read()
                if responses is None:
                    if c.pending:
                        errors.append(f"{len(c.pending)} requests unanswered when the server closed")
                    c.close()
                    continue
                for r in responses:
                    if r.id == 0:
                        if r.HasField("go_away"):
                            c.go_away = True
                            stats["go_aways"] += 1
                        continue
                    expected = c.pending.pop(r.id, None)
                    if expected is None:
                        errors.append(f"answer for unknown id {r.id}")
                    elif r.status.code == pb.UNAVAILABLE:
                        stats["unavailable"] += 1
                    elif check(r, expected) is None:
                        stats["ok"] += 1
                    else:
                        errors.append(check(r, expected))
            if time.time() - start > args.seconds + 30:
                errors.append("timed out")
                break
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            errors.append("a new connection was accepted after SIGTERM")
        except OSError:
            stats["new_connection_refused"] = True
        stats["exit_status"] = server.wait(timeout=15)
        stats["exit_seconds_after_signal"] = round(time.time() - signalled_at, 2)
        if stats["go_aways"] != args.connections:
            errors.append(f"{stats['go_aways']} GoAways for {args.connections} connections")
        if stats["ok"] + stats["unavailable"] != stats["sent"]:
            errors.append(f"sent {stats['sent']}, answered {stats['ok'] + stats['unavailable']}")
        if stats["exit_status"] != 0:
            errors.append(f"exit status {stats['exit_status']}")
    finally:
        for c in conns:
            if not c.closed:
                c.close()
        if server.poll() is None:
            server.kill()
    return stats, errors[:10]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["cuts", "shutdown"])
    ap.add_argument("--precisd", default=".build/release/precisd")
    ap.add_argument("--requests", type=int, default=1_000_000)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--depth", type=int, default=64)
    ap.add_argument("--cut-rate", type=float, default=0.002, help="chance per round that a connection is cut")
    ap.add_argument("--seconds", type=float, default=2.0, help="shutdown: load before SIGTERM")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    stats, errors = (cuts if args.mode == "cuts" else shutdown)(args)
    stats["mode"] = args.mode
    stats["errors"] = errors
    print(json.dumps(stats))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
