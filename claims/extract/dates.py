"""Uncertain dates in text: `April – May 1994`, `late 1993`, `mid-January 1994`, `15 December`.

A date is an interval with a precision (EDTF in spirit, see ``UncertainDate``). Dates without a
year take it from a ``DateContext`` (the nearest preceding year in the text, the infobox date,
the title; never today's year) and say so with ``year_inferred``. Relative dates (`the next
day`, `after 10 days`) are resolved against the previous date or the date the fighting began.

Forms read (each one a ``_Partial`` before its year is known; two joined by `–`, `to`,
`until`, `through` or `between ... and` make a range):

- days: `15 December 1993`, `April 20, 1994`, `the 5th of May 1994`, `Sep 16`, `Feb. 24`,
  `2 February 1943a` (a note letter glued on), `the night of 21/22 May 1982`, `8–11 August`,
  `from 28 to 29 May 1982`, `the night of the 21st to the 22nd May 1982`, `May 28–29, 1982`,
  ISO `2022-05-18`, a day glued to an infobox label (`Date14 January`, `Date:13 March`);
- parts of months and years: `mid-September`, `early 1994`, `the end of 1993`, `the first
  half of May`; seasons: `the autumn of 1993`, `winter 1942–43`, `in the spring` (year from
  context; `fall` only with a year: `the fall of Grozny` is no season);
- years where they read as dates (`in 1994`, `since 1994`, `the 1994 offensive`, `the war of
  1812`, `c. 1994`, `1994's`, lists `in 1942 and 1943`), never as figures (`1995 soldiers
  were killed`, `a force of 1800`, `rose by 2000`, `1500-strong`); year ranges `1992–1994`,
  `1992-94`, `the winter of 1942/43`, `from 1992 to 1994`, `between 1992 and 1994` (a range
  of round numbers such as `1500–2000` is a date only after a preposition or determiner);
- decades `the 1990s`, `the early 1990s`, `the mid-1990s`; centuries `the 19th century`, `the
  late eighteenth century`, `the first half of the 20th century`, `the 18th–19th centuries`,
  `the 1800s` (the hundred years 1800–1899; the 19th century is 1801–1900, by its ordinal);
- eras: `44 BC`, `15 March 44 BC`, `490–479 BC`, `the 5th century BC`, `AD 732`, `1066 AD`
  (years before AD 1 go to ``UncertainDate.years``, astronomical: 44 BC = -43).

Open bounds: `before X`, `prior to X` (OpenBound.BEFORE), `until`/`till`/`by`/`no later than
X`/`X or earlier` (UNTIL), `after`/`later than X` (AFTER), `since X`, `from X` with no end,
`starting X`, `X onwards`, `X – ongoing`/`– present` (SINCE): the date's bounds are X's and
its ``bound`` says which side is open. The span is X as written (`20 February` in `By 20
February`), plus an open end written after it (`16 September 2014 – ongoing`). `the day
after 15 May` and `two days before 15 May` are offsets from X (DAY precision only).

Impossible dates (`31 February 1994`, `45 May 1994`, `30 April – 2 April 1994`, ISO months
above 12) are not dates and are never guessed into one: ``find_dates`` leaves them out of its
result and appends a ``DateProblem`` (offsets, text, reason) to ``DateContext.problems``, for
the caller to show as a warning (``parse_date`` takes a ``problems`` list). A day above 31
without a year (`45 May`) is no date and no problem (it reads as a figure before `May`).

Speed: ``find_dates`` runs on every sentence with a digit or a month word, so each form is
scanned for only when a cheap test allows it (a capitalised month abbreviation, ``str.find``
of `entur`, a season, an era), and the words before a year are looked up, not regex-scanned.
"""

from __future__ import annotations

import calendar
from bisect import bisect_left, bisect_right
import datetime as dt
import re
from dataclasses import dataclass, field

from claims.extract.numbers import parse_number_words
from claims.model import OpenBound, Precision, UncertainDate

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)(?![A-Za-z])"
)
# A day of the month: up to two digits, so that `31 February` and `45 May 1994` are seen (and
# reported); not after a time's digit and colon (`10:30`), a decimal point or a slash, but
# after a numbered label (`Strength1:13 March`).
_DAY = r"(?<![\d.,/])(?<!(?<![A-Za-z])\d:)(?:\d{1,2})(?:st|nd|rd|th)?(?!\d)"
# Things a number counts: a year followed by one of them (within one word) is a figure.
_COUNTED = (
    r"(?:soldiers?|troops?|men|women|children|people|persons?|civilians?|fighters?|militants?|"
    r"militia(?:men)?|servicem[ae]n|personnel|officers?|sailors?|marines?|pilots?|airmen|"
    r"volunteers?|rebels?|insurgents?|guerrillas?|policem[ae]n|police|prisoners?|POWs?|hostages?|"
    r"refugees?|residents?|inhabitants?|families|households?|victims?|casualties|dead|killed|"
    r"died|wounded|injured|missing|captured|deaths?|bodies|graves?|"
    r"tanks?|vehicles?|APCs?|IFVs?|aircraft|planes?|jets?|helicopters?|drones?|UAVs?|guns?|"
    r"cannons?|artillery|pieces|mortars?|rockets?|missiles?|shells?|rounds?|bombs?|mines?|"
    r"rifles?|ships?|boats?|vessels?|trucks?|cars?|horses?|"
    r"villages?|towns?|houses?|homes?|buildings?|units?|battalions?|brigades?|divisions?|"
    r"regiments?|companies|kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?|m|kg|tons?|tonnes?|"
    r"hectares?|acres?|feet|ft|yards?|rubles?|roubles?|dollars?|euros?|pounds?|manats?)"
)
_COUNTED_AFTER = rf"\s+(?:[A-Za-z][\w'’-]*\s+)?{_COUNTED}\b"
_COUNTED_AFTER_RE = re.compile(_COUNTED_AFTER)
_ERA_BC = r"(?:BCE?|B\.\s?C\.(?:\s?E\.)?)(?![A-Za-z])"
_ERA_AD = r"(?:AD|A\.\s?D\.|CE|C\.\s?E\.)(?![A-Za-z])"
# A year in a date: 1600-2099, 1000-1599 unless a count follows (`March 1200 soldiers`), or
# any 1-4 digits with an era after it (`15 March 44 BC`).
_YEAR = (
    rf"(?:1[6-9]\d\d|20\d\d|1[0-5]\d\d(?!{_COUNTED_AFTER})|\d{{1,4}}(?=\s*(?:{_ERA_BC}|{_ERA_AD})))"
    r"(?!\d|,\d)"
)
_PART = (
    r"(?:[Ee]arly|[Mm]id|[Ll]ate|(?:the\s+)?(?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle|"
    r"(?:[Ff]irst|[Ss]econd|[Ll]atter)\s+half)\s+of(?:\s+the)?)"
)
_SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
_BARE_MONTH_BEFORE = r"(?:(?<=\b[Ii]n )|(?<=\b[Bb]y )|(?<=\bof )|(?<=\b[Ff]rom )|(?<=\b[Ss]ince )|(?<=\b[Uu]ntil )|(?<=\b[Bb]etween )|(?<=\b[Ee]arly )|(?<=\b[Ll]ate ))"
_TIME_OF_DAY = (
    r"(?:the\s+)?(?:(?:early\s+|late\s+)?(?:night|evening|morning|afternoon|dawn)"
    r"|(?:early|small)\s+hours)\s+of\s+(?:the\s+)?"
)
# Where a date may start: not glued to a word. An infobox label glued to its value as rendered
# pages print it (`Date14 January`) is tried apart (``_GLUED_LABEL_RE``): one lookbehind per
# position keeps the scan fast.
_START = r"(?<![A-Za-z])"
_GLUED_LABEL_RE = re.compile(r"Dates?(?=\d)")

# One simple date. Named groups say which form matched; the order puts longer forms first.
_SIMPLE = (
    rf"(?=[0-9JFMASONDEeLlTtBbSsWwFfam]){_START}(?P<tod>{_TIME_OF_DAY})?(?:"
    rf"(?P<dm_d>{_DAY})(?:\s*/\s*(?P<dm_d2>\d{{1,2}}))?\s+(?:of\s+)?(?P<dm_m>{_MONTH})(?:,?\s+(?P<dm_y>{_YEAR}))?"
    rf"|(?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY})(?!\d|:\d)(?:,?\s+(?P<md_y>{_YEAR}))?"
    rf"|(?P<pt>{_PART})[\s\-]*(?:(?P<pt_m>{_MONTH})(?!\s+[0-3]?\d(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}}))(?:\s+of)?(?:,?\s+(?P<pt_my>{_YEAR}))?|(?P<pt_y>{_YEAR})(?![\-–—/]\d|'?s\b))"
    rf"|(?:the\s+)?(?P<se>{_SEASON})(?:\s+of)?\s+(?P<se_y>{_YEAR})(?:\s*[-–—/]\s*(?P<se_y2>\d{{4}}|\d\d)(?!\d))?"
    rf"|(?P<my_m>{_MONTH})(?:\s+of)?,?\s+(?P<my_y>{_YEAR})"
    rf"|{_BARE_MONTH_BEFORE}(?P<bm>{_MONTH})"
    rf"|(?P<bm2>{_MONTH})(?=\s*(?:[-–—]|to|until|and)\s*(?:[0-3]?\d\b|{_MONTH}|[Ee]arly|[Mm]id|[Ll]ate))"
    rf")"
)
_SIMPLE_RE = re.compile(_SIMPLE)
# The same without the start lookbehind, matched where a label is glued on (`Date14 January`).
_SIMPLE_GLUED_RE = re.compile(_SIMPLE.replace(_START, "", 1))
# A season with no year after `in`, `during`, `by`, `until` (year from context; not `fall`).
_SEASON_ALONE_RE = re.compile(
    r"(?:(?<=\b[Ii]n\s)|(?<=\b[Dd]uring\s)|(?<=\b[Bb]y\s)|(?<=\b[Uu]ntil\s))(?:the\s+)?"
    r"(?P<sx>(?:(?:[Ee]arly|[Ll]ate)\s+)?(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter))"
    r"(?!\s+(?:of\s+)?\d)(?![\w-])"
    # `in the Winter War`, `during the Summer Offensive`: a capitalised name, no season
    r"(?!(?<=[A-Z][a-z]{5})\s+[A-Z])"
)
# A day range inside one month: `8–11 August 2008`, `from 28 to 29 May`, `the night of the
# 21st to the 22nd May 1982`, and month first: `May 28–29, 1982`.
_RANGE_WORD = r"(?:\s*[-–—]\s*|\s+(?:to|until|till|through|and)\s+)"
_DAY_RANGE = (
    rf"(?=[0-9JFMASOND]){_START}(?:"
    rf"(?P<d1>{_DAY}){_RANGE_WORD}(?:the\s+)?(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?"
    rf"|(?P<m2>{_MONTH})\s+(?P<e1>{_DAY}){_RANGE_WORD}(?P<e2>{_DAY})(?!\s*(?:{_MONTH}|[:.]\d))(?:,?\s+(?P<y2>{_YEAR}))?"
    rf")"
)
_DAY_RANGE_RE = re.compile(_DAY_RANGE)
_DAY_RANGE_GLUED_RE = re.compile(_DAY_RANGE.replace(_START, "", 1))
# Before a day range, read backwards from it: `the night of (the) 21st to ...`, `the 21st`.
_DAY_RANGE_PREFIX_RE = re.compile(rf"(?<![A-Za-z])(?:{_TIME_OF_DAY}|the\s+)$")
# Forms that start with a digit: ISO days, year ranges, decades, years with an era.
_NUMERIC = (
    r"(?<![\w.,$£€/])(?:"
    r"(?P<iso_y>(?:1\d|20)\d\d)-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)(?!\d|[.,]\d)"
    r"|(?P<ry1>(?:1\d|20)\d\d)\s*(?P<rsep>[-–—/])\s*(?P<ry2>(?:1\d|20)\d\d|\d\d)(?!\d|[,.]\d|-\d)"
    r"|(?P<dec>(?:1\d|20)\d0)['’]?s(?!\w)"
    rf"|(?P<era_y>\d{{1,4}})(?:\s*[-–—]\s*(?P<era_y2>\d{{1,4}}))?\s*(?:(?P<bc>{_ERA_BC})|{_ERA_AD})"
    r"|(?P<by>(?:1\d|20)\d\d)(?!\d|,\d|\.\d)\b"
    r")"
)
_NUMERIC_RE = re.compile(r"(?=\d)" + _NUMERIC)
# Without an era in the text every numeric form starts with a year's `1` or `2`: skipping
# to those is cheaper than trying every digit.
_NUMERIC_NO_ERA_RE = re.compile(r"(?=[12])" + _NUMERIC.replace(
    rf"|(?P<era_y>\d{{1,4}})(?:\s*[-–—]\s*(?P<era_y2>\d{{1,4}}))?\s*(?:(?P<bc>{_ERA_BC})|{_ERA_AD})", "", 1))
# A capitalised month name or abbreviation: without one, the month forms need not be scanned.
_MONTH_HINT = re.compile(r"(?:Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec)")
# Rarer forms (centuries, seasons without a year, eras) are only scanned for when a substring
# they need is in the text (see ``_simple_partials``).
# Before a year when no month is near (the month forms then read these): `late 1993`, `the
# end of 1993`, `the summer of 1993`, `winter 1942–43`.
_PART_SEASON_BEFORE_RE = re.compile(
    rf"(?<![A-Za-z])(?:(?P<pt>{_PART})[\s\-]*|(?:the\s+)?(?P<se>{_SEASON})(?:\s+of)?\s+)$"
)
_AD_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?:AD|A\.\s?D\.)\s*(?P<y>\d{1,4})(?![\d,])")
_ERA_AFTER_RE = re.compile(rf"\s*(?:(?P<bc>{_ERA_BC})|{_ERA_AD})")
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}
_ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|(?:twenty[\s-])?first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)"
_CENTURY_RE = re.compile(
    rf"(?<![\w-])(?:(?P<the>[Tt]he)\s+)?(?:(?P<cp>{_PART})[\s-]*)?(?P<c1>{_ORDINAL})"
    rf"(?:\s*(?:[-–—]|and|to|or)\s*(?:the\s+)?(?P<c2>{_ORDINAL}))?[\s-]+[Cc]entur(?:y|ies)\b",
    re.IGNORECASE,
)
# Before a decade: `the early 1990s`, `the mid-1990s`.
_DECADE_PREFIX_RE = re.compile(rf"(?<!\w)(?:(?P<the>[Tt]he)\s+)?(?:(?P<part>{_PART})[\s-]*)?$")

# The words before a year decide whether it reads as a date. After one of these it does (`in
# 1994`, `since 1994`, `c. 1994`, `the year 1994`, `prior to 1994`, `as of 1994`) ...
_YEAR_PREPS = frozenset(
    "in during since until till through throughout before after from by of between circa c. ca."
    " starting beginning year years to than".split()
)
_YEAR_PREPS_NEEDING = {"to": ("prior", "up"), "than": ("later", "earlier")}
# ... after a determiner when a word follows (`the 1994 offensive`, `its 2014 campaign`) ...
_YEAR_DETS = frozenset("the a an its their his her our this that".split())
# ... but not after a quantity's words (`a total of 1995`, `a force of 1800`, `rose by 2000`).
_QUANTITY_WORDS = frozenset(
    "total number force garrison strength toll loss losses sum figure estimate out group contingent"
    " column army crew increased decreased rose fell grew reduced dropped down up outnumbered more"
    " less fewer".split()
)
_QUANTITY_PREPS = frozenset("of by from between to".split())
_PUNCT = "([{\"'“‘«"
_YEAR_AFTER_BAD_RE = re.compile(r"(?:\s*%|[-–—]\w|\s*(?:per\s*cent|percent)\b)")
_RANGE_JOIN_RE = re.compile(r"\s*(?:[-–—]|to|until|till|through|and)\s*")
# A list of years (`in 1942 and 1943`): the later ones end at punctuation or `and`/`or`,
# never before a verb (`in 1994, 2000 fled` counts people).
_YEAR_LIST_RE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")
_YEAR_LIST_END_RE = re.compile(r"\s*(?:[,.;:)]|and\b|or\b|$)")
_RANGE_OPENER_RE = re.compile(r"(?:[Ff]rom|[Bb]etween)\s+$")
# A year not part of a larger number, `(?<![\d,.$£€])\b(?P<y>{_YEAR})\b(?![\-–]\d)` written to
# start with its first digit (the lookbehind moved after it), so the regex engine skips to
# the next `1` or `2` instead of trying every position: year_mentions scans whole documents.
_BARE_YEAR_RE = re.compile(r"(?P<y>(?:1[6-9]|20)\d\d)(?<![\w,.$£€]\d{4})(?!\d|,\d)\b(?![\-–]\d)")
_RELATIVE_RE = re.compile(
    r"(?P<next>the\s+(?:next|following)\s+(?:day|morning|evening|night)|the\s+day\s+after"
    r"|the\s+same\s+day)"
    r"|(?P<later>(?P<lnum>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?P<lunit>day|week)s?\s+later)"
    r"|(?P<after>after\s+(?P<anum>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty)"
    r"\s+(?P<aunit>day|week|month)s?)"
    # `on Tuesday`, `late on Monday`: a news story's day of the week, counted back from its
    # dateline or publication date.
    r"|(?P<weekday>(?:(?:late|early)\s+)?on\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Every relative date holds one of these words: without one, _RELATIVE_RE need not scan.
_RELATIVE_HINT = re.compile(r"(?:n(?:ext)|f(?:ollowing)|s(?:ame)|l(?:ater)|a(?:fter)|day\b)")
_START_VERB_RE = re.compile(
    r"\b(?:(?:offensive|operation|attack|assault|battle|war|fighting|campaign|invasion|siege)\s+"
    r"(?:began|begun|begins|started|opened|commenced)|(?<!again\s)(?:launched|began|started|opened)\s+"
    r"(?:the|an|a|its|their)\s+(?:\w+\s+)?(?:offensive|operation|attack|assault|campaign|invasion|siege))\b"
)
# Open bounds: words before the date (looked up by the last one, two or three words), or an
# open end after it.
_BOUND_WORDS = {
    "before": OpenBound.BEFORE, "prior to": OpenBound.BEFORE, "earlier than": OpenBound.BEFORE,
    "not after": OpenBound.UNTIL, "no later than": OpenBound.UNTIL, "not later than": OpenBound.UNTIL,
    "up to": OpenBound.UNTIL, "up until": OpenBound.UNTIL, "up till": OpenBound.UNTIL,
    "until": OpenBound.UNTIL, "till": OpenBound.UNTIL, "by": OpenBound.UNTIL,
    "after": OpenBound.AFTER, "later than": OpenBound.AFTER,
    "not before": OpenBound.SINCE, "no earlier than": OpenBound.SINCE, "not earlier than": OpenBound.SINCE,
    "since": OpenBound.SINCE, "from": OpenBound.SINCE, "as from": OpenBound.SINCE,
    "starting": OpenBound.SINCE, "starting in": OpenBound.SINCE, "starting on": OpenBound.SINCE,
    "starting from": OpenBound.SINCE, "beginning in": OpenBound.SINCE, "beginning on": OpenBound.SINCE,
    "beginning from": OpenBound.SINCE,
}
_BOUND_AFTER_RE = re.compile(
    r"(?P<ongoing>\s*(?:[-–—]|to|until)\s*(?:the\s+)?(?:ongoing|present(?:\s+day)?|now|today|date)\b)"
    r"|(?P<since>\s+(?:onwards?|or\s+later)\b)"
    r"|(?P<until>\s+or\s+(?:earlier|before)\b)"
)
# A date inside a file name (`Flag of the British Army (1938-present).svg`) is no date.
_FILE_NAME_AFTER_RE = re.compile(r"[^\s|]*?\.(?:svg|png|jpe?g|gif|tiff?|webp|pdf)\b", re.IGNORECASE)
_OFFSET_BEFORE_RE = re.compile(
    r"(?<![\w-])(?P<off>(?:[Tt]he\s+)?(?:(?P<day>day)|(?P<n>\d{1,3}|an?|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty)\s+(?P<u>days?|weeks?)))"
    r"\s+(?P<dir>after|before)\s+$"
)


@dataclass(frozen=True)
class DateProblem:
    """A date the text states that cannot exist (`31 February 1994`): a warning, not a date."""

    start: int
    end: int
    text: str
    reason: str


@dataclass
class DateContext:
    """What a date without a year, or a relative date, is resolved against.

    ``problems`` collects the impossible dates ``find_dates`` met (see the module docstring).
    """

    default_year: int | None = None
    previous: UncertainDate | None = None
    start: UncertainDate | None = None
    #: The first day the text states near its top (a dateline, a publication date): what
    #: `on Tuesday` counts back from.
    reference: UncertainDate | None = None
    #: (offset, year) of every year mentioned in the text, in order.
    year_mentions: list[tuple[int, int]] = field(default_factory=list)
    _positions: list[int] | None = field(default=None, repr=False)
    problems: list[DateProblem] = field(default_factory=list)
    #: The one year an infobox dates the event to, and the text: a year named in an earlier
    #: paragraph (`Nasrallah spoke there in May 2000.`) does not date the event's own days.
    event_year: int | None = None
    text: str | None = field(default=None, repr=False)

    def year_before(self, offset: int) -> int | None:
        """The nearest year stated before ``offset``, else the default year; the event's own
        year when the nearest one is stated in an earlier paragraph."""
        if self._positions is None or len(self._positions) != len(self.year_mentions):
            self._positions = [pos for pos, _ in self.year_mentions]
        index = bisect_left(self._positions, offset)
        if index == 0:
            return self.default_year
        at, year = self.year_mentions[index - 1]
        if self.event_year is not None and year != self.event_year and self.text is not None \
                and self.text.find("\n", at, offset) != -1:
            return self.event_year
        return year


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
    """Days in ``month`` of astronomical ``year`` (proleptic Gregorian; works before AD 1)."""
    if month == 2:
        return 29 if calendar.isleap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


_Ymd = tuple[int, int, int]
_Bounds = tuple[_Ymd, _Ymd, Precision]
_MONTH_NAMES = [""] + list(calendar.month_name)[1:]


_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), "h1": (0, 4), "h2": (5, 9)}
_CENTURY_PARTS = {"early": (0, 32), "mid": (33, 65), "late": (66, 99), "h1": (0, 49), "h2": (50, 99)}
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "h1": (1, 6), "h2": (7, 12)}
_HALVES = {"h1": (1, 15), "h2": (16, 31)}


@dataclass(slots=True)
class _Partial:
    """A simple date before its year is known: a function of the (astronomical) year."""

    start: int
    end: int
    year: int | None
    month: int | None
    kind: str  # day, month, part_month, part_year, season, year, decade, century
    day: int | None = None
    day2: int | None = None
    part: str | None = None
    season: str | None = None
    #: the last year of a year range, a decade's or a century's first year, a second century
    span_to: int | None = None
    bc: bool = False
    #: A year with no context of its own: a date only as the end of a range (`May 1992 to 1994`).
    weak: bool = False

    def bounds(self, year: int) -> _Bounds | str:
        """(earliest, latest, precision), or the reason the date cannot exist."""
        m = self.month
        if self.kind == "day":
            last = _last_day(year, m)
            for d in (self.day, self.day2):
                if d is not None and not 1 <= d <= last:
                    return f"{_MONTH_NAMES[m]} {_year_name(year)} has no day {d}"
            day2 = self.day2 if self.day2 is not None else self.day
            if day2 < self.day:
                return f"the range ends (day {day2}) before it starts (day {self.day})"
            return (year, m, self.day), (year, m, day2), Precision.DAY
        if self.kind == "month":
            return (year, m, 1), (year, m, _last_day(year, m)), Precision.MONTH
        if self.kind == "part_month":
            # `the second half of May` is days 16-31; `mid-January` is certainly in January but
            # which days is a guess, so its bounds are the month's, the precision saying that
            # only part of it is meant.
            lo, hi = _HALVES.get(self.part, (1, 31))
            return (year, m, lo), (year, m, min(hi, _last_day(year, m))), Precision.PART_OF_MONTH
        if self.kind == "part_year":
            lo_m, hi_m = _YEAR_PARTS.get(self.part, (1, 12))
            return (year, lo_m, 1), (year, hi_m, _last_day(year, hi_m)), Precision.PART_OF_YEAR
        if self.kind == "season":
            last_year = self.span_to if self.span_to is not None else year
            if self.season == "winter":
                # `winter 1942–43` is one winter; `the winter of 1993` runs into 1994.
                if last_year == year + 1:
                    last_year = year
                return (year, 12, 1), (last_year + 1, 2, _last_day(last_year + 1, 2)), Precision.SEASON
            lo_m = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}[self.season]
            hi_m = lo_m + 2
            if self.part == "early":
                hi_m = lo_m
            elif self.part == "late":
                lo_m = hi_m
            return (year, lo_m, 1), (last_year, hi_m, _last_day(last_year, hi_m)), Precision.SEASON
        if self.kind == "decade":
            lo, hi = _DECADE_PARTS.get(self.part, (0, 9))
            precision = Precision.PART_OF_DECADE if self.part else Precision.DECADE
            return (year + lo, 1, 1), (year + hi, 12, 31), precision
        if self.kind == "century":
            # ``year`` is the first year of the first century, ``span_to`` the last of the last.
            last = self.span_to if self.span_to is not None else year + 99
            if self.part:
                lo, hi = _CENTURY_PARTS.get(self.part, (0, 99))
                return (year + lo, 1, 1), (year + hi, 12, 31), Precision.PART_OF_CENTURY
            return (year, 1, 1), (last, 12, 31), Precision.CENTURY
        last_year = self.span_to if self.span_to is not None else year
        if last_year < year:
            return f"the range ends ({_year_name(last_year)}) before it starts ({_year_name(year)})"
        return (year, 1, 1), (last_year, 12, 31), Precision.YEAR


def _year_name(year: int) -> str:
    return f"{1 - year} BC" if year < 1 else str(year)


def _part_word(text: str) -> str:
    t = text.lower()
    if "first half" in t:
        return "h1"
    if "second half" in t or "latter half" in t:
        return "h2"
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
        y = int(g["se_y"])
        y2 = _second_year(y, g["se_y2"]) if g["se_y2"] else None
        if y2 is not None and not y < y2 <= y + 1:
            y2, e = None, m.end("se_y")  # `summer 1994-95 ...`: only one season, one year on
        return _Partial(s, e, y, None, "season", season=season, span_to=y2)
    if g["my_m"]:
        return _Partial(s, e, int(g["my_y"]), _month(g["my_m"]), "month")
    return _Partial(s, e, None, _month(g["bm"] or g["bm2"]), "month")


def _second_year(first: int, token: str) -> int:
    """The end of a year range: `1994` or `94` (in the century of ``first``)."""
    if len(token) == 4:
        return int(token)
    return first - first % 100 + int(token)


def _ordinal(token: str) -> int:
    t = token.lower().replace("-", " ")
    t = re.sub(r"\s+", " ", t)
    if t[0].isdigit():
        return int(_LEADING_DIGITS_RE.match(t).group(0))
    return _ORDINAL_WORDS.get(t, _ORDINAL_WORDS.get(t.replace(" ", "-"), 0))


class _Found:
    """The partials read so far, sorted and not overlapping: an overlap test is a bisection
    (a sentence of 20,000 years must not cost 20,000² comparisons)."""

    __slots__ = ("items", "starts", "ends")

    def __init__(self) -> None:
        self.items: list[_Partial] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        if i >= 0 and self.ends[i] > start:
            return True
        return i + 1 < len(self.starts) and self.starts[i + 1] < end

    def add(self, p: _Partial) -> bool:
        """Keep ``p`` unless it overlaps a partial read before it."""
        if self.overlaps(p.start, p.end):
            return False
        i = bisect_right(self.starts, p.start)
        self.starts.insert(i, p.start)
        self.ends.insert(i, p.end)
        self.items.insert(i, p)
        return True


def _words_before(text: str, lo: int, pos: int, n: int = 3, lower: bool = True) -> list[str]:
    """The last ``n`` words before ``pos`` (opening punctuation stripped, lower case unless
    ``lower`` is false), when a space separates them from ``pos``; [] when a word or
    punctuation is glued to it."""
    if pos <= lo or not text[pos - 1].isspace():
        return []
    start = max(lo, pos - 40)
    words = text[start:pos].split()
    if start > lo and not text[start - 1].isspace() and words:
        words = words[1:]  # cut in the middle
    return [w.lstrip(_PUNCT).lower() if lower else w.lstrip(_PUNCT) for w in words[-n:]]


def _numeric_partials(text: str, lo: int, hi: int, found: _Found, months: bool, era: bool = True) -> None:
    """ISO days, year ranges, decades, years with an era and years alone that read as dates,
    added to ``found``. Without a month name in the text (``months`` false) the month forms
    were not scanned, so a part of a year or a season before a year is read here."""
    for m in (_NUMERIC_RE if era else _NUMERIC_NO_ERA_RE).finditer(text, lo, hi):
        s, e = m.start(), m.end()
        if found.overlaps(s, e):
            continue
        if m["by"] or m["ry1"]:
            if not months and _may_follow_part_or_season(text, lo, s):
                pre = _PART_SEASON_BEFORE_RE.search(text, max(lo, s - 40), s)
                if pre is not None:
                    found.add(_part_or_season(pre, m))
                    continue
            p = _year_range(text, lo, m) if m["ry1"] else _bare_year(text, lo, m)
            if p is not None:
                found.add(p)
        elif m["iso_y"]:
            p = _Partial(s, e, int(m["iso_y"]), int(m["iso_m"]), "day", day=int(m["iso_d"]))
            if not 1 <= p.month <= 12:
                p.month = None  # reported as impossible by _checked_bounds
            found.add(p)
        elif m["dec"]:
            decade = int(m["dec"])
            pre = _DECADE_PREFIX_RE.search(text, max(lo, s - 40), s)
            start = s
            part = None
            if pre is not None and pre.group(0):
                start = pre.start()
                part = _part_word(pre["part"]) if pre["part"] else None
            if decade % 100 == 0 and decade != 2000:
                found.add(_Partial(start, e, decade, None, "century", part=part, span_to=decade + 99))
            else:
                found.add(_Partial(start, e, decade, None, "decade", part=part))
        else:
            y = int(m["era_y"])
            y2 = int(m["era_y2"]) if m["era_y2"] else None
            if m["bc"]:
                # `490–479 BC`: both BC, counted down.
                first, last = 1 - y, (1 - y2 if y2 is not None else 1 - y)
            else:
                first, last = y, y2 if y2 is not None else y
            if first == 0 and not m["bc"]:
                continue  # `0 AD` is no year
            found.add(_Partial(s, e, first, None, "year", span_to=last, bc=bool(m["bc"])))


_PART_SEASON_LAST_WORDS = frozenset(
    "early mid late of the spring summer autumn fall winter".split()
    + "Early Mid Late Of The Spring Summer Autumn Fall Winter".split()
)


def _may_follow_part_or_season(text: str, lo: int, s: int) -> bool:
    """A cheap test before ``_PART_SEASON_BEFORE_RE``: the word before ``s`` can end one."""
    if s > lo and text[s - 1] == "-":
        return text[max(lo, s - 4):s - 1].lower() == "mid"
    words = _words_before(text, lo, s, 1, lower=False)
    return bool(words) and words[0] in _PART_SEASON_LAST_WORDS


def _part_or_season(pre: re.Match, m: re.Match) -> _Partial:
    """`late 1993`, `the summer of 1993`, `winter 1942–43` read from the year backwards."""
    y = int(m["by"] or m["ry1"])
    e = m.end()
    if pre["pt"]:
        if m["ry1"]:
            e = m.end("ry1")
        return _Partial(pre.start(), e, y, None, "part_year", part=_part_word(pre["pt"]))
    y2 = _second_year(y, m["ry2"]) if m["ry1"] else None
    if y2 is not None and not y < y2 <= y + 1:
        y2, e = None, m.end("ry1")
    return _Partial(pre.start(), e, y, None, "season", season=pre["se"].lower(), span_to=y2)


def _year_range(text: str, lo: int, m: re.Match) -> _Partial | None:
    """`1992–1994`, `1992-94`, `1942/43` where it reads as a date, else None."""
    y1 = int(m["ry1"])
    y2 = _second_year(y1, m["ry2"])
    if m["rsep"] == "/" and y2 != y1 + 1:
        return None
    if not y1 < y2 <= y1 + 150:
        return None
    s, e = m.start(), m.end()
    if _COUNTED_AFTER_RE.match(text, e) or _YEAR_AFTER_BAD_RE.match(text, e):
        return None
    context = _year_context(text, lo, s)
    if context is None or context == "of":
        # No preposition or determiner: only after an undecided `of`, in parentheses
        # `(1992–1994)` or as the whole of a field (`Date: 1992–1994`), and never for round
        # counts (`1500–2000`).
        if y1 % 50 == 0 and y2 % 50 == 0:
            return None
        if context is None and not (text[s - 1:s] == "(" or _starts_field(text, lo, s)):
            return None
    elif context == "quantity":
        return None
    return _Partial(s, e, y1, None, "year", span_to=y2)


def _starts_field(text: str, lo: int, s: int) -> bool:
    """Whether only spaces, colons and dashes stand between ``lo`` and ``s`` (`Date: 1992–1994`)."""
    i = s - 1
    while i >= lo and text[i] in " \t:-–—\u00a0":
        i -= 1
    return i < lo


def _year_context(text: str, lo: int, s: int) -> str | None:
    """How the words before offset ``s`` read a year there: `prep` (`in`, `since`, `c.`),
    `det` (`the`, `its`), `quantity` (a figure's words, `a force of`), or None.

    `of` reads a date after a definite or named thing (`the war of 1812`, `the Treaty of
    1994`), a quantity after an indefinite one (`a unit of 2000`), and is undecided (`of`)
    otherwise (`the initial campaign of 1994–1995`).
    """
    raw = _words_before(text, lo, s, lower=False)
    if not raw:
        return None
    words = [w.lower() for w in raw]
    w1 = words[-1]
    w2 = words[-2] if len(words) > 1 else ""
    if w1 == "of":
        w3 = words[-3] if len(words) > 2 else ""
        if w2 in _QUANTITY_WORDS or w3 in ("a", "an"):
            return "quantity"
        return "prep" if w2 == "as" or w3 == "the" or raw[-2][:1].isupper() else "of"
    if w1 == "the" and w2 in _YEAR_PREPS:
        return "det"
    if w1 == "year" and w2 == "the":
        return "prep"
    if w1 in _YEAR_PREPS:
        needing = _YEAR_PREPS_NEEDING.get(w1, ())
        if needing and w2 not in needing:
            return None
        if w1 in _QUANTITY_PREPS and w2 in _QUANTITY_WORDS:
            return "quantity"
        return "prep"
    if w1 in _YEAR_DETS:
        return "det"
    return None


def _bare_year(text: str, lo: int, m: re.Match) -> _Partial | None:
    """A year alone that reads as a date, or a weak one that may end a range; None for a
    figure (`1995 soldiers`, `a force of 1800`, `1500-strong`, `20%`)."""
    s, e = m.start(), m.end()
    after = _BOUND_AFTER_RE.match(text, e)
    if after is not None and after["ongoing"]:
        return _Partial(s, e, int(m["by"]), None, "year")  # `(2014–present)`
    if _YEAR_AFTER_BAD_RE.match(text, e) or _COUNTED_AFTER_RE.match(text, e):
        return None
    context = _year_context(text, lo, s)
    weak = False
    if context == "det":
        # `the 1994 offensive`: a word must follow (`the 1800 men` was a count, above).
        if not (text[e:e + 1].isspace() and text[e + 1:e + 2].isalpha()):
            return None
    elif context == "quantity":
        return None
    elif context is None or context == "of":
        weak = not text.startswith(("'s", "’s"), e)  # `1994's offensive` is a date
    return _Partial(s, e, int(m["by"]), None, "year", weak=weak)


def _century_partials(text: str, lo: int, hi: int, found: _Found) -> None:
    for m in _CENTURY_RE.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        if found.overlaps(s, e):
            continue
        c1 = _ordinal(m["c1"])
        c2 = _ordinal(m["c2"]) if m["c2"] else c1
        if not 1 <= c1 <= c2 <= 21:
            continue
        part = _part_word(m["cp"]) if m["cp"] else None
        if part is not None and m["c2"]:
            continue
        found.add(_Partial(s, e, (c1 - 1) * 100 + 1, None, "century", part=part, span_to=c2 * 100))


def _apply_era(text: str, hi: int, p: _Partial) -> None:
    """A BC/AD after the date (`15 March 44 BC`, `the 5th century BC`), or AD before it."""
    if p.bc or p.kind in ("season", "decade"):
        return  # `winter 1942/43 BC`, `the 1990s AD`: not read as eras
    m = _ERA_AFTER_RE.match(text, p.end, hi)
    if m is None:
        return
    if m["bc"] and p.span_to is not None and p.kind == "year":
        return  # `1992–1994 BC` counts up: no BC range reads so (`490–479 BC` is read whole)
    p.end = m.end()
    if not m["bc"]:
        return
    p.bc = True
    if p.kind == "century":
        # The Nth century BC runs from N*100 BC to (N-1)*100+1 BC.
        first_c = (p.year - 1) // 100 + 1
        last_c = p.span_to // 100
        p.year, p.span_to = 1 - last_c * 100, 1 - ((first_c - 1) * 100 + 1)
    elif p.year is not None:
        p.year = 1 - p.year
        if p.span_to is not None:
            p.span_to = 1 - p.span_to


def _day_range_partial(text: str, lo: int, m: re.Match) -> _Partial:
    if m["d1"]:
        pre = _DAY_RANGE_PREFIX_RE.search(text, max(lo, m.start() - 40), m.start())
        return _Partial(pre.start() if pre else m.start(), m.end(), int(m["y"]) if m["y"] else None,
                        _month(m["m"]), "day", day=_day(m["d1"]), day2=_day(m["d2"]))
    return _Partial(m.start(), m.end(), int(m["y2"]) if m["y2"] else None, _month(m["m2"]),
                    "day", day=_day(m["e1"]), day2=_day(m["e2"]))


def _simple_partials(text: str, lo: int, hi: int) -> list[_Partial]:
    """Every simple date between ``lo`` and ``hi``, in order, none overlapping another (the
    first form read wins: glued labels, day ranges, month forms, seasons, centuries, eras,
    then the forms that start with a digit)."""
    months = _MONTH_HINT.search(text, lo, hi) is not None
    seg = text[lo:hi]  # `in` on a copy beats a regex or ``find`` calls for the rare-form hints
    era = "BC" in seg or "AD" in seg or "CE" in seg or "B." in seg or "A." in seg or "C." in seg
    found = _Found()
    if months:
        glued_lo = max(0, lo - 5)  # a field's value may start just after its label
        if text.find("Date", glued_lo, hi) != -1:
            for g in _GLUED_LABEL_RE.finditer(text, glued_lo, hi):
                m = _DAY_RANGE_GLUED_RE.match(text, g.end(), hi)
                if m is not None:
                    found.add(_day_range_partial(text, lo, m))
                elif (m := _SIMPLE_GLUED_RE.match(text, g.end(), hi)) is not None:
                    found.add(_partial_from_match(m))
        for m in _DAY_RANGE_RE.finditer(text, lo, hi):
            if not found.overlaps(m.start(), m.end()):
                found.add(_day_range_partial(text, lo, m))
        for m in _SIMPLE_RE.finditer(text, lo, hi):
            if m.group("bm") and m.group("bm").startswith("May") and not m.group("bm")[3:4] == ".":
                # `May` alone is usually the verb; only a `May 1994`/`May 5` form is a date.
                continue
            if not found.overlaps(m.start(), m.end()):
                found.add(_partial_from_match(m))
    if "pring" in seg or "ummer" in seg or "utumn" in seg or "inter" in seg:
        for m in _SEASON_ALONE_RE.finditer(text, lo, hi):
            words = m["sx"].lower().split()
            found.add(_Partial(m.start(), m.end(), None, None, "season", season=words[-1],
                               part=words[0] if len(words) > 1 else None))
    if "entur" in seg:
        _century_partials(text, lo, hi, found)
    if era:
        for m in _AD_BEFORE_RE.finditer(text, lo, hi):
            if int(m["y"]) > 0:
                found.add(_Partial(m.start(), m.end(), int(m["y"]), None, "year"))
    _numeric_partials(text, lo, hi, found, months, era)
    if era:
        for p in found.items:
            _apply_era(text, hi, p)
    return found.items


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
        and prev.years is None
        and prev.earliest.year == year
        and prev.earliest.month - p.month >= 6
    ):
        year += 1  # `15 December` ... `By 20 February`: the narrative crossed a new year.
    return year, True


@dataclass(slots=True)
class _Unit:
    """One date to resolve: a partial, or two joined into a range, with its bound and offset."""

    start: int
    end: int
    first: _Partial
    last: _Partial | None = None
    bound: OpenBound | None = None
    #: `16 September 2014 – ongoing`: a period with an open end (SINCE), not a moment.
    ongoing: bool = False
    offset_days: int = 0


def find_dates(text: str, lo: int, hi: int, ctx: DateContext) -> list[FoundDate]:
    """Dates between offsets ``lo`` and ``hi`` of ``text``, in order, updating ``ctx``.

    Absolute and relative dates are resolved in text order, so `the next day` counts from the
    date just before it and `after 10 days` from the day the fighting began. Impossible dates
    are left out and appended to ``ctx.problems``.
    """
    partials = _simple_partials(text, lo, hi)
    units: list[_Unit] = []
    i = 0
    while i < len(partials):
        p = partials[i]
        q = partials[i + 1] if i + 1 < len(partials) else None
        if q is not None and not (p.weak and q.weak) and _joins(text, lo, p, q):
            units.append(_Unit(p.start, q.end, p, q))
            i += 2
            continue
        if not p.weak:
            units.append(_Unit(p.start, p.end, p))
            if (q is not None and q.weak and p.kind == "year" and _YEAR_LIST_RE.fullmatch(text, p.end, q.start)
                    and _YEAR_LIST_END_RE.match(text, q.end, hi)):
                q.weak = False  # `in 1942 and 1943`, `in 1991, 1992 or 1995`
        i += 1
    for u in units:
        _bounds_around(text, lo, hi, u)
    units = [u for u in units if not _FILE_NAME_AFTER_RE.match(text, u.end, hi)]
    items: list[tuple[int, object]] = [(u.start, u) for u in units]
    relative = _RELATIVE_HINT.search(text, lo, hi) is not None
    if relative:
        taken = _Found()
        for u in units:
            taken.add(_Partial(u.start, u.end, None, None, "unit"))
        for m in _RELATIVE_RE.finditer(text, lo, hi):
            if not taken.overlaps(m.start(), m.end()):
                items.append((m.start(), m))
    items.sort(key=lambda it: it[0])
    results: list[FoundDate] = []
    for _, item in items:
        if isinstance(item, _Unit):
            if item.last is not None:
                found = _range(text, item, ctx)
            else:
                found = _single(text, item, ctx)
        else:
            found = _relative_one(item, ctx)
        if found is not None:
            results.append(found)
            if ctx.reference is None and not found.relative and found.start < 800 \
                    and found.value.precision == Precision.DAY and found.value.years is None:
                ctx.reference = found.value
    return results


def _bounds_around(text: str, lo: int, hi: int, u: _Unit) -> None:
    """Widen ``u`` over an open-bound word before it or an open end after it."""
    after = _BOUND_AFTER_RE.match(text, u.end, hi)
    if after is not None:
        if after["ongoing"]:
            u.bound = OpenBound.SINCE
            u.ongoing = True
        elif after["since"]:
            u.bound = OpenBound.SINCE
        else:
            u.bound = OpenBound.UNTIL
        u.end = after.end()
    words = _words_before(text, lo, u.start)
    if not words:
        return
    if words[-1] in ("after", "before") and len(words) > 1 and words[-2] in ("day", "days", "week", "weeks"):
        offset = _OFFSET_BEFORE_RE.search(text, max(lo, u.start - 40), u.start)
        if offset is not None and u.last is None and u.first.kind == "day" and u.first.day2 is None:
            n = 1 if offset["day"] else _count(offset["n"].lower()) * (7 if offset["u"].startswith("week") else 1)
            u.offset_days = n if offset["dir"] == "after" else -n
            u.start = offset.start()
        return
    if u.bound is not None:
        return
    bound = word = None
    for k in (3, 2, 1):
        if len(words) >= k:
            word = " ".join(words[-k:])
            bound = _BOUND_WORDS.get(word)
            if bound is not None:
                break
    if bound is None:
        return
    if bound is OpenBound.SINCE and word == "from" and (u.last is not None or (
            u.first.day2 is not None) or (u.first.span_to is not None and u.first.kind == "year")):
        return  # `from 28 to 29 May`: a whole range, not an open one
    u.bound = bound  # the span stays the date as written; the word is in ``bound``


def _joins(text: str, lo: int, p: _Partial, q: _Partial) -> bool:
    join = _RANGE_JOIN_RE.fullmatch(text[p.end:q.start])
    if not join:
        return False
    if p.kind in ("decade", "century") or q.kind in ("decade", "century"):
        return False
    if p.weak or q.weak:
        # A year without context of its own ends a range only after a date (`May 1992 to
        # 1994`) or begins one with `from`/`between` before it; never a figure range (`1800
        # to 2000 men`).
        if _COUNTED_AFTER_RE.match(text, q.end):
            return False
        if p.weak and not _RANGE_OPENER_RE.search(text[max(lo, p.start - 9):p.start]):
            return False
    word = join.group(0).strip()
    if word == "and":
        return bool(_RANGE_OPENER_RE.search(text[max(lo, p.start - 9):p.start]))
    return True


def _to_value(lo: _Ymd, hi: _Ymd, precision: Precision, text: str, interval: bool,
              inferred: bool, bound: OpenBound | None) -> UncertainDate:
    """An UncertainDate from astronomical bounds (years before AD 1 go to ``years``).

    Raises ValueError when the bounds are out of order (the callers report a problem)."""
    if hi < lo:
        raise ValueError("the date ends before it starts")
    if lo[0] >= 1 and hi[0] >= 1:
        return UncertainDate(dt.date(*lo), dt.date(*hi), precision, text, interval=interval,
                             year_inferred=inferred, bound=bound)
    earliest = dt.date(lo[0], lo[1], lo[2]) if lo[0] >= 1 else dt.date(1, lo[1], min(lo[2], _last_day(1, lo[1])))
    latest = dt.date(hi[0], hi[1], hi[2]) if hi[0] >= 1 else dt.date(1, hi[1], min(hi[2], _last_day(1, hi[1])))
    return UncertainDate(earliest, latest, precision, text, interval=interval, year_inferred=inferred,
                         bound=bound, years=(lo[0], hi[0]))


def _problem(text: str, start: int, end: int, reason: str, ctx: DateContext) -> None:
    ctx.problems.append(DateProblem(start, end, text[start:end], reason))


def _range(text: str, u: _Unit, ctx: DateContext) -> FoundDate | None:
    p, q = u.first, u.last
    assert q is not None
    y2, inferred2 = _resolve_year(q, ctx)
    if y2 is None:
        return None
    if p.year is not None:
        y1, inferred1 = p.year, False
    else:
        y1, inferred1 = y2, inferred2
        if p.month is not None and q.month is not None and p.month > q.month:
            y1 = y2 - 1
    b1, b2 = _checked_bounds(text, p, y1, ctx), _checked_bounds(text, q, y2, ctx)
    if b1 is None or b2 is None:
        return None
    if b2[1] < b1[0]:
        _problem(text, p.start, q.end, "the range ends before it starts", ctx)
        return None
    precision = b1[2] if _rank(b1[2]) >= _rank(b2[2]) else b2[2]
    quote = text[u.start:u.end]
    try:
        value = _to_value(b1[0], b2[1], precision, quote, True, inferred1 or inferred2, u.bound)
        ctx.previous = _to_value(b2[0], b2[1], b2[2], quote, False, inferred2, None)
    except ValueError as exc:
        _problem(text, u.start, u.end, str(exc), ctx)
        return None
    _note_start(text, p.start, value, ctx)
    return FoundDate(u.start, u.end, value)


def _checked_bounds(text: str, p: _Partial, year: int, ctx: DateContext) -> _Bounds | None:
    if p.month is None and p.kind in ("day", "month", "part_month"):
        _problem(text, p.start, p.end, "no such month", ctx)
        return None
    b = p.bounds(year)
    if isinstance(b, str):
        if p.kind == "day" and p.year is None and max(p.day, p.day2 or 0) > 31:
            return None  # `45 May`: a figure before `May`, not a date
        _problem(text, p.start, p.end, b, ctx)
        return None
    return b


_PRECISION_RANK = list(Precision)


def _rank(p: Precision) -> int:
    return _PRECISION_RANK.index(p)


def _single(text: str, u: _Unit, ctx: DateContext) -> FoundDate | None:
    p = u.first
    year, inferred = _resolve_year(p, ctx)
    if year is None:
        if p.kind == "day" and p.month is not None and max(p.day, p.day2 or 0) <= 31:
            # No year to read it in, but `31 April` exists in none.
            _checked_bounds(text, p, 2000, ctx)
        return None
    b = _checked_bounds(text, p, year, ctx)
    if b is None:
        return None
    lo_, hi_, precision = b
    if u.offset_days:
        shifted = [dt.date(*lo_) + dt.timedelta(days=u.offset_days)] if lo_[0] >= 1 else []
        if not shifted:
            return None
        d = shifted[0]
        lo_ = hi_ = (d.year, d.month, d.day)
    quote = text[u.start:u.end]
    interval = (
        p.day2 is not None
        or u.ongoing
        or (p.kind == "year" and p.span_to is not None and p.span_to != p.year)
        or (p.kind == "century" and p.span_to is not None and p.span_to - p.year > 99)
        or (p.kind == "season" and p.span_to is not None and p.season != "winter")
    )
    try:
        value = _to_value(lo_, hi_, precision, quote, interval, inferred, u.bound)
    except ValueError as exc:
        _problem(text, u.start, u.end, str(exc), ctx)
        return None
    ctx.previous = value
    _note_start(text, p.start, value, ctx)
    return FoundDate(u.start, u.end, value)


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
    if m.group("weekday"):
        ref = ctx.reference
        if ref is None:
            return None
        back = (ref.latest.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7
        day = ref.latest - dt.timedelta(days=back)
        value = UncertainDate(day, day, Precision.DAY, quote, year_inferred=ref.year_inferred)
        ctx.previous = value
        return FoundDate(m.start(), m.end(), value, relative=True)
    if m.group("next") or m.group("later"):
        if prev is None or prev.precision != Precision.DAY or prev.years is not None:
            return None
        if m.group("next"):
            n = 0 if "same" in quote else 1
        else:
            n = _count(m.group("lnum").lower()) * (7 if m.group("lunit") == "week" else 1)
        anchor_day = prev.latest
        inferred = prev.year_inferred
    else:
        anchor = ctx.start or prev
        if anchor is None or anchor.precision != Precision.DAY or m.group("aunit") == "month" \
                or anchor.years is not None:
            return None
        n = _count(m.group("anum").lower()) * (7 if m.group("aunit") == "week" else 1)
        anchor_day = anchor.earliest
        inferred = anchor.year_inferred
    day = anchor_day + dt.timedelta(days=n)
    value = UncertainDate(day, day, Precision.DAY, quote, year_inferred=inferred)
    ctx.previous = value
    return FoundDate(m.start(), m.end(), value, relative=True)


# Words before a year that name no author: months, seasons, `since`, `census` (`(December
# 1993)` is a date, not a citation).
_NOT_AUTHORS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun jul "
    "aug sep sept oct nov dec spring summer autumn fall winter early late mid since until before after in the of "
    "by from to as at on est estimated census".split())
# Inside an author-date citation's brackets: `Prior and Wilson 2005, p. 301`, `Glantz 1995:87`.
AUTHOR_DATE = re.compile(
    rf"(?!(?i:{'|'.join(sorted(_NOT_AUTHORS, key=len, reverse=True))})\b)"
    r"(?P<who>[A-Z][\w'’\-]+(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w'’\-]+|[ \t]+et[ \t]+al\.?)?),?[ \t]+"
    r"(?:1[5-9]\d\d|20\d\d)[a-z]?(?:[:,][ \t]*(?:pp?\.[ \t]*)?[\d–\-]+)?")
# An author-date citation: `(Prior and Wilson 2005, p. 301)`, `(Middlebrook 1971)`,
# `Middlebrook (1971)`. Its year is when a book came out, not a year the text is about.
_CITED_BEFORE = re.compile(
    r"(?:\([ \t]*(?P<a>[A-Z][\w'’\-]+)(?:[ \t]+(?:[A-Z][\w'’\-]+|and|&|et[ \t]+al\.?|von|van|de|du))*,?[ \t]+"
    r"|(?P<b>[A-Z][\w'’\-]+)[ \t]+\()$")
_CITED_AFTER = re.compile(r"[a-z]?(?:\)|[,:;][ \t]*(?:pp?\.|vol\.|ch\.|\d))")


def cited_year(text: str, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` is an author-date citation's."""
    before = _CITED_BEFORE.search(text, max(0, start - 60), start)
    if before is None or _CITED_AFTER.match(text, end) is None:
        return False
    author = (before.group("a") or before.group("b")).lower()
    return author not in _NOT_AUTHORS


def year_mentions(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """(offset, year) for every plausible year in ``text`` (not part of a larger number)."""
    hi = len(text) if hi is None else hi
    return [(m.start(), int(m["y"])) for m in _BARE_YEAR_RE.finditer(text, lo, hi)]


def parse_date(text: str, default_year: int | None = None, *, bare_year: bool = True,
               problems: list[DateProblem] | None = None) -> UncertainDate | None:
    """The first date in ``text`` as an UncertainDate (a whole-field reader for infobox dates).

    ``bare_year`` lets a lone year (`(1994)`) count, as it does in an as-of note. Impossible
    dates met on the way are appended to ``problems`` when given.
    """
    ctx = DateContext(default_year=default_year, year_mentions=year_mentions(text))
    found = find_dates(text, 0, len(text), ctx)
    if problems is not None:
        problems.extend(ctx.problems)
    found = [f for f in found if not f.relative]
    if found:
        return found[0].value
    if bare_year:
        m = _BARE_YEAR_RE.search(text)
        if m:
            y = int(m["y"])
            return UncertainDate(dt.date(y, 1, 1), dt.date(y, 12, 31), Precision.YEAR, m.group(0))
    return None
