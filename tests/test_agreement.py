"""Agreement statistics, checked against published worked examples, and `claims agreement`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from store_helpers import figure_claims, make_document

from claims.cli import cli
from claims.model import Kind, Verdict
from claims.review import new_annotation, retraction_of
from claims.review.agreement import agreement, cohens_kappa, krippendorffs_alpha, reviewer_verdicts
from claims.store import ClaimQuery, open_store

A, D, N, R = Verdict.ACCEPTED, Verdict.DISPUTED, Verdict.NEEDS_SOURCE, Verdict.REJECTED


def test_cohens_kappa_matches_the_wikipedia_worked_example() -> None:
    # Wikipedia, "Cohen's kappa", Examples / Simple example: 50 grant proposals read by A and B;
    # both yes 20, A yes B no 5, A no B yes 10, both no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4.
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15
    assert round(cohens_kappa(pairs), 3) == 0.400


def test_krippendorffs_alpha_matches_the_2011_nominal_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", C. Nominal data, any
    # number of observers, missing data: 4 observers, 12 units, "." missing; alpha = 0.743.
    observers = [
        "1 2 3 3 2 1 4 1 2 . . .",
        "1 2 3 3 2 2 4 1 2 5 . 3",
        ". 3 3 3 2 3 4 2 2 5 1 .",
        "1 2 3 3 2 4 4 1 2 5 1 .",
    ]
    table = [row.split() for row in observers]
    units = [[row[u] for row in table if row[u] != "."] for u in range(12)]
    assert round(krippendorffs_alpha(units), 3) == 0.743


def test_undefined_statistics_are_none() -> None:
    assert cohens_kappa([]) is None and cohens_kappa([("a", "a")] * 3) is None
    assert krippendorffs_alpha([["a"], ["b"]]) is None and krippendorffs_alpha([["a", "a"]]) is None
    assert krippendorffs_alpha([["a", "b"], ["a", "a"]]) is not None


def test_agreement_report_by_kind_and_pair() -> None:
    verdicts = {
        "c1": {"ana": A, "ben": A, "cy": A},
        "c2": {"ana": A, "ben": D},
        "c3": {"ana": D, "ben": D, "cy": R},
        "c4": {"ana": N},  # one reviewer: not pairable
    }
    report = agreement(verdicts, {"c1": Kind.CASUALTIES, "c2": Kind.CASUALTIES, "c3": Kind.STRENGTH})
    assert report.reviewers == ("ana", "ben", "cy")
    assert (report.overall.claims, report.overall.unanimous) == (3, 1)
    assert [g.label for g in report.by_kind] == ["casualties", "strength"]
    ana_ben = report.pairs[0]
    assert (ana_ben.first, ana_ben.second, ana_ben.claims, ana_ben.agreed) == ("ana", "ben", 3, 2)
    assert round(ana_ben.kappa, 3) == round(cohens_kappa([(A, A), (A, D), (D, D)]), 3)
    assert [row.claim_id for row in report.table] == ["c1", "c2", "c3"]


def test_a_reviewers_current_verdict_is_their_latest_in_force() -> None:
    text = "A 600 killed."
    (claim,) = figure_claims("d1", text)
    first = new_annotation(claim, A, "ana")
    second = new_annotation(claim, R, "ana")
    other = new_annotation(claim, D, "ben")
    undo = retraction_of(second, "ana")
    assert reviewer_verdicts([first, second, other]) == {claim.id: {"ana": R, "ben": D}}
    assert reviewer_verdicts([first, second, other, undo]) == {claim.id: {"ana": A, "ben": D}}


def test_claims_agreement_on_a_store(db: str) -> None:
    text = "A 600 killed. B 45 killed. C 7 killed."
    claims = figure_claims("d1", text)
    with open_store(db) as store:
        store.ingest([make_document("d1", text)], claims)
        for claim, (ana, ben) in zip(claims, [(A, A), (D, D), (A, R)]):
            store.annotate(new_annotation(claim, ana, "ana"))
            store.annotate(new_annotation(claim, ben, "ben"))
    runner = CliRunner()
    shown = runner.invoke(cli, ["agreement", "--db", db], catch_exceptions=False)
    assert shown.exit_code == 0, shown.output
    assert "ana" in shown.output and "kappa" in shown.output and "alpha" in shown.output
    data = json.loads(runner.invoke(cli, ["agreement", "--db", db, "--format", "json"]).output)
    (pair,) = data["pairs"]
    assert (pair["claims"], pair["agreed"]) == (3, 2)
    assert round(pair["kappa"], 3) == round(cohens_kappa([(A, A), (D, D), (A, R)]), 3)
    assert len(data["table"]) == 3 and data["by_kind"][0]["label"] == "casualties"


# -- reviewers and roles -----------------------------------------------------------------------


def _team_store(location: str):
    """A store of one claim with ana (reviewer) and judy (adjudicator); returns the claim."""
    text = "A 600 killed."
    (claim,) = figure_claims("d1", text)
    with open_store(location) as store:
        store.ingest([make_document("d1", text)], [claim])
        store.add_reviewer("ana", "reviewer")
        store.add_reviewer("judy", "adjudicator")
    return claim


def test_only_an_adjudicator_may_adjudicate(db: str) -> None:
    from claims.store import StoreError

    claim = _team_store(db)
    with open_store(db) as store:
        assert store.reviewers() == [("ana", "reviewer"), ("judy", "adjudicator")]
        with pytest.raises(StoreError, match="only an adjudicator may adjudicate"):
            store.annotate(new_annotation(claim, A, "ana", adjudication=True))
        with pytest.raises(StoreError, match="only an adjudicator may adjudicate"):
            store.annotate(new_annotation(claim, A, "nobody", adjudication=True))
        ruling = new_annotation(claim, R, "judy", adjudication=True)
        store.annotate(ruling)
        assert store.annotations(claim.id) == [ruling] and store.current_verdicts()[claim.id] == ruling
        with pytest.raises(StoreError, match="unknown role"):
            store.add_reviewer("x", "boss")
    runner = CliRunner()
    assert runner.invoke(cli, ["reviewers", "add", "ana", "--role", "admin", "--db", db]).exit_code == 0
    assert runner.invoke(cli, ["reviewers", "list", "--db", db]).output == "ana\tadmin\njudy\tadjudicator\n"
    done = runner.invoke(cli, ["adjudicate", claim.id, "accepted", "--reviewer", "ana", "--db", db])
    assert done.exit_code == 0, done.output


def test_an_adjudication_is_refused_by_the_database_itself(pg_url: str) -> None:
    """Connect to the PostgreSQL store directly, as a reviewer who is no adjudicator, and try."""
    import psycopg

    claim = _team_store(pg_url)
    row = ("x1", "claim", claim.id, "d1", "accepted", "ana", "2024-01-01T00:00:00+00:00", None, "{}", 1)
    insert = ("INSERT INTO annotations (id, target_kind, target_id, document_id, verdict, reviewer, created_at, "
              "retracts, data, adjudication) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)")
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("SET claims.reviewer = 'ana'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="only an adjudicator"):
            conn.execute(insert, row)
        # Claiming to be judy in the row while the session is ana's is refused too.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(insert, (*row[:5], "judy", *row[6:]))
        conn.execute("SET claims.reviewer = 'judy'")
        conn.execute(insert, (*row[:5], "judy", *row[6:]))
        assert conn.execute("SELECT count(*) FROM annotations WHERE adjudication = 1").fetchone()[0] == 1


def test_an_adjudication_round_trips_and_plain_annotations_keep_their_json() -> None:
    from claims.convert import dumps, loads

    (claim,) = figure_claims("d1", "A 600 killed.")
    plain = new_annotation(claim, A, "ana")
    ruling = new_annotation(claim, A, "judy", adjudication=True)
    assert "adjudication" not in json.loads(dumps(plain)) and json.loads(dumps(ruling))["adjudication"] is True
    assert loads(dumps(ruling), type(ruling)) == ruling and loads(dumps(plain), type(plain)) == plain


# -- assignments and blind review --------------------------------------------------------------


def test_blind_review_hides_the_other_verdict_until_one_gives_ones_own(db: str) -> None:
    text = "A 600 killed. B 45 killed."
    first, second = figure_claims("d1", text)
    with open_store(db) as store:
        store.ingest([make_document("d1", text)], [first, second])
        store.assign([first.id, second.id], ["ana", "ben"])
        assert store.assigned("ana") == [first.id, second.id]
        bens = new_annotation(first, D, "ben", note="the army's own count")
        store.annotate(bens)
        # ana has not judged the claim: she sees neither ben's annotation nor the verdict.
        assert store.annotations(first.id, viewer="ana") == []
        assert first.id not in store.current_verdicts(viewer="ana")
        assert store.annotations(first.id, viewer="ben") == [bens]  # ben sees his own
        assert store.current_verdicts()[first.id] == bens  # without a viewer: everything
        # Filters by verdict asked as ana: ben's verdict is none to her yet.
        assert store.count_claims(ClaimQuery(verdict=D, viewer="ana")) == 0
        assert store.count_claims(ClaimQuery(verdict=D)) == 1
        assert store.count_claims(ClaimQuery(only_unreviewed=True, viewer="ana")) == 2
        assert [c.id for c in store.claims(ClaimQuery(only_unreviewed=True, viewer="ana"))] == [first.id, second.id]
        anas = new_annotation(first, A, "ana")
        store.annotate(anas)
        assert store.annotations(first.id, viewer="ana") == [bens, anas]
        assert store.current_verdicts(viewer="ana")[first.id] == anas
        assert store.assigned("ana") == [second.id] and store.assigned("ana", pending=False) == [first.id, second.id]
        store.assign([second.id], ["ana"], blind=False)
        store.annotate(new_annotation(second, R, "ben"))
        assert [a.reviewer for a in store.annotations(second.id, viewer="ana")] == ["ben"]
    runner = CliRunner()
    done = runner.invoke(cli, ["assign", "--to", "cy,dee", "--db", db])
    assert done.exit_code == 0 and "2 claim(s)" in done.output
    assert runner.invoke(cli, ["assigned", "--reviewer", "cy", "--db", db]).output.split() == [first.id, second.id]


def test_queue_and_verdicts_by_others_filter_claims_as_the_cli_lists_them(db: str) -> None:
    text = "A 600 killed. B 45 killed. C 9 killed."
    first, second, third = figure_claims("d1", text)
    with open_store(db) as store:
        store.ingest([make_document("d1", text)], [first, second, third])
        store.assign([first.id, second.id], ["ana"], blind=False)
        store.assign([third.id], ["ana", "ben"])  # blind: ben's verdict is hidden from ana
        store.annotate(new_annotation(first, D, "ben"))
        store.annotate(new_annotation(second, D, "ana"))
        store.annotate(new_annotation(third, D, "ben"))
        queue = ClaimQuery(queue_of="ana")
        assert [c.id for c in store.claims(queue)] == store.assigned("ana") == [first.id, third.id]
        assert store.count_claims(queue) == 2
        by_others = ClaimQuery(verdict=D, verdict_not_by="ana")
        assert [c.id for c in store.claims(by_others)] == [first.id]
        assert store.count_claims(by_others) == 1
        assert store.count_claims(ClaimQuery(verdict=D, verdict_not_by="ben")) == 1
        store.annotate(new_annotation(third, A, "ana"))  # her own verdict lifts the blind
        assert store.claims(queue) == [first]
        assert store.count_claims(ClaimQuery(verdict_not_by="ben")) == 2  # ana's two verdicts
    listed = CliRunner().invoke(cli, ["list", "--db", db, "--format", "tsv", "--verdict", "disputed",
                                      "--verdict-not-by", "ana"])
    assert listed.exit_code == 0, listed.output
    assert first.id in listed.output and second.id not in listed.output
    queued = CliRunner().invoke(cli, ["list", "--db", db, "--format", "tsv", "--queue-of", "ana"])
    assert queued.exit_code == 0 and first.id in queued.output and third.id not in queued.output


def test_a_postgres_store_notifies_every_new_annotation(pg_url: str) -> None:
    import json as json_

    import psycopg

    from claims.store.pgschema import NOTIFY_CHANNEL

    text = "A 600 killed."
    (claim,) = figure_claims("d1", text)
    with psycopg.connect(pg_url, autocommit=True) as listener, open_store(pg_url) as store:
        store.ingest([make_document("d1", text)], [claim])
        listener.execute(f"LISTEN {NOTIFY_CHANNEL}")
        annotation = new_annotation(claim, D, "ana")
        store.annotate(annotation)
        (heard,) = list(listener.notifies(timeout=10, stop_after=1))
    payload = json_.loads(heard.payload)
    assert (payload["id"], payload["target_id"], payload["verdict"], payload["reviewer"]) == (
        annotation.id, claim.id, "disputed", "ana")
