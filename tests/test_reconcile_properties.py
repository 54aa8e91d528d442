"""Properties of the reconciler: order independence, locality, and no conflict with oneself."""

from __future__ import annotations

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.model import Category, Kind, Outcome, Qualifier
from claims.reconcile import reconcile
from test_reconcile_fixtures import claim, make_doc, q, seeds

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

qualifiers = st.sampled_from([Qualifier.EXACT, Qualifier.APPROX, Qualifier.AT_LEAST, Qualifier.AT_MOST, Qualifier.RANGE])


@st.composite
def figure_sets(draw):
    n = draw(st.integers(2, 7))
    parts, values = [], []
    for i in range(n):
        low = draw(st.integers(1, 20000))
        qual = draw(qualifiers)
        high = low + draw(st.integers(1, 5000)) if qual is Qualifier.RANGE else None
        token = f"F{i}X"
        parts.append(token)
        values.append((token, qual, low, high, draw(st.sampled_from([1, 2])), draw(st.booleans())))
    text = "Figures: " + " ; ".join(parts) + "\n"
    doc = make_doc("h", "Battle of Foo", text, belligerents=("Northland", "Southland"))
    claims = [claim(doc, token, Kind.CASUALTIES, q(low, high, qual, Category.KILLED), column=col,
                    field="Casualties" if infobox else None, claimant=None)
              for token, qual, low, high, col, infobox in values]
    return doc, claims


@SETTINGS
@given(figure_sets(), st.randoms())
def test_order_independent(data, rnd) -> None:
    doc, claims = data
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    assert reconcile([doc], claims) == reconcile([doc], shuffled)


@SETTINGS
@given(figure_sets())
def test_unrelated_document_changes_nothing(data) -> None:
    doc, claims = data
    seed_docs, seed_claims = seeds()
    alone = reconcile([doc], claims)
    together = reconcile([doc, *seed_docs], claims + seed_claims)
    seed_only = reconcile(seed_docs, seed_claims)
    assert sorted(alone + seed_only, key=lambda k: k.id) == sorted(together, key=lambda k: k.id)


@SETTINGS
@given(figure_sets())
def test_never_conflicts_with_itself_or_a_restatement(data) -> None:
    doc, claims = data
    one = claims[0]
    assert reconcile([doc], [one]) == [] or all(k.rule == "R-ENEMY-LOSS-UNATTRIBUTED" for k in reconcile([doc], [one]))
    # An identical restatement in a second copy of the article.
    copy = make_doc("h2", doc.title, doc.text, belligerents=doc.belligerents)
    twin = attrs.evolve(one, id=one.id + "_copy", document=copy.id, span=attrs.evolve(one.span, document=copy.id))
    found = reconcile([doc, copy], [one, twin])
    assert not [k for k in found if k.outcome in (Outcome.CONFLICT, Outcome.INDETERMINATE)
                and one.id in k.claims and twin.id in k.claims]
    assert reconcile([doc], [one, one]) == reconcile([doc], [one])
