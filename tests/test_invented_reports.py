"""Reports of wars the extractor was never tuned on, written for these tests: rival estimates in
one sentence, statements that name their country only in the heading, and pages whose tables a
text browser flattened to `A | B`. Each test names the general mechanism it holds."""

from __future__ import annotations

import re

from claims.extract import extract_document
from claims.extract.attribution import find_attributions
from claims.model import Category, Claim, ClaimantClass, Kind
from claims.readers import read_text


def claims_of(text: str, name: str = "story.txt") -> dict[str, Claim]:
    return {c.span.quote: c for c in extract_document(read_text(text, name))}


def sources(text: str) -> list[tuple[str, str]]:
    return [(r.source or "", text[r.content_start:r.content_end].strip(" .")) for r in find_attributions(text, 0, len(text))]


def disagreeing(docs: list, label=lambda c: c.span.quote) -> dict[frozenset, str]:
    """Each set of claims that reconciling ``docs`` says cannot all be true, by ``label`` of each
    claim, with the rule that says so."""
    from claims.reconcile import disagreements, reconcile

    claims = [c for d in docs for c in extract_document(d)]
    named = {c.id: label(c) for c in claims}
    return {frozenset(named[i] for i in k.claims): k.rule for f in reconcile(docs, claims) for k in disagreements(f)}


def test_put_at_takes_any_bound_and_a_possessive_subject() -> None:
    text = "Independent analysts put the enemy's dead at between 400 and 450."
    assert sources(text) == [("Independent analysts", "the enemy's dead at between 400 and 450")]


def test_gave_with_a_bound_closes_the_rival_estimate() -> None:
    text = "Northern estimates put the raiders' strength at 5,000, while southern sources gave no more than 2,000."
    assert sources(text) == [("Northern estimates", "the raiders' strength at 5,000"),
                             ("southern sources", "no more than 2,000")]
    # giving something to someone is no estimate
    assert sources("The allies gave Ruritania 31 tanks.") == []


def test_a_belligerents_word_for_its_enemy_is_the_enemy() -> None:
    found = claims_of("Intro.\n\nIndia and Pakistan fought for the ridge. India's army said more than 700 intruders had died.\n")
    assert found["more than 700 intruders had died"].side.name == "Pakistan"


def test_two_kinds_of_people_in_one_count_share_the_predicate() -> None:
    found = claims_of("Intro.\n\nThe ministry said 453 officers and men of the Light Infantry laid down their lives.\n\n"
                      "At least 40 soldiers and civilians were killed, officials said.\n")
    fallen = found["453 officers and men of the Light Infantry laid down their lives"]
    assert fallen.value.category is Category.KILLED
    mixed = found["At least 40 soldiers and civilians were killed"]
    assert mixed.value.category is Category.KILLED and mixed.side.name is None  # not the soldiers' side alone


def test_martyrdom_is_death() -> None:
    found = claims_of("Intro.\n\nThe ministry said 12 soldiers embraced martyrdom.\n")
    assert found["12 soldiers embraced martyrdom"].value.category is Category.KILLED


def test_a_body_named_with_its_capital_in_the_heading_speaks_for_that_country() -> None:
    text = ("Press release: Ministry of Defence, Islamabad\n\n"
            "The Ministry of Defence confirms that 45 officers and men were killed at the ridge. "
            "Enemy losses are assessed at over 160 killed.\n\n"
            "The Ministry rejects Indian claims that 70 of our soldiers were captured.\n")
    found = claims_of(text)
    own = found["45 officers and men were killed"]
    assert own.attribution.claimant_side == "Pakistan" and own.side.name == "Pakistan"
    assert found["over 160 killed"].side.name == "India"  # `Enemy losses`, in Pakistan's statement
    assert found["70 of our soldiers were captured"].side.name == "Pakistan"  # `the Ministry` named before


def test_confirming_deaths_is_no_confirmation_of_killing() -> None:
    text = ("Press release: Ministry of Defence, Islamabad\n\n"
            "The Ministry of Defence confirmed that it had killed 30 fighters near the ridge.\n")
    assert claims_of(text)["30 fighters"].side.name != "Pakistan"


def test_pipes_between_cells_are_columns() -> None:
    page = ("Battle of Kessel Ridge\n\nThe battle was fought between Ruritania and Borduria in 1999.\n\n"
            "Belligerents\nRuritania | Borduria\n\nStrength\n30,000 | 5,000\n\n"
            "Casualties and losses\n527 killed, 1,363 wounded | 453 killed (Bordurian claim); 4,000 killed (Western estimate)\n")
    found = claims_of(page, "page.txt")
    assert found["527 killed"].side.column == 1 and found["1,363 wounded"].side.column == 1
    assert found["453 killed (Bordurian claim)"].side.column == 2
    assert found["4,000 killed (Western estimate)"].side.column == 2


def test_a_belligerents_own_loss_repeated_as_fact_is_no_enemy_figure() -> None:
    from claims.reconcile import reconcile

    page = read_text("Battle of Kessel Ridge\n\nThe battle was fought between Peru and Chile in 1999.\n\n"
                     "Belligerents\nPeru | Chile\n\nCasualties and losses\n527 killed | 453 killed\n", "page.txt")
    own = read_text("Ridge battle ends\n\nThe battle of Kessel Ridge ended in 1999. Peru's army said 527 of its "
                    "soldiers had been killed.\n", "own.txt")
    enemy = read_text("Ridge battle ends\n\nThe battle of Kessel Ridge ended in 1999. Chile's army said it had "
                      "killed 527 Peruvian soldiers.\n", "enemy.txt")
    for story, flagged in ((own, False), (enemy, True)):
        docs = [page, story]
        claims = [c for d in docs for c in extract_document(d)]
        found = [k for k in reconcile(docs, claims) if k.rule == "R-ENEMY-LOSS-UNATTRIBUTED"]
        assert bool(found) is flagged, story.id


def test_a_quoted_vague_amount_is_a_figure_of_its_noun() -> None:
    found = claims_of('Intro.\n\nThe defence ministry said "dozens" of civilians had died.\n')
    dozens = found['"dozens" of civilians had died']
    assert dozens.value.low == 12 and dozens.value.vague and dozens.value.population.value == "civilian"


def test_the_doer_of_a_headline_verb_is_not_whose_the_toll_is() -> None:
    from claims.reconcile import reconcile

    story = read_text("Insurgents kill dozens in assault on Palma\n\nThe battle of Palma began in March 2021. "
                      "The defence ministry said 40 insurgents had been killed and 12 soldiers died.\n", "ap.txt")
    page = read_text("# Battle of Palma\n\nThe Battle of Palma was fought between Mozambique and Islamic State "
                     "insurgents in March 2021.\n\n| Belligerents | |\n|---|---|\n| Mozambique | Islamic State |\n\n"
                     "| Casualties and losses | |\n|---|---|\n| 9 soldiers killed | 41 killed |\n", "page.md")
    docs = [story, page]
    claims = [c for d in docs for c in extract_document(d)]
    by_quote = {c.span.quote: c.id for c in claims}
    found = reconcile(docs, claims)
    (dispute,) = [k for k in found if by_quote["40 insurgents had been killed"] in k.claims]
    assert by_quote["41 killed"] in dispute.claims and by_quote["dozens"] not in dispute.claims


def test_by_a_reckoning_is_a_source_at_the_start_or_as_an_aside() -> None:
    assert sources("By Soviet reckoning, the Finns lost 85,000 men.") == [("Soviet reckoning", "the Finns lost 85,000 men")]
    text = "Soviet losses, by the official count, were 126,875 dead."
    (rel,) = find_attributions(text, 0, len(text))
    assert rel.source == "official count" and rel.unnamed and rel.content_start == 0
    assert sources("He was struck by the count's carriage.") == []


def test_a_report_described_by_a_participle_is_still_the_source() -> None:
    assert sources("A UN report released on Monday estimated that 3,000 civilians had been killed.") == [
        ("A UN report", "3,000 civilians had been killed")]


def test_adjectives_between_a_possessive_and_its_study() -> None:
    found = claims_of("Intro.\n\nKrivosheev's statistical study lists 126,875 killed or missing.\n")
    assert found["126,875 killed or missing"].attribution.claimant == "Krivosheev's study"


def test_admitted_to_keeps_its_figure_whole() -> None:
    found = claims_of("Intro.\n\nThe Soviet side admitted to 5,000 prisoners taken by the Finns.\n")
    prisoners = found["5,000 prisoners"]
    assert prisoners.value.low == 5000 and prisoners.attribution.claimant == "The Soviet side"
    assert prisoners.side.name == "Soviet Union"


def test_a_loss_verb_before_only_still_counts_losses() -> None:
    found = claims_of("Intro.\n\nMannerheim later claimed that Finland lost only 24,923 men.\n")
    assert found["24,923 men"].kind.value == "casualties"


def test_a_capitalised_season_before_a_name_is_no_date() -> None:
    found = claims_of("Intro.\n\nIt was fought in the Winter War. In Spring the offensive began in 1944.\n")
    assert "the Winter" not in found and "Spring" in found


def test_a_second_source_that_leaves_out_the_verb_says_its_own_figure() -> None:
    found = claims_of("Intro.\n\nCasualty figures are disputed: Finnish sources give 25,904 dead, Soviet sources 95,000.\n\n"
                      "German records list 30,000 killed; Soviet records, 45,000.\n")
    gapped = found["95,000"]
    assert gapped.attribution.claimant == "Soviet sources" and gapped.value.category is Category.KILLED
    assert found["25,904 dead"].attribution.claimant == "Finnish sources"
    assert found["45,000"].attribution.claimant == "Soviet records" and found["45,000"].value.low == 45000


def test_a_party_in_another_figures_words_is_that_figures_own() -> None:
    found = claims_of("Intro.\n\nThe rebels of M23 fought the Congolese army near Kibumba. According to the army, "
                      "27 M23 fighters and 13 soldiers were killed.\n")
    assert found["27 M23 fighters"].side.name == "M23"
    assert found["13 soldiers were killed"].side.name != "M23"


def test_a_toll_of_the_fighting_between_two_parties_is_neither_ones() -> None:
    found = claims_of("Intro.\n\nGOMA, Democratic Republic of Congo, Nov 3 (Reuters) - At least 40 people were killed "
                      "in fighting between the Congolese army and M23 rebels, the army said.\n")
    assert found["At least 40 people were killed"].side.name is None


def test_those_fighting_a_party_are_its_enemy() -> None:
    found = claims_of("Intro.\n\nKurdish fighters held the town against Islamic State. Among those fighting the IS on "
                      "the ground, a total of 236 people have died, the Observatory said.\n")
    assert found["236 people have died"].side.name == "Kurds"


SIEGE = ("Defenders leave the citadel\n\nThe siege of the citadel of Varna ended in May 2022. Russia said 300 Ukrainian "
         "fighters had surrendered, including 40 who were wounded.\n\nUkraine said {left} soldiers, including {hurt} wounded, "
         "had been evacuated from the citadel.\n")


def framing(left: int, hurt: int) -> list:
    from claims.reconcile import reconcile

    doc = read_text(SIEGE.format(left=left, hurt=hurt), "siege.txt")
    return [k for k in reconcile([doc], extract_document(doc)) if k.rule == "R-SURRENDER-EVACUATION"]


def test_one_group_told_as_surrendered_and_as_evacuated_is_compared() -> None:
    group, wounded = sorted(framing(310, 45), key=lambda k: "its wounded" in k.explanation)
    assert "300" in group.explanation and "310" in group.explanation and "surrendered" in group.explanation
    assert "its wounded" in wounded.explanation and "40" in wounded.explanation and "45" in wounded.explanation
    assert framing(300, 40) == []  # the same counts told two ways agree


def test_parts_inside_their_totals_words_are_some_of_it() -> None:
    from claims.reconcile import reconcile

    doc = read_text(SIEGE.format(left=300, hurt=40), "siege.txt")
    sums = [k for k in reconcile([doc], extract_document(doc)) if k.rule == "R-SUM-PARTS"]
    assert sums and all(k.outcome.value == "consistent" for k in sums)


def test_lives_claimed_are_deaths() -> None:
    found = claims_of("Intro.\n\nThe fighting has claimed more than 1,300 lives since April, the UN said.\n")
    assert found["more than 1,300 lives"].value.category is Category.KILLED


def test_vague_amounts_after_a_link() -> None:
    found = claims_of("Intro.\n\nCasualties among government troops numbered in the hundreds.\n\n"
                      "The dead number in the thousands, the agency said.\n\nLosses ran into the hundreds.\n")
    assert found["in the hundreds"].value.low == 100 and found["in the hundreds"].value.vague
    assert found["in the thousands"].value.category is Category.KILLED
    assert found["hundreds"].value.category is Category.CASUALTIES


def test_remaining_unaccounted_for_is_missing() -> None:
    found = claims_of("Intro.\n\nNinety-two soldiers remain unaccounted for.\n")
    assert found["Ninety-two soldiers remain unaccounted for"].value.category is Category.MISSING


def test_one_weapon_named_by_country_and_model() -> None:
    found = claims_of("Intro.\n\nThe group said it had downed a US MQ-9 drone.\n")
    assert found["a US MQ-9 drone"].value.low == 1 and found["a US MQ-9 drone"].kind.value == "equipment"


def test_a_quoted_verb_still_governs_its_figure() -> None:
    found = claims_of('Intro.\n\nIn a statement, the army said it had "eliminated" 15 fighters.\n\n'
                      "The ministry's tally stands at 1,650.\n")
    assert found["15 fighters"].value.category is Category.KILLED
    assert found["1,650"].value.category is Category.KILLED


def test_a_belligerents_participle_and_a_group_named_before() -> None:
    text = ("Army says attack repelled\n\nCAIRO, May 12 (Reuters) - Sudan's army said on Sunday it had repelled a major "
            "attack by the paramilitary Rapid Support Forces (RSF) on the city, killing hundreds of fighters.\n\n"
            "The RSF did not immediately respond. In a post on X, the group said it had inflicted heavy losses on the "
            "army, killing more than 100 soldiers.\n")
    found = claims_of(text)
    assert found["hundreds of fighters"].side.name == "Rapid Support Forces"
    soldiers = found["more than 100 soldiers"]
    assert soldiers.attribution.claimant == "RSF" and soldiers.side.name == "Sudan"


def test_a_bold_party_labels_every_figure_of_its_list_line() -> None:
    page = ("# Winter War\n\nThe Winter War was fought between the Soviet Union and Finland in 1939.\n\n## Casualties\n\n"
            "* **Soviet Union**: 126,875 dead or missing (Krivosheev); 264,908 wounded\n"
            "* **Finland**: 25,904 dead or missing; 800–1,100 captured\n")
    found = claims_of(page, "war.md")
    assert found["126,875 dead or missing (Krivosheev)"].side.name == "Soviet Union"
    assert found["264,908 wounded"].side.name == "Soviet Union"
    assert found["800–1,100 captured"].side.name == "Finland"


def test_a_dateline_city_is_no_label_of_the_sentence() -> None:
    found = claims_of("Toll rises\n\nBeirut : At least 554 people have died since the offensive on Kobani began in "
                      "September, the Syrian Observatory for Human Rights said Saturday.\n")
    assert found["At least 554 people have died"].side.name is None


def test_a_revision_and_a_data_noun_subject_are_sources() -> None:
    text = ("Intro.\n\nRussian researchers have revised Soviet losses upward to about 167,000 killed.\n\n"
            "Finnish estimates of Soviet losses were much higher, at around 200,000 killed.\n")
    found = claims_of(text)
    revised = found["about 167,000 killed"]
    assert revised.attribution.claimant == "Russian researchers" and revised.side.name == "Soviet Union"
    assert found["around 200,000 killed"].attribution.claimant == "Finnish estimates"


def test_a_figure_restated_in_two_versions_is_one_estimate_of_a_measure_clash() -> None:
    from claims.reconcile import reconcile

    page = ("# Winter War\n\nThe Winter War was fought between the Soviet Union and Finland in 1939.\n\n## Casualties\n\n"
            "* **Soviet Union**: 126,875 dead or missing (Krivosheev); 167,976 dead (Van Dyke)\n"
            "* **Finland**: {finns} dead or missing\n")
    docs = [read_text(page.format(finns="25,904"), "a.md"), read_text(page.format(finns="26,662"), "b.md")]
    found = [k for k in reconcile(docs, [c for d in docs for c in extract_document(d)]) if k.rule == "R-MEASURES"]
    assert len(found) == 1 and "restated at" in found[0].explanation


def test_a_size_in_apposition_keeps_out_of_its_subjects_verb() -> None:
    found = claims_of("Intro.\n\nThe defenders, perhaps 800 strong, surrendered on 12 May.\n")
    assert found["perhaps 800 strong"].kind.value == "strength"
    assert found["perhaps 800 strong"].value.qualifier.value == "approx"  # `perhaps` bounds no figure exactly


def test_a_headlines_topic_is_no_source_and_its_says_clause_is() -> None:
    found = claims_of("Sudan fighting: toll passes 185, UN envoy says\n\nKHARTOUM, April 18 (Reuters) - The fighting "
                      "goes on.\n")
    assert found["185"].attribution.claimant == "UN envoy"


def test_a_belligerents_own_losses_are_graded_as_its_own_word() -> None:
    from claims.confidence import assess

    doc = read_text("Intro.\n\nIndia and Pakistan fought for the ridge. India's army said 527 of its soldiers had been "
                    "killed and more than 700 intruders had died.\n\nMajor General Rashid Qureshi said 357 troops had died.\n",
                    "story.txt")
    found = {c.span.quote: c for c in assess(extract_document(doc), [], documents=[doc])}
    assert "its own side" in found["527 of its soldiers had been killed"].confidence.reasons[0]
    assert "its enemy" in found["more than 700 intruders had died"].confidence.reasons[0]
    assert "enemy" not in found["357 troops had died"].confidence.reasons[0]  # no side known for the general


def test_a_force_that_crosses_a_border_is_no_refugee_count() -> None:
    found = claims_of("Intro.\n\nCoalition forces totalling 60,000 crossed the border.\n\n"
                      "Refugees numbering 40,000 crossed the border.\n")
    assert found["60,000 crossed the border"].kind.value == "strength"
    assert found["40,000 crossed the border"].value.category.value in ("displaced", "refugees")


def test_a_bare_number_against_a_figure_counts_the_same_thing() -> None:
    found = claims_of("Intro.\n\nThe score was 3 to 1. The attackers had 9,000 men against 3,000.\n")
    assert found["3,000"].kind.value == "strength" and "1" not in found


def test_abductions_and_arrests_are_captures() -> None:
    found = claims_of("Intro.\n\nAt least 12 people were abducted by gunmen in Zamfara state.\n\n"
                      "Gunmen kidnapped 30 students from a school.\n\nPolice arrested 45 suspected militants.\n")
    assert found["At least 12 people were abducted"].kind.value == "captured"
    assert found["30 students from a school"].kind.value == "captured"
    assert found["45 suspected militants"].kind.value == "captured"


def test_a_clause_before_a_speaker_is_no_title() -> None:
    found = claims_of("Intro.\n\nSpeaking to reporters in Kyiv, Zelensky said 31,000 Ukrainian troops had died.\n\n"
                      "Asked about casualties, the spokesman said only that \"dozens\" had been wounded.\n")
    assert found["31,000 Ukrainian troops had died"].attribution.claimant_class.value != "journalist"
    assert found['"dozens" had been wounded'].value.category is Category.WOUNDED


def test_what_rival_sources_bare_numbers_count_is_named_before_the_colon() -> None:
    found = claims_of("Intro.\n\nCasualty estimates vary widely: the government says 200, while rebels claim over 1,000.\n\n"
                      "The score: the government says 3.\n")
    assert found["200"].value.category is Category.CASUALTIES and found["200"].attribution.claimant == "the government"
    assert found["over 1,000"].value.low == 1000 and found["over 1,000"].attribution.claimant == "rebels"
    assert "3" not in found


def test_civilians_in_a_column_copied_over_lines_are_no_belligerents() -> None:
    page = ("Siege of Kessel\n\nThe siege was fought between Peru and the Shining Path in 1999.\n\n"
            "Belligerents\nPeru\tShining Path\nCasualties and losses\n30 killed\t95 killed\n"
            "14 civilians killed\n2,000 civilians displaced\n")
    found = claims_of(page, "page.txt")
    assert found["95 killed"].side.name == "Shining Path"
    assert found["14 civilians killed"].side.name is None
    assert found["2,000 civilians displaced"].side.name is None


def test_coordinated_state_forces_and_a_measure_naming_a_role_take_their_side() -> None:
    text = ("Intro.\n\nThe Bolivian army fought rebels in the hills for a month. The defence minister said "
            "212 rebels, 31 soldiers and police and 9 civilians had been killed. "
            "The government put rebel deaths at 250.\n")
    found = claims_of(text)
    assert found["31 soldiers and police"].side.name == "Bolivia"
    assert found["250"].side.name == found["212 rebels"].side.name != "Bolivia"
    # a modifier that is no role gives none
    assert claims_of("Intro.\n\nThe Bolivian army fought rebels. Officials put gun deaths at 40.\n")["40"].side.name is None


def test_a_version_with_no_claimant_is_not_folded_into_another_versions_attributed_figure() -> None:
    old = read_text("Siege of Kessel\n\nFrom Wikipedia, the free encyclopedia\n\nThe siege was fought between Peru "
                    "and the Shining Path in 1999.\n\nBelligerents\nPeru\tShining Path\nCasualties and losses\n"
                    "30 killed\t95 killed\n\nAftermath\n\nWhen the siege was over, the government put rebel deaths at 80.\n", "old.txt")
    # the later version changed the infobox to the text's figure and dropped the paragraph
    new = read_text(old.text.replace("95 killed", "80 killed").split("\n\nAftermath")[0] + "\n", "new.txt")
    rules = disagreeing([old, new], lambda c: (c.document, c.span.quote))
    # the edit that changed the infobox is an edit, beside the old infobox against its own text
    assert rules[frozenset({("old.txt", "95 killed"), ("new.txt", "80 killed")})] == "R-VERSION-DRIFT"
    assert rules[frozenset({("old.txt", "95 killed"), ("old.txt", "80")})] == "R-INFOBOX-BODY"


def test_an_armed_groups_own_outlet_and_a_led_coalition_are_belligerents() -> None:
    from claims.extract.attribution import classify_claimant
    from claims.model import ClaimantClass

    assert classify_claimant("Hezbollah's Al-Manar television") == (ClaimantClass.BELLIGERENT, "Hezbollah")
    assert classify_claimant("Israel's Haaretz newspaper")[0] is ClaimantClass.JOURNALIST  # a state's press is press
    assert classify_claimant("the Saudi-led coalition")[0] is ClaimantClass.BELLIGERENT
    assert classify_claimant("A coalition of rights groups")[0] is ClaimantClass.NGO
    assert classify_claimant("Medecins Sans Frontieres")[0] is ClaimantClass.NGO


def test_soldiers_a_state_says_died_naming_nobody_are_its_own() -> None:
    text = ("Town falls\n\nLIMA, May 2 (AFP) - Peru and Chile fought for the town. Peru's defence ministry said "
            "64 servicemen had been killed in the battle, which Chileans call the siege of Arica. "
            "Chile's army said it had killed 300 Peruvian soldiers.\n")
    found = claims_of(text)
    assert found["64 servicemen had been killed"].side.name == "Peru"
    assert found["300 Peruvian soldiers"].side.name == "Peru"
    shelled = claims_of("Intro.\n\nPeru and Chile fought for the town. Peru's defence ministry said "
                        "12 soldiers were killed by Chilean shelling.\n")
    assert shelled["12 soldiers were killed"].side.name != "Chile"


def test_the_start_of_the_war_is_not_the_start_of_the_battle() -> None:
    from claims.reconcile import reconcile

    doc = read_text("Town falls after four days\n\nYEREVAN, Nov 9, 2020 (AFP) - The town fell on Sunday, Nov 8, after four "
                    "days of fighting. Neither side has published its losses since the war began on September 27.\n", "afp.txt")
    assert not [k for k in reconcile([doc], extract_document(doc)) if k.rule == "R-DATE-ORDER"]


def test_a_partys_name_counts_its_men() -> None:
    found = claims_of("Intro.\n\nSomali officials said 300 Shabaab were killed near Kismayo.\n")
    taken = found["300 Shabaab were killed"]
    assert taken.value.category is Category.KILLED and taken.attribution.claimant == "Somali officials"
    # a year before a name is no count of it
    assert not [c for c in claims_of("Intro.\n\nBy 1995 Chechens were killed daily.\n").values() if c.kind.value != "date"]


def test_officialese_nominal_losses() -> None:
    found = claims_of("Statement\n\n- The killing of 85 terrorists.\n- The destruction of 14 booby-trapped vehicles.\n\n"
                      "The ministry said the losses of the Ruritanian armed forces since 27 September amount to "
                      "7,630 servicemen, 41 combat aircraft and 24 helicopters. It said 1,221 of its servicemen had fallen.\n")
    assert found["85 terrorists"].value.category is Category.KILLED
    assert found["14 booby-trapped vehicles"].value.lost
    assert found["7,630 servicemen"].value.category is Category.CASUALTIES
    assert found["41 combat aircraft"].value.lost and found["24 helicopters"].value.lost
    assert found["1,221 of its servicemen had fallen"].value.category is Category.KILLED


def test_a_statement_headed_by_its_issuer_speaks_for_it() -> None:
    from claims.extract.discourse import masthead

    assert masthead("Briefing by the Official Representative of the Ministry of Defence of the Russian Federation") \
        == "Official Representative of the Ministry of Defence of the Russian Federation"
    assert masthead("Joint Operations Command - Statement No. 47") == "Joint Operations Command"
    text = ("Briefing by the Official Representative of the Ministry of Defence of the Russian Federation\n\n"
            "Units repelled four attacks of the Armed Forces of Ukraine. The enemy lost up to 215 servicemen killed "
            "and wounded over the past day.\n")
    (c,) = [c for c in claims_of(text).values() if c.kind.value == "casualties"]
    assert c.attribution.claimant_side == "Russia" and c.side.name == "Ukraine"


def test_reports_a_year_apart_about_one_siege_are_one_event() -> None:
    from claims.reconcile.events import group_events

    docs = [read_text("Troops push into eastern Mosul\n\nMOSUL, Iraq, Nov. 30, 2016 (Reuters) - Iraqi troops "
                      "advanced into two more districts of Mosul.\n", "a.txt"),
            read_text("Mosul live: last pockets fall\n\nJuly 9, 2017 - Iraqi forces cleared the last streets of "
                      "Mosul's Old City.\n", "b.txt")]
    (event,) = group_events(docs)
    assert set(event.documents) == {"a.txt", "b.txt"}


def test_a_total_row_under_the_columns_is_nobodys_and_a_states_insurgents_are_no_state() -> None:
    page = ("Siege of Kessel\n\nThe siege was fought between Peru and Peruvian insurgents in 1999.\n\n"
            "Belligerents\nPeru\tPeruvian insurgents\nCasualties and losses\n300 killed\t500 killed\n"
            "Total: 900 killed\n")
    found = claims_of(page, "page.txt")
    assert found["300 killed"].side.name == "Peru"
    assert found["500 killed"].side.name == "Peruvian insurgents"
    assert found["900 killed"].side.name is None


def test_sources_with_an_intensifier_an_ordinal_a_date_or_a_subject_of_their_own() -> None:
    assert sources("Dudayev himself claimed that his men had lost 300.")[0][0] == "Dudayev"
    assert sources("The 3rd Marine Division reported 142 dead.")[0][0] == "The 3rd Marine Division"
    assert sources("A leaked assessment of March 2031 put Ruritanian losses at 5,000.")[0][0] == "A leaked assessment"
    assert sources("The tribunal's judgement against Ivan Petrov found that the corps had 18,000 men.")[0][0] \
        == "The tribunal's judgement against Ivan Petrov"
    assert sources("In 3 reports 40 died.") == []  # a count before a cue noun is no date


def test_homeless_are_displaced_and_the_whole_of_a_partitive_is_no_list_member() -> None:
    found = claims_of("Intro.\n\nOf the town's 40,000 inhabitants, 31,000 were left homeless.\n")
    assert found["31,000 were left homeless"].value.category is Category.DISPLACED
    assert found["40,000 inhabitants"].value.category is not Category.DISPLACED


def test_civilians_of_two_nations_a_months_toll_and_the_last_holdouts_are_other_quantities() -> None:
    a = read_text("Siege of Kessel ends\n\nThe siege of Kessel between Peru and Chile ended in 2031. Peru's prosecutor said "
                  "92 Peruvian civilians were killed. Officials said 4,000 Chilean troops had taken part in the siege. "
                  "Peru's army said 2,000 Chilean soldiers were killed in November alone.\n", "a.txt")
    b = read_text("Kessel: the last days\n\nThe siege of Kessel between Peru and Chile ended in 2031. A Chilean ombudsman "
                  "said about 50 Chilean civilians died. Officials said 30 Chilean troops were still holding out. "
                  "Peru's army said 5,000 Chilean soldiers were killed in the siege.\n", "b.txt")
    pairs = disagreeing([a, b])
    assert frozenset({"92 Peruvian civilians were killed", "about 50 Chilean civilians died"}) not in pairs
    assert not any("still holding out" in " ".join(p) for p in pairs)
    assert not any("in November alone" in " ".join(p) for p in pairs)


def test_men_a_lists_destroyed_covers_are_losses_and_serbs_fit_a_republika_srpska_column() -> None:
    found = claims_of("Intro.\n\nIn the northern direction, up to 60 Ruritanian servicemen, two pickup trucks and a "
                      "howitzer were destroyed.\n")
    assert found["up to 60 Ruritanian servicemen"].value.category is Category.CASUALTIES
    page = ("Siege of Kessel\n\nThe siege was fought in 1993.\n\nBelligerents\nBosnia and Herzegovina\tRepublika Srpska\n"
            "Casualties and losses\n600 killed\t200 killed\n\nCasualties\n\nAccording to the centre, the Serb forces lost "
            "250 men in the siege, while the defenders lost 700.\n")
    assert claims_of(page, "page.txt")["250 men"].side.column == 2


def test_the_enemy_as_a_partitive_units_of_manpower_and_men_after_a_list_of_weapons() -> None:
    found = claims_of("Intro.\n\nPeru and Chile fought for the town. The Peruvian general claimed that his men had "
                      "killed 5,113 of the enemy. The Peruvian ministry said its units destroyed 2 tanks and more than "
                      "100 units of the adversary's manpower.\n")
    enemy = found["5,113 of the enemy"]
    assert enemy.value.category is Category.KILLED and enemy.side.name == "Chile"
    manpower = found["more than 100 units of the adversary's manpower"]
    assert manpower.value.category is Category.CASUALTIES and manpower.side.name == "Chile"
    men = claims_of("Intro.\n\nThe army said it destroyed 2 tanks and more than 100 soldiers.\n")["more than 100 soldiers"]
    assert men.kind.value == "casualties"


def test_a_notes_table_of_rival_sources_and_its_headings() -> None:
    note = ("# Siege of Kessel notes\n\n## Chilean losses\n\n| Source | Killed | Wounded |\n|---|---|---|\n"
            "| UN panel | 1,000 | 300 |\n| Peruvian army | 1,700 | – |\n\n## Peruvian losses\n\n"
            "- **Lima central hospital**: 712 killed, 3,200 wounded\n")
    found = [c for c in extract_document(read_text(note, "notes.md")) if c.kind.value == "casualties"]
    by_value = {c.value.low: c for c in found}
    assert by_value[1700].attribution.claimant == "Peruvian army" and by_value[1700].side.name == "Chile"
    assert by_value[1000].attribution.claimant == "UN panel" and by_value[1000].side.name == "Chile"
    assert by_value[712].attribution.claimant == "Lima central hospital" and by_value[712].side.name == "Peru"


def test_an_apposition_after_a_name_a_higher_figure_and_them_for_a_measure() -> None:
    found = claims_of("Intro.\n\nPeru and Chile fought for the town. Juan Soto, a Chilean army spokesman, said 300 "
                      "Peruvians had been killed. A rights group gave a higher figure of 450 Peruvian dead. "
                      "Chilean losses are harder to assess; historians put them at about 2,000.\n")
    spoken = found["300 Peruvians had been killed"]
    assert spoken.attribution.claimant_class.value == "belligerent" and spoken.attribution.claimant_side == "Chile"
    assert found["450 Peruvian dead"].attribution.claimant == "A rights group"
    them = found["about 2,000"]
    assert them.kind.value == "casualties" and them.side.name == "Chile" and them.attribution.claimant == "historians"


def test_a_flag_template_before_the_first_link_names_the_column() -> None:
    page = ("{{Infobox military conflict\n| conflict = Battle of Kessel\n| date = 1944\n"
            "| combatant1 = {{flag|United Kingdom}}<br />{{flagicon|Poland}} [[Polish Armed Forces in the West|Poland]]\n"
            "| combatant2 = {{flag|Nazi Germany}}\n| casualties1 = 5,000\n| casualties2 = 2,000\n}}\n"
            "The '''Battle of Kessel''' was fought in 1944.\n")
    doc = read_text(page, "kessel.wiki")
    assert doc.belligerents[0] == "United Kingdom"
    assert {c.span.quote: c.side.name for c in extract_document(doc) if c.kind.value == "casualties"}["5,000"] == "United Kingdom"


def test_each_version_checks_its_own_casualty_sum_and_a_whole_campaign_is_another_quantity() -> None:
    from claims.reconcile import reconcile

    def page(total: str, killed: str) -> str:
        return ("Battle of Kessel\n\nFrom Wikipedia, the free encyclopedia\n\nThe battle was fought between Peru and "
                "Chile in 1943.\n\nBelligerents\nPeru\tChile\nCasualties and losses\n"
                f"{total} casualties\t900 casualties\n{killed} killed\t300 killed\n4,000 wounded\t600 wounded\n\nCasualties\n\n"
                "For the whole summer campaign, Chilean losses were 20,000, while Peruvian losses for the same "
                "period were about 60,000.\n")
    docs = [read_text(page("5,100", "1,100"), "old.txt"), read_text(page("5,200", "1,100"), "new.txt")]
    claims = [c for d in docs for c in extract_document(d)]
    sums = [k for k in reconcile(docs, claims) if k.rule == "R-CASUALTY-SUM"]
    quote = {c.id: (c.document, c.span.quote) for c in claims}
    # new.txt's own total against its own parts; no version's parts against another's total
    assert all(len({quote[i][0] for i in k.claims}) == 1 for k in sums)
    assert any(("new.txt", "5,200 casualties") in {quote[i] for i in k.claims} for k in sums)
    assert not any("about 60,000" in quote[i][1] for k in sums for i in k.claims)


def test_a_pdf_running_head_is_no_title_and_a_second_battle_recalling_the_first_is_its_own_event() -> None:
    from claims.reconcile.events import group_events

    page = read_text("212                          THE PACIFIC CAMPAIGN 1943–1945\n\n   The cost of the battle was "
                     "appalling. By the\nofficial count the defenders lost\n5,000 men.\n", "p212.txt")
    assert "CAMPAIGN" not in page.title
    first = read_text("# First Battle of Kessel Airport (26–27 May 2031)\n\nThe battle left 40 dead.\n", "first.md")
    second = read_text("# Second Battle of Kessel Airport (Sep 2031 – Jan 2032)\n\nUnlike the First Battle of Kessel "
                       "Airport, the fighting lasted months; 170 fighters died.\n", "second.md")
    assert len(group_events([first, second])) == 2


def test_a_passive_with_its_source_cost_as_a_loss_and_those_allowed_to_leave() -> None:
    found = claims_of("Intro.\n\nPeru and Chile fought for the town. Chilean losses in the assault are given by Soto as "
                      "5,182 men. The push had cost 34 of their own men, the Peruvian army said.\n")
    given = found["5,182 men"]
    assert given.kind.value == "casualties" and given.side.name == "Chile" and given.attribution.claimant == "Soto"
    assert found["34 of their own men"].kind.value == "casualties"
    assert not [c for c in claims_of("Intro.\n\nThe repairs cost 5,000 dollars.\n").values() if c.kind.value == "casualties"]


def test_a_statement_issued_in_a_capital_speaks_for_that_country() -> None:
    text = ("Joint Operations Command - Statement No. 12\nIslamabad, 1 December 2031\n\n"
            "Since the beginning of the operations, the enemy has lost up to 1,600 of its fighters.\n\n"
            "Our forces lost 9 martyrs and 31 wounded in the course of yesterday's operations.\n")
    found = claims_of(text)
    assert found["9 martyrs"].attribution.claimant == "Joint Operations Command"
    assert found["9 martyrs"].side.name == "Pakistan" and found["31 wounded"].side.name == "Pakistan"


def test_raising_or_lowering_a_toll_is_a_revision_by_its_source() -> None:
    assert sources("Later, the regional governor raised the toll to seven.") == [
        ("the regional governor", "the toll to seven")]
    assert sources("The governor lowered his estimate to 300.")[0][0] == "The governor"
    assert sources("The army raised 3,000 troops in the north.") == []  # raising troops is no revision
    from claims.extract.attribution import classify_claimant
    assert classify_claimant("Agence France-Presse")[0].value == "journalist"


def test_officials_in_a_town_name_nobody_officials_in_a_capital_name_its_state() -> None:
    from claims.extract.attribution import is_unnamed

    assert is_unnamed("Officials in Kessel") and is_unnamed("a source in the army")
    assert not is_unnamed("officials in Islamabad")
    said = claims_of("Intro.\n\nOfficials in Kessel said three people died.\n")["three people died"]
    assert said.attribution.claimant_class.value == "unnamed"  # its words kept, naming nobody


def test_a_towns_population_is_no_force() -> None:
    found = claims_of("Intro.\n\nOfficials said fewer than 500 of Kessel's pre-war population of 70,000 remained.\n")
    assert not [c for c in found.values() if c.kind.value == "strength"]


def test_a_coalition_members_labelled_part_of_its_columns_cell_is_that_members_only() -> None:
    page = read_text("# Battle of Kessel\n\nThe battle of Kessel was fought between a coalition of Peru and Chile and "
                     "Bolivian insurgents in 2031.\n\n| Belligerents | |\n|---|---|\n| Peru, Chile | Bolivian insurgents |\n\n"
                     "| Casualties and losses | |\n|---|---|\n| Peru: 95 killed; Chile: 4 killed | 1,200 killed |\n", "page.md")
    story = read_text("Kessel battle ends\n\nThe battle of Kessel ended in 2031. The Peruvian army said 82 of its soldiers "
                      "had been killed in the battle.\n", "story.txt")
    pairs = disagreeing([page, story])
    assert not any("4 killed" in p for p in pairs)  # Chile's part, not the column's whole


def test_a_unit_reporting_its_dead_reports_its_own() -> None:
    found = claims_of("Intro.\n\nPeru and Chile fought for the port. Chile's 1st Division reported 357 dead, 1,830 wounded "
                      "and 42 missing. Chile's army reported 300 dead among the enemy.\n")
    assert found["357 dead"].side.name == "Chile" and found["42 missing"].side.name == "Chile"
    assert found["300 dead among the enemy"].side.name == "Peru"


def test_a_word_a_printed_page_broke_over_two_lines_is_read_whole() -> None:
    text = ("Intro.\n\n   The report said that 102 Ruritanian sol-\ndiers were killed in the\nfighting, and that 40 "
            "ar-\nmoured vehicles were destroyed.\n")
    found = claims_of(text)
    killed = found["102 Ruritanian sol-\ndiers were killed"]
    assert killed.value.category is Category.KILLED and killed.attribution.claimant == "The report"
    assert found["40 ar-\nmoured vehicles were destroyed"].value.lost
    assert all(text[c.span.start:c.span.end] == c.span.quote for c in found.values())  # spans keep the break


def test_a_numbered_list_of_losses_reads_each_lines_label_and_whose_they_are() -> None:
    text = ("COMMUNIQUE OF THE GENERAL STAFF OF THE ARMED FORCES OF ETHIOPIA\n"
            "on the results of the defence of Badme\n\n"
            "The General Staff reports that the defence of Badme lasted 40 days. Ethiopia and Eritrea "
            "fought for the town; Eritrean units attacked it daily.\n\n"
            "The losses of our units amount to:\n\n"
            "1. killed in action — 179 servicemen;\n2. wounded — 110 servicemen;\n3. missing — 82 servicemen.\n\n"
            "According to preliminary information, the enemy lost:\n\n"
            "1) personnel — up to 868 killed;\n2) tanks — 22;\n3) armoured combat vehicles — 11.\n")
    found = claims_of(text)
    assert found["killed in action — 179 servicemen"].value.category is Category.KILLED
    assert found["killed in action — 179 servicemen"].side.name == "Ethiopia"  # `our units`: the claimant's
    assert found["wounded — 110 servicemen"].value.category is Category.WOUNDED
    assert found["missing — 82 servicemen"].value.category is Category.MISSING
    tanks = next(c for c in found.values() if c.span.start == text.index("22;"))
    assert tanks.value.lost and tanks.side.name == "Eritrea"
    # the masthead over the title line is the statement's voice, and says whose staff it is
    assert tanks.attribution.claimant == "The General Staff" and tanks.attribution.claimant_side == "Ethiopia"
    assert found["up to 868 killed"].side.name == "Eritrea"


def test_a_body_named_twice_in_two_cases_is_classed_without_looping() -> None:
    found = claims_of("Intro.\n\nFighting continued, the army said. The army said 12 tanks were lost.\n")
    assert found["12 tanks were lost"].attribution.claimant == "The army"


def test_no_source_phrase_runs_back_over_a_full_stop() -> None:
    text = ('A former officer said the movement lost "around eleven thousand" fighters in the last two years. '
            "Defence Secretary Ivan Horvat told a press conference that 11,664 rebels had surrendered.")
    assert sources(text)[1][0] == "Defence Secretary Ivan Horvat"
    # an abbreviated title is no full stop
    assert sources("Lt. Gen. Ivan Horvat said 40 soldiers were killed.")[0][0] == "Lt. Gen. Ivan Horvat"


def test_a_speaker_after_the_cue_may_open_with_a_modifier_noun() -> None:
    found = claims_of('Intro.\n\nArmy officials said the town was calm.\n\n'
                      '"We buried more than 200 of their dead," said rebel spokesman Ali Haddad.\n')
    assert found["more than 200 of their dead"].attribution.claimant == "rebel spokesman Ali Haddad"


def test_a_subject_quoted_by_an_outlet_speaks_through_the_verb_after_it() -> None:
    assert sources("Witnesses quoted by the BBC said 40 soldiers were killed.") == [
        ("Witnesses", "40 soldiers were killed")]
    assert sources("Survivors interviewed by UNHCR in Sudan said more than 150 people had been killed.") == [
        ("Survivors", "more than 150 people had been killed")]
    assert sources("Western intelligence estimates cited by Reuters put rebel losses at 300.") == [
        ("Western intelligence estimates", "rebel losses at 300")]
    # whom someone spoke to says nothing yet
    assert sources("Survivors interviewed by UNHCR described the attack.") == []
    found = claims_of("Intro.\n\nWitnesses quoted by the BBC said 40 soldiers were killed.\n")
    said = found["40 soldiers were killed"].attribution
    assert said.claimant == "Witnesses" and said.claimant_class.value == "unnamed"  # not the BBC


def test_a_rival_sources_bare_number_after_admitting_or_estimating_counts_the_same() -> None:
    text = ("Intro.\n\nRebels claimed 300 soldiers killed; the army admitted 45.\n\n"
            "The ministry said 120 rebels had died, while Western analysts estimated 900.\n\n"
            "Rebels said 80 soldiers had been captured. The ministry acknowledged only 19.\n\n"
            "The UN said 50,000 people had fled. Local officials put the number higher, at 80,000.\n")
    found = claims_of(text)
    assert found["45"].value.category is Category.KILLED and found["45"].attribution.claimant == "the army"
    assert found["estimated 900"].value.category is Category.KILLED
    assert found["estimated 900"].attribution.claimant == "Western analysts"
    assert found["19"].value.category is Category.CAPTURED and found["19"].attribution.claimant == "The ministry"
    assert found["80,000"].value.category is Category.DISPLACED
    assert found["80,000"].attribution.claimant == "Local officials"  # not the UN before it


_WIKI_BOX = """{{Infobox military conflict
| conflict    = Battle of Ostrava Ridge
| date        = 3 March – 9 May 1961
| combatant1  = [[Ruritania]]
| combatant2  = [[Borduria]]
| strength1   = 10,800 (initial)<br />16,200 (total, with reinforcements)
| strength2   = 49,500 combat troops<br />15,000 logistics personnel
| casualties2 = ''Bordurian figures:''<br />4,020 killed<br />9,118 wounded<br />''Ruritanian estimate:''<br />8,000 killed<br />15,000 wounded
}}
The '''Battle of Ostrava Ridge''' was fought in 1961.
"""


def test_an_infobox_label_in_italics_names_the_claimant_of_the_figures_under_it() -> None:
    found = {c.span.quote: c for c in extract_document(read_text(_WIKI_BOX, "ridge.wiki"))}
    assert found["4,020 killed"].attribution.claimant == "Bordurian figures"
    assert found["8,000 killed"].attribution.claimant == "Ruritanian estimate"


def test_a_cells_initial_force_and_its_parts_by_role_are_not_rival_estimates() -> None:
    found = disagreeing([read_text(_WIKI_BOX, "ridge.wiki")])
    pairs = {frozenset(k) for k in found}
    assert frozenset({"10,800", "16,200"}) not in pairs
    assert frozenset({"49,500 combat troops", "15,000 logistics personnel"}) not in pairs
    # two claimants' counts of the dead still disagree
    assert any({"4,020 killed", "8,000 killed"} <= k for k in pairs)


def test_prisoners_and_injuries_in_other_words() -> None:
    found = claims_of("Intro.\n\nThe rebels said they had taken prisoner some 80 soldiers.\n\n"
                      "The ministry said 19 soldiers were in rebel hands.\n\n"
                      "One pilot was taken into custody, the army said.\n\n"
                      "Nine soldiers sustained injuries in the shelling, the army said.\n")
    assert found["some 80 soldiers"].value.category is Category.CAPTURED
    assert found["19 soldiers were in rebel hands"].value.category is Category.CAPTURED
    assert found["One pilot was taken into custody"].value.category is Category.CAPTURED
    assert found["Nine soldiers sustained injuries"].value.category is Category.WOUNDED


def test_figures_a_source_gives_after_a_colon_are_its_own() -> None:
    found = claims_of("Intro.\n\nThe ministry gave its first figures on 12 January: 246 killed and 704 wounded.\n")
    assert found["246 killed"].attribution.claimant == "The ministry"
    assert found["704 wounded"].attribution.claimant == "The ministry"


def test_a_day_of_a_month_is_no_figure_and_a_possessive_source_may_be_compared() -> None:
    found = claims_of("Intro.\n\nTwo aircraft which crossed the line on 27 May were shot down, the statement said.\n\n"
                      "Memorial's more cautious count was 3,000 to 5,000 civilians killed.\n")
    assert not [q for q in found if q.startswith("27")]
    assert found["3,000 to 5,000 civilians killed"].attribution.claimant == "Memorial's count"


def test_it_points_back_to_the_source_that_disputed_a_figure() -> None:
    found = claims_of("Intro.\n\nMore than 268,000 people had fled, the regional authorities said.\n\n"
                      "Rebels said they had captured 80 soldiers, a figure the ministry disputed. "
                      "It said only 19 soldiers had been captured.\n")
    assert found["19 soldiers had been captured"].attribution.claimant == "the ministry"


def _story(name: str, text: str):
    return read_text(text, name)


def test_the_battles_own_time_is_no_part_of_it_and_a_forces_date_does_not_scope_its_size() -> None:
    page = _story("ridge.txt", "= Battle of Ostrava Ridge =\n\nInfobox\n- Date: 23–26 February 1999\n"
                  "- Combatant1: Ethiopia\n- Combatant2: Eritrea\n- Strength2: 7,000 soldiers\n"
                  "- Casualties2: Per Ethiopia: 9,000 killed\n\nThe battle of Ostrava Ridge was fought in 1999.\n")
    wire = _story("wire.txt", "Ethiopia says 12,000 Eritreans killed at Ostrava Ridge\n\n"
                  "ADDIS ABABA, March 2, 1999 - Ethiopia said on Tuesday that 12,000 Eritrean troops were killed "
                  "in last week's battle for Ostrava Ridge.\n\n"
                  "Some 5,000 Eritrean soldiers were defending the ridge when the attack began on Monday, it said.\n")
    found = disagreeing([page, wire])
    assert any({"Per Ethiopia: 9,000 killed", "12,000 Eritrean troops were killed"} <= k or
               {"9,000 killed", "12,000 Eritrean troops were killed"} <= k for k in found)
    assert any("7,000 soldiers" in k and any(q.startswith("Some 5,000") for q in k) for k in found)


def test_a_time_set_before_the_clauses_comma_scopes_the_figure() -> None:
    wire = _story("wire.txt", "Toll rises at Ostrava\n\nKYIV, Sept 3, 2014 - The number of soldiers killed at Ostrava "
                  "has risen to 241, Ukraine's defence ministry said.\n\n"
                  "A spokesman said that on 29 August alone, 108 soldiers were killed.\n")
    note = _story("note.md", "# Ostrava: estimates\n\n- The prosecutor gave a final toll of 366 soldiers killed.\n")
    found = disagreeing([wire, note])
    assert not any(any(q.startswith("108") for q in k) for k in found)  # one day against the whole
    assert not any("241" in k for k in found)  # a running count against a final one: it went on


def test_a_page_stating_both_figures_of_a_clash_is_paired_with_itself() -> None:
    page = _story("ridge.txt", "= Battle of Ostrava Ridge =\n\nInfobox\n- Combatant1: Ethiopia\n- Combatant2: Eritrea\n"
                  "- Strength1: 60,000 troops\n\nEthiopia committed about 100,000 troops to the offensive, "
                  "according to later accounts.\n")
    note = _story("note.md", "# Ostrava Ridge: estimates\n\nEthiopian strength:\n\n- 60,000 troops (official)\n"
                  "- 100,000 troops (officers' accounts)\n")
    found = disagreeing([page, note], label=lambda c: (c.document, c.span.quote))
    assert any({("ridge.txt", "60,000 troops"), ("ridge.txt", "about 100,000 troops")} <= k for k in found)


def test_an_indefinite_speaker_after_the_cue_is_a_speaker_not_a_force_of_one() -> None:
    found = claims_of('Intro.\n\n"We were driving in the open, and they were waiting for us," '
                      "said one fighter from the Ostrava battalion, who gave only his first name.\n")
    assert not [c for c in found.values() if c.kind.value == "strength"]
    quote = next(c for q, c in found.items() if q.startswith('"We were'))
    assert quote.attribution.claimant is None  # an unnamed speaker names no claimant


def test_the_party_opening_a_clause_of_time_does_what_it_says_and_is_not_the_figures() -> None:
    found = claims_of("Intro.\n\nUkraine and Russia fought at Ostrava. According to the ministry, 1,700 soldiers were "
                      "trapped in the pocket when separatist and Russian forces closed the ring on 24 August.\n")
    assert found["1,700 soldiers"].side.name != "Russia"


def test_a_tables_first_column_headed_estimate_names_who_estimates() -> None:
    text = ("# Ostrava Ridge\n\n## Eritrean losses\n\n| Estimate | Killed |\n|---|---|\n"
            "| Ethiopian government | 9,000 killed |\n| Independent estimate | around 3,000 |\n")
    found = claims_of(text, "note.md")
    assert found["9,000 killed"].attribution.claimant == "Ethiopian government"
    assert found["9,000 killed"].side.name == "Eritrea"  # the heading's, not the row's


def test_a_label_after_a_semicolon_in_a_cell_takes_over_from_the_one_before() -> None:
    text = ("= Battle of Ostrava Ridge =\n\nInfobox\n- Combatant1: Iran\n- Combatant2: Iraq\n"
            "- Casualties1: Per Iran: 5,400 killed; Western estimate: 7,000–10,000 killed\n\nThe battle was fought in 1982.\n")
    found = claims_of(text, "ridge.txt")
    assert found["5,400 killed"].attribution.claimant == "Iran"
    assert found["7,000–10,000 killed"].attribution.claimant == "Western estimate"


def test_a_source_phrase_stops_at_a_noun_before_a_name_and_a_council_member_is_nobody_named() -> None:
    assert sources("Across the whole battle Iranian sources later put the number of Iraqi soldiers killed at 7,000.")[0][0] \
        == "Iranian sources"
    assert sources("The pro-government Syrian Observatory said 3 died.")[0][0] == "The pro-government Syrian Observatory"
    found = claims_of("Intro.\n\nInterior ministry spokesman Ivan Horvat said 200 rebels had been killed. "
                      "A provincial council member said the rebels had seized at least 20 Humvees.\n")
    assert found["at least 20 Humvees"].attribution.claimant != "Interior ministry spokesman Ivan Horvat"


def test_cadres_are_fighters_and_a_number_destroyed_of_nothing_named_is_no_figure() -> None:
    found = claims_of("Intro.\n\nThe army fought the LTTE. The military said it had killed more than 22,000 LTTE cadres.\n\n"
                      "Some 3,200 were destroyed in the shelling, the mayor said of the houses.\n")
    assert found["more than 22,000 LTTE cadres"].value.category is Category.KILLED
    assert not [q for q in found if q.startswith("Some 3,200")]


def test_a_bare_count_after_a_civilian_toll_counts_civilians_too() -> None:
    found = claims_of("Intro.\n\nA UN document recorded 7,721 civilians killed and 18,479 wounded between January and May.\n")
    assert found["18,479 wounded"].value.population.value == "civilian"


def test_the_who_is_an_organisation_and_a_force_is_no_count_of_one() -> None:
    found = claims_of("Intro.\n\nThe death toll has risen to 174, the WHO said.\n\n"
                      "General Horvat sent a force of about 5,000 men across the river.\n")
    assert found["174"].attribution.claimant == "the WHO"
    assert found["174"].attribution.claimant_class.value == "international"
    assert not [q for q in found if q.startswith("a force")]


def test_coordinated_heads_and_an_adverb_before_the_participle_keep_the_predicate() -> None:
    found = claims_of("Intro.\n\nAt least 188 soldiers and pro-government militiamen had been killed, the Observatory said.\n\n"
                      "The ministry said 38 soldiers had in fact been killed.\n")
    assert next(c for q, c in found.items() if q.startswith("At least 188")).value.category is Category.KILLED
    assert found["38 soldiers had in fact been killed"].value.category is Category.KILLED


def test_indented_numbered_lines_under_a_sources_list_of_enemy_losses() -> None:
    found = claims_of("Intro.\n\nRussia and Ukraine fought for the town.\n\nAccording to the ministry, the enemy lost:\n\n"
                      "   1. personnel — over 2,000 militants eliminated;\n   2. tanks — 12;\n")
    assert found["over 2,000 militants eliminated"].value.category is Category.KILLED
    tanks = found["12"]
    assert tanks.value.lost and tanks.attribution.claimant == "the ministry"


def test_up_to_in_a_claim_is_the_claimants_figure_not_a_ceiling() -> None:
    ministry = _story("mod.txt", "Ostrava garrison\n\nMOSCOW, June 20 - The ministry said up to 2,000 Ukrainian servicemen "
                      "were trapped in the Ostrava plant.\n")
    wire = _story("wire.txt", "Ostrava garrison smaller than claimed\n\nKYIV, June 21 - The Ukrainian garrison at the Ostrava plant "
                  "numbered about 800 troops, a Ukrainian officer said.\n")
    found = disagreeing([ministry, wire])
    assert any(any(q.startswith("up to 2,000") for q in k) and any("800" in q for q in k) for k in found)


def test_a_revised_figure_counts_the_same_people_as_the_one_it_revises() -> None:
    found = claims_of("Intro.\n\nMali and the rebels fought for the town. The Ministry of Defence announced that 11 Malian "
                      "soldiers had been killed. On 18 January the ministry revised this figure, stating that 38 soldiers "
                      "had in fact been killed.\n")
    first = next(c for q, c in found.items() if q.startswith("11"))
    assert found["38 soldiers had in fact been killed"].side.name == first.side.name == "Mali"


def test_a_units_own_count_is_not_the_whole_sides() -> None:
    page = _story("ridge.txt", "= Battle of Ostrava Ridge =\n\nInfobox\n- Combatant1: South Vietnam\n- Combatant2: North Vietnam\n"
                  "- Casualties1: 229 killed\n\nThe battle was fought in 1968.\n")
    note = _story("note.md", "# Ostrava Ridge\n\nSouth Vietnamese losses were heavy: the 37th Ranger Battalion lost 115 killed "
                  "in the siege, according to its commander.\n")
    found = disagreeing([page, note])
    assert not any("115 killed" in k for k in found)


def test_a_speaker_in_a_wiki_link_is_the_source() -> None:
    assert sources("[[Fidel Castro]] declared in 1988 that the South Africans had lost over 1,000 men.")[0][0] == "Fidel Castro"
    assert sources("According to [[Fidel Castro|Castro]], the SADF lost over 1,000 men.")[0][0] == "Fidel Castro"


def test_a_year_after_since_is_not_the_year_the_text_goes_on_in() -> None:
    text = ("= Battle of Ostrava =\n\nInfobox\n- Date: 28 September – 13 October 2015\n- Combatant1: Afghanistan\n"
            "- Combatant2: Taliban\n\nThe Taliban had held the district since 2001. On 1 October the army counterattacked.\n")
    found = claims_of(text, "ostrava.txt")
    assert found["1 October"].value.earliest.year == 2015


def test_a_count_set_before_what_it_counts() -> None:
    found = claims_of("Intro.\n\nThe ministry on Friday raised to 23 the number of guardsmen killed in the ambush.\n\n"
                      "A rebel spokesman puts the number of fighters killed since March at 140.\n")
    raised = next(c for q, c in found.items() if q.startswith("23"))
    assert raised.value.category is Category.KILLED and raised.attribution.claimant == "The ministry"
    put = next(c for q, c in found.items() if q.startswith("140"))
    assert put.value.category is Category.KILLED


def test_the_linking_verb_counts_the_measure_in_its_own_clause() -> None:
    found = claims_of("Intro.\n\nNine guardsmen were killed and the number of wounded reached 31.\n\n"
                      "Hundreds fled as the army shelled the port and the toll rose to 52.\n\n"
                      "The toll since Jan. 4 had risen to 77, the monitor said.\n")
    assert next(c for q, c in found.items() if q.startswith("31")).value.category is Category.WOUNDED
    assert next(c for q, c in found.items() if q.startswith("52")).value.category is Category.KILLED
    assert next(c for q, c in found.items() if q.startswith("77")).value.category is Category.KILLED


def test_a_denied_bound_is_an_upper_bound() -> None:
    found = claims_of("Intro.\n\nThe command said its losses did not exceed 14 martyrs.\n")
    figure = next(c for q, c in found.items() if "14" in q)
    assert (figure.value.low, figure.value.high, figure.value.qualifier.value) == (None, 14, "at_most")


def test_civilians_who_leave_are_displaced_and_troops_who_leave_are_not() -> None:
    found = claims_of("Intro.\n\n4,210 civilians, including 1,905 children, left the old town through the corridor. "
                      "Some 9,000 residents have moved to Dorno.\n\nThe 300 troops left the bridge at dawn.\n")
    assert next(c for q, c in found.items() if q.startswith("4,210")).value.category is Category.DISPLACED
    assert next(c for q, c in found.items() if q.startswith("Some 9,000")).value.category is Category.DISPLACED
    assert all(c.value.category is not Category.DISPLACED for q, c in found.items() if "300" in q)


def test_a_figure_or_estimate_with_no_noun_counts_the_losses_named_before() -> None:
    found = claims_of("Intro.\n\nOstravan casualties in the offensive are usually given as 61,300, a figure later revised "
                      "downward to 58,900 by the army's historians. Most modern estimates range from 64,000 to 70,000. "
                      "Kessel and Varga estimate 66,410. The true figure was nearer 72,000.\n")
    for lead in ("61,300", "58,900", "from 64,000", "66,410", "nearer 72,000"):
        figure = next(c for q, c in found.items() if q.startswith(lead))
        assert figure.value.category is Category.CASUALTIES, lead
    assert next(c for q, c in found.items() if q.startswith("66,410")).attribution.claimant == "Kessel and Varga"
    # a comparative after the copula is no noun (`The Ruritanian figure of 40,250 is lower`)
    lower = claims_of("Intro.\n\nOstravan casualties were heavy. The Ruritanian figure of 40,250 is lower.\n")
    assert next(c for q, c in lower.items() if q.startswith("40,250")).value.category is Category.CASUALTIES


def test_a_member_of_a_coalition_column_keeps_its_name_in_the_prose() -> None:
    text = ("= Battle of Ostrava Hill =\n\nInfobox\n- Combatant1: United Nations: Australia, Canada, New Zealand\n"
            "- Combatant2: China\n- Casualties1: 51 killed\n\nThe battle was fought in 1951. Canadian losses were "
            "12 killed and 30 wounded.\n")
    found = claims_of(text, "hill.txt")
    assert found["51 killed"].side.name == "United Nations"  # the column's cell stays the column's
    assert found["12 killed"].side.name == "Canada" and found["12 killed"].side.column == 1


def test_a_unit_named_in_full_before_and_a_pronoun_after_it() -> None:
    found = claims_of("Intro.\n\nThe 8th Republic of Korea Division broke under the attack. The division lost 1,900 men "
                      "in two days.\n\nThe Chinese 120th Division withdrew on 2 May. Its losses were later put at 3,000 killed.\n")
    assert next(c for q, c in found.items() if q.startswith("1,900")).side.name == "South Korea"
    assert next(c for q, c in found.items() if "3,000" in q).side.name == "China"


def test_a_new_subject_in_an_article_is_the_narrators_not_the_last_source() -> None:
    text = ("= Battle of Ostrava Hill =\n\nInfobox\n- Combatant1: United Nations: Australia, New Zealand\n"
            "- Combatant2: China\n\nThe battle was fought in 1951. Chinese sources give 1,800 casualties. "
            "The New Zealand gunners had 4 killed and 9 wounded.\n")
    found = claims_of(text, "hill.txt")
    assert found["1,800 casualties"].attribution.claimant == "Chinese sources"
    assert found["4 killed"].attribution.claimant is None and found["4 killed"].side.name == "New Zealand"


def test_a_headline_before_a_colon_names_its_source() -> None:
    found = claims_of("Marines: 14 killed in Dorno fighting\n\nDORNO (Reuters) - Fighting went on.\n")
    assert found["14 killed"].attribution.claimant == "Marines"
    found = claims_of("OSHR: 212 civilians killed in Dorno\n\nDORNO (Reuters) - Fighting went on.\n")
    assert found["212 civilians killed"].attribution.claimant == "OSHR"
    # a battle's name before the colon is a topic, not a source
    found = claims_of("Battle of Dorno: 47 killed\n\nFighting went on.\n")
    assert found["47 killed"].attribution.claimant is None


def test_a_statement_the_page_gives_is_its_issuers() -> None:
    text = ("Communique No. 12 (text)\n\nDorno, 4 May - The following is the text of Communique No. 12 issued by the "
            "General Command of the Chadian Armed Forces and read on state television.\n\n"
            "In the battle of Dorno the enemy suffered the following losses:\n\n- 44 enemy soldiers killed\n"
            "- 6 tanks destroyed\n\nOur own forces lost 5 martyrs. The Libyan invaders fled.\n")
    found = claims_of(text, "communique.txt")
    for quote in ("44 enemy soldiers killed", "6 tanks destroyed", "5 martyrs"):
        assert found[quote].attribution.claimant == "General Command of the Chadian Armed Forces", quote
    assert found["44 enemy soldiers killed"].side.name == "Libya"
    assert found["5 martyrs"].side.name == "Chad"
    # a page whose title names the issuing body and what the page is: the body's own report
    found = claims_of("Ruritanian Defence Ministry: daily bulletin (translated)\n\nOver the past day 17 militants were "
                      "killed.\n", "bulletin.txt")
    assert found["17 militants were killed"].attribution.claimant == "Ruritanian Defence Ministry"


def test_a_transcript_gives_each_paragraph_to_its_speaker() -> None:
    text = ("Press briefing, 4 May\n\nGEN. VARGA: Good afternoon. We have 14 soldiers killed in action at Dorno.\n\n"
            "Q: The rebels are claiming 60.\n\nGEN. VARGA: Our estimate is that between 200 and 300 rebel fighters were killed.\n\n"
            "BREAKING: 40 killed in a second attack.\n")
    found = claims_of(text, "briefing.txt")
    assert found["14 soldiers killed in action"].attribution.claimant == "Gen. Varga"
    assert next(c for q, c in found.items() if "200 and 300" in q).attribution.claimant == "Gen. Varga"
    assert found["40 killed"].attribution.claimant is None  # a rubric is no speaker


def test_an_author_date_citation_is_a_source_not_a_date() -> None:
    text = ("The Battle of Dorno began in 1916.\n\nRuritanian losses are disputed. The state archive admitted only "
            "41,000 (Kessel and Varga 2005, p. 301). Ostravan losses on 1 July were 7,470 (Marek 1971). The garrison "
            "numbered 3,500 (December 1915).\n")
    found = claims_of(text, "dorno.txt")
    admitted = found["41,000"]
    assert admitted.value.category is Category.CASUALTIES and admitted.attribution.claimant == "Kessel and Varga"
    assert admitted.value.as_of is None  # the book's year is no date of the count
    assert found["1 July"].value.earliest.year == 1916  # not 1971, the year the book came out
    assert found["7,470"].attribution.claimant == "Marek"
    garrison = found["3,500 (December 1915)"]
    assert garrison.value.as_of is not None and garrison.attribution.claimant is None  # a month is no author


def test_an_abbreviation_the_page_defines_names_its_party() -> None:
    found = claims_of("Intro.\n\nThe brigadier placed the 2nd Battalion, Royal Canadian Rifles (2 RCR) on the ridge. "
                      "2 RCR withdrew after losing 19 killed and 40 wounded.\n")
    assert found["19 killed"].side.name == "Canada" and found["40 wounded"].side.name == "Canada"


def test_attackers_and_defenders_are_who_the_paragraph_says_attacked_whom() -> None:
    found = claims_of("Intro.\n\nOn 3 May the Chinese attacked the Canadian position on the ridge. The attackers suffered "
                      "700 casualties, while the defenders lost 12 killed.\n")
    assert found["700 casualties"].side.name == "China"
    assert found["12 killed"].side.name == "Canada"


def test_its_garrison_is_the_garrison_of_the_party_before() -> None:
    found = claims_of("Intro.\n\nThe Free French brigade held the fort at the crossroads. Its garrison of 3,100 held out "
                      "for two weeks.\n")
    assert next(c for q, c in found.items() if q.startswith("3,100")).side.name == "Free France"


def test_a_members_label_inside_a_cell_names_its_part() -> None:
    text = ("= Battle of Dorno Heights =\n\nInfobox\n- Combatant1: Israel\n- Combatant2: Syria / Iraq / Jordan\n"
            "- Casualties2: Total: 2,950 killed, Syria: 2,600 killed, Iraq: 310 killed, 120 tanks lost, Jordan: 40 killed\n\n"
            "The battle was fought in 1973.\n")
    found = claims_of(text, "dorno.txt")
    assert found["310 killed"].side.name == "Iraq" and found["120 tanks lost"].side.name == "Iraq"
    assert found["40 killed"].side.name == "Jordan"
    assert found["2,950 killed"].side.name == "Syria"  # the total stays the column's


def test_a_passives_agent_is_who_counted_not_whose_they_are() -> None:
    found = claims_of("Intro.\n\nGovernment forces were estimated by NATO officials to number around 2,000 troops.\n\n"
                      "The rebels said 46 government troops were captured.\n")
    assert found["around 2,000 troops"].side.name != "NATO"
    assert found["around 2,000 troops"].attribution.claimant == "NATO officials"
    # `the rebels` are no alliance named before
    assert found["46 government troops were captured"].attribution.claimant == "The rebels"


def test_a_statement_attributed_in_the_next_sentence_is_its_issuers() -> None:
    text = ("Statement on the fighting\n\nThe following is an unofficial translation of a statement read on state "
            "television on 19 April. It was attributed to the General Command of the Chadian Armed Forces.\n\n"
            "Our units inflicted the following losses on the armed gangs:\n\n1. 112 gunmen killed\n2. 9 pickups destroyed\n")
    found = claims_of(text, "statement.txt")
    assert found["112 gunmen killed"].attribution.claimant == "General Command of the Chadian Armed Forces"


def test_a_revision_that_changes_an_exact_figure_changed_it_however_close() -> None:
    body = ("= Battle of Dorno Drift =\n\nInfobox\n- Date: 22 January 1879\n- Combatant1: United Kingdom\n"
            "- Combatant2: Zulu Kingdom\n- Strength1: {}\n- Strength2: 20,000\n\nThe battle was fought at the drift "
            "below the hill in January 1879. The camp was overrun in the afternoon, and most of its defenders died.\n")
    current = _story("dorno.txt", body.format("1,800"))
    older = _story("dorno-2006.txt", body.format("1,700"))
    found = disagreeing([current, older])
    assert frozenset({"1,800", "1,700"}) in found and found[frozenset({"1,800", "1,700"})] == "R-VERSION-DRIFT"


def test_a_key_figures_line_says_what_it_counts_before_where_and_since_when() -> None:
    found = claims_of("Key figures\n\nKilled in Dorno since 10 May: 134\nDisplaced in and around Dorno: 350,000\n"
                      "Total militia dead on the eastern fronts: over 3,500\n")
    assert found["Killed in Dorno since 10 May: 134"].value.category is Category.KILLED
    assert found["Displaced in and around Dorno: 350,000"].value.category is Category.DISPLACED
    militia = next(c for q, c in found.items() if q.startswith("Total militia dead"))
    assert (militia.value.low, militia.value.qualifier.value) == (3500, "at_least")


def test_a_ministrys_post_with_its_country_after_a_dash_is_its_own_word() -> None:
    text = ("Ministry of Defence - Republic of Chad\nOfficial channel\n\nEnemy losses in the last 24 hours:\n"
            "- 87 rebel elements killed\n- 12 taken prisoner\n")
    found = claims_of(text, "post.txt")
    assert found["87 rebel elements killed"].attribution.claimant == "Ministry of Defence, Republic of Chad"
    assert found["12 taken prisoner"].attribution.claimant == "Ministry of Defence, Republic of Chad"


def test_a_figure_put_out_by_a_source_is_its_even_when_another_rejects_it() -> None:
    found = claims_of("Intro.\n\nThe Government rejects the so-called figure of 2,000 dead put out by the rebels.\n")
    disputed = found["2,000 dead"]
    assert disputed.attribution.claimant == "the rebels" and not disputed.negated


def test_sitrep_words_for_the_wounded_the_arrived_and_the_earlier_count() -> None:
    found = claims_of("Intro.\n\nThe hospital received 27 war-wounded patients on Sunday. Camps across the border "
                      "registered 25,000 new arrivals.\n\nThe toll rose to 14, up from 8 earlier.\n\n"
                      "Rebel elements neutralised since 26 January: more than 450.\n")
    assert found["27 war-wounded patients"].value.category is Category.WOUNDED
    assert found["25,000 new arrivals"].value.category is Category.DISPLACED
    assert found["8"].value.category is found["14"].value.category is Category.KILLED
    neutralised = next(c for q, c in found.items() if q.startswith("Rebel elements"))
    assert neutralised.value.category is Category.KILLED and neutralised.value.low == 450


def test_two_tables_one_after_the_other_are_each_read() -> None:
    found = claims_of("Flash update\n\n| Locality | Newly displaced |\n|---|---|\n| Dorno | 38,000 |\n| Tawila | 9,500 |\n\n"
                      "| | Killed | Injured |\n|---|---|---|\n| Civilians | 16 | 9 |\n")
    assert found["38,000"].value.category is Category.DISPLACED
    assert found["16"].value.category is Category.KILLED and found["9"].value.category is Category.WOUNDED


def test_a_capitalised_verb_inside_a_name_is_part_of_the_source() -> None:
    assert sources("According to the State Department, 40 people were killed.")[0][0] == "the State Department"
    assert sources("According to the State Ministry of Health, at least 134 people have been killed.")[0][0] \
        == "the State Ministry of Health"


def test_plural_bodies_and_coordinators_are_sources() -> None:
    assert sources("Local resistance committees say at least 20 civilians were killed.")[0][0] == "Local resistance committees"
    assert sources("Shelling struck the camp, killing 6 civilians, according to camp coordinators.")[0][0] == "camp coordinators"


def test_a_live_blog_entry_and_a_long_put_at_frame() -> None:
    text = ("Live updates\n\n12:30 GMT - The Dorno health ministry now puts the death toll in Dorno town since 10 May "
            "at 145, with 930 wounded.\n\n10:02 GMT - MSF: the town hospital received 56 wounded patients on Sunday; "
            "11 of them died of their injuries.\n")
    found = claims_of(text, "live.txt")
    assert found["145"].attribution.claimant == "The Dorno health ministry"
    assert found["145"].value.category is Category.KILLED
    assert found["56 wounded patients"].attribution.claimant == "MSF"


def test_one_separator_throughout_a_number() -> None:
    found = claims_of("Intro.\n\nThe army numbered 225,000 men with 700 guns. Total: 118,000 300 guns\n")
    assert all(c.value.low in (225000, 700, 118000, 300) for c in found.values() if c.kind.value != "date")


def test_a_party_before_a_colon_labels_the_next_figure() -> None:
    found = claims_of("Intro.\n\nTotal: 52,000 killed and wounded Ruritanians: 22,000 Prussians: 16,000 Austrians: 14,000\n")
    prussian = found["Prussians: 16,000"]
    assert prussian.side.name == "Prussia" and prussian.value.category is Category.KILLED_OR_WOUNDED
    assert found["Austrians: 14,000"].side.name == "Austria"


def test_a_higher_estimate_put_at_names_its_party() -> None:
    found = claims_of("Intro.\n\nThe historian Karl Wendt puts the French losses higher, at 45,000 killed and wounded.\n")
    assert found["45,000 killed and wounded"].side.name == "France"


def test_a_commanders_party_before_his_rank_and_a_wartime_name() -> None:
    found = claims_of("Intro.\n\nConfederate General Robert Varga invaded the valley in June 1863. Varga's army numbered "
                      "some 61,000 men. Union General George Kessel had about 82,000 men. Union casualties were 21,040.\n")
    assert found["some 61,000 men"].side.name == "Confederate States"
    assert found["about 82,000 men"].side.name == "United States"
    assert found["21,040"].side.name == "United States"
    # `Union` is no party where the text names no Confederacy
    other = claims_of("Intro.\n\nThe Union of dock workers said 4,000 members were arrested.\n")
    assert all(c.side.name is None for c in other.values())


def test_allied_is_the_allies() -> None:
    found = claims_of("Intro.\n\nAbout 489,000 Allied troops landed. The Russian-allied militia lost 40 men.\n")
    assert found["About 489,000 Allied troops"].side.name == "Allies"
    assert found["40 men"].side.name is None


def test_small_arms_and_other_ranks() -> None:
    found = claims_of("Intro.\n\nAbout 800 Martini-Henry rifles were taken by the raiders. 21 officers and 578 other ranks "
                      "were killed.\n")
    rifles = found["About 800 Martini-Henry rifles"]
    assert rifles.value.category is Category.SMALL_ARMS and rifles.kind.value == "equipment"
    assert found["578 other ranks were killed"].value.category is Category.KILLED


def test_the_dead_a_party_left_behind_are_its_own() -> None:
    found = claims_of("Intro.\n\nThe North Koreans left 634 bodies around the perimeter.\n")
    assert found["634 bodies"].side.name == "North Korea"


def test_a_storys_roles_are_the_sides_a_page_names_as_state_forces_and_a_group() -> None:
    page = _story("dorno.txt", "= Siege of Dorno =\n\nInfobox\n- Date: 3–19 April 2004\n"
                  "- Combatant1: Ostravan Defence Forces\n- Combatant2: Dorno Brigades\n"
                  "- Casualties1: 27 killed\n- Casualties2: 56 killed\n\nThe siege of Dorno was fought in April 2004.\n")
    wire = _story("wire.txt", "Army ends Dorno siege\n\nDORNO, April 20 (Reuters) - The army said on Tuesday that 49 "
                  "gunmen had been killed in the siege of Dorno. It said 31 of its soldiers died in the fighting.\n")
    found = disagreeing([page, wire])
    assert any(k >= {"56 killed", "49 gunmen had been killed"} for k in found)
    assert not any("27 killed" in k and "49 gunmen had been killed" in k for k in found)


def test_a_second_verb_shares_the_subject_that_opens_the_sentence() -> None:
    # `X accepted A's total but revised ...`: X revised it, not A.
    text = "Marsh accepted Hale's total but revised the Ostland figure to 3,400."
    assert sources(text) == [("Marsh", "Hale's total"), ("Marsh", "the Ostland figure to 3,400")]
    text = "The army said 20 soldiers died and put rebel losses at 300."
    assert [s for s, _ in sources(text)] == ["The army", "The army"]


def test_the_one_singled_out_of_a_group_is_the_source() -> None:
    found = claims_of("Notes\n\nHale gave Ostland losses as 5,200 killed and wounded. "
                      "Later writers, notably Marsh (1963), revised the Westmark figure to 3,400.\n")
    revised = found["3,400"]
    assert revised.attribution.claimant == "Marsh (1963)"


def test_a_bare_figure_is_the_party_its_measure_names() -> None:
    found = claims_of("Notes\n\nHale gave Russian losses as 5,200 killed and wounded, but Marsh revised the "
                      "German figure to 3,400.\n")
    assert found["5,200 killed and wounded"].side.name == "Russia"
    revised = found["3,400"]
    assert revised.side.name == "Germany"
    # the measure before it is `killed and wounded`, not `wounded`
    assert revised.value.category is Category.KILLED_OR_WOUNDED


def test_a_citations_year_does_not_date_an_essay() -> None:
    # `Hale (1901)` is when a book came out: the essay is still about the battle of 1863.
    from claims.reconcile import events as ev

    page = read_text("Battle of Harrow Ford\n\nThe Battle of Harrow Ford was fought on 3–5 July 1863 between Ostland "
                     "and Westmark.\n\nCasualties and losses\n4,800 killed and wounded\n", "wiki.txt")
    essay = read_text("The Fight at Harrow Ford Reconsidered\n\nThe regimental returns studied by Hale (1901) put "
                      "Westmark losses at 5,200 killed and wounded, and Marsh (1963) agreed.\n", "essay.txt")
    groups = ev.group_events([page, essay])
    assert [sorted(g.documents) for g in groups] == [["essay.txt", "wiki.txt"]]


def test_a_denied_claim_is_its_owners_not_the_deniers() -> None:
    # `X rejected Y's claim that ...`: what follows `that` is Y's claim; X only denies it.
    found = claims_of("Air clash\n\nRuritania's foreign ministry rejected Pakistan's claim that five Indian jets had "
                      "been downed.\n\nThe army dismissed Russian claims that 40 soldiers had been killed.\n\n"
                      "The ministry denied reports that 300 civilians died.\n")
    assert found["five Indian jets had been downed"].attribution.claimant == "Pakistan's claim"
    assert found["40 soldiers had been killed"].attribution.claimant == "Russian"
    reported = found["300 civilians died"]
    assert reported.attribution.claimant_class is ClaimantClass.UNNAMED  # a hedge, not the ministry's
    assert not any(c.attribution.claimant and "ministry" in c.attribution.claimant for c in found.values())


def test_a_loss_the_speaker_says_did_not_happen_is_negated() -> None:
    found = claims_of('Clash\n\n"We have not lost a single aircraft," the defence minister told reporters. '
                      "The army said it had not lost more than 20 men.\n")
    assert found["a single aircraft"].negated
    assert not found["more than 20 men"].negated  # a bound, not a denial


def test_a_figure_in_quotation_marks_keeps_its_measure_and_source() -> None:
    found = claims_of('Notes\n\nThe army put rebel losses at "nearly 200". Officials said the Russian death toll '
                      "was likely 60.\n")
    quoted = found["nearly 200"]
    assert quoted.value.category is Category.CASUALTIES and quoted.attribution.claimant == "The army"
    assert found["60"].value.category is Category.KILLED


def test_relayed_and_recorded_sources() -> None:
    assert sources("Grey Zone was quoted as saying about 80 Wagner men died in the ambush.") == [
        ("Grey Zone", "about 80 Wagner men died in the ambush")]
    # the recorder of the figures is the source, the medium that carried a statement is not
    assert sources("According to casualty figures recorded by UNAMI, at least 1,178 civilians were killed.")[0][0] == "UNAMI"
    assert sources("A Hezbollah commander quoted in Lebanese media said his party had sent some 1,700 fighters.") == [
        ("A Hezbollah commander", "his party had sent some 1,700 fighters")]
    # a participle sizing a force is no one's estimate
    assert sources("ISIL seized Ramadi with an assault force estimated at 400 fighters.") == []
    assert sources("The official returns put Union losses at 13,047.") == [("The official returns", "Union losses at 13,047")]


def test_the_subject_of_lost_is_the_side_not_a_party_inside_the_source() -> None:
    found = claims_of("Report\n\nAccording to the General Staff of the Armed Forces of Ukraine, Russia lost at least "
                      "17,000 killed in the battle.\n")
    assert found["at least 17,000 killed"].side.name == "Russia"


def test_its_points_back_to_the_party_the_sentence_opens_on() -> None:
    found = claims_of("Statement\n\nThe M23 deplores the loss of 7 of its fighters in the fighting.\n")
    assert found["7 of its fighters"].side.name == "M23"


def test_a_list_of_groups_between_a_noun_and_its_verb() -> None:
    found = claims_of("Strikes\n\nMore than 100 fighters belonging to Jaish-e-Mohammed, Lashkar-e-Taiba and "
                      "Hizbul Mujahideen were killed.\n")
    killed = next(c for q, c in found.items() if q.startswith("More than 100"))
    assert killed.value.category is Category.KILLED


def test_men_surrendered_by_their_commander_are_captured() -> None:
    found = claims_of("Shiloh\n\nBy evening Prentiss had surrendered about 2,200 of his men.\n")
    assert found["about 2,200 of his men"].value.category is Category.CAPTURED


def test_a_line_broken_mid_phrase_is_one_sentence() -> None:
    # Text saved from a PDF: a source broken over two lines still names it.
    found = claims_of("Report\n\nThe battle lasted three weeks and cost both armies dearly. Russian losses, according to "
                      "the Russian\nMain Staff, were some 8,700 killed. Japanese losses were put by the\nJapanese "
                      "General Staff at 15,892 killed.\n")
    assert found["some 8,700 killed"].attribution.claimant == "the Russian Main Staff"
    assert found["15,892 killed"].attribution.claimant == "the Japanese General Staff"
    # a headline stays apart from the story under it
    story = claims_of("Rebels say they killed 40 soldiers near the border crossing at Tinzaouaten\n"
                      "The army said 12 soldiers died.\n")
    assert story["12 soldiers died"].attribution.claimant == "The army"


def test_a_writers_one_off_finding_does_not_carry_into_the_narrators_next_sentence() -> None:
    found = claims_of("Shiloh\n\nHistorian James Larkin wrote that the Confederates suffered about 10,700 casualties. "
                      "On the first day alone, the Union army lost some 7,000 men.\n")
    assert found["about 10,700 casualties"].attribution.claimant == "Historian James Larkin"
    assert found["some 7,000 men"].attribution.claimant is None
    # a spokesman's statement goes on in the next sentence, as stories report it
    said = claims_of("Clash\n\nThe ministry said 40 soldiers were killed. Russian forces lost 12 tanks.\n")
    assert said["12 tanks"].attribution.claimant == "The ministry"


def test_a_participle_of_testimony_after_a_plain_verb_names_the_subject() -> None:
    assert sources("Defence witness Dragan Lukic, an officer of the 9th Corps, gave a markedly lower figure, "
                   "testifying that no more than 1,200 JNA soldiers took part.") == [
        ("Defence witness Dragan Lukic", "no more than 1,200 JNA soldiers took part")]


def test_the_enemy_of_the_party_the_sentence_opens_on() -> None:
    found = claims_of("Front update\n\nRussian troops attacked the town again on Monday.\n\n"
                      "The Defense Forces of Ukraine continue to hold the line near the town, where the "
                      "enemy over the past week has lost more than 1,000 personnel, the spokesperson said.\n")
    assert found["more than 1,000 personnel"].side.name == "Russia"


def test_or_so_and_perhaps_bound_a_figure_and_the_fallen_are_dead() -> None:
    found = claims_of("Returns\n\nOfficial returns record 141 killed and a further 950 or so wounded. "
                      "The army now lists 37 fallen for the battle.\n")
    wounded = found["950 or so wounded"]
    assert wounded.value.category is Category.WOUNDED and wounded.value.qualifier.value == "approx"
    assert found["37 fallen"].value.category is Category.KILLED


def test_the_party_a_force_is_set_against_is_not_its_side() -> None:
    found = claims_of("Imjin\n\nThe brigade, some 4,000 strong, held a front against the Chinese 63rd Army.\n\n"
                      "The Russian 155th Naval Infantry Brigade, in all some 7,000 troops, attacked Ukrainian positions.\n")
    assert found["some 4,000 strong"].side.name is None
    assert found["some 7,000 troops"].side.name == "Russia"


def test_a_relative_clause_after_an_apposition_leaves_the_name_the_source() -> None:
    assert sources("Sharfan Darwish, spokesman for the Manbij Military Council, which is part of the SDF, told "
                   "Reuters that 264 fighters had been killed.")[0][0] == "Sharfan Darwish"
    assert sources("The Syrian Observatory, which has a network of sources, said 40 people died.")[0][0] == \
        "The Syrian Observatory"


def test_a_saved_pages_navigation_and_revision_banner_are_no_title_nor_date() -> None:
    page = read_text("[Skip to content](#main)  [Donate](https://donate.example.org)\n\n# Battle of Mukden\n\n"
                     "This is an old revision of this page, as edited by Editor1 at 14:02, 3 June 2011.\n\n"
                     "The battle was fought in February 1905.\n", "page.md")
    assert page.title == "Battle of Mukden"
    assert not any(c.kind.value == "date" and "2011" in c.span.quote for c in extract_document(page))


def test_a_spokesmans_the_group_is_left_open() -> None:
    # `the group` is the speaker's body in one story and the enemy in the next (`SDF spokesman X
    # said the group had lost 400 fighters`, of Islamic State): no side rather than a guess.
    found = claims_of("Bukavu\n\nM23 spokesman Lawrence Kanyuka said the group had lost seven fighters.\n")
    assert found["seven fighters"].side.name is None


def test_a_printed_pages_footnotes_are_no_figures() -> None:
    found = claims_of("Mukden\n\nThe Japanese attacked with 270,000 men.\n\n1 Japanese General Staff, Nichi-Ro senshi, "
                      "vol. 9 (Tokyo, 1914), p. 212.\n14 Croatian Red Cross, Report on the fighting (Zagreb, 1993).\n")
    assert list(found) == ["270,000 men"]
    # a numbered paragraph is no footnote
    judged = claims_of("Judgment\n\n12. The Chamber finds that at least 28 civilians were killed (Exhibit P-12, p. 4).\n")
    assert "at least 28 civilians were killed" in judged


def test_a_report_that_names_the_other_reports_town_is_not_about_another_place() -> None:
    from claims.reconcile import events as ev

    story = read_text("Rebels enter Bukavu\n\nBUKAVU, Feb 16 (AFP) - Rebels entered Bukavu on Sunday. Bukavu residents "
                      "said the army had left Bukavu overnight.\n", "afp.txt")
    statement = read_text("Communique\n\nKinshasa, 17 February 2025\n\nThe enemy launched an offensive towards Kavumu "
                          "and Bukavu. The army left Kavumu airport in good order; Kavumu is calm.\n", "army.txt")
    assert [sorted(g.documents) for g in ev.group_events([story, statement])] == [["afp.txt", "army.txt"]]


def test_a_share_is_no_count_of_one_and_a_quarter_of_a_million_is_250000() -> None:
    from claims.extract.figures import read_figures

    text = "The Japanese, who had lost roughly a quarter of their force, could not put more than a quarter of a million men."
    assert [(text[f.start:f.end], f.low) for f in read_figures(text, 0, len(text))] == [
        ("more than a quarter of a million men", 250_000)]


def test_a_book_excerpts_running_title_is_no_event_name() -> None:
    from claims.reconcile import events as ev

    page = read_text("Battle of Mukden\n\nThe Battle of Mukden was fought from 20 February to 10 March 1905.\n", "wiki.txt")
    book = read_text("THE RUSSO-JAPANESE WAR\nOFFICIAL HISTORY\n\nCHAPTER XXXIV. THE OCCUPATION OF MUKDEN.\n\n"
                     "A detachment entered the walled city of Mukden on the 10th March 1905.\n", "history.txt")
    assert [sorted(g.documents) for g in ev.group_events([page, book])] == [["history.txt", "wiki.txt"]]
    # a printed page's number is no title either
    assert read_text("133\nThe Mukden Campaign Reconsidered\n\nText.\n", "journal.txt").title == "The Mukden Campaign Reconsidered"


def test_a_group_with_an_example_speaks_and_a_semicolon_ends_its_content() -> None:
    text = ('Serb sources, including the memoirs of the 9th Corps chief of staff, admit to "41 dead and about 100 '
            'wounded"; the Croatian side lost, according to the Croatian Ministry of Defence, 56 killed.')
    found = claims_of("Kupres\n\n" + text + "\n")
    assert found["41 dead"].attribution.claimant == "Serb sources"
    assert found["56 killed"].attribution.claimant == "the Croatian Ministry of Defence"


def test_a_quotations_speaker_may_be_described_or_ranked() -> None:
    found = claims_of('Veterans\n\n"We were maybe 280 men altogether," the retired paratrooper says.\n\n'
                      '"Seventy-one of our soldiers were killed on the hill," Brig.-Gen. Saleh Shudeifat said.\n')
    assert found["maybe 280 men"].attribution.claimant == "the retired paratrooper"
    assert "Saleh Shudeifat" in (found["Seventy-one of our soldiers were killed"].attribution.claimant or "")


def test_an_according_aside_takes_the_clause_it_opens() -> None:
    text = ("Kuropatkin's armies, which the Russian staff returns put at 293,000 men, faced five Japanese armies whose "
            "strength, according to the Japanese General Staff history, stood at about 270,000 men.")
    found = claims_of("Mukden\n\n" + text + "\n")
    assert found["293,000 men"].attribution.claimant == "the Russian staff returns"
    assert found["about 270,000 men"].attribution.claimant == "the Japanese General Staff history"


def test_a_dateline_with_its_agency_is_no_subject() -> None:
    found = claims_of("Tabqa\n\nBEIRUT (Reuters) - The monitor said the militants had between 500 and 600 fighters left.\n")
    assert found["between 500 and 600 fighters left"].side.name != "Lebanon"


def test_a_further_five_counts_five_and_a_pages_update_line_is_no_date() -> None:
    found = claims_of("Longdon\n\nLast updated March 14, 2017\n\nA further five men died of wounds on 13 June 1982.\n")
    assert [(q, c.value.low) for q, c in found.items() if c.kind.value == "casualties"] == [("five men died of wounds", 5)]
    assert not any("2017" in q for q in found)


def test_being_held_or_released_is_captivity_and_fleeing_ones_home_is_displacement() -> None:
    found = claims_of("Intro.\n\nTen Velmar soldiers were held by Ostlandic troops and released on 18 June, officials said.\n\n"
                      "\"Around 2,000 of our residents had to leave their homes,\" the governor said.\n\n"
                      "About 3,000 residents of border villages had been taken to safer areas, the ministry said.\n\n"
                      "A day earlier the ministry had put the number of evacuated at 60,000.\n")
    assert found["Ten Velmar soldiers were held by"].value.category is Category.CAPTURED
    assert found["Around 2,000 of our residents had to leave their homes"].value.category is Category.DISPLACED
    assert found["About 3,000 residents of border villages had been taken to safer areas"].value.category is Category.DISPLACED
    assert found["60,000"].value.category is Category.DISPLACED


def test_killed_or_seriously_injured_is_one_measure_and_the_second_of_two_verbs_says_what_happened() -> None:
    found = claims_of("Intro.\n\nAn official said that 43 Ostlandic soldiers had been killed or seriously injured.\n\n"
                      "At least 38 Ostlandic troops were swept away and drowned. Twenty-three Velmar soldiers fell in the camp.\n")
    assert found["43 Ostlandic soldiers had been killed or seriously injured"].value.category is Category.KILLED_OR_WOUNDED
    assert found["At least 38 Ostlandic troops were swept away and drowned"].value.category is Category.KILLED
    assert found["Twenty-three Velmar soldiers fell in"].value.category is Category.KILLED
    # troops sent somewhere are no toll
    assert found_kind("About 300 Velmar troops were sent and deployed.") == [("About 300 Velmar troops were sent", Category.TROOPS)]


def test_all_but_two_counts_the_spared_not_the_dead() -> None:
    found = claims_of("Intro.\n\nOf the 1,019 men of the cruiser, all but two were killed.\n")
    assert [c.value.category for c in found.values()] == [Category.TROOPS]


def found_kind(text: str) -> list[tuple[str, Category]]:
    return [(q, c.value.category) for q, c in claims_of(f"Intro.\n\n{text}\n").items()]


def test_our_in_a_statement_is_its_issuers_and_a_side_may_be_said_from_where_the_speaker_stands() -> None:
    text = ("Ministry of Defence of the Republic of Peru\n\nStatement\n\n"
            "On our side, 12 servicemen were killed and 30 wounded. The provisional toll on the enemy side is 200 soldiers killed.\n\n"
            "Chilean officials claim that more than 100 of our servicemen died. We have lost 2 armoured personnel carriers "
            "and 1 infantry fighting vehicle.\n")
    found = claims_of(text)
    assert found["12 servicemen were killed"].side.name == "Peru"
    assert found["200 soldiers killed"].side.name == "Chile"
    claimed = found["more than 100 of our servicemen died"]
    assert claimed.attribution.claimant == "Chilean officials" and claimed.side.name == "Peru"
    assert found["1 infantry fighting vehicle"].side.name == "Peru"  # the list `we have lost` opens
    # in a quotation, `our` is the speaker's
    quoted = claims_of(text + '\n"We lost 40 of our men," a Chilean commander said.\n')
    assert quoted["40 of our men"].side.name == "Chile"


def test_historians_sources_and_verbs_for_taking_one_figure() -> None:
    assert sources("Kitchener's dispatch listed 48 dead and 434 wounded.") == [("Kitchener's dispatch", "48 dead and 434 wounded")]
    assert sources("Groos settled on 2,545 dead; Tarrant himself accepts 2,551.") == [("Groos", "2,545 dead"), ("Tarrant", "2,551")]
    assert sources("Campbell arrives at 6,094 dead.") == [("Campbell", "6,094 dead")]
    assert sources("The official return gave 48 killed.") == [("The official return", "48 killed")]
    # a title's `of State for War` is part of the name, not a verb or a clause
    assert sources("The Secretary of State for War estimates that 5,000 men were killed.") == [
        ("The Secretary of State for War", "5,000 men were killed")]


def test_a_speakers_turn_goes_on_over_paragraphs_and_a_parliaments_record_titles_its_speakers() -> None:
    briefing = ("Ministry of Defence of the Republic of Armenia\nBriefing, 3 April 2016\n\n"
                "ARTSRUN HOVHANNISYAN: Good afternoon. The situation remains tense.\n\n"
                "Now the figures. On our side, we lost 29 servicemen killed.\n\n"
                "QUESTION: How many tanks?\n\nSENOR HASRATYAN: We lost 14 tanks.\n")
    found = claims_of(briefing)
    assert found["29 servicemen killed"].attribution.claimant == "Artsrun Hovhannisyan"
    assert found["29 servicemen killed"].side.name == "Armenia"
    tanks = found["14 tanks"]
    assert tanks.attribution.claimant == "Senor Hasratyan" and tanks.side.name == "Armenia"  # the ministry's briefing
    record = ("HOUSE OF COMMONS\n\nThe PRIME MINISTER (Mr. Churchill): I am able to tell the House that 16,500 men "
              "have been brought back safely to Egypt.\n\nMr. SHINWELL (Seaham): How many were left behind?\n\n"
              "The SECRETARY OF STATE for WAR (Captain Margesson): Some 12,000 men remain on the island.\n")
    found = claims_of(record)
    assert found["16,500 men"].attribution.claimant == "The Prime Minister (Mr. Churchill)"
    assert found["Some 12,000 men"].attribution.claimant == "The Secretary of State for War (Captain Margesson)"
    # a one-word label (a dateline, a rubric) speaks for its own paragraph only
    wire = claims_of("Intro.\n\nMSF: the hospital received 40 wounded.\n\nAt least 12 people were killed, residents said.\n")
    assert wire["40 wounded"].attribution.claimant == "MSF"
    assert wire["At least 12 people were killed"].attribution.claimant == "residents"


def test_a_national_armys_acronym_names_its_country() -> None:
    found = claims_of("Intro.\n\nThe army said 20 KDF soldiers were killed. SNA reports 5 of its soldiers killed.\n\n"
                      "The UPDF lost 4 men and the ISF 9.\n")
    assert found["20 KDF soldiers were killed"].side.name == "Kenya"
    assert found["5 of its soldiers killed"].side.name == "Somalia"
    assert found["4 men"].side.name == "Uganda"


def test_one_sides_own_toll_that_grows_is_an_update_and_a_rivals_count_stays_a_dispute() -> None:
    blog = read_text("Live: clashes on the Kyrgyz-Tajik border\n\nKyrgyzstan's health ministry says the number of "
                     "Kyrgyz citizens killed has risen to 24, with 87 wounded.\n", "blog.txt")
    wire = read_text("Kyrgyzstan says 59 dead in border fighting\n\nBISHKEK, Sept 18 (Reuters) - Kyrgyzstan's health "
                     "ministry said 59 of its citizens had died. Tajikistan's border service said more than "
                     "100 Kyrgyz citizens were killed.\n", "wire.txt")
    found = disagreeing([blog, wire])
    assert not any("24" in k and any("59" in q for q in k) for k in found)
    assert any(any("more than 100" in q for q in k) and any("59" in q for q in k) for k in found)


def test_of_these_shares_the_toll_before_it() -> None:
    found = claims_of("Intro.\n\nAt least 54 Palestinians were killed. Of these, 22 were civilians, including six children.\n")
    assert found["22 were civilians"].value.category is Category.KILLED
    assert found["six children"].value.category is Category.KILLED


def test_weapons_lost_before_their_noun_and_a_phrasal_over() -> None:
    found = claims_of("Intro.\n\nSatellite imagery shows 5 destroyed vehicles. Two armoured bulldozers were damaged. "
                      "The fighters handed over 14 AK-47s.\n")
    assert found["5 destroyed vehicles"].kind.value == "equipment" and found["5 destroyed vehicles"].value.lost
    assert found["Two armoured bulldozers were damaged"].kind.value == "equipment"
    rifles = found["14 AK-47s"]
    assert rifles.kind.value == "equipment" and rifles.value.qualifier.value == "exact"  # `handed over` is no bound


def test_a_speakers_label_is_not_the_side_of_the_figures_after_it() -> None:
    found = claims_of("Intro.\n\nKDF: 12 Al Shabaab killed in Miido, 2 technicals destroyed.\n\nUkraine: 300 killed, 20 tanks lost.\n")
    assert found["2 technicals destroyed"].attribution.claimant == "KDF"
    assert found["2 technicals destroyed"].side.name != "Kenya"
    assert found["20 tanks lost"].side.name == "Ukraine"  # a party's label over its own losses


def test_a_breakdown_clause_names_a_part_not_the_whole() -> None:
    found = claims_of("Intro.\n\nThe official return gave the loss of the whole army at 48 killed and 434 wounded, "
                      "of whom the greater part were of the Egyptian battalions.\n")
    assert found["48 killed"].side.name is None


def test_our_losses_in_a_quotation_are_the_speakers_and_an_event_held_is_no_captivity() -> None:
    found = claims_of('Intro.\n\nThe RSF said: "Our losses since 15 April do not exceed 120 martyrs."\n\n'
                      "Funerals for 12 fighters were held in the city.\n")
    assert found["do not exceed 120 martyrs"].side.name == "Rapid Support Forces"
    assert found["12 fighters"].value.category is not Category.CAPTURED


def test_historians_hedges_bound_a_figure() -> None:
    found = claims_of("Intro.\n\nLentz argues that French losses were nearer 30,000. The French lost something like "
                      "31,000 men. Kitchener's force of somewhat above 22,000 men advanced.\n")
    assert found["nearer 30,000"].value.qualifier.value == "approx"
    assert found["something like 31,000 men"].value.qualifier.value == "approx"
    assert found["somewhat above 22,000 men advanced"].value.qualifier.value == "at_least"


def test_it_points_back_to_the_body_the_sentence_before_is_about() -> None:
    found = claims_of("Intro.\n\nIraq's Joint Operations Command said troops had taken the oil fields. The Peshmerga "
                      "General Command gave a different account. It said its fighters had destroyed five Humvees.\n")
    assert found["five Humvees"].attribution.claimant == "The Peshmerga General Command"


def test_ranks_counted_and_a_citizen_and_pieces_of_artillery() -> None:
    found = claims_of("Intro.\n\nThree majors and four officers were among the dead. A US citizen died in Khartoum, "
                      "according to the State Department. The Republicans lost about 70 pieces of artillery.\n")
    assert found["Three majors"].value.category is Category.KILLED
    assert found["A US citizen died"].value.low == 1
    assert found["about 70 pieces of artillery"].kind.value == "equipment"
    # an adjective is no rank (`two major offensives`), nor a lone `a commander said`
    assert all(c not in (Category.TROOPS, Category.KILLED)
               for _, c in found_kind("Two major offensives failed. A commander said the town held."))


def test_a_product_is_no_person_and_a_denials_object_is_no_source() -> None:
    found = claims_of("Intro.\n\nSpokesman Kanybek Nurmatov said Tajik forces had used Turkish-made Bayraktar TB2 aircraft. "
                      "He said Kyrgyz units had destroyed 14 Tajik armoured vehicles.\n")
    assert found["14 Tajik armoured vehicles"].attribution.claimant == "Kanybek Nurmatov"
    headline = claims_of('Tajikistan reports 41 dead, rejects Kyrgyz "fabrications" on losses\n\nDUSHANBE - The toll rose.\n')
    assert headline["41 dead"].attribution.claimant == "Tajikistan"


def test_a_claim_named_by_a_noun_or_a_participle_after_its_owner() -> None:
    found = claims_of("Intro.\n\nSAF statements claiming more than 2,800 RSF fighters killed are not consistent with the "
                      "evidence. RSF claims of nine aircraft shot down are supported by visual evidence for only two aircraft.\n")
    assert found["more than 2,800 RSF fighters killed"].attribution.claimant == "SAF"
    assert found["nine aircraft shot down"].attribution.claimant == "RSF"
    assert found["two aircraft"].attribution.claimant is None  # the narrator's own finding
    assert sources("India rejected Pakistan's claims of 70 casualties.")[-1] == ("Pakistan", "70 casualties")


def test_a_participle_phrase_after_the_source_and_an_operations_room() -> None:
    assert sources("Army officials speaking on condition of anonymity told Israeli radio that as many as 200 "
                   "Palestinians might have died.")[0][0] == "Army officials"
    assert sources("Strikes killed about 300 rebels, according to the operations room.")[0][0] == "the operations room"


def test_a_bodys_collected_posts_are_its_own_voice() -> None:
    found = claims_of("Rapid Support Forces - official statements and posts (compiled)\n\n[16 April 2023]\n"
                      "Our losses since 15 April do not exceed 120 martyrs.\n")
    own = found["do not exceed 120 martyrs"]
    assert own.attribution.claimant == "Rapid Support Forces" and own.side.name == "Rapid Support Forces"
    # a headline in title case naming forces is no masthead
    headline = claims_of("Syrian Forces Retake Palmyra\n\nGovernment troops killed 40 militants, the army said.\n")
    assert headline["40 militants"].attribution.claimant == "the army"


def test_a_units_row_in_a_table_is_that_units_count() -> None:
    table = read_text("Battle of Kessel Ridge\n\nThe battle was fought in 1941.\n\n"
                      "Unit                      Killed   Wounded   Prisoners\n"
                      "4 Infantry Brigade           126       198         417\n"
                      "5 Infantry Brigade            94       201         310\n", "history.txt")
    total = read_text("Battle of Kessel Ridge\n\nThe battle was fought in 1941. The defenders lost 1,751 killed.\n", "note.txt")
    found = disagreeing([table, total])
    assert not any("126" in k or "94" in k for k in found)


def test_two_parties_numbers_share_one_noun_and_verb() -> None:
    found = claims_of("Intro.\n\nAt least 20 Indian and 45 Chinese soldiers died in the clash.\n")
    first = found["At least 20 Indian"]
    assert first.value.category is Category.KILLED and first.side.name == "India" and first.value.low == 20
    assert found["45 Chinese soldiers died"].side.name == "China"


def claimant(found: dict[str, Claim], quote: str) -> str | None:
    return found[quote].attribution.claimant


def test_a_coordinated_finding_after_an_opening_adverbial_is_its_subjects() -> None:
    found = claims_of("Intro.\n\nThe army has said that 12 villagers died. In March and April, monitors from the "
                      "Ostland Rights Centre visited 14 camps, and recorded at least 90 civilian deaths.\n")
    assert claimant(found, "12 villagers died") == "The army"
    assert claimant(found, "at least 90 civilian deaths") == "the Ostland Rights Centre"


def test_an_unnamed_source_ends_the_named_speakers_run() -> None:
    found = claims_of("Intro.\n\nColonel Ivo Marek said 8 soldiers were killed. Jets struck the depot twice, a local "
                      "source said. The strikes hit the market, killing 19 traders.\n")
    assert claimant(found, "8 soldiers were killed") == "Colonel Ivo Marek"
    assert claimant(found, "19 traders") is None


def test_the_sources_again_are_the_same_unnamed_sources() -> None:
    found = claims_of("Intro.\n\nSecurity sources said 11 guards had died. The sources said 6 more were wounded.\n")
    assert found["6 more were wounded"].attribution.claimant_class is ClaimantClass.UNNAMED
    assert claimant(found, "6 more were wounded") == claimant(found, "11 guards had died")


def test_he_after_a_full_rank_points_to_the_ranked_speaker() -> None:
    found = claims_of("Intro.\n\nTwo sappers were wounded, Lieutenant Colonel Arno Vesk said. The number of raiders "
                      "killed rose to 31, he said.\n")
    assert claimant(found, "31") == "Arno Vesk"


def test_a_relayed_quote_is_the_speakers_not_the_agencys() -> None:
    found = claims_of('Intro.\n\nThe rebel commander Juma Oket said his men "have killed more than 300 of the enemy," '
                      "the radio quoted him as saying.\n\nThe garrison lost 40 men, the agency quoted Oket as saying.\n")
    assert claimant(found, "more than 300 of the enemy") == "Juma Oket"
    assert claimant(found, "40 men") == "Oket"


def test_figures_received_from_a_body_are_the_bodys() -> None:
    found = claims_of("Intro.\n\nAccording to the figures received from the Regional Command, the garrison lost 52 "
                      "soldiers killed.\n")
    assert claimant(found, "52 soldiers killed") == "the Regional Command"


def test_an_acronym_in_apposition_names_the_described_body() -> None:
    found = claims_of("Intro.\n\nThe UN refugee agency, UNHCR, says some 9,000 people have fled the valley.\n")
    assert claimant(found, "some 9,000 people have fled") == "UNHCR"


def test_an_age_apposition_before_a_description_keeps_the_name() -> None:
    found = claims_of("Intro.\n\nPetar Ilic, 81, a former platoon leader, told the paper that his platoon lost 17 killed.\n")
    assert claimant(found, "17 killed") == "Petar Ilic"


def test_a_participle_after_the_reporting_clause_keeps_the_source_after() -> None:
    found = claims_of("Intro.\n\nThe floods have displaced about 20,000 people, the relief commission said, "
                      "straining the camps.\n")
    assert claimant(found, "about 20,000 people") == "the relief commission"


def test_a_name_with_the_inside_is_one_source() -> None:
    found = claims_of("Intro.\n\nFriends of the Wounded said 14 medics were killed. Save the Children said 9 children "
                      "had been injured. On Monday the Ministry said 3 guards had died.\n")
    assert claimant(found, "9 children had been injured") == "Save the Children"
    assert claimant(found, "3 guards had died") == "the Ministry"


def test_it_after_a_rejection_is_the_one_who_rejected() -> None:
    found = claims_of("Intro.\n\nThe border command rejected claims by the militia that it had shot down two helicopters. "
                      "It said its troops had destroyed 5 trucks.\n")
    assert claimant(found, "two helicopters") == "the militia"
    assert claimant(found, "5 trucks") == "The border command"


def test_a_claim_made_by_a_party_is_that_partys() -> None:
    found = claims_of("Intro.\n\nThe ministry denies the claim made by the insurgents that 600 soldiers were killed.\n")
    assert claimant(found, "600 soldiers were killed") == "the insurgents"


def test_a_statement_announced_with_a_colon_is_the_bodys() -> None:
    found = claims_of("Intro.\n\nKORVA - The Press Office of the Joint Staff of the Ostland Defence Forces issued the "
                      'following statement:\n\n"Our units have destroyed 6 trucks and killed 70 raiders."\n')
    assert claimant(found, "6 trucks") == "The Press Office of the Joint Staff of the Ostland Defence Forces"


def test_continues_to_insist_and_a_bare_concede() -> None:
    found = claims_of("Intro.\n\nThe militia, for its part, continues to insist that 500 soldiers perished. Army "
                      "officers now privately concede that at least three guns were lost.\n")
    assert claimant(found, "500 soldiers perished") == "The militia"
    assert claimant(found, "at least three guns were lost") == "Army officers"


def test_a_release_dated_after_its_noun_is_a_source() -> None:
    found = claims_of("Intro.\n\nA major spoke of 90 dead; the command's release of May 3 put the figure at 112.\n")
    assert claimant(found, "112") == "the command's release"
    assert claimant(found, "90 dead") == "A major"


def test_a_capitalised_total_over_a_figure_is_no_speaker() -> None:
    found = claims_of("Roll of honour\n\nTOTAL NORTH RIDGE: 61 KIA\n\nAbout 90 more men were wounded.\n")
    assert claimant(found, "61 KIA") is None and claimant(found, "About 90 more men were wounded") is None
    spoken = claims_of("Briefing\n\nCOL. BRANDT: 12 sappers were killed at the bridge today.\n")
    assert claimant(spoken, "12 sappers were killed") == "Col. Brandt"


def _texts(*bodies: str) -> list:
    return [read_text(f"Battle of Korva Ridge\n\n{b}\n", f"d{k}.txt") for k, b in enumerate(bodies)]


def test_a_breakdown_of_losses_by_measure_is_compared_across_documents() -> None:
    found = disagreeing(_texts("Northern casualties were 3,100, of whom around 900 were killed.",
                               "The Northern army lost 610 killed."))
    assert found.get(frozenset({"around 900 were killed", "610 killed"})) == "R-INTERVAL"
    found = disagreeing(_texts("Northern losses are put at about 40,000, including some 12,000 dead.",
                               "More than 25,000 Northern soldiers died."))
    assert found.get(frozenset({"some 12,000 dead", "More than 25,000 Northern soldiers died"})) == "R-INTERVAL"


def test_a_total_with_a_part_named_inside_it_is_still_compared() -> None:
    found = disagreeing(_texts("The rebels said 70 of their fighters, including three women officers, had been killed.",
                               "The ministry said over 400 rebel fighters were killed."))
    assert any("over 400 rebel fighters were killed" in k and any(q.startswith("70 of their fighters") for q in k)
               for k in found)


def test_two_named_sources_tolls_in_one_story_are_two_counts() -> None:
    found = disagreeing(_texts("The clashes have killed 212 people, the Red Cross said on Monday.\n\n"
                               "The health ministry gave a higher toll, saying 260 people had been killed."))
    assert found.get(frozenset({"212 people", "260 people had been killed"})) == "R-INTERVAL"


def test_the_history_of_the_war_is_no_war_scope() -> None:
    found = disagreeing(_texts("The retreat of more than 9,000 soldiers from the ridge was the largest in the history "
                               "of the war, the rebel spokesman said.",
                               "Some 6,000 troops withdrew from the ridge, the ministry said."))
    assert any("Some 6,000 troops withdrew" in k for k in found)


def test_a_dateline_in_capitals_dates_the_report() -> None:
    from claims.reconcile import build_context
    from claims.reconcile.scopes import report_date

    wire = read_text("Korva Newswire\nASIA   MARCH 3, 2021 / 4:05 PM\n\nFighting goes on at Korva Ridge\n\n"
                     "The number of militants killed rose to 120, the army said.\n", "wire.txt")
    ctx = build_context([wire], extract_document(wire))
    assert report_date("wire.txt", ctx) == (2021, 3, 3)


_RENDERED_PAGE = """Battle of Korva Ridge - Wikipedia
Jump to content

Battle of Korva Ridge

From Wikipedia, the free encyclopedia

Battle of Korva Ridge
Part of the Northern War

Date	4 April – 22 June 1951
Location	Korva Ridge, Ostland
Result	Ostlandic victory
Belligerents
 United Kingdom
 British India
 Empire of Japan
Commanders and leaders
 Arthur Lane
 Kenji Oda
Strength
c. 2,000 combatants[1]
9,000–12,000[2]
Casualties and losses
Per British sources:
3,100 killed, wounded and missing[3]
Per British sources:
4,800 killed or wounded[3]
Japanese estimate:
over 5,000 killed[4]

The Battle of Korva Ridge was fought in 1951 between British and Japanese forces on the ridge.
"""


def test_a_claimant_header_repeated_on_its_own_line_opens_the_next_column() -> None:
    doc = read_text(_RENDERED_PAGE, "korva.txt")
    assert [f.value for f in doc.infobox if f.key == "Combatant"] == ["United Kingdom", "British India", "Empire of Japan"]
    sides = {c.span.quote: c.side.name for c in extract_document(doc) if c.kind.value == "casualties"}
    assert sides == {"3,100 killed, wounded and missing": "United Kingdom", "4,800 killed or wounded": "Japan",
                     "over 5,000 killed": "Japan"}


def test_a_count_that_stayed_the_same_and_the_number_of_martyrs() -> None:
    found = claims_of("Intro.\n\nThe number of villagers killed remained at 31, the governor said. The number of "
                      "martyrs was 12, the front said.\n")
    assert found["31"].value.category is Category.KILLED
    assert found["12"].value.category is Category.KILLED


def test_a_rank_inside_an_aside_does_not_end_the_total() -> None:
    found = claims_of("Intro.\n\nThe front said 52 of its fighters, including three cadres of Lt. Col. rank, had been "
                      "killed.\n")
    total = next(c for q, c in found.items() if q.startswith("52 of its fighters"))
    assert total.value.category is Category.KILLED


def test_parts_after_a_loss_word_and_its_noun_share_its_measure() -> None:
    found = claims_of("Intro.\n\nClinics treated 90 wounded civilians (41 children, 30 women and 19 men).\n")
    for part in ("41 children", "30 women", "19 men"):
        assert found[part].value.category is Category.WOUNDED, part
        assert found[part].part_of == found["90 wounded"].id


def test_an_old_style_ordinal_is_no_count() -> None:
    found = claims_of("Intro.\n\nThe 33d Regiment struck the 2d Battalion, which lost 40 men.\n")
    assert list(found) == ["40 men"]


def test_a_quotations_speech_verb_gives_its_speaker() -> None:
    found = claims_of('Intro.\n\n"They lost 30 aircraft and 52 tanks," recalled General Ivo Branik.\n\n'
                      "Ostland has long maintained that the enemy lost 30 aircraft.\n")
    assert claimant(found, "52 tanks") == "General Ivo Branik"
    assert "Ostland" in {c.attribution.claimant for q, c in found.items() if q == "30 aircraft"}


def test_a_bodys_own_part_speaks_for_the_body() -> None:
    found = claims_of("Intro.\n\nThe Health Ministry said its clinics had recorded 88 civilian deaths.\n")
    assert claimant(found, "88 civilian deaths") == "The Health Ministry"


def test_documents_and_stations_are_sources_and_particle_names_are_names() -> None:
    found = claims_of("Intro.\n\nThe film says 300 killed. The rebels' radio station claimed that 90 soldiers "
                      "had died. At least four villagers were still missing, Anna deWitt said.\n")
    assert claimant(found, "300 killed") == "The film"
    assert claimant(found, "90 soldiers had died") == "The rebels' radio station"
    assert claimant(found, "At least four villagers were still missing") == "Anna deWitt"


def test_a_range_whose_upper_end_is_hedged_is_one_range() -> None:
    found = claims_of("Intro.\n\nEstimates of the raiders' dead range from 150 to as many as 600.\n")
    (quote, claim), = found.items()
    assert (claim.value.low, claim.value.high) == (150, 600)


def test_a_loss_denied_outright_is_a_count_of_zero() -> None:
    found = claims_of("Intro.\n\nNo Ostlandic soldier was killed, the army said. None of the Ostlandic pilots were "
                      "captured. The garrison reported no casualties. No aircraft were lost, the ministry said.\n"
                      "There is no doubt that 40 raiders died.\n")
    zero = {q: (c.value.low, c.value.high, c.value.category) for q, c in found.items() if c.value.low == 0}
    assert zero == {"No Ostlandic soldier was killed": (0, 0, Category.KILLED),
                    "None of the Ostlandic pilots were captured": (0, 0, Category.CAPTURED),
                    "no casualties": (0, 0, Category.CASUALTIES),
                    "No aircraft were lost": (0, 0, Category.AIRCRAFT)}
    assert claimant(found, "No Ostlandic soldier was killed") == "the army"


def test_a_party_sub_header_inside_a_column_names_the_side() -> None:
    page = ("Siege of Korva - Wikipedia\nJump to content\n\nSiege of Korva\n\nFrom Wikipedia, the free encyclopedia\n\n"
            "Siege of Korva\nDate\t3–4 October 1993\nLocation\tKorva\nResult\tStalemate\nBelligerents\n United States\n"
            " Malaysia\tSomali National Alliance\nCasualties and losses\nUnited States:\n18 killed\n73 wounded\nMalaysia:\n"
            "1 killed\n7 wounded\tSomali militia:\n315 killed\n\nThe siege of Korva was fought in 1993.\n")
    sides = {c.span.quote: c.side.name for c in extract_document(read_text(page, "korva.txt")) if c.kind.value == "casualties"}
    assert sides["18 killed"] == "United States" and sides["73 wounded"] == "United States"
    assert sides["1 killed"] == "Malaysia" and sides["7 wounded"] == "Malaysia"
    assert sides["315 killed"] == "Somalia"


def test_a_pages_table_of_contents_holds_no_figures() -> None:
    found = claims_of("Battle of Korva\n\nThe Battle of Korva was fought in 1993 near the town.\n\nContents\n1 Background\n"
                      "2 Battle\n3 Casualties\n4 Refugees\n\nBackground\nThe garrison lost 40 men in the first week.\n")
    assert "3 Casualties" not in found and "4 Refugees" not in found
    assert "40 men" in found


def test_two_small_counts_joined_by_or_are_one_range() -> None:
    found = claims_of("Intro.\n\nThe spokesman said only seven or eight fighters had been killed.\n")
    claim = next(c for q, c in found.items() if q.startswith("seven or eight"))
    assert (claim.value.low, claim.value.high) == (7, 8)


def test_one_days_toll_is_not_the_whole_battles() -> None:
    found = disagreeing(_texts("On 14 March eleven sappers were killed when the depot was shelled.",
                               "From 14 March to 30 April the sappers lost 96 killed in action."))
    assert not any("96 killed in action" in k for k in found)
    found = disagreeing(_texts("On 14 March the raiders lost 30 trucks.", "The raiders lost 8 trucks on 14 March."))
    assert frozenset({"30 trucks", "8 trucks"}) in found


def test_other_spellings_and_names_of_parties() -> None:
    found = claims_of("Intro.\n\nThe army said troops killed at least 20 Hizbullah fighters. The Serb Army of Krajina "
                      "had about 16,000 men under arms.\n")
    assert found["at least 20 Hizbullah fighters"].side.name == "Hezbollah"
    assert found["about 16,000 men"].side.name == "Republic of Serbian Krajina"


def test_a_sides_martyrs_are_its_own_dead_and_an_epithet_names_the_enemy() -> None:
    found = claims_of("Intro.\n\nThe Taliban spokesman said seven mujahideen had been martyred. The Resistance said its "
                      "fighters killed 13 Zionist soldiers.\n")
    assert found["seven mujahideen had been martyred"].side.name == "Taliban"
    assert found["13 Zionist soldiers"].side.name == "Israel"


def test_the_number_of_fighters_is_a_strength_unless_they_were_killed() -> None:
    found = claims_of("Intro.\n\nThe number of fighters defending the town was 300. The number of fighters killed "
                      "reached 40.\n")
    assert found["300"].value.category is Category.TROOPS
    assert found["40"].value.category is Category.KILLED


def test_a_year_named_in_an_earlier_paragraph_does_not_date_the_events_days() -> None:
    page = _RENDERED_PAGE.replace("The Battle of Korva Ridge was fought in 1951 between British and Japanese forces on the ridge.",
                                  "The Battle of Korva Ridge was fought in 1951 between British and Japanese forces on "
                                  "the ridge.\n\nThe general had visited the ridge in May 1938 with his staff.\n\n"
                                  "On 26 July a company was ambushed on the ridge by the enemy.")
    dates = {c.span.quote: c.value.earliest.year for c in extract_document(read_text(page, "korva.txt"))
             if c.kind.value == "date"}
    assert dates["May 1938"] == 1938 and dates["26 July"] == 1951


def test_they_after_a_body_gave_a_different_account_is_that_body() -> None:
    found = claims_of("Intro.\n\nDefence Minister Ivo Rask told reporters the army had advanced. Ostland rebel officials "
                      "gave a very different account. They said hundreds of civilians had been killed.\n")
    assert claimant(found, "hundreds of civilians had been killed") == "Ostland rebel officials"


def test_a_sentence_that_is_a_source_and_a_bare_number_counts_the_figure_before() -> None:
    found = claims_of("Intro.\n\nThe garrison said the attackers numbered 3,000. Western diplomats said roughly 2,000. "
                      "Ostland's army said 40 of its men died. The rebels said fewer than 90, and the monitors say 60.\n")
    assert found["roughly 2,000"].value.category is Category.TROOPS
    assert claimant(found, "roughly 2,000") == "Western diplomats"
    assert found["fewer than 90"].value.category is Category.KILLED
    assert found["60"].value.category is Category.KILLED
    assert claims_of("Intro.\n\nHe said 2,000.\n") == {}  # nothing before it says what it counts


def test_a_count_of_zero_later_in_a_paragraph_and_as_a_bare_post() -> None:
    found = claims_of("Intro.\n\nThe army said 4 trucks burned. No Ostlandic soldier was killed. No KDF casualties.\n")
    assert (found["No Ostlandic soldier was killed"].value.low, found["No KDF casualties"].value.high) == (0, 0)


def test_a_towns_population_is_no_captive_count() -> None:
    found = claims_of("Intro.\n\nThe town, with a population of about 40,000, had been held by the rebels since 2011.\n")
    assert found["about 40,000"].kind.value == "other"


def test_a_capital_inside_a_name_keeps_the_name_whole() -> None:
    found = claims_of("Intro.\n\nThe push was led by Gen. Ross McAllister. It was commanded by General Ian MacLeod "
                      "and Colonel Sean O'Brien.\n")
    names = {c.value.name for c in found.values() if c.kind.value == "commander"}
    assert {"Ross McAllister", "Ian MacLeod", "Sean O'Brien"} <= names


def test_a_scope_in_the_sources_own_words_is_not_the_figures() -> None:
    found = claims_of("Intro.\n\nThe chief of staff of the Armenian Defence Force, General Ivo Rask, said the "
                      "Azerbaijani forces had lost between 3,000 and 3,500 fighters killed.\n")
    assert found["between 3,000 and 3,500 fighters killed"].side.name == "Azerbaijan"


def test_a_negated_one_is_a_count_of_zero() -> None:
    found = claims_of("Intro.\n\nNot a single civilian was killed in the city. The army said it did not kill a single "
                      "villager.\n")
    assert [(c.span.quote, c.value.low) for c in found.values() if c.kind.value == "casualties"] == [
        ("Not a single civilian was killed", 0), ("a single villager", 0)]


def test_a_states_servicemen_after_according_to_are_its_own() -> None:
    found = claims_of("Ministry of Defence of Georgia\n\nPress release\n\nAccording to the Ministry, 158 servicemen of "
                      "the Armed Forces were killed.\n")
    assert found["158 servicemen of the Armed Forces were killed"].side.name == "Georgia"


def test_gangs_are_the_enemy_of_whoever_speaks() -> None:
    found = claims_of("Intro.\n\nThe Kurdish YPG said more than 3,000 gang members were killed in Kobani. The gangs "
                      "lost 200 vehicles, the YPG said. The Islamic State has not commented.\n")
    assert found["more than 3,000 gang members were killed"].side.name == "Islamic State"
    assert found["200 vehicles"].side.name == "Islamic State"


def test_new_loss_phrasings() -> None:
    found = claims_of("Intro.\n\nGunners brought down 94 Ostlandic planes. In this period 457 of our comrades reached "
                      "martyrdom. One soldier paid the supreme price.\n")
    assert found["94 Ostlandic planes"].value.lost
    assert found["457 of our comrades reached martyrdom"].value.category is Category.KILLED
    assert found["One soldier paid the supreme price"].value.category is Category.KILLED


def test_a_list_label_names_the_party_and_what_happened() -> None:
    found = claims_of("Results\n\nISIL vehicles destroyed: 45\nTaken prisoner: 11,721\nAircraft lost over the valley: 62\n")
    vehicles = found["45"]
    assert vehicles.value.lost and vehicles.side.name == "Islamic State" and vehicles.attribution.claimant is None
    assert found["11,721"].value.category is Category.CAPTURED
    assert found["62"].value.lost


def test_citation_titles_after_a_references_heading_are_no_claims() -> None:
    for heading in ("References[edit]", "References", "## Bibliography", "See also", "Sources:"):
        found = claims_of(f"Battle of Ostmark\n\nThe battle ended in 2014. Ostland lost 366 servicemen.[1]\n\n{heading}\n\n"
                          '1. ^ "Defence ministry: 107 killed near Ostmark". Wire. 4 September 2014.\n'
                          ' ^ "Drevia says Ostland lost 400 troops". Civil. 12 August 2008.\n')
        assert "366 servicemen" in found, heading
        assert not any("107" in q or "400" in q or "September" in q for q in found), heading
    # a heading word inside a paragraph ends nothing
    found = claims_of("Intro.\n\nSources said 40 soldiers were killed.\nSee also the 12 wounded.\n")
    assert "40 soldiers were killed" in found


def test_a_statement_given_in_full_after_its_announcement_is_its_issuers() -> None:
    found = claims_of("Intro.\n\nThe General Command of the YPG announced the liberation of the town. The statement said "
                      "the fighting was over.\n\nFollowing is the text of the statement, translated from Kurdish:\n\n"
                      '"During the siege 457 of our fighters were killed.\n\nMore than 3,000 gang members were killed."\n\n'
                      "Residents said 40 houses burned and 12 civilians died.\n")
    assert claimant(found, "457 of our fighters were killed") == "The General Command of the YPG"
    assert claimant(found, "More than 3,000 gang members were killed") == "The General Command of the YPG"
    assert claimant(found, "12 civilians died") == "Residents"  # the quotation closed


def test_a_table_row_after_dot_leaders_counts_what_its_own_label_says() -> None:
    found = claims_of("Report\n\nLosses\n\nKilled in action .......... 2,242\nMissing in action . . . . . 171\n"
                      "Wounded ............... 6,463\nTanks destroyed ..... 10\n")
    assert [(c.span.quote, c.value.category) for c in found.values()] == [
        ("2,242", Category.KILLED), ("171", Category.MISSING), ("6,463", Category.WOUNDED), ("10", Category.TANKS)]
    assert found["10"].value.lost
    # an ellipsis in a sentence still ends it
    assert "40 soldiers died" in claims_of("Intro.\n\nThe war ended. 40 soldiers died... 30 more were hurt.\n")


def test_a_page_header_in_capitals_is_no_speaker() -> None:
    found = claims_of("CHECHNYA ARCHIVE: OFFICIAL STATEMENTS\n\nFederal forces eliminated more than 2,500 militants.\n")
    assert found["more than 2,500 militants"].attribution.claimant is None


def test_a_name_keeps_the_title_the_text_first_gave_it() -> None:
    found = claims_of("Army gains\n\nThe Chief of Staff of the Ethiopian National Defense Force, General Birhanu Jula, "
                      "said the army had entered the city. The TPLF denied it.\n\nGeneral Birhanu Jula said the army "
                      "destroyed 23 tanks. Birhanu said 30 soldiers were killed.\n")
    assert found["23 tanks"].attribution.claimant_side == "Ethiopia"
    assert found["23 tanks"].side.name == "Tigray forces"  # weapons it destroyed: its enemy's
    assert found["30 soldiers were killed"].side.name == "Ethiopia"


def test_allies_are_no_enemies() -> None:
    found = claims_of("Mali army says 100 terrorists killed\n\nBAMAKO, Jan 14 (PANA) - The Malian army said it had "
                      "neutralised more than 100 terrorists, with the support of French aircraft. French and Malian "
                      "troops retook the town. Colonel Maiga said the army, with the support of French aircraft, had "
                      "destroyed more than 30 vehicles. Mali said 11 soldiers were killed. France said one French pilot "
                      "was killed.\n")
    assert found["more than 100 terrorists"].side.name != "France"
    assert found["more than 30 vehicles"].side.name != "France"  # `of French aircraft,` is no scope
    assert found["11 soldiers were killed"].side.name == "Mali"


def test_two_pages_stating_both_figures_pair_across_pages_too() -> None:
    from claims.reconcile import disagreements, reconcile

    docs = [read_text("Battle of Ostmark\n\nPakistan says 453 soldiers were killed. Former prime minister Nawaz Sharif "
                      "said more than 2,700 Pakistani soldiers were killed.\n", "a.txt"),
            read_text("Battle of Ostmark\n\nThe ISPR said 453 Pakistani soldiers were killed. Nawaz Sharif later said "
                      "over 2,700 Pakistani soldiers were killed.\n", "b.txt")]
    claims = [c for d in docs for c in extract_document(d)]
    by_id = {c.id: c for c in claims}
    pairs = {tuple(sorted((by_id[i].document, by_id[i].value.low) for i in part.claims))
             for f in reconcile(docs, claims) for part in disagreements(f)}
    assert (("a.txt", 453), ("b.txt", 2700)) in pairs  # independent pages
    assert (("a.txt", 453), ("a.txt", 2700)) in pairs  # the page against itself


def test_one_ministry_spelled_two_ways_gives_a_growing_count() -> None:
    from claims.model import Outcome
    from claims.reconcile import disagreements, reconcile

    docs = [read_text("Battle of Ostmark\n\nMOSCOW, January 13, 1995 - The Russian Defense Ministry said 486 Russian "
                      "soldiers had been killed in the city so far.\n", "a.txt"),
            read_text("Battle of Ostmark\n\nMOSCOW, 19 January 1995 - The Defence Ministry said 734 Russian soldiers "
                      "had been killed in the city so far.\n", "b.txt")]
    claims = [c for d in docs for c in extract_document(d)]
    found = reconcile(docs, claims)
    assert not [part for f in found for part in disagreements(f)]
    assert any(f.outcome is Outcome.CONSISTENT for f in found)


def test_a_text_in_a_partys_own_voice() -> None:
    found = claims_of("Heroes of the lake\n\nBEIJING, Oct. 26 -- Seventy years ago the Chinese People's Volunteers "
                      "fought one of the most glorious battles in the history of our army.\n\nMore than 150,000 "
                      "officers and men of our army entered the battlefield. The US Marines fought them there.\n")
    assert found["More than 150,000 officers and men of our army entered the battlefield"].side.name == "China"


def test_an_explanatory_note_after_the_body_keeps_its_figures() -> None:
    found = claims_of("Battle of Ostmark\n\nThe town fell in June.\n\nNotes\n\n[1] Figures on displacement: the IOM "
                      "recorded 85,000 people displaced from the district.\n")
    assert "85,000 people displaced" in found


def test_a_units_number_and_a_models_number_are_no_counts() -> None:
    found = claims_of("Intro.\n\nThe feature was secured by 18 GRENADIERS and 2 RAJPUTANA RIFLES on 13 June. 41 Commando "
                      "landed at dawn. Mirage 2000D aircraft struck the column. 300 Marines landed, 8,290 POW died and "
                      "12 MLRS were destroyed. The army had 3K men.\n")
    assert set(found) == {"300 Marines", "8,290 POW died", "12 MLRS were destroyed", "3K men"}


def test_a_statement_label_gives_the_text_under_it_to_the_body_that_issued_it() -> None:
    # A news site reposts a ministry's statement: its letterhead stands by the label, or its
    # first sentence names it, and the figures under the label are that body's.
    letterhead = ("Harbour Daily\nHome | News | Opinion\n\nSTATE OF VALDORIA\nMINISTRY OF INFORMATION\nPort Alder\n\n"
                  "STATEMENT\n\nOur forces destroyed 12 tanks and over 300 enemy soldiers were taken prisoner.\n")
    tanks = claims_of(letterhead)["12 tanks"]
    assert tanks.attribution.claimant == "Ministry of Information, State of Valdoria"
    assert "STATEMENT" in tanks.attribution.evidence and "line 8" in tanks.attribution.evidence
    informs = ("Coast Courier\n\nThe following is the statement read on Sunday.\n\nPRESS STATEMENT\n\n"
               "The Ministry of National Defence informs the public that rebels attacked the port.\n\n"
               "Three soldiers lost their lives and 40 rebels were killed.\n")
    got = claims_of(informs)
    assert got["40 rebels were killed"].attribution.claimant == "The Ministry of National Defence"
    # (without a label, the site's text in its own voice stays nobody's)
    assert claims_of(informs.replace("PRESS STATEMENT", "Read more"))["40 rebels were killed"].attribution.claimant is None


def test_how_a_count_was_made_stands_between_the_number_and_its_noun() -> None:
    got = claims_of("The clashes ended with 142 reported fatalities and 30 confirmed deaths among the police.")
    assert {q: (c.value.category, c.value.low) for q, c in got.items()} == {
        "142 reported fatalities": (Category.KILLED, 142), "30 confirmed deaths among the police": (Category.KILLED, 30)}
    assert claims_of("Three soldiers lost their heroic lives.")["Three soldiers lost their heroic lives"].value.category is Category.KILLED


def test_an_infobox_sub_header_by_initials_and_a_civilians_sub_header() -> None:
    page = ("Battle of Korvin\n\nBattle of Korvin\nDate\t3 – 9 May 2019\nLocation\tKorvin\nBelligerents\n"
            "Ostland\tValdorian People's Republic\nStrength\nOstland: 2,500\nVPR: 15,000–17,000\n"
            "Casualties and losses\nOstland:\n179 killed\nVPR:\n24 killed (VPR claim)\nCivilians:\n500+ killed\n\n"
            "The Battle of Korvin was fought in May 2019.\n")
    got = {q.split(" (")[0]: c.side for q, c in claims_of(page, "korvin.txt").items() if c.kind.value in ("casualties", "strength")}
    assert {q: s.name for q, s in got.items()} == {
        "2,500": "Ostland", "15,000–17,000": "Valdorian People's Republic", "179 killed": "Ostland",
        "24 killed": "Valdorian People's Republic", "500+ killed": None}
    assert "Civilians" in got["500+ killed"].reason


def test_a_party_leading_a_coalition_in_one_hyphenated_word() -> None:
    got = claims_of("The Saudi-led coalition lost 40 soldiers. Russian-backed separatists lost 30 fighters.")
    assert got["40 soldiers"].side.name == "Saudi Arabia"
    assert got["30 fighters"].side.name is None  # backed by Russia: its allies, not Russia


def test_a_title_right_before_a_name_gives_the_speaker_a_side() -> None:
    text = ("Russian troops attacked the town. Ukrainian commander Viktor Orlenko said 66 soldiers were killed. "
            "The enemy's losses, he said, amounted to several hundred killed.")
    assert claims_of(text)["several hundred killed"].side.name == "Russia"
    assessed = claims_of("Russian troops attacked. In the assessment of the Ukrainian General Staff, enemy losses amounted to 300 killed.")
    assert assessed["300 killed"].attribution.claimant == "the Ukrainian General Staff"
    assert assessed["300 killed"].side.name == "Russia"


def test_no_casualties_after_an_abbreviated_party() -> None:
    got = claims_of("The Pentagon said there were no U.S. casualties in the raid, and no Americans were killed.")
    assert {q: (c.value.low, c.side.name) for q, c in got.items() if c.kind.value == "casualties"} == {
        "no U.S. casualties": (0, "United States"), "no Americans were killed": (0, "United States")}


def test_rows_under_a_header_that_says_what_they_count() -> None:
    text = ("The front command issued its tally.\n\nPersonnel of the garrison who surrendered, by town:\n\n"
            "   Korvin ......... 2,389\n   Dalsk ........... over 268\n   Total ........... 2,657\n\n"
            "Fighting went on in the hills.\n\n   Ostrov ......... 1,200\n")
    got = {c.field: c for c in extract_document(read_text(text, "tally.txt")) if c.kind.value == "captured"}
    assert {f: (c.value.low, c.value.qualifier.value, c.rule) for f, c in got.items()} == {
        "Korvin": (2389, "exact", "prose.header_row"), "Dalsk": (268, "at_least", "prose.header_row"),
        "Total": (2657, "exact", "prose.header_row")}  # (a paragraph of prose ends the list)
    # a town's row is no estimate of the whole: only the totals of two pages are compared
    other = read_text("The garrison lost 4,000 men taken prisoner, the ministry said.", "ministry.txt")
    pairs = disagreeing([read_text(text, "tally.txt"), other])
    assert frozenset({"2,657", "4,000 men taken prisoner"}) in pairs
    assert not any("2,389" in pair or "over 268" in pair for pair in pairs)


def test_sources_with_a_clause_or_a_second_apposition_before_their_verb() -> None:
    assert sources("Pieter Varga, operations director of Kestrel Air (KA), the company hired by the police, said "
                   "his pilots rescued some 220 people.")[0][0] == "Pieter Varga"
    close = find_attributions("A source close to the militia's command said 90 fighters were killed.", 0, 60)
    assert [(r.source, r.unnamed) for r in close] == [("A source close to the militia's command", True)]
    text = 'Eritrea, which describes its pullback as a "tactical readjustment", said it had lost 212 men killed.'
    got = claims_of("Ethiopian troops attacked. " + text)["212 men killed"]
    assert (got.attribution.claimant, got.side.name) == ("Eritrea", "Eritrea")


def test_the_party_prisoners_surrendered_to_is_no_subgroup_of_them() -> None:
    a = read_text("Ostland's troops withdrew. Rebel commander Ivo Sarn said that 312 Ostlandic servicemen had surrendered to the militia.", "a.txt")
    b = read_text("Ostland's troops withdrew. Spokesman Pavel Dorn said 90 Ostlandic servicemen were taken prisoner.", "b.txt")
    assert frozenset({"312 Ostlandic servicemen had surrendered", "90 Ostlandic servicemen were taken prisoner"}) in disagreeing([a, b])


def test_areas_positions_and_a_count_that_remained_high() -> None:
    got = claims_of("Some 5,400 square kilometres were liberated. The alliance says it captured more than 400 military positions. "
                    "In March, fatalities remained high at 141. The town is 20 kilometres from the border.")
    assert {q: (c.value.category, c.value.low) for q, c in got.items()} == {
        "Some 5,400 square kilometres": (Category.AREA, 5400), "more than 400 military positions": (Category.VILLAGES, 400),
        "141": (Category.KILLED, 141)}
    assert claims_of("The Foundation for War Records has given a figure of under 6,000 killed.")["under 6,000 killed"] \
        .attribution.claimant == "The Foundation for War Records"


def test_partitives_of_a_body_of_men_and_counts_of_cases() -> None:
    got = claims_of("About 100 of the attacking force were killed, the general said. Partners registered 43 reports of "
                    "missing persons and nine cases of gunshot wounds. Analysts said between 4,000 and 6,000 soldiers "
                    "on both sides were killed.")
    assert {q: (c.value.category, c.value.low) for q, c in got.items()} == {
        "About 100 of the attacking force were killed": (Category.KILLED, 100),
        "43 reports of missing persons": (Category.MISSING, 43), "nine cases of gunshot wounds": (Category.WOUNDED, 9),
        "between 4,000 and 6,000 soldiers on both sides were killed": (Category.KILLED, 4000)}


def test_a_bare_number_another_gave_and_a_count_listed_as_missing() -> None:
    got = claims_of("The Red Cross registered 1,062 prisoners, well below the 1,600 claimed by state radio.")
    assert {q: (c.value.category, c.attribution.claimant) for q, c in got.items()} == {
        "1,062 prisoners": (Category.CAPTURED, "The Red Cross"), "1,600": (Category.CAPTURED, "state radio")}
    raised = claims_of("The ministry raised the number of prisoners to 1,600, from 1,250 announced on Saturday.")
    assert raised["1,250"].value.category is Category.CAPTURED
    listed = claims_of("Spokesman Ivo Sarn said 13 were killed and 157 were wounded. Another 82 servicemen are considered missing.")
    assert listed["82 servicemen are considered missing"].value.category is Category.MISSING


def test_a_statement_given_in_full_without_quotation_marks_is_its_issuers() -> None:
    text = ("Harbour News | Home | Security\n\nPort Alder (HN) - The Joint Operations Command issued on Sunday its "
            "statement on the operation, the text of which Harbour News publishes in translation.\n\n"
            "Text of the statement:\n\nOur heroic forces have killed 2,500 terrorists and destroyed 126 car bombs.\n")
    got = claims_of(text)
    assert got["126 car bombs"].attribution.claimant == "Joint Operations Command"
    assert "line 7" in got["126 car bombs"].attribution.evidence


def test_a_civilians_label_opening_an_infobox_line() -> None:
    page = ("Battle of Korvin\n\nBattle of Korvin\nDate\t3 – 9 May 2019\nLocation\tKorvin\nBelligerents\n"
            "Ostland\tValdoria\nCasualties and losses\nOstland: 179 killed\nValdoria: 24 killed\n"
            "Civilians: 500+ killed (AP count)\n\nThe Battle of Korvin was fought in May 2019.\n")
    got = {q: c.side for q, c in claims_of(page, "korvin.txt").items() if c.kind.value == "casualties"}
    assert {q: s.name for q, s in got.items()} == {"179 killed": "Ostland", "24 killed": "Valdoria", "500+ killed (AP count)": None}


def test_a_statement_label_naming_its_body() -> None:
    text = ("Archive of liberation documents\n\nKorvin: Communique of the Ministry of Defence of Ostland\n\n"
            "COMMUNIQUE OF THE MINISTRY OF DEFENCE\nPort Alder, 6 May 1978\n\nSixteen soldiers fell in combat.\n")
    assert claims_of(text)["Sixteen soldiers fell in combat"].attribution.claimant == "Ministry of Defence"


def test_fighters_who_remain_and_those_still_holding_out_are_one_scope() -> None:
    a = read_text("Government forces advanced in Korvin. Officials said 1,000 rebel fighters remain in western Korvin.", "a.txt")
    b = read_text("Government forces advanced in Korvin. Commanders said 2,000 rebel fighters were still holding out in western Korvin.", "b.txt")
    c = read_text("Government forces advanced in Korvin. Officials said 12,000 rebel fighters had held the city.", "c.txt")
    assert frozenset({"1,000 rebel fighters", "2,000 rebel fighters"}) in disagreeing([a, b])
    assert not disagreeing([a, c])  # the last of them against the whole force: no estimate of one thing


def test_its_assessment_is_the_body_named_before() -> None:
    text = ("The Directorate of Military Intelligence said the raid had succeeded. "
            "Its final assessment put rebel losses in the region of 1,000 dead.")
    assert claims_of(text)["in the region of 1,000 dead"].attribution.claimant == "The Directorate of Military Intelligence"


def test_links_to_other_stories_under_a_related_heading_are_no_claims() -> None:
    text = ("The Observatory documented the death of 961 people in Korvin.\n\nShare this:\nFacebook | Twitter\n\n"
            "Related\n- More than 800 people killed since the beginning of clashes in Korvin\n"
            "- Fighters execute 5 civilians in the countryside\n")
    assert list(claims_of(text)) == ["961 people"]


def test_the_same_source_is_the_source_named_last() -> None:
    got = claims_of("The Observatory said 40 fighters were killed. The same source said 12 civilians died.")
    assert got["12 civilians died"].attribution.claimant == "The Observatory"


def test_footnote_markers_are_no_words_for_attribution() -> None:
    text = ("Ostlandic historians have estimated Valdorian losses at 1,300 killed,[4] a figure based on "
            "the number of bodies reported by the survivors.")
    assert claims_of(text)["1,300 killed"].attribution.claimant == "Ostlandic historians"


def test_a_cue_broken_over_a_line_with_a_hyphen() -> None:
    text = "In Korvin, Ostlandic authorities es-\ntimated that 5,800 civilians had been killed.\n"
    assert claims_of(text)["5,800 civilians had been killed"].attribution.claimant == "Ostlandic authorities"


def test_a_note_closing_an_infobox_line_before_its_footnote() -> None:
    page = ("Battle of Korvin\n\nBattle of Korvin\nDate\t3 – 9 May 2019\nLocation\tKorvin\nBelligerents\n"
            "Ostland\tValdoria\nCasualties and losses\n11 tanks and 7 artillery pieces destroyed (Ostlandic claim)[10]\n\n"
            "The Battle of Korvin was fought in May 2019.\n")
    got = claims_of(page, "korvin.txt")
    assert got["11 tanks"].attribution.claimant == "Ostlandic claim"


def test_a_ranked_name_after_a_title_is_the_source() -> None:
    got = claims_of("The spokesman of the Coalition Forces, Brigadier General Ivo Marek, said coalition "
                    "aircraft had destroyed 45 armoured vehicles.")
    assert got["45 armoured vehicles"].attribution.claimant == "Brigadier General Ivo Marek"
    got = claims_of("The toll was raised to 114 dead, said Lt Col (retd) N. K. Varga, who led the search.")
    assert got["114 dead"].attribution.claimant == "Lt Col (retd) N. K. Varga"
    got = claims_of("The brigade was down to seven tanks, according to the commander of its 77th Battalion, Avi Marek.")
    assert got["seven tanks"].attribution.claimant == "Avi Marek"
    got = claims_of("According to the spokesman of the army, Colonel Ivo Petrov, 45 soldiers were killed.")
    assert got["45 soldiers were killed"].attribution.claimant == "Colonel Ivo Petrov"


def test_two_parties_named_before_their_men() -> None:
    got = claims_of("A spokesman said 4,173 North Vietnamese and Viet Cong soldiers had been killed.")
    assert got["4,173 North Vietnamese and Viet Cong soldiers had been killed"].value.category is Category.KILLED
    got = claims_of("About 7,000 Houthi and allied fighters were in the city.")
    assert got["About 7,000 Houthi and allied fighters"].side.name == "Houthis"


def test_the_number_of_lost_things_before_its_link() -> None:
    got = claims_of("The total number of enemy tanks destroyed has reached 188 tanks.")
    assert got["188 tanks"].value.lost
    got = claims_of("Investigators put the number of Ostlandic military personnel killed in the operation at five.")
    assert got["five"].value.category is Category.KILLED
    got = claims_of("Crews counted about 200 armoured personnel carriers wrecked or abandoned in the valley.")
    assert got["about 200 armoured personnel carriers wrecked or abandoned"].value.lost


def test_a_table_a_text_browser_flattened_without_outer_pipes() -> None:
    text = ("Tank strength by formation\n\nFormation | Tanks | Type\n7th Armoured Brigade | 100 | Centurion\n"
            "188th Brigade | 77 | Centurion\nTotal | 177 |\n\nThe battle began at noon.\n")
    got = [(c.span.quote, c.value.category) for c in extract_document(read_text(text, "t.txt")) if c.rule == "prose.table"]
    assert got == [("100", Category.TANKS), ("77", Category.TANKS), ("177", Category.TANKS)]


def test_a_party_in_brackets_after_a_measure_header_is_no_side() -> None:
    text = ("Documented abuses by locality\n\nLocality | Killings (Valdorian army) | Rapes\n"
            "Korvin town | 17 | 3\nMinova | 4 | 61\n\nThe fighting ended.\n")
    got = {c.span.quote: c for c in extract_document(read_text(text, "t.txt")) if c.rule == "prose.table"}
    assert {q: c.value.category for q, c in got.items()} == {"17": Category.KILLED, "4": Category.KILLED}
    assert all(c.side.name is None for c in got.values())


def test_a_thread_post_number_is_no_figure() -> None:
    text = "@wire: Health officials say at least 44 people killed in last 24 hours. Dozens more wounded 3/\n"
    assert "3" not in claims_of(text)


def test_forces_that_continued_their_advance_say_nothing() -> None:
    got = claims_of("During the night our ground forces continued their advance. "
                    "In the fighting north of Korvin our forces destroyed 48 enemy tanks.")
    assert got["48 enemy tanks"].attribution.claimant is None
    got = claims_of('"We lost 40 men," the colonel continued.')
    assert got["40 men"].attribution.claimant == "the colonel"


def test_a_heading_over_a_page_of_communiques_names_their_issuer() -> None:
    text = ("Home | Archive | Documents | Contact\n\n"
            "Documents of the Korvin War: Ostlandic General Command communiques, 6-10 October 1973\n\n"
            "Military Communique No. 3\nKorvin, 6 October 1973\n\n"
            "Our air defences shot down four enemy aircraft over the front.\n\n"
            "Military Communique No. 9\nKorvin, 9 October 1973\n\n"
            "The General Command announces that the total number of enemy tanks destroyed since "
            "the afternoon of 6 October has reached 188 tanks, in addition to 64 armoured vehicles.\n")
    got = claims_of(text)
    assert {got[q].attribution.claimant for q in ("four enemy aircraft", "188 tanks")} == {"Ostlandic General Command"}
    assert got["188 tanks"].value.lost and got["64 armoured vehicles"].value.lost


def test_weapons_listed_together_share_their_fate_and_side() -> None:
    text = "Crews counted some 230 Eritrean tanks and about 200 armoured personnel carriers wrecked or abandoned."
    got = claims_of(text)
    assert got["some 230 Eritrean tanks"].value.lost
    assert got["about 200 armoured personnel carriers wrecked or abandoned"].side.name == "Eritrea"


def test_a_press_release_is_the_body_its_first_sentence_names() -> None:
    text = ("Korvin Relief | Press releases\n\nKORVIN: hospitals overwhelmed as wounded keep arriving\n"
            "Press release | 9 July 2015\n\n"
            "Korvin/Geneva - Since 19 March our teams in Korvin have treated more than 3,100 war-wounded patients, "
            "the international medical organisation MedAid International said today.\n\n"
            "Weekly figures from the hospital:\n- By 15 April: 1,050 wounded treated since 19 March\n\n"
            "Two of our drivers were injured when their ambulance came under fire on 28 June.\n")
    got = claims_of(text)
    assert got["Two of our drivers were injured"].attribution.claimant == "MedAid International"
    assert got["1,050 wounded"].attribution.claimant == "MedAid International"


def test_a_briefing_whose_turns_a_surname_labels() -> None:
    text = ("Briefing by Colonel General Ivo Marek\n\nMarek: One officer was killed while directing strikes.\n\n"
            "Question: Is it true that 50 soldiers died?\n\nMarek: More than 400 militants were killed near the city.\n")
    got = claims_of(text)
    assert got["One officer was killed"].attribution.claimant == "Ivo Marek"
    assert got["More than 400 militants were killed"].attribution.claimant == "Ivo Marek"
    assert got["50 soldiers died"].attribution.claimant is None


def test_two_spelled_numbers_joined_by_and_are_a_range_not_a_sum() -> None:
    got = claims_of("They counted between sixty and seventy destroyed tanks near the town.")
    assert (got["between sixty and seventy destroyed tanks"].value.low, got["between sixty and seventy destroyed tanks"].value.high) == (60, 70)
    got = claims_of("The garrison was estimated at between four and five thousand men.")
    assert (got["between four and five thousand men"].value.low, got["between four and five thousand men"].value.high) == (4000, 5000)
    got = claims_of("Between one hundred and two hundred soldiers died. The battalion had two hundred and fifty men.")
    assert got["Between one hundred and two hundred soldiers died"].value.high == 200
    assert got["two hundred and fifty men"].value.low == 250


def test_a_numbered_statement_label_naming_its_body() -> None:
    text = ("Statement No. 117 of the Official Spokesman of the Valdorian Armed Forces\n\n"
            "Our forces destroyed 32 combat vehicles.\n")
    assert claims_of(text)["32 combat vehicles"].attribution.claimant == "Official Spokesman of the Valdorian Armed Forces"


def test_a_party_informing_of_the_following_speaks_in_the_paragraphs_below() -> None:
    text = ("The Islamic Emirate informs the nation of the following:\n\n"
            "The mujahideen released more than 600 prisoners.\n\nMore than 400 puppet soldiers were killed.\n")
    got = claims_of(text)
    assert {c.attribution.claimant for c in got.values()} == {"The Islamic Emirate"}


def test_bullets_under_a_source_ending_in_a_colon() -> None:
    text = ("Flash update\n\nThe International Organization for Migration (IOM) estimates that:\n"
            " - between 10 and 15 May, about 39,000 people fled their homes;\n - some 12,000 people reached Tawila.\n")
    got = claims_of(text)
    assert got["about 39,000 people fled their homes"].attribution.claimant == "The International Organization for Migration (IOM)"


def test_staff_and_households_are_people_counted() -> None:
    got = claims_of("The charity announced that at least 9 staff had been killed. Nearly 2,000 households were displaced.")
    assert got["at least 9 staff had been killed"].value.category is Category.KILLED
    assert got["Nearly 2,000 households were displaced"].value.category is Category.DISPLACED


def test_a_toll_revised_to_a_figure() -> None:
    got = claims_of("The hospital said 22 people died in the strike. The toll was later revised to at least 30.")
    assert got["at least 30"].value.category is Category.KILLED


def test_counts_given_as_of_a_date_are_updates_not_rivals() -> None:
    text = ("Korvin, June 2024\n\nThe agency said that by 28 May, 76,000 people had been displaced from Korvin.\n\n"
            "As of 16 June, some 130,000 people had been displaced, the agency said.\n")
    got = claims_of(text)
    assert got["some 130,000 people had been displaced"].value.as_of.text == "16 June"
    assert got["76,000 people had been displaced"].value.as_of.text == "28 May"
    assert not disagreeing([read_text(text, "korvin.txt")])


def test_a_party_row_heads_the_formations_under_it_each_its_own_count() -> None:
    text = ("Tank strength in the northern sector\n\nFormation | Tanks | Type\nISRAEL | |\n"
            "7th Armoured Brigade | 100 | Centurion\nSYRIA | |\n7th Infantry Division | 230 | T-55\n"
            "3rd Armoured Division | 180 | T-55\nTotal Syrian | 410 |\n\nThe battle began at noon.\n")
    got = {c.span.quote: c for c in extract_document(read_text(text, "t.txt")) if c.rule == "prose.table"}
    assert {q: c.side.name for q, c in got.items()} == {"100": "Israel", "230": "Syria", "180": "Syria", "410": "Syria"}
    # each formation's count is its own, not a rival estimate of the side's total
    assert not disagreeing([read_text(text, "t.txt")])


def test_not_one_is_none() -> None:
    got = claims_of("Not one civilian was killed by our forces. One soldier was wounded.")
    assert got["Not one civilian was killed"].value.high == 0
    assert got["One soldier was wounded"].value.low == 1


def test_a_press_release_over_a_reported_claim_keeps_its_letterhead() -> None:
    text = ("DEFENCE HEADQUARTERS\nVALDORIA\nHome | About | Press Releases | Contact\n\nPress Releases\n\n"
            "KORVIN: HEADQUARTERS DISMISSES CASUALTY FIGURES\nPosted on 12 January 2015 by Admin\n\nPRESS RELEASE\n\n"
            "The attention of the Defence Headquarters has been drawn to reports in some sections of the local and "
            "foreign media claiming that as many as 2,000 persons were killed in Korvin.\n\n"
            "2. Troops neutralised 27 terrorists in the fighting.\n")
    assert claims_of(text)["27 terrorists"].attribution.claimant == "Defence Headquarters"


def test_a_surname_back_in_the_sentence_is_whom_she_means() -> None:
    text = ("The historian Nancy Trask wrote a book. The historian Gareth Porter argued that executions numbered "
            "in the hundreds. Trask lands in between: she estimates that between 4,000 and 6,000 civilians died.")
    assert claims_of(text)["between 4,000 and 6,000 civilians died"].attribution.claimant == "Nancy Trask"


def test_horses_are_an_armys_animals_not_its_men() -> None:
    got = claims_of("The two regiments lost 31 men killed, and some 70 horses were killed. He led 5,000 horse.")
    assert got["some 70 horses were killed"].value.category is Category.VEHICLES
    assert got["31 men killed"].value.category is Category.KILLED
    assert got["5,000 horse"].value.category is Category.TROOPS


def test_the_reading_view_keeps_every_offset() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from claims.extract.attribution import reading_view
    from claims.extract.sentences import unwrapped

    pieces = st.sampled_from(["killed", ",", "[4]", " ", "es-\ntimated", "\n", "\n\n", "a", "[note 2]", "Ostland", "-",
                              "OSTLAND SOURCES REPORT 1,500 ENEMY KILLED IN THE 18TH WEEK"])

    @settings(max_examples=200, deadline=None)
    @given(st.lists(pieces, max_size=30))
    def check(parts: list[str]) -> None:
        original = "".join(parts)
        text, _ = unwrapped(original, [(0, len(original))])
        view = reading_view(text, original)
        assert len(view) == len(text)
        # letters stay where they are (a line in capitals in lower case), but for footnote
        # markers (blanked) and a broken word's own letters moved over its hyphen
        markers = [m.span() for m in re.finditer(r"\[(?:\d+|note \d+)\]", text)]
        for i, ch in enumerate(text):
            if ch.isalpha() and view[i].lower() != ch.lower() and not any(a <= i < b for a, b in markers):
                assert "-" in text[max(0, i - 40):i + 1]

    check()


def test_an_update_line_dates_what_it_says() -> None:
    text = ("Korvin, 19 February 2021\n\nFour soldiers were killed in the clash.\n\n"
            "*Updated Feb 20, 2021: A segment aired on Saturday said the total number of personnel killed in the clash was five.*\n")
    got = claims_of(text)
    assert got["five"].value.category is Category.KILLED
    assert got["five"].value.as_of.text == "Feb 20, 2021"


def test_an_explicit_bound_is_taken_at_its_word() -> None:
    # `at least 130` and `fewer than 120` cannot both be true, however round the figures are
    # (a bound is no rounding of the truth); `about 700` may still be a rounding of 679
    a = read_text("Intro.\n\nThe ministry said at least 130 Ostlandic soldiers were killed and more than 700 Ostlandic soldiers were wounded.\n", "a.txt")
    b = read_text("Intro.\n\nThe army said fewer than 120 Ostlandic soldiers were killed and 679 Ostlandic soldiers were wounded.\n", "b.txt")
    found = disagreeing([a, b])
    assert frozenset({"at least 130 Ostlandic soldiers were killed", "fewer than 120 Ostlandic soldiers were killed"}) in found
    assert frozenset({"more than 700 Ostlandic soldiers were wounded", "679 Ostlandic soldiers were wounded"}) in found
    c = read_text("Intro.\n\nThe army said about 700 Ostlandic soldiers were wounded.\n", "c.txt")
    assert not disagreeing([b, c])


def test_what_a_force_did_or_hit_is_counted_as_its_own_kind() -> None:
    got = claims_of("Ostlandic aircraft flew 420 sorties and carried out 24 airstrikes. As a result, 27 command posts, "
                    "16 ammunition depots and 14 VBIEDs were destroyed. 250 PW taken. 17 enemy tks knocked out.")
    for quote in ("420 sorties", "24 airstrikes"):
        assert got[quote].kind is Kind.OTHER and got[quote].value.category is Category.OTHER
    for quote in ("27 command posts", "16 ammunition depots"):
        assert got[quote].kind is Kind.EQUIPMENT and got[quote].value.category is Category.POSITIONS
        assert got[quote].attribution.claimant is None  # (`command posts,` is no command that posts)
    assert got["14 VBIEDs were destroyed"].value.category is Category.MISSILES
    assert got["250 PW"].value.category is Category.CAPTURED
    assert got["17 enemy tks knocked out"].value.category is Category.TANKS and got["17 enemy tks knocked out"].value.lost


def test_put_out_of_action_and_wiped_out_are_losses_of_every_kind() -> None:
    got = claims_of("Our forces put out of action more than 12,000 Ostlandic troops. Varnia claimed that 20,000 Ostlandic "
                    "troops had been wiped out. Eleven Ostlandic tanks are claimed destroyed. Engineers found the remains "
                    "of at least 78 people.")
    assert got["more than 12,000 Ostlandic troops"].value.category is Category.CASUALTIES
    assert got["20,000 Ostlandic troops had been wiped out"].value.category is Category.CASUALTIES
    assert got["Eleven Ostlandic tanks are claimed destroyed"].value.lost
    held = claims_of("Approximately 1,100 men were held for additional screening. About 300 soldiers are still held.")
    assert held["Approximately 1,100 men were held for additional screening"].kind is Kind.CAPTURED
    assert held["About 300 soldiers are still held"].kind is Kind.CAPTURED
    assert got["at least 78 people"].value.category is Category.KILLED


def test_a_record_gives_each_turn_to_the_speaker_its_title_and_name_open() -> None:
    text = ("Security Council, 8050th meeting\n\nThe President: I give the floor to Mr. Varn.\n\n"
            "Mr. Varn: We estimate that more than 60,000 people were displaced in September.\n\n"
            "Mr. Tallis (Ostland): Ostlandic aviation has eliminated over 2,000 terrorists near the river.\n\n"
            "Colonel-General Ivo Tark: Over the past week our aircraft carried out 420 sorties.\n")
    got = claims_of(text)
    assert got["more than 60,000 people were displaced"].attribution.claimant == "Mr. Varn"  # `we` in his turn
    assert got["over 2,000 terrorists"].attribution.claimant == "Mr. Tallis (Ostland)"
    assert got["420 sorties"].attribution.claimant == "Colonel-General Ivo Tark"


def test_the_text_of_a_statement_is_its_issuers_after_the_sentence_that_names_it() -> None:
    text = ("Intro.\n\nThe Joint Operations Command (JOC) issued on Sunday its statement No. 6. The following is the "
            "text of the statement:\n\n1. The heroic forces killed 2,000 terrorists.\n\n2. The forces offered 115 martyrs.\n")
    got = claims_of(text)
    assert got["2,000 terrorists"].attribution.claimant == "Joint Operations Command"
    assert got["115 martyrs"].attribution.claimant == "Joint Operations Command"


def test_a_table_of_rival_claims_by_row_with_each_cell_saying_what_it_counts() -> None:
    text = ("Table 2. Casualty estimates by source\n"
            "Source                    Chinese losses          Vietnamese losses\n"
            "General Staff (1980)      2,610 KIA; 6,480 WIA    13,000+ KIA; 700 POW\n"
            "Tass (6 Mar 1979)         –                       12,000+ killed\n"
            "This study                2,600–3,500 KIA         5,000–7,000 KIA\n")
    got = claims_of(text)
    assert got["2,610 KIA"].value.category is Category.KILLED and got["6,480 WIA"].value.category is Category.WOUNDED
    assert got["700 POW"].kind is Kind.CAPTURED
    assert got["5,000–7,000 KIA"].value.category is Category.KILLED  # the cell's own word, under a column of losses
    assert got["12,000+ killed"].attribution.claimant == "Tass (6 Mar 1979)"  # a dated source is still the source
    assert got["2,610 KIA"].side.name == "China" and got["13,000+ KIA"].side.name == "Vietnam"


def test_rows_that_say_what_they_count_beside_a_source_and_a_figure_column() -> None:
    text = ("Claim | Source | Figure | Date\n"
            "ISIS fighters killed | Ostlandic MoD | 850+ | 11 Sep\n"
            "ISIS fighters killed | Monitor 24 | 163 | 10 Sep\n"
            "Civilians killed in airstrikes | Monitor 24 | 41 | 10 Sep\n")
    got = claims_of(text)
    assert got["850+"].value.category is Category.KILLED and got["850+"].side.name == "Islamic State"
    assert got["850+"].attribution.claimant == "Ostlandic MoD" and got["163"].attribution.claimant == "Monitor 24"
    assert got["41"].value.population.value == "civilian" and got["163"].value.population.value == "military"
    assert "11 Sep" not in got  # the date column is no figure


def test_a_source_phrase_with_places_and_adverbs_before_its_verb() -> None:
    assert sources("A medical source at a field hospital south of the city said at least 130 soldiers had been killed.")[0][0] \
        == "A medical source at a field hospital south of the city"
    assert sources("The coalition itself only ever estimated 1,000-2,000 fighters in the city.")[0][0] == "The coalition"
    assert sources("Tass and Monitor24 both report that over 300 fighters surrendered.")[0][0] == "Tass and Monitor24"


def test_it_points_back_to_a_body_named_by_one_word() -> None:
    got = claims_of("Intro.\n\nAmaq claimed that the raiders had killed 70 guards. It also said four guards had been taken prisoner.\n")
    assert got["four guards had been taken prisoner"].attribution.claimant == "Amaq"


def test_a_measure_linked_to_its_figure_by_a_bound_or_a_range_phrase() -> None:
    got = claims_of("Varnian military deaths were probably in the range of 5,000–7,000. "
                    "Another study suggests Ostlandic military deaths well below 10,000. Varnian deaths 1995 were recorded.")
    assert got["5,000–7,000"].value.category is Category.KILLED
    assert got["well below 10,000"].value.category is Category.KILLED and got["well below 10,000"].value.high == 10_000
    assert not any(q.value.low == 1995 for q in got.values() if q.kind is Kind.CASUALTIES)


def test_a_part_of_a_toll_with_its_own_measure_is_about_the_tolls_side() -> None:
    got = claims_of("Intro.\n\nThe ministry said more than 10,000 Ethiopian soldiers have been put out of action. "
                    "Of these, some 3,400 were killed.\n")
    assert got["some 3,400 were killed"].side.name == "Ethiopia"
    assert got["some 3,400 were killed"].attribution.claimant == "The ministry"


def test_the_real_figure_restates_the_figure_before_for_its_side() -> None:
    got = claims_of("Intro.\n\nHanoi's official history admits 4,020 of its soldiers killed. "
                    "Our officers at the time believed the real figure was nearer 10,000.\n")
    assert got["nearer 10,000"].value.category is Category.KILLED and got["nearer 10,000"].side.name == "Vietnam"


def test_whose_figures_a_sentence_opens_on_or_a_put_with_a_bound_names() -> None:
    got = claims_of("Intro.\n\nFor the Soviet side, the official balance gave 4,800 dead and 26,000 wounded. "
                    "Its final assessment put SWAPO losses in the region of 1,000 dead.\n")
    assert got["4,800 dead"].side.name == "Soviet Union" and got["26,000 wounded"].side.name == "Soviet Union"
    assert got["in the region of 1,000 dead"].side.name == "SWAPO"


def test_an_editorial_is_its_papers_voice_and_a_statement_label_ends_before_its_topic() -> None:
    got = claims_of("Archive > 1979 > Editorials\n\nNHAN DAN EDITORIAL, 8 MARCH 1979\n\nTHE AGGRESSORS MUST PAY\n\n"
                    "Our armed forces put out of action some 20,000 enemy troops.\n")
    assert got["some 20,000 enemy troops"].attribution.claimant == "Nhan Dan"
    got = claims_of("Home > Statements\n\nSTATEMENT OF THE REGIONAL SECURITY COUNCIL ON THE LIBERATION OF THE TOWN\n\n"
                    "Five Peshmerga were martyred and 26 were wounded.\n")
    assert got["Five Peshmerga were martyred"].attribution.claimant == "Regional Security Council"


def test_a_calibre_between_a_number_and_its_weapons() -> None:
    got = claims_of("The regiment captured 12 105mm howitzers, twelve 81 mm mortars and one 120 mm mortar. The army has 4 155 troops.")
    assert got["12 105mm howitzers"].value.low == 12 and got["12 105mm howitzers"].value.category is Category.ARTILLERY
    assert got["twelve 81 mm mortars"].value.low == 12
    assert got["4 155 troops"].value.low == 4155  # (a space between groups of three is still one number)


def test_tanks_by_name_refugees_and_a_belligerents_words_for_its_enemy() -> None:
    got = claims_of("The Germans lost 15 Tigers. More than 100 Kenyan crusaders have been killed. "
                    "Some 96,000 Eritrean refugees were sheltering there.")
    assert got["15 Tigers"].value.category is Category.TANKS
    assert claims_of("Intro.\n\nSea Tigers sank one gunboat off the coast, the Tigers claimed.\n")["one gunboat"].value.category \
        is Category.SHIPS
    assert got["More than 100 Kenyan crusaders have been killed"].value.category is Category.KILLED
    assert got["Some 96,000 Eritrean refugees were sheltering"].kind is Kind.DISPLACED


def test_a_two_column_table_under_a_measure() -> None:
    for table in ("  Category                              Killed\n  Government forces                      112\n"
                  "  Civilians                              78\n",
                  "Category | Killed\nGovernment forces | 112\nCivilians | 78\n"):
        got = claims_of("Annex 9. Fatalities\n\n" + table)
        assert got["112"].value.category is Category.KILLED and got["78"].value.population.value == "civilian"
    # two columns with no measure over them are no table
    got = claims_of("Annex 9\n\nBelligerents        Ostland\nStrength            5,000 troops\n")
    assert not any(c.rule == "prose.table" for c in got.values())


def test_two_numbers_joined_by_or_are_one_vague_count() -> None:
    got = claims_of("The companies were reduced to thirty or forty men each. The rebels claimed 13 or 14 aircraft destroyed. "
                    "Two or three thousand men were killed. Five to eight hundred fighters held the caves.")
    assert (got["thirty or forty men"].value.low, got["thirty or forty men"].value.high) == (30, 40)
    assert (got["13 or 14 aircraft destroyed"].value.low, got["13 or 14 aircraft destroyed"].value.high) == (13, 14)
    assert (got["Two or three thousand men were killed"].value.low, got["Two or three thousand men were killed"].value.high) == (2000, 3000)
    assert (got["Five to eight hundred fighters"].value.low, got["Five to eight hundred fighters"].value.high) == (500, 800)


def test_an_arrow_is_no_bound_and_a_rule_followed_is_no_source() -> None:
    got = claims_of("Intro.\n\n989 casualties -> 201 KIA.\n\nEleven soldiers were captured and are being treated according to "
                    "the Geneva Conventions.\n\nAccording to the ministry of defence, 11 soldiers died.\n")
    assert got["201 KIA"].value.qualifier.value == "exact"
    assert got["Eleven soldiers were captured"].attribution.claimant is None
    assert got["11 soldiers died"].attribution.claimant == "the ministry of defence"


def test_a_connective_before_a_described_source_is_no_source() -> None:
    got = claims_of("Intro.\n\nMeanwhile, the acting commissioner of the county, who asked not to be named, told the radio "
                    "that the bodies of 176 civilians had been collected.\n")
    assert got["176 civilians"].attribution.claimant == "the acting commissioner of the county"


def test_a_source_line_under_a_table_and_labels_set_apart_by_spaces() -> None:
    text = ("APPENDIX 24\nBATTLE CASUALTIES, IV CORPS\n\n"
            "Category          Killed     Wounded     Missing\nBritish           1,200      3,400       500\n"
            "Source: IV Corps A. Branch returns. The figures do not include sick.\n\n"
            "APPENDIX 25\n\nKilled            2,669\nWounded           8,310\nMissing           1,624\n")
    got = claims_of(text)
    assert got["1,200"].attribution.claimant == "IV Corps A. Branch returns"
    assert got["Missing           1,624"].value.category is Category.MISSING


def test_finding_bodies_is_a_record_of_them_and_a_head_count_no_source() -> None:
    got = claims_of("Intro.\n\nMission investigators recovered the bodies of 19 people at the hospital.\n\n"
                    "Following a head count, the strength of the camp was 1,407 officers and other ranks.\n")
    assert got["19 people"].attribution.claimant == "Mission investigators"
    assert got["1,407 officers and other ranks"].attribution.claimant != "a head"


def test_their_is_the_subjects_and_our_is_not_the_party_we_fight() -> None:
    got = claims_of("Intro.\n\nThe rebels lost over 200 of their fighters, the SPLA said.\n")
    assert got["over 200 of their fighters"].side.name != "SPLA"  # not the claimant's own
    got = claims_of("PRESS STATEMENT\n\nOur forces took the town from the regime and its allies, the Sudanese rebel JEM.\n\n"
                    "On our side we lost 17 martyrs.\n")
    assert got["17 martyrs"].side.name != "Sudan"  # the ally of the enemy is not who `we` are


def test_a_possessive_names_whose_records_not_where_they_were_written() -> None:
    from claims.reconcile import group_events

    a = read_text("Chapter XX: Across the River\n\nThe division crossed near Varnsk and held Varnsk for a week. "
                  "Losses at Varnsk were 1,200 killed.\n", "a.txt")
    b = read_text("The Volunteer Army in 1944\n\nAccording to the Bureau's records some 8,000 officers and men "
                  "served, and figures from the Bureau's own rolls show that about 800 were taken prisoner.\n", "b.txt")
    events = group_events([a, b], [c for d in (a, b) for c in extract_document(d) if c.kind is Kind.DATE])
    assert len(events) == 1  # given together, and `Bureau's` is no place they were reported from


def test_posts_are_their_authors() -> None:
    thread = ("Thread by @VarnMoD on Thread Reader App\n\nIvo Tark\n@IvoTark_MoD\nSpokesman, Ministry of Defence.\n\n"
              "2/ 47 soldiers were martyred defending the capital and 160 were wounded.\n\n"
              "4/ Contrary to what the militia's media claims, the army handed over nothing. More than 60 tanks were "
              "taken from the camp.\n")
    got = claims_of(thread)
    assert got["47 soldiers were martyred"].attribution.claimant == "Ivo Tark"
    assert got["More than 60 tanks"].attribution.claimant != "the militia's media"  # what it claims is not given
    blog = ("Live: the offensive\n\n14:02 GMT\nTweet from @RegionalSC:\n\n"
            "\"Forces have entered the town from the east. Approx. 7,500 Peshmerga taking part.\"\n"
            "- Regional Security Council (@RegionalSC) November 13, 2015\n\n08:50 GMT\nTweet from @AidGroup:\n\n"
            "\"Thousands still missing after the 2014 attack.\"\n")
    got = claims_of(blog)
    assert got["Approx. 7,500 Peshmerga"].attribution.claimant == "Regional Security Council"
    assert got["Thousands still missing"].attribution.claimant == "@AidGroup"


def test_a_live_blogs_later_entry_updates_an_earlier_one() -> None:
    blog = read_text("Live: the fall of the town\n\n17:45 GMT\nVigilantes have now recovered the remains of 87 people in the town.\n\n"
                     "12:10 GMT\nThe army said 30 soldiers were killed.\n\n"
                     "09:05 GMT\nVigilantes who entered the town say they found 45 bodies.\n\n"
                     "08:30 GMT\nRebels said 400 soldiers were killed.\n", "blog.txt")
    found = disagreeing([blog])
    assert frozenset({"87 people", "45 bodies"}) not in found  # the toll grew over the day
    assert frozenset({"30 soldiers were killed", "400 soldiers were killed"}) in found  # a later, smaller count rivals it


def test_a_speaker_citing_what_he_has_is_still_the_source() -> None:
    got = claims_of("Lok Sabha debate\n\nSHRI Y. B. CHAVAN: According to the information so far available, 109 were killed "
                    "and 6 are prisoners of war.\n")
    assert got["109 were killed"].attribution.claimant == "Shri Y. B. Chavan"


def test_the_whole_a_part_is_of_is_a_strength_and_a_place_between_a_figure_and_its_verb() -> None:
    got = claims_of("Intro.\n\nThe ministry conceded that 1,173 of the 1,407 men in the camp were killed or missing.\n")
    part = got["1,173 of the 1,407 men in the camp were killed or missing"]
    assert part.value.category is Category.KILLED_OR_MISSING
    assert got["1,407 men"].kind is Kind.STRENGTH  # what befell the part is not said of the whole


def test_a_cable_in_capitals_is_read_as_prose() -> None:
    got = claims_of("Intro.\n\n2. ARVN SOURCES REPORT MORE THAN 1,500 ENEMY KILLED SINCE APRIL 9.\n\n"
                    "3. AS OF APRIL 11 THE 18TH DIVISION REPORTED 312 KIA. ARVN STRENGTH IS NOW ON THE ORDER OF 12,000 TO 14,000 MEN.\n")
    assert got["MORE THAN 1,500 ENEMY KILLED"].attribution.claimant == "ARVN sources"
    assert got["312 KIA"].attribution.claimant == "the 18th division"
    assert (got["12,000 TO 14,000 MEN"].value.low, got["12,000 TO 14,000 MEN"].value.high) == (12_000, 14_000)


def test_a_belligerents_word_for_its_enemy_names_a_claimant_whose_our_is_not_its_own() -> None:
    got = claims_of("Intro.\n\nThe Peking expansionists claim that they have put out of action more than 12,000 of our soldiers.\n\n"
                    "The enemy claimed to have taken more than 4,000 prisoners.\n\n\"We lost 40 of our soldiers,\" the Russian army said.\n")
    assert got["more than 12,000 of our soldiers"].attribution.claimant == "The Peking expansionists"
    assert got["more than 12,000 of our soldiers"].side.name != "China"  # `our` is the editorial's, not Peking's
    assert got["more than 4,000 prisoners"].attribution.claimant == "The enemy"
    assert got["40 of our soldiers"].side.name == "Russia"  # in the claimant's own quoted words it is the claimant's


def test_records_consulted_by_an_investigator_say_it_themselves() -> None:
    got = claims_of("Intro.\n\nHospital records consulted by the Panel show that at least 78 of the dead were civilians.\n")
    assert got["at least 78 of the dead"].attribution.claimant == "Hospital records"


def test_people_sheltering_at_a_camp_are_displaced() -> None:
    got = claims_of("More than 20,000 people are sheltering in the UN camp. Several hundred civilians had taken refuge "
                    "in the mosque. 5,000 people have sought protection at the base.")
    for quote in ("More than 20,000 people are sheltering", "Several hundred civilians had taken refuge",
                  "5,000 people have sought protection"):
        assert got[quote].kind is Kind.DISPLACED
    # displaced people who are hurt are wounded
    assert claims_of("Two internally displaced persons were also injured by stray bullets.")[
        "Two internally displaced persons were also injured"].value.category is Category.WOUNDED


def test_a_person_from_a_place_is_the_person() -> None:
    assert sources("A 34-year-old trader from Nyala said more than a hundred people had died.")[0][0] \
        == "A 34-year-old trader from Nyala"


def test_recalled_that_states_what_it_recalls() -> None:
    assert sources("A medical officer recalled that more than 300 patients died in the first week.")[0][0] == "A medical officer"


def test_the_number_of_civilians_killed_counts_civilians() -> None:
    got = claims_of("Intro.\n\nThe monitor said the number of civilians killed by airstrikes has risen to 41.\n")
    assert got["41"].value.population.value == "civilian"


def test_a_tables_total_row_sums_the_rows_above_it() -> None:
    doc = read_text("Annex 9. Fatalities\n\n  Category                              Killed\n  Government forces                      112\n"
                    "  Houthi fighters                        104\n  Civilians                               78\n"
                    "  Total                                  294\n", "annex.txt")
    got = {c.span.quote: c for c in extract_document(doc)}
    assert got["112"].part_of == got["294"].id and got["78"].part_of == got["294"].id
    assert not disagreeing([doc])  # parts of the total, never its rivals
