"""Writing output files so that a reader never sees half of one."""

from __future__ import annotations

import os


def write_atomically(path: str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through ``path.tmp`` and a rename, so an interrupted
    write leaves the old file in place. Raises ``OSError``; callers word the message."""
    tmp = f"{path}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)
