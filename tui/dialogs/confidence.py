"""A modal to override a claim's confidence: a new score, a reason from a list, free text."""

from __future__ import annotations

from attrs import frozen
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static

from claims.tui.dialogs.base import SaveCancelDialog

OVERRIDE_REASONS: tuple[str, ...] = (
    "checked the cited source",
    "corroborated by an independent source",
    "contradicted by a better source",
    "claimant is a party to the conflict",
    "figure is hedged or estimated in the source",
    "extraction misread the text",
    "other (say why below)",
)
OTHER = OVERRIDE_REASONS[-1]


@frozen
class ConfidenceOverride:
    score: float
    reason: str
    note: str = ""


def parse_score(text: str) -> float | None:
    """`0.3`, `.3`, `30%` -> 0.3; None when it is not a number in [0, 1]."""
    text = text.strip()
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        return None
    return value if 0.0 <= value <= 1.0 else None


class ConfidenceDialog(SaveCancelDialog[ConfidenceOverride]):
    """Ask for a new score and a reason; dismisses with the override or None when cancelled."""

    def __init__(self, subject: str, current: float) -> None:
        super().__init__()
        self._subject = subject
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="confidence-dialog", classes="dialog"):
            yield Label(Text("Override confidence", style="bold"), classes="dialog-title")
            yield Static(Text(self._subject, style="dim"), classes="dialog-subject")
            yield Label(f"New score (0–1, now {self._current:.2f})")
            yield Input(value="", placeholder="e.g. 0.3 or 30%", id="score")
            yield Label("Reason")
            yield OptionList(*OVERRIDE_REASONS, id="reason")
            yield Input(placeholder="why, in your words (optional unless 'other')", id="free-text")
            yield Static("", id="confidence-error", classes="dialog-error")
            yield self.save_cancel_buttons()

    def on_mount(self) -> None:
        self.query_one("#reason", OptionList).highlighted = 0
        self.query_one("#score", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "score":
            self.query_one("#reason", OptionList).focus()
        else:
            self.action_save()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#free-text", Input).focus()

    def _error(self, message: str) -> None:
        self.query_one("#confidence-error", Static).update(message)

    def action_save(self) -> None:
        score = parse_score(self.query_one("#score", Input).value)
        if score is None:
            self._error("The score must be a number from 0 to 1 (or a percentage).")
            self.query_one("#score", Input).focus()
            return
        options = self.query_one("#reason", OptionList)
        index = options.highlighted if options.highlighted is not None else 0
        reason = OVERRIDE_REASONS[index]
        note = self.query_one("#free-text", Input).value.strip()
        if reason == OTHER:
            if not note:
                self._error("With 'other', say why in the text box.")
                self.query_one("#free-text", Input).focus()
                return
            reason, note = note, ""
        self.dismiss(ConfidenceOverride(score=score, reason=reason, note=note))
