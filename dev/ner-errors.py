#!/usr/bin/env python3
"""List entity misses and false positives by label (a development aid, not a scorer).

  python3 dev/ner-errors.py --gold GOLD.jsonl --pred PRED.jsonl [--label LOC] [--kind fp|fn|both]
        [--norp MISC] [--limit 60]

Gold offsets are code points; predictions are UTF-8 byte offsets (engine-tool output). Labels are
normalised like score_ner.py (NORP/EVENT/... -> MISC unless --norp says otherwise, GPE/FAC -> LOC).
A prediction is a false positive when no gold entity of the same label overlaps it; a gold entity is
a miss when no prediction of its label overlaps it. Each line shows the text, what the other side
had at that place (if anything) and the sentence around it.
"""
import argparse
import collections
import json

ALIASES = {'PER': 'PERSON', 'GPE': 'LOC', 'FAC': 'LOC', 'GEO': 'LOC', 'EVENT': 'MISC', 'WORK_OF_ART': 'MISC',
           'LAW': 'MISC', 'LANGUAGE': 'MISC', 'PRODUCT': 'MISC', 'TIME': 'DATE', 'TIM': 'DATE'}


def load(path):
    with open(path, encoding='utf-8') as fh:
        return {str(r['id']): r for r in map(json.loads, filter(str.strip, fh))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gold', required=True)
    ap.add_argument('--pred', required=True)
    ap.add_argument('--label')
    ap.add_argument('--kind', default='both', choices=['fp', 'fn', 'both', 'boundary'])
    ap.add_argument('--norp', default='MISC')
    ap.add_argument('--limit', type=int, default=80)
    args = ap.parse_args()
    gold, pred = load(args.gold), load(args.pred)
    norm = lambda label: args.norp if label == 'NORP' else ALIASES.get(label, label)
    rows = collections.defaultdict(list)
    counts = collections.Counter()
    for rid, record in gold.items():
        text = record['text']
        raw = text.encode('utf-8')
        cp = lambda b: len(raw[:b].decode('utf-8', 'replace'))
        g = [(e['start'], e['end'], norm(e['label'])) for e in record['entities']]
        p = [(cp(e['start']), cp(e['end']), norm(e['label'])) for e in pred.get(rid, {}).get('entities', [])]
        over = lambda a, b: a[0] < b[1] and b[0] < a[1]
        for e in p:
            same = [x for x in g if over(x, e) and x[2] == e[2]]
            if not same:
                other = [x for x in g if over(x, e)]
                rows[('fp', e[2])].append((text[e[0]:e[1]], ' / '.join(f'{text[x[0]:x[1]]}:{x[2]}' for x in other), text))
            elif (same[0][0], same[0][1]) != (e[0], e[1]):
                rows[('boundary', e[2])].append((text[e[0]:e[1]], text[same[0][0]:same[0][1]], text))
        for e in g:
            if not any(over(x, e) and x[2] == e[2] for x in p):
                other = [x for x in p if over(x, e)]
                rows[('fn', e[2])].append((text[e[0]:e[1]], ' / '.join(f'{text[x[0]:x[1]]}:{x[2]}' for x in other), text))
    for (kind, label), items in sorted(rows.items()):
        counts[(kind, label)] = len(items)
        if args.label and label != args.label:
            continue
        if args.kind != 'both' and kind != args.kind or args.kind == 'both' and kind == 'boundary':
            continue
        print(f'== {kind} {label}: {len(items)}')
        for found, other, text in items[:args.limit]:
            print(f'  {found!r:40} <{other}>  | {text[:160]}')
    print('counts:', dict(counts))


if __name__ == '__main__':
    main()
