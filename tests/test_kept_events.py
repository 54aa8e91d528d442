"""The events a store keeps with its findings: a report shows them instead of grouping every
document again, so they must be the grouping of the documents stored now, on both backends,
through ingest (first and incremental), a second reconciliation, and pull and push."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import attrs

from conftest import KALBAJAR, TERTER
from store_helpers import figure_claims, make_document
from test_service import ingest, read, unrelated  # noqa: F401 - a fixture

from claims.api import TargetKind, attached, ingest_documents
from claims.model import Kind, Verdict
from claims.reconcile import Event, group_events, reconcile_grouped
from claims.reports import build_report, html, markdown, report_from_store
from claims.review import new_annotation
from claims.service import pull, push
from claims.store import ClaimQuery, Store, open_store


def grouped_now(store: Store) -> list[Event]:
    """The events of the stored documents as a report groups them when none are kept."""
    documents = [store.document(info.id) for info in store.documents()]
    return group_events(documents, store.claims(ClaimQuery(kind=Kind.DATE, only_infobox=True)))


def pages(store: Store) -> tuple[str, str]:
    """The HTML and Markdown of the report on the store, and of the report built from every
    claim with the documents grouped again (what a report showed before events were kept)."""
    documents = [store.document(info.id) for info in store.documents()]
    annotations = attached(store.annotations(), store.current_targets())
    verdicts = {**store.current_verdicts(TargetKind.CLAIM), **store.current_verdicts(TargetKind.CONFLICT)}
    lean = report_from_store(store, documents, annotations, verdicts=verdicts)
    full = build_report(documents, store.claims(), store.conflicts(), annotations, verdicts=verdicts)
    assert [e.documents for e in lean.events] == [e.documents for e in full.events]
    return html.render(lean) + markdown.render(lean), html.render(full) + markdown.render(full)


def test_a_first_ingest_keeps_the_events_a_report_would_group(db: str, unrelated: Path) -> None:
    ingest(db, TERTER, KALBAJAR, unrelated)
    with open_store(db) as store:
        kept = store.events()
        assert kept is not None and len(kept) >= 2
        assert kept == grouped_now(store)
        mine, regrouped = pages(store)
        assert mine == regrouped


def test_an_incremental_ingest_forgets_them_and_a_full_reconciliation_keeps_them_again(
        db: str, unrelated: Path) -> None:
    ingest(db, TERTER, KALBAJAR)
    ingest(db, unrelated)  # a new event of its own: only it is reconciled
    with open_store(db) as store:
        assert store.events() is None
        documents = [store.document(info.id) for info in store.documents()]
        events, conflicts = reconcile_grouped(documents, store.claims())
        store.replace_conflicts(conflicts)  # without events: none are kept still
        assert store.events() is None
        mine, regrouped = pages(store)  # the report groups them and keeps its grouping
        assert mine == regrouped and "siege-of-ostrava.txt" in mine
        assert store.events() == list(events) == grouped_now(store)
        assert pages(store) == (mine, regrouped)  # the next report shows the kept grouping
        store.replace_conflicts(conflicts, events)
        assert store.events() == list(events) == grouped_now(store)
        store.replace_conflicts(conflicts)  # the documents did not change: they stay
        assert store.events() == list(events)
    ingest(db, unrelated)  # the same document again: only its event is reconciled
    with open_store(db) as store:
        assert store.events() is None
    ingest(db, TERTER, KALBAJAR, unrelated)  # every document is
    with open_store(db) as store:
        assert store.events() == grouped_now(store)


def test_a_report_keeps_its_grouping_only_of_the_documents_stored_now(db: str, unrelated: Path) -> None:
    ingest(db, TERTER, KALBAJAR)
    ingest(db, unrelated)  # an incremental ingest: none kept
    with open_store(db) as store:
        documents = [store.document(info.id) for info in store.documents()]
        report_from_store(store, documents[:2])  # some of them
        assert store.events() is None
        changed = [attrs.evolve(documents[0], sha256="0" * 64), *documents[1:]]
        assert not store.keep_grouping(grouped_now(store), changed)  # a document changed since
        assert store.events() is None
        assert store.keep_grouping(grouped_now(store), documents)
        assert not store.keep_grouping(grouped_now(store), documents)  # kept already
    if not db.startswith("postgresql"):
        ingest(db, unrelated)
        with open_store(db, create=False, read_only=True) as store:  # a report may not write here
            documents = [store.document(info.id) for info in store.documents()]
            assert html.render(report_from_store(store, documents))
            assert store.events() is None


def test_a_report_does_not_wait_for_another_session_writing(db: str, unrelated: Path) -> None:
    ingest(db, TERTER, KALBAJAR)
    ingest(db, unrelated)  # an incremental ingest: none kept
    with open_store(db) as store, open_store(db) as other:
        documents = [store.document(info.id) for info in store.documents()]
        if db.startswith("postgresql"):  # the other session holds the store's write lock
            from claims.store.pgschema import WRITE_LOCK

            other._db.raw.execute(f"SELECT pg_advisory_lock({WRITE_LOCK})")  # type: ignore[attr-defined]
            release = f"SELECT pg_advisory_unlock({WRITE_LOCK})"
        else:
            other._db._conn.execute("BEGIN IMMEDIATE")  # type: ignore[attr-defined]
            release = "COMMIT"
        assert html.render(report_from_store(store, documents))  # skipped, not waited for
        assert not store.keep_grouping(grouped_now(store), documents)
        assert store.events() is None
        (other._db.raw if db.startswith("postgresql") else other._db._conn).execute(release)  # type: ignore[attr-defined]
        assert store.keep_grouping(grouped_now(store), documents)


def test_events_of_other_documents_than_those_stored_are_not_kept(db: str, unrelated: Path) -> None:
    ingest(db, TERTER, KALBAJAR)
    with open_store(db) as store:
        kept, conflicts = store.events(), store.conflicts()
        assert kept is not None
        store.replace_conflicts(conflicts, kept[:-1])  # an event short
        assert store.events() is None and store.conflicts() == conflicts
        store.replace_conflicts(conflicts, [*kept, kept[0]])  # a document in two events
        assert store.events() is None
        store.replace_conflicts(conflicts, kept)
        assert store.events() == kept
        with open_store(db) as other:  # another session adds a document before this one writes
            ingest_documents(other, *read(unrelated))
        store.replace_conflicts(conflicts, kept)
        assert store.events() is None
        documents, claims = read(unrelated)
        store.ingest(documents, claims, events=kept)  # the events of two documents, three stored
        assert store.events() is None


def test_a_report_on_other_documents_than_the_stored_groups_them(db: str, unrelated: Path) -> None:
    ingest(db, TERTER, KALBAJAR, unrelated)
    with open_store(db) as store:
        documents = [store.document(info.id) for info in store.documents()][:2]
        assert store.events() is not None
        kept = html.render(report_from_store(store, documents))
        ingest_documents(store, *read(unrelated))  # the same again, reconciled on its own: none kept
        assert store.events() is None
        assert kept == html.render(report_from_store(store, documents))


def test_pull_brings_the_servers_events_unless_the_copy_holds_documents_of_its_own(
        db: str, tmp_path: Path, unrelated: Path) -> None:
    with open_store(db) as server:
        ingest_documents(server, *read(TERTER, KALBAJAR))
        kept = server.events()
    assert kept is not None
    copy = str(tmp_path / "copy.db")
    with open_store(db) as server, open_store(copy) as local:
        pull(server, local)
        assert local.events() == kept == grouped_now(local)
        pull(server, local)  # again: the same documents
        assert local.events() == kept
        local.ingest(*read(unrelated))  # a document of the copy's own
        pull(server, local)
        assert local.events() is None
        mine, regrouped = pages(local)
        assert mine == regrouped
    with open_store(db) as server:
        ingest_documents(server, *read(unrelated))  # the server forgets its events
        assert server.events() is None
    fresh = str(tmp_path / "fresh.db")
    with open_store(db) as server, open_store(fresh) as local:
        pull(server, local)
        assert local.events() is None
        mine, regrouped = pages(local)
        assert mine == regrouped


def test_push_leaves_the_servers_events_as_they_are(db: str, tmp_path: Path) -> None:
    with open_store(db) as server:
        ingest_documents(server, *read(TERTER, KALBAJAR))
        kept = server.events()
    copy = str(tmp_path / "copy.db")
    with open_store(db) as server, open_store(copy) as local:
        pull(server, local)
        claim = local.claims()[0]
        local.annotate(new_annotation(claim, Verdict.ACCEPTED, "ana"))
        assert len(push(local, server).added) == 1
        assert server.events() == kept == grouped_now(server)


def test_a_version_7_store_opens_with_no_events_kept(tmp_path: Path) -> None:
    from claims.store.schema import MIGRATIONS, migrate

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, MIGRATIONS[:7])
    conn.close()
    with open_store(path) as store:  # opening it migrates to version 8
        assert store.events() is None
        store.ingest([make_document("d1", "A 600 killed.")], figure_claims("d1", "A 600 killed."))
        assert store.events() is None
        assert [e.documents for e in report_from_store(store, [store.document("d1")]).events] == [("d1",)]


def test_a_reviewer_role_registered_before_version_8_reads_the_events(pg_cluster, pg_url: str) -> None:
    import psycopg

    from claims.store.pgschema import MIGRATIONS, migrate
    from claims.store.postgres import PgConnection

    role = f"rita_{uuid.uuid4().hex[:8]}"
    pg_cluster.execute(f"CREATE ROLE {role} LOGIN")
    try:
        with psycopg.connect(pg_url, autocommit=True) as raw:
            assert migrate(PgConnection(raw), raw.transaction, "old", MIGRATIONS[:7]) == 7
            # Registered by version 7: the role may read every table there was then.
            raw.execute("INSERT INTO reviewers (name, role, added_at) VALUES (%s, 'reviewer', 'then')", (role,))
            schema = raw.execute("SELECT current_schema()").fetchone()[0]
            raw.execute(f'GRANT USAGE ON SCHEMA "{schema}" TO {role}')
            raw.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO {role}')
        with open_store(pg_url) as store:  # opening it migrates to version 8
            ingest_documents(store, *read(TERTER))
            kept = store.events()
        assert kept is not None
        with open_store(pg_url.replace("user=postgres", f"user={role}")) as as_rita:
            assert as_rita.events() == kept
    finally:
        pg_cluster.execute(f"DROP OWNED BY {role}")
        pg_cluster.execute(f"DROP ROLE {role}")
