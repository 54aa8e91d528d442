"""Long documents in pieces, and progress that shows only on a terminal."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from conftest import KALBAJAR, TERTER

import claims.pipeline as pipeline
from claims.cli.progress import ProgressBar
from claims.extract import extract_document
from claims.model import claim_id
from claims.readers import read_path, read_text
from claims.textmap import LineMap


@pytest.mark.parametrize("path", [TERTER, KALBAJAR], ids=["terter", "kalbajar"])
def test_a_document_in_pieces_gives_the_claims_of_the_whole(path, monkeypatch) -> None:
    document = read_path(path)
    whole = {c.id: c for c in extract_document(document)}
    monkeypatch.setattr(pipeline, "PIECES_ABOVE", 0)
    monkeypatch.setattr(pipeline, "PIECE", 300)  # many cuts, all at paragraph breaks
    told: list[int] = []
    pieces = pipeline.extract_bounded(document, told.append)
    assert told and told[-1] <= len(document.text)
    lines = LineMap(document.text)
    for claim in pieces:
        span = claim.span
        assert document.text[span.start:span.end] == span.quote
        assert (span.line, span.column) == lines.position(span.start)
        assert span.prefix == document.text[max(0, span.start - 32):span.start]
        assert claim.id == claim_id(document.id, span.start, span.end, claim.kind)
        assert claim.part_of is None or claim.part_of in {c.id for c in pieces}
        for hedge in claim.hedges:
            assert hedge.start is None or document.text[hedge.start:hedge.end] == hedge.text
    found = {c.id: c for c in pieces}
    # The same claims, the same spans and values; what differs is only what a cut separates
    # (an attribution carried over from an earlier paragraph, a relative date).
    assert len(found.keys() ^ whole.keys()) <= 2
    same = [i for i in found.keys() & whole.keys() if found[i].span == whole[i].span and found[i].value == whole[i].value]
    assert len(same) >= len(whole) - 3


def test_pieces_end_at_paragraph_breaks(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "PIECE", 50)
    text = "\n\n".join(f"Paragraph {n} says something long enough to matter here." for n in range(40))
    pieces = list(pipeline._pieces(text, [(0, len(text))]))
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(text[start - 2:start] == "\n\n" for start, _ in pieces[1:])
    one_line = "First sentence here. " * 40
    cut = list(pipeline._pieces(one_line, [(0, len(one_line))]))
    assert len(cut) > 1 and all(one_line[start - 2:start] == ". " for start, _ in cut[1:])


def test_the_bar_draws_on_a_terminal_after_a_delay_and_never_when_piped() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream, enabled=True, delay=0)
    with bar:
        bar("extracting", 10, 100)
        bar("storing")
    assert "extracting" in stream.getvalue()
    quiet = io.StringIO()
    with ProgressBar(quiet, enabled=True, delay=60) as slow:
        slow("extracting", 1, 2)
    assert quiet.getvalue() == ""
    piped = io.StringIO()
    with ProgressBar(piped) as auto:  # a StringIO is no terminal
        auto("extracting", 1, 2)
    assert not auto.enabled and piped.getvalue() == ""


def test_piped_commands_print_no_progress(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "claims", "ingest", str(TERTER), "--db", str(tmp_path / "c.db")],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0
    assert "extracting" not in result.stderr and "\x1b" not in result.stderr


def test_a_document_in_pieces_reports_impossible_dates_at_their_line(monkeypatch) -> None:
    paragraphs = [f"Paragraph {n}: the town was quiet and the roads were open that spring." for n in range(30)]
    paragraphs[21] = "The army said 40 soldiers were killed on 31 February 1994 near the bridge."
    text = "\n\n".join(paragraphs) + "\n"
    document = read_text(text, "long.txt")
    whole: list = []
    extract_document(document, whole)
    monkeypatch.setattr(pipeline, "PIECES_ABOVE", 0)
    monkeypatch.setattr(pipeline, "PIECE", 300)
    pieces: list = []
    assert len(list(pipeline._pieces(text, [(0, len(text))]))) > 3
    pipeline.extract_bounded(document, None, pieces)
    assert [(p.line, p.column) for p in whole] == [(43, text.splitlines()[42].index("31 February") + 1)]
    assert pieces == whole
    # Through the pipeline, the document carries it among its problems.
    _, documents = pipeline.extract_with_problems([document])
    assert documents[0].problems[-1] == whole[0]
