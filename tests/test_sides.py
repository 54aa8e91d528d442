"""Which side an infobox column is on when the page left the column without a name (flag icons
stripped by a scraper): from the lead's `between A and B` / `waged by A against B`, or from
how the prose introduces the column's commanders. Never a guess when the text says nothing."""

from __future__ import annotations

import pytest

from claims.extract import extract_document
from claims.extract.sides import SideResolver
from claims.model import Document
from claims.readers import read_text

BOX = """Battle of Ostrava Ridge
{lead}
Battle of Ostrava Ridge | |||||||
---|---|---|---|---|---|---|---|
Part of the Ridge War | |||||||
| |||||||
Belligerents | |||||||
Volunteers: |
| ||||||
Commanders and leaders | |||||||
Tomas Halvik Petr Oskarsen |
Ivan Dobrev Marek Zelny | ||||||
Strength | |||||||
4,000 |
12,000 | ||||||
Casualties and losses | |||||||
900 killed |
1,500 killed | ||||||

{body}
"""

QUIET_LEAD = "The Battle of Ostrava Ridge was fought in the spring of 1921 near the river."


def page(lead: str = QUIET_LEAD, body: str = "The ridge changed hands twice.") -> Document:
    return read_text(BOX.format(lead=lead, body=body), "ridge.txt")


def side_of(document, quote: str) -> str | None:
    hits = [c for c in extract_document(document) if c.span.quote.startswith(quote)]
    assert hits, f"no claim for {quote!r}"
    return hits[0].side.name if hits[0].side else None


def test_commanders_introduced_with_a_party_name_their_column() -> None:
    document = page(body=(
        "The Armenian commander Tomas Halvik held the ridge for a week. Dobrev, the Azerbaijani "
        "general, attacked at dawn.\nLater the Armenian colonel Oskarsen withdrew, and the "
        "Azerbaijani officer Zelny took the town."
    ))
    resolver = SideResolver(document)
    assert resolver.columns == {1: "Armenia", 2: "Azerbaijan"}
    assert "commanders" in resolver.column_reasons[1]
    assert side_of(document, "900 killed") == "Armenia"
    assert side_of(document, "1,500 killed") == "Azerbaijan"


def test_one_mention_of_a_commander_is_not_enough() -> None:
    document = page(body="The Armenian commander Tomas Halvik held the ridge for a week.")
    assert SideResolver(document).columns == {}
    assert side_of(document, "900 killed") is None


def test_waged_by_a_against_b_orders_the_columns() -> None:
    document = page(lead=(
        "The Battle of Ostrava Ridge was a siege waged by the Republic of Armenia against "
        "Azerbaijan in the spring of 1921."
    ))
    resolver = SideResolver(document)
    assert resolver.columns == {1: "Armenia", 2: "Azerbaijan"}
    assert "waged by Armenia against Azerbaijan" in resolver.column_reasons[1]


def test_between_a_and_b_orders_the_columns() -> None:
    document = page(lead=(
        "The Battle of Ostrava Ridge was fought between the forces of Azerbaijan and Armenia "
        "in the spring of 1921."
    ))
    assert SideResolver(document).columns == {1: "Azerbaijan", 2: "Armenia"}


def sides_in(text: str) -> dict[str, str | None]:
    document = read_text("Intro.\n\n" + text + "\n", "story.txt")
    return {c.span.quote: (c.side.name if c.side else None) for c in extract_document(document)}


def test_the_subject_of_a_loss_verb_governs_every_figure_of_its_clause() -> None:
    assert sides_in("The Armenians lost 18 killed and 64 wounded.") == {"18 killed": "Armenia", "64 wounded": "Armenia"}
    assert sides_in("Azerbaijani casualties numbered 1,376 dead and 408 missing.") == {
        "1,376 dead": "Azerbaijan", "408 missing": "Azerbaijan"}


def test_a_contrast_ends_the_loss_verbs_reach() -> None:
    found = sides_in("Armenia lost 300 men while Azerbaijan reported 40 killed.")
    # not Armenia's: Azerbaijan reporting dead it names no side for reports its own
    assert found["300 men"] == "Armenia" and found["40 killed"] == "Azerbaijan"


def test_the_party_that_did_the_killing_is_not_the_side_of_its_victims() -> None:
    # Two belligerents named in the prose: the agent's opponent is known.
    found = sides_in("Armenian forces shelled the ridge, destroying 12 Azerbaijani tanks.")
    assert found["12 Azerbaijani tanks"] == "Azerbaijan"  # the figure's own words first
    found = sides_in("Armenian forces shelled the ridge overnight, killing at least six people and injuring 22.")
    assert found["at least six people"] is None and found["22"] is None  # never the agent's side


def test_a_party_after_a_preposition_is_no_agent() -> None:
    found = sides_in("A mine exploded near an Armenian army truck, wounding five soldiers.")
    assert found["five soldiers"] == "Armenia"


def test_his_country_is_the_claimants_own_side() -> None:
    found = sides_in("The Armenian president said his country had lost 3,100 troops in the war.")
    assert found["3,100 troops"] == "Armenia"


LISTED = """Battle of Ostrava Ford

Battle of Ostrava Ford
Part of the Ridge War
Date 1–5 May 1921
Location Ostrava Ford
Result Lowland victory
Belligerents
Lowland Union
 Armenia
 Georgia
Azerbaijan
 Turkey
Commanders and leaders
 Tomas Halvik
 Ivan Dobrev
Strength
4,000
12,000
Casualties and losses
900 killed
1,500 killed

{lead}
"""


def column_sides(lead: str) -> dict[str, str | None]:
    document = read_text(LISTED.format(lead=lead), "ford.txt")
    return {c.span.quote: c.side.name for c in extract_document(document) if c.span.quote in ("4,000", "12,000")}


def test_the_lead_splits_belligerents_listed_without_columns_by_party() -> None:
    found = column_sides("The battle was fought between the Lowland Union and Azerbaijani forces in May 1921.")
    assert found == {"4,000": "Lowland Union", "12,000": "Azerbaijan"}


def test_without_a_lead_the_margin_or_else_the_first_and_last_listed_name_the_columns() -> None:
    # Allies indented under the two at the margin: the margin names the columns.
    found = column_sides("The ford changed hands twice.")
    assert found == {"4,000": "Lowland Union", "12,000": "Azerbaijan"}
    # Nothing indented: the first and the last listed.
    flat = LISTED.replace("\n Armenia\n Georgia\n", "\nArmenia\nGeorgia\n").replace("\n Turkey\n", "\nTurkey\n")
    document = read_text(flat.format(lead="The ford changed hands twice."), "ford.txt")
    found = {c.span.quote: c.side.name for c in extract_document(document) if c.span.quote in ("4,000", "12,000")}
    assert found == {"4,000": "Lowland Union", "12,000": "Turkey"}


def test_a_colon_after_a_loss_noun_keeps_its_party() -> None:
    found = sides_in("Armenian losses were heavy: 1,500 men were killed and 3,800 wounded.")
    assert found["1,500 men were killed"] == "Armenia" and found["3,800 wounded"] == "Armenia"


def test_the_subject_that_fields_a_force_is_its_side() -> None:
    found = sides_in("The Azerbaijanis committed three brigades, about 9,000 men, to the counterattack.")
    assert found["about 9,000 men"] == "Azerbaijan"


def test_the_party_the_estimate_puts_at_a_number_not_the_estimator() -> None:
    found = sides_in("Azerbaijani sources estimate Armenian dead at 2,000.")
    assert found["2,000"] == "Armenia"


def test_a_gapped_figure_repeats_the_measure_for_its_own_party() -> None:
    found = sides_in("The Armenians suffered 3,231 casualties and the Azerbaijanis 3,700.")
    assert found["Azerbaijanis 3,700"] == "Azerbaijan" and found["3,231 casualties"] == "Armenia"
    found = sides_in("By the end the Armenians had lost 5,420 men, against 4,340 for the Azerbaijanis.")
    assert found["4,340 for the Azerbaijanis"] == "Azerbaijan"


def test_a_supporter_listed_after_supported_by_names_no_column() -> None:
    box = LISTED.replace("Lowland Union\n Armenia\n Georgia\nAzerbaijan\n Turkey\n",
                         "Armenia\nSupported by:\n Georgia\nAzerbaijan\nSupported by:\n Turkey\n")
    document = read_text(box.format(lead="The ford changed hands twice."), "ford.txt")
    sides = {c.span.quote: c.side.name for c in extract_document(document) if c.span.quote in ("4,000", "12,000")}
    assert sides == {"4,000": "Armenia", "12,000": "Azerbaijan"}


def test_a_party_that_has_a_force_and_their_sides_losses() -> None:
    assert sides_in("The Azerbaijanis had up to 6,000 fighters in the town.")["up to 6,000 fighters"] == "Azerbaijan"
    found = sides_in("Armenian military bloggers estimated their side's losses at around 2,000.")
    assert found["around 2,000"] == "Armenia"


def test_the_verb_before_a_list_of_weapons_governs_each_of_them() -> None:
    document = read_text("Intro.\n\nArmenian troops lost 4,700 personnel, 364 tanks and five aircraft, the general said.\n\n"
                         "Azerbaijani forces destroyed 12 tanks, 30 armoured vehicles and 5 helicopters.\n", "story.txt")
    found = {c.span.quote: c for c in extract_document(document)}
    assert found["364 tanks"].value.lost and found["five aircraft"].value.lost
    assert found["364 tanks"].side.name == found["five aircraft"].side.name == "Armenia"
    assert found["30 armoured vehicles"].value.lost and found["5 helicopters"].value.lost
    assert found["30 armoured vehicles"].side.name != "Azerbaijan"  # never the side that destroyed them


def test_a_ministry_statement_about_the_enemys_losses() -> None:
    text = ("Ministry of Defence of Armenia\n\nBriefing on the operation\n\n"
            "The enemy lost up to 200 servicemen, two tanks and four armoured combat vehicles near the ridge, "
            "where Azerbaijani units were repelled.\n\n"
            "In total, 482 aircraft and 9,213 drones have been destroyed since the beginning of the operation, "
            "the Azerbaijani side's reserves included.\n")
    found = {c.span.quote: c for c in extract_document(read_text(text, "briefing.txt"))}
    assert {found[q].side.name for q in ("up to 200 servicemen", "two tanks", "four armoured combat vehicles")} == {"Azerbaijan"}
    assert found["482 aircraft"].value.lost  # the verb after the list makes each lost


def box_with(belligerents: str, lead: str, units: str = "", body: str = "The ridge changed hands twice.") -> Document:
    text = BOX.format(lead=lead, body=body).replace("Volunteers: |\n| ||||||\n", belligerents)
    if units:
        text = text.replace("Commanders and leaders | |||||||\n", "Units involved | |||||||\n" + units + "Commanders and leaders | |||||||\n")
    return read_text(text, "ridge.txt")


def test_a_column_that_lists_only_supporters_is_the_leads_party_in_its_place() -> None:
    # The belligerents' flags were dropped with their names; what is left are supporters.
    document = box_with("Undeclared: Georgian irregulars |\nWeapons and advisors: Turkey Iran | ||||||\n",
                        "The Battle of Ostrava Ridge was fought between Armenia and Azerbaijan in 1921.")
    resolver = SideResolver(document)
    assert resolver.columns == {1: "Armenia", 2: "Azerbaijan"}
    assert "only supporters" in resolver.column_reasons[2]
    assert side_of(document, "900 killed") == "Armenia"
    assert side_of(document, "1,500 killed") == "Azerbaijan"


def test_a_column_of_a_coalitions_members_is_the_coalition_when_the_text_names_it() -> None:
    named = box_with("Germany Romania Italy |\nSoviet Union | ||||||\n", QUIET_LEAD,
                     body="The Axis armies reached the ridge in August.")
    assert SideResolver(named).columns == {1: "Axis", 2: "Soviet Union"}
    assert side_of(named, "900 killed") == "Axis"
    # Without the coalition in the text, the column keeps its first member's name.
    unnamed = box_with("Germany Romania Italy |\nSoviet Union | ||||||\n", QUIET_LEAD)
    assert SideResolver(unnamed).columns[1] == "Germany"


ONE_NAMED = """Siege of Varna Ford | |||||||
---|---|---|---|---|---|---|---|
Part of the Ford War | |||||||
Belligerents | |||||||
Croatia | |||||||
Commanders and leaders | |||||||
| |||||||
Units involved | |||||||
Serb Volunteer Guard |
Croatian Defence Forces | ||||||
Strength | |||||||
30,000 | 2,000 | ||||||
Casualties and losses | |||||||
900 killed | 1,500 killed | ||||||
The Siege of Varna Ford was a long siege. The Yugoslav army shelled the town. The JNA attacked
twice, and the Yugoslav air force bombed the bridge.
"""


def test_the_only_belligerent_named_takes_the_column_of_its_units() -> None:
    # The other belligerent's flag was dropped; the units say which column Croatia's is.
    document = read_text(ONE_NAMED, "ford.txt")
    resolver = SideResolver(document)
    assert resolver.columns == {1: "Yugoslavia", 2: "Croatia"}
    assert side_of(document, "900 killed") == "Yugoslavia"
    assert side_of(document, "1,500 killed") == "Croatia"


def test_government_troops_are_the_state_at_war_with_a_group() -> None:
    found = sides_in(
        "Separatists of the Luhansk People's Republic shelled the town again. The LPR said 412 government "
        "troops had been killed since May, and the separatists of the LPR claimed the bridge. Ukrainian "
        "officials denied the figure."
    )
    assert found["412 government troops had been killed"] == "Ukraine"


def test_government_names_no_side_when_neither_or_both_parties_are_states() -> None:
    found = sides_in(
        "Russian and Ukrainian officials traded claims. Russia said 90 government troops were killed; "
        "Ukraine denied it."
    )
    assert found["90 government troops were killed"] is None


def test_a_belligerent_reports_its_enemys_surrender_and_its_own_withdrawal() -> None:
    found = sides_in(
        "The siege of the Ukrainian port is over. The Russian Defence Ministry said 1,730 fighters had "
        "surrendered this week, while Ukraine said 311 soldiers had left the plant. Russian officials said "
        "40 of their soldiers were captured."
    )
    assert found["1,730 fighters had surrendered"] == "Ukraine"
    assert found["311 soldiers had left"] == "Ukraine"
    assert found["40 of their soldiers were captured"] == "Russia"


def test_a_surrender_reported_by_no_belligerent_takes_no_side_from_the_claimant() -> None:
    found = sides_in("Reporters at the plant said 85 fighters had surrendered overnight.")
    assert found["85 fighters had surrendered"] is None


EQUIVALENT = """Battle of Sarikam Pass
Battle of Sarikam Pass | |||||||
---|---|---|---|---|---|---|---|
Part of the Caucasus campaign | |||||||
Belligerents | |||||||
Ottoman Empire | Russian Empire | ||||||
Strength | |||||||
90,000 | 78,000 | ||||||
The Battle of Sarikam Pass was fought in the winter. About 25,000 Turkish soldiers froze to death, and
some 3,000 Austrian troops were present.
"""


def test_a_party_that_stands_for_a_belligerent_of_the_page_takes_its_column() -> None:
    found = {c.span.quote: c.side.name for c in extract_document(read_text(EQUIVALENT, "pass.txt"))}
    assert found["About 25,000 Turkish soldiers froze to death"] == "Ottoman Empire"
    assert found["some 3,000 Austrian troops were present"] == "Austria"  # no belligerent of this page


# (sentence, figure's quote starts with, kind, side): encyclopedia phrasings, invented here.
ENCYCLOPEDIA = [
    ("Total Soviet casualties were estimated at 1,129,619.", "1,129,619", "casualties", "Soviet Union"),
    ("Casualties on the Soviet side were 3,000; the Germans lost 1,000.", "1,000", "casualties", "Germany"),
    ("The German army numbered 93,921 men, against 71,699 Soviets.", "71,699 Soviets", "strength", "Soviet Union"),
    ("The Germans lost 4,000 killed, compared with 12,000 Russians.", "12,000 Russians", "casualties", "Russia"),
    ("Estimates of German dead range from 20,000 to 30,000.", "from 20,000 to 30,000", "casualties", "Germany"),
    ("The German garrison of 21,000 was almost entirely destroyed.", "21,000", "strength", "Germany"),
    ("The Wehrmacht committed 300,000 men and 1,500 tanks to the operation.", "1,500 tanks", "equipment", "Germany"),
    ("Casualties: Prussia 2,100 killed and 6,300 wounded; Austria 4,800 killed.", "6,300 wounded", "casualties", "Prussia"),
    ("Soviet figures put German losses at 100,000, but German records show 45,000.", "45,000", "casualties", "Germany"),
    ("The Union Army lost 3,155 killed and 14,529 wounded.", "3,155 killed", "casualties", "United States"),
    ("An Austrian force 15,000 strong held the ridge.", "15,000 strong", "strength", "Austria"),
    ("The Austrian corps of 12,000 arrived at noon.", "12,000", "strength", "Austria"),
    ("About 5,000 Prussian infantry attacked.", "About 5,000 Prussian infantry", "strength", "Prussia"),
    ("The Prussians had 300 KIA and 1,200 WIA.", "1,200 WIA", "casualties", "Prussia"),
    ("The Austrians lost 4,000 killed, wounded or captured.", "4,000 killed, wounded or captured", "casualties", "Austria"),
    ("Casualties: Prussia 2,100 killed and 6,300 wounded; Austria 4,800 killed.", "4,800 killed", "casualties", "Austria"),
]


@pytest.mark.parametrize("sentence,quote,kind,side", ENCYCLOPEDIA)
def test_encyclopedia_phrasings(sentence: str, quote: str, kind: str, side: str) -> None:
    claims = extract_document(read_text("Intro.\n\n" + sentence + "\n", "page.txt"))
    hits = [c for c in claims if c.span.quote.startswith(quote)]
    assert hits, [c.span.quote for c in claims]
    assert (hits[0].kind.value, hits[0].side.name) == (kind, side)


KEY_VALUES = """Battle of Varna Ford

Date: 3–9 March 1878
Location: Varna Ford
Result: Prussian victory
Belligerents: Kingdom of Prussia vs. Austrian Empire
Commanders: Helmuth von Ardt (Prussia); Karl von Leiben (Austria)
Strength: Prussia 42,000; Austria 38,500
Casualties: Prussia 2,100 killed and 6,300 wounded; Austria 4,800 killed and 12,000 captured

The battle was fought between Prussia and Austria.
"""


def test_a_party_opening_a_part_of_a_cell_names_its_figures() -> None:
    found = {c.span.quote: c.side.name for c in extract_document(read_text(KEY_VALUES, "ford.txt"))}
    assert found["42,000"] == "Prussia" and found["38,500"] == "Austria"
    assert found["6,300 wounded"] == "Prussia" and found["12,000 captured"] == "Austria"


def test_a_list_below_continues_no_figure_above_it() -> None:
    text = "Intro.\n\nThe French took 12,000 prisoners.\n\nStrength: Prussia 42,000; Austria 38,500.\n"
    kinds = {c.span.quote: c.kind.value for c in extract_document(read_text(text, "page.txt"))}
    assert "captured" not in [k for q, k in kinds.items() if "38,500" in q]


def test_supporters_on_the_belligerents_line_do_not_rename_the_column() -> None:
    document = box_with("Kingdom of Prussia Supported by: Kingdom of Saxony |\nAustrian Empire | ||||||\n", QUIET_LEAD)
    assert SideResolver(document).columns == {1: "Prussia", 2: "Austria"}


def test_a_weapon_shot_down_is_lost_not_people_shot() -> None:
    claims = extract_document(read_text("Intro.\n\nAir defences said 30 drones were shot down overnight.\n", "s.txt"))
    drones = next(c for c in claims if c.span.quote.startswith("30 drones"))
    assert drones.span.quote == "30 drones were shot down" and drones.value.lost


def test_every_kind_of_loss_at_once_is_all_casualties() -> None:
    claims = extract_document(read_text("Intro.\n\nThe Austrians lost 4,000 killed, wounded or captured.\n", "s.txt"))
    assert [c.value.category.value for c in claims if c.span.quote.startswith("4,000")] == ["casualties"]


@pytest.mark.parametrize("lines", [
    "- Armenia: 300 killed, 20 tanks\n- Azerbaijan: 500 killed",
    "Armenia: 300 killed, 20 tanks\nAzerbaijan: 500 killed",
])
def test_a_party_labelling_a_line_of_losses_is_their_side_not_their_claimant(lines: str) -> None:
    document = read_text("Casualties and losses\n\n" + lines + "\n", "story.md")
    found = {c.span.quote: c for c in extract_document(document)}
    assert {q: c.side.name for q, c in found.items()} == {"300 killed": "Armenia", "20 tanks": "Armenia", "500 killed": "Azerbaijan"}
    assert all(c.attribution.claimant is None for c in found.values())


PAGE_WITH_ALIASES = """Battle of Harrow Creek
Date\t3–5 July 1863
Result\tNorthland victory
Belligerents
Northland (Union)\tSouthland (Rebellion)
Commanders and leaders
Tomas Reyk\tIvo Darrow
Strength
93,921\t71,699

The battle was fought in July 1863. Union casualties were 23,049. Darrow lost as many as 28,000 men.
"""


def test_a_name_in_parentheses_and_a_commanders_surname_stand_for_their_column() -> None:
    found = {c.span.quote: c for c in extract_document(read_text(PAGE_WITH_ALIASES, "page.txt"))}
    assert found["23,049"].side.name == "Northland"  # `Union`, the page's other name for it
    assert found["as many as 28,000 men"].side.name == "Southland"  # its commander lost them


FLATTENED = """Battle of Kessel Ridge
Date
12–19 October 1944
Result
Northland victory
Belligerents
 Northland
 Southland
Strength
 46,000
 21,000
Casualties and losses
 4,200 killed, wounded or missing
 6,300 killed or wounded
 12,000 captured

The battle was fought between Northland and Southland in October 1944. Southland's losses are estimated at 6,300 killed or wounded. Northland fielded 46,000 troops.
"""


def test_a_figure_the_page_states_twice_gives_each_statement_the_others_side() -> None:
    claims = extract_document(read_text(FLATTENED, "page.txt"))
    infobox = {c.span.quote: c.side.name for c in claims if c.rule.startswith("infobox.")}
    # A flattened list gives no column break between `4,200 ...` and `6,300 ...`: the prose
    # says 6,300 is Southland's, and the cells after it in the list are Southland's too.
    assert infobox["4,200 killed, wounded or missing"] == "Northland"
    assert infobox["6,300 killed or wounded"] == "Southland"
    assert infobox["12,000 captured"] == "Southland"


def test_a_bare_number_after_a_sided_figure_counts_the_same_side() -> None:
    found = sides_in("Armenian officials said three of their soldiers were killed in action and 14 were wounded.")
    assert found["14 were wounded"] == found["three of their soldiers were killed in action"] == "Armenia"


UNITS_PAGE = """Battle of Kessel
Date\t12–19 October 1944
Belligerents
Northland\tSouthland
Units involved
3rd Northland Army\tXII Corps
Strength
46,000\t21,000

The 3rd Army lost 6,000 men in the first assault. XII Corps had about 18,000 men at the start of the battle.
"""


def test_a_unit_the_infobox_lists_under_a_column_stands_for_that_side() -> None:
    found = {c.span.quote: c.side.name for c in extract_document(read_text(UNITS_PAGE, "page.txt"))}
    assert found["6,000 men"] == "Northland"  # `3rd Northland Army`, shortened to `3rd Army`
    assert found["about 18,000 men"] == "Southland"


ROLES_PAGE = """Siege of Harrowgate
Date\t12–19 October 1744
Belligerents
Northland\tSouthland
Strength
46,000\t21,000

The siege took place in October 1744, when Northland besieged the Southland fortress of Harrowgate. The defenders lost 2,400 men in the first assault, while the besiegers suffered 4,000 casualties.
"""


def test_attackers_and_defenders_are_the_columns_the_opening_says_attacked_and_defended() -> None:
    found = {c.span.quote: c.side.name for c in extract_document(read_text(ROLES_PAGE, "page.txt"))}
    assert found["2,400 men"] == "Southland"
    assert found["4,000 casualties"] == "Northland"
    # Without an opening that says who attacked, `the defenders` name no side.
    unsaid = ROLES_PAGE.replace("when Northland besieged the Southland fortress of Harrowgate", "near Harrowgate")
    assert {c.span.quote: c.side.name for c in extract_document(read_text(unsaid, "page.txt"))}["2,400 men"] is None


@pytest.mark.parametrize("sentence, quote, side", [
    ("The DPR said it lost 60 fighters.", "60 fighters", "Donetsk People's Republic"),
    ("The DPR admitted 60 fighters killed.", "60 fighters killed", "Donetsk People's Republic"),
    # no admission of its own: the militants fight the one state named
    ("The Armenian army admitted 40 militants were killed.", "40 militants were killed", "insurgents"),
    ("Ukrainian losses: 410 killed according to volunteer researchers.", "410 killed", "Ukraine"),
    ("The DPR denied losing 60 fighters.", "60 fighters", "Donetsk People's Republic"),  # its own, negated
])
def test_a_belligerents_own_losses(sentence: str, quote: str, side: str | None) -> None:
    assert sides_in(sentence)[quote] == side


def test_older_armies_are_counted_in_horse_and_foot_and_in_the_people_a_commander_brings() -> None:
    found = {c.span.quote: c for c in extract_document(read_text(
        "Intro.\n\nThe Austrians mustered 2,000 horse and 8,000 foot. Blücher brought up 50,000 Prussians.\n", "story.txt"))}
    assert {q: (c.kind.value, c.side.name) for q, c in found.items()} == {
        "2,000 horse": ("strength", "Austria"), "8,000 foot": ("strength", "Austria"),
        "50,000 Prussians": ("strength", "Prussia")}


@pytest.mark.parametrize("sentence, quote, side", [
    ("The British landed 3,000 troops at the bay.", "3,000 troops", "United Kingdom"),
    ("Britain dispatched 28,000 troops to the region.", "28,000 troops", "United Kingdom"),
    ("The Prussians could muster only 12,000 infantry.", "12,000 infantry", "Prussia"),
])
def test_the_subject_that_sends_or_musters_a_force_is_its_side(sentence: str, quote: str, side: str) -> None:
    assert sides_in(sentence)[quote] == side


def test_a_loss_verbs_subject_is_in_its_own_clause() -> None:
    found = sides_in("The Russians lost 5,709 men, while allied losses were about 3,300.")
    assert found["5,709 men"] == "Russia"
    assert found["about 3,300"] is None  # `allied`, not the Russians of the clause before


def test_a_claimants_enemy_is_only_read_from_the_text_when_the_claimant_is_one_of_its_two_parties() -> None:
    story = ("Russian forces shelled Kharkiv, Ukraine said. Ukraine reported heavy fighting, and Ukraine's army "
             "held. Syria says it has killed 120 fighters.")
    assert sides_in(story)["120 fighters"] is None
    assert sides_in("Russia and Ukraine fought for the town; Ukraine held it. Russia says it has killed 120 fighters."
                    )["120 fighters"] == "Ukraine"


def test_a_wartime_name_stands_for_its_party_only_against_its_enemy() -> None:
    page = ("Battle of Kessel Creek\n\nBelligerents\nUnited States\tConfederate States\nStrength\n75,000\t60,000\n\n"
            "The battle was fought in 1863. Union casualties were 23,055. The Federals lost 40 guns.\n")
    found = {c.span.quote: c.side.name for c in extract_document(read_text(page, "page.txt"))}
    assert found["23,055"] == "United States" and found["40 guns"] == "United States"
    other_war = page.replace("Confederate States", "Mexico")
    found = {c.span.quote: c.side.name for c in extract_document(read_text(other_war, "page.txt"))}
    assert found["23,055"] is None


def test_the_pages_own_coalition_beats_a_coalition_of_another_war() -> None:
    page = ("Battle of Leuven (1813)\n\nBelligerents\nFrench Empire\tSixth Coalition\nStrength\n160,000\t220,000\n\n"
            "The battle was fought in October 1813. Coalition forces numbered 225,000.\n")
    found = {c.span.quote: c.side.name for c in extract_document(read_text(page, "page.txt"))}
    assert found["225,000"] == "Sixth Coalition"  # not the US-led coalition of 2014


def test_the_armies_of_the_korean_war_by_their_acronyms() -> None:
    found = sides_in("The PVA lost some 2,000 men to artillery, and the KPA 700.")
    assert found["some 2,000 men"] == "China"


def test_the_party_after_of_and_a_modifier_names_the_figure() -> None:
    found = sides_in('The army said it had killed "dozens" of the paramilitary Rapid Support Forces.')
    assert found["dozens"] == "Rapid Support Forces"
