"""What the claims and conflicts screens share: verdict, note and undo keys on their target."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile

from textual.app import SuspendNotSupported
from textual.screen import Screen

from claims.api import Claim, Conflict, Verdict
from claims.tui.data import VERDICT_LABELS
from claims.tui.dialogs.note import NoteDialog


class AnnotatingScreen(Screen):
    """A screen whose verdict keys annotate its current target (a claim or a conflict)."""

    TARGET = "claim"
    """What the target is called in messages and dialog titles."""

    def annotation_target(self) -> Claim | Conflict | None:
        """The claim or conflict the keys act on now."""
        raise NotImplementedError

    def target_label(self, target: Claim | Conflict) -> str:
        """The target as the note dialog shows it."""
        raise NotImplementedError

    def verdict_title(self, verdict: Verdict) -> str:
        return f"{VERDICT_LABELS[verdict].capitalize()}, with a note"

    def _need_target(self) -> Claim | Conflict | None:
        target = self.annotation_target()
        if target is None:
            self.notify(f"No {self.TARGET} selected.", severity="warning")
        return target

    def action_verdict(self, value: str, with_note: bool = False) -> None:
        target = self._need_target()
        if target is None:
            return
        verdict = Verdict(value)
        if not with_note:
            self.app.commit(target, verdict)
            return

        def done(note: str | None) -> None:
            if note is not None:
                self.app.commit(target, verdict, note=note)

        self.app.push_screen(NoteDialog(self.verdict_title(verdict), self.target_label(target), required=False), done)

    def action_note(self) -> None:
        target = self._need_target()
        if target is None:
            return

        def done(note: str | None) -> None:
            if note:
                self.app.commit(target, Verdict.NOTE, note=note)

        self.app.push_screen(NoteDialog(f"Note on the {self.TARGET}", self.target_label(target)), done)

    def action_editor_note(self) -> None:
        """Write a note in ``$VISUAL`` / ``$EDITOR``: the app is suspended while the editor runs
        on a temporary file; what is saved there (if anything) becomes the note."""
        target = self._need_target()
        if target is None:
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not editor:
            self.notify("Set $EDITOR (or $VISUAL) to write notes in your editor; n writes one here.",
                        severity="warning", timeout=5)
            return
        handle, path = tempfile.mkstemp(prefix="claims-note-", suffix=".txt")
        os.close(handle)
        try:
            def run() -> int:
                return subprocess.run([*shlex.split(editor), path], check=False).returncode

            try:
                with self.app.suspend():
                    code = run()
            except SuspendNotSupported:  # a headless or web driver: nothing to give the terminal back
                code = run()
            with open(path, encoding="utf-8", errors="replace") as f:
                note = f.read().strip()
        except OSError as error:
            self.notify(f"Could not run the editor ({editor}): {error}", severity="error", timeout=8)
            return
        finally:
            try:
                os.unlink(path)
            except OSError:
                pass
        if code != 0:
            self.notify(f"The editor exited with status {code}; no note saved.", severity="warning", timeout=5)
        elif not note:
            self.notify("Empty note: nothing saved.", timeout=3)
        else:
            self.app.commit(target, Verdict.NOTE, note=note)

    def action_undo(self) -> None:
        """Undo this reviewer's last annotation on the item shown, never on another."""
        target = self._need_target()
        if target is not None:
            self.app.undo(target)
