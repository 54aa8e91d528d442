"""`claims extract`, `ingest`, `list`, `show`, `export` through the click group, on the seeds."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claims.cli import cli
from claims.model import Verdict
from claims.review import new_annotation
from claims.store import ClaimQuery, open_store
from conftest import SEEDS, TERTER
from store_helpers import figure_claims, make_document


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store_path(request, tmp_path_factory) -> str:
    """The seeds ingested through the CLI, on each backend (a file; a PostgreSQL URL)."""
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("cli") / "claims.db")
    else:
        db = request.getfixturevalue("pg_cluster").new_store_url()
    result = invoke("ingest", str(SEEDS), "--db", db)
    assert result.exit_code == 0
    assert "Ingested 2 document(s)" in result.output and "Annotations: 0 stayed" in result.output
    with open_store(db) as store:
        killed = store.claims(ClaimQuery(search="600 killed"))[0]
        store.annotate(new_annotation(killed, Verdict.DISPUTED, "ada", note="whose count?"))
    return db


def test_extract_json_follows_the_contract():
    data = json.loads(invoke("extract", str(TERTER), "--format", "json").stdout)
    assert data["schema"] == "claims/1"
    killed = next(c for c in data["claims"] if c["span"]["quote"] == "600 killed")
    assert killed["document"] == str(TERTER) and killed["document_id"] == "terter-operation.txt"
    assert killed["side"]["column"] == 2
    assert killed["value"] == {**killed["value"], "type": "quantity", "low": 600, "high": 600,
                               "qualifier": "exact", "category": "killed"}
    assert killed["attribution"]["claimant"] is None
    assert set(killed["confidence"]) >= {"score", "grade", "reasons"}


def test_extract_text_is_an_aligned_table_and_tsv_is_tab_separated():
    text = invoke("extract", str(TERTER)).stdout.splitlines()
    assert text[0].split()[:3] == ["WHERE", "KIND", "SIDE"]
    assert any("600 killed" in line and "terter-operation.txt:13:16" in line for line in text)
    tsv = invoke("extract", str(TERTER), "--format", "tsv").stdout.splitlines()
    assert tsv[0].split("\t") == ["where", "kind", "side", "value", "quote", "claimant", "grade", "id"]
    assert all(len(line.split("\t")) == 8 for line in tsv)


def rows(*args: str) -> list[str]:
    """The claim rows of `claims list ... --format tsv` (after its header row)."""
    lines = invoke(*args, "--format", "tsv").output.splitlines()
    assert lines and lines[0].startswith("where\tkind\t")
    return lines[1:]


def test_list_filters(store_path):
    casualties = rows("list", "--db", store_path, "--kind", "casualties")
    assert casualties and all("\tcasualties\t" in line for line in casualties)
    disputed = rows("list", "--db", store_path, "--verdict", "disputed")
    assert len(disputed) == 1 and "600 killed" in disputed[0]
    unreviewed = rows("list", "--db", store_path, "--unreviewed")
    assert not any("600 killed" in line for line in unreviewed)
    in_conflict = invoke("list", "--db", store_path, "--in-conflict", "--format", "tsv").output
    assert "600 killed" in in_conflict and "six thousand" in in_conflict
    kinds = invoke("list", "--db", store_path, "--kind", "nonsense")
    assert kinds.exit_code == 2 and "unknown kind" in kinds.output


def test_show_gives_the_whole_claim(store_path):
    claim_id = rows("list", "--db", store_path, "--search", "600 killed")[0].split("\t")[7].strip()
    shown = invoke("show", claim_id, "--db", store_path).output
    for expected in ("600 killed", "claimant:    unattributed", "confidence:", "R-ENEMY-LOSS-UNATTRIBUTED",
                     "ada: disputed whose count?"):
        assert expected in shown
    assert invoke("show", "c_nope", "--db", store_path).exit_code == 2


def test_export_holds_documents_claims_conflicts_and_annotations(store_path):
    data = json.loads(invoke("export", "--db", store_path).output)
    assert {d["id"] for d in data["documents"]} == {"terter-operation.txt", "operation-kalbajar.txt"}
    assert len(data["claims"]) > 50 and data["conflicts"]
    assert [a["note"] for a in data["annotations"]] == ["whose count?"]


def test_list_doc_takes_the_path_the_output_prints(store_path):
    by_id = rows("list", "--db", store_path, "--doc", "terter-operation.txt")
    printed = by_id[0].split("\t")[0].rsplit(":", 2)[0]  # `seeds/terter-operation.txt:13:16`
    assert printed.endswith("terter-operation.txt") and printed != "terter-operation.txt"
    assert rows("list", "--db", store_path, "--doc", printed) == by_id
    missing = invoke("list", "--db", store_path, "--doc", "nope.txt")
    assert missing.exit_code == 2 and "no document 'nope.txt'" in missing.output


def test_unattributed_leaves_out_cited_figures(db, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("The garrison lost 600 killed.[1]\n\nAbout 300 soldiers were wounded.\n", encoding="utf-8")
    assert invoke("ingest", str(draft), "--db", db).exit_code == 0
    listed = rows("list", "--db", db, "--unattributed", "--kind", "casualties")
    assert len(listed) == 1 and "300 soldiers" in listed[0]


def test_show_keeps_note_lines_and_says_what_a_retraction_undid(db):
    assert invoke("ingest", str(TERTER), "--db", db).exit_code == 0
    claim_id = rows("list", "--db", db, "--search", "600 killed")[0].split("\t")[7].strip()
    made = invoke("annotate", claim_id, "--db", db, "--reviewer", "ana", "--verdict", "disputed",
                  "--note", "first line\nsecond line")
    assert made.exit_code == 0, made.output
    annotation_id = made.output.split(":")[0]
    undone = invoke("annotate", claim_id, "--db", db, "--reviewer", "bo", "--retract", annotation_id)
    assert undone.exit_code == 0, undone.output
    shown = invoke("show", claim_id, "--db", db).output
    assert "\\x0a" not in shown
    assert "ana: disputed first line" in shown and "\n               second line" in shown
    assert "bo: retracted ana's disputed of" in shown


def test_annotate_from_a_script_uses_the_review_rules(db):
    assert invoke("ingest", str(TERTER), "--db", db).exit_code == 0
    claim_id = rows("list", "--db", db, "--search", "600 killed")[0].split("\t")[7].strip()
    ok = invoke("annotate", claim_id, "--db", db, "--reviewer", "ana", "--verdict", "rejected",
                "--confidence", "0.1", "--note", "double-counted")
    assert ok.exit_code == 0 and ok.output.count(f" {claim_id}") == 2
    with open_store(db) as store:
        acts = store.annotations(claim_id)
        assert [a.verdict for a in acts] == [Verdict.REJECTED, Verdict.CONFIDENCE]
        assert acts[1].confidence_override == 0.1 and acts[0].note == "double-counted"
        assert store.claim(claim_id).confidence.score == 0.1
    wrong = invoke("annotate", claim_id, "--db", db, "--reviewer", "ana", "--verdict", "resolved")
    assert wrong.exit_code == 2 and "does not apply to a claim" in wrong.output
    why = invoke("annotate", claim_id, "--db", db, "--reviewer", "ana", "--confidence", "0.5")
    assert why.exit_code == 2 and "needs a reason" in why.output
    nothing = invoke("annotate", "c_nope", "--db", db, "--verdict", "accepted")
    assert nothing.exit_code == 2 and "no claim or conflict 'c_nope'" in nothing.output


def test_report_writes_to_standard_output_by_default(store_path):
    result = invoke("report", "--db", store_path, "--format", "markdown")
    assert result.exit_code == 0 and result.output.startswith("#")


def test_the_store_can_come_from_claims_db(store_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_DB", store_path)
    listed = invoke("list", "--search", "600 killed", "--format", "tsv")
    assert listed.exit_code == 0 and "600 killed" in listed.output


def test_list_as_a_reviewer_under_blind_review(db):
    """`--viewer`: another reviewer's verdict on a claim assigned to ana blind is hidden from
    her until she gives hers (the claim is unreviewed to her); other claims show as they are."""
    text = "A 600 killed. B 45 killed. C 7 killed."
    first, second, third = figure_claims("d1", text)
    with open_store(db) as store:
        store.ingest([make_document("d1", text)], [first, second, third])
        store.assign([first.id], ["ana", "ben"], blind=True)
        store.annotate(new_annotation(first, Verdict.DISPUTED, "ben"))
        store.annotate(new_annotation(second, Verdict.ACCEPTED, "ben"))

    def verdicts(*args: str) -> dict[str, str]:
        lines = invoke("list", "--db", db, *args, "--format", "tsv").output.splitlines()
        assert lines[0].split("\t")[-2:] == ["id", "verdict"]
        return {line.split("\t")[-2]: line.split("\t")[-1] for line in lines[1:]}

    assert verdicts("--viewer", "ana") == {first.id: "unreviewed", second.id: "accepted (ben)",
                                           third.id: "unreviewed"}
    assert verdicts("--viewer", "ben")[first.id] == "disputed (ben)"
    assert verdicts("--viewer", "ana", "--verdict", "disputed") == {}
    assert set(verdicts("--viewer", "ana", "--unreviewed")) == {first.id, third.id}
    assert set(verdicts("--viewer", "ben", "--unreviewed")) == {third.id}
    # Without a viewer: everything, and no verdict column (the TSV contract is unchanged).
    plain = invoke("list", "--db", db, "--verdict", "disputed", "--format", "tsv").output.splitlines()
    assert plain[0].split("\t")[-1] == "id" and [line.split("\t")[-1] for line in plain[1:]] == [first.id]
    data = json.loads(invoke("list", "--db", db, "--viewer", "ana", "--format", "json").output)
    assert {c["id"]: c["verdict"] for c in data["claims"]} == {
        first.id: None, second.id: {"verdict": "accepted", "reviewer": "ben"}, third.id: None}
    table = invoke("list", "--db", db, "--viewer", "ana").output.splitlines()
    assert table[0].split()[-2:] == ["ID", "VERDICT"] and table[1].endswith(f"{first.id}  unreviewed")
    # Once ana has given hers, she sees the claim's current verdict (ben's, or hers if later).
    with open_store(db) as store:
        store.annotate(new_annotation(first, Verdict.ACCEPTED, "ana"))
    assert verdicts("--viewer", "ana")[first.id] == "accepted (ana)"
    assert set(verdicts("--viewer", "ana", "--verdict", "disputed")) == set()
    assert set(verdicts("--viewer", "ana", "--unreviewed")) == {third.id}


def test_a_blind_reviewer_does_not_see_anothers_confidence_override(db):
    """Blind review holds for confidence overrides too: ben's score on a claim hidden from ana
    is not applied in what ana lists, and is once she has given her verdict."""
    text = "A 600 killed. B 45 killed."
    first, second = figure_claims("d1", text)
    with open_store(db) as store:
        store.ingest([make_document("d1", text)], [first, second])
        store.assign([first.id], ["ana", "ben"], blind=True)
        store.annotate(new_annotation(first, Verdict.CONFIDENCE, "ben", confidence_override=0.15,
                                      override_reason="one source"))

    def grades(viewer: str) -> dict[str, str]:
        lines = invoke("list", "--db", db, "--viewer", viewer, "--format", "tsv").output.splitlines()
        return {line.split("\t")[-2]: line.split("\t")[-3] for line in lines[1:]}

    assert grades("ben")[first.id] == "0.15*"
    assert not grades("ana")[first.id].endswith("*")
    with open_store(db) as store:
        store.annotate(new_annotation(first, Verdict.ACCEPTED, "ana"))
    assert grades("ana")[first.id] == "0.15*"
