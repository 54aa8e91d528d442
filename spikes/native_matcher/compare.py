"""Same output check: the native matcher against the Python path, document by document.

    python spikes/native_matcher/compare.py [--corpus DIR] [--documents 400] [--mb 2]

Reads the seeds (``seeds/``), the sentences of the extractor's tests, a synthetic corpus of ``benchmarks/synth_corpus.py`` (written
to DIR, or a temporary folder) and the texts of ``benchmarks/bench_extract.py``, and checks
that ``Matcher.find_candidates`` gives exactly the spans, kinds and order of
``reference.find_candidates_py``. Exit 0 when every document agrees, 1 otherwise.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import reference as R  # noqa: E402

REPO = R.REPO
sys.path.insert(0, str(REPO / "benchmarks"))


def seed_documents():
    from claims.api import read_path

    for path in sorted((REPO / "seeds").glob("*.txt")):
        yield f"seeds/{path.name}", read_path(path)


def synth_documents(folder: Path, documents: int):
    import synth_corpus
    from claims.api import read_path

    if not any(folder.glob("*.txt")):
        synth_corpus.write_corpus(folder, documents, seed=1)
    for path in sorted(folder.glob("*.txt")):
        yield f"synth/{path.name}", read_path(path)


def test_sentence_documents():
    """The sentences the extractor's own tests feed it (string literals of the date, number,
    figure and seed tests), one paragraph each: the rarer forms the corpora lack (day ranges,
    centuries, eras, glued labels, seasons, spelled numbers)."""
    import ast

    from claims.readers import read_text

    for name in ("test_extract_dates.py", "test_extract_numbers.py", "test_extract_quantities.py",
                 "test_extract_attribution.py", "test_extract_accuracy.py"):
        path = REPO / "tests" / name
        if not path.exists():
            continue
        literals = [node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                    if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 8]
        body = "\n\n".join(" ".join(s.split()) for s in literals)
        yield f"tests/{name}", read_text(f"= {name} =\n\n{body}\n", path=name)


def bench_documents(mb: float):
    import bench_extract
    from claims.readers import read_text

    rng = random.Random(1)
    total, i = 0, 0
    while total < mb * 1_000_000:
        text = bench_extract.make_document(rng, i, rng.randint(8_000, 40_000))
        total += len(text.encode("utf-8"))
        yield f"bench/doc{i}.txt", read_text(text, path=f"doc{i}.txt")
        i += 1


def compare(named_documents, matcher) -> tuple[int, int, Counter]:
    """(documents, differing documents, candidates by kind); prints the first difference."""
    n = bad = 0
    kinds: Counter = Counter()
    for name, document in named_documents:
        prepared = R.prepare(document)
        py = R.find_candidates_py(prepared)
        rs = matcher.find_candidates(prepared.text, prepared.scan, prepared.paragraphs)
        n += 1
        kinds.update(k for _, _, k in py)
        if py != rs:
            bad += 1
            if bad <= 3:
                first = next(i for i, (a, b) in enumerate(zip(py + [None], rs + [None])) if a != b)
                print(f"DIFFER {name}: python {len(py)}, native {len(rs)}; first at #{first}: "
                      f"python {py[first] if first < len(py) else None}, native {rs[first] if first < len(rs) else None}")
                a = (py[first] if first < len(py) else rs[first])
                print("   text:", repr(prepared.text[max(0, a[0] - 40):a[1] + 40]))
    return n, bad, kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None, help="synth_corpus folder (written if empty)")
    parser.add_argument("--documents", type=int, default=400, help="synthetic documents (default 400)")
    parser.add_argument("--mb", type=float, default=2.0, help="MB of bench_extract texts (default 2)")
    args = parser.parse_args(argv)
    import native_matcher

    matcher = native_matcher.Matcher(R.PATTERNS)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.corpus or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for use_port in (True, False):
            matcher.use_port = use_port
            print(f"-- digits by {'the hand port (regex crate)' if use_port else 'fancy-regex'}")
            sets = (("seeds", seed_documents()), ("test sentences", test_sentence_documents()),
                    ("synth_corpus", synth_documents(folder, args.documents)), ("bench_extract", bench_documents(args.mb)))
            for label, docs in sets:
                n, bad, kinds = compare(docs, matcher)
                failed |= bad > 0
                print(f"{label}: {n} documents, {sum(kinds.values())} candidates, {bad} differing; "
                      + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    engines = matcher.engines()
    print("engines:", ", ".join(f"{k}={v}" for k, v in sorted(engines.items())))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
