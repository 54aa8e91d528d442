"""Short human descriptions of values and claims, shared by the CLI, TUI and reports."""

from __future__ import annotations

from claims.model import (
    Claim,
    Person,
    Qualifier,
    Quantity,
    Side,
    TextValue,
    UncertainDate,
    Unit,
    Value,
)
from claims.textmap import printable

__all__ = ["describe_claimant", "describe_side", "describe_value", "printable"]


def figure(n: int | None) -> str:
    return "?" if n is None else f"{n:,}"


def describe_quantity(q: Quantity) -> str:
    if q.qualifier is Qualifier.RANGE:
        text = f"{figure(q.low)}–{figure(q.high)}"
    elif q.qualifier is Qualifier.AT_LEAST:
        text = f"≥{figure(q.low)}"
    elif q.qualifier is Qualifier.AT_MOST:
        text = f"≤{figure(q.high)}"
    elif q.qualifier is Qualifier.APPROX:
        text = f"~{figure(q.low if q.low is not None else q.high)}"
    else:
        text = figure(q.low if q.low is not None else q.high)
    if q.increment:
        text = "+" + text
    text += f" {q.category.value.replace('_', ' ')}"
    if q.lost:
        text += " lost"
    if q.population.value == "civilian":
        text += " (civilians)"
    if q.as_of is not None:
        text += f" as of {q.as_of.text}"
    return text


def describe_date(d: UncertainDate) -> str:
    if d.earliest == d.latest:
        return d.earliest.isoformat()
    return f"{d.earliest.isoformat()}..{d.latest.isoformat()} ({d.precision.value})"


def describe_value(value: Value) -> str:
    if isinstance(value, Quantity):
        return describe_quantity(value)
    if isinstance(value, UncertainDate):
        return describe_date(value)
    if isinstance(value, Person):
        return value.name + (f" [{', '.join(value.markers)}]" if value.markers else "")
    if isinstance(value, Unit):
        return value.name
    if isinstance(value, TextValue):
        return value.text
    return str(value)


def describe_side(side: Side, *, short: bool = False) -> str:
    """The side's name and column (`Armenia (col 1)`); ``short``: the name, else `col 1`."""
    if side.name and side.column and not short:
        return f"{side.name} (col {side.column})"
    if side.name:
        return side.name
    if side.column:
        return f"col {side.column}" if short else f"column {side.column}"
    return "-"


def describe_claimant(claim: Claim) -> str:
    attribution = claim.attribution
    if attribution.claimant is None:
        return "unattributed"
    text = f"{attribution.claimant} ({attribution.claimant_class.value})"
    if attribution.inherited:
        text += ", inherited"
    return text
