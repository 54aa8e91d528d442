"""Web pages: saved `.html` files and pages fetched on purpose, read into text with an offset map.

The fixtures are pages written for these tests in the shapes real sites use: a Wikipedia
article as a browser saves it (Vector 2022 skin, infobox, footnotes, navboxes, edit links) and
a news article (cookie banner, site navigation, byline, dateline, related-links box, "Read
also", captions, share bar, newsletter). Each has a twin with the same content as text.
"""

from __future__ import annotations

import html as html_entities
import json
import re
import http.server
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.cli import cli
from claims.describe import describe_value
from claims.errors import InputError
from claims.extract import extract_document
from claims.model import DocumentFormat, Kind
from claims.readers import detect_format, iter_document_paths, read_path, read_text
from claims.readers.html import fetch, read_html, source_position

FIXTURES = Path(__file__).parent / "fixtures" / "html"
WIKI = FIXTURES / "battle-of-karavan-pass.html"
NEWS = FIXTURES / "border-clashes-news.html"


def keys(path: Path) -> list[tuple]:
    return sorted(
        (c.kind.value, describe_value(c.value), c.attribution.claimant, c.side.column)
        for c in extract_document(read_path(path))
    )


@pytest.mark.parametrize("page", [WIKI, NEWS], ids=["wikipedia", "news"])
def test_a_page_gives_the_same_claims_as_its_content_as_text(page):
    from_html = keys(page)
    from_text = keys(page.with_suffix(".txt"))
    assert len(from_html) >= 8
    assert from_html == from_text


def test_pages_are_detected_by_content_and_by_suffix(tmp_path):
    assert detect_format(WIKI.read_text(encoding="utf-8")) is DocumentFormat.HTML
    assert detect_format("<!-- saved -->\n<html><body><p>x</p></body></html>") is DocumentFormat.HTML
    assert detect_format("A draft mentioning <b>bold</b> words.") is not DocumentFormat.HTML
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.htm").write_text("<p>The army lost 12 tanks.</p>", encoding="utf-8")
    found, errors = iter_document_paths([str(folder)])
    assert found == [str(folder / "a.htm")] and not errors
    document = read_path(found[0], format=DocumentFormat.HTML)
    assert document.format is DocumentFormat.HTML and "12 tanks" in document.text


def test_boilerplate_yields_no_text_and_no_claims():
    wiki = read_path(WIKI)
    news = read_path(NEWS)
    furniture = [
        # Wikipedia: navigation, site notice, hatnote, figure caption, a table that counts no
        # losses (units and men), navbox, references, external links, categories, footer.
        "40 killed in flooding", "2,000 editors", "8,000 readers", "Not to be confused", "7 brigades",
        "1,200", "5,000 dead", "1,500 names", "Northgate Press", "Categories", "last edited", "[edit]",
        "From Wikipedia", "3 languages",
        # News: cookie banner, site navigation and ticker, byline, date line, captions, share bar,
        # related links, read also, advertisement, newsletter, most read, footer.
        "412 partners", "12 dead in storm", "5,000 evacuated", "Lena Morrow", "Mon 15 Mar", "200 tanks",
        "1,204 comments", "5,000 flee", "2,000 troops moved", "300 prisoners", "Save 40%", "250,000 readers",
        "Flood kills 40", "1,000 journalists", "World",
    ]
    for phrase in furniture:
        assert phrase not in wiki.text and phrase not in news.text, phrase
    assert "TARAN CITY, March 15 (Highland Courier) – At least 30 soldiers" in news.text  # the dateline stays
    assert "worst since the 1994 ceasefire" in news.text  # the standfirst stays


def test_the_infobox_is_read_into_fields_with_columns():
    document = read_path(WIKI)
    fields = {(f.key, f.column, f.value) for f in document.infobox}
    assert ("Date", None, "12 March – 4 April 1993") in fields
    assert ("Place", None, "Karavan Pass, Upper Taran District") in fields
    assert ("Result", None, "Taranian victory") in fields
    assert ("Territory", None, "Taranian forces hold the pass") in fields
    assert ("Partof", None, "Highland War") in fields
    assert ("Combatant", 2, "Velmar Guard") in fields
    assert ("Commander", 1, "Davit Rezun KIA") in fields
    assert ("Strength", 1, "1,800 servicemen") in fields  # the footnote marker is not in the value
    assert ("Casualties", 3, "4,000 civilians displaced") in fields  # a row spanning both columns
    assert document.belligerents == ("Republic of Taran", "Velmar")
    for field in document.infobox:
        assert document.text[field.start:field.end] == field.value
        assert field.value in document.text.splitlines()[field.line - 1]
    assert [s.title for s in document.sections] == ["Background", "Battle", "Aftermath"]


def test_footnotes_are_the_claims_cited_references():
    claims = {c.span.quote: c for c in extract_document(read_path(WIKI))}
    assert claims["~900 killed"].attribution.reference == "Holm, Passes and Borders: The Highland War 1991–1994 (2001)"
    assert claims["3,500 servicemen (March 1993)"].attribution.reference == "Lena Morrow, Thaw on the pass (1993)"
    assert claims["about 3,500 troops"].attribution.reference == "Okafor, Mountain war logistics (1994)"
    assert claims["12 tanks destroyed"].attribution.reference == "Taran news agency bulletin 44"
    assert claims["240 killed"].attribution.reference is None
    document = read_path(WIKI)
    assert all(document.text[r.start:r.end].startswith("[") for r in document.references)


def test_provenance_of_a_news_page_and_of_a_saved_wikipedia_page():
    news = read_path(NEWS).provenance
    assert news is not None
    assert news.url == "https://courier.example.org/world/2021/03/15/border-clashes"
    assert news.title == "Dozens of soldiers killed in border clashes, ministry says | The Highland Courier"
    assert news.published == "2021-03-15T09:30:00+00:00" and news.modified == "2021-03-15T14:05:00+00:00"
    assert news.author == "Lena Morrow" and news.site == "The Highland Courier"
    wiki = read_path(WIKI)
    assert wiki.title == "Battle of Karavan Pass"
    assert wiki.provenance.url == "https://en.wikipedia.org/wiki/Battle_of_Karavan_Pass"
    assert wiki.provenance.modified == "2024-03-14"
    assert wiki.provenance.source_sha256 == wiki.sha256


def test_a_news_page_dates_without_a_year_in_the_year_it_was_published(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        '<html><head><title>Town falls</title>'
        '<meta property="article:published_time" content="2021-03-15T09:30:00+00:00"></head>'
        "<body><article><h1>Town falls</h1><p>The offensive began on Feb. 24, officials said.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    dates = [c for c in extract_document(read_path(page)) if c.kind is Kind.DATE]
    assert [(c.span.quote, str(c.value.earliest)) for c in dates] == [("Feb. 24", "2021-02-24")]
    assert dates[0].value.year_inferred


def test_a_table_of_losses_on_any_page_is_read_by_row_and_column_and_a_layout_table_is_not(tmp_path):
    page = tmp_path / "museum.html"
    page.write_text(
        "<html><body><main><h1>Losses at Karavan Pass</h1><p>Both armies paid dearly.</p>"
        "<table><tr><th></th><th>Peru</th><th>Chile</th></tr>"
        "<tr><td>Killed</td><td>6,094</td><td>2,551</td></tr><tr><td>Tanks destroyed</td><td>14</td><td>11</td></tr></table>"
        "<table><tr><td><p>" + "Killed in the old days of the web, pages were laid out in tables. " * 3 + "</p></td>"
        "<td>12 soldiers were killed at the pass, the army said.</td></tr></table>"
        "</main></body></html>", encoding="utf-8")
    found = {(c.span.quote, c.value.category.value) for c in extract_document(read_path(page)) if c.kind is not Kind.DATE}
    assert {("6,094", "killed"), ("2,551", "killed"), ("14", "tanks"), ("11", "tanks")} <= found
    assert ("12 soldiers were killed", "killed") in found  # the layout table's prose is still prose


def test_an_infobox_with_labels_in_plain_cells_and_whose_row_it_is_in_brackets(tmp_path):
    page = tmp_path / "crisis.html"
    page.write_text(
        '<html><body><h1>Kirkuk crisis</h1><table class="infobox">'
        "<tr><td>Strength</td><td>Iraq: 5,000 troops<br>Peshmerga: 8,000</td></tr>"
        "<tr><td>Casualties (Peshmerga)</td><td>38 killed (Peshmerga Ministry)</td></tr>"
        "</table><p>The fighting lasted five days.</p></body></html>", encoding="utf-8")
    found = {c.span.quote: c for c in extract_document(read_path(page))}
    killed = found["38 killed (Peshmerga Ministry)"]
    assert killed.side.name == "Peshmerga" and killed.attribution.claimant == "Peshmerga Ministry"
    assert found["8,000"].side.name == "Peshmerga"


def test_a_storys_factbox_aside_is_content_and_a_related_stories_aside_is_not(tmp_path):
    page = tmp_path / "mag.html"
    page.write_text(
        "<html><body><article><h1>Borodino</h1><p>A bloody day near Moscow.</p>"
        '<aside class="factbox"><ul><li>French strength: 130,000 men, 587 guns</li></ul></aside>'
        '<aside class="related"><ul><li>Floods: 12 dead in the south</li></ul></aside>'
        "</article></body></html>", encoding="utf-8")
    text = read_path(page).text
    assert "130,000 men" in text and "Floods" not in text


def test_a_live_blog_is_read_entry_by_entry_and_a_storys_teasers_are_not(tmp_path):
    entry = "<article><time>{t} GMT</time><p>{p}</p></article>"
    blog = tmp_path / "live.html"
    blog.write_text(
        "<html><body><main><h1>Live: clashes on the border</h1>"
        + entry.format(t="21:40", p="The Velmar health ministry says 24 people have been killed in the fighting.")
        + entry.format(t="18:05", p="The emergencies ministry says 60,000 people have been evacuated from the valley.")
        + entry.format(t="14:10", p="Ostland's defence ministry said it had shot down three drones over the border.")
        + "</main></body></html>", encoding="utf-8")
    text = read_path(blog).text
    assert all(s in text for s in ("24 people", "60,000 people", "three drones"))
    story = tmp_path / "story.html"
    story.write_text(
        "<html><body><main><article><h1>Town falls</h1>"
        + "<p>The Velmar army said 120 of its soldiers were killed in the battle for the town.</p>" * 6
        + "</article><article><p>Floods: 12 dead in the south</p></article></main></body></html>",
        encoding="utf-8")
    text = read_path(story).text
    assert "120 of its soldiers" in text and "Floods" not in text


@pytest.mark.parametrize("page", [WIKI, NEWS], ids=["wikipedia", "news"])
def test_every_claim_is_traced_to_its_place_in_the_html(page):
    source = page.read_text(encoding="utf-8")
    document = read_path(page)
    claims = extract_document(document)
    assert claims
    for claim in claims:
        found = source_position(document, claim.span.start)
        assert found is not None
        offset, line, column = found
        first_word = claim.span.quote.split()[0]
        assert source[offset:offset + len(first_word)] == first_word, claim.span.quote
        assert source.splitlines()[line - 1][column - 1:].startswith(first_word)


_WORDS = st.sampled_from(["Velmar", "lost", "1,800", "men", "&amp;", "&eacute;t&eacute;", "&#8211;", "café",
                          "&nbsp;", "A&#38;B", "said", "~900"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_WORDS, st.sampled_from(["", "b", "a", "span", "i"])), min_size=1, max_size=25),
       st.sampled_from(["\n", " ", "\r\n", "  \t"]))
def test_each_character_of_the_text_maps_to_its_source(words, gap):
    parts = []
    for word, tag in words:
        parts.append(f"<{tag} class='x'>{word}</{tag}>" if tag else word)
    source = f"<!DOCTYPE html><html><head><title>T</title></head><body><p>{gap.join(parts)}</p></body></html>"
    document = read_html(source, "page.html")
    start, end = document.prose[-1]
    for offset in range(start, end):
        ch = document.text[offset]
        if ch.isspace():  # a space between words, or a line break the reader added
            continue
        position = source_position(document, offset)
        assert position is not None
        at = position[0]
        if source[at] == "&":
            entity = source[at:source.index(";", at) + 1]
            assert ch in html_entities.unescape(entity).replace("\u00a0", " ")
        else:
            assert source[at] == ch


@pytest.mark.parametrize("source", [
    "<html></html>",
    "<html><body><script>var x = '600 killed';</script><nav>Home</nav></body></html>",
    "<html><body><p>Unclosed <b>bold <i>and <a href='#'>600 killed",
    "<?xml version='1.0' encoding='utf-8'?><html xmlns='http://www.w3.org/1999/xhtml'><body><p>Ok.</p></body></html>",
    "<html><body>" + "<div>" * 3000 + "deep" + "</div>" * 3000 + "</body></html>",
    "<html><body><table class='infobox'><tr><th>Strength</th></tr><tr><td><img src=x></td><td>,</td></tr></table></body></html>",
])
def test_odd_pages_never_crash(source):
    document = read_text(source, "odd.html")
    assert document.format is DocumentFormat.HTML
    extract_document(document)


def test_an_empty_page_and_an_empty_infobox_row_are_reported():
    empty = read_text("<html><body><script>x()</script></body></html>", "empty.html")
    assert any("no readable text" in p.message for p in empty.problems)
    stripped = read_text("<html><body><table class='infobox'><tr><th colspan=2>Battle</th></tr>"
                         "<tr><th colspan=2>Belligerents</th></tr><tr><td><img src=f></td><td>,</td></tr>"
                         "</table><p>Text.</p></body></html>", "x.html")
    assert any("no value" in p.message or "has no values" in p.message for p in stripped.problems)


def test_a_page_in_another_encoding_is_read_by_its_meta_charset(tmp_path):
    page = tmp_path / "ru.html"
    page.write_bytes('<html><head><meta charset="windows-1251"></head><body><p>Погибли 600 человек.</p></body></html>'
                     .encode("cp1251"))
    assert "Погибли 600 человек." in read_path(page).text


class _Server:
    """A page server on the loopback address, for `claims ingest URL` without the network."""

    def __init__(self, routes: dict[str, tuple[int, str, bytes, float]]) -> None:
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                status, content_type, body, delay = routes.get(self.path, (404, "text/plain", b"no", 0.0))
                time.sleep(delay)
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except OSError:
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> _Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def test_a_page_is_fetched_on_purpose_and_failures_are_one_line(tmp_path):
    routes = {
        "/news": (200, "text/html; charset=utf-8", NEWS.read_bytes(), 0.0),
        "/slow": (200, "text/html", b"<p>late</p>", 2.0),
        "/data.pdf": (200, "application/pdf", b"%PDF-1.4", 0.0),
    }
    with _Server(routes) as server:
        document = fetch(server.url + "/news")
        assert document.format is DocumentFormat.HTML and document.path == server.url + "/news"
        assert document.provenance.fetched_at and document.provenance.url.startswith("https://courier.example.org/")
        assert keys(NEWS) == sorted((c.kind.value, describe_value(c.value), c.attribution.claimant, c.side.column)
                                    for c in extract_document(document))
        for path, message in (("/missing", "404"), ("/data.pdf", "not a web page")):
            with pytest.raises(InputError, match=message):
                fetch(server.url + path)
        with pytest.raises(InputError, match="no answer within 0.5 s"):
            fetch(server.url + "/slow", timeout=0.5)
        db = str(tmp_path / "claims.db")
        result = CliRunner().invoke(cli, ["ingest", server.url + "/news", "--db", db])
        assert result.exit_code == 0, result.output
        assert "Ingested 1 document(s)" in result.output
    with pytest.raises(InputError, match="cannot fetch"):
        fetch(server.url + "/news", timeout=2)


def test_claims_show_gives_the_page_and_the_place_in_the_html(tmp_path):
    db = str(tmp_path / "claims.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(WIKI), "--db", db]).exit_code == 0
    listed = runner.invoke(cli, ["list", "--db", db, "--search", "~900", "--format", "tsv"]).output
    claim_id = listed.splitlines()[1].split("\t")[-1].strip()
    shown = runner.invoke(cli, ["show", claim_id, "--db", db]).output
    assert "page:        https://en.wikipedia.org/wiki/Battle_of_Karavan_Pass" in shown
    assert "page title:  Battle of Karavan Pass - Wikipedia" in shown
    assert "modified:    2024-03-14" in shown
    # The line and column a reader opens are the HTML file's, not the text read out of it.
    document = next(line for line in shown.splitlines() if line.strip().startswith("document:"))
    assert document.endswith("battle-of-karavan-pass.html line 48, column 4200")
    line = next(line for line in shown.splitlines() if line.strip().startswith("in source:"))
    assert "HTML offset 8057" in line


def test_a_finding_names_the_line_of_the_html_file(tmp_path, monkeypatch):
    page = ("<html><head><title>Battle of Orlen - Wikipedia</title></head>\n<body>\n"
            "<div class='mw-parser-output'>\n<p>The <b>Battle of Orlen</b> was fought in 1951.</p>\n"
            "<p>The ministry said {} soldiers were killed.</p>\n</div></body></html>\n")
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    first.write_text(page.format("1,200"), encoding="utf-8")
    second.write_text(page.format("1,900"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["conflicts", "a.html", "b.html"])
    # The figures are on line 5 of each file (the text read from the page has them on line 3).
    assert "a.html:5" in result.output and "b.html:5" in result.output, result.output
    claims = extract_document(read_path(first))
    killed = next(c for c in claims if c.span.quote.startswith("1,200"))
    assert (killed.span.line, killed.span.column) == (5, 22)
    assert killed.span.quote == read_path(first).text[killed.span.start:killed.span.end]


@pytest.mark.parametrize("page", [WIKI, NEWS], ids=["wikipedia", "news"])
def test_json_offsets_of_a_page_point_into_the_file_given(page):
    # A tool reading the JSON opens the HTML it passed, not the text read out of it: `start`
    # and `end` are the file's offsets, `text_start`/`text_end` the text's.
    result = CliRunner().invoke(cli, ["extract", str(page), "--format", "json"])
    assert result.exit_code == 0, result.output
    source = page.read_text(encoding="utf-8")
    document = read_path(page)
    records = json.loads(result.output)["claims"]
    assert records
    for record in records:
        span = record["span"]
        assert document.text[span["text_start"]:span["text_end"]] == span["quote"]
        end = span["end"]
        if "&" in source[span["start"]:end] and ";" not in source[source.rindex("&", span["start"], end):end]:
            end = source.index(";", end) + 1  # the last character was written as an entity
        read = html_entities.unescape(re.sub(r"<[^>]*>", "", source[span["start"]:end]))
        assert read.split() == span["quote"].split(), (read, span["quote"])


def test_json_offsets_of_a_text_file_are_its_own(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Story\n\nThe ministry said 40 soldiers were killed.\n", encoding="utf-8")
    record = json.loads(CliRunner().invoke(cli, ["extract", str(path), "--format", "json"]).output)["claims"][0]
    assert "text_start" not in record["span"]
    assert path.read_text()[record["span"]["start"]:record["span"]["end"]] == record["span"]["quote"]


def test_an_infobox_row_with_its_label_then_a_cell_per_column():
    page = ("<html><body><h1>Battle of X</h1><table class='infobox'><tr><th>Belligerents</th><td>United Kingdom</td>"
            "<td>Argentina</td></tr><tr><th>Strength</th><td>600</td><td>278</td></tr><tr><th>Casualties and losses</th>"
            "<td>18 killed<br>40 wounded</td><td>31 killed<br>50 captured</td></tr></table></body></html>")
    found = {c.span.quote: c.side.name for c in extract_document(read_text(page, "x.html"))}
    assert found["600"] == "United Kingdom" and found["278"] == "Argentina"
    assert found["18 killed"] == "United Kingdom" and found["50 captured"] == "Argentina"
