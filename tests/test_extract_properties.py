"""Properties: extraction never crashes, spans always match, number words round-trip."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extract import extract_document
from claims.extract.numbers import parse_number_words, render_number
from claims.extract.spans import build_claim
from claims.model import Attribution, Claim, Kind, Side, TextValue, claim_id
from claims.readers import read_text
from claims.textmap import span_in
from store_helpers import make_document

FRAGMENTS = st.sampled_from([
    "According to the Azerbaijani side, ", "On April 17, ", "the next day ", "after 10 days ",
    "more than six thousand servicemen were killed", "28 armored vehicles were captured - 8 tanks, ",
    "5 infantry fighting vehicles, 15 armored personnel carriers.", "~4,000 servicemen killed |",
    "\n- Casualties2: 600 killed\n", "= Title =\n", "Infobox\n", "“A quoted line here”", "(CRI claim)",
    "Alleged: ", "1994–1995", "[12]", "83rd brigade", "Per Russia:, ", " | ", "---|---|\n", "\n",
    "late 1993", "mid-January 1994", "15 December", "6-8,000", "+2,000 (February 1994)", "retreat.Several",
])
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=14).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_extraction_never_crashes_and_spans_match(text: str) -> None:
    document = read_text(text, path="x.txt")
    claims = extract_document(document)
    assert len({c.id for c in claims}) == len(claims)
    for c in claims:
        assert document.text[c.span.start:c.span.end] == c.span.quote


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=1_000_000))
def test_number_words_round_trip(n: int) -> None:
    assert parse_number_words(render_number(n)) == n


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["x.txt", "Battle of Kelbajar.wiki", "[bold]doc[/bold].txt", "é\u200fdoc"]),
    st.text(min_size=1, max_size=300),
    st.sampled_from(list(Kind)),
    st.data(),
)
def test_build_claim_id_and_span_are_those_of_claim_create(
    doc_id: str, text: str, kind: Kind, data: st.DataObject
) -> None:
    """build_claim inlines Claim.create and span_in for speed; it must give the same id and span."""
    document = make_document(doc_id, text)
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=len(text)))
    fields = dict(kind=kind, subject="s", side=Side(), value=TextValue("v"),
                  attribution=Attribution(document=doc_id), rule="test.span")
    built = build_claim(document, start=start, end=end, **fields)
    assert built.id == claim_id(doc_id, start, end, kind)
    assert built == Claim.create(document=doc_id, span=span_in(text, doc_id, start, end), **fields)
