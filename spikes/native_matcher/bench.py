"""The Python matcher against the native one, on the same texts in the same run.

    python spikes/native_matcher/bench.py [--mb 2] [--documents 400] [--rounds 7]

The texts: ``benchmarks/bench_extract.py``'s generated documents (``--mb``) and a
``benchmarks/synth_corpus.py`` corpus (``--documents``). Both matchers get the same prepared
input (``reference.prepare``: unwrapped prose, paragraphs, sentences; not timed). Each round
times, in an order that rotates from round to round:

- ``extract``: ``extract_document`` on every document (the whole of extraction, prose and
  infobox, for the fraction the matched part is of it);
- ``python``: ``reference.find_candidates_py`` (the prefilter and the figure/date scans);
- ``native``: ``Matcher.find_candidates`` (the same, in Rust);
- ``python prefilter`` / ``native prefilter``: the paragraph prefilter alone (paragraphs with
  no sentences: only the trigger scan runs), the part the `regex` crate runs by itself.

CPU time of this process (``time.process_time``), so other work on the machine counts less;
the machine is shared and noisy, so only ratios within one run mean anything. Medians over
the rounds, and each round's native/python ratio.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import reference as R  # noqa: E402

sys.path.insert(0, str(R.REPO / "benchmarks"))
MiB = 1024 * 1024


def load(mb: float, documents: int, folder: Path):
    import bench_extract
    import synth_corpus
    from claims.readers import read_path, read_text

    docs = []
    rng = random.Random(1)
    total = 0
    while total < mb * 1_000_000:
        text = bench_extract.make_document(rng, len(docs), rng.randint(8_000, 40_000))
        total += len(text.encode("utf-8"))
        docs.append(read_text(text, path=f"doc{len(docs)}.txt"))
    for path in synth_corpus.write_corpus(folder, documents, seed=1):
        docs.append(read_path(path))
    return docs


def per_pattern(prepared, matcher, rounds: int) -> None:
    """Each pattern alone over every sentence (the trigger: every paragraph, lower-cased),
    Python's ``re`` against the crate that runs it natively; the counts must agree."""
    engines = matcher.engines()
    print(f"per pattern, every sentence of the corpus, {rounds} rounds (medians, CPU ms):")
    for name in ("trigger", "digits", "digits_port", "words", "simple", "day_range", "numeric_no_era", "numeric",
                 "relative", "month_hint", "hint"):
        pattern = R.COMPILED["digits" if name == "digits_port" else name]
        jobs = []
        for p in prepared:
            if name == "trigger":
                jobs.append((p.scan, [(lo, hi) for lo, hi, _ in p.paragraphs]))
            elif name == "hint":
                jobs.append((p.scan, [s for _, _, spans in p.paragraphs for s in spans]))
            else:
                jobs.append((p.text, [s for _, _, spans in p.paragraphs for s in spans]))
        py_t, rs_t = [], []
        for r in range(rounds):
            for side in ((0, 1) if r % 2 == 0 else (1, 0)):
                t0 = time.process_time()
                if side == 0:
                    n_py = sum(1 for text, spans in jobs for s, e in spans for _ in pattern.finditer(text, s, e))
                    py_t.append(time.process_time() - t0)
                else:
                    n_rs = sum(matcher.count(name, text, spans) for text, spans in jobs)
                    rs_t.append(time.process_time() - t0)
        assert n_py == n_rs, (name, n_py, n_rs)
        a, b = statistics.median(py_t), statistics.median(rs_t)
        engine = "hand port" if name == "digits_port" else engines[name]
        print(f"  {name:15s} {engine:12s} {n_py:7d} matches  python {a * 1000:7.1f}  native {b * 1000:7.1f}"
              f"  = {a / b:5.1f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="MB of bench_extract documents (default 2)")
    parser.add_argument("--documents", type=int, default=400, help="synth_corpus documents (default 400)")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)

    import native_matcher
    from claims.extract import extract_document

    with tempfile.TemporaryDirectory() as tmp:
        docs = load(args.mb, args.documents, Path(tmp))
    prepared = [R.prepare(d) for d in docs]
    bare = [R.Prepared(p.text, p.scan, [(lo, hi, []) for lo, hi, _ in p.paragraphs]) for p in prepared]
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    matcher = native_matcher.Matcher(R.PATTERNS)

    # Same output before timing anything.
    for p in prepared:
        assert R.find_candidates_py(p) == matcher.find_candidates(p.text, p.scan, p.paragraphs)
    candidates = sum(len(R.find_candidates_py(p)) for p in prepared)

    runs = {
        "extract": lambda: [extract_document(d) for d in docs],
        "python": lambda: [R.find_candidates_py(p) for p in prepared],
        "native": lambda: [matcher.find_candidates(p.text, p.scan, p.paragraphs) for p in prepared],
        "python prefilter": lambda: [R.find_candidates_py(p) for p in bare],
        "native prefilter": lambda: [matcher.find_candidates(p.text, p.scan, p.paragraphs) for p in bare],
    }
    names = list(runs)
    times: dict[str, list[float]] = {n: [] for n in names}
    runs["extract"]()  # warm the caches (lexicon, compiled patterns) once
    for r in range(args.rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            t0 = time.process_time()
            runs[name]()
            times[name].append(time.process_time() - t0)

    med = {n: statistics.median(v) for n, v in times.items()}
    print(f"corpus: {len(docs)} documents ({args.mb:g} MB bench_extract + {args.documents} synth_corpus), "
          f"{size / MiB:.2f} MiB, {candidates} candidates; {args.rounds} rounds, CPU seconds, medians")
    for n in names:
        print(f"  {n:17s} {med[n]:7.3f} s  {size / MiB / med[n]:8.2f} MiB/s   rounds: "
              + " ".join(f"{t:.3f}" for t in times[n]))
    ratio = [p / n for p, n in zip(times["python"], times["native"])]
    pre = [p / n for p, n in zip(times["python prefilter"], times["native prefilter"])]
    frac = [p / e for p, e in zip(times["python"], times["extract"])]
    speedup = statistics.median(ratio)
    f = statistics.median(frac)
    print(f"native is {speedup:.1f}x the Python matcher (rounds: {', '.join(f'{x:.1f}' for x in ratio)})")
    print(f"prefilter alone: {statistics.median(pre):.1f}x (rounds: {', '.join(f'{x:.1f}' for x in pre)})")
    print(f"the Python matcher is {f:.1%} of extract time (rounds: {', '.join(f'{x:.1%}' for x in frac)})")
    per_pattern(prepared, matcher, max(3, args.rounds // 2))
    amdahl = 1 / ((1 - f) + f / speedup)
    print(f"Amdahl: extract at most {amdahl:.3f}x as fast ({(1 - 1 / amdahl):.1%} less time) "
          f"with the matched part native, before any cost of handing results back")
    return 0


if __name__ == "__main__":
    sys.exit(main())
