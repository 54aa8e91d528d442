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
    assert "1 annotation(s) are on claims the team store does not have" in pushed.output
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
    assert "pushed 4 annotation(s)" in pushed and "does not have" not in pushed
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
    assert "1 annotation(s) are on claims the team store does not have" in pushed
    with open_store(db) as server:
        assert [a.reviewer for a in server.orphaned_annotations()] == ["ana"]
        assert first.id not in server.current_verdicts()


# -- orphaned annotations repaired by a later push or pull ---------------------------------------

def _moves_of(location: str, annotation_id: str) -> list[tuple[str | None, str]]:
    with open_store(location, create=False) as store:
        return [(m.target_id, m.method) for m in store.reanchorings(annotation_id)]


def test_a_later_push_re_attaches_a_verdict_pushed_while_its_claim_was_re_ingested_away(
        db: str, tmp_path: Path) -> None:
    """ana judges the third figure offline; meanwhile the team store ingests an edit that gives
    it a new id. Her push lands orphaned; she pulls (her copy re-anchors it to the new id) and
    pushes again: the team store re-attaches it to that statement, once."""
    _, second, third = _team_store(db)
    local_db = str(tmp_path / "ana.db")
    _run("pull", local_db, "--db", db)
    with open_store(local_db) as local:
        mine = new_annotation(third, D, "ana", note="7 killed")
        local.annotate(mine)
        local.annotate(new_annotation(second, A, "ana", note="45 killed"))
    with open_store(db) as server:
        server.ingest([make_document("d1", EDITED)], figure_claims("d1", EDITED))
        server.annotate(new_annotation(server.claims()[2], A, "ben"))  # ben judged the new version
        moved_id = server.claims()[2].id
    assert moved_id != third.id
    first_push = _run("push", local_db, "--db", db)
    assert "1 annotation(s) are on claims the team store does not have" in first_push
    with open_store(db) as server:
        assert [a.id for a in server.orphaned_annotations()] == [mine.id]
        assert server.current_verdicts()[moved_id].reviewer == "ben"

    pulled = _run("pull", local_db, "--db", db)
    assert "re-attached" not in pulled  # the copy re-anchored it by its own ingest of the new version
    assert _attached(local_db)[mine.id] == "7 killed"
    pushed = _run("push", local_db, "--db", db)
    assert "pushed 0 annotation(s)" in pushed
    assert "re-attached 1 annotation(s) the team store held as orphaned" in pushed
    assert "does not have" not in pushed
    assert f"{moved_id}: ana disputed, ben accepted: a disagreement for the adjudicator" in pushed
    with open_store(db) as server:
        assert server.orphaned_annotations() == []
        assert server.current_targets()[mine.id] == moved_id
        assert [a.id for a in server.annotations(moved_id)][-1] == mine.id
        assert server.current_verdicts()[moved_id].id == mine.id
        assert [d.claim_id for d in verdict_disagreements_of(server)] == [moved_id]
    assert _moves_of(db, mine.id) == [(moved_id, "quote")]
    assert _attached(db) == _attached(local_db)

    # Pushing (and pulling) again records nothing more.
    again = _run("push", local_db, "--db", db)
    assert "re-attached" not in again and "does not have" not in again
    _run("pull", local_db, "--db", db)
    assert _moves_of(db, mine.id) == [(moved_id, "quote")]


EDITED_AGAIN = "A 600 killed. B 45 killed in all. Later: C 7 killed."
"""EDITED revised again: the third claim moves, its sentence word for word EDITED's."""


def test_a_verdict_pushed_before_the_team_store_had_its_claim_is_re_attached_by_a_later_push(
        db: str, tmp_path: Path) -> None:
    """ana ingests an edit in her copy and judges a claim only that version has; the team store
    still holds the old version, so it lands orphaned. The team store then ingests a further
    revision its own re-anchoring cannot place that verdict in; ana pulls (her copy follows the
    claim) and pushes: the verdict is re-attached to the same statement."""
    local_db, _ = _offline_re_ingest(db, tmp_path)
    _run("push", local_db, "--db", db)
    with open_store(db) as server:
        (waiting,) = server.orphaned_annotations()
        assert waiting.note == "7 killed"
        server.ingest([make_document("d1", EDITED_AGAIN)], figure_claims("d1", EDITED_AGAIN))
        still = [a.id for a in server.orphaned_annotations()]
        target = next(c.id for c in server.claims() if c.span.quote == "7 killed")
    if still != [waiting.id]:
        pytest.skip("the team store's own re-anchoring placed it")  # pragma: no cover
    _run("pull", local_db, "--db", db)
    assert _attached(local_db)[waiting.id] == "7 killed"
    pushed = _run("push", local_db, "--db", db)
    assert "re-attached 1 annotation(s)" in pushed
    with open_store(db) as server:
        assert server.orphaned_annotations() == []
        assert server.current_targets()[waiting.id] == target
        assert all(_attached(db)[a.id] == a.note for a in server.annotations())
    assert _attached(db) == _attached(local_db)


def test_a_pull_re_attaches_a_copy_s_orphan_that_the_team_store_has_re_attached(db: str, tmp_path: Path) -> None:
    """ben's copy re-attaches his orphaned verdict on the team store (as above); ana's copy,
    pulled while it was orphaned, holds it orphaned too: her next pull re-attaches it."""
    _, _, third = _team_store(db)
    ben_db, ana_db = str(tmp_path / "ben.db"), str(tmp_path / "ana.db")
    _run("pull", ben_db, "--db", db)
    with open_store(ben_db) as local:
        his = new_annotation(third, D, "ben")
        local.annotate(his)
    with open_store(db) as server:
        server.ingest([make_document("d1", EDITED)], figure_claims("d1", EDITED))
        moved_id = server.claims()[2].id
    _run("push", ben_db, "--db", db)
    _run("pull", ana_db, "--db", db)
    with open_store(ana_db) as local:
        assert [a.id for a in local.orphaned_annotations()] == [his.id]
    _run("pull", ben_db, "--db", db)
    assert "re-attached 1 annotation(s)" in _run("push", ben_db, "--db", db)
    pulled = _run("pull", ana_db, "--db", db)
    assert f"re-attached 1 annotation(s) that were orphaned in {ana_db}" in pulled
    with open_store(ana_db) as local:
        assert local.orphaned_annotations() == []
        assert local.current_targets()[his.id] == moved_id
        assert local.current_verdicts()[moved_id].id == his.id
    assert _attached(ana_db) == _attached(db)


def test_a_repair_never_moves_an_attached_annotation_nor_onto_another_statement(db: str) -> None:
    """The store checks each repair in its own transaction, whatever the caller computed: only
    an annotation still orphaned there moves, and only onto the same statement."""
    from claims.model import Anchor
    from claims.store import Reanchoring

    first, second, third = _team_store(db)
    attached_one = new_annotation(first, A, "ana")
    newer = figure_claims("d1", EDITED)[2]  # a claim of a version this store has not ingested
    waiting = new_annotation(newer, D, "ana")
    when = "2024-01-01T00:00:00+00:00"
    with open_store(db) as store:
        store.annotate(attached_one)
        store.merge_annotations([waiting])
        assert [a.id for a in store.orphaned_annotations()] == [waiting.id]
        store.merge_annotations([], repairs=[
            # attached here: never moved, even onto a claim its anchor names
            Reanchoring(attached_one.id, second.id, "quote", 1.0, when, Anchor.of_claim(second)),
            # orphaned, but the target says something else than the repair's anchor
            Reanchoring(waiting.id, second.id, "quote", 0.9, when, waiting.anchor),
            # a target that is not stored
            Reanchoring(waiting.id, "c_nowhere", "quote", 0.9, when, waiting.anchor),
        ])
        assert store.reanchorings() == []
        assert [a.id for a in store.orphaned_annotations()] == [waiting.id]
        assert third.id not in store.current_verdicts() and second.id not in store.current_verdicts()
        # Onto the same statement: recorded, and the verdict cache follows.
        repair = Reanchoring(waiting.id, third.id, "quote", 0.8, when, Anchor.of_claim(third))
        store.merge_annotations([], repairs=[repair])
        assert store.reanchorings() == [repair]
        assert store.orphaned_annotations() == []
        assert store.current_verdicts()[third.id].id == waiting.id
        # Once attached, the same repair again records nothing.
        store.merge_annotations([], repairs=[repair])
        assert store.reanchorings() == [repair]


def test_an_adjudication_by_someone_not_an_adjudicator_is_refused_saying_how_to_make_one(db: str) -> None:
    first, _, _ = _team_store(db)
    refused = CliRunner().invoke(cli, ["adjudicate", first.id, "rejected", "--reviewer", "ana", "--db", db])
    assert refused.exit_code == 2
    assert "ana is a reviewer in" in refused.output
    assert "`claims reviewers add ana --role adjudicator` (as the store's owner)" in refused.output
    stranger = CliRunner().invoke(cli, ["adjudicate", first.id, "rejected", "--reviewer", "zed", "--db", db])
    assert stranger.exit_code == 2 and "zed is not registered in" in stranger.output
    with open_store(db) as store:
        assert store.annotations() == []
    result = CliRunner().invoke(cli, ["reviewers", "add", "ana", "--role", "admin", "--db", db])
    assert "ana is an admin in" in result.output
    assert "judy adjudicated" in CliRunner().invoke(
        cli, ["adjudicate", first.id, "rejected", "--reviewer", "judy", "--db", db]).output
