"""The Python side of the spike: the hot matcher as the extractor runs it, and its inputs.

``prepare(document)`` does what both matchers take as given (unwrapping the prose, cutting
paragraphs and sentences, lower-casing the scan text). ``find_candidates_py(prepared)`` runs
the prefilter and the figure/date regexes with the *same compiled patterns* and the same
guards as ``claims.extract.prose`` / ``numbers`` / ``dates`` (read from those modules, not
copied), and returns every match as ``(start, end, kind)`` in code-point offsets, in the
order the extractor would meet them:

- ``trigger``: the paragraph prefilter (``prose._trigger()``) over the lower-cased text; a
  paragraph without one is skipped, and only sentences holding one are read further;
- per sentence read, the date scans of ``dates._simple_partials`` and ``find_dates`` (raw
  matches, before overlaps are settled): ``glued_range``/``glued``, ``day_range``,
  ``simple``, ``season``, ``century``, ``ad``, ``numeric``, ``relative``;
- then, when the sentence may hold a figure, ``numbers.find_numbers``' scans: ``digits``
  (after the ``_NOT_FIGURE_AFTER`` test, span as find_numbers cuts it) and ``words`` (the raw
  number-word runs, before they are trimmed and parsed).

``PATTERNS`` hands the pattern strings to the native matcher, so both use the same regexes.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from claims.extract import dates as D  # noqa: E402
from claims.extract import numbers as N  # noqa: E402
from claims.extract import prose as P  # noqa: E402
from claims.extract.sentences import sentences, unwrapped  # noqa: E402
from claims.model import Document  # noqa: E402

_TRIGGER = P._trigger()
_TRIGGER_I = re.compile(_TRIGGER.pattern, re.I)
_DIGIT = P._DIGIT
_HINT = N.number_words_hint()
_WORDS = N._words_re()


@dataclass(frozen=True)
class Prepared:
    """What both matchers are handed: the unwrapped text, its lower-cased scan (None when
    lower-casing would move offsets), and each paragraph with its sentences."""

    text: str
    scan: str | None
    paragraphs: list[tuple[int, int, list[tuple[int, int]]]]


def prepare(document: Document) -> Prepared:
    text, paragraphs = unwrapped(document.text, P.prose_regions(document))
    lower = text.lower()
    scan = lower if len(lower) == len(text) else None
    return Prepared(text, scan, [(lo, hi, sentences(text, lo, hi)) for lo, hi in paragraphs])


def find_candidates_py(prepared: Prepared) -> list[tuple[int, int, str]]:
    text, scan = prepared.text, prepared.scan
    trigger, haystack = (_TRIGGER, scan) if scan is not None else (_TRIGGER_I, text)
    out: list[tuple[int, int, str]] = []
    for lo, hi, spans in prepared.paragraphs:
        wanted = set()
        ends = [e for _, e in spans]
        for m in trigger.finditer(haystack, lo, hi):
            out.append((m.start(), m.end(), "trigger"))
            k = bisect_right(ends, m.start())
            if k < len(spans):
                wanted.add(k)
        for k in sorted(wanted):
            s, e = spans[k]
            low = scan[s:e] if scan is not None else text[s:e].lower()
            _dates(text, s, e, out)
            if (_DIGIT.search(text, s, e) is not None or _HINT.search(low) is not None
                    or " a " in low or " an " in low or low.startswith(("a ", "an "))):
                _numbers(text, s, e, out)
    return out


def _dates(text: str, lo: int, hi: int, out: list) -> None:
    """The regex scans of ``dates._simple_partials`` and ``find_dates``, with their guards."""
    months = D._MONTH_HINT.search(text, lo, hi) is not None
    seg = text[lo:hi]
    era = "BC" in seg or "AD" in seg or "CE" in seg or "B." in seg or "A." in seg or "C." in seg
    if months:
        glued_lo = max(0, lo - 5)
        if text.find("Date", glued_lo, hi) != -1:
            for g in D._GLUED_LABEL_RE.finditer(text, glued_lo, hi):
                m = D._DAY_RANGE_GLUED_RE.match(text, g.end(), hi)
                if m is not None:
                    out.append((m.start(), m.end(), "glued_range"))
                elif (m := D._SIMPLE_GLUED_RE.match(text, g.end(), hi)) is not None:
                    out.append((m.start(), m.end(), "glued"))
        for m in D._DAY_RANGE_RE.finditer(text, lo, hi):
            out.append((m.start(), m.end(), "day_range"))
        for m in D._SIMPLE_RE.finditer(text, lo, hi):
            bm = m.group("bm")
            if bm and bm.startswith("May") and not bm[3:4] == ".":
                continue
            out.append((m.start(), m.end(), "simple"))
    if "pring" in seg or "ummer" in seg or "utumn" in seg or "inter" in seg:
        for m in D._SEASON_ALONE_RE.finditer(text, lo, hi):
            out.append((m.start(), m.end(), "season"))
    if "entur" in seg:
        for m in D._CENTURY_RE.finditer(text, lo, hi):
            out.append((m.start(), m.end(), "century"))
    if era:
        for m in D._AD_BEFORE_RE.finditer(text, lo, hi):
            out.append((m.start(), m.end(), "ad"))
    for m in (D._NUMERIC_RE if era else D._NUMERIC_NO_ERA_RE).finditer(text, lo, hi):
        out.append((m.start(), m.end(), "numeric"))
    if D._RELATIVE_HINT.search(text, lo, hi) is not None:
        for m in D._RELATIVE_RE.finditer(text, lo, hi):
            out.append((m.start(), m.end(), "relative"))


def _numbers(text: str, lo: int, hi: int, out: list) -> None:
    """The regex scans of ``numbers.find_numbers``."""
    for m in N._DIGIT_RE.finditer(text, lo, hi):
        if N._NOT_FIGURE_AFTER.match(text, m.end("d")) and not m.group("fn"):
            continue
        end = m.end() if m.group("scale") else m.end("d")
        out.append((m.start("d"), end, "digits"))
    if _HINT.search(text[lo:hi].lower()) is None:
        return
    for m in _WORDS.finditer(text, lo, hi):
        out.append((m.start(), m.end(), "words"))


def _flags(p: re.Pattern) -> str:
    return "(?i)" if p.flags & re.I else ""


_RUST_META = set("\\.+*?()|[]{}^$#&-~")


def rust_pattern(pattern: str) -> str:
    """A Python pattern in the Rust crates' syntax: `\\uXXXX` as `\\x{XXXX}`, and no escape
    before punctuation the Rust parser does not take escaped (`\\"`)."""
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            if nxt == "u":
                out.append("\\x{" + pattern[i + 2:i + 6] + "}")
                i += 6
                continue
            if not nxt.isalnum() and nxt not in _RUST_META:
                out.append(nxt)
                i += 2
                continue
            out.append(c + nxt)
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


#: The compiled patterns both matchers run, by name.
COMPILED: dict[str, re.Pattern] = {
    "trigger": _TRIGGER, "trigger_i": _TRIGGER_I, "digit": _DIGIT, "hint": _HINT,
    "words": _WORDS, "digits": N._DIGIT_RE, "not_figure_after": N._NOT_FIGURE_AFTER,
    "month_hint": D._MONTH_HINT, "glued_label": D._GLUED_LABEL_RE,
    "day_range_glued": D._DAY_RANGE_GLUED_RE, "simple_glued": D._SIMPLE_GLUED_RE,
    "day_range": D._DAY_RANGE_RE, "simple": D._SIMPLE_RE, "season": D._SEASON_ALONE_RE,
    "century": D._CENTURY_RE, "ad": D._AD_BEFORE_RE, "numeric": D._NUMERIC_RE,
    "numeric_no_era": D._NUMERIC_NO_ERA_RE, "relative_hint": D._RELATIVE_HINT,
    "relative": D._RELATIVE_RE,
}
#: name -> pattern string for the native matcher (Python's re.I as a leading `(?i)`).
PATTERNS: dict[str, str] = {name: rust_pattern(_flags(p) + p.pattern) for name, p in COMPILED.items()}
PATTERNS["footnote"] = rust_pattern(N.FOOTNOTE)  # for the hand port of `digits`
