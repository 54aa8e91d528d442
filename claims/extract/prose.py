"""Claims from prose: figures, dates, units, outcomes, commanders and quotations, attributed.

Prose is read paragraph by paragraph, sentence by sentence (``sentences``). In each sentence:

1. attribution relations (``attribution.find_attributions``) and, for the paragraph, the
   quotations a reporting clause assigns (``find_quote_relations``); pronoun and definite
   sources (`it`, `he`, `the ministry`) are resolved against the sources and people named
   before (``_Discourse``);
2. dates, then figures (``figures.read_figures``) with the sentence's structure applied:
   members of a list share a predicate (`258 Kurdish fighters, 10 others and 20 civilians
   have also been killed`), parts of a total get its category and side (`71: 66 soldiers,
   one security coordinator and four civilians`), a scope names the side (`Among the IS,
   ...`), `its own losses` is the claimant's side and `enemy` the other;
3. each claim gets the innermost relation whose content holds it; a sentence with none
   inherits the attribution of the statement it continues (the sentences after `According to
   X,`, or after a source's statement in the same story), marked as inherited, with the reason.

Headlines are prose too: `Rights group: more than 600 killed` names its source before a colon.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from functools import cache

import attrs

from claims.extract.attribution import (
    FIRST_PERSON,
    Relation,
    classify_claimant,
    find_attributions,
    find_hedges,
    find_quote_relations,
    is_unnamed,
    reading_view,
    source_heads_in,
    unnamed_attribution,
)
from claims.extract.dates import AUTHOR_DATE, DateContext, find_dates, year_mentions
from claims.extract.discourse import (AMONG, CONTINUES, DESCRIBED_NAME, EDITORIAL_LABEL, LABELLED_LINE, LINE, LIST_ITEM, STATEMENT_LABEL, Discourse, block_header, masthead,
                                      same_organisation, statement_issuer)
from claims.extract.numbers import number_words_hint
from claims.extract.grid import find_grids, grid_claims
from claims.extract.figures import EQUIPMENT, LOSSES, Figure, continues_figure, is_population, kind_for, party_mentions, predicate_after, read_figures
from claims.extract.infobox import _default_year, _subject, document_year_mentions, parse_unit
from claims.extract.references import ReferenceIndex, cite_claims
from claims.extract.sentences import sentences, unwrapped
from claims.extract.sides import DATELINE, PARTY_LEAD, canonical, resolver_for
from claims.extract.spans import build_claim
from claims.lexicon import lexicon, phrase_pattern, trie_pattern
from claims.model import (
    Attribution,
    Category,
    Claim,
    ClaimantClass,
    Document,
    Hedge,
    HedgeKind,
    Kind,
    Person,
    Population,
    Problem,
    Quantity,
    Side,
    TextValue,
)

__all__ = ["extract_prose", "prose_regions"]

#: Decisive outcomes only: what can bear on the stated result (a side failed, retreated, was
#: repelled, took the town, won or lost). `were able to cut off the road` is not one.
_ABLE = r"(?:managed\s+to|(?:was|were)\s+able\s+to|succeeded\s+in)\s+"
_OUTCOME_RE = re.compile(
    r"\b(?:failed\s+to\s+(?:\w+ly\s+)?(?:achieve|take|capture|seize|hold|break|reach|gain|win|retake"
    r"|recapture|change|dislodge|advance|accomplish|defend|stop|prevent|occupy|encircle|defeat|complete)"
    r"|forced\s+(?:\w+\s+){0,4}to\s+(?:retreat|withdraw|surrender|abandon|pull\s+back)"
    rf"|{_ABLE}forc(?:e|ing)\s+(?:\w+\s+){{0,4}}to\s+(?:retreat|withdraw|surrender|abandon|pull\s+back)"
    rf"|{_ABLE}(?:(?:re)?captur(?:e|ing)|tak(?:e|ing)|seiz(?:e|ing))\s+(?:the\s+(?:city|town|village|capital)|[A-Z][\w\-]+)"
    rf"|{_ABLE}(?:retreat|withdraw)"
    r"|withdrew|retreated|surrendered"
    r"|(?:was|were)\s+(?:(?:\w+ly|finally|eventually|also)\s+)?(?:repelled|repulsed|defeated|routed)"
    r"|came\s+under\s+the\s+control\s+of"
    r"|(?:re)?captured\s+the\s+(?:city|town|village|capital)"
    r"|(?:a\s+)?(?:decisive\s+|pyrrhic\s+|costly\s+|biggest\s+|major\s+)?(?:victory|defeat)\s+(?:for|of)"
    r"|ended\s+(?:in|with)\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:victory|defeat))"
)
_SIDE_AFTER_RE = re.compile(r"came|(?:a\s+)?(?:decisive\s+|pyrrhic\s+|costly\s+|biggest\s+|major\s+)?(?:victory|defeat)|ended")
_QUOTE_RE = re.compile(r"“(?P<q>[^”\n]{12,600})”|(?<![\w])\"(?P<q2>[^\"\n]{12,600})\"(?![\w])")
_UNIT_RE = re.compile(
    r"\b\d{1,4}(?:st|nd|rd|th)\s+(?:(?:[A-Z][\w\-]*|[a-z][\w\-]*)\s+){0,5}?"
    r"(?i:army\s+group|army|corps|division|brigade|regiment|battalion|batallion|detachment|squadron|flotilla)\b"
)
#: A distributive word before a strength figure in its clause: the size of each unit, not a count.
_TYPICAL_SIZE_RE = re.compile(
    r"\b(?:typically|usually|normally|generally|on\s+average|each\s+(?:of|with|consisting|composed"
    r"|numbering|comprising))\b[^,.;:()]{0,30}$"
)
_NAME_TOKEN_RE = re.compile(r"\b[A-Z]{2,6}\b")
_LEAD_RE = re.compile(r"(?:and|but|while|whereas|so|then)\s+")
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+|as\s+well\s+as\s+|plus\s+|along\s+with\s+|together\s+with\s+)?"
                       r"|\s+and\s+|\s+or\s+|\s+as\s+well\s+as\s+|\s+plus\s+|\s+along\s+with\s+|\s+together\s+with\s+)\s*$")
_PARTS_SEP = re.compile(
    r"\s*(?:[:–—-]|\((?=\s*$)|,?\s*\(?\s*(?:including|of\s+which|of\s+whom|among\s+them|among\s+whom|comprising|namely"
    r"|consisting\s+of|broken\s+down\s+as)\b)\s*$",
    re.I,
)
# A source that disputes a figure without a statement of its own (`a figure the ministry
# disputed`, `a claim denied by the army`): a later `it` or `they` may point back to it.
_DISPUTED_BY = re.compile(
    r"\b(?:a|the|which|that)\s+(?:figure|claim|number|toll|count|account|report)s?\s+(?:that\s+|which\s+)?"
    r"(?P<src>(?:the\s+)?[A-Za-z][\w'’\-]*(?:\s+[A-Za-z][\w'’\-]*){0,4}?)\s+(?:has\s+|had\s+)?(?:disputed|denied|rejected|contested)\b"
    r"|\b(?:disputed|denied|rejected|contested)\s+by\s+(?P<src2>(?:the\s+)?[A-Za-z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,4})")
_REVISED_FIGURE = re.compile(
    r"(?i)\b(?:revised|raised|lowered|corrected|updated|increased|reduced|cut)\s+(?:this|that|the|its|their)\s+"
    r"(?:figure|toll|number|count|tally|estimate)\b")
_LOSSES_OVER = re.compile(r"(?i)\b(?:combat\s+)?(?:losses|casualties)\b")
# A body named short in its own statement (`The Ministry` in the Ministry of Information's).
_SHORT_BODY = re.compile(r"(?i)the[ \t]+(ministry|office|command|government|council|committee|alliance|headquarters|agency|service)")


# A list's row: a label (a place, a unit), then leader dots, a colon, a tab or spaces, then a
# number with its qualifier (`Laukkaing ......... 2,389`, `Mueda: 9,438`, `Kunlong   over 268`).
_LABEL_ROW = re.compile(
    r"[ \t]*(?:[-•*·][ \t]*)?(?P<label>[A-Z][^\d\n:.…\t]{1,40}?)[ \t]*(?:[.…·][ .…·]{2,}|:|\t|[ \t]{3,})[ \t]*"
    r"(?P<v>(?:(?:more[ \t]+than|over|about|some|nearly|almost|at[ \t]+least|up[ \t]+to|around|approximately|c\.|~)[ \t]*)?"
    r"\d[\d,.]*\+?)[ \t]*;?[ \t]*")
# What a header over such rows must count for its rows to be read.
_ROW_CATEGORIES = frozenset(LOSSES | EQUIPMENT | {Category.CAPTURED, Category.DISPLACED})


def _row_template(header: str) -> Figure | None:
    """What a list header counts (`Personnel of the military council who surrendered, by
    town:`, `Civilians killed by province:`): a figure read from the header as if a number
    opened it, when it counts losses, prisoners, displaced people or equipment."""
    words = header.rstrip(":").strip()
    words = re.sub(r"^(?:\d{1,2}[.)]|[-•*·])[ \t]*", "", words)
    if not 1 <= len(words.split()) <= 14 or re.search(r"\d", words):
        return None
    probe = f"1 {words}"
    read = read_figures(probe, 0, len(probe))
    if not read or read[0].start != 0 or read[0].category not in _ROW_CATEGORIES:
        return None
    return read[0]


def _line_of(text: str, at: int) -> str:
    """`line 12`: where ``at`` is, for a reason a reviewer reads."""
    return f"line {text.count(chr(10), 0, at) + 1}"


# A line over a list that says whose losses it counts (`the enemy lost:`, `Russian losses:`).
_LOST_OVER = re.compile(
    r"(?i)(?:\b(?:(?P<enemy>enemy|adversary|opponent)|(?P<own>our|own))\b[^:\n]{0,30})?\b(?:lost|losses|casualties)\b"
    r"(?:[^:\n.]{0,50}?\b(?:(?P<enemy2>enemy|adversary|opponent)|(?P<own2>our|own))\b)?[^:\n.]{0,50}:\s*$")
_SCOPE_RE = re.compile(
    # (the flag only on the words: a name is capitalised, `with the support of French aircraft,`
    # is no scope)
    r"\b(?i:among|on\s+the\s+side\s+of|for|of)\s+(?i:the\s+)?(?P<who>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,4})\s*,"
    r"|\b(?i:on\s+the)\s+(?P<who2>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2})\s+(?i:side)\b"
)
_LOSS_END = re.compile(r"(?i)\b(?:lost|suffered|sustained|incurred)\s*$")
_LOST_BY = re.compile(r"(?i)[ \t]+by[ \t]+(?:the[ \t]+)?")
_LOSS_SUBJECT = re.compile(r"(?i)\b(?:lost|losing|loses|suffered|suffering|sustained|sustaining|incurred)\b")
# A section about one party's losses (`GNA losses`, `Ukrainian casualties — rival estimates`).
_LOSS_HEADING = re.compile(
    r"[ \t#]*(?P<who>[A-Z][\w'’.\-/]*(?:[ \t]+[A-Z][\w'’\-]*){0,3}?)(?:'s|’s)?[ \t]+"
    r"(?i:losses|casualties|dead|deaths|fatalities)(?:[ \t]*[—–:\-(][^\n]{0,40})?[ \t]*")
_PARTY_LABEL = re.compile(
    r"[ \t]*(?P<who>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,3}?)(?:'s|’s)?[ \t]+"
    r"(?i:losses|casualties|dead|killed|deaths|fatalities|wounded|strength|forces|troops)"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*:"  # `Ukrainian losses (Russian claim):`
)
# Cues by which a belligerent speaks of its own losses: it admits them, or denies them (`RSF
# denies losing 300 fighters`: the RSF's, negated).
# What names a body's country right after its name: `Ministry of Defence, Islamabad`, `of Ukraine`.
_ISSUED_AT = re.compile(r"[ \t]*(?P<place>[A-Z][\w'’\-]+(?:[ \t]+[A-Z][\w'’\-]+)?)[ \t]*(?:,|\n|$)")
_NAMED_AFTER_BODY = re.compile(r"[ \t]*(?:,[ \t]*|[ \t]of[ \t]+(?:the[ \t]+)?|[ \t]*\([ \t]*)")
_AMONG_FIGHTING = re.compile(
    r"(?i)\bamong\s+(?:those|the\s+forces|the\s+groups|the\s+fighters|the\s+men)\s+(?:fighting|battling)\s+(?:against\s+)?"
    r"(?:the\s+)?(?P<who>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})")
_PARTS_AFTER_CLAUSE = re.compile(r"(?i)[\"”’']?\s*,\s*(?:including|among\s+them|among\s+whom|of\s+whom)\s*$")
_GAVE_ACCOUNT = re.compile(
    r"(?P<src>[A-Za-z][\w'’\-]*(?:[ \t]+[\w'’\-]+){0,4}?)[ \t]+(?:gave|offered|presented|had|told)[ \t]+(?:a|an|their|its)[ \t]+"
    r"(?:(?:very|quite|entirely|completely|rather|sharply)[ \t]+)?(?:different|conflicting|contrasting|contradictory|other|rival)"
    r"[ \t]+(?:account|version|picture|story)\b")
_ZERO_HINT = re.compile(r"\b(?:no|none of|not a single)\b(?:[^.;]|\.(?=\w|[ \t]+[a-z])){0,60}?\b(?:killed|wounded|injured|hurt|captured|lost|died"
                        r"|dead|destroyed|downed|shot down|fatalities|casualties|losses|deaths|missing)\b")
_OWN_PART = re.compile(r"(?i)\b(?:its|their|his|her|our)\s+$")
_LEAD_PEOPLE = re.compile(r"[ \t]*([a-z]+)\b")
_NEW_CLAUSE = re.compile(r"[;:.!?]|\b(?:while|whereas|but|said|says|told)\b|\band\s+(?:the|a|an|[A-Z])|\d")
_ADMITTED = re.compile(r"(?i)(?:admit|acknowledg|conced|den(?:y|ie))")
_ROLE_LEAD = re.compile(r"[ \t]*(?:[•*\-–·][ \t]*)?(?P<who>[A-Za-z][\w \-]{2,30}?)[ \t]*:")


def _role_label(words: str) -> bool:
    """A label that says whose the figures are, not who says them (`Militants:`, `Government
    forces:`, `Civilians:`)."""
    lx = lexicon()
    folded = " ".join(words.lower().split()).removeprefix("the ")
    head = folded.split()[-1] if folded else ""
    return folded in lx.insurgent_labels or folded in lx.state_forces or folded in lx.hostile_labels \
        or head in ("civilians", "forces", "troops", "fighters", "soldiers") and len(folded.split()) <= 3


_LOST_LIST = re.compile(r"(?i)\b(?:destroyed|shot\s+down|downed|lost|knocked\s+out|damaged|disabled|sunk)\s*:\s*$")
_CONFIRMED = re.compile(r"(?i)(?:admit|acknowledg|conced|confirm)")
_LOSS_OF = re.compile(r"(?i)(?:the\s+)?loss(?:es)?\s+of|lost|losing")
_LOSS_CATEGORIES = frozenset({Category.KILLED, Category.WOUNDED, Category.MISSING, Category.CAPTURED, Category.CASUALTIES,
                              Category.KILLED_OR_WOUNDED})
# The words before a figure that opens what a source says (`said that 64 servicemen ...`).
_OPENS_CONTENT = re.compile(r"[\s,\"“‘']*(?:that\s+)?")  # (`According to X, 158 servicemen`)
_OWN_TOLL_CATEGORIES = frozenset({Category.KILLED, Category.WOUNDED, Category.MISSING, Category.CASUALTIES,
                                  Category.KILLED_OR_WOUNDED})
_ALONG_WITH = re.compile(r"(?i)\s*,?\s*(?:along|together)\s+with\s*$|\s*,?\s*as\s+well\s+as\s*$")
_BODY_NOUNS = frozenset({"bodies", "dead", "corpses", "dead bodies"})
_LEFT_BEHIND = re.compile(r"(?i)\b(?:left|leaving|abandoned|abandoning)\b")
_CLAUSE_JOIN = re.compile(r"(?i);|,[ \t]*(?:and|but|while|whereas)\b")
# A date a count is given as of, opening its clause: `As of 16 June, some 130,000 people had
# been displaced`, `by 28 May, 76,000`.
_AS_OF_BEFORE = re.compile(r"(?i)\b(?:as[ \t]+of|as[ \t]+at|by|up[ \t]+to|until|through)[ \t]+(?:the[ \t]+(?:end[ \t]+of[ \t]+)?)?$")
# `Updated Feb 20, 2021:` opening a sentence: what it says is as of that day.
_UPDATED_LEAD = re.compile(r"(?i)(?:^|[\n*_])[ \t*_]*(?:updated|update)(?:[ \t]+on)?[ \t]*$")
_UPDATE_COLON = re.compile(r"[ \t]*[:\-–—]")
_DATE_TO_FIGURE = re.compile(r"[ \t]*,?[ \t]*(?:[^\d,;:.]{0,60}?)?$")


def _dated(text: str, figures: list[Figure], dates) -> list[Figure]:
    """``figures``, each count with no date of its own given the as-of date that opens its
    clause (`As of 16 June, some 130,000 people had been displaced`) or its update (`Updated Feb
    20, 2021: ... was five`): the date tells a later count of a growing toll from a rival one."""
    update = next((d for d in dates if not d.relative and _UPDATED_LEAD.search(text, max(0, d.start - 24), d.start)
                   and _UPDATE_COLON.match(text, d.end)), None)
    out = []
    for f in figures:
        if f.as_of is None and update is not None and update.end <= f.start:
            f = attrs.evolve(f, as_of=update.value)
        if f.as_of is None:
            for d in reversed(dates):
                if d.end <= f.start and not d.relative and d.value.bound in (None, "until") \
                        and _AS_OF_BEFORE.search(text, max(0, d.start - 20), d.start) \
                        and _DATE_TO_FIGURE.fullmatch(text, d.end, f.start):
                    # (`by 28 May` reads as a bound `until`: the count is as of that day)
                    f = attrs.evolve(f, as_of=attrs.evolve(d.value, bound=None))
                    break
        out.append(f)
    return out


# Between two weapons of one list: `17 tanks and three aircraft`, `188 tanks, in addition to 64`.
_LISTED_WITH = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and|or|as[ \t]+well[ \t]+as|plus|in[ \t]+addition[ \t]+to)?[ \t]*")
_BARE_GOES_ON = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and|while|but)?[ \t]*(?:[a-z]+(?:ing|ed)[ \t]+)?(?:another|a[ \t]+further|some|about|around)?[ \t]*")
_CLOSE_THEN_LIST = re.compile(r"\s*\)\s*(?:,\s*(?:and\s+)?|and\s+)$")
# A line under a table naming where its figures come from (`Source: IV Corps A. Branch returns.`).
_SOURCE_LINE = re.compile(r"(?:[ \t]*\r?\n){1,3}[ \t]*(?:Sources?|Data|Figures)[ \t]*:[ \t]*(?P<who>[^\n;]{3,100}?)(?:(?<=[a-z]{2})\.[ \t]+(?=[A-Z])|\.?[ \t]*(?=\n|$))")
_NO_SOURCE_NAMED = re.compile(r"(?i)\W*(?:see|cf|note|notes|author|authors|own|various|compiled)\b|\W*\d")
# The subject of a sentence whose figure is `N of their men` (`The rebels lost over 200 of their fighters`).
_THEIR_SUBJECT = re.compile(r"\W*(?P<who>(?:[Tt]he[ \t]+)?(?:[A-Z][\w'’\-]*[ \t]+){0,3}?[\w'’\-]+)[ \t]+(?:had[ \t]+|have[ \t]+|has[ \t]+)?"
                           r"(?:lost|losing|loses|suffered|buried|evacuated|had)[ \t]+")
_OPPOSED_TO = re.compile(r"(?i)\b(?:from|against|allies|allied|ally|enemy|enemies|regime|fighting|fought|attacked|attacking|"
                         r"repelled|defeated|routed|aggressors?|invaders?)\b")
# A social network's post: its author's name over the handle at the head of a thread, the
# signature under an embedded post, the label over one.
_THREAD_AUTHOR = re.compile(r"(?m)^[ \t]*(?P<name>[A-Z][\w'’.\-]+(?:[ \t]+[\w'’.\-]+){1,3})[ \t]*\n[ \t]*@\w{2,30}[ \t]*$")
_POST_SIGNATURE = re.compile(r"(?m)^[ \t]*[—–\-][ \t]*(?P<name>[^(\n@]{2,60}?)[ \t]*\(@\w{2,30}\)[ \t]+[A-Z][a-z]+[ \t]+\d{1,2},[ \t]*\d{4}[ \t]*$")
_POST_FROM = re.compile(r"(?im)^[ \t]*(?:tweet|post)[ \t]+(?:from|by)[ \t]+@(?P<handle>\w{2,30})[ \t]*:?[ \t]*$")
# What a speaker goes by rather than who speaks (`according to the information available`).
_EVIDENCE_HEADS = frozenset("information data intelligence reconnaissance figures reports report estimates estimate "
                            "count tally records".split())
_FOR_THE_SIDE = re.compile(r"\W*(?i:for|on|among)[ \t]+the[ \t]+(?P<who>[^,.;:\n]{2,40}?)[ \t]+(?i:side|camp|forces)[ \t]*,")
_PARTITIVE_OPENER = re.compile(
    r"\W*(?i:(?:of|among)\s+(?:these|those|them)\s*,"  # `Of these, 22 were civilians`
    r"|(?:of|among)\s+(?:the|those|these|them|whom)\b[^,.;:\n]{0,60}?"
    r"\b(?:cases|victims|dead|deaths|fatalities|killed|casualties|wounded|injured|them|those)\s*,"
    r"|additionally\s*,|in\s+addition\s*,)"
)
# `it had lost`, `they have suffered`: a pronoun subject right before a loss verb.
_PRONOUN_LOSER = re.compile(r"(?i)\b(it|they)(?:\s+(?:had|has|have|also|only|already|so\s+far|reportedly))*\s*$")
_LOSS_GOVERNOR = re.compile(
    r"(?i)\b(?:lost|loses|losing|suffered|suffering|sustained|sustaining|incurred)\b"
    r"|\b(?:casualties|losses|dead|death\s+toll|toll)\s+(?:were|was|numbered|amounted\s+to|totall?ed|stood\s+at|came\s+to|included"
    r"|(?:are|were|is|was|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:estimated|put|given|reckoned|calculated|counted)\s+(?:at|as)"
    r"|of\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}\s+(?:were|was|numbered|totall?ed))\b"
)
# A clause's side said from where the speaker stands (`On the friendly side, the toll is 2
# dead`, `the provisional toll on the enemy side is 20`).
_SIDE_SCOPE = re.compile(
    r"(?i)\b(?:on|from|for)[ \t]+(?:the[ \t]+)?(?P<w>friendly|our|own|enemy|enemy['’]s|opposing|adversary['’]s|other)[ \t]+side\b")
_OWN_MEASURE = re.compile(r"(?i)\b(?:our|its|their)[ \t]+(?:own[ \t]+)?(?:losses|casualties|dead|death[ \t]+toll|fatalities)\b")
_WE_OPENS = re.compile(r"[ \t]*(?:We|Our)\b")


def _inside_quotes(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened since ``start`` (a paragraph's start)."""
    part = text[start:pos]
    return part.count('"') % 2 == 1 or part.count("“") > part.count("”")


# `his country had lost`, `we have lost`, `their forces suffered`: the speaker's own side.
_OWN_SUBJECT = re.compile(
    r"(?i)\b(?:(?:his|her|its|their|our)\s+(?:own\s+)?(?:country|nation|side|forces|army|troops|military|government)|we|it|they)"
    # (a list after the verb goes on: `We have lost 2 armoured personnel carriers and 1 ...`,
    # until another verb: `lost 2 and destroyed 14 tanks`)
    r"\s+(?:[a-z]+\s+){0,2}(?:lost|losing|loses|suffered|sustained|incurred)\s+"
    r"(?:(?!(?:destroy|kill|down|shot|captur|seiz|took|wound|hit)\w*\b)[\w,~]+\s+){0,6}$"
)
# A party named after a preposition (`fired on Ostlandic positions`, `near a Lowland police
# car`) is no subject of the clause.
_AFTER_PREPOSITION = re.compile(r"(?i)\b(?:on|near|at|in|into|against|from|to|with|of|by|toward|towards|over|across|behind)\s+(?:(?:the|a|an)\s+)?"
                                # `by the paramilitary Rapid Support Forces`: a modifier between
                                r"(?-i:(?:north|south|east|west|central|northern|southern|eastern|western|north-eastern|north-western|south-eastern|south-western|[a-z][a-z\-]{3,})\s+)?$")
@cache
def _fielding_re() -> re.Pattern[str]:
    return re.compile(rf"(?i)\b{trie_pattern(lexicon().fielding)}\b")


def _subjects(text: str, lo: int, hi: int, skip, mentions=party_mentions) -> list[tuple[int, int, str]]:
    """The parties named in ``text[lo:hi]`` (by ``mentions``) that may be a clause's subject:
    not in a source's words, not after a preposition (`near an Ostlandic truck`), not counted
    (`four Ossetians`)."""
    return [(s, e, party) for s, e, party in mentions(text, lo, hi)
            if not any(a is not None and a <= s < b for a, b in skip)
            and not _AFTER_PREPOSITION.search(text, max(lo, s - 30), s) and not _counted(text, max(lo, s - 30), s)
            and text[max(lo, s - 1):s] != "("]  # `the ... Forces (RSF)`: the name before, in brackets


def _counted(text: str, lo: int, hi: int) -> bool:
    """Whether a number ends right before ``hi`` (`killing four Ossetians`): a party named in
    a figure, no subject."""
    m = re.search(r"([\w,.\-]+)\s+$", text[lo:hi])
    return m is not None and (m.group(1)[:1].isdigit() or number_words_hint().fullmatch(m.group(1).lower()) is not None)


# A sentence that points back at what came before as somebody's (`This was reported by X`,
# `The above figures are according to X`, `X reported this`).
_RETRO = re.compile(
    r"(?i)[ \t\"“]*(?:(?:this|that|these|the\s+(?:above|figures?|data|information|numbers))\s+(?:\w+\s+){0,2}?"
    r"(?:was|were|is|are|has\s+been|have\s+been)?\s*(?:reported|announced|stated|published|released|given|provided|posted|said|according)\b"
    r"|sources?\s*:)"
)
# The reported clause's subject is the claimant itself (`The army says it has destroyed 46
# tanks and killed 300 fighters`, `our forces shot down`): what it did was done to its enemy.
_CLAIMANT_AGENT = re.compile(
    r"(?i)^[\s\"“‘']*(?:that\s+)?(?:[^,;:.!?\"“”]{2,40},[ \t]*)?(?:it|they|we|(?:its|their|our)\s+(?:own\s+)?(?:forces|troops|army|military|units|"
    r"soldiers|fighters|air\s+defen[cs]es?|air\s+force|navy))\s+(?:(?:has|have|had|also|now|reportedly|just|already|"
    r"been|would|will|managed\s+to|were\s+able\s+to)\s+)*$"
)
_LINE_PARTY = re.compile(r"[*_]{0,2}(?P<who>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,3})[*_]{0,2}[ \t]*:[*_]{0,2}[ \t]")
_GROUP_DESCRIPTION = re.compile(r"(?i)the\s+(?:armed\s+|rebel\s+|militant\s+|paramilitary\s+|insurgent\s+)?(?:group|militia|movement|rebels|paramilitaries|insurgents)")
_CLAIMANT_SUBJECT = re.compile(
    r"(?i)[\s\"“‘']*(?:that\s+)?(?:it|they|we|(?:its|their|our)\s+(?:own\s+)?(?:forces|troops|army|military|units|soldiers|fighters))\s+"
    r"(?:(?:has|have|had|also|now|reportedly|just|already|been)\s+)*[a-z]+ed\b")


@cache
def _force_before() -> re.Pattern[str]:
    """A noun for a body of troops (`[force_nouns]`) right before the number it completes."""
    return re.compile(
        rf"(?i)(?:{phrase_pattern(lexicon().force_nouns)})(?:[ \t]+of)?[ \t]+"
        r"(?:(?:some|about|around|over|nearly|roughly|up[ \t]+to|almost)[ \t]+)?$"
    )


def _first_agentive(text: str, lo: int, hi: int) -> int | None:
    """Where the first agentive verb of ``text[lo:hi]`` starts (`killed`, `destroyed`), or None."""
    agentive = lexicon().agentive
    for w in re.finditer(r"[a-z]+(?:\s+(?:down|out|dead|prisoner|captive|hostage))?", text[lo:hi]):
        if w.group(0) in agentive or w.group(0).split()[0] in agentive:
            return lo + w.start()
    return None


# A title before a name, set off by a comma (`The Kremlin's spokesman, Dmitry Peskov`).
_OPENING_CLAUSE = re.compile(r"(?i)(?:[a-z]+ing|asked|interviewed|quoted|in|on|at|after|before|during|from|with|without|when|while|as)\b")
_APPOSITION_AFTER = re.compile(r"[ \t]*,[ \t]*(?P<t>(?:an?|the)[ \t]+[^,.;:!?\n\"“”]{2,90}?)[ \t]*,")
# A person's name as a claimant: capitalised words, a rank or title before them allowed.
_PERSON_NAME = re.compile(r"(?:[A-Z][a-z]+\.?[ \t]+){0,2}[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+){1,3}")
_TITLE_BEFORE = re.compile(r"(?P<t>[A-Za-z][^,.;:!?\n\"“”]{2,90}),[ \t]*$")
_BARE_TITLE_BEFORE = re.compile(r"(?<![\w'’\-])(?P<t>(?:[A-Z][\w'’\-]*[ \t]+){1,3}(?:[a-z][\w\-]*[ \t]+){0,2}?[a-z]+)[ \t]+$")
# `the front had lost`, `the alliance suffered`: a definite noun for a party named before in full.
_DEFINITE_SUBJECT = re.compile(
    r"(?i)\bthe\s+(?P<head>[a-z]{4,})\s+(?:[a-z]+\s+){0,2}(?:lost|losing|loses|suffered|sustained|incurred)"
    r"\s+(?:[^.;:!?\s]+\s+){0,6}[\"“'‘]?$"
)
_SUBJECT_CLAUSE = re.compile(r"(?i)[,;:(]|\b(?:that|who|which|while|whereas|but)\b")


@cache
def _agent_verb() -> re.Pattern[str]:
    """An agentive verb (`killed`, `captured`, `took`) with the figure as its object: at most
    a few qualifying words between it and the number."""
    verbs = set(lexicon().agentive) | {"took", "taking", "take", "takes"}
    # A trie matches what the longest-first alternation of the verbs matched (the verbs a
    # position can match are prefixes of one another), spaces still as written.
    return re.compile(r"(?i)\b(?P<v>" + trie_pattern(verbs, space=re.escape(" ")) + r")[ \t]+"
                      # `captured 15,000 men and 70 guns`: the second object of the verb
                      r"(?:\d[\d,]*[ \t]+[\w\-]+(?:[ \t]+[\w\-]+)?(?:,[ \t]+|,?[ \t]+and[ \t]+))?"
                      r"(?:(?:some|about|around|over|nearly|almost|more[ \t]+than|at[ \t]+least|up[ \t]+to|an[ \t]+estimated|"
                      r"as[ \t]+many[ \t]+as|roughly|approximately|another|a[ \t]+further|the|its|their)[ \t]+)*$")


# `On the first day alone, the Union army ...`: a phrase of time or place before the subject.
_OPENING_ADVERBIAL = re.compile(r"(?:In|On|At|By|During|After|Before|Over|Within|From)\b[^,.;:\n]{1,40},[ \t]+")
# Cues of a finding stated once (a historian's, a witness's), not of a statement a story
# goes on reporting sentence after sentence.
_ONE_OFF_CUES = frozenset(
    "wrote writes written estimated estimates calculated calculates counted counts testified testifies argued argues "
    "believes believed suggested suggests concluded concludes put puts gave gives".split())
_NEGATED_LOSS = re.compile(r"(?i)\b(?:not|never|n['’]t)[ \t]+(?:(?:have|has|had|been|even|yet)[ \t]+){0,2}"
                           r"(?:lost|lose|losing|suffered|suffer|sustained)[ \t]+$")
_NOT_A_BOUND = re.compile(r"(?i)(?:more|less|fewer|over|under|only|just|even|as[ \t]+many|so[ \t]+many|many|much)\b")
_POSSESSIVE_TO = re.compile(r"['’]s?[ \t]+(?:(?:some|about|around|nearly|almost|over|roughly|approximately)[ \t]+)?")
# `revised the Union figure to 3,400`, `put the Confederate total at 5,000`: a bare number
# is the figure of the party named in the measure before it.
_PARTY_MEASURE = re.compile(
    r"(?P<who>(?:[A-Z][\w'’\-]*[ \t]+){1,3})(?P<m>figures?|totals?|estimates?|count|toll|tally|losses|casualties|dead)"
    r"[ \t]+(?:[a-z]+[ \t]+){0,2}?(?:to|at|as|of|was|were|is|are)[ \t]+"
    r"(?:(?:some|about|around|nearly|almost|over|roughly|approximately|only|just)[ \t]+)?$")


@cache
def _enemy_subject() -> re.Pattern[str]:
    """`the enemy lost`, `the gangs suffered ...` before a figure: the loss of the side opposed to
    whoever speaks (a word no side uses for itself: the lexicon's ``pejoratives``)."""
    words = "|".join(sorted((re.escape(w) for w in lexicon().pejoratives), key=len, reverse=True))
    return re.compile(
        rf"(?i)\b(?P<who>(?:the\s+)?(?:enemy|adversary|opponent|{words}))\s+(?:[a-z]+\s+){{0,5}}(?:lost|losing|loses|suffered|sustained|incurred)"
        r"\s+(?:[^.;:!?\s]+\s+){0,16}$")

_PEOPLE_CATEGORIES = frozenset({
    Category.KILLED, Category.WOUNDED, Category.MISSING, Category.CAPTURED, Category.KILLED_OR_MISSING,
    Category.KILLED_OR_WOUNDED, Category.CASUALTIES, Category.PEOPLE, Category.TROOPS, Category.DISPLACED,
    Category.REFUGEES, None,
})
_CLAUSE_BREAK = re.compile(r"(?i);|\b(?:while|whereas|but|although|though|however|who|which|when)\b|,\s+(?:and\s+)?(?:the|its|their|his|her)\b")
# One part of a person's name, a capital inside it too (`McChrystal`, `MacArthur`, `O'Neill`).
_NAME_PART = r"[A-Z][a-zà-ÿ'’\-]+(?:[A-Z][a-zà-ÿ]+)?"
_TITLE_RE = re.compile(
    r"(?P<title>\b(?:(?:[A-Z][A-Za-z\-]+\s+)?(?:[Rr]ebel|[Ss]eparatist|[Mm]ilitary|[Mm]ilitia|[Ff]ield|[Aa]rmy|[Gg]uerrilla|[Ii]nsurgent)\s+(?:leader|commander|chief)"
    r"|(?:[A-Z][A-Za-z\-]+\s+)?(?:[Ll]eader|[Cc]ommander(?:-in-[Cc]hief)?|[Cc]hief\s+of\s+(?:the\s+)?(?:[Gg]eneral\s+)?[Ss]taff|[Dd]efen[cs]e\s+[Mm]inister|[Ww]ar\s+[Mm]inister"
    r"|[Cc]olonel[- ][Gg]eneral|[Gg]eneral|(?:(?:Lt|Maj|Brig|Col)\.[- ]?\s*)?[Gg]en\.|[Cc]olonel|[Ll]ieutenant[- ][Cc]olonel|[Ll]ieutenant[- ][Gg]eneral|[Mm]ajor[- ][Gg]eneral|[Bb]rigadier(?:[- ][Gg]eneral)?"
    r"|[Aa]dmiral|[Mm]arshal|[Ff]ield\s+[Mm]arshal|[Ww]arlord|Lt\.\s*Col\.|Col\.|Maj\.|Brig\.|Adm\.))\s+)"
    rf"(?P<name>(?:{_NAME_PART}|[A-Z]\.)(?:\s+(?:{_NAME_PART}|al-[A-Z][a-z]+|bin|ibn|de|van|von)){{1,3}})"
)
_NAME = rf"(?:{_NAME_PART})(?:\s+(?:{_NAME_PART}|al-[A-Z][a-z]+|bin|ibn|de|van|von)){{1,3}}"
# `Oleksandr Syrskyi, commander of Ukraine's ground forces`; `The commander of the 93rd
# brigade, Pavlo Palisa,`: a name in apposition with the post.
_APPOSED_COMMANDER = re.compile(
    rf"(?P<name>{_NAME}),[ \t]+(?:the[ \t]+)?(?P<title>(?:top[ \t]+)?(?:commander|leader|chief)[ \t]+of[ \t]+[^,.;\n]{{3,60}})"
    rf"|(?P<title2>\b(?:[Tt]he[ \t]+)?(?:commander|leader|chief)[ \t]+of[ \t]+[^,.;\n]{{3,60}}),[ \t]+(?P<name2>{_NAME})[ \t]*[,.]"
)
_COMMANDED_BY = re.compile(
    r"\b(?:commanded|led|headed)\s+by\s+(?:the\s+)?(?:(?:[A-Z][a-z]+[- ])?(?:[A-Z][a-z]+\.?)\s+)?"
    rf"(?P<name>(?:{_NAME_PART})(?:\s+(?:{_NAME_PART}|al-[A-Z][a-z]+|de|van|von)){{1,3}})"
)
_PERSON_RE = re.compile(
    r"(?<![\w’'])(?:[A-Z][a-zà-ÿ'’\-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-zà-ÿ'’\-]+|[A-Z]\.|al-[A-Z][a-z]+|bin|ibn|de|van|von)){1,3}(?![\w])"
)
_LINE_END_SOURCE = re.compile(r"[ \t]\((?P<who>[A-Z][^()\n]{1,40})\)[ \t]*$")
_BRACKETED_SOURCE = re.compile(r"\((?P<src>[^()\n]{2,40}?\b(?:claim|claims|estimate|estimates|figures?|data|sources?|count)\b[^()\n]{0,20})\)\s*$", re.I)
# (`- **Misrata central hospital**: 712 killed`: Markdown emphasis around the label)
_HEADLINE_SOURCE = re.compile(
    r"\s*(?P<bullet>[-*•–][ \t]+)?(?:\*\*|__)?(?P<who>[A-Z][^:\n*]{1,48}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s+(?=\S)")
_BULLET = re.compile(r"[ \t]*(?:[-*•–][ \t]+)?")
_BULLETED = re.compile(r"[-*•–·][ \t]+\S")  # a list's item, whatever it opens with
# A speaker's label in a transcript: capitals and initials before a colon (`GEN. ARDEN:`,
# `MR. SMITH:`, `SECRETARY ALVAREZ:`), at the start of the paragraph.
_SPEAKER_LABEL = re.compile(
    # a parliament's record titles its speakers: `The PRIME MINISTER (Mr. Churchill):`,
    # `Mr. SHINWELL (Seaham):`, `The SECRETARY OF STATE for WAR (Captain Margesson):`
    r"(?P<who>(?:(?:The|Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Captain|Colonel|Major|General|Admiral|Commander)\.?[ \t]+)?"
    r"(?:[A-Z][A-Z'’\-]*\.?[ \t]+(?:(?:of|for|the|and)[ \t]+)?){0,5}[A-Z][A-Z'’\-]+\.?"
    r"(?:[ \t]+\([A-Z][^()\n]{1,40}\))?):[ \t]+\S")
# A record's speaker as prose writes a name, after a title or rank: `Mr. Nebenzia (Russian
# Federation):` in a UN verbatim record, `Colonel-General Sergei Rudskoy:` in a briefing.
_RANK = (r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|Ambassador|General|Colonel|Major|Lieutenant|Captain"
         r"|Admiral|Commander|Brigadier|Marshal|Sergeant|Professor|Prof|Gen|Col|Maj|Lt|Capt|Adm|Brig|Sgt|Rear|Vice"
         r"|Senator|Sen|Representative|Rep|Minister|Secretary|Spokesman|Spokeswoman|Spokesperson)\.?")
_TITLED_LABEL = re.compile(
    rf"(?P<who>{_RANK}(?:[ \t\-]+{_RANK})*(?:[ \t]+(?:[A-Z][a-zà-ÿ'’\-]+|[A-Z]\.|de|van|von|al-[A-Z][a-z]+|bin|ibn)){{1,4}}"
    r"(?:[ \t]+\([A-Z][^()\n]{1,40}\))?):[ \t]+\S")
# A transcript's turn labelled by a surname as prose writes it: `Rudskoy: ...`.
_NAME_LABEL = re.compile(r"(?P<who>[A-Z][a-z][\w'’\-]*):[ \t]+(?=\S)")
# What follows a label when the line is a labelled figure, not a speaker's turn (`235 KIA`).
_LABELLED_FIGURE = re.compile(r"[ \t]*[~≈<>]?\d[^\s]*(?:[ \t]+[^\s]+){0,3}[ \t]*")
_ENTRY_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?:[ \t]*(?:GMT|BST|UTC|CET|CEST|EST|EDT|local[ \t]+time|[ap]\.?m\.?))?[ \t]*[\-–—:|][ \t]*")
# Labels that name no speaker of the paragraph: a question, or a rubric (`BREAKING:`, `UPDATE:`).
_NO_SPEAKER = frozenset(
    "q question reporter audience moderator voice operator breaking update updated note correction warning "
    "exclusive analysis live watch source sources photo video timeline background context summary factbox "
    "editor's note key points read more related total totals".split())


def _embedded_posts(text: str) -> dict[int, tuple[int, str]]:
    """Posts quoted in a page, by where their text starts: (end, author). A post embedded with its
    signature under it (`— Name (@handle) November 13, 2015`) is the named author's; one under
    `Tweet from @handle:` with none is the handle's."""
    posts: dict[int, tuple[int, str]] = {}
    for m in _POST_SIGNATURE.finditer(text):
        start = text.rfind("\n\n", 0, m.start() - 1)
        posts[start + 2 if start != -1 else 0] = (m.start(), m.group("name").strip())
    for m in _POST_FROM.finditer(text):
        body = m.end()
        if not any(a <= body + 2 < b for a, (b, _) in posts.items()):
            end = text.find("\n\n", body + 2)
            posts[body] = (len(text) if end == -1 else end, "@" + m.group("handle"))
    return posts


def _last_sentence(paragraph: str) -> int:
    """Where the paragraph's last sentence starts (`The command issued a statement. The
    following is its text:`)."""
    k = paragraph.rfind(". ", 0, len(paragraph) - 1)
    return k + 2 if k >= 0 else 0


def _speaker_name(label: str) -> str | None:
    """The speaker a transcript's label names, as prose names it (`GEN. ARDEN` -> `Gen. Arden`;
    an acronym as written: `MSF`), or None for a rubric, a party or a word of what is counted."""
    words = label.lower().rstrip(".").split()
    folded = " ".join(words)
    lx = lexicon()
    if folded in _NO_SPEAKER or words[-1] in _NO_SPEAKER or words[0] in _NO_SPEAKER or lx.party_of(folded) is not None \
            or folded in lx.nouns or folded in lx.subject_nouns:
        return None
    if len(label) <= 4 and label.isalpha():
        return label
    head, _, paren = label.partition(" (")
    named = " ".join(w.lower() if w.lower() in ("of", "for", "the", "and") and k else w if len(w) <= 2 or not w.isupper()
                     else w.capitalize() for k, w in enumerate(head.split()))
    # (`(Mr. Churchill)` names the speaker of a title; `(Seaham)`, a member's seat, is kept too)
    return f"{named} ({paren}" if paren else named
_UNSET = object()
_REPORTED = re.compile(r"(?i)\b(?:claim|claims|claimed|said|says|report|reports|reported|according|alleg\w*|den\w*|reject\w*)\b")
# A first-person force or country (`our army`, `our troops`, `our country`): a text in a party's
# own voice.
_OUR_FORCE = re.compile(r"(?i)\bour\s+(?:own\s+)?(?:army|armies|forces|troops|soldiers|country|nation|side|military"
                        r"|fighters|units|men|people|motherland)\b")
# A paragraph that announces a text given in full after it (`Following is the text of the
# statement, translated from Kurdish:`, `The statement reads:`).
_TEXT_FOLLOWS = re.compile(
    r"(?i)(?:(?:the\s+)?following\s+is|below\s+is|here\s+is|(?:the\s+)?(?:full\s+)?text\s+of|in\s+full)\b[^\n:]{0,60}?"
    r"\b(?P<what>statement|communiqu[eé]|message|letter|announcement|declaration|address)\b[^\n]{0,120}:$"
    r"|(?:the\s+)?(?P<what2>statement|communiqu[eé]|message|letter)\s+(?:reads|read|says|said)(?:\s+in\s+full)?[^\n]{0,40}:$")
_OPEN_QUOTE_MARKS = "\"“«„'‘"
_CLOSE_QUOTE_MARKS = "\"”»'’"
_STATEMENT_PARAGRAPHS = 12  # a statement given in full runs no longer (an unclosed quote ends there)
# A page that gives a body's statement says so before it (see ``_paragraph``).
_ISSUED_BY = re.compile(
    # (`The following is a translation of a statement read on state television. It was
    # attributed to the General Command.`: the next sentence may name who issued it)
    r"\b[Tt]he\s+following\b[^\n]{0,300}?\b(?:(?:issued|released|published|read\s+out|distributed|posted|sent)\s+by"
    r"|attributed\s+to)\s+(?:the\s+)?"
    r"(?P<who>[A-Z][^,.;:\n]{2,80}?)(?=\s+(?:and|on|at|in|to|via)\b|\s*[,.;:\n]|\s*$)")
_REPORTS_FOLLOWING = re.compile(
    r"\s*(?:The\s+)?(?P<who>[A-Z][^,.;:\n]{2,80}?)\s+(?:reports|reported|has\s+reported|issued|has\s+issued|released"
    r"|has\s+released|published|announces|announced|states|stated|gives|gave)\s+the\s+following\b"
    # `The Islamic Emirate informs the nation of the following:`
    r"|\s*(?:The\s+)?(?P<who2>[A-Z][^,.;:\n]{2,80}?)\s+(?:informs|informed|notifies|notified|assures|reassures)\s+"
    r"(?:[\w'’\-]+\s+){0,4}?of\s+the\s+following\b")
# `The Joint Operations Command issued on Sunday its statement`: a body and the statement it issued.
_ISSUED_A_STATEMENT = re.compile(
    r"(?:^|(?<=[.\n])\s*|\s-\s)(?:The\s+)?(?P<who>[A-Z][\w'’\-]*(?:[ \t]+(?:of|for|and|the|[A-Z][\w'’\-]*)){0,8})"
    r"(?:\s+\([A-Z][A-Za-z]{1,7}\))?\s+(?:issued|released|published|put\s+out|read\s+out|made\s+public)\b[^.\n]{0,60}?\b(?:statement|communiqu[eé]|declaration)\b")
# A body named by its kind alone (`the General Command`, `The Ministry`).
_THE_BODY = re.compile(r"(?i)the[ \t]+((?:[A-Z][\w'’\-]*[ \t]+){0,2}[A-Z][\w'’\-]*)")
_ORG_WORDS = re.compile(
    r"(?i)\b(?:ministry|command|staff|headquarters|army|forces|office|spokes\w+|centre|center|service|government"
    r"|council|committee|presidency|military|navy|unit|agency|observatory|mission|department|secretariat|police)\b")
# Before a headline's colon: an acronym (`SOHR`, `UN`), or one to three capitalised words
# ending in a plural (`Marines`, `Rebels`, `Kurdish officials`) or naming a party.
_TITLE_SOURCE = re.compile(r"[A-Z]{2,8}|(?:[A-Z][\w'’\-]*[ \t]+){0,2}[A-Z][a-z'’\-]+s|(?:[A-Z][\w'’\-]*[ \t]+){0,2}[a-z]+s")
# A rubric before a headline's colon names no source: `Ukraine war latest:`, `Live updates:`.
_RUBRIC = re.compile(r"(?i)\b(?:latest|live|updates?|news|explained|analysis|in\s+numbers|timeline|at\s+a\s+glance|what\s+we\s+know"
                     # a topic (`Sudan fighting:`, `Gaza war:`), not who says what follows
                     r"|fighting|war|conflict|crisis|clashes|violence|offensive|battle|siege|attacks?|strikes|unrest)\s*$")
_HEADLINE_TAIL = re.compile(r"\s+[-–—]\s+(?P<who>[A-Za-z][^-–—\n]{1,40}?)\s*$")
#: How far a statement's attribution carries over into following sentences that name no source.
_CARRY_SENTENCES = 4
# A news agency's slug before a headline or a story: `UPDATE 2-`, `REFILE-`, `EXCLUSIVE-`.
_WIRE_SLUG = re.compile(
    r"[ \t]*(?:(?:UPDATE|WRAPUP|REFILE|CORRECTED|CORRECTED-UPDATE|EXCLUSIVE|ANALYSIS|FACTBOX|INSIGHT|RPT|FOCUS|BREAKING)"
    r"(?:[ \t]+\d+)?[ \t]*[-–][ \t]*)+(?=[A-Z])"
)


#: Necessary words for an outcome clause, a title before a name, an ordinal unit number.
_OUTCOME_HINT = re.compile(
    r"fail|forced|forcing|withdr|retreat|surrender|repel|repuls|defeat|routed|control|captur|victory|ended|managed|succeeded|able\s+to|took|taking|seiz"
)
_TITLE_HINT = re.compile(
    r"leader|command|chief|minister|general|gen\.|colonel|col\.|maj\.|major|brigadier|brig\.|admiral|adm\.|marshal|warlord|led\s+by|headed\s+by|lt\."
)
_ORDINAL_HINT = re.compile(r"\d(?:st|nd|rd|th)\s")
_DIGIT = re.compile(r"\d")
_QUOTE_CHARS = re.compile(r"[\"“”‘']")


@cache
def _trigger() -> re.Pattern[str]:
    """What a sentence needs for any extractor or for an attribution to find something: a
    digit, a number word, a month or season, a quotation mark, an outcome verb, a title, or a
    reporting cue (from the lexicon)."""
    lx = lexicon()
    words = set(lx.ones) | set(lx.tens) | set(lx.scales) | set(lx.counters) | set(lx.vague_plurals)
    words |= {w for phrase in lx.vague_multipliers for w in phrase.split()} - {"a", "an"}
    words |= set(lx.cue_verbs) | {w.split()[0] for w in lx.cue_prepositions if w not in ("by", "per")}
    words |= {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
              "january", "february", "march", "april", "june", "july", "august", "september", "october",
              "november", "december", "spring", "summer", "autumn", "winter", "next", "following", "later",
              "same", "failed", "managed", "succeeded", "forced", "withdrew", "retreated", "surrendered",
              "control", "captured", "victory", "defeat", "ended", "repelled", "repulsed", "routed", "able",
              "leader", "commander", "commanded", "led", "headed", "general", "colonel", "minister",
              "marshal", "admiral", "brigadier", "warlord", "per", "according", "lt", "col", "maj", "gen", "adm", "brig",
              "come", "comes", "came", "derived", "drawn", "based",  # `These figures come from X` (_ORIGIN)
              # a count of zero (`No soldier was killed`, `None of the pilots were captured`;
              # `no` alone is too common to scan for)
              "none", "killed", "wounded", "injured", "hurt", "casualties", "fatalities"}
    words -= {"a", "an"}
    # Scanned over the lower-cased text: a case-sensitive trie is several times faster.
    return re.compile(rf"\d|[\"“”‘]|\b{trie_pattern(w.lower() for w in words)}\b")


def prose_regions(document: Document) -> list[tuple[int, int]]:
    """Where the prose is: the reader's prose ranges, or from ``body_start`` on plus a lead
    paragraph before the infobox table."""
    if document.prose:
        return list(document.prose)
    text = document.text
    regions = []
    first_field = min((f.start for f in document.infobox), default=document.body_start)
    if document.infobox and first_field > 0:
        pos = 0
        head_end = min(first_field, document.body_start)
        while pos < head_end:
            nl = text.find("\n", pos, head_end)
            end = head_end if nl == -1 else nl
            line = text[pos:end]
            if len(line.split()) >= 12 and "|" not in line and re.search(r"[.!?]\s*$", line):
                regions.append((pos, end))
            pos = end + 1
    if document.body_start < len(text):
        regions.append((document.body_start, len(text)))
    return regions


class _Extractor:
    def __init__(self, document: Document) -> None:
        self.document = document
        # Matched on with line breaks inside paragraphs read as spaces (same offsets).
        regions = prose_regions(document)
        self.text, self._paragraphs = unwrapped(document.text, regions)
        #: The text attributions are read in (same offsets; see ``reading_view``).
        self._atext = reading_view(self.text, document.text)
        # Tables of figures in the body are read by their rows and columns, not as sentences.
        self._grids = [g for lo, hi in regions
                       if document.text.find("\t", lo, hi) != -1 or document.text.find("|", lo, hi) != -1
                       or document.text.find("   ", lo, hi) != -1
                       for g in find_grids(document.text, lo, hi)]
        self.sides = resolver_for(document)
        self.subject = _subject(document)
        years = document_year_mentions(document)
        # A date before any year is in the year the document first names (`on Oct. 25` in a
        # story that says `2014` further down), when neither infobox, title nor page says one.
        default_year = _default_year(document) or (years[0][1] if years else None)
        event_years = {y for f in document.infobox if f.key == "Date" for _, y in year_mentions(f.value)}
        self.dates = DateContext(default_year=default_year, year_mentions=years, text=document.text,
                                 event_year=event_years.pop() if len(event_years) == 1 else None)
        self.claims: list[Claim] = []
        self._section_starts = [s.start for s in document.sections]
        self.discourse = Discourse()
        self._titled: dict[str, tuple[ClaimantClass, str | None]] = {}
        #: Belligerents named without their country, with the country found beside them elsewhere.
        self._sided: dict[str, tuple[ClaimantClass, str | None]] = {}
        self._paragraph_starts = [lo for lo, _ in self._paragraphs]
        #: The words of the unnamed source behind each relation of the sentence (`officials`).
        self._unnamed_words: dict[Relation, str] = {}
        self._references = ReferenceIndex(document) if document.references else None
        self._headline_done = bool(document.infobox)
        self._speaker: str | None = None
        self._speaker_why: str | None = None  # why the paragraph is the speaker's, if no transcript label
        self._turn = False  # a transcript speaker's turn, going on over paragraphs
        #: Whose statement the quoted paragraphs after `Following is the text of the statement:`
        #: are, announced (pending) and then given (until the quotation closes).
        self._statement_pending: str | None = None
        self._statement: str | None = None
        self._statement_left = 0
        self._title: tuple[int, int] | None = None
        #: The organisation whose own publication this is (`The Syrian Observatory for Human
        #: Rights` as a page's first line): the claimant of what the page says in its own voice.
        self._publisher: str | None = None
        #: What the rows under a list's header count (`Personnel who surrendered, by town:`).
        self._row_template: Figure | None = None
        self._publisher_why = "its name heads the page"
        #: Labels over a body's statement (`PRESS STATEMENT`) with the body that issued it.
        self._labels = [(m.start(), m.group(0).strip(), issuer) for m in STATEMENT_LABEL.finditer(self.text)
                        if (issuer := statement_issuer(self.text, m.start(), m.end())) is not None]
        # (a paper's editorial is the paper's own voice: `NHÂN DÂN EDITORIAL, 8 MARCH 1979`)
        # (a paper's name in capitals is words, not an acronym: `NHAN DAN`)
        if "ditorial" in self.text or "DITORIAL" in self.text:
            self._labels = sorted(self._labels + [(m.start(), m.group(0).strip(), string.capwords(m.group("paper"))
                                                   if m.group("paper").isupper() else m.group("paper"))
                                                  for m in EDITORIAL_LABEL.finditer(self.text)])
        # A thread's author named over its posts (`Saeed al-Masawi` / `@SaeedAlMasawi_YE`): the
        # posts are in the author's own voice.
        # (a page with no `@` has no handle: neither is looked for)
        handles = "@" in self.text
        if handles and (author := _THREAD_AUTHOR.search(self.text, 0, min(len(self.text), 800))) is not None:
            self._labels = sorted(self._labels + [(author.start(), author.group(0).strip(), author.group("name"))])
        #: Embedded posts, by where their text starts: (end, author) (`"..."` over `— Kurdistan
        #: Region Security Council (@KurdistanRSC) November 13, 2015`, or under `Tweet from @X:`).
        self._posts = _embedded_posts(self.text) if handles else {}
        self._text_voice: str | None | object = _UNSET  # see _voice_side
        lower = self.text.lower()
        #: The text the trigger scans: lower-cased, unless that would move offsets (`İ`).
        self._scan = lower if len(lower) == len(self.text) else None
        #: Figure claims of the current paragraph, for `40 more`, `another 50`, `four of whom`.
        self._recent: list[Claim] = []

    def _table_source(self, claims: list[Claim], end: int) -> list[Claim]:
        """A table's figures, with the source a line over it names (`The General Staff
        reported the following losses:`), else the one a `Source:` line under it names for
        the rows that name none."""
        header = self.discourse.header
        if header is None:
            footer = _SOURCE_LINE.match(self.document.text, end)
            if footer is None or _NO_SOURCE_NAMED.match(footer.group("who")):
                return claims
            who = footer.group("who").strip().rstrip(".")
            cls, side = self._classify(who)
            attribution = Attribution(document=self.document.id, claimant=who, claimant_class=cls, claimant_side=side,
                                      evidence=f"the line `Source: {who}` under the table",
                                      source_span=(footer.start("who"), footer.start("who") + len(who)))
            return [c if c.attribution.claimant else attrs.evolve(c, attribution=attribution) for c in claims]
        cls, side = self._classify(header)
        attribution = Attribution(document=self.document.id, claimant=header, claimant_class=cls, claimant_side=side,
                                  evidence=f"the header `{header}:` over the table the figure is in")
        return [attrs.evolve(c, attribution=attribution) for c in claims]

    def section_for(self, offset: int) -> str | None:
        index = bisect_right(self._section_starts, offset)
        for s in reversed(self.document.sections[max(0, index - 8):index]):
            if s.start <= offset < max(s.end, s.start + 1):
                return s.title
        return None

    def _paragraph_start(self, pos: int) -> int:
        k = bisect_right(self._paragraph_starts, pos) - 1
        return self._paragraph_starts[k] if k >= 0 else 0

    def run(self) -> list[Claim]:
        text = self.text
        paragraph_index = -1
        line = None
        # A table whose headers say what its numbers count is read by rows and columns; any
        # other is left to the sentences.
        tables = [(g_lo, g_hi, found) for g_lo, g_hi, grid in self._grids
                  if (found := grid_claims(self.document, grid, self.sides, self.subject, self.section_for(g_lo)))]
        pending = list(tables)
        for p_lo, p_hi in self._paragraphs:
            pieces = [(p_lo, p_hi)]
            while pending and pending[0][0] < p_hi:
                _, g_hi, found = pending.pop(0)
                self.claims.extend(self._table_source(found, g_hi))
            for g_lo, g_hi, _ in tables:
                if g_lo < p_hi and p_lo < g_hi:
                    pieces = [(a, b) for lo, hi in pieces for a, b in ((lo, min(hi, g_lo)), (max(lo, g_hi), hi)) if a < b]
            for p_lo, p_hi in pieces:
                if not text[p_lo:p_hi].strip():
                    continue
                # Pieces of one line (wikitext prose cut around a `<ref>`) are one paragraph.
                start_of_line = text.rfind("\n", 0, p_lo)
                if start_of_line != line:
                    paragraph_index += 1
                    line = start_of_line
                self._paragraph(p_lo, p_hi, paragraph_index)
        return self.claims

    def _paragraph(self, lo: int, hi: int, index: int) -> None:
        text = self.text
        stripped = text[lo:hi].strip()
        # A transcript gives each paragraph to the speaker its label names (`GEN. ARDEN: We have
        # ten Marines killed`); a reporter's question (`Q:`) is nobody's statement of fact.
        # (a live blog's entry opens with its time: `10:02 GMT - MSF: the hospital received ...`)
        stamp = _ENTRY_TIME.match(stripped)
        label = _SPEAKER_LABEL.match(stripped, stamp.end() if stamp else 0) \
            or _TITLED_LABEL.match(stripped, stamp.end() if stamp else 0)
        if label is not None and (_LABELLED_FIGURE.fullmatch(stripped, label.end() - 1)
                                  or not re.search(r"[a-z]", stripped[label.end():])):
            # `TOTAL IA DRANG: 235 KIA`: a labelled figure; `CHECHNYA ARCHIVE: OFFICIAL
            # STATEMENTS`: a page's header in capitals. Nobody's turn.
            label = None
        named = _NAME_LABEL.match(stripped, stamp.end() if stamp else 0) if label is None else None
        person = self.discourse.person_called(named.group("who"), lo) if named is not None else None
        if named is not None and person is None:
            self._speaker, self._turn = None, False  # `Question: ...`, `Kyiv: ...`: no turn of the speaker's
        elif named is not None:
            # `Rudskoy: One officer was killed` in a briefing under `Colonel General Sergei
            # Rudskoy`: a transcript that labels turns by a surname named before
            self._speaker, self._speaker_why = person, f"the paragraph opens with `{named.group('who')}:`, {person}'s turn"
            self._turn = stamp is None
        elif label is not None:
            self._speaker, self._speaker_why = _speaker_name(label.group("who")), None
            # (a one-word label may be a dateline or a rubric: only a person's turn goes on)
            self._turn = self._speaker is not None and stamp is None and " " in label.group("who").strip()
        elif (post := next(((end, who) for start, (end, who) in self._posts.items() if start <= lo < end), None)) is not None:
            self._speaker, self._speaker_why, self._turn = post[1], f"the post is {post[1]}'s", False
        elif not (self._turn and stamp is None and not stripped.startswith("#") and self._speaker is not None):
            self._speaker, self._turn = None, False
        # (else a transcript's turn goes on over paragraphs until the next label)
        pending, self._statement_pending = self._statement_pending, None
        if pending is not None and stripped[:1] in _OPEN_QUOTE_MARKS:
            self._statement, self._statement_left = pending, _STATEMENT_PARAGRAPHS
        elif pending is not None:
            # A statement given without quotation marks runs on: from here the text's own
            # voice is the body's, as under a statement's label.
            self._publisher, self._publisher_why = pending, f"the text from {_line_of(self.text, lo)} on is its statement, given in full"
        if self._statement is not None and label is None:
            # `Following is the text of the statement:` and then the statement, in quotation
            # marks over paragraphs: each of them is the statement's.
            self._speaker, self._speaker_why = self._statement, f"the paragraph is {self._statement}'s statement, given in full"
            self._statement_left -= 1
            if stripped[-1:] in _CLOSE_QUOTE_MARKS or self._statement_left <= 0:
                self._statement = None
        header = block_header(stripped)
        if header is not None:
            # `Western historians estimate:`, `Per Ukraine:`: a header over the list below it.
            self.discourse.header = header
            self.discourse.header_losses = None
            return
        if (self.discourse.header is not None or self.discourse.header_losses is not None) \
                and not (LIST_ITEM.match(stripped) or LABELLED_LINE.match(stripped) or _BULLETED.match(stripped)):
            self.discourse.header = None
            self.discourse.header_losses = None
        # A headline or subhead: no full stop at the end, short. Its figures are stated in
        # the headline's own voice unless it names a source (`Rights group: ...`).
        headline = not self.document.infobox and not re.search(r"[.!?;][\"”’']?\s*$", stripped) and len(stripped.split()) <= 25
        if not self._headline_done:
            self._headline_done = True
            self._title = (lo, hi) if headline else None
            # (a masthead may head a title on the next line: `Statement of the General Staff ...`
            # over `on the results of the withdrawal ...`)
            self._publisher = (masthead(stripped) or masthead(self.document.text[lo:hi].strip().split("\n", 1)[0])) if headline else None
        while self._labels and self._labels[0][0] < hi:
            at, label, issuer = self._labels.pop(0)
            # From a label over a body's statement on, the text's own voice is that body's (a
            # ministry's press statement a news site reposts under its own masthead).
            self._publisher, self._publisher_why = issuer, f"the text under `{label}` ({_line_of(self.text, at)}) is its statement"
        if self._publisher is None and index <= 4 and "following" in stripped:
            # `The following is the text of Communique No. 7 issued by the General Command`,
            # `The Defence Ministry reports the following on the situation in Aleppo.`: the
            # statement the page then gives is that body's own.
            issued = _ISSUED_BY.search(stripped) or _REPORTS_FOLLOWING.match(stripped)
            who = issued.group("who") or issued.groupdict().get("who2") if issued is not None else None
            if who is not None and (_ORG_WORDS.search(who) or self.sides.party_mentions(who, 0, len(who))):
                self._publisher = who.strip()
                self._publisher_why = f"the page says it gives the statement ({_line_of(self.text, lo)})"
        scan = self._scan
        trigger = _trigger() if scan is not None else re.compile(_trigger().pattern, re.I)
        scan = scan if scan is not None else text
        if trigger.search(scan, lo, hi) is None:
            return  # nothing any extractor or attribution could start from
        quotes = find_quote_relations(self._atext, lo, hi) if _QUOTE_CHARS.search(text, lo, hi) else []
        before_rows = len(self.claims)
        spans = sentences(text, lo, hi)
        # Only sentences with something to start from are read (one scan over the paragraph).
        wanted = set()
        ends = [e for _, e in spans]
        for m in trigger.finditer(scan, lo, hi):
            k = bisect_right(ends, m.start())
            if k < len(spans):
                wanted.add(k)
        for k, (s, e) in enumerate(spans):
            if k in wanted or any(q.content_start < e and s < q.content_end for q in quotes):
                self.discourse.note_persons(text, s, e)
                self._sentence(s, e, index, k, quotes, headline)
            else:
                self.discourse.defer_persons(text, s, e)
        if self._row_template is not None or ":" in stripped:
            self._list_rows(lo, hi, index, before_rows)
        if stripped.endswith(":") and (follows := _TEXT_FOLLOWS.match(stripped, _last_sentence(stripped))) is not None:
            # `Following is the text of the statement, translated from Kurdish:`: whose it is, the
            # body that issued it (`... issued by X:`), else the statement named before.
            issued = _ISSUED_BY.search(stripped)
            if issued is not None:
                self._statement_pending = issued.group("who").strip()
            else:
                key = "what" if follows.group("what") else "what2"
                at = lo + len(text[lo:hi]) - len(text[lo:hi].lstrip()) + follows.start(key)  # (`stripped` starts there)
                what = Relation(f"the {follows.group(key).lower()}", at, at + len(follows.group(key)), "", at, at, at, at,
                                "source_before", pronoun=True)
                # `The Joint Operations Command issued on Sunday its statement ...` before
                # `Text of the statement:`: the body said to issue it just before, else the
                # statement the text named last
                issuers = [m for m in _ISSUED_A_STATEMENT.finditer(text, max(0, lo - 800), at - follows.start(key) + follows.start())
                           if _ORG_WORDS.search(m.group("who"))]
                self._statement_pending = issuers[-1].group("who").strip() if issuers else self.discourse.resolve(what)[0]
                if self._statement_pending is not None and self._statement_pending.lower() == what.source:
                    self._statement_pending = None
        if stripped.endswith(":"):
            # `The General Staff reported the following Russian losses as of 1 June:` over a list
            # or table: its lines are the source's.
            named = [r for r in find_attributions(self._atext, lo, hi) if r.source and not r.unnamed and r.content_end >= hi - 2]
            lost = _LOST_OVER.search(text, lo, hi)
            whose = None if lost is None else "enemy" if lost.group("enemy") or lost.group("enemy2") \
                else "own" if lost.group("own") or lost.group("own2") else None
            if named:
                claimant = self.discourse.resolve(named[-1])[0] if named[-1].pronoun else named[-1].source
                if claimant:
                    self.discourse.header = claimant
                    losses = _LOSSES_OVER.search(text, lo, hi)
                    if whose == "enemy":
                        self.discourse.header_losses = "enemy"  # `According to the ministry, the enemy lost:`
                    elif losses is not None:
                        parties = party_mentions(text, lo, losses.end())
                        self.discourse.header_losses = parties[-1][2] if parties else ""
            elif lost is not None:
                # `According to preliminary information, the enemy lost:`, `Russian losses
                # amount to:`: whose losses the list below counts, in the voice of the text.
                parties = party_mentions(text, lo, hi) if whose is None else ()
                self.discourse.header_losses = whose or (parties[-1][2] if parties else "")

    # --- one sentence -----------------------------------------------------------------------

    def _sentence(self, lo: int, hi: int, paragraph: int, index: int, quotes: list[Relation], headline: bool) -> None:
        text = self.text
        slug = _WIRE_SLUG.match(text, lo, hi)
        if slug is not None:
            lo = slug.end()  # `UPDATE 2-Russia says ...`: the agency's slug is no part of the sentence
        relations = find_attributions(self._atext, lo, hi)
        if headline:
            extra = self._headline_relations(lo, hi)
            tail = next((r for r in extra if r.cue == "-"), None)
            if tail is not None and relations:
                # `Russia says 40 drones downed - state media`: the outlet after the dash
                # published what Russia says; Russia stays its source, the dash ends its content.
                relations = [attrs.evolve(r, content_end=min(r.content_end, tail.cue_start)) for r in relations]
                extra = [r for r in extra if r is not tail]
            relations += extra
        relations += [q for q in quotes if q.content_start < hi and lo < q.content_end]
        relations += _citations(text, lo, hi)
        resolved = self._resolve(relations)
        for r, claimant, _ in resolved:
            if r.type == "deny" and claimant and r.source_start is not None and any(
                    o is not r and o.source_start is not None and r.content_start <= o.source_start < r.content_end
                    for o, _, _ in resolved):
                # `The centre rejected claims by X that ... It said`: `it` is the one who
                # rejected them, not the source of what was rejected.
                self.discourse.note_source(claimant, r.source_start)
        low = self._scan[lo:hi] if self._scan is not None else text[lo:hi].lower()
        if "disput" in low or "denied" in low or "reject" in low:
            for m in _DISPUTED_BY.finditer(text, lo, hi):
                # `80 soldiers, a figure the ministry disputed. It said ...`: `it` is the ministry.
                src = "src" if m.group("src") else "src2"
                self.discourse.note_source(m.group(src), m.start(src))
        if "account" in low or "version" in low:
            for m in _GAVE_ACCOUNT.finditer(text, lo, hi):
                # `Krajina Serb officials gave a very different account. They said ...`: `they`
                # are the ones who gave it.
                self.discourse.note_source(m.group("src"), m.start("src"))
        # Figures need a digit or a number word (`a`/`an` count only before a noun the lexicon knows).
        has_figure = (_DIGIT.search(text, lo, hi) is not None or number_words_hint().search(low) is not None
                      or " a " in low or " an " in low or low.startswith(("a ", "an "))
                      or ("no " in low or "none of" in low) and _ZERO_HINT.search(low) is not None)
        hedges = find_hedges(text, lo, hi)
        section = self.section_for(lo)
        before = len(self.claims)
        dates = find_dates(text, lo, hi, self.dates)
        for d in dates:
            self.claims.append(build_claim(
                self.document, kind=Kind.DATE, subject=self.subject, side=Side(), value=d.value,
                start=d.start, end=d.end, attribution=self._attribution(d.start, d.end, resolved, paragraph, index),
                rule="prose.relative_date" if d.relative else "prose.date", hedges=tuple(hedges), section=section,
            ))
        # Who speaks is no figure (`One resident, who ..., said`, `Two officials told AFP`).
        speakers = [(r.source_start, r.source_end) for r in relations if r.source_start is not None and not r.pronoun]
        figures = read_figures(text, lo, hi, excluded=[(d.start, d.end) for d in dates] + speakers,
                               default_year=self.dates.default_year) if has_figure else []
        if figures and dates:
            figures = _dated(text, figures, dates)
        if not figures and _RETRO.match(text, lo, hi):
            self._attribute_back(lo, resolved)
        elif not figures and (origin := _ORIGIN.match(text, lo, hi)) is not None:
            # `These figures come from the Russian archives`: the source of the figures before.
            s0, e0 = origin.span("src")
            rel = Relation(text[s0:e0], s0, e0, origin.group("cue"), origin.start("cue"), origin.end("cue"),
                           lo, hi, "origin", "assert", unnamed=is_unnamed(text[s0:e0]))
            self._attribute_back(lo, [(rel, text[s0:e0], None)])
        if figures:
            self._figures(figures, lo, hi, resolved, hedges, section, paragraph, index)
        if has_figure and _ORDINAL_HINT.search(text, lo, hi):
            self._units(lo, hi, resolved, section, paragraph, index)
        if _OUTCOME_HINT.search(low):
            self._outcomes(lo, hi, resolved, hedges, section, paragraph, index)
        if _TITLE_HINT.search(low):
            self._commanders(lo, hi, section)
        if '"' in text[lo:hi] or "“" in text[lo:hi]:
            self._quotations(lo, hi, resolved, section)
        if self._references is not None and len(self.claims) > before:
            cite_claims(self._references, self.claims, before, hi)
        # The statement this sentence makes carries over into the next sentences.
        carrying = [r for r, claimant, _ in resolved if claimant and not r.unnamed
                    and (r.extends or r.form == "quote"
                         or (r.form in ("source_before", "source_after", "passive") and r.content_end >= hi - 2))]
        if len({claimant for _, claimant, _ in resolved if claimant}) > 1:
            # `Zamoyski puts them at 28,000, while Chandler gives 33,000`: sources set against
            # each other; the next sentence is in neither's voice.
            self.discourse.carry = None
        elif carrying:
            r = carrying[-1]
            claimant = next(c for rr, c, _ in resolved if rr is r)
            self.discourse.carry = (r, claimant, paragraph, index)
        elif any(claimant for _, claimant, _ in resolved) or any(
                r.unnamed and r.form in ("source_before", "source_after") and r.content_end >= hi - 2
                for r, _, _ in resolved):
            # Another source now speaks (`..., a source in the governorate said`): the next
            # sentence no longer goes on in the voice of one named before it.
            self.discourse.carry = None

    def _headline_relations(self, lo: int, hi: int) -> list[Relation]:
        """`Rights group: more than 600 killed`, `... - investigators`: a headline's source."""
        text = self.text
        out = []
        m = _HEADLINE_SOURCE.match(text, lo, hi)
        # A list item (`- UN: 15,000 without water`) names a source only by a source noun: `- Russia:
        # 300 killed` in a list is Russia's losses, not what Russia says. `Ukraine: 300 killed`
        # labels figures with their party too; a party is a headline's source only before a
        # statement (`Russia: Kyiv lost 300 troops`).
        if m and _RUBRIC.search(m.group("who")):
            m = None  # `Ukraine war latest: ...`: a rubric, no source
        # A story's own headline follows the wire convention `Source: what it says` (`Marines: 16
        # killed in Nasiriyah fighting`, `SOHR: 413 civilians killed`): before its colon an
        # acronym, a party or the plural of who fights or speaks is the source.
        title = self._title is not None and self._title[0] <= lo < self._title[1] and m is not None \
            and m.group("bullet") is None and _TITLE_SOURCE.fullmatch(m.group("who").strip()) is not None
        if m and (title or source_heads_in(m.group("who")) or _BRACKETED_SOURCE.search(text, m.start("who"), m.end("who")) or (
                m.group("bullet") is None and lexicon().party_of(m.group("who").split()[0]) is not None
                and not PARTY_LEAD.match(text, m.start("who"), hi))) and not any(
                " ".join(m.group("who").lower().split()).endswith(noun) for noun in lexicon().subject_nouns) \
                and not _role_label(m.group("who")) \
                and (_BRACKETED_SOURCE.search(text, m.start("who"), m.end("who"))
                     or not any(w.lower() in lexicon().nouns for w in m.group("who").split()[1:])):
            # (`Russia's combat losses: 1,140 ...`, `ISIL vehicles destroyed: 45` name what is
            # counted, not who says it)
            s, e = m.start("who"), m.end("who")
            inner = _BRACKETED_SOURCE.search(text, s, e)
            if inner is not None:
                s, e = inner.span("src")  # `Ukrainian losses (Russian claim):` is Russia's word
            out.append(Relation(text[s:e], s, e, ":", e, e + 1, m.end(), hi, "headline",
                                unnamed=is_unnamed(text[s:e])))
        note = _LINE_END_SOURCE.search(text, lo, hi)
        if note is not None and _DIGIT.search(text, lo, note.start()) and (
                note.group("who").isupper() or source_heads_in(note.group("who"))):
            # `- 10,582 civilians killed since February 2022 (UN)`: a list line's source in brackets.
            s, e = note.span("who")
            out.append(Relation(text[s:e], s, e, "(", note.start(), s, lo, note.start(), "headline",
                                unnamed=is_unnamed(text[s:e])))
        t = _HEADLINE_TAIL.search(text, lo, hi)
        if t and not _DIGIT.search(t.group("who")) and (source_heads_in(t.group("who")) or (
                # `Russia lost 1,000 troops in a day - Ukraine`: a party after the dash says it
                len(t.group("who").split()) <= 3 and lexicon().party_of(t.group("who")) is not None
                and _DIGIT.search(text, lo, t.start()))):
            s, e = t.start("who"), t.end("who")
            out.append(Relation(text[s:e], s, e, "-", t.start(), s, lo, t.start(), "headline",
                                unnamed=is_unnamed(text[s:e])))
        return out

    def _publisher_by_its_end(self, name: str) -> bool:
        """Whether ``name`` is the publisher called by the last words of its name (`the
        General Command` for the Syrian General Command)."""
        the = _THE_BODY.fullmatch(name) if self._publisher is not None else None
        return the is not None and self._publisher.lower().endswith(" " + the.group(1).lower())

    def _resolve(self, relations: list[Relation]) -> list[tuple[Relation, str | None, str | None]]:
        """Each relation with its claimant (pronouns and definite sources resolved) and how."""
        out = []
        self._unnamed_words = {}
        for r in sorted(relations, key=lambda r: r.cue_start):
            if r.source is None or (r.unnamed and not r.pronoun):
                if r.source is not None:
                    self.discourse.note_unnamed(r.source, r.source_start or r.cue_start)
                    self._unnamed_words[r] = r.source
                out.append((r, None, None))
                continue
            outer = next((o for o in reversed(out) if r.source_start is not None
                          and o[0].source is not None and 0 <= r.source_start - o[0].content_start <= 6
                          and (r.pronoun and r.source.lower() in ("he", "she", "they", "it", "we")
                               # `The Health Ministry said its hospitals had recorded 127 deaths`:
                               # the body's own hospitals speak for it
                               or _OWN_PART.search(self.text, max(0, r.source_start - 7), r.source_start) is not None
                               and o[1] is not None)), None)
            if outer is not None:
                # `One farmer ... said he had counted 14 bodies`: the speaker's own `he`.
                if outer[0] in self._unnamed_words:
                    self._unnamed_words[r] = self._unnamed_words[outer[0]]
                out.append((r, outer[1], outer[2]))
                continue
            if r.pronoun and self._speaker is not None and r.source.lower() in ("we", "i"):
                # `Mr. Lowcock: We estimate that ...`: the first person of a speaker's turn
                claimant, how = self._speaker, f"`{r.source}` in {self._speaker}'s turn"
            elif r.pronoun:
                claimant, how = self.discourse.resolve(r)
                if how is None and _GROUP_DESCRIPTION.fullmatch(r.source or "") and r.source_start is not None:
                    # `the group said` after `The RSF did not respond`: the armed group named last.
                    found = self._group_named_before(r.source_start)
                    if found is not None:
                        claimant, how = found, f"`{r.source}` refers back to {found}, the armed group named before"
                if self.discourse.unnamed_referent is not None:
                    self._unnamed_words[r] = self.discourse.unnamed_referent
                if r.unnamed and how is None:
                    # `the commander said` with no commander named before: nobody named.
                    self.discourse.note_unnamed(r.source, r.source_start or r.cue_start)
                    self._unnamed_words[r] = r.source
                    claimant = None
                elif how is None and claimant == r.source and r.source.lower() not in lexicon().pronouns:
                    # `The ministry said` first in the story: `it said` later points back to it.
                    self.discourse.note_source(r.source, r.source_start or r.cue_start)
            else:
                claimant, how = r.source, None
                self.discourse.note_source(r.source, r.source_start or r.cue_start)
            if how is None and claimant is not None and self._publisher_by_its_end(claimant):
                # `The General Command announces` in the Syrian General Command's statements
                claimant, how = self._publisher, f"`{claimant}` is the body whose statement this is"
            out.append((r, claimant, how))
        return out

    def _group_named_before(self, at: int) -> str | None:
        """The armed group (a party that is no state) the text names last before ``at``, within
        a few paragraphs, as the text names it."""
        lx = lexicon()
        for s, e, party in reversed(self.sides.party_mentions(self.text, max(0, at - 1500), at)):
            hit = self.sides.party(party)
            name = hit[1] if hit is not None else party
            # (nor an alliance or an international body: `the rebels` after NATO are not NATO)
            if name not in lx.states and name not in lx.coalition_members \
                    and self._classify(self.text[s:e])[0] is not ClaimantClass.INTERNATIONAL:
                return self.text[s:e]
        return None

    def _covering(self, start: int, end: int, resolved):
        """The innermost relation whose content holds ``[start, end)``; a source the reporting
        source cites (`The Times, citing Western sources, reported ...`) is the original
        claimant of what it reports, so its relation wins over the reporting one."""
        best = None
        for r, claimant, how in resolved:
            if r.covers(start, end):
                if best is None or (r.content_end - r.content_start) < (best[0].content_end - best[0].content_start):
                    best = (r, claimant, how)
        if best is not None and best[0].form != "according" and (
                # `The army, citing intelligence reports, said`: a belligerent, an agency or a
                # monitor speaks for itself; a news outlet relays what it cites.
                not best[1] or self._classify(best[1])[0] in (ClaimantClass.JOURNALIST, ClaimantClass.UNKNOWN)):
            reporter = best[0]
            for r, claimant, how in resolved:
                if (r.form == "according" and claimant and r.cue.strip().lower() in ("citing", "quoting")
                        and reporter.source_start is not None
                        and (reporter.source_start <= r.cue_start <= reporter.content_start + 2
                             # `Citing the ministry, Reuters reported ...`: before the reporter
                             or (r.cue_start < reporter.source_start and r.content_start <= reporter.source_start
                                 and r.content_end >= reporter.content_end))):
                    return r, claimant, how
        return best

    def _attribution(self, start: int, end: int, resolved, paragraph: int, index: int,
                     sentence: tuple[int, int] | None = None) -> Attribution:
        """The attribution of ``text[start:end]``: the innermost relation whose content holds
        it; else the statement it continues: an earlier sentence of the paragraph, or an
        earlier paragraph when this sentence says it goes on with it (`Of those killed, ...`,
        `In addition, ...`, `also`)."""
        if sentence is None:
            sentence = (self.text.rfind("\n", 0, start) + 1, end)
        hit = self._covering(start, end, resolved)
        doc = self.document.id
        if hit is not None:
            r, claimant, how = hit
            if claimant is None:
                words = self._unnamed_words.get(r)
                if words is not None and self._speaker is not None and words.lower().split()[-1] in _EVIDENCE_HEADS:
                    # `SHRI CHAVAN: According to the information so far available, 109 were
                    # killed`: the speaker says it, on what he has
                    cls, side = self._classify(self._speaker)
                    return Attribution(document=doc, claimant=self._speaker, claimant_class=cls, claimant_side=side,
                                       evidence=f"{self._speaker_why or f'the transcript gives the paragraph to {self._speaker}'}, "
                                                f"citing `{words}`", cue=r.cue.strip(), content_span=(r.content_start, r.content_end))
                if words is not None:
                    return unnamed_attribution(doc, words, r.cue.strip(), (r.content_start, r.content_end),
                                               None if r.pronoun else (r.source_start, r.source_end), how)
                return Attribution(document=doc, cue=r.cue, content_span=(r.content_start, r.content_end))
            if self._publisher is not None and (short := _SHORT_BODY.fullmatch(claimant)) is not None \
                    and re.search(rf"(?i)\b{short.group(1)}\b", self._publisher):
                claimant = self._publisher  # `The Ministry` in the Ministry of Information's own statement
            cls, side = self._classify(claimant, r.source_start if not r.pronoun else None)
            evidence = _EVIDENCE.get(r.form, "named in the same sentence")
            if how:
                evidence = f"{evidence}; {how}"
            return Attribution(
                document=doc, claimant=claimant, claimant_class=cls, claimant_side=side, evidence=evidence,
                cue=r.cue.strip(), source_span=(r.source_start, r.source_end) if r.source_start is not None and not r.pronoun else None,
                content_span=(r.content_start, r.content_end),
            )
        if any(r.covers(start, end) for r, c, _ in resolved):
            return Attribution(document=doc)
        if self._speaker is not None:
            cls, side = self._classify(self._speaker)
            if side is None and self._publisher is not None and cls is not ClaimantClass.BELLIGERENT \
                    and (publisher := self._classify(self._publisher))[1] is not None:
                cls, side = publisher  # a briefing on a ministry's own page: its spokesman speaks for it
            return Attribution(document=doc, claimant=self._speaker, claimant_class=cls, claimant_side=side,
                               evidence=self._speaker_why or f"the transcript gives the paragraph to {self._speaker}")
        if self.discourse.header is not None:
            claimant = self.discourse.header
            cls, side = self._classify(claimant)
            return Attribution(document=doc, claimant=claimant, claimant_class=cls, claimant_side=side,
                               evidence=f"the header `{claimant}:` over the list the figure is in")
        if any(c for _, c, _ in resolved) or any(r.unnamed for r, _, _ in resolved):
            return Attribution(document=doc)
        carry = self.discourse.carry
        if carry is not None and self._publisher is not None and _WE_OPENS.match(self.text, sentence[0]):
            carry = None  # `We have lost ...` in a ministry's statement: its own voice again
        if carry is not None:
            r, claimant, p, k = carry
            # Within a paragraph any statement carries over; past its end only a reported
            # statement (`X said ...`), as news stories go on in the source's voice, never an
            # `According to X,` that opens a passage of an article.
            if (index - k <= _CARRY_SENTENCES and not self._own_subject(sentence[0], claimant, r)) if p == paragraph else (
                    paragraph - p <= 3 and r.form != "according"
                    and (CONTINUES.search(self.text, *sentence) or AMONG.match(self.text, sentence[0])
                         # a quotation alone in the next paragraph goes on in the speaker's voice
                         or (paragraph - p == 1 and r.form in ("quote", "source_after", "source_before")
                             and _OPENS_QUOTE.match(self.text, self._paragraph_start(sentence[0]))))):
                # The chain goes on from here: the next paragraph may continue this one.
                self.discourse.carry = (r, claimant, paragraph, index)
                cls, side = self._classify(claimant)
                where = "an earlier sentence of the paragraph" if p == paragraph else "an earlier paragraph"
                return Attribution(
                    document=doc, claimant=claimant, claimant_class=cls, claimant_side=side, inherited=True,
                    evidence=f"carried over from {where}, where {claimant} is the source ({r.cue.strip()})",
                    cue=r.cue.strip(),
                )
            if p != paragraph:
                # A later paragraph that states figures in the narrator's voice ends the chain:
                # a paragraph after it no longer goes on with the source before it.
                self.discourse.carry = None
        if self._publisher is not None:
            # Named as the text last named it (`SOHR` for `The Syrian Observatory For Human Rights`).
            # (not a description by the name's last words: `the General Command`)
            publisher = next((s.text for s in reversed(self.discourse.sources)
                              if same_organisation(s.text, self._publisher)
                              and not re.fullmatch(r"(?i)the\s+\w+", s.text.strip()) and not DESCRIBED_NAME.fullmatch(s.text.strip())
                              and not self._publisher_by_its_end(s.text.strip())), self._publisher)
            cls, side = self._classify(publisher)
            return Attribution(
                document=doc, claimant=publisher, claimant_class=cls, claimant_side=side,
                evidence=f"the document is {self._publisher}'s own publication ({self._publisher_why})",
            )
        return Attribution(document=doc)

    def _list_rows(self, lo: int, hi: int, index: int, before: int) -> None:
        """The rows of a list under a header that says what they count, each labelled by a place
        or a unit (`Laukkaing ......... 2,389` under `Personnel of the military council who
        surrendered, by town:`): the header's measure, for the row's label. A paragraph that is
        no such list ends the header's reach."""
        text = self.text
        for line in LINE.finditer(text, lo, hi):
            stripped = line.group(0).strip()
            if stripped.endswith(":"):
                self._row_template = _row_template(stripped)
                continue
            row = _LABEL_ROW.fullmatch(line.group(0)) if self._row_template is not None else None
            if row is None:
                if stripped:
                    self._row_template = None
                continue
            template = self._row_template
            a, b = line.start() + row.start("v"), line.start() + row.end("v")
            if any(c.span.start < b and a < c.span.end for c in self.claims[before:]):
                continue
            read = read_figures(text, a, b, field=True, default_year=self.dates.default_year)
            if len(read) != 1:
                continue
            figure = attrs.evolve(read[0], category=template.category, noun=template.noun, noun_group=template.noun_group,
                            predicate=template.predicate, predicate_after=False, population=template.population,
                            lost=template.lost, party_mentions=(), relative_side=template.relative_side)
            label = " ".join(row.group("label").split())
            self._figures([figure], line.start(), line.end(), [], [], self.section_for(a), index, index, row=label)

    def _own_subject(self, start: int, claimant: str, relation: Relation) -> bool:
        """In an encyclopedia page, a sentence that opens with a party of its own other than the
        claimant's (`The New Zealand gunners ... had 2 killed` after `Chinese sources give
        2,300`) is the narrator's: an article reports its sources one sentence at a time. So
        in any text after a writer's one-off finding (`Larkin wrote that ...`, `X estimated`,
        `the witness testified`), not after a statement a story goes on reporting (`said`)."""
        if not self.document.infobox and relation.cue.strip().lower() not in _ONE_OFF_CUES:
            return False
        adverbial = _OPENING_ADVERBIAL.match(self.text, start)  # `On the first day alone, the Union army`
        if adverbial is not None:
            start = adverbial.end()
        opening = self._opening_party(start, len(self.text), 40)
        if opening is None or opening[0] - start > 12:
            return False
        party = canonical(opening[2]) or opening[2]
        return party != self._classify(claimant)[1]

    def _classify(self, claimant: str, at: int | None = None) -> tuple[ClaimantClass, str | None]:
        """The claimant's class, or for a surname alone (`Keel`) the class of the fuller name
        the text gave before (`British historian John Keel`); for a name after its title (`The
        Kremlin's spokesman, Dmitry Peskov`, the name at ``at``), the title's class, which the
        name keeps for the rest of the document."""
        known = self._titled.get(claimant) or self._sided.get(claimant)
        if known is not None:
            return known
        cls, side = classify_claimant(claimant, self.sides)
        person = _PERSON_NAME.fullmatch(claimant.strip()) is not None
        if (cls is ClaimantClass.UNKNOWN or cls is ClaimantClass.BELLIGERENT and side is None and person) \
                and (at is not None or person):
            # (a name titled where the text first gives it keeps the title after: `The Chief of
            # Staff of the Ethiopian National Defense Force, General Birhanu Jula, said` and
            # then `General Birhanu Jula said`)
            places = [at] if at is not None else []
            places += [m.start() for m, _ in zip(re.finditer(re.escape(claimant), self.text), range(8)) if m.start() != at]
            for place in places:
                title = _TITLE_BEFORE.search(self.text, max(0, place - 100), place)
                if title is not None and _OPENING_CLAUSE.match(title.group("t").strip()):
                    title = None  # `Speaking to reporters in Kyiv, Zelensky said`: a clause, no title
                if title is None and person:
                    # `Ukrainian commander Viktor Muzhenko`, `LPR leader Igor Plotnitsky`: a title
                    # right before the name, its last word a source's head
                    bare = _BARE_TITLE_BEFORE.search(self.text, max(0, place - 60), place)
                    if bare is not None and bare.group("t").split()[-1].lower() in lexicon().person_heads:
                        title = bare
                # `Talal Silo, an SDF spokesman, said`: an apposition after the name says who it is.
                apposition = _APPOSITION_AFTER.match(self.text, place + len(claimant))
                for described in (title, apposition):
                    if described is not None and source_heads_in(described.group("t")):
                        by_title = classify_claimant(described.group("t"), self.sides)
                        if by_title[0] is not ClaimantClass.UNKNOWN and (cls is ClaimantClass.UNKNOWN or by_title[1] is not None):
                            self._titled[claimant] = by_title
                            return by_title
        if cls is ClaimantClass.UNKNOWN and " " not in claimant.strip():
            for s in reversed(self.discourse.sources):
                # (`Birhanu` after `General Birhanu Jula`, as `Keel` after `John Keel`)
                if s.text != claimant and claimant.strip() in s.text.split()[1:]:
                    fuller = self._classify(s.text)
                    if fuller[0] is not ClaimantClass.UNKNOWN:
                        return fuller
                    break
        if cls is ClaimantClass.BELLIGERENT and side is None:
            side = self._party_named_with(claimant)
            short = re.fullmatch(r"(?i)the\s+(\w+(?:\s+\w+)?)", claimant.strip())
            if side is None and short is not None:
                # `the ministry` after `Pakistan's Ministry of Defence`: the body named before.
                self._sided[claimant] = (cls, None)  # while looking back (`the army` after `The army`)
                head = short.group(1).lower()
                for earlier in reversed(self.discourse.sources):
                    if earlier.text.lower() != claimant.lower() and head in earlier.text.lower():
                        side = self._classify(earlier.text)[1]
                        break
            if side is None and self._publisher is not None and claimant != self._publisher \
                    and same_organisation(claimant, self._publisher):
                side = classify_claimant(self._publisher, self.sides)[1]  # `The General Staff` of the masthead
            self._sided[claimant] = (cls, side)  # the text is scanned once per claimant
        return cls, side

    def _party_named_with(self, claimant: str) -> str | None:
        """The party the document names right beside a belligerent body it names elsewhere
        without one: `The Ministry of Defence` is Pakistan's where the page is headed `Ministry
        of Defence, Islamabad` or says `Pakistan's Ministry of Defence`."""
        core = re.sub(r"(?i)^the\s+", "", claimant.strip())
        if len(core) < 6 or not core[:1].isupper():
            return None
        text = self.text
        found = None
        first_break = text.find("\n")
        first_line_end = len(text) if first_break == -1 else first_break
        for k, m in enumerate(re.finditer(re.escape(core), text)):
            if k == 20:
                break
            for s, e, party in self.sides.party_mentions(text, max(0, m.start() - 40), m.start()):
                if re.fullmatch(r"(?:['’]s)?[ \t]+(?:the[ \t]+)?", text[e:m.start()]):
                    found = found or party  # `Pakistan's Ministry of Defence`
            after = _NAMED_AFTER_BODY.match(text, m.end())
            if after is not None:
                for s, e, party in self.sides.party_mentions(text, after.end(), min(len(text), after.end() + 40))[:1]:
                    if s == after.end():
                        found = found or party  # `Ministry of Defence, Islamabad`, `... of Ukraine`
            if found is None and m.start() <= first_line_end:
                # A statement's heading, and under it the place it was issued (`Joint Operations
                # Command - Statement No. 47` / `Baghdad, 1 December 2016`).
                line = text.find("\n", m.end())
                place = _ISSUED_AT.match(text, line + 1) if line != -1 else None
                if place is not None:
                    for s, e, party in self.sides.party_mentions(text, place.start("place"), place.end("place"))[:1]:
                        found = party
            if found is not None:
                hit = self.sides.party(found)
                return hit[1] if hit is not None else found
        return None

    def _attribute_back(self, lo: int, resolved) -> None:
        """`This was reported by the General Staff.` after a list of figures: the figures
        before it that name no source, back to the last one that does, are the source's."""
        named = [(r, claimant) for r, claimant, _ in resolved if claimant and not r.unnamed]
        if not named:
            return
        r, claimant = named[0]
        cls, side = self._classify(claimant)
        # The block of lines before this sentence's own (a list, a paragraph), no further.
        end = len(self.text[:lo].rstrip())
        floor = self.text.rfind("\n\n", 0, end) + 1
        for i in range(len(self.claims) - 1, -1, -1):
            c = self.claims[i]
            if c.span.start >= lo or c.kind in (Kind.DATE, Kind.COMMANDER):
                continue
            if c.attribution.claimant is not None or c.span.start < floor:
                break
            self.claims[i] = attrs.evolve(c, attribution=attrs.evolve(
                c.attribution, claimant=claimant, claimant_class=cls, claimant_side=side, cue=r.cue.strip(),
                evidence=f"a later sentence says `{self.text[lo:r.cue_end].strip()} {claimant}`",
            ))

    # --- figures ----------------------------------------------------------------------------

    def _figures(self, figures: list[Figure], lo: int, hi: int, resolved, hedges: list[Hedge], section,
                 paragraph: int, index: int, row: str | None = None) -> None:
        text = self.text
        n = len(figures)
        listed = [k > 0 and figures[k].noun_group == figures[k - 1].noun_group == "equipment"
                  and _LISTED_WITH.fullmatch(text, figures[k - 1].end, figures[k].start) is not None for k in range(n)]
        if any(listed):
            # `some 230 Syrian tanks and about 200 carriers wrecked or abandoned`, `Our losses:
            # 17 tanks and three aircraft`: weapons listed together share what befell them.
            figures = list(figures)
            for k in range(n - 1, 0, -1):
                if listed[k] and figures[k].lost and figures[k].predicate_after and not figures[k - 1].lost:
                    figures[k - 1] = attrs.evolve(figures[k - 1], lost=True)
            for k in range(1, n):
                if listed[k] and figures[k - 1].lost and not figures[k].lost and figures[k].predicate is None:
                    figures[k] = attrs.evolve(figures[k], lost=True)
        spans = [(g.start, g.np_end) for g in figures]
        categories: list[Category | None] = [f.category for f in figures]
        settled = [f.predicate is not None or f.noun_group in ("loss", "equipment", "territory", "share", "other")
                   or f.category is Category.PEOPLE and is_population(text, lo, f.start) for f in figures]
        parents: list[int | None] = [None] * n
        # Parts of a total: `71: 66 soldiers, ...`, `11,100 Palestinians, including 3,374 children`.
        for i in range(n - 1):
            gap = _gap(text, figures[i], figures[i + 1])
            if figures[i].noun is None and (lead := _LEAD_PEOPLE.match(gap)) is not None \
                    and (sense := lexicon().nouns.get(lead.group(1).lower())) is not None and sense.group == "people":
                gap = gap[lead.end():]  # `168 wounded civilians (61 children, ...)`: the noun after the loss word
            # A part may have parts (`four civilians, including one child`).
            if parents[i + 1] is None and (_PARTS_SEP.match(gap) and _PARTS_SEP.match(gap).start() == 0
                                           # `256 fighters had "laid down their arms and surrendered",
                                           # including 51 who ...`: the clause of the total goes on first
                                           or _PARTS_AFTER_CLAUSE.search(gap) and not _NEW_CLAUSE.search(gap)):
                k = i + 1
                while k < n:
                    parents[k] = i
                    if k + 1 < n and _list_gap(text, figures[k], figures[k + 1]):
                        k += 1
                        continue
                    if k + 1 < n and parents[i] is not None and parents[k + 1] is None \
                            and _CLOSE_THEN_LIST.match(_gap(text, figures[k], figures[k + 1])):
                        # `513 children (323 boys and 190 girls) and 269 women`: after the
                        # bracket the list of the figure that opened it goes on.
                        parents[k + 1] = parents[i]
                    break
        # Lists and totals with their parts share a predicate: the one after the last member
        # (over a closing comma: `11,100 Palestinians, including ..., were injured`), or the
        # one before the first (`killing 12 soldiers and 3 civilians`).
        i = 0
        while i < n:
            j = i
            while j + 1 < n and (_list_gap(text, figures[j], figures[j + 1]) or parents[j + 1] is not None and
                                 (parents[j + 1] == i or parents[j + 1] == parents[j] or parents[j + 1] == j)):
                j += 1
            members = range(i, j + 1)
            last, first = figures[j], figures[i]
            shared = None
            if last.predicate_after and last.category is not None and last.noun_group in ("people", None):
                shared = last.category
            elif (last.noun or "").lower() != "strong":  # `The defenders, 800 strong, surrendered`: theirs
                after = predicate_after(text, _after_comma(text, last.np_end, hi), hi)
                if after is not None and after[1] not in ("strength", "equipment_lost"):
                    shared = Category(after[1]) if after[1] != "casualties" else Category.CASUALTIES
                elif after is not None and after[1] == "equipment_lost" and j > i:
                    # `up to 60 servicemen, two pickup trucks and a howitzer were destroyed`: men
                    # a list's `destroyed` covers are losses, as `60 servicemen were destroyed` is.
                    shared = Category.CASUALTIES
            if shared is None and first.predicate is not None and not first.predicate_after and first.category is not None:
                shared = first.category
                if first.noun_group == "equipment":
                    # `destroyed 2 tanks and more than 100 soldiers`: the men are losses, not tanks
                    verb = lexicon().predicates_before.get(first.predicate.strip().lower())
                    shared = Category.CASUALTIES if verb == "equipment_lost" else Category(verb) \
                        if verb in ("killed", "wounded", "captured", "casualties") else None
            if shared is None and j > i and first.predicate_after and first.category is not None \
                    and first.noun_group in ("people", None) and _ALONG_WITH.match(_gap(text, first, figures[i + 1])):
                # `67 soldiers have been killed, along with 257 militants`: what follows shares the
                # first member's predicate (`with` is no predicate of its own there).
                shared = first.category
                for k in members:
                    if k > i and figures[k].noun_group in ("people", None) and categories[k] in (None, Category.TROOPS, Category.PEOPLE):
                        categories[k] = shared
                        settled[k] = True
            if j > i and last.predicate_after and last.lost:
                # `482 aircraft and 9,213 drones have been destroyed`: the verb after the list
                # makes every weapon in it lost.
                for k in members:
                    if k < j and figures[k].predicate is None and figures[k].noun_group == "equipment":
                        figures[k] = attrs.evolve(figures[k], predicate=last.predicate, predicate_after=True, lost=True)
            colon = text.rfind(":", lo, first.start)
            if first.predicate is None and colon != -1 and _LOST_LIST.search(text, max(lo, colon - 40), colon + 1) \
                    and not re.search(r"[.;]", text[colon:first.start]):
                # `the following have been destroyed: 578 aircraft, 271 helicopters, ...`
                for k in members:
                    if figures[k].predicate is None and figures[k].noun_group == "equipment":
                        figures[k] = attrs.evolve(figures[k], lost=True)
            if j > i and first.predicate is not None and not first.predicate_after and first.noun_group in ("equipment", "people", None):
                # `destroyed 12 tanks, 30 armoured vehicles and 5 helicopters`: the verb before
                # the list governs every weapon in it (lost, and whose).
                for k in members:
                    if k > i and figures[k].predicate is None and figures[k].noun_group == "equipment":
                        figures[k] = attrs.evolve(figures[k], predicate=first.predicate,
                                                  lost=first.lost or lexicon().predicates_before.get(
                                                      first.predicate.strip().lower()) in ("equipment_lost", "killed", "casualties")
                                                  # `losses ... amount to 7,630 servicemen, 41 aircraft`
                                                  or lexicon().subject_nouns.get(first.predicate.split()[0].lower()) == "casualties")
            if shared is not None and j > i:
                for k in members:
                    if not settled[k] and figures[k].noun_group in ("people", None):
                        categories[k] = shared
                        settled[k] = True
            elif shared is not None and not settled[i] and figures[i].noun_group in ("people", None):
                categories[i] = shared
                settled[i] = True
            i = j + 1
        for k, f in enumerate(figures):
            if categories[k] is Category.PEOPLE and not settled[k] and f.noun and lexicon().party_of(f.noun) is not None:
                clause = max(lo, max(text.rfind(c, lo, f.start) for c in ",;:") + 1)
                if _fielding_re().search(text, clause, f.start):
                    categories[k] = Category.TROOPS  # `Blücher brought up 50,000 Prussians`: soldiers
        # `Of the verified cases, 1,486 are believed to be civilians`: a sentence that opens on
        # the dead (or goes on with them) breaks down the last toll before it; its people
        # counts with no measure of their own are parts of that toll.
        whole: Claim | None = None
        of_whole: set[int] = set()
        if _PARTITIVE_OPENER.match(text, lo):
            whole = next((c for c in reversed(self.claims[-40:]) if c.kind is Kind.CASUALTIES and c.part_of is None), None)
        if whole is not None:
            for k, f in enumerate(figures):
                if parents[k] is None and f.noun_group in ("people", None) and (
                        categories[k] in (None, Category.PEOPLE, Category.OTHER)
                        or categories[k] is Category.TROOPS and f.predicate is None):  # `557 ... members of armed groups`
                    categories[k] = whole.value.category
                    settled[k] = True
                    of_whole.add(k)
                else:
                    break
            if figures and 0 not in of_whole and figures[0].noun_group in ("people", "loss", None) \
                    and not figures[0].party_mentions and whole.value.category in (Category.CASUALTIES, Category.KILLED_OR_WOUNDED):
                of_whole.add(0)  # `... put out of action. Of these, 3,400 were killed`: a part with its own measure
        for k in range(n):
            parent = parents[k]
            if parent is not None and not settled[k] and categories[parent] is not None:
                cat = categories[parent]
                if figures[k].noun_group in ("people", None) and cat not in (Category.TROOPS, Category.PEOPLE):
                    categories[k] = cat
                    settled[k] = True
        # A share of a total stated in a list after it (`the toll includes four suicide bombers`).
        made: list[Claim | None] = []
        for k, f in enumerate(figures):
            cat = categories[k]
            if cat is None:
                if f.low is None and f.high is None:
                    made.append(None)
                    continue
                cat = Category.OTHER
            kind = kind_for(cat, f.lost)
            if kind is Kind.TERRITORY and f.vague:
                made.append(None)  # `several villages`: nothing a reviewer can check
                continue
            if kind is Kind.OTHER and not settled[k] and f.noun_group is None and not (
                    f.anaphoric and self._antecedent(f, made) is not None):
                made.append(None)
                continue
            if kind is Kind.STRENGTH and _TYPICAL_SIZE_RE.search(text, max(lo, f.start - 40), f.start):
                made.append(None)
                continue
            if f.note_claimant is not None:
                s0, e0 = f.note_claimant
                note = Relation(text[s0:e0], s0, e0, "()", s0 - 1, s0, f.start, f.end, "note")
                attribution = self._attribution(f.number_start, f.number_end, [(note, text[s0:e0], None)], paragraph, index, (lo, hi))
            else:
                attribution = self._attribution(f.number_start, f.number_end, resolved, paragraph, index, (lo, hi))
            antecedent = self._antecedent(f, made)
            if antecedent is not None and not settled[k] and isinstance(antecedent.value, Quantity):
                cat = antecedent.value.category
                kind = antecedent.kind
            previous = made[-1] if made else None
            # The other figures' own words, not those of the whole this one is part of.
            siblings = tuple(sp for j, sp in enumerate(spans) if j != k and j != parents[k]) \
                if f.noun_group == "people" and f.noun and not f.anaphoric else ()
            if antecedent is None and f.noun is None and previous is not None and previous.side.name is not None \
                    and _BARE_GOES_ON.fullmatch(text, previous.span.end, f.start):
                # `Three of our servicemen were killed and 14 were wounded`: the bare number
                # goes on counting the same people, on the same side.
                side = self._side(f, lo, hi, attribution, resolved, previous, siblings=siblings)
            else:
                side = self._side(f, lo, hi, attribution, resolved, antecedent, siblings=siblings)
            if side.name is None and listed[k] and previous is not None and previous.side.name is not None \
                    and f.relative_side is None and not f.party_mentions:
                side = Side(column=previous.side.column, name=previous.side.name,
                            reason=f"listed with “{previous.span.quote}” ({previous.side.reason})")
            if side.name is None and self._recent and isinstance(self._recent[-1].value, Quantity) \
                    and self._recent[-1].side.name is not None and self._recent[-1].value.category is cat \
                    and _REVISED_FIGURE.search(text, max(self._recent[-1].span.end, f.start - 120), f.start):
                # `announced that 11 soldiers had been killed. The ministry revised this figure,
                # stating that 38 soldiers ...`: the revision counts the same people.
                revised = self._recent[-1]
                side = Side(column=revised.side.column, name=revised.side.name,
                            reason=f"revises “{revised.span.quote}” ({revised.side.reason})")
            whole_of = whole if k in of_whole else made[parents[k]] if parents[k] is not None else None
            if whole_of is not None:
                # A part of a toll is told by whoever told the toll, about the same side.
                if attribution.claimant is None and whole_of.attribution.claimant is not None:
                    attribution = attrs.evolve(whole_of.attribution, inherited=True, evidence=(
                        f"a part of “{whole_of.span.quote}”, which {whole_of.attribution.claimant} gives"))
                if side.name is None and whole_of.side.name is not None:
                    side = Side(column=whole_of.side.column, name=whole_of.side.name,
                                reason=f"a part of “{whole_of.span.quote}” ({whole_of.side.reason})")
            lost_by_list = False
            losses_of = self.discourse.header_losses
            if losses_of is not None and self.discourse.header in (None, attribution.claimant):
                # A line of a list of someone's losses: `personnel – 40,120` counts the dead,
                # `tanks – 1,358` tanks lost, and the party is the one the line above names.
                lost_by_list = True
                if cat in (Category.TROOPS, Category.PEOPLE):
                    cat, kind = Category.CASUALTIES, Kind.CASUALTIES
                if side.name is None and losses_of == "enemy":
                    side = self._claimants_opponent(attribution, "a list of the enemy's losses") or side
                elif side.name is None and losses_of == "own" and attribution.claimant_side:
                    side = self.sides.side_for_mention(
                        attribution.claimant_side, f"a list of the claimant's own losses ({attribution.claimant})") or side
                elif side.name is None and losses_of:
                    side = self.sides.side_for_mention(losses_of, f"a list of {losses_of}'s losses") or side
            if parents[k] is not None and side.name is None and made[parents[k]] is not None:
                parent_side = made[parents[k]].side
                if parent_side.name is not None:
                    side = Side(column=parent_side.column, name=parent_side.name,
                                reason=f"part of a total about {parent_side.name}")
            population = f.population
            before_it = antecedent or previous
            if population is Population.UNKNOWN and (f.noun is None or f.noun_group == "loss") and before_it is not None \
                    and isinstance(before_it.value, Quantity) and before_it.value.population is not Population.UNKNOWN \
                    and _BARE_GOES_ON.fullmatch(text, before_it.span.end, f.start):
                population = before_it.value.population  # `7,721 civilians killed and 18,479 wounded`: civilians too
            # Parts of equipment lost are lost too (`28 armored vehicles were captured - 8 tanks, ...`).
            lost = f.lost or (parents[k] is not None and figures[parents[k]].lost and f.noun_group == "equipment") \
                or (lost_by_list and f.noun_group == "equipment")
            if lost and kind is Kind.EQUIPMENT:
                kind = kind_for(cat, True)
            value = Quantity(low=f.low, high=f.high, qualifier=f.qualifier, category=cat, population=population,
                             unit=f.noun, as_of=f.as_of, increment=f.increment, lost=lost, vague=f.vague)
            claim_hedges = tuple(h for h in hedges if not (f.start <= (h.start or 0) < f.end)) + tuple(
                h for h in hedges if f.start <= (h.start or 0) < f.end)
            rel = self._covering(f.number_start, f.number_end, resolved)
            negated = rel is not None and rel[0].type == "deny" or (
                # `We have not lost a single aircraft`: a loss the speaker says did not happen
                _NEGATED_LOSS.search(text, max(lo, f.start - 30), f.start) is not None
                and _NOT_A_BOUND.match(text, f.start, f.end) is None)
            if rel is not None and rel[0].unnamed and rel[0].source and not rel[0].pronoun and rel[1] is None \
                    and not any(h.kind is HedgeKind.UNNAMED_SOURCE for h in claim_hedges):
                # `Local officials reported 17 deaths`, `some researchers believe`: said by nobody named.
                claim_hedges += (Hedge(HedgeKind.UNNAMED_SOURCE, rel[0].source, rel[0].source_start, rel[0].source_end),)
            claim = build_claim(
                self.document, kind=kind, subject=self.subject, side=side, value=value, start=f.start, end=f.end,
                attribution=attribution, rule="prose.header_row" if row is not None
                else "prose.total_parts" if parents[k] is not None else "prose.figure",
                hedges=claim_hedges, section=section, field=row,
                part_of=made[parents[k]].id if parents[k] is not None and made[parents[k]] is not None
                else whole.id if k in of_whole and kind is whole.kind else None,
                negated=negated,
            )
            made.append(claim)
        new = [c for c in made if c is not None]
        self.claims.extend(new)
        self._recent = (self._recent + new)[-5:]

    def _antecedent(self, f: Figure, made: list[Claim | None]) -> Claim | None:
        """The figure an anaphoric one continues (`40 more`, `four of whom`, `another 50`), or
        the one a partitive names by its number (`16 out of the 481 militants`)."""
        earlier = self._recent[-5:] + [c for c in made if c is not None]
        m = re.search(r"(?i)\bof\s+(?:the\s+)?([\d,]+)\b", self.text[f.start:f.end])
        if m:
            value = int(m.group(1).replace(",", ""))
            for c in reversed(earlier):
                if isinstance(c.value, Quantity) and value in (c.value.low, c.value.high):
                    return c
        if f.anaphoric and earlier and ("\n" not in self.text[earlier[-1].span.end:f.start]
                                        or continues_figure(self.text, f.number_start)
                                        or (f.noun or "").lower() in ("more", "others")):
            # Past its paragraph only a word that says so continues a figure (`Another 50 were
            # wounded`); `Austria 38,500` in a list below repeats nothing from above.
            return earlier[-1]
        if (f.noun is None and f.predicate or f.noun_group == "loss") and earlier and isinstance(earlier[-1].value, Quantity) \
                and earlier[-1].value.unit and 0 <= f.start - earlier[-1].span.end <= 30 \
                and _ELLIPSIS_GAP.fullmatch(self.text, earlier[-1].span.end, f.start):
            return earlier[-1]  # `187 Palestinians were killed and 256 injured`: the same people
        return None

    def _side(self, f: Figure, lo: int, hi: int, attribution: Attribution, resolved,
              antecedent: Claim | None = None, siblings: tuple[tuple[int, int], ...] = ()) -> Side:
        """The side a figure is about: a party its own words name, the claimant's own side
        (`its soldiers`), the other side (`enemy`), the figure it continues (`40 more`), a
        scope (`Among the IS, ...`), the subject of a loss verb (`X lost 300 men`), else what
        the sentence says (one party with forces). Civilians are no belligerent's figure."""
        text = self.text
        if f.population is Population.CIVILIAN:
            return Side(reason="civilians: not a belligerent's figure")
        if (dateline := DATELINE.match(text, lo, f.start)) is not None:
            lo = dateline.end()  # `BEIRUT (Reuters) - ...`: where the story was filed, no subject
        # Its own words first (`and the Germans 337,000`), then the page's own names for its
        # belligerents inside them (`150 Velmar soldiers`, a party no lexicon knows).
        for s, e, party in list(f.party_mentions) + self.sides.party_mentions(text, f.start, f.end):
            if self.sides.foreign(party) and (own := self.sides.own_name(text, s, e)) is not None:
                s, e, party = own  # the page's own name over another war's party (`Coalition forces`)
            side = self.sides.side_for_mention(party, f"the figure names {text[s:e]}")
            if side is not None:
                return side
        for s, e, party in self.sides.party_mentions(text, max(lo, f.start - 40), f.start)[-1:]:
            if _POSSESSIVE_TO.fullmatch(text, e, f.start):
                # `faced Kutuzov's 120,000 regulars`: the possessor's.
                side = self.sides.side_for_mention(party, f"{text[s:e]}'s figure")
                if side is not None:
                    return side
        if (named := _PARTY_MEASURE.search(text, max(lo, f.start - 60), f.start)) is not None:
            for s, e, party in self.sides.party_mentions(text, named.start("who"), named.end("who"))[-1:]:
                side = self.sides.side_for_mention(party, f"`{text[s:e]} {named.group('m')}` names {text[s:e]}")
                if side is not None:
                    return side
        if f.relative_side is None and antecedent is None and (f.noun or "").lower() not in lexicon().everyone_nouns:
            agent = self._agent(f, lo, resolved)
            if agent is not None:
                # `The Russians captured 15,000 men`, `..., taking 20,000 prisoners`: the subject
                # did it, to the other side.
                s, e, party, verb = agent
                other = self.sides.opponent_of(party)
                if other is not None:
                    return Side(column=other[0], name=other[1], reason=f"{text[s:e]} {verb} them: the side opposed to {text[s:e]}")
                if f.noun is None or self.sides.role_side(f.noun) is None:
                    return Side(reason=f"{text[s:e]} {verb} them, and the text does not say whom they fought")
        if (fronted := _FOR_THE_SIDE.match(text, lo, f.start)) is not None:
            # `For the Nationalist side, the official balance gave 4,800 dead`: the sentence's
            # figures are that side's.
            for s, e, party in self.sides.party_mentions(text, fronted.start("who"), fronted.end("who"))[:1]:
                side = self.sides.side_for_mention(party, f"the sentence opens `{fronted.group(0).strip()}`")
                if side is not None:
                    return side
        clause = max(text.rfind(c, lo, f.start) for c in ";:\n(") + 1
        opener = PARTY_LEAD.match(text, max(lo, clause), hi)
        if opener is None and clause > lo and text[clause - 1] == ":":
            # `Ukraine: 300 killed, 20 tanks`: the party is the label of the figures after it.
            start = max(lo, max(text.rfind(c, lo, clause - 1) for c in ";\n(") + 1)
            opener = PARTY_LEAD.match(text, _BULLET.match(text, start, hi).end(), hi)
            if opener is not None and attribution.claimant \
                    and opener.group("who").strip().lower() == attribution.claimant.strip().lower():
                # `KDF: 12 Al Shabaab killed, 2 technicals destroyed`: the label is who speaks,
                # not whose the figures are
                opener = None
            if opener is None:
                # `Ukrainian losses: 410 killed`: the party's losses, labelled.
                label = _PARTY_LABEL.match(text, _BULLET.match(text, start, hi).end(), clause)
                opener = label if label is not None and label.end() == clause else None
        if opener is not None and opener.end() <= f.start:
            # `Casualties: Prussia 2,100 killed and 6,300 wounded; Austria 4,800 killed`: a party
            # opening the clause right before the number names it and what follows in the clause.
            for s, e, party in self.sides.party_mentions(text, opener.start("who"), opener.end("who"))[:1]:
                if (s, e) == (opener.start("who"), opener.end("who")):
                    side = self.sides.side_for_mention(party, f"{text[s:e]} opens the figures after it")
                    if side is not None:
                        return side
        line_start = text.rfind("\n", 0, f.start) + 1
        bullet = _BULLET.match(text, max(lo, line_start), hi)
        named = _LINE_PARTY.match(text, bullet.end(), f.start)
        line_end = text.find("\n", f.start)
        listed = named is not None and (bullet.group(0).strip() or named.group(0)[:1] in "*_" or (
            # a short line of figures, not a sentence after a dateline (`Beirut : At least 554
            # people have died ..., the Observatory said`)
            (line_end if line_end != -1 else len(text)) - line_start < 120))
        if listed and not self.sides.party_mentions(text, named.end(), f.start):
            # `* **Soviet Union**: 126,875 dead (Krivosheev); 264,908 wounded`: a party labels
            # every figure of its line (unless another party is named before the figure).
            for s, e, party in self.sides.party_mentions(text, named.start("who"), named.end("who"))[:1]:
                if (s, e) == (named.start("who"), named.end("who")):
                    side = self.sides.side_for_mention(party, f"the line's label `{text[s:e]}`")
                    if side is not None:
                        return side
        label = _ROLE_LEAD.match(text, max(lo, line_start), f.start)
        if label is not None and _role_label(label.group("who")):
            # `- Government forces: 168 killed`, `- Militants: 978 killed`: a role labels its side.
            who = " ".join(label.group("who").lower().split())
            side = self.sides.government() if who.split()[0] in lexicon().government_words else self.sides.role_side(who)
            if side is not None:
                return attrs.evolve(side, reason=f"the line's label `{label.group('who')}`: {side.reason}")
        if antecedent is not None:
            a = antecedent.side
            return Side(column=a.column, name=a.name, reason=f"continues the figure “{antecedent.span.quote}”")
        relative = f.relative_side
        if relative is None and (scope := _SIDE_SCOPE.search(text, max(lo, clause - 1), f.start)) is not None:
            # `On the friendly side, the provisional toll is 2 dead`, `the toll on the enemy side`
            relative = "enemy" if scope.group("w").lower().startswith(("enem", "oppos", "advers", "other")) else "own"
        if relative is None and _OWN_MEASURE.search(text, max(lo, clause - 1), f.start) \
                and not self.sides.party_mentions(text, max(lo, clause - 1), f.start):
            relative = "own"  # `"Our losses since 15 April do not exceed 120 martyrs"`
        if relative == "own" and FIRST_PERSON.search(text, max(lo, f.start - 40), f.np_end) \
                and not _inside_quotes(text, self._paragraph_start(f.start), f.start) \
                and (voice := self._voice_side()) is not None and voice != attribution.claimant_side:
            # `The statements of Tajik officials alleging the death of 100 of our servicemen are
            # false`: `our` is the statement's own voice, not the officials'.
            side = self.sides.side_for_mention(voice, f"`our` in {self._publisher}'s own statement" if self._publisher
                                               else f"`our` in a text that speaks for {voice}")
            if side is not None:
                return side
        if relative == "own" and attribution.claimant_side and attribution.cue \
                and attribution.claimant not in (self._publisher, self._speaker) \
                and FIRST_PERSON.search(text, max(lo, f.start - 40), f.np_end) \
                and not _inside_quotes(text, self._paragraph_start(f.start), f.start):
            # `The Peking expansionists claim that they have put out of action 12,000 of our
            # soldiers`: `our` is the text's own, whose party it does not say, not the claimant's
            return Side(reason=f"`our` in a claim {attribution.claimant} makes is the text's own voice, whose party it does not name")
        if relative == "own" and attribution.claimant_side and f.relative_side == "own" \
                and not FIRST_PERSON.search(text, max(lo, f.start - 40), f.np_end) \
                and (subject := _THEIR_SUBJECT.match(text, lo, f.start)) is not None:
            # `The rebels lost over 200 of their fighters, the SPLA said`: `their` is the
            # subject's, not the claimant's
            words = " ".join(subject.group("who").lower().split())
            named = self.sides.party_mentions(text, subject.start("who"), subject.end("who"))
            role = words.removeprefix("the ")
            side = self.sides.side_for_mention(named[0][2], f"`their` points back to {subject.group('who')}, the subject") \
                if named else self.sides.role_side(role)
            if side is not None and side.name is not None and side.name != attribution.claimant_side:
                return attrs.evolve(side, reason=f"`their` points back to {subject.group('who')}, the subject")
            lx = lexicon()
            if side is None and not named and (role in lx.insurgent_labels or role in lx.hostile_labels):
                return Side(reason=f"`their` points back to {subject.group('who')}, whose side the text does not name")
        if relative == "own" and attribution.claimant_side:
            side = self.sides.side_for_mention(attribution.claimant_side, f"`its`/`their` is the claimant's own side ({attribution.claimant})")
            if side is not None:
                return side
        if relative is None and attribution.claimant_side and f.predicate and "martyr" in f.predicate.lower() \
                and not f.party_mentions:
            # `seven mujahideen had been martyred`: a side calls its own dead martyrs
            side = self.sides.side_for_mention(
                attribution.claimant_side, f"martyrdom is how a side speaks of its own dead ({attribution.claimant})")
            if side is not None:
                return side
        if relative == "own" and not attribution.claimant_side:
            # `The AFC/M23 deplores the loss of 7 of its fighters`: the party the sentence opens on.
            opening = self._opening_party(lo, f.start)
            if opening is not None and not _CLAUSE_BREAK.search(text, opening[1], f.start):
                s, e, party = opening
                side = self.sides.side_for_mention(party, f"`its`/`their` points back to {text[s:e]}, the subject")
                if side is not None:
                    return side
        if relative == "enemy" and (other := self._claimants_opponent(attribution, "`enemy`")) is not None:
            return other
        if relative == "enemy" and not attribution.claimant_side and (voice := self._voice_side()) is not None \
                and (other := self.sides.opponent_of(voice)) is not None:
            # `our army annihilated 13,916 enemy troops` in a text that speaks for China
            return Side(column=other[0], name=other[1], reason=f"`enemy` in a text that speaks for {voice}: its opponent")
        if f.relative_side == "government" and (state := self.sides.government()) is not None:
            return state
        if not f.party_mentions and (f.noun or "").lower() in lexicon().hostile_labels and (
                other := self._claimants_opponent(attribution, f"`{f.noun}`, a belligerent's word for its enemy,")) is not None:
            # `India's army said 700 intruders had died`: the army's enemy, not the army.
            return other
        skip = [(r.source_start, r.source_end) for r, _, _ in resolved if r.source_start is not None]
        lost_by = _LOST_BY.match(text, f.end, hi) if _LOSS_END.search(text, f.start, f.end) else None
        if lost_by is not None:
            # `40 aircraft lost by the Argentines`: the party that lost them.
            for s, e, party in self.sides.party_mentions(text, lost_by.end(), min(hi, lost_by.end() + 60))[:1]:
                if s == lost_by.end():
                    side = self.sides.side_for_mention(party, f"lost by {text[s:e]}")
                    if side is not None:
                        return side
        # A scope holds to the end of its clause (`Casualties on the Soviet side were 3,000;
        # the Germans lost 1,000`: the second is no longer on the Soviet side).
        against = _AMONG_FIGHTING.search(text, lo, f.start)
        if against is not None:
            # `Among those fighting the IS on the ground, 236 have died`: the IS's enemy.
            for s, e, party in self.sides.party_mentions(text, against.start("who"), against.end("who"))[:1]:
                hit = self.sides.party(party)
                other = self.sides.opponent_of(hit[1]) if hit is not None else None
                if other is not None:
                    return Side(column=other[0], name=other[1], reason=f"those fighting {text[s:e]}: its opponent")
        # (lo is past a dateline: `GOMA, Democratic Republic of Congo, Nov 3` is a place)
        scope = _SCOPE_RE.search(text, max(lo, text.rfind(";", lo, f.start) + 1), f.start)
        if scope is not None and (any(a is not None and a <= scope.start() < b for a, b in skip) or any(
                scope.start() < r.cue_start and r.content_start <= f.start < r.content_end for r, _, _ in resolved)):
            # `According to the General Staff of the Armed Forces of Ukraine, Russia lost`, `The
            # head of the DPR, X, told journalists that ...`: the source's words, not the figure's
            scope = None
        if scope is not None:
            who = scope.group("who") or scope.group("who2")
            for s, e, party in self.sides.party_mentions(text, scope.start("who" if scope.group("who") else "who2"), scope.end("who" if scope.group("who") else "who2")):
                side = self.sides.side_for_mention(party, f"the sentence is about {who}")
                if side is not None:
                    return side
        if attribution.claimant_side and not f.party_mentions and (
                _ADMITTED.match(attribution.cue or "") and f.category in _LOSS_CATEGORIES
                and (f.noun or "").lower() not in lexicon().hostile_labels
                # `India confirmed the loss of one MiG-21`: its own loss, weapons too
                or _CONFIRMED.match(attribution.cue or "") and f.predicate and not f.predicate_after
                and _LOSS_OF.fullmatch(f.predicate.strip())
                # `The ministry confirms that 453 officers and men were killed`: men it confirms
                # died, not men it killed (`confirmed it had killed 40`: the verb comes first)
                or _CONFIRMED.match(attribution.cue or "") and f.predicate_after and f.category in _LOSS_CATEGORIES
                and f.noun_group == "people" and (f.noun or "").lower() not in lexicon().hostile_labels):
            # `The DPR admitted 60 fighters killed`: a belligerent admits its own losses.
            side = self.sides.side_for_mention(attribution.claimant_side, f"{attribution.claimant} {attribution.cue} its own losses")
            if side is not None:
                return side
        if f.predicate_after and not f.party_mentions and (enemy := _enemy_subject().search(text, lo, f.start)) \
                and (opponent := self._claimants_opponent(attribution, f"`{enemy.group('who')}`")) is not None:
            return opponent  # `The enemy lost up to 215 servicemen killed and wounded`
        if f.predicate is None and f.noun_group == "loss" and not f.party_mentions and attribution.claimant_side \
                and _OWN_SUBJECT.search(text, lo, f.start):
            # `Our forces lost 9 martyrs and 31 wounded`: a loss noun after the claimant's own loss.
            own = self.sides.side_for_mention(attribution.claimant_side, f"the claimant's own side lost them ({attribution.claimant})")
            if own is not None:
                return own
        if f.predicate and _LOSS_SUBJECT.fullmatch(f.predicate.strip()) and not f.predicate_after:
            if (enemy := _enemy_subject().search(text, lo, f.start)) is not None:
                # `The enemy lost up to 200 servicemen` in a belligerent's statement; when the
                # document names no opponent, no party named earlier in the sentence is it.
                who = enemy.group("who")
                return self._claimants_opponent(attribution, f"`{who}`") or self._openers_opponent(lo, f.start) or Side(
                    reason=f"`{who}` of the claimant, whom the document does not name")
            if attribution.claimant_side and _OWN_SUBJECT.search(text, lo, f.start):
                # `his country had lost 31,000 troops`: the claimant's own side.
                side = self.sides.side_for_mention(attribution.claimant_side, f"the claimant's own side lost them ({attribution.claimant})")
                if side is not None:
                    return side
            # The party that lost them: the one named last before the verb (`Russia, he said,
            # lost more than 47,000 troops`), not a source, in the verb's own clause (`The
            # Russians lost 5,709 men, while allied losses were 3,300`: not the Russians).
            verb = text.rfind(f.predicate.strip(), lo, f.start)
            verb = verb if verb != -1 else f.start
            clause = max([lo] + [m.end() for m in _CLAUSE_JOIN.finditer(text, lo, verb)])
            for s, e, party in reversed(self.sides.party_mentions(text, clause, verb)):
                if any(a is not None and a <= s < b for a, b in skip):
                    continue
                side = self.sides.side_for_mention(party, f"{text[s:e]} is the subject of `{f.predicate.strip()}`")
                if side is not None:
                    return side
        if not f.party_mentions and (definite := _DEFINITE_SUBJECT.search(text, lo, f.start)) is not None \
                and (side := self._named_in_full(definite.group("head"), lo)) is not None:
            return side  # `the front had lost`, `the brigade had lost 300 men killed`
        if (f.category in _LOSS_CATEGORIES or f.category is Category.TROOPS) and _PRONOUN_SUBJECT.match(text, lo) \
                and not f.party_mentions:
            # `The Germans attacked at dawn. They lost 3,000 men`, `Their losses were lighter`,
            # `The Chinese division withdrew. Its losses were put at 1,000`, `Its garrison of
            # 3,700 held out`: the party that opens the sentence before, in the same paragraph.
            start = self._paragraph_start(lo)
            before = text.rfind(". ", start, lo - 1)
            before = before + 2 if before != -1 else start
            for s, e, party in self.sides.party_mentions(text, before, min(lo, before + 60))[:1]:
                side = self.sides.side_for_mention(party, f"`{text[lo:text.find(' ', lo)]}` points back to {text[s:e]}, the subject before")
                if side is not None:
                    return side
        force = _force_before().search(text, max(lo, f.number_start - 60), f.number_start)
        if force is not None:
            # `The German garrison of 21,000`, `a Soviet force of 20,000`, `an Austrian force
            # 15,000 strong`: the party before the noun the number completes.
            at = force.start()
            clause = max(lo, max(text.rfind(c, lo, at) for c in ",;:") + 1)
            named = self.sides.party_mentions(text, max(clause, at - 40), at)
            if named:
                side = self.sides.side_for_mention(named[-1][2], f"{text[named[-1][0]:force.end()].strip()} the figure completes")
                if side is not None:
                    return side
        fielding = None
        # `The Austrians committed three divisions`, and `The Prussians had 300 KIA` (a loss the
        # number's own words give, after a verb of having: the subject's).
        if f.category in (Category.TROOPS, Category.UNITS) or f.noun_group in ("units", "equipment") and not f.lost \
                or ((f.predicate_after or f.noun_group == "loss") and f.category in _PEOPLE_CATEGORIES):
            for fielding in _fielding_re().finditer(text, lo, f.start):
                pass
        if fielding is not None and not _CLAUSE_BREAK.search(text, fielding.end(), f.start):
            # `The Austrians committed three divisions, about 45,000 men`: the subject fields them.
            for s, e, party in reversed(_subjects(text, lo, fielding.start(), skip, self.sides.party_mentions)):
                side = self.sides.side_for_mention(party, f"{text[s:e]} is the subject of `{fielding.group(0)}`")
                if side is not None:
                    return side
        # `The British lost 18 killed and 64 wounded`, `Russian casualties numbered 1,376 dead
        # and 408 missing`: the party before a loss verb or a loss noun's copula governs every
        # figure after it in the clause (no contrast or clause break between).
        governor = None
        for governor in _LOSS_GOVERNOR.finditer(text, lo, f.start):
            pass
        if governor is None and (f.noun or "").lower() in _BODY_NOUNS:
            for governor in _LEFT_BEHIND.finditer(text, lo, f.start):
                pass  # `The North Vietnamese left 634 bodies around the perimeter`: their dead
        if governor is not None and not _CLAUSE_BREAK.search(text, governor.end(), f.start):
            clause = max([lo] + [m.end() for m in _CLAUSE_JOIN.finditer(text, lo, governor.start())])
            for s, e, party in reversed(self.sides.party_mentions(text, clause, governor.end())):
                if any(a is not None and a <= s < b for a, b in skip):
                    continue
                side = self.sides.side_for_mention(party, f"{text[s:e]} is the subject of `{governor.group(0)}`")
                if side is not None:
                    return side
                break
            pronoun = _PRONOUN_LOSER.search(text, lo, governor.start())
            if pronoun is not None and attribution.claimant_side and attribution.claimant:
                # `Eritrea said it had lost 212 men`: the claimant is the one who lost them
                side = self.sides.side_for_mention(
                    attribution.claimant_side, f"`{pronoun.group(1)}` ({attribution.claimant}) is the subject of `{governor.group(0)}`")
                if side is not None:
                    return side
        if attribution.claimant_side and not f.party_mentions and f.predicate \
                and not f.predicate_after and f.predicate.strip().lower() in lexicon().agentive:
            # `X says it has killed 300 fighters`, `“Over the past day, we destroyed 14 tanks”`:
            # the claimant did it, to its enemy (the first verb of a list carries the subject:
            # `destroyed 46 tanks and killed 300`).
            c_lo = max(lo, attribution.content_span[0]) if attribution.content_span else lo
            verb = _first_agentive(text, c_lo, f.start)
            # `said it had repelled an attack ..., killing hundreds`: a participle after a comma
            # has the clause's subject, the claimant.
            participle = verb is not None and text[verb:verb + 12].split()[0].lower().endswith("ing") \
                and text[c_lo:verb].rstrip().endswith(",") and _CLAIMANT_SUBJECT.match(text, c_lo, verb) is not None
            if verb is not None and (_CLAIMANT_AGENT.match(text[c_lo:verb]) or participle) \
                    and (other := self._claimants_opponent(attribution, f"the claimant did the `{f.predicate.strip()}`")) is not None:
                return other
        if attribution.claimant_side and not f.party_mentions and f.lost and f.noun_group == "equipment" \
                and f.relative_side is None and not _OWN_SUBJECT.search(text, lo, f.start):
            # Weapons a belligerent says were destroyed or shot down, whoever's it does not say,
            # are its enemy's (`Air defence shot down 39 drones`, `570 aircraft have been destroyed`).
            other = self._claimants_opponent(attribution, "weapons a belligerent reports destroyed")
            if other is not None:
                return other
        if attribution.claimant_side and not f.party_mentions and f.population is not Population.CIVILIAN:
            # A belligerent's statement that names no party for the people it counts: those
            # who surrendered to it are its enemy's; troops it says left or were evacuated, its own.
            if f.category is Category.CAPTURED and f.predicate_after \
                    and (other := self._claimants_opponent(attribution, f"those who `{f.predicate.strip()}`")) is not None:
                return other
            if f.category is Category.TROOPS and f.predicate and f.predicate_after \
                    and f.predicate.strip().lower() in lexicon().own_movements:
                own = self.sides.side_for_mention(
                    attribution.claimant_side, f"troops that `{f.predicate.strip()}` in the claimant's own report ({attribution.claimant})")
                if own is not None:
                    return own
        noun = (f.noun or "").lower()
        if attribution.claimant_side and not f.party_mentions and f.relative_side is None \
                and (f.predicate_after and noun in lexicon().state_forces
                     # `Truong's ARVN 1st Division reported 357 dead, 1,830 wounded`: a loss noun alone
                     or f.predicate is None and f.noun_group == "loss") \
                and attribution.content_span is not None \
                and _OPENS_CONTENT.fullmatch(text, attribution.content_span[0], max(attribution.content_span[0], f.start)) \
                and f.category in _OWN_TOLL_CATEGORIES \
                and (self.sides.role_side(noun) is None or attribution.claimant_side in lexicon().states) \
                and not self.sides.party_mentions(text, f.end, clause_end if (clause_end := text.find(",", f.end, hi)) != -1 else hi):
            # `Armenia's defence ministry said 64 servicemen had been killed`: a state's soldiers
            # that it says died, with no word of whose, are its own (it names the enemy's:
            # `Ukrainian servicemen`, `the enemy lost`).
            own = self.sides.side_for_mention(attribution.claimant_side, f"{attribution.claimant} reports {noun} lost, naming no other side")
            if own is not None:
                return own
        # A party named in another figure's own words (`27 M23 fighters and 13 soldiers`) is
        # that figure's, not the sentence's.
        side = self.sides.infer(text, f.start, f.end, lo, hi, skip + list(siblings))
        if side.name is not None and f.predicate and not f.predicate_after and f.predicate.strip().lower() in lexicon().agentive:
            # `Ostlandic forces shelled the town, killing 12`: the party named before the verb
            # did it; the figure is about the other side, if a soldier's or a weapon's.
            verb = text.rfind(f.predicate.strip(), lo, f.start)
            # The verb's own clause: `X lost 12 tanks, and the defenders knocked out 5` is no
            # knocking out by X.
            clause = max([lo] + [m.end() for m in _CLAUSE_JOIN.finditer(text, lo, verb if verb != -1 else f.start)])
            agents = [party for _, _, party in _subjects(text, clause, verb if verb != -1 else f.start, skip, self.sides.party_mentions)]
            if any(self.sides.party(a) is not None and self.sides.party(a)[1] == side.name for a in agents) \
                    and not side.reason.startswith("the figure names"):
                other = self.sides.opponent_of(side.name)
                why = f"{side.name} did the `{f.predicate.strip()}`: the figure is about its opponent"
                if other is not None and (f.population is Population.MILITARY or f.category not in _PEOPLE_CATEGORIES):
                    return Side(column=other[0], name=other[1], reason=why)
                return Side(reason=f"{side.name} did the `{f.predicate.strip()}`; whose losses the figure counts is not said")
        if side.name is None and f.category in _LOSS_CATEGORIES and not f.party_mentions \
                and (heading := _LOSS_HEADING.fullmatch(self.section_for(f.start) or "")) is not None:
            # `## GNA losses` over `- Misrata central hospital: 712 killed`: the heading's party.
            for s, e, party in self.sides.party_mentions(heading.group("who"), 0, len(heading.group("who")))[:1]:
                named = self.sides.side_for_mention(party, f"the section `{heading.group(0).strip()}`")
                if named is not None:
                    return named
        if side.name is None and (f.noun or f.role) and f.population is not Population.CIVILIAN \
                and (role := self.sides.role_side(f.noun or f.role)) is not None:
            return role
        if side.name is None and side.reason is None:
            return Side(reason="neither the figure's words nor its sentence say whose it is")
        return side

    def _opening_party(self, lo: int, at: int, reach: int = 60) -> tuple[int, int, str] | None:
        """The first party named in the ``reach`` characters from ``lo`` (and before ``at``):
        the party a sentence opens on."""
        opening = self.sides.party_mentions(self.text, lo, min(at, lo + reach))
        return opening[0] if opening else None

    def _openers_opponent(self, lo: int, at: int) -> Side | None:
        """`The Defense Forces of Ukraine hold the line, where the enemy has lost ...`: with no
        claimant's side to go by, the enemy of the party the sentence opens on."""
        opening = self._opening_party(lo, at)
        if opening is None or opening[0] - lo > 40:
            return None
        s, e, party = opening
        hit = self.sides.party(party)
        other = self.sides.opponent_of(hit[1]) if hit is not None else None
        if other is None:
            return None
        return Side(column=other[0], name=other[1], reason=f"`the enemy` of {self.text[s:e]}, the subject")

    def _voice_side(self) -> str | None:
        """The party of the body whose own statement the document is (its masthead), else the
        one party the text names beside its own first person (`the Chinese People's Volunteers
        (CPV) fought one of the most glorious battles in the history of our army`), if any."""
        if self._publisher is not None and (party := self._classify(self._publisher)[1]) is not None:
            return party
        if self._text_voice is _UNSET:
            self._text_voice = self._first_person_party()
        return self._text_voice  # type: ignore[return-value]

    def _first_person_party(self) -> str | None:
        """The one party named beside the text's first `our army` (in its first 20,000
        characters) whose words, to the next full stop or line end, report nobody's."""
        text = self.text
        for m in _OUR_FORCE.finditer(text, 0, min(len(text), 20_000)):
            # (a window to the next `. ` or line end, not a sentence: a quotation's closing
            # mark ends no window, so `"... our soldiers saw ...," he said` reports someone)
            start = max(text.rfind(". ", 0, m.start()) + 2, text.rfind("\n", 0, m.start()) + 1)
            end = min((e for e in (text.find(". ", m.end()), text.find("\n", m.end())) if e != -1), default=len(text))
            if _REPORTED.search(text, start, end):
                continue  # `rejects Indian claims that 70 of our soldiers ...`: another's words
            # (not a party the text fights: `took Bentiu from the regime and its allies, the Sudanese rebel JEM`)
            named = {party for s, _, party in self.sides.party_mentions(text, start, end)
                     if not _OPPOSED_TO.search(text, max(start, s - 50), s)}
            if len(named) == 1:
                hit = self.sides.party(named.pop())
                return hit[1] if hit is not None else None
        return None

    def _claimants_opponent(self, attribution: Attribution, words: str) -> Side | None:
        """The side opposed to the claimant (`the enemy` in a belligerent's statement)."""
        if not attribution.claimant_side:
            return None
        other = self.sides.opponent_of(attribution.claimant_side)
        if other is None:
            return None
        return Side(column=other[0], name=other[1], reason=f"{words} is the side opposed to the claimant ({attribution.claimant})")

    def _agent(self, f: Figure, lo: int, resolved) -> tuple[int, int, str, str] | None:
        """(start, end, party, verb) of the party that did what a verb right before the figure
        says (`Austrian artillery killed 3,000 attackers`, `Russian forces broke through, taking
        20,000 prisoners`): the first party of the verb's clause (of the sentence, for a
        participle after a comma) that is no source and follows no preposition."""
        text = self.text
        verb = _agent_verb().search(text, max(lo, f.start - 50), f.start)
        if verb is None or verb.group("v").lower().startswith("tak") and f.category is not Category.CAPTURED:
            return None
        at = verb.start("v")
        participle = verb.group("v").lower().endswith("ing") and text[lo:at].rstrip().endswith(",")
        dateline = DATELINE.match(text, lo, at)
        if dateline is not None:
            lo = dateline.end()  # `NIAMEY, Dec 11 (Reuters) -`: a place, no doer
        # A finite verb's subject is in its own clause (`adding that troops had killed 45`: not
        # the party that opens the sentence).
        clause = lo if participle else max([lo] + [m.end() for m in _SUBJECT_CLAUSE.finditer(text, lo, at)])
        if participle:
            at = text.rfind(",", lo, at)
        sources = [(r.source_start, r.source_end) for r, _, _ in resolved if r.source_start is not None]
        for s, e, party in _subjects(text, clause, at, sources, self.sides.party_mentions)[:1]:
            return s, e, party, verb.group("v")
        return None

    def _named_in_full(self, head: str, before: int) -> Side | None:
        """The party whose full name, given earlier in the document, ends with ``head``
        (`the front` after `the Tigray People's Liberation Front (TPLF)`): the last such name."""
        text = self.text
        # (function words inside a name: `the 6th Republic of Korea Division`)
        name = re.compile(rf"(?:\d+(?:st|nd|rd|th)|[A-Z][\w'’\-]*)(?:[ \t]+(?:of|the|and|\d+(?:st|nd|rd|th)|[A-Z][\w'’\-]*)){{0,6}}"
                          rf"[ \t]+{re.escape(head.capitalize())}\b")
        found = None
        for found in name.finditer(text, max(0, before - 3000), before):
            pass
        if found is None:
            return None
        for s, e, party in self.sides.party_mentions(text, found.start(), found.end() + 12):
            side = self.sides.side_for_mention(party, f"`the {head.lower()}` is the {found.group(0).strip()}, named before")
            if side is not None:
                return side
        return None

    # --- units, outcomes, commanders, quotations -------------------------------------------

    def _units(self, lo: int, hi: int, resolved, section, paragraph: int, index: int) -> None:
        text = self.text
        skip = [(r.source_start, r.source_end) for r, _, _ in resolved if r.source_start is not None]
        for m in _UNIT_RE.finditer(text, lo, hi):
            unit = parse_unit(m.group(0))
            if unit is None:
                continue
            side = self.sides.infer(text, m.start(), m.end(), lo, hi, skip)
            self.claims.append(build_claim(
                self.document, kind=Kind.UNIT, subject=self.subject, side=side, value=unit,
                start=m.start(), end=m.end(), attribution=self._attribution(m.start(), m.end(), resolved, paragraph, index),
                rule="prose.unit", section=section,
            ))

    def _outcomes(self, lo: int, hi: int, resolved, hedges, section, paragraph: int, index: int) -> None:
        """Decisive outcome clauses whose side the clause names: the subject before the verb
        (`the Armenian troops failed to achieve their goals`) or, for a victory, a defeat or a
        change of control, the party after it (`a costly victory for the JNA`). A clause that
        names no side (`They withdrew`) says nothing the result can be checked against."""
        text = self.text
        skip = [(r.source_start, r.source_end) for r, _, _ in resolved if r.source_start is not None]
        for m in _OUTCOME_RE.finditer(text, lo, hi):
            start = max(text.rfind(",", lo, m.start()) + 1, text.rfind(";", lo, m.start()) + 1, lo)
            end_comma = [p for p in (text.find(",", m.end(), hi), text.find(";", m.end(), hi)) if p != -1]
            end = min(end_comma) if end_comma else hi
            while start < end and text[start] in " \t":
                start += 1
            lead = _LEAD_RE.match(text[start:end])
            if lead:
                start += lead.end()
            while end > start and text[end - 1] in " .\t":
                end -= 1
            if end <= start or not start <= m.start():
                continue
            if m.group(0).strip().lower() in ("surrendered", "withdrew", "retreated") and re.search(r"\d", text[start:m.start()]):
                continue  # `250 troops had surrendered`: a count of people, the figure says it
            if _SIDE_AFTER_RE.match(text, m.start()):
                side = self._named_side(m.end(), end, skip, "the clause names {} after the outcome")
                if side is None:
                    side = self._named_side(start, m.end(), skip, "the clause names {}")
            else:
                side = self._named_side(start, m.start(), skip, "the subject names {}")
            if side is None:
                continue
            self.claims.append(build_claim(
                self.document, kind=Kind.EVENT, subject=self.subject, side=side,
                value=TextValue(" ".join(text[start:end].split())), start=start, end=end,
                attribution=self._attribution(start, end, resolved, paragraph, index),
                rule="prose.outcome", hedges=tuple(hedges), section=section,
            ))

    def _named_side(self, lo: int, hi: int, skip, reason: str) -> Side | None:
        text = self.text
        for s, e, party in party_mentions(text, lo, hi):
            if any(a <= s < b for a, b in skip):
                continue
            side = self.sides.side_for_mention(party, reason.format(text[s:e]))
            if side is not None:
                return side
        for m in _NAME_TOKEN_RE.finditer(text, lo, hi):
            if any(a <= m.start() < b for a, b in skip):
                continue
            hit = self.sides.party(m.group(0))
            if hit is not None and hit[0] is not None:
                return Side(column=hit[0], name=hit[1], reason=reason.format(m.group(0)))
        return None

    def _commanders(self, lo: int, hi: int, section) -> None:
        """People named with a military or leadership title (`Rebel leader Denis Pushilin`,
        `Defense Minister Sergei Shoigu`) or as the one commanding (`commanded by X`)."""
        text = self.text
        seen: set[tuple[int, int]] = set()
        for pattern in (_TITLE_RE, _COMMANDED_BY, _APPOSED_COMMANDER):
            for m in pattern.finditer(text, lo, hi):
                which = "name2" if "name2" in m.groupdict() and m.group("name2") else "name"
                s, e = m.start(which), m.end(which)
                if (s, e) in seen:
                    continue
                seen.add((s, e))
                title = next((m.group(g).strip() for g in ("title", "title2") if m.groupdict().get(g)), None)
                side = Side()
                named = party_mentions(text, m.start(), s)
                if named:
                    # Only a belligerent of the document: `Soviet leader X` may be a former title.
                    hit = self.sides.party(named[0][2])
                    if hit is not None and hit[0] is not None:
                        side = Side(column=hit[0], name=hit[1], reason=f"the title names {text[named[0][0]:named[0][1]]}")
                self.claims.append(build_claim(
                    self.document, kind=Kind.COMMANDER, subject=self.subject, side=side,
                    value=Person(name=" ".join(text[s:e].split()), rank=title), start=m.start() if title else s, end=e,
                    attribution=Attribution(document=self.document.id), rule="prose.commander", section=section,
                ))

    def _quotations(self, lo: int, hi: int, resolved, section) -> None:
        text = self.text
        for m in _QUOTE_RE.finditer(text, lo, min(len(text), hi + 1)):
            inner = m.group("q") or m.group("q2")
            if len(inner.split()) < 4:
                continue
            claimant = None
            for r, c, _ in resolved:
                if c and (r.form == "quote" and r.content_start <= m.start() < r.content_end or r.covers(m.start(), m.end())):
                    claimant = c
                    break
            attribution = Attribution(document=self.document.id)
            if claimant:
                cls, side = self._classify(claimant)
                attribution = Attribution(document=self.document.id, claimant=claimant, claimant_class=cls,
                                          claimant_side=side, evidence="a speaker named with the quotation")
            self.claims.append(build_claim(
                self.document, kind=Kind.OTHER, subject=self.subject, side=Side(),
                value=TextValue(" ".join(inner.split())), start=m.start(), end=min(m.end(), len(text)), attribution=attribution,
                rule="prose.quotation", section=section,
            ))


_EVIDENCE = {
    "according": "`according to` (or `per`, `citing`) names the source in the same sentence",
    "source_before": "a reporting verb with its source before it in the same sentence",
    "source_after": "a reporting verb with its source after the statement in the same sentence",
    "passive": "a passive reporting verb with its agent (`was reported by X`)",
    "possessive": "a possessive source (`X's figures`) in the same sentence",
    "gapped": "a second source sharing the first one's reporting verb (`A give 300, B 500`)",
    "quote": "the speaker of the quotation",
    "headline": "the source a headline names",
    "note": "a note in brackets right after the figure",
    "citation": "an author-date citation after the statement (`(Glantz 1995)`)",
}

# `(Glantz 1995)`, `(Glantz and House 1995: 134)`, `(Overy et al., 1997, p. 12)`.
_CITATION = re.compile(rf"\((?:{AUTHOR_DATE.pattern})\)")
# `These figures come from the Russian archives`, `The data are based on the work of X`.
_ORIGIN = re.compile(
    r"(?i)[ \t\"“]*(?:these|those|the|this|that|all)[ \t]+(?:\w+[ \t]+){0,2}?(?:figures?|numbers?|data|estimates?|statistics"
    r"|totals?|tolls?|counts?)[ \t]+(?P<cue>(?:all[ \t]+)?(?:comes?|came|(?:are|were|is|was)[ \t]+(?:taken|drawn|derived|based)|derive)"
    r"[ \t]+(?:from|on))[ \t]+(?:the[ \t]+(?:work|research|records|study|studies|count|figures|data)[ \t]+of[ \t]+)?"
    r"(?P<src>(?:the[ \t]+)?[A-Za-z][\w'’\-]*(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?[A-Za-z][\w'’\-]*){0,6}?)[ \t]*[.;]"
)


_PRONOUN_SUBJECT = re.compile(r"[ \t]*(?:They|Their|It|Its)\b")
_ELLIPSIS_GAP = re.compile(r"[ \t]*(?:(?:in|at|near|on)[ \t]+[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*)?[ \t]*)?(?:,[ \t]*)?(?:and[ \t]+)?")
_OPENS_QUOTE = re.compile(r"[ \t]*[\"“]")


def _citations(text: str, lo: int, hi: int) -> list[Relation]:
    """Author-date citations in ``text[lo:hi]``: each is the source of what comes before it,
    back to the previous citation or the sentence's start."""
    out = []
    if text.find("(", lo, hi) == -1:
        return out  # most sentences cite nothing
    start = lo
    for m in _CITATION.finditer(text, lo, hi):
        s, e = m.span("who")
        out.append(Relation(text[s:e], s, e, "()", m.start(), m.end(), start, m.start(), "citation", "assert"))
        start = m.end()
    return out


def _gap(text: str, a: Figure, b: Figure) -> str:
    """The text between two figures of a sentence: after ``a``'s predicate when ``b`` follows
    it (`28 vehicles were captured - 8 tanks`), else after its noun phrase."""
    return text[a.end if a.end <= b.start else a.np_end:b.start]


# The opening of a partitive right before a figure, at the start of its clause (`Of Hue's `).
_WHOLE_BEFORE_PART = re.compile(r"(?:^|[.;:\n])[^\S\n]*(?:Of|Out[^\S\n]+of|Among)[^\S\n]+(?:[\w'’\-]+[^\S\n]+){0,4}$")


def _list_gap(text: str, a: Figure, b: Figure) -> bool:
    """Whether ``b`` is the next member of a list that ``a`` is in (`A, B and C`)."""
    m = _LIST_SEP.match(_gap(text, a, b))
    if m is None or m.start() != 0:
        return False
    # `Of Hue's 140,000 inhabitants, 116,000 were left homeless`: the whole a partitive opens
    # with is no member of a list with the part after its comma.
    # (read in a window before the figure: a scan back to the clause's start would cross the
    # whole text for every pair of figures in a page without a full stop)
    return _WHOLE_BEFORE_PART.search(text, max(0, a.start - 120), a.start) is None


def _after_comma(text: str, pos: int, hi: int) -> int:
    m = re.compile(r"[ \t]*,[ \t]*").match(text, pos, hi)
    return m.end() if m else pos


def extract_prose(document: Document, problems: list | None = None) -> list[Claim]:
    """Every claim found in the document's prose; impossible dates go to ``problems``."""
    extractor = _Extractor(document)
    claims = extractor.run()
    if problems is not None and extractor.dates.problems:
        from claims.textmap import LineMap

        lines = LineMap(document.text)
        for p in extractor.dates.problems:
            line, column = lines.position(p.start)
            problems.append(Problem(f"“{p.text}” is no date that exists ({p.reason}); left out", line, column))
    return claims
