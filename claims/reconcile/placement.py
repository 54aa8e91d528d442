"""Sides for figures whose side the extractor could not find, from what the event knows.

A report or a note without an infobox has no columns, and the lexicon does not know every
belligerent (`Republic of Dresk`, `Maute group`). Its figures then come with no side, and
pooled together they mix both sides' losses (`40 rebels` against `1,500 government soldiers`).
The event knows more than the document: the belligerent names of its other documents, and
which side is a state. A figure with no side is placed on an event's side when its own words
say which (``place_by_words``):

- **a belligerent's name**: a word of exactly one side's name, as the event's documents write
  it (`Dresk army losses: about 900 killed` on the side of `Republic of Dresk`); a word of the
  figure (its quote) before a word of its clause, and the clause only after its reporting cue
  (`a Front spokesman said 1,500 Dresk soldiers ...` names the Dresk side, not the Front);
- **the claimant's enemy**: `the enemy`, `the adversary` in the figure's clause, the side
  opposed to the claimant's own;
- **the claimant's own side**: `its`, `their`, `our` in the figure (`the Dresk ministry said
  260 of its soldiers died`), or a claimant admitting losses (`the Front admitted 60 killed`,
  `said it had lost 700`), place it with the side the claimant speaks for;
- **state or armed group**: in an event between one state and one armed group, a figure of
  government troops, soldiers or police is the state's, a figure of rebels, militants,
  separatists or terrorists the group's (`847 terrorists neutralized` in a siege between the
  Philippines and the Maute group).

A figure that names more than one side, or none, stays where it was, and a figure that counts
everyone (people, civilians, both sides) is never placed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from attrs import frozen

from claims.lexicon import lexicon
from claims.model import Claim, Quantity
from claims.reconcile.index import NO_SIDE, Context, before, counts_everyone, named_parties
from claims.reconcile.names import fold

_CUE = re.compile(
    r".*\b(?:said|says|say|told|tells|claimed|claims|claim|according to|reported|reports|announced|announces"
    r"|stated|states|admitted|admits|estimated|estimates|added|adds)\b",
    re.I | re.S,
)
_AFTER_FIGURE = re.compile(r"[;,]|\d[\d,.]*")
"""Where another figure's clause ends (`Dresk committed 4,000 soldiers; the Front 2,400`)."""
_OWN_LOSS = re.compile(
    r"\b(?:admit(?:s|ted)|acknowledg(?:es|ed)|conced(?:es|ed)"
    r"|(?:it|they|we)\s+(?:had\s+|have\s+|has\s+)?(?:lost|suffered))\b[^.;]*$",
    re.I,
)
"""A claimant speaking of its own losses (`the Front admitted 60 fighters killed`, `said it had lost`)."""
_HIS = frozenset({"his", "her", "my"})
"""A speaker's own men (`20,000 of his fighters`), beside the lexicon's `its`, `their`, `our`."""
_NAME_WORD = re.compile(r"[A-Z][\w'’\-]{3,}")
_WORD = re.compile(r"[\w'’\-]+")
_GENERIC = frozenset(fold(w) for w in (
    "Republic People People's Peoples Democratic Federal Federation Kingdom State States Islamic Army Armed Forces "
    "Force National Government Union United Popular Socialist Royal Supported "
    "Various Allied Allies Units Brigade Division Corps Regiment Battalion Militia Militias Volunteers"
).split())
"""Words of belligerent names that name no belligerent on their own (`Republic`, `Forces`)."""
_GROUP_NAME = re.compile(
    r"\b(?:front|liberation|movement|group|militias?|rebels?|insurgents?|brigades|tigers|mujahideen|resistance"
    r"|guerrillas?|separatists?|jihadists?|islamic state|caliphate|cartel|faction)\b",
    re.I,
)
_STATE_NAME = re.compile(r"\b(?:kingdom|government|federation|empire|state of|republic of)\b", re.I)
_GOVERNMENT_FORCE = frozenset(
    "soldier soldiers troops serviceman servicemen servicemembers police policeman policemen officers "
    "marines paratroopers conscripts military army ministry".split())
"""Words of government forces, or of a claimant speaking for them (`the military`)."""
_GROUP_FORCE = frozenset(
    "rebel rebels insurgent insurgents militant militants separatist separatists terrorist terrorists "
    "jihadist jihadists guerrilla guerrillas guerilla guerillas extremists mujahideen gunmen cadres".split())


@frozen
class EventSide:
    """One side of an event as its documents name it."""

    key: str
    words: frozenset[str]
    """Folded distinctive words of its names (none that another side's names share)."""
    state: bool | None
    """Whether it is a state (True), an armed group (False), or unknown (None)."""


def place_by_words(buckets: dict[tuple, list[Claim]], ctx: Context) -> dict[str, str]:
    """Move figures with no side to the side their words name; see the module docstring.

    ``buckets`` are the index's (event, kind, side, category, lost, scope) buckets, changed in
    place. Returns claim id -> the side key each moved figure was placed on.
    """
    unsided = sorted((k for k in buckets if k[2] == NO_SIDE), key=str)
    if not unsided:
        return {}
    sides = event_sides(ctx)
    placed: dict[str, str] = {}
    for key in unsided:
        event, kind, _, category, lost, scope_ = key
        known = sides.get(event, ())
        if len(known) < 2:
            continue  # one side or none: the index places the figure with the only side
        stay = []
        for c in buckets[key]:
            side = None if counts_everyone(c, ctx) else side_from_words(c, known, ctx)
            if side is None:
                stay.append(c)
            else:
                buckets[(event, kind, side, category, lost, scope_)].append(c)
                placed[c.id] = side
        if stay:
            buckets[key] = stay
        else:
            del buckets[key]
    return placed


def side_from_words(claim: Claim, sides: tuple[EventSide, ...], ctx: Context) -> str | None:
    """The one side of ``sides`` the figure's words name (see the module docstring), or None."""
    quote = claim.span.quote
    clause = before(claim, ctx)
    m = _CUE.match(clause)
    own_clause = _AFTER_FIGURE.split(clause[m.end():] if m else clause)[-1]
    if _doer_before(own_clause):
        # `Insurgents kill dozens`: the words before the verb name who did it, not whose the
        # figure is (the extractor names the doer's enemy when it knows the parties).
        own_clause = ""
    for text in (quote, own_clause):
        named = _named(text, sides)
        if named:
            return named[0] if len(named) == 1 else None
    words = _words(quote) | _words(own_clause)
    claimant = claim.attribution.claimant
    if claimant and (words & (lexicon().own_words | _HIS) or _OWN_LOSS.search(clause)):
        return claimant_side(claim, ctx)  # `the military put its own losses at 349`
    if claimant and words & lexicon().enemy_words and len(sides) == 2:
        # `the ministry claimed the enemy had lost 2,000 men`: the side opposed to the claimant's.
        own = claimant_side(claim, ctx)
        return next((s.key for s in sides if s.key != own), None) if own is not None else None
    q = claim.value
    unit = (q.unit or "").lower() if isinstance(q, Quantity) else ""
    return _by_force(words | {unit}, sides)


def _doer_before(clause: str) -> bool:
    """Whether the clause ends with a verb whose subject did something to the figure
    (`insurgents killed`, `the army shot down`), an adverb or two after it allowed."""
    words = [w.lower() for w in _WORD.findall(clause[-60:])]
    agentive = lexicon().agentive
    for n in (1, 2):
        for skip in (0, 1, 2):
            end = len(words) - skip
            if end - n >= 1 and " ".join(words[end - n:end]) in agentive and not any(
                    w in ("were", "was", "been", "being", "are", "is") for w in words[max(0, end - n - 2):end - n]):
                return True
    return False


def claimant_side(claim: Claim, ctx: Context) -> str | None:
    """The event's side the claimant speaks for, by its name (`the Dresk ministry`) or as
    government or armed group (`the military`, `a militant commander`), or None."""
    claimant = claim.attribution.claimant
    sides = event_sides(ctx).get(ctx.event(claim).id, ())
    if not claimant or len(sides) < 2:
        return None
    named = _named(claimant, sides)
    if named:
        return named[0] if len(named) == 1 else None
    return _by_force(_words(claimant), sides)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _named(text: str, sides: tuple[EventSide, ...]) -> list[str]:
    """The sides a text names: by a word of their names, or by a party the lexicon knows
    (`Ukrainian losses` on the side keyed `Ukraine`)."""
    found = {fold(w) for w in _NAME_WORD.findall(text)}
    parties = set(named_parties(text))
    return [s.key for s in sides if s.words & found or parties.intersection(s.key.split("/"))]


def _by_force(words: set[str], sides: tuple[EventSide, ...]) -> str | None:
    """The state's side for government forces, the armed group's for its fighters, in an event
    between one armed group and one side that is none (a state, or a side the lexicon does not
    know that bears no group's name)."""
    groups = [s for s in sides if s.state is False]
    others = [s for s in sides if s.state is not False]
    if len(sides) != 2 or len(groups) != 1:
        return None
    government = bool(words & _GOVERNMENT_FORCE or words & lexicon().government_words)
    group = bool(words & _GROUP_FORCE)
    if government == group:
        return None
    return others[0].key if government else groups[0].key


def event_sides(ctx: Context) -> Mapping[str, tuple[EventSide, ...]]:
    """Per event, its sides (the side keys its figures were resolved to) with their names."""
    found: dict[str, tuple[EventSide, ...]] | None = ctx.memo.get("event_sides")
    if found is not None:
        return found
    names: dict[str, dict[str, set[str]]] = defaultdict(dict)
    for c, side in zip(ctx.of_type(Quantity), ctx.sides_of_type(Quantity)):
        if side == NO_SIDE:
            continue
        event = ctx.event(c).id
        found_names = names[event].setdefault(side, set())  # a side with no usable name is still a side
        column = c.side.column
        doc = ctx.documents.get(c.document)
        if column in (1, 2) and doc is not None and len(doc.belligerents) >= column:  # type: ignore[operator]
            found_names.add(doc.belligerents[column - 1])  # type: ignore[operator]
        if c.side.name:
            found_names.add(c.side.name)
    found = {}
    for event, by_side in names.items():
        words = {side: {fold(w) for n in ns for w in _NAME_WORD.findall(n)} - _GENERIC for side, ns in by_side.items()}
        counts: dict[str, int] = defaultdict(int)
        for ws in words.values():
            for w in ws:
                counts[w] += 1
        found[event] = tuple(
            EventSide(key=side, words=frozenset(w for w in words[side] if counts[w] == 1),
                      state=_is_state(side, by_side[side]))
            for side in sorted(by_side)
        )
    ctx.memo["event_sides"] = found
    return found


def _is_state(side: str, names: set[str]) -> bool | None:
    parties = [p for p in side.split("/") if "#" not in p]  # `doc#c2`: a column with no name
    states = lexicon().states
    if parties and all(p in states for p in parties):
        return True
    if any(p in states for p in parties):
        return None
    text = " ".join(sorted(names))
    if any(p[:1].isupper() for p in parties) or _GROUP_NAME.search(text):
        return False  # parties the lexicon knows as armed groups or peoples, or a group's name
    return True if _STATE_NAME.search(text) else None
