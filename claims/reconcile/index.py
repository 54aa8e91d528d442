"""The comparison index: which claims may be compared, and the text around a claim.

Claims are bucketed by (event, kind, side, category, lost); rules compare only within a bucket,
so the work grows with the size of the largest bucket, never with the square of the corpus.
``lost`` keeps equipment held (`600 tanks` in a Strength field) apart from equipment lost
(`400 tanks destroyed`): they are different quantities.

Sides are matched across documents by belligerent name (`Russia`/`Russian`), not by infobox
column, because two articles may put the belligerents in a different order. A column whose
name was lost (a stripped flag icon) borrows the name of the column it shares a commander with,
or of the same column in the event's other documents when they all agree.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from attrs import field, frozen

from claims.model import Claim, Document, Kind, Person, Quantity
from claims.reconcile.events import Event, TitleKey
from claims.reconcile.names import fold, side_token

NO_SIDE = "-"


@frozen
class Context:
    """Everything a rule needs to know about the claims of one reconciliation.

    ``claims`` iterates in claim-id order. ``by_type`` partitions the same claims by the type
    of their value (``Quantity``, ``UncertainDate``, ``Person``...), also in id order, so a rule
    about one kind of value reads only those claims instead of scanning the whole corpus.
    """

    events: tuple[Event, ...]
    event_of: Mapping[str, Event]
    documents: Mapping[str, Document]
    claims: Mapping[str, Claim]
    sides: Mapping[str, str]
    """claim id -> side key (a name token such as `rusi`, `doc#c2`, or `-`)."""
    by_type: Mapping[type, Sequence[Claim]] = field(factory=dict)
    memo: dict[str, Any] = field(factory=dict, eq=False, repr=False)
    """Indexes derived from the claims on first use and shared by the rules (see `quantity_buckets`)."""

    def event(self, claim: Claim) -> Event:
        return self.event_of[claim.document]

    def of_type(self, value_type: type) -> Sequence[Claim]:
        """The claims whose value is a ``value_type``, in id order."""
        return self.by_type.get(value_type, ())

    def versions_of_one_article(self, a: Claim, b: Claim) -> bool:
        if a.document == b.document:
            return False
        event = self.event(a)
        return event.version_group(a.document) == event.version_group(b.document)

    def title(self, document_id: str) -> str:
        doc = self.documents.get(document_id)
        return (doc.title or doc.path) if doc else document_id


SideKey = tuple[str, int | None, str | None]
"""What a claim's side key depends on: its document, infobox column and side name."""


def _column_votes(
    documents: Mapping[str, Document], stated: Mapping[SideKey, int]
) -> dict[tuple[str, int], Counter[str]]:
    """Belligerent-name votes per (document, column): one per claim, three per infobox name.

    ``stated`` counts the claims per (document, column, name) in claim order, so the tokens of
    a column are met in the order their first claim comes (which breaks ties downstream).
    """
    votes: dict[tuple[str, int], Counter[str]] = defaultdict(Counter)
    for (document, column, name), n in stated.items():
        token = side_token(name)
        if column is not None and token:
            votes[(document, column)][token] += n
    for doc in documents.values():
        for i, name in enumerate(doc.belligerents, 1):
            token = side_token(name)
            if token:
                votes[(doc.id, i)][token] += 3
    return votes


class _Sides:
    """Union-find over (document, column) nodes that never joins two columns of one document."""

    def __init__(self, nodes: Iterable[tuple[str, int]]):
        self.parent = {n: n for n in nodes}
        self.members = {n: {n} for n in nodes}

    def find(self, n: tuple[str, int]) -> tuple[str, int]:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def union(self, a: tuple[str, int], b: tuple[str, int]) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        docs_a = {d: k for d, k in self.members[ra]}
        if any(d in docs_a and docs_a[d] != k for d, k in self.members[rb]):
            return False
        ra, rb = min(ra, rb), max(ra, rb)
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        return True


def resolve_sides(
    events: Sequence[Event],
    documents: Mapping[str, Document],
    claims: Iterable[Claim],
    persons: Iterable[Claim] | None = None,
) -> dict[str, str]:
    """Give each claim a side key comparable across the documents of its event.

    Infobox columns are joined across documents when they carry the same belligerent name, share
    a commander, or face the same opponent in a two-sided infobox (`JNA | Croatia` and
    `Yugoslav People's Army | Croatia`: the left columns are one side); a column with no name
    joins the same column of the event's other documents when those all agree.

    ``persons``, when given, are the claims among ``claims`` whose value is a Person (the
    commanders that join columns), so the whole corpus need not be scanned for them.
    """
    claims = claims if isinstance(claims, Sequence) else list(claims)
    # A claim's side key depends only on (document, column, name): resolve each such triple once.
    stated: Counter[SideKey] = Counter((c.document, c.side.column, c.side.name) for c in claims)
    votes = _column_votes(documents, stated)
    commanders: dict[tuple[str, int], set[str]] = defaultdict(set)
    nodes: set[tuple[str, int]] = set(votes)
    for document, column, _ in stated:
        if column is not None and column <= 2:
            nodes.add((document, column))
    for c in claims if persons is None else persons:
        column = c.side.column
        if column is not None and column <= 2 and isinstance(c.value, Person) and c.value.name.split():
            commanders[(c.document, column)].add(fold(c.value.name.split()[-1]))
    top: dict[tuple[str, int], str] = {}
    for node, counts in votes.items():
        ranked = counts.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            top[node] = ranked[0][0]
    event_of = {d: e.id for e in events for d in e.documents}
    by_event: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for node in sorted(nodes):
        by_event[event_of.get(node[0], node[0])].append(node)

    keys: dict[tuple[str, int], str] = {}
    token_key: dict[tuple[str, str], str] = {}
    for event_id, members in by_event.items():
        uf = _Sides(members)
        by_token: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for n in members:
            if n in top:
                by_token[top[n]].append(n)
        for group in by_token.values():
            for n in group[1:]:
                uf.union(group[0], n)
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a[0] != b[0] and commanders.get(a) and commanders[a] & commanders.get(b, set()):
                    uf.union(a, b)
        pairs = [(n, (n[0], 3 - n[1])) for n in members if n[1] in (1, 2) and (n[0], 3 - n[1]) in uf.parent]
        changed = True
        while changed:
            changed = False
            for a, a_opp in pairs:
                for b, b_opp in pairs:
                    if a[0] != b[0] and uf.find(a_opp) == uf.find(b_opp) and uf.union(a, b):
                        changed = True
        for n in members:
            if len(uf.members.get(uf.find(n), ())) == 1 and n not in top:
                peers = {uf.find(m) for m in members if m[1] == n[1] and m[0] != n[0]}
                if len(peers) == 1:
                    uf.union(n, peers.pop())
        for n in members:
            root = uf.find(n)
            tokens = sorted({top[m] for m in uf.members[root] if m in top})
            keys[n] = "/".join(tokens) if tokens else f"{root[0]}#c{root[1]}"
            for t in tokens:
                token_key[(event_id, t)] = keys[n]

    resolved: dict[SideKey, str] = {}
    for triple in stated:
        document, column, name = triple
        node = (document, column) if column is not None else None
        event_id = event_of.get(document, document)
        token = side_token(name)
        if node in keys:
            resolved[triple] = keys[node]  # type: ignore[index]
        elif token:
            resolved[triple] = token_key.get((event_id, token), token)
        elif node is not None and node in votes and votes[node]:
            resolved[triple] = token_key.get((event_id, votes[node].most_common(1)[0][0]), NO_SIDE)
        else:
            resolved[triple] = NO_SIDE
    return {c.id: resolved[(c.document, c.side.column, c.side.name)] for c in claims}


def quantity_buckets(ctx: Context) -> dict[tuple, list[Claim]]:
    """Quantity claims bucketed by (event id, kind, side, category, lost); increments are left out.

    Computed once per context and shared by the rules that read it (do not mutate).
    """
    buckets = ctx.memo.get("quantity_buckets")
    if buckets is None:
        buckets = defaultdict(list)
        event_id = {d: e.id for d, e in ctx.event_of.items()}
        sides = ctx.sides
        for c in ctx.of_type(Quantity):
            q = c.value
            if not q.increment and c.kind is not Kind.OTHER:  # type: ignore[union-attr]
                buckets[(event_id[c.document], c.kind, sides[c.id], q.category, q.lost)].append(c)  # type: ignore[union-attr]
        ctx.memo["quantity_buckets"] = buckets
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
    r"\b(?P<prep>in|inside|within|entering|outside|near)\s+(?:the\s+)?(?:entire\s+|whole\s+|all\s+of\s+)?"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
)
_ROLE_SCOPES = {
    "peacekeepers": re.compile(r"peace\s*keep", re.I),
    "reinforcements": re.compile(r"reinforcement", re.I),
    "police": re.compile(r"\bpolice", re.I),
    "militia": re.compile(r"\bmilitia", re.I),
    "volunteers": re.compile(r"\bvolunteer", re.I),
    "attack forces": re.compile(r"\battack forces", re.I),
    "children": re.compile(r"\bchildren\b", re.I),
    "women": re.compile(r"\bwomen\b", re.I),
}


@lru_cache(maxsize=4096)
def _event_words(name: str) -> frozenset[str]:
    return frozenset(TitleKey.of(name).core.split())


def scope(claim: Claim, ctx: Context) -> frozenset[str]:
    """What part of the whole a figure counts (`in entire South Ossetia`, `peacekeepers`).

    Places that name the event itself (`in Grozny` in the Battle of Grozny) are not a scope, except
    after `entering`: the forces `entering Grozny` are a part of those committed to its battle.
    Remembered per claim: a consensus figure is compared with every outlier of its bucket.
    """
    known: dict[str, frozenset[str]] = ctx.memo.setdefault("scope", {})
    found = known.get(claim.id)
    if found is None:
        found = known[claim.id] = _scope(claim, ctx)
    return found


def _scope(claim: Claim, ctx: Context) -> frozenset[str]:
    tail = after(claim, ctx)
    tail = re.split(r"\d", tail, maxsplit=1)[0]  # stop at the next figure in the same cell
    text = claim.span.quote + tail
    event_words = _event_words(ctx.event(claim).name)
    found = set()
    for m in _PLACE_SCOPE.finditer(text):
        words = set(fold(m.group(1)).split())
        if m.group("prep") == "entering":
            found.add("entering " + fold(m.group(1)))
        elif not words & event_words:
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
