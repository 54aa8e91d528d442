"""Hand-built claims over the two seed documents, for the reconciler, confidence and report tests.

The documents are read by the project's readers; the claims are built here by quote, so these
tests do not depend on the extractor.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from claims.model import (
    Attribution,
    Category,
    Claim,
    ClaimantClass,
    Document,
    DocumentFormat,
    Hedge,
    HedgeKind,
    Kind,
    Person,
    Population,
    Precision,
    Qualifier,
    Quantity,
    Side,
    Span,
    TextValue,
    UncertainDate,
    Unit,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def read_seed(name: str) -> Document:
    from claims.readers import read_path

    return read_path(str(SEEDS / name))


def span_of(doc: Document, quote: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(quote, start + 1)
    end = start + len(quote)
    line = doc.text.count("\n", 0, start) + 1
    col = start - (doc.text.rfind("\n", 0, start) + 1) + 1
    return Span(document=doc.id, start=start, end=end, quote=quote,
                prefix=doc.text[max(0, start - 32):start], suffix=doc.text[end:end + 32], line=line, column=col)


def claim(doc: Document, quote: str, kind: Kind, value, *, column=None, side_name=None, field=None,
          section=None, claimant=None, claimant_class=ClaimantClass.NONE, claimant_side=None,
          hedges=(), part_of=None, nth=0, subject=None, inherited=False) -> Claim:
    return Claim.create(
        document=doc.id, kind=kind, subject=subject or doc.title,
        side=Side(column=column, name=side_name), value=value, span=span_of(doc, quote, nth),
        attribution=Attribution(document=doc.id, claimant=claimant, claimant_class=claimant_class,
                                claimant_side=claimant_side, inherited=inherited),
        rule="test", hedges=tuple(hedges), section=section, part_of=part_of, field=field,
    )


def q(low, high=None, qualifier=Qualifier.EXACT, category=Category.KILLED, population=Population.UNKNOWN,
      as_of=None, increment=False) -> Quantity:
    if high is None and qualifier in (Qualifier.EXACT, Qualifier.APPROX):
        high = low
    if qualifier is Qualifier.AT_MOST:
        low, high = None, low
    return Quantity(low=low, high=high, qualifier=qualifier, category=category, population=population,
                    as_of=as_of, increment=increment)


def day(y, m, d, text, inferred=False) -> UncertainDate:
    return UncertainDate(dt.date(y, m, d), dt.date(y, m, d), Precision.DAY, text, year_inferred=inferred)


def kalbajar() -> tuple[Document, list[Claim]]:
    doc = read_seed("operation-kalbajar.txt")
    az = "Azerbaijan"
    claims = [
        claim(doc, "3,500 servicemen", Kind.STRENGTH,
              q(3500, category=Category.TROOPS, population=Population.MILITARY,
                as_of=UncertainDate(dt.date(1993, 12, 1), dt.date(1993, 12, 31), Precision.MONTH, "December 1993")),
              column=1, field="Strength1"),
        claim(doc, "+2,000 servicemen", Kind.STRENGTH,
              q(2000, category=Category.TROOPS, population=Population.MILITARY, increment=True,
                as_of=UncertainDate(dt.date(1994, 2, 1), dt.date(1994, 2, 28), Precision.MONTH, "February 1994")),
              column=2, field="Strength2"),
        claim(doc, "~4,000 servicemen killed", Kind.CASUALTIES,
              q(4000, qualifier=Qualifier.APPROX, population=Population.MILITARY), column=1, field="Casualties1"),
        claim(doc, "~2,000 servicemen killed", Kind.CASUALTIES,
              q(2000, qualifier=Qualifier.APPROX, population=Population.MILITARY), column=2, field="Casualties2"),
        claim(doc, "over three thousand soldiers", Kind.STRENGTH,
              q(3000, None, Qualifier.AT_LEAST, Category.TROOPS, Population.MILITARY), side_name=az),
        claim(doc, "more than six thousand servicemen were killed", Kind.CASUALTIES,
              q(6000, None, Qualifier.AT_LEAST, population=Population.MILITARY),
              claimant="British journalist Thomas de Waal", claimant_class=ClaimantClass.JOURNALIST),
        claim(doc, "701st Kalbajar Motorised Infantry Division", Kind.UNIT,
              Unit("701st Kalbajar Motorised Infantry Division", 701, "division"), side_name=az),
        claim(doc, "15 December", Kind.DATE, day(1993, 12, 15, "15 December", inferred=True)),
        claim(doc, "Alleged: Russian volunteers", Kind.OTHER, TextValue("Russian volunteers"),
              column=2, hedges=(Hedge(HedgeKind.ALLEGED, "Alleged:"),)),
    ]
    return doc, claims


def terter() -> tuple[Document, list[Claim]]:
    doc = read_seed("terter-operation.txt")
    total = claim(doc, "28 armored vehicles", Kind.CAPTURED, q(28, category=Category.ARMOURED_VEHICLES),
                  side_name="Azerbaijani", section="Battle")
    claims = [
        claim(doc, "April – May 1994", Kind.DATE,
              UncertainDate(dt.date(1994, 4, 1), dt.date(1994, 5, 31), Precision.MONTH, "April – May 1994", interval=True),
              field="Date"),
        claim(doc, "Armenian victory", Kind.RESULT, TextValue("Armenian victory"), field="Result"),
        claim(doc, "600 killed", Kind.CASUALTIES, q(600), column=2, field="Casualties2"),
        claim(doc, "50,000 Azerbaijanis displaced", Kind.DISPLACED,
              q(50000, category=Category.DISPLACED, population=Population.CIVILIAN), column=3, field="Casualties3"),
        claim(doc, "Elbrus OrudzhevKIA", Kind.COMMANDER, Person("Elbrus Orudzhev", ("KIA",)), column=2, field="Commander2"),
        claim(doc, "701st motorized rifle brigade", Kind.UNIT, Unit("701st motorized rifle brigade", 701, "brigade"),
              column=2, field="Strength2"),
        claim(doc, "April 10", Kind.DATE, day(1994, 4, 10, "April 10", inferred=True), section="Battle"),
        claim(doc, "Up to 2,000 servicemen", Kind.STRENGTH,
              q(2000, qualifier=Qualifier.AT_MOST, category=Category.TROOPS, population=Population.MILITARY),
              side_name="Armenian", section="Battle"),
        claim(doc, "17 tanks", Kind.EQUIPMENT, q(17, category=Category.TANKS), side_name="Armenian", section="Battle"),
        claim(doc, "April 16", Kind.DATE, day(1994, 4, 16, "April 16", inferred=True), section="Battle",
              claimant="the Azerbaijani side", claimant_class=ClaimantClass.BELLIGERENT, claimant_side="Azerbaijan"),
        claim(doc, "April 20, 1994", Kind.DATE, day(1994, 4, 20, "April 20, 1994"), section="Battle"),
        total,
        claim(doc, "8 tanks", Kind.CAPTURED, q(8, category=Category.TANKS), side_name="Azerbaijani",
              section="Battle", part_of=total.id),
        claim(doc, "5 infantry fighting vehicles", Kind.CAPTURED, q(5, category=Category.ARMOURED_VEHICLES),
              side_name="Azerbaijani", section="Battle", part_of=total.id),
        claim(doc, "15 armored personnel carriers", Kind.CAPTURED, q(15, category=Category.ARMOURED_VEHICLES),
              side_name="Azerbaijani", section="Battle", part_of=total.id),
    ]
    return doc, claims


def seeds() -> tuple[list[Document], list[Claim]]:
    dk, ck = kalbajar()
    dt_, ct = terter()
    return [dk, dt_], ck + ct


def test_fixtures_build() -> None:
    docs, claims = seeds()
    assert len(docs) == 2 and len(claims) > 20


def make_doc(doc_id: str, title: str, text: str, *, belligerents=(), infobox=(), sections=()) -> Document:
    """A document built in a test, without a reader."""
    return Document(id=doc_id, path=doc_id, title=title, format=DocumentFormat.TEXT, text=text, sha256="",
                    belligerents=tuple(belligerents), infobox=tuple(infobox), sections=tuple(sections))
