"""The reviewer's settings: their name and key remaps, from the option, a config file, or the environment.

The config file is TOML, ``$CLAIMS_CONFIG`` or ``~/.config/claims/config.toml``
(``$XDG_CONFIG_HOME`` is honoured)::

    reviewer = "Ada Lovelace"

    [keys]                # binding id = key(s), as listed by the help screen (`?`)
    "review.accept" = "y"
"""

from __future__ import annotations

import getpass
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

from attrs import field, frozen

from claims.api import from_config


class ConfigError(Exception):
    """The config file exists but cannot be used; ``str()`` names the file and the problem."""


@frozen
class ReviewConfig:
    reviewer: str | None = None
    keymap: dict[str, str] = field(factory=dict)


@frozen
class ConfigFile:
    """The file as written: the reviewer's name and ``[keys]``, binding id = key(s)."""

    reviewer: str | None = None
    keys: dict[str, str] = field(factory=dict)


def config_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("CLAIMS_CONFIG"):
        return Path(env["CLAIMS_CONFIG"])
    base = Path(env["XDG_CONFIG_HOME"]) if env.get("XDG_CONFIG_HOME") else Path.home() / ".config"
    return base / "claims" / "config.toml"


def load_config(path: Path | None = None) -> ReviewConfig:
    """Read the config file; a missing file is an empty config, a broken one a ConfigError."""
    path = config_path() if path is None else path
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return ReviewConfig()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc.strerror})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    try:
        file = from_config(data, ConfigFile, "")
    except ValueError as exc:
        hint = ' ([keys] maps binding ids to keys, e.g. "review.accept" = "y")' if "keys" in str(exc) else ""
        raise ConfigError(f"{path}: {exc}{hint}") from None
    return ReviewConfig(reviewer=file.reviewer, keymap=dict(file.keys))


def environment_user(env: Mapping[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    for name in ("CLAIMS_REVIEWER", "USER", "LOGNAME", "USERNAME"):
        if env.get(name, "").strip():
            return env[name].strip()
    try:
        return getpass.getuser()
    except Exception:  # getpass raises different errors per platform when there is no user
        return "anonymous"


def resolve_reviewer(
    option: str | None, config: ReviewConfig, env: Mapping[str, str] | None = None
) -> str:
    """The reviewer's name: the --reviewer option, then the config file, then the environment."""
    if option is not None and option.strip():
        return option.strip()
    if config.reviewer:
        return config.reviewer
    return environment_user(env)
