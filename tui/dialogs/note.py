"""A modal note editor: a TextArea; ctrl+s saves, escape cancels."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static, TextArea

from claims.tui.dialogs.base import SaveCancelDialog


class NoteDialog(SaveCancelDialog[str]):
    """Ask for a note; dismisses with the text (stripped) or None when cancelled."""

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
            yield self.save_cancel_buttons()

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        note = self.query_one(TextArea).text.strip()
        if self._required and not note:
            self.query_one("#note-error", Static).update("Write a note, or press escape to cancel.")
            return
        self.dismiss(note)
