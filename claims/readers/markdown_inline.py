"""Markdown's inline markup, blanked: `**20 soldiers**`, `[PLA Daily](https://...)`, `` `code` ``.

A Markdown file (reader-mode exports, notes) is prose with markers inside its sentences; left in,
they hide a claimant (`the [PLA Daily](url) said`) or cut a figure from its predicate
(`lost **20 soldiers** in the clash`). The markers are replaced by spaces, character for
character, so every offset into the text is still the offset into the file and a quote is
the file's words. Headings, bullets and table pipes are structure the readers use and stay.
"""

from __future__ import annotations

import re

# `![alt](url)` (an image: nothing to read) and `[text](url "title")`, `[text][ref]`.
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
# Emphasis opens on a non-space and closes on one; `*` at a line's start followed by a space
# is a bullet, and `_` inside a word (`snake_case`) is no emphasis.
_STRONG = re.compile(r"(?P<m>\*\*|__)(?=\S)(?P<text>[^\n]*?\S)(?P=m)")
_EMPHASIS = re.compile(r"(?<![\w*])(?P<m>[*_])(?=[^\s*_])(?P<text>[^\n*_]*?[^\s*_])(?P=m)(?![\w*])")
_CODE = re.compile(r"`+")


def _blank(pieces: list[str], start: int, end: int) -> None:
    for k in range(start, end):
        if pieces[k] not in "\n":
            pieces[k] = " "


def blank_inline_markup(text: str) -> str:
    """``text`` with Markdown's inline markers turned into spaces (same length, same lines)."""
    if not any(c in text for c in "*_[`"):
        return text
    pieces = list(text)
    for m in _IMAGE.finditer(text):
        _blank(pieces, m.start(), m.end())
    for m in _LINK.finditer(text):
        if text[m.start() - 1:m.start()] == "!":
            continue
        _blank(pieces, m.start(), m.start("text"))
        _blank(pieces, m.end("text"), m.end())
    blanked = "".join(pieces)
    for pattern in (_STRONG, _EMPHASIS):
        for m in pattern.finditer(blanked):
            _blank(pieces, m.start(), m.start("text"))
            _blank(pieces, m.end("text"), m.end())
        blanked = "".join(pieces)
    for m in _CODE.finditer(blanked):
        _blank(pieces, m.start(), m.end())
    return "".join(pieces)


def is_markdown_path(path: str) -> bool:
    return path.lower().endswith((".md", ".markdown"))
