"""Date rules: dates outside the event's stated range, and dates out of order."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator

from claims.model import Claim, Conflict, Kind, OpenBound, Outcome, Precision, Severity, UncertainDate
from claims.reconcile.index import Context, before, in_context_section, sentence
from claims.reconcile.names import WordPattern
from claims.reconcile.rules import cite, family, finding, rule

DATE_RANGE = rule(
    "R-DATE-RANGE", Severity.LOW, "a date outside the event's date range",
    """A dated statement in the account of the event (not in a Background or Aftermath section)
    that cannot fall inside the date range the infobox gives (`Date: April – May 1994`), and two
    infobox date ranges for one event that do not overlap (medium), or that are both known to the
    day and start (or end) on different days (low: `15 September 2014 – 15 March 2015` against
    `16 September 2014 – ongoing`); a text that dates the event's start or end (`killed since
    September 16`, `the siege ended on ...`) a day or three away from an infobox range, its
    own document's or another's (low; a dateline is when a story was filed, and a day further
    away is another moment). Partly known dates (`late 1993`) are intervals; only a date that lies wholly outside the range is reported, and a date
    whose year was inferred from context is said so. Check the date, the year, and whether the
    sentence is really about this event.""",
    tension_disagrees=True,
)
DATE_ORDER = rule(
    "R-DATE-ORDER", Severity.MEDIUM, "dates out of order",
    """The event cannot end before it begins: a date given for the start (`began`, `launched`)
    later than a date given for an end (`ended`, `withdrew`, `retreated`) in the same document
    is a conflict; a date stated as `after N days` of fighting is checked against the start date
    (`began on the night of April 10` + 10 days = `April 20`: consistent, recorded as such).
    Check both dates against the sources.""",
    tension_disagrees=True,
)

_START = WordPattern(r"\b(began|begun|begins|launched|started|commenced|opened|initiated)\b",
                     "began|begun|begins|launched|started|commenced|opened|initiated")
_END = WordPattern(r"\b(ended|ends|concluded|withdrew|withdrawn|retreated|ceasefire|surrendered|fell)\b",
                   "ended|ends|concluded|withdrew|withdrawn|retreated|ceasefire|surrendered|fell")
_AFTER = re.compile(r"\bafter\s+(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+(days?|weeks?|months?)\b", re.I)
_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}


def _dates(ctx: Context) -> dict[str, list[Claim]]:
    """Date claims per document in text order, computed once per context (do not mutate)."""
    by_doc: dict[str, list[Claim]] | None = ctx.memo.get("dates")
    if by_doc is None:
        by_doc = defaultdict(list)
        for c in ctx.of_type(UncertainDate):
            if c.kind is Kind.DATE:
                by_doc[c.document].append(c)
        for v in by_doc.values():
            v.sort(key=lambda c: (c.span.start, c.id))
        ctx.memo["dates"] = by_doc
    return by_doc


def _range_of(claims: list[Claim]) -> Claim | None:
    ranged = [c for c in claims if c.field is not None]
    return ranged[0] if ranged else None


@family
def dates_in_range(ctx: Context) -> Iterator[Conflict]:
    by_doc = _dates(ctx)
    ranges: dict[str, Claim] = {}
    for doc, claims in by_doc.items():
        rng = _range_of(claims)
        if rng is None:
            continue
        ranges[doc] = rng
        r = rng.value
        assert isinstance(r, UncertainDate)
        range_cited: str | None = None  # cited once per document, for its first date outside the range
        for c in claims:
            if c.field is not None or in_context_section(c):
                continue
            d = c.value
            assert isinstance(d, UncertainDate)
            if d.overlaps(r):
                continue
            inferred = " Its year was inferred from context; check it." if d.year_inferred else ""
            if range_cited is None:
                range_cited = cite(rng, ctx)
            yield finding(
                DATE_RANGE, (rng, c),
                f"{cite(c, ctx)} ({d.earliest.isoformat()}–{d.latest.isoformat()}) lies outside the event's date "
                f"range {range_cited}.{inferred} Check the date and whether the sentence is about this event.",
                ctx,
            )
    # Two documents of one event whose infobox ranges do not overlap, or that start or end on
    # different days (both days given).
    per_event: dict[str, list[str]] = defaultdict(list)
    for doc in sorted(ranges):
        per_event[ctx.event(ranges[doc]).id].append(doc)
    for docs in per_event.values():
        if len(docs) > _RANGE_LIMIT:
            continue
        for a, b in ((a, b) for i, a in enumerate(docs) for b in docs[i + 1:]):
            ra, rb = ranges[a], ranges[b]
            va, vb = ra.value, rb.value
            assert isinstance(va, UncertainDate) and isinstance(vb, UncertainDate)
            if not va.overlaps(vb):
                yield finding(
                    DATE_RANGE, (ra, rb),
                    f"The two documents give date ranges for the event that do not overlap: {cite(ra, ctx)} and "
                    f"{cite(rb, ctx)}. Check whether they describe the same event and which dates the sources support.",
                    ctx, severity=Severity.MEDIUM,
                )
                continue
            ends = _different_ends(va, vb)
            if ends:
                yield finding(
                    DATE_RANGE, (ra, rb),
                    f"The two documents date the event differently: {cite(ra, ctx)} and {cite(rb, ctx)} give "
                    f"{ends}. Check which dates the sources support.",
                    ctx, severity=Severity.LOW,
                )


_EVENT_WORDS = WordPattern(r"\b(?:battle|siege|offensive|assault|attack|attacked|fighting|clashes|onslaught|operation"
                           r"|advance|encirclement|invasion|bombardment)\b",
                           "battle|siege|offensive|assault|attack|fighting|clashes|onslaught|operation|advance"
                           "|encirclement|invasion|bombardment")
_SINCE = re.compile(r"\b(?:since|from)\b[^.,;]{0,20}$", re.I)
_NEAR_DAYS = 3
"""A report's start or end day this close to an article's (but not on it) dates the same moment."""


@family
def stated_days_against_ranges(ctx: Context) -> Iterator[Conflict]:
    """A document's text that dates the event's start or end (`the siege began on 16
    September`, `killed since September 16`) a day or three away from an infobox range, its
    own or another document's of the event: one of them has the day wrong. Dates further away
    are taken for another moment (a later assault), not this one."""
    by_doc = _dates(ctx)
    ranges = {doc: rng for doc, claims in by_doc.items() if (rng := _range_of(claims)) is not None}
    by_event: dict[str, list[Claim]] = defaultdict(list)
    for doc, rng in ranges.items():
        by_event[ctx.event(rng).id].append(rng)
    for doc, claims in sorted(by_doc.items()):
        for c in claims:
            others = by_event.get(ctx.event(c).id)
            d = c.value
            if not others or c.field is not None or in_context_section(c) or d.precision is not Precision.DAY:  # type: ignore[union-attr]
                continue
            line_start = c.span.prefix.rsplit("\n", 1)[-1]
            if not any(ch.islower() for ch in line_start):
                continue  # a dateline or an entry's heading: when it was written, not what happened
            text = sentence(c, ctx)
            if not _EVENT_WORDS.search(text) and not set(ctx.event(c).places) & set(text.lower().split()):
                continue
            starts = bool(_START.search(text) or _SINCE.search(before(c, ctx)))
            ends = bool(_END.search(text)) and not starts
            for rng in others:
                found = _day_apart(d, rng.value, starts, ends)  # type: ignore[arg-type]
                if found:
                    yield finding(
                        DATE_RANGE, (rng, c),
                        f"{cite(c, ctx)} dates the event's {found} to {_day(d.earliest)}, {cite(rng, ctx)} "  # type: ignore[union-attr]
                        f"to {_day(rng.value.earliest if found == 'start' else rng.value.latest)}. "  # type: ignore[union-attr]
                        "Check which day the sources support.",
                        ctx, severity=Severity.LOW,
                    )


def _day_apart(day: UncertainDate, rng: UncertainDate, starts: bool, ends: bool) -> str | None:
    """`start` or `end` when ``day`` gives that end of the event a day or three from ``rng``'s."""
    if rng.precision is not Precision.DAY or rng.years or day.years or day.earliest != day.latest:
        return None
    if starts and rng.bound not in (OpenBound.BEFORE, OpenBound.UNTIL):
        gap = abs((day.earliest - rng.earliest).days)
        return "start" if 0 < gap <= _NEAR_DAYS else None
    if ends and rng.interval and rng.bound is None:
        gap = abs((day.earliest - rng.latest).days)
        return "end" if 0 < gap <= _NEAR_DAYS else None
    return None


_RANGE_LIMIT = 50
"""Events with more infobox dates than this compare them only within each document."""


def _different_ends(a: UncertainDate, b: UncertainDate) -> str:
    """`different start days (15 September 2014 and 16 September 2014)` when two dates known
    to the day begin (or both end) on different days; '' otherwise."""
    if a.precision is not Precision.DAY or b.precision is not Precision.DAY or a.years or b.years:
        return ""
    said = []
    starts_a = a.bound not in (OpenBound.BEFORE, OpenBound.UNTIL)
    starts_b = b.bound not in (OpenBound.BEFORE, OpenBound.UNTIL)
    if starts_a and starts_b and a.earliest != b.earliest:
        said.append(f"different start days ({_day(a.earliest)} and {_day(b.earliest)})")
    if a.interval and b.interval and a.bound is None and b.bound is None and a.latest != b.latest \
            and a.earliest != a.latest and b.earliest != b.latest:
        said.append(f"different end days ({_day(a.latest)} and {_day(b.latest)})")
    return " and ".join(said)


def _day(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


_WAR_BEGAN = re.compile(r"(?i)\b(?:war|conflict|invasion|uprising|insurgency)\s+(?:had\s+|has\s+)?"
                        r"(?:began|begun|started|broke\s+out|erupted)\b")
_WHOLE_WAR = re.compile(r"(?i)\b(?:war|conflict|invasion|uprising|insurgency)\b")


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


@family
def dates_in_order(ctx: Context) -> Iterator[Conflict]:
    for claims in _dates(ctx).values():
        body = [c for c in claims if c.field is None and not in_context_section(c)]
        text = {c.id: sentence(c, ctx) for c in body}
        # `since the war began on September 27` in a story of one battle: the start of a larger
        # event, not this one's.
        war = bool(claims) and _WHOLE_WAR.search(ctx.event(claims[0]).name) is not None
        starts = [c for c in body if _START.search(text[c.id]) and (war or not _WAR_BEGAN.search(text[c.id]))]
        ends = [c for c in body if _END.search(text[c.id]) and not _START.search(text[c.id])]
        for s in starts:
            for e in ends:
                if s.value.earliest > e.value.latest:  # type: ignore[union-attr]
                    yield finding(
                        DATE_ORDER, (s, e),
                        f"The start {cite(s, ctx)} is dated after the end {cite(e, ctx)}. Check both dates.",
                        ctx,
                    )
        if not starts:
            continue
        start = starts[0]
        sd = start.value
        assert isinstance(sd, UncertainDate)
        for c in body:
            m = _AFTER.search(text[c.id])
            if c is start or m is None or _AFTER.search(c.span.quote):
                continue
            n = _count(m.group(1))
            unit = m.group(2).lower().rstrip("s")
            days = n * {"day": 1, "week": 7, "month": 30}[unit]
            slack = {"day": 1, "week": 3, "month": 10}[unit]
            d = c.value
            assert isinstance(d, UncertainDate)
            expected_low = sd.earliest + dt.timedelta(days=days - slack)
            expected_high = sd.latest + dt.timedelta(days=days + slack)
            if d.latest >= expected_low and d.earliest <= expected_high:
                yield finding(
                    DATE_ORDER, (start, c),
                    f"Consistent: {cite(start, ctx)} plus {n} {m.group(2)} gives {cite(c, ctx)}.",
                    ctx, outcome=Outcome.CONSISTENT, severity=Severity.INFO,
                )
            else:
                yield finding(
                    DATE_ORDER, (start, c),
                    f"{cite(c, ctx)} says `after {n} {m.group(2)}`, but the start {cite(start, ctx)} plus "
                    f"{n} {m.group(2)} does not reach that date. Check both dates.",
                    ctx,
                )
