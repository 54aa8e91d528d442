"""Claims from prose: figures, dates, units, outcomes and quotations, with attribution.

The text is cut into paragraphs and sentences (tolerating `retreat.Several`, a period with no
space). A cheap prefilter decides which sentences get the expensive patterns: figures and
dates only where there is a digit, a number word or a month; attribution only where there is
something to attribute. A sentence-initial `According to X,` is carried over the following
sentences of its paragraph as *inherited* attribution, so a reviewer sees it was not restated.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from claims.extract.attribution import FoundAttribution, classify_claimant, find_attributions, find_hedges, is_unnamed
from claims.extract.dates import DateContext, find_dates
from claims.extract.infobox import _default_year, _subject, document_year_mentions, parse_unit
from claims.extract.quantities import FoundQuantity, find_quantities
from claims.extract.sides import _DEMONYM_RE, SideResolver
from claims.extract.spans import build_claim
from claims.extract.references import ReferenceIndex, cite_claims
from claims.model import Attribution, Claim, Document, DocumentFormat, Hedge, Kind, Quantity, Side, TextValue

_ABBREVIATIONS = {
    "gen", "col", "lt", "maj", "capt", "sgt", "mr", "mrs", "ms", "dr", "st", "no", "vs", "approx",
    "est", "e.g", "i.e", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.n", "ca", "cf", "prof", "adm", "brig", "pp", "p", "vol", "fig",
}
_BOUNDARY_RE = re.compile(r"[.!?]+[\"”’)\]]*(?:\[\d+\]|\[citation needed\])*(?:\s+|(?=[A-Z][a-z]))")
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
    r"|(?:a\s+)?(?:decisive\s+|pyrrhic\s+|costly\s+)?(?:victory|defeat)\s+(?:for|of)"
    r"|ended\s+(?:in|with)\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:victory|defeat))"
)
#: Outcomes whose side is named after the verb (`victory for the JNA`, `came under the control of
#: the Armenians`); for the others the side is the subject, named before it.
_SIDE_AFTER_RE = re.compile(r"came|(?:a\s+)?(?:decisive\s+|pyrrhic\s+|costly\s+)?(?:victory|defeat)|ended")
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
_NAME_TOKEN_RE = re.compile(r"\b[A-Z]{2,6}\b")  # an acronym (`JNA`, `NKR`)
_LIST_SEP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)")
_TOTAL_SEP_RE = re.compile(r"\s*(?:[-–—:]|,?\s*(?:including|of\s+which|among\s+them|comprising|namely)\b)\s*")
_INHERIT_SENTENCES = 3
#: How each form of attribution is described to the reviewer.
_EVIDENCE = {
    "according_to": "`according to` in the same sentence",
    "said": "a speech verb (said, claimed, reported...) in the same sentence",
    "verb": "a speech verb (said, claimed, reported...) in the same sentence",
    "per": "`per` in the same sentence",
    "possessive": "a possessive source (`X's data`) in the same sentence",
    "who": "named in the same sentence",
}
#: One pass over the lower-cased prose finds everything that can make a sentence worth the
#: expensive patterns; each group is a flag for the sentence the hit falls in.
_TRIGGER_RE = re.compile(
    r"(?P<digit>\d+)"
    r"|(?P<quote>[“\"])"
    r"|(?P<words>\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety|hundred|thousand|million|dozen)\b)"
    r"|(?P<month>\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|winter|fall"
    r"|day|later|after))"
    r"|(?P<attr>accord|said|says|stat|claim|report|admit|estimat|announc|confirm|wrote|told|per\s|['’]s\s)"
    r"|(?P<outcome>fail|manag|succeed|able|forced|withdr|retreat|surrender|control|captured|victory|ended"
    r"|defeat|repel|repuls|routed)"
    r"|(?P<hedge>alleg|believ|sources|official|possibl|perhaps|probabl|unconfirm|unverif|may\s+have"
    r"|might|unclear|presum|suppos|purport|thought)"
)
_DIGIT_RE = re.compile(r"\d")
_YEAR_TRIGGER = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)")


def _alternation(words: list[str], boundary: bool = False) -> str:
    r"""``words`` as one group factored by first letter (`t(?:wo|en|hree)`): the regex engine
    then skips a position after one character test instead of one per word. ``boundary``
    asks for a word boundary before each word, written as a lookbehind after its first letter
    (`t(?<!\w.)(?:wo|en)`) so the pattern still starts with a literal."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    parts = []
    for first, rests in by_first.items():
        rests = sorted(set(rests), key=len, reverse=True)
        guard = r"(?<!\w.)" if boundary else ""
        parts.append(re.escape(first) + guard + ("(?:" + "|".join(rests) + ")" if rests != [""] else ""))
    return "(?:" + "|".join(parts) + ")"


_NUMBER_TRIGGER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
    " seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand"
    " million dozen"
).split()
_MONTH_TRIGGER_WORDS = "jan feb mar apr may jun jul aug sep oct nov dec spring summer autumn winter fall day later after".split()


# The prefilter. A sentence can only yield a claim if it holds a digit, a quotation mark, a
# number word, a capitalised month name, a relative-date word (`next`, `following`, `same`,
# `later`, `after`) or an outcome verb; a paragraph can only pass an attribution on to the next
# sentences if it says `according`. Each pattern below is a necessary condition for one of the
# extractors to find anything (checked against their patterns, case included), scanned with
# a first-character skip, so whole paragraphs with nothing in them cost a few regex scans.
_MONTH_ABBREVIATIONS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_RELATIVE_WORDS = "next following same later after".split()
#: On the text: capitalised months (``_MONTH`` in dates.py is case-sensitive), relative-date
#: words and outcome verbs (``_RELATIVE_RE``/``_OUTCOME_RE`` are case-sensitive, lower case).
_HINT_WORDS = re.compile(_alternation(
    _MONTH_ABBREVIATIONS + _RELATIVE_WORDS
    + "failed managed succeeded forced withdrew retreated surrendered control captured victory ended".split()
    + "defeat repelled repulsed routed".split()
    + [r"able\s+to"]  # `(?:was|were)\s+able\s+to`: not `considerably`
))
#: On the lower-cased text: the number words of the trigger (``words`` flag), exactly.
_WORDS_FLAG = re.compile(_alternation(_NUMBER_TRIGGER_WORDS, boundary=True) + r"\b")
#: On the lower-cased text: the ``month`` flag of the trigger, exactly.
_MONTH_FLAG = re.compile(_alternation(_MONTH_TRIGGER_WORDS, boundary=True))
#: On the text, with a digit: anything ``find_dates`` can start from (its month names are
#: case-sensitive and may follow a letter, as in `midJanuary`; relative dates are lower case).
_DATE_HINT = re.compile(_alternation(_MONTH_ABBREVIATIONS + _RELATIVE_WORDS))
#: On the lower-cased text: a necessary condition for ``find_attributions`` or ``find_hedges``
#: to find anything. Only then are the trigger's ``attr`` and ``hedge`` flags computed, exactly.
_ATTR_HEDGE_HINT = re.compile(_alternation(
    ["'", "’", r"per\s", r"est\.", r"may\s+have", r"might\s+have", r"put\s+the"]
    + "accord said says stat claim report admit estimat announc confirm wrote writes asserted alleg told"
      " acknowledged noted declared insisted maintained counted suppos purport believ thought sources"
      " accounts witnesses observers official possibly perhaps probably unconfirmed unverified unclear"
      " presumably".split()
))
# Bits of a sentence's prefilter mask.
_HAS_DIGIT = 1
_HAS_QUOTE = 8
_HAS_HINT_WORD = 2
_HAS_NUMBER_WORD = 4  # only looked for in sentences without a digit
_HINT_DIGIT = re.compile(r"\d")
_HINT_DIGIT_QUOTE = re.compile(r"[\d\"“]")
_HINT_QUOTE = re.compile(r"[\"“]")
_OUTCOME_HINT = re.compile(_alternation(
    "failed managed succeeded forced withdrew retreated surrendered control captured victory ended".split()
    + "defeat repelled repulsed routed".split()
    + [r"able\s+to"]
))
#: On the lower-cased text: a necessary condition for ``find_hedges`` to find anything.
_HEDGE_HINT = re.compile(_alternation(
    "alleg suppos purport report believ thought said estimat sources accounts witnesses observers official"
    " possibly perhaps probably unconfirmed unverified unclear presumably".split()
    + [r"est\.", r"may\s+have", r"might\s+have"]
))
#: On the lower-cased text: the trigger's ``attr`` and ``hedge`` alternatives on their own. A hit
#: counts only if the trigger's scan would match it there too (see ``_Extractor._unhidden``).
_ATTR_ALONE = re.compile(_alternation(
    "accord said says stat claim report admit estimat announc confirm wrote told".split() + [r"per\s", r"'s\s", r"’s\s"]
))
_HEDGE_ALONE = re.compile(_alternation(
    "alleg believ sources official possibl perhaps probabl unconfirm unverif might unclear presum suppos purport"
    " thought".split() + [r"may\s+have"]
))


_TOKEN_TAIL_RE = re.compile(r"[\w.]+\Z")
_LEAD_RE = re.compile(r"(?:and|but|while|whereas|so|then)\s+")


@dataclass
class _Sentence:
    start: int
    end: int
    paragraph: int


def _split_line(text: str, pos: int, line_end: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences of the non-blank line ``text[pos:line_end]``, empty ones
    dropped. A period after an abbreviation (`Gen.`, `e.g.`) or an initial (`A.`) is no boundary."""
    out: list[tuple[int, int]] = []
    start = pos
    for m in _BOUNDARY_RE.finditer(text, pos, line_end):
        at = m.start()
        if text[at] == "." and at > pos:
            # The token before the period is the run of word characters and dots that ends
            # there, within 12 characters (what `([\w.]+)\.?...$` finds on that window); the
            # character before the period is never a period (the boundary takes them all).
            c = text[at - 1]
            if c.isalnum() or c == "_":
                token = text[_TOKEN_TAIL_RE.search(text, max(pos, at - 12), at).start():at].lower()
                if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                    continue
        end = m.end()
        e = end
        while e > start and text[e - 1] in " \t\r\n":
            e -= 1
        if e > start:
            out.append((start, e))
        start = end
    if start < line_end and text[start:line_end].strip():
        e = line_end
        while e > start and text[e - 1] in " \t\r\n":
            e -= 1
        if e > start:
            out.append((start, e))
    return out


def split_sentences(text: str, lo: int, hi: int) -> list[_Sentence]:
    """Sentences of ``text[lo:hi]``; paragraphs are lines. Tolerates `retreat.Several`."""
    out: list[_Sentence] = []
    paragraph = 0
    pos = lo
    while pos < hi:
        nl = text.find("\n", pos, hi)
        line_end = hi if nl == -1 else nl
        if line_end > pos and text[pos:line_end].strip():
            for a, b in _split_line(text, pos, line_end):
                out.append(_Sentence(a, b, paragraph))
            paragraph += 1
        pos = line_end + 1
    return out


def prose_regions(document: Document) -> list[tuple[int, int]]:
    """Where the prose is: from ``body_start`` on, plus a lead paragraph the reader found
    before the infobox table (some scraped pages put one there). Wikitext's prose ranges are
    exact (the reader cut out refs, templates and tables), so they are the regions."""
    if document.format is DocumentFormat.WIKITEXT:
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
        self.text = document.text
        self.sides = SideResolver(document)
        self.subject = _subject(document)
        default_year = _default_year(document)
        self.dates = DateContext(default_year=default_year, year_mentions=document_year_mentions(document))
        self.claims: list[Claim] = []
        self._section_starts = [s.start for s in document.sections]
        self._attributions: dict[tuple, Attribution] = {}
        self.inherited: tuple[FoundAttribution, int, int] | None = None  # (attr, paragraph, sentence index)
        self.lower = self.text

    def section_for(self, offset: int) -> str | None:
        """The innermost section holding ``offset`` (sections are sorted by start)."""
        index = bisect_right(self._section_starts, offset)
        for s in reversed(self.document.sections[max(0, index - 8):index]):
            if s.start <= offset < max(s.end, s.start + 1):
                return s.title
        return None

    def attribution(self, claimant: str | None, *, inherited: bool = False, evidence: str | None = None) -> Attribution:
        key = (claimant, inherited, evidence)
        hit = self._attributions.get(key)
        if hit is not None:
            return hit
        if claimant is None:
            made = Attribution(document=self.document.id)
        else:
            cls, side = classify_claimant(claimant, self.sides)
            made = Attribution(document=self.document.id, claimant=claimant, claimant_class=cls,
                               claimant_side=side, inherited=inherited, evidence=evidence)
        if len(self._attributions) < 10_000:
            self._attributions[key] = made
        return made

    def run(self) -> list[Claim]:
        text = self.text
        lower = text.lower()
        if self.document.format is DocumentFormat.WIKITEXT:
            self.lower = lower if len(lower) == len(text) else text
            self._wikitext()
            return self.claims
        if len(lower) != len(text):
            # A character changed length when lower-cased (`İ`): the trigger then runs on the
            # text as it is; keep the plain path for such documents.
            return self.run_reference()
        self.lower = lower
        for lo, hi in prose_regions(self.document):
            self._region(lo, hi)
        return self.claims

    def _region(self, lo: int, hi: int) -> None:
        """The prose in ``text[lo:hi]``: only paragraphs the prefilter lets through are split,
        and only their sentences with a hint (or all of a paragraph saying `according`, whose
        attribution may carry over) are looked at. Paragraph ids: 0 for the region's first
        non-blank line (as the sentence-by-sentence path numbers them), else line offset + 1."""
        text = self.text
        lower = self.lower
        digit_or_quote = _HINT_DIGIT_QUOTE.search
        digit = _HINT_DIGIT.search
        quote = _HINT_QUOTE.search
        hint_word = _HINT_WORDS.search
        numbers = _WORDS_FLAG.search
        first = True
        pos = lo
        while pos < hi:
            nl = text.find("\n", pos, hi)
            line_end = hi if nl == -1 else nl
            if line_end > pos:
                if first:
                    if not text[pos:line_end].strip():
                        pos = line_end + 1
                        continue
                    para = 0
                    first = False
                else:
                    para = pos + 1
                found = []
                m = digit_or_quote(text, pos, line_end)
                if m is not None:  # one scan for both in lines that have neither
                    for search, bit in ((digit, _HAS_DIGIT), (quote, _HAS_QUOTE)):
                        m2 = search(text, m.start(), line_end)
                        if m2 is not None:
                            found.append((m2.start(), search, text, bit))
                m = hint_word(text, pos, line_end)
                if m is not None:
                    found.append((m.start(), hint_word, text, _HAS_HINT_WORD))
                accord = lower.find("accord", pos, line_end) != -1
                # Number words only matter in sentences without a digit; look for them in the
                # whole line only when nothing else makes it worth splitting.
                number_at = -1  # -1: not looked for in the whole line, -2: looked for, none
                if not found:
                    m = numbers(lower, pos, line_end)
                    number_at = -2 if m is None else m.start()
                if (found or accord or number_at >= 0) and (para or text[pos:line_end].strip()):
                    sentences = _split_line(text, pos, line_end)
                    n = len(sentences)
                    ends = [b for _, b in sentences]
                    masks = [0] * n
                    if number_at >= 0:
                        found.append((number_at, numbers, lower, _HAS_NUMBER_WORD))
                    # Which sentences each hint pattern hits: one search per hit sentence.
                    for at, search, string, bit in found:
                        while True:
                            k = bisect_right(ends, at)
                            if k == n:
                                break
                            a, b = sentences[k]
                            if a <= at:
                                masks[k] |= bit
                                at = b
                            else:
                                at = a
                            m = search(string, at, line_end)
                            if m is None:
                                break
                            at = m.start()
                    for index in range(n):
                        mask = masks[index]
                        if number_at == -1 and not mask & _HAS_DIGIT:
                            a, b = sentences[index]
                            if numbers(lower, a, b) is not None:
                                mask |= _HAS_NUMBER_WORD
                        if mask or accord:
                            a, b = sentences[index]
                            self._sentence(a, b, para, index, None, hi, mask)
            pos = line_end + 1

    def _wikitext(self) -> None:
        """Wikitext prose: the reader's ranges are pieces of lines between markup (a `<ref>`
        cuts a line in two). The pieces of one line are one paragraph, their sentences numbered
        across the pieces, so an `According to X,` carries over a `<ref>` as over a full stop.
        A claim cites the reference right after it or after its sentence."""
        text = self.text
        lower = self.lower
        index_refs = ReferenceIndex(self.document) if self.document.references else None
        ranges = self.document.prose
        i = 0
        n = len(ranges)
        while i < n:
            first = ranges[i][0]
            line_start = text.rfind("\n", 0, first) + 1
            line_end = text.find("\n", first)
            if line_end == -1:
                line_end = len(text)
            sentences: list[tuple[int, int, int]] = []
            while i < n and ranges[i][0] < line_end:
                lo, hi = ranges[i]
                sentences.extend((a, b, hi) for a, b in _split_line(text, lo, hi))
                i += 1
            accord = lower.find("accord", line_start, line_end) != -1
            para = line_start + 1
            for index, (a, b, hi) in enumerate(sentences):
                mask = 0
                if _HINT_DIGIT.search(text, a, b) is not None:
                    mask |= _HAS_DIGIT
                elif _WORDS_FLAG.search(lower, a, b) is not None:
                    mask |= _HAS_NUMBER_WORD
                if _HINT_QUOTE.search(text, a, b) is not None:
                    mask |= _HAS_QUOTE
                if _HINT_WORDS.search(text, a, b) is not None:
                    mask |= _HAS_HINT_WORD
                if not (mask or accord):
                    continue
                before = len(self.claims)
                self._sentence(a, b, para, index, None, hi, mask)
                if index_refs is not None and len(self.claims) > before:
                    cite_claims(index_refs, self.claims, before, b)

    def run_reference(self) -> list[Claim]:
        """Every sentence, flags from one trigger scan per region (the slow, plain path)."""
        lower = self.text.lower()
        if len(lower) != len(self.text):
            lower = self.text  # a character changed length when lower-cased; offsets must hold
        self.lower = lower
        for lo, hi in prose_regions(self.document):
            sentences = split_sentences(self.text, lo, hi)
            flags: list[set[str]] = [set() for _ in sentences]
            k = 0
            n = len(sentences)
            for m in _TRIGGER_RE.finditer(lower, lo, hi):
                pos = m.start()
                while k < n and sentences[k].end <= pos:
                    k += 1
                if k == n:
                    break
                if sentences[k].start <= pos:
                    flags[k].add(m.lastgroup)
            for index, sentence in enumerate(sentences):
                self._sentence(sentence.start, sentence.end, sentence.paragraph, index, flags[index], hi)
        return self.claims

    def _unhidden(self, alone: re.Pattern, group: str, lo: int, hi: int, region_hi: int) -> bool:
        r"""Whether the trigger's scan over the region has a ``group`` match in ``[lo, hi)``.

        The scan's matches do not overlap, so a hit of ``alone`` may be swallowed by an earlier
        match (`confirm` inside `unconfirmed`, `may have` after the month `may`). For each hit
        the scan is replayed from the start of its run of ASCII letters and digits: no trigger
        match runs into such a run from before it (only `per\s`, `'s\s` and `may\s+have` cross
        a non-alphanumeric character, and they end at or inside a word that starts no trigger),
        so the replay sees the same matches the whole scan does."""
        lower = self.lower
        pos = lo
        search = alone.search
        while True:
            hit = search(lower, pos, hi)
            if hit is None:
                return False
            q = hit.start()
            w = q
            while w > lo:
                c = lower[w - 1]
                if ("a" <= c <= "z") or ("0" <= c <= "9"):
                    w -= 1
                else:
                    break
            for m in _TRIGGER_RE.finditer(lower, w, region_hi):
                start = m.start()
                if start > q:
                    break
                if m.lastgroup == group:
                    return True
            pos = q + 1

    def sentence(self, s: _Sentence, index: int, flags: set[str]) -> None:
        self._sentence(s.start, s.end, s.paragraph, index, flags, s.end)

    def _sentence(self, lo: int, hi: int, para: int, index: int, flags: set[str] | None, region_hi: int,
                  mask: int = 0) -> None:
        """One sentence. ``flags`` are the trigger's groups, or None: then each is worked out
        only when an extractor could find something, from ``mask`` (the prefilter patterns that
        hit the sentence, ``_HAS_*`` bits) and the patterns above."""
        text = self.text
        inherited = self.inherited
        if inherited is not None and (inherited[1] != para or index - inherited[2] > _INHERIT_SENTENCES):
            self.inherited = inherited = None
        if flags is not None:
            if not flags:
                return
            has_attr = "attr" in flags
            hedged = has_attr or "hedge" in flags
        elif _ATTR_HEDGE_HINT.search(self.lower, lo, hi) is not None:
            has_attr = self._unhidden(_ATTR_ALONE, "attr", lo, hi, region_hi)
            hedged = has_attr or self._unhidden(_HEDGE_ALONE, "hedge", lo, hi, region_hi)
        else:
            has_attr = hedged = False
        attributions: list[FoundAttribution] = find_attributions(text, lo, hi) if has_attr else []
        if inherited is not None and attributions:
            self.inherited = inherited = None
        if attributions:
            for a in attributions:
                if a.extends:
                    self.inherited = (a, para, index)
                    break
        if flags is not None:
            has_digit = "digit" in flags
            has_words = "words" in flags
            has_month = "month" in flags
            has_quote = "quote" in flags
            if not (has_digit or has_words or has_month or has_quote or "outcome" in flags):
                return
            run_dates = has_month or (has_digit and _YEAR_TRIGGER.search(text, lo, hi) is not None)
            run_outcomes = "outcome" in flags
        else:
            # Each flag only where its extractor could find something: the same claims.
            has_digit = mask & _HAS_DIGIT
            has_quote = mask & _HAS_QUOTE
            has_words = not has_digit and mask & _HAS_NUMBER_WORD  # the `words` flag exactly
            hint_word = mask & _HAS_HINT_WORD
            run_dates = (has_digit and _YEAR_TRIGGER.search(text, lo, hi) is not None) or (
                (has_digit or (hint_word and _DATE_HINT.search(text, lo, hi) is not None))
                and _MONTH_FLAG.search(self.lower, lo, hi) is not None
            )
            # An _OUTCOME_RE match always carries an `outcome` trigger and an outcome hint word.
            run_outcomes = hint_word and _OUTCOME_HINT.search(text, lo, hi) is not None
        if hedged and (flags is not None or _HEDGE_HINT.search(self.lower, lo, hi) is not None):
            hedges = find_hedges(text, lo, hi)
        else:
            hedges = []
        section = self.section_for(lo)
        skip = [(a.start, a.end) for a in attributions]
        s = _Sentence(lo, hi, para)
        new: list[Claim] = []

        dates = []
        if run_dates:
            dates = find_dates(text, lo, hi, self.dates)
            for d in dates:
                claim = build_claim(
                    self.document, kind=Kind.DATE, subject=self.subject, side=Side(), value=d.value,
                    start=d.start, end=d.end, attribution=self._attr_for(d.start, attributions, s, index),
                    rule="prose.relative_date" if d.relative else "prose.date",
                    hedges=tuple(hedges), section=section,
                )
                new.append(claim)
        if has_digit or has_words:
            excluded = [(d.start, d.end) for d in dates]
            found = find_quantities(text, lo, hi, excluded=excluded,
                                    default_year=self.dates.default_year)
            self._figures(found, s, index, attributions, hedges, section, skip)
            if has_digit:
                self._units(s, index, attributions, section, skip, found)
        if run_outcomes:
            self._outcomes(s, index, attributions, hedges, section, skip)
        if has_quote:
            self._quotations(s, attributions, section)
        self.claims.extend(new)

    def _attr_for(self, offset: int, attributions: list[FoundAttribution], s: _Sentence, index: int,
                  own: str | None = None, own_start: int | None = None) -> Attribution:
        if own is not None and not is_unnamed(own):
            return self.attribution(own, evidence="named beside the figure")
        if attributions:
            before = [a for a in attributions if a.start <= offset]
            chosen = before[-1] if before else attributions[0]
            return self.attribution(chosen.claimant, evidence=_EVIDENCE.get(chosen.form, "named in the same sentence"))
        if self.inherited is not None:
            attr, paragraph, at = self.inherited
            if paragraph == s.paragraph and at < index:
                return self.attribution(attr.claimant, inherited=True,
                                        evidence="carried over from an earlier sentence of the paragraph")
        return self.attribution(None)

    def _figures(self, found: list[FoundQuantity], s: _Sentence, index: int,
                 attributions: list[FoundAttribution], hedges: list[Hedge], section: str | None,
                 skip: list[tuple[int, int]]) -> None:
        text = self.text
        made: list[tuple[FoundQuantity, Claim]] = []
        for q in found:
            if q.kind is None:
                continue
            if q.kind is Kind.STRENGTH and _TYPICAL_SIZE_RE.search(text, max(s.start, q.start - 40), q.start):
                continue  # `groups typically composed of around twenty personnel`: a unit's size
            # The side comes from the figure and its noun phrase, never from its own attribution
            # (`1,600 people killed according to South Ossetian sources`).
            own_skip = skip
            if q.claimant is not None and q.claimant_start is not None:
                own_skip = [*skip, (q.claimant_start, q.claimant_start + len(q.claimant))]
            figure_end = q.body_end if q.body_end is not None else q.end
            figure_start = q.head_start if q.head_start is not None else q.start
            side = self.sides.infer(text, figure_start, figure_end, s.start, s.end, own_skip)
            value = Quantity(low=q.low, high=q.high, qualifier=q.qualifier, category=q.category,
                             population=q.population, unit=q.noun, as_of=q.as_of, increment=q.increment,
                             lost=q.lost)
            claim_hedges = _merge(q.hedges, hedges)
            claim = build_claim(
                self.document, kind=q.kind, subject=self.subject, side=side, value=value,
                start=q.start, end=q.end,
                attribution=self._attr_for(q.start, attributions, s, index, q.claimant, q.claimant_start),
                rule="prose.figure", hedges=claim_hedges, section=section,
            )
            made.append((q, claim))
        # A total followed by its parts: `28 armored vehicles were captured - 8 tanks, 5 ...`.
        i = 0
        while i < len(made):
            q, total = made[i]
            sep = _TOTAL_SEP_RE.match(text, q.end, s.end)
            parts = []
            if sep and q.low is not None:
                pos = sep.end()
                j = i + 1
                while j < len(made) and made[j][0].start == pos:
                    parts.append(j)
                    nxt = _LIST_SEP_RE.match(text, made[j][0].end, s.end)
                    if nxt is None:
                        break
                    pos = nxt.end()
                    j += 1
            if len(parts) >= 2:
                self.claims.append(total)
                for j in parts:
                    part = made[j][1]
                    kind = total.kind if total.kind in (Kind.CAPTURED,) else part.kind
                    part_claim = build_claim(
                        self.document, kind=kind, subject=self.subject,
                        side=part.side if part.side.name else total.side, value=part.value,
                        start=part.span.start, end=part.span.end, attribution=total.attribution,
                        rule="prose.total_parts", hedges=part.hedges, section=section,
                        part_of=total.id,
                    )
                    self.claims.append(part_claim)
                i = parts[-1] + 1
                continue
            self.claims.append(total)
            i += 1

    def _units(self, s: _Sentence, index: int, attributions, section, skip, found) -> None:
        for m in _UNIT_RE.finditer(self.text, s.start, s.end):
            unit = parse_unit(m.group(0))
            if unit is None:
                continue
            side = self.sides.infer(self.text, m.start(), m.end(), s.start, s.end, skip)
            self.claims.append(build_claim(
                self.document, kind=Kind.UNIT, subject=self.subject, side=side, value=unit,
                start=m.start(), end=m.end(), attribution=self._attr_for(m.start(), attributions, s, index),
                rule="prose.unit", section=section,
            ))

    def _outcomes(self, s: _Sentence, index: int, attributions, hedges, section, skip) -> None:
        """Decisive outcome clauses (``_OUTCOME_RE``) whose side the clause names: the subject
        before the verb (`the Armenian troops failed to achieve their goals`) or, for a victory,
        a defeat or a change of control, the party after it (`a costly victory for the JNA`).
        A clause that names no side (`They withdrew`) says nothing the result can be checked
        against, and is left out."""
        text = self.text
        for m in _OUTCOME_RE.finditer(text, s.start, s.end):
            start = max(text.rfind(",", s.start, m.start()) + 1, text.rfind(";", s.start, m.start()) + 1, s.start)
            end_comma = [p for p in (text.find(",", m.end(), s.end), text.find(";", m.end(), s.end)) if p != -1]
            end = min(end_comma) if end_comma else s.end
            while start < end and text[start] in " \t":
                start += 1
            lead = _LEAD_RE.match(text[start:end])
            if lead:
                start += lead.end()
            while end > start and text[end - 1] in " .\t":
                end -= 1
            if end <= start or not start <= m.start():
                continue
            if _SIDE_AFTER_RE.match(text, m.start()):
                side = self._named_side(m.end(), end, skip, "the clause names {} after the outcome")
                if side is None:  # `the Serbian victory ended ...`, `ended in a Croatian defeat`
                    side = self._named_side(start, m.end(), skip, "the clause names {}")
            else:
                side = self._named_side(start, m.start(), skip, "the subject names {}")
            if side is None:
                continue
            self.claims.append(build_claim(
                self.document, kind=Kind.EVENT, subject=self.subject, side=side,
                value=TextValue(text[start:end]), start=start, end=end,
                attribution=self._attr_for(start, attributions, s, index),
                rule="prose.outcome", hedges=tuple(hedges), section=section,
            ))

    def _named_side(self, lo: int, hi: int, skip, reason: str) -> Side | None:
        """The first party named in ``text[lo:hi]`` (a demonym, or a belligerent's name or acronym)
        outside ``skip``, or None."""
        text = self.text
        for m in _DEMONYM_RE.finditer(text, lo, hi):
            if any(a <= m.start() < b for a, b in skip):
                continue
            side = self.sides.side_for_mention(m.group("d"), reason.format(m.group(0)))
            if side is not None:
                return side
        for m in _NAME_TOKEN_RE.finditer(text, lo, hi):
            if any(a <= m.start() < b for a, b in skip):
                continue
            hit = self.sides.party(m.group(0))
            if hit is not None and hit[0] is not None:
                return Side(column=hit[0], name=hit[1], reason=reason.format(m.group(0)))
        return None

    def _quotations(self, s: _Sentence, attributions: list[FoundAttribution], section) -> None:
        text = self.text
        for m in _QUOTE_RE.finditer(text, s.start, min(len(text), s.end + 1)):
            inner = m.group("q") or m.group("q2")
            if len(inner.split()) < 4:
                continue
            speakers = [a for a in attributions if a.form in ("said", "according_to", "per")]
            claimant = speakers[0].claimant if speakers else None
            attribution = self.attribution(claimant, evidence="a speaker named in the sentence" if claimant else None)
            end = min(m.end(), len(text))
            self.claims.append(build_claim(
                self.document, kind=Kind.OTHER, subject=self.subject, side=Side(),
                value=TextValue(inner), start=m.start(), end=end, attribution=attribution,
                rule="prose.quotation", section=section,
            ))


def _merge(first: tuple[Hedge, ...], second: list[Hedge]) -> tuple[Hedge, ...]:
    out = list(first)
    for h in second:
        if not any(x.start == h.start and x.kind == h.kind for x in out):
            out.append(h)
    return tuple(out)


def extract_prose(document: Document) -> list[Claim]:
    """Every claim found in the document's prose."""
    return _Extractor(document).run()
