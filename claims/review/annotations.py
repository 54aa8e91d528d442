"""Making annotations: a new verdict, note or override, a retraction, and what makes one valid."""

from __future__ import annotations

import datetime as dt
import uuid

import attrs

from claims.model import Anchor, Annotation, Claim, Conflict, TargetKind, Verdict
from claims.review.policy import verdicts_for

_ANY_TARGET = (Verdict.NOTE, Verdict.RETRACTED)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def new_annotation(
    target: Claim | Conflict,
    verdict: Verdict,
    reviewer: str,
    *,
    note: str = "",
    confidence_override: float | None = None,
    override_reason: str | None = None,
    adjudication: bool = False,
) -> Annotation:
    """A new annotation on ``target`` with a fresh id, the time now (UTC) and the claim's anchor
    (``adjudication``: an adjudicator's verdict settling a disagreement)."""
    is_claim = isinstance(target, Claim)
    return Annotation(
        id=uuid.uuid4().hex,
        target_kind=TargetKind.CLAIM if is_claim else TargetKind.CONFLICT,
        target_id=target.id,
        verdict=verdict,
        reviewer=reviewer,
        created_at=_now(),
        note=note,
        confidence_override=confidence_override,
        override_reason=override_reason,
        anchor=Anchor.of_claim(target) if is_claim else None,
        adjudication=adjudication,
    )


def retraction_of(
    annotation: Annotation,
    reviewer: str,
    *,
    target_id: str | None = None,
    anchor: Anchor | None = None,
    note: str = "",
) -> Annotation:
    """A retraction withdrawing ``annotation``, aimed where it is attached now.

    ``target_id`` and ``anchor`` are the annotation's current target and anchor when
    re-anchoring moved it (default: its own), so the retraction travels with it.
    """
    return Annotation(
        id=uuid.uuid4().hex,
        target_kind=annotation.target_kind,
        target_id=target_id or annotation.target_id,
        verdict=Verdict.RETRACTED,
        reviewer=reviewer,
        created_at=_now(),
        note=note,
        anchor=anchor if anchor is not None else annotation.anchor,
        retracts=annotation.id,
    )


def anchored(annotation: Annotation, claim: Claim | None) -> Annotation:
    """A claim annotation given its claim's anchor when it has none, so it can follow the claim."""
    if annotation.target_kind is TargetKind.CLAIM and annotation.anchor is None and claim is not None:
        return attrs.evolve(annotation, anchor=Anchor.of_claim(claim))
    return annotation


ROLES = ("reviewer", "adjudicator", "admin")
"""A reviewer's role in a store; ``ADJUDICATING_ROLES`` may adjudicate."""
ADJUDICATING_ROLES = ("adjudicator", "admin")


def check_annotation(annotation: Annotation) -> None:
    """Raise ValueError when an annotation cannot mean anything (wrong verdict for its target...)."""
    allowed = (*verdicts_for(annotation.target_kind), *_ANY_TARGET)
    if annotation.target_kind is TargetKind.CLAIM:
        allowed = (*allowed, Verdict.CONFIDENCE)
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
    if annotation.adjudication and annotation.verdict not in verdicts_for(annotation.target_kind):
        raise ValueError(f"an adjudication gives a verdict; {annotation.verdict.value!r} is not one")
