"""Which belligerent a figure is about: the infobox column, or the people a sentence names.

Names come from the document's belligerent columns when the reader found them; otherwise a
demonym (`Azerbaijani soldiers`) maps to its country (`Azerbaijan`). Every side carries the
reason it was chosen, so a reviewer can check it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import attrs

from claims.lexicon import lexicon, trie_pattern
from claims.model import Document, Side

def _demonym_pattern() -> re.Pattern:
    r"""Every party name in the lexicon (``parties.toml``) as one pattern with a group ``d``:
    lower-case entries as capitalised words (`Azerbaijani`, `South Ossetian`, `Kyiv`), acronyms
    exactly (`JNA`, `DPR`), each with an optional plural `s`/`es`."""
    lx = lexicon()
    names = set()
    for alias in lx.party_aliases:
        names.add(" ".join(w[:1].upper() + w[1:] for w in alias.split()))
    names |= set(lx.party_acronyms)
    # A trie, not an alternation of ~1,000 names: it matches what the longest-first alternation
    # matches (the names a position can match are prefixes of one another, tried longest
    # first), and scans about six times faster.
    return re.compile(rf"(?<![\w\-])(?P<d>{trie_pattern(names)})(?:s|es)?(?![\w\-])")


# A party that opens a clause of time or cause (`when separatist and Russian forces closed the
# ring`) does what that clause says; the sentence's figure is not its.
_SUBORDINATE_SUBJECT = re.compile(
    r"(?i)\b(?:when|as|after|before|while|until|once|because)\s+(?:the\s+)?(?:[\w\-]+\s+(?:and\s+)?){0,2}$")


class _LazyPattern:
    """The demonym pattern, compiled on first use (it is large; importing costs nothing)."""

    _compiled: re.Pattern | None = None

    def __getattr__(self, name: str):
        if _LazyPattern._compiled is None:
            _LazyPattern._compiled = _demonym_pattern()
        return getattr(_LazyPattern._compiled, name)


_DEMONYM_RE = _LazyPattern()
_FORCE_WORDS = re.compile(
    # (a unit's number and name may come between: `Russian 155th Naval Infantry Brigade`)
    r"\s+(?:\d{1,3}(?:st|nd|rd|th)\s+(?:[A-Z][a-z]+\s+){0,3})?(?:armed\s+)?(?:forces|troops|army|armies|soldiers|units|side|military|servicemen|formations"
    r"|group|groupings|fighters|militia|militias|battalions?|brigades?|command|positions|police"
    r"|rebels|insurgents|militants|guerrillas|separatists|jihadists|gunmen|paramilitaries|navy|marines"
    r"|Army|Brigade|Division|Regiment|Battalion|Corps)\b"
)
# `held a front against the Chinese 63rd Army`: a party named as the one opposed.
_OPPOSED_BEFORE = re.compile(r"(?i)\b(?:against|facing|faced|opposite|opposing|attacked|attacking|towards?)[ \t]+(?:the[ \t]+)?$")
# `clashes between the Islamic State (IS) terror group and Kurdish militants`: both sides.
_FIGHTING_BETWEEN = re.compile(r"(?i)\bbetween\b[^.;:]{3,120}?\band\b[^.;:,]{3,80}")
#: A news dateline (`NIAMEY, Dec 11 (Reuters) -`): where the story was filed, no party to it.
DATELINE = re.compile(r"[ \t]*[A-Z][A-Z .'’\-]{2,40}(?:,[^\n\-–—]{0,60})?(?:[ \t]*\([^)\n]{1,30}\))?[ \t]+[\-–—][ \t]+")
_DATELINE_LINE = re.compile("(?m)^" + DATELINE.pattern)
_UNREAD = object()
# Parties the lexicon knows that never fight a state as its insurgents.
_NOT_INSURGENTS = frozenset({"NATO", "US-led coalition", "United Nations"})
# Words that join two parties fighting on one side (`backed by`, `with the support of`). (Not `A
# and B troops`: `Armenian and Azerbaijani forces fought for the bridge` are enemies.)
_FIGHTING_TOGETHER = re.compile(
    r"(?i:\b(?:backed|supported|assisted|aided|reinforced)\s+by\s+(?:the\s+)?"
    r"|\bwith\s+the\s+(?:support|help|backing|assistance|air\s+support)\s+of\s+(?:the\s+)?"
    r"|\b(?:alongside|together\s+with|allied\s+with|in\s+support\s+of)\s+(?:the\s+)?)")
_TOTAL_WORDS = re.compile(r"(?i)\b(?:overall|in\s+total|altogether|both\s+sides|on\s+both\s+sides|combined)\b")
_HEDGE_PREFIX = re.compile(r"(?i)^\s*(?:alleged|reportedly|possibly)\s*:?")


_SPACES_RE = re.compile(r"\s+")
_NAME_TOKEN = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?[a-z]\b")
# `of the paramilitary Rapid Support Forces`, `of Russian peacekeepers`: up to two words (a
# modifier of the party's name) between `of` and the party.
_OF_THE_RE = re.compile(r"[\s\"”’']*of\s+(?:the\s+)?(?:(?:[a-z][\w\-]*|pro-\w+)\s+){0,2}$")


@lru_cache(maxsize=4096)
def canonical(demonym: str) -> str | None:
    """The party a demonym, name or acronym stands for (`Azerbaijanis` -> Azerbaijan)."""
    return lexicon().party_of(_SPACES_RE.sub(" ", demonym.strip()))


_ALLIED = re.compile(r"(?i)\bpro-|-backed|-allied|-supported|-led|\bweapons\b|\badvisors?\b|\bsupplied\b|\bsupport\b")
_BETWEEN = re.compile(
    r"\b[Bb]etween\s+(?:the\s+)?(?:(?:forces|armies|troops|army)\s+of\s+(?:the\s+)?)?(?P<a>[A-Z][^,;.]{2,60}?)"
    r"\s+and\s+(?:the\s+)?(?:(?:forces|armies|troops|army)\s+of\s+(?:the\s+)?)?(?P<b>[A-Z][^,;.]{2,60}?)"
    r"(?=[,.;]|\s+(?:in|from|on|during|over|at|that|which)\b)"
)
# `waged by A against B`, `fought by A against B`: the same order as `between A and B`.
_BY_AGAINST = re.compile(
    r"\b(?:waged|fought|launched|conducted)\s+by\s+(?:the\s+)?(?P<a>[A-Z][^,;.]{2,60}?)\s+against\s+(?:the\s+)?(?P<b>[A-Z][^,;.]{2,60}?)"
    r"(?=[,.;]|\s+(?:in|from|on|during|over|at|that|which|to|for)\b)"
)


_SUPPORTED_BY = r"(?:supported|supplied|backed|assisted|aided)\s+by"
#: `Supported by:` alone: a label over the supporters listed after it.
SUPPORT_LABEL = re.compile(rf"(?i)^{_SUPPORTED_BY}\s*:?\s*$|^support(?:ed)?\s*:\s*$")
_SUPPORTERS_ONLY = re.compile(
    r"(?i)^\s*(?:undeclared|weapons(?:\s+and\s+advisors)?|(?:military\s+)?advisors|supported\s+by|support|"
    r"supplied\s+by|backed\s+by|materiel(?:\s+support)?|logistic(?:s|al)?\s+support)\b"
)
#: A party that opens a clause or a part of a cell, right before a number (`Prussia 42,000;
#: Austria 38,500`, `Casualties: Prussia 2,100 killed`): it names the figures after it.
PARTY_LEAD = re.compile(
    r"[ \t]*[*_]{0,2}(?P<who>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,3})[*_]{0,2}[ \t]*[:–—\-]?[*_]{0,2}[ \t]*"
    r"(?=(?:(?:about|some|around|over|nearly|roughly|up[ \t]+to|c\.|~|≈)[ \t]*)?\d)"
)
_VAGUE_ENTRY = re.compile(r"(?i)^(?:various|other|several|alleged|supported\s+by|weapons|advisors|supplied)\b|\bpro-")


def _column_name(raw: str) -> str:
    """A column's name as a side: its first entry that names someone (not `Various pro-Serbian
    forces` or `Weapons and advisors: ...`), as the party it names when the lexicon knows it
    (`Chechen Republic of Ichkeria` -> Chechnya, `JNA` -> Yugoslavia), else as written."""
    from claims.extract.figures import party_mentions

    # `Kingdom of Prussia Supported by: Saxony` on one line: the supporters start a new entry.
    entries = [e.strip(" :") for e in re.split(rf"[,\n;:]|\s{{2,}}|\s+(?=(?i:{_SUPPORTED_BY})\b)", raw) if e.strip(" :")]
    chosen = next((e for e in entries if not _VAGUE_ENTRY.search(e)), entries[0] if entries else raw)
    for s, e, party in party_mentions(chosen, 0, len(chosen)):
        if _insurgents_of(chosen, e):
            break  # `Iraqi insurgents`: a state's demonym before an insurgent noun names a group, not the state
        if not _ALLIED.search(chosen, max(0, s - 4), e + 8):
            return party
    # `Republic of Dresk (Union)`: the parenthesis is another name for it (see ``_ALIAS``).
    return _ALIAS.sub("", chosen).strip() or chosen


def _insurgents_of(text: str, end: int) -> bool:
    """An insurgent noun right after ``end`` (`Iraqi insurgents`, `Chechen rebels`)."""
    m = re.match(r"[ \t]+([a-z][\w\-]*(?:[ \t]+[a-z][\w\-]*)?)", text[end:end + 40])
    labels = lexicon().insurgent_labels
    return m is not None and (m.group(1).lower() in labels or m.group(1).split()[0].lower() in labels)


def _names_in(text: str, names: list[str]) -> bool:
    """Whether ``text`` names one of ``names`` (lexicon aliases: a capitalised word in the text)."""
    pattern = re.compile(r"(?i)\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    return any(m.group(0)[:1].isupper() for m in pattern.finditer(text, 0, min(len(text), 50_000)))


def acronyms(name: str) -> list[str]:
    """`Chechen Republic of Ichkeria` -> `CRI` (claimants cite parties by acronym); every
    leading run of two or more capitalised words gives one, since names run together."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", name) if w[0].isupper()]
    return ["".join(w[0] for w in words[:n]) for n in range(2, len(words) + 1)]


_LINK = re.compile(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]")
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_COMBATANT_SPLIT = re.compile(r"<br\s*/?>|\n|,|\*")


# `X besieged Y`, `X launched an offensive against Y`: X attacked, Y defended.
_ATTACK_VERB = re.compile(
    r"\b(?:attacked|besieged|assaulted|invaded|stormed|laid[ \t]+siege[ \t]+to|(?:launched|began|opened|mounted)[ \t]+"
    r"(?:an?|its|their|the)[ \t]+(?:\w+[ \t]+)?(?:offensive|assault|attack|siege)[ \t]+(?:on|against)|advanced[ \t]+on)\b"
)
# Who a figure's subject is by its part in the battle (see ``SideResolver._attack_roles``).
_ROLE_WORDS = re.compile(
    r"\b(?:the[ \t]+)?(?:(?P<attacker>attackers|besiegers|invaders|attacking[ \t]+(?:force|forces|troops|army))"
    r"|(?P<defender>defenders|besieged|garrison|defending[ \t]+(?:force|forces|troops|army)))\b", re.I
)
# A party's force and the commander at its head: `the French army under Napoleon`, `troops led
# by General Ivan Petrov`, `forces commanded by Kutuzov`.
_LED_BY = re.compile(
    r"\b(?:under|led[ \t]+by|commanded[ \t]+by|under[ \t]+the[ \t]+command[ \t]+of)[ \t]+"
    r"(?P<name>(?:[A-Z][\w'’\-]*\.?[ \t]+){0,3}[A-Z][\w'’\-]+)"
)
# A commander named with the party he serves before his rank: `Confederate General Robert E.
# Lee`, `the German Field Marshal Erwin Rommel`.
_TITLED_LEADER = re.compile(
    r"\b(?P<party>[A-Z][\w'’\-]+)[ \t]+(?:General|Gen\.|Field[ \t]+Marshal|Marshal|Admiral|Colonel|Col\.|Major[ \t]+General"
    r"|Lieutenant[ \t]+General|Lt\.[ \t]+Gen\.|Brigadier(?:[ \t]+General)?|Brig\.[ \t]+Gen\.|commander|general)[ \t]+"
    r"(?P<name>(?:[A-Z][\w'’\-]*\.?[ \t]+){0,3}[A-Z][\w'’\-]+)")
_UNIT_NAME = re.compile(
    r"\b(?P<num>\d+(?:st|nd|rd|th)|[IVXL]{1,6})[ \t]+(?:[A-Z][\w\-]*[ \t]+){0,3}?"
    r"(?P<ech>(?:Guards[ \t]+|Panzer[ \t]+|Tank[ \t]+|Shock[ \t]+)?(?:Army|Corps|Division|Brigade|Regiment|Battalion|Fleet|Front|Group))\b"
)
# A clause that breaks a figure down (`, of whom the greater part were ...`, `, including`).
_BREAKDOWN_BEFORE = re.compile(r"(?i),[ \t]*(?:of[ \t]+(?:whom|which|these|them)|including|among[ \t]+(?:them|whom))\b[^,;.]*$")
_ENTRY_SPLIT = re.compile(r"\n|,|;|\s{2,}|<br\s*/?>|\*|•")
_SURNAME = re.compile(r"\b[A-Z][a-z][\w'’\-]*[a-z]\b")
_ALIAS = re.compile(r"\((?:the\s+)?([A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+){0,3})\)")
_RESOLVERS: dict[int, tuple[Document, "SideResolver"]] = {}
_NAME_WORD = re.compile(r"[A-Z][\w'’\-]{2,}")
_DIRECTION = re.compile(r"(?i)^(?:north|south|east|west)")


def _own_names_pattern(columns: dict[int, str], aliases: dict[int, list[str]],
                       by_party: dict[str, tuple[int, str]], phrases: dict[int, list[str]] | None = None) -> re.Pattern | None:
    """A pattern (group ``d``) for the columns' names that the lexicon does not know, the
    other names the page gives them (``aliases``: `United States (Union)`), and their
    distinctive words: capitalised, not an organisation word (`Republic`, `Front`), not a
    direction; a word two columns share names neither. Each is added to ``by_party``."""
    lx = lexicon()
    names: dict[str, tuple[int, str]] = {}
    shared: set[str] = set()
    written: set[str] = set()
    for column, name in columns.items():
        for own in [name] + aliases.get(column, []):
            if canonical(own) is not None:
                continue
            candidates = [own] + [w for w in _NAME_WORD.findall(own)
                                  if w.lower() not in lx.not_person_words and not _DIRECTION.match(w)
                                  and canonical(w) is None and w != own]
            for phrase in candidates:
                key = phrase.lower()
                if key in names and names[key][0] != column:
                    shared.add(key)
                names.setdefault(key, (column, name))
                written.add(phrase)
        for phrase in (phrases or {}).get(column, []):  # whole phrases only (`6th Army`)
            key = phrase.lower()
            if key in names and names[key][0] != column:
                shared.add(key)
            names.setdefault(key, (column, name))
            written.add(phrase)
    names = {k: v for k, v in names.items() if k not in shared and k not in by_party}
    if not names:
        return None
    by_party.update(names)
    originals = sorted({p for p in written if p.lower() in names}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in originals)
    return re.compile(rf"(?<![\w\-])(?:the\s+)?(?P<d>{body})(?:'s|’s|s)?(?![\w\-])")


def resolver_for(document: Document) -> "SideResolver":
    """The document's SideResolver, built once for both extractors (the infobox and the prose)."""
    hit = _RESOLVERS.get(id(document))
    if hit is not None and hit[0] is document:
        return hit[1]
    if len(_RESOLVERS) > 16:
        _RESOLVERS.clear()
    resolver = SideResolver(document)
    _RESOLVERS[id(document)] = (document, resolver)
    return resolver


def _around_attack(text: str, verb: re.Match[str], lo: int, hi: int, mentions) -> tuple[list, list]:
    """The parties ``mentions`` finds before an attack verb in its clause (the attacker) and
    after it to the clause's end (the attacked), each within 80 characters."""
    clause = max(text.rfind(c, lo, verb.start()) for c in ".;\n") + 1
    stop = min([hi] + [i for i in (text.find(c, verb.end(), hi) for c in ".;\n") if i != -1])
    return (mentions(text, max(clause, verb.start() - 80), verb.start()),
            mentions(text, verb.end(), min(stop, verb.end() + 80)))


# `(3 RAR)`, `(SVK)`, `(2 PPCLI)`: an abbreviation in brackets, maybe after a number.
_DEFINED_ABBREVIATION = re.compile(r"\((?P<a>(?:\d{1,2}[ \t]+)?[A-Z][A-Z0-9&]{1,7})\)")


class SideResolver:
    """Maps infobox columns and demonyms to the document's belligerents."""

    def __init__(self, document: Document) -> None:
        #: The belligerent text of each infobox column, as the page gives it.
        self.raw: dict[int, str] = {}
        for index, name in enumerate(document.belligerents, start=1):
            name = (name or "").strip(" ,;|")
            if name and not _HEDGE_PREFIX.match(name):
                self.raw[index] = name
        #: Each column's name as a side: the party its text names (`Various pro-Serbian
        #: forces, JNA` -> Yugoslavia), else its first entry; a column the page leaves unnamed
        #: (stripped flag icons) takes the party the text names most, besides the other
        #: column's (``_unnamed_columns``).
        self.columns: dict[int, str] = {c: _column_name(name) for c, name in self.raw.items()}
        self.column_reasons: dict[int, str] = {}
        self._supporter_columns(document)
        self._coalition_columns(document)
        self._unnamed_columns(document)
        self._by_party: dict[str, tuple[int, str]] = {}
        self._members: dict[str, tuple[int, str]] = {}
        self._sentence_sides: dict[tuple, Side] = {}
        self._document = document
        self._text_parties: list[tuple[str, int]] | None = None
        self._allies: frozenset[frozenset[str]] | None = None
        self._insurgent: bool | None = None
        self._roles: dict[str, str] | None = None
        self._defined: re.Pattern[str] | None | object = _UNREAD
        self._wartime: dict[str, str] | None = None
        self._wartime_re: re.Pattern[str] | None = None
        self._defined_parties: dict[str, str] = {}
        self._led: dict[str, str] | None = None
        self._government: Side | None | object = _UNREAD
        self._led_re: re.Pattern[str] | None = None
        for column in self.columns:
            own = canonical(self.columns[column])
            for name in (self.columns[column], self.raw.get(column, "")):
                for m in _DEMONYM_RE.finditer(name):
                    if _ALLIED.search(name, max(0, m.start() - 4), m.end() + 8):
                        continue
                    party = canonical(m.group("d"))
                    if party and party not in self._by_party:
                        self._by_party[party] = (column, self.columns[column])
                        if own is not None and party != own:
                            # A member of a coalition's column, in the text, keeps its own name
                            # (`Australian losses were 32 killed` under `United Nations: Australia,
                            # Canada, ...` are Australia's, not the whole column's).
                            self._members[party] = (column, party)
                for short in acronyms(name):
                    self._by_party.setdefault(short.lower(), (column, self.columns[column]))
        # Names of belligerents the lexicon does not know (`Republic of Dresk`, `Northern
        # Front`): the name and its distinctive words (`Dresk`) name the column in the text.
        # A name in parentheses after a column's belligerent is another name for it
        # (`United States (Union)`), unless the lexicon knows it as some other party.
        aliases = {c: [a for a in _ALIAS.findall(raw) if canonical(a) in (None, canonical(self.columns[c]))]
                   for c, raw in self.raw.items()}
        parties = {c: canonical(name) for c, name in self.columns.items()}
        for name, (party, against) in lexicon().wartime_names.items():
            # `Union` for the United States column, on a page whose other column is the Confederacy.
            for column, own in parties.items():
                if own == party and any(p in against for c, p in parties.items() if c != column):
                    aliases.setdefault(column, []).append(name)
        for column, surname in self._commander_surnames(document):
            aliases.setdefault(column, []).append(surname)  # `Lee lost 28,000 men`: his column's loss
        self._names = _own_names_pattern(self.columns, aliases, self._by_party, self._unit_names(document))
        # Every combatant the infobox names (`Velmar Guard` under a column), to recognise a
        # belligerent speaking as a claimant even when its name is no demonym.
        combatants: dict[str, int] = {}
        for field in document.infobox:
            if field.key == "Combatant" and field.column in self.columns:
                for item in _COMBATANT_SPLIT.split(_LINK.sub(r"\1", _TEMPLATE.sub(" ", field.value))):
                    item = item.strip(" ,;|'")
                    if len(item) >= 3 and any(ch.isalpha() for ch in item) and not _HEDGE_PREFIX.match(item):
                        combatants.setdefault(item.lower(), field.column)
        self._combatant_columns = combatants
        self._combatants = re.compile(
            r"(?i)\b(?:" + "|".join(re.escape(c) for c in sorted(combatants, key=len, reverse=True)) + r")\b"
        ) if combatants else None

    def _unit_names(self, document: Document) -> dict[int, list[str]]:
        """The numbered units each named column lists (`3rd Northland Army` under column 1),
        as written and shortened to number and echelon (`3rd Army`): `The 3rd Army lost 6,000
        men` is that column's loss."""
        found: dict[int, list[str]] = {}
        for field in document.infobox:
            if field.key != "Units" or field.column not in self.columns:
                continue
            for m in _UNIT_NAME.finditer(field.value):
                names = found.setdefault(field.column, [])
                names.append(" ".join(m.group(0).split()))
                names.append(f"{m.group('num')} {' '.join(m.group('ech').split())}")
        return found

    def _commander_surnames(self, document: Document) -> list[tuple[int, str]]:
        """(column, surname) of each named column's commanders (`Robert E. Lee` -> `Lee`); a
        surname the text also writes in lower case is a common word (`Early`, `Hill`), and a
        surname of two columns names neither."""
        lx = lexicon()
        found: dict[str, set[int]] = {}
        for field in document.infobox:
            if field.key != "Commander" or field.column not in self.columns:
                continue
            for entry in _ENTRY_SPLIT.split(field.value):
                words = _SURNAME.findall(entry)
                if not words:
                    continue
                last = words[-1]
                if lx.party_of(last) or last.lower() in lx.source_heads or last.lower() in lx.not_person_words:
                    continue
                found.setdefault(last, set()).add(field.column)
        head = document.text[:200_000]
        # (`in` first: the regex only runs where the lower-case word occurs at all, so a long
        # page is not scanned by a pattern with no literal prefix once per surname)
        return [(next(iter(c)), w) for w, c in found.items()
                if len(c) == 1 and not (w.lower() in head and re.search(rf"\b{re.escape(w.lower())}\b", head))]

    def _lead_order(self, document: Document) -> tuple[list[str], str, re.Match | None]:
        """The two parties in the order the lead gives them (`between X and Y`, `waged by X
        against Y`), with the reason to show; empty when the lead names no such pair."""
        from claims.extract.figures import party_mentions

        text = document.text
        lead = (0, min(len(text), document.body_start + 3000))  # a scraped page may put its lead above the box
        between = _BETWEEN.search(text, *lead)
        for match in (between, _BY_AGAINST.search(text, *lead)):
            if match:
                a = party_mentions(match.group("a"), 0, len(match.group("a")))
                b = party_mentions(match.group("b"), 0, len(match.group("b")))
                if a and b and a[0][2] != b[0][2]:
                    order = [a[0][2], b[0][2]]
                    verb = "between {} and {}" if match is between else "waged by {} against {}"
                    return order, ("the lead says the war was " + verb).format(*order), between
        return [], "", between

    def _supporter_columns(self, document: Document) -> None:
        """A column whose text lists only supporters (`Weapons and advisors: China`,
        `Undeclared: Lao partisans`, `Supported by: ...`) lost its belligerent's name (a flag
        icon the page dropped): the column is the lead's party in that place, not a supporter."""
        supporters = [c for c, raw in self.raw.items() if c in (1, 2) and _SUPPORTERS_ONLY.match(raw)]
        if not supporters or not document.infobox:
            return
        order, reason, _ = self._lead_order(document)
        if not order:
            return
        for column in supporters:
            party = order[column - 1]
            if party not in (self.columns.get(c) for c in self.columns if c != column):
                self.columns[column] = party
                self.column_reasons[column] = f"the column lists only supporters; {reason}"

    def _coalition_columns(self, document: Document) -> None:
        """A column listing two or more members of one coalition (`Germany, Romania, Italy,
        Hungary`) on a page that names that coalition (`Axis`) is the coalition's column: its
        figures are the whole column's, not its first member's."""
        lx = lexicon()
        members = lx.coalition_members
        for column, raw in self.raw.items():
            if len(raw) < 8 or ("," not in raw and " " not in raw.strip()):
                continue  # one name: no list of members
            listed = list(dict.fromkeys(p for m in _DEMONYM_RE.finditer(raw) if (p := canonical(m.group("d")))))
            if len(listed) < 2:
                continue
            fits = [c for c, m in members.items() if all(p in m for p in listed)]
            if not fits:
                continue
            fits = [c for c in fits if _names_in(document.text, [a for a, p in lx.party_aliases.items() if p == c])]
            if len(fits) == 1 and fits[0] not in self.columns.values():
                self.columns[column] = fits[0]
                self.column_reasons[column] = f"the column lists {', '.join(listed)}, members of the {fits[0]}, which the text names"

    def _unnamed_columns(self, document: Document) -> None:
        """Names for the columns of a two-sided infobox that the page left without one: the
        parties the prose names, by how often (`between X and Y` in the lead first)."""
        if not document.infobox or len(self.columns) >= 2:
            return
        from claims.extract.figures import party_mentions

        text = document.text
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        budget = 4000  # the lead and the first sections name the parties; enough to rank them
        for lo, hi in (document.prose or ((document.body_start, len(text)),)):
            if budget <= 0:
                break
            end = min(hi, lo + budget)
            budget -= end - lo
            for s, _, party in party_mentions(text, lo, end):
                counts[party] = counts.get(party, 0) + 1
                first.setdefault(party, s)
        order, order_reason, between = self._lead_order(document)
        taken = {p for n in list(self.columns.values()) + list(self.raw.values()) for _, _, p in party_mentions(n, 0, len(n))}
        taken |= set(self.columns.values())
        ranked = [p for p in sorted(counts, key=lambda p: (-counts[p], first[p])) if p not in taken]
        if not self.columns and between:
            self._split_entries(document, between)
        if not self.columns and order:
            for column in (1, 2):
                self.columns[column] = order[column - 1]
                self.column_reasons[column] = order_reason
        listed = []
        supporter = False
        for f in document.infobox:
            if f.key != "Combatant" or f.column is not None or not f.value.strip():
                continue
            entry = f.value.strip()
            if SUPPORT_LABEL.match(entry):
                supporter = True  # the entry after `Supported by:` supports; it names no column
                continue
            if not supporter and not _VAGUE_ENTRY.match(entry):
                listed.append(entry)
            supporter = False
        if not self.columns and len(listed) == 1:
            # One belligerent named (the other's flag was dropped): its column is the one
            # whose units or commanders name its party, and only that one.
            named = {p for _, _, p in party_mentions(listed[0], 0, len(listed[0]))}
            holding = {f.column for f in document.infobox if f.key in ("Units", "Commander") and f.column in (1, 2)
                       and named & {p for _, _, p in party_mentions(f.value, 0, len(f.value))}}
            if len(named) == 1 and len(holding) == 1:
                column = holding.pop()
                self.raw[column] = listed[0]
                self.columns[column] = _column_name(listed[0])
                self.column_reasons[column] = f"the only belligerent named; its units are in column {column}"
        if not self.columns and len(listed) >= 2:
            # Entries without columns are listed column by column: the first is in column 1.
            self.raw[1] = listed[0]
            self.columns[1] = _column_name(listed[0])
            self.column_reasons[1] = "the first belligerent listed is in the first column"
        if len(self.columns) < 2:
            self._columns_by_commanders(document, taken)
        if len(self.columns) == 1 and 1 in self.columns and len(listed) >= 2 and listed[0] == self.raw.get(1):
            # ... and the last in the last one (the entries between may be either side's).
            last = listed[-1]
            if canonical(last) is None or canonical(last) != canonical(listed[0]):
                self.raw[2] = last
                self.columns[2] = _column_name(last)
                self.column_reasons[2] = "the last belligerent listed is in the last column"
        if len(self.columns) == 1 and ranked:
            # One column named: the other is the party the text names most besides it. With
            # neither named (and no `between X and Y`) there is no telling which is which.
            column = 2 if 1 in self.columns else 1
            party = next((p for p in ranked if p not in self.columns.values()), None)
            if party is None:
                return
            self.columns[column] = party
            self.column_reasons[column] = f"the column has no name; {party} is the party the text names most besides the other column's"

    def _columns_by_commanders(self, document: Document, taken: set[str]) -> None:
        """Columns named by their commanders: where the prose introduces a commander of an
        unnamed column with a party (`Russian Defence Minister Pavel Grachev`, `the Chechen
        leader Dudayev`), that party is the column's. A column is named only when its
        commanders point to one party at least twice and more than to any other."""
        from claims.extract.figures import party_mentions

        lx = lexicon()
        surnames: dict[str, set[int]] = {}
        for field in document.infobox:
            if field.key != "Commander" or field.column not in (1, 2) or field.column in self.columns:
                continue
            for word in _NAME_TOKEN.findall(field.value):
                if word.lower() in lx.source_heads or lx.party_of(word):
                    continue
                surnames.setdefault(word, set()).add(field.column)
        surnames = {w: c for w, c in surnames.items() if len(c) == 1}
        if not surnames:
            return
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(surnames, key=len, reverse=True)) + r")\b")
        text = document.text
        votes: dict[int, dict[str, int]] = {1: {}, 2: {}}
        counted: set[tuple[int, int]] = set()
        for lo, hi in (document.prose or ((document.body_start, len(text)),)):
            for m in pattern.finditer(text, lo, hi):
                # The party nearest before the name, within its clause (`Chechen leader X`).
                start = max(lo, m.start() - 60)
                cut = max(text.rfind(".", start, m.start()), text.rfind(";", start, m.start()), text.rfind(",", start, m.start()))
                mentions = party_mentions(text, max(start, cut + 1), m.start())
                column = next(iter(surnames[m.group(0)]))
                # `Tomas Halvik`: first and last name are one mention, one vote.
                if mentions and (column, mentions[-1][0]) not in counted:
                    counted.add((column, mentions[-1][0]))
                    party = mentions[-1][2]
                    votes[column][party] = votes[column].get(party, 0) + 1
        for column in (1, 2):
            if column in self.columns or not votes[column]:
                continue
            ranked = sorted(votes[column].items(), key=lambda kv: -kv[1])
            party, n = ranked[0]
            if n < 2 or (len(ranked) > 1 and ranked[1][1] == n) or party in taken or party in self.columns.values():
                continue
            self.columns[column] = party
            self.column_reasons[column] = f"the column has no name; the text ties its commanders to {party} ({n} times)"

    def _split_entries(self, document: Document, between: re.Match) -> None:
        """A belligerents block whose entries the page left without columns (`French Union /
        United States / Democratic Republic of Vietnam / China`): the lead's `between A and B`
        says where the second column starts, at the entry B names."""
        entries = [f.value.strip() for f in document.infobox if f.key == "Combatant" and f.column is None]
        if len(entries) < 2:
            return
        from claims.extract.figures import party_mentions

        a, b = between.group("a"), between.group("b")
        parties = {phrase: {p for _, _, p in party_mentions(phrase, 0, len(phrase))} for phrase in (a, b)}

        def names(entry: str, phrase: str) -> bool:
            """The lead's phrase names the entry: by its first words (`United Nations forces`)
            or by its party (`the Chinese People's Volunteer Army` names `China`)."""
            head = " ".join(entry.lower().split()[:2])
            lower = phrase.lower()
            if len(head) >= 3 and (head in lower or lower.startswith(entry.lower()[:12])):
                return True
            party = canonical(entry)
            return party is not None and party in parties[phrase]

        first = next((i for i, e in enumerate(entries) if names(e, a)), None)
        second = next((i for i, e in enumerate(entries) if names(e, b)), None)
        if first == 0 and second is not None and second > 0:
            for column, entry in ((1, entries[0]), (2, entries[second])):
                self.raw[column] = entry
                self.columns[column] = _column_name(entry)
                self.column_reasons[column] = f"the lead says the war was between {entries[0]} and {entries[second]}"

    def combatant_in(self, text: str) -> tuple[int, str] | None:
        """(column, belligerent) when ``text`` names one of the infobox's combatants."""
        m = self._combatants.search(text) if self._combatants is not None else None
        if m is None:
            return None
        column = self._combatant_columns[m.group(0).lower()]
        return column, self.columns[column]

    def column_side(self, column: int | None) -> Side:
        """The side for an infobox column (column 3 spans every column, so it has none, unless
        the page names a third belligerent: wikitext's `combatant3`)."""
        if column in (1, 2) or (column is not None and column in self.columns):
            return Side(column=column, name=self.columns.get(column), reason=self.column_reason(column))
        return Side(column=None, name=None, reason="infobox row spanning all columns")

    def column_reason(self, column: int, why: str | None = None) -> str:
        """`infobox column 1 (Various pro-Serbian forces, JNA)`, with how the column was found."""
        parts = [why] if why else []
        raw = self.raw.get(column)
        if raw and raw != self.columns.get(column):
            parts.append(raw)
        if column in self.column_reasons:
            parts.append(self.column_reasons[column])
        return f"infobox column {column}" + (f" ({'; '.join(parts)})" if parts else "")

    def party(self, mention: str, member: bool = True) -> tuple[int | None, str] | None:
        """(column, name) for a demonym or name mentioned in text, or None. A ``member`` of a
        coalition's column is named as itself, not as the column (an infobox cell of the
        column is the column's, whatever member it names)."""
        party = canonical(mention)
        if party is None:
            hit = self._by_party.get(mention.strip().lower())
            return hit
        if member and party in self._members:
            return self._members[party]
        if party in self._by_party:
            return self._by_party[party]
        for other in lexicon().equivalents.get(party, ()):
            if other in self._by_party:
                return self._by_party[other]  # `Turkish soldiers` under an Ottoman column
        return None, party

    def opponent_of(self, party: str) -> tuple[int | None, str] | None:
        """(column, name) of the other side in a two-column infobox, when ``party`` is one;
        in a page without columns, when ``party`` is one of the two the text names most, the
        party its text names most besides it (at least twice, and more than any other)."""
        hit = self.party(party)
        if hit is not None and hit[0] in (1, 2):
            other = 3 - hit[0]
            name = self.columns.get(other)
            return (other, name) if name else None
        if self.columns:
            return None
        own = canonical(party) or party
        allies = self.allies()
        parties = [(p, n) for p, n in self.text_parties() if frozenset((own, p)) not in allies]
        if own not in [p for p, _ in parties[:2]]:
            return None  # not one of the two parties the text is about: its enemy is not said
        ranked = [(p, n) for p, n in parties if p != own]
        # The one other party the text names, or the one it names most (at least twice).
        if len(ranked) == 1 or ranked and ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1]:
            return None, ranked[0][0]
        return None

    def allies(self) -> frozenset[frozenset[str]]:
        """Pairs of parties the text says fight together (`the Malian army, with the support of
        French aircraft`, `backed by`, `alongside`): neither is the other's
        enemy. Read once per document (its first 20,000 characters)."""
        if self._allies is None:
            from claims.extract.figures import party_mentions

            text = self._document.text
            end = min(len(text), 20_000)
            pairs: set[frozenset[str]] = set()
            for m in _FIGHTING_TOGETHER.finditer(text, 0, end):
                after = party_mentions(text, m.end(), min(end, m.end() + 40))[:1]
                start = max(0, m.start() - 150, text.rfind(".", 0, m.start()) + 1)
                before = party_mentions(text, start, m.start())[-1:]
                if before and after and before[0][2] != after[0][2] and after[0][0] - m.end() < 25:
                    a, b = (canonical(x) or x for x in (before[0][2], after[0][2]))
                    if a != b:
                        pairs.add(frozenset((a, b)))
            self._allies = frozenset(pairs)
        return self._allies

    def text_parties(self) -> list[tuple[str, int]]:
        """The parties the text names, most named first, with how often (its first 20,000
        characters: enough to rank them)."""
        if self._text_parties is None:
            from claims.extract.figures import party_mentions

            counts: dict[str, int] = {}
            text = self._document.text
            end = min(len(text), 20_000)
            # `CAIRO, May 12 (Reuters) -`: where the story was filed, no party to it.
            datelines = [(m.start(), m.end()) for m in _DATELINE_LINE.finditer(text, 0, end)]
            for s, _, named in party_mentions(text, 0, end):
                if not any(a <= s < b for a, b in datelines):
                    counts[named] = counts.get(named, 0) + 1
            self._text_parties = sorted(counts.items(), key=lambda kv: -kv[1])
        return self._text_parties

    def government(self) -> Side | None:
        """The side `government troops` are on: of the two parties at war (the columns, else
        the two the text names most), the one that is a state when the other is not. Read once
        per document (every role figure asks)."""
        if self._government is _UNREAD:
            self._government = self._read_government()
        return self._government  # type: ignore[return-value]

    def _read_government(self) -> Side | None:
        pair = self._pair()
        states = lexicon().states
        if pair is None:
            # `Mali's army` against `insurgents` it never names: the state the story names most.
            # Of states named as often, the first named (a headline's `in Niger` before `the border
            # with Mali`).
            ranked = self.text_parties()
            if self.columns or not ranked or not self._insurgency():
                return None
            top = [p for p, n in ranked if n == ranked[0][1]]
            if len(top) > 1:
                first = {p: s for s, _, p in reversed(self.party_mentions(self._document.text, 0, min(len(self._document.text), 20_000)))}
                top.sort(key=lambda p: first.get(p, len(self._document.text)))
            if top[0] not in states:
                return None
            return Side(name=top[0], reason=f"`government` forces: {top[0]} is the state a story of insurgents names most, and first")
        state = [(c, p) for c, p in pair if p in states]
        if len(state) == 2 and not self.columns and self._insurgency():
            # `militants attacked a camp in Niger, near the border with Mali`: two states named,
            # one at war with insurgents; the one named more.
            ranked = self.text_parties()
            if ranked[0][1] > ranked[1][1]:
                return Side(name=ranked[0][0], reason=f"`government` forces: {ranked[0][0]} is the state a story of insurgents names most")
            return None
        if len(state) != 1:
            return None
        column, name = state[0]
        other = next(p for c, p in pair if p != name)
        return Side(column=column, name=name, reason=f"`government` forces: {name} is the state at war with {other}")

    def role_side(self, noun: str) -> Side | None:
        """The side of a figure whose noun says only a role (`45 insurgents`, `20 police
        officers`) in a story of a state against an insurgency (it calls someone `rebels`,
        `militants`, ...): insurgents are the group's, soldiers and police the state's. With
        no party named at all, the sides are the roles themselves (`insurgents`, `government
        forces`), so that a story's tolls of each are not compared with the other's."""
        lx = lexicon()
        noun = " ".join(noun.lower().split())
        # `soldiers and police`: coordinated heads of one role are that role.
        heads = [h for h in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", noun) if h]
        insurgent = all(h in lx.insurgent_labels for h in heads)
        state = all(h in lx.state_forces for h in heads)
        if not (insurgent or state) or not self._insurgency():
            return None
        government = self.government()
        if government is not None:
            if state:
                return attrs.evolve(government, reason=f"`{noun}` in a story of insurgents: the state's, {government.name}")
            pair = self._pair()
            if pair is None or all(p in lexicon().states for _, p in pair):
                lx = lexicon()
                groups = [p for p, _ in self.text_parties()
                          if p not in lx.states and p not in lx.coalition_members and p not in _NOT_INSURGENTS]
                if len(groups) == 1:
                    return Side(name=groups[0], reason=f"`{noun}` fight the state ({government.name}): {groups[0]}, the one group named")
                return Side(name="insurgents", reason=f"`{noun}` fight the state ({government.name}), and the text names no group")
            column, name = next(p for p in pair if p[1] != government.name)
            return Side(column=column, name=name, reason=f"`{noun}` fight the state ({government.name}): {name}")
        if self.columns or self.text_parties():
            return None  # parties named, but not a state against a group
        name = "insurgents" if insurgent else "government forces"
        return Side(name=name, reason=f"`{noun}` in a story of a state against insurgents that names neither")

    def _insurgency(self) -> bool:
        if self._insurgent is None:
            # (a modifier counts: `rebel deaths`, `militant positions`)
            labels = "|".join(sorted((re.escape(w.removesuffix("s")) for w in lexicon().insurgent_labels if w != "attackers"),
                                     key=len, reverse=True))
            self._insurgent = re.search(rf"(?i)\b(?:{labels})s?\b", self._document.text[:20_000]) is not None
        return self._insurgent

    def _pair(self) -> list[tuple[int | None, str]] | None:
        """The two parties at war: the columns, else the two the text names most."""
        if 1 in self.columns and 2 in self.columns:
            return [(c, self.columns[c]) for c in (1, 2)]
        pair = [(None, p) for p, n in self.text_parties()[:2]]
        if len(pair) < 2 or self.text_parties()[0][1] < 2:
            return None
        return pair

    def side_for_mention(self, mention: str, reason: str, member: bool = True) -> Side | None:
        hit = self.party(mention, member)
        if hit is None:
            return None
        column, name = hit
        return Side(column=column, name=name, reason=reason)

    def infer(
        self,
        text: str,
        figure_start: int,
        figure_end: int,
        sentence_start: int,
        sentence_end: int,
        skip: list[tuple[int, int]] = (),
    ) -> Side:
        """The side a figure in a sentence is about, with the reason; Side() when unclear.

        First a demonym inside the figure (`12 Russian KIA`, `50,000 Azerbaijanis`) or right
        after it (`of Russian peacekeepers`); then one party named with a force word in the
        sentence (`The Azerbaijani forces, made up of ...`). A sentence that says `overall` or
        names two parties gives no side: the figure is a total or ambiguous.
        """
        def outside_skip(pos: int) -> bool:
            return not any(a <= pos < b for a, b in skip)

        for m in self._mentions(text, figure_start, min(sentence_end, figure_end + 50)):
            if not outside_skip(m.start()):
                continue
            if m.start() >= figure_end and not _OF_THE_RE.match(text[figure_end:m.start()]):
                continue
            side = self.side_for_mention(m.group("d"), f"the figure names {m.group(0)}")
            if side is not None:
                return side
        # The rest depends only on the sentence (and the skipped spans): several figures of
        # one sentence share it.
        key = (text, sentence_start, sentence_end, tuple(skip))
        cached = self._sentence_sides.get(key)
        if cached is not None:
            return cached
        side = self._sentence_side(text, sentence_start, sentence_end, outside_skip)
        if len(self._sentence_sides) > 256:
            self._sentence_sides.clear()
        self._sentence_sides[key] = side
        return side

    def _sentence_side(self, text: str, sentence_start: int, sentence_end: int, outside_skip) -> Side:
        if _TOTAL_WORDS.search(text, sentence_start, sentence_end):
            return Side(reason="the sentence gives a total across sides")
        between = _FIGHTING_BETWEEN.search(text, sentence_start, sentence_end)
        if between is not None and len({p for _, _, p in self.party_mentions(text, between.start(), between.end())}) >= 2:
            return Side(reason="the sentence is about the fighting between two parties")
        parties: dict[str, tuple[int | None, str, str]] = {}
        for m in self._mentions(text, sentence_start, sentence_end):
            if not outside_skip(m.start()):
                continue
            if not _FORCE_WORDS.match(text, m.end()):
                continue
            if _SUBORDINATE_SUBJECT.search(text, max(sentence_start, m.start() - 40), m.start()):
                continue  # `... were trapped when Russian forces closed the ring`: the doer of another clause
            if _OPPOSED_BEFORE.search(text, max(sentence_start, m.start() - 25), m.start()):
                continue  # `The brigade, 4,000 strong, held a front against the Chinese 63rd Army`: its enemy
            if _BREAKDOWN_BEFORE.search(text, max(sentence_start, m.start() - 80), m.start()):
                continue  # `48 killed, of whom most were of the Sudanese battalions`: a part, not the whole
            hit = self.party(m.group("d"))
            if hit is None:
                continue
            parties.setdefault(hit[1], (hit[0], hit[1], text[m.start():_FORCE_WORDS.match(text, m.end()).end()]))
        if len(parties) == 1:
            column, name, phrase = next(iter(parties.values()))
            return Side(column=column, name=name, reason=f"the sentence names {phrase}")
        return Side()

    def _mentions(self, text: str, start: int, end: int) -> list[re.Match]:
        """Demonyms and party names the lexicon knows, then the document's own belligerent
        names, in ``text[start:end]``."""
        found = list(_DEMONYM_RE.finditer(text, start, end))
        if self._names is not None:
            found += self._names.finditer(text, start, end)
        return found

    def party_mentions(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """The parties the lexicon knows in ``text[start:end]`` and the page's own names for its
        belligerents (`Dresk`, `Union` for `United States (Union)`), in text order, as
        (start, end, what ``party`` takes)."""
        from claims.extract.figures import party_mentions

        found = party_mentions(text, start, end)
        extra = [(m.start("d"), m.end("d"), m.group("d")) for m in self._names.finditer(text, start, end)] if self._names else []
        if self._roles is None:
            self._roles = {}  # while they are looked for, mentions carry no roles
            self._roles = self._attack_roles()
        if self._roles:
            extra += [(m.start(), m.end(), self._roles[m.lastgroup]) for m in _ROLE_WORDS.finditer(text, start, end)
                      if m.lastgroup in self._roles]
        elif self._roles is not None and text is self._document.text:
            for m in _ROLE_WORDS.finditer(text, start, end):
                local = self._local_roles(text, m.start()).get(m.lastgroup or "")
                if local is not None:
                    extra.append((m.start(), m.end(), local))
        wartime = self._wartime_names()
        if wartime:
            extra += [(m.start(), m.end(), wartime[m.group(0)]) for m in self._wartime_re.finditer(text, start, end)]
        if self._led is None:
            self._led = {}  # while they are looked for, mentions carry no commanders
            self._led = self._leaders()
        if self._led:
            extra += [(m.start(), m.end(), self._led[m.group(0)]) for m in self._led_re.finditer(text, start, end)]
        if self._defined is _UNREAD:
            self._defined = None  # while they are looked for, mentions carry no abbreviations
            self._defined = self._defined_abbreviations()
        if self._defined is not None:
            extra += [(m.start(), m.end(), self._defined_parties[m.group(0)])
                      for m in self._defined.finditer(text, start, end)]  # type: ignore[union-attr]
        for s, e, named in extra:
            over = [m for m in found if m[0] < e and s < m[1]]
            if over and all(self.foreign(p) for _, _, p in over):
                # `Coalition forces` on a page whose column is the `Sixth Coalition`: the page's
                # own name wins over a party of another war the lexicon knows by those words.
                found = [m for m in found if m not in over]
                over = []
            if not over:
                found.append((s, e, named))
        found.sort()
        return found

    def foreign(self, party: str) -> bool:
        """A party the lexicon knows that is none of the page's columns (when it has columns)."""
        hit = self.party(party)
        return bool(self.columns) and (hit is None or hit[0] is None)

    def own_name(self, text: str, start: int, end: int) -> tuple[int, int, str] | None:
        """The page's own name for a column at ``text[start:end]``, words the lexicon reads as a
        party of some other war: a name of the page overlapping them, or the one column whose
        name shares a capitalised word with them (`Coalition forces` and the `Sixth Coalition`)."""
        if self._names is not None:
            for m in self._names.finditer(text, max(0, start - 40), end + 40):
                if m.start("d") < end and start < m.end("d"):
                    return m.start("d"), m.end("d"), m.group("d")
        words = set(re.findall(r"\b[A-Z][a-z]{3,}\b", text[start:end]))
        sharing = [name for name in self.columns.values() if words & set(re.findall(r"\b[A-Z][a-z]{3,}\b", name))]
        if len(sharing) == 1 and self.party(sharing[0]) is not None:
            return start, end, sharing[0]
        return None

    def _wartime_names(self) -> dict[str, str]:
        """On a page with no columns, the names a party goes by in one war when the text names
        the other side of that war (`Union casualties were 23,049` on a page that names the
        Confederates): the lexicon's ``wartime_names``. Pages with columns name them by column.
        Read once per document."""
        if self._wartime is not None:
            return self._wartime
        named = {party for party, _ in self.text_parties()} if not self.columns else set()
        self._wartime = {name: party for name, (party, against) in lexicon().wartime_names.items() if named & against}
        if self._wartime:
            self._wartime_re = re.compile(
                r"\b(?:" + "|".join(re.escape(n) for n in sorted(self._wartime, key=len, reverse=True)) + r")\b")
        return self._wartime

    def _defined_abbreviations(self) -> re.Pattern[str] | None:
        """Abbreviations the page defines for a phrase that names a party (`3rd Battalion, Royal
        Australian Regiment (3 RAR)`, `the Krajina Serb militia (KSM)`): later mentions of the
        abbreviation name that party. Those the lexicon knows keep their own meaning."""
        from claims.extract.figures import party_mentions

        text = self._document.text
        for m in _DEFINED_ABBREVIATION.finditer(text):
            short = m.group("a")
            if short in self._defined_parties or canonical(short) is not None:
                continue
            lo = max(text.rfind(".", max(0, m.start() - 90), m.start()), text.rfind("\n", max(0, m.start() - 90), m.start()),
                     m.start() - 90)
            named = party_mentions(text, lo + 1, m.start())
            if named:
                self._defined_parties[short] = named[-1][2]
        if not self._defined_parties:
            return None
        return re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(a) for a in sorted(self._defined_parties, key=len, reverse=True))
                          + r")(?![\w\-])")

    def _attack_roles(self) -> dict[str, str]:
        """Which column attacked and which defended, when the page's opening says so (`Northland
        besieged Southland`, `X launched an offensive against Y`): `the defenders lost 2,000`
        is then the defending column's loss. Empty when the opening does not say."""
        document = self._document
        text = document.text
        lo = document.body_start
        hi = min(len(text), lo + 6000)
        for m in _ATTACK_VERB.finditer(text, lo, hi):
            before, after = (self._column_mentions(found) for found in _around_attack(text, m, lo, hi, self.party_mentions))
            if before and after and before[-1] != after[0]:
                return {"attacker": self.columns[before[-1]], "defender": self.columns[after[0]]}
        return {}

    def _local_roles(self, text: str, pos: int) -> dict[str, str]:
        """Who attacked whom in the last sentences of the paragraph before ``pos`` (`the
        Chinese attacked the Canadian position. The attackers suffered 900 casualties`), for a
        page whose opening assigns no roles: the parties before and after the verb."""
        from claims.extract.figures import party_mentions

        lo = max(text.rfind("\n\n", max(0, pos - 600), pos) + 1, pos - 600, 0)
        found = None
        for found in _ATTACK_VERB.finditer(text, lo, pos):
            pass
        if found is None:
            return {}
        before, after = _around_attack(text, found, lo, pos, party_mentions)
        if not before or not after or canonical(before[-1][2]) == canonical(after[0][2]):
            return {}
        return {"attacker": before[-1][2], "defender": after[0][2]}

    def _leaders(self) -> dict[str, str]:
        """Surname -> party of each commander the text puts at the head of a party's force
        (`the French Grande Armée under Napoleon`, `Russian troops led by General Ivan Petrov`):
        `Napoleon's army of 130,000` is then France's. A surname given to two parties, or that
        the text also writes in lower case (`Early`, `Hill`), names none."""
        from claims.extract.figures import party_mentions

        text = self._document.text
        head = text[:200_000]
        lx = lexicon()
        found: dict[str, set[str]] = {}
        for m in _LED_BY.finditer(head):
            name = m.group("name").split()
            while len(name) > 1 and name[0].lower() in lx.person_heads:
                name = name[1:]  # `General Ivan Petrov`
            surname = name[-1]
            if lx.party_of(surname) or surname.lower() in lx.source_heads or surname.lower() in lx.not_person_words:
                continue
            clause = max(head.rfind(c, 0, m.start()) for c in ".;,\n(") + 1
            named = party_mentions(head, max(clause, m.start() - 60), m.start())
            if named:
                found.setdefault(surname, set()).add(canonical(named[-1][2]) or named[-1][2])
        wartime = self._wartime_names()
        for m in _TITLED_LEADER.finditer(head):
            party = canonical(m.group("party")) or wartime.get(m.group("party"))
            surname = m.group("name").split()[-1]
            if party and not lx.party_of(surname) and surname.lower() not in lx.not_person_words:
                found.setdefault(surname, set()).add(party)  # `Lee's army` after `Confederate General Robert E. Lee`
        led = {w: next(iter(p)) for w, p in found.items()
               if len(p) == 1 and not re.search(rf"\b{re.escape(w.lower())}\b", head)}
        if led:
            self._led_re = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(led, key=len, reverse=True)) + r")\b")
        return led

    def _column_mentions(self, mentions: list[tuple[int, int, str]]) -> list[int]:
        out = []
        for _, _, party in mentions:
            hit = self.party(party)
            if hit is not None and hit[0] in self.columns:
                out.append(hit[0])
        return out

    def demonym_in(self, text: str, start: int, end: int, member: bool = True) -> Side | None:
        """A side named inside ``text[start:end]`` (an infobox value such as `50,000 Azerbaijanis`)."""
        for m in self._mentions(text, start, end):
            side = self.side_for_mention(m.group("d"), f"the figure names {m.group(0)}", member)
            if side is not None:
                return side
        return None
