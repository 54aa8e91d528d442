"""Operations on an open store that several front ends share (CLI, TUI): ingest, derive, audit inputs.

Each receives a :class:`~claims.store.Store` and never opens one: the caller decides which store
(and which backend) to use, and closes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from claims.model import Annotation, Claim, Conflict, Document, Kind, TargetKind
from claims.pipeline import Progress
from claims.review import DISPUTING_VERDICTS, SETTLED_CONFLICT_VERDICTS
from claims.store.base import ClaimQuery, IngestSummary, Store

if TYPE_CHECKING:
    from claims.audit import KnownConflict, ReviewedClaim
    from claims.review.agreement import AgreementReport


def derive(
    documents: Sequence[Document], claims: Sequence[Claim], annotations: Sequence[Annotation] = ()
) -> tuple[list[Claim], list[Conflict]]:
    """Reconcile the claims and grade their confidence (reviewer overrides win)."""
    from claims.confidence import assess
    from claims.reconcile import reconcile

    conflicts = reconcile(list(documents), list(claims))
    return assess(list(claims), conflicts, list(annotations), documents=list(documents)), conflicts


def ingest_documents(
    store: Store, documents: Sequence[Document], claims: Sequence[Claim], *, progress: Progress | None = None
) -> IngestSummary:
    """Store new documents and re-derive conflicts and confidence where they can have changed.

    Confidence is assessed without the reviewers' overrides: the store re-anchors annotations in
    the same transaction and applies the override in force to every claim it reads, so an
    override follows its annotation to the claim it is attached to now.

    Conflicts span documents (two versions of one article), so the new claims are reconciled
    with those already stored, but only within the affected events: those holding a new
    document before or after this ingest, and the other events of their wars (see
    :func:`claims.reconcile.affected_documents`). Only these documents' claims are loaded and
    assessed; stored claims whose confidence changed are rewritten, conflicts of the affected
    documents replaced, and everything else left as it is, in one transaction. The cost is
    that of the events touched, not of the store: a small ingest into a large store is fast.
    """
    from claims.reconcile import affected_documents

    if progress is not None:
        progress("reconciling")
    new_ids = {d.id for d in documents}
    before = store.document_outlines()
    dates_before = store.claims(ClaimQuery(kind=Kind.DATE, only_infobox=True))
    after = [d for d in before if d.id not in new_ids] + list(documents)
    dates_after = [c for c in dates_before if c.document not in new_ids]
    dates_after += [c for c in claims if c.kind is Kind.DATE and c.field is not None]
    scope = affected_documents(before, after, new_ids, dates_before, dates_after)
    loaded = [store.document(d) for d in sorted(scope - new_ids)]
    others = [d for d in loaded if d is not None]
    stored = [c for d in others for c in store.claims(ClaimQuery(document=d.id))]
    # The stored confidence is the computed one: the store applies the reviewers' overrides in
    # force when it reads claims, after re-anchoring has moved them to the new claims.
    assessed, conflicts = derive(list(documents) + others, list(claims) + stored)
    ingested = assessed[: len(claims)]
    refreshed = [new for new, old in zip(assessed[len(claims):], stored) if new != old]
    if progress is not None:
        progress("storing")
    return store.ingest(documents, ingested, conflicts, conflict_scope=scope, refreshed=refreshed)


def reviewed_for_audit(store: Store) -> tuple[list[KnownConflict], list[ReviewedClaim]]:
    """What a store tells the audit: conflicts no reviewer settled, and claims reviewers dispute."""
    from claims.audit import KnownConflict, ReviewedClaim

    settled = {
        target for target, annotation in store.current_verdicts(TargetKind.CONFLICT).items()
        if annotation.verdict in SETTLED_CONFLICT_VERDICTS
    }
    conflicts = []
    for conflict in store.conflicts():
        if conflict.id in settled:
            continue
        members = tuple(c for c in (store.claim(i) for i in conflict.claims) if c is not None)
        conflicts.append(KnownConflict(conflict, members))
    reviewed = []
    for target, annotation in store.current_verdicts(TargetKind.CLAIM).items():
        if annotation.verdict in DISPUTING_VERDICTS:
            claim = store.claim(target)
            if claim is not None:
                reviewed.append(ReviewedClaim(claim, annotation))
    return conflicts, reviewed


def agreement_of(store: Store) -> AgreementReport:
    """How far the store's reviewers agree on claims (their current verdicts, annotations as
    attached now), by claim kind and reviewer pair (see :mod:`claims.review.agreement`)."""
    from claims.review import attached
    from claims.review.agreement import agreement, reviewer_verdicts

    history = attached(store.annotations(target_kind=TargetKind.CLAIM), store.current_targets())
    verdicts = reviewer_verdicts(history)
    kinds: dict[str, Kind] = {}
    for claim_id, given in verdicts.items():
        if len(given) >= 2:
            claim = store.claim(claim_id)
            if claim is not None:  # an orphaned verdict's claim is gone: not a unit
                kinds[claim_id] = claim.kind
    return agreement({claim_id: verdicts[claim_id] for claim_id in kinds}, kinds)
