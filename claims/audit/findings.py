"""A finding: one rule firing on one place in one document."""

from __future__ import annotations

import hashlib
import re

from attrs import frozen

from claims.audit.rules import Level


@frozen
class Finding:
    """What a rule found, where, and the text it found it in.

    ``line``/``column`` are 1-based over the file's text; ``end_line``/``end_column`` point
    just past the last character (as SARIF's ``endColumn`` does). ``fingerprint`` identifies
    the finding without line numbers (rule, normalised quote and a few words of context, plus an
    occurrence number), so a baseline survives edits elsewhere in the file.
    """

    code: str
    slug: str
    severity: Level
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    quote: str
    fix: str = ""
    claim_id: str | None = None
    fingerprint: str = ""
    document: str = ""
    start: int = 0
    """Character offset of the quote in the document (for suppression and de-duplication)."""
    end: int = 0

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


_WORD = re.compile(r"\w+")
_CITATION_MARK = re.compile(r"\[\d{1,3}\]|<ref[^>]*/>|<ref[^>]*>.*?</ref>|<!--.*?-->", re.S)


def normalise(text: str) -> str:
    """Lower-case words only: what stays the same when whitespace, case or footnotes change."""
    return " ".join(_WORD.findall(_CITATION_MARK.sub(" ", text).lower()))


def fingerprint_base(code: str, quote: str, before: str, after: str) -> str:
    """A hash of the rule, the quote and up to three words either side of it."""
    context_before = " ".join(normalise(before).split()[-3:])
    context_after = " ".join(normalise(after).split()[:3])
    data = "\x1f".join((code, normalise(quote), context_before, context_after))
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:16]
