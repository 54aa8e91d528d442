"""Paragraphs and sentences, the one way extraction and the audit cut text.

A paragraph is a line, or soft-wrapped lines run together (a line that does not end a
sentence, followed by one that starts in lower case). A sentence ends at `.`, `!` or `?`
(with closing quotes, brackets and footnote markers after it), also when no space follows
(`retreat.Several`), but not after an abbreviation (`Gen.`, `U.S.`, `e.g.`) or an initial.
Page furniture (lexicon ``page.toml``: `Read also: ...`, `Advertisement`) is no paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from claims.lexicon import lexicon

__all__ = ["ABBREVIATIONS", "is_noise_line", "paragraphs", "sentences", "unwrapped", "wrap_width"]

ABBREVIATIONS = frozenset(
    "gen col lt maj capt cpt sgt mr mrs ms dr st no nos vs approx est e.g i.e etc jan feb mar apr jun jul "
    "aug sep sept oct nov dec u.s u.n u.k ca cf prof adm brig pp p vol fig al ed eds sen rep gov pres "
    "lieut cmdr cdr wg gp sq fl inc ltd co corp dept govt mt ft".split()
)
_BOUNDARY = re.compile(
    r"[.!?]+[\"”’'»)\]]*(?:\[(?:\d{1,3}|[a-z]|note \d+|citation needed)\])*(?:\s+|(?=[A-Z][a-z]))"
)
_TOKEN_TAIL = re.compile(r"[\w.]+\Z")
_LEADER_TO_NUMBER = re.compile(r"(?:\.[ \t]?){3,}[ \t]*[~≈<>]?\d")


def _dot_run_start(text: str, lo: int, at: int) -> int:
    """Where the run of dots (spaced or not) that ``text[at]`` is part of begins (looking back
    at most 120 characters: a run of spaced dots is met once per dot)."""
    lo = max(lo, at - 120)
    while at - 1 >= lo and (text[at - 1] == "." or text[at - 1] in " \t" and at - 2 >= lo and text[at - 2] == "."):
        at -= 1
    return at
# A line of a list, never the rest of the line before (`tanks ‒ 6,497 (+12),`, `- 40 killed`).
_LIST_LINE = re.compile(r"[•*·\-–—]\s|[^\W\d][\w \-']{0,40}?\s*(?::|\s[–—‒\-])\s*(?:about|approximately|around|some|over|up to|~|≈)?\s*\d")
_MID_PHRASE = re.compile(r"(?:\b(?:the|a|an|of|to|in|on|at|by|for|from|with|and|or|according|said|that|which|who)|,)$")
# A sentence ends inside the line: running prose, no headline.
_INNER_SENTENCE = re.compile(r"[a-z\d][.!?][\"”’)]?\s+[A-Z]")
_ENDS_SENTENCE = re.compile(r"[.!?:\"”’)\]]\s*$")


def sentences(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text[lo:hi]`` (one paragraph), trimmed."""
    out: list[tuple[int, int]] = []
    start = lo
    for m in _BOUNDARY.finditer(text, lo, hi):
        at = m.start()
        if text[at] == "." and _LEADER_TO_NUMBER.match(text, _dot_run_start(text, lo, at), hi):
            continue  # dot leaders before a table row's number (`Killed in action ...... 2,242`)
        if text[at] == "." and at > lo:
            c = text[at - 1]
            if c.isalnum() or c == "_":
                tail = _TOKEN_TAIL.search(text, max(lo, at - 12), at)
                token = text[tail.start():at].lower() if tail else ""
                if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or (
                    len(token) <= 4 and "." in token
                ):
                    continue
                if token.isdigit() and text[m.end():m.end() + 1].islower():
                    continue  # `No. 5 said`, a number before a lower-case word
        _append_trimmed(out, text, start, m.end())
        start = m.end()
    _append_trimmed(out, text, start, hi)
    return out


def _append_trimmed(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append ``text[start:end]`` without the white space around it, unless nothing is left."""
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    while start < end and text[start] in " \t\r\n":
        start += 1
    if end > start:
        out.append((start, end))


@cache
def _noise() -> tuple[re.Pattern[str], frozenset[str]]:
    lx = lexicon()
    starts = "|".join(re.escape(w) for w in sorted(lx.noise_lines, key=len, reverse=True))
    return re.compile(rf"(?i)\s*(?:{starts})(?:\s|:|$|\b)"), lx.noise_exact


# A note at the foot of a printed page (`1 Japanese General Staff, Nichi-Ro senshi, vol. 9
# (Tokyo, 1914)`, `14 Ibid., p. 212.`): its number is the note's, no figure.
_NOTE_LINE = re.compile(
    r"\d{1,3}[ \t]+(?:[A-Z\u00C0-\u024F]|Ibid|ibid|Op\.|op\.)[^\n]{0,300}?"
    r"(?:\bvol\.|\bpp?\.[ \t]*\d|\(\s*[A-Z][\w .]+,[ \t]*1[5-9]\d\d\s*\)|\bIbid\b|\bop\.[ \t]*cit\b|\bed(?:s)?\.[ \t]|\btrans\.)")


def is_noise_line(line: str) -> bool:
    """Page furniture: a related-article link, a call to subscribe, an advertisement, a
    printed page's footnote."""
    stripped = line.strip()
    if not stripped:
        return True
    if stripped[:1].isdigit() and len(stripped) <= 320 and _NOTE_LINE.match(stripped):
        return True
    pattern, exact = _noise()
    if stripped.lower() in exact:
        return True
    return pattern.match(stripped) is not None


def wrap_width(text: str) -> int | None:
    """The width a hard-wrapped text was wrapped at (a story saved from e-mail, a PDF or a
    terminal: most lines end near one width, none much beyond it), else None."""
    lengths = [len(line.rstrip()) for line in text.split("\n") if line.strip()]
    if len(lengths) < 8:
        return None
    width = sorted(lengths)[int(len(lengths) * 0.9)]
    if not 40 <= width <= 100:
        return None
    near = sum(1 for n in lengths if 0.7 * width <= n <= width)
    beyond = sum(1 for n in lengths if n > width + 2)
    return width if near >= 0.4 * len(lengths) and beyond <= 0.05 * len(lengths) else None


def unwrapped(text: str, regions: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with the line breaks inside each paragraph of ``regions`` turned into spaces,
    and those paragraphs: the same length, so every offset still points into the document, but
    a phrase broken across lines (`the brigade's\npress officer`) reads as one."""
    wrap = wrap_width(text)
    chars: list[str] | None = None
    found: list[tuple[int, int]] = []
    for lo, hi in regions:
        for p_lo, p_hi in paragraphs(text, lo, hi, wrap):
            found.append((p_lo, p_hi))
            nl = text.find("\n", p_lo, p_hi)
            while nl != -1:
                if chars is None:
                    chars = list(text)
                chars[nl] = " "
                nl = text.find("\n", nl + 1, p_hi)
    return (text if chars is None else "".join(chars)), found


# A heading over links to other stories, whose headlines carry other stories' figures.
_RELATED_HEADING = re.compile(
    r"(?i)[ \t]*(?:related(?:[ \t]+(?:articles|stories|news|coverage|content|posts|reading|links))?|more[ \t]+(?:stories|news"
    r"|on[ \t]+this(?:[ \t]+story)?)|read[ \t]+more|you[ \t]+may[ \t]+also[ \t]+like|most[ \t]+read|recommended(?:[ \t]+for[ \t]+you)?"
    r"|further[ \t]+reading)[ \t]*:?[ \t]*")
_CONTENTS = re.compile(r"[ \t]*(?:Contents|Table of contents|CONTENTS)[ \t]*(?:\[(?:hide|show)\])?[ \t]*")
_CONTENTS_ENTRY = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})*\.?[ \t]+)?[A-Z][\w'’\-]*(?:[ \t]+[\w'’\-()]+){0,6}[ \t]*")


def paragraphs(text: str, lo: int, hi: int, wrap: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph in ``text[lo:hi]``: lines, soft-wrapped ones joined,
    page furniture left out. With ``wrap`` (a hard-wrapped text), a line that reaches near
    that width goes on in the next line whatever its case."""
    pos = lo
    current: tuple[int, int] | None = None
    previous = ""
    contents = False  # inside a page's table of contents (`Contents` / `3 Casualties` / ...)
    related = False  # inside a box of links to other stories (`Related` / `- More than 800 killed ...`)
    while pos < hi:
        nl = text.find("\n", pos, hi)
        end = hi if nl == -1 else nl
        line = text[pos:end]
        if contents:
            contents = _CONTENTS_ENTRY.fullmatch(line) is not None or not line.strip()
        elif _CONTENTS.fullmatch(line):
            contents = True
        if related:
            # its links: list items or short headlines, blank lines between them
            related = not line.strip() or _LIST_LINE.match(line.strip()) is not None \
                or len(line.strip()) <= 120 and not _ENDS_SENTENCE.search(line.rstrip())
        elif _RELATED_HEADING.fullmatch(line):
            related = True
        if contents or related or not line.strip() or is_noise_line(line):
            if current is not None:
                yield current
                current = None
        else:
            stripped = line.strip()
            joins = False
            if current is not None and not _LIST_LINE.match(stripped):
                # Only the line before decides (how it ends), never the whole paragraph so far.
                wrapped = wrap is not None and len(previous) >= 0.7 * wrap and not previous.endswith(":")
                # (`... according to the Russian` / `Main Staff, were ...`: a long line that stops
                # mid-phrase goes on, whatever the case of the next one)
                joins = wrapped or not _ENDS_SENTENCE.search(previous) and (
                    stripped[:1].islower() or len(previous) >= 50 and (
                        _MID_PHRASE.search(previous) is not None or _INNER_SENTENCE.search(previous) is not None
                        or text.find("\n", current[0], current[1]) != -1))
            if joins:
                current = (current[0], end)
            else:
                if current is not None:
                    yield current
                current = (pos, end)
            previous = line.rstrip()
        pos = end + 1
    if current is not None:
        yield current
