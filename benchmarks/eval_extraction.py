"""Evaluate claim extraction on the real corpus: ``tune/`` and ``check/`` side by side.

    python benchmarks/eval_extraction.py [--corpus DIR] [--claims BIN] [--sets tune,check]
                                         [--misses N] [--json FILE]

Defaults: ``--corpus ../shared/corpus`` and ``--claims .venv/bin/claims``, both relative to the
repository root. Each set is a folder of the corpus with documents, ``gold.json`` and
``SOURCES.md``. The tool is run as a user runs it and as the official scorer
(``../shared/eval/score.py``) runs it: ``claims extract DOC --format json`` as a subprocess, one
document per call, so nothing leaks between documents. Only documents named in ``gold.json``
are run. Exit status: 0, or 2 (one line on stderr) when the corpus, a set, its gold or the
``claims`` executable is missing.

Matching (as score.py). A claim's *family* is ``figure`` for casualties, strength, equipment,
captured and displaced, else its kind. For a gold item, the *candidates* are the extracted claims
of its family whose span overlaps an occurrence of the gold ``text``; the *hits* are the
candidates whose value matches (figures: same low/high, or the same set of given bounds; dates:
the same earliest/latest days as the EDTF bounds of ``date_value``; commanders, results,
territory: any value). A gold item is *found* when it has a hit. Where one claim is needed (kind,
claimant precision, side), the *matched claim* is the hit overlapping the gold text most, then
the earliest, then the shortest.

Metrics, printed per set for all documents, then for news and for encyclopedia documents (genre
from the "format / genre" column of each set's SOURCES.md: ``news`` and ``report`` are news,
everything else is encyclopedia):

- recall per family: found / gold items of that family.
- figure recall, figure precision: as score.py. Precision = extracted figure claims whose span
  overlaps an occurrence of any gold figure text / all extracted figure claims (a lower bound:
  the gold may be incomplete, and an overlapping claim is counted right whatever its value).
- value accuracy: among gold figures with at least one candidate, the share that is found.
- qualifier accuracy: as score.py, among found gold figures with a gold qualifier, the share
  with a hit whose ``value.qualifier`` equals it.
- per figure kind: recall, and kind accuracy = among found gold figures of that kind, the share
  whose matched claim has exactly the gold ``kind`` (``figure kind accuracy``: all five kinds).
- attribution recall: as score.py, among gold items with an ``attributed_to``, the share with a
  hit (or, when there is no hit, a candidate) whose claimant matches it: case-insensitive
  substring either way, claimant at least 3 characters.
- claimant precision: among found gold items (any family) whose matched claim gives a claimant,
  the share where the gold ``attributed_to`` is set and matches it (same rule). A claimant where
  the gold says null (the document's own voice) is wrong. ``wrong claimants`` counts the rest.
- side accuracy: among found gold figures, the share whose matched claim's ``side.name`` agrees
  with the gold ``side``: both null, or both given and equal under the lenient rule of
  ``eval_common.side_matches`` (case-insensitive whole-word containment, a shared significant
  word by stem such as Ukraine~Ukrainian or Iraq~Iraqi, an acronym such as DPR~Donetsk People's
  Republic, and a gold ``A/B`` matches either part).
  side given: among found gold figures whose gold side is set, the share with a side at all.
- errors: documents where the CLI timed out, failed to start, printed nothing or bad JSON (their
  gold items count as missed, as in score.py); wall time: seconds spent on the set.

The table has columns tune | check | check - tune and marks with ``!`` every share where check
trails tune by more than 0.05 (the change then fits documents, not language). ``--misses N``
lists the first N tune items that are not fully right (missed, or found with a wrong or missing
claimant, a wrong kind or a wrong side), with what overlaps them and why; check is only ever
reported as totals, so that nobody tunes on it.

Agreement with score.py: figure recall, per-family recall, attribution recall, qualifier
accuracy and figure precision use its functions and its order of evaluation, and were checked to
give the same counts as ``score.py extract`` on tune/ and check/ (tune 265/372, 47/145, 265/265,
267/272; check 122/181, 24/112, 122/122, 123/126 on the tool as of fdbf21f).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval_common import (
    FAMILIES,
    FIGURE_KINDS,
    GENRES,
    Claim,
    Ratio,
    Span,
    claimant_matches,
    claimant_of,
    claims_of,
    g,
    kind_family,
    occurrences,
    overlap_length,
    overlaps,
    read_genres,
    run_json,
    side_matches,
    side_name,
    span_of,
    value_match,
)

REPO = Path(__file__).resolve().parents[1]
FLAG_GAP = 0.05
SECTIONS: tuple[str, ...] = ("all", *GENRES)

# (key, label) rows of one section; keys absent from a section print as n/a.
ROWS: list[tuple[str, str]] = (
    [(f"recall.{f}", f"recall {f}") for f in FAMILIES]
    + [
        ("figure.recall", "figure recall"),
        ("figure.precision", "figure precision"),
        ("figure.value", "value accuracy"),
        ("figure.qualifier", "qualifier accuracy"),
        ("figure.kind", "figure kind accuracy"),
    ]
    + [row for k in FIGURE_KINDS for row in ((f"{k}.recall", f"{k} recall"), (f"{k}.kind", f"{k} kind accuracy"))]
    + [
        ("attribution.recall", "attribution recall"),
        ("claimant.precision", "claimant precision"),
        ("claimant.wrong", "wrong claimants"),
        ("side.accuracy", "side accuracy"),
        ("side.given", "side given"),
        ("side.wrong.none", "  side missing"),
        ("side.wrong.extra", "  side where none"),
        ("side.wrong.other", "  side of another party"),
        ("side.wrong.unknown", "  side no gold party"),
    ]
)
# Counts of wrong sides by what went wrong (a count row, not a ratio): no side where gold has
# one; a side where gold has none; the side of another party the document's gold names (a
# swap); a name matching no party of the document's gold (a naming gap or a wrong party).
SIDE_WRONG_KEYS: tuple[str, ...] = ("side.wrong.none", "side.wrong.extra", "side.wrong.other", "side.wrong.unknown")
COUNT_ROWS: list[tuple[str, str]] = [("documents", "documents"), ("gold", "gold claims")]


@dataclass
class Section:
    """The tallies of one set restricted to one genre (or to all documents)."""

    ratios: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))


@dataclass
class SetResult:
    name: str
    sections: dict[str, Section] = field(default_factory=lambda: {s: Section() for s in SECTIONS})
    errors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    wall: float = 0.0


class Unusable(Exception):
    """The evaluation cannot run (missing corpus, gold, executable); the message is one line."""


def _value_text(c: dict[str, Any]) -> str:
    """A short rendering of a claim's (or gold item's) value."""
    v = c.get("value") if "value" in c else c
    if not isinstance(v, dict):
        return "-"
    if v.get("date_value") or v.get("earliest"):
        return str(v.get("date_value") or f"{v.get('earliest')}/{v.get('latest')}")
    lo, hi, q = v.get("low"), v.get("high"), v.get("qualifier")
    if lo is None and hi is None:
        return "-"
    bound = [str(b) if b is not None else "?" for b in (lo, hi)]
    return (bound[0] if lo == hi else "-".join(bound)) + (f" {q}" if q else "")


def _describe(c: Claim) -> str:
    return f"{c.get('kind')} {_value_text(c)} by {claimant_of(c)!r} side {side_name(c)!r}"


def _best_hit(hits: list[tuple[Claim, Span]], occ: list[Span]) -> Claim:
    """The matched claim: most overlap with the gold text, then earliest, then shortest."""
    return min(hits, key=lambda h: (-max(overlap_length(h[1], o) for o in occ), h[1][0], h[1][1] - h[1][0]))[0]


def score_document(
    doc: str,
    text: str,
    gold: list[dict[str, Any]],
    claims: list[Claim],
    tallies: list[Section],
    misses: list[str] | None,
) -> None:
    """Add one document's figures to every section in ``tallies``; append its misses."""
    cs = [(c, span_of(c, text)) for c in claims]
    located = [(c, sp) for c, sp in cs if sp]
    gold_spans: list[tuple[str, Span]] = []
    parties = {x["side"] for x in gold if x.get("side")}

    def add(key: str, ok: bool) -> None:
        for t in tallies:
            t.ratios[key].add(ok)

    for x in gold:
        fam = kind_family(x["kind"])
        occ = occurrences(text, x["text"])
        gold_spans.extend((fam, o) for o in occ)
        around = [(c, sp) for c, sp in located if any(overlaps(sp, o) for o in occ)]
        cands = [(c, sp) for c, sp in around if kind_family(c.get("kind")) == fam]
        hits = [(c, sp) for c, sp in cands if value_match(x, c)]
        found = bool(hits)
        add(f"recall.{fam}", found)
        why: list[str] = []
        if not occ:
            why.append("gold text not in the document")
        elif not around:
            why.append("no candidate")
        elif not cands:
            why.append("wrong family")
        elif not found:
            why.append("value")
        want = x.get("attributed_to")
        if want:  # as score.py: any hit, or any candidate when nothing hits
            attr_ok = any(claimant_matches(want, claimant_of(c)) for c, _ in (hits or cands))
            add("attribution.recall", attr_ok)
            if found and not attr_ok:
                why.append(f"claimant (want {want!r})")
        best = _best_hit(hits, occ) if found else None
        if best is not None and (given := claimant_of(best)):
            right = bool(want) and claimant_matches(want, given)
            add("claimant.precision", right)
            for t in tallies:
                t.counts["claimant.wrong"] += int(not right)
            if not right:
                why = [w for w in why if not w.startswith("claimant")]
                why.append(f"claimant (want {want!r}, got {given!r})")
        if fam == "figure":
            if cands:
                add("figure.value", found)
            add(f"{x['kind']}.recall", found)
            if x.get("qualifier") and found:  # as score.py
                add("figure.qualifier", any(g(c, "value", "qualifier") == x["qualifier"] for c, _ in hits))
            if best is not None:
                kind_ok = best.get("kind") == x["kind"]
                add(f"{x['kind']}.kind", kind_ok)
                add("figure.kind", kind_ok)
                side_ok = side_matches(x.get("side"), side_name(best))
                add("side.accuracy", side_ok)
                if x.get("side"):
                    add("side.given", side_name(best) is not None)
                if not kind_ok:
                    why.append(f"kind (got {best.get('kind')})")
                if not side_ok:
                    why.append(f"side (want {x.get('side')!r})")
                    got = side_name(best)
                    if got is None or not x.get("side"):
                        wrong = "none" if got is None else "extra"
                    else:
                        wrong = "other" if any(side_matches(p, got) for p in parties) else "unknown"
                    for t in tallies:
                        t.counts[f"side.wrong.{wrong}"] += 1
        if why and misses is not None:
            gold_value = _value_text(x)
            seen = "; ".join(_describe(c) for c, _ in around[:4]) or "nothing"
            misses.append(
                f"{doc}: {x['kind']} {x['text']!r} = {gold_value} by {want!r} side {x.get('side')!r}\n"
                f"    found: {seen}\n    why: {', '.join(why)}"
            )
    for c, sp in cs:  # figure precision, as score.py
        if kind_family(c.get("kind")) == "figure":
            add("figure.precision", bool(sp) and any(f == "figure" and overlaps(sp, o) for f, o in gold_spans))
    for t in tallies:
        t.counts["documents"] += 1
        t.counts["gold"] += len(gold)


def evaluate_set(set_dir: Path, claims_bin: str, keep_misses: bool) -> SetResult:
    """Run the CLI on every gold document of one corpus folder and tally the metrics."""
    gold_path = set_dir / "gold.json"
    if not gold_path.is_file():
        raise Unusable(f"no gold file at {gold_path}")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    sources = set_dir / "SOURCES.md"
    genres = read_genres(sources) if sources.is_file() else {}
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for x in gold:
        by_doc[x["doc"]].append(x)
    result = SetResult(set_dir.name)
    started = time.perf_counter()
    for doc in sorted(by_doc):
        path = set_dir / doc
        text = path.read_text(encoding="utf-8")  # as score.py (universal newlines)
        out, err = run_json([claims_bin, "extract", str(path), "--format", "json"])
        if err:
            result.errors.append(f"{doc}: {err}")
        genre = genres.get(doc)
        if genre is None:
            print(f"eval_extraction: {doc} is not in {sources}; counted as encyclopedia", file=sys.stderr)
            genre = "encyclopedia"
        tallies = [result.sections["all"], result.sections[genre]]
        score_document(doc, text, by_doc[doc], claims_of(out), tallies, result.misses if keep_misses else None)
    result.wall = time.perf_counter() - started
    for sec in result.sections.values():  # figure recall is the figure family's recall
        if "recall.figure" in sec.ratios:
            sec.ratios["figure.recall"] = sec.ratios["recall.figure"]
    return result


def _cell(section: Section, key: str) -> tuple[str, float | None]:
    if key in section.counts or key in ("claimant.wrong", *SIDE_WRONG_KEYS):
        n = section.counts.get(key, 0)
        return str(n), None
    r = section.ratios.get(key)
    return (r.cell(), r.value) if r else ("n/a", None)


def render(results: list[SetResult]) -> str:
    """The side-by-side table; a difference column only when exactly two sets are shown."""
    pair = len(results) == 2
    head = f"{'metric':<26}" + "".join(f"{r.name:>16}" for r in results)
    if pair:
        head += f"{results[1].name + ' - ' + results[0].name:>16}"
    lines: list[str] = []
    for section in SECTIONS:
        title = "all documents" if section == "all" else f"{section} documents"
        lines += ["", f"== {title}", head]
        for key, label in COUNT_ROWS + ROWS:
            cells = [_cell(r.sections[section], key) for r in results]
            row = f"{label:<26}" + "".join(f"{c:>16}" for c, _ in cells)
            if pair:
                (a, va), (b, vb) = cells
                if va is not None and vb is not None:
                    row += f"{vb - va:>+16.2f}" + (" !" if va - vb > FLAG_GAP else "")
                elif key in ("claimant.wrong", *SIDE_WRONG_KEYS, *dict(COUNT_ROWS)):
                    row += f"{int(b) - int(a):>+16d}"
            lines.append(row)
    lines += ["", "== run"]
    lines.append(f"{'errors':<26}" + "".join(f"{len(r.errors):>16}" for r in results))
    lines.append(f"{'wall time (s)':<26}" + "".join(f"{r.wall:>16.1f}" for r in results))
    for r in results:
        lines += [f"error ({r.name}): {e}" for e in r.errors]
    return "\n".join(lines)


def to_json(results: list[SetResult], corpus: Path, claims_bin: str) -> dict[str, Any]:
    return {
        "corpus": str(corpus),
        "claims": claims_bin,
        "sets": {
            r.name: {
                "wall_seconds": round(r.wall, 3),
                "errors": r.errors,
                "sections": {
                    s: {
                        **{k: {"num": v.num, "den": v.den, "value": v.value} for k, v in sorted(sec.ratios.items())},
                        **dict(sorted(sec.counts.items())),
                    }
                    for s, sec in r.sections.items()
                },
            }
            for r in results
        },
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    p.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"), help="folder of set folders")
    p.add_argument("--claims", default=str(REPO / ".venv" / "bin" / "claims"), help="the claims executable")
    p.add_argument("--sets", default="tune,check", help="comma-separated set folders (default tune,check)")
    p.add_argument("--misses", type=int, default=0, metavar="N", help="list the first N misses of tune/ only")
    p.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    a = p.parse_args(argv)
    corpus = Path(a.corpus)
    sets = [s.strip() for s in a.sets.split(",") if s.strip()]
    try:
        if not corpus.is_dir():
            raise Unusable(f"corpus folder not found: {corpus} (give --corpus DIR)")
        if not Path(a.claims).is_file():
            raise Unusable(f"claims executable not found: {a.claims} (give --claims BIN)")
        missing = [s for s in sets if not (corpus / s).is_dir()]
        if missing or not sets:
            raise Unusable(f"set folder(s) not found in {corpus}: {', '.join(missing) or '(none given)'}")
        results = [evaluate_set(corpus / s, a.claims, keep_misses=(s == "tune" and a.misses > 0)) for s in sets]
    except Unusable as e:
        print(f"eval_extraction: {e}", file=sys.stderr)
        return 2
    flag = f"; '!' = {sets[1]} trails {sets[0]} by more than {FLAG_GAP}" if len(sets) == 2 else ""
    print(f"claims extract on {corpus} ({a.claims}){flag}")
    print(render(results))
    for r in results:
        if r.misses:
            print(f"\n== first {min(a.misses, len(r.misses))} of {len(r.misses)} misses in {r.name}/")
            print("\n".join(r.misses[: a.misses]))
    if a.json:
        Path(a.json).write_text(json.dumps(to_json(results, corpus, a.claims), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
