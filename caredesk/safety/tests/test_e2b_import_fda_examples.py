"""FDA's ten example ICSRs import as safety cases of a program (partner and licensee reports
arrive this way) and export again with their required elements intact."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.safety.e2b.reader import parse_icsr_xml
from caredesk.safety.e2b.schema_files import EXAMPLES_DIR
from caredesk.safety.e2b.validate import rejections, validate
from caredesk.safety.e2b.writer import build_icsr_xml
from caredesk.safety.e2b.xmlutil import ts
from caredesk.safety.models import E2BImport, SafetyCase, SafetyCaseStatus
from caredesk.safety.services.e2b_import import import_icsr_file
from caredesk.safety.services.icsr_mapping import message_for_safety_case

INSTANCES = EXAMPLES_DIR
EXAMPLES = sorted(INSTANCES.glob("FAERS2022Scenario*.xml"))

pytestmark = [
    pytest.mark.django_db,
]


def key_elements(message):
    """The required elements (and a few key ones) that must survive import and export."""
    case = message.case
    return {
        "C.1.1": case.safety_report_id,
        "C.1.3": str(case.report_type),
        "C.1.4": ts(case.first_received),
        "C.1.5": ts(case.most_recent_info),
        "C.1.7": case.fulfil_expedited_criteria,
        "C.1.8.1": case.worldwide_case_id,
        "FDA.C.1.7.1": str(case.fda_report_type),
        "C.2.r.4": [str(p.qualification) for p in message.primary_sources],
        "D.1": str(message.patient.name),
        "D.5": str(message.patient.sex),
        "E.i.1.1a": [r.verbatim for r in message.reactions],
        "E.i.2.1b": [r.meddra.code if r.meddra else None for r in message.reactions],
        "E.i.3.2": [r.seriousness for r in message.reactions],
        "E.i.7": [str(r.outcome) for r in message.reactions],
        "G.k.1": [str(d.role) for d in message.drugs],
        "G.k.2.2": [d.product_name for d in message.drugs],
        "G.k.4.r.7": [d.lot_numbers for d in message.drugs],
        "G.k.9.i.2.r": [[r.assessments for r in d.reactions] for d in message.drugs],
        "H.1": message.narrative.case_narrative,
    }


def test_all_ten_examples_import_and_export_with_required_elements_intact(world):
    for path in EXAMPLES:
        xml = path.read_bytes()
        [original] = parse_icsr_xml(xml)
        [imported] = import_icsr_file(world.program_a, xml, filename=path.name)
        sc = imported.safety_case
        assert sc.program == world.program_a and sc.case.case_type == "adverse_event"
        assert sc.has_event and sc.has_reporter and sc.has_product, path.name
        exported = build_icsr_xml(message_for_safety_case(sc))
        [again] = parse_icsr_xml(exported)
        assert key_elements(again) == key_elements(original), path.name
        assert again.header.batch_sender.startswith("CAREDESK-")  # we are the sender now


def test_the_defect_in_fdas_own_file_is_kept_not_invented(world):
    """FAERS2022Scenario5-3 has no G.k.1 on a drug: the export reports it, as FDA would."""
    path = INSTANCES / "FAERS2022Scenario5-3.xml"
    [imported] = import_icsr_file(world.program_a, path.read_bytes(), filename=path.name)
    problems = validate(build_icsr_xml(message_for_safety_case(imported.safety_case)))
    assert any(p.element == "G.k.1" for p in rejections(problems))


def test_an_imported_case_has_persons_criteria_and_an_audited_origin(world):
    path = INSTANCES / "FAERS2022Scenario1.xml"
    [imported] = import_icsr_file(world.program_a, path.read_bytes(), filename=path.name)
    sc = imported.safety_case
    assert sc.reporter is not None and sc.case.person == sc.reporter
    assert sc.reactions.count() >= 1 and sc.drugs.count() >= 1
    assert sc.case.interactions.count() == 1 and sc.event_source is not None
    if sc.has_patient and sc.has_reporter and sc.has_product and sc.has_event:
        assert sc.status == SafetyCaseStatus.VALID and sc.day_zero is not None
    record = E2BImport.objects.get(safety_case=sc)  # scoping: ok (test)
    assert record.filename == path.name and len(record.sha256) == 64
    assert AuditEvent.objects.filter(
        model="safety.e2bimport", actor_username="system:import-e2b"
    ).exists()


def test_importing_the_same_file_twice_creates_nothing_new(world):
    path = INSTANCES / "FAERS2022Scenario2.xml"
    first = import_icsr_file(world.program_a, path.read_bytes(), filename=path.name)
    again = import_icsr_file(world.program_a, path.read_bytes(), filename=path.name)
    assert [i.created for i in again] == [False]
    assert again[0].safety_case == first[0].safety_case
    assert SafetyCase.objects.filter(program=world.program_a).count() == 1  # scoping: ok


def test_the_import_command_reports_each_icsr_and_unreadable_files(world, tmp_path, capsys):
    from django.core.management import call_command

    bad = tmp_path / "not-e2b.xml"
    bad.write_text("<hello/>")
    good = INSTANCES / "FAERS2022Scenario3.xml"
    with pytest.raises(SystemExit) as exit_info:
        call_command("safety", "import-e2b", "--program", "relief-us", str(good), str(bad))
    assert exit_info.value.code == 1
    out = capsys.readouterr()
    assert "imported: FAERS2022Scenario3.xml -> safety case" in out.out
    assert "not-e2b.xml" in out.err and "Traceback" not in out.err
    with pytest.raises(SystemExit) as exit_info:
        call_command("safety", "import-e2b", "--program", "nope", str(good))
    assert exit_info.value.code == 2
