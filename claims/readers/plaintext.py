"""Plain text and Markdown drafts: a title, `#` or `==` headings, prose; no infobox."""

from __future__ import annotations

import re

from claims.model import Section
from claims.readers.plain_export import HEADING as WIKI_HEADING
from claims.readers.plain_export import close_sections
from claims.readers.structure import ParsedDocument, lines_with_offsets

MARKDOWN_HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<title>.+?)\s*#*\s*$")
FRONT_MATTER = re.compile(r"\A---\r?\n.*?\r?\n---\r?\n", re.S)


def parse(text: str) -> ParsedDocument:
    title = ""
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
            if level == 1 and not title:
                title = match.group("title")
                continue
            sections.append(Section(match.group("title"), level, start, len(text)))
            continue
        match = WIKI_HEADING.match(line)
        if match:
            sections.append(Section(match.group("title"), len(match.group("marks")), start, len(text)))
            continue
        if not title and line.strip() and len(line.strip()) <= 120 and not line.strip().endswith("."):
            title = line.strip().strip("=").strip()
    return ParsedDocument(
        title=title,
        infobox=(),
        sections=close_sections(sections, len(text)),
        problems=(),
        body_start=body_start,
        prose=((body_start, len(text)),),
    )
