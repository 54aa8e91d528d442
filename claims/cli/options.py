"""Options shared by several commands."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from claims.api import Store

db_option = click.option(
    "--db",
    "db_path",
    default="claims.db",
    show_default=True,
    envvar="CLAIMS_DB",
    show_envvar=True,
    type=click.Path(dir_okay=False),
    help="The store: a SQLite file, or a PostgreSQL URL (postgresql://USER@HOST/DB) for a team store.",
)

reviewer_option = click.option(
    "--reviewer", default=None,
    help="Your name on annotations (default: the database role a team store binds you to, then config, then $USER).",
)


def reviewer_for(store: Store, option: str | None) -> str:
    """The name to write annotations under: the reviewer the store binds this session to (a
    PostgreSQL login of one's own), else ``option``, the config file, the environment. A
    ``--reviewer`` other than the bound one is refused in one line before anything is written."""
    from claims.cli import UserError
    from claims.tui.config import ConfigError, load_config, resolve_reviewer

    bound = store.bound_reviewer()
    if bound is not None:
        if option is not None and option.strip() and option.strip() != bound:
            raise UserError(f"you are connected to {store.path} as the database role {bound}, which writes only in "
                            f"its own name: leave out --reviewer {option.strip()}, or connect as that reviewer")
        return bound
    try:
        return resolve_reviewer(option, load_config())
    except ConfigError as exc:
        raise UserError(str(exc)) from None
