"""`claims conflicts` pinned by golden files, and `claims report --db` on a real store.

Regenerate the golden files on purpose only: `CLAIMS_UPDATE_GOLDEN=1 pytest tests/test_reports_cli.py`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import KALBAJAR, ROOT, TERTER

from claims.cli import cli
from claims.model import TargetKind, Verdict
from claims.pipeline import load_paths
from claims.api import ClaimQuery, ingest_documents, new_annotation, open_store

GOLDEN = Path(__file__).parent / "golden" / "reports"
FORMATS = {"text": "conflicts.txt", "markdown": "conflicts.md", "json": "conflicts.json"}

HOSTILE = """= Battle of <script>alert(1)</script> =

Infobox
- Conflict: Battle of <script>alert(1)</script>
- Result: <script>alert(2)</script> victory
- Casualties1: 300 killed
- Casualties2: Unknown

The <img src=x onerror=alert(3)> defenders failed to hold the line.
"""


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_conflicts_on_the_seeds_match_the_golden_files(fmt: str) -> None:
    # Run as a user would, from the repository root with a relative path.
    done = subprocess.run(
        [sys.executable, "-m", "claims", "conflicts", "seeds", "--format", fmt],
        cwd=ROOT, capture_output=True, check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    path = GOLDEN / FORMATS[fmt]
    if os.environ.get("CLAIMS_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(done.stdout)
    assert done.stdout == path.read_bytes()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def reviewed_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A store of the seeds and a hostile document, reviewed, then the Terter seed edited (a
    SQLite file, then a PostgreSQL schema)."""
    tmp = tmp_path_factory.mktemp("report")
    folder = tmp / "docs"
    folder.mkdir()
    for seed in (TERTER, KALBAJAR):
        shutil.copy(seed, folder / seed.name)
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = tmp / "claims.db" if request.param == "sqlite" else request.getfixturevalue("pg_cluster").new_store_url()
    loaded = load_paths([str(folder)])
    with open_store(db) as store:
        ingest_documents(store, loaded.documents, loaded.claims)
    with open_store(db) as store:
        killed = store.claims(ClaimQuery(search="600 killed"))[0]
        result = next(k for k in store.conflicts() if k.rule == "R-RESULT-BODY" and "Terter" in (k.subject or ""))
        store.annotate(new_annotation(killed, Verdict.DISPUTED, "ana", note="Which side counted these?"))
        account = next(store.claim(c) for c in result.claims if store.claim(c).field is None)  # type: ignore[union-attr]
        store.annotate(new_annotation(account, Verdict.NOTE, "ben", note="Ask the <b>author</b> & editor"))
        store.annotate(new_annotation(result, Verdict.RESOLVED, "cyd", note="Victory short of its aims"))
    # An edit before the account moves claims and conflicts to new ids; the review follows.
    edited = folder / TERTER.name
    edited.write_text(edited.read_text(encoding="utf-8").replace("==Battle==\n", "==Battle==\nIt rained.\n", 1),
                      encoding="utf-8")
    loaded = load_paths([str(edited)])
    with open_store(db) as store:
        ingest_documents(store, loaded.documents, loaded.claims)
    with open_store(db) as store:
        assert store.orphaned_annotations() == []
        conflict_ids = set(store.current_verdicts(TargetKind.CONFLICT))
    outputs = {}
    for fmt in ("markdown", "html", "json"):
        out = tmp / f"report.{fmt}"
        result = CliRunner().invoke(cli, ["report", "--db", str(db), "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        outputs[fmt] = out.read_text(encoding="utf-8")
    return {"outputs": outputs, "conflicts": conflict_ids, "db": db}


def test_report_of_one_event_without_passed_checks(reviewed_store: dict) -> None:
    result = CliRunner().invoke(cli, ["report", "--db", str(reviewed_store["db"]), "--format", "markdown",
                                      "-o", "-", "--event", "terter", "--hide-consistent"])
    assert result.exit_code == 0, result.output
    assert "## Terter operation" in result.output
    assert "## Operation Kalbajar" not in result.output
    assert "R-SUM-PARTS" not in result.output  # 8 + 5 + 15 = 28 passed: hidden
    missing = CliRunner().invoke(cli, ["report", "--db", str(reviewed_store["db"]), "-o", "-", "--event", "Borodino"])
    assert missing.exit_code == 2 and "Borodino" in missing.output


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_report_shows_reviewers_verdicts_and_notes(reviewed_store: dict, fmt: str) -> None:
    page = reviewed_store["outputs"][fmt]
    assert "Which side counted these?" in page
    assert "disputed (ana)" in page  # the claim's verdict in the competing-figures table
    assert "Victory short of its aims" in page and "resolved" in page and "cyd" in page
    assert "Ask the &lt;b&gt;author&lt;/b&gt; &amp; editor" in page


def test_json_report_carries_verdicts_and_notes(reviewed_store: dict) -> None:
    data = json.loads(reviewed_store["outputs"]["json"])
    assert data["schema"] == "claims/1"
    (conflict,) = [k for k in data["conflicts"] if "verdict" in k]
    assert conflict["id"] in reviewed_store["conflicts"]
    assert conflict["verdict"]["verdict"] == "resolved" and conflict["verdict"]["reviewer"] == "cyd"
    (claim,) = [c for c in data["claims"] if "verdict" in c]
    assert claim["span"]["quote"] == "600 killed" and claim["verdict"]["verdict"] == "disputed"
    assert [n["note"] for n in claim["notes"]] == ["Which side counted these?"]
    # A note on a claim the edit moved is shown on the claim it is attached to now.
    (moved,) = [c for c in data["claims"] if c.get("notes") and "verdict" not in c]
    assert "failed to achieve their goals" in moved["span"]["quote"]
    assert [n["note"] for n in moved["notes"]] == ["Ask the <b>author</b> & editor"]
    assert any("<script>" in c["span"]["quote"] for c in data["claims"])  # JSON keeps the text as data


def test_html_report_is_self_contained_and_escapes_document_text(reviewed_store: dict) -> None:
    page = reviewed_store["outputs"]["html"]
    external = re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert external == [] and "@import" not in page
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "Battle of &lt;script&gt;alert(1)&lt;/script&gt;" in page  # the title, in a heading and a citation


def test_markdown_report_escapes_document_text(reviewed_store: dict) -> None:
    page = reviewed_store["outputs"]["markdown"]
    assert "<script" not in page.lower() and "&lt;script&gt;" in page


def _store_report(db: Path | str, listed_checks: int):
    from claims.api import TargetKind, attached
    from claims.reports import report_from_store

    with open_store(db) as store:
        documents = [store.document(info.id) for info in store.documents()]
        annotations = attached(store.annotations(), store.current_targets())
        verdicts = {**store.current_verdicts(TargetKind.CLAIM), **store.current_verdicts(TargetKind.CONFLICT)}
        return report_from_store(store, documents, annotations, verdicts=verdicts, listed_checks=listed_checks)


def test_a_page_on_a_store_reads_only_its_claims_and_says_the_same(reviewed_store: dict) -> None:
    from claims.api import TargetKind, attached
    from claims.reports import build_report, html, markdown

    db = reviewed_store["db"]
    with open_store(db) as store:
        documents = [store.document(info.id) for info in store.documents()]
        annotations = attached(store.annotations(), store.current_targets())
        verdicts = {**store.current_verdicts(TargetKind.CLAIM), **store.current_verdicts(TargetKind.CONFLICT)}
        full = build_report(documents, store.claims(), store.conflicts(), annotations, verdicts=verdicts)
        stored = store.count_claims()
    lean = _store_report(db, listed_checks=10_000)
    assert len(lean.claims) < stored
    assert html.render(lean) == html.render(full) and markdown.render(lean) == markdown.render(full)


def test_past_the_limit_consistent_checks_are_counted_and_the_page_says_so(reviewed_store: dict) -> None:
    from claims.model import Outcome
    from claims.reports import html, markdown, totals_line

    listed = _store_report(reviewed_store["db"], listed_checks=10_000)
    counted = _store_report(reviewed_store["db"], listed_checks=0)
    checks = listed.totals()[Outcome.CONSISTENT]
    assert checks and counted.tallied_checks() == checks
    assert totals_line(counted) == totals_line(listed)
    assert not any(k.outcome is Outcome.CONSISTENT for k in counted.conflicts)
    assert [k.id for k in counted.conflicts] == [k.id for k in listed.conflicts if k.outcome is not Outcome.CONSISTENT]
    page, md = html.render(counted), markdown.render(counted)
    assert "counted per event and rule, not listed" in page and "counted per event and rule, not listed" in md
    assert "Checked and consistent, counted here and not listed: R-" in page
    assert "checked and consistent" not in page  # no consistent finding is listed
