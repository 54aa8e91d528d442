"""Claims from wikitext: exact spans over the raw markup, no figure from inside a citation,
the cited reference in the attribution chain, and the audit treating it as a citation."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.audit import run_audit
from claims.extract import extract_document
from claims.model import DocumentFormat, Kind, Person, Quantity, TextValue
from claims.readers import read_path, read_text

ARTICLE = Path(__file__).parent / "fixtures" / "battle-of-karavan.wiki"
HOLM = "Holm, Passes and Borders: The Highland War 1991–1994 (2001)"


@pytest.fixture(scope="module")
def doc():
    return read_path(ARTICLE)


@pytest.fixture(scope="module")
def claims(doc):
    return extract_document(doc)


def by_quote(claims, quote):
    [claim] = [c for c in claims if c.span.quote == quote]
    return claim


def test_every_claim_quotes_the_raw_text_inside_a_field_or_the_prose(doc, claims):
    allowed = [(f.start, f.end) for f in doc.infobox] + list(doc.prose)
    assert len(claims) >= 25
    for claim in claims:
        assert doc.text[claim.span.start : claim.span.end] == claim.span.quote
        assert any(a <= claim.span.start and claim.span.end <= b for a, b in allowed), claim.span.quote


def test_no_figure_or_date_comes_from_a_citation_comment_caption_or_table(doc, claims):
    lows = {c.value.low for c in claims if isinstance(c.value, Quantity)}
    # |pages=123–126, |year=2001, |volume=9, |pages=201–219, page-77, item-5551, bulletin 44,
    # |access-date=14 June 2011; the comment's 1,000 and 5,000; the caption's 7; the table's 1,200.
    assert not lows & {123, 126, 2001, 9, 201, 219, 77, 5551, 44, 1000, 5000, 7, 1200}
    years = {c.value.earliest.year for c in claims if c.kind is Kind.DATE}
    assert years == {1993}


def test_infobox_values_are_rendered_and_markers_kept(claims):
    rezun = by_quote(claims, "[[Davit Rezun]] {{KIA}}")
    assert rezun.value == Person("Davit Rezun", ("KIA",))
    assert by_quote(claims, "[[Oskar Brandt]] {{WIA}}").value == Person("Oskar Brandt", ("WIA",))
    assert by_quote(claims, "[[Republic of Taran|Taranian]] victory").value == TextValue("Taranian victory")
    assert by_quote(claims, "[[Velmar Guard]]").value == TextValue("Velmar Guard")
    assert by_quote(claims, "240 killed").subject == "Battle of Karavan Pass"
    assert by_quote(claims, "~900 killed").side.name == "Velmar"


def test_claims_carry_the_reference_after_their_figure_or_sentence(claims):
    cited = {
        "~900 killed": HOLM,  # <ref name="holm" /> reused in the infobox
        "1,800 servicemen": HOLM,
        "3,500 servicemen (March 1993)": "Lena Morrow, Thaw on the pass (1993)",
        "[[Republic of Taran|Taranian]] victory": HOLM,  # the defining <ref name="holm">
        "about 3,500 troops": "Okafor, Mountain war logistics (1994)",
        "12 March 1993": "Holm 2001, p. 124",  # {{sfn}} after the full stop
        "12 tanks destroyed": "Taran news agency bulletin 44",
        "the spring of 1993": HOLM,
    }
    for quote, label in cited.items():
        assert by_quote(claims, quote).attribution.reference == label, quote
    for quote in ("240 killed", "610 wounded", "12 tanks", "no more than 1,800 men", "300 Taranian soldiers were killed"):
        assert by_quote(claims, quote).attribution.reference is None, quote


def test_an_according_to_carries_over_a_ref_between_sentences():
    text = (
        "'''Raid on Vey''' was a raid.\n\n== Raid ==\n"
        "According to the Velmar Guard, 300 soldiers were killed.<ref>Guard bulletin</ref> "
        "Another 200 soldiers were wounded.<ref>Vey Herald</ref><ref>Army report</ref>\n"
        "Later 50 soldiers were captured.\n"
    )
    doc = read_text(text, "raid.wiki")
    claims = extract_document(doc)
    killed = by_quote(claims, "300 soldiers were killed")
    wounded = by_quote(claims, "200 soldiers were wounded")
    captured = by_quote(claims, "50 soldiers were captured")
    assert killed.attribution.claimant == "the Velmar Guard" and killed.attribution.reference == "Guard bulletin"
    assert wounded.attribution.claimant == "the Velmar Guard" and wounded.attribution.inherited
    assert wounded.attribution.reference == "Vey Herald; Army report"
    assert captured.attribution.claimant is None and captured.attribution.reference is None


def test_ct001_treats_a_cited_figure_as_cited_and_flags_an_uncited_one(doc, claims):
    findings = [f for f in run_audit([doc], claims).findings if f.code == "CT001"]
    flagged = " ".join(f.message for f in findings)
    assert "“240 killed”" in flagged and "“610 wounded”" in flagged
    assert "“no more than 1,800 men”" in flagged
    for cited in ("~900 killed", "3,500 servicemen", "about 3,500 troops", "12 tanks destroyed"):
        assert f"“{cited}" not in flagged


def test_ct001_accepts_a_reference_on_the_claim_when_the_text_shows_no_citation():
    draft = read_text("# Draft\n\nSome 300 soldiers were killed in the raid.\n", "draft.md")
    [claim] = [c for c in extract_document(draft) if c.kind is Kind.CASUALTIES]
    cited = attrs.evolve(claim, attribution=attrs.evolve(claim.attribution, reference="Vey Herald"))
    assert [f.code for f in run_audit([draft], [claim]).findings] == ["CT001"]
    assert [f.code for f in run_audit([draft], [cited]).findings] == []


def test_other_formats_get_no_reference(doc):
    from conftest import KALBAJAR, TERTER

    for path in (TERTER, KALBAJAR):
        document = read_path(path)
        assert document.references == ()
        assert all(c.attribution.reference is None for c in extract_document(document))


wiki_alphabet = st.sampled_from(
    ["{{", "}}", "|", "=", "[[", "]]", "<ref>", "</ref>", "<ref name=a />", "\n", " ", ". ", "==", "<!--",
     "-->", "<br />", "Infobox", "casualties1", "commander2", "600 killed", "{{KIA}}", "According to X, ",
     "in April 1994", "word", "File:", "'''", "http://x/1994"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(wiki_alphabet, max_size=60).map("".join))
def test_extraction_never_crashes_on_wikitext_and_spans_hold(text):
    doc = read_text(text, "any.wiki", DocumentFormat.WIKITEXT)
    for claim in extract_document(doc):
        assert doc.text[claim.span.start : claim.span.end] == claim.span.quote


THREE_SIDED = """{{Infobox military conflict
| conflict    = Battle of Varna Ford
| combatant1  = {{flagcountry|Kingdom of Prussia}}
| combatant2  = {{flag|Austrian Empire}}
| combatant3  = {{flag|Kingdom of Bavaria}}
| strength1   = 42,000
| strength2   = 38,500
| strength3   = 9,000
| casualties3 = 700 killed
}}
The '''Battle of Varna Ford''' was fought between [[Prussia]] and [[Austria]].
"""


def test_a_third_combatant_is_a_belligerent_of_its_own() -> None:
    document = read_text(THREE_SIDED, "ford.wiki")
    assert document.belligerents[2:] == ("Kingdom of Bavaria",)
    sides = {c.span.quote: (c.side.column, c.side.name) for c in extract_document(document)}
    assert sides["9,000"] == (3, "Bavaria")
    assert sides["700 killed"] == (3, "Bavaria")
    assert sides["42,000"] == (1, "Prussia")
