"""What every SQL store does, in SQL both backends speak: ingest, queries, annotations.

:class:`SQLStore` holds the whole :class:`~claims.store.base.Store` protocol over a
connection object (``read``/``rows``/``snapshot``/``write``); a backend (:mod:`.sqlite`,
:mod:`.postgres`) gives it the connection, the :class:`~claims.store.dialect.Dialect`, how a
document's text is written, and its own integrity check and backup. What annotations mean and
where they go after an edit is :mod:`claims.review`'s to decide. Rows are in
:mod:`~claims.store.rows`, ClaimQuery→SQL in :mod:`~claims.store.queries`, the annotation
tables in :mod:`~claims.store.history`.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any
from collections import defaultdict
from collections.abc import Collection, Sequence

import attrs

from claims.model import Annotation, Claim, Conflict, Document, Outcome, TargetKind
from claims.review import ROLES, Reattached, check_annotation, retraction_of
from claims.review.matching import ReanchorResult
from claims.review.reanchor import ReanchorReport, follow_conflicts, reanchor_document
from claims.store import history
from claims.store.base import ClaimQuery, ConflictOutline, DocumentInfo, IngestSummary, Reanchoring, StoreContents, StoreError
from claims.store.dialect import SQLITE, Dialect, SQLConnection, chunks, placeholders
from claims.store.queries import CLAIM_WITH_OVERRIDE, HIDDEN_FROM, OWN_VERDICT, REVIEWED_CLAIM, claim_select, claims_page, where
from claims.store.rows import (
    CLAIM_COLUMNS,
    ConflictRows,
    claim_of_row,
    claim_row,
    claims_of_conflict,
    conflict_rows,
    document_of_row,
    document_row,
    event_rows,
    load_one,
    loads,
)

if TYPE_CHECKING:
    from claims.reconcile.events import Event


def _utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat()


def _check_ingest(documents: Sequence[Document], claims: Sequence[Claim], refreshed: Sequence[Claim]) -> dict[str, list[Claim]]:
    """The claims by document; raises StoreError when the batch cannot be stored as given."""
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
    return by_document


def _write_conflicts(conn: SQLConnection, rows: ConflictRows, *, replace_all: bool = True) -> None:
    """Insert conflicts (and their claim links), first deleting every stored one when ``replace_all``."""
    conflicts, links = rows
    if replace_all:
        conn.execute("DELETE FROM conflicts")
    conn.executemany("INSERT INTO conflicts (id, rule, severity, outcome, data) VALUES (?, ?, ?, ?, ?)", conflicts)
    conn.executemany("INSERT INTO conflict_claims (conflict_id, claim_id) VALUES (?, ?)", links)


def _keep_events(conn: SQLConnection, events: Sequence[Event] | None) -> None:
    """Keep ``events`` as the grouping of every stored document, or forget the kept one.

    Events that do not group exactly the documents stored now (each in one event) are not
    kept: another write came between reading the documents and this one, and a report would
    show them as the store's grouping. Forgotten events cost a report the grouping, no more."""
    conn.execute("DELETE FROM reconciled_events")
    if events is None:
        return
    grouped = [document_id for event in events for document_id in event.documents]
    stored = {document_id for (document_id,) in conn.execute("SELECT id FROM documents")}
    if len(grouped) != len(stored) or set(grouped) != stored:
        return
    conn.executemany("INSERT INTO reconciled_events (position, id, name, data) VALUES (?, ?, ?, ?)",
                     event_rows(events))


def _update_claims(conn: SQLConnection, claims: Sequence[Claim]) -> None:
    """Rewrite stored claims in place, by id."""
    for claim in claims:
        row = claim_row(claim)
        cursor = conn.execute(
            'UPDATE claims SET document_id = ?, kind = ?, side_column = ?, side_name = ?, subject = ?, '
            'quote = ?, start = ?, "end" = ?, claimant = ?, data = ? WHERE id = ?',
            (*row[1:], row[0]),
        )
        if cursor.rowcount != 1:
            raise StoreError(f"refreshed claim {claim.id} is not stored; ingest its document instead")


DOCUMENT_UPSERT = (
    "INSERT INTO documents (id, path, title, format, sha256, ingested_at, data, text) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, {text}) ON CONFLICT(id) DO UPDATE SET path = excluded.path, "
    "title = excluded.title, format = excluded.format, sha256 = excluded.sha256, "
    "ingested_at = excluded.ingested_at, data = excluded.data, text = excluded.text"
)
"""Insert or replace a document's row; ``{text}`` is how the backend binds the text column."""


class SQLStore:
    """The :class:`~claims.store.base.Store` protocol over one SQL connection (see the module)."""

    dialect: Dialect = SQLITE
    path: Any
    read_only: bool
    _db: Any
    """The connection: ``read``, ``rows``, ``snapshot``, ``write``, ``close``."""

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection; the store object cannot be used afterwards."""
        self._db.close()

    def _as_reviewer(self, conn: SQLConnection, reviewer: str) -> None:
        """Say who writes, for the rules the database enforces (a PostgreSQL session setting)."""

    def _writes_as(self, conn: SQLConnection, reviewer: str) -> bool:
        """Whether this session may append ``reviewer``'s annotations and their re-anchoring
        moves (a file trusts its clients; PostgreSQL asks the database's rule)."""
        return True

    def _put_document(self, conn: SQLConnection, document: Document, row: tuple[Any, ...]) -> None:
        """Insert or replace a document's row with its text (``row`` from :func:`document_row`)."""
        raise NotImplementedError

    # -- ingest --------------------------------------------------------------------------------

    def ingest(
        self,
        documents: Sequence[Document],
        claims: Sequence[Claim],
        conflicts: Sequence[Conflict] | None = None,
        *,
        conflict_scope: Collection[str] | None = None,
        refreshed: Sequence[Claim] = (),
        events: Sequence[Event] | None = None,
    ) -> IngestSummary:
        """Replace these documents' claims (and conflicts, when given) in one transaction.

        A document whose sha256 is unchanged still has its claims replaced (extraction may have
        improved) and is counted in ``unchanged``. Annotations are never deleted: those whose
        claim changed id are re-anchored or recorded as orphaned (as
        :mod:`claims.review.reanchor` decides), as the summary reports.

        ``conflicts`` replace every stored conflict, or, with ``conflict_scope`` (document ids),
        only those involving a claim of one of these documents: an incremental ingest
        re-derives the affected events and leaves the others' conflicts as they are.
        ``refreshed`` are claims of other stored documents whose derived fields (confidence)
        changed; they are rewritten in place, by id. When ``conflicts`` is None, conflicts left
        pointing at claims that no longer exist are dropped; run the reconciler and
        :meth:`replace_conflicts` to rebuild them. The kept events are replaced by ``events``
        when they group every document stored after this ingest, else forgotten.
        """
        by_document = _check_ingest(documents, claims, refreshed)
        now = _utc_now()
        document_rows = [document_row(d, now) for d in documents]
        claim_rows = [claim_row(c) for c in claims]
        rows = None if conflicts is None else conflict_rows(conflicts)
        scope = None if conflict_scope is None else sorted(set(conflict_scope))

        def work(conn: SQLConnection) -> IngestSummary:
            report = ReanchorReport()
            touched: set[history.Target] = set()
            unchanged = 0
            annotated = history.annotated_conflicts(conn)
            # Documents whose old claims must be matched to new ones: for claim annotations,
            # and for conflict annotations that may follow their claims.
            conflict_documents = history.documents_of(
                conn, {cid for conflict, _ in annotated for cid in conflict.claims}
            )
            followed: dict[str, list[str]] = defaultdict(list)
            for claim_id, document_id in conflict_documents.items():
                followed[document_id].append(claim_id)
            old_versions: dict[str, tuple[list[Claim], Document | None]] = {}
            for chunk in chunks(scope or ()):
                conn.execute(
                    "DELETE FROM conflicts WHERE id IN (SELECT cc.conflict_id FROM conflict_claims cc "
                    "JOIN claims c ON c.id = cc.claim_id "
                    f"WHERE c.document_id IN ({placeholders(len(chunk))}))",
                    tuple(chunk),
                )
            for document, row in zip(documents, document_rows):
                old = conn.execute("SELECT sha256 FROM documents WHERE id = ?", (document.id,)).fetchone()
                if old is not None and old[0] == document.sha256:
                    unchanged += 1
                if document.id in followed or history.has_claim_annotations(conn, document.id):
                    old_versions[document.id] = (
                        history.stored_claims(conn, document.id), history.stored_document(conn, document.id)
                    )
                self._put_document(conn, document, row)
                conn.execute("DELETE FROM claims WHERE document_id = ?", (document.id,))
            conn.executemany(
                f"INSERT INTO claims ({CLAIM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claim_rows
            )
            _update_claims(conn, refreshed)
            moved_claims: dict[str, ReanchorResult | None] = {}
            for document in documents:
                if document.id not in old_versions:
                    continue
                old_claims, old_document = old_versions[document.id]
                outcome = reanchor_document(
                    old_claims, old_document, document, by_document[document.id],
                    history.claim_attachments(conn, document.id),
                )
                touched |= history.append_moves(conn, outcome.moves, now)
                report += outcome.report
                moved_claims.update((claim_id, outcome.claims.get(claim_id)) for claim_id in followed[document.id])
            if rows is not None:
                _write_conflicts(conn, rows, replace_all=scope is None)
            _keep_events(conn, events)
            conn.execute(
                "DELETE FROM conflicts WHERE id IN (SELECT cc.conflict_id FROM conflict_claims cc "
                "WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = cc.claim_id))"
            )

            def claim_exists(claim_id: str) -> bool:
                return conn.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone() is not None

            def conflict_rule(conflict_id: str) -> str | None:
                row = conn.execute("SELECT rule FROM conflicts WHERE id = ?", (conflict_id,)).fetchone()
                return None if row is None else row[0]

            moves, followed_report = follow_conflicts(annotated, moved_claims, claim_exists, conflict_rule)
            touched |= history.append_moves(conn, moves, now)
            history.refresh_verdicts(conn, touched)
            return IngestSummary(
                documents=len(documents),
                claims=len(claim_rows),
                conflicts=conn.execute("SELECT count(*) FROM conflicts").fetchone()[0],
                unchanged=unchanged,
                reanchor=report + followed_report,
            )

        return self._db.write(work)

    def replace_conflicts(self, conflicts: Sequence[Conflict], events: Sequence[Event] | None = None) -> None:
        """Replace every stored conflict with ``conflicts`` in one transaction, and the kept
        events by ``events`` when given (else they stay: the documents did not change); events
        that do not group every stored document are not kept (see :func:`_keep_events`)."""
        rows = conflict_rows(conflicts)

        def work(conn: SQLConnection) -> None:
            _write_conflicts(conn, rows)
            if events is not None:
                _keep_events(conn, events)

        self._db.write(work)

    def keep_grouping(self, events: Sequence[Event], documents: Sequence[Document]) -> bool:
        """Keep ``events``, grouped from ``documents``, when no events are kept, ``documents``
        are those stored now, unchanged (same ids and digests), and no other session is writing;
        True when they were kept (see :class:`~claims.store.base.Store`)."""
        if self.read_only:
            return False
        given = {(d.id, d.sha256) for d in documents}

        def work(conn: SQLConnection) -> bool:
            # Checked in the writing transaction: an ingest between the report's reading and
            # this write either kept events of its own or changed the documents.
            if conn.execute("SELECT 1 FROM reconciled_events LIMIT 1").fetchone() is not None:
                return False
            if {(i, h) for i, h in conn.execute("SELECT id, sha256 FROM documents").fetchall()} != given:
                return False
            _keep_events(conn, events)
            return conn.execute("SELECT 1 FROM reconciled_events LIMIT 1").fetchone() is not None

        # Skipped, not waited for, while another session writes: a report must not wait for
        # a long ingest, whose end would change the documents or keep events of its own.
        return bool(self._db.try_write(work))

    def events(self) -> list[Event] | None:
        """The kept events, in order; None when none are kept (see :class:`~claims.store.base.Store`)."""
        return self._db.read(self._events)

    def _events(self, conn: SQLConnection) -> list[Event] | None:
        from claims.reconcile.events import Event  # the reconciler's import is paid only here

        rows = conn.execute("SELECT data FROM reconciled_events ORDER BY position").fetchall()
        return [loads(data, Event, self.path) for (data,) in rows] or None

    # -- reading -------------------------------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        """Every stored document with its claim count, by path."""
        rows = self._db.rows(
            "SELECT d.id, d.path, d.title, d.format, d.sha256, "
            "(SELECT count(*) FROM claims c WHERE c.document_id = d.id), d.ingested_at "
            "FROM documents d ORDER BY d.path, d.id"
        )
        return [DocumentInfo(*row) for row in rows]

    def document(self, document_id: str) -> Document | None:
        rows = self._db.rows("SELECT data, text FROM documents WHERE id = ?", (document_id,))
        return document_of_row(*rows[0], self.path) if rows else None

    def document_outlines(self, lead: int = 3000) -> list[Document]:
        """Every stored document with its text cut to the first ``lead`` characters, by path.

        Enough to group documents into events (title, infobox) and to read a `Part of` line;
        The database cuts the text (stored as UTF-8, so at four bytes a character at most), so
        Python never decodes the full texts.
        """
        lead = max(lead, 0)
        rows = self._db.rows("SELECT data, substr(text, 1, ?) FROM documents ORDER BY path, id", (4 * lead,))
        return [document_of_row(data, text, self.path, limit=lead) for data, text in rows]

    def count_claims(self, query: ClaimQuery = ClaimQuery()) -> int:
        """How many claims match ``query``, counted by the database.

        Unreviewed claims are counted as all matching claims minus the reviewed ones, which are
        few enough to look up one by one; probing every claim for a verdict is far slower.
        """
        if not (query.only_unreviewed and query.verdict is None):
            clause, params = where(query, self.dialect)
            return self._db.rows(f"SELECT count(*) FROM claims c{clause}", params)[0][0]
        clause, params = where(attrs.evolve(query, only_unreviewed=False), self.dialect)
        reviewed = (" AND " if clause else " WHERE ") + REVIEWED_CLAIM
        done_params = list(params)
        if query.viewer is not None:
            # A claim blind review hides from the viewer is unreviewed to them.
            reviewed += " AND NOT " + HIDDEN_FROM.format(target="c.id", viewer="?")
            done_params += [query.viewer] * HIDDEN_FROM.count("{viewer}")

        def work(conn: SQLConnection) -> int:
            total = conn.execute(f"SELECT count(*) FROM claims c{clause}", params).fetchone()[0]
            done = conn.execute(f"SELECT count(*) FROM claims c{clause}{reviewed}", done_params).fetchone()[0]
            return int(total - done)

        return self._db.snapshot(work)

    def claims(
        self, query: ClaimQuery = ClaimQuery(), offset: int = 0, limit: int | None = None
    ) -> list[Claim]:
        """Claims matching ``query`` ordered by document then position; one page when ``limit`` is set."""
        sql, params = claims_page(query, offset, limit, self.dialect)
        return [claim_of_row(*row, self.path) for row in self._db.rows(sql, params)]

    def claim(self, claim_id: str, viewer: str | None = None) -> Claim | None:
        """The claim with this id, its confidence as a reviewer's override in force sets it
        (with ``viewer``, as blind review lets them see it)."""
        select, head = claim_select(viewer)
        rows = self._db.rows(f"{select} WHERE c.id = ?", (*head, claim_id))
        return claim_of_row(*rows[0], self.path) if rows else None

    def claims_with_ids(self, claim_ids: Collection[str]) -> list[Claim]:
        """The stored claims among ``claim_ids`` (overrides in force applied), in no set order;
        a report reads the few claims it shows this way instead of every claim."""
        found: list[Claim] = []
        for chunk in chunks(sorted(set(claim_ids))):
            rows = self._db.rows(f"{CLAIM_WITH_OVERRIDE} WHERE c.id IN ({placeholders(len(chunk))})", tuple(chunk))
            found.extend(claim_of_row(*row, self.path) for row in rows)
        return found

    def claim_documents(self, claim_ids: Collection[str]) -> dict[str, str]:
        """Claim id -> its document's id, for the stored claims among ``claim_ids`` (no JSON read)."""
        return self._db.read(lambda conn: history.documents_of(conn, set(claim_ids)))

    def conflicts(self, claim_id: str | None = None, *, unless: Outcome | None = None) -> list[Conflict]:
        """Every conflict, or those involving ``claim_id``, in the order they were stored;
        without those whose outcome is ``unless``."""
        params: tuple[str, ...]
        if claim_id is None:
            sql, params = "SELECT data FROM conflicts k", ()
        else:
            sql = "SELECT k.data FROM conflict_claims cc JOIN conflicts k ON k.id = cc.conflict_id WHERE cc.claim_id = ?"
            params = (claim_id,)
        if unless is not None:
            sql += f" {'AND' if claim_id is not None else 'WHERE'} k.outcome <> ?"
            params += (unless.value,)
        sql += f" ORDER BY k.{self.dialect.insertion_order}"
        return [loads(row[0], Conflict, self.path) for row in self._db.rows(sql, params)]

    def conflict_outlines(self) -> list[ConflictOutline]:
        """Every conflict's rule, outcome and claims in stored order, read from its JSON without
        building the finding (a report counts a hundred thousand consistent checks this way);
        the database picks the claims out of the JSON, so only they are fetched and parsed."""
        claims = self.dialect.json_member("data", "claims")
        rows = self._db.rows(f"SELECT id, rule, outcome, {claims} FROM conflicts ORDER BY {self.dialect.insertion_order}")
        return [ConflictOutline(id, rule, Outcome(outcome), claims_of_conflict(ids, self.path))
                for id, rule, outcome, ids in rows]

    def conflict(self, conflict_id: str) -> Conflict | None:
        return load_one(self._db.rows("SELECT data FROM conflicts WHERE id = ?", (conflict_id,)), Conflict, self.path)

    # -- annotations ---------------------------------------------------------------------------

    def annotate(self, annotation: Annotation) -> None:
        """Append an annotation; it is committed (and durable) before this returns.

        A claim annotation without an anchor gets the claim's, so it can follow the claim
        through later edits.
        """
        check_annotation(annotation)

        def work(conn: SQLConnection) -> None:
            self._as_reviewer(conn, annotation.reviewer)
            history.insert_annotation(conn, annotation)

        self._db.write(work)

    def retract(self, annotation_id: str, reviewer: str, note: str = "") -> Annotation:
        """Withdraw an annotation by appending a retraction (undo); returns the retraction.

        The retraction is aimed where the annotation is attached now, so it follows it.
        """

        def work(conn: SQLConnection) -> Annotation:
            found = history.effective(conn, annotation_id)
            if found is None:
                raise StoreError(f"there is no annotation {annotation_id} to retract")
            original, target_id, anchor = found
            retraction = retraction_of(original, reviewer, target_id=target_id, anchor=anchor, note=note)
            check_annotation(retraction)
            self._as_reviewer(conn, reviewer)
            history.insert_annotation(conn, retraction)
            return retraction

        return self._db.write(work)

    def annotations(
        self, target_id: str | None = None, target_kind: TargetKind | None = None, *, viewer: str | None = None
    ) -> list[Annotation]:
        """Annotations in the order the store made them, oldest first.

        With ``target_id``, those whose effective target it is, including annotations made on
        an earlier version of the claim and re-anchored to it (their ``target_id`` field still
        names the claim they were made on; :meth:`reanchorings` tells how they moved). With
        ``viewer`` too, blind review holds: on a claim assigned to the viewer blind that they
        have not given a verdict yet, only their own annotations.
        """
        if target_id is not None and viewer is not None and self._hidden_from(target_id, viewer):
            return [a for a in self.annotations(target_id, target_kind) if a.reviewer == viewer]
        if target_id is None:
            sql = "SELECT data FROM annotations"
            params: tuple[str, ...] = ()
            if target_kind is not None:
                sql += " WHERE target_kind = ?"
                params = (target_kind.value,)
            return [loads(row[0], Annotation, self.path) for row in self._db.rows(sql + " ORDER BY seq", params)]
        rows = self._db.read(lambda conn: history.history_rows(conn, target_id))
        return [
            loads(data, Annotation, self.path)
            for _, _, kind, _, _, data in rows
            if target_kind is None or kind == target_kind.value
        ]

    def current_verdicts(
        self, target_kind: TargetKind = TargetKind.CLAIM, *, viewer: str | None = None
    ) -> dict[str, Annotation]:
        """Effective target id -> its current verdict annotation (see :mod:`claims.review.policy`);
        with ``viewer``, without the claims blind review hides from them."""
        sql = ("SELECT v.target_id, a.data FROM current_verdicts v "
               "JOIN annotations a ON a.id = v.annotation_id WHERE v.target_kind = :kind")
        params = {"kind": target_kind.value, "viewer": viewer}
        if viewer is not None:
            sql += " AND NOT " + HIDDEN_FROM.format(target="v.target_id", viewer=":viewer")
        rows = self._db.rows(sql, params)
        return {target: loads(data, Annotation, self.path) for target, data in rows}

    def orphaned_annotations(self) -> list[Annotation]:
        """Annotations whose target no longer exists and could not be re-anchored, oldest first."""
        rows = self._db.rows(
            "SELECT e.data FROM effective_annotations e WHERE "
            "(e.target_kind = 'claim' AND (e.target_id IS NULL OR NOT EXISTS "
            "  (SELECT 1 FROM claims c WHERE c.id = e.target_id))) OR "
            "(e.target_kind = 'conflict' AND NOT EXISTS "
            "  (SELECT 1 FROM conflicts k WHERE k.id = e.target_id)) "
            "ORDER BY e.seq"
        )
        return [loads(row[0], Annotation, self.path) for row in rows]

    def current_targets(self) -> dict[str, str | None]:
        """annotation id -> the target it is attached to now, for annotations that moved (None: orphaned)."""
        return dict(self._db.rows("SELECT e.id, e.target_id FROM effective_annotations e WHERE e.method != 'original'"))

    def reanchorings(self, annotation_id: str | None = None) -> list[Reanchoring]:
        """How an annotation was re-attached over time, oldest first (empty when it never
        moved); without an id, every move in the store."""
        return self._db.read(lambda conn: history.moves(conn, annotation_id))

    def reattached(self) -> list[Reattached]:
        """Claim annotations last moved other than exactly, or orphaned, with old and new quote."""

        def work(conn: SQLConnection) -> list[Reattached]:
            return history.reattached(conn)

        return self._db.snapshot(work)


    # -- reviewers -----------------------------------------------------------------------------

    def stored_annotation_ids(self, annotation_ids: Collection[str]) -> set[str]:
        """Those of these annotation ids the store holds (hidden from this session or not)."""
        return self._db.read(lambda conn: history.stored_ids(conn, annotation_ids))

    def bound_reviewer(self) -> str | None:
        """None: a file trusts its clients to say whom they write for."""
        return None

    def add_reviewer(self, name: str, role: str) -> bool:
        """Register a reviewer with a role (or change the role of one already registered);
        False: the store has no logins of its own to bind them to (see :class:`~claims.store.base.Store`)."""
        if role not in ROLES:
            raise StoreError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
        if not name.strip():
            raise StoreError("a reviewer needs a name")
        self._db.write(lambda conn: conn.execute(
            "INSERT INTO reviewers (name, role, added_at) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET role = excluded.role", (name, role, _utc_now())))
        return False

    def reviewers(self) -> list[tuple[str, str]]:
        """(name, role) of every registered reviewer, by name."""
        return [(name, role) for name, role in self._db.rows("SELECT name, role FROM reviewers ORDER BY name")]


    # -- assignments and blind review ----------------------------------------------------------

    def _hidden_from(self, claim_id: str, viewer: str) -> bool:
        sql = f"SELECT CASE WHEN {HIDDEN_FROM.format(target=':claim', viewer=':viewer')} THEN 1 ELSE 0 END"
        return bool(self._db.rows(sql, {"claim": claim_id, "viewer": viewer})[0][0])

    def assign(self, claim_ids: Sequence[str], reviewers: Sequence[str], *, blind: bool = True) -> int:
        """Assign each claim to each reviewer (blind: none sees another's verdict on it before
        giving their own); returns how many assignments were made or changed."""
        now = _utc_now()
        rows = [(claim_id, reviewer, int(blind), now) for claim_id in claim_ids for reviewer in reviewers]
        self._db.write(lambda conn: conn.executemany(
            "INSERT INTO assignments (claim_id, reviewer, blind, assigned_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (claim_id, reviewer) DO UPDATE SET blind = excluded.blind", rows))
        return len(rows)

    def assignments(self) -> list[tuple[str, str, bool]]:
        """(claim id, reviewer, blind) of every assignment, by claim and reviewer."""
        rows = self._db.rows("SELECT claim_id, reviewer, blind FROM assignments ORDER BY claim_id, reviewer")
        return [(claim_id, reviewer, bool(blind)) for claim_id, reviewer, blind in rows]

    def assigned(self, reviewer: str, *, pending: bool = True) -> list[str]:
        """The claims assigned to ``reviewer`` by document and position; with ``pending`` only
        those they have not given a verdict yet (their queue: the first is their next claim)."""
        sql = 'SELECT c.id FROM assignments s JOIN claims c ON c.id = s.claim_id WHERE s.reviewer = :viewer'
        if pending:
            sql += " AND NOT " + OWN_VERDICT.format(target="c.id", viewer=":viewer")
        rows = self._db.rows(sql + ' ORDER BY c.document_id, c.start, c."end", c.id', {"viewer": reviewer})
        return [row[0] for row in rows]


    # -- offline copies: pull and push -----------------------------------------------------------

    def contents(self) -> StoreContents:
        """Everything in the store, read in one snapshot (on PostgreSQL, what this session's
        row-level security lets it see)."""

        def work(conn: SQLConnection) -> StoreContents:
            documents = tuple(document_of_row(data, text, self.path) for data, text in
                              conn.execute("SELECT data, text FROM documents ORDER BY path, id"))
            claims = tuple(loads(data, Claim, self.path) for (data,) in conn.execute(
                'SELECT data FROM claims ORDER BY document_id, start, "end", id'))
            conflicts = tuple(loads(data, Conflict, self.path) for (data,) in conn.execute(
                f"SELECT data FROM conflicts ORDER BY {self.dialect.insertion_order}"))
            annotations = tuple(loads(data, Annotation, self.path) for (data,) in conn.execute(
                "SELECT data FROM annotations ORDER BY seq"))
            reviewers = tuple((name, role) for name, role in conn.execute("SELECT name, role FROM reviewers ORDER BY name"))
            assignments = tuple((claim_id, reviewer, bool(blind)) for claim_id, reviewer, blind in conn.execute(
                "SELECT claim_id, reviewer, blind FROM assignments ORDER BY claim_id, reviewer"))
            kept = self._events(conn)
            return StoreContents(documents, claims, conflicts, annotations, tuple(history.moves(conn)),
                                 reviewers, assignments, None if kept is None else tuple(kept))

        return self._db.snapshot(work)

    def merge_annotations(self, annotations: Sequence[Annotation], moves: Sequence[Reanchoring] = (),
                          repairs: Sequence[Reanchoring] = ()) -> list[Annotation]:
        """Append the annotations this store lacks, in the order given, and the moves of those
        it adds, then the ``repairs`` of annotations it holds orphaned, in one transaction;
        returns those added (merging them again adds nothing).

        A merged annotation is appended after every annotation already here, so where two
        reviewers' verdicts differ the store's current verdict is the later merged one; what
        each reviewer said stays theirs, and the claim is a disagreement for the adjudicator
        (:func:`claims.review.agreement.verdict_disagreements`). A repair is recorded only
        when its annotation is still orphaned here and its target is here as the same
        statement (:func:`~claims.store.history.reattach_orphans`).
        """
        for annotation in annotations:
            try:
                check_annotation(annotation)
            except ValueError as exc:
                raise StoreError(f"annotation {annotation.id} by {annotation.reviewer} cannot be merged: {exc}") from None

        def work(conn: SQLConnection) -> list[Annotation]:
            known = history.stored_ids(conn, [a.id for a in annotations])
            allowed: dict[str, bool] = {}

            def writes_as(reviewer: str) -> bool:
                if reviewer not in allowed:
                    allowed[reviewer] = self._writes_as(conn, reviewer)
                return allowed[reviewer]

            others = sorted(r for r in {a.reviewer for a in annotations if a.id not in known} if not writes_as(r))
            if others:
                count = sum(a.id not in known and a.reviewer in others for a in annotations)
                bound = self.bound_reviewer()
                raise StoreError(
                    f"{self.path}: {count} of the annotations to add are by {', '.join(others)}, and your database "
                    f"role {bound} writes only in its own name, so nothing was added: the store's owner can add "
                    f"them, or give those verdicts again as {bound}")
            added: list[Annotation] = []
            touched: set[history.Target] = set()
            for annotation in annotations:
                if annotation.id in known:
                    continue
                known.add(annotation.id)  # the same annotation twice in one batch is one
                self._as_reviewer(conn, annotation.reviewer)
                touched |= history.append_annotation(conn, annotation)
                added.append(annotation)
            new = {a.id for a in added}
            touched |= history.copy_moves(conn, [m for m in moves if m.annotation_id in new])
            touched |= history.reattach_orphans(conn, repairs, writes_as)
            history.refresh_verdicts(conn, touched)
            return added

        return self._db.write(work)
