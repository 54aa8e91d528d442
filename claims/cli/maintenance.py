"""`claims doctor` and `claims backup`: is a store sound, and a consistent copy of it."""

from __future__ import annotations

import json
import os

import click

from claims.cli import UserError, cli
from claims.cli.options import db_option
from claims.errors import ExitCode
from claims.textmap import printable

RECOVERY = (
    "To recover: restore the last backup (`claims backup --db STORE COPY` makes one), or let SQLite save "
    "what it can still read: sqlite3 STORE '.recover' | sqlite3 recovered.db, then "
    "`claims doctor --db recovered.db` and `claims ingest` the documents again. See README, "
    "'Recovering a damaged store'."
)


@cli.command()
@db_option
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True)
def doctor(db_path: str, output: str) -> int:
    """Check a store thoroughly (SQLite's integrity_check) and say what it holds.

    Reads the store without changing it. Exit code 0 when it is sound, 2 when it is damaged
    or is not a claims store (the problems are listed; one line on stderr says what to do).
    """
    from claims.store.doctor import diagnose

    if "://" in db_path:
        from claims.store.postgres import shown

        raise UserError(f"{shown(db_path)}: `claims doctor` examines store files; check a PostgreSQL store "
                        "with `claims --check list`, and the server with its own tools")
    found = diagnose(db_path)
    if output == "json":
        click.echo(json.dumps({"path": found.path, "sound": found.sound, "problems": list(found.problems),
                               "facts": dict(found.facts)}, ensure_ascii=True, indent=2))
    else:
        click.echo(printable(f"{found.path}: {'sound (integrity_check: ok)' if found.sound else 'DAMAGED'}"))
        for problem in found.problems:
            click.echo(printable(f"  problem     {problem}"))
        for label, value in found.facts:
            click.echo(printable(f"  {label:<11} {value}"))
        if not found.sound:
            click.echo(printable(RECOVERY))
    if not found.sound:
        click.echo(printable(f"claims: {found.path} is damaged or not a claims store ({len(found.problems)} "
                             "problem(s) listed above)"), err=True)
        return ExitCode.USAGE
    return ExitCode.OK


@cli.command()
@db_option
@click.argument("destination", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Replace DESTINATION if it exists.")
def backup(db_path: str, destination: str, force: bool) -> int:
    """Copy the store to DESTINATION, consistently, even while others use it.

    Uses SQLite's online backup, so the copy is one self-contained file at one moment: every
    annotation committed before it started, none half-written. The copy is checked, then
    moved into place; an existing DESTINATION is kept unless --force.
    """
    from claims.api import open_store

    if os.path.exists(destination) and not force:
        raise UserError(f"{destination} exists; give another path, or --force to replace it")
    if os.path.abspath(destination) == os.path.abspath(db_path):
        raise UserError("the backup must go to another file than the store")
    folder = os.path.dirname(os.path.abspath(destination))
    if not os.path.isdir(folder):
        raise UserError(f"cannot write {destination}: the directory {folder} does not exist")
    with open_store(db_path, create=False) as store:
        store.backup(destination)
    click.echo(printable(f"claims: backed up {db_path} to {destination}"), err=True)
    return ExitCode.OK
