"""Bad input never gives a traceback: one line on stderr naming the file, and exit code 2."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import KALBAJAR, SEEDS, TERTER


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claims", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("claims:")]
    assert lines, result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    files = {
        "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        "empty": (b"", "empty"),
        "latin1": ("Casualties: 600 tués à Tartar\n".encode("latin-1"), "invalid utf-8 at byte offset"),
    }
    out = {}
    for name, (content, _) in files.items():
        path = folder / f"{name}.txt"
        path.write_bytes(content)
        out[name] = path
    return out


@pytest.mark.parametrize(
    ("name", "needles"),
    [
        ("binary", ("binary.txt", "binary file")),
        ("empty", ("empty.txt", "empty")),
        ("latin1", ("latin1.txt:1:", "invalid utf-8 at byte offset", "--encoding")),
    ],
)
def test_unreadable_file_is_one_line_and_exit_2(bad_files, name, needles):
    assert_one_line_error(run("extract", str(bad_files[name])), *needles)


def test_missing_path():
    assert_one_line_error(run("extract", "no/such/file.txt"), "no/such/file.txt", "no such file")


def test_encoding_option_reads_the_latin1_file(bad_files):
    result = run("extract", str(bad_files["latin1"]), "--encoding", "latin-1")
    assert result.returncode == 0, result.stderr


def test_mixed_folder_reads_what_it_can_and_reports_the_rest(tmp_path, bad_files):
    (tmp_path / "good.txt").write_text(TERTER.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    result = run("extract", str(tmp_path), "--format", "json")
    assert result.returncode == 0
    assert "bad.txt" in result.stderr and "binary" in result.stderr
    data = json.loads(result.stdout)
    assert [d["id"] for d in data["documents"]] == ["good.txt"]
    strict = run("extract", str(tmp_path), "--strict")
    assert_one_line_error(strict, "--strict")


def test_malformed_infobox_is_a_warning_not_a_failure(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text(
        "= Odd battle =\n\nInfobox\n- Casualties2: ,\n- Strength1\n- Casualties1: 300 killed\n\nProse.\n",
        encoding="utf-8",
    )
    result = run("extract", str(path))
    assert result.returncode == 0
    assert "odd.txt:4:" in result.stderr and "Casualties2 has no value" in result.stderr
    assert "odd.txt:5:" in result.stderr
    assert "300 killed" in result.stdout


def test_table_row_with_more_cells_than_columns(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_text(
        "Wide | |||||||\n---|---|---|---|\nCasualties and losses | |||||||\n1 killed | 2 killed | 3 killed | 4 killed | ||||||\nProse here.\n",
        encoding="utf-8",
    )
    result = run("extract", str(path))
    assert result.returncode == 0
    assert "4 cells" in result.stderr


def test_huge_single_line_file(tmp_path):
    """50 MB on one line (no newline at all), mostly narrative with a figure now and then."""
    path = tmp_path / "huge.txt"
    narrative = "The column moved along the river road towards the pass under heavy snow and fog. " * 120
    block = narrative + "About 300 soldiers were killed near the bridge, the army said. "
    path.write_text(block * (50 * 1024 * 1024 // len(block)), encoding="utf-8")
    result = run("extract", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr[-500:]
    claims = json.loads(result.stdout)["claims"]
    assert len(claims) == 50 * 1024 * 1024 // len(block)
    assert all(c["value"]["low"] == 300 for c in claims)


def test_store_that_is_not_a_claims_database(tmp_path):
    # SQLite files; the PostgreSQL cases are at the end of this module.
    text_file = tmp_path / "notes.db"
    text_file.write_text("just some notes\n", encoding="utf-8")
    assert_one_line_error(run("list", "--db", str(text_file)), "notes.db")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("create table users (name text)")
    assert_one_line_error(run("list", "--db", str(other)), "other.db")


def test_store_with_a_newer_schema(tmp_path):
    db = tmp_path / "claims.db"
    assert run("ingest", str(TERTER), "--db", str(db)).returncode == 0
    with sqlite3.connect(db) as connection:
        tables = [r[0] for r in connection.execute("select name from sqlite_master where type='table'")]
        version_table = next(t for t in tables if "version" in t)
        columns = [r[1] for r in connection.execute(f"pragma table_info({version_table})")]
        connection.execute(f"update {version_table} set {columns[0]} = 999 "
                           f"where {columns[0]} = (select max({columns[0]}) from {version_table})")
    assert_one_line_error(run("list", "--db", str(db)), "claims.db", "newer")


def test_missing_store_for_a_read_command(tmp_path):
    assert_one_line_error(run("list", "--db", str(tmp_path / "none.db")), "none.db", "claims ingest")


def test_unknown_option_is_a_usage_error():
    result = run("extract", "--no-such-option", str(KALBAJAR))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_stdout_carries_data_only(tmp_path):
    result = run("extract", str(SEEDS), "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["schema"] == "claims/1"
    assert {d["id"] for d in data["documents"]} == {"terter-operation.txt", "operation-kalbajar.txt"}


# -- the same on a PostgreSQL store (a schema of the test server) ------------------------------

def test_a_postgresql_schema_that_is_not_a_claims_store(pg_cluster):
    url = pg_cluster.new_store_url()
    schema = url.rsplit("search_path%3D", 1)[1]
    pg_cluster.execute(f"CREATE TABLE {schema}.claims (name text)")
    assert_one_line_error(run("list", "--db", url), "not one")
    assert_one_line_error(run("ingest", str(TERTER), "--db", url), "not one")


def test_a_postgresql_store_with_a_newer_schema(pg_url):
    assert run("ingest", str(TERTER), "--db", pg_url).returncode == 0
    schema = pg_url.rsplit("search_path%3D", 1)[1]
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"INSERT INTO {schema}.schema_version VALUES (999, 'later')")
    assert_one_line_error(run("list", "--db", pg_url), "newer")


def test_a_missing_postgresql_store_for_a_read_command(pg_url):
    assert_one_line_error(run("list", "--db", pg_url), "claims ingest")
    bad = pg_url.replace("/claims?", "/no_such_database?")
    assert_one_line_error(run("list", "--db", bad), "no_such_database")


def test_a_fault_of_the_extractor_on_one_document_spares_the_others(tmp_path, monkeypatch, capsys) -> None:
    import claims.extract
    from claims.cli import main

    real = claims.extract.extract_document

    def failing(document, problems=None):
        if "broken" in document.id:
            raise RecursionError("maximum recursion depth exceeded")
        return real(document, problems)

    monkeypatch.setattr(claims.extract, "extract_document", failing)
    monkeypatch.setenv("CLAIMS_WORKERS", "1")
    (tmp_path / "broken.txt").write_text("Intro.\n\nThe ministry said 40 soldiers were killed.\n", encoding="utf-8")
    (tmp_path / "fine.txt").write_text("Intro.\n\nThe ministry said 12 soldiers were killed.\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(tmp_path / "broken.txt"), str(tmp_path / "fine.txt"), "--format", "json"])
    out, err = capsys.readouterr()
    assert exit_.value.code == 0
    assert "Traceback" not in err
    assert [line for line in err.splitlines() if "broken.txt" in line and "extractor failed" in line]
    assert [c["value"]["low"] for c in json.loads(out)["claims"] if c["kind"] == "casualties"] == [12]
