"""A synthetic corpus of battle articles for benchmarks: realistic, deterministic, with conflicts.

Writes documents in the formats the readers take (plain export and scraped table), each with an
infobox and prose full of figures, dates, attributions and hedges. Every event is written in two
or three "versions" whose figures disagree, so the reconciler has real work. The same seed gives
the same corpus byte for byte.

    python benchmarks/synth_corpus.py OUT_DIR --documents 10000 --seed 1
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

PLACES = [
    "Aghdam", "Barda", "Goris", "Lachin", "Shusha", "Fizuli", "Jabrayil", "Zangilan", "Kubatly",
    "Martuni", "Askeran", "Vedeno", "Shali", "Gudermes", "Argun", "Urus-Martan", "Bamut", "Samashki",
    "Gori", "Java", "Kodori", "Osijek", "Vinkovci", "Pakrac", "Gospic", "Knin", "Drnis", "Zadar",
]
SIDES = [
    ("Armenian", "Azerbaijani", "Armenia", "Azerbaijan"),
    ("Russian", "Chechen", "Russia", "Chechen Republic of Ichkeria"),
    ("Georgian", "Ossetian", "Georgia", "South Ossetia"),
    ("Yugoslav", "Croatian", "Yugoslavia", "Croatia"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
CLAIMANTS = [
    "British journalist Thomas Hill", "the historian Anna Petrova", "Human Rights Watch",
    "the Red Cross", "the defence ministry", "local officials", "the OSCE mission",
]
NUMBER_WORDS = {1000: "one thousand", 2000: "two thousand", 3000: "three thousand",
                5000: "five thousand", 6000: "six thousand", 10000: "ten thousand"}
FIRST = ["Samvel", "Rovshan", "Pavel", "Aslan", "Ivan", "Mile", "Zaza", "Marat", "Lev", "Ruslan"]
LAST = ["Babayan", "Akbarov", "Grachev", "Maskhadov", "Orlov", "Dedakovic", "Gogava", "Kulakhmetov"]


def _fig(n: int) -> str:
    return f"{n:,}"


def _event(rng: random.Random, index: int) -> dict:
    a_adj, b_adj, a_name, b_name = rng.choice(SIDES)
    year = rng.randint(1988, 2010)
    month = rng.randint(1, 10)
    return {
        "name": f"Battle of {rng.choice(PLACES)}-{index}",
        "a_adj": a_adj, "b_adj": b_adj, "a": a_name, "b": b_name,
        "year": year, "month": month, "day": rng.randint(1, 20),
        "strength": (rng.randint(20, 400) * 100, rng.randint(20, 400) * 100),
        "killed": (rng.randint(1, 80) * 50, rng.randint(1, 80) * 50),
        "wounded": (rng.randint(1, 200) * 10, rng.randint(1, 200) * 10),
        "tanks": rng.randint(3, 60),
        "unit": rng.randint(1, 900),
        "displaced": rng.randint(5, 90) * 1000,
        "claimant": rng.choice(CLAIMANTS),
    }


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _prose(rng: random.Random, e: dict, drift: float, rounds: int = 1) -> str:
    m1 = MONTHS[e["month"] - 1]
    parts = [f"{e['name']} was fought between {e['a_adj']} and {e['b_adj']} forces in {m1} {e['year']}."]
    sentences: list[str] = []
    for _ in range(rounds):
        # Later rounds restate the version's figures (as articles do), so conflicts come from
        # the versions' drift and the few per-round figures, not from every repetition.
        sentences += _sentences(rng, e, drift)
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(parts + paragraphs) + "\n"


def _sentences(rng: random.Random, e: dict, drift: float) -> list[str]:
    ka, kb = (int(k * drift) for k in e["killed"])
    sa, _ = e["strength"]
    m1, m2 = MONTHS[e["month"] - 1], MONTHS[e["month"]]
    return [
        f"The offensive began on the night of {m1} {e['day']}, when up to {_fig(sa)} servicemen and "
        f"{e['tanks']} tanks of the {_ordinal(e['unit'])} motorized rifle brigade were brought into battle.",
        f"According to {e['claimant']}, {_fig(ka)} {e['a_adj']} soldiers were killed and "
        f"{_fig(e['wounded'][0])} wounded.",
        f"The {e['b_adj']} side claimed that more than {NUMBER_WORDS.get(kb, _fig(kb))} {e['a_adj']} "
        f"soldiers died in the fighting.",
        f"On {m1} {e['day'] + 5}, after 5 days of fierce fighting, the {e['b_adj']} units "
        f"were forced to retreat; the next day a counterattack was repelled.",
        f"Reportedly, about {_fig(kb)} {e['b_adj']} servicemen were killed and around "
        f"{_fig(e['wounded'][1])} wounded.",
        f"By {m2} {e['year']}, some {_fig(int(e['displaced'] * drift))} civilians had been displaced.",
        f"As trophies, {e['tanks'] + 11} armored vehicles were captured - {e['tanks']} tanks, "
        f"{5} infantry fighting vehicles, {6} armored personnel carriers.",
        f"It is believed that the {_ordinal(e['unit'])} brigade lost half of its officers in {m1} {e['year']}.",
        f"“The city will be held at any cost,” one commander said in mid-{m1} {e['year']}.",
        f"The {e['a_adj']} troops failed to achieve their goals, and the front line did not change.",
    ]


def plain_export(rng: random.Random, e: dict, drift: float, rounds: int = 1) -> str:
    m1, m2 = MONTHS[e["month"] - 1], MONTHS[e["month"]]
    ka, kb = (int(k * drift) for k in e["killed"])
    commanders = ", ".join(f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3))
    infobox = [
        f"- Conflict: {e['name']}",
        f"- Date: {m1} – {m2} {e['year']}",
        f"- Result: {e['a_adj']} victory",
        f"- Combatant1: {e['a']}",
        f"- Combatant2: {e['b']}",
        f"- Commander1: {commanders}KIA",
        f"- Strength1: {_fig(e['strength'][0])} servicemen",
        f"- Strength2: {_fig(e['strength'][1])} servicemen ({m1} {e['year']})",
        f"- Casualties1: {_fig(ka)} killed, {_fig(e['wounded'][0])} wounded",
        f"- Casualties2: ~{_fig(kb)} killed",
    ]
    return f"= {e['name']} =\n\nInfobox\n" + "\n".join(infobox) + "\n\n" + _prose(rng, e, drift, rounds).replace(
        "\n\n", "\n\n==Battle==\n", 1
    )


def scraped_table(rng: random.Random, e: dict, drift: float, rounds: int = 1) -> str:
    m1 = MONTHS[e["month"] - 1]
    ka, kb = (int(k * drift) for k in e["killed"])
    pad = " | |||||||"
    rows = [
        f"{e['name']}{pad}", "---|---|---|---|---|---|---|---|", f"Part of the {e['a_adj']} war{pad}",
        f"Belligerents{pad}", f"{e['a']} | {e['b']} | ||||||",
        f"Strength{pad}", f"{_fig(e['strength'][0])} servicemen ({m1} {e['year']}) | +{_fig(e['strength'][1] // 4)} servicemen |",
        "||||||",
        f"Casualties and losses{pad}", f"{_fig(ka)} killed {_fig(e['wounded'][0])} wounded |",
        f"~{_fig(kb)} killed (per {e['a']}) |", "||||||",
    ]
    return "\n".join(rows) + "\n" + _prose(rng, e, drift, rounds)


def write_corpus(out: Path, documents: int, seed: int, rounds: int = 1) -> list[Path]:
    """Write ``documents`` files into ``out`` (created) and return their paths."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    index = 0
    while len(paths) < documents:
        event = _event(rng, index)
        for version in range(min(rng.randint(1, 3), documents - len(paths))):
            drift = 1.0 if version == 0 else rng.choice([1.0, 0.8, 1.3, 2.0])
            writer = plain_export if (index + version) % 2 == 0 else scraped_table
            path = out / f"{index:06d}-v{version}.txt"
            path.write_text(writer(rng, event, drift, rounds), encoding="utf-8")
            paths.append(path)
        index += 1
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=1, help="Prose rounds per document (~12 claims each).")
    args = parser.parse_args()
    paths = write_corpus(args.out, args.documents, args.seed, args.rounds)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} documents, {size / 1e6:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
