"""An infobox a converter wrote as Markdown headings and bullets, one heading per label::

    ## Belligerents
    - United States (Union)                 <- one bullet per column, in order
    - Confederate States (Confederacy)
    ## Strength
    - **Union:** 66,812                     <- a bold label names the column
    - **Confederacy:**
      - Army of Mississippi: 44,699         <- a sub-bullet is its parent's column
    ## Casualties and losses
    - 13,047                                <- unlabelled: by position, one bullet per column
    - 10,699

The box is the run of such headings near the top (at least two of Belligerents, Commanders,
Strength, Casualties); it ends at the first other heading, a rule (`---`) or a paragraph of
prose. Offsets are the values' own, so a claim's span is the bullet's text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.lexicon import lexicon
from claims.model import InfoboxField
from claims.readers.common import normalise_key

_HEADING = re.compile(r"^#{1,4}[ \t]+(?P<label>[^#\n]+?)[ \t]*#*[ \t]*\r?$")
_ITEM = re.compile(r"(?P<indent>[ \t]*)[-*+][ \t]+(?P<body>\S.*?)[ \t]*\r?$")
_PLAIN = re.compile(r"[ \t]*(?P<body>\S.*?)[ \t]*\r?$")
# `**Union:** 66,812`, `**Union**: 66,812`, `__Union:__`
_LABEL = re.compile(r"(?:\*\*|__)(?P<label>[^*_\n]{1,60}?):?(?:\*\*|__)[ \t]*:?[ \t]*")
_RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*\r?$")
_LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\([^)\n]*\)")
_BOX_KEYS = frozenset({"Combatant", "Commander", "Strength", "Casualties", "Units", "Date", "Place", "Result", "Territory"})
_CORE_KEYS = frozenset({"Combatant", "Commander", "Strength", "Casualties"})
_BY_COLUMN = frozenset({"Combatant", "Commander", "Strength", "Casualties", "Units"})
_SCAN_LINES = 400
"""How far down a page the box may start (a converted page opens with it)."""


def find_infobox(text: str, lines: Sequence[tuple[int, int, int]]) -> tuple[list[InfoboxField], int, int] | None:
    """The box's fields and the offsets it spans (start of its first heading, end of its last
    line), or None when the page has no such box."""
    rows: list[tuple[str, int, int, int]] = []  # (key, line number, start, end) of each value line
    top = bottom = None
    key = None
    for number, start, end in lines[:_SCAN_LINES]:
        line = text[start:end]
        heading = _HEADING.match(line)
        if heading is not None:
            found = normalise_key(heading.group("label").strip(" *_"))[0]
            if found in _BOX_KEYS:
                key, top = found, start if top is None else top
                bottom = end
                continue
            if top is not None:
                break
            continue
        if top is None or not line.strip():
            continue
        if _RULE.match(line) or (_ITEM.match(line) is None and _is_prose(line)):
            break
        rows.append((key, number, start, end))
        bottom = end
    if top is None or len({k for k, *_ in rows} & _CORE_KEYS) < 2:
        return None
    return _fields(text, rows), top, bottom


def _is_prose(line: str) -> bool:
    words = line.split()
    return len(words) >= 12 and line.rstrip().endswith((".", "”", '"'))


def _clean(value: str) -> str:
    return _LINK.sub(lambda m: m.group("text"), value).replace("**", "").strip()


def _fields(text: str, rows: list[tuple[str, int, int, int]]) -> list[InfoboxField]:
    items = [_ITEM.match(text, start, end) for _, _, start, end in rows]
    top = [m is not None and not m.group("indent") for m in items]
    names: list[set[str]] = [_aliases(_clean(m.group("body"))) for (key, *_), m, t in zip(rows, items, top)
                             if key == "Combatant" and t]  # the words each column goes by
    # Top-level bullets of each label, for columns by position.
    tops: dict[str, list[int]] = {}
    for i, ((key, *_), t) in enumerate(zip(rows, top)):
        if t:
            tops.setdefault(key, []).append(i)
    fields: list[InfoboxField] = []
    parent: int | None = None
    for i, ((key, number, start, end), item) in enumerate(zip(rows, items)):
        body_start = item.start("body") if item is not None else _PLAIN.match(text, start, end).start("body")
        body_end = start + len(text[start:end].rstrip(" \t\r"))
        label = _LABEL.match(text, body_start, body_end)
        column, reason = None, None
        if item is not None and not top[i]:
            column, reason = parent, None if parent is None else "under its parent bullet"
        elif key == "Combatant" and top[i]:
            column = tops["Combatant"].index(i) + 1
            reason = "bullet order under Belligerents"
        elif label is not None and key in _BY_COLUMN:
            column = _column_of(label.group("label"), names)
            reason = None if column is None else f"under the label {label.group('label').strip()!r}"
        elif top[i] and key in _BY_COLUMN and len(tops[key]) == len(names) >= 2:
            column = tops[key].index(i) + 1
            reason = f"bullet {column} of {len(names)}, one per belligerent"
        if top[i] or item is None:
            parent = column
        value_start = label.end() if label is not None else body_start
        if value_start >= body_end:
            continue  # `- **Union:**` over its sub-bullets: no value of its own
        fields.append(InfoboxField(
            key=key, label=key, value=text[value_start:body_end], start=value_start, end=body_end, line=number,
            column=column, column_reason=reason,
            # (one person a bullet, read as a rendered cell is: `Ulysses S. Grant` is one name)
            block=0 if key == "Commander" else None,
        ))
    return fields


def _aliases(name: str) -> set[str]:
    """The words a column goes by: its name, a name in brackets (`United States (Union)`) and
    the party the lexicon knows it as."""
    out = {name.lower()}
    inner = re.findall(r"\(([^)]+)\)", name)
    out.update(i.strip().lower() for i in inner)
    bare = re.sub(r"\([^)]*\)", "", name).strip()
    out.add(bare.lower())
    party = lexicon().party_of(bare)
    if party:
        out.add(party.lower())
    return {a for a in out if a}


def _column_of(label: str, names: list[set[str]]) -> int | None:
    wanted = _clean(label).strip(" :").lower()
    party = lexicon().party_of(wanted)
    for i, aliases in enumerate(names, start=1):
        if wanted in aliases or (party and party.lower() in aliases) \
                or any(wanted in a.split() or a in wanted.split() for a in aliases if len(a) >= 4):
            return i
    return None
