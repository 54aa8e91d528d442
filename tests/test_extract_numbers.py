"""Number words both ways and digit tokens."""

from __future__ import annotations

import pytest

from claims.extract.numbers import find_numbers, parse_digits, parse_number_words, render_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("six thousand", 6000),
        ("three thousand", 3000),
        ("a dozen", 12),
        ("twenty-one", 21),
        ("one hundred and five", 105),
        ("a thousand", 1000),
        ("two hundred thousand", 200_000),
        ("one million", 1_000_000),
        ("seven", 7),
    ],
)
def test_parse_number_words(text: str, value: int) -> None:
    assert parse_number_words(text) == value


@pytest.mark.parametrize("text", ["", "soldiers", "six soldiers", "a"])
def test_parse_number_words_rejects_other_text(text: str) -> None:
    assert parse_number_words(text) is None


@pytest.mark.parametrize(
    ("n", "words"),
    [(0, "zero"), (21, "twenty-one"), (6000, "six thousand"), (1_000_000, "one million"),
     (105, "one hundred five"), (999_999, "nine hundred ninety-nine thousand nine hundred ninety-nine")],
)
def test_render_number(n: int, words: str) -> None:
    assert render_number(n) == words


@pytest.mark.parametrize(("token", "value"), [("1,834", 1834), ("80 000", 80000), ("2600", 2600)])
def test_parse_digits(token: str, value: int) -> None:
    assert parse_digits(token) == value


@pytest.mark.parametrize("text", ["killed 'several hundred' fighters", "killed ‘several hundred’ fighters",
                                  'killed "several hundred" fighters'])
def test_number_words_in_quotation_marks_keep_their_scale(text: str) -> None:
    from claims.extract.numbers import find_numbers

    (found,) = find_numbers(text)
    assert (found.value, found.vague) == (300, True)


def test_a_possessive_is_no_number_word() -> None:
    from claims.extract.numbers import find_numbers

    assert [n.value for n in find_numbers("no one's fault; three died")] == [3]


@pytest.mark.parametrize(("text", "value"), [
    ("12.000 captured", 12_000),          # a dot before each group of three (European copy)
    ("1.200.000 men", 1_200_000),
    ("1,2 million dead", 1_200_000),      # a decimal comma before a scale word
    ("1.5 million dead", 1_500_000),
    ("2.500 million", 2_500_000),         # a scale word after: the dot is a decimal point
    ("3k prisoners", 3_000),
])
def test_digits_as_other_copy_writes_them(text: str, value: int) -> None:
    assert [n.value for n in find_numbers(text)][:1] == [value]


def test_a_part_of_a_counted_whole_counts_what_the_whole_counts() -> None:
    from claims.extract.figures import read_figures
    from claims.model import Category

    text = "Air defences shot down 31 of 40 drones. In 1995 of 2,000 men only 300 returned."
    found = {text[f.start:f.end]: f.category for f in read_figures(text, 0, len(text))}
    assert found["31"] is found["40 drones"] is Category.DRONES  # both stay figures
    assert "1995" not in found  # a year before `of`, not a part


def test_the_modifiers_of_a_noun_before_of_name_whose_the_figure_is() -> None:
    from claims.extract.figures import read_figures
    from claims.model import Category

    text = "Soviet historians later claimed German losses of 30,000."
    (figure,) = read_figures(text, 0, len(text))
    assert figure.category is Category.CASUALTIES
    assert [party for _, _, party in figure.party_mentions] == ["Germany"]


def test_ships_older_arms_and_fighters_of_other_wars_are_counted() -> None:
    from claims.extract.figures import read_figures

    cases = {
        "2 battleships and 3 aircraft carriers were sunk": ["ships", "ships"],
        "14 U-boats were lost": ["ships"],
        "300 chariots and 5 zeppelins": ["vehicles", "aircraft"],
        "2,000 auxiliaries and 4,000 seamen": ["troops", "troops"],
        "12 Kurdish peshmerga": ["troops"],
        "1,500 men were put hors de combat": ["casualties"],
    }
    for text, categories in cases.items():
        assert [f.category.value for f in read_figures(text, 0, len(text))] == categories, text


def test_a_toll_that_rises_passes_or_tops_a_number_and_a_long_phrase_before_its_verb() -> None:
    from claims.extract.figures import read_figures

    cases = {
        "Death toll from Varna strike rises to 46": ("killed", "exact"),
        "The toll passed 300 on Monday.": ("killed", "at_least"),
        "The death toll from Saturday's missile strike on an apartment block in Varna had risen to 46.": ("killed", "exact"),
    }
    for text, (category, qualifier) in cases.items():
        (figure,) = read_figures(text, 0, len(text))
        assert (figure.category.value, figure.qualifier.value) == (category, qualifier), text


def test_parties_of_other_wars_are_known() -> None:
    from claims.lexicon import lexicon

    lx = lexicon()
    expected = {"Emirati": "United Arab Emirates", "FARDC": "Congo", "Fano": "Fano", "ISWAP": "ISWAP",
                "Tigrayan": "Tigray forces", "KLA": "Kosovo Liberation Army", "Sandinistas": "Sandinistas",
                "Burkinabe": "Burkina Faso", "Nigerien": "Niger", "Nigerian": "Nigeria"}
    assert {w: lx.party_of(w) for w in expected} == expected


def test_a_page_cited_after_a_footnote_is_no_figure() -> None:
    from claims.extract.figures import read_figures

    text = "400–600 killed[3]:p. 45; 1,115[6]:p.224 wounded; see p. 12"
    assert [(f.low, f.high) for f in read_figures(text, 0, len(text), field=True)] == [(400, 600), (1115, 1115)]


def test_a_scale_after_a_ranges_end_is_its_starts_and_m_is_million() -> None:
    from claims.extract.figures import read_figures

    text = "Soviet losses range from 8.7 to 11 million military deaths. About 1.5m people fled. A 5m wall fell."
    assert [(f.low, f.high) for f in read_figures(text, 0, len(text))] == [(8_700_000, 11_000_000), (1_500_000, 1_500_000)]
