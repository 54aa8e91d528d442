"""Review policy, in one place: what an annotation history means and where annotations go.

- :mod:`~claims.review.policy`: what is in force (:func:`in_force`: the current verdict of a
  target, the confidence override and the notes), retraction and the retraction of a
  retraction, which verdicts settle a conflict or dispute a claim, what an undo withdraws,
  annotations as attached now, a claim's confidence with the override applied.
- :mod:`~claims.review.annotations`: making a new annotation or a retraction, and checking one.
- :mod:`~claims.review.reanchor`: where annotations go when a re-ingested document's claims
  change id (claims by anchor, via :mod:`~claims.review.matching`; conflicts by their claims).

The store, the TUI, the reports and the audit call these; none of them decides on its own.
"""

from claims.review.annotations import (
    ADJUDICATING_ROLES,
    ROLES,
    anchored,
    check_annotation,
    new_annotation,
    retraction_of,
)
from claims.review.policy import (
    DISPUTING_VERDICTS,
    SETTLED_CONFLICT_VERDICTS,
    Act,
    InForce,
    apply_override,
    attached,
    current_override,
    current_overrides,
    current_verdict,
    current_verdicts,
    in_force,
    last_undoable,
    live,
    notes,
    override_in_force,
    verdicts_for,
    withdrawn,
)
from claims.review.reanchor import ReanchorReport, Reattached, same_statement

__all__ = [
    "ADJUDICATING_ROLES",
    "ROLES",
    "DISPUTING_VERDICTS",
    "SETTLED_CONFLICT_VERDICTS",
    "Act",
    "InForce",
    "ReanchorReport",
    "Reattached",
    "anchored",
    "apply_override",
    "attached",
    "check_annotation",
    "current_override",
    "current_overrides",
    "current_verdict",
    "current_verdicts",
    "in_force",
    "last_undoable",
    "live",
    "new_annotation",
    "notes",
    "override_in_force",
    "retraction_of",
    "same_statement",
    "verdicts_for",
    "withdrawn",
]
