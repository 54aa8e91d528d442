"""The adjudicator's screen: claims whose reviewers disagree, their verdicts side by side.

A claim is listed while reviewers' current verdicts on it differ and no adjudication settles
it (:func:`claims.api.verdict_disagreements_of`: however the verdicts arrived, one store or
pushed from offline copies). a d s r record the adjudicated verdict, an annotation like any
other marked as an adjudication, which the store refuses unless the reviewer is an
adjudicator; the claim then leaves the list. Enter goes to the claim.
"""

from __future__ import annotations

from attrs import frozen
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from claims.api import ADJUDICATING_ROLES, Annotation, Claim, Disagreement, Store, Verdict, printable, verdict_disagreements_of
from claims.tui.data import VERDICT_LABELS, StoreGateway, Written
from claims.tui.widgets.claim_detail import shown_block, without_table_noise


@frozen
class Dispute:
    """A disagreement with its claim, as the screen shows it."""

    claim: Claim
    verdicts: tuple[Annotation, ...]


def _disputes(store: Store) -> tuple[list[Dispute], dict[str, str]]:
    """The unsettled disagreements with their claims, by document and position, and every
    reviewer's role."""
    found: list[Disagreement] = verdict_disagreements_of(store)
    disputes = [Dispute(claim, d.verdicts) for d in found if (claim := store.claim(d.claim_id)) is not None]
    disputes.sort(key=lambda d: (d.claim.document, d.claim.span.start, d.claim.span.end, d.claim.id))
    return disputes, dict(store.reviewers())


class AdjudicateScreen(ModalScreen[str | None]):
    """Unsettled disagreements; dismisses with a claim id to go to, or None."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="adjudicate.close"),
        Binding("a", "rule('accepted')", "Accept", id="adjudicate.accept"),
        Binding("d", "rule('disputed')", "Dispute", id="adjudicate.dispute"),
        Binding("s", "rule('needs_source')", "Needs source", id="adjudicate.needs_source"),
        Binding("r", "rule('rejected')", "Reject", id="adjudicate.reject"),
    ]

    class Loaded(Message):
        def __init__(self, disputes: list[Dispute], roles: dict[str, str]) -> None:
            super().__init__()
            self.disputes = disputes
            self.roles = roles

    def __init__(self) -> None:
        super().__init__()
        self.disputes: list[Dispute] = []
        self.loaded = False

    @property
    def gateway(self) -> StoreGateway:
        return self.app.gateway

    def compose(self) -> ComposeResult:
        with Vertical(id="adjudicate-dialog", classes="dialog"):
            yield Static(Text("Disagreements to adjudicate", style="bold"), classes="dialog-title")
            yield Static(Text("Loading…", style="dim"), id="adjudicate-summary", classes="dialog-subject")
            yield DataTable(id="adjudicate-table", cursor_type="row", zebra_stripes=False)
            yield Static("", id="adjudicate-detail")

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="adjudicate", exit_on_error=False)
    def _load(self) -> None:
        disputes, roles = self.gateway.read(_disputes)
        self.post_message(self.Loaded(disputes, roles))

    def on_adjudicate_screen_loaded(self, message: Loaded) -> None:
        self.disputes = message.disputes
        self.loaded = True
        reviewers = sorted({a.reviewer for d in self.disputes for a in d.verdicts})
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column("claim", key="claim", width=34)
        for reviewer in reviewers:  # one column per reviewer: the verdicts side by side
            table.add_column(printable(reviewer), key=f"r:{reviewer}", width=max(14, len(reviewer) + 2))
        for n, dispute in enumerate(self.disputes):
            given = {a.reviewer: a for a in dispute.verdicts}
            cells = [Text(printable(" ".join(dispute.claim.span.quote.split())))]
            for reviewer in reviewers:
                verdict = given.get(reviewer)
                cells.append(Text(VERDICT_LABELS[verdict.verdict] if verdict else "—",
                                  style="" if verdict else "dim"))
            table.add_row(*cells, key=str(n))
        me = self.app.reviewer
        summary = (f"{len(self.disputes)} claim(s) where reviewers disagree. a d s r rule on the highlighted one; "
                   "enter goes to it; escape closes." if self.disputes
                   else "No disagreement left to adjudicate.")
        if self.disputes and message.roles.get(me) not in ADJUDICATING_ROLES:
            summary += f" {me} is not an adjudicator here: the store will refuse these rulings."
        self.query_one("#adjudicate-summary", Static).update(Text(printable(summary), style="dim"))
        self._show_detail()
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _current(self) -> Dispute | None:
        row = self.query_one(DataTable).cursor_row
        return self.disputes[row] if self.disputes and 0 <= row < len(self.disputes) else None

    def _show_detail(self) -> None:
        """The highlighted claim in its context, and each reviewer's verdict with their note."""
        dispute = self._current()
        detail = Text()
        if dispute is not None:
            span = dispute.claim.span
            # The context as the claims screen shows it: line breaks kept, a scraped table's
            # empty cells left out.
            detail.append(printable(f"{dispute.claim.subject}: "), style="bold dim")
            detail.append("…" + shown_block(without_table_noise(span.prefix, line_start=False, line_end=False)), style="dim")
            detail.append(shown_block(span.quote), style="bold")
            detail.append(shown_block(without_table_noise(span.suffix, line_start=False, line_end=False)) + "…", style="dim")
            for annotation in dispute.verdicts:
                detail.append("\n")
                detail.append(printable(annotation.reviewer), style="bold")
                detail.append(f" {VERDICT_LABELS[annotation.verdict]}")
                if annotation.note:
                    detail.append(printable(f": {annotation.note}"), style="italic")
        self.query_one("#adjudicate-detail", Static).update(detail)

    def action_rule(self, value: str) -> None:
        dispute = self._current()
        if dispute is None:
            self.notify("No disagreement selected.", severity="warning")
            return
        self.app.commit(dispute.claim, Verdict(value), adjudication=True)

    def annotation_written(self, written: Written) -> None:
        """The app wrote an annotation: a ruling (or any verdict) may settle or open one."""
        if self.loaded:
            self._load()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter (the table's select key) goes to the claim."""
        dispute = self._current()
        if dispute is not None:
            self.dismiss(dispute.claim.id)

    def action_close(self) -> None:
        self.dismiss(None)
