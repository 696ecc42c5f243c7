"""A complete safety case maps to an ICSR that FDA's rules accept, and `caredesk safety
export-e2b` prints it (or writes one file per safety case), audited, without a traceback on
an unknown id."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from caredesk.audit.models import AuditEvent
from caredesk.safety.e2b.reader import parse_icsr_xml
from caredesk.safety.e2b.validate import rejections, validate, validate_message
from caredesk.safety.e2b.writer import build_icsr_xml
from caredesk.safety.services.icsr_mapping import message_for_safety_case
from caredesk.safety.tests.complete_case import complete_safety_case

pytestmark = pytest.mark.django_db


def run_cli(*args):
    try:
        call_command("safety", *args)
    except SystemExit as exc:
        return exc.code
    return 0


def test_a_complete_case_validates_with_no_rejection(world):
    sc = complete_safety_case(world)
    message = message_for_safety_case(sc)
    assert rejections(validate_message(message)) == []
    assert message.case.safety_report_id == f"US-RELIEVIUM-{sc.created_at.year}{sc.pk:06d}"
    assert str(message.case.fda_report_type) == "2" or message.case.fulfil_expedited_criteria
    [reaction] = message.reactions
    assert reaction.meddra is not None and reaction.seriousness.hospitalisation
    assert message.patient.age is not None and str(message.patient.sex) == "2"
    [drug] = message.drugs
    assert drug.product_name == "Relievium 200 mg" and drug.lot_numbers == ["RLV2401A"]
    assert [str(p.qualification) for p in message.primary_sources] == ["2"]  # pharmacist
    assert message.narrative.case_narrative.startswith("A pharmacist reported")


def test_without_a_sender_profile_validation_names_the_missing_sender_contact(world):
    sc = complete_safety_case(world, with_profile=False)
    elements = {p.element for p in rejections(validate_message(message_for_safety_case(sc)))}
    assert "C.3.4.8" in elements and "C.1.1" not in elements


def test_export_prints_the_xml_and_audits_it(world, capsys):
    sc = complete_safety_case(world)
    assert run_cli("export-e2b", str(sc.pk)) == 0
    out = capsys.readouterr()
    [message] = parse_icsr_xml(out.out.encode())
    assert rejections(validate(out.out.encode())) == []
    assert message.case.safety_report_id.startswith("US-RELIEVIUM-")
    event = AuditEvent.objects.filter(action="export", model="safety.safetycase").last()
    assert event is not None
    assert event.object_id == str(sc.pk) and event.actor_username == "system:cli"


def test_the_case_reference_is_accepted_when_it_names_one_safety_case(world, capsys):
    complete_safety_case(world)
    assert run_cli("export-e2b", world.case_a.reference.lower()) == 0
    assert "<MCCI_IN200100UV01" in capsys.readouterr().out


def test_an_unknown_id_is_a_clear_error_and_exit_code_1(world, capsys):
    assert run_cli("export-e2b", "999999") == 1
    err = capsys.readouterr().err
    assert "no safety case 999999" in err and "Traceback" not in err
    assert run_cli("export-e2b", "CD-NOPE") == 1


def test_all_writes_one_file_per_safety_case_into_a_new_directory(world, tmp_path, capsys):
    sc = complete_safety_case(world)
    out = tmp_path / "new" / "dir"
    assert run_cli("export-e2b", "--all", "--out", str(out)) == 0
    files = sorted(p.name for p in out.iterdir())
    assert files == [f"safety-case-{sc.pk}-{world.case_a.reference}.xml"]
    assert parse_icsr_xml((out / files[0]).read_bytes())[0].case.safety_report_id
    assert run_cli("export-e2b", "--all") == 2


def test_control_characters_typed_by_a_caller_never_block_the_export(world):
    """A form feed or NUL pasted into a narrative is dropped, not a 500 on export."""
    sc = complete_safety_case(world)
    sc.narrative = "Rash\x0c after the second dose; recovering."
    sc.save(update_fields=["narrative"])
    sc.narrative = "Rash\x0c after the second dose\x00; recovering."  # PostgreSQL stores no NUL
    message = message_for_safety_case(sc)
    xml = build_icsr_xml(message)
    assert rejections(validate(xml)) == []
    assert b"Rash after the second dose; recovering." in xml
