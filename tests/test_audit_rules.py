"""Each audit rule with a firing and a non-firing example (hand-built claims, small texts)."""

from __future__ import annotations

import datetime as dt

from claims.audit import KnownConflict, ReviewedClaim
from claims.model import (
    Annotation,
    Category,
    ClaimantClass,
    Conflict,
    Kind,
    Severity,
    TargetKind,
    Verdict,
)
from audit_helpers import codes, doc, figure, findings, reported


class TestUnattributedFigure:
    def test_fires_on_a_bare_figure(self):
        d = doc("The garrison lost 300 killed in the assault.\n")
        found = findings(d, [figure(d, "300 killed")])
        assert [f.code for f in found] == ["CT001"]
        assert found[0].quote == "300 killed"
        assert (found[0].line, found[0].column, found[0].end_column) == (1, 19, 29)

    def test_fires_on_an_infobox_field(self):
        text = "= Battle =\n\nInfobox\n- Casualties2: 600 killed\n\nThe battle was fought.\n"
        d = doc(text, "battle.txt")
        assert codes(d, [figure(d, "600 killed", low=600)]) == ["CT001"]

    def test_citation_or_claimant_silences_it(self):
        d = doc("The garrison lost 300 killed.[4] Later 200 more were killed <ref>Smith 2001</ref>.\n")
        assert codes(d, [figure(d, "300 killed"), figure(d, "200 more", low=200)]) == []
        d = doc("According to the ministry, 300 were killed.\n")
        assert codes(d, [figure(d, "300", claimant="the ministry")]) == []

    def test_citation_needed_tag_silences_it(self):
        d = doc("The garrison lost 300 killed.{{Citation needed}}\n")
        assert codes(d, [figure(d, "300 killed")]) == []

    def test_one_finding_per_sentence(self):
        d = doc("Up to 2,000 servicemen and 17 tanks were brought into battle.\n")
        claims = [figure(d, "Up to 2,000 servicemen", kind=Kind.STRENGTH, category=Category.TROOPS, low=2000),
                  figure(d, "17 tanks", kind=Kind.EQUIPMENT, category=Category.TANKS, low=17)]
        found = findings(d, claims)
        assert [f.code for f in found] == ["CT001"]
        assert "“Up to 2,000 servicemen”, “17 tanks”" in found[0].message

    def test_unit_counts_are_not_figures_to_source(self):
        d = doc("Two battalions were encircled.\n")
        assert codes(d, [figure(d, "Two battalions", kind=Kind.STRENGTH, category=Category.UNITS, low=2)]) == []


class TestBelligerentClaimAsFact:
    def test_fires_on_a_side_killing_a_number(self):
        d = doc("Armenian forces killed 300 Azerbaijani soldiers near the village.\n")
        found = findings(d, [figure(d, "300 Azerbaijani soldiers")])
        assert [f.code for f in found] == ["CT002"]
        assert found[0].quote == "Armenian forces killed 300 Azerbaijani soldiers"
        assert found[0].claim_id is not None

    def test_fires_on_the_passive(self):
        d = doc("Forty tanks were destroyed by Azerbaijani artillery.\n")
        assert codes(d) == ["CT002"]

    def test_attribution_silences_it(self):
        d = doc("The Armenian side said its forces killed 300 Azerbaijani soldiers.\n")
        assert codes(d) == []
        d = doc("According to the ministry, Armenian forces killed 300 Azerbaijani soldiers.\n")
        assert codes(d) == []

    def test_no_figure_no_finding(self):
        d = doc("Armenian forces had captured the entire district in 1993.\n")
        assert codes(d) == []


class TestUnnamedSource:
    def test_fires(self):
        for text in ("Some sources say 300 died.", "It is believed that the town fell.",
                     "The commander was reportedly wounded.", "According to reports, the bridge fell."):
            assert codes(doc(text + "\n")) == ["CT003"], text

    def test_named_source_does_not_fire(self):
        for text in ("According to reports by Human Rights Watch, the bridge fell.",
                     "According to Human Rights Watch, the bridge fell.",
                     "De Waal wrote that “some sources say the town was empty”."):
            assert "CT003" not in codes(doc(text + "\n")), text

    def test_supersedes_unattributed_figure_in_the_same_sentence(self):
        d = doc("Reportedly, 300 were killed.\n")
        assert codes(d, [figure(d, "300 were killed")]) == ["CT003"]


class TestUnattributedQuotation:
    def test_fires_on_the_terter_quotation(self, terter_path):
        text = terter_path.read_text(encoding="utf-8")
        found = findings(doc(text, "terter-operation.txt"))
        assert any(f.code == "CT004" and f.quote.startswith("“The capture of the city") for f in found)

    def test_speaker_silences_it(self):
        for text in ("“We will hold the city to the last man,” the commander said.",
                     "The commander said: “We will hold the city to the last man.”",
                     "According to Aliyev, “the city will hold to the last man”.",
                     "“We will hold the city to the last man” — Heydar Aliyev"):
            assert codes(doc(text + "\n")) == [], text

    def test_short_quotes_and_titles_are_not_quotations(self):
        assert codes(doc('The "Tigran Mets" battalion attacked.\n')) == []
        assert codes(doc('His book "Black Garden: Armenia and Azerbaijan" appeared in 2003.\n')) == []


class TestSuperlative:
    def test_fires_on_kalbajar(self, kalbajar_path):
        text = kalbajar_path.read_text(encoding="utf-8")
        found = [f for f in findings(doc(text, "operation-kalbajar.txt")) if f.code == "CT005"]
        assert [f.quote for f in found] == ["the single deadliest military engagement of the war"]

    def test_loaded_words_fire_even_when_cited(self):
        d = doc("The defenders made a heroic stand.[2]\n")
        assert codes(d) == ["CT005"]

    def test_attribution_or_citation_silences_superlatives(self):
        assert codes(doc("It was the bloodiest battle of the war.[3]\n")) == []
        assert codes(doc("De Waal called it the bloodiest battle of the war.\n")) == []
        assert codes(doc("He said it was “the bloodiest battle of the war”.\n")) == []

    def test_size_superlatives_need_a_military_noun(self):
        assert codes(doc("Terter is the largest town in the district.\n")) == []
        assert codes(doc("It was the largest offensive of the war.\n")) == ["CT005"]

    def test_config_extends_the_word_list(self):
        from claims.audit import AuditConfig

        d = doc("It was an epic defence.\n")
        assert codes(d) == []
        assert codes(d, config=AuditConfig(evaluative_words=("epic",))) == ["CT005"]


def _conflict(*claims) -> KnownConflict:
    conflict = Conflict.create(rule="R-INTERVAL", severity=Severity.HIGH, claims=tuple(c.id for c in claims),
                               explanation="cannot both be true")
    return KnownConflict(conflict, tuple(claims))


class TestUndisclosedConflict:
    def test_fires(self):
        d = doc("The garrison lost 600 killed.[1]\n")
        other = doc("The garrison lost 1,500 killed.\n", "other.md")
        mine, theirs = figure(d, "600 killed", low=600), figure(other, "1,500 killed", low=1500)
        found = findings(d, [mine], conflicts=[_conflict(mine, theirs)])
        assert [f.code for f in found] == ["CT006"]
        assert "“1,500 killed” (other.md:1)" in found[0].message

    def test_disclosure_silences_it(self):
        other = doc("The garrison lost 1,500 killed.\n", "other.md")
        theirs = figure(other, "1,500 killed", low=1500)
        for text in ("The garrison lost 600 killed, a disputed figure.[1]\n",
                     "The garrison lost 600 killed; estimates vary.[1]\n",
                     "The garrison lost 600 killed.{{Disputed inline}}[1]\n"):
            d = doc(text)
            mine = figure(d, "600 killed", low=600)
            assert codes(d, [mine], conflicts=[_conflict(mine, theirs)]) == [], text

    def test_second_figure_in_the_sentence_discloses(self):
        d = doc("The garrison lost 600 killed by one count and 1,500 killed by another.[1]\n")
        a, b = figure(d, "600 killed", low=600), figure(d, "1,500 killed", low=1500)
        assert codes(d, [a, b], conflicts=[_conflict(a, b)]) == []


def _verdict(claim, verdict: Verdict, note: str = "") -> ReviewedClaim:
    annotation = Annotation(id="a1", target_kind=TargetKind.CLAIM, target_id=claim.id, verdict=verdict,
                            reviewer="ana", created_at=dt.datetime(2024, 5, 1, 12, 0), note=note)
    return ReviewedClaim(claim, annotation)


class TestReviewerDisputed:
    def test_fires_by_quote_when_the_text_moved(self):
        old = doc("The garrison lost 600 killed.[1]\n")
        new = doc("In April, the garrison lost 600 killed.[1]\n")
        stored, current = figure(old, "600 killed", low=600), figure(new, "600 killed", low=600)
        assert stored.id != current.id
        found = findings(new, [current], reviewed=[_verdict(stored, Verdict.DISPUTED, "Armenian figure")])
        assert [f.code for f in found] == ["CT007"]
        assert "marked disputed by ana on 2024-05-01 (“Armenian figure”)" in found[0].message

    def test_accepted_or_attributed_does_not_fire(self):
        d = doc("The garrison lost 600 killed.[1]\n")
        claim = figure(d, "600 killed", low=600)
        assert codes(d, [claim], reviewed=[_verdict(claim, Verdict.ACCEPTED)]) == []
        d = doc("According to the Armenian side, the garrison lost 600 killed.\n")
        claim = figure(d, "600 killed", low=600, claimant="the Armenian side")
        assert codes(d, [claim], reviewed=[_verdict(claim, Verdict.REJECTED)]) == []


class TestDroppedHedgeAndAttribution:
    def _source(self, text: str):
        return doc(text, "source.txt")

    def test_dropped_hedge(self):
        src = self._source("The garrison reportedly lost 300 killed.\n")
        src_claim = figure(src, "300 killed", hedges=(reported("reportedly"),))
        d = doc("The garrison lost 300 killed.[1]\n")
        found = findings(d, [figure(d, "300 killed")], sources=[src], source_claims=[src_claim])
        assert [f.code for f in found] == ["CT008"]
        assert "“reportedly”" in found[0].message and "source.txt:1" in found[0].message

    def test_hedge_found_in_the_source_text_when_the_claim_has_none(self):
        src = self._source("- Casualties2: Alleged: 300 killed\n")
        d = doc("The garrison lost 300 killed.[1]\n")
        found = findings(d, [figure(d, "300 killed")], sources=[src], source_claims=[figure(src, "300 killed")])
        assert [f.code for f in found] == ["CT008"]

    def test_kept_hedge_or_other_figure_does_not_fire(self):
        src = self._source("The garrison reportedly lost 300 killed.\n")
        src_claim = figure(src, "300 killed", hedges=(reported("reportedly"),))
        d = doc("The garrison is reported to have lost 300 killed.[1]\n")
        assert "CT008" not in codes(d, [figure(d, "300 killed")], sources=[src], source_claims=[src_claim])
        d = doc("The garrison lost 400 killed.[1]\n")
        assert codes(d, [figure(d, "400 killed", low=400)], sources=[src], source_claims=[src_claim]) == []

    def test_dropped_attribution(self):
        src = self._source("According to the Azerbaijani side, 600 were killed.\n")
        src_claim = figure(src, "600 were killed", low=600, claimant="the Azerbaijani side",
                           claimant_class=ClaimantClass.BELLIGERENT)
        d = doc("The garrison lost 600 killed.\n")
        found = findings(d, [figure(d, "600 killed", low=600)], sources=[src], source_claims=[src_claim])
        assert [f.code for f in found] == ["CT010"]
        assert "the Azerbaijani side" in found[0].message


class TestInheritedAttribution:
    def test_fires_once_per_sentence(self):
        d = doc("According to the Azerbaijani side, on April 16 the attack began. On April 17, 40 tanks "
                "attacked, and 12 tanks were lost.\n")
        claims = [figure(d, "40 tanks", kind=Kind.EQUIPMENT, category=Category.TANKS, low=40,
                         claimant="the Azerbaijani side", claimant_class=ClaimantClass.BELLIGERENT, inherited=True),
                  figure(d, "12 tanks", kind=Kind.EQUIPMENT, category=Category.TANKS, low=12,
                         claimant="the Azerbaijani side", claimant_class=ClaimantClass.BELLIGERENT, inherited=True)]
        found = findings(d, claims)
        assert [f.code for f in found] == ["CT009"]
        assert found[0].quote == "On April 17, 40 tanks"

    def test_not_for_scholars_or_direct_attribution(self):
        d = doc("According to de Waal, the attack began. On April 17, 40 tanks attacked.\n")
        claim = figure(d, "40 tanks", kind=Kind.EQUIPMENT, category=Category.TANKS, low=40,
                       claimant="de Waal", claimant_class=ClaimantClass.JOURNALIST, inherited=True)
        assert codes(d, [claim]) == []


def test_de_waal_sentence_is_not_flagged(kalbajar_path):
    from claims.extract import extract_document

    d = doc(kalbajar_path.read_text(encoding="utf-8"), "operation-kalbajar.txt")
    start = d.text.index("According to British journalist Thomas de Waal")
    end = d.text.index("during the offensive.", start) + len("during the offensive.")
    found = findings(d, extract_document(d))
    assert found and not [f for f in found if start <= f.start < end]
