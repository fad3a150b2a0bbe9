#!/usr/bin/env python3
"""Times trafilatura's article extraction (its defaults, as the article-extraction anchor was made) over a
directory of *.html / *.html.gz pages: pages per CPU second, one JSON line out. With --out, also writes
{"id", "title", "body"} lines for score_ner.py articles.

    trafilatura_time.py DIR [--repeat N] [--out FILE.jsonl]
"""
import argparse
import gzip
import json
import os
import time

import trafilatura


def load(directory):
    pages = []
    for name in sorted(os.listdir(directory)):
        if not (name.endswith(".html") or name.endswith(".html.gz")):
            continue
        path = os.path.join(directory, name)
        data = gzip.open(path).read() if name.endswith(".gz") else open(path, "rb").read()
        pages.append((name.split(".")[0], data))
    return pages


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("directory")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--out")
    args = ap.parse_args()
    pages = load(args.directory)
    start = time.process_time()
    found = 0
    for _ in range(args.repeat):
        for _, data in pages:
            found += bool(trafilatura.extract(data))
    seconds = time.process_time() - start
    count = len(pages) * args.repeat
    print(json.dumps({"system": "trafilatura", "pages": count, "cpu_seconds": seconds,
                      "pages_per_cpu_second": count / seconds, "found_per_pass": found // args.repeat}))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            for page_id, data in pages:
                doc = trafilatura.bare_extraction(data, with_metadata=True)
                body = (doc.text if doc is not None else "") or ""
                title = (doc.title if doc is not None else "") or ""
                out.write(json.dumps({"id": page_id, "title": title, "body": body}) + "\n")


if __name__ == "__main__":
    main()
