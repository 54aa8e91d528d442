"""Shared test fixtures: the seed documents shipped with the project."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TERTER = SEEDS / "terter-operation.txt"
KALBAJAR = SEEDS / "operation-kalbajar.txt"


@pytest.fixture
def terter_path() -> Path:
    return TERTER


@pytest.fixture
def kalbajar_path() -> Path:
    return KALBAJAR
