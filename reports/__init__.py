"""Conflict reports: one data model (``build_report``), one renderer per format.

``text`` is for terminals and CI logs, ``markdown`` for a wiki talk page or an issue tracker,
``json_report`` for machines (`claims/1` schema), ``html`` for one self-contained, printable,
offline page with a chart per disputed quantity. Renderers treat every piece of document text
as data: escaped for the format, never interpreted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from attrs import field, frozen

from claims.api import (
    Annotation,
    ChartKind,
    Claim,
    Conflict,
    Context,
    Document,
    Outcome,
    Population,
    Quantity,
    build_context,
    conflict_rule,
    current_verdicts,
    notes,
    sort_conflicts,
)

CHART_ROWS = 24


@frozen
class Chart:
    """The estimates of one disputed quantity, to draw as intervals on one axis."""

    title: str
    claims: tuple[Claim, ...]
    conflicts: tuple[str, ...]
    summed: tuple[str, ...] = ()
    """Claims whose sum is drawn as an extra row (a total against its parts)."""


@frozen
class EventReport:
    id: str
    name: str
    documents: tuple[str, ...]
    conflicts: tuple[Conflict, ...]
    charts: tuple[Chart, ...]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for k in self.conflicts if k.outcome is outcome)


@frozen
class Report:
    title: str
    events: tuple[EventReport, ...]
    claims: Mapping[str, Claim]
    documents: Mapping[str, Document]
    verdicts: Mapping[str, Annotation] = field(factory=dict)
    """Target id (claim or conflict) -> the reviewer's current verdict."""
    notes: Mapping[str, tuple[Annotation, ...]] = field(factory=dict)
    """Target id -> reviewers' notes, oldest first."""
    shared_titles: frozenset[str] = frozenset()
    """Titles that more than one document has; those documents are also named by file."""

    @property
    def conflicts(self) -> list[Conflict]:
        return [k for e in self.events for k in e.conflicts]

    def document_title(self, document_id: str) -> str:
        """The document's title, with its file name when another document has the same title."""
        doc = self.documents.get(document_id)
        if doc is None:
            return document_id
        title = doc.title or doc.path
        return f"{title} ({doc.id})" if title in self.shared_titles else title

    def members(self, conflict: Conflict) -> list[tuple[str, Claim | None]]:
        """Each claim id of a conflict with its claim (None when the report does not hold it)."""
        return [(cid, self.claims.get(cid)) for cid in conflict.claims]

    def verdict_of(self, target_id: str) -> str:
        """`accepted (ana)`: the current verdict on a claim or conflict and who gave it, or ''."""
        v = self.verdicts.get(target_id)
        return f"{v.verdict.value} ({v.reviewer})" if v else ""

    def totals(self) -> dict[Outcome, int]:
        out = {o: 0 for o in Outcome}
        for k in self.conflicts:
            out[k.outcome] += 1
        return out


def _chart_title(claim: Claim, ctx: Context) -> str:
    q = claim.value
    assert isinstance(q, Quantity)
    side = claim.side.name or (ctx.documents[claim.document].belligerents[claim.side.column - 1]
                               if claim.side.column and claim.document in ctx.documents
                               and len(ctx.documents[claim.document].belligerents) >= claim.side.column
                               and ctx.documents[claim.document].belligerents[claim.side.column - 1] else None)
    who = f" — {side}" if side else (f" — column {claim.side.column}" if claim.side.column else "")
    civilians = " (civilians)" if q.population is Population.CIVILIAN else ""
    return f"{claim.kind.value.capitalize()}: {q.category.value.replace('_', ' ')}{civilians}{who}"


def _chart_key(c: Claim, ctx: Context) -> tuple:
    q = c.value
    assert isinstance(q, Quantity)
    return (ctx.event(c).id, c.kind.value, ctx.sides[c.id], q.category.value, q.population.value)


def _chart_members(ctx: Context) -> dict[tuple, list[Claim]]:
    """Every figure by chart key, built once for all events (not once per event)."""
    members: dict[tuple, list[Claim]] = defaultdict(list)
    for c in ctx.claims.values():
        if isinstance(c.value, Quantity) and not c.value.increment:
            members[_chart_key(c, ctx)].append(c)
    return members


def _chart_kind(rule_id: str) -> ChartKind:
    rule = conflict_rule(rule_id)
    return rule.chart if rule else ChartKind.NONE


def _charts(conflicts: Sequence[Conflict], ctx: Context, members: Mapping[tuple, list[Claim]]) -> tuple[Chart, ...]:
    keys: dict[tuple, list[str]] = defaultdict(list)
    for k in conflicts:
        if _chart_kind(k.rule) is not ChartKind.SPREAD or k.outcome is Outcome.CONSISTENT:
            continue
        for cid in k.claims:
            c = ctx.claims.get(cid)
            if c is not None and isinstance(c.value, Quantity):
                key = _chart_key(c, ctx)
                if k.id not in keys[key]:
                    keys[key].append(k.id)
    sums = []
    for k in conflicts:
        kind = _chart_kind(k.rule)
        if kind in (ChartKind.PARTS, ChartKind.SIDES) and k.outcome in (Outcome.CONFLICT, Outcome.INDETERMINATE):
            claims = [ctx.claims[c] for c in k.claims if c in ctx.claims]
            summed = tuple(c.id for c in claims if c.part_of or (kind is ChartKind.SIDES and c.side.column is not None))
            title = f"{rule_title(k.rule).capitalize()}: {claims[0].kind.value}"
            sums.append(Chart(title=title, claims=tuple(claims), conflicts=(k.id,), summed=summed))
    if not keys:
        return tuple(sums)
    charts = []
    for key in sorted(keys):
        claims = sorted(members.get(key, []), key=lambda c: (c.document, c.span.start))[:CHART_ROWS]
        if not claims:
            continue
        charts.append(Chart(title=_chart_title(claims[0], ctx), claims=tuple(claims), conflicts=tuple(keys[key])))
    return tuple(charts + sums)


def build_report(
    documents: Sequence[Document],
    claims: Iterable[Claim],
    conflicts: Iterable[Conflict],
    annotations: Iterable[Annotation] = (),
    *,
    verdicts: Mapping[str, Annotation] | None = None,
    title: str = "Conflict report",
    grouping: Mapping[str, str] | None = None,
) -> Report:
    """Gather conflicts per event, charts per disputed quantity, and reviewers' work.

    ``annotations`` are oldest first in the store's order and attached where they are now
    (:func:`claims.api.attached`); ``verdicts`` default to what the review policy makes of them.
    """
    claims = list(claims)
    ctx = build_context(documents, claims, grouping=grouping)
    by_event: dict[str, list[Conflict]] = defaultdict(list)
    for k in conflicts:
        event = next((ctx.event(ctx.claims[c]) for c in k.claims if c in ctx.claims), None)
        by_event[event.id if event else ""].append(k)
    events = []
    members = _chart_members(ctx)
    for e in ctx.events:
        ks = sort_conflicts(by_event.get(e.id, []))
        events.append(EventReport(id=e.id, name=e.name, documents=e.documents, conflicts=tuple(ks),
                                  charts=_charts(ks, ctx, members)))
    annotations = list(annotations)
    if verdicts is None:
        verdicts = current_verdicts(annotations)
    documents_by_key = {**{d.path: d for d in ctx.documents.values()}, **ctx.documents}
    title_counts = Counter(d.title or d.path for d in ctx.documents.values())
    return Report(
        title=title,
        events=tuple(events),
        claims={c.id: c for c in claims},
        documents=documents_by_key,
        verdicts=dict(verdicts),
        notes=notes(annotations),
        shared_titles=frozenset(t for t, n in title_counts.items() if n > 1),
    )


def place(claim: Claim) -> str:
    """Where in its document a claim is: `infobox Casualties2`, its section, or `body`."""
    return f"infobox {claim.field}" if claim.field else (claim.section or "body")


def rule_title(rule_id: str) -> str:
    """The rule's title, or its id for a rule the reconciler does not know."""
    rule = conflict_rule(rule_id)
    return rule.title if rule else rule_id


OUTCOME_LABELS = {
    Outcome.CONFLICT: "conflict",
    Outcome.INDETERMINATE: "to decide",
    Outcome.IDENTITY: "same entity",
    Outcome.CONSISTENT: "checked, consistent",
}
