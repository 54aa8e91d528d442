"""The cited reference in a claim's attribution chain: the `<ref>` right after its sentence.

Wikipedia puts a citation after the sentence it supports (`... were killed.<ref>...</ref>`) or
right after the figure (`600 killed<ref name="x" />`); several may follow one another. A claim
gets the labels of the references that start there, joined with `; `.
"""

from __future__ import annotations

import re

import attrs

from claims.model import Claim, Document


class ReferenceIndex:
    """A document's references by start offset, to ask what directly follows an offset."""

    def __init__(self, document: Document) -> None:
        self.text = document.text
        self.by_start = {r.start: r for r in document.references}

    def after(self, offset: int) -> str | None:
        """The labels of the references that start at ``offset`` (white space skipped), in a
        row; None when none does."""
        text = self.text
        length = len(text)
        labels: list[str] = []
        pos = offset
        while True:
            while pos < length and text[pos] in " \t":
                pos += 1
            found = self.by_start.get(pos)
            if found is None:
                break
            if found.label not in labels:
                labels.append(found.label)
            pos = found.end
        return "; ".join(labels) or None


def with_reference(claim: Claim, label: str) -> Claim:
    return attrs.evolve(claim, attribution=attrs.evolve(claim.attribution, reference=label))


def cite_claims(index: ReferenceIndex, claims: list[Claim], start: int, end_of_text: int) -> None:
    """Give ``claims[start:]`` the reference after each claim's own span, else the one after
    ``end_of_text`` (the sentence or infobox item they come from), in place."""
    fallback = index.after(end_of_text)
    for k in range(start, len(claims)):
        claim = claims[k]
        label = index.after(claim.span.end) or fallback
        if label is not None:
            claims[k] = with_reference(claim, label)


_FOOTNOTES = re.compile(r"(?:\[\d{1,3}\])+")
_SENTENCE_END = re.compile(r"[.!?](?=\[|\s|$)|\n")


def cite_footnotes(document: Document, claims: list[Claim]) -> list[Claim]:
    """Footnote markers (`[12]`) left by a scraped page, as the reference of the claims they
    follow: right after the claim's quote, else at the end of its sentence or line.

    The marker is all the page keeps of the citation, so the label is the marker itself; it
    tells the reviewer the figure was cited and where to look in the original.
    """
    text = document.text
    if "[" not in text:
        return claims
    out = []
    for claim in claims:
        if claim.attribution.reference is None:
            label = _footnotes_after(text, claim.span.end)
            if label is not None:
                claim = with_reference(claim, label)
        out.append(claim)
    return out


def _footnotes_after(text: str, pos: int) -> str | None:
    found = _FOOTNOTES.match(text, pos)
    if found is None:
        end = _SENTENCE_END.search(text, pos)
        if end is None or end.group() == "\n":
            return None
        found = _FOOTNOTES.match(text, end.end()) or _FOOTNOTES.match(text, end.start() - _tail(text, end.start()))
    return found.group() if found else None


def _tail(text: str, pos: int) -> int:
    """How many characters of footnote markers end just before ``pos`` (`killed[2].`)."""
    start = pos
    while start > 0 and text[start - 1] == "]":
        opening = text.rfind("[", 0, start - 1)
        if opening == -1 or not text[opening + 1 : start - 1].isdigit():
            break
        start = opening
    return pos - start
