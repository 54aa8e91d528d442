"""Blind double review in the review screen: reviewer B does not see A's verdict on a claim
assigned to both blind until B has given their own (the store's rule, asked on B's behalf)."""

from __future__ import annotations

from claims.api import ClaimQuery, new_annotation, open_store
from claims.model import Verdict
from claims.tui.app import ReviewApp
from tui_helpers import claim_list, detail_text, synchronous, wait_until


@synchronous
async def test_reviewer_b_sees_a_verdict_only_after_giving_theirs(seed_store):
    with open_store(seed_store) as store:
        (first,) = store.claims(ClaimQuery(), limit=1)
        store.assign([first.id], ["ana", "ben"], blind=True)
        store.annotate(new_annotation(first, Verdict.DISPUTED, "ana", note="ana's reason"))
    app = ReviewApp(seed_store, "ben")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: claim_list(app).highlighted is not None, what="claims")
        await wait_until(pilot, lambda: "History (" in detail_text(app.main_screen), what="detail")
        assert claim_list(app).highlighted.id == first.id
        assert first.id not in app.claim_verdicts  # ana's verdict is hidden from ben
        assert "ana's reason" not in detail_text(app.main_screen) and "ana" not in detail_text(app.main_screen).split("History (")[1]
        await pilot.press("a")  # ben gives his own
        await wait_until(pilot, lambda: "ana's reason" in detail_text(app.main_screen), what="ana's annotation")
    with open_store(seed_store) as store:
        assert {a.reviewer for a in store.annotations(first.id)} == {"ana", "ben"}


@synchronous
async def test_a_verdict_filter_does_not_show_a_hidden_verdict(seed_store):
    with open_store(seed_store) as store:
        (first,) = store.claims(ClaimQuery(), limit=1)
        store.assign([first.id], ["ana", "ben"], blind=True)
        store.annotate(new_annotation(first, Verdict.DISPUTED, "ana"))
        # The store asked as ben: ana's verdict is no verdict to him yet.
        assert store.count_claims(ClaimQuery(verdict=Verdict.DISPUTED, viewer="ben")) == 0
        assert store.count_claims(ClaimQuery(verdict=Verdict.DISPUTED)) == 1
        unreviewed = store.count_claims(ClaimQuery(only_unreviewed=True))
        assert store.count_claims(ClaimQuery(only_unreviewed=True, viewer="ben")) == unreviewed + 1
    app = ReviewApp(seed_store, "ben")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: claim_list(app).highlighted is not None, what="claims")
        app.main_screen.query_ = ClaimQuery(verdict=Verdict.DISPUTED)
        app.main_screen.run_query()
        await wait_until(pilot, lambda: claim_list(app).total == 0, what="the filtered list")
