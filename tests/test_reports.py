"""Reports: JSON schema, Markdown and HTML escaping of document text, the chart, the CLI."""

from __future__ import annotations

import datetime as dt
import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.confidence import assess
from claims.model import Annotation, Category, Conflict, Dispute, Estimate, Kind, Outcome, TargetKind, Verdict
from claims.model import Severity
from claims.reconcile import reconcile
from claims.reports import STATEMENTS_SHOWN, build_report, table_rows
from claims.reports import html as html_report
from claims.reports import json_report, markdown, text
from test_reconcile_fixtures import claim, make_doc, q, seeds

EVIL = "<script>alert(1)</script> [bold]x[/bold] | *a* _b_"


def evil_report(annotations=()):
    body = f"Losses: 1,100 killed {EVIL} | 879 killed {EVIL}\n"
    d = make_doc("e", f"Battle of {EVIL}", body, belligerents=("Northland", "Southland"))
    a = claim(d, f"1,100 killed {EVIL}", Kind.CASUALTIES, q(1100), column=1, field="Casualties1",
              claimant="A", )
    b = claim(d, f"879 killed {EVIL}", Kind.CASUALTIES, q(879), column=1, field="Casualties1", claimant="B")
    conflicts = reconcile([d], [a, b])
    return build_report([d], assess([a, b], conflicts, annotations, documents=[d]), conflicts, annotations)


def seed_report():
    docs, claims = seeds()
    conflicts = reconcile(docs, claims)
    return build_report(docs, assess(claims, conflicts, documents=docs), conflicts)


def test_json_schema() -> None:
    data = json.loads(json_report.render(seed_report()))
    assert data["schema"] == "claims/1"
    assert {"id", "rule", "severity", "claims", "explanation", "outcome"} <= set(data["conflicts"][0])
    ids = {c["id"] for c in data["claims"]}
    assert all(cid in ids for k in data["conflicts"] for cid in k["claims"])
    assert data["claims"][0]["value"]["type"] in {"quantity", "date", "person", "unit", "text"}


def test_html_escapes_document_text() -> None:
    page = html_report.render(evil_report())
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[bold]x[/bold]" in page  # shown as text, not interpreted
    assert "http://" not in page and "https://" not in page  # offline: nothing to fetch
    assert "<svg" in page and "@media print" in page


def test_markdown_escapes_table_cells() -> None:
    md = markdown.render(evil_report())
    assert "<script>" not in md and "&lt;script&gt;" in md
    rows = [line for line in md.splitlines() if line.startswith("| ") and "879" in line]
    assert rows
    for row in rows:
        cells = re.split(r"(?<!\\)\|", row)
        assert len(cells) == 10  # 8 cells (estimate, figure, ...), no extra column from a `|` in the quote
    assert "\\*a\\*" in md and "\\_b\\_" in md


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet="<>&\"'[]/|*_`#x ", min_size=1, max_size=30))
def test_html_never_leaks_markup(s: str) -> None:
    d = make_doc("z", "Battle of Foo", f"Result: {s}\n")
    from claims.model import TextValue

    c = claim(d, s, Kind.RESULT, TextValue(s), field="Result")
    from claims.model import Conflict, Severity

    k = Conflict.create(rule="R-INTERVAL", severity=Severity.LOW, claims=(c.id,), explanation=s)
    page = html_report.render(build_report([d], [c], [k]))
    assert "<" + "script" not in page.lower() or "<script" not in s
    body = page.split("<body>", 1)[1]
    assert s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;") \
        .replace("'", "&#x27;") in body


def test_chart_shows_open_ended_and_approximate() -> None:
    page = html_report.render(seed_report())
    assert "Sum" in page and "polygon" in page  # the sum row, arrows and diamonds


def test_text_and_verdicts() -> None:
    report = seed_report()
    k = next(k for k in report.conflicts if k.rule == "R-RESULT-BODY")
    note = Annotation(id="n1", target_kind=TargetKind.CONFLICT, target_id=k.id, verdict=Verdict.OPEN, reviewer="ana",
                      created_at=dt.datetime(2024, 1, 1), note="ask the <author>")
    docs, claims = seeds()
    conflicts = reconcile(docs, claims)
    r = build_report(docs, claims, conflicts, [note])
    out = text.render(r)
    assert "R-RESULT-BODY" in out and "reviewed: open by ana" in out
    assert "ask the &lt;author&gt;" in html_report.render(r)
    assert "ask the &lt;author&gt;" in markdown.render(r)


def test_cli_conflicts_on_hand_files(tmp_path) -> None:
    from click.testing import CliRunner

    from claims.cli import cli

    result = CliRunner().invoke(cli, ["conflicts", "--help"])
    assert result.exit_code == 0 and "--format" in result.output
    result = CliRunner().invoke(cli, ["report", "--help"])
    assert result.exit_code == 0 and "--db" in result.output
    bad = tmp_path / "g.json"
    bad.write_text("[1, 2]")
    result = CliRunner().invoke(cli, ["conflicts", str(tmp_path), "--grouping", str(bad)])
    assert result.exit_code == 2


def test_documents_with_the_same_title_are_named_by_file() -> None:
    a = make_doc("2006.txt", "Battle of Foo", "In 1991, 1,100 soldiers were killed.")
    b = make_doc("2010.txt", "Battle of Foo", "In 1991, 879 soldiers were killed.")
    c = make_doc("bar.txt", "Battle of Bar", "Nothing.")
    claims = [claim(a, "1,100 soldiers", Kind.CASUALTIES, q(1100), side_name="Croatia"),
              claim(b, "879 soldiers", Kind.CASUALTIES, q(879), side_name="Croatia")]
    report = build_report([a, b, c], claims, reconcile([a, b, c], claims))
    assert report.document_title("2006.txt") == "Battle of Foo (2006.txt)"
    assert report.document_title("bar.txt") == "Battle of Bar"
    assert "Battle of Foo (2010.txt)" in markdown.render(report)


def test_a_large_dispute_lists_a_few_statements_of_each_estimate_and_counts_the_rest() -> None:
    a = tuple(f"a{i}" for i in range(STATEMENTS_SHOWN + 2))
    dispute = Dispute(event="e", kind=Kind.CASUALTIES, category=Category.KILLED, side="-", side_name=None,
                      scope="whole event", lost=False, estimates=(Estimate(a, "s1"), Estimate(("b0",), "s2")))
    k = Conflict.create(rule="R-INTERVAL", severity=Severity.HIGH, claims=(*a, "b0"), explanation="x",
                        outcome=Outcome.CONFLICT, dispute=dispute)
    rows, left = table_rows(k)
    assert rows == [("a0", "A"), *[(cid, "A, restated") for cid in a[1:STATEMENTS_SHOWN]], ("b0", "B")]
    assert left == ["2 more statements of estimate A, not listed"]
