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
from claims.extract.dates import DateContext, find_dates, year_mentions
from claims.extract.infobox import _default_year, _subject, parse_unit
from claims.extract.numbers import NUMBER_WORDS
from claims.extract.quantities import FoundQuantity, find_quantities
from claims.extract.sides import SideResolver
from claims.extract.spans import build_claim
from claims.model import Attribution, Claim, Document, Hedge, Kind, Quantity, Side, TextValue

_ABBREVIATIONS = {
    "gen", "col", "lt", "maj", "capt", "sgt", "mr", "mrs", "ms", "dr", "st", "no", "vs", "approx",
    "est", "e.g", "i.e", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.n", "ca", "cf", "prof", "adm", "brig", "pp", "p", "vol", "fig",
}
_BOUNDARY_RE = re.compile(r"[.!?]+[\"”’)\]]*(?:\[\d+\]|\[citation needed\])*(?:\s+|(?=[A-Z][a-z]))")
_NUMBER_WORD_TRIGGER = re.compile(
    r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty"
    r"|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|fifteen|thirteen|fourteen"
    r"|sixteen|seventeen|eighteen|nineteen)\b"
)
_MONTH_TRIGGER = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Ff]all\s+of|day|later|after)"
)
_OUTCOME_RE = re.compile(
    r"\b(?:failed\s+to\s+\w+|managed\s+to\s+\w+|succeeded\s+in\s+\w+|(?:was|were)\s+able\s+to\s+\w+"
    r"|forced\s+(?:\w+\s+){0,4}to\s+(?:retreat|withdraw|surrender)|withdrew|retreated|surrendered"
    r"|came\s+under\s+the\s+control\s+of|(?:re)?captured\s+the\s+(?:city|town|village|capital)"
    r"|(?:a\s+)?(?:decisive\s+|pyrrhic\s+|costly\s+)?victory\s+for|ended\s+(?:in|with)\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:victory|defeat))"
)
_OUTCOME_TRIGGER = re.compile(r"fail|manag|succeed|able|forced|withdr|retreat|surrender|control|captured|victory|ended")
_QUOTE_RE = re.compile(r"“(?P<q>[^”\n]{12,600})”|(?<![\w])\"(?P<q2>[^\"\n]{12,600})\"(?![\w])")
_ATTRIBUTION_TRIGGER = re.compile(
    r"(?i)accord|said|says|stat|claim|report|admit|estimat|announc|confirm|wrote|told|per\s|['’]s\s+(?:data|figures|estimate|account)"
)
_UNIT_RE = re.compile(
    r"\b\d{1,4}(?:st|nd|rd|th)\s+(?:(?:[A-Z][\w\-]*|[a-z][\w\-]*)\s+){0,5}?"
    r"(?i:army\s+group|army|corps|division|brigade|regiment|battalion|batallion|detachment|squadron|flotilla)\b"
)
_LIST_SEP_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)")
_TOTAL_SEP_RE = re.compile(r"\s*(?:[-–—:]|,?\s*(?:including|of\s+which|among\s+them|comprising|namely)\b)\s*")
_INHERIT_SENTENCES = 3
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
    r"|(?P<outcome>fail|manag|succeed|able|forced|withdr|retreat|surrender|control|captured|victory|ended)"
    r"|(?P<hedge>alleg|believ|sources|official|possibl|perhaps|probabl|unconfirm|unverif|may\s+have"
    r"|might|unclear|presum|suppos|purport|thought)"
)
_DIGIT_RE = re.compile(r"\d")
_YEAR_TRIGGER = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)")
_QUOTE_TRIGGER = re.compile(r"[“\"]")


@dataclass
class _Sentence:
    start: int
    end: int
    paragraph: int


def split_sentences(text: str, lo: int, hi: int) -> list[_Sentence]:
    """Sentences of ``text[lo:hi]``; paragraphs are lines. Tolerates `retreat.Several`."""
    out: list[_Sentence] = []
    paragraph = 0
    pos = lo
    while pos < hi:
        nl = text.find("\n", pos, hi)
        line_end = hi if nl == -1 else nl
        if line_end > pos and text[pos:line_end].strip():
            start = pos
            for m in _BOUNDARY_RE.finditer(text, pos, line_end):
                word = re.search(r"([\w.]+)\.?[\"”’)\]]*$", text[max(pos, m.start() - 12):m.start() + 1])
                token = word.group(1).lower().rstrip(".") if word else ""
                if text[m.start()] == "." and (token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())):
                    continue
                end = m.end()
                out.append(_Sentence(start, _rstrip(text, start, end), paragraph))
                start = end
            if start < line_end and text[start:line_end].strip():
                out.append(_Sentence(start, _rstrip(text, start, line_end), paragraph))
            paragraph += 1
        pos = line_end + 1
    return [s for s in out if s.end > s.start]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def prose_regions(document: Document) -> list[tuple[int, int]]:
    """Where the prose is: from ``body_start`` on, plus a lead paragraph the reader found
    before the infobox table (some scraped pages put one there)."""
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
        self.dates = DateContext(default_year=default_year, year_mentions=year_mentions(self.text))
        self.claims: list[Claim] = []
        self._section_starts = [s.start for s in document.sections]
        self._attributions: dict[tuple, Attribution] = {}
        self.inherited: tuple[FoundAttribution, int, int] | None = None  # (attr, paragraph, sentence index)

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
        lower = self.text.lower()
        if len(lower) != len(self.text):
            lower = self.text  # a character changed length when lower-cased; offsets must hold
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
                self.sentence(sentence, index, flags[index])
        return self.claims

    def sentence(self, s: _Sentence, index: int, flags: set[str]) -> None:
        text = self.text
        lo, hi = s.start, s.end
        if self.inherited is not None and (self.inherited[1] != s.paragraph or index - self.inherited[2] > _INHERIT_SENTENCES):
            self.inherited = None
        if not flags:
            return
        has_digit = "digit" in flags
        has_words = "words" in flags
        has_month = "month" in flags
        has_quote = "quote" in flags
        has_outcome = "outcome" in flags
        attributions: list[FoundAttribution] = []
        if "attr" in flags:
            attributions = find_attributions(text, s.start, s.end)
        own = [a for a in attributions if a.extends]
        if self.inherited is not None:
            attr, paragraph, at = self.inherited
            if paragraph != s.paragraph or index - at > _INHERIT_SENTENCES or attributions:
                self.inherited = None
        if own:
            self.inherited = (own[0], s.paragraph, index)
        if not (has_digit or has_words or has_month or has_quote or has_outcome):
            return
        hedges = find_hedges(text, s.start, s.end) if "hedge" in flags or "attr" in flags else []
        section = self.section_for(s.start)
        skip = [(a.start, a.end) for a in attributions]
        new: list[tuple[Claim, bool]] = []

        dates = []
        if has_month or (has_digit and _YEAR_TRIGGER.search(text, lo, hi) is not None):
            dates = find_dates(text, s.start, s.end, self.dates)
            for d in dates:
                claim = build_claim(
                    self.document, kind=Kind.DATE, subject=self.subject, side=Side(), value=d.value,
                    start=d.start, end=d.end, attribution=self._attr_for(d.start, attributions, s, index),
                    rule="prose.relative_date" if d.relative else "prose.date",
                    hedges=tuple(hedges), section=section,
                )
                new.append((claim, True))
        if has_digit or has_words:
            excluded = [(d.start, d.end) for d in dates]
            found = find_quantities(text, s.start, s.end, excluded=excluded,
                                    default_year=self.dates.default_year)
            self._figures(found, s, index, attributions, hedges, section, skip)
            if has_digit:
                self._units(s, index, attributions, section, skip, found)
        if has_outcome:
            self._outcomes(s, index, attributions, hedges, section, skip)
        if has_quote:
            self._quotations(s, attributions, section)
        self.claims.extend(c for c, _ in new)

    def _attr_for(self, offset: int, attributions: list[FoundAttribution], s: _Sentence, index: int,
                  own: str | None = None, own_start: int | None = None) -> Attribution:
        if own is not None and not is_unnamed(own):
            return self.attribution(own, evidence="named beside the figure")
        if attributions:
            before = [a for a in attributions if a.start <= offset]
            chosen = before[-1] if before else attributions[0]
            return self.attribution(chosen.claimant, evidence=f"`{chosen.form}` in the same sentence")
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
            side = self.sides.infer(text, q.start, q.end, s.start, s.end, skip)
            value = Quantity(low=q.low, high=q.high, qualifier=q.qualifier, category=q.category,
                             population=q.population, unit=q.noun, as_of=q.as_of, increment=q.increment)
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
        text = self.text
        for m in _OUTCOME_RE.finditer(text, s.start, s.end):
            start = max(text.rfind(",", s.start, m.start()) + 1, text.rfind(";", s.start, m.start()) + 1, s.start)
            if start > s.start:
                # keep the subject when the clause before the comma is only an introduction
                pass
            end_comma = [p for p in (text.find(",", m.end(), s.end), text.find(";", m.end(), s.end)) if p != -1]
            end = min(end_comma) if end_comma else s.end
            while start < end and text[start] in " \t":
                start += 1
            lead = re.match(r"(?:and|but|while|whereas|so|then)\s+", text[start:end])
            if lead:
                start += lead.end()
            while end > start and text[end - 1] in " .\t":
                end -= 1
            if end <= start:
                continue
            side = self.sides.infer(text, start, end, start, end, skip)
            self.claims.append(build_claim(
                self.document, kind=Kind.EVENT, subject=self.subject, side=side,
                value=TextValue(text[start:end]), start=start, end=end,
                attribution=self._attr_for(start, attributions, s, index),
                rule="prose.outcome", hedges=tuple(hedges), section=section,
            ))

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
