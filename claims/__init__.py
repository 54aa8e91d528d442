"""claims: attributed claims, conflicts and attribution audits for contested texts.

The public API is :mod:`claims.api`; its names are also importable from here (``from claims
import open_store``). They load on first use, so ``import claims`` stays cheap and never
imports the TUI or textual.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any


def __getattr__(name: str) -> Any:
    # Sub-modules (claims.tui, claims.reports, ...) are left to the import system.
    if name.startswith("_") or importlib.util.find_spec(f"{__name__}.{name}") is not None:
        raise AttributeError(name)
    api = importlib.import_module("claims.api")
    if name in api.__all__:
        return getattr(api, name)
    raise AttributeError(f"module 'claims' has no attribute {name!r}")
