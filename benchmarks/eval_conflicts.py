"""Evaluate the reconciler on the real corpus, as a user runs it: the tool's own grouping.

For every entry of ``conflicts.json`` in ``tune/`` and ``check/`` (under ``--corpus``, default
``../shared/corpus``), the entry's documents are read and reconciled together exactly as
``claims conflicts DOC...`` does (no event table, no ``--event``: the tool groups them). A real
disagreement is *found* when one set of claims that cannot all be true (what the JSON report
lists under ``conflicts``: :func:`claims.reconcile.disagreements`) holds claims at two of the
entry's values; a ``not_a_conflict`` entry so linked is a *false alarm*. Claims are matched to
a value by their span overlapping the value's text in its document, as the official scorer
(``../shared/eval/score.py conflicts``) does, so recall and false alarms equal its figures;
this runs in one process and also counts entries found only as a tension to decide.

    .venv/bin/python benchmarks/eval_conflicts.py [--corpus DIR] [--misses N]

``--misses N`` lists the first N misses and false alarms of ``tune/`` only: ``check/`` is
reported as totals, so nobody tunes on it. Exit 2 when the corpus folder is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from claims.model import Claim, Outcome  # noqa: E402
from claims.pipeline import load_paths  # noqa: E402
from claims.reconcile import disagreements, reconcile  # noqa: E402


def _occurrences(text: str, sub: str) -> list[tuple[int, int]]:
    out, i = [], text.find(sub)
    while i >= 0:
        out.append((i, i + len(sub)))
        i = text.find(sub, i + 1)
    return out


def _values_hit(claim: Claim, spans: list[list[tuple[str, tuple[int, int]]]]) -> set[int]:
    """The indexes of the entry's values whose text the claim's span overlaps."""
    name = Path(claim.document).name
    return {i for i, where in enumerate(spans) for doc, (s, e) in where
            if doc == name and claim.span.start < e and s < claim.span.end}


def judge(entry: dict, corpus: Path) -> tuple[str, float]:
    """'found', 'tension' (only a finding to decide links two values) or 'none', and seconds."""
    docs = sorted(set(entry["docs"]))
    texts = {d: (corpus / d).read_text(encoding="utf-8") for d in docs}
    value_docs = entry.get("value_docs") or [docs[0]] * len(entry["values"])
    spans = [[(d, o) for o in _occurrences(texts[d], v)] for v, d in zip(entry["values"], value_docs)]
    t0 = time.perf_counter()
    loaded = load_paths([str(corpus / d) for d in docs])
    findings = reconcile(loaded.documents, loaded.claims)
    seconds = time.perf_counter() - t0
    claims = {c.id: c for c in loaded.claims}

    def linked(ids) -> bool:
        hit: set[int] = set()
        for cid in ids:
            if cid in claims:
                hit |= _values_hit(claims[cid], spans)
        return len(hit) >= 2

    if any(linked(part.claims) for k in findings for part in disagreements(k)):
        return "found", seconds
    if any(linked(k.claims) for k in findings if k.outcome is Outcome.INDETERMINATE):
        return "tension", seconds
    return "none", seconds


def evaluate(corpus: Path, show: int) -> dict[str, float]:
    entries = json.loads((corpus / "conflicts.json").read_text(encoding="utf-8"))
    found = missed = tension = false = clean = 0
    notes: list[str] = []
    seconds = 0.0
    for entry in entries:
        verdict, spent = judge(entry, corpus)
        seconds += spent
        label = " vs ".join(entry["values"])
        if entry.get("not_a_conflict"):
            if verdict == "found":
                false += 1
                notes.append(f"  false alarm: {label}")
            else:
                clean += 1
        elif verdict == "found":
            found += 1
        else:
            missed += 1
            tension += verdict == "tension"
            notes.append(f"  missed{' (only to decide)' if verdict == 'tension' else ''}: {label} "
                         f"({entry.get('why', '')[:80]})")
    for line in notes[:show]:
        print(line)
    real, nac = found + missed, false + clean
    return {"recall": found / real if real else 0.0, "found": found, "real": real, "to decide": tension,
            "false alarms": false / nac if nac else 0.0, "false": false, "nac": nac, "seconds": seconds}


def main() -> int:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=here.parent.parent / "shared" / "corpus")
    parser.add_argument("--misses", type=int, default=0, help="List the first N misses and false alarms of tune/.")
    args = parser.parse_args()
    results = {}
    for name in ("tune", "check"):
        folder = args.corpus / name
        if not (folder / "conflicts.json").is_file():
            print(f"no {folder / 'conflicts.json'}", file=sys.stderr)
            return 2
        if name == "tune" and args.misses:
            print("tune/ misses and false alarms:")
        results[name] = evaluate(folder, args.misses if name == "tune" else 0)
    print(f"{'':28}{'tune':>16}{'check':>16}")
    for label, key, total in (("conflict recall", "found", "real"), ("false alarms", "false", "nac")):
        cells = [f"{r[key]}/{r[total]} = {r[key] / r[total] if r[total] else 0:.2f}" for r in results.values()]
        print(f"{label:28}{cells[0]:>16}{cells[1]:>16}")
    print(f"{'missed, only to decide':28}{results['tune']['to decide']:>16}{results['check']['to decide']:>16}")
    print(f"{'read, extract, reconcile s':28}{results['tune']['seconds']:>16.1f}{results['check']['seconds']:>16.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
