"""Run the audit rules over documents and their claims and return sorted findings.

Inline suppression, in the draft itself (an HTML comment, invisible in rendered Markdown and
wikitext, harmless in plain text)::

    The deadliest battle of the war. <!-- claims: ignore CT005 -->
    <!-- claims: ignore-next-line CT001, unnamed-source -->
    <!-- claims: ignore-file CT009 -->

`ignore` applies to findings on the comment's line, `ignore-next-line` to the line after it,
`ignore-file` to the whole file. Rules are named by code or slug; with no rule named, every rule
is suppressed. A finding that spans several lines is suppressed by a comment on any of them.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Sequence

from attrs import evolve, frozen

from claims.audit.checks import CHECKS, AuditContext, Hit, KnownConflict, ReviewedClaim
from claims.audit.config import AuditConfig
from claims.audit.findings import Finding, fingerprint_base
from claims.audit.rules import RULES_BY_CODE, find_rule
from claims.audit.scan import DocumentText
from claims.model import Claim, Document

SUPPRESSION = re.compile(
    r"<!--\s*claims:\s*(?P<scope>ignore-next-line|ignore-file|ignore)\b(?P<rules>[^>]*?)\s*-->", re.I
)

# When a more specific rule fires on a claim (or, for CT003, a sentence), CT001 on the same
# claim or sentence says nothing new and is dropped.
SUPERSEDES_BY_CLAIM = {"CT002": {"CT001"}, "CT007": {"CT001"}, "CT008": {"CT001"}, "CT010": {"CT001"}}
SUPERSEDES_BY_UNIT = {"CT003": {"CT001"}, "CT002": {"CT001"}}


@frozen
class AuditResult:
    findings: tuple[Finding, ...]
    suppressed: int = 0
    notes: tuple[str, ...] = ()
    """Diagnostics for stderr (a suppression naming an unknown rule, ...)."""


@frozen
class Suppressions:
    lines: dict[int, frozenset[str] | None]
    """Line -> suppressed codes (None: every rule)."""
    file: frozenset[str] | None | bool = False
    """Codes suppressed in the whole file; None: every rule; False: nothing."""

    def covers(self, finding: Finding) -> bool:
        if self.file is None or (self.file and finding.code in self.file):
            return True
        for line in range(finding.line, finding.end_line + 1):
            if line in self.lines:
                codes = self.lines[line]
                if codes is None or finding.code in codes:
                    return True
        return False


def parse_suppressions(text: DocumentText, notes: list[str]) -> Suppressions:
    lines: dict[int, frozenset[str] | None] = {}
    whole: frozenset[str] | None | bool = False
    for match in SUPPRESSION.finditer(text.text):
        line, _ = text.position(match.start())
        names = [n for n in re.split(r"[\s,]+", match.group("rules").strip()) if n]
        codes: set[str] = set()
        for name in names:
            rule = find_rule(name)
            if rule is None:
                notes.append(f"{text.document.path}:{line}: suppression names unknown rule {name!r}; ignored")
            else:
                codes.add(rule.code)
        value: frozenset[str] | None = frozenset(codes) if names else None
        scope = match.group("scope").lower()
        if scope == "ignore-file":
            whole = _merge(whole if whole is not False else frozenset(), value)
            continue
        target = line + 1 if scope == "ignore-next-line" else line
        lines[target] = _merge(lines.get(target, frozenset()), value)
    return Suppressions(lines=lines, file=whole)


def _merge(old: frozenset[str] | None | bool, new: frozenset[str] | None) -> frozenset[str] | None:
    if old is None or new is None:
        return None
    return frozenset(old) | new  # type: ignore[arg-type]


def run_audit(
    documents: Sequence[Document],
    claims: Sequence[Claim] = (),
    *,
    config: AuditConfig = AuditConfig(),
    conflicts: Sequence[KnownConflict] = (),
    reviewed: Sequence[ReviewedClaim] = (),
    sources: Sequence[Document] = (),
    source_claims: Sequence[Claim] = (),
) -> AuditResult:
    """Every finding in ``documents``, with config severities, suppressions and fingerprints."""
    ctx = AuditContext(
        documents, claims, conflicts, reviewed, sources, source_claims, evaluative_words=config.evaluative_words
    )
    hits: list[Hit] = []
    for check in CHECKS:
        hits.extend(check(ctx))
    hits = _drop_superseded(ctx, hits)
    notes: list[str] = []
    suppressions = {doc_id: parse_suppressions(text, notes) for doc_id, text in ctx.texts.items()}
    findings: list[Finding] = []
    suppressed = 0
    for hit in hits:
        level = config.level(hit.code)
        if level is None:
            continue
        finding = _finding(ctx.texts[hit.document], hit, level)
        if suppressions[hit.document].covers(finding):
            suppressed += 1
            continue
        findings.append(finding)
    findings = _number_fingerprints(sorted(findings, key=Finding.sort_key))
    return AuditResult(findings=tuple(findings), suppressed=suppressed, notes=tuple(notes))


def _drop_superseded(ctx: AuditContext, hits: list[Hit]) -> list[Hit]:
    by_claim: dict[str, set[str]] = defaultdict(set)
    by_unit: dict[tuple[str, int], set[str]] = defaultdict(set)
    for hit in hits:
        if hit.claim_id:
            by_claim[hit.claim_id] |= SUPERSEDES_BY_CLAIM.get(hit.code, set())
        unit = ctx.texts[hit.document].unit_at(hit.start)
        if unit is not None:
            by_unit[(hit.document, unit.start)] |= SUPERSEDES_BY_UNIT.get(hit.code, set())
    kept = []
    for hit in hits:
        if hit.claim_id and hit.code in by_claim.get(hit.claim_id, ()):
            continue
        unit = ctx.texts[hit.document].unit_at(hit.start)
        if unit is not None and hit.code in by_unit.get((hit.document, unit.start), ()):
            continue
        kept.append(hit)
    return kept


def _finding(text: DocumentText, hit: Hit, level) -> Finding:
    rule = RULES_BY_CODE[hit.code]
    line, column = text.position(hit.start)
    end_line, end_column = text.position(hit.end)
    unit = text.unit_at(hit.start)
    lo, hi = (unit.start, unit.end) if unit is not None else (hit.start, hit.end)
    base = fingerprint_base(hit.code, text.text[hit.start : hit.end], text.text[lo : hit.start], text.text[hit.end : hi])
    return Finding(
        code=hit.code,
        slug=rule.slug,
        severity=level,
        message=hit.message,
        path=text.document.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        quote=text.text[hit.start : hit.end],
        fix=rule.fix,
        claim_id=hit.claim_id,
        fingerprint=base,
        document=text.document.id,
        start=hit.start,
        end=hit.end,
    )


def _number_fingerprints(findings: list[Finding]) -> list[Finding]:
    """Make equal fingerprints in one file distinct by occurrence order (`...:2`)."""
    seen: dict[tuple[str, str], int] = defaultdict(int)
    numbered = []
    for finding in findings:
        key = (os.path.normpath(finding.path), finding.fingerprint)
        seen[key] += 1
        numbered.append(evolve(finding, fingerprint=f"{finding.fingerprint}:{seen[key]}"))
    return numbered


__all__ = ["AuditResult", "KnownConflict", "ReviewedClaim", "parse_suppressions", "run_audit"]
