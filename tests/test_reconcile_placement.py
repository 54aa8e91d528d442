"""Figures with no side placed by the event's belligerent names; running counts over time.

Every text here is invented (the Republic of Dresk, the Velmar Liberation Front, Karsk Ford).
"""

from __future__ import annotations

import datetime as dt

from claims.model import Document, InfoboxField, Kind, Outcome, Precision, Relation, UncertainDate
from claims.reconcile import reconcile
from test_reconcile_fixtures import claim, make_doc, q

SIDES = ("Republic of Dresk", "Velmar Liberation Front")


def _article(text: str) -> Document:
    """An encyclopedia article with an infobox (its first line is the infobox's date)."""
    line = text.splitlines()[0]
    date = InfoboxField(key="Date", label="Date", value=line, start=0, end=len(line), line=1)
    return make_doc("karsk-article", "Battle of Karsk Ford", text, belligerents=SIDES, infobox=(date,))


def _sides_of(conflicts, claims) -> dict[int, str]:
    """Each figure's low value -> the side of the dispute that lists it."""
    by_id = {c.id: c for c in claims}
    out: dict[int, str] = {}
    for k in conflicts:
        if k.dispute is None:
            continue
        for e in k.dispute.estimates:
            for cid in e.claims:
                out[by_id[cid].value.low] = k.dispute.side_name or k.dispute.side
    return out


def test_a_figure_with_no_side_joins_the_side_whose_name_its_words_give() -> None:
    article = _article("Date: 3 - 9 March 1997\nCasualties1: 300 killed\nCasualties2: 120 killed\n")
    note = make_doc("karsk-note", "Karsk Ford notes",
                    "Dresk army losses: about 900 killed, according to a historian.\nFront losses: 140 killed.\n")
    claims = [
        claim(article, "300 killed", Kind.CASUALTIES, q(300), column=1, side_name=SIDES[0], field="Casualties1"),
        claim(article, "120 killed", Kind.CASUALTIES, q(120), column=2, side_name=SIDES[1], field="Casualties2"),
        claim(note, "900 killed", Kind.CASUALTIES, q(900), claimant="a historian"),
        claim(note, "140 killed", Kind.CASUALTIES, q(140)),
    ]
    found = reconcile([article, note], claims, grouping={"*": "Battle of Karsk Ford"})
    sides = _sides_of(found, claims)
    assert sides == {300: SIDES[0], 900: SIDES[0], 120: SIDES[1], 140: SIDES[1]}
    assert all(k.outcome is Outcome.CONFLICT for k in found if k.dispute is not None)


def test_the_name_after_the_reporting_cue_counts_not_the_claimants() -> None:
    article = _article("Date: 3 - 9 March 1997\nCasualties1: 300 killed\nCasualties2: 120 killed\n")
    wire = make_doc("wire", "Troops pull back",
                    "A Front spokesman said 1,500 Dresk soldiers had been killed at the ford.\n")
    claims = [
        claim(article, "300 killed", Kind.CASUALTIES, q(300), column=1, side_name=SIDES[0], field="Casualties1"),
        claim(article, "120 killed", Kind.CASUALTIES, q(120), column=2, side_name=SIDES[1], field="Casualties2"),
        claim(wire, "1,500 Dresk soldiers had been killed", Kind.CASUALTIES, q(1500), claimant="A Front spokesman"),
    ]
    found = reconcile([article, wire], claims, grouping={"*": "Battle of Karsk Ford"})
    assert _sides_of(found, claims)[1500] == SIDES[0]


def test_government_troops_rebels_and_a_claimants_own_losses() -> None:
    article = _article("Date: 3 - 9 March 1997\nCasualties1: 300 killed\nCasualties2: 120 killed\n")
    wire = make_doc("wire", "Troops pull back", (
        "Rebels said 1,500 government soldiers had been killed. The military put its own losses at 260 dead. "
        "The ministry said 900 rebels had been killed.\n"))
    claims = [
        claim(article, "300 killed", Kind.CASUALTIES, q(300), column=1, side_name=SIDES[0], field="Casualties1"),
        claim(article, "120 killed", Kind.CASUALTIES, q(120), column=2, side_name=SIDES[1], field="Casualties2"),
        claim(wire, "1,500 government soldiers had been killed", Kind.CASUALTIES, q(1500), claimant="Rebels"),
        claim(wire, "260 dead", Kind.CASUALTIES, q(260), claimant="The military"),
        claim(wire, "900 rebels had been killed", Kind.CASUALTIES, q(900), claimant="The ministry"),
    ]
    found = reconcile([article, wire], claims, grouping={"*": "Battle of Karsk Ford"})
    assert _sides_of(found, claims) == {300: SIDES[0], 1500: SIDES[0], 260: SIDES[0], 120: SIDES[1], 900: SIDES[1]}


def test_figures_of_people_on_every_side_are_never_placed() -> None:
    article = _article("Date: 3 - 9 March 1997\nCasualties1: 300 killed\nCasualties2: 120 killed\n")
    wire = make_doc("wire", "Troops pull back", "Rebels said 1,500 people on both sides had been killed.\n")
    claims = [
        claim(article, "300 killed", Kind.CASUALTIES, q(300), column=1, side_name=SIDES[0], field="Casualties1"),
        claim(article, "120 killed", Kind.CASUALTIES, q(120), column=2, side_name=SIDES[1], field="Casualties2"),
        claim(wire, "1,500 people", Kind.CASUALTIES, q(1500), claimant="Rebels"),
    ]
    found = reconcile([article, wire], claims, grouping={"*": "Battle of Karsk Ford"})
    assert 1500 not in _sides_of(found, claims)


def _date_range(doc: Document, quote: str, first: dt.date, last: dt.date):
    value = UncertainDate(first, last, Precision.DAY, quote, interval=True)
    return claim(doc, quote, Kind.DATE, value, field="Date")


LIVE = (
    "Live: fighting at Karsk Ford\n\n"
    "March 4, 1997, 09:10\nThe military says 60 soldiers have been killed at the ford so far.\n\n"
    "March 6, 1997, 11:00\nAn army spokesman said 85 soldiers have been killed.\n"
    "A rebel commander claimed that more than 400 soldiers had been killed.\n"
)


def test_a_live_blogs_running_counts_from_one_side_are_updates() -> None:
    article = _article("Date: 3 - 9 March 1997\nCasualties1: 300 killed\nCasualties2: 120 killed\n")
    live = make_doc("live", "Live: fighting at Karsk Ford", LIVE)
    claims = [
        claim(article, "300 killed", Kind.CASUALTIES, q(300), column=1, side_name=SIDES[0], field="Casualties1"),
        claim(article, "120 killed", Kind.CASUALTIES, q(120), column=2, side_name=SIDES[1], field="Casualties2"),
        _date_range(article, "3 - 9 March 1997", dt.date(1997, 3, 3), dt.date(1997, 3, 9)),
        claim(live, "60 soldiers have been killed", Kind.CASUALTIES, q(60), claimant="The military"),
        claim(live, "85 soldiers have been killed", Kind.CASUALTIES, q(85), claimant="An army spokesman"),
        claim(live, "more than 400 soldiers had been killed", Kind.CASUALTIES,
              q(400, qualifier=q(1).qualifier.AT_LEAST), claimant="A rebel commander"),
    ]
    found = reconcile([article, live], claims, grouping={"*": "Battle of Karsk Ford"})
    (k,) = [k for k in found if k.dispute is not None and k.dispute.side_name == SIDES[0]]
    low = {i: min(c.value.low for c in claims if c.id in e.claims) for i, e in enumerate(k.dispute.estimates)}
    relations = {tuple(sorted((low[p.a], low[p.b]))): p.relation for p in k.dispute.pairs}
    assert relations[(60, 85)] is Relation.UPDATE  # the count grew between two entries
    assert relations[(60, 300)] is Relation.UPDATE  # a count while the battle went on
    assert relations[(85, 300)] is Relation.UPDATE
    assert relations[(300, 400)] is Relation.CLASH  # the other side's claim is a dispute


def test_a_count_from_after_the_battle_is_compared_with_the_article() -> None:
    article = _article("Date: 3 - 9 March 1997\nCasualties1: 300 killed\n")
    wire = make_doc("wire", "Troops pull back",
                    "VELMAR, Mar 20 (Wire) - The military said 85 soldiers have been killed at the ford.\n")
    claims = [
        claim(article, "300 killed", Kind.CASUALTIES, q(300), column=1, side_name=SIDES[0], field="Casualties1"),
        _date_range(article, "3 - 9 March 1997", dt.date(1997, 3, 3), dt.date(1997, 3, 9)),
        claim(wire, "85 soldiers have been killed", Kind.CASUALTIES, q(85), claimant="The military"),
    ]
    found = reconcile([article, wire], claims, grouping={"*": "Battle of Karsk Ford"})
    (k,) = [k for k in found if k.dispute is not None]
    assert k.outcome is Outcome.CONFLICT


def test_a_claimant_admitting_losses_speaks_of_its_own_side() -> None:
    article = _article("Date: 3 - 9 March 1997\nCasualties1: 300 killed\nCasualties2: 120 killed\n")
    note = make_doc("note", "Karsk Ford notes",
                    "- The Front admitted 60 fighters killed.\n- Dresk said it had lost 280 soldiers.\n")
    claims = [
        claim(article, "300 killed", Kind.CASUALTIES, q(300), column=1, side_name=SIDES[0], field="Casualties1"),
        claim(article, "120 killed", Kind.CASUALTIES, q(120), column=2, side_name=SIDES[1], field="Casualties2"),
        claim(note, "60 fighters killed", Kind.CASUALTIES, q(60), claimant="The Front"),
        claim(note, "280 soldiers", Kind.CASUALTIES, q(280), claimant="Dresk"),
    ]
    found = reconcile([article, note], claims, grouping={"*": "Battle of Karsk Ford"})
    assert _sides_of(found, claims) == {300: SIDES[0], 280: SIDES[0], 120: SIDES[1], 60: SIDES[1]}


def test_a_party_of_several_words_is_one_side_across_documents() -> None:
    from claims.reconcile.index import parties_of

    assert parties_of("Donetsk People's Republic") == parties_of("DPR") == ("Donetsk People's Republic",)
    assert parties_of("Ukraine, Russia") == ("Ukraine", "Russia")


def test_the_source_of_a_figure_is_no_sub_group_of_it() -> None:
    article = _article("Date: 3 - 9 March 1997\nCasualties1: 300 killed\n")
    note = make_doc("note", "Karsk Ford notes",
                    "Dresk losses: 410 killed according to volunteer researchers.\n")
    claims = [
        claim(article, "300 killed", Kind.CASUALTIES, q(300), column=1, side_name=SIDES[0], field="Casualties1"),
        claim(note, "410 killed", Kind.CASUALTIES, q(410), side_name=SIDES[0], claimant="volunteer researchers"),
    ]
    (k,) = [k for k in reconcile([article, note], claims, grouping={"*": "Battle of Karsk Ford"}) if k.dispute]
    assert k.outcome is Outcome.CONFLICT and k.dispute.scope == "whole event"


def test_a_wire_dateline_with_a_short_month_dates_the_report() -> None:
    from claims.reconcile.scopes import _latest_day

    assert _latest_day("KIEV, Aug 30 (Reuters) - Troops withdrew.") == (0, 8, 30)
    assert _latest_day("Sept. 4, 2014 - The ministry said.") == (2014, 9, 4)


def test_a_reports_start_day_a_day_from_the_articles_is_a_conflict() -> None:
    article = _article("Date: 15 September 1998 - 20 January 1999\nCasualties1: 1,250 killed\n")
    report = make_doc("report", "Toll passes 900 in besieged city", (
        "BRASK, Nov 2, 1998 (Wire) - At least 900 people have been killed in the siege since September 16, "
        "a monitoring group said. A second assault began on October 28.\n"))
    claims = [
        _date_range(article, "15 September 1998 - 20 January 1999", dt.date(1998, 9, 15), dt.date(1999, 1, 20)),
        claim(report, "September 16", Kind.DATE, UncertainDate(dt.date(1998, 9, 16), dt.date(1998, 9, 16),
                                                             Precision.DAY, "September 16")),
        claim(report, "October 28", Kind.DATE, UncertainDate(dt.date(1998, 10, 28), dt.date(1998, 10, 28),
                                                           Precision.DAY, "October 28")),
    ]
    found = [k for k in reconcile([article, report], claims, grouping={"*": "Siege of Brask"})
             if k.rule == "R-DATE-RANGE"]
    (k,) = found  # the second assault is another moment, not the start
    assert k.outcome is Outcome.CONFLICT and "start" in k.explanation


def test_an_articles_own_text_and_a_dateline_against_its_infobox_range() -> None:
    article = _article("Date: 15 September 1998 - 20 January 1999\nThe siege ended on 19 January 1999.\n")
    wire = make_doc("wire", "Defenders give up", "BRASK, January 21, 1999 (Wire) - The last defenders surrendered.\n")

    def on(doc: Document, quote: str, day: dt.date):
        return claim(doc, quote, Kind.DATE, UncertainDate(day, day, Precision.DAY, quote))

    claims = [
        _date_range(article, "15 September 1998 - 20 January 1999", dt.date(1998, 9, 15), dt.date(1999, 1, 20)),
        on(article, "19 January 1999", dt.date(1999, 1, 19)),
        on(wire, "January 21, 1999", dt.date(1999, 1, 21)),  # when the story was filed
    ]
    found = [k for k in reconcile([article, wire], claims, grouping={"*": "Siege of Brask"})
             if k.rule == "R-DATE-RANGE"]
    (k,) = found
    assert "end" in k.explanation and "19 January 1999" in k.explanation


def test_the_enemy_in_a_claimants_statement_is_the_side_opposed_to_the_claimants() -> None:
    article = _article("Date: 3 - 9 March 1997\nCasualties1: 300 killed\nCasualties2: 120 killed\n")
    wire = make_doc("wire", "Dresk concedes the ford",
                    "The Dresk ministry said 450 of its soldiers died and claimed the enemy had lost 2,000 men.\n")
    claims = [
        claim(article, "300 killed", Kind.CASUALTIES, q(300), column=1, side_name=SIDES[0], field="Casualties1"),
        claim(article, "120 killed", Kind.CASUALTIES, q(120), column=2, side_name=SIDES[1], field="Casualties2"),
        claim(wire, "450 of its soldiers died", Kind.CASUALTIES, q(450), claimant="The Dresk ministry"),
        claim(wire, "2,000 men", Kind.CASUALTIES, q(2000), claimant="The Dresk ministry"),
    ]
    found = reconcile([article, wire], claims, grouping={"*": "Battle of Karsk Ford"})
    sides = _sides_of(found, claims)
    assert sides[450] == SIDES[0] and sides[2000] == SIDES[1]


def test_a_story_that_names_neither_party_joins_the_state_and_the_group_of_its_event() -> None:
    from claims.extract import extract_document
    from claims.readers import read_text

    page = read_text("Battle of Kalora\n\nThe Battle of Kalora was fought in March 2024 between the Nigerian Armed "
                     "Forces and Boko Haram near Kalora.\n\nBelligerents\nNigeria\tBoko Haram\nCasualties and losses\n"
                     "12 killed\t150 killed\n", "page.txt")
    story = read_text("Army says it repelled attack on Kalora base\n\nMarch 5, 2024\n\nThe army repelled an attack by "
                      "insurgents on its base near Kalora, the defence ministry said. Seven soldiers were killed, the "
                      "ministry said, adding that 90 insurgents were killed.\n", "story.txt")
    claims = extract_document(page) + extract_document(story)
    found = reconcile([page, story], claims)
    quotes = {frozenset(c.span.quote for c in claims if c.id in k.claims) for k in found}
    assert any({"Seven soldiers were killed", "12 killed"} <= q for q in quotes)
    assert any({"150 killed"} <= q and any(x.startswith("90 insurgents") for x in q) for q in quotes)
