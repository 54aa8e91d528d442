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
    """`1994-04-12`, `1994-04-01..1994-05-31 (month)`, `before 1453-01-01..1453-12-31 (year)`;
    a date before AD 1 by its years (`480 BC (year)`), which ``datetime.date`` cannot hold."""
    if d.years is not None:
        first, last = (_era_year(y) for y in d.years)
        text = f"{first} ({d.precision.value})" if first == last else f"{first}..{last} ({d.precision.value})"
    elif d.earliest == d.latest:
        text = d.earliest.isoformat()
    else:
        text = f"{d.earliest.isoformat()}..{d.latest.isoformat()} ({d.precision.value})"
    return f"{d.bound.value} {text}" if d.bound is not None else text


def _era_year(year: int) -> str:
    """An astronomical year as written (0 is 1 BC, -43 is 44 BC)."""
    return f"{1 - year} BC" if year <= 0 else f"AD {year}"


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
