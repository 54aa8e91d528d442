"""The PostgreSQL schema: the same versions as the SQLite one (:mod:`~claims.store.schema`),
in PostgreSQL's words, and the migration runner for a PostgreSQL store.

Version *n* means the same tables, columns and rules in both dialects; a test checks both
lists have the same length. Annotations and ``annotation_targets`` are append-only: a trigger
refuses UPDATE, DELETE and TRUNCATE, as SQLite's triggers refuse UPDATE and DELETE.
A store lives in the connection's current schema (``options=-csearch_path=NAME`` in the URL
picks one), so one database can hold several stores.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from claims.store.base import StoreError
from claims.store.ddl import ADJUDICATORS, ASSIGNMENTS, DDL, EVENTS, REVIEWER_INDEX, REVIEWERS, first_version
from claims.store.queries import HIDDEN_FROM
from claims.store.schema import apply_migration, fill_overrides, newer_store

WRITE_LOCK = 0x436C6D53
"""The advisory lock every write transaction takes (``ClmS``): one writer at a time, as SQLite's
``BEGIN IMMEDIATE``, so the verdict caches are computed over a history no one else is changing."""

NOTIFY_CHANNEL = "claims_annotations"
"""The channel a PostgreSQL store NOTIFYs every new annotation on (a JSON payload: schema, id,
target_kind, target_id, verdict, reviewer); ``LISTEN claims_annotations`` on a connection of
its own to hear them."""

OUR_TABLES = frozenset({"documents", "claims", "conflicts", "conflict_claims", "annotations", "annotation_targets",
                        "reconciled_events"})

APPEND_ONLY_FUNCTION = """CREATE FUNCTION claims_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% are append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$"""


def _append_only(table: str) -> tuple[str, str]:
    return (
        f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION claims_append_only()",
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION claims_append_only()",
    )


Step = str | Callable[[Any], None]

POSTGRES_DDL = DDL(
    serial="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    real="DOUBLE PRECISION",
    without_rowid="",
    conflict_order="seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,\n            ",
    json_anchor="NULLIF((a.data::json -> 'anchor')::text, 'null')",
    append_only=_append_only,
    prelude=(APPEND_ONLY_FUNCTION,),
)


def quote_ident(name: str) -> str:
    """``name`` as a PostgreSQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def row_level_security(conn: Any) -> None:
    """Version 6: the database itself enforces roles and blind review on sessions that are not
    the store's owner (a reviewer connecting as a database role of their own).

    Who a session is: :func:`claims_session_reviewer` in SQL. A role that owns the store's
    tables (or is a member of the owner, or a superuser) is trusted: it says whom it writes for
    with ``claims.reviewer``, and row-level security does not apply to it. Any other role *is*
    the reviewer of its name, whatever ``claims.reviewer`` says. For those sessions:

    - they insert annotations only in their own name, and an adjudication only when
      ``reviewers`` makes them an adjudicator or admin;
    - on a claim assigned to them blind that they have not given a verdict yet, they see no
      one else's annotation and no cached verdict (the rule of the store's queries,
      :data:`~claims.store.queries.HIDDEN_FROM`), through the tables and the view alike.
    """
    schema = conn.execute("SELECT current_schema()").fetchone()[0]
    here = quote_ident(schema)
    annotations = _literal(f"{here}.annotations")
    # Security definer, so the check reads what the session may not; its search_path is fixed
    # so a session cannot slip its own temporary `assignments` in front of the store's.
    definer = f"LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {here}, pg_temp"
    for statement in (
        f"""CREATE FUNCTION claims_session_reviewer() RETURNS text LANGUAGE sql STABLE AS $$
            SELECT CASE WHEN pg_has_role(current_user, c.relowner, 'MEMBER')
                        THEN NULLIF(current_setting('claims.reviewer', true), '')
                        ELSE current_user::text END
            FROM pg_class c WHERE c.oid = {annotations}::regclass
        $$""",
        f"""CREATE FUNCTION claims_hidden_claim(p_claim text, p_viewer text) RETURNS boolean {definer} AS $$
            SELECT p_viewer IS NOT NULL AND {HIDDEN_FROM.format(target="p_claim", viewer="p_viewer")}
        $$""",
        # Which of these ids are stored, hidden or not: a push must not append again what the
        # session cannot see (it reveals nothing but that ids the session holds exist).
        f"""CREATE FUNCTION claims_stored_annotations(p_ids text[]) RETURNS SETOF text {definer} AS $$
            SELECT id FROM annotations WHERE id = ANY(p_ids)
        $$""",
        "ALTER VIEW effective_annotations SET (security_invoker = true)",
        "ALTER TABLE annotations ENABLE ROW LEVEL SECURITY",
        # An annotation is judged where it is attached now (its latest move), as the queries do;
        # the reviewer is looked up once a query, and the check is one function call deep
        # (PostgreSQL plans a nested SQL function again on every call).
        "CREATE POLICY blind_read ON annotations FOR SELECT USING (target_kind <> 'claim' "
        "OR reviewer = (SELECT claims_session_reviewer()) OR NOT claims_hidden_claim(COALESCE("
        "(SELECT t.target_id FROM annotation_targets t WHERE t.annotation_id = annotations.id "
        "ORDER BY t.seq DESC LIMIT 1), annotations.target_id), (SELECT claims_session_reviewer())))",
        "CREATE POLICY own_name ON annotations FOR INSERT WITH CHECK (reviewer = claims_session_reviewer() "
        "AND (adjudication = 0 OR EXISTS (SELECT 1 FROM reviewers r WHERE r.name = annotations.reviewer "
        f"AND r.{ADJUDICATORS})))",
        # The verdict cache is written by the client that computed it (claims.review's policy):
        # only with a verdict some visible annotation on that target gave.
        "ALTER TABLE current_verdicts ENABLE ROW LEVEL SECURITY",
        "CREATE POLICY blind_read ON current_verdicts FOR SELECT USING (target_kind <> 'claim' "
        "OR NOT claims_hidden_claim(target_id, (SELECT claims_session_reviewer())))",
        "CREATE POLICY cache_insert ON current_verdicts FOR INSERT WITH CHECK (EXISTS (SELECT 1 FROM "
        "effective_annotations e WHERE e.id = annotation_id AND e.target_id = current_verdicts.target_id "
        "AND e.verdict = current_verdicts.verdict))",
        "CREATE POLICY cache_update ON current_verdicts FOR UPDATE USING (true) WITH CHECK (EXISTS (SELECT 1 FROM "
        "effective_annotations e WHERE e.id = annotation_id AND e.target_id = current_verdicts.target_id "
        "AND e.verdict = current_verdicts.verdict))",
        "CREATE POLICY cache_delete ON current_verdicts FOR DELETE USING (true)",
        # The adjudication check and the announcement take the session's reviewer as above; an
        # announcement of a verdict on a claim under blind review leaves the verdict out.
        f"""CREATE OR REPLACE FUNCTION claims_check_adjudicator() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            who TEXT := COALESCE(claims_session_reviewer(), NEW.reviewer);
        BEGIN
            IF NEW.adjudication <> 0 AND (who <> NEW.reviewer
                    OR NOT EXISTS (SELECT 1 FROM reviewers WHERE name = who AND {ADJUDICATORS})) THEN
                RAISE EXCEPTION 'only an adjudicator may adjudicate (% is not one)', who
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END $$""",
        f"""CREATE OR REPLACE FUNCTION claims_notify_annotation() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{NOTIFY_CHANNEL}', json_build_object(
                'schema', current_schema(), 'id', NEW.id, 'target_kind', NEW.target_kind,
                'target_id', NEW.target_id, 'reviewer', NEW.reviewer,
                'verdict', CASE WHEN NEW.target_kind = 'claim' AND EXISTS (SELECT 1 FROM assignments s
                    WHERE s.claim_id = NEW.target_id AND s.blind = 1) THEN NULL ELSE NEW.verdict END)::text);
            RETURN NEW;
        END $$""",
    ):
        conn.execute(statement)


def own_moves(conn: Any) -> None:
    """Version 7: a reviewer's role may append the re-anchoring moves of its own annotations
    (a push carries where the offline copy re-attached them), and no one else's; the roles
    registered before get the grant that ``add_reviewer`` now gives."""
    conn.execute("ALTER TABLE annotation_targets ENABLE ROW LEVEL SECURITY")
    conn.execute("CREATE POLICY read_moves ON annotation_targets FOR SELECT USING (true)")
    conn.execute("CREATE POLICY own_moves ON annotation_targets FOR INSERT WITH CHECK (EXISTS (SELECT 1 "
                 "FROM annotations a WHERE a.id = annotation_id AND a.reviewer = claims_session_reviewer()))")
    for (name,) in conn.execute("SELECT r.name FROM reviewers r JOIN pg_roles p ON p.rolname = r.name").fetchall():
        if conn.execute("SELECT has_table_privilege(?, 'annotations', 'INSERT')", (name,)).fetchone()[0]:
            conn.execute(f"GRANT INSERT ON annotation_targets TO {quote_ident(name)}")


def readable_events(conn: Any) -> None:
    """Version 8: the reviewers' roles registered before may read the kept events, as
    ``add_reviewer`` lets them read every table (a report reads them)."""
    for (name,) in conn.execute("SELECT r.name FROM reviewers r JOIN pg_roles p ON p.rolname = r.name").fetchall():
        if conn.execute("SELECT has_table_privilege(?, 'documents', 'SELECT')", (name,)).fetchone()[0]:
            conn.execute(f"GRANT SELECT ON reconciled_events TO {quote_ident(name)}")


MIGRATIONS: tuple[tuple[Step, ...], ...] = (
    first_version(POSTGRES_DDL),
    (
        "CREATE TABLE current_overrides (target_id TEXT PRIMARY KEY, annotation_id TEXT NOT NULL)",
        fill_overrides,
    ),
    (
        "ALTER TABLE documents ADD COLUMN text BYTEA NOT NULL DEFAULT ''::bytea",
        "UPDATE documents SET text = convert_to(data::json ->> 'text', 'UTF8'), "
        "data = (data::jsonb || '{\"text\": \"\"}'::jsonb)::text",
    ),
    (
        *REVIEWERS,
        # The reviewer is the session's (claims sets claims.reviewer in each write), else the row's.
        f"""CREATE FUNCTION claims_check_adjudicator() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            who TEXT := COALESCE(NULLIF(current_setting('claims.reviewer', true), ''), NEW.reviewer);
        BEGIN
            IF NEW.adjudication <> 0 AND (who <> NEW.reviewer
                    OR NOT EXISTS (SELECT 1 FROM reviewers WHERE name = who AND {ADJUDICATORS})) THEN
                RAISE EXCEPTION 'only an adjudicator may adjudicate (% is not one)', who
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER annotations_adjudicator BEFORE INSERT ON annotations "
        "FOR EACH ROW EXECUTE FUNCTION claims_check_adjudicator()",
    ),
    (
        *ASSIGNMENTS,
        # Every new annotation is announced on NOTIFY_CHANNEL (at commit), for live refresh.
        f"""CREATE FUNCTION claims_notify_annotation() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{NOTIFY_CHANNEL}', json_build_object(
                'schema', current_schema(), 'id', NEW.id, 'target_kind', NEW.target_kind,
                'target_id', NEW.target_id, 'verdict', NEW.verdict, 'reviewer', NEW.reviewer)::text);
            RETURN NEW;
        END $$""",
        "CREATE TRIGGER annotations_notify AFTER INSERT ON annotations "
        "FOR EACH ROW EXECUTE FUNCTION claims_notify_annotation()",
    ),
    (*REVIEWER_INDEX, row_level_security),
    (own_moves,),
    (*EVENTS, readable_events),
)


def stored_version(conn: Any, where: str) -> int:
    """The schema version in the connection's current schema: 0 when it holds no store.

    Raises StoreError when the schema holds tables of the names a store uses but no
    ``schema_version``: something else lives there.
    """
    tables = {row[0] for row in conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
    )}
    if "schema_version" not in tables:
        # pg_class shows every table; the schema may even be one the role may not use (then it
        # is not its current schema, and only the search path names it).
        hidden = conn.execute(
            "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'schema_version' "
            "AND (n.nspname = current_schema() OR (current_schema() IS NULL AND n.nspname = ANY("
            "string_to_array(replace(replace(current_setting('search_path'), ' ', ''), '\"', ''), ','))))"
        ).fetchone()
        if hidden is not None:  # the store is there, but this role was granted nothing of it
            user = conn.execute("SELECT current_user").fetchone()[0]
            raise StoreError(
                f"{where}: the database role {user} may not read this store; its owner lets a reviewer in with "
                f"`claims reviewers add {user} --db OWNER_URL`"
            )
        clash = sorted(tables & OUR_TABLES)
        if clash:
            raise StoreError(
                f"{where} holds tables named like a claims store's ({', '.join(clash)}) but is not one; "
                "give another database, or another schema with options=-csearch_path=NAME in the URL"
            )
        return 0
    return int(conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0)


def migrate(conn: Any, transaction: Callable[[], Any], where: str,
            migrations: Sequence[Sequence[Step]] = MIGRATIONS, *, create: bool = True) -> int:
    """Bring the store up to ``len(migrations)``; returns the version now stored.

    Each migration runs in one transaction (``transaction()``, a context manager) holding the
    write lock and re-reading the version, so two processes opening a new store at once apply
    every migration exactly once; PostgreSQL's DDL is transactional, so a failed step leaves
    the store at the version before it.
    """
    target = len(migrations)
    while True:
        with transaction():
            conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
            version = stored_version(conn, where)
            if version > target:
                raise newer_store(where, version, target)
            if version == target:
                return version
            if version == 0 and not create:
                raise StoreError(f"{where}: no such store; run `claims ingest PATH... --db URL` first")
            apply_migration(conn, version, migrations[version])
