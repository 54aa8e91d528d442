"""Options shared by several commands."""

from __future__ import annotations

import click

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
    "--reviewer", default=None, help="Your name on annotations (default: config, then $USER)."
)
