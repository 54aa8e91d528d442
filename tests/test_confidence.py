"""Confidence: two axes (source reliability, information credibility), reasons, overrides."""

from __future__ import annotations

import datetime as dt

from claims.confidence import assess
from claims.model import Annotation, ClaimantClass, Hedge, HedgeKind, Kind, TargetKind, Verdict
from claims.reconcile import reconcile
from test_reconcile_fixtures import claim, make_doc, q, seeds

TEXT = "Losses: 1,000 (scholar) | 1,000 (journalist) | 1,000 (copy) | 5,000 (enemy claim) | 1,000 reportedly\n"


SOURCE = "\nSource: https://en.wikipedia.org/wiki/Battle_of_Foo\n"


def setup():
    # `a` and `b` give one source page (a copy); `c` shares their wording but not their lineage.
    d = make_doc("a", "Battle of Foo", TEXT + SOURCE, belligerents=("Northland", "Southland"))
    copy = make_doc("b", "Battle of Foo", TEXT + SOURCE, belligerents=("Northland", "Southland"))
    other = make_doc("c", "Battle of Foo", TEXT, belligerents=("Northland", "Southland"))
    scholar = claim(d, "1,000 (scholar)", Kind.CASUALTIES, q(1000), column=1, claimant="Prof. X",
                    claimant_class=ClaimantClass.SCHOLAR)
    copied = claim(copy, "1,000 (scholar)", Kind.CASUALTIES, q(1000), column=1, claimant="Prof. X",
                   claimant_class=ClaimantClass.SCHOLAR)
    journalist = claim(other, "1,000 (journalist)", Kind.CASUALTIES, q(1000), column=1, claimant="J. Doe",
                       claimant_class=ClaimantClass.JOURNALIST)
    enemy = claim(d, "5,000 (enemy claim)", Kind.CASUALTIES, q(5000), column=1, claimant="the Southland side",
                  claimant_class=ClaimantClass.BELLIGERENT, claimant_side="Southland")
    hedged = claim(d, "1,000 reportedly", Kind.CASUALTIES, q(1000), column=1,
                   hedges=(Hedge(HedgeKind.REPORTED, "reportedly"),))
    return [d, copy, other], [scholar, copied, journalist, enemy, hedged]


def assessed():
    docs, claims = setup()
    conflicts = reconcile(docs, claims)
    return {c.span.quote + c.document: c for c in assess(claims, conflicts, documents=docs)}, conflicts


def test_reliability_by_claimant_class() -> None:
    out, _ = assessed()
    assert out["1,000 (scholar)a"].confidence.reliability == "B"
    assert out["1,000 (journalist)c"].confidence.reliability == "C"
    assert out["5,000 (enemy claim)a"].confidence.reliability == "E"
    assert out["1,000 reportedlya"].confidence.reliability == "F"


def test_copies_are_one_source() -> None:
    out, _ = assessed()
    scholar = out["1,000 (scholar)a"].confidence
    # Agrees with the journalist (independent) and the hedged doc-voice figure, but not with its own copy.
    assert scholar.credibility == 2  # corroborated twice, but contested by the enemy's figure
    assert any("independent sources" in r for r in scholar.reasons)
    journalist = out["1,000 (journalist)c"].confidence
    assert "2 independent" in " ".join(journalist.reasons)  # the scholar (one source in two copies) + doc voice


def test_conflict_and_hedges_lower_credibility() -> None:
    out, conflicts = assessed()
    assert conflicts
    enemy = out["5,000 (enemy claim)a"].confidence
    assert enemy.credibility >= 4 and any("conflict" in r for r in enemy.reasons)
    hedged = out["1,000 reportedlya"].confidence
    assert any("hedges" in r for r in hedged.reasons)
    assert enemy.grade == f"{enemy.reliability}{enemy.credibility}"
    assert all(r.endswith(".") for c in out.values() for r in c.confidence.reasons)


def test_reviewer_override_wins() -> None:
    docs, claims = setup()
    target = claims[3]
    when = dt.datetime(2024, 1, 1, 12, 0)
    first = Annotation(id="a1", target_kind=TargetKind.CLAIM, target_id=target.id, verdict=Verdict.CONFIDENCE,
                       reviewer="ana", created_at=when, confidence_override=0.9, override_reason="confirmed by archive")
    later = Annotation(id="a2", target_kind=TargetKind.CLAIM, target_id=target.id, verdict=Verdict.CONFIDENCE,
                       reviewer="bo", created_at=when + dt.timedelta(hours=1), confidence_override=0.1)
    undo = Annotation(id="a3", target_kind=TargetKind.CLAIM, target_id=target.id, verdict=Verdict.RETRACTED,
                      reviewer="bo", created_at=when + dt.timedelta(hours=2), retracts="a2")
    out = {c.id: c for c in assess(claims, [], [first, later, undo], documents=docs)}
    conf = out[target.id].confidence
    assert conf.overridden and conf.score == 0.9 and "ana" in conf.reasons[0] and "archive" in conf.reasons[0]
    assert not out[claims[0].id].confidence.overridden


def test_seed_claims_are_all_assessed() -> None:
    docs, claims = seeds()
    out = assess(claims, reconcile(docs, claims), documents=docs)
    assert [c.id for c in out] == [c.id for c in claims]
    assert all(c.confidence.reasons and c.confidence.grade[0] in "ABCDEF" for c in out)
    waal = next(c for c in out if c.attribution.claimant and "de Waal" in c.attribution.claimant)
    assert waal.confidence.reliability == "C"
