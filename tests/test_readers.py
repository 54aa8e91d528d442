"""Readers: formats detected, infobox fields with exact spans, sections, and no crash on any text."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.errors import InputError
from claims.model import DocumentFormat
from claims.readers import detect_format, read_path, read_text
from conftest import KALBAJAR, TERTER


def fields(document, key):
    return [(f.column, f.value) for f in document.infobox if f.key == key]


def test_terter_is_a_plain_export_with_every_infobox_field():
    doc = read_path(TERTER)
    assert doc.format is DocumentFormat.PLAIN_EXPORT
    assert doc.title == "Terter operation"
    assert doc.id == "terter-operation.txt"
    assert fields(doc, "Date") == [(None, "April – May 1994")]
    assert fields(doc, "Result") == [(None, "Armenian victory")]
    assert fields(doc, "Casualties") == [
        (1, "Unknown"),
        (2, "600 killed"),
        (3, "50,000 Azerbaijanis displaced"),
    ]
    assert [c for c, _ in fields(doc, "Commander")] == [1, 2]
    assert "Elbrus OrudzhevKIA" in fields(doc, "Commander")[1][1]
    assert [s.title for s in doc.sections] == ["Background", "Battle"]
    assert doc.text[doc.body_start :].startswith("Terter operation (April-May 1994)")


def test_terter_reports_the_stripped_combatant_instead_of_guessing():
    doc = read_path(TERTER)
    assert fields(doc, "Combatant") == []
    [problem] = doc.problems
    assert "Combatant2 has no value" in problem.message and problem.line == 8


def test_kalbajar_is_a_scraped_table_with_cells_per_belligerent():
    doc = read_path(KALBAJAR)
    assert doc.format is DocumentFormat.SCRAPED_TABLE
    assert doc.title == "Operation Kalbajar"
    assert fields(doc, "Partof") == [(None, "First Nagorno-Karabakh War")]
    assert fields(doc, "Strength") == [
        (1, "3,500 servicemen (December 1993)"),
        (2, "+2,000 servicemen (February 1994)"),
    ]
    assert fields(doc, "Casualties") == [(1, "~4,000 servicemen killed"), (2, "~2,000 servicemen killed")]
    assert fields(doc, "Combatant") == [(1, "Azerbaijan"), (2, "Alleged: Russian volunteers")]
    assert doc.belligerents == ("Azerbaijan", "")
    assert doc.text[doc.body_start :].startswith("Operation Kalbajar (Azerbaijani:")
    assert any("Commanders and leaders" in p.message for p in doc.problems)


@pytest.mark.parametrize("path", [TERTER, KALBAJAR])
def test_every_infobox_field_and_section_points_at_its_text(path):
    doc = read_path(path)
    lines = doc.text.split("\n")
    for field in doc.infobox:
        assert doc.text[field.start : field.end] == field.value
        assert field.value in lines[field.line - 1]
    for section in doc.sections:
        assert section.title in doc.text[section.start : section.end]


def test_scraped_table_variants():
    text = (
        "Some Battle\n"
        "A lead paragraph that precedes the table, as a mirror's dump has it. It ran in 1995.\n"
        "Some Battle | |||||||\n"
        "---|---|---|---|---|---|---|---|\n"
        "Part of Some War | |||||||\n"
        "Belligerents | |||||||\n"
        "Alpha | Beta | ||||||\n"
        "Casualties and losses | |||||||\n"
        "1,426 killed ≈500 missing |\n"
        "6,900 killed 471 captured (Russian claim) |\n"
        "||||||\n"
        "35,000 civilians, including 5,000 children. |\n"
        "Alpha victory\n"
        "The battle began in the morning[12]. It ended at night.\n"
        "Aftermath\n"
        "Both sides counted their dead for weeks afterwards.\n"
    )
    doc = read_text(text, "battle.txt")
    assert doc.format is DocumentFormat.SCRAPED_TABLE
    assert doc.title == "Some Battle"
    assert doc.belligerents == ("Alpha", "Beta")
    assert fields(doc, "Casualties") == [
        (1, "1,426 killed ≈500 missing"),
        (2, "6,900 killed 471 captured (Russian claim)"),
        (3, "35,000 civilians, including 5,000 children."),
    ]
    assert fields(doc, "Result") == [(None, "Alpha victory")]
    lead, body = doc.prose_ranges()
    assert doc.text[lead[0] : lead[1]].startswith("A lead paragraph")
    assert doc.text[body[0] : body[1]].startswith("The battle began")
    assert [s.title for s in doc.sections] == ["Aftermath"]


def test_plain_text_and_markdown_fall_back():
    doc = read_text("# Draft title\n\nSome 300 soldiers were killed.\n\n## Aftermath\nMore text.\n", "draft.md")
    assert doc.format is DocumentFormat.TEXT
    assert doc.title == "Draft title"
    assert [s.title for s in doc.sections] == ["Aftermath"]
    assert doc.infobox == ()


def test_detect_format():
    assert detect_format(TERTER.read_text()) is DocumentFormat.PLAIN_EXPORT
    assert detect_format(KALBAJAR.read_text()) is DocumentFormat.SCRAPED_TABLE
    assert detect_format("just words") is DocumentFormat.TEXT


def test_forcing_a_format_whose_landmarks_are_missing_reads_as_text():
    doc = read_text("no table here", "x.txt", DocumentFormat.SCRAPED_TABLE)
    assert doc.format is DocumentFormat.TEXT


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"ok line\nbad \xff byte", "invalid utf-8 at byte offset 12"),
    ],
)
def test_unreadable_files_raise_one_line_errors(tmp_path, content, message):
    path = tmp_path / "doc.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_path(path)
    text = str(info.value)
    assert str(path) in text and message in text and "\n" not in text


def test_invalid_utf8_names_the_line():
    with pytest.raises(InputError) as info:
        from claims.readers.common import decode

        decode(b"line one\nline \xfe two", "f.txt")
    assert info.value.line == 2 and info.value.column == 6


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_path(tmp_path)


table_alphabet = st.sampled_from(list(string.ascii_letters + string.digits + " |-=:,.~+–\n\t[]()") + ["---|---|", "Infobox", "= T =", "Strength | |||||||"])


@settings(max_examples=150, deadline=None)
@given(st.lists(table_alphabet, max_size=80).map("".join) | st.text(max_size=300))
def test_readers_never_crash_and_spans_match(text):
    for fmt in (None, *DocumentFormat):
        doc = read_text(text, "any.txt", fmt)
        for field in doc.infobox:
            assert doc.text[field.start : field.end] == field.value
        for start, end in doc.prose_ranges():
            assert 0 <= start <= end <= len(text)


@pytest.mark.parametrize("head", ["Siege of Bar\n\nInfobox\n", "Siege of Bar\n\n", ""])
def test_a_plain_export_without_its_title_line_or_infobox_line_keeps_its_columns(head: str) -> None:
    text = (head + "- Combatant1: Northland\n- Combatant2: Southland\n- Casualties1: 6,000 killed\n"
            "- Casualties2: 4,000 killed\n\nThe Northland army brought 17 tanks into battle.\n")
    doc = read_text(text, "bar.txt")
    assert doc.format is DocumentFormat.PLAIN_EXPORT
    assert [(f.key, f.column, f.value) for f in doc.infobox if f.key == "Casualties"] == [
        ("Casualties", 1, "6,000 killed"), ("Casualties", 2, "4,000 killed")]
    assert doc.title == ("Siege of Bar" if head else "bar")  # else the file name


def test_a_mirrors_banner_over_a_plain_export_is_no_part_of_the_page() -> None:
    text = ("EncycloMirror | Encyclopedia articles, archived\n"
            "Source page: Battle of Ostrava Ridge | Mirrored 2019-03-11 | Content under CC BY-SA\n\n"
            "Battle of Ostrava Ridge\n\nInfobox\n- Combatant1: Iran\n- Combatant2: Iraq\n"
            "- Strength1: 70,000 troops\n- Strength2: 35,000 troops\n\nThe battle was fought in 1982.\n")
    document = read_text(text, "mirror.txt")
    assert document.title == "Battle of Ostrava Ridge"
    assert [f.column for f in document.infobox if f.key == "Strength"] == [1, 2]
    assert document.belligerents == ("Iran", "Iraq")


@pytest.mark.parametrize("chrome", [
    "Skip to main content | Screen Reader Access | A- A A+",
    "Home | News | World | Africa | Business | Sport",
    "Home > Questions > Question Details",
    "Home  Countries  Disasters  Organizations  Topics",
    "Last updated March 3, 2025",
    "AFRICA",
    "Source: Agence France-Presse (AFP)",
])
def test_a_copied_pages_chrome_is_no_title(chrome: str) -> None:
    text = f"{chrome}\n\nRebels take Korvin as the army pulls out\n\nRebels took the town of Korvin on Sunday.\n"
    assert read_text(text, "page.txt").title == "Rebels take Korvin as the army pulls out"


def test_an_infobox_mirror_with_double_colons_and_pipes_between_columns() -> None:
    from claims.extract import extract_document

    text = ("Battle of Korvin (2015)\n\nFrom Wikipedia, the free encyclopedia\n\nBattle of Korvin (2015)\n\n"
            "Date :: 28 September – 13 October 2015\nLocation :: Korvin, Afghanistan\n"
            "Belligerents :: Afghanistan; United States (air support) | Taliban\n"
            "Strength :: 7,000 soldiers and police[2] | 500–1,000 fighters[3]\n"
            "Casualties and losses (Afghanistan) :: 71 soldiers and police killed (MoD)[4]\n"
            "Casualties and losses (Taliban) :: 200+ killed (government claim)[4]\n"
            "Civilian casualties :: 289 killed (UNAMA)[6]\n\n"
            "The Battle of Korvin was fought between the Taliban and Afghan forces in 2015.\n")
    doc = read_text(text, "korvin.txt")
    assert doc.belligerents == ("Afghanistan, United States (air support)", "Taliban")
    assert {f.key: doc.text[f.start:f.end] for f in doc.infobox if f.key in ("Date", "Place")} == {
        "Date": "28 September – 13 October 2015", "Place": "Korvin, Afghanistan"}
    sides = {c.span.quote: c.side.name for c in extract_document(doc) if c.rule == "infobox.casualties"}
    assert sides == {"71 soldiers and police killed (MoD)": "Afghanistan", "200+ killed (government claim)": "Taliban",
                     "289 killed (UNAMA)": None}
