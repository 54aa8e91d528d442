"""Peak memory and time of one very large document through extract, ingest and report.

    python benchmarks/bench_large_document.py [--mb 200] [--figures 0.001] [--keep DIR]

Writes a plain-export article (an infobox, then prose: narrative sentences with a figure,
attribution or hedge in a share ``--figures`` of them, and one en dash, so the text is not
pure ASCII, as real ones are not), then runs the installed ``claims`` on it as a user would
and reports each command's wall time and peak resident memory (the child process's maximum
RSS). Target: a 200 MB document under 1 GB.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NARRATIVE = [
    "The river ran through the valley and the old town stood on the hill above it.",
    "The roads were closed for weeks because the snow and the mud were deep.",
    "The meaning the campaign had for the region is still unclear to many.",
    "The bridge was rebuilt after the war with stone from the quarry nearby.",
    "Farmers returned to the fields, and the markets opened again.",
]
FIGURES = [
    "According to the ministry, {n:,} soldiers were killed near {p} on {d} March 1994.",
    "The army said {m} tanks were destroyed in the fighting.",
    "Some sources say about {n:,} civilians fled the town.",
]
PLACES = ["Orlen", "Vessa", "Terter", "Gori"]
HEAD = (
    "= Battle of Orlen =\n\nInfobox\n- Date: March – May 1994\n- Result: Stalemate\n"
    "- Strength1: 3,000 troops\n- Strength2: 2,000 troops\n- Casualties1: 600 killed\n"
    "- Casualties2: 400 killed\n\n==Battle==\n"
)


def write_document(path: Path, megabytes: float, share: float, seed: int = 1) -> int:
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        size = len(HEAD.encode("utf-8"))
        paragraph: list[str] = []
        while size < target:
            if rng.random() < share:
                sentence = rng.choice(FIGURES).format(n=rng.randint(10, 9000), m=rng.randint(2, 90),
                                                      p=rng.choice(PLACES), d=rng.randint(1, 28))
            else:
                sentence = rng.choice(NARRATIVE)
            paragraph.append(sentence)
            if len(paragraph) == 5:
                line = " ".join(paragraph) + "\n\n"
                out.write(line)
                size += len(line)
                paragraph = []
    return size


def measured(command: list[str], errors: Path) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit code) of one child process; its stderr goes to ``errors``."""
    began = time.perf_counter()
    with open(os.devnull, "w") as sink, errors.open("w") as log:
        child = subprocess.Popen(command, stdout=sink, stderr=log)
        _, status, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - began, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=200.0)
    parser.add_argument("--figures", type=float, default=0.001, help="share of sentences with a claim")
    parser.add_argument("--keep", default=None, help="write the document and store here and keep them")
    args = parser.parse_args(argv)
    sibling = Path(sys.executable).with_name("claims")
    claims = str(sibling) if sibling.exists() else shutil.which("claims") or "claims"
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="claims-large-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        document = folder / "large-article.txt"
        size = write_document(document, args.mb, args.figures)
        store = folder / "large.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{store}{suffix}").unlink(missing_ok=True)
        print(f"document: {size / 1e6:.0f} MB, {args.figures:.1%} of sentences with a figure")
        runs = [
            ("extract", [claims, "extract", str(document), "--format", "tsv"]),
            ("ingest", [claims, "ingest", str(document), "--db", str(store)]),
            ("report", [claims, "report", "--db", str(store), "--format", "html", "-o", str(folder / "r.html")]),
        ]
        worst, failed = 0.0, False
        for name, command in runs:
            errors = folder / f"{name}.stderr"
            seconds, peak, code = measured(command, errors)
            worst = max(worst, peak)
            print(f"{name:<8} {seconds:7.1f} s   peak {peak:7.0f} MB   exit {code}")
            if code != 0:
                failed = True
                lines = errors.read_text(encoding="utf-8", errors="replace").splitlines()
                print(f"         {lines[-1] if lines else '(nothing on stderr)'}")
        print(f"largest peak: {worst:.0f} MB (target < 1024 MB)")
        return 0 if worst < 1024 and not failed else 1
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
