"""The scraped table format: an infobox rendered as a pipe table, then prose (seed Kalbajar).

Layout, as scrapers of rendered infoboxes leave it::

    Operation Kalbajar | |||||||          <- title row
    ---|---|---|---|---|---|---|---|      <- rule
    Part of First Nagorno-Karabakh War | |||||||
    <caption lines>
    Strength | |||||||                    <- label row (a known label alone on a row)
    3,500 servicemen | +2,000 servicemen | ||||||   <- value row: cells per belligerent
    Casualties and losses | |||||||
    ~4,000 servicemen killed |            <- one cell per line, the row goes on
    ~2,000 servicemen killed |
    ||||||                                <- a line of pipes ends a row
    35,000 civilians |                    <- a one-cell row after a two-cell row spans all columns
    Operation Kalbajar (Azerbaijani: ...  <- the first line with no pipe starts the prose

Two or more trailing pipes end a row; one trailing pipe ends a cell. Cells map to columns in
order; a one-cell row under the same label as a wider row is column 3 (the spanning row,
usually civilians); a lone one-cell row is column None.
"""

from __future__ import annotations

import re

from claims.model import InfoboxField, Problem, Section
from claims.readers.common import PART_OF, label_of, normalise_key
from claims.readers.structure import ParsedDocument, is_blank_value, lines_with_offsets

RULE = re.compile(r"^\s*-{3,}\s*\|(\s*-{3,}\s*\|)+\s*-*\s*$")
TRAILING_PIPES = re.compile(r"\s*\|[\s|]*$")
CELL_SEPARATOR = re.compile(r"\s\|\s")
ONLY_PIPES = re.compile(r"^[\s|]*\|[\s|]*$")
RESULT_LINE = re.compile(
    r"\b(victory|defeat|stalemate|inconclusive|ceasefire|withdrawal|armistice|truce)\b", re.I
)
HEADING_LINE = re.compile(r"^[A-Z][^.!?:;,|]{0,58}[^.!?:;,|\s]$")

Cell = tuple[int, int]  # start, end offsets into the text


def looks_like(text: str) -> bool:
    return any(RULE.match(line) for line in text[:16384].splitlines()[:80])


def _cells(text: str, start: int, end: int) -> tuple[list[Cell], int]:
    """Cells on one line and how many trailing pipes close it."""
    line = text[start:end]
    trailing = TRAILING_PIPES.search(line)
    pipes = 0
    content_end = end
    if trailing:
        pipes = trailing.group(0).count("|")
        content_end = start + trailing.start()
    cells: list[Cell] = []
    cursor = start
    for separator in CELL_SEPARATOR.finditer(text, start, content_end):
        cells.append(_trim(text, cursor, separator.start()))
        cursor = separator.end()
    cells.append(_trim(text, cursor, content_end))
    return [cell for cell in cells if cell[1] > cell[0]], pipes


def _trim(text: str, start: int, end: int) -> Cell:
    while start < end and text[start] in " \t\r":
        start += 1
    while end > start and text[end - 1] in " \t\r":
        end -= 1
    return start, end


def parse(text: str) -> ParsedDocument:
    lines = list(lines_with_offsets(text))
    rule_index = next(i for i, (_, s, e) in enumerate(lines) if RULE.match(text[s:e]))
    problems: list[Problem] = []
    prose: list[tuple[int, int]] = []

    title_index = rule_index - 1
    while title_index >= 0 and not text[lines[title_index][1] : lines[title_index][2]].strip():
        title_index -= 1
    title = ""
    if title_index >= 0:
        _, ts, te = lines[title_index]
        title = text[ts:te].split("|", 1)[0].strip()
    for number, start, end in lines[: max(title_index, 0)]:
        line = text[start:end].strip()
        if not line or line == title or line.endswith("|"):
            continue  # a repeated title, or a maintenance banner left by the scraper
        prose.append((start, end))

    fields: list[InfoboxField] = []
    label: str | None = None
    key: str | None = None
    row: list[tuple[Cell, int]] = []
    previous_width = 0
    values_under_label = 0
    label_line = 0
    body_start = len(text)

    def flush() -> None:
        nonlocal row, previous_width, values_under_label
        if not row:
            return
        if label is None:
            for (start, end), number in row:
                match = PART_OF.match(text[start:end])
                if match:
                    fields.append(
                        InfoboxField("Partof", "Part of", match.group("value"), start + match.start("value"), end, number)
                    )
        else:
            width = len(row)
            for index, ((start, end), number) in enumerate(row):
                if is_blank_value(text[start:end]):
                    continue
                if width > 1:
                    column: int | None = index + 1
                else:
                    column = 3 if previous_width > 1 else None
                fields.append(InfoboxField(key or label, label, text[start:end], start, end, number, column))
                values_under_label += 1
            if width > 3:
                problems.append(
                    Problem(f"{label}: a row has {width} cells; columns beyond 2 are kept as 3, 4, ...", row[0][1])
                )
            previous_width = width
        row = []

    def close_label() -> None:
        if label is not None and values_under_label == 0:
            problems.append(Problem(f"infobox row {label!r} has no values (names or icons stripped?)", label_line))

    empty_column: int | None = None  # a label row whose first cell is empty (`|` alone)
    key_of_empty: tuple[str, str] | None = None

    def next_line(after: int) -> str:
        for _, s, e in lines[after + 1:]:
            if text[s:e].strip():
                return text[s:e].strip()
        return ""

    index = rule_index + 1
    while index < len(lines):
        number, start, end = lines[index]
        line = text[start:end]
        if not line.strip():
            index += 1
            continue
        if line.lstrip().startswith("| ") and label is not None and row:
            # `French Union` / `| Việt Minh | |||`: the leading pipe closes the cell above.
            start = start + line.index("|") + 1
            line = text[start:end]
        if "|" not in line:
            if label is None and len(line) < 300:
                index += 1
                continue  # caption text before the first label
            if label is not None and len(line) < 300 and next_line(index).startswith("|"):
                row.append((_trim(text, start, end), number))  # a cell whose pipe is on the next line
                index += 1
                continue
            is_last = all(not text[s:e].strip() for _, s, e in lines[index + 1 :])
            if row and is_last:
                row.append((_trim(text, start, end), number))
                problems.append(Problem("the table's last row is not closed; the file may be truncated", number))
                index += 1
                continue
            break
        if line.strip() == "|" and label is not None and not row and values_under_label == 0 and previous_width == 0:
            # `Casualties and losses | ||||` then `|` alone: the first column's cell is empty.
            row.append(((start, start), number))
            empty_column = 1
            key_of_empty = (key or label, label)
            index += 1
            continue
        if ONLY_PIPES.match(line):
            flush()
            index += 1
            continue
        cells, pipes = _cells(text, start, end)
        if len(cells) >= 1 and not row and label_of(text, cells[0]) is not None:
            flush()
            close_label()
            label = label_of(text, cells[0])
            key = normalise_key(label)[0]
            label_line = number
            previous_width = 0
            values_under_label = 0
            row = [(cell, number) for cell in cells[1:]]
            if pipes >= 2 or pipes == 0:
                flush()
            index += 1
            continue
        row.extend((cell, number) for cell in cells)
        if pipes >= 2:
            flush()
        index += 1
    flush()
    close_label()

    sections: list[Section] = []
    if index < len(lines):
        body_start = lines[index][1]
        body_lines = lines[index:]
        first = body_lines[0]
        first_text = text[first[1] : first[2]].strip()
        if len(first_text) < 60 and RESULT_LINE.search(first_text) and not first_text.endswith("."):
            s, e = _trim(text, first[1], first[2])
            fields.append(InfoboxField("Result", "Result", text[s:e], s, e, first[0]))
            body_lines = body_lines[1:]
            body_start = body_lines[0][1] if body_lines else len(text)
            # Cells spilled below the table after the result line (the column whose cell was
            # empty): short lines with figures, up to the first line of prose.
            spilled = 0
            while key_of_empty is not None and body_lines and not _is_prose_line(text[body_lines[0][1]:body_lines[0][2]]):
                n, s, e = body_lines[0]
                s, e = _trim(text, s, e)
                if s < e and len(text[s:e]) <= 160 and re.search(r"\d", text[s:e]) and key_of_empty is not None:
                    fields.append(InfoboxField(key_of_empty[0], key_of_empty[1], text[s:e], s, e, n, empty_column))
                    spilled += 1
                elif s < e and len(text[s:e]) > 160:
                    break
                body_lines = body_lines[1:]
            if spilled:
                problems.append(Problem(
                    f"{spilled} {key_of_empty[1]} cells below the table, after the result line; read as "
                    f"column {empty_column} (the row's empty cell)", first[0] + 1))
                body_start = body_lines[0][1] if body_lines else len(text)
            elif key_of_empty is not None:
                body_start = lines[index + 1][1] if index + 1 < len(lines) else len(text)
        sections = _headings(text, body_lines)
        prose.append((body_start, len(text)))

    belligerents = tuple(
        _belligerent_name(f.value) for f in sorted(
            (f for f in fields if f.key == "Combatant" and f.column in (1, 2)), key=lambda f: f.column or 0
        )
    )
    seen_columns = {f.column for f in fields if f.key == "Combatant" and f.column in (1, 2)}
    if seen_columns != {1, 2}:
        belligerents = ()
    return ParsedDocument(
        title=title,
        infobox=tuple(fields),
        sections=sections,
        problems=tuple(problems),
        body_start=body_start,
        belligerents=belligerents,
        prose=tuple(prose),
    )


def _is_prose_line(line: str) -> bool:
    from claims.readers.rendered import is_prose

    return is_prose(line)


def _belligerent_name(value: str) -> str:
    """A column's belligerent, without hedged extras (`Alleged: Russian volunteers`)."""
    value = value.strip()
    if re.match(r"^(alleged|reportedly|claimed)\b", value, re.I):
        return ""
    return value


def _headings(text: str, lines: list[tuple[int, int, int]]) -> tuple[Section, ...]:
    """Short capitalised lines with no final punctuation, followed by text, are headings."""
    starts: list[tuple[str, int]] = []
    for i, (_, start, end) in enumerate(lines[:-1]):
        line = text[start:end].strip()
        following = text[lines[i + 1][1] : lines[i + 1][2]].strip()
        if HEADING_LINE.match(line) and len(line.split()) <= 8 and len(following) > len(line):
            starts.append((line, start))
    return tuple(
        Section(title, 2, start, starts[i + 1][1] if i + 1 < len(starts) else len(text))
        for i, (title, start) in enumerate(starts)
    )
