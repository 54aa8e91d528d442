"""Figures in an infobox value (or any short text) as the infobox extraction reads them.

A thin layer over ``figures.read_figures``, the one figure engine: it adds what a field says
that the words do not. In a `Strength` field a bare number counts troops; in a `Casualties`
field it counts losses and any equipment in it is lost; `Killed: 169` names its category in a
label. A note in brackets after a figure gives its as-of date, an estimate mark or its claimant
(`6,000 (CRI claim)`, `3,500 servicemen (December 1993)`); `according to X` after it names X.
Census shares (`31,445 Serbs (37.4%)`) describe a population, not the event, and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extract.figures import EQUIPMENT, LOSSES, kind_for, read_figures
from claims.model import Category, Hedge, HedgeKind, Kind, Population, Qualifier, UncertainDate

__all__ = ["EQUIPMENT", "FoundQuantity", "LOSSES", "find_quantities", "kind_for"]


@dataclass(frozen=True)
class FoundQuantity:
    """A figure found in a field: its span, value and what sits right beside it."""

    start: int
    end: int
    low: int | None
    high: int | None
    qualifier: Qualifier
    category: Category | None
    population: Population
    kind: Kind | None
    noun: str | None = None
    as_of: UncertainDate | None = None
    increment: bool = False
    claimant: str | None = None
    claimant_start: int | None = None
    hedges: tuple[Hedge, ...] = ()
    spelled: bool = False
    body_end: int | None = None
    """End of the figure itself, before a trailing note (`(December 1993)`, `according to X`):
    the side a figure is about is read from here only."""
    bare: bool = False
    """No noun, predicate or label says what the figure counts (`2,500 (Russian data)`)."""
    lost: bool = False
    vague: bool = False
    party_mentions: tuple[tuple[int, int, str], ...] = ()


_ACCORDING_AFTER = re.compile(r"\s*,?\s*according\s+to\s+(?P<who>[^,.;:()\[\]|\n]{2,60}?)(?=\s*(?:[,.;:()\[\]|\n]|$))", re.I)
_PERCENT_SHARE = re.compile(r"\s*\(\s*\d+(?:\.\d+)?\s*%\s*\)")


def find_quantities(
    text: str,
    lo: int = 0,
    hi: int | None = None,
    *,
    field_key: str | None = None,
    excluded: list[tuple[int, int]] | None = None,
    default_year: int | None = None,
) -> list[FoundQuantity]:
    """Every figure between ``lo`` and ``hi``; ``field_key`` is the infobox key (`Strength`,
    `Casualties`) when the text is an infobox value, None for prose. ``excluded`` are spans
    (dates) whose numbers are not figures."""
    from claims.extract.attribution import is_unnamed

    hi = len(text) if hi is None else hi
    if excluded is None:
        from claims.extract.dates import DateContext, find_dates, year_mentions

        ctx = DateContext(default_year=default_year or 2000, year_mentions=year_mentions(text, lo, hi))
        excluded = [(f.start, f.end) for f in find_dates(text, lo, hi, ctx) if not f.relative]
    out: list[FoundQuantity] = []
    for f in read_figures(text, lo, hi, excluded=excluded, field=field_key is not None, default_year=default_year):
        category = f.category
        bare = f.noun_group is None and f.predicate is None
        unsettled = category is None or (f.noun_group == "people" and f.predicate is None)
        if unsettled:
            if field_key == "Strength" and f.noun_group in (None, "people"):
                category = Category.TROOPS
            elif field_key == "Casualties" and f.noun_group in (None, "people"):
                category = Category.CASUALTIES
            elif category is None:
                if field_key is None and f.qualifier is Qualifier.EXACT:
                    continue  # a bare number in prose says nothing checkable
                category = Category.OTHER
        lost = f.lost or (field_key == "Casualties" and category in EQUIPMENT)
        kind = kind_for(category, lost)
        if kind is Kind.OTHER and (f.spelled or _PERCENT_SHARE.match(text, f.np_end, hi)):
            continue
        hedges: list[Hedge] = []
        if f.note_hedge is not None:
            hedges.append(Hedge(HedgeKind(f.note_hedge), text[f.np_end:f.end].strip(" ()"), f.np_end, f.end))
        if text[f.start:f.number_start].strip().lower().startswith(("an estimated", "estimated", "est.")):
            hedges.append(Hedge(HedgeKind.ESTIMATED, text[f.start:f.number_start].strip(), f.start, f.number_start))
        claimant = claimant_start = None
        end = f.end
        if f.note_claimant is not None:
            claimant_start = f.note_claimant[0]
            claimant = text[f.note_claimant[0]:f.note_claimant[1]]
        else:
            am = _ACCORDING_AFTER.match(text, f.end, hi)
            if am is not None:
                who = am.group("who").strip()
                end = am.start("who") + len(who)
                if is_unnamed(who):
                    hedges.append(Hedge(HedgeKind.UNNAMED_SOURCE, who, am.start("who"), end))
                else:
                    claimant, claimant_start = who, am.start("who")
        body_end = f.np_end if (f.note_claimant is not None or f.note_hedge or f.as_of is not None) else f.end
        body_end = min(body_end, f.end)
        if f.note_claimant is not None or f.as_of is not None or f.note_hedge:
            # The note's opening bracket is not part of the figure's own words.
            paren = text.rfind("(", f.start, f.end)
            if paren > f.start:
                body_end = min(body_end, paren)
        out.append(FoundQuantity(
            start=f.start, end=end, low=f.low, high=f.high, qualifier=f.qualifier, category=category,
            population=f.population, kind=kind, noun=f.noun, as_of=f.as_of, increment=f.increment,
            claimant=claimant, claimant_start=claimant_start, hedges=tuple(hedges), spelled=f.spelled,
            body_end=body_end, bare=bare, lost=lost, vague=f.vague, party_mentions=f.party_mentions,
        ))
    return out
