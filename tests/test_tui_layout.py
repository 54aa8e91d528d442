"""What the review app shows at 80x24 and 200x50 (issue 14): a document column, columns that
use the width they have, key hints that fit, scraped-table context without its empty cells, and
conflict counts in the CLI's words."""

from __future__ import annotations

import contextlib
import io
import re

import pytest
from textual.widgets import DataTable
from textual.widgets._footer import FooterKey

from claims.api import describe_value, open_store, printable
from claims.cli import main as cli_main
from claims.model import Outcome, Verdict
from claims.store import ClaimQuery
from claims.tui.app import ReviewApp
from claims.tui.screens.conflicts import ConflictsScreen
from claims.tui.widgets.claim_list import ClaimList, ClaimListHeader
from tui_helpers import detail_text, row_text, synchronous, wait_until


async def loaded(pilot, app) -> ClaimList:
    claims = app.main_screen.query_one(ClaimList)
    await wait_until(pilot, lambda: claims.total > 0 and claims.highlighted is not None, what="claims")
    await wait_until(pilot, lambda: bool(getattr(claims, "document_names", True)), what="document names")
    await pilot.pause(0.05)
    return claims


def header_text(app) -> str:
    return app.main_screen.query_one(ClaimListHeader).render().plain


def rows(claims: ClaimList) -> list[tuple[str, object]]:
    return [(row_text(claims, i), claims.claim_at(i)) for i in range(min(claims.total, claims.size.height))]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
@synchronous
async def test_the_claims_list_has_a_document_column(seed_db, size):
    app = ReviewApp(str(seed_db), "tester")
    async with app.run_test(size=size) as pilot:
        claims = await loaded(pilot, app)
        assert "document" in header_text(app)
        for text, claim in rows(claims):
            name = "operation-kalbajar.txt" if claim.document.startswith("operation") else "terter-operation.txt"
            # The file name, cut with an ellipsis where the column is narrower.
            assert name[:11] in text, text


@synchronous
async def test_columns_widen_with_the_terminal(seed_db):
    def cells(app) -> dict[str, int]:
        header = header_text(app)
        starts = {name: header.index(name) for name in ("value", "claimant", "conf")}
        return {"value": starts["claimant"] - starts["value"], "quote": len(header)}

    shown_whole = {}
    for size in ((80, 24), (200, 50)):
        app = ReviewApp(str(seed_db), "tester")
        async with app.run_test(size=size) as pilot:
            claims = await loaded(pilot, app)
            header = header_text(app)
            value_width = header.index("quote" if "quote" in header else "claimant") - header.index("value") - 1
            listed = rows(claims)
            shown_whole[size] = sum(1 for text, claim in listed if printable(describe_value(claim.value)) in text)
            if size == (200, 50):
                assert value_width > 20, header
                assert "quote" in header
                quote_width = header.index("claimant") - header.index("quote") - 1
                assert quote_width > 24, header
                # Values longer than 20 characters read whole at 200 columns.
                long = [(t, c) for t, c in listed if 20 < len(describe_value(c.value)) <= value_width]
                assert long, "the seeds have values longer than 20 characters"
                for text, claim in long:
                    assert printable(describe_value(claim.value)) in text, text
    assert shown_whole[(200, 50)] > shown_whole[(80, 24)]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
@synchronous
async def test_key_hints_fit_the_width(seed_db, size):
    app = ReviewApp(str(seed_db), "tester")
    async with app.run_test(size=size) as pilot:
        await loaded(pilot, app)
        await pilot.pause(0.2)
        keys = list(app.main_screen.query(FooterKey))
        assert keys
        assert all(k.region.right <= size[0] for k in keys), [(k.description, k.region) for k in keys]
        described = [k.description for k in keys]
        assert "Help" in described and "Quit" in described and "Accept" in described
        if size == (200, 50):
            assert "Conf" in described  # nothing is dropped when there is room
        await pilot.press("C")
        screen = app.screen
        await wait_until(pilot, lambda: isinstance(screen, ConflictsScreen) and screen.conflicts, what="conflicts")
        await pilot.pause(0.2)
        keys = list(screen.query(FooterKey))
        assert all(k.region.right <= size[0] for k in keys), [(k.description, k.region) for k in keys]
        assert {"Resolved", "Help", "Quit"} <= {k.description for k in keys}


@synchronous
async def test_scraped_table_context_has_no_empty_cells(seed_db):
    app = ReviewApp(str(seed_db), "tester")
    async with app.run_test(size=(200, 50)) as pilot:
        claims = await loaded(pilot, app)
        # The first claims are the infobox of the scraped table (`Armenia | |||||||` in the file).
        for index in range(4):
            claims.move_to(index)
            claim = claims.highlighted
            await wait_until(pilot, lambda: "History (" in detail_text(app.main_screen)
                             and claim.id in detail_text(app.main_screen), what="detail")
            text = detail_text(app.main_screen)
            source = text.split("Source", 1)[1].split("Attribution", 1)[0]
            assert "||" not in source and "| |" not in source and "---|" not in source, source
            assert not re.search(r"\|\s*$", source, re.M), source
            assert "Belligerents" in source
            assert " ".join(claim.span.quote.split()) in " ".join(source.split())
        claims.move_to(4)  # "3,500 servicemen (December 1993) | +2,000 ...": one separator stays
        await wait_until(pilot, lambda: "3,500" in detail_text(app.main_screen) and "History (" in detail_text(app.main_screen))
        assert "(December 1993) | +2,000" in detail_text(app.main_screen)


@synchronous
async def test_conflicts_screen_counts_like_the_cli_with_events(seed_db):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()), pytest.raises(SystemExit):
        cli_main(["conflicts", "seeds", "--exit-zero"])
    summary = out.getvalue().strip().splitlines()[-1]
    assert summary.startswith("0 conflicts, 4 to decide,"), summary
    app = ReviewApp(str(seed_db), "tester")
    async with app.run_test(size=(200, 50)) as pilot:
        await loaded(pilot, app)
        await pilot.press("C")
        screen = app.screen
        await wait_until(pilot, lambda: isinstance(screen, ConflictsScreen) and screen.conflicts, what="conflicts")
        await pilot.pause(0.1)
        title = str(screen.query_one("#conflicts-title").content)
        assert "0 conflicts, 4 to decide, 2 consistent checks in 2 events" in title, title
        assert "6 conflicts" not in title
        table = screen.query_one(DataTable)
        labels = [str(column.label) for column in table.columns.values()]
        assert "event" in labels and "finding" in labels
        events = {str(table.get_cell(row, "event")) for row in table.rows}
        assert events == {"Operation Kalbajar", "Terter operation"}
        findings = sorted(str(table.get_cell(row, "outcome")) for row in table.rows)
        assert findings == ["consistent"] * 2 + ["to decide"] * 4
        # One claim's conflicts: "1 conflict"-style singulars, never "1 conflicts".
        await pilot.press("escape")
    store = open_store(seed_db)
    try:
        conflict = next(k for k in store.conflicts() if k.outcome is Outcome.INDETERMINATE)
        claim = store.claim(conflict.claims[0])
    finally:
        store.close()
    app = ReviewApp(str(seed_db), "tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot, app)
        app.open_conflicts(claim)
        await pilot.pause(0.1)
        screen = app.screen
        await wait_until(pilot, lambda: isinstance(screen, ConflictsScreen) and screen.conflicts, what="conflicts")
        await pilot.pause(0.1)
        title = str(screen.query_one("#conflicts-title").content)
        assert not re.search(r"\b1 (conflicts|events|consistent checks)\b", title), title
        n = sum(1 for k in screen.conflicts if k.outcome is Outcome.INDETERMINATE)
        assert f"{n} to decide" in title
        assert "in 1 event" in title


def stored_annotations(db):
    store = open_store(db)
    try:
        return store.annotations()
    finally:
        store.close()


@synchronous
async def test_space_marks_claims_and_a_verdict_goes_to_every_marked_claim(seed_store):
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(80, 24)) as pilot:
        claims = await loaded(pilot, app)
        first, second = claims.claim_at(0), claims.claim_at(1)
        await pilot.press("space", "space")  # marks row 0, moves down, marks row 1
        await wait_until(pilot, lambda: len(claims.marked) == 2, what="two marks")
        assert "2 marked" in str(app.main_screen.query_one("#status").content)
        assert row_text(claims, 0).startswith("*") and row_text(claims, 1).startswith("*")
        third = claims.highlighted
        await pilot.press("d")
        await wait_until(pilot, lambda: len(stored_annotations(seed_store)) >= 2, what="two annotations")
        await pilot.pause(0.2)
        made = stored_annotations(seed_store)
        assert sorted(a.target_id for a in made) == sorted([first.id, second.id])
        assert all(a.verdict is Verdict.DISPUTED for a in made)
        assert third.id not in {a.target_id for a in made}  # the cursor row was not marked
        assert not claims.marked and "marked" not in str(app.main_screen.query_one("#status").content)
        assert row_text(claims, 0).lstrip(" *")[0] == "✗"
        # With nothing marked, a verdict is on the claim shown only.
        await pilot.press("a")
        await wait_until(pilot, lambda: len(stored_annotations(seed_store)) == 3, what="one more")
        assert stored_annotations(seed_store)[-1].target_id == third.id


@synchronous
async def test_a_note_written_in_the_editor_is_stored(seed_store, tmp_path, monkeypatch):
    script = tmp_path / "editor.sh"
    script.write_text('#!/bin/sh\nprintf "Checked against [b]the MoD[/b] release.\\nSecond line." > "$1"\n')
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(80, 24)) as pilot:
        claims = await loaded(pilot, app)
        claim = claims.highlighted
        await pilot.press("e")
        await wait_until(pilot, lambda: len(stored_annotations(seed_store)) == 1, what="the note")
        await wait_until(pilot, lambda: "History (1)" in detail_text(app.main_screen), what="history")
        assert "Checked against [b]the MoD[/b] release." in detail_text(app.main_screen)
    (note,) = stored_annotations(seed_store)
    assert (note.target_id, note.verdict, note.note) == (
        claim.id, Verdict.NOTE, "Checked against [b]the MoD[/b] release.\nSecond line.")
