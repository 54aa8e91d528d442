"""The embedded store: one SQLite file holding documents, claims, conflicts and annotations.

Durability: the file is in WAL mode with ``synchronous=FULL``, so every commit syncs the
write-ahead log before it returns; an annotation that :meth:`SQLiteStore.annotate` accepted
survives a killed process and a power cut. Ingest is one transaction, so FULL costs one sync
per ingest. Writers take the lock up front (``BEGIN IMMEDIATE``), wait up to
:data:`BUSY_TIMEOUT` seconds for another process, and retry with backoff; readers never block.

Annotations are append-only rows. When re-ingesting an edited document changes claim ids, each
annotation is re-anchored (see :mod:`claims.store.reanchor`) and the outcome appended to
``annotation_targets``; an annotation's effective target is its latest row there, or its own
target when it never moved.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sqlite3
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
from attrs import frozen

from claims.convert import dumps, loads
from claims.model import (
    CLAIM_VERDICTS,
    CONFLICT_VERDICTS,
    Anchor,
    Annotation,
    Claim,
    Conflict,
    Document,
    Kind,
    Outcome,
    TargetKind,
    Verdict,
    stable_id,
)
from claims.store.base import (
    ClaimQuery,
    DocumentInfo,
    IngestSummary,
    ReanchorReport,
    StoreError,
)
from claims.store.reanchor import CONTEXT, Method, ReanchorResult, anchor_in, reanchor
from claims.store.schema import SQLITE_HEADER, migrate

T = TypeVar("T")

BUSY_TIMEOUT = 10.0
"""Seconds SQLite waits for another process's write lock before reporting it busy."""

LOCK_RETRY_FOR = 30.0
"""Seconds a write keeps retrying a locked store before giving up with a StoreError."""

CONFLICT_OUTCOMES = (Outcome.CONFLICT.value, Outcome.INDETERMINATE.value)
"""Conflict outcomes that ``ClaimQuery.only_conflicts`` selects (consistent/identity links do not)."""

_CLAIM_COLUMNS = (
    'id, document_id, kind, side_column, side_name, subject, quote, start, "end", claimant, data'
)

# Annotations whose effective target is :t: never moved and aimed at it, or last moved to it.
_ANNOTATIONS_OF_TARGET = """
    SELECT a.seq, a.id, a.target_kind, a.verdict, a.data FROM annotations a
    WHERE a.target_id = :t
      AND NOT EXISTS (SELECT 1 FROM annotation_targets m WHERE m.annotation_id = a.id)
    UNION ALL
    SELECT a.seq, a.id, a.target_kind, a.verdict, a.data
    FROM annotation_targets m JOIN annotations a ON a.id = m.annotation_id
    WHERE m.target_id = :t
      AND m.seq = (SELECT max(seq) FROM annotation_targets WHERE annotation_id = m.annotation_id)
    ORDER BY 1
"""


@frozen
class Reanchoring:
    """One re-attachment of an annotation: where it went, how it was matched, and when.

    ``target_id`` is None and ``method`` is ``orphaned`` when no claim matched.
    """

    annotation_id: str
    target_id: str | None
    method: str
    score: float
    created_at: str


def new_annotation(
    target: Claim | Conflict,
    verdict: Verdict,
    reviewer: str,
    *,
    note: str = "",
    confidence_override: float | None = None,
    override_reason: str | None = None,
    retracts: str | None = None,
) -> Annotation:
    """A new annotation on ``target`` with a fresh id, the time now (UTC) and the claim's anchor."""
    is_claim = isinstance(target, Claim)
    return Annotation(
        id=uuid.uuid4().hex,
        target_kind=TargetKind.CLAIM if is_claim else TargetKind.CONFLICT,
        target_id=target.id,
        verdict=verdict,
        reviewer=reviewer,
        created_at=dt.datetime.now(dt.timezone.utc),
        note=note,
        confidence_override=confidence_override,
        override_reason=override_reason,
        anchor=Anchor.of_claim(target) if is_claim else None,
        retracts=retracts,
    )


def check_annotation(annotation: Annotation) -> None:
    """Raise ValueError when an annotation cannot mean anything (wrong verdict for its target...)."""
    general = (Verdict.NOTE, Verdict.RETRACTED)
    if annotation.target_kind is TargetKind.CLAIM:
        allowed = (*CLAIM_VERDICTS, *general, Verdict.CONFIDENCE)
    else:
        allowed = (*CONFLICT_VERDICTS, *general)
    if annotation.verdict not in allowed:
        raise ValueError(
            f"verdict {annotation.verdict.value!r} does not apply to a {annotation.target_kind.value}; "
            f"use one of {', '.join(v.value for v in allowed)}"
        )
    if (annotation.verdict is Verdict.RETRACTED) != (annotation.retracts is not None):
        raise ValueError("a retraction needs `retracts` and only a retraction may have it")
    if annotation.verdict is Verdict.CONFIDENCE and annotation.confidence_override is None:
        raise ValueError("a confidence annotation needs a confidence_override")
    if annotation.created_at.tzinfo is None:
        raise ValueError("created_at must be timezone-aware (use UTC)")
    if not annotation.reviewer.strip():
        raise ValueError("an annotation needs a reviewer name")


def _utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat()


def _is_locked(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _check_path(path: Path) -> None:
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


class SQLiteStore:
    """A claims store in one SQLite file. Safe to share between threads (calls are serialised)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        _check_path(self.path)
        self._lock = threading.RLock()
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
            )
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"{self.path}: SQLite refused WAL mode (got {mode}); use a local disk")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
            migrate(conn, self.path)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            raise StoreError(
                f"{self.path} cannot be opened as a claims store ({exc}); "
                "pass another --db path, or move this file aside"
            ) from None
        except BaseException:
            if conn is not None:
                conn.close()
            raise
        self._conn = conn

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file; the store object cannot be used afterwards."""
        with self._lock:
            try:
                self._conn.execute("PRAGMA optimize")
            except sqlite3.DatabaseError:
                pass  # only statistics; closing must not fail over them
            self._conn.close()

    # -- transactions -------------------------------------------------------------------------

    def _read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        with self._lock:
            try:
                return work(self._conn)
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path}: {exc}") from None

    def _write(self, work: Callable[[sqlite3.Connection], T]) -> T:
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

    # -- ingest --------------------------------------------------------------------------------

    def ingest(
        self,
        documents: Sequence[Document],
        claims: Sequence[Claim],
        conflicts: Sequence[Conflict] | None = None,
        *,
        conflict_scope: Collection[str] | None = None,
        refreshed: Sequence[Claim] = (),
    ) -> IngestSummary:
        """Replace these documents' claims (and conflicts, when given) in one transaction.

        A document whose sha256 is unchanged still has its claims replaced (extraction may have
        improved) and is counted in ``unchanged``. Annotations are never deleted: those whose
        claim changed id are re-anchored or recorded as orphaned, as the summary reports.

        ``conflicts`` replace every stored conflict, or, with ``conflict_scope`` (document ids),
        only those involving a claim of one of these documents: an incremental ingest
        re-derives the affected events and leaves the others' conflicts as they are.
        ``refreshed`` are claims of other stored documents whose derived fields (confidence)
        changed; they are rewritten in place, by id. When ``conflicts`` is None, conflicts left
        pointing at claims that no longer exist are dropped; run the reconciler and
        :meth:`replace_conflicts` to rebuild them.

        A conflict annotation whose conflict disappeared follows it when a new conflict of the
        same rule joins the re-anchored counterparts of the old conflict's claims (recorded
        with method ``via-claims``); otherwise it is orphaned.
        """
        by_document: dict[str, list[Claim]] = {d.id: [] for d in documents}
        if len(by_document) != len(documents):
            raise StoreError("the same document was given twice to one ingest")
        seen: dict[str, Claim] = {}
        for claim in claims:
            if claim.document not in by_document:
                raise StoreError(
                    f"claim {claim.id} belongs to document {claim.document!r}, which is not in this ingest"
                )
            if claim.id in seen:
                first = seen[claim.id].span
                raise StoreError(
                    f"two claims share the id {claim.id} ({claim.kind.value} at {first.start}-{first.end} "
                    f"of {claim.document}); the extractor produced a duplicate"
                )
            seen[claim.id] = claim
            by_document[claim.document].append(claim)
        for claim in refreshed:
            if claim.document in by_document:
                raise StoreError(f"refreshed claim {claim.id} belongs to {claim.document!r}, which is ingested")
        now = _utc_now()
        document_rows = [
            (d.id, d.path, d.title, d.format.value, d.sha256, now, dumps(d)) for d in documents
        ]
        claim_rows = [_claim_row(c) for c in claims]
        refreshed_rows = [(*_claim_row(c)[1:], c.id) for c in refreshed]
        conflict_rows = None if conflicts is None else _conflict_rows(conflicts)
        scope_json = None if conflict_scope is None else json.dumps(sorted(set(conflict_scope)))

        def work(conn: sqlite3.Connection) -> IngestSummary:
            counts: dict[str, int] = defaultdict(int)
            touched: set[tuple[TargetKind, str]] = set()
            unchanged = 0
            annotated = _annotated_conflicts(conn)
            # Documents whose old claims must be matched to new ones: for claim annotations,
            # and for conflict annotations that may follow their claims.
            conflict_documents = _documents_of(
                conn, {cid for conflict in annotated.values() for cid in conflict.claims}
            )
            followed = set(conflict_documents.values())
            mappings: dict[str, dict[str, ReanchorResult]] = {}
            old_anchors: dict[str, list[tuple[str, Anchor]]] = {}
            if scope_json is not None:
                conn.execute(
                    "DELETE FROM conflicts WHERE id IN (SELECT cc.conflict_id FROM conflict_claims cc "
                    "JOIN claims c ON c.id = cc.claim_id "
                    "WHERE c.document_id IN (SELECT value FROM json_each(?)))",
                    (scope_json,),
                )
            for document, row in zip(documents, document_rows):
                old = conn.execute(
                    "SELECT sha256, json_extract(data, '$.text') FROM documents WHERE id = ?",
                    (document.id,),
                ).fetchone()
                if old is not None and old[0] == document.sha256:
                    unchanged += 1
                if document.id in followed or _has_claim_annotations(conn, document.id):
                    old_anchors[document.id] = _stored_anchors(conn, document.id, old[1] if old else None)
                conn.execute(
                    "INSERT INTO documents (id, path, title, format, sha256, ingested_at, data) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET path = excluded.path, "
                    "title = excluded.title, format = excluded.format, sha256 = excluded.sha256, "
                    "ingested_at = excluded.ingested_at, data = excluded.data",
                    row,
                )
                conn.execute("DELETE FROM claims WHERE document_id = ?", (document.id,))
            conn.executemany(
                f"INSERT INTO claims ({_CLAIM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                claim_rows,
            )
            _update_claims(conn, refreshed_rows)
            for document in documents:
                if document.id in old_anchors:
                    anchors = old_anchors[document.id]
                    mapping = {
                        r.key: r for r in reanchor(anchors, by_document[document.id], document.text)
                    }
                    mappings[document.id] = mapping
                    _reanchor_document(
                        conn, document, anchors, mapping, by_document[document.id], now, counts, touched,
                    )
            if conflict_rows is not None:
                _write_conflicts(conn, conflict_rows, replace_all=scope_json is None)
            conn.execute(
                "DELETE FROM conflicts WHERE id IN (SELECT cc.conflict_id FROM conflict_claims cc "
                "WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = cc.claim_id))"
            )
            _follow_conflicts(conn, annotated, conflict_documents, mappings, now, counts, touched)
            _refresh_verdicts(conn, touched)
            return IngestSummary(
                documents=len(documents),
                claims=len(claim_rows),
                conflicts=conn.execute("SELECT count(*) FROM conflicts").fetchone()[0],
                unchanged=unchanged,
                reanchor=ReanchorReport(
                    stayed=counts["stayed"],
                    moved=counts["moved"],
                    orphaned=counts["orphaned"],
                    fuzzy=counts["fuzzy"],
                ),
            )

        return self._write(work)

    def replace_conflicts(self, conflicts: Sequence[Conflict]) -> None:
        """Replace every stored conflict with ``conflicts`` in one transaction."""
        rows = _conflict_rows(conflicts)

        def work(conn: sqlite3.Connection) -> None:
            _write_conflicts(conn, rows)

        self._write(work)

    # -- reading -------------------------------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        """Every stored document with its claim count, by path."""
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT d.id, d.path, d.title, d.format, d.sha256, "
                "(SELECT count(*) FROM claims c WHERE c.document_id = d.id), d.ingested_at "
                "FROM documents d ORDER BY d.path, d.id"
            ).fetchall()
        )
        return [DocumentInfo(*row) for row in rows]

    def document(self, document_id: str) -> Document | None:
        row = self._read(
            lambda conn: conn.execute(
                "SELECT data FROM documents WHERE id = ?", (document_id,)
            ).fetchone()
        )
        return None if row is None else loads(row[0], Document)

    def document_outlines(self, lead: int = 3000) -> list[Document]:
        """Every stored document with its text cut to the first ``lead`` characters, by path.

        Enough to group documents into events (title, infobox) and to read a `Part of` line;
        SQLite cuts the text, so Python never decodes the full texts.
        """
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT json_set(data, '$.text', substr(json_extract(data, '$.text'), 1, ?)) "
                "FROM documents ORDER BY path, id",
                (max(lead, 0),),
            ).fetchall()
        )
        return [loads(row[0], Document) for row in rows]

    def count_claims(self, query: ClaimQuery = ClaimQuery()) -> int:
        """How many claims match ``query``, counted in SQLite.

        Unreviewed claims are counted as all matching claims minus the reviewed ones, which are
        few enough to look up one by one; probing every claim for a verdict is far slower.
        """
        if not (query.only_unreviewed and query.verdict is None):
            where, params = _where(query)
            return self._read(
                lambda conn: conn.execute(f"SELECT count(*) FROM claims c{where}", params).fetchone()[0]
            )
        where, params = _where(attrs.evolve(query, only_unreviewed=False))
        reviewed = (" AND " if where else " WHERE ") + (
            "c.id IN (SELECT target_id FROM current_verdicts WHERE target_kind = 'claim')"
        )

        def work(conn: sqlite3.Connection) -> int:
            conn.execute("BEGIN")  # one snapshot for both counts
            try:
                total = conn.execute(f"SELECT count(*) FROM claims c{where}", params).fetchone()[0]
                done = conn.execute(f"SELECT count(*) FROM claims c{where}{reviewed}", params).fetchone()[0]
            finally:
                conn.execute("COMMIT")
            return int(total - done)

        return self._read(work)

    def claims(
        self, query: ClaimQuery = ClaimQuery(), offset: int = 0, limit: int | None = None
    ) -> list[Claim]:
        """Claims matching ``query`` ordered by document then position; one page when ``limit`` is set."""
        where, params = _where(query)
        sql = (
            f"SELECT c.data FROM claims c{where} "
            'ORDER BY c.document_id, c.start, c."end", c.id LIMIT ? OFFSET ?'
        )
        page = [-1 if limit is None else max(limit, 0), max(offset, 0)]
        rows = self._read(lambda conn: conn.execute(sql, [*params, *page]).fetchall())
        return [loads(row[0], Claim) for row in rows]

    def claim(self, claim_id: str) -> Claim | None:
        row = self._read(
            lambda conn: conn.execute("SELECT data FROM claims WHERE id = ?", (claim_id,)).fetchone()
        )
        return None if row is None else loads(row[0], Claim)

    def conflicts(self, claim_id: str | None = None) -> list[Conflict]:
        """Every conflict, or those involving ``claim_id``, in the order they were stored."""
        if claim_id is None:
            sql, params = "SELECT data FROM conflicts ORDER BY rowid", ()
        else:
            sql = (
                "SELECT k.data FROM conflict_claims cc JOIN conflicts k ON k.id = cc.conflict_id "
                "WHERE cc.claim_id = ? ORDER BY k.rowid"
            )
            params = (claim_id,)
        rows = self._read(lambda conn: conn.execute(sql, params).fetchall())
        return [loads(row[0], Conflict) for row in rows]

    def conflict(self, conflict_id: str) -> Conflict | None:
        row = self._read(
            lambda conn: conn.execute(
                "SELECT data FROM conflicts WHERE id = ?", (conflict_id,)
            ).fetchone()
        )
        return None if row is None else loads(row[0], Conflict)

    # -- annotations ---------------------------------------------------------------------------

    def annotate(self, annotation: Annotation) -> None:
        """Append an annotation; it is committed and synced to disk before this returns.

        A claim annotation without an anchor gets the claim's, so it can follow the claim
        through later edits.
        """
        check_annotation(annotation)

        def work(conn: sqlite3.Connection) -> None:
            _insert_annotation(conn, annotation)

        self._write(work)

    def retract(self, annotation_id: str, reviewer: str, note: str = "") -> Annotation:
        """Withdraw an annotation by appending a retraction (undo); returns the retraction."""

        def work(conn: sqlite3.Connection) -> Annotation:
            row = conn.execute(
                "SELECT target_kind, target_id, anchor FROM effective_annotations WHERE id = ?",
                (annotation_id,),
            ).fetchone()
            if row is None:
                raise StoreError(f"there is no annotation {annotation_id} to retract")
            original = loads(
                conn.execute("SELECT data FROM annotations WHERE id = ?", (annotation_id,)).fetchone()[0],
                Annotation,
            )
            retraction = Annotation(
                id=uuid.uuid4().hex,
                target_kind=TargetKind(row[0]),
                target_id=row[1] if row[1] is not None else original.target_id,
                verdict=Verdict.RETRACTED,
                reviewer=reviewer,
                created_at=dt.datetime.now(dt.timezone.utc),
                note=note,
                anchor=loads(row[2], Anchor) if row[2] else None,
                retracts=annotation_id,
            )
            check_annotation(retraction)
            _insert_annotation(conn, retraction)
            return retraction

        return self._write(work)

    def annotations(
        self, target_id: str | None = None, target_kind: TargetKind | None = None
    ) -> list[Annotation]:
        """Annotations in the order they were made, oldest first.

        With ``target_id``, those whose effective target it is, including annotations made on
        an earlier version of the claim and re-anchored to it (their ``target_id`` field still
        names the claim they were made on; :meth:`reanchorings` tells how they moved).
        """
        if target_id is None:
            sql = "SELECT data FROM annotations"
            params: tuple[str, ...] = ()
            if target_kind is not None:
                sql += " WHERE target_kind = ?"
                params = (target_kind.value,)
            rows = self._read(lambda conn: conn.execute(sql + " ORDER BY seq", params).fetchall())
            return [loads(row[0], Annotation) for row in rows]
        rows = self._read(
            lambda conn: conn.execute(_ANNOTATIONS_OF_TARGET, {"t": target_id}).fetchall()
        )
        return [
            loads(data, Annotation)
            for _, _, kind, _, data in rows
            if target_kind is None or kind == target_kind.value
        ]

    def current_verdicts(self, target_kind: TargetKind = TargetKind.CLAIM) -> dict[str, Annotation]:
        """The latest non-retracted verdict annotation for each target, keyed by effective target id.

        Notes and confidence overrides are not verdicts; a retraction withdraws the annotation
        it names, and retracting the retraction restores it.
        """
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT v.target_id, a.data FROM current_verdicts v "
                "JOIN annotations a ON a.id = v.annotation_id WHERE v.target_kind = ?",
                (target_kind.value,),
            ).fetchall()
        )
        return {target: loads(data, Annotation) for target, data in rows}

    def orphaned_annotations(self) -> list[Annotation]:
        """Annotations whose target no longer exists and could not be re-anchored, oldest first."""
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT e.data FROM effective_annotations e WHERE "
                "(e.target_kind = 'claim' AND (e.target_id IS NULL OR NOT EXISTS "
                "  (SELECT 1 FROM claims c WHERE c.id = e.target_id))) OR "
                "(e.target_kind = 'conflict' AND NOT EXISTS "
                "  (SELECT 1 FROM conflicts k WHERE k.id = e.target_id)) "
                "ORDER BY e.seq"
            ).fetchall()
        )
        return [loads(row[0], Annotation) for row in rows]

    def current_targets(self) -> dict[str, str | None]:
        """annotation id -> the target it is attached to now, for annotations that moved (None: orphaned)."""
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT e.id, e.target_id FROM effective_annotations e WHERE e.method != 'original'"
            ).fetchall()
        )
        return dict(rows)

    def reanchorings(self, annotation_id: str) -> list[Reanchoring]:
        """How an annotation was re-attached over time, oldest first (empty when it never moved)."""
        rows = self._read(
            lambda conn: conn.execute(
                "SELECT annotation_id, target_id, method, score, created_at FROM annotation_targets "
                "WHERE annotation_id = ? ORDER BY seq",
                (annotation_id,),
            ).fetchall()
        )
        return [Reanchoring(*row) for row in rows]

    def integrity_check(self) -> list[str]:
        """SQLite's integrity check: an empty list when the file is sound."""
        rows = self._read(lambda conn: conn.execute("PRAGMA integrity_check").fetchall())
        return [] if [r[0] for r in rows] == ["ok"] else [r[0] for r in rows]


# -- rows ---------------------------------------------------------------------------------------


def _claim_row(claim: Claim) -> tuple[Any, ...]:
    span = claim.span
    return (
        claim.id,
        claim.document,
        claim.kind.value,
        claim.side.column,
        claim.side.name,
        claim.subject,
        span.quote,
        span.start,
        span.end,
        claim.attribution.claimant,
        dumps(claim),
    )


def _update_claims(conn: sqlite3.Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Rewrite stored claims in place (rows as from :func:`_claim_row`, id moved last)."""
    for row in rows:
        cursor = conn.execute(
            'UPDATE claims SET document_id = ?, kind = ?, side_column = ?, side_name = ?, subject = ?, '
            'quote = ?, start = ?, "end" = ?, claimant = ?, data = ? WHERE id = ?',
            row,
        )
        if cursor.rowcount != 1:
            raise StoreError(f"refreshed claim {row[-1]} is not stored; ingest its document instead")


def _conflict_rows(
    conflicts: Sequence[Conflict],
) -> tuple[list[tuple[str, str, str, str, str]], list[tuple[str, str]]]:
    rows: dict[str, tuple[str, str, str, str, str]] = {}
    links: list[tuple[str, str]] = []
    for conflict in conflicts:
        if conflict.id in rows:
            raise StoreError(f"two conflicts share the id {conflict.id} (rule {conflict.rule})")
        rows[conflict.id] = (
            conflict.id,
            conflict.rule,
            conflict.severity.value,
            conflict.outcome.value,
            dumps(conflict),
        )
        links.extend((conflict.id, claim_id) for claim_id in dict.fromkeys(conflict.claims))
    return list(rows.values()), links


def _write_conflicts(
    conn: sqlite3.Connection,
    rows: tuple[list[tuple[str, str, str, str, str]], list[tuple[str, str]]],
    *,
    replace_all: bool = True,
) -> None:
    """Insert conflicts (and their claim links), first deleting every stored one when ``replace_all``."""
    conflict_rows, links = rows
    if replace_all:
        conn.execute("DELETE FROM conflicts")
    conn.executemany(
        "INSERT INTO conflicts (id, rule, severity, outcome, data) VALUES (?, ?, ?, ?, ?)",
        conflict_rows,
    )
    conn.executemany("INSERT INTO conflict_claims (conflict_id, claim_id) VALUES (?, ?)", links)


def _insert_annotation(conn: sqlite3.Connection, annotation: Annotation) -> None:
    if conn.execute("SELECT 1 FROM annotations WHERE id = ?", (annotation.id,)).fetchone():
        raise StoreError(f"an annotation with id {annotation.id} is already stored")
    if annotation.retracts is not None and not conn.execute(
        "SELECT 1 FROM annotations WHERE id = ?", (annotation.retracts,)
    ).fetchone():
        raise StoreError(f"annotation {annotation.id} retracts {annotation.retracts}, which is not stored")
    if annotation.target_kind is TargetKind.CLAIM and annotation.anchor is None:
        row = conn.execute("SELECT data FROM claims WHERE id = ?", (annotation.target_id,)).fetchone()
        if row is not None:
            annotation = attrs.evolve(annotation, anchor=Anchor.of_claim(loads(row[0], Claim)))
    document_id = annotation.anchor.document if annotation.anchor is not None else None
    conn.execute(
        "INSERT INTO annotations (id, target_kind, target_id, document_id, verdict, reviewer, "
        "created_at, retracts, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            annotation.id,
            annotation.target_kind.value,
            annotation.target_id,
            document_id,
            annotation.verdict.value,
            annotation.reviewer,
            annotation.created_at.isoformat(),
            annotation.retracts,
            dumps(annotation),
        ),
    )
    touched = {(annotation.target_kind, annotation.target_id)}
    retracted = annotation.retracts
    while retracted is not None:
        row = conn.execute(
            "SELECT target_kind, target_id, retracts FROM effective_annotations WHERE id = ?",
            (retracted,),
        ).fetchone()
        if row is None:
            break
        if row[1] is not None:
            touched.add((TargetKind(row[0]), row[1]))
        retracted = row[2]
    _refresh_verdicts(conn, touched)


# -- verdicts -----------------------------------------------------------------------------------


def _withdrawn(conn: sqlite3.Connection) -> set[str]:
    """Ids of annotations withdrawn by a retraction that is itself still in force."""
    withdrawn: set[str] = set()
    # Newest first: a retraction's own retractions are always newer, so they are seen first.
    for annotation_id, retracts in conn.execute(
        "SELECT id, retracts FROM annotations WHERE verdict = ? ORDER BY seq DESC",
        (Verdict.RETRACTED.value,),
    ):
        if annotation_id not in withdrawn:
            withdrawn.add(retracts)
    return withdrawn


def _refresh_verdicts(conn: sqlite3.Connection, targets: Iterable[tuple[TargetKind, str]]) -> None:
    """Recompute the cached current verdict of each target from the annotation history."""
    targets = set(targets)
    if not targets:
        return
    withdrawn = _withdrawn(conn)
    for kind, target_id in targets:
        allowed = {v.value for v in (CLAIM_VERDICTS if kind is TargetKind.CLAIM else CONFLICT_VERDICTS)}
        rows = conn.execute(_ANNOTATIONS_OF_TARGET, {"t": target_id}).fetchall()
        current = next(
            (
                (annotation_id, verdict)
                for _, annotation_id, row_kind, verdict, _ in reversed(rows)
                if row_kind == kind.value and verdict in allowed and annotation_id not in withdrawn
            ),
            None,
        )
        if current is None:
            conn.execute(
                "DELETE FROM current_verdicts WHERE target_kind = ? AND target_id = ?",
                (kind.value, target_id),
            )
        else:
            conn.execute(
                "INSERT OR REPLACE INTO current_verdicts (target_kind, target_id, verdict, annotation_id) "
                "VALUES (?, ?, ?, ?)",
                (kind.value, target_id, current[1], current[0]),
            )


def _where(query: ClaimQuery) -> tuple[str, list[Any]]:
    """The WHERE clause (with a leading space, or empty) and parameters for ``query``."""
    clauses: list[str] = []
    params: list[Any] = []
    if query.document is not None:
        clauses.append("c.document_id = ?")
        params.append(query.document)
    if query.kind is not None:
        clauses.append("c.kind = ?")
        params.append(query.kind.value)
    if query.side is not None:
        side = query.side.strip()
        if side.isdigit():
            clauses.append("c.side_column = ?")
            params.append(int(side))
        else:
            clauses.append("c.side_name LIKE ? ESCAPE '\\'")
            params.append(_like(side))
    if query.verdict is not None:
        clauses.append(
            "c.id IN (SELECT target_id FROM current_verdicts WHERE target_kind = 'claim' AND verdict = ?)"
        )
        params.append(query.verdict.value)
    if query.only_unreviewed:
        clauses.append(
            "NOT EXISTS (SELECT 1 FROM current_verdicts v "
            "WHERE v.target_kind = 'claim' AND v.target_id = c.id)"
        )
    if query.only_conflicts:
        clauses.append(
            "EXISTS (SELECT 1 FROM conflict_claims cc JOIN conflicts k ON k.id = cc.conflict_id "
            f"WHERE cc.claim_id = c.id AND k.outcome IN ({', '.join('?' * len(CONFLICT_OUTCOMES))}))"
        )
        params.extend(CONFLICT_OUTCOMES)
    if query.only_unattributed:
        clauses.append("c.claimant IS NULL")
    if query.only_infobox:
        clauses.append("json_extract(c.data, '$.field') IS NOT NULL")
    if query.search:
        clauses.append(
            "(c.quote LIKE ? ESCAPE '\\' OR c.subject LIKE ? ESCAPE '\\' OR c.claimant LIKE ? ESCAPE '\\')"
        )
        params.extend([_like(query.search)] * 3)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


# -- re-anchoring -------------------------------------------------------------------------------


def _has_claim_annotations(conn: sqlite3.Connection, document_id: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM annotations WHERE document_id = ? AND target_kind = 'claim' LIMIT 1",
            (document_id,),
        ).fetchone()
        is not None
    )


def _stored_anchors(
    conn: sqlite3.Connection, document_id: str, text: str | None
) -> list[tuple[str, Anchor]]:
    """The anchor of every claim the document has now, before it is replaced."""
    anchors = []
    for claim_id, kind, start, end, quote in conn.execute(
        'SELECT id, kind, start, "end", quote FROM claims WHERE document_id = ?', (document_id,)
    ):
        fits = text is not None and text[start:end] == quote
        anchors.append(
            (
                claim_id,
                Anchor(
                    document=document_id,
                    quote=quote,
                    prefix=text[max(0, start - CONTEXT) : start] if fits else "",
                    suffix=text[end : end + CONTEXT] if fits else "",
                    start=start,
                    end=end,
                    kind=Kind(kind),
                ),
            )
        )
    return anchors


def _reanchor_document(
    conn: sqlite3.Connection,
    document: Document,
    old_anchors: list[tuple[str, Anchor]],
    current: dict[str, ReanchorResult],
    new_claims: list[Claim],
    now: str,
    counts: dict[str, int],
    touched: set[tuple[TargetKind, str]],
) -> None:
    """Re-attach the document's claim annotations to its new claims, appending what moved.

    ``current`` is where each old claim of the document went: every old claim is matched at
    once, so claims compete fairly for their counterparts. Annotations left over from older
    versions (orphaned, or made on a claim that had already been replaced) are matched
    afterwards and only take a claim another old claim has when they match it exactly.
    """
    rows = conn.execute(
        "SELECT id, target_id, method, anchor FROM effective_annotations "
        "WHERE document_id = ? AND target_kind = 'claim' ORDER BY seq",
        (document.id,),
    ).fetchall()
    old = dict(old_anchors)
    new_by_id = {c.id: c for c in new_claims}
    stale = [
        (annotation_id, loads(anchor, Anchor))
        for annotation_id, target, _, anchor in rows
        if target not in old and anchor is not None
    ]
    claimed = {r.claim_id for r in current.values() if r.claim_id is not None}
    leftover = {r.key: r for r in reanchor(stale, new_claims, document.text, claimed=claimed)}
    for annotation_id, target, method, anchor in rows:
        if target in old:
            result = current[target]
            last_anchor = dumps(old[target])
        else:
            result = leftover.get(annotation_id, ReanchorResult(annotation_id, None, Method.ORPHANED, 0.0))
            last_anchor = anchor
        if result.claim_id is None:
            counts["orphaned"] += 1
            if method != Method.ORPHANED.value:
                _append_target(conn, annotation_id, None, Method.ORPHANED, 0.0, last_anchor, now)
                touched.add((TargetKind.CLAIM, target))
            continue
        if result.claim_id == target and result.method is not Method.FUZZY:
            counts["stayed"] += 1
            continue
        counts["moved"] += 1
        if result.method is Method.FUZZY:
            counts["fuzzy"] += 1
        new_anchor = dumps(anchor_in(new_by_id[result.claim_id], document.text))
        _append_target(conn, annotation_id, result.claim_id, result.method, result.score, new_anchor, now)
        if target is not None:
            touched.add((TargetKind.CLAIM, target))
        touched.add((TargetKind.CLAIM, result.claim_id))


def _append_target(
    conn: sqlite3.Connection,
    annotation_id: str,
    target_id: str | None,
    method: Method,
    score: float,
    anchor: str | None,
    now: str,
) -> None:
    conn.execute(
        "INSERT INTO annotation_targets (annotation_id, target_id, method, score, anchor, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (annotation_id, target_id, method.value, score, anchor, now),
    )


def _annotated_conflicts(conn: sqlite3.Connection) -> dict[str, Conflict]:
    """Each stored conflict that some annotation currently targets."""
    rows = conn.execute(
        "SELECT k.data FROM conflicts k WHERE k.id IN "
        "(SELECT e.target_id FROM effective_annotations e WHERE e.target_kind = 'conflict')"
    ).fetchall()
    conflicts = (loads(row[0], Conflict) for row in rows)
    return {k.id: k for k in conflicts}


def _documents_of(conn: sqlite3.Connection, claim_ids: Collection[str]) -> dict[str, str]:
    """claim id -> document id, for the given claims that are stored."""
    if not claim_ids:
        return {}
    rows = conn.execute(
        "SELECT id, document_id FROM claims WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(claim_ids)),),
    ).fetchall()
    return dict(rows)


def _follow_conflicts(
    conn: sqlite3.Connection,
    annotated: dict[str, Conflict],
    claim_documents: dict[str, str],
    mappings: dict[str, dict[str, ReanchorResult]],
    now: str,
    counts: dict[str, int],
    touched: set[tuple[TargetKind, str]],
) -> None:
    """Keep, move or orphan the annotations of each conflict annotated before this ingest.

    A conflict that still exists keeps its annotations. One that vanished (its claims changed
    id in an edit) passes them to the new conflict of the same rule whose claims are exactly
    the old claims' re-anchored counterparts, recorded as ``via-claims`` with the weakest
    claim match as score (a fuzzy match, where a quote changed, is counted as such). Failing
    that the annotations are orphaned, and the reviewer is shown them.
    """
    for conflict in annotated.values():
        annotation_ids = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM effective_annotations WHERE target_kind = 'conflict' AND target_id = ?",
                (conflict.id,),
            )
        ]
        if conn.execute("SELECT 1 FROM conflicts WHERE id = ?", (conflict.id,)).fetchone():
            counts["stayed"] += len(annotation_ids)
            continue
        follower = _follower(conn, conflict, claim_documents, mappings)
        if follower is None:
            counts["orphaned"] += len(annotation_ids)
            continue
        target, score, fuzzy = follower
        for annotation_id in annotation_ids:
            _append_target(conn, annotation_id, target, Method.VIA_CLAIMS, score, None, now)
        counts["moved"] += len(annotation_ids)
        if fuzzy:
            counts["fuzzy"] += len(annotation_ids)
        touched.update({(TargetKind.CONFLICT, conflict.id), (TargetKind.CONFLICT, target)})


def _follower(
    conn: sqlite3.Connection,
    conflict: Conflict,
    claim_documents: dict[str, str],
    mappings: dict[str, dict[str, ReanchorResult]],
) -> tuple[str, float, bool] | None:
    """(new conflict id, score, whether a claim matched fuzzily) for a vanished conflict, or None."""
    claims: list[str] = []
    scores: list[float] = [1.0]
    fuzzy = False
    for claim_id in conflict.claims:
        document = claim_documents.get(claim_id)
        if document in mappings:
            result = mappings[document].get(claim_id)
            if result is None or result.claim_id is None:
                return None
            claims.append(result.claim_id)
            scores.append(result.score)
            fuzzy = fuzzy or result.method is Method.FUZZY
        elif conn.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone():
            claims.append(claim_id)
        else:
            return None
    target = stable_id("k_", conflict.rule, *sorted(set(claims)))
    row = conn.execute("SELECT rule FROM conflicts WHERE id = ?", (target,)).fetchone()
    if row is None or row[0] != conflict.rule:
        return None
    return target, min(scores), fuzzy


def open_store(path: str | os.PathLike[str] = "claims.db") -> SQLiteStore:
    """Open (creating when missing) the claims store at ``path``; raises StoreError when it cannot."""
    return SQLiteStore(path)


__all__ = [
    "BUSY_TIMEOUT",
    "Reanchoring",
    "SQLiteStore",
    "check_annotation",
    "new_annotation",
    "open_store",
]

