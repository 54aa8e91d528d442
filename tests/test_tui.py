"""Pilot tests: drive the real review app on a store built from the seeds, then read the store."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Select, TextArea

from claims.model import (
    Attribution,
    Category,
    Claim,
    Kind,
    Qualifier,
    Quantity,
    Side,
    Span,
    TargetKind,
    Verdict,
)
from claims.store import ClaimQuery, open_store, store_label
from store_helpers import make_document
from tui_helpers import claim_list, detail_text, row_text, synchronous, wait_until
from claims.tui.app import ReviewApp
from claims.tui.bindings import ALL_KEYS, MAIN_KEYS
from claims.tui.dialogs.confidence import OVERRIDE_REASONS, ConfidenceDialog
from claims.tui.dialogs.note import NoteDialog
from claims.tui.screens.conflicts import ConflictsScreen
from claims.tui.screens.help import HelpScreen
from claims.tui.screens.main import MainScreen
from claims.tui.widgets.claim_list import ClaimList


async def loaded(pilot, app) -> ClaimList:
    claims = claim_list(app)
    await wait_until(pilot, lambda: claims.total > 0 and claims.highlighted is not None, what="claims")
    return claims


async def annotations_count(pilot, app, db, n: int) -> None:
    def enough() -> bool:
        store = open_store(db)
        try:
            return len(store.annotations()) >= n
        finally:
            store.close()

    await wait_until(pilot, enough, what=f"{n} annotations")
    await pilot.pause(0.05)


@synchronous
async def test_review_session_stores_exactly_what_the_reviewer_did(seed_store):
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(120, 40)) as pilot:
        claims = await loaded(pilot, app)
        everything = claims.total

        # Filter: casualties only, via the kind filter in the filter panel.
        await pilot.press("f")
        app.main_screen.query_one("#filter-kind", Select).value = Kind.CASUALTIES
        await wait_until(pilot, lambda: claims.query_.kind is Kind.CASUALTIES and claims.total < everything,
                         what="kind filter")
        store = open_store(seed_store)
        expected = store.count_claims(ClaimQuery(kind=Kind.CASUALTIES))
        store.close()
        assert claims.total == expected
        assert f"Showing {expected:,} of {everything:,} claims" in str(app.main_screen.query_one("#status").content)
        await pilot.press("f")  # hide the panel; the list has focus again
        assert app.focused is claims

        # Open the first claim, accept it.
        first = claims.highlighted
        await pilot.press("enter")
        assert "Source" in detail_text(app.main_screen)
        await pilot.press("escape")
        await pilot.press("a")
        await annotations_count(pilot, app, seed_store, 1)
        assert app.claim_verdicts[first.id] is Verdict.ACCEPTED
        assert "✓" in row_text(claims, 0)

        # Dispute the next one with a note.
        await pilot.press("down")
        second = claims.highlighted
        assert second.id != first.id
        await pilot.press("D")
        assert isinstance(app.screen, NoteDialog)
        app.screen.query_one(TextArea).insert("Figure comes from one side only.")
        await pilot.press("ctrl+s")
        await annotations_count(pilot, app, seed_store, 2)

        # Override its confidence: score, second reason, free text.
        await pilot.press("o")
        assert isinstance(app.screen, ConfidenceDialog)
        await pilot.press(*"0.2", "enter")
        assert isinstance(app.focused, OptionList)
        await pilot.press("down", "enter")
        assert isinstance(app.focused, Input)
        await pilot.press(*"per de Waal", "enter")
        await annotations_count(pilot, app, seed_store, 3)
        await wait_until(pilot, lambda: "reviewer override" in detail_text(app.main_screen), what="override shown")

        # Undo the override.
        await pilot.press("u")
        await annotations_count(pilot, app, seed_store, 4)
        await wait_until(pilot, lambda: "reviewer override" not in detail_text(app.main_screen), what="undo shown")
        await pilot.press("q")

    store = open_store(seed_store)
    try:
        made = store.annotations()
    finally:
        store.close()
    assert [(a.target_id, a.verdict) for a in made] == [
        (first.id, Verdict.ACCEPTED),
        (second.id, Verdict.DISPUTED),
        (second.id, Verdict.CONFIDENCE),
        (second.id, Verdict.RETRACTED),
    ]
    accepted, disputed, override, retraction = made
    assert all(a.reviewer == "tester" and a.target_kind is TargetKind.CLAIM for a in made)
    assert accepted.anchor is not None and accepted.anchor.quote == first.span.quote
    assert disputed.note == "Figure comes from one side only."
    assert override.confidence_override == pytest.approx(0.2)
    assert override.override_reason == OVERRIDE_REASONS[1]
    assert override.note == "per de Waal"
    assert retraction.retracts == override.id


@synchronous
async def test_restart_shows_verdicts_and_the_unreviewed_filter_works(seed_store):
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(120, 40)) as pilot:
        claims = await loaded(pilot, app)
        total = claims.total
        first = claims.highlighted
        await pilot.press("r")
        await annotations_count(pilot, app, seed_store, 1)

    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(120, 40)) as pilot:
        claims = await loaded(pilot, app)
        assert app.claim_verdicts == {first.id: Verdict.REJECTED}
        assert "⊘" in row_text(claims, 0)
        await wait_until(pilot, lambda: "rejected" in detail_text(app.main_screen), what="verdict in the detail")
        app.main_screen.query_one("#filter-unreviewed").value = True
        await wait_until(pilot, lambda: claims.query_.only_unreviewed and claims.total == total - 1,
                         what="unreviewed filter")
        assert claims.index_of(first.id) is None
        # With the unreviewed filter on, a verdict takes the claim off the list and the next comes up.
        second = claims.highlighted
        await pilot.press("a")
        await wait_until(pilot, lambda: claims.total == total - 2, what="list shrinks")
        assert claims.highlighted is not None and claims.highlighted.id != second.id


@synchronous
async def test_next_unreviewed_skips_reviewed_claims(seed_store):
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(100, 30)) as pilot:
        claims = await loaded(pilot, app)
        await pilot.press("down", "a")
        await annotations_count(pilot, app, seed_store, 1)
        await pilot.press("home", "right_square_bracket")
        await wait_until(pilot, lambda: claims.cursor == 2, what="cursor on the next unreviewed claim")
        await pilot.press("left_square_bracket")
        await wait_until(pilot, lambda: claims.cursor == 0, what="back to the first")


@synchronous
async def test_search_box_filters_and_counts(seed_store):
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(100, 30)) as pilot:
        claims = await loaded(pilot, app)
        await pilot.press("slash", *"de Waal", "enter")
        await wait_until(pilot, lambda: claims.query_.search == "de Waal", what="search")
        await wait_until(pilot, lambda: claims.highlighted is not None and claims.total >= 1, what="results")
        assert "Waal" in detail_text(app.main_screen)
        assert app.focused is claims
        await pilot.press("x")
        await wait_until(pilot, lambda: claims.query_ == ClaimQuery(), what="filters cleared")


@synchronous
async def test_conflicts_screen_verdict_and_jump_back(seed_store):
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        await pilot.press("C")
        assert isinstance(app.screen, ConflictsScreen)
        screen = app.screen
        await wait_until(pilot, lambda: screen.conflicts and screen.current_claims, what="conflicts")
        conflict = screen.current
        await pilot.press("r")
        await annotations_count(pilot, app, seed_store, 1)
        assert app.conflict_verdicts[conflict.id] is Verdict.RESOLVED
        await pilot.press("X")
        app.screen.query_one(TextArea).insert("Same figure restated.")
        await pilot.press("ctrl+s")
        await annotations_count(pilot, app, seed_store, 2)
        target = screen.focused_claim
        await pilot.press("g")
        assert isinstance(app.screen, MainScreen)
        await wait_until(pilot, lambda: app.main_screen.target_claim() is not None
                         and app.main_screen.target_claim().id == target.id, what="jump to the claim")
        await wait_until(pilot, lambda: "Conflicts (" in detail_text(app.main_screen), what="detail")
        text = detail_text(app.main_screen)
        assert conflict.rule in text
    store = open_store(seed_store)
    try:
        made = store.annotations()
    finally:
        store.close()
    assert [(a.target_kind, a.verdict, a.note) for a in made] == [
        (TargetKind.CONFLICT, Verdict.RESOLVED, ""),
        (TargetKind.CONFLICT, Verdict.NOT_A_CONFLICT, "Same figure restated."),
    ]


@pytest.mark.parametrize(("location", "label"), [
    ("/data/team/claims.db", "claims.db"),
    ("sqlite:///data/claims.db", "claims.db"),
    ("postgresql://ana:hunter2@db.example/claims", "postgresql://ana:***@db.example/claims"),
    ("postgresql:///claims?host=/var/run/postgresql&password=hunter2",
     "postgresql:///claims?host=/var/run/postgresql&password=***"),
])
def test_a_store_is_named_by_its_file_or_its_url_without_the_password(location, label):
    assert store_label(location) == label


@synchronous
async def test_the_title_names_the_store_without_its_password(seed_store):
    # The test server trusts every local connection, so it takes (and ignores) any password.
    location = f"{seed_store}&password=hunter2" if "://" in seed_store else seed_store
    app = ReviewApp(location, "tester")
    async with app.run_test(size=(200, 40)) as pilot:
        await loaded(pilot, app)
        title = str(app.main_screen.query_one("#title-bar").content)
    assert "hunter2" not in title
    expected = f"{seed_store}&password=***" if "://" in seed_store else "claims.db"
    assert f"  {expected}  reviewer tester" in title, title


MARKUP_TEXT = (
    "= Markup [bold]test[/bold] =\n\n"
    "Officials said [bold]600[/bold] killed [/x] and [link=https://evil.example]click[/link] 250 wounded.\n"
)


def markup_store(path: str) -> tuple[str, Claim]:
    text = MARKUP_TEXT
    document = make_document("markup.txt", text, path="[red]markup.txt", title="Markup [bold]test[/bold]")
    start = text.index("[bold]600")
    end = text.index(" and [link")
    span = Span(document=document.id, start=start, end=end, quote=text[start:end],
                prefix=text[max(0, start - 32):start], suffix=text[end:end + 32], line=3, column=start - 20)
    claim = Claim.create(
        document=document.id, kind=Kind.CASUALTIES, subject="[i]Battle[/i]",
        side=Side(column=2, name="[blink]Side[/blink]"),
        value=Quantity(low=600, high=600, qualifier=Qualifier.EXACT, category=Category.KILLED),
        span=span, attribution=Attribution(document=document.id, claimant="[bold red]officials[/]"),
        rule="test.markup",
    )
    store = open_store(path)
    try:
        store.ingest([document], [claim], [])
    finally:
        store.close()
    return str(path), claim


@synchronous
async def test_markup_in_documents_and_notes_is_shown_as_text(db):
    db, claim = markup_store(db)
    app = ReviewApp(db, "[b]rev[/b]")
    async with app.run_test(size=(200, 50)) as pilot:
        claims = await loaded(pilot, app)
        row = row_text(claims, 0)
        assert "[bold]600[/bold] killed [/x]" in row
        assert "[bold red]" in row and "[blink]" in row
        await wait_until(pilot, lambda: "History (" in detail_text(app.main_screen), what="detail")
        text = detail_text(app.main_screen)
        assert "[bold]600[/bold] killed [/x]" in text
        assert "[link=https://evil.example]click[/link]" in text
        assert "[blink]Side[/blink]" in text
        assert "Markup [bold]test[/bold]" in text and "[red]markup.txt" in text
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("see [/b] and [bold]this[/bold]")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "see [/b] and [bold]this[/bold]" in detail_text(app.main_screen),
                         what="note in history")
        assert "[b]rev[/b]" in detail_text(app.main_screen)
        await pilot.press("C")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ConflictsScreen)


@synchronous
async def test_every_binding_is_in_the_palette_and_the_help(seed_db):
    app = ReviewApp(str(seed_db), "tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        titles = {command.title for command in app.get_system_commands(app.main_screen)}
        assert {spec.palette for spec in MAIN_KEYS} <= titles
        assert "review: accept claim" in titles
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        from tui_helpers import plain
        from textual.widgets import Static

        help_text = "".join(plain(s.content, width=110) for s in app.screen.query(Static))
        for spec in ALL_KEYS:
            assert spec.id in help_text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
    ids = [spec.id for spec in ALL_KEYS]
    assert len(ids) == len(set(ids))


@synchronous
async def test_palette_command_runs_on_the_screen(seed_store):
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(120, 40)) as pilot:
        claims = await loaded(pilot, app)
        command = next(c for c in app.get_system_commands(app.main_screen) if c.title == "review: accept claim")
        await command.callback()
        await annotations_count(pilot, app, seed_store, 1)
        assert app.claim_verdicts == {claims.highlighted.id: Verdict.ACCEPTED}


@synchronous
async def test_undo_with_nothing_to_undo_says_so(seed_store):
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot, app)
        await pilot.press("u")
        await wait_until(pilot, lambda: any("Nothing of yours" in str(n.message) for n in app._notifications),
                         what="notification")
