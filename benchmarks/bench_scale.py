"""Scaling: the cost per document as the corpus doubles, stage by stage. It should stay flat.

    python benchmarks/bench_scale.py                  # 100, 200, 400, 800, 1600 documents
    python benchmarks/bench_scale.py --base 250 --doublings 4 --rounds 2

A synthetic corpus (`synth_corpus.py`: battle articles in both formats, every event in one to
three versions) is written at the base size and doubled ``--doublings`` times (each size a
prefix of the next, so the documents are alike). At each size, in one process, it measures
the CPU time per document of each stage:

- extract: read and extract every file (``load_paths`` in one process, ``jobs=1``);
- assess: the first confidence assessment of every claim (``claims.confidence.assess``, which
  groups documents into events and resolves sides across them);
- json: the `claims/1` payload of `claims extract --format json`, built and encoded;
- group: event grouping alone (``group_events`` of the documents and their dates);
- titles: event grouping of as many documents whose titles all share words (`Battle of Mount
  X`, each X a place of its own), so every title lands in one bucket of the title join.

and prints each stage's cost per document against the smallest size (1.00 = flat; over 1.10
is marked `!`, super-linear). CPU time, not wall time, so other work on the machine matters
less; no figure is asserted anywhere.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.append(str(REPO))  # after site-packages: an installed `claims` wins

FLAT = 1.10
"""A stage whose cost per document grows beyond this factor of the smallest size is marked."""


def shared_title_documents(n: int) -> list:
    """``n`` short reports titled `Battle of Mount X`, no two about one place."""
    from claims.model import Document, DocumentFormat

    syllables = "ka lo mi ran tu vel sor dan pe gri ost zan bel kor ni sha vil mar".split()
    documents = []
    for i in range(n):
        place, rest = "", i
        while True:  # i written in base len(syllables): a distinct name for each document
            place, rest = place + syllables[rest % len(syllables)], rest // len(syllables)
            if not rest:
                break
        place = place.capitalize() + "ovo"
        documents.append(Document(
            id=f"t{i:06d}", path=f"t{i:06d}.txt", title=f"Battle of Mount {place}", format=DocumentFormat.TEXT,
            text=f"Fighting near {place} went on for days. {place} fell in 1995.", sha256="",
        ))
    return documents


def _timed(stage: Callable[[], Any]) -> tuple[Any, float]:
    """The stage's result and CPU seconds, with what earlier stages left frozen (``gc.freeze``):
    a full collection that happens to fall inside a stage would otherwise charge it for
    walking the whole heap, a cost of when it falls, not of how the stage scales."""
    gc.collect()
    gc.freeze()
    began = time.process_time()
    result = stage()
    return result, time.process_time() - began


def measure(paths: list[str]) -> dict[str, float]:
    """CPU seconds of each stage on these files, and the counts."""
    from claims.confidence import assess
    from claims.jsonout import SCHEMA, claim_records, document_record, json_text, paths_of
    from claims.model import Kind
    from claims.pipeline import load_paths
    from claims.reconcile import group_events

    def encode() -> str:
        payload = {
            "schema": SCHEMA,
            "documents": [document_record(d) for d in loaded.documents],
            "claims": claim_records(claims, paths_of(loaded.documents)),
        }
        return json_text(payload)

    try:
        loaded, extract = _timed(lambda: load_paths(paths, jobs=1))
        claims, assessing = _timed(lambda: assess(loaded.claims, []))
        text, encoding = _timed(encode)
        dates = [c for c in loaded.claims if c.kind is Kind.DATE]
        _, grouping = _timed(lambda: group_events(loaded.documents, dates))
        titled = shared_title_documents(len(loaded.documents))
        _, titles = _timed(lambda: group_events(titled))
    finally:
        gc.unfreeze()
    return {
        "documents": len(loaded.documents), "claims": len(claims), "json_mib": len(text) / 2**20,
        "extract": extract, "assess": assessing, "json": encoding, "group": grouping, "titles": titles,
    }


def main() -> None:
    from synth_corpus import write_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=100, help="Documents at the smallest size.")
    parser.add_argument("--doublings", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=1, help="Prose rounds per document (synth_corpus).")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=None, help="Where to write the corpus (default: a temp dir).")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="claims-bench-scale-") as tmp:
        out = args.workdir or Path(tmp) / "corpus"
        largest = args.base * 2**args.doublings
        files = [str(p) for p in write_corpus(out, largest, args.seed, args.rounds)]
        measure(files[: min(20, len(files))])  # warm up: imports, lexicons, compiled patterns
        stages = ("extract", "assess", "json", "group", "titles")
        print(f"{'documents':>9} {'claims':>8} {'MB':>6} | " + " | ".join(f"{s + ' ms/doc':>14} {'x':>5}" for s in stages))
        first: dict[str, float] = {}
        for step in range(args.doublings + 1):
            n = args.base * 2**step
            subset = files[:n]
            size = sum(Path(p).stat().st_size for p in subset) / 1e6
            row = measure(subset)
            cells = []
            for stage in stages:
                per_doc = row[stage] / row["documents"] * 1000
                first.setdefault(stage, per_doc)
                ratio = per_doc / first[stage] if first[stage] else 1.0
                mark = "!" if ratio > FLAT else " "
                cells.append(f"{per_doc:>14.2f} {ratio:>4.2f}{mark}")
            print(f"{row['documents']:>9,} {row['claims']:>8,} {size:>6.1f} | " + " | ".join(cells), flush=True)
        print(f"x: cost per document against {args.base} documents; ! more than {FLAT:.2f} (not flat). CPU time.")


if __name__ == "__main__":
    main()
