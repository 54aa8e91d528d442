"""The tables of schema version 1, written once for both dialects.

A version means the same tables, columns and rules in SQLite and PostgreSQL; what differs is
said by :class:`DDL` (column types, how rows are numbered, the append-only triggers). Later
versions are small and written per dialect in :mod:`~claims.store.schema` and
:mod:`~claims.store.pgschema`.
"""

from __future__ import annotations

from collections.abc import Callable

from attrs import frozen

from claims.review import ADJUDICATING_ROLES, ROLES


@frozen
class DDL:
    serial: str
    """A table's own sequence number column, primary key: the store's order of appending."""
    real: str
    without_rowid: str
    conflict_order: str
    """A column that keeps the order conflicts were stored in (SQLite has its rowid)."""
    json_anchor: str
    """The annotation's own anchor (JSON text, NULL when it has none) from ``a.data``."""
    append_only: Callable[[str], tuple[str, ...]]
    """Statements refusing UPDATE and DELETE on a table."""
    prelude: tuple[str, ...] = ()
    """Statements before the tables (PostgreSQL's trigger function)."""


def first_version(d: DDL) -> tuple[str, ...]:
    return (
        *d.prelude,
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
        f"""CREATE TABLE conflicts (
            {d.conflict_order}id TEXT PRIMARY KEY,
            rule TEXT NOT NULL,
            severity TEXT NOT NULL,
            outcome TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        f"""CREATE TABLE conflict_claims (
            conflict_id TEXT NOT NULL REFERENCES conflicts(id) ON DELETE CASCADE,
            claim_id TEXT NOT NULL,
            PRIMARY KEY (conflict_id, claim_id)
        ){d.without_rowid}""",
        "CREATE INDEX conflict_claims_by_claim ON conflict_claims(claim_id, conflict_id)",
        # No foreign key to claims or conflicts: those are rebuilt, annotations must survive.
        f"""CREATE TABLE annotations (
            seq {d.serial},
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
        *d.append_only("annotations"),
        # The effective target of an annotation is its latest row here, else its own target.
        f"""CREATE TABLE annotation_targets (
            seq {d.serial},
            annotation_id TEXT NOT NULL REFERENCES annotations(id),
            target_id TEXT,
            method TEXT NOT NULL,
            score {d.real} NOT NULL,
            anchor TEXT,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX annotation_targets_by_annotation ON annotation_targets(annotation_id, seq)",
        "CREATE INDEX annotation_targets_by_target ON annotation_targets(target_id)",
        *d.append_only("annotation_targets"),
        f"""CREATE VIEW effective_annotations AS
        SELECT a.seq, a.id, a.target_kind, a.document_id, a.verdict, a.retracts, a.data,
               CASE WHEN t.seq IS NULL THEN a.target_id ELSE t.target_id END AS target_id,
               COALESCE(t.method, 'original') AS method,
               COALESCE(t.score, 1.0) AS score,
               CASE WHEN t.seq IS NULL THEN {d.json_anchor} ELSE t.anchor END
                   AS anchor
        FROM annotations a
        LEFT JOIN annotation_targets t ON t.seq = (
            SELECT max(seq) FROM annotation_targets WHERE annotation_id = a.id
        )""",
        f"""CREATE TABLE current_verdicts (
            target_kind TEXT NOT NULL,
            target_id TEXT NOT NULL,
            verdict TEXT NOT NULL,
            annotation_id TEXT NOT NULL,
            PRIMARY KEY (target_kind, target_id)
        ){d.without_rowid}""",
        "CREATE INDEX current_verdicts_by_verdict ON current_verdicts(target_kind, verdict, target_id)",
    )


def _sql_list(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


ADJUDICATORS = f"role IN ({_sql_list(ADJUDICATING_ROLES)})"
"""The roles that may adjudicate, as SQL over ``reviewers``."""

REVIEWERS = (
    f"""CREATE TABLE reviewers (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ({_sql_list(ROLES)})),
            added_at TEXT NOT NULL
        )""",
    "ALTER TABLE annotations ADD COLUMN adjudication INTEGER NOT NULL DEFAULT 0",
)
"""Version 4, both dialects: the reviewers and their roles, and which annotations adjudicate
(each dialect adds the trigger refusing an adjudication by anyone but an adjudicator)."""


ASSIGNMENTS = (
    """CREATE TABLE assignments (
            claim_id TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            blind INTEGER NOT NULL DEFAULT 1,
            assigned_at TEXT NOT NULL,
            PRIMARY KEY (claim_id, reviewer)
        )""",
    "CREATE INDEX assignments_by_reviewer ON assignments(reviewer, claim_id)",
)
"""Version 5, both dialects: claims assigned to reviewers, blind or open (see
:data:`claims.store.queries.HIDDEN_FROM`)."""


REVIEWER_INDEX = (
    "CREATE INDEX annotations_by_reviewer ON annotations(target_id, reviewer)",
)
"""Version 6, both dialects: a reviewer's own annotations on a claim by index, which blind
review asks of every claim it shows (and PostgreSQL's row-level security of every row it
reads); PostgreSQL adds that row-level security (:mod:`~claims.store.pgschema`)."""


EVENTS = (
    """CREATE TABLE reconciled_events (
            position INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            name TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
)
"""Version 8, both dialects: the events every stored document is grouped into, in order (the
event's JSON in ``data``), kept from the reconciliation that made the findings so a report
need not group every document again. A cache: every ingest replaces or empties it, and an
empty table means the documents are grouped when a report asks."""
