"""The parts of a document every reader produces, and small helpers they share."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from attrs import frozen

from claims.model import InfoboxField, Problem, Reference, Section

#: Sections after an article's body: references and links, no part of its account.
END_SECTIONS = frozenset({
    "references", "notes", "see also", "external links", "further reading", "bibliography",
    "sources", "citations", "footnotes", "literature", "notes and references", "works cited",
})

# A line that is only the heading of one of those sections, in any page's rendering of it
# (`References`, `References[edit]`, `## Bibliography`, `== See also ==`, `EXTERNAL LINKS`, `Sources:`).
_END_HEADING = re.compile(
    r"(?m)^[ \t]*(?:#{1,6}[ \t]*|=+[ \t]*)?(?P<t>[A-Za-z][A-Za-z ]{2,28}?)[ \t]*(?:\[[ \t]*edit[ \t]*\]|=+)?[ \t]*:?[ \t]*$")
_BODY = re.compile(r"\S")
# Of those, the ones of citations and links only (`Notes` and `Footnotes` explain the text, with
# figures of their own).
_CITATION_SECTIONS = END_SECTIONS - {"notes", "footnotes", "notes and references"}


def back_matter_start(text: str, start: int) -> int:
    """Where the references and links after an article's body begin (the first line
    after ``start`` that heads one of them alone, after a blank line), else the end of the
    text: citation titles there (`"Defence ministry: 107 killed"`) are no claims of the page."""
    for m in _END_HEADING.finditer(text, start):
        # (after some of the body: a page titled `Notes` is no back matter)
        if m.group("t").strip().lower() in _CITATION_SECTIONS and _BODY.search(text, start, m.start()) \
                and text[max(0, m.start() - 80):m.start()].rstrip(" \t").endswith("\n\n"):
            return m.start()
    return len(text)


@frozen
class ParsedDocument:
    title: str
    infobox: tuple[InfoboxField, ...]
    sections: tuple[Section, ...]
    problems: tuple[Problem, ...]
    body_start: int
    belligerents: tuple[str, ...] = ()
    prose: tuple[tuple[int, int], ...] = ()
    """Ranges of running prose; empty means from ``body_start`` to the end."""
    references: tuple[Reference, ...] = ()


def lines_with_offsets(text: str) -> Iterator[tuple[int, int, int]]:
    """(1-based line number, start offset, end offset excluding the newline) for each line."""
    start = 0
    number = 1
    length = len(text)
    while start <= length:
        end = text.find("\n", start)
        if end == -1:
            end = length
        yield number, start, end
        if end == length:
            return
        start = end + 1
        number += 1


def is_blank_value(value: str) -> bool:
    """A value with nothing but punctuation left (`,` after stripped flag icons)."""
    return not any(ch.isalnum() for ch in value)


def belligerents_from(fields: Sequence[InfoboxField]) -> tuple[str, ...]:
    """Names per column from `Combatant1`/`Combatant2` (or a Belligerents row); '' if unknown."""
    names: dict[int, str] = {}
    for field in fields:
        if field.key == "Combatant" and field.column in (1, 2) and field.column not in names:
            names[field.column] = field.value.strip().strip(",").strip()
    if not names:
        return ()
    return tuple(names.get(column, "") for column in (1, 2))
