"""Load test of a shared store: several reviewer processes annotating one store at once.

Each reviewer is a real process with its own connection, annotating claims of the same store
(the same claims as the others, in its own order) while another process re-ingests the
documents; at the end every annotation whose ``annotate`` returned must be stored. Runs on a
SQLite file and on PostgreSQL (a throwaway server from tests/pg_cluster.py, unless --url).

    .venv/bin/python benchmarks/bench_team_store.py --reviewers 8 --each 1000
    .venv/bin/python benchmarks/bench_team_store.py --backend postgresql --url postgresql:///claims?host=/tmp
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from claims.model import Verdict  # noqa: E402
from claims.review import new_annotation  # noqa: E402
from claims.store import open_store  # noqa: E402
from store_helpers import figure_claims, make_document  # noqa: E402

DOCUMENTS = 20
FIGURES = 25


def corpus() -> tuple[list, list]:
    documents, claims = [], []
    for d in range(DOCUMENTS):
        text = " ".join(f"Sector {d}-{i}: {100 + i} killed." for i in range(FIGURES))
        documents.append(make_document(f"doc{d}", text))
        claims += figure_claims(f"doc{d}", text)
    return documents, claims


def reviewer(location: str, name: str, each: int, seed: int, done: mp.Queue) -> None:
    _, claims = corpus()
    rng = random.Random(seed)
    written, errors = [], 0
    with open_store(location) as store:
        for _ in range(each):
            annotation = new_annotation(rng.choice(claims), rng.choice(
                [Verdict.ACCEPTED, Verdict.DISPUTED, Verdict.NEEDS_SOURCE, Verdict.REJECTED]), name)
            try:
                store.annotate(annotation)
                written.append(annotation.id)
            except Exception as exc:  # noqa: BLE001 - counted: a reviewer would see it
                errors += 1
                print(f"{name}: {exc}", file=sys.stderr)
    done.put((name, written, errors))


def reingester(location: str, rounds: int) -> None:
    documents, claims = corpus()
    with open_store(location) as store:
        for _ in range(rounds):
            store.ingest(documents, claims)


def run(location: str, reviewers: int, each: int, reingests: int) -> dict[str, float]:
    documents, claims = corpus()
    with open_store(location) as store:
        store.ingest(documents, claims)
    done: mp.Queue = mp.Queue()
    processes = [mp.Process(target=reviewer, args=(location, f"r{n}", each, n, done)) for n in range(reviewers)]
    ingest = mp.Process(target=reingester, args=(location, reingests))
    started = time.perf_counter()
    for p in (*processes, ingest):
        p.start()
    results = [done.get() for _ in processes]
    for p in (*processes, ingest):
        p.join()
    elapsed = time.perf_counter() - started
    returned = {aid for _, written, _ in results for aid in written}
    with open_store(location) as store:
        stored = {a.id for a in store.annotations()}
    return {
        "returned": len(returned), "stored": len(stored), "lost": len(returned - stored),
        "errors": sum(e for _, _, e in results), "seconds": elapsed, "per_second": len(returned) / elapsed,
        "ingest_exit": ingest.exitcode,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reviewers", type=int, default=8)
    parser.add_argument("--each", type=int, default=1000)
    parser.add_argument("--reingests", type=int, default=5)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--url", help="a PostgreSQL store URL (default: a throwaway server)")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    for backend in backends:
        cluster = None
        with tempfile.TemporaryDirectory() as folder:
            if backend == "sqlite":
                location = str(Path(folder) / "team.db")
            elif args.url:
                location = args.url
            else:
                from pg_cluster import start_cluster

                cluster = start_cluster(durable=True)
                location = cluster.new_store_url()
            try:
                figures = run(location, args.reviewers, args.each, args.reingests)
            finally:
                if cluster is not None:
                    cluster.stop()
        print(f"{backend:<10} {args.reviewers} reviewers x {args.each}: {figures['returned']} returned, "
              f"{figures['stored']} stored, {figures['lost']} lost, {figures['errors']} errors, "
              f"re-ingest exit {figures['ingest_exit']}, {figures['seconds']:.1f} s, "
              f"{figures['per_second']:.0f} annotations/s")


if __name__ == "__main__":
    main()
