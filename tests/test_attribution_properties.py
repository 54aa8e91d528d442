"""Properties of attribution, built from the lexicon: any source, cue and figure, in any of the
orders news and encyclopedias write them, gives the figure that source and no other.

Sources are invented (no real party or person), cues and nouns come from the lexicon files, so
a new word in the lexicon is tested here without a new test.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extract import extract_document
from claims.lexicon import lexicon
from claims.model import Kind
from claims.readers import read_text

FIGURE_KINDS = {Kind.CASUALTIES, Kind.STRENGTH, Kind.EQUIPMENT, Kind.CAPTURED, Kind.DISPLACED}
LX = lexicon()

# Past-tense reporting verbs that take a clause (`X said ...`), from the lexicon.
CUES = sorted(
    form for form, cue in LX.cue_verbs.items()
    if cue.type in ("assert", "claim", "confirm") and cue.lemma not in ("put", "tell", "show", "tweet", "inform")
    and (form.endswith("ed") or form in ("said", "wrote")) and " " not in form
)
PLACES = ["Ostland", "Velmar", "Dorvia", "Kessel", "Tarnow"]
HEADS = ["ministry", "army", "command", "observatory", "agency", "government", "general staff", "monitoring group"]
TITLES = ["Colonel", "General", "Major", "Commander", "spokesman"]
FIRST = ["Arlo", "Ilse", "Anton", "Mira", "Oskar"]
LAST = ["Penn", "Varn", "Brask", "Tosk", "Duhl"]
TROOPS = sorted(w for w, s in LX.nouns.items() if s.group == "people" and s.category == "troops"
                and w in {"soldiers", "troops", "fighters", "servicemen", "militants", "rebels", "marines"})
PREDICATES = ["were killed", "were wounded", "were captured", "died", "were taken prisoner", "surrendered"]


@st.composite
def sources(draw) -> str:
    if draw(st.booleans()):
        return f"the {draw(st.sampled_from(PLACES))} {draw(st.sampled_from(HEADS))}"
    return f"{draw(st.sampled_from(TITLES)).capitalize()} {draw(st.sampled_from(FIRST))} {draw(st.sampled_from(LAST))}"


@st.composite
def figures(draw) -> tuple[str, str]:
    n = draw(st.integers(min_value=2, max_value=90_000))
    number = f"{n:,}"
    return number, f"{number} {draw(st.sampled_from(TROOPS))} {draw(st.sampled_from(PREDICATES))}"


ORDERS = [
    "{S} {C} that {F}.",
    "{S} {C} {F}.",
    "{F}, {s} {C}.",
    "{F}, {s} {C} on Tuesday.",
    "According to {s}, {F}.",
    "{F}, according to {s}.",
    "“{F},” {s} {C}.",
    # circumstances after the cue, how the statement was published, a relayed speaker
    "{F}, {s} {C} on the air of the national telethon.",
    "{F}, {s} {C} by telephone from the front line.",
    "{S} {C} in a statement posted online that {F}.",
    "{S} was quoted by the Valley Courier as saying that {F}.",
    "According to a statement from {s}, {F}.",
    "{F}, {s} {C} on Sunday, while the Tarnow garrison put the toll at 12.",
    # an aside between dashes, a participle clause after the source, a time before the cue
    "{F} — {s} {C} — in the attack on the bridge.",
    "{F}, {s} {C} in its daily update, bringing the total since March to 1.",
    "{S} on Thursday {C} that {F}.",
]


def _claim_of(text: str, number: str):
    document = read_text("A report\n\n" + text + "\n", "story.txt")
    hits = [c for c in extract_document(document) if c.kind in FIGURE_KINDS and number in c.span.quote]
    assert hits, (text, number)
    return hits[0]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=sources(), cue=st.sampled_from(CUES), figure=figures(), order=st.sampled_from(ORDERS))
def test_any_source_cue_and_figure_in_any_order_gives_that_source(source, cue, figure, order) -> None:
    number, phrase = figure
    text = order.format(S=source[0].upper() + source[1:], s=source, C=cue, F=phrase[0].upper() + phrase[1:]
                        if order.startswith("{F}") or order.startswith("“{F}") else phrase)
    claim = _claim_of(text, number)
    assert (claim.attribution.claimant or "").lower() == source.lower(), (text, claim.attribution)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=sources(), second=sources(), cues=st.tuples(st.sampled_from(CUES), st.sampled_from(CUES)),
       figs=st.tuples(figures(), figures()), joiner=st.sampled_from([", while", ", but", "; meanwhile", ", whereas"]))
def test_two_statements_in_one_sentence_keep_their_own_sources(first, second, cues, figs, joiner) -> None:
    (n1, f1), (n2, f2) = figs
    if n1 == n2 or first.lower() == second.lower():
        return
    text = f"{first[0].upper() + first[1:]} {cues[0]} {f1}{joiner} {second} {cues[1]} {f2}."
    document = read_text("A report\n\n" + text + "\n", "story.txt")
    claims = [c for c in extract_document(document) if c.kind in FIGURE_KINDS]
    by_number = {c.span.quote.split()[0]: c for c in claims}
    assert (by_number[n1].attribution.claimant or "").lower() == first.lower(), text
    assert (by_number[n2].attribution.claimant or "").lower() == second.lower(), text
    # No figure gets a source whose content span does not hold it.
    for c in claims:
        a = c.attribution
        if a.content_span is not None and a.claimant and not a.inherited:
            assert a.content_span[0] <= c.span.start and c.span.end <= a.content_span[1] + 1, (text, c.span.quote)


# Unnamed sources from the lexicon: the words the text uses, of class `unnamed`, never a name.
UNNAMED_MODIFIERS = sorted(w for w in LX.unnamed_modifiers if w not in ("the", "a", "an", "these", "those", "two", "three"))
# (not the nouns that are no source at all after a number or a cue: `told reporters`, `3 soldiers`)
UNNAMED_HEADS = sorted(w for w in LX.unnamed_heads if w.endswith("s") and w not in (
    "reports", "estimates", "accounts", "figures", "data", "rumours", "rumors", "others", "people", "journalists",
    "reporters"))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(modifier=st.sampled_from(UNNAMED_MODIFIERS), head=st.sampled_from(UNNAMED_HEADS), figure=figures(),
       order=st.sampled_from(["{F}, {s} said.", "{S} said {F}.", "{F}, according to {s}."]))
def test_an_unnamed_source_is_its_own_words_and_names_nobody(modifier, head, figure, order) -> None:
    number, phrase = figure
    source = f"{modifier} {head}"
    text = order.format(S=source[0].upper() + source[1:], s=source, F=phrase[0].upper() + phrase[1:]
                        if order.startswith("{F}") else phrase)
    claim = _claim_of(text, number)
    assert (claim.attribution.claimant or "").lower() == source, (text, claim.attribution)
    assert claim.attribution.claimant_class.value == "unnamed" and claim.attribution.claimant_side is None
    assert any(h.kind.value == "unnamed_source" for h in claim.hedges), text
