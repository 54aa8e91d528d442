"""The `claims/1` JSON contract: how documents and claims look to other tools.

Internally a claim names its document by id (the file name, stable across working
directories); in the JSON contract `document` is the path as given, so records are built here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from claims.convert import to_data
from claims.model import Claim, Document

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


def claim_records(claims: Iterable[Claim], paths: Mapping[str, str]) -> list[dict[str, Any]]:
    return [claim_record(c, paths) for c in claims]


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


def paths_of(documents: Iterable[Any]) -> dict[str, str]:
    """Document id -> path, from Documents or the store's DocumentInfo rows."""
    return {d.id: d.path for d in documents}
