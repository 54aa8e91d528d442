"""Match a document's old claims to its new claims after an edit: pure functions.

Claim ids derive from character offsets, so any edit before a claim changes its id. An
annotation therefore remembers an :class:`~claims.model.Anchor` (quote, 32 characters of
prefix and suffix, offsets, kind), as the W3C TextQuoteSelector does. Re-anchoring compares
:class:`Site`\\ s: the anchor, and where the claim sits in its document's structure (the
infobox field and column holding it, or its sentence in the prose, and what its value
counts). Structure comes first, then the quote and its context, then a changed quote:

1. ``exact``: same kind, quote, prefix and suffix, in the same field (the nearest one when the
   text repeats).
2. ``quote``, the same statement: same kind and quote in the same infobox field (and column),
   or in the same sentence word for word. A statement still present word for word where it
   was keeps its annotations whatever happened around it (a neighbouring figure deleted,
   the fields reordered).
3. ``quote``, the same quote where the context still agrees (one side identical, or both
   mostly similar), in the same field or both in the prose. Edits keep statements in order,
   so a candidate between the new positions of the nearest matched claims before and after
   it wins over one outside; among those, the most similar context wins.
4. ``fuzzy``: the quote itself changed (`600 killed` edited to `700 killed`, a commander's
   rank dropped). Only within the same field and column (in the prose: between the matched
   neighbours, context agreeing), of the same kind, counting the same thing (a killed figure
   never becomes a wounded one), with a similar quote. The score is recorded so the
   reviewer is told the statement changed.

Tiers 2 to 4 are assignments, not greedy picks: every old claim (annotated or not) competes
for the new claims at once, and a pair is made only when each is the other's clear best
(:func:`_mutual_best`). A new claim that another old claim matches exactly or as the same
statement is taken before the fuzzy tier runs, so a neighbour's annotation can never take it
(`Killed: 169, ..., Killed: 11, ...` edited to `Killed: 11, ...`: the `Killed: 11` keeps its
own annotations and those of `Killed: 169` are orphaned). Near ties are refused, not guessed:
when two old statements fit one claim about equally, or one statement fits two claims about
equally (within :data:`AMBIGUITY_MARGIN`), neither is paired. The reviewer sees an orphan;
nobody sees an annotation silently attached to the wrong figure.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from difflib import SequenceMatcher
from enum import Enum
from os.path import commonprefix

from attrs import frozen

from claims.model import Anchor, Claim, Document, InfoboxField, Person, Quantity, Unit
from claims.textmap import CONTEXT

QUOTE_CONTEXT_MIN = 0.5
"""Context similarity an unchanged quote needs to count as the same statement (tier 3)."""

FUZZY_MIN = 0.75
"""Combined quote and context similarity a changed quote in the prose needs."""

FUZZY_CONTEXT_MIN = 0.6
"""Context similarity a changed quote in the prose (or of unknown place) needs."""

FUZZY_QUOTE_MIN = 0.5
"""Quote similarity a changed quote needs, anywhere."""

FUZZY_TEXT_QUOTE_MIN = 0.7
"""Quote similarity a changed statement with no figure or person needs (a result, a name):
its words are all there is to tell it from another."""

SAME_PERSON_SCORE = 0.9
"""Quote similarity given to two commander quotes naming the same person (a rank or marker
changed: `General Života Panić` -> `Života Panić`)."""

PERSON_NAME_MIN = 0.8
"""Name similarity two commander claims need to be one person spelled two ways."""

ADJACENT_WEIGHT = 0.75
"""Share of a context's similarity taken from the unbroken run of agreeing characters next to
the quote; the rest is how much of it survives anywhere. Templated text agrees everywhere
except in the few characters (a name, a column number) that say which statement it is."""

SAME_SENTENCE_WEIGHT = 0.7
"""Share of a context side's similarity taken from the quote's own sentence or line."""

_SENTENCE_END = re.compile(r"[\n.!?]")
_SENTENCE_BREAK = re.compile(r"\n|(?<=[.!?])\s")
SENTENCE_REACH = 600
"""Characters searched either side of a quote for the ends of its sentence."""

AMBIGUITY_MARGIN = 0.1
"""Two candidates scoring within this of each other: neither is chosen."""

FUZZY_WINDOW = 4000
"""Characters either side of the expected position searched for a changed quote."""

MAX_CANDIDATES = 24
"""Nearest candidates scored per anchor and tier, so matching stays linear in claims."""

ROUNDS = 4
"""Rounds of mutual-best pairing per tier: a claim whose first choice went to a clearly better
match may take its next one."""


class Method(str, Enum):
    """How an annotation was re-attached: an anchor matched to a claim, or a conflict followed."""

    EXACT = "exact"
    QUOTE = "quote"
    FUZZY = "fuzzy"
    ORPHANED = "orphaned"
    VIA_CLAIMS = "via-claims"
    """A conflict annotation that followed its conflict's claims (see :func:`claims.review.reanchor.follow_conflicts`)."""


@frozen
class Place:
    """Where a claim sits in its document's structure, beyond its offsets."""

    field: tuple[str, int | None] | None
    """(infobox key, column) of the field holding the claim; None in the prose."""
    statement: str
    """Its statement, white space folded: the sentence in the prose, the field's value in an infobox."""
    counts: str | None = None
    """What a figure counts (`killed`, `tanks/lost`), the unit number; a changed quote must agree."""
    person: str | None = None
    """The person a commander claim names, folded."""
    bounds: tuple[int | None, int | None] | None = None
    """A figure's low and high (None when open), for telling a revised figure from another one."""


@frozen
class Site:
    """A claim as re-anchoring compares it: its anchor and its place (None when not known,
    as for an anchor kept from an older version of the document)."""

    anchor: Anchor
    place: Place | None = None


@frozen
class ReanchorResult:
    """Where the site given under ``key`` belongs now; ``claim_id`` is None when orphaned."""

    key: str
    claim_id: str | None
    method: Method
    score: float


def anchor_in(claim: Claim, text: str | None) -> Anchor:
    """The claim's anchor with its context read from ``text`` when the span fits it.

    Extractors may leave a span's prefix and suffix empty; the document text is the truth.
    """
    span = claim.span
    if text is not None and text[span.start : span.end] == span.quote:
        return Anchor(
            document=span.document,
            quote=span.quote,
            prefix=text[max(0, span.start - CONTEXT) : span.start],
            suffix=text[span.end : span.end + CONTEXT],
            start=span.start,
            end=span.end,
            kind=claim.kind,
        )
    return Anchor.of_claim(claim)


def fold(text: str) -> str:
    """Lower case, accents dropped, white space folded: for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def _counts(claim: Claim) -> str | None:
    value = claim.value
    if isinstance(value, Quantity):
        return value.category.value + ("/lost" if value.lost else "")
    if isinstance(value, Unit) and value.number is not None:
        return f"unit {value.number}"
    return None


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding ``text[start:end]``, white space folded."""
    low = max(0, start - SENTENCE_REACH)
    before = [m.end() for m in _SENTENCE_BREAK.finditer(text, low, start)]
    first = before[-1] if before else low
    after = _SENTENCE_BREAK.search(text, end, min(len(text), end + SENTENCE_REACH))
    last = after.start() if after else min(len(text), end + SENTENCE_REACH)
    return " ".join(text[first:last].split())


class _Fields:
    """The infobox fields of a document, found by offset."""

    def __init__(self, document: Document) -> None:
        fields = sorted(document.infobox, key=lambda f: (f.start, f.end))
        self.starts = [f.start for f in fields]
        self.fields = fields

    def at(self, start: int, end: int) -> InfoboxField | None:
        """The field whose value holds ``[start, end)`` (the innermost, when fields nest)."""
        index = bisect.bisect_right(self.starts, start) - 1
        for field in self.fields[max(0, index - 8) : index + 1][::-1]:
            if field.start <= start and end <= field.end:
                return field
        return None


def sites_of(claims: Iterable[Claim], document: Document | None, text: str | None = None) -> list[Site]:
    """The site of each claim of one document, its place read from the document.

    Without the document (or when the spans do not fit its text) the places are unknown.
    """
    text = document.text if document is not None else text
    fields = _Fields(document) if document is not None else None
    out = []
    for claim in claims:
        anchor = anchor_in(claim, text)
        span = claim.span
        if fields is None or text is None or text[span.start : span.end] != span.quote:
            out.append(Site(anchor))
            continue
        field = fields.at(span.start, span.end)
        if field is not None:
            key: tuple[str, int | None] | None = (field.key, field.column)
            statement = " ".join(field.value.split())
        elif claim.field is not None:
            key = (claim.field, claim.side.column)
            statement = sentence_around(text, span.start, span.end)
        else:
            key = None
            statement = sentence_around(text, span.start, span.end)
        value = claim.value
        person = fold(value.name) if isinstance(value, Person) else None
        bounds = (value.low, value.high) if isinstance(value, Quantity) else None
        out.append(Site(anchor, Place(key, statement, _counts(claim), person, bounds)))
    return out


def context_similarity(old: Anchor, new: Anchor) -> float:
    """How much of an old quote's context survives around a new one, in [0, 1].

    Each side counts by its length, so a context cut short by the start or end of the document
    says little; the characters next to the quote weigh most.
    """
    before, after = side_similarities(old, new)
    total = len(old.prefix) + len(old.suffix)
    if total == 0:
        return 1.0 if not (new.prefix or new.suffix) else 0.5
    return (before * len(old.prefix) + after * len(old.suffix)) / total


def side_similarities(old: Anchor, new: Anchor) -> tuple[float, float]:
    """How much of the old context survives before and after the quote, each in [0, 1]."""
    return _side_similarity(old.prefix[::-1], new.prefix[::-1]), _side_similarity(old.suffix, new.suffix)


def quote_similarity(old: str, new: str) -> float:
    """How alike two quotes are, in [0, 1]."""
    if old == new:
        return 1.0
    return SequenceMatcher(None, old, new, autojunk=False).ratio()


def _side_similarity(old: str, new: str) -> float:
    # Both strings read outward from the quote, so a common prefix is the adjacent text.
    if old == new:
        return 1.0
    same_sentence = _similarity(_SENTENCE_END.split(old, 1)[0], _SENTENCE_END.split(new, 1)[0])
    return SAME_SENTENCE_WEIGHT * same_sentence + (1 - SAME_SENTENCE_WEIGHT) * _similarity(old, new)


def _similarity(old: str, new: str) -> float:
    """How much of the old context survives in the new, next to the quote and anywhere in it.

    Measured against the old context's own length, so a context cut short by the end of the
    document still agrees fully with text that now continues past it.
    """
    if old == new:
        return 1.0
    if not old:
        return 0.5
    adjacent = len(commonprefix([old, new])) / len(old)
    blocks = SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
    overall = sum(block.size for block in blocks) / len(old)
    return ADJACENT_WEIGHT * adjacent + (1 - ADJACENT_WEIGHT) * overall


def _near_tie(best: float, other: float) -> bool:
    """Two scores too close to choose between; a full agreement beats any partial one."""
    return best - other < AMBIGUITY_MARGIN and (best < 1.0 or other >= 1.0)


def _kind_fits(old: Anchor, new: Anchor) -> bool:
    return old.kind is None or old.kind == new.kind


def _same_field(old: Site, new: Site) -> bool:
    """Both in the same infobox field and column, or both in the prose (or a place unknown)."""
    return old.place is None or new.place is None or old.place.field == new.place.field


def _nearest(positions: list[int], members: list[int], target: int, limit: int) -> list[int]:
    """Up to ``limit`` members nearest to ``target``; ``positions`` is sorted and parallel."""
    pivot = bisect.bisect_left(positions, target)
    low, high = pivot - 1, pivot
    chosen: list[int] = []
    while len(chosen) < limit and (low >= 0 or high < len(positions)):
        take_low = high >= len(positions) or (
            low >= 0 and target - positions[low] <= positions[high] - target
        )
        if take_low:
            chosen.append(members[low])
            low -= 1
        else:
            chosen.append(members[high])
            high += 1
    return chosen


Pair = tuple[int, int, float, int]
"""(old index, new index, score, distance outside the range where the old claim may be now)."""


def _best(options: list[tuple[int, float, int]]) -> int | None:
    """The clearly best option (other index) of (other, score, distance), or None on a near tie.

    Options nearer the expected range win; among equally near ones the highest score, unless
    another scores within the margin.
    """
    if not options:
        return None
    ranked = sorted(options, key=lambda o: (o[2], -o[1]))
    other, score, distance = ranked[0]
    for rival, rival_score, rival_distance in ranked[1:]:
        if rival_distance != distance:
            break
        if rival != other and _near_tie(score, rival_score):
            return None
    return other


def _mutual_best(pairs: Iterable[Pair]) -> list[tuple[int, int, float]]:
    """(old, new, score) for the pairs where each side is the other's clear best."""
    by_old: dict[int, list[tuple[int, float, int]]] = defaultdict(list)
    by_new: dict[int, list[tuple[int, float, int]]] = defaultdict(list)
    scores: dict[tuple[int, int], float] = {}
    for old, new, score, distance in pairs:
        by_old[old].append((new, score, distance))
        by_new[new].append((old, score, distance))
        scores[(old, new)] = score
    chosen = []
    for old, options in by_old.items():
        new = _best(options)
        if new is not None and _best(by_new[new]) == old:
            chosen.append((old, new, scores[(old, new)]))
    return chosen


class _Matcher:
    """One matching run: old sites against the new claims' sites, one to one."""

    def __init__(self, old: list[Site], new: list[Site], claim_ids: list[str], text_length: int,
                 claimed: Collection[str]) -> None:
        self.old = old
        self.new = new
        self.claim_ids = claim_ids
        self.text_length = text_length
        self.claimed = claimed
        self.match: dict[int, tuple[int, Method, float]] = {}
        self.taken: set[int] = set()
        self.expected: dict[int, tuple[int, int, int]] = {}
        self.by_exact: dict[tuple, list[int]] = defaultdict(list)
        self.by_statement: dict[tuple, list[int]] = defaultdict(list)
        self.by_quote: dict[tuple, list[int]] = defaultdict(list)
        self.by_kind: dict[object, list[int]] = defaultdict(list)
        for i in sorted(range(len(new)), key=lambda i: new[i].anchor.start):
            site = new[i]
            a = site.anchor
            self.by_exact[(a.kind, a.quote, a.prefix, a.suffix)].append(i)
            self.by_statement[_statement_key(site)].append(i)
            self.by_quote[a.quote].append(i)
            self.by_kind[a.kind].append(i)
            self.by_kind[None].append(i)
        self.quote_starts = {q: [new[i].anchor.start for i in m] for q, m in self.by_quote.items()}
        # A quote either version has word for word is that statement, kept or moved: never an edit of another.
        self.old_quotes = {site.anchor.quote for site in old}
        self.new_quotes = {site.anchor.quote for site in new}
        self.kind_starts = {k: [new[i].anchor.start for i in m] for k, m in self.by_kind.items()}

    # -- bookkeeping ---------------------------------------------------------------------------

    def free(self, i: int, method: Method) -> bool:
        """A new claim can take this match: not yet taken, and only exact matches reuse claimed ones."""
        if i in self.taken:
            return False
        return method is Method.EXACT or self.claim_ids[i] not in self.claimed

    def pending(self) -> list[int]:
        return [o for o in range(len(self.old)) if o not in self.match]

    def take(self, o: int, i: int, method: Method, score: float) -> None:
        self.match[o] = (i, method, score)
        self.taken.add(i)

    def pair(self, method: Method, pairs: Iterable[Pair]) -> None:
        """Make the mutual-best pairs, in rounds, among what is still free."""
        pairs = list(pairs)
        for _ in range(ROUNDS):
            pairs = [p for p in pairs if p[0] not in self.match and p[1] not in self.taken]
            chosen = _mutual_best(pairs)
            if not chosen:
                return
            for o, i, score in chosen:
                self.take(o, i, method, score)

    def locate(self) -> None:
        """Where each pending old claim may be now: between its nearest matched neighbours.

        Edits keep statements in order, so a claim lies after the new position of the matched
        claim before it and before that of the matched claim after it; within that range (or
        with no neighbour on a side) the context decides. The centre, used to pick the
        nearest candidates, is the old position moved as far as the nearest neighbour moved.
        """
        moved = sorted((self.old[o].anchor.start, self.new[i].anchor.start) for o, (i, _, _) in self.match.items())
        for o in self.pending():
            start = self.old[o].anchor.start
            pivot = bisect.bisect_right(moved, (start, float("inf")))
            before = moved[pivot - 1] if pivot > 0 else None
            after = moved[pivot] if pivot < len(moved) else None
            low = before[1] if before else -1
            high = after[1] if after else self.text_length + 1
            near = min((n for n in (before, after) if n), key=lambda n: abs(n[0] - start), default=(start, start))
            self.expected[o] = (low, high, start + near[1] - near[0])

    def distance(self, o: int, i: int) -> int:
        """How far a candidate lies outside the range where the old claim may be now."""
        low, high, _ = self.expected[o]
        position = self.new[i].anchor.start
        return max(low - position, position - high, 0)

    def nearest(self, o: int, members: list[int], starts: list[int]) -> list[int]:
        return _nearest(starts, members, self.expected[o][2], MAX_CANDIDATES)

    # -- tiers ---------------------------------------------------------------------------------

    def run(self) -> None:
        self.exact()
        self.locate()
        self.same_statement()
        self.locate()
        self.pair(Method.QUOTE, self.quote_pairs())
        self.locate()
        self.pair(Method.FUZZY, self.fuzzy_pairs())

    def exact(self) -> None:
        """Tier 1: same quote and context in the same field; the nearest when the text repeats."""
        pairs = []
        for o, site in enumerate(self.old):
            a = site.anchor
            keys = [(a.kind, a.quote, a.prefix, a.suffix)] if a.kind is not None else [
                k for k in self.by_exact if k[1:] == (a.quote, a.prefix, a.suffix)
            ]
            for key in keys:
                for i in self.by_exact.get(key, ()):
                    if _same_field(site, self.new[i]) and self.free(i, Method.EXACT):
                        pairs.append((abs(self.new[i].anchor.start - a.start), o, i))
        for _, o, i in sorted(pairs):
            if o not in self.match and i not in self.taken:
                self.take(o, i, Method.EXACT, 1.0)

    def same_statement(self) -> None:
        """Tier 2: the same quote in the same field (or the same sentence), word for word.

        One old and one new of a kind: they are paired. Several (a statement repeated in one
        field): in order when the counts agree, both being word for word the same; else by
        context, refusing near ties.
        """
        groups: dict[tuple, list[int]] = defaultdict(list)
        for o in self.pending():
            if self.old[o].place is not None:
                groups[_statement_key(self.old[o])].append(o)
        pairs: list[Pair] = []
        for key, olds in groups.items():
            news = [i for i in self.by_statement.get(key, ()) if self.free(i, Method.QUOTE)]
            if not news:
                continue
            if len(olds) == len(news):
                olds.sort(key=lambda o: self.old[o].anchor.start)
                for o, i in zip(olds, news):
                    self.take(o, i, Method.QUOTE, round(context_similarity(self.old[o].anchor, self.new[i].anchor), 4))
                continue
            for o in olds:
                for i in news:
                    score = context_similarity(self.old[o].anchor, self.new[i].anchor)
                    pairs.append((o, i, score, 0))
        self.pair(Method.QUOTE, pairs)

    def quote_pairs(self) -> list[Pair]:
        """Tier 3 candidates: the same quote, same field, context agreeing."""
        pairs = []
        for o in self.pending():
            site = self.old[o]
            quote = site.anchor.quote
            for i in self.nearest(o, self.by_quote.get(quote, []), self.quote_starts.get(quote, [])):
                candidate = self.new[i]
                if not (self.free(i, Method.QUOTE) and _kind_fits(site.anchor, candidate.anchor)
                        and _same_field(site, candidate)):
                    continue
                score = context_similarity(site.anchor, candidate.anchor)
                if score >= QUOTE_CONTEXT_MIN:
                    pairs.append((o, i, score, self.distance(o, i)))
        return pairs

    def fuzzy_pairs(self) -> list[Pair]:
        """Tier 4 candidates: a changed quote of the same kind, counting the same, same field.

        Only between a quote the new version no longer has and one the old version did not
        have: a quote still present word for word (elsewhere, perhaps in another column) is
        that statement moved, and a new claim quoting an old statement is that statement.
        """
        pairs = []
        for o in self.pending():
            site = self.old[o]
            kind = site.anchor.kind
            if site.anchor.quote in self.new_quotes:
                continue
            for i in self.nearest(o, self.by_kind.get(kind, []), self.kind_starts.get(kind, [])):
                if not self.free(i, Method.FUZZY) or self.new[i].anchor.quote in self.old_quotes:
                    continue
                distance = self.distance(o, i)
                score = _fuzzy_score(site, self.new[i], distance)
                if score is not None:
                    pairs.append((o, i, score, distance))
        return pairs


def _statement_key(site: Site) -> tuple:
    """Sites with equal keys are the same statement word for word, in the same place."""
    place = site.place
    if place is None:
        return (None,)
    a = site.anchor
    return (a.kind, a.quote, place.field, place.statement if place.field is None else None)


def _fuzzy_score(old: Site, new: Site, distance: int) -> float | None:
    """The combined similarity when a changed quote is still clearly the same statement."""
    a, b = old.anchor, new.anchor
    if not _kind_fits(a, b) or not _same_field(old, new):
        return None
    context = context_similarity(a, b)
    quote = quote_similarity(a.quote, b.quote)
    if old.place is not None and new.place is not None:
        was, now = old.place, new.place
        if was.counts != now.counts:
            return None
        if was.person is not None or now.person is not None:
            # A commander is the person named: the same one with a rank or marker changed,
            # or a spelling close enough to be a transliteration.
            if was.person is None or now.person is None:
                return None
            likeness = 1.0 if was.person == now.person else quote_similarity(was.person, now.person)
            if likeness < PERSON_NAME_MIN:
                return None
            quote = max(quote, SAME_PERSON_SCORE * likeness)
        if was.field is not None:
            # In one field and column the field says which statement it is, when the change is a
            # revision of it: the context agrees, the person is the same, or the figures overlap
            # (`17,892–52,000 wounded` -> `17,892 wounded`). A different figure in new words
            # (`6,000–10,000` -> `40,000–60,000`) is another statement.
            wording = was.person is None and was.bounds is None
            if quote < (FUZZY_TEXT_QUOTE_MIN if wording else FUZZY_QUOTE_MIN):
                return None
            revised = was.person is not None or _overlap(was.bounds, now.bounds) or _edited_in_place(a, b)
            return (quote + context) / 2 if revised else None
        if distance > 0 or (was.bounds is not None and not _overlap(was.bounds, now.bounds)
                            and not _edited_in_place(a, b)):
            return None
    elif distance > FUZZY_WINDOW:
        return None
    score = (quote + context) / 2
    if context < FUZZY_CONTEXT_MIN or quote < FUZZY_QUOTE_MIN or score < FUZZY_MIN:
        return None
    return score


def _edited_in_place(old: Anchor, new: Anchor) -> bool:
    """The text on both sides of the quote still agrees: the quote was edited where it stands.

    A figure replaced by one that does not overlap it is the same statement only then: in a
    list whose order changed (`47 killed` and `18 killed` first in two revisions, for two
    different sides) only the text before it agrees.
    """
    before, after = side_similarities(old, new)
    return min(before if old.prefix else 1.0, after if old.suffix else 1.0) >= QUOTE_CONTEXT_MIN


def _overlap(a: tuple[int | None, int | None] | None, b: tuple[int | None, int | None] | None) -> bool:
    """Two figures' ranges share a value (an open bound reaches as far as it may)."""
    if a is None or b is None:
        return False
    low_a, high_a = a
    low_b, high_b = b
    return (low_a is None or high_b is None or low_a <= high_b) and (low_b is None or high_a is None or low_b <= high_a)


def reanchor(
    sites: Sequence[tuple[str, Site | Anchor]],
    new_claims: Sequence[Claim],
    new_text: str,
    *,
    claimed: Collection[str] = frozenset(),
    new_document: Document | None = None,
) -> list[ReanchorResult]:
    """Find, for each ``(key, site)``, the claim of ``new_claims`` it belongs to now.

    ``sites`` must come from one version of one document (a bare :class:`Anchor` is a site of
    unknown place); equal sites (several annotations on one claim) share their result.
    ``new_claims`` are that document's claims in the new extraction, ``new_text`` its text and
    ``new_document`` the document (for the claims' places; without it they are unknown).
    Claims in ``claimed`` already belong to another site and may only be matched exactly
    (used for annotations left over from older versions of the document). Returns one result
    per input pair, in order.
    """
    distinct: dict[Site, int] = {}
    keyed = []
    for key, site in sites:
        site = site if isinstance(site, Site) else Site(site)
        keyed.append((key, site))
        distinct.setdefault(site, len(distinct))
    new_sites = sites_of(new_claims, new_document, new_text)
    matcher = _Matcher(list(distinct), new_sites, [c.id for c in new_claims], len(new_text), claimed)
    matcher.run()
    results = []
    for key, site in keyed:
        found = matcher.match.get(distinct[site])
        if found is None:
            results.append(ReanchorResult(key, None, Method.ORPHANED, 0.0))
        else:
            i, method, score = found
            results.append(ReanchorResult(key, matcher.claim_ids[i], method, round(score, 4)))
    return results
