"""Damaged and read-only stores: one line and exit 2 (or read fine), never a traceback; doctor, backup.

SQLite only, but for the last test: damage, read-only files and `claims backup` / `claims
doctor` are about a store file (a PostgreSQL server keeps and checks its own storage).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

from claims.api import new_annotation
from claims.model import Verdict
from claims.store import SQLiteStore, StoreDamaged, StoreError, open_store
from claims.store import connection as store_connection


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claims", *args], capture_output=True, text=True, timeout=120)


def assert_one_line(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout[-500:], result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("claims:")]
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.fixture(scope="module")
def sound(tmp_path_factory) -> Path:
    """A store of the seeds with two annotations, checkpointed into one file."""
    db = tmp_path_factory.mktemp("health") / "claims.db"
    assert run("ingest", str(SEEDS), "--db", str(db)).returncode == 0
    with open_store(db) as store:
        claim = store.claims()[0]
        store.annotate(new_annotation(claim, Verdict.DISPUTED, "ana", note="why"))
        store.annotate(new_annotation(claim, Verdict.CONFIDENCE, "ana", confidence_override=0.2, override_reason="x"))
    return db


def copy(sound: Path, tmp_path: Path, name: str = "copy.db") -> Path:
    target = tmp_path / name
    target.write_bytes(sound.read_bytes())
    return target


COMMANDS = [
    ("list",),
    ("export",),
    ("show", "c_000000000000"),
    ("report", "--format", "markdown", "-o", "-"),
    ("audit", str(SEEDS / "terter-operation.txt"), "--db"),
    ("ingest", str(SEEDS)),
]


def command(args: tuple[str, ...], db: Path) -> list[str]:
    return [*args, str(db)] if args[-1] == "--db" else [*args, "--db", str(db)]


@pytest.mark.parametrize("args", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_a_store_cut_short_gives_one_line_and_exit_2(sound: Path, tmp_path: Path, args) -> None:
    db = copy(sound, tmp_path)
    os.truncate(db, db.stat().st_size - 2000)  # the last page partly lost
    assert_one_line(run(*command(args, db)), str(db), "is damaged", "cut off")


def test_a_damaged_page_and_a_damaged_row_give_one_line(sound: Path, tmp_path: Path) -> None:
    db = copy(sound, tmp_path, "page.db")
    with open(db, "r+b") as handle:  # the header of a b-tree page
        handle.seek(4096 * 30)
        handle.write(b"\xff" * 200)
    assert_one_line(run("list", "--db", str(db)), "page.db is damaged")
    db = copy(sound, tmp_path, "row.db")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE claims SET data = substr(data, 1, 40) WHERE rowid = 3")
    assert_one_line(run("list", "--db", str(db)), "row.db is damaged", "cannot be read")
    assert_one_line(run("export", "--db", str(db)), "row.db is damaged")


def test_quick_check_runs_on_open_and_the_header_check_on_any_size(sound: Path, tmp_path: Path, monkeypatch) -> None:
    db = copy(sound, tmp_path)
    with open(db, "r+b") as handle:
        handle.seek(4096 * 30)
        handle.write(b"\xff" * 200)
    with pytest.raises(StoreDamaged, match="is damaged"):
        open_store(db)
    monkeypatch.setattr(store_connection, "QUICK_CHECK_MAX_BYTES", 0)  # too big for quick_check on open
    open_store(db, create=False).close()
    with pytest.raises(StoreDamaged):
        SQLiteStore(db, check="full")
    os.truncate(db, db.stat().st_size - 100)
    with pytest.raises(StoreDamaged, match="cut off"):
        open_store(db, create=False)


def test_a_read_only_store_is_read_by_reading_commands_and_refused_by_writing_ones(
    sound: Path, tmp_path: Path, monkeypatch
) -> None:
    db = copy(sound, tmp_path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with open_store(db, create=False) as store:
        assert store.read_only and len(store.claims()) > 0
        assert store.claims()[0].confidence.overridden
        with pytest.raises(StoreError, match="read-only"):
            store.annotate(new_annotation(store.claims()[1], Verdict.ACCEPTED, "ana"))
    with pytest.raises(StoreError, match="is read-only .* writes to it"):
        open_store(db)
    # SQLite opened it with mode=ro: nothing was written (no migration, no WAL switch).
    assert db.read_bytes() == sound.read_bytes()


READING = [("list",), ("export",), ("report", "--format", "markdown", "-o", "-"), ("doctor",),
           ("audit", str(SEEDS / "terter-operation.txt"), "--db")]
WRITING = [("ingest", str(SEEDS)), ("review",)]


@pytest.mark.parametrize("args", READING + WRITING, ids=[c[0] for c in READING + WRITING])
def test_the_commands_on_a_read_only_store_read_it_or_say_so_in_one_line(
    sound: Path, tmp_path: Path, monkeypatch, capsys, args
) -> None:
    from claims.cli import main

    db = copy(sound, tmp_path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with pytest.raises(SystemExit) as exit_info:
        main(command(args, db))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if args in WRITING:
        assert exit_info.value.code == 2
        lines = [line for line in err.splitlines() if line.startswith("claims:")]
        assert len(lines) == 1 and "is read-only" in lines[0] and "writes to it" in lines[0], err
    else:
        assert exit_info.value.code in (0, 1), err  # audit: 1 for findings
        assert out.strip() and "read-only" not in err
    assert db.read_bytes() == sound.read_bytes()


def test_an_old_schema_read_only_says_it_needs_an_upgrade(sound: Path, tmp_path: Path) -> None:
    db = copy(sound, tmp_path)
    with sqlite3.connect(db) as conn:
        # Back to schema 1: the text inside the document's JSON, no overrides cache.
        conn.execute("UPDATE documents SET data = json_set(data, '$.text', CAST(text AS TEXT))")
        conn.execute("ALTER TABLE documents DROP COLUMN text")
        conn.execute("DROP TABLE current_overrides")
        # ... and no reviewers, no adjudications (schema 4).
        conn.execute("DROP TABLE assignments")
        conn.execute("DROP TRIGGER annotations_adjudicator")
        conn.execute("DROP TABLE reviewers")
        conn.execute("ALTER TABLE annotations DROP COLUMN adjudication")
        conn.execute("DROP INDEX annotations_by_reviewer")  # ... nor its index (schema 6)
        conn.execute("DROP TABLE reconciled_events")  # ... nor kept events (schema 8)
        conn.execute("DELETE FROM schema_version WHERE version > 1")
    with pytest.raises(StoreError, match="read-only and at schema 1"):
        SQLiteStore(db, read_only=True)
    with open_store(db) as store:  # writable: migrated on open, the overrides cache filled
        assert any(c.confidence.overridden for c in store.claims())
        document = store.document(store.documents()[0].id)
        assert document.text.startswith("=") or len(document.text) > 100
    with open_store(sound) as original, open_store(db) as migrated:
        assert [migrated.document(d.id) for d in migrated.documents()] == [
            original.document(d.id) for d in original.documents()]


def test_doctor_reports_sound_and_damaged_stores(sound: Path, tmp_path: Path) -> None:
    result = run("doctor", "--db", str(sound))
    assert result.returncode == 0 and "sound (integrity_check: ok)" in result.stdout
    assert "annotations 2" in result.stdout
    db = copy(sound, tmp_path)
    os.truncate(db, db.stat().st_size - 2000)
    result = run("doctor", "--db", str(db), "--format", "json")
    assert_one_line(result, "damaged")
    report = json.loads(result.stdout)
    assert not report["sound"] and any("cut off" in p for p in report["problems"])
    before = db.read_bytes()
    run("doctor", "--db", str(db))
    assert db.read_bytes() == before  # examining changes nothing
    text = tmp_path / "notes.db"
    text.write_text("not a store")
    assert_one_line(run("doctor", "--db", str(text)))


def test_backup_is_a_sound_consistent_copy(sound: Path, tmp_path: Path) -> None:
    db = copy(sound, tmp_path)
    target = tmp_path / "backup.db"
    result = run("backup", "--db", str(db), str(target))
    assert result.returncode == 0, result.stderr
    with open_store(db) as original, open_store(target, create=False) as copied:
        assert copied.annotations() == original.annotations()
        assert copied.claims() == original.claims()
        assert copied.integrity_check() == []
    assert not Path(f"{target}-wal").exists() or Path(f"{target}-wal").stat().st_size == 0
    assert_one_line(run("backup", "--db", str(db), str(target)), "exists", "--force")
    assert run("backup", "--db", str(db), str(target), "--force").returncode == 0


def test_check_option_runs_the_full_check(sound: Path) -> None:
    result = run("--check", "list", "--db", str(sound))
    assert result.returncode == 0 and "Traceback" not in result.stderr


def test_on_a_postgresql_store_doctor_and_backup_say_so_and_check_runs(pg_url: str, tmp_path: Path) -> None:
    secret = pg_url.replace("user=postgres", "user=postgres&password=hunter2")
    assert run("ingest", str(SEEDS / "terter-operation.txt"), "--db", secret).returncode == 0
    doctor = run("doctor", "--db", secret)
    backup = run("backup", "--db", secret, str(tmp_path / "copy.db"))
    assert_one_line(doctor, "claims --check list")
    assert_one_line(backup, "pg_dump")
    assert "hunter2" not in doctor.stderr + backup.stderr
    checked = run("--check", "list", "--db", secret)
    assert checked.returncode == 0 and "600 killed" in checked.stdout
