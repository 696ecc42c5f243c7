"""`caredesk safety reconcile --program CODE --month YYYY-MM [--csv FILE]` prints the monthly
reconciliation and exits 1 when anything is missing, 0 when the month is complete."""

from __future__ import annotations

import csv
from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.safety.services.findings import mark_no_safety_content
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db

MARCH = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


def reconcile(*args):
    try:
        call_command("safety", "reconcile", *args)
    except SystemExit as exc:
        return exc.code
    return 0


def quiet_contact(world):
    data = InteractionInput(
        channel="phone",
        direction="inbound",
        body="What is the maximum dose?",
        occurred_at=MARCH,
        received_at=MARCH,
    )
    interaction = log_interaction(world.case_a, data, acting_user=world.agent_a)
    mark_no_safety_content(interaction, acting_user=world.agent_a)


def test_a_complete_month_exits_zero(world, capsys):
    quiet_contact(world)
    assert reconcile("--program", world.program_a.code, "--month", "2026-03") == 0
    out = capsys.readouterr().out
    assert "interactions received   1" in out and "Complete: nothing missing." in out


def test_an_unscreened_contact_is_listed_and_exits_one(world, capsys, tmp_path):
    quiet_contact(world)
    f.InteractionFactory(case=world.case_a, received_at=MARCH)  # bypassed the screener
    target = tmp_path / "march.csv"
    code = reconcile("--program", world.program_a.code, "--month", "2026-03", "--csv", target)
    assert code == 1
    out = capsys.readouterr().out
    assert "MISSING (1)" in out and "unscreened" in out and world.case_a.reference in out
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert {"section": "summary", "item": "complete", "value": "no"}.items() <= next(
        r for r in rows if r["item"] == "complete"
    ).items()
    assert any(r["section"] == "missing" and r["item"] == "unscreened" for r in rows)


def test_csv_to_stdout_replaces_the_text(world, capsys):
    quiet_contact(world)
    reconcile("--program", world.program_a.code, "--month", "2026-03", "--csv", "-")
    out = capsys.readouterr().out
    assert out.startswith("section,item,value,reference,detail")


@pytest.mark.parametrize(
    ("program", "month"), [("relief-us", "2026-13"), ("relief-us", "March"), ("nope", "2026-03")]
)
def test_invalid_arguments_exit_two(world, capsys, program, month):
    assert reconcile("--program", program, "--month", month) == 2
    assert "caredesk safety reconcile:" in capsys.readouterr().err
