"""Tables of figures in the body of a page: a header row of what is counted and a row per
party (or the other way round), as a browser copies an HTML table (cells between tabs), a
converter writes it (a Markdown pipe table) or a PDF sets it in columns (two spaces or more
between cells, three cells or more)::

    Side        Killed   Wounded   Missing
    Union       3,155    14,531    5,369
    Confederate 2,592    12,709    5,150

Each number is a figure: what it counts comes from its column's header, whose it is from its
row's label (or the reverse when the parties head the columns). A table whose headers name
nothing the lexicon counts (a population table, an order of battle) gives nothing: its
numbers say nothing by themselves.
"""

from __future__ import annotations

import re

import attrs

from claims.extract.attribution import classify_claimant
from claims.extract.figures import LOSSES, kind_for
from claims.extract.quantities import find_quantities
from claims.extract.spans import build_claim, trim
from claims.lexicon import lexicon
from claims.model import Attribution, Category, Claim, Document, Population, Quantity, Side
from claims.readers.markdown_table import ROW, RULE, row_cells

Cell = tuple[int, int]

_DIGIT = re.compile(r"\d")
_BRACKETS = re.compile(r"\([^()]*\)")
_CATEGORIES = frozenset(c.value for c in Category)
_TOTAL = re.compile(r"(?i)^\W*(?:total|totals|overall|all|sum|both sides)\W*$")
_CIVILIAN = re.compile(r"(?i)\bcivilian")
_SOURCE_HEADER = re.compile(r"(?i)^\W*(?:sources?|according\s+to|claimed\s+by|reported\s+by|claimants?|estimated\s+by|per|by|cited\s+by"
                            r"|historians?|authors?|studies|study|works?"
                            r"|estimates?\s+by|figures?\s+by)\W*$")
# The first column's header over rows naming who estimates (`| Estimate | Killed |`).
_ESTIMATE_HEADER = re.compile(r"(?i)^\W*(?:estimates?|estimated|who)\W*$")
# A column of bare figures whose rows say what each counts (`| Claim | Source | Figure |`).
_FIGURE_HEADER = re.compile(r"(?i)^\W*(?:figures?|numbers?|counts?|estimates?|values?|totals?|claimed|claims?|toll|reported)\W*$")
_LOSS_HEADING = re.compile(r"(?i)\b(?:casualt|loss|losses|killed|dead|deaths|toll)")


@attrs.frozen
class Grid:
    """A table: its header cells and its rows of cells (offsets into the text)."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]


_SIDE_HEADER = re.compile(r"(?i)^\W*(?:side|party|belligerent|army|country|nationality)\W*$")
# Losses a cell's own words may name under a column of all losses (`5,000 KIA`, `700 POW`).
_LOSS_KINDS = LOSSES - {Category.CASUALTIES} | {Category.CAPTURED}
_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")


def _split_cells(text: str, start: int, end: int, separator: str) -> list[Cell]:
    """The cells of a line between ``separator``s, trimmed (the last may be empty: `Total | 177 |`)."""
    out, at = [], start
    for part in text[start:end].split(separator):
        out.append(trim(text, at, at + len(part), " \t*_\r"))
        at += len(part) + 1
    return out


def _cells(text: str, start: int, end: int) -> list[Cell] | None:
    """The cells of a table line (between tabs, between the pipes of a Markdown row, or in
    columns set by runs of spaces), trimmed; None for a line that is no table row."""
    line = text[start:end]
    if ROW.match(line):
        return row_cells(text, start, end)
    if "\t" not in line and line.count("|") >= 2 and " | " in line:
        # `Goma town | 17 | 0`: a table a text browser flattened, with no pipes at the ends
        return _split_cells(text, start, end, "|")
    if "\t" not in line:
        if "   " not in line:
            return None
        # A table a PDF or a typewriter set in columns (`Unit    Killed   Wounded`): three cells
        # or more, two spaces or more between them.
        out = [(start + m.start(), start + m.end()) for m in _ALIGNED_CELL.finditer(line.rstrip("\r"))]
        return out if len(out) >= 3 else None
    return _split_cells(text, start, end, "\t")


def _two_cells(text: str, start: int, end: int) -> list[Cell] | None:
    """The two cells of a line of a two-column table (`Government forces | 112`, or set apart by
    a run of spaces), else None: a table only under a header that names its measure."""
    line = text[start:end]
    if "\t" in line:
        return None
    if line.count("|") == 1 and " | " in line:
        return _split_cells(text, start, end, "|")
    out = [(start + m.start(), start + m.end()) for m in _ALIGNED_CELL.finditer(line.rstrip("\r"))]
    return out if len(out) == 2 and "   " in line else None


def find_grids(text: str, lo: int, hi: int) -> list[tuple[int, int, Grid]]:
    """(start, end, grid) of every table of two rows or more between ``lo`` and ``hi`` whose
    rows have as many cells as its header and whose header holds no number; blank lines may
    come between its rows."""
    out = []
    block: list[list[Cell]] = []
    block_start = block_end = lo

    def close() -> None:
        if len(block) >= 2:
            header, rows = block[0], block[1:]
            # (a header's brackets may hold a number: `Killings (M23)`)
            if (sum(1 for s, e in header if s < e) >= 2 and not any(_DIGIT.search(_BRACKETS.sub("", text[s:e])) for s, e in header[1:])
                    and all(len(r) == len(header) for r in rows) and any(_DIGIT.search(text, s, e) for r in rows for s, e in r[1:])
                    # (two columns make a table only under a measure: `Category | Killed`)
                    and (len(header) > 2 or _category(text[header[1][0]:header[1][1]]) is not None
                         and not _DIGIT.search(text, *header[0]))):
                out.append((block_start, block_end, Grid(tuple(header), tuple(tuple(r) for r in rows))))

    pos = lo
    header_at = lo
    while pos < hi:
        end = text.find("\n", pos, hi)
        end = hi if end == -1 else end
        line = text[pos:end]
        if block and (RULE.match(line) or not line.strip()):
            pass  # a rule under the header, or a blank line between rows (a page's rows as paragraphs)
        else:
            cells = _cells(text, pos, end)
            if cells is None and (not block or len(block[0]) == 2):
                cells = _two_cells(text, pos, end)
            if block and (cells is None or len(cells) < len(block[0])) and "\t" not in line and not ROW.match(line):
                cells = _under_columns(text, pos, end, [s - header_at for s, _ in block[0]]) or cells
            if not block:
                header_at = pos
            if cells is not None and len(cells) >= 2 and block and len(cells) != len(block[0]):
                close()  # another table right after (its header has another width)
                block = []
            if cells is not None and len(cells) >= 2:
                if not block:
                    block_start = pos
                block.append(cells)
                block_end = end
            else:
                close()
                block = []
        pos = end + 1
    close()
    return out


def _under_columns(text: str, start: int, end: int, columns: list[int]) -> list[Cell] | None:
    """The cells of a row set in columns that leaves some empty (`DMI      1,000` under `Source
    Killed    Notes`): each cell starts where a header cell does (two characters either way), the
    missing ones empty; None when a cell stands under no header cell or the first is missing."""
    found = [(m.start(), m.end()) for m in _ALIGNED_CELL.finditer(text, start, end)]
    if len(found) < 2 or len(columns) < 3:
        return None
    out: list[Cell] = []
    k = 0
    for column in columns:
        if k < len(found) and abs(found[k][0] - start - column) <= 2:
            out.append(found[k])
            k += 1
        else:
            out.append((min(start + column, end), min(start + column, end)))  # an empty cell
    if k < len(found) or out[0][0] == out[0][1]:
        return None
    return out


def _category(words: str) -> tuple[Category, bool] | None:
    """(category, counts equipment) for a header (`Killed`, `KIA`, `Tanks lost`), or None."""
    found = lexicon().table_measure(words)
    if found is None or found[0] not in _CATEGORIES:
        return None
    return Category(found[0]), found[1]


def _inside_brackets(text: str, start: int, at: int) -> bool:
    """Whether ``at`` is inside brackets opened after ``start``."""
    return text.count("(", start, at) > text.count(")", start, at)


def _heading_side(section: str | None, sides) -> Side | None:
    """The one party a heading names (`ISIL losses`, `Ukrainian losses — rival estimates`)."""
    if not section:
        return None
    named = {party for _, _, party in sides.party_mentions(section, 0, len(section))}
    if len(named) != 1:
        return None
    return sides.side_for_mention(named.pop(), f"the heading `{section.strip()}` over the table")


def grid_claims(document: Document, grid: Grid, sides, subject: str, section: str | None) -> list[Claim]:
    """The figures of a table: one claim per number cell under a header that says what it
    counts, the row's party (or the column's, when parties head the columns) its side."""
    text = document.text

    def words(cell: Cell) -> str:
        return text[cell[0]:cell[1]]

    def party_side(cell: Cell, where: str) -> Side:
        if _TOTAL.match(words(cell)):
            return Side(reason=f"the {where} `{words(cell)}` is a total of every party")
        for s, e, party in sides.party_mentions(text, cell[0], cell[1])[:1]:
            side = sides.side_for_mention(party, f"the table's {where} is {text[s:e]}")
            if side is not None:
                return side
        return Side(reason=f"the table's {where} `{words(cell)}` names no party")

    columns = [_category(words(c)) for c in grid.header]
    across = any(c is not None for c in columns[1:])
    # Rows that each say what they count, with who claims it and the figure in columns of
    # their own (`| ISIS fighters killed | SOHR | 163 |`).
    figure_columns: frozenset[int] = frozenset()
    if not across:
        # Parties head the columns and the rows say what is counted. (Places over the columns,
        # `| Indicator | Marib governorate | Marib city |`, are left to the sentences: a town's
        # figure and its province's would be set against each other.)
        rows = [_category(words(r[0])) for r in grid.rows]
        if not any(rows):
            return []
        if not any(sides.party_mentions(text, s, e) for s, e in grid.header[1:]):
            figure_columns = frozenset(k for k, c in enumerate(grid.header) if k and _FIGURE_HEADER.match(words(c)))
            if not figure_columns or not any(_SOURCE_HEADER.match(words(c)) for c in grid.header):
                return []
    # Weapons counted beside the dead, or under a losses heading, were lost.
    measures = columns if across else rows
    lost = bool(_LOSS_HEADING.search(section or "")) or any(c is not None and not c[1] for c in measures)
    column_sides = None if across or figure_columns else [None] + [party_side(c, "column") for c in grid.header[1:]]
    # A column that says whose figures each row gives (`Source`, `According to`), the first
    # column too (a note's table of rival estimates: `| Source | Killed | Wounded |`).
    source_column = next((k for k, c in enumerate(grid.header) if _SOURCE_HEADER.match(words(c))), None) \
        if across or figure_columns else None
    if source_column is None and across and _ESTIMATE_HEADER.match(words(grid.header[0])):
        source_column = 0
    # Whose figures a table of rival sources gives: the party its heading names (`## ISIL losses`).
    heading_side = _heading_side(section, sides) if source_column == 0 else None
    # A column that says whose each row's figures are (`| Source | Side | Killed |`).
    side_column = next((k for k, c in enumerate(grid.header) if _SIDE_HEADER.match(words(c))), None) if across else None
    # A measure's header may name whose it is (`French losses`); a party in brackets after the
    # measure may as well be who inflicted it (`Killings (M23)`), and is left open.
    column_parties = [party_side(c, "column") if across and any(
                          not _inside_brackets(text, c[0], s) for s, _, _ in sides.party_mentions(text, c[0], c[1])) else None
                      for c in grid.header]
    out: list[Claim] = []
    cells: list[tuple[int, bool]] = []  # each claim's column, and whether its row is a total
    block_side: Side | None = None  # the party a row of its own names, over the rows under it
    for r, row in enumerate(grid.rows):
        if across and all(s == e for s, e in row[1:]) and sides.party_mentions(text, row[0][0], row[0][1]):
            # `ISRAEL | |` over its formations' rows: whose the rows below are
            block_side = party_side(row[0], "block's heading row")
            continue
        if side_column is not None:
            row_side = party_side(row[side_column], "`" + words(grid.header[side_column]) + "` column")
        elif source_column == 0:
            row_side = heading_side or Side(reason="the rows are sources; the table's heading names no party")
        else:
            row_side = party_side(row[0], "row") if across else None
            if row_side is not None and row_side.name is None and block_side is not None and not _TOTAL.match(words(row[0])):
                row_side = block_side
        attribution = Attribution(document=document.id)
        if source_column is not None and (who := words(row[source_column]).strip()) and who[:1].isalpha():
            cls, claimant_side = classify_claimant(who, sides)
            attribution = Attribution(document=document.id, claimant=who, claimant_class=cls, claimant_side=claimant_side,
                                      evidence=f"the table's `{words(grid.header[source_column])}` column",
                                      source_span=row[source_column])
        for k, cell in enumerate(row[1:], start=1):
            if not _DIGIT.search(text, *cell):
                continue
            if across:
                counted, side = columns[k], row_side
                if side.name is None and column_parties[k] is not None:
                    side = column_parties[k]  # `| Source | French losses | Russian losses |`
            elif figure_columns:
                if k not in figure_columns:
                    continue
                counted, side = rows[r], party_side(row[0], "row")
            else:
                counted, side = rows[r], column_sides[k]
            if counted is None:
                continue
            category, equipment = counted
            found = [q for q in find_quantities(text, cell[0], cell[1], field_key="Casualties") if q.low is not None or q.high is not None]
            if len(found) > 1:
                # `2,610 KIA; 6,480 WIA`: figures that each say what they count, under a
                # column of losses; else the cell is not one figure of the column's measure
                found = [q for q in found if q.category in _LOSS_KINDS] if category is Category.CASUALTIES else []
            for q in found:
                out.append(_cell_claim(document, q, category, equipment and lost, grid.header[k] if across else row[0],
                                       labels=words(row[0]) + " " + words(grid.header[k]), side=side,
                                       subject=subject, attribution=attribution, section=section,
                                       field=words(grid.header[k] if across else row[0]) or None))
                cells.append((k, _TOTAL.match(words(row[0])) is not None))
    # A `Total` row sums the rows above it, column by column: they are its parts, never its
    # rivals (`Government forces 112 ... Total 340`).
    totals = {k: out[i].id for i, (k, is_total) in enumerate(cells) if is_total and across}
    return [attrs.evolve(c, part_of=totals[k]) if k in totals and not is_total else c
            for c, (k, is_total) in zip(out, cells)]


def _cell_claim(document: Document, q, category: Category, is_lost: bool, unit_cell: Cell, *,
                labels: str, side: Side, subject: str, attribution: Attribution, section: str | None,
                field: str | None) -> Claim:
    """One figure of a table's cell: the measure its column (or row) says, unless the cell's own
    words say which of the losses it counts (`5,000 KIA` under `Vietnamese losses`)."""
    if category is Category.CASUALTIES and q.category in _LOSS_KINDS:
        category = q.category
    population = Population.CIVILIAN if _CIVILIAN.search(labels) else q.population
    if population is Population.UNKNOWN:
        # `ISIS fighters killed`: the label's people say whom the bare figure counts
        senses = [lexicon().nouns.get(w) for w in labels.lower().split()]
        if any(n is not None and n.group == "people" and n.population == "military" for n in senses):
            population = Population.MILITARY
    if population is Population.CIVILIAN:
        side = Side(reason="civilians: not a belligerent's figure")
    value = Quantity(low=q.low, high=q.high, qualifier=q.qualifier, category=category, population=population,
                     unit=document.text[unit_cell[0]:unit_cell[1]].strip() or None, lost=is_lost)
    return build_claim(document, kind=kind_for(category, is_lost), subject=subject, side=side, value=value,
                       start=q.start, end=q.end, attribution=attribution, rule="prose.table",
                       section=section, field=field)
