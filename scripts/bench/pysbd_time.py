#!/usr/bin/env python3
"""Times pySBD over {"id","text"} JSON lines: documents per CPU second, one JSON line out.

    pysbd_time.py TEXTS.jsonl [--repeat N]
"""
import argparse
import json
import time

import pysbd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("texts")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    texts = [json.loads(line)["text"] for line in open(args.texts, encoding="utf-8") if line.strip()]
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
    sentences = 0
    start = time.process_time()
    for _ in range(args.repeat):
        for text in texts:
            sentences += len(segmenter.segment(text))
    seconds = time.process_time() - start
    docs = len(texts) * args.repeat
    print(json.dumps({"system": "pysbd", "documents": docs, "cpu_seconds": seconds,
                      "docs_per_cpu_second": docs / seconds, "sentences_per_pass": sentences // args.repeat}))


if __name__ == "__main__":
    main()
