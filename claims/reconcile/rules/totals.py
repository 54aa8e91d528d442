"""Totals against their parts: a stated total and the figures that should add up to it."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

from claims.model import Category, Claim, Conflict, Kind, Outcome, Population, Qualifier, Quantity, Severity
from claims.reconcile.index import NO_SIDE, Context, between, is_overall_total, named_parties, quantity_buckets, sentence, side_label
from claims.reconcile.names import fold
from claims.reconcile.intervals import INF, Interval, claim_strict, claim_tolerant, describe, describe_interval, nominal
from claims.reconcile.scopes import WHOLE, breakdown_totals, is_share
from claims.reconcile.rules import ChartKind, cite, family, finding, rule

SUM_PARTS = rule(
    "R-SUM-PARTS", Severity.MEDIUM, "a total is not the sum of its parts",
    """A figure stated as a total with its breakdown (`28 armored vehicles were captured - 8
    tanks, 5 infantry fighting vehicles, 15 armored personnel carriers`; the parts carry
    `part_of`), or a figure with a bracketed breakdown of the same kind (`~1,040,000 men
    (400,000+ Germans, 143,296 Romanians, ...)`), is checked against the sum of the parts, each
    with its tolerance (an approximate total agrees with a sum inside its tolerance). A sum that
    matches is recorded as consistent; one that misses is a conflict; one that matches only under
    tolerance is indeterminate. Parts listed after `including` (`of whom`, `among them`, `such
    as`) or in later sentences are some of the total, not all of it: they agree unless they add
    up to more than it. The same holds for a side's figures listed by armed service
    (`790 army`, `202 air force`, `10 navy personnel`: one figure per service from one source)
    against a figure for that side's whole force in the same or another document of the event
    (a total that names no side counts when its sentence names only that side). Check the
    arithmetic and whether a part was left out.""",
    chart=ChartKind.PARTS,
)
TOTAL_SIDES = rule(
    "R-TOTAL-SIDES", Severity.LOW, "an overall total against the per-side figures",
    """A figure that counts all sides together (no side, and worded `overall`, `in total`, `both
    sides`) against the sum of the per-side figures of the same kind and category in the same
    document, one per side. The sum of approximate figures is approximate: `~4,000` + `~2,000`
    is 5,100–6,900, so against `more than six thousand` it is *indeterminate* (consistent only if
    the approximate figures were rounded down), not a conflict. A sum that cannot reach the total
    under any tolerance is a conflict of medium severity. Check whether the total and the
    per-side figures come from the same source and count the same people.""",
    chart=ChartKind.SIDES,
)


def _sum(parts: Sequence[Claim], fn) -> Interval:
    total = Interval(0.0, 0.0)
    for p in parts:
        total = total + fn(p)
    return total


def _judge(total: Claim, parts: Sequence[Claim]) -> tuple[Outcome, Interval, float]:
    q = total.value
    assert isinstance(q, Quantity)
    tol_sum, strict_sum = _sum(parts, claim_tolerant), _sum(parts, claim_strict)
    point = sum(nominal(p.value) for p in parts)  # type: ignore[arg-type]
    tt, st = claim_tolerant(total), claim_strict(total)
    if not tol_sum.overlaps(tt):
        return Outcome.CONFLICT, tol_sum, point
    loose = any(p.value.qualifier is not Qualifier.EXACT for p in parts)  # type: ignore[union-attr]
    open_bound = q.qualifier in (Qualifier.AT_LEAST, Qualifier.AT_MOST)
    on_edge = open_bound and (point == st.low or point == st.high)
    if strict_sum.overlaps(st) and not (on_edge and (loose or open_bound)) and st.contains(point):
        return Outcome.CONSISTENT, tol_sum, point
    if q.qualifier is Qualifier.APPROX and tt.contains(point) and strict_sum.overlaps(tt):
        return Outcome.CONSISTENT, tol_sum, point  # `~1,040,000` and parts adding to 1,003,296+
    return Outcome.INDETERMINATE, tol_sum, point


def _sum_text(parts: Sequence[Claim], point: float, tol: Interval) -> str:
    terms = " + ".join(describe(p.value) for p in parts)  # type: ignore[arg-type]
    approx = any(p.value.qualifier is not Qualifier.EXACT for p in parts)  # type: ignore[union-attr]
    span = f" (with tolerance {describe_interval(tol)})" if approx and tol.high != INF else ""
    return f"{terms} = {'about ' if approx else ''}{round(point):,}{span}"


@family
def sum_of_parts(ctx: Context) -> Iterator[Conflict]:
    parts: dict[str, list[Claim]] = defaultdict(list)
    # The breakdowns' totals are claims of this context, so a total's id is read from the map
    # itself; with no breakdown (documents without text) only ``part_of`` is read.
    breakdowns = breakdown_totals(ctx)
    for c in ctx.of_type(Quantity):
        total = c.part_of or (breakdowns.get(c.id) if breakdowns else None)
        if total:
            parts[total].append(c)
    for total_id, members in sorted(parts.items()):
        total = ctx.claims.get(total_id)
        if total is None or not isinstance(total.value, Quantity):
            continue
        if is_share(total.value) or any(is_share(m.value) for m in members):  # type: ignore[arg-type]
            continue  # a percentage is never summed with counts (`40 killed, 30% of them civilians`)
        members.sort(key=lambda c: (c.span.start, c.id))
        outcome, tol, point = _judge(total, members)
        text = _sum_text(members, point, tol)
        if outcome is not Outcome.CONSISTENT and _only_some(total, members, ctx):
            # `11,100 injured, including 3,374 children, 2,088 women and 410 elderly`: the parts
            # are some of the total, not all of it; only more than the total is wrong.
            if tol.low <= claim_tolerant(total).high:
                explanation = (f"The parts listed add up to {text}, within the stated total {cite(total, ctx)}: "
                               "they are some of it, not all (`including`, or a breakdown in later sentences).")
                yield finding(SUM_PARTS, (total, *members), explanation, ctx, outcome=Outcome.CONSISTENT,
                              severity=Severity.INFO)
                continue
            outcome = Outcome.CONFLICT
        if outcome is Outcome.CONSISTENT:
            explanation = f"The parts add up: {text}, as stated in {cite(total, ctx)}."
            yield finding(SUM_PARTS, (total, *members), explanation, ctx, outcome=outcome, severity=Severity.INFO)
        elif outcome is Outcome.INDETERMINATE:
            explanation = (f"The parts ({text}) match the stated total {cite(total, ctx)} only under "
                           "tolerance. Check the figures.")
            yield finding(SUM_PARTS, (total, *members), explanation, ctx, outcome=outcome, severity=Severity.LOW)
        else:
            explanation = (f"The parts add up to {text}, but {cite(total, ctx)} states "
                           f"{describe(total.value)}. Check the arithmetic and whether a part is missing.")  # type: ignore[arg-type]
            yield finding(SUM_PARTS, (total, *members), explanation, ctx, outcome=outcome)


_SOME_OF = re.compile(r"(?i)\b(?:including|incl\.|among[ \t]+(?:them|whom|those)|such[ \t]+as|of[ \t]+(?:whom|which|them|those))\b|[.!?][\"”’)]?[ \t\n]")


def _only_some(total: Claim, members: Sequence[Claim], ctx: Context) -> bool:
    """Whether the parts are only some of the total: listed after `including` (`of whom`,
    `among them`, `such as`), or in a later sentence than the total's."""
    doc = ctx.documents.get(total.document)
    first = members[0]
    if doc is None or first.document != total.document or first.span.start < total.span.start:
        return False
    # `264 soldiers, including 53 wounded, had left`: the parts may sit inside the total's span.
    start = total.span.end if first.span.start >= total.span.end else total.span.start
    return bool(_SOME_OF.search(doc.text, start, first.span.start))


_SERVICES = frozenset({"army", "air force", "navy", "marines"})
"""Scopes (see `claims.reconcile.scopes`) that split a side's force by armed service."""


@family
def service_sums(ctx: Context) -> Iterator[Conflict]:
    """A side's figures by armed service against the side's whole figure (R-SUM-PARTS)."""
    by_quantity: dict[tuple, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    unsided: dict[tuple, list[Claim]] = defaultdict(list)
    for (event, kind, side, category, lost, scope_), bucket in quantity_buckets(ctx).items():
        if kind not in (Kind.STRENGTH, Kind.CASUALTIES):
            continue
        if side == NO_SIDE and scope_ == WHOLE:
            unsided[(event, kind, category, lost)].extend(bucket)
        elif side != NO_SIDE and (scope_ == WHOLE or scope_ in _SERVICES):
            by_quantity[(event, kind, side, category, lost)][scope_].extend(bucket)
    for key in sorted(by_quantity, key=str):
        scopes_ = by_quantity[key]
        breakdowns = _service_breakdowns({s: v for s, v in scopes_.items() if s in _SERVICES})
        if not breakdowns or len(breakdowns) > _BREAKDOWN_LIMIT:
            continue
        event, kind, side, category, lost = key
        documents = {p.document for parts in breakdowns for p in parts}
        totals = list(scopes_.get(WHOLE, ())) + [
            c for c in unsided.get((event, kind, category, lost), ())
            if c.document in documents and set(named_parties(sentence(c, ctx))) == set(side.split("/"))]
        if len(totals) > _BREAKDOWN_LIMIT:
            continue
        for total in sorted(totals, key=lambda c: c.id):
            for parts in breakdowns:
                if not all(_same_moment(total, p) for p in parts):
                    continue
                if total.side.column is None and ctx.sides[total.id] == NO_SIDE \
                        and total.document != parts[0].document:
                    continue  # a total placed by its sentence's side is read only beside its breakdown
                yield _service_sum(total, parts, side, ctx)


def _service_breakdowns(services: dict[str, list[Claim]]) -> list[list[Claim]]:
    """One breakdown per source (document, claimant, infobox field) giving one figure for each
    of at least two services."""
    by_source: dict[tuple, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for service, claims in services.items():
        for c in claims:
            claimant = fold(c.attribution.claimant) if c.attribution.claimant else None
            by_source[(c.document, claimant, c.field)][service].append(c)
    out = []
    for source in sorted(by_source, key=str):
        figures = by_source[source]
        if len(figures) < 2:
            continue
        chosen = []
        for service in sorted(figures):
            if len({(claim_strict(c).low, claim_strict(c).high) for c in figures[service]}) != 1:
                break
            chosen.append(min(figures[service], key=lambda c: (c.span.start, c.id)))
        else:
            out.append(sorted(chosen, key=lambda c: (c.span.start, c.id)))
    return out


def _service_sum(total: Claim, parts: list[Claim], side: str, ctx: Context) -> Conflict:
    outcome, tol, point = _judge(total, parts)
    text = _sum_text(parts, point, tol)
    listed = ", ".join(cite(p, ctx) for p in parts)
    who_ = side_label(side, parts, ctx) or "One side"
    if outcome is Outcome.CONSISTENT:
        return finding(SUM_PARTS, (total, *parts),
                       f"{who_}'s figures by service ({listed}) add up to {text}, consistent with {cite(total, ctx)}.",
                       ctx, outcome=outcome, severity=Severity.INFO)
    if outcome is Outcome.INDETERMINATE:
        return finding(SUM_PARTS, (total, *parts),
                       f"{who_}'s figures by service ({listed}) add up to {text}, which matches {cite(total, ctx)} "
                       "only under tolerance. Check the figures.",
                       ctx, outcome=outcome, severity=Severity.LOW)
    return finding(SUM_PARTS, (total, *parts),
                   f"{who_}'s figures by service ({listed}) add up to {text}, but {cite(total, ctx)} gives "
                   f"{describe(total.value)}. Check whether a service is missing from the list or the total "
                   "counts other forces.",  # type: ignore[arg-type]
                   ctx, outcome=outcome)


def _population_fits(total: Quantity, part: Quantity) -> bool:
    return Population.UNKNOWN in (total.population, part.population) or total.population == part.population


_BREAKDOWN_REACH = 900
"""How far after a total its breakdown may run (a few sentences of a news story)."""


def _group(c: Claim, ctx: Context) -> str | None:
    """The group a figure counts in a breakdown by side: its side, or civilians, else None."""
    if ctx.sides[c.id] != NO_SIDE:
        return ctx.sides[c.id]
    return "civilians" if c.value.population is Population.CIVILIAN else None  # type: ignore[union-attr]


def _summable(c: Claim) -> bool:
    """A figure that may be a total or a part of one: a count, not an increment or a part of another figure."""
    return not c.value.increment and not c.part_of and not is_share(c.value)  # type: ignore[union-attr,arg-type]


@family
def total_across_sides(ctx: Context) -> Iterator[Conflict]:
    sides = ctx.sides
    quantities = ctx.of_type(Quantity)
    # Most figures have a side: find the ones without before reading every figure.
    unsided = [c for c in quantities if c.side.column is None and sides[c.id] == NO_SIDE and _summable(c)]
    if not unsided:
        return
    figures = [c for c in quantities if _summable(c)]
    # Per-side figures matter only in the documents that state a total with no side; civilians
    # are a group of their own in a breakdown (`27 civilians, 398 YPG fighters, 712 IS`).
    with_unsided = {t.document for t in unsided}
    per_doc: dict[tuple, list[Claim]] = defaultdict(list)
    for c in figures:
        if c.document in with_unsided and _group(c, ctx) is not None:
            per_doc[(c.document, c.kind, c.value.category, c.value.lost)].append(c)  # type: ignore[union-attr]
    for total in sorted(unsided, key=lambda c: c.id):
        q = total.value
        assert isinstance(q, Quantity)
        if q.population is Population.CIVILIAN:
            continue
        candidates = [p for p in per_doc.get((total.document, total.kind, q.category, q.lost), [])
                      if _population_fits(q, p.value) or p.value.population is Population.CIVILIAN]  # type: ignore[union-attr,arg-type]
        if not is_overall_total(total, ctx):
            # A total that names no side counts as one over every side only when its breakdown
            # follows it (`1,153 people have been killed ... Some 27 civilians ..., 398 YPG
            # fighters ... And 712 IS fighters`): the figures right after it, one per group.
            candidates = [p for p in candidates if 0 < p.span.start - total.span.end <= _BREAKDOWN_REACH
                          and p.attribution.claimant == total.attribution.claimant]
            if len({_group(p, ctx) for p in candidates}) < 2:
                continue
        else:
            candidates = [p for p in candidates if _group(p, ctx) != "civilians"]
        by_side: dict[str, list[Claim]] = defaultdict(list)
        for p in candidates:
            by_side[_group(p, ctx)].append(p)  # type: ignore[index]
        if len(by_side) < 2 or any(len(v) != 1 for v in by_side.values()):
            continue  # no clean one-figure-per-side breakdown to add up
        parts = sorted((v[0] for v in by_side.values()), key=lambda c: (c.span.start, c.id))
        outcome, tol, point = _judge(total, parts)
        text = _sum_text(parts, point, tol)
        sides = ", ".join(cite(p, ctx) for p in parts)
        if outcome is Outcome.CONSISTENT:
            yield finding(TOTAL_SIDES, (total, *parts),
                          f"The per-side figures {sides} add up to {text}, consistent with {cite(total, ctx)}.",
                          ctx, outcome=outcome, severity=Severity.INFO)
        elif outcome is Outcome.INDETERMINATE:
            yield finding(TOTAL_SIDES, (total, *parts),
                          f"Undecided: the per-side figures {sides} add up to {text}, while {cite(total, ctx)} "
                          f"gives {describe(q)}. They agree only if the approximate figures are read loosely "
                          "(the sum sits on the total's bound). Check whether both come from one source and "
                          "count the same people.",
                          ctx, outcome=outcome, severity=Severity.LOW)
        else:
            yield finding(TOTAL_SIDES, (total, *parts),
                          f"The per-side figures {sides} add up to {text}, but {cite(total, ctx)} gives "
                          f"{describe(q)}. Check whether the total and the per-side figures count the same "
                          "people and period.",
                          ctx, outcome=outcome, severity=Severity.MEDIUM)


CASUALTY_SUM = rule(
    "R-CASUALTY-SUM", Severity.MEDIUM, "a casualty total against its killed and wounded",
    """A side's casualties (`13,930 casualties`; killed, wounded, missing and captured together) or
    killed-or-wounded figure against the killed and wounded (and missing, captured) that one
    source gives for the same side and scope, in the same or another document of the event:
    `23,000` against `8,000 dead` and `15,000 wounded` is consistent, `1,000 casualties` against
    `400 killed` and `900 wounded` is a conflict; the total agrees when killed and wounded, or
    with the missing, or with the captured too, add up to it (sources differ on what casualties
    include). A breakdown is used only when its source gives
    one figure per measure, killed and wounded among them, and not against another document's
    total when it already adds up to a total of its own document (the two totals are then
    compared as estimates of one quantity). A casualty figure that equals the
    killed alone may use `casualties` for the dead, and two different named sources may define
    casualties differently: both indeterminate. Check which measures each source counts.""",
    chart=ChartKind.MEASURES,
)

_COMPONENTS = {Category.KILLED: 0, Category.KILLED_OR_MISSING: 0, Category.WOUNDED: 1, Category.MISSING: 2,
               Category.CAPTURED: 3}
_TOTALS = (Category.CASUALTIES, Category.KILLED_OR_WOUNDED)
_BREAKDOWN_LIMIT = 8


@family
def casualty_sums(ctx: Context) -> Iterator[Conflict]:
    groups: dict[tuple, tuple[list[Claim], list[Claim]]] = defaultdict(lambda: ([], []))
    for (event, kind, side, category, lost, scope_), bucket in quantity_buckets(ctx).items():
        if side == NO_SIDE or lost or kind not in (Kind.CASUALTIES, Kind.CAPTURED):
            continue
        if category in _TOTALS:
            groups[(event, side, scope_)][0].extend(c for c in bucket if _names_a_measure(c))
        elif category in _COMPONENTS:
            groups[(event, side, scope_)][1].extend(bucket)
    for key in sorted(groups, key=str):
        totals, components = groups[key]
        if not totals or not components:
            continue
        breakdowns = _breakdowns_of(components)
        if not breakdowns or len(breakdowns) > _BREAKDOWN_LIMIT or len(totals) > _BREAKDOWN_LIMIT:
            continue
        judged: dict[tuple[str, int], Conflict] = {}
        # A document that gives both a total and its breakdown is checked against itself; other
        # documents' totals and breakdowns are for documents that give only one of the two.
        with_total = {t.document for t in totals}
        with_parts = {parts[0].document for parts in breakdowns}
        for total in sorted(totals, key=lambda c: c.id):
            for n, parts in enumerate(breakdowns):
                if parts[0].document != total.document and (total.document in with_parts or parts[0].document in with_total):
                    continue
                if total.value.category is Category.KILLED_OR_WOUNDED:  # type: ignore[union-attr]
                    parts = [p for p in parts if _COMPONENTS[p.value.category] <= 1]  # type: ignore[union-attr]
                if len(parts) >= 2 and all(_same_moment(total, p) for p in parts):
                    judged[(total.id, n)] = _casualty_sum(total, parts, ctx)
        # A breakdown that adds up to a total of its own document stands for that total: its
        # disagreement with another document's total is one of totals (a dispute), not of sums.
        confirmed = {n for (total_id, n), k in judged.items() if k.outcome is Outcome.CONSISTENT
                     and ctx.claims[total_id].document == breakdowns[n][0].document}
        for (total_id, n), k in sorted(judged.items()):
            if n in confirmed and k.outcome is not Outcome.CONSISTENT \
                    and ctx.claims[total_id].document != breakdowns[n][0].document:
                continue
            yield k


_MEASURE_WORDS = re.compile(r"casualt|loss|killed (?:and|or) wounded|dead and wounded|killed, wounded", re.I)


def _names_a_measure(c: Claim) -> bool:
    """A casualty total says it counts casualties (`13,930 casualties`, `losses: 23,000`, a bare
    figure in a casualties field), not only people (`2600 soldiers and civilians MIA`)."""
    unit = (c.value.unit or "").lower()  # type: ignore[union-attr]
    return bool(_MEASURE_WORDS.search(c.span.quote)) or not unit or bool(_MEASURE_WORDS.search(unit))


def _breakdowns_of(components: Sequence[Claim]) -> list[list[Claim]]:
    """One breakdown per source (document and claimant) that gives one figure per measure."""
    by_source: dict[tuple, dict[int, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in components:
        claimant = fold(c.attribution.claimant) if c.attribution.claimant else None
        by_source[(c.document, claimant)][_COMPONENTS[c.value.category]].append(c)  # type: ignore[union-attr]
    out = []
    for source in sorted(by_source, key=str):
        measures = by_source[source]
        if 0 not in measures or 1 not in measures:
            continue
        chosen = []
        for m in sorted(measures):
            values = {(claim_strict(c).low, claim_strict(c).high) for c in measures[m]}
            if len(values) != 1:
                break
            chosen.append(min(measures[m], key=lambda c: (c.span.start, c.id)))
        else:
            out.append(chosen)
    return out


_OUTCOME_RANK = {Outcome.CONSISTENT: 0, Outcome.INDETERMINATE: 1, Outcome.CONFLICT: 2}


def _same_moment(a: Claim, b: Claim) -> bool:
    qa, qb = a.value, b.value
    return qa.as_of is None or qb.as_of is None or qa.as_of.overlaps(qb.as_of)  # type: ignore[union-attr]


_PARTIAL = re.compile(r"\b(?:including|includ(?:e|es|ed)|among (?:them|whom|those)|of whom|of which|such as)\b", re.I)


def _partial(total: Claim, parts: Sequence[Claim], ctx: Context) -> bool:
    """The breakdown follows its total in one passage as a partial list (`1,200 casualties,
    including 300 killed and 500 wounded`): it names some of the casualties, not all."""
    first = min(parts, key=lambda p: p.span.start)
    if first.document != total.document or first.span.start < total.span.end:
        return False
    text = between(total, first, ctx)
    return text is not None and len(text) < 200 and bool(_PARTIAL.search(text))


def _casualty_sum(total: Claim, parts: list[Claim], ctx: Context) -> Conflict:
    if _partial(total, parts, ctx):
        tol = _sum(parts, claim_tolerant)
        if tol.low <= claim_tolerant(total).high:
            return finding(CASUALTY_SUM, (total, *parts),
                           f"{cite(total, ctx)} is followed by a partial breakdown "
                           f"({', '.join(cite(p, ctx) for p in parts)}) that stays within it.",
                           ctx, outcome=Outcome.CONSISTENT, severity=Severity.INFO)
    # Sources count casualties with or without the missing and the captured: the total agrees
    # when any of those readings adds up (killed + wounded, + missing, + captured).
    readings = [parts[:n] for n in range(2, len(parts) + 1)]
    outcome, tol, point = _judge(total, parts)
    for reading in readings:
        judged = _judge(total, reading)
        if _OUTCOME_RANK[judged[0]] < _OUTCOME_RANK[outcome]:
            parts, (outcome, tol, point) = reading, judged
    text = _sum_text(parts, point, tol)
    killed = parts[0]
    measures = " + ".join(p.value.category.value.replace("_", " ") for p in parts)  # type: ignore[union-attr]
    said_total = fold(total.attribution.claimant) if total.attribution.claimant else None
    said_parts = fold(killed.attribution.claimant) if killed.attribution.claimant else None
    if outcome is Outcome.CONFLICT and said_total and said_parts and said_total != said_parts:
        return finding(CASUALTY_SUM, (total, *parts),
                       f"{cite(total, ctx)} and the {measures} {', '.join(cite(p, ctx) for p in parts)} ({text}) "
                       "come from different named sources, which may count casualties differently (the wounded, "
                       "the missing, the captured); to decide whether they disagree. Check what each counts.",
                       ctx, outcome=Outcome.INDETERMINATE, severity=Severity.LOW)
    if outcome is Outcome.CONSISTENT:
        return finding(CASUALTY_SUM, (total, *parts),
                       f"The {measures} {', '.join(cite(p, ctx) for p in parts)} add up to {text}, consistent with "
                       f"{cite(total, ctx)}.", ctx, outcome=outcome, severity=Severity.INFO)
    if outcome is Outcome.CONFLICT and claim_tolerant(killed).overlaps(claim_tolerant(total)):
        return finding(CASUALTY_SUM, (total, *parts),
                       f"{cite(total, ctx)} equals the killed alone ({cite(killed, ctx)}), not the {measures} "
                       f"({text}): either it counts only the dead, or the sources disagree. Check what each counts.",
                       ctx, outcome=Outcome.INDETERMINATE, severity=Severity.LOW)
    if outcome is Outcome.INDETERMINATE:
        return finding(CASUALTY_SUM, (total, *parts),
                       f"The {measures} ({text}) match {cite(total, ctx)} only under tolerance. Check the figures.",
                       ctx, outcome=outcome, severity=Severity.LOW)
    return finding(CASUALTY_SUM, (total, *parts),
                   f"The {measures} {', '.join(cite(p, ctx) for p in parts)} add up to {text}, but "
                   f"{cite(total, ctx)} gives {describe(total.value)}. Check which measures each source "  # type: ignore[arg-type]
                   "counts and whether the figures are of one time.", ctx, outcome=outcome)
