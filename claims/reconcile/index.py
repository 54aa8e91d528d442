"""The comparison index: which claims may be compared, sides across documents, text around a claim.

Figures are bucketed by what they count: (event, kind, side, category, held or lost, scope). A
bucket is one *disputed quantity* when its figures disagree; rules compare only within a bucket,
so the work grows with the size of the largest bucket, never with the square of the corpus.
``lost`` keeps equipment held (`600 tanks` in a Strength field) apart from equipment lost
(`400 tanks destroyed`); the scope (``claims.reconcile.scopes``) keeps a one-day or one-town
figure apart from the whole battle's.

Sides are matched across documents by party, not by infobox column, because two articles may
put the belligerents in a different order and name them differently (`JNA` / `Yugoslav People's
Army`, `Kurds` / `YPG`). See :func:`resolve_sides`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from attrs import field, frozen

from claims.lexicon import lexicon
from claims.model import Claim, Document, Person, Quantity
from claims.reconcile.events import Event
from claims.reconcile.names import WordPattern, fold, side_token

NO_SIDE = "-"


class ClaimIndex(Mapping[str, Claim]):
    """Claims by id, as a dict of them in the order given, with the table built on first use:
    most runs never look a claim up by id, and a table of a million claims takes a second."""

    def __init__(self, claims: Iterable[Claim]) -> None:
        self._claims = claims
        self._table: dict[str, Claim] | None = None

    def _by_id(self) -> dict[str, Claim]:
        if self._table is None:
            self._table = {c.id: c for c in self._claims}
        return self._table

    def __getitem__(self, claim_id: str) -> Claim:
        return self._by_id()[claim_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id())

    def __len__(self) -> int:
        return len(self._by_id())


class ClaimSides(Mapping[str, str]):
    """Claim id -> side key, kept as a list in the claims' order and made a table only on the
    first lookup by id: the figure rules read sides in claim order (:meth:`of_type`), and a
    table of a million ids costs more than all their reads (a run on text-less documents never
    builds it)."""

    def __init__(self, claims: Sequence[Claim], keys: Sequence[str]) -> None:
        self._claims = claims
        self._keys = keys
        self._table: dict[str, str] | None = None
        self._of_type: dict[type, list[str]] = {}

    def _by_id(self) -> dict[str, str]:
        if self._table is None:
            self._table = dict(zip([c.id for c in self._claims], self._keys))
        return self._table

    def __getitem__(self, claim_id: str) -> str:
        return self._by_id()[claim_id]

    def get(self, claim_id: str, default: Any = None) -> Any:
        return self._by_id().get(claim_id, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id())

    def __len__(self) -> int:
        return len(self._by_id())

    def of_type(self, value_type: type) -> list[str]:
        """The side keys of the claims whose value is a ``value_type``, in claim order (as
        ``Context.of_type`` gives the claims)."""
        found = self._of_type.get(value_type)
        if found is None:
            found = self._of_type[value_type] = [k for c, k in zip(self._claims, self._keys)
                                                 if type(c.value) is value_type]
        return found


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
    """claim id -> side key (a party such as `Russia`, `China/Viet Minh`, `doc#c2`, or `-`)."""
    by_type: Mapping[type, Sequence[Claim]] = field(factory=dict)
    memo: dict[str, Any] = field(factory=dict, eq=False, repr=False)
    """Indexes derived from the claims on first use and shared by the rules (see `quantity_buckets`)."""

    def event(self, claim: Claim) -> Event:
        return self.event_of[claim.document]

    def of_type(self, value_type: type) -> Sequence[Claim]:
        """The claims whose value is a ``value_type``, in id order."""
        return self.by_type.get(value_type, ())

    def sides_of_type(self, value_type: type) -> Sequence[str]:
        """The side keys of ``of_type(value_type)``, in the same order."""
        sides = self.sides
        if isinstance(sides, ClaimSides):
            return sides.of_type(value_type)
        return [sides[c.id] for c in self.of_type(value_type)]

    def versions_of_one_article(self, a: Claim, b: Claim) -> bool:
        if a.document == b.document:
            return False
        return self.version_group(a.document) == self.version_group(b.document)

    def version_group(self, document_id: str) -> str:
        """``Event.version_group`` of the document's event (see :meth:`version_groups`)."""
        return self.version_groups()[document_id]

    def version_groups(self) -> Mapping[str, str]:
        """Document id -> ``Event.version_group``, worked out once per document (the figure
        rules ask for it per claim and per pair)."""
        groups: dict[str, str] | None = self.memo.get("version_group")
        if groups is None:
            groups = self.memo["version_group"] = {d: e.version_group(d) for d, e in self.event_of.items()}
        return groups

    def title(self, document_id: str) -> str:
        doc = self.documents.get(document_id)
        return (doc.title or doc.path) if doc else document_id

    def path(self, document_id: str) -> str:
        """The document's path as given (what a reviewer opens), else its id."""
        return self.paths().get(document_id, document_id)

    def paths(self) -> Mapping[str, str]:
        """Document id -> :meth:`path`, worked out once per document (a dispute's explanation
        locates every estimate and some of its restatements)."""
        paths: dict[str, str] | None = self.memo.get("paths")
        if paths is None:
            paths = self.memo["paths"] = {d: doc.path or d for d, doc in self.documents.items()}
        return paths


# --- parties ------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_][\w'’\-]*|[A-Z]{2,}")
_LONGEST_NAME = 4
"""Longest run of words looked up as one party name (`Donetsk People's Republic` is three)."""
_WEAK_REASONS = ("the column has no name", "the lead says", "names most")
"""Reasons for a column's name that are guesses, not the page's own label."""
_OWN_WORDS = ("the figure names", "the sentence names", "continues the figure", "the title names", "`enemy`")


@lru_cache(maxsize=16384)
def parties_of(name: str | None) -> tuple[str, ...]:
    """The parties a side name names, in order (`Various pro-Serbian forces, JNA` -> Yugoslavia…).

    Looked up in the lexicon word by word (and two-word names); a name the lexicon does not
    know is its own party, keyed by :func:`side_token` (`Rojava` -> `roja`).
    """
    if not name:
        return ()
    found = named_parties(name)
    if not found:
        token = side_token(name)
        return (token,) if token else ()
    return found


@lru_cache(maxsize=1 << 16)
def named_parties(text: str) -> tuple[str, ...]:
    """The parties the lexicon knows that a text names, in order (none for unknown names).
    Cached: placing figures asks for every figure's quote, clause and claimant, which repeat."""
    lx = lexicon()
    words = _WORD.findall(text)
    found: list[str] = []
    i = 0
    while i < len(words):
        # The longest name first: `Donetsk People's Republic` is one party, not `Donetsk`.
        for n in range(min(_LONGEST_NAME, len(words) - i), 0, -1):
            party = lx.party_of(" ".join(words[i:i + n]))
            if party:
                i += n
                break
        else:
            i += 1
            continue
        if party not in found:
            found.append(party)
    return tuple(found)


def party_of(name: str | None) -> str | None:
    """The first party a side name names, or None."""
    found = parties_of(name)
    return found[0] if found else None


@lru_cache(maxsize=4096)
def _strength_of(reason: str, prose: bool) -> str:
    """How a claim's side name was found (from its side's reason, and whether it is in the
    prose): `own` (its own words), `page` (the page's column label) or `weak` (a guess for an
    unnamed column)."""
    if prose and any(r in reason for r in _OWN_WORDS):
        return "own"
    if any(r in reason for r in _WEAK_REASONS):
        return "weak"
    return "page"


SideKey = tuple[str, int | None, str | None, str]
"""What a claim's side key depends on: its document, infobox column, side name, strength."""
Node = tuple[str, int]


class _Sides:
    """Union-find over (document, column) nodes that never joins two columns of one document."""

    def __init__(self, nodes: Iterable[Node]):
        self.parent: dict[Node, Node] = {n: n for n in nodes}
        self.columns: dict[Node, dict[str, int]] = {n: {n[0]: n[1]} for n in self.parent}
        self.members: dict[Node, list[Node]] = {n: [n] for n in self.parent}

    def find(self, n: Node) -> Node:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def union(self, a: Node, b: Node) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        ca, cb = self.columns[ra], self.columns[rb]
        small, big = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
        if any(d in big and big[d] != k for d, k in small.items()):
            return False
        keep, drop = min(ra, rb), max(ra, rb)  # the smaller node names the group (deterministic)
        self.parent[drop] = keep
        if len(self.columns[keep]) >= len(self.columns[drop]):
            self.columns[keep].update(self.columns.pop(drop))
        else:
            merged = self.columns.pop(drop)
            merged.update(self.columns[keep])
            self.columns[keep] = merged
        if len(self.members[keep]) >= len(self.members[drop]):
            self.members[keep] += self.members.pop(drop)
        else:
            self.members[keep] = self.members.pop(drop) + self.members[keep]
        return True


def resolve_sides(
    events: Sequence[Event],
    documents: Mapping[str, Document],
    claims: Iterable[Claim],
    persons: Iterable[Claim] | None = None,
) -> ClaimSides:
    """Give each claim a side key comparable across the documents of its event.

    A figure whose side comes from its own words (`12 Russian KIA`) is about that party. An
    infobox column is named by votes: the page's label for it (3), each figure of the column
    the prose restates with a party in its own words (2: `36,000` in the column and `as many
    as 36,000 JNA soldiers` in the lead), and a name guessed for an unnamed column (1).
    Columns are then joined across the documents of an event when they name the same party,
    share a commander, or face the same opponent in two-sided infoboxes (`JNA | Croatia` and
    `Yugoslav People's Army | Croatia`: the left columns are one side); a column with no name
    joins the same column of the event's other documents when those all agree. Everything is
    linear in the claims and documents of an event (indexes by party, surname and opponent).

    ``persons``, when given, are the claims among ``claims`` whose value is a Person (the
    commanders that join columns), so the whole corpus need not be scanned for them.
    """
    claims = claims if isinstance(claims, Sequence) else list(claims)
    # Each claim's key, in claim order, built once: a million claims share a few thousand keys,
    # which are resolved once each. A side with no reason is always the page's.
    claim_keys: list[SideKey] = [(c.document, (s := c.side).column, s.name,
                                  _strength_of(s.reason, c.field is None) if s.reason else "page")
                                 for c in claims]
    stated = dict.fromkeys(claim_keys)
    event_of = {d: e.id for e in events for d in e.documents}
    votes = _column_votes(documents, stated, claims, claim_keys)
    commanders: dict[Node, set[str]] = defaultdict(set)
    nodes: set[Node] = set(votes)
    for document, column, _, strength in stated:
        if column in (1, 2) and strength != "own":
            nodes.add((document, column))  # type: ignore[arg-type]
    for c in claims if persons is None else persons:
        column = c.side.column
        if column in (1, 2) and isinstance(c.value, Person) and c.value.name.split():
            commanders[(c.document, column)].add(fold(c.value.name.split()[-1]))  # type: ignore[index]
    top: dict[Node, str] = {}
    for node, counts in votes.items():
        ranked = counts.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            top[node] = ranked[0][0]
    by_event: dict[str, list[Node]] = defaultdict(list)
    for node in sorted(nodes):
        by_event[event_of.get(node[0], node[0])].append(node)

    keys: dict[Node, str] = {}
    party_key: dict[tuple[str, str], str] = {}
    for event_id, members in by_event.items():
        uf = _Sides(members)
        _join_columns(uf, members, top, commanders)
        for n in members:
            root = uf.find(n)
            names = sorted({top[m] for m in uf.members[root] if m in top})
            keys[n] = "/".join(names) if names else f"{root[0]}#c{root[1]}"
            for t in names:
                party_key[(event_id, t)] = keys[n]

    resolved: dict[SideKey, str] = {}
    for triple in stated:
        document, column, name, strength = triple
        event_id = event_of.get(document, document)
        party = party_of(name)
        node = (document, column) if column in (1, 2) else None
        if strength == "own" and party:
            resolved[triple] = party_key.get((event_id, party), party)
        elif node in keys:
            resolved[triple] = keys[node]  # type: ignore[index]
        elif party:
            resolved[triple] = party_key.get((event_id, party), party)
        else:
            resolved[triple] = NO_SIDE
    if any(t[2] in _ROLE_SIDES for t in stated):
        _place_roles(resolved, event_of)
    return ClaimSides(claims, list(map(resolved.__getitem__, claim_keys)))


#: The sides a story of a state against insurgents gives when it names neither (see
#: ``SideResolver.role_side``): True for the state's.
_ROLE_SIDES = {"government forces": True, "insurgents": False}


_STATE_FORCE = re.compile(r"(?i)\b(?:defen[cs]e\s+forces|armed\s+forces|national\s+army|army|government|republic|kingdom"
                          r"|ministry|federation|state)\b")
_GROUP_NAME = re.compile(r"(?i)\b(?:brigades?|front|militias?|rebels?|movement|liberation|resistance|insurgents?|mujahideen"
                         r"|army\s+of\s+the\s+\w+\s+people|jihad|battalions|fighters|guerrillas?)\b")


def _place_roles(resolved: dict[SideKey, str], event_of: Mapping[str, str]) -> None:
    """A story that names neither party (`The army said seven soldiers were killed`) counts
    the state's and the insurgents' men: in an event whose other documents name one state and
    one armed group (`Nigeria`, `Boko Haram`), those are the two sides."""
    states = lexicon().states
    named: dict[str, set[str]] = defaultdict(set)
    # (a column the lexicon cannot name is keyed by its page, `doc#c1`: its name says what it is)
    called: dict[str, str] = {}
    for (document, _, name, _), key in resolved.items():
        if key != NO_SIDE and name not in _ROLE_SIDES:
            named[event_of.get(document, document)].add(key)
            called.setdefault(key, name or key)
    for triple, key in list(resolved.items()):
        role = _ROLE_SIDES.get(triple[2])  # type: ignore[arg-type]
        if role is None:
            continue
        here = named.get(event_of.get(triple[0], triple[0]), set())
        known = {k for k in here if "#" not in k}
        state = [k for k in known if any(p in states for p in k.split("/"))]
        group = [k for k in known if k not in state]
        if not state and len(here) == 2:
            # Two sides the lexicon does not know: the one named as a state's forces
            # (`Karsenian Defence Forces`) against the one named as a group (`Hamra Brigades`).
            state = [k for k in here if _STATE_FORCE.search(called[k]) and not _GROUP_NAME.search(called[k])]
            group = [k for k in here if k not in state and _GROUP_NAME.search(called[k])]
        if len(state) == 1 and len(group) == 1:
            resolved[triple] = state[0] if role else group[0]


def _column_votes(documents: Mapping[str, Document], stated: Iterable[SideKey],
                  claims: Sequence[Claim], keys: Sequence[SideKey]) -> dict[Node, Counter[str]]:
    """Party votes per (document, column): see :func:`resolve_sides` (``keys`` are the claims')."""
    from claims.reconcile.intervals import claim_strict

    votes: dict[Node, Counter[str]] = defaultdict(Counter)
    for document, column, name, strength in stated:
        party = party_of(name)
        if column in (1, 2) and party and strength != "own":
            votes[(document, column)][party] += 1 if strength == "weak" else 3  # type: ignore[index]
    for doc in documents.values():
        for i, name in enumerate(doc.belligerents[:2], 1):
            party = party_of(name)
            if party:
                votes[(doc.id, i)][party] += 3
    # A column figure the prose restates with a party in its own words names the column. Only
    # the documents with such a prose figure need their column figures read.
    if not any(k[3] == "own" for k in stated):
        return votes  # no figure names a party in its own words
    own: list[tuple[Claim, str]] = []
    for c, side_key in zip(claims, keys):
        if side_key[3] == "own" and c.field is None and isinstance(c.value, Quantity):
            party = party_of(side_key[2])
            if party:
                own.append((c, party))
    if not own:
        return votes
    restating = {c.document for c, _ in own}
    in_columns: dict[str, list[Claim]] = defaultdict(list)
    for c, side_key in zip(claims, keys):
        if c.document in restating and c.field is not None and side_key[1] in (1, 2) and isinstance(c.value, Quantity):
            in_columns[c.document].append(c)

    def figure(c: Claim) -> tuple:
        iv = claim_strict(c)
        return c.document, c.kind, c.value.category, iv.low, iv.high  # type: ignore[union-attr]

    column_figures: dict[tuple, set[int]] = defaultdict(set)
    for document in restating:
        for c in in_columns.get(document, ()):
            column_figures[figure(c)].add(c.side.column)  # type: ignore[arg-type]
    for c, party in own:
        columns = column_figures.get(figure(c), set())
        if len(columns) == 1:
            votes[(c.document, next(iter(columns)))][party] += 2
    return votes


def _join_columns(uf: _Sides, members: list[Node], top: Mapping[Node, str],
                  commanders: Mapping[Node, set[str]]) -> None:
    by_party: dict[str, list[Node]] = defaultdict(list)
    for n in members:
        if n in top:
            by_party[top[n]].append(n)
    for group in by_party.values():
        for n in group[1:]:
            uf.union(group[0], n)
    by_surname: dict[str, list[Node]] = defaultdict(list)
    for n in members:
        for s in commanders.get(n, ()):
            by_surname[s].append(n)
    for group in by_surname.values():
        if len({n[0] for n in group}) == len(group):  # one column per document: a shared person
            for n in group[1:]:
                uf.union(group[0], n)
    two_sided = sorted({n[0] for n in members if (n[0], 1) in uf.parent and (n[0], 2) in uf.parent})
    changed = True
    while changed:
        changed = False
        facing: dict[Node, Node] = {}
        for d in two_sided:
            for col in (1, 2):
                mine, opposite = (d, col), (d, 3 - col)
                root = uf.find(opposite)
                if root in facing:
                    changed |= uf.union(facing[root], mine)
                else:
                    facing[root] = mine
    roots_by_column: dict[int, set[Node]] = defaultdict(set)
    for m in members:
        roots_by_column[m[1]].add(uf.find(m))
    for n in members:
        if len(uf.members.get(uf.find(n), ())) == 1 and n not in top:
            peers = roots_by_column[n[1]] - {n}
            if len(peers) == 1:
                uf.union(n, next(iter(peers)))


def side_label(side: str, claims: Sequence[Claim], ctx: Context) -> str | None:
    """How to name a resolved side: its parties (`Yugoslavia`, `China/Viet Minh`) when the
    lexicon knows them, else a name the claims or their columns give for it."""
    if side == NO_SIDE:
        return None
    parts = side.split("/")
    if "#" not in side and all(p[:1].isupper() for p in parts):
        return " / ".join(parts)
    for c in claims:
        if c.side.name and party_of(c.side.name) in parts:
            return c.side.name
    return next((n for c in claims if (n := _column_name(c, ctx))), None)


def _column_name(c: Claim, ctx: Context) -> str | None:
    doc = ctx.documents.get(c.document)
    column = c.side.column
    if doc is None or column not in (1, 2) or len(doc.belligerents) < column:  # type: ignore[operator]
        return None
    return doc.belligerents[column - 1].strip() or None  # type: ignore[operator]



# --- figures by what they count -----------------------------------------------------------------

_ACROSS_SIDES = WordPattern(r"\b(?:both sides|all sides|each side|either side|overall|combined|on both sides)\b",
                            "side|overall|combined")


def quantity_buckets(ctx: Context) -> dict[tuple, list[Claim]]:
    """Figures bucketed by what they count: (event id, kind, side, category, lost, scope).

    Increments (`+2,000 servicemen`, `40 more`), figures a claimant denies, and kind `other`
    are left out. A figure whose side is not said (`as few as several dozen perished`) joins
    the one side that has figures for the same quantity, unless it counts everyone (`people`,
    `civilians`, both sides); :func:`inferred_side` says which claims were so placed.
    Computed once per context and shared by the rules that read it (do not mutate).
    """
    buckets = ctx.memo.get("quantity_buckets")
    if buckets is None:
        # Imported on the first call only (scopes imports this module): an import statement
        # costs microseconds, and the figure rules ask for the buckets once per dispute.
        from claims.reconcile.scopes import scoped_quantities

        buckets = defaultdict(list)
        for c, event, side, scope_ in scoped_quantities(ctx):
            q = c.value
            buckets[(event, c.kind, side, q.category, q.lost, scope_)].append(c)  # type: ignore[union-attr]
        from claims.reconcile.placement import place_by_words

        place_by_words(buckets, ctx)  # a side the figure's own words name comes first
        ctx.memo["inferred_side"] = _place_unsided(buckets, ctx)
        ctx.memo["quantity_buckets"] = buckets
    return buckets


def inferred_side(ctx: Context) -> Mapping[str, str]:
    """Claim id -> the side key a figure with no side was placed under (see quantity_buckets)."""
    quantity_buckets(ctx)
    return ctx.memo["inferred_side"]


def counts_everyone(c: Claim, ctx: Context) -> bool:
    """The figure counts people of every side (`people`, civilians, `on both sides`, a total)."""
    q = c.value
    assert isinstance(q, Quantity)
    return (q.unit or "").lower() in lexicon().everyone_nouns or q.population.value == "civilian" \
        or "total" in (c.side.reason or "") or bool(_ACROSS_SIDES.search(sentence(c, ctx)))


def _place_unsided(buckets: dict[tuple, list[Claim]], ctx: Context) -> dict[str, str]:
    sided: dict[tuple, list[str]] = defaultdict(list)
    for (event, kind, side, category, lost, scope_) in buckets:
        if side != NO_SIDE:
            sided[(event, kind, category, lost, scope_)].append(side)
    placed: dict[str, str] = {}
    for key in sorted((k for k in buckets if k[2] == NO_SIDE), key=str):
        event, kind, _, category, lost, scope_ = key
        sides = sided.get((event, kind, category, lost, scope_), [])
        if len(sides) != 1:
            continue
        stay, move = [], []
        for c in buckets[key]:
            (stay if counts_everyone(c, ctx) else move).append(c)
        if move:
            target = (event, kind, sides[0], category, lost, scope_)
            buckets[target].extend(move)
            for c in move:
                placed[c.id] = sides[0]
            if stay:
                buckets[key] = stay
            else:
                del buckets[key]
    return placed


# --- text around a claim -------------------------------------------------------------------

# Each pattern starts with one character class (the stops it can begin at), so the regex engine
# skips to those characters instead of trying every alternative at every position; the lookbehind
# after it picks the alternative (the same matches as one alternation per stop).
_CELL_END = re.compile(r"[|\n;,.](?:(?<=[|\n;])|(?<=,)\s|(?<=\.)(?:\s|$))")
_SENTENCE_START = re.compile(r"[.!?\n|](?:(?<=[.!?])[\"'”’)]?(?:\[[^\]\n]{1,12}\])*\s|(?<=[\n|]))")


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
        text, end = doc.text, claim.span.start
        start = max(0, end - limit)
    else:
        text = claim.span.prefix
        start, end = 0, len(text)
    return text[_sentence_start(text, start, end):end]


_LAST_SENTENCE_START = re.compile(r"(?s:.*)(" + _SENTENCE_START.pattern + ")")
"""The rightmost sentence start: the engine tries it from the end of the window backwards."""


def _sentence_start(text: str, start: int, end: int) -> int:
    """Where the last match of ``_SENTENCE_START`` in ``text[start:end]`` ends (as scanning the
    window from its start finds it), else ``start``. No match ends later than the rightmost
    one unless that one lies inside the brackets of a match starting further left (`.[a. b] `:
    a bracket holds no newline or `]`), so only a window with an open `[` just before its
    rightmost match is scanned from the start."""
    m = _LAST_SENTENCE_START.match(text, start, end)
    if m is None:
        return start
    at = m.start(1)
    bracket = text.rfind("[", max(start, at - 12), at)
    if bracket >= 0 and "]" not in text[bracket:at] and "\n" not in text[bracket:at]:
        for m in _SENTENCE_START.finditer(text, start, end):
            start = m.end()
        return start
    return m.end()


def between(a: Claim, b: Claim, ctx: Context) -> str | None:
    """The text between two claims of one document, or None when it is not at hand."""
    doc = ctx.documents.get(a.document)
    if a.document != b.document or not doc or not doc.text:
        return None
    first, second = sorted((a, b), key=lambda c: c.span.start)
    return doc.text[first.span.end: second.span.start]


# A live blog's entry opens with the time it was posted, alone on its line or before a dash
# (`17:45 GMT`, `09:05 - Vigilantes say ...`).
_ENTRY_STAMP = re.compile(r"(?m)^[ \t]*(?:[*_#]+[ \t]*)?(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)[ \t]*"
                          r"(?:GMT|BST|UTC|CET|CEST|EST|EDT|local[ \t]+time|[ap]\.?m\.?)?[ \t]*[*_]*[ \t]*(?:$|[\-–—|:][ \t]+)")


def entry_time(claim: Claim, ctx: Context) -> int | None:
    """The minute of the day a live blog posted the entry a claim is in (its last time stamp
    before the claim), or None for a document with fewer than two entries."""
    stamps: dict[str, tuple[list[int], list[int]]] | None = ctx.memo.get("entry_stamps")
    if stamps is None:
        stamps = ctx.memo["entry_stamps"] = {}
    found = stamps.get(claim.document)
    if found is None:
        doc = ctx.documents.get(claim.document)
        hits = [(m.start(), int(m.group("h")) * 60 + int(m.group("m"))) for m in _ENTRY_STAMP.finditer(doc.text)] \
            if doc is not None and doc.text else []
        found = stamps[claim.document] = ([p for p, _ in hits], [t for _, t in hits]) if len(hits) >= 2 else ([], [])
    k = bisect_right(found[0], claim.span.start) - 1
    return found[1][k] if k >= 0 else None


_RUNNING_TOTAL = WordPattern(r"\b(?:total|toll|became|rose to|risen to|reached|bringing|so far|altogether|in all|overall|combined)\b",
                             "total|toll|became|rose to|risen to|reached|bringing|so far|altogether|in all|overall|combined")


def is_running_total(claim: Claim, ctx: Context) -> bool:
    """The figure is a total or a running tally (`the total fatalities became six`); read once
    per claim (a dispute asks for every pair of one document's figures), or once per wording in
    a document without text, where only the claim's own prefix and quote are read (stand-ins
    repeat a few wordings)."""
    known: dict[object, bool] | None = ctx.memo.get("running_total")
    if known is None:
        known = ctx.memo["running_total"] = {}
    doc = ctx.documents.get(claim.document)
    key = claim.id if doc and doc.text else (claim.span.prefix, claim.span.quote)
    found = known.get(key)
    if found is None:
        # The figure's own clause: `The death toll is disputed: X says 200, while Y claims over
        # 1,000` makes neither a running total.
        ahead = _CLAUSE_BREAK.split(before(claim, ctx))[-1]
        found = known[key] = bool(_RUNNING_TOTAL.search(ahead + " " + claim.span.quote))
    return found


_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:while|whereas|but)\b|\b(?:while|whereas)\b")


_OVERALL = WordPattern(r"\b(?:overall|in total|total|altogether|in all|combined|both sides|on both sides|all sides)\b",
                       "overall|total|altogether|in all|combined|sides")


def is_overall_total(claim: Claim, ctx: Context) -> bool:
    """The figure counts every side together (`overall, more than six thousand ...`)."""
    return bool(_OVERALL.search(before(claim, ctx) + " " + claim.span.quote + " " + after(claim, ctx)))


_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])[\"'”’)]?(?:\[[^\]\n]{1,12}\])*(?=\s|$)|(?<=\n))")
"""A sentence's end: its stop, a closing quote or bracket, and footnote markers (`guns.[6] Next`)."""


def sentence(claim: Claim, ctx: Context, limit: int = 300) -> str:
    """The whole sentence (or infobox line) the claim sits in."""
    doc = ctx.documents.get(claim.document)
    if not doc or not doc.text:
        return claim.span.prefix + claim.span.quote + claim.span.suffix
    text, end = doc.text, claim.span.end
    m = _SENTENCE_END.search(text, end, end + limit)
    return before(claim, ctx, limit) + claim.span.quote + text[end: m.start() if m else end + limit]


_CONTEXT_SECTIONS = re.compile(r"background|prelude|aftermath|legacy|history|analysis|see also|references|notes|commemoration|memorial", re.I)


def in_context_section(claim: Claim) -> bool:
    """The claim is in a background or aftermath section, where other times are expected."""
    return bool(claim.section and _CONTEXT_SECTIONS.search(claim.section))


def scope(claim: Claim, ctx: Context) -> str:
    """What part of the whole a figure counts; see :func:`claims.reconcile.scopes.scope`."""
    from claims.reconcile.scopes import scope as _scope

    return _scope(claim, ctx)
