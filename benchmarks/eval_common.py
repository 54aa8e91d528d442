"""Shared helpers for the corpus evaluations (`eval_extraction.py`, later `eval_conflicts.py`).

Everything here treats the project as a black box, the way a user and the official scorer
(``../shared/eval/score.py``) do: the ``claims`` CLI is run as a subprocess and its JSON is read
defensively (a missing field is a miss, never a crash of the evaluation).

The functions marked *as score.py* reproduce the official scorer's semantics exactly, so the
numbers derived from them equal its numbers; do not "improve" them without checking that the
figures still agree on ``tune/`` and ``check/``.

The corpus itself is never copied into the project: it is read from the folder given at run
time (``../shared/corpus`` by default), which a user's clone does not have.
"""

from __future__ import annotations

import calendar
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIGURE_KINDS: tuple[str, ...] = ("casualties", "strength", "equipment", "captured", "displaced")
FAMILIES: tuple[str, ...] = ("figure", "date", "commander", "result", "territory", "other")
GENRES: tuple[str, ...] = ("news", "encyclopedia")
NEWS_GENRES = frozenset({"news", "report"})
TIMEOUT_SECONDS = 120  # as score.py

Claim = dict[str, Any]
Span = tuple[int, int]


# --- running the CLI and reading its output (as score.py) -------------------------------------


def run_json(cmd: list[str], timeout: int = TIMEOUT_SECONDS) -> tuple[object | None, str]:
    """Run ``cmd``; return (parsed stdout, "") or (None, error). As score.py: a non-zero exit
    status with valid JSON on stdout is not an error; no stdout, bad JSON or a timeout is."""
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    except OSError as e:  # score.py would crash here; we report the document as failed
        return None, f"cannot run: {e}"
    if not p.stdout.strip():
        return None, f"rc={p.returncode} no stdout; stderr: {p.stderr.strip()[-300:]}"
    try:
        return json.loads(p.stdout), ""
    except json.JSONDecodeError as e:
        return None, f"rc={p.returncode} bad json: {e}; stderr: {p.stderr.strip()[-200:]}"


def claims_of(out: object) -> list[Claim]:
    """The claim objects of ``{"claims": [...]}`` or of a bare list (as score.py)."""
    if isinstance(out, list):
        return [c for c in out if isinstance(c, dict)]
    if isinstance(out, dict):
        cs = out.get("claims")
        if isinstance(cs, list):
            return [c for c in cs if isinstance(c, dict)]
    return []


def g(d: object, *path: str, default: Any = None) -> Any:
    """``d[path[0]][path[1]]...`` or ``default`` when any step is missing (as score.py)."""
    for k in path:
        if not isinstance(d, dict) or k not in d:
            return default
        d = d[k]
    return d


def span_of(c: Claim, text: str) -> Span | None:
    """The claim's character span in ``text``: its offsets when valid, else the first
    occurrence of its quote (as score.py)."""
    s, e = g(c, "span", "start"), g(c, "span", "end")
    if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text):
        return s, e
    q = g(c, "span", "quote") or g(c, "quote")
    if isinstance(q, str) and q and q in text:
        i = text.index(q)
        return i, i + len(q)
    return None


def occurrences(text: str, sub: str) -> list[Span]:
    """Every (possibly overlapping) occurrence of ``sub`` in ``text`` (as score.py)."""
    out, i = [], text.find(sub)
    while i >= 0:
        out.append((i, i + len(sub)))
        i = text.find(sub, i + 1)
    return out


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def overlap_length(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# --- gold matching (as score.py) --------------------------------------------------------------


def edtf_bounds(v: str) -> tuple[str, str] | None:
    """ISO day bounds of an EDTF-like value: ``1994``, ``1994-12``, ``1994-12-22``, ``A/B``."""

    def one(x: str, hi: bool) -> str | None:
        x = x.strip()
        parts = x.split("-")
        try:
            if len(parts) == 1:
                return f"{int(parts[0]):04d}-12-31" if hi else f"{int(parts[0]):04d}-01-01"
            if len(parts) == 2:
                y, m = int(parts[0]), int(parts[1])
                return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}" if hi else f"{y:04d}-{m:02d}-01"
            return x[:10]
        except ValueError:
            return None

    if "/" in v:
        a, b = v.split("/", 1)
        lo, hi = one(a, False), one(b, True)
    else:
        lo, hi = one(v, False), one(v, True)
    return (lo, hi) if lo and hi else None


def num(x: object) -> float | None:
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return float(x)
    return None


def value_match(gold: dict[str, Any], c: Claim) -> bool:
    """Dates: the claim's earliest/latest days equal the gold EDTF bounds. Others: the claim's
    (low, high) equals the gold's, or the sets of given bounds are equal (``1000``/``1000-1000``);
    a gold item without numbers (commanders, results) matches any value (as score.py)."""
    if gold["kind"] == "date":
        want = edtf_bounds(gold.get("date_value") or "")
        got = (g(c, "value", "earliest"), g(c, "value", "latest"))
        if want is None or not all(isinstance(x, str) for x in got):
            return False
        return (got[0][:10], got[1][:10]) == want
    lo, hi = num(gold.get("low")), num(gold.get("high"))
    clo, chi = num(g(c, "value", "low")), num(g(c, "value", "high"))
    if lo is None and hi is None:
        return True
    return (lo, hi) == (clo, chi) or {x for x in (lo, hi) if x is not None} == {
        x for x in (clo, chi) if x is not None
    }


def kind_family(k: object) -> str:
    """``figure`` for the five figure kinds, else the kind itself (``?`` when missing)."""
    return "figure" if k in FIGURE_KINDS else (k if isinstance(k, str) and k else "?")


def claimant_of(c: Claim) -> str | None:
    """The claim's ``attribution.claimant`` when it is a non-blank string, else None."""
    cl = g(c, "attribution", "claimant")
    return cl if isinstance(cl, str) and cl.strip() else None


def claimant_matches(want: str, got: str | None) -> bool:
    """Case-insensitive containment either way, claimant at least 3 characters (as score.py)."""
    if not got or len(got) < 3:
        return False
    w, c = want.lower(), got.lower()
    return w in c or c in w


# --- sides (not in score.py: a documented lenient rule) ---------------------------------------

# Words too generic to identify a party by themselves ("Islamic State" is not "United States").
GENERIC_WORDS = frozenset(
    "forces force army armies armed people peoples republic republics state states united union "
    "federal federation government national democratic military troops soldiers militia militias "
    "sources source side sides kingdom led backed allied allies pro anti".split()
)
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "s"})
DEMONYM_SUFFIXES: tuple[str, ...] = ("ese", "ian", "ean", "ish", "an", "i", "a", "e", "n")


def side_name(c: Claim) -> str | None:
    """The claim's side as a name: ``side.name`` (or a bare string side); None when blank."""
    s = c.get("side")
    name = s.get("name") if isinstance(s, dict) else s
    return name if isinstance(name, str) and name.strip() else None


def _words(s: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", s.casefold())


def _stem(w: str) -> str:
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    for suffix in DEMONYM_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def _same_word(a: str, b: str) -> bool:
    common = len(next((a[:i] for i in range(min(len(a), len(b)), 0, -1) if a[:i] == b[:i]), ""))
    return common >= 5 or (_stem(a) == _stem(b) and len(_stem(a)) >= 4)


def _acronym(words: list[str]) -> str:
    letters = [w[0] for w in words if w not in ACRONYM_SKIP and len(w) > 1]
    return "".join(letters) if len(letters) >= 2 else ""


def _compact(words: list[str]) -> str:
    """``DPR`` -> ``dpr``; ``U.S.`` -> ``us``; anything longer -> ""."""
    if len(words) == 1 and 2 <= len(words[0]) <= 6:
        return words[0]
    if len(words) >= 2 and all(len(w) == 1 for w in words):
        return "".join(words)
    return ""


def _part_matches(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    ja, jb = f" {' '.join(wa)} ", f" {' '.join(wb)} "
    if ja in jb or jb in ja:
        return True
    sa = [w for w in wa if w not in GENERIC_WORDS and len(w) >= 4]
    sb = [w for w in wb if w not in GENERIC_WORDS and len(w) >= 4]
    if any(_same_word(x, y) for x in sa for y in sb):
        return True
    ca, cb = _compact(wa), _compact(wb)
    return bool((ca and ca == _acronym(wb)) or (cb and cb == _acronym(wa)))


def side_matches(gold: str | None, got: str | None) -> bool:
    """Lenient side comparison. Both absent: right. One absent: wrong. Both given: right when,
    for some ``/``-separated part of each (gold ``DPR/LPR`` matches either), case-insensitively:
    (1) one contains the other as whole words (``Kurdish forces`` ~ ``Kurdish``; whole words so
    that ``US`` is not found inside ``Russia``); (2) they share a significant word (not generic
    such as forces/republic/state/union, at least 4 letters) by a common prefix of at least 5
    letters (``Ukraine`` ~ ``Ukrainian``) or by the same stem once a demonym ending is removed
    (``Iraq`` ~ ``Iraqi``, ``China`` ~ ``Chinese``); (3) one is the acronym of the other
    (``DPR`` ~ ``Donetsk People's Republic``, ``U.S.`` ~ ``United States``)."""
    gold = gold if gold and gold.strip() else None
    got = got if got and got.strip() else None
    if gold is None or got is None:
        return gold is None and got is None
    return any(_part_matches(a, b) for a in gold.split("/") for b in got.split("/"))


# --- corpus layout ----------------------------------------------------------------------------


def read_genres(sources_md: Path) -> dict[str, str]:
    """File name -> ``news`` or ``encyclopedia`` from a SOURCES.md table: the column whose
    header mentions "genre"; a first word ``news`` or ``report`` means news, anything else
    (plain export, rendered text, bullets, scraped table, ...) encyclopedia."""
    genres: dict[str, str] = {}
    col = None
    for line in sources_md.read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("|"):
            col = None if not line.strip() else col
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if col is None:
            col = next((i for i, c in enumerate(cells) if "genre" in c.casefold()), None)
            continue
        if col >= len(cells) or set(cells[0]) <= set("-: "):
            continue
        name = cells[0].strip("`")
        first = (cells[col].split() or [""])[0].casefold()
        genres[name] = "news" if first in NEWS_GENRES else "encyclopedia"
    return genres


@dataclass
class Ratio:
    """A share ``num/den``; ``value`` is None when nothing was counted."""

    num: int = 0
    den: int = 0

    def add(self, ok: bool) -> None:
        self.den += 1
        self.num += int(ok)

    @property
    def value(self) -> float | None:
        return self.num / self.den if self.den else None

    def cell(self) -> str:
        return f"{self.value:.2f} {self.num:>3}/{self.den:<3}" if self.den else "n/a"
