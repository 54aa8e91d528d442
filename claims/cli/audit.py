"""`claims audit`: lint drafts for unattributed and overstated claims, for editors and CI.

stdout carries the report only (text, JSON, GitHub annotations or SARIF); everything else
(unreadable files, stale baseline entries, a written baseline) is one line each on stderr.
Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage/config/input error,
130 interrupted; --exit-zero turns 1 into 0.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import click

from claims.cli import UserError, cli, tool_version
from claims.errors import ExitCode, InputError
from claims.model import Claim, Document
from claims.textmap import printable

FORMATS = ("text", "json", "github", "sarif")
"""The names in :data:`claims.reports.formats.AUDIT_FORMATS` (kept here so --help needs no import)."""
LEVELS = ("error", "warning", "suggestion")


def _echo_errors(errors: Sequence[InputError]) -> None:
    for error in errors:
        click.echo(printable(f"claims: {error}"), err=True)


def _read(paths: Sequence[str], what: str) -> list[Document]:
    from claims.pipeline import read_paths

    documents, errors = read_paths(paths)
    _echo_errors(errors)
    if errors:
        raise UserError(f"{len(errors)} {what} file(s) could not be read")
    if not documents:
        raise UserError(f"no {what} documents found in {', '.join(paths)} (looked for .txt, .md, .markdown, .text, .wiki)")
    return documents


def _extract(documents: Sequence[Document]) -> list[Claim]:
    from claims.pipeline import extract_all

    return extract_all(documents)


def _reconciled(documents: Sequence[Document], claims: Sequence[Claim]):
    from claims.audit import KnownConflict
    from claims.reconcile import reconcile

    by_id = {c.id: c for c in claims}
    return [
        KnownConflict(conflict, tuple(by_id[i] for i in conflict.claims if i in by_id))
        for conflict in reconcile(list(documents), list(claims))
    ]


def _from_store(db_path: str):
    """Known conflicts (not settled by a reviewer) and disputed/rejected claims from the store."""
    from claims.api import open_store, reviewed_for_audit

    with open_store(db_path, create=False) as store:
        return reviewed_for_audit(store)


def _list_rules() -> None:
    from claims.audit import RULES

    for rule in RULES:
        click.echo(f"{rule.code}  {rule.slug:<26} {rule.severity.value:<10} {rule.summary}")


def _names(values: tuple[str, ...]) -> list[str]:
    return [name for value in values for name in value.split(",") if name.strip()]


def _explain(name: str) -> None:
    from claims.audit import RULES, explain_markdown, find_rule

    if name.strip().lower() == "all":
        click.echo("# The audit's rules\n\n" + "\n".join(explain_markdown(rule) for rule in RULES), nl=False)
        return
    rule = find_rule(name)
    if rule is None:
        raise UserError(f"unknown rule {name!r}; `claims audit --list-rules` lists them")
    click.echo(explain_markdown(rule), nl=False)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "output", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format: text for people, json for scripts, github for Actions annotations, sarif for code scanning.")
@click.option("--fail-on", type=click.Choice(LEVELS), default=None,
              help="Exit 1 when a finding is at least this severe (default: config, else error).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (usage and input errors still exit 2).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None,
              help="JSON file of accepted findings: only findings not in it are reported (default: config).")
@click.option("--update-baseline", is_flag=True, help="Write every current finding to the baseline file and exit 0.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="A claims store: use its conflicts and its reviewers' disputed/rejected verdicts.")
@click.option("--source", "sources", multiple=True, type=click.Path(), metavar="FILE",
              help="A source document the draft is based on (repeatable): finds hedges and attributions the draft dropped.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Config file (default: claims.toml or pyproject.toml [tool.claims.audit], from here upward).")
@click.option("--list-rules", is_flag=True, help="Print the rules (code, slug, default severity, summary) and exit.")
@click.option("--explain", "explain", metavar="RULE", default=None,
              help="Print what a rule flags, why and what to do (RULE: a code, a slug or `all`), and exit.")
@click.option("--select", "select", multiple=True, metavar="RULES",
              help="Report only these rules (codes, slugs or code prefixes; comma-separated or repeated).")
@click.option("--ignore", "ignore", multiple=True, metavar="RULES",
              help="Do not report these rules (codes, slugs or code prefixes; comma-separated or repeated).")
@click.pass_context
def audit(
    ctx: click.Context, paths: tuple[str, ...], output: str, fail_on: str | None, exit_zero: bool,
    baseline_path: str | None, update_baseline: bool, db_path: str | None, sources: tuple[str, ...],
    config_path: str | None, list_rules: bool, explain: str | None, select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> None:
    """Audit PATHS (drafts: files or folders) for unattributed figures, quotations and judgements.

    Every finding is `path:line:col`, a rule code (CT001...) and severity. Suppress one on its
    line with `<!-- claims: ignore CT001 -->`; see `--list-rules` for the rules.
    """
    from claims.audit import ConfigError, Level, load_config, run_audit, select_rules
    from claims.audit.baseline import BaselineError, apply_baseline, load_baseline, write_baseline

    if list_rules:
        _list_rules()
        return
    if explain is not None:
        _explain(explain)
        return
    try:
        selected = select_rules(_names(select)) if select else None
        ignored = select_rules(_names(ignore))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if not paths:
        raise click.UsageError("give at least one PATH to audit (a file or a folder)", ctx=ctx)
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise UserError(str(exc)) from None
    threshold = Level(fail_on) if fail_on else config.fail_on
    baseline_file = baseline_path or config.baseline
    if update_baseline and not baseline_file:
        raise UserError("--update-baseline needs --baseline FILE (or `baseline` in the config)")

    documents = _read(paths, "draft")
    source_documents = _read(sources, "source") if sources else []
    drafts = {os.path.realpath(d.path) for d in documents}
    if any(os.path.realpath(d.path) in drafts for d in source_documents):
        click.echo("claims: a --source file is also being audited; it is not compared with itself", err=True)
        source_documents = [d for d in source_documents if os.path.realpath(d.path) not in drafts]
    claims = _extract(documents)
    source_claims = _extract(source_documents) if source_documents else []
    conflicts = _reconciled(documents + source_documents, claims + source_claims)
    reviewed = []
    if db_path is not None:
        from claims.store.base import StoreError

        try:
            stored_conflicts, reviewed = _from_store(db_path)
        except StoreError as exc:
            raise UserError(str(exc)) from None
        conflicts += stored_conflicts

    result = run_audit(
        documents, claims, config=config, conflicts=conflicts, reviewed=reviewed,
        sources=source_documents, source_claims=source_claims,
    )
    for note in result.notes:
        click.echo(f"claims: {note}", err=True)

    if update_baseline:
        try:
            written = write_baseline(result.findings, baseline_file)
        except BaselineError as exc:
            raise UserError(str(exc)) from None
        click.echo(f"claims: wrote {written} accepted finding(s) to {baseline_file}", err=True)
        return

    findings = [
        f for f in result.findings
        if (selected is None or f.code in selected) and f.code not in ignored
    ]
    accepted = 0
    if baseline_file:
        try:
            applied = apply_baseline(findings, load_baseline(baseline_file), baseline_file)
        except BaselineError as exc:
            raise UserError(str(exc)) from None
        findings, accepted = list(applied.new), len(applied.accepted)
        for entry in applied.stale:
            click.echo(
                f"claims: {baseline_file}: baseline entry no longer matches: {entry.path} {entry.code} "
                f"“{' '.join(entry.quote.split())[:60]}” (fixed or changed; --update-baseline drops it)",
                err=True,
            )

    from claims.reports.formats import AuditOutput, render_audit

    rendered = render_audit(output, AuditOutput(
        findings, level_of=config.level, tool_version=tool_version(),
        suppressed=result.suppressed, accepted=accepted, files=len(documents), rules_url=config.rules_url,
    ))
    click.echo(rendered, nl=False)

    failing = any(f.severity.at_least(threshold) for f in findings)
    if failing and not exit_zero:
        ctx.exit(ExitCode.FINDINGS)
