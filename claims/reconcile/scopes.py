"""Scopes and times: what part of the whole a figure counts, and when.

A figure for one day, one town, one unit or one member of a coalition is not the battle's
figure: it gets a *scope* and is only compared with figures of the same scope. The scope is
read from the figure's own clause (its quote and the rest of its cell or clause, and the start
of its clause before it when no other figure stands there):

- **time windows**: `overnight`, `on Sunday`, `yesterday`, `in the past 24 hours`, `on 12 May`,
  `during the withdrawal`, `a day` (a rate);
- **places** other than the event's own (`in entire South Ossetia` in the Battle of Tskhinvali;
  `in Grozny` in the Battle of Grozny is the event's own place and no scope), and `entering X`;
- **sub-groups**: peacekeepers, reinforcements, police, militia, volunteers, attack forces,
  National Guard, interior troops, air force, navy, marines, special forces, children, women; a
  figure naming one member of a coalition column (`143,296 Romanians` in a column of Germany,
  Romania, Italy, ...); `N army` / `N navy personnel` in a list;
- **the whole war** rather than the battle (`in the war`, `since the conflict began`);
- **civilians** (a civilian toll is not a belligerent's) and **parts** of a stated total (they
  are compared only with parts of the same kind).

Increments (`+2,000 servicemen`, `40 more were killed`, `another 50`) add to another figure and
are never compared as estimates. *Cumulative* figures (`the toll has reached 815`, `since the
battle began`, `have been killed`) from one source at different report dates are a growing
count: the later, larger figure is an update, not a disagreement.
"""

from __future__ import annotations

import datetime as dt
import re

from claims.model import Claim, Kind, Population, Precision, Quantity, UncertainDate
from claims.reconcile.index import Context, after, before, party_of, parties_of
from claims.reconcile.names import fold

WHOLE = "whole event"

_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WINDOW = re.compile(
    r"\b(?P<w>overnight|last night|yesterday|this morning|this week|last week"
    r"|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|on the (?:first|second|third|fourth|fifth|last|same) day"
    r"|(?:in|over|during) (?:the )?(?:past|last|previous|first) (?:\d+|twenty-four|forty-eight|two|three|four|five|six|seven|ten|few) (?:hours?|days?|weeks?)"
    r"|in (?:a|one) (?:single )?day|(?:per|a|each) day|daily"
    r"|during the (?:pull-?out|withdrawal|retreat|evacuation|breakout|night)"
    rf"|on (?:\d{{1,2}} {_MONTHS}|{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?))\b",
    re.I,
)
_PLACE = re.compile(
    r"\b(?P<prep>in|inside|within|entering|outside|near)\s+(?:the\s+)?(?:entire\s+|whole\s+|all\s+of\s+)?"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
)
_ROLES = {
    "peacekeepers": re.compile(r"peace\s*keep", re.I),
    "reinforcements": re.compile(r"reinforcement", re.I),
    "police": re.compile(r"\bpolice", re.I),
    "militia": re.compile(r"\bmilitia", re.I),
    "volunteers": re.compile(r"\bvolunteer", re.I),
    "attack forces": re.compile(r"\battack forces", re.I),
    "children": re.compile(r"\bchildren\b", re.I),
    "women": re.compile(r"\bwomen\b", re.I),
    "National Guard": re.compile(r"\bnational guard", re.I),
    "interior troops": re.compile(r"\binterior (?:ministry|troops|forces)", re.I),
    "air force": re.compile(r"\bair\s?force", re.I),
    "navy": re.compile(r"\bnav(?:y|al)\b", re.I),
    "marines": re.compile(r"\bmarines?\b", re.I),
    "special forces": re.compile(r"\bspecial (?:forces|operations)", re.I),
    "army": re.compile(r"^\S+\s+(?:\(\s*)?army\b", re.I),
}
_WAR = re.compile(r"\b(?:in|of|from|during|since|throughout) the (?:whole |entire )?(?:war|conflict|insurgency|civil war)\b"
                  r"|\bsince the (?:war|conflict) (?:began|started)", re.I)
_INCREMENT_AFTER = re.compile(r"^\s*[\d,.]+\s+(?:more|others?|additional)\b(?!\s+than)", re.I)
_INCREMENT_BEFORE = re.compile(r"\b(?:another|a further|an additional|additional|plus)\s*$", re.I)
_CUMULATIVE = re.compile(
    r"\b(?:since|so far|to date|toll|tally|in total|a total|in all|altogether|overall|ha(?:s|ve) risen|rose to|risen to"
    r"|ha(?:s|ve) reached|reached|ha(?:s|ve) climbed|climbed to|bringing|cumulative)\b"
    r"|\b(?:have|has) been (?:killed|wounded|captured|injured)\b|\bhave (?:died|surrendered|been)\b",
    re.I,
)


def _clause(claim: Claim, ctx: Context, *, whole: bool = False) -> str:
    """The figure's own words: the start of its clause when no other figure is there, its quote,
    and the rest of its cell or clause up to the next figure (``whole``: to the clause's end, for
    a time that governs every figure of the clause: `6 killed and 100 wounded during the pullout`)."""
    head = re.split(r"[,;:(]", before(claim, ctx, 120))[-1]
    if re.search(r"\d", head):
        head = ""
    tail = after(claim, ctx)
    if not whole:
        tail = re.split(r"\d", tail, maxsplit=1)[0]
    return f"{head} {claim.span.quote}{tail}"


def is_increment(claim: Claim, ctx: Context) -> bool:
    """The figure adds to another (`40 more were killed`, `another 50`, `plus another 40`)."""
    q = claim.value
    if isinstance(q, Quantity) and q.increment:
        return True
    return bool(_INCREMENT_AFTER.search(claim.span.quote)
                or _INCREMENT_BEFORE.search(before(claim, ctx, 40)))


def scope(claim: Claim, ctx: Context) -> str:
    """What part of the whole a figure counts (`whole event`, `on Sunday`, `peacekeepers`, ...).

    Remembered per claim: every rule that buckets or compares figures reads it.
    """
    known: dict[str, str] = ctx.memo.setdefault("scope", {})
    found = known.get(claim.id)
    if found is None:
        found = known[claim.id] = _scope(claim, ctx)
    return found


def _scope(claim: Claim, ctx: Context) -> str:
    q = claim.value
    parts: set[str] = set()
    if isinstance(q, Quantity):
        if claim.part_of:
            parts.add(f"part: {(q.unit or q.category.value).lower().replace('armour', 'armor').rstrip('s')}")
        if q.population is Population.CIVILIAN:
            parts.add("civilians")
    text = _clause(claim, ctx)
    event = ctx.event(claim)
    for m in _WINDOW.finditer(_clause(claim, ctx, whole=True)):
        parts.add(" ".join(m.group("w").lower().split()))
    for m in _PLACE.finditer(text):
        place = fold(m.group(2))
        whole = bool(re.search(r"\b(?:entire|whole|all of)\b", m.group(0)))
        if m.group("prep") == "entering":
            parts.add("entering " + place)
        elif set(place.split()) & event.places:
            continue  # the event's own place
        elif whole or party_of(m.group(2)) is None:
            # A country named as a place (`in Ukraine`) is where the event is, unless `entire`.
            parts.add("in " + place)
    for label, pattern in _ROLES.items():
        if pattern.search(text if label != "army" else claim.span.quote + " " + after(claim, ctx)):
            parts.add(label)
    if _WAR.search(text):
        parts.add("the whole war")
    member = _coalition_member(claim, ctx)
    if member:
        parts.add(f"{member} only")
    total = breakdown_total(claim, ctx)
    if total is not None:
        parts.add(f"part of “{' '.join(total.span.quote.split())}”")
    return "; ".join(sorted(parts)) or WHOLE


def breakdown_total(claim: Claim, ctx: Context) -> Claim | None:
    """The figure a bracketed breakdown belongs to: `~1,040,000 men (400,000+ Germans, 143,296
    Romanians, ...)` makes each bracketed figure a part of the figure before the bracket (same
    kind and category). None for any other figure."""
    totals: dict[str, str] | None = ctx.memo.get("breakdowns")
    if totals is None:
        totals = ctx.memo["breakdowns"] = _breakdowns(ctx)
    total = totals.get(claim.id)
    return ctx.claims.get(total) if total else None


def _breakdowns(ctx: Context) -> dict[str, str]:
    by_doc: dict[str, list[Claim]] = {}
    for c in ctx.of_type(Quantity):
        if c.kind is not Kind.OTHER:
            by_doc.setdefault(c.document, []).append(c)
    out: dict[str, str] = {}
    for doc_id, claims in by_doc.items():
        doc = ctx.documents.get(doc_id)
        if doc is None or not doc.text or len(claims) < 3:
            continue
        text = doc.text
        claims.sort(key=lambda c: (c.span.start, c.id))
        for i, total in enumerate(claims):
            rest = text[total.span.end: total.span.end + 40]
            m = re.match(r"[^\d()\n|]{0,20}?\(", rest)
            if not m:
                continue
            open_at = total.span.end + m.end()
            close = text.find(")", open_at)
            if close < 0 or "\n" in text[open_at:close]:
                continue
            inside = [c for c in claims[i + 1:] if open_at <= c.span.start and c.span.end <= close
                      and c.kind is total.kind and c.value.category is total.value.category]  # type: ignore[union-attr]
            if len(inside) >= 2:
                for c in inside:
                    out[c.id] = total.id
    return out


def _coalition_member(claim: Claim, ctx: Context) -> str | None:
    """The one party of a coalition column a figure names (`143,296 Romanians`), or None."""
    column = claim.side.column
    doc = ctx.documents.get(claim.document)
    if column not in (1, 2) or doc is None or len(doc.belligerents) < column:
        return None
    members = parties_of(doc.belligerents[column - 1])  # type: ignore[operator]
    if len(members) < 2:
        return None
    named = [p for p in parties_of(claim.span.quote) if p in members]
    if len(named) != 1 or named[0] in ctx.sides.get(claim.id, "").split("/"):
        return None  # the column's own party is the whole side, not a part of it
    return named[0]


def is_cumulative(claim: Claim, ctx: Context) -> bool:
    """The figure is a running count (`the toll has reached 815`, `have been killed since ...`)."""
    return bool(_CUMULATIVE.search(before(claim, ctx) + " " + claim.span.quote + " " + after(claim, ctx)))


def report_date(document_id: str, ctx: Context) -> dt.date | None:
    """When a report was written, at the earliest: the latest day or month it mentions (a
    report's dateline, or the last day its account reaches). None for encyclopedia articles
    (they have an infobox) and reports that give no date."""
    dates: dict[str, dt.date | None] | None = ctx.memo.get("report_dates")
    if dates is None:
        latest: dict[str, dt.date] = {}
        for c in ctx.of_type(UncertainDate):
            d = c.value
            assert isinstance(d, UncertainDate)
            if c.kind is Kind.DATE and c.field is None and d.precision in (Precision.DAY, Precision.PART_OF_MONTH,
                                                                            Precision.MONTH):
                if c.document not in latest or d.earliest > latest[c.document]:
                    latest[c.document] = d.earliest
        dates = {}
        for doc_id, doc in ctx.documents.items():
            dates[doc_id] = None if doc.infobox else latest.get(doc_id)
        ctx.memo["report_dates"] = dates
    return dates.get(document_id)


_CLAIMANT_FILLER = frozenset(
    "the a an oppositional opposition british based uk monitoring monitor group said says according to "
    "its his her their of for and official officials spokesman spokesperson".split())


def claimant_key(claim: Claim) -> frozenset[str]:
    """The significant words of a claim's claimant (`the Syrian Observatory for Human Rights` ->
    syrian observatory human rights), plus its acronym (`sohr`); empty when it has none."""
    name = claim.attribution.claimant
    if not name:
        return frozenset()
    return _claimant_words(name)


_KEYS: dict[str, frozenset[str]] = {}


def _claimant_words(name: str) -> frozenset[str]:
    found = _KEYS.get(name)
    if found is None:
        words = [w for w in fold(name).split() if w not in _CLAIMANT_FILLER]
        acronym = "".join(w[0] for w in words) if len(words) >= 2 else ""
        found = frozenset(words) | ({f"={acronym}"} if acronym else frozenset())
        if len(words) == 1 and len(words[0]) <= 6:
            found |= {f"={words[0]}"}
        _KEYS[name] = found
    return found


def same_claimant(a: Claim, b: Claim) -> bool:
    """Both give the figure on the same claimant's word (by name, shortened name or acronym)."""
    ka, kb = claimant_key(a), claimant_key(b)
    if not ka or not kb:
        return False
    wa, wb = {w for w in ka if not w.startswith("=")}, {w for w in kb if not w.startswith("=")}
    if wa and wb and (wa <= wb or wb <= wa):
        return True
    return bool({w for w in ka if w.startswith("=")} & {w for w in kb if w.startswith("=")})
