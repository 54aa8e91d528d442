"""Screenshots of the review app at fixed sizes; regenerate only on purpose (--snapshot-update).

The store is built from the seeds with paths relative to the repository, and no annotation is
made (their times would change), so the pictures only change when the app or the data do.
"""

from __future__ import annotations

import pytest

from tui_helpers import ROOT, build_seed_store, detail_text, wait_until
from claims.tui.app import ReviewApp
from claims.tui.widgets.claim_list import ClaimList


@pytest.fixture
def seed_app(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    build_seed_store(tmp_path / "seeds.db")
    monkeypatch.chdir(tmp_path)  # the title shows the store's file name only
    return ReviewApp("seeds.db", "reviewer")


async def settled(pilot) -> None:
    app = pilot.app
    claims = app.main_screen.query_one(ClaimList)
    await wait_until(pilot, lambda: claims.highlighted is not None, what="claims")
    await wait_until(pilot, lambda: "History (" in detail_text(app.main_screen), what="detail")
    await pilot.pause(0.1)


class TestMainScreen:
    def test_narrow_80x24(self, snap_compare, seed_app):
        async def run_before(pilot):
            await settled(pilot)
            await pilot.press("down", "down", "down", "down")
            await settled(pilot)
            await pilot.pause(0.2)

        assert snap_compare(seed_app, terminal_size=(80, 24), run_before=run_before)

    def test_wide_200x50(self, snap_compare, seed_app):
        async def run_before(pilot):
            await settled(pilot)
            await pilot.press("f")
            await pilot.pause(0.3)

        assert snap_compare(seed_app, terminal_size=(200, 50), run_before=run_before)


async def conflicts_shown(pilot) -> None:
    await settled(pilot)
    await pilot.press("C")
    screen = pilot.app.screen
    await wait_until(pilot, lambda: getattr(screen, "current_claims", None), what="conflict")
    await pilot.pause(0.3)


async def help_shown(pilot) -> None:
    await settled(pilot)
    await pilot.press("question_mark")
    await pilot.pause(0.2)


# Every screen at the smallest terminal a reviewer uses and at a wide one.
class TestConflictsScreen:
    @pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
    def test_conflicts(self, snap_compare, seed_app, size):
        assert snap_compare(seed_app, terminal_size=size, run_before=conflicts_shown)


class TestHelp:
    @pytest.mark.parametrize("size", [(80, 24), (100, 40), (200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
    def test_help(self, snap_compare, seed_app, size):
        assert snap_compare(seed_app, terminal_size=size, run_before=help_shown)


async def source_shown(pilot) -> None:
    from claims.tui.widgets.source_pane import SourcePane, SourceText

    await settled(pilot)
    await pilot.press("down", "down", "down", "down", "down", "p")
    claims = pilot.app.main_screen.query_one(ClaimList)
    pane = pilot.app.main_screen.query_one(SourcePane)
    await wait_until(pilot, lambda: claims.highlighted is not None and pane.claim_id == claims.highlighted.id,
                     what="source pane")
    # The pane scrolls to the claim after a refresh: on a busy machine that comes later.
    await wait_until(pilot, lambda: pane.query_one(SourceText).focus_line() in pane.visible_lines
                     and pane.visible_lines.start > 0, what="the claim scrolled into view")
    await settled(pilot)
    await pilot.pause(0.2)


class TestSourcePane:
    @pytest.mark.parametrize("size", [(80, 24), (200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
    def test_source(self, snap_compare, seed_app, size):
        assert snap_compare(seed_app, terminal_size=size, run_before=source_shown)


@pytest.fixture
def disagreeing_app(tmp_path, monkeypatch):
    """The seed store where two reviewers disagree on two claims, opened by the adjudicator."""
    from claims.api import ClaimQuery, new_annotation, open_store
    from claims.model import Verdict

    monkeypatch.chdir(ROOT)
    db = build_seed_store(tmp_path / "seeds.db")
    with open_store(db) as store:
        first, second = store.claims(ClaimQuery(), limit=2)
        store.add_reviewer("judy", "adjudicator")
        for claim, (ana, ben) in ((first, (Verdict.ACCEPTED, Verdict.DISPUTED)),
                                  (second, (Verdict.REJECTED, Verdict.ACCEPTED))):
            store.annotate(new_annotation(claim, ana, "ana"))
            store.annotate(new_annotation(claim, ben, "ben", note="the ministry's figure"))
    monkeypatch.chdir(tmp_path)
    return ReviewApp("seeds.db", "judy")


async def adjudicate_shown(pilot) -> None:
    await settled(pilot)
    await pilot.press("J")
    await wait_until(pilot, lambda: getattr(pilot.app.screen, "loaded", False), what="disagreements")
    await pilot.pause(0.3)


class TestAdjudicateScreen:
    @pytest.mark.parametrize("size", [(80, 24), (200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
    def test_adjudicate(self, snap_compare, disagreeing_app, size):
        assert snap_compare(disagreeing_app, terminal_size=size, run_before=adjudicate_shown)


async def views_shown(pilot) -> None:
    await settled(pilot)
    await pilot.press("v")
    await pilot.pause(0.6)  # the picker counts each view's claims in the store


class TestViewsPicker:
    @pytest.mark.parametrize("size", [(80, 24), (200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
    def test_views(self, snap_compare, seed_app, size):
        assert snap_compare(seed_app, terminal_size=size, run_before=views_shown)
