"""Audit config files, inline suppressions and baselines."""

from __future__ import annotations

import json

import pytest

from claims.audit import AuditConfig, ConfigError, Level, load_config, run_audit
from claims.audit.baseline import BaselineError, apply_baseline, load_baseline, write_baseline
from claims.audit.config import find_config
from audit_helpers import codes, doc


class TestConfig:
    def test_pyproject_table(self, tmp_path, monkeypatch):
        (tmp_path / "pyproject.toml").write_text(
            '[tool.claims.audit]\nfail-on = "warning"\nbaseline = "base.json"\n'
            '[tool.claims.audit.rules]\nCT005 = "off"\nunnamed-source = "error"\n'
        )
        sub = tmp_path / "drafts"
        sub.mkdir()
        monkeypatch.chdir(sub)
        config = load_config()
        assert config.fail_on is Level.WARNING
        assert config.level("CT005") is None and config.level("CT003") is Level.ERROR
        assert config.level("CT001") is Level.ERROR
        assert config.baseline == str(tmp_path / "base.json")

    def test_claims_toml_wins_and_pyproject_without_table_is_skipped(self, tmp_path):
        (tmp_path / "claims.toml").write_text('[audit]\nfail-on = "suggestion"\n')
        inner = tmp_path / "pkg"
        inner.mkdir()
        (inner / "pyproject.toml").write_text('[project]\nname = "x"\n')
        assert find_config(inner) == tmp_path / "claims.toml"

    @pytest.mark.parametrize("body, message", [
        ('[audit]\nfail-on = "fatal"\n', "audit.fail-on is 'fatal'"),
        ('[audit]\ncolour = true\n', "unknown key audit.colour"),
        ('[audit.rules]\nCT999 = "off"\n', "unknown rule 'CT999'"),
        ('[audit.rules]\nCT001 = "loud"\n', "audit.rules.CT001 is 'loud'"),
        ('[audit\n', "not valid TOML"),
    ])
    def test_bad_config_is_a_clear_error(self, tmp_path, body, message):
        path = tmp_path / "claims.toml"
        path.write_text(body)
        with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace(".", r"\.")):
            load_config(path)

    def test_off_rule_produces_nothing(self):
        d = doc("Some sources say the town fell.\n")
        assert codes(d, config=AuditConfig(severities={"CT003": None})) == []
        (finding,) = run_audit([d], config=AuditConfig(severities={"CT003": Level.ERROR})).findings
        assert finding.severity is Level.ERROR


class TestSuppression:
    def test_same_line_by_code_or_slug(self):
        assert codes(doc("Some sources say it fell. <!-- claims: ignore CT003 -->\n")) == []
        assert codes(doc("Some sources say it fell. <!-- claims: ignore unnamed-source -->\n")) == []
        assert codes(doc("Some sources say it fell. <!-- claims: ignore -->\n")) == []

    def test_other_rule_or_other_line_is_not_suppressed(self):
        assert codes(doc("Some sources say it fell. <!-- claims: ignore CT001 -->\n")) == ["CT003"]
        assert codes(doc("<!-- claims: ignore CT003 -->\n\nSome sources say it fell.\n")) == ["CT003"]

    def test_next_line_and_file(self):
        assert codes(doc("<!-- claims: ignore-next-line CT003 -->\nSome sources say it fell.\n")) == []
        assert codes(doc("<!-- claims: ignore-file CT003 -->\n\nA.\n\nSome sources say it fell.\n")) == []

    def test_unknown_rule_is_reported(self):
        result = run_audit([doc("Some sources say it fell. <!-- claims: ignore CT999 -->\n")])
        assert [f.code for f in result.findings] == ["CT003"]
        assert "unknown rule 'CT999'" in result.notes[0]

    def test_the_comment_does_not_count_as_attribution(self):
        text = "It was the bloodiest battle of the war. <!-- claims: ignore CT003 -->\n"
        assert codes(doc(text)) == ["CT005"]


DRAFT = "Intro.\n\nSome sources say it fell.\n\nIt was the bloodiest battle of the war.\n"


class TestBaseline:
    def test_round_trip_hides_accepted_and_survives_line_moves(self, tmp_path):
        base = str(tmp_path / "baseline.json")
        draft = str(tmp_path / "draft.md")
        first = run_audit([doc(DRAFT, draft)]).findings
        assert write_baseline(first, base) == 2
        moved = run_audit([doc("A new first paragraph.\n\n" + DRAFT, draft)]).findings
        assert [f.line for f in moved] != [f.line for f in first]
        result = apply_baseline(moved, load_baseline(base), base)
        assert result.new == () and len(result.accepted) == 2 and result.stale == ()

    def test_new_finding_and_stale_entry(self, tmp_path):
        base = str(tmp_path / "baseline.json")
        draft = str(tmp_path / "draft.md")
        write_baseline(run_audit([doc(DRAFT, draft)]).findings, base)
        edited = DRAFT.replace("Some sources say it fell.", "It is believed it fell.")
        result = apply_baseline(run_audit([doc(edited, draft)]).findings, load_baseline(base), base)
        assert [f.quote for f in result.new] == ["It is believed"]
        assert [e.quote for e in result.stale] == ["Some sources"]

    def test_baseline_file_is_stable_json(self, tmp_path):
        base = tmp_path / "baseline.json"
        write_baseline(run_audit([doc(DRAFT, str(tmp_path / "draft.md"))]).findings, str(base))
        data = json.loads(base.read_text())
        assert data["schema"] == "claims-audit-baseline/1"
        assert {e["path"] for e in data["findings"]} == {"draft.md"}
        assert all(":" in e["fingerprint"] for e in data["findings"])

    def test_bad_baseline_is_a_clear_error(self, tmp_path):
        path = tmp_path / "b.json"
        path.write_text("{not json")
        with pytest.raises(BaselineError, match="not valid JSON"):
            load_baseline(str(path))
        path.write_text('{"findings": []}')
        with pytest.raises(BaselineError, match="not a claims audit baseline"):
            load_baseline(str(path))
