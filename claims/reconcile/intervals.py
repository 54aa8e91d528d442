"""Figures as intervals, with the tolerance the reconciler grants to loose wording.

A stated figure becomes two intervals: the *strict* one is what the words say (`~4,000` is
4,000; `more than 6,000` is above 6,000); the *tolerant* one is what the words can honestly
mean. Tolerance:

- an exact figure that is round (`6,000`, `1,800`) may be a rounding of the truth: it widens by
  half its rounding unit, at most 5 % (`6,000` -> 5,700–6,300; `1,834` stays 1,834);
- an approximate figure (`~4,000`, `about 100`, `around 400`) widens by 10 %, or 15 % when it is
  round to its leading digit (`~4,000` -> 3,400–4,600);
- `at least N` / `more than N` is open above and taken at its word below (a bound stated is no
  rounding: `at least 130` and `fewer than 120` cannot both be true); `up to N` is open below;
  a range `35–58` loosens each end like an exact figure.

Two figures whose tolerant intervals are disjoint cannot both be true: a conflict. Figures whose
strict intervals are disjoint but whose tolerant ones meet *agree within tolerance*: they agree
only if the loose one is read loosely.

Two readings depend on the words of the claim, not only its value (``claim_strict`` and
``claim_tolerant``):

- a vague amount (`several dozen`, `hundreds`: a lower bound) stays below the next power of ten
  (`several dozen` is 36–99, `hundreds` 100–999), since `hundreds` is not a thousand;
- `as many as N` and `as few as N` give the claimant's figure N at the top or the bottom of a
  contrast (`as many as 3,000 killed, ... as few as several dozen`), not a bound that any smaller
  (or larger) figure satisfies: N as stated, read loosely down to half (or up to twice) N. So
  does `up to N` in a claim (`the ministry said up to 2,000 servicemen were trapped`): the
  claimant's figure, not a ceiling that 800 would meet.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

from attrs import frozen

from claims.model import Claim, Qualifier, Quantity

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


def strict(q: Quantity) -> Interval:
    """What the words say, no slack. `more than N` is taken as just above N."""
    return _strict(q.qualifier, q.low, q.high)


def tolerant(q: Quantity) -> Interval:
    """What the words can honestly mean (see the module docstring)."""
    return _tolerant(q.qualifier, q.low, q.high)


# Cached on the three fields an interval depends on: hashing a whole Quantity (an attrs class
# with Python-level __eq__) costs more than the arithmetic it would save.
@lru_cache(maxsize=1 << 18)
def _strict(qualifier: Qualifier, low: int | None, high: int | None) -> Interval:
    if qualifier is Qualifier.AT_LEAST:
        return Interval(float(low if low is not None else 0), INF)
    if qualifier is Qualifier.AT_MOST:
        return Interval(0.0, float(high if high is not None else INF))
    lo = low if low is not None else high
    hi = high if high is not None else low
    return Interval(float(lo), float(hi))  # type: ignore[arg-type]


@lru_cache(maxsize=1 << 18)
def _tolerant(qualifier: Qualifier, low: int | None, high: int | None) -> Interval:
    if qualifier is Qualifier.AT_LEAST:
        return Interval(float(low if low is not None else 0), INF)
    if qualifier is Qualifier.AT_MOST:
        hi = high if high is not None else low
        return Interval(0.0, float(hi))  # type: ignore[arg-type]
    lo = low if low is not None else high
    hi = high if high is not None else low
    if qualifier is Qualifier.APPROX:
        return Interval(max(0.0, lo - _approx_slack(lo)), hi + _approx_slack(hi))  # type: ignore[operator,arg-type]
    return Interval(max(0.0, lo - _round_slack(lo)), hi + _round_slack(hi))  # type: ignore[operator,arg-type]


def nominal(q: Quantity) -> float:
    """One representative number: the stated figure, a range's midpoint, a bound."""
    if q.low is not None and q.high is not None:
        return (q.low + q.high) / 2
    return float(q.low if q.low is not None else q.high)


def describe(q: Quantity) -> str:
    """`~4,000`, `more than 6,000`, `up to 2,000`, `2,500–2,700`, `1,834`."""
    return _describe(q.qualifier, q.low, q.high)


@lru_cache(maxsize=1 << 14)
def _describe(qualifier: Qualifier, low: int | None, high: int | None) -> str:
    def n(v: int | None) -> str:
        return f"{v:,}" if v is not None else "?"

    if qualifier is Qualifier.AT_LEAST:
        return f"at least {n(low)}"
    if qualifier is Qualifier.AT_MOST:
        return f"up to {n(high)}"
    if low is not None and high is not None and low != high:
        text = f"{n(low)}–{n(high)}"
    else:
        text = n(low if low is not None else high)
    return f"~{text}" if qualifier is Qualifier.APPROX else text


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


_AS_MANY = ("as many as", "as high as", "as much as", "as large as", "up to ")
_AS_FEW = ("as few as", "as low as", "as little as")


@lru_cache(maxsize=1 << 16)
def _phrasing_of(prefix: str, quote: str) -> str | None:
    # Cached on the span's own strings, whose hashes Python keeps: a key built by slicing
    # them would be a new string to hash on every call.
    lead = " ".join((prefix[-14:] + quote[:14]).lower().split())
    if "as " not in lead and "up to " not in lead:
        return None
    if any(p in lead for p in _AS_MANY):
        return "many"
    if any(p in lead for p in _AS_FEW):
        return "few"
    return None


def vague_cap(q: Quantity) -> int | None:
    """The power of ten a vague amount stays below (`several dozen` (36) -> 100), or None."""
    return _vague_cap(q.vague, q.low, q.high)


def _vague_cap(vague: bool, low: int | None, high: int | None) -> int | None:
    if not vague or low is None or high is not None and high != low:
        return None
    return 10 ** len(str(max(low, 1)))


@lru_cache(maxsize=1 << 16)
def _figure_intervals(phrasing: str | None, qualifier: Qualifier, low: int | None, high: int | None,
                      vague: bool) -> tuple[Interval, Interval]:
    """(strict, tolerant) of a figure introduced by ``phrasing`` (`many`, `few` or None)."""
    if phrasing is None and not vague:
        return _strict(qualifier, low, high), _tolerant(qualifier, low, high)
    cap = _vague_cap(vague, low, high)
    return _claim_strict(phrasing, qualifier, low, high, cap), _claim_tolerant(phrasing, qualifier, low, high, cap)


# Two small caches (the words before the figure, then the figure) rather than one entry per
# claim: a million claims state a few thousand distinct figures, and a per-claim table that
# large costs more to fill than the arithmetic it saves. Each reader looks both up itself, with
# no helper between: the figure rules read an interval per figure, a frame more each is felt.
def claim_strict(claim: Claim) -> Interval:
    """``strict`` of the claim's figure, read with the words around it (see the module docstring)."""
    q, span = claim.value, claim.span
    return _figure_intervals(_phrasing_of(span.prefix, span.quote),
                             q.qualifier, q.low, q.high, q.vague)[0]  # type: ignore[union-attr]


def strict_intervals(claims: Iterable[Claim]) -> list[Interval]:
    """``claim_strict`` of each claim, read in one comprehension (no call per claim: a
    dispute reads every figure of its bucket)."""
    phrasing, intervals = _phrasing_of, _figure_intervals
    return [intervals(phrasing((span := c.span).prefix, span.quote),
                      (q := c.value).qualifier, q.low, q.high, q.vague)[0] for c in claims]  # type: ignore[union-attr]


def tolerant_intervals(claims: Iterable[Claim]) -> list[Interval]:
    """``claim_tolerant`` of each claim, in one comprehension (see :func:`strict_intervals`)."""
    phrasing, intervals = _phrasing_of, _figure_intervals
    return [intervals(phrasing((span := c.span).prefix, span.quote),
                      (q := c.value).qualifier, q.low, q.high, q.vague)[1] for c in claims]  # type: ignore[union-attr]


def claim_tolerant(claim: Claim) -> Interval:
    """``tolerant`` of the claim's figure, read with the words around it."""
    q, span = claim.value, claim.span
    return _figure_intervals(_phrasing_of(span.prefix, span.quote),
                             q.qualifier, q.low, q.high, q.vague)[1]  # type: ignore[union-attr]


def _claim_strict(phrasing: str | None, qualifier: Qualifier, low: int | None, high: int | None,
                  cap: int | None) -> Interval:
    if phrasing == "many" and high is not None:
        return Interval(float(high), float(high))
    if phrasing == "few" and low is not None and cap is None:
        return Interval(float(low), float(low))
    if cap is not None:
        return Interval(float(low), float(cap - 1))  # type: ignore[arg-type]
    return _strict(qualifier, low, high)


def _claim_tolerant(phrasing: str | None, qualifier: Qualifier, low: int | None, high: int | None,
                    cap: int | None) -> Interval:
    if phrasing == "many" and high is not None:
        return Interval(high / 2, high + _round_slack(high))
    if phrasing == "few" and low is not None and cap is None:
        return Interval(low - _round_slack(low), low * 2.0)
    if cap is not None:
        return Interval(float(low) - _round_slack(low), cap * 1.2)  # type: ignore[arg-type,operator]
    return _tolerant(qualifier, low, high)
