"""The help screen: every key binding by scope, from claims.tui.bindings."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from claims.tui.bindings import SCOPES, display_key

INTRO = (
    "Every annotation is saved the moment you make it; nothing to save, nothing to lose. "
    "Annotations are never deleted: undo adds a retraction to the history. "
    "ctrl+p opens the command palette with every command below. "
    "p shows the claim's whole document, every claim of it marked, and follows the cursor. "
    "v switches views (all, unreviewed, my queue, disputed by others, in conflict, yours); "
    "V saves the current filters as a view of your own."
)


def keys_table(keymap: Mapping[str, str] | None = None) -> Table:
    keymap = keymap or {}
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, expand=True)
    # Two columns, the binding id under its description, so the text keeps its width in 80 columns.
    table.add_column("key", no_wrap=True, style="bold cyan")
    table.add_column("does (binding id)")
    for scope, specs in SCOPES.items():
        table.add_row(Text(scope, style="bold underline"), "")
        for spec in specs:
            does = Text(spec.help)
            does.append(f"  {spec.id}", style="dim")
            table.add_row(Text(keymap.get(spec.id, display_key(spec))), does)
        table.add_row("", "")
    table.add_row(Text("Claims list", style="bold underline"), "")
    for key, what in (("↑ ↓ j k", "move"), ("pgup pgdn space", "page"), ("home end", "first, last"),
                      ("tab", "next pane"), ("ctrl+p", "command palette")):
        table.add_row(Text(key), Text(what))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "close", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        keymap = getattr(self.app, "keymap", {})
        with VerticalScroll(id="help-dialog", classes="dialog"):
            yield Static(Text("claims review — keys", style="bold"))
            yield Static(Text(INTRO, style="dim"))
            yield Static(keys_table(keymap))

    def action_close(self) -> None:
        self.dismiss(None)
