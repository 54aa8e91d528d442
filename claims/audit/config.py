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
from pathlib import Path

from attrs import field, frozen

from claims.audit.rules import RULES, Level, find_rule

CONFIG_KEYS = {"fail-on", "baseline", "rules", "extend-evaluative-words"}


class ConfigError(Exception):
    """The configuration file cannot be used; ``str()`` names the file and the key."""


@frozen
class AuditConfig:
    severities: Mapping[str, Level | None] = field(factory=dict)
    """Rule code -> configured level, or None when the rule is off. Missing codes use the default."""
    fail_on: Level = Level.ERROR
    baseline: str | None = None
    evaluative_words: tuple[str, ...] = ()
    source: str | None = None
    """The file this configuration was read from, if any."""

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
    unknown = sorted(set(table) - CONFIG_KEYS)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key {prefix}.{unknown[0]}; known keys: {', '.join(sorted(CONFIG_KEYS))}"
        )
    fail_on = Level.ERROR
    if "fail-on" in table:
        fail_on = _level(table["fail-on"], f"{where}: {prefix}.fail-on", allow_off=False)  # type: ignore[assignment]
    baseline = table.get("baseline")
    if baseline is not None and not isinstance(baseline, str):
        raise ConfigError(f"{where}: {prefix}.baseline must be a file name")
    if baseline is not None and not os.path.isabs(baseline) and where not in ("config",):
        baseline = os.path.join(os.path.dirname(where), baseline)
    words = table.get("extend-evaluative-words", [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ConfigError(f"{where}: {prefix}.extend-evaluative-words must be a list of words")
    rules = table.get("rules", {})
    if not isinstance(rules, dict):
        raise ConfigError(f"{where}: [{prefix}.rules] must be a table of rule = severity")
    severities: dict[str, Level | None] = {}
    for name, value in rules.items():
        rule = find_rule(name)
        if rule is None:
            raise ConfigError(
                f"{where}: unknown rule {name!r} in [{prefix}.rules]; rules are "
                + ", ".join(r.code for r in RULES)
            )
        severities[rule.code] = _level(value, f"{where}: {prefix}.rules.{name}", allow_off=True)
    return AuditConfig(
        severities=severities,
        fail_on=fail_on,  # type: ignore[arg-type]
        baseline=baseline,
        evaluative_words=tuple(w.strip() for w in words),
        source=None if where == "config" else where,
    )


def _level(value: object, where: str, *, allow_off: bool) -> Level | None:
    choices = [level.value for level in Level] + (["off"] if allow_off else [])
    if isinstance(value, str) and value.strip().lower() in choices:
        text = value.strip().lower()
        return None if text == "off" else Level(text)
    raise ConfigError(f"{where} is {value!r}; choose one of: {', '.join(choices)}")
