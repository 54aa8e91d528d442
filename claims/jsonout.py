"""The `claims/1` JSON contract: how documents and claims look to other tools.

Internally a claim names its document by id (the file name, stable across working
directories); in the JSON contract `document` is the path as given, so records are built here.
"""

from __future__ import annotations

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


def paths_of(documents: Iterable[Any]) -> dict[str, str]:
    """Document id -> path, from Documents or the store's DocumentInfo rows."""
    return {d.id: d.path for d in documents}
