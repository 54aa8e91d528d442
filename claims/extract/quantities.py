"""Figures in text with what they count: `~4,000 servicemen killed`, `Up to 2,000 servicemen`.

``find_quantities`` returns each figure with its span (bound word, number, noun phrase, status
word and a trailing note such as `(December 1993)` or `(CRI claim)`), its bounds and qualifier,
category, population, as-of date, whether it is an increment (`+2,000`), and any claimant or
hedge written right beside it. Infobox and prose extraction share it.

Years, ordinals (`83rd`, `701st`), percentages, times, footnote markers (`[12]`), model
numbers (`T-72`, `Mi-8`) and numbers inside dates are never figures.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claims.extract.dates import parse_date
from claims.extract.numbers import DIGITS_PATTERN, NUMBER_WORDS_PATTERN, parse_digits, parse_number_words
from claims.model import Category, Hedge, HedgeKind, Kind, Population, Qualifier, UncertainDate

_NUM2 = (
    rf"(?:(?<![\w.,\[/:])(?:{DIGITS_PATTERN})(?!\d|[.,]\d|\s*%|st\b|nd\b|rd\b|th\b|:\d|\]|\s*per\s?cent)"
    rf"(?:\s+(?:million|thousand)\b)?"
    rf"|(?<![\w])(?:{NUMBER_WORDS_PATTERN})(?![\w\-]))"
)
_NUM = (
    rf"(?:(?<![\w.,\-\[/:])(?<![A-Za-z]-)(?:{DIGITS_PATTERN})(?!\d|[.,]\d|\s*%|st\b|nd\b|rd\b|th\b|:\d|\]|\s*per\s?cent)"
    rf"(?:\s+(?:million|thousand)\b)?"
    rf"|(?<![\w\-])(?:{NUMBER_WORDS_PATTERN})(?![\w\-]))"
)
_RANGE_SEP = r"(?:\s*[-–—]\s*|\s*to\s*|\s+and\s+(?=\d))"
# The lookahead names every character a figure can start with (a digit, `a`, or the first
# letter of a number word): the same matches, found without trying both alternatives at
# every position of a sentence.
_FIGURE_RE = re.compile(
    rf"(?i:(?=[\dazotfsenhmbd])(?P<n1>{_NUM})(?:(?P<sep>{_RANGE_SEP})(?P<n2>{_NUM2}))?)"
    rf"(?P<plus>\+)?(?P<ormore>\s+or\s+more\b)?"
)

_BEFORE_QUALIFIERS = [
    (re.compile(r"(?i)(?:~|≈|\babout|\baround|\bapproximately|\bapprox\.?|\broughly|\bnearly|\balmost"
                r"|\ban\s+estimated|\bestimated|\best\.|\bsome|\bcirca|\bca\.)\s*$"), Qualifier.APPROX),
    (re.compile(r"(?i)(?:>|\bmore\s+than|\bover|\bat\s+least|\bin\s+excess\s+of|\bupwards\s+of"
                r"|\bno\s+(?:fewer|less)\s+than|\bnot\s+less\s+than|\bexceeding)\s*$"), Qualifier.AT_LEAST),
    (re.compile(r"(?i)(?:<|\bup\s+to|\bas\s+many\s+as|\bno\s+more\s+than|\bnot\s+more\s+than"
                r"|\bless\s+than|\bfewer\s+than|\bunder|\bat\s+most|\bmaximum\s+of)\s*$"), Qualifier.AT_MOST),
]
_BETWEEN_RE = re.compile(r"(?i)\bbetween\s*$")

# The patterns that look back from a number (qualifiers, `between`, `killed:`, `deaths
# reached`, `killing`) all end at the number: the text before it must end with one of their
# last words. ``_may_end_with`` checks that first; the regex search over the window (the
# costly part, it is tried at every position) only runs when it could match.
_QUALIFIER_WORDS = frozenset(
    "about around approximately approx roughly nearly almost estimated est some circa ca than over least"
    " of exceeding to as under most between".split()
)
_LINKING_WORDS = frozenset("became was were reached to at totaled totalled numbered is are of".split())
_VERB_BEFORE_WORDS = frozenset(
    "killing killed kill wounding wounded wound injuring injured capturing captured destroying destroyed"
    " downing downed lost losing out displacing displaced least about around some over than to nearly".split()
)


def _may_end_with(window: str, words: frozenset, symbols: str = "", *, dot: bool = False, space: bool = False) -> bool:
    """False only if ``window`` cannot end (before trailing whitespace, which ``space``
    requires) with one of ``words`` (any case), a symbol, or, with ``dot``, a word and `.`."""
    stripped = window.rstrip()
    if not stripped or (space and len(stripped) == len(window)):
        return False
    last = stripped[-1]
    if last in symbols:
        return True
    if dot and last == ".":
        stripped = stripped[:-1]
    i = len(stripped)
    while i > 0 and stripped[i - 1].isalpha():
        i -= 1
    word = stripped[i:]
    if not word:
        return False
    return not word.isascii() or word.lower() in words

# Nouns: (pattern, category, population). Longer phrases first.
_NOUNS: list[tuple[str, Category, Population]] = [
    (r"killed\s+or\s+missing|dead\s+or\s+missing", Category.KILLED_OR_MISSING, Population.UNKNOWN),
    (r"internally\s+displaced(?:\s+persons|\s+people)?|IDPs?", Category.DISPLACED, Population.CIVILIAN),
    (r"armou?red\s+personnel\s+carriers?|infantry\s+fighting\s+vehicles?|armou?red\s+vehicles?"
     r"|tanks\s+and\s+(?:armou?red\s+vehicles|APC'?s|IFVs|armou?r)|APC'?s|IFVs?|BMPs?|BTRs?|armou?r",
     Category.ARMOURED_VEHICLES, Population.MILITARY),
    (r"tanks?", Category.TANKS, Population.MILITARY),
    (r"artillery\s+pieces|artillery\s+guns|guns|howitzers|mortars|rocket\s+launchers|cannons?|artillery",
     Category.ARTILLERY, Population.MILITARY),
    (r"(?:planes|aircraft)\s+and\s+helicopters|aircraft|planes|airplanes|jets|warplanes",
     Category.AIRCRAFT, Population.MILITARY),
    (r"helicopters?", Category.HELICOPTERS, Population.MILITARY),
    (r"vehicles|trucks|lorries", Category.VEHICLES, Population.MILITARY),
    (r"battalions?|batallions?|brigades?|regiments?|divisions?|companies|platoons|squadrons|detachments",
     Category.UNITS, Population.MILITARY),
    (r"soldiers\s+and\s+civilians|troops\s+and\s+civilians|people|persons|individuals",
     Category.PEOPLE, Population.UNKNOWN),
    (r"civilians|inhabitants|residents|children|women|non-combatants|villagers",
     Category.PEOPLE, Population.CIVILIAN),
    (r"servicem[ea]n|soldiers|troops|men|fighters|personnel|peacekeepers|militants|militiamen|militia"
     r"|volunteers|guerrillas|guerillas|combatants|paratroopers|marines|officers|policemen"
     r"|police\s+officers|defenders|insurgents|rebels|mercenaries|conscripts|reservists|guardsmen"
     r"|commandos|sailors|pilots|servicepeople|recruits|gunmen|partisans|paramilitaries|infantrymen",
     Category.TROOPS, Population.MILITARY),
    (r"refugees", Category.REFUGEES, Population.CIVILIAN),
    (r"villages|settlements|towns|localities", Category.VILLAGES, Population.UNKNOWN),
    (r"km²|km2|sq\.?\s*km|square\s+kilomet(?:er|re)s|square\s+miles|hectares", Category.AREA, Population.UNKNOWN),
    (r"prisoners(?:\s+of\s+war)?|POWs?|hostages", Category.CAPTURED, Population.UNKNOWN),
    (r"KIA|dead|deaths|fatalities|killed|bodies", Category.KILLED, Population.UNKNOWN),
    (r"WIA|wounded|injured|injuries", Category.WOUNDED, Population.UNKNOWN),
    (r"MIA|missing", Category.MISSING, Population.UNKNOWN),
    (r"casualties|losses|victims", Category.CASUALTIES, Population.UNKNOWN),
    # A people's plural (`Azerbaijanis`, `Ossetians`, `Serbs`): capitalised, so it is checked
    # case-sensitively below.
]
_NOUN_GROUPS = {f"n{i}": (cat, pop) for i, (_, cat, pop) in enumerate(_NOUNS)}
_NOUN_ALT = "|".join(f"(?P<n{i}>{pat})" for i, (pat, _, _) in enumerate(_NOUNS))
_DEMONYM_PLURAL = r"(?P<dem>[A-Z][a-z]+(?:ians|ans|anis|is|ese|ats|bs|ks|ens|ars|ts|zes)|Croats|Serbs|Turks|Kurds|Abkhaz|Chechens)"
_MODIFIER = (
    r"(?:(?!(?:were|was|are|is|had|have|has|of|from|in|on|at|to|by|with|for|into|and|or|the|a|an"
    r"|who|which|that|killed|wounded|missing|captured|destroyed|dead)\b)[A-Za-z][\w'’\-]*\s+)"
)
_NOUN_RE = re.compile(
    rf"\s*(?P<mods>{_MODIFIER}{{0,3}}?)(?:(?i:{_NOUN_ALT})|{_DEMONYM_PLURAL})(?![\w\-])"
)
_STATUS_RE = re.compile(
    r"(?i)(?:\s+(?:were|was|had\s+been|have\s+been|has\s+been|being|are|reported))?\s*"
    r"(?P<status>killed\s+or\s+missing|killed\s+in\s+action|missing\s+in\s+action|taken\s+prisoner"
    r"|killed|dead|died|wounded|injured|missing|captured|destroyed|shot\s+down|lost|displaced"
    r"|froze\s+to\s+death|damaged|knocked\s+out|executed|murdered|KIA|WIA|MIA|POWs?|taken\s+captive)(?![\w\-])"
)
_LABEL_BEFORE_RE = re.compile(
    r"(?i)(?P<label>killed|dead|wounded|injured|missing|MIA|KIA|WIA|captured|POWs?|prisoners)\s*:\s*$"
)
_VERB_BEFORE_RE = re.compile(
    r"(?i)\b(?P<verb>killing|killed|kill|wounding|wounded|wound|injuring|injured|capturing|captured"
    r"|destroying|destroyed|downing|downed|lost|losing|knocking\s+out|knocked\s+out|displacing|displaced)\s+(?:(?:at\s+least|about|around|some|over|more\s+than|up\s+to|nearly)\s+)?$"
)
_NOUN_BEFORE_RE = re.compile(
    r"(?i)\b(?P<noun>fatalities|casualties|death\s+toll|deaths|dead|losses|wounded|killed|injured)"
    r"\s+(?:(?:became|was|were|reached|rose\s+to|stood\s+at|totall?ed|numbered|is|are|of|at|to)\s+){1,2}$"
)
_HEAD_BEFORE_RE = re.compile(r"[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?\s+$")
_PERCENT_SHARE_RE = re.compile(r"\s*\(\s*\d+(?:\.\d+)?\s*%\s*\)")
_TRAILING_PAREN_RE = re.compile(r"\s*\((?P<paren>[^()\[\]\n]{1,60})\)")
_ACCORDING_AFTER_RE = re.compile(
    r"\s*,?\s*according\s+to\s+(?P<who>[^,.;:()\[\]|\n]{2,60}?)(?=\s*(?:[,.;:()\[\]|\n]|$))"
)
_DURATION_AFTER_RE = re.compile(
    r"(?i)\s*(?:-|\s)?(?:days?|weeks?|months?|years?|hours?|minutes?|km|kilomet(?:er|re)s?|miles?|metres?|meters?"
    r"|m\b|per\s?cent|percent|%|times|kg|tonnes?|tons?|mm|cm)\b"
)
_STATUS_CATEGORY = {
    "killed": Category.KILLED, "dead": Category.KILLED, "died": Category.KILLED,
    "froze to death": Category.KILLED, "executed": Category.KILLED, "murdered": Category.KILLED,
    "kia": Category.KILLED, "killed in action": Category.KILLED,
    "wounded": Category.WOUNDED, "injured": Category.WOUNDED, "wia": Category.WOUNDED,
    "missing": Category.MISSING, "mia": Category.MISSING, "missing in action": Category.MISSING,
    "killed or missing": Category.KILLED_OR_MISSING,
    "captured": Category.CAPTURED, "taken prisoner": Category.CAPTURED, "pow": Category.CAPTURED,
    "pows": Category.CAPTURED, "taken captive": Category.CAPTURED, "prisoners": Category.CAPTURED,
    "destroyed": Category.CASUALTIES, "shot down": Category.CASUALTIES, "lost": Category.CASUALTIES,
    "damaged": Category.CASUALTIES, "knocked out": Category.CASUALTIES, "displaced": Category.DISPLACED,
}
_VERB_CATEGORY = {
    "kill": Category.KILLED, "killing": Category.KILLED, "killed": Category.KILLED,
    "wound": Category.WOUNDED, "wounding": Category.WOUNDED, "wounded": Category.WOUNDED,
    "injuring": Category.WOUNDED, "injured": Category.WOUNDED,
    "capturing": Category.CAPTURED, "captured": Category.CAPTURED,
    "destroying": Category.CASUALTIES, "destroyed": Category.CASUALTIES, "downing": Category.CASUALTIES,
    "downed": Category.CASUALTIES, "lost": Category.CASUALTIES, "losing": Category.CASUALTIES,
    "displacing": Category.DISPLACED, "displaced": Category.DISPLACED,
    "knocking out": Category.CASUALTIES, "knocked out": Category.CASUALTIES,
}
#: Status words and verbs that make an equipment figure a count of losses, not of holdings.
_LOSS_WORDS = frozenset((
    "destroyed", "shot down", "lost", "damaged", "knocked out", "destroying", "downing", "downed",
    "losing", "knocking out",
))
EQUIPMENT = {
    Category.TANKS, Category.ARMOURED_VEHICLES, Category.ARTILLERY, Category.AIRCRAFT,
    Category.HELICOPTERS, Category.VEHICLES,
}
LOSSES = {
    Category.KILLED, Category.WOUNDED, Category.MISSING, Category.KILLED_OR_MISSING,
    Category.CASUALTIES,
}
_CLAIMANT_WORDS = re.compile(r"(?i)\b(?:claims?|data|estimates?|figures?|sources?|count|reports?|sources)\b")
_EST_ONLY = re.compile(r"(?i)^\s*(?:est\.?|estimated?|estimate|approx\.?|approximately)\s*$")
_OFFICIAL_ONLY = re.compile(r"(?i)^\s*(?:official(?:ly)?(?:\s+(?:figures?|data|count|estimates?))?)\s*$")
_UNNAMED_CLAIMANT = re.compile(
    r"(?i)^(?:some|other|several|various|many|unnamed|unconfirmed|unofficial)\s+(?:sources|reports|accounts|estimates)$"
)


@dataclass(frozen=True)
class FoundQuantity:
    """A figure found in text: its span, value and what sits right beside it."""

    start: int
    end: int
    low: int | None
    high: int | None
    qualifier: Qualifier
    category: Category | None
    population: Population
    kind: Kind | None
    noun: str | None = None
    noun_start: int | None = None
    noun_end: int | None = None
    as_of: UncertainDate | None = None
    increment: bool = False
    claimant: str | None = None
    claimant_start: int | None = None
    hedges: tuple[Hedge, ...] = ()
    spelled: bool = False
    body_end: int | None = None
    """End of the figure itself (number, noun phrase, status word), before a trailing note such as
    `(December 1993)` or `according to X`: the side a figure is about is read from here only."""
    head_start: int | None = None
    """Start of a noun phrase before the number that says what it counts (`Ossetian fatalities
    became six`), when there is one."""
    bare: bool = False
    """No noun, status word, label or verb says what the figure counts (`2,500 (Russian data)`)."""
    lost: bool = False
    """Equipment counted as lost (`62 tanks destroyed`, any equipment in a Casualties field)."""


_VALUE_RE = re.compile(rf"({DIGITS_PATTERN})\s*(million|thousand)?", re.I)
_YEAR_RE = re.compile(r"1[6-9]\d\d|20\d\d")
_SEPARATOR_RE = re.compile(r"[,\s\u00a0\u202f]")
_DIGITS_ONLY_RE = re.compile(r"\d+")
_SPACES_RE = re.compile(r"\s+")
_ACRONYM_RE = re.compile(r"[A-Z]{2,4}")


def _value(token: str) -> int | None:
    token = token.strip()
    if token[:1].isdigit():
        m = _VALUE_RE.match(token)
        if not m:
            return None
        v = parse_digits(m.group(1))
        scale = (m.group(2) or "").lower()
        v *= {"million": 1_000_000, "thousand": 1_000}.get(scale, 1)
        if not math.isfinite(v) or v != int(v):  # a run of 309+ digits is no figure (and was a crash)
            return None
        return int(v)
    return parse_number_words(token)


def _is_year(token: str) -> bool:
    return _YEAR_RE.fullmatch(token.strip()) is not None


def kind_for(category: Category, noun_category: Category | None, field_key: str | None) -> Kind:
    """The claim kind for a figure's category, the noun it counts and the infobox field."""
    if category == Category.CAPTURED or (noun_category in EQUIPMENT and category == Category.CAPTURED):
        return Kind.CAPTURED
    if category in (Category.DISPLACED, Category.REFUGEES):
        return Kind.DISPLACED
    if category in EQUIPMENT:
        return Kind.EQUIPMENT
    if category in LOSSES:
        return Kind.CASUALTIES
    if category in (Category.TROOPS, Category.UNITS):
        return Kind.STRENGTH
    if category in (Category.VILLAGES, Category.AREA):
        return Kind.TERRITORY
    if field_key == "Casualties":
        return Kind.CASUALTIES
    if field_key == "Strength":
        return Kind.STRENGTH
    return Kind.OTHER


def find_quantities(
    text: str,
    lo: int = 0,
    hi: int | None = None,
    *,
    field_key: str | None = None,
    excluded: list[tuple[int, int]] | None = None,
    default_year: int | None = None,
) -> list[FoundQuantity]:
    """Every figure between ``lo`` and ``hi``.

    ``field_key`` is the infobox key (`Strength`, `Casualties`) when the text is an infobox
    value: there a bare number counts what the field counts. In prose (``field_key`` None) a
    number needs a noun, a status word or a verb saying what it counts. ``excluded`` are spans
    (dates) whose numbers are not figures.
    """
    hi = len(text) if hi is None else hi
    if excluded is None:
        from claims.extract.dates import DateContext, find_dates, year_mentions

        ctx = DateContext(default_year=default_year or 2000, year_mentions=year_mentions(text, lo, hi))
        excluded = [(f.start, f.end) for f in find_dates(text, lo, hi, ctx) if not f.relative]
    found: list[FoundQuantity] = []
    last_end = lo
    for m in _FIGURE_RE.finditer(text, lo, hi):
        if m.start() < last_end:
            continue
        q = _one(text, m, lo, hi, field_key, excluded, default_year)
        if q is not None:
            found.append(q)
            last_end = q.end
    return found


def _one(text, m, lo, hi, field_key, excluded, default_year) -> FoundQuantity | None:
    s, e = m.start(), m.end()
    for a, b in excluded:
        if a <= m.start("n1") < b:
            return None
    n1, n2 = m.group("n1"), m.group("n2")
    spelled = not n1.strip()[:1].isdigit()
    if n2 is not None and spelled != (not n2.strip()[:1].isdigit()):
        # `three to 5`: keep only the first number
        e = m.end("n1")
        n2 = None
    if n2 is not None and not m.group("sep").strip() and not n2.strip():
        n2 = None
    v1 = _value(n1)
    if v1 is None:
        return None
    v2 = _value(n2) if n2 is not None else None
    if n2 is not None and v2 is None:
        return None
    if v2 is not None:
        lead = _SEPARATOR_RE.split(n2.strip())[0]
        if (
            v1 < v2
            and _DIGITS_ONLY_RE.fullmatch(n1.strip())
            and lead != n2.strip()
            and len(n1.strip()) <= len(lead)
            and v1 * 1000 <= v2
        ):
            v1 *= 1000  # `6-8,000` is 6,000 to 8,000
        elif v1 >= v2:
            e = m.end("n1")  # `1994-95`, `10-2`: not a range of figures
            v2 = None
    # Not figures: a lone year, or a duration, distance or percentage.
    if _is_year(n1) and (field_key is None or n2 is not None) and (v2 is None or _is_year(n2)):
        return None  # a year or a span of years (`1994–1995`)
    after_num = e
    plus = m.group("plus") is not None
    if v2 is not None and plus:
        plus = False
    if m.group("ormore"):
        plus = True
    if _DURATION_AFTER_RE.match(text, after_num, hi):
        return None
    if spelled and v1 in (1,) and n2 is None and n1.strip().lower() in ("one", "a", "an"):
        # `one of`, `one estimate` are not figures unless a casualty noun follows directly.
        noun_m = _NOUN_RE.match(text, after_num, hi)
        if noun_m is None or noun_m.group("mods"):
            return None

    # Bound words before the number.
    window_start = max(lo, s - 30)
    before = text[window_start:s]
    qualifier = Qualifier.EXACT
    bound_start = s
    hedges: list[Hedge] = []
    increment = False
    if before.endswith("+") and (len(before) < 2 or not before[-2].isalnum()):
        increment = True
        bound_start = s - 1
    else:
        for pat, qual in _BEFORE_QUALIFIERS if _may_end_with(before, _QUALIFIER_WORDS, "~≈><", dot=True) else ():
            bm = pat.search(before)
            if bm:
                qualifier = qual
                bound_start = window_start + bm.start()
                if qual == Qualifier.APPROX and "estimat" in bm.group(0).lower():
                    hedges.append(Hedge(HedgeKind.ESTIMATED, bm.group(0).strip(), bound_start, bound_start + len(bm.group(0).rstrip())))
                break
        if qualifier == Qualifier.EXACT and v2 is not None and _BETWEEN_RE.search(before):
            bound_start = window_start + _BETWEEN_RE.search(before).start()
    if v2 is not None:
        qualifier = Qualifier.RANGE
    elif plus:
        qualifier = Qualifier.AT_LEAST
    # `>25,000+`: the `>` is part of the bound even with the `+`.
    if plus and before.endswith(">"):
        bound_start = s - 1

    # What the number counts: a noun phrase, then a status word.
    end = e
    noun_cat = None
    population = Population.UNKNOWN
    noun = None
    noun_start = noun_end = None
    nm = _NOUN_RE.match(text, end, hi)
    if nm:
        # The one noun group that matched is the last group closed (`mods` closes before it).
        if nm.lastgroup in _NOUN_GROUPS:
            noun_cat, population = _NOUN_GROUPS[nm.lastgroup]
        elif nm.group("dem"):
            noun_cat, population = Category.PEOPLE, Population.UNKNOWN
        if noun_cat is not None:
            noun_start = nm.start() + len(nm.group(0)) - len(nm.group(0).lstrip())
            noun_end = nm.end()
            noun = text[noun_start:noun_end]
            end = nm.end()
            mods = (nm.group("mods") or "").lower()
            if "civilian" in mods:
                population = Population.CIVILIAN
    status_cat = None
    status_word = None
    sm = _STATUS_RE.match(text, end, hi)
    if sm and not (sm.group(0).startswith(",") and noun_cat is not None):
        status = _SPACES_RE.sub(" ", sm.group("status").lower())
        status_cat = _STATUS_CATEGORY.get(status)
        status_word = status
        end = sm.end()
    label_cat = None
    lm = None
    if text[max(lo, bound_start - 20):bound_start].rstrip().endswith(":"):
        lm = _LABEL_BEFORE_RE.search(text, max(lo, bound_start - 20), bound_start)
    if lm:
        bound_start = lm.start()
        label_cat = _STATUS_CATEGORY.get(lm.group("label").lower(), None) or (
            Category.CAPTURED if lm.group("label").lower().startswith(("pow", "prisoner")) else None
        )
    nb = None
    if _may_end_with(text[max(lo, bound_start - 40):bound_start], _LINKING_WORDS, space=True):
        nb = _NOUN_BEFORE_RE.search(text, max(lo, bound_start - 40), bound_start)
    head_start = None
    if nb and label_cat is None:
        # `the total Ossetian fatalities became six`: the noun phrase before the number is the
        # figure's own; a people named in it says whom the figure is about.
        hm = _HEAD_BEFORE_RE.search(text, max(lo, nb.start() - 30), nb.start())
        head_start = hm.start() if hm else nb.start()
        noun_word = _SPACES_RE.sub(" ", nb.group("noun").lower())
        label_cat = {
            "fatalities": Category.KILLED, "deaths": Category.KILLED, "dead": Category.KILLED,
            "death toll": Category.KILLED, "killed": Category.KILLED, "wounded": Category.WOUNDED,
            "injured": Category.WOUNDED,
        }.get(noun_word, Category.CASUALTIES)
    verb_cat = None
    vm = None
    if _may_end_with(text[max(lo, bound_start - 30):bound_start], _VERB_BEFORE_WORDS, space=True):
        vm = _VERB_BEFORE_RE.search(text, max(lo, bound_start - 30), bound_start)
    if vm:
        verb_cat = _VERB_CATEGORY.get(vm.group("verb").lower())

    # Decide the category.
    event_cat = status_cat or label_cat or verb_cat
    if noun_cat in (Category.KILLED, Category.WOUNDED, Category.MISSING, Category.CAPTURED,
                    Category.KILLED_OR_MISSING, Category.CASUALTIES) and status_cat is None:
        event_cat, noun_cat = noun_cat, None
    if event_cat is None and noun_cat is None:
        if field_key is None:
            # Prose: a bare number says nothing we can check, unless it is bounded.
            if qualifier in (Qualifier.EXACT,) or spelled:
                return None
            category = Category.OTHER
        elif field_key in ("Strength",):
            category = Category.TROOPS
        elif field_key in ("Casualties",):
            category = Category.CASUALTIES
        else:
            category = Category.OTHER
    elif event_cat is None:
        category = noun_cat
        if field_key == "Casualties" and noun_cat in (Category.PEOPLE, Category.TROOPS):
            category = Category.CASUALTIES
    elif noun_cat in EQUIPMENT:
        category = noun_cat
    else:
        category = event_cat
    if category == Category.CASUALTIES and event_cat == Category.CASUALTIES and noun_cat not in EQUIPMENT:
        category = Category.CASUALTIES
    if noun_cat in (Category.REFUGEES,):
        category = Category.REFUGEES
    if noun_cat == Category.PEOPLE and event_cat is None and field_key is None:
        category = Category.PEOPLE
    if category == Category.DISPLACED and population == Population.UNKNOWN:
        population = Population.CIVILIAN
    kind = Kind.CAPTURED if (event_cat == Category.CAPTURED) else kind_for(category, noun_cat, field_key)
    if spelled and kind == Kind.OTHER:
        return None
    if kind == Kind.OTHER and _PERCENT_SHARE_RE.match(text, end, hi):
        return None  # census shares (`31,445 Serbs (37.4%)`) describe a population, not the event

    body_end = end
    lost = kind == Kind.EQUIPMENT and (
        field_key == "Casualties"
        or status_word in _LOSS_WORDS
        or (vm is not None and _SPACES_RE.sub(" ", vm.group("verb").lower()) in _LOSS_WORDS)
    )
    # A trailing note: `(December 1993)`, `(est.)`, `(CRI claim)`, `according to X`.
    as_of = None
    claimant = None
    claimant_start = None
    pm = _TRAILING_PAREN_RE.match(text, end, hi)
    if pm and not pm.group("paren").strip()[:1].isdigit() or (
        pm and _is_year(pm.group("paren"))
    ):
        paren = pm.group("paren").strip()
        date = parse_date(paren, default_year)
        if date is not None and len(date.text) >= len(paren) - 2:
            as_of = date
            end = pm.end()
        elif _EST_ONLY.match(paren):
            if qualifier == Qualifier.EXACT:
                qualifier = Qualifier.APPROX
            hedges.append(Hedge(HedgeKind.ESTIMATED, paren, pm.start("paren"), pm.end("paren")))
            end = pm.end()
        elif _OFFICIAL_ONLY.match(paren):
            hedges.append(Hedge(HedgeKind.OFFICIAL, paren, pm.start("paren"), pm.end("paren")))
            end = pm.end()
        elif _UNNAMED_CLAIMANT.match(paren):
            hedges.append(Hedge(HedgeKind.UNNAMED_SOURCE, paren, pm.start("paren"), pm.end("paren")))
            end = pm.end()
        elif _CLAIMANT_WORDS.search(paren) or paren[:1].isupper():
            if not _ACRONYM_RE.fullmatch(paren) or _CLAIMANT_WORDS.search(paren):
                claimant, claimant_start = paren, pm.start("paren")
                end = pm.end()
            else:
                claimant, claimant_start = paren, pm.start("paren")
                end = pm.end()
    am = _ACCORDING_AFTER_RE.match(text, end, hi)
    if am and claimant is None:
        who = am.group("who").strip()
        if _UNNAMED_CLAIMANT.match(who):
            hedges.append(Hedge(HedgeKind.UNNAMED_SOURCE, who, am.start("who"), am.start("who") + len(who)))
        else:
            claimant, claimant_start = who, am.start("who")
        end = am.start("who") + len(who)
    # A month-or-year as-of written without brackets after a strength: `38,000 (December 1994)`
    # is handled above; `December 31: 38,000` is left to the caller.
    return FoundQuantity(
        start=bound_start,
        end=end,
        low=None if qualifier == Qualifier.AT_MOST else v1,
        high=None if qualifier == Qualifier.AT_LEAST else (v2 if v2 is not None else v1),
        qualifier=qualifier,
        category=category,
        population=population,
        kind=kind,
        noun=noun,
        noun_start=noun_start,
        noun_end=noun_end,
        as_of=as_of,
        increment=increment,
        claimant=claimant,
        claimant_start=claimant_start,
        hedges=tuple(hedges),
        spelled=spelled,
        body_end=body_end,
        head_start=head_start,
        bare=event_cat is None and noun_cat is None,
        lost=lost,
    )
