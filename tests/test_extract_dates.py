"""Uncertain dates: forms, precision, year from context, relative dates."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.extract.dates import DateContext, find_dates, parse_date, year_mentions
from claims.model import Precision

D = dt.date


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision", "interval"),
    [
        ("April – May 1994", D(1994, 4, 1), D(1994, 5, 31), Precision.MONTH, True),
        ("22 December 1994 – 6 March 1995", D(1994, 12, 22), D(1995, 3, 6), Precision.DAY, True),
        ("8–11 August 2008, (3 days)", D(2008, 8, 8), D(2008, 8, 11), Precision.DAY, True),
        ("late 1993", D(1993, 9, 1), D(1993, 12, 31), Precision.PART_OF_YEAR, False),
        ("mid-January 1994", D(1994, 1, 11), D(1994, 1, 20), Precision.PART_OF_MONTH, False),
        ("the autumn of 1993", D(1993, 9, 1), D(1993, 11, 30), Precision.SEASON, False),
        ("between August and November 1991", D(1991, 8, 1), D(1991, 11, 30), Precision.MONTH, True),
        ("from December 11th, 1994 to August 31st, 1996", D(1994, 12, 11), D(1996, 8, 31), Precision.DAY, True),
        ("April 20, 1994", D(1994, 4, 20), D(1994, 4, 20), Precision.DAY, False),
        ("In late 1993 - early 1994", D(1993, 9, 1), D(1994, 4, 30), Precision.PART_OF_YEAR, True),
    ],
)
def test_parse_date(text, earliest, latest, precision, interval) -> None:
    value = parse_date(text)
    assert value is not None
    assert (value.earliest, value.latest, value.precision, value.interval) == (earliest, latest, precision, interval)


def _dates(text: str, default_year: int | None = None):
    ctx = DateContext(default_year=default_year, year_mentions=year_mentions(text))
    return [(text[f.start:f.end], f.value) for f in find_dates(text, 0, len(text), ctx)]


def test_year_comes_from_the_nearest_preceding_year_never_today() -> None:
    found = dict(_dates("Fighting resumed in late 1993. They attacked on 15 December. By 20 February, it was over."))
    assert found["15 December"].earliest == D(1993, 12, 15)
    assert found["15 December"].year_inferred
    # the narrative crossed into the next year
    assert found["20 February"].earliest == D(1994, 2, 20)


def test_no_year_anywhere_gives_no_date() -> None:
    assert _dates("They attacked on 15 December.") == []


def test_default_year_is_used_when_the_text_has_none() -> None:
    assert _dates("They attacked on 15 December.", default_year=1995)[0][1].earliest == D(1995, 12, 15)


def test_relative_dates_resolve_against_previous_and_start() -> None:
    text = ("In April of 1994 it was planned. The offensive began on the night of April 10. "
            "On April 17, they attacked, and the next day they tried again. "
            "On April 20, 1994, after 10 days of fighting, they stopped.")
    found = dict(_dates(text))
    assert found["the night of April 10"].earliest == D(1994, 4, 10)
    assert found["the next day"].earliest == D(1994, 4, 18)
    assert found["after 10 days"].earliest == D(1994, 4, 20)


def test_may_the_verb_is_not_a_date() -> None:
    # `in 1994` is a date (a year alone after `in`); `may` is not.
    assert [quote for quote, _ in _dates("Troops may withdraw in 1994.")] == ["1994"]
    assert _dates("Troops May withdraw.") == []
