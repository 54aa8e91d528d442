"""Figures with their bounds, category, as-of date and what is never a figure."""

from __future__ import annotations

import pytest

from claims.extract.quantities import find_quantities
from claims.model import Category, Kind, Population, Qualifier


def one(text: str, field_key: str | None = None):
    found = find_quantities(text, field_key=field_key)
    assert len(found) == 1, [text[q.start:q.end] for q in found]
    q = found[0]
    return q, text[q.start:q.end]


@pytest.mark.parametrize(
    ("text", "key", "low", "high", "qualifier", "category", "kind"),
    [
        ("~4,000 servicemen killed", "Casualties", 4000, 4000, Qualifier.APPROX, Category.KILLED, Kind.CASUALTIES),
        ("more than six thousand servicemen were killed", None, 6000, None, Qualifier.AT_LEAST, Category.KILLED, Kind.CASUALTIES),
        ("Up to 2,000 servicemen", None, None, 2000, Qualifier.AT_MOST, Category.TROOPS, Kind.STRENGTH),
        ("35–58 killed", "Casualties", 35, 58, Qualifier.RANGE, Category.KILLED, Kind.CASUALTIES),
        ("1,000+", "Strength", 1000, None, Qualifier.AT_LEAST, Category.TROOPS, Kind.STRENGTH),
        ("≈500 missing", "Casualties", 500, 500, Qualifier.APPROX, Category.MISSING, Kind.CASUALTIES),
        ("60,000 (est.)", "Strength", 60000, 60000, Qualifier.APPROX, Category.TROOPS, Kind.STRENGTH),
        ("6-8,000 soldiers killed", "Casualties", 6000, 8000, Qualifier.RANGE, Category.KILLED, Kind.CASUALTIES),
        ("~ 80 000 - 100 000 soldiers[1]", "Strength", 80000, 100000, Qualifier.RANGE, Category.TROOPS, Kind.STRENGTH),
        ("62 tanks destroyed", "Casualties", 62, 62, Qualifier.EXACT, Category.TANKS, Kind.EQUIPMENT),
        ("96 captured (official figure)", "Casualties", 96, 96, Qualifier.EXACT, Category.CAPTURED, Kind.CAPTURED),
        ("50,000 Azerbaijanis displaced", "Casualties", 50000, 50000, Qualifier.EXACT, Category.DISPLACED, Kind.DISPLACED),
        ("Killed: 169", "Casualties", 169, 169, Qualifier.EXACT, Category.KILLED, Kind.CASUALTIES),
        ("over three thousand soldiers of the 701st Division", None, 3000, None, Qualifier.AT_LEAST, Category.TROOPS, Kind.STRENGTH),
        ("killing four Ossetians", None, 4, 4, Qualifier.EXACT, Category.KILLED, Kind.CASUALTIES),
        # A model designation makes `fighters` aircraft; without one they are people.
        ("two MiG-29 fighters were shot down", None, 2, 2, Qualifier.EXACT, Category.AIRCRAFT, Kind.EQUIPMENT),
        ("about 300 fighters defended the town", None, 300, 300, Qualifier.APPROX, Category.TROOPS, Kind.STRENGTH),
        ("2 Su-25", "Strength", 2, 2, Qualifier.EXACT, Category.AIRCRAFT, Kind.EQUIPMENT),
        ("5 T-72 lost", "Casualties", 5, 5, Qualifier.EXACT, Category.TANKS, Kind.EQUIPMENT),
        # Residents who remain are a population, not a force.
        ("about 150,000 residents remained in the city", None, 150000, 150000, Qualifier.APPROX, Category.PEOPLE, Kind.OTHER),
        # Predicates after the noun phrase, over a prepositional phrase; nouns before the number.
        ("at least 25 soldiers were among the dead", None, 25, None, Qualifier.AT_LEAST, Category.KILLED, Kind.CASUALTIES),
        ("600 of its soldiers remain in captivity", None, 600, 600, Qualifier.EXACT, Category.CAPTURED, Kind.CAPTURED),
        ("71 fighters from both sides died in clashes", None, 71, 71, Qualifier.EXACT, Category.KILLED, Kind.CASUALTIES),
        ("the battle cost the lives of 1,500 soldiers", None, 1500, 1500, Qualifier.EXACT, Category.KILLED, Kind.CASUALTIES),
        ("of the dead, 30 were aid workers", None, 30, 30, Qualifier.EXACT, Category.KILLED, Kind.CASUALTIES),
        ("the number of civilians killed could be as high as 40,000", None, None, 40000, Qualifier.AT_MOST,
         Category.KILLED, Kind.CASUALTIES),
        ("a further 12,000 were taken prisoner", None, 12000, 12000, Qualifier.EXACT, Category.CAPTURED, Kind.CAPTURED),
        # prisoners freed in an exchange were captured all the same
        ("211 of its soldiers were released in the exchange", None, 211, 211, Qualifier.EXACT, Category.CAPTURED,
         Kind.CAPTURED),
        ("90 servicemen were handed back", None, 90, 90, Qualifier.EXACT, Category.CAPTURED, Kind.CAPTURED),
        ("the historian put total losses on both sides at over 90,000", None, 90000, None, Qualifier.AT_LEAST,
         Category.CASUALTIES, Kind.CASUALTIES),
        ("the army admitted the loss of 12 soldiers", None, 12, 12, Qualifier.EXACT, Category.CASUALTIES, Kind.CASUALTIES),
        ("the losses of the army in the northern sector amounted to up to 200 servicemen", None, None, 200,
         Qualifier.AT_MOST, Category.CASUALTIES, Kind.CASUALTIES),
    ],
)
def test_figures(text, key, low, high, qualifier, category, kind) -> None:
    q, _ = one(text, key)
    assert (q.low, q.high, q.qualifier, q.category, q.kind) == (low, high, qualifier, category, kind)


def test_a_verb_with_an_object_the_lexicon_does_not_list_counts_no_casualties() -> None:
    assert find_quantities("the strike destroyed 40 homes") == []
    # a target the lexicon lists is counted as what it is, never as casualties
    assert [q.category for q in find_quantities("the strike destroyed 9 fighting positions")] == [Category.POSITIONS]
    found = find_quantities("shelling killed 12 and injured dozens more")
    assert [q.category for q in found] == [Category.KILLED, Category.WOUNDED]  # `and` begins no object


def test_as_of_and_increment() -> None:
    q, quote = one("3,500 servicemen (December 1993)", "Strength")
    assert quote == "3,500 servicemen (December 1993)"
    assert q.as_of is not None and q.as_of.earliest.isoformat() == "1993-12-01"
    q, quote = one("+2,000 servicemen (February 1994)", "Strength")
    assert q.increment and q.low == 2000 and quote.startswith("+2,000")
    assert q.as_of.earliest.isoformat() == "1994-02-01"


def test_claimant_notes_beside_a_figure() -> None:
    q, _ = one("6,000 (CRI claim)", "Strength")
    assert q.claimant == "CRI claim"
    q, _ = one("1,600 people killed according to South Ossetian sources", "Casualties")
    assert q.claimant == "South Ossetian sources"


def test_population() -> None:
    q, _ = one(">25,000+ civilians killed", "Casualties")
    assert q.population == Population.CIVILIAN and q.qualifier == Qualifier.AT_LEAST


@pytest.mark.parametrize(
    "text",
    [
        "In 1994 the war went on.",
        "the 83rd motorized rifle brigade attacked",
        "the 701st brigade",
        "Croats were 43.8% of the town",
        "as noted.[12] Then",
        "a T-72 and a Mi-8",
        "at 8:00 am",
        "about 25 km from Gori",
        "it lasted 3 months",
        "one of the commanders",
        "between 1994–1995 the war",
    ],
)
def test_never_figures(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize("text", ["The Battle of Hill 4012 was fought in 1951.", "They held Height 776 for a week.",
                                  "Convoys used Route 66 until the thaw.", "Flight 17 was shot down."])
def test_a_number_in_a_name_is_no_figure(text: str) -> None:
    assert [q for q in find_quantities(text) if q.low in (4012, 776, 66, 17)] == []
