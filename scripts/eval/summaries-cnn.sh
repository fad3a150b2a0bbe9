#!/usr/bin/env bash
# ROUGE of each summarizer algorithm, the greedy oracle and the committed default model on the held-out 30% of
# the CNN validation set with human-written highlights (../shared/eval/data/summaries_cnn_val_1000.jsonl,
# split by dev/train-summary.py: md5(id) mod 100 >= 70), 3 sentences, scored by ../shared/eval/score_text.py.
#
#   scripts/eval/summaries-cnn.sh [--retrain]
#
# --retrain first dumps features of the 70% training part (engine-tool summary-features), retrains the default
# model there (dev/train-summary.py train, which rewrites Sources/PrecisEngine/Summary/Generated/SummaryModel.swift)
# and rebuilds engine-tool; `git diff` then shows whether the committed model is what the data gives.
# Outputs go to $PRECIS_EVAL_OUT if set, else a temporary directory.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=$root/../shared/eval
gold=$shared/data/summaries_cnn_val_1000.jsonl
python=${PRECIS_EVAL_PYTHON:-$root/.build-venv/bin/python}
[ -x "$python" ] || python=python3
tool=$root/Benchmarks/.build/release/engine-tool
if [ -n "${PRECIS_EVAL_OUT:-}" ]; then out=$PRECIS_EVAL_OUT; mkdir -p "$out"; else out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
"$python" "$root/dev/train-summary.py" split "$gold" "$out/train.jsonl" "$out/heldout.jsonl"
swift build -c release --package-path "$root/Benchmarks" >/dev/null
if [ "${1:-}" = --retrain ]; then
    "$tool" summary-features "$out/train.jsonl" >"$out/train.features.jsonl"
    "$python" "$root/dev/train-summary.py" train "$out/train.features.jsonl" "$out/train.jsonl" \
        --out "$root/Sources/PrecisEngine/Summary/Generated/SummaryModel.swift" \
        --trained-on "CNN validation highlights, train split (md5(id) mod 100 < 70)"
    swift build -c release --package-path "$root/Benchmarks" >/dev/null
fi
score() {
    "$python" "$shared/score_text.py" summaries "$out/heldout.jsonl" "$2" 2>/dev/null |
        awk -v name="$1" '/^rouge1_f1 /{r1=$2} /^rouge2_f1 /{r2=$2} /^rougeLsum_f1 /{rl=$2} /^rougeL_f1 /{l=$2}
            END {printf "%-22s R-1 %6.2f  R-2 %6.2f  R-L %6.2f  R-Lsum %6.2f\n", name, r1, r2, l, rl}'
}
echo "CNN val held-out: $(wc -l <"$out/heldout.jsonl") articles (train: $(wc -l <"$out/train.jsonl"))"
for algorithm in default textrank lexrank lead; do
    "$tool" summaries "$out/heldout.jsonl" --sentences 3 --algorithm "$algorithm" >"$out/$algorithm.jsonl"
    score "precis $algorithm" "$out/$algorithm.jsonl"
done
"$tool" summary-features "$out/heldout.jsonl" >"$out/heldout.features.jsonl"
"$python" "$root/dev/train-summary.py" oracle "$out/heldout.features.jsonl" "$out/heldout.jsonl" >"$out/oracle.jsonl"
score "greedy oracle" "$out/oracle.jsonl"
