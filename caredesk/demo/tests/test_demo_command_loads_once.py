"""`caredesk demo` loads once, refuses a second load, and --if-empty skips quietly."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.audit.verification import verify_chain
from caredesk.cases.models import Case

pytestmark = pytest.mark.django_db

SMALL = ["--persons", "60", "--cases", "40", "--seed", "3", "--as-of", "2026-03-02T15:00"]


def run(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def test_loads_once_with_one_audit_event_and_refuses_twice():
    output = run(*SMALL)
    assert "Total load time" in output
    assert Case.objects.system_scope().count() == 40
    events = AuditEvent.objects.filter(model="demo.dataset")
    assert events.count() == 1
    event = events.get()
    assert event.action == AuditAction.CREATE
    assert event.changes["cases"] == [None, 40]
    assert event.changes["persons"] == [None, 60]
    with pytest.raises(CommandError, match="already loaded"):
        run(*SMALL)
    assert Case.objects.system_scope().count() == 40


def test_if_empty_skips_when_loaded():
    run(*SMALL)
    assert "not loaded" in run("--if-empty", *SMALL)
    assert AuditEvent.objects.filter(model="demo.dataset").count() == 1


def test_the_audit_chain_still_verifies_after_a_load():
    run(*SMALL)
    assert verify_chain().ok
