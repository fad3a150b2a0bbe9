"""Starts one real precisd for the test session (PRECISD, else .build/debug/precisd)."""

import os
import re
import selectors
import socket
import subprocess
import sys
import threading
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE_ROOT = os.path.dirname(HERE)
REPO_ROOT = os.path.dirname(os.path.dirname(PACKAGE_ROOT))
sys.path.insert(0, PACKAGE_ROOT)

START_TIMEOUT = 30.0


def precisd_path():
    path = os.environ.get("PRECISD") or os.path.join(REPO_ROOT, ".build", "debug", "precisd")
    if not os.access(path, os.X_OK):
        pytest.fail("precisd not found at %s: build it (swift build --product precisd) "
                    "or set PRECISD" % path)
    return path


class Server:
    """A precisd process on 127.0.0.1 with an ephemeral port."""

    def __init__(self, *args):
        command = [precisd_path(), "--host", "127.0.0.1", "--port", "0", *args]
        self.proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        #: The /metrics URL when started with --metrics-port.
        self.metrics_url = None
        self._want_metrics = "--metrics-port" in args
        try:
            self.host, self.port = self._wait_until_listening()
        except BaseException:
            self.stop()
            raise
        threading.Thread(target=self._drain, daemon=True).start()

    def _wait_until_listening(self):
        pattern = re.compile(r"listening on (\S+):(\d+)\s*$")
        metrics = re.compile(r"metrics on (http://\S+)")
        found = None
        selector = selectors.DefaultSelector()
        selector.register(self.proc.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + START_TIMEOUT
        buffered = b""
        try:
            while time.monotonic() < deadline:
                if not selector.select(deadline - time.monotonic()):
                    continue
                chunk = os.read(self.proc.stdout.fileno(), 4096)
                if not chunk:
                    raise RuntimeError("precisd exited (%s) before listening" % self.proc.wait())
                buffered += chunk
                for line in buffered.decode("utf-8", "replace").splitlines():
                    match = pattern.search(line)
                    if match:
                        found = ("127.0.0.1", int(match.group(2)))
                    match = metrics.search(line)
                    if match:
                        self.metrics_url = match.group(1)
                if found and (self.metrics_url or not self._want_metrics):
                    return found
            raise RuntimeError("precisd printed no 'listening on' line in %.0f s" % START_TIMEOUT)
        finally:
            selector.close()

    def _drain(self):
        try:
            while os.read(self.proc.stdout.fileno(), 65536):
                pass
        except OSError:
            pass

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()  # only the process this fixture started
        self.proc.wait(timeout=10)


@pytest.fixture(scope="session")
def server():
    s = Server()
    yield s
    s.stop()


@pytest.fixture
def silent_port():
    """A port that accepts connections and never answers (for timeouts)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    listener.close()


# A short news story written for these tests; the non-ASCII characters make byte offsets differ
# from character offsets.
ARTICLE = (
    "Harbour officials in Port Ellery said on Monday that the ferry to Sandhaven will run "
    "twice a day from March. "
    "The service was cut to one crossing in 2023 after the older of its two boats failed an "
    "inspection. "
    "A refitted vessel, the Kestrel, has now passed its sea trials, according to the operator. "
    "“We have waited a long time for this,” said Maëlle Durand, who runs a café near the "
    "quay. "
    "Tickets will cost €12 for adults, the same as last year. "
    "The operator expects about 40,000 passengers in the first season."
)
