"""Claim extraction: infobox fields and prose become attributed claims with exact spans.

``extract_document`` is the one entry point the pipeline uses; ``extract_infobox`` and
``extract_prose`` are its two halves. Every claim names the rule that produced it
(``infobox.casualties``, ``prose.figure``, ``prose.date``, ...), see ``RULES``.
"""

from __future__ import annotations

from claims.extract.echo import echo_sides
from claims.extract.infobox import extract_infobox
from claims.extract.references import cite_footnotes
from claims.model import Claim, Document, Problem

__all__ = ["extract_document", "extract_infobox", "extract_prose", "RULES"]


def extract_prose(document: Document, problems: list[Problem] | None = None) -> list[Claim]:
    from claims.extract.prose import extract_prose as _extract_prose

    return _extract_prose(document, problems)


def extract_document(document: Document, problems: list[Problem] | None = None) -> list[Claim]:
    """Infobox and prose claims, sorted by span start, ids unique. What the text states that
    cannot be (`31 February 1994`) is appended to ``problems`` as a warning with its line."""
    seen: set[str] = set()
    out: list[Claim] = []
    for claim in extract_infobox(document) + extract_prose(document, problems):
        if claim.id in seen:
            continue
        seen.add(claim.id)
        out.append(claim)
    out.sort(key=lambda c: (c.span.start, c.span.end, c.kind.value))
    out = echo_sides(out)
    if not document.references:
        # Footnote markers a page kept (`[12]`) are all it has of its citations.
        out = cite_footnotes(document, out)
    return out


RULES: dict[str, str] = {
    "infobox.date": "The infobox Date field: the event's date range.",
    "infobox.result": "The infobox Result field, as stated.",
    "infobox.territory": "The infobox Territory field, as stated.",
    "infobox.commander": "One commander of a side, with markers (KIA, †, WIA) split off.",
    "infobox.strength": "A figure in a side's Strength field (troops, units, equipment).",
    "infobox.casualties": "A figure in a side's Casualties field (killed, wounded, captured, displaced, equipment lost); a note closing the list covers it (inherited).",
    "infobox.displaced": "A figure in a Displaced field.",
    "infobox.units": "A figure in a Units field.",
    "infobox.unit": "A unit named in a Strength or Units field (number and echelon).",
    "infobox.belligerent": "A belligerent entry, kept so a hedge on it (`Alleged:`) is seen.",
    "prose.figure": "A figure in the prose with what it counts (casualties, strength, equipment, ...).",
    "prose.total_parts": "A part of a list that follows a total (`28 ... - 8 tanks, 5 IFVs, 15 APCs`); part_of is the total.",
    "prose.date": "A date in the prose; a year left out is taken from context.",
    "prose.relative_date": "`the next day`, `after 10 days`: resolved against the previous date or the start.",
    "prose.unit": "A numbered unit mentioned in the prose (`701st ... Division`).",
    "prose.outcome": "A decisive outcome clause that names its side (`the Armenian troops failed to achieve their goals`, `withdrew`, `victory for X`), to compare with the Result.",
    "prose.quotation": "A quoted statement; attribution claimant None when no speaker is named.",
}
