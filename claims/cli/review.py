"""`claims review`: open the review TUI on a store (reading documents into it first if given).

Textual is imported inside the command, so `import claims` never loads it.
"""

from __future__ import annotations

import os

import click

from claims.cli import UserError, cli
from claims.cli.options import db_option, reviewer_for, reviewer_option
from claims.model import CLAIM_VERDICTS, CONFLICT_VERDICTS, Verdict
from claims.textmap import printable


@cli.command()
@click.argument("paths", nargs=-1)
@db_option
@reviewer_option
def review(paths: tuple[str, ...], db_path: str, reviewer: str | None) -> None:
    """Review claims and conflicts in a terminal UI; every annotation is saved as you make it.

    With PATHS (files or folders), read and ingest them into --db first. Your name on
    annotations comes from --reviewer, then `reviewer` in ~/.config/claims/config.toml,
    then the environment's user name; on a team store you log in to as a database role of
    your own, it is that role's. Press ? in the app for the keys.
    """
    from claims.tui.config import ConfigError, config_path, load_config, resolve_reviewer
    from claims.tui.views import views_path

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
        with open_store(db_path, create=bool(paths) or "://" not in db_path) as store:
            name = reviewer_for(store, reviewer)  # a team store may bind you to your login

    from claims.tui.app import ReviewApp

    try:
        app = ReviewApp(db_path=db_path, reviewer=name, paths=paths, keymap=config.keymap,
                        views_file=views_path(config_path()))
    except ConfigError as exc:  # the saved views file
        raise UserError(str(exc)) from None
    app.run()
    for message in app.exit_messages:
        click.echo(printable(f"claims: {message}"), err=True)


_ANNOTATE_VERDICTS = [v.value for v in (*CLAIM_VERDICTS, *CONFLICT_VERDICTS, Verdict.NOTE)]


@cli.command()
@click.argument("target_id")
@db_option
@reviewer_option
@click.option("--verdict", type=click.Choice(_ANNOTATE_VERDICTS), default=None,
              help="The verdict: accepted, disputed, needs_source, rejected on a claim; resolved, open, "
                   "not_a_conflict on a conflict; note for a note only.")
@click.option("--note", default="", help="The note (`-`: read it from standard input).")
@click.option("--confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Override the claim's confidence (0 to 1); needs --note to say why.")
@click.option("--retract", "retract_id", default=None, metavar="ANNOTATION_ID",
              help="Withdraw one of the target's annotations instead (`claims show` lists them).")
def annotate(target_id: str, db_path: str, reviewer: str | None, verdict: str | None, note: str,
             confidence: float | None, retract_id: str | None) -> None:
    """Annotate a claim or conflict from a script: the same rules and append-only history as the
    review screen (`claims annotate c_1a2b --verdict disputed --note "ministry figure"`)."""
    from claims.api import TargetKind, check_annotation, new_annotation, open_store

    if note == "-":
        note = click.get_text_stream("stdin").read().strip()
    if retract_id is None and verdict is None and confidence is None:
        raise UserError("say what to record: --verdict, --confidence or --retract (`claims annotate --help`)")
    if confidence is not None and not note.strip():
        raise UserError("a confidence override needs a reason: add --note \"why\"")
    if "://" not in db_path and not os.path.exists(db_path):  # a server's store is checked as it opens
        raise UserError(f"{db_path}: no such store; create it with `claims ingest PATH... --db {db_path}`")
    with open_store(db_path, create=False) as store:
        name = reviewer_for(store, reviewer)
        claim = store.claim(target_id)
        conflict = None if claim is not None else store.conflict(target_id)
        target = claim or conflict
        if target is None:
            raise UserError(f"no claim or conflict {target_id!r} in {db_path}; `claims list` and `claims conflicts` show the ids")
        kind = TargetKind.CLAIM if claim is not None else TargetKind.CONFLICT
        if retract_id is not None:
            own = {a.id for a in store.annotations(target_id) if a.target_kind is kind}
            if retract_id not in own:
                raise UserError(f"no annotation {retract_id!r} on {target_id}; `claims show {target_id}` lists them")
            done = store.retract(retract_id, name, note)
            click.echo(printable(f"{done.id}: {name} retracted {retract_id} on {target_id}"))
            return
        acts = []
        if verdict is not None:
            acts.append(new_annotation(target, Verdict(verdict), name, note=note))
        if confidence is not None:
            acts.append(new_annotation(target, Verdict.CONFIDENCE, name, note="" if acts else note,
                                       confidence_override=confidence, override_reason=note))
        for act in acts:
            # The review module says what an annotation may be (verdicts by target, notes...).
            try:
                check_annotation(act)
            except ValueError as exc:
                raise UserError(f"{target_id}: {exc}") from None
        for act in acts:
            store.annotate(act)
    for act in acts:
        click.echo(printable(f"{act.id}: {name} {act.verdict.value} {target_id}"))
