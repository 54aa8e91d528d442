"""Uncertain dates: forms, precision, year from context, relative dates."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.convert import from_data, to_data
from claims.extract.dates import DateContext, find_dates, parse_date, year_mentions
from claims.model import OpenBound, Precision, UncertainDate

D = dt.date


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision", "interval"),
    [
        ("April – May 1994", D(1994, 4, 1), D(1994, 5, 31), Precision.MONTH, True),
        ("22 December 1994 – 6 March 1995", D(1994, 12, 22), D(1995, 3, 6), Precision.DAY, True),
        ("8–11 August 2008, (3 days)", D(2008, 8, 8), D(2008, 8, 11), Precision.DAY, True),
        ("late 1993", D(1993, 9, 1), D(1993, 12, 31), Precision.PART_OF_YEAR, False),
        ("mid-January 1994", D(1994, 1, 1), D(1994, 1, 31), Precision.PART_OF_MONTH, False),
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


# --- Forms a war article or a news report uses -------------------------------------------

def _one(text: str, default_year: int | None = None):
    found = _dates(text, default_year)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "quote", "earliest", "latest", "precision", "interval"),
    [
        # a year alone, where it reads as a date
        ("The town fell in 1994.", "1994", D(1994, 1, 1), D(1994, 12, 31), Precision.YEAR, False),
        ("The 1994 offensive stalled.", "1994", D(1994, 1, 1), D(1994, 12, 31), Precision.YEAR, False),
        ("It was built c. 1850 by the army.", "1850", D(1850, 1, 1), D(1850, 12, 31), Precision.YEAR, False),
        ("Its 2014 campaign was costly.", "2014", D(2014, 1, 1), D(2014, 12, 31), Precision.YEAR, False),
        ("A castle taken in 1415 by the king.", "1415", D(1415, 1, 1), D(1415, 12, 31), Precision.YEAR, False),
        # year ranges
        ("The 1992–1994 war ended.", "1992–1994", D(1992, 1, 1), D(1994, 12, 31), Precision.YEAR, True),
        ("During the 1992-94 war, towns burned.", "1992-94", D(1992, 1, 1), D(1994, 12, 31), Precision.YEAR, True),
        ("The siege lasted from 1992 to 1994.", "1992 to 1994", D(1992, 1, 1), D(1994, 12, 31), Precision.YEAR, True),
        ("Clashes flared between 1988 and 1990.", "1988 and 1990", D(1988, 1, 1), D(1990, 12, 31), Precision.YEAR, True),
        ("The Hill War (1881–1884) was short.", "1881–1884", D(1881, 1, 1), D(1884, 12, 31), Precision.YEAR, True),
        ("It lasted from May 1992 to 1994.", "May 1992 to 1994", D(1992, 5, 1), D(1994, 12, 31), Precision.YEAR, True),
        ("After the first campaign of 1994–1995, they regrouped.", "1994–1995", D(1994, 1, 1), D(1995, 12, 31), Precision.YEAR, True),
        ("The war of 1812 began.", "1812", D(1812, 1, 1), D(1812, 12, 31), Precision.YEAR, False),
        ("Figures as of 2001 were lower.", "2001", D(2001, 1, 1), D(2001, 12, 31), Precision.YEAR, False),
        # decades and centuries
        ("Raids went on in the 1990s.", "the 1990s", D(1990, 1, 1), D(1999, 12, 31), Precision.DECADE, False),
        ("Raids began in the early 1990s.", "the early 1990s", D(1990, 1, 1), D(1993, 12, 31), Precision.PART_OF_DECADE, False),
        ("In the mid-1970s the front was quiet.", "the mid-1970s", D(1974, 1, 1), D(1976, 12, 31), Precision.PART_OF_DECADE, False),
        ("Forts were built in the 1800s.", "the 1800s", D(1800, 1, 1), D(1899, 12, 31), Precision.CENTURY, False),
        ("Forts were built in the 19th century.", "the 19th century", D(1801, 1, 1), D(1900, 12, 31), Precision.CENTURY, False),
        ("Forts were built in the late 18th century.", "the late 18th century", D(1767, 1, 1), D(1800, 12, 31), Precision.PART_OF_CENTURY, False),
        ("Forts were built in the first half of the twentieth century.", "the first half of the twentieth century",
         D(1901, 1, 1), D(1950, 12, 31), Precision.PART_OF_CENTURY, False),
        ("Wars of the 17th–18th centuries.", "the 17th–18th centuries", D(1601, 1, 1), D(1800, 12, 31), Precision.CENTURY, True),
        # days, day ranges and months
        ("They landed on the night of 21/22 May 1982.", "the night of 21/22 May 1982", D(1982, 5, 21), D(1982, 5, 22), Precision.DAY, True),
        ("They landed on the night of the 21st to the 22nd May 1982.", "the night of the 21st to the 22nd May 1982",
         D(1982, 5, 21), D(1982, 5, 22), Precision.DAY, True),
        ("The battle was fought from 28 to 29 May 1982.", "28 to 29 May 1982", D(1982, 5, 28), D(1982, 5, 29), Precision.DAY, True),
        ("The battle was fought May 28–29, 1982.", "May 28–29, 1982", D(1982, 5, 28), D(1982, 5, 29), Precision.DAY, True),
        ("The siege lasted between 13 March and 7 May 1954.", "13 March and 7 May 1954", D(1954, 3, 13), D(1954, 5, 7), Precision.DAY, True),
        ("Date: 13 March– 7 May 1954", "13 March– 7 May 1954", D(1954, 3, 13), D(1954, 5, 7), Precision.DAY, True),
        ("Date14 January – 20 February 2015", "14 January – 20 February 2015", D(2015, 1, 14), D(2015, 2, 20), Precision.DAY, True),
        ("Date:13 March 1954", "13 March 1954", D(1954, 3, 13), D(1954, 3, 13), Precision.DAY, False),
        ("Strength1:13 March 1954: ~10,800", "13 March 1954", D(1954, 3, 13), D(1954, 3, 13), Precision.DAY, False),
        ("Surrender: 2 February 1943a (note)", "2 February 1943", D(1943, 2, 2), D(1943, 2, 2), Precision.DAY, False),
        ("Published 2022-05-18 in the evening.", "2022-05-18", D(2022, 5, 18), D(2022, 5, 18), Precision.DAY, False),
        ("The battle (1982-05-28 – 1982-05-29) ended.", "1982-05-28 – 1982-05-29", D(1982, 5, 28), D(1982, 5, 29), Precision.DAY, True),
        ("Fighting eased in the second half of May 1994.", "the second half of May 1994", D(1994, 5, 16), D(1994, 5, 31), Precision.PART_OF_MONTH, False),
        ("Fighting eased in the first half of 1994.", "the first half of 1994", D(1994, 1, 1), D(1994, 6, 30), Precision.PART_OF_YEAR, False),
        ("The front held through the winter of 1942–43.", "the winter of 1942–43", D(1942, 12, 1), D(1943, 2, 28), Precision.SEASON, False),
        ("The front held through winter 1942/43.", "winter 1942/43", D(1942, 12, 1), D(1943, 2, 28), Precision.SEASON, False),
    ],
)
def test_forms(text, quote, earliest, latest, precision, interval) -> None:
    found_quote, value = _one(text)
    assert found_quote == quote
    assert (value.earliest, value.latest, value.precision, value.interval) == (earliest, latest, precision, interval)
    assert value.bound is None and value.years is None


@pytest.mark.parametrize(
    "text",
    [
        "1995 soldiers were killed.",
        "In 1995 soldiers were killed.",  # read as a figure: a count follows
        "A force of 1800 men attacked.",
        "A total of 1995 died in the fighting.",
        "The garrison rose from 1800 to 2000.",
        "The losses rose by 2000 in a week.",
        "A 1500-strong battalion advanced.",
        "Between 1500–2000 soldiers took part.",
        "Losses: 1200–1500",
        "See pp. 1994–1998 and ISBN 1994.",
        "The army numbered around 2000.",
        "Its strength was 1996, by one count 1997.",
        "Some 1950 Russian soldiers were captured.",
        "The battle of the 1,994 men.",
        "A unit of 2000 was sent.",
        "The fall of Grozny was swift.",
        "A unit of 1994 was sent.",
        "A force of 1500–1700 attacked.",
        "Flag of the Army (1938-present).svg 3 Brigade",
        "At 10:13 May troops moved.",
    ],
)
def test_numbers_that_are_figures_are_no_dates(text: str) -> None:
    assert _dates(text) == []


def test_lists_of_years_and_days_with_of() -> None:
    found = _dates("Raids came in 1942 and 1943, and in 1991, 1992 or 1995. In 1994, 2000 fled.")
    assert [q for q, _ in found] == ["1942", "1943", "1991", "1992", "1995", "1994"]
    quote, value = _one("It happened on the 5th of May 1994.")
    assert (quote, value.earliest) == ("5th of May 1994", D(1994, 5, 5))


def test_a_month_or_day_without_a_year_anywhere_takes_none_never_today() -> None:
    assert _dates("The IS began its assault on the city Sep 16, and by mid-September it was near.") == []


@pytest.mark.parametrize(
    ("text", "quote", "earliest", "latest"),
    [
        ("The assault began Sep 16.", "Sep 16", D(2014, 9, 16), D(2014, 9, 16)),
        ("They invaded on Feb. 24.", "Feb. 24", D(2014, 2, 24), D(2014, 2, 24)),
        ("Bombardment started in Sept. 27.", "Sept. 27", D(2014, 9, 27), D(2014, 9, 27)),
        ("The advance began in mid-September.", "mid-September", D(2014, 9, 1), D(2014, 9, 30)),
        ("It lasted from September 16 until October 25.", "September 16 until October 25", D(2014, 9, 16), D(2014, 10, 25)),
        ("Clashes resumed in the spring.", "the spring", D(2014, 3, 1), D(2014, 5, 31)),
    ],
)
def test_dates_without_a_year_take_the_context_year(text, quote, earliest, latest) -> None:
    found_quote, value = _one(text, default_year=2014)
    assert (found_quote, value.earliest, value.latest, value.year_inferred) == (quote, earliest, latest, True)


# --- Open bounds --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "quote", "bound", "earliest", "latest", "interval"),
    [
        ("The town was shelled before 1994.", "1994", OpenBound.BEFORE, D(1994, 1, 1), D(1994, 12, 31), False),
        ("The town was shelled prior to May 1994.", "May 1994", OpenBound.BEFORE, D(1994, 5, 1), D(1994, 5, 31), False),
        ("They fought until early March 1943.", "early March 1943", OpenBound.UNTIL, D(1943, 3, 1), D(1943, 3, 31), False),
        ("By 20 February 1994, they had retreated.", "20 February 1994", OpenBound.UNTIL, D(1994, 2, 20), D(1994, 2, 20), False),
        ("It was finished no later than 1995.", "1995", OpenBound.UNTIL, D(1995, 1, 1), D(1995, 12, 31), False),
        ("Raids resumed after May 1995.", "May 1995", OpenBound.AFTER, D(1995, 5, 1), D(1995, 5, 31), False),
        ("The city has been held since 2014.", "2014", OpenBound.SINCE, D(2014, 1, 1), D(2014, 12, 31), False),
        ("From mid-January 2015 the rebels attacked.", "mid-January 2015", OpenBound.SINCE, D(2015, 1, 1), D(2015, 1, 31), False),
        ("Patrols ran from 1995 onwards.", "1995 onwards", OpenBound.SINCE, D(1995, 1, 1), D(1995, 12, 31), False),
        ("Date: 16 September 2014 – ongoing", "16 September 2014 – ongoing", OpenBound.SINCE, D(2014, 9, 16), D(2014, 9, 16), True),
        ("The occupation (2014–present) goes on.", "2014–present", OpenBound.SINCE, D(2014, 1, 1), D(2014, 12, 31), True),
    ],
)
def test_open_bounds_keep_the_bound_as_written(text, quote, bound, earliest, latest, interval) -> None:
    found_quote, value = _one(text)
    assert (found_quote, value.bound, value.earliest, value.latest, value.interval) == (
        quote, bound, earliest, latest, interval)


def test_a_range_with_from_is_not_an_open_bound() -> None:
    assert _one("The battle was fought from 28 to 29 May 1982.")[1].bound is None
    assert _one("The war lasted from 1992 to 1994.")[1].bound is None


def test_open_bounds_overlap_what_lies_on_their_open_side() -> None:
    before = _one("It was shelled before 1994.")[1]
    since = _one("It has been held since 2014.")[1]
    ongoing = parse_date("16 September 2014 – ongoing")
    assert before.overlaps(parse_date("1990")) and not before.overlaps(parse_date("1996"))
    assert since.overlaps(parse_date("2020")) and not since.overlaps(parse_date("2010"))
    assert ongoing.overlaps(parse_date("20 October 2014"))
    assert before.edtf == "../1994" and since.edtf == "2014/.." and ongoing.edtf == "2014-09-16/.."


def test_offsets_from_a_day() -> None:
    assert _one("It fell the day after 15 May 1994.") == ("the day after 15 May 1994", _one("16 May 1994")[1].__class__(
        D(1994, 5, 16), D(1994, 5, 16), Precision.DAY, "the day after 15 May 1994"))
    quote, value = _one("It fell two days before 15 May 1994.")
    assert (quote, value.earliest) == ("two days before 15 May 1994", D(1994, 5, 13))


# --- BC / AD --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "quote", "years", "earliest", "latest", "precision", "edtf"),
    [
        ("Caesar was killed in 44 BC.", "44 BC", (-43, -43), D(1, 1, 1), D(1, 12, 31), Precision.YEAR, "-0043"),
        ("Caesar was killed on 15 March 44 BC.", "15 March 44 BC", (-43, -43), D(1, 3, 15), D(1, 3, 15), Precision.DAY, "-0043-03-15"),
        ("The Greco-Persian wars (490–479 BC) ended.", "490–479 BC", (-489, -478), D(1, 1, 1), D(1, 12, 31), Precision.YEAR, "-0489/-0478"),
        ("Walls rose in the 5th century BC.", "the 5th century BC", (-499, -400), D(1, 1, 1), D(1, 12, 31), Precision.CENTURY, "-0499/-0400"),
        ("He reigned from 27 BC – AD 14 in Rome.", "27 BC – AD 14", (-26, 14), D(1, 1, 1), D(14, 12, 31), Precision.YEAR, "-0026/0014"),
        ("Tours was fought in 732 BCE.", "732 BCE", (-731, -731), D(1, 1, 1), D(1, 12, 31), Precision.YEAR, "-0731"),
    ],
)
def test_bc_dates_keep_astronomical_years(text, quote, years, earliest, latest, precision, edtf) -> None:
    found_quote, value = _one(text)
    assert (found_quote, value.years, value.earliest, value.latest, value.precision, value.edtf) == (
        quote, years, earliest, latest, precision, edtf)
    assert value.first_year == years[0] and value.last_year == years[1]


def test_ad_dates_need_no_astronomical_years() -> None:
    for text, quote, year in [("Tours was fought in AD 732.", "AD 732", 732), ("Hastings, 1066 AD, was won.", "1066 AD", 1066)]:
        found_quote, value = _one(text)
        assert (found_quote, value.years, value.earliest, value.latest) == (quote, None, D(year, 1, 1), D(year, 12, 31))


def test_bc_dates_overlap_by_their_years() -> None:
    a, b, c = parse_date("44 BC"), parse_date("the 1st century BC"), parse_date("the 5th century BC")
    assert a.overlaps(b) and not a.overlaps(c) and not c.overlaps(parse_date("1994"))


def test_uncertain_dates_with_bounds_and_years_round_trip() -> None:
    for text in ("15 March 44 BC", "before 1994", "16 September 2014 – ongoing", "the 19th century"):
        value = parse_date(text)
        assert from_data(to_data(value), UncertainDate) == value
    assert to_data(parse_date("15 May 1994"))["earliest"] == "1994-05-15"


def test_years_must_be_before_ad_1_and_in_order() -> None:
    with pytest.raises(ValueError):
        UncertainDate(D(1, 1, 1), D(1, 1, 1), Precision.YEAR, "x", years=(5, 6))
    with pytest.raises(ValueError):
        UncertainDate(D(1, 1, 1), D(1, 1, 1), Precision.YEAR, "x", years=(-3, -5))


# --- Impossible dates -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The town fell on 31 February 1994.", "31 February 1994"),
        ("The town fell on February 30, 1994.", "February 30, 1994"),
        ("The town fell on 29 February 1993.", "29 February 1993"),
        ("The town fell on 45 May 1994.", "45 May 1994"),
        ("The town fell on 31 April.", "31 April"),
        ("It lasted 30 April – 2 April 1994.", "30 April – 2 April 1994"),
        ("It lasted 20–10 May 1994.", "20–10 May 1994"),
        ("Logged 1994-13-01 by the unit.", "1994-13-01"),
    ],
)
def test_impossible_dates_are_problems_not_dates(text, quote) -> None:
    ctx = DateContext(year_mentions=year_mentions(text))
    assert find_dates(text, 0, len(text), ctx) == []
    assert [p.text for p in ctx.problems] == [quote]
    problem = ctx.problems[0]
    assert text[problem.start:problem.end] == quote and problem.reason


def test_a_leap_day_exists_in_a_leap_year() -> None:
    assert _one("The town fell on 29 February 1996.")[1].earliest == D(1996, 2, 29)


def test_parse_date_hands_problems_to_the_caller() -> None:
    problems: list = []
    assert parse_date("31 February 1994", bare_year=False, problems=problems) is None
    assert [p.reason for p in problems] == ["February 1994 has no day 31"]


def test_a_day_above_31_without_a_year_is_a_figure_not_a_problem() -> None:
    ctx = DateContext(default_year=1994)
    text = "They lost 45 May tanks."
    assert find_dates(text, 0, len(text), ctx) == [] and ctx.problems == []


# --- Properties ---------------------------------------------------------------------------

_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]
_SHORT = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
_days = st.dates(min_value=D(1600, 1, 1), max_value=D(2099, 12, 31))
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def _renderings(d: dt.date) -> list[str]:
    m, s = _MONTH_NAMES[d.month - 1], _SHORT[d.month - 1]
    th = f"{d.day}{_ORDINAL_SUFFIX.get(d.day, 'th')}"
    return [f"{d.day} {m} {d.year}", f"{m} {d.day}, {d.year}", f"{m} {d.day} {d.year}", f"{th} {m} {d.year}",
            f"{m} {th}, {d.year}", f"{s} {d.day}, {d.year}", d.isoformat()]


@settings(max_examples=60, deadline=None)
@given(_days, st.sampled_from(["On {} the town fell.", "The town fell on {}.", "({})", "Date: {}"]))
def test_a_day_in_any_format_parses_to_that_day(day: dt.date, frame: str) -> None:
    for rendering in _renderings(day):
        text = frame.format(rendering)
        found = _dates(text)
        assert [(q, v.earliest, v.latest, v.precision) for q, v in found] == [
            (rendering, day, day, Precision.DAY)], text


@settings(max_examples=60, deadline=None)
@given(_days, st.integers(1, 200))
def test_a_range_in_any_format_parses_to_the_same_interval(first: dt.date, length: int) -> None:
    last = first + dt.timedelta(days=length)
    if last.year > 2099:
        return
    f, l = first, last
    fm, lm = _MONTH_NAMES[f.month - 1], _MONTH_NAMES[l.month - 1]
    year = f"{l.year}"
    renderings = [f"{f.day} {fm} {f.year} – {l.day} {lm} {l.year}", f"{fm} {f.day}, {f.year} to {lm} {l.day}, {l.year}",
                  f"between {f.day} {fm} {f.year} and {l.day} {lm} {l.year}", f"{f.isoformat()} – {l.isoformat()}",
                  f"from {f.day} {fm} {f.year} until {l.day} {lm} {l.year}"]
    if f.year == l.year:
        renderings += [f"{f.day} {fm} – {l.day} {lm} {year}", f"between {f.day} {fm} and {l.day} {lm} {year}",
                       f"{f.day} {fm}– {l.day} {lm} {year}"]
        if f.month == l.month:
            renderings += [f"{f.day}–{l.day} {lm} {year}", f"{f.day} to {l.day} {lm} {year}", f"{fm} {f.day}–{l.day}, {year}"]
    for rendering in renderings:
        text = f"The siege lasted {rendering}."
        found = _dates(text)
        assert [(v.earliest, v.latest, v.interval, v.bound) for _, v in found] == [(first, last, True, None)], text


@settings(max_examples=60, deadline=None)
@given(st.integers(1600, 2090), st.integers(1, 9))
def test_a_year_range_in_any_format_parses_to_the_same_years(y1: int, span: int) -> None:
    y2 = y1 + span
    renderings = [f"the {y1}–{y2} war", f"from {y1} to {y2}", f"between {y1} and {y2}", f"({y1}–{y2})",
                  f"in {y1}-{y2}"]
    if y1 // 100 == y2 // 100:
        renderings.append(f"the {y1}-{y2 % 100:02d} war")
    for rendering in renderings:
        text = f"Fighting went on {rendering}."
        found = _dates(text)
        assert [(v.earliest, v.latest) for _, v in found] == [(D(y1, 1, 1), D(y2, 12, 31))], text


_COUNT_NOUNS = ["soldiers", "troops", "men", "civilians", "people", "tanks", "were killed", "killed", "dead",
                "Russian soldiers", "servicemen", "km", "prisoners"]


@settings(max_examples=100, deadline=None)
@given(st.integers(1000, 2099), st.sampled_from(_COUNT_NOUNS),
       st.sampled_from(["{n} {noun} fell.", "They lost {n} {noun}.", "About {n} {noun} died.",
                        "A force of {n} {noun} attacked.", "Reports said {n} {noun}."]))
def test_a_number_before_a_count_is_never_a_date(n: int, noun: str, frame: str) -> None:
    text = frame.format(n=n, noun=noun)
    at = text.index(str(n))
    assert not any(v for q, v in _dates(text) if str(n) in q), text
    assert at >= 0


_FRAGMENTS = st.sampled_from([
    "In 1994", "the 1994 offensive", "15 May 1994", "May 1994", "mid-September", "late 1993", "the 1990s",
    "the 19th century", "44 BC", "before 1994", "since 2014", "2022-05-18", "1992–1994", "the next day",
    "after 10 days", "31 February 1994", "45 May", "Sep 16", "Feb. 24", "the night of 21/22 May 1982",
    "1995 soldiers", "a force of 1800", "Date14 January", "– ongoing", ",", ".", "(", ")", "and", "to", "from",
    "between", "until", "the", "spring", "winter 1942/43", "AD 14", "BC", "pp.", "1,200", "3", "killed",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_FRAGMENTS, min_size=1, max_size=12), st.integers(1600, 2099) | st.none())
def test_every_found_date_quotes_its_span_and_is_ordered(parts: list[str], default_year) -> None:
    text = " ".join(parts)
    lo = 2 if len(text) > 4 else 0
    ctx = DateContext(default_year=default_year, year_mentions=year_mentions(text))
    for f in find_dates(text, lo, len(text), ctx):
        assert lo <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.value.text
        assert f.value.lower <= f.value.upper
        if f.value.years is None:
            assert f.value.earliest <= f.value.latest
    for p in ctx.problems:
        assert text[p.start:p.end] == p.text and p.reason


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_valid_spans_and_never_raises(text: str) -> None:
    ctx = DateContext(default_year=1994, year_mentions=year_mentions(text))
    for f in find_dates(text, 0, len(text), ctx):
        assert text[f.start:f.end] == f.value.text


@settings(max_examples=100, deadline=None)
@given(st.integers(1600, 2099), st.integers(1, 12), st.integers(29, 31))
def test_a_day_past_the_end_of_its_month_is_a_problem(year: int, month: int, day: int) -> None:
    text = f"The town fell on {day} {_MONTH_NAMES[month - 1]} {year}."
    ctx = DateContext(year_mentions=year_mentions(text))
    found = find_dates(text, 0, len(text), ctx)
    exists = day <= calendar.monthrange(year, month)[1]
    assert (len(found), len(ctx.problems)) == ((1, 0) if exists else (0, 1))


def test_an_impossible_date_is_a_warning_with_its_line_not_a_claim() -> None:
    from claims.extract import extract_document
    from claims.readers import read_text

    document = read_text("Intro.\n\nOn 31 February 1994, 30 soldiers were killed near the bridge.\n", "bad.txt")
    problems: list = []
    claims = extract_document(document, problems)
    assert not [c for c in claims if c.kind.value == "date"]
    assert [(p.line, p.column) for p in problems] == [(3, 4)]
    assert "31 February 1994" in problems[0].message


def test_open_bounds_and_years_before_ad_1_are_shown_as_they_are() -> None:
    from claims.describe import describe_value
    from claims.extract import extract_document
    from claims.model import Kind
    from claims.readers import read_text

    text = "Intro.\n\nThe city fell before 1453 and was retaken after 1521. The battle of 480 BC ended the war.\n"
    shown = {c.span.quote: describe_value(c.value) for c in extract_document(read_text(text, "t.txt"))
             if c.kind is Kind.DATE}
    assert shown["1453"].startswith("before 1453") and shown["1521"].startswith("after 1521")
    assert shown["480 BC"] == "480 BC (year)"


def _days(text: str) -> list[tuple[str, dt.date]]:
    ctx = DateContext(year_mentions=year_mentions(text))
    return [(text[f.start:f.end], f.value.earliest) for f in find_dates(text, 0, len(text), ctx)]


def test_a_day_of_the_week_counts_back_from_the_dateline() -> None:
    found = _days("KYIV, May 12, 2022 (Reuters) - Strikes on Tuesday killed 12 people; late on Thursday two more "
                   "died, and the next day the ministry spoke.")
    assert ("on Tuesday", dt.date(2022, 5, 10)) in found  # 12 May 2022 was a Thursday
    assert ("late on Thursday", dt.date(2022, 5, 12)) in found
    assert ("the next day", dt.date(2022, 5, 13)) in found


def test_a_day_of_the_week_without_a_dated_top_is_no_date() -> None:
    assert _days("The town fell on Tuesday after a long siege.") == []
