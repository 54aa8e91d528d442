"""The app's side of the store: one reader and one writer thread, and small pure helpers.

A store object may be used from one thread only (SQLite connections are bound to the thread
that opened them), so the gateway opens one store in a reader thread for queries and one in a
writer thread for annotations, and every call runs on the thread that owns its store. Reads
never wait behind a write, and writes are committed in the order they were made.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

import attrs

from claims.model import CLAIM_VERDICTS, CONFLICT_VERDICTS, Annotation, TargetKind, Verdict
from claims.store.base import Store

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


def retraction_of(annotation: Annotation, reviewer: str, now: dt.datetime | None = None) -> Annotation:
    """A RETRACTED annotation withdrawing ``annotation`` (same target and anchor)."""
    return Annotation(
        id=uuid.uuid4().hex,
        target_kind=annotation.target_kind,
        target_id=annotation.target_id,
        verdict=Verdict.RETRACTED,
        reviewer=reviewer,
        created_at=now or dt.datetime.now(dt.timezone.utc),
        anchor=annotation.anchor,
        retracts=annotation.id,
    )


def retract(store: Store, annotation: Annotation, reviewer: str) -> Annotation:
    """Append a retraction of ``annotation``; the store's own ``retract`` is used when it has one,
    since it knows where a re-anchored annotation's target now is."""
    store_retract = getattr(store, "retract", None)
    if callable(store_retract):
        return store_retract(annotation.id, reviewer)
    retraction = retraction_of(annotation, reviewer)
    store.annotate(retraction)
    return retraction


def withdrawn_ids(annotations: Iterable[Annotation]) -> set[str]:
    """Ids of annotations withdrawn by a retraction that is itself in force.

    Retracting a retraction restores what it withdrew, as the store computes it.
    """
    retractions = {a.id: a.retracts for a in annotations if a.retracts}
    retracted_by: dict[str, list[str]] = {}
    for rid, target in retractions.items():
        retracted_by.setdefault(target, []).append(rid)
    memo: dict[str, bool] = {}

    def is_withdrawn(annotation_id: str, depth: int = 0) -> bool:
        if annotation_id in memo:
            return memo[annotation_id]
        result = depth < 1000 and any(not is_withdrawn(r, depth + 1) for r in retracted_by.get(annotation_id, ()))
        memo[annotation_id] = result
        return result

    return {aid for aid in retracted_by if is_withdrawn(aid)}


def live(annotations: Iterable[Annotation]) -> list[Annotation]:
    """The annotations nobody has retracted (retractions themselves excluded), oldest first."""
    annotations = list(annotations)
    withdrawn = withdrawn_ids(annotations)
    return [a for a in annotations if a.id not in withdrawn and a.verdict is not Verdict.RETRACTED]


def current_verdict(annotations: Sequence[Annotation], target_kind: TargetKind = TargetKind.CLAIM) -> Verdict | None:
    """The latest live verdict (accept/dispute/... or resolved/open/...), as the store computes it."""
    allowed = CLAIM_VERDICTS if target_kind is TargetKind.CLAIM else CONFLICT_VERDICTS
    for annotation in reversed(live(annotations)):
        if annotation.verdict in allowed:
            return annotation.verdict
    return None


def current_override(annotations: Sequence[Annotation]) -> Annotation | None:
    """The latest live confidence override, if any."""
    for annotation in reversed(live(annotations)):
        if annotation.verdict is Verdict.CONFIDENCE and annotation.confidence_override is not None:
            return annotation
    return None


def last_undoable(annotations: Sequence[Annotation], reviewer: str) -> Annotation | None:
    """This reviewer's latest annotation that is not a retraction and is not already retracted."""
    for annotation in reversed(live(annotations)):
        if annotation.reviewer == reviewer:
            return annotation
    return None


@attrs.frozen
class Written:
    """The result of committing an annotation: it, and its target's history and verdict after it."""

    annotation: Annotation
    history: list[Annotation]
    verdict: Verdict | None


def annotate_and_read_back(store: Store, annotation: Annotation) -> Written:
    store.annotate(annotation)
    history = store.annotations(annotation.target_id, annotation.target_kind)
    return Written(annotation, history, current_verdict(history, annotation.target_kind))


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
