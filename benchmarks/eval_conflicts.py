"""Evaluate the reconciler on the development corpus, one event at a time.

Reads ``../shared/corpus`` (or ``--corpus DIR``): for each event's documents, runs the pipeline
and the reconciler, then checks every real disagreement in ``conflicts.json`` (found as a
conflict, found only as a tension to decide, or missed) and every ``not_a_conflict`` pair (a
false hit when reported as a conflict). A gold pair is matched to claims by quote. Run:

    .venv/bin/python benchmarks/eval_conflicts.py [--corpus DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from claims.model import Outcome  # noqa: E402
from claims.pipeline import load_paths  # noqa: E402
from claims.reconcile import group_events, reconcile  # noqa: E402

EVENTS = {
    "grozny": ["021", "022"],
    "first-chechen-war": ["023", "024"],
    "tskhinvali": ["025", "026"],
    "vukovar": ["027", "028", "029"],
}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def matching_claims(claims, doc_name: str, value: str):
    v = norm(value)
    out = []
    for c in claims:
        if os.path.basename(c.document) != doc_name and os.path.basename(c.span.document) != doc_name:
            continue
        quote = norm(c.span.quote)
        if quote and (quote in v or v in quote) and any(ch.isdigit() for ch in quote):
            out.append(c)
    return out


def judge(entry, claims, conflicts):
    """'conflict', 'tension', 'unmatched' (claims not extracted) or 'none' for a gold entry."""
    groups = [matching_claims(claims, d, v) for d, v in zip(entry["value_docs"], entry["values"])]
    if sum(1 for g in groups if g) < 2:
        return "unmatched", groups
    best = "none"
    for i in range(len(groups)):
        for j in range(i + 1, len(groups)):
            a_ids, b_ids = {c.id for c in groups[i]}, {c.id for c in groups[j]}
            for k in conflicts:
                ids = set(k.claims)
                if ids & a_ids and ids & b_ids and not (a_ids & b_ids & ids and len(ids) == 1):
                    if k.outcome is Outcome.CONFLICT:
                        return "conflict", groups
                    if k.outcome is Outcome.INDETERMINATE:
                        best = "tension"
    return best, groups


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus"))
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    gold = json.load(open(os.path.join(args.corpus, "conflicts.json"), encoding="utf-8"))
    files = sorted(f for f in os.listdir(args.corpus) if f[:3].isdigit())
    totals = {"conflict": 0, "tension": 0, "none": 0, "unmatched": 0}
    false_hits = tension_hits = clean = nac_unmatched = 0
    for event, prefixes in EVENTS.items():
        paths = [os.path.join(args.corpus, f) for f in files if f[:3] in prefixes]
        loaded = load_paths(paths)
        conflicts = reconcile(loaded.documents, loaded.claims)
        groups = group_events(loaded.documents, loaded.claims)
        names = {os.path.basename(p) for p in paths}
        print(f"== {event}: {len(loaded.documents)} documents in {len(groups)} event(s), {len(loaded.claims)} claims, "
              f"{sum(k.outcome is Outcome.CONFLICT for k in conflicts)} conflicts, "
              f"{sum(k.outcome is Outcome.INDETERMINATE for k in conflicts)} to decide")
        for entry in gold:
            if not set(entry["docs"]) <= names:
                continue
            verdict, _ = judge(entry, loaded.claims, conflicts)
            label = " vs ".join(entry["values"])
            if entry["not_a_conflict"]:
                if verdict == "conflict":
                    false_hits += 1
                elif verdict == "tension":
                    tension_hits += 1
                elif verdict == "unmatched":
                    nac_unmatched += 1
                else:
                    clean += 1
                print(f"  not-a-conflict  {'FALSE HIT' if verdict == 'conflict' else verdict:<10} {label}")
            else:
                totals[verdict] += 1
                print(f"  real conflict   {verdict:<10} {label}")
        if args.verbose:
            for k in conflicts:
                print(f"    {k.outcome.value:<13} {k.rule:<16} {k.explanation[:160]}")
    real = sum(totals.values())
    print()
    print(f"real conflicts: {real}; found as conflict {totals['conflict']}, only as tension {totals['tension']}, "
          f"missed {totals['none']}, claims not extracted {totals['unmatched']}")
    print(f"not_a_conflict pairs: false conflict hits {false_hits}, reported as tension {tension_hits}, "
          f"clean {clean}, claims not extracted {nac_unmatched}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
