"""Re-anchoring without SQLite: edits never move an annotation to another statement or lose it."""

from __future__ import annotations

import time
from pathlib import Path

from edit_helpers import Replacement, apply_edits, check_reanchoring, random_edit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_helpers import figure_claims, make_claim

from claims.api import ingest_documents, new_annotation, open_store
from claims.extract import extract_document
from claims.model import Anchor, Claim, Kind, Verdict
from claims.pipeline import load_paths
from claims.readers import read_path, read_text
from claims.review.matching import Method, anchor_in, reanchor

NAMES = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta"]
FIGURES = ["600", "700", "2,000", "45"]
TEMPLATES = [
    "In the {name} sector, {n} killed were reported. ",
    "According to the {name} side, {n} killed. ",
    "- Casualties {name}: {n} killed\n",
]


def build(sentences: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """The text of (identity, sentence) pairs and each sentence's range with its identity."""
    text, ranges = "", []
    for identity, sentence in sentences:
        ranges.append((len(text), len(text) + len(sentence), identity))
        text += sentence
    return text, ranges


def identity_at(ranges: list[tuple[int, int, str]], position: int) -> str:
    return next(identity for start, end, identity in ranges if start <= position < end)


def anchors_of(text: str) -> tuple[list, list[tuple[str, Anchor]]]:
    claims = figure_claims("d", text)
    return claims, [(c.id, anchor_in(c, text)) for c in claims]


@st.composite
def documents(draw: st.DrawFn) -> list[tuple[str, str]]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=2, max_size=6, unique=True))
    template = draw(st.sampled_from(TEMPLATES))
    mixed = draw(st.booleans())
    sentences = []
    for name in names:
        chosen = draw(st.sampled_from(TEMPLATES)) if mixed else template
        sentences.append((name, chosen.format(name=name, n=draw(st.sampled_from(FIGURES)))))
    return sentences


FILLERS = st.sampled_from(
    [
        "The weather was cold. ",
        "Reports differ on this point, and some put it higher. ",
        "In the Omega sector, 600 killed were reported. ",
        "- Casualties Omega: 700 killed\n",
        "x",
    ]
)


@st.composite
def edits(draw: st.DrawFn) -> tuple[list[tuple[str, str]], list[tuple[str, str]], str, int]:
    """An old document, the edited one, the edit's name and the sentence it touched."""
    old = draw(documents())
    k = draw(st.integers(0, len(old) - 1))
    op = draw(st.sampled_from(["insert_before", "insert_after", "figure", "delete", "duplicate"]))
    new = list(old)
    identity, sentence = old[k]
    if op == "insert_before":
        new.insert(k, ("filler", draw(FILLERS)))
    elif op == "insert_after":
        new.insert(k + 1, ("filler", draw(FILLERS)))
    elif op == "figure":
        figure = next(f for f in FIGURES if f + " killed" in sentence)
        replacement = draw(st.sampled_from([f for f in [*FIGURES, "750", "1,250"] if f != figure]))
        new[k] = (identity, sentence.replace(figure + " killed", replacement + " killed"))
    elif op == "delete":
        del new[k]
    else:
        new.insert(draw(st.integers(0, len(new))), (identity, sentence))
    if draw(st.booleans()):
        new.insert(0, ("filler", "Preamble added by an editor. "))
    return old, new, op, k


@settings(max_examples=200, deadline=None)
@given(edits())
def test_edits_never_move_an_annotation_to_another_statement(case) -> None:
    old_sentences, new_sentences, op, k = case
    old_text, old_ranges = build(old_sentences)
    new_text, new_ranges = build(new_sentences)
    old_claims, anchors = anchors_of(old_text)
    new_claims = figure_claims("d", new_text)
    new_by_id = {c.id: c for c in new_claims}

    results = reanchor(anchors, new_claims, new_text)

    assert [r.key for r in results] == [key for key, _ in anchors]
    targets = [r.claim_id for r in results if r.claim_id is not None]
    assert len(targets) == len(set(targets)), "two statements landed on one claim"
    edited = old_sentences[k][0]
    for (_, anchor), claim, result in zip(anchors, old_claims, results):
        assert (result.claim_id is None) == (result.method is Method.ORPHANED)
        identity = identity_at(old_ranges, claim.span.start)
        if result.claim_id is not None:
            moved_to = new_by_id[result.claim_id]
            assert identity_at(new_ranges, moved_to.span.start) == identity, "attached elsewhere"
            if result.method is not Method.FUZZY:
                assert moved_to.span.quote == claim.span.quote
        if identity == edited and op == "delete":
            assert result.claim_id is None
        elif identity == edited and op == "figure":
            assert result.method in (Method.FUZZY, Method.ORPHANED)
        elif anchor.prefix + anchor.quote + anchor.suffix in new_text:
            assert result.method in (Method.EXACT, Method.QUOTE), f"{identity} was lost after {op}"


def test_insertion_before_moves_the_claim_exactly() -> None:
    text = "The first reports came in late. In the north, 600 killed were reported. In the south, 700 killed."
    edited = "A new opening sentence. " + text
    _, anchors = anchors_of(text)
    results = reanchor(anchors, figure_claims("d", edited), edited)
    assert [r.method for r in results] == [Method.EXACT, Method.EXACT]
    assert [r.score for r in results] == [1.0, 1.0]


def test_edited_figure_with_the_same_context_is_a_fuzzy_match_with_a_score() -> None:
    text = "- Casualties2: 600 killed\n- Date: April 1994\n"
    edited = text.replace("600", "700")
    _, anchors = anchors_of(text)
    (result,) = reanchor(anchors, figure_claims("d", edited), edited)
    assert result.method is Method.FUZZY
    assert 0.75 <= result.score < 1.0


def test_deleted_line_is_orphaned_even_when_a_neighbour_says_the_same() -> None:
    text = (
        "- Strength1: 3,500 killed in the first assault\n"
        "- Casualties1: 600 killed\n- Casualties2: 600 killed\n"
        "- Date: April 1994\nIn the end, 45 killed were counted in the village.\n"
    )
    edited = text.replace("- Casualties2: 600 killed\n", "")
    claims, anchors = anchors_of(text)
    new_claims = figure_claims("d", edited)
    results = reanchor(anchors, new_claims, edited)
    assert results[1].claim_id == new_claims[1].id
    assert results[2].claim_id is None and results[2].method is Method.ORPHANED


def test_a_deleted_sentence_never_hands_its_annotation_to_a_look_alike() -> None:
    text = "According to the Zeta side, 600 killed. According to the Beta side, 600 killed. "
    edited = "According to the Zeta side, 600 killed. "
    _, anchors = anchors_of(text)
    new_claims = figure_claims("d", edited)
    results = reanchor(anchors, new_claims, edited)
    assert results[0].claim_id in (None, new_claims[0].id)
    assert results[1].method is Method.ORPHANED


def test_duplicated_text_gives_the_annotation_one_copy_the_one_with_its_context() -> None:
    text = "Intro. In the north, 600 killed were reported. End."
    edited = "Intro. In the north, 600 killed were reported. Elsewhere: 600 killed. End."
    _, anchors = anchors_of(text)
    new_claims = figure_claims("d", edited)
    (result,) = reanchor(anchors, new_claims, edited)
    assert result.claim_id == new_claims[0].id


def test_a_claim_of_another_kind_is_never_taken() -> None:
    text = "In the north, 600 killed were reported."
    _, anchors = anchors_of(text)
    other = make_claim("d", text, 14, 24, kind=Kind.STRENGTH)
    (result,) = reanchor(anchors, [other], text)
    assert result.method is Method.ORPHANED


def test_leftover_anchors_take_claimed_claims_only_when_exact() -> None:
    text = "In the north, 600 killed were reported. In the south, 600 killed."
    claims = figure_claims("d", text)
    stale = Anchor("d", "600 killed", "In the nort, ", " were reported.", 13, 23, Kind.CASUALTIES)
    exact = anchor_in(claims[0], text)
    results = reanchor([("stale", stale), ("exact", exact)], claims, text, claimed={claims[0].id})
    assert results[0].claim_id != claims[0].id
    assert results[1].claim_id == claims[0].id


def test_equal_anchors_share_one_result() -> None:
    text = "In the north, 600 killed were reported."
    _, anchors = anchors_of(text)
    results = reanchor([("a", anchors[0][1]), ("b", anchors[0][1])], figure_claims("d", text), text)
    assert results[0].claim_id == results[1].claim_id is not None


def test_matching_a_large_document_stays_fast() -> None:
    sentences = [f"In sector {i}, {i * 7 % 900 + 100} killed were reported. " for i in range(4000)]
    text = "".join(sentences)
    edited = "".join(sentences[:2000] + ["An inserted paragraph. "] + sentences[2001:])
    edited = edited.replace("killed were reported. In sector 3000,", "killed, they said. In sector 3000,")
    _, anchors = anchors_of(text)
    new_claims = figure_claims("d", edited)
    began = time.perf_counter()
    results = reanchor(anchors, new_claims, edited)
    assert time.perf_counter() - began < 3.0
    assert sum(r.method is Method.ORPHANED for r in results) == 1


# -- real extraction: structure first, an assignment, never another statement -------------------

FIXTURES = Path(__file__).parent / "fixtures" / "reanchor"
ORLEN = FIXTURES / "battle-of-orlen.txt"
VESSA = FIXTURES / "siege-of-vessa.txt"
ISSUE_LINE = "Killed: 169, Wounded: 947, MIA: 1, Killed: 11, Wounded: 227, MIA: 3"


def versions(db: str, tmp_path: Path, text: str, edited: str) -> tuple[str, str, str]:
    """The store ``db`` and an article file (one id for both versions) holding ``text`` first."""
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    return db, text, edited


def ingest_file(store, path: Path):
    loaded = load_paths([str(path)])
    return ingest_documents(store, loaded.documents, loaded.claims)


def by_quote(store, quote: str, field_prefix: str = "Casualties1") -> Claim:
    found = [c for c in store.claims() if c.span.quote == quote and (c.field or "").startswith(field_prefix)]
    assert len(found) == 1, (quote, found)
    return found[0]


def test_the_issue_case_orphans_the_deleted_figure_and_keeps_the_other(db: str, tmp_path: Path) -> None:
    text = ORLEN.read_text(encoding="utf-8")
    assert ISSUE_LINE in text
    db, _, edited = versions(db, tmp_path, text, text.replace(ISSUE_LINE, "Killed: 11, Wounded: 227"))
    article = tmp_path / "article.txt"
    with open_store(db) as store:
        ingest_file(store, article)
        k169, k11 = by_quote(store, "Killed: 169"), by_quote(store, "Killed: 11")
        rejected = new_annotation(k169, Verdict.REJECTED, "ana")
        override = new_annotation(k169, Verdict.CONFIDENCE, "ana", confidence_override=0.1, override_reason="typo")
        accepted = new_annotation(k11, Verdict.ACCEPTED, "ben", note="matches the ministry")
        for annotation in (rejected, override, accepted):
            store.annotate(annotation)
        article.write_text(edited, encoding="utf-8")
        summary = ingest_file(store, article)
        moved = store.current_targets()
        new11 = by_quote(store, "Killed: 11")
        assert moved.get(accepted.id, accepted.target_id) == new11.id
        assert moved[rejected.id] is None and moved[override.id] is None
        assert {a.id for a in store.orphaned_annotations()} == {rejected.id, override.id}
        assert not any(c.confidence.overridden for c in store.claims())
        assert store.current_verdicts()[new11.id].id == accepted.id
    report = summary.reanchor
    assert report.orphaned == 2 and report.fuzzy == 0
    orphans = [c for c in report.changes if c.method is Method.ORPHANED]
    assert {(c.verdict, c.old_quote) for c in orphans} == {("rejected", "Killed: 169"), ("confidence", "Killed: 169")}


def test_an_override_follows_its_annotation_and_is_in_force_where_it_lands(db: str, tmp_path: Path) -> None:
    text = ORLEN.read_text(encoding="utf-8")
    edited = text.replace("- Casualties1:", "- Strength3: 2,000 reservists\n- Casualties1:")
    db, _, _ = versions(db, tmp_path, text, edited)
    article = tmp_path / "article.txt"
    with open_store(db) as store:
        ingest_file(store, article)
        k11 = by_quote(store, "Killed: 11")
        store.annotate(new_annotation(k11, Verdict.CONFIDENCE, "ana", confidence_override=0.15, override_reason="x"))
        assert store.claim(k11.id).confidence.overridden
        article.write_text(edited, encoding="utf-8")
        ingest_file(store, article)
        now = by_quote(store, "Killed: 11")
        assert now.id != k11.id
        assert now.confidence.overridden and now.confidence.score == 0.15
        assert now.confidence.reasons[0].startswith("Reviewer ana set confidence to 0.15")
        assert [c.id for c in store.claims() if c.confidence.overridden] == [now.id]


def test_a_commander_whose_rank_changed_keeps_the_annotation_as_a_changed_statement(db: str, tmp_path: Path) -> None:
    text = VESSA.read_text(encoding="utf-8")
    edited = text.replace("Colonel Mile Dorn", "Mile Dorn")
    db, _, _ = versions(db, tmp_path, text, edited)
    article = tmp_path / "article.txt"
    with open_store(db) as store:
        ingest_file(store, article)
        dorn = by_quote(store, "Colonel Mile Dorn", "Commanders")
        store.annotate(new_annotation(dorn, Verdict.ACCEPTED, "ana"))
        article.write_text(edited, encoding="utf-8")
        summary = ingest_file(store, article)
        (change,) = summary.reanchor.changes
        assert (change.method, change.old_quote, change.new_quote) == (Method.FUZZY, "Colonel Mile Dorn", "Mile Dorn")
        assert store.current_verdicts()[change.claim_id].verdict is Verdict.ACCEPTED


def test_a_figure_still_present_elsewhere_is_never_taken_for_an_edit(db: str, tmp_path: Path) -> None:
    text = VESSA.read_text(encoding="utf-8")
    # The two casualty rows swap: each figure is now in the other column.
    first = "6-8,000 soldiers killed, around 400 tanks and APCs destroyed, 20 planes shot down |"
    second = "1,100 soldiers killed, 2,600 soldiers missing |"
    edited = text.replace(first, "@").replace(second, first).replace("@", second)
    db, _, _ = versions(db, tmp_path, text, edited)
    article = tmp_path / "article.txt"
    with open_store(db) as store:
        ingest_file(store, article)
        killed = by_quote(store, "6-8,000 soldiers killed", "Casualties")
        disputed = new_annotation(killed, Verdict.DISPUTED, "ana")
        store.annotate(disputed)
        article.write_text(edited, encoding="utf-8")
        ingest_file(store, article)
        target = store.current_targets().get(disputed.id, disputed.target_id)
        now = store.claim(target) if target is not None else None
        assert now is None or now.span.quote == "6-8,000 soldiers killed"


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from([ORLEN, VESSA]), st.randoms(use_true_random=False), st.integers(1, 3))
def test_random_edits_of_real_documents_never_attach_to_another_statement(path: Path, rng, count: int) -> None:
    document = read_path(path)
    claims = _claims_of(path)
    edited = random_edit(document, claims, rng, count)
    outcome = check_reanchoring(document, edited, old_claims=claims)
    assert not outcome.wrong, outcome.wrong
    assert outcome.kept >= outcome.eligible - 2, edited.description


def test_a_re_spaced_copy_of_the_sentence_is_the_same_statement() -> None:
    """The figure is changed where it stands and a copy of its old sentence, re-spaced, is
    inserted after it: the copy says the same thing word for word in the same sentence, so the
    annotation may go to it; it never goes to another statement."""
    sentence = 'And 712 fighters were killed, including 23 who  "blew themselves up," the group said.'
    text = f"= Siege =\n\n==Battle==\nThe town lies on the river.\n{sentence}\nThe siege ended in May.\n"
    document = read_text(text, "siege.txt")
    claims = extract_document(document)
    old = next(c for c in claims if c.span.quote.startswith("23 who"))
    copy_at = text.index("The siege")
    figure = text.index("23 who")
    edited = apply_edits(text, [Replacement(figure, figure + 2, ("99",)),
                                Replacement(copy_at, copy_at, (" ".join(sentence.split()) + "\n",))],
                         "change the figure, insert a re-spaced copy")
    outcome = check_reanchoring(document, edited, old_claims=claims)
    assert not outcome.wrong, outcome.wrong
    assert outcome.orphaned < len(claims), "the unchanged statements keep their annotations"
    assert old.span.quote == '23 who  "blew themselves up'


_EXTRACTED: dict[Path, list] = {}


def _claims_of(path: Path) -> list:
    if path not in _EXTRACTED:
        _EXTRACTED[path] = extract_document(read_path(path))
    return _EXTRACTED[path]
