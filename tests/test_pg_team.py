"""The PostgreSQL store under a team's load: reviewer processes at once, a server killed mid-write."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from store_helpers import figure_claims, make_document

from claims.store import open_store

TESTS = Path(__file__).resolve().parent
TEXT = " ".join(f"Sector {i}: {100 + i} killed." for i in range(20))

WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from store_helpers import figure_claims
    from claims.model import Verdict
    from claims.review import new_annotation
    from claims.store import open_store, StoreError
    claims = figure_claims("d1", {text!r})
    store = open_store(sys.argv[1])
    n = 0
    while True:
        annotation = new_annotation(claims[n % len(claims)], Verdict.ACCEPTED, sys.argv[2])
        try:
            store.annotate(annotation)
        except StoreError as exc:
            print("error", exc, flush=True)
            break
        print(annotation.id, flush=True)  # only once annotate has returned
        n += 1
""")


def _writer(url: str, name: str) -> subprocess.Popen:
    code = WRITER.format(tests=str(TESTS), text=TEXT)
    return subprocess.Popen([sys.executable, "-c", code, url, name], stdout=subprocess.PIPE, text=True)


@pytest.fixture
def durable_cluster(pg_cluster):
    """A cluster of its own with the server's default durability (fsync, synchronous commit)."""
    from pg_cluster import start_cluster

    cluster = start_cluster(durable=True)
    yield cluster
    cluster.stop()


def test_every_annotation_whose_write_returned_survives_a_killed_server(durable_cluster) -> None:
    url = durable_cluster.new_store_url()
    with open_store(url) as store:
        store.ingest([make_document("d1", TEXT)], figure_claims("d1", TEXT))
    kept_open = open_store(url)
    writers = [_writer(url, f"r{n}") for n in range(3)]
    returned: set[str] = set()
    # Let them write, then kill the server while they are writing.
    lines = [iter(w.stdout.readline, "") for w in writers]
    deadline = time.monotonic() + 60
    while len(returned) < 150 and time.monotonic() < deadline:
        for stream in lines:
            returned.add(next(stream).strip())
    durable_cluster.kill_server()
    errors = 0
    for writer in writers:
        out, _ = writer.communicate(timeout=60)
        for line in out.splitlines():
            if line.startswith("error"):
                errors += 1
            elif line.strip():
                returned.add(line.strip())
    assert errors == len(writers)  # each saw the server go, as a StoreError, and stopped
    durable_cluster.start_server()
    with open_store(url) as store:
        stored = {a.id for a in store.annotations()}
    assert len(returned) >= 150 and returned <= stored
    # A store left open through the restart connects again when next used.
    assert {a.id for a in kept_open.annotations()} == stored
    kept_open.close()


def test_reviewers_writing_at_once_lose_nothing(pg_url: str) -> None:
    with open_store(pg_url) as store:
        store.ingest([make_document("d1", TEXT)], figure_claims("d1", TEXT))
    writers = [_writer(pg_url, f"r{n}") for n in range(4)]
    returned: set[str] = set()
    lines = [iter(w.stdout.readline, "") for w in writers]
    while len(returned) < 400:
        for stream in lines:
            returned.add(next(stream).strip())
    for writer in writers:
        writer.terminate()
        out, _ = writer.communicate(timeout=30)
        returned |= {line.strip() for line in out.splitlines() if line.strip() and not line.startswith("error")}
    with open_store(pg_url) as store:
        stored = {a.id for a in store.annotations()}
        verdicts = store.current_verdicts()
        history = {c.id: store.annotations(c.id) for c in store.claims()}
    assert returned <= stored
    # The verdict cache agrees with the history as the review policy reads it.
    from claims.review import current_verdict

    assert {cid: current_verdict(h) for cid, h in history.items() if h} == verdicts
