"""Helpers for the TUI tests: a store built from the seeds, waiting on the app, reading the screen."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import attrs
from rich.console import Console

from claims.model import Claim
from claims.pipeline import load_paths
from claims.api import ingest_documents, open_store

ROOT = Path(__file__).resolve().parent.parent


def consistent(claims: list[Claim]) -> list[Claim]:
    """Claims whose ``document`` is their span's document id (the store requires it)."""
    return [c if c.document == c.span.document else attrs.evolve(c, document=c.span.document) for c in claims]


def build_seed_store(location: str | Path) -> str:
    """Ingest the two seeds (read by a path relative to the repo, so snapshots are portable)
    into the store at ``location`` (a file or a URL); returns the location as a string."""
    loaded = load_paths(["seeds"])
    assert len(loaded.documents) == 2, loaded.errors
    with open_store(location) as store:
        ingest_documents(store, loaded.documents, consistent(loaded.claims))
    return os.fspath(location)


async def wait_until(pilot, predicate: Callable[[], bool], timeout: float = 10.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        await pilot.pause(0.02)


def plain(renderable, width: int = 100) -> str:
    """A renderable as the plain text a terminal would show."""
    console = Console(width=width, record=True, color_system=None, file=open("/dev/null", "w"))
    console.print(renderable)
    return console.export_text()


def detail_text(screen) -> str:
    from textual.widgets import Static

    return plain(screen.query_one("#detail-body", Static).content)


def claim_list(app):
    """The main screen's claims list."""
    from claims.tui.widgets.claim_list import ClaimList

    return app.main_screen.query_one(ClaimList)


def row_text(claim_list, index: int) -> str:
    return claim_list.render_line(index - claim_list.scroll_offset.y).text


def synchronous(test):
    """Run an async test function with asyncio.run (no async pytest plugin is installed)."""
    import asyncio
    import functools

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper
