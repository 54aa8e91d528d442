"""Re-attach annotations to claims after a document is edited: pure functions, no SQLite.

Claim ids derive from character offsets, so any edit before a claim changes its id. An
annotation therefore remembers an :class:`~claims.model.Anchor` (quote, 32 characters of
prefix and suffix, offsets, kind), as the W3C TextQuoteSelector does, and is matched against
the new extraction in tiers, strongest first:

1. ``exact``: same kind, quote, prefix and suffix (the nearest one when the text repeats).
2. ``span``: same kind, quote and offsets (the text around it changed, the claim did not move).
3. ``quote``: same kind and quote, and the context still agrees (one side identical, or both
   mostly similar); ranked by context similarity, then by distance from where the claim is
   expected to be now.
4. ``fuzzy``: the quote itself changed (`600 killed` edited to `700 killed`), among claims of
   the same kind near the expected position; accepted only when the context agrees and the
   quote is similar. The score is recorded so the reviewer is told the statement changed.

Every new claim goes to at most one anchor and every anchor to at most one claim: anchors
taken from one version of a document are different statements, so two of them never land on
the same claim, and a statement that now appears twice is given to one annotation only. When
the caller passes the anchors of *every* old claim (annotated or not), an old claim that is
still there keeps its own counterpart, so a neighbour's annotation cannot take it after its
own sentence was deleted; that annotation is orphaned instead.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Collection, Sequence
from difflib import SequenceMatcher
from enum import Enum
from os.path import commonprefix

from attrs import frozen

from claims.model import Anchor, Claim

CONTEXT = 32
"""Characters of prefix and suffix kept on either side of a quote."""

QUOTE_CONTEXT_MIN = 0.5
"""Context similarity an unchanged quote needs to count as the same statement."""

FUZZY_MIN = 0.75
"""Combined quote and context similarity a changed quote needs."""

FUZZY_CONTEXT_MIN = 0.6
FUZZY_QUOTE_MIN = 0.5

FUZZY_WINDOW = 4000
"""Characters either side of the expected position searched for a changed quote."""

MAX_CANDIDATES = 24
"""Nearest candidates scored per anchor and tier, so matching stays linear in claims."""


class Method(str, Enum):
    """How an anchor was matched to a claim of the new extraction."""

    EXACT = "exact"
    SPAN = "span"
    QUOTE = "quote"
    FUZZY = "fuzzy"
    ORPHANED = "orphaned"


@frozen
class ReanchorResult:
    """Where the anchor given under ``key`` belongs now; ``claim_id`` is None when orphaned."""

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


def context_similarity(old: Anchor, new: Anchor) -> float:
    """How alike the text around two quotes is, in [0, 1]; characters next to the quote weigh most."""
    before = _side_similarity(old.prefix[::-1], new.prefix[::-1])
    after = _side_similarity(old.suffix, new.suffix)
    return (before + after) / 2


def quote_similarity(old: str, new: str) -> float:
    """How alike two quotes are, in [0, 1]."""
    if old == new:
        return 1.0
    return SequenceMatcher(None, old, new, autojunk=False).ratio()


def _side_similarity(old: str, new: str) -> float:
    # Both strings read outward from the quote, so a common prefix is the adjacent text.
    if old == new:
        return 1.0
    longest = max(len(old), len(new))
    adjacent = len(commonprefix([old, new])) / longest
    overall = SequenceMatcher(None, old, new, autojunk=False).ratio()
    return (adjacent + overall) / 2


def _kind_fits(anchor: Anchor, candidate: Anchor) -> bool:
    return anchor.kind is None or anchor.kind == candidate.kind


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


class _Matcher:
    """One matching run: distinct old anchors against the new claims, one to one."""

    def __init__(
        self, anchors: list[Anchor], claims: Sequence[Claim], text: str, claimed: Collection[str]
    ) -> None:
        self.anchors = anchors
        self.claim_ids = [c.id for c in claims]
        self.new = [anchor_in(c, text) for c in claims]
        self.claimed = claimed
        self.match: dict[int, tuple[int, Method, float]] = {}
        self.taken: set[int] = set()
        self.by_exact: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        self.by_span: dict[tuple[int, int, str], list[int]] = defaultdict(list)
        self.by_quote: dict[str, list[int]] = defaultdict(list)
        self.by_kind: dict[object, list[int]] = defaultdict(list)
        order = sorted(range(len(self.new)), key=lambda i: self.new[i].start)
        for i in order:
            c = self.new[i]
            self.by_exact[(c.quote, c.prefix, c.suffix)].append(i)
            self.by_span[(c.start, c.end, c.quote)].append(i)
            self.by_quote[c.quote].append(i)
            self.by_kind[c.kind].append(i)
            self.by_kind[None].append(i)
        self.starts = {key: [self.new[i].start for i in members] for key, members in self.by_quote.items()}
        self.kind_starts = {key: [self.new[i].start for i in members] for key, members in self.by_kind.items()}

    def free(self, i: int, method: Method) -> bool:
        """A new claim can take this match: not yet taken, and only exact matches reuse claimed ones."""
        if i in self.taken:
            return False
        return method is Method.EXACT or self.claim_ids[i] not in self.claimed

    def assign(self, pairs: list[tuple[tuple[float, ...], int, int, Method, float]]) -> None:
        """Greedy one-to-one assignment of (sort key, anchor, claim, method, score), best first."""
        pairs.sort(key=lambda p: p[0])
        for _, a, i, method, score in pairs:
            if a not in self.match and i not in self.taken:
                self.match[a] = (i, method, score)
                self.taken.add(i)

    def pending(self) -> list[int]:
        return [a for a in range(len(self.anchors)) if a not in self.match]

    def run(self) -> None:
        pairs = []
        for a, anchor in enumerate(self.anchors):
            for i in self.by_exact.get((anchor.quote, anchor.prefix, anchor.suffix), ()):
                if _kind_fits(anchor, self.new[i]) and self.free(i, Method.EXACT):
                    pairs.append(((abs(self.new[i].start - anchor.start),), a, i, Method.EXACT, 1.0))
        self.assign(pairs)

        pairs = []
        for a in self.pending():
            anchor = self.anchors[a]
            for i in self.by_span.get((anchor.start, anchor.end, anchor.quote), ()):
                if _kind_fits(anchor, self.new[i]) and self.free(i, Method.SPAN):
                    score = context_similarity(anchor, self.new[i])
                    pairs.append(((-score,), a, i, Method.SPAN, score))
        self.assign(pairs)

        shifts = sorted(
            (self.anchors[a].start, self.new[i].start - self.anchors[a].start)
            for a, (i, _, _) in self.match.items()
        )
        pairs = []
        for a in self.pending():
            anchor = self.anchors[a]
            expected = anchor.start + _shift_near(shifts, anchor.start)
            members = self.by_quote.get(anchor.quote)
            if not members:
                continue
            for i in _nearest(self.starts[anchor.quote], members, expected, MAX_CANDIDATES):
                if _kind_fits(anchor, self.new[i]) and self.free(i, Method.QUOTE):
                    score = context_similarity(anchor, self.new[i])
                    if score >= QUOTE_CONTEXT_MIN:
                        distance = abs(self.new[i].start - expected)
                        pairs.append(((-score, distance), a, i, Method.QUOTE, score))
        self.assign(pairs)

        pairs = []
        for a in self.pending():
            anchor = self.anchors[a]
            expected = anchor.start + _shift_near(shifts, anchor.start)
            members = self.by_kind.get(anchor.kind, [])
            starts = self.kind_starts.get(anchor.kind, [])
            for i in _nearest(starts, members, expected, MAX_CANDIDATES):
                candidate = self.new[i]
                if abs(candidate.start - expected) > FUZZY_WINDOW or not self.free(i, Method.FUZZY):
                    continue
                score = _fuzzy_score(anchor, candidate)
                if score is not None:
                    distance = abs(candidate.start - expected)
                    pairs.append(((-score, distance), a, i, Method.FUZZY, score))
        self.assign(pairs)


def _shift_near(shifts: list[tuple[int, int]], start: int) -> int:
    """How far the nearest already matched old claim moved: where this one should be now."""
    if not shifts:
        return 0
    pivot = bisect.bisect_left(shifts, (start,))
    options = [shifts[j] for j in (pivot - 1, pivot) if 0 <= j < len(shifts)]
    return min(options, key=lambda s: abs(s[0] - start))[1]


def _fuzzy_score(anchor: Anchor, candidate: Anchor) -> float | None:
    """The combined similarity when a changed quote is still clearly the same statement."""
    context = context_similarity(anchor, candidate)
    if context < FUZZY_CONTEXT_MIN:
        return None
    quote = quote_similarity(anchor.quote, candidate.quote)
    score = (quote + context) / 2
    if quote < FUZZY_QUOTE_MIN or score < FUZZY_MIN:
        return None
    return score


def reanchor(
    anchors: Sequence[tuple[str, Anchor]],
    new_claims: Sequence[Claim],
    new_text: str,
    *,
    claimed: Collection[str] = frozenset(),
) -> list[ReanchorResult]:
    """Find, for each ``(key, anchor)``, the claim of ``new_claims`` it belongs to now.

    ``anchors`` must come from one version of one document; equal anchors (several
    annotations on one claim) share their result. ``new_claims`` are that document's claims
    in the new extraction and ``new_text`` its text. Claims in ``claimed`` already belong to
    another anchor and may only be matched exactly (used for annotations left over from older
    versions of the document). Returns one result per input pair, in order.
    """
    distinct: dict[Anchor, int] = {}
    for _, anchor in anchors:
        distinct.setdefault(anchor, len(distinct))
    matcher = _Matcher(list(distinct), new_claims, new_text, claimed)
    matcher.run()
    results = []
    for key, anchor in anchors:
        found = matcher.match.get(distinct[anchor])
        if found is None:
            results.append(ReanchorResult(key, None, Method.ORPHANED, 0.0))
        else:
            i, method, score = found
            results.append(ReanchorResult(key, matcher.claim_ids[i], method, round(score, 4)))
    return results
