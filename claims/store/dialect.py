"""What differs between the SQL of the two backends, so every query is written once.

The shared SQL (:mod:`~claims.store.queries`, :mod:`~claims.store.history`, the store in
:mod:`~claims.store.sql`) is written with ``?`` and ``:name`` placeholders and the syntax
SQLite and PostgreSQL both accept (``INSERT ... ON CONFLICT ... DO UPDATE``, ``IN (?, ?)``).
The few places where they part ways ask the connection's :class:`Dialect`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from attrs import frozen

IN_CHUNK = 500
"""Values bound to one ``IN (?, ...)`` at most (both engines cap a statement's parameters)."""


@frozen
class Dialect:
    name: str
    like: str
    """The case-insensitive LIKE operator (SQLite's LIKE is, for ASCII; PostgreSQL's ILIKE)."""
    no_limit: Any
    """The LIMIT parameter meaning "no limit"."""
    insertion_order: str
    """The column that orders conflicts as they were stored."""
    json_member_sql: str
    """``{column}``/``{dotted}``/``{path}`` template: the JSON text of a member of a JSON column
    (``key`` may be nested: `attribution.reference`), NULL when absent or null."""
    stored_annotations_sql: str
    """``{marks}`` template: the ids among those bound that the store holds, including those
    PostgreSQL's row-level security hides from the session."""

    def json_member(self, column: str, key: str) -> str:
        return self.json_member_sql.format(column=column, dotted=key, path=",".join(key.split(".")))


SQLITE = Dialect(
    name="sqlite", like="LIKE", no_limit=-1, insertion_order="rowid",
    json_member_sql="json_extract({column}, '$.{dotted}')",
    stored_annotations_sql="SELECT id FROM annotations WHERE id IN ({marks})",
)
POSTGRES = Dialect(
    name="postgresql", like="ILIKE", no_limit=None, insertion_order="seq",
    json_member_sql="NULLIF((({column})::json #> '{{{path}}}')::text, 'null')",
    stored_annotations_sql="SELECT claims_stored_annotations(ARRAY[{marks}]::text[])",
)


def dialect_of(conn: object) -> Dialect:
    """The dialect of a connection: a PostgreSQL connection wrapper says so, else SQLite."""
    return getattr(conn, "dialect", SQLITE)


def placeholders(count: int) -> str:
    return ", ".join("?" * count)


def chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


SQLConnection = Any
"""A ``sqlite3.Connection``, or the PostgreSQL wrapper with the same ``execute`` (see
:class:`claims.store.postgres.PgConnection`): what the shared functions run their SQL on."""
