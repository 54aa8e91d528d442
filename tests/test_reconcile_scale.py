"""Event grouping of many titles that share a word: the indexed title join groups exactly as
comparing every title with every earlier one in each bucket does."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.model import InfoboxField
from claims.reconcile import events
from claims.reconcile.events import TitleKey, group_events
from claims.reconcile.names import skeleton
from test_reconcile_fixtures import make_doc

_SYLLABLES = "ka lo mi ran tu vel sor dan pe gri ost zan bel kor ni sha vil mar".split()
_TITLES = [
    "Battle of Mount {p}", "Siege of Mount {p}", "Second Battle of Mount {p}", "Battle of Mount {p} ({y})",
    "Battle of Mount {p} explained", "Mount {p} offensive", "Battle of Mount", "Battle of {p}",
]


def _place(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _respelled(place: str, rng: random.Random) -> str:
    """The place with one vowel changed (`Kalosor` / `Kelosor`) or split in two (`Kalo Sor`): one
    skeleton, a similar name."""
    if rng.random() < 0.3:
        return place[:4] + " " + place[4:].capitalize()
    vowels = [i for i, c in enumerate(place) if c.lower() in "aeiou"]
    i = rng.choice(vowels)
    return place[:i] + rng.choice("aeiou".replace(place[i].lower(), "")) + place[i + 1:]


def shared_word_collection(n: int, seed: int) -> list:
    """``n`` documents titled `... Mount X ...`: distinct places, respellings, subtitles, ordinals,
    years that overlap and years that do not, and some with a second title in the infobox."""
    rng = random.Random(seed)
    places = [_place(rng) for _ in range(n // 3)]
    documents = []
    for i in range(n):
        place = rng.choice(places)
        if rng.random() < 0.2:
            place = _respelled(place, rng)
        year = rng.randint(1990, 2000)
        infobox = []
        if rng.random() < 0.4:
            infobox.append(InfoboxField(key="Date", label="Date", value=str(year), start=0, end=0, line=0))
        if rng.random() < 0.2:
            conflict = rng.choice(_TITLES).format(p=_place(rng), y=year)
            infobox.append(InfoboxField(key="Conflict", label="Conflict", value=conflict, start=0, end=0, line=0))
        title = rng.choice(_TITLES).format(p=place, y=year)
        text = f"Fighting near {place} in {year}. {place} fell." if rng.random() < 0.5 else ""
        documents.append(make_doc(f"d{i:04d}", title, text, infobox=infobox))
    return documents


def _join_titles_pairwise(g, evidence, by_id) -> None:
    """The definition the index must match: in each bucket of title words, each title against
    every earlier one, in order."""
    buckets = defaultdict(list)
    for doc_id, ev in evidence.items():
        for tk in ev.keys:
            words = [w for w in tk.core.split() if len(w) >= 4] or tk.core.split()[:1]
            for w in {skeleton(w) for w in words}:
                buckets[w].append((doc_id, tk))
            buckets["=" + skeleton(tk.core)].append((doc_id, tk))
    for key in sorted(buckets):
        members = buckets[key]
        for j, (db, kb) in enumerate(members):
            for da, ka in members[:j]:
                if da != db and g.find(da) != g.find(db) and ka.same_event(kb) and g.years_fit(da, db):
                    g.union(da, db, events._titles_why(by_id[da], by_id[db]))


def _grouping(documents) -> list[tuple]:
    return [(e.name, e.documents, e.why) for e in group_events(documents)]


@pytest.mark.parametrize("seed", range(4))
def test_titles_sharing_a_word_group_as_comparing_every_pair(seed: int, monkeypatch) -> None:
    documents = shared_word_collection(300, seed)
    indexed = _grouping(documents)
    monkeypatch.setattr(events, "_join_titles", _join_titles_pairwise)
    assert indexed == _grouping(documents)
    assert any(len(documents) > 1 for _, documents, _ in indexed)


_years = st.one_of(st.none(), st.tuples(st.integers(1990, 1995), st.integers(0, 2)).map(lambda y: (y[0], y[0] + y[1])))
title_keys = st.builds(
    TitleKey,
    core=st.sampled_from(["kala", "kalla", "kela", "mount kala", "mount kala road", "mount", "dien bien phu",
                          "dienbien phu", ""]),
    ordinal=st.one_of(st.none(), st.integers(1, 2)),
    years=_years,
    article=st.just(""),
)


@given(title_keys, title_keys, title_keys)
def test_a_title_covering_another_names_one_event_with_all_it_does(a: TitleKey, b: TitleKey, c: TitleKey) -> None:
    if a.covers(b) and b.same_event(c):
        assert a.same_event(c)
