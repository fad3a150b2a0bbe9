#!/usr/bin/env python3
"""Times sumy's TextRank (3 sentences, English Porter stemmer and stop words, as the BBC anchor was made)
over {"id","text"} JSON lines: documents per CPU second, one JSON line out.

    NLTK_DATA=.build-venv/nltk_data sumy_time.py TEXTS.jsonl [--repeat N] [--sentences N]
"""
import argparse
import json
import time

from sumy.nlp.stemmers import Stemmer
from sumy.nlp.tokenizers import Tokenizer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("texts")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--sentences", type=int, default=3)
    args = ap.parse_args()
    texts = [json.loads(line)["text"] for line in open(args.texts, encoding="utf-8") if line.strip()]
    summarizer = TextRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = Tokenizer("english")
    chosen = 0
    start = time.process_time()
    for _ in range(args.repeat):
        for text in texts:
            document = PlaintextParser.from_string(text, tokenizer).document
            chosen += len(summarizer(document, args.sentences))
    seconds = time.process_time() - start
    docs = len(texts) * args.repeat
    print(json.dumps({"system": "sumy-textrank", "documents": docs, "cpu_seconds": seconds,
                      "docs_per_cpu_second": docs / seconds, "sentences_per_pass": chosen // args.repeat}))


if __name__ == "__main__":
    main()
