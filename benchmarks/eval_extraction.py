"""Score claim extraction against a gold file (the format of ../shared/corpus/gold.json).

    python benchmarks/eval_extraction.py [CORPUS_DIR] [--gold GOLD.json] [--misses]

Each gold item names a document, a kind, a side, bounds, a qualifier, the verbatim text, the
claimant (``attributed_to``) and for dates an ISO/EDTF-like value. A gold item is *found* when
an extracted claim of the same kind overlaps an occurrence of its text (commanders: any
commander claim inside the gold field). For found items the script checks the value (bounds or
date interval), the qualifier and the claimant (case-insensitive containment either way).

Precision counts extracted claims of the kinds the gold annotates that overlap a gold item of
their kind. Claims of rules the gold does not annotate (belligerent entries, units, quotations,
outcome events) are left out of precision and listed as such.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from claims.extract import extract_document  # noqa: E402
from claims.model import Kind, Quantity, UncertainDate  # noqa: E402
from claims.readers import read_path  # noqa: E402

FIGURE_KINDS = {"casualties", "strength", "equipment", "captured", "displaced", "other"}
NOT_ANNOTATED_RULES = {"infobox.belligerent", "infobox.unit", "prose.unit", "prose.quotation", "prose.outcome"}


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out = []
    start = text.find(needle)
    while start != -1 and needle:
        out.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return out


def _norm(s: str | None) -> str:
    s = (s or "").casefold().strip()
    s = re.sub(r"^(?:the|per|according to)\s+", "", s)
    return re.sub(r"\s+", " ", s)


def _edtf_bounds(value: str) -> tuple[dt.date, dt.date]:
    def one(part: str, last: bool) -> dt.date:
        bits = [int(b) for b in part.split("-")]
        if len(bits) == 3:
            return dt.date(*bits)
        if len(bits) == 2:
            y, m = bits
            if not last:
                return dt.date(y, m, 1)
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(bits[0], 12, 31) if last else dt.date(bits[0], 1, 1)

    if "/" in value:
        a, b = value.split("/")
        return one(a, False), one(b, True)
    return one(value, False), one(value, True)


def evaluate(corpus: Path, gold_path: Path) -> dict:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for item in gold:
        by_doc[item["doc"]].append(item)
    stats = {
        "found": Counter(), "total": Counter(), "value_ok": 0, "value_n": 0, "qual_ok": 0,
        "qual_n": 0, "attr_ok": 0, "attr_n": 0, "date_ok": 0, "date_n": 0,
        "spurious_attr": 0, "misses": [], "wrong": [], "extra": [], "prec_ok": Counter(),
        "prec_n": Counter(), "excluded": Counter(),
    }
    for doc_name, items in sorted(by_doc.items()):
        document = read_path(str(corpus / doc_name))
        claims = extract_document(document)
        text = document.text
        matched_claims: set[str] = set()
        for item in items:
            kind = item["kind"]
            stats["total"][kind] += 1
            spans = _occurrences(text, item["text"])
            def overlaps(c) -> bool:
                return any(c.span.start < b and a < c.span.end for a, b in spans)
            if kind == "commander":
                cands = [c for c in claims if c.kind == Kind.COMMANDER
                         and any(a <= c.span.start and c.span.end <= b for a, b in spans)]
            else:
                cands = [c for c in claims if c.kind.value == kind and overlaps(c)]
            if not cands:
                others = [f"{c.kind.value}:{c.span.quote!r}" for c in claims if overlaps(c)]
                stats["misses"].append(f"{doc_name}: {kind} {item['text']!r}" + (f" (found as {', '.join(others)})" if others else ""))
                continue
            stats["found"][kind] += 1
            matched_claims.update(c.id for c in cands)
            best = cands[0]
            if kind in FIGURE_KINDS and item.get("low", None) is not None or item.get("high") is not None:
                qs = [c for c in cands if isinstance(c.value, Quantity)]
                ok = [c for c in qs if c.value.low == item["low"] and c.value.high == item["high"]]
                stats["value_n"] += 1
                if ok:
                    stats["value_ok"] += 1
                    best = ok[0]
                elif qs:
                    best = qs[0]
                    stats["wrong"].append(f"{doc_name}: value {item['text']!r} gold {item['low']}-{item['high']} got {best.value.low}-{best.value.high}")
                if item.get("qualifier") and isinstance(best.value, Quantity):
                    stats["qual_n"] += 1
                    if best.value.qualifier.value == item["qualifier"]:
                        stats["qual_ok"] += 1
                    else:
                        stats["wrong"].append(f"{doc_name}: qualifier {item['text']!r} gold {item['qualifier']} got {best.value.qualifier.value}")
            if item.get("date_value"):
                stats["date_n"] += 1
                lo, hi = _edtf_bounds(item["date_value"])
                ds = [c for c in cands if isinstance(c.value, UncertainDate)]
                if any(c.value.earliest == lo and c.value.latest == hi for c in ds):
                    stats["date_ok"] += 1
                else:
                    got = ", ".join(f"{c.value.earliest}/{c.value.latest}" for c in ds)
                    stats["wrong"].append(f"{doc_name}: date {item['text']!r} gold {item['date_value']} got {got}")
            claimant = best.attribution.claimant
            if item.get("attributed_to"):
                stats["attr_n"] += 1
                g, e = _norm(item["attributed_to"]), _norm(claimant)
                if e and (g in e or e in g):
                    stats["attr_ok"] += 1
                else:
                    stats["wrong"].append(f"{doc_name}: claimant {item['text']!r} gold {item['attributed_to']!r} got {claimant!r}")
            elif claimant:
                stats["spurious_attr"] += 1
        gold_kinds = {i["kind"] for i in items} | FIGURE_KINDS | {"date", "result", "commander", "territory"}
        for c in claims:
            if c.rule in NOT_ANNOTATED_RULES:
                stats["excluded"][c.rule] += 1
                continue
            if c.kind.value not in gold_kinds:
                continue
            stats["prec_n"][c.kind.value] += 1
            if c.id in matched_claims:
                stats["prec_ok"][c.kind.value] += 1
            else:
                stats["extra"].append(f"{doc_name}: {c.kind.value} {c.span.quote!r} ({c.rule})")
    return stats


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def report(stats: dict, show_misses: bool) -> str:
    lines = ["kind         recall              precision"]
    kinds = sorted(set(stats["total"]) | set(stats["prec_n"]))
    for k in kinds:
        lines.append(f"{k:12} {_ratio(stats['found'][k], stats['total'][k]):19} {_ratio(stats['prec_ok'][k], stats['prec_n'][k])}")
    fig_found = sum(stats["found"][k] for k in FIGURE_KINDS)
    fig_total = sum(stats["total"][k] for k in FIGURE_KINDS)
    fig_ok = sum(stats["prec_ok"][k] for k in FIGURE_KINDS)
    fig_n = sum(stats["prec_n"][k] for k in FIGURE_KINDS)
    all_found, all_total = sum(stats["found"].values()), sum(stats["total"].values())
    all_ok, all_n = sum(stats["prec_ok"].values()), sum(stats["prec_n"].values())
    lines += [
        "",
        f"figure recall        {_ratio(fig_found, fig_total)}",
        f"figure precision     {_ratio(fig_ok, fig_n)}",
        f"overall recall       {_ratio(all_found, all_total)}",
        f"overall precision    {_ratio(all_ok, all_n)}",
        f"value accuracy       {_ratio(stats['value_ok'], stats['value_n'])}",
        f"qualifier accuracy   {_ratio(stats['qual_ok'], stats['qual_n'])}",
        f"date accuracy        {_ratio(stats['date_ok'], stats['date_n'])}",
        f"attribution recall   {_ratio(stats['attr_ok'], stats['attr_n'])}",
        f"claimants where gold has none: {stats['spurious_attr']}",
        "not scored (gold does not annotate): " + ", ".join(f"{k} {v}" for k, v in sorted(stats["excluded"].items())),
    ]
    if show_misses:
        lines += ["", f"misses ({len(stats['misses'])}):"] + [f"  {m}" for m in stats["misses"]]
        lines += ["", f"wrong values/claimants ({len(stats['wrong'])}):"] + [f"  {m}" for m in stats["wrong"]]
        lines += ["", f"extracted, not in gold ({len(stats['extra'])}):"] + [f"  {m}" for m in stats["extra"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--gold", default=None, help="gold file (default: CORPUS/gold.json)")
    parser.add_argument("--misses", action="store_true", help="list misses, wrong values and extras")
    args = parser.parse_args(argv)
    corpus = Path(args.corpus)
    gold = Path(args.gold) if args.gold else corpus / "gold.json"
    if not gold.exists():
        print(f"eval_extraction: no gold file at {gold}", file=sys.stderr)
        return 2
    print(report(evaluate(corpus, gold), args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
