"""`claims audit` as a user runs it: the seeds, formats, exit codes, baseline, --source, --db."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str, cwd: Path | None = None):
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    return runner.invoke(cli, ["audit", *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def seeds_json():
    result = run(str(ROOT / "seeds"), "--format", "json")
    assert result.exit_code == 1
    return json.loads(result.stdout)


def test_seed_acceptance(seeds_json):
    by = {(Path(f["path"]).name, f["code"], f["quote"]) for f in seeds_json}
    assert ("terter-operation.txt", "CT001", "600 killed") in by
    assert any(name == "terter-operation.txt" and code == "CT004" and quote.startswith("“The capture of the city")
               for name, code, quote in by)
    assert ("operation-kalbajar.txt", "CT005", "the single deadliest military engagement of the war") in by
    assert not any("de Waal" in f["quote"] or "six thousand" in f["quote"] for f in seeds_json)


def test_findings_are_sorted(seeds_json):
    keys = [(f["path"], f["line"], f["column"], f["code"]) for f in seeds_json]
    assert keys == sorted(keys)


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_every_format_runs_on_the_seeds(fmt):
    result = run(str(ROOT / "seeds"), "--format", fmt)
    assert result.exit_code == 1
    assert "600 killed" in result.stdout
    if fmt in ("json", "sarif"):
        json.loads(result.stdout)


def test_exit_codes(tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text("According to Human Rights Watch, 300 civilians were killed.\n")
    assert run(str(clean)).exit_code == 0
    warn = tmp_path / "warn.md"
    warn.write_text("Some sources say the town fell.\n")
    assert run(str(warn)).exit_code == 0
    assert run(str(warn), "--fail-on", "warning").exit_code == 1
    assert run(str(warn), "--fail-on", "warning", "--exit-zero").exit_code == 0
    assert run(str(tmp_path / "missing.md")).exit_code == 2
    assert run(str(warn), "--format", "xml").exit_code == 2
    assert run(str(warn), "--update-baseline").exit_code == 2
    assert run().exit_code == 2


def test_bad_config_exits_2(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("Some sources say the town fell.\n")
    config = tmp_path / "claims.toml"
    config.write_text('[audit]\nfail-on = "fatal"\n')
    result = run(str(draft), "--config", str(config), "--exit-zero")
    assert result.exit_code == 2
    assert "fail-on" in result.stderr and result.stdout == ""


def test_baseline_cycle(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("Some sources say the town fell.\n\nIt was the bloodiest battle of the war.\n")
    base = tmp_path / "baseline.json"
    result = run(str(draft), "--baseline", str(base), "--update-baseline")
    assert result.exit_code == 0 and result.stdout == "" and "wrote 2" in result.stderr
    result = run(str(draft), "--baseline", str(base), "--fail-on", "warning")
    assert result.exit_code == 0
    assert result.stdout.startswith("Found 0 findings in 1 file; 2 accepted in the baseline")
    draft.write_text("Some sources say the town fell.\n\nIt is believed the town fell.\n")
    result = run(str(draft), "--baseline", str(base), "--fail-on", "warning")
    assert result.exit_code == 1
    assert "It is believed" in result.stdout
    assert "no longer matches" in result.stderr and "bloodiest" in result.stderr


def test_fixture_draft_exercises_the_rules():
    result = run(str(FIXTURES / "audit-draft.md"), "--source", str(FIXTURES / "audit-source.txt"),
                 "--format", "json")
    found = {f["code"] for f in json.loads(result.stdout)}
    assert {"CT001", "CT002", "CT003", "CT004", "CT005", "CT008", "CT010"} <= found
    assert result.exit_code == 1


def test_db_verdicts(db, tmp_path, monkeypatch):
    """CT007 from a reviewer's verdict in the store, matched by quote after the text moved."""
    from claims.model import Verdict
    from claims.pipeline import load_paths
    from claims.api import ingest_documents, new_annotation, open_store

    monkeypatch.chdir(tmp_path)
    draft = Path("draft.md")
    draft.write_text("The garrison lost 600 killed.[1]\n")
    loaded = load_paths([str(draft)])
    with open_store(db) as store:
        ingest_documents(store, loaded.documents, loaded.claims)
    store = open_store(db)
    try:
        claim = next(c for c in store.claims() if c.span.quote.startswith("600"))
        store.annotate(new_annotation(claim, Verdict.DISPUTED, "ana", note="Armenian figure"))
    finally:
        store.close()
    draft.write_text("In April, the garrison lost 600 killed.[1]\n")
    result = run(str(draft), "--db", db, "--format", "json")
    found = json.loads(result.stdout)
    assert [f["code"] for f in found] == ["CT007"]
    assert "Armenian figure" in found[0]["message"]
    assert run(str(draft), "--db", "nope.db").exit_code == 2


def test_db_verdicts_follow_the_content_into_another_file(db, tmp_path, monkeypatch):
    """A draft that was never ingested, restating a figure a reviewer disputed in a source
    article, is flagged: CT007 matches by kind, value and quote, not by path."""
    from claims.api import ingest_documents, new_annotation, open_store
    from claims.model import Verdict
    from claims.pipeline import load_paths

    monkeypatch.chdir(tmp_path)
    Path("source.md").write_text("The garrison lost 600 killed.[1]\n")
    loaded = load_paths(["source.md"])
    with open_store(db) as store:
        ingest_documents(store, loaded.documents, loaded.claims)
        claim = next(c for c in store.claims() if c.span.quote.startswith("600"))
        store.annotate(new_annotation(claim, Verdict.REJECTED, "ana", note="double-counted"))
    Path("draft.md").write_text("By the end of the week the garrison had lost 600 Killed.[2]\n")
    found = json.loads(run("draft.md", "--db", db, "--format", "json").stdout)
    assert [f["code"] for f in found] == ["CT007"]
    assert "rejected by ana" in found[0]["message"] and "double-counted" in found[0]["message"]
    Path("other.md").write_text("By the end of the week the garrison had lost 700 killed.[2]\n")
    assert json.loads(run("other.md", "--db", db, "--format", "json").stdout) == []


def test_list_rules():
    result = run("--list-rules")
    assert result.exit_code == 0
    assert result.stdout.count("\n") == 10 and "CT001  unattributed-figure" in result.stdout


def test_main_exit_code_and_streams():
    proc = subprocess.run(
        [sys.executable, "-c", "from claims.cli import main; main()", "audit", str(ROOT / "seeds"), "--format", "github"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert proc.returncode == 1
    assert all(line.startswith("::") for line in proc.stdout.splitlines())
    proc = subprocess.run(
        [sys.executable, "-c", "from claims.cli import main; main()", "audit", "nope.md"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert proc.returncode == 2 and proc.stdout == "" and "nope.md" in proc.stderr


def test_select_ignore_and_explain(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("draft.md").write_text(
        "About 2,000 soldiers were killed in the battle. Some sources say the commander fled.\n"
    )
    every = {f["code"] for f in json.loads(run("draft.md", "--format", "json").stdout)}
    assert every == {"CT001", "CT003"}
    only = json.loads(run("draft.md", "--format", "json", "--select", "unnamed-source").stdout)
    assert {f["code"] for f in only} == {"CT003"}
    rest = json.loads(run("draft.md", "--format", "json", "--ignore", "CT003,CT005").stdout)
    assert {f["code"] for f in rest} == {"CT001"}
    prefix = json.loads(run("draft.md", "--format", "json", "--select", "CT00", "--ignore", "CT001").stdout)
    assert {f["code"] for f in prefix} == {"CT003"}
    bad = run("draft.md", "--select", "CT999")
    assert bad.exit_code == 2 and "unknown rule 'CT999'" in bad.output
    explained = run("--explain", "ct001")
    assert explained.exit_code == 0
    assert explained.stdout.startswith("## CT001\n") and "What to do:" in explained.stdout


def test_rules_documentation_is_current():
    """docs/audit-rules.md is `claims audit --explain all`: regenerate it when a rule changes."""
    docs = Path(__file__).resolve().parents[1] / "docs" / "audit-rules.md"
    assert run("--explain", "all").stdout == docs.read_text(encoding="utf-8")
