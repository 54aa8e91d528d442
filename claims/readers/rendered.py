"""Rendered infobox pages: the infobox as page text, as mirrors and scrapers leave it.

Most copies of an encyclopedia page keep neither the export's `- Key: Value` lines nor a pipe
table: the infobox is flattened into lines of page text. This reader knows these layouts:

- label lines alone (`Belligerents`, `Commanders and leaders`, `Units involved`, `Strength`,
  `Casualties and losses`, `Territorial changes`), possibly ending in a pipe (`Strength |`) or
  split over two lines (`Territorial` / `changes |`);
- labels glued to their value or on the line before it (`Date14 January – 20 February 2015`,
  `LocationDebaltseve`, `Result British victory`, `Date |` then the value);
- template-parameter dumps (`Strength1:13 March:` with the values on the following lines,
  `Casualties2:French estimate:`, `Commander1:`), where the number is the column;
- one cell per line, `  • ` bullets, cells closed by a trailing ` |` or a line of pipes (each
  closed cell is the next column);
- flag icons: their alt text before a name (`United Kingdom Lt. Col. Herbert Jones`), image
  file names (`Flag of X.svg Name`, `... .svg Name`), a belligerents line where the alt text
  repeats each name (`Argentina Argentina United Kingdom United Kingdom`) or where the icons
  left double spaces between the columns (` Ukraine  Donetsk People's Republic`);
- headers over cells: claimants (`Western historians estimate:`, `Vietnamese figures:`, `Per
  Ukraine:`), time points (`13 March:`, `As of March 13:`, `Initial:`, `At the time of ...:`,
  also inside a cell), and side sub-headers naming a belligerent (`Local Forces:`);
- notes: a bracketed line after a cell (`(Ukrainian claim)`, `(as of 19 February)`) belongs to
  that cell; asterisk footnotes (`185 killed[*]` ... `* Number updated to 269`) belong to the
  column of the cell that cites them; a sentence after the cells is a note;
- a strength block with no `Strength` label (figures under the commanders or the units), a
  belligerents block with no label (the lines just before `Commanders and leaders`);
- page noise: `Jump to navigation`, `From Wikipedia, the free encyclopedia`, image file
  names and captions, map widgets (`Map`, `6km`, `3.7miles`, the map's place labels),
  coordinates, `Location within X`, `[show]`, `v`/`t`/`e`.

Columns are set only when the structure says so (a parameter number, a pipe-closed cell, a
side sub-header, a flag naming a belligerent); every other cell keeps ``column=None`` and the
claimant header, time label, group and block that let extraction split the cells into
columns (`claims.extract.infobox`). The infobox region ends at the first line of running
prose; nothing in it but notes is prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.lexicon import lexicon
from claims.model import InfoboxField, Problem, Section
from claims.readers.common import normalise_key
from claims.readers.places import place_at
from claims.readers.structure import END_SECTIONS, ParsedDocument, back_matter_start, lines_with_offsets

# Labels that open a block of cells, and single-valued labels (value glued or on the next line).
SECTION_LABELS = {
    "belligerents": "Combatant",
    "combatants": "Combatant",
    "commanders and leaders": "Commander",
    "commanders & leaders": "Commander",
    "commanders": "Commander",
    "commander": "Commander",
    "leaders": "Commander",
    "units involved": "Units",
    "units": "Units",
    "strength": "Strength",
    "casualties and losses": "Casualties",
    "casualties & losses": "Casualties",
    "casualties": "Casualties",
    "losses": "Casualties",
    "territorial changes": "Territory",
}
# A label glued to its first value (`Commanders and leadersAdolf Hitler`, `Strength 6,000`).
_LATIN = re.compile(r"[A-Za-z]")
_GLUED_SECTION = re.compile(
    r"^(?P<label>Belligerents|Combatants|Commanders and leaders|Commanders & leaders|Commanders|Units involved"
    r"|Strength|Casualties and losses|Casualties & losses|Casualties|Losses)"
    # (whose the row is: `Casualties and losses (Taliban) :: 200+ killed`)
    r"(?P<about>[ \t]+\([^()\n]{1,40}\))?(?P<sep>\s*(?:::|[:|])\s*|\s*)(?P<value>\S.*)$"
)
STRONG_LABELS = {"belligerents", "commanders and leaders", "casualties and losses", "units involved", "territorial changes"}
INLINE_LABELS = {
    "date": "Date",
    "location": "Place",
    "place": "Place",
    "result": "Result",
    "status": "Status",
    "territorial changes": "Territory",
    "part of": "Partof",
}
DUMP_KEYS = {
    "conflict", "partof", "part of", "date", "place", "location", "coordinates", "map type", "map_type",
    "result", "status", "territory", "combatant", "commander", "units", "strength", "casualties",
    "notes", "image", "caption", "image_size", "map_caption", "map_relief", "map_size", "map_marker",
    "latitude", "longitude", "campaignbox", "casualties3", "combatant3",
}
FIGURE_KEYS = {"Strength", "Casualties", "Note"}
COLUMN_KEYS = {"Combatant", "Commander", "Units", "Strength", "Casualties", "Note"}

_INLINE_RE = re.compile(
    r"^(?P<label>Date|Location|Place|Result|Status|Territorial changes)"
    r"(?P<sep>\s*(?:::|[:|])\s*|\s+|)(?P<value>.*?)\s*$"
)
_DUMP_RE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z_ ]{1,24}?)(?P<num>\d)?\s*::?\s*(?P<value>.*?)\s*$")
_TRAILING_PIPES = re.compile(r"\s*\|[\s|]*$")
_ONLY_PIPES = re.compile(r"^[\s|]*\|[\s|]*$")
_CELL_SEPARATOR = re.compile(r"\t+|[ \t]+\|[ \t]+")
_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●]|-(?=\s)|–(?=\s))\s*")
_FOOTNOTE_LINE = re.compile(r"^(?P<stars>\*+)\s*(?=\S)")
_REFS = re.compile(r"(?:\s*\[(?:\d{1,3}|[a-z]|\*+|Note \d+|note \d+|citation needed|nb \d+)\](?::p?p?\.?\s?[\d–-]+)?)+")
_IMAGE = re.compile(r"(?:File:|Image:)?[^\n]*?\.(?:svg|png|jpe?g|gif|webp|tiff?)\b\s*", re.I)
_PART_OF = re.compile(r"^Part of\s+(?P<value>\S.*?)\s*$")
_PARENTHETICAL = re.compile(r"^\((?P<inner>[^()]*(?:\([^()]*\)[^()]*)*)\)(?:\[[^\]]*\])*\.?$")
_ECHELON = re.compile(
    r"(?i)\b(?:army\s+group|army|armies|corps|division|brigade|regiment|battalion|batallion|company|companies"
    r"|detachment|squadron|platoon|flotilla|fleet|group|front|legion|units?|forces|guard|militia|navy|air\s+force"
    r"|marines?|police|task\s+force|wing|battery|command)\b"
)
_FIGURE_START = re.compile(r"^(?:[~≈c]\.?\s?|ca\.\s?|about\s+|over\s+|up\s+to\s+|some\s+|at\s+least\s+|more\s+than\s+|\+)?\d")
_ORDINAL_START = re.compile(r"^\d+(?:st|nd|rd|th)\b")
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_DATE_WORDS = re.compile(rf"\b(?:\d{{1,2}}\s+{_MONTHS}|{_MONTHS}\s+\d{{1,2}}\b|{_MONTHS}\s+\d{{4}}|(?:1[0-9]|20)\d{{2}})\b")
_TIME_START = re.compile(
    r"(?i)^(?:as\s+of|as\s+at|by|before|after|until|till|from|since|on|in|at\s+(?:the\s+)?(?:time|start|end|height|peak|beginning|outset|close)\b"
    r"|initial(?:ly)?|final(?:ly)?|peak|maximum|max\.|minimum|early|late|mid|start|end|later|eventually|"
    r"first|second|third|last)\b"
)
_CLAIMANT_HEADER = re.compile(
    r"^(?:(?:[Pp]er|[Aa]s\s+per|[Aa]ccording\s+to)\s+(?P<who>.{2,60})"
    r"|(?P<label>.{2,60}?\b(?:estimates?|figures?|claims?|data|sources|count|reports?|statistics|sources\s+estimate)))$"
)
# A label inside a cell: a time point or a claimant header followed by `: ` and more text.
_INLINE_HEADER = re.compile(
    rf"(?:(?<=^)|(?<=\s)|(?<=\]))(?P<label>"
    rf"[Aa]s\s+of\s+[^:;\n]{{2,40}}?"
    rf"|[Ii]nitial(?:ly)?|[Ff]inal|[Pp]eak"
    rf"|[Aa]t\s+the\s+(?:time|start|end|height|peak|beginning)\b[^:;\n]{{0,80}}?"
    rf"|\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?|{_MONTHS}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    rf"|(?:[Pp]er|[Aa]ccording\s+to)\s+[A-Z][^:;\n\d]{{1,50}}?"
    rf"|[A-Z][\w\-]*(?:\s+[\w\-]+){{0,3}}?\s+(?:estimates?|figures|claims?|data|sources|count)"
    rf")\s*:(?=\s|$)"
)
_NOISE = [
    re.compile(p, re.I)
    for p in (
        r"^jump to\b",
        r"^from wikipedia\b",
        r"^this page uses content from\b",
        r"^this article is about\b",
        r"^(?:for|not to be confused with)\b.{0,200}\bsee\b",
        r"^coordinates\s*:",
        r"^map type\s*:",
        r"^location\s+(?:of\s+.{1,120}\s+)?within\b",
        r"^\[(?:show|hide|edit)\]$",
        r"^[vte]$",
        r"^(?:v\s*t\s*e)$",
        r"^class=",
        r"^(?:wikimedia commons has media related to|retrieved from)\b",
        r"^\(\d+\s+(?:years?|months?|weeks?|days?)\b[^)]*\)$",
    )
]
_IMAGE_LINE = re.compile(r"^\S.*\.(?:svg|png|jpe?g|gif|webp|tiff?)$", re.I)
_COORDINATES = re.compile(r"\d+(?:\.\d+)?\s*°\s*\d*.{0,12}?[NS]\b|\d+\.\d+°?\s*[NS]\b.*[EW]\b|^-?\d+\.\d+;\s*-?\d+\.\d+$")
_MAP_MARKERS = [
    re.compile(p, re.I)
    for p in (r"^map$", r"^about openstreetmaps?$", r"^maps?\s*:\s*terms of use$", r"^\d+(?:\.\d+)?\s?(?:km|mi|miles)$")
]
_FUNCTION_WORDS = {
    "the", "a", "an", "of", "in", "on", "was", "were", "is", "are", "and", "to", "by", "with", "from",
    "that", "which", "as", "at", "for", "had", "has", "have", "it", "its", "after", "between",
    "during", "their", "his", "her", "this", "be", "been", "but", "not", "they", "into", "who",
}
_NAME_PARTICLES = {
    "of", "the", "and", "de", "del", "della", "da", "do", "dos", "du", "la", "le", "les", "al", "el",
    "von", "van", "der", "den", "for", "by", "bin", "ibn", "y", "e", "&",
}
_DEMONYM_WORD = re.compile(r"[A-Z][a-z]+(?:ish|ch|an|ese|ian|ic)")
_CAPTURE_VERBS = re.compile(
    r"(?i)\b(?:captures?|captured|recaptures?|recaptured|seize[sd]?|takes?|took|retakes?|retook|"
    r"controls?|controlled|annex(?:es|ed)?|occup(?:y|ies|ied)|regain(?:s|ed)?|los[te]s?|cede[sd]?)\b"
)


_TOTAL_ROW = re.compile(r"(?i)[ \t]*(?:total|overall|combined|in\s+total|grand\s+total)\b[^:\n\d]{0,30}:")


#: A sub-header over civilians' figures in a belligerents' infobox block.
CIVILIAN_HEADER = re.compile(r"(?i)(?:civilians?|civilian\s+(?:casualties|losses|deaths|toll)|non-combatants)")


def _initials(name: str) -> str:
    """`Donetsk People's Republic` -> `dpr`: its capitalised words' first letters."""
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'’\-]*", name)).lower()


def _clean(text: str) -> str:
    return _REFS.sub("", text).strip().rstrip(";,").strip()  # (`Afghanistan; United States`: the list's separator)


def _trim(text: str, a: int, b: int, chars: str = " \t\r") -> tuple[int, int]:
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b


def _strip_refs_end(text: str, a: int, b: int) -> int:
    """The end of ``text[a:b]`` without trailing footnote markers (`Name[4]` -> `Name`)."""
    m = re.search(r"(?:\s*\[[^\[\]\n]{1,20}\])+\s*$", text[a:b])
    return a + m.start() if m and m.start() > 0 else b


# A cell of a layout aligned by runs of spaces: text up to three or more spaces.
_ALIGNED_PIECE = re.compile(r"\S(?:[^\n]*?\S)?(?= {3,}|\s*$)")


def is_noise(line: str) -> bool:
    """Page furniture with nothing to claim: navigation, licence lines, images, coordinates."""
    s = line.strip()
    if not s:
        return False
    if any(p.search(s) for p in _NOISE):
        return True
    if _IMAGE_LINE.match(s) and len(s) < 200:
        return True
    if _COORDINATES.search(s) and not re.search(r"[a-z]{4,}", _COORDINATES.sub("", s)):
        return True
    return False


def is_map_marker(line: str) -> bool:
    s = line.strip()
    return any(p.match(s) for p in _MAP_MARKERS)


_VERSUS = re.compile(r"[ \t]+(?:vs\.?|v\.|versus)[ \t]+", re.I)
_SPACE_RUN = re.compile(r"[ \t]{2,}")


def is_prose(line: str) -> bool:
    """A line of running prose: a sentence with the function words of running text."""
    s = line.strip()
    if not s or _BULLET.match(s) or _FOOTNOTE_LINE.match(s):
        return False
    if len(s.split()) < 15:
        return False
    words = re.sub(r"\([^()]*\)", " ", s).split() or s.split()
    function = sum(1 for w in words if w.lower().strip(",.;:()\"'“”") in _FUNCTION_WORDS)
    if function / len(words) < 0.2:
        # Dense sentences of figures have few function words; two full sentences still are prose.
        return function / len(words) >= 0.12 and len(re.findall(r"[a-z0-9)\]][.!?][\"”’)]?\s+[A-Z]", s)) >= 1 \
            and bool(re.search(r"[.!?][\"”’)]?\s*$", s))
    if len(words) >= 25 and function / len(words) >= 0.25:
        return True  # a paragraph cut off mid-sentence
    return bool(re.search(r"[.!?][\"”’)]?(?:\[[^\]]*\])*\s*$", s) or re.search(r"[a-z)\]][.!?][\"”’)]?(?:\[[^\]]*\])*\s+[A-Z]", s))


def _section_label(line: str) -> str | None:
    s = _TRAILING_PIPES.sub("", line).strip().rstrip(":").strip()
    return s.lower() if s.lower() in SECTION_LABELS else None


def _glued_section(line: str) -> re.Match | None:
    m = _GLUED_SECTION.match(line.strip())
    if m is None or is_prose(line) or re.match(r"\d\s*:", m.group("value")):
        return None
    value = m.group("value")
    if not (value[0].isupper() or value[0].isdigit() or value[0] in "(~[«\"“•≈+"):
        return None
    return m


def _dump_match(line: str) -> re.Match | None:
    m = _DUMP_RE.match(line.strip())
    if m and m.group("key").strip().lower() in DUMP_KEYS:
        return m
    return None


def _inline_match(line: str) -> re.Match | None:
    m = _INLINE_RE.match(_TRAILING_PIPES.sub("", line).strip())
    if not m:
        return None
    value, sep = m.group("value"), m.group("sep")
    if value and not sep:
        # Glued: the value must start like a value (`Date14 January`, `LocationDebaltseve`).
        if not (value[0].isupper() or value[0].isdigit() or value[0] in "(~[«\"“"):
            return None
    elif value and sep.strip() == "" and not (value[0].isupper() or value[0].isdigit() or value[0] in "(~[«\"“"):
        return None  # `Location of X within Y`, `Results of ...`: prose, not a label
    return m


def looks_like(text: str) -> bool:
    """Two or more infobox landmarks (label lines, glued labels, parameter lines) near the top."""
    strong: set[str] = set()
    weak: set[str] = set()
    numbered_dump = 0
    for line in text[:20000].splitlines()[:160]:
        s = line.strip()
        if not s or len(s) > 300:
            continue
        label = _section_label(s)
        if label is None and _glued_section(s) is not None:
            label = _glued_section(s).group("label").lower()
        if label is not None:
            (strong if label in STRONG_LABELS else weak).add(label)
            continue
        dump = _dump_match(s)
        if dump is not None:
            key = dump.group("key").strip().lower()
            if dump.group("num") and key in ("combatant", "commander", "strength", "casualties", "units"):
                numbered_dump += 1
            continue
        inline = _inline_match(s)
        if inline is not None and inline.group("value") and inline.group("label") in ("Date", "Location", "Result"):
            weak.add(inline.group("label").lower())
    sections = {SECTION_LABELS[x] for x in strong | weak if x in SECTION_LABELS}
    return (len(strong) >= 2 or (len(strong) >= 1 and len(weak) >= 1) or len(sections) >= 3
            or numbered_dump >= 2)


def _region_start(text: str, lines: list[tuple[int, int, int]]) -> int:
    for index, (_, s, e) in enumerate(lines[:400]):
        line = text[s:e].strip()
        if not line:
            continue
        if _section_label(line) or _glued_section(line) or _dump_match(line) or (_inline_match(line) and not is_prose(line)):
            return index
    raise StopIteration  # read_text falls back to plain text


@dataclass
class _Cell:
    key: str
    label: str
    start: int
    end: int
    line: int
    block: int
    group: int
    column: int | None = None
    column_reason: str | None = None
    claimant: str | None = None
    claimant_start: int | None = None
    time_label: str | None = None
    time_start: int | None = None
    bullet: bool = False
    subheader: str | None = None
    flag: str | None = None
    footnote: str | None = None
    note_of: int | None = None


@dataclass
class _Entry:
    """One belligerent named in the belligerents block."""

    name: str
    start: int
    end: int
    line: int
    line_index: int
    group: int
    alias: str | None = None
    column: int | None = None
    reason: str | None = None  # how the column was decided
    split: bool = False  # the line had double spaces (flag icons) between entries


@dataclass
class _Section:
    key: str
    label: str
    block: int
    pipe: bool = False
    column: int | None = None  # from a parameter number (`Strength1:`)
    pipe_column: int = 1
    cell_open: bool = False
    filled: bool = False  # a single-valued section has its value
    claimant: tuple[str, int] | None = None
    time: tuple[str, int] | None = None
    subheader: str | None = None
    implicit: str | None = None
    line: int = 0
    #: After a line of tab-separated cells, the column its last cell goes on in (a browser
    #: copies a table row as its cells joined by tabs, line breaks kept inside each cell).
    tail_column: tuple[int, str] | None = None


@dataclass
class _Pending:
    line_index: int
    start: int
    end: int
    line: int
    group: int
    bullet: bool


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = list(lines_with_offsets(text))
        self.cells: list[_Cell] = []
        self.entries: list[_Entry] = []
        self.problems: list[Problem] = []
        self.section: _Section | None = None
        self.block = 0
        self.group = 0
        self.last_blank = True
        self.last_bullet: bool | None = None
        self.pending: list[_Pending] = []
        self.seen_keys: set[str] = set()
        self.noise_zone = False
        self.dump = False
        self.belligerents: tuple[str, ...] = ()
        self.forced: tuple[int, str] | None = None
        #: Where each column starts in a layout aligned by runs of spaces (see ``_aligned_cells``).
        self.column_x: list[int] | None = None
        self.open_pipe_cell = False
        self._skip_next: int | None = None
        self.side_headers: list[_Entry] = []

    # -- the region ---------------------------------------------------------------------------

    def run(self) -> ParsedDocument:
        text, lines = self.text, self.lines
        first = _region_start(text, lines)
        self.dump = sum(1 for _, s, e in lines[first:first + 200] if _dump_match(text[s:e])) >= 3
        title, prose = self._head(first)
        end_index = len(lines)
        for index in range(first, len(lines)):
            _, s, e = lines[index]
            if text[s:e].strip().rstrip(":").lower() in END_SECTIONS:
                end_index = index  # `References` after an infobox at the end of the page
                break
            if (is_prose(text[s:e]) or self._wrapped_prose(index) or self._heading_over_sentences(index)
                    or self._short_paragraph(index)) and not self._label_ahead(index):
                end_index = index
                break
        for index in range(first, end_index):
            self._line(index)
        self._flush_pending(None)
        self._close_section()
        self._finish()
        body_start = lines[end_index][1] if end_index < len(lines) else len(text)
        if end_index >= len(lines) and self.cells:
            last = max(self.cells, key=lambda c: c.end)
            tail = text[last.start:last.end]
            if last.end >= len(text.rstrip()) and (
                re.search(r"\([^)]*$", tail) or re.search(r"(?:[&,;(]|\band|\bof)$", tail) or self.open_pipe_cell
            ):
                self.problems.append(Problem("the infobox's last cell is cut off at the end of the file (an unclosed "
                                             "bracket, a dangling word or an unclosed cell); the file may be truncated",
                                             last.line))
        sections = _headings(text, lines[end_index:])
        if body_start < (end := back_matter_start(text, body_start)):
            prose.append((body_start, end))
        return ParsedDocument(
            title=title,
            infobox=tuple(self._fields()),
            sections=sections,
            problems=tuple(self.problems),
            body_start=body_start,
            belligerents=self.belligerents,
            prose=tuple(prose),
        )

    def _wrapped_prose(self, index: int) -> bool:
        """The first line of a paragraph a text-mode browser or a mail client wrapped at a fixed
        width: lines of about the same, full length after a blank line that read as prose
        together."""
        lines, text = self.lines, self.text
        if index == 0 or text[lines[index - 1][1]:lines[index - 1][2]].strip():
            return False
        parts = []
        for _, s, e in lines[index:index + 12]:
            line = text[s:e].strip()
            if not line:
                break
            parts.append(line)
        if len(parts) < 2 or any(len(p) < 50 for p in parts[:-1]) or any(_section_label(p) for p in parts):
            return False
        return is_prose(" ".join(parts))

    def _label_ahead(self, index: int, lines_ahead: int = 2) -> bool:
        """A label line within the next few lines: a long line inside the infobox (a result
        told in a sentence), not the start of the prose."""
        line = self.text[self.lines[index][1]:self.lines[index][2]].strip()
        if len(line.split()) >= 40 or len(re.findall(r"[a-z)\]][.!?](?:\s|$)", line)) > 1:
            return False  # a paragraph, not a cell told in a sentence
        seen = 0
        for following in range(index + 1, len(self.lines)):
            _, s, e = self.lines[following]
            line = self.text[s:e].strip()
            if not line:
                continue
            if _section_label(line) or (self.dump and _dump_match(line)):
                # A heading over a paragraph (`Casualties` and then prose) is the article's own
                # section, not a label of the infobox.
                return not (_section_label(line) and self._heads_prose(following))
            if is_prose(line):
                return False
            seen += 1
            if seen >= lines_ahead:
                return False
        return False

    def _short_paragraph(self, index: int) -> bool:
        """A paragraph of sentences too short to read as prose by itself (`Prussian losses were
        severe: 13,773 men. The Austrians lost 8,114.`), after a blank line: the body."""
        lines, text = self.lines, self.text
        if index == 0 or text[lines[index - 1][1]:lines[index - 1][2]].strip():
            return False
        line = text[lines[index][1]:lines[index][2]].strip()
        words = line.split()
        return len(words) >= 8 and bool(re.search(r"[a-z)\]][.!?][\"”’)]?$", line)) and sum(
            1 for w in words if w.lower().strip(",.;:") in _FUNCTION_WORDS) >= 2 and bool(
            re.search(r"[a-z)\]][.!?][\"”’)]?\s+[A-Z]", line) or len(words) >= 12)

    def _heading_over_sentences(self, index: int) -> bool:
        """A short standalone heading (`Background`) with sentences under it: the article's
        body, even when its first paragraph is too short to read as prose by itself."""
        lines, text = self.lines, self.text
        line = text[lines[index][1]:lines[index][2]].strip()
        if not line or len(line.split()) > 4 or re.search(r"[\d:|.,;()]", line) or not line[:1].isupper() \
                or _section_label(line) or (index > 0 and text[lines[index - 1][1]:lines[index - 1][2]].strip()):
            return False
        following = self._line_under(index)
        words = (following or "").split()
        # (a sentence may end on its figure: `... put rebel deaths at 80.`)
        return len(words) >= 8 and bool(re.search(r"[a-z0-9)][.!?][\"”’)]?$", following)) and sum(
            1 for w in words if w.lower().strip(",.;:") in _FUNCTION_WORDS) >= 2

    def _heads_prose(self, index: int) -> bool:
        """The line at ``index`` stands alone and the next non-blank line is a paragraph."""
        following = self._line_under(index)
        return following is not None and is_prose(following)

    def _line_under(self, index: int) -> str | None:
        """The first line of the paragraph under the line at ``index``, when a blank line
        separates them (None when the next line is not blank, or nothing follows)."""
        lines, text = self.lines, self.text
        if index + 1 >= len(lines) or text[lines[index + 1][1]:lines[index + 1][2]].strip():
            return None
        for _, s, e in lines[index + 2:index + 4]:
            line = text[s:e].strip()
            if line:
                return line
        return None

    def _head(self, first: int) -> tuple[str, list[tuple[int, int]]]:
        """Title, `Part of` and lead prose before the first infobox landmark; the rest (image
        names, captions, navigation) is page furniture."""
        text = self.text
        title = ""
        candidates: list[str] = []
        prose: list[tuple[int, int]] = []
        for index in range(first):
            number, s, e = self.lines[index]
            a, b = _trim(text, s, e)
            b = a + len(_TRAILING_PIPES.sub("", text[a:b]))
            line = text[a:b]
            if not line or is_noise(line):
                continue
            part = _PART_OF.match(line)
            if part:
                if candidates and not title:
                    # (a native name in another script under the title, `Бородинское сражение`,
                    # is not the title of an English page)
                    latin = [c for c in candidates if _LATIN.search(c)]
                    title = latin[-1] if latin and not _LATIN.search(candidates[-1]) else candidates[-1]
                va, vb = a + part.start("value"), a + part.end("value")
                self.cells.append(_Cell("Partof", "Part of", va, vb, number, self._next_block(), self.group))
                continue
            if is_prose(line):
                prose.append((s, e))
                continue
            if len(line) <= 120 and not line.endswith("."):
                candidates.append(line)
        if not title:
            repeated = [c for c in candidates if candidates.count(c) > 1]
            title = repeated[0] if repeated else (candidates[0] if candidates else "")
        return title, prose

    def _next_block(self) -> int:
        self.block += 1
        return self.block

    # -- one line -----------------------------------------------------------------------------

    def _line(self, index: int) -> None:
        text = self.text
        number, s, e = self.lines[index]
        a, b = _trim(text, s, e)
        line = text[a:b]
        if not line:
            if not self.last_blank:
                self.group += 1
            self.last_blank = True
            return
        self.last_blank = False
        if _ONLY_PIPES.match(line):
            self._pipe_separator()
            return
        pipe_end = False
        m = _TRAILING_PIPES.search(line)
        if m:
            b = a + m.start()
            pipe_end = True
            line = text[a:b]
            if not line:
                self._pipe_separator()
                return
        if is_map_marker(line):
            self.noise_zone = True
            return
        if is_noise(line):
            return
        # `Territorial` / `changes |`: a label broken over two lines.
        if line == "Territorial" and index + 1 < len(self.lines):
            _, ns, ne = self.lines[index + 1]
            if text[ns:ne].strip().lower().startswith("changes"):
                self._open_section("territorial changes", pipe=True, number=number)
                self._skip_next = index + 1
                return
        if self._skip_next == index:
            self._skip_next = None
            return
        label = _section_label(line)
        if label is not None:
            self.noise_zone = False
            self._open_section(label, pipe=pipe_end, number=number)
            return
        glued = _glued_section(line) if not (self.dump and _dump_match(line)) else None
        if glued is not None:
            self.noise_zone = False
            about = self._entry_named(glued.group("about").strip(" \t()")) if glued.group("about") else None
            self._open_section(glued.group("label").lower(), pipe=pipe_end, number=number,
                               shown=glued.group("label") + (glued.group("about") or ""),
                               column=about.column if about is not None else None)
            self._cell_line(index, a + glued.start("value"), b, number, pipe_end=False)
            if pipe_end:
                self._pipe_separator()
            return
        if self.noise_zone:
            return
        if self.dump:
            dump = _dump_match(line)
            if dump is not None:
                self._dump_line(dump, a, number, pipe_end)
                return
        inline = _inline_match(line)
        if inline is not None and not (self.section and self.section.key in FIGURE_KEYS and inline.group("label") == "Status"):
            self._inline_line(inline, a, number, pipe_end)
            return
        self._cell_line(index, a, b, number, pipe_end)

    def _pipe_separator(self) -> None:
        self.open_pipe_cell = False
        section = self.section
        if section is not None and section.pipe:
            section.pipe_column += 1
            section.claimant = section.time = None
            section.subheader = None
        self.group += 1
        self.last_bullet = None

    def _open_section(self, label: str, *, pipe: bool, number: int, column: int | None = None,
                      key: str | None = None, shown: str | None = None) -> None:
        key = key or SECTION_LABELS.get(label) or INLINE_LABELS.get(label) or normalise_key(label)[0]
        self._flush_pending(key)
        self._close_section()
        self.section = _Section(key=key, label=shown or label[:1].upper() + label[1:], block=self._next_block(),
                                pipe=pipe, column=column, line=number)
        self.seen_keys.add(key)
        self.group += 1
        self.last_bullet = None

    def _close_section(self) -> None:
        section = self.section
        if section is None:
            return
        if section.key in COLUMN_KEYS and section.implicit is None and section.line and not any(
                c.block == section.block for c in self.cells) and not self.pending:
            self.problems.append(Problem(f"infobox row {section.label!r} has no values (names or icons stripped?)",
                                         section.line))
        if section.key == "Combatant":
            self._entries_of_block(section.block)
        elif section.key == "Commander":
            self._commanders_by_line(section.block)
        self.section = None

    def _commanders_by_line(self, block: int) -> None:
        """One commander per line under belligerents given one per line: the same order."""
        cells = [c for c in self.cells if c.block == block]
        lines = {c.line for c in cells}
        named = [e for e in self.entries if e.column is not None]
        columns = {e.column for e in named}
        # (the belligerents' columns, each on a line of its own: `Velmar` / `Ostrania`)
        if not cells or any(c.column is not None for c in cells) or len(lines) != len(cells) or not named \
                or len(cells) != len(columns) or len({e.line_index for e in named}) != len(columns) \
                or len({(e.line_index, e.column) for e in named}) != len(columns):
            return
        for column, cell in enumerate(sorted(cells, key=lambda c: c.start), start=1):
            cell.column, cell.column_reason = column, "one commander per line, in the belligerents' order"

    def _dump_line(self, m: re.Match, a: int, number: int, pipe_end: bool) -> None:
        label = m.group("key").strip()
        column = int(m.group("num")) if m.group("num") else None
        key = normalise_key(label)[0]
        shown = label + (m.group("num") or "")
        self._open_section(label.lower(), pipe=False, number=number, column=column, key=key, shown=shown)
        if m.group("value"):
            va = a + m.start("value")
            vb = a + m.end("value")
            if self.section.key in ("Date", "Place", "Result", "Partof", "Conflict", "Status", "Territory"):
                self._single_value(va, vb, number)
            else:
                self._cell_line(None, va, vb, number, pipe_end)

    def _inline_line(self, m: re.Match, a: int, number: int, pipe_end: bool) -> None:
        label = m.group("label").lower()
        self._open_section(label, pipe=pipe_end or m.group("sep").strip() == "|", number=number,
                           shown=m.group("label"))
        if m.group("value"):
            self._single_value(a + m.start("value"), a + m.end("value"), number)

    def _single_value(self, a: int, b: int, number: int) -> None:
        section = self.section
        text = self.text
        if section.key == "Date":
            # `2 February 1943a`: a note letter glued to the year is not part of the date.
            glued = re.search(r"(?<=\d{4})[a-z](?=\s|$)", text[a:b])
            if glued:
                b = a + glued.start()
        if section.key == "Place" and _COORDINATES.search(text[a:b]) and not re.search(r"[A-Za-z]{4,}", text[a:b]):
            return
        self.cells.append(_Cell(section.key, section.label, a, b, number, section.block, self.group))
        section.filled = True

    def _cell_line(self, index: int | None, a: int, b: int, number: int, pipe_end: bool) -> None:
        text = self.text
        section = self.section
        if section is not None and section.key in COLUMN_KEYS and self.forced is None and index is not None \
                and self._aligned_cells(index, a, b, number, pipe_end):
            return
        if section is not None and section.key in COLUMN_KEYS and self.forced is None \
                and _CELL_SEPARATOR.search(text[a:b]):
            # Cells copied from an HTML table: a tab (or a pipe with spaces around it, as text
            # browsers render a table) between the columns. Lines of this row before the first
            # separator are the first cell's (`Lowland` / `Marca<TAB>Ostland`).
            if section.tail_column is None:
                for cell in self.cells:
                    if cell.block == section.block and cell.column is None:
                        cell.column, cell.column_reason = 1, "a cell copied over lines, before the first tab"
            pos = a
            column = 1
            for m in list(_CELL_SEPARATOR.finditer(text[a:b])) + [None]:
                end = a + m.start() if m is not None else b
                sa, sb = _trim(text, pos, end)
                if sa < sb:
                    self.forced = (column, "cells separated by tabs or pipes")
                    self._cell_line(index, sa, sb, number, pipe_end=False)
                    self.forced = None
                column += 1
                if m is not None:
                    pos = a + m.end()
            section.tail_column = (column - 1, "a cell copied over lines, after the last tab")
            self._end_cell(pipe_end)
            return
        bullet = _BULLET.match(text[a:b])
        if bullet is not None:
            a, b = _trim(text, a + bullet.end(), b)
            if a >= b:
                return
        is_bullet = bullet is not None
        if self.last_bullet is not None and is_bullet != self.last_bullet:
            self.group += 1
        self.last_bullet = is_bullet
        if section is None:
            return  # a caption or stray line before the first label
        if section.key in ("Date", "Place", "Result", "Status", "Partof", "Conflict") or (
            section.key == "Territory" and not is_bullet and section.filled and not section.pipe and not self.dump
        ):
            if not section.filled and section.key != "Status" and not (section.key == "Date" and not re.search(r"\d", text[a:b])):
                self._single_value(a, b, number)
            elif section.key == "Partof":
                pass  # a `Part of` value broken over lines
            else:
                self.pending.append(_Pending(index if index is not None else -1, a, b, number, self.group, is_bullet))
            self._end_cell(pipe_end)
            return
        if section.key == "Commander" and _FIGURE_START.match(text[a:b]) and not _ORDINAL_START.match(text[a:b]):
            self._implicit_strength(number, "figures under the commanders")
            section = self.section
        elif section.key == "Units" and _FIGURE_START.match(text[a:b]) and not _ORDINAL_START.match(text[a:b]) \
                and not _ECHELON.search(text[a:b]):
            self._implicit_strength(number, "figures under the units")
            section = self.section
        if section.key in ("Commander", "Units") and not re.search(r"\d", _clean(text[a:b])) \
                and self._entry_named(_clean(text[a:b]).rstrip(":")) is not None:
            self._side_header(_clean(text[a:b]).rstrip(":").strip(), number)
        elif section.key in FIGURE_KEYS:
            self._figure_line(a, b, number, is_bullet)
        elif section.key in ("Commander", "Units") and _PARENTHETICAL.match(text[a:b]) and self._last_cell_in(section):
            self._extend_last(b)
        else:
            cell = _Cell(section.key, section.label, a, b, number, section.block, self.group, bullet=is_bullet)
            self._place(cell)
            self.cells.append(cell)
        self._end_cell(pipe_end)

    def _aligned_cells(self, index: int, a: int, b: int, number: int, pipe_end: bool) -> bool:
        """Cells a text-mode browser or a PDF laid out in columns with runs of spaces
        (`93,921      71,699`): each piece is the cell of the column it starts under. The
        columns' starts are learned from the first line with two or more pieces; a line with
        one piece is placed by where it starts (`(3,903 killed` under the second column)."""
        text = self.text
        line_start = self.lines[index][1]
        pieces = [(m.start(), m.end()) for m in _ALIGNED_PIECE.finditer(text, a, b)]
        if len(pieces) >= 2:
            xs = [pa - line_start for pa, _ in pieces]
            if self.column_x is None or len(xs) > len(self.column_x):
                self.column_x = xs
        elif self.column_x is None:
            return False
        for pa, pb in pieces:
            x = pa - line_start
            column = min(range(len(self.column_x)), key=lambda k: abs(self.column_x[k] - x)) + 1
            self.forced = (column, "cells aligned in columns by runs of spaces")
            self._cell_line(index, pa, pb, number, pipe_end=False)
            self.forced = None
        self._end_cell(pipe_end)
        return True

    def _end_cell(self, pipe_end: bool) -> None:
        if pipe_end:
            self._pipe_separator()
        elif self.section is not None and self.section.pipe:
            self.open_pipe_cell = True

    def _implicit_strength(self, number: int, why: str) -> None:
        old = self.section
        self._close_section()
        self.section = _Section(key="Strength", label="Strength", block=self._next_block(), pipe=old.pipe,
                                column=old.column, pipe_column=old.pipe_column, implicit=why,
                                subheader=old.subheader)
        self.problems.append(Problem(f"a strength block with no Strength label ({why}); read as Strength", number))

    def _last_cell_in(self, section: _Section) -> _Cell | None:
        if self.cells and self.cells[-1].block == section.block:
            return self.cells[-1]
        return None

    def _extend_last(self, b: int) -> None:
        self.cells[-1].end = b

    def _place(self, cell: _Cell) -> None:
        """Structural column and governing headers of a cell in the current section."""
        section = self.section
        if cell.key not in COLUMN_KEYS:
            pass
        elif self.forced is not None:
            cell.column, cell.column_reason = self.forced
        elif section.tail_column is not None:
            if _TOTAL_ROW.match(self.text, cell.start):
                # `Total: 13,952 killed` under the columns: a row spanning them (column 3)
                cell.column, cell.column_reason = 3, "a total row under the columns"
            else:
                cell.column, cell.column_reason = section.tail_column
        elif section.column is not None:
            cell.column = section.column
        elif section.pipe:
            cell.column = section.pipe_column
            cell.column_reason = f"pipe-separated cell {section.pipe_column}"
        if section.claimant is not None:
            cell.claimant, cell.claimant_start = section.claimant
        if section.time is not None:
            cell.time_label, cell.time_start = section.time
        cell.subheader = section.subheader
        if cell.key in ("Commander", "Units"):
            self._strip_flag(cell)

    # -- figures ------------------------------------------------------------------------------

    def _figure_line(self, a: int, b: int, number: int, bullet: bool) -> None:
        text = self.text
        section = self.section
        line = text[a:b]
        clean = _clean(line)
        if _PARENTHETICAL.match(line) and not re.match(r"^\(\s*\d", line):
            previous = self._last_cell_in(section)
            if previous is not None and previous.group == self.group:
                previous.end = b  # `(Ukrainian claim)` under a cell: the cell's own note
                return
        stars = _FOOTNOTE_LINE.match(line)
        if stars:
            self._footnote(stars.group("stars"), a + stars.end(), b, number)
            return
        if clean.endswith(":") and len(clean) <= 90:
            if self._header(clean[:-1].strip(), a, number):
                return
        elif not re.search(r"\d", clean) and self._entry_named(clean) is not None:
            self._side_header(clean, number)
            return
        words = clean.split()
        if len(words) >= 6 and re.search(r"[.!?]$", clean) and sum(
            1 for w in words if w[:1].islower()
        ) / len(words) >= 0.4:
            cell = _Cell("Note", section.label, a, b, number, section.block, self.group)
            self._place(cell)
            cell.column = None if not section.pipe and section.column is None else cell.column
            self.cells.append(cell)
            return
        # A line that opens with a belligerent's name (`Ostland: 12,000`) is that side's.
        lead = re.match(r"[ \t]*(?P<label>[^:\d\n]{2,60}?)[ \t]*::?[ \t]+(?=\S)", line)
        if lead and (self._entry_named(lead.group("label").strip()) is not None
                     or CIVILIAN_HEADER.fullmatch(lead.group("label").strip())):  # (`Civilians: 9,000 killed`)
            self._side_header(lead.group("label").strip(), number)
            a += lead.end()
        # Labels inside the cell (`Initial: 270,000 ... At the time of ...: 1,040,000`) split it.
        pos = a
        for m in _INLINE_HEADER.finditer(text, a, b):
            if m.start() > pos and text[pos:m.start()].strip():
                self._figure_cell(pos, m.start(), number, bullet)
            self._header(m.group("label").strip(), m.start("label"), number, inline=True)
            pos = m.end()
        if text[pos:b].strip():
            pa, pb = _trim(text, pos, b)
            self._figure_cell(pa, pb, number, bullet)

    def _figure_cell(self, a: int, b: int, number: int, bullet: bool) -> None:
        a, b = _trim(self.text, a, b, " \t\r;,")
        if a >= b:
            return
        section = self.section
        cell = _Cell(section.key, section.label, a, b, number, section.block, self.group, bullet=bullet)
        self._place(cell)
        self.cells.append(cell)

    def _header(self, label: str, start: int, number: int, inline: bool = False) -> bool:
        """A label over the next cells: a side, a time point or a claimant. False when unknown."""
        section = self.section
        if not inline and (self._entry_named(label) is not None or CIVILIAN_HEADER.fullmatch(label)):
            self._side_header(label, number)  # (`Civilians:` closes the last belligerent's cells too)
            return True
        if _TIME_START.match(label) or _DATE_WORDS.search(label):
            section.time = (label, start)
            return True
        m = _CLAIMANT_HEADER.match(label)
        if m and not re.search(r"\d", label):
            who = (m.group("who") or m.group("label")).strip()
            section.claimant = (who, start)
            section.time = None
            return True
        return False

    def _side_header(self, label: str, number: int) -> None:
        section = self.section
        section.subheader = label
        entry = self._entry_named(label)
        if entry is not None and entry not in self.side_headers:
            self.side_headers.append(entry)
        section.claimant = section.time = None
        self.group += 1

    def _footnote(self, stars: str, a: int, b: int, number: int) -> None:
        """`* Number updated to 269`: a note on the cell that cites `[*]`, in its column."""
        marker = f"[{stars}]"
        cited = next((c for c in reversed(self.cells) if marker in self.text[c.start:c.end + len(marker) + 8]), None)
        section = self.section
        key = cited.key if cited is not None else "Note"
        cell = _Cell(key, section.label, a, b, number, cited.block if cited else section.block,
                     cited.group if cited else self.group, footnote=marker)
        if cited is not None:
            cell.note_of = cited.start
            cell.column, cell.column_reason = cited.column, cited.column_reason
            cell.subheader, cell.claimant, cell.claimant_start = cited.subheader, cited.claimant, cited.claimant_start
            cell.time_label, cell.time_start = cited.time_label, cited.time_start
        self.cells.append(cell)

    # -- pending lines after a single-valued label ---------------------------------------------

    def _flush_pending(self, next_key: str | None) -> None:
        """Lines after `Result X` (or `Location Y`) that no label claimed: sub-lines of the
        result, territorial bullets, or a belligerents block whose label the page dropped (the
        name-like lines just before `Commanders and leaders`)."""
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        owner = self.section
        belligerents: list[_Pending] = []
        if next_key == "Commander" and "Combatant" not in self.seen_keys:
            while pending and not pending[-1].bullet and _name_like(self.text[pending[-1].start:pending[-1].end]):
                belligerents.insert(0, pending.pop())
        territory_block = None
        for p in pending:
            value = self.text[p.start:p.end]
            if p.bullet:
                if territory_block is None:
                    territory_block = self._next_block()
                self.cells.append(_Cell("Territory", "Territorial changes", p.start, p.end, p.line, territory_block, p.group, bullet=True))
            elif owner is not None and owner.key == "Result":
                key = "Territory" if _CAPTURE_VERBS.search(value) else "Result"
                self.cells.append(_Cell(key, "Result", p.start, p.end, p.line, owner.block, p.group))
        if belligerents:
            block = self._next_block()
            for p in belligerents:
                self.cells.append(_Cell("Combatant", "Belligerents", p.start, p.end, p.line, block, p.group))
            self.seen_keys.add("Combatant")
            self._entries_of_block(block)

    # -- belligerents -------------------------------------------------------------------------

    def _entries_of_block(self, block: int) -> None:
        cells = [c for c in self.cells if c.block == block and c.key == "Combatant"]
        if not cells:
            return
        entries: list[_Entry] = []
        for index, cell in enumerate(cells):
            found = self._entries_of_line(cell, index)
            if not found:
                value = self.text[cell.start:cell.end]
                self.problems.append(Problem(f"infobox cell under {cell.label} has no name ({value.strip()!r}); "
                                             "flag icons or links were probably stripped", cell.line))
            entries.extend(found)
        # Drop the cells: Combatant fields are made from the entries.
        self.cells = [c for c in self.cells if not (c.block == block and c.key == "Combatant")]
        self._columns_of_entries(entries, cells)
        for entry in entries:
            self.cells.append(_Cell("Combatant", "Belligerents", entry.start, entry.end, entry.line, block,
                                    entry.group, column=entry.column,
                                    column_reason=getattr(entry, "reason", None)))
        self.entries.extend(entries)

    def _entries_of_line(self, cell: _Cell, line_index: int) -> list[_Entry]:
        text = self.text
        a, b = cell.start, cell.end
        raw = text[a:b]
        # Segments between runs of two or more spaces (icons rendered as spaces).
        segments: list[tuple[int, int]] = []
        lead = len(raw) - len(raw.lstrip())
        start = a + lead
        # `United Kingdom, Canada vs. Germany`: the word between the sides splits the columns.
        versus = _VERSUS.search(text, start, b) if cell.column is None else None
        for m in (_SPACE_RUN if versus is None else _VERSUS).finditer(text[start:b]):
            segments.append((start, start + m.start()))
            start = start + m.end()
        segments.append((start, b))
        split = len(segments) > 1
        out: list[_Entry] = []
        for k, (sa, sb) in enumerate(segments):
            for ea, eb, alias in self._split_entries(sa, sb):
                entry = _Entry(text[ea:eb], ea, eb, cell.line, line_index, cell.group, alias=alias, split=split)
                if versus is not None:
                    entry.column, entry.reason = k + 1, "names on either side of `vs.`, in column order"
                out.append(entry)
        return out

    def _split_entries(self, a: int, b: int) -> list[tuple[int, int, str | None]]:
        """Entries on one stretch of a belligerents line: image names and footnotes dropped,
        a `Sub-header: Name` prefix kept as the alias, doubled flag alt text (`Argentina
        Argentina`) read once, run-together place names split."""
        text = self.text
        alias = None
        image = _IMAGE.match(text, a, b)
        while image and image.end() > a and image.end() < b:
            a = image.end()
            image = _IMAGE.match(text, a, b)
        m = re.match(r"^(?P<alias>[^:]{2,40}):\s+(?=\S)", text[a:b])
        if m:
            alias = m.group("alias").strip()
            a += m.end()
            image = _IMAGE.match(text, a, b)
            if image and image.end() < b:
                a = image.end()
        b = _strip_refs_end(text, a, b)
        tail = re.search(r"\s*\b(?:Supplied|Supported|Support(?:ed)?|Assisted|Backed|Advised)\s+by\s*:?\s*$", text[a:b])
        if tail and tail.start() > 0:
            b = _strip_refs_end(text, a, a + tail.start())
        a, b = _trim(text, a, b, " \t\r,;")
        if a >= b:
            return []
        tokens = [(m.start() + a, m.end() + a, m.group(0)) for m in re.finditer(r"\S+", text[a:b])]
        words = [t[2] for t in tokens]
        doubled = _doubled(words)
        if doubled:
            return [(tokens[i][0], tokens[j - 1][1], alias if k == 0 else None) for k, (i, j) in enumerate(doubled)]
        out: list[tuple[int, int, str | None]] = []
        i = 0
        other_start: int | None = None
        while i < len(words):
            n = place_at(words, i)
            if n and (i > 0 and words[i - 1].lower() in _NAME_PARTICLES
                      or i + n < len(words) and (words[i + n].lower() in _NAME_PARTICLES or words[i + n][:1].islower())):
                n = 0  # a place inside a longer name: `Islamic State of Iraq and the Levant`
            if n:
                j = i + n
                if other_start == i - 1 and _DEMONYM_WORD.fullmatch(words[i - 1]):
                    # `British India`, `French Indochina`: one name, the adjective with its place
                    out.append((tokens[other_start][0], tokens[j - 1][1], None))
                    other_start = None
                    i = j
                    continue
                if other_start is not None:
                    out.append((tokens[other_start][0], tokens[i - 1][1], None))
                    other_start = None
                # a bracket after the name belongs to it: `Iraqi Kurdistan (from 30.10)`
                if j < len(words) and words[j].startswith("("):
                    k = j
                    while k < len(words) and not words[k].endswith(")"):
                        k += 1
                    j = min(k + 1, len(words))
                out.append((tokens[i][0], tokens[j - 1][1], None))
                i = j
                continue
            if other_start is None:
                other_start = i
            i += 1
        if other_start is not None:
            out.append((tokens[other_start][0], tokens[-1][1], None))
        if out and alias is not None:
            out[0] = (out[0][0], out[0][1], alias)
        return out

    def _columns_of_entries(self, entries: list[_Entry], cells: list[_Cell]) -> None:
        """Which column each belligerent entry is in, when the layout says it."""
        if not entries or all(e.column is not None for e in entries):
            return
        structural = [e for e in entries if any(c.column is not None and c.start <= e.start < max(c.end, c.start + 1) for c in cells)]
        if structural:
            for e in entries:
                cell = next((c for c in cells if c.start <= e.start <= c.end), None)
                if cell is not None and cell.column is not None:
                    e.column = cell.column
                    e.reason = cell.column_reason
            return
        line_indexes = sorted({e.line_index for e in entries})
        groups = sorted({e.group for e in entries})
        if any(e.split for e in entries):
            column = 1
            seen_line = None
            previous_segment_end = None
            for e in entries:
                if e.line_index != seen_line:
                    seen_line = e.line_index
                    previous_segment_end = None
                elif e.split and previous_segment_end is not None and re.search(r"[ \t]{2,}", self.text[previous_segment_end:e.start]):
                    column += 1
                e.column = column
                e.reason = "flag icons (double spaces) between the columns"
                previous_segment_end = e.end
            return
        if len(line_indexes) == 1:
            words_line = self.text[cells[0].start:cells[0].end].split()
            if _doubled(words_line) and len(entries) >= 2:
                for column, e in enumerate(entries, start=1):
                    e.column = column
                    e.reason = "each name repeated by its flag's alt text, in column order"
                return
            if len(entries) == 2:
                for column, e in enumerate(entries, start=1):
                    e.column = column
                    e.reason = "two names on the belligerents line, in column order"
                return
        if len(line_indexes) == 2:
            for e in entries:
                e.column = line_indexes.index(e.line_index) + 1
                e.reason = "one line per column"
            return
        if len(groups) == 2:
            for e in entries:
                e.column = groups.index(e.group) + 1
                e.reason = "one block of lines per column"
            return

    def _party_over(self, cell: _Cell) -> str | None:
        """The belligerent a sub-header over a figure cell names, when that belligerent is in
        the cell's own column (`Malaysia:` over `1 killed` in the first column)."""
        if not cell.subheader or cell.key not in ("Strength", "Casualties"):
            return None
        if CIVILIAN_HEADER.fullmatch(_clean(cell.subheader).rstrip(":").strip()):
            return "Civilians"
        if cell.column is None:
            return None
        entry = self._entry_named(cell.subheader)
        return _clean(cell.subheader).rstrip(":").strip() if entry is not None and entry.column == cell.column else None

    def _entry_named(self, label: str) -> _Entry | None:
        """The belligerent entry a sub-header names (`Local Forces`, `Islamic State ...`), by
        its initials too (`DPR/LPR:` over the figures of `Donetsk People's Republic`)."""
        want = _clean(label).rstrip(":").strip().lower()
        if len(want) < 3:
            return None
        for e in self.entries:
            if want == _clean(e.name).lower() or (e.alias and want == e.alias.lower()):
                return e
        pieces = [p for p in re.split(r"\s*(?:/|&|\+|,|\band\b)\s*", want) if len(p) >= 2]
        if re.fullmatch(r"[A-Z]{2,6}(?:\s*/\s*[A-Z]{2,6})*", _clean(label).rstrip(":").strip()):
            for e in self.entries:
                if _initials(_clean(e.name)) in pieces:
                    return e
        # `Chinese:` or `U.S.:` over an entry `China` / `United States`: the same party.
        party = lexicon().party_of(want)
        if party is not None:
            for e in self.entries:
                if lexicon().party_of(_clean(e.name).lower()) == party:
                    return e
        return None

    def _strip_flag(self, cell: _Cell) -> None:
        """`United Kingdom Lt. Col. Herbert Jones`, `Flag of X.svg Name`: the flag's alt text or
        file name is not part of the name; a flag naming a belligerent gives the column."""
        text = self.text
        a, b = cell.start, cell.end
        flag = None
        image = _IMAGE.match(text, a, b)
        while image and a < image.end() < b:
            flag = re.sub(r"(?i)^(?:file:|image:)?(?:flag of (?:the )?)?", "", text[a:image.end()].strip())
            flag = re.sub(r"(?i)\.(?:svg|png|jpe?g|gif|webp|tiff?)$", "", flag).strip()
            a = image.end()
            image = _IMAGE.match(text, a, b)
        m = re.match(r"^(?P<alias>[^:]{2,40}):\s+(?=\S)", text[a:b])
        if m and cell.key == "Units":
            cell.subheader = m.group("alias").strip()
            a += m.end()
            image = _IMAGE.match(text, a, b)
            while image and a < image.end() < b:
                a = image.end()
                image = _IMAGE.match(text, a, b)
        words = text[a:b].split()
        names = sorted({e.name for e in self.entries if e.name}, key=len, reverse=True)
        minimum = 2 if cell.key == "Commander" else 1
        for name in names:
            if text.startswith(name + " ", a) and len(text[a + len(name):b].split()) >= minimum:
                flag = name
                a = a + len(name)
                break
        else:
            n = place_at(words, 0)
            if n and len(words) - n >= minimum:
                flag = " ".join(words[:n])
                a = text.find(words[n - 1], a) + len(words[n - 1])
        a, b = _trim(text, a, b)
        cell.start, cell.end = a, b
        cell.flag = flag

    # -- after the last line ------------------------------------------------------------------

    def _columns_by_indent(self, entries: list[_Entry]) -> None:
        """Belligerents listed one per line with their allies indented under them (`United
        Nations` over ` United States`, ` South Korea`; then `China` over ` North Korea`): each
        entry at the left margin opens a column, and the indented ones under it are in it. Only
        when exactly two entries are at the margin and at least one is indented (a third at the
        margin may be an ally written flush: `China` after the Viet Minh)."""
        text = self.text

        def indent(e: _Entry) -> int:
            line_start = text.rfind("\n", 0, e.start) + 1
            return len(text[line_start:e.start]) - len(text[line_start:e.start].lstrip(" \t\u00a0"))

        if len({e.line_index for e in entries}) != len(entries):
            return  # several entries on a line: not a one-per-line list
        depth = [indent(e) for e in entries]
        tops = [k for k, d in enumerate(depth) if d == 0]
        if len(tops) != 2 or tops[0] != 0 or not any(depth):
            return
        column = 0
        for k, e in enumerate(entries):
            if depth[k] == 0:
                column += 1
            e.column = column
            e.reason = "belligerents at the margin open the columns, the indented ones under them are their allies"
        self._combatant_cells(entries)

    def _combatant_cells(self, entries: list[_Entry]) -> None:
        """Each belligerent cell takes the column its entry was given."""
        for cell in self.cells:
            if cell.key == "Combatant":
                hit = next((x for x in entries if x.start == cell.start), None)
                if hit is not None:
                    cell.column, cell.column_reason = hit.column, hit.reason

    def _finish(self) -> None:
        """Columns from sub-headers and flags once the belligerent columns are known."""
        entries = self.entries
        if entries and not any(e.column for e in entries):
            # Sub-headers naming entries (`Local Forces:` ... `Islamic State ...:`) split the
            # block in their order.
            named = sorted(self.side_headers, key=lambda e: e.start)
            if len(named) >= 2:
                for column, e in enumerate(named, start=1):
                    nxt = named[column].start if column < len(named) else None
                    for other in entries:
                        if other.start >= e.start and (nxt is None or other.start < nxt):
                            other.column = column
                            other.reason = "the sub-headers over the figures name the columns in this order"
                self._combatant_cells(entries)
        if entries and not any(e.column for e in entries):
            self._columns_by_indent(entries)
        if entries and not any(e.column for e in entries):
            self.problems.append(Problem(
                f"the belligerents block names {len(entries)} parties but not which column each is in; "
                "figures get columns from their order only", entries[0].line))
        columns: dict[int, list[_Entry]] = {}
        for e in entries:
            if e.column:
                columns.setdefault(e.column, []).append(e)
        if columns:
            names = []
            for column in range(1, max(columns) + 1):
                es = columns.get(column, [])
                if not es:
                    names.append("")
                    continue
                first_line = es[0].line_index
                names.append(", ".join(_clean(e.name) for e in es if e.line_index == first_line))
            self.belligerents = tuple(names)
        for cell in self.cells:
            if cell.column is not None or cell.key == "Combatant":
                continue
            if cell.subheader:
                e = self._entry_named(cell.subheader)
                if e is not None and e.column:
                    cell.column = e.column
                    cell.column_reason = f"under the sub-header {cell.subheader!r}"
                    continue
            if cell.flag:
                column = self._column_of_flag(cell.flag)
                if column:
                    cell.column = column
                    cell.column_reason = f"flag {cell.flag!r} before the name"

    def _column_of_flag(self, flag: str) -> int | None:
        flag_l = flag.lower()
        for e in self.entries:
            name = _clean(e.name).lower()
            if e.column and (flag_l == name or (e.alias and flag_l == e.alias.lower())):
                return e.column
        for e in self.entries:
            name = _clean(e.name).lower()
            if e.column and len(flag_l) >= 4 and re.search(rf"\b{re.escape(flag_l)}\b", name):
                return e.column
        return None

    def _fields(self) -> list[InfoboxField]:
        text = self.text
        out = []
        for cell in sorted(self.cells, key=lambda c: (c.start, c.end)):
            a, b = _trim(text, cell.start, cell.end)
            if cell.key in ("Combatant", "Commander", "Units", "Result", "Territory", "Partof", "Place"):
                a, b = _trim(text, a, b, " \t\r,;")
            if a >= b:
                continue
            value = text[a:b]
            if not any(ch.isalnum() for ch in value):
                self.problems.append(Problem(f"infobox cell under {cell.label} has no value ({value!r}); icons or "
                                             "links were probably stripped", cell.line))
                continue
            out.append(InfoboxField(
                key=cell.key, label=cell.label, value=value, start=a, end=b, line=cell.line,
                column=cell.column, column_reason=cell.column_reason, claimant=cell.claimant,
                claimant_start=cell.claimant_start, time_label=cell.time_label, time_start=cell.time_start,
                group=cell.group, block=cell.block, note_of=cell.note_of,
                party=self._party_over(cell),
            ))
        return out


def _doubled(words: list[str]) -> list[tuple[int, int]]:
    """`Argentina Argentina United Kingdom United Kingdom` -> [(0, 1), (2, 4)] (each name once,
    as token ranges) when the whole line is names each written twice; [] otherwise."""
    out = []
    i = 0
    while i < len(words):
        for k in range(1, min(6, (len(words) - i) // 2) + 1):
            if words[i:i + k] == words[i + k:i + 2 * k]:
                out.append((i, i + k))
                i += 2 * k
                break
        else:
            return []
    return out if len(out) >= 2 else []


def _name_like(line: str) -> bool:
    """Names, as a belligerents line has them: mostly capitalised words, no figures."""
    s = _IMAGE.sub("", line) if _IMAGE.search(line) else line
    s = _clean(s)
    s = re.sub(r"\([^)]*\)", "", s)
    if re.search(r"\d", s):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-.]*", s) if w.lower() not in _NAME_PARTICLES]
    if not words:
        return False
    capital = sum(1 for w in words if w[0].isupper())
    return capital / len(words) >= 0.7


def _headings(text: str, lines: list[tuple[int, int, int]]) -> tuple[Section, ...]:
    """Short capitalised lines with no final punctuation, followed by longer text, are headings."""
    heading = re.compile(r"^[A-Z][^.!?:;,|]{0,58}[^.!?:;,|\s]$")
    starts: list[tuple[str, int]] = []
    for i, (_, start, end) in enumerate(lines[:-1]):
        line = text[start:end].strip()
        following = text[lines[i + 1][1]:lines[i + 1][2]].strip()
        if not following and i + 2 < len(lines):
            following = text[lines[i + 2][1]:lines[i + 2][2]].strip()
        if heading.match(line) and len(line.split()) <= 8 and len(following) > 2 * len(line) and is_prose(following):
            starts.append((line, start))
    return tuple(
        Section(title, 2, start, starts[i + 1][1] if i + 1 < len(starts) else len(text))
        for i, (title, start) in enumerate(starts)
    )


def parse(text: str) -> ParsedDocument:
    return _Reader(text).run()
