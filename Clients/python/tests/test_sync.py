"""The synchronous client against a real precisd."""

import errno
import socket

import pytest

from conftest import ARTICLE
from precis import Client, ConnectError, ConnectionClosedError, PrecisError, pb, requests


def utf8_slice(text, start, end):
    return text.encode("utf-8")[start:end].decode("utf-8")


def test_ping_echoes_payload(server):
    with Client(server.host, server.port, timeout=10) as client:
        assert client.ping(b"\x00hello\xff") == b"\x00hello\xff"
        assert client.server_version[0] == 1


def test_info_reports_versions_and_limits(server):
    with Client(server.host, server.port) as client:
        info = client.info()
    assert info.protocol_major == 1
    assert info.server_version
    assert "summarize" in info.operations
    assert info.limits.max_frame_bytes > 0
    assert info.limits.workers > 0


def test_health_says_serving(server):
    with Client(server.host, server.port) as client:
        health = client.health()
    assert health.status == pb.HealthResponse.SERVING
    assert health.reason.startswith("ready")


def test_summarize_spans_slice_the_utf8_text(server):
    with Client(server.host, server.port) as client:
        summary = client.summarize(ARTICLE, sentences=2)
    assert len(summary.sentences) == 2
    assert summary.candidate_sentences >= 5
    for sentence in summary.sentences:
        assert utf8_slice(ARTICLE, sentence.start, sentence.end) == sentence.text
    assert summary.sentences[0].start < summary.sentences[1].start  # document order


def test_parse_sentences_and_tokens(server):
    with Client(server.host, server.port) as client:
        parsed = client.parse(ARTICLE, include_tokens=True)
    assert len(parsed.sentences) >= 5
    assert parsed.tokens, "tokens were asked for"
    assert parsed.stats.words > 50
    first = parsed.sentences[0]
    assert utf8_slice(ARTICLE, first.start, first.end).startswith("Harbour officials")


def test_extract_finds_the_quote_and_money(server):
    with Client(server.host, server.port) as client:
        found = client.extract(ARTICLE, reference_date="2026-11-24")
    assert any("waited a long time" in q.text for q in found.quotes)
    assert any(q.kind == pb.Quantity.MONEY for q in found.quantities)
    assert found.reference_date == "2026-11-24"


def test_analyze_returns_all_three(server):
    with Client(server.host, server.port) as client:
        result = client.analyze(ARTICLE, summary=requests.summary_options(sentences=1))
    assert len(result.parse.sentences) >= 5
    assert len(result.summary.sentences) == 1
    assert result.extract.entities


def test_bad_argument_raises_one_exception_type(server):
    with Client(server.host, server.port) as client:
        with pytest.raises(PrecisError) as caught:
            client.summarize(ARTICLE, ratio=2.0)
        assert caught.value.code == pb.INVALID_ARGUMENT
        assert caught.value.code_name == "INVALID_ARGUMENT"
        assert caught.value.request_id > 0
        with pytest.raises(PrecisError) as caught:
            client.extract(ARTICLE, reference_date="next Tuesday")
        assert caught.value.code == pb.INVALID_ARGUMENT
        assert "reference_date" in caught.value.message
        assert client.ping(b"still usable") == b"still usable"


def test_pipelined_requests_are_matched_by_id(server):
    with Client(server.host, server.port) as client:
        ids = {}
        for i in range(60):
            request = requests.summarize(ARTICLE, sentences=1) if i % 3 == 0 else \
                requests.ping(b"p%d" % i)
            ids[client.send(request)] = i
        assert client.in_flight == 60
        seen = set()
        for _ in range(60):
            response = client.receive()
            assert response.status.code == pb.OK
            i = ids[response.id]
            if i % 3 == 0:
                assert len(response.summarize.sentences) == 1
            else:
                assert response.ping.payload == b"p%d" % i
            seen.add(response.id)
        assert seen == set(ids)


def test_timeout_is_deadline_exceeded(silent_port):
    with pytest.raises(PrecisError) as caught:
        Client("127.0.0.1", silent_port, timeout=0.3)
    assert caught.value.code == pb.DEADLINE_EXCEEDED


def free_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    return port


def test_refused_connection_is_a_precis_error():
    port = free_port()
    with pytest.raises(PrecisError) as caught:
        Client("127.0.0.1", port, timeout=2)
    error = caught.value
    assert isinstance(error, ConnectError)
    assert error.code == pb.UNAVAILABLE
    assert "cannot connect to 127.0.0.1:%d" % port in error.message
    assert "refused" in error.message.lower()
    # Still an OSError, for code written against the bare ConnectionRefusedError.
    assert isinstance(error, OSError)
    assert error.errno == errno.ECONNREFUSED


def test_unknown_host_is_a_precis_error():
    with pytest.raises(ConnectError) as caught:
        Client("no-such-host.invalid", 7450, timeout=2)
    assert caught.value.code == pb.UNAVAILABLE


# 5 MiB of text: over the server's default 4 MiB frame limit.
BIG_TEXT = ARTICLE * (5 * 1024 * 1024 // len(ARTICLE.encode("utf-8")) + 1)


def test_document_over_the_frame_limit_is_refused_before_sending(server):
    with Client(server.host, server.port, timeout=10) as client:
        with pytest.raises(PrecisError) as caught:
            client.summarize(BIG_TEXT)
        assert caught.value.code == pb.RESOURCE_EXHAUSTED
        assert "exceeds the frame limit of 4194304 bytes" in caught.value.message
        assert client.in_flight == 0
        # Nothing was sent: the connection is undamaged.
        assert client.ping(b"still here") == b"still here"
        assert len(client.summarize(ARTICLE, sentences=1).sentences) == 1


def test_the_limit_follows_max_request_bytes(server):
    with Client(server.host, server.port, timeout=10, max_request_bytes=1000) as client:
        with pytest.raises(PrecisError) as caught:
            client.summarize(ARTICLE * 3)
        assert caught.value.code == pb.RESOURCE_EXHAUSTED
        assert "limit of 1000 bytes" in caught.value.message
        assert client.ping(b"x") == b"x"


def test_server_status_is_raised_not_the_reset(server):
    # With the client's check off, the 5 MiB frame goes out; the server answers
    # RESOURCE_EXHAUSTED from the frame header and closes while the client is still writing.
    # The client reports the server's status, not "connection reset".
    for _ in range(3):  # the race between the answer and the reset differs from run to run
        with Client(server.host, server.port, timeout=10, max_request_bytes=None) as client:
            with pytest.raises(PrecisError) as caught:
                client.summarize(BIG_TEXT)
            error = caught.value
            assert error.code == pb.RESOURCE_EXHAUSTED, error
            assert "exceeds the limit" in error.message
            # The server closed the connection: later calls say so, and why.
            with pytest.raises(ConnectionClosedError) as later:
                client.ping()
            assert "RESOURCE_EXHAUSTED" in later.value.message


def test_closed_client_raises_unavailable(server):
    client = Client(server.host, server.port)
    client.close()
    with pytest.raises(ConnectionClosedError) as caught:
        client.ping()
    assert caught.value.code == pb.UNAVAILABLE
