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
        winner = side_token(_QUALITY.sub("", m.group(1) or m.group(2)))
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


RESULT_DIFF = rule(
    "R-RESULT-DIFF", Severity.MEDIUM, "documents give different results",
    """Documents about one event state its result differently: they name different winners
    (`Velmar victory` against `Taran victory`: a conflict), or one names a winner and another
    calls the event undecided (`Inconclusive`, `Indecisive`, `Stalemate`, `Draw`: for the
    reviewer, since a tactical victory can sit inside a strategic stalemate). Wording that keeps
    the winner (`Decisive Velmar victory` and `Velmar victory`) is no finding, nor is a result
    that names no winner and no stalemate. One finding per event, listing every result. Between
    versions of one article the result was edited: check the edit history; between independent
    sources, check which sources each cites.""",
    tension_disagrees=True,
)

# `Decisive Northland victory`: how the winner won, no part of its name.
_QUALITY = re.compile(r"(?i)^(?:(?:decisive|pyrrhic|tactical|strategic|costly|major|minor|partial|overwhelming|narrow|"
                      r"limited|initial|final|ultimate|clear)\s+)+")
_UNDECIDED = re.compile(r"(?i)\b(?:inconclusive|indecisive|stalemate|draw|no clear (?:winner|victor)|status quo ante)\b")


def _verdict(text: str) -> tuple[frozenset[str], bool]:
    """(winners, undecided) a result line states."""
    winners = frozenset(t for m in _WINNER.finditer(text)
                        if (t := side_token(_QUALITY.sub("", m.group(1) or m.group(2)))))
    return winners, bool(_UNDECIDED.search(text))


@family
def results_across_documents(ctx: Context) -> Iterator[Conflict]:
    by_event: dict[str, dict[str, list[tuple[Claim, frozenset[str], bool]]]] = defaultdict(lambda: defaultdict(list))
    for c in ctx.of_type(TextValue):  # in id order
        if c.kind is not Kind.RESULT:
            continue
        winners, undecided = _verdict(c.value.text)
        if winners or undecided:
            by_event[ctx.event_of[c.document].id][c.document].append((c, winners, undecided))
    for docs in by_event.values():
        if len(docs) < 2:
            continue
        # A document's verdict: the winners its result lines name, else undecided.
        verdicts = {d: (frozenset().union(*(w for _, w, _ in rs)), any(u for _, _, u in rs)) for d, rs in docs.items()}
        named = [w for w, _ in verdicts.values() if w]
        clash = any(not (a & b) for i, a in enumerate(named) for b in named[i + 1:])
        open_ = any(not w and u for w, u in verdicts.values()) and bool(named)
        if not (clash or open_):
            continue
        claims = [c for rs in docs.values() for c, _, _ in rs]
        listed = "; ".join(cite(c, ctx) for c in claims)
        if clash:
            how = ("the documents name different winners"
                   + (" (versions of one article: check the edit history)" if _versions(claims, ctx)
                      else " (independent sources: check which sources each cites)"))
            outcome = Outcome.CONFLICT
        else:
            how = ("one names a winner where another calls the event undecided; both can hold if the victory "
                   "was tactical only, so the reviewer decides")
            outcome = Outcome.INDETERMINATE
        yield finding(RESULT_DIFF, claims, f"The results differ: {listed}. {how[:1].upper()}{how[1:]}.", ctx,
                      outcome=outcome)


def _versions(claims: list[Claim], ctx: Context) -> bool:
    return all(ctx.versions_of_one_article(claims[0], c) for c in claims[1:])
