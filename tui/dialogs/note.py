"""A modal note editor: a TextArea; ctrl+s saves, escape cancels."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea


class NoteDialog(ModalScreen[str | None]):
    """Ask for a note; dismisses with the text (stripped) or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="dialog.save"),
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def __init__(self, title: str, subject: str, initial: str = "", required: bool = True) -> None:
        super().__init__()
        self._title = title
        self._subject = subject
        self._initial = initial
        self._required = required

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog"):
            yield Label(Text(self._title, style="bold"), classes="dialog-title")
            yield Static(Text(self._subject, style="dim"), classes="dialog-subject")
            yield TextArea(self._initial, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static("", id="note-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save")
                yield Button("Cancel  esc", id="cancel")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        note = self.query_one(TextArea).text.strip()
        if self._required and not note:
            self.query_one("#note-error", Static).update("Write a note, or press escape to cancel.")
            return
        self.dismiss(note)

    def action_cancel(self) -> None:
        self.dismiss(None)
