"""Electronic signatures are append-only like the audit trail (same triggers, same maintenance
switch: see 0002 and docs/decisions/0004-audit-trail-is-append-only-in-the-database.md)."""

from django.db import migrations

PG_FORWARD = [
    """
    CREATE TRIGGER audit_esignature_append_only
    BEFORE UPDATE OR DELETE ON audit_esignature
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_refuse_change()
    """,
    """
    CREATE TRIGGER audit_esignature_no_truncate
    BEFORE TRUNCATE ON audit_esignature
    FOR EACH STATEMENT EXECUTE FUNCTION audit_auditevent_refuse_change()
    """,
]
PG_BACKWARD = [
    "DROP TRIGGER IF EXISTS audit_esignature_no_truncate ON audit_esignature",
    "DROP TRIGGER IF EXISTS audit_esignature_append_only ON audit_esignature",
]
SQLITE_FORWARD = [
    """
    CREATE TRIGGER audit_esignature_no_update BEFORE UPDATE ON audit_esignature
    WHEN NOT EXISTS (SELECT 1 FROM audit_maintenance)
    BEGIN SELECT RAISE(ABORT, 'audit_esignature is append-only: UPDATE refused'); END
    """,
    """
    CREATE TRIGGER audit_esignature_no_delete BEFORE DELETE ON audit_esignature
    WHEN NOT EXISTS (SELECT 1 FROM audit_maintenance)
    BEGIN SELECT RAISE(ABORT, 'audit_esignature is append-only: DELETE refused'); END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS audit_esignature_no_delete",
    "DROP TRIGGER IF EXISTS audit_esignature_no_update",
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
        schema_editor.execute(sql, None)


def forwards(apps, schema_editor) -> None:
    _run(schema_editor, forward=True)


def backwards(apps, schema_editor) -> None:
    _run(schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_esignature")]

    operations = [migrations.RunPython(forwards, backwards)]
