"""Reading a draft the way the audit rules need it: sentences, citations, quotations, cues.

A document is cut into *units*: sentences of running prose (soft-wrapped Markdown lines are
joined; a list item, table row or infobox line is its own unit) and, outside the prose, one
unit per line. Headings and fenced code are not units. A sentence's unit runs on over the
footnote markers that follow its full stop (`killed.[3]`), since Wikipedia puts them there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from attrs import frozen

from claims.extract.attribution import Relation, find_attributions
from claims.extract.numbers import NUMBER_WORDS_PATTERN
from claims.lexicon import lexicon
from claims.model import Document
from claims.readers.structure import lines_with_offsets
from claims.textmap import LineMap


@frozen
class Unit:
    """A sentence of prose, or one line outside it (`prose` is False)."""

    start: int
    end: int
    prose: bool


_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s*(#{1,6}\s|={1,6}[^=].*={1,6}\s*$)")
_BLOCK_START = re.compile(r"^\s*([-*+]\s|\d{1,3}[.)]\s|\|)")
_TABLE_ROW = re.compile(r"^\s*\|")

# Footnote markers and inline citations, as they may follow a full stop.
CITATION_MARK = (
    r"(?:\[\d{1,3}\]|\[note \d{1,3}\]|\[[a-z]\]|<ref\b[^>]*/>|<ref\b[^>]*>.*?</ref>"
    r"|\{\{\s*(?:sfn|sfnp|efn|r|rp|harvnb|harv)\b[^{}]*\}\}|\[\^[^\]\s]+\])"
)
_TERMINATOR = re.compile(r"[.!?]+[\"”’»)]*(?:\s?" + CITATION_MARK + r")*", re.S)
_ABBREVIATIONS = frozenset(
    "c ca cf e.g i.e etc al approx gen lt col maj capt cpt sgt adm brig mr mrs ms dr st vs no nos "
    "jan feb mar apr jun jul aug sep sept oct nov dec fig p pp vol ed eds u.s u.k u.n".split()
)

CITATION = re.compile(
    r"\[\d{1,3}\]|\[note \d{1,3}\]|<ref\b|\{\{\s*(?:cite\b|citation\s*\||sfn|sfnp|harvnb|harv|rp)\b"
    r"|\[\^[^\]\s]+\]|\]\((?:https?://|www\.)|\bhttps?://",
    re.I,
)
"""Anything that cites a source: footnote marker, `<ref>`, citation template, Markdown
footnote or link, bare URL. `{{Citation needed}}` is a request for one, not a citation."""

INLINE_TAG = re.compile(
    r"\{\{\s*(?P<name>citation needed|cn|fact|according to whom|by whom|who|whom|which|"
    r"disputed inline|dubious|disputed|peacock term|peacock inline|weasel inline|attribution needed|"
    r"attribution needed inline|unreliable source\??|better source needed)\s*(?:\|[^{}]*)?\}\}",
    re.I,
)
"""Wikipedia inline tags: an editor who added one has already warned the reader."""

@lru_cache(maxsize=1)
def speech() -> re.Pattern[str]:
    """A speech or reporting verb: somebody in the sentence says, claims, writes, counts. The
    verbs are the lexicon's (``cues.toml``: reporting cues and speech verbs), the extractor's."""
    lx = lexicon()
    verbs = sorted(lx.speech_verbs | set(lx.cue_prepositions) - {"by", "per", "based on"}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in verb.split()) for verb in verbs)
    return re.compile(r"\b(?:as\s+\w+(?:\s+\w+){0,3}\s+put\s+it|" + body + r")\b", re.I)


@lru_cache(maxsize=1024)
def relations(sentence: str) -> tuple[Relation, ...]:
    """The extractor's attribution relations in one sentence, so the audit and the claims agree
    on who says what; remembered, since several rules ask about the same sentence."""
    return tuple(find_attributions(sentence, 0, len(sentence)))


def names_a_source(sentence: str) -> bool:
    """Whether the sentence attributes something to a named source (`Human Rights Watch
    documented`, `the army's spokesman, Col. X, said`, `according to Reuters`). An unnamed
    source (`some sources say`, `it is believed`) names nobody."""
    return any(
        r.source is not None and not r.unnamed and not (r.pronoun and r.source.lower() in {"it", "this"})
        for r in relations(sentence)
    )

NAMED_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:[A-Z]|de\s|al-|\w+\s+[A-Z])")


def sentence_units(text: str, start: int, end: int) -> Iterator[Unit]:
    """Split ``text[start:end]`` (one paragraph) into sentences."""
    cursor = start
    for match in _TERMINATOR.finditer(text, start, end):
        after = match.end()
        rest = text[after:end]
        if rest.strip():
            if rest[0].isspace():
                following = rest.lstrip()[0]
                if not (following.isupper() or following.isdigit() or following in "\"“«([*_'"):
                    continue
            elif not rest[0].isupper():
                continue
            if match.group(0)[0] == "." and _is_abbreviation(text, cursor, match.start()):
                continue
        unit_start, unit_end = _strip(text, cursor, after)
        if unit_end > unit_start:
            yield Unit(unit_start, unit_end, True)
        cursor = after
    unit_start, unit_end = _strip(text, cursor, end)
    if unit_end > unit_start:
        yield Unit(unit_start, unit_end, True)


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[max(start, dot - 12) : dot])
    if word is None:
        return False
    token = word.group(1).lower().strip(".")
    return (len(token) == 1 and token.isalpha()) or token in _ABBREVIATIONS


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segment(document: Document) -> list[Unit]:
    """The document's units, in order."""
    text = document.text
    prose = document.prose_ranges()

    def in_prose(offset: int) -> bool:
        return any(lo <= offset < hi for lo, hi in prose)

    units: list[Unit] = []
    block: list[int] | None = None
    fenced = False

    def close() -> None:
        nonlocal block
        if block is not None:
            units.extend(sentence_units(text, block[0], block[1]))
        block = None

    for _number, start, end in lines_with_offsets(text):
        line = text[start:end]
        stripped = line.strip()
        if _FENCE.match(line):
            close()
            fenced = not fenced
            continue
        if fenced:
            continue
        if not stripped:
            close()
            continue
        if not in_prose(start):
            close()
            s, e = _strip(text, start, end)
            units.append(Unit(s, e, False))
            continue
        if _HEADING.match(line):
            close()
            continue
        if _TABLE_ROW.match(line):
            close()
            s, e = _strip(text, start, end)
            units.append(Unit(s, e, False))
            continue
        if _BLOCK_START.match(line) or block is None:
            close()
            block = [start, end]
        else:
            block[1] = end
    close()
    return units


@frozen
class Quotation:
    start: int
    """Offset of the opening quotation mark."""
    end: int
    """Offset just past the closing mark."""
    words: int


_QUOTATION = re.compile(r"“[^“”\n]*(?:\n[^“”\n]+)*”|„[^“”„]+[“”]|«[^«»]+»|\"[^\"\n]+(?:\n[^\"\n]+)*\"")


def quotations(text: str, units: list[Unit]) -> list[Quotation]:
    """Quotations in running text (not attribute values such as `name="x"`)."""
    found: list[Quotation] = []
    for match in _QUOTATION.finditer(text):
        if match.start() > 0 and text[match.start() - 1] == "=":
            continue
        inner = match.group(0)[1:-1]
        found.append(Quotation(match.start(), match.end(), len(inner.split())))
    return found


_MARKUP = re.compile(r"<!--.*?-->|<ref\b[^>]*/>|<ref\b[^>]*>.*?</ref>|\{\{[^{}]*\}\}", re.S)


def blank_markup(text: str) -> str:
    """``text`` with HTML comments, `<ref>` elements and templates replaced by spaces."""
    return _MARKUP.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


class DocumentText:
    """A document with its units, quotations and line map, for the rules to query."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self.clean = blank_markup(document.text)
        """The text with comments, `<ref>`s and templates blanked out (same offsets)."""
        self.units = segment(document)
        self._starts = [u.start for u in self.units]
        self.lines = LineMap(self.text)
        self.quotations = quotations(self.text, self.units)
        self._quote_starts = [q.start for q in self.quotations]

    def unit_at(self, offset: int) -> Unit | None:
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        unit = self.units[index]
        return unit if unit.start <= offset < max(unit.end, unit.start + 1) else None

    def unit_index(self, unit: Unit) -> int:
        return bisect_right(self._starts, unit.start) - 1

    def unit_text(self, unit: Unit) -> str:
        return self.text[unit.start : unit.end]

    def without_quotations(self, unit: Unit) -> str:
        """The unit's text with quoted passages blanked out (offsets kept)."""
        chars = list(self.clean[unit.start : unit.end])
        first = max(0, bisect_right(self._quote_starts, unit.start) - 1)
        for q in self.quotations[first:]:
            if q.start >= unit.end:
                break
            lo, hi = max(q.start, unit.start), min(q.end, unit.end)
            for i in range(lo, hi):
                chars[i - unit.start] = " "
        return "".join(chars)

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)


NUMBER_BODY = (
    r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+(?:thousand|million))?|"
    + NUMBER_WORDS_PATTERN
    + r"|dozens|hundreds|thousands)(?![\w])"
)
