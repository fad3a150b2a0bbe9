"""precisd --metrics-port: /metrics after traffic from this client, and info's load fields."""

import re
import urllib.error
import urllib.request

import pytest

from conftest import ARTICLE, Server
from precis import Client, PrecisError


@pytest.fixture(scope="module")
def metrics_server():
    s = Server("--metrics-port", "0")
    yield s
    s.stop()


def scrape(url):
    with urllib.request.urlopen(url, timeout=10) as answer:
        assert answer.status == 200
        assert answer.headers["Content-Type"].startswith("text/plain; version=0.0.4")
        text = answer.read().decode("utf-8")
    samples = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            samples[name] = float(value)
    return samples


def test_counters_move_after_traffic(metrics_server):
    assert metrics_server.metrics_url, "precisd printed no 'metrics on' line"
    ping_ok = 'precis_requests_total{operation="ping",status="OK"}'
    bad = 'precis_requests_total{operation="summarize",status="INVALID_ARGUMENT"}'
    before = scrape(metrics_server.metrics_url)
    with Client(metrics_server.host, metrics_server.port) as client:
        for _ in range(4):
            client.ping(b"m")
        client.summarize(ARTICLE, sentences=1)
        with pytest.raises(PrecisError):
            client.summarize(ARTICLE, ratio=5.0)
        info = client.info()
    after = scrape(metrics_server.metrics_url)
    assert after[ping_ok] - before.get(ping_ok, 0) == 4
    assert after[bad] - before.get(bad, 0) == 1
    assert after['precis_request_duration_seconds_count{operation="summarize"}'] >= 2
    assert after["precis_bytes_received_total"] > before.get("precis_bytes_received_total", 0)
    assert after["precis_connections_total"] >= 1
    assert info.in_flight == 1  # the info request itself
    assert info.connections >= 1
    assert info.requests_total >= 6


def test_other_paths_are_404(metrics_server):
    url = re.sub(r"/metrics$", "/", metrics_server.metrics_url)
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(url, timeout=10)
    assert caught.value.code == 404
