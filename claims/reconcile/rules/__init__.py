"""The rule registry: every reconciler rule has a stable id, a default severity and a docstring.

Rules live in modules by family (`quantities`, `totals`, `dates`, `identities`, `results`,
`attribution`); a family is one function that may emit several rule ids, because the rules of
a family share one pass over the index (the three pairwise figure rules share one sweep).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from operator import attrgetter

from attrs import frozen

from claims.model import Claim, Conflict, Dispute, Outcome, Severity
from claims.reconcile.index import Context


class ChartKind(str, Enum):
    """How a report can draw a rule's findings."""

    NONE = "none"
    SPREAD = "spread"
    """Figures for one quantity: every source's estimate of it on one axis."""
    PARTS = "parts"
    """A total against the sum of its parts (the claims marked ``part_of``)."""
    SIDES = "sides"
    """A total across sides against the sum of the per-side figures."""
    MEASURES = "measures"
    """A casualty total against the sum of its killed, wounded, missing and captured."""


@frozen
class Rule:
    id: str
    severity: Severity
    title: str
    doc: str
    """What the rule checks, its tolerance, and what a reviewer should do about a finding."""
    chart: ChartKind = ChartKind.NONE
    tension_disagrees: bool = False
    """Whether a finding of this rule that a reviewer must decide (indeterminate) still says
    the claims disagree (a result against the account, a unit at two echelons), rather than
    that they agree only under tolerance (a sum that matches loosely)."""


RULES: dict[str, Rule] = {}
FAMILIES: list[Callable[[Context], Iterable[Conflict]]] = []


def rule(id: str, severity: Severity, title: str, doc: str, chart: ChartKind = ChartKind.NONE,
         tension_disagrees: bool = False) -> Rule:
    """Register a rule under its stable id."""
    r = Rule(id=id, severity=severity, title=title, doc=" ".join(doc.split()), chart=chart,
             tension_disagrees=tension_disagrees)
    RULES[id] = r
    return r


def family(fn: Callable[[Context], Iterable[Conflict]]) -> Callable[[Context], Iterable[Conflict]]:
    FAMILIES.append(fn)
    return fn


_ID, _DOCUMENT = attrgetter("id"), attrgetter("document")


def finding(
    r: Rule,
    claims: Iterable[Claim],
    explanation: str,
    ctx: Context,
    *,
    outcome: Outcome = Outcome.CONFLICT,
    severity: Severity | None = None,
    dispute: Dispute | None = None,
) -> Conflict:
    claims = list(claims)
    event_of = ctx.event_of
    events = {event_of[d].id for d in set(map(_DOCUMENT, claims))}
    event = event_of[claims[0].document] if claims else None
    return Conflict.create(
        rule=r.id,
        severity=severity or r.severity,
        claims=tuple(map(_ID, claims)),
        explanation=explanation,
        outcome=outcome,
        subject=event.name if event else None,
        event=event.id if event is not None and len(events) == 1 else None,
        dispute=dispute,
    )


def locate(claim: Claim, ctx: Context) -> str:
    """`seeds/terter-operation.txt:14, infobox Casualties2`: the file and line a reviewer opens."""
    return located(claim, ctx.paths())


def located(claim: Claim, paths: Mapping[str, str]) -> str:
    """:func:`locate` with the context's ``paths()`` at hand (for callers locating many claims)."""
    document, field = claim.document, claim.field
    # One string built per branch: the dispute explanations locate every estimate.
    if field:
        return f"{paths.get(document, document)}:{claim.span.line}, infobox {field}"
    if claim.section:
        return f"{paths.get(document, document)}:{claim.span.line}, section “{claim.section}”"
    return f"{paths.get(document, document)}:{claim.span.line}, body"


def where(claim: Claim, ctx: Context) -> str:
    """Where a reviewer finds the claim (see :func:`locate`)."""
    return locate(claim, ctx)


def who(claim: Claim) -> str:
    a = claim.attribution
    if a.claimant:
        return f"according to {a.claimant}" + (" (attribution carried over from an earlier sentence)" if a.inherited else "")
    return "with no claimant"


def quoted(claim: Claim, limit: int = 90) -> str:
    q = " ".join(claim.span.quote.split())
    return f"“{q if len(q) <= limit else q[: limit - 1] + '…'}”"


def cite(claim: Claim, ctx: Context) -> str:
    return f"{quoted(claim)} ({where(claim, ctx)}, {who(claim)})"


# Importing the families registers them, in a fixed order.
from claims.reconcile.rules import quantities as _quantities  # noqa: E402,F401
from claims.reconcile.rules import totals as _totals  # noqa: E402,F401
from claims.reconcile.rules import dates as _dates  # noqa: E402,F401
from claims.reconcile.rules import identities as _identities  # noqa: E402,F401
from claims.reconcile.rules import results as _results  # noqa: E402,F401
from claims.reconcile.rules import attribution as _attribution  # noqa: E402,F401
from claims.reconcile.rules import framing as _framing  # noqa: E402,F401
