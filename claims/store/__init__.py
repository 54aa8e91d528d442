"""The claims store: documents, claims, conflicts and annotations (SQLite by default).

``open_store(location)`` opens a store by path or URL; everything else talks to the
:class:`Store` protocol. Backends are looked up by URL scheme in :data:`BACKENDS`: a plain
path or ``sqlite:///path`` is the embedded SQLite file; ``postgresql://`` (or ``postgres://``)
a PostgreSQL server's database (:mod:`~claims.store.postgres`, imported only then).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator

from claims.store.base import (
    ClaimQuery,
    ConflictOutline,
    DocumentInfo,
    IngestSummary,
    ReanchorReport,
    Reanchoring,
    Store,
    StoreContents,
    StoreError,
)
from claims.store.connection import StoreDamaged, check_on_open
from claims.store.sqlite import SQLiteStore


def writable(path: str) -> bool:
    """Whether this process may write the store file and make its WAL files beside it."""
    folder = os.path.dirname(os.path.abspath(path))
    sidecars = all(os.access(path + suffix, os.W_OK) for suffix in ("-wal", "-shm")
                   if os.path.exists(path + suffix))
    return os.access(path, os.W_OK) and sidecars and (
        os.access(folder, os.W_OK) or all(os.path.exists(path + s) for s in ("-wal", "-shm")))


def _sqlite(path: str, create: bool, read_only: bool | None) -> Store:
    exists = os.path.exists(path)
    if not create and not exists:
        raise StoreError(f"{path}: no such store; run `claims ingest PATH... --db {path}` first")
    if exists and not os.path.isdir(path) and not writable(path):
        if read_only is None and not create:
            read_only = True  # a reading command reads a store it may not write
        elif not read_only:
            raise StoreError(f"{path} is read-only (the file or its folder is not writable) and this command "
                             "writes to it; make it writable (chmod u+w), or work on a copy")
    return SQLiteStore(path, read_only=bool(read_only))


def _sqlite_url(rest: str, create: bool, read_only: bool | None) -> Store:
    # As SQLAlchemy reads them: sqlite:///relative.db, sqlite:////absolute/path.db
    return _sqlite(rest[1:] if rest.startswith("/") else rest, create, read_only)


def _postgres(rest: str, create: bool, read_only: bool | None) -> Store:
    from claims.store.postgres import PostgresStore

    return PostgresStore(f"postgresql://{rest}", read_only=bool(read_only), create=create)


BACKENDS: dict[str, Callable[[str, bool, bool | None], Store]] = {
    "sqlite": _sqlite_url,
    "postgresql": _postgres,
    "postgres": _postgres,
}
"""URL scheme -> ``opener(what follows "scheme://", create, read_only)``."""


def announcements(location: str | os.PathLike[str], stop: threading.Event) -> Iterator[dict] | None:
    """New annotations other sessions add to the store at ``location``, as they commit, until
    ``stop`` is set (an iterator of dicts: id, target_kind, target_id, verdict, reviewer); None
    for a store that announces nothing (a SQLite file: reload with ctrl+r)."""
    text = os.fspath(location)
    scheme, _, rest = text.partition("://")
    if scheme.lower() not in ("postgresql", "postgres") or not rest:
        return None
    from claims.store.postgres import announcements as listen

    return listen(f"postgresql://{rest}", stop)


def store_label(location: str | os.PathLike[str]) -> str:
    """How a screen names the store at ``location``: a file by its name, a server's store by
    its whole URL with any password hidden (what follows a URL's last ``/`` may be a socket
    folder's name and the query, password included)."""
    text = os.fspath(location)
    scheme, _, rest = text.partition("://")
    if rest and scheme.lower() in ("postgresql", "postgres"):
        from claims.store.postgres import shown

        return shown(text)
    return os.path.basename(text) or text


def open_store(
    location: str | os.PathLike[str] = "claims.db", *, create: bool = True, read_only: bool | None = None
) -> Store:
    """Open the store at ``location``, a file path or a ``scheme://`` URL.

    With ``create`` false a store that does not exist yet is an error: that is how reading
    commands open a store, and they open one they may not write read-only (``read_only`` None
    decides so; True forces it). A writing command on a read-only store gets a StoreError.
    The store is checked as it opens (see :func:`check_on_open`); a damaged one raises
    :class:`StoreDamaged`. Raises StoreError when the store cannot be opened.
    """
    text = os.fspath(location)
    scheme, _, rest = text.partition("://")
    if not rest or not scheme.isalnum():
        return _sqlite(text, create, read_only)
    backend = BACKENDS.get(scheme.lower())
    if backend is None:
        raise StoreError(f"{text}: no store backend for {scheme}://; use a file path or one of "
                         + ", ".join(f"{name}://" for name in sorted(BACKENDS)))
    return backend(rest, create, read_only)


__all__ = [
    "BACKENDS",
    "announcements",
    "ClaimQuery",
    "ConflictOutline",
    "DocumentInfo",
    "IngestSummary",
    "ReanchorReport",
    "Reanchoring",
    "SQLiteStore",
    "Store",
    "StoreContents",
    "StoreDamaged",
    "StoreError",
    "check_on_open",
    "open_store",
    "store_label",
]
