"""The store on both backends (SQLite, PostgreSQL): ingest and queries, annotations that survive
re-ingest, schema checks. Tests of the file itself are SQLite's; the `db` fixture (conftest)
runs the others on both."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from store_helpers import figure_claims, make_claim, make_document

from claims.model import (
    Annotation,
    Conflict,
    Kind,
    Outcome,
    Severity,
    Side,
    TargetKind,
    Verdict,
)
from claims.review import new_annotation
from claims.store import ClaimQuery, ConflictOutline, Store, StoreError, open_store
from claims.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate

TEXT = (
    "The first reports came in late. In the north sector, 600 killed were reported by the army. "
    "According to the Azerbaijani side, 2,000 killed. In the south, 45 killed were counted.\n"
)
OTHER = "Operation Kalbajar. About 4,000 killed on one side and 2,000 killed on the other.\n"


@pytest.fixture
def store(db: str) -> Store:
    with open_store(db) as opened:
        yield opened


def seed(store: Store, text: str = TEXT) -> list:
    """Ingest TEXT as d1 (with sides and claimants) and OTHER as d2; returns d1's claims."""
    d1 = [
        make_claim(
            "d1", text, m.start(), m.end(),
            side=Side(column=n % 2 + 1, name=("Armenia", "Azerbaijan")[n % 2]),
            claimant="the army" if "army" in text[m.end() : m.end() + 30] else None,
        )
        for n, m in enumerate(re.finditer(r"\d[\d,]* killed", text))
    ]
    strength, *rest = figure_claims("d2", OTHER)
    d2 = [attrs.evolve(strength, kind=Kind.STRENGTH), *rest]
    store.ingest([make_document("d1", text), make_document("d2", OTHER)], d1 + d2)
    return d1


def test_ingest_and_every_filter(store: Store) -> None:
    d1 = seed(store)
    assert store.count_claims() == 5
    assert store.count_claims(ClaimQuery(document="d1")) == 3
    assert store.count_claims(ClaimQuery(kind=Kind.STRENGTH)) == 1
    assert store.count_claims(ClaimQuery(side="1")) == 2
    assert store.count_claims(ClaimQuery(side="azer")) == 1
    unattributed = store.claims(ClaimQuery(only_unattributed=True, document="d1"))
    assert [c.id for c in unattributed] == [d1[1].id, d1[2].id]
    assert store.count_claims(ClaimQuery(search="AZERBAIJANI")) == 0  # the quote is the figure only
    assert store.count_claims(ClaimQuery(search="ARMY")) == 1  # claimant, case-insensitive
    assert store.count_claims(ClaimQuery(search="2,000")) == 2
    assert store.count_claims(ClaimQuery(search="%")) == 0

    store.annotate(new_annotation(d1[0], Verdict.ACCEPTED, "ana"))
    store.annotate(new_annotation(d1[1], Verdict.DISPUTED, "ana"))
    store.annotate(new_annotation(d1[2], Verdict.NOTE, "ana", note="check the village name"))
    assert [c.id for c in store.claims(ClaimQuery(verdict=Verdict.ACCEPTED))] == [d1[0].id]
    assert store.count_claims(ClaimQuery(only_unreviewed=True)) == 3
    assert len(store.claims(ClaimQuery(only_unreviewed=True))) == 3
    assert store.count_claims(ClaimQuery(only_unreviewed=True, document="d1")) == 1

    conflict = Conflict.create(
        rule="range", severity=Severity.HIGH, claims=(d1[0].id, d1[1].id), explanation="x"
    )
    link = Conflict.create(rule="same", severity=Severity.INFO, claims=(d1[2].id,), explanation="y",
                           outcome=Outcome.CONSISTENT)
    store.replace_conflicts([conflict, link])
    assert {c.id for c in store.claims(ClaimQuery(only_conflicts=True))} == {d1[0].id, d1[1].id}
    assert store.conflicts(d1[0].id) == [conflict]
    assert store.conflict(conflict.id) == conflict
    assert store.conflicts() == [conflict, link]


def test_paging_is_ordered_by_document_then_position(store: Store) -> None:
    seed(store)
    everything = store.claims()
    positions = [(c.document, c.span.start) for c in everything]
    assert positions == sorted(positions)
    pages = [store.claims(offset=o, limit=2) for o in (0, 2, 4)]
    assert [c for page in pages for c in page] == everything
    assert store.claims(offset=10, limit=2) == []


def test_lookups_of_unknown_ids_return_none(store: Store) -> None:
    seed(store)
    assert store.claim("c_nothing") is None
    assert store.document("nothing") is None
    assert store.conflict("k_nothing") is None
    assert store.conflicts("c_nothing") == []
    assert store.annotations("c_nothing") == []


def test_round_trip_of_documents_and_claims(store: Store) -> None:
    d1 = seed(store)
    assert store.claim(d1[0].id) == d1[0]
    assert store.document("d1") == make_document("d1", TEXT)
    infos = store.documents()
    assert [(i.id, i.claims) for i in infos] == [("d1", 3), ("d2", 2)]


def test_reingest_counts_unchanged_and_keeps_annotations(store: Store) -> None:
    d1 = seed(store)
    note = new_annotation(d1[0], Verdict.ACCEPTED, "ana")
    store.annotate(note)
    summary = store.ingest([make_document("d1", TEXT)], figure_claims("d1", TEXT))
    assert summary.unchanged == 1 and summary.claims == 3
    assert summary.reanchor.stayed == 1
    assert store.annotations(d1[0].id) == [note]


def test_an_edit_moves_annotations_and_orphans_deleted_sentences(store: Store) -> None:
    d1 = seed(store)
    accepted = new_annotation(d1[0], Verdict.ACCEPTED, "ana")
    disputed = new_annotation(d1[1], Verdict.DISPUTED, "ben")
    edited_figure = new_annotation(d1[2], Verdict.NEEDS_SOURCE, "ana")
    for a in (accepted, disputed, edited_figure):
        store.annotate(a)
    edited = ("A new opening paragraph about the battle. " + TEXT).replace(
        "According to the Azerbaijani side, 2,000 killed. ", ""
    ).replace("45 killed", "47 killed")
    summary = store.ingest([make_document("d1", edited)], figure_claims("d1", edited))

    assert summary.reanchor.moved == 2 and summary.reanchor.fuzzy == 1
    assert summary.reanchor.orphaned == 1
    new = figure_claims("d1", edited)
    assert store.annotations(new[0].id) == [accepted]
    assert store.annotations(new[1].id) == [edited_figure]
    assert [r.method for r in store.reanchorings(edited_figure.id)] == ["fuzzy"]
    assert store.orphaned_annotations() == [disputed]
    verdicts = store.current_verdicts()
    assert set(verdicts) == {new[0].id, new[1].id}
    assert store.count_claims(ClaimQuery(verdict=Verdict.NEEDS_SOURCE)) == 1
    assert len(store.annotations()) == 3

    restored = "A new opening paragraph about the battle. " + TEXT
    summary = store.ingest([make_document("d1", restored)], figure_claims("d1", restored))
    assert store.orphaned_annotations() == []
    assert store.annotations(figure_claims("d1", restored)[1].id) == [disputed]


def test_retraction_withdraws_a_verdict_and_retracting_it_restores_it(store: Store) -> None:
    d1 = seed(store)
    first = new_annotation(d1[0], Verdict.ACCEPTED, "ana")
    second = new_annotation(d1[0], Verdict.REJECTED, "ben")
    store.annotate(first)
    store.annotate(second)
    store.annotate(new_annotation(d1[0], Verdict.CONFIDENCE, "ana", confidence_override=0.2))
    assert store.current_verdicts()[d1[0].id] == second
    undo = store.retract(second.id, "ben")
    assert store.current_verdicts()[d1[0].id] == first
    store.retract(undo.id, "ben")
    assert store.current_verdicts()[d1[0].id] == second
    store.retract(first.id, "ana")
    assert len(store.annotations(d1[0].id)) == 6


def test_conflict_annotations_stay_or_are_orphaned(store: Store) -> None:
    d1 = seed(store)
    conflict = Conflict.create(
        rule="range", severity=Severity.HIGH, claims=(d1[0].id, d1[1].id), explanation="x"
    )
    store.replace_conflicts([conflict])
    note = new_annotation(conflict, Verdict.RESOLVED, "ana")
    store.annotate(note)
    assert store.current_verdicts(TargetKind.CONFLICT) == {conflict.id: note}
    summary = store.ingest([make_document("d1", TEXT)], d1, [conflict])
    assert summary.reanchor.stayed == 1
    summary = store.ingest([make_document("d1", TEXT)], d1, [])
    assert summary.reanchor.orphaned == 1
    assert store.orphaned_annotations() == [note]


def test_stale_conflicts_are_dropped_when_their_claims_vanish(store: Store) -> None:
    d1 = seed(store)
    lone = Conflict.create(rule="r", severity=Severity.LOW, claims=(d1[0].id,), explanation="x")
    store.replace_conflicts([lone])
    store.ingest([make_document("d1", "Nothing here.")], [])
    assert store.conflicts() == []


def test_bad_annotations_and_ingests_are_refused(store: Store) -> None:
    d1 = seed(store)
    good = new_annotation(d1[0], Verdict.ACCEPTED, "ana")
    with pytest.raises(ValueError, match="does not apply"):
        store.annotate(attrs.evolve(good, verdict=Verdict.RESOLVED))
    with pytest.raises(ValueError, match="timezone"):
        store.annotate(attrs.evolve(good, created_at=dt.datetime(2024, 1, 1)))
    store.annotate(good)
    with pytest.raises(StoreError, match="already stored"):
        store.annotate(good)
    with pytest.raises(StoreError, match="not in this ingest"):
        store.ingest([], d1)
    with pytest.raises(StoreError, match="share the id"):
        store.ingest([make_document("d1", TEXT)], [d1[0], d1[0]])
    with pytest.raises(StoreError, match="no annotation"):
        store.retract("nope", "ana")


def test_annotations_are_append_only_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    with open_store(path) as store:
        d1 = seed(store)
        store.annotate(new_annotation(d1[0], Verdict.ACCEPTED, "ana"))
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM annotations")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE annotations SET verdict = 'rejected'")
    conn.close()


def test_an_annotation_without_anchor_gets_the_claims(store: Store) -> None:
    d1 = seed(store)
    bare = attrs.evolve(new_annotation(d1[0], Verdict.ACCEPTED, "ana"), anchor=None)
    store.annotate(bare)
    (stored,) = store.annotations(d1[0].id)
    assert stored.anchor is not None and stored.anchor.quote == "600 killed"


# -- the file ----------------------------------------------------------------------------------


def test_a_new_store_is_at_the_current_schema_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    open_store(path).close()  # opening again migrates nothing


def test_migrations_are_applied_in_order_and_atomically(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    open_store(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    added = ("CREATE TABLE later (name TEXT)", "CREATE INDEX later_name ON later(name)")
    extra = (*MIGRATIONS, added)
    assert migrate(conn, path, extra) == SCHEMA_VERSION + 1
    assert conn.execute("SELECT count(*) FROM later").fetchone()[0] == 0
    broken = (*extra, ("CREATE TABLE half (x)", "THIS IS NOT SQL"))
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, path, broken)
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").fetchone()[0] == 0
    conn.close()


def test_a_store_from_a_newer_claims_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'later')", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer version of claims.*upgrade"):
        open_store(path)


@pytest.mark.parametrize(
    "content",
    [
        b"= Title =\nSome text, not a database.\n",
        bytes(range(256)) * 8,
        b"SQLite format 3\x00" + b"\xff" * 200,
    ],
    ids=["text", "binary", "bad-sqlite"],
)
def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=f"{path}.*(not a claims store|cannot be opened)"):
        open_store(path)
    assert path.read_bytes() == content


def test_an_unrelated_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a claims store.*customers"):
        open_store(path)


def test_a_missing_directory_or_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing" / "claims.db")
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)


def test_the_store_does_not_import_textual() -> None:
    code = "import sys, claims.store; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_annotation_round_trips_through_the_store(store: Store) -> None:
    d1 = seed(store)
    full = Annotation(
        id="a1", target_kind=TargetKind.CLAIM, target_id=d1[0].id, verdict=Verdict.CONFIDENCE, reviewer="ana",
        created_at=dt.datetime(2024, 5, 1, 12, tzinfo=dt.timezone.utc), note="n", confidence_override=0.3,
        override_reason="one-sided source",
    )
    store.annotate(full)
    (stored,) = store.annotations(d1[0].id)
    assert attrs.evolve(stored, anchor=None) == full


def test_scoped_ingest_replaces_only_the_scope_conflicts_and_refreshes_claims(store: Store) -> None:
    d1 = seed(store)
    d2 = store.claims(ClaimQuery(document="d2"))
    k1 = Conflict.create(rule="r", severity=Severity.LOW, claims=(d1[0].id, d1[1].id), explanation="d1")
    k2 = Conflict.create(rule="r", severity=Severity.LOW, claims=(d2[0].id, d2[1].id), explanation="d2")
    store.replace_conflicts([k1, k2])
    k1b = Conflict.create(rule="s", severity=Severity.LOW, claims=(d1[2].id,), explanation="d1 again")
    graded = attrs.evolve(d2[0], confidence=attrs.evolve(d2[0].confidence, score=0.9, grade="B2"))
    store.ingest([make_document("d1", TEXT)], d1, [k1b], conflict_scope={"d1"}, refreshed=[graded])
    assert store.conflicts() == [k2, k1b]
    assert store.claim(d2[0].id) == graded
    with pytest.raises(StoreError, match="is ingested"):
        store.ingest([make_document("d2", OTHER)], d2, refreshed=[graded])


def test_outlines_and_infobox_claims(store: Store) -> None:
    seed(store)
    outlines = {d.id: d for d in store.document_outlines(lead=10)}
    assert outlines["d1"].text == TEXT[:10] and outlines["d2"].title == "d2"
    assert store.count_claims(ClaimQuery(only_infobox=True)) == 0


def test_open_store_by_path_or_url(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///relative.db") as store:
        assert store.count_claims() == 0
    assert (tmp_path / "relative.db").exists()
    with open_store(f"sqlite:///{tmp_path / 'absolute.db'}") as store:
        assert store.documents() == []
    with pytest.raises(StoreError, match="no store backend for mysql://"):
        open_store("mysql://db.example/claims")
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


# -- PostgreSQL --------------------------------------------------------------------------------


def test_postgres_annotations_are_append_only_in_the_database(pg_url: str) -> None:
    import psycopg

    with open_store(pg_url) as store:
        d1 = seed(store)
        store.annotate(new_annotation(d1[0], Verdict.ACCEPTED, "ana"))
        store.ingest([make_document("d1", "A 600 killed moved.")], figure_claims("d1", "A 600 killed moved."))
    with psycopg.connect(pg_url, autocommit=True) as conn:
        for statement in ("DELETE FROM annotations", "UPDATE annotations SET verdict = 'rejected'",
                          "TRUNCATE annotations CASCADE", "DELETE FROM annotation_targets"):
            with pytest.raises(psycopg.Error, match="append-only"):
                conn.execute(statement)
        assert conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1


def test_postgres_schema_has_the_same_versions_and_refuses_newer_or_foreign(pg_url: str, pg_cluster) -> None:
    import psycopg

    from claims.store import pgschema

    assert len(pgschema.MIGRATIONS) == SCHEMA_VERSION
    open_store(pg_url).close()
    open_store(pg_url).close()  # opening again migrates nothing
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert conn.execute("SELECT max(version), count(*) FROM schema_version").fetchone() == (
            SCHEMA_VERSION, SCHEMA_VERSION)
        conn.execute("INSERT INTO schema_version VALUES (%s, 'later')", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="newer version of claims.*upgrade"):
        open_store(pg_url)
    foreign = pg_cluster.new_store_url()
    with psycopg.connect(foreign, autocommit=True) as conn:
        conn.execute("CREATE TABLE annotations (id INTEGER)")
    with pytest.raises(StoreError, match="not one"):
        open_store(foreign)
    with pytest.raises(StoreError, match="no such store"):
        open_store(pg_cluster.new_store_url(), create=False)


def test_postgres_server_that_is_not_there_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot connect to the PostgreSQL server") as raised:
        open_store(f"postgresql://claims:secret@/claims?host={tmp_path}")
    assert "secret" not in str(raised.value) and "\n" not in str(raised.value)


def test_postgres_placeholders_are_translated_outside_quotes() -> None:
    from claims.store.postgres import translate

    assert translate("SELECT a::json, ? FROM t WHERE b = :t AND c LIKE '%?:x' ESCAPE '\\'") == (
        "SELECT a::json, %s FROM t WHERE b = %(t)s AND c LIKE '%%?:x' ESCAPE '\\'")


def test_conflict_outlines_and_conflicts_without_an_outcome(store: Store) -> None:
    d1 = seed(store)
    checked = Conflict.create(rule="s", severity=Severity.INFO, claims=(d1[1].id, d1[0].id), explanation="ok",
                              outcome=Outcome.CONSISTENT)
    clash = Conflict.create(rule="r", severity=Severity.HIGH, claims=(d1[2].id, d1[0].id), explanation="no")
    store.replace_conflicts([checked, clash])
    assert store.conflict_outlines() == [ConflictOutline(k.id, k.rule, k.outcome, k.claims) for k in (checked, clash)]
    assert store.conflicts(unless=Outcome.CONSISTENT) == [clash]
    assert store.conflicts(d1[0].id, unless=Outcome.CONFLICT) == [checked]
    assert store.conflicts(unless=Outcome.IDENTITY) == [checked, clash]


def test_a_claim_as_a_blind_viewer_sees_it_has_no_one_elses_override(tmp_path):
    text = "A 600 killed. B 45 killed."
    first, second = figure_claims("d1", text)
    with open_store(str(tmp_path / "s.db")) as store:
        store.ingest([make_document("d1", text)], [first, second])
        store.assign([first.id], ["ana", "ben"], blind=True)
        store.annotate(new_annotation(first, Verdict.CONFIDENCE, "ben", confidence_override=0.15))
        assert store.claim(first.id).confidence.overridden
        assert store.claim(first.id, viewer="ben").confidence.overridden
        assert not store.claim(first.id, viewer="ana").confidence.overridden
