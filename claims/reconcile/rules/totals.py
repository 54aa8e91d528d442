"""Totals against their parts: a stated total and the figures that should add up to it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from claims.model import Claim, Conflict, Outcome, Population, Qualifier, Quantity, Severity
from claims.reconcile.index import NO_SIDE, Context, is_overall_total
from claims.reconcile.intervals import INF, Interval, describe, describe_interval, nominal, strict, tolerant
from claims.reconcile.rules import ChartKind, cite, family, finding, rule

SUM_PARTS = rule(
    "R-SUM-PARTS", Severity.MEDIUM, "a total is not the sum of its parts",
    """A figure stated as a total with its breakdown (`28 armored vehicles were captured - 8
    tanks, 5 infantry fighting vehicles, 15 armored personnel carriers`; the parts carry
    `part_of`) is checked against the sum of the parts, each with its tolerance. A sum that
    matches is recorded as consistent; one that misses is a conflict; one that matches only under
    tolerance is indeterminate. Check the arithmetic and whether a part was left out.""",
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
        total = total + fn(p.value)
    return total


def _judge(total: Claim, parts: Sequence[Claim]) -> tuple[Outcome, Interval, float]:
    q = total.value
    assert isinstance(q, Quantity)
    tol_sum, strict_sum = _sum(parts, tolerant), _sum(parts, strict)
    point = sum(nominal(p.value) for p in parts)  # type: ignore[arg-type]
    if not tol_sum.overlaps(tolerant(q)):
        return Outcome.CONFLICT, tol_sum, point
    st = strict(q)
    loose = any(p.value.qualifier is not Qualifier.EXACT for p in parts)  # type: ignore[union-attr]
    open_bound = q.qualifier in (Qualifier.AT_LEAST, Qualifier.AT_MOST)
    on_edge = open_bound and (point == st.low or point == st.high)
    if strict_sum.overlaps(st) and not (on_edge and (loose or open_bound)) and st.contains(point):
        return Outcome.CONSISTENT, tol_sum, point
    return Outcome.INDETERMINATE, tol_sum, point


def _sum_text(parts: Sequence[Claim], point: float, tol: Interval) -> str:
    terms = " + ".join(describe(p.value) for p in parts)  # type: ignore[arg-type]
    approx = any(p.value.qualifier is not Qualifier.EXACT for p in parts)  # type: ignore[union-attr]
    span = f" (with tolerance {describe_interval(tol)})" if approx and tol.high != INF else ""
    return f"{terms} = {'about ' if approx else ''}{round(point):,}{span}"


@family
def sum_of_parts(ctx: Context) -> Iterator[Conflict]:
    parts: dict[str, list[Claim]] = defaultdict(list)
    for c in ctx.of_type(Quantity):
        if c.part_of:
            parts[c.part_of].append(c)
    for total_id, members in sorted(parts.items()):
        total = ctx.claims.get(total_id)
        if total is None or not isinstance(total.value, Quantity):
            continue
        members.sort(key=lambda c: (c.span.start, c.id))
        outcome, tol, point = _judge(total, members)
        text = _sum_text(members, point, tol)
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


def _population_fits(total: Quantity, part: Quantity) -> bool:
    return Population.UNKNOWN in (total.population, part.population) or total.population == part.population


@family
def total_across_sides(ctx: Context) -> Iterator[Conflict]:
    sides = ctx.sides
    figures = [c for c in ctx.of_type(Quantity) if not c.value.increment and not c.part_of]  # type: ignore[union-attr]
    totals = [c for c in figures
              if c.side.column is None and sides[c.id] == NO_SIDE and is_overall_total(c, ctx)]
    if not totals:
        return
    # Per-side figures matter only in the documents that state an overall total.
    with_totals = {t.document for t in totals}
    per_doc: dict[tuple, list[Claim]] = defaultdict(list)
    for c in figures:
        if c.document in with_totals and sides[c.id] != NO_SIDE:
            per_doc[(c.document, c.kind, c.value.category, c.value.lost)].append(c)  # type: ignore[union-attr]
    for total in sorted(totals, key=lambda c: c.id):
        q = total.value
        assert isinstance(q, Quantity)
        candidates = [p for p in per_doc.get((total.document, total.kind, q.category, q.lost), [])
                      if _population_fits(q, p.value)]  # type: ignore[arg-type]
        by_side: dict[str, list[Claim]] = defaultdict(list)
        for p in candidates:
            by_side[ctx.sides[p.id]].append(p)
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
