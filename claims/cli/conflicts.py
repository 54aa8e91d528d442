"""`claims conflicts` (reconcile files, no store) and `claims report` (report on a store)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping, Sequence

import attrs
import click

from claims.cli import UserError, cli, tool_version
from claims.cli.documents import encoding_option, input_format_option, load, strict_option, without_cycle_collection
from claims.cli.options import db_option
from claims.cli.progress import ProgressBar
from claims.errors import ExitCode
from claims.files import write_atomically
from claims.model import Outcome
from claims.textmap import printable


def _grouping(event: str | None, grouping_file: str | None) -> Mapping[str, str] | None:
    """`--event NAME` puts every document in one event; `--grouping FILE` maps document -> event."""
    if event and grouping_file:
        raise UserError("give --event or --grouping, not both")
    if event:
        from claims.reconcile import ALL_DOCUMENTS

        return {ALL_DOCUMENTS: event}
    if not grouping_file:
        return None
    try:
        with open(grouping_file, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as exc:
        raise UserError(f"{grouping_file}: cannot read the grouping file ({exc})") from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise UserError(f"{grouping_file}: expected a JSON object mapping document (id, path or file name) to event name")
    return data


event_option = click.option("--event", default=None, help="Treat every document as describing this one event.")
grouping_option = click.option(
    "--grouping", "grouping_file", default=None, type=click.Path(dir_okay=False),
    help="JSON object mapping a document (id, path or file name) to an event name; overrides the automatic grouping.",
)


@cli.command("conflicts")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True,
              help="Output format (stdout).")
@event_option
@grouping_option
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when conflicts are found.")
@input_format_option
@encoding_option
@strict_option
def conflicts_command(paths: Sequence[str], fmt: str, event: str | None, grouping_file: str | None,
                      exit_zero: bool, input_format: str, encoding: str, strict: bool) -> int:
    """Reconcile the documents under PATHS (no store) and print the conflicts found.

    Exit code 1 when at least one finding is a conflict (not a tension to decide, a link or a
    consistent check), so the command can gate a CI job; --exit-zero turns that off.
    """
    from claims.api import assess, reconcile
    from claims.reports import build_report
    from claims.reports.formats import render_report

    grouping = _grouping(event, grouping_file)
    loaded = load(paths, input_format, encoding, strict)
    found = reconcile(loaded.documents, loaded.claims, grouping=grouping)
    claims = assess(loaded.claims, found, documents=loaded.documents, grouping=grouping)
    report = build_report(loaded.documents, claims, found, grouping=grouping, title="Conflicts")
    sys.stdout.write(render_report(fmt, report))
    if not exit_zero and any(k.outcome is Outcome.CONFLICT for k in found):
        return ExitCode.FINDINGS
    return ExitCode.OK


def _provenance(db_path: str, documents, annotations) -> tuple[tuple[str, str], ...]:
    """What a report is made from, for its head: store, time, tool, documents, reviewers."""
    import datetime as dt

    reviewers = sorted({a.reviewer for a in annotations})
    return (
        ("Store", os.path.abspath(db_path)),
        ("Made", dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("Tool", f"claims {tool_version()}"),
        ("Documents", f"{len(documents)}: " + ", ".join(d.path for d in documents[:12])
         + (f" and {len(documents) - 12} more" if len(documents) > 12 else "")),
        ("Reviewers", ", ".join(reviewers) if reviewers else "none yet"),
    )


@cli.command("report")
@db_option
@click.option("--format", "fmt", type=click.Choice(["markdown", "html", "json"]), default="html", show_default=True)
@click.option("-o", "--output", "output", default="-", show_default=True,
              type=click.Path(dir_okay=False, allow_dash=True), help="File to write (`-`: standard output).")
@click.option("--title", default="Conflict report", show_default=True)
@click.option("--event", "event_filter", default=None,
              help="Only events whose name contains this text (case-insensitive), for large stores.")
@click.option("--hide-consistent", is_flag=True, help="Leave out the checks that passed.")
def report_command(db_path: str, fmt: str, output: str, title: str, event_filter: str | None,
                   hide_consistent: bool) -> int:
    """Write a conflict report for the store, with reviewers' verdicts and notes."""
    with without_cycle_collection():
        return _report(db_path, fmt, output, title, event_filter, hide_consistent)


def _report(db_path: str, fmt: str, output: str, title: str, event_filter: str | None, hide_consistent: bool) -> int:
    from claims.api import StoreError, TargetKind, attached, open_store
    from claims.reports import build_report, report_from_store
    from claims.reports.formats import report_chunks

    try:
        store = open_store(db_path, create=False)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    progress = ProgressBar()
    with store, progress:
        infos = store.documents()
        documents = []
        for done, info in enumerate(infos):
            progress("reading", done, len(infos))
            document = store.document(info.id)
            if document is not None:
                documents.append(document)
        progress("reading", len(infos), len(infos))
        # Notes are shown on what they are attached to now, which an edit may have changed.
        annotations = attached(store.annotations(), store.current_targets())
        verdicts = {**store.current_verdicts(TargetKind.CLAIM), **store.current_verdicts(TargetKind.CONFLICT)}
        if fmt == "json":  # machines get every claim, so every claim is read
            claims = store.claims()
            stored_conflicts = store.conflicts()
            progress("reporting")
            report = build_report(documents, claims, stored_conflicts, annotations, verdicts=verdicts, title=title)
        else:  # a page reads only the claims it shows
            progress("reporting")
            report = report_from_store(store, documents, annotations, verdicts=verdicts, title=title)
        report = attrs.evolve(report, provenance=_provenance(db_path, documents, annotations))
    if event_filter:
        wanted = event_filter.casefold()
        events = tuple(e for e in report.events if wanted in e.name.casefold())
        if not events:
            raise UserError(f"no event in {db_path} has {event_filter!r} in its name; "
                            "`claims report` without --event lists them all")
        report = attrs.evolve(report, events=events)
    pieces = report_chunks(fmt, report, include_consistent=not hide_consistent)
    with progress:
        progress("rendering")
        if output == "-":
            rendered = "".join(pieces)  # written after the progress display is gone
        else:
            try:  # written as it is rendered: the page is never held whole
                write_atomically(output, pieces)
            except OSError as exc:
                raise UserError(f"{output}: cannot write the report ({exc.strerror})") from None
    if output == "-":
        sys.stdout.write(rendered)
    else:
        click.echo(printable(f"claims: wrote {fmt} report to {output}"), err=True)
    return ExitCode.OK
