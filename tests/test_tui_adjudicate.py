"""Pilot tests of the adjudicator's screen (J): disagreements side by side, a ruling recorded as
an adjudication, refused for a reviewer who is no adjudicator."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from claims.api import ClaimQuery, new_annotation, open_store, verdict_disagreements_of
from claims.model import Verdict
from claims.tui.app import ReviewApp
from claims.tui.screens.adjudicate import AdjudicateScreen
from claims.tui.screens.main import MainScreen
from tui_helpers import claim_list, plain, synchronous, wait_until


def _disagree(db) -> list:
    """ana and ben disagree on two claims of the seed store (ben with a note), agree on a third;
    judy is an adjudicator, ana a reviewer. Returns the two disputed claims."""
    with open_store(db) as store:
        first, second, third = store.claims(ClaimQuery(), limit=3)
        store.add_reviewer("judy", "adjudicator")
        store.add_reviewer("ana", "reviewer")
        for claim, (ana, ben) in ((first, (Verdict.ACCEPTED, Verdict.DISPUTED)),
                                  (second, (Verdict.REJECTED, Verdict.ACCEPTED)),
                                  (third, (Verdict.ACCEPTED, Verdict.ACCEPTED))):
            store.annotate(new_annotation(claim, ana, "ana"))
            store.annotate(new_annotation(claim, ben, "ben", note="the ministry's figure"))
    return [first, second]


async def _open(pilot, app) -> AdjudicateScreen:
    await wait_until(pilot, lambda: claim_list(app).total > 0, what="claims")
    await pilot.press("J")
    assert isinstance(app.screen, AdjudicateScreen)
    await wait_until(pilot, lambda: app.screen.loaded, what="disagreements")
    await pilot.pause(0.05)
    return app.screen


@synchronous
async def test_the_adjudicator_sees_verdicts_side_by_side_and_rules(seed_store):
    first, second = _disagree(seed_store)
    app = ReviewApp(seed_store, "judy")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _open(pilot, app)
        table = screen.query_one(DataTable)
        assert [str(c.label) for c in table.columns.values()] == ["claim", "ana", "ben"]
        assert table.row_count == 2
        assert [plain(c).strip() for c in table.get_row_at(0)[1:]] == ["accepted", "disputed"]
        detail = plain(screen.query_one("#adjudicate-detail", Static).content, width=120)
        assert "ben disputed: the ministry's figure" in detail and "ana accepted" in detail
        await pilot.press("r")  # judy rules the first claim rejected
        await wait_until(pilot, lambda: app.screen.query_one(DataTable).row_count == 1, what="the ruling")
        await pilot.press("enter")  # goes to the one left, on the claims list
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen), what="the claims list")
    with open_store(seed_store) as store:
        (ruling,) = [a for a in store.annotations(first.id) if a.adjudication]
        assert (ruling.reviewer, ruling.verdict) == ("judy", Verdict.REJECTED)
        assert [d.claim_id for d in verdict_disagreements_of(store)] == [second.id]


@synchronous
async def test_a_reviewer_who_is_no_adjudicator_is_told_and_refused(seed_store):
    first, _ = _disagree(seed_store)
    app = ReviewApp(seed_store, "ana")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _open(pilot, app)
        summary = plain(screen.query_one("#adjudicate-summary", Static).content, width=200)
        assert "ana is not an adjudicator here" in summary
        await pilot.press("a")
        await wait_until(pilot, lambda: any("NOT saved" in str(n.message) for n in app._notifications),
                         what="the refusal")
        assert any("only an adjudicator may adjudicate" in str(n.message) for n in app._notifications)
        assert app.screen.query_one(DataTable).row_count == 2
    with open_store(seed_store) as store:
        assert not any(a.adjudication for a in store.annotations(first.id))
