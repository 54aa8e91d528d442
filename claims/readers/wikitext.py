"""MediaWiki wikitext: the source of a Wikipedia article, read where it stands.

The reader never rewrites the text (offsets stay into the file, so every span quotes it); it
describes the markup instead:

- **Infobox** (`{{Infobox military conflict | key = value | ...}}`): one InfoboxField per item
  of a value. Items are separated by `<br />`, by list lines (`* ...`) and by list templates
  (`{{plainlist}}`, `{{ubl|a|b}}`); an item's span is cut around markup that states nothing
  (`<ref>`s, comments, `{{flagicon}}` and footnote templates, file links, URLs), so a figure
  is never read from a citation. Templates that carry text stay in the item: `{{KIA}}` beside
  a name is part of the commander. Keys go through ``normalise_key`` (`casualties1` ->
  Casualties, column 1); the field's label is the raw key.
- **Prose** (``Document.prose``): the running text after the infobox, up to the first
  `== References ==` / `Notes` / `See also` / `External links` (...) section, *without*
  `<ref>`s, templates (all of them, `{{convert|...}}` included: a template's parameters are
  not running text, and no template is rendered), comments, file and category links, tables,
  URLs and headings. Wiki links stay: their brackets are in the ranges, their words are prose.
- **References** (``Document.references``): every `<ref>...</ref>`, reused `<ref name=... />`
  and short footnote (`{{sfn|...}}`, `{{r|name}}`), each with a label for the attribution
  chain: a cite template's author, title and year, else the reference's own text.

Templates nest, so markup is found by a small scanner that counts braces and brackets, not by
one regular expression. Unclosed markup (`{{` with no `}}`) is read as text, as MediaWiki does.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from claims.model import InfoboxField, Problem, Reference, Section
from claims.readers.common import normalise_key
from claims.readers.plain_export import close_sections
from claims.readers.structure import END_SECTIONS, ParsedDocument
from claims.textmap import LineMap, strip_range

#: A markup region: start, end, kind and (for templates) the normalised template name.
Region = tuple[int, int, str, str]

COMMENT, REF, TEMPLATE, LINK, FILE, TABLE, TAG, URL = (
    "comment", "ref", "template", "link", "file", "table", "tag", "url",
)

_TOKEN = re.compile(
    r"<!--|<ref(?=[\s>/])|\{\{|\[\[|\[(?:https?:)?//|\bhttps?://|^[ \t]*\{\|"
    r"|<(?:gallery|references|nowiki|math|score|timeline|syntaxhighlight|pre|imagemap)\b",
    re.I | re.M,
)
_TABLE_EDGE = re.compile(r"^[ \t]*(\{\||\|\})", re.M)
REF_RE = re.compile(
    r"<ref\b(?P<attrs>[^>]*?)(?:/\s*>|>(?P<body>[^<]*(?:<(?!/?ref\b)[^<]*)*)</ref\s*>)", re.I
)
_REF_NAME = re.compile(r"""\bname\s*=\s*(?:"(?P<a>[^"]*)"|'(?P<b>[^']*)'|(?P<c>[^\s/>"']+))""", re.I)
_SHORT_FOOTNOTE = re.compile(
    r"\{\{\s*(?P<name>sfnp?|sfnm|harvnb|harvp|harv|r)\s*\|(?P<body>[^{}]*)\}\}", re.I
)
_URL_BODY = re.compile(r"[^\s\]\[<>{}|]*")
_BR = re.compile(r"<\s*br\s*/?\s*>", re.I)
_HEADING = re.compile(r"^(?P<marks>={1,6})[ \t]*(?P<title>[^\n]*?)[ \t]*(?P=marks)[ \t]*$", re.M)
_MAGIC_WORD = re.compile(r"__[A-Z]+__")
_INFOBOX = re.compile(r"\{\{\s*infobox\b", re.I)
_DISPLAYTITLE = re.compile(r"\{\{\s*DISPLAYTITLE\s*:\s*(?P<title>[^{}\n]*?)\s*\}\}", re.I)
_BOLD = re.compile(r"'''(?!')(?P<term>[^\n]+?)'''")
_WIKI_LINK = re.compile(r"\[\[[^\[\]\n]+\]\]")
_WIKI_HEADING_LINE = re.compile(r"(?m)^==+[^=\n]+==+[ \t]*$")

FILE_NAMESPACES = frozenset({"file", "image", "category", "media"})
#: Sections from which on nothing is running text.
#: Templates inside infobox values that state nothing: icons and footnotes.
NO_TEXT_TEMPLATES = frozenset({
    "flagicon", "flagicon image", "flag icon", "flagdeco", "flag deco", "efn", "refn", "sfn", "sfnp",
    "sfnm", "harvnb", "harv", "harvp", "r", "rp", "citation needed", "cn", "fact", "clarify",
    "dubious", "failed verification", "when", "by whom", "who", "better source needed",
    "according to whom", "full citation needed", "page needed", "verification needed",
})
#: List templates whose parameters are the items of a value.
LIST_TEMPLATES = frozenset({
    "plainlist", "plain list", "unbulleted list", "ubl", "ubil", "flatlist", "flat list", "hlist",
    "bulleted list", "blist", "collapsible list",
})
#: Marker templates and the text they stand for beside a name.
MARKER_TEMPLATES = {
    "kia": "KIA", "wia": "WIA", "pow": "POW", "mia": "MIA", "executed": "(executed)",
    "died in custody": "(died)", "dagger": "†", "double-dagger": "‡", "surrendered": "(captured)",
}
#: Text templates rendered as one of their parameters (1-based).
_TEXT_PARAM = {
    "flag": 1, "flagcountry": 1, "flagu": 1, "flag country": 1, "nowrap": 1, "nobr": 1, "small": 1,
    "big": 1, "nobold": 1, "noitalic": 1, "ill": 1, "interlanguage link": 1, "lang": 2, "transl": 2,
    "abbr": 1, "lang-az": 1, "lang-hy": 1, "lang-ru": 1, "lang-ka": 1,
}
#: Infobox parameters that hold pictures or layout, never claims.
_LAYOUT_KEYS = frozenset({
    "image", "image_size", "image_upright", "alt", "caption", "map_type", "map_relief", "map_size",
    "map_marksize", "map_caption", "map_label", "latitude", "longitude", "coordinates", "module",
    "campaignbox", "width", "imagesize", "image_name",
})
_LABEL_LIMIT = 80


def looks_like(text: str) -> bool:
    """An `{{Infobox` (any case), or wiki headings with links, bold or `<ref>`s."""
    head = text[:16384]
    if _INFOBOX.search(head):
        return True
    return bool(_WIKI_HEADING_LINE.search(head)) and bool(
        _WIKI_LINK.search(head) or "'''" in head or re.search(r"<ref[\s>/]", head, re.I)
    )


# -- the scanner ---------------------------------------------------------------------------------


def scan(text: str, lo: int = 0, hi: int | None = None) -> list[Region]:
    """The top-level markup regions of ``text[lo:hi]``, in order, not overlapping."""
    hi = len(text) if hi is None else hi
    out: list[Region] = []
    pos = lo
    search = _TOKEN.search
    unclosed_tags: set[str] = set()  # tags with no closing tag after the last one seen
    while True:
        m = search(text, pos, hi)
        if m is None:
            return out
        start = m.start()
        token = m.group().lower()
        end: int | None
        if token == "<!--":
            close = text.find("-->", m.end(), hi)
            end = hi if close == -1 else close + 3
            out.append((start, end, COMMENT, ""))
        elif token.startswith("<ref"):
            r = REF_RE.match(text, start, hi)
            if r is None:
                pos = m.end()
                continue
            end = r.end()
            out.append((start, end, REF, ""))
        elif token == "{{":
            end = _close(text, start, hi, "{{")
            if end is None:
                pos = start + 2
                continue
            out.append((start, end, TEMPLATE, template_name(text, start, end)))
        elif token == "[[":
            end = _close(text, start, hi, "[[")
            if end is None:
                pos = start + 2
                continue
            target = text[start + 2 : end - 2].split("|", 1)[0]
            namespace = target.split(":", 1)[0].strip().lower() if ":" in target else ""
            out.append((start, end, FILE if namespace in FILE_NAMESPACES else LINK, ""))
        elif token.startswith("["):
            end = _URL_BODY.match(text, m.end(), hi).end()
            out.append((start, end, URL, ""))
        elif token.startswith("http"):
            end = _URL_BODY.match(text, m.end(), hi).end()
            while end > m.end() and text[end - 1] in ".,;:)'\"":
                end -= 1
            out.append((start, end, URL, ""))
        elif token.endswith("{|"):
            end = _close_table(text, m.end(), hi)
            out.append((start, end, TABLE, ""))
        else:
            name = token[1:]
            gt = text.find(">", m.end(), hi)
            if gt == -1:
                pos = m.end()
                continue
            end = gt + 1
            if text[gt - 1] != "/" and name not in unclosed_tags:
                close = re.compile(rf"</{name}\s*>", re.I).search(text, end, hi)
                if close is None:
                    unclosed_tags.add(name)
                else:
                    end = close.end()
            out.append((start, end, TAG, name))
        pos = max(end, start + 1)


def _close(text: str, start: int, hi: int, opener: str) -> int | None:
    """The end of the `{{...}}` or `[[...]]` opened at ``start`` (nesting counted, comments
    skipped) if it closes before ``hi``; None if it does not."""
    braces, brackets = _pairs(text)
    end = (braces if opener == "{{" else brackets).get(start)
    return end if end is not None and end <= hi else None


_PAIR_TOKEN = re.compile(r"<!--.*?(?:-->|\Z)|\{\{|\}\}|\[\[|\]\]", re.S)
_PAIR_CACHE: dict[int, tuple[str, dict[int, int], dict[int, int]]] = {}


def _pairs(text: str) -> tuple[dict[int, int], dict[int, int]]:
    """Where each `{{` and `[[` of ``text`` closes, found in one pass with a stack: unclosed
    markup then costs nothing (a scan from every `{{` to the end would be quadratic). Cached
    for long texts, which the reader scans many times."""
    if len(text) > 4096:
        hit = _PAIR_CACHE.get(id(text))
        if hit is not None and hit[0] is text:
            return hit[1], hit[2]
    braces: dict[int, int] = {}
    brackets: dict[int, int] = {}
    open_braces: list[int] = []
    open_brackets: list[int] = []
    for m in _PAIR_TOKEN.finditer(text):
        token = m.group()
        if token == "{{":
            open_braces.append(m.start())
        elif token == "}}":
            if open_braces:
                braces[open_braces.pop()] = m.end()
        elif token == "[[":
            open_brackets.append(m.start())
        elif token == "]]":
            if open_brackets:
                brackets[open_brackets.pop()] = m.end()
    if len(text) > 4096:
        if len(_PAIR_CACHE) >= 4:
            _PAIR_CACHE.clear()
        _PAIR_CACHE[id(text)] = (text, braces, brackets)
    return braces, brackets


def _close_table(text: str, pos: int, hi: int) -> int:
    """The end of the line closing a table opened before ``pos`` (nesting counted), else ``hi``."""
    depth = 1
    for m in _TABLE_EDGE.finditer(text, pos, hi):
        depth += 1 if m.group(1) == "{|" else -1
        if depth == 0:
            line_end = text.find("\n", m.end(), hi)
            return hi if line_end == -1 else line_end
    return hi


def template_name(text: str, start: int, end: int) -> str:
    """`{{ Flagicon|ARM}}` -> `flagicon`; `{{DISPLAYTITLE:x}}` -> `displaytitle`."""
    inner = text[start + 2 : end - 2]
    cut = len(inner)
    for stop in ("|", "\n", ":", "{", "<"):
        at = inner.find(stop)
        if at != -1 and at < cut:
            cut = at
    name = " ".join(inner[:cut].replace("_", " ").split()).lower()
    return name[9:] if name.startswith("template:") else name


def template_params(text: str, start: int, end: int) -> list[tuple[str | None, int, int]]:
    """The parameters (not the name) of the template ``text[start:end]``: (key or None, value
    start, value end), split at `|` outside nested markup, values trimmed of white space."""
    inner_lo, inner_hi = start + 2, max(start + 2, end - 2)
    nested = scan(text, inner_lo, inner_hi)
    pipes = _outside(text, "|", inner_lo, inner_hi, nested)
    params: list[tuple[str | None, int, int]] = []
    bounds = pipes + [inner_hi]
    for a, b in zip(bounds, bounds[1:]):
        lo = a + 1
        equals = _outside(text, "=", lo, b, nested, first=True)
        key = None
        if equals:
            candidate = text[lo : equals[0]].strip()
            if candidate and "\n" not in candidate:
                key = candidate
                lo = equals[0] + 1
        vs, ve = strip_range(text, lo, b)
        params.append((key, vs, ve))
    return params


def _outside(text: str, char: str, lo: int, hi: int, regions: list[Region], first: bool = False) -> list[int]:
    """Offsets of ``char`` in ``text[lo:hi]`` outside ``regions``."""
    found = []
    pos = text.find(char, lo, hi)
    index = 0
    while pos != -1:
        while index < len(regions) and regions[index][1] <= pos:
            index += 1
        if index < len(regions) and regions[index][0] <= pos:
            pos = text.find(char, regions[index][1], hi)
            continue
        found.append(pos)
        if first:
            break
        pos = text.find(char, pos + 1, hi)
    return found


# -- rendering markup as plain text -------------------------------------------------------------


def display_text(raw: str) -> str:
    """What a reader of the rendered page sees of ``raw``, roughly: link labels, the text of
    text templates (`{{flag|Armenia}}` -> Armenia), markers (`{{KIA}}` -> KIA), no refs,
    comments, icons, bold or tags; white space collapsed."""
    return " ".join(_render(raw, 0, len(raw)).split())


def _render(text: str, lo: int, hi: int, depth: int = 0) -> str:
    out: list[str] = []
    pos = lo
    for start, end, kind, name in scan(text, lo, hi):
        out.append(text[pos:start])
        pos = end
        if kind == LINK:
            inner = text[start + 2 : end - 2]
            label = inner.split("|", 1)[1] if "|" in inner else inner.lstrip(":")
            out.append(_render(label, 0, len(label), depth + 1) if depth < 8 else label)
        elif kind == URL and text[start] == "[":
            close = text.find("]", end, hi)
            if close != -1:
                out.append(text[end:close])
                pos = close + 1
        elif kind == URL:
            out.append(text[start:end])
        elif kind == TEMPLATE and depth < 8:
            out.append(" " + _render_template(text, start, end, name, depth) + " ")
        elif kind == TAG and name in ("nowiki",):
            out.append(re.sub(r"</?nowiki\s*/?>", "", text[start:end], flags=re.I))
    out.append(text[pos:hi])
    rendered = "".join(out)
    rendered = _BR.sub(", ", rendered)
    rendered = re.sub(r"'{2,}", "", rendered)
    rendered = re.sub(r"<[^<>\n]{1,80}>", "", rendered)
    return rendered.replace("&nbsp;", " ").replace("&ndash;", "–").replace("&mdash;", "—")


def _render_template(text: str, start: int, end: int, name: str, depth: int) -> str:
    if name in MARKER_TEMPLATES:
        return MARKER_TEMPLATES[name]
    if name in NO_TEXT_TEMPLATES or name.startswith("infobox"):
        return ""
    positional = [(vs, ve) for key, vs, ve in template_params(text, start, end) if key is None]
    if name in LIST_TEMPLATES:
        return ", ".join(_render(text, vs, ve, depth + 1) for vs, ve in positional)
    if name == "convert" and positional:
        return " ".join(text[vs:ve] for vs, ve in positional[:2])
    index = _TEXT_PARAM.get(name)
    if index is not None and len(positional) >= index:
        vs, ve = positional[index - 1]
        return _render(text, vs, ve, depth + 1)
    return ""


# -- references ----------------------------------------------------------------------------------


def _shorten(label: str) -> str:
    label = " ".join(label.split()).strip(" ,;:.")
    return label if len(label) <= _LABEL_LIMIT else label[: _LABEL_LIMIT - 1].rstrip() + "…"


def reference_label(body: str) -> str:
    """`{{cite book |last=de Waal |title=Black Garden |year=2003}}` -> `de Waal, Black Garden
    (2003)`; a reference with no cite template is labelled by its own text."""
    for start, end, kind, name in scan(body):
        if kind != TEMPLATE or not (name.startswith("cite") or name in ("citation", "harvc")):
            continue
        named = {
            key.strip().lower(): display_text(body[vs:ve])
            for key, vs, ve in template_params(body, start, end)
            if key is not None and vs < ve
        }
        author = next((named[k] for k in ("author", "last", "last1", "author1", "editor", "editor-last")
                       if named.get(k)), "")
        title = next((named[k] for k in ("title", "work", "website", "newspaper", "journal")
                      if named.get(k)), "")
        publisher = named.get("publisher", "")
        year = named.get("year", "")
        if not year and named.get("date"):
            found = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", named["date"])
            year = found.group(1) if found else ""
        parts = [p for p in (author, title) if p] or ([publisher] if publisher else [])
        if parts:
            return _shorten(", ".join(parts) + (f" ({year})" if year else ""))
    return _shorten(display_text(body))


def _ref_name(attrs: str) -> str | None:
    m = _REF_NAME.search(attrs or "")
    if m is None:
        return None
    return (m.group("a") or m.group("b") or m.group("c") or "").strip() or None


def collect_references(text: str, hidden: list[tuple[int, int]]) -> tuple[Reference, ...]:
    """Every `<ref>` and short footnote outside ``hidden`` ranges (comments), in text order."""
    starts = [a for a, _ in hidden]

    def is_hidden(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and hidden[i][0] <= offset < hidden[i][1]

    refs = [m for m in REF_RE.finditer(text) if not is_hidden(m.start())]
    labels: dict[str, str] = {}
    for m in refs:
        name = _ref_name(m.group("attrs"))
        body = m.group("body")
        if name and body is not None and body.strip() and name not in labels:
            labels[name] = reference_label(body)
    found: list[Reference] = []
    for m in refs:
        name = _ref_name(m.group("attrs"))
        body = m.group("body")
        if body is not None and body.strip():
            label = reference_label(body) or (name or "reference")
        else:
            label = labels.get(name or "", name or "reference")
        found.append(Reference(name=name, label=label or (name or "reference"), start=m.start(), end=m.end()))
    for m in _SHORT_FOOTNOTE.finditer(text):
        if is_hidden(m.start()):
            continue
        params = [p.strip() for p in m.group("body").split("|")]
        if m.group("name").lower() == "r":
            names = [p for p in params if p and "=" not in p]
            label = "; ".join(labels.get(n, n) for n in names)
            found.append(Reference(name=names[0] if names else None, label=label or "reference",
                                   start=m.start(), end=m.end()))
            continue
        positional = [p for p in params if p and "=" not in p]
        pages = [p.split("=", 1)[1].strip() for p in params
                 if "=" in p and p.split("=", 1)[0].strip().lower() in ("p", "pp", "page", "pages", "loc")]
        label = " ".join(positional) + (f", p. {pages[0]}" if pages and pages[0] else "")
        found.append(Reference(name=None, label=_shorten(label) or "reference", start=m.start(), end=m.end()))
    found.sort(key=lambda r: r.start)
    return tuple(found)


# -- the infobox ---------------------------------------------------------------------------------


def _cuts(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Ranges of ``text[lo:hi]`` that state nothing or separate items: refs, comments, icons,
    file links, URLs, `<br>`s, list templates' own markup. Sorted."""
    cuts: list[tuple[int, int]] = []
    kept: list[tuple[int, int]] = []
    for start, end, kind, name in scan(text, lo, hi):
        if kind in (COMMENT, REF, FILE, URL, TABLE, TAG):
            cuts.append((start, end))
        elif kind == TEMPLATE and name in NO_TEXT_TEMPLATES:
            cuts.append((start, end))
        elif kind == TEMPLATE and name in LIST_TEMPLATES:
            params = [(vs, ve) for key, vs, ve in template_params(text, start, end)]
            edge = start
            for vs, ve in params:
                if vs > edge:
                    cuts.append((edge, vs))
                cuts.extend(_cuts(text, vs, ve))
                edge = max(edge, ve)
            cuts.append((edge, end))
        else:
            kept.append((start, end))
    for m in _BR.finditer(text, lo, hi):
        if not any(a <= m.start() < b for a, b in kept):
            cuts.append((m.start(), m.end()))
    cuts.sort()
    return cuts


def value_items(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The items of the value ``text[lo:hi]``, each trimmed, cut around markup stating nothing."""
    items: list[tuple[int, int]] = []
    pos = lo
    for a, b in [*_cuts(text, lo, hi), (hi, hi)]:
        if a > pos:
            line_start = pos
            while line_start < a:
                nl = text.find("\n", line_start, a)
                line_end = a if nl == -1 else nl
                s, e = strip_range(text, line_start, line_end)
                s = strip_range(text, s, e, " \t*#:;,")[0]
                e = strip_range(text, s, e, " \t,;")[1]
                if any(ch.isalnum() for ch in text[s:e]):
                    items.append((s, e))
                line_start = line_end + 1
        pos = max(pos, b)
    return items


def _infobox(text: str, regions: list[Region], lines: LineMap, problems: list[Problem]):
    """(start, end, fields, raw values by key) of the first `{{Infobox ...}}`, or None."""
    for start, end, kind, name in regions:
        if kind == TEMPLATE and name.startswith("infobox"):
            return start, end, *_fields(text, start, end, lines, problems)
    m = _INFOBOX.search(text)
    if m is None:
        return None
    # Unclosed: read its parameters up to the first blank line, and say so.
    blank = text.find("\n\n", m.end())
    end = len(text) if blank == -1 else blank
    problems.append(Problem("the infobox template is not closed (no `}}`); read up to the first blank line",
                            lines.line_of(m.start())))
    return m.start(), end, *_fields(text, m.start(), end + 2, lines, problems)


def _fields(text: str, start: int, end: int, lines: LineMap, problems: list[Problem]):
    fields: list[InfoboxField] = []
    raw: dict[str, tuple[int, int]] = {}
    for key, vs, ve in template_params(text, start, end):
        if key is None or vs >= ve:
            continue
        raw.setdefault(key.lower(), (vs, ve))
        if key.lower() in _LAYOUT_KEYS:
            continue
        norm, column = normalise_key(key)
        items = value_items(text, vs, ve)
        if not items:
            problems.append(Problem(
                f"infobox field {key} has only markup (icons, references, comments), no value",
                *lines.position(vs),
            ))
            continue
        for s, e in items:
            line, _ = lines.position(s)
            fields.append(InfoboxField(key=norm, label=key, value=text[s:e], start=s, end=e,
                                       line=line, column=column))
    return fields, raw


def _belligerent(text: str, span: tuple[int, int] | None) -> str:
    """A column's belligerent: the label of the value's first link, else its text."""
    if span is None:
        return ""
    lo, hi = span
    items = value_items(text, lo, hi)
    for start, end, kind, _ in scan(text, lo, hi):
        if kind == LINK:
            # `{{flag|United Kingdom}}<br />... [[Polish Armed Forces|Poland]]`: a flag
            # template's country listed before the first link is the first belligerent.
            if items and items[0][1] <= start and (first := display_text(text[items[0][0]:items[0][1]])):
                return first
            return display_text(text[start:end])
    return display_text(text[items[0][0] : items[0][1]]) if items else ""


# -- the document --------------------------------------------------------------------------------


def parse(text: str) -> ParsedDocument:
    lines = LineMap(text)
    problems: list[Problem] = []
    regions = scan(text)
    infobox = _infobox(text, regions, lines, problems)
    fields: list[InfoboxField] = []
    raw: dict[str, tuple[int, int]] = {}
    body_start = 0
    if infobox is not None:
        _, body_start, fields, raw = infobox
        body_start = min(body_start, len(text))

    hidden: list[tuple[int, int]] = [(a, b) for a, b, kind, _ in regions if kind != LINK]
    sections: list[Section] = []
    stop = len(text)
    region_starts = [a for a, _ in hidden]
    for m in _HEADING.finditer(text):
        i = bisect_right(region_starts, m.start()) - 1
        if i >= 0 and hidden[i][0] <= m.start() < hidden[i][1]:
            continue  # a heading-like line inside a comment or template
        title = display_text(m.group("title")) or m.group("title").strip()
        level = len(m.group("marks"))
        sections.append(Section(title, level, m.start(), len(text)))
        hidden.append((m.start(), m.end()))
        if stop == len(text) and level <= 2 and m.start() >= body_start and title.lower() in END_SECTIONS:
            stop = m.start()
    hidden.extend((m.start(), m.end()) for m in _MAGIC_WORD.finditer(text))
    hidden.sort()
    if infobox is not None:
        hidden.append((infobox[0], body_start))
        hidden.sort()

    prose = _prose(text, body_start, stop, hidden)
    references = collect_references(text, [(a, b) for a, b, kind, _ in regions if kind == COMMENT])
    return ParsedDocument(
        title=_title(text, raw, prose),
        infobox=tuple(fields),
        sections=close_sections(sections, len(text)),
        problems=tuple(problems),
        body_start=body_start,
        belligerents=_belligerents(text, raw),
        prose=tuple(prose),
        references=references,
    )


def _belligerents(text: str, raw: dict[str, tuple[int, int]]) -> tuple[str, ...]:
    names = tuple(_belligerent(text, raw.get(key)) for key in ("combatant1", "combatant2"))
    third = _belligerent(text, raw.get("combatant3"))
    if third and any(names):
        names += (third,)  # a third belligerent of its own (`combatant3`), not a spanning row
    return names if any(names) else ()


def _title(text: str, raw: dict[str, tuple[int, int]], prose: list[tuple[int, int]]) -> str:
    m = _DISPLAYTITLE.search(text)
    if m and display_text(m.group("title")):
        return display_text(m.group("title"))
    for key in ("conflict", "name"):
        if key in raw:
            title = display_text(text[raw[key][0] : raw[key][1]])
            if title:
                return title
    if prose:
        first_line_end = text.find("\n", prose[0][0])
        first_line_end = len(text) if first_line_end == -1 else first_line_end
        for lo, hi in prose:
            if lo >= first_line_end:
                break
            bold = _BOLD.search(text, lo, hi)
            if bold and display_text(bold.group("term")):
                return display_text(bold.group("term"))
    return ""


def _prose(text: str, lo: int, hi: int, hidden: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of ``text[lo:hi]`` outside ``hidden`` (sorted), one line at most each,
    trimmed, holding at least one letter or digit."""
    out: list[tuple[int, int]] = []

    def add(a: int, b: int) -> None:
        while a < b:
            nl = text.find("\n", a, b)
            line_end = b if nl == -1 else nl
            at_line_start = a == 0 or text[a - 1] == "\n"
            s, e = strip_range(text, a, line_end, " \t\r")
            if at_line_start:
                s, e = strip_range(text, s, e, " \t\r*#:;")
            s, e = strip_range(text, s, e, " \t\r,;")
            if any(ch.isalnum() for ch in text[s:e]):
                out.append((s, e))
            a = line_end + 1

    pos = lo
    for a, b in hidden:
        if b <= pos:
            continue
        if a >= hi:
            break
        if a > pos:
            add(pos, a)
        pos = max(pos, b)
    if pos < hi:
        add(pos, hi)
    return out
