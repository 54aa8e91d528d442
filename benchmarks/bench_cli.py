"""End to end, as a user runs it: `claims extract DIR --format json`, one process against workers.

    python benchmarks/bench_cli.py                    # 1,000 documents, 3 runs of each
    python benchmarks/bench_cli.py --documents 10000 --runs 3

Writes a synthetic corpus (`synth_corpus.py`), then runs the installed command in turn with
``CLAIMS_WORKERS=1`` (one process) and without it (one worker per core), output to /dev/null,
``--runs`` times each, A B A B, so both see the same machine. Prints the median wall and CPU
seconds (CPU includes the workers), MiB/s of input, the ratio one-process/workers pair by pair,
and the floor beside them: one digit-regex pass over the same bytes in this process. No figure
is asserted anywhere; on a shared machine quote the ratios.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    from synth_corpus import write_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=1, help="Prose rounds per document (synth_corpus).")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--claims", default=shutil.which("claims") or str(Path(sys.executable).with_name("claims")),
                        help="The claims command to run.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="claims-bench-cli-") as tmp:
        paths = write_corpus(Path(tmp) / "corpus", args.documents, args.seed, args.rounds)
        mib = sum(p.stat().st_size for p in paths) / 2**20
        command = [args.claims, "extract", str(Path(tmp) / "corpus"), "--format", "json"]
        serial_env = {**os.environ, "CLAIMS_WORKERS": "1"}
        parallel_env = {k: v for k, v in os.environ.items() if k != "CLAIMS_WORKERS"}
        print(f"{len(paths):,} documents, {mib:.2f} MiB; {' '.join(command[1:3])} ... --format json; "
              f"{os.cpu_count()} cores; {args.runs} runs each, in turn", flush=True)
        run(command[:2] + [str(paths[0])] + command[3:], serial_env)  # warm the file cache and the imports
        serial: list[tuple[float, float]] = []
        parallel: list[tuple[float, float]] = []
        for _ in range(args.runs):
            serial.append(run(command, serial_env))
            parallel.append(run(command, parallel_env))
        floor_s = min(floor(paths) for _ in range(3))

    def row(name: str, runs: list[tuple[float, float]]) -> None:
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(f"{name:<24} wall {wall:8.2f} s  cpu {cpu:8.2f} s  {mib / wall:7.2f} MiB/s")

    row("one process", serial)
    row("workers (one per core)", parallel)
    ratios = [s[0] / p[0] for s, p in zip(serial, parallel)]
    cpu_ratios = [s[1] / p[1] for s, p in zip(serial, parallel)]
    print(f"{'one process / workers':<24} wall x{statistics.median(ratios):.2f} (pairs: "
          f"{', '.join(f'{r:.2f}' for r in ratios)}); cpu x{statistics.median(cpu_ratios):.2f}")
    print(f"{'floor (digit regex)':<24} {floor_s:8.3f} s  {mib / floor_s:7.1f} MiB/s")


if __name__ == "__main__":
    main()
