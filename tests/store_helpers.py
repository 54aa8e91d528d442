"""Test helpers for the store: documents and claims built from a text with a regex.

Only for tests: each figure like ``600 killed`` becomes a casualties claim whose span is the
figure, so edits to the text give realistic claim ids, quotes, prefixes and suffixes.
"""

from __future__ import annotations

import hashlib
import re

from claims.model import (
    Attribution,
    Category,
    Claim,
    Document,
    DocumentFormat,
    Kind,
    Qualifier,
    Quantity,
    Side,
    Span,
)
from claims.textmap import CONTEXT

FIGURE = re.compile(r"\d[\d,]* killed")


def make_document(doc_id: str, text: str, path: str | None = None, title: str | None = None) -> Document:
    """A plain-text document with the given text (also the benchmarks' synthetic documents)."""
    return Document(
        id=doc_id,
        path=path or f"{doc_id}.txt",
        title=title or doc_id,
        format=DocumentFormat.TEXT,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def make_claim(
    doc_id: str,
    text: str,
    start: int,
    end: int,
    *,
    kind: Kind = Kind.CASUALTIES,
    side: Side = Side(),
    claimant: str | None = None,
    subject: str = "Test battle",
) -> Claim:
    """A claim over ``text[start:end]`` with 32 characters of context either side."""
    quote = text[start:end]
    digits = re.sub(r"\D", "", quote) or "1"
    return Claim.create(
        document=doc_id,
        kind=kind,
        subject=subject,
        side=side,
        value=Quantity(
            low=int(digits), high=int(digits), qualifier=Qualifier.EXACT, category=Category.KILLED
        ),
        span=Span(
            document=doc_id,
            start=start,
            end=end,
            quote=quote,
            prefix=text[max(0, start - CONTEXT) : start],
            suffix=text[end : end + CONTEXT],
        ),
        attribution=Attribution(document=doc_id, claimant=claimant),
        rule="test.figure",
    )


def figure_claims(doc_id: str, text: str, **kwargs: object) -> list[Claim]:
    """A casualties claim for every ``<number> killed`` in ``text``."""
    return [make_claim(doc_id, text, m.start(), m.end(), **kwargs) for m in FIGURE.finditer(text)]
