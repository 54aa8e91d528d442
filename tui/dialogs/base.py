"""What every save-or-cancel dialog shares: ctrl+s and escape, and the two buttons."""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button

ResultType = TypeVar("ResultType")


class SaveCancelDialog(ModalScreen[ResultType | None]):
    """A modal that saves with ctrl+s or its Save button and dismisses with None on cancel.

    Subclasses compose ``save_cancel_buttons()`` and implement ``action_save``.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="dialog.save"),
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    @staticmethod
    def save_cancel_buttons() -> Horizontal:
        return Horizontal(
            Button("Save  ctrl+s", variant="primary", id="save"),
            Button("Cancel  esc", id="cancel"),
            classes="dialog-buttons",
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)
