"""`claims export` and `claims import`: the store in the formats other tools read, and
reviewers' annotations back in (see :mod:`claims.interchange`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import click

from claims.cli import UserError, cli
from claims.cli.options import db_option, reviewer_option
from claims.errors import ExitCode
from claims.model import Claim, Document
from claims.textmap import json_printable, printable

EXPORT_FORMATS = ("json", "web-annotation", "claimreview", "wikidata", "quickstatements", "csv", "tsv")


def provenance_lines(document: Document, claim: Claim) -> list[str]:
    """What `claims show` says about a claim read from a web page: its place in the HTML and
    the page's address, title and dates."""
    from claims.readers.html import source_position

    provenance = document.provenance
    if provenance is None:
        return []
    lines = []
    found = source_position(document, claim.span.start)
    if found is not None:
        kind = provenance.source_format.upper()
        lines.append(f"  in source:   {kind} offset {found[0]} (the line and column above are the {kind}'s; "
                     f"offset {claim.span.start} of the text read from it)")
    for label, value in (("page", provenance.url), ("page title", provenance.title), ("published", provenance.published),
                         ("modified", provenance.modified), ("byline", provenance.author), ("site", provenance.site),
                         ("fetched", provenance.fetched_at)):
        if value:
            lines.append(f"  {label + ':':<13}{value}")
    return lines


def _write(text: str, output: str | None, *, is_json: bool = False) -> None:
    """Write an export to ``output`` (stdout for None or ``-``). On stdout nothing a document
    says reaches the terminal as a control sequence: JSON with those characters as ``\\u``
    escapes (the same strings once decoded), other text through :func:`printable`; a file
    gets the text as it is."""
    if output is None or output == "-":
        text = json_printable(text) if is_json else printable(text, newlines=True)
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(text if text.endswith("\n") else text + "\n")
    except OSError as exc:
        raise UserError(f"cannot write {output}: {exc.strerror or exc}") from None


def _json(data: object) -> str:
    from claims.jsonout import json_text

    return json_text(data)


@cli.command()
@db_option
@click.option("--format", "output_format", type=click.Choice(EXPORT_FORMATS), default="json", show_default=True,
              help="json: the whole store (claims/1); web-annotation: W3C JSON-LD; claimreview: schema.org "
                   "ClaimReview; wikidata / quickstatements: figure statements; csv / tsv: a table.")
@click.option("-o", "--output", default=None, help="Write to this file instead of stdout.")
@click.option("--per", type=click.Choice(["annotation", "claim"]), default="annotation", show_default=True,
              help="web-annotation: one per reviewer annotation, or one per claim describing it.")
@click.option("--doc", "document", default=None, help="web-annotation: only this document id.")
@click.option("--what", type=click.Choice(["claims", "conflicts"]), default="claims", show_default=True,
              help="csv / tsv: one row per claim, or one row per claim of each conflict.")
@click.option("--review-url", default=None, help="claimreview: the URL of the page that publishes the reviews.")
@click.option("--publisher", default=None, help="claimreview: who publishes the reviews (default: config, else the reviewer).")
@click.option("--item", default=None, help="wikidata / quickstatements: the Wikidata item (Q...) of the subject.")
@click.option("--config", "config_path", default=None, type=click.Path(dir_okay=False),
              help="Export settings file (default: [tool.claims.export] found from here upward).")
def export(
    db_path: str, output_format: str, output: str | None, per: str, document: str | None, what: str,
    review_url: str | None, publisher: str | None, item: str | None, config_path: str | None,
) -> None:
    """Export the store: as JSON, W3C web annotations, ClaimReview, Wikidata statements, CSV or TSV."""
    from claims.api import SCHEMA, claim_records, document_record, open_store, paths_of, to_data

    with open_store(db_path, create=False) as store:
        if output_format == "json":
            infos = store.documents()
            documents = [store.document(info.id) for info in infos]
            payload = {
                "schema": SCHEMA,
                "documents": [document_record(d) for d in documents if d is not None],
                "claims": claim_records(store.claims(), paths_of(infos)),
                "conflicts": [to_data(c) for c in store.conflicts()],
                "annotations": [to_data(a) for a in store.annotations()],
            }
            _write(_json(payload), output, is_json=True)
        elif output_format == "web-annotation":
            from claims.interchange.webanno import export_annotations

            _write(_json(export_annotations(store, per=per, document=document)), output, is_json=True)
        elif output_format == "claimreview":
            import attrs

            from claims.interchange.claimreview import claim_reviews
            from claims.interchange.config import ExportConfigError

            config = _config(config_path)
            if publisher:
                config = attrs.evolve(config, publisher=publisher)
            try:
                _write(_json(claim_reviews(store, config, review_url=review_url)), output, is_json=True)
            except ExportConfigError as exc:
                raise UserError(str(exc)) from None
        elif output_format in ("wikidata", "quickstatements"):
            from claims.interchange.wikidata import export_statements, quickstatements

            if item is not None and not (item[:1] == "Q" and item[1:].isdigit()):
                raise UserError(f"--item {item!r} is not a Wikidata item id (Q followed by digits)")
            exported = export_statements(store, items=_config(config_path).wikidata_items, item=item)
            if output_format == "wikidata":
                _write(_json(exported), output, is_json=True)
            else:
                lines = quickstatements(exported)
                _write("\n".join(lines) + ("\n" if lines else ""), output)
                missing = sum(1 for s in exported["statements"] if not s["claims:item"])
                if missing:
                    click.echo(f"claims: {missing} statement(s) have no Wikidata item for their subject; they are "
                               "written with its name in braces: pass --item or set wikidata-items", err=True)
        else:
            from claims.interchange.tabular import claim_rows, conflict_rows, write_rows

            rows = claim_rows(store) if what == "claims" else conflict_rows(store)
            _write(write_rows(rows, "," if output_format == "csv" else "\t"), output)


def _config(path: str | None):  # -> ExportConfig
    from claims.interchange.config import ExportConfigError, load_config

    try:
        return load_config(path)
    except ExportConfigError as exc:
        raise UserError(str(exc)) from None


@cli.command(name="import")
@click.argument("files", nargs=-1, required=True)
@db_option
@click.option("--format", "input_format", type=click.Choice(["auto", "web-annotation", "hypothesis"]), default="auto",
              show_default=True, help="The export's format; auto tells W3C from Hypothesis by its fields.")
@reviewer_option
def import_annotations(files: Sequence[str], db_path: str, input_format: str, reviewer: str | None) -> None:
    """Import reviewers' annotations (W3C Web Annotation or Hypothesis JSON) into --db.

    Each is anchored to a claim by the re-anchoring rules, or kept as orphaned; none is dropped.
    """
    from claims.api import open_store
    from claims.interchange.webanno import ImportError_, import_annotations as run_import, parse_file, read_records

    default_reviewer = reviewer or os.environ.get("USER") or "unknown"
    incoming = []
    for name in files:
        try:
            with open(name, encoding="utf-8") as handle:
                text = handle.read()
        except OSError as exc:
            raise UserError(f"cannot read {name}: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise UserError(f"{name} is not UTF-8 text; give a JSON export") from None
        try:
            incoming += read_records(parse_file(text), default_reviewer,
                                     {"auto": "auto", "web-annotation": "w3c", "hypothesis": "hypothesis"}[input_format])
        except ImportError_ as exc:
            raise UserError(f"{name}: {exc}") from None
    with open_store(db_path, create=False, read_only=False) as store:  # it writes: a read-only store is refused
        report = run_import(store, incoming)
    methods = ", ".join(f"{n} {m}" for m, n in sorted(report.attached.items())) or "none"
    click.echo(printable(f"Imported {report.imported} annotation(s) into {db_path}: {sum(report.attached.values())} "
                         f"attached ({methods}), {report.orphaned} orphaned."))
    if report.existing:
        click.echo(f"{report.existing} were already in the store and were left as they are.")
    if report.descriptions:
        click.echo(f"{report.descriptions} claim description(s) (a --per claim export) are not reviewers' work; not imported.")
    if report.orphaned:
        click.echo("Orphaned annotations are kept; see them with `claims list --orphaned`.")
    for line in report.skipped:
        click.echo(printable(f"claims: not imported: {line}"), err=True)
    if report.skipped:
        sys.exit(ExitCode.USAGE)
