"""The asyncio client against a real precisd."""

import asyncio

import pytest

from conftest import ARTICLE
from precis import AsyncClient, ConnectionClosedError, PrecisError, pb, requests


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 60))


def test_ping_and_info(server):
    async def main():
        async with await AsyncClient.connect(server.host, server.port) as client:
            assert await client.ping(b"abc") == b"abc"
            info = await client.info()
            assert info.protocol_major == 1
            assert "analyze" in info.operations
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
