"""Offline review: `claims pull` to a local SQLite copy, `claims push` back, on both backends
(the team store is the `db` fixture: a SQLite file, then a PostgreSQL schema)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_helpers import figure_claims, make_document

from claims.cli import cli
from claims.model import Verdict
from claims.review import new_annotation
from claims.service import pull, push, verdict_disagreements_of
from claims.store import open_store

A, D, R = Verdict.ACCEPTED, Verdict.DISPUTED, Verdict.REJECTED
TEXT = "A 600 killed. B 45 killed. C 7 killed."


def _team_store(db: str) -> list:
    claims = figure_claims("d1", TEXT)
    with open_store(db) as store:
        store.ingest([make_document("d1", TEXT)], claims)
        store.add_reviewer("ana", "reviewer")
        store.add_reviewer("ben", "reviewer")
        store.add_reviewer("judy", "adjudicator")
        store.assign([claims[0].id], ["ana", "ben"], blind=False)
    return claims


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _ids(location: str | Path) -> list[str]:
    with open_store(location, create=False) as store:
        return sorted(a.id for a in store.annotations())


def test_two_reviewers_disagree_offline_and_the_merge_lists_it(db: str, tmp_path: Path) -> None:
    first, second, _ = _team_store(db)
    ana_db, ben_db = str(tmp_path / "ana.db"), str(tmp_path / "ben.db")
    assert "pulled 1 document(s), 3 claim(s) and 0 new annotation(s)" in _run("pull", ana_db, "--db", db)
    _run("pull", ben_db, "--db", db)
    with open_store(ana_db) as local:
        assert local.reviewers() == [("ana", "reviewer"), ("ben", "reviewer"), ("judy", "adjudicator")]
        assert local.assignments() == [(first.id, "ana", False), (first.id, "ben", False)]
        local.annotate(new_annotation(first, A, "ana"))
        local.annotate(new_annotation(second, A, "ana"))
    with open_store(ben_db) as local:
        local.annotate(new_annotation(first, D, "ben", note="the army's own count"))
        local.annotate(new_annotation(second, A, "ben"))

    assert "pushed 2 annotation(s)" in _run("push", ana_db, "--db", db)
    pushed = CliRunner().invoke(cli, ["push", ben_db, "--db", db], catch_exceptions=False)
    assert "pushed 2 annotation(s)" in pushed.output
    assert f"{first.id}: ana accepted, ben disputed: a disagreement for the adjudicator" in pushed.output

    with open_store(db) as server:
        on_first = server.annotations(first.id)
        assert sorted((a.reviewer, a.verdict) for a in on_first) == [("ana", A), ("ben", D)]
        # The last push is the store's current verdict, but the claim is not settled by it:
        (found,) = verdict_disagreements_of(server)
        assert found.claim_id == first.id and not found.settled
        assert [(a.reviewer, a.verdict) for a in found.verdicts] == [("ana", A), ("ben", D)]
    listed = _run("disagreements", "--db", db)
    assert listed.startswith(f"{first.id}\t600 killed\tana=accepted\tben=disputed")
    assert len(listed.splitlines()) == 1
    table = json.loads(_run("agreement", "--db", db, "--format", "json"))["table"]
    assert {row["claim_id"] for row in table} == {first.id, second.id}

    # Idempotent: pushing again adds nothing; pulling after the pushes gives the server's set.
    before = _ids(db)
    assert len(before) == 4
    assert "pushed 0 annotation(s) to" in _run("push", ana_db, "--db", db)
    assert "(2 it had already)" in _run("push", ben_db, "--db", db)
    assert _ids(db) == before
    assert "2 new annotation(s) (2 already here)" in _run("pull", ana_db, "--db", db)
    assert _ids(ana_db) == before
    with open_store(ana_db) as local:
        assert [d.claim_id for d in verdict_disagreements_of(local)] == [first.id]
    assert "0 new annotation(s) (4 already here)" in _run("pull", ana_db, "--db", db)
    assert _ids(ana_db) == before


def test_an_adjudication_made_offline_settles_the_disagreement(db: str, tmp_path: Path) -> None:
    first, _, _ = _team_store(db)
    with open_store(db) as server:
        server.annotate(new_annotation(first, A, "ana"))
        server.annotate(new_annotation(first, R, "ben"))
    judy_db = str(tmp_path / "judy.db")
    _run("pull", judy_db, "--db", db)
    # The local copy knows judy is an adjudicator (its trigger checks the pulled reviewers).
    _run("adjudicate", first.id, "rejected", "--reviewer", "judy", "--db", judy_db)
    with pytest.raises(Exception, match="only an adjudicator"):
        with open_store(judy_db) as local:
            local.annotate(new_annotation(first, A, "ana", adjudication=True))
    assert _run("disagreements", "--db", judy_db) == ""
    _run("push", judy_db, "--db", db)
    assert _run("disagreements", "--db", db) == ""
    settled = json.loads(_run("disagreements", "--all", "--format", "json", "--db", db))
    assert settled == [{"claim": first.id, "quote": "600 killed",
                        "verdicts": {"ana": "accepted", "ben": "rejected"},
                        "adjudication": {"reviewer": "judy", "verdict": "rejected"}}]
    # A ruling is not one more rater: the agreement statistics leave it out.
    assert json.loads(_run("agreement", "--db", db, "--format", "json"))["reviewers"] == ["ana", "ben"]
    # ana changing her verdict after the ruling reopens it.
    with open_store(db) as server:
        server.annotate(new_annotation(first, D, "ana"))
        assert [d.claim_id for d in verdict_disagreements_of(server)] == [first.id]


def test_a_retraction_made_offline_travels_after_what_it_retracts(db: str, tmp_path: Path) -> None:
    first, _, _ = _team_store(db)
    local_db = str(tmp_path / "ana.db")
    _run("pull", local_db, "--db", db)
    with open_store(local_db) as local:
        given = new_annotation(first, D, "ana")
        local.annotate(given)
        local.retract(given.id, "ana")
        local.annotate(new_annotation(first, A, "ana"))
    with open_store(local_db) as local, open_store(db) as server:
        summary = push(local, server)
        assert len(summary.added) == 3 and summary.already == 0 and summary.orphaned == 0
        assert server.current_verdicts()[first.id].verdict is A
        assert [a.verdict for a in server.annotations(first.id)] == [D, Verdict.RETRACTED, A]


def test_pull_copies_where_the_server_re_anchored_annotations(db: str, tmp_path: Path) -> None:
    first, _, third = _team_store(db)
    edited = "A 600 killed. B 45 killed. Later: C 7 killed."
    with open_store(db) as server:
        server.annotate(new_annotation(third, D, "ana"))
        server.ingest([make_document("d1", edited)], figure_claims("d1", edited))
        moved_to = server.current_targets()
        server_verdicts = {k: v.id for k, v in server.current_verdicts().items()}
    assert list(moved_to.values()) and third.id not in server_verdicts
    local_db = str(tmp_path / "copy.db")
    with open_store(db) as server, open_store(local_db) as local:
        summary = pull(server, local)
        assert (summary.documents, summary.claims, len(summary.added)) == (1, 3, 1)
        assert local.current_targets() == moved_to
        assert {k: v.id for k, v in local.current_verdicts().items()} == server_verdicts
        assert local.claim(first.id) == server.claim(first.id)
        assert local.orphaned_annotations() == []


def test_a_verdict_pushed_on_a_claim_the_server_no_longer_has_is_kept_as_orphaned(db: str, tmp_path: Path) -> None:
    first, _, _ = _team_store(db)
    local_db = str(tmp_path / "ana.db")
    _run("pull", local_db, "--db", db)
    with open_store(local_db) as local:
        local.annotate(new_annotation(first, A, "ana"))
    with open_store(db) as server:  # the figure is gone from the server's version
        server.ingest([make_document("d1", "B 45 killed.")], figure_claims("d1", "B 45 killed."))
    pushed = CliRunner().invoke(cli, ["push", local_db, "--db", db], catch_exceptions=False)
    assert pushed.exit_code == 0
    assert "1 of them are on claims the team store no longer has" in pushed.output
    with open_store(db) as server:
        assert [a.reviewer for a in server.orphaned_annotations()] == ["ana"]


def test_pull_and_push_refuse_the_same_store_and_a_missing_copy(tmp_path: Path) -> None:
    db = str(tmp_path / "team.db")
    _team_store(db)
    runner = CliRunner()
    same = runner.invoke(cli, ["pull", db, "--db", db])
    assert same.exit_code == 2 and "is the team store itself" in same.output
    missing = runner.invoke(cli, ["push", str(tmp_path / "none.db"), "--db", db])
    assert missing.exit_code == 2 and "claims pull" in missing.output


def test_version_6_indexes_a_reviewers_annotations_and_migrates_a_version_5_store(tmp_path: Path) -> None:
    from claims.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate

    assert SCHEMA_VERSION == 8
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, MIGRATIONS[:5])
    conn.close()
    claims = figure_claims("d1", TEXT)
    with open_store(path) as store:  # opening it migrates to version 8 (7 changes nothing on SQLite)
        store.ingest([make_document("d1", TEXT)], claims)
        store.annotate(new_annotation(claims[0], A, "ana"))
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 8
    plan = " ".join(row[-1] for row in conn.execute(
        "EXPLAIN QUERY PLAN SELECT 1 FROM annotations WHERE target_id = 'x' AND reviewer = 'ana'"))
    assert "annotations_by_reviewer" in plan
    conn.close()


def test_merging_an_annotation_that_means_nothing_is_refused_in_one_line(tmp_path: Path) -> None:
    import attrs

    from claims.store import StoreError

    db = str(tmp_path / "team.db")
    first, _, _ = _team_store(db)
    wrong = attrs.evolve(new_annotation(first, A, "ana"), verdict=Verdict.RESOLVED)  # a conflict's verdict
    with open_store(db) as store:
        with pytest.raises(StoreError, match=f"annotation {wrong.id} by ana cannot be merged"):
            store.merge_annotations([new_annotation(first, A, "ana"), wrong])
        assert store.annotations() == []  # nothing of the batch was appended


EDITED = "A 600 killed. B 45 killed. Later: C 7 killed."
"""TEXT with words inserted before the third figure: its claim gets a new id (offsets moved)."""


def _attached(location: str) -> dict[str, str | None]:
    """annotation id -> the quote of the claim it is attached to now (None: orphaned)."""
    with open_store(location, create=False) as store:
        moved = store.current_targets()
        out = {}
        for annotation in store.annotations():
            target = moved.get(annotation.id, annotation.target_id)
            claim = store.claim(target) if target is not None else None
            out[annotation.id] = claim.span.quote if claim is not None else None
        return out


def _offline_re_ingest(db: str, tmp_path: Path) -> tuple[str, list]:
    """ana pulls, annotates the three claims, re-ingests the edited document in her copy (the
    third claim's annotations move to its new id), then annotates the moved claim again."""
    claims = _team_store(db)
    local_db = str(tmp_path / "ana.db")
    _run("pull", local_db, "--db", db)
    with open_store(local_db) as local:
        for claim, verdict in zip(claims, (A, R, D)):
            local.annotate(new_annotation(claim, verdict, "ana", note=claim.span.quote))
        summary = local.ingest([make_document("d1", EDITED)], figure_claims("d1", EDITED))
        assert (summary.reanchor.stayed, summary.reanchor.moved) == (2, 1)
        moved = local.claims()[2]
        assert moved.id != claims[2].id and moved.span.quote == "7 killed"
        local.annotate(new_annotation(moved, Verdict.NOTE, "ana", note="7 killed"))
    return local_db, claims


def test_push_sends_the_moves_of_a_re_ingest_in_the_copy_to_a_server_holding_that_version(
        db: str, tmp_path: Path) -> None:
    local_db, claims = _offline_re_ingest(db, tmp_path)
    with open_store(db) as server:  # the team store ingested the same edit meanwhile
        server.ingest([make_document("d1", EDITED)], figure_claims("d1", EDITED))
    pushed = _run("push", local_db, "--db", db)
    assert "pushed 4 annotation(s)" in pushed and "no longer has" not in pushed
    on_server, offline = _attached(db), _attached(local_db)
    assert on_server == offline
    with open_store(db) as server:
        assert server.orphaned_annotations() == []
        # Every annotation is on the statement it was made on (its note says which).
        assert all(on_server[a.id] == a.note for a in server.annotations())
        assert server.current_verdicts()[server.claims()[2].id].verdict is D
        moved = server.current_targets()
        with open_store(local_db) as local:
            assert moved == local.current_targets()
    assert "pushed 0 annotation(s)" in _run("push", local_db, "--db", db)
    assert _attached(db) == on_server


def test_push_keeps_annotations_where_they_were_made_on_a_server_holding_the_old_version(
        db: str, tmp_path: Path) -> None:
    local_db, claims = _offline_re_ingest(db, tmp_path)
    _run("push", local_db, "--db", db)
    with open_store(db) as server:
        annotations = server.annotations()
        # The copy's moves lead to a claim the server does not hold: none is sent, so each
        # annotation made on the old version stays on its statement there; the one made on
        # the new version waits, orphaned, for the server to ingest that version.
        assert server.current_targets() == {}
        assert {a.id for a in server.orphaned_annotations()} == {annotations[-1].id}
        assert all(server.claim(a.target_id).span.quote == a.note for a in annotations[:3])
        assert server.current_verdicts()[claims[2].id].verdict is D
        # Then the server ingests the edit: its own re-anchoring takes them all to the new
        # version, as the copy has them.
        server.ingest([make_document("d1", EDITED)], figure_claims("d1", EDITED))
        assert server.orphaned_annotations() == []
    assert _attached(db) == _attached(local_db)


def test_push_never_attaches_a_verdict_to_another_statement_of_the_same_claim_id(db: str, tmp_path: Path) -> None:
    """Claim ids come from offsets: the server's version may hold another figure at the place
    the copy's claim was. The verdict is kept, orphaned, not put on that other figure."""
    first, _, _ = _team_store(db)
    local_db = str(tmp_path / "ana.db")
    _run("pull", local_db, "--db", db)
    with open_store(local_db) as local:
        local.annotate(new_annotation(first, A, "ana"))
    revised = "A 900 killed. B 45 killed. C 7 killed."
    with open_store(db) as server:
        server.ingest([make_document("d1", revised)], figure_claims("d1", revised))
        assert server.claim(first.id).span.quote == "900 killed"  # the same id, another figure
    pushed = _run("push", local_db, "--db", db)
    assert "1 of them are on claims the team store no longer has" in pushed
    with open_store(db) as server:
        assert [a.reviewer for a in server.orphaned_annotations()] == ["ana"]
        assert first.id not in server.current_verdicts()
