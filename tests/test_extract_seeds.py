"""The seeds' claims, as the brief lists them: value, span quote and claimant, one by one."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extract import extract_document
from claims.model import Precision, ClaimantClass, HedgeKind, Kind, Qualifier
from claims.readers import read_path
from conftest import KALBAJAR, TERTER


@pytest.fixture(scope="module")
def terter():
    document = read_path(str(TERTER))
    return document, extract_document(document)


@pytest.fixture(scope="module")
def kalbajar():
    document = read_path(str(KALBAJAR))
    return document, extract_document(document)


def find(claims, quote, kind=None):
    hits = [c for c in claims if quote in c.span.quote and (kind is None or c.kind == kind)]
    assert hits, f"no claim quoting {quote!r}"
    return hits[0]


def test_spans_match_text_and_ids_are_unique(terter, kalbajar) -> None:
    for document, claims in (terter, kalbajar):
        assert len({c.id for c in claims}) == len(claims)
        assert [c.span.start for c in claims] == sorted(c.span.start for c in claims)
        for c in claims:
            assert document.text[c.span.start:c.span.end] == c.span.quote
            assert c.document == document.id and c.span.document == document.id
            assert c.rule


def test_terter_infobox(terter) -> None:
    _, claims = terter
    c = find(claims, "600 killed", Kind.CASUALTIES)
    assert (c.value.low, c.value.high, c.side.column) == (600, 600, 2)
    assert c.attribution.claimant is None and c.rule == "infobox.casualties"
    c = find(claims, "50,000 Azerbaijanis displaced", Kind.DISPLACED)
    assert c.value.low == 50000 and c.side.name == "Azerbaijan"
    c = find(claims, "April – May 1994", Kind.DATE)
    assert (c.value.earliest, c.value.latest) == (dt.date(1994, 4, 1), dt.date(1994, 5, 31))
    assert c.value.interval
    c = find(claims, "Armenian victory", Kind.RESULT)
    assert c.value.text == "Armenian victory"


def test_terter_commanders_and_units(terter) -> None:
    _, claims = terter
    commanders = [c for c in claims if c.kind == Kind.COMMANDER]
    assert len(commanders) == 8
    c = find(claims, "Elbrus OrudzhevKIA", Kind.COMMANDER)
    assert c.value.name == "Elbrus Orudzhev" and c.value.markers == ("KIA",) and c.side.column == 2
    c = find(claims, "701st motorized rifle brigade", Kind.UNIT)
    assert (c.value.number, c.value.echelon) == (701, "brigade")


def test_terter_prose_figures(terter) -> None:
    _, claims = terter
    c = find(claims, "Up to 2,000 servicemen", Kind.STRENGTH)
    assert (c.value.low, c.value.high, c.value.qualifier) == (None, 2000, Qualifier.AT_MOST)
    c = find(claims, "17 tanks", Kind.EQUIPMENT)
    assert c.value.low == 17


def test_terter_dates_from_context(terter) -> None:
    _, claims = terter
    c = find(claims, "the night of April 10", Kind.DATE)
    assert c.value.earliest == dt.date(1994, 4, 10) and c.value.year_inferred
    c = find(claims, "April 20, 1994", Kind.DATE)
    assert c.value.earliest == dt.date(1994, 4, 20)
    c = find(claims, "after 10 days", Kind.DATE)
    assert c.value.earliest == dt.date(1994, 4, 20)  # 10 + 10 = 20: consistent
    c = find(claims, "the next day", Kind.DATE)
    assert c.value.earliest == dt.date(1994, 4, 18)


def test_terter_attribution_and_inheritance(terter) -> None:
    _, claims = terter
    c = find(claims, "April 16", Kind.DATE)
    a = c.attribution
    assert (a.claimant, a.claimant_class, a.claimant_side, a.inherited) == (
        "the Azerbaijani side", ClaimantClass.BELLIGERENT, "Azerbaijan", False)
    c = find(claims, "April 17", Kind.DATE)
    assert c.attribution.claimant == "the Azerbaijani side" and c.attribution.inherited
    # the next paragraph does not inherit
    c = find(claims, "April 20, 1994", Kind.DATE)
    assert c.attribution.claimant is None


def test_terter_total_and_parts(terter) -> None:
    _, claims = terter
    # Captured equipment is equipment the other side lost (the corpus codes it so).
    total = find(claims, "28 armored vehicles were captured", Kind.EQUIPMENT)
    assert total.value.low == 28 and total.value.lost
    parts = [c for c in claims if c.part_of == total.id]
    assert [p.span.quote for p in parts] == ["8 tanks", "5 infantry fighting vehicles", "15 armored personnel carriers"]
    assert sum(p.value.low for p in parts) == 28
    assert all(p.rule == "prose.total_parts" for p in parts)


def test_terter_quotation_and_outcome(terter) -> None:
    _, claims = terter
    q = [c for c in claims if c.rule == "prose.quotation"]
    assert len(q) == 1 and q[0].attribution.claimant is None
    assert q[0].span.quote.startswith("“The capture of the city")
    e = find(claims, "the Armenian troops failed to achieve their goals", Kind.EVENT)
    assert e.side.name == "Armenia" and e.rule == "prose.outcome"


def test_kalbajar_infobox(kalbajar) -> None:
    _, claims = kalbajar
    killed = [c for c in claims if c.kind == Kind.CASUALTIES and c.rule == "infobox.casualties"]
    assert [(c.value.low, c.value.qualifier, c.side.column) for c in killed] == [
        (4000, Qualifier.APPROX, 1), (2000, Qualifier.APPROX, 2)]
    c = find(claims, "3,500 servicemen (December 1993)", Kind.STRENGTH)
    assert c.value.as_of.earliest == dt.date(1993, 12, 1) and not c.value.increment
    c = find(claims, "+2,000 servicemen (February 1994)", Kind.STRENGTH)
    assert c.value.increment and c.value.low == 2000 and c.value.as_of.earliest == dt.date(1994, 2, 1)
    c = find(claims, "Russian volunteers")
    assert [h.kind for h in c.hedges] == [HedgeKind.ALLEGED]


def test_kalbajar_prose(kalbajar) -> None:
    _, claims = kalbajar
    c = find(claims, "over three thousand soldiers", Kind.STRENGTH)
    assert (c.value.low, c.value.high, c.value.qualifier) == (3000, None, Qualifier.AT_LEAST)
    assert c.side.name == "Azerbaijan"
    u = find(claims, "701st Kalbajar Motorised Infantry Division", Kind.UNIT)
    assert (u.value.number, u.value.echelon) == (701, "division")
    c = find(claims, "more than six thousand servicemen were killed", Kind.CASUALTIES)
    assert (c.value.low, c.value.high, c.value.qualifier) == (6000, None, Qualifier.AT_LEAST)
    assert c.side.column is None and c.side.name is None
    a = c.attribution
    assert (a.claimant, a.claimant_class) == ("British journalist Thomas de Waal", ClaimantClass.JOURNALIST)


def test_kalbajar_dates(kalbajar) -> None:
    _, claims = kalbajar
    assert find(claims, "15 December", Kind.DATE).value.earliest == dt.date(1993, 12, 15)
    assert find(claims, "20 February", Kind.DATE).value.earliest == dt.date(1994, 2, 20)
    mid = find(claims, "mid-January 1994", Kind.DATE).value
    # Certainly in January; the precision says only part of it is meant.
    assert (mid.earliest, mid.latest) == (dt.date(1994, 1, 1), dt.date(1994, 1, 31))
    assert mid.precision is Precision.PART_OF_MONTH
    late = find(claims, "late 1993", Kind.DATE).value
    assert (late.earliest, late.latest) == (dt.date(1993, 9, 1), dt.date(1993, 12, 31))
