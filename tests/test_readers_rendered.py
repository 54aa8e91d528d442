"""Rendered infobox pages: the reader's fields and columns, and the claims made from them.

Every fixture is invented (places, people and numbers), in the shapes mirrors of encyclopedia
pages leave an infobox in: label lines, glued labels, parameter dumps, bullets, pipes, flags
before names, headers over cells, footnotes, page noise.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from claims.extract import extract_document
from claims.model import DocumentFormat, Kind, Quantity
from claims.readers import detect_format, read_text
from claims.readers.common import decode

# -- fixtures ----------------------------------------------------------------------------------

# An old rendering: glued labels, the belligerents line with each name twice (flag alt text),
# no Belligerents or Strength label, casualties with no side labels.
OLD = """Battle of Kessel Ridge

From Wikipedia, the free encyclopedia
Jump to: navigation, search
Battle of Kessel Ridge
Part of the Velmar War
Kessel ridge chapel.jpg
The chapel after the shelling
Date 3–4 June 1911
Location Kessel Ridge, Velmar
Result Ostranian victory
Velmar Velmar Ostrania Ostrania
Commanders and leaders
Col. Anton Brask (POW)
Major Ilse Varn
Lt. Col. Pavo Renn
Capt. Oskar Duhl
610 infantry
150 cavalry
12 gunners
Casualties and losses
33 killed
90 wounded[2][3]
540 captured
11 killed
41 wounded[4]

The Battle of Kessel Ridge (3–4 June 1911) was fought between the Velmar garrison and an Ostranian column during the Velmar War, on the ridge above the river crossing at Kessel.
"""

# A later rendering: flag icons as double spaces between the belligerents, flag alt text and
# image names before names, units then a strength block with no label.
FLAGS = """Battle of Kessel Ridge

Battle of Kessel Ridge
Part of the Velmar War
Date3–4 June 1911
Result Ostranian victory
 Ostrania  Velmar
Commanders and leaders
Ostrania Col. Pavo Renn
Ostrania Capt. Oskar Duhl
Velmar Col. Anton Brask Surrendered
Velmar Maj. Ilse Varn
Units involved

Flag of the Ostranian Army.svg 4th Rifle Brigade

Ostrania River Flotilla
9th Garrison Regiment
2 field guns
3 gunboats
500–620 (infantry)
140 (cavalry)
4 mortars
Casualties and losses
12 killed[7]
40 wounded[8][9]
1 gunboat sunk
30[11][12]-36 killed[13]
85 wounded
540 captured
4 mortars captured

The Battle of Kessel Ridge (3–4 June 1911) was fought between the Velmar garrison and an Ostranian column during the Velmar War, on the ridge above the river crossing at Kessel.
"""

# Bullets, two place names on one belligerents line, a map widget and its labels.
BULLETS = """Siege of Tarnow Bay

Siege of Tarnow Bay
Part of the Coastal War

Harbour view
Date12–19 March 1931
Result Chilean victory
Belligerents
Norway Chile
Commanders and leaders
Units involved
Strength
  • 820
  • 4 patrol boats
  • 1 cruiser
2000+
Casualties and losses
  • 21 killed
  • 70 wounded
  • 2 patrol boats
  • 60–75 killed
  • 130–150 wounded
  • 800 captured
Map
About OpenStreetMaps
Maps: terms of use
5km
3.1miles
Tarnow
Tarnow
Old Pier
Tarnow Bay and the old pier on the northern shore

The Siege of Tarnow Bay was fought from 12 to 19 March 1931 between a Norwegian landing force and the Chilean garrison of the harbour, which held the old pier until the relief column arrived.
"""

# A template-parameter dump: the number after the key is the column; time labels and
# claimant headers over the cells.
DUMP = """Battle of Kessel Ridge explained

Conflict:Battle of Kessel Ridge
Partof:the Velmar War
Date:3 June– 4 June 1911
Place:Kessel Ridge, Velmar
Coordinates:41.2°N 12.5°E
Result:Ostranian victory
Combatant1: Velmar

Lakonia

Combatant2: Ostrania
Commander1:
Anton Brask
Ilse Varn
Commander2: Pavo Renn
Oskar Duhl
Strength1:3 June:
~7,400;
~6,000 riflemen
~1,400 support personnel
8 tanks
4 June:
~9,100;
~7,500 riflemen
Strength2:3 June:
~20,000 riflemen
4 June:
~24,000 men in all
Casualties1:
1,200 dead
900 missing
Casualties2:Velmarian estimate:
3,000 dead
5,000 wounded
Ostranian figures:
2,100 casualties

The Battle of Kessel Ridge was fought between 3 and 4 June 1911 between the Velmar garrison and an Ostranian corps, which took the ridge on the second day after a night assault.
"""

# A kiwix-like rendering: time labels that come back for the second column, claimant headers,
# a map caption at the end.
HEADERS = """Battle of Kessel Ridge

Battle of Kessel Ridge
Part of the Velmar War

Date3 June – 4 June 1911
(2 days)
Location
Kessel Ridge, Velmar
41°12′N 12°30′E / 41.2°N 12.5°E
Result Ostranian victory
Belligerents
Velmar
Ostrania
Commanders and leaders
Anton Brask
Pavo Renn
Strength
3 June:
~7,400;
~6,000 riflemen
8 tanks
4 June:
~9,100;
~7,500 riflemen
3 June:
~20,000 riflemen
4 June:
~24,000 men in all
Casualties and losses

1,200 dead
900 missing
2,050 wounded
Western historians estimate:
3,000 dead
5,000 wounded
Velmarian figures:
2,100 casualties
Location within Velmar

The Battle of Kessel Ridge was fought between 3 and 4 June 1911 between the Velmar garrison and an Ostranian corps, which took the ridge on the second day after a night assault.
"""

# Asterisk footnotes, a bracketed claimant line under a cell, two columns' figures on one
# line, rival estimates with their own claimants, a civilian toll, Cyrillic image names.
FOOTNOTES = """Battle of Dorn

From Wikipedia, the free encyclopedia
Jump to navigation Jump to search

Battle of Dorn
Part of the War in Lakonia
Dorn map.svg
Date14 May – 2 June 2016
(19 days)
LocationDorn, Lakonia
Result Ostranian victory[1]
Ostranian forces capture Dorn,[1] Vessa and two other villages.[2]
 Velmar  Ostrania
Commanders and leaders
Олег Знак - емблема.svg Ivo Sarn[4]
Juri Pell (WIA)
Mira Tosk[9]
Commanders end
Units involved

Velmar Army:

6,500[21] 11,000–13,000
(Velmarian claim)[22]
Casualties and losses
140 killed[*][23]
90–96 captured[**][24]
62 missing[***]
410–500 wounded[4]
(as of 30 May)
47 killed[28] (Ostranian claim)
55 killed (Lakonian claim)[31]
300+ civilians killed (Ostranian claim)[32]
* Number updated to 201 confirmed killed after bodies were recovered.[33]
** 80 prisoners were released.[34]

During May 2016 the Ostranian forces tried to take the town of Dorn in Lakonia, which had been held by Velmar since an offensive of the previous winter, and encircled its garrison.
"""

# Cells closed by trailing pipes (each closed cell is the next column); a truncated last cell.
PIPES = """Siege of Kallen |
Part of the Northern War
|
A map of the siege |
Date |
15 October 2013 – 2 February 2014
(3 months and 18 days) |
Location |
Kallen, Northern Province |
Result |
Decisive Velmar victory |
Territorial
changes |
- Velmar recaptured Kallen and most of the valley
|
|
Belligerents |
Velmar Rangers
Air support: Lakonia
|
Ostrania
|
Commanders and leaders |
Tomas Erl Hanno Vick † Lisa Mott ("The Owl") Per Aald
|
Ivo Sarn † (Field commander) Oleg Brin (WIA) Sami Koss
|
Strength |
1,200–1,500 rangers (Velmar claims as of 1 November 2013)
400 militia
200 volunteers |
5,000+ fighters
20–30 tanks
|
Casualties and losses |
310 killed (grou"""

# Sub-headers naming the belligerents; territorial bullets with no label; no Strength label.
SUBHEADERS = """Military Wiki
Siege of Kallen
Part of the Northern War
Kallen siege.svg
Date15 October 2013 – ongoing
LocationKallen, Northern Province


  • Ostrania captures 120 villages in the valley[7]
  • Ostrania controls 40% of Kallen by 2 November[12]

Valley Forces: Velmar Rangers
 Lakonia[1]
File:Lakonian coat of arms.svg Lakonian Guard[2] Supported by:

Ostrania
Commanders and leaders

Lakonia Tomas Erl[15]
Lakonia Hanno Vick[16]

Ostrania Ivo Sarn (Field commander)
Oleg Brin
Units involved

Valley Forces:

  • Initially unknown
  • 1,200-1,500 rangers (As of 1 November)[22]
  • 300 volunteers (originally)[23]

Ostrania:

Casualties and losses

Valley Forces


  • 310 killed
"""

# One line per column, commanders run together, labels inside a strength cell, a note line.
ONE_LINE = """For the 1950 film, see The Battle of Maren (film). For the older battle at the same place, see Battle for Maren.
Battle of Maren
Part of the Eastern Front of the Great War
Soldiers raising a flag over the square of Maren.
Date
23 August 1917 – 2 February 1918a (5 months, 1 week and 3 days)
Location
Maren, Velmar 48°42′N 44°31′E
Coordinates: 48°42′N 44°31′E
Result
Decisive[1] Velmarian victory
Destruction of the Ostranian 4th Army
Belligerents
Ostrania Lakonia
Velmar
Commanders and leaders
Karl Ostrander Erich von Hallen Paul Tamm W.K. von Rieth Petr Dusek
Ivo Lank †
Josef Varn Georgi Zhelev A.N. Vassel Nikolai Brask
Vasil Chuk
Strength
Initial: 250,000 personnel 2,500 artillery pieces 400 tanks At the time of the counter-offensive: ~900,000 men (300,000+ Ostranians, 150,000 Lakonians) 9,000 artillery pieces
Initial: 180,000 personnel 2,000 artillery pieces 300 tanks At the time of the counter-offensive: 1,000,000[8] 12,000 artillery pieces
Casualties and losses
See casualties section
aOver 9,000 Ostranian soldiers kept fighting until early March 1918.
Location of Maren within Velmar
[show]
v
t
"""

ALL = {
    "old": OLD, "flags": FLAGS, "bullets": BULLETS, "dump": DUMP, "headers": HEADERS,
    "footnotes": FOOTNOTES, "pipes": PIPES, "subheaders": SUBHEADERS, "one_line": ONE_LINE,
}


def read(text: str):
    return read_text(text, "page.txt")


def fields(doc, key: str) -> list[tuple[int | None, str]]:
    return [(f.column, f.value) for f in doc.infobox if f.key == key]


def claims_of(text: str):
    doc = read(text)
    return doc, extract_document(doc)


def claim(claims, quote: str, kind: Kind | None = None):
    hits = [c for c in claims if c.span.quote == quote and (kind is None or c.kind is kind)]
    assert hits, (quote, [c.span.quote for c in claims])
    return hits[0]


def commanders(claims) -> list[tuple[str, int | None]]:
    return [(c.span.quote, c.side.column) for c in claims if c.kind is Kind.COMMANDER]


def figures(claims) -> list[tuple[str, int | None]]:
    """Infobox figures of the sides (territorial changes left out: their side is the taker's)."""
    return [(c.span.quote, c.side.column) for c in claims
            if isinstance(c.value, Quantity) and c.rule.startswith("infobox.") and c.kind is not Kind.TERRITORY]


def column_of(claims, prefix: str) -> int | None:
    """The column of the infobox figure whose quote starts with ``prefix`` (the noun a figure
    takes is the quantity finder's business, not this test's)."""
    hits = [c for q, c in figures(claims) if q.startswith(prefix)]
    assert hits, (prefix, figures(claims))
    return hits[0]


# -- detection and the region ----------------------------------------------------------------


def test_every_layout_is_read_as_a_rendered_infobox():
    for name, text in ALL.items():
        assert detect_format(text) is DocumentFormat.RENDERED, name


def test_news_with_a_date_line_and_prose_is_still_text():
    text = ("Fighting eases near Dorn\nDate: 12 May 2016\n\nThe ministry said 40 soldiers were killed "
            "overnight in the fighting near the town, and that the army held its positions along the river.\n")
    assert detect_format(text) is DocumentFormat.TEXT


def test_the_infobox_ends_where_the_prose_starts_and_noise_is_no_prose():
    for name, text in ALL.items():
        doc = read(text)
        for lo, hi in doc.prose_ranges():
            for noise in ("Jump to", "From Wikipedia", "OpenStreetMaps", "5km", "Location within", "[show]"):
                assert noise not in text[lo:hi], (name, noise)
        if name not in ("pipes", "subheaders", "one_line"):  # these end inside the infobox
            assert text[doc.body_start:].startswith("The ") or text[doc.body_start:].startswith("During "), name


def test_every_field_points_at_its_text():
    for name, text in ALL.items():
        doc = read(text)
        for f in doc.infobox:
            assert text[f.start:f.end] == f.value, (name, f)
            assert f.value.strip() == f.value


# -- the reader's fields and columns ---------------------------------------------------------


def test_old_rendering_glued_labels_doubled_alt_text_and_strength_under_commanders():
    doc = read(OLD)
    assert doc.title == "Battle of Kessel Ridge"
    assert doc.belligerents == ("Velmar", "Ostrania")
    assert fields(doc, "Date") == [(None, "3–4 June 1911")]
    assert fields(doc, "Place") == [(None, "Kessel Ridge, Velmar")]
    assert fields(doc, "Result") == [(None, "Ostranian victory")]
    assert fields(doc, "Partof") == [(None, "the Velmar War")]
    assert [v for _, v in fields(doc, "Commander")] == [
        "Col. Anton Brask (POW)", "Major Ilse Varn", "Lt. Col. Pavo Renn", "Capt. Oskar Duhl"]
    assert fields(doc, "Strength") == [(None, "610 infantry"), (None, "150 cavalry"), (None, "12 gunners")]
    assert any("no Strength label" in p.message for p in doc.problems)


def test_flags_before_names_give_the_column_and_leave_the_span():
    doc = read(FLAGS)
    assert doc.belligerents == ("Ostrania", "Velmar")
    assert fields(doc, "Commander") == [
        (1, "Col. Pavo Renn"), (1, "Capt. Oskar Duhl"), (2, "Col. Anton Brask Surrendered"), (2, "Maj. Ilse Varn")]
    units = fields(doc, "Units")
    assert (None, "4th Rifle Brigade") in units and (1, "River Flotilla") in units
    assert [v for _, v in fields(doc, "Strength")][:2] == ["2 field guns", "3 gunboats"]


def test_two_place_names_on_one_line_are_the_two_columns():
    doc = read(BULLETS)
    assert doc.belligerents == ("Norway", "Chile")
    assert [v for _, v in fields(doc, "Strength")] == ["820", "4 patrol boats", "1 cruiser", "2000+"]
    groups = [f.group for f in doc.infobox if f.key == "Strength"]
    assert groups[0] == groups[1] == groups[2] != groups[3]  # the bullet run ends before `2000+`


def test_parameter_dump_columns_time_labels_and_claimant_headers():
    doc = read(DUMP)
    assert doc.belligerents == ("Velmar", "Ostrania")
    assert fields(doc, "Combatant") == [(1, "Velmar"), (1, "Lakonia"), (2, "Ostrania")]
    assert fields(doc, "Commander") == [(1, "Anton Brask"), (1, "Ilse Varn"), (2, "Pavo Renn"), (2, "Oskar Duhl")]
    strength = [(f.column, f.time_label, f.value) for f in doc.infobox if f.key == "Strength"]
    assert strength[0] == (1, "3 June", "~7,400")
    assert (1, "4 June", "~9,100") in strength
    assert (2, "4 June", "~24,000 men in all") in strength
    casualties = [(f.column, f.claimant, f.value) for f in doc.infobox if f.key == "Casualties"]
    assert casualties == [
        (1, None, "1,200 dead"), (1, None, "900 missing"),
        (2, "Velmarian estimate", "3,000 dead"), (2, "Velmarian estimate", "5,000 wounded"),
        (2, "Ostranian figures", "2,100 casualties"),
    ]
    assert fields(doc, "Result") == [(None, "Ostranian victory")]


def test_headers_and_time_labels_are_kept_on_the_cells():
    doc = read(HEADERS)
    assert fields(doc, "Date") == [(None, "3 June – 4 June 1911")]
    assert fields(doc, "Place") == [(None, "Kessel Ridge, Velmar")]
    assert doc.belligerents == ("Velmar", "Ostrania")  # one line per column
    headed = {f.value: f.claimant for f in doc.infobox if f.key == "Casualties"}
    assert headed["1,200 dead"] is None
    assert headed["3,000 dead"] == "Western historians estimate"
    assert headed["2,100 casualties"] == "Velmarian figures"


def test_footnotes_notes_and_two_figures_on_a_line():
    doc = read(FOOTNOTES)
    assert doc.belligerents == ("Velmar", "Ostrania")
    assert fields(doc, "Result") == [(None, "Ostranian victory[1]")]
    assert fields(doc, "Territory") == [(None, "Ostranian forces capture Dorn,[1] Vessa and two other villages.[2]")]
    assert [v for _, v in fields(doc, "Commander")][:3] == ["Ivo Sarn[4]", "Juri Pell (WIA)", "Mira Tosk[9]"]
    strength = [f.value for f in doc.infobox if f.key == "Strength"]
    assert strength == ["6,500[21] 11,000–13,000\n(Velmarian claim)[22]"]
    notes = [f for f in doc.infobox if f.note_of is not None]
    cited = {f.start: f.value for f in doc.infobox}
    assert [(f.value, cited[f.note_of]) for f in notes] == [
        ("Number updated to 201 confirmed killed after bodies were recovered.[33]", "140 killed[*][23]"),
        ("80 prisoners were released.[34]", "90–96 captured[**][24]"),
    ]


def test_pipes_close_cells_and_a_cut_off_file_is_reported():
    doc = read(PIPES)
    assert doc.title == "Siege of Kallen"
    assert fields(doc, "Date") == [(None, "15 October 2013 – 2 February 2014")]
    assert fields(doc, "Result") == [(None, "Decisive Velmar victory")]
    assert fields(doc, "Territory") == [(None, "Velmar recaptured Kallen and most of the valley")]
    assert [c for c, _ in fields(doc, "Combatant")] == [1, 1, 2]
    assert doc.belligerents[1] == "Ostrania"
    assert [c for c, _ in fields(doc, "Commander")] == [1, 2]
    assert fields(doc, "Strength") == [
        (1, "1,200–1,500 rangers (Velmar claims as of 1 November 2013)"), (1, "400 militia"),
        (1, "200 volunteers"), (2, "5,000+ fighters"), (2, "20–30 tanks")]
    assert any("cut off" in p.message for p in doc.problems)


def test_sub_headers_name_the_columns_and_unlabelled_blocks_are_recognised():
    doc = read(SUBHEADERS)
    assert doc.belligerents == ("Velmar Rangers", "Ostrania")
    assert [v for _, v in fields(doc, "Territory")] == [
        "Ostrania captures 120 villages in the valley[7]", "Ostrania controls 40% of Kallen by 2 November[12]"]
    assert fields(doc, "Commander")[:3] == [(1, "Tomas Erl[15]"), (1, "Hanno Vick[16]"),
                                            (2, "Ivo Sarn (Field commander)")]
    assert fields(doc, "Strength") == [(1, "1,200-1,500 rangers (As of 1 November)[22]"),
                                       (1, "300 volunteers (originally)[23]")]
    assert fields(doc, "Casualties") == [(1, "310 killed")]


def test_one_line_per_column_and_labels_inside_a_cell():
    doc = read(ONE_LINE)
    assert doc.belligerents == ("Ostrania Lakonia", "Velmar")  # names no gazetteer knows stay one
    assert fields(doc, "Date") == [(None, "23 August 1917 – 2 February 1918")]
    assert [v for _, v in fields(doc, "Result")][:2] == ["Decisive[1] Velmarian victory",
                                                        "Destruction of the Ostranian 4th Army"]
    labels = [(f.time_label, f.value.split()[0]) for f in doc.infobox if f.key == "Strength"]
    assert labels == [("Initial", "250,000"), ("At the time of the counter-offensive", "~900,000"),
                      ("Initial", "180,000"), ("At the time of the counter-offensive", "1,000,000[8]")]
    assert [f.value for f in doc.infobox if f.key == "Note"] == [
        "aOver 9,000 Ostranian soldiers kept fighting until early March 1918."]


def test_tab_separated_cells_and_labels_glued_to_values():
    text = ("Battle of Orsk\nDate 2 May 1920\nBelligerents\tVelmar\tOstrania\n"
            "Commanders and leadersAnton Brask\tPavo Renn\nStrength\t5,000\t8,000\n"
            "Casualties and losses\n300 killed\t800 killed\n\n"
            "The Battle of Orsk was fought on 2 May 1920 between the armies of Velmar and Ostrania near the "
            "town of Orsk, and it ended with the retreat of the Ostranian army.\n")
    doc = read(text)
    assert doc.format is DocumentFormat.RENDERED
    assert doc.belligerents == ("Velmar", "Ostrania")
    assert fields(doc, "Commander") == [(1, "Anton Brask"), (2, "Pavo Renn")]
    assert fields(doc, "Strength") == [(1, "5,000"), (2, "8,000")]
    assert fields(doc, "Casualties") == [(1, "300 killed"), (2, "800 killed")]


def test_a_utf8_bom_hides_no_label_and_utf16_reads_with_or_without_encoding():
    doc = read("\ufeff" + OLD)
    assert doc.format is DocumentFormat.RENDERED and doc.text.startswith("\ufeff")
    assert fields(doc, "Result") == [(None, "Ostranian victory")]
    data = OLD.encode("utf-16")
    assert decode(data, "page.txt") == OLD
    assert decode(OLD.encode("utf-16-le"), "page.txt", "utf-16-le") == OLD


# -- claims ------------------------------------------------------------------------------------


def test_old_rendering_claims_split_the_casualty_list_at_the_repeated_category():
    doc, claims = claims_of(OLD)
    assert commanders(claims) == [("Col. Anton Brask (POW)", None), ("Major Ilse Varn", None),
                                  ("Lt. Col. Pavo Renn", None), ("Capt. Oskar Duhl", None)]
    brask = claim(claims, "Col. Anton Brask (POW)", Kind.COMMANDER)
    assert brask.value.name == "Anton Brask" and brask.value.markers == ("POW",) and brask.value.rank == "Col."
    figs = dict(figures(claims))
    assert figs["33 killed"] == figs["90 wounded"] == figs["540 captured"] == 1
    assert figs["11 killed"] == figs["41 wounded"] == 2
    eleven = claim(claims, "11 killed")
    assert eleven.side.name == "Ostrania" and "'killed' repeated" in eleven.side.reason
    assert claim(claims, "Ostranian victory").kind is Kind.RESULT
    assert [c.kind for c in claims if c.span.quote.startswith("610")] == [Kind.STRENGTH]


def test_flags_claims_personnel_after_equipment_start_the_next_column():
    _, claims = claims_of(FLAGS)
    assert commanders(claims) == [("Col. Pavo Renn", 1), ("Capt. Oskar Duhl", 1),
                                  ("Col. Anton Brask Surrendered", 2), ("Maj. Ilse Varn", 2)]
    brask = claim(claims, "Col. Anton Brask Surrendered", Kind.COMMANDER)
    assert brask.value.markers == ("Surrendered",) and brask.side.name == "Velmar"
    assert "flag 'Velmar'" in brask.side.reason
    figs = figures(claims)
    columns = [column for quote, column in figs]
    first_infantry = next(i for i, (q, _) in enumerate(figs) if q.startswith("500"))
    assert set(columns[:first_infantry]) == {1}
    assert "personnel listed after equipment" in next(
        c.side.reason for c in claims if c.span.quote.startswith("500"))
    assert dict(figs)["12 killed"] == 1 and dict(figs)["85 wounded"] == 2


def test_bullets_claims_a_new_group_and_a_repeated_category():
    _, claims = claims_of(BULLETS)
    figs = dict(figures(claims))
    assert figs["820"] == 1 and figs["2000+"] == 2
    assert figs["21 killed"] == figs["70 wounded"] == 1
    assert figs["60–75 killed"] == figs["800 captured"] == 2
    assert claim(claims, "2000+").side.name == "Chile"
    # nothing from the map widget or its labels
    widget = BULLETS.index("Map\n")
    prose = BULLETS.index("The Siege")
    assert not [c for c in claims if widget <= c.span.start < prose]


def test_dump_claims_take_the_parameter_column_and_header_claimants():
    _, claims = claims_of(DUMP)
    three = claim(claims, "3,000 dead")
    assert three.side.column == 2 and three.side.name == "Ostrania"
    assert three.attribution.claimant == "Velmarian estimate"
    assert claim(claims, "2,100 casualties").attribution.claimant == "Ostranian figures"
    assert claim(claims, "1,200 dead").attribution.claimant is None
    assert [q for q, _ in commanders(claims)] == ["Anton Brask", "Ilse Varn", "Pavo Renn", "Oskar Duhl"]
    as_of = next(c for c in claims if c.span.quote.startswith("~6,000")).value.as_of
    assert as_of is not None and (as_of.earliest.month, as_of.earliest.day) == (6, 3)


def test_headers_claims_the_second_time_label_starts_column_two():
    _, claims = claims_of(HEADERS)
    figs = dict(figures(claims))
    assert {column_of(claims, p) for p in ("~7,400", "~6,000", "8 tanks", "~9,100", "~7,500")} == {1}
    assert {column_of(claims, p) for p in ("~20,000", "~24,000")} == {2}
    assert "time label '3 June' repeated" in next(c for c in claims if c.span.quote.startswith("~20,000")).side.reason
    # a new header within a column is not a repeat; the second `dead` starts column 2
    assert figs["1,200 dead"] == figs["900 missing"] == figs["2,050 wounded"] == 1
    assert figs["3,000 dead"] == figs["5,000 wounded"] == figs["2,100 casualties"] == 2
    assert claim(claims, "3,000 dead").attribution.claimant == "Western historians estimate"


def test_footnote_claims_rivals_and_civilians():
    _, claims = claims_of(FOOTNOTES)
    figs = dict(figures(claims))
    assert figs["6,500"] == 1
    assert [c for q, c in figures(claims) if q.startswith("11,000")] == [2]
    assert figs["140 killed"] == figs["410–500 wounded"] == 1
    # The note after the footnote marker is the figure's claimant; the span takes it in.
    assert [c for q, c in figures(claims) if q.startswith("47 killed")] == [2]
    rival = next(c for c in claims if c.span.quote.startswith("55 killed"))
    assert rival.side.column == 2  # a rival estimate, not a third column
    civilians = next(c for c in claims if c.span.quote.startswith("300+"))
    assert civilians.side.column is None and "civilian" in civilians.side.reason
    updated = next(c for c in claims if c.span.quote.startswith("201"))
    assert updated.side.column == 1 and "footnote" in updated.side.reason
    assert commanders(claims)[0] == ("Ivo Sarn", None)


def test_pipe_claims_and_run_together_commanders():
    _, claims = claims_of(PIPES)
    names = commanders(claims)
    assert ("Hanno Vick †", 1) in names and ('Lisa Mott ("The Owl")', 1) in names
    assert ("Ivo Sarn †", 2) in names and ("Oleg Brin (WIA)", 2) in names
    assert not any("Field commander" in q for q, _ in names)
    figs = dict(figures(claims))
    assert figs["5,000+ fighters"] == 2 and figs["400 militia"] == 1
    assert claim(claims, "Decisive Velmar victory").kind is Kind.RESULT
    assert any(c.kind is Kind.TERRITORY for c in claims)


def test_sub_header_claims():
    _, claims = claims_of(SUBHEADERS)
    figs = figures(claims)
    assert figs and all(column == 1 for _, column in figs)
    assert claim(claims, "Ivo Sarn", Kind.COMMANDER).side.name == "Ostrania"


def test_one_line_claims_split_names_and_columns_at_the_repeated_time_label():
    _, claims = claims_of(ONE_LINE)
    assert [q for q, _ in commanders(claims)] == [
        "Karl Ostrander", "Erich von Hallen", "Paul Tamm", "W.K. von Rieth", "Petr Dusek", "Ivo Lank †",
        "Josef Varn", "Georgi Zhelev", "A.N. Vassel", "Nikolai Brask", "Vasil Chuk"]
    figs = figures(claims)
    first = [c for q, c in figs if q.startswith(("250,000", "2,500", "400 tanks", "9,000 artillery"))]
    second = [c for q, c in figs if q.startswith(("180,000", "2,000 artillery", "300 tanks", "12,000"))]
    assert set(first) == {1} and set(second) == {2}
    assert claim(claims, "Decisive[1] Velmarian victory").kind is Kind.RESULT


def test_no_claims_from_page_noise():
    for name, text in ALL.items():
        _, claims = claims_of(text)
        for c in claims:
            line = text[text.rfind("\n", 0, c.span.start) + 1:text.find("\n", c.span.end) % (len(text) + 1)]
            for noise in ("Jump to", "From Wikipedia", ".jpg", "OpenStreetMaps", "Coordinates:", "°N"):
                assert noise not in line or c.kind is Kind.OTHER, (name, c.span.quote, line)


# -- properties ----------------------------------------------------------------------------------

NOISE_LINES = [
    "Jump to navigation Jump to search", "From Wikipedia, the free encyclopedia", "Map", "6km", "3.7miles",
    "About OpenStreetMaps", "Location within Velmar", "[show]", "v", "t", "Kessel chapel.jpg",
    "File:Velmar location map.svg", "41°12′N 12°30′E / 41.2°N 12.5°E", "Coordinates: 41°12′N 12°30′E", "",
]


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(sorted(ALL)),
    inserts=st.lists(st.tuples(st.integers(min_value=0, max_value=200), st.sampled_from(NOISE_LINES)), max_size=6),
)
# coordinates between a cell and the claimant note under it, which the cell then spans
@example(name="footnotes", inserts=[(24, "41°12′N 12°30′E / 41.2°N 12.5°E")])
def test_noise_lines_anywhere_never_break_spans_or_make_claims(name, inserts):
    lines = ALL[name].split("\n")
    for position, noise in sorted(inserts, reverse=True):
        lines.insert(min(position, len(lines)), noise)
    text = "\n".join(lines)
    doc = read(text)
    for f in doc.infobox:
        assert text[f.start:f.end] == f.value
    claims = extract_document(doc)
    noise_ranges = []
    pos = 0
    for line in lines:
        if line in NOISE_LINES and line:
            noise_ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    for c in claims:
        assert text[c.span.start:c.span.end] == c.span.quote
        if c.kind in (Kind.CASUALTIES, Kind.STRENGTH, Kind.EQUIPMENT, Kind.CAPTURED, Kind.COMMANDER):
            assert not any(a <= c.span.start < b for a, b in noise_ranges), (c.span.quote, name)


# -- scraped tables: an empty first cell, cells spilled past the result line, broken rows -------

SPILLED = """Battle of Orsk | |||||||||
---|---|---|---|---|---|---|---|---|---|
Part of the Velmar War | |||||||||
Belligerents | |||||||||
Velmar
| Ostrania | ||||||||
Commanders and leaders | |||||||||
Anton Brask (POW) Ilse Varn | Pavo Renn Oskar Duhl | ||||||||
Casualties and losses | |||||||||
|
Ostranian figures: 900 dead 2,000 wounded |
Decisive Ostranian victory
Irregulars
1,100–1,300 dead
700 missing
12 guns lost
The Battle of Orsk was fought in 1920 between the armies of Velmar and Ostrania near the town of Orsk, and it ended with the retreat of the Velmar army after two days.
"""


def test_scraped_table_with_an_empty_cell_spilling_below_the_result_and_a_row_broken_over_lines():
    doc = read(SPILLED)
    assert doc.format is DocumentFormat.SCRAPED_TABLE
    assert doc.belligerents == ("Velmar", "Ostrania")
    assert fields(doc, "Commander") == [(1, "Anton Brask (POW) Ilse Varn"), (2, "Pavo Renn Oskar Duhl")]
    assert fields(doc, "Casualties") == [
        (2, "Ostranian figures: 900 dead 2,000 wounded"),
        (1, "1,100–1,300 dead"), (1, "700 missing"), (1, "12 guns lost")]
    assert fields(doc, "Result") == [(None, "Decisive Ostranian victory")]
    assert any("below the table" in p.message for p in doc.problems)
    assert SPILLED[doc.body_start:].startswith("The Battle of Orsk")
    claims = extract_document(doc)
    assert claim(claims, "1,100–1,300 dead").side.name == "Velmar"
    assert claim(claims, "900 dead").side.name == "Ostrania"


def test_empty_parameters_are_problems_not_fields():
    text = ("Conflict:Battle of Orsk\nDate:2 May 1920\nResult:Ostranian victory\nCombatant1: ,\n"
            "Combatant2: Ostrania\nCommander1: Anton Brask\nCommander2: Pavo Renn\n\n"
            "The Battle of Orsk was fought on 2 May 1920 between the armies of Velmar and Ostrania near the "
            "town of Orsk, and it ended with the retreat of the Velmar army.\n")
    doc = read(text)
    assert doc.format is DocumentFormat.RENDERED
    assert fields(doc, "Combatant") == [(2, "Ostrania")]
    assert [p.line for p in doc.problems if "has no" in p.message] == [4]


PIECES = [
    "Belligerents", "Commanders and leaders", "Strength |", "Casualties and losses", "Units involved",
    "Territorial", "changes |", "Date14 May 1920", "Result Velmar victory", "Location |", "|", "||||", "",
    "  • 12 killed", "- 40% of Orsk", "* Number updated to 9", "40 killed[*]", "Per Velmar:", "3 June:",
    "Initial: 5,000 men At the time of the siege: 7,000 men", "Velmar Anton Brask", "Flag of X.svg Ivo Sarn",
    " Velmar  Ostrania", "Velmar Velmar Ostrania Ostrania", "Local Forces:", "(Velmar claim)",
    "Strength1:3 June:", "Casualties2:Ostranian estimate:", "Commander1:", "6,000[2] 9,000–11,000",
    "Map", "5km", "Anton\tBrask", "Velmar\tOstrania", "(as of 3 May)", "aOver 10 soldiers fought on.",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), min_size=1, max_size=40))
def test_any_mix_of_rendered_shapes_reads_and_extracts_with_exact_spans(lines):
    text = "\n".join(lines)
    doc = read_text(text, "mix.txt", format=DocumentFormat.RENDERED)
    for f in doc.infobox:
        assert text[f.start:f.end] == f.value
    for c in extract_document(doc):
        assert text[c.span.start:c.span.end] == c.span.quote


SIDE_PREFIXED = """Battle of Ostrava Ford

Battle of Ostrava Ford
Part of the Ridge War
Date: 1–5 May 1921
Location: Ostrava Ford
Result: Argentine victory
Belligerents:
United Kingdom
Argentina
Commanders and leaders:
Tomas Halvik
Ivan Dobrev
Strength:
United Kingdom: 4,000 infantry, 12 tanks
{second}: 12,000
Casualties and losses:
United Kingdom: 1,029 killed, 4,582 wounded
{second}: 19,202 killed, 21,000 wounded

The battle was fought in May 1921.
"""


def test_a_line_that_opens_with_a_belligerents_name_is_that_sides() -> None:
    # By the entry's name, or by another name of its party (a demonym).
    for second in ("Argentina", "Argentine"):
        claims = extract_document(read_text(SIDE_PREFIXED.format(second=second), "ford.txt"))
        sides = {c.span.quote: c.side.name for c in claims if isinstance(c.value, Quantity)}
        assert sides["4,000 infantry"] == sides["1,029 killed"] == "United Kingdom", second
        assert sides["12,000"] == sides["19,202 killed"] == sides["21,000 wounded"] == "Argentina", second


def test_a_two_word_rank_stays_with_its_commander():
    text = ("Battle of Varna Ford\nBattle of Varna Ford | |||||||\n---|---|---|---|---|---|---|---|\n"
            "Commanders and leaders | |||||||\nField Marshal Helmuth von Ardt Air Marshal Otto Brenn |\n"
            "Rear Admiral Karl Leiben | ||||||\nThe battle was short.\n")
    people = [(c.value.name, c.value.rank) for c in extract_document(read_text(text, "ford.txt")) if c.kind is Kind.COMMANDER]
    assert people == [("Helmuth von Ardt", "Field Marshal"), ("Otto Brenn", "Air Marshal"), ("Karl Leiben", "Rear Admiral")]


ALIGNED = """\
                    Battle of Harrow Creek

   From Wikipedia, the free encyclopedia

                    Battle of Harrow Creek
   Date           3–5 July 1863
   Result         Northland victory
                        Belligerents
   Northland                        Southland
                  Commanders and leaders
   Tomas Reyk                       Ivo Darrow
                          Strength
   93,921                           71,699
                   Casualties and losses
   23,049 total                     23,231 total
   (3,155 killed                    (3,903 killed
   14,529 wounded                   18,735 wounded
                                    5,425 captured)

   The Battle of Harrow Creek was fought on 3–5 July 1863 between the
   armies of Northland and Southland, and it ended the southern campaign.
   Darrow lost nearly a third of his army in the three days of fighting.
"""


def test_cells_aligned_in_columns_by_runs_of_spaces_take_the_column_they_start_under() -> None:
    doc = read(ALIGNED)
    assert fields(doc, "Strength") == [(1, "93,921"), (2, "71,699")]
    casualties = fields(doc, "Casualties")
    assert (1, "14,529 wounded") in casualties and (2, "18,735 wounded") in casualties
    assert (2, "5,425 captured)") in casualties  # alone on its line, under the second column
    # The wrapped paragraph after the infobox is prose, not a casualty cell.
    assert all("fought" not in value for _, value in casualties)
    assert "Darrow lost" in doc.text[doc.body_start:]


# A page copied from a browser: a table row is its cells joined by tabs, with the line breaks
# inside each cell kept, so a cell of several lines ends or starts where the tab is.
COPIED_ROWS = """Battle of Orsk Ford
Date\t3–9 May 1917
Location\tOrsk Ford, Ostrania
Belligerents
Velmar
Kingdom of Dask\tOstrania
Commanders and leaders
Anton Brask
Ivo Marc\tPavo Renn
Strength
42,000
9,000\t36,000 infantry
4,000 cavalry
Casualties and losses
5,200 killed
11,000 wounded\t8,300 killed
14,000 wounded
6,100 captured

The Battle of Orsk Ford was fought between Velmar and Dask against Ostrania in May 1917.
"""


def test_cells_copied_over_several_lines_keep_their_columns_on_both_sides_of_the_tab() -> None:
    doc = read(COPIED_ROWS)
    assert fields(doc, "Combatant") == [(1, "Velmar"), (1, "Kingdom of Dask"), (2, "Ostrania")]
    assert fields(doc, "Strength") == [(1, "42,000"), (1, "9,000"), (2, "36,000 infantry"), (2, "4,000 cavalry")]
    assert fields(doc, "Casualties") == [(1, "5,200 killed"), (1, "11,000 wounded"), (2, "8,300 killed"),
                                         (2, "14,000 wounded"), (2, "6,100 captured")]
    sides = {c.span.quote: c.side.name for c in extract_document(doc) if c.kind in (Kind.CASUALTIES, Kind.CAPTURED)}
    assert sides["5,200 killed"] == "Velmar" and sides["6,100 captured"] == "Ostrania"


# Labels with their values on one line, then the article: a heading over a paragraph dense with
# figures (few function words) is the article's own section, not the infobox's.
LABELLED_THEN_HEADINGS = """Battle of Orsk Gap

Date: 4–12 October 1944
Belligerents: Velmar vs. Ostrania
Casualties: Velmar: 4,100 killed, 9,800 wounded; Ostrania: 12,000 killed or wounded, 6,500 captured

The Battle of Orsk Gap was fought in October 1944 between Velmar and Ostrania.

Casualties

According to Velmari official histories, Velmar lost 3,900 killed. Ostranian records, which are incomplete, list 5,200 dead. Later historians claimed Ostranian losses of 30,000.
"""


def test_a_heading_over_a_dense_paragraph_ends_the_infobox_and_a_party_label_covers_its_part() -> None:
    doc, found = claims_of(LABELLED_THEN_HEADINGS)
    assert "Ostranian records" in doc.text[doc.body_start:]
    by_quote = {c.span.quote: c for c in found}
    assert by_quote["6,500 captured"].side.name == "Ostrania"  # `Ostrania:` opens its part of the cell
    assert by_quote["5,200 dead"].attribution.claimant == "Ostranian records"
    assert by_quote["5,200 dead"].rule.startswith("prose")


# The lead before the infobox, a label on every line with its cells under it, one per column,
# and a short section of the article after it.
LEAD_FIRST = """Battle of Marn Ford

The Battle of Marn Ford was fought on 4 June 1866 between Velmar and Ostrania near the village of Marn.

Battle of Marn Ford
Date: 4 June 1866
Belligerents:
Velmar
Ostrania
Commanders and leaders:
Anton Brask
Pavo Renn
Strength:
40,000
32,000

Background

Brask advanced with 40,000 men. Renn lost over 3,000 men in the retreat.
"""


def test_a_heading_over_short_sentences_ends_the_infobox_and_commanders_follow_the_belligerents_order() -> None:
    doc, found = claims_of(LEAD_FIRST)
    assert fields(doc, "Commander") == [(1, "Anton Brask"), (2, "Pavo Renn")]
    assert "Renn lost" in doc.text[doc.body_start:]
    by_quote = {c.span.quote: c for c in found}
    assert by_quote["over 3,000 men"].rule.startswith("prose")
    assert by_quote["over 3,000 men"].side.name == "Ostrania"  # Renn's column


def test_a_block_of_one_line_per_belligerent_gives_each_line_its_column():
    text = ("Siege of Marrow Hill\nPart of the Veldt War\nDate: 3 March 1900\nBelligerents:\n Kingdom of Arland\n"
            " Free State of Orsk\nCommanders and leaders:\n Redvers Hale\n Louis Botman\nStrength:\n"
            " 14,000 infantry\n 4,500 burghers\nCasualties and losses:\n Unknown\n 200 killed, 350 wounded\n\n"
            "The siege of Marrow Hill began when the Orsk commandos surrounded the town.\n")
    _, claims = claims_of(text)
    assert column_of(claims, "14,000") == 1
    assert column_of(claims, "4,500") == 2
    # a line with no figure still takes its column
    assert column_of(claims, "200 killed") == 2
    # as many lines as columns, but troops over guns is one column's list
    guns = text.replace(" 4,500 burghers", " 40 guns")
    _, claims = claims_of(guns)
    assert column_of(claims, "40") == 1


def test_allies_indented_under_a_belligerent_are_in_its_column():
    text = ("Battle of Hill Ridge\nPart of the Northern War\nDate: 1951\nBelligerents\nUnited Nations\n United States\n"
            " South Korea\nChina\n North Korea\nStrength\n12,000\t40,000\nCasualties and losses\n1,200 killed\t9,000 killed\n\n"
            "The battle was fought over a ridge for a week in 1951.\n")
    doc, claims = claims_of(text)
    assert doc.belligerents[:2] == ("United Nations", "China")
    assert column_of(claims, "40,000") == 2
    # the same list with nothing indented keeps the old reading: first and last listed
    flat = text.replace("\n United States", "\nUnited States").replace("\n South Korea", "\nSouth Korea").replace(
        "\n North Korea", "\nNorth Korea")
    _, claims = claims_of(flat)
    assert [c.side.name for c in claims if c.span.quote == "40,000"] == ["North Korea"]


def test_a_short_paragraph_after_the_last_block_is_the_body_not_a_cell() -> None:
    text = ("Battle of Korlin\n\nBattle of Korlin\nPart of the Velmar War\nDate\n18 June 1757\nBelligerents\n"
            "Kingdom of Arland\nFree State of Orsk\nStrength\n32,000\n54,000\nCasualties and losses\n"
            "13,773 killed, wounded or captured\n8,114 killed, wounded or captured\n\n"
            "Arland losses were severe: 13,773 men, including 5,380 captured. The Orsk army lost 8,114 men.\n")
    doc, claims = claims_of(text)
    assert doc.text[doc.body_start:].startswith("Arland losses")
    assert column_of(claims, "8,114 killed") == 2
    severe = next(c for c in claims if c.span.quote.startswith("13,773 men"))
    assert (severe.kind, severe.side.name, severe.rule.startswith("prose")) == (Kind.CASUALTIES, "Kingdom of Arland", True)


def test_an_infobox_at_the_end_of_the_page_stops_at_the_references() -> None:
    text = ("Battle of Harl Pass\n\nThe Battle of Harl Pass was fought in 1993 between the Republic of Taran and "
            "Velmar in the Harl mountains, and Taran forces were repulsed after two days of fighting there.\n\n"
            "Battle of Harl Pass\nDate\t4–6 May 1993\nBelligerents\nRepublic of Taran\tVelmar\nStrength\n"
            "8,000\t3,500\nCasualties and losses\n1,100 killed\t400 killed\n\nReferences\n"
            "1. Smith, J. (2001). The Harl War. p. 12.\n")
    _, claims = claims_of(text)
    figures = sorted(c.span.quote for c in claims if isinstance(c.value, Quantity))
    assert figures == ["1,100 killed", "3,500", "400 killed", "8,000"]


def test_a_native_name_in_another_script_under_the_title_is_not_the_title() -> None:
    from claims.readers import read_text

    page = ("Battle of Borodino\n\nБородинское сражение\nPart of the Patriotic War of 1812\nBelligerents\n"
            "Russian Empire\nFrench Empire\nStrength\n120,000 men\n130,000 men\n\nThe battle was fought on 7 September 1812.\n")
    assert read_text(page, "borodino.txt").title == "Battle of Borodino"
