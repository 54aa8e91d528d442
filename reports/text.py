"""Plain text for terminals and CI logs: the grouping, then one block per finding, by event.

A disputed quantity is one block: its estimates one per line (label, figure, claimant, file and
line, restatements), then what the pairs of estimates say.
"""

from __future__ import annotations

import textwrap

from claims.api import Conflict, Outcome, describe_value, estimate_labels, printable, quantity_label, relation_lines
from claims.reports import OUTCOME_LABELS, EventReport, Report, human, totals_line


def grouping_lines(report: Report, *, width: int = 100) -> list[str]:
    """`Grouping:` and, per event, its documents, why they are one event and their versions."""
    lines = ["Grouping:"]
    for event in report.events:
        docs = ", ".join(report.document_path(d) for d in event.documents)
        lines += textwrap.wrap(printable(f"{event.name}: {docs}"), width=width - 2,
                               initial_indent="  ", subsequent_indent="    ")
        for why in event.why:
            lines += textwrap.wrap(printable(why), width=width - 4, initial_indent="    - ", subsequent_indent="      ")
        for group, why in zip(event.versions, event.version_why):
            text = f"versions of one article: {', '.join(report.document_path(d) for d in group)} ({why})"
            lines += textwrap.wrap(printable(text), width=width - 4, initial_indent="    = ",
                                   subsequent_indent="      ")
    return lines + [""]


def _dispute_lines(report: Report, k: Conflict, width: int) -> list[str]:
    d = k.dispute
    assert d is not None
    lines = [printable(f"      {quantity_label(d)}")]
    labels = estimate_labels(len(d.estimates))
    for label, e in zip(labels, d.estimates):
        first = report.claims.get(e.claims[0]) if e.claims else None
        if first is None:
            lines.append(f"        {label}  (claim {e.claims[0] if e.claims else '?'} not in the report)")
            continue
        who = first.attribution.claimant or "no claimant"
        again = [report.where(c) for cid in e.claims[1:4] if (c := report.claims.get(cid)) is not None]
        more = f"; restated at {', '.join(again)}{', …' if len(e.claims) > 4 else ''}" if again else ""
        row = f"{label}  {describe_value(first.value)}  ({who}; {report.where(first)}{more})"
        lines += textwrap.wrap(printable(row), width=width - 8, initial_indent="        ",
                               subsequent_indent="           ")
    for sentence in relation_lines(d, k.outcome):
        lines += textwrap.wrap(printable(sentence), width=width - 6, initial_indent="      ",
                               subsequent_indent="      ")
    return lines


def _event_lines(report: Report, event: EventReport, width: int, include_consistent: bool) -> list[str]:
    shown = [k for k in event.conflicts if include_consistent or k.outcome is not Outcome.CONSISTENT]
    if not shown:
        return []
    n = len(event.documents)
    lines = [printable(f"{event.name} ({n} document{'s' if n != 1 else ''})")]
    for k in shown:
        head = f"  {k.severity.value:<6} {OUTCOME_LABELS[k.outcome]:<19} {k.rule}"
        verdict = report.verdicts.get(k.id)
        if verdict is not None:
            head += f"  [reviewed: {human(verdict.verdict.value)} by {verdict.reviewer}]"
        lines.append(printable(head))
        if k.dispute is not None:
            lines += _dispute_lines(report, k, width)
        else:
            for line in textwrap.wrap(printable(k.explanation), width=width - 6):
                lines.append("      " + line)
    lines.append("")
    return lines


def render(report: Report, *, width: int = 100, include_consistent: bool = True) -> str:
    lines = grouping_lines(report, width=width)
    for event in report.events:
        lines += _event_lines(report, event, width, include_consistent)
    lines.append(totals_line(report))
    return "\n".join(lines) + "\n"
