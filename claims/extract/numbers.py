"""Numbers as written: digits with separators (`1,834`, `80 000`, `1.5 million`) and words.

``parse_number_words`` reads English number words (`six thousand`, `a dozen`, `twenty-one`);
``render_number`` writes an integer the same way, so the two round-trip. ``parse_digits``
reads a digit token. All three return plain ``int`` values; callers decide what a figure means.
"""

from __future__ import annotations

import re

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_WORD_SPLIT = re.compile(r"[\s\-]+")

#: A run of number words, as a regex fragment (case-insensitive callers add ``(?i)``).
_ATOM = "|".join(sorted(list(ONES) + list(TENS) + list(SCALES) + ["dozen"], key=len, reverse=True))
NUMBER_WORDS_PATTERN = (
    rf"(?:(?:a|an)\s+(?:dozen|hundred|thousand|million)|(?:{_ATOM}))"
    rf"(?:(?:\s+and\s+|[\s\-]+)(?:{_ATOM}))*"
)


def parse_number_words(text: str) -> int | None:
    """The value of a spelled-out number (`three thousand` -> 3000), or None if it is not one.

    Accepts hyphens (`twenty-one`), `and` (`one hundred and five`), `a`/`an` for one
    (`a thousand`, `a dozen`). Returns None for anything that is not entirely number words.
    """
    words = [w for w in _WORD_SPLIT.split(text.strip().lower()) if w and w != "and"]
    if not words:
        return None
    if words[0] in ("a", "an"):
        if len(words) == 1:
            return None
        words[0] = "one"
    total = 0
    current = 0
    seen = False
    for word in words:
        if word in ONES:
            current += ONES[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            scale = SCALES[word]
            total += (current or 1) * scale
            current = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += [_ONES_BY_VALUE[hundreds], "hundred"]
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(_TENS_BY_VALUE[tens * 10] + (f"-{_ONES_BY_VALUE[ones]}" if ones else ""))
    elif rest or not words:
        words.append(_ONES_BY_VALUE[rest])
    return words


_ONES_BY_VALUE = {v: k for k, v in ONES.items()}
_TENS_BY_VALUE = {v: k for k, v in TENS.items()}


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


# Digits: `1,834`, `80 000` (space or narrow no-break space), `1.834` is ambiguous and read as
# a decimal unless followed by a scale word; `1.5 million`.
DIGITS_PATTERN = r"\d{1,3}(?:(?:,|[ \u00a0\u202f](?=\d{3}\b))\d{3})+(?!\d)|\d+(?:\.\d+)?"


def parse_digits(token: str) -> float:
    """The value of a digit token with separators (`1,834` -> 1834, `80 000` -> 80000)."""
    cleaned = token.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    return float(cleaned)
