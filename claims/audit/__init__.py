"""`claims audit`: a linter for drafts that checks every contested statement is attributed.

The library is ``run_audit(documents, claims, ...)`` -> ``AuditResult`` of ``Finding``s; rules
are catalogued in ``claims.audit.rules``, configuration in ``claims.audit.config``, baselines in
``claims.audit.baseline``; the renderers are ``claims.reports.audit_*``.
"""

from claims.audit.checks import KnownConflict, ReviewedClaim
from claims.audit.config import AuditConfig, ConfigError, load_config
from claims.audit.engine import AuditResult, run_audit
from claims.audit.findings import Finding
from claims.audit.rules import RULES, Level, Rule, explain_markdown, find_rule, select_rules

__all__ = [
    "RULES",
    "AuditConfig",
    "AuditResult",
    "ConfigError",
    "Finding",
    "KnownConflict",
    "Level",
    "ReviewedClaim",
    "Rule",
    "explain_markdown",
    "find_rule",
    "load_config",
    "run_audit",
    "select_rules",
]
