"""The discourse around a sentence: who has been named, what a pronoun points back to, and
whose statement a sentence goes on with.

Prose extraction keeps one ``Discourse`` per document. It records the sources that relations
name and the people the text mentions, so `it`, `he` or `the ministry` resolve to the source
they point back to (``Discourse.resolve``); the statement that carries over into later sentences
(``carry``); a header over a list of figures (`Vietnamese figures:`); and, for a page that is an
organisation's own report, the organisation (``masthead``).
"""

from __future__ import annotations

import re
from collections import deque

from attrs import frozen

from claims.extract.attribution import Relation, find_attributions, find_blocks, is_unnamed, source_heads_in
from claims.extract.figures import party_mentions
from claims.lexicon import lexicon

__all__ = ["AMONG", "CONTINUES", "EDITORIAL_LABEL", "LINE", "LIST_ITEM", "STATEMENT_LABEL", "Discourse", "block_header", "masthead", "same_organisation",
           "statement_issuer"]

# (a surname standing alone: no capitalised word after it, as a name's first word would have)
_SURNAME_RE = re.compile(r"(?<![\w’'.\-])[A-Z][a-zà-ÿ'’\-]{2,}(?![\w’'\-])(?![ \t]+[A-Z])")
_PERSON_RE = re.compile(
    r"(?<![\w’'])(?:[A-Z][a-zà-ÿ'’\-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-zà-ÿ'’\-]+|[A-Z]\.|al-[A-Z][a-z]+|bin|ibn|de|van|von)){1,3}(?![\w])"
)

_MADE_BY = re.compile(r"(?i)-(?:made|built|supplied|designed|manufactured|backed|led|based|born|owned|run)$")
AMONG = re.compile(r"\W*(?i:among)\b")
#: Words that make a sentence go on with an earlier paragraph's statement.
CONTINUES = re.compile(
    r"(?i)\b(?:of[ \t]+(?:those|them|whom|these|the[ \t]+(?:total|dead|victims|killed|casualties|\w+[ \t]+cases))"
    r"|among[ \t]+(?:them|those|the[ \t]+(?:total|dead|victims|casualties|killed))|in[ \t]+addition|additionally"
    r"|another|the[ \t]+(?:toll|total|rest|remaining|others|figure|majority|vast[ \t]+majority)"
    r"|(?:most|many|some|all|none)[ \t]+of[ \t]+(?:them|those|the[ \t]+(?:dead|victims|killed))|of[ \t]+whom"
    r"|(?:out[ \t]+)?of[ \t]+the[ \t]+\d)\b"
)


# A sentence opening on a named body and its verb (`The Peshmerga General Command gave`).
_BODY_SUBJECT = re.compile(
    r"[ \t\"“]*(?P<np>(?:The[ \t]+)?(?:[A-Z][\w'’\-]*[ \t]+){1,5}(?P<head>[A-Z][\w\-]*))[ \t]+(?:also[ \t]+|later[ \t]+)?(?!(?:of|and|in|for|at|on|from|to)\b)[a-z]+\b")


@frozen
class _Source:
    text: str
    start: int
    person: bool
    party: str | None
    unnamed: bool = False


class Discourse:
    """The sources and people named so far, to resolve `it`, `he`, `the ministry`; and the
    attribution that carries over into sentences naming no source."""

    def __init__(self) -> None:
        self.sources: list[_Source] = []
        self.persons: list[tuple[int, str]] = []
        self._text = ""  # the text persons were read in (for a surname that comes back)
        self.bodies: list[tuple[int, str]] = []  # (start, name) of bodies sentences open on
        self.carry: tuple[Relation, str, int, int] | None = None  # relation, claimant, paragraph, sentence
        #: A header over a list of figures (`Vietnamese figures:`) and the claimant it names.
        self.header: str | None = None
        #: When the line over the list says what it counts (`the following Russian losses:`):
        #: the party whose losses they are ("" when it names none, "enemy" for the speaker's
        #: enemy). Also set by a line that names no source (`the enemy lost:`).
        self.header_losses: str | None = None
        #: The unnamed source the last pronoun resolved pointed back to (`a witness ... he said`).
        self.unnamed_referent: str | None = None
        #: The last sentences read for nothing else (a `she` points back a few sentences at most).
        self._unread: deque[tuple[str, int, int]] = deque(maxlen=8)

    def note_persons(self, text: str, lo: int, hi: int) -> None:
        lx = lexicon()
        for m in _PERSON_RE.finditer(text, lo, hi):
            if re.search(r"(?i)\b(?:told|tells|tell|telling)\s+(?:the\s+)?$", text[max(lo, m.start() - 16):m.start()]):
                continue  # whom it was told (`told Middle East Eye`): an outlet or listener, no speaker
            words = m.group(0).split()
            # Leading titles and party words are no part of a name (`Ukrainian President X`).
            while words and (words[0].lower() in lx.source_heads or lx.party_of(words[0]) is not None
                             or words[0].lower().rstrip(".") in lx.ranks
                             or words[0].lower() in ("president", "prime", "minister", "the", "rebel", "chechen")
                             or _MADE_BY.search(words[0])):  # `Turkish-made Bayraktar`: a product, no person
                words = words[1:]
            if len(words) < 2 or any(w.lower() in lx.source_heads or w.lower() in lx.not_person_words
                                     or lx.party_of(w) for w in words) or lx.party_of(" ".join(words)):
                continue  # (`Viet Cong`: a party's name, not a person's)
            self.persons.append((m.start(), " ".join(words)))
        self._text = text
        subject = _BODY_SUBJECT.match(text, lo, hi)
        if subject is not None and subject.group("head").lower() in lx.source_heads:
            # `The Peshmerga General Command gave a different account.`: what a later `it` means
            self.bodies.append((subject.start("np"), subject.group("np")))

    def note_unnamed(self, name: str, start: int) -> None:
        """An unnamed source (`a senior officer told ...`): a later `he` or `they` points back
        to it and so names nobody."""
        self.sources.append(_Source(name, start, _person_head(name), None, unnamed=True))

    def note_source(self, name: str, start: int) -> None:
        lx = lexicon()
        words = name.split()
        tail = words[-2:] if len(words) >= 2 else words
        # A name (`Syrskyi`, `Anton Varga`): capitalised words that are no organisation, party
        # or source noun.
        person = all(w[:1].isupper() for w in tail) and not any(
            w.lower() in lx.not_person_words or w.lower() in lx.source_heads or lx.party_of(w) or w.isupper()
            for w in words)
        person = person or _person_head(name)  # `the army spokesman`, `a medic at the field hospital`

        parties = party_mentions(name, 0, len(name))
        self.sources.append(_Source(name, start, person, parties[0][2] if parties else None))

    def defer_persons(self, text: str, lo: int, hi: int) -> None:
        """A sentence read for nothing else may still name the person a later `she` means
        (`Sergeant Petra Lind described the battle. "...," she said.`): read it when asked."""
        self._unread.append((text, lo, hi))

    def _read_deferred(self, before: int) -> None:
        while self._unread and self._unread[0][1] < before:
            self.note_persons(*self._unread.popleft())
        self.persons.sort()
        self.bodies.sort()

    def _surname_before(self, at: int) -> list[tuple[int, str, bool]]:
        """A person named before by a full name, back by the surname alone earlier in the
        sentence of ``at`` (`Trask lands in between: she estimates`)."""
        text = self._text
        if not text or not self.persons:
            return []
        start = max(text.rfind(". ", max(0, at - 200), at) + 2, text.rfind("\n", max(0, at - 200), at) + 1, at - 200)
        surnames = {name.split()[-1]: name for _, name in self.persons if len(name.split()[-1]) >= 3}
        return [(m.start(), surnames[m.group(0)], False) for m in _SURNAME_RE.finditer(text, start, at)
                if m.group(0) in surnames]

    def person_called(self, surname: str, before: int) -> str | None:
        """The full name of the last person named before ``before`` whose surname is ``surname``
        (`Rudskoy:` in a briefing under `Colonel General Sergei Rudskoy`), or None."""
        if self._unread:
            self._read_deferred(before)
        return next((name for start, name in reversed(self.persons)
                     if start < before and name.split()[-1] == surname and " " in name), None)

    def resolve(self, relation: Relation) -> tuple[str | None, str | None]:
        """(claimant, how it was resolved) for a relation's source; a pronoun that points back
        to an unnamed source has no claimant and leaves its words in ``unnamed_referent``."""
        self.unnamed_referent = None
        source = relation.source or ""
        lower = source.lower()
        before = [s for s in self.sources if s.start < (relation.source_start or 0)]
        if lower in ("he", "she", "him", "her"):
            if self._unread:
                self._read_deferred(relation.source_start or 0)
            candidates = [(p[0], p[1], False) for p in self.persons if p[0] < (relation.source_start or 0)]
            candidates += [(s.start, s.text, s.unnamed) for s in before if s.person]
            candidates += self._surname_before(relation.source_start or 0)
            if candidates:
                _, name, unnamed = max(candidates)
                if unnamed:
                    self.unnamed_referent = name
                    return None, f"`{source}` refers back to {name}, who is not named"
                return name, f"`{source}` refers back to {name}"
            return None, None
        if lower in ("it", "they", "them", "this", "these", "we", "the latter"):
            if self._unread:
                self._read_deferred(relation.source_start or 0)
            # (one capitalised word may name a body as well as a person: `Amaq`, `Reuters`; not
            # the surname of someone the text named in full)
            surnames = {name.split()[-1] for _, name in self.persons}
            pool = [s for s in before if not s.person or " " not in s.text and s.text not in surnames
                    and not _person_head(s.text)]
            if lower == "it":
                body = next((b for b in reversed(self.bodies) if b[0] < (relation.source_start or 0)), None)
                if body is not None and (not pool or body[0] > pool[-1].start) and body[1] != (pool[-1].text if pool else None):
                    return body[1], f"`{source}` refers back to {body[1]}, the body an earlier sentence is about"
            if pool:
                if pool[-1].unnamed:
                    self.unnamed_referent = pool[-1].text
                    return None, f"`{source}` refers back to {pool[-1].text}, who are not named"
                name = pool[-1].text
                return name, f"`{source}` refers back to {name}"
            return None, None
        if lower.startswith("the same ") and before:
            # `The same source said`: the source the text named last, whoever it is
            last = before[-1]
            if last.unnamed:
                self.unnamed_referent = last.text
                return None, f"`{source}` refers back to {last.text}, who is not named"
            return last.text, f"`{source}` refers back to {last.text}"
        # A definite description: `the ministry`, `the Observatory`, `the Russian statement`.
        lx = lexicon()
        heads = source_heads_in(source)
        own = {p for _, _, p in party_mentions(source, 0, len(source))}
        for s in reversed(before):
            if s.text.lower() == lower:
                continue
            if s.unnamed:
                if relation.unnamed and any(h in s.text.lower().split() for h in heads):
                    # `Military sources said ... The sources said`: the unnamed sources again.
                    self.unnamed_referent = s.text
                    return None, f"`{source}` refers back to {s.text}, who are not named"
                continue
            if own and s.party not in own:
                continue  # `the Azerbaijani army` is not the Armenian army named before
            if not any(h in lx.person_heads for h in heads) and (
                    s.person or any(w.lower() in lx.person_heads for w in s.text.split())):
                continue  # `the army` is not `army spokesman Dan Ferro`, who speaks for it
            if heads and any(h in s.text.lower() for h in heads if h not in ("statement", "report", "the")):
                return s.text, f"`{source}` refers back to {s.text}"
        if any(h in ("statement", "report", "statements", "reports") for h in heads):
            named = party_mentions(source, 0, len(source))
            party = named[0][2] if named else None
            for s in reversed(before):
                if not s.unnamed and (party is None or s.party == party):
                    return s.text, f"`{source}` refers back to {s.text}"
        return source, None




LIST_ITEM = re.compile(r"(?:[•*\-–·]\s*)?(?:[~≈<>+]?\s*\d|(?i:about|around|some|over|up\s+to|more\s+than|at\s+least|several|hundreds|thousands|dozens|one|two|three|four|five|six|seven|eight|nine|ten)\b)")


# A line of a labelled list or a table row (`tanks – 1,358 (+3)`, `| Tanks | 1,358 |`).
LABELLED_LINE = re.compile(r"\|?[ \t]*[^\W\d][\w ()'’\-]{0,40}?[ \t]*(?:[–—‒:\-]|\|)[ \t]*(?:about|around|over|some|~|≈)?[ \t]*\d"
                           r"|\|[^\n]*\|[ \t]*$")


def block_header(line: str) -> str | None:
    """The claimant a header line names (`Per Ukraine:`, `Vietnamese figures:`, `Western
    historians estimate:`), or None. A header holds no figure of its own and ends in a colon."""
    if not line.endswith(":") or len(line) > 60 or re.search(r"\d", line):
        return None
    blocks = find_blocks(line, 0, len(line))
    if len(blocks) == 1 and blocks[0][1] >= len(line) - 1 and not is_unnamed(blocks[0][2]):
        return blocks[0][2]
    return None


_ORG_HEADS = re.compile(
    r"(?i)\b(?:observatory|ministry|committee|commission|council|organi[sz]ation|agency|watch|institute|office"
    r"|command|mission|cent(?:re|er)|network|foundation|union|monitor|federation|society|association|bureau"
    r"|general\s+staff|armed\s+forces|headquarters|service|spokes(?:person|man|woman)['’]s\s+unit|government"
    r"|alliance|task\s+force)\b"
)


# Words a name keeps in lower case (`Ministry of Defence`, `Save the Children`).
_SMALL_WORDS = frozenset({"the", "of", "for", "and", "in", "on", "de", "du", "des"})


def _initials(name: str) -> str:
    """`The Syrian Observatory For Human Rights` -> `SOHR`: capitalised words, function words left out."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’\-]*", name)
                   if w[0].isupper() and w.lower() not in _SMALL_WORDS).upper()


def same_organisation(a: str, b: str) -> bool:
    """`SOHR` and `The Syrian Observatory For Human Rights`; `the Observatory` and it."""
    la, lb = a.lower().removeprefix("the ").strip(), b.lower().removeprefix("the ").strip()
    if la == lb or la in lb or lb in la:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return short.isupper() and len(short) >= 2 and short == _initials(long_)


_FORCES_NAME = re.compile(r"(?:[A-Z][\w'’\-]*[ \t]+){1,5}Forces")
_PUBLICATION_KIND = re.compile(r"(?i)\b(?:statements?|posts|press\s+releases?|communiqu[eé]s?|bulletins?|briefings?|updates)\b")
_MASTHEAD_DASH = re.compile(r"[ \t]+[\-–—|][ \t]+")
_PUBLICATION_LABEL = re.compile(
    r"(?i)^\s*(?:(?:official|joint)\s+)?(?:press\s+release|statement|briefing|bulletin|communiqu[eé]|update)\s*[:|\-–—]\s+")
_ORG_THEN_KIND = re.compile(
    r"^\s*(?P<org>(?:[Tt]he\s+)?[A-Z][\w'’\-]*(?:\s+(?:of|for|the|and|on|[A-Z][\w'’\-]*)){0,8}?)"
    # (`Joint Operations Command - Statement No. 47`, `Defence Ministry: daily bulletin`: a dash
    # or colon between the body and the kind)
    r"(?:\s*[\-–—:|]\s+|\s+)(?i:(?:(?:daily|weekly|official|joint|press)\s+)?(?:statement|briefing|update|bulletin|communiqu[eé]"
    r"|press\s+release|summary))\b")
_PUBLICATION = re.compile(
    r"(?i)^\s*(?:(?:daily|weekly|official|joint|press)\s+)?(?:briefing|statement|press\s+release|release|report|bulletin"
    r"|update|communiqu[eé]|announcement|summary)\s+(?:by|of|from)\s+(?:the\s+)?"
)


def _person_head(name: str) -> bool:
    """The phrase's head (its last word before a preposition) is one person's (`a medic at the
    field hospital`, `the army spokesman`)."""
    words = re.split(r"\s+(?:at|of|in|for|from|with|on)\s+", name.lower(), maxsplit=1)[0].split()
    return bool(words) and words[-1] in lexicon().person_heads


# What a statement is about, after the body that makes it (`... COUNCIL ON THE LIBERATION OF ...`).
_TOPIC = r"[ \t]+(?i:on|regarding|concerning|about|over|following|in[ \t]+connection[ \t]+with)[ \t]"


def masthead(line: str) -> str | None:
    """An organisation's name alone on a page's first line (its own report), or after a word
    for what the page is (`Briefing by the Ministry of Defence of ...`, `Statement of the ...`),
    with the country it serves after a dash (`Ministry of Defence - Republic of Yemen`: `Ministry
    of Defence, Republic of Yemen`), else None."""
    parts = _MASTHEAD_DASH.split(line.strip(), maxsplit=1)
    if len(parts) == 1 and ", " in line and len(line.split(", ")) == 2 and len(line.split(", ")[1].split()) <= 6:
        parts = line.strip().split(", ")  # `Office of the Government Spokesperson, Federal Democratic Republic of Ethiopia`
    if len(parts) == 2 and len(parts[1].split()) <= 6 \
            and any(lexicon().party_of(w) is not None for w in re.findall(r"[A-Z][\w'’\-]*", parts[1])):
        body = masthead(parts[0])
        return f"{body}, {parts[1].strip()}" if body is not None else None
    if len(parts) == 2 and _PUBLICATION_KIND.search(parts[1]):
        # `Rapid Support Forces - official statements and posts (compiled)`: the body's own page
        name = parts[0].strip()
        return masthead(name) or (name if _FORCES_NAME.fullmatch(name) else None)
    label = _PUBLICATION_LABEL.match(line)
    if label is not None:
        line = line[label.end():]  # `Press release: ...`
    kind = _PUBLICATION.match(line)
    if kind is not None:
        line = re.split(_TOPIC, line[kind.end():], maxsplit=1)[0]  # (`Statement of the Council on the liberation of ...`)
    named = _ORG_THEN_KIND.match(line)
    if named is not None and _ORG_HEADS.search(named.group("org")):
        line = named.group("org")  # `Ministry of Defence statement on the situation in ...`
    words = line.split()
    if not 2 <= len(words) <= 12 or re.search(r"\d|[:;,!?]", line) or not _ORG_HEADS.search(line):
        return None
    if not all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return None
    return _as_prose_names_it(line)


def _as_prose_names_it(line: str) -> str:
    """`STATEMENT OF THE GENERAL STAFF` as prose names it: `Statement of the General Staff`."""
    if not line.isupper():
        return line.strip()
    return " ".join(w.lower() if w.lower() in _SMALL_WORDS else w if len(w) <= 3 else w.capitalize() for w in line.split())


#: A line saying that the text under it is a body's own statement: `PRESS STATEMENT`,
#: `Statement No. 9/2024`, `Communiqué n° 12`, `Press Release` (not a site's `STATEMENTS`).
STATEMENT_LABEL = re.compile(
    r"(?im)^[ \t]*(?:(?:official|joint|press|public|final|military|war|army|daily|operational)[ \t]+)?(?:statement|(?:press|news)[ \t]+release|communiqu[eé]"
    r"|announcement|declaration|information[ \t]+note)(?:[ \t]+(?:no\.?|n[°o]\.?|number|#)[ \t]*[\w/.\-]+"
    r"(?:[ \t]*[:\-–—][ \t]+[^\n]{1,100})?)?"  # (`Statement No. 187: Sirte is liberated`)
    # (`COMMUNIQUE OF THE MINISTRY OF DEFENCE`: the label names its body)
    # (`STATEMENT OF THE KURDISTAN REGION SECURITY COUNCIL ON THE LIBERATION OF SINJAR`: its topic after)
    r"(?:[ \t]+(?:of|by|from)[ \t]+(?:the[ \t]+)?(?P<body>[A-Z](?:(?!" + _TOPIC + r")[^\n]){3,80}?)(?:" + _TOPIC + r"[^\n]*)?)?"
    # (`Press release | 9 July 2015`: the date it was issued)
    r"(?:[ \t]*[|·•,\-–—][ \t]*\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4})?[ \t]*$")
#: A line saying the text under it is a paper's own editorial: `NHÂN DÂN EDITORIAL, 8 MARCH 1979`,
#: `The Times editorial` (the paper named before the word).
EDITORIAL_LABEL = re.compile(
    r"(?m)^[ \t]*(?P<paper>(?:The[ \t]+|THE[ \t]+)?[A-ZÀ-Þ][\w'’\-]*(?:[ \t]+[A-ZÀ-Þ][\w'’\-]*){0,3})[ \t]+(?:EDITORIAL|[Ee]ditorial)"
    r"(?:[ \t]*[,|·•\-–—][ \t]*[^\n]{0,30}\d{4})?[ \t]*$")
# A line naming whose statements a page collects: `Syrian General Command communiques`,
# `Statements of the General Staff` (the heading's body, in capitals).
_STATEMENTS_OF = re.compile(
    r"(?m)(?:^|:[ \t]+)(?P<who>(?:[A-Z][\w'’\-]*[ \t]+){1,5})(?i:communiqu[eé]s|statements|press[ \t]+releases|bulletins)\b"
    r"|(?i:communiqu[eé]s|statements|press[ \t]+releases|bulletins)[ \t]+(?:of|by|from)[ \t]+(?:the[ \t]+)?"
    r"(?P<who2>[A-Z][\w'’\-]*(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?[A-Z][\w'’\-]*){0,5})")
_HEADING_REACH = 3000
#: A name after a description of what it names: `the international medical organisation MedAid International`.
DESCRIBED_NAME = re.compile(r"(?i:the)[ \t]+(?:[a-z][\w\-]*[ \t]+){1,4}(?P<name>[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,4})")
# A statement's first sentence naming the body that makes it (`The Ministry of National Defence
# informs national and international public opinion that ...`).
_BODY_INFORMS = re.compile(
    r"[ \t]*(?:\d{1,2}\.[ \t]+)?(?:The[ \t]+)?(?P<who>[A-Z][^,.;:\n]{2,80}?)[ \t]+(?:hereby[ \t]+)?(?:informs|wishes[ \t]+to[ \t]+inform"
    r"|would[ \t]+like[ \t]+to[ \t]+inform|announces|notifies|brings[ \t]+to[ \t]+the[ \t]+attention|declares|states)\b")
# A letterhead's line naming the state a body serves (`STATE OF ERITREA`, `Republic of Yemen`).
_STATE_OF = re.compile(r"(?i)(?:the\s+)?(?:[\w'’]+\s+){0,3}(?:state|republic|kingdom|emirate|federation|sultanate|principality)"
                       r"\s+of\s+(?:the\s+)?[A-Z]")
#: A line of a text (for ``finditer`` from an offset: only whole lines after it).
LINE = re.compile(r"(?m)^.*$")
_HEAD_LINES_ABOVE = 4  # lines with text a letterhead stands above its statement's label, at most
_HEAD_LINES_BELOW = 2


def _short_lines(text: str, start: int, step: int, count: int) -> list[tuple[int, int, int]]:
    """(distance, start, end) of up to ``count`` lines with text from ``start`` on, backwards
    (``step`` -1) or forwards; a long line (a paragraph of prose) ends the run."""
    found: list[tuple[int, int, int]] = []
    pos = start
    while len(found) < count:
        if step < 0:
            if pos <= 0:
                break
            lo = text.rfind("\n", 0, pos - 1) + 1
            hi = pos - 1
            pos = lo
        else:
            if pos >= len(text):
                break
            hi = text.find("\n", pos)
            hi = len(text) if hi == -1 else hi
            lo, pos = pos, hi + 1
        line = text[lo:hi].strip()
        if not line:
            continue
        if len(line) > 120:
            break
        found.append((len(found) + 1, lo, hi))
    return found


def statement_issuer(text: str, start: int, end: int) -> str | None:
    """The body whose statement the label line ``text[start:end]`` heads: the nearest body named
    alone on a line around it (a letterhead: up to four lines above, two below), with the
    country a line of its block names (`MINISTRY OF INFORMATION` under `STATE OF ERITREA`);
    else the body the statement's first sentence has speak (`The Ministry of ... informs`)."""
    label = STATEMENT_LABEL.match(text, start, end)
    if label is not None and label.group("body") and _ORG_HEADS.search(label.group("body")) and masthead(text[start:end]) is None:
        # `Statement No. 117 of the Official Spokesman of the Sudanese Armed Forces`
        return _as_prose_names_it(label.group("body").strip())
    around = sorted(_short_lines(text, start, -1, _HEAD_LINES_ABOVE) + _short_lines(text, end + 1, 1, _HEAD_LINES_BELOW))
    for _, lo, hi in [(0, start, end)] + around:
        body = masthead(text[lo:hi])
        if body is None:
            continue
        if "," not in body:  # (a country already named after it: `Ministry of Defence, Republic of Yemen`)
            gap_before, gap_after = text.rfind("\n\n", 0, lo), text.find("\n\n", hi)
            block = text[gap_before + 2 if gap_before != -1 else 0:len(text) if gap_after == -1 else gap_after]
            for line in block.split("\n"):
                line = line.strip()
                if line and line != text[lo:hi].strip() and len(line.split()) <= 6 and not re.search(r"\d", line) \
                        and (_STATE_OF.match(line) or any(lexicon().party_of(w) is not None
                                                           for w in re.findall(r"[A-Z][\w'’\-]*", line.title()))):
                    return f"{body}, {_as_prose_names_it(line)}"
        return body
    seen = 0
    for line in LINE.finditer(text, end):
        if not line.group(0).strip():
            continue
        informs = _BODY_INFORMS.match(text, line.start())
        if informs is not None and _ORG_HEADS.search(informs.group("who")):
            who = informs.group("who").strip()
            # (`The General Command announces` under `Syrian General Command communiques`)
            heading = _collection_of(text, start)
            return heading if heading is not None and heading.lower().endswith(" " + who.lower()) else who
        if len(line.group(0).split()) > 12:
            # `Since 19 March our teams have treated 3,100 patients, the international medical
            # organisation MedAid International said today.`: a release's first paragraph names
            # the body whose release it is, as the source of its first sentence.
            end_of_first = line.group(0).find(". ")
            sentence_end = line.start() + (end_of_first + 1 if end_of_first != -1 else len(line.group(0)))
            # (a name that says it, not `reports in the local and foreign media claiming`)
            named = [r.source for r in find_attributions(text, line.start(), sentence_end)
                     if r.source and not r.unnamed and not r.pronoun and r.type == "assert"]
            if named:
                described = DESCRIBED_NAME.fullmatch(named[0])  # (`the ... organisation MedAid International`)
                name = described.group("name") if described is not None else named[0]
                if name[:1].isupper():
                    return name
            break
        seen += 1
        if seen == 3:  # (a date or a place line may stand between the label and the text)
            break
    return _collection_of(text, start)


def _collection_of(text: str, start: int) -> str | None:
    """The body a heading before ``start`` says a page's statements are all from
    (`Documents of the October War: Syrian General Command communiques, 6-10 October 1973`)."""
    for heading in _STATEMENTS_OF.finditer(text, max(0, start - _HEADING_REACH), start):
        who = heading.group("who") or heading.group("who2")
        if _ORG_HEADS.search(who):
            return who.strip()
    return None
