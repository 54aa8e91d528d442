"""Review policy, in one place: what an annotation history means and where annotations go.

- :mod:`~claims.review.policy`: the current verdict of a target, retraction and the
  retraction of a retraction, the confidence override in force, which verdicts settle a
  conflict or dispute a claim, what an undo withdraws, annotations as attached now.
- :mod:`~claims.review.annotations`: making a new annotation or a retraction, and checking one.
- :mod:`~claims.review.reanchor`: where annotations go when a re-ingested document's claims
  change id (claims by anchor, via :mod:`~claims.review.matching`; conflicts by their claims).

The store, the TUI, the reports and the audit call these; none of them decides on its own.
"""

from claims.review.annotations import anchored, check_annotation, new_annotation, retraction_of
from claims.review.policy import (
    DISPUTING_VERDICTS,
    SETTLED_CONFLICT_VERDICTS,
    Act,
    attached,
    current_override,
    current_overrides,
    current_verdict,
    current_verdicts,
    last_undoable,
    live,
    notes,
    verdicts_for,
    withdrawn,
)
from claims.review.reanchor import ReanchorReport

__all__ = [
    "DISPUTING_VERDICTS",
    "SETTLED_CONFLICT_VERDICTS",
    "Act",
    "ReanchorReport",
    "anchored",
    "attached",
    "check_annotation",
    "current_override",
    "current_overrides",
    "current_verdict",
    "current_verdicts",
    "last_undoable",
    "live",
    "new_annotation",
    "notes",
    "retraction_of",
    "verdicts_for",
    "withdrawn",
]
