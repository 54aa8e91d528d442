"""Markdown for a wiki talk page or an issue tracker: the grouping, a summary table, then each
finding with its claims side by side (a disputed quantity: one row per estimate, then what the
pairs of estimates say). Document text is escaped so it cannot become markup or HTML."""

from __future__ import annotations

import re

from claims.api import Claim, Conflict, Outcome, describe_claimant, describe_value, quantity_label, relation_lines
from claims.reports import OUTCOME_LABELS, Report, human, place, rule_title, tallied_line, totals_line

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_LINE_START = re.compile(r"^([#>+\-=])|^(\d+)([.)])")


def escape(text: str) -> str:
    """Text shown literally in Markdown: markup characters backslashed, HTML entities escaped."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else f"{m.group(2)}\\{m.group(3)}", text)


def _where(report: Report, claim: Claim) -> str:
    return f"{report.where(claim)} ({place(claim)})"


def _confidence(claim: Claim) -> str:
    c = claim.confidence
    return f"{c.grade} ({c.score:.2f}){' reviewer override' if c.overridden else ''}"


def _claim_rows(report: Report, k: Conflict) -> list[str]:
    dispute = k.dispute is not None
    rows = [("| Estimate " if dispute else "") + "| Figure | Quote | Document | Where | Claimant | Confidence | Verdict |",
            ("|---" if dispute else "") + "|---|---|---|---|---|---|---|"]
    table, left = report.table(k)
    for cid, label, c in table:
        lead = f"| {escape(label)} " if dispute else ""
        if c is None:
            rows.append(f"{lead}| {escape(cid)} | (claim not found) | | | | | |")
            continue
        cells = [describe_value(c.value), c.span.quote, report.document_title(c.document), _where(report, c),
                 describe_claimant(c), _confidence(c), report.verdict_of(cid)]
        rows.append(lead + "| " + " | ".join(escape(x) for x in cells) + " |")
    rows += [("| " if dispute else "") + f"| … and {escape(line)} | | | | | | |" for line in left]
    return rows


def grouping(report: Report) -> list[str]:
    """`## Grouping`: each event's documents, why they are one event, and versions of one article."""
    out = ["## Grouping", ""]
    for e in report.events:
        out.append(f"- **{escape(e.name)}**: " + ", ".join(f"`{escape(report.document_path(d))}`" for d in e.documents))
        for why in e.why:
            out.append(f"  - {escape(why)}")
        for group, why in zip(e.versions, e.version_why):
            out.append("  - versions of one article: " + ", ".join(escape(report.document_path(d)) for d in group)
                       + f" ({escape(why)})")
    return out


def render(report: Report, *, include_consistent: bool = True) -> str:
    out = [f"# {escape(report.title)}", ""]
    out.append(totals_line(report) + ".")
    if report.tallied_checks():
        out += ["", escape(tallied_line(report))]
    if report.provenance:
        out += [""] + [f"- **{escape(k)}:** {escape(v)}" for k, v in report.provenance]
    out += [""] + grouping(report)
    out += ["", "| Event | Documents | Conflicts | To decide | Identities | Consistent |", "|---|---|---|---|---|---|"]
    for e in report.events:
        out.append(f"| {escape(e.name)} | {len(e.documents)} | {e.count(Outcome.CONFLICT)} | "
                   f"{e.count(Outcome.INDETERMINATE)} | {e.count(Outcome.IDENTITY)} | {e.count(Outcome.CONSISTENT)} |")
    for e in report.events:
        shown = [k for k in e.conflicts if include_consistent or k.outcome is not Outcome.CONSISTENT]
        counted = e.tallied if include_consistent else ()
        if not shown and not counted:
            continue
        out += ["", f"## {escape(e.name)}", "",
                "Documents: " + ", ".join(f"`{escape(report.document_path(d))}`" for d in e.documents)]
        if counted:
            out += ["", "Checked and consistent, counted here and not listed: "
                    + ", ".join(f"{escape(rule)} × {n:,}" for rule, n in counted) + "."]
        for k in shown:
            if k.outcome is Outcome.CONSISTENT:
                # The rule's title names what it looks for; a passed check must not read as found.
                head = f"{escape(k.rule)}: checked and consistent (the rule looks for: {escape(rule_title(k.rule))})"
            else:
                head = f"{escape(k.rule)}: {escape(rule_title(k.rule))} ({k.severity.value}, {OUTCOME_LABELS[k.outcome]})"
            out += ["", f"### {head}", ""]
            v = report.verdicts.get(k.id)
            if v is not None:
                out += [f"**Reviewed:** {escape(human(v.verdict.value))} by {escape(v.reviewer)}"
                        + (f": {escape(v.note)}" if v.note else ""), ""]
            if k.dispute is not None:
                out += [f"**{escape(quantity_label(k.dispute))}**", ""]
                out += _claim_rows(report, k)
                out += [""] + [escape(line) for line in relation_lines(k.dispute, k.outcome)]
            else:
                out += [escape(k.explanation), ""]
                out += _claim_rows(report, k)
            for cid in (k.id, *k.claims):
                for note in report.notes.get(cid, ()):
                    out.append(f"\n> Note by {escape(note.reviewer)}: {escape(note.note)}")
    return "\n".join(out) + "\n"
