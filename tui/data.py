"""The app's side of the store: one reader and one writer thread, and what runs on the writer.

A store object may be used from one thread only (SQLite connections are bound to the thread
that opened them), so the gateway opens one store in a reader thread for queries and one in a
writer thread for annotations, and every call runs on the thread that owns its store. Reads
never wait behind a write, and writes are committed in the order they were made.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

import attrs

from claims.api import (
    Annotation,
    Claim,
    ClaimQuery,
    Conflict,
    Kind,
    Outcome,
    Store,
    TargetKind,
    Verdict,
    build_context,
    in_force,
    last_undoable,
)

T = TypeVar("T")
StoreOpener = Callable[[], Store]


class StoreGateway:
    """Runs store calls on the thread that owns each store; returns futures or waits for them."""

    def __init__(self, opener: StoreOpener) -> None:
        self._opener = opener
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claims-store-read")
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claims-store-write")
        self._read_store: Store | None = None
        self._write_store: Store | None = None

    def _on_reader(self) -> Store:
        if self._read_store is None:
            self._read_store = self._opener()
        return self._read_store

    def _on_writer(self) -> Store:
        if self._write_store is None:
            self._write_store = self._opener()
        return self._write_store

    def read(self, fn: Callable[[Store], T]) -> T:
        """Run ``fn(store)`` on the reader thread and wait for it (call from a worker thread)."""
        return self._reader.submit(lambda: fn(self._on_reader())).result()

    def write(self, fn: Callable[[Store], T]) -> Future[T]:
        """Queue ``fn(store)`` on the writer thread; writes run one at a time, in order."""
        return self._writer.submit(lambda: fn(self._on_writer()))

    def close(self) -> None:
        def close_reader() -> None:
            if self._read_store is not None:
                self._read_store.close()
                self._read_store = None

        def close_writer() -> None:
            if self._write_store is not None:
                self._write_store.close()
                self._write_store = None

        try:
            self._writer.submit(close_writer).result(timeout=30)
            self._reader.submit(close_reader).result(timeout=30)
        finally:
            self._writer.shutdown(wait=True)
            self._reader.shutdown(wait=False, cancel_futures=True)


@attrs.frozen
class Written:
    """The result of committing an annotation: it, and its target's history and verdict after it."""

    annotation: Annotation
    history: list[Annotation]
    verdict: Verdict | None
    target_id: str
    """The claim or conflict acted on (where the annotation is attached now)."""
    claim: Claim | None = None
    """The claim re-read after the write (its confidence shows an override in force)."""
    undone: Annotation | None = None
    """For an undo, the annotation it withdrew."""


def read_back(store: Store, annotation: Annotation, target_id: str | None = None,
              undone: Annotation | None = None) -> Written:
    """The annotation just committed, with its target's history, verdict and claim now
    (``target_id``: where it is attached now, by default what it was made on)."""
    target_id = target_id or annotation.target_id
    history = store.annotations(target_id, annotation.target_kind, viewer=annotation.reviewer)
    verdict = in_force(history, annotation.target_kind).verdict
    claim = store.claim(target_id, viewer=annotation.reviewer) if annotation.target_kind is TargetKind.CLAIM else None
    return Written(annotation, history, verdict.verdict if verdict else None, target_id, claim, undone)


def read_announced(store: Store, claim_id: str, viewer: str) -> tuple[Claim | None, Verdict | None]:
    """A claim another reviewer just annotated, and its verdict now, as ``viewer`` may see it."""
    claim = store.claim(claim_id, viewer=viewer)
    verdict = in_force(store.annotations(claim_id, TargetKind.CLAIM, viewer=viewer), TargetKind.CLAIM).verdict
    return claim, (verdict.verdict if verdict else None)


def annotate_and_read_back(store: Store, annotation: Annotation) -> Written:
    """Append an annotation (on the writer thread) and read its target back."""
    store.annotate(annotation)
    return read_back(store, annotation, annotation.target_id)


def undo_last_on(store: Store, target: Claim | Conflict, reviewer: str) -> Written | None:
    """Retract this reviewer's latest annotation in force on ``target`` (the item shown);
    None when there is none. Annotations on other claims are never touched."""
    kind = TargetKind.CLAIM if isinstance(target, Claim) else TargetKind.CONFLICT
    undone = last_undoable(store.annotations(target.id, kind, viewer=reviewer), reviewer)
    if undone is None:
        return None
    return read_back(store, store.retract(undone.id, reviewer), target.id, undone)


VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.ACCEPTED: "accepted",
    Verdict.DISPUTED: "disputed",
    Verdict.NEEDS_SOURCE: "needs source",
    Verdict.REJECTED: "rejected",
    Verdict.RESOLVED: "resolved",
    Verdict.OPEN: "open",
    Verdict.NOT_A_CONFLICT: "not a conflict",
    Verdict.NOTE: "note",
    Verdict.CONFIDENCE: "confidence override",
    Verdict.RETRACTED: "retracted",
}

VERDICT_MARKS: dict[Verdict | None, tuple[str, str]] = {
    None: ("·", "dim"),
    Verdict.ACCEPTED: ("✓", "bold green"),
    Verdict.DISPUTED: ("✗", "bold yellow"),
    Verdict.NEEDS_SOURCE: ("?", "bold cyan"),
    Verdict.REJECTED: ("⊘", "bold red"),
    Verdict.RESOLVED: ("✓", "bold green"),
    Verdict.OPEN: ("!", "bold yellow"),
    Verdict.NOT_A_CONFLICT: ("–", "dim"),
}
"""A one-cell mark and a style per verdict, for list rows (the word is shown beside it too)."""


OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.CONFLICT: "conflict",
    Outcome.INDETERMINATE: "to decide",
    Outcome.IDENTITY: "same entity",
    Outcome.CONSISTENT: "consistent",
}
"""What a finding is, in the words `claims conflicts` uses (a conflict; a tension to decide)."""

_COUNTED = (
    (Outcome.CONFLICT, "conflict", "conflicts"),
    (Outcome.INDETERMINATE, "to decide", "to decide"),
    (Outcome.IDENTITY, "identity", "identities"),
    (Outcome.CONSISTENT, "consistent check", "consistent checks"),
)


def plural(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def count_findings(conflicts: list[Conflict], events: int | None = None) -> str:
    """`0 conflicts, 4 to decide, 2 consistent checks in 2 events`: the counts `claims conflicts`
    prints, by outcome (a tension to decide is not a conflict), singular where one; identities
    only when there are some."""
    parts = []
    for outcome, one, many in _COUNTED:
        n = sum(1 for c in conflicts if c.outcome is outcome)
        if n or outcome in (Outcome.CONFLICT, Outcome.INDETERMINATE):
            parts.append(plural(n, one, many))
    text = ", ".join(parts)
    if events is not None:
        text += f" in {plural(events, 'event', 'events')}"
    return text


def conflict_events(store: Store, conflicts: list[Conflict]) -> dict[str, str]:
    """Conflict id -> the name of the event it is about (as the reports group them): the
    documents grouped by title and infobox dates, as reconciling them did."""
    outlines = store.document_outlines()
    dates = store.claims(ClaimQuery(kind=Kind.DATE, only_infobox=True))
    event_of = build_context(outlines, dates, sides=False).event_of
    names: dict[str, str] = {}
    document_of: dict[str, str | None] = {}
    for conflict in conflicts:
        for claim_id in conflict.claims:
            if claim_id not in document_of:
                claim = store.claim(claim_id)
                document_of[claim_id] = claim.document if claim is not None else None
            event = event_of.get(document_of[claim_id] or "")
            if event is not None:
                names[conflict.id] = event.name
                break
    return names
