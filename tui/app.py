"""The review app: owns the store gateway, the verdict caches and every annotation write.

Screens ask the app to ``commit`` an annotation; the write runs on the store's writer thread and
comes back as a message, and only then do the caches and screens change, so what the screen
shows is what the store holds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker

from claims.api import (
    Annotation,
    Claim,
    ClaimQuery,
    Conflict,
    Store,
    TargetKind,
    Verdict,
    announcements,
    ingest_documents,
    load_paths,
    new_annotation,
    open_store,
    printable,
    store_label,
)
from claims.tui.bindings import APP_KEYS, SCOPES, bindings
from claims.tui.data import VERDICT_LABELS, StoreGateway, Written, annotate_and_read_back, read_announced, undo_last_on
from claims.tui.screens.adjudicate import AdjudicateScreen
from claims.tui.screens.conflicts import ConflictsScreen, conflict_label
from claims.tui.screens.help import HelpScreen
from claims.tui.screens.main import MainScreen, claim_label
from claims.tui.screens.moved import MovedScreen
from claims.tui.views import View, load_views, save_views
from claims.tui.widgets.claim_list import ClaimList


def target_label(target: Claim | Conflict) -> str:
    """How a toast names the claim or conflict an action was on."""
    return claim_label(target) if isinstance(target, Claim) else f"conflict {conflict_label(target)}"


def _default_opener(db_path: str) -> Callable[[], Store]:
    return partial(open_store, db_path)


class ReviewApp(App[int]):
    """``claims review``: annotate claims and conflicts; every keystroke of work is committed."""

    CSS_PATH = "review.tcss"
    TITLE = "claims review"
    BINDINGS = bindings(APP_KEYS)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    ENABLE_COMMAND_PALETTE = True

    class StoreReady(Message):
        def __init__(self, total: int, unreviewed: int,
                     claim_verdicts: dict[str, Verdict], conflict_verdicts: dict[str, Verdict],
                     notes: list[str]) -> None:
            super().__init__()
            self.total = total
            self.unreviewed = unreviewed
            self.claim_verdicts = claim_verdicts
            self.conflict_verdicts = conflict_verdicts
            self.notes = notes

    class AnnotationWritten(Message):
        def __init__(self, written: Written, label: str) -> None:
            super().__init__()
            self.written = written
            self.label = label

    class Announced(Message):
        """Another reviewer annotated a claim (a PostgreSQL store announced it)."""

        def __init__(self, reviewer: str, claim: Claim | None, claim_id: str, verdict: Verdict | None) -> None:
            super().__init__()
            self.reviewer = reviewer
            self.claim = claim
            self.claim_id = claim_id
            self.verdict = verdict

    class AnnotationFailed(Message):
        def __init__(self, error: BaseException, label: str) -> None:
            super().__init__()
            self.error = error
            self.label = label

    def __init__(
        self,
        db_path: str,
        reviewer: str,
        paths: Sequence[str] = (),
        *,
        opener: Callable[[], Store] | None = None,
        keymap: dict[str, str] | None = None,
        views_file: Path | None = None,
    ) -> None:
        """``views_file``: where the reviewer's saved views are read and written (None: they
        last for this session only). A broken file raises ConfigError."""
        super().__init__()
        self.db_path = db_path
        self.db_label = store_label(db_path)
        self.reviewer = reviewer
        self.paths = list(paths)
        self.keymap = dict(keymap or {})
        self.gateway = StoreGateway(opener or _default_opener(db_path))
        self.claim_verdicts: dict[str, Verdict] = {}
        self.conflict_verdicts: dict[str, Verdict] = {}
        self.total_claims = 0
        self.unreviewed_claims = 0
        self.exit_messages: list[str] = []
        self.started_at = time.perf_counter()
        self.views_file = views_file
        self.saved_views: list[View] = load_views(views_file) if views_file is not None else []
        self.main_screen = MainScreen()
        self._stop_listening = threading.Event()
        self._listening = False

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        self.push_screen(self.main_screen)
        if self.paths:
            self.notify(f"Reading {len(self.paths)} path(s) into {self.db_label}…", timeout=3, markup=False)
        self._open_store()

    def on_unmount(self) -> None:
        self._stop_listening.set()
        self.gateway.close()

    # -- live refresh -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="listen", exit_on_error=False)
    def _listen(self) -> None:
        """On a PostgreSQL store, every annotation another reviewer commits: its claim's row is
        redrawn and a toast says who did what (a SQLite file announces nothing: ctrl+r)."""
        heard = announcements(self.db_path, self._stop_listening)
        for payload in heard or ():
            if payload.get("reviewer") == self.reviewer or payload.get("target_kind") != TargetKind.CLAIM.value:
                continue
            claim_id = str(payload.get("target_id"))
            claim, verdict = self.gateway.read(lambda store: read_announced(store, claim_id, self.reviewer))
            self.post_message(self.Announced(str(payload.get("reviewer")), claim, claim_id, verdict))

    def on_review_app_announced(self, message: Announced) -> None:
        self._verdict_now(TargetKind.CLAIM, message.claim_id, message.verdict)
        self.main_screen.query_one(ClaimList).refresh_claim(message.claim_id, message.claim)
        self.main_screen.update_status()
        what = claim_label(message.claim) if message.claim is not None else "a claim"
        if message.verdict is None or message.verdict is Verdict.NOTE:
            self.notify(f"{message.reviewer} annotated {what}", timeout=5)
        else:
            self.notify(f"{message.reviewer} {VERDICT_LABELS[message.verdict]} {what}", timeout=5)

    def notify(self, message: str, *, title: str = "", severity: str = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every toast, from every screen, as text: never markup, never a control sequence
        (toasts name claims, paths and errors that come from the data)."""
        super().notify(printable(str(message), newlines=True), title=printable(title), severity=severity,
                       timeout=timeout, markup=False)

    # -- opening ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _open_store(self) -> None:
        notes: list[str] = []
        if self.paths:
            notes = self._ingest(self.paths)

        def snapshot(store: Store):
            # The documents (with a count of claims each, a scan of every claim) are read after
            # the first page is shown: see MainScreen.store_ready.
            total = store.count_claims(ClaimQuery())
            unreviewed = store.count_claims(ClaimQuery(only_unreviewed=True, viewer=self.reviewer))
            # As blind review lets this reviewer see them: no one else's verdict on a claim
            # assigned to them blind before they give theirs.
            claim_verdicts = {k: a.verdict for k, a in store.current_verdicts(TargetKind.CLAIM, viewer=self.reviewer).items()}
            conflict_verdicts = {k: a.verdict for k, a in store.current_verdicts(TargetKind.CONFLICT).items()}
            return total, unreviewed, claim_verdicts, conflict_verdicts, len(store.reattached())

        *ready, moved = self.gateway.read(snapshot)
        if moved and not notes:
            notes = [f"{moved} annotation(s) an edit moved or orphaned: press m to check them."]
        self.post_message(self.StoreReady(*ready, notes))

    def _ingest(self, paths: Sequence[str]) -> list[str]:
        loaded = load_paths(paths)
        notes = [str(error) for error in loaded.errors]
        notes += [f"{d.path}:{p.line}:{p.column}: {p.message}" for d in loaded.documents for p in d.problems]
        if loaded.documents:
            summary = self.gateway.write(
                lambda store: ingest_documents(store, loaded.documents, loaded.claims)
            ).result()
            r = summary.reanchor
            check = f" {len(r.changes)} to check: press m." if r.changes else ""
            notes.insert(0, f"Read {summary.documents} document(s): {summary.claims:,} claims, "
                            f"{summary.conflicts:,} reconciler findings in the store (C lists them); annotations {r.stayed} stayed, "
                            f"{r.moved} moved, {r.orphaned} orphaned.{check}")
        else:
            notes.insert(0, "No document could be read from the paths given.")
        return notes

    def on_review_app_store_ready(self, message: StoreReady) -> None:
        self.claim_verdicts.clear()
        self.claim_verdicts.update(message.claim_verdicts)
        self.conflict_verdicts.clear()
        self.conflict_verdicts.update(message.conflict_verdicts)
        self.total_claims = message.total
        self.unreviewed_claims = message.unreviewed
        self.exit_messages.extend(message.notes[1:])
        if message.notes:
            problems = len(message.notes) - 1
            text = message.notes[0] + (f" {problems} warning(s), printed when you quit." if problems else "")
            self.notify(text, timeout=6)
        self.main_screen.store_ready()
        if self.db_path.startswith(("postgresql://", "postgres://")) and not self._listening:
            self._listening = True  # one listener for the session (a reload opens none more)
            self._listen()

    def reload_counts(self) -> None:
        self._open_store()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.error is not None:
            self.notify(f"{event.worker.name or 'background task'} failed: {event.worker.error}",
                        title="Error", severity="error", timeout=10)

    # -- annotations ------------------------------------------------------------------------

    def commit(self, target: Claim | Conflict, verdict: Verdict, *, note: str = "",
               confidence_override: float | None = None, override_reason: str | None = None,
               adjudication: bool = False) -> Annotation:
        """Append an annotation on ``target`` to the store now (on the writer thread); the toast
        names the target (``adjudication``: a ruling, which the store takes from adjudicators only)."""
        annotation = new_annotation(target, verdict, self.reviewer, note=note, confidence_override=confidence_override,
                                    override_reason=override_reason, adjudication=adjudication)
        said = f"Ruled {VERDICT_LABELS[verdict]}" if adjudication else VERDICT_LABELS[verdict].capitalize()
        label = f"{said}: {target_label(target)}"
        self._write(partial(annotate_and_read_back, annotation=annotation), label)
        return annotation

    def undo(self, target: Claim | Conflict) -> None:
        """Retract this reviewer's latest annotation in force on ``target``, the item shown
        (a new RETRACTED annotation); annotations on other items are never undone from here."""
        self._write(partial(undo_last_on, target=target, reviewer=self.reviewer), target_label(target))

    def _write(self, fn: Callable[[Store], Written | None], label: str) -> None:
        future = self.gateway.write(lambda store: fn(store))

        def done(f) -> None:
            error = f.exception()
            if error is not None:
                self.post_message(self.AnnotationFailed(error, label))
            elif f.result() is None:
                self.post_message(self.AnnotationFailed(LookupError("nothing to undo"), label))
            else:
                self.post_message(self.AnnotationWritten(f.result(), label))

        future.add_done_callback(done)

    def _verdict_now(self, kind: TargetKind, target_id: str, verdict: Verdict | None) -> None:
        """Record a target's verdict now (None: none in force), keeping the unreviewed count."""
        verdicts = self.claim_verdicts if kind is TargetKind.CLAIM else self.conflict_verdicts
        before = verdicts.get(target_id)
        if verdict is None:
            verdicts.pop(target_id, None)
        else:
            verdicts[target_id] = verdict
        if kind is TargetKind.CLAIM and (before is None) != (verdict is None):
            self.unreviewed_claims += 1 if verdict is None else -1

    def on_review_app_annotation_written(self, message: AnnotationWritten) -> None:
        written = message.written
        annotation = written.annotation
        self._verdict_now(annotation.target_kind, written.target_id, written.verdict)
        if annotation.verdict is Verdict.RETRACTED:
            undone = written.undone
            what = VERDICT_LABELS.get(undone.verdict, "annotation") if undone else "annotation"
            self.notify(f"Undone: your {what} on {message.label} (kept in the history as retracted).", timeout=4)
        else:
            self.notify(f"Saved. {message.label}", timeout=2)
        for screen in self.screen_stack:
            if hasattr(screen, "annotation_written"):
                screen.annotation_written(written)

    def on_review_app_annotation_failed(self, message: AnnotationFailed) -> None:
        if isinstance(message.error, LookupError):
            self.notify(f"Nothing of yours to undo on {message.label}.", severity="warning", timeout=4)
            return
        self.notify(f"NOT saved ({message.label}): {message.error}", title="Store error",
                    severity="error", timeout=15)

    # -- saved views ------------------------------------------------------------------------

    def save_view(self, view: View) -> None:
        """Keep ``view`` (replacing a saved one of the same name) and write the views file."""
        replaced = any(v.name == view.name for v in self.saved_views)
        self.saved_views = [v for v in self.saved_views if v.name != view.name] + [view]
        if self._write_views():
            self.notify(f"{'Replaced' if replaced else 'Saved'} the view “{view.name}”; v shows it again.", timeout=3)

    def delete_view(self, view: View) -> None:
        self.saved_views = [v for v in self.saved_views if v.name != view.name]
        if self._write_views():
            self.notify(f"Deleted the view “{view.name}”.", timeout=3)

    def _write_views(self) -> bool:
        if self.views_file is None:
            self.notify("Views are kept for this session only (no config folder).", timeout=3)
            return True
        try:
            save_views(self.views_file, self.saved_views)
        except OSError as error:
            self.notify(f"NOT saved ({self.views_file}): {error}", title="Views", severity="error", timeout=10)
            return False
        return True

    # -- screens ----------------------------------------------------------------------------

    def open_conflicts(self, claim: Claim | None) -> None:
        def back(chosen: Claim | None) -> None:
            if chosen is not None:
                self.main_screen.goto_claim(chosen)

        self.push_screen(ConflictsScreen(claim), back)

    def open_moved(self) -> None:
        def back(claim_id: str | None) -> None:
            if claim_id is not None:
                self.main_screen.goto_claim_id(claim_id)

        self.push_screen(MovedScreen(), back)

    def action_adjudicate(self) -> None:
        if isinstance(self.screen, AdjudicateScreen):
            return

        def back(claim_id: str | None) -> None:
            if claim_id is not None:
                self.main_screen.goto_claim_id(claim_id)

        self.push_screen(AdjudicateScreen(), back)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        scope = SCOPES["Claims"] if isinstance(screen, MainScreen) else (
            SCOPES["Conflicts"] if isinstance(screen, ConflictsScreen) else ())
        for spec in scope:
            yield SystemCommand(spec.palette, spec.help, partial(self._run_screen_action, screen, spec.action))
        for spec in APP_KEYS:
            if spec.id != "app.quit":
                yield SystemCommand(spec.palette, spec.help, partial(self.run_action, spec.action))

    async def _run_screen_action(self, screen: Screen, action: str) -> None:
        await self.run_action(action, screen)
