#!/usr/bin/env python3
"""Train the default summarizer's sentence scorer and write Sources/PrecisEngine/Summary/Generated/SummaryModel.swift.

    dev/train-summary.py split GOLD.jsonl TRAIN.jsonl HELDOUT.jsonl
        Deterministic split by id: md5(id) mod 100 < 70 goes to TRAIN, the rest to HELDOUT.
    dev/train-summary.py train FEATURES.jsonl GOLD.jsonl [--out SummaryModel.swift] [--trained-on TEXT]
        FEATURES.jsonl is `engine-tool summary-features` over the TRAIN part only. Labels: a greedy ROUGE oracle
        (add the candidate that most raises ROUGE-1 + ROUGE-2 F1 against the reference, up to 3, while it helps).
        Model: L2-regularised logistic regression on standardised features, fitted by Newton's method (no
        randomness: the same input gives the same weights), folded back to raw-feature weights.
    dev/train-summary.py oracle FEATURES.jsonl GOLD.jsonl
        The oracle's sentences as a system file ({id, summary_sentences}) for score_text.py.

Needs Python 3 and numpy. Runs in seconds to a minute on 2 cores for 700 articles.
"""
import hashlib
import json
import re
import sys

ORACLE_SIZE = 3
L2 = 100.0  # chosen by 5-fold cross-validation on the train part (0.01-1000: 100 best, all within 0.5 R-1)
ITERATIONS = 30
TRAIN_PERCENT = 70
MODEL_FAMILY = "summary-lr-1"


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def is_train(record_id):
    return int(hashlib.md5(record_id.encode("utf-8")).hexdigest()[:8], 16) % 100 < TRAIN_PERCENT


def split(gold, train_path, heldout_path):
    with open(gold, encoding="utf-8") as f, open(train_path, "w", encoding="utf-8") as train, \
            open(heldout_path, "w", encoding="utf-8") as heldout:
        for line in f:
            if line.strip():
                (train if is_train(json.loads(line)["id"]) else heldout).write(line)


def tokens(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def ngrams(words, n):
    counts = {}
    for i in range(len(words) - n + 1):
        key = tuple(words[i:i + n])
        counts[key] = counts.get(key, 0) + 1
    return counts


def f1(candidate, reference):
    """ROUGE-n F1 of `candidate` against `reference` (n-gram count dictionaries)."""
    if not reference or not candidate:
        return 0.0
    hit = sum(min(count, candidate.get(key, 0)) for key, count in reference.items())
    precision, recall = hit / sum(candidate.values()), hit / sum(reference.values())
    return 2 * precision * recall / (precision + recall) if hit else 0.0


def reference_text(record):
    sentences = record.get("summary_sentences") or []
    return " ".join(sentences) if sentences else record.get("reference") or record.get("summary") or ""


def oracle(sentences, reference):
    """Greedy: positions that raise ROUGE-1 + ROUGE-2 F1 against `reference`, in the order picked.

    F1, not recall: with recall every added sentence helps and long sentences win, and the labels then teach
    the model to pick long sentences that ROUGE F1 (what is reported) penalises; cross-validated on the train
    part, recall labels gave R-1/R-2 29.0/11.5 and F1 labels 30.1/11.7 (lead-3 28.7/10.8)."""
    ref_words = tokens(reference)
    ref1, ref2 = ngrams(ref_words, 1), ngrams(ref_words, 2)
    words = [tokens(s) for s in sentences]
    chosen, best = [], 0.0
    while len(chosen) < ORACLE_SIZE:
        pick, pick_value = -1, best
        for i in range(len(sentences)):
            if i in chosen:
                continue
            joined = [w for j in sorted(chosen + [i]) for w in words[j]]
            value = f1(ngrams(joined, 1), ref1) + f1(ngrams(joined, 2), ref2)
            if value > pick_value + 1e-12:
                pick, pick_value = i, value
        if pick < 0:
            break
        chosen.append(pick)
        best = pick_value
    return chosen


def labelled(features_path, gold_path):
    gold = {r["id"]: r for r in load(gold_path)}
    for record in load(features_path):
        if record["id"] in gold and record["sentences"]:
            yield record, oracle(record["sentences"], reference_text(gold[record["id"]]))


def fit(x, y):
    import numpy as np
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std < 1e-9] = 1.0
    z = np.hstack([np.ones((x.shape[0], 1)), (x - mean) / std])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    weights = w[1:] / std
    intercept = w[0] - float(np.sum(w[1:] * mean / std))
    return intercept, weights, w


def swift_model(names, intercept, weights, trained_on, documents, rows, positives):
    body = "".join(f"{names[i]}={weights[i]:.6f};" for i in range(len(names))) + f"b={intercept:.6f}"
    version = f"{MODEL_FAMILY}-{hashlib.sha1(body.encode()).hexdigest()[:8]}"
    lines = [
        "// Generated by dev/train-summary.py; do not edit (scripts/eval/summaries-cnn.sh retrains and checks it).",
        "/// The default summarizer's learned sentence scorer: logistic regression over ``SentenceFeatures``.",
        "enum SummaryModel {",
        f"    static let version = \"{version}\"",
        f"    static let trainedOn = \"{trained_on}: {documents} articles, {rows} sentences, {positives} oracle-picked\"",
        "    static let featureNames: [String] = [",
    ]
    lines += [f"        \"{name}\"," for name in names]
    lines += ["    ]", f"    static let intercept = {intercept:.6f}", "    static let weights: [Double] = ["]
    lines += [f"        {weight:.6f},  // {name}" for name, weight in zip(names, weights)]
    lines += ["    ]", "}", ""]
    return "\n".join(lines), version


def train(features_path, gold_path, out, trained_on):
    import numpy as np
    xs, ys, names, documents = [], [], None, 0
    for record, chosen in labelled(features_path, gold_path):
        names = names or record["names"]
        documents += 1
        for i, row in enumerate(record["features"]):
            xs.append(row)
            ys.append(1.0 if i in chosen else 0.0)
    x, y = np.array(xs, dtype=float), np.array(ys, dtype=float)
    intercept, weights, standardized = fit(x, y)
    text, version = swift_model(names, intercept, weights, trained_on, documents, len(ys), int(y.sum()))
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{version}: {documents} documents, {len(ys)} rows, {int(y.sum())} positives", file=sys.stderr)
    for name, weight in sorted(zip(names, standardized[1:]), key=lambda t: -abs(t[1])):
        print(f"  {name:24s} {weight:+.3f} (per standard deviation)", file=sys.stderr)


def write_oracle(features_path, gold_path):
    for record, chosen in labelled(features_path, gold_path):
        picked = [record["sentences"][i] for i in sorted(chosen)]
        print(json.dumps({"id": record["id"], "summary_sentences": picked}))


def main(argv):
    if len(argv) >= 4 and argv[0] == "split":
        return split(argv[1], argv[2], argv[3])
    if len(argv) >= 3 and argv[0] == "train":
        out = "Sources/PrecisEngine/Summary/Generated/SummaryModel.swift"
        trained_on = "features.jsonl"
        if "--out" in argv:
            out = argv[argv.index("--out") + 1]
        if "--trained-on" in argv:
            trained_on = argv[argv.index("--trained-on") + 1]
        return train(argv[1], argv[2], out, trained_on)
    if len(argv) >= 3 and argv[0] == "oracle":
        return write_oracle(argv[1], argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]) or 0)
