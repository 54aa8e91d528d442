"""The `claims/1` JSON contract: how documents and claims look to other tools.

Internally a claim names its document by id (the file name, stable across working
directories); in the JSON contract `document` is the path as given, so records are built here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from claims.convert import orjson_default, to_data
from claims.model import Claim, Document
from claims.textmap import source_map

SCHEMA = "claims/1"


def document_record(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "path": document.path,
        "title": document.title,
        "format": document.format.value,
        "sha256": document.sha256,
        "belligerents": list(document.belligerents),
        "infobox": [to_data(f) for f in document.infobox],
        "sections": [to_data(s) for s in document.sections],
        "problems": [to_data(p) for p in document.problems],
        "references": [to_data(r) for r in document.references],
    }


def claim_record(claim: Claim, paths: Mapping[str, str]) -> dict[str, Any]:
    """The claim's data with `document` as the path the document was read from."""
    data = to_data(claim)
    data["document"] = paths.get(claim.span.document, claim.document)
    data["document_id"] = claim.span.document
    return data


def in_page_source(record: dict[str, Any], claim: Claim, document: Document | None) -> dict[str, Any]:
    """A web page's claim with its offsets into the page's HTML, as a reader of the file given
    counts them (`span.start`/`end`, the attribution's `source_span`/`content_span`); the
    offsets into the text read from the page stay as `span.text_start`/`text_end`. Other
    documents' text is their file's, so their records are returned as they are."""
    found = None if document is None else source_map(document)
    if found is None:
        return record

    def mapped(start: int, end: int) -> list[int] | None:
        first = found.position(start)
        last = found.position(max(start, end - 1))
        if first is None or last is None:
            return None
        return [first[0], max(first[0], last[0] + (end > start))]

    span = to_data(claim.span)
    where = mapped(claim.span.start, claim.span.end)
    if where is not None:
        span["text_start"], span["text_end"] = span["start"], span["end"]
        span["start"], span["end"] = where
    attribution = to_data(claim.attribution)
    for key in ("source_span", "content_span"):
        if attribution.get(key):
            attribution[key] = mapped(*attribution[key]) or attribution[key]
    return {**record, "span": span, "attribution": attribution}


def claim_records(claims: Iterable[Claim], paths: Mapping[str, str]) -> list[dict[str, Any]]:
    return [claim_record(c, paths) for c in claims]


def claim_json_record(claim: Claim, paths: Mapping[str, str]) -> dict[str, Any]:
    """:func:`claim_record` for :func:`json_pieces`: the same keys, with the enums, dates,
    tuples and sets inside left for orjson, which writes them as ``to_data`` makes them (a
    dict display compiled once per class: about a third of the converter's time)."""
    data = orjson_default(claim)
    data["document"] = paths.get(claim.span.document, claim.document)
    data["document_id"] = claim.span.document
    return data


def json_text(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, encoded by orjson (about ten times
    faster: the stdlib encoder falls back to pure Python once ``indent`` is given).

    The text is the same but for floats written in exponent form: orjson writes ``1e-5`` and
    ``1e16`` where Python writes ``1e-05`` and ``1e+16`` (the same numbers). Data orjson does
    not take (an integer beyond 64 bits, a lone surrogate, a key that is not a string) goes
    through ``json`` as before. Callers that print it still pass it through ``json_printable``.
    """
    import orjson

    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(data, ensure_ascii=False, indent=2)


BATCH = 1000
"""List items :func:`json_pieces` encodes at a time (a thousand claims: about 2 MB of JSON)."""


def json_pieces(head: Mapping[str, Any], lists: Mapping[str, Iterable[Any]], batch: int = BATCH) -> Iterator[str]:
    """The text of ``json_text({**head, **lists})`` in pieces: each list ``batch`` items at a
    time, so neither the whole text nor every item's data is ever held (``lists`` may be lazy).

    Items may hold model objects, written as ``to_data`` makes them. A batch orjson does not
    take goes through ``json`` as in :func:`json_text`, that batch alone.
    """
    import orjson

    def member(value: Any) -> str:
        # Written as inside the top-level object: every line after the first two spaces in.
        try:
            encoded = orjson.dumps(value, default=orjson_default, option=orjson.OPT_INDENT_2)
        except (TypeError, orjson.JSONEncodeError):
            return json.dumps(value, ensure_ascii=False, indent=2, default=to_data).replace("\n", "\n  ")
        return encoded.replace(b"\n", b"\n  ").decode("utf-8")  # on bytes: a third of the time on a str

    if not head and not lists:
        yield "{}"
        return
    lead = "{\n  "
    for key, value in head.items():
        yield f"{lead}{member(key)}: {member(value)}"
        lead = ",\n  "
    for key, items in lists.items():
        yield f"{lead}{member(key)}: ["
        lead = ",\n  "
        rest, comma = iter(items), ""
        while chunk := list(islice(rest, batch)):
            # `[\n    {..},\n    {..}\n  ]` without its brackets: the items at their depth.
            yield comma + member(chunk)[1:-4]
            comma = ","
        yield "\n  ]" if comma else "]"
    yield "\n}"


def paths_of(documents: Iterable[Any]) -> dict[str, str]:
    """Document id -> path, from Documents or the store's DocumentInfo rows."""
    return {d.id: d.path for d in documents}
