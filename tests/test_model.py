"""The model: invariants hold, every class round-trips through the one converter."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims import model as m
from claims.convert import dumps, from_data, loads, to_data

texts = st.text(max_size=20)
small = st.integers(min_value=0, max_value=10_000_000)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@st.composite
def spans(draw):
    quote = draw(texts)
    start = draw(st.integers(0, 1000))
    return m.Span(draw(texts), start, start + len(quote), quote, draw(texts), draw(texts), draw(st.integers(1, 99)), draw(st.integers(1, 99)))


@st.composite
def uncertain_dates(draw):
    a, b = sorted([draw(dates), draw(dates)])
    return m.UncertainDate(a, b, draw(st.sampled_from(m.Precision)), draw(texts), draw(st.booleans()), draw(st.booleans()))


@st.composite
def quantities(draw):
    low = draw(st.none() | small)
    high = draw(small if low is None else st.none() | st.integers(low, low + 10_000))
    return m.Quantity(
        low, high, draw(st.sampled_from(m.Qualifier)), draw(st.sampled_from(m.Category)),
        draw(st.sampled_from(m.Population)), draw(st.none() | texts), draw(st.none() | uncertain_dates()),
        draw(st.booleans()), draw(st.booleans()),
    )


values = st.one_of(
    quantities(),
    uncertain_dates(),
    st.builds(m.Person, texts, st.lists(texts, max_size=3).map(tuple), st.none() | texts),
    st.builds(m.Unit, texts, st.none() | small, st.none() | texts),
    st.builds(m.TextValue, texts),
)
confidences = st.builds(
    m.Confidence, st.floats(0, 1), texts, st.lists(texts, max_size=3).map(tuple),
    st.sampled_from("ABCDEF"), st.integers(1, 6), st.booleans(),
)
attributions = st.builds(
    m.Attribution, texts, st.none() | texts, st.sampled_from(m.ClaimantClass), st.none() | texts,
    st.none() | texts, st.booleans(), st.none() | texts,
)
hedges = st.builds(m.Hedge, st.sampled_from(m.HedgeKind), texts, st.none() | small, st.none() | small)
claims = st.builds(
    m.Claim, texts, texts, st.sampled_from(m.Kind), texts,
    st.builds(m.Side, st.none() | st.integers(1, 3), st.none() | texts, st.none() | texts),
    values, spans(), attributions, texts, st.lists(hedges, max_size=2).map(tuple), confidences,
    st.none() | texts, st.none() | texts, st.none() | texts,
)
annotations = st.builds(
    m.Annotation, texts, st.sampled_from(m.TargetKind), texts, st.sampled_from(m.Verdict), texts,
    st.datetimes(timezones=st.just(dt.timezone.utc)), texts, st.none() | st.floats(0, 1), st.none() | texts,
    st.none() | st.builds(m.Anchor, texts, texts, texts, texts, small, small, st.none() | st.sampled_from(m.Kind)),
    st.none() | texts,
)
documents = st.builds(
    m.Document, texts, texts, texts, st.sampled_from(m.DocumentFormat), texts, texts,
    st.lists(st.builds(m.Section, texts, st.integers(1, 6), small, small), max_size=2).map(tuple),
    st.lists(st.builds(m.InfoboxField, texts, texts, texts, small, small, small, st.none() | st.integers(1, 3)), max_size=2).map(tuple),
    st.lists(st.builds(m.Problem, texts, small, small), max_size=2).map(tuple),
    small, st.lists(texts, max_size=2).map(tuple),
    st.lists(st.tuples(small, small), max_size=2).map(tuple),
    st.lists(st.builds(m.Reference, st.none() | texts, texts, small, small), max_size=2).map(tuple),
)
conflicts = st.builds(
    m.Conflict, texts, texts, st.sampled_from(m.Severity), st.lists(texts, max_size=3).map(tuple), texts,
    st.sampled_from(m.Outcome), st.none() | texts,
)


@settings(max_examples=60, deadline=None)
@given(st.one_of(claims, annotations, documents, conflicts))
def test_every_model_class_round_trips_through_json(obj):
    assert loads(dumps(obj), type(obj)) == obj


@settings(max_examples=60, deadline=None)
@given(st.one_of(claims, annotations, documents, conflicts, values))
def test_the_fast_encoder_writes_what_the_converter_makes(obj):
    # dumps encodes the objects straight with orjson; it must mean what to_data says.
    assert json.loads(dumps(obj)) == json.loads(json.dumps(to_data(obj), ensure_ascii=False))


def test_text_orjson_refuses_is_written_by_json():
    claim = m.Claim("c\ud800", "d", m.Kind.CASUALTIES, "s", m.Side(), m.TextValue("x"),
                    m.Span("d", 0, 1, "x"), m.Attribution("d"), "r")
    assert loads(dumps(claim), m.Claim) == claim


@settings(max_examples=60, deadline=None)
@given(values)
def test_values_are_tagged(value):
    data = to_data(value)
    assert data["type"] in {"quantity", "date", "person", "unit", "text"}
    assert from_data(data, m.Value) == value


def test_quantity_json_matches_the_contract():
    data = to_data(m.Quantity(None, 2000, m.Qualifier.AT_MOST, m.Category.TROOPS))
    assert data["type"] == "quantity" and data["low"] is None and data["high"] == 2000
    assert data["qualifier"] == "at_most" and data["category"] == "troops"


def test_span_quote_must_match_its_offsets():
    with pytest.raises(ValueError, match="quote"):
        m.Span("d", 0, 5, "abc")
    with pytest.raises(ValueError, match="before start"):
        m.Span("d", 5, 2, "")


def test_quantity_and_date_invariants():
    with pytest.raises(ValueError):
        m.Quantity(10, 5, m.Qualifier.RANGE, m.Category.KILLED)
    with pytest.raises(ValueError):
        m.Quantity(None, None, m.Qualifier.EXACT, m.Category.KILLED)
    with pytest.raises(ValueError):
        m.UncertainDate(dt.date(1994, 5, 1), dt.date(1994, 4, 1), m.Precision.MONTH, "x")


def test_claim_ids_are_stable_and_depend_on_document_span_and_kind():
    a = m.claim_id("terter.txt", 10, 20, m.Kind.CASUALTIES)
    assert a == m.claim_id("terter.txt", 10, 20, m.Kind.CASUALTIES)
    assert a != m.claim_id("terter.txt", 10, 21, m.Kind.CASUALTIES)
    assert a != m.claim_id("terter.txt", 10, 20, m.Kind.STRENGTH)


def test_bad_data_gives_a_readable_error():
    with pytest.raises(ValueError, match=r"\$\.kind"):
        from_data({"kind": "nonsense", "text": "x"}, m.Hedge)


def test_importing_claims_does_not_import_textual():
    code = (
        "import sys, claims, claims.model, claims.convert, claims.readers, claims.pipeline, claims.cli, "
        "claims.store, claims.service, claims.describe; "
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _perturbed(data, draw):
    """The data with one value replaced somewhere (a missing key, None, a number as text...)."""
    if isinstance(data, dict) and data:
        key = draw(st.sampled_from(sorted(data)))
        out = dict(data)
        if draw(st.booleans()):
            del out[key]
        else:
            out[key] = draw(st.one_of(st.none(), st.just("7"), st.just(7), st.just([1, 2, 3]), st.just({}),
                                      st.just(_perturbed(data[key], draw))))
        return out
    return data


@settings(max_examples=150, deadline=None)
@given(st.one_of(claims, documents, conflicts, values), st.data())
def test_the_compiled_readers_build_what_the_converter_builds(obj, data):
    from claims.convert import converter

    plain = json.loads(dumps(obj))
    cls = m.Value if type(obj) in (m.Quantity, m.UncertainDate, m.Person, m.Unit, m.TextValue) else type(obj)
    assert from_data(plain, cls) == obj
    bent = _perturbed(plain, data.draw)
    try:
        expected = converter.structure(bent, cls)
    except Exception:  # noqa: BLE001 - then from_data must refuse it too
        with pytest.raises(Exception):
            from_data(bent, cls)
    else:
        got = from_data(bent, cls)
        assert got == expected and repr(got) == repr(expected)
