"""The four audit report formats, pinned byte for byte by golden files, and SARIF's structure.

Regenerate the golden files on purpose only: `CLAIMS_UPDATE_GOLDEN=1 pytest tests/test_audit_output.py`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claims.audit import AuditConfig, Finding, Level, run_audit
from claims.audit.rules import RULES, RULES_BY_CODE
from claims.model import Category, Kind
from claims.reports import audit_github, audit_json, audit_sarif, audit_text
from audit_helpers import doc, figure

GOLDEN = Path(__file__).parent / "golden" / "audit"

DRAFT = (
    "# Battle of Examplegrad\n"
    "\n"
    "The garrison lost 600 killed.\n"
    "Northland forces killed 300 Southland soldiers.\n"
    "Some sources say the city was shelled for nine days.\n"
    "“The city will never surrender to the northern invaders.”\n"
    "It was the bloodiest battle of the war. <!-- claims: ignore-next-line CT005 -->\n"
    "The defenders made a heroic stand.\n"
)


def sample_findings() -> list[Finding]:
    d = doc(DRAFT, "drafts/examplegrad.md")
    claims = [figure(d, "600 killed", low=600),
              figure(d, "300 Southland soldiers", kind=Kind.CASUALTIES, category=Category.KILLED)]
    found = list(run_audit([d], claims).findings)
    rule = RULES_BY_CODE["CT004"]
    # Text a renderer must not interpret: control characters, a bidi override, markup, and
    # the characters GitHub's workflow commands and URIs escape.
    found.append(Finding(
        code=rule.code, slug=rule.slug, severity=Level.SUGGESTION,
        message="100% sure: a, b\nnext line [bold]x[/bold] <script>",
        path="drafts/odd name, v2:final.md", line=3, column=5, end_line=4, end_column=2,
        quote="“esc \x1b[31mred\x1b[0m and \u202eevil\u202c\ttab\nnewline”",
        fix=rule.fix, claim_id="c_0123456789ab", fingerprint="0123456789abcdef:1",
    ))
    return sorted(found, key=Finding.sort_key)


RENDERERS = {
    "report.txt": lambda f: audit_text.render(f, suppressed=1, files=1),
    "report.json": audit_json.render,
    "report.github": audit_github.render,
    "report.sarif": lambda f: audit_sarif.render(f, level_of=AuditConfig().level, tool_version="0.0.0-test"),
}


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_golden(name: str) -> None:
    rendered = RENDERERS[name](sample_findings())
    path = GOLDEN / name
    if os.environ.get("CLAIMS_UPDATE_GOLDEN"):
        path.write_bytes(rendered.encode("utf-8"))
    assert rendered.encode("utf-8") == path.read_bytes()


def test_sample_covers_the_text_rules() -> None:
    assert {f.code for f in sample_findings()} == {"CT001", "CT002", "CT003", "CT004", "CT005"}


def test_text_escapes_control_characters() -> None:
    out = audit_text.render(sample_findings())
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\x1b[31mred" in out and "\\u202eevil" in out


def test_github_escapes_properties_and_data() -> None:
    out = audit_github.render(sample_findings())
    line = next(l for l in out.splitlines() if "odd name" in l)
    assert line.startswith("::notice file=drafts/odd name%2C v2%3Afinal.md,line=3,col=5,endLine=4,endColumn=2,")
    assert line.endswith("::100%25 sure: a, b%0Anext line [bold]x[/bold] <script>")
    assert len(out.splitlines()) == len(sample_findings())


def test_json_has_every_field() -> None:
    data = json.loads(audit_json.render(sample_findings()))
    assert set(data[0]) == {"code", "slug", "severity", "message", "path", "line", "column", "end_line",
                            "end_column", "claim_id", "quote", "help", "fingerprint"}


def test_sarif_links_rules_to_their_documentation_when_configured() -> None:
    plain = json.loads(audit_sarif.render(sample_findings(), level_of=AuditConfig().level))
    driver = plain["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver and all("helpUri" not in r for r in driver["rules"])
    assert driver["rules"][0]["help"]["markdown"].startswith("## CT001\n")
    url = "https://example.org/docs/audit-rules.html"
    linked = json.loads(audit_sarif.render(sample_findings(), level_of=AuditConfig().level, rules_url=url))
    driver = linked["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == url
    assert driver["rules"][0]["helpUri"] == url + "#ct001"


def test_sarif_has_the_required_2_1_0_structure() -> None:
    log = json.loads(audit_sarif.render(sample_findings(), level_of=AuditConfig().level))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert isinstance(log["runs"], list) and len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "claims"
    ids = [r["id"] for r in driver["rules"]]
    assert ids == [r.code for r in RULES]
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    for result in log["runs"][0]["results"]:
        assert result["ruleId"] in ids
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note", "none")
        assert result["message"]["text"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"]
        region = physical["region"]
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            assert isinstance(region[key], int) and region[key] >= 1
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])


def test_sarif_uri_is_percent_encoded_and_off_rules_disabled() -> None:
    config = AuditConfig(severities={"CT005": None, "CT003": Level.ERROR})
    log = json.loads(audit_sarif.render(sample_findings(), level_of=config.level))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert "drafts/odd%20name%2C%20v2%3Afinal.md" in uris
    rules = {r["id"]: r["defaultConfiguration"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["CT005"] == {"level": "warning", "enabled": False}
    assert rules["CT003"] == {"level": "error", "enabled": True}
