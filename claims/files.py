"""Writing output files so that a reader never sees half of one."""

from __future__ import annotations

import os
from collections.abc import Iterable


def write_atomically(path: str, text: str | Iterable[str]) -> None:
    """Write ``text`` (UTF-8; a string, or pieces written as they come) to ``path`` through
    ``path.tmp`` and a rename, so an interrupted write leaves the old file in place. Raises
    ``OSError``, or what making a piece raised; callers word the message."""
    tmp = f"{path}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                handle.writelines(text)
    except BaseException:
        # A page that failed while it was being made leaves no half-written file behind.
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    os.replace(tmp, path)
