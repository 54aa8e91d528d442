"""The wikitext reader: infobox items with exact spans cut around markup, prose without refs,
templates, tables or comments, references with labels, and no crash on any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.model import DocumentFormat
from claims.readers import detect_format, read_path, read_text
from claims.readers.wikitext import display_text, looks_like

ARTICLE = Path(__file__).parent / "fixtures" / "battle-of-karavan.wiki"


@pytest.fixture(scope="module")
def doc():
    return read_path(ARTICLE)


def values(document, key):
    return [(f.column, f.value) for f in document.infobox if f.key == key]


def test_the_article_is_wikitext_with_its_title_and_belligerents(doc):
    assert doc.format is DocumentFormat.WIKITEXT
    assert doc.title == "Battle of Karavan Pass"
    assert doc.belligerents == ("Republic of Taran", "Velmar")
    assert doc.problems == ()


def test_infobox_fields_are_items_with_exact_spans(doc):
    lines = doc.text.split("\n")
    for field in doc.infobox:
        assert doc.text[field.start : field.end] == field.value
        assert field.value in lines[field.line - 1]
        for markup in ("<ref", "</ref>", "{{flagicon", "<!--", "<br", "[[File:", "http"):
            assert markup not in field.value
    assert values(doc, "Conflict") == [(None, "Battle of Karavan Pass")]
    assert values(doc, "Date") == [(None, "12 March – 4 April 1993")]
    assert values(doc, "Result") == [(None, "[[Republic of Taran|Taranian]] victory")]
    assert values(doc, "Combatant") == [(1, "[[Republic of Taran]]"), (2, "[[Velmar]]"), (2, "[[Velmar Guard]]")]
    assert values(doc, "Commander") == [
        (1, "[[Arin Soltan]]"),
        (1, "[[Davit Rezun]] {{KIA}}"),
        (2, "[[Oskar Brandt]] {{WIA}}"),
    ]
    assert values(doc, "Strength") == [
        (1, "1,800 servicemen"),
        (1, "12 tanks"),
        (2, "3,500 servicemen (March 1993)"),
    ]
    assert values(doc, "Casualties") == [
        (1, "240 killed"),
        (1, "610 wounded"),
        (2, "~900 killed"),
        (3, "4,000 civilians displaced"),
    ]
    # Pictures and captions are layout, not claims.
    assert values(doc, "Image") == [] and values(doc, "Caption") == []
    [field] = [f for f in doc.infobox if f.value == "240 killed"]
    assert (field.label, field.line) == ("casualties1", 18)


def test_prose_leaves_out_refs_templates_comments_files_tables_and_end_sections(doc):
    pieces = [doc.text[a:b] for a, b in doc.prose]
    joined = "\n".join(pieces)
    for markup in ("<ref", "</ref>", "{{", "}}", "<!--", "[[File:", "{|", "|}", "==", "http"):
        assert markup not in joined, markup
    assert "By early 1993 the Velmar army had concentrated about 3,500 troops near the pass." in pieces
    assert "The offensive began on 12 March 1993." in pieces
    assert "Taranian officials reported 12 tanks destroyed." in pieces
    assert "4th Mountain Brigade" not in joined  # the table
    assert "7 brigades" not in joined  # the file caption
    assert "5,000 troops" not in joined  # the comment
    assert "memorial site" not in joined  # External links
    assert all(a >= doc.body_start for a, _ in doc.prose)
    assert all(b <= doc.text.index("== References ==") for _, b in doc.prose)


def test_sections_have_titles_and_levels(doc):
    assert [(s.title, s.level) for s in doc.sections] == [
        ("Background", 2), ("Battle", 2), ("Aftermath", 2), ("References", 2), ("External links", 2),
    ]
    for section in doc.sections:
        assert doc.text[section.start :].startswith("== " + section.title)


def test_references_have_labels_and_reused_names_share_them(doc):
    holm = "Holm, Passes and Borders: The Highland War 1991–1994 (2001)"
    labels = [(r.name, r.label) for r in doc.references]
    assert labels[0] == ("holm", holm)
    assert labels.count(("holm", holm)) == 4  # defined once in the infobox, reused three times
    assert (None, "Lena Morrow, Thaw on the pass (1993)") in labels
    assert (None, "Okafor, Mountain war logistics (1994)") in labels
    assert (None, "Holm 2001, p. 124") in labels  # {{sfn}}
    assert labels.count(("tass", "Taran news agency bulletin 44")) == 2
    for reference in doc.references:
        quote = doc.text[reference.start : reference.end]
        assert quote.startswith(("<ref", "{{sfn"))
    # The reference in a comment is no reference.
    assert not any("removed" in r.label for r in doc.references)


def test_detection():
    assert detect_format(ARTICLE.read_text()) is DocumentFormat.WIKITEXT
    assert looks_like("{{infobox military conflict\n| conflict = X\n}}")
    assert looks_like("Intro with [[a link]].\n\n== History ==\nMore.\n")
    assert looks_like("'''X''' was a battle.\n== History ==\nText.<ref>A</ref>\n")
    assert not looks_like("Intro.\n\n== History ==\nMore text, no wiki markup.\n")
    assert detect_format("# Draft\n\nSome [[link]] but no wiki heading.\n") is DocumentFormat.TEXT


def test_title_sources_in_order():
    assert read_text("{{DISPLAYTITLE:''Operation Dawn''}}\n'''Other''' text.\n== A ==\n[[x]]\n").title == "Operation Dawn"
    assert read_text("{{Infobox military conflict\n| name = Siege of Lor\n}}\nText.\n").title == "Siege of Lor"
    assert read_text("'''Battle of [[Vey]]''' was fought.\n== A ==\n[[x]]\n").title == "Battle of Vey"
    assert read_text("Text with [[x]].\n== A ==\nMore.\n", "siege-of-lor.wiki").title == "siege-of-lor"


def test_list_templates_and_bullets_make_items():
    text = (
        "{{Infobox military conflict\n"
        "| commander1 = {{plainlist|\n* [[Ana Vey]]\n* [[Bo Lund]] {{KIA}}\n}}\n"
        "| strength2 = {{ubl|2,000 infantry|40 tanks<ref>Army report</ref>}}\n"
        "| combatant3 = {{flagicon|XYZ}}\n"
        "}}\nText.\n"
    )
    doc = read_text(text, "b.wiki")
    assert values(doc, "Commander") == [(1, "[[Ana Vey]]"), (1, "[[Bo Lund]] {{KIA}}")]
    assert values(doc, "Strength") == [(2, "2,000 infantry"), (2, "40 tanks")]
    [problem] = doc.problems
    assert "combatant3 has only markup" in problem.message and problem.line == 7


def test_unclosed_markup_is_text_and_an_unclosed_infobox_is_reported():
    doc = read_text("{{Infobox military conflict\n| casualties1 = 30 killed\n\n'''X''' lost {{convert|5|km.\n", "x.wiki")
    assert doc.format is DocumentFormat.WIKITEXT
    assert values(doc, "Casualties") == [(1, "30 killed")]
    assert any("not closed" in p.message for p in doc.problems)
    assert any("lost" in doc.text[a:b] for a, b in doc.prose)


def test_display_text():
    assert display_text("{{flagicon|ARM}} [[Republic of Artsakh|Artsakh]]") == "Artsakh"
    assert display_text("[[Monte Melkonian]] {{KIA}}") == "Monte Melkonian KIA"
    assert display_text("'''Bold''' {{flag|Armenia}}<ref>x</ref><!-- c -->") == "Bold Armenia"
    assert display_text("[http://example.org/x Report 5] and {{convert|5|km}}") == "Report 5 and 5 km"


wiki_alphabet = st.sampled_from(
    ["{{", "}}", "|", "=", "[[", "]]", "<ref>", "</ref>", "<ref name=a />", "\n", " ", "==", "<!--", "-->",
     "{|", "|}", "<br />", "Infobox", "casualties1", "killed", "600", "word", "File:", "'''", "http://x"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(wiki_alphabet, max_size=60).map("".join))
def test_the_reader_never_crashes_and_every_span_holds(text):
    doc = read_text(text, "any.wiki", DocumentFormat.WIKITEXT)
    for field in doc.infobox:
        assert doc.text[field.start : field.end] == field.value
        assert field.value.strip()
    previous = 0
    for start, end in doc.prose:
        assert previous <= start < end <= len(text)
        previous = end
    for reference in doc.references:
        assert 0 <= reference.start < reference.end <= len(text)
    for section in doc.sections:
        assert 0 <= section.start <= section.end <= len(text)
