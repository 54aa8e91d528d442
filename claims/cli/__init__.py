"""The `claims` command: a thin click layer over the library.

stdout carries data only; diagnostics are one plain line on stderr. Exit codes: 0 ok,
1 findings, 2 usage or input error, 130 interrupted.
"""

from __future__ import annotations

import sys

import click

from claims.errors import ExitCode, InputError, StoreError
from claims.textmap import printable


def tool_version() -> str:
    """The installed version of claims, for reports and SARIF (`0.0.0` from a bare checkout)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("claims")
    except PackageNotFoundError:
        return "0.0.0"


class UserError(click.UsageError):
    """A problem with the user's input or store; exits 2 with a one-line message."""

    exit_code = ExitCode.USAGE


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claims")
@click.option("--check", is_flag=True,
              help="Check every store thoroughly as it opens (SQLite's integrity_check), not only quickly.")
def cli(check: bool) -> None:
    """Track attributed claims in contested texts, find conflicts, review and audit them."""
    # The store is imported only when a check level must be set: commands that open no store
    # (extract, conflicts, audit) do not load it. Quick is the default of a fresh process.
    if check or "claims.store.connection" in sys.modules:
        from claims.store import check_on_open

        check_on_open("full" if check else "quick")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the group and map every failure to an exit code and one stderr line."""
    try:
        rv = cli.main(args=argv, prog_name="claims", standalone_mode=False)
    except KeyboardInterrupt:
        click.echo("claims: interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except click.exceptions.Abort:
        click.echo("claims: interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except click.UsageError as exc:
        if exc.ctx is not None and not isinstance(exc, UserError):
            click.echo(exc.ctx.get_usage(), err=True)
        click.echo(printable(f"claims: {exc.format_message()}"), err=True)
        sys.exit(ExitCode.USAGE)
    except click.ClickException as exc:
        click.echo(printable(f"claims: {exc.format_message()}"), err=True)
        sys.exit(exc.exit_code)
    except (InputError, StoreError) as exc:
        click.echo(printable(f"claims: {exc}"), err=True)
        sys.exit(ExitCode.USAGE)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(ExitCode.OK)
    sys.exit(rv if isinstance(rv, int) else ExitCode.OK)


# Subcommands register themselves on `cli` when imported; one line each.
from claims.cli import documents as _documents  # noqa: E402,F401
from claims.cli import conflicts as _conflicts  # noqa: E402,F401
from claims.cli import review as _review  # noqa: E402,F401
from claims.cli import audit as _audit  # noqa: E402,F401
from claims.cli import maintenance as _maintenance  # noqa: E402,F401
from claims.cli import interchange as _interchange  # noqa: E402,F401
from claims.cli import team as _team  # noqa: E402,F401
from claims.cli import sync as _sync  # noqa: E402,F401
