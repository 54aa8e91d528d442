"""Who says it: attributions as relations of a source, a cue and a content span.

The model is the one the PARC corpus annotates news attributions with. A *cue* (`said`,
`claimed`, `according to`, `put the toll at`, `X's figures`) links a *source* (who) to a
*content* span (what is attributed). A claim inside a content span gets that source, and only
that one; nested contents (`X said Y claimed N`) give the innermost source, the original
claimant. The forms handled, each a way of finding the source and the content from the cue:

- source before the cue, content after: `The ministry said (that) ...`, `X claims ...`,
  `Russian separatists claim to have killed ...`, `X put its losses at 300`;
- content before, source after: `..., the ministry said.`, `..., said X.`, `“...,” he said`;
- prepositions: `According to X, ...` (content after, and carried over the next sentences),
  `..., according to X`, `(per X)`, `citing X`, `as reported by X`, `data collected by X`;
- possessives: `X's figures show ...`, `by X's count`;
- quotations with a reporting clause before, inside or after them (paragraph-level: a quote
  may run over several sentences);
- headlines: `Rights group: more than 600 killed`, `... - investigators`.

Sources are noun phrases: names, acronyms, phrases headed by a source noun (`the defence
ministry`, `a human rights monitoring group`), pronouns and definite descriptions (`it`, `he`,
`the ministry`) that the caller resolves against earlier sources. Unnamed sources (`officials
said`, `some sources`) are hedges: the relation is kept with ``unnamed`` set and no claimant.
Every word list is lexicon data (``claims/lexicon``).
"""

from __future__ import annotations

import re
from functools import cache

from attrs import evolve, frozen

from claims.extract.numbers import FOOTNOTE, number_words_hint
from claims.lexicon import CueVerb, lexicon, phrase_pattern
from claims.model import Attribution, ClaimantClass, Hedge, HedgeKind

__all__ = [
    "FIRST_PERSON",
    "Relation",
    "classify_claimant",
    "find_attributions",
    "find_blocks",
    "find_hedges",
    "find_quote_relations",
    "description_key",
    "reading_view",
    "is_unnamed",
    "unnamed_attribution",
    "source_heads_in",
]


# A footnote marker on a word (`killed,[4]`, `(Russian claim)[10]`) and a word broken over a
# line with a hyphen (`es-` / `timated`, as PDF copies break them).
_MARKER = re.compile(rf"(?<=\S){FOOTNOTE}")
_BROKEN_WORD = re.compile(r"\b(?P<a>[A-Za-z]+)-\n(?P<b>[a-z]+)\b")


def reading_view(text: str, original: str) -> str:
    """``text`` as attributions are read in it, with the same offsets: footnote markers blanked
    (a reader skips them: `killed,[4] a figure ... reported by the survivors` is still the
    historians' figure), paragraphs set all in capitals (a cable's `ARVN SOURCES REPORT ...`)
    in lower case but for their acronyms, and words ``original`` breaks over a line with a
    hyphen joined (`estimated`, padded with spaces after it). ``original`` is ``text`` before
    its line breaks were read as spaces."""
    view = _MARKER.sub(lambda m: " " * len(m.group(0)), text) if "[" in text else text
    if _SHOUTING.search(view):
        view = _SHOUTING.sub(_spoken, view)
    if "-\n" not in original:
        return view
    pieces, last = [], 0
    for m in _BROKEN_WORD.finditer(original):
        if text[m.end("a") + 1] == " ":  # (inside a paragraph, not over a paragraph break)
            pieces += [view[last:m.start()], m.group("a") + m.group("b") + "  "]
            last = m.end()
    return "".join(pieces) + view[last:] if pieces else view


# A paragraph of sentences in capitals: forty letters or more, no lower-case word, a full stop
# at its end (not a headline).
_SHOUTING = re.compile(r"(?m)^(?=[^\n]*[A-Z]{2,}[^\n]*[A-Z]{2,})(?![^\n]*[a-z]{2})[^\n]{40,}[.!?][\"”']?[ \t]*$")
_CAPS_WORD = re.compile(r"[A-Z][A-Z'’\-]*|\d+(?:ST|ND|RD|TH)\b")
_VOWELS = frozenset("AEIOUY")


def _spoken(m: re.Match[str]) -> str:
    """A line in capitals as prose would write it, letter for letter: acronyms (a party's, or
    short and without vowels: `ARVN`, `JGS`) kept, the rest in lower case (`18th division`)."""
    def word(w: re.Match[str]) -> str:
        token = w.group(0)
        lower = token.lower()
        if token[0].isdigit():
            return lower
        if len(lower) != len(token) or lexicon().party_of(token) is not None \
                or len(token) <= 4 and not _VOWELS & set(token):
            return token
        return lower
    return _CAPS_WORD.sub(word, m.group(0))


@frozen
class Relation:
    """One attribution: a source, its cue and the content span it governs.

    ``form`` says how it was found (`source_before`, `source_after`, `according`,
    `possessive`, `quote`, `headline`, `passive`); ``type`` what the cue says of the content
    (assert, claim, belief, confirm, deny, record: lexicon ``cues.toml``). ``pronoun`` marks a
    source the caller must resolve (`it`, `he`, `the ministry`); ``unnamed`` a source that is
    no claimant (`officials said`); ``extends`` a sentence-initial `According to X,` whose
    attribution plausibly carries over the following sentences.
    """

    source: str | None
    source_start: int | None
    source_end: int | None
    cue: str
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    form: str
    type: str = "assert"
    unnamed: bool = False
    pronoun: bool = False
    extends: bool = False

    @property
    def claimant(self) -> str | None:
        return None if self.unnamed else self.source

    def covers(self, start: int, end: int) -> bool:
        """Whether the span lies in the content and not in the source itself."""
        if not (self.content_start <= start and end <= self.content_end):
            return False
        if self.source_start is not None and self.source_end is not None:
            if self.source_start <= start < self.source_end:
                return False
        return True


# --- patterns from the lexicon ---------------------------------------------------------------

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-zÀ-ÿ0-9](?:[\w'’\-&]|\.(?=[A-Za-z]))*|[“”\"'‘’(),;:\[\]—–-]"
                   # a full stop that ends a sentence (no source phrase runs over it)
                   # (`Gen. Petraeus` is one name)
                   r"|(?<=[a-z0-9\"”'’)])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bGen)(?<!\bCol)(?<!\bLt)(?<!\bCapt)(?<!\bMaj)(?<!\bSgt)(?<!\bCpl)(?<!\bBrig)(?<!\bAdm)(?<!\bCdr)(?<!\bSt)(?<!\bJr)(?<!\bSr)(?<!\bProf)(?<!\bRev)(?<!\bGov)(?<!\bSen)(?<!\bRep)(?<!\bNo)(?<!\bvs)(?<!\bFr)\.(?=\s+[A-Z\"“])")
# Words that open a sentence and link it to the one before: no source, however capitalised.
_CONNECTIVES = frozenset(
    "meanwhile however separately elsewhere moreover furthermore nevertheless nonetheless instead thus therefore "
    "overall besides still also earlier later today yesterday subsequently afterwards consequently".split()
)
_AUX_BEFORE_CUE = frozenset(
    "long has have had also later previously then would could will further again since earlier "
    "already initially first subsequently separately recently reportedly officially publicly "
    "did does do not yet once just still now repeatedly ever both all each jointly together".split()
)
_GOES_ON = frozenset("continues continued continue went goes go has have had".split())
_DETERMINERS = frozenset("the a an this that these those its his her their our whose my your".split())
_CLAUSE_WORDS = frozenset(
    "that which who whom where when while whereas as if because since although though but and or "
    "so then than after before until unless once whether what how why".split()
)
_PREPOSITIONS_IN_NP = frozenset({"of", "for", "in", "with", "at", "on", "and", "&", "de", "al", "von", "van", "der", "du", "la", "le", "el", "bin", "ibn"})
_TIME_AFTER_CUE = re.compile(
    r"(?i)[ \t]*(?:,[ \t]*)?(?:(?:on|late|early|last|this|earlier|later|in\s+a|in\s+an|in\s+its|in\s+his|in\s+her|in\s+their|at\s+a|during\s+a|to)\s+(?:(?:daily|latest|weekly|nightly|regular|televised|video|evening|morning)\s+)?(?!\d)[\w’'\-]+(?:\s+(?:statement|post|briefing|interview|conference|message|report|update|address|speech|bulletin|evening|morning|night|afternoon|week|month|year|day|reporters|journalists|television|tv|radio|channel|website|broadcast|the\s+\w+))?\b|today|yesterday|tonight|overnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)[ \t]*"
)
# `said in a statement posted online that`, `... released on Telegram`: how the statement was
# published, not a second source (`a statement` is no claimant) nor part of its content.
_PUBLISHED_AFTER_CUE = re.compile(
    r"(?i)[ \t]*(?:posted|published|released|issued|carried|broadcast|aired|uploaded|shared|circulated)"
    r"(?:[ \t]+(?:online|on[ \t]+(?:its|his|her|their|the|a)?[ \t]*[\w\-]+(?:[ \t]+(?:channel|account|page|website|site|feed))?"
    r"|by[ \t]+(?:the[ \t]+)?[\w\-]+|late|early|overnight|today|yesterday))*[ \t]*"
)
_ADDRESSEE = re.compile(
    r"(?i)[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+|state[ \t]+)?(?:[\w'’\.\-]+[ \t]+){0,3}?[\w'’\.\-]+"
    r"(?=[ \t]*(?:[.,;:]|$|[ \t]+(?:that|on|in|by|at|during|late|earlier|last|this|over|via)\b))"
)
_THAT = re.compile(r"(?i)[ \t]*(?:,[ \t]*)?(?:that\b|:|,)[ \t]*")


_POSSESSIVE_TAIL = (
    r"['’]s?[ \t]+"
    # (`Keel's 1998 study`, `the ministry's latest figures`)
    # (`Memorial's more cautious count`, `the army's higher figure`)
    r"(?:(?:1[5-9]|20)\d\d[ \t]+|(?i:latest|new|own|official|final|updated|revised|preliminary|more|less|most|much|far"
    r"|higher|lower|earlier|later|first|initial|careful)[ \t]+"
    r"|[a-z]+(?:al|ic|ive|ed|ary|ous)[ \t]+){{0,2}}"  # `Krivosheev's statistical study`
    r"(?P<what>(?i:{suffixes}))"
)


@cache
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    lx = lexicon()
    prepositions = [p for p in lx.cue_prepositions if p not in ("by", "based on", "per")]
    return {
        # Scanned over the lower-cased sentence: a case-sensitive trie is the fastest scan.
        "verb": re.compile(phrase_pattern(lx.cue_verbs)),
        "preposition": re.compile(
            rf"(?i)(?:{phrase_pattern(prepositions)}|(?<![\w])(?:as\s+)?per(?=\s+[A-Z]))[ \t]+"
        ),
        "possessive": re.compile(
            rf"(?:(?i:by)[ \t]+)?(?P<who>(?:(?i:the)[ \t]+)?(?:[A-Z][\w\-]*|{phrase_pattern(sorted(lx.source_heads))})(?:[ \t]+(?:of[ \t]+|the[ \t]+|for[ \t]+)?[A-Z][\w\-]*){{0,6}})"
            + _POSSESSIVE_TAIL.format(suffixes=phrase_pattern(lx.source_suffixes))
        ),
        # The end of "possessive" alone: a sentence without it has no possessive source, and
        # it scans fast (it starts at an apostrophe), while the whole pattern backtracks over
        # every run of capitalised words.
        "possessive_tail": re.compile(_POSSESSIVE_TAIL.format(suffixes=phrase_pattern(lx.source_suffixes))),
        "relay": re.compile(phrase_pattern(lx.relay), re.I),
        "header_suffix": re.compile(rf"(?i){phrase_pattern(lx.source_suffixes)}$"),
        "clause_break": re.compile(rf"(?i);|,\s*(?:{phrase_pattern(lx.contrast)})\s"),
        "contrast_tail": re.compile(rf"(?i)[,;]?\s*(?:{phrase_pattern(lx.contrast)})?\s*$"),
    }


def _words(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    words = [(m.start(), m.end(), _ACRONYM_WORDS.get(m.group(0), m.group(0))) for m in _WORD.finditer(text, lo, hi)]
    if text.find("[[", lo, hi) != -1:
        # A wiki link's brackets (`[[Fidel Castro]] declared`) are no words: the name is.
        words = [w for w in words if not (w[2] in "[]" and (text[w[0] - 1:w[0]] == w[2] or text[w[1]:w[1] + 1] == w[2]))]
    return words


# Acronyms spelled like function words (`the WHO said`, `IS fighters`, `US officials`): read as
# names, never as `who`, `is` or `us` (the token's text only; offsets are the text's own).
_ACRONYM_WORDS = {w: w + "·" for w in ("WHO", "IS", "US", "IT", "AS", "ON", "OR", "AT", "IN", "AN", "NO", "SO", "TO", "BY")}


_NAME_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|at|az|abu|ibn|bin|de|da|di|van|von|du|le|la|d|l)[-’'][A-Z]"
                            r"|(?:de|da|di|du|van|von|le|la|mac)[A-Z][a-z]")  # `deLaski`


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() is False and word.isupper() and len(word) > 1) or (
        _NAME_PARTICLE.match(word) is not None)  # `al-Saadi`, `deLaski`


def _source_noun(word: str) -> bool:
    lx = lexicon()
    w = word.lower().rstrip("’'").removesuffix("’s").removesuffix("'s")
    return w in lx.source_heads or w in lx.unnamed_heads


_NOT_SOURCE = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight january february "
    "march april may june july august september october november december".split()
)
_STOP_IN_NP = frozenset(
    "meanwhile however moreover furthermore also yet still now later earlier separately instead indeed "
    "nevertheless nonetheless thus therefore hence besides likewise similarly otherwise "
    "to from by into onto over under after before during since until than as about against between "
    "is are was were be been being have has had do does did will would can could should may might must "
    "not no there here who whom which what when where why how that this these those".split()
)


def _demonym_adjective(word: str) -> bool:
    """`German`, `Ukrainian`, `Soviet`: a people's adjective (not the country's own name)."""
    lower = word.lower()
    party = lexicon().party_aliases.get(lower)
    return party is not None and lower != party.lower() and word[:1].isupper() \
        and re.search(r"(?:an|ese|ish|i|ic|ch|et|ine)$", lower) is not None


def _data_noun_at(words: list[tuple[int, int, str]], i: int) -> bool:
    """`German records`, `Ukrainian estimates`: a data noun after a people's adjective."""
    return i > 0 and words[i][2].lower() in lexicon().source_suffixes and _demonym_adjective(words[i - 1][2])


_DATA_SUBJECT = re.compile(
    r"[ \t\n\"“]*(?:(?:But|However|Yet|And),?[ \t]+)?(?P<src>(?:[A-Z][\w\-]+[ \t]+){1,3}(?:estimates|figures|accounts|records|claims|statistics|data|sources))"
    r"(?:[ \t]+(?:of|for|on)[ \t]+[^,;:.\d]{2,60}?)?[ \t]+(?P<cue>were|was|are|is|ranged|range|stood|stand)\b")
_BY_RECKONING = re.compile(
    r"[ \t\n]*(?P<by>[Bb]y|On)[ \t]+(?:the[ \t]+)?(?P<src>(?:[\w\-]+[ \t]+){0,3}?"
    r"(?:count|counts|reckoning|estimates?|tally|calculations?|figures|accounts?))[ \t]*,[ \t]*")
_CLAUSE_STOP = re.compile(r"[,;](?!\d{3})")
_GAPPED_SOURCE = re.compile(
    r"[,;][ \t]*(?:(?:and|while|whereas|but)[ \t]+)?(?P<src>(?:the[ \t]+)?(?:[A-Z][\w\-]+[ \t]+){1,3}"
    r"(?:sources|records|figures|estimates|accounts|data|historians))[ \t]*,?[ \t]*"
    r"(?=(?:(?:only|just|about|some|around|nearly)[ \t]+)?[~≈]?\d)")
_REDUCED_RELATIVE = frozenset(
    "released published issued compiled obtained seen prepared presented posted circulated leaked made gathered collected "
    "speaking requesting asking declining interviewed quoted cited contacted reached".split())  # (`Army officials speaking on condition of anonymity told`)


def _subject_noun_at(words: list[tuple[int, int, str]], i: int) -> bool:
    """`Western estimates put ...`: a data noun before the cue verb it is the subject of."""
    lx = lexicon()
    nxt = words[i + 1][2].lower() if i + 1 < len(words) else ""
    return i > 0 and words[i][2].lower() in lx.source_suffixes and nxt in lx.cue_verbs and nxt not in lx.source_suffixes


# `Its final assessment put`: the pronoun the possessive stands for.
_POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
# `a source close to the command`, `a commander loyal to the government`: one phrase.
_CLOSE_TO = frozenset("close loyal linked allied affiliated attached near sympathetic".split())
# What sets a figure against the one a participle's by-phrase names (`1,062, well below the
# 1,600 claimed by X`): the phrase covers only what follows it.
_COMPARED_WITH = re.compile(r"(?i),(?=\s)|\b(?:below|above|than|against|versus|vs\.?|compared\s+with|compared\s+to|not)\b")


def _head_ok(word: str) -> bool:
    lx = lexicon()
    lower = word.lower()
    if lower in _NOT_SOURCE:
        return False
    # (a belligerent's word for its enemy speaks for it too: `The Peking expansionists claim`)
    return _is_name_word(word) or _source_noun(word) or lower in lx.pronouns or lx.party_of(word) is not None \
        or lower in lx.hostile_labels


# A comma between clauses (`2,000` has none).
_CLAUSE_COMMA = re.compile(r",(?=\s)")
# Ranks written before a name (`,” Brig.-Gen. Saleh Shudeifat said`).
_TITLE_ABBREVIATIONS = frozenset(
    "Brig Gen Col Lt Maj Capt Sgt Cpl Pte Pvt Cmdr Adm Dr Mr Mrs Ms Prof Gov Sen Rep Maj-Gen Lt-Gen Lt-Col".split())
_OPENING_PREPOSITIONS = frozenset("in on at by during after before over within from between since until throughout".split())
# Words that single out one of a group in an apposition: `Later writers, notably Marsh, put`.
_SINGLED_OUT = frozenset("notably especially particularly chiefly principally".split())


def _shared_subject(text: str, words: list[tuple[int, int, str]], conj: int, lo: int) -> tuple[int, int] | None:
    """The subject of the sentence's first verb, when the cue after ``words[conj]`` (`but`,
    `and`) is that verb's second: `X accepted A but revised B to N`. None when the sentence
    does not open on its subject."""
    lx = lexicon()
    first = 0
    if words and words[0][2].lower() in _OPENING_PREPOSITIONS:
        # `Between June and October, field workers interviewed ... and recorded N`: the
        # subject comes after the opening adverbial and its comma.
        first = next((k + 1 for k in range(1, min(conj, 12)) if words[k][2] == ","), 0)
    for j in range(first, conj):
        w = words[j][2]
        if w in (";", ":") or w.lower() in _CLAUSE_WORDS:
            return None
        if j and w[:1].islower() and (w.lower() in lx.cue_verbs or w.endswith("ed")):
            return _np_before(text, words, j, lo)
    return None


def _np_before(text: str, words: list[tuple[int, int, str]], index: int, lo: int) -> tuple[int, int] | None:
    """The source noun phrase ending right before ``words[index]`` (the cue): (start, end).

    The head is the word before the cue (over auxiliaries and adverbs: `has announced`, `later
    said`), a name, a source noun, a party or a pronoun. The phrase runs left over modifiers
    (names, adjectives, nouns, `of`/`for`/`in`/`with`, possessives, a parenthesis such as
    `(DPR)`) to a determiner, punctuation or a clause word; `the` after `of` does not end it
    (`The Defense Ministry of the self-proclaimed Donetsk People's Republic`). An apposition
    between commas is skipped (`Eduard Basurin, an official with the defense ministry, told`;
    `The ... Observatory, with sources inside Syria, reported`): the source is the phrase
    before it."""
    lx = lexicon()
    i = index - 1
    while i >= 0 and (words[i][2].lower() in _AUX_BEFORE_CUE or words[i][2].lower() in _REFLEXIVES or (words[i][2].lower().endswith("ly") and words[i][2][:1].islower())
                      or words[i][2].lower() in _TIME_WORDS or words[i][2].lower() == "on" and i + 1 < index
                      and words[i + 1][2].lower() in _TIME_WORDS):
        i -= 1  # `has also said`, `Azerbaijan on Thursday said`
    if i > 0 and words[i][2] == "to" and words[i - 1][2].lower() in _GOES_ON:
        i -= 2  # `continues to insist`
        while i >= 0 and words[i][2].lower() in _AUX_BEFORE_CUE:
            i -= 1
    if i > 1 and (_YEAR_WORD.fullmatch(words[i][2]) or words[i][2].lower() in _MONTHS
                  or words[i][2].isdigit() and len(words[i][2]) <= 2 and words[i - 1][2].lower() in _MONTHS):
        # `A leaked assessment of February 2023 put ...`, `the release of April 24 put`: a
        # date after the source noun.
        k = i
        while k > 0 and (words[k][2].lower() in _MONTHS or words[k][2].isdigit() and len(words[k][2]) in (1, 2, 4)) \
                and i - k < 3:
            k -= 1
        if k > 0 and k < i and words[k][2].lower() in ("of", "in", "from", "dated"):
            i = k - 1
    if i < 0:
        return None
    if words[i][2].lower() in ("but", "and", "yet") and i > 1:
        # `Marsh accepted Hale's total but revised the figure to 3,400`: the verbs share the
        # subject that opens the sentence, not the phrase before `but`.
        return _shared_subject(text, words, i, lo)
    if words[i][2].lower() in ("who", "which") and i > 1 and words[i - 1][2] == ",":
        return _np_before(text, words, i - 1, lo)  # `..., disputed by Ostlandic scholars, who give 3,000`
    if words[i][2].lower() == "who" and i > 0:
        return _np_before(text, words, i, lo)  # `journalists who put it at 700`
    if words[i][2] == ",":
        # `X, <apposition>, said`: the source is X, before the previous comma, unless the part
        # between the commas is the name and X describes it (`The press secretary of the
        # ministry, Ivan Petrov, said`).
        j = i - 1
        depth = 0
        while j >= 0 and (depth or words[j][2] not in (",", ";", ":", "“", "”", '"', "(", ")") or words[j][2] == ")"):
            # (a bracket inside the apposition is part of it: `, notably Marsh (1963),`)
            depth += (words[j][2] == ")") - (words[j][2] == "(")
            j -= 1
        if j > 0 and words[j][2] in ("“", "”", '"'):
            # `Eritrea, which describes its pullback as a "tactical readjustment", said`: a
            # relative clause may quote a word
            j = next((k for k in range(j - 1, max(0, i - 30), -1)
                      if words[k][2] == "," and words[k + 1][2].lower() in ("which", "who")), j)
        if j <= 0 or words[j][2] != ",":
            return None
        between = words[j + 1:i]
        # `the spokesman ..., Colonel Ivan Petrenko, said`: a title may lead the name.
        if _titled_name([w for _, _, w in between]):
            return between[0][0], between[-1][1]
        if len(between) > 1 and between[0][2].lower() in _SINGLED_OUT:
            # `Later writers, notably Marsh (1963), revised ...`: the one named speaks for them.
            found = _np_before(text, words[:i] + [(between[-1][1], between[-1][1], "said")], i, lo)
            if found is not None and found[0] >= between[1][0]:
                return found
        if j >= 3 and words[j - 2][2] == "," and words[j - 1][2].isdigit() and len(words[j - 1][2]) <= 3:
            j -= 2  # `Nguyen Van Tan, 78, a former company commander, told`: the age is a second apposition
        found = _np_before(text, words, j, lo)
        if found is not None and text[found[0]:found[0] + 1].islower():
            # `Pieter Venter, operations director of X, the company ..., said`: the phrase
            # before the second apposition is itself one; the name before it speaks.
            m = next((k for k in range(j - 1, -1, -1) if words[k][0] == found[0]), None)
            if m is not None and m > 1 and words[m - 1][2] == "," and _is_name_word(words[m - 2][2]):
                named = _np_before(text, words, m - 1, lo)
                if named is not None and _titled_name(text[named[0]:named[1]].split()):
                    return named
        if found is not None and len(between) == 1 and re.fullmatch(r"[A-Z][A-Z&\-]{1,9}", between[0][2]) \
                and text[found[0]:found[1]].split()[0].lower() in ("the", "a", "an"):
            # `The UN humanitarian office, OCHA, says`: the acronym names what the phrase describes.
            return between[0][0], between[0][1]
        if found is not None and len(between) > 1 and between[0][2].lower() in ("which", "who"):
            # `Darwish, spokesman for the Council, which is part of the SDF, told`: the
            # relative clause hangs on a phrase that may itself be an apposition.
            apposed = _np_before(text, words[:j + 1] + [(words[j][1], words[j][1], "said")], j + 1, lo)
            if apposed is not None and text[apposed[0]:apposed[1]].lower() not in _CONNECTIVES:
                return apposed  # (not `Meanwhile, the commissioner, who asked not to be named, told`)
        if found is None and between and between[0][2].lower() == "who":
            # `One farmer, who asked not to be named, said`: a person the relative clause describes.
            for d in range(j - 1, max(-1, j - 5), -1):
                w = words[d][2]
                if not w.isalpha() or w.lower() in _CLAUSE_WORDS:
                    break
                if w.lower() in ("a", "an", "one", "the") and d < j - 1:
                    return words[d][0], words[j - 1][1]
        return found
    if words[i][2] == ")":
        j = i - 1
        while j >= 0 and words[j][2] != "(":
            j -= 1
        if j <= 0:
            return None
        end = words[i][1]
        i = j - 1
    else:
        end = words[i][1]
    if i >= 0 and not _head_ok(words[i][2].removesuffix("’s").removesuffix("'s")) and not _data_noun_at(words, i):
        # `The health ministry in the enclave said`: the head comes before a prepositional phrase.
        for j in range(i - 1, max(0, i - 11), -1):  # (`A medical source at a field hospital south of the city said`)
            w = words[j][2]
            if not (w[:1].isalnum() or w in ("’s", "'s")):
                break
            prev = words[j - 1][2] if j > 0 else ""
            if w.lower() in ("in", "of", "for", "at", "from", "on") and prev and prev.lower() not in lx.pronouns and (
                    _source_noun(prev) or lx.party_of(prev) is not None or (_is_name_word(prev) and j - 1 > 0 and words[j - 1][0] > lo)):
                found = _np_before(text, words, j, lo)
                if found is not None:
                    return found[0], end
                break
            if w.lower() in _CLAUSE_WORDS or w.lower() in lx.cue_verbs:
                break
    if i < 0 or not (_head_ok(words[i][2].removesuffix("’s").removesuffix("'s")) or _data_noun_at(words, i)):
        # `A parliamentary commission that investigated the tragedy said`: the source is the
        # phrase before the relative clause.
        for j in range(i, max(-1, i - 12), -1):
            if words[j][2] in (",", ";", ":", "“", "”", '"'):
                break
            if words[j][2].lower() in _REDUCED_RELATIVE and j > 0 and words[j - 1][2] != ",":
                # `A UN report released on Monday estimated`: a participle's phrase hangs on
                # the source before it.
                found = _np_before(text, words, j, lo)
                if found is not None:
                    return found
                break
            if words[j][2].lower() in ("that", "which", "who", "whose") and j > 0:
                # `a commander, who gave only his first name, Petro, told`: a relative clause
                # set off by commas hangs on the phrase before its comma.
                found = _np_before(text, words, j - 1 if words[j - 1][2] == "," else j, lo)
                if found is not None:
                    return found
                break
        return None
    start = words[i][0]
    if words[i][2].lower() in lx.pronouns:
        return start, end
    i -= 1
    count = 1
    while i >= 0 and count < 14:
        s, e, w = words[i]
        lower = w.lower()
        if w in ("’s", "'s"):
            i -= 1
            continue
        if not w[:1].isalnum():
            break
        if lower in ("the", "a", "an"):
            prev = words[i - 1][2].lower() if i > 0 else ""
            if prev in ("of", "for", "in", "with", "on", "at", "from") or (
                    prev == "to" and i > 1 and words[i - 2][2].lower() in _CLOSE_TO) or (
                    # `Save the Children`: a name with `the` inside, capitalised on both sides
                    lower == "the" and w == "the" and i > 0 and words[i - 1][2][:1].isupper()
                    and words[i - 1][2].isalpha() and _is_name_word(words[i + 1][2])
                    and prev not in _CLAUSE_WORDS and prev not in _STOP_IN_NP and prev not in _NOT_SOURCE
                    and prev not in _TIME_WORDS and lx.party_of(words[i - 1][2]) is None
                    and prev not in lx.cue_verbs and (i == 1 or not words[i - 2][2][:1].isalnum())):
                start = s
                i -= 1
                count += 1
                continue
            start = s
            break
        if lower in ("its", "his", "her", "their", "our", "whose"):
            if lower in _POSSESSIVE_PRONOUNS and re.search(rf"(?i)\b(?:{_DOCUMENT_NOUNS})\W*$", text[e:end]):
                return s, e  # `Its final assessment put`: whose it is, a pronoun pointing back
            break
        if lower == "and":
            # `Reuters and AFP`, `witnesses and local media`: two sources speak together.
            if i > 0 and ((_is_name_word(words[i - 1][2]) or lx.party_of(words[i - 1][2]) is not None) and _is_name_word(words[i + 1][2])
                          # `medical and military sources`: two modifiers of one source noun
                          or words[i - 1][2].lower() in lx.unnamed_modifiers and words[i + 1][2].lower() in lx.unnamed_modifiers
                          or _source_noun(words[i - 1][2]) and not (i > 1 and (words[i - 2][2][:1].isdigit()
                                                                          or words[i - 2][2].lower() in lx.ones or words[i - 2][2].lower() in lx.tens))):
                start = s
                i -= 1
                count += 1
                continue
            break
        if lower == "for" and i > 0 and _is_name_word(words[i + 1][2]) and (
                _is_name_word(words[i - 1][2]) or _source_noun(words[i - 1][2])):
            # `The Secretary of State for War`, `the Commissioner for Human Rights`: a title's part
            start = s
            i -= 1
            count += 1
            continue
        if lower == "to" and i > 1 and words[i - 1][2].lower() in _CLOSE_TO:
            start = words[i - 1][0]  # `a source close to the command`: one phrase
            i -= 2
            count += 2
            continue
        if lower in _CLAUSE_WORDS or lower in _STOP_IN_NP or w[:1].isdigit() and not _ORDINAL.fullmatch(w):
            break  # (an ordinal is part of a unit's name: `the 93rd Brigade`)
        # A cue verb ends the phrase, unless it is a noun there too (`State television`).
        if lower in lx.cue_verbs and not (
            (lower in lx.not_person_words or lower in lx.source_heads or lower in lx.unnamed_modifiers)
            and _source_noun(words[i + 1][2])
        ) and not (w[:1].isupper() and i > 0 and words[i - 1][2].lower() in ("of", "for")):
            break  # (`Secretary of State`: a capitalised word in a name is no verb)
        if w[:1].islower() and lower.endswith("ly") and len(lower) > 4 and lower not in _LY_ADJECTIVES:
            break  # an adverb (`Separately`, `reportedly`) is no part of a name
        if lower in lx.predicates_after and not _is_name_word(w):
            break
        if w[:1].islower() and _is_name_word(words[i + 1][2]) and lower not in lx.unnamed_modifiers \
                and lower not in _PREPOSITIONS_IN_NP and not _ADJECTIVE_LIKE.fullmatch(lower) and not _source_noun(w):
            break  # `Across the whole battle Iranian sources put`: a noun before the name ends the phrase
        start = s
        i -= 1
        count += 1
    # Leading prepositions the walk took (`of`, `in`).
    seg = text[start:end]
    lead = re.match(r"(?i)(?:(?:of|for|in|with|at|on|from)\s+)+", seg)
    if lead:
        start += lead.end()
    k = next((k for k, w in enumerate(words) if w[0] == start), None)
    if k is not None and k >= 2 and words[k - 1][2].lower() in ("against", "on", "into", "about") \
            and words[k - 2][2].lower() in lx.source_heads:
        # `The ICTY judgement against Stanislav Galić found`: the judgement speaks, not its subject.
        whole = _np_before(text, words, k - 1, lo)
        if whole is not None:
            return whole[0], end
    if k is not None and k >= 3 and words[k - 1][2].lower() in ("from", "in", "at") and words[k - 2][2][:1].islower() \
            and words[k - 2][2].isalpha() and words[k - 2][2].lower() not in _CLAUSE_WORDS:
        # `A trader from Nyala said`, `a 34-year-old trader from Nyala`: the person, not the place
        for j in range(k - 3, max(-1, k - 7), -1):
            if words[j][2].lower() in ("a", "an", "one"):
                return words[j][0], end
            if not (words[j][2][:1].islower() or words[j][2][:1].isdigit()) or words[j][2].lower() in _CLAUSE_WORDS:
                break
    return (start, end) if start < end else None


# Words shaped like adjectives (`Ukrainian`, `Kremlin-backed`, `provincial`): modifiers of a
# source after its cue; before its cue also `senior`, `independent`, `pro-government`.
_ADJECTIVE_ENDINGS = "ian|ese|ish|ern|based|led|backed|proclaimed|run|ary|al|ic|ive|ing|ed"
_ADJECTIVE = re.compile(rf"[a-z][a-z\-]*(?:{_ADJECTIVE_ENDINGS})")
_ADJECTIVE_LIKE = re.compile(rf"[a-z][a-z\-]*(?:{_ADJECTIVE_ENDINGS}|ior|ent|ant|ly|-\w+)")
_YEAR_WORD = re.compile(r"1[5-9]\d\d|20\d\d")
_MONTHS = frozenset("january february march april may june july august september october november december".split())
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
# `Prigozhin himself claimed`: the intensifier is no part of the source.
_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})
_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight".split())


def _np_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The source noun phrase right after ``pos`` (`said the spokesman`, `according to the
    Palestinian Ministry of Health (MoH)`): names, source nouns, adjectives, up to a clause
    boundary."""
    lx = lexicon()
    words = _words(text, pos, min(hi, pos + 200))
    start = end = None
    has_head = False
    count = 0
    skip_to = -1
    for k, (s, e, w) in enumerate(words):
        if s < skip_to:
            continue
        lower = w.lower()
        if w in (",", ";", ":", "“", "”", '"', "—"):
            break
        if w == "(" and start is not None and (retired := _RETIRED.match(text, s)) is not None:
            skip_to = retired.end()  # `Lt Col (retd) N. K. Sharma`: part of the title
            continue
        if w == "(":
            # A parenthesis right after a name is part of it (`(MoH)`).
            close = text.find(")", s, min(hi, s + 40))
            if end is not None and close != -1:
                end = close + 1
            break
        if w in (")", "[", "]"):
            break
        if lower in _CLAUSE_WORDS - {"and"} or (lower == "and" and not (k + 1 < len(words) and _is_name_word(words[k + 1][2]))):
            break
        if lower in lx.cue_verbs and start is not None and not (k > 0 and re.search(r"['’]s?$", words[k - 1][2])) \
                and not (w[:1].isupper() and k > 0 and (words[k - 1][2].lower() in _DETERMINERS or _is_name_word(words[k - 1][2]))):
            # (a capitalised one inside a name is part of it: `the State Department`)
            if lower in lx.source_suffixes and (lx.party_of(words[k - 1][2]) is not None or _is_name_word(words[k - 1][2])):
                end = e  # `according to Israeli tallies`, `according to Ukrainian estimates`: a noun here
            break  # a cue verb ends the phrase, but after a possessive it is a noun (`the commission's report`)
        if lower in ("on", "in", "at", "during", "late", "early", "last", "this") and start is not None and not (k + 1 < len(words) and _is_name_word(words[k + 1][2]) and lower in ("in", "of")):
            break
        if w[:1].isdigit() and not (start is not None and _ORDINAL.fullmatch(w)):
            break  # (an ordinal names a unit: `the commander of its 77th Battalion`)
        ok = (_is_name_word(w) or _ORDINAL.fullmatch(w) is not None or _source_noun(w) or lower in _DETERMINERS or lower in _PREPOSITIONS_IN_NP
              or (start is None and lower in lx.pronouns)
              or (start is None and lower in ("one", "two", "three", "several", "some", "many"))  # `said one fighter`
              or _ADJECTIVE.fullmatch(lower) is not None
              or lower in lx.unnamed_modifiers or lower.removesuffix("’s").removesuffix("'s") in lx.party_aliases
              or w in ("’s", "'s"))
        indefinite = (lower in lx.unnamed_indefinite_heads and start is not None
                      and words[0][2].lower() in ("a", "an", "one"))  # `said one fighter from ...`
        ok = ok or indefinite
        if not ok and start is not None and w[:1].islower() and w.isalpha() and any(
                words[j][2].lower() == "of" and words[j - 1][2].lower() in _DEPARTMENT_HEADS for j in range(max(1, k - 2), k)):
            ok = True  # `the ministry of defence`, `the department of foreign affairs`: what it is the ministry of
        if not ok and w[:1].islower() and (start is not None or k == 0):
            # A modifier noun before a source noun or a name (`the UN refugee agency UNHCR`,
            # `said rebel spokesman Ali Haddad`).
            nxt = [x for _, _, x in words[k + 1:k + 3]]
            ok = any(_source_noun(x) or _is_name_word(x) for x in nxt) and lower not in _CLAUSE_WORDS
        if not ok:
            break
        if (has_head and w[:1].islower() and re.fullmatch(r"[a-z][a-z\-]*(?:ed|ing)", lower)
                and not _source_noun(w) and not (k + 1 < len(words) and (_is_name_word(words[k + 1][2]) or _source_noun(words[k + 1][2])))):
            break  # `AFP based on medical sources`: a participle clause after the head, not a modifier
        if _head_ok(w) or indefinite:
            has_head = True
        if start is None:
            start = s
        end = e
        count += 1
        if count > 14:
            break
    if start is None or not has_head:
        return None
    seg = text[start:end]
    tail = re.search(r"(?i)(?:\s+(?:of|for|in|with|at|on|and|the|a|an))+$", seg)
    if tail:
        end = start + tail.start()
    return start, end


# Bodies named by what they are in charge of, written in lower case (`the ministry of defence`).
_DEPARTMENT_HEADS = frozenset("ministry ministries department office minister secretary bureau directorate".split())


# `according to a tally by X`, `preliminary data collected by X`, `the latest UN figures from
# X`: the agent after the noun is the source, not the tally.
# Nouns for what a source publishes its figures in: `a tally by X`, `the ministry's daily briefing`.
_DOCUMENT_NOUNS = (
    r"tall(?:y|ies)|counts?|estimates?|figures?|data|statistics|records|assessments?|statements?|reports?"
    r"|communiqu[eé]s?|announcements?|bulletins?|updates?|briefings?"
)
# What one acts `according to` that says nothing: a rule, a law, a plan.
_NORMS = re.compile(r"(?i)\b(?:conventions?|law|laws|rules?|procedures?|protocols?|plan|plans|schedule|standards?|norms?"
                    r"|principles?|regulations?|treaty|treaties|instructions|orders|custom|tradition|agreement|accords?)\W*$")
_WHAT_BEFORE = re.compile(r"(?i)\b(?:what|whatever)[ \t]+$")
_TALLY_OF = re.compile(
    r"(?i)(?:(?:the|a|an|its|their|his|her)[ \t]+)?(?:[\w\-]+[ \t]+){0,3}?"
    rf"(?:{_DOCUMENT_NOUNS}|information|numbers|tolls?|surveys?|analys[ie]s|reviews?|compilations?)[ \t]+"
    r"(?:(?:compiled|collected|gathered|kept|published|released|provided|given|issued|cited|obtained|received|verified|made"
    r"|maintained)[ \t]+(?:(?:on|late|early|last|this|earlier)[ \t]+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun|to|yester)day"
    r"|overnight|earlier|week|month|year)?[ \t]*)?(?:by|from|of)[ \t]+"
)


def is_unnamed(source: str) -> bool:
    """A source that names nobody: `officials`, `some sources`, `local reports`, `witnesses`.

    A party or organisation in the phrase names it (`Ukrainian officials`, `rebel sources`,
    `various Israeli sources` are claimants)."""
    lx = lexicon()
    words = [w.lower().strip("’'") for w in re.findall(r"[\w'’\-]+", source)]
    if not words:
        return True
    if "and" in words[1:-1]:  # `witnesses and local media`: unnamed when every part is
        k = words.index("and")
        first = words[:k]
        if all(w in lx.unnamed_modifiers for w in first):
            first = first + words[-1:]  # `medical and military sources`: one head for both
        return is_unnamed(" ".join(first)) and is_unnamed(" ".join(words[k + 1:]))
    for k, w in enumerate(words[1:-1], start=1):
        if w in _CLOSE_TO and words[k + 1] == "to":
            return is_unnamed(" ".join(words[:k]))  # `a source close to the command` names nobody
        if w in ("in", "at", "from", "near") and (words[k - 1] in lx.unnamed_heads or (
                words[k - 1] in lx.unnamed_indefinite_heads and words[0] in ("a", "an", "one"))):
            # `Officials in Kherson`, `police in the city`: a place names nobody, unless it
            # stands for a party (`officials in Kyiv`)
            place = source[list(re.finditer(r"[\w'’\-]+", source))[k + 1].start():]
            if place[:1].isupper() and lx.party_of(place.strip()) is None or words[0] in ("a", "an", "one"):
                return is_unnamed(" ".join(words[:k]))  # (`a source in the army` is still a source)
            return False  # `medics at the central hospital`: an institution says who they are
    if words[-1] in lx.unnamed_indefinite_heads and words[0] in ("a", "an", "one"):
        # (`a provincial council member`: common nouns describe, a capitalised word names)
        written = re.findall(r"[\w'’\-]+", source)
        return all(w in lx.unnamed_modifiers or written[k][:1].islower() for k, w in enumerate(words[1:-1], start=1))
    if words[-1] not in lx.unnamed_heads:
        return False
    return all(w in lx.unnamed_modifiers or w in lx.unnamed_heads for w in words)


def description_key(claimant: str) -> frozenset[str] | None:
    """The telling words of a source the text describes without naming (`A human rights
    monitoring group` -> human rights monitoring; a headline's `Rights Group` -> rights), or
    None for a name."""
    lx = lexicon()
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w'’\-]*", claimant)]
    if words and words[0] in ("a", "an", "the"):
        words = words[1:]
    if not words or not all(w in lx.description_words for w in words):
        return None
    return frozenset(w for w in words if w not in lx.description_filler)


def unnamed_attribution(document: str, words: str, cue: str | None, content_span: tuple[int, int] | None,
                        source_span: tuple[int, int] | None, how: str | None = None) -> Attribution:
    """What an unnamed source says (`officials said`, `a witness told`): the source's own words
    are the claimant, of class ``unnamed``, never resolved to a named body or given a side."""
    words = " ".join(words.split())
    evidence = "an unnamed source: the text does not say who"
    return Attribution(document=document, claimant=words, claimant_class=ClaimantClass.UNNAMED,
                       evidence=f"{evidence}; {how}" if how else evidence, cue=cue,
                       source_span=source_span, content_span=content_span)


def _make(text: str, source: tuple[int, int] | None, cue: tuple[int, int], content: tuple[int, int],
          form: str, type_: str, *, extends: bool = False) -> Relation | None:
    lx = lexicon()
    if source is None:
        return Relation(None, None, None, text[cue[0]:cue[1]], cue[0], cue[1], content[0], content[1], form,
                        type_, unnamed=True)
    s, e = source
    owner = _DOCUMENT_OF.match(text, s, e)
    if owner is not None and owner.end() == e:
        e = owner.end("owner")  # `The ministry's daily briefing put ...`: the ministry says it
    src = " ".join(text[s:e].split())  # a source broken across lines reads as one phrase
    if "|" in src and "[[" in text[max(0, s - 2):s]:
        src = src.split("|", 1)[0].strip()  # `[[Fidel Castro|Castro]]`: the page the link names
    lower = src.lower()
    if lower in _POSSESSIVE_PRONOUNS:
        src = lower = _POSSESSIVE_PRONOUNS[lower]  # (`Its final assessment`: it said so)
    pronoun = lower in lx.pronouns or (
        lower.split()[0] == "the" and len(lower.split()) <= 3
        and all(_source_noun(w) or w in ("the", "same") or lexicon().party_of(w) for w in lower.split())
        and not any(w[:1].isupper() for w in src.split()[1:] if lexicon().party_of(w) is None)
    )
    return Relation(src, s, e, text[cue[0]:cue[1]], cue[0], cue[1], content[0], content[1], form, type_,
                    unnamed=is_unnamed(src), pronoun=pronoun, extends=extends)


_STATEMENT_FOLLOWS = re.compile(
    r"(?i)[ \t]+(?P<cue>(?:has[ \t]+|have[ \t]+)?(?:issued|released|published|put[ \t]+out|read[ \t]+out|made)[ \t]+(?:the[ \t]+following|this|a|an)"
    r"[ \t]+(?:[\w\-]+[ \t]+){0,2}?(?:statement|communiqu[eé]|announcement|message|bulletin|update))(?:[ \t]+on[ \t]+[\w ]{2,30}?)?[ \t]*:[ \t]*$")


def find_attributions(text: str, lo: int, hi: int) -> list[Relation]:
    """The attribution relations in the sentence ``text[lo:hi]``, in text order.

    Contents are cut where the next relation's source begins when that follows a contrast
    (`X said A, while Y said B`: A is X's, B is Y's)."""
    p = _cue_patterns()
    lx = lexicon()
    found: list[Relation] = []
    taken: list[tuple[int, int]] = []
    words: list[tuple[int, int, str]] = []
    index_at: dict[int, int] = {}

    # `Finnish estimates of Soviet losses were much higher, at 200,000`: a data noun that is
    # the sentence's subject, before a copula, is the source of what the sentence says.
    subject = _DATA_SUBJECT.match(text, lo, hi)
    if subject is not None:
        rel = _make(text, (subject.start("src"), subject.end("src")), (subject.start("cue"), subject.end("cue")),
                    (subject.start("cue"), hi), "source_before", "assert")
        if rel is not None:
            found.append(rel)
            taken.append((subject.start(), subject.end()))

    # `The Media Office ... issued the following statement:` over the statement's paragraphs.
    follows = _STATEMENT_FOLLOWS.search(text, lo, hi)
    if follows is not None:
        before = _words(text, lo, follows.start())
        source = _np_before(text, before + [(follows.start(), follows.end(), "issued")], len(before), lo)
        if source is not None:
            rel = _make(text, source, follows.span("cue"), (follows.end(), hi), "source_before", "assert")
            if rel is not None:
                found.append(rel)
                taken.append((source[0], follows.end()))

    # `By Soviet reckoning, ...`, `By one count, ...`: the reckoning is the source.
    for by in _BY_RECKONING.finditer(text, lo, hi):
        head = text[lo:by.start()].rstrip()
        if head and not head.endswith(","):
            continue
        # At the start it covers what follows; as an aside (`Soviet losses, by the official
        # count, were ...`), the whole sentence.
        content = (by.end(), hi) if not head else (lo, hi)
        rel = _make(text, (by.start("src"), by.end("src")), (by.start("by"), by.start("src")), content, "according", "assert")
        if rel is not None:
            found.append(rel)
            taken.append((by.start(), by.end()))

    # Prepositions: `according to X`, `per X`, `citing X`, `as reported by X`.
    for m in p["preposition"].finditer(text, lo, hi):
        tally = _TALLY_OF.match(text, m.end(), hi)
        np = _np_after(text, tally.end() if tally else m.end(), hi)
        if np is None:
            continue
        if re.match(r"(?i)(?:its|their|his|her|our)\b", text[np[0]:np[1]]):
            continue  # `the government, citing its own figures, said`: the subject speaks
        if _NORMS.search(text, np[0], np[1]):
            continue  # `treated according to the Geneva Conventions`: a rule followed, no source
        np = _apposed_name(text, np, hi, opening=not text[lo:m.start()].strip())
        relayed = _relayed_speaker(text, m.start(), m.group(0), np[1], lo, hi)
        if relayed is not None:
            # `X was quoted by the agency as saying that ...`: X is the source, the agency only
            # relays the statement.
            speaker, content_start = relayed
            rel = _make(text, speaker, (m.start(), m.end()), (content_start, hi), "relay", "assert")
            if rel is not None:
                found.append(rel)
                taken.append((speaker[0], content_start))
            continue
        relay = _relayed_subject(text, m, np[1], lo, hi)
        if relay is not None:
            # `Witnesses quoted by the BBC said ...`, `estimates cited by Reuters put ...`: the
            # subject speaks through the verb after the outlet; the outlet only relays it.
            speaker, cue, cue_type = relay
            rel = _make(text, speaker, cue, (cue[1], hi), "relay", cue_type)
            if rel is not None:
                found.append(rel)
                taken.append((speaker[0], cue[1]))
            continue
        if m.group(0).lower().startswith("interviewed"):
            continue  # `survivors interviewed by UNHCR`: whom someone spoke to says nothing yet
        kept = _KEPT_BY.match(text, np[1], hi)
        if kept is not None and _source_noun(text[np[0]:np[1]].split()[-1]) \
                and (keeper := _np_after(text, kept.end(), hi)) is not None:
            # `According to casualty figures recorded by UNAMI, ...`: the figures are UNAMI's.
            taken.append((m.start(), keeper[1]))
            np = keeper
        head = text[lo:m.start()]
        initial = not re.search(r"[A-Za-z0-9]", re.sub(r"(?i)\b(?:but|and|however|also|yet|so|then)\b", "", head))
        if initial:
            content = (np[1], hi)
        else:
            content = (lo, hi)
        rel = _make(text, np, (m.start(), m.end()), content, "according", "assert", extends=initial)
        if rel is not None:
            found.append(rel)
            taken.append((m.start(), np[1]))

    # Possessives: `X's figures show`, `by Memorial's account`.
    possessive = ("'" in text[lo:hi] or "’" in text[lo:hi]) and p["possessive_tail"].search(text, lo, hi) is not None
    for m in (p["possessive"].finditer(text, lo, hi) if possessive else ()):
        if any(a <= m.start() < b for a, b in taken):
            continue
        who = m.group("who")
        if lx.party_of(who) is None and not any(_source_noun(w) or _is_name_word(w) for w in who.split()):
            continue
        start = m.start("who")
        rel = Relation(f"{who}'s {m.group('what')}", start, m.end(), m.group("what"), m.start("what"), m.end(),
                       lo, hi, "possessive", "assert")
        found.append(rel)
        taken.append((m.start(), m.end()))

    # Verbs.
    low = _lower(text, lo, hi)
    for lm in p["verb"].finditer(low):
        m = _Span(lo + lm.start(), lo + lm.end(), text)
        if any(a <= m.start() < b for a, b in taken):
            continue
        form = lm.group(0)
        cue = lx.cue_verbs.get(" ".join(form.split()))
        if cue is None:
            continue
        if not words:  # the sentence's words, read once a cue is found
            words = _words(text, lo, hi)
            index_at = {s: k for k, (s, _, _) in enumerate(words)}
        k = index_at.get(m.start())
        if k is None:
            continue
        if m.group(0)[:1].isupper() and k > 0 and words[k - 1][2][:1].isalnum():
            continue  # `Islamic State`, `Reports Unit`: part of a name
        if _data_noun_at(words, k) or _subject_noun_at(words, k):
            continue  # `German records list ...`: a noun, the source of the verb after it
        if form in lx.unnamed_modifiers and k + 1 < len(words) and _source_noun(words[k + 1][2]):
            continue  # `informed sources said`: an adjective of the source
        if cue.lemma == "inform" and form in ("continued", "went on") and not _GOES_ON_SAYING.match(text, m.end(), hi):
            continue  # `our forces continued their advance`: going on doing, not saying
        if form.endswith("ing") and k > 0 and words[k - 1][2] == ",":
            # `..., adding that ...`: the main verb's source goes on speaking; when the main
            # verb is no cue (`Lukic gave a lower figure, testifying that ...`), the sentence's
            # subject is the source of what follows.
            if not any(r.cue_start < m.start() < r.content_end for r in found) and cue.lemma != "put" \
                    and (subject := _shared_subject(text, words, k - 1, lo)) is not None:
                that = _THAT.match(text, m.end(), hi)
                rel = _make(text, subject, (m.start(), m.end()), (that.end() if that else m.end(), hi), "source_before", cue.type)
                if rel is not None:
                    found.append(rel)
                    taken.append((m.start(), m.end()))
            continue
        before_word = words[k - 1][2].lower() if k > 0 else ""
        after = text[m.end():min(hi, m.end() + 40)]
        # A noun, not a verb: `the claim`, `their report`, `3 reports`; `estimates by the
        # ministry` names its source after `by`.
        by_source = re.match(r"[ \t]+(?:by|from)[ \t]+", after) if form.endswith("s") else None
        if by_source is not None:
            np = _np_after(text, m.end() + by_source.end(), hi)
            if np is not None:
                rel = _make(text, np, (m.start(), m.end()), (lo, hi), "possessive", cue.type)
                if rel is not None:
                    found.append(rel)
                    taken.append((m.start(), np[1]))
            continue
        # (`3 reports` is a noun; `an assessment of February 2023 put` a verb after a date)
        dated = (_YEAR_WORD.fullmatch(before_word) is not None or len(before_word) <= 2) and k > 1 \
            and words[k - 2][2].lower() in _MONTHS | {"of", "in", "from", "dated"}
        if before_word in _DETERMINERS or (before_word[:1].isdigit() and not dated) or before_word in ("for", "of"):  # `for fear of`
            continue
        if (form in lx.source_suffixes and k >= 2 and words[k - 2][2].lower() in _PREPOSITIONS_IN_NP
                and not re.search(r"[A-Za-z0-9]", text[m.end():hi])):
            continue  # `based on hospital records.`: a noun after a preposition, not a verb
        if form == "estimated" and k > 0 and re.match(r"[ \t]+at[ \t]+(?!least\b|most\b)", after) \
                and words[k - 1][2].lower() not in _AUX_BEFORE_CUE and words[k - 1][2].lower() not in _COPULAS and (
                    not _head_ok(words[k - 1][2])
                    or re.search(r"(?i)(?:^|\s)an?\s", text[(_np_before(text, words, k, lo) or (m.start(),))[0]:m.start()])):
            continue  # `an assault force estimated at 400 fighters`: a size, no one's estimate
        # A qualifier, not a cue: `an estimated 250,000`, `estimated 3,000 dead`.
        if re.match(r"[ \t]+(?:at[ \t]+)?[~≈]?\d", after) and cue.lemma in ("estimate", "report", "count", "record"):
            if before_word in ("an", "the", "") or not words or k == 0:
                continue
        # `put`, `gave`, `set`, `cited`, `quoted` are cues only in `put the toll at N`,
        # `gave the figure as N`, `quoted X as saying`.
        if cue.lemma == "put":
            window = text[m.end():min(hi, m.end() + 80)]
            if form in ("quoted", "quotes", "quoting", "cited", "cites", "citing"):
                # `the agency quoted Major X as saying ...`: the speaker is the source, the
                # agency only relays the statement.
                relayed = _QUOTED_AS_SAYING.match(window)
                if relayed:
                    s0 = m.end() + relayed.start("who")
                    np = _np_after(text, s0, m.end() + relayed.end("who"))
                    if np is not None:
                        content = (m.end() + relayed.end(), hi)
                        if _NO_CONTENT.match(text, content[0], hi) and k > 0:
                            # `The enemy lost 1,200 men, Al Masirah quoted Luqman as saying.`:
                            # what was said comes before the agency.
                            agency = _np_before(text, words, k, lo)
                            content = (lo, agency[0] if agency is not None else m.start())
                        rel = _make(text, np, (m.start(), m.end()), content, "relay", "assert")
                        if rel is not None:
                            found.append(rel)
                            taken.append((m.start(), m.end() + relayed.end()))
                    continue
                if form not in ("citing", "quoting") and not (
                        before_word in ("was", "were", "is", "are", "been") and _AS_SAYING.match(text, m.end(), hi)):
                    continue
            elif not re.match(r"(?i)[ \t]+(?:[\w'’\-]+,?[ \t]+){0,12}?(?:at|as|between|(?:figure|toll|estimate|strength|total|tally|count)[ \t]+of"
                              + ("|to" if form.startswith(("revis", "rais", "lower")) else "")
                              + r")[ \t]+[\"“‘']?(?:[A-Za-z]+[ \t]+){0,3}?(?:[\d~]|" + number_words_hint().pattern + ")", window) and not (
                    # `The ministry gave its first figures on 12 January: 246 killed ...`
                    re.match(r"(?i)[ \t]+(?:(?:its|their|his|her|the|new|first|latest|official|own|updated)[ \t]+){0,3}"
                             r"(?:casualty[ \t]+)?(?:figures|toll|tally|count|numbers|breakdown|estimates?)\b[^:.\n]{0,40}:", window)
                    or
                    # `Keel gives 1,200 British dead`: giving a figure is stating it.
                    form in ("gives", "gave", "give") and re.match(r"(?i)[ \t]+(?:an?[ \t]+(?:(?:higher|lower|different|far[ \t]+higher|much[ \t]+higher|smaller|larger)[ \t]+)?(?:figure|total|toll|estimate)[ \t]+of[ \t]+|an?[ \t]+estimated[ \t]+)?(?:about|around|roughly|some|almost|nearly|between|under|over|(?:just|well)\s+over|(?:no\s+)?(?:more|fewer|less)\s+than|as\s+many\s+as|at\s+(?:least|most)|up\s+to)?[ \t]*[\d~]", window)):
                continue
        # Passive: `was reported` is a hedge; `was reported by X` names X after.
        if before_word in ("was", "were", "is", "are", "been", "be", "being") or (
            k > 1 and (before_word.endswith("ly") or before_word in ("later", "since", "also", "first", "then", "often"))
            and words[k - 2][2].lower() in ("was", "were", "is", "are", "been", "be")
        ):
            by = _PASSIVE_BY.match(text, m.end(), hi)
            said = _AS_SAYING.match(text, m.end(), hi) if form in ("quoted", "cited") else None
            if said is not None and not by:
                # `Grey Zone was quoted as saying ...`: the subject is the speaker.
                aux = k - 1 if before_word in _COPULAS else k - 2
                np = _np_before(text, words, aux, lo)
                if np is not None:
                    rel = _make(text, np, (m.start(), said.end()), (said.end(), hi), "relay", "assert")
                    if rel is not None:
                        found.append(rel)
                        taken.append((np[0], said.end()))
                continue
            if by and not _BY_TIME.match(text, by.end(), hi):
                np = _np_after(text, by.end(), hi)
                if np is not None:
                    rel = _make(text, np, (m.start(), m.end()), (lo, hi), "passive", cue.type)
                    if rel is not None:
                        found.append(rel)
                        taken.append((m.start(), np[1]))
            continue
        source = _np_before(text, words, k, lo)
        if source is not None and (via := _CARRIED_BY.search(text, lo, source[0])) is not None:
            # `A Hezbollah commander quoted in Lebanese media said`: the commander speaks; the
            # media only carried it.
            at = index_at.get(via.start("p"))
            speaker = _np_before(text, words, at, lo) if at else None
            source = speaker or source
        if source is not None and form == cue.lemma and cue.lemma != "put" and re.match(r"(?i)(?:an?|each|every|this|that)\s", text[source[0]:source[1]]):
            # A bare present verb needs a plural subject: `a military base in Borno state on
            # Saturday` is a place, no one stating anything (`put`, `set` are past tenses too).
            continue
        if source is not None:
            # `..., the ministry said (on Wednesday).` / `“...,” Kadyrov said`: the content is
            # before the source when a comma or quote closes it and nothing follows the cue.
            before_source = text[lo:source[0]].rstrip()
            rest = text[m.end():hi]
            if cue.lemma == "tell":
                # `told the BBC`, `told reporters by phone`: whom it was told, not what.
                told = _ADDRESSEE.match(rest)
                if told:
                    rest = rest[told.end():]
            rest_after = rest
            for _ in range(3):  # `said in a statement on Friday`
                tail = _TIME_AFTER_CUE.match(rest_after)
                if tail is None or tail.end() == 0:
                    break
                rest_after = rest_after[tail.end():]
            trailing = not re.search(r"[A-Za-z0-9]", re.sub(r"^[\s.,;:!?\"”’')]+|[\s.,;:!?\"”’')]+$", "", rest_after)) or re.match(
                r"(?i)[ \t]*,?[ \t]*(?:(?!quoting\b)[a-z]{2,}ing\b|and\s+added|who|which|in\s+(?:a|an|the|what)\b|as\b|amid\b|after\b|during\b|of\b|according\s+to\b|including\b|among\s+(?:them|whom)\b|mostly\b|(?:many|most|all)\s+of\s+them\b)", rest_after) or (
                # `A, X said on Sunday, while Y put it at B`: X's content ends at the contrast.
                re.match(r"(?i)[ \t]*[,;][ \t]*(?:while|whereas|but|although|though|as|and)\b", rest_after)) or (
                # `..., X said on the air of the national telethon.`, `told AFP by telephone from
                # the front`: circumstances after the cue, no statement of their own.
                re.match(r"(?i)[ \t]*(?:on|in|at|to|during|via|through|by|from|over|after|before|while|with|when|under|as)\b", rest)
                and not re.search(r"\d|[:“\"]|\bthat\b", rest) and not number_words_hint().search(rest.lower())
                and not any(w.lower() in lx.predicates_after for w in re.findall(r"[A-Za-z]+", rest)))
            # `... were killed — the ministry said — in the attack`: an aside between dashes.
            dashed = before_source[-1:] in ("—", "–") and re.match(r"[ \t]*(?:[\w ]{0,30}?)[ \t]*[—–]", rest_after)
            if before_source and (before_source[-1] in ",”\"'’" and trailing or dashed) and re.search(r"[A-Za-z0-9]", before_source):
                content = (lo, hi)
                rel = _make(text, source, (m.start(), m.end()), content, "source_after", cue.type)
            else:
                that = _THAT.match(text, m.end(), hi)
                content_start = m.end()
                for _ in range(3):  # `said late on Friday in a statement posted online that`
                    tm = _TIME_AFTER_CUE.match(text, content_start, hi)
                    if tm and tm.end() > content_start and not re.match(r"[ \t]*\d", text[tm.end():tm.end() + 3]):
                        content_start = tm.end()
                        pub = _PUBLISHED_AFTER_CUE.match(text, content_start, hi)
                        if pub and pub.end() > content_start:
                            content_start = pub.end()
                        continue
                    break
                if _NO_CONTENT.match(text, content_start, hi):
                    # `in northern Shan state, and 22 ...`, `156 military posts and four towns`: a
                    # noun that is also a cue, with nothing said after it.
                    continue
                if _WHAT_BEFORE.search(text, max(lo, source[0] - 12), source[0]):
                    continue  # `Contrary to what the militia's media claims, the army ...`: what it says is not given
                that = _THAT.match(text, content_start, hi)
                if that:
                    content_start = that.end()
                rel = _make(text, source, (m.start(), m.end()), (content_start, hi), "source_before", cue.type)
            if rel is not None:
                found.append(rel)
                taken.append((source[0], max(m.end(), rel.content_start if rel.form == "source_before" else m.end())))
            continue
        # Inverted: `..., said the spokesman.`; `..., said X, the head of Y, adding that ...`
        # goes on in X's voice.
        np = _np_after(text, m.end(), hi)
        before_cue = text[lo:m.start()].rstrip()
        # `..., told the agency`: after `told` comes whom it was told, never the source.
        # `..., said he had counted`: a pronoun after the cue is the content's subject.
        # (`41 dead, rejects Kyrgyz "fabrications"`: after a denial comes what is denied)
        if np is not None and before_cue and before_cue[-1] in ",”\"'’" and cue.lemma != "tell" \
                and cue.type != "deny" and text[np[0]:np[1]].lower() not in lx.pronouns:
            np = _apposed_name(text, np, hi)
            adding = _ADDING.search(text, np[1], hi)
            rel = _make(text, np, (m.start(), m.end()), (lo, hi if adding else m.start()), "source_after", cue.type)
            if rel is not None:
                found.append(rel)
                taken.append((m.start(), np[1]))
            continue
        # A cue with no source in the sentence (`officials said` was caught above; `It is
        # claimed`): nothing to attribute.
    for r in list(found):
        if r.form != "source_before":
            continue
        for g in _GAPPED_SOURCE.finditer(text, r.content_start, r.content_end):
            # `Finnish sources give 25,904 dead, Soviet sources 95,000`: the second source says
            # its figure with the first one's verb, left out.
            stop = _CLAUSE_STOP.search(text, g.end(), r.content_end)
            rel = _make(text, (g.start("src"), g.end("src")), (r.cue_start, r.cue_end),
                        (g.end("src"), stop.start() if stop else r.content_end), "gapped", r.type)
            if rel is not None:
                found.append(rel)
    for i, r in enumerate(found):
        if r.form == "according" and r.cue.strip().lower().endswith(" by") and r.content_start < r.cue_start:
            # `The Government rejects the figure of 2,000 dead put out by the M23`: a figure the
            # phrase after it names a source for is that source's, not the verb's before it.
            after = max((o.cue_end for o in found if o is not r and r.content_start <= o.cue_end <= r.cue_start), default=None)
            if after is not None:
                # (`registered 1,062 prisoners, well below the 1,600 claimed by X`: only the
                # figure the participle follows, after a comma or a comparison)
                compared = [m.end() for m in _COMPARED_WITH.finditer(text, after, r.cue_start)]
                found[i] = evolve(r, content_start=compared[-1] if compared else after, content_end=r.cue_start)
    if " that " in text[lo:hi]:
        _claims_that(text, lo, hi, found)
    if "laim" in text[lo:hi] or "alleg" in text[lo:hi]:
        _claims_of(text, lo, hi, found)
    found.sort(key=lambda r: r.cue_start)
    return _cut_at_contrast(text, found)


#: A first-person word: what the speaker calls its own side.
FIRST_PERSON = re.compile(r"(?i)\b(?:our|we|us)\b")
# `Pakistan's claim that ...`, `rebel claims that ...`, `claims by the rebels that ...`, `reports that ...`
_CLAIM_THAT = re.compile(
    r"(?:\b(?P<adj>[A-Za-z][\w\-]*)[ \t]+)?(?P<noun>claims?|reports?|allegations?|assertions?|accounts?)"
    r"(?:[ \t]+(?:(?:made|put[ \t]+forward|advanced|published|issued)[ \t]+)?(?:by|from)[ \t]+(?P<by>[^,;:.]{2,60}?))?[ \t]+that[ \t]+")


# `RSF claims of nine aircraft shot down`, `SAF statements claiming more than 2,800 killed`,
# `Pakistan's allegation of 70 casualties`: a named owner's claim, as a noun or a participle.
_CLAIM_OF = re.compile(
    r"\b(?P<src>(?:[A-Z][\w\-]*[ \t]+){0,3}[A-Z][\w\-]*)(?:['’]s)?[ \t]+(?:(?:statements?|reports?|sources)[ \t]+)?"
    r"(?P<noun>claims?[ \t]+of|claims?[ \t]+to[ \t]+have|allegations?[ \t]+of|claiming|alleging)[ \t]+")
# What such a claim holds ends at the sentence's own verb (`... are not consistent`) or a clause break.
_CLAIM_OF_END = re.compile(r"[;:]|[,.](?!\d)|\b(?:are|were|is|was|has|have|had|remains?|remained|seems?|seemed|appears?|appeared|do|does|did|cannot|can)\b")


def _claims_of(text: str, lo: int, hi: int, found: list[Relation]) -> None:
    """Add the relation of a claim named by a noun or a participle after its owner (see
    ``_CLAIM_OF``), its content up to the sentence's own verb."""
    lx = lexicon()
    for m in _CLAIM_OF.finditer(text, lo, hi):
        words = m.group("src").split()
        if len(words) == 1 and words[0].lower() in ("the", "a", "an", "these", "those"):
            continue
        if not (lx.party_of(words[-1]) is not None or any(_is_name_word(w) for w in words)):
            continue
        end = _CLAIM_OF_END.search(text, m.end(), hi)
        content_end = end.start() if end is not None else hi
        if content_end <= m.end():
            continue
        rel = _make(text, m.span("src"), m.span("noun"), (m.end(), content_end), "possessive", "claim")
        if rel is not None:
            found[:] = [r for r in found if r.source_start != rel.source_start]
            found.append(rel)


def _claims_that(text: str, lo: int, hi: int, found: list[Relation]) -> None:
    """What follows `<owner>'s claim that` is the owner's, not the verb's before it: in `India
    rejected Pakistan's claim that five jets were downed` the five jets are Pakistan's claim
    (India denies it); `rebel claims that`, the rebels'; `denied reports that`, unnamed reports'.
    Narrows the claim noun's relation to what follows `that`, or adds one."""
    lx = lexicon()
    for m in _CLAIM_THAT.finditer(text, lo, hi):
        own = next((i for i, r in enumerate(found) if r.cue_start == m.start("noun")), None)
        by = None
        if m.group("by"):
            by = _np_after(text, m.start("by"), m.end("by"))
            if by is None and re.fullmatch(r"(?:the|its|their)[ \t]+[a-z][\w\-]*(?:[ \t]+[a-z][\w\-]*)?", m.group("by")):
                by = m.span("by")  # `claims by the militia that`
        if by is not None and by[1] == m.end("by"):
            # `denies the claim made by the LTTE that ...`: the claim is the LTTE's
            rel = _make(text, by, m.span("noun"), (m.end(), hi), "possessive", "claim")
            if rel is not None:
                if own is not None:
                    found[own] = rel
                else:
                    found.append(rel)
            continue
        if own is not None:
            found[own] = evolve(found[own], content_start=m.end(), content_end=hi)
            continue
        denier = next((r for r in found if r.type == "deny" and r.content_start <= m.start("noun") < r.content_end
                       and not re.search(r"[.,;:]", text[r.cue_end:m.start()])), None)
        if denier is None or FIRST_PERSON.search(text, m.end(), hi):
            # (a claim noun no denial holds keeps the sentence's attribution; `rejects Indian
            # claims that 70 of our soldiers were captured` is the denier's own paraphrase)
            continue
        adj = m.group("adj")
        if adj and lx.party_of(adj) is not None:
            rel = _make(text, m.span("adj"), m.span("noun"), (m.end(), hi), "possessive", "claim")
        elif not adj or adj.lower() in _DETERMINERS or adj.lower() in lx.cue_verbs or m.start("adj") < denier.content_start:
            rel = Relation(m.group("noun"), m.start("noun"), m.end("noun"), m.group("noun"), m.start("noun"),
                           m.end("noun"), m.end(), hi, "possessive", "claim", unnamed=True)
        else:  # `hospital reports that`: whoever the phrase names
            rel = _make(text, (m.start("adj"), m.end("noun")), m.span("noun"), (m.end(), hi), "possessive", "claim")
        if rel is not None:
            found.append(rel)


_NO_CONTENT = re.compile(r"(?i)[ \t]*(?:[,;][ \t]*)?(?:and|or|but|nor)\b|[ \t]*[)\]\"”’']*[ \t]*[.;,]?[ \t]*$")
_NAME_AFTER_COMMA = r",[ \t]+(?P<name>(?:[A-Z][\w.'’\-]*[ \t]+){1,4}[A-Z][\w'’\-]+)[ \t]*"
_APPOSED_NAME = re.compile(rf"{_NAME_AFTER_COMMA}(?=[.;]|,[ \t]*(?:adding|saying|who)\b|$)")
_OPENING_APPOSED_NAME = re.compile(rf"{_NAME_AFTER_COMMA}(?=,)")


def _apposed_name(text: str, np: tuple[int, int], hi: int, opening: bool = False) -> tuple[int, int]:
    """`said the army's spokesman, Colonel Dan Ferro.`: the name after a person's title is the
    source. ``opening``: the phrase opens the sentence, so a comma may end the name (`According
    to the army's spokesman, Colonel Dan Ferro, 45 soldiers ...`)."""
    named = _APPOSED_NAME.match(text, np[1], hi)
    if named is None and opening:
        named = _OPENING_APPOSED_NAME.match(text, np[1], hi)
    # (the title's head comes before what it is of: `the commander of its 77th Battalion`)
    head = re.split(r"\s+(?:of|for|at|in|with)\s+", text[np[0]:np[1]], maxsplit=1)[0].split()
    if named is None or head[-1].lower() not in lexicon().person_heads:
        return np
    return (named.start("name"), named.end("name")) if _titled_name(named.group("name").split()) else np


_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")
# What follows `continued` or `went on` when they report speech: `continued: "..."`, `went on
# to say`, `he continued, adding`.
_GOES_ON_SAYING = re.compile(r"(?i)[ \t]*(?:[,:\"“]|to[ \t]+(?:say|add|state|claim|insist|note)|that\b|$)")
# A rank's mark of retirement, between the rank and the name.
_RETIRED = re.compile(r"(?i)\((?:retd|ret|retired)\.?\)")


def _titled_name(words: list[str]) -> bool:
    """A person's name, perhaps after titles (`Ivan Petrov`, `Major General Ivan Korov`,
    `Brigadier (retd) R. V. Jatar`)."""
    lx = lexicon()
    while len(words) >= 3 and words[0][:1].isupper() and (_source_noun(words[0]) or words[0].lower() in lx.person_heads
                                                          or words[0].lower().rstrip(".") in lx.ranks) \
            or len(words) >= 3 and _RETIRED.fullmatch(words[0]):
        words = words[1:]
    return 2 <= len(words) <= 4 and all(_is_name_word(w) and w.lower() not in lx.not_person_words
                                        and not _source_noun(w) and lx.party_of(w) is None for w in words)


_COPULAS = frozenset("is are was were be been being".split())
# `A commander quoted in Lebanese media said`: the medium that carried what the subject said.
_CARRIED_BY = re.compile(r"(?i)(?P<p>quoted|cited|interviewed)[ \t]+(?:in|by|on)[ \t]+(?:the[ \t]+)?$")
# `figures recorded by UNAMI`: the body that kept the data named.
_KEPT_BY = re.compile(r"(?i)[ \t]+(?:recorded|compiled|collected|published|released|provided|issued|gathered|kept|verified|documented)[ \t]+by[ \t]+")
# `was reported by X`, `were put at 7,500 by X`, `was given as 1,200 by X`: the agent of a
# passive cue, after the figure it states when there is one.
_PASSIVE_BY = re.compile(r"(?i)(?:[ \t]+(?:at|as)(?:[ \t]+(?:\d[\d,.]*\d|[^\s,;.]+)){1,5}?)?[ \t]+by[ \t]+")
# `estimated at 300 by the end of the week`, `by Monday`: a time, not an agent.
_BY_TIME = re.compile(
    r"(?i)(?:the[ \t]+(?:end|time|start|beginning|middle|close|evening|morning|afternoon|night|weekend|spring|summer"
    r"|autumn|fall|winter)\b|(?:then|now|noon|midnight|dawn|dusk|nightfall|daybreak|sunset|sunrise|early|late|mid)\b"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d)"
)
_ADDING = re.compile(r"(?i),[ \t]*(?:adding|noting|saying)[ \t]+(?:that[ \t]+)?")
# `X was quoted as saying ...`
_AS_SAYING = re.compile(r"(?i)[ \t]+as[ \t]+(?:saying|stating|telling[ \t]+[\w\-]+|having[ \t]+said)[ \t]*(?:that[ \t]+|,[ \t]*|:[ \t]*)?")
# `quoted Major X as saying`, `"...," Saba quoted him as saying`: whom the relaying verb quotes.
_QUOTED_AS_SAYING = re.compile(r"(?i)[ \t]+(?P<who>.{2,60}?)[ \t]+as[ \t]+(?:saying|stating|telling)[ \t]*(?:that[ \t]+)?")
_PASSIVE_AUX = frozenset("was were is are been has have had being also".split())


def _relayed_speaker(text: str, at: int, prep: str, np_end: int, lo: int, hi: int) -> tuple[tuple[int, int], int] | None:
    """For `X was quoted by Y as saying ...` (or `cited by`): X's span and where the content
    begins; None for any other preposition."""
    if not prep.lower().startswith(("quoted by", "cited by")):
        return None
    tail = _AS_SAYING.match(text, np_end, hi)
    if tail is None:
        return None
    words = _words(text, lo, at)
    k = len(words)
    while k > 0 and words[k - 1][2].lower() in _PASSIVE_AUX:
        k -= 1
    if k == len(words) or k == 0:
        return None
    speaker = _np_before(text, words, k, lo)
    return (speaker, tail.end()) if speaker is not None else None


def _relayed_subject(text: str, m: re.Match[str], np_end: int, lo: int, hi: int
                     ) -> tuple[tuple[int, int], tuple[int, int], str] | None:
    """For `X quoted by Y said ...` (also `cited by`, `interviewed by`, `consulted by`, and a place after Y:
    `interviewed by UNHCR in Sudan said`): X's span, the cue verb's and its type, else None."""
    # (`Hospital records consulted by the Panel show`: the records say it, the Panel read them)
    if not m.group(0).lower().startswith(("quoted by", "cited by", "interviewed by", "consulted by", "reviewed by",
                                          "examined by")):
        return None
    after = _words(text, np_end, min(hi, np_end + 60))
    k = 0
    if after and after[0][2].lower() in ("in", "at"):  # `in Sudan`, `at the border`
        k = 1
        while k < len(after) and (_is_name_word(after[k][2]) or after[k][2].lower() in ("the", "of")):
            k += 1
    cue = lexicon().cue_verbs.get(after[k][2].lower()) if k < len(after) else None
    if cue is None:
        return None
    words = _words(text, lo, m.start())
    if not words:
        return None
    speaker = _np_before(text, words, len(words), lo)
    if speaker is None:
        # `Casualty estimates quoted by Reuters`: a data noun is the phrase's head
        head = words[-1][2].lower()
        if head not in lexicon().source_suffixes and not _source_noun(head):
            return None
        first = len(words) - 1
        while first > 0 and words[first - 1][2][:1].isalpha() and words[first - 1][2].lower() not in _CLAUSE_WORDS \
                and words[first - 1][2].lower() not in ("the", "a", "an") and len(words) - first < 4:
            first -= 1
        speaker = (words[first][0], words[-1][1])
    return speaker, (after[k][0], after[k][1]), cue.type


def _lower(text: str, lo: int, hi: int) -> str:
    """``text[lo:hi]`` lower-cased with its length kept (a character such as `İ` that grows
    when lower-cased stays as it is), so offsets into it are offsets into the text."""
    low = text[lo:hi].lower()
    if len(low) == hi - lo:
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text[lo:hi])


class _Span:
    """A match found on the lower-cased sentence, read back on the text as written."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _: int = 0) -> str:
        return self._text[self._start:self._end]


def _cut_at_contrast(text: str, relations: list[Relation]) -> list[Relation]:
    """`X said A, while Y said B`: X's content ends where Y's clause starts."""
    out = list(relations)
    contrast = _cue_patterns()["contrast_tail"]
    for i, r in enumerate(out):
        for later in out[i + 1:]:
            if later.form == "according" and later.source_start is not None and r.content_start < later.cue_start < r.content_end:
                # `X admit to 41 dead; the other side lost, according to Y, 56 killed`: X's
                # content ends at the semicolon (else the comma) before Y's clause.
                semi = text.rfind(";", r.content_start, later.cue_start)
                if semi == -1 and later.content_end > later.cue_end:  # (`put out by X` names what comes before it)
                    # `armies whose strength, according to Y, stood at 270,000`: the aside's clause
                    # (a comma between words; `2,000` has none)
                    semi = max((m.start() for m in _CLAUSE_COMMA.finditer(text, r.content_start, later.cue_start)), default=-1)
                if semi != -1:
                    out[i] = r = evolve(r, content_end=semi)
                    out[i + 1 + out[i + 1:].index(later)] = evolve(later, content_start=max(later.content_start, semi + 1))
                continue
            if later.form not in ("source_before", "gapped") or later.source_start is None:
                continue
            shared = later.source_start == r.source_start and r.content_start <= later.cue_start < r.content_end
            if r.content_start <= later.source_start < r.content_end or shared:
                # (`Marsh accepted Hale's total but revised the figure to 3,400`: the second verb
                # of one subject starts a content of its own)
                head = text[r.content_start:later.cue_start if shared else later.source_start]
                m = contrast.search(head)
                cut = r.content_start + (m.start() if m else len(head))
                if cut > r.content_start:
                    out[i] = Relation(r.source, r.source_start, r.source_end, r.cue, r.cue_start, r.cue_end,
                                      r.content_start, cut, r.form, r.type, r.unnamed, r.pronoun, r.extends)
                    r = out[i]
                break
    return out


_QUOTE_PAIRS = re.compile(r"“[^”]{8,2000}”|(?<![\w])\"[^\"\n]{8,2000}\"(?![\w])|(?<![\w’'])'[^'\n]{8,600}'(?![\w])|‘[^’\n]{8,600}’(?![\w])")


# A document of someone's (`The ministry's daily briefing`, `the commission's final report`):
# the owner is the source, the document how it said it.
_DOCUMENT_OF = re.compile(
    r"(?P<owner>[^\n]+?)['’]s?[ \t]+(?:[\w\-]+[ \t]+){0,2}?"
    rf"(?:{_DOCUMENT_NOUNS}|summary|summaries|accounts?|findings"
    r"|(?:telegram\s+|youtube\s+|social\s+media\s+)?(?:channel|page|post|website|feed)s?)"
)
# Adjectives that end like adverbs (`the ministry's daily briefing`).
_LY_ADJECTIVES = frozenset({"daily", "weekly", "monthly", "yearly", "nightly", "hourly", "quarterly", "early", "elderly"})
_RELATIVE_PRONOUNS = frozenset({"who", "whose", "which"})


# A speech verb that gives a quotation its speaker (`recalled`), taken as a plain statement.
_SPOKE = CueVerb("speak", "assert")


def find_quote_relations(text: str, lo: int, hi: int) -> list[Relation]:
    """Quotations in the paragraph ``text[lo:hi]`` whose speaker a reporting clause names:
    `“...,” Kadyrov said`, `“...,” said the ministry`, `He claimed: '...'`, `X told
    reporters: “...”`. The content is the whole quotation, over as many sentences as it runs."""
    lx = lexicon()
    out: list[Relation] = []
    for q in _QUOTE_PAIRS.finditer(text, lo, hi):
        inner = q.group(0)[1:-1]
        if len(inner.split()) < 3:
            continue
        content = (q.start(), q.end())
        # After: `,” Kadyrov said`, `,” said X`, `,” the Russian statement said`.
        after = re.compile(r"[ \t]*,?[ \t]*").match(text, q.end(), hi).end()
        words = _words(text, after, min(hi, after + 200))
        found = None
        for k, (s, e, w) in enumerate(words[:16]):
            if w in (".", ";", "“", '"', "!", "?") and not (w == "." and k > 0 and words[k - 1][2] in _TITLE_ABBREVIATIONS):
                break  # (`Brig.-Gen. Saleh Shudeifat said`: a rank's period goes on)
            cue = lx.cue_verbs.get(w.lower())
            if cue is None and w.lower() in lx.speech_verbs and k <= 3:
                cue = _SPOKE  # `"The enemy lost 24 aircraft," recalled General X`: a quotation's speaker
            if cue is None or w[:1].isupper() and k > 0:
                continue
            if k > 0 and words[k - 1][2].lower() in _RELATIVE_PRONOUNS:
                continue  # `a commander who gave only his call sign, ... told AFP`: the relative clause's verb
            relayed = _QUOTED_AS_SAYING.match(text, e, hi) if cue.lemma == "put" else None
            if k > 0 and relayed is not None:
                # `“...,” Saba quoted him as saying`: the quoted speaker says it, not the agency.
                src = _np_after(text, relayed.start("who"), relayed.end("who"))
                if src is not None:
                    found = _make(text, src, (s, e), content, "quote", "assert")
                break
            if k > 0:
                src = _np_before(text, words, k, after)
                relative = next((j for j in range(1, k) if words[j][2].lower() in _RELATIVE_PRONOUNS), None)
                if (src is None or src[0] > words[0][0] + 1) and relative is not None:
                    src = _np_before(text, words, relative, after)  # the speaker is the noun the clause is about
                if src is None and 2 <= k <= 5 and words[0][2].lower() in ("the", "a", "an", "one") \
                        and all(w2.isalpha() and w2.islower() for _, _, w2 in words[1:k]):
                    src = (words[0][0], words[k - 1][1])  # `,” the retired paratrooper says`: whoever the words describe
                if src is not None and (src[0] <= words[0][0] + 1 or all(
                        w2 in _TITLE_ABBREVIATIONS or w2 in ("-", ".") for s2, _, w2 in words if s2 < src[0])):
                    # (`,” Brig.-Gen. Saleh Shudeifat said`: a rank before the name)
                    found = _make(text, src, (s, e), content, "quote", cue.type)
            else:
                np = _np_after(text, e, hi)
                if np is not None:
                    found = _make(text, _apposed_name(text, np, hi), (s, e), content, "quote", cue.type)
            break
        if found is None:
            # Before: `He claimed: '...'`, `X told reporters: “...”`, `X said: “...”`.
            head = text[max(lo, q.start() - 160):q.start()]
            m = re.search(r"(?:[:,])[ \t]*$", head)
            if m:
                seg_start = max(lo, q.start() - 160)
                seg_end = seg_start + m.start()
                words = _words(text, seg_start, seg_end)
                for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
                    cue = lx.cue_verbs.get(words[k][2].lower())
                    if cue is None:
                        continue
                    src = _np_before(text, words, k, seg_start)
                    if src is not None:
                        found = _make(text, src, (words[k][0], words[k][1]), content, "quote", cue.type)
                    break
        if found is not None:
            out.append(found)
    return out


def source_heads_in(text: str) -> list[str]:
    """The source nouns in a phrase (`the defence ministry` -> [`ministry`])."""
    return [w for w in re.findall(r"[\w'’\-]+", text.lower()) if w in lexicon().source_heads]


# --- hedges ----------------------------------------------------------------------------------

@cache
def _hedge_re() -> tuple[re.Pattern[str], dict[str, HedgeKind]]:
    """One pattern for every hedge phrase (a trie scans fast) and the kind of each phrase."""
    lx = lexicon()
    kinds = {" ".join(w.lower().split()): HedgeKind(kind) for kind, words in lx.hedges.items() for w in words}
    return re.compile(phrase_pattern(kinds)), kinds


def find_hedges(text: str, lo: int, hi: int) -> list[Hedge]:
    """Hedges in ``text[lo:hi]`` with their offsets (`Alleged:`, `reportedly`, `some sources`)."""
    pattern, kinds = _hedge_re()
    low = _lower(text, lo, hi)
    return [Hedge(kind=kinds.get(" ".join(m.group(0).lower().split()), HedgeKind.UNCERTAIN),
                  text=text[lo + m.start():lo + m.end()], start=lo + m.start(), end=lo + m.end())
            for m in pattern.finditer(low)]


# --- claimant classes ------------------------------------------------------------------------

@cache
def _class_patterns() -> list[tuple[ClaimantClass, re.Pattern[str]]]:
    lx = lexicon()
    order = ["journalist", "scholar", "ngo", "international"]
    return [(ClaimantClass(name), re.compile(phrase_pattern(lx.claimant_classes[name]), re.I)) for name in order]


@cache
def _belligerent_pattern() -> re.Pattern[str]:
    return re.compile(phrase_pattern(lexicon().claimant_classes["belligerent"]), re.I)


_OFFICE_OF = re.compile(r"(?i)\bpress\s+(?:service|office|officer|secretary|centre|center|department|attach[eé])\b")


def classify_claimant(claimant: str, sides=None) -> tuple[ClaimantClass, str | None]:
    """The class of a claimant and, for a belligerent, the party it speaks for.

    A named journalist, scholar, NGO or international body is that, whatever country it is
    from (`British journalist Thomas de Waal`); a party named in the claimant, or a side word
    (`ministry`, `government`, `army`), makes it a belligerent."""
    if re.search(r"\bWHO\b", claimant):
        return ClaimantClass.INTERNATIONAL, None  # the World Health Organization, written as its acronym
    party = _party_in(claimant, sides)
    if _OFFICE_OF.search(claimant) and (party is not None or _belligerent_pattern().search(claimant)):
        # `The Press Service of the Ministry of Defence`: a belligerent's office, not the press.
        return ClaimantClass.BELLIGERENT, party
    # The kind of body the phrase names first (`The UN human rights office`: the UN's, not a
    # rights group; `Amnesty International`: a rights group).
    earliest = None
    for cls, pattern in _class_patterns():
        m = pattern.search(claimant)
        # `International` opens many bodies' names (`the International Committee of the Red Cross`)
        at = len(claimant) if m is not None and m.group(0).lower() == "international" else m.start() if m else None
        if at is not None and (earliest is None or at < earliest[0]):
            earliest = (at, cls)
    if earliest is not None:
        if earliest[1] is ClaimantClass.JOURNALIST and party is not None and party not in lexicon().states \
                and (owner := _POSSESSOR.match(claimant)) is not None and _party_in(owner.group(1), sides) == party:
            # `the Islamic State group's Amaq news agency`, `Hezbollah's Al-Manar TV`: an armed
            # group's own outlet speaks for it.
            return ClaimantClass.BELLIGERENT, party
        return earliest[1], None
    if party is not None:
        return ClaimantClass.BELLIGERENT, party
    if _belligerent_pattern().search(claimant) and re.search(
        r"(?i)\b(?:ministry|government|army|military|command|authorities|side|forces|spokes\w+|president|commander|rebels?|separatists?"
        r"|general\s+staff|militants?|insurgents?|militias?|kremlin|pentagon|junta|regime|governor|gov|mayor|administration"
        r"|general|gen|colonel|col|lt|lieutenant|maj|major|brig|brigadier|captain|capt|admiral|commander|officer"
        r"|minister|police|prosecutors?|prime\s+minister)\b", claimant
    ):
        return ClaimantClass.BELLIGERENT, None
    if _COALITION.search(claimant):
        return ClaimantClass.BELLIGERENT, None  # `the US-led coalition`, not `a coalition of rights groups`
    return ClaimantClass.UNKNOWN, None


_COALITION = re.compile(r"(?i)\bcoalition\b(?!\s+of\b)")


_POSSESSOR = re.compile(r"(?i)(?:the\s+)?(.+?)['’]s?\s+\S")


def _party_in(claimant: str, sides) -> str | None:
    from claims.extract.figures import party_mentions

    for _, _, party in party_mentions(claimant, 0, len(claimant)):
        if sides is not None:
            hit = sides.party(party)
            if hit is not None:
                return hit[1]
        return party
    if sides is not None:
        for word in re.findall(r"\b[A-Z]{2,5}\b", claimant):
            hit = sides.party(word)
            if hit is not None and hit[0] is not None:
                return hit[1]
        named = sides.combatant_in(claimant)
        if named is not None:
            return named[1]
    return None


# --- infobox blocks --------------------------------------------------------------------------

_BLOCK_RE = re.compile(
    # (in italics or bold markup too: `''Vietnamese figures:''<br />4,020 killed`)
    r"(?:^|(?<=[,;|\n>])|(?<=[a-z\d\]\);] ))\s*(?:'{2,3}|<(?:i|b|em|strong)>)?(?:(?:(?:[Pp]er|[Aa]ccording\s+to)\s+(?P<who>[^:,\n|']{2,50}?)"
    r"|(?P<label>[A-Z][\w\-]*(?:\s+[\w\-]+){0,3}?\s+(?:estimates?|figures?|data|claims?|sources|count)))\s*:"
    # without a colon, right before the figures it heads: `Vietnamese figures 4,020 dead`
    r"|(?P<bare>[A-Z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}?\s+(?:estimates?|figures?|claims?|data))(?=\s+[~≈]?\d))"
)
_HEADING_ONLY = re.compile(r"(?i)^(?:official|independent|other|total|unofficial)\s+(?:estimates?|figures?|data)$")


def find_blocks(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """`Per Russian sources:` / `Western estimate:` labels in an infobox value: (label start,
    label end, claimant). Each governs the figures after it until the next label."""
    out = []
    for m in _BLOCK_RE.finditer(text[lo:hi]):
        who = (m.group("who") or m.group("label") or m.group("bare") or "").strip()
        if not who or _HEADING_ONLY.match(who):
            continue  # a heading (`Official estimates:`), not a claimant
        out.append((lo + m.start(), lo + m.end(), who))
    return out
