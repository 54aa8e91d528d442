"""The stated result against the body's own account of the outcome."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator

from claims.model import Claim, Conflict, Document, Kind, Outcome, Severity, TextValue
from claims.reconcile.index import Context
from claims.reconcile.names import side_token
from claims.reconcile.rules import cite, family, finding, rule

RESULT_BODY = rule(
    "R-RESULT-BODY", Severity.MEDIUM, "the result against the body's account",
    """The infobox result names a winner (`Armenian victory`) while a sentence of the account
    (outside Background and Aftermath sections) says the winner failed, was repelled, retreated or
    was defeated (`the Armenian troops failed to achieve their goals`), or calls it a victory for
    the other side. Indeterminate: both can be true (a victory that fell short of its goals), so
    the reviewer decides. The sentence is found among the extracted event claims or, failing
    those, by scanning the body for outcome phrases (victory, defeat, failed, withdrew, retreated,
    repelled). Check whether the result line overstates the outcome or needs a qualifier.""",
    tension_disagrees=True,
)

_WINNER = re.compile(
    r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:(?:decisive|pyrrhic|tactical|strategic|costly|major|partial)\s+)?victory\b"
    r"|\bvictory\s+(?:for|of)\s+(?:the\s+)?([A-Z][\w'’-]+)"
)
_SETBACK = re.compile(
    r"\b(failed to|fail to|were unable to|was unable to|could not|did not manage to|were repelled|was repelled|"
    r"were repulsed|was repulsed|were defeated|was defeated|suffered (?:a|heavy) defeat|retreated|withdrew|"
    r"to retreat|to withdraw)\b"
)
_ACTOR = re.compile(r"\b([A-Z][\w'’-]+)(?:\s+(?:troops|forces|army|units|side|command|soldiers|group))?\b")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_SKIP_SECTIONS = re.compile(r"background|prelude|aftermath|legacy|analysis|history", re.I)
_NOT_ACTORS = frozenset("Despite Relying Had After Before On In By The According Several Both".split())


def _section_at(doc: Document) -> Callable[[int], str | None]:
    """A lookup of the title of the last section (in the document's order) starting at or before
    a position; a binary search when the sections are in text order (as read), since a long
    document asks for every sentence."""
    sections = doc.sections
    starts = [s.start for s in sections]
    if starts != sorted(starts):
        return lambda pos: next((s.title for s in reversed(sections) if s.start <= pos), None)

    def title(pos: int) -> str | None:
        i = bisect_right(starts, pos)
        return sections[i - 1].title if i else None

    return title


def _actor_before(text: str) -> str | None:
    actors = [m.group(1) for m in _ACTOR.finditer(text) if m.group(1) not in _NOT_ACTORS]
    return actors[-1] if actors else None


def _setbacks(doc: Document, winner: str) -> Iterator[tuple[int, str, str]]:
    """(offset, sentence, phrase) for body sentences in which the winner fails or loses."""
    body = doc.text[doc.body_start:]
    section_at = _section_at(doc)
    for m in _SENTENCE.finditer(body):
        pos = doc.body_start + m.start()
        section = section_at(pos)
        if section and _SKIP_SECTIONS.search(section):
            continue
        sent = m.group(0)
        for s in _SETBACK.finditer(sent):
            actor = _actor_before(sent[: s.start()])
            if actor and side_token(actor) == winner:
                yield pos, sent.strip(), s.group(1)
                break
        else:
            for w in _WINNER.finditer(sent):
                other = side_token(w.group(1) or w.group(2))
                if other and other != winner and not re.search(r"\b(no|not|without)\b", sent[: w.start()]):
                    yield pos, sent.strip(), w.group(0)
                    break


def _line_of(doc: Document, pos: int) -> int:
    return doc.text.count("\n", 0, pos) + 1


def _event_claims(ctx: Context) -> dict[str, list[Claim]]:
    """Event claims (a sentence of the account) per document."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in ctx.claims.values():
        if c.kind is Kind.EVENT:
            by_doc[c.document].append(c)
    return by_doc


@family
def result_against_body(ctx: Context) -> Iterator[Conflict]:
    outcomes: dict[str, list[Claim]] | None = None
    for c in ctx.of_type(TextValue):  # in id order
        if c.kind is not Kind.RESULT:
            continue
        m = _WINNER.search(c.value.text)
        doc = ctx.documents.get(c.document)
        if m is None or doc is None or not doc.text:
            continue
        winner = side_token(m.group(1) or m.group(2))
        if winner is None:
            continue
        found = list(_setbacks(doc, winner))[:2]
        if not found:
            continue
        if outcomes is None:
            outcomes = _event_claims(ctx)
        events = [e for e in outcomes.get(c.document, ())
                  if any(e.span.start <= pos + len(s) and pos <= e.span.end for pos, s, _ in found)]
        sentences = "; ".join(f"“{s}” (line {_line_of(doc, pos)}, “{phrase}”)" for pos, s, phrase in found)
        yield finding(
            RESULT_BODY, (c, *events),
            f"The result {cite(c, ctx)} names {m.group(0).split()[0] if m.group(1) else m.group(2)} as the winner, "
            f"but the account says otherwise: {sentences}. Both can hold only if the victory fell short of its "
            "aims; check whether the result line needs a qualifier or the body a source.",
            ctx, outcome=Outcome.INDETERMINATE,
        )
