"""Benchmark the SQLite store on synthetic claims: ingest, counts, first pages, annotate.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/bench_store.py 100000
    .venv/bin/python benchmarks/bench_store.py 1000000 --keep /tmp/claims-1m.db
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.model import (  # noqa: E402
    Attribution,
    Category,
    Claim,
    Document,
    Kind,
    Qualifier,
    Quantity,
    Side,
    Span,
    Verdict,
)
from claims.review import new_annotation  # noqa: E402
from claims.store import ClaimQuery, open_store  # noqa: E402
from tests.store_helpers import make_document  # noqa: E402

CLAIMS_PER_DOCUMENT = 200
DOCUMENTS_PER_INGEST = 250
KINDS = (Kind.CASUALTIES, Kind.STRENGTH, Kind.EQUIPMENT, Kind.DISPLACED)
SIDES = ("Armenia", "Azerbaijan")


def synthetic_document(n: int, rng: random.Random) -> tuple[Document, list[Claim]]:
    """One document of CLAIMS_PER_DOCUMENT sentences, each holding one figure."""
    doc_id = f"doc{n:06d}"
    parts: list[str] = []
    claims: list[Claim] = []
    offset = 0
    for i in range(CLAIMS_PER_DOCUMENT):
        figure = f"{rng.randint(1, 90000):,} killed"
        lead = f"In sector {i} of battle {n}, "
        sentence = f"{lead}{figure} were reported. "
        start = offset + len(lead)
        parts.append(sentence)
        offset += len(sentence)
        column = rng.randint(1, 2)
        claims.append(
            Claim.create(
                document=doc_id,
                kind=rng.choice(KINDS),
                subject=f"Battle {n}",
                side=Side(column=column, name=SIDES[column - 1]),
                value=Quantity(low=1, high=1, qualifier=Qualifier.EXACT, category=Category.KILLED),
                span=Span(document=doc_id, start=start, end=start + len(figure), quote=figure,
                          prefix=lead[-32:], suffix=" were reported. "),
                attribution=Attribution(document=doc_id, claimant=None if rng.random() < 0.5 else "the army"),
                rule="bench",
            )
        )
    return make_document(doc_id, "".join(parts)), claims


def batches(total: int, rng: random.Random) -> Iterator[tuple[list[Document], list[Claim]]]:
    documents: list[Document] = []
    claims: list[Claim] = []
    for n in range(max(1, total // CLAIMS_PER_DOCUMENT)):
        document, found = synthetic_document(n, rng)
        documents.append(document)
        claims.extend(found)
        if len(documents) == DOCUMENTS_PER_INGEST:
            yield documents, claims
            documents, claims = [], []
    if documents:
        yield documents, claims


def timed(label: str, work: Callable[[], object]) -> object:
    began = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - began
    shown = len(result) if isinstance(result, list) else result
    print(f"{label:<48} {elapsed * 1000:10.1f} ms   -> {shown}")
    return result


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=int, nargs="?", default=100_000)
    parser.add_argument("--annotations", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="write the store here instead of a temp dir")
    args = parser.parse_args(argv)
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.db"
        store = open_store(path)
        generating = ingesting = 0.0
        total = 0
        began = time.perf_counter()
        for documents, claims in batches(args.claims, rng):
            generating += time.perf_counter() - began
            began = time.perf_counter()
            store.ingest(documents, claims)
            ingesting += time.perf_counter() - began
            total += len(claims)
            began = time.perf_counter()
        print(f"generated {total} claims in {generating:.1f} s")
        print(f"ingest: {ingesting:.1f} s, {total / ingesting:,.0f} claims/s")

        ids = [c.id for c in store.claims(limit=20_000)]
        began = time.perf_counter()
        for n in range(args.annotations):
            claim = store.claim(rng.choice(ids))
            assert claim is not None
            store.annotate(new_annotation(claim, rng.choice([Verdict.ACCEPTED, Verdict.DISPUTED]), "bench"))
        elapsed = time.perf_counter() - began
        each = elapsed / args.annotations * 1000
        print(f"annotate: {args.annotations} in {elapsed:.2f} s, {each:.2f} ms each")

        queries = {
            "all": ClaimQuery(),
            "kind=strength": ClaimQuery(kind=Kind.STRENGTH),
            "side=2": ClaimQuery(side="2"),
            "side~azer": ClaimQuery(side="azer"),
            "document": ClaimQuery(document="doc000042"),
            "unattributed": ClaimQuery(only_unattributed=True),
            "unreviewed": ClaimQuery(only_unreviewed=True),
            "verdict=accepted": ClaimQuery(verdict=Verdict.ACCEPTED),
            "search '12,345'": ClaimQuery(search="12,345"),
            "kind+unattributed+unreviewed": ClaimQuery(
                kind=Kind.CASUALTIES, only_unattributed=True, only_unreviewed=True
            ),
        }
        for name, query in queries.items():
            timed(f"count_claims({name})", lambda q=query: store.count_claims(q))
            timed(f"claims({name}, 0, 100)", lambda q=query: store.claims(q, 0, 100))
        timed("claims(all, offset=total/2, 100)", lambda: store.claims(ClaimQuery(), total // 2, 100))
        timed("current_verdicts()", lambda: len(store.current_verdicts()))
        store.close()
        size = Path(path).stat().st_size / 1e6
        print(f"store file: {size:,.0f} MB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:,.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
