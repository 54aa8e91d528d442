"""The store interface: everything the CLI, the TUI and the services may ask of a store.

Documents, claims and conflicts are derived and may be rebuilt at any time; annotations are
the reviewers' work, append-only, and never deleted. A store persists and queries; what an
annotation history means (the current verdict, a retraction) and where annotations go after
an edit are decided by :mod:`claims.review`, which every backend calls. A PostgreSQL store
would implement this protocol and register itself in :func:`claims.store.open_store`.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Protocol

from attrs import frozen

from claims.errors import StoreError  # noqa: F401  (defined there so the CLI need not import the store)

from claims.model import (
    Anchor,
    Annotation,
    Claim,
    Conflict,
    Document,
    Kind,
    Outcome,
    TargetKind,
    Verdict,
)
from claims.review import ReanchorReport, Reattached

if TYPE_CHECKING:
    from claims.reconcile.events import Event




@frozen
class ClaimQuery:
    """A filter over stored claims. Every field left as None matches everything."""

    document: str | None = None
    kind: Kind | None = None
    side: str | None = None
    """A column number (`1`, `2`) or a substring of the side's name."""
    verdict: Verdict | None = None
    only_conflicts: bool = False
    only_unattributed: bool = False
    """No claimant and no cited reference."""
    only_unreviewed: bool = False
    search: str | None = None
    """Case-insensitive substring of the quote, subject or claimant."""
    only_infobox: bool = False
    """Only claims read from an infobox field (not from the prose)."""
    queue_of: str | None = None
    """Only claims assigned to this reviewer that they have not given a verdict yet: their
    queue, as ``Store.assigned(reviewer)`` lists it."""
    verdict_not_by: str | None = None
    """Only claims whose current verdict was given by someone other than this reviewer (with
    ``verdict``: disputed by others), leaving out claims blind review still hides from them."""
    viewer: str | None = None
    """Filter by verdict as this reviewer may see them: a claim blind review hides from them
    has no verdict for ``verdict`` (it is unreviewed for ``only_unreviewed``)."""


@frozen
class ConflictOutline:
    """What a report needs of a finding it counts but does not list."""

    id: str
    rule: str
    outcome: Outcome
    claims: tuple[str, ...]


@frozen
class DocumentInfo:
    id: str
    path: str
    title: str
    format: str
    sha256: str
    claims: int
    ingested_at: str


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
    anchor: Anchor | None = None
    """The claim's anchor where it went (None when orphaned, or for a conflict)."""


@frozen
class StoreContents:
    """Everything in a store, read at one moment: what `claims pull` copies to an offline store."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    """As stored: confidence as computed, no override applied (the annotations carry those)."""
    conflicts: tuple[Conflict, ...]
    annotations: tuple[Annotation, ...]
    """In the store's sequence, oldest first."""
    moves: tuple[Reanchoring, ...]
    """Every re-anchoring move, oldest first."""
    reviewers: tuple[tuple[str, str], ...]
    assignments: tuple[tuple[str, str, bool], ...]
    """(claim id, reviewer, blind)."""
    events: tuple[Event, ...] | None = None
    """The events kept for these documents (:meth:`Store.events`), None when none are kept."""


@frozen
class IngestSummary:
    documents: int
    claims: int
    conflicts: int
    unchanged: int = 0
    reanchor: ReanchorReport = ReanchorReport()


class Store(Protocol):
    """A claims store. Every method is safe to call from one thread per store object."""

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc_info: object) -> None: ...

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
        """Replace these documents' derived data in one transaction and re-anchor annotations.

        When ``conflicts`` is given, the stored conflicts are replaced by them: all of them, or
        with ``conflict_scope`` (document ids) only those involving a claim of those documents.
        ``refreshed`` claims of other stored documents are rewritten in place (new confidence).
        Conflict annotations follow their conflict through re-anchored claims (``via-claims``).
        The kept events (:meth:`events`) are replaced by ``events`` when they group every
        document stored after this ingest, else forgotten: the documents changed.
        """
        ...

    def replace_conflicts(self, conflicts: Sequence[Conflict], events: Sequence[Event] | None = None) -> None:
        """Replace every stored conflict in one transaction, and the kept events by ``events``
        when given (the grouping of every stored document the conflicts were found in; events
        grouping other documents are not kept)."""
        ...

    def keep_grouping(self, events: Sequence[Event], documents: Sequence[Document]) -> bool:
        """Keep ``events``, the grouping a report made of ``documents``, when no events are kept
        and ``documents`` are every stored document, unchanged; True when they were kept. A
        report after an incremental ingest writes its grouping back this way, so the next one
        does not group again. A read-only store keeps nothing, and nothing is kept (nor waited
        for) while another session writes."""
        ...

    def events(self) -> list[Event] | None:
        """The events every stored document was grouped into when its findings were derived,
        in order; None when none are kept (an ingest since then, or none ever given): group the
        documents again (:func:`claims.reconcile.group_events`)."""
        ...

    def documents(self) -> list[DocumentInfo]: ...

    def document(self, document_id: str) -> Document | None: ...

    def document_outlines(self, lead: int = 3000) -> list[Document]:
        """Every stored document with its text cut to the first ``lead`` characters.

        Enough to group documents into events (title, infobox) and to read a `Part of` line,
        without loading every full text.
        """
        ...

    def count_claims(self, query: ClaimQuery = ClaimQuery()) -> int: ...

    def claims(
        self, query: ClaimQuery = ClaimQuery(), offset: int = 0, limit: int | None = None
    ) -> list[Claim]:
        """Claims matching ``query`` ordered by document then position."""
        ...

    def claim(self, claim_id: str, viewer: str | None = None) -> Claim | None: ...

    def claims_with_ids(self, claim_ids: Collection[str]) -> list[Claim]:
        """The stored claims among ``claim_ids`` (overrides in force applied), in no set order."""
        ...

    def claim_documents(self, claim_ids: Collection[str]) -> dict[str, str]:
        """Claim id -> its document's id, for the stored claims among ``claim_ids``."""
        ...

    def conflicts(self, claim_id: str | None = None, *, unless: Outcome | None = None) -> list[Conflict]:
        """Every conflict (or those involving ``claim_id``) in stored order, leaving out those
        whose outcome is ``unless``."""
        ...

    def conflict_outlines(self) -> list[ConflictOutline]:
        """Every conflict's rule, outcome and claims, in stored order, without building the
        findings: a report counts the consistent checks it does not list."""
        ...

    def conflict(self, conflict_id: str) -> Conflict | None: ...

    def annotate(self, annotation: Annotation) -> None:
        """Append an annotation, committed before this returns; checked with
        :func:`claims.review.check_annotation`."""
        ...

    def retract(self, annotation_id: str, reviewer: str, note: str = "") -> Annotation:
        """Append a retraction of an annotation (undo), aimed where it is attached now."""
        ...

    def annotations(
        self, target_id: str | None = None, target_kind: TargetKind | None = None, *, viewer: str | None = None
    ) -> list[Annotation]:
        """Annotations in the store's sequence, oldest first; with ``target_id``, those attached
        to it now (re-anchored ones included); with ``viewer``, as blind review lets them see."""
        ...

    def current_verdicts(
        self, target_kind: TargetKind = TargetKind.CLAIM, *, viewer: str | None = None
    ) -> dict[str, Annotation]:
        """Effective target id -> its current verdict, as :func:`claims.review.current_verdict` says
        (with ``viewer``: without the claims blind review hides from them)."""
        ...

    def assign(self, claim_ids: Sequence[str], reviewers: Sequence[str], *, blind: bool = True) -> int:
        """Assign claims to reviewers (blind by default); returns the number of assignments."""
        ...

    def assigned(self, reviewer: str, *, pending: bool = True) -> list[str]:
        """Claim ids assigned to a reviewer (``pending``: not yet given a verdict by them)."""
        ...

    def current_targets(self) -> dict[str, str | None]:
        """annotation id -> the target it is attached to now, for annotations that moved.

        Re-anchoring after an edit moves annotations to new claim (or conflict) ids; an
        annotation's own ``target_id`` keeps naming what it was made on. None: orphaned.
        """
        ...

    def orphaned_annotations(self) -> list[Annotation]:
        """Annotations whose target no longer exists and could not be re-anchored."""
        ...

    def reanchorings(self, annotation_id: str | None = None) -> list[Reanchoring]:
        """How an annotation was re-attached over time, oldest first (without an id: every
        move in the store, in its order)."""
        ...

    def reattached(self) -> list[Reattached]:
        """Claim annotations whose last move was not exact (same quote in changed context, a
        changed quote) or orphaned them, with the quote before and after: what a reviewer should
        check after re-ingesting edited documents. Retractions are left out."""
        ...

    def stored_annotation_ids(self, annotation_ids: Collection[str]) -> set[str]:
        """Those of these annotation ids the store holds, whether this session may read them or
        not (blind review hides some from a reviewer's role; that ids exist reveals nothing)."""
        ...

    def bound_reviewer(self) -> str | None:
        """The reviewer this session *is*, when the database binds it to one (PostgreSQL: a
        login role that does not own the store writes only in its own name); None when the
        session says whom it writes for (the store's owner, a SQLite file)."""
        ...

    def add_reviewer(self, name: str, role: str) -> bool:
        """Register a reviewer with a role (``claims.review.ROLES``), or change their role.
        True when the database knows them as a login of their own, which it then binds by its
        row-level security (PostgreSQL); False when the store trusts its clients (SQLite)."""
        ...

    def assignments(self) -> list[tuple[str, str, bool]]:
        """(claim id, reviewer, blind) of every assignment, by claim and reviewer."""
        ...

    def contents(self) -> StoreContents:
        """Everything in the store, read in one snapshot (what a reader may see of it)."""
        ...

    def merge_annotations(self, annotations: Sequence[Annotation], moves: Sequence[Reanchoring] = (),
                          repairs: Sequence[Reanchoring] = ()) -> list[Annotation]:
        """Append, in the order given, the annotations this store lacks (by id), with the
        ``moves`` of those it adds (in the order given; moves of annotations it held already
        are left out), in one transaction; returns those added. Annotations ids are global
        (UUIDs), so merging is a union: merging the same ones again adds nothing.

        ``repairs`` (at most one per annotation) re-attach annotations this store holds
        orphaned: each is recorded only when its annotation is still orphaned here, its target
        is here (a claim: the same statement as the move's anchor) and the session may move
        that reviewer's annotation; any other is skipped. An annotation attached here is never
        moved by a merge."""
        ...

    def reviewers(self) -> list[tuple[str, str]]:
        """(name, role) of every registered reviewer, by name."""
        ...

    def integrity_check(self, full: bool = True) -> list[str]:
        """Problems the backend finds in its own storage; empty when it is sound (``full``: the
        thorough check, else a quicker one)."""
        ...

    def backup(self, destination: str | os.PathLike[str]) -> None:
        """Write a consistent copy of the whole store to ``destination`` while it stays in use."""
        ...

    def close(self) -> None: ...
