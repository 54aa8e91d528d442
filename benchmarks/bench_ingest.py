"""Time an incremental ingest of one document into a store of synthetic claims.

Builds a store of ``--claims`` claims with the reconcile benchmark's generator (documents over
events, several versions of each article), then ingests one more document through
``claims.service.ingest_documents``: once into an existing event (a new version of an
article) and once about a new event. For comparison it also times a full re-derivation of the
store (every document reconciled, assessed and rewritten), which is what each ingest cost
before ingest became incremental.

    .venv/bin/python benchmarks/bench_ingest.py [--claims 100000] [--documents 500] [--events 200]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import attrs  # noqa: E402

from bench_reconcile import generate  # noqa: E402
from claims.model import Claim, Document  # noqa: E402
from claims.service import derive, ingest_documents  # noqa: E402
from claims.store import ClaimQuery, open_store  # noqa: E402


def one_more(template: Document, claims: list[Claim], doc_id: str, title: str) -> tuple[Document, list[Claim]]:
    """A copy of ``template`` (and its claims) under a new id and title."""
    document = attrs.evolve(template, id=doc_id, path=f"{doc_id}.txt", title=title)
    copies = [
        attrs.evolve(
            c, id=f"{doc_id}_{n}", document=doc_id, subject=title,
            span=attrs.evolve(c.span, document=doc_id), attribution=attrs.evolve(c.attribution, document=doc_id),
        )
        for n, c in enumerate(claims)
    ]
    return document, copies


def full_rederive(db: Path) -> float:
    """Re-derive every stored document, as each ingest used to; returns the seconds taken."""
    began = time.perf_counter()
    store = open_store(db)
    try:
        documents = [d for d in (store.document(i.id) for i in store.documents()) if d is not None]
        claims = [c for d in documents for c in store.claims(ClaimQuery(document=d.id))]
        assessed, conflicts = derive(documents, claims, store.annotations())
        store.ingest(documents, assessed, conflicts)
    finally:
        store.close()
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--events", type=int, default=200)
    args = parser.parse_args()
    documents, claims = generate(args.claims, args.documents, args.events)
    by_document: dict[str, list[Claim]] = {}
    for c in claims:
        by_document.setdefault(c.document, []).append(c)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        began = time.perf_counter()
        with open_store(db) as store:
            summary = ingest_documents(store, documents, claims)
        print(f"first ingest of {len(claims):,} claims ({len(documents):,} documents): "
              f"{time.perf_counter() - began:.1f} s, {summary.conflicts:,} findings")
        template = documents[0]
        cases = {
            "a new version of an existing article": one_more(template, by_document[template.id], "extra1",
                                                              template.title),
            "a document about a new event": one_more(template, by_document[template.id], "extra2",
                                                     "Battle of Nowhere"),
        }
        for label, (document, found) in cases.items():
            began = time.perf_counter()
            with open_store(db) as store:
                summary = ingest_documents(store, [document], found)
            print(f"incremental ingest of {label} ({len(found)} claims): "
                  f"{(time.perf_counter() - began) * 1000:,.0f} ms")
        print(f"full re-derivation of the store (the old cost of every ingest): {full_rederive(db):.1f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
