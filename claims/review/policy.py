"""Which verdict is in force: the one definition of what an annotation history means.

A history is a target's annotations (or a whole store's) oldest first, in the order the store
made them: its sequence, never the annotations' clocks, which two reviewers' machines need not
agree on. A retraction (undo) withdraws the annotation it names while it is itself in force;
retracting the retraction restores what it withdrew. A retraction always comes after what it
retracts (the store refuses one naming an annotation it does not hold), so reading the history
newest first settles every retraction before the one it retracts is read.

The store caches the verdicts this module computes, the TUI shows them and the reports print
them; none of them decides anything on its own. Functions take any objects with the fields of
:class:`Act` (an :class:`~claims.model.Annotation` is one), so the store can pass bare rows.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

import attrs
from attrs import frozen

from claims.model import CLAIM_VERDICTS, CONFLICT_VERDICTS, Annotation, Claim, TargetKind, Verdict


class Act(Protocol):
    """What the policy reads of an annotation."""

    @property
    def id(self) -> str: ...

    @property
    def target_kind(self) -> TargetKind: ...

    @property
    def verdict(self) -> Verdict: ...

    @property
    def retracts(self) -> str | None: ...


A = TypeVar("A", bound=Act)

SETTLED_CONFLICT_VERDICTS = frozenset({Verdict.RESOLVED, Verdict.NOT_A_CONFLICT})
"""Conflict verdicts that close a conflict: the audit no longer reports it as a known conflict."""

DISPUTING_VERDICTS = frozenset({Verdict.DISPUTED, Verdict.REJECTED})
"""Claim verdicts that mean the claim should not be stated as fact (the audit's CT007)."""


def verdicts_for(target_kind: TargetKind) -> tuple[Verdict, ...]:
    """The verdicts that can be a target's current verdict (notes and overrides never are)."""
    return CLAIM_VERDICTS if target_kind is TargetKind.CLAIM else CONFLICT_VERDICTS


def withdrawn(history: Iterable[Act]) -> frozenset[str]:
    """Ids of the annotations withdrawn by a retraction that is itself in force."""
    out: set[str] = set()
    for act in reversed(list(history)):
        if act.verdict is Verdict.RETRACTED and act.retracts is not None and act.id not in out:
            out.add(act.retracts)
    return frozenset(out)


def live(history: Sequence[A], withdrawn_ids: Collection[str] | None = None) -> list[A]:
    """The annotations in force: neither withdrawn nor retractions themselves, oldest first.

    ``withdrawn_ids`` may be given when the retractions that matter are not all in ``history``
    (the store passes those of the whole store).
    """
    gone = withdrawn(history) if withdrawn_ids is None else withdrawn_ids
    return [a for a in history if a.id not in gone and a.verdict is not Verdict.RETRACTED]


def current_verdict(
    history: Sequence[A],
    target_kind: TargetKind = TargetKind.CLAIM,
    withdrawn_ids: Collection[str] | None = None,
) -> A | None:
    """The latest annotation in force whose verdict applies to a target of this kind."""
    allowed = verdicts_for(target_kind)
    for act in reversed(live(history, withdrawn_ids)):
        if act.target_kind is target_kind and act.verdict in allowed:
            return act
    return None


def current_verdicts(history: Sequence[Annotation]) -> dict[str, Annotation]:
    """Target id -> its current verdict annotation, for every target in ``history``.

    The targets are the annotations' ``target_id``s: pass annotations as they are attached now
    (:func:`attached`) when claims may have moved.
    """
    out: dict[str, Annotation] = {}
    for annotation in live(history):
        if annotation.verdict in verdicts_for(annotation.target_kind):
            out[annotation.target_id] = annotation
    return out


def _is_override(annotation: Act) -> bool:
    return annotation.target_kind is TargetKind.CLAIM and annotation.verdict is Verdict.CONFIDENCE


def override_in_force(history: Sequence[A], withdrawn_ids: Collection[str] | None = None) -> A | None:
    """The confidence override in force in one claim's history: the latest not withdrawn.

    The history is the claim's annotations as attached now (moved ones included), so an
    override follows its annotation wherever re-anchoring takes it.
    """
    return next((a for a in reversed(live(history, withdrawn_ids)) if _is_override(a)), None)


def current_overrides(history: Sequence[Annotation]) -> dict[str, Annotation]:
    """Claim id -> the confidence override in force (the latest one not withdrawn).

    The claims are the annotations' ``target_id``s: pass annotations as they are attached now
    (:func:`attached`) when claims may have moved.
    """
    return {a.target_id: a for a in live(history) if _is_override(a)}


def current_override(history: Sequence[Annotation]) -> Annotation | None:
    """The confidence override in force in one claim's history (moved annotations included)."""
    return override_in_force(history)


@frozen
class InForce:
    """What a target's history says now: everything a front end shows of its review."""

    verdict: Annotation | None
    """The current verdict (None: unreviewed)."""
    override: Annotation | None
    """The confidence override in force (claims only)."""
    notes: tuple[Annotation, ...]
    """Annotations in force that carry a note, oldest first."""


def in_force(history: Sequence[Annotation], target_kind: TargetKind = TargetKind.CLAIM) -> InForce:
    """The verdict, override and notes in force in one target's history (as attached now).

    The one answer to "what did the reviewers decide about this": the CLI, the TUI, the
    reports and the audit ask it (directly, or through the store, which caches it).
    """
    gone = withdrawn(history)
    return InForce(
        verdict=current_verdict(history, target_kind, gone),
        override=override_in_force(history, gone) if target_kind is TargetKind.CLAIM else None,
        notes=tuple(a for a in live(history, gone) if a.note),
    )


def apply_override(claim: Claim, override: Annotation | None) -> Claim:
    """The claim with its confidence as a reviewer's override in force sets it (unchanged if None).

    The computed grade and reasons are kept after the reviewer's, so the reader sees both.
    """
    if override is None or override.confidence_override is None:
        return claim
    confidence = claim.confidence
    why = override.override_reason or override.note or "no reason given"
    reason = f"Reviewer {override.reviewer} set confidence to {override.confidence_override:.2f}: {why}"
    computed = tuple(r for r in confidence.reasons if not r.startswith("Reviewer "))
    return attrs.evolve(
        claim,
        confidence=attrs.evolve(
            confidence, score=float(override.confidence_override), reasons=(reason, *computed), overridden=True
        ),
    )


def notes(history: Sequence[Annotation]) -> dict[str, tuple[Annotation, ...]]:
    """Target id -> the annotations in force that carry a note, oldest first."""
    out: dict[str, list[Annotation]] = {}
    for annotation in live(history):
        if annotation.note:
            out.setdefault(annotation.target_id, []).append(annotation)
    return {target: tuple(found) for target, found in out.items()}


def last_undoable(history: Sequence[Annotation], reviewer: str) -> Annotation | None:
    """What this reviewer's undo withdraws: their latest annotation still in force."""
    for annotation in reversed(live(history)):
        if annotation.reviewer == reviewer:
            return annotation
    return None


def attached(annotations: Iterable[Annotation], moved: Mapping[str, str | None]) -> list[Annotation]:
    """Annotations with ``target_id`` set to what each is attached to now.

    ``moved`` is annotation id -> current target for those that re-anchoring moved (the store's
    ``current_targets``); an orphaned one (None) keeps naming what it was made on.
    """
    return [
        attrs.evolve(a, target_id=moved[a.id]) if moved.get(a.id) else a for a in annotations
    ]
