"""Pilot tests: the TUI acts only on what it shows, and shows hostile text as text.

- one selection: the list cursor and the detail pane never disagree, keys act on the claim
  shown, undo undoes only on the item shown;
- going to a claim from the conflicts screen while a search hides it shows it, pinned, and
  keys act on it, not on the list's row;
- an override survives a re-ingest and is shown by `claims show`, the list and both reports;
- document text, notes, paths and reviewer names with OSC, CSI, bidi and other control
  characters pass through every screen and dialog: the screen shows them escaped.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import DataTable, TextArea

from claims.api import ingest_documents, new_annotation, open_store
from claims.cli import main as cli_main
from claims.extract import extract_document
from claims.model import TargetKind, Verdict
from claims.store import ClaimQuery
from claims.readers import read_text
from claims.tui.app import ReviewApp
from claims.tui.dialogs.confidence import ConfidenceDialog
from claims.tui.dialogs.note import NoteDialog
from claims.tui.dialogs.views import SaveViewDialog, ViewPicker
from claims.tui.screens.conflicts import ClaimCard, ConflictsScreen
from claims.tui.screens.help import HelpScreen
from claims.tui.screens.main import MainScreen
from claims.tui.screens.moved import MovedScreen
from claims.tui.widgets.claim_list import ClaimList
from claims.tui.widgets.source_pane import SourcePane
from tui_helpers import claim_list, detail_text, synchronous, wait_until

FIXTURES = Path(__file__).parent / "fixtures" / "reanchor"


async def loaded(pilot, app) -> ClaimList:
    claims = claim_list(app)
    await wait_until(pilot, lambda: claims.total > 0 and claims.highlighted is not None, what="claims")
    await detail_loaded(pilot, app)
    return claims


async def detail_loaded(pilot, app) -> None:
    await wait_until(pilot, lambda: "History (" in detail_text(app.main_screen), what="detail")


def stored(db) -> list:
    store = open_store(db)
    try:
        return store.annotations()
    finally:
        store.close()


async def annotations_count(pilot, db, n: int) -> None:
    await wait_until(pilot, lambda: len(stored(db)) >= n, what=f"{n} annotations")
    await pilot.pause(0.05)


def toasts(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


# -- one selection ---------------------------------------------------------------------------------


@synchronous
async def test_undo_acts_only_on_the_claim_shown_and_names_it(seed_store):
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(100, 30)) as pilot:
        claims = await loaded(pilot, app)
        first = app.main_screen.selected
        await pilot.press("n")
        app.screen.query_one(TextArea).insert("first note")
        await pilot.press("ctrl+s")
        await annotations_count(pilot, seed_store, 1)
        # Move far enough that the annotated claim is off screen.
        await pilot.press("pagedown", "pagedown", "down")
        await detail_loaded(pilot, app)
        other = app.main_screen.selected
        assert other.id != first.id and claims.highlighted.id == other.id
        assert claims.scroll_offset.y > 0
        await pilot.press("u")
        await wait_until(pilot, lambda: "Nothing of yours to undo on" in toasts(app), what="nothing to undo")
        assert other.span.quote[:20] in toasts(app)
        assert [a.verdict for a in stored(seed_store)] == [Verdict.NOTE]
        # On the annotated claim, undo withdraws the note and says on which claim.
        await pilot.press("home")
        await detail_loaded(pilot, app)
        assert app.main_screen.selected.id == first.id
        await pilot.press("u")
        await annotations_count(pilot, seed_store, 2)
        await wait_until(pilot, lambda: "Undone: your note on" in toasts(app), what="undo toast")
    note, retraction = stored(seed_store)
    assert retraction.retracts == note.id and retraction.target_id == first.id


@synchronous
async def test_keys_act_on_the_row_just_moved_to_and_the_detail_shows_it(seed_store):
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(100, 30)) as pilot:
        claims = await loaded(pilot, app)
        await pilot.press("down", "down", "a")  # no pause: the verdict must land on the third row
        await annotations_count(pilot, seed_store, 1)
        third = claims.claim_at(2)
        assert [(a.target_id, a.verdict) for a in stored(seed_store)] == [(third.id, Verdict.ACCEPTED)]
        for _ in range(6):
            await pilot.press("down")
            # The detail pane shows the selected claim at once, loaded or not.
            assert app.main_screen.selected.id == claims.highlighted.id
            assert " ".join(claims.highlighted.span.quote.split())[:15] in " ".join(
                detail_text(app.main_screen).split())


@synchronous
async def test_keys_in_the_full_screen_detail_act_on_the_claim_shown(seed_store):
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(100, 30)) as pilot:
        claims = await loaded(pilot, app)
        await pilot.press("down", "enter")
        shown = claims.highlighted
        assert app.main_screen.maximized is not None and app.focused is app.main_screen.maximized
        await pilot.press("d")  # never typed into the search box behind it
        await annotations_count(pilot, seed_store, 1)
        assert [(a.target_id, a.verdict) for a in stored(seed_store)] == [(shown.id, Verdict.DISPUTED)]
        assert app.main_screen.query_one("#search").value == ""
        await pilot.press("escape")
        assert app.main_screen.maximized is None and app.focused is claims
        await pilot.press("down")
        assert app.main_screen.selected.id == claims.claim_at(2).id


@synchronous
async def test_go_to_a_claim_a_search_hides_shows_it_and_keys_act_on_it(seed_store):
    with open_store(seed_store) as store:
        conflicts = store.conflicts()
        claims_by_id = {c.id: c for c in store.claims()}
    conflict = next(k for k in conflicts if len(k.claims) >= 2)
    target = claims_by_id[conflict.claims[0]]
    # A search that lists some claims but not the target.
    word = next(w for c in claims_by_id.values() for w in c.span.quote.split()
                if len(w) > 4 and w.isalpha() and w.lower() not in target.span.quote.lower()
                and w.lower() not in target.subject.lower() and w.lower() not in (target.attribution.claimant or "").lower())
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(140, 40)) as pilot:
        claims = await loaded(pilot, app)
        await pilot.press("slash", *word, "enter")
        await wait_until(pilot, lambda: claims.query_.search == word and claims.highlighted is not None,
                         what="search")
        await pilot.pause(0.1)
        assert claims.index_of(target.id) is None
        listed = claims.highlighted
        await pilot.press("C")
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        await wait_until(pilot, lambda: screen.conflicts, what="conflicts")
        row = next(n for n, k in enumerate(screen.conflicts) if k.id == conflict.id)
        screen.query_one(DataTable).move_cursor(row=row)
        await wait_until(pilot, lambda: screen.current is not None and screen.current.id == conflict.id
                         and any(c.id == target.id for c in screen.current_claims)
                         and screen.query(ClaimCard), what="the conflict's claims")
        card = next(c for c in screen.query(ClaimCard) if c.claim.id == target.id)
        card.focus()
        await pilot.pause(0.05)
        await pilot.press("g")
        assert isinstance(app.screen, MainScreen)
        main = app.main_screen
        await wait_until(pilot, lambda: main.selected is not None and main.selected.id == target.id, what="go to")
        await detail_loaded(pilot, app)
        assert main.pinned and claims.cursor_hidden
        assert claims.highlighted.id == listed.id  # the list did not move under the reviewer
        assert "filtered list does not show it" in detail_text(main)
        assert " ".join(target.span.quote.split())[:15] in " ".join(detail_text(main).split())
        await pilot.press("a")
        await annotations_count(pilot, seed_store, 1)
        assert [(a.target_id, a.verdict) for a in stored(seed_store)] == [(target.id, Verdict.ACCEPTED)]
        assert target.span.quote[:15] in toasts(app)
        # A page arriving or a refresh does not take the selection away; moving in the list does.
        await pilot.press("ctrl+r")
        await pilot.pause(0.3)
        assert main.selected.id == target.id
        await pilot.press("down")
        assert main.selected.id == claims.highlighted.id != target.id
        assert not main.pinned and not claims.cursor_hidden
        await pilot.press("d")
        await annotations_count(pilot, seed_store, 2)
    assert [(a.target_id, a.verdict) for a in stored(seed_store)][1] == (claims.highlighted.id, Verdict.DISPUTED)


@synchronous
async def test_conflict_keys_act_on_the_row_under_the_cursor(seed_store):
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot, app)
        await pilot.press("C")
        screen = app.screen
        await wait_until(pilot, lambda: screen.conflicts and screen.current_claims, what="conflicts")
        await pilot.press("down", "r")  # no pause
        await annotations_count(pilot, seed_store, 1)
        second = screen.conflicts[1]
        assert [(a.target_id, a.verdict) for a in stored(seed_store)] == [(second.id, Verdict.RESOLVED)]
        assert screen.current.id == second.id
        await pilot.press("up", "u")
        await wait_until(pilot, lambda: "Nothing of yours to undo on conflict" in toasts(app), what="toast")
        assert len(stored(seed_store)) == 1


# -- an override survives a re-ingest, everywhere ----------------------------------------------------


def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exit_info:
        cli_main(list(args))
    return exit_info.value.code, out.getvalue()


@synchronous
async def test_an_override_survives_a_reingest_in_show_list_reports_and_the_tui(tmp_path, db):
    article = tmp_path / "article.txt"
    shutil.copyfile(FIXTURES / "battle-of-orlen.txt", article)
    assert run_cli("ingest", str(article), "--db", str(db))[0] == 0
    quote = "more than two thousand people were displaced"  # in a dispute, so both reports show it
    with open_store(db) as store:
        claim = next(c for c in store.claims() if c.span.quote == quote)
        store.annotate(new_annotation(claim, Verdict.CONFIDENCE, "ana", confidence_override=0.12,
                                      override_reason="one source only"))
        store.annotate(new_annotation(claim, Verdict.DISPUTED, "ana", note="check the ministry"))
        eleven = next(c for c in store.claims() if c.span.quote == "Killed: 11")
        store.annotate(new_annotation(eleven, Verdict.ACCEPTED, "ana"))
        civilians = next(c for c in store.claims() if c.span.quote == "365 civilians killed")
        store.annotate(new_annotation(civilians, Verdict.DISPUTED, "ana"))
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Killed: 169, Wounded: 947, MIA: 1, ", ""), encoding="utf-8")
    code, out = run_cli("ingest", str(article), "--db", str(db))
    assert code == 0 and "“Killed: 11”  (same quote, its context changed)" in out
    with open_store(db) as store:
        now = next(c for c in store.claims() if c.span.quote == quote)
    assert now.id != claim.id

    code, shown = run_cli("show", now.id, "--db", str(db))
    assert "0.12" in shown and "(reviewer override)" in shown and "Reviewer ana set confidence to 0.12" in shown
    assert "check the ministry" in shown
    code, listed = run_cli("list", "--db", str(db), "--format", "tsv")
    line = next(row for row in listed.splitlines() if now.id in row)
    assert "0.12*" in line
    code, data = run_cli("list", "--db", str(db), "--format", "json")
    record = next(c for c in json.loads(data)["claims"] if c["id"] == now.id)
    assert record["confidence"]["overridden"] and record["confidence"]["score"] == 0.12
    # The audit sees the verdict where the annotation moved: the disputed figure, still stated as fact.
    code, audit = run_cli("audit", str(article), "--db", str(db), "--format", "json", "--exit-zero")
    assert any(f["code"] == "CT007" and f["quote"] == "365 civilians killed" for f in json.loads(audit))
    for fmt in ("markdown", "html"):
        report = tmp_path / f"report.{fmt}"
        assert run_cli("report", "--db", str(db), "--format", fmt, "-o", str(report))[0] == 0
        written = report.read_text(encoding="utf-8")
        assert "0.12" in written and "reviewer override" in written, fmt

    app = ReviewApp(str(db), "ben")
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        claims = await loaded(pilot, app)
        # Opening the store says an edit moved annotations, and where to check them.
        assert "annotation(s) an edit moved or orphaned: press m to check them." in toasts(app)
        index = next(i for i, c in claims.loaded() if c.id == now.id)
        claims.move_to(index)
        await detail_loaded(pilot, app)
        assert "0.12*" in claims.render_line(index - claims.scroll_offset.y).text
        detail = detail_text(app.main_screen)
        assert "0.12  reviewer override by ana: one source only" in detail
        assert "disputed" in detail and "check the ministry" in detail


# -- hostile text ---------------------------------------------------------------------------------

OSC = "\x1b]0;PWNED\x07"
CSI = "\x1b[31m"
RLO = "\u202e"
HOSTILE_TEXT = (
    f"= Battle of {OSC}Orlen {CSI}Red\x1b[0m =\n\n"
    "Infobox\n"
    "- Date: March 2014\n"
    f"- Result: {RLO}yrotciv\u202c of the south\n"
    f"- Commander1: General Ivo {CSI}Sarn\x1b[0m\n"
    "- Strength1: 3,000 troops\n"
    f"- Casualties1: {OSC}30 tanks destroyed, 600 killed\n"
    "- Casualties2: 900 killed\n\n"
    "==Battle==\n"
    f"According to the {CSI}ministry\x1b[0m, 5,000 soldiers were killed.\x08\x0b The army said "
    f"600 soldiers were killed.\r Over {RLO}written\u202c text \u2066isolate\u2069 and a bell\x07.\n"
)
REVIEWER = f"rev{OSC}iewer{RLO}"
NOTE = f"note {OSC}with {CSI}colour and {RLO}bidi\x1b[0m"
# What must never reach the terminal raw (newlines excepted).
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def screen_text(app) -> str:
    """Everything on the terminal now (the screen stack, toasts included), as plain text."""
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False)


def assert_escaped(app, where: str, *expected: str) -> str:
    text = screen_text(app)
    found = RAW.search(text)
    assert found is None, f"{where}: raw {found.group()!r} reaches the terminal: …{text[max(0, found.start() - 40):found.end() + 40]!r}"
    for part in expected:
        assert part in text, f"{where}: {part!r} not shown"
    return text


def hostile_store(tmp_path: Path) -> Path:
    db = tmp_path / f"store{CSI}.db"
    name = f"orlen{CSI}.txt"
    first = read_text(HOSTILE_TEXT, name)
    with open_store(db) as store:
        ingest_documents(store, [first], extract_document(first))
        claims = store.claims()
        figure = next(c for c in claims if c.span.quote == "600 killed")
        store.annotate(new_annotation(figure, Verdict.DISPUTED, REVIEWER, note=NOTE))
        result = next(c for c in claims if c.kind.value == "result")
        store.annotate(new_annotation(result, Verdict.ACCEPTED, REVIEWER))
        edited = read_text(HOSTILE_TEXT.replace("600 killed", "650 killed").replace("- Date:", "- Place: x\n- Date:"),
                           name)
        ingest_documents(store, [edited], extract_document(edited))
        assert store.reattached(), "the edit moves the annotations"
        assert store.conflicts(), "the document has conflicts to show"
    return db


@synchronous
async def test_hostile_text_is_shown_escaped_on_every_screen_and_dialog(tmp_path):
    db = hostile_store(tmp_path)
    app = ReviewApp(str(db), REVIEWER)
    async with app.run_test(size=(180, 50), notifications=True) as pilot:
        claims = await loaded(pilot, app)
        assert_escaped(app, "main screen", "\\x1b]0;PWNED\\x07", "rev\\x1b]0;PWNED")
        # Every claim in the list and the detail.
        for index in range(claims.total):
            claims.move_to(index)
            await detail_loaded(pilot, app)
            assert_escaped(app, f"claim {index}")
        hostile = next(i for i, c in claims.loaded() if "\x1b" in c.span.quote or "\x1b" in (c.attribution.claimant or ""))
        claims.move_to(hostile)
        await detail_loaded(pilot, app)
        assert_escaped(app, "hostile claim", "\\x1b[31m")
        await pilot.press("enter")  # the claim full screen
        await pilot.pause(0.1)
        assert app.main_screen.maximized is not None
        assert_escaped(app, "claim full screen", "\\x1b[31m")
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert app.main_screen.maximized is None
        # The source pane: the whole document, every claim marked.
        await pilot.press("p")
        await wait_until(pilot, lambda: app.main_screen.query_one(SourcePane).claim_id is not None, what="source")
        await pilot.pause(0.1)
        assert_escaped(app, "source pane", "\\x1b[31m", "\\x08\\x0b", "\\x0d")
        await pilot.press("p")
        # The view picker and the dialog naming a view (the filters in words).
        await pilot.press("v")
        assert isinstance(app.screen, ViewPicker)
        await pilot.pause(0.2)
        assert_escaped(app, "view picker", "disputed by others")
        await pilot.press("escape", "slash", *"Orlen", "enter", "V")
        assert isinstance(app.screen, SaveViewDialog)
        assert_escaped(app, "save view dialog", "“Orlen”")
        await pilot.press("escape", "x")
        await pilot.press("f")
        await pilot.pause(0.1)
        assert_escaped(app, "filters", "Orlen \\x1b[31mRed")
        await pilot.press("f")
        # The note dialog: the subject is the claim; the note typed goes into the history.
        await pilot.press("n")
        assert isinstance(app.screen, NoteDialog)
        assert_escaped(app, "note dialog")
        app.screen.query_one(TextArea).insert(NOTE)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "note \\x1b]0;PWNED" in detail_text(app.main_screen), what="note shown")
        await wait_until(pilot, lambda: "Saved." in screen_text(app), what="toast on screen")
        assert_escaped(app, "after the note (toast)", "Saved.")
        await pilot.press("o")
        assert isinstance(app.screen, ConfidenceDialog)
        assert_escaped(app, "confidence dialog")
        await pilot.press("escape")
        await pilot.press("u")
        await wait_until(pilot, lambda: "Undone" in screen_text(app), what="undo toast")
        assert_escaped(app, "undo toast", "Undone: your note on")
        # The conflicts screen, each conflict, and a note dialog on one.
        await pilot.press("C")
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        await wait_until(pilot, lambda: screen.conflicts and screen.current_claims, what="conflicts")
        for row in range(len(screen.conflicts)):
            screen.query_one(DataTable).move_cursor(row=row)
            await wait_until(pilot, lambda: screen.current_claims and screen.current.id == screen.conflicts[row].id,
                             what="conflict detail")
            await pilot.pause(0.1)
            assert_escaped(app, f"conflict {row}")
        await pilot.press("n")
        assert_escaped(app, "conflict note dialog")
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, MainScreen)
        # The annotations the edit moved.
        await pilot.press("m")
        assert isinstance(app.screen, MovedScreen)
        await wait_until(pilot, lambda: app.screen.changes, what="moved annotations")
        await pilot.pause(0.1)
        assert_escaped(app, "moved annotations", "statement changed")
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert_escaped(app, "help")
        await pilot.press("escape")
    with open_store(db) as store:
        assert store.count_claims(ClaimQuery()) == claims.total
        assert any(a.note == NOTE and a.target_kind is TargetKind.CLAIM for a in store.annotations())


@synchronous
async def test_a_key_right_after_a_jump_to_an_unloaded_page_never_acts_on_the_old_row(seed_store, monkeypatch):
    import claims.tui.screens.main as main_module

    monkeypatch.setattr(main_module, "PAGE_SIZE", 5)  # the last row's page is not loaded yet
    app = ReviewApp(seed_store, "tester")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        claims = await loaded(pilot, app)
        first = app.main_screen.selected
        await pilot.press("end", "a")
        await wait_until(pilot, lambda: claims.highlighted is not None and claims.cursor == claims.total - 1,
                         what="last page")
        await detail_loaded(pilot, app)
        assert app.main_screen.selected.id == claims.highlighted.id
        await pilot.pause(0.2)
    made = stored(seed_store)
    assert all(a.target_id != first.id for a in made)
    assert all(a.target_id == claims.highlighted.id for a in made)
