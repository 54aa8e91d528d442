"""ClaimQuery to SQL, and the fixed queries over annotations that several store methods share."""

from __future__ import annotations

from typing import Any

from claims.model import CLAIM_VERDICTS, Outcome
from claims.store.base import ClaimQuery
from claims.store.dialect import SQLITE, Dialect

CONFLICT_OUTCOMES = (Outcome.CONFLICT.value, Outcome.INDETERMINATE.value)
"""Conflict outcomes that ``ClaimQuery.only_conflicts`` selects (consistent/identity links do not)."""

ANNOTATIONS_OF_TARGET = """
    SELECT a.seq, a.id, a.target_kind, a.verdict, a.retracts, a.data FROM annotations a
    WHERE a.target_id = :t
      AND NOT EXISTS (SELECT 1 FROM annotation_targets m WHERE m.annotation_id = a.id)
    UNION ALL
    SELECT a.seq, a.id, a.target_kind, a.verdict, a.retracts, a.data
    FROM annotation_targets m JOIN annotations a ON a.id = m.annotation_id
    WHERE m.target_id = :t
      AND m.seq = (SELECT max(seq) FROM annotation_targets WHERE annotation_id = m.annotation_id)
    ORDER BY 1
"""
"""Annotations whose effective target is ``:t`` (never moved and aimed at it, or last moved to
it), in the store's sequence: seq, id, target_kind, verdict, retracts, data."""

REVIEWED_CLAIM = "c.id IN (SELECT target_id FROM current_verdicts WHERE target_kind = 'claim')"


def like(text: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) matching ``text`` anywhere."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def where(query: ClaimQuery, dialect: Dialect = SQLITE) -> tuple[str, list[Any]]:
    """The WHERE clause over claims ``c`` (with a leading space, or empty) and its parameters."""
    like_ = dialect.like
    clauses: list[str] = []
    params: list[Any] = []
    if query.document is not None:
        clauses.append("c.document_id = ?")
        params.append(query.document)
    if query.kind is not None:
        clauses.append("c.kind = ?")
        params.append(query.kind.value)
    if query.side is not None:
        side = query.side.strip()
        if side.isdigit():
            clauses.append("c.side_column = ?")
            params.append(int(side))
        else:
            clauses.append(f"c.side_name {like_} ? ESCAPE '\\'")
            params.append(like(side))
    hidden = HIDDEN_FROM.format(target="c.id", viewer="?")
    if query.verdict is not None:
        clauses.append(
            "c.id IN (SELECT target_id FROM current_verdicts WHERE target_kind = 'claim' AND verdict = ?)"
            + (f" AND NOT {hidden}" if query.viewer is not None else "")
        )
        params.append(query.verdict.value)
        if query.viewer is not None:
            params.extend([query.viewer] * HIDDEN_FROM.count("{viewer}"))
    if query.only_unreviewed:
        clauses.append(
            "(NOT EXISTS (SELECT 1 FROM current_verdicts v "
            "WHERE v.target_kind = 'claim' AND v.target_id = c.id)"
            + (f" OR {hidden})" if query.viewer is not None else ")")
        )
        if query.viewer is not None:
            params.extend([query.viewer] * HIDDEN_FROM.count("{viewer}"))
    if query.only_conflicts:
        clauses.append(
            "EXISTS (SELECT 1 FROM conflict_claims cc JOIN conflicts k ON k.id = cc.conflict_id "
            f"WHERE cc.claim_id = c.id AND k.outcome IN ({', '.join('?' * len(CONFLICT_OUTCOMES))}))"
        )
        params.extend(CONFLICT_OUTCOMES)
    if query.only_unattributed:
        # A figure cited with `<ref>` or `[12]` has a source, as the audit counts it.
        clauses.append(f"c.claimant IS NULL AND {dialect.json_member('c.data', 'attribution.reference')} IS NULL")
    if query.only_infobox:
        clauses.append(f"{dialect.json_member('c.data', 'field')} IS NOT NULL")
    if query.queue_of is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM assignments s WHERE s.claim_id = c.id AND s.reviewer = ?) "
            f"AND NOT {OWN_VERDICT.format(target='c.id', viewer='?')}"
        )
        params.extend([query.queue_of] * (1 + OWN_VERDICT.count("{viewer}")))
    if query.verdict_not_by is not None:
        # Whose verdict is current is the annotation the verdict cache points at.
        clauses.append(
            "c.id IN (SELECT v.target_id FROM current_verdicts v JOIN annotations a ON a.id = v.annotation_id "
            f"WHERE v.target_kind = 'claim' AND a.reviewer <> ?) AND NOT {HIDDEN_FROM.format(target='c.id', viewer='?')}"
        )
        params.extend([query.verdict_not_by] * (1 + HIDDEN_FROM.count("{viewer}")))
    if query.search:
        clauses.append(
            f"(c.quote {like_} ? ESCAPE '\\' OR c.subject {like_} ? ESCAPE '\\' OR c.claimant {like_} ? ESCAPE '\\')"
        )
        params.extend([like(query.search)] * 3)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


CLAIM_WITH_OVERRIDE = (
    "SELECT c.data, o.data FROM claims c "
    "LEFT JOIN current_overrides v ON v.target_id = c.id LEFT JOIN annotations o ON o.id = v.annotation_id"
)
"""A claim's data and that of the confidence override in force on it (NULL when none)."""


def claims_page(
    query: ClaimQuery, offset: int, limit: int | None, dialect: Dialect = SQLITE
) -> tuple[str, list[Any]]:
    """SELECT of the matching claims' data (and their overrides' data), by document then position, one page.

    With ``query.viewer``, blind review holds for overrides too: on a claim hidden from the
    viewer, another reviewer's confidence override is not applied (its score would give away
    their judgement)."""
    clause, params = where(query, dialect)
    select, head = claim_select(query.viewer)
    sql = f'{select}{clause} ORDER BY c.document_id, c.start, c."end", c.id LIMIT ? OFFSET ?'
    return sql, [*head, *params, dialect.no_limit if limit is None else max(limit, 0), max(offset, 0)]


def claim_select(viewer: str | None) -> tuple[str, list[Any]]:
    """``CLAIM_WITH_OVERRIDE`` as ``viewer`` may see it, with its parameters: on a claim blind
    review hides from them, another reviewer's override is left out (None: every override)."""
    if viewer is None:
        return CLAIM_WITH_OVERRIDE, []
    hidden = HIDDEN_FROM.format(target="c.id", viewer="?")
    select = CLAIM_WITH_OVERRIDE.replace(
        "SELECT c.data, o.data", f"SELECT c.data, CASE WHEN o.reviewer = ? OR NOT {hidden} THEN o.data END", 1)
    return select, [viewer] * (1 + HIDDEN_FROM.count("{viewer}"))


_CLAIM_VERDICT = f"o.target_kind = 'claim' AND o.verdict IN ({', '.join(repr(v.value) for v in CLAIM_VERDICTS)})"

# Two indexed lookups rather than one over effective_annotations, whose computed target no
# index serves: row-level security asks this of every row a reviewer reads.
OWN_VERDICT = (
    "(EXISTS (SELECT 1 FROM annotations o WHERE o.target_id = {target} AND o.reviewer = {viewer} "
    f"AND {_CLAIM_VERDICT} AND NOT EXISTS (SELECT 1 FROM annotation_targets m WHERE m.annotation_id = o.id)) "
    "OR EXISTS (SELECT 1 FROM annotation_targets m JOIN annotations o ON o.id = m.annotation_id "
    "WHERE m.target_id = {target} AND o.reviewer = {viewer} "
    f"AND {_CLAIM_VERDICT} AND m.seq = (SELECT max(x.seq) FROM annotation_targets x WHERE x.annotation_id = o.id)))"
)
"""Whether ``{viewer}`` has given a claim verdict on the claim ``{target}`` (an annotation of
theirs attached to it now: never moved and made on it, or last moved to it)."""

HIDDEN_FROM = (
    "(EXISTS (SELECT 1 FROM assignments s WHERE s.claim_id = {target} AND s.reviewer = {viewer} AND s.blind = 1) "
    f"AND NOT {OWN_VERDICT})"
)
"""Blind review: whether the claim ``{target}`` is hidden from ``{viewer}`` (a named parameter,
or a name in a PostgreSQL function: the same rule for the store's queries and for row-level
security): it is assigned to them blind and they have not given a verdict on it
yet. Until then they see no one else's annotations or verdict on it."""
