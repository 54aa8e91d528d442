"""The SQLite schema as an ordered list of migrations, and the checks run when a file is opened.

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

from claims.store.base import StoreError

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


MIGRATIONS: tuple[tuple[str | Callable[[sqlite3.Connection], None], ...], ...] = (
    (
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            title TEXT NOT NULL,
            format TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        """CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            side_column INTEGER,
            side_name TEXT,
            subject TEXT NOT NULL,
            quote TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            claimant TEXT,
            data TEXT NOT NULL
        )""",
        'CREATE INDEX claims_by_position ON claims(document_id, start, "end", id)',
        'CREATE INDEX claims_by_kind ON claims(kind, document_id, start, "end", id)',
        'CREATE INDEX claims_by_side ON claims(side_column, document_id, start, "end", id)',
        'CREATE INDEX claims_unattributed ON claims(document_id, start, "end", id) '
        "WHERE claimant IS NULL",
        """CREATE TABLE conflicts (
            id TEXT PRIMARY KEY,
            rule TEXT NOT NULL,
            severity TEXT NOT NULL,
            outcome TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        """CREATE TABLE conflict_claims (
            conflict_id TEXT NOT NULL REFERENCES conflicts(id) ON DELETE CASCADE,
            claim_id TEXT NOT NULL,
            PRIMARY KEY (conflict_id, claim_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX conflict_claims_by_claim ON conflict_claims(claim_id, conflict_id)",
        # No foreign key to claims or conflicts: those are rebuilt, annotations must survive.
        """CREATE TABLE annotations (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            target_kind TEXT NOT NULL,
            target_id TEXT NOT NULL,
            document_id TEXT,
            verdict TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            created_at TEXT NOT NULL,
            retracts TEXT,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX annotations_by_target ON annotations(target_id)",
        "CREATE INDEX annotations_by_document ON annotations(document_id)",
        "CREATE INDEX annotations_by_verdict ON annotations(verdict)",
        *_append_only("annotations"),
        # The effective target of an annotation is its latest row here, else its own target.
        """CREATE TABLE annotation_targets (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            annotation_id TEXT NOT NULL REFERENCES annotations(id),
            target_id TEXT,
            method TEXT NOT NULL,
            score REAL NOT NULL,
            anchor TEXT,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX annotation_targets_by_annotation ON annotation_targets(annotation_id, seq)",
        "CREATE INDEX annotation_targets_by_target ON annotation_targets(target_id)",
        *_append_only("annotation_targets"),
        """CREATE VIEW effective_annotations AS
        SELECT a.seq, a.id, a.target_kind, a.document_id, a.verdict, a.retracts, a.data,
               CASE WHEN t.seq IS NULL THEN a.target_id ELSE t.target_id END AS target_id,
               COALESCE(t.method, 'original') AS method,
               COALESCE(t.score, 1.0) AS score,
               CASE WHEN t.seq IS NULL THEN json_extract(a.data, '$.anchor') ELSE t.anchor END
                   AS anchor
        FROM annotations a
        LEFT JOIN annotation_targets t ON t.seq = (
            SELECT max(seq) FROM annotation_targets WHERE annotation_id = a.id
        )""",
        """CREATE TABLE current_verdicts (
            target_kind TEXT NOT NULL,
            target_id TEXT NOT NULL,
            verdict TEXT NOT NULL,
            annotation_id TEXT NOT NULL,
            PRIMARY KEY (target_kind, target_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX current_verdicts_by_verdict ON current_verdicts(target_kind, verdict, target_id)",
    ),
    (
        # Like current_verdicts, a cache: the confidence override in force per claim, so every
        # read of a claim shows it wherever re-anchoring took the annotation.
        """CREATE TABLE current_overrides (
            target_id TEXT PRIMARY KEY,
            annotation_id TEXT NOT NULL
        ) WITHOUT ROWID""",
        lambda conn: _fill_overrides(conn),
    ),
    (
        # A document's text in a column of its own, out of its JSON, as UTF-8 bytes written a
        # piece at a time: a 200 MB text is never built into (or parsed out of) a JSON string.
        "ALTER TABLE documents ADD COLUMN text BLOB NOT NULL DEFAULT x''",
        "UPDATE documents SET text = CAST(json_extract(data, '$.text') AS BLOB), data = json_set(data, '$.text', '')",
    ),
)

def _fill_overrides(conn: sqlite3.Connection) -> None:
    from claims.store.history import refresh_overrides

    refresh_overrides(conn, [row[0] for row in conn.execute(
        "SELECT DISTINCT target_id FROM effective_annotations "
        "WHERE target_kind = 'claim' AND verdict = 'confidence' AND target_id IS NOT NULL"
    )])


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
                raise StoreError(
                    f"{path} was made by a newer version of claims (schema {version}; this one "
                    f"reads up to {target}); upgrade claims (pip install -U claims) to open it"
                )
            if version == target:
                conn.execute("COMMIT")
                return version
            if version == 0:
                conn.execute(
                    "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
                )
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for statement in migrations[version]:
                if isinstance(statement, str):
                    conn.execute(statement)
                else:
                    statement(conn)
            conn.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                (version + 1, dt.datetime.now(dt.timezone.utc).isoformat()),
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
