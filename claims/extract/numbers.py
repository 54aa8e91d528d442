"""Numbers as written: digits with separators and footnote markers, words, vague amounts.

``find_numbers`` returns every number expression in a stretch of text with its value, whether
it is vague (`hundreds`, `several dozen`: a lower bound) and whether it was spelled out. The
words come from the lexicon (``claims/lexicon/numbers.toml``); values are exact integers of
any size (`1.5 million` is 1,500,000, never a float). ``parse_number_words`` reads a spelled
number and ``render_number`` writes one, so the two round-trip.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cache

from attrs import frozen

from claims.lexicon import lexicon, trie_pattern

__all__ = [
    "DIGITS_PATTERN",
    "number_words_hint",
    "FOOTNOTE",
    "NUMBER_WORDS_PATTERN",
    "NumberExpr",
    "find_numbers",
    "parse_digits",
    "parse_number_words",
    "render_number",
]

#: A footnote marker a scraped page leaves inside or after a figure: `[12]`, `[*]`, `[a]`,
#: `[note 3]`, with an optional page cite (`[6]:p.224`, `[3]:87`).
FOOTNOTE = r"(?:\[(?:\d{1,3}|[a-z]|\*{1,3}|[Nn]ote\s*\d{1,3}|[Cc]itation needed|[Nn][Bb]\s*\d+)\](?::\s?p{0,2}\.?\s?\d+(?:[-–]\d+)?)?)"
_FOOTNOTES = rf"(?:{FOOTNOTE})*"

#: Digits: `1,834`, `80 000` (a space or no-break space before each group of three), `12.5`,
#: `1.5` before a scale word. A run of digits of any length is one number.
#: Also `12.000` and `1.200.000` (a dot before each group: European copy), and `1,2` before a
#: scale word (`1,2 million`: a decimal comma).
# (one separator throughout: `225,000 700 guns` is two numbers, not 225,000,700)
DIGITS_PATTERN = (r"\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)(?![ \t]?-?(?:mm|cm|pdr|pounders?)\b)|\d{1,3}(?:\.\d{3}){2,}(?![\d.])"
                  r"|\d+,\d{1,2}(?=\s*(?i:million|billion|thousand)\b)|\d+(?:\.\d+)?")
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")


def parse_digits(token: str) -> int | Fraction:
    """The exact value of a digit token with separators (`1,834` -> 1834, `1.5` -> 3/2)."""
    if _DECIMAL_COMMA.fullmatch(token):
        return Fraction(Decimal(token.replace(",", ".")))
    cleaned = _SEPARATORS.sub("", token)
    if "." in cleaned:
        return Fraction(Decimal(cleaned))
    return int(cleaned)


@frozen
class NumberExpr:
    """A number as written: ``text[start:end]``, its value and how it was written.

    ``value`` is the smallest value the words allow (`several hundred` is 300 and vague);
    ``vague`` marks amounts that are only a lower bound; ``spelled`` marks numbers written in
    words, ``article`` a lone `a`/`an`/`one` that only counts before a noun (`a helicopter`).
    """

    start: int
    end: int
    value: int
    vague: bool = False
    spelled: bool = False
    article: bool = False


@cache
def _word_tables() -> tuple[dict[str, int], dict[str, int], dict[str, int], dict[str, float], dict[str, int],
                             dict[str, int], dict[str, int]]:
    lx = lexicon()
    return lx.ones, lx.tens, lx.scales, lx.fractions, lx.counters, lx.vague_plurals, lx.vague_multipliers


@cache
def _words_re() -> re.Pattern[str]:
    ones, tens, scales, fractions, counters, plurals, multipliers = _word_tables()
    vocabulary = set(ones) | set(tens) | set(scales) | set(fractions) | set(counters)
    vocabulary |= {w for phrase in list(plurals) + list(multipliers) for w in phrase.split()}
    vocabulary |= {"and", "of", "a", "an", "tens"}
    atom = "(?:" + trie_pattern(vocabulary) + ")"
    # An apostrophe after a word ends the number only as a closing quote (`'several hundred'`),
    # not in a possessive or contraction (`one's`).
    return re.compile(rf"(?i)(?<![\w\-])(?<!\w['’]){atom}(?!\w|['’]\w)(?:(?:\s+|-){atom}(?!\w|['’]\w))*(?![\w\-])")


NUMBER_WORDS_PATTERN = r"(?:(?:a|an)\s+(?:dozen|hundred|thousand|million)|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen))(?:(?:\s+and\s+|[\s\-]+)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen))*"
"""A plain run of number words (for callers that only need to spot one, such as the audit)."""

_CONNECTORS = {"and", "of", "a", "an"}


def _parse_words(words: list[str]) -> tuple[int, bool] | None:
    """(value, vague) of a run of number words, or None if the run is not one number.

    Exact forms: `three thousand`, `twenty-one`, `one hundred and five`, `a dozen`, `two and a
    half million`, `a million and a half`, `half a million`. Vague forms (a lower bound):
    `hundreds`, `tens of thousands`, `several hundred`, `several dozen`, `dozens`, `a few`."""
    ones, tens, scales, fractions, counters, plurals, multipliers = _word_tables()
    text = " ".join(words)
    if text in plurals:
        return plurals[text], True
    # `hundreds of thousands`, `tens of thousands` written with `of`; `thousands of` trailing.
    for phrase, value in sorted(plurals.items(), key=lambda kv: -len(kv[0])):
        if text == phrase + " of" or text == phrase:
            return value, True
    vague = False
    multiplier: Fraction | None = None
    for phrase in sorted(multipliers, key=len, reverse=True):
        if text == phrase:
            return multipliers[phrase], True
        if text.startswith(phrase + " "):
            multiplier = Fraction(multipliers[phrase])
            words = text[len(phrase) + 1:].split()
            vague = True
            break
    n = len(words)
    total = Fraction(0)
    current: Fraction | None = None
    last_scale = Fraction(1)
    pending: Fraction | None = None  # `two and a half` waiting for its scale
    i = 0
    while i < n:
        w = words[i]
        if w == "and":
            if i + 2 < n and words[i + 1] in ("a", "an") and words[i + 2] in fractions:
                frac = Fraction(fractions[words[i + 2]]).limit_denominator(100)
                if current is None and last_scale > 1:
                    total += frac * last_scale  # `a million and a half`
                else:
                    pending = frac  # `two and a half million`
                i += 3
                continue
            i += 1  # `one hundred and five`
            continue
        if w == "of":
            if current is not None and current < 1 and i + 2 < n and words[i + 1] in ("a", "an") and words[i + 2] in scales:
                i += 2  # `a quarter of a million`: the fraction of the scale after it
                continue
            return None
        if w in ("a", "an"):
            if i + 1 < n and words[i + 1] in fractions:
                i += 1
                continue
            w = "one"
        if w in fractions:
            frac = Fraction(fractions[w]).limit_denominator(100)
            if i + 1 < n and words[i + 1] in ("a", "an"):  # `half a million`
                current = frac
                i += 2
                continue
            current = frac if current is None else current * frac
        elif w in ones:
            current = (current or 0) + ones[w]
        elif w in tens:
            current = (current or 0) + tens[w]
        elif w in counters:
            current = (current if current is not None else 1) * counters[w]
        elif w in scales:
            base = current if current is not None else Fraction(1)
            if pending is not None:
                base += pending
                pending = None
            if scales[w] == 100:
                current = base * 100
            else:
                total += base * scales[w]
                last_scale = Fraction(scales[w])
                current = None
        else:
            return None
        i += 1
    if pending is not None or (current is None and total == 0):
        return None
    value = total + (current or 0)
    if multiplier is not None:
        value *= multiplier
    if value.denominator != 1:
        return None
    return int(value), vague


def parse_number_words(text: str) -> int | None:
    """The value of a spelled-out number (`three thousand` -> 3000), or None if it is not one.

    Accepts hyphens (`twenty-one`), `and` (`one hundred and five`), `a`/`an` for one
    (`a thousand`, `a dozen`) and fractions of a scale (`two and a half million`)."""
    words = [w for w in re.split(r"[\s\-]+", text.strip().lower()) if w]
    if not words or words in (["a"], ["an"]):
        return None
    parsed = _parse_words(words)
    if parsed is None or parsed[1]:
        return None
    return parsed[0]


def _below_thousand(n: int) -> list[str]:
    ones = {v: k for k, v in _word_tables()[0].items() if k not in ("a", "an")}
    tens = {v: k for k, v in _word_tables()[1].items() if k != "fourty"}
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += [ones[hundreds], "hundred"]
    if rest >= 20:
        t, o = divmod(rest, 10)
        words.append(tens[t * 10] + (f"-{ones[o]}" if o else ""))
    elif rest or not words:
        words.append(ones[rest])
    return words


def render_number(n: int) -> str:
    """English words for ``n`` >= 0 (`6000` -> `six thousand`, `21` -> `twenty-one`)."""
    if n < 0:
        raise ValueError("render_number takes a non-negative integer")
    if n == 0:
        return "zero"
    parts: list[str] = []
    for scale_word, scale in (("billion", 10**9), ("million", 10**6), ("thousand", 1000)):
        count, n = divmod(n, scale)
        if count:
            parts += _below_thousand(count) if count < 1000 else [render_number(count)]
            parts.append(scale_word)
    if n:
        parts += _below_thousand(n)
    return " ".join(parts)


# A digit figure: digits, footnote markers, an optional scale word (`1.5 million`).
_DIGIT_RE = re.compile(
    # not a page cited after a footnote (`[3]:p. 45`, `p. 224`)
    rf"(?<![\w.,\[/:^])(?<![A-Za-z]-)(?<!\bp\.\s)(?<!\bpp\.\s)(?P<d>{DIGITS_PATTERN})(?P<fn>{_FOOTNOTES})"
    rf"(?:(?P<k>[kK])(?![\w\-])|(?P<m>m)(?=[ \t]+[a-z])|\s*(?P<scale>million|thousand|billion|bn)(?![\w\-]))?",
    re.I,
)
_SCALE_AHEAD = re.compile(r"[ \t]*(?:[-–—]|to|and)[ \t]*\d[\d.,]*[ \t]*(?P<scale>million|billion)\b", re.I)
_SCALE_WORDS = {"million": 1_000_000, "thousand": 1_000, "billion": 1_000_000_000, "bn": 1_000_000_000}
# Digits that are not a figure by their look: an ordinal, a decimal share, a time, a power,
# a calibre or measure glued to the number, a model number (`T-72`), a score (`3-2`).
_NOT_FIGURE_AFTER = re.compile(r"(?:st|nd|rd|th|d)\b|\s*%|\s*per\s?cent\b|:\d|\^|[ \-]?(?:mm|cm)\b|km\b|kg\b|[a-z]{1,2}\d"
                               r"|-pdr\b|-pounders?\b"
                               # (a model's letters: `Mirage 2000D`, `747SP`; not `3K`, `1.5M`, `2BN`)
                               r"|(?![KMB]\b|BN\b)[A-Z]{1,3}\b"
                               # a thread's post number closing a post (`Dozens more wounded 3/`)
                               r"|/(?=\s|$)")


def find_numbers(text: str, lo: int = 0, hi: int | None = None) -> list[NumberExpr]:
    """Every number in ``text[lo:hi]``, digits and words, in text order, not overlapping."""
    hi = len(text) if hi is None else hi
    found: list[NumberExpr] = []
    for m in _DIGIT_RE.finditer(text, lo, hi):
        d = m.group("d")
        if _NOT_FIGURE_AFTER.match(text, m.end("d")) and not m.group("fn"):
            continue
        scale = m.group("scale")
        shared = None
        if not scale and not m.group("k") and not m.group("m"):
            # `from 8.7 to 11 million`: the scale after a range's end is its start's too
            ahead = _SCALE_AHEAD.match(text, m.end(), hi)
            shared = ahead.group("scale") if ahead else None
        try:
            if not scale and _DOT_GROUPS.fullmatch(d):
                value = int(d.replace(".", ""))  # `12.000 captured`: a dot before each group of three
            else:
                value = parse_digits(d)
        except (InvalidOperation, ValueError):
            continue
        end = m.end("d") if not (scale or m.group("k") or m.group("m")) else m.end()
        if scale or shared:
            value = value * _SCALE_WORDS[(scale or shared).lower()]  # type: ignore[union-attr]
        elif m.group("k"):
            value = value * 1000  # `3k prisoners`
        elif m.group("m"):
            value = value * 1_000_000  # `1.5m people`
        elif m.group("fn"):
            end = m.end("d")
        if isinstance(value, Fraction):
            if value.denominator != 1:
                continue  # `12.5` alone is a measure, not a count
            value = int(value)
        found.append(NumberExpr(m.start("d"), end, int(value)))
    taken = [(n.start, n.end) for n in found]
    if number_words_hint().search(text[lo:hi].lower()) is None:
        found.sort(key=lambda n: n.start)
        return found
    runs = [piece for m in _words_re().finditer(text, lo, hi) for piece in _two_numbers(text, m.start(), m.end())]
    for k, (start, end) in enumerate(runs):
        if any(a < end and start < b for a, b in taken):
            continue
        words = [w for w in re.split(r"[\s\-]+", text[start:end].lower()) if w]
        # Trim connectors that cannot end or start a number (`of`, `and`, a dangling `a`).
        while words and words[-1] in ("and", "of", "a", "an"):
            if words[-1] == "of" and " ".join(words) in _vague_with_of():
                break
            words.pop()
        while words and words[0] in ("and", "of"):
            words.pop(0)
        if not words or words in (["a"], ["an"]):
            continue
        parsed = _parse_run(words)
        if parsed is None:
            continue
        value, vague, used = parsed
        # Offsets of the words used, from the match.
        span = _span_of_words(text, start, end, words, used)
        if span is None:
            continue
        s, e = span
        if value == 1 and _NOT_BEFORE.search(text, max(0, s - 5), s):
            continue  # `not one civilian was killed`: none (see figures' zero counts)
        article = used == 1 and words[0] in ("a", "an", "one")
        if article and words[0] != "one" and ARTICLE_BEFORE_NUMBER.match(text, e, hi):
            continue  # `a further five men`, `an additional 300`: the number after it counts
        if k + 1 < len(runs) and runs[k + 1][0] - end <= 5 and value < 1000 and not vague \
                and (shared := _SHARED_SCALE.search(text, runs[k + 1][0], runs[k + 1][1])) is not None \
                and (value < 10 or shared.group(1).lower() != "hundred"):
            # `between four and five thousand`, `five to eight hundred`: one scale for both
            value *= _scale_value(shared.group(1))
        found.append(NumberExpr(s, e, value, vague=vague, spelled=True, article=article))
    found.sort(key=lambda n: n.start)
    return found


# `and` between two numbers, not inside one (`sixty and seventy`, `one hundred and two
# hundred`; not `two hundred and fifty` nor `two and a half`).
_AND = re.compile(r"(?i)[ \t]+and[ \t]+")
_SCALE_WORD = re.compile(r"(?i)\b(hundred|thousand|million|billion|dozen)s?\b")
_FRACTION_AFTER = re.compile(r"(?i)an?[ \t]+(?:half|quarter|third)\b")
_SHARED_SCALE = re.compile(r"(?i)\b(hundred|thousand|million|billion)[ \t]*$")


def _scale_value(word: str) -> int:
    """`thousand` -> 1000, `dozen` -> 12: what a scale word multiplies by (the lexicon's tables)."""
    _, _, scales, _, counters, _, _ = _word_tables()
    return scales.get(word.lower()) or counters[word.lower()]


def _two_numbers(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The number-word runs in ``text[start:end]``, split at an `and` that joins two numbers."""
    out = []
    for m in _AND.finditer(text, start, end):
        if _FRACTION_AFTER.match(text, m.end(), end):
            continue
        before = _SCALE_WORD.findall(text, start, m.start())
        if before:
            # (after a scale, `and` goes on with a smaller number, unless a scale as large follows)
            nxt = _AND.search(text, m.end(), end)
            after = _SCALE_WORD.findall(text, m.end(), nxt.start() if nxt else end)
            if not after or max(map(_scale_value, after)) < _scale_value(before[-1]):
                continue
        out.append((start, m.start()))
        start = m.end()
    out.append((start, end))
    return out


_NOT_BEFORE = re.compile(r"(?i)\bnot[ \t]+$")
ARTICLE_BEFORE_NUMBER = re.compile(
    r"(?i)[ \t]+(?:further|additional|extra|total[ \t]+of|more)[ \t]+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)\b)")


@cache
def number_words_hint() -> re.Pattern[str]:
    """On lower-cased text: a number word other than `a`/`an` (which alone make no number)."""
    ones, tens, scales, fractions, counters, plurals, multipliers = _word_tables()
    vocabulary = set(ones) | set(tens) | set(scales) | set(fractions) | set(counters)
    vocabulary |= {w for phrase in list(plurals) + list(multipliers) for w in phrase.split()}
    vocabulary -= {"a", "an", "and", "of"}
    return re.compile(r"\b" + trie_pattern(vocabulary) + r"\b")


@cache
def _vague_with_of() -> frozenset[str]:
    plurals = _word_tables()[5]
    return frozenset(p + " of" for p in plurals)


def _parse_run(words: list[str]) -> tuple[int, bool, int] | None:
    """The longest prefix of ``words`` that is one number: (value, vague, words used)."""
    fractions = _word_tables()[3]
    for n in range(len(words), 0, -1):
        head = words[:n]
        if head[-1] in ("and", "a", "an") and n > 1:
            continue
        if n == 1 and head[0] in ("a", "an") and len(words) > 1 and words[1] in fractions:
            return None  # `a quarter of their force`: a share, no count of one
        parsed = _parse_words(head)
        if parsed is not None:
            return parsed[0], parsed[1], n
    return None


_TOKEN_RE = re.compile(r"[A-Za-z]+")


def _span_of_words(text: str, start: int, end: int, words: list[str], used: int) -> tuple[int, int] | None:
    """Offsets of the first ``used`` of ``words`` inside ``text[start:end]`` (the words were
    split on spaces and hyphens; leading connectors may have been dropped)."""
    tokens = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN_RE.finditer(text, start, end)]
    for i in range(len(tokens)):
        if [t[2] for t in tokens[i:i + len(words)]] == words:
            first = tokens[i]
            last = tokens[i + used - 1]
            return first[0], last[1]
    return None
