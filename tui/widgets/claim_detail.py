"""The detail of one claim: its source text with the span highlighted, attribution, confidence,
conflicts and annotation history.

Everything from the documents and the reviewers (text, quotes, notes, names) goes into
``rich.text.Text`` objects as plain strings, so nothing in the data is read as markup, and
through :func:`claims.api.printable` first, so no control or bidi character reaches the
terminal (they are shown as ``\x1b``-style text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from claims.api import (
    Annotation,
    Claim,
    Conflict,
    Document,
    Verdict,
    describe_side,
    describe_value,
    in_force,
    live,
    printable,
)
from claims.tui.data import VERDICT_LABELS, VERDICT_MARKS

CONTEXT_CHARS = 240
SPAN_STYLE = "bold black on #e5c07b"
HEDGE_STYLE = "underline italic"


def heading(title: str) -> Text:
    return Text(title, style="bold underline")


def shown(text: str | None) -> str:
    """A string from the data, safe for the terminal, on one line."""
    return printable(text or "")


def shown_block(text: str | None) -> str:
    """A string from the data, safe for the terminal, its line breaks kept."""
    return printable(text or "", newlines=True)


_TABLE_LINE = re.compile(r"(?<=\n)[ \t:|=+-]*\|[ \t:|=+-]*\n")
"""A line of a scraped table holding only cell separators (`| |||||||`, `---|---|`)."""
_TRAILING_PIPES = re.compile(r"[ \t]*\|[ \t|]*(?=\n)")
"""Empty cells at the end of a line (`Armenia | |||||||` is the row `Armenia`)."""
_PIPE_RUN = re.compile(r"[ \t]*\|(?:[ \t]*\|)+[ \t]*")
"""Empty cells between two cells: one separator is kept."""


def without_table_noise(text: str, line_start: bool = True, line_end: bool = True) -> str:
    """Source text without a scraped table's empty cells and separator rows.

    ``line_start`` / ``line_end``: ``text`` begins / ends at a line break (a piece cut at a
    claim's span does not, and its edges are left alone). A single ``|`` between two cells is
    kept: it is the only thing that tells them apart.
    """
    if "|" not in text:
        return text
    framed = ("\n" if line_start else "") + text + ("\n" if line_end else "")
    framed = _TABLE_LINE.sub("", framed)
    framed = _TRAILING_PIPES.sub("", framed)
    framed = _PIPE_RUN.sub(" | ", framed)
    if line_start:
        framed = framed[1:]
    if line_end and framed.endswith("\n"):
        framed = framed[:-1]
    return framed


def source_context(document: Document | None, claim: Claim, chars: int = CONTEXT_CHARS) -> Text:
    """The text around the claim with its span highlighted (and its hedges underlined).

    Each piece between the span's and the hedges' ends is made printable on its own, so the
    highlight covers exactly the quote however its characters are escaped.
    """
    if document is None or claim.span.end > len(document.text):
        text = Text("(source text not available; the quote:) ", style="dim")
        text.append(shown_block(claim.span.quote), style=SPAN_STYLE)
        return text
    source = document.text
    start = max(0, claim.span.start - chars)
    end = min(len(source), claim.span.end + chars)
    # Whole lines where the window holds some: infobox rows and table cells read whole.
    first_break = source.find("\n", start, claim.span.start)
    if start > 0 and first_break != -1:
        start = first_break + 1
    last_break = source.rfind("\n", claim.span.end, end)
    if end < len(source) and last_break != -1:
        end = last_break
    hedges = [
        (h.start, h.end) for h in claim.hedges
        if h.start is not None and h.end is not None and start <= h.start < h.end <= end
    ]
    cuts = sorted({start, end, claim.span.start, claim.span.end, *(p for h in hedges for p in h)})
    text = Text()
    if start > 0:
        text.append("…", style="dim")
    for lo, hi in zip(cuts, cuts[1:]):
        styles = [HEDGE_STYLE for a, b in hedges if a <= lo and hi <= b]
        if claim.span.start <= lo and hi <= claim.span.end:
            styles.append(SPAN_STYLE)
        piece = source[lo:hi]
        if not (claim.span.start <= lo and hi <= claim.span.end):
            # Context around the quote, never the quote itself, loses a table's empty cells.
            piece = without_table_noise(piece, line_start=lo == 0 or source[lo - 1] == "\n",
                                        line_end=hi == len(source) or source[hi] == "\n")
        text.append(shown_block(piece), style=" ".join(styles) or None)
    if end < len(source):
        text.append("…", style="dim")
    return text


def attribution_chain(claim: Claim, document: Document | None) -> Text:
    a = claim.attribution
    text = Text()
    text.append("document ", style="dim")
    text.append(shown(document.title if document is not None else a.document))
    if document is not None:
        text.append(f" ({shown(document.path)})", style="dim")
    if a.reference:
        text.append("\n  → cites ", style="dim")
        text.append(shown(a.reference))
    text.append("\n  → claimant ", style="dim")
    if a.claimant is None:
        text.append("unattributed", style="bold yellow")
        text.append(" — the document states it in its own voice", style="dim")
    else:
        text.append(shown(a.claimant), style="bold")
        text.append(f" ({a.claimant_class.value}", style="dim")
        if a.claimant_side:
            text.append(f", {shown(a.claimant_side)} side", style="dim")
        text.append(")", style="dim")
        if a.inherited:
            text.append("\n    carried over from an earlier sentence", style="italic yellow")
    if a.evidence:
        text.append("\n    because: ", style="dim")
        text.append(shown(a.evidence), style="italic")
    for hedge in claim.hedges:
        text.append(f"\n  hedge {hedge.kind.value}: ", style="dim")
        text.append(shown(hedge.text), style=HEDGE_STYLE)
    return text


def confidence_text(claim: Claim, history: Sequence[Annotation]) -> Text:
    """The score and grade with their reasons; a reviewer's override in force first.

    The claim comes from the store with the override in force applied; the history says who
    set it and why (the same answer: :func:`claims.api.in_force`).
    """
    c = claim.confidence
    override = in_force(history).override
    text = Text()
    if override is not None:
        text.append(f"{override.confidence_override:.2f}", style="bold")
        text.append("  reviewer override", style="bold magenta")
        text.append(f" by {shown(override.reviewer)}", style="dim")
        if override.override_reason:
            text.append(": ")
            text.append(shown(override.override_reason), style="italic")
        text.append(f"\n  grade {c.grade}", style="dim")
    else:
        text.append(f"{c.score:.2f} {c.grade}", style="bold")
        if c.overridden:
            text.append("  reviewer override", style="bold magenta")
    for reason in c.reasons:
        text.append("\n  • ")
        text.append(shown(reason))
    return text


def conflicts_text(conflicts: Sequence[Conflict], conflict_verdicts: Mapping[str, Verdict]) -> Text:
    if not conflicts:
        return Text("none", style="dim")
    text = Text()
    for i, conflict in enumerate(conflicts):
        if i:
            text.append("\n")
        verdict = conflict_verdicts.get(conflict.id)
        mark, style = VERDICT_MARKS.get(verdict, VERDICT_MARKS[None])
        text.append(f"{mark} ", style=style)
        text.append(f"[{conflict.severity.value}] ", style=_severity_style(conflict.severity.value))
        text.append(shown(conflict.rule), style="bold")
        if verdict is not None:
            text.append(f" ({VERDICT_LABELS[verdict]})", style="dim")
        text.append("\n  ")
        text.append(shown(conflict.explanation))
    text.append("\n  press c to open them", style="dim")
    return text


def _severity_style(severity: str) -> str:
    return {"high": "bold red", "medium": "yellow", "low": "cyan"}.get(severity, "dim")


def history_text(history: Sequence[Annotation], claim: Claim | None = None) -> Text:
    """The annotations, oldest first; one made on another wording of the claim says which."""
    if not history:
        return Text("no annotations yet", style="dim")
    alive = {a.id for a in live(history)}
    by_id = {a.id: a for a in history}
    text = Text()
    for i, a in enumerate(history):
        if i:
            text.append("\n")
        struck = a.id not in alive and a.verdict is not Verdict.RETRACTED
        text.append(f"{a.created_at.astimezone():%Y-%m-%d %H:%M}  ", style="dim")
        text.append(shown(a.reviewer), style="bold")
        text.append("  ")
        what = VERDICT_LABELS.get(a.verdict, a.verdict.value)
        if a.verdict is Verdict.RETRACTED:
            undone = by_id.get(a.retracts or "")
            what = "undid " + (VERDICT_LABELS.get(undone.verdict, "") if undone else "an annotation")
        elif a.verdict is Verdict.CONFIDENCE and a.confidence_override is not None:
            what = f"confidence → {a.confidence_override:.2f}"
        text.append(what, style="strike dim" if struck else _verdict_style(a.verdict))
        if a.override_reason:
            text.append(" (", style="dim")
            text.append(shown(a.override_reason), style="italic")
            text.append(")", style="dim")
        if a.note:
            text.append("\n    “", style="dim")
            text.append(shown_block(a.note), style="strike dim" if struck else "italic")
            text.append("”", style="dim")
        if claim is not None and a.anchor is not None and a.anchor.quote != claim.span.quote:
            text.append("\n    made on “", style="dim")
            text.append(shown(" ".join(a.anchor.quote.split())), style="yellow")
            text.append("”, moved here by an edit", style="dim")
    return text


def _verdict_style(verdict: Verdict) -> str:
    return VERDICT_MARKS.get(verdict, ("", ""))[1] or ""


def claim_header(claim: Claim, verdict: Verdict | None) -> Text:
    text = Text()
    mark, style = VERDICT_MARKS.get(verdict, VERDICT_MARKS[None])
    text.append(f"{mark} ", style=style)
    text.append(shown(describe_value(claim.value)), style="bold")
    text.append(f"  {claim.kind.value}", style="cyan")
    text.append("  about ", style="dim")
    text.append(shown(describe_side(claim.side)))
    text.append("\n")
    text.append(VERDICT_LABELS[verdict] if verdict else "unreviewed", style=style if verdict else "dim italic")
    text.append(f"  ·  {shown(claim.document)} line {claim.span.line}, col {claim.span.column}", style="dim")
    if claim.section:
        text.append("  ·  § ", style="dim")
        text.append(shown(claim.section), style="dim")
    if claim.side.reason:
        text.append("\nside: ", style="dim")
        text.append(shown(claim.side.reason), style="dim italic")
    return text


def claim_detail(
    claim: Claim,
    document: Document | None,
    conflicts: Sequence[Conflict] | None,
    history: Sequence[Annotation] | None,
    conflict_verdicts: Mapping[str, Verdict],
    verdict: Verdict | None = None,
) -> RenderableType:
    """The whole detail of one claim. ``conflicts`` and ``history`` None: still loading (the
    claim itself is shown at once, so the pane never shows another claim than the selected);
    ``verdict`` is then the verdict the app knows for it."""
    if history is not None:
        current = in_force(history).verdict
        verdict = current.verdict if current else None
    loading = Text("loading…", style="dim italic")
    return Group(
        claim_header(claim, verdict),
        Text(),
        heading("Source"),
        source_context(document, claim) if document is not None or history is not None else loading,
        Text(),
        heading("Attribution"),
        attribution_chain(claim, document),
        Text(),
        heading("Confidence"),
        confidence_text(claim, history or ()),
        Text(),
        heading("Conflicts" + (f" ({len(conflicts)})" if conflicts is not None else "")),
        conflicts_text(conflicts, conflict_verdicts) if conflicts is not None else loading,
        Text(),
        heading("History" + (f" ({len(history)})" if history is not None else "")),
        history_text(history, claim) if history is not None else loading,
        Text(f"\nrule {shown(claim.rule)} · id {claim.id}", style="dim"),
    )


class ClaimDetail(VerticalScroll, can_focus=True):
    """A scrollable pane showing one claim (or a hint when there is none)."""

    ALLOW_MAXIMIZE = True
    """``enter`` shows it full screen (Textual's scroll containers refuse to be maximized)."""

    def compose(self) -> ComposeResult:
        yield Static(Text("No claim selected.", style="dim"), id="detail-body")

    def show(self, renderable: RenderableType) -> None:
        self.query_one("#detail-body", Static).update(renderable)

    def show_message(self, message: str) -> None:
        self.show(Text(message, style="dim"))
