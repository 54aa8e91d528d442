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
    assert all(len(line.split("\t")) == 8 for line in tsv)


def test_list_filters(store_path):
    casualties = invoke("list", "--db", store_path, "--kind", "casualties", "--format", "tsv").output.splitlines()
    assert casualties and all("\tcasualties\t" in line for line in casualties)
    disputed = invoke("list", "--db", store_path, "--verdict", "disputed", "--format", "tsv").output.splitlines()
    assert len(disputed) == 1 and "600 killed" in disputed[0]
    unreviewed = invoke("list", "--db", store_path, "--unreviewed", "--format", "tsv").output.splitlines()
    assert not any("600 killed" in line for line in unreviewed)
    in_conflict = invoke("list", "--db", store_path, "--in-conflict", "--format", "tsv").output
    assert "600 killed" in in_conflict and "six thousand" in in_conflict
    kinds = invoke("list", "--db", store_path, "--kind", "nonsense")
    assert kinds.exit_code == 2 and "unknown kind" in kinds.output


def test_show_gives_the_whole_claim(store_path):
    claim_id = invoke("list", "--db", store_path, "--search", "600 killed", "--format", "tsv").output.split("\t")[7].strip()
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


def test_the_store_can_come_from_claims_db(store_path, monkeypatch):
    monkeypatch.setenv("CLAIMS_DB", store_path)
    listed = invoke("list", "--search", "600 killed", "--format", "tsv")
    assert listed.exit_code == 0 and "600 killed" in listed.output
