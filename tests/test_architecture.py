"""The layers hold: the import contract (lint-imports), a headless core, one public API."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import claims.api

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
APP_LAYERS = {"claims.cli", "claims.tui", "claims.reports"}


def _contract(contract_id: str) -> dict:
    return next(c for c in PYPROJECT["tool"]["importlinter"]["contracts"] if c["id"] == contract_id)


def _stage(tmp: Path) -> Path:
    """The package laid out as installed (tui/ and reports/ inside claims/), for lint-imports.

    grimp finds modules by walking the package's folder, which does not hold the two folders
    that setuptools maps into it.
    """
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "claims", tmp / "claims", ignore=ignore)
    for name, folder in PYPROJECT["tool"]["setuptools"]["package-dir"].items():
        shutil.copytree(ROOT / folder, tmp.joinpath(*name.split(".")), ignore=ignore)
    return tmp


def test_import_contracts_are_kept(tmp_path):
    staged = _stage(tmp_path)
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=staged, env={**os.environ, "PYTHONPATH": str(staged)}, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_core_list_names_every_core_module():
    core = set(_contract("core-is-headless")["source_modules"])
    modules = {
        f"claims.{p.stem if p.is_file() else p.name}"
        for p in (ROOT / "claims").iterdir()
        if (p.suffix == ".py" and p.stem not in {"__init__", "__main__"}) or (p / "__init__.py").exists()
    }
    assert core == modules - APP_LAYERS
    behind_api = set(_contract("front-ends-use-the-api")["forbidden_modules"])
    assert behind_api == core - {"claims.api", "claims.model"}


def test_importing_claims_and_its_cli_does_not_load_textual():
    code = "import sys, claims, claims.cli; assert 'textual' not in sys.modules, 'textual loaded'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_api_loads_without_textual_and_the_package_re_exports_it_lazily():
    code = (
        "import sys, claims\n"
        "assert 'claims.api' not in sys.modules\n"
        "from claims import open_store, Claim\n"
        "import claims.api\n"
        "assert open_store is claims.api.open_store\n"
        "assert 'textual' not in sys.modules, 'textual loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_api_name_exists():
    missing = [name for name in claims.api.__all__ if not hasattr(claims.api, name)]
    assert missing == []


def test_commands_offer_only_registered_formats():
    from claims.cli.audit import FORMATS
    from claims.reports.formats import AUDIT_FORMATS

    assert set(FORMATS) == set(AUDIT_FORMATS)
