"""The plain export format: `= Title =`, an `Infobox` block of `- Key: Value` lines, prose
with `==Heading==` sections (seed Terter, corpus Grozny and Tskhinvali)."""

from __future__ import annotations

import re

from claims.model import InfoboxField, Problem, Section
from claims.readers.common import normalise_key
from claims.readers.structure import ParsedDocument, belligerents_from, is_blank_value, lines_with_offsets

TITLE = re.compile(r"^\s*=\s*(?P<title>[^=].*?)\s*=\s*$")
HEADING = re.compile(r"^(?P<marks>={2,6})\s*(?P<title>.*?)\s*(?P=marks)\s*$")
FIELD = re.compile(r"^-\s*(?P<label>[^:\n]{1,60}?)\s*:\s?(?P<value>.*?)\s*$")


# `- Combatant1: Northland`, `- Casualties2: 4,000 killed`: a numbered field of a side.
_SIDE_FIELD = re.compile(r"(?m)^-\s*(?:combatant|commander|strength|casualties|units)\s*[1-3]\s*:", re.I)


def looks_like(text: str) -> bool:
    """A `= Title =` line and an `Infobox` line; or, with the title a plain first line (or
    none), an `Infobox` block or two or more numbered side fields (`- Casualties1: ...`)."""
    head = text[:4096]
    infobox = bool(re.search(r"(?m)^Infobox\s*$", head))
    if infobox and re.search(r"(?m)^\s*=[^=\n].*=\s*$", head):
        return True
    return len(_SIDE_FIELD.findall(head)) >= 2


def parse(text: str) -> ParsedDocument:
    title = ""
    fields: list[InfoboxField] = []
    problems: list[Problem] = []
    sections: list[Section] = []
    body_start = 0
    state = "start"
    # A mirror's banner may come before the page (`MilitaryPedia Mirror | ...`, `Source page:
    # ...`): lines before an `Infobox` line near the top are the page's head, its title the
    # last short line there (or its `= Title =`).
    box = re.search(r"(?m)^Infobox[ \t]*\r?$", text[:3000])
    box_at = box.start() if box is not None and text.count("\n", 0, box.start()) <= 12 else -1
    for number, start, end in lines_with_offsets(text):
        line = text[start:end].rstrip("\r")
        if state == "start":
            match = TITLE.match(line)
            if match and (not title or start < box_at):
                title = match.group("title").strip()
                body_start = end + 1
                if start < box_at:
                    box_at = start  # a `= Title =` line is the page's own first line
                continue
            if line.strip() == "Infobox":
                state = "infobox"
                continue
            if start < box_at:
                if line.strip() and len(line.strip()) <= 120 and not line.rstrip().endswith("."):
                    title = line.strip()
                body_start = end + 1
                continue
            field = FIELD.match(line)
            if field and normalise_key(field.group("label"))[1] is not None:
                state = "infobox"  # fields with no `Infobox` line over them
            elif line.strip() and not title and len(line.strip()) <= 120 and not line.rstrip().endswith("."):
                title = line.strip()  # a plain first line names the page
                body_start = end + 1
                continue
            elif line.strip():
                state = "body"
                body_start = start
        if state == "infobox":
            if not line.strip():
                if fields:
                    state = "body"
                    body_start = min(end + 1, len(text))
                continue
            match = FIELD.match(line)
            if not match:
                if line.lstrip().startswith("-"):
                    problems.append(Problem(f"infobox line has no `Key: Value`: {line.strip()[:60]!r}", number))
                    continue
                state = "body"
                body_start = start
            else:
                label = match.group("label")
                key, column = normalise_key(label)
                value_start = start + match.start("value")
                value_end = start + match.end("value")
                value = text[value_start:value_end]
                if is_blank_value(value):
                    problems.append(
                        Problem(
                            f"infobox field {label} has no value ({value.strip() or 'empty'!s}); "
                            "icons or links were probably stripped",
                            number,
                            match.start("value") + 1,
                        )
                    )
                    continue
                fields.append(
                    InfoboxField(
                        key=key,
                        label=label,
                        value=value,
                        start=value_start,
                        end=value_end,
                        line=number,
                        column=column,
                    )
                )
                continue
        if state == "body":
            match = HEADING.match(line)
            if match:
                sections.append(Section(match.group("title"), len(match.group("marks")), start, len(text)))
    if body_start > len(text):
        body_start = len(text)
    return ParsedDocument(
        title=title,
        infobox=tuple(fields),
        sections=close_sections(sections, len(text)),
        problems=tuple(problems),
        body_start=body_start,
        belligerents=belligerents_from(fields),
    )


def close_sections(sections: list[Section], length: int) -> tuple[Section, ...]:
    """Each section runs to the start of the next heading of the same or a higher level."""
    closed = []
    for i, section in enumerate(sections):
        end = length
        for later in sections[i + 1 :]:
            if later.level <= section.level:
                end = later.start
                break
        closed.append(Section(section.title, section.level, section.start, end))
    return tuple(closed)
