"""Audit findings as GitHub Actions workflow commands (annotations on the pull request).

`::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CT001 unattributed-figure::message`;
suggestions become `::notice`. Values are escaped as the Actions runner expects: `%`, CR and
LF everywhere, and also `:` and `,` in properties.
"""

from __future__ import annotations

from collections.abc import Sequence

from claims.api import Finding, Level, printable

COMMAND = {Level.ERROR: "error", Level.WARNING: "warning", Level.SUGGESTION: "notice"}


def escape_data(text: str) -> str:
    """`%`, CR and LF as the runner expects; other control characters shown as escapes, since
    the log is read in a terminal."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(text)


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(findings: Sequence[Finding]) -> str:
    lines = []
    for f in findings:
        props = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (
                ("file", f.path.replace("\\", "/")),
                ("line", f.line),
                ("col", f.column),
                ("endLine", f.end_line),
                ("endColumn", f.end_column),
                ("title", f"{f.code} {f.slug}"),
            )
        )
        lines.append(f"::{COMMAND[f.severity]} {props}::{escape_data(f.message)}")
    return "".join(line + "\n" for line in lines)
