"""Audit findings as a JSON list (through the project's one converter)."""

from __future__ import annotations

from collections.abc import Sequence

from claims.api import Finding, json_text, to_data

FIELDS = (
    "code", "slug", "severity", "message", "path", "line", "column", "end_line", "end_column",
    "claim_id", "quote", "help", "fingerprint",
)


def finding_data(finding: Finding) -> dict:
    data = to_data(finding)
    data["severity"] = finding.severity.value
    # `help`: what to do, in words (ruff's JSON keeps `fix` for machine edits; this is none).
    data["help"] = data.pop("fix")
    return {key: data[key] for key in FIELDS}


def render(findings: Sequence[Finding]) -> str:
    return json_text([finding_data(f) for f in findings]) + "\n"
