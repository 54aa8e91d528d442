"""Offline review: `claims pull` copies a team store to a local file, `claims push` sends back
the annotations made there; `claims disagreements` lists the claims reviewers disagree on."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

import click

from claims.cli import UserError, cli
from claims.cli.options import db_option
from claims.textmap import printable

if TYPE_CHECKING:
    from claims.api import SyncSummary

TEAM_STORE = "The team store: a PostgreSQL URL (or any store); CLAIMS_DB sets it once."
LOCAL = click.argument("local", metavar="LOCAL", type=click.Path(dir_okay=False))


def _same_store(first: str, second: str) -> bool:
    if "://" in first or "://" in second:
        return first == second
    return os.path.realpath(first) == os.path.realpath(second)


def _default_reviewer() -> str | None:
    """The name the commands write annotations under when --reviewer is not given (None: the
    config file cannot be read, which those commands will say)."""
    from claims.tui.config import ConfigError, load_config, resolve_reviewer

    try:
        return resolve_reviewer(None, load_config())
    except ConfigError:
        return None


def _report_disagreements(summary: SyncSummary) -> None:
    """One stderr line per claim the merge left with reviewers disagreeing."""
    for found in summary.disagreements:
        given = ", ".join(f"{a.reviewer} {a.verdict.value}" for a in found.verdicts)
        click.echo(printable(f"claims: {found.claim_id}: {given}: a disagreement for the adjudicator "
                             "(`claims disagreements`)"), err=True)


@cli.command()
@LOCAL
@db_option
def pull(local: str, db_path: str) -> None:
    """Copy the team store (--db) into LOCAL, a SQLite file to review offline: documents,
    claims, conflicts, reviewers, assignments and annotations. Pulling again adds only what is
    new; annotations made in LOCAL and not pushed yet are kept. Then review with
    `--db LOCAL` and send your work back with `claims push LOCAL`."""
    from claims.api import open_store, pull as pull_store

    if _same_store(local, db_path):
        raise UserError(f"{local} is the team store itself; give --db the team store's URL and LOCAL a new file")
    with open_store(db_path, create=False) as server, open_store(local) as copy:
        summary = pull_store(server, copy)
        where = server.path
        bound = server.bound_reviewer()
    click.echo(printable(
        f"claims: pulled {summary.documents} document(s), {summary.claims} claim(s) and {len(summary.added)} "
        f"new annotation(s) ({summary.already} already here) from {where} into {local}; review with "
        f"--db {local}, then `claims push {local}`"), err=True)
    if bound is not None and _default_reviewer() != bound:
        click.echo(printable(
            f"claims: you pulled as the database role {bound}, and it pushes only annotations in its own name: "
            f"review the copy as {bound} (`claims review --db {local} --reviewer {bound}`, or "
            f"export CLAIMS_REVIEWER={bound})"), err=True)
    if summary.reattached:
        click.echo(f"claims: re-attached {summary.reattached} annotation(s) that were orphaned in {local} "
                   "to their statements, as the team store has them", err=True)
    _report_disagreements(summary)


@cli.command()
@LOCAL
@db_option
def push(local: str, db_path: str) -> None:
    """Send the team store (--db) the annotations LOCAL holds and it lacks, in one transaction,
    with where a re-ingest in LOCAL moved them: each lands on the same statement in the version
    of the document the team store holds (never on another statement; orphaned if it has none).
    Annotation ids are global, so pushing again adds nothing, but it re-attaches what the team
    store holds orphaned when LOCAL has it on a statement the team store has (after a pull
    re-anchored it, or once the team store ingested that version). Where two reviewers' verdicts on
    a claim differ, both are kept and the claim is listed as a disagreement for the
    adjudicator (`claims disagreements`): the one pushed last does not silently win."""
    from claims.api import open_store, push as push_store

    if _same_store(local, db_path):
        raise UserError(f"{local} is the team store itself; give --db the team store's URL")
    if "://" not in local and not os.path.exists(local):
        raise UserError(f"{local}: no such store; make an offline copy with `claims pull {local} --db URL` first")
    with open_store(local, create=False) as copy, open_store(db_path, create=False, read_only=False) as server:
        summary = push_store(copy, server)
        where = server.path
    click.echo(printable(f"claims: pushed {len(summary.added)} annotation(s) to {where} "
                         f"({summary.already} it had already)"), err=True)
    if summary.not_sent:
        names = ", ".join(sorted({a.reviewer for a in summary.not_sent}))
        click.echo(printable(
            f"claims: {len(summary.not_sent)} annotation(s) by {names} stayed in {local}: your database role pushes "
            f"only its own; the store's owner can push them (`claims push {local} --db OWNER_URL`)"), err=True)
    if summary.reattached:
        click.echo(f"claims: re-attached {summary.reattached} annotation(s) the team store held as orphaned "
                   "to their statements", err=True)
    if summary.orphaned or summary.still_orphaned:
        click.echo(printable(
            f"claims: {summary.orphaned + summary.still_orphaned} annotation(s) are on claims the team store does "
            f"not have; they are kept as orphaned (`claims list --orphaned`): `claims pull {local}` then "
            f"`claims push {local}` re-attaches those whose statement it still has; give the others again"),
            err=True)
    _report_disagreements(summary)


@cli.command()
@click.option("--all", "everything", is_flag=True, help="Also the disagreements an adjudication settled.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True)
@db_option
def disagreements(everything: bool, output: str, db_path: str) -> None:
    """Claims whose reviewers' current verdicts differ and no adjudication settled yet (with
    --all, settled ones too): one line each, claim id, quote, then reviewer=verdict. Settle
    one with `claims adjudicate CLAIM_ID VERDICT --reviewer NAME`."""
    from claims.api import open_store, verdict_disagreements_of

    with open_store(db_path, create=False) as store:
        found = verdict_disagreements_of(store, settled=everything)
        quotes = {d.claim_id: claim.span.quote for d in found if (claim := store.claim(d.claim_id)) is not None}
    if output == "json":
        click.echo(json.dumps([{
            "claim": d.claim_id, "quote": quotes.get(d.claim_id, ""),
            "verdicts": {a.reviewer: a.verdict.value for a in d.verdicts},
            "adjudication": None if d.adjudication is None else {
                "reviewer": d.adjudication.reviewer, "verdict": d.adjudication.verdict.value},
        } for d in found], ensure_ascii=True, indent=2))
        return
    for d in found:
        cells = [d.claim_id, quotes.get(d.claim_id, ""), *(f"{a.reviewer}={a.verdict.value}" for a in d.verdicts)]
        if d.adjudication is not None:
            cells.append(f"adjudicated by {d.adjudication.reviewer}={d.adjudication.verdict.value}")
        click.echo(printable("\t".join(cells)))
