"""The cited reference in a claim's attribution chain: the `<ref>` right after its sentence.

Wikipedia puts a citation after the sentence it supports (`... were killed.<ref>...</ref>`) or
right after the figure (`600 killed<ref name="x" />`); several may follow one another. A claim
gets the labels of the references that start there, joined with `; `.
"""

from __future__ import annotations

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
