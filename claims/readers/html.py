"""Web pages: a saved `.html`/`.htm` file, or a page fetched on purpose (`claims ingest URL`).

A page is read into plain text, and that text is the document: every span points into it, so
extraction, the store and re-anchoring work as for any other format. What the page adds is
kept beside it:

- **Main text, without boilerplate.** The content root is the article: Wikipedia's
  `.mw-parser-output`, else `[itemprop=articleBody]`, the `<article>` with the most text (a
  live blog's entries, sibling `<article>`s none of which dominates, together), `<main>` or `[role=main]`, else the body. Inside it, what is never content is left out by
  structure (`nav`, `aside`, `footer`, `form`, `figure` and captions, scripts, hidden
  elements, ARIA roles navigation/banner/contentinfo/complementary/dialog), by the class and id
  names sites and CMSes give it (cookie/consent banners, related and "read also" boxes,
  share bars, newsletters, ads, bylines, Wikipedia's navboxes, hatnotes, maintenance boxes,
  edit links), by the project's page-furniture lexicon (a block that starts `Read also:`),
  and, outside Wikipedia, by link density (a block whose text is nearly all links is a list of
  other stories). Sections from `References`, `See also`, `External links` (...) on are
  left out, as in wikitext. Tables other than the infobox are left out of Wikipedia pages
  (as the wikitext reader does) and read cell by cell elsewhere (old layouts are tables).
- **The infobox** (`table.infobox`) as infobox fields: a header row (`Belligerents`,
  `Strength`, `Casualties and losses`) opens a block whose rows hold one cell per belligerent
  column; a one-cell row under a wider one spans the columns (column 3, as in the other
  readers); a label/data row (`Date`, `Location`, `Result`) is one field, and a label with a cell
  per column after it (`<th>Strength</th><td>600</td><td>278</td>`) one field per column. Each item of a cell
  (split at `<br>`, list items, paragraphs) is one field, written into the text as one line
  `- Label (column): value`.
- **Footnotes**: a `<sup class="reference">` (or a Markdown-style footnote link) stays in the
  text as its marker (`[3]`), and is a :class:`~claims.model.Reference` whose label comes from
  its target in the reference list (the COinS metadata of a Wikipedia citation: author,
  title, year; else the note's own text), so a claim gets it as ``attribution.reference``.
- **Provenance** (:class:`~claims.model.Provenance`): the page's URL (canonical link,
  `og:url`, a browser's `saved from url=` comment, or the fetched address), its `<title>`,
  published and modified dates (`article:published_time`, JSON-LD `datePublished`, `<time>`,
  Wikipedia's "last edited on"), byline and site name; and an offset map from every
  character of the text to its place in the HTML source, so each claim can be traced back.

The HTML is parsed by lxml (libxml2's forgiving HTML parser). libxml2 does not report
character offsets, so the page's character data is also tokenised by the standard library's
``html.parser`` (which does, entity by entity), and each text node of the tree is found in
that stream in document order.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html as html_entities
import json
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import attrs

from claims.errors import InputError
from claims.lexicon import lexicon
from claims.model import Document, DocumentFormat, InfoboxField, Problem, Provenance, Reference, Section
from claims.readers.common import LABEL_KEYS, MAX_BYTES, decode, document_id, normalise_key, sha256
from claims.readers.plain_export import close_sections
from claims.readers.structure import belligerents_from, is_blank_value
from claims.readers.structure import END_SECTIONS
from claims.textmap import source_map

if TYPE_CHECKING:  # lxml and urllib are imported when a page is parsed or fetched
    from lxml import etree

SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FETCH_TIMEOUT = 20.0
"""Seconds to wait for a page (connecting, and between bytes) before giving up."""
USER_AGENT = "claims/0.1 (claim review; fetches one page on request)"

_HTML_START = re.compile(
    r"\A(?:\s|\ufeff|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S
)
_HTML_ANYWHERE = re.compile(r"<(?:html|head|body)[\s>]", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SPACE = re.compile(r"[ \t\n\r\f]+")
_NOT_SPACE = re.compile(r"[^ \t\n\r\f]+")
_SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)|url:\s*(https?://\S+)", re.I)

#: Elements that are never content.
# Class words of an `<aside>` that holds the story's own figures (`factbox`, `key-facts`).
_FACT_BOX_WORDS = frozenset({"factbox", "facts", "fact", "keyfacts", "glance", "factfile", "stats", "infobox", "summary"})
_SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "form", "button", "iframe", "object",
    "embed", "canvas", "select", "input", "textarea", "nav", "aside", "footer", "figure", "figcaption",
    "audio", "video", "picture", "img", "map", "head", "title", "meta", "link", "dialog", "menu",
    "label", "option", "datalist", "output", "progress", "meter",
})
#: Elements that end a line of text before and after them.
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "pre", "address", "center",
    "details", "summary", "hr", "body", "html", "fieldset", "legend", "hgroup", "h1", "h2", "h3",
    "h4", "h5", "h6",
})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SKIP_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
    "menubar", "toolbar", "doc-endnotes", "doc-footnote", "note",
})
#: Class and id words that mark boilerplate (matched as whole words of a name split at - and _).
_BOILERPLATE_WORDS = frozenset({
    "nav", "navbar", "navbox", "navigation", "menu", "breadcrumb", "breadcrumbs", "sidebar", "cookie",
    "cookies", "consent", "gdpr", "cmp", "newsletter", "subscribe", "subscription", "promo", "advert",
    "advertisement", "ad", "ads", "sponsor", "sponsored", "share", "sharing", "social", "related",
    "readalso", "readmore", "recommended", "recommendations", "trending", "popular", "mostread",
    "comments", "comment", "footer", "masthead", "toolbar", "paywall", "modal", "popup", "hatnote",
    "ambox", "mbox", "metadata", "editsection", "toc", "catlinks", "printfooter", "byline", "author",
    "caption", "thumb", "thumbcaption", "gallery", "credit", "credits", "tags", "keywords",
    "coordinates", "shortdescription", "sistersitebox", "portalbox", "authority", "reflist",
    "references", "footnotes", "banner", "teaser", "teasers", "outbrain", "taboola", "disclaimer",
    "skip", "jump", "noprint", "navigation-not-searchable", "dablink", "rellink", "sidebox",
})
#: Whole class or id names that mark boilerplate (compound names read as one word).
_BOILERPLATE_NAMES = frozenset({
    "read-also", "read-more", "readalso", "readmore", "more-stories", "most-read", "see-also",
    "related-links", "related-articles", "related-stories", "also-read", "mw-jump-link",
    "mw-editsection", "vertical-navbox", "side-box", "mw-references-wrap", "site-header",
    "site-footer", "page-header", "global-header", "top-bar", "topbar",
})
#: In an article's header, the blocks that are content (a standfirst); the rest is metadata.
_STANDFIRST_WORDS = frozenset({"standfirst", "lede", "lead", "summary", "subtitle", "description", "dek", "intro", "subheadline"})
_REFERENCE_LISTS = frozenset({"references", "reflist", "footnotes", "mw-references-wrap", "refbegin"})
_LINK_DENSITY = 0.8
_LABEL_LIMIT = 80


# -- detection, decoding, fetching ---------------------------------------------------------------


def looks_like(text: str) -> bool:
    """A page: a doctype or an `<html>`/`<head>`/`<body>` tag at the start, or one of them
    early in a text that starts with a tag."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return head.lstrip("\ufeff \t\r\n").startswith("<") and _HTML_ANYWHERE.search(head) is not None


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def is_html_path(name: str) -> bool:
    return Path(urlsplit(name).path if is_url(name) else name).suffix.lower() in SUFFIXES


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a `<meta>` near its start, if any."""
    found = _META_CHARSET.search(data[:8192])
    return found.group(1).decode("ascii", "replace") if found else None


def decode_page(data: bytes, name: str, encoding: str = "utf-8", charset: str | None = None) -> str:
    """A page's text: UTF-8 (or ``encoding``) first; when that fails, the charset the server or
    the page's own `<meta>` declares (a saved page in windows-1251 says so)."""
    try:
        return decode(data, name, encoding)
    except InputError as first:
        declared = charset or declared_charset(data)
        if not declared or declared.lower().replace("_", "-") == encoding.lower().replace("_", "-"):
            raise
        try:
            return decode(data, name, declared)
        except InputError:
            raise first from None


def fetch(url: str, timeout: float = FETCH_TIMEOUT, encoding: str = "utf-8") -> Document:
    """Fetch one page the user asked for and read it. Raises InputError (one line) on any failure."""
    import socket
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            final_url = response.geturl() or url
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"the server answered {exc.code} {exc.reason}; nothing was read") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise InputError(url, f"no answer within {timeout:g} s; save the page and pass the file instead") from None
        raise InputError(url, f"cannot fetch the page: {reason}") from None
    except (TimeoutError, socket.timeout):
        raise InputError(url, f"no answer within {timeout:g} s; save the page and pass the file instead") from None
    except (ValueError, OSError) as exc:
        raise InputError(url, f"cannot fetch the page: {exc}") from None
    if content_type not in ("text/html", "application/xhtml+xml"):
        raise InputError(url, f"this is not a web page ({content_type}); save it and pass the file")
    text = decode_page(data, url, encoding if charset is None else charset, charset)
    fetched = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    return read_html(text, url, url=final_url, fetched_at=fetched)


# -- where each character of the page's text is in the source ----------------------------------


class _CharacterData(HTMLParser):
    """The page's character data as one decoded stream, with the source offset of each piece.

    Comments, declarations and the contents of `<script>`/`<style>` are left out of the
    stream. A piece is a run of plain characters (one stream character per source character)
    or one character reference (its decoded characters all point at the `&`).
    """

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.pieces: list[str] = []
        self.stream_starts: list[int] = []
        self.source_starts: list[int] = []
        self.exact: list[bool] = []
        self.length = 0
        self.comments: list[str] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _data(self, text: str, source_start: int) -> None:
        # libxml2 reads a CR LF (or a lone CR) as one LF: so does the stream.
        cursor = 0
        for m in re.finditer(r"\r\n?", text):
            self._piece(text[cursor:m.start()], source_start + cursor, True)
            self._piece("\n", source_start + m.start(), m.end() - m.start() == 1)
            cursor = m.end()
        self._piece(text[cursor:], source_start + cursor, True)

    def _piece(self, text: str, source_start: int, exact: bool) -> None:
        if not text:
            return
        self.pieces.append(text)
        self.stream_starts.append(self.length)
        self.source_starts.append(source_start)
        self.exact.append(exact)
        self.length += len(text)

    def handle_data(self, data: str) -> None:
        if getattr(self, "cdata_elem", None) is not None:
            return  # script or style
        self._data(data, self._offset())

    def _reference(self, raw: str, start: int) -> None:
        if self.source.startswith(raw + ";", start):
            raw += ";"
        decoded = html_entities.unescape(raw)
        if decoded == raw:
            self._data(raw, start)
        else:
            self._piece(decoded, start, False)

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name, self._offset())

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name, self._offset())

    def handle_comment(self, data: str) -> None:
        if len(self.comments) < 8:
            self.comments.append(data)

    def stream(self) -> str:
        return "".join(self.pieces)

    def to_source(self, position: int) -> int:
        """The source offset of a stream position (a character reference's characters all map
        to its `&`)."""
        k = bisect.bisect_right(self.stream_starts, position) - 1
        if k < 0:
            return 0
        if not self.exact[k]:
            return self.source_starts[k]
        return self.source_starts[k] + min(position - self.stream_starts[k], len(self.pieces[k]))

    def segments(self, position: int, length: int) -> list[tuple[int, int]]:
        """(offset within the run, source offset) at the start of ``stream[position:position +
        length]`` and wherever it enters another piece."""
        out = [(0, self.to_source(position))]
        k = bisect.bisect_right(self.stream_starts, position)
        end = position + length
        while k < len(self.stream_starts) and self.stream_starts[k] < end:
            out.append((self.stream_starts[k] - position, self.source_starts[k]))
            k += 1
        return out


def _text_nodes(root: etree._Element) -> Iterator[tuple[etree._Element, bool, str]]:
    """(node, is_tail, text) for every text and tail in document order (comments' tails too)."""
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        el, done = stack.pop()
        if done:
            if el.tail:
                yield el, True, el.tail
            continue
        stack.append((el, True))
        if isinstance(el.tag, str):
            if el.text and el.tag.lower() not in ("script", "style"):
                yield el, False, el.text
            stack.extend((child, False) for child in reversed(el))


class _SourceMap:
    """Text nodes of the lxml tree -> their positions in the character-data stream."""

    WINDOW = 4096

    def __init__(self, source: str, root: etree._Element) -> None:
        self.source = source
        self.data = _CharacterData(source)
        try:
            self.data.feed(source)
            self.data.close()
        except Exception:  # noqa: BLE001 - the stream helps locate text; it never stops a read
            pass
        self.stream = self.data.stream()
        self.positions: dict[tuple[etree._Element, bool], int] = {}
        self._tags: dict[etree._Element, int] = {}
        self._patterns: dict[str, re.Pattern[str]] = {}
        cursor = 0
        for el, tail, text in _text_nodes(root):
            if not text.strip():
                continue
            found = self.stream.find(text, cursor, cursor + len(text) + self.WINDOW)
            if found < 0:
                continue
            self.positions[(el, tail)] = found
            cursor = found + len(text)

    def tag_offset(self, el: etree._Element) -> int:
        """The source offset of an element's start tag: the last `<tag` before the first text
        inside it (exact on minified pages too), else the first `<tag` on its line."""
        cached = self._tags.get(el)
        if cached is not None:
            return cached
        line = getattr(el, "sourceline", None) or 1
        starts = self.data.line_starts
        start = starts[min(line, len(starts)) - 1]
        tag = el.tag if isinstance(el.tag, str) else ""
        offset = start
        if tag:
            pattern = self._patterns.get(tag)
            if pattern is None:
                pattern = self._patterns[tag] = re.compile("<" + re.escape(tag) + r"\b", re.I)
            inner = next((self.positions[(node, tail)] for node, tail, _ in _text_nodes(el)
                          if not (node is el and tail) and (node, tail) in self.positions), None)
            found = -1
            if inner is not None:
                before = self.data.to_source(inner)
                for match in pattern.finditer(self.source, max(start, before - 65536), before):
                    found = match.start()
            if found < 0:
                match = pattern.search(self.source, start, start + 65536)
                found = match.start() if match is not None else -1
            if found >= 0:
                offset = found
        self._tags[el] = offset
        return offset


# -- building the text ---------------------------------------------------------------------------


def _counts_losses(table: etree._Element) -> bool:
    """Whether a table's first row or first column says what its numbers count (`Killed`,
    `Tanks`): a table of losses, not an order of battle or a list of towns."""
    rows = [[c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")] for tr in table.iter("tr")]
    heads = (rows[0] if rows else []) + [r[0] for r in rows[1:] if r]
    return any(lexicon().table_measure(" ".join("".join(c.itertext()).split())) for c in heads)


# A row label in a plain cell: an infobox key, with what it is about in brackets.
_LABEL_CELL = re.compile(r"(?i)(?:" + "|".join(re.escape(k) for k in sorted(LABEL_KEYS, key=len, reverse=True))
                         + r")(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*:?$")


def _data_table(table: etree._Element) -> bool:
    """A table of short cells with no table inside (a table of figures), not a page laid out
    in a table (whose cells hold paragraphs)."""
    if table.find(".//table") is not None:
        return False
    cells = [c for c in table.iter("td", "th")]
    return bool(cells) and all(len("".join(c.itertext())) <= 120 for c in cells)


class _Line:
    """One line of text being assembled: runs of (text, source offset), links counted."""

    def __init__(self, source: int) -> None:
        self.runs: list[tuple[str, int]] = []
        self.source = source
        self.space_pending = False
        self.space_source = source
        self.link_chars = 0
        self.chars = 0
        self.markers: list[tuple[int, int, etree._Element]] = []
        """(start, end, target) of footnote markers, offsets within the line."""
        self.length = 0

    def add(self, text: str, source: int, *, link: bool = False) -> None:
        if not text:
            return
        if self.space_pending and self.length:
            self.runs.append((" ", self.space_source))
            self.length += 1
        self.space_pending = False
        text = text.replace("\u00a0", " ")  # a no-break space is a space to every reader of the text
        self.runs.append((text, source))
        self.length += len(text)
        self.chars += len(text)
        if link:
            self.link_chars += len(text)

    def space(self, source: int) -> None:
        if self.length and not self.space_pending:
            self.space_pending = True
            self.space_source = source

    def cell_break(self, source: int) -> None:
        """A tab between two cells of a table row (kept even after an empty cell)."""
        self.runs.append(("\t", source))
        self.length += 1
        self.space_pending = False

    def text(self) -> str:
        return "".join(t for t, _ in self.runs)

    def cut(self, offset: int) -> _Line:
        """The line without its first ``offset`` characters."""
        out = _Line(self.source)
        position = 0
        for run, source in self.runs:
            if position + len(run) > offset:
                skip = max(offset - position, 0)
                out.runs.append((run[skip:], source + skip))
                out.length += len(run) - skip
            position += len(run)
        out.markers = [(s - offset, e - offset, t) for s, e, t in self.markers if s >= offset]
        return out


class _Builder:
    """The document text and its offset map, written line by line."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.newlines = 0
        self.offsets: list[tuple[int, int]] = []
        self._delta: int | None = None

    def emit(self, text: str, source: int) -> None:
        if not text:
            return
        delta = source - self.length
        if delta != self._delta:
            self.offsets.append((self.length, source))
            self._delta = delta
        self.parts.append(text)
        self.length += len(text)
        self.newlines += text.count("\n")

    def synthetic(self, text: str, source: int) -> None:
        """Characters the reader adds (line breaks, labels): all of them point at ``source``."""
        for ch in text:
            self._delta = None
            self.emit(ch, source)
        self._delta = None

    def text(self) -> str:
        return "".join(self.parts)


def _classes(el: etree._Element) -> list[str]:
    names = (el.get("class") or "").split()
    ident = el.get("id")
    if ident:
        names.append(ident)
    return [n.lower() for n in names]


def _words(names: list[str]) -> set[str]:
    words: set[str] = set()
    for name in names:
        words.update(w for w in re.split(r"[-_:.]+", name) if w)
    return words


def _has_class(el: etree._Element, name: str) -> bool:
    return name in (el.get("class") or "").split()


def _hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _text_of(el: etree._Element) -> str:
    return _SPACE.sub(" ", el.text_content()).strip()


def _label_text(el: etree._Element) -> str:
    """An element's text with a space for each `<br>` (`Territorial<br>changes`)."""
    parts: list[str] = []

    def visit(node: etree._Element) -> None:
        if isinstance(node.tag, str):
            if node.tag.lower() == "br":
                parts.append(" ")
            elif node.text and node.tag.lower() not in ("script", "style"):
                parts.append(node.text)
            for child in node:
                visit(child)
        if node is not el and node.tail:
            parts.append(node.tail)

    visit(el)
    return _SPACE.sub(" ", "".join(parts).replace("\u00a0", " ")).strip()


def _shorten(label: str) -> str:
    label = _SPACE.sub(" ", label).strip()
    return label if len(label) <= _LABEL_LIMIT else label[: _LABEL_LIMIT - 1].rstrip() + "…"


@cache
def _noise() -> tuple[re.Pattern[str], frozenset[str]]:
    lx = lexicon()
    starts = "|".join(re.escape(w) for w in sorted(lx.noise_lines, key=len, reverse=True))
    return re.compile(rf"(?:{starts})(?:\s|:|$|\b)"), lx.noise_exact


def _is_noise(line: str) -> bool:
    """Page furniture by the project's lexicon (`Read also: ...`, `Advertisement`)."""
    stripped = line.strip().lower()
    if not stripped:
        return True
    pattern, exact = _noise()
    return stripped in exact or pattern.match(stripped) is not None


class _Reader:
    def __init__(self, source: str, path: str) -> None:
        self.source = source
        self.path = path
        self.problems: list[Problem] = []
        from lxml import etree
        from lxml import html as lxml_html

        parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=False, recover=True)
        try:
            self.root = lxml_html.document_fromstring(source.encode("utf-8", "surrogatepass"), parser=parser)
        except (etree.ParserError, ValueError):
            self.root = lxml_html.document_fromstring(b"<html><body></body></html>", parser=parser)
        self.map = _SourceMap(source, self.root)
        self.ids = {el.get("id"): el for el in self.root.iter() if isinstance(el.tag, str) and el.get("id")}
        self.builder = _Builder()
        self.references: list[Reference] = []
        self.prose: list[tuple[int, int]] = []
        self.sections: list[Section] = []
        self.fields: list[InfoboxField] = []
        self.consumed: set[etree._Element] = set()
        self.wikipedia = False
        self.skip_level: int | None = None
        self.line: _Line | None = None
        self.link_depth = 0
        #: Inside a cell of a table read as rows: line breaks and blocks are spaces.
        self.in_cell = False
        self.in_article = 0
        self.collecting: list[_Line] | None = None
        self.labels: dict[etree._Element, str] = {}
        """While reading an infobox cell: its items, one line each, instead of prose."""

    # -- metadata --------------------------------------------------------------------------------

    def _meta(self, *names: str) -> str | None:
        for name in names:
            for el in self.root.iter("meta"):
                key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
                if key == name and (el.get("content") or "").strip():
                    return el.get("content").strip()
        return None

    def _json_ld(self) -> list[dict]:
        """Article-like JSON-LD objects of the page (`NewsArticle`, `Article`, `Report`, ...)."""
        found: list[dict] = []
        for el in self.root.iter("script"):
            if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
                continue
            try:
                data = json.loads(el.text)
            except ValueError:
                continue
            stack = data if isinstance(data, list) else [data]
            while stack:
                item = stack.pop(0)
                if not isinstance(item, dict):
                    continue
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
                types = item.get("@type")
                types = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and (t.endswith("Article") or t in ("Report", "WebPage")) for t in types):
                    found.append(item)
        return found

    def provenance(self, url: str | None, fetched_at: str | None) -> Provenance:
        ld = self._json_ld()

        def from_ld(key: str) -> str | None:
            for item in ld:
                value = item.get(key)
                values = value if isinstance(value, list) else [value]
                names = [v.get("name") if isinstance(v, dict) else v for v in values]
                names = [n.strip() for n in names if isinstance(n, str) and n.strip()]
                if names:
                    return ", ".join(names)
            return None

        title_el = self.root.find(".//title")
        canonical = next((el.get("href") for el in self.root.iter("link")
                          if "canonical" in (el.get("rel") or "").lower().split() and el.get("href")), None)
        saved_from = None
        for comment in self.map.data.comments:
            found = _SAVED_FROM.search(comment)
            if found:
                saved_from = found.group(1) or found.group(2)
                break
        page_url = canonical or self._meta("og:url") or saved_from or url
        if page_url and url and is_url(url) and not is_url(page_url):
            page_url = urljoin(url, page_url)
        published = (self._meta("article:published_time", "datepublished", "date", "pubdate", "dc.date",
                                "dc.date.issued", "publishdate") or from_ld("datePublished") or self._first_time())
        modified = self._meta("article:modified_time", "og:updated_time", "datemodified") or from_ld("dateModified")
        if modified is None and "footer-info-lastmod" in self.ids:
            modified = _date_in(_text_of(self.ids["footer-info-lastmod"]))
        author = self._meta("author", "article:author", "dc.creator") or from_ld("author") or self._byline()
        if author and is_url(author):
            author = from_ld("author") or self._byline()
        return Provenance(
            source=self.path,
            source_format="html",
            source_sha256=sha256(self.source),
            url=page_url,
            title=_text_of(title_el) if title_el is not None else None,
            published=_normal_date(published),
            modified=_normal_date(modified),
            author=author,
            site=self._meta("og:site_name", "application-name") or from_ld("publisher"),
            fetched_at=fetched_at,
        )

    def _first_time(self) -> str | None:
        for el in self.root.iter("time"):
            if el.get("datetime"):
                return el.get("datetime")
        return None

    def _byline(self) -> str | None:
        for el in self.root.iter():
            if isinstance(el.tag, str) and (el.get("rel") == "author" or {"byline", "author"} & _words(_classes(el))):
                text = re.sub(r"(?i)^\s*by\s+", "", _text_of(el)).strip()
                if text and len(text) <= 120:
                    return text
        return None

    def headline(self, root: etree._Element, page_title: str | None) -> tuple[str, etree._Element | None]:
        """The article's headline and its element (which the walk leaves out), else the
        page's title without the site's name."""
        first = self.ids.get("firstHeading")
        if first is not None:
            return _text_of(first), first
        article = next(iter(root.iterancestors("article")), root if root.tag == "article" else None)
        for scope in (article, root, self.root):
            if scope is None:
                continue
            h1 = next((h for h in scope.iter("h1") if _text_of(h)), None)
            if h1 is not None:
                return _text_of(h1), h1
        og = self._meta("og:title")
        if og:
            return og, None
        title = page_title or ""
        site = self._meta("og:site_name")
        for separator in (" | ", " - ", " — ", " – "):
            if separator in title:
                head, tail = title.rsplit(separator, 1)
                if (site and tail.strip().lower() == site.lower()) or len(tail.split()) <= 4:
                    title = head
                break
        return title.strip(), None

    # -- the content root ------------------------------------------------------------------------

    def content_root(self) -> etree._Element:
        for el in self.root.iter("div"):
            if _has_class(el, "mw-parser-output"):
                self.wikipedia = True
                return el
        body = next((el for el in self.root.iter() if isinstance(el.tag, str)
                     and (el.get("itemprop") or "").lower() == "articlebody"), None)
        if body is not None:
            # The article around the body, so that its header's standfirst is read too.
            return next(iter(body.iterancestors("article")), body)
        articles = [a for a in self.root.iter("article") if not any(True for _ in a.iterancestors("article"))]
        if articles:
            size = {a: sum(len(_text_of(p)) for p in a.iter("p")) for a in articles}
            biggest = max(articles, key=size.__getitem__)
            feed = [a for a in articles if a.getparent() is biggest.getparent()]
            if len(feed) > 1 and size[biggest] < 0.6 * sum(size[a] for a in feed):
                # A live blog's entries, one `<article>` each: the feed is the content, not
                # its longest entry (a story's teasers beside it are short and sit elsewhere).
                return biggest.getparent()
            return biggest
        for el in self.root.iter():
            if isinstance(el.tag, str) and (el.tag == "main" or (el.get("role") or "").lower() == "main"):
                return el
        body = self.root.find("body")
        return body if body is not None else self.root

    # -- boilerplate -----------------------------------------------------------------------------

    def skipped(self, el: etree._Element) -> bool:
        """Never content: by tag, by being hidden, by ARIA role, by class or id."""
        tag = el.tag.lower()
        if tag == "aside" and el not in self.consumed and not _hidden(el) and _words(_classes(el)) & _FACT_BOX_WORDS:
            return False  # a story's box of key facts is its content, not a sidebar of other stories
        if tag in _SKIP_TAGS or el in self.consumed:
            return True
        if tag == "header" and not self.in_article:
            return True
        if tag == "table" and self.wikipedia:
            return True
        if _hidden(el) or (el.get("role") or "").lower() in _SKIP_ROLES:
            return True
        names = _classes(el)
        if not names:
            return False
        if any(n in _BOILERPLATE_NAMES or n in _REFERENCE_LISTS for n in names):
            return True
        words = _words(names)
        if tag == "sup" and "reference" in words:
            return False
        return bool(words & _BOILERPLATE_WORDS)

    # -- lines -----------------------------------------------------------------------------------

    def add_text(self, el: etree._Element, text: str | None, tail: bool) -> None:
        """Add a text node to the current line, white space collapsed, each word mapped."""
        if not text:
            return
        data = self.map.data
        position = self.map.positions.get((el, tail))
        if position is None:
            anchor = el.getparent() if tail and el.getparent() is not None else el
            fallback = self.map.tag_offset(anchor)
        if self.line is None:
            if not text.strip():
                return
            self.line = _Line(fallback if position is None else data.to_source(position))
        line = self.line
        link = self.link_depth > 0
        previous_end = 0
        for m in _NOT_SPACE.finditer(text):
            if m.start() > previous_end:
                line.space(fallback if position is None else data.to_source(position + previous_end))
            previous_end = m.end()
            word = m.group()
            if position is None:
                line.add(word, fallback, link=link)
                continue
            pieces = data.segments(position + m.start(), len(word))
            for k, (offset, source) in enumerate(pieces):
                end = pieces[k + 1][0] if k + 1 < len(pieces) else len(word)
                line.add(word[offset:end], source, link=link)
        if previous_end < len(text):
            line.space(fallback if position is None else data.to_source(position + previous_end))

    def flush(self, *, heading: int | None = None) -> None:
        """End the current line: keep it as prose (or a heading), or drop it as boilerplate."""
        line, self.line = self.line, None
        if line is None or not line.runs:
            return
        if self.collecting is not None:
            self.collecting.append(line)
            return
        text = line.text()
        if not text.strip() or self.skip_level is not None:
            return
        if heading is None and (
            _is_noise(text)
            or (not self.wikipedia and line.chars < 400 and line.link_chars >= _LINK_DENSITY * line.chars)
        ):
            return
        builder = self.builder
        if builder.length:
            builder.synthetic("\n\n", line.source)
        start = builder.length
        for run, source in line.runs:
            builder.emit(run, source)
        self._references(line, start)
        # Footnote markers are not prose (as `<ref>`s in wikitext): a sentence ends before its
        # marker, and the reference after it is the claim's citation.
        cursor = start
        for m_start, m_end, _ in line.markers:
            self.prose.append((cursor, start + m_start))
            cursor = start + m_end
        self.prose.append((cursor, builder.length))
        if heading is not None:
            self.sections.append(Section(text.strip(), heading, start, len(text)))

    def _references(self, line: _Line, start: int) -> None:
        for m_start, m_end, target in line.markers:
            self.references.append(Reference(target.get("id"), self._label(target), start + m_start, start + m_end))

    # -- the walk --------------------------------------------------------------------------------

    def walk(self, el: etree._Element) -> None:
        for child in el:
            if not isinstance(child.tag, str):  # a comment or a processing instruction
                self.add_text(child, child.tail, True)
                continue
            tag = child.tag.lower()
            if tag == "table" and (_has_class(child, "wikitable") if self.wikipedia else _data_table(child)) and not self.in_cell \
                    and child not in self.consumed and not _hidden(child) and _counts_losses(child):
                self.flush()
                self.rows(child)
                self.flush()
            elif self.skipped(child):
                if tag in _BLOCK_TAGS and self.collecting is None:
                    self.flush()
                elif self.line is not None:
                    self.line.space(self.map.tag_offset(child))
            elif tag in _HEADINGS:
                self.heading(child, _HEADINGS[tag])
            elif tag == "br" and self.in_cell and self.line is not None:
                self.line.space(self.map.tag_offset(child))
            elif tag == "br":
                self.flush()
            elif tag == "sup" and self._footnote_target(child) is not None:
                self.marker(child)
            elif tag in _BLOCK_TAGS and not self.in_cell:
                self.flush()
                self.block(child, tag)
                self.flush()
            else:
                self.link_depth += tag == "a"
                self.add_text(child, child.text, False)
                self.walk(child)
                self.link_depth -= tag == "a"
            self.add_text(child, child.tail, True)

    def rows(self, table: etree._Element) -> None:
        """A table of figures in the body (Wikipedia's `wikitable`, any page's table of short
        cells whose headers say what is counted: casualties by side, losses by day) as
        one line per row, its cells between tabs, for the figures of a table to be read by
        their row and column (`claims.extract.grid`)."""
        for tr in table.iter("tr"):
            if tr.find(".//table") is not None:
                continue
            cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th") and not _hidden(c)]
            for k, cell in enumerate(cells):
                if k:
                    if self.line is None:
                        self.line = _Line(self.map.tag_offset(cell))
                    self.line.cell_break(self.map.tag_offset(cell))
                self.in_cell = True
                self.add_text(cell, cell.text, False)
                self.walk(cell)
                self.in_cell = False
            self.flush()

    def block(self, el: etree._Element, tag: str) -> None:
        self.in_article += tag == "article"
        if tag == "header" and self.in_article:
            self.article_header(el)
        else:
            self.add_text(el, el.text, False)
            self.walk(el)
        self.in_article -= tag == "article"

    def article_header(self, header: etree._Element) -> None:
        """An article's header: only a standfirst is content; headline, byline, date are metadata."""
        for el in header.iter("p", "div", "h2"):
            if el in self.consumed or not _words(_classes(el)) & _STANDFIRST_WORDS or self.skipped(el):
                continue
            self.flush()
            self.add_text(el, el.text, False)
            self.walk(el)
            self.flush()

    def heading(self, el: etree._Element, level: int) -> None:
        self.flush()
        if self.skip_level is not None and level <= self.skip_level:
            self.skip_level = None
        if el in self.consumed:
            return
        self.add_text(el, el.text, False)
        self.walk(el)
        title = self.line.text().strip().lower().strip(" :") if self.line is not None else ""
        if title in END_SECTIONS or (title and _is_noise(title)):
            self.line = None
            self.skip_level = level
            return
        self.flush(heading=level)

    def marker(self, sup: etree._Element) -> None:
        target = self._footnote_target(sup)
        label = _text_of(sup)
        if target is None or not label:
            return
        if not label.startswith("["):
            label = f"[{label}]"
        source = self.map.tag_offset(sup)
        if self.line is None:
            self.line = _Line(source)
        line = self.line
        line.space_pending = False  # a marker is glued to what it cites
        start = line.length
        line.add(label, source)
        line.markers.append((start, line.length, target))

    def _footnote_target(self, sup: etree._Element) -> etree._Element | None:
        link = next((a for a in sup.iter("a") if (a.get("href") or "").startswith("#")), None)
        if link is None:
            return None
        href = link.get("href")
        target = self.ids.get(href[1:])
        if target is None:
            return None
        words = _words(_classes(sup)) | _words(_classes(link))
        if words & {"reference", "footnote", "noteref"} or href.lower().startswith(("#cite_note", "#fn", "#note", "#ref")):
            return target
        return None

    def _label(self, target: etree._Element) -> str:
        """A footnote's label: a citation's author, title and year (COinS), else its text."""
        label = self.labels.get(target)
        if label is None:
            label = self.labels[target] = self._read_label(target)
        return label

    def _read_label(self, target: etree._Element) -> str:
        for span in target.iter("span"):
            if _has_class(span, "Z3988") and span.get("title"):
                label = _coins_label(span.get("title"))
                if label:
                    return label
        body = next((el for el in target.iter() if isinstance(el.tag, str) and _has_class(el, "reference-text")), None)
        if body is None:
            body = target
        parts: list[str] = []
        for el, tail, text in _text_nodes(body):
            owner = el.getparent() if tail else el
            skip = False
            node = owner
            while node is not None and node is not body.getparent():
                names = set(_classes(node))
                if names & {"mw-cite-backlink", "footnote-backref", "backlink", "cite-backlink"} or node.get("rev") == "footnote":
                    skip = True
                    break
                node = node.getparent()
            if not skip:
                parts.append(text)
        return _shorten(re.sub(r"^[\^↑↩\s]+|[↩\s]+$", "", _SPACE.sub(" ", "".join(parts))))

    # -- the infobox -----------------------------------------------------------------------------

    def infobox(self, table: etree._Element) -> None:
        label: str | None = None
        previous_width = 0
        rows = 0
        values: dict[str, bool] = {}
        for tr in table.iter("tr"):
            if tr.find(".//table") is not None:
                continue  # a row holding a nested table: its own rows follow
            cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th") and not _hidden(c)]
            if not cells:
                continue
            rows += 1
            names = _words(_classes(cells[0]))
            text = _label_text(cells[0])
            if len(cells) == 1 and cells[0].tag.lower() == "th":
                if rows == 1 or names & {"above", "summary", "title"}:
                    self.infobox_cell(cells[0], "Conflict", "Conflict", None, None)
                else:
                    label, previous_width = text, 0
                    values.setdefault(label, False)
                continue
            if len(cells) >= 3 and cells[0].tag.lower() == "th" and text.strip().rstrip(":").strip().lower() in LABEL_KEYS:
                # `<th>Strength</th><td>600</td><td>278</td>`: the row's label, then a cell per column
                key, _ = normalise_key(text)
                for index, cell in enumerate(cells[1:], start=1):
                    self.infobox_cell(cell, key, text, index, f"table column {index} after the row's label")
                continue
            if len(cells) == 2 and (cells[0].tag.lower() == "th" or _LABEL_CELL.match(text.strip())):
                # (`<td>Casualties (Peshmerga)</td><td>38 killed</td>`: a label in a plain cell;
                # the key without what it is about, which the label keeps)
                key, column = normalise_key(re.sub(r"\s*\([^()\n]*\)\s*:?\s*$", "", text))
                self.infobox_cell(cells[1], key, text, column, None)
                continue
            if len(cells) == 1:
                if re.match(r"(?i)part of\b", text) or "subheader" in names:
                    self.infobox_cell(cells[0], "Partof", "Part of", None, None,
                                      strip=re.compile(r"(?i)^\s*part of\s+(?:the\s+)?"))
                    continue
                if names & {"image", "caption"} or cells[0].find(".//img") is not None:
                    continue
            if label is None:
                continue
            key, _ = normalise_key(label)
            spans = sum(int(c.get("colspan")) if (c.get("colspan") or "").isdigit() else 1 for c in cells)
            for index, cell in enumerate(cells):
                if len(cells) > 1:
                    column, reason = index + 1, f"table column {index + 1}"
                elif previous_width > 1 or spans > 1:
                    column, reason = 3, "one cell spanning the columns"
                else:
                    column, reason = None, None
                if self.infobox_cell(cell, key, label, column, reason):
                    values[label] = True
            previous_width = len(cells)
        for name, found in values.items():
            if not found:
                self.problems.append(Problem(f"infobox row {name!r} has no values (names or icons stripped?)", 1))

    def infobox_cell(
        self, cell: etree._Element, key: str, label: str, column: int | None, reason: str | None,
        strip: re.Pattern[str] | None = None,
    ) -> bool:
        """Each item of a cell (split at `<br>`, list items, paragraphs) as one field on its own
        line: `- Label (column): value`. True when the cell had a value."""
        saved = (self.line, self.skip_level, self.wikipedia, self.collecting)
        items: list[_Line] = []
        self.line, self.skip_level, self.wikipedia, self.collecting = None, None, True, items
        try:
            self.add_text(cell, cell.text, False)
            self.walk(cell)
            self.flush()
        finally:
            self.line, self.skip_level, self.wikipedia, self.collecting = saved
        shown = label if column is None else f"{label} ({column})"
        found = False
        builder = self.builder
        for item in items:
            text = item.text()
            if strip is not None and strip.match(text):
                item = item.cut(strip.match(text).end())
                text = item.text()
            value_start = len(text) - len(text.lstrip(" \u00a0"))
            value_end = len(text.rstrip(" \u00a0"))
            first_marker = min((s for s, _, _ in item.markers), default=None)
            if first_marker is not None and not re.sub(r"\[[^\]]*\]", "", text[first_marker:]).strip():
                value_end = len(text[:first_marker].rstrip(" \u00a0"))
            value = text[value_start:value_end]
            if is_blank_value(value):
                self.problems.append(Problem(
                    f"infobox field {shown} has no value ({value.strip() or 'empty'}); icons or links were "
                    "probably stripped", builder.newlines + 2))
                continue
            builder.synthetic("\n\n" if not self.fields else "\n", item.source)
            builder.synthetic(f"- {shown}: ", item.source)
            start = builder.length
            for run, source in item.runs:
                builder.emit(run, source)
            self._references(item, start)
            self.fields.append(InfoboxField(
                key=key, label=label, value=value, start=start + value_start, end=start + value_end,
                line=builder.newlines + 1, column=column, column_reason=reason,
            ))
            found = True
        return found

    def _emit_title(self, title: str) -> None:
        """A title taken from `<title>` or a `<meta>`: mapped to where the page states it."""
        data = self.map.data
        position = self.map.stream.find(title)
        if position < 0:
            meta = next((el for el in self.root.iter("meta") if (el.get("content") or "").strip() == title), None)
            self.builder.emit(title, self.map.tag_offset(meta) if meta is not None else 0)
            return
        pieces = data.segments(position, len(title))
        for k, (offset, source) in enumerate(pieces):
            end = pieces[k + 1][0] if k + 1 < len(pieces) else len(title)
            self.builder.emit(title[offset:end], source)

    def _runs_of(self, el: etree._Element) -> list[tuple[str, int]]:
        """An element's text as one line of mapped runs."""
        items: list[_Line] = []
        saved = (self.line, self.collecting)
        self.line, self.collecting = None, items
        try:
            self.add_text(el, el.text, False)
            self.walk(el)
            self.flush()
        finally:
            self.line, self.collecting = saved
        return [run for item in items[:1] for run in item.runs]

    # -- the whole page --------------------------------------------------------------------------

    def read(self, url: str | None, fetched_at: str | None) -> Document:
        provenance = self.provenance(url, fetched_at)
        root = self.content_root()
        title, headline = self.headline(root, provenance.title)
        if headline is not None:
            self.consumed.add(headline)
        table = next((t for t in root.iter("table") if _has_class(t, "infobox")), None)
        if table is None:
            table = next((t for t in self.root.iter("table") if _has_class(t, "infobox")), None)
        builder = self.builder
        runs = self._runs_of(headline) if headline is not None else []
        if runs:
            title = "".join(text for text, _ in runs).strip()
            for text, source in runs:
                builder.emit(text, source)
        elif title:
            self._emit_title(title)
        if title:
            if table is None:
                self.prose.append((0, builder.length))  # a news headline is read as the text's first line
        if table is not None:
            self.consumed.add(table)
            self.infobox(table)
        body_start = builder.length
        self.in_article = sum(1 for _ in root.iterancestors("article")) + (root.tag == "article")
        self.add_text(root, root.text, False)
        self.walk(root)
        self.flush()
        text = builder.text()
        if not text.strip():
            self.problems.append(Problem("the page has no readable text (only navigation, scripts or page furniture?)", 1))
        body_start = next((s for s, _ in sorted(self.prose) if s >= body_start), len(text))
        provenance = attrs.evolve(provenance, offsets=tuple(builder.offsets),
                                  source_lines=tuple(self.map.data.line_starts))
        return Document(
            id=document_id(self.path),
            path=self.path,
            title=title or Path(urlsplit(self.path).path).stem or self.path,
            format=DocumentFormat.HTML,
            text=text,
            sha256=sha256(self.source),
            sections=close_sections(self.sections, len(text)),
            infobox=tuple(self.fields),
            problems=tuple(self.problems),
            body_start=body_start,
            belligerents=belligerents_from(self.fields),
            prose=_merge(self.prose, text),
            references=tuple(sorted(self.references, key=lambda r: r.start)),
            provenance=provenance,
        )


def _merge(ranges: list[tuple[int, int]], text: str) -> tuple[tuple[int, int], ...]:
    """Adjacent prose ranges (only white space between them) as one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and not text[merged[-1][1]:start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


_MONTHS = "january february march april may june july august september october november december".split()


def _date_in(text: str) -> str | None:
    """`This page was last edited on 12 March 2023, at 10:15` -> `2023-03-12`."""
    m = re.search(r"(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})", text)
    if m and m.group(2).lower() in _MONTHS:
        return f"{m.group(3)}-{_MONTHS.index(m.group(2).lower()) + 1:02d}-{int(m.group(1)):02d}"
    return None


def _normal_date(value: str | None) -> str | None:
    """An ISO date or date-time as given (`2020-10-05T09:30:00Z` stays), else the text as stated."""
    if not value:
        return None
    value = value.strip()
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return _date_in(value) or value[:64]
    return value


def _coins_label(title: str) -> str | None:
    """A COinS citation (`rft.au=de+Waal&rft.btitle=Black+Garden&rft.date=2003`) -> label."""
    from urllib.parse import parse_qs

    fields = parse_qs(html_entities.unescape(title))

    def first(*keys: str) -> str:
        for key in keys:
            values = fields.get(key)
            if values and values[0].strip():
                return values[0].strip()
        return ""

    author = first("rft.au", "rft.aulast")
    title_text = first("rft.btitle", "rft.atitle", "rft.title", "rft.jtitle")
    year = first("rft.date")[:4]
    parts = [p for p in (author, title_text) if p]
    if not parts:
        return None
    return _shorten(", ".join(parts) + (f" ({year})" if year.isdigit() else ""))


def read_html(source: str, path: str, *, url: str | None = None, fetched_at: str | None = None) -> Document:
    """Read a page's HTML into a document (text, infobox fields, references, provenance)."""
    if source.startswith("\ufeff"):
        source = " " + source[1:]
    return _Reader(source, path).read(url if url is not None else (path if is_url(path) else None), fetched_at)


def source_position(document: Document, offset: int) -> tuple[int, int, int] | None:
    """Where a character of a page's text is in its HTML: (offset, line, column), or None."""
    found = source_map(document)
    return None if found is None else found.position(offset)


__all__ = [
    "SUFFIXES",
    "decode_page",
    "declared_charset",
    "fetch",
    "is_html_path",
    "is_url",
    "looks_like",
    "read_html",
    "source_position",
]
