"""Reading and extracting on every core gives what one process gives, in the same order."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import KALBAJAR, TERTER

import claims.pipeline as pipeline
from claims.cli import cli
from claims.pipeline import load_paths

SIDES = [("Armenian", "Azerbaijani"), ("Russian", "Chechen"), ("Georgian", "Ossetian")]
CLAIMANTS = ["the defence ministry", "Human Rights Watch", "local officials", "the historian Anna Petrova"]


def _article(rng: random.Random, n: int) -> str:
    """A short battle article in the plain-export format, full of figures and attributions."""
    a, b = rng.choice(SIDES)
    year = rng.randint(1988, 2010)
    lines = [
        f"Battle of Place-{n}", "From Wikipedia, the free encyclopedia", "",
        f"Date\t{rng.randint(1, 28)} March {year}", f"Result\t{a} victory",
        f"Strength\t{rng.randint(2, 90) * 100} men\t{rng.randint(2, 90) * 100} men",
        f"Casualties and losses\t{rng.randint(1, 90) * 10} killed\t{rng.randint(1, 90) * 10} killed", "",
    ]
    for _ in range(rng.randint(2, 8)):
        lines.append(
            f"According to {rng.choice(CLAIMANTS)}, about {rng.randint(2, 900) * 10:,} {b} soldiers were "
            f"killed and {rng.randint(2, 90)} tanks destroyed on {rng.randint(1, 28)} April {year}. "
            f"The {a} side claimed {rng.randint(100, 5000):,} prisoners, which is disputed."
        )
        lines.append("")
    return "\n".join(lines)


def _corpus(root: Path, documents: int = 24, seed: int = 7) -> Path:
    rng = random.Random(seed)
    for n in range(documents):
        folder = root / f"part{n % 3}"  # the same file names in several folders
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"article-{n // 3}.txt").write_text(_article(rng, n), encoding="utf-8")
    (root / "part1" / "zz-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "part2" / "seed.txt").write_text(TERTER.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def _same(serial, parallel) -> None:
    assert [d.id for d in parallel.documents] == [d.id for d in serial.documents]
    assert parallel.documents == serial.documents
    assert [c.id for c in parallel.claims] == [c.id for c in serial.claims]
    assert [(c.span, c.value) for c in parallel.claims] == [(c.span, c.value) for c in serial.claims]
    assert parallel.claims == serial.claims
    assert [str(e) for e in parallel.errors] == [str(e) for e in serial.errors]


@pytest.fixture
def always_parallel(monkeypatch):
    monkeypatch.setattr(pipeline, "PARALLEL_ABOVE", 0)


def test_workers_give_the_claims_of_one_process(tmp_path, always_parallel) -> None:
    root = _corpus(tmp_path)
    paths = [str(root), str(tmp_path / "missing.txt"), str(KALBAJAR)]
    serial = load_paths(paths, jobs=1)
    told: list[tuple[str, int, int]] = []
    parallel = load_paths(paths, jobs=2, progress=lambda *a: told.append(a))
    assert len(serial.documents) == 26 and len(serial.claims) > 300
    assert len(serial.errors) == 2  # the missing path, the binary file
    assert len({d.id for d in serial.documents}) == len(serial.documents)
    _same(serial, parallel)
    assert told[0] == ("extracting", 0, 27) and told[-1] == ("extracting", 27, 27)


def test_a_planned_id_is_corrected_when_an_earlier_file_of_the_name_fails(tmp_path, always_parallel) -> None:
    # b/x.txt is unreadable, so c/x.txt is the first `x.txt` read and keeps the plain id.
    for folder, body in (("a", "Other."), ("b", None), ("c", TERTER.read_text(encoding="utf-8"))):
        (tmp_path / folder).mkdir()
        name = tmp_path / folder / ("x.txt" if folder != "a" else "y.txt")
        if body is None:
            name.write_bytes(b"\x00\x01\x02binary\x00")
        else:
            name.write_text(body, encoding="utf-8")
    serial = load_paths([str(tmp_path)], jobs=1)
    parallel = load_paths([str(tmp_path)], jobs=2)
    assert [d.id for d in serial.documents] == ["y.txt", "x.txt"]
    _same(serial, parallel)


def test_long_files_are_read_by_the_parent_in_their_place(tmp_path, always_parallel, monkeypatch) -> None:
    _corpus(tmp_path, documents=6)
    monkeypatch.setattr(pipeline, "PIECES_ABOVE", 3_000)  # the seed is extracted in pieces
    monkeypatch.setattr(pipeline, "PIECE", 1_000)
    _same(load_paths([str(tmp_path)], jobs=1), load_paths([str(tmp_path)], jobs=2))


def test_small_input_and_one_worker_stay_in_one_process(tmp_path, monkeypatch) -> None:
    _corpus(tmp_path, documents=4)

    def no_workers(*args, **kwargs):
        raise AssertionError("workers used")

    monkeypatch.setattr(pipeline, "_load_in_workers", no_workers)
    load_paths([str(tmp_path)], jobs=2)  # under PARALLEL_ABOVE
    monkeypatch.setattr(pipeline, "PARALLEL_ABOVE", 0)
    monkeypatch.setenv("CLAIMS_WORKERS", "1")
    load_paths([str(tmp_path)])
    load_paths([str(TERTER)], jobs=2)  # one file


def test_workers_count_from_jobs_then_the_environment_then_the_cores(monkeypatch) -> None:
    monkeypatch.setenv("CLAIMS_WORKERS", "3")
    assert pipeline.workers(5) == 5 and pipeline.workers() == 3
    monkeypatch.setenv("CLAIMS_WORKERS", "many")
    assert pipeline.workers() >= 1
    monkeypatch.delenv("CLAIMS_WORKERS")
    assert pipeline.workers(0) == pipeline.workers() >= 1


def test_extract_json_is_the_same_with_jobs(tmp_path, always_parallel) -> None:
    root = _corpus(tmp_path, documents=9)
    runner = CliRunner()
    one = runner.invoke(cli, ["extract", str(root), "--format", "json", "--jobs", "1"], catch_exceptions=False)
    two = runner.invoke(cli, ["extract", str(root), "--format", "json", "--jobs", "2"], catch_exceptions=False)
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and one.stderr == two.stderr
    assert len(json.loads(two.stdout)["claims"]) > 50


# -- the JSON text ------------------------------------------------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from claims.jsonout import json_text  # noqa: E402
from claims.textmap import json_printable  # noqa: E402

_scalars = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text() | st.floats(
    min_value=1e-4, max_value=1e15, allow_nan=False
) | st.floats(min_value=-1e15, max_value=-1e-4)
_data = st.recursive(
    _scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@given(_data)
def test_json_text_is_the_text_json_dumps_writes(data) -> None:
    import json

    assert json_text(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_json_text_takes_what_orjson_refuses_and_printing_still_escapes_controls() -> None:
    import json

    for data in ({"big": 2**70}, {"lone": "\ud800"}, {1: "not a string key"}):
        assert json_text(data) == json.dumps(data, ensure_ascii=False, indent=2)
    text = json_printable(json_text({"q": "\x1b]0;title\x07 \x9b \u202e \x7f é"}))
    assert "\x1b" not in text and "\u202e" not in text and "\x9b" not in text and "\x7f" not in text
    assert json.loads(text) == {"q": "\x1b]0;title\x07 \x9b \u202e \x7f é"}


_members = st.dictionaries(st.text(max_size=8), _data, max_size=3)
_lists = st.dictionaries(st.text(max_size=8), st.lists(_data, max_size=7), max_size=3)


@given(_members, _lists, st.integers(1, 4))
def test_json_pieces_join_into_the_text_of_the_whole(head, lists, batch) -> None:
    from claims.jsonout import json_pieces

    head = {k: v for k, v in head.items() if k not in lists}  # the members first, then the lists
    assert "".join(json_pieces(head, {k: iter(v) for k, v in lists.items()}, batch)) == json_text({**head, **lists})


def test_claims_in_pieces_are_the_claim_records(tmp_path) -> None:
    from claims.api import extract_all, read_paths
    from claims.jsonout import claim_json_record, claim_records, json_pieces

    documents, _ = read_paths([str(KALBAJAR), str(TERTER)])
    claims = extract_all(documents)
    paths = {d.id: "some/where/" + d.id for d in documents}
    text = "".join(json_pieces({"n": 1}, {"claims": (claim_json_record(c, paths) for c in claims)}, batch=7))
    assert len(claims) > 50
    assert text == json_text({"n": 1, "claims": claim_records(claims, paths)})
    assert json.loads(text)["claims"][0]["document"] == "some/where/operation-kalbajar.txt"


def test_json_printable_escapes_del_in_ascii_text_and_keeps_other_ascii() -> None:
    assert json_printable('{"q": "a\x7fb"}') == '{"q": "a\\u007fb"}'
    assert json_printable('{"q": "plain"}') == '{"q": "plain"}'


def test_json_printable_finds_every_unsafe_character_among_non_ascii_text() -> None:
    from claims.textmap import _JSON_UNSAFE

    unsafe = [chr(c) for c in range(0x110000) if _JSON_UNSAFE.match(chr(c))]
    assert len(unsafe) == 56
    for ch in unsafe:
        assert json_printable(f'["“x” {ch} é"]') == f'["“x” \\u{ord(ch):04x} é"]'
    assert json_printable('["“x” – é \ud800 \u2070 \u00a0"]') == '["“x” – é \ud800 \u2070 \u00a0"]'


@given(st.text())
def test_json_printable_is_the_substitution_over_the_whole_text(text) -> None:
    from claims.textmap import _JSON_UNSAFE

    assert json_printable(text) == _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
