"""Group documents into events: only claims about one event are ever compared.

Two documents describe the same event when their titles name the same place or operation
once the kind of engagement (`Battle of`, `Capture of`, `Siege of`, `Operation`), ordinals that
are missing on one side, years and transliteration are set aside (`Operation Kalbajar` and
`Kelbajar offensive`), and their years overlap when both give years. A user override (document
-> event name) always wins. Within an event, documents whose full titles also match are
*versions of one article* (revisions, mirrors): they count as one source, and their
disagreements are version drift.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from attrs import frozen

from claims.model import Claim, Document, DocumentFormat, Kind, UncertainDate, stable_id
from claims.reconcile.names import fold, similar, skeleton

ALL_DOCUMENTS = "*"
"""A grouping key that puts every document into the named event (`--event NAME`)."""

_ENGAGEMENT = (
    "battle battles siege capture fall liberation operation offensive counteroffensive "
    "counter assault storming defence defense raid encirclement recapture relief attack "
    "campaign engagement fighting"
).split()
_ENGAGEMENT_FOLDED = frozenset(fold(w) for w in _ENGAGEMENT)
_FILLER = frozenset("of for at on the in a an by to".split())
_ORDINALS_RAW = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
}
_ORDINALS = {fold(k): v for k, v in _ORDINALS_RAW.items()}
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)(?:\s*[-–]\s*(\d\d)\b)?")
_PAREN = re.compile(r"\([^)]*\)")


@frozen
class Event:
    """Documents about one event, and the groups of them that are versions of one article."""

    id: str
    name: str
    documents: tuple[str, ...]
    versions: tuple[tuple[str, ...], ...] = ()

    def version_group(self, document_id: str) -> str:
        for group in self.versions:
            if document_id in group:
                return group[0]
        return document_id


@frozen
class TitleKey:
    """What a title says about its event: core name, ordinal, years, and the full title fold."""

    core: str
    ordinal: int | None
    years: tuple[int, int] | None
    article: str

    @classmethod
    def of(cls, title: str, extra_years: Iterable[int] = ()) -> TitleKey:
        years = set(extra_years)
        for m in _YEAR.finditer(title):
            start = int(m.group(1))
            years.add(start)
            if m.group(2):
                years.add(start // 100 * 100 + int(m.group(2)))
        text = fold(_PAREN.sub(" ", _YEAR.sub(" ", title)))
        words = [w for w in text.split() if not w.isdigit()]
        ordinal = next((_ORDINALS[w] for w in words if w in _ORDINALS), None)
        words = [w for w in words if w not in _ORDINALS]
        article = " ".join(w for w in words if w not in _FILLER)
        core = " ".join(w for w in words if w not in _FILLER and w not in _ENGAGEMENT_FOLDED)
        return cls(
            core=core or article,
            ordinal=ordinal,
            years=(min(years), max(years)) if years else None,
            article=article,
        )

    def same_event(self, other: TitleKey) -> bool:
        if not self.core or not other.core:
            return False
        if self.core != other.core and not similar(self.core, other.core):
            return False
        if self.ordinal is not None and other.ordinal is not None and self.ordinal != other.ordinal:
            return False
        if self.years and other.years:
            return self.years[0] <= other.years[1] and other.years[0] <= self.years[1]
        return True

    def same_article(self, other: TitleKey) -> bool:
        return self.same_event(other) and (
            self.article == other.article or similar(self.article, other.article)
        )


def pseudo_documents(documents: Sequence[Document], claims: Iterable[Claim]) -> list[Document]:
    """The documents, plus a stand-in (titled by the claim's subject) for any claim's missing one."""
    known = {d.id for d in documents}
    extra: dict[str, Document] = {}
    for claim in claims:
        if claim.document not in known and claim.document not in extra:
            extra[claim.document] = Document(
                id=claim.document,
                path=claim.document,
                title=claim.subject,
                format=DocumentFormat.TEXT,
                text="",
                sha256="",
            )
    return [*documents, *extra.values()]


_LEAD_CHARS = 400
"""How much of the prose's opening to read for years when the infobox gives no date."""


def _document_years(document: Document, dates: Iterable[UncertainDate]) -> set[int]:
    """The years a document's event spans: its infobox date, else years elsewhere in the
    infobox (`3,500 servicemen (December 1993)`), else years in the opening of its prose."""
    years: set[int] = set()
    for d in dates:
        years.update(range(d.earliest.year, d.latest.year + 1))
    for fields in ([f for f in document.infobox if f.key.lower() == "date"], document.infobox):
        if years:
            break
        for f in fields:
            years.update(int(m.group(1)) for m in _YEAR.finditer(f.value))
    if not years and document.text:
        start = document.prose_ranges()[0][0]
        years.update(int(m.group(1)) for m in _YEAR.finditer(document.text, start, start + _LEAD_CHARS))
    return years


def _title_candidates(document: Document) -> list[str]:
    titles = [document.title] if document.title else []
    for f in document.infobox:
        if f.key.lower() == "conflict" and f.value.strip(" ,"):
            titles.append(f.value)
    if not titles:
        titles.append(os.path.splitext(os.path.basename(document.path))[0])
    return titles


def _override_for(document: Document, grouping: Mapping[str, str]) -> str | None:
    for key in (document.id, document.path, os.path.basename(document.path), document.title):
        if key in grouping:
            return grouping[key]
    return grouping.get(ALL_DOCUMENTS)


class _UnionFind:
    """Union-find over documents that refuses to join groups whose years cannot overlap.

    Without the check, a document with no years would chain `Battle of X` (1994) and
    `Battle of X` (1999) into one event through itself.
    """

    def __init__(self, items: Iterable[str], years: Mapping[str, tuple[int, int] | None] | None = None):
        self.parent = {i: i for i in items}
        self.spans: dict[str, list[tuple[int, int]]] = {
            i: [y] for i, y in (years or {}).items() if y is not None
        }

    def compatible(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        return all(x[0] <= y[1] and y[0] <= x[1] for x in self.spans.get(ra, []) for y in self.spans.get(rb, []))

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            root, child = min(ra, rb), max(ra, rb)
            self.parent[child] = root
            self.spans[root] = self.spans.get(root, []) + self.spans.pop(child, [])

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for item in self.parent:
            out[self.find(item)].append(item)
        return out


def group_events(
    documents: Sequence[Document],
    claims: Iterable[Claim] = (),
    *,
    grouping: Mapping[str, str] | None = None,
) -> list[Event]:
    """Partition documents into events (see the module docstring). Deterministic, order-free."""
    claims = list(claims)
    documents = sorted(pseudo_documents(documents, claims), key=lambda d: d.id)
    by_id = {d.id: d for d in documents}
    infobox_dates: dict[str, list[UncertainDate]] = defaultdict(list)
    for c in claims:
        if c.kind is Kind.DATE and isinstance(c.value, UncertainDate) and c.field is not None:
            infobox_dates[c.document].append(c.value)

    keys: dict[str, list[TitleKey]] = {}
    named: dict[str, list[str]] = defaultdict(list)
    for d in documents:
        override = _override_for(d, grouping or {})
        if override is not None:
            named[override].append(d.id)
            continue
        years = _document_years(d, infobox_dates.get(d.id, ()))
        keys[d.id] = [TitleKey.of(t, years) for t in _title_candidates(d)]

    uf = _UnionFind(keys, {d: next((k.years for k in tks if k.years), None) for d, tks in keys.items()})
    buckets: dict[str, list[tuple[str, TitleKey]]] = defaultdict(list)
    for doc_id, tks in keys.items():
        for tk in tks:
            buckets[skeleton(tk.core)].append((doc_id, tk))
    for members in buckets.values():
        for i, (da, ka) in enumerate(members):
            for db, kb in members[i + 1:]:
                if da != db and uf.find(da) != uf.find(db) and ka.same_event(kb) and uf.compatible(da, db):
                    uf.union(da, db)

    groups = [sorted(g) for g in uf.groups().values()] + [sorted(g) for g in named.values()]
    names = {frozenset(g): n for n, g in named.items()}
    events = []
    for group in groups:
        versions = _versions(group, keys, by_id)
        name = names.get(frozenset(group)) or _event_name(group, by_id)
        events.append(Event(id=stable_id("e_", *group), name=name, documents=tuple(group), versions=versions))
    return sorted(events, key=lambda e: (e.name, e.id))


def _versions(group: list[str], keys: Mapping[str, list[TitleKey]], by_id: Mapping[str, Document]) -> tuple[tuple[str, ...], ...]:
    uf = _UnionFind(group)
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            ka = keys.get(a) or [TitleKey.of(by_id[a].title)]
            kb = keys.get(b) or [TitleKey.of(by_id[b].title)]
            if ka[0].same_article(kb[0]):
                uf.union(a, b)
    return tuple(sorted(tuple(sorted(g)) for g in uf.groups().values() if len(g) > 1))


def _event_name(group: list[str], by_id: Mapping[str, Document]) -> str:
    titles = sorted((by_id[d].title or d for d in group), key=lambda t: (len(t), t))
    return titles[0].strip(" |")
