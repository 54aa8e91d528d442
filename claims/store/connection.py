"""The SQLite connection of a store: opening a file safely, and read and write transactions.

Durability: the file is in WAL mode with ``synchronous=FULL``, so every commit syncs the
write-ahead log before it returns; a committed write survives a killed process and a power
cut. Writers take the lock up front (``BEGIN IMMEDIATE``), wait up to :data:`BUSY_TIMEOUT`
seconds for another process, and retry with backoff for :data:`LOCK_RETRY_FOR`; readers never
block. Calls are serialised by a lock, so one connection may be shared between threads.
"""

from __future__ import annotations

import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from claims.store.base import StoreError
from claims.store.schema import SQLITE_HEADER, migrate

T = TypeVar("T")

BUSY_TIMEOUT = 10.0
"""Seconds SQLite waits for another process's write lock before reporting it busy."""

LOCK_RETRY_FOR = 30.0
"""Seconds a write keeps retrying a locked store before giving up with a StoreError."""


def _is_locked(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def check_path(path: Path) -> None:
    """Refuse, with a message naming the file, anything that cannot become a claims store."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory; pass a file path for the store, e.g. {path / 'claims.db'}")
    if not path.exists():
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise StoreError(
                f"cannot create the store {path}: the directory {parent} does not exist; create it first"
            )
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc.strerror or exc}") from None
    if header and header != SQLITE_HEADER:
        raise StoreError(
            f"{path} is not a claims store (it is not a SQLite database); "
            "pass another --db path, or move this file aside"
        )


def _open(path: Path) -> sqlite3.Connection:
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StoreError(f"{path}: SQLite refused WAL mode (got {mode}); use a local disk")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        raise StoreError(
            f"{path} cannot be opened as a claims store ({exc}); "
            "pass another --db path, or move this file aside"
        ) from None
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return conn


class Connection:
    """One open store file: runs work in read or write transactions, mapping errors to StoreError."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        check_path(self.path)
        self._lock = threading.RLock()
        self._conn = _open(self.path)

    def close(self) -> None:
        """Close the file; the connection cannot be used afterwards."""
        with self._lock:
            try:
                self._conn.execute("PRAGMA optimize")
            except sqlite3.DatabaseError:
                pass  # only statistics; closing must not fail over them
            self._conn.close()

    def read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work`` outside any write transaction."""
        with self._lock:
            try:
                return work(self._conn)
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path}: {exc}") from None

    def rows(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[Any]:
        """Every row of one query."""
        return self.read(lambda conn: conn.execute(sql, params).fetchall())

    def snapshot(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work`` in one read transaction, so its queries see one state of the file."""

        def in_transaction(conn: sqlite3.Connection) -> T:
            conn.execute("BEGIN")
            try:
                return work(conn)
            finally:
                conn.execute("COMMIT")

        return self.read(in_transaction)

    def write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work`` in one write transaction, retrying with backoff while another process writes."""
        deadline = time.monotonic() + LOCK_RETRY_FOR
        delay = 0.01
        with self._lock:
            conn = self._conn
            while True:
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        result = work(conn)
                        conn.execute("COMMIT")
                        return result
                    except BaseException:
                        if conn.in_transaction:
                            conn.execute("ROLLBACK")
                        raise
                except sqlite3.OperationalError as exc:
                    if not _is_locked(exc):
                        raise StoreError(f"{self.path}: {exc}") from None
                    if time.monotonic() > deadline:
                        raise StoreError(
                            f"{self.path} stayed locked by another process for {LOCK_RETRY_FOR:.0f} s; "
                            "finish or close the other claims session and try again"
                        ) from None
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, 0.5)
                except sqlite3.DatabaseError as exc:
                    raise StoreError(f"{self.path}: {exc}") from None
