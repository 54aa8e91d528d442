"""Identity rules: one unit or one person under two names.

Units and people outlive a single battle, so these rules look across the events of one war
(documents whose `Part of` names the same war), not only within an event.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from claims.model import Claim, Conflict, Document, Outcome, Person, Severity, Unit
from claims.reconcile.events import TitleKey
from claims.reconcile.index import NO_SIDE, Context
from claims.reconcile.names import fold, similar, skeleton
from claims.reconcile.rules import cite, family, finding, rule

UNIT_ECHELON = rule(
    "R-UNIT-ECHELON", Severity.LOW, "one unit number at two echelons",
    """Two unit claims with the same number (`701st`) but different echelons (`motorized rifle
    brigade` against `Kalbajar Motorised Infantry Division`) in documents about one event or one
    war, not known to be on opposite sides. Indeterminate: it may be one unit misnamed or two
    units (a brigade later expanded to a division). Check the order of battle in a reliable
    source and use one name.""",
    tension_disagrees=True,
)
PERSON_VARIANT = rule(
    "R-PERSON-VARIANT", Severity.INFO, "one person under transliteration variants",
    """Two spellings of one name (`Orudzhev`/`Orujev`, `Atgeriyev`/`Atgeriev`) that fold to the
    same form under transliteration rules (dzh→j, kh→h, y→i, double letters, diacritics) or
    share a consonant skeleton and differ by at most two letters. An identity to link, not a
    conflict: the claims are about one person. Check the spelling the sources use and keep it
    consistent.""",
)

_PART_OF_LINE = re.compile(r"^\s*Part\s*of:?\s+(?:the\s+)?(.+?)\s*(?:\||$)", re.M | re.I)
_CAP = 20


def war_of(document: Document) -> str | None:
    """The war a document's event is part of (infobox `Part of`, or a `Part of` line in its lead)."""
    for f in document.infobox:
        if fold(f.key).replace(" ", "") == "partof" and f.value.strip():
            return TitleKey.of(f.value).core
    m = _PART_OF_LINE.search(document.text[:3000])
    return TitleKey.of(m.group(1)).core if m else None


def same_war(a: str | None, b: str | None) -> bool:
    """Two wars (as :func:`war_of` gives them) are one: equal or spelling variants."""
    return bool(a and b and (a == b or similar(a, b)))


def _war(ctx: Context, document_id: str) -> str | None:
    doc = ctx.documents.get(document_id)
    return None if doc is None else war_of(doc)


def _related(a: Claim, b: Claim, ctx: Context, wars: dict[str, str | None]) -> bool:
    if ctx.event(a).id == ctx.event(b).id:
        return True
    return same_war(wars[a.document], wars[b.document])


def _opposed(a: Claim, b: Claim, ctx: Context) -> bool:
    sa, sb = ctx.sides[a.id], ctx.sides[b.id]
    known = NO_SIDE not in (sa, sb) and "#" not in sa + sb
    return known and sa != sb


_ECHELONS = ("army", "corps", "division", "brigade", "regiment", "battalion", "company", "detachment", "group")


def _echelon(u: Unit) -> str | None:
    if u.echelon:
        return fold(u.echelon)
    words = fold(u.name).split()
    return next((w for w in reversed(words) if w in _ECHELONS), None)


@family
def unit_echelons(ctx: Context) -> Iterator[Conflict]:
    units: dict[int, list[Claim]] = defaultdict(list)
    for c in ctx.of_type(Unit):
        if c.value.number is not None:  # type: ignore[union-attr]
            units[c.value.number].append(c)
    wars = {d: _war(ctx, d) for d in {c.document for v in units.values() for c in v}}
    for number, claims in sorted(units.items()):
        by_echelon: dict[str, list[Claim]] = defaultdict(list)
        for c in sorted(claims, key=lambda c: (c.document, c.span.start)):
            e = _echelon(c.value)  # type: ignore[arg-type]
            if e:
                by_echelon[e].append(c)
        names = sorted(by_echelon)
        for i, ea in enumerate(names):
            for eb in names[i + 1:]:
                pairs = [(a, b) for a in by_echelon[ea] for b in by_echelon[eb]
                         if _related(a, b, ctx, wars) and not _opposed(a, b, ctx)]
                if not pairs:
                    continue
                a, b = pairs[0]
                yield finding(
                    UNIT_ECHELON, (a, b),
                    f"Unit number {number} appears as a {ea} in {cite(a, ctx)} and as a {eb} in {cite(b, ctx)}. "
                    "Either one unit is misnamed or these are two units; check the order of battle and use one name.",
                    ctx, outcome=Outcome.INDETERMINATE,
                )


def _surname(p: Person) -> str:
    words = p.name.split()
    return words[-1] if words else ""


@family
def person_variants(ctx: Context) -> Iterator[Conflict]:
    buckets: dict[str, list[Claim]] = defaultdict(list)
    for c in ctx.of_type(Person):
        if _surname(c.value):  # type: ignore[arg-type]
            buckets[skeleton(_surname(c.value))].append(c)
    wars = {d: _war(ctx, d) for d in {c.document for v in buckets.values() for c in v}}
    for bucket in buckets.values():
        spellings: dict[str, list[Claim]] = defaultdict(list)
        for c in sorted(bucket, key=lambda c: (c.document, c.span.start, c.id)):
            spellings[" ".join(c.value.name.split())].append(c)  # type: ignore[union-attr]
        names = sorted(spellings)
        for i, na in enumerate(names):
            for nb in names[i + 1:]:
                first_a, first_b = na.split()[:-1], nb.split()[:-1]
                if first_a and first_b and not similar(" ".join(first_a), " ".join(first_b)):
                    continue
                if not similar(na.split()[-1], nb.split()[-1]):
                    continue
                pairs = [(a, b) for a in spellings[na] for b in spellings[nb] if _related(a, b, ctx, wars)]
                if not pairs:
                    continue
                involved = list(dict.fromkeys([p for pair in pairs for p in pair]))[:_CAP]
                a, b = pairs[0]
                yield finding(
                    PERSON_VARIANT, involved,
                    f"“{na}” ({cite(a, ctx)}) and “{nb}” ({cite(b, ctx)}) are spellings of one name. "
                    "Link them as one person and check which spelling the sources use.",
                    ctx, outcome=Outcome.IDENTITY,
                )
