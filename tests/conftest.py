"""Shared test fixtures: the seed documents shipped with the project."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TERTER = SEEDS / "terter-operation.txt"
KALBAJAR = SEEDS / "operation-kalbajar.txt"


@pytest.fixture
def seed_db(tmp_path, monkeypatch) -> str:
    """A SQLite store of the two seeds, ingested with paths relative to the repository (the TUI
    tests of what the screen shows)."""
    from tui_helpers import ROOT, build_seed_store

    monkeypatch.chdir(ROOT)
    return build_seed_store(tmp_path / "seeds.db")


@pytest.fixture
def terter_path() -> Path:
    return TERTER


@pytest.fixture
def kalbajar_path() -> Path:
    return KALBAJAR


# -- the two store backends --------------------------------------------------------------------

@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL server for the session (see pg_cluster.py).

    When none can be started the PostgreSQL tests are skipped, unless CI is set: then they fail.
    """
    import os

    from pg_cluster import start_cluster

    try:
        cluster = start_cluster()
    except Exception as exc:  # noqa: BLE001 - every reason is reported the same way
        message = f"no PostgreSQL server for the tests: {exc}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """The URL of a new, empty PostgreSQL store."""
    return pg_cluster.new_store_url()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path: Path) -> str:
    """Where a new store goes, on each backend: a SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "claims.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def seed_store(db, monkeypatch) -> str:
    """The seeds' store on each backend (see ``db``): for the TUI tests that store or read
    annotations, assignments and filtered lists."""
    from tui_helpers import ROOT, build_seed_store

    monkeypatch.chdir(ROOT)
    return build_seed_store(db)
