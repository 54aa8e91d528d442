"""Live refresh on a PostgreSQL store: another reviewer's verdict reaches an open review screen
(a toast saying who did what, the row redrawn) without a reload."""

from __future__ import annotations

from claims.api import ClaimQuery, new_annotation, open_store
from claims.model import Verdict
from claims.tui.app import ReviewApp
from tui_helpers import build_seed_store, claim_list, synchronous, wait_until


@synchronous
async def test_another_reviewers_verdict_arrives_without_a_reload(pg_url, monkeypatch):
    from tui_helpers import ROOT

    monkeypatch.chdir(ROOT)
    build_seed_store(pg_url)
    with open_store(pg_url) as store:
        (first,) = store.claims(ClaimQuery(), limit=1)
    app = ReviewApp(pg_url, "ben")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: claim_list(app).highlighted is not None, what="claims")
        await wait_until(pilot, lambda: app._listening, what="the listener")
        await pilot.pause(0.5)  # LISTEN is issued on the listener's own connection
        with open_store(pg_url) as store:
            store.annotate(new_annotation(first, Verdict.DISPUTED, "ana"))
        await wait_until(pilot, lambda: app.claim_verdicts.get(first.id) is Verdict.DISPUTED, what="the announcement")
        toasts = [str(n.message) for n in app._notifications]
        assert any(t.startswith("ana disputed") for t in toasts), toasts
