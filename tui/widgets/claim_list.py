"""A virtual list of claims: rows are paged from the store as they scroll into view.

Only the visible rows are ever rendered, and only the pages they fall on are fetched
(``page_size`` claims at a time, in a background worker), so a store of a million claims opens
as fast as one of ten. Rendered lines are cached per row, as Toolong does for log lines.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from rich.text import Text
from textual.worker import Worker, get_current_worker

from claims.api import Claim, ClaimQuery, Verdict, describe_side, describe_value, printable
from claims.tui.data import VERDICT_MARKS

PageFetcher = Callable[[ClaimQuery, int, int], list[Claim]]
SelectionCallback = Callable[[Claim | None, str], None]
"""Told the claim under the cursor (None while its page loads) and why: ``move`` (the cursor
moved), ``reset`` (a new result), ``page`` (the cursor's page arrived)."""


def short_claimant(claim: Claim) -> str:
    return claim.attribution.claimant or "unattributed"


@lru_cache(maxsize=64)
def _parse_style(style: str) -> Style:
    return Style.parse(style)


def one_line(text: str) -> str:
    """Text from the data on one line, safe for the terminal."""
    return printable(" ".join(text.split()))


def fit(text: str, width: int) -> str:
    """Pad or cut ``text`` to exactly ``width`` cells, marking a cut with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


COLUMNS = ("", "kind", "side", "value", "quote", "claimant", "conf", "document")
"""Titles; ``conf`` is the Admiralty-style grade (source A–F, information 1–6), or the score a
reviewer set with a star (`0.10*`) while an override is in force; ``document`` is the file
name and line of the claim."""

FIXED = {0: 2, 1: 10, 2: 10, 6: 5}
"""Columns of one width: the verdict mark, kind, side and conf."""

FLEXIBLE = ((3, 16, 3, 44, 16), (5, 12, 1, 28, 12), (7, 12, 1, 26, 12), (4, 20, 3, None, 36))
"""(column, least width, share of the spare width, most width, spare cells it needs to be
shown) in the order columns are given room: value, claimant, document, quote. The width left
over is shared out by weight, up to each column's most (the quote takes what remains); the
quote waits until the value has room to read whole (the detail pane shows it anyway)."""


def column_widths(width: int) -> list[int]:
    """Cell widths for COLUMNS in a list ``width`` cells wide (0 hides a column).

    Every column but the fixed ones grows with the width: the value, claimant, document and
    quote take the spare cells by share, so nothing is cut at 20 characters on a wide terminal.
    Narrow lists drop the quote first (the detail pane shows it in context), then the document.
    """
    widths = [0] * len(COLUMNS)
    for column, w in FIXED.items():
        widths[column] = w
    if width >= 110:
        widths[2] = 12  # side names such as "Azerbaijan (col 1)" read whole when there is room

    def spare() -> int:
        shown = sum(1 for w in widths if w)
        return width - sum(widths) - shown - 1  # a gap after each column, the cursor mark first

    for column, least, _, _, needs in FLEXIBLE:
        if spare() - 1 >= needs:
            widths[column] = least
    growing = [(c, share, most) for c, _, share, most, _ in FLEXIBLE if widths[c]]
    left = spare()
    while left > 0 and growing:
        total = sum(share for _, share, _ in growing)
        handed = 0
        for column, share, most in growing:
            extra = max(1, left * share // total)
            if most is not None:
                extra = min(extra, most - widths[column])
            extra = min(extra, left - handed)
            widths[column] += extra
            handed += extra
        left -= handed
        growing = [(c, s, m) for c, s, m in growing if m is None or widths[c] < m]
        if not handed:
            break
    if not widths[3]:
        widths[3] = max(8, spare() + widths[3])
    return widths


class ClaimListHeader(Widget):
    """The column titles above a ClaimList (same width, less its scrollbar)."""

    DEFAULT_CSS = """
    ClaimListHeader { height: 1; }
    """

    def render(self) -> Text:
        width = max(0, self.size.width - 1)
        parts = [fit(name, w) for name, w in zip(COLUMNS, column_widths(width)) if w]
        return Text(" " + " ".join(parts), no_wrap=True, overflow="crop")


class ClaimList(ScrollView, can_focus=True):
    """The claims matching a query, one row each, fetched page by page."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
    ]

    COMPONENT_CLASSES = {
        "claim-list--cursor",
        "claim-list--dim",
        "claim-list--unattributed",
        "claim-list--placeholder",
    }

    DEFAULT_CSS = """
    ClaimList { height: 1fr; overflow-x: hidden; }
    """

    cursor: reactive[int] = reactive(0, always_update=False, init=False)

    class Highlighted(Message):
        """The cursor is on ``claim`` (None when the list is empty)."""

        def __init__(self, claim: Claim | None, index: int, reason: str = "move") -> None:
            super().__init__()
            self.claim = claim
            self.index = index
            self.reason = reason

    class Selected(Message):
        """Enter was pressed on ``claim``."""

        def __init__(self, claim: Claim, index: int) -> None:
            super().__init__()
            self.claim = claim
            self.index = index

    class PageLoaded(Message):
        def __init__(self, generation: int, page: int, claims: list[Claim]) -> None:
            super().__init__()
            self.generation = generation
            self.page = page
            self.claims = claims

    def __init__(
        self,
        fetch: PageFetcher,
        verdicts: Mapping[str, Verdict],
        *,
        page_size: int = 200,
        on_select: SelectionCallback | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._fetch = fetch
        self._on_select = on_select
        self.cursor_hidden = False
        """True while the screen shows a claim the list does not hold: no row looks selected."""
        self._verdicts = verdicts
        self.marked: dict[str, Claim] = {}
        """Claims marked for a bulk verdict (space), by id."""
        self.document_names: dict[str, str] = {}
        """Document id -> the file name the document column shows (set when the store opens)."""
        self.page_size = page_size
        self.query_: ClaimQuery = ClaimQuery()
        self.total = 0
        self.generation = 0
        self._pages: LRUCache[int, list[Claim]] = LRUCache(64)
        self._requested: set[int] = set()
        self._missing: set[int] = set()
        self._lines: LRUCache[tuple, Strip] = LRUCache(2000)
        self._last_highlighted: tuple[int, str | None] | None = None
        self._style_cache: tuple[tuple, tuple[Style, ...]] | None = None

    # -- data -------------------------------------------------------------------------------

    def reset(self, query: ClaimQuery, total: int, first_page: list[Claim], cursor: int = 0) -> None:
        """Show a new result: ``total`` claims of which the first page is already fetched."""
        self.generation += 1
        self.query_ = query
        self.total = total
        self._pages.clear()
        self._requested.clear()
        self._missing.clear()
        self._lines.clear()
        self._last_highlighted = None
        self._pages[0] = first_page
        self.virtual_size = Size(self.size.width, total)
        self.set_reactive(ClaimList.cursor, max(0, min(cursor, total - 1)))
        self.scroll_to(y=max(0, self.cursor - self.size.height // 2), animate=False, immediate=True)
        self._emit_highlight("reset")
        self.refresh()

    def claim_at(self, index: int) -> Claim | None:
        if not 0 <= index < self.total:
            return None
        page = self._pages.get(index // self.page_size)
        if page is None:
            return None
        offset = index % self.page_size
        return page[offset] if offset < len(page) else None

    def loaded(self) -> list[tuple[int, Claim]]:
        """Every (index, claim) currently fetched, in order."""
        found = []
        for page_number in sorted(self._pages.keys()):
            base = page_number * self.page_size
            found.extend((base + i, claim) for i, claim in enumerate(self._pages[page_number]))
        return found

    def index_of(self, claim_id: str) -> int | None:
        for index, claim in self.loaded():
            if claim.id == claim_id:
                return index
        return None

    @property
    def highlighted(self) -> Claim | None:
        return self.claim_at(self.cursor)

    def refresh_claim(self, claim_id: str, claim: Claim | None = None) -> None:
        """Redraw the row(s) of this claim (its verdict changed); with ``claim``, show it as
        given (its confidence changed)."""
        if claim is not None:
            for number in list(self._pages.keys()):
                page = self._pages.get(number)
                if page is not None and any(c.id == claim_id for c in page):
                    self._pages.discard(number)  # LRUCache.set keeps an existing entry
                    self._pages[number] = [claim if c.id == claim_id else c for c in page]
        self._lines.clear()
        self.refresh()

    def set_document_names(self, names: Mapping[str, str]) -> None:
        self.document_names = dict(names)
        self._lines.clear()
        self.refresh()

    def toggle_mark(self) -> Claim | None:
        """Mark the claim under the cursor, or unmark it; the claim, or None when none is there."""
        claim = self.highlighted
        if claim is None:
            return None
        if self.marked.pop(claim.id, None) is None:
            self.marked[claim.id] = claim
        self._lines.clear()
        self.refresh()
        return claim

    def clear_marks(self) -> None:
        if self.marked:
            self.marked.clear()
            self._lines.clear()
            self.refresh()

    def hide_cursor(self, hidden: bool) -> None:
        if hidden != self.cursor_hidden:
            self.cursor_hidden = hidden
            self._lines.clear()
            self.refresh()

    def _request(self, page: int) -> None:
        if page in self._requested or self._pages.get(page) is not None:
            return
        self._missing.add(page)

    def _fetch_missing(self) -> None:
        if not self._missing:
            return
        pages = sorted(self._missing)
        self._missing.clear()
        # The new worker cancels the previous one; what it had not fetched is asked for again.
        self._requested = set(pages)
        self._load_pages(self.generation, self.query_, pages)

    @work(thread=True, exclusive=True, group="claim-pages", exit_on_error=False)
    def _load_pages(self, generation: int, query: ClaimQuery, pages: list[int]) -> None:
        worker = get_current_worker()
        for page in pages:
            if worker.is_cancelled:
                return
            claims = self._fetch(query, page * self.page_size, self.page_size)
            self.post_message(self.PageLoaded(generation, page, claims))

    def on_claim_list_page_loaded(self, message: PageLoaded) -> None:
        message.stop()
        if message.generation != self.generation:
            return
        self._pages.discard(message.page)  # LRUCache.set keeps an existing entry
        self._pages[message.page] = message.claims
        self._requested.discard(message.page)
        self._lines.clear()
        self.refresh()
        self._emit_highlight("page")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "claim-pages":
            return
        event.stop()
        if event.worker.error is not None:
            self._requested.clear()
            self.notify(f"Could not read claims from the store: {event.worker.error}",
                        severity="error", markup=False)

    # -- cursor -----------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._lines.clear()
        self._scroll_cursor_visible()
        self.refresh()
        self._emit_highlight("move", force=True)

    def _scroll_cursor_visible(self) -> None:
        height = self.scrollable_content_region.height or 1
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def _emit_highlight(self, reason: str, force: bool = False) -> None:
        """Tell the screen, now (not by a message that could arrive after the next key), what
        the cursor is on; then post Highlighted for anyone else."""
        claim = self.highlighted
        key = (self.cursor, claim.id if claim else None)
        if self.total and claim is None:
            self._request(self.cursor // self.page_size)
            self.call_after_refresh(self._fetch_missing)
            if force and self._on_select is not None:
                self._last_highlighted = key
                self._on_select(None, reason)
            return
        if key != self._last_highlighted or force:
            self._last_highlighted = key
            if self._on_select is not None:
                self._on_select(claim, reason)
            self.post_message(self.Highlighted(claim, self.cursor, reason))

    def move_to(self, index: int) -> None:
        """Put the cursor on ``index`` (a move, even when it is already there)."""
        if self.total:
            index = max(0, min(index, self.total - 1))
            if index == self.cursor:
                self._emit_highlight("move", force=True)
            else:
                self.cursor = index

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(1, self.scrollable_content_region.height - 1))

    def action_jump(self, where: int) -> None:
        self.move_to(self.total - 1 if where < 0 else where)

    def action_select(self) -> None:
        claim = self.highlighted
        if claim is not None:
            self.post_message(self.Selected(claim, self.cursor))

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < self.total:
            self.cursor = index

    def on_resize(self, event: events.Resize) -> None:
        self._lines.clear()
        self.virtual_size = Size(self.size.width, self.total)

    # -- rendering --------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if index >= self.total:
            return Strip.blank(width, self.rich_style)
        claim = self.claim_at(index)
        verdict = self._verdicts.get(claim.id) if claim else None
        on_cursor = index == self.cursor and not self.cursor_hidden
        key = (index, width, on_cursor, claim.id if claim else None, verdict, self.has_focus,
               claim.confidence if claim else None, bool(claim and claim.id in self.marked))
        cached = self._lines.get(key)
        if cached is not None:
            return cached
        if claim is None:
            self._request(index // self.page_size)
            if self._missing:
                self.call_after_refresh(self._fetch_missing)
            style = self._styles()[4]
            strip = Strip([Segment(fit("  …", width), style)], width)
        else:
            strip = self._render_claim(claim, verdict, width, on_cursor)
        self._lines[key] = strip
        return strip

    def _styles(self) -> tuple[Style, Style, Style, Style, Style]:
        """(base, dim, unattributed, cursor, placeholder), computed once per focus and theme."""
        key = (self.has_focus, self.app.theme)
        if self._style_cache is None or self._style_cache[0] != key:
            self._style_cache = (key, (
                self.rich_style,
                self.get_component_rich_style("claim-list--dim"),
                self.get_component_rich_style("claim-list--unattributed"),
                self.get_component_rich_style("claim-list--cursor"),
                self.get_component_rich_style("claim-list--placeholder"),
            ))
        return self._style_cache[1]

    def notify_style_update(self) -> None:
        self._style_cache = None
        self._lines.clear()
        super().notify_style_update()

    def _render_claim(self, claim: Claim, verdict: Verdict | None, width: int, is_cursor: bool) -> Strip:
        base, dim, unattributed, cursor_style, _ = self._styles()
        mark, mark_style = VERDICT_MARKS.get(verdict, VERDICT_MARKS[None])
        widths = column_widths(width)
        claimant = short_claimant(claim)
        conf = claim.confidence
        cells = [
            (mark, _parse_style(mark_style)),
            (claim.kind.value, dim),
            (one_line(describe_side(claim.side, short=True)), None),
            (one_line(describe_value(claim.value)), Style(bold=True)),
            (one_line(claim.span.quote), None),
            (one_line(claimant), unattributed if claim.attribution.claimant is None else None),
            # A reviewer's override in force shows as its score, marked.
            (f"{conf.score:.2f}*" if conf.overridden else conf.grade, Style(bold=True) if conf.overridden else dim),
            (one_line(self.document_names.get(claim.document, claim.document)), dim),
        ]
        # A cursor mark that survives a terminal without colour.
        # A marked row (space) shows `*`, `»` under the cursor.
        marked = claim.id in self.marked
        lead = ("»" if marked else "›") if is_cursor else ("*" if marked else " ")
        segments: list[Segment] = [Segment(lead, base + Style(bold=True) if marked else base)]
        used = 1
        for (text, style), cell_width in zip(cells, widths):
            if not cell_width:
                continue
            segments.append(Segment(fit(text, cell_width), base + style if style else base))
            segments.append(Segment(" ", base))
            used += cell_width + 1
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        strip = Strip(segments).crop(0, width)
        if is_cursor:
            strip = strip.apply_style(cursor_style)
        return strip
