"""Extraction speed over a synthetic corpus of realistic battle-article sentences.

    python benchmarks/bench_extract.py [--mb 8] [--seed 1] [--rich 0.15] [--profile] [--write DIR]

Builds documents in the plain export format (an infobox and a few thousand words of prose made
from sentence templates: figures, dates, attributions, hedges, and mostly sentences with
nothing to extract, as real articles are), then times read + extract and extract alone, and
prints MB/s per core. Target: >= 20 MB/s for extraction.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from claims.extract import extract_document  # noqa: E402
from claims.readers import read_text  # noqa: E402

SIDES = ["Armenian", "Azerbaijani", "Russian", "Chechen", "Georgian", "Croatian", "Serbian"]
PLACES = ["Terter", "Kalbajar", "Grozny", "Gori", "Vukovar", "Aghdam", "Shusha", "Lachin"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
PEOPLE = ["Samvel Babayan", "Pavel Grachev", "Aslan Maskhadov", "Mile Dedaković", "Zaza Gogava"]
PLAIN = [
    "The {side} command planned a large-scale operation in the area of {place}, which occupies an important operational position.",
    "Despite local successes, the {side} units failed to significantly change the situation on the battlefield.",
    "Heavy fighting continued in the vicinity of the city, with artillery and infantry attacks on the villages nearby.",
    "The road between {place} and {place2} remained the main supply route for the defenders throughout the winter.",
    "Relying on the fortified region, the defenders were able to organize a defense and inflict counterattacks.",
    "Political turmoil in the capital weakened the army, and several commanders opposed the operation.",
    "The terrain was mountainous and the weather harsh, which slowed the advance considerably.",
    "Reinforcements were transferred from the rear, but they arrived too late to change the outcome.",
]
RICH = [
    "On {day} {month} {year}, {side} forces attacked {place} with up to {n:,} servicemen and {m} tanks.",
    "According to the {side} side, on {month} {day}, {n} soldiers were killed and {m} wounded.",
    "By {day} {month}, the {side} troops had retreated, losing {m} armored vehicles.",
    "British journalist Thomas de Waal estimated that more than {words} thousand servicemen died.",
    "As trophies, {t} armored vehicles were captured - {a} tanks, {b} infantry fighting vehicles, {c} armored personnel carriers.",
    "Some sources say about {n:,} civilians were displaced from {place} in late {year}.",
    "The offensive began on the night of {month} {day}, and the next day the {side} units repeated the attack.",
    "In mid-{month} {year} the {side} army reportedly lost {m} helicopters near {place}.",
    "{person} said that {n} {side} soldiers were taken prisoner.",
]


def make_document(rng: random.Random, index: int, target_chars: int, args_rich: float = 0.15) -> str:
    side, side2 = rng.sample(SIDES, 2)
    year = rng.randint(1990, 2008)
    lines = [
        f"= Battle of {rng.choice(PLACES)} {index} =", "", "Infobox",
        f"- Date: {rng.choice(MONTHS)} – {rng.choice(MONTHS)} {year}",
        f"- Result: {side} victory",
        f"- Strength1: {rng.randint(1, 40):,}00 servicemen ({rng.choice(MONTHS)} {year})",
        f"- Strength2: +{rng.randint(1, 9)},000 servicemen",
        f"- Casualties1: ~{rng.randint(1, 9)},000 servicemen killed, {rng.randint(10, 900)} wounded",
        f"- Casualties2: {rng.randint(100, 999)}–{rng.randint(1000, 2000)} killed (per {side2})",
        f"- Commander1: {', '.join(rng.sample(PEOPLE, 2))}KIA",
        "", "==Battle==",
    ]
    size = sum(len(line) + 1 for line in lines)
    paragraph: list[str] = []
    while size < target_chars:
        template = rng.choice(RICH) if rng.random() < args_rich else rng.choice(PLAIN)
        a, b, c = rng.randint(1, 20), rng.randint(1, 20), rng.randint(1, 20)
        sentence = template.format(
            side=rng.choice(SIDES), place=rng.choice(PLACES), place2=rng.choice(PLACES),
            day=rng.randint(1, 28), month=rng.choice(MONTHS), year=year, n=rng.randint(10, 90000),
            m=rng.randint(2, 90), words=rng.choice(["two", "three", "six"]), t=a + b + c, a=a, b=b,
            c=c, person=rng.choice(PEOPLE),
        )
        paragraph.append(sentence)
        size += len(sentence) + 1
        if len(paragraph) >= rng.randint(3, 6):
            lines.append(" ".join(paragraph))
            lines.append("")
            paragraph = []
    lines.append(" ".join(paragraph))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=8.0, help="corpus size in MB (default 8)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile")
    parser.add_argument("--rich", type=float, default=0.15,
                        help="share of sentences carrying figures/dates/attributions (default 0.15)")
    parser.add_argument("--corpus", default=None,
                        help="instead, repeat the real documents in this folder (e.g. ../shared/corpus)")
    parser.add_argument("--write", default=None, metavar="DIR",
                        help="also write the generated documents to DIR (doc00000.txt, ...)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="time extraction this many times and report the best (default 1)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    target = int(args.mb * 1_000_000)
    texts = []
    total = 0
    real = sorted(Path(args.corpus).glob("*.txt")) if args.corpus else []
    while total < target:
        if real:
            text = real[len(texts) % len(real)].read_text(encoding="utf-8")
        else:
            text = make_document(rng, len(texts), rng.randint(8_000, 40_000), args.rich)
        texts.append(text)
        total += len(text.encode("utf-8"))
    if args.write:
        out = Path(args.write)
        out.mkdir(parents=True, exist_ok=True)
        for i, text in enumerate(texts):
            (out / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
    # CPU time of this process (other work on the machine does not count), best of --repeat.
    t0 = time.process_time()
    documents = [read_text(t, path=f"doc{i}.txt") for i, t in enumerate(texts)]
    t1 = time.process_time()
    best = None
    n_claims = 0
    for _ in range(max(1, args.repeat)):
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        start = time.process_time()
        n_claims = sum(len(extract_document(d)) for d in documents)
        took = time.process_time() - start
        if profiler:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        best = took if best is None else min(best, took)
    mb = total / 1_000_000
    print(f"corpus: {len(texts)} documents, {mb:.1f} MB, {n_claims} claims")
    print(f"read:    {t1 - t0:6.2f} s  {mb / (t1 - t0):6.1f} MB/s")
    print(f"extract: {best:6.2f} s  {mb / best:6.1f} MB/s  (target >= 20 MB/s per core)")
    print(f"both:    {t1 - t0 + best:6.2f} s  {mb / (t1 - t0 + best):6.1f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
