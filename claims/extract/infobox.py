"""Claims from infobox fields: one claim per figure, person, unit, date and result.

`200–300 killed, 300 wounded, 13–68 POW` is three claims. A `Per Russian sources:` or
`Western estimate:` label governs the figures after it in the same field; a figure's own note
(`(CRI claim)`, `according to Western estimates`) wins over the label. Commanders are one
claim per person, with markers the template glued on (`Elbrus OrudzhevKIA`, `†`, `(WIA)`)
split into ``Person.markers``.
"""

from __future__ import annotations

import re

from claims.extract.attribution import classify_claimant, find_blocks, find_hedges, is_unnamed
from claims.extract.dates import find_dates, DateContext, year_mentions
from claims.extract.quantities import find_quantities
from claims.extract.references import ReferenceIndex, cite_claims
from claims.extract.sides import SideResolver
from claims.extract.spans import build_claim, trim
from claims.model import (
    Attribution,
    Claim,
    Document,
    DocumentFormat,
    InfoboxField,
    Kind,
    Person,
    Quantity,
    Side,
    TextValue,
    Unit,
)
from claims.readers.wikitext import display_text
from claims.readers.wikitext import scan as scan_markup

_ECHELON_RE = re.compile(
    r"(?i)\b(?P<e>army\s+group|army|corps|division|brigade|regiment|battalion|batallion|company"
    r"|detachment|squadron|platoon|flotilla|fleet)s?\b"
)
_UNIT_NUMBER_RE = re.compile(r"\b(?P<n>\d{1,4})(?:st|nd|rd|th)\b")
_MARKER_TOKEN = r"(?:†|‡|\(killed\)|\(KIA\)|\(WIA\)|\(POW\)|\(MIA\)|\(executed\)|\(captured\)|\(wounded\)|\(died\)|KIA|WIA|POW|MIA|\(X\))"
_TRAILING_MARKERS_RE = re.compile(rf"(?:\s*{_MARKER_TOKEN})+\s*$")
_GLUED_MARKER_RE = re.compile(r"(?<=[a-zà-ÿčćšžđ])(?P<m>KIA|WIA|POW|MIA)$")
_RANKS = re.compile(
    r"^(?P<rank>(?:Lieutenant|Lt\.?|Major|Maj\.?|Brigadier|Colonel|Col\.?|Captain|Capt\.?|Admiral|"
    r"Adm\.?|Marshal|General|Gen\.?|Commander|Sergeant|Sgt\.?|Field Marshal|President|"
    r"Prime Minister|Minister|Defence Minister|Defense Minister)(?:\s+(?:General|Colonel|Commander))?)\s+"
)
_PARTICLES = {"al", "el", "de", "da", "di", "van", "von", "bin", "ibn", "der", "la", "le", "du", "ben"}
_SPACE_LIST_MARKERS = {"†", "‡", "X", "KIA", "WIA", "POW", "MIA", "(killed)", "(KIA)", "(WIA)", "(POW)", "(MIA)", "(executed)", "(captured)", "(wounded)"}


class _Context:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.sides = SideResolver(document)
        self.subject = _subject(document)
        self.default_year = _default_year(document)
        #: The year a date without one is read in: the infobox date or title, else the first
        #: year the document mentions (None when it mentions none).
        self.context_year = self.default_year
        if self.context_year is None:
            years = document_year_mentions(document)
            self.context_year = years[0][1] if years else None
        self.heading: tuple[str, str] | None = None
        #: Wikitext values hold markup: values shown to people are rendered (`[[Armenia]]` ->
        #: Armenia, `{{KIA}}` -> KIA); spans still quote the markup.
        self.wiki = document.format is DocumentFormat.WIKITEXT

    def shown(self, raw: str) -> str:
        return display_text(raw) if self.wiki else raw


def document_year_mentions(document: Document) -> list[tuple[int, int]]:
    """(offset, year) for the years a reader sees: in wikitext only those in infobox items
    and prose, never a citation's `|year=2001` or a comment's."""
    if document.format is not DocumentFormat.WIKITEXT:
        return year_mentions(document.text)
    ranges = sorted([(f.start, f.end) for f in document.infobox] + list(document.prose))
    return [m for lo, hi in ranges for m in year_mentions(document.text, lo, hi)]


def _subject(document: Document) -> str:
    wiki = document.format is DocumentFormat.WIKITEXT
    for f in document.infobox:
        if f.key == "Conflict" and f.value.strip(" ,"):
            return display_text(f.value) if wiki else f.value.strip(" ,")
    return document.title or document.id


def _default_year(document: Document) -> int | None:
    for f in document.infobox:
        if f.key == "Date":
            years = year_mentions(f.value)
            if years:
                return years[0][1]
    years = year_mentions(document.title or "")
    return years[0][1] if years else None


def _attribution(ctx: _Context, claimant: str | None, evidence: str | None = None, inherited: bool = False) -> Attribution:
    if claimant is None:
        return Attribution(document=ctx.document.id)
    cls, side = classify_claimant(claimant, ctx.sides)
    return Attribution(
        document=ctx.document.id,
        claimant=claimant,
        claimant_class=cls,
        claimant_side=side,
        inherited=inherited,
        evidence=evidence,
    )


def extract_infobox(document: Document) -> list[Claim]:
    """Every claim the infobox states."""
    ctx = _Context(document)
    claims: list[Claim] = []
    references = ReferenceIndex(document) if document.references else None
    for f in document.infobox:
        if f.start >= f.end or document.text[f.start:f.end] != f.value:
            continue
        handler = _HANDLERS.get(f.key)
        if handler is not None:
            before = len(claims)
            claims.extend(handler(ctx, f))
            if references is not None:
                cite_claims(references, claims, before, f.end)
        _note_heading(ctx, f)
    return claims


def _note_heading(ctx: _Context, f: InfoboxField) -> None:
    """A field that is only a label (`Official Croatian figures:`) governs the next fields of
    the same key, as a table row heading does."""
    blocks = find_blocks(ctx.document.text, f.start, f.end)
    value_end = trim(ctx.document.text, f.start, f.end, " \t")[1]
    if blocks and len(blocks) == 1 and blocks[0][0] <= f.start + 1 and blocks[0][1] >= value_end:
        ctx.heading = (f.key, blocks[0][2])
    elif ctx.heading is not None and ctx.heading[0] != f.key:
        ctx.heading = None


def _date(ctx: _Context, f: InfoboxField) -> list[Claim]:
    text = ctx.document.text
    dctx = DateContext(default_year=ctx.default_year, year_mentions=year_mentions(text, f.start, f.end))
    found = [d for d in find_dates(text, f.start, f.end, dctx) if not d.relative]
    if not found:
        return []
    d = found[0]
    return [build_claim(
        ctx.document, kind=Kind.DATE, subject=ctx.subject, side=Side(), value=d.value,
        start=d.start, end=d.end, attribution=_attribution(ctx, None), rule="infobox.date",
        field=f.label,
    )]


def _text_field(kind: Kind, rule: str):
    def handler(ctx: _Context, f: InfoboxField) -> list[Claim]:
        start, end = trim(ctx.document.text, f.start, f.end)
        if start >= end:
            return []
        quote = ctx.document.text[start:end]
        hedges = tuple(find_hedges(ctx.document.text, start, end))
        side = ctx.sides.column_side(f.column) if f.column in (1, 2) else Side()
        return [build_claim(
            ctx.document, kind=kind, subject=ctx.subject, side=side, value=TextValue(ctx.shown(quote)),
            start=start, end=end, attribution=_attribution(ctx, None), rule=rule,
            hedges=hedges, field=f.label,
        )]
    return handler


def _combatant(ctx: _Context, f: InfoboxField) -> list[Claim]:
    """A belligerent entry; kept as a claim so a hedge on it (`Alleged: Russian volunteers`) is seen."""
    text = ctx.document.text
    claims = []
    for start, end in _comma_items(text, f.start, f.end):
        hedges = tuple(find_hedges(text, start, end))
        if not re.search(r"[A-Za-z]", text[start:end]):
            continue
        side = ctx.sides.column_side(f.column)
        claims.append(build_claim(
            ctx.document, kind=Kind.OTHER, subject=ctx.subject, side=side,
            value=TextValue(_strip_hedge_prefix(ctx.shown(text[start:end]))), start=start, end=end,
            attribution=_attribution(ctx, None), rule="infobox.belligerent", hedges=hedges,
            field=f.label,
        ))
    return claims


def _strip_hedge_prefix(value: str) -> str:
    return re.sub(r"(?i)^\s*(?:alleged|reportedly)\s*:\s*", "", value).strip()


def _comma_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    items = []
    pos = start
    for m in re.finditer(r",", text[start:end]):
        items.append(trim(text, pos, start + m.start()))
        pos = start + m.end()
    items.append(trim(text, pos, end))
    return [(a, b) for a, b in items if a < b]


def _figures(ctx: _Context, f: InfoboxField) -> list[Claim]:
    text = ctx.document.text
    key = f.key if f.key in ("Strength", "Casualties") else None
    dctx = DateContext(default_year=ctx.context_year or 2000, year_mentions=year_mentions(text, f.start, f.end))
    dates = [d for d in find_dates(text, f.start, f.end, dctx) if not d.relative]
    excluded = [(d.start, d.end) for d in dates]
    blocks = find_blocks(text, f.start, f.end)
    found = find_quantities(text, f.start, f.end, field_key=key, excluded=excluded,
                            default_year=ctx.default_year)
    claims: list[Claim] = []
    prev_end = f.start
    rule = f"infobox.{(f.key or 'field').lower()}"
    closing = None if blocks or (ctx.heading is not None and ctx.heading[0] == f.key) else _closing_note(text, found, f.end)
    labels = [d for d in _date_labels(text, dates, found)
              if ctx.context_year is not None or not d.value.year_inferred]
    previous = None
    for q in found:
        if any(a <= q.start < b for a, b, _ in blocks):
            continue
        category = q.category
        if (q.bare and q.claimant is not None and previous is not None and previous.claimant is not None
                and not previous.bare and _ALTERNATIVE_GAP.fullmatch(text, previous.end, q.start)):
            # `3,000 killed (Chechen estimate) 2,500-2,700 (Russian official data)`: competing
            # estimates listed one after the other; the second leaves out what it counts.
            category = previous.category
        previous = q
        as_of = q.as_of
        if as_of is None:
            governing_dates = [d for d in labels if d.end <= q.start]
            if governing_dates:
                as_of = governing_dates[-1].value
        claimant, evidence = q.claimant, "a note beside the figure" if q.claimant else None
        inherited = False
        if claimant is None:
            governing = [b for b in blocks if b[1] <= q.start]
            if governing:
                claimant, evidence = governing[-1][2], "a label before the figure in the same field"
            elif ctx.heading is not None and ctx.heading[0] == f.key:
                claimant, evidence = ctx.heading[1], "a label row above the figure"
            elif closing is not None:
                claimant, evidence, inherited = closing, "a note closing the field, after the last figure", True
        if claimant is not None and is_unnamed(claimant):
            claimant = None
        hedges = list(q.hedges)
        for h in find_hedges(text, prev_end, q.end):
            if not any(h.start == x.start for x in hedges):
                hedges.append(h)
        prev_end = q.end
        side = ctx.sides.column_side(f.column)
        # Only the figure itself says whom it is about: `2,500-2,700 (Russian official data)` is
        # a figure for the column's side that Russia gives, not a Russian figure.
        named = ctx.sides.demonym_in(text, q.start, q.body_end if q.body_end is not None else q.end)
        if named is not None and (side.column is None or side.name is None or side.name == named.name):
            side = Side(column=side.column, name=named.name,
                        reason=(f"{side.reason}; {named.reason}" if side.column else named.reason))
        value = Quantity(low=q.low, high=q.high, qualifier=q.qualifier, category=category,
                         population=q.population, unit=q.noun, as_of=as_of, increment=q.increment,
                         lost=q.lost)
        kind = q.kind
        if key == "Strength" and kind == Kind.OTHER:
            kind = Kind.STRENGTH
        claims.append(build_claim(
            ctx.document, kind=kind, subject=ctx.subject, side=side, value=value,
            start=q.start, end=q.end, attribution=_attribution(ctx, claimant, evidence, inherited),
            rule=rule, hedges=tuple(hedges), field=f.label,
        ))
    if f.key in ("Strength", "Units"):
        claims.extend(_units(ctx, f, [(q.start, q.end) for q in found]))
    return claims


_ALTERNATIVE_GAP = re.compile(r"[\s,;/]*")
_LABEL_AFTER_DATE = re.compile(r"\s*\)?\s*:")


def _closing_note(text: str, found: list, end: int) -> str | None:
    """`6,900 killed 471 captured (Russian claim)`: a bracketed note after the last figure of a
    field, with nothing after it, where no other figure names a claimant, is a note on the
    whole list (a template put it on a line of its own; the scrape glued it to the last
    figure). Returned so the earlier figures get it as an *inherited* attribution."""
    if len(found) < 2:
        return None
    last = found[-1]
    if last.claimant is None or last.claimant_start is None or text[last.claimant_start - 1:last.claimant_start] != "(":
        return None
    if any(q.claimant is not None for q in found[:-1]) or text[last.end:end].strip(" \t|,;"):
        return None
    return last.claimant


def _date_labels(text: str, dates: list, found: list) -> list:
    """Dates that label the figures after them in a cell: `December 31: 38,000 men total`,
    `(December 1994) 38,000`. A date inside a figure's own span (`38,000 (December 1994)`) is
    that figure's note, not a label."""
    labels = []
    for d in dates:
        if any(q.start <= d.start < q.end for q in found):
            continue
        wrapped = d.start > 0 and text[d.start - 1] == "(" and text[d.end:d.end + 1] == ")"
        if wrapped or _LABEL_AFTER_DATE.match(text, d.end):
            labels.append(d)
    return labels


def _units(ctx: _Context, f: InfoboxField, taken: list[tuple[int, int]]) -> list[Claim]:
    """Units named in a strength or units field (`701st motorized rifle brigade`)."""
    text = ctx.document.text
    claims = []
    for start, end in _comma_items(text, f.start, f.end):
        if any(a < end and start < b for a, b in taken):
            continue
        item = text[start:end]
        if not re.search(r"[A-Za-z]{3}", item):
            continue
        echelon = _ECHELON_RE.search(item)
        number = _UNIT_NUMBER_RE.search(item)
        if f.key == "Strength" and echelon is None and number is None:
            continue
        value = Unit(
            name=item.strip(),
            number=int(number.group("n")) if number else None,
            echelon=_echelon(echelon.group("e")) if echelon else None,
        )
        claims.append(build_claim(
            ctx.document, kind=Kind.UNIT, subject=ctx.subject, side=ctx.sides.column_side(f.column),
            value=value, start=start, end=end, attribution=_attribution(ctx, None),
            rule="infobox.unit", field=f.label,
        ))
    return claims


def _echelon(word: str) -> str:
    word = re.sub(r"\s+", " ", word.lower())
    return "battalion" if word == "batallion" else word


def parse_unit(text: str) -> Unit | None:
    """A Unit from a mention such as `701st Kalbajar Motorised Infantry Division`."""
    echelon = _ECHELON_RE.search(text)
    number = _UNIT_NUMBER_RE.search(text)
    if echelon is None and number is None:
        return None
    return Unit(name=text.strip(), number=int(number.group("n")) if number else None,
                echelon=_echelon(echelon.group("e")) if echelon else None)


def split_person(raw: str) -> Person | None:
    """`Elbrus OrudzhevKIA` -> Person('Elbrus Orudzhev', ('KIA',)); `General X (killed)` keeps
    the rank apart. Returns None when nothing name-like is left (a bare `KIA`)."""
    name = raw.strip(" ,;")
    markers: list[str] = []
    while True:
        m = _TRAILING_MARKERS_RE.search(name)
        if m and m.start() > 0:
            markers = re.findall(_MARKER_TOKEN, m.group(0)) + markers
            name = name[:m.start()].rstrip()
            continue
        g = _GLUED_MARKER_RE.search(name)
        if g:
            markers.insert(0, g.group("m"))
            name = name[:g.start()].rstrip()
            continue
        break
    markers = [mk.strip("()") if mk.startswith("(") and mk[1:-1] in ("KIA", "WIA", "POW", "MIA", "X") else mk for mk in markers]
    rank = None
    r = _RANKS.match(name)
    if r:
        rank = r.group("rank")
        name = name[r.end():]
    name = name.strip(" ,;:")
    if not re.search(r"[A-Za-zÀ-ÿ]{2}", name) or name in _SPACE_LIST_MARKERS:
        return None
    return Person(name=name, markers=tuple(markers), rank=rank)


def _person_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of each person in a commander field: comma-separated, or names run together."""
    value = text[start:end]
    if "," in value:
        return _comma_items(text, start, end)
    # A label such as `Commanders of Joint Group ...:` precedes the names.
    colon = value.rfind(":")
    if colon != -1:
        start = start + colon + 1
    tokens = [(start + m.start(), start + m.end(), m.group(0)) for m in re.finditer(r"\S+", text[start:end])]
    items: list[tuple[int, int]] = []
    current: list[tuple[int, int, str]] = []
    names_in_current = 0
    for i, (s, e, tok) in enumerate(tokens):
        is_marker = tok in _SPACE_LIST_MARKERS
        is_particle = tok.lower().rstrip("-") in _PARTICLES or re.match(r"(?i)^(?:al|el|bin|ibn)-", tok) and not tok[0].isupper()
        is_rank = bool(_RANKS.match(tok + " "))
        if is_marker:
            if current:
                current.append((s, e, tok))
            continue
        if is_rank:
            if current and names_in_current:
                items.append((current[0][0], current[-1][1]))
                current, names_in_current = [], 0
            current.append((s, e, tok))
            continue
        if names_in_current >= 2 and not is_particle and not current[-1][2].lower().rstrip("-") in _PARTICLES:
            items.append((current[0][0], current[-1][1]))
            current, names_in_current = [], 0
        current.append((s, e, tok))
        if not is_particle:
            names_in_current += 1
    if current and names_in_current:
        items.append((current[0][0], current[-1][1]))
    return items


def _strip_belligerent_prefix(ctx: _Context, start: int, end: int) -> int:
    text = ctx.document.text
    value = text[start:end]
    for name in ctx.sides.columns.values():
        words = name.split()
        for n in range(min(4, len(words)), 1, -1):
            prefix = " ".join(words[:n])
            if value.startswith(prefix + " "):
                return start + len(prefix) + 1
    return start


def _wiki_person_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """People in a wikitext commander item: split at commas outside links and templates
    (`[[A]], [[B]] {{KIA}}`), each with the markers after it."""
    regions = scan_markup(text, start, end)
    items = []
    pos = start
    comma = text.find(",", pos, end)
    while comma != -1:
        if not any(a <= comma < b for a, b, _, _ in regions):
            items.append(trim(text, pos, comma))
            pos = comma + 1
        comma = text.find(",", comma + 1, end)
    items.append(trim(text, pos, end))
    return [(a, b) for a, b in items if a < b]


def _commanders(ctx: _Context, f: InfoboxField) -> list[Claim]:
    text = ctx.document.text
    if ctx.wiki:
        start = f.start
        items = _wiki_person_items(text, start, f.end)
    else:
        start = _strip_belligerent_prefix(ctx, f.start, f.end)
        items = _person_items(text, start, f.end)
    claims = []
    for a, b in items:
        person = split_person(ctx.shown(text[a:b]))
        if person is None:
            continue
        claims.append(build_claim(
            ctx.document, kind=Kind.COMMANDER, subject=ctx.subject,
            side=ctx.sides.column_side(f.column), value=person, start=a, end=b,
            attribution=_attribution(ctx, None), rule="infobox.commander", field=f.label,
        ))
    return claims


_HANDLERS = {
    "Date": _date,
    "Result": _text_field(Kind.RESULT, "infobox.result"),
    "Territory": _text_field(Kind.TERRITORY, "infobox.territory"),
    "Commander": _commanders,
    "Strength": _figures,
    "Casualties": _figures,
    "Displaced": _figures,
    "Units": _figures,
    "Combatant": _combatant,
    "Belligerents": _combatant,
}
