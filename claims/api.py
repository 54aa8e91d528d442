"""The public API of the claims core: what the CLI, the TUI and the reports use.

Everything a front end needs is named here, so the modules behind it can move without
breaking the front ends, and the import contract (``[tool.importlinter]`` in pyproject.toml)
holds the TUI and the reports to this module and :mod:`claims.model`. The pipeline, in order:

- **read**: :func:`read_path`, :func:`read_text`, :func:`read_paths`, :func:`load_paths`;
- **extract**: :func:`extract_document`, :func:`extract_all`;
- **reconcile**: :func:`reconcile`, :func:`assess` (confidence), :func:`derive` (both);
  :func:`build_context` for the events, documents and sides the rules saw; the rules'
  descriptions in :data:`CONFLICT_RULES` / :func:`conflict_rule`; figures as intervals;
- **store**: :func:`open_store` (a path or URL) and the :class:`Store` protocol;
  :func:`ingest_documents` into an open store;
- **review**: the policy of :mod:`claims.review` (current verdicts, retractions, overrides);
- **audit**: :func:`run_audit`, its rules, configuration and baselines;
- **output**: descriptions for people, :func:`to_data` for machines, the JSON :data:`SCHEMA`.

``import claims`` stays cheap: the package re-exports these names lazily, on first use.
"""

from __future__ import annotations

from claims.audit import (
    RULES as AUDIT_RULES,
)
from claims.audit import (
    AuditConfig,
    AuditResult,
    Finding,
    KnownConflict,
    Level,
    ReviewedClaim,
    explain_markdown,
    run_audit,
)
from claims.audit import ConfigError as AuditConfigError
from claims.audit import Rule as AuditRule
from claims.audit import load_config as load_audit_config
from claims.audit.baseline import BaselineError, apply_baseline, load_baseline, write_baseline
from claims.confidence import assess
from claims.convert import from_config, from_data, to_data
from claims.describe import describe_claimant, describe_side, describe_value
from claims.textmap import json_printable, printable
from claims.errors import ExitCode, InputError
from claims.extract import extract_document
from claims.jsonout import SCHEMA, claim_records, document_record, in_page_source, json_text, paths_of
from claims.model import (
    CLAIM_VERDICTS,
    CONFLICT_VERDICTS,
    Anchor,
    Annotation,
    Attribution,
    Category,
    Claim,
    ClaimantClass,
    Confidence,
    Conflict,
    Dispute,
    Document,
    DocumentFormat,
    Hedge,
    HedgeKind,
    Estimate,
    Kind,
    Outcome,
    Pair,
    Person,
    Population,
    Qualifier,
    Quantity,
    Relation,
    Severity,
    Side,
    Span,
    TargetKind,
    TextValue,
    UncertainDate,
    Unit,
    Value,
    Verdict,
)
from claims.pipeline import Loaded, extract_all, load_paths, read_paths
from claims.readers import detect_format, read_path, read_text
from claims.reconcile import ALL_DOCUMENTS, build_context, disagreements, reconcile, sort_conflicts
from claims.reconcile.rules.quantities import estimate_labels, quantity_label, relation_lines
from claims.reconcile.index import Context
from claims.reconcile.intervals import INF, Interval, claim_strict, claim_tolerant, nominal, strict, tolerant
from claims.reconcile.rules import RULES as CONFLICT_RULES
from claims.reconcile.rules import ChartKind
from claims.reconcile.rules import Rule as ConflictRule
from claims.review import (
    ADJUDICATING_ROLES,
    DISPUTING_VERDICTS,
    SETTLED_CONFLICT_VERDICTS,
    InForce,
    Reattached,
    apply_override,
    attached,
    check_annotation,
    current_override,
    current_overrides,
    current_verdict,
    current_verdicts,
    in_force,
    last_undoable,
    live,
    new_annotation,
    notes,
    retraction_of,
    withdrawn,
)
from claims.review.agreement import AgreementReport, Disagreement, cohens_kappa, krippendorffs_alpha
from claims.service import (
    SyncSummary,
    agreement_of,
    derive,
    ingest_documents,
    pull,
    push,
    reviewed_for_audit,
    verdict_disagreements_of,
)
from claims.store import (
    ClaimQuery,
    ConflictOutline,
    DocumentInfo,
    IngestSummary,
    ReanchorReport,
    Reanchoring,
    Store,
    StoreContents,
    StoreError,
    announcements,
    open_store,
    store_label,
)


def conflict_rule(rule_id: str) -> ConflictRule | None:
    """The reconciler rule with this id (its title, severity, documentation, chart), if any."""
    return CONFLICT_RULES.get(rule_id)


__all__ = [
    "ALL_DOCUMENTS",
    "AgreementReport",
    "agreement_of",
    "ADJUDICATING_ROLES",
    "Disagreement",
    "SyncSummary",
    "pull",
    "push",
    "verdict_disagreements_of",
    "StoreContents",
    "cohens_kappa",
    "krippendorffs_alpha",
    "AUDIT_RULES",
    "Anchor",
    "Annotation",
    "Attribution",
    "AuditConfig",
    "AuditConfigError",
    "AuditResult",
    "AuditRule",
    "BaselineError",
    "CLAIM_VERDICTS",
    "CONFLICT_RULES",
    "CONFLICT_VERDICTS",
    "Category",
    "ChartKind",
    "Claim",
    "ClaimQuery",
    "ConflictOutline",
    "ClaimantClass",
    "Confidence",
    "Conflict",
    "ConflictRule",
    "Context",
    "DISPUTING_VERDICTS",
    "Dispute",
    "Document",
    "DocumentFormat",
    "DocumentInfo",
    "Estimate",
    "ExitCode",
    "Finding",
    "Hedge",
    "HedgeKind",
    "INF",
    "InForce",
    "IngestSummary",
    "InputError",
    "Interval",
    "Kind",
    "KnownConflict",
    "Level",
    "Loaded",
    "Outcome",
    "Pair",
    "Person",
    "Population",
    "Qualifier",
    "Quantity",
    "ReanchorReport",
    "Reanchoring",
    "Reattached",
    "Relation",
    "ReviewedClaim",
    "SCHEMA",
    "SETTLED_CONFLICT_VERDICTS",
    "Severity",
    "Side",
    "Span",
    "Store",
    "StoreError",
    "TargetKind",
    "TextValue",
    "UncertainDate",
    "Unit",
    "Value",
    "Verdict",
    "apply_baseline",
    "apply_override",
    "assess",
    "attached",
    "build_context",
    "check_annotation",
    "claim_records",
    "in_page_source",
    "claim_strict",
    "claim_tolerant",
    "conflict_rule",
    "current_override",
    "current_overrides",
    "current_verdict",
    "current_verdicts",
    "derive",
    "describe_claimant",
    "describe_side",
    "describe_value",
    "detect_format",
    "disagreements",
    "document_record",
    "estimate_labels",
    "explain_markdown",
    "extract_all",
    "extract_document",
    "from_config",
    "from_data",
    "in_force",
    "ingest_documents",
    "json_printable",
    "json_text",
    "last_undoable",
    "live",
    "load_audit_config",
    "load_baseline",
    "load_paths",
    "new_annotation",
    "nominal",
    "notes",
    "open_store",
    "store_label",
    "announcements",
    "paths_of",
    "printable",
    "quantity_label",
    "read_path",
    "read_paths",
    "read_text",
    "reconcile",
    "relation_lines",
    "retraction_of",
    "reviewed_for_audit",
    "run_audit",
    "sort_conflicts",
    "strict",
    "to_data",
    "tolerant",
    "withdrawn",
    "write_baseline",
]
