"""The source pane: the whole text of the selected claim's document, every claim of that
document marked and the selected one focused and scrolled into view.

The text comes from a document, so it is data: each piece between two span ends goes through
:func:`claims.api.printable` on its own (the marks cover exactly the spans however their
characters are escaped) into a ``rich.text.Text`` with a style per span, never markup. The
pane wraps the text itself and renders only the lines in view, so a long document scrolls as
fast as a short one and the line holding the focused claim is known exactly.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import Vertical
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from claims.api import Claim, Document, printable
from claims.tui.widgets.claim_detail import SPAN_STYLE, without_table_noise

MARK_STYLE = "underline on #3e4451"
"""Every other claim of the document: a background that reads on light and dark themes."""
FOCUS_STYLE = SPAN_STYLE
"""The selected claim, as the detail pane highlights its quote."""
TAB = "    "


def marked_source(text: str, spans: Sequence[tuple[int, int, str]], focused: str | None) -> tuple[Text, tuple[int, int] | None]:
    """``text`` as the pane shows it, each span ``(start, end, claim id)`` marked and the one of
    ``focused`` highlighted; and where the focused span lies in the shown text (it differs from
    the document's offsets where a character is escaped or a tab expanded)."""
    valid = [(s, e, i) for s, e, i in spans if 0 <= s < e <= len(text)]
    focus = next(((s, e) for s, e, i in valid if i == focused), None)
    opening: dict[int, int] = {}
    closing: dict[int, int] = {}
    for s, e, _ in valid:
        opening[s] = opening.get(s, 0) + 1
        closing[e] = closing.get(e, 0) + 1
    cuts = sorted({0, len(text), *opening, *closing})
    shown = Text()
    where: dict[int, int] = {}
    depth = 0  # how many spans cover the piece (a sweep: spans may overlap)
    for lo, hi in zip(cuts, cuts[1:]):
        where[lo] = len(shown)
        depth += opening.get(lo, 0) - closing.get(lo, 0)
        piece = text[lo:hi]
        if focus is not None and focus[0] <= lo and hi <= focus[1]:
            style = FOCUS_STYLE
        elif depth:
            style = MARK_STYLE
        else:
            style = ""
            # Text no claim covers loses a scraped table's empty cells, as in the detail pane.
            piece = without_table_noise(piece, line_start=lo == 0 or text[lo - 1] == "\n",
                                        line_end=hi == len(text) or text[hi] == "\n")
        shown.append(printable(piece, newlines=True).replace("\t", TAB), style or None)
    where[len(text)] = len(shown)
    return shown, (where[focus[0]], where[focus[1]]) if focus is not None else None


def wrap_offsets(plain: str, width: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each line when ``plain`` is wrapped to ``width`` cells: at its line
    breaks, then after the last space that fits (a word longer than the line is cut)."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    base = 0
    for line in plain.split("\n"):
        n = len(line)
        if not n:
            lines.append((base, base))
        start = 0
        while start < n:
            if line.isascii():
                end = min(n, start + width)
            else:
                end, cells = start, 0
                while end < n and cells + get_character_cell_size(line[end]) <= width:
                    cells += get_character_cell_size(line[end])
                    end += 1
            if end < n:
                space = line.rfind(" ", start, end)
                if space >= start and line[end] != " ":
                    end = space + 1
                elif line[end] == " ":
                    end += 1  # the space after a word that fills the line goes with it
            end = max(end, start + 1)
            lines.append((base + start, base + end))
            start = end
        base += n + 1
    return lines


class SourceText(ScrollView, can_focus=True):
    """The document text, wrapped to the pane's width; only the lines in view are rendered."""

    DEFAULT_CSS = """
    SourceText { height: 1fr; overflow-x: hidden; scrollbar-size-vertical: 1; scrollbar-gutter: stable; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = Text()
        self.focus_span: tuple[int, int] | None = None
        self.lines: list[tuple[int, int]] = []
        self._text_version = 0
        """Changes with the text itself; the wrapped lines depend on it and the width only."""
        self._marks_version = 0
        """Changes with every show (the marks); rendered lines depend on it too."""
        self._wrapped_for: tuple[int, int] | None = None
        self._strips: LRUCache[tuple[int, int, int], Strip] = LRUCache(500)

    def show(self, text: Text, focus_span: tuple[int, int] | None, *, same_text: bool) -> None:
        """Show ``text`` with the focused span at ``focus_span`` and scroll it into view;
        ``same_text``: only the marks changed, so the wrapped lines stay."""
        self.text = text
        self.focus_span = focus_span
        self._marks_version += 1
        if not same_text:
            self._text_version += 1
        self._strips.clear()
        self._rewrap()
        # After the next layout: the scroll range follows the new virtual size only then.
        self.call_after_refresh(self.scroll_to_focus)
        self.refresh()

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        key = (self._text_version, width)
        if width <= 0 or self._wrapped_for == key:
            return
        self.lines = wrap_offsets(self.text.plain, width)
        self._wrapped_for = key
        self._strips.clear()
        self.virtual_size = Size(width, len(self.lines))

    def focus_line(self) -> int | None:
        """The wrapped line the focused claim starts on."""
        if self.focus_span is None or not self.lines:
            return None
        starts = [start for start, _ in self.lines]
        return max(0, bisect.bisect_right(starts, self.focus_span[0]) - 1)

    def scroll_to_focus(self, attempts: int = 5) -> None:
        """Bring the focused claim into view, a third of the way down, with what leads to it above.
        When the scroll range has not yet grown to the new text (the pane was laid out just
        now), try again after the next refresh, a few times, instead of stopping short."""
        line = self.focus_line()
        if line is not None:
            height = self.scrollable_content_region.height
            y = max(0, line - height // 3)
            self.scroll_to(y=y, animate=False, immediate=True)
            if self.scroll_offset.y < min(y, max(0, len(self.lines) - height)) and attempts > 1:
                self.call_after_refresh(self.scroll_to_focus, attempts - 1)

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()
        self.call_after_refresh(self.scroll_to_focus)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if not 0 <= index < len(self.lines):
            return Strip.blank(width, self.rich_style)
        key = (index, width, self._marks_version)
        strip = self._strips.get(key)
        if strip is None:
            start, end = self.lines[index]
            segments = list(self.text[start:end].render(self.app.console))
            segments = list(Segment.apply_style(segments, self.rich_style))
            strip = Strip(segments).extend_cell_length(width, self.rich_style).crop(0, width)
            self._strips[key] = strip
        return strip


class SourcePane(Vertical):
    """A title line (the document, how many claims it holds) over the marked source text."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.document_id: str | None = None
        self.claim_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="source-title")
        yield SourceText(id="source-text")

    def show(self, claim: Claim, document: Document | None, claims: Sequence[Claim] | None) -> None:
        """Show ``claim`` in its document, every one of ``claims`` marked (None: still loading)."""
        title = Text("Source", style="bold")
        source = self.query_one(SourceText)
        if document is None or claims is None:
            title.append("  loading…" if claims is None else "  the document is not in the store", style="dim")
            self.query_one("#source-title", Static).update(title)
            source.show(Text(), None, same_text=False)
            self.document_id = self.claim_id = None
            return
        spans = [(c.span.start, c.span.end, c.id) for c in claims]
        text, focus = marked_source(document.text, spans, claim.id)
        self.document_id, self.claim_id = document.id, claim.id
        ordered = sorted(claims, key=lambda c: (c.span.start, c.span.end, c.id))
        position = next((n for n, c in enumerate(ordered, 1) if c.id == claim.id), None)
        where = f"claim {position} of {len(claims)}" if position else f"{len(claims)} claims"
        title.append(f"  {where} · line {claim.span.line} · ", style="dim")
        title.append(printable(document.path or document.id), style="bold cyan")
        if focus is None:
            title.append("  (this claim's span is not in the stored text)", style="yellow")
        self.query_one("#source-title", Static).update(title)
        # Compared, not assumed from the document id: a re-read document keeps its id.
        source.show(text, focus, same_text=text.plain == source.text.plain)

    @property
    def focused_text(self) -> str:
        """The text the focused highlight covers, as shown."""
        source = self.query_one(SourceText)
        if source.focus_span is None:
            return ""
        start, end = source.focus_span
        return source.text.plain[start:end]

    @property
    def visible_lines(self) -> range:
        source = self.query_one(SourceText)
        top = source.scroll_offset.y
        return range(top, min(len(source.lines), top + source.scrollable_content_region.height))

