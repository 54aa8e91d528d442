"""Packaging: one import name, `claims`, with the TUI and reports folders installed inside it."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _configured() -> tuple[set[str], dict[str, str]]:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    return set(setuptools["packages"]), setuptools["package-dir"]


def test_every_package_folder_is_listed_under_claims():
    packages, folders = _configured()
    found = set()
    for init in ROOT.glob("*/**/__init__.py"):
        relative = init.parent.relative_to(ROOT).parts
        if relative[0] in {"tests", "benchmarks", "build"} or relative[0].startswith("."):
            continue
        top = next((name for name, folder in folders.items() if folder == relative[0]), relative[0])
        found.add(".".join((top, *relative[1:])))
    assert found == packages
    assert all(name == "claims" or name.startswith("claims.") for name in packages)


def test_only_claims_is_importable_after_install(tmp_path):
    code = (
        "import importlib.util as u, claims.tui, claims.reports\n"
        "assert u.find_spec('tui') is None and u.find_spec('reports') is None\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)
