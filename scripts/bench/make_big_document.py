#!/usr/bin/env python3
"""Writes a ~10 MB synthetic document as one JSON line {"id": "10MB", "text": ...} for the large-input rows of
the bench scripts: paragraphs of five sentences of random words (seeded, so every run gets the same text).

    make_big_document.py OUT.jsonl [EXTRA_WORD ...]

EXTRA_WORD are mixed in as often as the common words, e.g. names and numbers for extraction.
"""
import json
import random
import sys


def main(path, extra):
    random.seed(7)
    words = [f"w{i}" for i in range(40000)] + (["the", "river", "council", "bridge", "said"] + extra) * 200
    paragraphs, size = [], 0
    while size < 10_000_000:
        p = " ".join(" ".join(random.choice(words) for _ in range(random.randint(6, 30))).capitalize() + "."
                     for _ in range(5))
        paragraphs.append(p)
        size += len(p) + 2
    with open(path, "w") as f:
        json.dump({"id": "10MB", "text": "\n\n".join(paragraphs)}, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
