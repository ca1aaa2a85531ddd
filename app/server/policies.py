"""The rights and row-level security policies of a server project.

Two group roles per database: its annotators and its leads (a lead is also an annotator).
Annotators read what they may see and write only their own rows of the tables that hold
people's work; everything else (codebook, documents, settings, the gold layer, rejected
places) is written by leads only. The policies are forced, so the tables' owner is held
to them too; blind annotation is enforced here, not only by the window.
"""

from sqlalchemy import Connection, text

from app.team.visibility import BLIND_KEY

# Tables annotators write besides their own rows of the work tables: decisions on
# suggestions are the project's, not one annotator's.
SHARED_WRITABLE = ("suggestion_decisions",)
# Name of the row's owner in each work table, as an SQL condition true for own rows.
_OWN = {
    "annotations": "annotator_id IN (SELECT id FROM annotators WHERE name = current_user)",
    "assignments": "annotator_id IN (SELECT id FROM annotators WHERE name = current_user)",
    "history_steps": "annotator = current_user",
    "annotators": "name = current_user",
    "change_log": "annotator = current_user",
}
# What annotators may read of each work table.
_VISIBLE = {
    "annotations": f"""(
        {_OWN["annotations"]}
        OR NOT EXISTS (SELECT 1 FROM project_settings WHERE key = '{BLIND_KEY}')
        OR current_user = (SELECT value FROM project_settings WHERE key = '{BLIND_KEY}')
        OR (EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = annotations.document_id)
            AND NOT EXISTS (SELECT 1 FROM assignments a
                            WHERE a.document_id = annotations.document_id
                              AND a.status <> 'done')))""",
    "assignments": "true",
    "history_steps": _OWN["history_steps"],
    "annotators": "true",
    "change_log": "true",
}
# What annotators may do to their own rows.
_MEMBER_COMMANDS = {
    "annotations": ("INSERT", "UPDATE", "DELETE"),
    "assignments": ("INSERT", "UPDATE", "DELETE"),
    "history_steps": ("INSERT", "UPDATE", "DELETE"),
    "annotators": ("INSERT",),
    "change_log": ("INSERT",),
}
WORK_TABLES = tuple(_OWN)


def member_group(database: str) -> str:
    """The group role of a database's annotators (every member, leads included)."""
    return f"fangtan_{database[:40]}_annotators"


def lead_group(database: str) -> str:
    return f"fangtan_{database[:40]}_leads"


def install_policies(connection: Connection) -> None:
    """Create the group roles when missing, grant their rights and (re)create every policy.
    Run in the lead's transaction after each schema change."""
    database = str(connection.execute(text("SELECT current_database()")).scalar())
    members = _ensure_group(connection, member_group(database))
    leads = _ensure_group(connection, lead_group(database))
    run = connection.exec_driver_sql
    quoted_db = quote_name(connection, database)
    run(f"GRANT CONNECT ON DATABASE {quoted_db} TO {members}, {leads}")
    run(f"GRANT USAGE ON SCHEMA public TO {members}, {leads}")
    run(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {members}")
    run(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {leads}")
    run(f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {leads}")
    run(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {members}, {leads}")
    for table in SHARED_WRITABLE:
        run(f"GRANT INSERT, UPDATE, DELETE ON {table} TO {members}")
    for table in WORK_TABLES:
        run(f"GRANT {', '.join(_MEMBER_COMMANDS[table])} ON {table} TO {members}")
        run(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        run(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        for (name,) in connection.execute(
            text("SELECT policyname FROM pg_policies WHERE tablename = :table"), {"table": table}
        ).all():
            run(f"DROP POLICY {quote_name(connection, name)} ON {table}")
        run(f"CREATE POLICY leads_all ON {table} TO {leads} USING (true) WITH CHECK (true)")
        visible = _VISIBLE[table]
        run(f"CREATE POLICY members_read ON {table} FOR SELECT TO {members} USING ({visible})")
        own = _OWN[table]
        # Another's row that an annotator may see is not filtered out of an UPDATE or a
        # DELETE (which would do nothing, silently): the new row's check and the trigger
        # below refuse it with an error the window can show.
        for command in _MEMBER_COMMANDS[table]:
            clause = {
                "INSERT": f"WITH CHECK ({own})",
                "UPDATE": f"USING ({visible}) WITH CHECK ({own})",
                "DELETE": f"USING ({visible})",
            }[command]
            name = f"members_{command.lower()}"
            run(f"CREATE POLICY {name} ON {table} FOR {command} TO {members} {clause}")
        if "DELETE" in _MEMBER_COMMANDS[table]:
            _refuse_others_deletes(connection, table, own, lead_group(database))


def _refuse_others_deletes(connection: Connection, table: str, own: str, leads: str) -> None:
    """A trigger refusing an annotator's delete of a row that is not theirs. Deletes that
    follow from a lead's change (a tag or a document deleted) run as the tables' owner."""
    function = f"fangtan_refuse_delete_{table}"
    leads_literal = str(
        connection.execute(text("SELECT quote_literal(:name)"), {"name": leads}).scalar()
    )
    owned = own.replace("annotator_id", "OLD.annotator_id").replace(
        "annotator = ", "OLD.annotator = "
    )
    connection.exec_driver_sql(
        f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF ({owned})
               OR pg_has_role(current_user, {leads_literal}, 'MEMBER')
               OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION 'this is another annotator''s work; only they or a lead may remove it'
                USING ERRCODE = 'insufficient_privilege';
        END
        $$"""
    )
    connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS refuse_others_deletes ON {table}")
    connection.exec_driver_sql(
        f"CREATE TRIGGER refuse_others_deletes BEFORE DELETE ON {table}"
        f" FOR EACH ROW EXECUTE FUNCTION {function}()"
    )


def _ensure_group(connection: Connection, name: str) -> str:
    exists = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}
    ).scalar()
    quoted = quote_name(connection, name)
    if not exists:
        connection.exec_driver_sql(f"CREATE ROLE {quoted} NOLOGIN")
    return quoted


def quote_name(connection: Connection, name: str) -> str:
    """An identifier quoted by the server itself (quote_ident), never by hand."""
    return str(connection.execute(text("SELECT quote_ident(:name)"), {"name": name}).scalar())
