"""Figures in text with what they count and what happened to it.

A figure is a number expression (``numbers.find_numbers``) read with the words around it:

- its **bounds**: a qualifier before (`about`, `more than`, `up to`, `as few as`), a range
  (`35–58`, `between 300 and 400`, `45[11]-55`), a mark after (`1,000+`, `or more`, `(est.)`);
- its **noun phrase**: modifiers and a head noun from the lexicon (`4,000 servicemen`,
  `62 tanks`, `3,048 Ukrainians`), or a partitive (`16 out of the 481 militants`, `four of
  whom`, `Seventeen of those victims`), with a prepositional phrase that can name a party
  (`fighters from YPG`, `soldiers of Ukraine's 36th Marine Brigade`);
- its **predicate**: what happened (`were killed`, `surrendered`, `shot down`, `numbered`)
  after the noun phrase, a verb or noun before the number (`killing 12`, `the deaths of
  5,400`), or a subject noun linked to it (`the death toll was 71`, `losses were 15,000`).

The predicate and noun decide the category (killed, wounded, captured, tanks, troops...), and
the category the claim kind. Every word list is lexicon data. ``read_figures`` returns one
``Figure`` per number that is a figure; the sentence-level work (lists sharing a predicate,
sides named by scope, attribution) is the caller's.
"""

from __future__ import annotations

import re
from functools import cache

from attrs import evolve, frozen

from claims.extract.numbers import ARTICLE_BEFORE_NUMBER, FOOTNOTE, NumberExpr, find_numbers
from claims.lexicon import NounSense, lexicon, phrase_pattern
from claims.model import Category, Kind, Population, Qualifier, UncertainDate

__all__ = ["EQUIPMENT", "Figure", "LOSSES", "is_population", "kind_for", "party_mentions", "predicate_after", "read_figures"]

EQUIPMENT = frozenset({
    Category.TANKS, Category.ARMOURED_VEHICLES, Category.ARTILLERY, Category.AIRCRAFT,
    Category.HELICOPTERS, Category.VEHICLES, Category.SHIPS, Category.DRONES, Category.MISSILES, Category.SMALL_ARMS,
    Category.POSITIONS,
})
LOSSES = frozenset({
    Category.KILLED, Category.WOUNDED, Category.MISSING, Category.KILLED_OR_MISSING,
    Category.KILLED_OR_WOUNDED, Category.CASUALTIES,
})


@frozen
class Figure:
    """One figure found in text, with the parts a claim is built from.

    ``start``/``end`` cover the figure as a reader quotes it (qualifier, number, noun phrase
    and a predicate right after it); ``number_start``/``number_end`` the number itself;
    ``np_end`` the end of its noun phrase with any prepositional phrase (where a list's next
    member may start). ``category`` is None when nothing says what the number counts (the
    caller may still give it one: a list's shared predicate, an infobox field).
    """

    start: int
    end: int
    number_start: int
    number_end: int
    np_end: int
    low: int | None
    high: int | None
    qualifier: Qualifier
    vague: bool
    category: Category | None
    population: Population
    lost: bool
    noun: str | None
    noun_group: str | None
    """`people`, `loss`, `equipment`, `territory`, `units` (NounSense.group) or None."""
    predicate: str | None
    """The predicate words that gave the category (`were killed`, `the deaths of`)."""
    predicate_after: bool
    """The predicate follows the noun phrase (it may then be shared by a list before it)."""
    party_mentions: tuple[tuple[int, int, str], ...]
    """Parties named inside the figure's own noun phrase: (start, end, party)."""
    relative_side: str | None
    """`own` (`its soldiers`, `their own losses`) or `enemy` (`enemy tanks`), else None."""
    spelled: bool
    increment: bool
    year_like: bool
    anaphoric: bool = False
    """`40 more`, `10 others`, `four of whom`, `another 50`: what it counts is said before it."""
    note_claimant: tuple[int, int] | None = None
    """A claimant in a note right after the figure (`58 killed (separatist claim)`)."""
    note_hedge: str | None = None
    """`estimated`, `official` or `unnamed_source` when a note after the figure says so."""
    as_of: UncertainDate | None = None
    """The date the figure holds for, from a note (`3,500 servicemen (December 1993)`)."""
    role: str | None = None
    """A role the measure before a bare number names (`put militant deaths at 920`: `militants`)."""

    @property
    def kind(self) -> Kind | None:
        return kind_for(self.category, self.lost) if self.category is not None else None


def kind_for(category: Category, lost: bool = False) -> Kind:
    """The claim kind for a category."""
    if category in (Category.CAPTURED,):
        return Kind.CAPTURED
    if category in (Category.DISPLACED, Category.REFUGEES):
        return Kind.DISPLACED
    if category in EQUIPMENT:
        return Kind.EQUIPMENT
    if category in LOSSES:
        return Kind.CASUALTIES
    if category in (Category.TROOPS, Category.UNITS):
        return Kind.STRENGTH
    if category in (Category.VILLAGES, Category.AREA):
        return Kind.TERRITORY
    return Kind.OTHER


# --- patterns built from the lexicon ---------------------------------------------------------

_WS = r"[ \t\u00a0]+"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    lx = lexicon()
    quals = {q: phrase_pattern(words) for q, words in lx.qualifiers_before.items()}
    qual_alt = "|".join(f"(?P<q_{q}>{p})" for q, p in quals.items())
    after_quals = {q: phrase_pattern(words) for q, words in lx.qualifiers_after.items()}
    return {
        # A qualifier right before a number (the window ends at the number).
        "qual_before": re.compile(rf"(?i)(?:{qual_alt})[ \t\u00a0]*(?:a\s+total\s+of\s+)?$"),
        "after_at_least": re.compile(rf"(?i)[ \t]*{after_quals['at_least']}"),
        "after_approx": re.compile(rf"(?i)[ \t]*{after_quals['approx']}"),
        "nouns": re.compile(phrase_pattern(lx.nouns), re.I),
        "not_figure": re.compile(rf"[ \t\u00a0]*-?{phrase_pattern(lx.not_figure_nouns)}", re.I),
        "pred_after": re.compile(phrase_pattern(lx.predicates_after), re.I),
        "civilians_moved": re.compile(phrase_pattern(lx.civilian_movements), re.I),
        "pred_before": re.compile(
            rf"(?i)(?P<p>{phrase_pattern(lx.predicates_before)})[\"”’']?[ \t]+"
            rf"(?:(?:the|a|an|some|another|an\s+additional|a\s+further|nearly|almost|at\s+least|about|around|over|more\s+than|up\s+to|as\s+many\s+as|roughly|approximately|estimated|an\s+estimated|its|their|his|her|our"
            rf"|only|just|merely|a\s+mere|a\s+total\s+of|no\s+fewer\s+than|no\s+more\s+than|fewer\s+than|less\s+than)[ \t]+)*[\"“'‘]?$"
        ),
        "subject_link": re.compile(
            rf"(?i)(?P<n>{phrase_pattern(lx.subject_nouns)})"
            # An aside between the noun and its verb (`The toll, provided by the ministry, stood
            # at`, `The number of wounded, officials said, had reached`).
            # (a word may be an abbreviation: `The toll since Nov. 15 had risen to`)
            rf"(?:(?P<mid>(?:[ \t]+[\w'’\-]+\.?){{0,12}}?(?:[ \t]*,[^,.;:\n\d]{{2,80}},(?:[ \t]+[\w'’\-]+){{0,3}}?)?)"
            rf"[ \t]+(?:{phrase_pattern([w for w in lx.subject_links if w not in ('of', 'at', 'to')])})"
            # `Russian losses were heavier, at some 45,000`, `losses were severe: 13,773 men`: how
            # heavy, before the figure.
            rf"(?:[ \t]+(?:far|much|even|slightly|somewhat|considerably|very|extremely)?[ \t]*[a-z]+(?:[,:]|,?[ \t]+at))?"
            rf"|[ \t]+(?:of|at|to)"
            # `military deaths well below 10,000`: a bound right after the noun links it
            rf"|(?=[ \t]*$))"
            rf"[ \t]+(?:(?:{qual_alt_plain(lx)})[ \t]+){{0,2}}$"
        ),
        # `German losses during Operation Citadel are given by Frieser as 54,182 men`: a
        # passive with its source between the measure and the figure.
        "passive_link": re.compile(
            rf"(?i)(?P<n>{phrase_pattern(lx.subject_nouns)})(?P<mid>(?:[ \t]+[\w'’\-]+){{0,8}}?)[ \t]+"
            rf"(?:is|are|was|were|has[ \t]+been|have[ \t]+been)[ \t]+(?:given|put|estimated|reckoned|assessed|calculated|placed)"
            rf"[ \t]+by[ \t]+(?:[\w'’.\-]+[ \t]+){{1,6}}?(?:as|at)[ \t]+(?:{qual_alt_plain(lx)}[ \t]+)?$"
        ),
        # `put total losses on both sides at 90,000`, `estimate Italian dead at 20,000`: the
        # noun the verb puts at the number says what it counts.
        "put_subject": re.compile(
            rf"(?i)\b(?:put|puts|putting|placed|places|placing|estimated|estimates|estimate|estimating|set|sets|setting)[ \t]+"
            rf"(?P<np>(?:[\w'’\-]+[ \t]+){{0,5}}?(?P<n>{phrase_pattern(lx.subject_nouns)})(?:[ \t]+[\w'’\-]+){{0,8}}?)"
            # `put the death toll as high as 150,000`: the bound stands for `at` (see _AS_BOUND);
            # `puts the French losses higher, at 45,000`.
            rf"(?:[ \t]+(?:much[ \t]+|even[ \t]+|far[ \t]+)?(?:higher|lower),?)?"
            rf"[ \t]+(?P<at>at[ \t]+(?:{qual_alt_plain(lx)}[ \t]+)?)?$"
        ),
        # `raised to 18 the number of Marines killed`: the count before what it counts (after
        # a verb that sets it, see _SET_TO).
        "inverted_subject": re.compile(
            rf"(?i)[ \t]+the[ \t]+(?P<np>(?:[\w'’\-]+[ \t]+){{0,4}}?(?P<n>{phrase_pattern(lx.subject_nouns)}))\b"
        ),
        # `bringing its losses in the ground operation to 260`: a running count brought to it.
        "brought_subject": re.compile(
            rf"(?i)\b(?:bringing|brings|bring|brought|raising|raises|raised|taking|takes|took|pushing|pushes|pushed"
            rf"|revised|revises|revising)[ \t]+"
            rf"(?P<np>(?:[\w'’\-]+[ \t]+){{0,5}}?(?P<n>{phrase_pattern(lx.subject_nouns)})(?:[ \t]+[\w'’\-]+){{0,5}}?)"
            rf"[ \t]+to[ \t]+(?:{qual_alt_plain(lx)}[ \t]+)?$"
        ),
        "line_label": re.compile(
            # `tanks – 1,358`, `personnel: about 40,120`, a table row `| Tanks | 1,358 |`.
            # (`Refugees abroad: 6.3 million`: a word or two may follow the noun)
            # (a party's name or a modifier may open it, and what happened to them close it:
            # `ISIL vehicles destroyed: 45`, `Aircraft lost over the valley: 62`)
            rf"(?im)^[ \t]*(?:[•*·\-–—|][ \t]*|\(?(?:\d{{1,2}}|[a-z])[.)][ \t]+)?(?:[A-Z][\w\-]*[ \t]+){{0,2}}?(?P<l>{phrase_pattern(lx.nouns)})"
            rf"(?P<after>(?:[ \t]+[a-z][a-z\-]+){{0,2}}|[ \t]+(?:{phrase_pattern(lx.predicates_after)})(?:[ \t]+[a-z][a-z\-]+){{0,3}})[ \t]*(?:\([^()\n]{{0,30}}\)[ \t]*)?"
            rf"(?::|[ \t][–—‒\-]|\||{LEADER})[ \t]*(?:{qual_alt_plain(lx)}[ \t]+)?$"
        ),
        "gapped_before": re.compile(
            rf"(?:\band|,|;|\bwhile|\bwhereas|\bagainst|\bversus|\bvs\.?)[ \t]+(?:(?i:the)[ \t]+)?"
            rf"(?P<who>[A-Z][\w\-]+(?:[ \t]+[A-Z][\w\-]+){{0,2}})(?:['’]s?)?[ \t]+(?:(?i:{qual_alt_plain(lx)})[ \t]+)?$"
        ),
        "range_open": re.compile(rf"(?i)(?:{phrase_pattern(lx.range_openers)})[ \t]+$"),
        # `The total number of enemy tanks destroyed has reached 188`, `the number of aircraft
        # shot down ... stands at 87`: what happened to what is counted, before its link.
        "number_of": re.compile(
            rf"(?i)\bnumber[ \t]+of[ \t]+(?P<np>(?:[\w'’\-]+[ \t]+){{0,4}}?)(?P<p>{phrase_pattern(lx.predicates_after)})\b"
            rf"(?:[ \t]+[\w'’\-]+){{0,12}}?[ \t]+(?:{phrase_pattern([w for w in lx.subject_links if w not in ('of', 'to')])})"
            rf"[ \t]+(?:{qual_alt_plain(lx)}[ \t]+)?$"
        ),
    }


def qual_alt_plain(lx) -> str:
    return phrase_pattern([w for words in lx.qualifiers_before.values() for w in words if w[:1].isalpha()])


_BETWEEN = re.compile(r"(?i)between\b")
_AS_BOUND = re.compile(r"(?i)as[ \t]+(?:high|many|much|low|few)[ \t]+as\b")
# (`from 300 to as many as 1,000`: the bound words inside a range are part of its upper end)
_RANGE_SEP = re.compile(rf"[ \t]*(?:{FOOTNOTE})*[ \t]*(?:[-–—]|(?i:to|and))[ \t]*(?:(?:as[ \t]+many[ \t]+as|as[ \t]+high[ \t]+as|perhaps|possibly|maybe|nearly|almost|about|around|some|over|more[ \t]+than)[ \t]+)?")
_OR_SEP = re.compile(r"[ \t]+or[ \t]+")
_AUX = frozenset(
    "were was are is be been being have has had also all now already since then later subsequently "
    "eventually officially reportedly allegedly reported said believed thought feared presumed "
    "estimated to who that which whom apparently likely probably possibly either both each "
    "just only still further additionally altogether in total overall so far may might could would must "
    "will shall fact indeed reality effect considered listed declared claimed confirmed assessed "
    "understood known alleged rumoured rumored suspected assumed".split()  # (`had in fact been killed`,
    # `are considered missing`)
)
# Where the people a figure counts were, between them and their predicate (`in the camp`).
_PLACE_PP = re.compile(r"(?:in|at|on|inside|aboard)[ \t]+(?:the|a|an|its|their|his|her)[ \t]+(?:[a-z][\w'’\-]*[ \t]+)?[a-z][\w'’\-]*(?=[ \t])")
# Words of `_AUX` that a prepositional phrase may hold (`fighters from both sides died`).
_QUANTIFIERS_IN_PP = frozenset("to that who which whom both each either all".split())
# Words ending like a person's role that are comparatives or adverbs (`is lower`, `was higher`).
_COMPARATIVES = frozenset(
    "lower higher greater fewer larger smaller later earlier bigger heavier lighter longer shorter "
    "further farther rather never ever over under after either neither other another whether".split()
)
_STOP_MODIFIER = frozenset(
    "of in on at to from by with for into onto over under after before during since until than as "
    "and or but nor were was are is be been have has had who which that whom whose the a an this "
    "these those there here it its their his her our my your we they he she i you will would could "
    "should may might must can not no".split()
)
# (a calibre between a number and its weapons: `12 105mm howitzers`, `twelve 81 mm mortars`)
_WORD_RE = re.compile(r"[A-Za-zÀ-ÿ][\w'’\-\.]*|\d+(?:\.\d+)?[ \-]?(?:mm|cm)\b|\d+-(?:pdr|pounders?)\b|\d+(?:st|nd|rd|th)")
_PARTITIVE = re.compile(
    r"(?i)[ \t]+(?:out[ \t]+)?of[ \t]+(?:(?P<pron>them|whom|which|us)\b|(?:the|its|their|our|his|her|my|your|those|these|all)\b|(?=\d))"
)
_SPACES = re.compile(r"[ \t\u00a0]*")
_NUMBER_THEN_LABEL = re.compile(r"[ \t]*[:–—][ \t]*")
_LINE_OPENS = re.compile(r"[ \t]*(?:[-*•–][ \t]*)?")
_FOOTNOTES_RE = re.compile(rf"(?:{FOOTNOTE})+")
_PLUS = re.compile(r"\+(?!\d)")
_IN_PLACE = re.compile(r"(?i)\b(?:in|at|near|across|around|inside|throughout)[ \t]+(?:the[ \t]+)?$")
_MODIFIERS_BEFORE = re.compile(r"(?:[\w'’\-]+[ \t]+){0,4}$")
_SPACE_BEFORE_WORD = re.compile(r"[ \t]+(?=[A-Za-z])")
_IN_THE = re.compile(r"(?i)\bin[ \t]+the[ \t]+$")
_VAGUE_OF = re.compile(r"[ \t]+of[ \t]+(?!(?:the|its|their|his|her|our|those|these|them|whom)\b)(?=[a-z])")
_OPEN_QUOTES = frozenset("\"“‘'")
_CLOSE_QUOTES = frozenset("\"”’'")
_AND_HEAD = re.compile(r"[ \t]+(?:and|or|&)[ \t]+")
_MODIFIER_WORD = re.compile(r"[A-Za-z][a-z]*(?:-[A-Za-z][a-z]*)*")
_NUMBER_AHEAD = re.compile(r"[ \t]*[\d,]+")
_LETTERS = re.compile(r"[A-Za-z]+")
_NAME_WORDS = re.compile(r"[A-Za-zÀ-ÿ][\w'’\.\-]*")
_PARTY_RUN = re.compile(r"[ \t]+((?:[A-Z][\w\-]*|&|and)(?:[ \t]+(?:[A-Z][\w\-]*|&|and))*)(?=[ \t]*(?:\(|\[|$|,|;|\n))")
_PARTY_HEAD = re.compile(r"[ \t]+([A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*){0,2})(?=[ \t]+[a-z])")
# Dot leaders between a table row's label and its number (`Killed in action ........ 2,242`).
LEADER = r"[ \t]*(?:\.[ \t]?){3,}|[ \t]*…+[ \t]*(?:…+[ \t]*)*"
_LEADER_BEFORE = re.compile(rf"(?:{LEADER})[ \t]*$")
_LABEL_WORDS = (r"(?P<l>killed|dead|deaths|wounded|injured|missing|mia|kia|wia|captured|pows?|prisoners|casualties"
                r"|losses|displaced|refugees|killed\s+or\s+missing|(?:killed|wounded|missing)\s+in\s+action)")
_LABEL_BEFORE = re.compile(rf"(?i)\b{_LABEL_WORDS}[ \t]*(?::|[ \t][–—‒\-]|{LEADER})[ \t]*$")
# A line that sets its label apart from its number by a run of spaces (`Missing      1,624`).
_COLUMN_LABEL = re.compile(rf"(?im)^[ \t]*(?:[-•*·][ \t]*)?{_LABEL_WORDS}(?:[ \t]{{2,}}|\t)[ \t]*$")
# A key-figures line whose label opens with what it counts and says where or since when
# (`Killed in El Fasher since 10 May: 134`, `Total militia dead on Marib fronts: over 3,500`).
_KEY_FIGURE_LABEL = re.compile(
    r"(?im)^[ \t]*(?:[-•*·][ \t]*)?(?:(?:total|cumulative|confirmed|reported|newly|new)[ \t]+)?(?:[\w\-]+[ \t]+){0,4}?"
    r"(?P<l>killed|dead|deaths|wounded|injured|missing|captured|prisoners|casualties|displaced|refugees|bodies"
    r"|neutrali[sz]ed|eliminated)"
    rf"\b[^:\n.;!?]{{1,70}}?(?::|{LEADER})[ \t]*(?:(?:over|more[ \t]+than|at[ \t]+least|about|some|nearly|up[ \t]+to|around)[ \t]+)?$")
_OBJECT = re.compile(r"(?i)[ \t]+(?:\d|(?:a|an|the|their|its|his|her|our|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|dozens|hundreds|thousands|more|control)\b)")
_ROLE = re.compile(r"[ \t]+(?:[a-z][a-z\-]+[ \t]+){0,2}(?P<w>[a-z][a-z\-]*(?:er|or|ist|ian|ant|ent|man|men|woman|women|ee|eer)s?)\b")
_COPULA = re.compile(
    r"(?i)[ \t]+(?:were|are|was|is|had\s+been|have\s+been|has\s+been)[ \t]+"
    r"(?:(?:all|mostly|also|reportedly|believed\s+to\s+be|thought\s+to\s+be|said\s+to\s+be|identified\s+as|reported\s+to\s+be|confirmed\s+as)[ \t]+)*"
)
_SCOPE_BEFORE = re.compile(
    r"(?i)\b(?:of|among)[ \t]+(?:those|the|these|all[ \t]+the)[ \t]+(?:[\w\-]+[ \t]+){0,2}?"
    r"(?P<w>killed|dead|wounded|injured|victims|casualties|deaths|fatalities|missing|captured|prisoners|displaced)\b"
)
_ANOTHER = re.compile(r"(?i)\b(?:another|a\s+further|an\s+additional|plus(?:\s+another)?|and\s+another)[ \t]+$")
_SPACES_QUOTES = re.compile(r"[ \t\u00a0\"“”'‘’]*")
#: A parenthetical between a noun phrase and its predicate: `, including fighters,`,
#: `, among them 51 wounded,`, `(of which 4,436 wounded)`.
_PARENTHETICAL = re.compile(
    r"(?i),[ \t]*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which|mostly|most\s+of\s+them|many\s+of\s+them|all\s+of\s+them|both|either)\b"
    # (a rank's full stop is no clause end: `, including two cadres of Lt. Col. rank,`)
    r"(?:[^,;:.()]|(?<=\d)[,.](?=\d{3})|(?<=\b[A-Z][a-z])\.(?=[ \t])|(?<=\b[A-Z][a-z]{2})\.(?=[ \t])){1,80},|\([^()\n]{1,80}\)"
)
_PP = re.compile(r"(?i)[ \t]+(?P<p>of|from|with|among|belonging\s+to|supporting|serving\s+in|serving\s+with|attached\s+to"
                 r"|on(?=[ \t]+(?:both|each|either|the[ \t]+[\w\-]+[ \t]+side)\b))[ \t]+")
_CLAUSE_END = re.compile(r"[,;:.!?()\[\]\"“”]|\s(?:or|but|while|whereas|including)\s|\sand\s+(?=[\d~]|(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an|another|some|about|around|over|at)\s)", re.I)


def party_mentions(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Parties named by the capitalised words (or acronyms) in ``text[start:end]``, with
    multi-word names tried first (`Islamic State`, `South Ossetian`)."""
    if start >= end:
        return []
    # What is found depends on the characters of the range alone (no word boundary or
    # look-behind reaches out of it), so it is kept by those characters: a figure's words,
    # its clause and its sentence are asked about several times, and stock phrases recur.
    piece = text[start:end]
    known = _SPAN_PARTIES.get(piece)
    if known is None:
        known = tuple(_party_mentions(piece, 0, len(piece)))
        if len(piece) <= _SPAN_PARTIES_LONGEST and len(_SPAN_PARTIES) < 50_000:
            _SPAN_PARTIES[piece] = known
    return [(s + start, e + start, party) for s, e, party in known]


_SPAN_PARTIES: dict[str, tuple[tuple[int, int, str], ...]] = {}
_SPAN_PARTIES_LONGEST = 400


def _party_mentions(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    lx = lexicon()
    found: list[tuple[int, int, str]] = []
    words = [(m.start(), m.end(), m.group(0)) for m in _NAME_WORDS.finditer(text, start, end)]
    starts = lx.party_first_words
    i = 0
    while i < len(words):
        hit = None
        s, _, first = words[i]
        key = first.lower().rstrip(".").removesuffix("’s").removesuffix("'s").rstrip("'’")
        if not (first[:1].isupper() or _ARTICLE_PREFIX.match(first)) or (key not in starts and key.rstrip("s") not in starts
                                       and key.removesuffix("es") not in starts and first not in lx.party_acronyms
                                       and not ("-" in first and _LED_BY.fullmatch(first))):
            i += 1
            continue
        for n in (4, 3, 2, 1):
            if i + n > len(words):
                continue
            e = words[i + n - 1][1]
            phrase = text[s:e]
            party = _party_of_phrase(phrase)
            if party is not None:
                hit = (s, e, party, n)
                break
        if hit is not None:
            found.append(hit[:3])
            i += hit[3]
        else:
            i += 1
    return found


_PHRASE_PARTIES: dict[str, str | None] = {}
_POSSESSIVE_END = re.compile(r"['’]s?$")
# An Arabic article before a capitalised name: `al-Shabaab`, `el-Fasher`, `ad-Dawla`.
_ARTICLE_PREFIX = re.compile(r"(?:al|el|ad|ar|as|an|at|az|ash)-[A-Z]")


# A party leading a coalition or named with a word for its own forces, in one hyphenated word
# (`Saudi-led`, `Russian-terrorist`, `Russian-separatist`); `Russian-backed` and `pro-Russian`
# name its allies, not the party.
_LED_BY = re.compile(r"([A-Z][\w.]*)-(?:led|terrorist|fascist|separatist|occupation|occupying)")


def _party_of_phrase(phrase: str) -> str | None:
    """The party a run of capitalised words names (memoised: the same runs recur)."""
    if phrase in _PHRASE_PARTIES:
        return _PHRASE_PARTIES[phrase]
    lx = lexicon()
    found = None
    for candidate in (phrase, _POSSESSIVE_END.sub("", phrase.rstrip(".")), phrase.rstrip(".")):
        found = lx.party_of(candidate)
        if found is not None:
            break
    led = _LED_BY.fullmatch(phrase) if found is None else None
    if led is not None:
        found = lx.party_of(led.group(1))  # `Saudi-led coalition`, `Russian-terrorist forces`: that party's side
    # `pro-Russian`, `Russian-backed`: allied with a party, not that party (no entry matches).
    if len(_PHRASE_PARTIES) < 100_000:
        _PHRASE_PARTIES[phrase] = found
    return found


def read_figures(
    text: str,
    lo: int = 0,
    hi: int | None = None,
    *,
    excluded: list[tuple[int, int]] = (),
    field: bool = False,
    default_year: int | None = None,
) -> list[Figure]:
    """Every figure in ``text[lo:hi]`` (a sentence, or an infobox cell when ``field``).

    In a field a bare number is a figure (the field says what it counts); in prose a number
    needs a noun, a predicate or a qualifier to be one, and a year (`In 1994`) or a number
    inside ``excluded`` (dates) never is."""
    hi = len(text) if hi is None else hi
    numbers = [n for n in find_numbers(text, lo, hi) if not any(a <= n.start < b for a, b in excluded)
               and not (not n.spelled and _NAMED_BY_NUMBER.search(text, max(lo, n.start - 16), n.start))]
    figures: list[Figure] = []
    skip_until = lo
    i = 0
    while i < len(numbers):
        n = numbers[i]
        if n.start < skip_until:
            i += 1
            continue
        second = None
        if i + 1 < len(numbers):
            sep = _RANGE_SEP.match(text, n.end, numbers[i + 1].start)
            if sep is not None and sep.end() == numbers[i + 1].start and numbers[i + 1].spelled == n.spelled:
                second = numbers[i + 1]
            elif n.spelled == numbers[i + 1].spelled and n.value < numbers[i + 1].value <= max(2 * n.value, n.value + 10) \
                    and _OR_SEP.fullmatch(text, n.end, numbers[i + 1].start):
                # `seven or eight fighters`, `30 or 40 men`, `two or three thousand`: one vague
                # count between the two
                second = numbers[i + 1]
        figure = _read_one(text, lo, hi, n, second, field)
        if figure is not None:
            figure = _with_note(text, figure, hi, default_year)
            figures.append(figure)
            skip_until = figure.np_end
            whole = None if field else next(
                ((m, of) for m in numbers[i + 1:i + 3] if figure.number_end < m.start < figure.np_end
                 and (of := _OF_THE_WHOLE.search(text, max(lo, m.start - 12), m.start)) is not None), None)
            if whole is not None:
                # `1,173 of the 1,407 men in the camp were killed`: the whole is a figure too,
                # of what its noun counts (what befell the part is not said of it)
                counted = _read_one(text, lo, figure.np_end, whole[0], None, field)
                if counted is not None and counted.category is Category.TROOPS and counted.predicate is None:
                    figures.append(evolve(counted, predicate=whole[1].group(0).strip()))  # (settled: the whole, no loss)
            i += 2 if second is not None and figure.high is not None and figure.number_end >= second.end else 1
        else:
            i += 1
    taken = [(f.start, f.np_end) for f in figures]
    figures.extend(_article_figures(text, lo, hi, taken))
    if "no" in text[lo:hi].lower():
        figures.extend(_zero_figures(text, lo, hi, taken))
    if "%" in text[lo:hi] or "cent" in text[lo:hi]:
        figures.extend(_share_figures(text, lo, hi, taken))
    figures.sort(key=lambda f: f.start)
    return figures


_OF_THE_WHOLE = re.compile(r"(?i)\bof[ \t]+(?:the|its|their|our|his|her)[ \t]+$")
_NEXT_WORD = re.compile(r"[\w'’\-]+[ \t]+")
# A number that is part of a name, not a count: `Hill 303`, `Height 776`, `Route 66`, `Flight
# 17`, `Resolution 242`.
_NAMED_BY_NUMBER = re.compile(
    r"\b(?:Hill|Heights?|Point|Route|Highway|Road|Outpost|Camp|Checkpoint|Objective|Sector|Block|Kilometre|Kilometer"
    r"|Km|Flight|Resolution|Article|Hangar|Bunker|Gate|Pier|Berth|Quay|Platform|Junction)[ \t]+(?:No\.[ \t]*)?$"
)
_SHARE = re.compile(
    r"(?<![\w.,])(?P<a>\d{1,3})(?:[ \t]*[-–][ \t]*(?P<b>\d{1,3}))?[ \t]*(?:%|per[ \t]?cent\b|percent\b)(?![\w])",
    re.I,
)
_TERRITORY_VERB = re.compile(
    r"(?i)\b(?:control(?:s|led|ling)?|captur(?:e|es|ed|ing)|recaptur(?:e|es|ed|ing)|hold(?:s|ing)?|held|seiz(?:e|es|ed|ing)"
    r"|took|tak(?:e|es|en|ing)|retook|lost|los(?:e|es|ing)|occup(?:y|ies|ied|ying)|liberat(?:e|es|ed|ing))\b"
)


def _share_figures(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[Figure]:
    """Percentages: `controls 40 percent of the city` is territory, `90% of its forces have
    evacuated` a share of something. Kept apart (category share) so a share is never compared
    with a count; a census share in brackets after a figure (`31,445 Serbs (37.4%)`) is none."""
    out = []
    for m in _SHARE.finditer(text, lo, hi):
        if any(a <= m.start() < b for a, b in taken) or text[max(lo, m.start() - 1):m.start()] == "(":
            continue
        low_v, high_v = int(m.group("a")), int(m.group("b") or m.group("a"))
        if high_v < low_v or high_v > 100:
            continue
        start, end = m.start(), m.end()
        qualifier = Qualifier.RANGE if m.group("b") else Qualifier.EXACT
        qm = _patterns()["qual_before"].search(text, max(lo, start - 40), start)
        if qm is not None and qualifier is Qualifier.EXACT:
            q = next(k for k, v in qm.groupdict().items() if v is not None)[2:]
            qualifier = {"approx": Qualifier.APPROX, "at_least": Qualifier.AT_LEAST, "at_most": Qualifier.AT_MOST}[q]
            start = qm.start()
        tail = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?[\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]*)*").match(text, end, hi)
        if tail:
            end = tail.end()
        after = predicate_after(text, end, hi)
        military = tail is not None and _patterns()["nouns"].search(text, tail.start(), tail.end()) is not None and any(
            lexicon().nouns.get(_fold(w), NounSense("", "", "")).category == "troops"
            for w in re.findall(r"[\w'’\-]+", text[tail.start():tail.end()]))
        if after is not None and after[1] in ("displaced", "killed", "wounded", "captured") and not (
                military and after[1] == "displaced"):
            category, kind_end = Category(after[1]), after[2]
            end = kind_end
        elif _TERRITORY_VERB.search(text, max(lo, start - 40), start):
            category = Category.AREA
        else:
            category = Category.SHARE
        out.append(Figure(
            start=start, end=end, number_start=m.start(), number_end=m.end(), np_end=end,
            low=None if qualifier is Qualifier.AT_MOST else low_v,
            high=None if qualifier is Qualifier.AT_LEAST else high_v, qualifier=qualifier, vague=False,
            category=category, population=Population.UNKNOWN, lost=False, noun="percent", noun_group="share",
            predicate=None, predicate_after=False, party_mentions=tuple(party_mentions(text, max(lo, start - 60), start)),
            relative_side=None, spelled=False, increment=False, year_like=False,
        ))
    return out
_ARTICLE = re.compile(r"(?i)(?<![\w\-])(?:a|an)[ \t]+(?=[a-z])")
# `did not kill a single civilian`: the negated one is a count of zero (a loss denied, `has not
# lost a single aircraft`, stays a negated claim of one: the loss the speaker says did not happen).
_NEGATED_BEFORE = re.compile(r"(?i)\b(?:not|never|n't)(?P<verb>[ \t]+(?!los[et]|losing|suffer|sustain)[a-z]+)?[ \t]+$")


def _article_figures(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[Figure]:
    """`a helicopter was shot down`, `denied losing a helicopter`, `A volunteer with YPG also
    died`: one of something, counted only when a predicate says what happened to it."""
    out = []
    nouns = _patterns()["nouns"]
    for m in _ARTICLE.finditer(text, lo, hi):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if ARTICLE_BEFORE_NUMBER.match(text, m.end() - 1, hi):
            continue  # `a further five men`: the number after it counts them
        # Only before a noun the lexicon knows, right away or after a word or two (`a government
        # helicopter`, `a US MQ-9 drone`).
        at = m.end()
        for _ in range(3):
            if nouns.match(text, at, hi) is not None:
                break
            nxt = _NEXT_WORD.match(text, at, hi)
            at = nxt.end() if nxt is not None else hi
        else:
            continue
        if at >= hi:
            continue
        number = NumberExpr(m.start(), m.end() - len(text[m.start():m.end()]) + len(text[m.start():m.end()].rstrip()), 1,
                            spelled=True, article=True)
        figure = _read_one(text, lo, hi, number, None, False)
        if figure is None or figure.predicate is None or figure.noun_group not in ("people", "equipment"):
            continue
        if figure.noun is None or _fold(figure.noun) not in lexicon().nouns:
            continue  # `a female commander`: one person named by role is no count
        negated = _NEGATED_BEFORE.search(text, max(lo, m.start() - 30), m.start())
        if negated is not None and negated.group("verb") is None:
            continue  # `Not a single civilian was killed`: a zero count, read as one
        out.append(figure if negated is None else evolve(figure, low=0, high=0, qualifier=Qualifier.EXACT))
    return out


# `No Irish soldier was killed`, `none of the crew were hurt`, `suffered no fatalities`: a
# count of zero, stated as a negation.
_ZERO = re.compile(r"(?<![\w-])(?:(?P<verb>(?:suffered|sustained|reported|recorded|had|has|have|were|was)[ \t]+)?(?:[Nn]o|[Nn]ot[ \t]+(?:a[ \t]+single|one(?:[ \t]+single)?))"
                   r"|[Nn]one[ \t]+of[ \t]+(?:the|its|their|our|his|her)(?:[ \t]+own)?)(?=[ \t]+[A-Za-z])")


def _zero_figures(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[Figure]:
    """Zero counts: a people or equipment noun with a loss predicate after `no` or `none of
    the`, or a loss noun after a verb of suffering (`reported no casualties`)."""
    out = []
    for m in _ZERO.finditer(text, lo, hi):
        start = m.end("verb") if m.group("verb") else m.start()
        if any(a <= start < b for a, b in taken):
            continue
        number = NumberExpr(start, m.end(), 0, spelled=True)
        figure = _read_one(text, lo, hi, number, None, False)
        if figure is None or figure.noun is None or (_fold(figure.noun) not in lexicon().nouns
                                                     and figure.noun.lower() not in lexicon().people_plurals):
            continue  # (`no Americans were killed`: a people's plural)
        if figure.noun_group == "loss" and m.group("verb") is None and re.match(r"[ \t]*[.!]?[ \t]*$", text[figure.np_end:hi]) is None:
            continue  # `no casualty figures were given`: no count of zero (`No KDF casualties.` alone is one)
        if figure.noun_group in ("people", "equipment") and figure.predicate is None:
            continue  # `no soldiers` with nothing said of them
        if figure.noun_group not in ("people", "equipment", "loss") or figure.category not in LOSSES | EQUIPMENT | {Category.CAPTURED}:
            continue
        out.append(evolve(figure, low=0, high=0, qualifier=Qualifier.EXACT))
    return out


_YEAR = re.compile(r"(?:1[0-9]|20)\d\d")


# A verb that sets a count, before the count and what it counts (`raised to 18 the number of`).
_SET_TO = re.compile(
    r"(?i)\b(?:raised|raises|raising|lowered|lowers|lowering|revised|revises|revising|increased|increases|put|puts"
    r"|brought|brings|upped|ups|cut|cuts|reduced|reduces)(?:[ \t]+(?:up|down|upwards?|downwards?))?[ \t]+(?:to|at)[ \t]+$")


# A word that starts another clause between a measure noun and the verb linking it to the
# number: that noun is no subject of the verb (`Ten soldiers were killed and the number of
# wounded reached 40`: `wounded`, not `killed`).
_CLAUSE_BREAK = re.compile(r"(?i)\b(?:and|but|while|whereas|when|after|before|because|although|though|then|as(?![ \t]+of\b))\b")


def _subject_of(pattern: re.Pattern[str], text: str, lo: int, end: int) -> re.Match[str] | None:
    """The measure noun the linking verb before ``end`` is said of: the first one not cut off
    from the verb by another clause (`The death toll among government forces rose to`: the
    toll), else the last (`Thousands fled as the army shelled the town and the toll rose to`)."""
    found = pattern.search(text, lo, end)
    last = None
    while found is not None:
        if not _CLAUSE_BREAK.search(text, found.end("n"), found.end()):
            return found
        last = found
        found = pattern.search(text, found.end("n"), end)
    return last


# `all but two were killed`, `all but one of her 589 men`: the number is of those spared.
_ALL_BUT = re.compile(r"(?i)\ball[ \t]+but[ \t]+(?:some[ \t]+|about[ \t]+|a[ \t]+)?$")


def _unit_designation(text: str, end: int, np_end: int, value: int) -> bool:
    """A number that names a unit, not a count: a noun phrase in capitals in a line that is not
    (`the feature was secured by 18 GRENADIERS`), or a capitalised singular after a number above
    one (`41 Commando landed`)."""
    words = text[end:np_end].split()
    if not words or not all(w[:1].isupper() for w in words):
        return False
    if all(w.isupper() for w in words) and max(map(len, words)) >= 5:
        line_start = text.rfind("\n", 0, end) + 1
        line_end = text.find("\n", end)
        line = text[line_start:line_end if line_end != -1 else len(text)]
        return sum(c.islower() for c in line) > sum(c.isupper() for c in line)
    head = _fold(words[-1])
    return len(words) == 1 and words[0][1:].islower() and value > 1 and not head.endswith("s") \
        and (head + "s") in lexicon().nouns  # (not `8,290 POW dead`: an acronym counts)


def _read_one(text: str, lo: int, hi: int, n: NumberExpr, second: NumberExpr | None, field: bool) -> Figure | None:
    if _ALL_BUT.search(text, max(lo, n.start - 16), n.start):
        return None
    if _LEADER_BEFORE.search(text, max(lo, n.start - 200, text.rfind("\n", max(lo, n.start - 200), n.start) + 1), n.start):
        # A table row's number after dot leaders counts what its label says, not the next row's
        # label (`Died of wounds ....... 104` over `Missing in action ...... 171`).
        line_end = text.find("\n", n.end, hi)
        hi = line_end if line_end != -1 else hi
    p = _patterns()
    lx = lexicon()
    low: int | None = n.value
    high: int | None = n.value
    number_end = n.end
    qualifier = Qualifier.EXACT
    vague = n.vague
    if n.vague:
        qualifier = Qualifier.AT_LEAST
        high = None
    # A range: `35–58`, `6-8,000`, `between 300 and 400`. `1994-95` is no range of figures,
    # and `300 soldiers and 400 civilians` two figures.
    if second is not None:
        v1, v2 = n.value, second.value
        joiner = text[n.end:second.start]
        opener = p["range_open"].search(text, max(lo, n.start - 12), n.start)
        if re.search(r"\band\b", joiner) is None or opener is not None:
            first = text[n.start:n.end]
            lead = re.split(r"[,\s\u00a0\u202f]", text[second.start:second.end])[0]
            if first.isdigit() and len(first) <= len(lead) < len(text[second.start:second.end]) and v1 * 1000 <= v2:
                v1 *= 1000  # `6-8,000` is 6,000 to 8,000
            if v1 < v2:
                low, high = v1, v2
                number_end = second.end
                qualifier = Qualifier.RANGE
                vague = n.vague or second.vague
    start = n.start
    if qualifier is Qualifier.RANGE:
        opener = p["range_open"].search(text, max(lo, start - 12), start)
        if opener is not None:
            start = opener.start()
    # A year, a span of years or a time is no figure unless a noun says it counts people.
    year_like = (not n.spelled and _YEAR.fullmatch(text[n.start:n.end]) is not None and "," not in text[n.start:n.end])
    # Marks after the number.
    end = number_end
    increment = False
    if n.vague and (in_the := _IN_THE.search(text, max(lo, start - 10), start)) is not None:
        start = in_the.start()  # `numbered in the hundreds`, `ran into the thousands`
    if n.vague and text[max(lo, start - 1):start] in _OPEN_QUOTES and text[end:end + 1] in _CLOSE_QUOTES:
        of = _VAGUE_OF.match(text, end + 1, hi)
        if of is not None:
            # `said "dozens" of civilians had died`: the quoted word counts the noun, as `dozens of` does
            start, end = start - 1, of.end()
        elif not re.match(r"[ \t]+of\b", text[end + 1:end + 5]):
            start, end = start - 1, end + 1  # `said only that "dozens" had been wounded`: the word quoted
    fn = _FOOTNOTES_RE.match(text, end, hi)
    if fn:
        end = fn.end()
    if qualifier is Qualifier.EXACT and (about := _OR_SO.match(text, end, hi)) is not None:
        qualifier, end = Qualifier.APPROX, about.end()  # `950 or so wounded`, `a hundred or so`
    if qualifier is Qualifier.EXACT or qualifier is Qualifier.AT_LEAST:
        plus = _PLUS.match(text, end, hi)
        if plus:
            qualifier, high, end = Qualifier.AT_LEAST, None, plus.end()
        else:
            m = p["after_at_least"].match(text, end, hi)
            if m and not text[m.start():m.end()].strip().startswith("+"):
                if qualifier is Qualifier.EXACT:
                    qualifier, high, end = Qualifier.AT_LEAST, None, m.end()
    if (nf := p["not_figure"].match(text, end, hi)) is not None:
        ws = _SPACE_PAREN.match(text, end, hi)
        noun = p["nouns"].match(text, ws.end() if ws else end, hi)
        if noun is None or noun.end() <= nf.end():
            return None  # (`5,400 square kilometres` is an area, `20 kilometres` a distance)
    if low is not None and low <= 31 and not n.spelled and _MONTH_AFTER.match(text, end, hi):
        return None  # `on 27 May were shot down`: a day of a month, whatever the date reader made of it
    # A footnote marker after a bare figure is no part of it (it is the figure's citation).
    bare_end = number_end if fn is not None and end == fn.end() else end
    # A qualifier before the number.
    before_start = max(lo, start - 40)
    qm = p["qual_before"].search(text, before_start, start) if qualifier is not Qualifier.RANGE else None
    if qm is not None and qm.group(0).strip() == "+" and text[max(lo, start - 1):start] == "+" and (
            start - 1 == lo or not text[start - 2:start - 1].isalnum()):
        qm = None  # `+2,000 servicemen`: an increment, read below
    if qm is not None and qm.group(0).strip().lower() == "over" and _PHRASAL_OVER.search(text, max(lo, qm.start() - 12), qm.start()):
        qm = None  # `handed over 14 rifles`: a verb's particle, no bound
    if qm is not None and qm.group(0)[:1] in "><" and qm.start() > lo and text[qm.start() - 1] in "-=<>":
        qm = None  # `989 casualties -> 201 KIA`: an arrow, no bound
    if qm is not None:
        q = next(k for k, v in qm.groupdict().items() if v is not None)[2:]
        start = qm.start()
        if q == "approx" and qualifier is Qualifier.EXACT:
            qualifier = Qualifier.APPROX
        elif q == "at_least":
            qualifier, high = Qualifier.AT_LEAST, None
            if low is None:
                low = n.value
        elif q == "at_most":
            qualifier, low, high = Qualifier.AT_MOST, None, (high if high is not None else n.value)
    elif qualifier is Qualifier.EXACT and _EXCEEDS.search(text, before_start, start):
        qualifier, high = Qualifier.AT_LEAST, None  # `the toll could exceed 150,000`: more than that
        if low is None:
            low = n.value
    elif text[max(lo, start - 1):start] == "+" and (start - 1 == lo or not text[start - 2:start - 1].isalnum()):
        increment = True
        start -= 1
    elif text[max(lo, start - 1):start] in ("~", "≈"):
        start -= 1
        if qualifier is Qualifier.EXACT:
            qualifier = Qualifier.APPROX
    # The noun phrase after the number.
    noun, sense, np_end, mentions, relative = _noun_phrase(text, end, hi)
    if sense is not None and not n.spelled and _unit_designation(text, end, np_end, n.value):
        return None  # `18 GRENADIERS`, `2 RAJPUTANA RIFLES`, `41 Commando`: a unit's name
    if sense is not None and noun and _LABEL_COLON.match(text, np_end, hi) and lx.party_of(noun.strip()) is not None:
        # `Russians: 22,000 Prussians: 16,000`: a party before a colon labels the next figure
        noun, sense, np_end, mentions, relative = None, None, end, [], None
    inverted = p["inverted_subject"].match(text, end, hi) \
        if sense is None and _SET_TO.search(text, max(lo, start - 40), start) else None
    measure_role = None
    if sense is None and (lead := _NUMBER_THEN_LABEL.match(text, end, hi)) is not None \
            and _LINE_OPENS.fullmatch(text, text.rfind("\n", 0, start) + 1, start) is not None:
        # `- 1,200: Russian soldiers killed in the past day`: a list line that opens with its
        # number; the words after the colon say what it counts.
        noun, sense, np_end, mentions, relative = _noun_phrase(text, lead.end(), hi)
    gapped_end = None
    if sense is None and (gap := _GAPPED_DEMONYM.match(text, end, hi)) is not None \
            and lx.party_of(gap.group("party")) is not None:
        # `20 Indian and 45 Chinese soldiers died`: the first number shares the noun and the
        # verb of the second, and is the first party's
        noun2, sense2, np_end2, _, _ = _noun_phrase(text, gap.end("num"), hi)
        if sense2 is not None:
            noun, sense, np_end, gapped_end = noun2, sense2, gap.end("party"), np_end2
            mentions = party_mentions(text, gap.start("party"), gap.end("party"))
    partitive_category = None
    label_predicate: tuple[str, str, int] | None = None
    if sense is None or sense.group == "units" and _MANPOWER.match(text, end, hi):
        part = _partitive(text, end, hi)
        if part is not None:
            noun, sense, np_end, mentions, relative, partitive_category = part
    if sense is None and not field:
        # `tanks ‒ 6,497 (+12)`, `personnel: about 403,720`: a list line whose label is a
        # noun the lexicon knows says what the number counts.
        line_start = text.rfind("\n", lo, start) + 1
        if line_start <= lo:
            # (an indented line: `   2. tanks — 12;`, its indentation before the sentence)
            indent = text.rfind("\n", max(0, lo - 40), lo) + 1
            line_start = indent if indent and not text[indent:lo].strip() else lo
        label = p["line_label"].search(text, line_start, start)
        if label is not None:
            noun, sense = label.group("l"), lx.nouns.get(_fold(label.group("l")))
            np_end = end
            mentions = mentions + party_mentions(text, label.start(), label.start("l"))  # `ISIL tanks destroyed: 3`
            said = p["pred_after"].match(text, label.start("after") + 1, label.end("after")) if label.group("after") else None
            if said is not None:
                # `ISIL tanks destroyed: 3`: the label says what happened to them
                label_predicate = (said.group(0), lx.predicates_after[_fold(said.group(0))], end)
    if sense is None:
        # `600 PKK`, `1,500–2,000 YPG & YPJ`: a party's name for its fighters.
        named = _PARTY_RUN.match(text, end, hi)
        if named is None and (head := _PARTY_HEAD.match(text, end, hi)) is not None \
                and predicate_after(text, head.end(1), hi) is not None:
            named = head  # `300 Taliban were killed`, `2,000 Viet Cong had surrendered`: the party's men
        if named is not None:
            parties = party_mentions(text, named.start(1), named.end(1))
            if parties:
                noun, sense, np_end = named.group(1), NounSense("troops", "military", "people"), named.end(1)
                mentions = parties
    if sense is None and not field and inverted is None:
        # `one security coordinator`: a noun the lexicon does not list, read as people when it
        # has the shape of a person's role (a list or a predicate must still say what happened).
        role = _ROLE.match(text, end, hi)
        if (role is not None and role.group("w").lower() not in lx.not_figure_nouns and role.group("w").lower() not in _STOP_MODIFIER
                and role.group("w").lower() not in _COMPARATIVES  # `The French figure of 204,253 is lower`
                and predicate_after(text, end, hi) is None):  # `12,000 were taken prisoner`: no role
            noun, sense, np_end = role.group(0).strip(), NounSense("people", "unknown", "people"), role.end()
    if sense is None:
        # `a 20,000-strong army`, `the 8,000-man garrison`, `a force 15,000 strong`: a size.
        size = _SIZE_AFTER.match(text, end, hi)
        if size is not None:
            noun, sense, np_end = size.group(0).strip(" -"), NounSense("troops", "military", "people"), size.end()
    if sense is None:
        # `45 were civilians`, `1,486 are believed to be civilians`: a predicate nominal.
        cop = _COPULA.match(text, end, hi)
        if cop is not None and predicate_after(text, end, hi) is None:  # not `12,000 were taken prisoner`
            noun2, sense2, np_end2, mentions2, relative2 = _noun_phrase(text, cop.end(), hi)
            if sense2 is not None and sense2.group == "people":
                noun, sense, np_end, mentions, relative = noun2, sense2, np_end2, mentions2, relative2
    if year_like and sense is None and not (field and (qualifier is not Qualifier.EXACT or increment)):
        return None  # `In 1994`; but `2000+` in a Strength cell is a figure
    if n.article and sense is None:
        return None
    # What happened: a predicate after the noun phrase, or before the number.
    category: Category | None = None
    lost = False
    predicate = None
    follows = False
    population = Population(sense.population) if sense is not None else Population.UNKNOWN
    if population is Population.UNKNOWN and noun and re.match(r"(?i)civilian\b", noun):
        population = Population.CIVILIAN  # `40 civilian deaths`
    if sense is not None and sense.group in ("loss", "equipment", "territory", "units"):
        category = Category(sense.category) if sense.group != "people" else None
    elif sense is not None:
        category = None
    if partitive_category is not None and category is None:
        category = partitive_category
    anaphoric = (noun is not None and (_fold(noun) in _WEAK_HEADS or _fold(noun).startswith("of ")
                                       or _fold(noun) in ("of them", "of whom", "of which", "out of them")))
    anaphoric = anaphoric or _ANOTHER.search(text, max(lo, start - 20), start) is not None
    compared = (not anaphoric and noun is not None and sense is not None and sense.category == "people"
                and lexicon().party_of(noun) is not None and _COMPARED.search(text, max(lo, start - 30), start) is not None)
    anaphoric = anaphoric or compared  # `93,921 men, against 71,699 Soviets`: the same measure, for the Soviets
    after = predicate_after(text, gapped_end or (np_end if sense is not None else end), hi,
                            civilians=population is Population.CIVILIAN) or label_predicate
    # (the pattern runs only where `number` or `Number` occurs)
    if after is None and not field and text.find("umber", max(lo, start - 160), start) != -1 \
            and (counted := p["number_of"].search(text, max(lo, start - 160), start)) is not None:
        after = (counted.group("p"), lx.predicates_after[_fold(counted.group("p"))], None)
        mentions = mentions + party_mentions(text, counted.start("np"), counted.end("np"))
        if any(w.lower() in lx.enemy_words for w in counted.group("np").split()):
            relative = relative or "enemy"
    if after is not None and gapped_end is not None:
        after = (after[0], after[1], np_end)  # (the span stays `20 Indian`: the verb is the other figure's too)
    before = None if compared else p["pred_before"].search(text, max(lo, start - 60), start)
    if before is not None and _fold(before.group("p")) in _LINKING_BEFORE:
        # `casualties were estimated at 1,129,619`: the noun before the link says what it
        # counts; the link alone (`estimated at`, `numbered`) would make it a strength.
        linked = _subject_of(p["subject_link"], text, max(lo, start - 120), start)
        if linked is not None and linked.start() < before.start():
            before = None
    # (`put rebel losses at "nearly 200"`: a quotation mark opening the figure)
    lead_end = start - 1 if start > lo and text[start - 1] in _OPEN_QUOTES else start
    subject = (_subject_of(p["subject_link"], text, max(lo, start - 120), lead_end)
               or p["passive_link"].search(text, max(lo, start - 140), lead_end)) if before is None else None
    if subject is not None and qualifier is Qualifier.EXACT and not text[subject.end("n"):subject.end()].strip():
        subject = None  # the noun right before a bare number is no link (`deaths 1995`); before a bound it is
    if subject is None and before is None:
        put = p["put_subject"].search(text, max(lo, start - 120), lead_end)
        if put is not None and put.group("at") is None and not _AS_BOUND.match(text, start) \
                and not _BETWEEN.match(text, start) and not (start < n.start and qualifier is not Qualifier.EXACT):
            # (`put the number of prisoners between 12,000 and 15,000`, `put SWAPO losses in
            # the region of 1,000`: a bound or a range stands for `at`)
            put = None
        put = put or p["brought_subject"].search(text, max(lo, start - 120), lead_end) or inverted
        if put is not None:
            subject = put
            mentions = mentions + party_mentions(text, put.start("np"), put.end("np"))
            measure_role = _role_of(text, put.start("np"), put.start("n"))
            if re.search(r"(?i)\b(?:its|their|our)\b", put.group("np")):
                relative = relative or "own"
    elif subject is not None:
        # `The cumulative Israeli fatality toll was 71`, `the death toll among Palestinians`,
        # `its own losses at 300`: the subject names whose the figure is.
        head_start = _modifiers_before(text, max(lo, subject.start() - 40), subject.start())
        # not a passive's agent (`Gaddafi's forces were estimated by NATO officials to number`:
        # NATO counted them) nor a place (`The death toll in Sudan's clashes rose to 185`:
        # everyone there)
        agent = _BY_AGENT.search(text, subject.end("n"), subject.end())
        mentions = mentions + [m for m in party_mentions(text, head_start, agent.start() if agent else subject.end())
                               if not _IN_PLACE.search(text, max(head_start, m[0] - 12), m[0])]
        measure_role = _role_of(text, head_start, subject.start("n"))
        if re.search(r"(?i)\b(?:its|their|our)\b(?:[ \t]+[\w'’]+){0,2}[ \t]+$", text[max(lo, subject.start() - 30):subject.start()]):
            relative = relative or "own"
        elif any(w.lower().rstrip("'’s") in lx.enemy_words or w.lower() in lx.enemy_words
                 for w in re.findall(r"[\w'’]+", text[head_start:subject.start()])):
            relative = relative or "enemy"  # `Enemy losses are assessed at 1,600`
    predicate_end = None
    if after is not None:
        predicate, cat, predicate_end = after
        follows = True
        category = _combine(category, cat, sense)
        if cat == "equipment_lost" or (cat in ("killed", "casualties", "captured") and sense is not None and sense.group == "equipment"):
            lost = True
    if not lost and sense is not None and sense.group == "equipment" \
            and any(w.lower() in _LOST_PARTICIPLES for w in text[n.end:np_end].split()):
        lost = True  # `5 destroyed vehicles`, `two burnt-out tanks`
    people_unsettled = sense is not None and sense.group == "people" and category in (None, Category.TROOPS, Category.PEOPLE)
    if before is not None and sense is None and _OTHER_OBJECT.match(text, end, hi):
        before = None  # `destroying 9 fighting positions`: the verb's object is no person nor listed weapon
    if before is not None and (category is None or people_unsettled or (sense is not None and sense.group == "equipment" and not lost)):
        cat = lexicon().predicates_before[_fold(before.group("p"))]
        if not (sense is not None and sense.group == "equipment" and cat not in ("equipment_lost", "killed", "captured", "casualties")):
            predicate = before.group("p")
            follows = False
            if _fold(predicate).split()[0] in lexicon().subject_nouns and not mentions \
                    and _fold(predicate) not in lexicon().agentive:  # `artillery killed 3,000`: a verb's subject is the doer
                # `claimed German losses of 30,000`: the noun's modifiers say whose they are.
                head_start = _modifiers_before(text, max(lo, before.start() - 40), before.start())
                mentions = mentions + party_mentions(text, head_start, before.start())
            category = _combine(category, cat, sense)
            if cat in ("equipment_lost", "killed", "captured", "casualties") and sense is not None and sense.group == "equipment":
                lost = True
    if category is None or (sense is not None and sense.group == "people" and predicate is None):
        # `Killed: 169`, `POW: 96`: a label before the number names what it counts.
        # (the line the number is on, back to 100 characters before it)
        line_start = max(lo, text.rfind("\n", max(lo, start - 100), start) + 1, start - 100)
        label = _LABEL_BEFORE.search(text, max(lo, start - 24), start) \
            or _COLUMN_LABEL.search(text, line_start, start) or _KEY_FIGURE_LABEL.search(text, line_start, start)
        if label is not None:
            word = _fold(label.group("l"))
            hit = lx.nouns.get(word)
            cat = hit.category if hit is not None and hit.group == "loss" else lx.predicates_after.get(word)
            if cat in ("killed", "wounded", "missing", "captured", "displaced", "casualties", "killed_or_missing"):
                category = Category(cat)
                predicate = label.group(0).strip()
                start = label.start()
    if category in (Category.DISPLACED, Category.REFUGEES) and subject is not None \
            and lexicon().subject_nouns[_fold(subject.group("n"))] == "strength":
        category = None  # `Coalition forces totalling 60,000 crossed the border`: a force moving
    if category is None and subject is not None:
        cat = _subject_measure(text, subject)
        predicate = subject.group(0).strip()
        category = _combine(None, cat, sense)
    if not lost and subject is not None and sense is not None and sense.group == "equipment" \
            and lexicon().subject_nouns[_fold(subject.group("n"))] in ("casualties", "killed", "equipment_lost"):
        lost = True  # `Losses of equipment amounted to 6 tanks`: the losses are the tanks
    if category is None and (sense is None or sense.group == "people"):
        # `Of those killed, 45 were civilians`: a partitive scope before the number says it.
        scope = _SCOPE_BEFORE.search(text, lo, start)
        if scope is not None:
            word = _fold(scope.group("w"))
            hit = lx.nouns.get(word)
            cat = hit.category if hit is not None and hit.group == "loss" else lx.predicates_after.get(word)
            if cat in ("killed", "wounded", "missing", "captured", "displaced", "casualties"):
                category = Category(cat)
                predicate = scope.group(0)
    if category is None and sense is not None and sense.group == "people":
        category = Category.TROOPS if sense.category == "troops" else Category.PEOPLE
    if sense is not None and sense.group == "equipment" and category in LOSSES:
        category, lost = Category(sense.category), True
    if category is None and not field and sense is None and not anaphoric:
        # `The French suffered 377,231 casualties and the Germans 337,000`, `542,000 men,
        # against 434,000 for the Germans`: a number with a party and no noun of its own
        # repeats the measure of the figure before it, for that party.
        gapped = p["gapped_before"].search(text, max(lo, start - 50), start)
        if gapped is None and (label := _PARTY_COLON_BEFORE.search(text, max(lo, start - 40), start)) is not None \
                and _DIGIT_RE.search(text, lo, label.start()):
            gapped = label  # `Total: 52,000 killed and wounded Russians: 22,000 Prussians: 16,000`
        if gapped is not None and party_mentions(text, gapped.start("who"), gapped.end("who")):
            anaphoric, start = True, gapped.start("who")
            mentions = mentions + party_mentions(text, gapped.start("who"), gapped.end("who"))
        else:
            gapped = _GAPPED_AFTER.match(text, bare_end, hi)
            if gapped is not None and party_mentions(text, gapped.start("who"), gapped.end("who")):
                anaphoric, bare_end = True, gapped.end()
                mentions = mentions + party_mentions(text, gapped.start("who"), gapped.end("who"))
            elif _RIVAL_COUNT.search(text, max(lo, start - 80), start) or _PUT_IT_AT.search(text, max(lo, start - 60), start) \
                    or (start < n.start and _RIVAL_COUNT.search(text, max(lo, n.start - 80), n.start)) \
                    or (start - lo <= 60 and _ADMITS_BARE.fullmatch(text, lo, start)) \
                    or (start - lo <= 60 and _SAYS_BARE_SENTENCE.fullmatch(text, lo, start)
                        and _BARE_ENDS.match(text, bare_end, hi)) \
                    or _BARE_COMPARED.search(text, max(lo, start - 30), start) \
                    or _UP_FROM.search(text, max(lo, start - 30), start) \
                    or (_THE_OR_FROM.search(text, max(lo, start - 8), start) and _CLAIMED_AFTER.match(text, bare_end, hi)):
                # (`well below the 1,600 claimed by Ethiopian radio`, `to 1,600, from 1,250
                # announced on Saturday`: the number another gave, of the same measure)
                # `Soviet figures put German losses at 100,000, but German records show 45,000`:
                # a rival source's bare number counts what the figure before it counts.
                anaphoric = True
            if _SAYS_BARE.search(text, max(lo, start - 40), start) \
                    and (lead := _MEASURE_LEAD.search(text, lo, start)) is not None:
                # `Casualty estimates vary widely: the government says 200, while rebels claim
                # over 1,000`: what the sources' bare numbers count is named before the colon.
                measure = "casualties" if lead.group("n").lower().startswith(("casualt", "loss")) else "killed"
                category = _combine(None, measure, sense)
                predicate, anaphoric = lead.group(0).strip(), False
    if not field and is_population(text, lo, start) \
            and (sense is None or sense.group == "people"):
        # `fewer than 500 of Bakhmut's pre-war population of 70,000 remained`: a town's people,
        # no force and no toll (what `remained` says is the 500's).
        category, population, predicate, follows, predicate_end = Category.PEOPLE, Population.CIVILIAN, None, False, None
    if not field and (them := _PUT_IT_AT.search(text, max(lo, start - 60), start)) is not None \
            and them.group("what").lower() in ("it", "them") and (named := _measure_before(text, them.start())) is not None:
        # `German losses are harder to assess; Kesselring's staff put them at about 25,000`:
        # `them` is the measure named before, and whose it is.
        measure_start, noun, cat = named
        if not mentions:
            mentions = party_mentions(text, measure_start, measure_start + len(noun))
        if category is None and sense is None:
            category, predicate, anaphoric = _combine(None, cat, sense), noun.strip(), False
    # (a rival's bare number with no figure before it in its sentence has nothing to repeat)
    if category is None and sense is None and not field and (not anaphoric or not _DIGIT_RE.search(text, lo, start)) \
            and (lead := _GENERIC_LEAD.search(text, max(lo, start - 80), start)) is not None \
            and (named := _measure_before(text, lead.start(), 600)) is not None:
        # `British casualties are usually given as 419,654, a figure later revised downward to
        # 415,000`, `Most modern estimates range from 500,000 to 600,000`, `Busey and Martin
        # estimate 23,231`: a figure, an estimate or a source's count with no noun of its own
        # counts the losses named before it in the paragraph, and whose they are.
        measure_start, noun, cat = named
        if not mentions:
            mentions = party_mentions(text, measure_start, measure_start + len(noun))
        # (with no party in the measure's words, it is the figure before that says whose:
        # `admits 4,020 of its soldiers killed ... the real figure was nearer 10,000`)
        category, predicate, anaphoric = _combine(None, cat, sense), noun.strip(), not mentions
    if category is None and not field:
        if sense is None and qualifier is Qualifier.EXACT and not anaphoric:
            return None  # a bare number in prose says nothing checkable
    if sense is None and lost and not field and not anaphoric and after is not None and after[1] == "equipment_lost":
        return None  # `Some 3,200 were destroyed`: a number destroyed, of nothing it names (not people)
    end = max(np_end if sense is not None else bare_end, predicate_end or 0)
    if population is Population.UNKNOWN and category in (Category.DISPLACED, Category.REFUGEES):
        population = Population.CIVILIAN
    if population is Population.UNKNOWN and (_CIVILIAN_TOLL.search(text, max(lo, start - 60), start) or (
            subject is not None and "civilian" in subject.group("n").lower())):
        # `put civilian deaths at 365`, `the civilian toll rose to`, `the number of civilians
        # killed ... has risen to 41`
        population = Population.CIVILIAN
    return Figure(
        start=start, end=end, number_start=n.start, number_end=number_end,
        # The noun phrase only: a predicate after a parenthetical (`264 soldiers, including 53
        # wounded, had left`) belongs to the span, but the figures inside it are read too.
        np_end=np_end if sense is not None else bare_end,
        low=low, high=high, qualifier=qualifier, vague=vague, category=category, population=population,
        lost=lost, noun=noun, noun_group=sense.group if sense is not None else None,
        predicate=predicate, predicate_after=follows, party_mentions=tuple(mentions),
        relative_side=relative, spelled=n.spelled, increment=increment, year_like=year_like,
        anaphoric=anaphoric, role=measure_role if sense is None else None,
    )


def _role_of(text: str, start: int, end: int) -> str | None:
    """The role a measure's modifier names (`militant deaths`, `the rebel death toll`,
    `police casualties`): the lexicon's plural for it, else None."""
    lx = lexicon()
    for word in re.findall(r"[A-Za-z]+", text[start:end]):
        w = word.lower()
        for role in (w, w + "s"):
            if role in lx.insurgent_labels or role in lx.state_forces:
                return role
    return None


_EXCEEDS = re.compile(r"(?i)\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|topp(?:ed|ing)|tops|pass(?:es|ed|ing)|climbed[ \t]+past|rose[ \t]+above|risen[ \t]+above)[ \t]+$")


def continues_figure(text: str, start: int) -> bool:
    """Whether the words right before ``start`` say the figure continues one before it
    (`another 50`, `a further 12`, `40 more` is the noun's)."""
    return _ANOTHER.search(text, max(0, start - 20), start) is not None


def _modifiers_before(text: str, lo: int, pos: int) -> int:
    """Start of the run of words before ``pos`` that modify a noun (`The cumulative Israeli`),
    up to a verb or function word (`German sources estimate Italian`: only `Italian`)."""
    m = _MODIFIERS_BEFORE.search(text, lo, pos)
    if m is None:
        return pos
    start = pos
    cues = lexicon().cue_verbs
    words = list(re.finditer(r"[\w'’\-]+", text[m.start():pos]))
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        lower = w.group(0).lower()
        if lower in ("and", "or") and k > 0 and start < pos and text[start].isupper() and words[k - 1].group(0)[:1].isupper():
            continue  # `British and Indian losses`: coordinated names modify the noun together
        if lower in cues or lower in _STOP_MODIFIER or lower in _AUX:
            break
        start = m.start() + w.start()
    return start


_NOTE = re.compile(r"[ \t]*(?:\[[^\]\n]{1,12}\][ \t]*)*(?:\n[ \t]*)?\((?P<paren>[^()\[\]\n]{1,80})\)")
_NOTE_SOURCE_WORDS = re.compile(r"(?i)\b(?:claims?|data|estimates?|figures?|sources?|counts?|reports?|statistics|tally|version)\b")
_NOTE_EST = re.compile(r"(?i)^\s*(?:est\.?|estimated?|estimate|approx\.?|approximately)\s*$")
_NOTE_OFFICIAL = re.compile(r"(?i)^\s*official(?:ly)?(?:\s+(?:figures?|data|count|estimates?))?\s*$")
_NOTE_AS_OF = re.compile(r"(?i)\s*(?:,\s*)?(?:as\s+(?:of|at)|by|until|on)\s+(?P<date>.+)$")


def _with_note(text: str, f: Figure, hi: int, default_year: int | None) -> Figure:
    """A note in brackets right after a figure: an as-of date (`(December 1993)`), `(est.)`,
    `(official figure)`, or a claimant (`(separatist claim)`, `(Kurdish claims as of 1
    November 2014)`, `(per Ukraine)`). The figure's span takes the note in."""
    m = _NOTE.match(text, f.end, hi)
    if m is None:
        return f  # most figures have no note: no imports run for them
    import attrs

    from claims.extract.dates import AUTHOR_DATE, parse_date

    paren = m.group("paren").strip()
    if AUTHOR_DATE.fullmatch(paren):
        return f  # `(Prior and Wilson 2005, p. 301)`: who the sentence cites, read with the sentence
    start = m.start("paren") + (len(m.group("paren")) - len(m.group("paren").lstrip()))
    date = parse_date(paren, default_year)
    if date is not None and len(date.text) >= len(paren) - 3:
        return attrs.evolve(f, end=m.end(), np_end=max(f.np_end, m.end()), as_of=date)
    if _NOTE_EST.match(paren):
        qualifier = Qualifier.APPROX if f.qualifier is Qualifier.EXACT else f.qualifier
        return attrs.evolve(f, end=m.end(), np_end=max(f.np_end, m.end()), qualifier=qualifier, note_hedge="estimated")
    if _NOTE_OFFICIAL.match(paren):
        return attrs.evolve(f, end=m.end(), np_end=max(f.np_end, m.end()), note_hedge="official")
    per = re.match(r"(?i)(?:per|according\s+to|source:)\s+", paren)
    who_start = start + (per.end() if per else 0)
    who = paren[per.end():] if per else paren
    as_of = None
    tail = _NOTE_AS_OF.search(who)
    if tail is not None:
        as_of = parse_date(tail.group("date"), default_year)
        if as_of is not None:
            who = who[:tail.start()]
    who = who.strip(" ,;")
    if not who or re.search(r"\d", who):
        return f
    from claims.extract.attribution import is_unnamed

    # A bare name in brackets after equipment names the thing (`1 frigate (HMS Arrow)`); after
    # people it is who counted them (`2,700 killed (Memorial)`).
    named = who[:1].isupper() and len(who.split()) <= 5 and f.noun_group != "equipment"
    if per or _NOTE_SOURCE_WORDS.search(who) or named:
        if is_unnamed(who):
            return attrs.evolve(f, end=m.end(), np_end=max(f.np_end, m.end()), note_hedge="unnamed_source", as_of=as_of)
        return attrs.evolve(f, end=m.end(), np_end=max(f.np_end, m.end()), note_claimant=(who_start, who_start + len(who)),
                            as_of=as_of)
    return f


def _fold(words: str) -> str:
    # str.split() splits on what the regex \s matches (str.isspace), so this is the old
    # `re.sub(r"\s+", " ", words.strip().lower())` without the regex (run for every noun).
    return " ".join(words.lower().split())


def _combine(noun_category: Category | None, predicate: str, sense: NounSense | None) -> Category:
    """The category from a predicate (`killed`, `equipment_lost`, `strength`...) and the noun."""
    if sense is not None and sense.group == "other":
        return Category.OTHER  # `destroyed 27 command posts`, `420 sorties were flown`: whatever befell them
    if predicate == "equipment_lost":
        if sense is not None and sense.group == "equipment":
            return Category(sense.category)
        if sense is not None and sense.group == "people":
            return Category.CASUALTIES
        return noun_category or Category.CASUALTIES
    if predicate == "strength":
        if sense is not None and sense.group in ("equipment", "loss", "territory", "units"):
            return Category(sense.category)
        if sense is not None and sense.group == "people" and sense.population == "civilian":
            return Category.PEOPLE  # `150,000 residents remained`: a population, no force
        return noun_category if noun_category is not None else Category.TROOPS
    if sense is not None and sense.group == "equipment":
        return Category(sense.category)
    if sense is not None and sense.group == "loss" and predicate not in ("killed", "casualties") \
            and not (sense.category == "displaced" and predicate in ("wounded", "missing", "captured")):
        return Category(sense.category)  # `53 wounded ... were evacuated` (but `two displaced persons were injured`)
    if predicate == "displaced" and sense is not None and sense.category == "troops":
        return Category.TROOPS  # troops evacuated or withdrawn are moved, not displaced
    return Category(predicate)


# A plural noun the lexicon does not list, right after a number (`9 fighting positions`,
# `40 homes`); durations are no objects (`killed 12 in 24 hours` has none).
_NOT_OBJECT_WORD = (
    r"(?!(?:and|or|in|on|at|of|to|from|by|with|for|over|during|since|after|before|across|near|while|as|but|the|its|their"
    r"|hours|days|weeks|months|years|times|minutes|others|more|less|fewer|was|has|is|yesterday|overnight)\b)"
)
_OTHER_OBJECT = re.compile(rf"[ \t]+(?:{_NOT_OBJECT_WORD}[a-z][a-z\-]+[ \t]+){{0,2}}{_NOT_OBJECT_WORD}[a-z][a-z\-]{{2,}}s\b")
_GAPPED_AFTER = re.compile(r"[ \t]+(?:for|on[ \t]+the[ \t]+side[ \t]+of)[ \t]+(?:the[ \t]+)?(?P<who>[A-Z][\w\-]+(?:[ \t]+[A-Z][\w\-]+){0,2})")
# Predicates before a figure that only link it to a noun before them (`casualties were
# estimated at`, `losses totalled`).
_LINKING_BEFORE = frozenset({"estimated at", "put at", "numbered", "numbering", "totalling", "totaling",
                             "totalled", "totaled"})
_PEOPLE_PLURAL = re.compile(r"[A-Z][\w\-]*s['’]?(?![\w\-])")
# `journalists who put it at 700`, `others put the figure at 3,000`: the figure before, re-estimated.
_PUT_IT_AT = re.compile(
    r"(?i)\b(?:put|puts|putting|placed|places|placing|estimated|estimates|estimate|set|sets|gave|give|gives)[ \t]+"
    # (`put the number higher, at 80,000`)
    r"(?P<what>it|them|the[ \t]+(?:figure|number|total|count|tally))(?:[ \t]+(?:much[ \t]+|even[ \t]+)?(?:higher|lower),?)?[ \t]+(?:at|as)[ \t]+"
    r"(?:(?:only|just|about|some|around|nearly|roughly|a\s+mere|as\s+(?:low|high|many|few)\s+as)[ \t]+)?$"
)
_MONTH_AFTER = re.compile(r"[ \t\u00a0]+(?:January|February|March|April|May|June|July|August|September|October|November"
                          r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")
_POPULATION_OF = re.compile(r"(?i)\b(?:population|inhabitants|residents)[ \t]+of[ \t]+(?:(?:about|some|around|nearly|roughly|over|more[ \t]+than|up[ \t]+to)[ \t]+)?$")


def is_population(text: str, lo: int, start: int) -> bool:
    """The number at ``start`` is a place's population (`with a population of about 80,000`):
    its people, no force and no toll, whatever verb the sentence goes on with."""
    return _POPULATION_OF.search(text, max(lo, start - 50), start) is not None


def _subject_measure(text: str, subject: re.Match[str]) -> str:
    """What a subject noun before a figure counts: its lexicon measure, unless a loss follows
    a word for a force (`put the number of Russian military personnel killed ... at five`)."""
    cat = lexicon().subject_nouns[_fold(subject.group("n"))]
    if cat == "strength":
        after = predicate_after(text, subject.end("n"), subject.end())
        if after is not None and after[1] in ("killed", "wounded", "missing", "captured", "casualties"):
            return after[1]
    return cat


def _measure_before(text: str, pos: int, reach: int = 250) -> tuple[int, str, str] | None:
    """The last measure of losses named before ``pos`` in its paragraph (at most ``reach``
    characters back), with its modifiers (`German losses`, `Russian and separatist losses`):
    (start, words, category)."""
    para = max(text.rfind("\n\n", max(0, pos - reach), pos), pos - reach, 0)
    found = None
    for found in _measure_noun().finditer(text, para, pos):
        pass
    if found is None:
        return None
    if _KILLED_AND_WOUNDED.search(text, max(0, found.start() - 12), found.end()):
        return found.start(), found.group(0), "killed_or_wounded"  # `5,200 killed and wounded`
    return found.start(), found.group(0), lexicon().subject_nouns[_fold(found.group("n"))]


_KILLED_AND_WOUNDED = re.compile(r"(?i)\b(?:killed|dead)[ \t]+(?:and|or|&)[ \t]+wounded\b")


@cache
def _measure_noun() -> re.Pattern[str]:
    nouns = [n for n, cat in lexicon().subject_nouns.items()
             if cat in ("killed", "wounded", "missing", "captured", "casualties") and " " not in n or n in ("losses", "casualties")]
    return re.compile(rf"(?i)\b(?:[\w'’\-]+[ \t]+(?:and[ \t]+)?){{0,3}}?\b(?P<n>{phrase_pattern(nouns)})\b")


# `The toll rose to 14, up from 8 earlier`: the earlier count of what the figure before counts.
_UP_FROM = re.compile(r"(?i)\b(?:up|down|rising|climbing|falling)[ \t]+from[ \t]+(?:the[ \t]+)?(?:(?:about|some|around|nearly)[ \t]+)?$")
_RIVAL_COUNT = re.compile(
    r"(?i)(?:,|;|\bwhile|\bwhereas|\bbut|\bthough|\balthough)[^.;:\d]{2,60}?\b(?:show|shows|showed|give|gives|gave|say|says"
    r"|said|claim|claims|claimed|count|counts|counted|record|records|recorded|list|lists|listed|report|reports|reported"
    r"|suggest|suggests|suggested|indicate|indicates|indicated|estimate|estimates|estimated|admit|admits|admitted"
    r"|acknowledge|acknowledges|acknowledged|concede|concedes|conceded|confirm|confirms|confirmed|registered|tallied)"
    r"[ \t]+(?:(?:only|just|about|some|around|nearly|a\s+mere)[ \t]+)?$"
    # `Finnish sources give 25,904 dead, Soviet sources 95,000`: the verb left out
    r"|[,;][ \t]*(?:(?:and|while|whereas|but)[ \t]+)?(?:the[ \t]+)?(?:[A-Z][\w\-]+[ \t]+){1,3}"
    r"(?:sources|records|figures|estimates|accounts|data|historians)[ \t]*,?[ \t]*(?:(?:only|just|about|some|around|nearly)[ \t]+)?$"
)
# `Rebels said 80 soldiers had been captured. The ministry acknowledged only 19.`: a sentence
# whose subject admits a bare number counts what the sentence before counted.
_ADMITS_BARE = re.compile(r"(?i)(?:[\w'’\-]+[ \t]+){1,5}?(?:admitted|admits|acknowledged|acknowledges|conceded|concedes"
                          r"|confirmed|confirms)[ \t]+(?:(?:only|just|a\s+mere)[ \t]+)?")
# `Western diplomats said roughly 2,000.`, `The Katangese said fewer than 600, and ...`: a
# sentence that is a source and its bare number gives a rival count of the figure before it.
_SAYS_BARE_SENTENCE = re.compile(
    r"(?i)(?:[\w'’\-]+[ \t]+){1,6}?(?:says?|said|claims?|claimed|gives?|gave|puts?\s+it\s+at|estimates?|estimated"
    r"|counted|reported|insists?|insisted)[ \t]+")
_BARE_ENDS = re.compile(r"[ \t]*(?:\[\d+\])*[ \t]*(?:[.;]|,[ \t]*(?:and|while|whereas|but)\b|$)")
_SAYS_BARE = re.compile(r"(?i)\b(?:says?|said|claims?|claimed|gives?|gave|puts?|counts?|counted|reports?|reported|estimates?|estimated)"
                        r"[ \t]+(?:(?:only|just|about|some|around|nearly|over|more\s+than|at\s+least|up\s+to)[ \t]+)?$")
_MEASURE_LEAD = re.compile(r"(?i)\b(?P<n>casualt(?:y|ies)|losses|death\s+toll|toll|deaths|dead|fatalities)(?:\s+(?:estimates|figures|counts))?"
                           r"\b[^.:;\d]{0,40}:\s")
_DIGIT_RE = re.compile(r"\d")
_LABEL_COLON = re.compile(r"[ \t]*:")
_PARTY_COLON_BEFORE = re.compile(r"(?P<who>[A-Z][\w\-]+(?:[ \t]+[A-Z][\w\-]+){0,2})[ \t]*:[ \t]*(?:(?:about|some|around|over|nearly|c\.|~)[ \t]*)?$")
_BY_AGENT = re.compile(r"\bby\b")
# What leads into a number that counts the losses named before it: a figure or an estimate
# (`a figure later revised downward to`, `estimates range from`, `the true figure was nearer`,
# `The French figure of`) or a source's verb of counting (`Busey and Martin estimate`).
_GENERIC_LEAD = re.compile(
    r"(?i)(?:\b(?:figure|figures|estimate|estimates|total|count|tally|reckoning|calculation|calculations)\b[^.;:\d]{0,50}?"
    r"(?:\b(?:to|at|as|of|from|nearer|near|closer[ \t]+to|is|was|were|are|be|been|between|range|ranges|ranged|vary|varies|varied)|,)"
    r"|\b(?:estimate|estimates|estimated|give|gives|gave|cite|cites|cited|prefer|prefers|preferred|accept|accepts|accepted"
    r"|settles?[ \t]+on|settled[ \t]+on|arrives?[ \t]+at|arrived[ \t]+at|reach|reaches|reached|count|counts|counted"
    r"|record|records|recorded|list|lists|listed|suggest|suggests|suggested|claim|claims|claimed|calculates?|calculated"
    r"|admit|admits|admitted|acknowledge|acknowledges|acknowledged|concede|concedes|conceded))"
    r"[ \t]+(?:(?:only|just|about|some|around|nearly|roughly|perhaps|a[ \t]+mere|over|more[ \t]+than|at[ \t]+least|up[ \t]+to)[ \t]+)?[\"“‘']?$"
)
# `with 9,000 against 3,000`: the other side's count of the same thing, right after the first.
_BARE_COMPARED = re.compile(r"\d[\d,]*(?:[ \t]+[a-z]+)?[ \t]+(?:against|versus|vs\.?)[ \t]+$")
_SIZE_AFTER = re.compile(r"(?:[ \t]*[-‐–][ \t]*|[ \t]+)(?:strong|man|men)\b(?![-‐])")
_COMPARED = re.compile(r"(?i)\b(?:against|versus|vs\.?|compared\s+(?:with|to)|as\s+against)[ \t]+(?:(?:some|about|around|roughly|nearly|only)[ \t]+)?$")
_WEAK_HEADS = frozenset({"more", "others", "other", "additional", "members", "member"})


# A word a printed page broke over two lines with a hyphen (`sol-\ndiers`).
# (prose reads a paragraph's line breaks as spaces: `sol- diers`)
_BROKEN_WORD = re.compile(r"([A-Za-z]{2,})-(?:[ \t]*\r?\n[ \t]*|[ \t])([a-z]{2,})\b")


class _Joined:
    """A word broken over two lines, read as the one word it is (the span keeps the break)."""

    def __init__(self, m: re.Match) -> None:
        self._m = m

    def start(self) -> int:
        return self._m.start()

    def end(self) -> int:
        return self._m.end()

    def group(self, n: int = 0) -> str:
        return self._m.group(1) + self._m.group(2)


_PHRASAL_OVER = re.compile(r"(?i)\b(?:hand|hands|handed|handing|turn|turns|turned|turning|took|taken|taking|passed|signed|won)[ \t]+$")
# Participles before a weapon's noun that say it was lost (`5 destroyed vehicles`).
_COUNTED_PARTICIPLES = frozenset("reported confirmed recorded documented verified registered known acknowledged".split())
_LOST_PARTICIPLES = frozenset(
    "destroyed damaged downed abandoned captured disabled wrecked burned-out burnt-out knocked-out sunk".split())


def _noun_phrase(text: str, pos: int, hi: int):
    """(noun, sense, end, party mentions, relative side) of the noun phrase starting at ``pos``:
    up to five modifiers, then a head noun from the lexicon (longest match) or a people's
    plural (`3,048 Ukrainians`), then a prepositional phrase that may name a party. A weak head
    (`40 more`, `10 others`) is taken only when no stronger one follows. ``sense`` is None
    when no head is found."""
    p = _patterns()
    lx = lexicon()
    cursor = pos
    modifiers = 0
    relative = None
    weak = None
    last = None
    while modifiers <= 5:
        ws = _SPACE_PAREN.match(text, cursor, hi)
        at = ws.end() if ws else cursor
        head = p["nouns"].match(text, at, hi)
        sense = None
        if head is not None:
            word = _fold(head.group(0))
            sense = lx.nouns.get(word) or lx.nouns.get(word.rstrip("'’s"))
        elif (broken := _BROKEN_WORD.match(text, at, hi)) is not None \
                and (joined := lx.nouns.get(_fold(broken.group(1) + broken.group(2)))) is not None:
            head, sense = _Joined(broken), joined  # `sol-\ndiers` in a copy of a printed page
        w = _WORD_RE.match(text, at, hi)
        if sense is None and w is not None and w.group(0)[:1].isupper():
            plural = _PEOPLE_PLURAL.match(text, at, hi)  # `Russians.` at a sentence's end too
            if plural is not None and plural.group(0).lower().rstrip("'’") in lx.people_plurals:
                head, sense = plural, NounSense("people", "unknown", "people")
        if sense is not None and _another_head_follows(text, head.end(), hi):
            sense = None  # `civilian Kurds`, `militia members`: the first noun is a modifier
        if sense is not None:
            if _fold(head.group(0)) in _WEAK_HEADS and weak is None:
                weak = (head, sense, at)
            elif _fold(head.group(0)) not in _WEAK_HEADS:
                return _finish_np(text, pos, at, head, sense, hi, relative)
        if w is None:
            break
        word = w.group(0)
        lower = word.lower().rstrip(".")
        if lower in ("and", "or") and last is not None and (lx.party_of(last) is not None or any(
                e == w.start() - 1 for _, e, _ in party_mentions(text, pos, w.start() - 1))):
            nxt = _SPACES.match(text, w.end(), hi).end()
            after_and = _WORD_RE.match(text, nxt, hi)
            if after_and is not None and (
                    any(s == nxt for s, _, _ in party_mentions(text, nxt, min(hi, nxt + 40)))
                    or after_and.group(0).lower() not in _STOP_MODIFIER and _noun_follows(text, after_and.end(), hi)):
                # `1,746 British and Indian soldiers`, `North Vietnamese and Viet Cong troops`:
                # two parties' men; `Houthi and allied fighters`: a party's and its allies'
                cursor = w.end()
                modifiers += 1
                continue
        last = word
        if lower in _LOST_PARTICIPLES and _another_head_follows(text, w.end(), hi) \
                or lower in _COUNTED_PARTICIPLES and _noun_follows(text, w.end(), hi):
            # `5 destroyed vehicles`: a participle before the noun (see `lost`); `142 reported
            # fatalities`, `30 confirmed deaths`: how the count was made, not a reporting verb
            cursor = w.end()
            modifiers += 1
            continue
        if word[:1].islower() and (lower in _STOP_MODIFIER or lower in lx.predicates_after or lower in lx.cue_verbs):
            if lower in ("its", "their", "our") and modifiers == 0:
                relative = "own"
            else:
                break
        if lower in lx.enemy_words:
            relative = "enemy"
        if lower in lx.government_words and word[:1].islower():
            relative = "government"
        if lower == "own":
            relative = "own"
        cursor = w.end()
        modifiers += 1
    if weak is not None:
        head, sense, at = weak
        return _finish_np(text, pos, at, head, sense, hi, relative)
    # `2 Su-25`, `5 T-72`: a model designation with no noun names its equipment.
    ws = _SPACE_PAREN.match(text, pos, hi)
    model = _MODEL.match(text, ws.end() if ws else pos, hi)
    if model is not None:
        sense = lexicon().model_prefixes.get(model.group(0).rsplit("-", 1)[0])
        if sense is not None:
            return model.group(0), sense, model.end(), [], relative
    return None, None, pos, [], relative


_SPACE_PAREN = re.compile(r"[ \t\u00a0]*(?:\((?:[^()\n]{1,30})\)[ \t]*)?[\"“”'‘’]?[ \t]*")


def _head_after(text: str, pos: int, hi: int) -> tuple[int, NounSense | None] | None:
    """(where the next word starts, the sense of the lexicon's head noun there, no weak one)
    right after ``pos`` (one space), or None when no word follows."""
    m = _SPACE_BEFORE_WORD.match(text, pos, hi)
    if m is None:
        return None
    nxt = _patterns()["nouns"].match(text, m.end(), hi)
    folded = _fold(nxt.group(0)) if nxt is not None else None
    return m.end(), (lexicon().nouns.get(folded) if folded is not None and folded not in _WEAK_HEADS else None)


def _noun_follows(text: str, pos: int, hi: int) -> bool:
    """Whether a head noun of the lexicon (no weak one) starts right after ``pos`` (one space)."""
    after = _head_after(text, pos, hi)
    return after is not None and after[1] is not None


def _another_head_follows(text: str, pos: int, hi: int) -> bool:
    """Whether a head noun or a people's plural starts right after ``pos`` (one space)."""
    after = _head_after(text, pos, hi)
    if after is None:
        return False
    at, sense = after
    # `civilians killed`: a loss noun after a people noun is its predicate, not its head.
    if sense is not None and sense.group in ("people", "equipment", "units"):
        return True
    w = _WORD_RE.match(text, at, hi)
    return w is not None and w.group(0)[:1].isupper() and w.group(0).lower() in lexicon().people_plurals


# A loss noun that `civilian` modifies, right before the number it gives.
_CIVILIAN_TOLL = re.compile(
    r"(?i)\bcivilian\s+(?:deaths?|death\s+toll|casualties|losses|dead|toll|fatalities)"
    r"(?:\s+(?:\w+\s+){0,2}?(?:at|to|of|was|were|is|are|stood\s+at|reached|numbered))?\s*[:=]?\s*$"
)

# A model designation: `MiG-29`, `Su-25`, `T-72`, `F-16`, `BMP-2`, `Mi-24`.
_MODEL = re.compile(r"\b[A-Z][A-Za-z]{0,4}-\d{1,3}[A-Z]?\b")


def _finish_np(text: str, pos: int, at: int, head: re.Match, sense: NounSense, hi: int, relative: str | None):
    end = head.end()
    joined = _AND_HEAD.match(text, end, hi) if sense.group == "people" else None
    other = None
    if joined is not None:
        # (up to two modifiers before the second noun: `188 soldiers and pro-government militiamen`)
        lx, at = lexicon(), joined.end()
        for _ in range(3):
            other = _patterns()["nouns"].match(text, at, hi)
            w = _WORD_RE.match(text, at, hi) if other is None else None
            if w is None or not _MODIFIER_WORD.fullmatch(w.group(0)):
                break
            lower = w.group(0).lower()
            if lower in lx.ones or lower in lx.tens or lower in lx.scales or lower in _STOP_MODIFIER \
                    or lower in ("a", "an", "the", "their", "its"):
                break  # another figure (`and three civilians`) or another phrase
            at = _SPACES.match(text, w.end(), hi).end()
    other_sense = lexicon().nouns.get(_fold(other.group(0))) if other else None
    if other_sense is not None and other_sense.group == "people" and _fold(other.group(0)) not in _WEAK_HEADS:
        # `453 officers and men`, `40 soldiers and policemen`: one count of two kinds of people.
        if other_sense.population != sense.population:
            sense = NounSense(sense.category, "unknown", sense.group)
        end = other.end()
    else:
        if sense.group == "people" and _MODEL.search(text, pos, at):
            sense = lexicon().after_model.get(_fold(head.group(0)), sense)  # `two MiG-29 fighters`
        if sense.group == "people" and sense.population != "civilian" and re.search(r"(?i)\bcivilian\b", text[pos:at]):
            sense = NounSense(sense.category, "civilian", sense.group)  # `27 civilian Kurds`
    mentions = party_mentions(text, pos, end)
    pp_end, pp_mentions, pp_relative = _pp(text, end, hi)
    return text[head.start():end], sense, pp_end, mentions + pp_mentions, relative or pp_relative


def _pp(text: str, pos: int, hi: int) -> tuple[int, list[tuple[int, int, str]], str | None]:
    """A prepositional phrase after a head noun (`of Ukraine's 36th Marine Brigade`, `from
    YPG`, `supporting the Kurds`): its end and the parties it names. It stops at a clause
    boundary, a verb or a number."""
    m = _PP.match(text, pos, hi)
    if m is None:
        return pos, [], None
    stop = _CLAUSE_END.search(text, m.end(), hi)
    limit = stop.start() if stop else hi
    # Stop at the first auxiliary or predicate verb (`fighters from YPG died in clashes`).
    lx = lexicon()
    p_after = _patterns()["pred_after"]
    end = before_and = m.end()
    relative = None
    for w in re.finditer(r"[\w'’\-\.]+", text[m.end():limit]):
        lower = w.group(0).lower()
        if w.group(0)[:1].islower() and (lower in _AUX - _QUANTIFIERS_IN_PP
                                         or lower in lx.predicates_after or lower in lx.cue_verbs
                                         # `... of the infantry laid down their lives`
                                         or lower in lx.predicate_heads
                                         and p_after.match(text, m.end() + w.start(), hi) is not None):
            if text[end - 4:end].lower() in (" and", " but") or text[end - 3:end].lower() == " or":
                end = before_and  # `members of the junta and captured 430`: a second verb, not theirs
            break
        before_and = end
        if re.fullmatch(r"\d[\d,]*", lower):
            break
        if lower in ("its", "their", "our") and end == m.end():
            relative = "own"
        if lower in lx.enemy_words:
            relative = "enemy"
        end = m.end() + w.end()
    if end == m.end():
        return pos, [], None
    return end, party_mentions(text, m.end(), end), relative


_OF_THE_ENEMY = re.compile(r"(?i)[ \t]+of[ \t]+the[ \t]+(?P<enemy>enemy|adversary|opponent)\b(?![’']s\b)")
_MANPOWER = re.compile(
    r"(?i)[ \t]+units?[ \t]+of[ \t]+(?:the[ \t]+)?(?:(?P<enemy>enemy|adversary|opponent)(?:['’]s)?[ \t]+)?manpower\b")


_CASES_OF = re.compile(r"(?i)[ \t]+(?:cases|reports|incidents|instances)[ \t]+of[ \t]+")
# A body of men after a partitive `of the`: `the attacking force`, `the garrison`, `the 3rd battalion`.
_GROUP_OF = re.compile(
    r"(?i)[ \t]*(?:[\w'’\-]+[ \t]+){0,3}?(?:force|garrison|column|unit|army|battalion|brigade|regiment|division|contingent"
    r"|detachment|crew|convoy|company|platoon|squadron)\b")


_THE_OR_FROM = re.compile(r"(?i)\b(?:the|from)[ \t]+$")
_CLAIMED_AFTER = re.compile(
    r"(?i)[ \t]+(?:claimed|reported|announced|given|cited|stated|quoted|put[ \t]+out|published|released)[ \t]+(?:by|on|in|earlier|last|initially|previously)\b")


def _partitive(text: str, pos: int, hi: int):
    """`16 out of the 481 militants`, `four of whom`, `Seventeen of those victims`, `N of its
    soldiers`: the noun comes from the phrase after `of`."""
    enemy = _OF_THE_ENEMY.match(text, pos, hi) or _MANPOWER.match(text, pos, hi)
    if enemy is not None:
        # `killed 5,113 of the enemy`, `100 units of the adversary's manpower`: the enemy's men
        relative = "enemy" if enemy.group("enemy") else None
        return enemy.group(0).strip(), NounSense("troops", "military", "people"), enemy.end(), [], relative, None
    cases = _CASES_OF.match(text, pos, hi)
    if cases is not None:
        # `43 reports of missing persons`, `9 cases of gunshot wounds`: what the cases are of
        noun, sense, np_end, mentions, relative = _noun_phrase(text, cases.end(), hi)
        if sense is not None and sense.group in ("loss", "people"):
            return noun, sense, np_end, mentions, relative, None
        return None
    m = _PARTITIVE.match(text, pos, hi)
    if m is None:
        return None
    if m.group("pron"):
        return m.group(0).strip(), NounSense("people", "unknown", "people"), m.end(), [], None, None
    # Skip a number (`out of the 481`) and read the noun phrase after it.
    after = m.end()
    num = _NUMBER_AHEAD.match(text, after, hi)
    if num:
        after = num.end()
    bare = m.end() == m.start() + len(m.group(0)) and m.group(0).rstrip().lower().endswith("of")
    if bare:
        # `shot down 31 of 40 drones`: 31 counts drones too, and `40 drones` stays a figure of
        # its own; only a part smaller than its whole (`in 1995 of 2,000 men` is a year).
        n = re.search(r"(\d[\d,]*)$", text[max(0, pos - 12):pos])  # None after a number word
        whole = int(num.group(0).replace(",", "")) if num else None
        if whole is None or n is not None and (int(n.group(1).replace(",", "")) >= whole
                                               or re.fullmatch(r"1\d{3}|20\d{2}", n.group(1))):
            return None
    noun, sense, np_end, mentions, relative = _noun_phrase(text, after, hi)
    if (sense is None or sense.group == "units") and not bare and (group := _GROUP_OF.match(text, after, hi)) is not None:
        # `About 100 of the attacking force were killed`, `200 of the battalion`: its men
        noun, sense, np_end, relative = group.group(0).strip(), NounSense("troops", "military", "people"), group.end(), None
        mentions = party_mentions(text, after, group.end())
    if bare and sense is not None:
        return noun, sense, pos, [], relative, None
    if sense is None:
        # `of those killed`: a predicate as the noun.
        pm = _patterns()["pred_after"].match(text, after + len(text[after:]) - len(text[after:].lstrip()), hi)
        if pm is not None:
            cat = lexicon().predicates_after[_fold(pm.group(0))]
            if cat in ("killed", "wounded", "missing", "captured", "displaced", "casualties"):
                return pm.group(0), NounSense("people", "unknown", "people"), pm.end(), [], None, Category(cat)
        return None
    # (`264 of the alliance's fighters` in its spokesman's statement: the speaker's own body)
    own = "own" if re.search(r"(?i)\b(?:its|their|our|his|her)\b|\bthe[ \t]+(?:alliance|group|movement|organi[sz]ation|coalition|front)['’]s?\b",
                             m.group(0)) else relative
    return noun, sense, np_end, mentions, own, None


_OR_SO = re.compile(r"[ \t]+or[ \t]+so\b(?![ \t]+more)")
# `belonging to Jaish-e-Mohammed, Lashkar-e-Taiba and Hizbul Mujahideen`: the groups between a
# noun and its verb, whether the noun phrase took the first of them (`_BELONGING_IN`, then the
# rest of the list, `_NAME_LIST_TAIL`) or none (`_BELONGING`).
_BELONGS_TO = r"(?:belonging|affiliated|linked|loyal|attached)[ \t]+to[ \t]+(?:the[ \t]+)?[A-Z][\w'’\-]*"
_BELONGING = re.compile(
    _BELONGS_TO + r"(?:(?:[ \t]+|[ \t]*,[ \t]*|[ \t]+and[ \t]+|[ \t]*,[ \t]+and[ \t]+)(?:the[ \t]+)?[A-Z][\w'’\-]*){0,12}")
_BELONGING_IN = re.compile(r"\b" + _BELONGS_TO + "$")
_NAME_LIST_TAIL = re.compile(
    r"(?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)(?:the[ \t]+)?[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*)*){1,12}")


_GAPPED_DEMONYM = re.compile(
    r"[ \t]+(?P<party>[A-Z][\w'’\-]*)[ \t]+and[ \t]+(?:(?:about|some|around|nearly|at[ \t]+least|more[ \t]+than)[ \t]+)?(?P<num>\d[\d,]*)")
_PARTICIPLE_AND = re.compile(r"(?i)[a-z]{3,}(?:[ \t]+(?:away|off|out|up|down|back))?[ \t]*,?[ \t]+and[ \t]+")


def predicate_after(text: str, pos: int, hi: int, civilians: bool = False) -> tuple[str, str, int] | None:
    """A predicate after the noun phrase, over auxiliaries and adverbs (`have also been
    killed`, `who were severely wounded`, `are believed to have been killed`), within the
    clause: (words, category, end). Of ``civilians``, leaving a place is displacement too."""
    p = _patterns()
    lx = lexicon()
    cursor = pos
    steps = 0
    while steps < 8:
        at = _SPACES_QUOTES.match(text, cursor, hi).end()
        paren = _PARENTHETICAL.match(text, at, hi)
        if paren is not None and steps == 0:
            at = _SPACES_QUOTES.match(text, paren.end(), hi).end()
        if steps == 0 and ((groups := _BELONGING.match(text, at, hi)) is not None or _BELONGING_IN.search(text, max(0, pos - 80), pos)
                           and (groups := _NAME_LIST_TAIL.match(text, cursor, hi)) is not None):
            # `100 terrorists belonging to A, B and C were killed`: the groups they belong to
            at = _SPACES_QUOTES.match(text, groups.end(), hi).end()
        if steps == 0 and (place := _PLACE_PP.match(text, at, hi)) is not None \
                and (found := predicate_after(text, place.end(), hi, civilians)) is not None:
            return found  # `1,173 of the 1,407 men in the camp were killed`: where they were, then what befell them
        if civilians and (m := p["civilians_moved"].match(text, at, hi)) is not None:
            return m.group(0), "displaced", m.end()  # (`left` is said of troops too: see lexicon)
        m = p["pred_after"].match(text, at, hi)
        if m is not None:
            word = _fold(m.group(0))
            if word in ("lost", "losing") and _OBJECT.match(text, m.end(), hi):
                return None  # `families lost three members`: what they lost, not themselves
            return m.group(0), lx.predicates_after[word], m.end()
        coordinated = _PARTICIPLE_AND.match(text, at, hi) if steps else None
        if coordinated is not None and p["pred_after"].match(text, coordinated.end(), hi):
            # `were swept away and drowned`, `were ambushed and killed`: after an auxiliary, the
            # second of two verbs says what happened to them
            cursor = coordinated.end()
            steps += 1
            continue
        w = _LETTERS.match(text, at, hi)
        if w is None:
            return None
        lower = w.group(0).lower()
        if lower not in _AUX and not lower.endswith("ly") and not (lower == "as" and steps):  # (`are listed as missing`)
            return None
        cursor = w.end()
        steps += 1
    return None
