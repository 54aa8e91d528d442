"""Plain text and Markdown drafts: a title, `#` or `==` headings, prose, and an infobox when
a Markdown pipe table near the top has infobox labels (`markdown_table`) or a run of infobox
headings with bullets opens the page (`markdown_sections`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.model import InfoboxField, Problem, Section
from claims.readers.plain_export import HEADING as WIKI_HEADING
from claims.readers.plain_export import close_sections
from claims.readers import markdown_sections, markdown_table
from claims.readers.structure import ParsedDocument, back_matter_start, belligerents_from, lines_with_offsets

MARKDOWN_HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<title>.+?)\s*#*\s*$")
TITLE_LINE = re.compile(r"^Title:\s+")
# A printed page's running head copied from a PDF (`212     THE ITALIAN CAMPAIGN 1943–1945`): no title.
RUNNING_HEAD = re.compile(r"^\s*(?:\d{1,4}\s{3,}[A-Z][A-Z0-9 ,.:'’\-–—]+|[A-Z][A-Z0-9 ,.:'’\-–—]+?\s{3,}\d{1,4})\s*$")
# A line of a wrapped paragraph, not a title: a sentence ends inside it, or it begins in lower case.
_WRAPPED_PROSE = re.compile(r"[a-z][.!?][\"”’)]?\s+[A-Z]|^\s*[a-z\d]")
# A line of navigation links (`[Skip to content](#main) [Donate](https://...)`): no title.
_LINKS_ONLY = re.compile(r"(?:\[[^\]\n]*\]\([^)\n]*\)[ \t|·•]*)+")
# A copied page's chrome, no title: `Skip to main content`, `Last updated March 3, 2025`,
# `Advertisement`, a bare `Search...`.
_CHROME = re.compile(r"(?i)(?:skip\s+to\b.*|last\s+(?:updated|modified)\b.*|advertisement|search\W*|menu|home|subscribe|sign\s+in"
                     r"|(?:source|date|posted|published|updated|filed|from|to|by|share)\s*:.*|[a-z]{2}(?:\s*/\s*[a-z]{2})+)")
# Menu items: between bars, arrows or bullets, or set apart by runs of spaces.
_NAV_SEPARATOR = re.compile(r"\s+[|>»·•]\s+|\s*\|\s*|\s{2,}")


def _navigation(line: str) -> bool:
    """A line of a site's chrome (see ``_CHROME``) or of menu items (`Home | News | World`,
    `Home > Questions > Details`): three or more short items between separators."""
    if _CHROME.fullmatch(line) or re.fullmatch(r"[\w'’.\-]+", line) and not line[:1].isdigit():
        return True  # (a single word is a site's name or a section's: `TASS`, `AFRICA`, `National`)
    items = [i for i in _NAV_SEPARATOR.split(line) if i.strip()]
    spaced = "|" not in line and ">" not in line and "»" not in line and "·" not in line and "•" not in line
    return (len(items) >= (4 if spaced else 3) or len(items) == 2 and (">" in line or "»" in line)) \
        and all(len(i.split()) <= (2 if spaced else 4) for i in items)


FRONT_MATTER = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.S)


def parse(text: str) -> ParsedDocument:
    title = ""
    headed = False  # the title is a `# ` heading's, not a plain line's
    seen = 0  # lines with text so far
    sections: list[Section] = []
    front = FRONT_MATTER.match(text)
    body_start = front.end() if front else 0
    for number, start, end in lines_with_offsets(text):
        if start < body_start:
            continue
        line = text[start:end].rstrip("\r")
        match = MARKDOWN_HEADING.match(line)
        if match:
            level = len(match.group("marks"))
            if level == 1 and not headed and seen <= 5:
                # (a page a reader service saved: a `# ` heading names it, not the line of
                # navigation links or the site name above it)
                title, headed = match.group("title"), True
                continue
            sections.append(Section(match.group("title"), level, start, len(text)))
            continue
        match = WIKI_HEADING.match(line)
        if match:
            sections.append(Section(match.group("title"), len(match.group("marks")), start, len(text)))
            continue
        if line.strip():
            seen += 1
        if RUNNING_HEAD.match(line):
            continue
        if not title and line.strip() and len(line.strip()) <= 120 and not line.strip().endswith(".") \
                and not (seen > 1 and _WRAPPED_PROSE.search(line)) and not _LINKS_ONLY.fullmatch(line.strip()) \
                and not line.strip().isdigit() and not _navigation(line.strip()):  # (a printed page's number)
            # `Title: ...` heads a page a reader service converted to Markdown.
            title = TITLE_LINE.sub("", line.strip().strip("=").strip())
    lines = list(lines_with_offsets(text))
    table = markdown_table.find_infobox(text, lines)
    headed_box = markdown_sections.find_infobox(text, lines) if table is None else None
    if headed_box is not None:
        fields, box_start, box_end = headed_box
        return _with_box(text, title, fields, [], sections, body_start, box_start, box_end)
    if table is None:
        return ParsedDocument(
            title=title,
            infobox=(),
            sections=close_sections(sections, len(text)),
            problems=(),
            body_start=body_start,
            prose=((body_start, back_matter_start(text, body_start)),),
        )
    top, bottom, rule = table
    box_title, fields, problems = markdown_table.parse_infobox(text, lines, top, rule, bottom)
    for more in markdown_table.following_tables(text, lines, bottom):
        _, more_fields, more_problems = markdown_table.parse_infobox(text, lines, more[0], more[2], more[1])
        fields, problems, bottom = fields + more_fields, problems + more_problems, more[1]
    table_end = lines[bottom][1] if bottom < len(lines) else len(text)
    return _with_box(text, title or box_title, fields, problems, sections, body_start, lines[top][1], table_end)


def _with_box(text: str, title: str, fields: Sequence[InfoboxField], problems: Sequence[Problem], sections: list[Section], body_start: int,
              box_start: int, box_end: int) -> ParsedDocument:
    """The page with an infobox at ``box_start:box_end``: the lead follows the box, whose
    cells are the infobox's, not prose."""
    prose = tuple(r for r in ((body_start, box_start), (box_end, back_matter_start(text, box_end))) if r[1] > r[0] and text[r[0]:r[1]].strip())
    return ParsedDocument(
        title=title,
        infobox=tuple(fields),
        sections=close_sections([s for s in sections if not box_start <= s.start < box_end], len(text)),
        problems=tuple(problems),
        body_start=max(body_start, box_end) if box_start - body_start < 400 else body_start,
        belligerents=belligerents_from(fields),
        prose=prose,
    )
