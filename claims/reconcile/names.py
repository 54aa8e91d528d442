"""Name folding: transliteration variants compare equal (Orudzhev/Orujev, Kalbajar/Kelbajar).

``fold`` is a normal form for exact comparison; ``similar`` also accepts names whose consonant
skeletons match and whose folds are a couple of letters apart (vowel spelling differences).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

_SPECIAL = str.maketrans({"ə": "a", "Ə": "a", "ı": "i", "ł": "l", "đ": "d", "Đ": "d", "ø": "o", "ß": "ss", "ʼ": "", "’": "", "'": ""})
# Romanisation variants, applied in order: longest first so `dzh` is not read as `d` + `zh`.
_DIGRAPHS = (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("x", "h"), ("ph", "f"), ("w", "v"), ("y", "i"), ("ck", "k"), ("q", "k"))
_DOUBLE = re.compile(r"([a-z])\1+")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_VOWELS = re.compile(r"[aeiou]")
ODD_CASE = ("\u0130", "\u0131", "\u017f", "\u212a")
"""`İ`, `ı`, `ſ` and the Kelvin sign: the non-ASCII characters ``re.I`` matches with ASCII letters."""


class WordPattern:
    """A case-insensitive pattern every match of which holds one of ``words`` (lower case
    ASCII). :meth:`search` looks for the words in the lowered text first, which costs far less
    than an alternation of words tried at every character; the result is the pattern's own,
    since a text with one of ``ODD_CASE`` (the only other characters that match an ASCII letter
    case-insensitively) goes to the pattern."""

    __slots__ = ("regex", "words")

    def __init__(self, pattern: str, words: str) -> None:
        self.regex = re.compile(pattern, re.I)
        self.words = tuple(words.split("|"))

    def may_match(self, text: str) -> bool:
        """False only when the pattern cannot match ``text`` (none of its words is in it)."""
        if text.isascii() or not any(c in text for c in ODD_CASE):
            low = text.lower()
            return any(w in low for w in self.words)
        return True

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text) if self.may_match(text) else None


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no diacritics, romanisation variants unified, double letters single."""
    s = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    if not s.isascii():  # no ASCII character is a combining mark
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower()
    s = _NON_ALNUM.sub(" ", s)
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    s = _DOUBLE.sub(r"\1", s)
    return " ".join(s.split())


def fold_words(text: str) -> list[str]:
    """``fold(text).split()``, folded word by word: no step of ``fold`` reaches across
    whitespace, and a long text repeats its words, so each distinct word is folded once (the
    cache) instead of the whole text every time."""
    return [w for token in text.split() for w in fold(token).split()]


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """The folded text without vowels and spaces: `kalbajar` and `kelbajar` share `klbjr`."""
    # Cached as fold is: a run asks for it per commander and per place word, which repeat.
    return _VOWELS.sub("", fold(text)).replace(" ", "")


def similar(a: str, b: str) -> bool:
    """True when two names are spellings of one name (same fold, or same skeleton and close)."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if not fa or not fb or fa[0] != fb[0]:
        return False
    sa, sb = skeleton(a), skeleton(b)
    return len(sa) >= 3 and sa == sb and Levenshtein.distance(fa, fb, score_cutoff=2) <= 2


_STOP = frozenset(
    "the of and pro various forces force army armed troops side alleged foreign volunteers "
    "republic self proclaimed federal federation units unit peoples people s".split()
)


_COMPASS = frozenset("north south east west upper lower new great".split())


def side_token(name: str | None) -> str | None:
    """A short key for a belligerent name: `Russia`, `Russian`, `the Russian side` -> `rus`.

    The first significant word, folded, cut to four letters so demonyms meet country names
    (Azerbaijan/Azerbaijani, Croatia/Croatian). Returns None for an empty or generic name.
    """
    if not name:
        return None
    words = [w for w in fold(name.replace("-", " ")).split() if w not in _STOP and len(w) >= 3 and not w.isdigit()]
    if not words:
        return None
    if words[0] in _COMPASS and len(words) > 1:
        return f"{words[0][:4]} {words[1][:4]}"
    return words[0][:4]
