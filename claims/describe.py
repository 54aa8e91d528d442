"""Short human descriptions of values and claims, shared by the CLI, TUI and reports."""

from __future__ import annotations

import re

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


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_NEWLINE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str, newlines: bool = False) -> str:
    """Text safe for a terminal: control and bidi characters shown as escapes, not obeyed.

    Tabs are kept, and line breaks when ``newlines``; everything else a terminal would interpret
    (ESC sequences, carriage returns, bidi overrides) becomes ``\\x1b``-style text.
    """
    pattern = _CONTROL if newlines else _CONTROL_OR_NEWLINE
    return pattern.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


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
