"""Match the anchors of a document's old claims to its new claims after an edit: pure functions.

Claim ids derive from character offsets, so any edit before a claim changes its id. An
annotation therefore remembers an :class:`~claims.model.Anchor` (quote, 32 characters of
prefix and suffix, offsets, kind), as the W3C TextQuoteSelector does, and is matched against
the new extraction in tiers, strongest first:

1. ``exact``: same kind, quote, prefix and suffix (the nearest one when the text repeats).
2. ``quote``: same kind and quote, and the context still agrees (one side identical, or both
   mostly similar). Edits keep statements in order, so a candidate between the new positions
   of the nearest exactly matched claims before and after it wins over one outside; among
   those, the most similar context wins.
3. ``fuzzy``: the quote itself changed (`600 killed` edited to `700 killed`), among claims of
   the same kind within :data:`FUZZY_WINDOW` characters of where it may be now; accepted
   only when the context agrees and the quote is similar (see the thresholds below). The
   score is recorded so the reviewer is told the statement changed.

Context similarity weighs the characters next to the quote most, and the part of the context
in the quote's own sentence (or infobox line) more than the rest: in templated text the
sentence says which statement it is (`In the Alpha sector, 600 killed`), the neighbouring
sentence does not.

Every new claim goes to at most one anchor and every anchor to at most one claim: anchors
taken from one version of a document are different statements, so two of them never land on
the same claim, and a statement that now appears twice is given to one annotation only. When
the caller passes the anchors of *every* old claim (annotated or not), an old claim that is
still there keeps its own counterpart, so a neighbour's annotation cannot take it after its
own sentence was deleted; that annotation is orphaned instead.

Near ties are refused, not guessed: when two old statements fit one claim about equally, or
one statement fits two different claims about equally (within :data:`AMBIGUITY_MARGIN`, and
neither fits fully), the annotation is orphaned. The reviewer sees an orphan; nobody sees an
annotation silently attached to the wrong figure.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from difflib import SequenceMatcher
from enum import Enum
from os.path import commonprefix

from attrs import frozen

from claims.model import Anchor, Claim
from claims.textmap import CONTEXT

QUOTE_CONTEXT_MIN = 0.5
"""Context similarity an unchanged quote needs to count as the same statement."""

FUZZY_MIN = 0.75
"""Combined quote and context similarity a changed quote needs."""

FUZZY_CONTEXT_MIN = 0.6
FUZZY_QUOTE_MIN = 0.5

ADJACENT_WEIGHT = 0.75
"""Share of a context's similarity taken from the unbroken run of agreeing characters next to
the quote; the rest is how much of it survives anywhere. Templated text agrees everywhere
except in the few characters (a name, a column number) that say which statement it is."""

SAME_SENTENCE_WEIGHT = 0.7
"""Share of a context side's similarity taken from the quote's own sentence or line."""

_SENTENCE_END = re.compile(r"[\n.!?]")

AMBIGUITY_MARGIN = 0.1
"""Two different old statements scoring within this of each other for one claim: neither gets it."""

FUZZY_WINDOW = 4000
"""Characters either side of the expected position searched for a changed quote."""

MAX_CANDIDATES = 24
"""Nearest candidates scored per anchor and tier, so matching stays linear in claims."""


class Method(str, Enum):
    """How an annotation was re-attached: an anchor matched to a claim, or a conflict followed."""

    EXACT = "exact"
    QUOTE = "quote"
    FUZZY = "fuzzy"
    ORPHANED = "orphaned"
    VIA_CLAIMS = "via-claims"
    """A conflict annotation that followed its conflict's claims (see :func:`claims.review.reanchor.follow_conflicts`)."""


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
    """How much of an old quote's context survives around a new one, in [0, 1].

    Each side counts by its length, so a context cut short by the start or end of the document
    says little; the characters next to the quote weigh most.
    """
    before = _side_similarity(old.prefix[::-1], new.prefix[::-1])
    after = _side_similarity(old.suffix, new.suffix)
    total = len(old.prefix) + len(old.suffix)
    if total == 0:
        return 1.0 if not (new.prefix or new.suffix) else 0.5
    return (before * len(old.prefix) + after * len(old.suffix)) / total


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
        self,
        anchors: list[Anchor],
        claims: Sequence[Claim],
        text: str,
        claimed: Collection[str],
    ) -> None:
        self.anchors = anchors
        self.claim_ids = [c.id for c in claims]
        self.new = [anchor_in(c, text) for c in claims]
        self.text = text
        self.claimed = claimed
        self.match: dict[int, tuple[int, Method, float]] = {}
        self.taken: set[int] = set()
        self.refused: set[int] = set()
        self.by_exact: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        self.by_quote: dict[str, list[int]] = defaultdict(list)
        self.by_kind: dict[object, list[int]] = defaultdict(list)
        for i in sorted(range(len(self.new)), key=lambda i: self.new[i].start):
            c = self.new[i]
            self.by_exact[(c.quote, c.prefix, c.suffix)].append(i)
            self.by_quote[c.quote].append(i)
            self.by_kind[c.kind].append(i)
            self.by_kind[None].append(i)
        self.quote_starts = {q: [self.new[i].start for i in m] for q, m in self.by_quote.items()}
        self.kind_starts = {k: [self.new[i].start for i in m] for k, m in self.by_kind.items()}
        self.expected: dict[int, tuple[int, int, int]] = {}

    def free(self, i: int, method: Method) -> bool:
        """A new claim can take this match: not yet taken, and only exact matches reuse claimed ones."""
        if i in self.taken:
            return False
        return method is Method.EXACT or self.claim_ids[i] not in self.claimed

    def assign(
        self, pairs: list[tuple[tuple[float, ...], int, int, Method, float]], contested: bool = False
    ) -> None:
        """Greedy one-to-one assignment of (sort key, anchor, claim, method, score), best first.

        With ``contested``, near ties are refused rather than guessed: a claim two different
        anchors want about equally (same distance, scores within :data:`AMBIGUITY_MARGIN`)
        goes to neither, and an anchor that fits two claims about equally takes neither and is
        orphaned. The text no longer says which statement is which, and an orphan the
        reviewer sees is better than an annotation silently attached to the wrong figure.
        """
        pairs.sort(key=lambda p: p[0])
        by_claim: dict[int, list[tuple[float, int, float]]] = defaultdict(list)
        by_anchor: dict[int, list[tuple[float, int, float]]] = defaultdict(list)
        for key, a, i, _, score in pairs:
            by_claim[i].append((key[0], a, score))
            by_anchor[a].append((key[0], i, score))
        for key, a, i, method, score in pairs:
            if a in self.match or a in self.refused or i in self.taken:
                continue
            if contested and any(
                b != a and d == key[0] and _near_tie(score, s)
                and b not in self.match and b not in self.refused
                for d, b, s in by_claim[i]
            ):
                self.taken.add(i)
                continue
            if contested and any(
                j != i and d == key[0] and _near_tie(score, s) and j not in self.taken
                for d, j, s in by_anchor[a]
            ):
                self.refused.add(a)
                continue
            self.match[a] = (i, method, score)
            self.taken.add(i)

    def pending(self) -> list[int]:
        return [a for a in range(len(self.anchors)) if a not in self.match and a not in self.refused]

    def locate(self) -> None:
        """Where each pending anchor may be now: between its nearest matched neighbours.

        Edits keep statements in order, so a claim lies after the new position of the matched
        claim before it and before that of the matched claim after it; within that range (or
        with no neighbour on a side) the context decides. The centre, used to pick the
        nearest candidates, is the old position moved as far as the nearest neighbour moved.
        """
        moved = sorted(
            (self.anchors[a].start, self.new[i].start) for a, (i, _, _) in self.match.items()
        )
        for a in self.pending():
            start = self.anchors[a].start
            pivot = bisect.bisect_right(moved, (start, float("inf")))
            before = moved[pivot - 1] if pivot > 0 else None
            after = moved[pivot] if pivot < len(moved) else None
            low = before[1] if before else -1
            high = after[1] if after else len(self.text) + 1
            near = min(
                (n for n in (before, after) if n), key=lambda n: abs(n[0] - start), default=(start, start)
            )
            self.expected[a] = (low, high, start + near[1] - near[0])

    def distance(self, a: int, i: int) -> int:
        """How far a candidate lies outside the range where the anchor may be now."""
        low, high, _ = self.expected[a]
        position = self.new[i].start
        return max(low - position, position - high, 0)

    def run(self) -> None:
        self.assign(
            [
                ((abs(self.new[i].start - anchor.start),), a, i, Method.EXACT, 1.0)
                for a, anchor in enumerate(self.anchors)
                for i in self.by_exact.get((anchor.quote, anchor.prefix, anchor.suffix), ())
                if _kind_fits(anchor, self.new[i]) and self.free(i, Method.EXACT)
            ]
        )
        self.locate()
        self.assign(
            self.candidates(Method.QUOTE, self.by_quote, self.quote_starts, lambda a: a.quote, self.quote_fit),
            contested=True,
        )
        self.assign(
            self.candidates(Method.FUZZY, self.by_kind, self.kind_starts, lambda a: a.kind, self.fuzzy_fit),
            contested=True,
        )

    def candidates(
        self,
        method: Method,
        members: dict,
        starts: dict,
        key: Callable[[Anchor], object],
        fit: Callable[[int, int], float | None],
    ) -> list[tuple[tuple[float, ...], int, int, Method, float]]:
        """Scored pairs for each pending anchor and its nearest free candidates in ``members[key]``.

        Pairs sort by how far the candidate lies outside where the anchor may be, then by score.
        """
        pairs = []
        for a in self.pending():
            found = key(self.anchors[a])
            nearest = _nearest(starts.get(found, []), members.get(found, []), self.expected[a][2], MAX_CANDIDATES)
            for i in nearest:
                score = fit(a, i) if self.free(i, method) else None
                if score is not None:
                    pairs.append(((self.distance(a, i), -score), a, i, method, score))
        return pairs

    def quote_fit(self, a: int, i: int) -> float | None:
        """The context similarity of an unchanged quote, when it is enough."""
        anchor, candidate = self.anchors[a], self.new[i]
        if not _kind_fits(anchor, candidate):
            return None
        score = context_similarity(anchor, candidate)
        return score if score >= QUOTE_CONTEXT_MIN else None

    def fuzzy_fit(self, a: int, i: int) -> float | None:
        """The combined similarity of a changed quote near where the anchor may be."""
        if self.distance(a, i) > FUZZY_WINDOW:
            return None
        return _fuzzy_score(self.anchors[a], self.new[i])


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
