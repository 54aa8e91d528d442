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

    assert SCHEMA_VERSION == 6
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, MIGRATIONS[:5])
    conn.close()
    claims = figure_claims("d1", TEXT)
    with open_store(path) as store:  # opening it migrates to version 6
        store.ingest([make_document("d1", TEXT)], claims)
        store.annotate(new_annotation(claims[0], A, "ana"))
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 6
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
