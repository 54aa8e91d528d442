"""The view picker (``v``) and the dialog that names the current filters as a view (``V``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from claims.api import ClaimQuery, Store, printable
from claims.tui.dialogs.base import SaveCancelDialog
from claims.tui.views import View

Counter = Callable[[Callable[[Store], int]], int]
"""Runs a count on the store's reader thread (``StoreGateway.read``)."""


def view_prompt(view: View, count: int | None, active: bool, width: int = 28) -> Text:
    """One line of the picker: the name, how many claims it shows (as ``claims list`` counts
    them), and whether it is the reviewer's own or the one shown now."""
    text = Text("● " if active else "  ", style="bold green" if active else "")
    name = printable(view.name)
    text.append(name, style="bold" if active else "")
    text.append(" " * max(1, width - len(name)))
    text.append(f"{count:>7,}" if count is not None else "      …", style="cyan")
    if not view.builtin:
        text.append("  saved", style="dim")
    return text


class ViewPicker(ModalScreen[View | None]):
    """Pick a view: enter shows it, delete removes a saved one, escape keeps the one shown."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="views.cancel"),
        Binding("delete", "delete", "Delete saved view", id="views.delete"),
    ]

    def __init__(self, views: Sequence[View], active: str, count: Counter,
                 delete: Callable[[View], None], ask: Callable[[ClaimQuery], ClaimQuery] = lambda q: q) -> None:
        """``ask``: how the screen asks the store a view's query (as its reviewer)."""
        super().__init__()
        self._views = list(views)
        self._active = active
        self._count = count
        self._delete = delete
        self._ask = ask
        self._counts: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="views-dialog", classes="dialog"):
            yield Label(Text("Views", style="bold"), classes="dialog-title")
            yield OptionList(*self._options(), id="views-list")
            yield Static(Text("enter show · del delete a saved view · esc close · "
                              "V saves the current filters as a view", style="dim"))

    def _options(self) -> list[Option]:
        return [Option(view_prompt(v, self._counts.get(v.name), v.name == self._active), id=str(i))
                for i, v in enumerate(self._views)]

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = next((i for i, v in enumerate(self._views) if v.name == self._active), 0)
        options.focus()
        self._count_views(list(self._views))

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _count_views(self, views: list[View]) -> None:
        # Counted by the store with the list's own query: the numbers `claims list` prints.
        counts = {v.name: self._count(lambda store, q=self._ask(v.query): store.count_claims(q)) for v in views}
        self.app.call_from_thread(self._show_counts, counts)

    def _show_counts(self, counts: dict[str, int]) -> None:
        self._counts.update(counts)
        options = self.query_one(OptionList)
        for i, view in enumerate(self._views):
            options.replace_option_prompt_at_index(i, view_prompt(view, counts.get(view.name), view.name == self._active))

    @on(OptionList.OptionSelected, "#views-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._views[event.option_index])

    def action_delete(self) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None:
            return
        view = self._views[index]
        if view.builtin:
            self.notify("Built-in views cannot be deleted.", severity="warning", timeout=3)
            return
        self._delete(view)
        del self._views[index]
        options.clear_options()
        options.add_options(self._options())
        options.highlighted = min(index, len(self._views) - 1)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SaveViewDialog(SaveCancelDialog[str]):
    """Name the current filters; dismisses with the name, or None when cancelled."""

    def __init__(self, filters: str, reserved: Sequence[str]) -> None:
        super().__init__()
        self._filters = filters
        self._reserved = set(reserved)

    def compose(self) -> ComposeResult:
        with Vertical(id="save-view-dialog", classes="dialog"):
            yield Label(Text("Save the current filters as a view", style="bold"), classes="dialog-title")
            yield Static(Text(self._filters, style="dim"), classes="dialog-subject")
            yield Input(placeholder="a name for the view", id="view-name")
            yield Static("", id="view-error", classes="dialog-error")
            yield self.save_cancel_buttons()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#view-name")
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        name = " ".join(self.query_one(Input).value.split())
        error = self.query_one("#view-error", Static)
        if not name:
            error.update("Give the view a name, or press escape to cancel.")
        elif name in self._reserved:
            error.update(Text(f"“{printable(name)}” is a built-in view; choose another name."))
        else:
            self.dismiss(name)
