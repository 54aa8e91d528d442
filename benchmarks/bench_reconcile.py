"""Reconcile a synthetic corpus of a million claims and report the time.

The generator builds ``--documents`` documents over ``--events`` events (several versions of
each article), each with infobox and prose figures for two sides across kinds and categories,
a few dates, commanders and units, with realistic disagreement. Documents carry no text (the
rules that read prose then have nothing to scan), so the figure rules and the index dominate.

    .venv/bin/python benchmarks/bench_reconcile.py [--claims 1000000] [--documents 5000]
    .venv/bin/python benchmarks/bench_reconcile.py --claims 100000 --documents 500 --events 200

Peak memory is the process's maximum resident set (``resource.getrusage``), shown before
reconciling (the generated corpus alone) and after, so the reconciler's share is the difference.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from claims.model import (  # noqa: E402
    Attribution, Category, Claim, ClaimantClass, Document, DocumentFormat, Kind, Person, Precision,
    Qualifier, Quantity, Side, Span, UncertainDate,
)
from claims.reconcile import reconcile  # noqa: E402

PLACES = ["Alder", "Birch", "Cedar", "Dunmore", "Elm", "Fenwick", "Garth", "Holm", "Ister", "Jura"]
KINDS = [(Kind.CASUALTIES, Category.KILLED), (Kind.CASUALTIES, Category.WOUNDED), (Kind.STRENGTH, Category.TROOPS),
         (Kind.EQUIPMENT, Category.TANKS), (Kind.CASUALTIES, Category.CAPTURED)]
CLAIMANTS = [(None, ClaimantClass.NONE), ("Northland officials", ClaimantClass.BELLIGERENT),
             ("Southland officials", ClaimantClass.BELLIGERENT), ("a historian", ClaimantClass.SCHOLAR),
             ("a reporter", ClaimantClass.JOURNALIST)]


def generate(n_claims: int, n_docs: int, n_events: int, seed: int = 1) -> tuple[list[Document], list[Claim]]:
    rnd = random.Random(seed)
    docs = []
    for i in range(n_docs):
        e = i % n_events
        title = f"Battle of {PLACES[e % len(PLACES)]}{e // len(PLACES)}" + (" (copy)" if i >= n_events else "")
        docs.append(Document(id=f"d{i}", path=f"d{i}.txt", title=title, format=DocumentFormat.TEXT, text="", sha256="",
                             belligerents=("Northland", "Southland")))
    truth = {}
    per_doc = n_claims // n_docs
    claims = []
    for i, d in enumerate(docs):
        e = i % n_events
        for j in range(per_doc):
            start = j * 10
            span = Span(document=d.id, start=start, end=start + 4, quote="xxxx", line=j + 1)
            r = j % 20
            if r == 18:
                value = UncertainDate(dt.date(1990, 1, 1) + dt.timedelta(days=e % 300 + j % 30),
                                      dt.date(1990, 1, 1) + dt.timedelta(days=e % 300 + j % 30), Precision.DAY, "a day")
                kind, side = Kind.DATE, Side()
            elif r == 19:
                value, kind, side = Person(f"Commander Ivanov{j % 7}ev"), Kind.COMMANDER, Side(column=1 + j % 2)
            else:
                kind, cat = KINDS[j % len(KINDS)]
                col = 1 + (j // 5) % 2
                base = truth.setdefault((e, kind, cat, col), rnd.randint(1, 500) * 100)
                n = base if rnd.random() < 0.95 else max(1, int(base * rnd.uniform(0.2, 3.0)))  # most sources repeat one figure
                qual = rnd.choice([Qualifier.EXACT, Qualifier.EXACT, Qualifier.APPROX, Qualifier.AT_LEAST])
                value = Quantity(low=n, high=n if qual is not Qualifier.AT_LEAST else None, qualifier=qual, category=cat)
                side = Side(column=col)
            claimant, cls = CLAIMANTS[j % len(CLAIMANTS)]
            claims.append(Claim(id=f"c{i}_{j}", document=d.id, kind=kind, subject=d.title, side=side, value=value,
                                span=span, attribution=Attribution(document=d.id, claimant=claimant, claimant_class=cls),
                                rule="synthetic", field="Casualties" if j % 3 == 0 else None))
    return docs, claims


def _peak_rss_mb() -> float:
    """The process's peak resident set so far, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--events", type=int, default=2000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    docs, claims = generate(args.claims, args.documents, args.events)
    t1 = time.perf_counter()
    generated_rss = _peak_rss_mb()
    found = reconcile(docs, claims)
    t2 = time.perf_counter()
    print(f"generated {len(claims):,} claims in {len(docs):,} documents ({args.events:,} events) in {t1 - t0:.1f} s")
    print(f"reconciled in {t2 - t1:.2f} s: {len(found):,} findings")
    print(f"peak RSS: {generated_rss:,.0f} MB after generating, {_peak_rss_mb():,.0f} MB after reconciling")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
