#!/usr/bin/env python3
"""Check the issue-5 seed-article list against the real article (a development check, not a test: the article
lives outside the repository, in ../shared/eval/data).

  swift build -c release --package-path Benchmarks
  python3 dev/check-seed.py [--article ../shared/eval/data/seed_article.txt] [--reference 2025-09-13]

Runs `engine-tool extract-json` on the article and prints one line per item, PASS or FAIL, then a total; exits 1
when anything fails. Dates must be resolved (relative with an ISO value); the quote "not happy" must be
attributed to the Marco Rubio entity.
"""
import argparse
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TOOL = ROOT / 'Benchmarks/.build/release/engine-tool'

EXPECTED = {
    'PERSON': ['David Barnea', 'Benjamin Netanyahu', 'Israel Katz', 'Khalil al-Hayya', 'Marco Rubio', 'Brian Wellbrock'],
    'ORG': ['Mossad', 'Hamas', 'IDF', 'The Washington Post'],
    'LOC': ['Qatar', 'Doha', 'Israel', 'Washington', 'Jerusalem', 'Gaza'],
    'NORP': ['Israeli', 'Qatari'],
}
DATES = ['last Monday', 'Sunday', 'Saturday']
QUANTITIES = [('eight F-15 fighter jets', 8), ('four F-35 stealth aircraft', 4)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--article', default=str(ROOT.parent / 'shared/eval/data/seed_article.txt'))
    ap.add_argument('--reference', default='2025-09-13', help='reference date for relative dates')
    args = ap.parse_args()
    out = subprocess.run([str(TOOL), 'extract-json', args.article, '--reference', args.reference],
                         check=True, capture_output=True, text=True).stdout
    found = json.loads(out)
    results = []

    def check(name, ok, detail=''):
        results.append(ok)
        print(f"{'PASS' if ok else 'FAIL'}  {name}{'  (' + detail + ')' if detail else ''}")

    for label, names in EXPECTED.items():
        for name in names:
            hits = [e for e in found['entities'] if e['name'] == name or name in e['mentions']]
            labels = sorted({e['label'] for e in hits})
            check(f'{label} {name}', any(e['label'] == label for e in hits), f'found as {labels}' if hits else 'missing')
    defense = [e for e in found['entities'] if e['label'] == 'ORG' and 'Defense' in (e['name'], *e['mentions'])]
    check('no ORG "Defense"', not defense)
    for text in DATES:
        hits = [d for d in found['dates'] if d['text'].startswith(text)]
        ok = any(d['relative'] and d['value'][:4].isdigit() for d in hits)
        if text == 'Sunday':  # "is scheduled to visit Jerusalem on Sunday": the coming Sunday
            ok = ok and all(d['value'] > found['reference_date'] for d in hits)
        check(f'date "{text}" resolved', ok, ', '.join(f"{d['text']} = {d['value']}" for d in hits) or 'missing')
    for text, value in QUANTITIES:
        hits = [q for q in found['quantities'] if text in q['text'] or q['text'] in text and q['unit'] and q['unit'] in text]
        ok = any(q['value'] == value and q['unit'] and q['unit'] in text for q in hits)
        check(f'quantity "{text}" = {value}', ok, '; '.join(f"{q['text']} = {q['value']} {q['unit']}" for q in hits) or 'missing')
    quote = [q for q in found['quotes'] if q['text'] == 'not happy']
    check('quote "not happy" by Marco Rubio', any(q['speaker_entity'] == 'Marco Rubio' for q in quote),
          ', '.join(f"speaker {q['speaker']!r} -> {q['speaker_entity']}" for q in quote) or 'quote missing')
    print(f'{sum(results)}/{len(results)} passed')
    sys.exit(0 if all(results) else 1)


if __name__ == '__main__':
    main()
