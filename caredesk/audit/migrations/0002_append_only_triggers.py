"""Database triggers that refuse UPDATE, DELETE and TRUNCATE on the audit trail.

The application only ever INSERTs audit events; these triggers make the database itself refuse
anything else, on PostgreSQL and on SQLite alike. A maintenance switch exists for throw-away
test databases (whose teardown empties every table): on PostgreSQL the setting
`caredesk.audit_maintenance = 'on'`, on SQLite a row in the table `audit_maintenance`. Nothing in
the application sets either; see docs/decisions/0004-audit-trail-is-append-only-in-the-database.md.
"""

from django.db import migrations

PG_FORWARD = [
    """
    CREATE OR REPLACE FUNCTION audit_auditevent_refuse_change() RETURNS trigger AS $$
    BEGIN
        IF coalesce(current_setting('caredesk.audit_maintenance', true), '') = 'on' THEN
            IF TG_LEVEL = 'STATEMENT' THEN RETURN NULL; END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_auditevent is append-only: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER audit_auditevent_append_only
    BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_refuse_change()
    """,
    """
    CREATE TRIGGER audit_auditevent_no_truncate
    BEFORE TRUNCATE ON audit_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION audit_auditevent_refuse_change()
    """,
]
PG_BACKWARD = [
    "DROP TRIGGER IF EXISTS audit_auditevent_no_truncate ON audit_auditevent",
    "DROP TRIGGER IF EXISTS audit_auditevent_append_only ON audit_auditevent",
    "DROP FUNCTION IF EXISTS audit_auditevent_refuse_change()",
]

SQLITE_FORWARD = [
    "CREATE TABLE IF NOT EXISTS audit_maintenance (reason TEXT NOT NULL)",
    """
    CREATE TRIGGER audit_auditevent_no_update BEFORE UPDATE ON audit_auditevent
    WHEN NOT EXISTS (SELECT 1 FROM audit_maintenance)
    BEGIN SELECT RAISE(ABORT, 'audit_auditevent is append-only: UPDATE refused'); END
    """,
    """
    CREATE TRIGGER audit_auditevent_no_delete BEFORE DELETE ON audit_auditevent
    WHEN NOT EXISTS (SELECT 1 FROM audit_maintenance)
    BEGIN SELECT RAISE(ABORT, 'audit_auditevent is append-only: DELETE refused'); END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS audit_auditevent_no_delete",
    "DROP TRIGGER IF EXISTS audit_auditevent_no_update",
    "DROP TABLE IF EXISTS audit_maintenance",
]

STATEMENTS = {
    "postgresql": (PG_FORWARD, PG_BACKWARD),
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
}


def _run(schema_editor, forward: bool) -> None:
    pair = STATEMENTS.get(schema_editor.connection.vendor)
    if pair is None:
        return
    for sql in pair[0] if forward else pair[1]:
        schema_editor.execute(sql, None)  # None: the SQL holds a literal '%'


def forwards(apps, schema_editor) -> None:
    _run(schema_editor, forward=True)


def backwards(apps, schema_editor) -> None:
    _run(schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
