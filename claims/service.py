"""Operations on an open store that several front ends share (CLI, TUI): ingest, derive, audit inputs.

Each receives a :class:`~claims.store.Store` and never opens one: the caller decides which store
(and which backend) to use, and closes it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from claims.model import Anchor, Annotation, Claim, Conflict, Document, Kind, TargetKind
from claims.pipeline import Progress
from claims.review import DISPUTING_VERDICTS, SETTLED_CONFLICT_VERDICTS, same_statement
from claims.review.matching import Method
from claims.store.base import ClaimQuery, IngestSummary, Reanchoring, Store

if TYPE_CHECKING:
    from claims.audit import KnownConflict, ReviewedClaim
    from claims.reconcile import Event
    from claims.review.agreement import AgreementReport, Disagreement


def derive(
    documents: Sequence[Document], claims: Sequence[Claim], annotations: Sequence[Annotation] = ()
) -> tuple[list[Claim], list[Conflict]]:
    """Reconcile the claims and grade their confidence (reviewer overrides win)."""
    assessed, conflicts, _ = _derive_grouped(documents, claims, annotations)
    return assessed, conflicts


def _derive_grouped(
    documents: Sequence[Document], claims: Sequence[Claim], annotations: Sequence[Annotation] = ()
) -> tuple[list[Claim], list[Conflict], tuple[Event, ...]]:
    """:func:`derive`, with the events the documents were grouped into."""
    from claims.confidence import assess
    from claims.reconcile import reconcile_grouped

    events, conflicts = reconcile_grouped(list(documents), list(claims))
    return assess(list(claims), conflicts, list(annotations), documents=list(documents)), conflicts, events


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
    When every stored document was reconciled (a first ingest), the store keeps the events
    they were grouped into for its reports; otherwise it forgets those it kept.
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
    assessed, conflicts, events = _derive_grouped(list(documents) + others, list(claims) + stored)
    ingested = assessed[: len(claims)]
    refreshed = [new for new, old in zip(assessed[len(claims):], stored) if new != old]
    # Only a grouping of every stored document is the store's; a part's may differ from it.
    whole = scope >= {d.id for d in after}
    if progress is not None:
        progress("storing")
    return store.ingest(documents, ingested, conflicts, conflict_scope=scope, refreshed=refreshed,
                        events=events if whole else None)


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


def verdict_disagreements_of(store: Store, *, settled: bool = False, claims: Collection[str] | None = None) -> list[Disagreement]:
    """Stored claims whose reviewers' current verdicts differ (annotations as attached now),
    those an adjudication has not settled yet unless ``settled``; only ``claims`` when given
    (see :func:`claims.review.agreement.verdict_disagreements`)."""
    from claims.review import attached
    from claims.review.agreement import verdict_disagreements

    history = attached(store.annotations(target_kind=TargetKind.CLAIM), store.current_targets())
    return [
        d for d in verdict_disagreements(history)
        if (settled or not d.settled) and (claims is None or d.claim_id in claims)
        and store.claim(d.claim_id) is not None  # an orphaned verdict's claim is gone
    ]


@frozen
class SyncSummary:
    """What `claims pull` or `claims push` did."""

    documents: int
    """Documents copied (pull; 0 for a push, which sends annotations only)."""
    claims: int
    added: tuple[Annotation, ...]
    """The annotations the destination lacked, appended to it in the source's order."""
    already: int
    """Annotations the destination held already (a second push or pull adds nothing)."""
    orphaned: int
    """Of those added, how many name a claim the destination does not hold (kept, listed by
    `claims list --orphaned`)."""
    reattached: int
    """Of those the destination held already, orphaned, how many this merge attached to the
    same statement there (a later push or pull repairs what arrived orphaned)."""
    still_orphaned: int
    """Of those the destination held already, how many are still orphaned there."""
    disagreements: tuple[Disagreement, ...]
    """Claims the added annotations touch whose reviewers now disagree, unsettled."""
    not_sent: tuple[Annotation, ...] = ()
    """Annotations a push left in the copy: by another reviewer than the one the server binds
    the session to (and retractions of them), which that session may not add."""


def _merged(destination: Store, annotations: Sequence[Annotation], added: Sequence[Annotation],
            documents: int = 0, claims: int = 0, repairs: Sequence[Reanchoring] = ()) -> SyncSummary:
    ids = {a.id for a in added}
    sent = {a.id for a in annotations}
    moved = destination.current_targets()
    orphans = {a.id for a in destination.orphaned_annotations()}
    repaired = {r.annotation_id for r in repairs} - orphans
    kinds = {a.id: a.target_kind for a in annotations}
    touched = {moved.get(a.id) or a.target_id for a in added if a.target_kind is TargetKind.CLAIM}
    touched |= {t for i in repaired if kinds.get(i) is TargetKind.CLAIM and (t := moved.get(i)) is not None}
    return SyncSummary(
        documents=documents, claims=claims, added=tuple(added), already=len(annotations) - len(added),
        orphaned=len(ids & orphans), reattached=len(repaired),
        still_orphaned=len((sent - ids) & orphans),
        disagreements=tuple(verdict_disagreements_of(destination, claims=touched)) if touched else (),
    )


def pull(server: Store, local: Store) -> SyncSummary:
    """Copy the server's documents, claims, conflicts, reviewers, assignments and annotations
    (what this session may see of them) into ``local``, a store to review offline.

    The documents are ingested as the server has them (claims and conflicts replaced, with
    the server's confidence), so annotations made offline and not pushed yet re-anchor if a
    claim changed; then the server's annotations the local store lacks are appended, with
    their re-anchoring moves. Pulling again adds only what is new. The events the server kept
    come too, unless ``local`` holds documents the server does not (they group the server's).
    """
    contents = server.contents()
    own = {info.id for info in local.documents()} - {d.id for d in contents.documents}
    local.ingest(contents.documents, contents.claims, contents.conflicts, events=None if own else contents.events)
    for name, role in contents.reviewers:
        local.add_reviewer(name, role)
    groups: dict[tuple[str, bool], list[str]] = defaultdict(list)
    for claim_id, reviewer, blind in contents.assignments:
        groups[reviewer, blind].append(claim_id)
    for (reviewer, blind), claim_ids in sorted(groups.items()):
        local.assign(claim_ids, [reviewer], blind=blind)
    repairs = repairs_to_send(contents.annotations, contents.moves, local)
    added = local.merge_annotations(contents.annotations, contents.moves, repairs)
    return _merged(local, contents.annotations, added, len(contents.documents), len(contents.claims), repairs)


def push(local: Store, server: Store) -> SyncSummary:
    """Send the server the annotations ``local`` holds and it lacks, in the order they were
    made, with where ``local`` re-attached them, in one transaction. Only annotations and their
    moves travel (documents, claims and roles are the server's).

    Each annotation lands on the same statement in the version of the document the server
    holds (see :func:`moves_to_send`): after a re-ingest in ``local``, the server gets the moves
    when it holds the new version, and keeps the annotation where it was made when it holds
    the old one. Ids are global, so this is a union: pushing again adds nothing. Two
    reviewers' different verdicts on one claim are both kept and the claim is listed as a
    disagreement for the adjudicator (``disagreements`` in the summary, `claims
    disagreements`); the verdict that arrived last does not silently win.
    """
    annotations, kept = _pushable(local.annotations(), server)
    reanchorings = local.reanchorings()
    moves = moves_to_send(annotations, reanchorings, server)
    repairs = repairs_to_send(annotations, reanchorings, server)
    summary = _merged(server, annotations, server.merge_annotations(annotations, moves, repairs), repairs=repairs)
    return attrs.evolve(summary, not_sent=tuple(kept))


def _pushable(annotations: Sequence[Annotation], server: Store) -> tuple[list[Annotation], list[Annotation]]:
    """(what to send, what stays in the copy): a session the server binds to one reviewer (a
    PostgreSQL login of their own) may add only that reviewer's annotations, so those of anyone
    else the server lacks stay behind, with the retractions of them."""
    bound = server.bound_reviewer()
    if bound is None:
        return list(annotations), []
    theirs = [a.id for a in annotations if a.reviewer != bound]
    lacking = set(theirs) - server.stored_annotation_ids(theirs)
    for annotation in annotations:  # oldest first: a retraction comes after what it retracts
        if annotation.retracts in lacking:
            lacking.add(annotation.id)
    return [a for a in annotations if a.id not in lacking], [a for a in annotations if a.id in lacking]


def _places(annotations: Sequence[Annotation], moves: Sequence[Reanchoring], destination: Store
            ) -> tuple[dict[str, tuple[list[Reanchoring], list[int]]], set[str]]:
    """annotation id -> (its moves among ``moves``, oldest first; the indexes of its places
    ``destination`` holds as the same statement), and the ids of the claims among those places
    that ``destination`` holds (saying the same or not). An annotation's places are the target
    it was made on (index 0), then the target of each of its moves, with its anchor there."""
    by_annotation: dict[str, list[Reanchoring]] = defaultdict(list)
    for move in moves:
        by_annotation[move.annotation_id].append(move)
    claim_places = {a.target_id for a in annotations if a.target_kind is TargetKind.CLAIM}
    claim_places |= {m.target_id for a in annotations if a.target_kind is TargetKind.CLAIM
                     for m in by_annotation.get(a.id, ()) if m.target_id is not None}
    claims = {c.id: c for c in destination.claims_with_ids(claim_places)}
    conflicts = ({k.id for k in destination.conflicts()}
                 if any(a.target_kind is TargetKind.CONFLICT for a in annotations) else set())

    def held(kind: TargetKind, target: str | None, anchor: Anchor | None) -> bool:
        if target is None:
            return False
        if kind is TargetKind.CONFLICT:
            return target in conflicts
        return same_statement(claims.get(target), anchor)

    out: dict[str, tuple[list[Reanchoring], list[int]]] = {}
    for annotation in annotations:
        own = by_annotation.get(annotation.id, [])
        places = [(annotation.target_id, annotation.anchor)] + [(m.target_id, m.anchor) for m in own]
        out[annotation.id] = (own, [i for i, (target, anchor) in enumerate(places)
                                    if held(annotation.target_kind, target, anchor)])
    return out, set(claims)


def moves_to_send(annotations: Sequence[Annotation], moves: Sequence[Reanchoring], destination: Store) -> list[Reanchoring]:
    """The re-anchoring ``moves`` (of another store, oldest first) that put ``annotations``
    where they belong in ``destination``: on the same statement, never on another one.

    An annotation's places are the claim (or conflict) it was made on, then each claim a move
    took it to, each with the anchor it had there. Its moves are sent up to the latest place
    ``destination`` holds as the same statement (a claim of that id with the anchor's quote
    and kind; a conflict of that id): none when that is where it was made, none after it (an
    orphaning or a move to a version ``destination`` has not ingested). Claim ids come from
    offsets, so ``destination`` may hold a claim of that id saying something else (an edited
    figure): when no place is the same statement and the first one names such a claim, the
    annotation is sent orphaned instead (listed by `claims list --orphaned`).
    """
    places, named = _places(annotations, moves, destination)
    now = dt.datetime.now(dt.timezone.utc).isoformat()
    sent: list[Reanchoring] = []
    for annotation in annotations:
        own, held = places[annotation.id]
        if held:
            sent.extend(own[:held[-1]])
        elif annotation.target_kind is TargetKind.CLAIM and annotation.target_id in named:
            last = own[-1].anchor if own else annotation.anchor
            sent.append(Reanchoring(annotation.id, None, Method.ORPHANED.value, 0.0, now, last))
    return sent


def repairs_to_send(annotations: Sequence[Annotation], moves: Sequence[Reanchoring], destination: Store) -> list[Reanchoring]:
    """For each of ``annotations`` that ``destination`` holds orphaned, the one move that
    attaches it there to the latest of its places (see :func:`moves_to_send`) ``destination``
    holds as the same statement, when there is one.

    This is what a later push (or pull) brings an annotation that arrived orphaned: it was
    made on a claim the destination did not have yet, or its claim had been re-ingested away
    there and the copy has since followed it (a pull re-anchored it). The move is the copy's
    own move to that place (how and with what score it re-attached there), or, when the place
    is the claim it was made on, an exact move back to it. An annotation attached in
    ``destination`` is never moved.
    """
    ids = {a.id for a in annotations}
    orphaned = [a for a in destination.orphaned_annotations() if a.id in ids]
    if not orphaned:
        return []
    by_id = {a.id: a for a in annotations}
    chosen = [by_id[a.id] for a in orphaned]
    places, _ = _places(chosen, moves, destination)
    now = dt.datetime.now(dt.timezone.utc).isoformat()
    repairs: list[Reanchoring] = []
    for annotation in chosen:
        own, held = places[annotation.id]
        if not held:
            continue
        if held[-1] == 0:
            repairs.append(Reanchoring(annotation.id, annotation.target_id, Method.EXACT.value, 1.0, now,
                                       annotation.anchor))
        else:
            repairs.append(own[held[-1] - 1])
    return repairs
