"""The reconciler: which claims cannot all be true, and which are one thing under two names.

``reconcile(documents, claims)`` groups documents into events from evidence (`events`; which
documents are versions of one article: `lineage`), indexes the claims of each event by what they
are about (`index`, with scopes and times from `scopes`) and runs every rule family (`rules`)
within those buckets only: claims about different events are never compared (except by the
identity rules, which link one unit or person across the events of one war), and no rule
compares all pairs. The result is a list of ``Conflict`` objects (findings) whose ``outcome``
says what was concluded: a conflict, an indeterminate tension a reviewer must decide, an
identity to link, or a check that came out consistent (sums, date arithmetic, growing tolls,
recorded so a reviewer sees they were done). Figures come as one finding per disputed quantity
(``Conflict.dispute``); :func:`disagreements` breaks a finding down into the sets of claims it
says cannot all be true.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from operator import attrgetter

import attrs

from claims.model import Claim, Conflict, Document, Outcome, Person, Relation, Severity, UncertainDate
from claims.reconcile.events import ALL_DOCUMENTS, Event, group_events, pseudo_documents
from claims.reconcile.index import ClaimIndex, Context, resolve_sides
from claims.reconcile.rules import FAMILIES, RULES, Rule
from claims.reconcile.rules.identities import same_war, war_of

__all__ = [
    "ALL_DOCUMENTS",
    "Event",
    "RULES",
    "Rule",
    "affected_documents",
    "build_context",
    "disagreements",
    "group_events",
    "reconcile",
    "reconcile_grouped",
    "sort_conflicts",
]

SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2, Severity.INFO: 3}
RESTATEMENTS_PER_PART = 4
"""Statements of one estimate paired with the other estimate's in :func:`disagreements`."""
OUTCOME_ORDER = {Outcome.CONFLICT: 0, Outcome.INDETERMINATE: 1, Outcome.IDENTITY: 2, Outcome.CONSISTENT: 3}


def build_context(
    documents: Sequence[Document],
    claims: Iterable[Claim],
    *,
    grouping: Mapping[str, str] | None = None,
    sides: bool = True,
    events: Sequence[Event] | None = None,
) -> Context:
    """Events, documents, claims and resolved sides: what every rule reads.

    Claims are put in id order once here, so every rule sees them in the same order whatever
    order they came in (reconciliation does not depend on input order). A report, which runs
    no rule, asks for no ``sides`` (the context's are then empty), and gives the ``events`` a
    store kept from reconciling these documents instead of grouping them again.
    """
    ordered = _by_document_id(documents, claims)
    ordered.sort(key=attrgetter("id"))
    docs = pseudo_documents(documents, ordered)
    by_type: dict[type, list[Claim]] = defaultdict(list)
    for c in ordered:
        by_type[type(c.value)].append(c)
    # The documents already stand in for every claim's, so grouping only needs the dates.
    if events is None:
        events = group_events(docs, by_type.get(UncertainDate, ()), grouping=grouping)
    by_doc = {d.id: d for d in docs}
    return Context(
        events=tuple(events),
        event_of={d: e for e in events for d in e.documents},
        documents=by_doc,
        claims=ClaimIndex(ordered),
        sides=resolve_sides(events, by_doc, ordered, persons=by_type.get(Person, ())) if sides else {},
        by_type=dict(by_type),
    )


def _by_document_id(documents: Sequence[Document], claims: Iterable[Claim]) -> list[Claim]:
    """Claims whose ``document`` names a document by its path are pointed at its id."""
    ids = {d.id for d in documents}
    alias = {d.path: d.id for d in documents if d.path not in ids}
    if not alias:
        return list(claims)
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
    return reconcile_grouped(documents, claims, grouping=grouping)[1]


def reconcile_grouped(
    documents: Sequence[Document],
    claims: Iterable[Claim],
    *,
    grouping: Mapping[str, str] | None = None,
) -> tuple[tuple[Event, ...], list[Conflict]]:
    """:func:`reconcile`, with the events it grouped the documents into (a store keeps them
    with the findings, so its reports need not group every document again)."""
    with _collector_paused():
        ctx = build_context(documents, claims, grouping=grouping)
        found: dict[str, Conflict] = {}
        for fam in FAMILIES:
            for conflict in fam(ctx):
                found.setdefault(conflict.id, conflict)
        return ctx.events, sort_conflicts(found.values())


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold Python's cyclic garbage collector during a run. The reconciler makes millions of
    short-lived tuples and lists, which reference counting frees (a run leaves no cycles
    behind), but their count triggers collections, and each full one walks every claim the
    caller holds: a sixth of the time at a million claims."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # With no collection during the run, every object it made is still in the youngest
            # generation, so the first collection after it would walk them all (the findings and
            # the context, about 1 µs each): they hold no cycles, so move them to the oldest
            # generation untraversed (freezing and unfreezing is a list splice).
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def disagreements(finding: Conflict) -> list[Conflict]:
    """The parts of a finding that say claims disagree, each a set of claims that cannot all be true.

    A dispute gives, per pair of estimates that cannot both be true, one set per statement of
    each (a claim of one estimate and a claim of the other, the pair's own rule): an estimate's
    restatements are each in conflict with the other estimate, never with one another, so no set
    holds two statements of one figure (at most ``RESTATEMENTS_PER_PART`` statements of each
    estimate are paired). Estimates that agree, agree within tolerance or update a growing count
    give none. Another finding gives itself when it is a
    conflict, or a tension about values that differ (a result against the account, a unit at
    two echelons, a figure replaced by another measure); identities, consistent checks,
    attribution warnings and sums that match only under tolerance give nothing.
    """
    d = finding.dispute
    if d is not None:
        out = []
        for p in d.pairs:
            if p.relation is not Relation.CLASH:
                continue
            a, b = d.estimates[p.a], d.estimates[p.b]
            for x in a.claims[:RESTATEMENTS_PER_PART]:
                for y in b.claims[:RESTATEMENTS_PER_PART]:
                    out.append(Conflict.create(
                        rule=p.rule, severity=finding.severity, claims=(x, y), explanation=finding.explanation,
                        outcome=Outcome.CONFLICT, subject=finding.subject, event=finding.event,
                    ))
        return out
    if finding.outcome is Outcome.CONFLICT:
        return [finding]
    r = RULES.get(finding.rule)
    if finding.outcome is Outcome.INDETERMINATE and r is not None and r.tension_disagrees:
        return [finding]
    return []


def affected_documents(
    before: Sequence[Document],
    after: Sequence[Document],
    changed: Collection[str],
    dates_before: Iterable[Claim] = (),
    dates_after: Iterable[Claim] = (),
) -> set[str]:
    """The documents to reconcile again when the ``changed`` documents are (re)ingested.

    ``before`` and ``after`` are every stored document before and after the change (outlines
    with the lead of the text suffice), ``dates_*`` their infobox date claims (an event's
    years come from them). Every event holding a changed document, in the grouping before or
    after, is affected: its members, version groups and sides may change. So is every event
    of the same war as an affected document, because the identity rules (R-UNIT-ECHELON,
    R-PERSON-VARIANT) compare units and people across a war's events; the war set is widened
    until it is closed under spelling variants. Events outside the result are untouched: a
    full reconciliation would give them the same findings, with one exception: an identity
    rule reports one link per pair of names for all the claims it is given, so two unrelated
    wars sharing a unit number at the same two echelons keep one link each.
    """
    changed = set(changed)
    scope = set(changed)
    new_events = group_events(after, dates_after)
    for event in (*group_events(before, dates_before), *new_events):
        if changed.intersection(event.documents):
            scope.update(event.documents)
    event_of = {d: e for e in new_events for d in e.documents}
    wars = {d.id: war_of(d) for d in after}
    pending = {war_of(d) for d in before if d.id in changed} | {wars.get(d) for d in scope}
    pending.discard(None)
    seen: set[str] = set()
    while pending:
        war = pending.pop()
        seen.add(war)  # type: ignore[arg-type]
        for document_id, other in wars.items():
            if document_id not in scope and same_war(war, other):
                scope.update(event_of[document_id].documents)
                for member in event_of[document_id].documents:
                    if wars[member] and wars[member] not in seen:
                        pending.add(wars[member])
    return scope
