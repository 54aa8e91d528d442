"""A belligerent's figure for its enemy's losses, stated as plain fact."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from claims.model import Category, Claim, ClaimantClass, Conflict, Kind, Outcome, Quantity, Severity
from claims.reconcile.index import NO_SIDE, Context
from claims.reconcile.intervals import strict
from claims.reconcile.names import side_token
from claims.reconcile.rules import cite, family, finding, rule

ENEMY_LOSS = rule(
    "R-ENEMY-LOSS-UNATTRIBUTED", Severity.MEDIUM, "an enemy's loss figure with no attribution",
    """A side's losses stated in the document's own voice (no claimant, no hedge) when the figure
    is most likely the other belligerent's: either the same figure appears elsewhere in the event
    attributed to the opposing side, or the document gives this side's losses exactly while the
    other side's are `Unknown` or missing (a one-sided count usually comes from the side doing the
    counting). Indeterminate: the source is not known. Find the source and attribute the figure
    (`according to the Armenian side, ...`).""",
)

_LOSSES = {Category.KILLED, Category.WOUNDED, Category.MISSING, Category.CAPTURED,
           Category.KILLED_OR_MISSING, Category.CASUALTIES}
_UNKNOWN = re.compile(r"^\W*(unknown|n/?a|none given|not known|\?)?\W*$", re.I)


def _is_loss(c: Claim) -> bool:
    return c.kind is Kind.CASUALTIES and isinstance(c.value, Quantity) and c.value.category in _LOSSES


@family
def enemy_losses_unattributed(ctx: Context) -> Iterator[Conflict]:
    losses = [c for c in ctx.claims.values() if _is_loss(c)]
    by_doc_col: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    attributed: dict[tuple[str, str, float, float], list[Claim]] = defaultdict(list)
    for c in losses:
        if c.side.column is not None:
            by_doc_col[(c.document, c.side.column)].append(c)
        a = c.attribution
        if a.claimant and a.claimant_class is ClaimantClass.BELLIGERENT:
            iv = strict(c.value)  # type: ignore[arg-type]
            attributed[(ctx.event(c).id, ctx.sides[c.id], iv.low, iv.high)].append(c)
    for c in sorted(losses, key=lambda c: c.id):
        if c.attribution.claimant or c.hedges or ctx.sides[c.id] == NO_SIDE:
            continue
        iv = strict(c.value)  # type: ignore[arg-type]
        echoes = [e for e in attributed.get((ctx.event(c).id, ctx.sides[c.id], iv.low, iv.high), [])
                  if side_token(e.attribution.claimant_side) not in (None, ctx.sides[c.id])]
        if echoes:
            e = echoes[0]
            yield finding(
                ENEMY_LOSS, (c, e),
                f"{cite(c, ctx)} is stated as fact, but the same figure is {cite(e, ctx)}, the opposing side. "
                "Attribute it to that side or find an independent source.",
                ctx, outcome=Outcome.INDETERMINATE,
            )
            continue
        col = c.side.column
        doc = ctx.documents.get(c.document)
        if col not in (1, 2) or doc is None or c.field is None:
            continue
        other = 3 - col
        other_fields = [f for f in doc.infobox if f.column == other and f.key.lower().startswith("casualt")]
        other_unknown = bool(other_fields) and all(_UNKNOWN.match(f.value) for f in other_fields)
        if not by_doc_col.get((c.document, other)) and other_unknown:
            said = f"“{other_fields[0].value.strip()}”" if other_fields[0].value.strip() else "left empty"
            yield finding(
                ENEMY_LOSS, (c,),
                f"{cite(c, ctx)} gives one side's losses as plain fact while the other side's losses are {said}. "
                "A one-sided count usually comes from the opposing belligerent; find the source and attribute it.",
                ctx, outcome=Outcome.INDETERMINATE,
            )
