"""End to end, as a user runs it: `claims extract DIR --format json`, and where its time goes.

    python benchmarks/bench_cli.py                    # 1,000 documents, 3 runs of each
    python benchmarks/bench_cli.py --documents 10000 --runs 3
    python benchmarks/bench_cli.py --documents 10000 --baseline ../wt-base --no-serial --stages 2000

Writes a synthetic corpus (`synth_corpus.py`), then runs the installed command in turn with
``CLAIMS_WORKERS=1`` (one process) and without it (one worker per core), and with
``--baseline CHECKOUT`` the same command on that checkout's code (its root put first on
``PYTHONPATH``: the code before a change, say), output to /dev/null, ``--runs`` times each, in
turn, so all see the same machine. Prints the median wall and CPU seconds (CPU includes the
workers), MiB/s of input, the ratios pair by pair, and the floor beside them: one digit-regex
pass over the same bytes in this process.

``--stages N`` also splits the CPU time of the first N documents by stage, in one process per
checkout (each stage timed alone, as the command runs it): reading, extraction, the worker's
hand-back (encoding in the worker, decoding in the parent), the first assessment (grouping
and sides, then confidence) and the JSON output. No figure is asserted anywhere; on a shared
machine quote the ratios.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (with its children) of one run; fails loudly on a non-zero exit."""
    cpu0, wall0 = _children_cpu(), time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    return time.perf_counter() - wall0, _children_cpu() - cpu0


def floor(paths: list[Path]) -> float:
    """Seconds of one digit-regex pass over the corpus' bytes (read included)."""
    digits = re.compile(rb"\d+")
    start = time.process_time()
    for path in paths:
        digits.findall(path.read_bytes())
    return time.process_time() - start


STAGES = ("read", "extract", "hand-back: worker encodes", "hand-back: parent decodes",
          "assess: grouping and sides", "assess: confidence", "JSON out")


def stages(folder: str) -> dict[str, float]:
    """CPU seconds of each stage of `claims extract FOLDER --format json` in this process, with
    the `claims` importable here (so the checkout first on PYTHONPATH is the one measured)."""
    import claims.pipeline as pipeline
    from claims.cli.documents import emit_claims
    from claims.confidence import assess
    from claims.reconcile import build_context

    spent: dict[str, float] = {}

    def timed(name: str, work):  # noqa: ANN001, ANN202 - a benchmark's own helper
        start = time.process_time()
        result = work()
        spent[name] = time.process_time() - start
        return result

    documents, _ = timed("read", lambda: pipeline.read_paths([folder]))
    found, documents = timed("extract", lambda: pipeline.extract_with_problems(documents))
    per_document: dict[str, list] = {}
    for claim in found:
        per_document.setdefault(claim.span.document, []).append(claim)
    done = {d.path: (d, per_document.get(d.id, []), None, d.id) for d in documents}
    # The worker's own work without reading and extracting again: its result is served.
    pipeline._read_and_extract = lambda name, format, encoding, final: done[name]
    sent = timed("hand-back: worker encodes",
                 lambda: [pipeline._work((d.path, None, "utf-8", d.id, False)) for d in documents])
    timed("hand-back: parent decodes", lambda: [pipeline._structure(b) for b in sent])
    timed("assess: grouping and sides", lambda: build_context((), found))
    assessed = timed("assess", lambda: assess(found, []))
    spent["assess: confidence"] = spent.pop("assess") - spent["assess: grouping and sides"]
    paths = {d.id: d.path for d in documents}
    with open(os.devnull, "w", encoding="utf-8") as devnull, contextlib.redirect_stdout(devnull):
        timed("JSON out", lambda: emit_claims(assessed, paths, "json", documents))
    spent["claims"] = len(found)
    return spent


def main() -> None:
    from synth_corpus import write_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=1, help="Prose rounds per document (synth_corpus).")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--claims", default=shutil.which("claims") or str(Path(sys.executable).with_name("claims")),
                        help="The claims command to run.")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="A checkout whose code is measured too (with workers), in turn with this one.")
    parser.add_argument("--no-serial", dest="serial", action="store_false",
                        help="Do not run the one-process variant.")
    parser.add_argument("--stages", type=int, default=0, metavar="N",
                        help="Also split the CPU time of the first N documents by stage.")
    parser.add_argument("--stages-of", default=None, help=argparse.SUPPRESS)  # the child doing it
    args = parser.parse_args()

    if args.stages_of:
        print(json.dumps(stages(args.stages_of)))
        return

    with tempfile.TemporaryDirectory(prefix="claims-bench-cli-") as tmp:
        paths = write_corpus(Path(tmp) / "corpus", args.documents, args.seed, args.rounds)
        mib = sum(p.stat().st_size for p in paths) / 2**20
        command = [args.claims, "extract", str(Path(tmp) / "corpus"), "--format", "json"]
        workers_env = {k: v for k, v in os.environ.items() if k != "CLAIMS_WORKERS"}
        variants = {"workers (one per core)": workers_env}
        if args.serial:
            variants["one process"] = {**os.environ, "CLAIMS_WORKERS": "1"}
        if args.baseline is not None:
            variants["baseline, workers"] = {**workers_env, "PYTHONPATH": str(args.baseline.resolve())}
        load = os.getloadavg()
        print(f"{len(paths):,} documents, {mib:.2f} MiB; {' '.join(command[1:3])} ... --format json; "
              f"{os.cpu_count()} cores; {args.runs} runs each, in turn; load average {load[0]:.1f}", flush=True)
        for env in variants.values():  # warm the file cache and the imports
            run(command[:2] + [str(paths[0])] + command[3:], env)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
        for _ in range(args.runs):
            for name, env in variants.items():
                runs[name].append(run(command, env))
        floor_s = min(floor(paths) for _ in range(3))
        split: dict[str, dict[str, float]] = {}
        if args.stages:
            part = Path(tmp) / "part"
            part.mkdir()
            for path in paths[: args.stages]:
                (part / path.name).symlink_to(path)
            for name, env in (("baseline", variants.get("baseline, workers")), ("this checkout", workers_env)):
                if env is not None:
                    out = subprocess.run([sys.executable, __file__, "--stages-of", str(part)], env=env, check=True,
                                         capture_output=True, text=True, cwd=tmp).stdout
                    split[name] = json.loads(out.strip().splitlines()[-1])
        load_after = os.getloadavg()

    def row(name: str, measured: list[tuple[float, float]]) -> None:
        wall = statistics.median(w for w, _ in measured)
        cpu = statistics.median(c for _, c in measured)
        print(f"{name:<24} wall {wall:8.2f} s  cpu {cpu:8.2f} s  {mib / wall:7.3f} MiB/s wall  "
              f"{mib / cpu:7.3f} MiB/s cpu")

    for name, measured in runs.items():
        row(name, measured)

    def ratio(label: str, slow: str, fast: str) -> None:
        walls = [s[0] / f[0] for s, f in zip(runs[slow], runs[fast])]
        cpus = [s[1] / f[1] for s, f in zip(runs[slow], runs[fast])]
        print(f"{label:<24} wall x{statistics.median(walls):.2f} (pairs: {', '.join(f'{r:.2f}' for r in walls)}); "
              f"cpu x{statistics.median(cpus):.2f} (pairs: {', '.join(f'{r:.2f}' for r in cpus)})")

    if args.serial:
        ratio("one process / workers", "one process", "workers (one per core)")
    if args.baseline is not None:
        ratio("baseline / this", "baseline, workers", "workers (one per core)")
    print(f"{'floor (digit regex)':<24} {floor_s:8.3f} s  {mib / floor_s:7.1f} MiB/s")
    print(f"load average {load[0]:.1f} before, {load_after[0]:.1f} after")
    if split:
        names = list(split)
        n = min(args.stages, len(paths))
        print(f"\nCPU seconds by stage, first {n:,} documents, {int(next(iter(split.values()))['claims']):,} claims:")
        print(f"{'stage':<28}" + "".join(f"{name:>16}" for name in names))
        for stage in STAGES:
            print(f"{stage:<28}" + "".join(f"{split[name][stage]:16.2f}" for name in names))
        totals = {name: sum(split[name][s] for s in STAGES) for name in names}
        print(f"{'total':<28}" + "".join(f"{totals[name]:16.2f}" for name in names))
        parent = ("hand-back: parent decodes", "assess: grouping and sides", "assess: confidence", "JSON out")
        print(f"{'of it in the parent':<28}" + "".join(f"{sum(split[name][s] for s in parent):16.2f}" for name in names))


if __name__ == "__main__":
    main()
