"""Disputed quantities: every estimate of one figure, and which of them cannot all be true.

A *dispute* gathers the figures of one bucket of the index (same event, kind, side, category,
held or lost, scope): `Republic of Dresk killed: 300 (the ministry) / 500 (HRW) / 900`. Figures
that state the same number from the same source (one document, versions of one article, or one
claimant) are one *estimate* with its restatements. Estimates are compared pair by pair (in a
large dispute, each outlier against the consensus) and each pair is one of: cannot both be true,
agree within tolerance, agree, an update of a growing count, or not compared (different moments,
sub-groups listed together). The reviewer gets one finding per dispute, under the rule that
describes its clashing pairs: R-INTERVAL (independent sources), R-INFOBOX-BODY (one document's
summary against its text) or R-VERSION-DRIFT (versions of one article, an edit changed the
figure); a dispute with pairs of more than one kind is reported under R-INTERVAL and says which
pair is which.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import chain
from operator import attrgetter, itemgetter

from claims.model import (
    Category, Claim, ClaimantClass, Conflict, Dispute, Estimate, Kind, Outcome, Pair, Population, Qualifier, Quantity, Relation, Severity,
    UncertainDate,
)
from claims.reconcile.index import (
    NO_SIDE,
    Context,
    after,
    before,
    between,
    entry_time,
    inferred_side,
    side_label,
    is_running_total,
    quantity_buckets,
)
from claims.reconcile.intervals import (
    Interval, claim_strict, claim_tolerant, describe, strict, strict_intervals, tolerant_intervals,
)
from claims.reconcile.names import fold
from claims.reconcile.rules import ChartKind, cite, family, finding, located, rule, who
from claims.reconcile.placement import claimant_side
from claims.reconcile.scopes import (
    WHOLE, event_end, is_cumulative, measure_breakdown, moment, named_source, report_date, same_claimant, same_source,
)

INTERVAL = rule(
    "R-INTERVAL", Severity.MEDIUM, "estimates that cannot all be true",
    """Every estimate of one quantity (event, kind, side, category, held or lost, scope) from
    independent sources, as one finding: the estimates whose intervals do not overlap once each
    is given its tolerance cannot all be true (approximate figures widen by 10–15 %, round
    figures by half their rounding unit, at most 5 %, `at least`/`up to` are open-ended, a vague
    amount stays below the next power of ten; see `claims.reconcile.intervals`). Restatements
    are never reported: `over three thousand` and `3,500` agree, `6,000+` and `6,900` agree,
    `2,700` lies in `2,500–2,700`; the same figure stated again by the same source is listed as
    a restatement. Figures with different scopes (`in entire South Ossetia` against
    `peacekeepers`, one day against the battle) are different quantities and never compared;
    figures dated to disjoint times (`December 1993` against `February 1994`) are listed but not
    compared, and a later, larger count of a growing toll from one source is an update. Estimates
    that agree only under tolerance make the finding *to decide*. Severity is high when clashing
    figures are stated in the documents' own voice, low when every clash is between named
    claimants (the text already presents a dispute), medium otherwise. Check which source each
    figure comes from and whether all count the same thing.""",
    chart=ChartKind.SPREAD,
)
INFOBOX_BODY = rule(
    "R-INFOBOX-BODY", Severity.MEDIUM, "infobox and body disagree",
    """As R-INTERVAL, for a dispute whose clashing estimates are all in one document, one in its
    infobox and the other in its prose: the summary and the text say different things. Check
    which one the cited sources support and correct the other.""",
    chart=ChartKind.SPREAD,
)
VERSION_DRIFT = rule(
    "R-VERSION-DRIFT", Severity.MEDIUM, "two versions of one article disagree",
    """As R-INTERVAL, for a dispute whose clashing estimates are all in versions of one article:
    documents with evidence of one lineage (the same source page, declared copies of one
    encyclopedia page, or a large share of identical wording; a shared title is not enough, see
    `claims.reconcile.lineage`). An edit changed the figure; check the edit history and the
    sources cited at each version to learn which figure is supported.""",
    chart=ChartKind.SPREAD,
)

MEASURES = rule(
    "R-MEASURES", Severity.MEDIUM, "one side's dead counted by two measures",
    """A count of killed and a count of killed or missing for the same side of one event (kind,
    side, scope and time as for R-INTERVAL). The killed cannot outnumber the killed or
    missing: a killed figure above the other beyond tolerance is a conflict (indeterminate when
    only the strict figures clash). Otherwise the two measures are not compared, except when two
    documents give the same belligerent's figure (one claimant side) and one is more than three
    times the other (`17,391 killed or missing (Russian claim)` in one version, `2,500-2,700
    (Russian official data)` in another): the figure was probably replaced or misquoted, reported
    as indeterminate. Check which measure each source uses and why they differ.""",
    tension_disagrees=True,
)

PAIR_LIMIT = 12
"""Disputes up to this many estimates are compared pair by pair; larger ones by a sorted sweep."""

_ALTERNATIVE = re.compile(r"\bor\b|/|accord|\bper\b|estimat|claim|official|sources?\b|\(|\[|\bwhile\b|\bwhereas\b"
                          r"|\bbut\b|\bsaid\b|\bsays\b|\bvs\.?\b|\bversus\b|\baccounts?\b|\bothers? (?:say|give|put)",
                          re.I)
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_RULE_ADVICE = {
    "R-VERSION-DRIFT": "versions of one article: check the edit history and the sources cited in each version",
    "R-INFOBOX-BODY": "the infobox against the text: check which one the cited sources support and correct the other",
    "R-INTERVAL": "independent sources: check which source each figure comes from and whether both count the same thing",
}


def _noun(q: Quantity) -> str:
    return (q.unit or q.category.value).lower().replace("armour", "armor").rstrip("s")


_MILITARY_AND_CIVILIAN = {Population.MILITARY, Population.CIVILIAN}
# The relations as module names: on Python 3.11 each read of an Enum member (`Relation.CLASH`)
# is a slow lookup, and the pair loops read them for every pair of estimates.
_CLASH, _LOOSE, _UPDATE, _AGREE, _NOT_COMPARED = (
    Relation.CLASH, Relation.LOOSE, Relation.UPDATE, Relation.AGREE, Relation.NOT_COMPARED)


def _comparable(a: Claim, b: Claim, ctx: Context) -> bool:
    """Whether two figures of one bucket count the same thing at the same moment."""
    qa, qb = a.value, b.value
    assert isinstance(qa, Quantity) and isinstance(qb, Quantity)
    # Cheap tests first: spans of different starts differ, and a pair of populations is
    # tested without building sets (this runs for every pair a dispute compares).
    sa, sb = a.span, b.span
    if a.id == b.id or sa is sb or sa.start == sb.start and sa == sb:
        return False
    pa, pb = qa.population, qb.population
    if pa is not pb and {pa, pb} == _MILITARY_AND_CIVILIAN:
        return False
    if qa.as_of is not None and qb.as_of is not None and not _same_time(qa.as_of, qb.as_of):
        return False
    if a.part_of == b.id or b.part_of == a.id or (a.part_of and a.part_of == b.part_of):
        return False
    if a.document == b.document and (ta := entry_time(a, ctx)) is not None and (tb := entry_time(b, ctx)) is not None \
            and ta != tb:
        # A live blog's later entry updates an earlier one when its count has not fallen (`45
        # bodies` at 09:05, `87` at 17:45): a growing toll, no rival figure.
        early, late = (qa, qb) if ta < tb else (qb, qa)
        if strict(late).high >= strict(early).low:
            return False
    if (a.part_of and not measure_breakdown(a, ctx) or b.part_of and not measure_breakdown(b, ctx)) \
            and _noun(qa) != _noun(qb):
        # A part names a sub-group (`5 infantry fighting vehicles` of 28 armoured vehicles);
        # it says nothing about another figure of the broader category.
        return False
    if a.document == b.document and (a.field is None) == (b.field is None):
        # Figures listed together (one infobox cell, one sentence) are sub-groups (`Killed:
        # 169, ... Killed: 11`) unless the text presents them as alternatives (`15,000 or
        # 40,000–60,000`, `..., Russia said, while Ukraine said ...`).
        same_place = a.field == b.field if a.field is not None else True
        said_a = fold(a.attribution.claimant) if a.attribution.claimant else None
        said_b = fold(b.attribution.claimant) if b.attribution.claimant else None
        if same_place and said_a == said_b:
            text = between(a, b, ctx)
            if text is not None and (a.field is not None or not _SENTENCE_BREAK.search(text)) \
                    and not _ALTERNATIVE.search(text):
                return False
    return True


def _same_time(a: UncertainDate, b: UncertainDate) -> bool:
    """Whether two as-of dates can be one moment. A year taken from context (`As of March 13`
    in an article whose year the extractor guessed) is not held against the other date: only
    the days of the year are compared then."""
    if a.overlaps(b):
        return True
    if not (a.year_inferred or b.year_inferred) or a.years or b.years:
        return False
    if a.earliest.year != a.latest.year or b.earliest.year != b.latest.year:
        return False
    days = lambda d: (d.earliest.month, d.earliest.day), lambda d: (d.latest.month, d.latest.day)  # noqa: E731
    return days[0](a) <= days[1](b) and days[0](b) <= days[1](a)


def _relation(a: Claim, b: Claim, overlap: bool, loose: bool, ctx: Context) -> Relation:
    """How two estimates (their first claims) stand to each other, given whether their strict
    intervals overlap and whether their tolerant ones do (the caller has both at hand)."""
    if not _comparable(a, b, ctx):
        return _NOT_COMPARED
    if overlap:
        return _AGREE
    if a.document == b.document and (is_running_total(a, ctx) or is_running_total(b, ctx)) and not (
            # (two named sources' tolls are two counts, not one tally: `the WHO said 392 ...
            # The health ministry gave a higher toll, 432`)
            a.attribution.claimant and b.attribution.claimant and not same_claimant(a, b)):
        total, other = (a, b) if is_running_total(a, ctx) else (b, a)
        if is_running_total(other, ctx) and claim_strict(other).high > claim_strict(total).high:
            total, other = other, total  # two running totals: the smaller is a part of the larger
        if claim_strict(other).high <= claim_strict(total).high:
            return _UPDATE  # an earlier part of a running tally
    if a.document == b.document and _grown_in_document(a, b, ctx):
        return _UPDATE
    if a.document != b.document and (_update(a, b, ctx) or _interim(a, b, ctx) or _own_toll_grew(a, b, ctx)):
        return _UPDATE
    return _LOOSE if loose else _CLASH


def _own_toll_grew(a: Claim, b: Claim, ctx: Context) -> bool:
    """One side's own sources in two reports, one of them worded as a running count (`the
    number of Kyrgyz citizens killed has risen to 24`, `59 of its citizens had died`): a toll
    that grows, not two counts at odds. Only a belligerent's own losses grow this way in its
    sources' mouths; a rival's count of them stays a dispute."""
    side = claimant_side(a, ctx) or a.attribution.claimant_side
    if side is None or side != (claimant_side(b, ctx) or b.attribution.claimant_side) \
            or (a.side.name or side) != side or (b.side.name or side) != side:
        return False
    return is_cumulative(a, ctx) or is_cumulative(b, ctx)


def _grown(early: Claim, late: Claim) -> bool:
    """The later count is no smaller than the earlier one."""
    return claim_strict(late).high >= claim_strict(early).low


def _grown_in_document(a: Claim, b: Claim, ctx: Context) -> bool:
    """One document's running counts at two moments (a live blog's entries, a timeline's `By
    20 May`), from one source or one side's sources: the later, larger count is an update."""
    if a.field is not None or b.field is not None or not (is_cumulative(a, ctx) and is_cumulative(b, ctx)):
        return False
    ma, mb = moment(a, ctx), moment(b, ctx)
    if ma is None or mb is None or ma == mb or (ma[0] == 0) != (mb[0] == 0):
        return False
    if not (a.attribution.claimant is None and b.attribution.claimant is None or same_claimant(a, b)):
        side = claimant_side(a, ctx)
        if side is None or side != claimant_side(b, ctx):
            return False
    early, late = (a, b) if ma < mb else (b, a)
    return _grown(early, late)


def _interim(a: Claim, b: Claim, ctx: Context) -> bool:
    """A running count from a report written before the event ended (its date before the end
    its articles give) against a count of the whole event no smaller (from a page with an
    infobox, a page with no date of its own, or a report written after the end): the toll grew
    after the report, so the two do not disagree."""
    for early, whole in ((a, b), (b, a)):
        # (the cheap tests first: reading a figure's words costs more than its interval)
        if _grown(early, whole) and is_cumulative(early, ctx) and _is_final(whole, ctx) and not _is_final(early, ctx):
            return True  # `has risen to 241` against `a final toll of 366`: the count went on
        written = report_date(early.document, ctx)
        if written is None:
            continue  # no report (most figures): the event's end is not needed
        end = event_end(early, ctx)
        whole_doc = ctx.documents.get(whole.document)
        later = report_date(whole.document, ctx)
        if end is None:
            # no article gives the end: a running count against a page with no date of its own
            # (a note looking back) that counts no less
            if later is None and whole_doc is not None and not whole_doc.infobox and is_cumulative(early, ctx) \
                    and not is_cumulative(whole, ctx) and _grown(early, whole):
                return True
            continue
        if written[0] == 0:  # a wire's `Aug 30`: the year of the event it was grouped with
            written = (end[0], *written[1:])
        if written >= end or not is_cumulative(early, ctx):
            continue
        # (a page with no date of its own, such as a note or an article looking back, counts
        # the whole event as an infobox does)
        if (whole_doc is not None and (whole_doc.infobox or later is None) or later is not None and later >= end) \
                and _grown(early, whole):
            return True
    return False


_FINAL = re.compile(r"\bfinal\b", re.I)


def _is_final(c: Claim, ctx: Context) -> bool:
    """The figure is worded as the event's final count (`a final toll of 366`, `(final)`)."""
    return bool(_FINAL.search(before(c, ctx, 60)) or _FINAL.search(after(c, ctx, 40))
                or c.attribution.claimant and _FINAL.search(c.attribution.claimant))


def _update(a: Claim, b: Claim, ctx: Context) -> bool:
    """Two reports' counts from one source at different times. One named source's counts in
    two reports are its running count (unless the later report, dates known, gives less). A
    report that names no source, or only an unidentified one (`a human rights monitoring
    group`, which may be the named source of the other report), counts as the same source
    when the later report, dates known, gives more and its figure is worded as a running
    count, and so is the earlier figure unless a source is unidentified."""
    # A body a report only describes is the body it names (`a human rights monitoring group`
    # and, later, `the Syrian Observatory for Human Rights`).
    named = _identified(a, ctx) and _identified(b, ctx)
    if named and not same_source(a, b, ctx):
        return False
    da, db = report_date(a.document, ctx), report_date(b.document, ctx)
    if not named:
        if da is None or db is None or da == db or (da[0] == 0) != (db[0] == 0):
            return False
        early, late = (a, b) if da < db else (b, a)
        unidentified = _unidentified(a) or _unidentified(b)
        if not is_cumulative(late, ctx) or not (unidentified or is_cumulative(early, ctx)):
            return False
        return claim_strict(late).high >= claim_strict(early).low
    if da is None or db is None or (da[0] == 0) != (db[0] == 0):
        return _is_report(a, ctx) and _is_report(b, ctx)
    if da == db:
        return False
    early, late = (a, b) if da < db else (b, a)
    return claim_strict(late).high >= claim_strict(early).low


_INDEFINITE = re.compile(r"^(?:a|an|one|some|another)\s", re.I)


def _unidentified(c: Claim, unnamed: ClaimantClass = ClaimantClass.UNNAMED) -> bool:
    """A source the text describes without naming it (`a human rights monitoring group`, `officials`)."""
    # The member is a default argument: each read of an Enum member is a slow lookup (see _CLASH).
    if c.attribution.claimant_class is unnamed:
        return True
    return _indefinite(c.attribution.claimant) if c.attribution.claimant else False


@lru_cache(maxsize=4096)
def _indefinite(claimant: str) -> bool:
    return bool(_INDEFINITE.match(claimant))


def _identified(c: Claim, ctx: Context) -> bool:
    return bool(c.attribution.claimant) and (not _unidentified(c) or named_source(c, ctx) != c.attribution.claimant)


def _is_report(c: Claim, ctx: Context) -> bool:
    doc = ctx.documents.get(c.document)
    return doc is not None and not doc.infobox


Facts = tuple[str, str, bool]
"""What decides a pair's rule, per estimate: its document, version group and whether it is in prose."""


def _rule_of(x: Facts, y: Facts) -> str:
    """The rule that describes a pair of estimates (see the module docstring)."""
    if x[0] != y[0]:
        return VERSION_DRIFT.id if x[1] == y[1] else INTERVAL.id
    return INFOBOX_BODY.id if x[2] != y[2] else INTERVAL.id


def _estimates(bucket: Sequence[Claim], strict_all: Sequence[Interval],
               ctx: Context) -> tuple[list[list[Claim]], list[Interval]]:
    """The figures of a bucket as estimates: one per figure, article and claimant. A statement
    of a figure with no claimant in an article that attributes the same number (a headline over
    the report: `554 dead` over `At least 554 people have died, the Observatory said`) restates
    the attributed one; two named claimants are two estimates that agree. An estimate lists its
    attributed statement first. ``strict_all`` are the claims' strict intervals; the strict
    interval of each estimate comes back with the estimates."""
    # Claims with the same key state one figure in one article (and its versions); the key
    # holds the strict interval first. This loop runs once per figure of every dispute: it
    # looks up before it inserts rather than building a dict and a list per claim.
    figures: dict[tuple, dict[str | None, list[Claim]]] = {}
    strict_of: dict[tuple, Interval] = {}
    version_group = ctx.version_groups()
    positions = [(c.document, c.span.start, c.id) for c in bucket]
    for i in sorted(range(len(bucket)), key=positions.__getitem__):
        c = bucket[i]
        q = c.value
        iv = strict_all[i]
        key = (iv.low, iv.high, version_group[c.document], q.qualifier, q.as_of, q.population,  # type: ignore[union-attr]
               c.part_of is None)
        claimant = c.attribution.claimant
        name = fold(claimant) if claimant else None
        by_claimant = figures.get(key)
        if by_claimant is None:
            figures[key] = {name: [c]}
            strict_of[key] = iv
            continue
        same = by_claimant.get(name)
        if same is None:
            by_claimant[name] = [c]
        else:
            same.append(c)
    named: list[tuple[tuple, list[Claim]]] = []
    unnamed: list[tuple[tuple, list[Claim]]] = []
    for key, by_claimant in figures.items():
        anonymous = by_claimant.pop(None, [])
        if by_claimant:
            groups = list(by_claimant.values())
            named += [(key, g) for g in groups]
        if anonymous:
            unnamed.append((key, anonymous))
    # Only within one document: in another version of the article the same number with no
    # claimant is that version's own statement (an infobox an edit changed to the text's
    # figure), which the other version's figures are compared with. Looked up only when there
    # are both (a bucket's figures often all have a claimant, or none).
    out = named
    if named and unnamed:
        by_number: dict[tuple, list[Claim]] = {}
        for key, g in named:
            for c in g:
                by_number.setdefault((c.document, _number(c)), g)
        out = list(named)
        for key, g in unnamed:
            rest = []
            for c in g:
                target = by_number.get((c.document, _number(c)))
                if target is not None:
                    target.append(c)
                else:
                    rest.append(c)
            if rest:
                out.append((key, rest))
    else:
        out += unnamed
    # By figure, then where the estimate is first stated: (low, high, document, start, id) is
    # unique per estimate (no claim is in two), so the tuples sort with no key function and
    # never compare past the id.
    ranked = [(key[0], key[1], (c := g[0]).document, c.span.start, c.id, key, g) for key, g in out]
    ranked.sort()
    return [r[6] for r in ranked], [strict_of[r[5]] for r in ranked]


def _number(c: Claim) -> int | None:
    q = c.value
    return q.low if q.low is not None else q.high  # type: ignore[union-attr]


_MEMBER_PAIRS = 16
"""Pairs of estimates tried between two figures before the first that can be compared is taken."""
_RELATION_RANK = {_CLASH: 0, _UPDATE: 1, _LOOSE: 2, _AGREE: 3, _NOT_COMPARED: 4}
PairKey = tuple[int, int, Relation, str]
"""A pair as (a, b, relation, rule): pairs are compared and sorted as tuples, made `Pair`s once."""


@lru_cache(maxsize=1 << 14)
def _pair(a: int, b: int, relation: Relation, rule: str) -> Pair:
    """One `Pair` per distinct pair, shared by every dispute that holds it (pairs are frozen
    values, and building one costs more than looking it up)."""
    return Pair(a=a, b=b, relation=relation, rule=rule)


def _compare(estimates: list[list[Claim]], strict_: list[Interval], ctx: Context) -> list[Pair]:
    """How the distinct figures of a dispute stand to each other, one pair of estimates each.

    Estimates stating the same figure (from different sources) agree and are not paired. Two
    figures are compared through their estimates, up to ``_MEMBER_PAIRS`` of them, keeping the
    pair that says most: a clash before an update, before a loose agreement, before an
    agreement; estimates that cannot be compared (different moments, sub-groups of one cell)
    are skipped.
    """
    firsts = [e[0] for e in estimates]
    tolerant_ = tolerant_intervals(firsts)
    version_group = ctx.version_groups()
    facts: list[Facts] = [(c.document, version_group[c.document], c.field is None) for c in firsts]
    figure_of = [(iv.low, iv.high) for iv in strict_]
    figures: dict[tuple[float, float], list[int]] = {}
    for i, figure in enumerate(figure_of):
        figures.setdefault(figure, []).append(i)
    groups = list(figures.values())
    found: list[PairKey] = []
    for g, h in _pairs([[firsts[g[0]]] for g in groups]):
        # Figures that overlap as stated can at best agree: stop at the first pair that does.
        overlap = strict_[groups[g][0]].overlaps(strict_[groups[h][0]])
        ceiling = _AGREE if overlap else _CLASH
        best: tuple[int, int, Relation] | None = None
        tried = 0
        for i in groups[g]:
            ti = tolerant_[i]
            for j in groups[h]:
                if tried >= _MEMBER_PAIRS or best is not None and best[2] is ceiling:
                    break
                tried += 1
                tj = tolerant_[j]
                loose = ti.low <= tj.high and tj.low <= ti.high
                if loose and facts[i][0] != facts[j][0] and facts[i][1] == facts[j][1] \
                        and _stated_exactly(firsts[i]) and _stated_exactly(firsts[j]):
                    loose = False  # an edit that changed an exact figure changed it, however close
                relation = _relation(firsts[i], firsts[j], overlap, loose, ctx)
                if best is None or _RELATION_RANK[relation] < _RELATION_RANK[best[2]]:
                    best = (i, j, relation) if i < j else (j, i, relation)
        assert best is not None
        a, b, relation = best
        found.append((a, b, relation, _rule_of(facts[a], facts[b])))
        if relation is _CLASH:
            found += _same_clash(firsts, tolerant_, facts, a, b, groups[g], groups[h], ctx)
    found.sort(key=_PAIR_ORDER)  # no two pairs share (a, b): each pair of figures is paired once
    return [_pair(*p) for p in found]


_PAIR_ORDER = itemgetter(0, 1)


def _stated_exactly(c: Claim) -> bool:
    """The figure is written as an exact number (`1,800`, not `about 1,800` or `hundreds`)."""
    q = c.value
    return isinstance(q, Quantity) and q.qualifier is Qualifier.EXACT and not q.vague


def _same_clash(firsts: list[Claim], tolerant_: list[Interval], facts: list[Facts], a: int, b: int,
                first: list[int], second: list[int], ctx: Context) -> list[PairKey]:
    """The other estimates of two clashing figures that clash the same way: each stating the
    figure of ``a`` (or ``b``) and comparable with ``b`` (or ``a``) beyond tolerance, and with
    its own page's statement of the other figure when the page states both. ``first`` and
    ``second`` are the estimates of the two figures, one holding ``a`` and the other ``b``."""
    out: list[PairKey] = []
    seen: set[tuple[int, int]] = set()
    of_b = second if b in second else first  # the estimates stating b's figure
    of_a = first if of_b is second else second
    for i in (*first, *second):
        if i == a or i == b:
            continue
        other, candidates = (b, of_b) if i in of_a else (a, of_a)
        document = facts[i][0]
        partners = [(other, False)]  # (estimate, known comparable: the search below asks)
        if document != facts[other][0]:
            # A page that states both figures is paired with itself (its infobox against its
            # text: the pair its editor can settle), and with the other page's statement too
            # (the independent sources that disagree).
            for j in candidates:
                if j != i and facts[j][0] == document and _comparable(firsts[i], firsts[j], ctx):
                    partners.insert(0, (j, True))
                    break
        for other, comparable in partners:
            ti, to = tolerant_[i], tolerant_[other]
            lo, hi = (i, other) if i < other else (other, i)
            if (lo, hi) not in seen and (lo, hi) != (a, b) and (ti.low > to.high or to.low > ti.high) \
                    and (comparable or _comparable(firsts[i], firsts[other], ctx)):
                seen.add((lo, hi))
                out.append((lo, hi, _CLASH, _rule_of(facts[lo], facts[hi])))
    return out


def _pairs(estimates: list[list[Claim]]) -> Iterator[tuple[int, int]]:
    """All pairs in a small dispute; in a large one, each outlier against the consensus.

    A large dispute (many sources for one quantity) is swept once: the point covered by the most
    tolerant intervals is the consensus, and every estimate whose interval misses it is paired
    with the narrowest consensus estimate (the consensus is not paired with itself). O(n log n),
    and one pair per outlier rather than one per pair of estimates, which is what a reviewer can
    act on.
    """
    n = len(estimates)
    if n <= PAIR_LIMIT:
        for i in range(n):
            for j in range(i + 1, n):
                yield i, j
        return
    intervals = [claim_tolerant(e[0]) for e in estimates]
    edges = sorted([(iv.low, 0) for iv in intervals] + [(iv.high, 1) for iv in intervals])
    depth = best = 0
    point = edges[0][0]
    for value, closing in edges:
        depth += -1 if closing else 1
        if depth > best:
            best, point = depth, value
    inside = {i for i, iv in enumerate(intervals) if iv.low <= point <= iv.high}
    anchor = min(inside, key=lambda i: (intervals[i].high - intervals[i].low, i))
    for i in range(n):
        if i not in inside:
            yield min(anchor, i), max(anchor, i)


@family
def disputes(ctx: Context) -> Iterator[Conflict]:
    """One finding per disputed quantity (see the module docstring)."""
    buckets = quantity_buckets(ctx)
    for key in sorted(buckets, key=lambda k: tuple(map(str, k))):
        bucket = buckets[key]
        if len(bucket) < 2:
            continue
        found = _dispute(key, bucket, ctx)
        if found is not None:
            yield found


_ID, _LOW, _HIGH = attrgetter("id"), attrgetter("low"), attrgetter("high")


def _dispute(key: tuple, bucket: Sequence[Claim], ctx: Context) -> Conflict | None:
    event_id, kind, side, category, lost, scope = key
    strict_all = strict_intervals(bucket)
    if max(map(_LOW, strict_all)) <= min(map(_HIGH, strict_all)):
        return None  # every figure agrees with every other as stated (so do the estimates)
    estimates, strict_ = _estimates(bucket, strict_all, ctx)
    if len(estimates) < 2:
        return None
    if max(map(_LOW, strict_)) <= min(map(_HIGH, strict_)):
        return None  # every estimate agrees with every other as stated: nothing to show
    pairs = _compare(estimates, strict_, ctx)
    by_relation = _by_relation(pairs)
    clashes, loose = by_relation[_CLASH], by_relation[_LOOSE]
    # A growing count across reports is worth showing as checked; a running tally in one
    # document is not a finding.
    updates = [p for p in by_relation[_UPDATE] if estimates[p.a][0].document != estimates[p.b][0].document]
    if not clashes and not loose and not updates:
        return None
    deciding = clashes or loose or updates
    rules = {p.rule for p in deciding}
    r = {INFOBOX_BODY.id: INFOBOX_BODY, VERSION_DRIFT.id: VERSION_DRIFT}.get(rules.pop(), INTERVAL) \
        if len(rules) == 1 else INTERVAL
    version_group = ctx.version_groups()
    ids = [tuple(map(_ID, e)) for e in estimates]  # read once, for the estimates and the finding
    dispute = Dispute(
        event=event_id, kind=kind, category=category, side=side,
        side_name=side_label(side, list(chain.from_iterable(estimates)), ctx), scope=scope, lost=lost,
        estimates=tuple(Estimate(e_ids, _source(e[0], version_group)) for e_ids, e in zip(ids, estimates)),
        pairs=tuple(pairs), notes=_notes(estimates, bool(clashes), ctx),
    )
    if clashes:
        outcome, severity = Outcome.CONFLICT, _severity(clashes, estimates)
    elif loose:
        outcome, severity = Outcome.INDETERMINATE, Severity.LOW
    else:
        outcome, severity = Outcome.CONSISTENT, Severity.INFO
    explanation = _explain(dispute, estimates, ctx, outcome, by_relation)
    # `finding`, without reading every figure's document and id again: a bucket's figures are
    # all of its event (placing a figure on a side keeps it in its event).
    event = ctx.event_of[estimates[0][0].document]
    return Conflict.create(
        rule=r.id, severity=severity, claims=tuple(chain.from_iterable(ids)), explanation=explanation,
        outcome=outcome, subject=event.name, event=event.id, dispute=dispute,
    )


def _source(c: Claim, version_group: Mapping[str, str]) -> str:
    claimant = fold(c.attribution.claimant) if c.attribution.claimant else "-"
    return f"{version_group[c.document]}|{claimant}"


_BY_RANK = (Severity.HIGH, Severity.MEDIUM, Severity.LOW)


def _severity(clashes: Sequence[Pair], estimates: list[list[Claim]]) -> Severity:
    """High when a clash is in the documents' own voice, low when every clash is between two
    named claimants, medium otherwise; a dated figure against an undated one is a step lower."""
    best = 2  # ranks index _BY_RANK (an int per clash: reading enum members costs more)
    for p in clashes:
        a, b = estimates[p.a][0], estimates[p.b][0]
        said_a, said_b = a.attribution.claimant, b.attribution.claimant
        if said_a and said_b:
            rank = 2 if fold(said_a) != fold(said_b) else 1
        else:
            rank = 1 if said_a or said_b else 0
        if (a.value.as_of is None) != (b.value.as_of is None):  # type: ignore[union-attr]
            rank = min(rank + 1, 2)
        if rank == 0:
            return Severity.HIGH  # nothing ranks higher
        best = min(best, rank)
    return _BY_RANK[best]


def quantity_label(dispute: Dispute) -> str:
    """`Croatia — casualties: killed (whole event)`: what a dispute is about."""
    side = dispute.side_name or (dispute.side if dispute.side != NO_SIDE and "#" not in dispute.side else None)
    what = dispute.category.value.replace("_", " ") + (" lost" if dispute.lost else "")
    who_ = f"{side} — " if side else ("no side given — " if dispute.side == NO_SIDE else "")
    scope = "" if dispute.scope == WHOLE else f", {dispute.scope}"
    return f"{who_}{dispute.kind.value}: {what}{scope}"


def _estimate_text(e: list[Claim], paths: Mapping[str, str]) -> str:
    first = e[0]
    q = first.value
    assert isinstance(q, Quantity)
    dated = f", as of {q.as_of.text}" if q.as_of is not None else ""
    more = ""
    if len(e) > 1:
        times = "once more" if len(e) == 2 else f"{len(e) - 1} more times"
        more = f"; restated {times} ({', '.join([located(c, paths) for c in e[1:4]])}{', …' if len(e) > 4 else ''})"
    return f"{describe(q)}{dated} ({who(first)}; {located(first, paths)}{more})"


def estimate_labels(n: int) -> list[str]:
    """`A`, `B`, ... for the estimates of a dispute."""
    return list(_labels(n))


@lru_cache(maxsize=256)
def _labels(n: int) -> tuple[str, ...]:
    # Asked for three times per dispute; a run has few distinct dispute sizes.
    return tuple(chr(ord("A") + i) if i < 26 else f"E{i + 1}" for i in range(n))


def relation_lines(dispute: Dispute, outcome: Outcome,
                   by_relation: Mapping[Relation, list[Pair]] | None = None) -> list[str]:
    """What a dispute's pairs say, one sentence per relation, estimates named `A`, `B`, ...:
    which cannot both be true (with the advice of their rule), which agree only under
    tolerance, which are updates of a growing count, which agree, which were not compared;
    then the dispute's notes (an inferred side, dated against undated figures). ``by_relation``
    is the pairs grouped by relation, when the caller has them."""
    labels = _labels(len(dispute.estimates))
    if by_relation is None:
        by_relation = _by_relation(dispute.pairs)
    lines = []
    if by_relation[_CLASH]:
        groups: dict[str, list[str]] = defaultdict(list)
        for p in by_relation[_CLASH]:
            groups[p.rule].append(f"{labels[p.a]} and {labels[p.b]}")
        said = "; ".join(f"{', '.join(v[:12])}{', …' if len(v) > 12 else ''} ({_RULE_ADVICE[k]})"
                         for k, v in sorted(groups.items()))
        lines.append(f"Cannot both be true: {said}.")
    if by_relation[_LOOSE]:
        pairs = ", ".join([f"{labels[p.a]} and {labels[p.b]}" for p in by_relation[_LOOSE]])
        lines.append(f"Agree only if the round or approximate figure is read loosely: {pairs}"
                     + (" (to decide)." if outcome is Outcome.INDETERMINATE else "."))
    if by_relation[_UPDATE]:
        pairs = ", ".join([f"{labels[p.a]} and {labels[p.b]}" for p in by_relation[_UPDATE]])
        lines.append(f"Updates of a growing count (a later, larger figure from the same source, or a running "
                     f"total): {pairs}.")
    agree = by_relation[_AGREE]
    if agree:
        pairs = ", ".join([f"{labels[p.a]} and {labels[p.b]}" for p in agree[:8]])
        lines.append(f"Agree: {pairs}{', …' if len(agree) > 8 else ''}.")
    if by_relation[_NOT_COMPARED]:
        pairs = ", ".join([f"{labels[p.a]} and {labels[p.b]}" for p in by_relation[_NOT_COMPARED][:8]])
        lines.append(f"Not compared (different moments, or sub-groups listed together): {pairs}.")
    return lines + list(dispute.notes)


_RELATIONS = tuple(Relation)
"""Every relation, in order (iterating an Enum class costs several times more than a tuple)."""


def _by_relation(pairs: Sequence[Pair]) -> dict[Relation, list[Pair]]:
    """A dispute's pairs by relation, each list in the pairs' order."""
    grouped: dict[Relation, list[Pair]] = {r: [] for r in _RELATIONS}
    for p in pairs:
        grouped[p.relation].append(p)
    return grouped


def _notes(estimates: list[list[Claim]], clashes: bool, ctx: Context) -> tuple[str, ...]:
    """What a reviewer must know beyond the pairs: estimates placed on a side the text does not
    state, and dated figures clashing with undated ones (``clashes``: whether any pair clashes)."""
    notes = []
    inferred = inferred_side(ctx)
    if inferred:
        labels = _labels(len(estimates))
        placed = sorted({labels[i] for i, e in enumerate(estimates) if any(c.id in inferred for c in e)})
        if placed:
            notes.append(f"The side of {', '.join(placed)} is not stated; {'they are' if len(placed) > 1 else 'it is'} "
                         "placed with the only side that has figures for this quantity.")
    if clashes:
        dated = sum(e[0].value.as_of is not None for e in estimates)  # type: ignore[union-attr]
        if 0 < dated < len(estimates):
            notes.append("Some figures are dated and others not, so they may count different moments.")
    return tuple(notes)


def _explain(dispute: Dispute, estimates: list[list[Claim]], ctx: Context, outcome: Outcome,
             by_relation: Mapping[Relation, list[Pair]]) -> str:
    labels = _labels(len(estimates))
    paths = ctx.paths()
    listing = "; ".join([f"{labels[i]} {_estimate_text(e, paths)}" for i, e in enumerate(estimates)])
    lines = [f"{quantity_label(dispute)}, {len(estimates)} estimates: {listing}."]
    lines += relation_lines(dispute, outcome, by_relation)
    if outcome is Outcome.CONFLICT:
        lines.append("Check which source each figure comes from and whether all count the same thing.")
    return " ".join(lines)


# --- killed against killed or missing ---------------------------------------------------------

_DEAD_MEASURES = (Category.KILLED, Category.KILLED_OR_MISSING)
_DRIFT_RATIO = 3


@family
def measure_clashes(ctx: Context) -> Iterator[Conflict]:
    """Killed against killed-or-missing for one side (R-MEASURES); small groups only."""
    groups: dict[tuple, tuple[list[Claim], list[Claim]]] = defaultdict(lambda: ([], []))
    for (event, kind, side, category, _lost, scope), bucket in quantity_buckets(ctx).items():
        if kind is Kind.CASUALTIES and side != NO_SIDE and category in _DEAD_MEASURES:
            groups[(event, side, scope)][category is Category.KILLED_OR_MISSING].extend(bucket)
    for key in sorted(groups):
        killed, either = groups[key]
        if not killed or not either or len(killed) > PAIR_LIMIT or len(either) > PAIR_LIMIT:
            continue
        # One finding per pair of distinct figures: a figure restated (the same value from the
        # same claimant, as in two versions of one article) is one estimate, cited once.
        for a_all in _restated(killed):
            for b_all in _restated(either):
                a, b = a_all[0], b_all[0]
                if _comparable(a, b, ctx):
                    found = _measure_clash(a, b, ctx, a_all[1:] + b_all[1:])
                    if found is not None:
                        yield found


def _restated(claims: list[Claim]) -> list[list[Claim]]:
    """The claims grouped by figure and claimant, each group in id order, groups by first id."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in sorted(claims, key=_ID):
        q = c.value
        groups[(q.low, q.high, q.qualifier, fold(c.attribution.claimant or ""))].append(c)  # type: ignore[union-attr]
    return list(groups.values())


def _measure_clash(killed: Claim, either: Claim, ctx: Context, restated: Sequence[Claim] = ()) -> Conflict | None:
    qk, qe = killed.value, either.value
    assert isinstance(qk, Quantity) and isinstance(qe, Quantity)
    sk, se = claim_strict(killed), claim_strict(either)
    figures = f"{cite(killed, ctx)} and {cite(either, ctx)}"
    if restated:
        figures += f" (restated at {', '.join(f'{ctx.path(c.document)}:{c.span.line}' for c in restated)})"
    side = killed.side.name or either.side.name
    about = f" for {side}" if side else ""
    if sk.low > se.high:
        hard = claim_tolerant(killed).low > claim_tolerant(either).high
        return finding(
            MEASURES, (killed, either),
            f"{figures} give{about} {describe(qk)} and {describe(qe)}: more killed than killed or "
            f"missing{'' if hard else ', unless the round or approximate figures are read loosely'}. "
            "Check which source each figure comes from and whether both count the same people.",
            ctx, outcome=Outcome.CONFLICT if hard else Outcome.INDETERMINATE,
            severity=None if hard else Severity.LOW,
        )
    says_k, says_e = killed.attribution.claimant_side, either.attribution.claimant_side
    if says_k is None or says_k != says_e or killed.document == either.document:
        return None
    small, big = (sk, se) if sk.high <= se.low else (se, sk)
    if small.high == float("inf") or big.low <= _DRIFT_RATIO * small.high:
        return None
    return finding(
        MEASURES, (killed, either),
        f"{'Two versions of one article' if ctx.versions_of_one_article(killed, either) else 'Two documents'} "
        f"give {says_k}'s figure{about} by different measures: {figures} "
        f"({describe(qk)} against {describe(qe)}). Killed and killed or missing need not agree, but "
        f"one is more than {_DRIFT_RATIO} times the other, so the figure was probably replaced or one of them "
        "misquotes it. Check the sources cited for each, and the edit history of versions.",
        ctx, outcome=Outcome.INDETERMINATE, severity=Severity.LOW,
    )
