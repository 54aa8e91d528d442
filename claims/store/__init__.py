"""The claims store (SQLite by default): documents, claims, conflicts and annotations.

``open_store(path)`` opens or creates the embedded store; everything else talks to the
:class:`Store` protocol. ``new_annotation`` builds an annotation with a fresh id, the time
now and the claim's anchor, ready for ``store.annotate``.
"""

from claims.store.base import (
    ClaimQuery,
    DocumentInfo,
    IngestSummary,
    ReanchorReport,
    Store,
    StoreError,
)
from claims.store.sqlite import Reanchoring, SQLiteStore, new_annotation, open_store

__all__ = [
    "ClaimQuery",
    "DocumentInfo",
    "IngestSummary",
    "ReanchorReport",
    "Reanchoring",
    "SQLiteStore",
    "Store",
    "StoreError",
    "new_annotation",
    "open_store",
]
