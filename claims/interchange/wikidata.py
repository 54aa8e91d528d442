"""Wikidata-style statements for figures: Wikibase JSON, and QuickStatements lines to review.

A figure becomes a statement on its subject (the battle or operation) when Wikidata has a
property for what it counts:

| counts | property |
|---|---|
| killed | P1120 number of deaths |
| wounded | P1339 number of injured |
| missing | P1446 number of missing |
| casualties, killed or wounded | P1590 number of casualties |
| troops (a strength figure) | P1132 number of participants |

Other figures (captured, displaced, equipment, increments) have no such property and are
listed as skipped, with the reason.

- **Value**: a ``quantity`` (``amount``, unit ``1``); a range (`35–58`) is its midpoint with
  ``lowerBound`` and ``upperBound``; an exact or approximate figure has no bounds. An open bound
  (`more than six thousand`, `up to 2,000`) has no Wikibase form (bounds come in pairs): the
  amount is the stated bound and ``claims:bound`` says which side is open.
- **Qualifiers**: ``P585`` point in time (the figure's as-of date, at its precision);
  ``P1480`` sourcing circumstances: ``Q5727902`` circa for an approximate figure, ``Q18912752``
  disputed when a reviewer disputed it or the reconciler found it in a conflict (in a
  disputed quantity, an estimate that cannot be true with another or agrees only within
  tolerance, not one that agrees); ``P518``
  applies to part, for the side, when ``wikidata-items`` maps the side's name to an item.
- **Rank**: ``deprecated`` when a reviewer rejected the figure, else ``normal``.
- **References**: the document (``P854`` reference URL for a web page, ``P1476`` title,
  ``P577`` publication date, ``P813`` retrieved, ``P1683`` quote), and the reference it cites
  (``P1476`` title: the citation's label). Wikidata has no property for the claimant named in
  the text; it is kept as ``claims:claimant`` and in the QuickStatements comment.

The subject's item comes from ``--item`` or ``wikidata-items`` (by document title or id);
without one, QuickStatements lines carry the subject's name in braces (`{Battle of X}`), which
QuickStatements refuses, so nothing is written to a wrong item before an editor fills it in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from claims.interchange.common import StoreView, document_iri
from claims.model import (
    Category,
    Claim,
    Conflict,
    Document,
    Kind,
    Outcome,
    Population,
    Precision,
    Qualifier,
    Quantity,
    Relation,
    TargetKind,
    UncertainDate,
    Verdict,
)
from claims.store.base import Store

PROPERTIES: dict[Category, tuple[str, str]] = {
    Category.KILLED: ("P1120", "number of deaths"),
    Category.WOUNDED: ("P1339", "number of injured"),
    Category.MISSING: ("P1446", "number of missing"),
    Category.CASUALTIES: ("P1590", "number of casualties"),
    Category.KILLED_OR_WOUNDED: ("P1590", "number of casualties"),
    Category.TROOPS: ("P1132", "number of participants"),
}
POINT_IN_TIME = "P585"
SOURCING_CIRCUMSTANCES = "P1480"
APPLIES_TO_PART = "P518"
CIRCA = "Q5727902"
DISPUTED = "Q18912752"
REFERENCE_URL, TITLE, PUBLISHED, RETRIEVED, QUOTE = "P854", "P1476", "P577", "P813", "P1683"
GREGORIAN = "http://www.wikidata.org/entity/Q1985727"
_PRECISION = {Precision.DAY: 11, Precision.MONTH: 10, Precision.YEAR: 9}
_ITEM = re.compile(r"^Q\d+$")


def _amount(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return "+" + text if not text.startswith("-") else text


def _time(date: UncertainDate) -> tuple[str, int]:
    """A Wikibase time and precision for an uncertain date: its earliest day, at the precision
    the interval allows (day, month or year)."""
    if date.earliest == date.latest:
        precision = 11
    elif (date.earliest.year, date.earliest.month) == (date.latest.year, date.latest.month):
        precision = 10
    elif date.earliest.year == date.latest.year:
        precision = 9
    else:
        precision = 8  # decade
    day = date.earliest
    text = f"+{day.year:04d}-{day.month if precision >= 10 else 0:02d}-{day.day if precision >= 11 else 0:02d}T00:00:00Z"
    return text, precision


def _iso_time(value: str | None) -> tuple[str, int] | None:
    if not value:
        return None
    try:
        moment = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return f"+{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T00:00:00Z", 11


def _snak(prop: str, datatype: str, value: Any, value_type: str) -> dict[str, Any]:
    return {"snaktype": "value", "property": prop, "datatype": datatype,
            "datavalue": {"value": value, "type": value_type}}


def _item_snak(prop: str, item: str) -> dict[str, Any]:
    return _snak(prop, "wikibase-item", {"entity-type": "item", "numeric-id": int(item[1:]), "id": item},
                 "wikibase-entityid")


def _time_snak(prop: str, time: str, precision: int) -> dict[str, Any]:
    return _snak(prop, "time", {"time": time, "timezone": 0, "before": 0, "after": 0, "precision": precision,
                                "calendarmodel": GREGORIAN}, "time")


def _text_snak(prop: str, text: str, language: str = "en") -> dict[str, Any]:
    return _snak(prop, "monolingualtext", {"text": text, "language": language}, "monolingualtext")


def _group(snaks: list[dict[str, Any]]) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for snak in snaks:
        grouped.setdefault(snak["property"], []).append(snak)
    return grouped, list(grouped)


def _lookup(items: Mapping[str, str], *names: str | None) -> str | None:
    lowered = {k.strip().lower(): v for k, v in items.items()}
    for name in names:
        if name and name.strip().lower() in lowered and _ITEM.match(lowered[name.strip().lower()]):
            return lowered[name.strip().lower()]
    return None


def why_skipped(claim: Claim) -> str | None:
    """Why a claim is not a Wikidata figure statement, or None when it is one."""
    value = claim.value
    if not isinstance(value, Quantity):
        return "not a figure"
    if claim.negated:
        return "the claimant denies it"
    if value.increment:
        return "an increment, not a count"
    if value.lost:
        return "equipment lost: Wikidata has no property for it"
    if value.category is Category.TROOPS and (claim.kind is not Kind.STRENGTH or value.population is Population.CIVILIAN):
        return "people counted who are not a side's strength"
    if value.category not in PROPERTIES:
        return f"Wikidata has no property for {value.category.value}"
    return None


def statement(
    claim: Claim,
    document: Document | None,
    *,
    disputed: bool,
    rejected: bool,
    items: Mapping[str, str],
    item: str | None = None,
) -> dict[str, Any]:
    """One figure as a Wikibase statement, with what QuickStatements and a reviewer need beside it."""
    value = claim.value
    assert isinstance(value, Quantity)
    prop, label = PROPERTIES[value.category]
    datavalue: dict[str, Any] = {"unit": "1"}
    bound = None
    if value.low is not None and value.high is not None and value.low != value.high:
        middle = (value.low + value.high) / 2
        datavalue.update(amount=_amount(middle), lowerBound=_amount(value.low), upperBound=_amount(value.high))
    elif value.low is not None and value.high is None:
        datavalue["amount"] = _amount(value.low)
        bound = "at_least"
    elif value.low is None and value.high is not None:
        datavalue["amount"] = _amount(value.high)
        bound = "at_most"
    else:
        datavalue["amount"] = _amount(value.low if value.low is not None else 0)
    if value.vague:
        bound = "at_least"
    qualifiers: list[dict[str, Any]] = []
    if value.as_of is not None:
        time, precision = _time(value.as_of)
        qualifiers.append(_time_snak(POINT_IN_TIME, time, precision))
    if value.qualifier is Qualifier.APPROX:
        qualifiers.append(_item_snak(SOURCING_CIRCUMSTANCES, CIRCA))
    if disputed:
        qualifiers.append(_item_snak(SOURCING_CIRCUMSTANCES, DISPUTED))
    side_item = _lookup(items, claim.side.name)
    if side_item:
        qualifiers.append(_item_snak(APPLIES_TO_PART, side_item))
    grouped, order = _group(qualifiers)
    references = []
    if document is not None:
        snaks = []
        address = document_iri(document)
        if address.startswith(("http://", "https://")):
            snaks.append(_snak(REFERENCE_URL, "url", address, "string"))
        snaks.append(_text_snak(TITLE, document.title))
        provenance = document.provenance
        published = _iso_time(provenance.published if provenance else None)
        if published:
            snaks.append(_time_snak(PUBLISHED, *published))
        retrieved = _iso_time(provenance.fetched_at if provenance else None)
        if retrieved:
            snaks.append(_time_snak(RETRIEVED, *retrieved))
        snaks.append(_text_snak(QUOTE, claim.span.quote))
        block, block_order = _group(snaks)
        references.append({"snaks": block, "snaks-order": block_order})
    if claim.attribution.reference:
        block, block_order = _group([_text_snak(TITLE, claim.attribution.reference)])
        references.append({"snaks": block, "snaks-order": block_order})
    body: dict[str, Any] = {
        "type": "statement",
        "rank": "deprecated" if rejected else "normal",
        "mainsnak": _snak(prop, "quantity", datavalue, "quantity"),
        "qualifiers": grouped,
        "qualifiers-order": order,
        "references": references,
    }
    subject_item = item or _lookup(items, document.title if document else None, claim.document, claim.subject)
    return {
        "claims:claim": claim.id,
        "claims:subject": claim.subject,
        "claims:item": subject_item,
        "claims:property": f"{prop} ({label})",
        "claims:quote": claim.span.quote,
        "claims:claimant": claim.attribution.claimant,
        "claims:side": {"column": claim.side.column, "name": claim.side.name},
        "claims:bound": bound,
        "statement": body,
    }


def _contested(conflict: Conflict) -> tuple[str, ...]:
    """The claims a finding contests: for a disputed quantity, those of the estimates that
    cannot both be true or agree only within tolerance (an estimate that agrees is not in
    dispute); for any other finding, all its claims."""
    d = conflict.dispute
    if d is None:
        return conflict.claims
    out: list[str] = []
    for p in d.pairs:
        if p.relation in (Relation.CLASH, Relation.LOOSE):
            out += d.estimates[p.a].claims + d.estimates[p.b].claims
    return tuple(out)


def export_statements(store: Store, *, items: Mapping[str, str] | None = None, item: str | None = None) -> dict[str, Any]:
    """Every figure with a Wikidata property, as statements; the other figures as skipped."""
    items = items or {}
    view = StoreView(store)
    verdicts = store.current_verdicts(TargetKind.CLAIM)
    in_conflict: set[str] = set()
    for conflict in store.conflicts():
        if conflict.outcome in (Outcome.CONFLICT, Outcome.INDETERMINATE):
            in_conflict.update(_contested(conflict))
    statements, skipped = [], []
    for claim in store.claims():
        reason = why_skipped(claim)
        if reason is not None:
            if isinstance(claim.value, Quantity):
                skipped.append({"claims:claim": claim.id, "claims:quote": claim.span.quote, "reason": reason})
            continue
        verdict = verdicts.get(claim.id)
        statements.append(statement(
            claim, view.document(claim.span.document),
            disputed=claim.id in in_conflict or (verdict is not None and verdict.verdict is Verdict.DISPUTED),
            rejected=verdict is not None and verdict.verdict is Verdict.REJECTED,
            items=items, item=item,
        ))
    return {"statements": statements, "skipped": skipped}


def _qs_string(text: str) -> str:
    return '"' + re.sub(r"\s+", " ", text).replace('"', "'").strip() + '"'


def _qs_value(snak: dict[str, Any]) -> str:
    value = snak["datavalue"]["value"]
    kind = snak["datavalue"]["type"]
    if kind == "quantity":
        amount = value["amount"].lstrip("+")
        if "lowerBound" in value:
            tolerance = (float(value["upperBound"]) - float(value["lowerBound"])) / 2
            return f"{amount}~{_amount(tolerance).lstrip('+')}"
        return amount
    if kind == "time":
        return f"{value['time']}/{value['precision']}"
    if kind == "wikibase-entityid":
        return value["id"]
    if kind == "monolingualtext":
        return f"{value['language']}:{_qs_string(value['text'])}"
    return _qs_string(str(value))


def quickstatements(export: Mapping[str, Any]) -> list[str]:
    """QuickStatements (v1) lines: item, property, value, qualifiers, the first reference block
    (`S` properties), and a comment naming the claim, its quote and its claimant."""
    lines = []
    for entry in export["statements"]:
        body = entry["statement"]
        subject = entry["claims:item"] or "{" + re.sub(r"[\t\n{}]+", " ", entry["claims:subject"]).strip() + "}"
        cells = [subject, body["mainsnak"]["property"], _qs_value(body["mainsnak"])]
        for prop in body["qualifiers-order"]:
            for snak in body["qualifiers"][prop]:
                cells += [prop, _qs_value(snak)]
        if body["references"]:
            block = body["references"][0]
            for prop in block["snaks-order"]:
                for snak in block["snaks"][prop]:
                    cells += ["S" + prop[1:], _qs_value(snak)]
        note = f"claims {entry['claims:claim']}: {entry['claims:quote']}"
        if entry["claims:claimant"]:
            note += f" (according to {entry['claims:claimant']})"
        if entry["claims:bound"]:
            note += f" [{entry['claims:bound'].replace('_', ' ')}]"
        if body["rank"] == "deprecated":
            note += " [rejected by a reviewer: set the rank to deprecated]"
        cells.append("/* " + re.sub(r"\s+", " ", note).replace("*/", "* /") + " */")
        lines.append("\t".join(cells))
    return lines
