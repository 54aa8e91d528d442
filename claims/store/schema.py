"""The SQLite schema as an ordered list of migrations (version 1 shared with PostgreSQL: :mod:`.ddl`), and the checks run when a file is opened.

Migration *n* (1-based) brings a store from schema version *n - 1* to *n*; each is applied in
its own transaction together with its row in ``schema_version``, so a store is always at one
whole version. A step is SQL, or a function of the connection for what SQL cannot say (filling
a cache by :mod:`claims.review`'s rules). Append new migrations; never edit an applied one.

Annotations and their re-anchoring history (``annotation_targets``) are append-only, which
triggers enforce. ``current_verdicts`` is a cache derived from those two tables, kept so the
verdict filters stay indexed on a million claims.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from claims.store.base import StoreError
from claims.store.ddl import ADJUDICATORS, ASSIGNMENTS, DDL, EVENTS, REVIEWER_INDEX, REVIEWERS, first_version

APPLICATION_ID = 0x436C6D53
"""``PRAGMA application_id`` of a claims store (ASCII ``ClmS``), so tools can recognise the file."""

SQLITE_HEADER = b"SQLite format 3\x00"


def _append_only(table: str) -> tuple[str, str]:
    return (
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END",
        f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END",
    )


SQLITE_DDL = DDL(
    serial="INTEGER PRIMARY KEY AUTOINCREMENT",
    real="REAL",
    without_rowid=" WITHOUT ROWID",
    conflict_order="",
    json_anchor="json_extract(a.data, '$.anchor')",
    append_only=_append_only,
)

MIGRATIONS: tuple[tuple[str | Callable[[sqlite3.Connection], None], ...], ...] = (
    first_version(SQLITE_DDL),
    (
        # Like current_verdicts, a cache: the confidence override in force per claim, so every
        # read of a claim shows it wherever re-anchoring took the annotation.
        """CREATE TABLE current_overrides (
            target_id TEXT PRIMARY KEY,
            annotation_id TEXT NOT NULL
        ) WITHOUT ROWID""",
        lambda conn: fill_overrides(conn),
    ),
    (
        # A document's text in a column of its own, out of its JSON, as UTF-8 bytes written a
        # piece at a time: a 200 MB text is never built into (or parsed out of) a JSON string.
        "ALTER TABLE documents ADD COLUMN text BLOB NOT NULL DEFAULT x''",
        "UPDATE documents SET text = CAST(json_extract(data, '$.text') AS BLOB), data = json_set(data, '$.text', '')",
    ),
    (
        *REVIEWERS,
        "CREATE TRIGGER annotations_adjudicator BEFORE INSERT ON annotations WHEN NEW.adjudication != 0 AND "
        f"NOT EXISTS (SELECT 1 FROM reviewers WHERE name = NEW.reviewer AND {ADJUDICATORS}) "
        "BEGIN SELECT RAISE(ABORT, 'only an adjudicator may adjudicate'); END",
    ),
    ASSIGNMENTS,
    REVIEWER_INDEX,
    # Version 7 lets a PostgreSQL reviewer's role append moves of its own annotations; a
    # SQLite file has no roles, so nothing changes here.
    (),
    EVENTS,
)

def fill_overrides(conn: Any) -> None:
    """Fill the ``current_overrides`` cache from the annotations (a step of migration 2, either dialect)."""
    from claims.store.history import refresh_overrides

    refresh_overrides(conn, [row[0] for row in conn.execute(
        "SELECT DISTINCT target_id FROM effective_annotations "
        "WHERE target_kind = 'claim' AND verdict = 'confidence' AND target_id IS NOT NULL"
    )])


def newer_store(where: object, version: int, target: int) -> StoreError:
    """The error for a store made by a newer claims than this one."""
    return StoreError(
        f"{where} was made by a newer version of claims (schema {version}; this one "
        f"reads up to {target}); upgrade claims (pip install -U claims) to open it"
    )


SCHEMA_VERSION = len(MIGRATIONS)
"""The schema version this code writes and understands."""


def stored_version(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of an open file: 0 for an empty database.

    Raises StoreError when the file is a SQLite database that some other program made.
    """
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')")
    }
    if app_id not in (0, APPLICATION_ID) or (tables and "schema_version" not in tables):
        shown = ", ".join(sorted(tables)[:5]) or "none"
        raise StoreError(
            f"{path} is a SQLite database but not a claims store (its tables: {shown}); "
            "pass another --db path, or move this file aside"
        )
    if not tables:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def apply_migration(conn: Any, version: int, steps: Sequence[str | Callable[[Any], None]]) -> None:
    """Apply the migration from ``version`` (its steps) and record it, inside the caller's
    transaction (either dialect); version 0 first makes the ``schema_version`` table."""
    if version == 0:
        conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
    for statement in steps:
        if isinstance(statement, str):
            conn.execute(statement)
        else:
            statement(conn)
    conn.execute(
        "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
        (version + 1, dt.datetime.now(dt.timezone.utc).isoformat()),
    )


def migrate(
    conn: sqlite3.Connection,
    path: Path,
    migrations: Sequence[Sequence[str | Callable[[sqlite3.Connection], None]]] = MIGRATIONS,
) -> int:
    """Bring the store at ``path`` up to ``len(migrations)``; returns the version now stored.

    Each migration runs in one ``BEGIN IMMEDIATE`` transaction that re-reads the version, so
    two processes opening a new store at once apply every migration exactly once.
    """
    target = len(migrations)
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = stored_version(conn, path)
            if version > target:
                raise newer_store(path, version, target)
            if version == target:
                conn.execute("COMMIT")
                return version
            if version == 0:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            apply_migration(conn, version, migrations[version])
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
