"""Accuracy rules of the extractor, each on a small hand-written document.

- the side a figure is about never comes from its own attribution;
- equipment lost is told apart from equipment held;
- only decisive outcome sentences that name a side become EVENT claims;
- a date label in an infobox cell is the as-of date of the figures after it;
- a note closing an infobox list covers the list (inherited), competing estimates share a category.
"""

from __future__ import annotations

import datetime as dt

from claims.extract import extract_document
from claims.model import Category, Kind, Outcome, Quantity
from claims.readers import read_text
from claims.reconcile import reconcile


def extract(text: str):
    document = read_text(text, "doc.txt")
    return document, extract_document(document)


def find(claims, quote: str, kind: Kind | None = None):
    hits = [c for c in claims if c.span.quote == quote and (kind is None or c.kind is kind)]
    assert hits, (quote, [c.span.quote for c in claims])
    return hits[0]


def quotes(claims, kind: Kind) -> list[str]:
    return [c.span.quote for c in claims if c.kind is kind]


# --- 1. The side a figure is about, not the side that says it --------------------------------

SIDES = """= Battle of Foo =

Infobox
- Combatant1: Chechen Republic of Ichkeria
- Combatant2: Russia
- Date: December 1994 – March 1995
- Result: Russian victory
- Casualties1: 3,000 killed (Chechen estimate) 2,500-2,700 (Russian official data)
- Casualties2: 12 Russian KIA
- Casualties3: 1,600 people killed according to South Ossetian sources, about 100 people killed according to the Georgians

==Battle==
About 300 people were killed according to Georgian officials. According to the Russian side, 40 Azerbaijani soldiers were killed.
The total Ossetian fatalities became six.
"""


def test_side_is_not_taken_from_the_claimant_in_an_infobox_cell() -> None:
    _, claims = extract(SIDES)
    russian_data = find(claims, "2,500-2,700 (Russian official data)")
    # The column's side is the party its belligerent text names.
    assert russian_data.side.column == 1 and russian_data.side.name == "Chechnya"
    assert "Chechen Republic of Ichkeria" in russian_data.side.reason
    assert russian_data.attribution.claimant_side == "Russia"
    chechen = find(claims, "3,000 killed (Chechen estimate)")
    assert chechen.side.column == 1 and "figure names" not in (chechen.side.reason or "")
    for quote, says in (("1,600 people killed according to South Ossetian sources", "South Ossetia"),
                        ("about 100 people killed according to the Georgians", "Georgia")):
        c = find(claims, quote)
        assert c.side.name is None and c.side.column is None, c.side
        assert c.attribution.claimant_side == says


def test_side_from_the_figure_itself() -> None:
    _, claims = extract(SIDES)
    assert find(claims, "12 Russian KIA").side.name == "Russia"
    assert find(claims, "40 Azerbaijani soldiers were killed").side.name == "Azerbaijan"
    # `Ossetian fatalities became six`: the noun phrase before the number is the figure's own.
    assert find(claims, "six", Kind.CASUALTIES).side.name == "South Ossetia"


def test_side_is_not_taken_from_the_claimant_in_prose() -> None:
    _, claims = extract(SIDES)
    c = find(claims, "About 300 people were killed")
    assert c.side.name is None
    assert c.attribution.claimant == "Georgian officials" and c.attribution.claimant_side == "Georgia"


def test_competing_estimates_share_what_they_count() -> None:
    _, claims = extract(SIDES)
    value = find(claims, "2,500-2,700 (Russian official data)").value
    assert isinstance(value, Quantity) and value.category is Category.KILLED


# --- 2. Equipment held against equipment lost --------------------------------------------

EQUIPMENT = """= Siege of Bar =

Infobox
- Combatant1: Northland
- Combatant2: Southland
- Strength1: 50,000 soldiers, 600 tanks and APC's
- Casualties1: 6,000 soldiers killed, around 400 tanks and APC's destroyed, 110 tanks and armoured vehicles

==Siege==
The Northland army brought 17 tanks into battle. In the first week the Northland army lost 12 tanks, and the defenders knocked out 5 armoured vehicles.
"""


def lost(claims, quote: str) -> bool:
    value = find(claims, quote).value
    assert isinstance(value, Quantity)
    return value.lost


def test_equipment_lost_or_held() -> None:
    _, claims = extract(EQUIPMENT)
    assert not lost(claims, "600 tanks and APC's")
    assert lost(claims, "around 400 tanks and APC's destroyed")
    assert lost(claims, "110 tanks and armoured vehicles")  # a Casualties field counts losses
    assert not lost(claims, "17 tanks")
    assert lost(claims, "12 tanks")  # `lost 12 tanks`
    assert lost(claims, "5 armoured vehicles")  # `knocked out 5 armoured vehicles`
    assert not lost(claims, "50,000 soldiers")


def test_holdings_are_not_compared_with_losses() -> None:
    document, claims = extract(EQUIPMENT)
    found = [k for k in reconcile([document], claims) if k.outcome is Outcome.CONFLICT]
    held = find(claims, "600 tanks and APC's").id
    assert not any(held in k.claims for k in found), [k.explanation for k in found]


def test_losses_are_compared_with_losses() -> None:
    document, claims = extract(EQUIPMENT.replace("110 tanks and armoured vehicles", "110 tanks and armoured vehicles (Southland claim)"))
    found = [k for k in reconcile([document], claims) if k.outcome is Outcome.CONFLICT]
    pair = {find(claims, "around 400 tanks and APC's destroyed").id,
            find(claims, "110 tanks and armoured vehicles (Southland claim)").id}
    assert any(pair <= set(k.claims) for k in found), [k.explanation for k in found]


# --- 3. Outcome claims: decisive and with a named side -----------------------------------

OUTCOMES = """= Baz operation =

Infobox
- Combatant1: Armenia
- Combatant2: Azerbaijan
- Date: April – May 1994
- Result: Armenian victory

==Course==
They were able to cut off the Vardenis–Martakert road. The Armenian forces were able to regroup and launch a counter-offensive.
They also managed to advance in the direction of Goranboy. Despite local successes, the Armenian troops failed to achieve their goals.
Several settlements came under the control of the Armenians. The Azerbaijani forces were able to retreat to their original positions.
They withdrew in the night.
"""


def test_only_decisive_outcomes_with_a_named_side() -> None:
    _, claims = extract(OUTCOMES)
    events = {c.span.quote: c for c in claims if c.kind is Kind.EVENT}
    assert set(events) == {
        "the Armenian troops failed to achieve their goals",
        "Several settlements came under the control of the Armenians",
        "The Azerbaijani forces were able to retreat to their original positions",
    }
    assert events["the Armenian troops failed to achieve their goals"].side.name == "Armenia"
    assert events["Several settlements came under the control of the Armenians"].side.name == "Armenia"
    assert all(c.rule == "prose.outcome" for c in events.values())


def test_result_against_body_still_sees_the_outcome() -> None:
    document, claims = extract(OUTCOMES)
    (k,) = [k for k in reconcile([document], claims) if k.rule == "R-RESULT-BODY"]
    failed = find(claims, "the Armenian troops failed to achieve their goals", Kind.EVENT)
    assert failed.id in k.claims


# --- 4. As-of labels in an infobox cell ----------------------------------------------------

AS_OF = """= Battle of Qux =

Infobox
- Combatant1: Russia
- Combatant2: Chechnya
- Date: 11 December 1994 – 8 February 1995
- Strength1: 60,000 (est.) December 31: 38,000 men total (6,000–10,000 entering Qux)
- Strength2: (January 1995) 3,000 fighters, 500 (February 1995)

==Battle==
The battle began in December.
"""


def test_a_date_label_is_the_as_of_date_of_the_figures_after_it() -> None:
    _, claims = extract(AS_OF)
    assert find(claims, "60,000 (est.)").value.as_of is None
    for quote in ("38,000 men", "6,000–10,000"):
        as_of = find(claims, quote).value.as_of
        assert as_of is not None and as_of.earliest == as_of.latest == dt.date(1994, 12, 31), (quote, as_of)
        assert as_of.year_inferred
    january = find(claims, "3,000 fighters").value.as_of
    assert january is not None and (january.earliest, january.latest) == (dt.date(1995, 1, 1), dt.date(1995, 1, 31))
    february = find(claims, "500 (February 1995)").value.as_of  # its own note wins over the label
    assert february is not None and february.earliest == dt.date(1995, 2, 1)


def test_no_label_year_without_any_year_in_the_document() -> None:
    text = "= Battle of Qux =\n\nInfobox\n- Combatant1: Russia\n- Strength1: December 31: 38,000 men\n"
    _, claims = extract(text)
    assert find(claims, "38,000 men").value.as_of is None


# --- 5. Notes and sizes --------------------------------------------------------------------

NOTES = """= Battle of Quux =

Infobox
- Combatant1: Russia
- Combatant2: Chechnya
- Date: December 1994
- Casualties1: 1,426 killed 4,670 wounded 96 captured (official figure)
- Casualties2: 6,900 killed 471 captured (Russian claim)

==Tactics==
Chechen units were organized into combat groups, typically composed of around twenty personnel.
"""


def test_a_note_closing_the_list_covers_it_as_inherited() -> None:
    _, claims = extract(NOTES)
    killed = find(claims, "6,900 killed")
    assert killed.attribution.claimant == "Russian claim" and killed.attribution.inherited
    captured = find(claims, "471 captured (Russian claim)")
    assert captured.attribution.claimant == "Russian claim" and not captured.attribution.inherited
    # `(official figure)` is a hedge, not a claimant: nothing to carry.
    assert find(claims, "1,426 killed").attribution.claimant is None


def test_the_typical_size_of_a_unit_is_not_a_strength() -> None:
    _, claims = extract(NOTES)
    assert not any("twenty" in q for q in quotes(claims, Kind.STRENGTH))


def test_forces_entering_the_battles_place_are_a_part_not_a_rival_count() -> None:
    document, claims = extract(AS_OF)
    total, entering = find(claims, "38,000 men").id, find(claims, "6,000–10,000").id
    # A part (the forces entering the city) is another quantity than the whole: never compared.
    assert not [k for k in reconcile([document], claims) if {total, entering} <= set(k.claims)]
    from claims.reconcile import build_context
    from claims.reconcile.scopes import scope

    ctx = build_context([document], claims)
    assert "entering" in scope(ctx.claims[entering], ctx) and "entering" not in scope(ctx.claims[total], ctx)


def test_a_combatant_named_as_claimant_is_a_belligerent() -> None:
    _, claims = extract(
        "= Battle of Karst =\n\nInfobox\n- Combatant1: Northland\n- Combatant2: Velmar Guard\n"
        "- Casualties1: 40 killed\n\nAccording to the Velmar Guard, 300 soldiers were killed on the ridge.\n"
    )
    claim = find(claims, "300 soldiers were killed")
    assert claim.attribution.claimant == "the Velmar Guard"
    assert claim.attribution.claimant_class.value == "belligerent"
    assert claim.attribution.claimant_side == "Velmar Guard"


def test_footnote_markers_become_the_reference_of_the_claims_they_follow() -> None:
    _, claims = extract(
        "Battle of Karst | |||||||\n---|---|---|---|\nStrength | |||||||\n"
        "~ 80 000 soldiers[1] | 1,800 soldiers | ||||||\n"
        "The town was held by around 1,800 lightly armed soldiers against 36,000 others.[4][5] "
        "Later 300 men were killed[7]. Nobody counted the 40 wounded.\n"
    )
    assert find(claims, "~ 80 000 soldiers").attribution.reference == "[1]"
    assert find(claims, "1,800 soldiers").attribution.reference is None
    assert find(claims, "around 1,800 lightly armed soldiers").attribution.reference == "[4][5]"
    assert find(claims, "300 men were killed").attribution.reference == "[7]"
    assert find(claims, "40 wounded").attribution.reference is None


def test_prose_figures_take_the_side_of_a_belligerent_the_lexicon_does_not_know() -> None:
    _, claims = extract(
        "Battle of Karsk Ford\n\nBattle of Karsk Ford\nDate\t3–7 March 2019\nBelligerents\n"
        "Republic of Dresk\tNorthern Front\nCasualties and losses\n300 killed\t120 killed\n\n"
        "The fighting lasted five days. The Northern Front claimed that at least 1,000 Dresk soldiers had died. "
        "Observers said 150 Northern Front fighters were killed. A Velmar brigade lost 40 soldiers.\n"
    )
    dresk = find(claims, "at least 1,000 Dresk soldiers had died")
    assert (dresk.side.column, dresk.side.name) == (1, "Republic of Dresk")
    assert "Dresk" in (dresk.side.reason or "")
    front = [c for c in claims if c.span.quote.startswith("150")]
    assert front and (front[0].side.column, front[0].side.name) == (2, "Northern Front")
    # A name no column gives stays without a side.
    assert find(claims, "40 soldiers").side.column is None
