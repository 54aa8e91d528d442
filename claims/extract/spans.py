"""Spans and claims built the one way the contract wants: offsets into ``Document.text``."""

from __future__ import annotations

from bisect import bisect_right
from hashlib import sha1

from claims.model import Attribution, Claim, Document, Hedge, Kind, Side, Span, Value
from claims.textmap import CONTEXT, LineMap, source_map, strip_range

_LINE_MAPS: dict[int, tuple[str, LineMap]] = {}


def _lines(document: Document) -> LineMap:
    key = id(document.text)
    hit = _LINE_MAPS.get(key)
    if hit is None or hit[0] is not document.text:
        if len(_LINE_MAPS) > 64:
            _LINE_MAPS.clear()
        hit = (document.text, LineMap(document.text))
        _LINE_MAPS[key] = hit
    return hit[1]


def _source_line(document: Document, start: int) -> tuple[int, int]:
    """A web page's claim is found by its line and column in the HTML a reader opens, not in
    the text read out of it (which is no file)."""
    found = source_map(document)
    position = None if found is None else found.position(start)
    if position is None:
        return _lines(document).position(start)
    return position[1], position[2]


def trim(text: str, start: int, end: int, chars: str = " \t\r\n,;|.") -> tuple[int, int]:
    """``strip_range`` that by default also drops the separators around an infobox item."""
    return strip_range(text, start, end, chars)


def build_claim(
    document: Document,
    *,
    kind: Kind,
    subject: str,
    side: Side,
    value: Value,
    start: int,
    end: int,
    attribution: Attribution,
    rule: str,
    hedges: tuple[Hedge, ...] = (),
    section: str | None = None,
    part_of: str | None = None,
    field: str | None = None,
    negated: bool = False,
) -> Claim:
    # What Claim.create and textmap.span_in do, without the intermediate calls (this runs per claim):
    # the id is claims.model.claim_id(document, start, end, kind), the line and column come
    # from one bisect over the document's cached line starts.
    text = document.text
    doc_id = document.id
    if document.provenance is None:
        starts = _lines(document).starts
        row = bisect_right(starts, start) - 1
        line, column = row + 1, start - starts[row] + 1
    else:
        line, column = _source_line(document, start)
    span = Span(
        document=doc_id, start=start, end=end, quote=text[start:end],
        prefix=text[max(0, start - CONTEXT):start], suffix=text[end:end + CONTEXT],
        line=line, column=column,
    )
    digest = sha1(f"{doc_id}\x1f{start}\x1f{end}\x1f{kind.value}".encode("utf-8")).hexdigest()
    return Claim(
        id=f"c_{digest[:12]}", document=doc_id, kind=kind, subject=subject, side=side, value=value,
        span=span, attribution=attribution, rule=rule, hedges=hedges, section=section,
        part_of=part_of, field=field, negated=negated,
    )
