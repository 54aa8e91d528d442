"""Document text is data in every renderer: never markup, HTML, or terminal control sequences.

Hostile strings (Rich markup, HTML, Markdown table syntax, ESC sequences, bidi overrides,
GitHub workflow commands) are planted in a document's infobox, prose and file name; every
output format must show them as text.
"""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims import reports
from claims.audit.engine import run_audit
from claims.cli.documents import claim_line
from claims.confidence import assess
from claims.extract import extract_document
from claims.jsonout import paths_of
from claims.readers import read_text
from claims.reconcile import reconcile
from claims.reports import audit_github, audit_json, audit_sarif, audit_text, html, json_report, markdown, text

HOSTILE = [
    "[bold red]x[/bold red]",
    "[/x]",
    "[link=https://evil.example]click[/link]",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "| col | --- |",
    "**bold** _em_ `code`",
    "\x1b[2J\x1b[31mred",
    "\x1b]8;;https://evil.example\x07link\x1b]8;;\x07",
    "\u202eevil\u202c",
    "\r overwritten",
    "::error file=x::injected",
    "%0A%0D",
]
# Terminal control characters other than newline and tab must never reach a terminal raw.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")

hostile = st.lists(st.sampled_from(HOSTILE) | st.text(alphabet="<>[]|*_`\\/&\"' x\x1b\r", max_size=8), min_size=1, max_size=3).map(" ".join)


def hostile_document(payload: str, name: str = "doc.txt"):
    text = (
        f"= Battle of {payload} =\n\nInfobox\n"
        f"- Result: {payload} victory\n"
        f"- Casualties1: 300 killed {payload}\n"
        f"- Casualties2: 900 killed\n\n"
        f"==Battle {payload}==\n"
        f"According to {payload}, 5,000 soldiers were killed. The deadliest battle of the war {payload}. "
        f"“{payload} said nothing of the kind to anyone here” was written on the wall.\n"
    )
    return read_text(text, name)


def render_everything(payload: str) -> dict[str, str]:
    document = hostile_document(payload, f"doc{payload[:10]}.txt")
    claims = extract_document(document)
    conflicts = reconcile([document], claims)
    claims = assess(claims, conflicts)
    report = reports.build_report([document], claims, conflicts)
    audit = run_audit([document], claims)
    paths = paths_of([document])
    return {
        "claim_lines": "\n".join(claim_line(c, paths) for c in claims),
        "text_report": text.render(report),
        "markdown": markdown.render(report),
        "html": html.render(report),
        "json": json_report.render(report),
        "audit_text": audit_text.render(audit.findings),
        "audit_github": audit_github.render(audit.findings),
        "audit_json": audit_json.render(audit.findings),
        "audit_sarif": audit_sarif.render(audit.findings),
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile)
def test_terminal_outputs_carry_no_control_sequences(payload):
    out = render_everything(payload)
    for name in ("claim_lines", "text_report", "audit_text", "audit_github"):
        assert not CONTROL.search(out[name]), (name, out[name])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile)
def test_html_escapes_document_text(payload):
    page = render_everything(payload)["html"]
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "evil.example\"" not in page
    # The only tags are the report's own: every '<' starts a known element or comment.
    for tag in re.findall(r"<\s*/?\s*([a-zA-Z!][\w-]*)", page):
        assert tag.lower() in ALLOWED_TAGS, tag


ALLOWED_TAGS = {
    "!doctype", "html", "head", "meta", "title", "style", "body", "header", "main", "section",
    "article", "h1", "h2", "h3", "h4", "p", "div", "span", "table", "thead", "tbody", "tr", "th",
    "td", "caption", "ul", "ol", "li", "a", "svg", "g", "line", "rect", "text", "path", "polygon",
    "circle", "title", "desc", "details", "summary", "small", "strong", "em", "code", "blockquote",
    "q", "figure", "figcaption", "nav", "footer", "br", "hr", "mark", "abbr", "sup", "sub", "dl",
    "dt", "dd", "col", "colgroup", "b", "i", "tspan", "defs", "marker", "polyline", "!--", "time", "label",
}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile)
def test_markdown_tables_keep_their_shape(payload):
    md = render_everything(payload)["markdown"]
    assert "<script>" not in md
    separators = re.compile(r"(?<!\\)\|")
    for block in re.split(r"\n(?!\|)", md):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        if rows:
            widths = {len(separators.findall(row)) for row in rows}
            assert len(widths) == 1, rows


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile)
def test_json_outputs_are_valid_and_round_trip_the_text(payload):
    out = render_everything(payload)
    for name in ("json", "audit_json", "audit_sarif"):
        json.loads(out[name])


def test_github_annotations_cannot_be_split_by_content():
    out = render_everything("::error file=x::injected\n::warning::second %0A")["audit_github"]
    for line in out.splitlines():
        assert line.startswith(("::error file=doc", "::warning file=doc", "::notice file=doc"))
