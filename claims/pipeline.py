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
    claims, _ = extract_with_problems(documents)
    return claims


def extract_with_problems(documents: Sequence[Document]) -> tuple[list[Claim], list[Document]]:
    """Claims of every document, and the documents with what extraction found odd (a date
    that cannot exist) added to their problems."""
    from claims.extract import extract_document

    claims: list[Claim] = []
    out: list[Document] = []
    for document in documents:
        problems: list = []
        claims.extend(extract_document(document, problems))
        out.append(attrs.evolve(document, problems=document.problems + tuple(problems)) if problems else document)
    return claims, out


def load_paths(
    paths: Sequence[str], format: DocumentFormat | None = None, encoding: str = "utf-8"
) -> Loaded:
    """Read and extract; claims carry a first confidence assessment (no reconciliation)."""
    documents, errors = read_paths(paths, format, encoding)
    claims, documents = extract_with_problems(documents)
    return Loaded(documents=documents, claims=claims, errors=errors)
