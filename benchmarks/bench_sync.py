"""Offline review timed: `pull` from a PostgreSQL team store into a new SQLite file, `push` of
offline verdicts back as a reviewer's own database role (row-level security on), and the cost
of that row-level security on a reviewer's reads. A throwaway server from tests/pg_cluster.py.

    .venv/bin/python benchmarks/bench_sync.py --annotations 8000 --offline 500
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from claims.model import Verdict  # noqa: E402
from claims.review import new_annotation  # noqa: E402
from claims.service import pull, push  # noqa: E402
from claims.store import open_store  # noqa: E402
from pg_cluster import start_cluster  # noqa: E402
from store_helpers import figure_claims, make_document  # noqa: E402

DOCUMENTS = 20
FIGURES = 25


def timed(label: str, started: float) -> None:
    print(f"{label}: {time.perf_counter() - started:.2f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--annotations", type=int, default=8000, help="on the server before the pull")
    parser.add_argument("--offline", type=int, default=500, help="verdicts given offline, then pushed")
    args = parser.parse_args()
    import psycopg

    cluster = start_cluster()
    try:
        url = cluster.new_store_url()
        cluster.execute("CREATE ROLE bench_ana LOGIN")
        cluster.execute("CREATE ROLE bench_ben LOGIN")
        documents, claims = [], []
        for d in range(DOCUMENTS):
            text = " ".join(f"Sector {i}: {100 + i + d} killed." for i in range(FIGURES))
            documents.append(make_document(f"d{d}", text))
            claims += figure_claims(f"d{d}", text)
        with open_store(url) as server:
            server.ingest(documents, claims)
            for name in ("bench_ana", "bench_ben"):
                server.add_reviewer(name, "reviewer")
            server.merge_annotations([new_annotation(claims[i % len(claims)], Verdict.ACCEPTED, f"r{i % 8}")
                                      for i in range(args.annotations)])
            server.assign([c.id for c in claims[: len(claims) // 2]], ["bench_ana", "bench_ben"])
        print(f"{len(documents)} documents, {len(claims)} claims, {args.annotations} annotations", flush=True)
        with tempfile.TemporaryDirectory() as folder:
            local = str(Path(folder) / "offline.db")
            started = time.perf_counter()
            with open_store(url) as server, open_store(local) as copy:
                pull(server, copy)
            timed("pull into a new file (as the owner)", started)
            with open_store(local) as copy:
                for claim in claims[: args.offline]:
                    copy.annotate(new_annotation(claim, Verdict.DISPUTED, "bench_ana"))
            ana = url.replace("user=postgres", "user=bench_ana")
            for label in ("push", "push again"):
                started = time.perf_counter()
                with open_store(local) as copy, open_store(ana) as server:
                    summary = push(copy, server)
                timed(f"{label} as bench_ana's role: {len(summary.added)} added, "
                      f"{len(summary.disagreements)} disagreements named", started)
        for who, location in (("the owner", url), ("bench_ben's role", url.replace("user=postgres", "user=bench_ben"))):
            with psycopg.connect(location, autocommit=True) as conn:
                started = time.perf_counter()
                rows = len(conn.execute("SELECT id FROM annotations").fetchall())
                timed(f"SELECT every annotation as {who} ({rows} rows)", started)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
