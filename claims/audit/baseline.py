"""A baseline: findings an editor has accepted, so CI fails only on new ones.

The file is JSON::

    {"schema": "claims-audit-baseline/1",
     "findings": [{"path": "drafts/kalbajar.md", "code": "CT005",
                   "fingerprint": "3f1c...:1", "quote": "the single deadliest ..."}]}

A finding matches an entry when the path (relative to the baseline file's folder) and the
fingerprint (rule, normalised quote, a few words of context, occurrence number; never a line
number) are equal, so edits elsewhere in the file keep it accepted. Entries that match nothing
any more are reported as stale: the finding was fixed, or its sentence changed and it is shown
again as new.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence

from attrs import frozen

from claims.audit.findings import Finding
from claims.convert import from_data, to_data
from claims.files import write_atomically

SCHEMA = "claims-audit-baseline/1"


class BaselineError(Exception):
    """The baseline file cannot be read; ``str()`` names the file and the problem."""


@frozen
class BaselineEntry:
    path: str
    code: str
    fingerprint: str
    quote: str = ""
    message: str = ""


@frozen
class Baseline:
    schema: str
    findings: tuple[BaselineEntry, ...] = ()


@frozen
class BaselineResult:
    new: tuple[Finding, ...]
    """Findings not in the baseline: these are reported and decide the exit code."""
    accepted: tuple[Finding, ...]
    stale: tuple[BaselineEntry, ...]
    """Entries that matched no finding."""


def _relative(path: str, baseline_path: str) -> str:
    base = os.path.dirname(os.path.abspath(baseline_path))
    try:
        rel = os.path.relpath(os.path.abspath(path), base)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def load_baseline(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline; create it with --update-baseline") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: the baseline is not valid JSON (line {exc.lineno}): {exc.msg}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise BaselineError(f"{path}: not a claims audit baseline (expected \"schema\": \"{SCHEMA}\")")
    try:
        return from_data(data, Baseline)
    except ValueError as exc:
        raise BaselineError(f"{path}: malformed baseline: {exc}") from None


def apply_baseline(findings: Sequence[Finding], baseline: Baseline, baseline_path: str) -> BaselineResult:
    remaining = Counter((e.path, e.fingerprint) for e in baseline.findings)
    new: list[Finding] = []
    accepted: list[Finding] = []
    for finding in findings:
        key = (_relative(finding.path, baseline_path), finding.fingerprint)
        if remaining[key] > 0:
            remaining[key] -= 1
            accepted.append(finding)
        else:
            new.append(finding)
    stale: list[BaselineEntry] = []
    for entry in baseline.findings:
        key = (entry.path, entry.fingerprint)
        if remaining[key] > 0:
            remaining[key] -= 1
            stale.append(entry)
    return BaselineResult(new=tuple(new), accepted=tuple(accepted), stale=tuple(stale))


def baseline_of(findings: Sequence[Finding], baseline_path: str) -> Baseline:
    entries = sorted(
        (
            BaselineEntry(
                path=_relative(f.path, baseline_path), code=f.code, fingerprint=f.fingerprint,
                quote=f.quote, message=f.message,
            )
            for f in findings
        ),
        key=lambda e: (e.path, e.code, e.fingerprint),
    )
    return Baseline(schema=SCHEMA, findings=tuple(entries))


def write_baseline(findings: Sequence[Finding], baseline_path: str) -> int:
    """Write every finding as accepted; return how many entries were written."""
    baseline = baseline_of(findings, baseline_path)
    text = json.dumps(to_data(baseline), ensure_ascii=False, indent=2) + "\n"
    try:
        write_atomically(baseline_path, text)
    except OSError as exc:
        raise BaselineError(f"{baseline_path}: cannot write the baseline: {exc.strerror or exc}") from None
    return len(baseline.findings)
