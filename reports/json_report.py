"""The machine-readable report: `claims/1` schema, claims in the converter's format."""

from __future__ import annotations

from claims.api import SCHEMA, json_text, to_data
from claims.reports import Report


def report_data(report: Report) -> dict:
    conflicts = []
    for event in report.events:
        for k in event.conflicts:
            item = {
                "id": k.id,
                "rule": k.rule,
                "severity": k.severity.value,
                "outcome": k.outcome.value,
                "event": event.name,
                "claims": list(k.claims),
                "explanation": k.explanation,
            }
            if k.id in report.verdicts:
                item["verdict"] = to_data(report.verdicts[k.id])
            if k.id in report.notes:
                item["notes"] = [to_data(a) for a in report.notes[k.id]]
            conflicts.append(item)
    claims = []
    for cid in sorted(report.claims):
        item = to_data(report.claims[cid])
        if cid in report.verdicts:
            item["verdict"] = to_data(report.verdicts[cid])
        if cid in report.notes:
            item["notes"] = [to_data(a) for a in report.notes[cid]]
        claims.append(item)
    return {
        "schema": SCHEMA,
        "events": [{"id": e.id, "name": e.name, "documents": list(e.documents)} for e in report.events],
        "conflicts": conflicts,
        "claims": claims,
    }


def render(report: Report) -> str:
    return json_text(report_data(report)) + "\n"
