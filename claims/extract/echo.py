"""Sides from a figure the page states twice: in its infobox and in its prose.

An encyclopedia page often gives a battle's tolls in the infobox and again in the text
(`German losses are estimated at 6,300 killed or wounded`). The two are one figure about one
side, so each tells the other its side: the infobox's column holds for a prose figure that
names no party (`Zangen held the ridge with 21,000 troops`), and a party the prose names
settles an infobox cell whose column only the order of a flattened list gave (a layout that
lost its columns: `4,200 killed, wounded or missing / 6,300 killed or wounded / 12,000
captured`, one column after the other with nothing to say where the second starts).

Only figures of 100 or more are matched (small numbers recur by chance), of the same kind,
category and bounds, and only when every claim of the other kind that matches agrees on one
side.
"""

from __future__ import annotations

import re

import attrs

from claims.extract.infobox import PLACED_BY_ORDER
from claims.model import Claim, Kind, Population, Quantity, Side

_FIGURES = frozenset({Kind.CASUALTIES, Kind.STRENGTH, Kind.EQUIPMENT, Kind.CAPTURED})
# A prose side its own words give (a party named with the figure, the subject of its verb).
_FROM_WORDS = re.compile(r"\bnames\b|\bis the subject of\b|\bopens the figures\b|\bthe sentence is about\b|\blost by\b"
                         r"|\bcontinues the figure\b")


def _key(claim: Claim) -> tuple | None:
    q = claim.value
    if claim.kind not in _FIGURES or not isinstance(q, Quantity) or q.vague or q.population is Population.CIVILIAN:
        return None
    if max(q.low or 0, q.high or 0) < 100:
        return None
    return claim.kind, q.category, q.low, q.high


def _agreed(claims: list[Claim]) -> Side | None:
    names = {(c.side.column, c.side.name) for c in claims}
    if len(names) != 1 or None in next(iter(names)):
        return None
    return claims[0].side


def echo_sides(claims: list[Claim]) -> list[Claim]:
    """``claims`` with the sides one statement of a figure gives the other (see the module)."""
    infobox: dict[tuple, list[Claim]] = {}
    prose: dict[tuple, list[Claim]] = {}
    for c in claims:
        key = _key(c)
        if key is not None:
            (infobox if c.rule.startswith("infobox.") else prose).setdefault(key, []).append(c)
    if not infobox or not prose:
        return claims
    changed: dict[str, Side] = {}
    for key, cells in infobox.items():
        said = prose.get(key)
        if not said:
            continue
        cell_side = _agreed(cells)
        if cell_side is not None and cell_side.column is not None:
            for c in said:
                if c.side.name is None and "total" not in (c.side.reason or ""):
                    changed[c.id] = Side(column=cell_side.column, name=cell_side.name,
                                         reason=f"the same figure as the infobox's “{cells[0].span.quote}” ({cell_side.reason})")
        worded = [c for c in said if c.side.name is not None and _FROM_WORDS.search(c.side.reason or "")]
        text_side = _agreed(worded) if len(worded) == len([c for c in said if c.side.name is not None]) else None
        if text_side is None:
            continue
        for c in cells:
            if PLACED_BY_ORDER.search(c.side.reason or "") and c.side.name != text_side.name:
                changed[c.id] = Side(column=text_side.column, name=text_side.name,
                                     reason=f"the text gives the same figure as {text_side.name}'s (“{worded[0].span.quote}”: "
                                            f"{text_side.reason}); the cell's column came only from the order of the list")
    if not changed:
        return claims
    # A flattened list gives column 1's cells first: the cells after one the text puts in
    # column 2 are column 2's as well (within the same field's list).
    moved = False
    for c in claims:
        new = changed.get(c.id)
        if new is not None and c.rule.startswith("infobox.") and c.side.column == 1 and new.column == 2:
            moved = True
            last = (c.rule, new)
        elif moved and c.rule.startswith("infobox.") and c.id not in changed and PLACED_BY_ORDER.search(c.side.reason or "") \
                and c.side.column == 1 and c.rule == last[0]:
            changed[c.id] = Side(column=2, name=last[1].name,
                                 reason=f"after a cell the text puts in column 2 ({last[1].name}) in a list that gives column 1's cells first")
    return [attrs.evolve(c, side=changed[c.id]) if c.id in changed else c for c in claims]
