"""Readers: a file in any supported format -> a Document with sections and infobox fields.

The format is detected from the text (`detect_format`); `format=` overrides it.
"""

from __future__ import annotations

import os
from pathlib import Path

from claims.errors import InputError
from claims.model import Document, DocumentFormat, Problem
from claims.readers import html, plain_export, plaintext, rendered, scraped_table, wikitext
from claims.readers.markdown_inline import blank_inline_markup, is_markdown_path
from claims.readers.common import MAX_BYTES, document_id, sha256

PARSERS = {
    DocumentFormat.PLAIN_EXPORT: plain_export.parse,
    DocumentFormat.SCRAPED_TABLE: scraped_table.parse,
    DocumentFormat.TEXT: plaintext.parse,
    DocumentFormat.WIKITEXT: wikitext.parse,
    DocumentFormat.RENDERED: rendered.parse,
}

SUFFIXES = {".txt", ".md", ".markdown", ".text", ".wiki", "", *html.SUFFIXES}


def detect_format(text: str) -> DocumentFormat:
    if html.looks_like(text):
        return DocumentFormat.HTML
    if plain_export.looks_like(text):
        return DocumentFormat.PLAIN_EXPORT
    if scraped_table.looks_like(text):
        return DocumentFormat.SCRAPED_TABLE
    if wikitext.looks_like(text):
        return DocumentFormat.WIKITEXT
    if rendered.looks_like(text):
        return DocumentFormat.RENDERED
    return DocumentFormat.TEXT


def read_text(text: str, path: str = "document.txt", format: DocumentFormat | None = None) -> Document:
    """Read a document from its text. Never raises for odd content; oddities become problems.

    A UTF-8 byte order mark stays in the text (offsets count it, as a reader of the file sees
    them) but the readers see it as a space, so it hides no title or label."""
    original = text
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    chosen = format or detect_format(text)
    if chosen is DocumentFormat.HTML:
        return html.read_html(original, path)
    try:
        parsed = PARSERS[chosen](text)
    except StopIteration:
        # A forced format whose landmarks are missing falls back to plain text.
        chosen = DocumentFormat.TEXT
        parsed = plaintext.parse(text)
    problems = parsed.problems
    if format is not None and format is not detect_format(text) and chosen is format:
        problems += (Problem(f"read as {format.value} as asked, though it looks like {detect_format(text).value}", 1),)
    file_sha = sha256(original)
    if is_markdown_path(path) and chosen is not DocumentFormat.WIKITEXT:
        # Emphasis and links are blanked for the extractors, offset for offset (the readers
        # above saw them: a bold label is structure to them).
        original = blank_inline_markup(original)
    return Document(
        id=document_id(path),
        path=path,
        title=parsed.title or Path(path).stem,
        format=chosen,
        text=original,
        sha256=file_sha,
        sections=parsed.sections,
        infobox=parsed.infobox,
        problems=problems,
        body_start=parsed.body_start,
        belligerents=parsed.belligerents,
        prose=parsed.prose,
        references=parsed.references,
    )


def read_path(path: str | os.PathLike[str], format: DocumentFormat | None = None, encoding: str = "utf-8") -> Document:
    """Read one file. Raises InputError (one line: file and what is wrong) for unreadable input."""
    name = os.fspath(path)
    if html.is_url(name):
        return html.fetch(name, encoding=encoding)
    try:
        with open(name, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(name, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory; pass the files in it or use a command that walks folders") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    text = html.decode_page(data, name, encoding)
    del data  # a large file's bytes are not kept while its text is parsed
    return read_text(text, name, format)


def iter_document_paths(paths: list[str]) -> tuple[list[str], list[InputError]]:
    """Expand folders into the readable files they hold (sorted); missing paths become errors."""
    found: list[str] = []
    errors: list[InputError] = []
    for given in paths:
        if os.path.isdir(given):
            for root, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or Path(name).suffix.lower() not in SUFFIXES:
                        continue
                    found.append(os.path.join(root, name))
        elif os.path.exists(given) or html.is_url(given):
            found.append(given)
        else:
            errors.append(InputError(given, "no such file or directory"))
    return found, errors


__all__ = ["detect_format", "iter_document_paths", "read_path", "read_text"]
