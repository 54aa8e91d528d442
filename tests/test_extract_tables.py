"""Tables of figures in a page's body (`claims.extract.grid`): what each number counts comes
from its column's header, whose it is from its row's label (or the reverse)."""

from __future__ import annotations

from claims.extract import extract_document
from claims.model import Category, Kind
from claims.readers import read_text

OPENING = "Battle of Harl Ford\n\nThe Battle of Harl Ford was fought in 1866 between Prussia and Austria.\n\n"


def table_claims(text: str, name: str = "page.txt"):
    return [c for c in extract_document(read_text(text, name)) if c.rule == "prose.table"]


def test_a_table_with_a_row_per_party_gives_each_number_its_party_and_measure() -> None:
    text = OPENING + ("Casualties\n\nSide\tKilled\tWounded\tPrisoners\nPrussia\t1,340\t2,100\t\nAustria\t5,709\t3,000\t4,000\n"
                      "Civilians\t230\t\t\n\nThe Austrians withdrew after dark.\n")
    found = {c.span.quote: (c.value.category, c.side.name, c.kind) for c in table_claims(text)}
    assert found == {
        "1,340": (Category.KILLED, "Prussia", Kind.CASUALTIES), "2,100": (Category.WOUNDED, "Prussia", Kind.CASUALTIES),
        "5,709": (Category.KILLED, "Austria", Kind.CASUALTIES), "3,000": (Category.WOUNDED, "Austria", Kind.CASUALTIES),
        "4,000": (Category.CAPTURED, "Austria", Kind.CAPTURED), "230": (Category.KILLED, None, Kind.CASUALTIES),
    }
    for c in table_claims(text):
        assert text[c.span.start:c.span.end] == c.span.quote


def test_parties_heading_the_columns_and_measures_the_rows() -> None:
    text = OPENING + "Losses\n\n\tPrussia\tAustria\nKilled\t1,340\t5,709\nTanks\t4\t12\n"
    found = {c.span.quote: (c.value.category, c.side.name) for c in table_claims(text)}
    assert found["1,340"] == (Category.KILLED, "Prussia") and found["5,709"] == (Category.KILLED, "Austria")
    assert found["12"] == (Category.TANKS, "Austria")
    assert all(c.kind is Kind.EQUIPMENT and c.value.lost for c in table_claims(text) if c.value.category is Category.TANKS)


def test_a_markdown_table_in_the_body_is_read_the_same_way() -> None:
    text = "# Battle of Harl Ford\n\nFought in 1866 between Prussia and Austria.\n\n| Side | Killed |\n| --- | --- |\n" \
           "| Prussia | 1,340 |\n| Austria | 5,709 |\n"
    found = {c.span.quote: (c.value.category, c.side.name) for c in table_claims(text, "page.md")}
    assert found == {"1,340": (Category.KILLED, "Prussia"), "5,709": (Category.KILLED, "Austria")}


def test_a_table_whose_headers_count_nothing_gives_no_figures() -> None:
    text = OPENING + "Population\n\nYear\tHarl\tOstrava\n1850\t12,000\t30,000\n1870\t15,000\t41,000\n"
    assert table_claims(text) == []
    assert not [c for c in extract_document(read_text(text, "page.txt")) if "12,000" in c.span.quote]


def test_a_wikipedia_table_in_a_saved_page_is_read_as_rows() -> None:
    page = ("<html><head><title>Battle of Harl Ford - Wikipedia</title></head><body>"
            "<h1 id=\"firstHeading\">Battle of Harl Ford</h1><div id=\"mw-content-text\"><div class=\"mw-parser-output\">"
            "<p>The Battle of Harl Ford was fought in 1866 between Prussia and Austria.</p><h2>Casualties</h2>"
            "<table class=\"wikitable\"><tr><th>Side</th><th>Killed</th><th>Wounded</th></tr>"
            "<tr><td>Prussia</td><td>1,340<br>(est.)</td><td>2,100</td></tr>"
            "<tr><td>Austria</td><td></td><td>3,000</td></tr></table>"
            "<p>The Austrians withdrew after dark.</p></div></div></body></html>")
    found = {c.span.quote: (c.value.category, c.side.name) for c in table_claims(page, "page.html")}
    assert found == {"1,340 (est.)": (Category.KILLED, "Prussia"), "2,100": (Category.WOUNDED, "Prussia"),
                     "3,000": (Category.WOUNDED, "Austria")}


def test_a_source_column_names_each_rows_claimant() -> None:
    text = ("# Harl Pass casualty estimates\n\nThe battle was fought in 1993 between Armenia and Azerbaijan.\n\n"
            "| Side | Killed | Source |\n|---|---|---|\n| Azerbaijan | 1,100 | Armenian Defence Ministry |\n"
            "| Azerbaijan | 450 | Azerbaijani government |\n")
    found = {c.span.quote: c for c in extract_document(read_text(text, "estimates.md")) if c.rule == "prose.table"}
    assert found["1,100"].attribution.claimant == "Armenian Defence Ministry"
    assert found["450"].attribution.claimant == "Azerbaijani government"
    assert found["450"].side.name == "Azerbaijan"


def test_a_table_set_in_columns_by_spaces_is_read_with_its_source_and_side_columns() -> None:
    from claims.extract import extract_document
    from claims.readers import read_text

    text = ("Casualties by source\n\n"
            "Source                      Side        Killed     Wounded    Prisoners\n"
            "Russian Main Staff (1907)   Russian     8,705      51,438     29,330\n"
            "Japanese GS (1914)          Japanese    15,892     59,612     c. 2,000\n\n"
            "Historian   French losses   Russian losses\n"
            "Chandler (1966)   28,000-31,000   44,000\n"
            "Zemtsov (2001)   35,000   45,000\n\n"
            "The corps lost 300 men.  It was a hard day.  Nobody disputes it.\n")
    found = {c.span.quote: c for c in extract_document(read_text(text, "article.txt"))}
    killed = found["8,705"]
    assert killed.value.category.value == "killed" and killed.side.name == "Russia"
    assert killed.attribution.claimant == "Russian Main Staff (1907)"
    assert found["c. 2,000"].value.category.value == "captured" and found["c. 2,000"].side.name == "Japan"
    assert found["28,000-31,000"].side.name == "France" and found["44,000"].side.name == "Russia"
    assert found["44,000"].attribution.claimant == "Chandler (1966)"
    assert "300 men" in found  # a sentence with spaces after its stops is no table


def test_a_row_set_in_columns_may_leave_its_last_cells_empty() -> None:
    text = ("Estimates of the dead at Korvin\n\nSource            Killed     Notes\nArmy statement    500-600    first\n"
            "Intelligence      1,000\nRebel command     624        final\n\nThe figures differ widely.\n")
    got = [(c.attribution.claimant, c.value.low) for c in extract_document(read_text(text, "table.txt")) if c.rule == "prose.table"]
    assert got == [("Army statement", 500), ("Intelligence", 1000), ("Rebel command", 624)]
