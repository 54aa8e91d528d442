"""`claims export` / `claims import`: W3C Web Annotation, Hypothesis, schema.org ClaimReview,
Wikidata statements and QuickStatements, CSV and TSV, each checked against the structure its
specification requires (required fields and their types), and the annotation round trip."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.cli import cli
from claims.interchange.claimreview import BEST_RATING, RATING_SCALE, WORST_RATING, claim_reviews
from claims.interchange.config import ExportConfig, load_config
from claims.interchange.tabular import CLAIM_COLUMNS, CONFLICT_COLUMNS
from claims.interchange.webanno import export_annotations, import_annotations, parse_file, read_records
from claims.interchange.wikidata import export_statements, quickstatements, statement
from claims.model import CLAIM_VERDICTS, CONFLICT_VERDICTS, Qualifier, TargetKind, Verdict
from claims.review import new_annotation
from claims.store import ClaimQuery, open_store
from conftest import SEEDS
from store_helpers import make_claim

HTML = Path(__file__).parent / "fixtures" / "html"
PAGES = [HTML / "battle-of-karavan-pass.html", HTML / "border-clashes-news.html"]


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A store of the two pages and the seeds, ingested once and copied by the tests."""
    db = tmp_path_factory.mktemp("interchange") / "template.db"
    result = invoke("ingest", *map(str, PAGES), str(SEEDS), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def copy_of(template: Path, folder: Path, name: str) -> str:
    target = folder / name
    shutil.copy(template, target)
    return str(target)


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh(request, template, tmp_path) -> str:
    """An unreviewed store of the pages and the seeds to import into: a copy of the template
    file, then the same documents ingested into a PostgreSQL schema."""
    if request.param == "sqlite":
        return copy_of(template, tmp_path, "fresh.db")
    url = request.getfixturevalue("pg_url")
    result = invoke("ingest", *map(str, PAGES), str(SEEDS), "--db", url)
    assert result.exit_code == 0, result.output
    return url


@pytest.fixture
def reviewed(template, tmp_path) -> str:
    db = copy_of(template, tmp_path, "reviewed.db")
    with open_store(db) as store:
        claims = {c.span.quote: c for c in store.claims()}
        store.annotate(new_annotation(claims["~900 killed"], Verdict.DISPUTED, "Ada", note="Velmar sources give 400."))
        store.annotate(new_annotation(claims["45 soldiers were wounded"], Verdict.ACCEPTED, "Bo"))
        store.annotate(new_annotation(claims["600 killed"], Verdict.NEEDS_SOURCE, "Bo", note="whose count?"))
        rejected = new_annotation(claims["300 Taranian soldiers were killed"], Verdict.REJECTED, "Ada")
        store.annotate(rejected)
        store.annotate(new_annotation(claims["12 tanks destroyed"], Verdict.CONFIDENCE, "Ada",
                                      confidence_override=0.2, override_reason="a side's claim"))
        store.retract(rejected.id, "Ada")
        store.annotate(new_annotation(claims["300 Taranian soldiers were killed"], Verdict.REJECTED, "Ada",
                                      note="the Guard inflates enemy losses"))
        store.annotate(new_annotation(store.conflicts()[0], Verdict.RESOLVED, "Bo", note="same source"))
    return db


# -- W3C Web Annotation ---------------------------------------------------------------------------

DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
MOTIVATIONS = {"assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
               "identifying", "linking", "moderating", "questioning", "replying", "tagging"}


def check_selector(selector: dict) -> None:
    if selector["type"] == "TextQuoteSelector":
        assert isinstance(selector["exact"], str) and selector["exact"]
        assert isinstance(selector.get("prefix", ""), str) and isinstance(selector.get("suffix", ""), str)
    elif selector["type"] == "TextPositionSelector":
        assert isinstance(selector["start"], int) and isinstance(selector["end"], int)
        assert 0 <= selector["start"] <= selector["end"]
    else:
        raise AssertionError(f"unexpected selector {selector['type']}")


def check_annotation(annotation: dict, embedded: bool) -> None:
    """The W3C Web Annotation Data Model's MUSTs for an Annotation (and the SHOULDs we keep)."""
    if not embedded:
        context = annotation["@context"]
        assert context == "http://www.w3.org/ns/anno.jsonld" or "http://www.w3.org/ns/anno.jsonld" in context
    assert isinstance(annotation["id"], str) and re.match(r"^[a-z][a-z0-9+.-]*:", annotation["id"])
    assert annotation["type"] == "Annotation"
    assert annotation["motivation"] in MOTIVATIONS
    assert DATE_TIME.match(annotation["created"])
    if "creator" in annotation:
        assert annotation["creator"]["type"] == "Person" and isinstance(annotation["creator"]["name"], str)
    for body in annotation.get("body", []):
        assert body["type"] == "TextualBody" and isinstance(body["value"], str)
        assert body.get("purpose", "commenting") in MOTIVATIONS
    targets = annotation["target"] if isinstance(annotation["target"], list) else [annotation["target"]]
    assert targets
    for target in targets:
        assert isinstance(target["source"], str) and re.match(r"^[a-z][a-z0-9+.-]*:", target["source"])
        types = {s["type"] for s in target["selector"]}
        assert types == {"TextQuoteSelector", "TextPositionSelector"}
        for selector in target["selector"]:
            check_selector(selector)


def test_web_annotations_follow_the_w3c_model(reviewed):
    data = json.loads(invoke("export", "--db", reviewed, "--format", "web-annotation").output)
    assert "http://www.w3.org/ns/anno.jsonld" in data["@context"]
    assert data["type"] == "AnnotationCollection" and data["first"]["type"] == "AnnotationPage"
    items = data["first"]["items"]
    assert data["total"] == len(items) == 8
    for item in items:
        check_annotation(item, embedded=True)
        check_annotation({"@context": data["@context"], **item}, embedded=False)
    disputed = next(i for i in items if i["claims:verdict"] == "disputed")
    assert disputed["motivation"] == "assessing"
    assert {"type": "TextualBody", "purpose": "assessing", "value": "disputed", "format": "text/plain"} in disputed["body"]
    assert any(b["purpose"] == "commenting" and b["value"] == "Velmar sources give 400." for b in disputed["body"])
    assert disputed["target"]["source"] == "https://en.wikipedia.org/wiki/Battle_of_Karavan_Pass"
    quote = next(s for s in disputed["target"]["selector"] if s["type"] == "TextQuoteSelector")
    position = next(s for s in disputed["target"]["selector"] if s["type"] == "TextPositionSelector")
    assert quote["exact"] == "~900 killed" and position["end"] - position["start"] == len("~900 killed")
    retraction = next(i for i in items if i["claims:verdict"] == "retracted")
    assert retraction["motivation"] == "editing" and retraction["claims:retracts"].startswith("urn:claims:annotation:")
    conflict = next(i for i in items if i["claims:verdict"] == "resolved")
    assert isinstance(conflict["target"], list) and len(conflict["target"]) >= 2 and conflict["claims:rule"]
    seed = next(i for i in items if i["claims:verdict"] == "needs_source")
    assert seed["target"]["source"] == "urn:claims:document:terter-operation.txt"


def test_one_annotation_per_claim_describes_each_claim(reviewed):
    data = json.loads(invoke("export", "--db", reviewed, "--format", "web-annotation", "--per", "claim",
                             "--doc", "border-clashes-news.html").output)
    items = data["first"]["items"]
    with open_store(reviewed) as store:
        assert len(items) == store.count_claims(ClaimQuery(document="border-clashes-news.html"))
    for item in items:
        item.setdefault("created", "2024-01-01T00:00:00Z")
        check_annotation(item, embedded=True)
        assert item["motivation"] == "describing"
    accepted = next(i for i in items if i.get("claims:verdict") == "accepted")
    assert any(b["purpose"] == "assessing" and b["value"] == "accepted" for b in accepted["body"])


def _effective_targets(db: str) -> dict[str, str | None]:
    with open_store(db) as store:
        moved = store.current_targets()
        return {a.id: (moved[a.id] if a.id in moved else a.target_id) for a in store.annotations()}


def test_round_trip_into_a_fresh_store_keeps_every_annotation_on_its_claim(reviewed, fresh, tmp_path):
    exported = tmp_path / "annotations.jsonld"
    assert invoke("export", "--db", reviewed, "--format", "web-annotation", "-o", str(exported)).exit_code == 0
    result = invoke("import", str(exported), "--db", fresh)
    assert result.exit_code == 0, result.output
    assert "Imported 8 annotation(s)" in result.output and "0 orphaned" in result.output
    assert _effective_targets(fresh) == _effective_targets(reviewed)
    with open_store(reviewed) as before, open_store(fresh) as after:
        assert {k: v.id for k, v in before.current_verdicts().items()} == {k: v.id for k, v in after.current_verdicts().items()}
        assert before.current_verdicts(TargetKind.CONFLICT).keys() == after.current_verdicts(TargetKind.CONFLICT).keys()
    again = invoke("import", str(exported), "--db", fresh)
    assert "Imported 0 annotation(s)" in again.output and "8 were already in the store" in again.output


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(acts=st.lists(
    st.tuples(st.integers(0, 10_000), st.sampled_from([*CLAIM_VERDICTS, Verdict.NOTE, Verdict.CONFIDENCE, "retract",
                                                        "conflict"]), st.text(max_size=20)),
    min_size=1, max_size=12))
def test_round_trip_property(template, tmp_path_factory, acts):
    folder = tmp_path_factory.mktemp("roundtrip")
    source = copy_of(template, folder, "source.db")
    with open_store(source) as store:
        claims = store.claims()
        conflicts = store.conflicts()
        made = []
        for index, act, note in acts:
            if act == "retract":
                if made:
                    made.append(store.retract(made[index % len(made)].id, "Rex"))
                continue
            if act == "conflict":
                target = conflicts[index % len(conflicts)]
                annotation = new_annotation(target, CONFLICT_VERDICTS[index % 3], "Cy", note=note)
            else:
                target = claims[index % len(claims)]
                annotation = new_annotation(target, act, "Ada", note=note,
                                            confidence_override=0.3 if act is Verdict.CONFIDENCE else None)
            store.annotate(annotation)
            made.append(annotation)
        data = export_annotations(store)
    fresh = copy_of(template, folder, "fresh.db")
    with open_store(fresh) as store:
        report = import_annotations(store, read_records(parse_file(json.dumps(data)), "nobody"))
    assert not report.skipped and report.orphaned == 0
    assert _effective_targets(fresh) == _effective_targets(source)


def test_hypothesis_exports_are_anchored_or_kept_as_orphans(fresh):
    db = fresh
    result = invoke("import", str(HTML / "hypothesis-export.json"), "--db", db)
    assert result.exit_code == 0, result.output
    assert "Imported 5 annotation(s)" in result.output and "2 orphaned" in result.output
    with open_store(db) as store:
        by_quote = {c.id: c.span.quote for c in store.claims()}
        annotations = {a.id: a for a in store.annotations()}
        assert len(annotations) == 5
        disputed = annotations["hyp_Xq3c0Ov1Ee6m_Kb1zP1zQA"]
        assert by_quote[disputed.target_id] == "~900 killed" and disputed.verdict is Verdict.DISPUTED
        assert disputed.reviewer == "Ada Lund" and disputed.note == "Holm's figure; Velmar sources give 400."
        assert disputed.created_at == dt.datetime(2024, 3, 18, 9, 12, 44, 112233, tzinfo=dt.timezone.utc)
        wrapped = annotations["hyp_Yr4d1Pw2Ff7n_Lc2aQ2aRB"]
        assert by_quote[wrapped.target_id] == "300 Taranian soldiers were killed"
        assert wrapped.verdict is Verdict.NEEDS_SOURCE
        news = annotations["hyp_At6f3Ry4Hh9p_Ne4cS4cTD"]
        assert by_quote[news.target_id] == "45 soldiers were wounded" and news.verdict is Verdict.ACCEPTED
        assert news.reviewer == "bo_k"
        orphans = {a.id for a in store.orphaned_annotations()}
        assert orphans == {"hyp_Zs5e2Qx3Gg8o_Md3bR3bSC", "hyp_Bu7g4Sz5Ii0q_Of5dT5dUE"}
        assert annotations["hyp_Zs5e2Qx3Gg8o_Md3bR3bSC"].anchor.quote.startswith("It was the largest")
    listed = invoke("list", "--db", db, "--orphaned").output
    assert "It was the largest engagement" in listed and "2,000 killed" in listed


def test_import_refuses_what_is_not_an_annotation_export(template, tmp_path):
    db = copy_of(template, tmp_path, "bad.db")
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": "world"}', encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(bad), "--db", db])
    assert result.exit_code == 2 and "no target" in result.output


# -- schema.org ClaimReview -----------------------------------------------------------------------


def check_claim_review(review: dict) -> None:
    """Google's fact-check markup: the required properties of ClaimReview and Rating, and the
    recommended ones we always give, with their schema.org types."""
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert re.match(r"^https?://", review["url"])
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"].strip()
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and isinstance(rating["alternateName"], str) and rating["alternateName"]
    assert isinstance(rating["ratingValue"], int) and isinstance(rating["bestRating"], int)
    assert 1 <= rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert rating["bestRating"] > rating["worstRating"]
    assert review["author"]["@type"] in ("Organization", "Person") and review["author"]["name"]
    dt.date.fromisoformat(review["datePublished"])
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["appearance"]["@type"] == "CreativeWork" and item["appearance"]["name"]
    if "author" in item:
        assert item["author"]["@type"] in ("Organization", "Person") and item["author"]["name"]


def test_claim_reviews_follow_googles_fact_check_markup(reviewed, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.claims.export]\npublisher = "Courier Fact Check"\npublisher-url = "https://courier.example.org/fc"\n'
        'review-url = "https://courier.example.org/fc/karavan"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    reviews = json.loads(invoke("export", "--db", reviewed, "--format", "claimreview").output)
    assert len(reviews) == 4  # accepted, disputed, needs source, rejected; not the override
    for review in reviews:
        check_claim_review(review)
    by_quote = {r["claimReviewed"]: r for r in reviews}
    disputed = by_quote["~900 killed"]
    assert disputed["reviewRating"]["alternateName"] == "Disputed" and disputed["reviewRating"]["ratingValue"] == 2
    assert disputed["author"] == {"@type": "Organization", "name": "Courier Fact Check", "url": "https://courier.example.org/fc"}
    assert disputed["itemReviewed"]["appearance"]["url"] == "https://en.wikipedia.org/wiki/Battle_of_Karavan_Pass"
    assert disputed["url"].startswith("https://courier.example.org/fc/karavan#c_")
    rejected = by_quote["300 Taranian soldiers were killed"]
    assert rejected["itemReviewed"]["author"] == {"@type": "Organization", "name": "the Velmar Guard"}
    assert rejected["reviewRating"]["ratingValue"] == WORST_RATING
    accepted = by_quote["45 soldiers were wounded"]
    assert accepted["reviewRating"]["ratingValue"] == BEST_RATING
    assert accepted["itemReviewed"]["appearance"]["datePublished"] == "2021-03-15T09:30:00+00:00"
    assert sorted(v[0] for v in RATING_SCALE.values()) == list(range(WORST_RATING, BEST_RATING + 1))


def test_claim_review_needs_the_page_that_publishes_it(reviewed, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["export", "--db", reviewed, "--format", "claimreview"])
    assert result.exit_code == 2 and "review-url" in result.output
    with open_store(reviewed) as store:
        reviews = claim_reviews(store, ExportConfig(), review_url="https://fc.example.org/r")
    assert all(r["author"]["@type"] == "Person" for r in reviews)  # no publisher: the reviewer


def test_export_config_errors_name_the_key(tmp_path):
    path = tmp_path / "claims.toml"
    path.write_text('[export]\npublisher-type = "Robot"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="publisher-type"):
        load_config(path)
    path.write_text('[export]\nwikidata-items = { "Velmar" = "Q42" }\n', encoding="utf-8")
    assert load_config(path).wikidata_items == {"Velmar": "Q42"}


# -- Wikidata -------------------------------------------------------------------------------------

AMOUNT = re.compile(r"^[+-]\d+(\.\d+)?$")
TIME = re.compile(r"^[+-]\d{4,}-\d\d-\d\dT00:00:00Z$")


def check_snak(snak: dict, prop: str) -> None:
    assert snak["snaktype"] == "value" and snak["property"] == prop and re.match(r"^P\d+$", prop)
    value, kind = snak["datavalue"]["value"], snak["datavalue"]["type"]
    if kind == "quantity":
        assert snak["datatype"] == "quantity" and AMOUNT.match(value["amount"]) and value["unit"] == "1"
        assert ("lowerBound" in value) == ("upperBound" in value)
        if "lowerBound" in value:
            assert float(value["lowerBound"]) <= float(value["amount"]) <= float(value["upperBound"])
    elif kind == "time":
        assert snak["datatype"] == "time" and TIME.match(value["time"]) and 0 <= value["precision"] <= 14
        assert value["calendarmodel"] == "http://www.wikidata.org/entity/Q1985727" and value["timezone"] == 0
    elif kind == "wikibase-entityid":
        assert snak["datatype"] == "wikibase-item" and value["id"] == f"Q{value['numeric-id']}"
    elif kind == "monolingualtext":
        assert snak["datatype"] == "monolingualtext" and value["text"] and value["language"] == "en"
    else:
        assert kind == "string" and snak["datatype"] == "url" and re.match(r"^https?://", value)


def check_statement(body: dict) -> None:
    """A Wikibase statement as the Wikidata JSON format defines it."""
    assert body["type"] == "statement" and body["rank"] in ("normal", "preferred", "deprecated")
    check_snak(body["mainsnak"], body["mainsnak"]["property"])
    assert body["mainsnak"]["datatype"] == "quantity"
    assert list(body["qualifiers"]) == body["qualifiers-order"]
    for prop, snaks in body["qualifiers"].items():
        for snak in snaks:
            check_snak(snak, prop)
    for reference in body["references"]:
        assert list(reference["snaks"]) == reference["snaks-order"]
        for prop, snaks in reference["snaks"].items():
            for snak in snaks:
                check_snak(snak, prop)


def test_wikidata_statements_follow_the_wikibase_json_format(reviewed):
    data = json.loads(invoke("export", "--db", reviewed, "--format", "wikidata").output)
    statements = {s["claims:quote"]: s for s in data["statements"]}
    for entry in data["statements"]:
        check_statement(entry["statement"])
    approx = statements["~900 killed"]["statement"]
    assert approx["mainsnak"]["property"] == "P1120"
    assert approx["mainsnak"]["datavalue"]["value"] == {"unit": "1", "amount": "+900"}
    circumstances = {s["datavalue"]["value"]["id"] for s in approx["qualifiers"]["P1480"]}
    assert circumstances == {"Q5727902", "Q18912752"}  # circa, and disputed by a reviewer
    dated = statements["3,500 servicemen (March 1993)"]["statement"]
    assert dated["mainsnak"]["property"] == "P1132"
    assert dated["qualifiers"]["P585"][0]["datavalue"]["value"]["time"] == "+1993-03-00T00:00:00Z"
    assert dated["qualifiers"]["P585"][0]["datavalue"]["value"]["precision"] == 10
    assert [r["snaks"]["P1476"][0]["datavalue"]["value"]["text"] for r in dated["references"]] == [
        "Battle of Karavan Pass", "Lena Morrow, Thaw on the pass (1993)"]
    assert dated["references"][0]["snaks"]["P854"][0]["datavalue"]["value"] == "https://en.wikipedia.org/wiki/Battle_of_Karavan_Pass"
    assert statements["300 Taranian soldiers were killed"]["statement"]["rank"] == "deprecated"
    assert statements["300 Taranian soldiers were killed"]["claims:claimant"] == "the Velmar Guard"
    bound = statements["more than six thousand servicemen were killed"]
    assert bound["claims:bound"] == "at_least" and "lowerBound" not in bound["statement"]["mainsnak"]["datavalue"]["value"]
    assert any(s["reason"].startswith("an increment") for s in data["skipped"])
    assert any("lost" in s["reason"] for s in data["skipped"])


def test_ranges_have_bounds_and_sides_map_to_items(template, tmp_path):
    with open_store(str(template)) as store:
        exported = export_statements(store, items={"Velmar": "Q1001", "Battle of Karavan Pass": "Q2002"})
    killed = next(s for s in exported["statements"] if s["claims:quote"] == "~900 killed")
    assert killed["claims:item"] == "Q2002"
    assert killed["statement"]["qualifiers"]["P518"][0]["datavalue"]["value"]["id"] == "Q1001"
    text = "Between 35–58 soldiers were killed."
    claim = make_claim("r.txt", text, 8, 34)
    claim = attrs.evolve(claim, value=attrs.evolve(claim.value, low=35, high=58, qualifier=Qualifier.RANGE))
    entry = statement(claim, None, disputed=False, rejected=False, items={})
    value = entry["statement"]["mainsnak"]["datavalue"]["value"]
    assert value == {"unit": "1", "amount": "+46.5", "lowerBound": "+35", "upperBound": "+58"}
    check_statement(entry["statement"])
    line = quickstatements({"statements": [entry]})[0]
    assert line.split("\t")[2] == "46.5~11.5"


def test_quickstatements_lines_are_tab_separated_commands(reviewed):
    result = invoke("export", "--db", reviewed, "--format", "quickstatements")
    lines = [line for line in result.stdout.splitlines() if line]
    assert lines
    for line in lines:
        cells = line.split("\t")
        assert re.match(r"^(Q\d+|\{[^{}\t]+\})$", cells[0]), cells[0]
        assert re.match(r"^P\d+$", cells[1]) and re.match(r"^\d+(\.\d+)?(~\d+(\.\d+)?)?$", cells[2])
        assert cells[-1].startswith("/* ") and cells[-1].endswith(" */")
        pairs = cells[3:-1]
        assert len(pairs) % 2 == 0
        for prop, value in zip(pairs[::2], pairs[1::2]):
            assert re.match(r"^[PS]\d+$", prop)
            assert re.match(r'^(Q\d+|[+-]\d{4}-\d\d-\d\dT00:00:00Z/\d+|"[^"\t]*"|en:"[^"\t]*")$', value), value
    assert "have no Wikidata item" in result.stderr
    with_item = invoke("export", "--db", reviewed, "--format", "quickstatements", "--item", "Q42").stdout
    assert all(line.startswith("Q42\t") for line in with_item.splitlines())
    assert "(according to the Velmar Guard)" in with_item


# -- CSV and TSV ----------------------------------------------------------------------------------


def test_claims_as_csv_one_row_per_claim_with_the_chain_flattened(reviewed):
    text = invoke("export", "--db", reviewed, "--format", "csv").output
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == CLAIM_COLUMNS
    with open_store(reviewed) as store:
        assert len(rows) - 1 == store.count_claims()
    assert all(len(row) == len(CLAIM_COLUMNS) for row in rows)
    records = [dict(zip(rows[0], row)) for row in rows[1:]]
    disputed = next(r for r in records if r["quote"] == "~900 killed")
    assert disputed["verdict"] == "disputed" and disputed["note"] == "Velmar sources give 400."
    assert disputed["low"] == disputed["high"] == "900" and disputed["qualifier"] == "approx"
    assert disputed["reference"].startswith("Holm") and disputed["side_column"] == "2"
    assert disputed["attribution_chain"].startswith("Battle of Karavan Pass (") and " → Holm" in disputed["attribution_chain"]
    assert disputed["source_url"] == "https://en.wikipedia.org/wiki/Battle_of_Karavan_Pass" and disputed["source_line"] == "48"
    guard = next(r for r in records if r["quote"] == "300 Taranian soldiers were killed")
    assert guard["claimant"] == "the Velmar Guard" and guard["claimant_class"] == "belligerent"
    assert guard["attribution_chain"].endswith("→ the Velmar Guard (belligerent, Velmar)") or "the Velmar Guard" in guard["attribution_chain"]
    increment = next(r for r in records if "+2,000" in r["quote"])
    assert increment["quote"].startswith("'+2,000")  # never read as a formula by a spreadsheet


def test_conflicts_as_tsv_one_row_per_claim_of_each_conflict(reviewed):
    text = invoke("export", "--db", reviewed, "--format", "tsv", "--what", "conflicts").output
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    assert tuple(rows[0]) == CONFLICT_COLUMNS
    with open_store(reviewed) as store:
        assert len(rows) - 1 == sum(len(c.claims) for c in store.conflicts())
        first = store.conflicts()[0]
    settled = [dict(zip(rows[0], r)) for r in rows[1:] if r[0] == first.id]
    assert settled and all(r["conflict_verdict"] == "resolved" for r in settled)


def test_json_export_is_unchanged(reviewed):
    data = json.loads(invoke("export", "--db", reviewed).output)
    assert data["schema"] == "claims/1" and set(data) == {"schema", "documents", "claims", "conflicts", "annotations"}


def test_exports_on_stdout_show_control_characters_as_escapes(template, tmp_path):
    db = copy_of(template, tmp_path, "hostile.db")
    note = "title \x1b]0;PWNED\x07 and \u202eevil"
    with open_store(db) as store:
        claim = next(c for c in store.claims() if c.span.quote == "600 killed")
        store.annotate(new_annotation(claim, Verdict.DISPUTED, "Ada\x1b[31m", note=note))
    for fmt in ("json", "web-annotation", "csv", "tsv"):
        out = invoke("export", "--db", db, "--format", fmt).output
        assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out, fmt
    # JSON stays lossless: the escapes decode to the note as written.
    data = json.loads(invoke("export", "--db", db, "--format", "json").output)
    assert any(a["note"] == note for a in data["annotations"])
    # A file gets the text as it is.
    written = tmp_path / "annotations.json"
    assert invoke("export", "--db", db, "--format", "web-annotation", "-o", str(written)).exit_code == 0
    assert "\u202eevil" in written.read_text(encoding="utf-8")


def test_import_into_a_read_only_store_says_so_in_one_line(reviewed, tmp_path, monkeypatch, capsys):
    # SQLite only: a read-only store is a file the user may not write.
    import os

    exported = tmp_path / "annotations.json"
    assert invoke("export", "--db", reviewed, "--format", "web-annotation", "-o", str(exported)).exit_code == 0
    target = copy_of(Path(reviewed), tmp_path, "read-only.db")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    from claims.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["import", str(exported), "--db", target])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is read-only" in err and "Traceback" not in err
