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

from claims.api import Annotation, Store, Verdict, current_verdict, last_undoable

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


def read_back(store: Store, annotation: Annotation) -> Written:
    """The annotation just committed, with its target's history and current verdict now."""
    history = store.annotations(annotation.target_id, annotation.target_kind)
    verdict = current_verdict(history, annotation.target_kind)
    return Written(annotation, history, verdict.verdict if verdict else None)


def annotate_and_read_back(store: Store, annotation: Annotation) -> Written:
    """Append an annotation (on the writer thread) and read its target back."""
    store.annotate(annotation)
    return read_back(store, annotation)


def undo_last(store: Store, reviewer: str) -> Written | None:
    """Retract this reviewer's latest annotation in force; None when there is none."""
    target = last_undoable(store.annotations(), reviewer)
    if target is None:
        return None
    return read_back(store, store.retract(target.id, reviewer))


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
