"""CPU time of one reconcile, with a digest of its findings, to compare two checkouts in turn.

    .venv/bin/python benchmarks/time_reconcile.py synthetic 1000000       # bench_reconcile's corpus
    .venv/bin/python benchmarks/time_reconcile.py corpus 1000000 OUT.pkl  # bench_pipeline's text corpus,
                                                                          # extracted, stored, loaded, pickled
    .venv/bin/python benchmarks/time_reconcile.py pickle OUT.pkl          # reconcile a pickled corpus

Run it from each work tree in turn (the same pickle for both, ``PYTHONHASHSEED=0`` so event
reprs print their sets in one order): the digest is a SHA-256 of the repr of every event and
finding, so equal digests mean identical findings. Only the CPU time of ``reconcile_grouped``
is timed (the machine may be shared; CPU seconds vary less than wall seconds).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
import time
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
    gc.disable()
    with open(out, "wb") as f:
        pickle.dump(loaded, f, protocol=5)


def main() -> int:
    mode = sys.argv[1]
    if mode == "corpus":
        _corpus(int(sys.argv[2]), sys.argv[3])
        return 0
    if mode == "synthetic":
        from bench_reconcile import generate

        n = int(sys.argv[2])
        docs, claims = generate(n, max(1, n // 200), max(1, n // 500))
    else:
        gc.disable()
        with open(sys.argv[2], "rb") as f:
            docs, claims = pickle.load(f)
        gc.enable()
    from claims.reconcile import reconcile_grouped

    t0 = time.process_time()
    events, found = reconcile_grouped(docs, claims)
    cpu = time.process_time() - t0
    digest = hashlib.sha256()
    for item in (*found, *events):
        digest.update(repr(item).encode())
        digest.update(b"\n")
    print(f"{os.getcwd()}: {mode} {sys.argv[2]}: {cpu:.2f} s CPU, {len(found):,} findings, digest {digest.hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
