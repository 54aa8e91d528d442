"""The conflicts screen: the list of conflicts and, for one, its competing claims side by side."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.coordinate import Coordinate
from textual.widget import Widget
from textual.widgets import DataTable, Static
from textual.widgets.data_table import CellDoesNotExist
from textual.worker import get_current_worker

from claims.api import (
    Annotation,
    Claim,
    Conflict,
    Document,
    Outcome,
    TargetKind,
    Verdict,
    describe_claimant,
    describe_side,
    describe_value,
    printable,
)
from claims.tui.bindings import CONFLICT_KEYS, bindings
from claims.tui.data import (
    OUTCOME_LABELS,
    VERDICT_LABELS,
    VERDICT_MARKS,
    StoreGateway,
    Written,
    conflict_events,
    count_findings,
)
from claims.tui.screens.annotating import AnnotatingScreen
from claims.tui.widgets.claim_detail import _severity_style, history_text, source_context
from claims.tui.widgets.key_hints import KeyHints

MAX_SIDE_BY_SIDE = 4


def conflict_label(conflict: Conflict) -> str:
    """A conflict named in a toast or a dialog: its rule and the start of its explanation."""
    explanation = " ".join(conflict.explanation.split())
    return printable(f"{conflict.rule}: {explanation[:70]}{'…' if len(explanation) > 70 else ''}")


class ClaimCard(VerticalScroll, can_focus=True):
    """One competing claim: value, who says it, and its context with the span highlighted."""

    def __init__(self, claim: Claim, document: Document | None, verdict: Verdict | None) -> None:
        super().__init__(classes="claim-card")
        self.claim = claim
        self._document = document
        self._verdict = verdict

    def compose(self) -> ComposeResult:
        claim = self.claim
        head = Text()
        mark, style = VERDICT_MARKS.get(self._verdict, VERDICT_MARKS[None])
        head.append(f"{mark} ", style=style)
        head.append(printable(describe_value(claim.value)), style="bold")
        head.append(f"\n{claim.kind.value} · {printable(describe_side(claim.side))}", style="dim")
        head.append("\n")
        head.append(printable(self._document.title if self._document else claim.document), style="italic")
        head.append(f" line {claim.span.line}", style="dim")
        head.append("\nclaimant: ", style="dim")
        head.append(printable(describe_claimant(claim)),
                    style="bold yellow" if claim.attribution.claimant is None else "")
        head.append(f"\nconfidence {claim.confidence.score:.2f} {claim.confidence.grade}", style="dim")
        yield Static(Group(head, Text(), source_context(self._document, claim, chars=160)))


class ConflictsScreen(AnnotatingScreen):
    """All conflicts, or those of one claim; verdict keys apply to the highlighted conflict."""

    BINDINGS = bindings(CONFLICT_KEYS)
    AUTO_FOCUS = "#conflict-table"

    class Loaded(Message):
        def __init__(self, conflicts: list[Conflict], events: dict[str, str]) -> None:
            super().__init__()
            self.conflicts = conflicts
            self.events = events

    class ConflictDetail(Message):
        def __init__(self, conflict: Conflict, claims: list[Claim], documents: dict[str, Document | None],
                     history: list[Annotation]) -> None:
            super().__init__()
            self.conflict = conflict
            self.claims = claims
            self.documents = documents
            self.history = history

    def __init__(self, claim: Claim | None = None) -> None:
        super().__init__()
        self.claim = claim
        self.conflicts: list[Conflict] = []
        self.current: Conflict | None = None
        """The conflict shown, which keys act on (always the one under the table's cursor)."""
        self._by_id: dict[str, Conflict] = {}
        self.events: dict[str, str] = {}
        """Conflict id -> the name of its event."""
        self.current_claims: list[Claim] = []
        self.focused_claim: Claim | None = None

    @property
    def gateway(self) -> StoreGateway:
        return self.app.gateway

    def compose(self) -> ComposeResult:
        yield Static(id="conflicts-title", classes="title-bar")
        table = DataTable(id="conflict-table", cursor_type="row", zebra_stripes=False)
        yield table
        with VerticalScroll(id="conflict-body"):
            yield Static(id="conflict-explanation")
            yield Horizontal(id="competing")
            yield Static(id="conflict-history")
        yield KeyHints()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("", key="mark", width=2)
        table.add_column("finding", key="outcome", width=10)
        table.add_column("severity", key="severity", width=8)
        table.add_column("event", key="event")
        table.add_column("rule", key="rule", width=26)
        table.add_column("claims", key="claims", width=6)
        table.add_column("explanation", key="explanation")
        self.query_one("#conflict-body").can_focus = False  # tab goes from the list to the claims
        self._set_title()
        self._load()

    def _set_title(self) -> None:
        title = Text()
        title.append("Conflicts", style="bold")
        if self.claim is not None:
            title.append(" of ", style="dim")
            title.append(printable(describe_value(self.claim.value)), style="bold")
            title.append(" “", style="dim")
            title.append(printable(" ".join(self.claim.span.quote.split())[:60]))
            title.append("”", style="dim")
        if self.conflicts:
            settled = sum(1 for c in self.conflicts if c.id in self.app.conflict_verdicts)
            title.append(f"   {count_findings(self.conflicts, len(set(self.events.values())) or None)}"
                         f" · {settled:,} with a verdict", style="dim")
        self.query_one("#conflicts-title", Static).update(title)

    @work(thread=True, exclusive=True, group="conflicts", exit_on_error=False)
    def _load(self) -> None:
        claim_id = self.claim.id if self.claim else None
        conflicts = self.gateway.read(lambda store: store.conflicts(claim_id))
        events = self.gateway.read(lambda store: conflict_events(store, conflicts))
        self.post_message(self.Loaded(conflicts, events))

    def on_conflicts_screen_loaded(self, message: Loaded) -> None:
        self.conflicts = message.conflicts
        self.events = message.events
        self._by_id = {c.id: c for c in message.conflicts}
        table = self.query_one(DataTable)
        table.clear()
        for conflict in self.conflicts:
            table.add_row(*self._row(conflict), key=conflict.id)
        self._set_title()
        if not self.conflicts:
            self.query_one("#conflict-explanation", Static).update(
                Text("No conflicts found. Escape returns to the claims.", style="dim"))

    def _row(self, conflict: Conflict) -> tuple:
        verdict = self.app.conflict_verdicts.get(conflict.id)
        mark, style = VERDICT_MARKS.get(verdict, VERDICT_MARKS[None])
        return (
            Text(mark, style=style),
            Text(OUTCOME_LABELS[conflict.outcome], style="bold" if conflict.outcome is Outcome.CONFLICT else ""),
            Text(conflict.severity.value, style=_severity_style(conflict.severity.value)),
            Text(printable(self.events.get(conflict.id, "")), no_wrap=True, overflow="ellipsis"),
            Text(printable(conflict.rule)),
            Text(str(len(conflict.claims)), justify="right"),
            Text(printable(" ".join(conflict.explanation.split()))),
        )

    @on(DataTable.RowHighlighted, "#conflict-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._at_cursor()

    def _at_cursor(self) -> Conflict | None:
        """The conflict under the table's cursor, made the one shown if it is not yet.

        Read from the table itself, so a key pressed right after a move acts on the row the
        reviewer sees, and the detail is switched to it before anything acts on it.
        """
        table = self.query_one(DataTable)
        if not self.conflicts or table.row_count == 0:
            return None
        try:
            row_key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key
        except CellDoesNotExist:
            return None
        conflict = self._by_id.get(row_key.value)
        if conflict is not None and (self.current is None or self.current.id != conflict.id):
            self._show_conflict(conflict)
        return conflict

    def _show_conflict(self, conflict: Conflict) -> None:
        """Show ``conflict`` now (its rule and explanation); its claims and history follow."""
        self.current = conflict
        self.current_claims = []
        self.focused_claim = None
        self._render_explanation(conflict)
        self.query_one("#conflict-history", Static).update(Text("History: loading…", style="dim"))
        self._load_detail(conflict)

    @work(thread=True, exclusive=True, group="conflict-detail", exit_on_error=False)
    def _load_detail(self, conflict: Conflict) -> None:
        claims = []
        for claim_id in conflict.claims:
            claim = self.gateway.read(lambda store: store.claim(claim_id))
            if claim is not None:
                claims.append(claim)
        documents: dict[str, Document | None] = {}
        for claim in claims:
            if claim.span.document not in documents:
                documents[claim.span.document] = self.gateway.read(lambda store: store.document(claim.span.document))
        history = self.gateway.read(lambda store: store.annotations(conflict.id, TargetKind.CONFLICT))
        if not get_current_worker().is_cancelled:
            self.post_message(self.ConflictDetail(conflict, claims, documents, history))

    def _render_explanation(self, conflict: Conflict) -> None:
        verdict = self.app.conflict_verdicts.get(conflict.id)
        text = Text()
        text.append(f"[{conflict.severity.value}] ", style=_severity_style(conflict.severity.value))
        text.append(printable(conflict.rule), style="bold")
        text.append(f"  {OUTCOME_LABELS[conflict.outcome]}", style="dim")
        if conflict.id in self.events:
            text.append("  ·  ", style="dim")
            text.append(printable(self.events[conflict.id]), style="italic")
        text.append("  ·  ", style="dim")
        text.append(VERDICT_LABELS[verdict] if verdict else "no verdict yet",
                    style=VERDICT_MARKS.get(verdict, VERDICT_MARKS[None])[1])
        text.append("\n")
        text.append(printable(conflict.explanation))
        self.query_one("#conflict-explanation", Static).update(text)

    async def on_conflicts_screen_conflict_detail(self, message: ConflictDetail) -> None:
        if self.current is None or message.conflict.id != self.current.id:
            return
        self._render_explanation(message.conflict)
        competing = self.query_one("#competing", Horizontal)
        await competing.remove_children()
        self.current_claims = message.claims
        self.focused_claim = message.claims[0] if message.claims else None
        cards = [ClaimCard(c, message.documents.get(c.span.document), self.app.claim_verdicts.get(c.id))
                 for c in message.claims[:MAX_SIDE_BY_SIDE]]
        await competing.mount_all(cards)
        if len(message.claims) > MAX_SIDE_BY_SIDE:
            await competing.mount(Static(Text(f"+{len(message.claims) - MAX_SIDE_BY_SIDE} more claims", style="dim")))
        history = Text("History\n", style="bold underline")
        history.append_text(history_text(message.history))
        self.query_one("#conflict-history", Static).update(history)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        while widget is not None and not isinstance(widget, ClaimCard):
            widget = widget.parent if isinstance(widget.parent, (ClaimCard, Horizontal, VerticalScroll)) else None
        if isinstance(widget, ClaimCard):
            self.focused_claim = widget.claim

    # -- actions ----------------------------------------------------------------------------

    TARGET = "conflict"

    def annotation_target(self) -> Conflict | None:
        """The conflict keys act on: the one under the cursor, which the screen shows."""
        return self._at_cursor()

    def target_label(self, target: Claim | Conflict) -> str:
        assert isinstance(target, Conflict)
        return conflict_label(target)

    def verdict_title(self, verdict: Verdict) -> str:
        return f"Conflict {VERDICT_LABELS[verdict]}, with a note"

    def action_next_open(self, direction: int = 1) -> None:
        table = self.query_one(DataTable)
        for step in range(1, len(self.conflicts)):
            index = (table.cursor_row + direction * step) % len(self.conflicts)
            if self.conflicts[index].id not in self.app.conflict_verdicts:
                table.move_cursor(row=index)
                return
        self.notify("Every conflict here has a verdict.", timeout=3)

    def action_goto_claim(self) -> None:
        """Go to the competing claim that has the focus (else the first) of the conflict shown."""
        conflict = self._at_cursor()
        widget = self.focused
        while widget is not None and not isinstance(widget, ClaimCard):
            widget = widget.parent if isinstance(widget.parent, Widget) else None
        claim = widget.claim if isinstance(widget, ClaimCard) else self.focused_claim
        if claim is None or conflict is None or claim.id not in conflict.claims:
            self.notify("No claim of this conflict to go to yet.", severity="warning")
            return
        self.dismiss(claim)

    def action_back(self) -> None:
        self.dismiss(None)

    def annotation_written(self, written: Written) -> None:
        annotation = written.annotation
        if annotation.target_kind is TargetKind.CONFLICT:
            table = self.query_one(DataTable)
            conflict = self._by_id.get(written.target_id)
            if conflict is not None:
                mark, style = VERDICT_MARKS.get(written.verdict, VERDICT_MARKS[None])
                table.update_cell(conflict.id, "mark", Text(mark, style=style))
            self._set_title()
        if self.current is not None:
            self._load_detail(self.current)
