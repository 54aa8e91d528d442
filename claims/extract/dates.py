"""Uncertain dates in text: `April – May 1994`, `late 1993`, `mid-January 1994`, `15 December`.

A date is an interval with a precision (EDTF in spirit). Dates without a year take it from a
``DateContext`` (the nearest preceding year in the text, the infobox date, the title; never
today's year) and say so with ``year_inferred``. Relative dates (`the next day`, `after 10
days`) are resolved against the previous date or the date the fighting began.
"""

from __future__ import annotations

import calendar
from bisect import bisect_left
import datetime as dt
import re
from dataclasses import dataclass, field

from claims.extract.numbers import parse_number_words
from claims.model import Precision, UncertainDate

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)(?![A-Za-z])"
)
_DAY = r"(?<![\d.,:/])(?:[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?!\d|,\d)"
_PART = (
    r"(?:[Ee]arly|[Mm]id|[Ll]ate|(?:the\s+)?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)\s+of"
    r"(?:\s+the)?)"
)
_SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
_BARE_MONTH_BEFORE = r"(?:(?<=\b[Ii]n )|(?<=\b[Bb]y )|(?<=\bof )|(?<=\b[Ff]rom )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )|(?<=\b[Bb]etween )|(?<=\b[Ee]arly )|(?<=\b[Ll]ate ))"
_TIME_OF_DAY = (
    r"(?:the\s+)?(?:(?:early\s+|late\s+)?(?:night|evening|morning|afternoon|dawn)"
    r"|(?:early|small)\s+hours)\s+of\s+(?:the\s+)?"
)

# One simple date. Named groups say which form matched; the order puts longer forms first.
_SIMPLE = (
    rf"(?=[0-9JFMASONDEeLlTtBbSsWwFfam])(?<![A-Za-z])(?P<tod>{_TIME_OF_DAY})?(?:"
    rf"(?P<dm_d>{_DAY})(?:\s*/\s*(?P<dm_d2>[0-3]?\d))?\s+(?P<dm_m>{_MONTH})(?:,?\s+(?P<dm_y>{_YEAR}))?"
    rf"|(?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY})(?!\d|:\d)(?:,?\s+(?P<md_y>{_YEAR}))?"
    rf"|(?P<pt>{_PART})[\s\-]*(?:(?P<pt_m>{_MONTH})(?!\s+[0-3]?\d(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}}))(?:\s+of)?(?:,?\s+(?P<pt_my>{_YEAR}))?|(?P<pt_y>{_YEAR}))"
    rf"|(?:the\s+)?(?P<se>{_SEASON})(?:\s+of)?\s+(?P<se_y>{_YEAR})"
    rf"|(?P<my_m>{_MONTH})(?:\s+of)?,?\s+(?P<my_y>{_YEAR})"
    rf"|{_BARE_MONTH_BEFORE}(?P<bm>{_MONTH})"
    rf"|(?P<bm2>{_MONTH})(?=\s*(?:[-–—]|to|until|and)\s*(?:[0-3]?\d\b|{_MONTH}|[Ee]arly|[Mm]id|[Ll]ate))"
    rf")"
)
_SIMPLE_RE = re.compile(_SIMPLE)
# A day range inside one month: `8–11 August 2008`.
_DAY_RANGE_RE = re.compile(
    rf"(?<![\w])(?P<d1>{_DAY})\s*[-–—]\s*(?P<d2>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?"
)
_RANGE_JOIN_RE = re.compile(r"\s*(?:[-–—]|to|until|till|through|and)\s*")
_RANGE_OPENER_RE = re.compile(r"(?:[Ff]rom|[Bb]etween)\s+$")
# A year not part of a larger number, `(?<![\d,.$£€])\b(?P<y>{_YEAR})\b(?![\-–]\d)` written to
# start with its first digit (the lookbehind moved after it), so the regex engine skips to
# the next `1` or `2` instead of trying every position: year_mentions scans whole documents.
_BARE_YEAR_RE = re.compile(rf"(?P<y>(?:1[6-9]|20)\d\d)(?<![\w,.$£€]\d{{4}})(?!\d|,\d)\b(?![\-–]\d)")
_RELATIVE_RE = re.compile(
    r"(?P<next>the\s+(?:next|following)\s+(?:day|morning|evening|night)|the\s+day\s+after"
    r"|the\s+same\s+day)"
    r"|(?P<later>(?P<lnum>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?P<lunit>day|week)s?\s+later)"
    r"|(?P<after>after\s+(?P<anum>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty)"
    r"\s+(?P<aunit>day|week|month)s?)"
)
# Every relative date holds one of these words: without one, _RELATIVE_RE need not scan.
_RELATIVE_HINT = re.compile(r"(?:n(?:ext)|f(?:ollowing)|s(?:ame)|l(?:ater)|a(?:fter))")
_START_VERB_RE = re.compile(
    r"\b(?:(?:offensive|operation|attack|assault|battle|war|fighting|campaign|invasion|siege)\s+"
    r"(?:began|begun|begins|started|opened|commenced)|(?<!again\s)(?:launched|began|started|opened)\s+"
    r"(?:the|an|a|its|their)\s+(?:\w+\s+)?(?:offensive|operation|attack|assault|campaign|invasion|siege))\b"
)


@dataclass
class DateContext:
    """What a date without a year, or a relative date, is resolved against."""

    default_year: int | None = None
    previous: UncertainDate | None = None
    start: UncertainDate | None = None
    #: (offset, year) of every year mentioned in the text, in order.
    year_mentions: list[tuple[int, int]] = field(default_factory=list)
    _positions: list[int] | None = field(default=None, repr=False)

    def year_before(self, offset: int) -> int | None:
        """The nearest year stated before ``offset``, else the default year."""
        if self._positions is None or len(self._positions) != len(self.year_mentions):
            self._positions = [pos for pos, _ in self.year_mentions]
        index = bisect_left(self._positions, offset)
        if index == 0:
            return self.default_year
        return self.year_mentions[index - 1][1]


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    value: UncertainDate
    relative: bool = False


def _month(token: str) -> int:
    return MONTHS[token[:3].lower()]


_LEADING_DIGITS_RE = re.compile(r"\d+")


def _day(token: str) -> int:
    return int(_LEADING_DIGITS_RE.match(token).group(0))


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass
class _Partial:
    """A simple date before its year is known: a function of the year."""

    start: int
    end: int
    year: int | None
    month: int | None
    kind: str  # day, month, part_month, part_year, season, year
    day: int | None = None
    day2: int | None = None
    part: str | None = None
    season: str | None = None

    def bounds(self, year: int) -> tuple[dt.date, dt.date, Precision] | None:
        m = self.month
        if self.kind == "day":
            first = _safe_date(year, m, self.day)
            last = _safe_date(year, m, self.day2) if self.day2 else first
            if first is None or last is None or last < first:
                return None
            return first, last, Precision.DAY
        if self.kind == "month":
            return dt.date(year, m, 1), dt.date(year, m, _last_day(year, m)), Precision.MONTH
        if self.kind == "part_month":
            lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}.get(self.part, (1, 31))
            hi = min(hi, _last_day(year, m))
            return dt.date(year, m, lo), dt.date(year, m, hi), Precision.PART_OF_MONTH
        if self.kind == "part_year":
            lo_m, hi_m = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(self.part, (1, 12))
            return (
                dt.date(year, lo_m, 1),
                dt.date(year, hi_m, _last_day(year, hi_m)),
                Precision.PART_OF_YEAR,
            )
        if self.kind == "season":
            if self.season == "winter":
                return dt.date(year, 12, 1), dt.date(year + 1, 2, _last_day(year + 1, 2)), Precision.SEASON
            lo_m = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}[self.season]
            return (
                dt.date(year, lo_m, 1),
                dt.date(year, lo_m + 2, _last_day(year, lo_m + 2)),
                Precision.SEASON,
            )
        return dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR


def _part_word(text: str) -> str:
    t = text.lower()
    if t.startswith("early") or "beginning" in t or "start" in t:
        return "early"
    if t.startswith("mid") or "middle" in t:
        return "mid"
    return "late"


def _partial_from_match(m: re.Match) -> _Partial:
    g = m.groupdict()
    s, e = m.start(), m.end()
    if g["dm_d"]:
        return _Partial(s, e, int(g["dm_y"]) if g["dm_y"] else None, _month(g["dm_m"]), "day",
                        day=_day(g["dm_d"]), day2=_day(g["dm_d2"]) if g["dm_d2"] else None)
    if g["md_m"]:
        return _Partial(s, e, int(g["md_y"]) if g["md_y"] else None, _month(g["md_m"]), "day",
                        day=_day(g["md_d"]))
    if g["pt"]:
        part = _part_word(g["pt"])
        if g["pt_m"]:
            year = int(g["pt_my"]) if g["pt_my"] else None
            return _Partial(s, e, year, _month(g["pt_m"]), "part_month", part=part)
        return _Partial(s, e, int(g["pt_y"]), None, "part_year", part=part)
    if g["se"]:
        season = g["se"].lower()
        return _Partial(s, e, int(g["se_y"]), None, "season", season=season)
    if g["my_m"]:
        return _Partial(s, e, int(g["my_y"]), _month(g["my_m"]), "month")
    return _Partial(s, e, None, _month(g["bm"] or g["bm2"]), "month")


def _simple_partials(text: str, lo: int, hi: int) -> list[_Partial]:
    found: list[_Partial] = []
    for m in _DAY_RANGE_RE.finditer(text, lo, hi):
        found.append(_Partial(m.start(), m.end(), int(m["y"]) if m["y"] else None, _month(m["m"]),
                              "day", day=_day(m["d1"]), day2=_day(m["d2"])))
    for m in _SIMPLE_RE.finditer(text, lo, hi):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        if m.group("bm") and m.group("bm").startswith("May") and not m.group("bm")[3:4] == ".":
            # `May` alone is usually the verb; only a `May 1994`/`May 5` form is a date.
            continue
        found.append(_partial_from_match(m))
    found.sort(key=lambda p: p.start)
    return found


def _resolve_year(p: _Partial, ctx: DateContext) -> tuple[int | None, bool]:
    if p.year is not None:
        return p.year, False
    year = ctx.year_before(p.start)
    if year is None:
        return None, True
    prev = ctx.previous
    if (
        prev is not None
        and p.month is not None
        and prev.earliest.year == year
        and prev.earliest.month - p.month >= 6
    ):
        year += 1  # `15 December` ... `By 20 February`: the narrative crossed a new year.
    return year, True


def find_dates(text: str, lo: int, hi: int, ctx: DateContext) -> list[FoundDate]:
    """Dates between offsets ``lo`` and ``hi`` of ``text``, in order, updating ``ctx``.

    Absolute and relative dates are resolved in text order, so `the next day` counts from the
    date just before it and `after 10 days` from the day the fighting began.
    """
    partials = _simple_partials(text, lo, hi)
    items: list[tuple[int, object]] = []
    i = 0
    while i < len(partials):
        p = partials[i]
        q = partials[i + 1] if i + 1 < len(partials) else None
        if q is not None and _joins(text, lo, p, q):
            items.append((p.start, (p, q)))
            i += 2
            continue
        items.append((p.start, p))
        i += 1
    relative = _RELATIVE_HINT.search(text, lo, hi) is not None
    for m in _RELATIVE_RE.finditer(text, lo, hi) if relative else ():
        if not any(isinstance(it, _Partial) and it.start <= m.start() < it.end for _, it in items):
            items.append((m.start(), m))
    items.sort(key=lambda it: it[0])
    results: list[FoundDate] = []
    for _, item in items:
        if isinstance(item, tuple):
            found = _range(text, item[0], item[1], ctx) or _single(text, item[0], ctx)
        elif isinstance(item, _Partial):
            found = _single(text, item, ctx)
        else:
            found = _relative_one(item, ctx)
        if found is not None:
            results.append(found)
    return results


def _joins(text: str, lo: int, p: _Partial, q: _Partial) -> bool:
    join = _RANGE_JOIN_RE.fullmatch(text[p.end:q.start])
    if not join:
        return False
    word = join.group(0).strip()
    if word == "and":
        return bool(_RANGE_OPENER_RE.search(text[max(lo, p.start - 9):p.start]))
    return True


def _range(text: str, p: _Partial, q: _Partial, ctx: DateContext) -> FoundDate | None:
    y2, inferred2 = _resolve_year(q, ctx)
    if y2 is None:
        return None
    if p.year is not None:
        y1, inferred1 = p.year, False
    else:
        y1, inferred1 = y2, inferred2
        if p.month is not None and q.month is not None and p.month > q.month:
            y1 = y2 - 1
    if p.month is None and p.kind == "day":
        return None
    b1, b2 = p.bounds(y1), q.bounds(y2)
    if b1 is None or b2 is None or b2[1] < b1[0]:
        return None
    precision = b1[2] if _rank(b1[2]) >= _rank(b2[2]) else b2[2]
    quote = text[p.start:q.end]
    value = UncertainDate(earliest=b1[0], latest=b2[1], precision=precision, text=quote,
                          interval=True, year_inferred=inferred1 or inferred2)
    ctx.previous = UncertainDate(earliest=b2[0], latest=b2[1], precision=b2[2], text=quote)
    _note_start(text, p.start, value, ctx)
    return FoundDate(p.start, q.end, value)


_PRECISION_RANK = [Precision.DAY, Precision.PART_OF_MONTH, Precision.MONTH, Precision.SEASON,
                   Precision.PART_OF_YEAR, Precision.YEAR]


def _rank(p: Precision) -> int:
    return _PRECISION_RANK.index(p)


def _single(text: str, p: _Partial, ctx: DateContext) -> FoundDate | None:
    year, inferred = _resolve_year(p, ctx)
    if year is None:
        return None
    b = p.bounds(year)
    if b is None:
        return None
    quote = text[p.start:p.end]
    value = UncertainDate(earliest=b[0], latest=b[1], precision=b[2], text=quote,
                          interval=p.day2 is not None, year_inferred=inferred)
    ctx.previous = value
    _note_start(text, p.start, value, ctx)
    return FoundDate(p.start, p.end, value)


def _note_start(text: str, offset: int, value: UncertainDate, ctx: DateContext) -> None:
    """Remember the date the fighting began, the anchor for `after 10 days`."""
    if ctx.start is not None or value.precision != Precision.DAY:
        return  # the first start found is the operation's; later `launched attacks` are episodes
    sentence_start = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset), 0)
    stop = text.find(". ", offset)
    window = text[sentence_start:stop if stop != -1 else offset + 200]
    if _START_VERB_RE.search(window):
        ctx.start = value


def _count(token: str) -> int:
    if token.isdigit():
        return int(token)
    if token in ("a", "an"):
        return 1
    return parse_number_words(token) or 1


def _relative_one(m: re.Match, ctx: DateContext) -> FoundDate | None:
    """A relative date resolved against the previous date (or the start, for `after N days`)."""
    quote = m.group(0)
    prev = ctx.previous
    if m.group("next") or m.group("later"):
        if prev is None or prev.precision != Precision.DAY:
            return None
        if m.group("next"):
            n = 0 if "same" in quote else 1
        else:
            n = _count(m.group("lnum").lower()) * (7 if m.group("lunit") == "week" else 1)
        anchor_day = prev.latest
        inferred = prev.year_inferred
    else:
        anchor = ctx.start or prev
        if anchor is None or anchor.precision != Precision.DAY or m.group("aunit") == "month":
            return None
        n = _count(m.group("anum").lower()) * (7 if m.group("aunit") == "week" else 1)
        anchor_day = anchor.earliest
        inferred = anchor.year_inferred
    day = anchor_day + dt.timedelta(days=n)
    value = UncertainDate(day, day, Precision.DAY, quote, year_inferred=inferred)
    ctx.previous = value
    return FoundDate(m.start(), m.end(), value, relative=True)


def year_mentions(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """(offset, year) for every plausible year in ``text`` (not part of a larger number)."""
    hi = len(text) if hi is None else hi
    return [(m.start(), int(m["y"])) for m in _BARE_YEAR_RE.finditer(text, lo, hi)]


def parse_date(text: str, default_year: int | None = None, *, bare_year: bool = True) -> UncertainDate | None:
    """The first date in ``text`` as an UncertainDate (a whole-field reader for infobox dates).

    ``bare_year`` lets a lone year (`(1994)`) count, as it does in an as-of note.
    """
    ctx = DateContext(default_year=default_year, year_mentions=year_mentions(text))
    found = find_dates(text, 0, len(text), ctx)
    found = [f for f in found if not f.relative]
    if found:
        return found[0].value
    if bare_year:
        m = _BARE_YEAR_RE.search(text)
        if m:
            y = int(m["y"])
            return UncertainDate(dt.date(y, 1, 1), dt.date(y, 12, 31), Precision.YEAR, m.group(0))
    return None
