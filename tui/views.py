"""Saved views: named filters the reviewer switches between (``v``), built in or saved (``V``).

The built-in views are filters every reviewer needs, relative to the reviewer's own name; the
reviewer's own are kept in ``views.toml`` beside the config file (``config.toml``), which the
app rewrites whole, so the hand-written config file is never touched::

    [[views]]
    name = "Kalbajar casualties"
    document = "operation-kalbajar.txt"
    kind = "casualties"
    only-unreviewed = true

Keys are the ``claims list`` filters (``document`` is the document id, its file name). The
file is read with ``tomllib`` and written as plain TOML strings and booleans: never pickled,
never evaluated.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from collections.abc import Sequence
from pathlib import Path

import attrs
from attrs import field, frozen

from claims.api import CLAIM_VERDICTS, ClaimQuery, Kind, Verdict, from_config
from claims.tui.config import ConfigError


@frozen
class View:
    name: str
    query: ClaimQuery
    builtin: bool = False


def builtin_views(reviewer: str) -> list[View]:
    """The views every reviewer has, in the order the picker lists them."""
    return [
        View("all", ClaimQuery(), builtin=True),
        View("unreviewed", ClaimQuery(only_unreviewed=True), builtin=True),
        View("my queue", ClaimQuery(queue_of=reviewer), builtin=True),
        View("disputed by others", ClaimQuery(verdict=Verdict.DISPUTED, verdict_not_by=reviewer), builtin=True),
        View("in conflict", ClaimQuery(only_conflicts=True), builtin=True),
    ]


@frozen
class SavedView:
    """One ``[[views]]`` table as written: a name and the filters (absent: not filtered)."""

    name: str
    document: str | None = None
    kind: Kind | None = None
    side: str | None = None
    verdict: Verdict | None = None
    search: str | None = None
    only_conflicts: bool = False
    only_unattributed: bool = False
    only_unreviewed: bool = False
    queue_of: str | None = None
    verdict_not_by: str | None = None


@frozen
class ViewsFile:
    views: list[SavedView] = field(factory=list)


_QUERY_FIELDS = [a.name for a in attrs.fields(SavedView) if a.name != "name"]


def views_path(config: Path) -> Path:
    """Where the saved views live: ``views.toml`` in the config file's folder."""
    return config.with_name("views.toml")


def load_views(path: Path) -> list[View]:
    """The reviewer's saved views; a missing file is none, a broken one a ConfigError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the saved views ({exc.strerror})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    _check_switches(path, data)
    try:
        file = from_config(data, ViewsFile, "")
    except ValueError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    views = []
    for saved in file.views:
        if saved.verdict is not None and saved.verdict not in CLAIM_VERDICTS:
            raise ConfigError(f"{path}: view {saved.name!r}: {saved.verdict.value} is not a claim verdict")
        query = ClaimQuery(**{name: getattr(saved, name) for name in _QUERY_FIELDS})
        views.append(View(saved.name, query))
    return views


def _check_switches(path: Path, data: dict) -> None:
    """The ``only-*`` switches must be booleans: the converter would read the string
    ``"false"`` as true."""
    tables = data.get("views")
    for index, table in enumerate(tables if isinstance(tables, list) else []):
        for key, value in (table.items() if isinstance(table, dict) else ()):
            if key.startswith("only-") and not isinstance(value, bool):
                raise ConfigError(f"{path}: views[{index}].{key} is {value!r}; it must be true or false")


def toml_string(value: str) -> str:
    """A TOML basic string holding ``value`` exactly (control characters escaped)."""
    value = value.encode("utf-8", "replace").decode("utf-8")  # a lone surrogate cannot be written
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def views_toml(views: Sequence[View]) -> str:
    """The file's text for these views: only the filters they set."""
    lines = ["# Saved views of `claims review`: v picks one, V saves the current filters as one.",
             "# Written by the app; keys are the `claims list` filters."]
    for view in views:
        lines += ["", "[[views]]", f"name = {toml_string(view.name)}"]
        for name in _QUERY_FIELDS:
            value = getattr(view.query, name)
            if value is None or value is False:
                continue
            key = name.replace("_", "-")
            if value is True:
                lines.append(f"{key} = true")
            else:
                lines.append(f"{key} = {toml_string(value.value if isinstance(value, (Kind, Verdict)) else value)}")
    return "\n".join(lines) + "\n"


def save_views(path: Path, views: Sequence[View]) -> None:
    """Write the saved views (the built-in ones are never written), replacing the file at once:
    a crash leaves the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".views-", suffix=".toml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as f:
            f.write(views_toml([v for v in views if not v.builtin]))
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
