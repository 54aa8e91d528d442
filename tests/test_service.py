"""Incremental ingest: only the affected events are re-derived, and annotations follow edits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import KALBAJAR, TERTER

from claims.convert import dumps
from claims.model import Claim, Conflict, Document, Outcome, TargetKind, Verdict
from claims.pipeline import load_paths
from claims.reconcile import affected_documents
from claims.api import ingest_documents, new_annotation
from claims.store import ClaimQuery, IngestSummary, Store, open_store

UNRELATED = """= Siege of Ostrava =

Infobox
- Conflict: Siege of Ostrava
- Date: March 1742
- Result: Prussian victory
- Casualties1: 300 killed
- Casualties2: 1,200 killed

The siege lasted three weeks. According to the garrison, 300 killed; other accounts give 900 killed.
"""


def read(*paths: Path) -> tuple[list[Document], list[Claim]]:
    loaded = load_paths([str(p) for p in paths])
    return loaded.documents, loaded.claims


def edited_terter(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of the Terter seed with ``old`` replaced by ``new`` (a second version of the article)."""
    text = TERTER.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def ingest(db: str | Path, *paths: Path) -> IngestSummary:
    with open_store(db) as store:
        return ingest_documents(store, *read(*paths))


def snapshot(store: Store) -> tuple[set[str], set[str]]:
    """Every stored conflict and claim (with its confidence), serialised."""
    return {dumps(k) for k in store.conflicts()}, {dumps(c) for c in store.claims()}


@pytest.fixture
def unrelated(tmp_path: Path) -> Path:
    path = tmp_path / "siege-of-ostrava.txt"
    path.write_text(UNRELATED, encoding="utf-8")
    return path


def test_incremental_ingests_end_where_one_full_ingest_does(db: str, tmp_path: Path, unrelated: Path) -> None:
    v2 = edited_terter(tmp_path, "terter-operation-v2.txt", "Casualties2: 600 killed", "Casualties2: 6,000 killed")
    steps = [(KALBAJAR,), (TERTER,), (unrelated,), (v2,), (TERTER,)]
    for step in steps:
        ingest(db, *step)
    ingest(tmp_path / "once.db", KALBAJAR, TERTER, unrelated, v2)  # in SQLite: both backends end alike
    with open_store(db) as steps_store, open_store(tmp_path / "once.db") as once:
        assert snapshot(steps_store) == snapshot(once)


def test_an_unrelated_document_leaves_other_events_alone(db: str, tmp_path: Path, unrelated: Path) -> None:
    ingest(db, KALBAJAR, TERTER)
    with open_store(db) as store:
        before = snapshot(store)
        ingested_at = {d.id: d.ingested_at for d in store.documents()}
    ingest(db, unrelated)
    with open_store(db) as store:
        conflicts, claims = snapshot(store)
        new = {dumps(c) for c in store.claims(ClaimQuery(document="siege-of-ostrava.txt"))}
        assert conflicts >= before[0] and claims - new == before[1]
        assert {d.id: d.ingested_at for d in store.documents() if d.id in ingested_at} == ingested_at
        assert any("Ostrava" in (k.subject or "") for k in store.conflicts())


def test_scope_is_the_event_and_its_war(tmp_path: Path, unrelated: Path) -> None:
    documents, claims = read(KALBAJAR, TERTER, unrelated)
    dates = [c for c in claims if c.field is not None]
    by_name = {d.id: d for d in documents}
    assert affected_documents(documents, documents, {"siege-of-ostrava.txt"}, dates, dates) == {
        "siege-of-ostrava.txt"
    }
    # The two seeds are two operations of one war: the unit-echelon rule links them.
    assert affected_documents(documents, documents, {"terter-operation.txt"}, dates, dates) == {
        "terter-operation.txt", "operation-kalbajar.txt"
    }
    assert set(by_name) == {"terter-operation.txt", "operation-kalbajar.txt", "siege-of-ostrava.txt"}


def test_a_second_version_brings_cross_version_conflicts_and_annotations_survive(db: str, tmp_path: Path) -> None:
    ingest(db, KALBAJAR, TERTER)
    with open_store(db) as store:
        killed = next(c for c in store.claims(ClaimQuery(search="600 killed")))
        verdict = new_annotation(killed, Verdict.DISPUTED, "ana", note="which source?")
        store.annotate(verdict)
    ingest(db, edited_terter(tmp_path, "terter-operation-v2.txt", "Casualties2: 600 killed", "Casualties2: 6,000 killed"))
    with open_store(db) as store:
        drift = [k for k in store.conflicts() if k.rule == "R-VERSION-DRIFT"]
        assert drift and all(k.outcome is Outcome.CONFLICT for k in drift)
        documents = {store.claim(c).document for k in drift for c in k.claims}  # type: ignore[union-attr]
        assert documents == {"terter-operation.txt", "terter-operation-v2.txt"}
        assert store.current_verdicts()[killed.id] == verdict
        assert store.orphaned_annotations() == []


def conflict_of(store: Store, rule: str) -> Conflict:
    (conflict,) = [k for k in store.conflicts() if k.rule == rule]
    return conflict


def test_a_conflict_verdict_follows_its_claims_through_an_edit(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(TERTER, folder / TERTER.name)
    ingest(db, KALBAJAR, folder / TERTER.name)
    with open_store(db) as store:
        result = conflict_of(store, "R-RESULT-BODY")
        verdict = new_annotation(result, Verdict.RESOLVED, "ana", note="the result line is sourced")
        store.annotate(verdict)
    # A sentence added before the account moves its claims (new ids, so a new conflict id).
    edited_terter(folder, TERTER.name, "==Battle==\n", "==Battle==\nThe weather was cold.\n")
    ingest(db, folder / TERTER.name)
    with open_store(db) as store:
        moved = conflict_of(store, "R-RESULT-BODY")
        assert moved.id != result.id
        assert store.current_verdicts(TargetKind.CONFLICT) == {moved.id: verdict}
        assert [r.method for r in store.reanchorings(verdict.id)] == ["via-claims"]
        assert store.annotations(moved.id) == [verdict]
        assert store.orphaned_annotations() == []


def test_a_conflict_verdict_is_orphaned_when_its_conflict_is_gone(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(TERTER, folder / TERTER.name)
    ingest(db, folder / TERTER.name)
    with open_store(db) as store:
        lonely = conflict_of(store, "R-ENEMY-LOSS-UNATTRIBUTED")
        verdict = new_annotation(lonely, Verdict.OPEN, "ana")
        store.annotate(verdict)
    # Both sides' losses are now given, so the one-sided count is no longer suspicious.
    edited_terter(folder, TERTER.name, "Casualties1: Unknown", "Casualties1: 300 killed")
    summary = ingest(db, folder / TERTER.name)
    assert summary.reanchor.orphaned == 1
    with open_store(db) as store:
        assert store.orphaned_annotations() == [verdict]
        assert store.conflict(lonely.id) is None
        assert store.reanchorings(verdict.id) == []  # orphaned as before: nothing to follow
