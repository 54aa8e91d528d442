"""Model objects to SQLite rows and back: which columns each table indexes, and the JSON.

Every row keeps the object's full converter JSON in ``data``; the other columns are copies
of fields the queries filter or sort on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from claims.convert import dumps, json_of, loads as _loads
from claims.model import Anchor, Annotation, Claim, Conflict, Document, TargetKind, Verdict
from claims.review import apply_override
from claims.store.base import StoreError

if TYPE_CHECKING:
    from claims.reconcile.events import Event

CLAIM_COLUMNS = (
    'id, document_id, kind, side_column, side_name, subject, quote, start, "end", claimant, data'
)

ConflictRows = tuple[list[tuple[str, str, str, str, str]], list[tuple[str, str]]]
"""Rows of ``conflicts`` and of ``conflict_claims`` (its links to claims)."""


@frozen
class ActRow:
    """The columns of an annotation row the review policy reads (see :class:`claims.review.Act`)."""

    id: str
    target_kind: TargetKind
    verdict: Verdict
    retracts: str | None

    @classmethod
    def of(cls, id: str, target_kind: str, verdict: str, retracts: str | None = None) -> ActRow:
        return cls(id, TargetKind(target_kind), Verdict(verdict), retracts)


class UnreadableRow(StoreError):
    """A stored row whose JSON cannot be read back: the store is damaged."""

    def __init__(self, what: str, path: object = None) -> None:
        self.what = what
        where = f"{path} is damaged" if path is not None else "the store is damaged"
        super().__init__(f"{where} ({what}); restore it from a backup, or see README, 'Recovering a damaged "
                         "store' (`claims doctor --db PATH` lists what is wrong)")


def loads(data: str, cls: type[Any], path: object = None) -> Any:
    """A stored object from its JSON; a row that cannot be read is a damaged store."""
    try:
        return _loads(data, cls)
    except Exception as exc:  # JSON cut short by a damaged page, or data that no longer fits the model
        raise UnreadableRow(f"a stored {cls.__name__.lower()} cannot be read: {type(exc).__name__}", path) from None


def claims_of_conflict(data: str | None, path: object = None) -> tuple[str, ...]:
    """The claim ids of a stored conflict from the JSON of its ``claims`` member (None when
    it has none), without building the conflict."""
    try:
        claims = json_of(data) if data is not None else None
        if not isinstance(claims, list) or not all(isinstance(c, str) for c in claims):
            raise TypeError("claims")
    except Exception as exc:  # as :func:`loads`: a row that cannot be read is a damaged store
        raise UnreadableRow(f"a stored conflict cannot be read: {type(exc).__name__}", path) from None
    return tuple(claims)


TEXT_PIECE = 1 << 22
"""Characters of a document's text encoded and written at a time."""


def document_row(document: Document, ingested_at: str) -> tuple[Any, ...]:
    """The document's row but for its text: its JSON without the text, and the text's UTF-8
    length (the text column is filled piece by piece, see :func:`text_pieces`)."""
    return (
        document.id, document.path, document.title, document.format.value, document.sha256,
        ingested_at, dumps(attrs.evolve(document, text="")), sum(len(p) for p in text_pieces(document.text)),
    )


def text_pieces(text: str) -> Iterator[bytes]:
    """The text as UTF-8, a piece at a time: a long text is never encoded whole (CPython keeps
    a whole encoding alive on the string it made it from)."""
    for start in range(0, len(text), TEXT_PIECE):
        yield text[start : start + TEXT_PIECE].encode("utf-8", "surrogatepass")


def decode_text(stored: bytes | str | None, limit: int | None = None) -> str:
    """A stored text column (UTF-8 bytes; text in stores from before they were bytes), at most
    ``limit`` characters (a cut may fall inside a character's bytes: that character is dropped)."""
    if stored is None:
        return ""
    if isinstance(stored, str):
        return stored if limit is None else stored[:limit]
    text = stored.decode("utf-8", "surrogatepass" if limit is None else "ignore")
    return text if limit is None else text[:limit]


def document_of_row(data: str, text: bytes | str | None, path: object = None, limit: int | None = None) -> Document:
    """A stored document from its JSON (stored without the text) and its text column."""
    return attrs.evolve(loads(data, Document, path), text=decode_text(text, limit))


def claim_row(claim: Claim) -> tuple[Any, ...]:
    """The claim's row, in the order of :data:`CLAIM_COLUMNS`."""
    span = claim.span
    return (
        claim.id,
        claim.document,
        claim.kind.value,
        claim.side.column,
        claim.side.name,
        claim.subject,
        span.quote,
        span.start,
        span.end,
        claim.attribution.claimant,
        dumps(claim),
    )


def event_rows(events: Sequence[Event]) -> list[tuple[int, str, str, str]]:
    """The rows of ``reconciled_events`` for these events, in order."""
    return [(position, event.id, event.name, dumps(event)) for position, event in enumerate(events)]


def conflict_rows(conflicts: Sequence[Conflict]) -> ConflictRows:
    """Conflict rows and their claim links; two conflicts with one id are an error."""
    rows: dict[str, tuple[str, str, str, str, str]] = {}
    links: list[tuple[str, str]] = []
    for conflict in conflicts:
        if conflict.id in rows:
            raise StoreError(f"two conflicts share the id {conflict.id} (rule {conflict.rule})")
        rows[conflict.id] = (
            conflict.id,
            conflict.rule,
            conflict.severity.value,
            conflict.outcome.value,
            dumps(conflict),
        )
        links.extend((conflict.id, claim_id) for claim_id in dict.fromkeys(conflict.claims))
    return list(rows.values()), links


def annotation_row(annotation: Annotation) -> tuple[Any, ...]:
    document_id = annotation.anchor.document if annotation.anchor is not None else None
    return (
        annotation.id,
        annotation.target_kind.value,
        annotation.target_id,
        document_id,
        annotation.verdict.value,
        annotation.reviewer,
        annotation.created_at.isoformat(),
        annotation.retracts,
        dumps(annotation),
        int(annotation.adjudication),
    )


def claim_of_row(data: str, override: str | None, path: object = None) -> Claim:
    """A stored claim, with the confidence override in force on it applied (see
    :func:`claims.review.apply_override`)."""
    return apply_override(loads(data, Claim, path), loads(override, Annotation, path) if override else None)


def anchor_json(anchor: Anchor | None) -> str | None:
    return None if anchor is None else dumps(anchor)


def load_anchor(data: str | None) -> Anchor | None:
    return loads(data, Anchor) if data else None


def load_one(rows: Sequence[Sequence[Any]], cls: type[Any], path: object = None) -> Any:
    """The object in the first column of the first row, or None when there is no row."""
    return loads(rows[0][0], cls, path) if rows else None
