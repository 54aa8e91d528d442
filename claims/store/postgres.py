"""The team store: the same store on a PostgreSQL server, for several reviewers at once.

``claims --db postgresql://...`` (or ``CLAIMS_DB``) opens one. Everything a store does is the
shared :class:`~claims.store.sql.SQLStore`; here are the connection (psycopg 3, sync API), the
translation of the shared SQL's ``?``/``:name`` placeholders into psycopg's, the document text
as one ``bytea`` value, and the schema (:mod:`~claims.store.pgschema`).

Semantics as in SQLite: each write is one transaction holding an advisory lock (one writer at
a time, as ``BEGIN IMMEDIATE``), committed before the call returns (``synchronous_commit``
as the server has it, on by default); reads see committed data only, and a snapshot is one
REPEATABLE READ transaction; annotations are append-only by trigger.

psycopg is imported when a PostgreSQL store is opened, never by ``import claims``.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from claims.model import Document
from claims.store.base import StoreError
from claims.store.dialect import POSTGRES
from claims.store.pgschema import MIGRATIONS, NOTIFY_CHANNEL, OUR_TABLES, WRITE_LOCK, migrate, quote_ident
from claims.store.rows import UnreadableRow, text_pieces
from claims.store.sql import DOCUMENT_UPSERT, SQLStore

T = TypeVar("T")

CONNECT_TIMEOUT = 10
"""Seconds to wait for the server when connecting."""


@functools.lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """The shared SQL in psycopg's placeholders: ``?`` -> ``%s``, ``:name`` -> ``%(name)s``, and
    every literal ``%`` doubled; placeholders inside quotes and ``::type`` casts are left alone."""
    out: list[str] = []
    quote: str | None = None
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch == "%":
            out.append("%%")
        elif quote is not None:
            out.append(ch)
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        elif ch == ":" and i + 1 < n and (sql[i + 1].isalpha() or sql[i + 1] == "_") and (i == 0 or sql[i - 1] != ":"):
            j = i + 1
            while j < n and (sql[j].isalnum() or sql[j] == "_"):
                j += 1
            out.append(f"%({sql[i + 1 : j]})s")
            i = j
            continue
        else:
            out.append(ch)
        i += 1
    return "".join(out)


class PgConnection:
    """A psycopg connection that runs the shared SQL (``execute``/``executemany`` as sqlite3's)."""

    dialect = POSTGRES

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Any:
        return self.raw.execute(translate(sql), params if isinstance(params, Mapping) else tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        cursor = self.raw.cursor()
        rows = [tuple(row) for row in rows]
        if rows:
            cursor.executemany(translate(sql), rows)
        return cursor


def shown(url: str) -> str:
    """The URL with any password hidden, to name the store in messages."""
    url = re.sub(r"(://[^/:@]*:)[^@/]*@", r"\1***@", url)
    return re.sub(r"(password=)[^&\s]*", r"\1***", url)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _hint(exc: BaseException) -> str:
    """What to do about an error the database raised for a reviewer's own role."""
    text = str(exc)
    if "row-level security" in text and '"annotations"' in text:
        return ("; your database role writes annotations only in its own name: leave out --reviewer, "
                "or connect as that reviewer")
    if "row-level security" in text:
        return "; your database role may not write that: ask the store's owner (the role that created it)"
    if "permission denied" in text:
        return ("; your database role may not do that: the store's owner does it, or runs "
                "`claims reviewers add NAME` to grant a reviewer's role what it needs")
    if "only an adjudicator" in text:
        return "; the store's owner makes one with `claims reviewers add NAME --role adjudicator`"
    return ""


class Database:
    """One connection to a PostgreSQL store: read, snapshot and write transactions, errors as StoreError."""

    def __init__(self, url: str, *, read_only: bool = False, create: bool = True) -> None:
        try:
            import psycopg
        except ImportError:  # pragma: no cover - psycopg is a dependency
            raise StoreError("a PostgreSQL store needs psycopg: pip install 'psycopg[binary]'") from None
        self._psycopg = psycopg
        self.url = url
        self.path = shown(url)
        self.read_only = read_only
        self._lock = threading.RLock()
        self.closed = False
        self._connect()
        try:
            migrate(self.conn, self.raw.transaction, self.path, MIGRATIONS, create=create and not read_only)
        except psycopg.Error as exc:
            self.raw.close()
            raise self._error(exc) from None
        except BaseException:
            self.raw.close()
            raise

    def _connect(self) -> None:
        psycopg = self._psycopg
        try:
            self.raw = psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT)
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: cannot connect to the PostgreSQL server ({_first_line(exc)}); "
                             "is it running, and does the URL name its host, database and user?") from None
        self.conn = PgConnection(self.raw)
        if self.read_only:
            self.raw.execute("SET default_transaction_read_only = on")

    def close(self) -> None:
        with self._lock:
            self.raw.close()
        self.closed = True

    def _run(self, work: Callable[[PgConnection], T], transaction: str | None, *, writes: bool = False) -> T:
        """Run ``work`` (in a transaction opened by the ``transaction`` statement, if any).

        A connection the server dropped (restarted, a network cut) is made again: before the
        call when an earlier one found it broken, and for a read, once more when it breaks
        during this one. A write that breaks is reported and not retried: it may or may not
        have committed, and the caller was never told it had.
        """
        with self._lock:
            for attempt in (1, 2):
                if self.closed:
                    raise StoreError(f"{self.path}: the store is closed")
                if self.raw.broken:
                    self._connect()
                try:
                    if transaction is None:
                        return work(self.conn)
                    with self.raw.transaction():
                        self.raw.execute(transaction)
                        return work(self.conn)
                except self._psycopg.OperationalError as exc:
                    if writes or attempt == 2 or not self.raw.broken:
                        raise self._error(exc) from None
                except self._psycopg.Error as exc:
                    raise self._error(exc) from None
                except UnreadableRow as exc:
                    raise UnreadableRow(exc.what, self.path) from None
            raise AssertionError("unreachable")

    def read(self, work: Callable[[PgConnection], T]) -> T:
        """Run ``work`` outside any transaction (each statement sees what is committed)."""
        return self._run(work, None)

    def rows(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[Any]:
        return self.read(lambda conn: conn.execute(sql, params).fetchall())

    def snapshot(self, work: Callable[[PgConnection], T]) -> T:
        """Run ``work`` in one REPEATABLE READ transaction: its queries see one state of the store."""
        return self._run(work, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")

    def write(self, work: Callable[[PgConnection], T]) -> T:
        """Run ``work`` in one transaction holding the store's write lock; committed when this returns."""
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only and this command writes to it")
        return self._run(work, f"SELECT pg_advisory_xact_lock({WRITE_LOCK})", writes=True)

    def try_write(self, work: Callable[[PgConnection], T]) -> T | None:
        """:meth:`write` when no other session holds the store's write lock, else None at once
        (see the SQLite store's ``try_write``)."""
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only and this command writes to it")

        def when_locked(conn: PgConnection) -> T | None:
            if not conn.execute(f"SELECT pg_try_advisory_xact_lock({WRITE_LOCK})").fetchone()[0]:
                return None
            return work(conn)

        # The default isolation, said as the statement that opens the transaction; the lock is
        # tried inside it.
        return self._run(when_locked, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED", writes=True)

    def _error(self, exc: Exception) -> StoreError:
        return StoreError(f"{self.path}: {_first_line(exc)}{_hint(exc)}")

    def check(self) -> list[str]:
        """Problems with the store's rules in the database: missing append-only triggers."""
        triggers = {row[0] for row in self.rows(
            "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal"
        )}
        problems = [f"the append-only trigger {name} is missing"
                    for table in ("annotations", "annotation_targets")
                    for name in (f"{table}_no_change", f"{table}_no_truncate") if name not in triggers]
        for table in sorted(OUR_TABLES):
            self.rows(f"SELECT count(*) FROM {table}")  # a table that cannot be read raises
        return problems


class PostgresStore(SQLStore):
    """A claims store in a PostgreSQL database (its current schema). Safe to share between
    threads (calls are serialised on its one connection)."""

    dialect = POSTGRES

    def __init__(self, url: str, *, read_only: bool = False, create: bool = True) -> None:
        self._db = Database(url, read_only=read_only, create=create)
        self.path = self._db.path
        self.read_only = read_only

    def __enter__(self) -> PostgresStore:
        return self

    def _as_reviewer(self, conn: PgConnection, reviewer: str) -> None:
        conn.execute("SELECT set_config('claims.reviewer', ?, true)", (reviewer,))

    def bound_reviewer(self) -> str | None:
        """The session's role when it is not the store's owner (nor a member of it, nor a
        superuser): row-level security then makes it the reviewer of its name."""
        rows = self._db.rows(
            "SELECT CASE WHEN pg_has_role(current_user, c.relowner, 'MEMBER') THEN NULL ELSE current_user::text END "
            "FROM pg_class c WHERE c.oid = 'annotations'::regclass"
        )
        return rows[0][0] if rows else None

    def _writes_as(self, conn: PgConnection, reviewer: str) -> bool:
        """The store's owner writes for anyone; a reviewer's own role only for itself (the
        policies of :func:`~claims.store.pgschema.row_level_security` and ``own_moves``)."""
        self._as_reviewer(conn, reviewer)
        return bool(conn.execute("SELECT claims_session_reviewer() = ?", (reviewer,)).fetchone()[0])

    def add_reviewer(self, name: str, role: str) -> bool:
        """Register a reviewer; when a database role of that name exists, grant it what a
        reviewer needs (read the store, append annotations in its own name and where they
        were re-attached, keep the verdict caches) and nothing more: row-level security then binds it (see
        :func:`~claims.store.pgschema.row_level_security`). Returns whether it did."""
        super().add_reviewer(name, role)

        def grant(conn: PgConnection) -> bool:
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (name,)).fetchone() is None:
                return False
            who = quote_ident(name)
            here = quote_ident(conn.execute("SELECT current_schema()").fetchone()[0])
            conn.execute(f"GRANT USAGE ON SCHEMA {here} TO {who}")
            conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {here} TO {who}")
            conn.execute(f"GRANT INSERT ON annotations, annotation_targets TO {who}")
            conn.execute(f"GRANT INSERT, UPDATE, DELETE ON current_verdicts, current_overrides TO {who}")
            return True

        return self._db.write(grant)

    def _put_document(self, conn: PgConnection, document: Document, row: tuple[Any, ...]) -> None:
        text = b"".join(text_pieces(document.text))
        conn.execute(DOCUMENT_UPSERT.format(text="?"), (*row[:-1], text))

    def integrity_check(self, full: bool = True) -> list[str]:
        """The store's own rules (append-only triggers) and that every table reads; the server
        checks its storage itself (checksums, ``amcheck``)."""
        return self._db._run(lambda conn: self._db.check(), None)

    def backup(self, destination: object) -> None:
        raise StoreError(f"{self.path}: back up a PostgreSQL store with the server's tools "
                         "(pg_dump -Fc -f FILE DBNAME), not `claims backup`")


def announcements(url: str, stop: threading.Event, poll: float = 0.5) -> Iterator[dict[str, Any]]:
    """The annotations other sessions add to the PostgreSQL store at ``url``, as the store
    announces them at commit (``NOTIFY claims_annotations``: schema, id, target_kind,
    target_id, verdict, reviewer), on a connection of its own, until ``stop`` is set. Only this
    store's (its schema's) are given; the verdict is None where blind review hides it."""
    import json

    import psycopg

    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT)
    except psycopg.Error as exc:
        raise StoreError(f"{shown(url)}: cannot listen for new annotations ({_first_line(exc)})") from None
    with conn:
        schema = conn.execute("SELECT current_schema()").fetchone()[0]
        conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
        while not stop.is_set():
            for note in conn.notifies(timeout=poll):
                try:
                    payload = json.loads(note.payload)
                except ValueError:
                    continue
                if isinstance(payload, dict) and payload.get("schema") == schema:
                    yield payload
                if stop.is_set():
                    break
