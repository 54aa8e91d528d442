"""One group of people told two ways: surrendered by one belligerent, evacuated by the other."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from claims.lexicon import lexicon
from claims.model import Category, Claim, Conflict, Kind, Outcome, Quantity, Severity
from claims.reconcile.index import NO_SIDE, Context
from claims.reconcile.intervals import claim_strict, claim_tolerant, describe
from claims.reconcile.names import side_token
from claims.reconcile.rules import cite, family, finding, rule

SURRENDER_EVACUATION = rule(
    "R-SURRENDER-EVACUATION", Severity.MEDIUM, "one group told as surrendered and as evacuated",
    """In one document, one belligerent counts the enemy's men who surrendered or were taken
    prisoner (`Russia said 256 Ukrainian fighters had surrendered`) while that enemy counts its
    own men who left, withdrew or were evacuated from the same place (`Ukraine said 264 soldiers
    had left the plant`): two framings of one group, and two counts of it. The counts are
    compared exactly (a round or approximate one with its usual tolerance), and so are the
    parts each gives of its group (`including 51 severely wounded` against `including 53
    wounded`). A conflict when they differ; check which count each side gives and whether
    they count the same people at the same time.""",
)


@cache
def _left_phrase() -> re.Pattern[str]:
    words = sorted(lexicon().own_movements, key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s*$")


def _group(c: Claim) -> str | None:
    """`surrendered` for men the claimant's enemy gave up, `left` for its own men who left."""
    q = c.value
    if not isinstance(q, Quantity) or q.increment or c.part_of:
        return None
    if c.kind is Kind.CAPTURED:
        return "surrendered"
    if c.kind is Kind.STRENGTH and q.category is Category.TROOPS and _left_phrase().search(c.span.quote):
        return "left"
    return None


def _parts(c: Claim, children: dict[str, list[Claim]]) -> dict[Category, Claim]:
    """The parts of a group by category (one each): `including 51 severely wounded`."""
    found: dict[Category, list[Claim]] = defaultdict(list)
    for p in children.get(c.id, ()):
        found[p.value.category].append(p)  # type: ignore[union-attr]
    return {cat: ps[0] for cat, ps in found.items() if len(ps) == 1}


@family
def surrender_or_evacuation(ctx: Context) -> Iterator[Conflict]:
    groups: dict[tuple[str, str], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    children: dict[str, list[Claim]] = defaultdict(list)
    for c, side in zip(ctx.of_type(Quantity), ctx.sides_of_type(Quantity)):
        if c.part_of:
            children[c.part_of].append(c)
        if side == NO_SIDE or not c.attribution.claimant_side:
            continue
        kind = _group(c)
        if kind is not None:
            groups[(c.document, side)][kind].append(c)
    for (document, side), by_kind in sorted(groups.items()):
        own = side_token(side)
        surrendered = [c for c in by_kind.get("surrendered", ()) if side_token(c.attribution.claimant_side) != own]
        left = [c for c in by_kind.get("left", ()) if side_token(c.attribution.claimant_side) == own]
        if len(surrendered) != 1 or len(left) != 1:
            continue  # one count each way, or the pairing is a guess
        (a,), (b,) = surrendered, left
        pairs = [(a, b, "group")]
        parts_a, parts_b = _parts(a, children), _parts(b, children)
        for cat in sorted(set(parts_a) & set(parts_b), key=lambda k: k.value):
            pairs.append((parts_a[cat], parts_b[cat], cat.value))
        for x, y, what in pairs:
            if not claim_tolerant(x).overlaps(claim_tolerant(y)):
                outcome, how = Outcome.CONFLICT, "cannot both be right"
            elif not claim_strict(x).overlaps(claim_strict(y)):
                outcome, how = Outcome.INDETERMINATE, "agree only if the round or approximate figure is read loosely"
            else:
                continue
            subject = "the group" if what == "group" else f"its {what}"
            yield finding(
                SURRENDER_EVACUATION, (x, y),
                f"{side}: {cite(x, ctx)} counts men who surrendered, {cite(y, ctx)} men who left; "
                f"for {subject} the counts ({describe(x.value)} and {describe(y.value)}) {how}. "  # type: ignore[arg-type]
                "Check whether both count the same people at the same time.",
                ctx, outcome=outcome)
