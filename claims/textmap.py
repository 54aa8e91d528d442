"""Offsets to line/column and to spans with context, shared by readers and extractors; and
the one sanitiser for text that reaches a terminal.
"""

from __future__ import annotations

import functools
import re
from array import array
from bisect import bisect_right

from claims.model import Document, Span

CONTEXT = 32
"""Characters of prefix and suffix kept on either side of a quote."""


class LineMap:
    """Maps a character offset in ``text`` to a 1-based (line, column).

    The line starts are a compact array (8 bytes a line), so a map of a 200 MB document costs
    tens of megabytes, not hundreds.
    """

    def __init__(self, text: str) -> None:
        self.starts = array("q", [0])
        append = self.starts.append
        find = text.find
        pos = find("\n")
        while pos != -1:
            append(pos + 1)
            pos = find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset)


class SourceMap:
    """Maps an offset in a web page's text to its place in the page's source: (offset, line,
    column), from the reader's breakpoints ``(text offset, source offset)`` and the source's
    line starts (see :class:`~claims.model.Provenance`)."""

    def __init__(self, offsets: tuple[tuple[int, int], ...], source_lines: tuple[int, ...]) -> None:
        self.starts = array("q", [t for t, _ in offsets])
        self.sources = array("q", [s for _, s in offsets])
        self.lines = array("q", source_lines or (0,))

    def position(self, offset: int) -> tuple[int, int, int] | None:
        k = bisect_right(self.starts, offset) - 1
        if k < 0:
            return None
        source = self.sources[k] + (offset - self.starts[k])
        line = bisect_right(self.lines, source)
        return source, line, source - self.lines[line - 1] + 1


_SOURCE_MAPS: dict[int, tuple[object, SourceMap]] = {}


def source_map(document: Document) -> SourceMap | None:
    """The document's :class:`SourceMap` when its text was read out of a web page, else None
    (one per document, kept while it is in use: every claim of a page asks)."""
    provenance = document.provenance
    if provenance is None or not provenance.offsets:
        return None
    key = id(provenance)
    hit = _SOURCE_MAPS.get(key)
    if hit is None or hit[0] is not provenance:
        if len(_SOURCE_MAPS) > 64:
            _SOURCE_MAPS.clear()
        hit = (provenance, SourceMap(provenance.offsets, provenance.source_lines))
        _SOURCE_MAPS[key] = hit
    return hit[1]


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


# C0 and C1 controls (ESC starts CSI and OSC sequences; 0x9b is an 8-bit CSI, 0x9d an OSC),
# DEL, and the invisible characters that reorder or hide text: bidi marks, embeddings,
# overrides and isolates, zero-width characters, line and paragraph separators, the BOM.
_INVISIBLE = "\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")
_CONTROL_OR_NEWLINE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f{_INVISIBLE}]")


def printable(text: str, newlines: bool = False) -> str:
    """Text safe for a terminal: control and bidi characters shown as escapes, never obeyed.

    The one sanitiser for every string that reaches a terminal from a document, a note, a path
    or a reviewer's name, in the CLI and the TUI alike. Tabs are kept, and line breaks when
    ``newlines``; everything else a terminal would interpret (ESC, CSI and OSC sequences,
    carriage returns, backspaces, bidi overrides, zero-width characters) becomes visible text
    such as ``\\x1b`` or ``\\u202e``. Markup is not its business: front ends show text as
    text (``rich.text.Text``, ``markup=False``).
    """
    pattern = _CONTROL if newlines else _CONTROL_OR_NEWLINE
    return pattern.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_INVISIBLE}]")


def json_printable(text: str) -> str:
    """JSON text with the characters a terminal would obey written as ``\\uXXXX`` escapes.

    ``json.dumps`` already escapes C0 controls; with ``ensure_ascii=False`` it leaves DEL, the
    C1 controls and bidi overrides raw. Escaped, the JSON still decodes to the same strings.
    Only for JSON text: an escape is valid only inside a JSON string, where these characters
    can only be.
    """
    if "\x7f" not in text and (text.isascii() or not _json_unsafe_utf8().search(
            text.encode("utf-8", "surrogatepass").translate(None, _ASCII))):
        # Most JSON text has none: its non-ASCII bytes alone (a C pass, a few times faster
        # than the regex over the text) are enough to tell. isascii is free on a str.
        return text
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


_ASCII = bytes(range(128))


@functools.cache
def _json_unsafe_utf8() -> re.Pattern[bytes]:
    """The characters of ``_JSON_UNSAFE`` above U+007F, UTF-8 encoded: found in the text's
    non-ASCII bytes, which keep every multi-byte character whole (ASCII bytes are never part
    of one)."""
    spec, codes = "\x80-\x9f" + _INVISIBLE, []
    i = 0
    while i < len(spec):
        ranged = i + 2 < len(spec) and spec[i + 1] == "-"
        codes.extend(range(ord(spec[i]), ord(spec[i + 2 if ranged else i]) + 1))
        i += 3 if ranged else 1
    return re.compile(b"|".join(re.escape(chr(c).encode("utf-8")) for c in codes))
