"""Offsets to line/column and to spans with context, shared by readers and extractors."""

from __future__ import annotations

from bisect import bisect_right

from claims.model import Span

CONTEXT = 32
"""Characters of prefix and suffix kept on either side of a quote."""


class LineMap:
    """Maps a character offset in ``text`` to a 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset)


def span_in(text: str, document_id: str, start: int, end: int, lines: LineMap | None = None) -> Span:
    """The span ``text[start:end]`` with its prefix, suffix, line and column."""
    line, column = (lines or LineMap(text)).position(start)
    return Span(
        document=document_id,
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        line=line,
        column=column,
    )


def strip_range(text: str, start: int, end: int, chars: str = " \t\r\n") -> tuple[int, int]:
    """Shrink ``[start, end)`` so it neither starts nor ends with any of ``chars``."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end
