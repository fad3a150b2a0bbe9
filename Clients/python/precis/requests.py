"""Builders of ``pb.Request`` for each operation, shared by both clients."""

from __future__ import annotations

from typing import Iterable, Optional

from .v1 import precis_pb2 as pb


def document(text: str, format: int = pb.Document.FORMAT_AUTO, language: str = "") -> pb.Document:
    return pb.Document(text=text, format=format, language=language)


def ping(payload: bytes = b"", timeout_ms: int = 0) -> pb.Request:
    return pb.Request(timeout_ms=timeout_ms, ping=pb.PingRequest(payload=payload))


def info(timeout_ms: int = 0) -> pb.Request:
    return pb.Request(timeout_ms=timeout_ms, info=pb.InfoRequest())


def health(timeout_ms: int = 0) -> pb.Request:
    return pb.Request(timeout_ms=timeout_ms, health=pb.HealthRequest())


def parse(text: str, include_tokens: bool = False, format: int = pb.Document.FORMAT_AUTO,
          language: str = "", timeout_ms: int = 0) -> pb.Request:
    return pb.Request(timeout_ms=timeout_ms, parse=pb.ParseRequest(
        document=document(text, format, language),
        options=pb.ParseOptions(include_tokens=include_tokens)))


def summary_options(sentences: Optional[int] = 3, words: Optional[int] = None,
                    ratio: Optional[float] = None, algorithm: int = 0) -> pb.SummaryOptions:
    """Summary length: ``words`` or ``ratio`` when given, else ``sentences``."""
    options = pb.SummaryOptions(algorithm=algorithm)
    if words is not None:
        options.words = words
    elif ratio is not None:
        options.ratio = ratio
    elif sentences is not None:
        options.sentences = sentences
    return options


def summarize(text: str, sentences: Optional[int] = 3, words: Optional[int] = None,
              ratio: Optional[float] = None, algorithm: int = 0,
              format: int = pb.Document.FORMAT_AUTO, language: str = "",
              timeout_ms: int = 0) -> pb.Request:
    return pb.Request(timeout_ms=timeout_ms, summarize=pb.SummarizeRequest(
        document=document(text, format, language),
        options=summary_options(sentences, words, ratio, algorithm)))


def extract_options(kinds: Iterable[int] = (), reference_date: str = "",
                    max_keyphrases: int = 0) -> pb.ExtractOptions:
    """``kinds``: ``pb.ExtractOptions.ENTITIES`` etc.; empty means everything."""
    return pb.ExtractOptions(kinds=list(kinds), reference_date=reference_date,
                             max_keyphrases=max_keyphrases)


def extract(text: str, kinds: Iterable[int] = (), reference_date: str = "",
            max_keyphrases: int = 0, format: int = pb.Document.FORMAT_AUTO,
            language: str = "", timeout_ms: int = 0) -> pb.Request:
    return pb.Request(timeout_ms=timeout_ms, extract=pb.ExtractRequest(
        document=document(text, format, language),
        options=extract_options(kinds, reference_date, max_keyphrases)))


def analyze(text: str, include_tokens: bool = False,
            summary: Optional[pb.SummaryOptions] = None,
            extract: Optional[pb.ExtractOptions] = None,
            format: int = pb.Document.FORMAT_AUTO, language: str = "",
            timeout_ms: int = 0) -> pb.Request:
    """Parse, summarize and extract in one round trip."""
    request = pb.AnalyzeRequest(document=document(text, format, language),
                                parse=pb.ParseOptions(include_tokens=include_tokens))
    if summary is not None:
        request.summary.CopyFrom(summary)
    if extract is not None:
        request.extract.CopyFrom(extract)
    return pb.Request(timeout_ms=timeout_ms, analyze=request)
