"""Claimants, their class and side, and hedges."""

from __future__ import annotations

import pytest

from claims.extract.attribution import classify_claimant, find_attributions, find_blocks, find_hedges
from claims.model import ClaimantClass, HedgeKind


def claimants(text: str) -> list[str]:
    """The named claimants (an unnamed source is a relation with no claimant)."""
    return [a.claimant for a in find_attributions(text, 0, len(text)) if a.claimant]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("According to the Azerbaijani side, on April 16, units attacked.", "the Azerbaijani side"),
        ("According to British journalist Thomas de Waal, overall, more than six thousand died.",
         "British journalist Thomas de Waal"),
        ("The Defence Ministry said that 40 soldiers were killed.", "The Defence Ministry"),
        ("Forty soldiers were killed, Georgian officials said.", "Georgian officials"),
        ("Twelve died (per Azerbaijan).", "Azerbaijan"),
        ("By Memorial's account, 300 civilians died.", "Memorial's account"),
    ],
)
def test_claimant_forms(text: str, who: str) -> None:
    assert who in claimants(text)


def test_sentence_initial_according_to_extends() -> None:
    text = "According to the Azerbaijani side, on April 16, units attacked."
    assert find_attributions(text, 0, len(text))[0].extends


def test_unnamed_sources_are_not_claimants() -> None:
    text = "According to some sources, 300 soldiers died."
    assert claimants(text) == []
    assert [h.kind for h in find_hedges(text, 0, len(text))] == [HedgeKind.UNNAMED_SOURCE]


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Alleged: Russian volunteers", HedgeKind.ALLEGED), ("300 were reportedly killed", HedgeKind.REPORTED),
     ("it is believed that 300 died", HedgeKind.BELIEVED), ("Officially 12 KIA", HedgeKind.OFFICIAL)],
)
def test_hedges(text: str, kind: HedgeKind) -> None:
    hedges = find_hedges(text, 0, len(text))
    assert hedges and hedges[0].kind == kind
    assert text[hedges[0].start:hedges[0].end] == hedges[0].text


@pytest.mark.parametrize(
    ("claimant", "cls", "side"),
    [
        ("the Azerbaijani side", ClaimantClass.BELLIGERENT, "Azerbaijan"),
        ("British journalist Thomas de Waal", ClaimantClass.JOURNALIST, None),
        ("historian Jane Doe", ClaimantClass.SCHOLAR, None),
        ("Memorial", ClaimantClass.NGO, None),
        ("the OSCE", ClaimantClass.INTERNATIONAL, None),
        ("Russian official figure", ClaimantClass.BELLIGERENT, "Russia"),
        ("Western estimates", ClaimantClass.UNKNOWN, None),
        # a belligerent's press office is the belligerent; `independent` is no newspaper
        ("The Press Service of the Armenian Ministry of Defence", ClaimantClass.BELLIGERENT, "Armenia"),
        ("Independent analysts at the Caucasus Institute", ClaimantClass.SCHOLAR, None),
        ("The Independent", ClaimantClass.JOURNALIST, None),
    ],
)
def test_classify(claimant: str, cls: ClaimantClass, side: str | None) -> None:
    assert classify_claimant(claimant) == (cls, side)


def test_blocks_in_an_infobox_value() -> None:
    value = "Western estimate: 5,000+ soldiers killed , Per Russia:, 1,834 soldiers killed"
    assert [b[2] for b in find_blocks(value, 0, len(value))] == ["Western estimate", "Russia"]


@pytest.mark.parametrize("claimant", ["The Sudan Doctors Network", "Sudanese Doctors Union", "a Britain-based war monitor"])
def test_a_medical_or_monitoring_body_named_after_its_country_is_no_belligerent(claimant: str) -> None:
    assert classify_claimant(claimant) == (ClaimantClass.NGO, None)


@pytest.mark.parametrize(("claimant", "party"), [("Hamas' armed wing", "Hamas"), ("al-Shabaab", "Al-Shabaab"),
                                                 ("the Philippines' army", "Philippines")])
def test_a_possessive_after_a_final_s_and_an_arabic_article_name_the_party(claimant: str, party: str) -> None:
    assert classify_claimant(claimant) == (ClaimantClass.BELLIGERENT, party)


@pytest.mark.parametrize(("claimant", "cls"), [
    ("The UN human rights office (OHCHR)", ClaimantClass.INTERNATIONAL),
    ("Amnesty International", ClaimantClass.NGO),
    ("the International Committee of the Red Cross", ClaimantClass.NGO),
    ("international observers", ClaimantClass.INTERNATIONAL),
])
def test_the_kind_of_body_a_name_gives_first_is_its_class(claimant: str, cls: ClaimantClass) -> None:
    assert classify_claimant(claimant)[0] is cls
