"""Confidence per claim: who says it and how believable the information is, kept apart.

In the spirit of the NATO/Admiralty grading, two axes are graded separately and shown together
(`C2`):

- **source reliability** (A–F) from the claimant: a scholar, an international body or an NGO
  B; a neutral journalist C; a belligerent about its own side D; a belligerent about its
  enemy's losses or strength E; no claimant, or one of unknown standing, F (cannot be judged).
  A claimant carried over from an earlier sentence is one grade weaker. A is left for
  reviewers.
- **information credibility** (1–6) from the information: 3 (possibly true) to start; 2 when
  one independent source agrees, 1 when two or more do (versions of one article, found by their
  lineage, are one source, and one claimant is one source; documents that merely share a title
  are independent); in a conflict (an estimate of a disputed quantity that cannot be true with
  another), 4 (doubtful) when no independent source agrees, 3 with one, 2 with two or more; one
  step worse for each kind of hedge (`Alleged:`, `reportedly`, `is believed`, `some sources`).

The score in [0, 1] averages the two axes, less a little for approximate figures. Every step
leaves a one-sentence reason. A reviewer's confidence override (an annotation with verdict
`confidence` and ``confidence_override``) always wins, is marked ``overridden`` and its reason
comes first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from claims.model import (
    Annotation,
    Claim,
    ClaimantClass,
    Confidence,
    Conflict,
    Document,
    HedgeKind,
    Outcome,
    Qualifier,
    Quantity,
    Relation,
)
from claims.reconcile import build_context
from claims.reconcile.index import Context, quantity_buckets
from claims.reconcile.intervals import tolerant
from claims.reconcile.names import fold, side_token
from claims.review import apply_override, current_overrides

GRADES = "ABCDEF"
RELIABILITY_WEIGHT = {"A": 0.95, "B": 0.8, "C": 0.65, "D": 0.5, "E": 0.3, "F": 0.2}
CREDIBILITY_WEIGHT = {1: 0.95, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.35}
_WEAKENING_HEDGES = {
    HedgeKind.ALLEGED: "marked as alleged",
    HedgeKind.REPORTED: "only reported",
    HedgeKind.BELIEVED: "only believed",
    HedgeKind.UNNAMED_SOURCE: "from an unnamed source",
    HedgeKind.UNCERTAIN: "stated as uncertain",
}
_NEIGHBOURS = 50


def _reliability(claim: Claim, sides: Mapping[str, str]) -> tuple[str, list[str]]:
    a = claim.attribution
    cls = a.claimant_class
    who = a.claimant or "the claimant"
    if cls in (ClaimantClass.SCHOLAR, ClaimantClass.INTERNATIONAL, ClaimantClass.NGO):
        grade, reason = "B", f"{who} is a {cls.value.replace('_', ' ')} source (usually reliable)."
    elif cls is ClaimantClass.JOURNALIST:
        grade, reason = "C", f"{who} is a journalist (fairly reliable)."
    elif cls is ClaimantClass.BELLIGERENT:
        own = side_token(a.claimant_side) if a.claimant_side else None  # a person's name is no side
        about = sides.get(claim.id)
        # The side key is a name (`India`, `India/Pakistan` for a column of both), the
        # claimant's a token (`indi`): compare tokens.
        about = side_token(about) if about and "#" not in about and about != "-" else None
        if own and about and own != about:
            grade, reason = "E", f"{who} is a belligerent speaking about its enemy (often unreliable)."
        elif own and about == own:
            grade, reason = "D", f"{who} is a belligerent speaking about its own side (not usually reliable)."
        else:
            grade, reason = "D", f"{who} is a belligerent (not usually reliable)."
    elif cls is ClaimantClass.UNNAMED and a.claimant:
        grade, reason = "F", f"`{who}` is an unnamed source (cannot be judged)."
    elif cls is ClaimantClass.UNKNOWN and a.claimant:
        grade, reason = "F", f"{who} is a claimant of unknown standing."
    else:
        grade, reason = "F", "No claimant: the document states it in its own voice."
    reasons = [reason]
    if a.inherited and a.claimant:
        grade = GRADES[min(GRADES.index(grade) + 1, 4)] if grade != "F" else grade
        reasons.append("The claimant is carried over from an earlier sentence, not named here.")
    return grade, reasons


def _source(claim: Claim, ctx: Context) -> tuple[str, str]:
    event = ctx.event(claim)
    return event.version_group(claim.document), fold(claim.attribution.claimant or "")


def _corroboration(ctx: Context) -> dict[str, set[tuple[str, str]]]:
    """claim id -> independent sources (other than its own) whose figure agrees with it."""
    agree: dict[str, set[tuple[str, str]]] = defaultdict(set)
    # A claim's source once, not once for each neighbour it is compared with (up to 50).
    sources: dict[tuple[str, str | None], tuple[str, str]] = {}
    for bucket in quantity_buckets(ctx).values():
        if len(bucket) < 2:
            continue
        items = sorted(((tolerant(c.value), c) for c in bucket), key=lambda t: (t[0].low, t[1].id))  # type: ignore[arg-type]
        srcs = []
        for _, c in items:
            key = (c.document, c.attribution.claimant)
            src = sources.get(key)
            if src is None:
                src = sources[key] = _source(c, ctx)
            srcs.append(src)
        for i, (iv, c) in enumerate(items):
            src = srcs[i]
            for j in range(i + 1, min(i + 1 + _NEIGHBOURS, len(items))):
                other_iv, other = items[j]
                if other_iv.low > iv.high:
                    break
                other_src = srcs[j]
                if other_src != src and iv.overlaps(other_iv):
                    agree[c.id].add(other_src)
                    agree[other.id].add(src)
    return agree


# What a pair of a dispute's estimates means for the claims in them, as a finding's outcome would.
_PAIR_OUTCOME = {Relation.CLASH: Outcome.CONFLICT, Relation.LOOSE: Outcome.INDETERMINATE,
                 Relation.UPDATE: Outcome.CONSISTENT}


def assess(
    claims: Sequence[Claim],
    conflicts: Iterable[Conflict],
    annotations: Iterable[Annotation] = (),
    *,
    documents: Sequence[Document] = (),
    grouping: Mapping[str, str] | None = None,
) -> list[Claim]:
    """The claims, in order, with ``confidence`` filled in (see the module docstring)."""
    ctx = build_context(documents, claims, grouping=grouping)
    agree = _corroboration(ctx)
    in_conflict: dict[str, int] = defaultdict(int)
    tensions: dict[str, int] = defaultdict(int)
    checked: set[str] = set()
    for k in conflicts:
        if k.dispute is not None:
            # One finding per disputed quantity: only the estimates in a clash are in conflict.
            marks = [(cid, _PAIR_OUTCOME.get(p.relation)) for p in k.dispute.pairs
                     for cid in k.dispute.estimates[p.a].claims + k.dispute.estimates[p.b].claims]
        else:
            marks = [(cid, k.outcome) for cid in k.claims]
        for cid, outcome in marks:
            if outcome is Outcome.CONFLICT:
                in_conflict[cid] += 1
            elif outcome is Outcome.INDETERMINATE:
                tensions[cid] += 1
            elif outcome is Outcome.CONSISTENT:
                checked.add(cid)
    overrides = current_overrides(list(annotations))
    # Claims share few distinct confidences; each is built (and validated) once. It is
    # frozen, so sharing it is safe.
    made: dict[tuple[float, str, int, tuple[str, ...]], Confidence] = {}
    out = []
    for claim in claims:
        grade, reasons = _reliability(claim, ctx.sides)
        credibility = 3
        n = len(agree.get(claim.id, ()))
        if n >= 2:
            credibility = 1
            reasons.append(f"{n} independent sources give an agreeing figure.")
        elif n == 1:
            credibility = 2
            reasons.append("One independent source gives an agreeing figure.")
        else:
            reasons.append("No independent source confirms it.")
        if in_conflict.get(claim.id):
            credibility = {0: 4, 1: 3}.get(n, 2)
            reasons.append(f"It is in {in_conflict[claim.id]} conflict(s) with other claims.")
        if tensions.get(claim.id):
            reasons.append(f"It is in {tensions[claim.id]} unresolved tension(s) a reviewer should decide.")
        if claim.id in checked:
            reasons.append("It checks out against related figures (a sum or a date).")
        hedge_kinds = sorted({h.kind for h in claim.hedges if h.kind in _WEAKENING_HEDGES}, key=lambda k: k.value)
        for kind in hedge_kinds[:2]:
            credibility += 1
            reasons.append(f"The source hedges it: {_WEAKENING_HEDGES[kind]}.")
        if any(h.kind is HedgeKind.ESTIMATED for h in claim.hedges):
            reasons.append("It is given as an estimate.")
        credibility = max(1, min(credibility, 5))
        score = 0.5 * RELIABILITY_WEIGHT[grade] + 0.5 * CREDIBILITY_WEIGHT[credibility]
        if isinstance(claim.value, Quantity) and claim.value.qualifier is not Qualifier.EXACT:
            score -= 0.05
            reasons.append("The figure is approximate or a bound, not a count.")
        key = (round(max(0.0, min(1.0, score)), 2), grade, credibility, tuple(reasons))
        confidence = made.get(key)
        if confidence is None:
            confidence = made[key] = Confidence(
                score=key[0], grade=f"{grade}{credibility}", reasons=key[3], reliability=grade, credibility=credibility,
            )
        out.append(apply_override(_with_confidence(claim, confidence), overrides.get(claim.id)))
    return out


def _claim_with(field: str) -> Callable[[Claim, object], Claim]:
    """``attrs.evolve(claim, <field>=value)`` compiled once for :class:`Claim` (evolve looks
    up the class's fields at every call: about a tenth of assessing a claim)."""
    args = ", ".join(f"{a.name}=value" if a.name == field else f"{a.name}=c.{a.name}" for a in attrs.fields(Claim))
    return eval(f"lambda c, value: Claim({args})", {"Claim": Claim})  # noqa: S307 - field names only


_with_confidence = _claim_with("confidence")
