#!/usr/bin/python3
"""Interop test: this Python client (Google's protobuf runtime) against a real Precis server.

    /usr/bin/python3 Clients/python/test_interop.py --precisd .build/release/precisd
    /usr/bin/python3 Clients/python/test_interop.py --address 127.0.0.1:7450

With --precisd the script starts the server on 127.0.0.1 with --port 0, learns the port from the
"listening on" line it prints, runs the checks, then sends SIGTERM and expects exit status 0
within 15 s. With --address it runs against a server already running (no shutdown checks).
Standard library and google.protobuf only; exits 1 when a check fails. The last line printed is
"N passed, M failed".
"""

import argparse
import os
import random
import re
import selectors
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from precis import (  # noqa: E402
    PREFACE, ConnectionClosedError, PrecisClient, pb)

IO_TIMEOUT = 10.0  # seconds, for every socket operation
START_TIMEOUT = 30.0  # seconds for precisd to print its "listening on" line
EXIT_TIMEOUT = 15.0  # seconds for precisd to exit after SIGTERM
DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024

# A fictional news story written for this test; the non-ASCII characters make byte offsets
# differ from character offsets.
ARTICLE = (
    "The town council of Marrowby voted on Tuesday to turn the disused tram depot on Quill "
    "Street into a covered market. "
    "The decision ends a four-year dispute between shop owners, who wanted more parking, and "
    "residents of the Löwenhof estate, who asked for a park. "
    "Under the plan, the depot's iron roof will be kept and about forty stalls will open "
    "beneath it by next spring. "
    "The council put the cost at €2.4 million, most of it covered by a regional regeneration "
    "grant. "
    "Councillor Inès Varga, who led the project, said the market would give the east side "
    "“a reason to stay in town on Saturdays”. "
    "Not everyone is convinced. "
    "Teodor Blum, who runs a bakery two streets away, fears the market will draw customers "
    "from existing shops. "
    "A public consultation on the stall rents opens next month."
)


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def code_name(code):
    try:
        return pb.StatusCode.Name(code)
    except ValueError:
        return str(code)


def expect_status(response, code, request_id=None):
    check(response.status.code == code,
          "expected %s, got %s (%r)" % (code_name(code), code_name(response.status.code),
                                       response.status.message))
    if request_id is not None:
        check(response.id == request_id,
              "expected the answer to carry id %d, got id %d" % (request_id, response.id))


# -- raw sockets, for what the client library will not send ---------------------------------------

def raw_connect(host, port):
    sock = socket.create_connection((host, port), timeout=IO_TIMEOUT)
    sock.settimeout(IO_TIMEOUT)
    return sock


def recv_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise CheckFailed("connection closed after %d of %d expected bytes" % (len(data), n))
        data += chunk
    return data


def recv_frame(sock):
    (length,) = struct.unpack(">I", recv_exactly(sock, 4))
    check(length <= 16 * 1024 * 1024, "absurd response frame length %d" % length)
    return pb.Response.FromString(recv_exactly(sock, length))


def expect_closed(sock):
    """The peer closes the connection (EOF or reset) before IO_TIMEOUT, sending nothing more."""
    try:
        extra = sock.recv(65536)
    except ConnectionResetError:
        return
    except socket.timeout:
        raise CheckFailed("connection still open after %.0f s" % IO_TIMEOUT)
    check(extra == b"", "expected the connection to close, got %r" % extra[:64])


def recv_until_close(sock, limit=65536):
    data = b""
    while len(data) < limit:
        try:
            chunk = sock.recv(limit - len(data))
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    return data


# -- the checks ------------------------------------------------------------------------------------

class Checks:
    def __init__(self, host, port):
        self.host, self.port = host, port

    def client(self):
        return PrecisClient(self.host, self.port, timeout=IO_TIMEOUT)

    def ping_echoes(self):
        with self.client() as c:
            for payload in (b"", bytes(range(16)), os.urandom(3 * 1024)):
                echoed = c.ping(payload)
                check(echoed == payload, "ping of %d bytes echoed %d bytes, not the same"
                      % (len(payload), len(echoed)))

    def info(self):
        with self.client() as c:
            info = c.info()
        check(info.protocol_major == 1, "protocol_major is %d" % info.protocol_major)
        check("summarize" in info.operations, "operations %r lack summarize"
              % list(info.operations))

    def summarize_spans(self):
        data = ARTICLE.encode("utf-8")
        with self.client() as c:
            summary = c.summarize(ARTICLE, sentences=2)
        check(len(summary.sentences) == 2, "expected 2 sentences, got %d"
              % len(summary.sentences))
        previous_end = 0
        for s in summary.sentences:
            start, end = s.start, s.end
            check(previous_end <= start < end <= len(data),
                  "span [%d, %d) out of order, empty or outside the %d-byte text"
                  % (start, end, len(data)))
            try:
                sliced = data[start:end].decode("utf-8")
            except UnicodeDecodeError:
                raise CheckFailed("span [%d, %d) does not fall on UTF-8 character boundaries"
                                  % (start, end))
            check(sliced == s.text, "span [%d, %d) slices %r but the sentence text is %r"
                  % (start, end, sliced, s.text))
            previous_end = end

    def pipelined_pings(self):
        count = 200
        ids = {2 ** 64 - 1, 1}  # the largest id, and the smallest
        while len(ids) < count:
            ids.add(random.getrandbits(64) or 1)
        ids = list(ids)
        expected = {i: ("ping %d" % i).encode() for i in ids}
        with self.client() as c:
            for i in ids:
                c.send(pb.Request(id=i, ping=pb.PingRequest(payload=expected[i])))
            seen = set()
            for _ in range(count):
                r = c.receive()
                expect_status(r, pb.OK)
                check(r.id in expected, "answer for unknown id %d" % r.id)
                check(r.id not in seen, "id %d answered twice" % r.id)
                check(r.ping.payload == expected[r.id], "id %d echoed %r, expected %r"
                      % (r.id, r.ping.payload, expected[r.id]))
                seen.add(r.id)
            check(c.in_flight == 0, "%d requests unanswered" % c.in_flight)

    def garbage_frame(self):
        garbage = b"\x0f\xde\xad\xbe\xef not a protobuf message"  # tag with wire type 7
        with self.client() as c:
            c.send_frame(garbage)
            r = c.receive()
            expect_status(r, pb.INVALID_ARGUMENT, request_id=0)
            check(c.ping(b"still alive") == b"still alive", "ping after garbage failed")

    def _patched_summarize(self, request_id, replacement):
        """A summarize request whose text bytes are patched after encoding (same length)."""
        placeholder = b"PLACEHOLDER-TEXT"
        check(len(replacement) == len(placeholder), "replacement must keep the length")
        request = pb.Request(id=request_id)
        request.summarize.document.text = "Before. " + placeholder.decode() + " After."
        encoded = request.SerializeToString()
        check(encoded.count(placeholder) == 1, "placeholder not found once")
        return encoded.replace(placeholder, replacement)

    def invalid_utf8(self):
        # 0xC3 0x28: a lead byte without its continuation byte; 0xFF never occurs in UTF-8.
        body = self._patched_summarize(41, b"bad \xc3\x28 and \xff UTF")
        with self.client() as c:
            c.send_frame(body)
            expect_status(c.receive(), pb.INVALID_ARGUMENT, request_id=41)
            check(c.ping(b"ok") == b"ok", "ping after invalid UTF-8 failed")

    def nul_in_string(self):
        body = self._patched_summarize(42, b"NUL here:\x00 .....")
        with self.client() as c:
            c.send_frame(body)
            expect_status(c.receive(), pb.INVALID_ARGUMENT, request_id=42)

    def id_zero(self):
        with self.client() as c:
            c.send_frame(pb.Request(id=0, ping=pb.PingRequest(payload=b"x")).SerializeToString())
            expect_status(c.receive(), pb.INVALID_ARGUMENT, request_id=0)

    def empty_frame(self):
        with self.client() as c:
            c.send_frame(b"")
            expect_status(c.receive(), pb.INVALID_ARGUMENT, request_id=0)
            check(c.ping(b"ok") == b"ok", "ping after an empty frame failed")

    def no_operation(self):
        with self.client() as c:
            c.send_frame(pb.Request(id=43).SerializeToString())
            expect_status(c.receive(), pb.INVALID_ARGUMENT, request_id=43)

    def unknown_operation(self):
        # Field 99, length-delimited, empty: a oneof member from some future schema.
        body = pb.Request(id=44).SerializeToString() + b"\x9a\x06\x00"
        with self.client() as c:
            c.send_frame(body)
            expect_status(c.receive(), pb.UNIMPLEMENTED, request_id=44)

    def http_request(self):
        sock = raw_connect(self.host, self.port)
        try:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: precis\r\n\r\n")
            answer = recv_until_close(sock)
        finally:
            sock.close()
        check(answer.startswith(b"HTTP/1.1 400 "), "expected HTTP/1.1 400, got %r" % answer[:80])
        head, _, body = answer.partition(b"\r\n\r\n")
        check(b"content-length:" in head.lower(), "no Content-Length in %r" % head)
        check(b"precis" in body.lower(), "body does not mention Precis: %r" % body)

    def unsupported_major(self):
        sock = raw_connect(self.host, self.port)
        try:
            sock.sendall(b"PRECIS\x63\x00")  # version 99.0
            check(recv_exactly(sock, 8) == PREFACE, "server preface is not PRECIS 01 00")
            r = recv_frame(sock)
            expect_status(r, pb.FAILED_PRECONDITION, request_id=0)
            expect_closed(sock)
        finally:
            sock.close()

    def oversized_frame(self):
        with self.client() as c:
            limit = c.info().limits.max_frame_bytes or DEFAULT_MAX_FRAME_BYTES
            c.send_raw(struct.pack(">I", limit + 1))  # the header alone must be enough
            expect_status(c.receive(), pb.RESOURCE_EXHAUSTED, request_id=0)
            try:
                c.receive(timeout=IO_TIMEOUT)
                raise CheckFailed("connection still usable after an oversized frame")
            except ConnectionClosedError:
                pass


def run(checks, results):
    for name, fn in checks:
        try:
            fn()
        except CheckFailed as e:
            results.append((name, str(e)))
        except Exception as e:  # PrecisError, OSError, ...: report it and go on
            results.append((name, "%s: %s" % (type(e).__name__, e)))
            if os.environ.get("PRECIS_TEST_TRACE"):
                traceback.print_exc()
        else:
            results.append((name, None))
        failure = results[-1][1]
        print(("ok   %s" % name) if failure is None else ("FAIL %s: %s" % (name, failure)),
              flush=True)


# -- the server process ----------------------------------------------------------------------------

def start_server(path, extra_args, stderr_file):
    command = [path, "--host", "127.0.0.1", "--port", "0"] + extra_args
    print("starting: %s" % " ".join(command), flush=True)
    proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=stderr_file)
    return proc


def wait_until_listening(proc):
    """Reads precisd's stdout until "precisd <version> listening on <host>:<port>"."""
    pattern = re.compile(r"listening on (\S+):(\d+)\s*$")
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + START_TIMEOUT
    buffered = b""
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CheckFailed("no 'listening on' line within %.0f s" % START_TIMEOUT)
            if not selector.select(left):
                continue
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                raise CheckFailed("precisd closed stdout (exit status %s) before listening"
                                  % proc.wait(timeout=IO_TIMEOUT))
            buffered += chunk
            while b"\n" in buffered:
                line, buffered = buffered.split(b"\n", 1)
                text = line.decode("utf-8", "replace").strip()
                print("precisd: %s" % text, flush=True)
                match = pattern.search(text)
                if match:
                    host = match.group(1).strip("[]")
                    if host in ("0.0.0.0", "::", "*", "localhost"):
                        host = "127.0.0.1"
                    return host, int(match.group(2))
    finally:
        selector.close()


def drain(stream):
    """Keeps reading precisd's stdout so it never blocks on a full pipe."""
    def loop():
        try:
            while os.read(stream.fileno(), 65536):
                pass
        except OSError:
            pass
    threading.Thread(target=loop, daemon=True).start()


def shutdown_checks(proc, host, port):
    state = {}

    def goaway_on_sigterm():
        client = PrecisClient(host, port, timeout=IO_TIMEOUT)
        try:
            check(client.ping(b"before") == b"before", "ping before SIGTERM failed")
            state["signalled_at"] = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            try:
                response = client.receive(timeout=EXIT_TIMEOUT)
                raise CheckFailed("unexpected frame after SIGTERM: id %d %s"
                                  % (response.id, code_name(response.status.code)))
            except ConnectionClosedError:
                pass
            check(client.go_away is not None, "connection closed without a GoAway")
        finally:
            client.close()

    def exits_zero():
        if "signalled_at" not in state:  # the previous check failed before signalling
            state["signalled_at"] = time.monotonic()
            proc.send_signal(signal.SIGTERM)
        left = max(0.1, state["signalled_at"] + EXIT_TIMEOUT - time.monotonic())
        try:
            status = proc.wait(timeout=left)
        except subprocess.TimeoutExpired:
            raise CheckFailed("still running %.0f s after SIGTERM" % EXIT_TIMEOUT)
        check(status == 0, "exit status %d after SIGTERM" % status)

    return [("SIGTERM: an idle connection gets a GoAway, then is closed", goaway_on_sigterm),
            ("SIGTERM: precisd exits 0 within %.0f s" % EXIT_TIMEOUT, exits_zero)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    target = ap.add_mutually_exclusive_group(required=True)
    target.add_argument("--precisd", metavar="PATH", help="start this server binary")
    target.add_argument("--address", metavar="HOST:PORT", help="use a running server")
    ap.add_argument("--server-arg", action="append", default=[], metavar="ARG",
                    help="extra argument for precisd (repeatable)")
    opts = ap.parse_args()

    results = []
    proc = None
    stderr_file = tempfile.TemporaryFile()
    try:
        if opts.precisd:
            try:
                proc = start_server(opts.precisd, opts.server_arg, stderr_file)
                host, port = wait_until_listening(proc)
            except (CheckFailed, OSError) as e:
                results.append(("precisd starts and prints 'listening on'", str(e)))
                print("FAIL %s: %s" % results[-1], flush=True)
                raise SystemExit
            drain(proc.stdout)
        else:
            host, _, port_text = opts.address.rpartition(":")
            host, port = host.strip("[]") or "127.0.0.1", int(port_text)

        c = Checks(host, port)
        run([
            ("ping echoes empty, 16-byte and 3 KB random payloads", c.ping_echoes),
            ("info reports protocol_major 1 and summarize", c.info),
            ("summarize sentences=2: spans slice the UTF-8 text to each sentence",
             c.summarize_spans),
            ("200 pipelined pings answered and matched by id", c.pipelined_pings),
            ("garbage frame: INVALID_ARGUMENT id 0, connection still usable", c.garbage_frame),
            ("invalid UTF-8 in document.text: INVALID_ARGUMENT with the request id",
             c.invalid_utf8),
            ("NUL in document.text: INVALID_ARGUMENT with the request id", c.nul_in_string),
            ("request id 0: INVALID_ARGUMENT id 0", c.id_zero),
            ("empty frame: INVALID_ARGUMENT id 0, connection still usable", c.empty_frame),
            ("request without an operation: INVALID_ARGUMENT", c.no_operation),
            ("unknown operation (field 99): UNIMPLEMENTED", c.unknown_operation),
            ("HTTP request: HTTP/1.1 400 naming Precis, then close", c.http_request),
            ("preface version 99.0: server preface, FAILED_PRECONDITION id 0, close",
             c.unsupported_major),
            ("frame header over max_frame_bytes: RESOURCE_EXHAUSTED id 0, close",
             c.oversized_frame),
        ], results)

        if proc is not None:
            run(shutdown_checks(proc, host, port), results)
        else:
            print("skip SIGTERM checks (--address)", flush=True)
    except SystemExit:
        pass
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()  # only the process this script started
            proc.wait(timeout=IO_TIMEOUT)
        failed = [r for r in results if r[1] is not None]
        if proc is not None and failed:
            stderr_file.seek(0)
            tail = stderr_file.read().decode("utf-8", "replace").splitlines()[-40:]
            if tail:
                print("--- precisd stderr (last %d lines) ---" % len(tail))
                print("\n".join(tail))
                print("---")
        stderr_file.close()
    passed = len(results) - len(failed)
    print("%d passed, %d failed" % (passed, len(failed)), flush=True)
    return 1 if failed or not results else 0


if __name__ == "__main__":
    sys.exit(main())
