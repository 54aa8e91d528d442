"""The machine-readable report: `claims/1` schema, claims in the converter's format.

Top-level keys:

- ``grouping``: one entry per event: its documents (paths), why they were grouped, and which
  are versions of one article (with the lineage evidence);
- ``findings``: every finding (conflicts, tensions to decide, identities, consistent checks),
  each with the file and line and claimant of every claim; a finding about one disputed
  quantity carries its ``dispute``: every estimate and how each pair of estimates stands;
- ``conflicts``: only what says claims disagree, one item per set of claims that cannot all be
  true (a dispute gives one per pair of clashing estimates; see
  :func:`claims.api.disagreements`), each naming its ``finding``; estimates that agree, agree
  within tolerance or restate one another, identities and passed checks are never here;
- ``events`` (ids, names, document ids, as before) and ``claims``.
"""

from __future__ import annotations

from typing import Any

from claims.api import SCHEMA, Conflict, describe_value, disagreements, in_page_source, json_text, quantity_label, to_data
from claims.reports import Report


def _locations(report: Report, k: Conflict) -> list[dict[str, Any]]:
    out = []
    for cid, c in report.members(k):
        if c is None:
            out.append({"claim": cid})
            continue
        out.append({
            "claim": cid,
            "path": report.document_path(c.document),
            "line": c.span.line,
            "column": c.span.column,
            "quote": c.span.quote,
            "claimant": c.attribution.claimant,
            "claimant_class": c.attribution.claimant_class.value,
        })
    return out


def _dispute(report: Report, k: Conflict) -> dict[str, Any] | None:
    d = k.dispute
    if d is None:
        return None
    estimates = []
    for e in d.estimates:
        first = report.claims.get(e.claims[0]) if e.claims else None
        estimates.append({
            "claims": list(e.claims),
            "value": describe_value(first.value) if first is not None else None,
            "claimant": first.attribution.claimant if first is not None else None,
            "path": report.document_path(first.document) if first is not None else None,
            "line": first.span.line if first is not None else None,
            "source": e.source,
            "restated": len(e.claims) - 1,
        })
    return {
        "label": quantity_label(d),
        "event": d.event,
        "kind": d.kind.value,
        "category": d.category.value,
        "side": d.side,
        "side_name": d.side_name,
        "scope": d.scope,
        "lost": d.lost,
        "estimates": estimates,
        "pairs": [{"a": p.a, "b": p.b, "relation": p.relation.value, "rule": p.rule} for p in d.pairs],
    }


def report_data(report: Report) -> dict:
    findings, conflicts = [], []
    for event in report.events:
        for k in event.conflicts:
            item: dict[str, Any] = {
                "id": k.id,
                "rule": k.rule,
                "severity": k.severity.value,
                "outcome": k.outcome.value,
                "event": event.name,
                "claims": list(k.claims),
                "explanation": k.explanation,
                "locations": _locations(report, k),
            }
            dispute = _dispute(report, k)
            if dispute is not None:
                item["dispute"] = dispute
            if k.id in report.verdicts:
                item["verdict"] = to_data(report.verdicts[k.id])
            if k.id in report.notes:
                item["notes"] = [to_data(a) for a in report.notes[k.id]]
            findings.append(item)
            for part in disagreements(k):
                entry = {
                    "id": part.id,
                    "rule": part.rule,
                    "severity": part.severity.value,
                    "outcome": part.outcome.value,
                    "event": event.name,
                    "claims": list(part.claims),
                    "explanation": part.explanation,
                    "finding": k.id,
                }
                if k.id in report.verdicts:
                    entry["verdict"] = item["verdict"]
                conflicts.append(entry)
    claims = []
    for cid in sorted(report.claims):
        claim = report.claims[cid]
        data = in_page_source(to_data(claim), claim, report.documents.get(claim.span.document))
        if cid in report.verdicts:
            data["verdict"] = to_data(report.verdicts[cid])
        if cid in report.notes:
            data["notes"] = [to_data(a) for a in report.notes[cid]]
        claims.append(data)
    return {
        "schema": SCHEMA,
        "grouping": [
            {
                "event": e.id,
                "name": e.name,
                "documents": [report.document_path(d) for d in e.documents],
                "why": list(e.why),
                "versions": [{"documents": [report.document_path(d) for d in v], "why": w}
                             for v, w in zip(e.versions, e.version_why)],
            }
            for e in report.events
        ],
        "events": [{"id": e.id, "name": e.name, "documents": list(e.documents)} for e in report.events],
        "findings": findings,
        "conflicts": conflicts,
        "claims": claims,
    }


def render(report: Report) -> str:
    return json_text(report_data(report)) + "\n"
