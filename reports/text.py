"""Plain text for terminals and CI logs: one block per finding, grouped by event."""

from __future__ import annotations

import textwrap

from claims.api import Outcome, printable
from claims.reports import OUTCOME_LABELS, Report


def render(report: Report, *, width: int = 100, include_consistent: bool = True) -> str:
    lines: list[str] = []
    for event in report.events:
        shown = [k for k in event.conflicts if include_consistent or k.outcome is not Outcome.CONSISTENT]
        if not shown:
            continue
        lines.append(printable(f"{event.name} ({len(event.documents)} document{'s' if len(event.documents) != 1 else ''})"))
        for k in shown:
            head = f"  {k.severity.value:<6} {OUTCOME_LABELS[k.outcome]:<19} {k.rule}"
            verdict = report.verdicts.get(k.id)
            if verdict is not None:
                head += f"  [reviewed: {verdict.verdict.value} by {verdict.reviewer}]"
            lines.append(printable(head))
            for line in textwrap.wrap(printable(k.explanation), width=width - 6):
                lines.append("      " + line)
        lines.append("")
    totals = report.totals()
    lines.append(
        f"{totals[Outcome.CONFLICT]} conflicts, {totals[Outcome.INDETERMINATE]} to decide, "
        f"{totals[Outcome.IDENTITY]} identities, {totals[Outcome.CONSISTENT]} consistent checks "
        f"in {len(report.events)} events"
    )
    return "\n".join(lines) + "\n"
