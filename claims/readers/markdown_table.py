"""An infobox saved as a Markdown pipe table (an HTML page converted to Markdown, a note).

Layout, as HTML-to-Markdown converters leave a rendered infobox::

    | Battle of Karsk | |                  <- header row: the title
    | --- | --- |                          <- rule
    | Part of the Northern War | |
    | Date | 3–9 March 1878 |               <- a label and its value
    | Belligerents | |                     <- a label alone on its row
    | Kingdom of Prussia | Austrian Empire |   <- its values, one cell per column
    | Casualties and losses | |
    | 2,100 killed<br>6,300 wounded | 4,800 killed |
    | 35,000 civilians | |                  <- one value after a wider row spans all columns

A table is an infobox only when a row starts with an infobox label (`Belligerents`,
`Strength`, ...); any other table is left to the prose. Offsets are the cells' own.
"""

from __future__ import annotations

import re

from claims.model import InfoboxField, Problem
from claims.readers.common import PART_OF, label_of, normalise_key
from claims.readers.structure import is_blank_value

ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*\r?$")
RULE = re.compile(r"^[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?|:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?)[ \t]*\r?$")
BREAK = re.compile(r"(?i)<br\s*/?>")
# `[text](url "title")`; a footnote link (`[[1]](url)`, `[1](#cite_note-1)`) is no text at all.
LINK = re.compile(r"\[(?P<text>[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*)\]\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\)")
FOOTNOTE = re.compile(r"^\[?\d{1,3}\]?$|^\[?[a-z]\]?$|^\[?(?:note|nb|citation needed)[^\]]*\]?$", re.I)
_CELL_EDGE = " \t*_"

Cell = tuple[int, int]


def row_cells(text: str, start: int, end: int) -> list[Cell]:
    """The cells of one row, trimmed of spaces and emphasis marks; `\\|` is no separator."""
    line = text[start:end].rstrip("\r")
    first = line.index("|")
    last = line.rindex("|")
    cells: list[Cell] = []
    cursor = start + first + 1
    for m in re.finditer(r"(?<!\\)\|", line[first + 1:last + 1]):
        at = start + first + 1 + m.start()
        cells.append(_trimmed(text, cursor, at, _CELL_EDGE))
        cursor = at + 1
    return cells


def _trimmed(text: str, s: int, e: int, edge: str = _CELL_EDGE + ",;") -> Cell:
    """``(s, e)`` without the ``edge`` characters at either end."""
    while s < e and text[s] in edge:
        s += 1
    while e > s and text[e - 1] in edge:
        e -= 1
    return s, e


def _lines_of(text: str, cell: Cell) -> list[Cell]:
    """A cell's lines (converters keep a cell's line breaks as `<br>`), and within a line
    its links' texts and the words between them: `[Karl von Leiben](url)` is `Karl von
    Leiben`; footnote links are dropped."""
    out: list[Cell] = []
    cursor = cell[0]
    for m in list(BREAK.finditer(text, cell[0], cell[1])) + [None]:
        lo, hi = cursor, (m.start() if m else cell[1])
        at = lo
        for link in LINK.finditer(text, lo, hi):
            out.append(_trimmed(text, at, link.start()))
            words = _trimmed(text, *link.span("text"))
            if not FOOTNOTE.match(text[words[0]:words[1]]):
                out.append(words)
            at = link.end()
        out.append(_trimmed(text, at, hi))
        cursor = m.end() if m else cell[1]
    return [(s, e) for s, e in out if s < e and not is_blank_value(text[s:e])]


def find_infobox(text: str, lines: list[tuple[int, int, int]], limit: int = 200) -> tuple[int, int, int] | None:
    """(index of the table's first line, index after its last line, index of its rule) of the
    first Markdown table among the first ``limit`` lines that has an infobox label, or None."""
    index = 0
    while index < min(len(lines), limit):
        _, s, e = lines[index]
        if RULE.match(text[s:e]) and index > 0 and ROW.match(text[lines[index - 1][1]:lines[index - 1][2]]):
            top = index - 1
            bottom = index + 1
            while bottom < len(lines) and ROW.match(text[lines[bottom][1]:lines[bottom][2]]):
                bottom += 1
            rows = [lines[top]] + lines[index + 1:bottom]
            if any(label_of(text, c[0]) for _, rs, re_ in rows if (c := row_cells(text, rs, re_))):
                return top, bottom, index
            index = bottom
            continue
        index += 1
    return None


def following_tables(text: str, lines: list[tuple[int, int, int]], bottom: int) -> list[tuple[int, int, int]]:
    """(top, bottom, rule) of each table right after an infobox table, blank lines between,
    that has infobox labels too: a converter that writes each section of the box as a table of
    its own (`| Belligerents | |` over a rule, then the names)."""
    out = []
    while True:
        index = bottom
        while index < len(lines) and not text[lines[index][1]:lines[index][2]].strip():
            index += 1
        table = find_infobox(text, lines[index:], limit=2)
        if table is None:
            return out
        top, bottom, rule = (index + k for k in table)
        out.append((top, bottom, rule))


def parse_infobox(text: str, lines: list[tuple[int, int, int]], top: int, rule: int, bottom: int
                  ) -> tuple[str, list[InfoboxField], list[Problem]]:
    """The title (the header row's first cell, when no label) and the fields of the table."""
    fields: list[InfoboxField] = []
    problems: list[Problem] = []
    title = ""
    label: str | None = None
    key: str | None = None
    previous_width = 0
    for number, start, end in [lines[top]] + lines[rule + 1:bottom]:
        cells = row_cells(text, start, end)
        filled = [(i, c) for i, c in enumerate(cells) if not is_blank_value(text[c[0]:c[1]])]
        if not filled:
            continue
        head = label_of(text, cells[0]) if cells else None
        if head is not None:
            label, key, previous_width = head, normalise_key(head)[0], 0
            values = [(i, c) for i, c in filled if i > 0]
            if len(values) == 1:
                fields.extend(InfoboxField(key, label, text[s:e], s, e, number) for s, e in _lines_of(text, values[0][1]))
            elif len(values) > 1:
                for n, (_, c) in enumerate(values, start=1):
                    fields.extend(InfoboxField(key, label, text[s:e], s, e, number, n) for s, e in _lines_of(text, c))
                previous_width = len(values)
            continue
        if label is None:
            (_, (s, e)), = filled[:1]
            part = PART_OF.match(text[s:e])
            if part:
                fields.append(InfoboxField("Partof", "Part of", part.group("value"), s + part.start("value"), e, number))
            elif number == lines[top][0] and not title:
                title = text[s:e]
            continue
        if len(filled) > 1:
            for i, cell in filled:
                fields.extend(InfoboxField(key, label, text[s:e], s, e, number, i + 1) for s, e in _lines_of(text, cell))
            if len(filled) > 2:
                problems.append(Problem(f"{label}: a row has {len(filled)} cells; columns beyond 2 are kept as 3, 4, ...", number))
            previous_width = len(filled)
        else:
            (_, cell), = filled
            column = 3 if previous_width > 1 else None
            fields.extend(InfoboxField(key, label, text[s:e], s, e, number, column) for s, e in _lines_of(text, cell))
    return title, fields, problems
