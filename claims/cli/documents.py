"""`claims extract`, `ingest`, `list`, `show`, `export`: reading documents and the store."""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from claims.cli import UserError, cli
from claims.cli.options import db_option
from claims.cli.progress import ProgressBar
from claims.textmap import json_printable, printable
from claims.errors import ExitCode, InputError
from claims.model import CLAIM_VERDICTS, Annotation, Claim, Document, DocumentFormat, Kind, TargetKind, Verdict

# What a command needs is imported when it runs, so `claims --help` and the other commands
# do not load the readers, the extractors, the converters or the store.
if TYPE_CHECKING:
    from claims.pipeline import Loaded, Progress
    from claims.review import Reattached


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
jobs_option = click.option(
    "--jobs", "-j", type=click.IntRange(min=0), default=None,
    help="Processes that read and extract (default: $CLAIMS_WORKERS, else one per core; 1: one "
         "process). Used for several files with over 1 MB of text between them.",
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


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Run without the cyclic garbage collector. A report or an extraction builds millions of
    small objects and no cycles, and the collector's passes over them were a sixth of a
    report's CPU at a million claims (15.5 -> 13.0 s, same peak memory) and a fifth of the
    parent's work in `extract` of 10,000 documents (8.8 of 42 s); reference counting still
    frees everything as before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load(paths: Sequence[str], input_format: str, encoding: str, strict: bool,
         progress: Progress | None = None, jobs: int | None = None) -> Loaded:
    from claims.pipeline import load_paths

    loaded = load_paths(paths, _format(input_format), encoding, progress, jobs)
    report_input(loaded.documents, loaded.errors, strict)
    return loaded


# Column caps for the text table; the quote gets what is left.
CAPS = {"where": 40, "kind": 10, "side": 18, "value": 30, "claimant": 28}


def _clip(text: str, width: int, keep_end: bool = False) -> str:
    if len(text) <= width:
        return text
    return "…" + text[len(text) - width + 1 :] if keep_end else text[: width - 1] + "…"


def claim_fields(claim: Claim, paths: Mapping[str, str]) -> dict[str, str]:
    from claims.describe import describe_claimant, describe_side, describe_value

    where = f"{paths.get(claim.span.document, claim.document)}:{claim.span.line}:{claim.span.column}"
    return {
        "where": where,
        "kind": claim.kind.value,
        "side": describe_side(claim.side),
        "value": describe_value(claim.value),
        "quote": f"\"{claim.span.quote}\"",
        "claimant": describe_claimant(claim),
        # A reviewer's override in force shows as its score, starred.
        "grade": f"{claim.confidence.score:.2f}*" if claim.confidence.overridden else claim.confidence.grade,
        "id": claim.id,
    }


TSV_HEADER = ("where", "kind", "side", "value", "quote", "claimant", "grade", "id")
"""The TSV header row: the keys of ``claim_fields``, in order."""


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
    claims: Sequence[Claim], paths: Mapping[str, str], output: str, documents: Sequence[Document] | None = None,
    verdicts: Mapping[str, Annotation] | None = None,
) -> None:
    """Print claims as a table, TSV or claims/1 JSON; with ``verdicts`` (claim id -> its current
    verdict, as a reviewer may see them) each claim also says its verdict, or that it has none."""
    if output == "json":
        from claims.jsonout import SCHEMA, claim_json_record, document_record, in_page_source, json_pieces

        by_id = {d.id: d for d in documents or ()}

        def records() -> Iterator[dict]:
            for claim in claims:
                record = in_page_source(claim_json_record(claim, paths), claim, by_id.get(claim.span.document))
                if verdicts is not None:
                    given = verdicts.get(claim.id)
                    record["verdict"] = None if given is None else {"verdict": given.verdict.value,
                                                                    "reviewer": given.reviewer}
                yield record

        lists: dict[str, Iterable[dict]] = {}
        if documents is not None:
            lists["documents"] = (document_record(d) for d in documents)
        lists["claims"] = records()
        # Written a batch of claims at a time: an archive's JSON (600 MB for 10,000 documents)
        # is never one string.
        for piece in json_pieces({"schema": SCHEMA}, lists):
            click.echo(json_printable(piece), nl=False)
        click.echo()
    elif output == "tsv":
        click.echo("\t".join(TSV_HEADER + (("verdict",) if verdicts is not None else ())))
        for claim in claims:
            click.echo(claim_line(claim, paths) + ("" if verdicts is None else "\t" + _verdict_cell(claim, verdicts)))
    else:
        lines = claim_table(claims, paths)
        if verdicts is not None and lines:
            width = max(len(c.id) for c in claims)
            cells = ["VERDICT", *(_verdict_cell(c, verdicts) for c in claims)]
            lines = [_with_cell(line, width, cell) for line, cell in zip(lines, cells)]
        for line in lines:
            click.echo(line)


def _verdict_cell(claim: Claim, verdicts: Mapping[str, Annotation]) -> str:
    """``disputed (ben)``, or ``unreviewed`` (also what a claim blind review hides looks like)."""
    given = verdicts.get(claim.id)
    return "unreviewed" if given is None else printable(f"{given.verdict.value} ({given.reviewer})")


def _with_cell(line: str, id_width: int, cell: str) -> str:
    """A table line with one more column after the id column (ids are the last cell)."""
    head, _, last = line.rpartition("  ")
    return f"{head}  {last.ljust(id_width)}  {cell}"


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output", type=click.Choice(["text", "tsv", "json"]), default="text", show_default=True,
              help="text: aligned columns; tsv: tab-separated; json: the claims/1 contract.")
@input_format_option
@encoding_option
@strict_option
@jobs_option
def extract(paths: tuple[str, ...], output: str, input_format: str, encoding: str, strict: bool,
            jobs: int | None) -> None:
    """Print the claims found in PATHS (files or folders) without touching a store."""
    from claims.confidence import assess

    with without_cycle_collection():
        with ProgressBar() as progress:
            loaded = load(paths, input_format, encoding, strict, progress, jobs)
            progress("assessing")
            claims = assess(loaded.claims, [])
        emit_claims(claims, {d.id: d.path for d in loaded.documents}, output, loaded.documents)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@input_format_option
@click.option("--format", "format_alias", type=click.Choice([f.value for f in DocumentFormat]), default=None,
              hidden=True, help="Old name of --input-format (`--format` is an output format everywhere else).")
@encoding_option
@strict_option
@jobs_option
def ingest(
    paths: tuple[str, ...], db_path: str, input_format: str, format_alias: str | None, encoding: str, strict: bool,
    jobs: int | None,
) -> None:
    """Read PATHS (files or folders), extract and reconcile claims, and store them in --db."""
    from claims.api import ingest_documents, open_store

    if format_alias is not None:
        click.echo("claims: `ingest --format` is now `--input-format` (--format names output formats)", err=True)
    with ProgressBar() as progress:
        loaded = load(paths, format_alias or input_format, encoding, strict, progress, jobs)
        with open_store(db_path) as store:
            summary = ingest_documents(store, loaded.documents, loaded.claims, progress=progress)
    r = summary.reanchor
    _safe_echo(
        f"Ingested {summary.documents} document(s) ({summary.unchanged} unchanged) into {db_path}: "
        f"{summary.claims} claims, {summary.conflicts} conflicts in the store."
    )
    fuzzy = f" ({r.fuzzy} to a changed statement)" if r.fuzzy else ""
    click.echo(f"Annotations: {r.stayed} stayed, {r.moved} moved{fuzzy}, {r.orphaned} orphaned.")
    for line in reattached_lines(r.changes, limit=MOVES_SHOWN):
        _safe_echo(line)
    if r.orphaned:
        click.echo("Orphaned annotations are kept; see them with `claims list --orphaned`.")
    if loaded.errors:
        sys.exit(ExitCode.USAGE if strict else ExitCode.OK)


MOVES_SHOWN = 30
"""Re-attachments listed after an ingest; `claims list --moved` lists them all."""

_HOW = {
    "quote": "same quote, its context changed",
    "fuzzy": "the statement changed",
    "orphaned": "orphaned: its statement is gone",
}


def reattached_lines(changes: Sequence[Reattached], limit: int | None = None) -> list[str]:
    """One line per annotation moved other than exactly (or orphaned), old quote and new."""
    if not changes:
        return []
    lines = ["Check these annotations (moved to a changed or re-worded statement, or orphaned):"]
    for change in changes[:limit]:
        where = f"{change.document}: " if change.document else ""
        what = f"{change.verdict:<12} {where}“{one_line(change.old_quote)}”"
        if change.new_quote is None:
            lines.append(f"  {what}  {_HOW['orphaned']}")
        else:
            arrow = "" if change.new_quote == change.old_quote else f" → “{one_line(change.new_quote)}”"
            score = f", score {change.score:.2f}" if change.method.value == "fuzzy" else ""
            lines.append(f"  {what}{arrow}  ({_HOW.get(change.method.value, change.method.value)}{score}) "
                         f"{change.claim_id}")
    if limit is not None and len(changes) > limit:
        lines.append(f"  … and {len(changes) - limit} more: `claims list --moved`")
    return lines


def one_line(text: str, width: int = 60) -> str:
    return _clip(" ".join(text.split()), width)


def _kind(value: str | None) -> Kind | None:
    if value is None:
        return None
    try:
        return Kind(value)
    except ValueError:
        raise UserError(f"unknown kind {value!r}; choose one of: {', '.join(k.value for k in Kind)}") from None


@cli.command(name="list")
@db_option
@click.option("--doc", "document", default=None,
              help="Only claims of this document: its id, or its path as `claims list` prints it.")
@click.option("--kind", default=None, help="Only claims of this kind (casualties, strength, date, ...).")
@click.option("--side", default=None, help="Only claims about this side: a column number or part of a name.")
@click.option("--search", default=None, help="Only claims whose quote, subject or claimant contains this.")
@click.option("--unattributed", is_flag=True, help="Only claims with no claimant and no cited reference.")
@click.option("--verdict", type=click.Choice([v.value for v in CLAIM_VERDICTS]), default=None,
              help="Only claims whose current verdict is this.")
@click.option("--unreviewed", is_flag=True, help="Only claims with no verdict yet.")
@click.option("--in-conflict", "in_conflict", is_flag=True, help="Only claims in a conflict or a tension to decide.")
@click.option("--queue-of", "queue_of", default=None, metavar="REVIEWER",
              help="Only claims assigned to REVIEWER that they have not given a verdict yet (their queue).")
@click.option("--verdict-not-by", "verdict_not_by", default=None, metavar="REVIEWER",
              help="Only claims whose current verdict someone other than REVIEWER gave "
                   "(with --verdict disputed: disputed by others).")
@click.option("--viewer", default=None, metavar="REVIEWER",
              help="List as REVIEWER may see the claims under blind review: a VERDICT column (JSON: "
                   "`verdict`) and the --verdict / --unreviewed filters show no one else's verdict on a "
                   "claim assigned to them blind until they have given theirs (it is unreviewed to them).")
@click.option("--orphaned", is_flag=True, help="List orphaned annotations instead of claims.")
@click.option("--moved", is_flag=True,
              help="List annotations an edit moved to a changed or re-worded statement, or orphaned (old and new quote).")
@click.option("--format", "output", type=click.Choice(["text", "tsv", "json"]), default="text", show_default=True)
def list_claims(
    db_path: str, document: str | None, kind: str | None, side: str | None, search: str | None,
    unattributed: bool, verdict: str | None, unreviewed: bool, in_conflict: bool, queue_of: str | None,
    verdict_not_by: str | None, viewer: str | None, orphaned: bool, moved: bool, output: str,
) -> None:
    """List stored claims, filtered."""
    from claims.api import ClaimQuery, json_text, open_store, paths_of, to_data

    with open_store(db_path, create=False) as store:
        if moved:
            changes = store.reattached()
            if output == "json":
                click.echo(json_printable(json_text([to_data(c) for c in changes])))
            else:
                for line in reattached_lines(changes)[1:]:
                    _safe_echo(line.strip() if output == "tsv" else line)
            return
        if orphaned:
            for annotation in store.orphaned_annotations():
                click.echo(json_printable(json.dumps(to_data(annotation), ensure_ascii=False)) if output == "json" else
                           printable(f"{annotation.id}\t{annotation.target_kind.value}\t{annotation.verdict.value}\t"
                           f"{annotation.reviewer}\t{annotation.anchor.quote if annotation.anchor else ''}"))
            return
        infos = store.documents()
        if document is not None:
            document = _document_id(document, infos, db_path)
        query = ClaimQuery(document=document, kind=_kind(kind), side=side, search=search,
                           only_unattributed=unattributed, verdict=Verdict(verdict) if verdict else None,
                           only_unreviewed=unreviewed, only_conflicts=in_conflict, queue_of=queue_of,
                           verdict_not_by=verdict_not_by, viewer=viewer)
        verdicts = None if viewer is None else store.current_verdicts(TargetKind.CLAIM, viewer=viewer)
        emit_claims(store.claims(query), paths_of(infos), output, verdicts=verdicts)


def _document_id(given: str, infos: Sequence, db_path: str) -> str:
    """The id of the document ``given`` names: its id, its path as ingested or printed, or the
    same file by another path (`./a.txt`, an absolute path)."""
    for info in infos:
        if given in (info.id, info.path):
            return info.id
    real = os.path.realpath(given)
    matches = [i for i in infos if os.path.realpath(i.path) == real]
    if len(matches) == 1:
        return matches[0].id
    raise UserError(f"no document {given!r} in {db_path}; give an id or a path `claims list` prints")


@cli.command()
@click.argument("claim_id")
@db_option
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(claim_id: str, db_path: str, output: str) -> None:
    """Show one claim with its context, attribution, confidence, conflicts and annotations."""
    from claims.api import SCHEMA, describe_claimant, describe_side, describe_value, json_text, open_store, to_data

    with open_store(db_path, create=False) as store:
        claim = store.claim(claim_id)
        if claim is None:
            raise UserError(f"no claim {claim_id!r} in {db_path}; `claims list` shows the ids")
        conflicts = store.conflicts(claim_id)
        annotations = store.annotations(claim_id)
        if output == "json":
            click.echo(json_printable(json_text({
                "schema": SCHEMA,
                "claim": to_data(claim),
                "conflicts": [to_data(c) for c in conflicts],
                "annotations": [to_data(a) for a in annotations],
            })))
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
        by_id = {a.id: a for a in annotations}
        for annotation in annotations:
            echo(f"  annotation:  {annotation_line(annotation, by_id)}")
            # A note keeps its lines (a newline is no control character to escape here).
            for line in annotation.note.splitlines()[1:]:
                echo(f"               {line}")


def annotation_line(annotation, by_id: Mapping[str, object]) -> str:
    """`2026-11-28 10:02 ana: disputed first line of the note`; a retraction names what it
    undid (`retracted ana's disputed of 2026-11-27 16:40`)."""
    head = f"{annotation.created_at:%Y-%m-%d %H:%M} {annotation.reviewer}: {annotation.verdict.value}"
    if annotation.retracts:
        undone = by_id.get(annotation.retracts)
        if undone is not None:
            head += f" {undone.reviewer}'s {undone.verdict.value} of {undone.created_at:%Y-%m-%d %H:%M}"
        else:
            head += f" annotation {annotation.retracts}"
    if annotation.confidence_override is not None:
        head += f" (confidence set to {annotation.confidence_override:.2f})"
    first = annotation.note.splitlines()[0] if annotation.note.strip() else ""
    return f"{head} {first}".rstrip()


def _safe_echo(text: str) -> None:
    click.echo(printable(text))
