"""Every output format by name, so a command looks its renderer up instead of branching.

A new format is one renderer module and one entry here: :data:`REPORT_FORMATS` for conflict
reports (a :class:`~claims.reports.Report`), :data:`AUDIT_FORMATS` for audit findings (an
:class:`AuditOutput`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from attrs import frozen

from claims.api import Finding, Level
from claims.reports import Report, audit_github, audit_json, audit_sarif, audit_text, html, json_report, markdown, text


@frozen
class AuditOutput:
    """What an audit renderer may show: the findings and the run around them."""

    findings: Sequence[Finding]
    level_of: Callable[[str], Level | None]
    """A rule code's configured level (None: the rule is off)."""
    tool_version: str = "0.0.0"
    suppressed: int = 0
    """Findings suppressed by inline comments."""
    accepted: int = 0
    """Findings accepted by the baseline."""
    files: int | None = None
    rules_url: str | None = None
    """The rules' documentation page, for links from SARIF (None: no links)."""


REPORT_FORMATS: dict[str, Callable[[Report, bool], str]] = {
    "text": lambda report, consistent: text.render(report, include_consistent=consistent),
    "markdown": lambda report, consistent: markdown.render(report, include_consistent=consistent),
    "html": lambda report, consistent: html.render(report, include_consistent=consistent),
    # Machines get every finding; they can filter on `outcome`.
    "json": lambda report, consistent: json_report.render(report),
}
"""Format name -> ``render(report, include_consistent)``."""

AUDIT_FORMATS: dict[str, Callable[[AuditOutput], str]] = {
    "text": lambda out: audit_text.render(
        out.findings, suppressed=out.suppressed, accepted=out.accepted, files=out.files
    ),
    "json": lambda out: audit_json.render(out.findings),
    "github": lambda out: audit_github.render(out.findings),
    "sarif": lambda out: audit_sarif.render(
        out.findings, level_of=out.level_of, tool_version=out.tool_version, rules_url=out.rules_url
    ),
}
"""Format name -> ``render(output)``."""


def render_report(fmt: str, report: Report, *, include_consistent: bool = True) -> str:
    """The report in the named format (one of :data:`REPORT_FORMATS`)."""
    return REPORT_FORMATS[fmt](report, include_consistent)


def report_chunks(fmt: str, report: Report, *, include_consistent: bool = True) -> Iterable[str]:
    """:func:`render_report` in pieces to write one after another (an HTML page an event at a
    time; the other formats whole)."""
    if fmt == "html":
        return html.chunks(report, include_consistent=include_consistent)
    return (render_report(fmt, report, include_consistent=include_consistent),)


def render_audit(fmt: str, output: AuditOutput) -> str:
    """The audit's findings in the named format (one of :data:`AUDIT_FORMATS`)."""
    return AUDIT_FORMATS[fmt](output)
