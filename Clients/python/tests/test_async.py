"""The asyncio client against a real precisd."""

import asyncio
import errno
import socket

import pytest

from conftest import ARTICLE
from precis import AsyncClient, ConnectError, ConnectionClosedError, PrecisError, pb, requests


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 60))


def test_a_cancelled_call_stops_the_server_work(server):
    async def main():
        async with await AsyncClient.connect(server.host, server.port) as client:
            text = "Word after word in a long line without end. " * 80000  # seconds of work
            call = asyncio.ensure_future(client.analyze(text))
            for _ in range(200):
                if (await client.info()).queued == 1:
                    break
                await asyncio.sleep(0.01)
            call.cancel()
            with pytest.raises(asyncio.CancelledError):
                await call
            for _ in range(50):  # the worker is free again at once (uncancelled: seconds)
                if (await client.info()).queued == 0:
                    break
                await asyncio.sleep(0.02)
            assert (await client.info()).queued == 0
            assert await client.ping(b"after") == b"after"
    run(main())


def test_ping_and_info(server):
    async def main():
        async with await AsyncClient.connect(server.host, server.port) as client:
            assert await client.ping(b"abc") == b"abc"
            info = await client.info()
            assert info.protocol_major == 1
            assert "analyze" in info.operations
            assert "health" in info.operations
            assert (await client.health()).status == pb.HealthResponse.SERVING
    run(main())


def test_many_calls_in_flight_on_one_connection(server):
    async def main():
        async with await AsyncClient.connect(server.host, server.port) as client:
            pings = [client.ping(b"n%d" % i) for i in range(200)]
            summaries = [client.summarize(ARTICLE, sentences=2) for _ in range(10)]
            results = await asyncio.gather(*pings, *summaries)
            assert results[:200] == [b"n%d" % i for i in range(200)]
            for summary in results[200:]:
                assert len(summary.sentences) == 2
            assert client.in_flight == 0
    run(main())


def test_operations(server):
    async def main():
        async with await AsyncClient.connect(server.host, server.port) as client:
            parsed, found, analyzed = await asyncio.gather(
                client.parse(ARTICLE),
                client.extract(ARTICLE, kinds=[pb.ExtractOptions.QUANTITIES]),
                client.analyze(ARTICLE))
            assert len(parsed.sentences) >= 5
            assert found.quantities and not found.entities  # only the kind asked for
            assert analyzed.summary.sentences and analyzed.extract.entities
    run(main())


def test_status_codes_raise_precis_error(server):
    async def main():
        async with await AsyncClient.connect(server.host, server.port) as client:
            with pytest.raises(PrecisError) as caught:
                await client.summarize(ARTICLE, ratio=-1.0)
            assert caught.value.code == pb.INVALID_ARGUMENT
            # A request with no operation at all.
            with pytest.raises(PrecisError) as caught:
                await client.call(pb.Request())
            assert caught.value.code == pb.INVALID_ARGUMENT
            assert await client.ping(b"ok") == b"ok"
    run(main())


def test_raw_send_returns_non_ok_responses(server):
    async def main():
        async with await AsyncClient.connect(server.host, server.port) as client:
            future = await client.send(requests.extract("x", reference_date="next Tuesday"))
            response = await future
            assert response.status.code == pb.INVALID_ARGUMENT
    run(main())


def test_connect_timeout_is_deadline_exceeded(silent_port):
    async def main():
        with pytest.raises(PrecisError) as caught:
            await AsyncClient.connect("127.0.0.1", silent_port, timeout=0.3)
        assert caught.value.code == pb.DEADLINE_EXCEEDED
    run(main())


def test_server_stop_fails_waiting_calls_with_unavailable():
    from conftest import Server

    async def main(server):
        client = await AsyncClient.connect(server.host, server.port)
        assert await client.ping() == b""
        server.stop()  # SIGKILL: the connection drops without a GoAway
        with pytest.raises(ConnectionClosedError) as caught:
            for _ in range(50):  # the close may take a moment to be seen
                await client.ping()
                await asyncio.sleep(0.05)
        assert caught.value.code == pb.UNAVAILABLE
        await client.close()

    server = Server()
    try:
        run(main(server))
    finally:
        server.stop()


def test_refused_connection_is_a_precis_error():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now

    async def main():
        with pytest.raises(PrecisError) as caught:
            await AsyncClient.connect("127.0.0.1", port, timeout=2)
        error = caught.value
        assert isinstance(error, ConnectError)
        assert error.code == pb.UNAVAILABLE
        assert "cannot connect to 127.0.0.1:%d" % port in error.message
        assert isinstance(error, OSError) and error.errno == errno.ECONNREFUSED
    run(main())


BIG_TEXT = ARTICLE * (5 * 1024 * 1024 // len(ARTICLE.encode("utf-8")) + 1)


def test_document_over_the_frame_limit_is_refused_before_sending(server):
    async def main():
        async with await AsyncClient.connect(server.host, server.port) as client:
            with pytest.raises(PrecisError) as caught:
                await client.summarize(BIG_TEXT)
            assert caught.value.code == pb.RESOURCE_EXHAUSTED
            assert "exceeds the frame limit of 4194304 bytes" in caught.value.message
            assert client.in_flight == 0
            assert await client.ping(b"still here") == b"still here"
    run(main())


def test_server_status_is_raised_not_the_reset(server):
    async def main():
        for _ in range(3):
            async with await AsyncClient.connect(server.host, server.port,
                                                 max_request_bytes=None) as client:
                with pytest.raises(PrecisError) as caught:
                    await client.summarize(BIG_TEXT)
                assert caught.value.code == pb.RESOURCE_EXHAUSTED, caught.value
                assert "exceeds the limit" in caught.value.message
                with pytest.raises(ConnectionClosedError) as later:
                    for _ in range(50):
                        await client.ping()
                        await asyncio.sleep(0.02)
                assert "RESOURCE_EXHAUSTED" in later.value.message
    run(main())
