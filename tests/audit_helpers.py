"""Helpers for the audit tests: documents from text and hand-built claims found by quote."""

from __future__ import annotations

from claims.audit import AuditConfig, run_audit
from claims.model import (
    Attribution,
    Category,
    Claim,
    ClaimantClass,
    Document,
    Hedge,
    HedgeKind,
    Kind,
    Qualifier,
    Quantity,
    Side,
)
from claims.readers import read_text
from claims.textmap import span_in


def doc(text: str, path: str = "draft.md") -> Document:
    return read_text(text, path)


def figure(
    document: Document,
    quote: str,
    *,
    kind: Kind = Kind.CASUALTIES,
    category: Category = Category.KILLED,
    low: int = 300,
    claimant: str | None = None,
    claimant_class: ClaimantClass = ClaimantClass.NONE,
    inherited: bool = False,
    hedges: tuple[Hedge, ...] = (),
    occurrence: int = 0,
) -> Claim:
    start = -1
    for _ in range(occurrence + 1):
        start = document.text.index(quote, start + 1)
    span = span_in(document.text, document.id, start, start + len(quote))
    return Claim.create(
        document=document.id,
        kind=kind,
        subject=document.title,
        side=Side(),
        value=Quantity(low=low, high=low, qualifier=Qualifier.EXACT, category=category),
        span=span,
        attribution=Attribution(
            document=document.id, claimant=claimant, claimant_class=claimant_class, inherited=inherited
        ),
        rule="test.figure",
        hedges=hedges,
    )


def reported(text: str) -> Hedge:
    return Hedge(HedgeKind.REPORTED, text)


def codes(document: Document, claims=(), **kwargs) -> list[str]:
    return [f.code for f in run_audit([document], claims, **kwargs).findings]


def findings(document: Document, claims=(), **kwargs):
    return run_audit([document], claims, **kwargs).findings


__all__ = ["AuditConfig", "codes", "doc", "figure", "findings", "reported"]
