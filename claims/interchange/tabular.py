"""CSV and TSV for spreadsheets: claims (one per row) and conflicts (one row per claim in one).

Both start with a header row. The attribution chain is flattened into columns (document,
cited reference, claimant and its class and side, inherited or not) and into one readable
``attribution_chain`` cell (`Battle of X (battle.html) → Holm (2001) → the Velmar Guard
(belligerent)`). Figures get their bounds in columns of their own; a reviewer's current
verdict, the last note and the ids of the conflicts a claim is in are on its row. For a claim
read from a web page, ``source_line`` and ``source_column`` are its place in the HTML.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (and is more than
that one character) is written with
a leading apostrophe (`'+2,000 servicemen`), as spreadsheet programs recommend, so no cell
of a document's text is ever run as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from claims.describe import describe_claimant, describe_side, describe_value
from claims.interchange.common import StoreView, document_iri
from claims.model import Claim, Quantity, TargetKind, UncertainDate
from claims.readers.html import source_position
from claims.review import notes
from claims.store.base import Store

CLAIM_COLUMNS = (
    "claim_id", "document_id", "document", "document_title", "line", "column", "start", "end", "kind",
    "subject", "side_column", "side_name", "side_reason", "value", "low", "high", "qualifier", "category",
    "as_of", "date_earliest", "date_latest", "date_precision", "quote", "claimant", "claimant_class",
    "claimant_side", "reference", "inherited", "cue", "attribution_chain", "hedges", "rule",
    "confidence", "grade", "verdict", "verdict_by", "verdict_at", "note", "conflicts", "section",
    "field", "source_url", "source_line", "source_column",
)
CONFLICT_COLUMNS = (
    "conflict_id", "rule", "severity", "outcome", "conflict_verdict", "explanation", "claim_id",
    "document", "line", "kind", "side", "value", "quote", "claimant", "claimant_class", "reference",
    "claim_verdict",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    if len(text) > 1 and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def attribution_chain(claim: Claim, document_title: str | None, document_path: str | None) -> str:
    links = [f"{document_title or claim.document} ({document_path or claim.document})"]
    if claim.attribution.reference:
        links.append(claim.attribution.reference)
    links.append(describe_claimant(claim) + (" (inherited)" if claim.attribution.inherited else ""))
    return " → ".join(links)


def claim_rows(store: Store) -> Iterable[list[str]]:
    view = StoreView(store)
    verdicts = store.current_verdicts(TargetKind.CLAIM)
    conflicts_of: dict[str, list[str]] = {}
    for conflict in store.conflicts():
        for claim_id in conflict.claims:
            conflicts_of.setdefault(claim_id, []).append(conflict.id)
    reviewed = set(verdicts)
    yield list(CLAIM_COLUMNS)
    for claim in store.claims():
        document = view.document(claim.span.document)
        value = claim.value
        row: dict[str, Any] = dict.fromkeys(CLAIM_COLUMNS)
        row.update(
            claim_id=claim.id, document_id=claim.span.document,
            document=document.path if document else claim.document,
            document_title=document.title if document else None,
            line=claim.span.line, column=claim.span.column, start=claim.span.start, end=claim.span.end,
            kind=claim.kind.value, subject=claim.subject, side_column=claim.side.column,
            side_name=claim.side.name, side_reason=claim.side.reason, value=describe_value(value),
            quote=claim.span.quote, claimant=claim.attribution.claimant,
            claimant_class=claim.attribution.claimant_class.value, claimant_side=claim.attribution.claimant_side,
            reference=claim.attribution.reference, inherited=claim.attribution.inherited, cue=claim.attribution.cue,
            attribution_chain=attribution_chain(claim, document.title if document else None,
                                                document.path if document else None),
            hedges="; ".join(f"{h.kind.value}: {h.text}" for h in claim.hedges), rule=claim.rule,
            confidence=f"{claim.confidence.score:.2f}", grade=claim.confidence.grade,
            conflicts=" ".join(conflicts_of.get(claim.id, [])), section=claim.section, field=claim.field,
        )
        if isinstance(value, Quantity):
            row.update(low=value.low, high=value.high, qualifier=value.qualifier.value, category=value.category.value,
                       as_of=value.as_of.text if value.as_of else None)
        elif isinstance(value, UncertainDate):
            row.update(date_earliest=value.earliest.isoformat(), date_latest=value.latest.isoformat(),
                       date_precision=value.precision.value)
        if claim.id in reviewed:
            verdict = verdicts[claim.id]
            row.update(verdict=verdict.verdict.value, verdict_by=verdict.reviewer,
                       verdict_at=verdict.created_at.isoformat(timespec="seconds"))
            in_force = [a for found in notes(store.annotations(claim.id)).values() for a in found]
            if in_force:
                row["note"] = max(in_force, key=lambda a: a.created_at).note
        if document is not None and document.provenance is not None:
            row["source_url"] = document_iri(document)
            found = source_position(document, claim.span.start)
            if found is not None:
                row["source_line"], row["source_column"] = found[1], found[2]
        yield [_cell(row[c]) for c in CLAIM_COLUMNS]


def conflict_rows(store: Store) -> Iterable[list[str]]:
    view = StoreView(store)
    claim_verdicts = store.current_verdicts(TargetKind.CLAIM)
    conflict_verdicts = store.current_verdicts(TargetKind.CONFLICT)
    yield list(CONFLICT_COLUMNS)
    for conflict in store.conflicts():
        settled = conflict_verdicts.get(conflict.id)
        for claim_id in conflict.claims:
            claim = view.claim(claim_id)
            if claim is None:
                continue
            document = view.document(claim.span.document)
            verdict = claim_verdicts.get(claim_id)
            row = [
                conflict.id, conflict.rule, conflict.severity.value, conflict.outcome.value,
                settled.verdict.value if settled else None, conflict.explanation, claim.id,
                document.path if document else claim.document, claim.span.line, claim.kind.value,
                describe_side(claim.side), describe_value(claim.value), claim.span.quote,
                claim.attribution.claimant, claim.attribution.claimant_class.value, claim.attribution.reference,
                verdict.verdict.value if verdict else None,
            ]
            yield [_cell(v) for v in row]


def write_rows(rows: Iterable[Sequence[str]], delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n",
                        quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


__all__ = ["CLAIM_COLUMNS", "CONFLICT_COLUMNS", "claim_rows", "conflict_rows", "write_rows"]
