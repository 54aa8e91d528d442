"""The rule registry: every reconciler rule has a stable id, a default severity and a docstring.

Rules live in modules by family (`quantities`, `totals`, `dates`, `identities`, `results`,
`attribution`); a family is one function that may emit several rule ids, because the rules of
a family share one pass over the index (the three pairwise figure rules share one sweep).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum

from attrs import frozen

from claims.model import Claim, Conflict, Outcome, Severity
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


@frozen
class Rule:
    id: str
    severity: Severity
    title: str
    doc: str
    """What the rule checks, its tolerance, and what a reviewer should do about a finding."""
    chart: ChartKind = ChartKind.NONE


RULES: dict[str, Rule] = {}
FAMILIES: list[Callable[[Context], Iterable[Conflict]]] = []


def rule(id: str, severity: Severity, title: str, doc: str, chart: ChartKind = ChartKind.NONE) -> Rule:
    """Register a rule under its stable id."""
    r = Rule(id=id, severity=severity, title=title, doc=" ".join(doc.split()), chart=chart)
    RULES[id] = r
    return r


def family(fn: Callable[[Context], Iterable[Conflict]]) -> Callable[[Context], Iterable[Conflict]]:
    FAMILIES.append(fn)
    return fn


def finding(
    r: Rule,
    claims: Iterable[Claim],
    explanation: str,
    ctx: Context,
    *,
    outcome: Outcome = Outcome.CONFLICT,
    severity: Severity | None = None,
) -> Conflict:
    claims = list(claims)
    return Conflict.create(
        rule=r.id,
        severity=severity or r.severity,
        claims=tuple(c.id for c in claims),
        explanation=explanation,
        outcome=outcome,
        subject=ctx.event(claims[0]).name if claims else None,
    )


def where(claim: Claim, ctx: Context) -> str:
    """`Terter operation, infobox Casualties2, line 14` — where a reviewer finds the claim."""
    place = f"infobox {claim.field}" if claim.field else (f"section “{claim.section}”" if claim.section else "body")
    return f"{ctx.title(claim.document)}, {place}, line {claim.span.line}"


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
