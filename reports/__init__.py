"""Conflict reports: one data model (``build_report``), one renderer per format.

``text`` is for terminals and CI logs, ``markdown`` for a wiki talk page or an issue tracker,
``json_report`` for machines (`claims/1` schema), ``html`` for one self-contained, printable,
offline page with a chart per disputed quantity. Every format shows the grouping first (which
documents make each event, why, and which are versions of one article), then each event's
findings; a disputed quantity is one finding listing every estimate. Renderers treat every
piece of document text as data: escaped for the format, never interpreted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from attrs import field, frozen

from claims.api import (
    Annotation,
    ChartKind,
    Claim,
    ClaimQuery,
    Conflict,
    ConflictOutline,
    Context,
    Dispute,
    Document,
    Kind,
    Outcome,
    Quantity,
    Store,
    StoreError,
    build_context,
    conflict_rule,
    current_verdicts,
    estimate_labels,
    notes,
    quantity_label,
    sort_conflicts,
)

CHART_ROWS = 24
STATEMENTS_SHOWN = 3
"""Statements of one estimate a dispute's claims table lists; the rest are counted on one row
(a figure repeated by 800 sources is read once, not 800 times)."""
ROWS_SHOWN = 30
"""Claims a finding's table lists when it is not a dispute; the rest are counted on one row."""
LISTED_CHECKS = 1000
"""Consistent checks a report on a store lists one by one; beyond this many they are counted
per event and rule (the page says so), and their claims are not read."""


@frozen
class Chart:
    """The estimates of one disputed quantity, to draw as intervals on one axis."""

    title: str
    claims: tuple[Claim, ...]
    conflicts: tuple[str, ...]
    summed: tuple[str, ...] = ()
    """Claims whose sum is drawn as an extra row (a total against its parts)."""
    labels: Mapping[str, str] = field(factory=dict)
    """Claim id -> the label of its estimate in a dispute (`A`, `B`, ...)."""


@frozen
class EventReport:
    id: str
    name: str
    documents: tuple[str, ...]
    conflicts: tuple[Conflict, ...]
    charts: tuple[Chart, ...]
    why: tuple[str, ...] = ()
    """Why these documents were grouped into one event (or why one stands alone)."""
    versions: tuple[tuple[str, ...], ...] = ()
    """Groups of documents that are versions of one article."""
    version_why: tuple[str, ...] = ()
    """The lineage evidence of each group in ``versions``."""
    tallied: tuple[tuple[str, int], ...] = ()
    """(rule, how many) of the consistent checks counted but not listed in ``conflicts``."""

    def count(self, outcome: Outcome) -> int:
        listed = sum(1 for k in self.conflicts if k.outcome is outcome)
        return listed + (sum(n for _, n in self.tallied) if outcome is Outcome.CONSISTENT else 0)


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
    provenance: tuple[tuple[str, str], ...] = ()
    """(label, value) pairs saying what the report was made from (store, date, tool version,
    documents, reviewers), shown at its head; empty for a report built from documents alone."""

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

    def table(self, conflict: Conflict) -> tuple[list[tuple[str, str, Claim | None]], list[str]]:
        """The rows of a finding's claims table, (claim id, estimate label, claim or None), and
        a sentence for each group of claims left out (see :func:`table_rows`)."""
        rows, left = table_rows(conflict)
        return [(cid, label, self.claims.get(cid)) for cid, label in rows], left

    def document_path(self, document_id: str) -> str:
        """The document's path as given (what a reviewer opens), else its id."""
        doc = self.documents.get(document_id)
        return doc.path if doc is not None and doc.path else document_id

    def where(self, claim: Claim) -> str:
        """`seeds/terter-operation.txt:13` for a claim."""
        return f"{self.document_path(claim.document)}:{claim.span.line}"

    def verdict_of(self, target_id: str) -> str:
        """`accepted (ana)`: the current verdict on a claim or conflict and who gave it, or ''."""
        v = self.verdicts.get(target_id)
        return f"{human(v.verdict.value)} ({v.reviewer})" if v else ""

    def totals(self) -> dict[Outcome, int]:
        out = {o: 0 for o in Outcome}
        for k in self.conflicts:
            out[k.outcome] += 1
        out[Outcome.CONSISTENT] += self.tallied_checks()
        return out

    def tallied_checks(self) -> int:
        """How many consistent checks are counted but not listed."""
        return sum(n for e in self.events for _, n in e.tallied)


def _statements(dispute: Dispute) -> dict[str, tuple[str, int]]:
    """Claim id -> (its estimate's label `A`, `B`, ..., which statement of it: 0 the first);
    a claim in two estimates counts in the first."""
    out: dict[str, tuple[str, int]] = {}
    for i, e in enumerate(dispute.estimates):
        label = chr(ord("A") + i) if i < 26 else f"E{i + 1}"
        for n, cid in enumerate(e.claims):
            out.setdefault(cid, (label, n))
    return out


def table_rows(conflict: Conflict) -> tuple[list[tuple[str, str]], list[str]]:
    """A finding's claims table: (claim id, estimate label) rows in the finding's order and a
    sentence for each group of claims left out. A dispute lists :data:`STATEMENTS_SHOWN`
    statements of each estimate (`A`, then `A, restated`), another finding its first
    :data:`ROWS_SHOWN` claims; the label is '' outside a dispute."""
    d = conflict.dispute
    if d is None:
        more = len(conflict.claims) - ROWS_SHOWN
        left = [f"{plural(more, 'more claim')} of this finding, not listed"] if more > 0 else []
        return [(cid, "") for cid in conflict.claims[:ROWS_SHOWN]], left
    statements = _statements(d)
    rows: list[tuple[str, str]] = []
    hidden: Counter[str] = Counter()
    for cid in conflict.claims:
        label, n = statements.get(cid, ("", 0))
        if n >= STATEMENTS_SHOWN:
            hidden[label] += 1
        else:
            rows.append((cid, label if n == 0 or not label else f"{label}, restated"))
    return rows, [f"{plural(n, 'more statement')} of estimate {label}, not listed" for label, n in hidden.items()]


def _needed(conflict: Conflict) -> set[str]:
    """The claims a listed finding shows: its table's rows and what its chart draws."""
    needed = {cid for cid, _ in table_rows(conflict)[0]}
    if conflict.dispute is not None:
        needed.update(e.claims[0] for e in conflict.dispute.estimates if e.claims)
    elif _chart_kind(conflict.rule) in (ChartKind.PARTS, ChartKind.SIDES, ChartKind.MEASURES):
        needed.update(conflict.claims)  # a sum is drawn from every part
    return needed


def _chart_kind(rule_id: str) -> ChartKind:
    rule = conflict_rule(rule_id)
    return rule.chart if rule else ChartKind.NONE


def _dispute_chart(k: Conflict, dispute: Dispute, ctx: Context) -> Chart | None:
    """One chart per disputed quantity: a row per estimate (its first statement)."""
    claims = [ctx.claims[e.claims[0]] for e in dispute.estimates if e.claims and e.claims[0] in ctx.claims]
    claims = [c for c in claims if isinstance(c.value, Quantity)][:CHART_ROWS]
    if len(claims) < 2:
        return None
    labels = {e.claims[0]: label for label, e in zip(estimate_labels(len(dispute.estimates)), dispute.estimates)
              if e.claims}
    return Chart(title=quantity_label(dispute), claims=tuple(claims), conflicts=(k.id,), labels=labels)


def _totals_of(k: Conflict, ctx: Context) -> set[str]:
    """The claims of a sum finding that are stated totals (not summed): the one no other claim
    of the finding is a part of, by ``part_of`` or a bracketed breakdown (the first claim)."""
    parts = {c for c in k.claims if c in ctx.claims and ctx.claims[c].part_of}
    if parts:
        return {ctx.claims[c].part_of for c in parts}  # type: ignore[misc]
    ordered = sorted((ctx.claims[c] for c in k.claims if c in ctx.claims), key=lambda c: (c.span.start, c.id))
    return {ordered[0].id} if ordered else set()


def _charts(conflicts: Sequence[Conflict], ctx: Context) -> tuple[Chart, ...]:
    charts, sums = [], []
    for k in conflicts:
        kind = _chart_kind(k.rule)
        if k.dispute is not None and k.outcome is not Outcome.CONSISTENT:
            chart = _dispute_chart(k, k.dispute, ctx)
            if chart is not None:
                charts.append(chart)
        elif kind in (ChartKind.PARTS, ChartKind.SIDES, ChartKind.MEASURES) \
                and k.outcome in (Outcome.CONFLICT, Outcome.INDETERMINATE):
            claims = [ctx.claims[c] for c in k.claims if c in ctx.claims]
            totals = {c.id for c in claims if isinstance(c.value, Quantity) and c.value.category.value in
                      ("casualties", "killed_or_wounded")}
            stated = _totals_of(k, ctx) if kind is ChartKind.PARTS else set()  # once, not once a claim
            summed = tuple(c.id for c in claims if c.part_of or (kind is ChartKind.SIDES and c.side.column is not None)
                           or (kind is ChartKind.MEASURES and c.id not in totals)
                           or (kind is ChartKind.PARTS and not c.part_of and c.id not in stated))
            title = f"{rule_title(k.rule).capitalize()}: {claims[0].kind.value}"
            sums.append(Chart(title=title, claims=tuple(claims), conflicts=(k.id,), summed=summed))
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
    ctx = build_context(documents, claims, grouping=grouping, sides=False)
    document_of = {c.id: c.document for c in ctx.claims.values()}
    return _assemble(ctx, conflicts, document_of, claims, annotations, verdicts, title)


def report_from_store(
    store: Store,
    documents: Sequence[Document],
    annotations: Iterable[Annotation] = (),
    *,
    verdicts: Mapping[str, Annotation] | None = None,
    title: str = "Conflict report",
    listed_checks: int = LISTED_CHECKS,
) -> Report:
    """The report on a store's ``documents`` (every one, with its text: the versions of an
    article are told by their whole wording), reading only the claims the page shows: the
    infobox dates that group the events as reconciling did, and the claims of the findings
    listed, as far as their tables and charts show them. Beyond ``listed_checks`` consistent
    checks, those are counted per event and rule instead (:attr:`EventReport.tallied`). A
    store of a million claims lists a few thousand findings. The JSON report, which carries
    every claim, is built with :func:`build_report`. The events are those the store kept
    from reconciling ``documents`` (:meth:`Store.events`), else the documents are grouped.
    """
    kept = store.events()
    if kept is not None and sorted(d for e in kept for d in e.documents) != sorted(d.id for d in documents):
        kept = None  # kept for other documents than these
    # The infobox dates only serve grouping.
    dates = store.claims(ClaimQuery(kind=Kind.DATE, only_infobox=True)) if kept is None else []
    # Every finding in outline (rule, outcome, claims); the findings listed in full.
    outlines = store.conflict_outlines()
    tally = sum(1 for k in outlines if k.outcome is Outcome.CONSISTENT) > listed_checks
    listed = store.conflicts(unless=Outcome.CONSISTENT) if tally else store.conflicts()
    have = {c.id for c in dates}
    needed = set().union(*map(_needed, listed)) - have
    claims = [*dates, *store.claims_with_ids(needed)]
    # A finding belongs to the event of its first stored claim; ask for the later ones only
    # when the first is gone.
    document_of = store.claim_documents({k.claims[0] for k in outlines if k.claims})
    document_of.update(store.claim_documents(
        {c for k in outlines if not k.claims or k.claims[0] not in document_of for c in k.claims}))
    ctx = build_context(documents, claims, sides=False, events=kept)
    if kept is None and ctx.events:
        # Written back so the next report need not group again (13 s at a million claims);
        # a store this report may not write to (read-only, a reviewer's role) just groups again.
        try:
            store.keep_grouping(ctx.events, documents)
        except StoreError:
            pass
    tallied: dict[str, Counter[str]] = defaultdict(Counter)
    if tally:
        for k in outlines:
            if k.outcome is Outcome.CONSISTENT:
                tallied[_event_id(ctx, k, document_of)][k.rule] += 1
    return _assemble(ctx, listed, document_of, claims, annotations, verdicts, title, tallied)


def _event_id(ctx: Context, k: Conflict | ConflictOutline, document_of: Mapping[str, str]) -> str:
    """The id of the event of the finding's first claim with a known document ('' for none)."""
    event = next((ctx.event_of.get(document_of[c]) for c in k.claims if c in document_of), None)
    return event.id if event else ""


def _assemble(
    ctx: Context,
    conflicts: Iterable[Conflict],
    document_of: Mapping[str, str],
    claims: Sequence[Claim],
    annotations: Iterable[Annotation],
    verdicts: Mapping[str, Annotation] | None,
    title: str,
    tallied: Mapping[str, Counter[str]] | None = None,
) -> Report:
    by_event: dict[str, list[Conflict]] = defaultdict(list)
    for k in conflicts:
        by_event[_event_id(ctx, k, document_of)].append(k)
    events = []
    for e in ctx.events:
        ks = sort_conflicts(by_event.get(e.id, []))
        counted = tuple(sorted((tallied or {}).get(e.id, Counter()).items()))
        events.append(EventReport(id=e.id, name=e.name, documents=e.documents, conflicts=tuple(ks),
                                  charts=_charts(ks, ctx), why=e.why, versions=e.versions,
                                  version_why=e.version_why, tallied=counted))
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


def plural(n: int, one: str, many: str | None = None) -> str:
    """`1 conflict`, `2 conflicts`, `1 identity`, `0 identities`."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def totals_line(report: Report) -> str:
    """`1 conflict, 4 to decide, 0 identities, 2 consistent checks in 1 event`."""
    t = report.totals()
    return (f"{plural(t[Outcome.CONFLICT], 'conflict')}, {t[Outcome.INDETERMINATE]} to decide, "
            f"{plural(t[Outcome.IDENTITY], 'identity', 'identities')}, "
            f"{plural(t[Outcome.CONSISTENT], 'consistent check')} in {plural(len(report.events), 'event')}")


def tallied_line(report: Report) -> str:
    """What a report that counts its consistent checks instead of listing them says of it."""
    n = report.tallied_checks()
    return (f"{plural(n, 'consistent check')} (over {LISTED_CHECKS:,}) are counted per event and rule, not "
            "listed; a dispute's table lists a few statements of each estimate and counts the rest. "
            "`claims report --format json` lists every finding and claim.")


def human(value: str) -> str:
    """An enum value in words: `not_a_conflict` -> `not a conflict`."""
    return value.replace("_", " ")


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
