"""The claims screen: filters, the virtual claims list, and the detail of the highlighted claim."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence

import attrs

from rich.console import Group
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Checkbox, Input, Label, Select, Static
from textual.worker import get_current_worker

from claims.api import (
    CLAIM_VERDICTS,
    Annotation,
    Claim,
    ClaimQuery,
    Conflict,
    Document,
    DocumentInfo,
    Kind,
    TargetKind,
    Verdict,
    describe_value,
    printable,
)
from claims.tui.bindings import MAIN_KEYS, bindings
from claims.tui.data import VERDICT_LABELS, StoreGateway, Written
from claims.tui.screens.annotating import AnnotatingScreen
from claims.tui.dialogs.confidence import ConfidenceDialog, ConfidenceOverride
from claims.tui.dialogs.note import NoteDialog
from claims.tui.dialogs.views import SaveViewDialog, ViewPicker
from claims.tui.views import View, builtin_views
from claims.tui.widgets.claim_detail import ClaimDetail, claim_detail
from claims.tui.widgets.claim_list import ClaimList, ClaimListHeader
from claims.tui.widgets.key_hints import KeyHints
from claims.tui.widgets.source_pane import SourcePane

PAGE_SIZE = 200
ROOMY = 160
SEARCH_DELAY = 0.25


def describe_query(query: ClaimQuery, documents: dict[str, str]) -> list[str]:
    """The active filters, in words, for the status line."""
    parts = []
    if query.search:
        parts.append(f"“{printable(query.search)}”")
    if query.document:
        parts.append(f"doc {printable(documents.get(query.document, query.document))}")
    if query.kind:
        parts.append(query.kind.value)
    if query.side:
        parts.append(f"side {printable(query.side)}")
    if query.verdict:
        parts.append(VERDICT_LABELS[query.verdict])
    if query.only_conflicts:
        parts.append("in conflicts")
    if query.only_unattributed:
        parts.append("unattributed")
    if query.only_unreviewed:
        parts.append("unreviewed")
    if query.queue_of:
        parts.append(f"queue of {printable(query.queue_of)}")
    if query.verdict_not_by:
        parts.append(f"verdict not by {printable(query.verdict_not_by)}")
    return parts


def claim_label(claim: Claim) -> str:
    """A claim named in a toast or a dialog: its value and quote, safe for the terminal."""
    return printable(f"{describe_value(claim.value)} — “{' '.join(claim.span.quote.split())[:60]}”")


class FilterPanel(VerticalScroll):
    """Document, kind, side, verdict and the three 'only' switches."""

    def compose(self) -> ComposeResult:
        yield Label("Document")
        yield Select([], prompt="any document", id="filter-document", allow_blank=True)
        yield Label("Kind")
        yield Select([(k.value, k) for k in Kind], prompt="any kind", id="filter-kind")
        yield Label("Side")
        yield Input(placeholder="1, 2 or a name", id="filter-side")
        yield Label("Verdict")
        yield Select([(VERDICT_LABELS[v], v) for v in CLAIM_VERDICTS], prompt="any verdict", id="filter-verdict")
        yield Checkbox("only in conflicts", id="filter-conflicts")
        yield Checkbox("only unattributed", id="filter-unattributed")
        yield Checkbox("only unreviewed", id="filter-unreviewed")

    def set_documents(self, documents: Sequence[DocumentInfo]) -> None:
        select = self.query_one("#filter-document", Select)
        select.set_options([(Text(f"{printable(d.title)} ({d.claims})"), d.id) for d in documents])

    def read_query(self, search: str) -> ClaimQuery:
        def value(selector: str):
            v = self.query_one(selector, Select).value
            return None if v is Select.NULL else v

        side = self.query_one("#filter-side", Input).value.strip()
        return ClaimQuery(
            document=value("#filter-document"),
            kind=value("#filter-kind"),
            side=side or None,
            verdict=value("#filter-verdict"),
            only_conflicts=self.query_one("#filter-conflicts", Checkbox).value,
            only_unattributed=self.query_one("#filter-unattributed", Checkbox).value,
            only_unreviewed=self.query_one("#filter-unreviewed", Checkbox).value,
            search=search.strip() or None,
        )

    def clear(self) -> None:
        for select in self.query(Select):
            select.clear()
        self.query_one("#filter-side", Input).value = ""
        for checkbox in self.query(Checkbox):
            checkbox.value = False

    def show_query(self, query: ClaimQuery) -> None:
        """Set every control to ``query``'s filters (a view was picked)."""
        for selector, value in (("#filter-document", query.document), ("#filter-kind", query.kind),
                                ("#filter-verdict", query.verdict)):
            select = self.query_one(selector, Select)
            if value is None:
                select.clear()
            else:
                select.value = value
        self.query_one("#filter-side", Input).value = query.side or ""
        self.query_one("#filter-conflicts", Checkbox).value = query.only_conflicts
        self.query_one("#filter-unattributed", Checkbox).value = query.only_unattributed
        self.query_one("#filter-unreviewed", Checkbox).value = query.only_unreviewed


class MainScreen(AnnotatingScreen):
    """The reviewer's home: find a claim, read it in context, give a verdict."""

    BINDINGS = bindings(MAIN_KEYS)
    AUTO_FOCUS = "ClaimList"

    class QueryDone(Message):
        def __init__(self, query: ClaimQuery, total: int, page: list[Claim], page_number: int, cursor: int,
                     seconds: float) -> None:
            super().__init__()
            self.query = query
            self.total = total
            self.page = page
            self.page_number = page_number
            self.cursor = cursor
            self.seconds = seconds

    class DetailLoaded(Message):
        def __init__(self, claim: Claim, document: Document | None, conflicts: list[Conflict],
                     history: list[Annotation]) -> None:
            super().__init__()
            self.claim = claim
            self.document = document
            self.conflicts = conflicts
            self.history = history

    class SourceLoaded(Message):
        def __init__(self, claim: Claim, document: Document | None, claims: list[Claim]) -> None:
            super().__init__()
            self.claim = claim
            self.document = document
            self.claims = claims

    class Found(Message):
        """A claim searched for (next unreviewed, or a jump from a conflict) is at ``index``."""

        def __init__(self, generation: int, index: int | None, claim: Claim | None, what: str) -> None:
            super().__init__()
            self.generation = generation
            self.index = index
            self.claim = claim
            self.what = what

    def __init__(self) -> None:
        super().__init__()
        self.query_ = ClaimQuery()
        self.selected: Claim | None = None
        """The one selection: the claim the detail pane shows and every key acts on."""
        self.pinned = False
        """The selection was opened from the conflicts screen and the filtered list does not
        hold it: the list shows no cursor until the reviewer moves in it."""
        self.current_history: list[Annotation] | None = None
        """The selected claim's annotations as attached now (None while they load)."""
        self.current_conflicts: list[Conflict] | None = None
        self._documents: LRUCache[str, Document | None] = LRUCache(16)
        self._document_claims: LRUCache[str, list[Claim]] = LRUCache(16)
        """Every claim of a document, by document id: what the source pane marks."""
        self.view: View | None = None
        """The view picked last (None until the store is open: then "all")."""
        self._document_titles: dict[str, str] = {}
        self._documents_pending = False
        """The documents are to be read once the first page is shown (see store_ready)."""
        self._search_timer: Timer | None = None
        self.first_paint_at: float | None = None

    @property
    def gateway(self) -> StoreGateway:
        return self.app.gateway

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        with Horizontal(id="body"):
            yield FilterPanel(id="filters", classes="-hidden")
            with Vertical(id="workspace"):
                with Vertical(id="list-pane"):
                    with Horizontal(id="search-bar"):
                        yield Static("Loading…", id="status")
                        yield Input(placeholder="/ search", id="search", compact=True)
                    yield ClaimListHeader(id="list-header")
                    yield ClaimList(self._fetch_page, self.app.claim_verdicts, page_size=PAGE_SIZE,
                                    on_select=self._list_selected, id="claims")
                yield ClaimDetail(id="detail")
                yield SourcePane(id="source")
        yield KeyHints()

    def on_mount(self) -> None:
        self.update_title()

    def on_resize(self, event: events.Resize) -> None:
        # From 160 columns the source pane is a third column beside the detail; narrower, it
        # takes the detail's place (the list keeps the room its columns need).
        self.set_class(event.size.width >= ROOMY, "-roomy")

    def update_title(self) -> None:
        """The header: the app, the store, the reviewer and the view shown (changed: its
        filters were edited since it was picked; V saves them as a view of their own)."""
        title = Text()
        title.append("claims review", style="bold")
        title.append("  ")
        title.append(printable(self.app.db_label), style="dim")
        title.append("  reviewer ", style="dim")
        title.append(printable(self.app.reviewer), style="bold")
        if self.view is not None:
            title.append("  view ", style="dim")
            title.append(printable(self.view.name), style="bold cyan")
            if self.view.query != self.query_:
                title.append(" (changed)", style="italic")
        self.query_one("#title-bar", Static).update(title)

    # -- loading ----------------------------------------------------------------------------

    def _fetch_page(self, query: ClaimQuery, offset: int, limit: int) -> list[Claim]:
        return self.gateway.read(lambda store: store.claims(self.as_reviewer(query), offset, limit))

    def store_ready(self) -> None:
        """Called by the app once the store is open (and the paths ingested): the first page is
        read first, the documents after it (their claim counts scan every claim, so at a
        million claims they would hold back the first paint; until then the list names each
        claim's document by its id, its file name)."""
        self._documents_pending = True
        if self.view is None:
            self.view = self.views()[0]
            self.update_title()
        self.run_query()

    def _read_documents_once(self) -> None:
        """Read the documents if the store has just been opened (once the first page and its
        first claim's detail are shown: the reader thread takes one call at a time)."""
        if self._documents_pending:
            self._documents_pending = False
            self._load_documents()

    @work(thread=True, exclusive=True, group="documents", exit_on_error=False)
    def _load_documents(self) -> None:
        documents = self.gateway.read(lambda store: store.documents())
        self.app.call_from_thread(self._documents_loaded, documents)

    def _documents_loaded(self, documents: Sequence[DocumentInfo]) -> None:
        self._document_titles = {d.id: d.title for d in documents}
        self.query_one(ClaimList).set_document_names(
            {d.id: os.path.basename(d.path) or d.id for d in documents})
        # Setting the options sends events that change no query: _apply_filters ignores them.
        self.query_one(FilterPanel).set_documents(documents)
        self.update_status()

    def run_query(self, keep_cursor: bool = False) -> None:
        cursor = self.query_one(ClaimList).cursor if keep_cursor else 0
        self._query_worker(self.query_, cursor)

    @work(thread=True, exclusive=True, group="query", exit_on_error=False)
    def _query_worker(self, query: ClaimQuery, cursor: int) -> None:
        started = time.perf_counter()
        asked = self.as_reviewer(query)
        total = self.gateway.read(lambda store: store.count_claims(asked))
        cursor = max(0, min(cursor, total - 1))
        page_number = cursor // PAGE_SIZE
        page = self.gateway.read(lambda store: store.claims(asked, page_number * PAGE_SIZE, PAGE_SIZE))
        if not get_current_worker().is_cancelled:
            self.post_message(self.QueryDone(query, total, page, page_number, cursor, time.perf_counter() - started))

    def on_main_screen_query_done(self, message: QueryDone) -> None:
        if message.total == 0:  # no claim's detail to wait for
            self._read_documents_once()
        if message.query != self.query_:
            return
        claims = self.query_one(ClaimList)
        claims.reset(message.query, message.total, [], message.cursor)
        claims.on_claim_list_page_loaded(ClaimList.PageLoaded(claims.generation, message.page_number, message.page))
        self.update_status()
        if message.total == 0 and not self.pinned:
            self.query_one(ClaimDetail).show_message(
                "No claim matches these filters. Press x to clear them." if self.query_ != ClaimQuery()
                else "The store has no claims yet. Quit and run `claims review PATH...` to read documents."
            )
        if self.first_paint_at is None:
            self.first_paint_at = time.perf_counter()

    def update_status(self) -> None:
        claims = self.query_one(ClaimList)
        app = self.app
        text = Text()
        text.append(f"Showing {claims.total:,} of {app.total_claims:,} claims", style="bold")
        reviewed = app.total_claims - app.unreviewed_claims
        text.append(f" · {reviewed:,} reviewed", style="dim")
        if claims.marked:
            text.append(f" · {len(claims.marked):,} marked", style="bold magenta")
        filters = describe_query(self.query_, self._document_titles)
        if filters:
            text.append(" · ", style="dim")
            text.append(", ".join(filters), style="italic")
        self.query_one("#status", Static).update(text)

    # -- the selection and its detail ----------------------------------------------------------

    @property
    def current(self) -> Claim | None:
        """The selected claim (the detail pane shows it; keys act on it)."""
        return self.selected

    def _list_selected(self, claim: Claim | None, reason: str) -> None:
        """The list cursor is on ``claim`` (called at once, not by message, so a key pressed
        right after a move acts on the new row). A claim pinned from the conflicts screen stays
        selected while the list only reloads; moving in the list selects the row again."""
        if self.pinned and reason != "move":
            return
        self._select(claim, pinned=False)

    def _select(self, claim: Claim | None, *, pinned: bool) -> None:
        """Make ``claim`` the selection and show it now; its conflicts and history follow."""
        self.pinned = pinned and claim is not None
        self.query_one(ClaimList).hide_cursor(self.pinned)
        previous = self.selected
        self.selected = claim
        if claim is None:
            self.current_history = self.current_conflicts = None
            if self.query_one(ClaimList).total:
                self.query_one(ClaimDetail).show_message("Loading…")
            return
        if previous is None or previous.id != claim.id:
            self.current_history = self.current_conflicts = None
        self._render_detail()
        self._detail_worker(claim)
        if self.source_shown:
            self._show_source(claim)

    def show_claim(self, claim: Claim) -> None:
        """Select ``claim`` as it is under the list cursor (or pinned, when it is not)."""
        listed = self.query_one(ClaimList).highlighted
        self._select(claim, pinned=listed is None or listed.id != claim.id)

    def as_reviewer(self, query: ClaimQuery) -> ClaimQuery:
        """``query`` asked on the reviewer's behalf: its verdict filters see what blind review
        lets them see (a claim hidden from them is unreviewed to them)."""
        return attrs.evolve(query, viewer=self.app.reviewer)

    def _document_of(self, document_id: str) -> Document | None:
        """The document, from the cache or the store (on a worker thread)."""
        document = self._documents.get(document_id)
        if document is None:
            document = self.gateway.read(lambda store: store.document(document_id))
            self._documents[document_id] = document
        return document

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def _detail_worker(self, claim: Claim) -> None:
        document = self._document_of(claim.span.document)
        conflicts = self.gateway.read(lambda store: store.conflicts(claim.id))
        history = self.gateway.read(lambda store: store.annotations(claim.id, TargetKind.CLAIM, viewer=self.app.reviewer))
        if not get_current_worker().is_cancelled:
            self.post_message(self.DetailLoaded(claim, document, conflicts, history))

    def on_main_screen_detail_loaded(self, message: DetailLoaded) -> None:
        if self.selected is None or message.claim.id != self.selected.id:
            return
        self.current_history = message.history
        self.current_conflicts = message.conflicts
        self._render_detail(message.document)
        self._read_documents_once()

    def _render_detail(self, document: Document | None = None) -> None:
        """Draw the selected claim; what has not loaded yet says so."""
        claim = self.selected
        if claim is None:
            return
        if document is None:
            document = self._documents.get(claim.span.document)
        body = claim_detail(claim, document, self.current_conflicts, self.current_history,
                            self.app.conflict_verdicts, self.app.claim_verdicts.get(claim.id))
        if self.pinned:
            banner = Text("Opened from the conflicts screen; the filtered list does not show it. "
                          "Keys act on this claim; move in the list to leave it.", style="bold yellow")
            body = Group(banner, Text(), body)
        self.query_one(ClaimDetail).show(body)

    # -- the source pane ---------------------------------------------------------------------

    @property
    def source_shown(self) -> bool:
        return self.query_one("#workspace").has_class("-source")

    def action_toggle_source(self) -> None:
        workspace = self.query_one("#workspace")
        workspace.toggle_class("-source")
        if self.source_shown and self.selected is not None:
            self._show_source(self.selected)
        if not self.source_shown and self.focused is self.query_one("#source-text"):
            self.query_one(ClaimList).focus()

    def _show_source(self, claim: Claim) -> None:
        """Show ``claim`` in its document now when both are at hand, else once they load."""
        document = self._documents.get(claim.span.document)
        claims = self._document_claims.get(claim.span.document)
        if document is not None and claims is not None:
            self.query_one(SourcePane).show(claim, document, claims)
            return
        self.query_one(SourcePane).show(claim, None, None)
        self._source_worker(claim)

    @work(thread=True, exclusive=True, group="source", exit_on_error=False)
    def _source_worker(self, claim: Claim) -> None:
        document_id = claim.span.document
        document = self._document_of(document_id)
        claims = self.gateway.read(lambda store: store.claims(ClaimQuery(document=document_id)))
        self._document_claims[document_id] = claims
        if not get_current_worker().is_cancelled:
            self.post_message(self.SourceLoaded(claim, document, claims))

    def on_main_screen_source_loaded(self, message: SourceLoaded) -> None:
        if self.source_shown and self.selected is not None and message.claim.id == self.selected.id:
            self.query_one(SourcePane).show(message.claim, message.document, message.claims)

    # -- views ------------------------------------------------------------------------------

    def views(self) -> list[View]:
        """The built-in views, then the reviewer's saved ones."""
        return [*builtin_views(self.app.reviewer), *self.app.saved_views]

    def action_pick_view(self) -> None:
        def picked(view: View | None) -> None:
            if view is not None:
                self.show_view(view)

        active = self.view.name if self.view is not None else ""
        self.app.push_screen(ViewPicker(self.views(), active, self.gateway.read, self.app.delete_view,
                                        self.as_reviewer), picked)

    def show_view(self, view: View) -> None:
        """Show the claims ``view`` selects: its filters in the panel and the search box, and
        the ones the panel has no control for (a queue, whose verdict) kept with the view."""
        query = view.query
        if query.document is not None and query.document not in self._document_titles:
            self.notify(f"The view's document {query.document} is not in this store; showing every document.",
                        severity="warning", timeout=5)
            query = attrs.evolve(query, document=None)
        self.view = attrs.evolve(view, query=query)
        self.query_one(FilterPanel).show_query(query)
        self.query_one("#search", Input).value = query.search or ""
        self.query_ = query
        self.pinned = False
        self.update_title()
        self.run_query()

    def action_save_view(self) -> None:
        filters = ", ".join(describe_query(self.query_, self._document_titles)) or "no filter: every claim"

        def named(name: str | None) -> None:
            if name is not None:
                view = View(name, self.query_)
                self.app.save_view(view)
                self.view = view
                self.update_title()

        reserved = [v.name for v in builtin_views(self.app.reviewer)]
        self.app.push_screen(SaveViewDialog(filters, reserved), named)

    # -- filters and search -----------------------------------------------------------------

    def _apply_filters(self) -> None:
        search = self.query_one("#search", Input).value
        query = self.query_one(FilterPanel).read_query(search)
        if self.view is not None:
            # The panel has no control for these: they stay as the view set them.
            query = attrs.evolve(query, queue_of=self.view.query.queue_of,
                                 verdict_not_by=self.view.query.verdict_not_by)
        if query != self.query_:
            self.query_ = query
            self.pinned = False  # the new result's cursor row becomes the selection
            self.update_title()
            self.run_query()

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self._apply_filters)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self._apply_filters()
        self.query_one(ClaimList).focus()

    @on(Input.Changed, "#filter-side")
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _filter_changed(self) -> None:
        # Every change is applied: one that changes no query (options set, a panel cleared)
        # is a no-op there, and none is dropped (a flag once dropped a real one sent too early).
        self._apply_filters()

    def action_search(self) -> None:
        # Focus now, not on the next idle: keys typed right after `/` must land in the box,
        # never on the list where a letter is a verdict.
        self.set_focus(self.query_one("#search", Input))

    def action_toggle_filters(self) -> None:
        panel = self.query_one(FilterPanel)
        panel.toggle_class("-hidden")
        if panel.has_class("-hidden"):
            self.query_one(ClaimList).focus()
        else:
            panel.query_one("#filter-document").focus()

    def action_clear_filters(self) -> None:
        self.query_one(FilterPanel).clear()
        self.query_one("#search", Input).value = ""
        self.query_ = ClaimQuery()
        self.view = self.views()[0]
        self.pinned = False
        self.update_title()
        self.run_query()

    def action_refresh(self) -> None:
        self._document_claims.clear()  # another reviewer may have re-read a document
        self.app.reload_counts()
        self.run_query(keep_cursor=True)

    def action_toggle_mark(self) -> None:
        claims = self.query_one(ClaimList)
        if claims.toggle_mark() is not None:
            claims.move_to(claims.cursor + 1)
        self.update_status()

    def action_verdict(self, value: str, with_note: bool = False) -> None:
        """A verdict on the claim shown; while claims are marked, on every marked claim (each
        its own annotation, in the store's history), and the marks are cleared."""
        claims = self.query_one(ClaimList)
        if not claims.marked:
            super().action_verdict(value, with_note)
            return
        marked = list(claims.marked.values())
        verdict = Verdict(value)

        def apply(note: str) -> None:
            for claim in marked:
                self.app.commit(claim, verdict, note=note)
            claims.clear_marks()
            self.update_status()
            self.notify(f"{VERDICT_LABELS[verdict].capitalize()}: {len(marked)} marked claim"
                        f"{'' if len(marked) == 1 else 's'}.", timeout=4)

        if not with_note:
            apply("")
            return

        def done(note: str | None) -> None:
            if note is not None:
                apply(note)

        self.app.push_screen(NoteDialog(self.verdict_title(verdict), f"{len(marked)} marked claims",
                                        required=False), done)

    def action_back_to_list(self) -> None:
        self.query_one(ClaimList).clear_marks()
        self.update_status()
        if self.maximized is not None:
            self.minimize()
        self.query_one(ClaimList).focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # Single-letter keys type into the search box and the side filter; the box wins.
        if isinstance(self.focused, Input) and action not in ("search", "toggle_filters", "back_to_list"):
            return False
        return True

    # -- annotating -------------------------------------------------------------------------

    def target_claim(self) -> Claim | None:
        """The claim keys act on: the selection, which the detail pane shows.

        The list tells the screen of every cursor move as it happens, so a verdict typed right
        after a move lands on the row the reviewer sees; a claim opened from the conflicts
        screen that the list does not hold is the selection until the reviewer moves.
        """
        return self.selected

    annotation_target = target_claim

    def target_label(self, target: Claim | Conflict) -> str:
        assert isinstance(target, Claim)
        return claim_label(target)

    def action_override(self) -> None:
        claim = self._need_target()
        if claim is None:
            return

        def done(choice: ConfidenceOverride | None) -> None:
            if choice is not None:
                self.app.commit(claim, Verdict.CONFIDENCE, note=choice.note,
                                confidence_override=choice.score, override_reason=choice.reason)

        self.app.push_screen(ConfidenceDialog(claim_label(claim), claim.confidence.score), done)

    def annotation_written(self, written: Written) -> None:
        """The app committed an annotation: redraw what shows it."""
        annotation = written.annotation
        if annotation.target_kind is TargetKind.CONFLICT:
            if any(c.id == annotation.target_id for c in self.current_conflicts or ()):
                self._render_detail()
            return
        claims = self.query_one(ClaimList)
        claims.refresh_claim(written.target_id, written.claim)
        if self.selected is not None and self.selected.id == written.target_id:
            if written.claim is not None:
                self.selected = written.claim
            self.current_history = written.history
            self._render_detail()
        self.update_status()
        q = self.query_
        if q.only_unreviewed or q.verdict is not None or q.queue_of or q.verdict_not_by:
            # The claim may have left the filtered list; the next one moves under the cursor.
            self.run_query(keep_cursor=True)

    # -- moving -----------------------------------------------------------------------------

    def minimize(self) -> None:
        """Leave the full-screen detail for the list, however it is left (enter, escape)."""
        super().minimize()
        self.query_one(ClaimList).focus()

    def action_open_claim(self) -> None:
        if self.maximized is not None:
            self.minimize()
        else:
            # Focus the detail it shows: the list is hidden, and keys typed next must act on the
            # claim shown, never land in the search box.
            detail = self.query_one(ClaimDetail)
            if self.maximize(detail, container=False):
                detail.focus()

    def action_next_unreviewed(self, direction: int = 1) -> None:
        claims = self.query_one(ClaimList)
        if not claims.total:
            return
        self._find_unreviewed(claims.generation, self.query_, claims.cursor, direction, claims.total)

    @work(thread=True, exclusive=True, group="find", exit_on_error=False)
    def _find_unreviewed(self, generation: int, query: ClaimQuery, start: int, direction: int, total: int) -> None:
        verdicts = self.app.claim_verdicts
        step = 500
        position = start + direction
        worker = get_current_worker()
        while 0 <= position < total and not worker.is_cancelled:
            offset = position if direction > 0 else max(0, position - step + 1)
            page = self.gateway.read(lambda store: store.claims(self.as_reviewer(query), offset, step))
            indexed = list(enumerate(page, start=offset))
            if direction < 0:
                indexed = [item for item in reversed(indexed) if item[0] <= position]
            for index, claim in indexed:
                if claim.id not in verdicts:
                    self.post_message(self.Found(generation, index, claim, "unreviewed"))
                    return
            position = offset + len(page) if direction > 0 else offset - 1
            if not page:
                break
        self.post_message(self.Found(generation, None, None, "unreviewed"))

    def on_main_screen_found(self, message: Found) -> None:
        claims = self.query_one(ClaimList)
        if message.generation != claims.generation:
            return
        if message.what == "claim" and not (self.pinned and self.selected is not None
                                            and message.claim is not None and self.selected.id == message.claim.id):
            return  # the reviewer moved on while the claim was looked for
        if message.index is None:
            if message.what == "unreviewed":
                self.notify("No more unreviewed claims in this direction.", timeout=3)
            else:
                self.notify("That claim is not in the filtered list: it is shown, and keys act on it, "
                            "until you move in the list.", timeout=5)
            return
        claims.move_to(message.index)

    def goto_claim(self, claim: Claim) -> None:
        """Select ``claim`` (from the conflicts screen): on its row when the list holds it,
        else pinned, the list showing no cursor, while the list is searched for it."""
        claims = self.query_one(ClaimList)
        index = claims.index_of(claim.id)
        if index is not None:
            claims.move_to(index)
        else:
            self._select(claim, pinned=True)
            self._find_claim(claims.generation, self.query_, claim, claims.total)
        claims.focus()

    @work(thread=True, exclusive=True, group="find", exit_on_error=False)
    def _find_claim(self, generation: int, query: ClaimQuery, claim: Claim, total: int) -> None:
        step = 2000
        worker = get_current_worker()
        for offset in range(0, min(total, 200_000), step):
            if worker.is_cancelled:
                return
            page = self.gateway.read(lambda store: store.claims(self.as_reviewer(query), offset, step))
            for index, found in enumerate(page, start=offset):
                if found.id == claim.id:
                    self.post_message(self.Found(generation, index, found, "claim"))
                    return
        self.post_message(self.Found(generation, None, claim, "claim"))

    def action_claim_conflicts(self) -> None:
        claim = self._need_target()
        if claim is None:
            return
        if self.current_conflicts is not None and not self.current_conflicts:
            self.notify("This claim is in no conflict. C lists all conflicts.", timeout=3)
            return
        self.app.open_conflicts(claim)

    def action_all_conflicts(self) -> None:
        self.app.open_conflicts(None)

    def action_moved(self) -> None:
        self.app.open_moved()

    def goto_claim_id(self, claim_id: str) -> None:
        """Select the claim with this id (from the moved-annotations list), if it is stored."""
        self._goto_worker(claim_id)

    @work(thread=True, exclusive=True, group="goto", exit_on_error=False)
    def _goto_worker(self, claim_id: str) -> None:
        claim = self.gateway.read(lambda store: store.claim(claim_id, viewer=self.app.reviewer))
        if claim is not None:
            self.app.call_from_thread(self.goto_claim, claim)
