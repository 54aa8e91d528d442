"""Audit findings as text: `path:line:col: severity CODE message`, then the quote, indented.

Document text is shown as text: control characters (and bidirectional overrides, which can
make a line read differently from what it contains) are escaped, and whitespace runs, line
breaks included, become one space.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from claims.api import Finding, Level, printable

QUOTE_LIMIT = 200
def display(text: str, limit: int | None = None) -> str:
    """One line of document text, safe to print in a terminal."""
    flat = re.sub(r"[ \t\r\n]+", " ", text).strip()
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return printable(flat)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(findings: Sequence[Finding], *, suppressed: int = 0, accepted: int = 0, files: int | None = None) -> str:
    counts = Counter(f.severity for f in findings)
    parts = [_plural(counts[level], level.value) for level in Level if counts[level]]
    text = f"Found {_plural(len(findings), 'finding')}" + (f" ({', '.join(parts)})" if parts else "")
    if files is not None:
        text += f" in {_plural(files, 'file')}"
    extras = []
    if accepted:
        extras.append(f"{accepted} accepted in the baseline")
    if suppressed:
        extras.append(f"{suppressed} suppressed inline")
    if extras:
        text += "; " + ", ".join(extras)
    return text + "."


def render(
    findings: Sequence[Finding], *, suppressed: int = 0, accepted: int = 0, files: int | None = None
) -> str:
    lines = []
    for f in findings:
        lines.append(f"{printable(f.path)}:{f.line}:{f.column}: {f.severity.value} {f.code} {printable(f.message)}")
        lines.append(f"    {display(f.quote, QUOTE_LIMIT)}")
    lines.append(summary(findings, suppressed=suppressed, accepted=accepted, files=files))
    return "\n".join(lines) + "\n"
