"""Errors that carry what a user needs to fix the input: the file, the line, what to do."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2
    INTERRUPTED = 130


class StoreError(Exception):
    """The store cannot be used (not a claims database, newer schema, locked too long, damaged,
    read-only for a write). ``str()`` is one line naming the file and what to do.

    Defined here, not in :mod:`claims.store` (which re-exports it), so the CLI can catch it
    without importing the store."""


class InputError(Exception):
    """A document could not be read. ``str()`` is one line naming the file and the problem."""

    def __init__(self, path: str, message: str, line: int | None = None, column: int | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"
