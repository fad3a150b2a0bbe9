#!/usr/bin/env python3
"""Compare Precis sentence boundaries with pySBD's on news text, and score both against hand-adjudicated gold.

    # 1. Precis output:  Benchmarks/.build/release/engine-tool sentences DOCS.jsonl > precis.jsonl
    # 2. List disagreements in a seeded sample of documents (to adjudicate by hand):
    python3 scripts/eval/sbd_compare.py DOCS.jsonl precis.jsonl --sample 30 --show
    # 3. Write decisions to a JSON file outside the repository, {"doc id": {"char offset": true|false}, ...},
    #    true when a sentence really ends at that offset; then score:
    python3 scripts/eval/sbd_compare.py DOCS.jsonl precis.jsonl --sample 30 --adjudication /tmp/adj.json

Boundaries are character offsets (in the document's text) where a sentence ends inside a paragraph; ends before
a line break or at the end of the text are left out, since both systems split paragraphs the same way. An end right before closing quotes that are followed by whitespace is
moved past them (see `snap`). pySBD
(clean=False) runs on each blank-line-separated paragraph. The gold for an adjudicated document is every boundary
both systems agree on plus the disagreements judged true. Nothing is copied: texts are read from the paths given.
"""
import argparse
import json
import random
import re
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def ends_in_text(text, sentences):
    """Character offsets where the (stripped) sentences end, found in order in `text`."""
    ends, position = [], 0
    for sentence in sentences:
        sentence = sentence.strip()
        if not sentence:
            continue
        found = text.find(sentence, position)
        if found < 0:
            sys.exit(f"sentence not found in text: {sentence[:60]!r}")
        position = found + len(sentence)
        ends.append(position)
    return ends


CLOSERS = "\"'\u201d\u2019)]\u00bb"


def snap(text, end):
    """Moves an end past closing quotes or brackets written right after it and followed by whitespace, so that
    `done. || " He` (pySBD leaves the closing quote to the next sentence) and `done." || He` count as one boundary."""
    position = end
    while position < len(text) and text[position] in CLOSERS:
        position += 1
    if position > end and (position == len(text) or text[position].isspace()):
        return position
    return end


def inner(text, ends):
    """Ends followed by more text on the same line (not a paragraph or line end)."""
    result = set()
    for end in ends:
        end = snap(text, end)
        rest = re.match(r"\s*", text[end:]).group(0)
        if end + len(rest) < len(text) and "\n" not in rest:
            result.add(end)
    return result


def pysbd_ends(text, segmenter):
    ends = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        paragraph = match.group(0)
        for sentence_end in ends_in_text(paragraph, segmenter.segment(paragraph)):
            ends.append(match.start() + sentence_end)
    return ends


def f1(system, gold):
    tp = len(system & gold)
    precision = tp / len(system) if system else 1.0
    recall = tp / len(gold) if gold else 1.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("docs", help="JSONL with id and text")
    parser.add_argument("precis", help="engine-tool sentences output for the same file")
    parser.add_argument("--sample", type=int, default=0, help="documents to sample (0: all)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", action="store_true", help="print every disagreement with context")
    parser.add_argument("--adjudication", help="JSON decisions; scores both systems against the gold")
    args = parser.parse_args()

    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    docs = load(args.docs)
    precis = {str(r["id"]): r["sentences"] for r in load(args.precis)}
    if args.sample:
        docs = random.Random(args.seed).sample(docs, args.sample)
    decisions = json.load(open(args.adjudication)) if args.adjudication else None
    totals = {"precis": [0, 0, 0], "pysbd": [0, 0, 0]}
    disagreements = undecided = 0
    for doc in docs:
        doc_id, text = str(doc["id"]), doc["text"]
        ours = inner(text, ends_in_text(text, precis[doc_id]))
        theirs = inner(text, pysbd_ends(text, segmenter))
        differ = sorted(ours ^ theirs)
        disagreements += len(differ)
        for offset in differ:
            if args.show:
                who = "precis" if offset in ours else "pysbd"
                context = text[max(0, offset - 70):offset] + " || " + text[offset:offset + 50]
                print(f"{doc_id}\t{offset}\t{who}\t{context!r}")
        if decisions is None:
            continue
        judged = decisions.get(doc_id, {})
        gold = ours & theirs
        for offset in differ:
            if str(offset) not in judged:
                undecided += 1
            elif judged[str(offset)]:
                gold.add(offset)
        for name, system in (("precis", ours), ("pysbd", theirs)):
            totals[name][0] += len(system & gold)
            totals[name][1] += len(system)
            totals[name][2] += len(gold)
    print(f"documents {len(docs)}  disagreements {disagreements}")
    if decisions is not None:
        print(f"undecided {undecided}")
        for name, (tp, predicted, gold) in totals.items():
            precision = tp / predicted if predicted else 1.0
            recall = tp / gold if gold else 1.0
            f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            print(f"{name:7s} P {precision:.4f}  R {recall:.4f}  F1 {f:.4f}  (tp {tp}, predicted {predicted}, gold {gold})")


if __name__ == "__main__":
    main()
