"""The comparison index: which claims may be compared, and the text around a claim.

Claims are bucketed by (event, kind, side, category); rules compare only within a bucket, so
the work grows with the size of the largest bucket, never with the square of the corpus.

Sides are matched across documents by belligerent name (`Russia`/`Russian`), not by infobox
column, because two articles may put the belligerents in a different order. A column whose
name was lost (a stripped flag icon) borrows the name of the column it shares a commander with,
or of the same column in the event's other documents when they all agree.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from attrs import frozen

from claims.model import Claim, Document, Kind, Person, Quantity
from claims.reconcile.events import Event, TitleKey
from claims.reconcile.names import fold, side_token

NO_SIDE = "-"


@frozen
class Context:
    """Everything a rule needs to know about the claims of one reconciliation."""

    events: tuple[Event, ...]
    event_of: Mapping[str, Event]
    documents: Mapping[str, Document]
    claims: Mapping[str, Claim]
    sides: Mapping[str, str]
    """claim id -> side key (a name token such as `rusi`, `doc#c2`, or `-`)."""

    def event(self, claim: Claim) -> Event:
        return self.event_of[claim.document]

    def versions_of_one_article(self, a: Claim, b: Claim) -> bool:
        if a.document == b.document:
            return False
        event = self.event(a)
        return event.version_group(a.document) == event.version_group(b.document)

    def title(self, document_id: str) -> str:
        doc = self.documents.get(document_id)
        return (doc.title or doc.path) if doc else document_id


def resolve_sides(events: Sequence[Event], documents: Mapping[str, Document], claims: Iterable[Claim]) -> dict[str, str]:
    """Give each claim a side key comparable across the documents of its event."""
    claims = list(claims)
    names: dict[tuple[str, int], Counter[str]] = defaultdict(Counter)
    commanders: dict[tuple[str, int], set[str]] = defaultdict(set)
    for c in claims:
        col = c.side.column
        if col is None:
            continue
        token = side_token(c.side.name)
        if token:
            names[(c.document, col)][token] += 1
        if isinstance(c.value, Person) and c.value.name.split():
            commanders[(c.document, col)].add(fold(c.value.name.split()[-1]))
    for doc in documents.values():
        for i, name in enumerate(doc.belligerents, 1):
            token = side_token(name)
            if token:
                names[(doc.id, i)][token] += 2

    resolved: dict[tuple[str, int], str] = {
        node: counts.most_common(1)[0][0] for node, counts in names.items() if counts
    }
    event_of = {d: e for e in events for d in e.documents}
    nodes = {(c.document, c.side.column) for c in claims if c.side.column is not None}
    for node in sorted(nodes - resolved.keys()):
        doc, col = node
        event = event_of.get(doc)
        peers = [(d, k) for (d, k) in resolved if d != doc and event is not None and d in event.documents]
        shared = [resolved[p] for p in peers if commanders.get(node) and commanders[node] & commanders.get(p, set())]
        if shared and len(set(shared)) == 1:
            resolved[node] = shared[0]
            continue
        same_col = {resolved[(d, k)] for (d, k) in peers if k == col}
        if len(same_col) == 1:
            resolved[node] = same_col.pop()
    out: dict[str, str] = {}
    for c in claims:
        token = side_token(c.side.name)
        if token is None and c.side.column is not None:
            if c.side.column >= 3 and (c.document, c.side.column) not in resolved:
                token = NO_SIDE
            else:
                token = resolved.get((c.document, c.side.column), f"{c.document}#c{c.side.column}")
        out[c.id] = token or NO_SIDE
    return out


def quantity_buckets(ctx: Context) -> dict[tuple, list[Claim]]:
    """Quantity claims bucketed by (event, kind, side, category); increments are left out."""
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for c in ctx.claims.values():
        if isinstance(c.value, Quantity) and not c.value.increment:
            key = (ctx.event(c).id, c.kind.value, ctx.sides[c.id], c.value.category.value)
            buckets[key].append(c)
    return buckets


# --- text around a claim -------------------------------------------------------------------

_CELL_END = re.compile(r"[|\n;]|,\s|\.\s|\.$")
_SENTENCE_START = re.compile(r"(?:[.!?]\s|\n|\|)")


def after(claim: Claim, ctx: Context, limit: int = 80) -> str:
    """The rest of the claim's cell or clause after its quote."""
    doc = ctx.documents.get(claim.document)
    text = doc.text[claim.span.end: claim.span.end + limit] if doc and doc.text else claim.span.suffix
    m = _CELL_END.search(text)
    return text[: m.start()] if m else text


def before(claim: Claim, ctx: Context, limit: int = 160) -> str:
    """The claim's sentence (or cell) up to its quote."""
    doc = ctx.documents.get(claim.document)
    if doc and doc.text:
        text = doc.text[max(0, claim.span.start - limit): claim.span.start]
    else:
        text = claim.span.prefix
    starts = list(_SENTENCE_START.finditer(text))
    return text[starts[-1].end():] if starts else text


def between(a: Claim, b: Claim, ctx: Context) -> str | None:
    """The text between two claims of one document, or None when it is not at hand."""
    doc = ctx.documents.get(a.document)
    if a.document != b.document or not doc or not doc.text:
        return None
    first, second = sorted((a, b), key=lambda c: c.span.start)
    return doc.text[first.span.end: second.span.start]


_PLACE_SCOPE = re.compile(
    r"\b(?:in|inside|within|entering|outside|near)\s+(?:the\s+)?(?:entire\s+|whole\s+|all\s+of\s+)?"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
)
_ROLE_SCOPES = {
    "peacekeepers": re.compile(r"peace\s*keep", re.I),
    "reinforcements": re.compile(r"reinforcement", re.I),
    "police": re.compile(r"\bpolice", re.I),
    "militia": re.compile(r"\bmilitia", re.I),
    "volunteers": re.compile(r"\bvolunteer", re.I),
    "attack forces": re.compile(r"\battack forces", re.I),
}


def scope(claim: Claim, ctx: Context) -> frozenset[str]:
    """What part of the whole a figure counts (`in entire South Ossetia`, `peacekeepers`).

    Places that name the event itself (`in Grozny` in the Battle of Grozny) are not a scope.
    """
    text = claim.span.quote + after(claim, ctx)
    event_words = set(TitleKey.of(ctx.event(claim).name).core.split())
    found = set()
    for m in _PLACE_SCOPE.finditer(text):
        words = set(fold(m.group(1)).split())
        if not words & event_words:
            found.add("in " + fold(m.group(1)))
    for label, pattern in _ROLE_SCOPES.items():
        if pattern.search(text):
            found.add(label)
    return frozenset(found)


_RUNNING_TOTAL = re.compile(r"\b(?:total|toll|became|rose to|risen to|reached|bringing|so far|altogether|in all|overall|combined)\b", re.I)


def is_running_total(claim: Claim, ctx: Context) -> bool:
    """The figure is a total or a running tally (`the total fatalities became six`)."""
    return bool(_RUNNING_TOTAL.search(before(claim, ctx) + " " + claim.span.quote))


_OVERALL = re.compile(r"\b(?:overall|in total|total|altogether|in all|combined|both sides|on both sides|all sides)\b", re.I)


def is_overall_total(claim: Claim, ctx: Context) -> bool:
    """The figure counts every side together (`overall, more than six thousand ...`)."""
    return bool(_OVERALL.search(before(claim, ctx) + " " + claim.span.quote + " " + after(claim, ctx)))


def claim_kinds(kinds: Iterable[Kind], claims: Iterable[Claim]) -> list[Claim]:
    wanted = set(kinds)
    return [c for c in claims if c.kind in wanted]


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def sentence(claim: Claim, ctx: Context, limit: int = 300) -> str:
    """The whole sentence (or infobox line) the claim sits in."""
    doc = ctx.documents.get(claim.document)
    if not doc or not doc.text:
        return claim.span.prefix + claim.span.quote + claim.span.suffix
    tail = doc.text[claim.span.end: claim.span.end + limit]
    m = _SENTENCE_END.search(tail)
    return before(claim, ctx, limit) + claim.span.quote + (tail[: m.start()] if m else tail)


_CONTEXT_SECTIONS = re.compile(r"background|prelude|aftermath|legacy|history|analysis|see also|references|notes|commemoration|memorial", re.I)


def in_context_section(claim: Claim) -> bool:
    """The claim is in a background or aftermath section, where other times are expected."""
    return bool(claim.section and _CONTEXT_SECTIONS.search(claim.section))
