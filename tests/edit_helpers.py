"""Random edits of real-looking documents, and the check that re-anchoring never lands elsewhere.

Shared by the tests (on fixtures written for them) and ``benchmarks/eval_reanchor.py`` (on the
corpus). An edit is a set of replacements on the old text; the edited text remembers where each
of its characters came from, so every new claim has an *origin*: the old claim whose characters
it is made of. Re-attaching an old claim's annotations to a new claim is right when that new
claim is the old one (its origin), or says the same thing word for word in the same place (same
kind and quote, whitespace aside, in the same infobox field and column, or in the same sentence). Anything else
is an annotation on a different statement: wrong. Orphaning is never wrong, only a loss.
"""

from __future__ import annotations

import bisect
import random
import re
from collections.abc import Callable, Sequence

from attrs import frozen

from claims.extract import extract_document
from claims.model import Claim, Document
from claims.readers import read_text
from claims.review.reanchor import Attachment, reanchor_document

FILLERS = (
    "The weather was cold that week.",
    "Reports differ on this point, and some put it higher.",
    "In the Omega sector, 600 killed were reported.",
    "The ministry said 1,100 soldiers were killed.",
    "According to the army, 45 tanks were destroyed.",
)


@frozen
class Replacement:
    start: int
    end: int
    content: tuple
    """Pieces put in place of ``old[start:end]``: ranges of the old text or strings."""


@frozen
class Edited:
    """An edited text and, for each run of it, where it came from in the old text."""

    text: str
    starts: tuple[int, ...]
    origins: tuple[tuple[int, int] | None, ...]
    """For the run starting at ``starts[k]``, the old range it comes from or replaces (None: an
    insertion that replaced nothing)."""
    description: str

    def old_position(self, position: int) -> int | None:
        k = bisect.bisect_right(self.starts, position) - 1
        origin = self.origins[k]
        if origin is None:
            return None
        start, end = origin
        return min(start + position - self.starts[k], end - 1)


def apply_edits(text: str, edits: Sequence[Replacement | Sequence[Replacement]], description: str) -> Edited:
    """The text with the ``edits`` made, each whole or not at all (a swap is two replacements):
    one that overlaps an edit made before it is dropped."""
    made: list[Replacement] = []
    for edit in edits:
        group = [edit] if isinstance(edit, Replacement) else list(edit)
        if any(r.start < m.end and m.start < r.end or r.start == m.start for r in group for m in made):
            continue
        made.extend(group)
    chosen = sorted(made, key=lambda r: (r.start, r.end))
    pieces: list = []
    position = 0
    for r in chosen:
        pieces.append(((position, r.start), None))
        # Text put in place of other text stands for it (a changed figure is that figure).
        pieces.extend((p, (r.start, r.end) if r.end > r.start else None) for p in r.content)
        position = r.end
    pieces.append(((position, len(text)), None))
    out: list[str] = []
    starts: list[int] = []
    origins: list[tuple[int, int] | None] = []
    length = 0
    for piece, replaced in pieces:
        chunk = text[piece[0] : piece[1]] if isinstance(piece, tuple) else piece
        if not chunk:
            continue
        starts.append(length)
        origins.append(piece if isinstance(piece, tuple) else replaced)
        out.append(chunk)
        length += len(chunk)
    return Edited("".join(out), tuple(starts) or (0,), tuple(origins) or (None,), description)


def _field_of(document: Document, claim: Claim):
    for field in document.infobox:
        if field.start <= claim.span.start and claim.span.end <= field.end:
            return field
    return None


_BREAK = re.compile(r"\n|(?<=[.!?])\s")


def _sentence(text: str, start: int, end: int) -> str:
    low = max(0, start - 600)
    before = [m.end() for m in _BREAK.finditer(text, low, start)]
    after = _BREAK.search(text, end, min(len(text), end + 600))
    return " ".join(text[before[-1] if before else low : after.start() if after else end + 600].split())


def words(quote: str) -> str:
    """A quote as its words: a statement re-spaced (a copied sentence, a re-wrapped line) says
    the same thing word for word."""
    return " ".join(quote.split())


def place(document: Document, claim: Claim) -> tuple:
    """Where a statement is, for deciding that two claims say the same thing in the same place."""
    field = _field_of(document, claim)
    if field is not None:
        return ("field", field.key, field.column)
    if claim.field is not None:
        return ("field", claim.field, claim.side.column)
    return ("prose", _sentence(document.text, claim.span.start, claim.span.end))


# -- the edits ---------------------------------------------------------------------------------


def delete_group(document: Document, claims: Sequence[Claim], rng: random.Random) -> Replacement | None:
    """Delete a run of figures from one infobox field (`Killed: 169, Wounded: 947, MIA: 1, `)."""
    by_field: dict[int, list[Claim]] = {}
    for claim in claims:
        field = _field_of(document, claim)
        if field is not None:
            by_field.setdefault(field.start, []).append(claim)
    groups = [sorted(found, key=lambda c: c.span.start) for found in by_field.values()]
    groups = [g for g in groups if len(g) >= 2]
    if not groups:
        return None
    group = rng.choice(groups)
    first = rng.randrange(len(group))
    last = min(len(group) - 1, first + rng.randrange(3))
    if last + 1 < len(group):
        start, end = group[first].span.start, group[last + 1].span.start
    elif first > 0:
        start, end = group[first - 1].span.end, group[last].span.end
    else:
        start, end = group[first].span.start, group[last].span.end
    if start >= end:
        return None
    return Replacement(start, end, ())


def _lines(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for match in re.finditer(r"\n", text):
        out.append((start, match.start()))
        start = match.end()
    out.append((start, len(text)))
    return out


def reorder_fields(document: Document, claims: Sequence[Claim], rng: random.Random) -> list[Replacement]:
    """Swap two lines that hold infobox fields."""
    lines = [
        (s, e) for s, e in _lines(document.text)
        if e > s and any(f.start < e and s < f.end for f in document.infobox)
    ]
    if len(lines) < 2:
        return []
    a, b = sorted(rng.sample(lines, 2))
    return [Replacement(a[0], a[1], (b,)), Replacement(b[0], b[1], (a,))]


def change_figure(document: Document, claims: Sequence[Claim], rng: random.Random) -> Replacement | None:
    """Change the number in one claim's quote (`Killed: 169` -> `Killed: 172`)."""
    figures = [(c, m) for c in claims for m in re.finditer(r"\d[\d,]*", c.span.quote)]
    if not figures:
        return None
    claim, match = rng.choice(figures)
    old = int(match.group().replace(",", "") or 0)
    new = str(rng.choice([old + rng.randint(1, 50), max(0, old - rng.randint(1, 9)), rng.randint(1, 3000)]))
    if new == match.group():
        new += "0"
    start = claim.span.start + match.start()
    return Replacement(start, start + len(match.group()), (new,))


def insert_sentence(document: Document, claims: Sequence[Claim], rng: random.Random) -> Replacement | None:
    """Insert a sentence between two sentences of the prose: a filler, or a copy of a sentence
    holding a claim (a statement now said twice)."""
    text = document.text
    low = document.body_start
    gaps = [m.end() for m in re.finditer(r"(?<=[.!?]) (?=[A-Z])|\n(?=[A-Z])", text[low:])]
    if not gaps:
        return None
    at = low + rng.choice(gaps)
    copies = [_sentence(text, c.span.start, c.span.end) for c in claims if c.span.start >= low]
    copies = [s for s in copies if s[-1:] in ".!?"]
    if copies and rng.random() < 0.4:
        sentence = rng.choice(copies)
    else:
        sentence = rng.choice(FILLERS)
    return Replacement(at, at, (sentence + " ",))


EDITS: dict[str, Callable] = {
    "delete a figure group": delete_group,
    "reorder fields": reorder_fields,
    "change a figure": change_figure,
    "insert a sentence": insert_sentence,
}


def random_edit(document: Document, claims: Sequence[Claim], rng: random.Random, count: int = 1) -> Edited:
    """``count`` random edits of the document (fewer when some do not apply or overlap)."""
    edits: list[list[Replacement]] = []
    names = []
    for _ in range(count):
        name = rng.choice(sorted(EDITS))
        made = EDITS[name](document, claims, rng)
        made = made if isinstance(made, list) else [made] if made is not None else []
        if made:
            edits.append(made)
            names.append(name)
    return apply_edits(document.text, edits, ", ".join(names) or "no edit")


# -- the check ---------------------------------------------------------------------------------


@frozen
class Outcome:
    wrong: tuple[str, ...]
    """One line per annotation attached to a different statement."""
    eligible: int
    """Old claims whose statement is still there word for word, in the same place."""
    kept: int
    """Of those, how many kept their annotations."""
    moved: int
    orphaned: int


def origin(new: Claim, edited: Edited, old_claims: Sequence[Claim]) -> set[str]:
    """The old claims (of the same kind) the most characters of ``new`` come from."""
    positions = [edited.old_position(p) for p in range(new.span.start, new.span.end)]
    overlap: dict[str, int] = {}
    for old in old_claims:
        if old.kind is not new.kind:
            continue
        n = sum(1 for p in positions if p is not None and old.span.start <= p < old.span.end)
        if n:
            overlap[old.id] = n
    best = max(overlap.values(), default=0)
    return {claim_id for claim_id, n in overlap.items() if n == best}


def check_reanchoring(
    document: Document, edited: Edited, *, path: str | None = None, old_claims: Sequence[Claim] | None = None
) -> Outcome:
    """Re-anchor one annotation on every claim of ``document`` to the ``edited`` version."""
    old_claims = extract_document(document) if old_claims is None else list(old_claims)
    new_document = read_text(edited.text, path or document.path)
    new_claims = extract_document(new_document)
    attachments = [Attachment(f"a-{c.id}", c.id, "original", None, "accepted") for c in old_claims]
    outcome = reanchor_document(old_claims, document, new_document, new_claims, attachments)
    moved = {m.annotation_id: m.target_id for m in outcome.moves}
    new_by_id = {c.id: c for c in new_claims}
    new_places = {c.id: (c.kind, words(c.span.quote), place(new_document, c)) for c in new_claims}
    same_statement = {v for v in new_places.values()}
    wrong, eligible, kept, orphaned = [], 0, 0, 0
    for claim in old_claims:
        key = (claim.kind, words(claim.span.quote), place(document, claim))
        target = moved.get(f"a-{claim.id}", claim.id)
        still_there = key in same_statement
        eligible += still_there
        if target is None or target not in new_by_id:
            orphaned += 1
            continue
        new = new_by_id[target]
        right = new_places[target] == key or claim.id in origin(new, edited, old_claims)
        if not right:
            wrong.append(
                f"{claim.kind.value} {claim.span.quote!r} at {claim.span.start} ({key[2][:2]}) went to "
                f"{new.span.quote!r} at {new.span.start} ({new_places[target][2][:2]}) after: {edited.description}"
            )
        elif still_there and new_places[target] == key:
            kept += 1
    return Outcome(tuple(wrong), eligible, kept, len(moved), orphaned)
