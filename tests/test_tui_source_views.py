"""Pilot tests: the source pane (the claim's whole document, every claim marked, the claim
focused and followed) and saved views (built in, and saved across restarts)."""

from __future__ import annotations

import tomllib

import pytest
from rich.cells import cell_len
from textual.widgets import Input, OptionList, Select

from claims.model import Kind, Verdict
from claims.review import new_annotation
from claims.store import ClaimQuery, open_store
from claims.tui.app import ReviewApp
from claims.tui.dialogs.views import SaveViewDialog, ViewPicker
from claims.tui.views import builtin_views, load_views
from claims.tui.widgets.claim_detail import ClaimDetail
from claims.tui.widgets.source_pane import FOCUS_STYLE, MARK_STYLE, SourcePane, SourceText, marked_source, wrap_offsets
from tui_helpers import claim_list, synchronous, wait_until

BUILTIN = [v.name for v in builtin_views("tester")]


async def loaded(pilot, app):
    claims = claim_list(app)
    await wait_until(pilot, lambda: claims.total > 0 and claims.highlighted is not None, what="claims")
    return claims


async def source_on(pilot, app, claim_id: str) -> SourcePane:
    pane = app.main_screen.query_one(SourcePane)
    await wait_until(pilot, lambda: pane.claim_id == claim_id, what=f"source pane on {claim_id}")
    await pilot.pause(0.05)  # the scroll to the claim runs after the next refresh
    return pane


def focus_in_view(pane: SourcePane) -> bool:
    line = pane.query_one(SourceText).focus_line()
    return line is not None and line in pane.visible_lines


# -- the source pane -----------------------------------------------------------------------------


def test_every_claim_is_marked_and_the_focused_one_is_exactly_its_span():
    text = "Intro [bold]x[/bold] 600 killed\tthen\x1b[31m 45 wounded and 9 missing.\n"
    spans = [(text.index("600"), text.index("600") + 10, "a"), (text.index("45"), text.index("45") + 10, "b"),
             (text.index("9 m"), text.index("9 m") + 9, "c")]
    shown, focus = marked_source(text, spans, "b")
    assert "[bold]x[/bold]" in shown.plain and "\\x1b[31m" in shown.plain and "\x1b" not in shown.plain
    assert "\t" not in shown.plain
    assert shown.plain[focus[0]:focus[1]] == "45 wounded"
    styled = {(s.start, s.end): str(s.style) for s in shown.spans}
    assert styled[focus] == FOCUS_STYLE
    others = {shown.plain[s:e] for (s, e), style in styled.items() if style == MARK_STYLE}
    assert others == {"600 killed", "9 missing"}
    _, none = marked_source(text, spans + [(5, 999, "gone")], "gone")  # a span past the text
    assert none is None


@pytest.mark.parametrize("width", [1, 7, 20, 80])
def test_wrapped_lines_cover_the_text_in_order_and_fit(width):
    plain = "Operation Kalbajar (Azerbaijani: Kəlbəcər əməliyyatı) 中文字符 was a military\n\noffensive  launched"
    lines = wrap_offsets(plain, width)
    assert lines[0][0] == 0 and lines[-1][1] == len(plain)
    joined = "".join(plain[s:e] + ("\n" if e < len(plain) and plain[e] == "\n" else "") for s, e in lines)
    assert joined == plain
    for start, end in lines:
        piece = plain[start:end]
        assert cell_len(piece.rstrip(" ")) <= width or len(piece) == 1, piece


@synchronous
async def test_the_source_pane_shows_the_claim_in_its_document_and_follows_the_cursor(seed_db):
    app = ReviewApp(str(seed_db), "tester")
    async with app.run_test(size=(80, 24)) as pilot:
        claims = await loaded(pilot, app)
        screen = app.main_screen
        await pilot.press("down", "down", "down", "down", "p")
        first = claims.highlighted
        pane = await source_on(pilot, app, first.id)
        # At 80 columns the pane takes the detail's place.
        assert pane.display and not screen.query_one(ClaimDetail).display
        assert pane.focused_text == first.span.quote
        assert focus_in_view(pane)
        with open_store(seed_db) as store:
            in_document = store.count_claims(ClaimQuery(document=first.document))
        assert f"of {in_document}" in str(screen.query_one("#source-title").content)
        # Every claim of the document is marked, the focused one apart.
        source = pane.query_one(SourceText)
        styles = [str(s.style) for s in source.text.spans]
        assert styles.count(FOCUS_STYLE) == 1 and styles.count(MARK_STYLE) >= in_document - 2

        # Moving in the list moves the pane: far down the document, the claim is still in view.
        await pilot.press("end")
        last = claims.highlighted
        pane = await source_on(pilot, app, last.id)
        assert pane.focused_text == last.span.quote
        assert focus_in_view(pane) and pane.visible_lines.start > 0
        await pilot.press("home")
        pane = await source_on(pilot, app, claims.highlighted.id)
        assert pane.focused_text == claims.highlighted.span.quote and focus_in_view(pane)

        # p again: the detail is back.
        await pilot.press("p")
        await pilot.pause(0.05)
        assert not pane.display and screen.query_one(ClaimDetail).display


@synchronous
async def test_wide_the_source_pane_sits_beside_the_detail(seed_db):
    app = ReviewApp(str(seed_db), "tester")
    async with app.run_test(size=(200, 50)) as pilot:
        claims = await loaded(pilot, app)
        await pilot.press("p")
        pane = await source_on(pilot, app, claims.highlighted.id)
        detail = app.main_screen.query_one(ClaimDetail)
        assert detail.display and pane.display
        assert pane.region.width >= 60 and detail.region.width >= 50
        assert pane.focused_text == claims.highlighted.span.quote


# -- views -----------------------------------------------------------------------------------------


async def pick_view(pilot, app, name: str) -> None:
    await pilot.press("v")
    picker = app.screen
    assert isinstance(picker, ViewPicker)
    names = [v.name for v in picker._views]
    picker.query_one(OptionList).highlighted = names.index(name)
    await pilot.press("enter")
    await wait_until(pilot, lambda: app.main_screen.view.name == name, what=f"view {name}")


async def listed(pilot, app, query: ClaimQuery) -> int:
    claims = claim_list(app)
    await wait_until(pilot, lambda: claims.query_ == query, what="the view's query")
    await pilot.pause(0.05)
    return claims.total


@synchronous
async def test_unreviewed_view_drops_an_accepted_claim(seed_store):
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(120, 40)) as pilot:
        claims = await loaded(pilot, app)
        await pilot.press("v")
        assert [v.name for v in app.screen._views] == BUILTIN
        await pilot.press("escape")
        await pick_view(pilot, app, "unreviewed")
        before = await listed(pilot, app, ClaimQuery(only_unreviewed=True))
        assert "view unreviewed" in str(app.main_screen.query_one("#title-bar").content)
        assert app.main_screen.query_one("#filter-unreviewed").value is True
        accepted = claims.highlighted
        await pilot.press("a")
        await wait_until(pilot, lambda: claims.total == before - 1, what="the accepted claim gone")
        assert claims.index_of(accepted.id) is None
        with open_store(seed_store) as store:
            assert claims.total == store.count_claims(ClaimQuery(only_unreviewed=True))
        # A filter added on top says the view changed; x clears everything back to "all".
        app.main_screen.query_one("#filter-kind", Select).value = Kind.CASUALTIES
        await wait_until(pilot, lambda: claims.query_.kind is Kind.CASUALTIES, what="kind filter")
        assert "(changed)" in str(app.main_screen.query_one("#title-bar").content)
        await pilot.press("x")
        assert await listed(pilot, app, ClaimQuery()) == app.total_claims
        assert app.main_screen.view.name == "all"


@synchronous
async def test_my_queue_and_disputed_by_others_count_as_the_store_does(seed_store):
    with open_store(seed_store) as store:
        every = store.claims()
        store.assign([c.id for c in every[:5]], ["tester", "ben"], blind=False)
        store.annotate(new_annotation(every[0], Verdict.ACCEPTED, "tester"))
        store.annotate(new_annotation(every[1], Verdict.DISPUTED, "ben"))
        store.annotate(new_annotation(every[7], Verdict.DISPUTED, "ben"))
        store.annotate(new_annotation(every[8], Verdict.DISPUTED, "tester"))
        queue = store.assigned("tester")
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(120, 40)) as pilot:
        claims = await loaded(pilot, app)
        await pick_view(pilot, app, "my queue")
        assert await listed(pilot, app, ClaimQuery(queue_of="tester")) == len(queue) == 4
        assert [c.id for _, c in claims.loaded()] == queue
        await pick_view(pilot, app, "disputed by others")
        assert await listed(pilot, app, ClaimQuery(verdict=Verdict.DISPUTED, verdict_not_by="tester")) == 2
        assert {c.id for _, c in claims.loaded()} == {every[1].id, every[7].id}
        # The picker's counts are the store's.
        await pilot.press("v")
        await wait_until(pilot, lambda: len(app.screen._counts) == len(BUILTIN), what="counts")
        assert app.screen._counts["my queue"] == 4 and app.screen._counts["disputed by others"] == 2
        await pilot.press("escape")


@synchronous
async def test_a_saved_view_persists_across_restarts(seed_store, tmp_path):
    views_file = tmp_path / "config" / "views.toml"
    app = ReviewApp(seed_store, "tester", views_file=views_file)
    async with app.run_test(size=(120, 40)) as pilot:
        claims = await loaded(pilot, app)
        app.main_screen.query_one("#filter-kind", Select).value = Kind.CASUALTIES
        await pilot.press("slash", *"killed", "enter")
        query = ClaimQuery(kind=Kind.CASUALTIES, search="killed")
        wanted = await listed(pilot, app, query)
        await pilot.press("V")
        assert isinstance(app.screen, SaveViewDialog)
        await pilot.press(*"all", "enter")  # a built-in name is refused
        assert isinstance(app.screen, SaveViewDialog)
        app.screen.query_one(Input).value = 'casualties "quoted" \\ here'
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.saved_views, what="view saved")
    assert load_views(views_file)[0].query == query
    tomllib.loads(views_file.read_text(encoding="utf-8"))

    app = ReviewApp(seed_store, "tester", views_file=views_file)
    async with app.run_test(size=(120, 40)) as pilot:
        claims = await loaded(pilot, app)
        await pick_view(pilot, app, 'casualties "quoted" \\ here')
        assert await listed(pilot, app, query) == wanted
        assert app.main_screen.query_one("#search", Input).value == "killed"
        assert app.main_screen.query_one("#filter-kind", Select).value is Kind.CASUALTIES
        # Deleted from the picker, it is gone from the file too.
        await pilot.press("v")
        app.screen.query_one(OptionList).highlighted = len(BUILTIN)
        await pilot.press("delete", "escape")
    assert load_views(views_file) == []


def test_a_broken_views_file_is_one_line_naming_it(seed_db, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from claims.cli import cli

    (tmp_path / "views.toml").write_text('[[views]]\nname = "x"\nonly-unreviewed = "false"\n')
    monkeypatch.setenv("CLAIMS_CONFIG", str(tmp_path / "config.toml"))
    result = CliRunner().invoke(cli, ["review", "--db", str(seed_db)])
    assert result.exit_code != 0
    assert "views.toml: views[0].only-unreviewed is 'false'; it must be true or false" in result.output
