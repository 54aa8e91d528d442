"""Operations on a store that several front ends share (CLI, TUI): ingest, open, derive."""

from __future__ import annotations

import os
from collections.abc import Sequence

from claims.model import Annotation, Claim, Conflict, Document, Kind
from claims.store.base import ClaimQuery, IngestSummary, Store, StoreError


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
    return assess(list(claims), conflicts, list(annotations), documents=list(documents)), conflicts


def ingest_documents(db_path: str, documents: Sequence[Document], claims: Sequence[Claim]) -> IngestSummary:
    """Store new documents and re-derive conflicts and confidence where they can have changed.

    Conflicts span documents (two versions of one article), so the new claims are reconciled
    with those already stored, but only within the affected events: those holding a new
    document before or after this ingest, and the other events of their wars (see
    :func:`claims.reconcile.affected_documents`). Only these documents' claims are loaded and
    assessed; stored claims whose confidence changed are rewritten, conflicts of the affected
    documents replaced, and everything else left as it is, in one transaction. The cost is
    that of the events touched, not of the store: a small ingest into a large store is fast.
    """
    from claims.reconcile import affected_documents
    from claims.store import open_store

    store = open_store(db_path)
    try:
        new_ids = {d.id for d in documents}
        before = store.document_outlines()
        dates_before = store.claims(ClaimQuery(kind=Kind.DATE, only_infobox=True))
        after = [d for d in before if d.id not in new_ids] + list(documents)
        dates_after = [c for c in dates_before if c.document not in new_ids]
        dates_after += [c for c in claims if c.kind is Kind.DATE and c.field is not None]
        scope = affected_documents(before, after, new_ids, dates_before, dates_after)
        loaded = [store.document(d) for d in sorted(scope - new_ids)]
        others = [d for d in loaded if d is not None]
        stored = [c for d in others for c in store.claims(ClaimQuery(document=d.id))]
        assessed, conflicts = derive(list(documents) + others, list(claims) + stored, store.annotations())
        ingested = assessed[: len(claims)]
        refreshed = [new for new, old in zip(assessed[len(claims):], stored) if new != old]
        return store.ingest(documents, ingested, conflicts, conflict_scope=scope, refreshed=refreshed)
    finally:
        store.close()
