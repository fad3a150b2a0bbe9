#!/usr/bin/env python3
"""Human-judgement proxies for summaries, where no human-written summaries are available.

    summary_proxies.py GOLD.jsonl SYSTEM.jsonl

SYSTEM lines are {id, summary_sentences: [str]} (engine-tool summaries --words N, so every system gets the same
budget and length cannot win). For each GOLD record the score is
- with "keyphrases" (KPCrowd news): the share of the crowd's keyphrases found in the summary (stemmed, as
  phrases), i.e. how much of what people marked as important the summary carries;
- with "title" (BBC): the share of the human-written headline's content words found in the summary.
Prints the mean over records, in percent. Needs NLTK (its Porter stemmer; no downloaded data).
"""
import json
import re
import sys

from nltk.stem.porter import PorterStemmer

STOP = set("a an the of to in on for and or but is are was were be been by with at from as that this it its he "
           "she they his her their has have had not will would said says".split())
stemmer = PorterStemmer()


def stems(text):
    return [stemmer.stem(word) for word in re.findall(r"[a-z0-9]+", text.lower())]


def main(gold_path, system_path):
    gold = {}
    with open(gold_path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            gold[str(record["id"])] = record
    total, count = 0.0, 0
    with open(system_path, encoding="utf-8") as handle:
        for line in handle:
            system = json.loads(line)
            record = gold[str(system["id"])]
            summary = stems(" ".join(system["summary_sentences"]))
            joined = " " + " ".join(summary) + " "
            if "keyphrases" in record:
                phrases = [p for p in record["keyphrases"] if p.strip()]
                if not phrases:
                    continue
                total += sum(1 for p in phrases if " " + " ".join(stems(p)) + " " in joined) / len(phrases)
            else:
                words = [w for w in stems(record.get("title", "")) if w not in STOP]
                if not words:
                    continue
                present = set(summary)
                total += sum(1 for w in words if w in present) / len(words)
            count += 1
    print(f"{100 * total / max(1, count):.1f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
