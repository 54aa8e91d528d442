"""Benchmark the review TUI on synthetic stores: time to first paint, and moving through the list.

    python benchmarks/bench_tui.py                 # 100k and 1M claims
    python benchmarks/bench_tui.py --claims 100000 --cache /tmp/claims-bench

A store of N claims is built once (N/100 documents of 100 claims each) and cached. The app runs
headless (``App.run_test``) at 120x40; each figure is wall time until the rows are on screen:

- first paint: app start to the first page of rows and the first claim's detail loaded (the
  document list for the filter is read after it);
- page down: one page-down (~36 rows) until its rows are fetched and rendered, over 200 presses;
- jump to end / middle: the cursor moved to the last (or middle) claim until it is drawn;
- filter: a kind filter applied until the new count and first page are drawn.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

# For tests.store_helpers; after site-packages, so an installed `claims` (with claims.tui) wins.
sys.path.append(str(Path(__file__).resolve().parent.parent))

from claims.model import (  # noqa: E402
    Attribution,
    Category,
    Claim,
    Document,
    Kind,
    Qualifier,
    Quantity,
    Side,
)
from claims.store import open_store  # noqa: E402
from claims.textmap import LineMap, span_in  # noqa: E402
from tests.store_helpers import make_document  # noqa: E402

CLAIMS_PER_DOCUMENT = 100
LINE = "Casualties{col}: {n:,} killed according to source {i} [note] and more text here.\n"


def synthetic_document(d: int) -> tuple[Document, list[Claim]]:
    """Document ``d``: CLAIMS_PER_DOCUMENT lines, each holding one figure that becomes a claim."""
    lines, claims = [], []
    offset = 0
    doc_id = f"doc-{d:06d}.txt"
    parts = []
    for i in range(CLAIMS_PER_DOCUMENT):
        n = (d * 7919 + i * 104729) % 50000 + 1
        line = LINE.format(col=i % 2 + 1, n=n, i=i)
        figure = f"{n:,} killed"
        start = offset + line.index(figure)
        parts.append((start, figure, i))
        lines.append(line)
        offset += len(line)
    text = "".join(lines)
    line_map = LineMap(text)
    for start, figure, i in parts:
        n = int(figure.split()[0].replace(",", ""))
        span = span_in(text, doc_id, start, start + len(figure), line_map)
        claims.append(Claim.create(
            document=doc_id, kind=Kind.CASUALTIES if i % 3 else Kind.STRENGTH, subject=f"Battle {d}",
            side=Side(column=i % 2 + 1), rule="bench.synthetic",
            value=Quantity(low=n, high=n, qualifier=Qualifier.EXACT, category=Category.KILLED),
            span=span, attribution=Attribution(document=doc_id, claimant=None if i % 4 else f"source {i}"),
        ))
    return make_document(doc_id, text, path=doc_id, title=f"Synthetic battle {d}"), claims


def build_store(path: Path, n_claims: int) -> None:
    if path.exists():
        return
    tmp = path.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    store = open_store(tmp)
    started = time.perf_counter()
    batch_docs, batch_claims = [], []
    n_docs = n_claims // CLAIMS_PER_DOCUMENT
    for d in range(n_docs):
        document, claims = synthetic_document(d)
        batch_docs.append(document)
        batch_claims.extend(claims)
        if len(batch_docs) == 200 or d == n_docs - 1:
            store.ingest(batch_docs, batch_claims)
            batch_docs, batch_claims = [], []
            print(f"  built {d + 1:,}/{n_docs:,} documents ({time.perf_counter() - started:.0f} s)",
                  file=sys.stderr, end="\r")
    store.close()
    print(file=sys.stderr)
    os.replace(tmp, path)


async def measure(db: Path) -> dict[str, float]:
    from claims.tui.app import ReviewApp
    from claims.tui.widgets.claim_list import ClaimList

    results: dict[str, float] = {}
    started = time.perf_counter()
    app = ReviewApp(str(db), "bench")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.main_screen
        claims = screen.query_one(ClaimList)

        async def until(predicate, timeout=120.0):
            deadline = time.perf_counter() + timeout
            while not predicate():
                if time.perf_counter() > deadline:
                    raise TimeoutError
                await asyncio.sleep(0.001)

        await until(lambda: claims.highlighted is not None and screen.current_history is not None
                    and screen.current is not None)
        # Taken before the pause: the pause also waits for what the app does after the first
        # paint (reading the document list for the filter).
        results["first paint (s)"] = time.perf_counter() - started
        await pilot.pause()
        results["claims"] = claims.total

        def drawn() -> None:
            # Render every visible row now (what the compositor does on the next frame).
            claims._lines.clear()
            for y in range(claims.scrollable_content_region.height):
                claims.render_line(y)

        timings = []
        for _ in range(200):
            t = time.perf_counter()
            claims.action_page(1)
            await until(lambda: claims.highlighted is not None)
            drawn()
            timings.append(time.perf_counter() - t)
            await asyncio.sleep(0)
        results["page down, mean (ms)"] = statistics.mean(timings) * 1000
        results["page down, p95 (ms)"] = sorted(timings)[int(len(timings) * 0.95)] * 1000

        for name, index in (("jump to end (ms)", claims.total - 1), ("jump to middle (ms)", claims.total // 2)):
            await pilot.pause()
            t = time.perf_counter()
            claims.move_to(index)
            await until(lambda: claims.highlighted is not None)
            drawn()
            results[name] = (time.perf_counter() - t) * 1000

        t = time.perf_counter()
        generation = claims.generation
        screen.query_one("#filter-kind").value = Kind.STRENGTH
        await until(lambda: claims.generation != generation and claims.highlighted is not None)
        drawn()
        results["kind filter (ms)"] = (time.perf_counter() - t) * 1000
        await pilot.press("q")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, action="append", help="store sizes (default 100000 and 1000000)")
    parser.add_argument("--cache", default=os.environ.get("CLAIMS_BENCH_CACHE", "/tmp/claims-bench"))
    args = parser.parse_args()
    sizes = args.claims or [100_000, 1_000_000]
    Path(args.cache).mkdir(parents=True, exist_ok=True)
    print("| claims | first paint | page down (mean / p95) | jump to end | jump to middle | kind filter |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        db = Path(args.cache) / f"tui-{n}.db"
        build_store(db, n)
        r = asyncio.run(measure(db))
        print(f"| {int(r['claims']):,} | {r['first paint (s)']:.2f} s | {r['page down, mean (ms)']:.1f} / "
              f"{r['page down, p95 (ms)']:.1f} ms | {r['jump to end (ms)']:.0f} ms | "
              f"{r['jump to middle (ms)']:.0f} ms | {r['kind filter (ms)']:.0f} ms |", flush=True)


if __name__ == "__main__":
    main()
