"""Where each annotation goes when a re-ingested document's claims change id: the decisions.

The store gathers what it holds (the old claims' anchors, each annotation's current target),
calls these functions inside its ingest transaction and appends the moves they return; it
decides nothing itself. Claim annotations follow their claim through :mod:`matching
<claims.review.matching>`; conflict annotations follow their conflict's claims.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from attrs import frozen

from claims.model import Anchor, Claim, Conflict, Document, TargetKind, Verdict
from claims.review.matching import Method, ReanchorResult, anchor_in, reanchor, sites_of


@frozen
class Reattached:
    """An annotation a re-ingest moved other than exactly, or orphaned: for the reviewer to check.

    ``new_quote`` and ``claim_id`` are None when it was orphaned.
    """

    annotation_id: str
    verdict: str
    """The annotation's verdict value (``accepted``, ``note``, ``confidence`` ...)."""
    document: str
    method: Method
    score: float
    old_quote: str
    new_quote: str | None
    claim_id: str | None


@frozen
class ReanchorReport:
    """What happened to existing annotations when a changed document was re-ingested."""

    stayed: int = 0
    moved: int = 0
    orphaned: int = 0
    fuzzy: int = 0
    """Of the moved, how many matched a claim whose quote changed (the reviewer should check)."""
    changes: tuple[Reattached, ...] = ()
    """Every annotation this ingest moved other than exactly, or orphaned, in document order."""

    def __add__(self, other: ReanchorReport) -> ReanchorReport:
        return ReanchorReport(
            self.stayed + other.stayed,
            self.moved + other.moved,
            self.orphaned + other.orphaned,
            self.fuzzy + other.fuzzy,
            self.changes + other.changes,
        )


@frozen
class Attachment:
    """An annotation as the store holds it now: its current target, how it got there, its anchor."""

    annotation_id: str
    target_id: str | None
    method: str
    """``original`` when it never moved, else the :class:`Method` value of its last move."""
    anchor: Anchor | None
    verdict: str = ""
    """The annotation's verdict value, for the list of moves a reviewer checks."""


@frozen
class Move:
    """A re-attachment for the store to record; ``target_id`` None means orphaned."""

    annotation_id: str
    target_kind: TargetKind
    previous: str | None
    """Where the annotation was attached before this move."""
    target_id: str | None
    method: Method
    score: float
    anchor: Anchor | None
    """The anchor where it is attached now (for an orphan, the last one it had)."""


@frozen
class DocumentReanchoring:
    """The outcome for one document: where each old claim went, the moves, the counts."""

    claims: Mapping[str, ReanchorResult]
    """Old claim id -> its counterpart among the new claims (or orphaned)."""
    moves: tuple[Move, ...]
    report: ReanchorReport


def same_statement(claim: Claim | None, anchor: Anchor | None) -> bool:
    """Whether ``claim`` (a stored claim of the id an annotation names, perhaps in another
    store) is the statement ``anchor`` was taken from: the same document and quote, and the
    same kind when the anchor records one. Claim ids come from offsets, so a claim of that id
    may say something else (a figure edited in place): an annotation is never attached to it."""
    return claim is not None and (anchor is None or (
        claim.span.quote == anchor.quote and anchor.document in ("", claim.span.document)
        and anchor.kind in (None, claim.kind)))


def _orphaned(key: str) -> ReanchorResult:
    return ReanchorResult(key, None, Method.ORPHANED, 0.0)


def reanchor_document(
    old_claims: Sequence[Claim],
    old_document: Document | None,
    new_document: Document,
    new_claims: Sequence[Claim],
    attachments: Iterable[Attachment],
) -> DocumentReanchoring:
    """Re-attach a document's claim annotations to its new claims.

    ``old_claims`` are every claim the document had, and ``old_document`` the version they
    were read from (None when the store no longer has it: their places are then unknown).
    Every old claim is matched at once, so claims compete fairly for their counterparts.
    ``attachments`` are the claim annotations of the document, oldest first. Those left over
    from older versions (orphaned, or made on a claim that had already been replaced) are
    matched afterwards and only take a claim another old claim has when they match it exactly.
    """
    attachments = list(attachments)
    text = new_document.text
    old_text = old_document.text if old_document is not None else None
    old_sites = list(zip((c.id for c in old_claims), sites_of(old_claims, old_document, old_text)))
    current = {r.key: r for r in reanchor(old_sites, new_claims, text, new_document=new_document)}
    old = dict(old_sites)
    new_by_id = {c.id: c for c in new_claims}
    stale = [
        (a.annotation_id, a.anchor) for a in attachments if a.target_id not in old and a.anchor is not None
    ]
    claimed = {r.claim_id for r in current.values() if r.claim_id is not None}
    leftover = {
        r.key: r for r in reanchor(stale, new_claims, text, claimed=claimed, new_document=new_document)
    }
    counts: Counter[str] = Counter()
    moves: list[Move] = []
    changes: list[Reattached] = []
    for a in attachments:
        if a.target_id in old:
            result, last_anchor = current[a.target_id], old[a.target_id].anchor
        else:
            result, last_anchor = leftover.get(a.annotation_id, _orphaned(a.annotation_id)), a.anchor
        shown = a.verdict != Verdict.RETRACTED.value and last_anchor is not None
        if result.claim_id is None:
            counts["orphaned"] += 1
            if a.method != Method.ORPHANED.value:
                moves.append(Move(a.annotation_id, TargetKind.CLAIM, a.target_id, None, Method.ORPHANED,
                                  0.0, last_anchor))
                if shown:
                    changes.append(Reattached(a.annotation_id, a.verdict, new_document.id, Method.ORPHANED, 0.0,
                                              last_anchor.quote, None, None))  # type: ignore[union-attr]
            continue
        if result.claim_id == a.target_id and result.method is not Method.FUZZY:
            counts["stayed"] += 1
            continue
        counts["moved"] += 1
        counts["fuzzy"] += result.method is Method.FUZZY
        claim = new_by_id[result.claim_id]
        moves.append(Move(a.annotation_id, TargetKind.CLAIM, a.target_id, result.claim_id, result.method,
                          result.score, anchor_in(claim, text)))
        if shown and result.method is not Method.EXACT:
            changes.append(Reattached(a.annotation_id, a.verdict, new_document.id, result.method, result.score,
                                      last_anchor.quote, claim.span.quote, claim.id))  # type: ignore[union-attr]
    order = {c.id: c.span.start for c in new_claims}
    changes.sort(key=lambda c: (c.claim_id is None, order.get(c.claim_id or "", 0)))
    return DocumentReanchoring(current, tuple(moves), ReanchorReport(**counts, changes=tuple(changes)))


def follower(
    conflict: Conflict,
    moved_claims: Mapping[str, ReanchorResult | None],
    claim_exists: Callable[[str], bool],
    conflict_rule: Callable[[str], str | None],
) -> tuple[str, float, bool] | None:
    """(new conflict id, score, whether a claim matched fuzzily) for a vanished conflict, or None.

    ``moved_claims`` holds the old claims of re-ingested documents and where each went (None: it
    was not among the document's claims); other claims must still exist as they are. The new
    conflict must have the same rule and exactly the counterparts as its claims.
    """
    claims: list[str] = []
    scores: list[float] = [1.0]
    fuzzy = False
    for claim_id in conflict.claims:
        if claim_id in moved_claims:
            result = moved_claims[claim_id]
            if result is None or result.claim_id is None:
                return None
            claims.append(result.claim_id)
            scores.append(result.score)
            fuzzy = fuzzy or result.method is Method.FUZZY
        elif claim_exists(claim_id):
            claims.append(claim_id)
        else:
            return None
    target = Conflict.id_for(conflict.rule, claims)
    if conflict_rule(target) != conflict.rule:
        return None
    return target, min(scores), fuzzy


def follow_conflicts(
    annotated: Iterable[tuple[Conflict, Sequence[str]]],
    moved_claims: Mapping[str, ReanchorResult | None],
    claim_exists: Callable[[str], bool],
    conflict_rule: Callable[[str], str | None],
) -> tuple[list[Move], ReanchorReport]:
    """Keep, move or orphan the annotations (ids given) of each conflict annotated before an ingest.

    A conflict that still exists keeps its annotations. One that vanished (its claims changed
    id in an edit) passes them to the new conflict of the same rule whose claims are exactly
    the old claims' re-anchored counterparts, recorded as ``via-claims`` with the weakest
    claim match as score (a fuzzy match, where a quote changed, is counted as such). Failing
    that the annotations are orphaned, and the reviewer is shown them.
    """
    counts: Counter[str] = Counter()
    moves: list[Move] = []
    for conflict, annotation_ids in annotated:
        if conflict_rule(conflict.id) is not None:
            counts["stayed"] += len(annotation_ids)
            continue
        found = follower(conflict, moved_claims, claim_exists, conflict_rule)
        if found is None:
            counts["orphaned"] += len(annotation_ids)
            continue
        target, score, fuzzy = found
        moves.extend(
            Move(annotation_id, TargetKind.CONFLICT, conflict.id, target, Method.VIA_CLAIMS, score, None)
            for annotation_id in annotation_ids
        )
        counts["moved"] += len(annotation_ids)
        if fuzzy:
            counts["fuzzy"] += len(annotation_ids)
    return moves, ReanchorReport(**counts)
