"""Audit findings as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every rule is described in `runs[0].tool.driver.rules` (with its configured level, and
`enabled: false` when config turns it off); results point at their rule by id and index.
Columns count Unicode code points (`columnKind`), as the audit's do.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import quote

from claims.api import AUDIT_RULES, Finding, Level, explain_markdown, json_text

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.SUGGESTION: "note"}
FINGERPRINT_KEY = "claimsAudit/v1"


def artifact_uri(path: str) -> str:
    """A relative path as a relative URI reference; an absolute one as a `file:` URI."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(os.path.normpath(path).replace(os.sep, "/"), safe="/")


def render(
    findings: Sequence[Finding],
    *,
    level_of: Callable[[str], Level | None] | None = None,
    tool_version: str = "0.0.0",
    rules_url: str | None = None,
) -> str:
    """``level_of(code)`` is the configured level of a rule, None when it is off; ``rules_url``
    the page documenting the rules (each rule's ``helpUri`` is its anchor there)."""
    rules = []
    index = {}
    for position, rule in enumerate(AUDIT_RULES):
        index[rule.code] = position
        configured = level_of(rule.code) if level_of is not None else rule.severity
        enabled = configured is not None
        if configured is None:
            configured = rule.severity
        described = {
            "id": rule.code,
            "name": rule.slug,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.explanation},
            # Viewers (GitHub code scanning) show `help.markdown` beside each alert.
            "help": {"text": rule.fix, "markdown": explain_markdown(rule)},
            "defaultConfiguration": {"level": LEVEL[configured], "enabled": enabled},
        }
        if rules_url:
            described["helpUri"] = f"{rules_url}#{rule.code.lower()}"
        rules.append(described)
    results = []
    for f in findings:
        results.append({
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(f.path)},
                    "region": {
                        "startLine": f.line,
                        "startColumn": f.column,
                        "endLine": f.end_line,
                        "endColumn": f.end_column,
                        "snippet": {"text": f.quote},
                    },
                }
            }],
            "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        })
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claims", "version": tool_version, "rules": rules,
                **({"informationUri": rules_url} if rules_url else {}),
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json_text(log) + "\n"

