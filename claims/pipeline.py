"""The pipeline as one call: paths -> documents -> claims (-> conflicts), collecting input errors."""

from __future__ import annotations

import os
from collections.abc import Sequence

import attrs
from attrs import frozen

from claims.errors import InputError
from claims.model import Claim, Document, DocumentFormat
from claims.readers import iter_document_paths, read_path


@frozen
class Loaded:
    documents: list[Document]
    claims: list[Claim]
    errors: list[InputError]


def read_paths(
    paths: Sequence[str], format: DocumentFormat | None = None, encoding: str = "utf-8"
) -> tuple[list[Document], list[InputError]]:
    """Read every file under ``paths``; unreadable ones become errors instead of stopping the run.

    Two files with the same name get ids made unique by their folder.
    """
    files, errors = iter_document_paths(list(paths))
    documents: list[Document] = []
    seen: set[str] = set()
    for name in files:
        try:
            document = read_path(name, format=format, encoding=encoding)
        except InputError as exc:
            errors.append(exc)
            continue
        if document.id in seen:
            document = attrs.evolve(document, id=os.path.normpath(name).replace("\\", "/"))
        seen.add(document.id)
        documents.append(document)
    return documents, errors


def extract_all(documents: Sequence[Document]) -> list[Claim]:
    from claims.extract import extract_document

    claims: list[Claim] = []
    for document in documents:
        claims.extend(extract_document(document))
    return claims


def load_paths(
    paths: Sequence[str], format: DocumentFormat | None = None, encoding: str = "utf-8"
) -> Loaded:
    """Read and extract; claims carry a first confidence assessment (no reconciliation)."""
    documents, errors = read_paths(paths, format, encoding)
    return Loaded(documents=documents, claims=extract_all(documents), errors=errors)
