"""Progress for long commands: a Rich bar on stderr, only on a terminal, only after a second.

Commands pass :class:`ProgressBar` as the ``progress`` callback of the pipeline and the
services. Piped or redirected (CI, scripts), it draws nothing; on a terminal it appears once
the work has run for :data:`DELAY` seconds and is erased when the work is done, so stdout
(data) and the one-line diagnostics on stderr stay as they are.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # rich is imported when a bar is first drawn
    from rich.progress import Progress, TaskID

DELAY = 1.0
"""Seconds of work before a bar appears (short commands never show one)."""


class ProgressBar:
    """A callable ``(what, done, total)``: draws one bar per step; ``total`` 0 means unknown."""

    def __init__(self, stream: TextIO | None = None, *, enabled: bool | None = None, delay: float = DELAY) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self._stream) if enabled is None else enabled
        self._delay = delay
        self._began = time.monotonic()
        self._progress: Progress | None = None
        self._tasks: dict[str, TaskID] = {}
        self._pending: dict[str, tuple[int, int]] = {}

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __call__(self, what: str, done: int = 0, total: int = 0) -> None:
        if not self.enabled:
            return
        self._pending[what] = (done, total)
        if self._progress is None:
            if time.monotonic() - self._began < self._delay:
                return
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            console = Console(file=self._stream, force_terminal=True, highlight=False)
            self._progress = Progress(
                TextColumn("{task.description:<12}"), BarColumn(), TextColumn("{task.fields[count]}"),
                TimeElapsedColumn(), console=console, transient=True,
            )
            self._progress.start()
        for step, (step_done, step_total) in self._pending.items():
            self._show(step, step_done, step_total)
        self._pending.clear()

    def _show(self, what: str, done: int, total: int) -> None:
        assert self._progress is not None
        count = f"{done:,}/{total:,}" if total else ""
        task = self._tasks.get(what)
        if task is None:
            for other in self._tasks.values():  # the step before is over
                total_before = self._progress.tasks[other].total
                self._progress.update(other, completed=total_before or 1, total=total_before or 1,
                                      count=f"{int(total_before):,}/{int(total_before):,}" if total_before else "")
            task = self._progress.add_task(what, total=total or None, count=count)
            self._tasks[what] = task
        self._progress.update(task, completed=done, total=total or None, count=count)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
