"""The pipeline as one call: paths -> documents -> claims (-> conflicts), collecting input errors.

Long work reports its progress through an optional callback (the CLI draws it), and a very
long document is extracted a piece at a time (:func:`extract_bounded`), so memory follows the
size of a piece, not of the document, beyond the document's own text.

Many files with enough text between them (:data:`PARALLEL_ABOVE`) are read and extracted on
every core (:func:`load_paths`): each worker process reads and extracts whole files and sends
back their documents and claims as JSON bytes (orjson), which this process structures back, in
the order of the files; the
documents, claims and errors are those of the serial path. ``CLAIMS_WORKERS=1`` (or
``jobs=1``, the CLI's ``--jobs 1``) keeps everything in one process.
"""

from __future__ import annotations

import gc
import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence

import attrs
from attrs import frozen

from claims.errors import InputError
from claims.model import Claim, Document, DocumentFormat, InfoboxField, Problem, Section, Span, claim_id
from claims.readers import iter_document_paths, read_path
from claims.textmap import CONTEXT

Progress = Callable[[str, int, int], None]
"""Called with (what is being done, units done, units in all): files read, characters extracted."""

PIECES_ABOVE = 16_000_000
"""Documents longer than this (characters) are extracted a piece at a time."""

PIECE = 2_000_000
"""About how many characters of prose one piece holds; pieces end at a paragraph break."""

PARALLEL_ABOVE = 1_000_000
"""Bytes of input (all files together) above which :func:`load_paths` uses worker processes."""

WORKERS_ENV = "CLAIMS_WORKERS"
"""Environment variable: how many processes read and extract (1: no workers; 0 or unset: one
per core)."""


@frozen
class Loaded:
    documents: list[Document]
    claims: list[Claim]
    errors: list[InputError]


def read_paths(
    paths: Sequence[str], format: DocumentFormat | None = None, encoding: str = "utf-8",
    progress: Progress | None = None,
) -> tuple[list[Document], list[InputError]]:
    """Read every file under ``paths``; unreadable ones become errors instead of stopping the run.

    Two files with the same name get ids made unique by their folder.
    """
    files, errors = iter_document_paths(list(paths))
    documents: list[Document] = []
    seen: set[str] = set()
    for done, name in enumerate(files):
        if progress is not None:
            progress("reading", done, len(files))
        try:
            document = read_path(name, format=format, encoding=encoding)
        except InputError as exc:
            errors.append(exc)
            continue
        if document.id in seen:
            document = attrs.evolve(document, id=os.path.normpath(name).replace("\\", "/"))
        seen.add(document.id)
        documents.append(document)
    if progress is not None:
        progress("reading", len(files), len(files))
    return documents, errors


def extract_all(documents: Sequence[Document], progress: Progress | None = None) -> list[Claim]:
    """Every document's claims, in order; ``progress`` is told the characters done so far."""
    claims, _ = extract_with_problems(documents, progress)
    return claims


def extract_with_problems(
    documents: Sequence[Document], progress: Progress | None = None
) -> tuple[list[Claim], list[Document]]:
    """Claims of every document, and the documents with what extraction found odd (a date
    that cannot exist) added to their problems; ``progress`` is told the characters done."""
    claims: list[Claim] = []
    out: list[Document] = []
    total = sum(len(d.text) for d in documents)
    done = 0
    for document in documents:
        def told(chars: int, base: int = done) -> None:
            if progress is not None:
                progress("extracting", base + chars, total)

        problems: list[Problem] = []
        claims.extend(extract_bounded(document, told, problems))
        out.append(attrs.evolve(document, problems=document.problems + tuple(problems)) if problems else document)
        done += len(document.text)
    if progress is not None:
        progress("extracting", total, total)
    return claims, out


def load_paths(
    paths: Sequence[str], format: DocumentFormat | None = None, encoding: str = "utf-8",
    progress: Progress | None = None, jobs: int | None = None,
) -> Loaded:
    """Read and extract; claims carry a first confidence assessment (no reconciliation).

    With more than one file, more than :data:`PARALLEL_ABOVE` bytes of them and more than one
    worker (``jobs``; when None, ``$CLAIMS_WORKERS``, else one per core), files are read and
    extracted in worker processes; the result is the same, in the same order.
    """
    count = workers(jobs)
    if count > 1:
        files, errors = iter_document_paths(list(paths))
        if len(files) > 1 and _input_bytes(files) > PARALLEL_ABOVE:
            return _load_in_workers(files, errors, format, encoding, progress, count)
    documents, errors = read_paths(paths, format, encoding, progress)
    claims, documents = extract_with_problems(documents, progress)
    return Loaded(documents=documents, claims=claims, errors=errors)


# -- on every core -------------------------------------------------------------------------------


def workers(jobs: int | None = None) -> int:
    """How many processes to read and extract with: ``jobs`` if given and positive, else
    ``$CLAIMS_WORKERS`` if it is a positive number, else the cores this process may use."""
    if jobs is None:
        given = os.environ.get(WORKERS_ENV, "").strip()
        jobs = int(given) if given.isdigit() else 0
    if jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def _input_bytes(files: Sequence[str]) -> int:
    total = 0
    for name in files:
        try:
            total += os.stat(name).st_size
        except (OSError, ValueError):  # a URL, or a file that will be reported unreadable
            pass
    return total


def _final_id(name: str, read_id: str, seen: set[str]) -> str:
    """The id ``read_paths`` gives a document: a name seen before is made unique by its folder."""
    return os.path.normpath(name).replace("\\", "/") if read_id in seen else read_id


def _load_in_workers(
    files: Sequence[str], errors: list[InputError], format: DocumentFormat | None, encoding: str,
    progress: Progress | None, count: int,
) -> Loaded:
    """:func:`load_paths` on ``count`` worker processes: whole files to each, bytes back.

    The ids a document gets when its file name was seen before are planned here as though
    every file could be read; a document whose planned id turns out wrong (an earlier file of
    the same name was unreadable) is read again here, so ids are always those of the serial
    path. Files too long to send whole (over :data:`PIECES_ABOVE` bytes) are read here too.
    """
    import multiprocessing

    from claims.readers.common import document_id

    planned: list[str] = []
    seen: set[str] = set()
    tasks = []
    fmt = format.value if format is not None else None
    for name in files:
        final = _final_id(name, document_id(name), seen)
        seen.add(final)
        planned.append(final)
        try:
            here = os.stat(name).st_size > PIECES_ABOVE
        except (OSError, ValueError):
            here = False
        tasks.append((name, fmt, encoding, final, here))
    # fork is cheapest (workers start with what is imported here), but not safe once other
    # threads run (the TUI loads from a thread): then fresh interpreters.
    method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    chunk = max(1, min(16, len(files) // (count * 8)))
    documents: list[Document] = []
    claims: list[Claim] = []
    seen = set()
    if progress is not None:
        progress("extracting", 0, len(files))
    # A forked worker inherits a paused collector (`claims extract` pauses it for its own
    # objects); workers keep theirs, as in any process.
    with context.Pool(min(count, len(files)), initializer=gc.enable) as pool:
        results = pool.imap(_work, tasks, chunk)
        for done, (name, plan, result) in enumerate(zip(files, planned, results), 1):
            if result:
                document, found, error, read_id = _structure(result)
            else:
                document, found, error, read_id = _read_and_extract(name, format, encoding, plan)
            if error is not None:
                errors.append(error)
            else:
                final = _final_id(name, read_id, seen)
                if final != plan:  # an earlier file of the same name was unreadable
                    document, found, _, _ = _read_and_extract(name, format, encoding, final)
                assert document is not None
                seen.add(document.id)
                documents.append(document)
                claims.extend(found)
            if progress is not None:
                progress("extracting", done, len(files))
    return Loaded(documents=documents, claims=claims, errors=errors)


Extracted = tuple[Document | None, list[Claim], InputError | None, str]
"""A file read and extracted: the document, its claims, or the error; and the reader's id."""


def _read_and_extract(name: str, format: DocumentFormat | None, encoding: str, final: str) -> Extracted:
    """One file read and extracted, as :func:`read_paths` and :func:`extract_with_problems` do,
    the document given the id ``final``."""
    try:
        document = read_path(name, format=format, encoding=encoding)
    except InputError as exc:
        return None, [], exc, ""
    read_id = document.id
    if document.id != final:
        document = attrs.evolve(document, id=final)
    problems: list[Problem] = []
    found = extract_bounded(document, None, problems)
    if problems:
        document = attrs.evolve(document, problems=document.problems + tuple(problems))
    return document, found, None, read_id


def _work(task: tuple[str, str | None, str, str, bool]) -> bytes:
    """In a worker: read and extract one file, returned as JSON bytes (b"" for a file the
    parent reads itself)."""
    import orjson

    from claims.convert import to_data

    name, fmt, encoding, final, here = task
    if here:
        return b""
    document, found, error, read_id = _read_and_extract(name, DocumentFormat(fmt) if fmt else None, encoding, final)
    if error is not None:
        return orjson.dumps({"error": [error.path, error.message, error.line, error.column]})
    return orjson.dumps({"read_id": read_id, "document": to_data(document), "claims": [to_data(c) for c in found]})


def _structure(result: bytes) -> Extracted:
    """What a worker sent back, as objects again."""
    import orjson

    from claims.convert import from_trusted

    data = orjson.loads(result)
    if "error" in data:
        return None, [], InputError(*data["error"]), ""
    claims = [from_trusted(c, Claim) for c in data["claims"]]
    return from_trusted(data["document"], Document), claims, None, data["read_id"]


# -- very long documents -------------------------------------------------------------------------


def extract_bounded(
    document: Document, progress: Callable[[int], None] | None = None, problems: list[Problem] | None = None
) -> list[Claim]:
    """The document's claims; a document over :data:`PIECES_ABOVE` characters piece by piece.
    What extraction finds odd goes to ``problems``, with its line in the whole document.

    Extraction makes whole-text copies (a lower-cased text costs up to twelve bytes a
    character while it is made), so a 200 MB document extracted whole needs gigabytes. In
    pieces of about :data:`PIECE` characters, cut at paragraph breaks, it needs the text and
    a piece. The claims are the same but at the cuts: a relative date (`the next day`) or an
    attribution carried over from an earlier paragraph does not cross one.
    """
    from claims.extract import extract_document

    try:
        if len(document.text) <= PIECES_ABOVE:
            claims = extract_document(document, problems)
            if progress is not None:
                progress(len(document.text))
            return claims
        return _extract_in_pieces(document, progress, problems)
    except (RecursionError, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        # A fault of the extractor's, never of the user's file: the run goes on without the
        # document's claims, and the user hears which document and what to send us.
        if problems is not None:
            problems.append(Problem(
                f"no claims read: the extractor failed on this document ({type(exc).__name__}); "
                "the other documents are read; please report it with the file", 1))
        return []


def _extract_in_pieces(
    document: Document, progress: Callable[[int], None] | None, problems: list[Problem] | None
) -> list[Claim]:
    from claims.extract import extract_infobox, extract_prose
    from claims.extract.prose import prose_regions
    from claims.extract.references import cite_footnotes

    text = document.text
    cite = not document.references  # as extract_document: footnote markers are all it has
    claims = extract_infobox(document)
    if cite:
        claims = cite_footnotes(document, claims)
    line, counted = 1, 0
    for n, (lo, hi) in enumerate(_pieces(text, prose_regions(document))):
        line += text.count("\n", counted, lo)
        counted = lo
        piece = _piece_document(document, lo, hi, first=n == 0)
        found_problems: list[Problem] = []
        found = extract_prose(piece, found_problems if problems is not None else None)
        if cite:
            found = cite_footnotes(piece, found)
        claims.extend(_moved_into(found, document, lo, line))
        if problems is not None:
            indent = lo - (text.rfind("\n", 0, lo) + 1)  # a piece may start inside a line
            problems.extend(
                attrs.evolve(p, line=line + p.line - 1, column=p.column + (indent if p.line == 1 else 0))
                for p in found_problems
            )
        if progress is not None:
            progress(hi)
    seen: set[str] = set()
    out = []
    for claim in sorted(claims, key=lambda c: (c.span.start, c.span.end, c.kind.value)):
        if claim.id not in seen:
            seen.add(claim.id)
            out.append(claim)
    return out


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_NEW_PARAGRAPH = re.compile(r"\n(?=[A-Z\"“])")
_LINE_BREAK = re.compile(r"\n")
_SENTENCE_BREAK = re.compile(r"[.!?] (?=[A-Z])")


def _cut(text: str, target: int, hi: int) -> int:
    """Where to end a piece at or after ``target``: a blank line or a new paragraph near it,
    else the next line break, else (one endless line) a sentence end, else ``target``."""
    near = min(hi, target + PIECE // 2)
    for pattern, limit in ((_BLANK_LINE, near), (_NEW_PARAGRAPH, near), (_LINE_BREAK, hi), (_SENTENCE_BREAK, near)):
        found = pattern.search(text, target, limit)
        if found is not None:
            return found.end()
    return target


def _pieces(text: str, regions: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Each prose region in pieces of about PIECE characters, ending at paragraph breaks."""
    for lo, hi in regions:
        start = lo
        while hi - start > PIECE * 3 // 2:
            cut = _cut(text, start + PIECE, hi)
            if cut >= hi:
                break
            yield start, cut
            start = cut
        yield start, hi


def _piece_document(document: Document, lo: int, hi: int, first: bool) -> Document:
    """The document as the prose extractor sees one piece of it: the piece's text, its
    sections and references moved into it, the infobox kept for what it says about the sides
    and the year (the prose extractor reads no offsets from it)."""
    infobox = document.infobox
    if not infobox and not first:
        # A page with no infobox treats its first lines as a headline and masthead; a later
        # piece has none. A field that says nothing keeps the extractor from looking.
        infobox = (InfoboxField(key="Piece", label="", value="", start=0, end=0, line=1),)
    return attrs.evolve(
        document,
        text=document.text[lo:hi],
        prose=((0, hi - lo),),
        body_start=0,
        infobox=infobox,
        sections=tuple(
            Section(s.title, s.level, max(s.start, lo) - lo, min(s.end, hi) - lo)
            for s in document.sections if s.start < hi and s.end > lo
        ),
        references=tuple(
            attrs.evolve(r, start=r.start - lo, end=r.end - lo)
            for r in document.references if lo <= r.start and r.end <= hi
        ),
        problems=(),
    )


def _moved_into(claims: Sequence[Claim], document: Document, base: int, base_line: int) -> list[Claim]:
    """Claims found in a piece starting at ``base`` (on line ``base_line``), as claims of the
    whole document: offsets, context, line and column, ids and the links between them."""
    text = document.text
    ids: dict[str, str] = {}
    moved = []
    for claim in claims:
        span = claim.span
        start, end = span.start + base, span.end + base
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        new_span = Span(
            document=span.document, start=start, end=end, quote=span.quote,
            prefix=text[max(0, start - CONTEXT) : start], suffix=text[end : end + CONTEXT],
            line=base_line + span.line - 1, column=column,
        )
        attribution = claim.attribution
        attribution = attrs.evolve(
            attribution,
            source_span=_shift(attribution.source_span, base),
            content_span=_shift(attribution.content_span, base),
        )
        hedges = tuple(
            attrs.evolve(h, start=None if h.start is None else h.start + base, end=None if h.end is None else h.end + base)
            for h in claim.hedges
        )
        new_id = claim_id(span.document, start, end, claim.kind)
        ids[claim.id] = new_id
        moved.append(attrs.evolve(claim, id=new_id, span=new_span, attribution=attribution, hedges=hedges))
    return [attrs.evolve(c, part_of=ids.get(c.part_of, c.part_of)) if c.part_of else c for c in moved]


def _shift(pair: tuple[int, int] | None, base: int) -> tuple[int, int] | None:
    return None if pair is None else (pair[0] + base, pair[1] + base)
