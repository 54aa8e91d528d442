"""The store with real processes: concurrent writers, and processes killed mid-write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from store_helpers import figure_claims, make_document

from claims.store import ClaimQuery, open_store

ROOT = Path(__file__).resolve().parent.parent
TEXT = "".join(f"In sector {i}, {100 + i} killed were reported. " for i in range(50))

# Run in a child: annotate the store's claims, printing each id once committed.
ANNOTATE = """
import sys
from claims.model import Verdict
from claims.review import new_annotation
from claims.store import open_store
path, count, reviewer = sys.argv[1], int(sys.argv[2]), sys.argv[3]
store = open_store(path)
claims = store.claims(limit=50)
for n in range(count):
    annotation = new_annotation(claims[n % len(claims)], Verdict.NOTE, reviewer, note=str(n))
    store.annotate(annotation)
    print(annotation.id, flush=True)
"""

# Run in a child: re-ingest the text in a file and an edited version in turn, `rounds` times
# (forever when negative).
INGEST = """
import sys
from pathlib import Path
from store_helpers import figure_claims, make_document
from claims.store import open_store
path, rounds, text = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]).read_text()
store = open_store(path)
versions = [text, "An added first sentence. " + text]
n = 0
while rounds < 0 or n < rounds:
    version = versions[n % 2]
    print("ingesting", n, flush=True)
    store.ingest([make_document("d", version)], figure_claims("d", version))
    print("done", n, flush=True)
    n += 1
"""


def child(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env, cwd=ROOT,
    )


def seeded(tmp_path: Path, text: str = TEXT) -> Path:
    path = tmp_path / "claims.db"
    with open_store(path) as store:
        store.ingest([make_document("d", text)], figure_claims("d", text))
    (tmp_path / "text.txt").write_text(text)
    return path


def finish(process: subprocess.Popen[str]) -> list[str]:
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    return out.split()


def test_two_processes_annotating_at_once_lose_nothing(tmp_path: Path) -> None:
    path = seeded(tmp_path)
    first = child(ANNOTATE, str(path), "200", "ana")
    second = child(ANNOTATE, str(path), "200", "ben")
    printed = finish(first) + finish(second)
    with open_store(path) as store:
        stored = {a.id for a in store.annotations()}
        assert store.integrity_check() == []
    assert len(printed) == 400 and stored == set(printed)


def test_annotating_while_another_process_reingests_loses_nothing(tmp_path: Path) -> None:
    path = seeded(tmp_path)
    ingester = child(INGEST, str(path), "15", str(tmp_path / "text.txt"))
    annotator = child(ANNOTATE, str(path), "150", "ana")
    printed = finish(annotator)
    finish(ingester)
    with open_store(path) as store:
        assert {a.id for a in store.annotations()} == set(printed)
        placed = {a.id for c in store.claims() for a in store.annotations(c.id)}
        orphaned = {a.id for a in store.orphaned_annotations()}
        assert placed | orphaned == set(printed)
        assert store.integrity_check() == []


def test_a_killed_annotator_keeps_every_committed_annotation(tmp_path: Path) -> None:
    path = seeded(tmp_path)
    process = child(ANNOTATE, str(path), "100000", "ana")
    printed = []
    assert process.stdout is not None
    while len(printed) < 60:
        printed.append(process.stdout.readline().strip())
    process.send_signal(signal.SIGKILL)
    process.wait()
    printed += [line.strip() for line in process.stdout.read().splitlines() if line.strip()]
    with open_store(path) as store:
        assert store.integrity_check() == []
        stored = {a.id for a in store.annotations()}
    assert set(printed) <= stored


def test_a_killed_ingest_leaves_the_previous_complete_state(tmp_path: Path) -> None:
    big = "".join(f"Report {i}: {100 + i} killed in the sector. " for i in range(10000))
    path = seeded(tmp_path, big)
    before = {c.id for c in figure_claims("d", big)}
    after = {c.id for c in figure_claims("d", "An added first sentence. " + big)}
    process = child(INGEST, str(path), "-1", str(tmp_path / "text.txt"))
    assert process.stdout is not None
    lines = [process.stdout.readline(), process.stdout.readline(), process.stdout.readline()]
    assert lines[-1].startswith("ingesting 1")
    time.sleep(0.15)
    process.send_signal(signal.SIGKILL)
    process.wait()
    with open_store(path) as store:
        assert store.integrity_check() == []
        ids = {c.id for c in store.claims(ClaimQuery(document="d"))}
        assert ids in (before, after)
        assert store.count_claims() == len(ids)
