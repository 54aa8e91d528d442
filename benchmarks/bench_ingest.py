"""Time an incremental ingest of one document into a store of synthetic claims.

Builds a store of ``--claims`` claims with the reconcile benchmark's generator (documents over
events, several versions of each article), then ingests one more document through
``claims.service.ingest_documents``: once into an existing event (a new version of an
article) and once about a new event. For comparison it also times a full re-derivation of the
store (every document reconciled, assessed and rewritten), which is what each ingest cost
before ingest became incremental.

First it measures a first ingest (``Store.ingest`` of every document and claim into an empty
store, rows built from the objects) against its floor: the same rows, built beforehand, put
into an empty store of the same schema by plain ``sqlite3`` ``executemany`` in one transaction
(same pragmas). The two run in turn ``--runs`` times in this process; the ratio of each pair is
printed, so a machine that slows down mid-run slows both.

    .venv/bin/python benchmarks/bench_ingest.py [--claims 100000] [--documents 500] [--events 200] [--runs 3]
    .venv/bin/python benchmarks/bench_ingest.py --floor-only      # only the first ingest against its floor
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
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
from claims.store.rows import CLAIM_COLUMNS, claim_row, document_row  # noqa: E402


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


def empty_store(db: Path) -> Path:
    """A new store file with the schema and nothing in it."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    open_store(db).close()
    return db


def store_ingest(db: Path, documents: list[Document], claims: list[Claim]) -> float:
    """Seconds for ``Store.ingest`` of everything into an empty store."""
    with open_store(empty_store(db)) as store:
        began = time.perf_counter()
        store.ingest(documents, claims)
        return time.perf_counter() - began


def executemany_floor(db: Path, documents: list[Document], claims: list[Claim]) -> float:
    """Seconds for plain sqlite3 to insert the same rows, built beforehand, in one transaction."""
    document_rows = [(*document_row(d, "now")[:7], d.text.encode("utf-8")) for d in documents]
    claim_rows = [claim_row(c) for c in claims]
    conn = sqlite3.connect(empty_store(db), isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        began = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO documents (id, path, title, format, sha256, ingested_at, data, text) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", document_rows)
        conn.executemany(f"INSERT INTO claims ({CLAIM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         claim_rows)
        conn.execute("COMMIT")
        return time.perf_counter() - began
    finally:
        conn.close()


def against_floor(db: Path, documents: list[Document], claims: list[Claim], runs: int) -> None:
    """Store.ingest and its executemany floor in turn; the ratio of each pair."""
    pairs = [(store_ingest(db, documents, claims), executemany_floor(db, documents, claims)) for _ in range(runs)]
    ratios = [a / b for a, b in pairs]
    print(f"first ingest of {len(claims):,} claims: Store.ingest {statistics.median(a for a, _ in pairs):.2f} s, "
          f"executemany floor {statistics.median(b for _, b in pairs):.2f} s (medians of {runs}); "
          f"ratio x{statistics.median(ratios):.2f} (pairs {', '.join(f'{r:.2f}' for r in ratios)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3, help="Pairs of first ingest and floor.")
    parser.add_argument("--floor-only", action="store_true", help="Stop after the first ingest against its floor.")
    args = parser.parse_args()
    documents, claims = generate(args.claims, args.documents, args.events)
    by_document: dict[str, list[Claim]] = {}
    for c in claims:
        by_document.setdefault(c.document, []).append(c)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        against_floor(Path(tmp) / "floor.db", documents, claims, args.runs)
        if args.floor_only:
            return 0
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
