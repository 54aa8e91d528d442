"""The annotation tables: appending annotations and re-anchoring moves, and the verdict cache.

Annotations and ``annotation_targets`` (where re-anchoring moved each one) are append-only;
an annotation's effective target is its latest ``annotation_targets`` row, or its own target
when it never moved (the ``effective_annotations`` view). ``current_verdicts`` caches, per
target, what :func:`claims.review.current_verdict` says, so the verdict filters stay indexed
on a million claims. Every function runs inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from claims.model import Anchor, Annotation, Claim, Conflict, Document, TargetKind
from claims.review import anchored, current_verdict, override_in_force, same_statement, withdrawn
from claims.review.matching import Method
from claims.review.reanchor import Attachment, Move, Reattached
from claims.store.base import Reanchoring, StoreError
from claims.store.dialect import SQLConnection, chunks, dialect_of, placeholders
from claims.store.queries import ANNOTATIONS_OF_TARGET
from claims.store.rows import ActRow, anchor_json, annotation_row, document_of_row, load_anchor, load_one, loads

Target = tuple[TargetKind, str]


def insert_annotation(conn: SQLConnection, annotation: Annotation) -> None:
    """Append an annotation (a claim's anchor added when it has none) and refresh the verdicts it touches."""
    if conn.execute("SELECT 1 FROM annotations WHERE id = ?", (annotation.id,)).fetchone():
        raise StoreError(f"an annotation with id {annotation.id} is already stored")
    refresh_verdicts(conn, append_annotation(conn, annotation))


def append_annotation(conn: SQLConnection, annotation: Annotation) -> set[Target]:
    """Append an annotation whose id is not stored, without refreshing the verdict caches;
    returns the targets whose verdicts it changes (a merge refreshes them all once)."""
    if annotation.retracts is not None and not conn.execute(
        "SELECT 1 FROM annotations WHERE id = ?", (annotation.retracts,)
    ).fetchone():
        raise StoreError(f"annotation {annotation.id} retracts {annotation.retracts}, which is not stored")
    if annotation.target_kind is TargetKind.CLAIM and annotation.anchor is None:
        claim = load_one(conn.execute("SELECT data FROM claims WHERE id = ?", (annotation.target_id,)).fetchall(), Claim)
        annotation = anchored(annotation, claim)
    conn.execute(
        "INSERT INTO annotations (id, target_kind, target_id, document_id, verdict, reviewer, "
        "created_at, retracts, data, adjudication) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        annotation_row(annotation),
    )
    # A retraction changes the verdict of what it retracts, and of what that one retracted.
    touched = {(annotation.target_kind, annotation.target_id)}
    retracted = annotation.retracts
    while retracted is not None:
        row = conn.execute(
            "SELECT target_kind, target_id, retracts FROM effective_annotations WHERE id = ?",
            (retracted,),
        ).fetchone()
        if row is None:
            break
        if row[1] is not None:
            touched.add((TargetKind(row[0]), row[1]))
        retracted = row[2]
    return touched


def stored_ids(conn: SQLConnection, annotation_ids: Collection[str]) -> set[str]:
    """Those of these annotation ids the store holds (whether this session may read them or not)."""
    found: set[str] = set()
    sql = dialect_of(conn).stored_annotations_sql
    for chunk in chunks(sorted(annotation_ids)):
        found.update(row[0] for row in conn.execute(sql.format(marks=placeholders(len(chunk))), tuple(chunk)))
    return found


def copy_moves(conn: SQLConnection, moves: Iterable[Reanchoring]) -> set[Target]:
    """Append re-anchoring moves made in another store (as recorded there, in its order) of
    annotations this one holds; returns the targets whose verdicts they change."""
    touched: set[Target] = set()
    for move in moves:
        previous = conn.execute(
            "SELECT target_kind, target_id FROM effective_annotations WHERE id = ?", (move.annotation_id,)
        ).fetchone()
        if previous is None:
            continue
        conn.execute(
            "INSERT INTO annotation_targets (annotation_id, target_id, method, score, anchor, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (move.annotation_id, move.target_id, move.method, move.score, anchor_json(move.anchor), move.created_at),
        )
        kind = TargetKind(previous[0])
        touched.update((kind, t) for t in (previous[1], move.target_id) if t is not None)
    return touched


def reattach_orphans(
    conn: SQLConnection, repairs: Iterable[Reanchoring], may_move: Callable[[str], bool]
) -> set[Target]:
    """Append moves made in another store that attach annotations this one holds orphaned
    (their claim or conflict is not here, or a move orphaned them) to a target it holds;
    returns the targets whose verdicts they change.

    Each is checked here, in the writing transaction, whatever the caller computed: the
    annotation must still be orphaned, the move's target must be stored (a claim: the same
    statement as the move's anchor, :func:`claims.review.same_statement`), and
    ``may_move(reviewer)`` must allow moving that reviewer's annotation (on PostgreSQL a
    reviewer's own role moves only its own). Any other repair is skipped: an annotation
    attached here is never moved by another store.
    """
    touched: set[Target] = set()
    for move in repairs:
        row = conn.execute(
            "SELECT e.target_kind, e.target_id, a.reviewer FROM effective_annotations e "
            "JOIN annotations a ON a.id = e.id WHERE e.id = ?", (move.annotation_id,)
        ).fetchone()
        if row is None or move.target_id is None:
            continue
        kind, now_at, reviewer = TargetKind(row[0]), row[1], row[2]
        table = "claims" if kind is TargetKind.CLAIM else "conflicts"
        if now_at is not None and conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (now_at,)).fetchone():
            continue  # attached here: not an orphan
        if kind is TargetKind.CLAIM:
            found = conn.execute("SELECT data FROM claims WHERE id = ?", (move.target_id,)).fetchall()
            if not same_statement(load_one(found, Claim), move.anchor):
                continue
        elif conn.execute("SELECT 1 FROM conflicts WHERE id = ?", (move.target_id,)).fetchone() is None:
            continue
        if not may_move(reviewer):
            continue
        conn.execute(
            "INSERT INTO annotation_targets (annotation_id, target_id, method, score, anchor, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (move.annotation_id, move.target_id, move.method, move.score, anchor_json(move.anchor), move.created_at),
        )
        touched.add((kind, move.target_id))
    return touched


def moves(conn: SQLConnection, annotation_id: str | None = None) -> list[Reanchoring]:
    """Re-anchoring moves, oldest first: of one annotation, or all of them."""
    sql = "SELECT annotation_id, target_id, method, score, created_at, anchor FROM annotation_targets"
    params: tuple[str, ...] = ()
    if annotation_id is not None:
        sql += " WHERE annotation_id = ?"
        params = (annotation_id,)
    return [Reanchoring(a, t, m, float(s), c, load_anchor(anchor))
            for a, t, m, s, c, anchor in conn.execute(sql + " ORDER BY seq", params)]


def effective(conn: SQLConnection, annotation_id: str) -> tuple[Annotation, str | None, Anchor | None] | None:
    """An annotation with the target and anchor it is attached to now, or None when not stored."""
    row = conn.execute(
        "SELECT data, target_id, anchor FROM effective_annotations WHERE id = ?", (annotation_id,)
    ).fetchone()
    if row is None:
        return None
    return loads(row[0], Annotation), row[1], load_anchor(row[2])


def history_rows(conn: SQLConnection, target_id: str) -> list[tuple]:
    """Rows of :data:`~claims.store.queries.ANNOTATIONS_OF_TARGET` for one target."""
    return conn.execute(ANNOTATIONS_OF_TARGET, {"t": target_id}).fetchall()


def _withdrawn(conn: SQLConnection) -> frozenset[str]:
    return withdrawn([
        ActRow.of(*row)
        for row in conn.execute(
            "SELECT id, target_kind, verdict, retracts FROM annotations WHERE verdict = 'retracted' ORDER BY seq"
        )
    ])


def refresh_overrides(conn: SQLConnection, claim_ids: Iterable[str], gone: frozenset[str] | None = None) -> None:
    """Recompute the cached confidence override in force of each claim (as :mod:`claims.review` says)."""
    claim_ids = set(claim_ids)
    if not claim_ids:
        return
    gone = _withdrawn(conn) if gone is None else gone
    for claim_id in claim_ids:
        history = [ActRow.of(aid, k, v, r) for _, aid, k, v, r, _ in history_rows(conn, claim_id)]
        override = override_in_force([a for a in history if a.target_kind is TargetKind.CLAIM], gone)
        if override is None:
            conn.execute("DELETE FROM current_overrides WHERE target_id = ?", (claim_id,))
        else:
            conn.execute(
                "INSERT INTO current_overrides (target_id, annotation_id) VALUES (?, ?) "
                "ON CONFLICT (target_id) DO UPDATE SET annotation_id = excluded.annotation_id",
                (claim_id, override.id),
            )


def refresh_verdicts(conn: SQLConnection, targets: Iterable[Target]) -> None:
    """Recompute the cached current verdict of each target, and the override in force of each
    claim, from the annotation history."""
    targets = set(targets)
    if not targets:
        return
    gone = _withdrawn(conn)
    refresh_overrides(conn, [t for k, t in targets if k is TargetKind.CLAIM], gone)
    for kind, target_id in targets:
        history = [ActRow.of(aid, k, v, r) for _, aid, k, v, r, _ in history_rows(conn, target_id)]
        current = current_verdict(history, kind, gone)
        if current is None:
            conn.execute(
                "DELETE FROM current_verdicts WHERE target_kind = ? AND target_id = ?",
                (kind.value, target_id),
            )
        else:
            conn.execute(
                "INSERT INTO current_verdicts (target_kind, target_id, verdict, annotation_id) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (target_kind, target_id) DO UPDATE SET verdict = excluded.verdict, "
                "annotation_id = excluded.annotation_id",
                (kind.value, target_id, current.verdict.value, current.id),
            )


def append_moves(conn: SQLConnection, moves: Iterable[Move], now: str) -> set[Target]:
    """Record re-anchoring moves; returns the targets whose verdicts they change."""
    touched: set[Target] = set()
    for move in moves:
        conn.execute(
            "INSERT INTO annotation_targets (annotation_id, target_id, method, score, anchor, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (move.annotation_id, move.target_id, move.method.value, move.score, anchor_json(move.anchor), now),
        )
        touched.update((move.target_kind, t) for t in (move.previous, move.target_id) if t is not None)
    return touched


def has_claim_annotations(conn: SQLConnection, document_id: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM annotations WHERE document_id = ? AND target_kind = 'claim' LIMIT 1",
            (document_id,),
        ).fetchone()
        is not None
    )


def stored_claims(conn: SQLConnection, document_id: str) -> list[Claim]:
    """Every claim the document has now, before it is replaced, in document order."""
    return [
        loads(data, Claim)
        for (data,) in conn.execute(
            'SELECT data FROM claims WHERE document_id = ? ORDER BY start, "end", id', (document_id,)
        )
    ]


def stored_document(conn: SQLConnection, document_id: str) -> Document | None:
    """The stored version of a document, before it is replaced."""
    row = conn.execute("SELECT data, text FROM documents WHERE id = ?", (document_id,)).fetchone()
    return document_of_row(*row) if row else None


def claim_attachments(conn: SQLConnection, document_id: str) -> list[Attachment]:
    """The document's claim annotations as attached now, oldest first."""
    return [
        Attachment(annotation_id, target, method, load_anchor(anchor), verdict)
        for annotation_id, target, method, anchor, verdict in conn.execute(
            "SELECT id, target_id, method, anchor, verdict FROM effective_annotations "
            "WHERE document_id = ? AND target_kind = 'claim' ORDER BY seq",
            (document_id,),
        )
    ]


def annotated_conflicts(conn: SQLConnection) -> list[tuple[Conflict, list[str]]]:
    """Each stored conflict some annotation currently targets, with those annotations' ids."""
    rows = conn.execute(
        "SELECT k.data FROM conflicts k WHERE k.id IN "
        "(SELECT e.target_id FROM effective_annotations e WHERE e.target_kind = 'conflict')"
    ).fetchall()
    out = []
    for (data,) in rows:
        conflict = loads(data, Conflict)
        ids = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM effective_annotations WHERE target_kind = 'conflict' AND target_id = ?",
                (conflict.id,),
            )
        ]
        out.append((conflict, ids))
    return out


def documents_of(conn: SQLConnection, claim_ids: Collection[str]) -> dict[str, str]:
    """claim id -> document id, for the given claims that are stored."""
    if not claim_ids:
        return {}
    found: dict[str, str] = {}
    for chunk in chunks(sorted(claim_ids)):
        found.update(conn.execute(
            f"SELECT id, document_id FROM claims WHERE id IN ({placeholders(len(chunk))})", tuple(chunk)
        ).fetchall())
    return found


def reattached(conn: SQLConnection) -> list[Reattached]:
    """Claim annotations whose latest move is ``quote``, ``fuzzy`` or ``orphaned``, oldest first.

    The quote before the move is the anchor of the move before it (or the annotation's own);
    an orphan's recorded anchor is the last one it had.
    """
    rows = conn.execute(
        "SELECT a.id, a.verdict, a.document_id, t.method, t.score, t.anchor, t.target_id, t.seq, "
        f"{dialect_of(conn).json_member('a.data', 'anchor')} FROM annotations a "
        "JOIN annotation_targets t ON t.seq = (SELECT max(seq) FROM annotation_targets WHERE annotation_id = a.id) "
        "WHERE a.target_kind = 'claim' AND a.verdict != 'retracted' AND t.method IN ('quote', 'fuzzy', 'orphaned') "
        "ORDER BY a.document_id, a.seq"
    ).fetchall()
    out = []
    for annotation_id, verdict, document_id, method, score, anchor, target, seq, own in rows:
        now = load_anchor(anchor)
        if method == Method.ORPHANED.value:
            before, after = now, None
        else:
            previous = conn.execute(
                "SELECT anchor FROM annotation_targets WHERE annotation_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1",
                (annotation_id, seq),
            ).fetchone()
            before, after = load_anchor(previous[0] if previous else (own if isinstance(own, str) else None)), now
        out.append(Reattached(
            annotation_id, verdict, document_id or "", Method(method), float(score),
            before.quote if before is not None else "", after.quote if after is not None else None, target,
        ))
    return out
