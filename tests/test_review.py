"""Review policy: one definition of the current verdict, used by the store, the TUI and the reports."""

from __future__ import annotations

import datetime as dt

import attrs
from store_helpers import figure_claims, make_document

from claims.api import (
    Annotation,
    Conflict,
    Severity,
    TargetKind,
    Verdict,
    assess,
    attached,
    current_override,
    current_verdict,
    current_verdicts,
    last_undoable,
    live,
    new_annotation,
    notes,
    open_store,
    retraction_of,
    withdrawn,
)
from claims.reports import build_report
from claims.tui.data import read_back

TEXT = "In the north sector, 600 killed were reported. In the south, 45 killed were counted.\n"
EPOCH = dt.datetime(2024, 5, 1, 12, tzinfo=dt.timezone.utc)


def at(annotation: Annotation, minutes: int) -> Annotation:
    """The annotation stamped ``minutes`` after EPOCH: clocks need not follow the history's order."""
    return attrs.evolve(annotation, created_at=EPOCH + dt.timedelta(minutes=minutes))


def history() -> tuple[list, Conflict, list[Annotation]]:
    """Two claims and a conflict, and a history with undo, redo and a reviewer's clock running late."""
    claims = figure_claims("d1", TEXT)
    north, south = claims
    conflict = Conflict.create(rule="R-INTERVAL", severity=Severity.MEDIUM, claims=(north.id, south.id),
                               explanation="x")
    accepted = at(new_annotation(north, Verdict.ACCEPTED, "ana"), 0)
    rejected = at(new_annotation(north, Verdict.REJECTED, "ben", note="no source"), 5)
    undo = at(retraction_of(rejected, "ben"), 6)
    redo = at(retraction_of(undo, "ben"), 7)  # retracting the undo restores the rejection
    # Made after the rejection, but the reviewer's clock is an hour behind: order is the store's.
    disputed = at(new_annotation(south, Verdict.DISPUTED, "cyd"), -60)
    accepted_south = at(new_annotation(south, Verdict.ACCEPTED, "ana"), -90)
    override = at(new_annotation(south, Verdict.CONFIDENCE, "ana", confidence_override=0.9), 8)
    later_override = at(new_annotation(south, Verdict.CONFIDENCE, "ben", confidence_override=0.1), 9)
    undo_override = at(retraction_of(later_override, "ben"), 10)
    resolved = at(new_annotation(conflict, Verdict.RESOLVED, "ana", note="the army counted both"), 11)
    reopened = at(new_annotation(conflict, Verdict.OPEN, "ben"), 12)
    undo_reopened = at(retraction_of(reopened, "ben"), 13)
    made = [accepted, rejected, undo, redo, disputed, accepted_south, override, later_override, undo_override,
            resolved, reopened, undo_reopened]
    return claims, conflict, made


def test_retraction_withdraws_and_retracting_it_restores() -> None:
    claims, conflict, made = history()
    accepted, rejected, undo, redo, *_ = made
    assert withdrawn(made[:3]) == {rejected.id}
    assert current_verdict(made[:3]).id == accepted.id
    assert withdrawn(made[:4]) == {undo.id}
    assert current_verdict(made[:4]).id == rejected.id
    assert [a.id for a in live(made[:4])] == [accepted.id, rejected.id]


def test_order_is_the_history_not_the_clock() -> None:
    claims, conflict, made = history()
    verdicts = current_verdicts(made)
    assert verdicts[claims[1].id].verdict is Verdict.ACCEPTED  # made last, though stamped earliest
    assert verdicts[conflict.id].verdict is Verdict.RESOLVED
    assert current_override(made).confidence_override == 0.9
    assert last_undoable(made, "ben").verdict is Verdict.REJECTED
    assert [a.note for a in notes(made)[conflict.id]] == ["the army counted both"]


def test_attached_follows_moved_annotations_and_keeps_orphans() -> None:
    _, _, made = history()
    moved = attached(made[:2], {made[0].id: "c_new", made[1].id: None})
    assert [a.target_id for a in moved] == ["c_new", made[1].target_id]


def test_store_tui_and_reports_agree(db: str) -> None:
    claims, conflict, made = history()
    document = make_document("d1", TEXT)
    with open_store(db) as store:
        store.ingest([document], claims, [conflict])
        for annotation in made:
            store.annotate(annotation)
        stored = {**store.current_verdicts(TargetKind.CLAIM), **store.current_verdicts(TargetKind.CONFLICT)}
        shown = {
            target.id: read_back(store, new_annotation(target, Verdict.NOTE, "x")).verdict
            for target in (*claims, conflict)
        }
        report = build_report([document], claims, [conflict], store.annotations())
        overrides = {c.id: c.confidence for c in assess(claims, [conflict], store.annotations())}
        in_store = store.claim(claims[1].id).confidence
    expected = {claims[0].id: Verdict.REJECTED, claims[1].id: Verdict.ACCEPTED, conflict.id: Verdict.RESOLVED}
    assert {t: a.verdict for t, a in stored.items()} == expected
    assert shown == expected
    assert {t: a.verdict for t, a in report.verdicts.items()} == expected
    assert {t: a.id for t, a in report.verdicts.items()} == {t: a.id for t, a in stored.items()}
    assert overrides[claims[1].id].overridden and overrides[claims[1].id].score == 0.9
    assert in_store.overridden and in_store.score == 0.9
    assert in_store.reasons[0] == overrides[claims[1].id].reasons[0]
