"""Pairwise figure rules: two figures for one quantity that cannot both be true.

One sweep per bucket of comparable claims (same event, kind, side, category, and holdings apart
from losses); each clashing
pair is reported under the most specific rule that describes it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from operator import attrgetter

from collections import defaultdict

from claims.model import Category, Claim, Conflict, Kind, Outcome, Population, Quantity, Severity
from claims.reconcile.index import (
    NO_SIDE,
    Context,
    between,
    is_running_total,
    quantity_buckets,
    scope,
)
from claims.reconcile.intervals import describe, strict, tolerant
from claims.reconcile.names import fold
from claims.reconcile.rules import ChartKind, cite, family, finding, rule

INTERVAL = rule(
    "R-INTERVAL", Severity.MEDIUM, "figures that cannot both be true",
    """Two figures for the same quantity (event, kind, side, category, held or lost, population, time) whose
    intervals do not overlap once each is given its tolerance: approximate figures widen by
    10–15 %, round figures by half their rounding unit (at most 5 %), `at least`/`up to` are
    open-ended (see `claims.reconcile.intervals`). Restatements are never reported: `over three
    thousand` and `3,500` agree, `6,000+` and `6,900` agree, `2,700` lies in `2,500–2,700`.
    Severity is high when both figures are stated in the document's own voice, low when both are
    attributed to different claimants (the text already presents a dispute), medium otherwise.
    Figures with different scopes (`in entire South Ossetia` against `peacekeepers`) or that agree
    only under tolerance are reported as indeterminate; figures dated to disjoint times
    (`December 1993` against `February 1994`) are not compared. Check which source each figure
    comes from and whether both count the same thing.""",
    chart=ChartKind.SPREAD,
)
INFOBOX_BODY = rule(
    "R-INFOBOX-BODY", Severity.MEDIUM, "infobox and body disagree",
    """The same as R-INTERVAL for a pair of which one figure is in the document's infobox and the
    other in its prose: the summary and the text say different things. Check which one the
    cited sources support and correct the other.""",
    chart=ChartKind.SPREAD,
)
VERSION_DRIFT = rule(
    "R-VERSION-DRIFT", Severity.MEDIUM, "two versions of one article disagree",
    """The same as R-INTERVAL for two documents that are versions of one article (a revision, a
    mirror or a copy: same event, same title). One of them changed the figure; check the edit
    history and the sources cited at each version to learn which figure is supported.""",
    chart=ChartKind.SPREAD,
)

MEASURES = rule(
    "R-MEASURES", Severity.MEDIUM, "one side's dead counted by two measures",
    """A count of killed and a count of killed or missing for the same side of one event (kind,
    side, population and time as for R-INTERVAL). The killed cannot outnumber the killed or
    missing: a killed figure above the other beyond tolerance is a conflict (indeterminate when
    only the strict figures clash). Otherwise the two measures are not compared, except in two
    versions of one article that give the same belligerent's figure (one claimant side) where one
    is more than three times the other (`17,391 killed or missing (Russian claim)` in one version,
    `2,500-2,700 (Russian official data)` in the next): the figure was probably replaced, reported
    as indeterminate. Check which measure each source uses and why the article changed.""",
)

PAIR_LIMIT = 12
"""Buckets up to this size are compared pair by pair; larger ones by a sorted sweep."""

_ALTERNATIVE = re.compile(r"\bor\b|accord|\bper\b|estimat|claim|official|sources?\b|\(|\[", re.I)


def _noun(q: Quantity) -> str:
    return (q.unit or q.category.value).lower().replace("armour", "armor").rstrip("s")


def _comparable(a: Claim, b: Claim, ctx: Context) -> bool:
    qa, qb = a.value, b.value
    assert isinstance(qa, Quantity) and isinstance(qb, Quantity)
    if a.id == b.id or a.span == b.span:
        return False
    if {qa.population, qb.population} == {Population.MILITARY, Population.CIVILIAN}:
        return False
    if qa.as_of is not None and qb.as_of is not None and not qa.as_of.overlaps(qb.as_of):
        return False
    if a.part_of == b.id or b.part_of == a.id or (a.part_of and a.part_of == b.part_of):
        return False
    if (a.part_of or b.part_of) and _noun(qa) != _noun(qb):
        # A part names a sub-group (`5 infantry fighting vehicles` of 28 armoured vehicles);
        # it says nothing about another figure of the broader category.
        return False
    if a.document == b.document and a.field is not None and a.field == b.field:
        # Figures listed in one infobox cell are sub-groups (`Killed: 169, ... Killed: 11`)
        # unless the cell presents them as alternatives (`15,000 or 40,000–60,000`).
        if not (a.attribution.claimant or b.attribution.claimant):
            text = between(a, b, ctx)
            if text is not None and not _ALTERNATIVE.search(text):
                return False
    return True


def _clash(a: Claim, b: Claim, ctx: Context) -> Conflict | None:
    qa, qb = a.value, b.value
    assert isinstance(qa, Quantity) and isinstance(qb, Quantity)
    ta, tb = tolerant(qa), tolerant(qb)
    sa, sb = strict(qa), strict(qb)
    if sa.overlaps(sb):
        return None
    if a.document == b.document and (is_running_total(a, ctx) or is_running_total(b, ctx)):
        total, other = (a, b) if is_running_total(a, ctx) else (b, a)
        if strict(other.value).high <= strict(total.value).high:  # type: ignore[arg-type]
            return None  # an earlier part of a running tally
    if a.document != b.document and ctx.versions_of_one_article(a, b):
        r = VERSION_DRIFT
    elif a.document == b.document and (a.field is None) != (b.field is None):
        r = INFOBOX_BODY
    else:
        r = INTERVAL
    first, second = sorted((a, b), key=lambda c: (strict(c.value).low, c.id))  # type: ignore[arg-type]
    figures = f"{cite(first, ctx)} and {cite(second, ctx)}"
    subject = f"{a.kind.value} ({qa.category.value.replace('_', ' ')}{' lost' if qa.lost else ''})"
    side = a.side.name or b.side.name
    about = f" for {side}" if side else ""
    scope_a, scope_b = scope(a, ctx), scope(b, ctx)
    if scope_a != scope_b:
        return finding(
            r, (a, b),
            f"Different scopes, not compared as a conflict: {figures} give {subject}{about} as "
            f"{describe(first.value)} and {describe(second.value)}, but one counts "  # type: ignore[arg-type]
            f"{', '.join(sorted(scope_a ^ scope_b))}. Check whether both count the same forces.",
            ctx, outcome=Outcome.INDETERMINATE, severity=Severity.LOW,
        )
    dated = ""
    if (qa.as_of is None) != (qb.as_of is None):
        d = qa.as_of or qb.as_of
        dated = f" One figure is dated ({d.text}) and the other is not, so they may count different moments."  # type: ignore[union-attr]
    if ta.overlaps(tb):
        return finding(
            r, (a, b),
            f"{figures} give {subject}{about} as {describe(first.value)} and "  # type: ignore[arg-type]
            f"{describe(second.value)}; they agree only if the round or approximate figure is read "  # type: ignore[arg-type]
            f"loosely.{dated} Check whether the sources mean the same figure.",
            ctx, outcome=Outcome.INDETERMINATE, severity=Severity.LOW,
        )
    severity = r.severity
    claimants = {fold(c.attribution.claimant) for c in (a, b) if c.attribution.claimant}
    if not claimants:
        severity = Severity.HIGH
    elif len(claimants) == 2:
        severity = Severity.LOW
    if dated:
        severity = Severity.LOW if severity is Severity.MEDIUM else Severity.MEDIUM if severity is Severity.HIGH else severity
    action = {
        VERSION_DRIFT.id: "Check the edit history and the sources cited in each version.",
        INFOBOX_BODY.id: "Check which one the cited sources support and correct the other.",
        INTERVAL.id: "Check which source each figure comes from and whether both count the same thing.",
    }[r.id]
    return finding(
        r, (a, b),
        f"{figures} give {subject}{about} as {describe(first.value)} and "  # type: ignore[arg-type]
        f"{describe(second.value)}, which cannot both be true.{dated} {action}",  # type: ignore[arg-type]
        ctx, severity=severity,
    )


def _pairs(claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """All pairs in a small bucket; in a large one, each outlier against the consensus.

    A large bucket (many sources for one quantity) is swept once: the point covered by the most
    tolerant intervals is the consensus, and every claim whose interval misses it is paired with
    the narrowest consensus claim. O(n log n), and one finding per outlier rather than one per
    pair, which is what a reviewer can act on. Sources mostly repeat a few figures, so the sweep
    runs over the distinct intervals with their multiplicity, and only the outliers are sorted.
    """
    intervals = [tolerant(c.value) for c in claims]  # type: ignore[arg-type]
    if len(claims) <= PAIR_LIMIT:
        ordered = [c for _, c in sorted(zip(intervals, claims), key=lambda t: (t[0].low, t[1].id))]
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                yield a, b
        return
    spans = Counter(map(_BOUNDS, intervals))
    edges = sorted([(low, 0, n) for (low, _), n in spans.items()] + [(high, 1, n) for (_, high), n in spans.items()])
    depth = best = 0
    point = edges[0][0]
    for value, closing, n in edges:
        depth += -n if closing else n
        if depth > best:
            best, point = depth, value
    narrowest = min(high - low for low, high in spans if low <= point <= high)
    anchor = min((c for iv, c in zip(intervals, claims)
                  if iv.low <= point <= iv.high and iv.high - iv.low == narrowest), key=_ID)
    outliers = sorted(((iv.low, c.id, c) for iv, c in zip(intervals, claims) if not iv.low <= point <= iv.high),
                      key=lambda t: t[:2])
    for _, _, c in outliers:
        yield anchor, c


_BOUNDS = attrgetter("low", "high")
_ID = attrgetter("id")


def _restatement(c: Claim) -> tuple:
    """Claims with the same key say the same thing: one document, one figure, one claimant."""
    q = c.value
    assert isinstance(q, Quantity)
    claimant = fold(c.attribution.claimant) if c.attribution.claimant else None
    return (c.document, q.qualifier, q.low, q.high, q.as_of, q.population, c.part_of is None, claimant)


@family
def figure_clashes(ctx: Context) -> Iterator[Conflict]:
    """Compare one representative per restated figure and list the restatements in the finding.

    An article that repeats "4,300 killed" eight times against another version's "6,500" has
    one disagreement, not 64: the reviewer gets one finding naming every place it is stated.
    """
    for bucket in quantity_buckets(ctx).values():
        if len(bucket) < 2:
            continue
        groups: dict[tuple, list[Claim]] = {}
        for c in bucket:
            groups.setdefault(_restatement(c), []).append(c)
        restated = {g[0].id: g[1:] for g in groups.values() if len(g) > 1}
        for a, b in _pairs([g[0] for g in groups.values()]):
            if _comparable(a, b, ctx):
                found = _clash(a, b, ctx)
                if found is not None:
                    yield _with_restatements(found, restated.get(a.id, []) + restated.get(b.id, []))


def _with_restatements(found: Conflict, extra: list[Claim]) -> Conflict:
    if not extra:
        return found
    times = "once more" if len(extra) == 1 else f"{len(extra)} more times"
    return Conflict.create(
        rule=found.rule, severity=found.severity, claims=found.claims + tuple(c.id for c in extra),
        explanation=f"{found.explanation} The same figures are restated {times} (lines "
        f"{', '.join(str(c.span.line) for c in extra)}).",
        outcome=found.outcome, subject=found.subject,
    )


_DEAD_MEASURES = (Category.KILLED, Category.KILLED_OR_MISSING)
_DRIFT_RATIO = 3


@family
def measure_clashes(ctx: Context) -> Iterator[Conflict]:
    """Killed against killed-or-missing for one side (R-MEASURES); small groups only."""
    groups: dict[tuple, tuple[list[Claim], list[Claim]]] = defaultdict(lambda: ([], []))
    for (event, kind, side, category, _lost), bucket in quantity_buckets(ctx).items():
        if kind is Kind.CASUALTIES and side != NO_SIDE and category in _DEAD_MEASURES:
            groups[(event, side)][category is Category.KILLED_OR_MISSING].extend(bucket)
    for key in sorted(groups):
        killed, either = groups[key]
        if not killed or not either or len(killed) > PAIR_LIMIT or len(either) > PAIR_LIMIT:
            continue
        for a in sorted(killed, key=_ID):
            for b in sorted(either, key=_ID):
                if _comparable(a, b, ctx):
                    found = _measure_clash(a, b, ctx)
                    if found is not None:
                        yield found


def _measure_clash(killed: Claim, either: Claim, ctx: Context) -> Conflict | None:
    qk, qe = killed.value, either.value
    assert isinstance(qk, Quantity) and isinstance(qe, Quantity)
    sk, se = strict(qk), strict(qe)
    figures = f"{cite(killed, ctx)} and {cite(either, ctx)}"
    side = killed.side.name or either.side.name
    about = f" for {side}" if side else ""
    if sk.low > se.high:
        hard = tolerant(qk).low > tolerant(qe).high
        return finding(
            MEASURES, (killed, either),
            f"{figures} give{about} {describe(qk)} and {describe(qe)}: more killed than killed or "
            f"missing{'' if hard else ', unless the round or approximate figures are read loosely'}. "
            "Check which source each figure comes from and whether both count the same people.",
            ctx, outcome=Outcome.CONFLICT if hard else Outcome.INDETERMINATE,
            severity=None if hard else Severity.LOW,
        )
    says_k, says_e = killed.attribution.claimant_side, either.attribution.claimant_side
    if says_k is None or says_k != says_e or not ctx.versions_of_one_article(killed, either):
        return None
    small, big = (sk, se) if sk.high <= se.low else (se, sk)
    if small.high == float("inf") or big.low <= _DRIFT_RATIO * small.high:
        return None
    return finding(
        MEASURES, (killed, either),
        f"Two versions of one article give {says_k}'s figure{about} by different measures: {figures} "
        f"({describe(qk)} against {describe(qe)}). Killed and killed or missing need not agree, but "
        f"one is more than {_DRIFT_RATIO} times the other, so the figure was probably replaced. "
        "Check the edit history and the sources cited in each version.",
        ctx, outcome=Outcome.INDETERMINATE, severity=Severity.LOW,
    )
