"""The SQLite connection of a store: opening a file safely, and read and write transactions.

Durability: the file is in WAL mode with ``synchronous=FULL``, so every commit syncs the
write-ahead log before it returns; a committed write survives a killed process and a power
cut. Writers take the lock up front (``BEGIN IMMEDIATE``), wait up to :data:`BUSY_TIMEOUT`
seconds for another process, and retry with backoff for :data:`LOCK_RETRY_FOR`; readers never
block. Calls are serialised by a lock, so one connection may be shared between threads.

Damage: opening a store checks it before anything reads or migrates it. The file must be as
long as its header says (a truncated copy or a full disk cuts the last pages), and SQLite's
``quick_check`` must pass (on files up to :data:`QUICK_CHECK_MAX_BYTES`; larger ones are
checked with ``claims doctor`` or ``--check``, which runs the full ``integrity_check``). A
damaged store is a :class:`StoreDamaged` error: one line, never a traceback.

Read-only: a store opened ``read_only`` (a reading command on a file or folder it may not
write) is opened with ``mode=ro``, or ``immutable=1`` when SQLite cannot create its WAL index
next to it, and never migrated; a write is refused with a message saying why.
"""

from __future__ import annotations

import os
import random
import sqlite3
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from claims.store.base import StoreError
from claims.store.rows import UnreadableRow
from claims.store.schema import SCHEMA_VERSION, SQLITE_HEADER, migrate, newer_store, stored_version

T = TypeVar("T")

BUSY_TIMEOUT = 10.0
"""Seconds SQLite waits for another process's write lock before reporting it busy."""

LOCK_RETRY_FOR = 30.0
"""Seconds a write keeps retrying a locked store before giving up with a StoreError."""

QUICK_CHECK_MAX_BYTES = 512 * 1024 * 1024
"""Stores up to this size get SQLite's ``quick_check`` every time they are opened (about 0.4 s
per 160 MB, 100k claims); larger ones only the header check, unless asked (``--check``)."""

CHECK_NONE, CHECK_QUICK, CHECK_FULL = "none", "quick", "full"
_default_check = CHECK_QUICK


def check_on_open(level: str) -> None:
    """How thoroughly every store opened from now on is checked: ``quick`` (default), ``full``
    (SQLite's ``integrity_check``, for ``claims --check``) or ``none``."""
    global _default_check
    if level not in (CHECK_NONE, CHECK_QUICK, CHECK_FULL):
        raise ValueError(f"unknown check level {level!r}")
    _default_check = level


class StoreDamaged(StoreError):
    """The store file is damaged (truncated, or pages SQLite cannot read)."""


def damaged(path: Path, what: str) -> StoreDamaged:
    first = " ".join(what.split())
    return StoreDamaged(
        f"{path} is damaged ({first[:160]}); restore it from a backup, or see README, "
        "'Recovering a damaged store' (`claims doctor --db PATH` lists what is wrong)"
    )


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
            header = handle.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc.strerror or exc}") from None
    if header and header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise StoreError(
            f"{path} is not a claims store (it is not a SQLite database); "
            "pass another --db path, or move this file aside"
        )
    problem = header_problem(header, size)
    if problem is not None and "cut off" not in problem:
        raise StoreError(f"{path} cannot be opened as a claims store ({problem}); "
                         "pass another --db path, or move this file aside")
    if problem is not None:
        raise damaged(path, problem)


def header_problem(header: bytes, size: int) -> str | None:
    """What the 100-byte SQLite header says is wrong with a file of ``size`` bytes, if anything.

    The header gives the page size and, when its change counters agree, the number of pages;
    a file shorter than that lost its last pages (a truncated copy, a full disk).
    """
    if len(header) < 100:
        return f"the file is {size} bytes, shorter than a SQLite header" if header else None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"its header gives an impossible page size ({page_size})"
    pages = int.from_bytes(header[28:32], "big")
    counters_agree = header[24:28] == header[92:96]
    if counters_agree and pages and size < pages * page_size:
        return f"the file is {size:,} bytes but its header says {pages * page_size:,}: its end was cut off"
    return None


def run_check(conn: sqlite3.Connection, path: Path, level: str) -> None:
    """Raise StoreDamaged when SQLite's own check of the open file finds a problem."""
    if level == CHECK_NONE:
        return
    if level == CHECK_QUICK:
        try:
            if path.stat().st_size > QUICK_CHECK_MAX_BYTES:
                return
        except OSError:
            return
    pragma = "integrity_check(20)" if level == CHECK_FULL else "quick_check(20)"
    problems = [row[0] for row in conn.execute(f"PRAGMA {pragma}")]
    if problems != ["ok"]:
        raise damaged(path, "; ".join(problems))


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    message = str(exc).lower()
    return "malformed" in message or "not a database" in message or "corrupt" in message


def _opening(path: Path, connect: Callable[[], sqlite3.Connection], setup: Callable[[sqlite3.Connection], None]
             ) -> sqlite3.Connection:
    """Connect and set up, closing the connection and naming the file on any failure."""
    conn: sqlite3.Connection | None = None
    try:
        conn = connect()
        setup(conn)
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        if _is_damage(exc):
            raise damaged(path, str(exc)) from None
        raise StoreError(
            f"{path} cannot be opened as a claims store ({exc}); "
            "pass another --db path, or move this file aside"
        ) from None
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return conn


def _open(path: Path, check: str) -> sqlite3.Connection:
    def setup(conn: sqlite3.Connection) -> None:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        run_check(conn, path, check)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StoreError(f"{path}: SQLite refused WAL mode (got {mode}); use a local disk")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        migrate(conn, path)

    return _opening(
        path,
        lambda: sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False),
        setup,
    )


def _open_read_only(path: Path, check: str) -> sqlite3.Connection:
    """Open without writing anything: ``mode=ro``, else ``immutable=1`` when SQLite cannot make
    the WAL index beside a file in a folder it may not write."""
    uri = "file:" + urllib.parse.quote(str(path.resolve()))
    last: sqlite3.Error | None = None
    for params in ("mode=ro", "mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(f"{uri}?{params}", uri=True, timeout=BUSY_TIMEOUT, isolation_level=None,
                                   check_same_thread=False)
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            break
        except sqlite3.OperationalError as exc:
            last = exc
            continue
    else:
        raise StoreError(f"{path} cannot be opened read-only ({last}); copy it to a folder you can write")

    def setup(conn: sqlite3.Connection) -> None:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        run_check(conn, path, check)
        version = stored_version(conn, path)
        if version > SCHEMA_VERSION:
            raise newer_store(path, version, SCHEMA_VERSION)
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"{path} is read-only and at schema {version}; this claims must upgrade it to {SCHEMA_VERSION} "
                "first, which needs write access: copy it somewhere you can write, or ask its owner"
            )

    return _opening(path, lambda: conn, setup)


class Connection:
    """One open store file: runs work in read or write transactions, mapping errors to StoreError."""

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False, check: str | None = None) -> None:
        self.path = Path(path)
        self.read_only = read_only
        check_path(self.path)
        self._lock = threading.RLock()
        level = _default_check if check is None else check
        self._conn = _open_read_only(self.path, level) if read_only else _open(self.path, level)

    def close(self) -> None:
        """Close the file; the connection cannot be used afterwards."""
        with self._lock:
            try:
                if not self.read_only:
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
                raise self._error(exc) from None
            except UnreadableRow as exc:
                raise UnreadableRow(exc.what, self.path) from None

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
                        raise self._error(exc) from None
                    if time.monotonic() > deadline:
                        raise StoreError(
                            f"{self.path} stayed locked by another process for {LOCK_RETRY_FOR:.0f} s; "
                            "finish or close the other claims session and try again"
                        ) from None
                    time.sleep(delay * (1 + random.random()))
                    delay = min(delay * 2, 0.5)
                except sqlite3.DatabaseError as exc:
                    raise self._error(exc) from None
                except UnreadableRow as exc:
                    raise UnreadableRow(exc.what, self.path) from None

    def try_write(self, work: Callable[[sqlite3.Connection], T]) -> T | None:
        """:meth:`write` when no other process is writing, else None at once: for a write that
        may be skipped (a report keeping its grouping) and must not wait for a long ingest."""
        with self._lock:
            conn = self._conn
            conn.execute("PRAGMA busy_timeout = 0")
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if _is_locked(exc):
                    return None
                raise self._error(exc) from None
            finally:
                conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
            try:
                result = work(conn)
                conn.execute("COMMIT")
                return result
            except sqlite3.DatabaseError as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise self._error(exc) from None
            except UnreadableRow as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise UnreadableRow(exc.what, self.path) from None
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def _error(self, exc: sqlite3.DatabaseError) -> StoreError:
        """A one-line StoreError for a failed statement: damage, a read-only store, or SQLite's words."""
        if _is_damage(exc):
            return damaged(self.path, str(exc))
        if "readonly" in str(exc).lower() or self.read_only:
            return StoreError(
                f"{self.path} is open read-only (the file or its folder is not writable, or it is a reading "
                f"command): {exc}; make it writable, or work on a copy"
            )
        return StoreError(f"{self.path}: {exc}")

    def backup(self, destination: Path) -> None:
        """Copy the store to ``destination`` with SQLite's online backup (consistent while others
        write), into a temporary file beside it, checked, then renamed into place."""
        temporary = destination.with_name(f".{destination.name}.{os.getpid()}.partial")
        try:
            with self._lock:
                target = sqlite3.connect(temporary)
                try:
                    self._conn.backup(target)
                    problems = [row[0] for row in target.execute("PRAGMA quick_check")]
                    if problems != ["ok"]:
                        raise damaged(destination, "; ".join(problems))
                    target.execute("PRAGMA journal_mode = DELETE")
                finally:
                    target.close()
            os.replace(temporary, destination)
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from None
        except OSError as exc:
            raise StoreError(f"cannot write the backup {destination}: {exc.strerror or exc}") from None
        finally:
            if temporary.exists():
                temporary.unlink()

    def check(self, level: str = CHECK_FULL) -> list[str]:
        """SQLite's ``integrity_check`` (or ``quick_check``): the problems, empty when sound."""
        pragma = "integrity_check(100)" if level == CHECK_FULL else "quick_check(100)"
        problems = [row[0] for row in self.rows(f"PRAGMA {pragma}")]
        return [] if problems == ["ok"] else problems
