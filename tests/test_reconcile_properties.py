"""Properties of the reconciler: order independence, locality, and no conflict with oneself."""

from __future__ import annotations

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.model import Category, Kind, Outcome, Qualifier
from claims.reconcile import reconcile
from claims.reconcile.names import fold, fold_words
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


# --- several documents: grouping, sides, disputes ------------------------------------------------

TITLES = ["Battle of Foo", "Siege of Foo", "Battle of Foo (reports)", "Battle of Bar"]
SCOPES = ["", " on Sunday", " in entire Westland", " peacekeepers", " overnight"]
CATEGORIES = [Category.KILLED, Category.WOUNDED, Category.KILLED_OR_MISSING]


@st.composite
def collections(draw):
    """Two to four documents about one or two battles, each with a few figures for either side,
    in the infobox or the prose, with or without a claimant and a scope word."""
    from claims.model import ClaimantClass

    n_docs = draw(st.integers(2, 4))
    docs, claims = [], []
    shared = "The fighting went on near the river for three days and the town changed hands twice. " * 3
    for d in range(n_docs):
        parts, values = [], []
        for i in range(draw(st.integers(1, 5))):
            low = draw(st.integers(1, 3000))
            qual = draw(qualifiers)
            high = low + draw(st.integers(1, 500)) if qual is Qualifier.RANGE else None
            token = f"D{d}F{i}X{draw(st.sampled_from(SCOPES))}"
            parts.append(token)
            values.append((token, qual, low, high, draw(st.sampled_from([1, 2, None])), draw(st.booleans()),
                           draw(st.sampled_from([None, "the ministry", "HRW"])), draw(st.sampled_from(CATEGORIES))))
        text = (shared if draw(st.booleans()) else "") + "Figures: " + " ; ".join(parts) + "\n"
        doc = make_doc(f"d{d}.txt", draw(st.sampled_from(TITLES)), text, belligerents=("Northland", "Southland"))
        docs.append(doc)
        for token, qual, low, high, col, infobox, claimant, category in values:
            claims.append(claim(
                doc, token.split(" ")[0], Kind.CASUALTIES, q(low, high, qual, category), column=col,
                side_name=None if col else draw(st.sampled_from([None, "Northland", "Southland"])),
                field="Casualties" if infobox and col else None, claimant=claimant,
                claimant_class=ClaimantClass.NGO if claimant else ClaimantClass.NONE))
    return docs, claims


@SETTINGS
@given(collections(), st.randoms())
def test_order_of_documents_and_claims_does_not_matter(data, rnd) -> None:
    docs, claims = data
    shuffled_docs, shuffled_claims = list(docs), list(claims)
    rnd.shuffle(shuffled_docs)
    rnd.shuffle(shuffled_claims)
    assert reconcile(docs, claims) == reconcile(shuffled_docs, shuffled_claims)


@SETTINGS
@given(collections())
def test_a_disputes_estimates_share_event_side_kind_category_and_scope(data) -> None:
    from claims.model import Relation
    from claims.reconcile import build_context, disagreements
    from claims.reconcile.index import inferred_side, quantity_buckets
    from claims.reconcile.intervals import claim_strict
    from claims.reconcile.scopes import scope

    docs, claims = data
    ctx = build_context(docs, claims)
    quantity_buckets(ctx)
    placed = inferred_side(ctx)
    for k in reconcile(docs, claims):
        d = k.dispute
        if d is None:
            continue
        members = [ctx.claims[c] for e in d.estimates for c in e.claims]
        assert len(members) == len({c.id for c in members}) == len(k.claims)  # no claim in two estimates
        assert {ctx.event(c).id for c in members} == {d.event}
        assert {placed.get(c.id, ctx.sides[c.id]) for c in members} == {d.side}
        assert {(c.kind, c.value.category, c.value.lost) for c in members} == {(d.kind, d.category, d.lost)}
        assert {scope(c, ctx) for c in members} == {d.scope}
        for p in d.pairs:
            assert p.a != p.b
            if p.relation is Relation.CLASH:  # figures that cannot both be true do not overlap as stated
                a, b = ctx.claims[d.estimates[p.a].claims[0]], ctx.claims[d.estimates[p.b].claims[0]]
                assert not claim_strict(a).overlaps(claim_strict(b))
        for part in disagreements(k):
            assert set(part.claims) <= set(k.claims)


@SETTINGS
@given(collections())
def test_a_restatement_in_a_copy_never_conflicts_with_its_original(data) -> None:
    from claims.reconcile import disagreements

    docs, claims = data
    original = docs[0]
    copy = make_doc("copy.txt", original.title, original.text + "\nFrom Wikipedia, the free encyclopedia\n",
                    belligerents=original.belligerents)
    first = attrs.evolve(original, text=original.text + "\nFrom Wikipedia, the free encyclopedia\n")
    twins = [attrs.evolve(c, id=c.id + "_copy", document=copy.id, span=attrs.evolve(c.span, document=copy.id))
             for c in claims if c.document == original.id]
    found = reconcile([first, *docs[1:], copy], claims + twins)
    for k in found:
        for part in disagreements(k):
            for twin in twins:
                assert not {twin.id, twin.id.removesuffix("_copy")} <= set(part.claims)


@SETTINGS
@given(collections())
def test_a_document_about_another_event_changes_nothing(data) -> None:
    docs, claims = data
    seed_docs, seed_claims = seeds()
    alone = reconcile(docs, claims)
    together = reconcile([*docs, *seed_docs], claims + seed_claims)
    seed_only = reconcile(seed_docs, seed_claims)
    assert sorted(alone + seed_only, key=lambda k: k.id) == sorted(together, key=lambda k: k.id)


@given(st.text(alphabet=st.sampled_from(list("abcdzhxyKkIiSs  \t\n-'’.,əıİſ\u212aéÉ\u0301ﬁ¨ΣσςΑ")), max_size=60))
def test_folding_word_by_word_is_folding_the_whole_text(text: str) -> None:
    assert fold_words(text) == fold(text).split()


@given(st.lists(st.sampled_from(["Wikipedia", "wIkIpedia", "old Revision of", "oldid=12", "revision as of",
                                 "from WIKIPEDIA, the free encyclopedia", "This is an old revision of this page",
                                 "text copied from wikipedia", "wİkipedia", "\u212aelvin", "ſ", "x", " ", "\n"]),
                max_size=12).map("".join))
def test_the_copy_notice_shortcut_agrees_with_the_patterns(text: str) -> None:
    from claims.reconcile.lineage import _REVISION, _WIKI_COPY, _declares_copy

    assert _declares_copy(text) == bool(_WIKI_COPY.search(text) or _REVISION.search(text))
    assert _declares_copy(text, revision=False) == bool(_WIKI_COPY.search(text))
