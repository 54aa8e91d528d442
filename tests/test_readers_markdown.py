"""Infoboxes saved as Markdown pipe tables (pages converted to Markdown, notes); invented pages."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extract import extract_document
from claims.readers import read_text

CONVERTED = """Title: Battle of Karsk

URL Source: https://en.example.org/wiki/Battle_of_Karsk

Markdown Content:
| Battle of Karsk |
| --- |
| Part of the [Northern War](https://en.example.org/wiki/Northern_War) |
| Date | 3–9 March 1878 |
| Result | **Prussian victory** |
| Belligerents |
| [Kingdom of Prussia](https://en.example.org/wiki/Kingdom_of_Prussia) | [Austrian Empire](https://en.example.org/wiki/Austrian_Empire) |
| Commanders and leaders |
| [Helmuth von Ardt](https://en.example.org/wiki/Ardt) | [Karl von Leiben](https://en.example.org/wiki/Leiben) |
| Strength |
| 42,000 men<br>120 guns | 38,500 men<br>96 guns |
| Casualties and losses |
| 2,100 killed<br>6,300 wounded[[1]](https://en.example.org/wiki/Battle_of_Karsk#cite_note-1) | 4,800 killed<br>12,000 captured |
| 3,000 civilians killed |

The **Battle of Karsk** was fought between Prussia and Austria in March 1878.
"""

NOTE = """# Battle of Karsk

| | |
|---|---|
| Belligerents | |
| Kingdom of Prussia | Austrian Empire |
| Strength | 42,000 | 38,500 |
| Casualties and losses | |
| 2,100 killed | 4,800 killed |

Prussian losses were lighter than the Austrians'.
"""


def claims_of(text: str) -> dict[str, tuple[str, str | None]]:
    document = read_text(text, "karsk.md")
    return {c.span.quote: (c.kind.value, c.side.name if c.side else None) for c in extract_document(document)}


def test_a_converted_pages_table_is_its_infobox_with_columns() -> None:
    document = read_text(CONVERTED, "karsk.md")
    assert document.title == "Battle of Karsk"
    assert document.belligerents == ("Kingdom of Prussia", "Austrian Empire")
    found = claims_of(CONVERTED)
    assert found["42,000 men"] == ("strength", "Prussia")
    assert found["120 guns"] == ("equipment", "Prussia")
    assert found["38,500 men"] == ("strength", "Austria")
    assert found["6,300 wounded"] == ("casualties", "Prussia")
    assert found["12,000 captured"] == ("captured", "Austria")
    assert found["Karl von Leiben"] == ("commander", "Austria")
    assert found["Prussian victory"][0] == "result"
    assert found["3,000 civilians killed"] == ("casualties", None)


def test_links_and_line_breaks_are_markup_not_text() -> None:
    found = claims_of(CONVERTED)
    # `<br>120` is no `> 120`, a footnote link no figure, a link's address no commander.
    assert "120 guns" in found and ">120 guns" not in found
    assert not [q for q in found if "http" in q or q in ("1", "[1]")]
    assert "Helmuth von Ardt" in found


def test_a_note_with_label_rows_and_labelled_values() -> None:
    found = claims_of(NOTE)
    assert found["42,000"] == ("strength", "Prussia")
    assert found["38,500"] == ("strength", "Austria")
    assert found["4,800 killed"] == ("casualties", "Austria")


def test_a_box_written_as_one_table_per_section_is_one_infobox() -> None:
    text = ("# Battle of Ostrava Ford\n\n| | |\n|---|---|\n| **Date** | 4–6 May 1866 |\n\n"
            "| Belligerents | |\n|---|---|\n| Prussia | Austria |\n\n| Strength | |\n|---|---|\n| 45,000 | 38,000 |\n\n"
            "| Casualties and losses | |\n|---|---|\n| 1,200 killed | 2,900 killed, 4,000 captured |\n\n"
            "The battle of Ostrava Ford opened the campaign.\n")
    found = claims_of(text)
    assert found["45,000"] == ("strength", "Prussia")
    assert found["38,000"] == ("strength", "Austria")
    assert found["4,000 captured"] == ("captured", "Austria")
    assert read_text(text, "ford.md").title == "Battle of Ostrava Ford"


def test_a_table_without_infobox_labels_stays_prose() -> None:
    text = "# Losses by day\n\n| Day | Killed |\n| --- | --- |\n| Monday | 12 |\n\nOn Monday 12 soldiers were killed.\n"
    document = read_text(text, "days.md")
    assert document.infobox == ()
    assert any(c.span.quote.startswith("12 soldiers were killed") for c in extract_document(document))


_WORDS = st.sampled_from(["Prussia", "Austria", "42,000 men", "2,100 killed", "Karl von Leiben", "12 tanks", "Saxony"])
_CELL = st.lists(st.one_of(_WORDS, _WORDS.map(lambda w: f"[{w}](https://example.org/wiki/{w.replace(' ', '_')})"),
                           st.just("[[1]](https://example.org/x#cite_note-1)")), min_size=0, max_size=3
                 ).map(lambda parts: "<br>".join(parts))
_LABEL = st.sampled_from(["Belligerents", "Commanders and leaders", "Strength", "Casualties and losses", "Date", "Result"])


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(_LABEL, st.lists(_CELL, min_size=1, max_size=3)), min_size=1, max_size=5))
def test_every_markdown_infobox_field_is_the_text_it_points_to(rows) -> None:
    lines = ["# Battle", "", "| Battle | |", "| --- | --- |"]
    for label, values in rows:
        lines.append(f"| {label} | |")
        lines.append("| " + " | ".join(values) + " |")
    text = "\n".join(lines) + "\n\nThe battle was short.\n"
    document = read_text(text, "b.md")
    for f in document.infobox:
        assert f.value == text[f.start:f.end]
        assert "<br" not in f.value and "](" not in f.value and "|" not in f.value
    for c in extract_document(document):
        assert text[c.span.start:c.span.end] == c.span.quote


HEADED = """# Battle of Karsk

From the encyclopedia

## Date
3–9 March 1878

## Belligerents
- Kingdom of Prussia (Prussians)
- Austrian Empire

## Commanders and leaders
- **Prussians:**
  - Karl F. von Steinmetz
- **Austrian Empire:** Ludwig A. Benedek

## Strength
- **Prussians:** 46,000[2]
- **Austrian Empire:**
  - Northern Army: 21,000

## Casualties and losses
- 2,100 killed
- 4,800 killed

---

The **Battle of Karsk** was fought in March 1878. The Prussians lost 2,100 killed.
"""


def test_an_infobox_written_as_headings_and_bullets_has_columns() -> None:
    # A bold label names the column, a sub-bullet is its parent's, unlabelled bullets go by position.
    document = read_text(HEADED, "karsk.md")
    assert document.title == "Battle of Karsk"
    assert document.belligerents == ("Kingdom of Prussia (Prussians)", "Austrian Empire")
    claims = extract_document(document)
    found = {c.span.quote: c for c in claims}
    assert found["46,000"].side.column == 1 and found["21,000"].side.column == 2
    assert found["Karl F. von Steinmetz"].side.column == 1 and found["Ludwig A. Benedek"].side.column == 2
    infobox = [c for c in claims if c.rule.startswith("infobox.") and c.kind.value == "casualties"]
    assert sorted((c.span.quote, c.side.column) for c in infobox) == [("2,100 killed", 1), ("4,800 killed", 2)]
    for field in document.infobox:
        assert document.text[field.start:field.end] == field.value
    # the prose after the rule is prose, not the box
    assert any(c.rule.startswith("prose.") and c.span.quote == "2,100 killed" for c in extract_document(document))


def test_inline_markup_is_blanked_offset_for_offset_so_claimants_and_predicates_are_read() -> None:
    from claims.extract import extract_document
    from claims.readers import read_text

    note = ("# Clash notes\n\nIndia says it lost **20 soldiers** in the clash.\n\n"
            "In February 2021 the [PLA Daily](https://example.org/pla-daily \"daily\") said four soldiers were killed.\n\n"
            "* a bullet with *emphasis* and a snake_case word, ![map](map.png) and `code`\n")
    document = read_text(note, "notes.md")
    assert len(document.text) == len(note) and document.text.count("\n") == note.count("\n")
    assert "**" not in document.text and "](" not in document.text and "`" not in document.text
    assert "snake_case" in document.text and document.text.split("\n")[6].startswith("* a bullet")
    found = {c.span.quote: c for c in extract_document(document)}
    assert found["20 soldiers"].value.category.value == "killed"
    assert found["four soldiers were killed"].attribution.claimant == "the PLA Daily"
    for c in found.values():  # a quote is the file's words at the same offsets
        assert note[c.span.start:c.span.end].replace("*", " ") == c.span.quote or "](" in note[c.span.start:c.span.end]
    # a .txt file keeps its characters
    assert "**" in read_text(note, "notes.txt").text
