"""A belligerent's figure for its enemy's losses, stated as plain fact."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from claims.model import (
    Category, Claim, ClaimantClass, Conflict, Document, InfoboxField, Kind, Outcome, Quantity, Severity,
)
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


def _casualty_fields(doc: Document, column: int) -> list[InfoboxField]:
    return [f for f in doc.infobox if f.column == column and f.key.lower().startswith("casualt")]


def _is_loss(c: Claim, casualties: Kind = Kind.CASUALTIES) -> bool:
    # The member is a default argument: on Python 3.11 each read of an Enum member is a slow
    # lookup, and this runs for every figure.
    return c.kind is casualties and c.value.category in _LOSSES  # type: ignore[union-attr]


@family
def enemy_losses_unattributed(ctx: Context) -> Iterator[Conflict]:
    event_id = {d: e.id for d, e in ctx.event_of.items()}
    # One pass: belligerents' attributed figures, and the losses stated as plain fact (in id order).
    # A figure is kept with its claimant's side token, read once, and only when it has one (a
    # figure of no side echoes none): a plain figure is matched against many.
    attributed: dict[tuple[str, str, float, float], list[tuple[Claim, str]]] = defaultdict(list)
    plain: list[tuple[Claim, str]] = []
    belligerent, casualties = ClaimantClass.BELLIGERENT, Kind.CASUALTIES  # read once (see _is_loss)
    for c, side in zip(ctx.of_type(Quantity), ctx.sides_of_type(Quantity)):
        if c.kind is not casualties or c.value.category not in _LOSSES:  # type: ignore[union-attr]
            continue  # _is_loss, inline: this runs for every figure
        a = c.attribution
        if a.claimant:
            if a.claimant_class is belligerent:
                token = side_token(a.claimant_side)
                if token is not None:
                    iv = strict(c.value)  # type: ignore[arg-type]
                    attributed[(event_id[c.document], side, iv.low, iv.high)].append((c, token))
        elif not c.hedges:
            plain.append((c, side))
    counted_columns: set[tuple[str, int | None]] | None = None  # read only when a column says `unknown`
    # The other column's casualty fields, and whether all say `unknown`, read once per column.
    other_fields_of: dict[tuple[str, int], tuple[list[InfoboxField], bool]] = {}
    for c, side in plain:
        if side == NO_SIDE:
            continue
        echoes: list[Claim] = []
        if attributed:  # else no interval to read: no belligerent's figure names a side
            iv = strict(c.value)  # type: ignore[arg-type]
            # The figure's side key is a name (`India`), the claimant's a token (`indi`).
            own = side_token(side)
            echoes = [e for e, token in attributed.get((event_id[c.document], side, iv.low, iv.high), ())
                      if token != own]
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
        known = other_fields_of.get((doc.id, other))
        if known is None:
            fields = _casualty_fields(doc, other)
            known = other_fields_of[(doc.id, other)] = (fields, bool(fields) and all(_UNKNOWN.match(f.value) for f in fields))
        other_fields, other_unknown = known
        if not other_unknown:
            continue
        if counted_columns is None:
            counted_columns = {(x.document, x.side.column) for x in ctx.of_type(Quantity)
                               if _is_loss(x) and x.side.column is not None}
        if (c.document, other) not in counted_columns:
            said = f"“{other_fields[0].value.strip()}”" if other_fields[0].value.strip() else "left empty"
            yield finding(
                ENEMY_LOSS, (c,),
                f"{cite(c, ctx)} gives one side's losses as plain fact while the other side's losses are {said}. "
                "A one-sided count usually comes from the opposing belligerent; find the source and attribute it.",
                ctx, outcome=Outcome.INDETERMINATE,
            )
