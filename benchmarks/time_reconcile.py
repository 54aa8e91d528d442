"""CPU time of one reconcile, with a digest of its findings, to compare two checkouts in turn.

    .venv/bin/python benchmarks/time_reconcile.py synthetic 1000000       # bench_reconcile's corpus
    .venv/bin/python benchmarks/time_reconcile.py corpus 1000000 OUT.json  # bench_pipeline's text corpus,
                                                                           # extracted, stored, loaded, saved
    .venv/bin/python benchmarks/time_reconcile.py saved OUT.json           # reconcile a saved corpus
    .venv/bin/python benchmarks/time_reconcile.py alternate BASE synthetic 1000000 6  # BASE tree against this one
    .venv/bin/python benchmarks/time_reconcile.py alternate BASE saved OUT.json 4

Run it from each work tree in turn (the same saved corpus for both, ``PYTHONHASHSEED=0`` so event
reprs print their sets in one order): the digest is a SHA-256 of the repr of every event and
finding, so equal digests mean identical findings. Only the CPU time of ``reconcile_grouped``
is timed (the machine may be shared; CPU seconds vary less than wall seconds).

A saved corpus is the documents and claims as the converter's JSON (never a pickle), read back
by each tree's own converter. ``alternate`` loads another work tree's package too (copied as
``claims_base``, its imports renamed, with a renamed copy of ``bench_reconcile.py``) and runs the two reconcilers in turn in one process, each on its own copy of the
corpus, REPS times each: on a shared machine the load then falls on both alike, which two
processes run one after the other do not get. It prints each one's CPU seconds, medians and
digests (the first run's), and the same for wall seconds.
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def _corpus(n_claims: int, out: str) -> None:
    from bench_pipeline import CLAIMS_PER_DOCUMENT_ROUND
    from synth_corpus import write_corpus

    from claims.pipeline import extract_all, read_paths
    from claims.store import open_store

    documents = max(1, n_claims // (CLAIMS_PER_DOCUMENT_ROUND * 8 + 12))
    work = Path(tempfile.gettempdir()) / "claims-time-reconcile"
    corpus = work / f"corpus-{documents}"
    if not corpus.exists():
        write_corpus(corpus, documents, 1, 8)
    docs, _ = read_paths([str(corpus)])
    claims = extract_all(docs)
    db = work / f"store-{documents}.db"
    db.unlink(missing_ok=True)
    store = open_store(str(db))
    store.ingest(docs, claims, [])
    store.close()
    store = open_store(str(db))  # as bench_pipeline's reconcile stage reads them
    loaded = ([store.document(info.id) for info in store.documents()], store.claims())
    store.close()
    _save(out, *loaded)


def _save(out: str, docs: Sequence[object], claims: Sequence[object]) -> None:
    import orjson

    from claims.convert import to_data

    Path(out).write_bytes(orjson.dumps({"documents": [to_data(d) for d in docs], "claims": [to_data(c) for c in claims]}))


def _load(path: str, package: str = "claims") -> tuple[list, list]:
    """A saved corpus as ``package``'s own objects."""
    import orjson

    convert = importlib.import_module(f"{package}.convert")
    model = importlib.import_module(f"{package}.model")
    data = orjson.loads(Path(path).read_bytes())
    gc.disable()
    try:
        return ([convert.from_trusted(d, model.Document) for d in data["documents"]],
                [convert.from_trusted(c, model.Claim) for c in data["claims"]])
    finally:
        gc.enable()


def _digest(events: Sequence[object], found: Sequence[object]) -> str:
    digest = hashlib.sha256()
    for item in (*found, *events):
        digest.update(repr(item).encode())
        digest.update(b"\n")
    return digest.hexdigest()[:16]


def _alternate(base_tree: str, mode: str, arg: str, reps: int) -> None:
    """Time ``base_tree``'s reconciler against this tree's in one process (see the docstring)."""
    work = Path(tempfile.mkdtemp(prefix="claims-alternate-"))
    shutil.copytree(Path(base_tree) / "claims", work / "claims_base")
    imports = re.compile(r"\b(from|import) claims\b")
    for source in (work / "claims_base").rglob("*.py"):
        source.write_text(imports.sub(r"\1 claims_base", source.read_text()))
    # The synthetic corpus's generator, importing from the base package.
    (work / "bench_reconcile_base.py").write_text(imports.sub(r"\1 claims_base", (HERE / "bench_reconcile.py").read_text()))
    sys.path.insert(0, str(work))

    def corpus(package: str) -> tuple:
        if mode == "synthetic":
            n = int(arg)
            bench = importlib.import_module("bench_reconcile_base" if package == "claims_base" else "bench_reconcile")
            return bench.generate(n, max(1, n // 200), max(1, n // 500))
        return _load(arg, package)

    gc.disable()
    corpora = {package: corpus(package) for package in ("claims_base", "claims")}
    gc.enable()
    run = {package: importlib.import_module(f"{package}.reconcile").reconcile_grouped for package in corpora}
    times: dict[str, list[float]] = {package: [] for package in corpora}
    walls: dict[str, list[float]] = {package: [] for package in corpora}
    digests: dict[str, str] = {}
    for i in range(reps):
        for package in sorted(corpora, reverse=i % 2 == 1):  # who goes first alternates too
            t0, w0 = time.process_time(), time.perf_counter()
            events, found = run[package](*corpora[package])
            times[package].append(time.process_time() - t0)
            walls[package].append(time.perf_counter() - w0)
            digests.setdefault(package, f"{len(found):,} findings, digest {_digest(events, found)}")
            del events, found
    for package, label in (("claims_base", base_tree), ("claims", str(HERE.parent))):
        runs = " ".join(f"{t:.2f}" for t in times[package])
        wall = " ".join(f"{t:.2f}" for t in walls[package])
        print(f"{label}: {runs} s CPU, median {statistics.median(times[package]):.2f}; wall {wall} s, "
              f"median {statistics.median(walls[package]):.2f}; {digests[package]}")
    for what, measured in (("CPU", times), ("wall", walls)):
        base, this = statistics.median(measured["claims_base"]), statistics.median(measured["claims"])
        pairs = " ".join(f"{b / t:.2f}" for b, t in zip(measured["claims_base"], measured["claims"]))
        print(f"{mode} {arg}: {reps} runs each, {what} ratio of medians {base / this:.3f} (pairs {pairs})")
    shutil.rmtree(work)


def main() -> int:
    mode = sys.argv[1]
    if mode == "corpus":
        _corpus(int(sys.argv[2]), sys.argv[3])
        return 0
    if mode == "alternate":
        _alternate(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]) if len(sys.argv) > 5 else 4)
        return 0
    if mode == "synthetic":
        from bench_reconcile import generate

        n = int(sys.argv[2])
        docs, claims = generate(n, max(1, n // 200), max(1, n // 500))
    else:
        docs, claims = _load(sys.argv[2])
    from claims.reconcile import reconcile_grouped

    t0 = time.process_time()
    events, found = reconcile_grouped(docs, claims)
    cpu = time.process_time() - t0
    print(f"{os.getcwd()}: {mode} {sys.argv[2]}: {cpu:.2f} s CPU, {len(found):,} findings, digest {_digest(events, found)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
