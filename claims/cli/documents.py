"""`claims extract`, `ingest`, `list`, `show`, `export`: reading documents and the store."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence

import click

from claims.cli import UserError, cli
from claims.cli.options import db_option
from claims.convert import to_data
from claims.describe import describe_claimant, describe_side, describe_value, printable
from claims.errors import ExitCode, InputError
from claims.jsonout import SCHEMA, claim_records, document_record, paths_of
from claims.model import CLAIM_VERDICTS, Claim, Document, DocumentFormat, Kind, Verdict
from claims.pipeline import Loaded, load_paths


input_format_option = click.option(
    "--input-format",
    "input_format",
    type=click.Choice(["auto"] + [f.value for f in DocumentFormat]),
    default="auto",
    show_default=True,
    help="How to read the documents; auto detects the format from the text.",
)
encoding_option = click.option(
    "--encoding", default="utf-8", show_default=True, help="Text encoding of the documents."
)
strict_option = click.option(
    "--strict", is_flag=True, help="Fail (exit 2) if any file cannot be read."
)


def _format(value: str) -> DocumentFormat | None:
    return None if value == "auto" else DocumentFormat(value)


def report_input(loaded_documents: Sequence[Document], errors: Sequence[InputError], strict: bool) -> None:
    """Warn on stderr about every unreadable file and every oddity a reader noticed."""
    for error in errors:
        click.echo(printable(f"claims: {error}"), err=True)
    for document in loaded_documents:
        for problem in document.problems:
            click.echo(printable(f"{document.path}:{problem.line}:{problem.column}: warning: {problem.message}"), err=True)
    if errors and (strict or not loaded_documents):
        what = "no document could be read" if not loaded_documents else f"{len(errors)} file(s) could not be read (--strict)"
        raise UserError(what)


def load(paths: Sequence[str], input_format: str, encoding: str, strict: bool) -> Loaded:
    loaded = load_paths(paths, _format(input_format), encoding)
    report_input(loaded.documents, loaded.errors, strict)
    return loaded


# Column caps for the text table; the quote gets what is left.
CAPS = {"where": 40, "kind": 10, "side": 18, "value": 30, "claimant": 28}


def _clip(text: str, width: int, keep_end: bool = False) -> str:
    if len(text) <= width:
        return text
    return "…" + text[len(text) - width + 1 :] if keep_end else text[: width - 1] + "…"


def claim_fields(claim: Claim, paths: Mapping[str, str]) -> dict[str, str]:
    where = f"{paths.get(claim.span.document, claim.document)}:{claim.span.line}:{claim.span.column}"
    return {
        "where": where,
        "kind": claim.kind.value,
        "side": describe_side(claim.side),
        "value": describe_value(claim.value),
        "quote": f"\"{claim.span.quote}\"",
        "claimant": describe_claimant(claim),
        "grade": claim.confidence.grade,
        "id": claim.id,
    }


def claim_line(claim: Claim, paths: Mapping[str, str]) -> str:
    """One tab-separated line per claim: where, kind, side, value, quote, claimant, grade, id."""
    return printable("\t".join(claim_fields(claim, paths).values()))


def claim_table(claims: Sequence[Claim], paths: Mapping[str, str], quote_width: int = 44) -> list[str]:
    """Claims as aligned columns for reading in a terminal (ids last, for `claims show`)."""
    rows = [claim_fields(c, paths) for c in claims]
    header = {"where": "WHERE", "kind": "KIND", "side": "SIDE", "value": "VALUE", "quote": "QUOTE",
              "claimant": "CLAIMANT", "grade": "CONF", "id": "ID"}
    widths = {
        key: min(cap, max(len(r[key]) for r in [header, *rows])) for key, cap in CAPS.items()
    }
    widths["quote"] = quote_width
    lines = []
    for r in [header, *rows] if rows else []:
        # A location keeps its end (file name, line and column) when it must be shortened.
        cells = [_clip(r[key], widths[key], keep_end=key == "where").ljust(widths[key])
                 for key in ("where", "kind", "side", "value", "quote", "claimant")]
        lines.append(printable("  ".join(cells + [r["grade"].ljust(4), r["id"]])))
    return lines


def emit_claims(
    claims: Sequence[Claim], paths: Mapping[str, str], output: str, documents: Sequence[Document] | None = None
) -> None:
    if output == "json":
        payload: dict = {"schema": SCHEMA}
        if documents is not None:
            payload["documents"] = [document_record(d) for d in documents]
        payload["claims"] = claim_records(claims, paths)
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif output == "tsv":
        for claim in claims:
            click.echo(claim_line(claim, paths))
    else:
        for line in claim_table(claims, paths):
            click.echo(line)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output", type=click.Choice(["text", "tsv", "json"]), default="text", show_default=True,
              help="text: aligned columns; tsv: tab-separated; json: the claims/1 contract.")
@input_format_option
@encoding_option
@strict_option
def extract(paths: tuple[str, ...], output: str, input_format: str, encoding: str, strict: bool) -> None:
    """Print the claims found in PATHS (files or folders) without touching a store."""
    from claims.confidence import assess

    loaded = load(paths, input_format, encoding, strict)
    emit_claims(assess(loaded.claims, []), paths_of(loaded.documents), output, loaded.documents)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@input_format_option
@click.option("--format", "format_alias", type=click.Choice([f.value for f in DocumentFormat]), default=None,
              help="Same as --input-format.")
@encoding_option
@strict_option
def ingest(
    paths: tuple[str, ...], db_path: str, input_format: str, format_alias: str | None, encoding: str, strict: bool
) -> None:
    """Read PATHS (files or folders), extract and reconcile claims, and store them in --db."""
    from claims.api import ingest_documents, open_store

    loaded = load(paths, format_alias or input_format, encoding, strict)
    with open_store(db_path) as store:
        summary = ingest_documents(store, loaded.documents, loaded.claims)
    r = summary.reanchor
    click.echo(
        f"Ingested {summary.documents} document(s) ({summary.unchanged} unchanged) into {db_path}: "
        f"{summary.claims} claims, {summary.conflicts} conflicts in the store."
    )
    fuzzy = f" ({r.fuzzy} by fuzzy match: check them)" if r.fuzzy else ""
    click.echo(f"Annotations: {r.stayed} stayed, {r.moved} moved{fuzzy}, {r.orphaned} orphaned.")
    if r.orphaned:
        click.echo("Orphaned annotations are kept; see them with `claims list --orphaned`.")
    if loaded.errors:
        sys.exit(ExitCode.USAGE if strict else ExitCode.OK)


def _kind(value: str | None) -> Kind | None:
    if value is None:
        return None
    try:
        return Kind(value)
    except ValueError:
        raise UserError(f"unknown kind {value!r}; choose one of: {', '.join(k.value for k in Kind)}") from None


@cli.command(name="list")
@db_option
@click.option("--doc", "document", default=None, help="Only claims of this document id.")
@click.option("--kind", default=None, help="Only claims of this kind (casualties, strength, date, ...).")
@click.option("--side", default=None, help="Only claims about this side: a column number or part of a name.")
@click.option("--search", default=None, help="Only claims whose quote, subject or claimant contains this.")
@click.option("--unattributed", is_flag=True, help="Only claims with no claimant.")
@click.option("--verdict", type=click.Choice([v.value for v in CLAIM_VERDICTS]), default=None,
              help="Only claims whose current verdict is this.")
@click.option("--unreviewed", is_flag=True, help="Only claims with no verdict yet.")
@click.option("--in-conflict", "in_conflict", is_flag=True, help="Only claims in a conflict or a tension to decide.")
@click.option("--orphaned", is_flag=True, help="List orphaned annotations instead of claims.")
@click.option("--format", "output", type=click.Choice(["text", "tsv", "json"]), default="text", show_default=True)
def list_claims(
    db_path: str, document: str | None, kind: str | None, side: str | None, search: str | None,
    unattributed: bool, verdict: str | None, unreviewed: bool, in_conflict: bool, orphaned: bool, output: str,
) -> None:
    """List stored claims, filtered."""
    from claims.api import ClaimQuery, open_store

    with open_store(db_path, create=False) as store:
        if orphaned:
            for annotation in store.orphaned_annotations():
                click.echo(json.dumps(to_data(annotation), ensure_ascii=False) if output == "json" else
                           printable(f"{annotation.id}\t{annotation.target_kind.value}\t{annotation.verdict.value}\t"
                           f"{annotation.reviewer}\t{annotation.anchor.quote if annotation.anchor else ''}"))
            return
        query = ClaimQuery(document=document, kind=_kind(kind), side=side, search=search,
                           only_unattributed=unattributed, verdict=Verdict(verdict) if verdict else None,
                           only_unreviewed=unreviewed, only_conflicts=in_conflict)
        emit_claims(store.claims(query), paths_of(store.documents()), output)


@cli.command()
@click.argument("claim_id")
@db_option
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(claim_id: str, db_path: str, output: str) -> None:
    """Show one claim with its context, attribution, confidence, conflicts and annotations."""
    from claims.api import open_store

    with open_store(db_path, create=False) as store:
        claim = store.claim(claim_id)
        if claim is None:
            raise UserError(f"no claim {claim_id!r} in {db_path}; `claims list` shows the ids")
        conflicts = store.conflicts(claim_id)
        annotations = store.annotations(claim_id)
        if output == "json":
            click.echo(json.dumps({
                "schema": SCHEMA,
                "claim": to_data(claim),
                "conflicts": [to_data(c) for c in conflicts],
                "annotations": [to_data(a) for a in annotations],
            }, ensure_ascii=False, indent=2))
            return
        document = store.document(claim.span.document)
        echo = _safe_echo
        echo(f"{claim.id}  {claim.kind.value}  {describe_value(claim.value)}")
        where = document.path if document is not None else claim.document
        echo(f"  document:    {where} line {claim.span.line}, column {claim.span.column}")
        if document is not None and document.provenance is not None:
            from claims.cli.interchange import provenance_lines

            for line in provenance_lines(document, claim):
                echo(line)
        echo(f"  subject:     {claim.subject}")
        echo(f"  side:        {describe_side(claim.side)}" + (f" ({claim.side.reason})" if claim.side.reason else ""))
        echo(f"  quote:       \"{claim.span.quote}\"")
        if document is not None:
            start = max(0, claim.span.start - 120)
            end = min(len(document.text), claim.span.end + 120)
            context = document.text[start:claim.span.start] + "»" + claim.span.quote + "«" + document.text[claim.span.end:end]
            echo(f"  context:     ...{' '.join(context.split())}...")
        echo(f"  claimant:    {describe_claimant(claim)}")
        if claim.attribution.reference:
            echo(f"  cites:       {claim.attribution.reference}")
        if claim.attribution.evidence:
            echo(f"  because:     {claim.attribution.evidence}")
        for hedge in claim.hedges:
            echo(f"  hedge:       {hedge.kind.value}: \"{hedge.text}\"")
        echo(f"  rule:        {claim.rule}")
        echo(f"  confidence:  {claim.confidence.score:.2f} {claim.confidence.grade}"
                   + (" (reviewer override)" if claim.confidence.overridden else ""))
        for reason in claim.confidence.reasons:
            echo(f"               - {reason}")
        for conflict in conflicts:
            echo(f"  conflict:    {conflict.rule} [{conflict.severity.value}] {conflict.explanation}")
        for annotation in annotations:
            echo(f"  annotation:  {annotation.created_at:%Y-%m-%d %H:%M} {annotation.reviewer}: "
                       f"{annotation.verdict.value} {annotation.note}".rstrip())


def _safe_echo(text: str) -> None:
    click.echo(printable(text))
