"""A store's health, for ``claims doctor``: is the file sound, and what does it hold.

Opened read-only and never migrated, so examining a store changes nothing in it, and a store
too damaged to open as a claims store is still examined as far as SQLite can read it.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from pathlib import Path

from attrs import frozen

from claims.store.connection import header_problem
from claims.store.schema import APPLICATION_ID, SCHEMA_VERSION, SQLITE_HEADER

MAX_PROBLEMS = 50


@frozen
class Diagnosis:
    """What ``claims doctor`` found: problems (none when sound) and facts about the store."""

    path: str
    problems: tuple[str, ...]
    facts: tuple[tuple[str, str], ...] = ()
    """(label, value) pairs to show, in order."""

    @property
    def sound(self) -> bool:
        return not self.problems


def _count(conn: sqlite3.Connection, sql: str) -> int:
    return int(conn.execute(sql).fetchone()[0])


def diagnose(location: str | os.PathLike[str]) -> Diagnosis:
    """Examine the store file at ``location`` (a path) with SQLite's full ``integrity_check``."""
    path = Path(location)
    if not path.exists():
        return Diagnosis(str(path), (f"{path} does not exist",))
    if path.is_dir():
        return Diagnosis(str(path), (f"{path} is a directory, not a store file",))
    problems: list[str] = []
    facts: list[tuple[str, str]] = []
    size = path.stat().st_size
    wal = Path(f"{path}-wal")
    facts.append(("size", f"{size:,} bytes" + (f" (+ {wal.stat().st_size:,} bytes of write-ahead log)"
                                                if wal.exists() else "")))
    facts.append(("writable", "yes" if os.access(path, os.W_OK) else "no (reading commands open it read-only)"))
    with path.open("rb") as handle:
        header = handle.read(100)
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        return Diagnosis(str(path), (f"{path} is not a SQLite database, so not a claims store",), tuple(facts))
    problem = header_problem(header, size)
    if problem is not None:
        problems.append(problem)
    uri = "file:" + urllib.parse.quote(str(path.resolve()))
    try:
        try:
            conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        except sqlite3.OperationalError:
            conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
        try:
            checked = [row[0] for row in conn.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})")]
            if checked != ["ok"]:
                problems.extend(line for entry in checked for line in entry.splitlines() if line.strip())
            facts.extend(_contents(conn))
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        problems.append(f"SQLite cannot read it: {exc}")
    return Diagnosis(str(path), tuple(problems), tuple(facts))


def _contents(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Schema version and what the store holds (as far as the tables can be read)."""
    facts: list[tuple[str, str]] = []
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')")}
    if app_id not in (0, APPLICATION_ID) or "schema_version" not in tables:
        facts.append(("kind", "a SQLite database, but not a claims store"))
        return facts
    version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0
    note = "" if version == SCHEMA_VERSION else (
        " (newer than this claims: upgrade claims)" if version > SCHEMA_VERSION
        else " (older: the next command that writes upgrades it)")
    facts.append(("schema", f"{version} (this claims writes {SCHEMA_VERSION}){note}"))
    for label, table in (("documents", "documents"), ("claims", "claims"), ("conflicts", "conflicts")):
        try:
            facts.append((label, f"{_count(conn, f'SELECT count(*) FROM {table}'):,}"))
        except sqlite3.DatabaseError as exc:
            facts.append((label, f"unreadable ({exc})"))
    try:
        total = _count(conn, "SELECT count(*) FROM annotations")
        orphaned = _count(
            conn,
            "SELECT count(*) FROM effective_annotations e WHERE e.target_kind = 'claim' AND (e.target_id IS NULL "
            "OR NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = e.target_id))",
        )
        moved = _count(
            conn,
            "SELECT count(*) FROM annotation_targets t WHERE t.method IN ('quote', 'fuzzy') AND t.seq = "
            "(SELECT max(seq) FROM annotation_targets WHERE annotation_id = t.annotation_id)",
        )
        facts.append(("annotations", f"{total:,} ({orphaned:,} orphaned: `claims list --orphaned`; {moved:,} moved "
                                     "to a changed statement: `claims list --moved`)"))
    except sqlite3.DatabaseError as exc:
        facts.append(("annotations", f"unreadable ({exc})"))
    return facts
