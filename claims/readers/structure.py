"""The parts of a document every reader produces, and small helpers they share."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from attrs import frozen

from claims.model import InfoboxField, Problem, Reference, Section

#: Sections after an article's body: references and links, no part of its account.
END_SECTIONS = frozenset({
    "references", "notes", "see also", "external links", "further reading", "bibliography",
    "sources", "citations", "footnotes", "literature", "notes and references", "works cited",
})


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
