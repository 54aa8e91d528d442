"""Figures as intervals, with the tolerance the reconciler grants to loose wording.

A stated figure becomes two intervals: the *strict* one is what the words say (`~4,000` is
4,000; `more than 6,000` is above 6,000); the *tolerant* one is what the words can honestly
mean. Tolerance:

- an exact figure that is round (`6,000`, `1,800`) may be a rounding of the truth: it widens by
  half its rounding unit, at most 5 % (`6,000` -> 5,700–6,300; `1,834` stays 1,834);
- an approximate figure (`~4,000`, `about 100`, `around 400`) widens by 10 %, or 15 % when it is
  round to its leading digit (`~4,000` -> 3,400–4,600);
- `at least N` / `more than N` is open above and loosened below like an exact N; `up to N` is
  open below; a range `35–58` loosens each end like an exact figure.

Two figures whose tolerant intervals are disjoint cannot both be true: a conflict. Figures whose
strict intervals are disjoint but whose tolerant ones meet are *indeterminate*: they agree only
if the loose one is read loosely, which a reviewer should decide.
"""

from __future__ import annotations

import math
from functools import lru_cache

from attrs import frozen

from claims.model import Qualifier, Quantity

INF = math.inf


@frozen
class Interval:
    low: float
    high: float

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high


def rounding_unit(n: int) -> int:
    """The largest power of ten dividing ``n`` (1 for 1,834; 1,000 for 6,000)."""
    if n <= 0:
        return 1
    unit = 1
    while n % (unit * 10) == 0:
        unit *= 10
    return unit


def _round_slack(n: int) -> float:
    unit = rounding_unit(n)
    if n < 10 or unit < 10:
        return 0.0
    return min(unit / 2, 0.05 * n)


def _approx_slack(n: int) -> float:
    unit = rounding_unit(n)
    share = 0.15 if n >= 10 and unit * 10 > n else 0.10
    return max(share * n, _round_slack(n), 1.0)


@lru_cache(maxsize=1 << 18)
def strict(q: Quantity) -> Interval:
    """What the words say, no slack. `more than N` is taken as just above N."""
    if q.qualifier is Qualifier.AT_LEAST:
        return Interval(float(q.low if q.low is not None else 0), INF)
    if q.qualifier is Qualifier.AT_MOST:
        return Interval(0.0, float(q.high if q.high is not None else INF))
    low = q.low if q.low is not None else q.high
    high = q.high if q.high is not None else q.low
    return Interval(float(low), float(high))


@lru_cache(maxsize=1 << 18)
def tolerant(q: Quantity) -> Interval:
    """What the words can honestly mean (see the module docstring)."""
    if q.qualifier is Qualifier.AT_LEAST:
        low = q.low if q.low is not None else 0
        return Interval(low - _round_slack(low), INF)
    if q.qualifier is Qualifier.AT_MOST:
        high = q.high if q.high is not None else q.low
        return Interval(0.0, high + _round_slack(high))
    low = q.low if q.low is not None else q.high
    high = q.high if q.high is not None else q.low
    if q.qualifier is Qualifier.APPROX:
        return Interval(max(0.0, low - _approx_slack(low)), high + _approx_slack(high))
    return Interval(max(0.0, low - _round_slack(low)), high + _round_slack(high))


def nominal(q: Quantity) -> float:
    """One representative number: the stated figure, a range's midpoint, a bound."""
    if q.low is not None and q.high is not None:
        return (q.low + q.high) / 2
    return float(q.low if q.low is not None else q.high)


def describe(q: Quantity) -> str:
    """`~4,000`, `more than 6,000`, `up to 2,000`, `2,500–2,700`, `1,834`."""
    def n(v: int | None) -> str:
        return f"{v:,}" if v is not None else "?"

    if q.qualifier is Qualifier.AT_LEAST:
        return f"at least {n(q.low)}"
    if q.qualifier is Qualifier.AT_MOST:
        return f"up to {n(q.high)}"
    if q.low is not None and q.high is not None and q.low != q.high:
        text = f"{n(q.low)}–{n(q.high)}"
    else:
        text = n(q.low if q.low is not None else q.high)
    return f"~{text}" if q.qualifier is Qualifier.APPROX else text


def describe_interval(iv: Interval) -> str:
    def n(v: float) -> str:
        return f"{round(v):,}"

    if iv.high == INF:
        return f"{n(iv.low)} or more"
    if iv.low <= 0:
        return f"up to {n(iv.high)}"
    if iv.low == iv.high:
        return n(iv.low)
    return f"{n(iv.low)}–{n(iv.high)}"
