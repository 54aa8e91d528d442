"""End-to-end benchmark on a synthetic corpus: extract, ingest, reconcile, report.

    python benchmarks/bench_pipeline.py --claims 100000      # writes the corpus under /tmp
    python benchmarks/bench_pipeline.py --claims 1000000

Each stage runs in its own process so its peak memory (max RSS) is its own: extract (read and
extract every document; MB/s and claims/s), ingest (store the documents and claims in a fresh
SQLite store in one transaction; claims/s), reconcile (load every claim from the store,
reconcile, and store the findings with the events; seconds), report (build the conflict
report and render it as HTML; seconds).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.append(str(REPO))  # after site-packages: an installed `claims` (with claims.tui) wins

CLAIMS_PER_DOCUMENT_ROUND = 24  # measured: one prose round of synth_corpus yields about this many


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage_extract_and_ingest(corpus: str, db: str, queue: multiprocessing.Queue) -> None:
    from claims.pipeline import extract_all, read_paths
    from claims.store import open_store

    t0 = time.perf_counter()
    documents, errors = read_paths([corpus])
    size = sum(len(d.text.encode("utf-8")) for d in documents)
    t1 = time.perf_counter()
    claims = extract_all(documents)
    t2 = time.perf_counter()
    extract_peak = _peak_mb()
    store = open_store(db)
    store.ingest(documents, claims, [])
    store.close()
    t3 = time.perf_counter()
    queue.put({
        "documents": len(documents), "errors": len(errors), "mb": size / 1e6, "claims": len(claims),
        "read_s": t1 - t0, "extract_s": t2 - t1, "extract_peak_mb": extract_peak,
        "ingest_s": t3 - t2, "ingest_peak_mb": _peak_mb(),
    })


def stage_reconcile(db: str, queue: multiprocessing.Queue) -> None:
    from claims.reconcile import reconcile_grouped
    from claims.store import open_store

    store = open_store(db)
    t0 = time.perf_counter()
    documents = [store.document(info.id) for info in store.documents()]
    claims = store.claims()
    t1 = time.perf_counter()
    events, conflicts = reconcile_grouped(documents, claims)
    t2 = time.perf_counter()
    store.replace_conflicts(conflicts, events)
    store.close()
    queue.put({"load_s": t1 - t0, "reconcile_s": t2 - t1, "conflicts": len(conflicts), "reconcile_peak_mb": _peak_mb()})


def stage_report(db: str, out: str, queue: multiprocessing.Queue) -> None:
    from claims import reports
    from claims.store import open_store
    from claims.reports import html

    store = open_store(db)
    t0 = time.perf_counter()
    documents = [store.document(info.id) for info in store.documents()]
    claims = store.claims()
    conflicts = store.conflicts()
    annotations = store.annotations()
    t1 = time.perf_counter()
    report = reports.build_report(documents, claims, conflicts, annotations)
    page = html.render(report)
    Path(out).write_text(page, encoding="utf-8")
    t2 = time.perf_counter()
    store.close()
    queue.put({"report_load_s": t1 - t0, "report_s": t2 - t1, "report_mb": len(page) / 1e6, "report_peak_mb": _peak_mb()})


def run_stage(target, *args) -> dict:
    queue: multiprocessing.Queue = multiprocessing.Queue()
    process = multiprocessing.Process(target=target, args=(*args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> None:
    from synth_corpus import write_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000, help="About how many claims to generate.")
    parser.add_argument("--rounds", type=int, default=8, help="Prose rounds per document.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "claims-bench-pipeline")
    args = parser.parse_args()

    per_document = CLAIMS_PER_DOCUMENT_ROUND * args.rounds + 12
    documents = max(1, args.claims // per_document)
    corpus = args.workdir / f"corpus-{documents}-{args.rounds}-{args.seed}"
    if not corpus.exists():
        t = time.perf_counter()
        write_corpus(corpus, documents, args.seed, args.rounds)
        print(f"generated {documents} documents in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    db = args.workdir / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)

    results: dict = {}
    for stage, stage_args in ((stage_extract_and_ingest, (str(corpus), str(db))), (stage_reconcile, (str(db),)),
                              (stage_report, (str(db), str(args.workdir / "report.html")))):
        results |= run_stage(stage, *stage_args)
        print(json.dumps(results), file=sys.stderr, flush=True)
    n = results["claims"]
    print(json.dumps(results, indent=2), file=sys.stderr)
    print(f"{results['documents']:,} documents, {results['mb']:.1f} MB, {n:,} claims")
    print(f"extract    {results['extract_s']:8.1f} s  {results['mb'] / results['extract_s']:6.2f} MB/s  "
          f"{n / results['extract_s']:9,.0f} claims/s  peak {results['extract_peak_mb']:6.0f} MB")
    print(f"ingest     {results['ingest_s']:8.1f} s  {n / results['ingest_s']:9,.0f} claims/s  "
          f"peak {results['ingest_peak_mb']:6.0f} MB")
    print(f"reconcile  {results['reconcile_s']:8.1f} s  ({results['load_s']:.1f} s to load from the store)  "
          f"{results['conflicts']:,} findings  peak {results['reconcile_peak_mb']:6.0f} MB")
    print(f"report     {results['report_s']:8.1f} s  ({results['report_load_s']:.1f} s to load)  "
          f"{results['report_mb']:.1f} MB of HTML  peak {results['report_peak_mb']:6.0f} MB")


if __name__ == "__main__":
    main()
