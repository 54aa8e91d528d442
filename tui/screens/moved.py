"""The annotations an edit moved: to a re-worded or changed statement, or orphaned.

Re-ingesting an edited document re-attaches every annotation it can (see
:mod:`claims.review.matching`); those that did not follow an unchanged statement exactly are
listed here, old quote and new, so the reviewer checks each. Enter goes to the claim.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from claims.api import Reattached, printable
from claims.tui.data import StoreGateway

HOW = {
    "quote": "same quote, context changed",
    "fuzzy": "statement changed",
    "orphaned": "orphaned",
}


class MovedScreen(ModalScreen[str | None]):
    """Every annotation last moved other than exactly; dismisses with a claim id to go to."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="moved.close"),
        Binding("enter", "go", "Go to claim", id="moved.go"),
    ]

    class Loaded(Message):
        def __init__(self, changes: list[Reattached]) -> None:
            super().__init__()
            self.changes = changes

    def __init__(self) -> None:
        super().__init__()
        self.changes: list[Reattached] = []

    @property
    def gateway(self) -> StoreGateway:
        return self.app.gateway

    def compose(self) -> ComposeResult:
        with Vertical(id="moved-dialog", classes="dialog"):
            yield Static(Text("Annotations moved by an edit", style="bold"), classes="dialog-title")
            yield Static(Text("Loading…", style="dim"), id="moved-summary", classes="dialog-subject")
            yield DataTable(id="moved-table", cursor_type="row", zebra_stripes=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("verdict", key="verdict", width=12)
        table.add_column("how", key="how", width=28)
        table.add_column("was", key="was", width=30)
        table.add_column("is now", key="now")
        self._load()

    @work(thread=True, exclusive=True, group="moved", exit_on_error=False)
    def _load(self) -> None:
        self.post_message(self.Loaded(self.gateway.read(lambda store: store.reattached())))

    def on_moved_screen_loaded(self, message: Loaded) -> None:
        self.changes = message.changes
        table = self.query_one(DataTable)
        table.clear()
        for n, change in enumerate(self.changes):
            how = HOW.get(change.method.value, change.method.value)
            if change.method.value == "fuzzy":
                how += f" ({change.score:.2f})"
            table.add_row(
                Text(printable(change.verdict)),
                Text(how, style="bold yellow" if change.new_quote is None else ""),
                Text(printable(" ".join(change.old_quote.split()))),
                Text(printable(" ".join((change.new_quote or "—").split()))),
                key=str(n),
            )
        summary = (f"{len(self.changes)} annotation(s) to check. Enter goes to the claim; escape closes."
                   if self.changes else "No annotation was moved to a changed statement or orphaned.")
        self.query_one("#moved-summary", Static).update(Text(summary, style="dim"))
        table.focus()

    def action_go(self) -> None:
        table = self.query_one(DataTable)
        if not self.changes or not 0 <= table.cursor_row < len(self.changes):
            return
        change = self.changes[table.cursor_row]
        if change.claim_id is None:
            self.notify("This annotation is orphaned: its statement is gone from the document.",
                        severity="warning")
            return
        self.dismiss(change.claim_id)

    def action_close(self) -> None:
        self.dismiss(None)
