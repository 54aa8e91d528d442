"""`claims review`: open the review TUI on a store (reading documents into it first if given).

Textual is imported inside the command, so `import claims` never loads it.
"""

from __future__ import annotations

import os

import click

from claims.cli import UserError, cli
from claims.cli.options import db_option, reviewer_option
from claims.textmap import printable


@cli.command()
@click.argument("paths", nargs=-1)
@db_option
@reviewer_option
def review(paths: tuple[str, ...], db_path: str, reviewer: str | None) -> None:
    """Review claims and conflicts in a terminal UI; every annotation is saved as you make it.

    With PATHS (files or folders), read and ingest them into --db first. Your name on
    annotations comes from --reviewer, then `reviewer` in ~/.config/claims/config.toml,
    then the environment's user name. Press ? in the app for the keys.
    """
    from claims.tui.config import ConfigError, load_config, resolve_reviewer

    try:
        config = load_config()
    except ConfigError as exc:
        raise UserError(str(exc)) from None
    name = resolve_reviewer(reviewer, config)
    exists = "://" in db_path or os.path.exists(db_path)  # a server's store is checked as it opens
    if not paths and not exists:
        raise UserError(f"{db_path}: no such store; give documents to read: claims review PATH... --db {db_path}")
    for path in paths:
        if not os.path.exists(path):
            raise UserError(f"{path}: no such file or folder")
    if exists:
        # A damaged or read-only store is said here, in one line, before the app starts.
        from claims.api import open_store

        # A file is opened as the app will open it (for writing); a server's store must exist
        # already unless documents are given to read into it.
        open_store(db_path, create=bool(paths) or "://" not in db_path).close()

    from claims.tui.app import ReviewApp

    app = ReviewApp(db_path=db_path, reviewer=name, paths=paths, keymap=config.keymap)
    app.run()
    for message in app.exit_messages:
        click.echo(printable(f"claims: {message}"), err=True)
