#!/usr/bin/python3
"""Writes the fuzzers' seed corpus (Fuzz/corpus/), made here from our own messages and texts.

    dev/make-fuzz-corpus.py        (needs Debian's python3-protobuf, as `make proto` does)

wire/: byte streams as a client sends them: the preface, then frames of every operation,
       plus a few malformed ones. engine/: short texts in several layouts and scripts.
client/: what a server sends a client (answers of every kind, going-away, refusals).
jsonl/: `precis --jsonl` inputs: good, bad, CRLF and blank lines.
"""
import os
import struct
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(root, "Clients", "python"))
from precis.v1 import precis_pb2 as pb  # noqa: E402

PREFACE = b"PRECIS\x01\x00"
ARTICLE = open(os.path.join(root, "examples", "article.txt"), encoding="utf-8").read()


def frame(message):
    body = message.SerializeToString()
    return struct.pack(">I", len(body)) + body


def requests():
    doc = pb.Document(text="Mayor Ana Ruiz said on Tuesday: \u201cWe will build it.\u201d It costs $3.5bn.")
    yield pb.Request(id=1, ping=pb.PingRequest(payload=b"hello"))
    yield pb.Request(id=2, info=pb.InfoRequest())
    yield pb.Request(id=3, timeout_ms=500, parse=pb.ParseRequest(document=doc, options=pb.ParseOptions(include_tokens=True)))
    yield pb.Request(id=4, summarize=pb.SummarizeRequest(document=doc, options=pb.SummaryOptions(ratio=0.5)))
    yield pb.Request(id=5, extract=pb.ExtractRequest(document=doc, options=pb.ExtractOptions(
        kinds=[pb.ExtractOptions.ENTITIES, pb.ExtractOptions.DATES], reference_date="2026-11-24")))
    yield pb.Request(id=6, analyze=pb.AnalyzeRequest(document=pb.Document(text=ARTICLE, format=pb.Document.MARKDOWN)))


def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def main():
    wire = os.path.join(root, "Fuzz", "corpus", "wire")
    all_frames = b""
    for n, request in enumerate(requests(), 1):
        write(wire, f"request-{n}", PREFACE + frame(request))
        all_frames += frame(request)
    write(wire, "pipelined", PREFACE + all_frames)
    write(wire, "frames-only", all_frames)
    write(wire, "response", frame(pb.Response(id=7, status=pb.Status(code=pb.INVALID_ARGUMENT, message="no"))))
    write(wire, "empty-frame", PREFACE + b"\x00\x00\x00\x00")
    write(wire, "bad-utf8", PREFACE + struct.pack(">I", 10) + b"\x08\x01\x62\x06\x0a\x04\x0a\x02\xc3\x28")
    write(wire, "http", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")

    client = os.path.join(root, "Fuzz", "corpus", "client")
    answers = [
        pb.Response(id=1, ping=pb.PingResponse(payload=b"hello")),
        pb.Response(id=2, status=pb.Status(code=pb.RESOURCE_EXHAUSTED, message="queue full")),
        pb.Response(id=3, summarize=pb.SummarizeResponse(sentences=[pb.SummarySentence(start=0, end=5, text="Hello")])),
        pb.Response(id=0, go_away=pb.GoAway(reason="shutting down")),
        pb.Response(id=0, status=pb.Status(code=pb.UNAVAILABLE, message="too many connections")),
    ]
    # The fuzzer puts the preface in front itself when the first byte is even: start odd-free.
    write(client, "answers", b"\x00" + b"".join(frame(answer) for answer in answers))
    write(client, "with-preface", b"\x01" + PREFACE + frame(answers[0]))
    write(client, "http", b"\x01HTTP/1.1 400 Bad Request\r\n\r\n")

    jsonl = os.path.join(root, "Fuzz", "corpus", "jsonl")
    write(jsonl, "lines", b'\x07{"id": 1, "text": "Hello."}\n{"id": "b", "format": "html", "text": "<p>x</p>"}\n')
    write(jsonl, "crlf-blank", b'\x10{"id":[1,{"a":null}],"text":"a\\u00e9\\ud83d\\ude00"}\r\n\r\n  \r\n{"text":5}\r\n')
    write(jsonl, "bad", b'\x03not json\n{"id": 01, "text": "x"}\n{"id": tru}\n[1,2]\n{"text": "unterminated')

    engine = os.path.join(root, "Fuzz", "corpus", "engine")
    texts = {
        "article": ARTICLE,
        "markdown": "# Council votes\n\n- first item\n- second item\n\n1) Numbered. 2) Again.\n\n> A quote.\n\n**Bold line**\n",
        "wire": "LISBON (Precis Wire) - Ministers met on Monday. \"It went well,\" said Dr. Sousa, who arrived at 9 a.m.",
        "cjk": "東京で会議が開かれた。市長は「よい結果だ」と述べた。 서울에서도 회의가 열렸다.",
        "mixed": "Prices rose 0.1% to \u20ac20bn (U.S.-backed). See https://example.org/a?b=1 or mail news@example.org #vote @desk \U0001F600",
        "german": "Der Stadtrat hat am Dienstag entschieden. Die Br\u00fccke wird 2027 gebaut, sagte die B\u00fcrgermeisterin.",
        "html-article": "<!doctype html><html lang=en><head><title>Pier rebuilt | Gazette</title>"
        "<meta property=og:site_name content=Gazette><script type=application/ld+json>"
        "{\"@type\":\"NewsArticle\",\"author\":{\"name\":\"Ana Ruiz\"},\"datePublished\":\"2026-01-02\"}</script>"
        "</head><body><nav><a href=/>Home</a></nav><article><h1>Pier rebuilt</h1><p class=byline>By Ana Ruiz</p>"
        "<p>The harbour board voted on Tuesday, after years of debate, to rebuild the pier, and work starts soon.</p>"
        "<p>Engineers, divers and the ferry company checked the piles, and the report, published today, was clear.</p>"
        "<figure><figcaption>The pier at dusk.</figcaption></figure><ul><li>One</li><li>Two</li></ul>"
        "<blockquote>It is the town&#8217;s front door &amp; it was shut.</blockquote></article>"
        "<div class=comments><p>A comment.</p></div><footer>Footer</footer></body></html>",
        "html-broken": "<html><body><div class=content><p>Caf&eacute; &amp; bakery<b>bold <i>both</b> italic</i>"
        "<p>unclosed <div><span>text</div></span></table><script>x<y</script>&#xZZ; &nbsp;end",
    }
    for name, text in texts.items():
        write(engine, name, text.encode("utf-8"))


if __name__ == "__main__":
    main()
