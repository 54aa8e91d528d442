"""The claims store: documents, claims, conflicts and annotations (SQLite by default).

``open_store(location)`` opens a store by path or URL; everything else talks to the
:class:`Store` protocol. Backends are looked up by URL scheme in :data:`BACKENDS`: a plain
path or ``sqlite:///path`` is the embedded SQLite file; a PostgreSQL backend would add
``postgresql``.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from claims.store.base import (
    ClaimQuery,
    DocumentInfo,
    IngestSummary,
    ReanchorReport,
    Reanchoring,
    Store,
    StoreError,
)
from claims.store.sqlite import SQLiteStore


def _sqlite(path: str, create: bool) -> Store:
    if not create and not os.path.exists(path):
        raise StoreError(f"{path}: no such store; run `claims ingest PATH... --db {path}` first")
    return SQLiteStore(path)


def _sqlite_url(rest: str, create: bool) -> Store:
    # As SQLAlchemy reads them: sqlite:///relative.db, sqlite:////absolute/path.db
    return _sqlite(rest[1:] if rest.startswith("/") else rest, create)


BACKENDS: dict[str, Callable[[str, bool], Store]] = {"sqlite": _sqlite_url}
"""URL scheme -> ``opener(what follows "scheme://", create)``."""


def open_store(location: str | os.PathLike[str] = "claims.db", *, create: bool = True) -> Store:
    """Open the store at ``location``, a file path or a ``scheme://`` URL.

    With ``create`` false a store that does not exist yet is an error (for read commands).
    Raises StoreError when the store cannot be opened.
    """
    text = os.fspath(location)
    scheme, _, rest = text.partition("://")
    if not rest or not scheme.isalnum():
        return _sqlite(text, create)
    backend = BACKENDS.get(scheme.lower())
    if backend is None:
        raise StoreError(f"{text}: no store backend for {scheme}://; use a file path or one of "
                         + ", ".join(f"{name}://" for name in sorted(BACKENDS)))
    return backend(rest, create)


__all__ = [
    "BACKENDS",
    "ClaimQuery",
    "DocumentInfo",
    "IngestSummary",
    "ReanchorReport",
    "Reanchoring",
    "SQLiteStore",
    "Store",
    "StoreError",
    "open_store",
]
