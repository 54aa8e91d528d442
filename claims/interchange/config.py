"""Export settings: `[tool.claims.export]` in pyproject.toml, or `[export]` in claims.toml.

Found from the current folder upward, as the audit's configuration is (a `claims.toml` wins
over a `pyproject.toml`; a `pyproject.toml` without the table is skipped)::

    [tool.claims.export]
    publisher = "Highland Courier Fact Check"        # ClaimReview author (an organisation)
    publisher-url = "https://courier.example.org/factcheck"
    publisher-type = "Organization"                  # or "Person"
    review-url = "https://courier.example.org/factcheck/karavan"   # the page with the reviews

    [tool.claims.export.wikidata-items]              # Wikidata items for subjects and sides
    "Battle of Karavan Pass" = "Q4871234"            # a document's title or id
    "Velmar" = "Q1234567"                            # a belligerent's name
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from attrs import field, frozen

from claims.convert import from_config


class ExportConfigError(ValueError):
    """The export settings cannot be read (one line naming the file and key)."""


@frozen
class ExportConfig:
    publisher: str | None = None
    publisher_url: str | None = None
    publisher_type: Literal["Organization", "Person"] = "Organization"
    review_url: str | None = None
    wikidata_items: Mapping[str, str] = field(factory=dict)


def _table(path: Path) -> tuple[dict | None, str]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ExportConfigError(f"{path}: cannot read it ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ExportConfigError(f"{path}: not valid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("claims", {}).get("export"), "tool.claims.export"
    return data.get("export"), "export"


def find_config(start: str | os.PathLike[str] | None = None) -> Path | None:
    folder = Path(start or os.getcwd()).resolve()
    for directory in (folder, *folder.parents):
        for name in ("claims.toml", "pyproject.toml"):
            candidate = directory / name
            if candidate.is_file():
                try:
                    table, _ = _table(candidate)
                except ExportConfigError:
                    if name == "claims.toml":
                        return candidate
                    continue
                if table is not None or name == "claims.toml":
                    return candidate
    return None


def load_config(path: str | os.PathLike[str] | None = None) -> ExportConfig:
    """The settings from ``path``, or the file found from the current folder upward, or defaults."""
    found = Path(path) if path is not None else find_config()
    if found is None:
        return ExportConfig()
    table, prefix = _table(found)
    if table is None:
        return ExportConfig()
    try:
        return from_config(table, ExportConfig, prefix)
    except ValueError as exc:
        raise ExportConfigError(f"{found}: {exc}") from None
