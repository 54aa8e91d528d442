"""Versions of one article: two documents count as one source only with evidence of a lineage.

A shared title is not such evidence: three independent accounts of the Battle of Foo all carry
that title. The evidence this module looks for, strongest first:

- **the same page**: a source URL or permanent link naming the same page or article id (a
  `Source:`/`URL:` line, `Retrieved from "…"`, a `<link rel="canonical">`, an `oldid=` link,
  or the address an HTML page gives for itself, kept in the document's provenance);
- **a declared copy of one page**: both say they copy an encyclopedia page (`From Wikipedia,
  the free encyclopedia`, `This page uses content from Wikipedia`, `This is an old revision of
  this page`) and carry the same article title, so they are mirrors or revisions of that page;
- **shared text**: at least a quarter of the shorter document's word 5-grams are in the other
  (independent reports of one event share almost none; revisions and agency copies share most).

Each found link carries the reason, which the grouping prints.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import parse_qs, unquote, urlsplit

from attrs import frozen

from claims.model import Document
from claims.reconcile.names import ODD_CASE, fold

SHARED_TEXT = 0.25
"""Share of the shorter document's word 5-grams found in the other that makes them one text."""
SHINGLE = 5
MIN_SHINGLES = 20
"""Documents with fewer 5-grams than this are too short to say anything by their text."""
MAX_WORDS = 4000
"""Words read per document for its text fingerprint (a revision shares its opening)."""
SKETCH = 24
"""Smallest shingle hashes kept per document: in an event of more than ``ALL_PAIRS`` documents,
two are compared in full only when they share one of them, so unrelated documents cost nothing."""
ALL_PAIRS = 64
"""Events up to this many documents compare every pair of texts."""

_URL = re.compile(r"https?://[^\s\"'<>|\]]+")
_META_LINE = re.compile(
    r"^\s*(?:source|url|link|permalink|permanent link|canonical|original|retrieved from|archived from)\b[^\n]{0,20}?"
    r"(https?://\S+)",
    re.I | re.M,
)
_CANONICAL = re.compile(r"<link[^>]+rel=[\"']?canonical[\"']?[^>]+href=[\"']([^\"']+)", re.I)
_WIKI_COPY = re.compile(
    r"from wikipedia,? the free encyclopedia|uses? (?:material|content|text) from (?:the )?(?:english )?wikipedia"
    r"|this is an old revision of this page|wikipedia text|licensed under cc by-sa.{0,40}wikipedia"
    r"|text (?:is )?(?:available|copied) from wikipedia",
    re.I,
)
_REVISION = re.compile(r"\boldid=(\d+)|revision as of\b", re.I)
_WORD = re.compile(r"\w+")


@frozen
class Fingerprint:
    """What a document says about where it comes from, and its text as 5-gram hashes."""

    pages: frozenset[str]
    """Canonical page keys from its own URLs (`en.wikipedia.org/battle of foo`)."""
    copied_page: str | None
    """The page it declares it copies (`wikipedia:batle fo`, folded), or None."""
    shingles: frozenset[int]
    sketch: tuple[int, ...]
    title: str = ""
    """The document's title, to name the copied page."""


def _page_key(url: str) -> str | None:
    try:
        parts = urlsplit(url.strip(".,;)"))
    except ValueError:
        return None
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    if not host:
        return None
    query = parse_qs(parts.query)
    if "title" in query:
        page = query["title"][0]
    elif "curid" in query:
        page = "curid " + query["curid"][0]
    else:
        page = parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.path
    page = fold(unquote(page).replace("_", " "))
    if not page:
        return None
    # Mirrors of one encyclopedia name the page the same way: the page name is the key.
    return page if "wiki" in host or "wiki" in parts.path or "title" in query else f"{host}/{page}"


def _source_urls(text: str) -> list[str]:
    """URLs a document gives for itself: metadata lines and canonical links, not citations."""
    head, tail = text[:3000], text[-3000:]
    found = [m.group(1) for chunk in (head, tail) for m in _META_LINE.finditer(chunk)]
    found += [m.group(1) for m in _CANONICAL.finditer(head)]
    lines = text.strip().splitlines()
    # A bare URL alone on the first or last line is where the page was saved from.
    for line in lines[:1] + lines[-1:]:
        if _URL.fullmatch(line.strip()):
            found.append(line.strip())
    return found


def fingerprint(document: Document, article: str, *, sketch: bool = True) -> Fingerprint:  # noqa: D417
    """The document's lineage evidence; ``article`` is its folded title (see events.TitleKey).

    Shingles are hashed with Python's tuple hash (fast; it differs between processes, which
    changes no share of shared text). The sketch, which picks the pairs compared in a large
    event, must not differ between runs: it takes the smallest CRC-32s of the shingles, and is
    computed only when ``sketch`` is asked for (events of more than ``ALL_PAIRS`` documents)."""
    text = document.text or ""
    urls = _source_urls(text)
    if document.provenance is not None and document.provenance.url:
        urls.append(document.provenance.url)  # a web page's own address (canonical link, og:url)
    pages = frozenset(k for k in (_page_key(u) for u in urls) if k)
    head = text[:4000]
    copied = None
    if article and (_declares_copy(head) or _declares_copy(text[-2000:], revision=False)):
        copied = f"wikipedia:{article}"
    words = _WORD.findall(text.lower())[:MAX_WORDS]
    grams = list(zip(*(words[i:] for i in range(SHINGLE))))
    shingles = frozenset(map(hash, grams))
    small: tuple[int, ...] = ()
    if sketch and len(shingles) >= MIN_SHINGLES:
        small = tuple(sorted({zlib.crc32(" ".join(g).encode()) for g in grams})[:SKETCH])
    return Fingerprint(pages=pages, copied_page=copied, shingles=shingles, sketch=small,
                       title=" ".join(document.title.split()))


def _declares_copy(chunk: str, *, revision: bool = True) -> bool:
    """Whether ``chunk`` says it copies an encyclopedia page (``_WIKI_COPY``, and with
    ``revision`` also ``_REVISION``). Every wording of them holds `wikipedia`, `revision` or
    `oldid`, so text without these words in lower case is passed over without running the
    patterns (case-insensitive alternations, slow over every character of the text). Only four
    other characters match an ASCII letter case-insensitively; text with them runs the patterns."""
    if not any(c in chunk for c in ODD_CASE):
        low = chunk.lower()
        if "wikipedia" not in low and "revision" not in low and "oldid" not in low:
            return False
    return bool(_WIKI_COPY.search(chunk) or revision and _REVISION.search(chunk))


def shared_text(a: Fingerprint, b: Fingerprint) -> float:
    """Share of the shorter document's 5-grams found in the other (0 when either is too short)."""
    small, big = sorted((a.shingles, b.shingles), key=len)
    if len(small) < MIN_SHINGLES:
        return 0.0
    return len(small & big) / len(small)


def lineage_links(documents: Sequence[str], prints: Mapping[str, Fingerprint]) -> list[tuple[str, str, str]]:
    """(a, b, why) for every pair of the documents with evidence of one lineage.

    Linear in the documents for the page keys (grouped by key), and for text only the pairs
    that share a sketch hash are compared.
    """
    links: list[tuple[str, str, str]] = []
    by_page: dict[str, list[str]] = defaultdict(list)
    for d in documents:
        for page in prints[d].pages:
            by_page[f"url {page}"].append(d)
        if prints[d].copied_page:
            by_page[f"copy {prints[d].copied_page}"].append(d)
    for key, members in sorted(by_page.items()):
        kind, page = key.split(" ", 1)
        for other in members[1:]:
            why = (f"both give the source page “{page}”" if kind == "url"
                   else f"both declare they copy the encyclopedia page “{prints[members[0]].title}”")
            links.append((members[0], other, why))
    by_hash: dict[int, list[str]] = defaultdict(list)
    if len(documents) <= ALL_PAIRS:
        by_hash[0] = [d for d in documents if len(prints[d].shingles) >= MIN_SHINGLES]
    else:
        for d in documents:
            for h in prints[d].sketch:
                by_hash[h].append(d)
    seen: set[tuple[str, str]] = set()
    for members in by_hash.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pair = (a, b) if a < b else (b, a)
                if pair in seen:
                    continue
                seen.add(pair)
                share = shared_text(prints[a], prints[b])
                if share >= SHARED_TEXT:
                    links.append((pair[0], pair[1], f"{round(share * 100)}% of the shorter text's wording is in the other"))
    return links


def version_groups(
    documents: Iterable[str], prints: Mapping[str, Fingerprint]
) -> tuple[tuple[tuple[str, ...], ...], dict[str, tuple[str, ...]]]:
    """Groups of documents that are versions of one article (two or more members), and why.

    Returns the groups (sorted) and, per group's first member, the reasons that joined it.
    """
    documents = sorted(documents)
    parent = {d: d for d in documents}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    reasons: dict[str, list[str]] = defaultdict(list)
    for a, b, why in lineage_links(documents, prints):
        ra, rb = find(a), find(b)
        if ra != rb:
            root, child = min(ra, rb), max(ra, rb)
            parent[child] = root
            reasons[root] += reasons.pop(child, [])
        reasons[find(a)].append(f"{a} and {b}: {why}")
    groups: dict[str, list[str]] = defaultdict(list)
    for d in documents:
        groups[find(d)].append(d)
    out = tuple(sorted(tuple(g) for g in groups.values() if len(g) > 1))
    return out, {g[0]: tuple(reasons.get(find(g[0]), ())) for g in out}
