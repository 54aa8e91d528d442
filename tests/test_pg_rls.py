"""Row-level security on a PostgreSQL store: reviewers connecting as database roles of their
own are bound by the database, whatever their client does (roles, blind review)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from store_helpers import figure_claims, make_document

from claims.model import Verdict
from claims.review import new_annotation
from claims.service import pull
from claims.store import StoreError, open_store

A, D = Verdict.ACCEPTED, Verdict.DISPUTED
TEXT = "A 600 killed. B 45 killed."
INSERT = ("INSERT INTO annotations (id, target_kind, target_id, document_id, verdict, reviewer, created_at, "
          "retracts, data, adjudication) VALUES (%s, 'claim', %s, 'd1', %s, %s, '2024-01-01T00:00:00+00:00', "
          "NULL, '{}', %s)")


def _as(url: str, role: str) -> str:
    """The store's URL, connecting as another database role."""
    assert "user=postgres" in url
    return url.replace("user=postgres", f"user={role}")


@pytest.fixture
def team(pg_cluster, pg_url: str):
    """A store whose reviewers ana and ben (and adjudicator judy) log in as database roles of
    their own; both claims assigned to ana and ben blind. Yields (url, names, claims)."""
    suffix = uuid.uuid4().hex[:8]
    names = {who: f"{who}_{suffix}" for who in ("ana", "ben", "judy")}
    for name in names.values():
        pg_cluster.execute(f"CREATE ROLE {name} LOGIN")
    claims = figure_claims("d1", TEXT)
    with open_store(pg_url) as store:
        store.ingest([make_document("d1", TEXT)], claims)
        assert store.add_reviewer(names["ana"], "reviewer") is True
        assert store.add_reviewer(names["ben"], "reviewer") is True
        assert store.add_reviewer(names["judy"], "adjudicator") is True
        assert store.add_reviewer("nobody_has_this_login", "reviewer") is False
        store.assign([c.id for c in claims], [names["ana"], names["ben"]])
    yield pg_url, names, claims
    for name in names.values():
        pg_cluster.execute(f"DROP OWNED BY {name}")
        pg_cluster.execute(f"DROP ROLE {name}")


def test_a_reviewer_role_cannot_select_the_other_verdict_before_giving_its_own(team, tmp_path: Path) -> None:
    import psycopg

    url, names, (first, second) = team
    ana, ben = names["ana"], names["ben"]
    with open_store(_as(url, ben)) as as_ben:
        bens = new_annotation(first, D, ben)
        as_ben.annotate(bens)
    with psycopg.connect(_as(url, ana), autocommit=True) as conn:
        # Whatever the query, and even claiming to be ben, ana's session sees nothing of his.
        conn.execute(f"SET claims.reviewer = '{ben}'")
        for sql in ("SELECT id FROM annotations", "SELECT id FROM effective_annotations",
                    "SELECT annotation_id FROM current_verdicts", f"SELECT id FROM annotations WHERE reviewer = '{ben}'"):
            assert conn.execute(sql).fetchall() == [], sql
    with psycopg.connect(url, autocommit=True) as owner:  # the store's owner sees it all
        assert owner.execute("SELECT id FROM annotations").fetchall() == [(bens.id,)]
    with open_store(_as(url, ana)) as as_ana:
        assert as_ana.annotations(first.id) == [] and as_ana.current_verdicts() == {}
        # An offline copy pulled as ana holds nothing of ben's on her blind claims either.
        with open_store(tmp_path / "ana.db") as local:
            pull(as_ana, local)
            assert local.annotations() == []
        anas = new_annotation(first, A, ana)
        as_ana.annotate(anas)
        # Her verdict given, she sees his on that claim, and the verdict cache.
        assert as_ana.annotations(first.id) == [bens, anas]
        assert as_ana.current_verdicts()[first.id] == anas
        as_ana.annotate(new_annotation(second, A, ana, note="a note, then"))
    with open_store(_as(url, ben)) as as_ben:
        # ben has not judged the second claim: ana's verdict there is hidden from him.
        assert as_ben.annotations(second.id) == [] and second.id not in as_ben.current_verdicts()
        assert as_ben.current_verdicts()[first.id] == anas


def test_a_reviewer_role_writes_only_in_its_own_name_and_cannot_adjudicate(team) -> None:
    import psycopg

    url, names, (first, _) = team
    ana, ben, judy = names["ana"], names["ben"], names["judy"]
    with psycopg.connect(_as(url, ana), autocommit=True) as conn:
        conn.execute(f"SET claims.reviewer = '{judy}'")  # a trusted session's setting: ignored here
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(INSERT, ("x1", first.id, "accepted", ben, 0))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(INSERT, ("x2", first.id, "accepted", judy, 1))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only an adjudicator"):
            conn.execute(INSERT, ("x3", first.id, "accepted", ana, 1))
        # The roles, the assignments and the append-only history are not hers to change.
        for sql in (f"UPDATE reviewers SET role = 'admin' WHERE name = '{ana}'",
                    f"DELETE FROM assignments WHERE reviewer = '{ana}'",
                    "DELETE FROM annotations"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
        conn.execute(INSERT, ("x4", first.id, "accepted", ana, 0))
    with open_store(_as(url, ana)) as as_ana:
        with pytest.raises(StoreError, match="only an adjudicator"):
            as_ana.annotate(new_annotation(first, A, ana, adjudication=True))
        as_ana.annotate(new_annotation(first, A, ana))
    with psycopg.connect(_as(url, ana), autocommit=True) as conn:
        # The verdict cache takes only a verdict an annotation on that claim gave.
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("UPDATE current_verdicts SET verdict = 'rejected' WHERE target_id = %s", (first.id,))
    with open_store(_as(url, judy)) as as_judy:
        ruling = new_annotation(first, D, judy, adjudication=True)
        as_judy.annotate(ruling)
        assert as_judy.current_verdicts()[first.id] == ruling


def test_an_announcement_on_a_blind_claim_leaves_the_verdict_out(team) -> None:
    import psycopg

    from claims.store.pgschema import NOTIFY_CHANNEL

    url, names, (first, _) = team
    with psycopg.connect(_as(url, names["ana"]), autocommit=True) as listener:
        listener.execute(f"LISTEN {NOTIFY_CHANNEL}")
        with open_store(_as(url, names["ben"])) as as_ben:
            as_ben.annotate(new_annotation(first, D, names["ben"]))
        (heard,) = list(listener.notifies(timeout=10, stop_after=1))
    payload = json.loads(heard.payload)
    assert payload["reviewer"] == names["ben"] and payload["verdict"] is None


def test_a_version_5_store_migrates_to_row_level_security(pg_cluster) -> None:
    import psycopg

    from claims.store.pgschema import MIGRATIONS, migrate

    url = pg_cluster.new_store_url()
    claims = figure_claims("d1", TEXT)
    with psycopg.connect(url, autocommit=True) as raw:
        from claims.store.postgres import PgConnection

        assert migrate(PgConnection(raw), raw.transaction, "old", MIGRATIONS[:5]) == 5
    with open_store(url) as store:  # opening it migrates to version 6, then 7 and 8
        store.ingest([make_document("d1", TEXT)], claims)
        store.annotate(new_annotation(claims[0], A, "ana"))
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 8
        secured = dict(conn.execute(
            "SELECT relname, relrowsecurity FROM pg_class WHERE relnamespace = current_schema()::regnamespace "
            "AND relname IN ('annotations', 'current_verdicts', 'annotation_targets')").fetchall())
        assert secured == {"annotations": True, "current_verdicts": True, "annotation_targets": True}
        assert conn.execute("SELECT count(*) FROM pg_indexes WHERE indexname = 'annotations_by_reviewer' "
                            "AND schemaname = current_schema()").fetchone()[0] == 1


def test_a_copy_pulled_by_the_owner_pushes_as_the_reviewer_role(team, tmp_path: Path) -> None:
    """The copy holds ben's verdict, hidden from ana's role: the push must not append it again."""
    from claims.service import push

    url, names, (first, _) = team
    ana, ben = names["ana"], names["ben"]
    with open_store(_as(url, ben)) as as_ben:
        as_ben.annotate(new_annotation(first, D, ben))
    with open_store(url) as owner, open_store(tmp_path / "copy.db") as local:
        pull(owner, local)
        local.annotate(new_annotation(first, A, ana))
    with open_store(tmp_path / "copy.db") as local, open_store(_as(url, ana)) as as_ana:
        summary = push(local, as_ana)
        assert (len(summary.added), summary.already) == (1, 1)
        (found,) = summary.disagreements
        assert [(a.reviewer, a.verdict) for a in found.verdicts] == [(ana, A), (ben, D)]
        assert len(push(local, as_ana).added) == 0


def test_a_reviewer_role_pushes_the_moves_of_its_own_annotations_only(team, pg_cluster, tmp_path: Path) -> None:
    """A re-ingest in ana's copy moved her annotations; pushed as her role to a store holding
    that version, they land on the same statements. Her role may append moves of her own
    annotations, never of ben's (version 7), and a role registered before version 7 gets the
    grant when the store migrates."""
    import psycopg

    from claims.service import push

    url, names, (first, second) = team
    ana, ben = names["ana"], names["ben"]
    edited = "Report. A 600 killed. B 45 killed."
    with open_store(_as(url, ben)) as as_ben:
        bens = new_annotation(first, D, ben)
        as_ben.annotate(bens)
    with open_store(url) as owner, open_store(tmp_path / "copy.db") as local:
        pull(owner, local)
        local.annotate(new_annotation(first, A, ana, note="600 killed"))
        local.annotate(new_annotation(second, A, ana, note="45 killed"))
        local.ingest([make_document("d1", edited)], figure_claims("d1", edited))
        owner.ingest([make_document("d1", edited)], figure_claims("d1", edited))
    with open_store(tmp_path / "copy.db") as local, open_store(_as(url, ana)) as as_ana:
        assert len(push(local, as_ana).added) == 2
    with open_store(url) as owner:
        moved = owner.current_targets()
        placed = {a.note: owner.claim(moved.get(a.id, a.target_id)) for a in owner.annotations() if a.reviewer == ana}
        assert {note: claim.span.quote for note, claim in placed.items()} == {"600 killed": "600 killed",
                                                                              "45 killed": "45 killed"}
        assert owner.orphaned_annotations() == []
    with psycopg.connect(_as(url, ana), autocommit=True) as conn:
        with pytest.raises(psycopg.Error, match="row-level security"):
            conn.execute("INSERT INTO annotation_targets (annotation_id, target_id, method, score, anchor, created_at) "
                         "VALUES (%s, NULL, 'orphaned', 0, NULL, '2024-01-01T00:00:00+00:00')", (bens.id,))

    # A role registered at version 6 is granted the moves of its own annotations on migrating.
    from claims.store.pgschema import MIGRATIONS, migrate
    from claims.store.postgres import PgConnection

    old = pg_cluster.new_store_url()
    with psycopg.connect(old, autocommit=True) as raw:
        assert migrate(PgConnection(raw), raw.transaction, "old", MIGRATIONS[:6]) == 6
        schema = raw.execute("SELECT current_schema()").fetchone()[0]
        raw.execute("INSERT INTO reviewers (name, role, added_at) VALUES (%s, 'reviewer', 'then')", (ana,))
        raw.execute(f"GRANT USAGE ON SCHEMA {schema} TO {ana}")
        raw.execute(f"GRANT INSERT ON annotations TO {ana}")
    open_store(old).close()  # migrates to version 7
    with psycopg.connect(old, autocommit=True) as raw:
        assert raw.execute("SELECT has_table_privilege(%s, 'annotation_targets', 'INSERT')", (ana,)).fetchone()[0]


def test_a_reviewer_role_re_attaches_its_own_orphaned_annotations_only(team, tmp_path: Path) -> None:
    """Two verdicts reached the team store orphaned (made on a version it had not ingested);
    ana's copy has both on the statement the store holds. Pushed as her role, hers is
    re-attached and ben's is left as it is, without an error; pushed by the owner, his is too."""
    from claims.service import push

    url, names, (_, second) = team
    ana, ben = names["ana"], names["ben"]
    newer = figure_claims("d1", "Report. " + TEXT)[1]  # "45 killed" in a version not ingested here
    anas, bens = new_annotation(newer, A, ana), new_annotation(newer, D, ben)
    with open_store(_as(url, ana)) as as_ana:
        as_ana.merge_annotations([anas])
    with open_store(_as(url, ben)) as as_ben:
        as_ben.merge_annotations([bens])
    local_db = tmp_path / "copy.db"
    with open_store(url) as owner, open_store(local_db) as local:
        assert {a.id for a in owner.orphaned_annotations()} == {anas.id, bens.id}
        pull(owner, local)
        # The copy ingests that version, then the store's again: it follows the statement.
        local.ingest([make_document("d1", "Report. " + TEXT)], figure_claims("d1", "Report. " + TEXT))
        local.ingest([make_document("d1", TEXT)], figure_claims("d1", TEXT))
        assert local.orphaned_annotations() == []
        assert {local.current_targets().get(a, newer.id) for a in (anas.id, bens.id)} == {second.id}
    with open_store(local_db) as local, open_store(_as(url, ana)) as as_ana:
        summary = push(local, as_ana)
        assert (len(summary.added), summary.reattached) == (0, 1)
    with open_store(url) as owner:
        assert [a.id for a in owner.orphaned_annotations()] == [bens.id]
        assert owner.current_targets()[anas.id] == second.id
        assert [m.annotation_id for m in owner.reanchorings()] == [anas.id]
    with open_store(local_db) as local, open_store(url) as owner:
        assert push(local, owner).reattached == 1
        assert owner.orphaned_annotations() == []
        assert {owner.current_targets()[a] for a in (anas.id, bens.id)} == {second.id}


class _Ran:
    def __init__(self, exit_code: int, output: str) -> None:
        self.exit_code, self.output = exit_code, output


def _cli(*args: str, reviewer: str = "someone_else") -> _Ran:
    """Run the `claims` command in a process of its own, as a user whose default reviewer name
    is ``reviewer`` (no config file): what a user sees, errors as the one line they print."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "CLAIMS_REVIEWER": reviewer, "CLAIMS_CONFIG": "/nonexistent/claims.toml"}
    done = subprocess.run([sys.executable, "-m", "claims", *args], env=env, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)
    return _Ran(done.returncode, done.stdout + done.stderr)


def test_a_reviewer_role_annotates_in_its_own_name_from_the_command_line(team) -> None:
    """Connected as her role, ana's annotations carry her name without --reviewer; another
    name, or an adjudication she may not give, is refused in one line saying what to do."""
    url, names, (first, second) = team
    ana, ben = names["ana"], names["ben"]
    done = _cli("annotate", first.id, "--verdict", "disputed", "--db", _as(url, ana))
    assert done.exit_code == 0, done.output
    assert _cli("assigned", "--db", _as(url, ana)).output == f"{second.id}\n"  # her queue, by default
    posed = _cli("annotate", second.id, "--verdict", "accepted", "--reviewer", ben, "--db", _as(url, ana))
    assert posed.exit_code == 2
    assert f"as the database role {ana}, which writes only in its own name: leave out --reviewer {ben}" in posed.output
    assert len(posed.output.strip().splitlines()) == 1
    ruling = _cli("adjudicate", first.id, "rejected", "--db", _as(url, ana))
    assert ruling.exit_code == 2
    assert f"{ana} is a reviewer in" in ruling.output and f"claims reviewers add {ana} --role adjudicator" in ruling.output
    judged = _cli("adjudicate", first.id, "rejected", "--db", _as(url, names["judy"]))
    assert judged.exit_code == 0, judged.output
    with open_store(url) as owner:
        assert [(a.reviewer, a.verdict, a.adjudication) for a in owner.annotations(first.id)] == [
            (ana, D, False), (names["judy"], Verdict.REJECTED, True)]
        assert owner.annotations(second.id) == []


def test_the_database_s_refusal_says_what_to_do(team) -> None:
    """What a client that skips the command's checks meets: the database's refusal, in one line with a hint."""
    url, names, (first, _) = team
    with open_store(_as(url, names["ana"])) as as_ana:
        with pytest.raises(StoreError, match="writes annotations only in its own name: leave out --reviewer"):
            as_ana.annotate(new_annotation(first, A, names["ben"]))
        with pytest.raises(StoreError, match="only an adjudicator may adjudicate .*claims reviewers add NAME --role"):
            as_ana.annotate(new_annotation(first, A, names["ana"], adjudication=True))
        with pytest.raises(StoreError, match="may not do that: the store's owner does it"):
            as_ana.add_reviewer(names["ana"], "admin")
        assert as_ana.annotations() == []


def test_a_copy_pulled_as_a_role_pushes_that_reviewer_s_annotations_and_keeps_the_rest(team, tmp_path: Path) -> None:
    """ana pulls as her role but her default name is another: the pull tells her to review as
    herself. What she then wrote under the other name stays in the copy on push (her role
    may not add it) while her own goes; the store's owner can push the rest."""
    from claims.review import retraction_of

    url, names, (first, second) = team
    ana = names["ana"]
    copy = str(tmp_path / "ana.db")
    pulled = _cli("pull", copy, "--db", _as(url, ana), reviewer="root")
    assert pulled.exit_code == 0, pulled.output
    assert f"review the copy as {ana} (`claims review --db {copy} --reviewer {ana}`" in pulled.output
    assert "review the copy as" not in _cli("pull", copy, "--db", _as(url, ana), reviewer=ana).output
    with open_store(copy) as local:
        wrong = new_annotation(first, A, "root")
        local.annotate(wrong)
        undone = retraction_of(wrong, ana)
        local.annotate(undone)
        mine = new_annotation(second, D, ana)
        local.annotate(mine)
    pushed = _cli("push", copy, "--db", _as(url, ana))
    assert pushed.exit_code == 0, pushed.output
    assert "pushed 1 annotation(s)" in pushed.output
    assert f"2 annotation(s) by {ana}, root stayed in {copy}: your database role pushes only its own" in pushed.output
    with open_store(url) as owner:
        assert [a.id for a in owner.annotations()] == [mine.id]
    by_owner = _cli("push", copy, "--db", url)
    assert "pushed 2 annotation(s)" in by_owner.output and "stayed in" not in by_owner.output
    with open_store(url) as owner:
        assert [a.id for a in owner.annotations()] == [mine.id, wrong.id, undone.id]


def test_a_role_let_in_to_nothing_is_told_who_lets_it_in(team, pg_cluster) -> None:
    """A login the store's owner has not registered sees no tables: not "no such store", but
    what to do; once registered it reads the store."""
    url, _, claims = team
    name = f"carl_{uuid.uuid4().hex[:8]}"
    pg_cluster.execute(f"CREATE ROLE {name} LOGIN")
    try:
        for command in (["list"], ["ingest", str(Path(__file__).parent.parent / "seeds")]):
            refused = _cli(*command, "--db", _as(url, name))
            assert refused.exit_code == 2
            assert f"the database role {name} may not read this store" in refused.output
            assert f"claims reviewers add {name} --db OWNER_URL" in refused.output
            # one line (ingest's reader warnings about the documents come before it), no traceback
            assert [line for line in refused.output.splitlines() if line.startswith("claims:")] == [
                refused.output.strip().splitlines()[-1]] and "Traceback" not in refused.output
        with open_store(url) as owner:
            assert owner.add_reviewer(name, "reviewer") is True
        with open_store(_as(url, name)) as as_carl:
            assert {c.id for c in as_carl.claims()} == {c.id for c in claims}
    finally:
        pg_cluster.execute(f"DROP OWNED BY {name}")
        pg_cluster.execute(f"DROP ROLE {name}")
