"""The detail of one claim: its source text with the span highlighted, attribution, confidence,
conflicts and annotation history.

Everything from the documents and the reviewers (text, quotes, notes, names) goes into
``rich.text.Text`` objects as plain strings, so nothing in the data is read as markup.
"""

from __future__ import annotations

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
    current_override,
    current_verdict,
    describe_side,
    describe_value,
    live,
)
from claims.tui.data import VERDICT_LABELS, VERDICT_MARKS

CONTEXT_CHARS = 240
SPAN_STYLE = "bold black on #e5c07b"
HEDGE_STYLE = "underline italic"


def heading(title: str) -> Text:
    return Text(title, style="bold underline")


def source_context(document: Document | None, claim: Claim, chars: int = CONTEXT_CHARS) -> Text:
    """The text around the claim with its span highlighted (and its hedges underlined)."""
    if document is None or claim.span.end > len(document.text):
        text = Text("(source text not available; the quote:) ", style="dim")
        text.append(claim.span.quote, style=SPAN_STYLE)
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
    text = Text()
    if start > 0:
        text.append("…", style="dim")
    text.append(source[start:end])
    if end < len(source):
        text.append("…", style="dim")
    offset = 1 if start > 0 else 0
    for hedge in claim.hedges:
        if hedge.start is not None and hedge.end is not None and start <= hedge.start < hedge.end <= end:
            text.stylize(HEDGE_STYLE, hedge.start - start + offset, hedge.end - start + offset)
    text.stylize(SPAN_STYLE, claim.span.start - start + offset, claim.span.end - start + offset)
    return text


def attribution_chain(claim: Claim, document: Document | None) -> Text:
    a = claim.attribution
    text = Text()
    text.append("document ", style="dim")
    text.append(document.title if document is not None else a.document)
    if document is not None:
        text.append(f" ({document.path})", style="dim")
    if a.reference:
        text.append("\n  → cites ", style="dim")
        text.append(a.reference)
    text.append("\n  → claimant ", style="dim")
    if a.claimant is None:
        text.append("unattributed", style="bold yellow")
        text.append(" — the document states it in its own voice", style="dim")
    else:
        text.append(a.claimant, style="bold")
        text.append(f" ({a.claimant_class.value}", style="dim")
        if a.claimant_side:
            text.append(f", {a.claimant_side} side", style="dim")
        text.append(")", style="dim")
        if a.inherited:
            text.append("\n    carried over from an earlier sentence", style="italic yellow")
    if a.evidence:
        text.append("\n    because: ", style="dim")
        text.append(a.evidence, style="italic")
    for hedge in claim.hedges:
        text.append(f"\n  hedge {hedge.kind.value}: ", style="dim")
        text.append(hedge.text, style=HEDGE_STYLE)
    return text


def confidence_text(claim: Claim, history: Sequence[Annotation]) -> Text:
    c = claim.confidence
    override = current_override(history)
    text = Text()
    if override is not None:
        text.append(f"{override.confidence_override:.2f}", style="bold")
        text.append("  reviewer override", style="bold magenta")
        text.append(f" by {override.reviewer}", style="dim")
        if override.override_reason:
            text.append(": ")
            text.append(override.override_reason, style="italic")
        text.append(f"\n  computed: {c.score:.2f} {c.grade}", style="dim")
    else:
        text.append(f"{c.score:.2f} {c.grade}", style="bold")
        if c.overridden:
            text.append("  reviewer override", style="bold magenta")
    for reason in c.reasons:
        text.append("\n  • ")
        text.append(reason)
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
        text.append(conflict.rule, style="bold")
        if verdict is not None:
            text.append(f" ({VERDICT_LABELS[verdict]})", style="dim")
        text.append("\n  ")
        text.append(conflict.explanation)
    text.append("\n  press c to open them", style="dim")
    return text


def _severity_style(severity: str) -> str:
    return {"high": "bold red", "medium": "yellow", "low": "cyan"}.get(severity, "dim")


def history_text(history: Sequence[Annotation]) -> Text:
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
        text.append(a.reviewer, style="bold")
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
            text.append(a.override_reason, style="italic")
            text.append(")", style="dim")
        if a.note:
            text.append("\n    “", style="dim")
            text.append(a.note, style="strike dim" if struck else "italic")
            text.append("”", style="dim")
    return text


def _verdict_style(verdict: Verdict) -> str:
    return VERDICT_MARKS.get(verdict, ("", ""))[1] or ""


def claim_header(claim: Claim, verdict: Verdict | None) -> Text:
    text = Text()
    mark, style = VERDICT_MARKS.get(verdict, VERDICT_MARKS[None])
    text.append(f"{mark} ", style=style)
    text.append(describe_value(claim.value), style="bold")
    text.append(f"  {claim.kind.value}", style="cyan")
    text.append("  about ", style="dim")
    text.append(describe_side(claim.side))
    text.append("\n")
    text.append(VERDICT_LABELS[verdict] if verdict else "unreviewed", style=style if verdict else "dim italic")
    text.append(f"  ·  {claim.document} line {claim.span.line}, col {claim.span.column}", style="dim")
    if claim.section:
        text.append("  ·  § ", style="dim")
        text.append(claim.section, style="dim")
    if claim.side.reason:
        text.append("\nside: ", style="dim")
        text.append(claim.side.reason, style="dim italic")
    return text


def claim_detail(
    claim: Claim,
    document: Document | None,
    conflicts: Sequence[Conflict],
    history: Sequence[Annotation],
    conflict_verdicts: Mapping[str, Verdict],
) -> RenderableType:
    current = current_verdict(history)
    verdict = current.verdict if current else None
    return Group(
        claim_header(claim, verdict),
        Text(),
        heading("Source"),
        source_context(document, claim),
        Text(),
        heading("Attribution"),
        attribution_chain(claim, document),
        Text(),
        heading("Confidence"),
        confidence_text(claim, history),
        Text(),
        heading(f"Conflicts ({len(conflicts)})"),
        conflicts_text(conflicts, conflict_verdicts),
        Text(),
        heading(f"History ({len(history)})"),
        history_text(history),
        Text(f"\nrule {claim.rule} · id {claim.id}", style="dim"),
    )


class ClaimDetail(VerticalScroll, can_focus=True):
    """A scrollable pane showing one claim (or a hint when there is none)."""

    def compose(self) -> ComposeResult:
        yield Static(Text("No claim selected.", style="dim"), id="detail-body")

    def show(self, renderable: RenderableType) -> None:
        self.query_one("#detail-body", Static).update(renderable)

    def show_message(self, message: str) -> None:
        self.show(Text(message, style="dim"))
