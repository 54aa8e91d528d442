"""Properties: extraction never crashes, spans always match, number words round-trip."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extract import extract_document
from claims.extract.numbers import parse_number_words, render_number
from claims.readers import read_text

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
