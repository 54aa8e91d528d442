"""Claims from infobox fields: one claim per figure, person, unit, date and result.

`200–300 killed, 300 wounded, 13–68 POW` is three claims. A `Per Russian sources:` or
`Western estimate:` label governs the figures after it in the same field; a figure's own note
(`(CRI claim)`, `according to Western estimates`) wins over the label. Commanders are one
claim per person, with markers the template glued on (`Elbrus OrudzhevKIA`, `†`, `(WIA)`)
split into ``Person.markers``.
"""

from __future__ import annotations

import re

import attrs

from claims.extract.attribution import classify_claimant, find_blocks, find_hedges, is_unnamed
from claims.extract.dates import DateContext, cited_year, find_dates, year_mentions
from claims.extract.figures import read_figures
from claims.extract.numbers import FOOTNOTE
from claims.extract.quantities import find_quantities
from claims.extract.references import ReferenceIndex, cite_claims
from claims.extract.sides import PARTY_LEAD, SUPPORT_LABEL, resolver_for
from claims.extract.spans import build_claim, trim
from claims.lexicon import lexicon
from claims.model import (
    Attribution,
    Category,
    Claim,
    Document,
    DocumentFormat,
    InfoboxField,
    Kind,
    Person,
    Population,
    Quantity,
    Side,
    TextValue,
    Unit,
)
from claims.readers.rendered import is_noise
from claims.readers.wikitext import display_text
from claims.readers.wikitext import scan as scan_markup

_ECHELON_RE = re.compile(
    r"(?i)\b(?P<e>army\s+group|army|corps|division|brigade|regiment|battalion|batallion|company"
    r"|detachment|squadron|platoon|flotilla|fleet)s?\b"
)
_UNIT_NUMBER_RE = re.compile(r"\b(?P<n>\d{1,4})(?:st|nd|rd|th)\b")
_MARKER_TOKEN = r"(?:†|‡|\(killed\)|\(KIA\)|\(WIA\)|\(POW\)|\(MIA\)|\(executed\)|\(captured\)|\(wounded\)|\(died\)|\(surrendered\)|KIA|WIA|POW|MIA|Surrendered|\(X\))"
_TRAILING_MARKERS_RE = re.compile(rf"(?:\s*{_MARKER_TOKEN})+\s*$")
_GLUED_MARKER_RE = re.compile(r"(?<=[a-zà-ÿčćšžđ])(?P<m>KIA|WIA|POW|MIA)$")
_RANKS = re.compile(
    r"^(?P<rank>(?:(?:Lt\.?|Lieutenant|Maj\.?|Major|Brig\.?|Brigadier|Vice|Rear|Wg\.?|Wing|Sqn\.?|Squadron|Air)"
    r"[\s\-]+(?:Col\.?|Colonel|Gen\.?|General|Cdr\.?|Commander|Adm\.?|Admiral|Ldr\.?|Leader|Marshal)"
    r"|Vicecomodoro|Comodoro|Generalleutnant|Generaloberst|Generalmajor|Generalfeldmarschall"
    r"|Lieutenant|Lt\.?|Major|Maj\.?|Brigadier|Colonel|Col\.?|Captain|Capt\.?|Admiral|"
    r"Adm\.?|Marshal|General|Gen\.?|Commander|Sergeant|Sgt\.?|Field Marshal|President|"
    r"Prime Minister|Minister|Defence Minister|Defense Minister)(?:\s+(?:General|Colonel|Commander))?)\s+"
)
_RANK_PREFIXES = {"Field", "Air", "Vice", "Rear", "Grand", "Fleet", "Lieutenant", "Major", "Brigadier", "Staff", "Chief"}
_PARTICLES = {"al", "el", "de", "da", "di", "van", "von", "bin", "ibn", "der", "la", "le", "du", "ben"}
_SPACE_LIST_MARKERS = {"†", "‡", "X", "KIA", "WIA", "POW", "MIA", "(killed)", "(KIA)", "(WIA)", "(POW)", "(MIA)", "(executed)", "(captured)", "(wounded)"}


class _Context:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.sides = resolver_for(document)
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
    and prose, never a citation's `|year=2001` or a comment's. A year after `since` (`the
    Taliban had held the district since 2001`) says when something began, not the year the
    text goes on in: a later `on 28 September` is not in it; nor does a citation's year
    (`(Middlebrook 1971)`: when the book came out)."""
    text = document.text
    if document.format is not DocumentFormat.WIKITEXT:
        found = year_mentions(text)
    else:
        ranges = sorted([(f.start, f.end) for f in document.infobox] + list(document.prose))
        found = [m for lo, hi in ranges for m in year_mentions(text, lo, hi)]
    return [m for m in found if not _SINCE_BEFORE.search(text, max(0, m[0] - 16), m[0])
            and not cited_year(text, m[0], m[0] + 4)]


_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?$")  # `since May 1998`


def _subject(document: Document) -> str:
    wiki = document.format is DocumentFormat.WIKITEXT
    for f in document.infobox:
        if f.key == "Conflict" and f.value.strip(" ,"):
            return display_text(f.value) if wiki else f.value.strip(" ,")
    return document.title or document.id


_LABEL_ABOUT = re.compile(r"\(([^()\n]{2,40})\)\s*:?\s*$")


def _default_year(document: Document) -> int | None:
    for f in document.infobox:
        if f.key == "Date":
            years = year_mentions(f.value)
            if years:
                return years[0][1]
    years = year_mentions(document.title or "")
    if years:
        return years[0][1]
    # A web page's publication date: a news story's `on Feb. 24` is in the year it was published.
    published = document.provenance.published if document.provenance else None
    year = re.match(r"\s*(1[5-9]\d\d|20\d\d)\b", published or "")  # ISO 8601, as pages give it
    return int(year.group(1)) if year else None


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
    rendered: list[tuple[InfoboxField, int, int]] = []
    for f in document.infobox:
        if f.start >= f.end or document.text[f.start:f.end] != f.value:
            continue
        handler = _HANDLERS.get(f.key)
        if handler is not None:
            before = len(claims)
            claims.extend(handler(ctx, f))
            if references is not None:
                cite_claims(references, claims, before, f.end)
            if f.block is not None:
                rendered.append((f, before, len(claims)))
        _note_heading(ctx, f)
    if rendered:
        claims = _rendered_sides(ctx, claims, rendered)
    return claims


_CLOSING_MARKUP = re.compile(r"(?:'{2,3}|</(?:i|b|em|strong)>)\s*$")


def _note_heading(ctx: _Context, f: InfoboxField) -> None:
    """A field that is only a label (`Official Croatian figures:`) governs the next fields of
    the same key, as a table row heading does."""
    blocks = find_blocks(ctx.document.text, f.start, f.end)
    value_end = trim(ctx.document.text, f.start, f.end, " \t")[1]
    markup = _CLOSING_MARKUP.search(ctx.document.text, f.start, value_end)
    if markup is not None:
        value_end = markup.start()  # `''Vietnamese figures:''`: the label in italics
    if blocks and len(blocks) == 1 and blocks[0][0] <= f.start + 1 and blocks[0][1] >= value_end:
        ctx.heading = (f.key, blocks[0][2])
    elif ctx.heading is not None and ctx.heading[0] != f.key:
        ctx.heading = None


def _date(ctx: _Context, f: InfoboxField) -> list[Claim]:
    text = ctx.document.text
    shift = 0
    if f.start > 0 and text[f.start - 1].isalnum():
        # A label glued to its value (`Date14 January`): read the value on its own, so the
        # glued label does not hide the first number from word boundaries.
        text, shift = f.value, f.start
        lo, hi = 0, len(f.value)
    else:
        lo, hi = f.start, f.end
    dctx = DateContext(default_year=ctx.default_year, year_mentions=year_mentions(text, lo, hi))
    found = [d for d in find_dates(text, lo, hi, dctx) if not d.relative]
    if not found:
        return []
    d = found[0]
    return [build_claim(
        ctx.document, kind=Kind.DATE, subject=ctx.subject, side=Side(), value=d.value,
        start=d.start + shift, end=d.end + shift, attribution=_attribution(ctx, None), rule="infobox.date",
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
        claims = [build_claim(
            ctx.document, kind=kind, subject=ctx.subject, side=side, value=TextValue(ctx.shown(quote)),
            start=start, end=end, attribution=_attribution(ctx, None), rule=rule,
            hedges=hedges, field=f.label,
        )]
        if kind is Kind.TERRITORY:
            claims += _territory_figures(ctx, f, start, end, side)
        return claims
    return handler


def _territory_figures(ctx: _Context, f: InfoboxField, start: int, end: int, side: Side) -> list[Claim]:
    """The figures a territorial change states (`ISIL captures 350 villages`, `controls 40–60%
    of the city`), besides the change itself: the side is the party that took or holds them."""
    text = ctx.document.text
    out = []
    for fig in read_figures(text, start, end):
        if fig.category not in (Category.VILLAGES, Category.AREA, Category.SHARE):
            continue
        own = side
        for s, e, party in fig.party_mentions:
            named = ctx.sides.side_for_mention(party, f"the change names {text[s:e]}")
            if named is not None:
                own = named
                break
        else:
            taker = ctx.sides.combatant_in(text[start:fig.start])
            if taker is not None:
                own = Side(column=taker[0], name=taker[1], reason=f"the change names {taker[1]} before the figure")
        value = Quantity(low=fig.low, high=fig.high, qualifier=fig.qualifier, category=fig.category,
                         unit=fig.noun, vague=fig.vague)
        out.append(build_claim(
            ctx.document, kind=Kind.TERRITORY, subject=ctx.subject, side=own, value=value,
            start=fig.start, end=fig.end, attribution=_attribution(ctx, None), rule="infobox.territory",
            field=f.label,
        ))
    return out


def _combatant(ctx: _Context, f: InfoboxField) -> list[Claim]:
    """A belligerent entry; kept as a claim so a hedge on it (`Alleged: Russian volunteers`) is seen."""
    text = ctx.document.text
    claims = []
    for start, end in _comma_items(text, f.start, f.end):
        hedges = tuple(find_hedges(text, start, end))
        if not re.search(r"[A-Za-z]", text[start:end]) or SUPPORT_LABEL.match(text[start:end].strip()):
            continue  # `Supported by:` introduces the entries after it; it names no one
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
    if "\n" in text[f.start:f.end]:
        # A cell extended over lines (a claimant note under it) may hold page furniture that
        # came between them (coordinates, a map's scale): no figures there.
        pos = f.start
        for line in text[f.start:f.end].split("\n"):
            if is_noise(line):
                excluded.append((pos, pos + len(line)))
            pos += len(line) + 1
    blocks = find_blocks(text, f.start, f.end)
    found = find_quantities(text, f.start, f.end, field_key=key, excluded=excluded,
                            default_year=ctx.default_year)
    claims: list[Claim] = []
    prev_end = f.start
    rule = f"infobox.{(f.key or 'field').lower()}"
    if f.key == "Note":
        rule = "infobox.casualties" if f.label.lower().startswith("casualt") else "infobox.strength"
    closing = None if blocks or (ctx.heading is not None and ctx.heading[0] == f.key) else _closing_note(text, found, f.end)
    labels = [d for d in _date_labels(text, dates, found)
              if ctx.context_year is not None or not d.value.year_inferred]
    time_label = _time_label_date(ctx, f)
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
            elif time_label is not None:
                as_of = time_label
        claimant, evidence = q.claimant, "a note beside the figure" if q.claimant else None
        inherited = False
        if claimant is None:
            governing = [b for b in blocks if b[1] <= q.start]
            if governing:
                claimant, evidence = governing[-1][2], "a label before the figure in the same field"
            elif f.claimant is not None:
                claimant, evidence = f.claimant, "a header over the cells"
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
        named = ctx.sides.demonym_in(text, q.start, q.body_end if q.body_end is not None else q.end, member=False)
        labelled = None
        if named is None:
            # `Prussia 42,000; Austria 38,500`: a party opening the cell's segment names its
            # figures, whatever column the cell began in.
            segment = max(text.rfind(";", f.start, q.start), text.rfind("\n", f.start, q.start), f.start - 1) + 1
            # (`Total: 3,801 killed, Syria: 3,500 killed, 370 captured, Iraq: 278 killed`: the
            # last label before the figure opens its part, after a comma too)
            label = None
            for label in _CELL_LABEL.finditer(text, segment, q.start):
                pass
            if label is not None:
                segment = label.start("who")
            lead = PARTY_LEAD.match(text, segment, f.end)
            # (`Germany: 12,000 killed or wounded, 6,500 captured`: all of the part is Germany's)
            if lead is not None and lead.end() <= q.start and text[lead.end():q.start].strip(" ,\t").count(":") == 0:
                whole = ctx.sides.demonym_in(text, lead.start("who"), lead.end("who"))
                if whole is not None and ctx.sides.party(lead.group("who")) is not None:
                    labelled = Side(column=whole.column, name=whole.name,
                                    reason=f"the figure names {lead.group('who')} ({_OPENS_PART})")
        if labelled is not None and labelled.name is not None:
            # (a coalition member labelling its part of its column's cell keeps the label in the
            # reason: `Iraq: 8 killed` under the United States is Iraq's part of the column)
            side = labelled if f.column is None or labelled.name != side.name \
                else attrs.evolve(side, reason=f"{side.reason}; {labelled.reason}")
        elif named is not None and (side.column is None or side.name is None or side.name == named.name):
            side = Side(column=side.column, name=named.name,
                        reason=(f"{side.reason}; {named.reason}" if side.column else named.reason))
        elif f.column is None and (about := _LABEL_ABOUT.search(f.label or "")) is not None \
                and (party := ctx.sides.demonym_in(about.group(1), 0, len(about.group(1)))) is not None:
            # `Casualties (Peshmerga): 38 killed`: the label says whose the row is
            side = attrs.evolve(party, reason=f"the row's label `{f.label.strip()}`")
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


_OPENS_PART = "it opens the figure's part of the cell"
"""The reason of a side a party label gives (`; Germany: 12,000 killed`); it beats the cell's column."""
# A label in a cell after a comma or at its start: `, Iraq: 278 killed`.
_CELL_LABEL = re.compile(r"(?:(?<=[,;(|])|^)[ \t]*(?P<who>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,3})[ \t]*:", re.M)
_ALTERNATIVE_GAP = re.compile(r"[\s,;/]*")
# What may follow a field's closing note: separators and the note's footnote markers.
_AFTER_NOTE = re.compile(rf"[ \t|,;]*(?:{FOOTNOTE}[ \t|,;]*)*")
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
    if any(q.claimant is not None for q in found[:-1]) or not _AFTER_NOTE.fullmatch(text, last.end, end):
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
            if current and current[-1][2] in _RANK_PREFIXES and names_in_current == 1 and len(current) == 1:
                # `Field Marshal`, `Air Marshal`, `Rear Admiral`: the word before is the rank's own.
                current.append((s, e, tok))
                names_in_current = 0
                continue
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
    for name in list(ctx.sides.raw.values()) + list(ctx.sides.columns.values()):
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
    if f.block is not None and _FIGURE_FIRST.match(text, f.start, f.end):
        return _figures(ctx, attrs.evolve(f, key="Strength"))  # `790 army` under the commanders
    if ctx.wiki:
        start = f.start
        items = _wiki_person_items(text, start, f.end)
    elif f.block is not None:
        items = _rendered_people(text, f.start, f.end)
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
    "Note": _figures,
    "Combatant": _combatant,
    "Belligerents": _combatant,
}


# -- rendered infobox pages ----------------------------------------------------------------------

_FIGURE_FIRST = re.compile(r"\s*[~≈+]?\d")


def _time_label_date(ctx: _Context, f: InfoboxField):
    """The date a time-point label over the cell names (`13 March:`, `As of March 13:`), as the
    as-of date of its figures; None for labels with no date (`Initial:`)."""
    if f.time_label is None or f.time_start is None:
        return None
    label = f.time_label  # read on its own: what is glued before it (`Strength1:`) is no context
    dctx = DateContext(default_year=ctx.context_year or ctx.default_year or 2000,
                       year_mentions=year_mentions(label, 0, len(label)))
    found = [d for d in find_dates(label, 0, len(label), dctx) if not d.relative]
    if not found or (ctx.context_year is None and found[0].value.year_inferred):
        return None
    return found[0].value


_PERSON_BREAK = re.compile(
    r"(?P<paren>\((?:[^()]|\([^()]*\))*\))|(?P<ref>\[[^\[\]\n]{1,20}\])|(?P<tok>[^\s()\[\]]+)"
)
_NICKNAME = re.compile(r'^\(\s*["“\']')
_MARKER_WORDS = {"†", "‡", "KIA", "WIA", "POW", "MIA", "Surrendered", "surrendered", "(X)"}
_PAREN_MARKERS = re.compile(r"(?i)^\((?:KIA|WIA|POW|MIA|killed|executed|captured|wounded|died|surrendered|X)\)$")
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z]\.(?:[A-Z]\.)*$")


def _rendered_people(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """People in a rendered commanders cell: one a line, or run together on one line
    (`Adolf Hitler Erich von Manstein Friedrich Paulus`). A marker (`†`, `(WIA)`, `KIA`,
    `Surrendered`) or a quoted nickname (`("Abu Layla")`) ends a person and stays in its span;
    a note in brackets (`(Caliph)`, `(from 18 November 2014)`) and footnotes end it and are left
    out; a rank starts one; past two name words (particles and initials aside) the next
    capitalised word starts the next person. Names of three words run together with the next
    name cannot be told apart; they are split after two."""
    items: list[tuple[int, int]] = []
    first = last = None  # span of the current person (incl. markers)
    names = 0
    previous = ""
    # A cell of three name words or fewer is one person (`Ismet Sheikh Hassan` on its line).
    words = [m.group(0).strip(",;") for m in _PERSON_BREAK.finditer(text, start, end) if m.group("tok")]
    words = [w for w in words if w not in _MARKER_WORDS and w.lower().rstrip("-") not in _PARTICLES
             and not w[:1].islower() and not (_RANKS.match(w + " ") or w.rstrip(".") in _RANK_WORDS)]
    most = 3 if len(words) <= 3 else 2

    def close() -> None:
        nonlocal first, last, names
        if first is not None and names:
            items.append((first, last))
        first = last = None
        names = 0

    for m in _PERSON_BREAK.finditer(text, start, end):
        tok = m.group(0)
        if m.group("ref"):
            continue
        if m.group("paren"):
            if first is not None and (_PAREN_MARKERS.match(tok) or _NICKNAME.match(tok)):
                last = m.end()
            close()
            continue
        bare = tok.strip(",;")
        if bare in _MARKER_WORDS or _GLUED_MARKER_RE.search(bare):
            if first is not None:
                last = m.end() - (len(tok) - len(tok.rstrip(",;")))
                if bare in _MARKER_WORDS:
                    close()
                    continue
            else:
                continue
        is_particle = bare.lower().rstrip("-") in _PARTICLES or bool(
            re.match(r"^(?:al|el|bin|ibn|ad|as|ash|an)-", bare)) or (bare[:1].islower() and not bare[:1].isdigit())
        is_rank = bool(_RANKS.match(bare + " ")) or bare.rstrip(".") in _RANK_WORDS
        if is_rank:
            if names:
                close()
            if first is None:
                first = m.start()
            last = m.end()
            continue
        if names >= most and not is_particle and previous.lower().rstrip("-") not in _PARTICLES \
                and not _INITIAL.match(previous):
            close()
        if first is None:
            first = m.start()
        last = m.end() - (len(tok) - len(tok.rstrip(",;")))
        if not is_particle:
            names += 1
        previous = bare
        if tok.endswith((",", ";")):
            close()
    close()
    return items


_RANK_WORDS = {
    "Lt", "Col", "Maj", "Gen", "Capt", "Cdr", "Wg", "Sqn", "Ldr", "Adm", "Brig", "Sgt", "Cpl", "Lieutenant",
    "Colonel", "Major", "General", "Captain", "Commander", "Admiral", "Brigadier", "Marshal", "Vicecomodoro",
    "Comodoro", "Lieutenant-Colonel", "Lieutenant-General", "Major-General", "Brigadier-General",
    "Vice-Admiral", "Rear-Admiral", "Colonel-General", "Generalleutnant", "Generaloberst", "Generalmajor",
    "Generalfeldmarschall", "Field", "Wing", "Squadron", "Leader", "Air", "Vice", "Rear", "Teniente",
    "Coronel", "Mayor", "Capitán", "Capitan",
}

_PEOPLE = {Category.KILLED, Category.WOUNDED, Category.MISSING, Category.CAPTURED,
           Category.KILLED_OR_MISSING, Category.CASUALTIES}
_EQUIPMENT = {Category.TANKS, Category.ARMOURED_VEHICLES, Category.ARTILLERY, Category.AIRCRAFT,
              Category.HELICOPTERS, Category.VEHICLES}


_CLAIMANT_NOTE_WORDS = re.compile(r"(?i)\b(?:claims?|estimates?|figures?|data|sources?|count)\b")


def _token(claim: Claim, text: str = "", end: int | None = None) -> str:
    """What a figure counts, for telling a repeat (the next column's list) from the next item:
    the category for people, else the noun (or the words after a figure that has none:
    `790 army`, `202 (airforce)`)."""
    q = claim.value
    civilian = "civilian " if q.population is Population.CIVILIAN else ""
    if q.category in _PEOPLE:
        return civilian + q.category.value
    unit = q.unit or ""
    rest = _following(text, claim, end) if end is not None else ""
    if not unit and rest:
        rest = re.sub(r"^(?:\s*\[[^\]\n]{1,12}\])+", "", rest)  # footnote markers
        words = re.match(r"[\s(:.,;]*([^\W\d_]+(?:\s+[^\W\d_]+)?)", rest)
        unit = words.group(1) if words else ""
        if _CLAIMANT_NOTE_WORDS.search(unit):
            unit = ""  # `(Velmarian claim)`: who says it, not what it counts
    unit = re.sub(r"\[[^\]]*\]|[()]", " ", unit.lower())
    unit = re.sub(r"\s+", " ", unit).strip()
    status = _STATUS.search(claim.span.quote + " " + rest[:25])
    status_word = " " + re.sub(r"\s+", " ", status.group(0).lower()) if status else (" lost" if q.lost else "")
    return civilian + (unit or q.category.value) + status_word


def _is_equipment(claim: Claim) -> bool:
    return claim.kind is Kind.EQUIPMENT or claim.value.category in _EQUIPMENT


_PERSONNEL = re.compile(
    r"(?i)\b(?:men|troops|soldiers|personnel|fighters|servicemen|army|armies|navy|air\s*force|airforce|marines"
    r"|militia|militiamen|infantry|paratroopers|guerrillas|combatants|volunteers|police|policemen|officers"
    r"|sailors|airmen|commandos|effectives|strong)\b"
)
_STATUS = re.compile(r"(?i)\b(?:damaged|destroyed|captured|lost|shot\s+down|crashed|abandoned|disabled|sunk|downed)\b")
_CITES = re.compile(r"\[[^\]\n]{0,20}\](?::\s*p{0,2}\.?\s*[\d–\-]+)?")


def _following(text: str, claim: Claim, end: int) -> str:
    """The words between a figure and the next one in its cell, without footnotes."""
    return _CITES.sub(" ", text[claim.span.end:max(end, claim.span.end)])


def _is_personnel(claim: Claim, after: str) -> bool:
    """A figure that counts people under arms, by the words that say so (not a bare number)."""
    if claim.kind is not Kind.STRENGTH or _is_equipment(claim):
        return False
    words = claim.span.quote + " " + after
    return bool(_PERSONNEL.search(_CITES.sub(" ", words)))


def _is_part(text: str, f: InfoboxField, claim: Claim) -> bool:
    """A figure inside brackets or after `including` is a part of the figure before it."""
    before = text[f.start:claim.span.start]
    if before.count("(") > before.count(")"):
        return True
    return bool(re.search(r"(?i)\b(?:including|incl\.|of\s+(?:which|whom|them))\s*$", before))


_SINGLE_CELL = re.compile(
    r"^\s*(?:[~≈+]|c\.|ca\.|about|over|some|up\s+to|at\s+least|more\s+than|approx\.?)?\s*"
    r"\d[\d,.\u00a0\u202f]*(?:\[[^\]\n]*\])*\s*(?:[-–—]\s*\d[\d,.]*(?:\[[^\]\n]*\])*)?\+?(?P<rest>.*)$",
    re.S | re.I,
)
_CLAIM_NOTE = re.compile(
    r"\((?P<note>[^()]*\b(?:claims?|estimates?|figures?|according|sources?|per|data|official|reported)\b[^()]*)\)", re.I
)
_STANDALONE_NUMBER = re.compile(r"(?<![\w.,])\d[\d,.]*(?![\w])")
_SYNONYMS = {
    "dead": "killed", "died": "killed", "deaths": "killed", "death": "killed", "kia": "killed",
    "fatalities": "killed", "injured": "wounded", "wia": "wounded", "prisoners": "captured",
    "prisoner": "captured", "pow": "captured", "pows": "captured", "surrendered": "captured",
    "mia": "missing",
}


def _cell_token(text: str, f: InfoboxField) -> tuple[str, str | None] | None:
    """(what the cell counts, its own claimant note) for a cell holding one figure
    (`45[11]-55 killed[14]`, `2 35mm AA guns captured`, `58 killed (separatist claim)`), None
    for a cell with several figures. Parts in brackets (`(including 4,436 wounded)`) and notes
    are left out of what it counts; `dead` and `killed` count the same."""
    m = _SINGLE_CELL.match(f.value)
    if not m:
        return None
    rest = m.group("rest")
    note = _CLAIM_NOTE.search(rest)
    rest = _CLAIM_NOTE.sub(" ", rest)
    rest = re.sub(r"\([^()]*\)", lambda x: " " if re.search(r"\d", x.group(0)) else x.group(0), rest)
    rest = _CITES.sub(" ", rest)
    if _STANDALONE_NUMBER.search(rest):
        return None
    words = [_SYNONYMS.get(w, w) for w in re.findall(r"[^\W_]+", rest.lower())]
    return " ".join(words) or "(a bare number)", (note.group("note").strip() if note else None)


class _Unit:
    """One step of a block's figure list: a one-figure cell (all its claims) or one figure of
    a cell that holds several."""

    def __init__(self, field: InfoboxField, index: int, token: str, note: str | None, part: bool,
                 words: str = "") -> None:
        self.field = field
        self.members = [index]
        self.token = token
        self.words = words or token
        self.note = note
        self.part = part


def _rendered_sides(ctx: _Context, claims: list[Claim], fields: list[tuple[InfoboxField, int, int]]) -> list[Claim]:
    """Sides for the claims of a rendered infobox page: the column the reader found, or for
    the figures of a block whose cells carry no column, the column their order gives.

    A block's figures are one list, column 1's first. A new column starts when what a cell
    counts repeats under the same time label and claimant header (`47 killed, 145 wounded, 961
    captured, 17 killed`: the second `killed`), when a time label or claimant header comes back
    (the second `13 March:`), when personnel follow equipment under the same labels (a column
    lists its personnel first), or at a new group of cells (a blank line, the end of a bullet
    run) when the block has no structural columns. A figure in brackets or after `including` is
    a part of the one before and never starts a column. Two cells in a row with their own,
    different claimant notes (`58 killed (separatist claim)`, `70 killed (opposition claim)`)
    are rival estimates of one thing, not two columns. Asterisk footnotes go to the column of
    the cell that cites them. Civilian tolls get no side."""
    text = ctx.document.text
    out = list(claims)
    owner: dict[int, InfoboxField] = {}
    for f, lo, hi in fields:
        for i in range(lo, hi):
            owner[i] = f
    known = max(2, len(ctx.sides.columns))

    def side_for(column: int | None, why: str | None) -> Side:
        if column is None:
            return Side(reason=why or "the infobox does not say which column this cell is in")
        if column > known:
            return Side(reason=f"infobox column {column} of {known} ({why}); no belligerent for it")
        name = ctx.sides.columns.get(column)
        return Side(column=column, name=name, reason=ctx.sides.column_reason(column, why))

    blocks: dict[int, list[int]] = {}
    notes: list[int] = []
    for i, f in owner.items():
        c = out[i]
        if isinstance(c.value, Quantity) and f.key in ("Strength", "Casualties", "Note", "Commander", "Units"):
            if f.note_of is not None:
                notes.append(i)
            else:
                blocks.setdefault(f.block, []).append(i)
        elif f.column is not None:
            out[i] = attrs.evolve(c, side=side_for(f.column, f.column_reason or _format_reason(f)))
        elif c.kind in (Kind.COMMANDER, Kind.UNIT, Kind.OTHER):
            out[i] = attrs.evolve(c, side=side_for(None, None))
    cell_tokens: dict[int, tuple[str, str | None] | None] = {}
    for block, indexes in blocks.items():
        indexes.sort(key=lambda i: (out[i].span.start, out[i].span.end))
        of_field: dict[int, list[int]] = {}
        for i in indexes:
            of_field.setdefault(id(owner[i]), []).append(i)
        units: list[_Unit] = []
        for i in indexes:
            f = owner[i]
            if id(f) not in cell_tokens:
                cell_tokens[id(f)] = _cell_token(text, f)
            single = cell_tokens[id(f)]
            if single is not None:
                if units and units[-1].field is f:
                    units[-1].members.append(i)
                    continue
                units.append(_Unit(f, i, single[0], single[1], _is_part(text, f, out[i])))
                continue
            later = [out[j].span.start for j in of_field[id(f)] if out[j].span.start >= out[i].span.end]
            c = out[i]
            own = c.attribution.claimant if c.attribution.evidence == "a note beside the figure" else None
            following = _following(text, c, min(later + [f.end]))
            units.append(_Unit(f, i, _token(c, text, min(later + [f.end])), own, _is_part(text, f, c),
                               words=f"{c.value.unit or ''} {following[:40]}"))
        placed = _line_per_column(units, out, [f for f, _, _ in fields if f.block == block], known) \
            or _columns_of_units(units, out, known)
        column_of = {i: placed[k][0] for k, unit in enumerate(units) for i in unit.members}
        for k, unit in enumerate(units):
            f = unit.field
            column, why, boundary = placed[k]
            for i in unit.members:
                c = out[i]
                side = side_for(column, why)
                # `Malaysia:` over cells of the first column: that belligerent's, in it (a
                # sub-header naming no known party, such as `Local Forces`, leaves the column's)
                party = lexicon().party_of(f.party) if f.party is not None and side.name is not None \
                    and column == f.column else None
                if party is not None and party != side.name and party != (lexicon().party_of(side.name) or side.name):
                    side = Side(column=column, name=party, reason=f"under the sub-header {f.party!r} in column {column}")
                named = c.side if c.side.name is not None and "figure names" in (c.side.reason or "") else None
                if c.value.population is Population.CIVILIAN and named is None:
                    side = Side(reason="a civilian toll, not a belligerent's")
                elif f.party == "Civilians" and named is None:
                    side = Side(reason="under the sub-header `Civilians:`, a civilian toll, not a belligerent's")
                attribution = c.attribution
                if attribution.evidence == "a header over the cells" and f.claimant_start is not None \
                        and f.claimant_start < boundary:
                    attribution = Attribution(document=ctx.document.id)  # the header was the last column's
                if attribution.inherited and attribution.evidence and "closing" in attribution.evidence:
                    # A note closing the cell covers the figures of its last figure's column only.
                    mates = of_field[id(f)]
                    if mates and column_of[mates[-1]] != column:
                        attribution = Attribution(document=ctx.document.id)
                # (a party labelling its part of the cell, `; Ostrania: 12,000`, beats the cell's column)
                if named is not None and side.column is not None and (
                        f.column is None or _OPENS_PART in (named.reason or "")):
                    # The figure's own words name its party; the column its order gives holds
                    # only when it is that party's (or nobody's) column.
                    column = side.column if side.name in (None, named.name) else named.column
                    side = Side(column=column, name=named.name, reason=f"{side.reason}; {named.reason}")
                out[i] = attrs.evolve(c, side=side, attribution=attribution)
    # An asterisk footnote (`* Number updated to 269`) is about the cell that cites it.
    for i in notes:
        f = owner[i]
        cited = [j for j in owner if owner[j].start == f.note_of and j not in notes]
        side = out[cited[0]].side if cited else Side(reason="a footnote whose cell was not found")
        if cited:
            side = attrs.evolve(side, reason=f"{side.reason}; a footnote on that cell")
        out[i] = attrs.evolve(out[i], side=side)
    return out


def _line_per_column(units: list[_Unit], claims: list[Claim], block_fields: list[InfoboxField], known: int
                     ) -> list[tuple[int, str, int]] | None:
    """Columns for a block laid out one line per belligerent (an infobox copied with each cell
    on its own line, `14,000 infantry` over `4,500 burghers`), or None. It holds when the
    block's cells are as many lines as there are columns, none with a column, time label or
    claimant header of its own, and they count one kind of thing (troops over guns is one
    column's list); a line without a figure (`Unknown`) still takes its column."""
    cells = [f for f in block_fields if f.key in ("Strength", "Casualties") and f.note_of is None]
    if known < 2 or len(cells) != known or len({f.line for f in cells}) != known:
        return None
    if any(f.column is not None or f.time_label or f.claimant for f in cells):
        return None
    if any(u.field not in cells for u in units):
        return None
    if len({any(_is_equipment(claims[j]) for j in u.members) for u in units}) > 1:
        return None
    order = {id(f): n for n, f in enumerate(sorted(cells, key=lambda f: f.start), start=1)}
    why = f"one line per belligerent: {known} lines under the label, {known} columns"
    placed = []
    for u in units:
        column = order[id(u.field)]
        boundary = u.field.start if column > 1 else -1
        placed.append((column, why, boundary))
    return placed


def _columns_of_units(units: list[_Unit], claims: list[Claim], known: int) -> list[tuple[int, str, int]]:
    """(column, reason, boundary offset) for each unit of a block, by the rules in
    ``_rendered_sides``. There are never more columns than belligerents: when the breaks make
    more, a break that opens a one-cell stretch (a stray row, such as a third party's toll
    inside the first column) is dropped, first to last, until they fit."""
    suppressed: set[int] = set()
    for _ in range(8):
        placed, breaks = _place_units(units, claims, suppressed)
        if max((p[0] for p in placed), default=1) <= known:
            return placed
        stray = [k for n, k in enumerate(breaks) if (breaks[n + 1] if n + 1 < len(breaks) else len(units)) - k == 1]
        stray = [k for k in stray if k not in suppressed]
        if not stray:
            return placed
        suppressed.add(stray[0])
    return placed


# The reasons ``_place_units`` below gives a cell it placed by the order of a flattened list
# (not by the page's structure): other statements of the figure may correct them (``echo``).
PLACED_BY_ORDER = re.compile(r"the first column's cells come first|a new group of cells|repeated\b|personnel listed after equipment")


def _place_units(units: list[_Unit], claims: list[Claim], suppressed: set[int]):
    structural = any(u.field.column is not None for u in units)
    placed: list[tuple[int, str, int]] = []
    breaks: list[int] = []
    column = 1
    column_why = "the first column's cells come first"
    seen: set[tuple] = set()
    times: set[str | None] = set()
    headers: set[str | None] = set()
    equipment: set[tuple] = set()
    last_time = last_header = last_group = None
    last_header_start: int | None = None
    previous: _Unit | None = None
    count = 0
    boundary = -1
    last_structural: int | None = None
    for k, unit in enumerate(units):
        f = unit.field
        if f.column is not None:
            if f.column != last_structural:
                seen, times, headers, equipment, count = set(), set(), set(), set(), 0
                last_structural = f.column
            column = f.column
            why = f.column_reason or _format_reason(f)
        else:
            key = (f.time_label, f.claimant, unit.token)
            why = None
            if count and not unit.part and previous is not None and k not in suppressed:
                rival = unit.note is not None and previous.note is not None and unit.note != previous.note
                same_labels = f.time_label == last_time and f.claimant == last_header
                if not structural and last_group is not None and f.group != last_group:
                    why = "a new group of cells"
                elif f.time_label is not None and f.time_label != last_time and f.time_label in times:
                    why = f"time label {f.time_label!r} repeated"
                elif f.claimant is not None and f.claimant in headers and (
                        f.claimant != last_header or f.claimant_start is not None and last_header_start is not None
                        and f.claimant_start != last_header_start):
                    # (the same header on a line of its own again: `Per British sources:` over
                    # each side's losses)
                    why = f"claimant header {f.claimant!r} repeated"
                elif key in seen and not rival:
                    why = f"{unit.token!r} repeated"
                elif f.claimant is not None and last_header is None and any(
                        s[1] is None and s[2] == unit.token for s in seen):
                    why = f"{unit.token!r} repeated under a claimant header, after figures with none"
                elif same_labels and (f.time_label, f.claimant) in equipment and any(
                        _is_personnel(claims[j], unit.words) for j in unit.members):
                    why = "personnel listed after equipment"
            if why is not None:
                column += 1
                breaks.append(k)
                seen, times, headers, equipment, count = set(), set(), set(), set(), 0
                boundary = claims[previous.members[-1]].span.end if previous is not None else -1
                column_why = why
            if not unit.part:
                seen.add(key)
                times.add(f.time_label)
                headers.add(f.claimant)
                if any(_is_equipment(claims[j]) for j in unit.members):
                    equipment.add((f.time_label, f.claimant))
            why = column_why
            last_time, last_header, last_group = f.time_label, f.claimant, f.group
            last_header_start = f.claimant_start
        count += 1
        previous = unit
        placed.append((column, why, boundary))
    return placed, breaks


def _format_reason(f: InfoboxField) -> str:
    digits = re.search(r"\d+$", f.label or "")
    return f"parameter {f.label}" if digits else "the infobox layout"
