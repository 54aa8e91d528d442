"""Team review: `claims agreement` (how far reviewers agree) and `claims reviewers`."""

from __future__ import annotations

import json

import click

from claims.cli import cli
from claims.cli.options import db_option
from claims.textmap import printable


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


@cli.command()
@db_option
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True)
def agreement(db_path: str, output: str) -> None:
    """How far reviewers agree on claims: Krippendorff's alpha (all reviewers, missing verdicts
    allowed) overall and by claim kind, Cohen's kappa for each pair of reviewers, and the raw
    table of every claim two or more reviewers judged. A reviewer's verdict is their current one."""
    from claims.api import agreement_of, open_store, to_data

    with open_store(db_path, create=False) as store:
        report = agreement_of(store)
    if output == "json":
        click.echo(json.dumps(to_data(report), ensure_ascii=True, indent=2))
        return
    if not report.table:
        click.echo("No claim has verdicts from two reviewers yet.")
        return
    click.echo(printable(f"Reviewers: {', '.join(report.reviewers)}"))
    click.echo(f"{'group':<16} {'claims':>6} {'unanimous':>9} {'alpha':>7}")
    for group in (report.overall, *report.by_kind):
        click.echo(printable(f"{group.label:<16} {group.claims:>6} {group.unanimous:>9} {_figure(group.alpha):>7}"))
    click.echo("")
    click.echo(f"{'pair':<32} {'claims':>6} {'agreed':>6} {'kappa':>7}")
    for pair in report.pairs:
        label = f"{pair.first} / {pair.second}"
        click.echo(printable(f"{label:<32} {pair.claims:>6} {pair.agreed:>6} {_figure(pair.kappa):>7}"))
    click.echo("")
    click.echo("\t".join(["claim", "kind", *report.reviewers]))
    for row in report.table:
        given = dict(row.verdicts)
        cells = [given[r].value if r in given else "-" for r in report.reviewers]
        click.echo(printable("\t".join([row.claim_id, row.kind, *cells])))


@cli.group()
def reviewers() -> None:
    """The store's reviewers and their roles (reviewer, adjudicator, admin)."""


@reviewers.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["reviewer", "adjudicator", "admin"]), default="reviewer",
              show_default=True, help="Only an adjudicator (or admin) may adjudicate; the store enforces it.")
@db_option
def reviewers_add(name: str, role: str, db_path: str) -> None:
    """Register NAME with a role (or change the role of a registered reviewer)."""
    from claims.api import open_store

    with open_store(db_path, create=False, read_only=False) as store:
        login = store.add_reviewer(name, role)
        where = store.path
    bound = (f"; the database role {name} may connect as them, bound by row-level security" if login else "")
    article = "an" if role[0] in "aeiou" else "a"
    click.echo(printable(f"claims: {name} is {article} {role} in {where}{bound}"), err=True)


@reviewers.command("list")
@db_option
def reviewers_list(db_path: str) -> None:
    """Every registered reviewer and their role, tab-separated."""
    from claims.api import open_store

    with open_store(db_path, create=False) as store:
        for name, role in store.reviewers():
            click.echo(printable(f"{name}\t{role}"))


@cli.command()
@click.argument("claim_id")
@click.argument("verdict", type=click.Choice(["accepted", "disputed", "needs_source", "rejected"]))
@click.option("--reviewer", default=None,
              help="The adjudicator's name, registered with `claims reviewers add` (default: the database role a "
                   "team store binds you to, then config, then $USER).")
@click.option("--note", default="", help="Why.")
@db_option
def adjudicate(claim_id: str, verdict: str, reviewer: str | None, note: str, db_path: str) -> None:
    """Settle reviewers' disagreement on a claim with an adjudicated VERDICT (an annotation like
    any other, marked as an adjudication; refused unless REVIEWER is an adjudicator or admin)."""
    from claims.api import ADJUDICATING_ROLES, Verdict, new_annotation, open_store
    from claims.cli import UserError
    from claims.cli.options import reviewer_for

    with open_store(db_path, create=False, read_only=False) as store:
        reviewer = reviewer_for(store, reviewer)
        claim = store.claim(claim_id)
        if claim is None:
            raise UserError(f"there is no claim {claim_id} in {db_path}; `claims disagreements` lists the claims to settle")
        roles = dict(store.reviewers())
        if roles.get(reviewer) not in ADJUDICATING_ROLES:
            role = roles.get(reviewer)
            held = "is not registered" if role is None else f"is {'an' if role[0] in 'aeiou' else 'a'} {role}"
            raise UserError(f"{reviewer} {held} in {store.path}, and only an adjudicator or admin may adjudicate: "
                            f"`claims reviewers add {reviewer} --role adjudicator` (as the store's owner), or "
                            "adjudicate as an adjudicator")
        store.annotate(new_annotation(claim, Verdict(verdict), reviewer, note=note, adjudication=True))
    click.echo(printable(f"claims: {reviewer} adjudicated {claim_id}: {verdict}"), err=True)


@cli.command()
@click.option("--to", "reviewers", required=True, help="Reviewers, comma-separated (two for double review).")
@click.option("--kind", default=None, help="Only claims of this kind.")
@click.option("--doc", "document", default=None, help="Only claims of this document id.")
@click.option("--open", "open_review", is_flag=True, help="Not blind: reviewers see each other's verdicts.")
@db_option
def assign(reviewers: str, kind: str | None, document: str | None, open_review: bool, db_path: str) -> None:
    """Assign claims (all, or --kind/--doc) to reviewers, blind by default: a reviewer sees no one
    else's verdict on an assigned claim until they have given their own."""
    from claims.api import ClaimQuery, Kind, open_store
    from claims.cli import UserError

    names = [n.strip() for n in reviewers.split(",") if n.strip()]
    if not names:
        raise UserError("--to needs at least one reviewer name")
    try:
        query = ClaimQuery(document=document, kind=Kind(kind) if kind else None)
    except ValueError:
        raise UserError(f"unknown claim kind {kind!r}") from None
    with open_store(db_path, create=False, read_only=False) as store:
        claim_ids = [c.id for c in store.claims(query)]
        store.assign(claim_ids, names, blind=not open_review)
    click.echo(printable(f"claims: {len(claim_ids)} claim(s) assigned to {', '.join(names)}"
                         f"{'' if open_review else ' (blind)'}"), err=True)


@cli.command()
@click.option("--reviewer", default=None,
              help="Whose queue (default: the database role a team store binds you to, then config, then $USER).")
@click.option("--all", "everything", is_flag=True, help="Also the claims already reviewed.")
@db_option
def assigned(reviewer: str | None, everything: bool, db_path: str) -> None:
    """The claims assigned to REVIEWER, next first (those not yet given a verdict, unless --all)."""
    from claims.api import open_store
    from claims.cli.options import reviewer_for

    with open_store(db_path, create=False) as store:
        # Anyone may look at another's queue; your own is the default.
        name = reviewer.strip() if reviewer and reviewer.strip() else reviewer_for(store, None)
        for claim_id in store.assigned(name, pending=not everything):
            click.echo(claim_id)
