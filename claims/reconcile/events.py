"""Group documents into events from evidence: only claims about one event are ever compared.

Documents given together are compared unless the evidence says they are about different
events. The evidence, per document: the event its title names (for encyclopedia articles and
titles shaped like an event name: `Battle of X`, `Siege of X`, `X offensive`), the years it
spans, the places it reports from (proper nouns after `in`, `at`, `of`, `for`, ... that name no
party and are no common word) and the parties it names. Documents are joined by:

1. **one event name**: titles naming the same place or operation once the kind of engagement
   (`Battle of`, `Siege of`, `Operation`), ordinals missing on one side, years, transliteration
   and a trailing site name (`Battle of X explained`) are set aside, with overlapping years;
2. **a mention**: a report whose headline never names the battle but whose opening names the
   event (`... killed in the battle for Debaltseve`) joins that event;
3. **a shared place**: two reports from the same place (`Kobane` / `Kobani`) are one event;
4. **given together**: what is still apart joins when nothing contradicts it: an untitled report
   joins the one titled event it is compatible with, untitled reports join each other. Evidence
   of different events is two different event names, years that cannot overlap, parties with
   nothing in common, or places with nothing in common.

A user override (document -> event name) always wins. Every event records why its documents
were put together (`why`), and which of them are versions of one article (see `lineage`: a
shared title is no evidence of that).
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from attrs import field, frozen

from claims.extract.dates import cited_year
from claims.lexicon import lexicon
from claims.model import Claim, Document, DocumentFormat, Kind, UncertainDate, stable_id
from claims.reconcile.lineage import ALL_PAIRS, fingerprint, version_groups
from claims.reconcile.names import fold, fold_words, similar, skeleton

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
_URL = re.compile(r"\S+://\S+|www\.\S+")
_EVENT_TITLE = re.compile(
    r"^(?:the\s+)?(?:(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+)?"
    r"(?:battle|battles|siege|capture|fall|liberation|storming|defen[cs]e|relief|raid|encirclement|recapture|"
    r"assault|sack|massacre)\s+(?:of|for|at|on)\s+\S"
    r"|\b(?:offensive|counteroffensive|operation|campaign|war|uprising|insurgency|massacre|intervention|conflict)\s*(?:\(|$)"
    r"|^operation\s+\S",
    re.I,
)
_EVENT_TITLE_WORDS = 9
"""A title longer than this is a headline, not the name of an event."""


@frozen
class Event:
    """Documents about one event, why they were grouped, and which are versions of one article."""

    id: str
    name: str
    documents: tuple[str, ...]
    versions: tuple[tuple[str, ...], ...] = ()
    why: tuple[str, ...] = ()
    """Why these documents are one event (one line per join), or why a document stands alone."""
    version_why: tuple[str, ...] = ()
    """The lineage evidence behind each group in ``versions``."""
    places: frozenset[str] = field(factory=frozenset)
    """Folded words of the event's name and places: a figure `in` one of them is the event's own."""

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
        return _title_key(title, frozenset(extra_years))

    def same_event(self, other: TitleKey) -> bool:
        if not self.core or not other.core:
            return False
        if self.core != other.core and not similar(self.core, other.core) and not self._contains(other):
            return False
        if self.ordinal is not None and other.ordinal is not None and self.ordinal != other.ordinal:
            return False
        if self.years and other.years:
            return self.years[0] <= other.years[1] and other.years[0] <= self.years[1]
        return True

    def covers(self, other: TitleKey) -> bool:
        """Every title ``other`` names one event with, this one does too (``same_event``)."""
        return self.core == other.core and (self.ordinal is None or self.ordinal == other.ordinal) and (
            self.years is None
            or other.years is not None and self.years[0] <= other.years[0] and other.years[1] <= self.years[1]
        )

    def _contains(self, other: TitleKey) -> bool:
        """One core is the other plus trailing words (`dien bien phu explained`): a site name
        or a subtitle after the event's name, never words before it (`second ...`)."""
        a, b = self.core.split(), other.core.split()
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        if len(short) == len(long_) or not any(len(w) >= 4 for w in short) and not (len(short) == 1 and len(short[0]) == 3):
            return False  # a name of one short word still names a place (`Kut`, `Ulm`)
        return all(similar(x, y) for x, y in zip(short, long_[: len(short)]))

    def same_article(self, other: TitleKey) -> bool:
        return self.same_event(other) and (
            self.article == other.article or similar(self.article, other.article)
        )


@lru_cache(maxsize=65536)
def _title_key(title: str, extra_years: frozenset[int]) -> TitleKey:
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
    return TitleKey(
        core=core or article,
        ordinal=ordinal,
        years=(min(years), max(years)) if years else None,
        article=article,
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
_REPORT_LEAD = 2000
"""How much of a report's opening to read for its places, parties and years."""


def _lead(document: Document, chars: int) -> str:
    text = document.text or ""
    start = min(document.prose_ranges()[0][0], len(text))
    return text[start:start + chars]


def _document_years(document: Document, dates: Iterable[UncertainDate], titled: bool) -> tuple[set[int], bool]:
    """The years a document's event spans, and whether they are firm: its infobox date or the
    years its title gives (firm), else years elsewhere in the infobox (`3,500 servicemen
    (December 1993)`), else years in the opening of its prose (a caption's or a mention's year)."""
    years: set[int] = set()
    for d in dates:
        years.update(range(d.first_year, d.last_year + 1))
    for f in document.infobox:
        if f.key.lower() == "date":
            years.update(int(m.group(1)) for m in _YEAR.finditer(f.value))
    if years or (titled and _YEAR.search(document.title)):
        return years, True
    for f in document.infobox:
        years.update(int(m.group(1)) for m in _YEAR.finditer(f.value))
    if not years and document.text:
        lead = _lead(document, _LEAD_CHARS if titled else _REPORT_LEAD)
        if not titled:
            lead = document.title + " " + lead
        lead = _URL.sub(" ", lead)
        # `Hale (1901) put the losses at ...`: a citation's year is when a book came out.
        years.update(int(m.group(1)) for m in _YEAR.finditer(lead) if not cited_year(lead, m.start(1), m.end(1)))
    return years, False


def _title_candidates(document: Document) -> list[str]:
    titles = [document.title] if document.title else []
    for f in document.infobox:
        if f.key.lower() == "conflict" and f.value.strip(" ,"):
            titles.append(f.value)
    if not titles:
        titles.append(os.path.splitext(os.path.basename(document.path))[0])
    return titles


def is_event_title(document: Document) -> bool:
    """The title names an event: an article with an infobox, or a short `Battle of X`-shaped title."""
    if document.infobox or any(document.belligerents):
        return True
    # (`Second Battle of Donetsk Airport (28 Sep 2014 – 21 Jan 2015)`: the dates in brackets are no words of the name)
    title = " ".join(_PAREN.sub(" ", document.title).split())
    if title.isupper() and len(title) > 12:
        # `THE RUSSO-JAPANESE WAR` over a chapter: a book's or a series' running title, not
        # the name of the event the excerpt tells (its opening may name that, see step 2)
        return False
    return bool(title) and len(title.split()) <= _EVENT_TITLE_WORDS and bool(_EVENT_TITLE.search(title))


# --- places and parties ---------------------------------------------------------------------

_PLACE_AFTER = re.compile(
    r"\b(?:in|at|near|around|outside|inside|of|for|over|from|into|on|to|towards?|besieged|encircled)\s+"
    r"(?:the\s+)?(?:(?:city|town|village|port|region|area|district|province|oblast|enclave|strip|plant)\s+of\s+)?"
    r"([^\W\d_][\w'’\-]*)",
)
_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*")
_NOT_PLACES = frozenset(fold(w) for w in (
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Human Rights Ministry Defense Defence Council "
    "President Prime Minister Government Army Forces Force Observatory Union Nations United Agency News Press "
    "Times Post Daily Mail Guardian Reuters General Guard National Interior Republic People Peoples Committee "
    "Red Cross Crescent State States Security Office Department Command International European Western Eastern "
    "Northern Southern World War Battle Siege Operation Front Coalition Commons Wikipedia Register Scroll "
    "Photo Video Image Getty Associated Islamic Kurdish Arab Muslim Christian Orthodox Church Party Movement "
    "Brigade Battalion Regiment Division Corps Unit Units Militia Police Navy Air Airforce Marines Health "
    "Foreign Affairs Spokesman Staff Headquarters Center Centre Institute University Organization "
    "Organisation Mission Monitoring Special Group Groups North South East West Central Upper Lower Greater "
    "Great Old Saint Fort Mount Lake River Street Square Hospital Airport Station Bridge Road Highway "
    "Thomson Foundation Observer Tribune Herald Telegraph Post Journal Magazine Weekly Online Reason "
    "Logo Wide Home Menu Search Advertisement Advertising Subscribe Share Follow Read More Related "
    "Bureau Archive Archives Library Museum Research Records Society Association Commission Academy"
).split())


def _is_place_word(word: str, lower_words: frozenset[str]) -> bool:
    if len(word) < 4 or not word[0].isupper() or word.isupper() and len(word) < 5 or word.endswith(("'s", "’s")):
        return False  # (a possessive names whose, not where: `the Bureau's records`)
    folded = fold(word)
    if not folded or folded in _NOT_PLACES or word.lower() in lower_words:
        return False
    return lexicon().party_of(word) is None


def _places(document: Document, titled: bool) -> frozenset[str]:
    """Folded place words a document reports from, each prominent in it: in its title, its
    infobox place, or after a place preposition and named at least twice in its opening."""
    lead = _lead(document, _REPORT_LEAD)
    head = document.title + "\n" + lead
    tokens = _TOKEN.findall(head)
    lower_words = frozenset(w for w in tokens if w.islower())
    found: set[str] = set()
    for f in document.infobox:
        if f.key.lower() in ("place", "location"):
            found.update(fold(w) for w in _TOKEN.findall(f.value) if _is_place_word(w, lower_words))
    counts = Counter(w for w in tokens if w[:1].isupper())
    title_words = set(_TOKEN.findall(document.title))
    for m in _PLACE_AFTER.finditer(head):
        w = m.group(1)
        if _is_place_word(w, lower_words) and (counts[w] >= 2 or w in title_words):
            found.add(fold(w))
    if titled:
        core = _title_key(document.title, frozenset()).core
        found.update(w for w in core.split() if len(w) >= 4)
    return frozenset(found)


# A news dateline (`MOSCOW, April 14. /TASS/.`, `KYIV, Ukraine (AP) —`): where the story was
# filed, not a party to the fighting (a Moscow agency and a Kyiv one report the same battle).
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z'\-]{2,}(?:[ \t]+[A-Z][A-Z'\-]+)*"
    r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?\.?|[ \t]*\([^)\n]{1,30}\)|[ \t]+[-–—])"
    r"(?:[ \t]*/[A-Za-z\-]+/\.?|[ \t]*\([^)\n]{1,30}\))?[ \t]*(?:[-–—][ \t]*)?"
)


def _parties(document: Document) -> frozenset[str]:
    """Parties the document names: its belligerent columns and the parties of its opening."""
    lx = lexicon()
    found = set()
    for name in document.belligerents:
        for w in _TOKEN.findall(name or ""):
            party = lx.party_of(w)
            if party:
                found.add(party)
    head = _DATELINE.sub("", document.title + "\n" + _lead(document, _REPORT_LEAD))
    for w in _TOKEN.findall(head):
        if w[:1].isupper():
            party = lx.party_of(w)
            if party:
                found.add(party)
    return frozenset(found)


@frozen
class _Evidence:
    id: str
    titled: bool
    keys: tuple[TitleKey, ...]
    years: tuple[int, int] | None
    firm: bool
    """The years come from an infobox date or the title, not from a mention or a caption."""
    places: frozenset[str]
    parties: frozenset[str]
    words: frozenset[str]
    """Folded words of the title and opening: where a report names an event."""


def _evidence(document: Document, dates: Iterable[UncertainDate]) -> _Evidence:
    titled = is_event_title(document)
    years, firm = _document_years(document, dates, titled)
    span = (min(years), max(years)) if years else None
    keys = tuple(TitleKey.of(t, years if firm else ()) for t in _title_candidates(document)) if titled else ()
    words = frozenset(fold_words(document.title + " " + _lead(document, _REPORT_LEAD)))
    return _Evidence(id=document.id, titled=titled, keys=keys, years=span, firm=firm,
                     places=_places(document, titled), parties=_parties(document), words=words)


def _same_place(a: frozenset[str], b: frozenset[str]) -> str | None:
    """A place the two sets share (by spelling variants too), or None."""
    common = a & b
    if common:
        return min(common)
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for p in a:
        by_skeleton[skeleton(p)].append(p)
    for q in sorted(b):
        for p in by_skeleton.get(skeleton(q), ()):
            if similar(p, q):
                return p
    return None


class _Groups:
    """Union-find over documents that keeps, per group, the evidence needed to compare groups."""

    def __init__(self, evidence: Mapping[str, _Evidence]):
        self.parent = {d: d for d in evidence}
        self.ev = evidence
        self.why: dict[str, list[str]] = defaultdict(list)
        self.members: dict[str, list[str]] = {d: [d] for d in evidence}
        # Per group and firmness, the latest first year and the earliest last year of its
        # documents: two groups' years all overlap when each one's latest start is before the
        # other's earliest end (kept up to date by union, so comparing groups costs nothing).
        self.bounds: dict[str, dict[bool, tuple[int, int]]] = {
            d: ({e.firm: e.years} if e.years is not None else {}) for d, e in evidence.items()
        }

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def titled(self, root: str) -> bool:
        return any(self.ev[d].titled for d in self.members[root])

    def places(self, root: str) -> frozenset[str]:
        return frozenset().union(*(self.ev[d].places for d in self.members[root]))

    def parties(self, root: str) -> frozenset[str]:
        return frozenset().union(*(self.ev[d].parties for d in self.members[root]))

    def years_fit(self, a: str, b: str) -> bool:
        """No two years of the groups that are equally firm fail to overlap (a caption's year
        does not outweigh an infobox date; two infobox dates, or two mentions, can)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ba, bb = self.bounds[ra], self.bounds[rb]
        # A report's years are when it was written, and a siege or an offensive runs on into the
        # next year (Mosul, October 2016 to July 2017): mentions a year apart still fit.
        return all(ba[f][0] <= bb[f][1] + (not f) and bb[f][0] <= ba[f][1] + (not f) for f in ba.keys() & bb.keys())

    def contradiction(self, a: str, b: str) -> str | None:
        """Why the groups of ``a`` and ``b`` are about different events, or None."""
        ra, rb = self.find(a), self.find(b)
        if self.titled(ra) and self.titled(rb):
            return "they name different events"
        if not self.years_fit(ra, rb):
            return "their years cannot overlap"
        pa, pb = self.parties(ra), self.parties(rb)
        if pa and pb and not pa & pb:
            return "they name no party in common"
        la, lb = self.places(ra), self.places(rb)
        if la and lb and _same_place(la, lb) is None and not self._names_any(ra, lb) and not self._names_any(rb, la):
            # (`an offensive towards Kavumu and Bukavu` names the other report's town: no contradiction)
            return "they report from different places"
        return None

    def _names_any(self, root: str, places: frozenset[str]) -> bool:
        """Whether a document of the group names one of ``places`` in its title or opening."""
        return any(p in self.ev[d].words for d in self.members[root] for p in places)

    def union(self, a: str, b: str, why: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        root, child = min(ra, rb), max(ra, rb)
        self.parent[child] = root
        self.members[root] += self.members.pop(child)
        merged = self.bounds[root]
        for firm, (low, high) in self.bounds.pop(child).items():
            old = merged.get(firm)
            merged[firm] = (low, high) if old is None else (max(old[0], low), min(old[1], high))
        self.why[root] += self.why.pop(child, [])
        self.why[root].append(why)
        return True

    def groups(self) -> dict[str, list[str]]:
        return {r: sorted(m) for r, m in self.members.items()}


def _override_for(document: Document, grouping: Mapping[str, str]) -> str | None:
    for key in (document.id, document.path, os.path.basename(document.path), document.title):
        if key in grouping:
            return grouping[key]
    return grouping.get(ALL_DOCUMENTS)


def _q(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def group_events(
    documents: Sequence[Document],
    claims: Iterable[Claim] = (),
    *,
    grouping: Mapping[str, str] | None = None,
) -> list[Event]:
    """Partition documents into events (see the module docstring). Deterministic, order-free.

    ``claims`` may be every claim or only the dates: the infobox dates give an article's years.
    """
    claims = list(claims)
    documents = sorted(pseudo_documents(documents, claims), key=lambda d: d.id)
    by_id = {d.id: d for d in documents}
    infobox_dates: dict[str, list[UncertainDate]] = defaultdict(list)
    for c in claims:
        if c.kind is Kind.DATE and isinstance(c.value, UncertainDate) and c.field is not None:
            infobox_dates[c.document].append(c.value)

    named: dict[str, list[str]] = defaultdict(list)
    evidence: dict[str, _Evidence] = {}
    for d in documents:
        override = _override_for(d, grouping or {})
        if override is not None:
            named[override].append(d.id)
        else:
            evidence[d.id] = _evidence(d, infobox_dates.get(d.id, ()))

    g = _Groups(evidence)
    _join_titles(g, evidence, by_id)
    _join_mentions(g, evidence, by_id)
    _join_places(g, evidence, by_id)
    alone = _join_given_together(g, evidence)

    events = []
    for root, members in sorted(g.groups().items()):
        why = list(g.why.get(root, []))
        if len(members) == 1:
            only = members[0]
            default = (f"its title, {_q(by_id[only].title)}, names an event no other document given names"
                       if evidence[only].titled and len(evidence) > 1 else "the only document about its event")
            why.append(alone.get(only, default))
        events.append(_event(members, _event_name(members, by_id, evidence), why, by_id, evidence))
    for name, members in named.items():
        events.append(_event(sorted(members), name, ["grouped by the user (--event or --grouping)"], by_id, evidence))
    return sorted(events, key=lambda e: (e.name, e.id))


def _join_titles(g: _Groups, evidence: Mapping[str, _Evidence], by_id: Mapping[str, Document]) -> None:
    """Step 1: documents whose titles name one event (bucketed by the words of their names)."""
    buckets: dict[str, list[tuple[str, TitleKey]]] = defaultdict(list)
    for doc_id, ev in evidence.items():
        for tk in ev.keys:
            # the long words, and the first (`kut` of `Kut al Amara` meets `Siege of Kut`)
            words = [w for w in tk.core.split() if len(w) >= 4] + tk.core.split()[:1]
            for w in {skeleton(w) for w in words}:
                buckets[w].append((doc_id, tk))
            buckets["=" + skeleton(tk.core)].append((doc_id, tk))
    for key in sorted(buckets):
        members = buckets[key]
        # A one-word name is in two buckets (`klbjr`, `=klbjr`) alike: the second time every
        # pair is already joined or still fails (groups' years only narrow), so it is skipped.
        twin = key[1:] if key.startswith("=") else "=" + key
        if len(members) >= 2 and not (twin < key and buckets.get(twin) == members):
            _join_bucket(g, members, by_id)


def _join_bucket(g: _Groups, members: list[tuple[str, TitleKey]], by_id: Mapping[str, Document]) -> None:
    """Each title against the earlier ones in the bucket, in order, that could name its event.

    ``same_event`` needs the cores to be spellings of one name (one skeleton) or one to be the
    other plus trailing words (word by word, one skeleton each): an index on those skeletons
    finds every such earlier title without comparing the bucket's titles pairwise (titles that
    share only a word, `Battle of Mount X` and `Battle of Mount Y`, share a bucket). A title is
    filed under every run of its first words (`starts`) and under all its words (`is`); the
    skeleton of its whole name is filed as a start too (for a one-word name, the same key)."""
    entries: list[tuple[str, TitleKey]] = []
    index: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    for db, kb in members:
        words = tuple(skeleton(w) for w in kb.core.split())
        name = ("starts", (skeleton(kb.core),))
        wanted = dict.fromkeys((name, ("starts", words), *(("is", words[:n]) for n in range(1, len(words)))))
        lists = [index[k] for k in wanted if k in index]
        if len(lists) == 1:
            candidates: Iterable[int] = _live(g, entries, lists[0])
        else:
            candidates = sorted({i for positions in lists for i in _live(g, entries, positions)})
        for i in candidates:
            da, ka = entries[i]
            if da != db and g.find(da) != g.find(db) and ka.same_event(kb) and g.years_fit(da, db):
                g.union(da, db, _titles_why(by_id[da], by_id[db]))
        for k in dict.fromkeys((name, ("is", words), *(("starts", words[:n]) for n in range(1, len(words) + 1)))):
            index[k].append(len(entries))
        entries.append((db, kb))


def _live(g: _Groups, entries: list[tuple[str, TitleKey]], positions: list[int]) -> list[int]:
    """``positions`` without the titles an earlier title of the same group covers (they can
    join nothing it does not, and it is tried first), pruned in place: a name many documents
    share keeps about one title per event, not one per document."""
    find = g.find
    kept_by_group: dict[str, list[TitleKey]] = defaultdict(list)
    kept = []
    for i in positions:
        d, title = entries[i]
        earlier = kept_by_group[find(d)]
        if not any(k.covers(title) for k in earlier):
            earlier.append(title)
            kept.append(i)
    positions[:] = kept
    return kept


def _titles_why(a: Document, b: Document) -> str:
    """`a.txt and b.txt are both titled “Battle of X”` / `a.txt (“X”) and b.txt (“Y”) name one event`."""
    if a.title == b.title:
        return f"{a.id} and {b.id} are both titled {_q(a.title)}"
    return f"{a.id} ({_q(a.title)}) and {b.id} ({_q(b.title)}) name one event"


def _join_mentions(g: _Groups, evidence: Mapping[str, _Evidence], by_id: Mapping[str, Document]) -> None:
    """Step 2: a report whose opening names a titled event joins it (the one it names best)."""
    by_word: dict[str, list[tuple[str, TitleKey]]] = defaultdict(list)
    for doc_id, ev in evidence.items():
        for tk in ev.keys:
            words = tk.core.split()
            if words and any(len(w) >= 4 for w in words):
                by_word[max(words, key=len)].append((doc_id, tk))
    for doc_id in sorted(evidence):
        ev = evidence[doc_id]
        if ev.titled:
            continue
        hits: dict[str, tuple[int, TitleKey]] = {}
        # `Second Battle of Donetsk Airport` recalling the first names another event.
        own_ordinal = TitleKey.of(by_id[doc_id].title).ordinal if by_id[doc_id].title else None
        for w in ev.words:
            for target, tk in by_word.get(w, ()):
                if own_ordinal is not None and tk.ordinal is not None and own_ordinal != tk.ordinal:
                    continue
                if set(tk.core.split()) <= ev.words and g.years_fit(doc_id, target):
                    root = g.find(target)
                    if root not in hits or len(tk.core) > hits[root][0]:
                        hits[root] = (len(tk.core), tk)
        if not hits:
            continue
        best = max(n for n, _ in hits.values())
        roots = sorted(r for r, (n, _) in hits.items() if n == best)
        if len(roots) == 1:
            g.union(doc_id, roots[0], f"{doc_id} names the event of {_q(by_id[roots[0]].title)}")


def _join_places(g: _Groups, evidence: Mapping[str, _Evidence], by_id: Mapping[str, Document]) -> None:
    """Step 3: reports from one place are one event (titled articles are joined by name only)."""
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for doc_id in sorted(evidence):
        ev = evidence[doc_id]
        if not ev.titled:
            for p in ev.places:
                by_skeleton[skeleton(p)].append(doc_id)
    for key in sorted(by_skeleton):
        members = by_skeleton[key]
        for other in members[1:]:
            first = members[0]
            place = _same_place(evidence[first].places, evidence[other].places)
            if place and g.find(first) != g.find(other) and g.years_fit(first, other) \
                    and g.contradiction(first, other) in (None, "they report from different places"):
                g.union(first, other, f"{first} and {other} both report from “{place.title()}”")


def _join_given_together(g: _Groups, evidence: Mapping[str, _Evidence]) -> dict[str, str]:
    """Step 4: groups without a title join the one titled group nothing sets them apart from,
    then each other. Returns, for documents left alone, why they were kept apart."""
    alone: dict[str, str] = {}
    roots = sorted(g.groups())
    titled = [r for r in roots if g.titled(r)]
    untitled = [r for r in roots if not g.titled(r)]
    for r in untitled:
        fits = [t for t in titled if g.contradiction(r, t) is None]
        if len(fits) == 1:
            g.union(r, fits[0], f"{', '.join(g.members[g.find(r)])} given with {fits[0]} and nothing says they differ")
        elif len(fits) > 1:
            for d in g.members[g.find(r)]:
                alone[d] = "kept apart: it could be about more than one of the events given with it"
    rest = [r for r in untitled if not g.titled(g.find(r))]
    for i, a in enumerate(rest):
        for b in rest[i + 1:]:
            if g.find(a) == g.find(b) or g.titled(g.find(a)) or g.titled(g.find(b)):
                continue
            reason = g.contradiction(a, b)
            if reason is None:
                g.union(a, b, f"{a} and {b} given together and nothing says they differ")
            else:
                for d in (a, b):
                    alone.setdefault(d, f"kept apart from {b if d == a else a}: {reason}")
    return alone


def _event(members: list[str], name: str, why: list[str], by_id: Mapping[str, Document],
           evidence: Mapping[str, _Evidence]) -> Event:
    big = len(members) > ALL_PAIRS
    prints = {d: fingerprint(by_id[d], _title_key(by_id[d].title, frozenset()).article, sketch=big) for d in members} \
        if len(members) > 1 else {}
    versions, reasons = version_groups(members, prints) if prints else ((), {})
    places = set(_title_key(name, frozenset()).core.split())
    counts: Counter[str] = Counter()
    for d in members:
        ev = evidence.get(d)
        if ev is not None:
            counts.update(ev.places)
            if ev.titled:
                places.update(ev.places)
    places.update(p for p, n in counts.items() if n >= 2 or len(members) == 1)
    return Event(
        id=stable_id("e_", *members), name=name, documents=tuple(members), versions=versions,
        why=tuple(why), version_why=tuple("; ".join(reasons.get(v[0], ())) for v in versions),
        places=frozenset(places),
    )


def _event_name(group: list[str], by_id: Mapping[str, Document], evidence: Mapping[str, _Evidence]) -> str:
    titled = [by_id[d].title for d in group if d in evidence and evidence[d].titled and by_id[d].title]
    if titled or any(d not in evidence for d in group):
        titles = titled or [by_id[d].title or d for d in group]
        return sorted(titles, key=lambda t: (len(t), t))[0].strip(" |")
    counts: Counter[str] = Counter()
    for d in group:
        counts.update(evidence[d].places)
    if counts:
        place = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        shown = _shown_place(place, [by_id[d] for d in group])
        return f"{shown} (reports)" if len(group) > 1 else shown
    titles = [by_id[d].title or d for d in group]
    return sorted(titles, key=lambda t: (len(t), t))[0].strip(" |")


def _shown_place(place: str, documents: Sequence[Document]) -> str:
    """The place as the documents write it (`Kobane`), not folded."""
    for d in documents:
        for w in _TOKEN.findall(d.title + " " + _lead(d, _REPORT_LEAD)):
            if fold(w) == place:
                return w
    return place.title()
