"""The embedded store: one SQLite file holding documents, claims, conflicts and annotations.

Everything but the file is shared with the other backends (:mod:`~claims.store.sql`); here
are the connection (:mod:`~claims.store.connection`: durability, locking, damage checks), the
document text written piece by piece into a blob, SQLite's integrity check and online backup.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from claims.model import Document
from claims.store.connection import CHECK_FULL, CHECK_QUICK, Connection
from claims.store.dialect import SQLITE
from claims.store.rows import text_pieces
from claims.store.sql import DOCUMENT_UPSERT, SQLStore


def _write_text(conn: sqlite3.Connection, document: Document) -> None:
    """Fill the document's text column (a zero blob of the right length) piece by piece."""
    rowid = conn.execute("SELECT rowid FROM documents WHERE id = ?", (document.id,)).fetchone()[0]
    with conn.blobopen("documents", "text", rowid) as blob:
        for piece in text_pieces(document.text):
            blob.write(piece)


class SQLiteStore(SQLStore):
    """A claims store in one SQLite file (see :mod:`claims.store.connection` for durability).

    Safe to share between threads (calls are serialised).
    """

    dialect = SQLITE

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False, check: str | None = None) -> None:
        self._db = Connection(path, read_only=read_only, check=check)
        self.path = self._db.path
        self.read_only = read_only

    def __enter__(self) -> SQLiteStore:
        return self

    def _put_document(self, conn: sqlite3.Connection, document: Document, row: tuple[Any, ...]) -> None:
        # The text column is made a zero blob of the right length, then filled a piece at a
        # time: a 200 MB text is never one bytes object.
        conn.execute(DOCUMENT_UPSERT.format(text="zeroblob(?)"), row)
        _write_text(conn, document)

    def integrity_check(self, full: bool = True) -> list[str]:
        """SQLite's ``integrity_check`` (``quick_check`` when not ``full``): empty when sound."""
        return self._db.check(CHECK_FULL if full else CHECK_QUICK)

    def backup(self, destination: str | os.PathLike[str]) -> None:
        """Write a consistent copy of the store to ``destination`` (SQLite's online backup)."""
        self._db.backup(Path(destination))
