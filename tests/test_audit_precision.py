"""The audit's precision and recall on hand-written draft sentences (tests/fixtures/
audit_drafts.toml): every class of rule, attributed and not. Each sentence is audited on its
own as a one-line Markdown draft, with the claims the extractor finds in it, as `claims audit`
does. Precision is what makes a linter trusted: a finding on a sentence that is properly
attributed teaches editors to ignore the tool."""

from __future__ import annotations

import tomllib
from pathlib import Path

from claims.audit import run_audit
from claims.pipeline import extract_all
from claims.readers import read_text

DRAFTS = tomllib.loads((Path(__file__).parent / "fixtures" / "audit_drafts.toml").read_text(encoding="utf-8"))["draft"]


def audited(text: str) -> set[str]:
    document = read_text(text + "\n", "draft.md")
    return {f.code for f in run_audit([document], extract_all([document])).findings}


def test_precision_and_recall_on_the_draft_set(capsys) -> None:
    assert len(DRAFTS) >= 30
    hits = false_alarms = misses = 0
    wrong = []
    for draft in DRAFTS:
        got, want = audited(draft["text"]), set(draft["expect"])
        hits += len(got & want)
        false_alarms += len(got - want)
        misses += len(want - got)
        if got != want:
            wrong.append(f"{sorted(got)} != {sorted(want)}: {draft['text']}")
    precision = hits / (hits + false_alarms) if hits + false_alarms else 1.0
    recall = hits / (hits + misses) if hits + misses else 1.0
    with capsys.disabled():
        print(f"\naudit on {len(DRAFTS)} draft sentences: precision {precision:.2f}, recall {recall:.2f}")
    assert precision >= 0.95 and recall >= 0.90, "\n".join(wrong)
