"""Attribution as relations of source, cue and content, sentence by sentence and across them.

Every sentence here is written for the test (none comes from a corpus). Each case names the
figure and who must be its claimant (None: the document's own voice; an unnamed source is
its own words, of class `unnamed`).
"""

from __future__ import annotations

import pytest

from claims.extract import extract_document
from claims.model import ClaimantClass, Kind
from claims.readers import read_text

FIGURE_KINDS = {Kind.CASUALTIES, Kind.STRENGTH, Kind.EQUIPMENT, Kind.CAPTURED, Kind.DISPLACED}


def figures(text: str):
    document = read_text(text, "story.txt")
    return [c for c in extract_document(document) if c.kind in FIGURE_KINDS]


def claimant_of(text: str, number: str) -> str | None:
    hits = [c for c in figures(text) if number in c.span.quote]
    assert hits, (number, [c.span.quote for c in figures(text)])
    return hits[0].attribution.claimant


# (text, number, expected claimant). The first line of each text is a headline unless the text
# has only one line; one figure is checked per case.
SENTENCES = [
    # a news agency's slug before the headline is no part of its source
    ("UPDATE 2-Russia says 300 Ukrainian soldiers killed near the river\n\nFighting went on.", "300", "Russia"),
    # the source a reporter cites is the claimant, before the reporter or after it
    ("Intro.\n\nCiting the defence ministry, Reuters reported that 42 soldiers died.", "42", "the defence ministry"),
    # source before, content after
    ("Intro.\n\nThe Northern Front said it had destroyed 46 tanks.", "46", "The Northern Front"),
    ("Intro.\n\nThe defence ministry said on Tuesday that 312 soldiers were killed.", "312", "The defence ministry"),
    ("Intro.\n\nGeneral Anton Varga told reporters that 80 fighters had surrendered.", "80", "General Anton Varga"),
    ("Intro.\n\nThe army has claimed that 1,200 rebels were killed in the offensive.", "1,200", "The army"),
    ("Intro.\n\nHuman Rights Watch documented at least 140 deaths in the city.", "140", "Human Rights Watch"),
    # a noun that is also a cue verb inside the source (`state`, `report`)
    ("Intro.\n\nState television reported that 300 rebels had surrendered.", "300", "State television"),
    ("Intro.\n\nOstlandic state media said 300 rebels had surrendered.", "300", "Ostlandic state media"),
    ("Intro.\n\nThe monitoring group estimated that some 900 civilians fled.", "900", "The monitoring group"),
    ("Intro.\n\nThe press secretary of the Defence Ministry of Ostland, Ivan Petrov, said 55 soldiers were wounded.",
     "55", "Ivan Petrov"),
    # content before, source after
    ("Intro.\n\nAt least 30 people were killed in the strike, the health ministry said.", "30", "the health ministry"),
    ("Intro.\n\nSome 400 troops were captured, said a spokesman for the rebels.", "400", "a spokesman for the rebels"),
    ("Intro.\n\n“We lost 17 men in the assault,” Colonel Hana Brodt said.", "17", "Colonel Hana Brodt"),
    ("Intro.\n\n“Around 60 tanks were destroyed,” the Western Command said in a statement.", "60", "the Western Command"),
    # prepositions
    ("Intro.\n\nAccording to the Red Cross, 2,000 people were displaced.", "2,000", "the Red Cross"),
    ("Intro.\n\n3,400 civilians have fled the town, according to the United Nations.", "3,400", "the United Nations"),
    ("Intro.\n\nThe toll rose to 71, citing figures from the local hospital.", "71", "the local hospital"),
    ("Intro.\n\nBy the army's count, 250 insurgents were killed.", "250", "the army's count"),
    # coordination and contrast: each figure to its own source
    ("Intro.\n\nThe Northern Front said it had destroyed 46 tanks, while the defence ministry put its own losses at 300 killed.",
     "46", "The Northern Front"),
    ("Intro.\n\nThe Northern Front said it had destroyed 46 tanks, while the defence ministry put its own losses at 300 killed.",
     "300", "the defence ministry"),
    ("Intro.\n\nRebels claimed 90 soldiers died, but the government said only 12 were killed.", "12", "the government"),
    # pronouns and definite sources
    ("Intro.\n\nThe Eastern Observatory reported fighting near the bridge. It said 58 fighters were killed.",
     "58", "The Eastern Observatory"),
    ("Intro.\n\nCommander Ilya Soren spoke in the evening. He claimed 20 enemy tanks were destroyed.", "20", "Ilya Soren"),
    # headlines
    ("Rights group: more than 600 killed in fight for Dorva\n\nFighting went on.", "600", "Rights group"),
    # unnamed sources are their own words (class `unnamed`, with the hedge)
    ("Intro.\n\nOfficials said 30 people were killed.", "30", "Officials"),
    ("Intro.\n\nAccording to some sources, 300 soldiers died.", "300", "some sources"),
    ("Intro.\n\nAbout 50 people were reportedly killed.", "50", None),
    # the document's own voice
    ("Intro.\n\nThe town had a garrison of 2,000 troops before the war.", "2,000", None),
    # addressees, relative clauses, participles after the main verb, adverbials
    ("Intro.\n\nMore than 500 civilians have been killed, the city's mayor, Vadym Orel, told the BBC.", "500", "Vadym Orel"),
    ("Intro.\n\nThe interior ministry, which oversees the police, said 8 officers had been killed.", "8", "The interior ministry"),
    ("Intro.\n\nThe fighting has displaced some 45,000 people, the UN said in a statement on Friday, adding that "
     "300 civilians had been killed.", "300", "the UN"),
    ("Intro.\n\nAccording to the UN refugee agency UNHCR, some 1.2 million people have crossed into neighbouring "
     "countries.", "1.2 million", "the UN refugee agency UNHCR"),
    ("Intro.\n\nThe rebels claimed they had captured 200 government soldiers, but the defence ministry denied the claim.",
     "200", "The rebels"),
    ("Intro.\n\nSeparately, 12 civilians died when a shell hit a bus, witnesses said.", "12", "witnesses"),
    # a relayed source: the original claimant, not the outlet that cites it
    ("Intro.\n\nThe Daily Courier, citing Western and Lowland sources, reported that 900 soldiers were captured.",
     "900", "Western and Lowland sources"),
    ("Intro.\n\nUp to 900 militants have been killed, the top commander, Gen. Jon Vale, said.", "900", "Gen. Jon Vale"),
    # a plural possessive before the head (`the rebels' media wing`)
    ("Intro.\n\nThe rebels' media wing claimed its fighters had killed more than 50 soldiers.", "50",
     "The rebels' media wing"),
    # how the statement was published is neither a second source nor content
    ("Intro.\n\nThe group said in a statement posted online that two of its commanders were among those killed.",
     "two", "The group"),
    # a head with a prepositional phrase after it
    ("Intro.\n\nThe health ministry in the enclave said at least 112 people were killed.", "112",
     "The health ministry in the enclave"),
    # the agent of a tally, not the tally; a participle clause after the source is no part of it
    ("Intro.\n\nAt least 45 people have been killed, according to a tally by the Valley Monitor based on hospital records.",
     "45", "the Valley Monitor"),
    # `X was quoted by Y as saying`: X speaks, Y relays
    ("Intro.\n\nRebel leader Anton Marr was quoted by the Ostland news agency as saying his forces had destroyed 14 tanks.",
     "14", "Rebel leader Anton Marr"),
    # a source after the content, then a contrast with a second source
    ("Intro.\n\nSome 400 soldiers were wounded, the Joint Command said on Sunday, while the Lowland side put the toll "
     "at more than 700.", "400", "the Joint Command"),
    ("Intro.\n\nSome 400 soldiers were wounded, the Joint Command said on Sunday, while the Lowland side put the toll "
     "at more than 700.", "700", "the Lowland side"),
    # a source after the content, with circumstances after the cue
    ("Intro.\n\nUkrainian forces killed 230 invaders, group spokesperson Dana Lyk said on the air of the national telethon.",
     "230", "group spokesperson Dana Lyk"),
    ("Intro.\n\nOver 1,000 soldiers were killed, Marr wrote on his Facebook page.", "1,000", "Marr"),
    ("Intro.\n\nSome 40 civilians were killed in the strike, Lt. Gen. Omar al-Saadi told the agency by telephone "
     "from the front line.", "40", "Lt. Gen. Omar al-Saadi"),
    ("Intro.\n\nAt least 300 militants were killed, the Joint Command said in a statement carried by state media.",
     "300", "the Joint Command"),
    # `found`, `concluded`; a statement or report `from`/`by` X is X's; a possessive before a cue noun
    ("Intro.\n\nThe parliamentary commission found that 366 soldiers had been killed.", "366",
     "The parliamentary commission"),
    ("Intro.\n\nThe inquiry concluded that at least 1,000 soldiers died during the retreat.", "1,000", "The inquiry"),
    ("Intro.\n\nAccording to a statement from the Joint Command, 250 militants were killed.", "250", "the Joint Command"),
    ("Intro.\n\nAccording to the commission's report, 459 soldiers died.", "459", "the commission"),
    # giving a figure is stating it
    ("Intro.\n\nBritish historian John Keel gives 1,200 British dead in the battle.", "1,200",
     "British historian John Keel"),
    # a tally compiled by X; a toll that could be as high as N
    ("Intro.\n\nAt least 2,700 civilians have been killed, according to a tally compiled by the Valley Monitor.",
     "2,700", "the Valley Monitor"),
    ("Intro.\n\nThe number of civilians killed could be as high as 40,000, a senior Lowland official told the BBC.",
     "40,000", "a senior Lowland official"),
    # the speaker, not the agency that relays the statement after it; an inverted source goes on adding
    ("Intro.\n\nOstland lost 400 soldiers in the assault, Defence Minister Ivo Tarn said, according to the Valley Courier.",
     "400", "Defence Minister Ivo Tarn"),
    ("Intro.\n\nAround 80 civilians were killed, said Ivo Tarn, the head of the regional administration, adding that "
     "200 were wounded.", "200", "Ivo Tarn"),
    # a headline that ends with its source
    ("Ostland lost 4,700 troops at the ford, Lowland claims\n\nFighting went on.", "4,700", "Lowland"),
    # `According to him`: the pronoun points back to the person named before
    ("Intro.\n\nThe chief prosecutor, Anton Marr, gave new figures on Friday. According to him, 366 soldiers were killed.",
     "366", "Anton Marr"),
    # `he` after an unnamed source is that source: nobody named, not the outlet it spoke to
    ("Intro.\n\nThe siege cost the lives of 1,500 soldiers, a senior officer told the Valley Courier. "
     "He said that around 6,000 militants were holed up in the old town.", "6,000", "a senior officer"),
    # a title before the name in an apposition
    ("Intro.\n\n“We lost 300 men,” the spokesman for the eastern group, Colonel Ivan Dorn, said on national television.",
     "300", "Colonel Ivan Dorn"),
    # `the Russian statement` points back to the Russian source named before it
    ("Intro.\n\nThe Russian Defence Ministry said 12 were wounded. The Russian statement said 30 soldiers were killed.",
     "30", "The Russian Defence Ministry"),
    # an aside between a count noun and its verb holds the source
    ("Intro.\n\nThe toll, provided by the regional health office, stood at 316 on Friday.", "316", "the regional health office"),
    ("Intro.\n\nThe number of wounded, officials said, had reached 230.", "230", "officials"),
    # a branch of the forces is a source; a statement released on a day by someone
    ("Intro.\n\nOstland's air force said it shot down 24 drones overnight.", "24", "Ostland's air force"),
    ("Intro.\n\nAccording to figures released Monday by the Pentagon, 14 service members were wounded.", "14", "the Pentagon"),
    # a channel or page of someone's is its owner's word
    ("Intro.\n\nThe Ostland Legion's Telegram channel said 300 fighters died in the assault.", "300", "The Ostland Legion"),
    # an indefinite speaker with a relative clause stays unnamed; its clause's verb is no cue
    ("Intro.\n\n“We lost 12 men in the assault,” a commander who gave only his call sign told AFP.", "12", "a commander"),
]


@pytest.mark.parametrize(("text", "number", "claimant"), SENTENCES)
def test_claimant_of_each_form(text: str, number: str, claimant: str | None) -> None:
    assert claimant_of(text, number) == claimant


def test_an_according_to_carries_over_its_paragraph_not_the_next() -> None:
    text = (
        "Intro.\n\nAccording to the Lowland side, 40 soldiers were killed on the first day. "
        "Another 60 were wounded.\n\nBy evening 120 troops had reached the river."
    )
    found = {c.span.quote: c for c in figures(text)}
    wounded = next(c for q, c in found.items() if "60" in q)
    assert wounded.attribution.claimant == "the Lowland side" and wounded.attribution.inherited
    reached = next(c for q, c in found.items() if "120" in q)
    assert reached.attribution.claimant is None


def test_a_statement_carries_into_a_paragraph_that_continues_it() -> None:
    text = (
        "Intro.\n\nAt least 500 people have died since the siege began, the Valley Monitor said.\n\n"
        "Of those killed, 45 were civilians.\n\n"
        "The city had 80,000 residents before the war."
    )
    claims = extract_document(read_text(text, "story.txt"))
    by_number = {c.span.quote.split()[0]: c for c in claims}
    assert by_number["45"].attribution.claimant == "the Valley Monitor" and by_number["45"].attribution.inherited
    assert by_number["80,000"].attribution.claimant is None  # a population, the text's own


def test_a_denial_is_a_negated_claim() -> None:
    text = "Intro.\n\nThe ministry denied losing a helicopter near the border."
    [claim] = [c for c in figures(text)]
    assert claim.negated and claim.attribution.claimant == "The ministry"


def test_a_relayed_quotation_names_the_speaker_not_the_agency() -> None:
    text = "Intro.\n\nThe agency quoted Major Lena Ost as saying that 70 soldiers were captured."
    assert claimant_of(text, "70") == "Major Lena Ost"


def test_no_figure_is_given_a_source_whose_content_does_not_hold_it() -> None:
    document = read_text(
        "Intro.\n\nThe Northern Front said it had destroyed 46 tanks, while the defence ministry put its own "
        "losses at 300 killed.\n\nRebels claimed 90 soldiers died, but the government said only 12 were killed.",
        "story.txt",
    )
    for claim in extract_document(document):
        a = claim.attribution
        if a.content_span is not None and a.claimant is not None and not a.inherited:
            start, end = a.content_span
            assert start <= claim.span.start and claim.span.end <= end + 1, (claim.span.quote, a.claimant)


STORY = (
    "Ostland says 300 Lowland soldiers killed in the river battle\n\n"
    "Over the past day, the enemy lost 1,130 personnel and 12 tanks in the northern sector, the General Staff "
    "of the Armed Forces of Ostland reported on Sunday.\n\n"
    "The losses of the Lowland army in the area amounted to up to 200 servicemen, the Lowland Defence Ministry "
    "said in its daily briefing, while a medical source put the toll at more than 700.\n\n"
    "Two Ostlandic soldiers were killed and nine wounded, the brigade's press officer told the Valley Courier.\n\n"
    "The rebels denied losing a helicopter, but acknowledged that seven of their fighters had died.\n\n"
    "Some 400 soldiers were wounded, the Joint Command said on Sunday, adding that 1,200 members of the "
    "security forces had been killed since October.\n"
)


@pytest.mark.parametrize("width", [60, 72, 80])
def test_a_hard_wrapped_story_gives_the_claims_of_the_unwrapped_one(width: int) -> None:
    import textwrap

    wrapped = "\n\n".join(textwrap.fill(p, width) for p in STORY.split("\n\n"))

    def summary(text: str):
        return [(c.kind, c.side.name, str(c.value), c.attribution.claimant) for c in figures(text)]

    assert summary(wrapped) == summary(STORY)
    for claim in figures(wrapped):  # spans still point into the wrapped text
        assert wrapped[claim.span.start:claim.span.end] == claim.span.quote


def test_a_list_of_labelled_figures_and_a_later_this_was_reported_by() -> None:
    text = (
        "Intro.\n\nThe enemy's losses since the start of the war are approximately:\n\n"
        "personnel ‒ about 40,120 (+140),\ntanks ‒ 697 (+12),\nartillery systems – 985 (+7),\n"
        "helicopters: 25\n\n"
        "This was reported by the General Staff of the Ostland Armed Forces on Facebook.\n\n"
        "Separately, 12 civilians were killed in the town.\n"
    )
    found = {c.span.quote: c for c in figures(text)}
    # a list of the enemy's losses: `personnel` counts the dead
    assert {q: (c.value.category.value, c.attribution.claimant) for q, c in found.items() if "civilians" not in q} == {
        "about 40,120": ("casualties", "the General Staff of the Ostland Armed Forces"),
        "697": ("tanks", "the General Staff of the Ostland Armed Forces"),
        "985": ("artillery", "the General Staff of the Ostland Armed Forces"),
        "25": ("helicopters", "the General Staff of the Ostland Armed Forces"),
    }
    assert found["12 civilians were killed"].attribution.claimant is None  # after the statement, not before it


def test_a_surname_alone_takes_the_class_of_the_fuller_name_before_it() -> None:
    text = "Intro.\n\nBritish historian John Keel gives 1,200 British dead.\n\nKeel lists 40 aircraft lost by the Argentines."
    found = {c.span.quote: c for c in figures(text)}
    later = found["40 aircraft lost"]
    assert later.attribution.claimant == "Keel" and later.attribution.claimant_class.value == "scholar"
    assert later.side.name == "Argentina"  # lost by the Argentines


def test_a_title_before_a_name_gives_the_name_its_class() -> None:
    text = ("Intro.\n\nThe Kremlin's spokesman, Dmitry Orlov, told reporters 70 soldiers had been captured.\n\n"
            "Orlov said 40 more had surrendered.")
    found = {c.span.quote: c for c in figures(text)}
    first = next(c for q, c in found.items() if q.startswith("70"))
    assert first.attribution.claimant == "Dmitry Orlov"
    assert first.attribution.claimant_class.value == "belligerent"


def test_what_the_claimant_says_it_did_was_done_to_its_enemy() -> None:
    text = ("Intro.\n\nArmenian and Azerbaijani forces fought for the bridge. The Armenian army says it has destroyed "
            "46 Azerbaijani tanks. The Azerbaijani army says it has destroyed 12 tanks and killed 300 soldiers.")
    sides = {c.span.quote: c.side.name for c in figures(text)}
    assert sides["12 tanks"] == "Armenia" and sides["300 soldiers"] == "Armenia"


LOSSES_LIST = ("# Losses\n\nThe General Staff of the Ostland army reported the following Velmarian losses as of 1 June:\n\n"
               "{body}\n\nThe weather was fine.\n")


@pytest.mark.parametrize("body", [
    "personnel – 40,120 (+380)\ntanks – 1,358 (+3)",
    "| Category | Total | Change |\n| --- | --- | --- |\n| Personnel | 40,120 | +380 |\n| Tanks | 1,358 | +3 |",
])
def test_a_sentence_over_a_list_or_table_of_losses_is_its_source(body: str) -> None:
    claims = {c.span.quote: c for c in figures(LOSSES_LIST.format(body=body))}
    people, tanks = claims["40,120"], claims["1,358"]
    assert people.attribution.claimant == tanks.attribution.claimant == "The General Staff of the Ostland army"
    assert people.kind is Kind.CASUALTIES  # personnel in a list of losses are the dead
    assert tanks.value.lost


def test_a_ministrys_own_briefing_is_its_claim_and_the_weapons_it_destroyed_its_enemys() -> None:
    text = ("Briefing by the Ministry of Defence of the Russian Federation\n\n"
            "Units of the Centre group defeated two brigades of the AFU. The enemy lost up to 385 troops and "
            "three tanks.\n\nAir defence facilities shot down 39 unmanned aerial vehicles over the Ukrainian border.\n")
    found = {c.span.quote: c for c in figures(text)}
    drones = next(c for q, c in found.items() if q.startswith("39"))
    assert drones.attribution.claimant == "Ministry of Defence of the Russian Federation"
    assert drones.side.name == "Ukraine"
    assert next(c for q, c in found.items() if q.startswith("up to 385")).side.name == "Ukraine"


def test_a_paragraph_in_the_narrators_voice_ends_a_sources_chain() -> None:
    text = ("Intro.\n\nThe dead included 5 soldiers, the army said.\n\n"
            "Rescuers pulled 12 bodies from the rubble on Monday.\n\n"
            "The toll rose to 35 after six more bodies were found.\n")
    found = {c.span.quote: c for c in figures(text)}
    soldiers = next(c for q, c in found.items() if q.startswith("5 soldiers"))
    assert soldiers.kind is Kind.CASUALTIES and soldiers.attribution.claimant == "the army"
    assert next(c for q, c in found.items() if q.startswith("35")).attribution.claimant is None


def test_a_source_speaking_on_condition_of_anonymity_is_hedged_as_unnamed() -> None:
    text = "Intro.\n\nA senior Ostland officer, who asked not to be named, told reporters that 40 soldiers died.\n"
    claim = next(c for c in figures(text) if c.span.quote.startswith("40"))
    assert claim.attribution.claimant == "A senior Ostland officer"
    assert [h.kind.value for h in claim.hedges] == ["unnamed_source"]


def test_a_relative_clause_after_the_source_is_skipped_and_whom_it_was_told_is_no_source() -> None:
    text = ('Intro.\n\n"We lost 12 men yesterday," a battalion commander, who gave only his first name, '
            "Ivo, told the news agency.\n")
    claim = next(c for c in figures(text) if c.span.quote.startswith("12"))
    assert claim.attribution.claimant == "a battalion commander"


def test_a_definite_organisation_is_not_the_spokesman_who_spoke_for_it() -> None:
    text = ("Intro.\n\nArmy spokesman Colonel Dan Ferro said 15 vehicles were destroyed.\n\n"
            "Last week, the army put its own losses at 19 dead.\n")
    claim = next(c for c in figures(text) if c.span.quote.startswith("19"))
    assert claim.attribution.claimant == "the army"


@pytest.mark.parametrize("line", ["- Health ministry: 40 people killed", "* Rights group: more than 600 killed"])
def test_a_list_item_led_by_a_source_noun_is_that_sources(line: str) -> None:
    claim = figures(f"Key points\n\n{line}\n")[0]
    assert claim.attribution.claimant == line[2:line.index(":")]


def test_the_outlet_after_a_headlines_dash_publishes_what_the_headline_source_says() -> None:
    claim = figures("Ostland says 40 drones downed over the coast - state media\n\nBody text.\n")[0]
    assert claim.attribution.claimant == "Ostland"


def test_a_breakdown_of_a_toll_counts_the_dead_it_breaks_down() -> None:
    text = ("Intro.\n\nThe cumulative death toll in the province was at least 2,300, according to the health office.\n\n"
            "Of the verified cases, 1,500 are believed to be civilians, including 520 children (330 boys and 190 girls) "
            "and 270 women. Additionally, 560 have been identified as members of armed groups.\n\n"
            "The toll among soldiers was 71: 66 soldiers and four civilians, including one child.\n")
    found = {c.span.quote.split()[-1] if c.span.quote.startswith("at least") else c.span.quote.split()[0]: c
             for c in figures(text)}
    for number in ("1,500", "520", "330", "190", "270", "560", "one"):
        assert found[number].kind is Kind.CASUALTIES, number
        assert found[number].value.category is found["2,300"].value.category or number == "one"
    assert found["1,500"].part_of == found["2,300"].id
    assert found["270"].part_of == found["1,500"].id  # after the bracket the list goes on
    # Whoever gave the toll gives its breakdown.
    assert {found[n].attribution.claimant for n in ("1,500", "520", "330", "560")} == {"the health office"}


def test_an_accusation_is_the_accusers_claim_and_a_toll_that_could_exceed_n_is_at_least_n() -> None:
    text = ("Intro.\n\nLast month, the Eastern Legion was accused by Human Rights Watch of killing at least 1,500 people.\n\n"
            "Ostland Watch accused the army of killing 40 civilians.\n\n"
            "Some researchers believe the true toll could exceed 150,000.\n")
    found = {c.span.quote: c for c in figures(text)}
    assert found["at least 1,500 people"].attribution.claimant == "Human Rights Watch"
    assert next(c for q, c in found.items() if q.startswith("40")).attribution.claimant == "Ostland Watch"
    toll = found["150,000"]
    assert (toll.value.low, toll.value.high) == (150000, None)
    assert toll.attribution.claimant == "Some researchers"  # names nobody: its own words, unnamed
    assert toll.attribution.claimant_class.value == "unnamed"
    assert [h.kind.value for h in toll.hedges] == ["unnamed_source"]


def test_an_author_date_citation_and_a_sentence_on_the_figures_origin_name_their_source() -> None:
    text = ("Intro.\n\nOstland lost 30,000 men (Halvik 1995), while Westmark lost 11,000 (Reyk and Maren 2001: 134).\n\n"
            "Westmark's losses were 12,000 killed. These figures come from the Westmark state archives.\n\n"
            "Troops came from the north. 300 troops came from Ostland.\n")
    found = {c.span.quote.split()[0]: c for c in figures(text)}
    assert found["30,000"].attribution.claimant == "Halvik"
    assert found["11,000"].attribution.claimant == "Reyk and Maren"
    assert found["12,000"].attribution.claimant == "the Westmark state archives"
    assert found["300"].attribution.claimant is None  # troops that came from somewhere: no source


def test_figures_along_with_a_toll_and_those_who_gave_their_lives_are_the_dead() -> None:
    text = ("Intro.\n\nThe military says 67 soldiers have been killed, along with 257 militants.\n\n"
            '"We mourn the 163 soldiers who gave their lives," the president said.\n\n'
            "The military put the number of soldiers and police killed at 165.\n")
    found = {c.span.quote.split()[0]: c for c in figures(text)}
    assert found["257"].kind is Kind.CASUALTIES and found["163"].kind is Kind.CASUALTIES
    assert found["165"].attribution.claimant == "The military"


def test_an_unnamed_source_is_its_own_words_of_class_unnamed_with_the_hedge() -> None:
    claim = next(c for c in figures("Intro.\n\nAt least 30 people were killed, hospital officials said.\n")
                 if c.span.quote.startswith("At least 30"))
    assert claim.attribution.claimant == "hospital officials"
    assert claim.attribution.claimant_class.value == "unnamed"
    assert claim.attribution.claimant_side is None
    assert [h.kind.value for h in claim.hedges] == ["unnamed_source"]
    assert "unnamed" in claim.attribution.evidence


@pytest.mark.parametrize(("text", "number", "claimant"), [
    # sources in coordination speak together; unnamed when each is
    ("Intro.\n\nAt least 90 people died in the strike on Tuesday, witnesses and local media say.", "90",
     "witnesses and local media"),
    # a pronoun after the cue is the content's subject, and the relative clause's noun is no cue
    ("Intro.\n\nOne farmer, who asked not to be named for fear of reprisals, said he had counted 14 bodies.", "14",
     "One farmer"),
    # a time between the source and its cue is no part of the source
    ("Intro.\n\nOstland on Thursday published its death toll, saying 2,100 of its soldiers had been killed.", "2,100",
     "Ostland"),
    # a party's data noun after `according to` is the source
    ("Intro.\n\nThe raid killed some 800 people, according to Ostlandic tallies.", "800", "Ostlandic tallies"),
    # `citing its own figures`: the subject that cites them speaks
    ("Intro.\n\nThe Ostland government, citing its own figures, said the rebels had lost 700 fighters.", "700",
     "The Ostland government"),
])
def test_sources_in_coordination_relatives_times_and_citations(text: str, number: str, claimant: str) -> None:
    assert claimant_of(text, number) == claimant


def test_a_count_of_speakers_is_no_figure_and_running_counts_and_bounds_are_read() -> None:
    text = ("Intro.\n\nTwo officials told reporters that 40 soldiers died.\n\n"
            "The army said three soldiers were killed, bringing its losses in the campaign to 260.\n\n"
            "Some estimates put the death toll as high as 150,000.\n\n"
            "Another 1,245 were being treated in hospital, the ministry said.\n")
    found = {c.span.quote: c for c in figures(text)}
    assert not any(q.startswith("Two officials") for q in found)
    assert found["260"].kind is Kind.CASUALTIES and found["260"].attribution.claimant == "The army"
    toll = found["as high as 150,000"]
    assert (toll.value.low, toll.value.high) == (None, 150000) and toll.attribution.claimant == "Some estimates"
    treated = next(c for q, c in found.items() if "1,245" in q)
    assert treated.value.category.value == "wounded"


def test_a_statement_titled_with_its_issuer_speaks_in_the_issuers_voice() -> None:
    text = ("Press release: Ostland Ministry of Defence statement on the eastern front\n\n"
            "1. Enemy losses amounted to up to 320 servicemen and 4 tanks.\n")
    assert {c.attribution.claimant for c in figures(text)} == {"Ostland Ministry of Defence"}


@pytest.mark.parametrize(("text", "number", "claimant"), [
    # ranks lead the name in an apposition
    ("Intro.\n\nThe ministry's spokesman, Major General Ivan Korov, told a briefing that 65 soldiers had surrendered.",
     "65", "Major General Ivan Korov"),
    # a participle clause after the source (`, bringing ...`) leaves the content before it
    ("Intro.\n\nOstland lost 1,200 soldiers in a day, Lowland's General Staff said in its daily update on Monday, "
     "bringing Ostland's total losses to 301,000.", "1,200", "Lowland's General Staff"),
    ("Intro.\n\nOstland lost 1,200 soldiers in a day, Lowland's General Staff said in its daily update on Monday, "
     "bringing Ostland's total losses to 301,000.", "301,000", "Lowland's General Staff"),
])
def test_titles_in_appositions_and_participle_clauses_after_the_source(text: str, number: str, claimant: str) -> None:
    assert claimant_of(text, number) == claimant


def test_a_quotation_alone_in_the_next_paragraph_goes_on_in_the_speakers_voice() -> None:
    text = ('Intro.\n\n"Our troops destroyed 3 armoured vehicles," said the army\'s spokesman, Colonel Dan Ferro.\n\n'
            '"They also captured 14 fighters."\n\nThe town lies on the river. It had a garrison of 4,000 troops.\n')
    found = {c.span.quote: c for c in figures(text)}
    assert found["3 armoured vehicles"].attribution.claimant == "Colonel Dan Ferro"  # the name after the title
    assert found["14 fighters"].attribution.claimant == "Colonel Dan Ferro"
    assert found["14 fighters"].attribution.inherited
    assert [c.attribution.claimant for q, c in found.items() if "4,000" in q] == [None]  # no quotation: no carry


def test_she_points_back_to_the_person_a_sentence_without_figures_named() -> None:
    text = ('Intro.\n\n"We lost 50 men," said Captain Ivo Marsh.\n\n'
            'Sergeant Petra Lind described the battle. "Twelve of my friends died there," she said.\n\n'
            'A medic at the field hospital, who declined to be named, said more than 200 wounded had been '
            'brought in. "At least 35 children died," she said.\n')
    found = {c.span.quote: c for c in figures(text)}
    assert found["Twelve of my friends died"].attribution.claimant == "Petra Lind"
    assert next(c for q, c in found.items() if "35" in q).attribution.claimant == "A medic at the field hospital"


def test_numbers_first_lines_bracketed_sources_and_labels_with_their_claim() -> None:
    text = ("The war in numbers\n\n"
            "- 1,200: Ostlandic soldiers killed in the past day, according to Lowland\n"
            "- 10,582 civilians killed since February (UN)\n"
            "- Refugees abroad: 6.3 million, per UNHCR\n\n"
            "Lowlandic losses (Ostlandic claim): 5,000 killed\n")
    found = {c.span.quote: c for c in extract_document(read_text(text, "story.txt"))}
    assert found["1,200: Ostlandic soldiers killed"].attribution.claimant == "Lowland"
    assert found["10,582 civilians killed"].attribution.claimant == "UN"
    assert found["6.3 million"].attribution.claimant == "UNHCR"
    assert found["5,000 killed"].attribution.claimant == "Ostlandic claim"


@pytest.mark.parametrize(("text", "number", "claimant"), [
    # a dated study of someone's is theirs
    ("Intro.\n\nKeel's 1998 study counted 2,900 dead.", "2,900", "Keel's study"),
    # a relative pronoun after a comma is the phrase before it
    ("Intro.\n\nThe figure is disputed by Ostlandic scholars, who give 3,000 dead.", "3,000", "Ostlandic scholars"),
])
def test_studies_and_relative_pronouns_as_sources(text: str, number: str, claimant: str) -> None:
    assert claimant_of(text, number) == claimant


def test_a_source_between_dashes_is_an_aside_over_the_whole_sentence() -> None:
    text = "Intro.\n\nAt least 30 soldiers were killed — the defence ministry said on Friday — in the attack.\n"
    assert claimant_of(text, "30") == "the defence ministry"


def test_abbreviated_ranks_before_a_name_make_a_commander() -> None:
    from claims.model import Person

    text = ("Intro.\n\nLt. Gen. Anton Varga said his troops were holding. Adm. Ivo Marsh directed the fleet.\n\n"
            "Col.-Gen. Pavo Renn led the offensive.\n")
    found = {c.value.name: c.value.rank for c in extract_document(read_text(text, "story.txt"))
             if c.kind is Kind.COMMANDER and isinstance(c.value, Person)}
    assert found == {"Anton Varga": "Lt. Gen.", "Ivo Marsh": "Adm.", "Pavo Renn": "Col.-Gen."}


def test_a_loss_after_and_counts_the_same_people_as_the_figure_before() -> None:
    text = ("Intro.\n\nAt least 2,900 Palestinians were killed in Gaza and 6,937 injured, according to the health "
            "ministry.\n")
    found = {c.span.quote: c for c in extract_document(read_text(text, "story.txt"))}
    assert found["6,937 injured"].side.name == found["At least 2,900 Palestinians were killed"].side.name == "Palestinians"


def test_they_and_their_losses_are_the_party_that_opened_the_sentence_before() -> None:
    text = ("Battle of Kessel\n\nBelligerents: Germany vs. Soviet Union\n\n"
            "The Battle of Kessel was fought in 1943 between Germany and the Soviet Union.\n\n"
            "The Germans attacked at dawn on 5 July. They lost 3,000 men on the first day.\n\n"
            "The Soviet defenders held the line. Their losses were lighter, about 1,200 killed.\n")
    found = {c.span.quote: c for c in extract_document(read_text(text, "page.txt"))}
    assert found["3,000 men"].side.name == "Germany"
    assert found["about 1,200 killed"].side.name == "Soviet Union"


def test_a_name_in_apposition_with_a_command_post_is_a_commander() -> None:
    from claims.model import Person

    text = ("Intro.\n\nAnton Varga, commander of Ostland's ground forces, visited the front.\n\n"
            "The commander of the 93rd brigade, Pavo Renn, said the unit held.\n\n"
            "Ostland troops are led by Colonel-General Ivo Marsh. NFL leader Dan Ferro ordered the assault.\n")
    found = {c.value.name: c.value.rank for c in extract_document(read_text(text, "story.txt"))
             if c.kind is Kind.COMMANDER and isinstance(c.value, Person)}
    assert found == {"Anton Varga": "commander of Ostland's ground forces", "Pavo Renn": "The commander of the 93rd brigade",
                     "Ivo Marsh": "Colonel-General", "Dan Ferro": "NFL leader"}


def test_the_enemy_is_never_the_party_named_earlier_in_the_sentence() -> None:
    text = ("Intro.\n\nAzerbaijan's defence ministry said 450 Azerbaijani soldiers were killed and claimed the enemy "
            "had lost more than 2,000 men.\n")
    found = {c.span.quote: c for c in figures(text)}
    assert found["450 Azerbaijani soldiers were killed"].side.name == "Azerbaijan"
    assert found["more than 2,000 men"].side.name is None  # the document names no opponent


def test_a_party_that_attacked_or_advanced_with_a_force_fields_it() -> None:
    text = ("Battle of Inkerman\n\nThe Battle of Inkerman was fought in 1854 between Britain and France against "
            "the Imperial Russian Army.\n\nThe Russians attacked with some 35,000 men.\n")
    found = {c.span.quote: c for c in figures(text)}
    assert found["some 35,000 men"].side.name == "Russia"


def test_a_force_engaged_is_a_strength_and_a_partitive_before_a_toll_gives_its_side() -> None:
    text = ("Battle of Kessel Creek\n\nThe battle was fought in 1863 between the Union Army of the Potomac and the "
            "Confederate Army of Northern Virginia.\n\nOf the 75,000 Confederates engaged, some 28,000 were casualties.\n")
    found = {c.span.quote: c for c in figures(text)}
    assert found["75,000 Confederates engaged"].kind is Kind.STRENGTH
    assert found["some 28,000 were casualties"].side.name == "Confederate States"


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [("Austrian casualties were later put at 7,500 by the historian Karl Weiss.", "the historian Karl Weiss"),
     ("Losses were given as 7,500 by the French general staff.", "the French general staff"),
     ("The toll was estimated at about 7,500 by the UN.", "the UN"),
     ("The toll was estimated at 7,500 by the end of the week.", None)],
)
def test_the_agent_of_a_passive_cue_after_its_figure_is_the_source(sentence: str, claimant: str | None) -> None:
    assert claimant_of("Intro.\n\n" + sentence, "7,500") == claimant


def test_coordinated_names_before_losses_and_going_into_captivity() -> None:
    text = ("Siege of Karvin\n\nBritish and Indian losses were about 1,025 killed. A further 13,164 men went into "
            "captivity. The bridge was defended by around 1,800 soldiers, opposed by some 18,000 Austrians under "
            "the command of Archduke John.\n")
    found = {c.span.quote: c for c in figures(text)}
    assert found["about 1,025 killed"].side.name == "United Kingdom"
    assert next(c for q, c in found.items() if "13,164" in q).kind is Kind.CAPTURED
    assert next(c for q, c in found.items() if "1,800" in q).kind is Kind.STRENGTH
    assert next(c for q, c in found.items() if "18,000" in q).kind is Kind.STRENGTH


def test_a_page_s_own_name_for_a_party_in_the_figure_beats_the_claimants_opponent() -> None:
    text = ("Battle of Harl Pass\n\nBelligerents\nRepublic of Taran\tVelmar\nStrength\n1,800\t3,500\n\n"
            "The battle was fought in 1993. According to the Velmar Guard, 150 Velmar soldiers were captured.\n")
    found = {c.span.quote: c for c in figures(text)}
    assert next(c for q, c in found.items() if "150" in q).side.name == "Velmar"


def test_a_bare_verb_after_a_singular_noun_is_no_cue() -> None:
    text = ("Intro.\n\nMilitants attacked a military base in Borno state on Saturday, killing 30 soldiers, the "
            "army said.\n")
    assert claimant_of(text, "30") == "the army"


def test_roles_give_sides_in_a_story_of_a_state_against_insurgents() -> None:
    named = ("Intro.\n\nBoko Haram militants attacked a base in Nigeria's north-east, killing 30 soldiers, the Nigerian "
             "army said, adding that troops had killed 45 insurgents. A police spokesman said 20 police officers "
             "were wounded.\n")
    sides = {c.span.quote: c.side.name for c in figures(named)}
    assert sides["30 soldiers"] == "Nigeria"
    assert sides["45 insurgents"] == "Boko Haram"
    assert sides["20 police officers were wounded"] == "Nigeria"
    # neither party named: the roles are the sides, so the two tolls are never one dispute
    unnamed = "Intro.\n\nRebels overran a base, killing 12 soldiers. The army said it had killed more than 100 rebels.\n"
    sides = {c.span.quote: c.side.name for c in figures(unnamed)}
    assert sides["12 soldiers"] == "government forces"
    assert sides["more than 100 rebels"] == "insurgents"
    # two states at war: `soldiers` stay unplaced
    states = "Intro.\n\nRussia and Ukraine fought for the town. Reporters saw that 12 soldiers were killed.\n"
    assert {c.span.quote: c.side.name for c in figures(states)}["12 soldiers were killed"] is None
    # (a state that says soldiers died, naming no side, speaks of its own)
    states = "Intro.\n\nRussia and Ukraine fought for the town. Ukraine said 12 soldiers were killed.\n"
    assert {c.span.quote: c.side.name for c in figures(states)}["12 soldiers were killed"] == "Ukraine"


def test_a_second_verb_after_a_figures_phrase_has_its_own_object() -> None:
    text = ("Intro.\n\nThe army said its forces had neutralised 2,150 members of the front and captured 430. Rebels "
            "said they had taken some 1,200 soldiers prisoner. The regime loses hundreds of troops, rebels say.\n")
    found = {c.span.quote: c for c in figures(text)}
    assert found["2,150 members of the front"].kind is Kind.CASUALTIES
    assert next(c for q, c in found.items() if q.startswith("430")).kind is Kind.CAPTURED
    assert next(c for q, c in found.items() if "1,200" in q).kind is Kind.CAPTURED
    assert next(c for q, c in found.items() if "hundreds" in q).kind is Kind.CASUALTIES


def test_a_noun_that_is_also_a_cue_with_nothing_said_after_it_is_no_source() -> None:
    place = ("Intro.\n\nThe United Nations said 50,000 people had been displaced in northern Shan state, and at least "
             "22 civilians had been killed.\n")
    assert claimant_of(place, "22") == "The United Nations"
    posts = ("Intro.\n\nThe alliance said it had seized 156 military posts and four towns, and that more than 200 "
             "soldiers had been killed.\n")
    assert claimant_of(posts, "200") == "The alliance"


def test_a_reporting_clause_before_an_including_and_sources_told_an_agency() -> None:
    including = ("Intro.\n\nAbout 2,600 troops surrendered at the border town, the alliance said, including six "
                 "brigadier generals.\n")
    assert claimant_of(including, "2,600") == "the alliance"
    told = ("Intro.\n\nA missile hit a camp, killing at least 14 people and wounding 25 others, medical and military "
            "sources told Reuters on Sunday.\n")
    hit = next(c for c in figures(told) if "14" in c.span.quote)
    # two unnamed kinds of source sharing one noun: a hedge, never a named claimant
    assert hit.attribution.claimant_class is ClaimantClass.UNNAMED
    assert hit.attribution.claimant == "medical and military sources"


def test_the_one_state_a_story_of_insurgents_names_most_is_the_government() -> None:
    text = ("Jihadists kill 20 soldiers in Mali\n\nSuspected jihadists killed 20 soldiers in an attack on a camp in "
            "central Mali, the army said. Mali's army said its troops had killed 11 of the militants. Junta "
            "soldiers were deployed to Mali's north.\n")
    sides = {c.span.quote: c.side.name for c in figures(text)}
    assert next(s for q, s in sides.items() if q.startswith("20 soldiers")) == "Mali"
    assert next(s for q, s in sides.items() if "11 of the militants" in q) == "insurgents"


def test_commanders_possessives_comparisons_and_sources_set_against_each_other() -> None:
    text = ("Battle of Velna\n\nThe battle was fought in 1812 between the French army under Napoleon and the Russian "
            "army under General Mikhail Kutuzov.\n\nNapoleon's army of about 130,000 men faced Kutuzov's 120,000 "
            "regulars.\n\nThe French lost about 30,000 men; Russian losses were heavier, at some 45,000. Historian "
            "Adam Zamoyski puts French casualties at 28,000, while David Chandler gives 33,000. The Russians also "
            "lost 1,000 prisoners.\n")
    found = {c.span.quote: c for c in figures(text)}
    assert found["about 130,000 men"].side.name == "France"
    assert found["120,000 regulars"].side.name == "Russia"
    heavier = found["some 45,000"]
    assert (heavier.kind, heavier.side.name) == (Kind.CASUALTIES, "Russia")
    assert found["28,000"].attribution.claimant == "Historian Adam Zamoyski"
    assert found["33,000"].attribution.claimant == "David Chandler"
    # after two sources set against each other, the next sentence is in neither's voice
    assert found["1,000 prisoners"].attribution.claimant is None


def test_a_definite_noun_for_a_party_named_before_in_full_is_the_subject_that_lost() -> None:
    text = ("Intro.\n\nThe army said it had killed 2,000 fighters of the Tigray People's Liberation Front. A TPLF "
            "spokesman said the front had lost \"fewer than 100\" fighters and had taken some 1,200 Ethiopian "
            "soldiers prisoner.\n")
    found = {c.span.quote: c for c in figures(text)}
    fewer = next(c for q, c in found.items() if q.startswith("fewer than 100"))
    assert fewer.side.name == "Tigray forces"
    assert next(c for q, c in found.items() if "1,200" in q).side.name == "Ethiopia"


def test_what_a_party_did_to_the_figure_was_done_to_the_other_side() -> None:
    text = ("Battle of Moravet\n\nThe battle was fought between Russia and Austria-Hungary in 1916.\n\nRussian forces "
            "broke through the Austro-Hungarian lines on the first day, taking 20,000 prisoners. The Russians captured "
            "15,000 men and 70 guns on the second day. Austro-Hungarian artillery killed 3,000 attackers. The Russians "
            "lost 5,000 men. Near a Russian outpost, a mine exploded, wounding 12 soldiers.\n")
    sides = {c.span.quote: c.side.name for c in figures(text)}
    assert sides["20,000 prisoners"] == "Austria-Hungary"
    assert sides["15,000 men"] == "Austria-Hungary"
    assert sides["70 guns"] == "Austria-Hungary"
    assert sides["3,000 attackers"] == "Russia"
    assert sides["5,000 men"] == "Russia"  # a loss verb's subject is its own side
    # a party after a preposition is no doer
    assert next(s for q, s in sides.items() if q.startswith("12 soldiers")) != "Austria-Hungary"


def test_a_dateline_is_no_doer_and_of_two_states_a_story_of_insurgents_names_the_one_named_most() -> None:
    text = ("At least 70 killed as jihadists storm army camp in Niger\n\nNIAMEY, Dec 11 (Reuters) - Islamist "
            "militants attacked a military camp in western Niger on Tuesday, killing at least 71 soldiers, the "
            "government said, in the deadliest attack in years. The camp near the border with Mali was overrun. "
            "Niger's defence minister said 12 soldiers were wounded.\n")
    found = {c.span.quote: c for c in figures(text)}
    seventy_one = found["at least 71 soldiers"]
    assert (seventy_one.side.name, seventy_one.attribution.claimant) == ("Niger", "the government")
    assert next(c for q, c in found.items() if q.startswith("12 soldiers")).side.name == "Niger"


def test_two_parties_coordinated_before_the_noun_are_the_figures_words() -> None:
    text = ("Siege of Kut\n\nAccording to the British official history, 1,746 British and Indian soldiers died during "
            "the siege.\n")
    (died,) = [c for c in figures(text) if "1,746" in c.span.quote]
    assert died.span.quote == "1,746 British and Indian soldiers died"
    assert (died.kind, died.side.name, died.attribution.claimant) == (Kind.CASUALTIES, "United Kingdom",
                                                                       "the British official history")


def test_a_confirmed_loss_is_the_claimants_own_and_a_countrys_media_are_journalists() -> None:
    text = ("Intro.\n\nA day later Pakistan said it had shot down two Indian fighter jets. India confirmed the loss of "
            "one MiG-21. Indian media said as many as 300 militants were killed.\n")
    found = {c.span.quote: c for c in figures(text)}
    assert found["one MiG-21"].side.name == "India"
    assert found["two Indian fighter jets"].side.name == "India"
    media = next(c for q, c in found.items() if "300" in q)
    assert media.attribution.claimant_class is ClaimantClass.JOURNALIST


def test_a_belligerent_citing_reports_speaks_for_itself_an_outlet_relays_what_it_cites() -> None:
    army = "Intro.\n\nThe army, citing intelligence reports, said about 500 rebels had been killed.\n"
    assert claimant_of(army, "500") == "The army"
    outlet = "Intro.\n\nThe Times, citing the defence ministry, reported that 40 soldiers were killed.\n"
    assert claimant_of(outlet, "40") == "the defence ministry"


def test_a_belligerents_list_of_what_was_destroyed_is_its_enemys_weapons() -> None:
    text = ("Briefing by Russian Defence Ministry\n\nOver the past day, the Armed Forces of Ukraine lost up to 1,240 "
            "servicemen.\n\nAir defence facilities shot down 37 unmanned aerial vehicles.\n\nIn total, since the "
            "beginning of the operation, the following have been destroyed: 578 aircraft, 271 helicopters, 17,345 "
            "tanks and other armoured combat vehicles, 1,402 multiple rocket launchers.\n")
    found = {c.span.quote: c for c in figures(text)}
    for quote in ("37 unmanned aerial vehicles", "578 aircraft", "17,345 tanks", "1,402 multiple rocket launchers"):
        assert found[quote].value.lost and found[quote].side.name == "Ukraine", quote


def test_a_list_labelled_by_roles_gives_sides_and_a_bracketed_claim_is_no_cue() -> None:
    text = ("Battle of Marwen\n\nThe battle was fought in Marwen, Philippines, between government forces and militants "
            "of the Islamic State in 2017.\n\nCasualties\n* Government forces: 168 killed, 1,400 wounded\n"
            "* Militants: 978 killed, 12 captured (government claim)\n* Civilians: 87 killed\n")
    found = {c.span.quote: c for c in figures(text)}
    assert found["168 killed"].side.name == "Philippines"
    militants = found["978 killed"]
    assert (militants.side.name, militants.attribution.claimant) == ("Islamic State", None)  # a label, no source
    assert found["87 killed"].attribution.claimant is None  # `(government claim)` was one line's note


@pytest.mark.parametrize(("headline", "claimant"), [
    ("Ukraine war latest: Russia lost 1,000 troops in a day, Kyiv says", "Kyiv"),
    ("Russia lost 1,000 troops in a day - Ukraine", "Ukraine"),
    ("Kyiv: Russia lost 1,000 troops in a day", "Kyiv"),
])
def test_a_headlines_rubric_is_no_source_and_a_party_after_its_dash_is(headline: str, claimant: str) -> None:
    assert claimant_of(f"{headline}\n\nFighting went on.\n", "1,000") == claimant


def test_a_place_in_a_tolls_subject_is_no_side() -> None:
    (toll,) = figures("Death toll in Sudan clashes rises to 185, UN envoy says\n\nFighting went on.\n")
    assert toll.side.name is None and toll.attribution.claimant == "UN envoy"


def test_of_his_men_are_the_speakers_own() -> None:
    text = ("Intro.\n\nWagner chief Yevgeny Prigozhin said in a video released by his press service that 20,000 of "
            "his fighters had died in Bakhmut.\n")
    (died,) = figures(text)
    assert (died.side.name, died.attribution.claimant) == ("Wagner Group", "Wagner chief Yevgeny Prigozhin")


def test_a_rival_estimate_of_the_figure_before_and_journalists_as_a_source() -> None:
    text = ("Battle of Ap Dong\n\nThe Viet Cong lost an estimated 2,000 men, according to MACV body counts, although "
            "the figure was disputed by journalists who put it at 700.\n")
    found = {c.span.quote: c for c in figures(text)}
    rival = found["700"]
    assert (rival.kind, rival.side.name) == (Kind.CASUALTIES, "Viet Cong")
    assert rival.attribution.claimant == "journalists"  # unnamed, but not MACV


def test_the_brigade_named_before_in_an_infobox_column_is_the_subject_that_lost() -> None:
    text = ("Battle of Vuhledar\n\nBattle of Vuhledar\nDate\t3 November 2022 – 1 October 2024\nBelligerents\n"
            " Russia\t Ukraine\nUnits involved\n155th Naval Infantry Brigade\t72nd Mechanized Brigade\n"
            "Casualties and losses\n1,500 killed\t5,000 killed\n\nIn February 2023, Russian forces launched a major "
            "assault on the town, led by the 155th Naval Infantry Brigade. Russian military bloggers reported that the "
            "brigade had lost 300 men killed.\n")
    found = {c.span.quote: c for c in figures(text)}
    assert found["300 men killed"].side.name == "Russia"
