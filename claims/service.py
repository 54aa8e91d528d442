"""Operations on a store that several front ends share (CLI, TUI): ingest, open, derive."""

from __future__ import annotations

import os
from collections.abc import Sequence

from claims.model import Annotation, Claim, Conflict, Document
from claims.store.base import IngestSummary, Store, StoreError


def open_existing_store(path: str) -> Store:
    """Open a store that must already exist (for read commands)."""
    from claims.store import open_store

    if not os.path.exists(path):
        raise StoreError(f"{path}: no such store; run `claims ingest PATH... --db {path}` first")
    return open_store(path)


def derive(
    documents: Sequence[Document], claims: Sequence[Claim], annotations: Sequence[Annotation] = ()
) -> tuple[list[Claim], list[Conflict]]:
    """Reconcile the claims and grade their confidence (reviewer overrides win)."""
    from claims.confidence import assess
    from claims.reconcile import reconcile

    conflicts = reconcile(list(documents), list(claims))
    return assess(list(claims), conflicts, list(annotations)), conflicts


def ingest_documents(db_path: str, documents: Sequence[Document], claims: Sequence[Claim]) -> IngestSummary:
    """Store new documents and re-derive conflicts and confidence across the whole store.

    Conflicts span documents (two versions of one article), so every ingest reconciles the
    new claims with those already stored, in one transaction.
    """
    from claims.store import open_store

    store = open_store(db_path)
    try:
        new_ids = {d.id for d in documents}
        others = [store.document(info.id) for info in store.documents() if info.id not in new_ids]
        other_documents = [d for d in others if d is not None]
        other_claims = [c for d in other_documents for c in store.claims(_by_document(d.id))]
        all_documents = list(documents) + other_documents
        assessed, conflicts = derive(all_documents, list(claims) + other_claims, store.annotations())
        summary = store.ingest(all_documents, assessed, conflicts)
        return IngestSummary(
            documents=len(documents),
            claims=summary.claims,
            conflicts=summary.conflicts,
            unchanged=summary.unchanged - len(other_documents),
            reanchor=summary.reanchor,
        )
    finally:
        store.close()


def _by_document(document_id: str):
    from claims.store import ClaimQuery

    return ClaimQuery(document=document_id)
