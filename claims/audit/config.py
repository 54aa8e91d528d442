"""Audit configuration: `[tool.claims.audit]` in pyproject.toml, or `[audit]` in claims.toml.

The file is found from the current directory upward; in each directory a `claims.toml` wins
over a `pyproject.toml`, and a `pyproject.toml` without a `[tool.claims.audit]` table is
skipped (as ruff does). Keys::

    [tool.claims.audit]
    fail-on = "warning"                 # error (default) | warning | suggestion
    baseline = "audit-baseline.json"    # used when --baseline is not given
    extend-evaluative-words = ["epic"]  # more loaded words for CT005

    [tool.claims.audit.rules]
    CT005 = "off"                       # a code or a slug -> error | warning | suggestion | off
    unnamed-source = "error"

Unknown keys, unknown rules and bad values are errors (exit 2) naming the file and the key.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from enum import Enum
from pathlib import Path

from attrs import field, frozen

from claims.audit.rules import RULES, Level, find_rule
from claims.convert import from_config


class ConfigError(Exception):
    """The configuration file cannot be used; ``str()`` names the file and the key."""


class Setting(str, Enum):
    """A rule's level in the config: a severity, or off."""

    ERROR = "error"
    WARNING = "warning"
    SUGGESTION = "suggestion"
    OFF = "off"


@frozen
class AuditTable:
    """The audit table as written in the file (keys spelt with hyphens: ``fail-on``)."""

    fail_on: Level = Level.ERROR
    baseline: str | None = None
    rules: dict[str, Setting] = field(factory=dict)
    extend_evaluative_words: list[str] = field(factory=list)
    rules_url: str | None = None


@frozen
class AuditConfig:
    severities: Mapping[str, Level | None] = field(factory=dict)
    """Rule code -> configured level, or None when the rule is off. Missing codes use the default."""
    fail_on: Level = Level.ERROR
    baseline: str | None = None
    evaluative_words: tuple[str, ...] = ()
    source: str | None = None
    """The file this configuration was read from, if any."""
    rules_url: str | None = None
    """Where the team publishes the rules' documentation (`docs/audit-rules.md` rendered):
    SARIF viewers link each rule to ``{rules_url}#ct001``."""

    def level(self, code: str) -> Level | None:
        if code in self.severities:
            return self.severities[code]
        from claims.audit.rules import RULES_BY_CODE

        return RULES_BY_CODE[code].severity


def find_config(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest config file from ``start`` (default: the current directory) upward."""
    directory = Path(start or os.getcwd()).resolve()
    for folder in (directory, *directory.parents):
        candidate = folder / "claims.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _pyproject_has_audit(candidate):
            return candidate
    return None


def _pyproject_has_audit(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool", {}).get("claims", {}).get("audit"), dict)


def load_config(path: str | os.PathLike[str] | None = None, *, search: bool = True) -> AuditConfig:
    """Read the given file, or the nearest one when ``path`` is None and ``search`` is true."""
    found = Path(path) if path is not None else (find_config() if search else None)
    if found is None:
        return AuditConfig()
    try:
        data = tomllib.loads(found.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{found}: no such config file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{found}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{found}: not valid TOML: {exc}") from None
    if found.name == "pyproject.toml":
        table = data.get("tool", {}).get("claims", {}).get("audit", {})
        prefix = "tool.claims.audit"
    else:
        table = data.get("audit", {})
        prefix = "audit"
    if not isinstance(table, dict):
        raise ConfigError(f"{found}: [{prefix}] must be a table")
    return parse_config(table, f"{found}", prefix)


def parse_config(table: Mapping[str, object], where: str = "config", prefix: str = "audit") -> AuditConfig:
    """The configuration in ``table`` (read from ``where``, at ``[prefix]`` in it)."""
    try:
        raw = from_config(table, AuditTable, prefix)
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    baseline = raw.baseline
    if baseline is not None and not os.path.isabs(baseline) and where != "config":
        baseline = os.path.join(os.path.dirname(where), baseline)
    severities: dict[str, Level | None] = {}
    for name, setting in raw.rules.items():
        rule = find_rule(name)
        if rule is None:
            raise ConfigError(
                f"{where}: unknown rule {name!r} in [{prefix}.rules]; rules are "
                + ", ".join(r.code for r in RULES)
            )
        severities[rule.code] = None if setting is Setting.OFF else Level(setting.value)
    return AuditConfig(
        severities=severities,
        fail_on=raw.fail_on,
        baseline=baseline,
        evaluative_words=tuple(raw.extend_evaluative_words),
        source=None if where == "config" else where,
        rules_url=raw.rules_url,
    )
