"""The HTML report as an editor reads it: one chart per disputed figure on a scale from zero,
rows labelled in full (where, who, which side), the reviewers' verdicts drawn, one legend, a
provenance header and words instead of enum values. Screenshots: README's "Conflicts and
reports" section says how to look at one in headless Chromium."""

from __future__ import annotations

import re

from click.testing import CliRunner

from claims.cli import cli
from claims.reports.html import LOG_ABOVE, _scale, _wrap
from claims.store import ClaimQuery, open_store
from claims.review import new_annotation
from claims.model import Verdict

LEAD = "# Battle of Ostrava Ridge\n\nThe Battle of Ostrava Ridge was fought between Armenia and Azerbaijan in April 1993.\n\n"
LONG_SOURCE = "The Press Service of the Armenian Ministry of Defence of the Republic"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def report(tmp_path, verdict: Verdict | None = None) -> str:
    (tmp_path / "a.md").write_text(LEAD + f"{LONG_SOURCE} said 46 Azerbaijani tanks were destroyed in the battle.\n")
    (tmp_path / "b.md").write_text(LEAD + "Independent analysts at the Caucasus Observatory said 60 Azerbaijani "
                                          "tanks were destroyed in the battle.\n")
    db = str(tmp_path / "claims.db")
    assert invoke("ingest", str(tmp_path / "a.md"), str(tmp_path / "b.md"), "--db", db).exit_code == 0
    if verdict is not None:
        with open_store(db) as store:
            [claim] = store.claims(ClaimQuery(search="46 Azerbaijani"))
            store.annotate(new_annotation(claim, verdict, "ana"))
    result = invoke("report", "--db", db, "--format", "html")
    assert result.exit_code == 0
    return result.output


def test_the_axis_starts_at_zero_and_goes_log_only_past_a_hundredfold() -> None:
    assert _scale([46, 60])[0] == 0 and not _scale([46, 60])[2]
    assert not _scale([10, 10 * LOG_ABOVE])[2]
    assert _scale([10, 10 * LOG_ABOVE + 100])[2]


def test_labels_wrap_and_are_never_cut() -> None:
    words = f"A · {LONG_SOURCE} (belligerent) · side: Azerbaijan"
    lines = _wrap(words)
    assert " ".join(lines) == words and all(len(line) <= 38 for line in lines)


def test_rows_name_where_who_and_which_side_in_full(tmp_path) -> None:
    html = report(tmp_path)
    assert html.count("<svg") == 1
    labels = " ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", html))
    assert "a.md:5" in labels and "b.md:5" in labels
    assert LONG_SOURCE.split()[-1] in labels and "…" not in labels
    assert "side: Azerbaijan" in labels


def test_one_legend_and_a_provenance_header(tmp_path) -> None:
    html = report(tmp_path, Verdict.NEEDS_SOURCE)
    assert html.count('class="legend"') == 1
    head = html[: html.index("<h2")]
    for label in ("Store", "Made", "Tool", "Documents", "Reviewers"):
        assert f"<th>{label}</th>" in head
    assert "<td>ana</td>" in head and "needs source (ana)" in html and "needs_source" not in html


def test_a_rejected_figure_is_drawn_grey_and_marked(tmp_path) -> None:
    html = report(tmp_path, Verdict.REJECTED)
    svg = html[html.index("<svg"): html.index("</svg>")]
    assert re.search(r'fill="#8b93a1" font-weight="600">46 ✗</text>', svg)
    assert re.search(r'font-weight="600">60</text>', svg)


def test_every_figure_links_to_its_document(tmp_path) -> None:
    html = report(tmp_path)
    assert re.search(r'<a href="[^"]*a\.md">[^<]*a\.md:5</a>', html)
