"""Every key binding of the review app, in one place, each with a stable id and a description.

The ids are what a reviewer remaps in the config file (``[keys]``) and what the help screen
lists; ``palette`` is the namespaced verb shown in the command palette (``ctrl+p``).
"""

from __future__ import annotations

from attrs import frozen
from textual.binding import Binding


@frozen
class KeySpec:
    id: str
    key: str
    action: str
    description: str
    """Short label, shown in the footer when ``footer`` is true."""
    palette: str
    """The command palette verb, ``"namespace: verb phrase"``."""
    help: str
    footer: bool = False
    key_display: str | None = None
    priority: bool = False
    footer_rank: int = 1
    """Which footer hints go first when the width is short: the highest rank is dropped first
    (0 never, while anything else is shown)."""

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.description,
            show=self.footer,
            key_display=self.key_display,
            priority=self.priority,
            tooltip=self.help,
            id=self.id,
        )


APP_KEYS: tuple[KeySpec, ...] = (
    KeySpec("app.help", "question_mark", "help", "Help", "app: show keys and help",
            "List every key and what it does.", footer=True, footer_rank=0, key_display="?"),
    KeySpec("app.quit", "q", "quit", "Quit", "app: quit",
            "Quit. Every annotation is already saved.", footer=True, footer_rank=0),
    KeySpec("app.adjudicate", "J", "adjudicate", "Adjudicate", "go: claims where reviewers disagree",
            "List the claims reviewers disagree on, verdicts side by side, to rule on (adjudicators)."),
)

MAIN_KEYS: tuple[KeySpec, ...] = (
    KeySpec("review.accept", "a", "verdict('accepted')", "Accept", "review: accept claim",
            "Mark the claim accepted.", footer=True),
    KeySpec("review.dispute", "d", "verdict('disputed')", "Dispute", "review: dispute claim",
            "Mark the claim disputed.", footer=True),
    KeySpec("review.needs_source", "s", "verdict('needs_source')", "Source?", "review: claim needs a source",
            "Mark the claim as needing a source."),
    KeySpec("review.reject", "r", "verdict('rejected')", "Reject", "review: reject claim",
            "Mark the claim rejected."),
    KeySpec("review.accept_note", "A", "verdict('accepted', True)", "Accept+note",
            "review: accept claim with a note", "Accept the claim and write why."),
    KeySpec("review.dispute_note", "D", "verdict('disputed', True)", "Dispute+note",
            "review: dispute claim with a note", "Dispute the claim and write why."),
    KeySpec("review.needs_source_note", "S", "verdict('needs_source', True)", "Needs src+note",
            "review: claim needs a source, with a note", "Ask for a source and say which."),
    KeySpec("review.reject_note", "R", "verdict('rejected', True)", "Reject+note",
            "review: reject claim with a note", "Reject the claim and write why."),
    KeySpec("review.note", "n", "note", "Note", "review: add a note to the claim",
            "Write a note on the claim without changing its verdict.", footer=True, footer_rank=3),
    KeySpec("review.editor_note", "e", "editor_note", "Edit note", "review: write a note in $EDITOR",
            "Write a note on the claim in your $VISUAL or $EDITOR (the app steps aside until you quit it)."),
    KeySpec("review.mark", "space", "toggle_mark", "Mark", "review: mark or unmark the claim for a bulk verdict",
            "Mark the claim; while claims are marked, a d s r give every marked claim that verdict "
            "(esc clears the marks).", footer=True, footer_rank=5),
    KeySpec("review.override", "o", "override", "Conf", "review: override confidence",
            "Set the claim's confidence yourself, with a reason.", footer=True, footer_rank=5),
    KeySpec("review.undo", "u", "undo", "Undo", "review: undo my last annotation on this claim",
            "Retract your last annotation on the claim shown (it stays in the history as retracted).",
            footer=True, footer_rank=2),
    KeySpec("nav.next_unreviewed", "right_square_bracket", "next_unreviewed(1)", "Next",
            "go: next unreviewed claim", "Move to the next claim with no verdict.",
            footer=True, footer_rank=2, key_display="]"),
    KeySpec("nav.previous_unreviewed", "left_square_bracket", "next_unreviewed(-1)", "Prev unreviewed",
            "go: previous unreviewed claim", "Move to the previous claim with no verdict.",
            key_display="["),
    KeySpec("nav.claim_conflicts", "c", "claim_conflicts", "Conflicts", "go: conflicts of this claim",
            "Open the conflicts this claim is part of.", footer=True, footer_rank=4),
    KeySpec("nav.all_conflicts", "C", "all_conflicts", "All conflicts", "go: all conflicts",
            "Open the list of every conflict."),
    KeySpec("nav.moved", "m", "moved", "Moved", "go: annotations moved by an edit",
            "List annotations a re-ingest moved to a changed statement, or orphaned, to check them."),
    KeySpec("view.open_claim", "enter", "open_claim", "Open", "view: open claim full screen",
            "Show the selected claim's detail full screen (escape to return)."),
    KeySpec("view.back", "escape", "back_to_list", "Back", "view: back to the claims list",
            "Leave the search box, the filters or the full-screen detail for the list; clear the marks.", key_display="esc"),
    KeySpec("view.source", "p", "toggle_source", "Source", "view: show or hide the source pane",
            "Show the claim's whole document, every claim of it marked and this one highlighted; "
            "it follows the cursor (below 120 columns it takes the detail's place).",
            footer=True, footer_rank=4),
    KeySpec("view.pick_view", "v", "pick_view", "Views", "view: pick a saved view",
            "Pick a view: all, unreviewed, my queue, disputed by others, in conflict, or one you saved.",
            footer=True, footer_rank=3),
    KeySpec("view.save_view", "V", "save_view", "Save view", "view: save the current filters as a view",
            "Name the current filters and search as a view of your own (kept in views.toml beside config.toml)."),
    KeySpec("view.filters", "f", "toggle_filters", "Filters", "view: show or hide filters",
            "Show or hide the filter panel.", footer=True, footer_rank=3),
    KeySpec("view.search", "slash", "search", "Search", "view: search claims",
            "Search quotes, subjects and claimants.", key_display="/"),
    KeySpec("view.clear_filters", "x", "clear_filters", "Clear filters", "view: clear all filters",
            "Remove every filter and the search."),
    KeySpec("view.refresh", "ctrl+r", "refresh", "Refresh", "view: reload from the store",
            "Re-run the query (picks up other reviewers' work)."),
)

CONFLICT_KEYS: tuple[KeySpec, ...] = (
    KeySpec("conflict.resolved", "r", "verdict('resolved')", "Resolved", "conflict: mark resolved",
            "Mark the conflict resolved.", footer=True),
    KeySpec("conflict.open", "o", "verdict('open')", "Open", "conflict: mark open",
            "Mark the conflict open (still to settle).", footer=True),
    KeySpec("conflict.not_a_conflict", "x", "verdict('not_a_conflict')", "Not a conflict",
            "conflict: mark not a conflict", "Mark it as not a real conflict.", footer=True, footer_rank=1),
    KeySpec("conflict.resolved_note", "R", "verdict('resolved', True)", "Resolved+note",
            "conflict: mark resolved with a note", "Mark resolved and write how."),
    KeySpec("conflict.open_note", "O", "verdict('open', True)", "Open+note",
            "conflict: mark open with a note", "Mark open and write what is missing."),
    KeySpec("conflict.not_a_conflict_note", "X", "verdict('not_a_conflict', True)", "Not a conflict+note",
            "conflict: mark not a conflict with a note", "Mark not a conflict and write why."),
    KeySpec("conflict.note", "n", "note", "Note", "conflict: add a note",
            "Write a note on the conflict.", footer=True, footer_rank=3),
    KeySpec("conflict.editor_note", "e", "editor_note", "Edit note", "conflict: write a note in $EDITOR",
            "Write a note on the conflict in your $VISUAL or $EDITOR."),
    KeySpec("conflict.undo", "u", "undo", "Undo", "conflict: undo my last annotation on this conflict",
            "Retract your last annotation on the conflict shown.", footer=True, footer_rank=2),
    KeySpec("conflict.next_open", "right_square_bracket", "next_open(1)", "Next open",
            "go: next conflict with no verdict", "Move to the next conflict nobody has settled.",
            key_display="]"),
    KeySpec("conflict.goto_claim", "g", "goto_claim", "Go to claim", "go: show this claim in the claims list",
            "Return to the claims list on the highlighted competing claim.", footer=True, footer_rank=4),
    KeySpec("conflict.back", "escape", "back", "Back", "go: back to the claims",
            "Close the conflicts screen.", footer=True, footer_rank=1, key_display="esc"),
)

SCOPES: dict[str, tuple[KeySpec, ...]] = {
    "Everywhere": APP_KEYS,
    "Claims": MAIN_KEYS,
    "Conflicts": CONFLICT_KEYS,
}

ALL_KEYS: tuple[KeySpec, ...] = APP_KEYS + MAIN_KEYS + CONFLICT_KEYS


def bindings(specs: tuple[KeySpec, ...]) -> list[Binding]:
    return [spec.binding() for spec in specs]


def display_key(spec: KeySpec) -> str:
    return spec.key_display or spec.key
