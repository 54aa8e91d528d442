"""What every reader shares: decoding bytes safely, infobox key names, document ids."""

from __future__ import annotations

import hashlib
import os
import re

from claims.errors import InputError

MAX_BYTES = 200 * 1024 * 1024

# Infobox labels as the formats write them -> one normalised key.
LABEL_KEYS: dict[str, str] = {
    "belligerents": "Combatant",
    "combatant": "Combatant",
    "combatants": "Combatant",
    "commanders and leaders": "Commander",
    "commander": "Commander",
    "commanders": "Commander",
    "units involved": "Units",
    "units": "Units",
    "unit": "Units",
    "strength": "Strength",
    "casualties and losses": "Casualties",
    "casualties": "Casualties",
    "casualty": "Casualties",
    "date": "Date",
    "location": "Place",
    "place": "Place",
    "result": "Result",
    "territorial changes": "Territory",
    "territory": "Territory",
    "conflict": "Conflict",
    "partof": "Partof",
    "part of": "Partof",
}

#: `Part of the Northern War` in a table cell: the war a battle belongs to.
PART_OF = re.compile(r"^Part of\s+(?P<value>.+)$")


def label_of(text: str, cell: tuple[int, int]) -> str | None:
    """The infobox label a table cell holds (`Belligerents`, `Strength:`), as written; else None."""
    words = text[cell[0] : cell[1]].strip().rstrip(":").strip()
    return words if words.lower() in LABEL_KEYS else None


_NUMBERED_KEY = re.compile(r"^(?P<base>[A-Za-z][A-Za-z _]*?)(?P<column>\d+)$")


def normalise_key(label: str) -> tuple[str, int | None]:
    """`Casualties2` -> ("Casualties", 2); `Casualties and losses` -> ("Casualties", None)."""
    label = label.strip()
    column = None
    match = _NUMBERED_KEY.match(label)
    if match:
        label, column = match.group("base"), int(match.group("column"))
    key = LABEL_KEYS.get(label.strip().lower())
    if key is None:
        key = label.strip()[:1].upper() + label.strip()[1:]
    return key, column


def document_id(path: str) -> str:
    """A document's stable id: its file name, so ids do not depend on the working directory."""
    return os.path.basename(os.path.normpath(path)) or path


def sha256(text: str, piece: int = 1 << 22) -> str:
    """The SHA-256 of the text's UTF-8, encoded a piece at a time (no copy of a large text)."""
    digest = hashlib.sha256()
    for start in range(0, len(text), piece):
        digest.update(text[start : start + piece].encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def decode(data: bytes, path: str, encoding: str = "utf-8") -> str:
    """Decode a file's bytes, refusing binary, empty and undecodable input with a clear message."""
    if not data.strip():
        raise InputError(path, "the file is empty; nothing to read")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") and encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        encoding = "utf-16"  # a UTF-16 byte order mark says what the file is
    wide = encoding.lower().replace("_", "-").startswith(("utf-16", "utf16", "utf-32", "utf32"))
    if b"\x00" in data[:8192] and not wide:
        raise InputError(path, "this looks like a binary file (it contains NUL bytes); give a text document")
    if len(data) > MAX_BYTES:
        raise InputError(
            path, f"the file is {len(data) // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB"
        )
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            path,
            f"invalid {encoding} at byte offset {exc.start} ({exc.reason}); "
            "if the file uses another encoding, pass --encoding (e.g. --encoding cp1252)",
            line=line,
            column=column,
        ) from None
    except LookupError:
        raise InputError(path, f"unknown encoding {encoding!r}; try utf-8, cp1252 or latin-1") from None
