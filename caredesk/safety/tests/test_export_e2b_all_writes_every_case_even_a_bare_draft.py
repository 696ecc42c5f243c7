"""`caredesk safety export-e2b --all --out DIR` writes one file per safety case (design.md),
including a bare draft opened by a flag alone: what FDA would reject is a warning on stderr,
never a missing file, and nothing but XML reaches stdout for a single case."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.safety.e2b.reader import parse_icsr_xml
from caredesk.safety.models import FindingKind, SafetyCase
from caredesk.safety.tests.complete_case import complete_safety_case
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db


def _bare_draft(world) -> SafetyCase:
    case = f.CaseFactory(program=world.program_a, person=world.pharmacist_a)
    data = InteractionInput(channel="phone", direction="inbound", body="Got a rash after it.")
    interaction = log_interaction(case, data, acting_user=world.agent_a)
    draft = interaction.findings.get(kind=FindingKind.ADVERSE_EVENT).safety_case
    assert draft is not None
    return draft


def _cli(*args: str) -> int:
    try:
        call_command("safety", *args)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_all_writes_a_file_for_the_complete_case_and_the_bare_draft(world, tmp_path, capsys):
    complete, draft = complete_safety_case(world), _bare_draft(world)
    assert _cli("export-e2b", "--all", "--out", str(tmp_path)) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == SafetyCase.objects.system_scope().count() >= 2  # scoping: ok (test)
    for sc in (complete, draft):
        [path] = tmp_path.glob(f"safety-case-{sc.pk}-*.xml")
        assert len(parse_icsr_xml(path.read_bytes())) == 1
    assert _cli("export-e2b", str(draft.pk)) == 0
    single = capsys.readouterr()
    assert single.out.startswith("<?xml") and single.out.rstrip().endswith(">")
    assert len(parse_icsr_xml(single.out.encode("utf-8"))) == 1
