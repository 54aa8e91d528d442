"""The reconciler: which claims cannot all be true, and which are one thing under two names.

``reconcile(documents, claims)`` groups documents into events (`events`), indexes the claims of
each event by what they are about (`index`) and runs every rule family (`rules`) within those
buckets only: claims about different events are never compared, and no rule compares all
pairs. The result is a list of ``Conflict`` objects whose ``outcome`` says what was concluded:
a conflict, an indeterminate tension a reviewer must decide, an identity to link, or a check
that came out consistent (sums and date arithmetic, recorded so a reviewer sees they were done).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

from claims.model import Claim, Conflict, Document, Outcome, Severity
from claims.reconcile.events import ALL_DOCUMENTS, Event, group_events, pseudo_documents
from claims.reconcile.index import Context, resolve_sides
from claims.reconcile.rules import FAMILIES, RULES, Rule

__all__ = [
    "ALL_DOCUMENTS",
    "Event",
    "RULES",
    "Rule",
    "build_context",
    "group_events",
    "reconcile",
    "sort_conflicts",
]

SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2, Severity.INFO: 3}
OUTCOME_ORDER = {Outcome.CONFLICT: 0, Outcome.INDETERMINATE: 1, Outcome.IDENTITY: 2, Outcome.CONSISTENT: 3}


def build_context(
    documents: Sequence[Document],
    claims: Iterable[Claim],
    *,
    grouping: Mapping[str, str] | None = None,
) -> Context:
    """Events, documents, claims and resolved sides: what every rule reads."""
    claims = sorted(_by_document_id(documents, claims), key=lambda c: c.id)
    docs = pseudo_documents(documents, claims)
    events = group_events(docs, claims, grouping=grouping)
    by_doc = {d.id: d for d in docs}
    return Context(
        events=tuple(events),
        event_of={d: e for e in events for d in e.documents},
        documents=by_doc,
        claims={c.id: c for c in claims},
        sides=resolve_sides(events, by_doc, claims),
    )


def _by_document_id(documents: Sequence[Document], claims: Iterable[Claim]) -> list[Claim]:
    """Claims whose ``document`` names a document by its path are pointed at its id."""
    ids = {d.id for d in documents}
    alias = {d.path: d.id for d in documents if d.path not in ids}
    return [attrs.evolve(c, document=alias[c.document]) if c.document not in ids and c.document in alias else c
            for c in claims]


def sort_conflicts(conflicts: Iterable[Conflict]) -> list[Conflict]:
    """Conflicts first, then tensions, identities and consistent checks; by severity, rule, id."""
    return sorted(
        conflicts,
        key=lambda k: (OUTCOME_ORDER[k.outcome], SEVERITY_ORDER[k.severity], k.subject or "", k.rule, k.id),
    )


def reconcile(
    documents: Sequence[Document],
    claims: Iterable[Claim],
    *,
    grouping: Mapping[str, str] | None = None,
) -> list[Conflict]:
    """Run every rule on the claims, event by event; see the module docstring.

    ``grouping`` maps a document (id, path, file name or title) to an event name and overrides
    the automatic grouping; the key ``"*"`` puts every document into one event.
    """
    ctx = build_context(documents, claims, grouping=grouping)
    found: dict[str, Conflict] = {}
    for fam in FAMILIES:
        for conflict in fam(ctx):
            found.setdefault(conflict.id, conflict)
    return sort_conflicts(found.values())
