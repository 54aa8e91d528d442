"""The rule implementations. Each check reads an ``AuditContext`` and yields ``Hit``s.

A hit is a rule firing on a span of a document; the engine turns hits into findings (line and
column, severity from config, fingerprint), applies suppressions and sorts them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from attrs import frozen

from claims.audit import cues
from claims.audit.scan import CITATION, INLINE_TAG, NAMED_ACCORDING, NUMBER_BODY, DocumentText, Unit, names_a_source, relations, speech
from claims.model import (
    Annotation,
    Category,
    Claim,
    ClaimantClass,
    Conflict,
    Document,
    Kind,
    Outcome,
    Quantity,
    Verdict,
)


@frozen
class Hit:
    code: str
    document: str
    start: int
    end: int
    message: str
    claim_id: str | None = None

    @classmethod
    def on_claim(cls, code: str, document: str, claim: Claim, message: str) -> Hit:
        """A hit covering exactly ``claim``'s span, linked to the claim."""
        return cls(
            code=code, document=document, start=claim.span.start, end=claim.span.end,
            message=message, claim_id=claim.id,
        )


@frozen
class KnownConflict:
    """A conflict and the claims it involves (as the reconciler or the store has them)."""

    conflict: Conflict
    claims: tuple[Claim, ...]


@frozen
class ReviewedClaim:
    """A stored claim and its reviewer's current verdict."""

    claim: Claim
    verdict: Annotation


FIGURE_KINDS = frozenset({Kind.CASUALTIES, Kind.STRENGTH, Kind.EQUIPMENT, Kind.CAPTURED, Kind.DISPLACED})
KIND_NOUN = {
    Kind.CASUALTIES: "casualty",
    Kind.STRENGTH: "strength",
    Kind.EQUIPMENT: "equipment",
    Kind.CAPTURED: "captured-equipment",
    Kind.DISPLACED: "displacement",
}


class AuditContext:
    """Everything the checks may consult, indexed once."""

    def __init__(
        self,
        documents: Sequence[Document],
        claims: Sequence[Claim],
        conflicts: Sequence[KnownConflict] = (),
        reviewed: Sequence[ReviewedClaim] = (),
        sources: Sequence[Document] = (),
        source_claims: Sequence[Claim] = (),
        evaluative_words: Sequence[str] = (),
    ) -> None:
        self.documents = list(documents)
        self.texts = {d.id: DocumentText(d) for d in self.documents}
        self.claims_by_document: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            if claim.span.document in self.texts:
                self.claims_by_document[claim.span.document].append(claim)
        for found in self.claims_by_document.values():
            found.sort(key=lambda c: (c.span.start, c.span.end))
        self.conflicts = [k for k in conflicts if k.conflict.outcome is Outcome.CONFLICT]
        self.reviewed = list(reviewed)
        self.sources = list(sources)
        self.source_texts = {d.id: DocumentText(d) for d in self.sources}
        self.source_claims = [c for c in source_claims if c.span.document in self.source_texts]
        self.evaluative_words = tuple(cues.EVALUATIVE_WORDS) + tuple(w.lower() for w in evaluative_words)

    def units_with_claims(self, document_id: str, keep: Callable[[Claim], bool]) -> dict[Unit, list[Claim]]:
        text = self.texts[document_id]
        grouped: dict[Unit, list[Claim]] = defaultdict(list)
        for claim in self.claims_by_document.get(document_id, []):
            if keep(claim):
                unit = text.unit_at(claim.span.start)
                if unit is not None:
                    grouped[unit].append(claim)
        return grouped


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _quoted(text: str, limit: int = 60) -> str:
    return f"“{_short(text, limit)}”"


def _quote_list(claims: Sequence[Claim]) -> str:
    shown = [_quoted(c.span.quote, 40) for c in claims[:3]]
    if len(claims) > 3:
        shown.append(f"and {len(claims) - 3} more")
    return ", ".join(shown)


def _has_tag(unit_text: str, *names: str) -> bool:
    return any(m.group("name").lower() in names for m in INLINE_TAG.finditer(unit_text))


# Counts of units, villages or area are rarely contested the way losses and strengths are.
UNCONTESTED_CATEGORIES = frozenset({Category.UNITS, Category.VILLAGES, Category.AREA, Category.OTHER})


def _is_figure(claim: Claim) -> bool:
    return (
        claim.kind in FIGURE_KINDS
        and isinstance(claim.value, Quantity)
        and claim.value.category not in UNCONTESTED_CATEGORIES
    )


def _unattributed(claim: Claim) -> bool:
    return claim.attribution.claimant is None and claim.attribution.reference is None


def _is_part_in_unit(claim: Claim, members: Sequence[Claim]) -> bool:
    return claim.part_of is not None and any(m.id == claim.part_of for m in members)


# CT001 ---------------------------------------------------------------------------------------


def unattributed_figures(ctx: AuditContext) -> Iterator[Hit]:
    for document_id, text in ctx.texts.items():
        grouped = ctx.units_with_claims(document_id, lambda c: _is_figure(c) and _unattributed(c))
        for unit, members in grouped.items():
            raw = text.unit_text(unit)
            if CITATION.search(raw) or _has_tag(raw, "citation needed", "cn", "fact", "according to whom", "attribution needed"):
                continue
            figures = [c for c in members if not _is_part_in_unit(c, members)]
            if not figures:
                continue
            kinds = {c.kind for c in figures}
            noun = KIND_NOUN[figures[0].kind] + " figure" if len(kinds) == 1 else "figures"
            if len(figures) > 1 and len(kinds) == 1:
                noun += "s"
            them = "it" if len(figures) == 1 else "them"
            yield Hit(
                code="CT001",
                document=document_id,
                start=figures[0].span.start,
                end=max(c.span.end for c in figures),
                message=(
                    f"{noun} {_quote_list(figures)} with no claimant and no citation; "
                    f"say who gives {them} and cite the source, or add {{{{Citation needed}}}}"
                ),
                claim_id=figures[0].id,
            )


# CT002 ---------------------------------------------------------------------------------------

_ACTIVE_TAIL = re.compile(
    r"(?:[^.;:!?]{0,40}?)\b" + cues.KILL_VERB + r"\s+(?:[\w-]+\s+){0,3}?(?P<number>" + NUMBER_BODY + r")"
    r"(?:\s+[\w-]+){0,3}?\s+" + cues.TARGET_NOUN + r"\b",
    re.I,
)
_PASSIVE = re.compile(
    r"(?P<number>" + NUMBER_BODY + r")(?:\s+[\w-]+){0,3}?\s+" + cues.TARGET_NOUN
    + r"\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?" + cues.KILL_VERB + r"\s+by\s+",
    re.I,
)


def _looks_like_year(number: str, unit_text: str, at: int) -> bool:
    return bool(re.fullmatch(r"1[89]\d\d|20\d\d", number))


def belligerent_claims_as_fact(ctx: AuditContext) -> Iterator[Hit]:
    for document_id, text in ctx.texts.items():
        claims = ctx.claims_by_document.get(document_id, [])
        for unit in text.units:
            raw = text.unit_text(unit)
            if CITATION.search(raw) or _has_tag(raw, "according to whom", "attribution needed", "disputed inline", "dubious"):
                continue
            clean = text.without_quotations(unit)
            if speech().search(clean) or names_a_source(clean) or any(p.search(clean) for p in _UNNAMED):
                continue
            span = _belligerent_claim_span(clean)
            if span is None:
                continue
            start, end = unit.start + span[0], unit.start + span[1]
            linked = next((c for c in claims if c.span.start < end and start < c.span.end and _is_figure(c)), None)
            yield Hit(
                code="CT002",
                document=document_id,
                start=start,
                end=end,
                message=(
                    f"a belligerent's claim stated as fact: {_quoted(text.text[start:end], 70)}; "
                    "say which side claims it, or add {{According to whom}}"
                ),
                claim_id=linked.id if linked else None,
            )


def _belligerent_claim_span(clean: str) -> tuple[int, int] | None:
    for agent in cues.BELLIGERENT_AGENT.finditer(clean):
        tail = _ACTIVE_TAIL.match(clean, agent.end())
        if tail and not _looks_like_year(tail.group("number"), clean, tail.start("number")):
            return agent.start("agent"), tail.end()
    for passive in _PASSIVE.finditer(clean):
        if _looks_like_year(passive.group("number"), clean, passive.start("number")):
            continue
        agent = cues.BELLIGERENT_AGENT.match(clean, passive.end())
        if agent:
            return passive.start("number"), agent.end()
    return None


# CT003 ---------------------------------------------------------------------------------------

_UNNAMED = [re.compile(p, re.I) for p in cues.UNNAMED_SOURCE_PATTERNS]
# Hedges that name no one but hide no one either when the sentence names its source.
_HEDGE_ONLY = re.compile(
    r"(?i)(?:" + "|".join(cues.ADVERB_HEDGES) + r")|(?:is|are|was|were)\s+(?:widely\s+|generally\s+|commonly\s+)?\w+\s+to"
    r"|it\s+(?:is|was|has\s+been|had\s+been)\s+(?:\w+\s+)?\w+"
)


def unnamed_sources(ctx: AuditContext) -> Iterator[Hit]:
    for document_id, text in ctx.texts.items():
        for unit in text.units:
            raw = text.unit_text(unit)
            if _has_tag(raw, "who", "whom", "by whom", "according to whom", "weasel inline", "attribution needed"):
                continue
            clean = text.without_quotations(unit)
            named = NAMED_ACCORDING.search(clean) or names_a_source(clean)
            seen: list[tuple[int, int]] = []
            for pattern in _UNNAMED:
                for match in pattern.finditer(clean):
                    if any(s < match.end() and match.start() < e for s, e in seen):
                        continue
                    if cues.NAMED_AFTER.match(clean, match.end()):
                        continue
                    phrase = match.group(0).strip()
                    if named and _HEDGE_ONLY.fullmatch(phrase):
                        # `According to Reuters, the general is believed to have ...`: the
                        # sentence names its source; the hedge is the source's, not a weasel.
                        continue
                    seen.append((match.start(), match.end()))
                    tag = "{{By whom}}" if phrase.lower().startswith(("it ", "is ", "are ", "was ", "were ", "widely", "generally", "commonly")) else "{{Who}}"
                    yield Hit(
                        code="CT003",
                        document=document_id,
                        start=unit.start + match.start(),
                        end=unit.start + match.end(),
                        message=f"unnamed source {_quoted(phrase)}: name who says it and cite them, or add {tag}",
                    )
            # A reporting verb whose source names nobody in particular (`local officials put the
            # number at`, `officials said`): the extractor's relation, so the claim has no
            # claimant either. Skipped when the sentence also names a source or cites one.
            if named or CITATION.search(raw):
                continue
            for relation in relations(clean):
                if not relation.unnamed or relation.source is None or relation.source_start is None:
                    continue
                a, b = relation.source_start, relation.source_end or relation.source_start
                if any(s < b and a < e for s, e in seen):
                    continue
                seen.append((a, b))
                yield Hit(
                    code="CT003",
                    document=document_id,
                    start=unit.start + a,
                    end=unit.start + b,
                    message=f"unnamed source {_quoted(relation.source)}: say which ones and cite them, or add {{{{Who}}}}",
                )


# CT004 ---------------------------------------------------------------------------------------

_DASH_AFTER = re.compile(r"\A[\s,.]*[—–]\s*\w|\A[\s,.]*--\s*\w")
_NAME_COLON_BEFORE = re.compile(r"(?:^|[.;]\s)[A-Z][\w.'’ -]{1,60}:\s*$")


def unattributed_quotations(ctx: AuditContext) -> Iterator[Hit]:
    for document_id, text in ctx.texts.items():
        for quotation in text.quotations:
            if quotation.words < 4:
                continue
            first = text.unit_at(quotation.start) or text.unit_at(quotation.start + 1)
            last = text.unit_at(max(quotation.start, quotation.end - 1))
            if first is None:
                continue
            last = last or first
            before = text.clean[first.start : quotation.start]
            after = text.clean[quotation.end : last.end]
            if cues.TITLE_CUE.search(before[-60:]):
                continue
            context = [before, after]
            index = text.unit_index(first)
            if not before.strip() and index > 0 and text.units[index - 1].end <= first.start:
                previous = text.clean[text.units[index - 1].start : text.units[index - 1].end]
                if previous.rstrip().endswith(":"):
                    context.append(previous)
            last_index = text.unit_index(last)
            if not after.strip(" .,;!?\"”’»)") and last_index + 1 < len(text.units):
                following = text.units[last_index + 1]
                context.append(text.clean[following.start : following.start + 60])
            if any(speech().search(part) or NAMED_ACCORDING.search(part) for part in context):
                continue
            if _DASH_AFTER.match(text.clean[quotation.end : quotation.end + 10]) or _NAME_COLON_BEFORE.search(before):
                continue
            if _has_tag(text.text[quotation.start : last.end], "according to whom", "who", "attribution needed"):
                continue
            linked = next(
                (c for c in ctx.claims_by_document.get(document_id, [])
                 if c.span.start < quotation.end and quotation.start < c.span.end and c.rule.endswith("quotation")),
                None,
            )
            yield Hit(
                code="CT004",
                document=document_id,
                start=quotation.start,
                end=quotation.end,
                message=(
                    f"quotation {_quoted(text.text[quotation.start + 1 : quotation.end - 1], 50)} has no speaker; "
                    "name who said it in the sentence, or add {{According to whom}}"
                ),
                claim_id=linked.id if linked else None,
            )


# CT005 ---------------------------------------------------------------------------------------

_TAIL = r"(?:\s+(?!(?:in|which|and|that|with|when|where|as|was|is|were|of|to|for|by|on|at|the|a|an|since|but|or)\b)[\w-]+){0,3}"
_OF_TAIL = r"(?:\s+(?:of|in)\s+(?:the\s+)?(?:war|conflict|campaign|century|history|year|decade|fighting|offensive|operation|battle|region|modern\s+times))?"


def _words_pattern(words: Sequence[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def superlatives(ctx: AuditContext) -> Iterator[Hit]:
    measurable = re.compile(
        r"\b(?:(?:one\s+of\s+)?the\s+)?(?:single\s+|very\s+)?(?:" + _words_pattern(cues.MEASURABLE_SUPERLATIVES) + r")\b"
        + _TAIL + _OF_TAIL
        + r"|\b(?:(?:one\s+of\s+)?the\s+)?(?:single\s+|very\s+)?(?:" + _words_pattern(cues.SIZE_SUPERLATIVES) + r")"
        r"(?:\s+[\w-]+){0,2}?\s+(?:" + cues.MILITARY_NOUNS + r")\b" + _OF_TAIL,
        re.I,
    )
    loaded = re.compile(r"\b(?:" + _words_pattern(ctx.evaluative_words) + r")\b" + r"(?:\s+[\w-]+)?", re.I)
    for document_id, text in ctx.texts.items():
        for unit in text.units:
            raw = text.unit_text(unit)
            if _has_tag(raw, "according to whom", "peacock term", "peacock inline", "attribution needed", "dubious"):
                continue
            clean = text.without_quotations(unit)
            if speech().search(clean) or NAMED_ACCORDING.search(clean):
                continue
            cited = bool(CITATION.search(raw))
            hits: list[tuple[int, int, str]] = []
            if not cited:
                hits += [(m.start(), m.end(), "superlative") for m in measurable.finditer(clean)]
            for m in loaded.finditer(clean):
                if not any(s <= m.start() < e for s, e, _ in hits):
                    word_end = m.start() + len(m.group(0).split()[0]) if " " in m.group(0) else m.end()
                    tail = clean[word_end:m.end()].strip()
                    end = m.end() if tail and tail.lower() not in {"in", "and", "of", "the", "a", "by", "to", "was", "is"} else word_end
                    hits.append((m.start(), end, "loaded"))
            for start, end, what in sorted(hits):
                phrase = text.text[unit.start + start : unit.start + end]
                if what == "superlative":
                    message = (
                        f"superlative {_quoted(phrase)} is stated as the text's own judgement; "
                        "attribute and cite it, or add {{According to whom}}"
                    )
                else:
                    message = (
                        f"loaded word {_quoted(phrase)} is stated as the text's own judgement; "
                        "attribute it to whoever makes it, or rephrase neutrally"
                    )
                yield Hit(code="CT005", document=document_id, start=unit.start + start, end=unit.start + end, message=message)


# Matching claims across documents and the store ------------------------------------------


def claim_key(claim: Claim) -> tuple[str, str, str]:
    return (claim.span.document, claim.kind.value, " ".join(claim.span.quote.split()).lower())


_NOT_WORD = re.compile(r"[^\w]+")


def content_key(claim: Claim) -> tuple[object, ...]:
    """A claim by what it says, wherever it is said: the kind, the value and the quote with
    case, spacing and punctuation folded (`300 Killed,` in a draft is `300 killed` in the
    reviewed article). The document is not part of it."""
    value = claim.value
    said: object = (value.category.value, value.low, value.high) if isinstance(value, Quantity) else repr(value)
    return (claim.kind.value, said, _NOT_WORD.sub(" ", claim.span.quote).strip().lower())


def _disclosed(ctx: AuditContext, document_id: str, claim: Claim) -> bool:
    text = ctx.texts[document_id]
    unit = text.unit_at(claim.span.start)
    if unit is None:
        return False
    raw = text.unit_text(unit)
    if _has_tag(raw, "disputed inline", "dubious", "disputed"):
        return True
    if cues.DISAGREEMENT.search(text.without_quotations(unit)):
        return True
    others = [
        c for c in ctx.claims_by_document.get(document_id, [])
        if c.id != claim.id and c.kind is claim.kind and isinstance(c.value, Quantity)
        and text.unit_at(c.span.start) == unit and c.part_of != claim.id and claim.part_of != c.id
    ]
    return bool(others)


def _where(claim: Claim) -> str:
    return f"{claim.span.document}:{claim.span.line}"


# CT006 ---------------------------------------------------------------------------------------


def undisclosed_conflicts(ctx: AuditContext) -> Iterator[Hit]:
    if not ctx.conflicts:
        return
    by_id: dict[str, list[tuple[KnownConflict, Claim]]] = defaultdict(list)
    by_key: dict[tuple[str, str, str], list[tuple[KnownConflict, Claim]]] = defaultdict(list)
    for known in ctx.conflicts:
        for claim in known.claims:
            by_id[claim.id].append((known, claim))
            by_key[claim_key(claim)].append((known, claim))
    for document_id in ctx.texts:
        for claim in ctx.claims_by_document.get(document_id, []):
            # An attributed figure already tells the reader whose number it is.
            if not isinstance(claim.value, Quantity) or claim.attribution.claimant is not None:
                continue
            matches = by_id.get(claim.id) or by_key.get(claim_key(claim))
            if not matches or _disclosed(ctx, document_id, claim):
                continue
            known, matched = matches[0]
            others = [c for c in known.claims if c.id != matched.id]
            against = f"{_quoted(others[0].span.quote, 40)} ({_where(others[0])})" if others else "another claim"
            yield Hit.on_claim(
                "CT006",
                document_id,
                claim,
                (
                    f"figure {_quoted(claim.span.quote, 40)} conflicts with {against} ({known.conflict.rule}) "
                    "but the text does not say so; give both figures with their claimants, or add {{Disputed inline}}"
                ),
            )


# CT007 ---------------------------------------------------------------------------------------

_FLAGGED_VERDICTS = (Verdict.DISPUTED, Verdict.REJECTED)


def reviewer_disputed(ctx: AuditContext) -> Iterator[Hit]:
    flagged = [r for r in ctx.reviewed if r.verdict.verdict in _FLAGGED_VERDICTS]
    if not flagged:
        return
    by_id = {r.claim.id: r for r in flagged}
    # By content, not by file: a draft restating a figure a reviewer disputed in a source is
    # flagged although the draft was never ingested.
    by_key = {content_key(r.claim): r for r in flagged}
    for document_id in ctx.texts:
        for claim in ctx.claims_by_document.get(document_id, []):
            reviewed = by_id.get(claim.id) or by_key.get(content_key(claim))
            if reviewed is None:
                continue
            if claim.attribution.claimant is not None or claim.hedges or _disclosed(ctx, document_id, claim):
                continue
            verdict = reviewed.verdict
            note = f" (“{_short(verdict.note, 80)}”)" if verdict.note.strip() else ""
            advice = "remove it" if verdict.verdict is Verdict.REJECTED else "attribute it and add {{Disputed inline}}"
            yield Hit.on_claim(
                "CT007",
                document_id,
                claim,
                (
                    f"{_quoted(claim.span.quote, 40)} was marked {verdict.verdict.value} by {verdict.reviewer} "
                    f"on {verdict.created_at:%Y-%m-%d}{note} but is stated as fact; {advice}"
                ),
            )


# CT008, CT010 --------------------------------------------------------------------------------


def _figure_key(claim: Claim) -> tuple[str, str, int | None, int | None] | None:
    if not _is_figure(claim):
        return None
    value = claim.value
    assert isinstance(value, Quantity)
    return (claim.kind.value, value.category.value, value.low, value.high)


def _source_hedge(ctx: AuditContext, claim: Claim) -> str | None:
    if claim.hedges:
        return claim.hedges[0].text
    text = ctx.source_texts[claim.span.document]
    unit = text.unit_at(claim.span.start)
    if unit is None:
        return None
    match = cues.STRONG_HEDGE.search(text.without_quotations(unit))
    return match.group(0).strip() if match else None


def dropped_qualifications(ctx: AuditContext) -> Iterator[Hit]:
    if not ctx.source_claims:
        return
    sources: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in ctx.source_claims:
        key = _figure_key(claim)
        if key is not None:
            sources[key].append(claim)
    for document_id, text in ctx.texts.items():
        for claim in ctx.claims_by_document.get(document_id, []):
            key = _figure_key(claim)
            if key is None or key not in sources or claim.hedges or claim.attribution.claimant is not None:
                continue
            unit = text.unit_at(claim.span.start)
            if unit is not None and cues.STRONG_HEDGE.search(text.without_quotations(unit)):
                continue
            matches = sources[key]
            hedged = [(c, h) for c in matches if (h := _source_hedge(ctx, c))]
            if hedged:
                source, hedge = hedged[0]
                yield Hit.on_claim(
                    "CT008",
                    document_id,
                    claim,
                    (
                        f"{_quoted(claim.span.quote, 40)} is hedged in the source ({_quoted(hedge, 30)}, {_where(source)}) "
                        "but stated plainly here; keep the hedge or name who reported it"
                    ),
                )
                continue
            attributed = [c for c in matches if c.attribution.claimant]
            if attributed:
                source = attributed[0]
                yield Hit.on_claim(
                    "CT010",
                    document_id,
                    claim,
                    (
                        f"{_quoted(claim.span.quote, 40)} is attributed to {source.attribution.claimant} in the source "
                        f"({_where(source)}) but has no claimant here; restore the attribution"
                    ),
                )


# CT009 ---------------------------------------------------------------------------------------


def inherited_attributions(ctx: AuditContext) -> Iterator[Hit]:
    for document_id, text in ctx.texts.items():
        grouped = ctx.units_with_claims(
            document_id,
            lambda c: c.attribution.inherited and c.attribution.claimant_class is ClaimantClass.BELLIGERENT,
        )
        for unit, members in grouped.items():
            clean = text.without_quotations(unit)
            if speech().search(clean):
                continue
            first = members[0]
            yield Hit(
                code="CT009",
                document=document_id,
                start=unit.start,
                end=first.span.end,
                message=(
                    f"this sentence carries {first.attribution.claimant}'s claim from an earlier sentence but reads as fact; "
                    "repeat the attribution here"
                ),
                claim_id=first.id,
            )


CHECKS: tuple[Callable[[AuditContext], Iterator[Hit]], ...] = (
    unattributed_figures,
    belligerent_claims_as_fact,
    unnamed_sources,
    unattributed_quotations,
    superlatives,
    undisclosed_conflicts,
    reviewer_disputed,
    dropped_qualifications,
    inherited_attributions,
)
