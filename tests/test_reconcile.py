"""The reconciler: event grouping, each rule firing and not firing, and the not-a-conflict list."""

from __future__ import annotations

import attrs
import pytest

from claims.model import (
    Category, Claim, ClaimantClass, Conflict, InfoboxField, Kind, Outcome, Person, Qualifier, Relation, Severity, TextValue,
)
from claims.reconcile import ALL_DOCUMENTS, RULES, group_events, reconcile
from claims.reconcile.events import TitleKey
from claims.reconcile.intervals import strict, tolerant
from claims.reconcile.names import fold, similar
from test_reconcile_fixtures import claim, kalbajar, make_doc, q, seeds, terter


def by_rule(conflicts: list[Conflict], rule: str) -> list[Conflict]:
    return [k for k in conflicts if k.rule == rule]


def real(conflicts: list[Conflict]) -> list[Conflict]:
    return [k for k in conflicts if k.outcome is Outcome.CONFLICT]


# --- registry --------------------------------------------------------------------------------

def test_every_rule_has_id_severity_and_doc() -> None:
    assert set(RULES) == {
        "R-INTERVAL", "R-INFOBOX-BODY", "R-VERSION-DRIFT", "R-SUM-PARTS", "R-TOTAL-SIDES", "R-DATE-RANGE",
        "R-DATE-ORDER", "R-UNIT-ECHELON", "R-PERSON-VARIANT", "R-RESULT-BODY", "R-ENEMY-LOSS-UNATTRIBUTED",
        "R-MEASURES", "R-CASUALTY-SUM", "R-RESULT-DIFF", "R-SURRENDER-EVACUATION",
    }
    for r in RULES.values():
        assert r.id.startswith("R-") and isinstance(r.severity, Severity) and len(r.doc) > 80 and r.title


# --- names and events ----------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [("Orudzhev", "Orujev"), ("Kalbajar", "Kelbajar"), ("Atgeriyev", "Atgeriev"),
                                  ("Khojaly", "Hojali"), ("Dudayev", "Dudaev")])
def test_transliteration_variants_are_similar(a: str, b: str) -> None:
    assert similar(a, b)


@pytest.mark.parametrize("a, b", [("Ivanov", "Petrov"), ("Grozny", "Gori"), ("Terter", "Tartu")])
def test_different_names_are_not_similar(a: str, b: str) -> None:
    assert not similar(a, b)


def test_fold_strips_diacritics() -> None:
    assert fold("Života Panić") == fold("Zivota Panic")


@pytest.mark.parametrize("a, b", [
    ("Battle of Kalbajar", "Operation Kelbajar"),
    ("Capture of Shusha", "Battle of Shusha"),
    ("Battle of Grozny (1994–1995)", "1994-95 First Battle of Grozny"),
    ("Siege of Vukovar", "Battle of Vukovar"),
    ("Siege of Kut", "Siege of Kut-al-Amara"),
])
def test_titles_of_one_event(a: str, b: str) -> None:
    assert TitleKey.of(a).same_event(TitleKey.of(b))


@pytest.mark.parametrize("a, b", [
    ("Terter operation", "Operation Kalbajar"),
    ("First Battle of Grozny", "Second Battle of Grozny"),
    ("Battle of Grozny (1994–1995)", "Battle of Grozny (1999–2000)"),
    ("Battle of Grozny", "First Chechen War"),
    ("Siege of Kut (1915–1916)", "Siege of Kut al Amara (1941)"),
])
def test_titles_of_different_events(a: str, b: str) -> None:
    assert not TitleKey.of(a).same_event(TitleKey.of(b))


def test_seeds_are_two_events_and_never_compared() -> None:
    docs, claims = seeds()
    events = group_events(docs, claims)
    assert len(events) == 2
    found = reconcile(docs, claims)
    for k in found:
        docs_involved = {c.split("_")[0] for c in k.claims}
        assert docs_involved
    across = [k for k in found if k.rule not in ("R-UNIT-ECHELON", "R-PERSON-VARIANT")
              and len({c for c in k.claims} & {c.id for c in kalbajar()[1]}) and
              len({c for c in k.claims} & {c.id for c in terter()[1]})]
    assert across == []
    assert real(found) == []


def test_user_grouping_overrides() -> None:
    a = make_doc("a", "Operation Foo", "x")
    b = make_doc("b", "Battle of Bar", "y")
    assert len(group_events([a, b])) == 2
    assert len(group_events([a, b], grouping={ALL_DOCUMENTS: "War"})) == 1
    assert len(group_events([a, b], grouping={"a": "E", "b": "E"})) == 1


REVISION = (
    "The Battle of Foo was fought near the river Bar between the Northland army and the Southland militia "
    "in the spring of 1994. The Northland army crossed the river at dawn and the Southland militia withdrew "
    "to the hills after three days of fighting, leaving the town to the Northland garrison. ")


def test_a_shared_title_is_not_a_shared_lineage() -> None:
    a = make_doc("a", "Battle of Foo", "The Northland account of the fight.")
    b = make_doc("b", "Battle of Foo", "A Southland reporter's notes on the same days.")
    c = make_doc("c", "Capture of Foo", "A scholar's summary.")
    (event,) = group_events([a, b, c])
    assert event.versions == ()
    assert "name one event" in " ".join(event.why)


def test_versions_need_evidence_of_one_lineage() -> None:
    a = make_doc("a", "Battle of Foo", REVISION + "Casualties: 1,100 killed.")
    b = make_doc("b", "Battle of Foo", REVISION + "Casualties: 879 killed.")
    wiki = "From Wikipedia, the free encyclopedia\n"
    c = make_doc("c", "Battle of Foo", wiki + "One old revision.")
    d = make_doc("d", "Battle of Foo", wiki + "A later one, rewritten.")
    url = "Source: https://example.org/news/2024/foo-battle\n"
    e = make_doc("e", "Battle of Foo", url + "Agency copy.")
    f = make_doc("f", "Battle of Foo", "Reprinted.\n" + url)
    (event,) = group_events([a, b, c, d, e, f])
    groups = {frozenset(v) for v in event.versions}
    assert groups == {frozenset("ab"), frozenset("cd"), frozenset("ef")}
    why = " ".join(event.version_why)
    assert "wording" in why and "encyclopedia page" in why and "source page" in why


def test_two_saved_copies_of_one_web_page_are_versions_by_its_address() -> None:
    from claims.model import Provenance

    page = "https://news.example.org/world/foo-battle-toll"
    a = attrs.evolve(make_doc("a.html", "Battle of Foo", "Northland says 300 died."),
                     provenance=Provenance(source="a.html", url=page))
    b = attrs.evolve(make_doc("b.html", "Battle of Foo", "Updated: Northland now says 340 died."),
                     provenance=Provenance(source="b.html", url=page + "/"))
    c = attrs.evolve(make_doc("c.html", "Battle of Foo", "Southland gives another toll."),
                     provenance=Provenance(source="c.html", url="https://other.example.net/foo"))
    (event,) = group_events([a, b, c])
    assert event.versions == (("a.html", "b.html"),)
    assert "source page" in event.version_why[0]


def test_reports_join_the_event_they_name_or_their_place() -> None:
    article = make_doc("art", "Battle of Debaltseve", "The battle was fought in 2015.",
                       infobox=(InfoboxField(key="Date", label="Date", value="14 January – 20 February 2015",
                                             start=0, end=1, line=1),))
    named = make_doc("n1", "Rebels claim 3,000 dead", "Rebels said 3,000 troops died in the battle for Debaltseve "
                     "in February 2015.")
    place = make_doc("n2", "Toll rises", "The toll in Mariupol rose again in 2022, officials in Mariupol said.")
    other = make_doc("n3", "Surrender", "Troops surrendered in Mariupol, the ministry said of Mariupol in 2022.")
    events = {frozenset(e.documents): e for e in group_events([article, named, place, other])}
    assert set(events) == {frozenset({"art", "n1"}), frozenset({"n2", "n3"})}
    assert "Debaltseve" in " ".join(events[frozenset({"art", "n1"})].why)
    assert "Mariupol" in " ".join(events[frozenset({"n2", "n3"})].why)


def test_documents_given_together_are_compared_unless_something_differs() -> None:
    a = make_doc("a", "Day one", "Shelling continued, officials said.")
    b = make_doc("b", "Day two", "More shelling overnight, a reporter said.")
    (event,) = group_events([a, b])
    assert "nothing says they differ" in " ".join(event.why)
    c = make_doc("c", "Old news", "In 1950 the town was quiet.")
    d = make_doc("d", "New news", "In 2020 the town was quiet.")
    assert len(group_events([c, d])) == 2


def test_a_document_without_years_does_not_chain_two_different_battles() -> None:
    early = make_doc("a", "Battle of Foo", "The Battle of Foo was fought in March 1994 near the river.")
    undated = make_doc("b", "Battle of Foo", "The Battle of Foo was fought near the river.")
    late = make_doc("c", "Battle of Foo", "The Battle of Foo was fought in May 1999 near the river.")
    events = group_events([early, undated, late])
    event_of = {d: e.id for e in events for d in e.documents}
    assert event_of["a"] != event_of["c"]
    assert event_of["b"] in (event_of["a"], event_of["c"])


# --- intervals -------------------------------------------------------------------------------

def test_tolerance_for_approximate_and_round_figures() -> None:
    assert tolerant(q(4000, qualifier=Qualifier.APPROX)).low == 3400
    assert tolerant(q(6000)).low == 5700 and tolerant(q(1834)).low == 1834
    assert strict(q(3000, None, Qualifier.AT_LEAST)).high == float("inf")


# --- the seeds ---------------------------------------------------------------------------------

def test_seed_findings() -> None:
    docs, claims = seeds()
    found = reconcile(docs, claims)
    total = by_rule(found, "R-TOTAL-SIDES")
    assert len(total) == 1 and total[0].outcome is Outcome.INDETERMINATE
    assert "6,000" in total[0].explanation and "de Waal" in total[0].explanation
    (parts,) = by_rule(found, "R-SUM-PARTS")
    assert parts.outcome is Outcome.CONSISTENT and "8 + 5 + 15 = 28" in parts.explanation
    (result,) = by_rule(found, "R-RESULT-BODY")
    assert "failed to achieve their goals" in result.explanation
    (enemy,) = by_rule(found, "R-ENEMY-LOSS-UNATTRIBUTED")
    assert "600 killed" in enemy.explanation
    (unit,) = by_rule(found, "R-UNIT-ECHELON")
    assert "brigade" in unit.explanation and "division" in unit.explanation
    (order,) = by_rule(found, "R-DATE-ORDER")
    assert order.outcome is Outcome.CONSISTENT
    assert by_rule(found, "R-INTERVAL") == []  # `over three thousand` agrees with 3,500


# --- pairwise figures ------------------------------------------------------------------------

TEXT = ("= Battle of Foo =\nStrength1: 50,000 soldiers\nStrength1b: 36,000\nCasualties1: 1,100 soldiers killed | "
        "879 killed\nCasualties2: at least 6,000 killed, 6,900 killed\nThe defenders numbered 1,800 men. "
        "Later 2,500 were killed.\n")


def foo() -> tuple:
    return make_doc("foo", "Battle of Foo", TEXT, belligerents=("Northland", "Southland"))


def test_interval_conflict_fires_and_explains() -> None:
    d = foo()
    a = claim(d, "50,000 soldiers", Kind.STRENGTH, q(50000, category=q(1).category.TROOPS), column=1, field="Strength1")
    b = claim(d, "36,000", Kind.STRENGTH, q(36000, category=q(1).category.TROOPS), column=1, field="Strength1b")
    (k,) = reconcile([d], [a, b])
    assert k.rule == "R-INTERVAL" and k.outcome is Outcome.CONFLICT and k.severity is Severity.HIGH
    assert "36,000" in k.explanation and "50,000" in k.explanation and "foo:2" in k.explanation
    assert "Northland" in k.explanation  # the column's belligerent names the side
    assert k.dispute is not None and [p.relation for p in k.dispute.pairs] == [Relation.CLASH]


def test_infobox_against_body() -> None:
    d = foo()
    a = claim(d, "1,100 soldiers killed", Kind.CASUALTIES, q(1100), column=1, field="Casualties1")
    b = claim(d, "2,500 were killed", Kind.CASUALTIES, q(2500), side_name="Northland")
    (k,) = reconcile([d], [a, b])
    assert k.rule == "R-INFOBOX-BODY"


def test_version_drift_between_revisions_not_between_independent_sources() -> None:
    d1 = make_doc("v1", "Battle of Foo", REVISION + "Casualties: 1,100 soldiers killed",
                  belligerents=("Northland", "Southland"))
    d2 = make_doc("v2", "Battle of Foo", REVISION + "Casualties: 879 killed", belligerents=("Northland", "Southland"))
    a = claim(d1, "1,100 soldiers killed", Kind.CASUALTIES, q(1100), column=1, field="Casualties1")
    b = claim(d2, "879 killed", Kind.CASUALTIES, q(879), column=1, field="Casualties1")
    (k,) = reconcile([d1, d2], [a, b])
    assert k.rule == "R-VERSION-DRIFT" and k.outcome is Outcome.CONFLICT
    assert "edit history" in k.explanation
    # Three independent documents with one title: a disagreement of sources, not an edit.
    texts = ("Casualties: 1,100 soldiers killed", "Notes: 879 killed", "Draft: 640 killed")
    docs = [make_doc(f"i{n}.txt", "Battle of Foo", t, belligerents=("Northland", "Southland"))
            for n, t in enumerate(texts)]
    claims = [claim(d, t.split(": ")[1], Kind.CASUALTIES, q(int(t.split(": ")[1].split()[0].replace(",", ""))),
                    column=1, field="Casualties1") for d, t in zip(docs, texts)]
    found = reconcile(docs, claims)
    assert [k.rule for k in found] == ["R-INTERVAL"]
    assert not any(k.rule == "R-VERSION-DRIFT" for k in found)
    assert "i0.txt:1" in found[0].explanation and "i2.txt:1" in found[0].explanation


def test_killed_above_killed_or_missing_is_a_conflict() -> None:
    d = make_doc("m", "Battle of Foo", "Casualties: 5,000 killed (A) | 1,200 killed or missing (B)",
                 belligerents=("Northland", "Southland"))
    a = claim(d, "5,000 killed", Kind.CASUALTIES, q(5000), column=1, field="Casualties1", claimant="A")
    b = claim(d, "1,200 killed or missing", Kind.CASUALTIES, q(1200, category=q(1).category.KILLED_OR_MISSING),
              column=1, field="Casualties1b", claimant="B")
    (k,) = reconcile([d], [a, b])
    assert k.rule == "R-MEASURES" and k.outcome is Outcome.CONFLICT
    # Fewer killed than killed or missing is no contradiction, in one document.
    c = claim(d, "1,200 killed or missing", Kind.CASUALTIES, q(12000, category=q(1).category.KILLED_OR_MISSING),
              column=1, field="Casualties1b", claimant="B")
    assert reconcile([d], [a, c]) == []


def test_a_figure_replaced_by_another_measure_between_versions() -> None:
    d1 = make_doc("v1", "Battle of Foo", "Casualties: 17,391 killed or missing (Northland claim)",
                  belligerents=("Northland", "Southland"))
    d2 = make_doc("v2", "Battle of Foo", "Casualties: 2,500-2,700 (Northland official data)",
                  belligerents=("Northland", "Southland"))
    a = claim(d1, "17,391 killed or missing", Kind.CASUALTIES, q(17391, category=q(1).category.KILLED_OR_MISSING),
              column=2, field="Casualties2", claimant="Northland claim", claimant_side="Northland",
              claimant_class=ClaimantClass.BELLIGERENT)
    b = claim(d2, "2,500-2,700", Kind.CASUALTIES, q(2500, 2700, Qualifier.RANGE), column=2, field="Casualties2",
              claimant="Northland official data", claimant_side="Northland", claimant_class=ClaimantClass.BELLIGERENT)
    (k,) = reconcile([d1, d2], [a, b])
    assert k.rule == "R-MEASURES" and k.outcome is Outcome.INDETERMINATE
    # Different claimants' figures by different measures are not compared.
    c = attrs.evolve(b, attribution=attrs.evolve(b.attribution, claimant="Southland", claimant_side="Southland"))
    assert reconcile([d1, d2], [a, c]) == []


def test_sides_match_by_name_not_column() -> None:
    d1 = make_doc("v1", "Battle of Foo", "Casualties: 1,100 killed", belligerents=("Northland", "Southland"))
    d2 = make_doc("v2", "Battle of Foo", "Casualties: 879 killed", belligerents=("Southland", "Northland"))
    a = claim(d1, "1,100 killed", Kind.CASUALTIES, q(1100), column=1, field="Casualties1")
    b = claim(d2, "879 killed", Kind.CASUALTIES, q(879), column=1, field="Casualties1")
    assert reconcile([d1, d2], [a, b]) == []


# Pairs that look different but agree (restatements, bounds, scopes, times, running totals).
NOT_CONFLICTS = [
    ("over three thousand", q(3000, None, Qualifier.AT_LEAST), "3,500", q(3500)),
    ("at least 6,000", q(6000, None, Qualifier.AT_LEAST), "6,900", q(6900)),
    ("more than 25,000", q(25000, None, Qualifier.AT_LEAST), "35,000", q(35000)),
    ("2,700", q(2700), "2,500–2,700", q(2500, 2700, Qualifier.RANGE)),
    ("17,892–52,000", q(17892, 52000, Qualifier.RANGE), "17,892", q(17892)),
    ("~1,800", q(1800, qualifier=Qualifier.APPROX), "1,800–2,200", q(1800, 2200, Qualifier.RANGE)),
    ("up to 2,000", q(2000, qualifier=Qualifier.AT_MOST), "1,500", q(1500)),
    ("~4,000", q(4000, qualifier=Qualifier.APPROX), "4,200", q(4200)),
]


@pytest.mark.parametrize("qa, va, qb, vb", NOT_CONFLICTS)
def test_not_a_conflict(qa: str, va, qb: str, vb) -> None:
    d = make_doc("n", "Battle of Foo", f"Figures: {qa} killed; {qb} killed.", belligerents=("Northland", "Southland"))
    a = claim(d, qa, Kind.CASUALTIES, va, column=1, claimant="A", claimant_class=ClaimantClass.SCHOLAR)
    b = claim(d, qb, Kind.CASUALTIES, vb, column=1, claimant="B", claimant_class=ClaimantClass.SCHOLAR)
    assert real(reconcile([d], [a, b])) == []


def test_different_scopes_are_different_quantities() -> None:
    d = make_doc("s", "Battle of Foo", "Strength: 10,000 servicemen in entire Westland | 500 peacekeepers\n")
    a = claim(d, "10,000 servicemen", Kind.STRENGTH, q(10000, category=q(1).category.TROOPS), column=1, field="S1")
    b = claim(d, "500 peacekeepers", Kind.STRENGTH, q(500, category=q(1).category.TROOPS), column=1, field="S2")
    assert reconcile([d], [a, b]) == []


def test_a_percentage_is_never_compared_or_summed_with_a_count() -> None:
    d = make_doc("p", "Battle of Foo", "Northland: 400 soldiers killed; 90% of its soldiers killed; "
                 "9% of the Northland column killed. Southland: 35% of the town held; 20 killed.\n",
                 belligerents=("Northland", "Southland"))
    count = claim(d, "400 soldiers killed", Kind.CASUALTIES, q(400), side_name="Northland")
    share = claim(d, "90% of its soldiers", Kind.CASUALTIES, attrs.evolve(q(90), unit="percent"),
                  side_name="Northland", claimant="the ministry", claimant_class=ClaimantClass.NGO)
    other = claim(d, "9% of the Northland column", Kind.CASUALTIES, attrs.evolve(q(9), unit="percent"),
                  side_name="Northland", claimant="a monitor", claimant_class=ClaimantClass.NGO)
    held = claim(d, "35% of the town", Kind.OTHER, q(35, category=Category.SHARE), side_name="Southland")
    found = reconcile([d], [count, share, other, held, claim(d, "20 killed", Kind.CASUALTIES, q(20),
                                                             side_name="Southland")])
    assert not [k for k in found if count.id in k.claims and ({share.id, other.id} & set(k.claims))]
    # Two percentages of one quantity are still compared with each other.
    assert [k for k in real(found) if {share.id, other.id} <= set(k.claims)]


@pytest.mark.parametrize("text, quote_a, quote_b", [
    ("On Sunday 16 soldiers died. Overall 58 soldiers were killed in the battle.", "16 soldiers died", "58 soldiers"),
    ("The army said 3,048 soldiers were killed, and 40 more were killed overnight.", "3,048 soldiers", "40 more"),
    ("In the war 5,400 soldiers have died. At the battle 300 soldiers were killed.", "5,400 soldiers", "300 soldiers"),
])
def test_a_day_an_increment_or_the_whole_war_is_not_the_battle(text: str, quote_a: str, quote_b: str) -> None:
    d = make_doc("w", "Battle of Foo", text)
    a = claim(d, quote_a, Kind.CASUALTIES, q(int("".join(ch for ch in quote_a.split()[1 if quote_a.startswith("On") else 0] if ch.isdigit()))),
              side_name="Northland")
    b = claim(d, quote_b, Kind.CASUALTIES, q(int("".join(ch for ch in quote_b.split()[0] if ch.isdigit()))),
              side_name="Northland")
    assert real(reconcile([d], [a, b])) == []


def test_a_growing_toll_from_one_source_is_an_update() -> None:
    from test_reconcile_fixtures import day

    early = make_doc("e", "Toll in Foo", "On 7 October the Observatory said 412 people have been killed in Foo.")
    late = make_doc("l", "Toll in Foo", "On 25 October the Observatory said 815 people have been killed in Foo.")
    rival = make_doc("r", "Toll in Foo", "On 25 October the ministry said 120 people have been killed in Foo.")
    claims = [claim(early, "412 people have been killed", Kind.CASUALTIES, q(412), claimant="the Observatory"),
              claim(early, "7 October", Kind.DATE, day(2014, 10, 7, "7 October")),
              claim(late, "815 people have been killed", Kind.CASUALTIES, q(815), claimant="The Observatory"),
              claim(late, "25 October", Kind.DATE, day(2014, 10, 25, "25 October")),
              claim(rival, "120 people have been killed", Kind.CASUALTIES, q(120), claimant="the ministry"),
              claim(rival, "25 October", Kind.DATE, day(2014, 10, 25, "25 October"))]
    (k,) = reconcile([early, late], claims[:4])
    assert k.outcome is Outcome.CONSISTENT and "growing count" in k.explanation
    (k,) = reconcile([early, late, rival], claims)
    assert k.outcome is Outcome.CONFLICT
    relations = {p.relation for p in k.dispute.pairs}  # type: ignore[union-attr]
    assert Relation.UPDATE in relations and Relation.CLASH in relations


def test_different_times_are_not_compared() -> None:
    from test_reconcile_fixtures import day

    d = make_doc("t", "Battle of Foo", "Strength: 38,000 (December) | 70,500 (February)")
    a = claim(d, "38,000", Kind.STRENGTH, q(38000, category=q(1).category.TROOPS, as_of=day(1994, 12, 1, "Dec")),
              column=1, field="S1")
    b = claim(d, "70,500", Kind.STRENGTH, q(70500, category=q(1).category.TROOPS, as_of=day(1995, 2, 1, "Feb")),
              column=1, field="S2")
    assert reconcile([d], [a, b]) == []


def test_running_total_is_an_update() -> None:
    d = make_doc("r", "Battle of Foo", "Snipers fired, killing four men. The total fatalities became six.")
    a = claim(d, "killing four", Kind.CASUALTIES, q(4), side_name="Northland")
    b = claim(d, "six", Kind.CASUALTIES, q(6), side_name="Northland")
    assert reconcile([d], [a, b]) == []


def test_parts_of_different_lists_name_different_sub_groups() -> None:
    text = ("28 armored vehicles were captured - 8 tanks, 5 infantry fighting vehicles, 15 armored personnel "
            "carriers. Later 11 armored vehicles were captured - 5 tanks, 6 armored personnel carriers.")
    d = make_doc("p", "Battle of Foo", text)
    armour = Category.ARMOURED_VEHICLES

    def part(quote: str, n: int, noun: str, total: Claim, category=armour) -> Claim:
        value = attrs.evolve(q(n, category=category), unit=noun)
        return claim(d, quote, Kind.CAPTURED, value, side_name="Northland", part_of=total.id)

    first = claim(d, "28 armored vehicles", Kind.CAPTURED, q(28, category=armour), side_name="Northland")
    second = claim(d, "11 armored vehicles", Kind.CAPTURED, q(11, category=armour), side_name="Northland")
    ifv = part("5 infantry fighting vehicles", 5, "infantry fighting vehicles", first)
    apc = part("6 armored personnel carriers", 6, "armored personnel carriers", second)
    apc15 = part("15 armored personnel carriers", 15, "armored personnel carriers", first)
    conflicts = [k for k in reconcile([d], [first, second, ifv, apc, apc15]) if k.outcome is Outcome.CONFLICT]
    pairs = {frozenset(k.claims) for k in conflicts}
    assert frozenset({ifv.id, apc.id}) not in pairs  # different sub-groups: not comparable
    assert frozenset({apc.id, apc15.id}) in pairs  # the same sub-group, two figures: compared


def test_sub_groups_in_one_cell_are_not_alternatives() -> None:
    d = make_doc("g", "Battle of Foo", "Casualties1: Killed: 169, Wounded: 947, Killed: 11\n")
    a = claim(d, "169", Kind.CASUALTIES, q(169), column=1, field="Casualties1")
    b = claim(d, "11", Kind.CASUALTIES, q(11), column=1, field="Casualties1", nth=0)
    assert reconcile([d], [a, b]) == []


@pytest.mark.parametrize("cell", ["15,000 or 40,000–60,000", "15,000 / 40,000–60,000"])
def test_alternatives_in_one_cell_conflict(cell: str) -> None:
    d = make_doc("g", "Battle of Foo", f"Strength1: {cell}\n")
    a = claim(d, "15,000", Kind.STRENGTH, q(15000, category=q(1).category.TROOPS), column=1, field="Strength1")
    b = claim(d, "40,000–60,000", Kind.STRENGTH, q(40000, 60000, Qualifier.RANGE, q(1).category.TROOPS),
              column=1, field="Strength1")
    assert [k.rule for k in real(reconcile([d], [a, b]))] == ["R-INTERVAL"]


def test_attributed_dispute_is_low_severity() -> None:
    d = make_doc("c", "Battle of Foo", "Losses: 3,000 (Southland claim); 17,391 (Northland claim)")
    a = claim(d, "3,000", Kind.CASUALTIES, q(3000), column=2, claimant="Southland", claimant_class=ClaimantClass.BELLIGERENT)
    b = claim(d, "17,391", Kind.CASUALTIES, q(17391), column=2, claimant="Northland", claimant_class=ClaimantClass.BELLIGERENT)
    (k,) = reconcile([d], [a, b])
    assert k.outcome is Outcome.CONFLICT and k.severity is Severity.LOW


# --- totals ------------------------------------------------------------------------------------

def test_sum_of_parts_that_does_not_add_up() -> None:
    d = make_doc("p", "Battle of Foo", "Captured 30 vehicles - 8 tanks, 5 trucks, 15 carriers.")
    total = claim(d, "30 vehicles", Kind.CAPTURED, q(30, category=q(1).category.VEHICLES))
    parts = [claim(d, t, Kind.CAPTURED, q(n, category=q(1).category.VEHICLES), part_of=total.id)
             for t, n in (("8 tanks", 8), ("5 trucks", 5), ("15 carriers", 15))]
    (k,) = reconcile([d], [total, *parts])
    assert k.rule == "R-SUM-PARTS" and k.outcome is Outcome.CONFLICT and "= 28" in k.explanation


SERVICES = "Strength\n600 army\n150 air force\n20 navy personnel\n\n"


@pytest.mark.parametrize("total_text, total, outcome", [
    ("The Ukrainian garrison of the pass numbered 900 men.[3] Russian scouts saw it.", 900, Outcome.CONFLICT),
    ("The Ukrainian garrison of the pass numbered 770 men.[3] Russian scouts saw it.", 770, Outcome.CONSISTENT),
])
def test_a_sides_figures_by_service_against_its_whole_force(total_text: str, total: int, outcome: Outcome) -> None:
    d = make_doc("g", "Battle of the Pass", SERVICES + total_text, belligerents=("Ukraine", "Russia"))
    parts = [claim(d, t, Kind.STRENGTH, q(n, category=Category.TROOPS), column=1, side_name="Ukraine", field="Strength")
             for t, n in (("600", 600), ("150", 150), ("20 navy personnel", 20))]
    # The total names no side; its sentence names only Ukraine (the next sentence, after a
    # footnote marker, is another sentence).
    whole = claim(d, f"{total} men", Kind.STRENGTH, q(total, category=Category.TROOPS))
    (k,) = by_rule(reconcile([d], [*parts, whole]), "R-SUM-PARTS")
    assert k.outcome is outcome and set(k.claims) == {whole.id, *(p.id for p in parts)}
    assert k.explanation.startswith("Ukraine's figures by service")
    assert "600 + 150 + 20 = 770" in k.explanation and "g:6" in k.explanation


def test_services_of_one_side_are_not_summed_against_a_total_naming_both_sides() -> None:
    d = make_doc("g", "Battle of the Pass", SERVICES + "Ukrainian and Russian troops, 900 men in all, met.",
                 belligerents=("Ukraine", "Russia"))
    parts = [claim(d, t, Kind.STRENGTH, q(n, category=Category.TROOPS), column=1, side_name="Ukraine", field="Strength")
             for t, n in (("600", 600), ("150", 150), ("20 navy personnel", 20))]
    whole = claim(d, "900 men", Kind.STRENGTH, q(900, category=Category.TROOPS))
    assert by_rule(reconcile([d], [*parts, whole]), "R-SUM-PARTS") == []


def test_total_across_sides_conflict() -> None:
    d = make_doc("t", "Battle of Foo", "C1: 4,000 killed\nC2: 2,000 killed\nOverall, 20,000 were killed.",
                 belligerents=("Northland", "Southland"))
    a = claim(d, "4,000 killed", Kind.CASUALTIES, q(4000), column=1, field="C1")
    b = claim(d, "2,000 killed", Kind.CASUALTIES, q(2000), column=2, field="C2")
    t = claim(d, "20,000 were killed", Kind.CASUALTIES, q(20000))
    (k,) = reconcile([d], [a, b, t])
    assert k.rule == "R-TOTAL-SIDES" and k.outcome is Outcome.CONFLICT


# --- dates ---------------------------------------------------------------------------------------

def test_date_outside_range_and_out_of_order() -> None:
    import datetime as dt

    from claims.model import Precision, UncertainDate
    from test_reconcile_fixtures import day

    text = "Date: May 1994\nThe attack began on 20 May. The enemy withdrew on 10 May. Fighting on 3 July.\n"
    d = make_doc("d", "Battle of Foo", text)
    rng = claim(d, "May 1994", Kind.DATE, UncertainDate(dt.date(1994, 5, 1), dt.date(1994, 5, 31), Precision.MONTH,
                                                       "May 1994", interval=True), field="Date")
    began = claim(d, "20 May", Kind.DATE, day(1994, 5, 20, "20 May"))
    ended = claim(d, "10 May", Kind.DATE, day(1994, 5, 10, "10 May"))
    july = claim(d, "3 July", Kind.DATE, day(1994, 7, 3, "3 July"))
    found = reconcile([d], [rng, began, ended, july])
    assert [k.rule for k in real(found)] == ["R-DATE-ORDER", "R-DATE-RANGE"] or \
        sorted(k.rule for k in real(found)) == ["R-DATE-ORDER", "R-DATE-RANGE"]


# --- identities ----------------------------------------------------------------------------------

def test_person_variant_is_an_identity() -> None:
    d1 = make_doc("p1", "Battle of Foo", "Commander: Elbrus Orudzhev")
    d2 = make_doc("p2", "Capture of Foo", "Commander: Elbrus Orujev")
    a = claim(d1, "Elbrus Orudzhev", Kind.COMMANDER, Person("Elbrus Orudzhev"), column=2)
    b = claim(d2, "Elbrus Orujev", Kind.COMMANDER, Person("Elbrus Orujev"), column=2)
    (k,) = reconcile([d1, d2], [a, b])
    assert k.rule == "R-PERSON-VARIANT" and k.outcome is Outcome.IDENTITY


def test_people_in_unrelated_wars_are_not_linked() -> None:
    d1 = make_doc("p1", "Battle of Foo", "Commander: Elbrus Orudzhev")
    d2 = make_doc("p2", "Siege of Bar", "Commander: Elbrus Orujev")
    a = claim(d1, "Elbrus Orudzhev", Kind.COMMANDER, Person("Elbrus Orudzhev"), column=2)
    b = claim(d2, "Elbrus Orujev", Kind.COMMANDER, Person("Elbrus Orujev"), column=2)
    assert reconcile([d1, d2], [a, b]) == []


# --- result against body --------------------------------------------------------------------------

def test_result_body_does_not_fire_when_body_agrees() -> None:
    from claims.model import TextValue

    d = make_doc("r", "Battle of Foo", "Result: Northland victory\nThe Southland troops withdrew from the town.\n")
    r = claim(d, "Northland victory", Kind.RESULT, TextValue("Northland victory"), field="Result")
    assert reconcile([d], [r]) == []
    d2 = make_doc("r2", "Battle of Bar", "Result: Northland victory\nThe Northland forces were repelled at the river.\n")
    r2 = claim(d2, "Northland victory", Kind.RESULT, TextValue("Northland victory"), field="Result")
    (k,) = reconcile([d2], [r2])
    assert k.rule == "R-RESULT-BODY" and "repelled" in k.explanation


def test_restated_figures_make_one_finding_that_names_every_statement() -> None:
    a = make_doc("v1.txt", "Battle of Foo", "Then 4,300 soldiers were killed. Indeed 4,300 soldiers were killed.")
    b = make_doc("v2.txt", "Battle of Foo", "Then 9,000 soldiers were killed. Indeed 9,000 soldiers were killed.")
    claims = [claim(d, quote, Kind.CASUALTIES, q(n), side_name="Northland", nth=nth)
              for d, quote, n in ((a, "4,300 soldiers", 4300), (b, "9,000 soldiers", 9000)) for nth in (0, 1)]
    conflicts = [k for k in reconcile([a, b], claims) if k.outcome is Outcome.CONFLICT]
    assert len(conflicts) == 1
    assert set(conflicts[0].claims) == {c.id for c in claims}
    assert conflicts[0].explanation.count("restated once more") == 2
    dispute = conflicts[0].dispute
    assert dispute is not None and [len(e.claims) for e in dispute.estimates] == [2, 2]


@pytest.mark.parametrize("phrase, expected", [
    ("40 Peace keepers were killed", "peacekeepers"), ("300 reinforcements arrived", "reinforcements"),
    ("12 Police officers died", "police"), ("a militia of 200 men", "militia"), ("50 Volunteers", "volunteers"),
    ("900 attack forces", "attack forces"), ("30 children died", "children"), ("20 women died", "women"),
    ("400 National Guard troops", "National Guard"), ("500 Interior Ministry troops", "interior troops"),
    ("60 Air Force personnel", "air force"), ("70 naval infantry", "navy"), ("80 Marines", "marines"),
    ("90 special forces", "special forces"), ("100 killed in the war", "the whole war"),
    ("110 killed Overnight", "overnight"), ("120 killed on 12 May", "on 12 may"), ("130 killed daily", "daily"),
    ("140 killed during the withdrawal", "during the withdrawal"), ("150 killed in the past 24 hours",
                                                                    "in the past 24 hours"),
    ("160 tanks lost in the first sortie alone", "in the first sortie"),
    ("170 civilians killed on that road on those two days alone", "on those two days"),
    ("180 wounded were counted at the end of May", "at the end of may"),
])
def test_every_scope_word_is_read(phrase: str, expected: str) -> None:
    from claims.reconcile import build_context
    from claims.reconcile.scopes import scope

    d = make_doc("s", "Battle of Foo", f"Report: {phrase}.\n")
    number = next(w for w in phrase.split() if w.isdigit())
    c = claim(d, number, Kind.CASUALTIES, q(int(number)), side_name="Northland")
    assert expected in scope(c, build_context([d], [c])).split("; ")


def test_a_text_less_documents_scopes_follow_each_figures_category() -> None:
    """Scopes of a document without text (a stored outline, a claim's stand-in) are remembered
    per wording; two figures with one wording but different categories keep their own scope:
    a part's noun and a percentage come from the category."""
    from claims.model import Attribution, Side, Span
    from claims.reconcile import build_context
    from claims.reconcile.scopes import scope

    d = make_doc("t", "Battle of Foo", "")

    def stated(claim_id: str, quote: str, value, part_of: str | None = None) -> Claim:
        return Claim(id=claim_id, document="t", kind=Kind.CASUALTIES, subject=d.title, side=Side(column=1),
                     value=value, span=Span(document="t", start=0, end=len(quote), quote=quote, prefix="Losses: "),
                     attribution=Attribution(document="t"), rule="test", part_of=part_of)

    killed = stated("a1", "40", q(40), part_of="x")
    wounded = stated("a2", "40", q(40, category=Category.WOUNDED), part_of="x")
    other_wounded = stated("a3", "90", q(90, category=Category.WOUNDED), part_of="y")
    share, count = stated("b1", "30", q(30, category=Category.SHARE)), stated("b2", "30", q(30))
    for claims in ([killed, wounded, other_wounded, share, count], [count, share, other_wounded, wounded, killed]):
        ctx = build_context([d], claims)
        assert [scope(c, ctx) for c in (killed, wounded, other_wounded)] == ["part: killed", "part: wounded",
                                                                             "part: wounded"]
        assert (scope(share, ctx), scope(count, ctx)) == ("a percentage", "whole event")
    # The two wounded parts are one quantity, so their figures are compared.
    found = [k for k in reconcile([d], [killed, wounded, other_wounded]) if k.dispute is not None]
    assert [set(k.claims) for k in found] == [{"a2", "a3"}] and found[0].dispute.scope == "part: wounded"


BREAKDOWN = (
    "Ostland monitor: {total} killed in the siege of Dorva\n\n"
    "The Valley Monitor said {total} people have been killed in the Dorva area since the siege began.\n\n"
    "Some 27 civilians have been killed, according to the monitor, and 398 Armenian soldiers also died in the fighting.\n\n"
    "And 712 Azerbaijani soldiers have been killed, according to the monitor.\n"
)


@pytest.mark.parametrize(("total", "outcome"), [("1,153", Outcome.CONFLICT), ("1,137", Outcome.CONSISTENT)])
def test_a_total_with_its_breakdown_by_side_right_after_it(total: str, outcome: Outcome) -> None:
    from claims.extract import extract_document
    from claims.readers import read_text

    d = read_text(BREAKDOWN.format(total=total), "dorva.txt")
    found = by_rule(reconcile([d], extract_document(d)), "R-TOTAL-SIDES")
    assert [k.outcome for k in found] == [outcome], [k.explanation for k in found]
    assert total in found[0].explanation and "27" in found[0].explanation


def test_a_total_with_one_group_after_it_is_no_breakdown() -> None:
    from claims.extract import extract_document
    from claims.readers import read_text

    text = ("Intro.\n\nThe Valley Monitor said 1,153 people have been killed since the siege began.\n\n"
            "Some 398 Armenian soldiers died in the fighting.\n")
    d = read_text(text, "dorva.txt")
    assert by_rule(reconcile([d], extract_document(d)), "R-TOTAL-SIDES") == []


def test_datelines_name_where_a_story_was_filed_not_a_party() -> None:
    from claims.readers import read_text

    a = read_text("Prosecutor: 366 soldiers died in Dorva pocket\n\nKYIV, August 29, 2015. The prosecutor said "
                  "366 soldiers were killed in the Dorva pocket in 2014.\n", "a.txt")
    b = read_text("Commission names 459 dead in Dorva pocket\n\nMOSCOW, April 14. /TASS/. A commission said 459 "
                  "soldiers died near Dorva in 2014.\n", "b.txt")
    (event,) = group_events([a, b])
    assert sorted(event.documents) == sorted([a.id, b.id])


@pytest.mark.parametrize("sentence, outcome", [
    # Parts after `including` are some of the total: fewer is fine, more is not.
    ("The ministry said 11,100 people were injured, including 3,374 children, 2,088 women and 410 elderly people.",
     Outcome.CONSISTENT),
    ("The ministry said 1,100 people were injured, including 3,374 children and 2,088 women.", Outcome.CONFLICT),
    # A breakdown after a colon is all of the total.
    ("The toll among soldiers was 75: 66 soldiers, one security coordinator and four civilians.", Outcome.CONFLICT),
])
def test_parts_after_including_are_some_of_the_total(sentence: str, outcome: Outcome) -> None:
    from claims.extract import extract_document
    from claims.readers import read_text

    document = read_text("Intro.\n\n" + sentence + "\n", "story.txt")
    found = [k for k in reconcile([document], extract_document(document)) if k.rule == "R-SUM-PARTS"]
    assert [k.outcome for k in found] == [outcome]


@pytest.mark.parametrize("text, number", [
    ("The group said in a statement on Thursday that its fighters had killed about 100 soldiers.", "100"),
    ("The country held national mourning on Friday for the 71 soldiers killed in the attack.", "71"),
])
def test_when_a_figure_was_said_or_mourned_is_not_its_time(text: str, number: str) -> None:
    from claims.reconcile import build_context
    from claims.reconcile.scopes import WHOLE, scope

    d = make_doc("s", "Attack on Foo", f"{text}\n")
    c = claim(d, f"{number} soldiers", Kind.CASUALTIES, q(int(number)), side_name="Northland")
    assert scope(c, build_context([d], [c])) == WHOLE


def test_documents_naming_different_winners_conflict_and_a_stalemate_is_to_decide() -> None:
    def page(name: str, result: str):
        d = make_doc(name, "Battle of Foo", f"Result: {result}\n")
        return d, claim(d, result, Kind.RESULT, TextValue(result))

    (a, ra), (b, rb), (c, rc), (e, re_) = (page("a", "Northland victory"), page("b", "Southland victory"),
                                           page("c", "Decisive Northland victory"), page("e", "Inconclusive"))
    (k,) = by_rule(reconcile([a, b], [ra, rb]), "R-RESULT-DIFF")
    assert k.outcome is Outcome.CONFLICT and "different winners" in k.explanation and "a:1" in k.explanation
    assert by_rule(reconcile([a, c], [ra, rc]), "R-RESULT-DIFF") == []  # the same winner, other words
    (k,) = by_rule(reconcile([a, e], [ra, re_]), "R-RESULT-DIFF")
    assert k.outcome is Outcome.INDETERMINATE


def test_a_body_a_report_only_describes_is_the_body_it_names_and_its_counts_grow() -> None:
    early = make_doc("e", "Toll in Foo", "The Observatory said 412 people have been killed in Foo.")
    late = make_doc("l", "Rights group: 660 killed in Foo",
                    "A human rights monitoring group said 660 people have been killed in Foo. The Syrian "
                    "Observatory for Human Rights said more fighters died.")
    a = claim(early, "412 people have been killed", Kind.CASUALTIES, q(412), claimant="The Observatory",
              claimant_class=ClaimantClass.NGO)
    b = claim(late, "660 people have been killed", Kind.CASUALTIES, q(660), claimant="A human rights monitoring group",
              claimant_class=ClaimantClass.NGO)
    named = claim(late, "more fighters", Kind.OTHER, q(1), claimant="The Syrian Observatory for Human Rights",
                  claimant_class=ClaimantClass.NGO)
    assert real(reconcile([early, late], [a, b, named])) == []
    # without the name in the later report, the description may be any group: the counts clash
    assert real(reconcile([early, late], [a, b]))


def test_a_toll_named_in_another_clause_makes_no_running_total() -> None:
    d = make_doc("t", "Siege of Foo", "The death toll is disputed: the government says 200 soldiers died, while the "
                                      "rebels claim over 1,000 soldiers were killed. Historians estimate between 300 "
                                      "and 400 killed.")
    a = claim(d, "over 1,000 soldiers", Kind.CASUALTIES, q(1000, None, Qualifier.AT_LEAST), claimant="the rebels")
    b = claim(d, "between 300 and 400 killed", Kind.CASUALTIES, q(300, 400, Qualifier.RANGE), claimant="Historians")
    (k,) = real(reconcile([d], [a, b]))
    assert Relation.CLASH in {p.relation for p in k.dispute.pairs}  # type: ignore[union-attr]


def test_a_short_place_name_and_its_longer_form_group_as_one_event() -> None:
    a = make_doc("a", "Siege of Kut", "The siege of Kut took place in 1916.")
    b = make_doc("b", "Siege of Kut-al-Amara", "The siege of Kut-al-Amara took place in 1916.")
    (event,) = group_events([a, b])
    assert set(event.documents) == {"a", "b"}


def test_a_formations_labelled_count_in_a_cell_is_no_count_of_the_side() -> None:
    """`Army of the Tennessee: 48,894` over `Total: 66,812` in one strength cell: one formation's
    men, set against nobody's total; the total is compared."""
    from claims.extract import extract_document
    from claims.readers import read_text
    from claims.reconcile import disagreements

    box = ("{{Infobox military conflict\n| conflict = Battle of Foo\n| combatant1 = Northland\n| combatant2 = Southland\n"
           "| strength1 = %s\n| strength2 = 44,699\n}}\nThe Battle of Foo was fought.\n")
    a = read_text(box % "Army of the Tennessee: 48,894<br>Army of the Ohio: 17,918<br>Total: 66,812", "a.wiki")
    b = read_text(box % "65,085", "b.wiki")
    claims = extract_document(a) + extract_document(b)
    clashing = {frozenset(c.span.quote for c in claims if c.id in k.claims)
                for f in reconcile([a, b], claims) for k in disagreements(f)}
    assert clashing == {frozenset({"65,085", "66,812"})}
